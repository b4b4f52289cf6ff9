"""Split a page into its reports (``doc.spans["sections"]``) and find each report's subject.

A page often holds two reports, each under its own headline and byline. A headline is a short line
that does not end a sentence; a byline is a short line naming 记者/通讯员 (or a paragraph opening with
本报咸阳讯). A block of headline lines followed by a byline starts a new report. The subject is the most
specific place named in the headline, else the place the report names most often (全县/我市 count for
the county or city they stand for). A headline that names a project, park or site by its head (红塘湾 for
红塘湾填海项目), which the body writes again and again, makes that body the subject.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import fields, register_extensions
from ..lexicon import Lexicon, alternation, lexicon_for
from ..normalize import COLUMN_TAG
from ..spans import compile_fast, doc_text, ensure_spans, literal_head
from .entities import Mention, clause_head_words, mentions_of, ref_of

SECTIONS_KEY = "sections"
#: administrative types, broadest first; a subject is one of these
LEVELS = ("province", "district", "park", "subdistrict", "community", "village", "compound")
_DETERMINERS = "全我本该"
#: levels whose place, written alone in the report's first sentence, is taken as the report's (the lede)
_LEDE_TYPES = frozenset(("province", "district", "subdistrict"))
#: bodies a headline may name as the report's subject when it names no place
_HEADLINE_BODIES = frozenset(("organisation", "enterprise"))
#: bodies a headline may name by their head alone (红塘湾 for 红塘湾填海项目)
_TOPIC_TYPES = frozenset(("project", "park", "place"))
_TOPIC_MIN = 3
_TOPIC_WRITTEN = 3  # times the body writes the head
_QUOTATION = compile_fast(r"“[^”\n]*”")
_LEDE_CHAIN_ENDS = frozenset("，,。")
_LEDE_CHAIN_REACH = 40  # characters after the headline within which the body's first chain may name its place


@dataclass
class _Line:
    start: int
    end: int
    text: str


class SectionSplitter:
    """spaCy component: ``doc.spans["sections"]`` with headline, byline and subject on each."""

    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None) -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicon = lexicon_for(extra_lexicon)
        cfg = self.lex.raw["entities"]["sections"]
        self.byline_words = tuple(cfg["byline_words"])
        self._byline_word = compile_fast(alternation(self.byline_words))  # any of them, in one search
        self.byline_prefix = regex.compile(cfg["byline_prefix"])
        self._byline_head = literal_head(cfg["byline_prefix"])  # (a paragraph not opening so is no byline)
        self.max_headline = int(cfg["max_headline_length"])
        self.max_byline = int(cfg["max_byline_length"])
        self.sentence_end = frozenset(cfg["sentence_end"])
        self.kicker_ends = tuple(cfg.get("kicker_ends", ()))
        self.max_kicker = int(cfg.get("max_kicker_length", 0))
        att = self.lex.raw["entities"]["attribution"]
        # a place named in a person's title (仪征市马集镇党委书记李某介绍) does not make a report about it
        # (read only for whether one of the words is written there: a prefix tree in re finds that fastest; with no
        # word, or an empty one, the plain alternation matched everywhere, and so does "")
        titles = {str(w) for w in att["title_after"]} | {str(w) for w in att["person_after"]}
        self._titled = compile_fast(alternation(titles) if titles and all(titles) else "")
        self._verbs = clause_head_words(self.lex.raw["entities"].get("name_edges", {}))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        mentions = mentions_of(doc)
        parts = self.split(text, mentions)
        spans = ensure_spans(doc, [(a, b) for a, b, _, _ in parts], label="SECTION")
        for span, (a, b, headline, byline) in zip(spans, parts, strict=True):
            fields(span).headline = headline
            fields(span).byline = byline
            fields(span).subject = self.subject(text, a, b, headline, mentions)
        doc.spans[SECTIONS_KEY] = spans
        return doc

    # -- lines -----------------------------------------------------------------------------------------

    @staticmethod
    def _lines(text: str) -> list[_Line]:
        lines, pos = [], 0
        for raw in text.split("\n"):
            stripped = raw.strip()
            if stripped:
                lead = raw.find(stripped[0])  # (the leading spaces' length, without a copy of the line)
                lines.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
            pos += len(raw) + 1
        return lines

    def _is_byline(self, line: _Line) -> int:
        """Length of the byline at the start of the line (0 when it has none)."""
        if len(line.text) <= self.max_byline and line.text[-1] not in self.sentence_end \
                and self._byline_word.search(line.text):
            return len(line.text)
        if not line.text.startswith(self._byline_head):
            return 0
        m = self.byline_prefix.match(line.text)
        if m:
            close = line.text.find("）", m.end(), m.end() + self.max_byline)
            return close + 1 if close > 0 and line.text[m.end():m.end() + 1] == "（" else m.end()
        return 0

    def _is_headline(self, line: _Line) -> bool:
        if line.text[-1] in self.sentence_end:
            return False
        # 【全省…采访活动】某县某村…: a column tag before the title does not count toward its length (a tag opens
        # with 【 or [, and removing it only shortens the line)
        if len(line.text) > self.max_headline and (
                line.text[0] not in "【[" or len(COLUMN_TAG.sub("", line.text, count=1)) > self.max_headline):
            return False
        return not self._is_byline(line)

    def _is_kicker(self, line: _Line, mentions: list[Mention]) -> bool:
        """安徽安庆太湖县——: a short line that is nothing but a chain of places and a dash (not 舍与得——)."""
        if not self.kicker_ends or len(line.text) > self.max_kicker or not line.text.endswith(self.kicker_ends):
            return False
        end = line.end - len(next(k for k in self.kicker_ends if line.text.endswith(k)))
        at = line.start
        for m in mentions:
            if m.start == at and m.type in LEVELS and not m.back_reference:
                at = m.end
        return at == end > line.start

    def split(self, text: str, mentions: list[Mention] | None = None,
              ) -> list[tuple[int, int, tuple[int, int] | None, tuple[int, int] | None]]:
        """(start, end, headline offsets, byline offsets) of every report on the page."""
        lines = self._lines(text)
        if not lines:
            return [(0, len(text), None, None)]
        starts: list[tuple[int, tuple[int, int] | None, tuple[int, int] | None]] = []
        headlines = [self._is_headline(line) for line in lines]  # (the loop below reads a line more than once)
        i = 0
        while i < len(lines):
            j = i
            while j < len(lines) and headlines[j]:
                j += 1
            byline_len = self._is_byline(lines[j]) if j < len(lines) else 0
            if byline_len and (j > i or i == 0):
                headline = (lines[i].start, lines[j - 1].end) if j > i else None
                byline = (lines[j].start, lines[j].start + byline_len)
                starts.append((lines[i].start if j > i else lines[j].start, headline, byline))
                i = j + 1
                continue
            if i == 0 and j > 0:  # a leading headline without a byline
                starts.append((lines[0].start, (lines[0].start, lines[j - 1].end), None))
            elif j > i and mentions and self._is_kicker(lines[i], mentions):
                # 安徽安庆太湖县—— | 农村电商助农增收: a feature's next stop, a report of its own
                starts.append((lines[i].start, (lines[i].start, lines[j - 1].end), None))
            i = max(j, i + 1)
        if not starts or starts[0][0] > lines[0].start:
            starts.insert(0, (0, None, None))
        result = []
        for k, (start, headline, byline) in enumerate(starts):
            end = starts[k + 1][0] if k + 1 < len(starts) else len(text)
            result.append((0 if k == 0 else start, end, headline, byline))
        return result

    # -- subject ---------------------------------------------------------------------------------------

    @staticmethod
    def _holds(outer: Mention, inner: Mention) -> bool:
        """Whether ``outer`` is a place above ``inner``: in its gazetteer path, its parent, or written as the chain's
        earlier member (东城街道单光屯社区)."""
        if outer.name in (inner.path or ())[:-1] or outer.name == inner.parent:
            return True  # 扬州市 holds 高邮市 (both typed district)
        return outer.end == inner.start and LEVELS.index(outer.type) < LEVELS.index(inner.type)

    @staticmethod
    def _opens_line(text: str, start: int) -> bool:
        line_start = text.rfind("\n", 0, start) + 1
        return not text[line_start:start].strip(" \u3000“”\"'")

    def _lede_chain(self, text: str, inside: list[Mention], headline: tuple[int, int], chosen: Mention) -> Mention:
        """重庆一对80后夫妇返乡创业 over 重庆巫溪县文峰镇，在大巴山深处。: a chain the body opens on, through the
        headline's place down to a place below it, and that ends its clause, names the report's own place more
        closely (not 上海市静安区泰兴路苏河湾街区商铺众多, the address of a first example)."""
        lead = [m for m in inside if headline[1] <= m.start <= headline[1] + _LEDE_CHAIN_REACH]
        if not lead or not self._opens_line(text, lead[0].start):
            return chosen
        k = 0
        while k + 1 < len(lead) and lead[k + 1].start == lead[k].end:
            k += 1
        chain = lead[:k + 1]
        last = chain[-1]
        if len(chain) < 2 or LEVELS.index(last.type) <= LEVELS.index(chosen.type) \
                or text[last.end:last.end + 1] not in _LEDE_CHAIN_ENDS \
                or not any(m.name == chosen.name or self._holds(chosen, m) for m in chain[:-1]):
            return chosen
        return last

    def _headline_topic(self, text: str, start: int, end: int, headline: tuple[int, int],
                        mentions: list[Mention]) -> Mention | None:
        """“受伤”的红塘湾如何重现生机 over a report on 红塘湾填海项目: a headline that names the head of a project,
        park or site the report names and writes again and again is on that body, though its kicker names the city."""
        head = text[headline[0]:headline[1]]
        for m in mentions:
            if not (headline[1] <= m.start < end) or m.back_reference or m.type not in _TOPIC_TYPES:
                continue
            stem = m.name[:len(m.name) - len(m.suffix)] if m.suffix else m.name
            k = _TOPIC_MIN
            while k <= len(stem) and stem[:k] in head:
                k += 1
            # the body writes the head again and again (a word the headline merely shares is not the topic); a verb
            # after the head makes the mention a clause, no body of that head (沙漠深处|开发多种体验项目)
            if k > _TOPIC_MIN and stem[k - 1:k + 1] not in self._verbs \
                    and text.count(stem[:k - 1], headline[1], end) >= _TOPIC_WRITTEN:
                # 河南卢氏县办好“行走的医院”: a place written before the head on the head's own line is the line's
                # subject, and the report's (the kicker's city is not)
                at = headline[0] + head.find(stem[:k - 1])
                line = text.rfind("\n", headline[0], at) + 1 or headline[0]
                if any(line <= x.start < at and x.type in LEVELS and not x.back_reference for x in mentions):
                    return None
                return m
        return None

    def subject(self, text: str, start: int, end: int, headline: tuple[int, int] | None,
                mentions: list[Mention]) -> tuple[Any, ...] | None:
        """(name, type, start, end, parent) of the report's subject, or None when it names no place."""
        inside = [m for m in mentions if start <= m.start < end and m.type in LEVELS and not m.back_reference]
        if headline is not None and not any(headline[0] <= m.start < headline[1] for m in inside):
            # 中国共产党党内统计公报, …—某某集团: a headline on a body that names no place makes the body the subject
            for m in mentions:
                if headline[0] <= m.start < headline[1] and m.type in _HEADLINE_BODIES and not m.back_reference:
                    return ref_of(m)
        if headline is not None:
            topic = self._headline_topic(text, start, end, headline, mentions)
            if topic is not None:
                return ref_of(topic)
        if not inside:
            return None
        if headline is not None:
            in_headline = [m for m in inside if headline[0] <= m.start < headline[1]]
            if not in_headline:
                # 我县发展产业 筑牢脱贫根基: a headline on "our county" is on the county the text names
                ours = next((m for m in mentions if headline[0] <= m.start < headline[1] and m.back_reference
                             and text[m.start:m.start + 1] in "我本" and m.name != text[m.start:m.end]
                             and (m.path or any(x.name == m.name for x in inside))), None)
                if ours is not None:
                    # (or the one city above the text's places, 我市 积极推进… naming only its towns)
                    return ref_of(next((x for x in inside if x.name == ours.name), ours))
            if in_headline:
                # the chain the headline opens with, its last member (辽宁省沈阳市于洪区大力推动…, 西藏自治区日喀则市
                # 党员干部奋战在定日地震…: not 定日县); else the most specific place of the headline
                first = in_headline[0]
                k = 0
                while k + 1 < len(in_headline) and in_headline[k + 1].start == in_headline[k].end:
                    k += 1
                if self._opens_line(text, first.start):
                    return ref_of(self._lede_chain(text, inside, headline, in_headline[k]))
                best = max(in_headline, key=lambda m: (LEVELS.index(m.type), m.start))
                return ref_of(self._lede_chain(text, inside, headline, best))
        # a mention in a person's title counts for nothing by itself; 全市/我市 still count for its place
        counts = Counter(m.name for m in inside if not self._titled.match(text, m.end))
        first: dict[str, Mention] = {}
        for m in inside:
            first.setdefault(m.name, m)
        for m in mentions:
            # 我市 after 兴宁市龙江建材实业有限公司: a place named only inside a body's name, that 我市/全市 stand for
            if start <= m.start < end and m.back_reference and m.type in ("district", "subdistrict") \
                    and text[m.start:m.start + 1] in _DETERMINERS and m.name not in first \
                    and m.name != text[m.start:m.end]:  # (a 我市 the text never names is no subject)
                first[m.name] = m
        # 全县/我市 stand for the county or city of the report
        body = text[start:end]
        unquoted: str | None = None  # the body without its quotations, made when a suffix is first counted
        score = {name: float(counts[name]) for name in first}
        named = Counter(m.type for m in inside)
        # (what a suffix's determiners add, and how often the body writes the suffix, counted once per suffix:
        # most places of a report share one)
        by_suffix: dict[str, int] = {}
        suffix_counts: dict[str, int] = {}
        for name, m in first.items():
            if m.type not in ("district", "subdistrict"):
                continue
            suffix = name[-2:] if name.endswith("街道") else name[-1]
            added = by_suffix.get(suffix)
            if added is None:
                if unquoted is None:
                    # “我镇的黑莓…”: a speaker's 我镇 is the speaker's town, not the report's
                    unquoted = _QUOTATION.sub("", body)
                words = [det + suffix for det in _DETERMINERS]
                written = sum(unquoted.count(w) for w in words)
                # 全街道, not the 全街道 inside 秀全街道
                added = by_suffix[suffix] = written - sum(
                    1 for x in inside if x.name.endswith(tuple(words)) and len(x.name) > len(suffix) + 1)
            score[name] += added
            if len(suffix) > 1:  # a bare 街道 in a subdistrict report means the subdistrict
                written = suffix_counts.get(suffix)
                if written is None:
                    written = suffix_counts[suffix] = body.count(suffix)
                score[name] += 0.5 * max(0, written - named[m.type])
        lede = next((m for m in inside if (headline is None or m.start >= headline[1])
                     and not self._titled.match(text, m.end)), None)
        if lede is not None and lede.type in _LEDE_TYPES and all(x.start != lede.end and x.end != lede.start
                                                                 for x in inside) \
                and lede.start - (headline[1] if headline is not None else start) <= 40:
            # 2021年以来，银川市选派…: the place the report's first sentence opens on is its subject, though a
            # village of a later story is named more often
            score[lede.name] += 1
        if max(score.values()) <= 1 and named["community"] == 1:
            # no place stands out (each named once): a report on one community calls it 社区 (社区党委…,
            # 社区承担剩余费用), though it names the subdistrict and district that helped once
            name = next(n for n, m in first.items() if m.type == "community")
            score[name] += 0.5 * max(0, body.count("社区") - 1)
        # on a tie the place named first is the subject (进驻连山县禾洞镇… ahead of 广西 named late), or a broader
        # place among the tied that holds it: 东城街道 over the 单光屯社区 it holds, 扬州市 over 高邮市
        top = max(score.values())
        tied = [n for n in score if score[n] == top]
        # a chain's parent (连山县|禾洞镇) is the child's address: the child is the place named first
        starts = {x.start for x in inside}
        chained = {m.start for m in inside if m.end in starts}
        earliest = min(tied, key=lambda n: (first[n].start in chained, first[n].start))
        if first[earliest].start in chained:
            earliest = min(tied, key=lambda n: first[n].start)
        # (贵池区清风街道府学社区, each named once: the chain written before the child is its address too)
        chain_start = first[earliest].start
        ends = {x.end: x for x in inside}
        while chain_start in ends:
            chain_start = ends[chain_start].start
        holders = [n for n in tied if n != earliest and self._holds(first[n], first[earliest])
                   and not (first[n].start in chained and chain_start <= first[n].start < first[earliest].start)]
        best_name = min(holders, key=lambda n: (LEVELS.index(first[n].type), len(first[n].path or ()),
                                                first[n].start)) if holders else earliest
        best = first[best_name]
        if headline is not None and not in_headline and best.start - start > (end - start) // 2 \
                and any(x.start < best.start and x.name != best.name and not self._holds(x, best) for x in inside):
            # 建强一个党支部 激活一条产业链: a headline that names no place over stories told one after another (镇江
            # first, 高州's 木广垌村 last): the place of the last story, named most, is no subject of the whole
            return None
        para_end = text.find("\n", start + 1, end)
        if score[best_name] < 2 and best.type in ("park", "community", "village") and (
                para_end != -1 and best.start > para_end and best.start - start > (end - start) // 2
                or text[best.start - 1:best.start] == "、" or text[best.end:best.end + 1] in ("、", "等")):
            # …入股下陈高家农业产业园 late in a report that names no place of its own, or 龙凤堂物流基地、…、
            # 茂林医疗器械产业园等24个新开工项目, one item of a list: no subject
            return None
        return ref_of(best)



@Language.factory("dangjian_sections", default_config={"extra_lexicon": None},
                  requires=["doc.spans"], assigns=["doc.spans"])
def make_section_splitter(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None) -> SectionSplitter:
    return SectionSplitter(nlp, name, extra_lexicon)
