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
from ..spans import RE_DIFFERS, doc_text, ensure_spans, plain_re

FURNITURE_KEY = "furniture"


class FurnitureMarker:
    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None) -> None:
        self.name = name
        patterns = lexicon_for(extra_lexicon).raw["filters"].get("furniture_patterns", [])
        joined = "|".join(f"(?:{p})" for p in patterns)
        self.pattern = regex.compile(joined, regex.M) if patterns else None
        # the same pattern in the standard re module, which scans these line patterns about three times faster
        self._fast = plain_re(joined, re.M) if patterns else None

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        pattern = self._fast if self._fast is not None and RE_DIFFERS.search(text) is None else self.pattern
        found = [m.span() for m in pattern.finditer(text) if m.end() > m.start()] if pattern is not None else []
        doc.spans[FURNITURE_KEY] = ensure_spans(doc, found, label="FURNITURE")
        return doc


@Language.factory("dangjian_furniture", default_config={"extra_lexicon": None}, assigns=["doc.spans"])
def make_furniture_marker(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None) -> FurnitureMarker:
    return FurnitureMarker(nlp, name, extra_lexicon)
