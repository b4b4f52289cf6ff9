"""Tie each metric to the entity it belongs to (``span._.entity``, guide §4).

1. the nearest place or body that is the subject of a clause before the metric in its sentence — written
   at the clause's start (东山阴村成立…农业合作社…游客100余人 → 东山阴村, not the cooperative);
2. else one named after it in the sentence when the sentence opens with the metric (3座大棚…走进…欧家城村);
3. else, for a figure inside a quotation, the place written right after it as the speaker's
   (“…4个大棚…”玉河泉村党支部书记介绍);
4. else the subject of the report the metric stands in (a page may hold two reports).
A project or body that the metric describes (总投资3.85亿元的…项目) comes first.
A mention inside a list (枣庄桂园社区等11个项目) is not a subject.
A place broader than the report's subject (北京市 in a report on 石景山区) does not replace the subject.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import fields, register_extensions
from ..lexicon import alternation, lexicon_for
from ..spans import CLAUSE_BREAK, doc_text
from .entities import Mention, mentions_of
from .quantities import METRICS_KEY
from .sections import SECTIONS_KEY

_LOOK = 16  # mentions looked at on either side of a metric
_NEXT_MARK = regex.compile(r"[^\p{Han}A-Za-z0-9·]")
_OPENERS = "“”‘’\"'「」『』（）() \u3000"


def _ref(m: Mention) -> tuple[Any, ...]:
    return (m.name, m.type, m.start, m.end, m.parent)


#: administrative levels, broadest first (a park may sit at any level, so it is not ranked)
ADMIN_LEVELS = ("province", "district", "subdistrict", "community", "village")


def _broader(mention: Mention, subject: tuple[Any, ...] | None) -> bool:
    if subject is None or mention.type not in ADMIN_LEVELS or subject[1] not in ADMIN_LEVELS:
        return False
    return ADMIN_LEVELS.index(mention.type) < ADMIN_LEVELS.index(subject[1])


class Attribution:
    """spaCy component: ``span._.entity`` and ``span._.sentence`` on every metric."""

    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None) -> None:
        register_extensions()
        self.name = name
        self.lex = lexicon_for(extra_lexicon)
        self.subject_openers = tuple(self.lex.raw["entities"]["subject_openers"])
        self.described_types = frozenset(self.lex.raw["entities"]["described_types"])
        self._verbs = regex.compile(alternation(w for w in self.lex.raw["entities"]["left_boundaries"] if len(w) > 1))

    def _sentence_subject(self, text: str, before: list[Mention], after: list[Mention], s0: int, s1: int, span: Span,
                          subject: tuple[Any, ...] | None, chain_start: dict[int, int]) -> Mention | None:
        described = self._described(text, after, span)
        if described is not None:
            return described
        for m in reversed(before):
            if m.end <= span.start_char and not _broader(m, subject) and self._opens_clause(text, m, s0, chain_start) \
                    and not self._list_item(text, m):
                return m
        if not text[s0:span.start_char].strip(_OPENERS):
            # 3座钢构大棚…走进陕西省渭南市…欧家城村: the sentence opens with the metric; the first chain names it
            rest = [m for m in after if span.end_char <= m.start and m.end <= s1]
            i = 0
            while i + 1 < len(rest) and rest[i + 1].start == rest[i].end:
                i += 1
            if rest and not _broader(rest[i], subject):
                return rest[i]
        return None

    def _described(self, text: str, mentions: list[Mention], span: Span) -> Mention | None:
        """总投资3.85亿元的高精度伺服电机项目: the metric describes the project or body named after 的."""
        if text[span.end_char:span.end_char + 1] != "的":
            return None
        for m in mentions:
            if m.start > span.end_char and m.type in self.described_types:
                between = text[span.end_char:m.start]
                return m if len(between) <= 24 and not _NEXT_MARK.search(between.strip("“”「」《》")) else None
        return None

    @staticmethod
    def _speaker(text: str, mentions: list[Mention], starts: list[int], span: Span,
                 subject: tuple[Any, ...] | None) -> Mention | None:
        """“目前建设了4个大棚…”玉河泉村党支部书记介绍: a figure quoted from a speaker belongs to the speaker's place."""
        p0 = text.rfind("\n", 0, span.start_char) + 1
        opening = text.rfind("“", p0, span.start_char)
        if opening < 0 or text.rfind("”", opening, span.start_char) >= 0:
            return None
        closing = text.find("”", span.end_char, span.end_char + 400)
        if closing < 0:
            return None
        i = bisect_left(starts, closing + 1)
        if i >= len(mentions) or mentions[i].start > closing + 2:
            return None
        while i + 1 < len(mentions) and mentions[i + 1].start == mentions[i].end:
            i += 1  # 老山街道玉泉西路社区党委书记: the last of the chain
        return None if _broader(mentions[i], subject) else mentions[i]

    def _list_item(self, text: str, mention: Mention) -> bool:
        """枣庄桂园社区等11个项目, 兰华集团电商示范园、…: a mention inside a list is not the subject."""
        after = text[mention.end:mention.end + 8]
        if after[:1] == "等":
            return True
        m = _NEXT_MARK.search(after)
        # 永安村通过产业联营、…: a verb before the mark makes the mention the subject of a list, not an item
        return m is not None and m.group() == "、" and not self._verbs.search(after, 0, m.start())

    def _opens_clause(self, text: str, mention: Mention, floor: int, chain_start: dict[int, int]) -> bool:
        """Whether the mention is the subject of its clause: written at its start (after 在, 目前 …)."""
        pos = chain_start.get(mention.start, mention.start)
        lo = max(floor, pos - 12)
        head = text[lo:pos]
        cut = max((m.end() for m in CLAUSE_BREAK.finditer(head)), default=None)
        if cut is None and lo > floor:
            return False
        head = head[cut or 0:].strip(_OPENERS)
        return not head or head in self.subject_openers

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        mentions = mentions_of(doc)
        # a chain (富平县庄里镇永安村) opens its clause where its first member does; per call, so that
        # one component serves several threads
        chain_start: dict[int, int] = {}
        for prev, m in zip(mentions, mentions[1:], strict=False):
            if m.start == prev.end:
                chain_start[m.start] = chain_start.get(prev.start, prev.start)
        starts = [m.start for m in mentions]
        sections = sorted(doc.spans.get(SECTIONS_KEY, []), key=lambda s: s.start_char)
        section_starts = [section.start_char for section in sections]
        subjects = [fields(section).subject for section in sections]
        for span in doc.spans.get(METRICS_KEY, []):
            s0, s1 = fields(span).sentence  # set by dangjian_context
            # sections tile the text, so the last one starting at or before the metric holds it
            j = bisect_right(section_starts, span.start_char) - 1
            subject = subjects[j] if j >= 0 and span.start_char < sections[j].end_char else None
            lo, hi = bisect_left(starts, s0), bisect_right(starts, s1)
            # the nearest mentions either side are enough, and keep a long sentence linear
            k = bisect_left(starts, span.start_char, lo, hi)
            chosen = self._sentence_subject(text, mentions[max(lo, k - _LOOK):k], mentions[k:min(hi, k + _LOOK)],
                                            s0, s1, span, subject, chain_start)
            if chosen is None:
                chosen = self._speaker(text, mentions, starts, span, subject)
            fields(span).entity = _ref(chosen) if chosen is not None else subject
        return doc


@Language.factory("dangjian_attribution", default_config={"extra_lexicon": None},
                  requires=["doc.spans"], assigns=["span._.entity"])
def make_attribution(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None) -> Attribution:
    return Attribution(nlp, name, extra_lexicon)
