"""Regular expressions for quantities, built once from a :class:`~dangjian_extract.lexicon.Lexicon`.

Every pattern here is linear: character classes with ``+`` and alternations of fixed words, never a
quantified group that contains another quantifier over the same characters, so no input can make them
backtrack without bound.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .lexicon import Lexicon, alternation
from .numbers import CN_DIGITS, CN_NUMERAL_CHARS

CNC = regex.escape(CN_NUMERAL_CHARS)
CN_DIGIT_CLASS = regex.escape("".join(CN_DIGITS))
AR = r"(?<![\d.])(?<!\d,)\d+(?:,\d{3})*(?:\.\d+)?(?![\d])"
CN = rf"(?<![{CNC}])[{CNC}]+(?:点[{CN_DIGIT_CLASS}]+)?"
# 千 is a multiplier except in the units 千米/千克/千瓦/千元-free forms (3千米 is 3 km, not 3000 m)
MULT = r"(?:[十百万亿]|千(?![米克瓦]))+"
INNER = "[余多几来]"
RANGE_SEP = "[-—–~～至到]"


@dataclass(frozen=True)
class Grammar:
    """Compiled patterns for one lexicon."""

    quantity: regex.Pattern[str]
    token: regex.Pattern[str]
    stop_phrases: regex.Pattern[str] | None


def build_grammar(lex: Lexicon) -> Grammar:
    units = alternation(list(lex.units))
    nouns = alternation(list(lex.counted_nouns))
    main = (
        rf"(?P<num>{AR}|{CN})(?P<inner>{INNER})?(?P<mult>{MULT})?(?P<inner2>[余多])?"
        rf"(?:(?P<sep>{RANGE_SEP})(?P<num2>{AR}|{CN})(?P<inner3>[余多])?(?P<mult2>{MULT})?)?"
        rf"(?P<unit>{units})?"
    )
    quantity = (
        rf"(?:翻了?(?P<fan>[一两三四])番"
        rf"|(?P<den>{AR}|{CN})分之(?P<numer>{AR}|{CN})"
        rf"|百分之(?P<pct>{AR}|{CN})"
        rf"|(?P<half>一半|半数)"
        rf"|(?<![{CNC}])(?P<cheng>[一二三四五六七八九两])成(?![立为功员果本长熟效绩交品型都片群])"
        rf"|(?P<cnum>(?<![\d.])\d{{1,3}}(?![\d.])|{CN})(?P<da>大)?(?P<noun>{nouns})"
        rf"|{main})"
    )
    # token boundaries wherever a quantity can start or end: numerals, units right after them, and white space
    # (line starts begin sections); punctuation stays inside text runs: fewer tokens, a cheaper Doc
    token = (
        rf"\d+(?:[.,]\d+)*|[{CNC}]+"
        rf"|(?<=[\d{CNC}余多几])(?:大(?:{nouns})|{units}|{nouns}|[余多几])"
        rf"|\s+"
        rf"|[^\s\d{CNC}]+"
    )
    stops = alternation(list(lex.stop_phrases))
    return Grammar(
        quantity=regex.compile(quantity),
        token=regex.compile(token),
        stop_phrases=regex.compile(stops) if stops else None,
    )
