"""Read a metric's clause for what it measures (``span._.object``) and which way it moved (``span._.change``).

The clause is the text between the nearest clause punctuation marks; cue words come from
``data/context.json``.
"""

from __future__ import annotations

from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import register_extensions
from ..lexicon import Lexicon, lexicon_for
from ..spans import doc_text
from .quantities import METRICS_KEY

CLAUSE_BREAK = regex.compile(r"[，。；！？、,;!?:：\n]")
CHANGE_BREAK = regex.compile(r"[，。；！？,;!?:：\n]")
_QUOTES = "“”‘’\"'《》「」『』〈〉"
# words that end an object phrase after a measure word, or start the verb before a number
_AFTER_STOP = regex.compile(r"[的和与及等在为是了将到从把被向对给中上下里内外\s\d，。；！？、,;!?:：()（）]")
_BEFORE_TRIM = regex.compile(
    r"(?:同比|环比|累计|共计|总计|共|合计|达到|达|为|是|约|近|超过|超|逾|突破|实现|完成|有|占|已|已达|均已|均|"
    r"增长|增幅|增加|新增|增收|提高|提升|下降|降幅|减少|降低|压减|至|到|可|能|年|月|每)+$"
)


class ContextReader:
    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None) -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicon = lexicon_for(extra_lexicon)
        self._increase = regex.compile("|".join(map(regex.escape, self.lex.increase)))
        self._decrease = regex.compile("|".join(map(regex.escape, self.lex.decrease)))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        for span in doc.spans.get(METRICS_KEY, []):
            clause_start = self._clause_start(text, span._.numeral_start or span.start_char)
            prefix = text[clause_start:span.start_char]
            if span._.change is None:
                # a verb before a list governs every item: 新建冷链仓储中心1座、分拣线2条
                list_start = self._clause_start(text, span.start_char, CHANGE_BREAK)
                span._.change = self.change(text[list_start:span.start_char], text, span)
            span._.object = self.object(prefix, text, span)
        return doc

    @staticmethod
    def _clause_start(text: str, pos: int, breaks: regex.Pattern[str] = CLAUSE_BREAK) -> int:
        lo = max(0, pos - 80)
        last = None
        for m in breaks.finditer(text, lo, pos):
            last = m
        return last.end() if last else lo

    def change(self, prefix: str, text: str, span: Span) -> str | None:
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

    def object(self, prefix: str, text: str, span: Span) -> str | None:
        """A short phrase for what is counted or measured: after a measure word, else before the number."""
        x = span._
        if x.source == "counted_noun":
            return x.unit
        if x.kind == "count":
            after = text[span.end_char:span.end_char + 16]
            after = "".join(ch for ch in after if ch not in _QUOTES)
            m = _AFTER_STOP.search(after)
            phrase = after[:m.start()] if m else after
            if phrase:
                return phrase[:10]
        before = "".join(ch for ch in prefix if ch not in _QUOTES)
        for _ in range(3):
            trimmed = _BEFORE_TRIM.sub("", before)
            if trimmed == before:
                break
            before = trimmed
        m = regex.search(r"[\p{Han}A-Za-z]{1,10}$", before)
        return m.group(0) if m else None


@Language.factory("dangjian_context", default_config={"extra_lexicon": None},
                  requires=["doc.spans"], assigns=["span._.object", "span._.change"])
def make_context_reader(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None) -> ContextReader:
    return ContextReader(nlp, name, extra_lexicon)
