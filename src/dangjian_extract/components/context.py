"""Read a metric's clause for what it measures (``span._.object``) and which way it moved (``span._.change``).

The clause is the text between the nearest clause punctuation marks; cue words come from
``data/context.json``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import Fields, fields, register_extensions
from ..lexicon import Lexicon, alternation, lexicon_for
from ..spans import CLAUSE_BREAK, PHRASE_BREAK, doc_text, sentence_bounds, sentence_breaks
from .entities import mentions_of
from .quantities import METRICS_KEY

_QUOTES = "“”‘’\"'《》「」『』〈〉"
# words that end an object phrase after a measure word, or start the verb before a number
_AFTER_STOP = regex.compile(r"[的和与及等在为是了将到从把被向对给中上下里内外\s\d，。；！？、,;!?:：()（）…—]")
_AFTER_BREAK = regex.compile(r"[，。；！？,;!?:：\n…—]")
_AGE = regex.compile(r"^\d+岁(?:以上|以下)?")
# after the last of these a noun phrase starts: 每年可为|村集体, 有入党意愿的|新就业群体
_FUNCTION_CUT = regex.compile(r"[为把对向给让在将使的]")
_TAIL = regex.compile(r"[\p{Han}A-Za-z]{1,10}$")  # the object: the last word run before the number
_EARLIER = 8  # metrics of the sentence looked back at for a shared object
_PLACES = frozenset({"province", "district", "subdistrict", "community", "village", "compound"})


class _Item:
    """A metric as this component reads it: its offsets and its fields (one lookup, not one per use)."""

    __slots__ = ("start_char", "end_char", "f")

    def __init__(self, start_char: int, end_char: int, f: Fields) -> None:
        self.start_char, self.end_char, self.f = start_char, end_char, f


class ContextReader:
    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None) -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicon = lexicon_for(extra_lexicon)
        self._increase = regex.compile(alternation(self.lex.increase))
        self._decrease = regex.compile(alternation(self.lex.decrease))
        ctx = self.lex.raw["context"]
        self.after_nouns = tuple(sorted(ctx["object_nouns_after"], key=len, reverse=True))
        self.after_verbs = tuple(ctx["object_verbs_after"])
        # the verbs that end a place name on its left also end an object phrase on its right
        verbs = [w for w in self.lex.raw["entities"]["left_boundaries"] if len(w) > 1] + ctx["object_phrase_ends"]
        self._verbs = regex.compile(alternation(verbs))
        # an object written before its number: verbs and adverbs between it and the number are cut from its end
        # (党支部数量已达|75个), list openers and verbs from its start (其中|, 新建|)
        self._trim_end = regex.compile(f"(?:{alternation(ctx['object_trim_end'])})+$")
        self._trim_start = regex.compile(f"^(?:{alternation(ctx['object_trim_start'])})+")

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        breaks = sentence_breaks(doc)
        # a place written before the number starts the object after it (带动西渠头村|集体经济增收)
        entity_ends = sorted(e.end for e in mentions_of(doc) if e.type in _PLACES)
        earlier: list[_Item] = []
        sentence: tuple[int, int] | None = None
        items = sorted((_Item(s.start_char, s.end_char, fields(s)) for s in doc.spans.get(METRICS_KEY, [])),
                       key=lambda it: it.start_char)
        for item in items:
            f = item.f
            bounds = sentence_bounds(text, breaks, item.start_char, item.end_char)
            f.sentence = bounds
            if bounds != sentence:
                sentence, earlier = bounds, []
            clause_start = self._clause_start(text, f.numeral_start or item.start_char)
            prefix = text[clause_start:item.start_char]
            # a verb before a list governs every item: 新建冷链仓储中心1座、分拣线2条
            list_start = self._clause_start(text, item.start_char, CLAUSE_BREAK)
            if f.change is None:
                f.change = self.change(text[list_start:item.start_char], text, item)
            if f.change is not None:
                f.basis = self.basis(text[list_start:item.start_char])
            # only places inside the clause matter; bounded slices keep long one-sentence texts linear
            lo, hi = bisect_left(entity_ends, clause_start), bisect_right(entity_ends, item.start_char)
            f.object = self.object(prefix, text, item, earlier[-_EARLIER:], entity_ends[lo:hi], clause_start)
            earlier.append(item)
            if len(earlier) > 4 * _EARLIER:  # only the last few are read
                del earlier[:-_EARLIER]
        return doc

    @staticmethod
    def _clause_start(text: str, pos: int, breaks: regex.Pattern[str] = PHRASE_BREAK) -> int:
        lo = max(0, pos - 80)
        last = None
        for m in breaks.finditer(text, lo, pos):
            last = m
        return last.end() if last else lo

    def basis(self, prefix: str) -> str | None:
        """yoy (同比, 较去年) or mom (环比, 较上月) for a change, from the cue nearest the number."""
        best: tuple[int, str] | None = None
        ctx = self.lex.raw["context"]
        for words, basis in ((ctx["basis_yoy"], "yoy"), (ctx["basis_mom"], "mom")):
            for word in words:
                pos = prefix.rfind(word)
                if pos >= 0 and (best is None or pos > best[0]):
                    best = (pos, basis)
        return best[1] if best else None

    def change(self, prefix: str, text: str, span: _Item) -> str | None:
        """increase/decrease when a cue stands before the number in its clause, or right after it."""
        best: tuple[int, str, int] | None = None
        for pattern, direction in ((self._increase, "increase"), (self._decrease, "decrease")):
            for m in pattern.finditer(prefix):
                if m.start() and prefix[m.start() - 1] == "、" and "等" in prefix[m.end():]:
                    continue  # 老旧小区、新建小区等5类小区: the cue describes a list item
                if best is None or m.end() > best[0]:
                    best = (m.end(), direction, m.start())
        if best is not None:
            between = prefix[best[2]:]
            if any(word in between for word in self.lex.level):
                return None  # 降至700余件, 提升至96%: a level reached, not a change
            return best[1]
        tail = text[span.end_char:span.end_char + 6]
        tail = tail[2:] if tail[:2] in self.lex.qualifiers_after else tail
        if any(tail.startswith(w) for w in self.lex.increase_after):
            return "increase"
        if any(tail.startswith(w) for w in self.lex.decrease_after):
            return "decrease"
        return None

    def object(self, prefix: str, text: str, span: _Item, earlier: list[_Item], entity_ends: list[int],
               clause_start: int) -> str | None:
        """A short phrase for what is counted or measured: after a measure word, else before the number."""
        x = span.f
        if x.source == "counted_noun":
            return x.unit
        after = self._after_phrase(text, span)
        if after:
            return after
        before = self._before_phrase(prefix, span, earlier, entity_ends, clause_start)
        if before:
            return before
        # 同比增长10.1%, 减少50%以上: a rate or level of what the sentence just counted
        if x.kind == "count" and not prefix.strip(_QUOTES + " "):
            return x.unit  # 206栋楼、8297户: the households themselves
        with_object = [e for e in earlier if e.f.object]
        same_kind = [e for e in with_object if e.f.kind == x.kind]
        if with_object:
            return (same_kind or with_object)[-1].f.object
        return x.unit if x.kind == "count" else None  # 206栋楼、8297户: the households themselves

    def _after_phrase(self, text: str, span: _Item) -> str | None:
        """75个院落党支部, 1.3万余人的网格员队伍, 3公里受阻道路, 68万元收入."""
        x = span.f
        window = text[span.end_char:span.end_char + 28]
        m = _AFTER_BREAK.search(window)
        phrase = "".join(ch for ch in (window[:m.start()] if m else window) if ch not in _QUOTES)
        if x.kind not in ("count", "measure"):
            # money or a rate is followed by its object only when a listed noun comes next: 68万元收入
            word = next((w for w in self.after_nouns if phrase.startswith(w)), None)
            return word
        phrase = _AGE.sub("", phrase.removeprefix("的"), count=1)
        if any(phrase.startswith(w) for w in self.after_verbs):
            return None  # 8610张压减至278张: a verb follows, the object stands before
        cut = phrase.rfind("的", 0, 20)
        if cut >= 0 and ("、" in phrase[:cut] or cut <= 6):  # 身体好、热心肠的|退休党员
            phrase = phrase[cut + 1:]
        m = _AFTER_STOP.search(phrase)
        phrase = phrase[:m.start()] if m else phrase
        m = self._verbs.search(phrase, 2)  # 退休党员|担任, 在职党员|沉网入格
        phrase = phrase[:m.start()] if m else phrase
        return phrase[:10] if phrase else None

    def _before_phrase(self, prefix: str, span: _Item, earlier: list[_Item], entity_ends: list[int],
                       clause_start: int) -> str | None:
        """院落党支部数量已达75个, 村集体收入50余万元, 12345热线投诉由原来的每月1500余件."""
        start = span.start_char - len(prefix)
        cut = max([e.end_char for e in earlier if e.end_char <= span.start_char]
                  + [end for end in entity_ends if start <= end <= span.start_char] + [start])
        before = "".join(ch for ch in prefix[cut - start:] if ch not in _QUOTES)
        for e in earlier:
            if e.end_char == cut and e.f.object and before.startswith(e.f.object):
                before = before[len(e.f.object):]  # 7个村|超过50万元: the earlier count's noun
        before = self._trim_start.sub("", before)
        for mark in ("占", "从", "由"):  # X占Y的一半, X从8610张…, X由原来的…: X is the object
            pos = before.find(mark)
            if pos > 0:
                before = before[:pos]
        m = _FUNCTION_CUT.search(before)
        while m is not None and before[m.end():]:
            before = before[m.end():]
            m = _FUNCTION_CUT.search(before)
        for _ in range(3):
            trimmed = self._trim_end.sub("", before).removesuffix("等")
            if trimmed == before:
                break
            before = trimmed
        m = _TAIL.search(before)
        return m.group(0) if m else None


@Language.factory("dangjian_context", default_config={"extra_lexicon": None},
                  requires=["doc.spans"], assigns=["span._.object", "span._.change", "span._.basis", "span._.sentence"])
def make_context_reader(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None) -> ContextReader:
    return ContextReader(nlp, name, extra_lexicon)
