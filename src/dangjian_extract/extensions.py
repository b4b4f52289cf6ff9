"""The parsed fields of metric and section spans, and the ``span._`` extension attributes that expose them.

Values are plain JSON types (numbers, strings, tuples, None) so a Doc round-trips through
``Doc.to_bytes`` and ``nlp.pipe(n_process>1)`` with its metrics intact. Offsets stored here index the
normalised ``doc.text``; :func:`dangjian_extract.extract` maps them back to the original text.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from spacy.tokens import Span

from .litedoc import LiteSpan

#: Span._.<name> attributes set by the pipeline components, with their defaults
SPAN_ATTRIBUTES: dict[str, object] = {
    "value": None,  # float
    "value_max": None,  # float | None
    "unit": None,  # unit code (CNY, %, m2, 个 …)
    "unit_text": None,  # unit as written (normalised text; extract() re-reads the original)
    "unit_start": None,  # offset in doc.text where the unit word starts
    "unit_end": None,  # where it ends, when not at the span's end (百分之十五: the unit is written first)
    "qualifier": "exact",
    "kind": None,
    "numeral": None,  # the numeral as written: 2300, 一千三百, 万
    "numeral_start": None,  # offset of the numeral in doc.text (a qualifier word sits before it)
    "source": None,  # which rule found it: number, counted_noun, fraction, percent_word, half, cheng, doubling
    "object": None,
    "entity": None,  # (name, type, start, end, parent) in doc.text offsets
    "entity_rule": None,  # which rule of guide §4 chose the entity (models.EntityRule)
    "change": None,
    "basis": None,  # yoy | mom for a change measured against last year / last month
    "period": None,  # (start, end, from_spec, to_spec) in doc.text offsets; specs resolved by periods.resolve
    "status": "achieved",  # or planned
    "category": None,  # category id from data/categories.json
    "sentence": None,  # (start, end) of the metric's sentence in doc.text offsets
    # on section spans (doc.spans["sections"])
    "headline": None,  # (start, end) of the headline lines
    "byline": None,  # (start, end) of the byline
    "subject": None,  # (name, type, start, end, parent) of the report's subject
    "reject_reason": None,  # set on spans in doc.spans["rejected"]
}


FIELDS_KEY = "dangjian_fields"


class Fields(dict):  # type: ignore[type-arg]
    """The parsed fields of one span, read and written as attributes (``fields(span).value``).

    A plain dict underneath, so ``Doc.to_bytes`` serialises it with the Doc's user_data; attribute access
    costs a C-level dict lookup where ``span._`` builds an Underscore object and a key tuple every time.
    Each attribute of SPAN_ATTRIBUTES is a property reading its key with ``itemgetter`` (no Python frame): a
    name found only through ``__getattr__`` would first fail the normal look-up and format an AttributeError
    message, ten times the cost of the read itself.
    """

    __slots__ = ()
    __getattr__ = dict.__getitem__
    __setattr__ = dict.__setitem__


for _name in SPAN_ATTRIBUTES:
    setattr(Fields, _name, property(itemgetter(_name)))
del _name


def fields(span: Span | LiteSpan) -> Fields:
    """The mutable fields of ``span`` (all attributes at their defaults when first asked for)."""
    if type(span) is LiteSpan:  # remembered on the span: a span is read by every component
        found = span.fields
        if found is None:
            found = span.fields = _stored(span)
        return found
    return _stored(span)


def _stored(span: Span | LiteSpan) -> Fields:
    """The fields of the span's characters in the Doc's store (spans of the same characters share them)."""
    store = span.doc.user_data.get(FIELDS_KEY)
    if store is None:
        store = span.doc.user_data[FIELDS_KEY] = {}
    key = span.start_char << 32 | span.end_char  # an int: msgpack (Doc.to_bytes) cannot key a map by tuples
    found = store.get(key)
    if found is None:
        found = store[key] = Fields(SPAN_ATTRIBUTES)
    elif not isinstance(found, Fields):  # a dict again after Doc.from_bytes
        found = store[key] = Fields(found)
    return found


def _getter(name: str) -> Any:
    return lambda span: fields(span)[name]


def _setter(name: str) -> Any:
    def set_value(span: Span, value: Any) -> None:
        fields(span)[name] = value

    return set_value


def register_extensions() -> None:
    """Expose the fields as ``span._.<name>`` once per process (leaves another library's same names alone)."""
    for name in SPAN_ATTRIBUTES:
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_getter(name), setter=_setter(name))
