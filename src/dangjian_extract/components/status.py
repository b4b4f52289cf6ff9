"""Flag targets, forecasts and plans (``span._.status = "planned"``); everything else is "achieved".

Cue words come from the ``status`` section of ``data/periods.json``. The metric's own clause is read first
(cues before the number, then a few right after it: 16个项目将竣工), then the earlier clauses of its sentence,
nearest first; in each, the last valid cue decides, so 已/目前 after 计划 end its scope. Forecasts are only
flagged, never dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import fields, register_extensions
from ..lexicon import alternation, lexicon_for
from ..spans import CLAUSE_BREAK, RE_DIFFERS, clause_breaks, doc_text, literal_head, plain_re, sentence_breaks
from .quantities import METRICS_KEY

_LOOKBACK = 200  # characters of a sentence read before a metric (keeps long run-on text linear)
_CLAUSE_LIMIT = 80  # characters of a clause read after a cue


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    word: str
    kind: str  # planned | capacity | achieved


class StatusReader:
    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None) -> None:
        register_extensions()
        self.name = name
        data: Mapping[str, Any] = lexicon_for(extra_lexicon).raw.get("periods", {}).get("status", {})
        self.planned: dict[str, dict[str, tuple[str, ...]]] = {
            word: {k: tuple(v) for k, v in (rules or {}).items()} for word, rules in data.get("planned", {}).items()}
        self.capacity = frozenset(data.get("capacity", []))
        self.rate_words = tuple(data.get("capacity_rate_words", []))
        self.achieved = frozenset(data.get("achieved", []))
        self.after_metric = frozenset(data.get("after_metric", []))
        self.after_window = int(data.get("after_metric_window", 10))
        branches = [f"(?P<p{i}>{p})" for i, p in enumerate(data.get("planned_patterns", []))]
        words = alternation([*self.planned, *self.capacity, *self.achieved])
        if words:
            branches.append(f"(?P<w>{words})")
        self._cues = regex.compile("|".join(branches)) if branches else None
        # the same search in the standard re module, led by a class of the characters a cue can start with (the
        # scan then passes over the others at once): about twice as fast, for text without RE_DIFFERS characters
        firsts = [_first_char(p) for p in data.get("planned_patterns", [])]
        firsts += [w[:1] for w in (*self.planned, *self.capacity, *self.achieved)]
        self._plain_cues = None
        if branches and all(firsts):
            self._plain_cues = plain_re(f"(?=[{''.join(map(re.escape, sorted(set(firsts))))}])(?:{'|'.join(branches)})")

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(METRICS_KEY, []))
        if not spans:
            return doc
        text = doc_text(doc)
        n = len(text)
        cues = self._find(text)
        cue_starts = [c.start for c in cues]
        breaks = sentence_breaks(doc)
        clauses = clause_breaks(doc)
        for span in spans:
            m0, m1 = span.start_char, span.end_char
            if not 0 <= m0 <= m1 <= n:  # (a span of the doc's text always is)
                m0, m1 = min(max(m0, 0), n), min(max(m1, 0), n)
                m1 = max(m0, m1)
            fields(span).status = self.status(text, m0, m1, cues, cue_starts, breaks, clauses)
        return doc

    def _find(self, text: str) -> list[Cue]:
        if self._cues is None:
            return []
        out = []
        cues = self._cues if self._plain_cues is None or RE_DIFFERS.search(text) else self._plain_cues
        for m in cues.finditer(text):
            word = m.group()
            if m["w"] is None:
                kind = "planned"
            elif word in self.achieved:
                kind = "achieved"
            elif word in self.capacity:
                kind = "capacity"
            else:
                kind = "planned"
            out.append(Cue(m.start(), m.end(), word, kind))
        return out

    def status(self, text: str, m0: int, m1: int, cues: list[Cue], cue_starts: list[int],
               sentence_breaks: list[int], clause_breaks: list[int]) -> str:
        """'planned' or 'achieved' for the metric at [m0, m1) of text."""
        i = bisect_left(sentence_breaks, m0)
        sentence_start = max(sentence_breaks[i - 1] + 1 if i else 0, m0 - _LOOKBACK)
        if self._no_cue_near(cue_starts, sentence_start, m0, m1):
            return "achieved"
        k = bisect_left(clause_breaks, m1)
        clause_end = clause_breaks[k] if k < len(clause_breaks) else len(text)
        # clause starts from the metric's own clause back to the start of the sentence: [m0, c1, c2, …, s0]
        bounds = [m0]
        k = bisect_left(clause_breaks, m0) - 1
        while k >= 0 and clause_breaks[k] >= sentence_start:
            bounds.append(clause_breaks[k] + 1)
            k -= 1
        bounds.append(sentence_start)
        for idx in range(len(bounds) - 1):
            hi, lo = bounds[idx], bounds[idx + 1]
            decided = self._decide(text, cues, cue_starts, min(lo, hi), hi, m0 if idx == 0 else None)
            if decided is not None:
                return decided
            if idx == 0 and self._after(text, cues, cue_starts, m1, clause_end):
                return "planned"
        return "achieved"

    def _no_cue_near(self, cue_starts: list[int], sentence_start: int, m0: int, m1: int) -> bool:
        """Whether no cue starts where :meth:`status` reads one: in [sentence_start, m0) (the clauses before the
        number) or within after_window of m1 (a cue after it); most metrics have none, and are achieved."""
        a = bisect_left(cue_starts, sentence_start)
        if a < len(cue_starts) and cue_starts[a] < m0:
            return False
        b = bisect_left(cue_starts, m1, a)
        return b == len(cue_starts) or cue_starts[b] - m1 > self.after_window

    def _decide(self, text: str, cues: list[Cue], cue_starts: list[int], lo: int, hi: int,
                metric_start: int | None) -> str | None:
        """The status the last valid cue in [lo, hi) gives, or None when there is none."""
        a, b = bisect_left(cue_starts, lo), bisect_left(cue_starts, hi)
        for cue in reversed(cues[a:b]):
            if cue.end > hi:
                continue
            if cue.kind == "achieved":
                return "achieved"
            if self._valid(text, cue, lo, metric_start):
                return "planned"
        return None

    def _after(self, text: str, cues: list[Cue], cue_starts: list[int], m1: int, clause_end: int) -> bool:
        """A planned cue right after the number in its clause (16个项目将竣工), with no 的 before it."""
        a = bisect_left(cue_starts, m1)
        for cue in cues[a:]:
            if cue.start >= clause_end or cue.start - m1 > self.after_window:
                return False
            if cue.kind == "achieved":
                return False
            if cue.word in self.after_metric and "的" not in text[m1:cue.start]:
                return self._valid(text, cue, m1, None)
        return False

    def _valid(self, text: str, cue: Cue, clause_start: int, metric_start: int | None) -> bool:
        """Whether a cue word is really a cue here (将近 is 'nearly'; 8个拟开工项目 exist)."""
        if cue.kind == "capacity":
            return not any(w in text[clause_start:cue.start] for w in self.rate_words)
        rules = self.planned.get(cue.word)
        if not rules:
            return True
        if text[max(0, cue.start - 8):cue.start].endswith(rules.get("not_after", ())):
            return False
        if text.startswith(rules.get("not_before", ()), cue.end):
            return False
        only = rules.get("only_before")
        if only and not text.startswith(only, cue.end):
            return False
        m = CLAUSE_BREAK.search(text, cue.end, min(len(text), cue.end + _CLAUSE_LIMIT))
        clause_rest = text[cue.end:m.start() if m else min(len(text), cue.end + _CLAUSE_LIMIT)]
        if any(w in clause_rest for w in rules.get("not_followed_in_clause_by", ())):
            return False
        between = clause_rest
        if metric_start is not None and cue.end <= metric_start:
            between = text[cue.end:metric_start]
        return not any(w in between for w in rules.get("not_followed_before_metric_by", ()))


# a lookbehind (with no group inside it) at the start of a pattern: it reads no character of the match
_LOOKBEHIND = re.compile(r"\(\?<[!=](?:\\.|\[(?:\\.|[^\]\\])*\]|[^()\\\[])*\)")


def _first_char(pattern: str) -> str | None:
    """The character every match of ``pattern`` starts with, where the pattern states it plainly (lookbehinds,
    then its literal head: see :func:`~dangjian_extract.spans.literal_head`); else None."""
    pos = 0
    while (m := _LOOKBEHIND.match(pattern, pos)) is not None:
        pos = m.end()
    return literal_head(pattern[pos:])[:1] or None


@Language.factory("dangjian_status", default_config={"extra_lexicon": None},
                  requires=["doc.spans"], assigns=["span._.status"])
def make_status_reader(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None) -> StatusReader:
    return StatusReader(nlp, name, extra_lexicon)
