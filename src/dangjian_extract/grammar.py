"""Regular expressions for quantities, built once from a :class:`~dangjian_extract.lexicon.Lexicon`.

Every pattern here is linear: character classes with ``+`` and alternations of fixed words, never a
quantified group that contains another quantifier over the same characters, so no input can make them
backtrack without bound.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import regex

from .lexicon import Lexicon, UnitInfo, alternation
from .numbers import CAPITAL_NUMERAL_CHARS, CN_DIGITS, CN_NUMERAL_CHARS

CNC = regex.escape(CN_NUMERAL_CHARS)
CN_DIGIT_CLASS = regex.escape("".join(CN_DIGITS))
CAPC = regex.escape(CAPITAL_NUMERAL_CHARS)
# a space in a number as typeset or copied from a PDF: thousands set apart (6 000万元, 12 345人; also no-break and
# thin spaces), a decimal torn after its point (25. 8万元; not "1. 3个…" opening a numbered line)
SPACE = "[ \u00a0\u2009\u202f]"
_TORN_DECIMAL = rf"(?<!(?:^|\n)[ \t]*\d+\.)(?<!\d\.\d+\.){SPACE}(?=\d)"
AR = (rf"(?<![\d.])(?<!\d,)(?:\d{{1,3}}(?:{SPACE}\d{{3}})+(?!\d)|\d+(?:,\d{{3}})*)"
      rf"(?:\.(?:{_TORN_DECIMAL})?\d+)?(?![\d])")
# (二百千瓦: the 千 of 千瓦/千米/千克 begins the unit, not the numeral)
CN = rf"(?<![{CNC}])(?:(?!千[米克瓦])[{CNC}])+(?:点[{CN_DIGIT_CLASS}]+)?"
# 千 is a multiplier except in the units 千米/千克/千瓦/千元-free forms (3千米 is 3 km, not 3000 m)
MULT = r"(?:[十百万亿]|千(?![米克瓦]))+"
INNER = "[余多几来]"
RANGE_SEP = "(?:--|——|[-—–~～至到])"
RANGE_SEP_FIRST = "-—–~～至到"  # the first characters of RANGE_SEP
# what a numeral of A_den may hold (digits, grouping, a torn decimal's space, Chinese numerals, 点): a lookahead
# for 分之 after such a run keeps every other number from being parsed twice (as A_den, then as A_main)
_DEN_AHEAD = rf"(?=[\d,.{SPACE[1:-1]}{CNC}点]{{0,32}}分之)"
# a minus sign: ASCII or U+2212 (full-width － is ASCII after normalisation) not right after a digit, a letter
# or a closing bracket (1-7月, A-3 are not signs), or 负 before Arabic digits (负0.2千米), not the 负 of 减负 or 胜负
SIGN = r"(?:(?<![\dA-Za-z)\]%\-—–~])[-−](?=\d)|(?<![减胜抱欠自担])负(?=\d))"
# 几十万元, 数百人: 几/数 before a multiplier is part of the number (about); 数 ending a noun (人数, 户数) is not
JI = r"(?:几|(?<![人户总次件个倍指分参基函系岁字票位名项家台辆天期笔单张场份面篇处])数)(?=[十百千万])"
# trailing 半 after a unit (两米半, 一个半小时): the time unit after 个半 is the unit (the default of units.json
# time_units_after_ge)
HALF_UNITS = {"小时": "小时", "钟头": "小时", "月": "月", "天": "天", "年": "年"}
# characters after 成 that make it part of a word (成立, 成为 …), not "tenths"
CHENG_NOT = "立为功员果本长熟效绩交品型片群了"
# what may follow the noun of 三大主导产业: a particle, punctuation, a quote or the end of a line
BIG_END = r"[之的等和与及，。、；：！？,;:!?\s“”\"‘’（()]|$"
CHENG_HALF_NOT = "年天月小岛山价截径导途夜"
# prepositions and copulas that end the noun of 四大展厅 (以四大展厅为主线)
BIG_NOUN_STOPS = "为是在把被将从向对以"


@dataclass(frozen=True)
class Grammar:
    """Compiled patterns for one lexicon (the ones not every text needs are compiled on first use)."""

    quantity: regex.Pattern[str]
    token_pattern: str
    stop_pattern: str | None
    stop_words: tuple[str, ...]
    units: dict[str, UnitInfo]
    not_followed_by: dict[str, tuple[str, ...]]

    @cached_property
    def token(self) -> regex.Pattern[str]:
        """Token boundaries of the coarse tokenizer (spaCy Docs only: extract() needs no tokens)."""
        return regex.compile(self.token_pattern)

    @cached_property
    def stop_phrases(self) -> regex.Pattern[str] | None:
        """The stop phrases as one pattern (the filter looks them up by their first characters instead)."""
        return regex.compile(self.stop_pattern) if self.stop_pattern else None


def _read_data(name: str) -> dict[str, Any]:
    with resources.files("dangjian_extract").joinpath(f"data/{name}.json").open(encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def reference_classifiers() -> dict[str, Any]:
    """``data/classifiers.json``: the CC-CEDICT classifier list (see its ``source``)."""
    return _read_data("classifiers")


@lru_cache(maxsize=1)
def reference_terms() -> tuple[str, ...]:
    """``data/terms.json``: idioms and fixed terms that hold a numeral but state no quantity."""
    data = _read_data("terms")
    return tuple(data["idioms"]) + tuple(data["terms"])


def unit_table(lex: Lexicon) -> dict[str, UnitInfo]:
    """Every unit word read after a number: the lexicon's units and measure words, the reference classifiers
    (less the ones that clash with dates and common words), ``大`` + a measure word (5大类 → 类), and a
    measure word with its 次 in brackets (4.8亿件(次) → 件次), and any two-character measure word written with its
    second character in brackets (415头(只) → 头只)."""
    ref = reference_classifiers()
    units = dict(lex.units)
    skip = set(ref.get("not_after_numbers", {}))
    for word in ref.get("classifiers", {}):
        if word not in skip and word not in units:
            units[word] = UnitInfo(word, word, "count")
    for word in lex.raw.get("units", {}).get("measure_words_after_da", []):
        if word in units:
            units["大" + word] = UnitInfo("大" + word, units[word].unit, units[word].kind)
    for word, info in list(units.items()):
        if info.kind == "count" and word + "次" in units and not word.startswith("大"):
            units[word + "(次)"] = UnitInfo(word + "(次)", units[word + "次"].unit, "count")
        if info.kind == "count" and len(word) == 2 and word[0] in units and word[1] in units \
                and word[0] + "(" + word[1] + ")" not in units:
            # 415头(只) → 头只: a two-character measure word written with its second character in brackets
            units[word[0] + "(" + word[1] + ")"] = UnitInfo(word[0] + "(" + word[1] + ")", info.unit, "count")
    return units


def not_followed_by(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """Measure word → words it begins when followed by them (3单元, 3道路): the lexicon's and the reference's."""
    merged = {k: list(v) for k, v in lex.unit_not_followed_by.items()}
    for word, after in reference_classifiers().get("not_followed_by", {}).items():
        merged.setdefault(word, [])
        merged[word] += [a for a in after if a not in merged[word]]
    return {k: tuple(v) for k, v in merged.items()}


_GRAMMARS: dict[int, tuple[Lexicon, Grammar]] = {}


def build_grammar(lex: Lexicon) -> Grammar:
    """The grammar of a lexicon, built once and shared by the tokenizer and the components that read it."""
    known = _GRAMMARS.get(id(lex))
    if known is not None and known[0] is lex:
        return known[1]
    if len(_GRAMMARS) >= 16:  # lexicons built outside lexicon_for's cache: keep memory bounded
        _GRAMMARS.clear()
    grammar = _build_grammar(lex)
    _GRAMMARS[id(lex)] = (lex, grammar)
    return grammar


def _build_grammar(lex: Lexicon) -> Grammar:
    table = unit_table(lex)
    # a first-character test before the alternation of some 200 unit words, tried after every numeral
    units = f"(?=[{regex.escape(''.join({w[0] for w in table}))}])(?:{alternation(list(table))})"
    nouns = alternation(list(lex.counted_nouns))
    time_units = lex.raw.get("units", {}).get("time_units_after_ge", HALF_UNITS)
    first_after_space = regex.escape("".join({w[0] for w in table} | set("十百千万亿")))
    # a range needs its separator within a unit and (含) of here: most numbers have none, and the lookahead
    # spares them the unit alternation tried and given up again (a necessary condition: the same matches)
    reach = max(map(len, table), default=0) + len("(含)")
    range_ahead = f"(?=[^{RANGE_SEP_FIRST}]{{0,{reach}}}[{RANGE_SEP_FIRST}])"
    num = rf"(?:{AR}|{CN})"
    main = (
        rf"(?P<sign>{SIGN})?(?P<ji>{JI})?"
        # a space between figures and their unit, as typeset (197 户, 25. 8 万元, 10.8 %)
        rf"(?P<num>{AR}|{CN})(?P<inner>{INNER})?(?P<sp>(?<=\d){SPACE}(?=[{first_after_space}]))?"
        rf"(?P<mult>{MULT})?(?P<inner2>[余多])?"
        # a range: 3-5万元, 1万元—5万元 (the unit written twice), 1万(含)-5万元
        rf"(?:{range_ahead}(?P<unit1>{units})?(?:\(含\))?(?P<sep>{RANGE_SEP})(?P<num2>{AR}|{CN})(?P<inner3>[余多])?"
        rf"(?P<mult2>{MULT})?)?"
        # the unit, or a counted noun (5村, 八大楼宇); a 块/元 may go on with 角/毛 and 分 (十块三毛)
        rf"(?(unit1)(?P<unit_again>(?P=unit1))|(?:(?P<da>大)?(?P<noun>{nouns})|(?P<unit>{units}))?)"
        rf"(?:(?<=[块元])(?P<jiao>[{CN_DIGIT_CLASS}]|\d)[毛角](?:(?P<fen>[{CN_DIGIT_CLASS}]|\d)分)?(?P<qian>钱)?)?"
        rf"(?P<half2>半(?P<half_unit>个?(?:{alternation(time_units)}))|半(?![{CHENG_HALF_NOT}]))?"
    )
    # each alternative is wrapped in a group named A_<kind>, the last group to close, so ``m.lastgroup`` says
    # which one matched without asking every group
    quantity = (
        # every alternative starts with one of these: a cheap test before trying each of them
        rf"(?=[\d{CNC}{CAPC}翻半几数负\-−])"
        rf"(?:(?P<A_fan>翻了?(?P<fan>[一两三四])番)"
        rf"|(?P<A_cap>(?P<cap>[{CAPC}][{CAPC}{CNC}]*)(?P<cap_unit>元|圆))"
        rf"|(?P<A_pct>百分之(?P<pct>{num}))"
        rf"|{_DEN_AHEAD}(?P<A_den>(?P<den>{num})分之(?P<numer>{num}))"
        # a lookahead for its first characters before an alternative that opens with lookbehinds: one test
        # where the lookbehinds were several (the same matches: the lookahead only states what must follow)
        rf"|(?=\d{{1,2}}/)(?P<A_slash>(?<![\d./:])(?P<snum>\d{{1,2}})/(?P<sden>\d{{1,3}})(?![\d./:年月日号时点楼栋层室小]))"
        # 过半, 近半, 减半, 一大半: half written after the word that qualifies or changes it, the clause's last word
        # (not 春节已过半: a period half gone)
        rf"|(?P<A_half>(?P<half>一半|半数|一大半|一多半|(?:(?<=[近超减])|(?<=(?<![已刚才])过))半(?=[，。；、,;！!？?”）)]|$)))"
        # 成 follows within three characters (八点五成, 10成, 9.5成)
        rf"|(?=[\s\S]{{1,3}}成)(?P<A_cheng>(?<![{CNC}\d.])(?P<cheng>[一二三四五六七八九]点[一二三四五六七八九]|[一二三四五六七八][二三四五六七八九]|[一二三四五六七八九两十]|10|\d(?:\.\d)?)成(?![{CHENG_NOT}])(?!都[市会])"
        rf"(?:(?P<cheng_half>半)|(?P<cheng_tail>[一二三四五六七八九])(?![{CNC}个成]))?)"
        # 三大主导产业之一: N大 + a short noun phrase up to a boundary (八大楼宇 when the noun is not listed)
        # (七大项行动, 三大类: 项/类 is the measure word; a verb or preposition ends the noun: 四大展厅|为主线)
        rf"|(?=[两三四五六七八九]大)(?P<A_big>(?<![{CNC}])(?P<bnum>[两三四五六七八九])大"
        rf"(?P<bnoun>[项类](?![目型别])|(?:(?![{BIG_NOUN_STOPS}])\p{{Han}}){{2,5}}?(?={BIG_END}|[{BIG_NOUN_STOPS}])))"
        rf"|(?P<A_main>{main}))"
    )
    # token boundaries wherever a quantity can start or end: numerals, units right after them, and white space
    # (line starts begin sections); punctuation stays inside text runs: fewer tokens, a cheaper Doc
    token = (
        rf"\d+(?:[.,]\d+)*|[{CNC}]+"
        rf"|(?<=[\d{CNC}余多几])(?:大(?:{nouns})|{units}|{nouns}|[余多几])"
        rf"|\s+"
        rf"|[^\s\d{CNC}]+"
    )
    stop_words = tuple(lex.stop_phrases) + reference_terms()
    stops = alternation(stop_words)
    return Grammar(
        quantity=regex.compile(quantity),
        token_pattern=token,
        # a first-character test before the alternation of several hundred phrases
        stop_pattern=f"(?=[{regex.escape(''.join({w[0] for w in stop_words if w}))}])(?:{stops})" if stops else None,
        stop_words=stop_words,
        units=table,
        not_followed_by=not_followed_by(lex),
    )
