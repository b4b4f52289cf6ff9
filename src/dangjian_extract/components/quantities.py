"""Find every stated quantity: one regex pass over ``doc.text``, spans mapped with ``ensure_spans``.

This component finds candidates and parses them (value, range, unit, kind, qualifier); deciding that a
candidate is a date, a slogan or a name is the job of ``dangjian_filters``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import fields, register_extensions
from ..grammar import build_grammar
from ..lexicon import Lexicon, lexicon_for
from ..numbers import CN_DIGITS, MULTIPLIERS, parse_number
from ..spans import doc_text, ensure_spans

METRICS_KEY = "metrics"
_LARGE = regex.compile("[万亿]")
_TRAILING_LARGE = regex.compile("[万亿]*$")
DOUBLING = {"一": 100.0, "两": 300.0, "三": 700.0, "四": 1500.0}


@dataclass
class Candidate:
    """A parsed quantity in doc.text offsets, before filtering."""

    start: int
    end: int
    value: float
    unit: str
    unit_text: str
    unit_start: int
    kind: str
    numeral: str
    numeral_start: int
    source: str
    value_max: float | None = None
    qualifier: str = "exact"
    change: str | None = None
    unit_end: int | None = None  # set when the unit word is written before the number (百分之十五)


def _prefix_word(text: str, pos: int, words: dict[str, str]) -> str | None:
    """The longest word of ``words`` that ends exactly at ``pos``."""
    for width in range(min(4, pos), 0, -1):
        word = text[pos - width:pos]
        if word in words:
            return word
    return None


def _suffix_word(text: str, pos: int, words: dict[str, str]) -> str | None:
    for width in range(min(3, len(text) - pos), 0, -1):
        word = text[pos:pos + width]
        if word in words:
            return word
    return None


def _is_bare_multiplier(numeral: str) -> bool:
    return bool(numeral) and all(ch in MULTIPLIERS and ch != "十" for ch in numeral)


_CANDIDATE_FIELDS = ("value", "value_max", "unit", "unit_text", "unit_start", "unit_end", "kind", "numeral",
                     "numeral_start", "source", "qualifier", "change")


class QuantityFinder:
    """spaCy component: ``doc.spans["metrics"]`` gets every parsed quantity."""

    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None) -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicon = lexicon_for(extra_lexicon)
        self.pattern = build_grammar(self.lex).quantity
        self._nouns_longest_first = sorted(self.lex.noun_units, key=len, reverse=True)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        candidates = [c for m in self.pattern.finditer(text) if (c := self.interpret(m, text)) is not None]
        spans = ensure_spans(doc, [(c.start, c.end) for c in candidates], label="METRIC")
        for span, c in zip(spans, candidates, strict=False):
            f = fields(span)
            for attr in _CANDIDATE_FIELDS:
                f[attr] = getattr(c, attr)
        doc.spans[METRICS_KEY] = spans
        return doc

    # -- parsing one match -------------------------------------------------------------------------
    def interpret(self, m: regex.Match[str], text: str) -> Candidate | None:
        if m.group("fan"):
            start = m.start("fan")
            return Candidate(start, m.end(), DOUBLING[m.group("fan")], "%", "番", m.end() - 1, "percent",
                             m.group("fan"), start, "doubling", change="increase")
        if m.group("den"):
            den, numer = parse_number(m.group("den")), parse_number(m.group("numer"))
            if den is None or numer is None or den.value == 0:
                return None
            return self._qualified(Candidate(m.start(), m.end(), numer.value / den.value * 100, "%", "分之",
                                             m.start(), "percent", m.group(0), m.start(), "fraction",
                                             unit_end=m.end("den") + 2), text)
        if m.group("pct"):
            n = parse_number(m.group("pct"))
            if n is None:
                return None
            return self._qualified(Candidate(m.start(), m.end(), n.value, "%", "百分之", m.start(), "percent",
                                             m.group("pct"), m.start("pct"), "percent_word",
                                             unit_end=m.start("pct")), text)
        if m.group("half"):
            return self._qualified(Candidate(m.start(), m.end(), 50.0, "%", m.group("half"), m.start(),
                                             "percent", m.group("half"), m.start(), "half"), text)
        if m.group("cheng"):
            value = CN_DIGITS[m.group("cheng")] * 10.0
            return self._qualified(Candidate(m.start(), m.end(), value, "%", "成", m.end() - 1, "percent",
                                             m.group("cheng"), m.start(), "cheng"), text)
        if m.group("noun"):
            n = parse_number(m.group("cnum"))
            if n is None:
                return None
            noun = m.group("noun")
            return self._qualified(Candidate(m.start(), m.end(), n.value, noun, noun, m.start("noun"), "count",
                                             m.group("cnum"), m.start(), "counted_noun"), text)
        return self._number(m, text)

    def _number(self, m: regex.Match[str], text: str) -> Candidate | None:
        numeral, mult = m.group("num"), m.group("mult") or ""
        unit_word = m.group("unit")
        if m.group("sep") and not unit_word:
            return None  # 1-7月份, 2022—2023: a range with no unit is a period or a code
        end = m.end()
        shared = ""
        if m.group("sep") and not mult:
            # 3-5万元, 三到五万元, 一千到两千万元: the second number's 万/亿 scales the first too, unless the
            # first has its own (一万-2万元). In Chinese numerals it is inside the numeral (五万), not in mult2.
            second_mult = m.group("mult2") or _TRAILING_LARGE.search(m.group("num2")).group()
            if not _LARGE.search(numeral):
                shared = second_mult
        first = parse_number(numeral, mult or shared)
        if first is None:
            return None
        value_max = first.value_max
        if m.group("sep"):
            second = parse_number(m.group("num2"), m.group("mult2") or "")
            if second is None or second.value < first.value:
                return None  # 5-3个 is not a range (a score, a code)
            value_max = second.value
        if not math.isfinite(first.value) or (value_max is not None and not math.isfinite(value_max)):
            return None  # 1亿亿亿…元: past what a float holds; no report states such a figure
        if unit_word:
            info = self.lex.units[unit_word]
            unit, kind, unit_start = info.unit, info.kind, m.start("unit")
        else:
            # a number after its noun (户籍人口12万): only with a multiplier and a noun we know
            if not mult:
                return None
            noun = self._noun_before(text, m.start())
            if noun is None:
                return None
            unit = self.lex.noun_units[noun]
            kind = "money" if unit == "CNY" else "count"
            unit_word, unit_start = "", end
        cand = Candidate(m.start(), end, first.value, unit, unit_word, unit_start, kind, numeral,
                         m.start("num"), "number", value_max=value_max)
        inner = m.group("inner") or m.group("inner2") or m.group("inner3")
        if inner:
            cand.qualifier = self.lex.qualifiers_inner.get(inner, "exact")
        if first.value_max is not None:  # 四五万元, 六七千元: an approximate range
            cand.qualifier = "about"
        return self._qualified(cand, text)

    def _noun_before(self, text: str, pos: int) -> str | None:
        word = _prefix_word(text, pos, self.lex.qualifiers_before)
        if word:  # 常住人口约3.2万: the noun stands before the qualifier
            pos -= len(word)
        for filler in ("达到", "为", "达", "有", "是"):
            if text.startswith(filler, pos - len(filler)):
                pos -= len(filler)
                break
        head = text[max(0, pos - 6):pos]
        for noun in self._nouns_longest_first:
            if head.endswith(noun):
                return noun
        return None

    def _qualified(self, cand: Candidate, text: str) -> Candidate:
        """Apply qualifier words around the span: a word before wins over one after, which wins over 余/多."""
        lex = self.lex
        before = _prefix_word(text, cand.start, lex.qualifiers_before)
        if _is_bare_multiplier(cand.numeral) or cand.numeral in ("十",):
            bare = _prefix_word(text, cand.start, lex.qualifiers_bare_before)
            if bare and (before is None or len(bare) >= len(before)):
                cand.qualifier = lex.qualifiers_bare_before[bare]
                return cand
        if before:
            if before == "近" and cand.unit == "年" and text.startswith("来", cand.end):
                return cand  # 近5年来: "the past five years", not "nearly"
            cand.qualifier = lex.qualifiers_before[before]
            return cand
        after = _suffix_word(text, cand.end, lex.qualifiers_after)
        if after and not (after == "多" and cand.qualifier != "exact"):
            cand.qualifier = lex.qualifiers_after[after]
        return cand


@Language.factory(
    "dangjian_quantities",
    default_config={"extra_lexicon": None},
    assigns=["doc.spans", "span._.value", "span._.unit", "span._.qualifier", "span._.kind"],
)
def make_quantity_finder(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None) -> QuantityFinder:
    return QuantityFinder(nlp, name, extra_lexicon)
