"""Find every stated quantity: one regex pass over ``doc.text``, spans mapped with ``ensure_spans``.

This component finds candidates and parses them (value, range, unit, kind, qualifier); deciding that a
candidate is a date, a slogan or a name is the job of ``dangjian_filters``.
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Any

import numpy as np
import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import fields, register_extensions
from ..gazetteer import get_gazetteer
from ..grammar import _TORN_DECIMAL, HALF_UNITS, SPACE, build_grammar
from ..lexicon import Lexicon, alternation, lexicon_for
from ..numbers import CN_DIGITS, MULTIPLIERS, parse_capital
from ..numbers import parse_number as _parse_number
from ..spans import RE_DIFFERS, char_class, compile_fast, doc_text, ensure_spans, plain_re

_parse_remembered = lru_cache(maxsize=4096)(_parse_number)


def parse_number(numeral: str | None, multiplier: str = "") -> Any:
    """:func:`dangjian_extract.numbers.parse_number`, remembered for short numerals (they recur: 1, 10, 三 …; a
    pure function of its strings, and its Number is frozen); a long one (hostile input) is not kept."""
    if numeral is not None and len(numeral) <= 32 and len(multiplier) <= 8:
        return _parse_remembered(numeral, multiplier)
    return _parse_number(numeral, multiplier)  # type: ignore[arg-type]

METRICS_KEY = "metrics"
_LARGE = regex.compile("[万亿]")
_TRAILING_LARGE = regex.compile("[万亿]*$")
_HAN_RUN = regex.compile(r"\p{Han}+")
DOUBLING = {"一": 100.0, "两": 300.0, "三": 700.0, "四": 1500.0}
# web and e-mail addresses: masked before matching, so no figure comes from a link (…%28ti%28Us…)
_ADDRESS = regex.compile(
    r"(?:https?://|ftp://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
    r"|[A-Za-z0-9\-._~/?#=&+]*(?:%[0-9A-Fa-f]{2}[A-Za-z0-9\-._~/?#=&+]*){2,}"
)
_ADDRESS_HINT = regex.compile(r"://|www\.|@|%[0-9A-Fa-f]{2}[A-Za-z0-9%]")
_LETTER = regex.compile("[A-Za-z]")
_HAN_CHAR = regex.compile(r"\p{Han}")
_LINE_HEAD = regex.compile(r"(?:^|\n)[ \t\u3000]*[(（]?$")
_BARE_END = regex.compile(r"[，。；、,;]|$")
_CLAUSE_START = regex.compile(r"[，。；！？,;!?:：\n][^，。；！？,;!?:：\n]*$")


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


def _prefix_word(text: str, pos: int, words: dict[str, str], ends: frozenset[str] | None = None) -> str | None:
    """The longest word of ``words`` that ends exactly at ``pos`` (``ends``: their last characters, a quick no)."""
    if ends is not None and (not pos or text[pos - 1] not in ends):
        return None
    for width in range(min(4, pos), 0, -1):
        word = text[pos - width:pos]
        if word in words:
            return word
    return None


_BARE_MULTIPLIERS = frozenset(MULTIPLIERS) - {"十"}


def _is_bare_multiplier(numeral: str) -> bool:
    return bool(numeral) and _BARE_MULTIPLIERS.issuperset(numeral)


_MAIN_GROUPS = ("sign", "ji", "sp", "inner", "inner2", "inner3", "sep", "num2", "mult2", "half2", "half_unit", "jiao",
                "fen")
_CANDIDATE_FIELDS = ("value", "value_max", "unit", "unit_text", "unit_start", "unit_end", "kind", "numeral",
                     "numeral_start", "source", "qualifier", "change")
_candidate_values = attrgetter(*_CANDIDATE_FIELDS)  # all of them in one C call


# a point followed by a space, where a torn decimal (25. 8万元) may stand: text that holds one, or a character re
# reads otherwise (RE_DIFFERS), is not scanned by the plain (standard re) quantity pattern
_TORN_HINT = re.compile(rf"\.{SPACE}")


@lru_cache(maxsize=1)
def _han_class() -> str:
    """``\\p{Han}`` as regex reads it, spelled out as a class of code point ranges (re has no \\p)."""
    # every code point as one string, built by numpy (imported by spaCy already) in 10 ms: a join of chr() over
    # 1.1 M code points takes 0.15 s, which every cold start would pay
    every = np.arange(sys.maxunicode + 1, dtype="<u4").tobytes().decode("utf-32-le", "surrogatepass")
    runs = [m.span() for m in regex.finditer(r"\p{Han}+", every)]
    return "[" + "".join(f"{re.escape(every[a])}-{re.escape(every[b - 1])}" for a, b in runs) + "]"


def _plain_quantity_pattern(pattern: regex.Pattern[str]) -> re.Pattern[str] | None:
    """The quantity pattern compiled by the standard re module, which finds the same matches about 1.6 times as
    fast: ``\\p{Han}`` spelled out, and the option of a decimal torn after its point left out (its lookbehinds
    have no fixed width, which re refuses), so it serves only text with no point followed by a space
    (``_TORN_HINT``), where that option never matches. None when re cannot read the rest alike."""
    # (in a group: were \p{Han} inside a class, its ")" would be left unbalanced, and re would refuse the pattern)
    source = pattern.pattern.replace(f"(?:{_TORN_DECIMAL})?", "").replace(r"\p{Han}", f"(?:{_han_class()})")
    plain = plain_re(source)
    return plain if plain is not None and plain.groupindex == pattern.groupindex else None


class QuantityFinder:
    """spaCy component: ``doc.spans["metrics"]`` gets every parsed quantity."""

    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None) -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicon = lexicon_for(extra_lexicon)
        grammar = build_grammar(self.lex)
        self.pattern = grammar.quantity
        self._plain_pattern = _plain_quantity_pattern(self.pattern)
        # groups asked for by number: regex looks a group name up on every call, several times the cost
        self._head_groups = tuple(self.pattern.groupindex[n] for n in ("num", "mult", "unit", "unit1", "noun"))
        self._main_groups = tuple(self.pattern.groupindex[n] for n in _MAIN_GROUPS)
        self._i_num, self._i_unit, self._i_unit_again = (self.pattern.groupindex[n]
                                                          for n in ("num", "unit", "unit_again"))
        self.units = grammar.units
        self._begins_word = grammar.not_followed_by
        self.noun_units = {**self.lex.noun_units, **self.lex.raw["units"].get("nouns_before_number", {})}
        self._determiner_measures = frozenset(self.lex.raw["units"].get("determiner_measures", ()))
        self._nouns_longest_first = sorted(self.noun_units, key=len, reverse=True)
        self.nouns_after: dict[str, str] = dict(self.lex.raw["units"].get("nouns_after_number", {}))
        self._nouns_after_longest_first = sorted(self.nouns_after, key=len, reverse=True)
        fillers = self.lex.raw["units"].get("noun_number_fillers", ("达到", "为", "达", "有", "是"))
        self._noun_fillers = tuple(sorted(fillers, key=len, reverse=True))
        self._bare_number_nouns: dict[str, str] = dict(self.lex.raw["units"].get("bare_number_nouns", {}))
        self._bare_nouns = sorted(self._bare_number_nouns, key=len, reverse=True)
        index = self.lex.raw["units"].get("index_nouns", {})
        self._index_nouns: dict[str, str] = dict(index.get("nouns", {}))
        self._index_followers = tuple(index.get("followers", ()))
        self._joiners = frozenset(self.lex.raw["units"].get("shared_unit_joiners", ()))
        self._across = _across_pattern(self.lex)
        self._price_cues = tuple(self.lex.raw["units"].get("kuai_price_cues", ()))
        # units read only with a word of their field in the clause before (发电89万度: 度 of electricity)
        self._unit_cues = {e["text"]: tuple(e["cues"]) for e in self.lex.raw["units"]["units"] if e.get("cues")}
        # the last characters of the words that qualify across a verb, as a class: one search of the 16 characters
        # before a number says whether one of them ends there (iterating a slice would make a string of each)
        self._across_last = char_class(w[-1] for w in self.lex.raw["qualifiers"].get("across", {}) if w)
        # first or last characters of the qualifier words: most positions hold none, and one set test says so
        self._before_ends = frozenset(w[-1] for w in self.lex.qualifiers_before if w)
        self._bare_before_ends = frozenset(w[-1] for w in self.lex.qualifiers_bare_before if w)
        self._after_starts = frozenset(w[0] for w in self.lex.qualifiers_after if w)
        # the longest qualifier word (of five characters at most) written at a position, in one match
        self._after_word = compile_fast(alternation([w for w in self.lex.qualifiers_after if len(w) <= 5]))
        self._word_not_after = {w: set(v) for w, v in self.lex.raw["qualifiers"].get("not_after", {}).items()}
        self._word_not_before = {w: set(v) for w, v in self.lex.raw["qualifiers"].get("not_before", {}).items()}
        q = self.lex.raw["qualifiers"]
        self._trailing: dict[str, str] = dict(q.get("trailing", {}))
        self._trailing_kinds = frozenset(q.get("trailing_kinds", ()))
        self._trailing_before = tuple(q.get("trailing_before", ()))
        self._after_not_before = {w: tuple(v) for w, v in q.get("after_not_before", {}).items()}
        self._time_after_ge: dict[str, str] = dict(self.lex.raw["units"].get("time_units_after_ge", HALF_UNITS))
        self._time_after_ge_longest = sorted(self._time_after_ge, key=len, reverse=True)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        scan = mask_addresses(text)
        pattern = self.pattern
        if self._plain_pattern is not None and RE_DIFFERS.search(scan) is None and _TORN_HINT.search(scan) is None:
            pattern = self._plain_pattern  # the same matches, found faster
        candidates = [c for m in pattern.finditer(scan) if (c := self.interpret(m, text)) is not None]
        spans = ensure_spans(doc, [(c.start, c.end) for c in candidates], label="METRIC")
        for span, c in zip(spans, candidates, strict=False):
            fields(span).update(zip(_CANDIDATE_FIELDS, _candidate_values(c), strict=True))
        doc.spans[METRICS_KEY] = spans
        return doc

    # -- parsing one match -------------------------------------------------------------------------
    def interpret(self, m: regex.Match[str] | re.Match[str], text: str) -> Candidate | None:
        alt = m.lastgroup
        if alt == "A_main":
            return self._number(m, text)
        if alt == "A_big":
            noun = m.group("bnoun")
            return self._qualified(Candidate(m.start(), m.end(), float(CN_DIGITS[m.group("bnum")]), noun, noun,
                                             m.start("bnoun"), "count", m.group("bnum"), m.start(), "big_noun"),
                                   text)
        if alt == "A_fan":
            start = m.start("fan")
            return Candidate(start, m.end(), DOUBLING[m.group("fan")], "%", "番", m.end() - 1, "percent",
                             m.group("fan"), start, "doubling", change="increase")
        if alt == "A_cap":
            value = parse_capital(m.group("cap"))
            if value is None:
                return None
            return self._qualified(Candidate(m.start(), m.end(), value, "CNY", m.group("cap_unit"),
                                             m.start("cap_unit"), "money", m.group("cap"), m.start(),
                                             "capital"), text)
        if alt == "A_den":
            den, numer = parse_number(m.group("den")), parse_number(m.group("numer"))
            if den is None or numer is None or den.value == 0:
                return None
            return self._qualified(Candidate(m.start(), m.end(), numer.value / den.value * 100, "%", "分之",
                                             m.start(), "percent", m.group(0), m.start(), "fraction",
                                             unit_end=m.end("den") + 2), text)
        if alt == "A_slash":
            numer, den = int(m.group("snum")), int(m.group("sden"))
            if not 0 < numer < den:
                return None  # 24/7, 5/3: not a share of a whole
            slash = m.start("sden") - 1
            return self._qualified(Candidate(m.start(), m.end(), numer / den * 100, "%", "/", slash, "percent",
                                             m.group(0), m.start(), "fraction", unit_end=slash + 1), text)
        if alt == "A_pct":
            n = parse_number(m.group("pct"))
            if n is None:
                return None
            cand = Candidate(m.start(), m.end(), n.value, "%", "百分之", m.start(), "percent", m.group("pct"),
                             m.start("pct"), "percent_word", value_max=n.value_max, unit_end=m.start("pct"))
            if n.value_max is not None:
                cand.qualifier = "about"  # 百分之二三十
            return self._qualified(cand, text)
        if alt == "A_half":
            cand = self._qualified(Candidate(m.start(), m.end(), 50.0, "%", m.group("half"), m.start(),
                                             "percent", m.group("half"), m.start(), "half"), text)
            if m.group("half") in ("一大半", "一多半") and cand.qualifier == "exact":
                cand.qualifier = "over"  # 一大半, 一多半: the larger part, more than half
            if text[m.start() - 1:m.start()] == "减":
                cand.change = "decrease"  # 通勤时间减半: halved
            return cand
        if alt == "A_cheng":
            return self._cheng(m, text)
        return None

    def _cheng(self, m: regex.Match[str], text: str) -> Candidate | None:
        """九成, 9成, 9.5成, 三成半 (35), 七成六 (76): tenths as a percent."""
        numeral = m.group("cheng")
        if numeral[0].isdigit():
            value = float(numeral) * 10.0
        elif "点" in numeral:  # 八点五成
            value = (CN_DIGITS[numeral[0]] + CN_DIGITS[numeral[2]] / 10) * 10.0
        elif len(numeral) == 2:  # 七八成: a range of tenths, about
            value, high = CN_DIGITS[numeral[0]] * 10.0, CN_DIGITS[numeral[1]] * 10.0
            if high != value + 10:
                return None
            cand = Candidate(m.start(), m.end(), value, "%", "成", m.end("cheng"), "percent", numeral, m.start(),
                             "cheng", value_max=high, unit_end=m.end("cheng") + 1)
            cand.qualifier = "about"
            return self._qualified(cand, text)
        else:
            value = 100.0 if numeral == "十" else CN_DIGITS[numeral] * 10.0
        if m.group("cheng_half"):
            value += 5.0
        elif m.group("cheng_tail"):
            value += CN_DIGITS[m.group("cheng_tail")]
        if value > 100:
            return None
        cheng_at = m.end("cheng")
        cand = Candidate(m.start(), m.end(), value, "%", "成", cheng_at, "percent", numeral, m.start(), "cheng",
                         unit_end=cheng_at + 1)
        if not m.group("cheng_half") and not m.group("cheng_tail"):
            trailing, cand.end, _, _ = self._trailing_word(text, m.end(), "成", "%", "percent")
            if trailing:
                cand.qualifier = trailing  # 八成多
        return self._qualified(cand, text)

    def _number(self, m: regex.Match[str], text: str) -> Candidate | None:
        numeral, mult, unit, unit1, noun = m.group(*self._head_groups)
        mult = mult or ""
        unit_word = unit or unit1
        if unit_word in self._determiner_measures and not mult and "." in numeral:
            return None  # 2.3本项目, 3.1本村: a section number before a determiner, not 2.3 books
        if not unit_word and not mult and not noun and numeral[-1:] not in "万亿":
            # else a bare number: a year, a code, a date part (not 一千亿, a Chinese numeral with its multiplier)
            if not numeral.isdigit() and "." not in numeral and text[m.end():m.end() + 1] not in self._joiners:
                return None  # 一些, 统一: none of the three below reads it (no figures, no point, no joiner after)
            return self._bare_after_noun(m, text) or self._bare_index(m, text) or self._shared_unit(m, text)
        # the groups as locals: a dict of them costs more than the rest of most calls
        (g_sign, g_ji, g_sp, g_inner, g_inner2, g_inner3, g_sep, g_num2, g_mult2, g_half2, g_half_unit, g_jiao,
         g_fen) = groups = m.group(*self._main_groups)
        if noun:
            if g_sp:
                return None  # a space before a counted noun: 2023 社区 is no count
            return self._counted_noun(m, dict(zip(_MAIN_GROUPS, groups, strict=True)), numeral, mult, noun, text)
        if g_sep and not unit_word:
            return None  # 1-7月份, 2022—2023: a range with no unit is a period or a code
        start, end = m.start(), m.end()
        shared = ""
        if g_sep and not mult:
            # 3-5万元, 三到五万元, 一千到两千万元: the second number's 万/亿 scales the first too, unless the
            # first has its own (一万-2万元). In Chinese numerals it is inside the numeral (五万), not in mult2.
            second_mult = g_mult2 or _TRAILING_LARGE.search(g_num2).group()
            if not _LARGE.search(numeral):
                shared = second_mult
        first = parse_number(numeral, mult or shared)
        if first is None:
            return None
        value, value_max = first.value, first.value_max
        if g_sep:
            second = parse_number(g_num2, g_mult2 or "")
            if second is not None and shared and second.value < first.value:
                first = parse_number(numeral, "")  # 从8500到3万: the first number has no 万 of its own
                if first is None:
                    return None
                value = first.value
            if second is None or second.value < first.value:
                return None  # 5-3个 is not a range (a score, a code)
            value_max = second.value
        if not math.isfinite(value) or (value_max is not None and not math.isfinite(value_max)):
            return None  # 1亿亿亿…元: past what a float holds; no report states such a figure
        if g_sign:
            if value_max is not None:
                return None  # -3-5%: a code, not a signed range
            value = -value
        if unit_word and mult and any(text.startswith(w, m.end()) for w in self._begins_word.get(unit_word, ())) \
                and self._unit_of_noun_after(text, max(m.end("mult"), m.end("inner2"))):
            unit_word = None  # 近40万|分红: the measure word begins the noun after the number
        people = 0
        if unit_word:
            info = self.units[unit_word]
            unit, kind = info.unit, info.kind
            unit_start = m.start(self._i_unit_again) if unit1 else m.start(self._i_unit)
            if info.scale != 1.0:  # 四毛钱 → 0.4 yuan
                value = round(value * info.scale, 10)
                value_max = round(value_max * info.scale, 10) if value_max is not None else None
        else:
            # a number after its noun (户籍人口12万): only with a multiplier (一千亿: inside a Chinese numeral)
            # and a noun we know
            if not (mult or numeral[-1:] in "万亿") or g_ji:
                return None
            end = max(m.end("mult"), m.end("inner2"), m.end(self._i_num))
            noun = self._noun_before(text, start)
            if noun is not None:
                unit = self.noun_units[noun]
            else:
                unit = self._unit_of_noun_after(text, end)  # 300多万的收入, 近40万分红
                people = _demonym_after(text, end) if unit is None else 0
                if people:
                    unit = "人"  # 近15万福建人: the people of a place, counted (guide §1: a counted noun)
                elif unit is None:
                    return None
            kind = "money" if unit == "CNY" else "count"
            unit_word = ""
            unit_start = end
            if people:
                unit_word, end = text[end:end + people], end + people
        if g_jiao:  # 十块三毛, 一百三十五块六角七分钱: yuan with its 角/毛 and 分
            if value_max is not None or mult:
                return None
            value = round(value + _digit(g_jiao) / 10 + (_digit(g_fen) / 100 if g_fen else 0), 2)
            unit, kind = "CNY", "money"
        if g_half2:
            half_unit = g_half_unit
            if half_unit and unit_word == "个":
                unit, kind = self._time_after_ge[half_unit.lstrip("个")], "duration"  # 一个半小时, 两个半月
            elif half_unit or kind not in ("measure", "duration", "money") or value_max is not None \
                    or value != int(value):
                end = m.start("half2")  # 三个半: the 半 is not this number's
            if end > m.start("half2"):
                value += 0.5 if value >= 0 else -0.5
        trailing = None
        if unit_word and end == m.end() and not g_half2 and value_max is None and text[end:end + 1] in self._trailing:
            trailing, end, unit, kind = self._trailing_word(text, end, unit_word, unit, kind)
        cand = Candidate(start, end, value, unit, unit_word, unit_start, kind, numeral,
                         m.start(self._i_num), "number", value_max=value_max,
                         unit_end=unit_start + len(unit_word) if unit_word and unit_start + len(unit_word) < end
                         else None)
        inner = g_inner or g_inner2 or g_inner3
        if inner:
            cand.qualifier = self.lex.qualifiers_inner.get(inner, "exact")
        elif trailing:
            cand.qualifier = trailing
        if first.value_max is not None or g_ji:  # 四五万元, 六七千元, 几十万元: an approximate figure
            cand.qualifier = "about"
        if unit_word in self._unit_cues and not self._cued(text, start, self._unit_cues[unit_word]):
            return None  # 360度, 30度的高温: no word of the unit's field before it
        if unit_word == "块":
            if text.startswith("多", end):  # 每斤高出1块多: 块 that prices is yuan
                cand.end, cand.unit, cand.kind, cand.qualifier = end + 1, "CNY", "money", "over"
            elif self._prices(text, start, end):
                cand.unit, cand.kind = "CNY", "money"
        return self._qualified(cand, text)

    def _bare_after_noun(self, m: regex.Match[str], text: str) -> Candidate | None:
        """总人口1390, 总户数265,: a whole number right after a population noun, before a clause break."""
        numeral, end = m.group("num"), m.end("num")
        if not self._bare_nouns or not numeral.isdigit() or len(numeral) < 2 or m.group("sign") \
                or m.group("inner") or m.group("sep") or m.end() != end or not _BARE_END.match(text, end):
            return None
        pos = m.start("num")
        for filler in self._noun_fillers:
            if text.startswith(filler, pos - len(filler)):
                pos -= len(filler)
                break
        for noun in self._bare_nouns:
            if text.startswith(noun, pos - len(noun)):
                unit = self._bare_number_nouns[noun]
                return self._qualified(Candidate(m.start("num"), end, float(numeral), unit, "", end, "count",
                                                 numeral, m.start("num"), "number"), text)
        return None

    def _bare_index(self, m: regex.Match[str], text: str) -> Candidate | None:
        """拥堵指数由实施前的3.28下降至2.44, 收入倍差缩小至1.51, pH值从8.6降至8.2: a decimal with no unit after an index
        noun earlier in its clause measures the index, in the index's own unit."""
        numeral, end = m.group("num"), m.end("num")
        if not self._index_nouns or "." not in numeral or m.group("sign") or m.group("inner") or m.group("sep") \
                or m.end() != end or _HAN_CHAR.match(text, end) and not text.startswith(self._index_followers, end):
            return None
        clause = _CLAUSE_START.search(text, max(0, m.start() - 24), m.start())
        head = text[clause.start() + 1 if clause else max(0, m.start() - 24):m.start()]
        noun = next((n for n in self._index_nouns if n in head), None)
        if noun is None:
            return None
        return self._qualified(Candidate(m.start("num"), end, float(numeral), self._index_nouns[noun], "", end,
                                         "measure", numeral, m.start("num"), "number"), text)

    def _shared_unit(self, m: regex.Match[str], text: str) -> Candidate | None:
        """分别上升了0.46和0.37个百分点: a bare number joined to a later number with a unit takes that unit."""
        if not self._joiners or m.group("sep") or m.group("inner") or m.group("ji") or m.end() != m.end("num"):
            return None
        pos = m.end()
        if pos >= len(text) or text[pos] not in self._joiners or _LINE_HEAD.search(text, max(0, m.start() - 8),
                                                                                     m.start()):
            return None  # 三、12个村…, 1、…: the number of a list item
        for _ in range(6):
            if pos >= len(text) or text[pos] not in self._joiners:
                return None
            nxt = self.pattern.match(text, pos + 1)
            if nxt is None or nxt.lastgroup != "A_main" or nxt.group("sep") or nxt.group("noun") \
                    or nxt.group("mult") or nxt.group("sp"):
                return None
            unit_word = nxt.group("unit")
            if unit_word:
                break
            if nxt.end() != nxt.end("num"):
                return None
            pos = nxt.end()
        else:
            return None
        n = parse_number(m.group("num"))
        if n is None or n.value_max is not None:
            return None
        info = self.units[unit_word]
        value = -n.value if m.group("sign") else n.value
        if info.scale != 1.0:  # 三和五毛钱: the shared unit's scale too
            value = round(value * info.scale, 10)
        return self._qualified(Candidate(m.start(), m.end(), value, info.unit, unit_word, m.end(), info.kind,
                                         m.group("num"), m.start("num"), "number"), text)

    def _trailing_word(self, text: str, end: int, unit_word: str, unit: str,
                       kind: str) -> tuple[str | None, int, str, str]:
        """多/余 right after the unit: 1年多, 2公里多 (the qualifier, inside the span); 3个多月 (月 after 个 is the
        unit). Returns the qualifier, the new end, unit and kind."""
        word = text[end:end + 1]
        if word not in self._trailing:
            return None, end, unit, kind
        after = end + 1
        if unit_word == "个":
            for time_unit in self._time_after_ge_longest:
                if text.startswith(time_unit, after):
                    return self._trailing[word], after + len(time_unit), self._time_after_ge[time_unit], "duration"
            return None, end, unit, kind
        if kind not in self._trailing_kinds or unit_word == "块" or (
                _HAN_CHAR.match(text, after) and not text.startswith(self._trailing_before, after)):
            return None, end, unit, kind  # 一年多挣两万块钱: this 多 goes with the verb
        return self._trailing[word], after, unit, kind

    @staticmethod
    def _cued(text: str, start: int, cues: tuple[str, ...]) -> bool:
        """Whether one of the cues stands in the clause before ``start`` (at most 12 characters back)."""
        clause = _CLAUSE_START.search(text, max(0, start - 12), start)
        head = text[clause.start() + 1 if clause else max(0, start - 12):start]
        return any(cue in head for cue in cues)

    def _prices(self, text: str, start: int, end: int) -> bool:
        """每斤卖3块。: a 块 with no noun after it and a price word before it in its clause is yuan."""
        if end < len(text) and _HAN_CHAR.match(text, end) and not text.startswith(("左右", "以上", "以下", "钱"), end):
            return False
        clause = _CLAUSE_START.search(text, max(0, start - 12), start)
        head = text[clause.start() + 1 if clause else max(0, start - 12):start]
        return any(cue in head for cue in self._price_cues)

    def _counted_noun(self, m: regex.Match[str], g: dict[str, str | None], numeral: str, mult: str, noun: str,
                      text: str) -> Candidate | None:
        """5村, 八大楼宇, 4个村 is not this (个 is the unit): a number right before a counted noun."""
        if g["sep"] or g["sign"]:
            return None
        if numeral[0].isdigit() and not mult and ("." in numeral or (len(numeral) > 3 and not g["inner"])):
            return None  # 2023党员 is a year; 2000余群众 and 1.2万群众 count
        n = parse_number(numeral, mult)
        if n is None or not math.isfinite(n.value):
            return None
        cand = Candidate(m.start(), m.end("noun"), n.value, noun, noun, m.start("noun"), "count", numeral,
                         m.start(), "counted_noun")
        inner = g["inner"] or g["inner2"]
        if inner:
            cand.qualifier = self.lex.qualifiers_inner.get(inner, "exact")
        if g["ji"] or n.value_max is not None:
            cand.qualifier, cand.value_max = "about", n.value_max  # 数十万群众, 三五村
        return self._qualified(cand, text)

    def _unit_of_noun_after(self, text: str, pos: int) -> str | None:
        """The unit a noun written right after a bare number with a multiplier gives it (300多万的收入 → CNY)."""
        pos += text.startswith("的", pos)
        for noun in self._nouns_after_longest_first:
            if text.startswith(noun, pos):
                return self.nouns_after[noun]
        return None

    def _noun_before(self, text: str, pos: int) -> str | None:
        word = _prefix_word(text, pos, self.lex.qualifiers_before, self._before_ends)
        if word:  # 常住人口约3.2万: the noun stands before the qualifier
            pos -= len(word)
        for filler in self._noun_fillers:
            if text.startswith(filler, pos - len(filler)):
                pos -= len(filler)
                break
        head = text[max(0, pos - 6):pos]
        for noun in self._nouns_longest_first:
            if head.endswith(noun):
                return noun
        return None

    def _before_word(self, text: str, pos: int) -> str | None:
        """The qualifier word written right before ``pos``, unless it is part of another word (签约5所)."""
        word = _prefix_word(text, pos, self.lex.qualifiers_before, self._before_ends)
        if word and not self._own_word(text, pos - len(word), pos):
            return None
        return word

    def _own_word(self, text: str, start: int, end: int) -> bool:
        word = text[start:end]
        if start and text[start - 1] in self._word_not_after.get(word, ()):
            return False  # 签约, 预约, 节约 …
        # (not_before holds characters or longer words: 过一 but not 过一亿)
        return not any(text.startswith(w, end) for w in self._word_not_before.get(word, ()))

    def _qualified(self, cand: Candidate, text: str) -> Candidate:
        """Apply qualifier words around the span: a word before wins over one after, which wins over 余/多."""
        lex = self.lex
        start, numeral = cand.start, cand.numeral
        # (the one-character tests before the calls below are theirs: most numbers have no qualifier word)
        before = self._before_word(text, start) if start and text[start - 1] in self._before_ends else None
        if numeral == "十" or _is_bare_multiplier(numeral):
            bare = _prefix_word(text, start, lex.qualifiers_bare_before, self._bare_before_ends)
            if bare and not self._own_word(text, start - len(bare), start):
                bare = None  # 通过|万人评议: the 过 of 通过 makes no number
            if bare and (before is None or len(bare) >= len(before)):
                cand.qualifier = lex.qualifiers_bare_before[bare]
                return cand
        if before:
            if before == "近" and cand.unit == "年" and text.startswith("来", cand.end):
                return cand  # 近5年来: "the past five years", not "nearly"
            cand.qualifier = lex.qualifiers_before[before]
            return cand
        if start and self._across_last.search(text, max(0, start - 16), start):
            across = self._across_word(text, start)
            if across:
                cand.qualifier = across
                return cand
        end = cand.end
        at = end + 3 if text.startswith("(含)", end) else end  # 50万元(含)以上
        if text[at:at + 1] not in self._after_starts:
            return cand  # no qualifier word starts here (or the text ends)
        found = self._after_word.match(text, at)
        after = found.group() if found else None
        if after and any(text.startswith(w, at + len(after)) for w in self._after_not_before.get(after, ())):
            after = None  # 5个内设机构, 12家上下游企业: the word begins another word
        if after and not (after == "多" and cand.qualifier != "exact"):
            cand.qualifier = lex.qualifiers_after[after]
        return cand

    def _across_word(self, text: str, pos: int) -> str | None:
        """A qualifier that governs the number across a verb: 约占党员总数的18.6%, 约有6.2万人, 最少花费14万元."""
        if self._across is None or pos == 0:
            return None  # (a caller first tests that a qualifier word ends in the 16 characters before pos)
        m = self._across.search(text, max(0, pos - 16), pos)
        if m is None or m.end() != pos:
            return None
        word = m.group("q")
        if not self._own_word(text, m.start("q"), m.end("q")):
            return None
        return self.lex.raw["qualifiers"]["across"][word]


def _digit(ch: str) -> float:
    return float(ch) if ch.isdigit() else float(CN_DIGITS[ch])


def _across_pattern(lex: Lexicon) -> regex.Pattern[str] | None:
    q = lex.raw["qualifiers"]
    words = q.get("across", {})
    if not words:
        return None
    verbs = alternation(q.get("across_verbs", []))
    modals = alternation(q.get("across_modals", []))
    of_words = [w for w in q.get("across_of", []) if w in words]
    # 约占四成 · 约占党员总数的18.6% · 接近在册党员数量的两倍 (a comparison word, what it compares with, 的)
    of = rf"|(?P<q>{alternation(of_words)})[^\d，。；！？,;!?:：\n]{{1,12}}的" if of_words else ""
    return regex.compile(
        rf"(?:(?P<q>{alternation(words)})(?:{modals})?"
        rf"(?:占(?:[^\d，。；！？,;!?:：\n]{{0,10}}的|全[国省市县区球])?|{verbs}){of})$"  # (约占全国1/6: a scope)
    )


def mask_addresses(text: str) -> str:
    """``text`` with web and e-mail addresses blanked out (same length, so offsets hold)."""
    if not _ADDRESS_HINT.search(text):
        return text
    pieces, last = [], 0
    for m in _ADDRESS.finditer(text):
        if not _LETTER.search(m.group()):
            continue
        pieces += [text[last:m.start()], " " * (m.end() - m.start())]
        last = m.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


@Language.factory(
    "dangjian_quantities",
    default_config={"extra_lexicon": None},
    assigns=["doc.spans", "span._.value", "span._.unit", "span._.qualifier", "span._.kind"],
)
def make_quantity_finder(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None) -> QuantityFinder:
    return QuantityFinder(nlp, name, extra_lexicon)


def _demonym_after(text: str, pos: int) -> int:
    """近15万福建人, 6万多鹰潭人: the length of a place's name (its short form, two or three characters) and 人
    written right after a number with a multiplier, or 0."""
    for k in (3, 2):
        if text[pos + k:pos + k + 1] == "人" and _HAN_RUN.fullmatch(text, pos, pos + k):
            gazetteer = get_gazetteer()
            if gazetteer.short_form_of(text[pos:pos + k]) is not None:
                return k + 1
    return 0
