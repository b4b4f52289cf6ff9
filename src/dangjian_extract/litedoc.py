"""A light stand-in for spaCy's Doc, for :func:`dangjian_extract.extract`: the text, ``user_data`` and
``spans`` groups of plain character spans, and nothing else (no tokens, no vocabulary).

The components read only these (doc.text via :func:`~dangjian_extract.spans.doc_text`, ``doc.user_data``,
``doc.spans``, a span's ``start_char``/``end_char``/``label_``/``doc``), so they run unchanged on it and give
the same results as on a spaCy Doc, without the cost of tokens, lexemes, retokenising and Span objects.
"""

from __future__ import annotations

from typing import Any


class LiteSpan:
    """A span of characters of a :class:`LiteDoc` (what the components read of a spaCy Span)."""

    __slots__ = ("doc", "start_char", "end_char", "label_", "fields")

    def __init__(self, doc: LiteDoc, start_char: int, end_char: int, label: str = "") -> None:
        self.doc, self.start_char, self.end_char, self.label_ = doc, start_char, end_char, label
        self.fields: Any = None  # its Fields, once extensions.fields() has looked them up

    def __repr__(self) -> str:
        return f"LiteSpan({self.start_char}, {self.end_char}, {self.label_!r})"


class _SpanGroups(dict):  # type: ignore[type-arg]
    """``doc.spans``: a group assigned is copied, as spaCy's SpanGroup copies the spans it is given."""

    __slots__ = ()

    def __setitem__(self, key: str, spans: Any) -> None:
        super().__setitem__(key, list(spans))


class LiteDoc:
    """The text a pipeline reads, with ``user_data`` and ``spans`` ({key: list of LiteSpan})."""

    __slots__ = ("text", "user_data", "spans")

    def __init__(self, text: str) -> None:
        self.text = text
        self.user_data: dict[Any, Any] = {}
        self.spans: dict[str, list[LiteSpan]] = _SpanGroups()
