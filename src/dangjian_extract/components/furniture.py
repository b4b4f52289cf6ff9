"""Mark page furniture — bylines, editor lines, app prompts — as ``doc.spans["furniture"]``.

Kept in the text (sections need bylines to find where a report starts) but never a source of metrics.
"""

from __future__ import annotations

import re
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import lexicon_for
from ..spans import QUANTIFIERS, RE_DIFFERS, doc_text, ensure_spans, literal_head, plain_opening, plain_re

FURNITURE_KEY = "furniture"


class FurnitureMarker:
    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None) -> None:
        self.name = name
        patterns = lexicon_for(extra_lexicon).raw["filters"].get("furniture_patterns", [])
        joined = "|".join(f"(?:{p})" for p in patterns)
        self.pattern = regex.compile(joined, regex.M) if patterns else None
        # the same pattern in the standard re module, which scans these line patterns about three times faster
        self._fast = plain_re(joined, re.M) if patterns else None
        self._heads = _literal_heads(patterns) if self._fast is not None else None

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        plain = self._fast is not None and RE_DIFFERS.search(text) is None
        pattern = self._fast if plain else self.pattern
        found = self._find_at_starts(text) if plain and self._heads is not None else None
        if found is None:
            found = [m.span() for m in pattern.finditer(text) if m.end() > m.start()] if pattern is not None else []
        doc.spans[FURNITURE_KEY] = ensure_spans(doc, found, label="FURNITURE")
        return doc

    def _find_at_starts(self, text: str) -> list[tuple[int, int]] | None:
        """What ``finditer`` finds, trying the pattern only where a match can start: at line starts (the patterns
        that open with ^) and where a literal head of another pattern is written (本报…). Scanned at every
        position, the five alternatives cost a few percent of a whole extract(). None after an empty match
        (finditer goes on differently after one)."""
        starts = {0} | {m.end() for m in _NEWLINE.finditer(text)}
        for head in self._heads or ():
            at = text.find(head)
            while at >= 0:
                starts.add(at)
                at = text.find(head, at + 1)
        match, found, last = self._fast.match, [], 0  # type: ignore[union-attr]
        for at in sorted(starts):
            if at < last:
                continue  # inside the previous match: finditer goes on after it
            m = match(text, at)
            if m is not None:
                if m.end() == at:
                    return None
                found.append(m.span())
                last = m.end()
        return found


_NEWLINE = re.compile("\n")
def _literal_heads(patterns: list[str]) -> tuple[str, ...] | None:
    """The literal each pattern that does not open with ^ starts with, when every pattern opens with ^ or with a
    literal and has no alternative at its top level or inline flag; else None (scan the text at every position)."""
    heads = []
    for p in patterns:
        if p.startswith("^"):
            if not plain_opening(p) or p[1:2] in QUANTIFIERS:
                return None
            continue
        head = literal_head(p)
        if not head:
            return None
        heads.append(head)
    return tuple(heads)


@Language.factory("dangjian_furniture", default_config={"extra_lexicon": None}, assigns=["doc.spans"])
def make_furniture_marker(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None) -> FurnitureMarker:
    return FurnitureMarker(nlp, name, extra_lexicon)
