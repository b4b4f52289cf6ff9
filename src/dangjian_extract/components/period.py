"""Give each metric the time expression that governs it (``span._.period``).

Time expressions are read by :class:`PeriodGrammar` from the word lists in ``data/periods.json``; a metric
takes the nearest one before it in its sentence, else one right after it in its clause. Specs are those of
:mod:`dangjian_extract.periods`; they are resolved later against the caller's reference date.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import fields, register_extensions
from ..lexicon import alternation, lexicon_for
from ..periods import resolve
from ..spans import PHRASE_BREAK, RE_DIFFERS, SENTENCE_BREAK, doc_text, plain_copy, plain_re, sentence_breaks
from .quantities import METRICS_KEY

_CLAUSE_CHARS = frozenset("，。；！？、,;!?:：\n")
# where a to-prefix (到) may stand without a cue word before it
_OPENERS = frozenset("，。；！？、,;!?:：\n“”\"'‘’「」（）() \t")
_ANCHORS = (date(2000, 6, 15), date(2001, 1, 31))  # leap and non-leap: relative specs compare alike in both
_SPEC_Y = regex.compile(r"Y([+-][0-9]+)-(.+)")
_SPEC_M = regex.compile(r"M([+-][0-9]+)-(.+)")
_SPEC_ABS = regex.compile(r"([0-9]{4})-(.+)")


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression in doc.text: its offsets and the specs of its first and last day."""

    start: int
    end: int
    from_spec: str | None
    to_spec: str | None
    kind: str = "date"  # date | recent (近5年来, may hold a duration metric) | fixed | plan | event
    year: tuple[str, int] | None = None  # ("abs", 2024) | ("rel", -1) when the text names a year
    plain: bool = True  # no prefix or suffix: may join a range (2021年至2023年)
    same_period: bool = False  # 去年同期


def _chars(chars: Iterable[str]) -> str:
    chars = sorted({c for c in chars if len(c) == 1})
    return "[" + "".join(regex.escape(c) for c in chars) + "]" if chars else "(?!)"


def _words(value: Any) -> Iterable[str]:
    """Every string of a data structure: keys, values, list items."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from _words(k)
            yield from _words(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _words(v)


def _pair(value: Any, where: str) -> tuple[Any, Any]:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return value[0], value[1]
    raise ValueError(f"periods.json {where} must be a [from, to] pair, got {value!r}")


def _pairs(data: Mapping[str, Any], key: str) -> dict[str, tuple[Any, Any]]:
    return {k: _pair(v, f"{key}.{k}") for k, v in data.get(key, {}).items()}


def _spec(year: tuple[str, int] | None, fragment: str) -> str:
    kind, n = year if year is not None else ("rel", 0)
    return f"{n:04d}-{fragment}" if kind == "abs" else f"Y{n:+d}-{fragment}"


def shift_year_back(spec: str | None) -> str | None:
    """The same spec one year earlier (去年同期); 'ref' becomes the end of the reference month a year back."""
    if spec is None:
        return None
    if spec == "ref":
        return "M-12-end"
    if m := _SPEC_Y.fullmatch(spec):
        return f"Y{int(m[1]) - 1:+d}-{m[2]}"
    if m := _SPEC_M.fullmatch(spec):
        return f"M{int(m[1]) - 12:+d}-{m[2]}"
    if m := _SPEC_ABS.fullmatch(spec):
        rest = "02-28" if m[2] == "02-29" else m[2]
        return f"{int(m[1]) - 1:04d}-{rest}" if int(m[1]) > 1 else None
    return None


def _future(spec: str | None) -> bool:
    """A spec in a later year than the reference date's (明年…)."""
    m = _SPEC_Y.fullmatch(spec) if spec else None
    return m is not None and int(m[1]) > 0


def _family(spec: str) -> str:
    return "abs" if _SPEC_ABS.fullmatch(spec) else spec[:1]


def _ordered(from_spec: str, to_spec: str) -> bool:
    """True when both specs are of one family and the first never falls after the second."""
    if _family(from_spec) != _family(to_spec) or _family(from_spec) not in ("abs", "Y"):
        return False
    for anchor in _ANCHORS:
        a, b = resolve(from_spec, anchor), resolve(to_spec, anchor)
        if a is None or b is None or a > b:
            return False
    return True


def _plain_re(pattern: str) -> Any:
    """The same search compiled by the standard ``re`` module, which scans this kind of pattern about three
    times faster; only where the match starts is read, so the group names (repeated across the cores, which
    ``re`` refuses) are dropped. None when ``re`` cannot read it alike (the ``regex`` pattern is used); text where
    the two read a class differently (``RE_DIFFERS``) is searched with ``regex``."""
    plain = regex.sub(r"\(\?P<\w+>", "(?:", pattern)
    if "(?P=" in plain:
        return None
    return plain_re(plain)


class PeriodGrammar:
    """Finds time expressions in normalised text; every step is an anchored match of bounded length."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        d = data
        self.year_digits: dict[str, int] = {k: int(v) for k, v in d.get("year_digits", {}).items()}
        self.numerals: dict[str, int] = {k: int(v) for k, v in d.get("numerals", {}).items()}
        self.relative_years: dict[str, int] = {k: int(v) for k, v in d.get("relative_years", {}).items()}
        self.month_parts = _pairs(d, "month_parts")
        self.year_edges = _pairs(d, "year_edges")
        self.year_parts = _pairs(d, "year_parts")
        self.fixed = _pairs(d, "fixed")
        self.not_after: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in d.get("not_after", {}).items()}
        self.holidays: dict[str, tuple[Any, Any] | None] = {
            k: None if v is None else _pair(v, f"holidays.{k}") for k, v in d.get("holidays", {}).items()}
        self.plans = _pairs(d, "plans")
        self.plan_suffixes: dict[str, str] = dict(d.get("plan_suffixes", {}))
        self.events: dict[str, str] = dict(d.get("events", {}))
        self.since = frozenset(d.get("since_suffixes", []))
        self.same = frozenset(d.get("same_period_suffixes", []))
        self.before = frozenset(d.get("before_suffixes", []))
        self.to_prefixes = frozenset(d.get("to_prefixes", []))
        self.to_prefix_after: dict[str, tuple[str, ...]] = {
            k: tuple(v) for k, v in d.get("to_prefix_after", {}).items()}
        self.since_gap = int(d.get("since_gap", 6))
        self.since_words = tuple(sorted(self.since, key=len, reverse=True))
        self.comparison_before = tuple(d.get("comparison_before", []))
        self.comparison_after = tuple(d.get("comparison_after", []))
        self.connectors = frozenset(d.get("range_connectors", []))

        cn = _chars(self.numerals)
        yd = _chars(self.year_digits)
        num = rf"(?:(?<![0-9.])[0-9]{{1,2}}|(?<!{cn}|[第每几个]){cn}{{1,3}})"
        ms = alternation(d.get("month_suffixes", []))
        ds = alternation(d.get("day_suffixes", []))
        conn = alternation(self.connectors)
        edge_stop = alternation(d.get("edge_not_before", []))
        quote = _chars(d.get("quotes", []))
        suffixes = [*self.since, *self.same, *d.get("during_suffixes", []), *self.before]
        self._prefix = regex.compile(alternation([*self.to_prefixes, *d.get("from_prefixes", [])]))
        year_suffix = alternation(d.get("year_suffixes", []))
        self._abs_year = regex.compile(
            rf"(?:(?<![0-9.])(?P<a>(?:19|20)[0-9][0-9])|(?<!{yd}|[十百千万])(?P<c>{yd}{{4}}))(?:{year_suffix})")
        self._rel_year = regex.compile(alternation(self.relative_years))
        self._range = regex.compile(rf"(?P<m1>{num})(?:{ms})?(?:{conn})(?P<m2>{num})(?:{ms})")
        self._single = regex.compile(
            rf"(?P<m>{num})(?:{ms})(?:(?P<d>{num})(?:{ds})(?:(?:{conn})(?P<d2>{num})(?:{ds}))?)?"
            rf"(?:(?P<p>{alternation(self.month_parts)})(?!{edge_stop}))?")
        self._year_part = regex.compile(alternation(self.year_parts))
        self._edge_after_year = regex.compile(rf"年?(?P<e>{alternation(self.year_edges)})(?!{edge_stop})")
        self._bare_edge = regex.compile(
            rf"(?<![\d.]|{cn}|[多几数每当半个])年(?P<e>{alternation(self.year_edges)})(?!{edge_stop})")
        self._holiday = regex.compile(
            rf"{quote}?(?P<h>{alternation(self.holidays)}){quote}?(?:{alternation(d.get('holiday_suffixes', []))})")
        self._plan = regex.compile(
            rf"{quote}?(?P<p>{alternation(self.plans)}){quote}?(?:规划)?(?P<s>{alternation(self.plan_suffixes)})")
        self._event = regex.compile(rf"(?P<e>{alternation(self.events)})(?:{alternation(self.since)})")
        recent_prefix = alternation(d.get("recent_prefixes", []))
        self._recent = regex.compile(
            rf"(?P<p>{recent_prefix})?(?P<n>(?<![0-9.])[0-9]{{1,2}}|(?<!{cn}){cn}{{1,3}})个?年"
            rf"(?P<s>{alternation(d.get('recent_suffixes', []))})?")
        self._fixed = regex.compile(alternation(self.fixed))
        self._suffix = regex.compile(rf"(?:{alternation(suffixes)})")
        self._before_stop = regex.compile(alternation(d.get("before_not_followed_by", [])))
        # where an expression may start: a prefix, a year, a number, or the first character of a word
        words = [w for w in (*self.relative_years, *self.year_parts, *self.fixed, *self.holidays, *self.plans,
                             *self.events, *d.get("recent_prefixes", []), *self.to_prefixes,
                             *d.get("from_prefixes", [])) if w]
        firsts = {w[:1] for w in words}
        # a number is tried at the start of its run only: no expression starts inside 2300 or 一千三百
        trigger = rf"(?<![0-9])[0-9]|年|(?<!{cn}){cn}|(?<!{yd}){yd}|{quote}|{_chars(firsts)}"
        # one search finds where an expression can start: a trigger character where, after an optional prefix,
        # some core pattern matches. A superset of what _at() accepts (it decides), but most characters that
        # merely look like a start (一批, 上级) are passed over without the dozen matches _at() would try.
        cores = [self._plan, self._event, self._recent, self._abs_year, self._rel_year, self._range, self._single,
                 self._year_part, self._holiday, self._bare_edge, self._fixed]
        any_core = "|".join(f"(?:{c.pattern})" for c in cores)
        # the leading class (every character a trigger can start with) lets the search skip other characters
        # without trying the trigger's lookbehinds at each one; a word's start must be its first two characters
        # (a common character such as 党 or 上 is passed over unless a listed word starts there)
        start_chars = _chars({*"0123456789年", *self.numerals, *self.year_digits, *d.get("quotes", []), *firsts})
        not_word = _chars({*"0123456789年", *self.numerals, *self.year_digits, *d.get("quotes", [])})
        heads = alternation({w[:2] for w in words})
        # whether no expression can hold a sentence break: the patterns' own parts (numbers, 年, 月 …) hold none,
        # nor does a clause after 自…以来 (since_gap stops at clause marks); the words of the data must not either
        self.sentence_local = not any(SENTENCE_BREAK.search(word) for key, value in d.items()
                                      if not key.startswith("_") and key != "status" for word in _words(value))
        self._trigger_pattern = (
            rf"(?={start_chars})(?={not_word}|{heads})(?=(?:{trigger}))(?:{self._prefix.pattern})?(?:{any_core})")
        self._scan = _plain_re(self._trigger_pattern)
        # this grammar with its anchored patterns compiled by the standard re module, which finds the same matches
        # faster, for text without RE_DIFFERS characters (None when re reads none of them alike)
        self._plain = plain_copy(self)

    @cached_property
    def _trigger(self) -> regex.Pattern[str]:
        """The trigger search in regex, compiled on first need (text that ``re`` reads otherwise, RE_DIFFERS)."""
        return regex.compile(self._trigger_pattern)

    # --- numbers -------------------------------------------------------------------------------------------

    def _number(self, s: str) -> int | None:
        if s.isascii():
            return int(s) if s.isdigit() else None
        values = [self.numerals.get(ch) for ch in s]
        if any(v is None for v in values):
            return None
        if 10 not in values:
            return values[0] if len(values) == 1 else None
        i = values.index(10)
        if values.count(10) > 1 or i > 1 or len(values) - i > 2:
            return None
        tens = values[0] if i == 1 else 1
        ones = values[i + 1] if i + 1 < len(values) else 0
        return tens * 10 + ones if 1 <= tens <= 9 and 0 <= ones <= 9 else None

    def _year(self, m: regex.Match[str]) -> int | None:
        if m["a"]:
            return int(m["a"])
        digits = [self.year_digits.get(ch) for ch in m["c"]]
        if any(v is None for v in digits):
            return None
        y = int("".join(map(str, digits)))
        return y if 1900 <= y <= 2099 else None

    # --- one expression ------------------------------------------------------------------------------------

    def _dated(self, text: str, q: int) -> TimeExpr | None:
        year: tuple[str, int] | None = None
        pos = q
        if (m := self._abs_year.match(text, pos)) is not None:
            y = self._year(m)
            if y is None:
                return None
            year, pos = ("abs", y), m.end()
        elif (m := self._rel_year.match(text, pos)) is not None:
            word = m.group()
            if text[max(0, q - 8):q].endswith(self.not_after.get(word, ())):
                return None
            year, pos = ("rel", self.relative_years[word]), m.end()
        within = self._within(text, pos, year)
        if within is None:
            if year is None:
                return None
            return TimeExpr(q, pos, _spec(year, "01-01"), _spec(year, "12-31"), year=year)
        end, lo, hi = within
        return TimeExpr(q, end, lo, hi, year=year)

    def _within(self, text: str, pos: int, year: tuple[str, int] | None) -> tuple[int, str | None, str | None] | None:
        if year is not None and (m := self._edge_after_year.match(text, pos)) is not None:
            lo, hi = self.year_edges[m["e"]]
            return m.end(), _spec(year, lo), _spec(year, hi)
        if (m := self._range.match(text, pos)) is not None:
            m1, m2 = self._number(m["m1"]), self._number(m["m2"])
            if m1 is None or m2 is None or not 1 <= m1 <= m2 <= 12:
                return None
            return m.end(), _spec(year, f"{m1:02d}-01"), _spec(year, f"{m2:02d}-end")
        if (m := self._single.match(text, pos)) is not None:
            month = self._number(m["m"])
            if month is None or not 1 <= month <= 12:
                return None
            if m["d"]:
                day = self._number(m["d"])
                last = self._number(m["d2"]) if m["d2"] else day
                if day is None or last is None or not 1 <= day <= last <= 31:
                    return None
                return m.end(), _spec(year, f"{month:02d}-{day:02d}"), _spec(year, f"{month:02d}-{last:02d}")
            lo, hi = self.month_parts[m["p"]] if m["p"] else ("01", "end")
            return m.end(), _spec(year, f"{month:02d}-{lo}"), _spec(year, f"{month:02d}-{hi}")
        if (m := self._year_part.match(text, pos)) is not None:
            lo, hi = self.year_parts[m.group()]
            return m.end(), _spec(year, lo), _spec(year, hi)
        if (m := self._holiday.match(text, pos)) is not None:
            dates = self.holidays.get(m["h"])
            if not dates:
                return m.end(), None, None
            return m.end(), _spec(year, dates[0]), _spec(year, dates[1])
        if year is None and (m := self._bare_edge.match(text, pos)) is not None:
            lo, hi = self.year_edges[m["e"]]
            return m.end(), _spec(None, lo), _spec(None, hi)
        return None

    def _core(self, text: str, q: int) -> TimeExpr | None:
        if (m := self._plan.match(text, q)) is not None:
            lo, hi = self.plans[m["p"]]
            if self.plan_suffixes.get(m["s"]) == "since":
                return TimeExpr(q, m.end(), lo, "ref", kind="plan", plain=False)
            return TimeExpr(q, m.end(), lo, hi, kind="plan", plain=False)
        if (m := self._event.match(text, q)) is not None:
            return TimeExpr(q, m.end(), self.events[m["e"]], "ref", kind="event", plain=False)
        if (m := self._recent.match(text, q)) is not None:
            n = self._number(m["n"])
            # 近两年，… opens a clause; 建设近两年 is a duration
            whole_clause = (m.end() < len(text) and text[m.end()] in _CLAUSE_CHARS
                            and (q == 0 or text[q - 1] in _OPENERS))
            if n is not None and 1 <= n <= 99 and (m["s"] or (m["p"] and whole_clause)):
                return TimeExpr(q, m.end(), f"Y{-n:+d}-01-01", "ref", kind="recent", plain=False)
        if (expr := self._dated(text, q)) is not None:
            return expr
        if (m := self._fixed.match(text, q)) is not None:
            word = m.group()
            if text[max(0, q - 8):q].endswith(self.not_after.get(word, ())):
                return None
            lo, hi = self.fixed[word]
            return TimeExpr(q, m.end(), lo, hi, kind="fixed", plain=False)
        return None

    def _at(self, text: str, p: int) -> TimeExpr | None:
        """The expression starting at p (with its prefix and suffix), or None."""
        prefix = None
        q = p
        if (m := self._prefix.match(text, p)) is not None:
            prefix, q = m.group(), m.end()
        expr = self._core(text, q)
        if expr is None:
            return None
        start, end, lo, hi = expr.start, expr.end, expr.from_spec, expr.to_spec
        plain, same = expr.plain, False
        m = self._suffix.match(text, end)
        suffix = m.group() if m else None
        if suffix in self.before and self._before_stop.match(text, m.end()):
            suffix = None
        if suffix is not None and m is not None:
            end, plain = m.end(), False
            if suffix in self.since:
                if _future(lo):
                    return None  # 明年以来: no such period
                hi = "ref"
            elif suffix in self.same:
                same = True
            elif suffix in self.before:
                lo = None
        if prefix in self.to_prefixes:
            context = self.to_prefix_after.get(prefix)
            if context is None or p == 0 or text[p - 1] in _OPENERS or text[max(0, p - 8):p].endswith(context):
                start, lo, plain = p, None, False
        elif prefix is not None:  # 自/从: kept only with 以来 right after or a few characters on
            if suffix in self.since:
                start = p
            elif suffix is None and lo is not None and not _future(lo):
                gap_end = self._since_after_gap(text, end)
                if gap_end is not None:
                    start, end, hi, plain = p, gap_end, "ref", False
        # every field given (dataclasses.replace would look each one up by name first)
        return TimeExpr(start, end, lo, hi, expr.kind, expr.year, plain, same)

    def _since_after_gap(self, text: str, pos: int) -> int | None:
        """End of 以来 within since_gap characters of pos with no clause punctuation between (自年初成立以来)."""
        for i in range(pos, min(len(text), pos + self.since_gap + 1)):
            if text[i] in _CLAUSE_CHARS:
                return None
            for word in self.since_words:
                if text.startswith(word, i):
                    return i + len(word)
        return None

    def _is_comparison(self, text: str, expr: TimeExpr) -> bool:
        before = text[max(0, expr.start - 4):expr.start]
        return bool(before.endswith(self.comparison_before) or text.startswith(self.comparison_after, expr.end))

    # --- all expressions -----------------------------------------------------------------------------------

    def find(self, text: str, windows: Iterable[tuple[int, int]] | None = None) -> list[TimeExpr]:
        """Every time expression in text, in order, ranges merged and 同期 resolved; comparison bases left out.

        ``windows``: sorted, disjoint (start, end) stretches of whole sentences (each with the sentence break
        that ends it): only the expressions starting inside them, the same as the whole text gives there. No
        expression holds a sentence break (see ``sentence_local``), so none reaches into a sentence from an
        earlier one, and ranges and 同期 join expressions of one sentence only."""
        found: list[TimeExpr] = []
        pos, n = 0, len(text)
        plain = RE_DIFFERS.search(text) is None
        scan = self._scan if self._scan is not None and plain else self._trigger
        grammar = self._plain if plain and self._plain is not None else self
        for lo, hi in ((0, n),) if windows is None else windows:
            pos = max(pos, lo)
            while pos < hi:
                m = scan.search(text, pos)
                if m is None:
                    return self._same_periods(text, self._merge_ranges(text, found))
                p = m.start()
                if p >= hi:
                    pos = p  # no trigger before p: the next window's scan may start there
                    break
                expr = grammar._at(text, p)
                if expr is None or expr.end <= expr.start:
                    pos = p + 1
                    continue
                pos = expr.end
                if not self._is_comparison(text, expr):
                    found.append(expr)
        return self._same_periods(text, self._merge_ranges(text, found))

    def _merge_ranges(self, text: str, exprs: list[TimeExpr]) -> list[TimeExpr]:
        out: list[TimeExpr] = []
        for expr in exprs:
            prev = out[-1] if out else None
            if (prev is not None and prev.plain and expr.plain and text[prev.end:expr.start] in self.connectors
                    and prev.from_spec and expr.to_spec and _ordered(prev.from_spec, expr.to_spec)):
                out[-1] = replace(prev, end=expr.end, to_spec=expr.to_spec, plain=False)
            else:
                out.append(expr)
        return out

    def _same_periods(self, text: str, exprs: list[TimeExpr]) -> list[TimeExpr]:
        out: list[TimeExpr] = []
        base: TimeExpr | None = None  # the last expression that a later 同期 may shift back a year
        for expr in exprs:
            if expr.same_period:
                usable = (base is not None and SENTENCE_BREAK.search(text, base.end, expr.start) is None
                          and not (base.year is not None and base.year[0] == "rel" and base.year[1] != 0))
                if usable and base is not None:
                    expr = replace(expr, from_spec=shift_year_back(base.from_spec),
                                   to_spec=shift_year_back(base.to_spec))
                elif (expr.year is not None and expr.year[0] == "rel" and expr.from_spec and expr.to_spec
                      and expr.from_spec.endswith("-01-01") and expr.to_spec.endswith("-12-31")):
                    # 去年同期: January to the reference month, a year back
                    expr = replace(expr, to_spec=f"M{12 * expr.year[1]:+d}-end")
            elif expr.from_spec:
                base = expr
            out.append(expr)
        return out


class PeriodTagger:
    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None) -> None:
        register_extensions()
        self.name = name
        self.grammar = PeriodGrammar(lexicon_for(extra_lexicon).raw.get("periods", {}))

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(METRICS_KEY, []))
        if not spans:
            return doc
        text = doc_text(doc)
        n = len(text)
        metrics = _Intervals((s.start_char, s.end_char) for s in spans)
        breaks = sentence_breaks(doc)
        # a metric's period starts in its own sentence (before it, or right after it in its clause): only the
        # sentences that hold a metric are read
        windows = _sentence_windows(breaks, metrics.bounds, n) if self.grammar.sentence_local else None
        exprs = [e for e in self.grammar.find(text, windows)
                 if e.kind == "recent" or not metrics.overlaps(e.start, e.end)]
        starts = [e.start for e in exprs]
        for span in spans:
            m0, m1 = span.start_char, span.end_char
            if not 0 <= m0 <= m1 <= n:
                m0, m1 = min(max(m0, 0), n), min(max(m1, 0), n)
            expr = None
            last = bisect_right(starts, m0) - 1  # the last expression starting at or before the metric
            if last >= 0:  # (then the metric's sentence start is needed)
                i = bisect_left(breaks, m0)
                expr = self._before(exprs, last, breaks[i - 1] + 1 if i else 0, m0)
            if expr is None:
                expr = self._after(text, exprs, starts, m1)
            fields(span).period = None if expr is None else (expr.start, expr.end, expr.from_spec, expr.to_spec)
        return doc

    @staticmethod
    def _before(exprs: list[TimeExpr], last: int, sentence_start: int, m0: int) -> TimeExpr | None:
        """The nearest expression from ``last`` back that starts in the sentence and ends by the metric's start."""
        i = last
        while i >= 0 and exprs[i].start >= sentence_start:
            e = exprs[i]
            if e.end <= m0:
                return e
            i -= 1  # overlaps the metric (近5年来 around 5年): it does not govern it
        return None

    @staticmethod
    def _after(text: str, exprs: list[TimeExpr], starts: list[int], m1: int) -> TimeExpr | None:
        i = bisect_left(starts, m1)
        if i < len(exprs):
            e = exprs[i]
            if e.start - m1 <= 12 and PHRASE_BREAK.search(text, m1, e.start) is None:
                return e
        return None


def _sentence_windows(breaks: list[int], bounds: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """The sentences (each with the break that ends it) holding the sorted spans ``bounds``, adjacent ones joined."""
    windows: list[tuple[int, int]] = []
    for m0, m1 in bounds:
        m0, m1 = min(max(m0, 0), n), min(max(m1, 0), n)
        if windows and m0 < windows[-1][1] and m1 < windows[-1][1]:
            continue  # in the last window: its sentences end there too (a window ends after a break, or at n)
        i = bisect_left(breaks, m0)
        lo = breaks[i - 1] + 1 if i else 0
        j = bisect_left(breaks, m1, i)
        hi = breaks[j] + 1 if j < len(breaks) else n
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows


class _Intervals:
    """Metric spans, asked whether any overlaps [start, end) in O(log n)."""

    def __init__(self, bounds: Iterable[tuple[int, int]]) -> None:
        self.bounds = sorted(bounds)
        self.starts = [b0 for b0, _ in self.bounds]
        self.max_end: list[int] = []
        top = -1
        for _, b1 in self.bounds:
            top = max(top, b1)
            self.max_end.append(top)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # spans starting before end
        return i > 0 and self.max_end[i - 1] > start


@Language.factory("dangjian_period", default_config={"extra_lexicon": None},
                  requires=["doc.spans"], assigns=["span._.period"])
def make_period_tagger(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None) -> PeriodTagger:
    return PeriodTagger(nlp, name, extra_lexicon)
