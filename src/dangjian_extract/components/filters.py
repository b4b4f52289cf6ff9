"""Drop candidates that are not metrics (guide §2): ordinals, slogans, names, idioms, generic 一,
relative dates, page furniture. Rejected spans move to ``doc.spans["rejected"]`` with
``span._.reject_reason`` so a user can see why a number was not reported.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import fields, register_extensions
from ..grammar import build_grammar
from ..lexicon import Lexicon, lexicon_for
from ..spans import doc_text
from .furniture import FURNITURE_KEY
from .quantities import METRICS_KEY, _is_bare_multiplier

REJECTED_KEY = "rejected"
QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》", "‘": "’", "〈": "〉", '"': '"'}
CLAUSE_PUNCT = set("，。；！？,;!?")
SENTENCE_END = set("。！？!?")
_HAN = regex.compile(r"\p{Han}")
_QUOTED = regex.compile("|".join(rf"{regex.escape(o)}[^{regex.escape(o + c)}\n]*{regex.escape(c)}"
                                 for o, c in QUOTE_PAIRS.items()))


class _Intervals:
    """Sorted, non-overlapping intervals with a fast 'is [s, e) inside one?' query."""

    def __init__(self, intervals: list[tuple[int, int]]) -> None:
        self.items = sorted(intervals)
        self.starts = [s for s, _ in self.items]
        self.longest = max((e - s for s, e in self.items), default=0)

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.items[i][1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        while i >= 0 and self.items[i][0] >= start - self.longest:
            if self.items[i][1] > start:
                return True
            i -= 1
        return False


class MetricFilter:
    """spaCy component: keeps only the candidates that state a metric."""

    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None) -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicon = lexicon_for(extra_lexicon)
        self.stop_phrases = build_grammar(self.lex).stop_phrases

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        quoted = _Intervals(self._short_quotes(text))
        stops = _Intervals([m.span() for m in self.stop_phrases.finditer(text, overlapped=True)]
                           if self.stop_phrases else [])
        furniture = _Intervals([(s.start_char, s.end_char) for s in doc.spans.get(FURNITURE_KEY, [])])
        kept, rejected = [], []
        for span in doc.spans.get(METRICS_KEY, []):
            reason = self.reason(span, text, quoted, stops, furniture)
            if reason is None:
                kept.append(span)
            else:
                fields(span).reject_reason = reason
                rejected.append(span)
        doc.spans[METRICS_KEY] = kept
        doc.spans[REJECTED_KEY] = rejected
        return doc

    def _short_quotes(self, text: str) -> list[tuple[int, int]]:
        out = []
        for m in _QUOTED.finditer(text):
            body = m.group(0)[1:-1]
            if body.startswith("《") or m.group(0)[0] == "《":
                out.append(m.span())  # a book or document title is a name, whatever its length
            elif len(body) <= self.lex.max_quote_length and not (SENTENCE_END & set(body)) and (
                    len(body) <= self.lex.max_quote_length * 2 // 3 or not (CLAUSE_PUNCT & set(body))):
                # a short quote is a slogan or a name (一人联十户,十户联百家); one with a full stop is speech
                out.append(m.span())
        return out

    def reason(self, span: Span, text: str, quoted: _Intervals, stops: _Intervals,
               furniture: _Intervals) -> str | None:
        x = fields(span)
        start, end = span.start_char, span.end_char
        numeral, unit, kind, source = x.numeral or "", x.unit, x.kind, x.source
        if furniture.overlaps(start, end):
            return "furniture"
        if quoted.covers(start, end):
            return "quoted"
        if stops.overlaps(start, end):
            return "stop_phrase"
        before = text[start - 1] if start else ""
        after = text[end:end + 1]
        if before in self.lex.ordinal_prefixes:
            return "ordinal"
        if numeral == "一" and source in ("number", "counted_noun") and x.qualifier == "exact" \
                and x.value_max is None:
            return "generic_one"  # 一批, 一支队伍, 一个核心: "a", not a count
        if source == "number" and unit == "个" and after == "一":
            return "slogan_items"  # 三个一, 四个一: a programme's name
        if source == "number" and _is_bare_multiplier(numeral) and x.qualifier == "exact":
            return "bare_multiplier"  # 千条线, 万家: a multiplier alone is rhetoric unless 近/上/余 make it a number
        is_chinese = not numeral[:1].isdigit()
        if kind == "score" and is_chinese:
            return "not_a_score"  # 十分满意
        if kind == "duration":
            if any(text.startswith(w, end) for w in self.lex.relative_time_after) or before == "前":
                return "relative_date"
            if unit == "年":
                short = is_chinese or len(numeral) <= 2
                follows = any(text.startswith(w, end) for w in self.lex.year_duration_after)
                if not (short and follows):
                    return "year"
        if unit == "期" and is_chinese and after and _HAN.match(after):
            return "phase"  # 二期项目: a phase name, not a count
        if unit in self.lex.unit_not_followed_by and any(
                text.startswith(w, end) for w in self.lex.unit_not_followed_by[unit]):
            return "part_of_word"  # 3单元, 5部门
        if before in "×*xX/" and before:
            return "rate_label"  # 7×24小时
        return None


@Language.factory("dangjian_filters", default_config={"extra_lexicon": None},
                  requires=["doc.spans"], assigns=["doc.spans"])
def make_metric_filter(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None) -> MetricFilter:
    return MetricFilter(nlp, name, extra_lexicon)
