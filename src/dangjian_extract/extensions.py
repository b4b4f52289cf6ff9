"""spaCy extension attributes that carry a metric's parsed fields on its Span.

Values are plain JSON types (numbers, strings, tuples, None) so a Doc round-trips through
``Doc.to_bytes`` and ``nlp.pipe(n_process>1)`` with its metrics intact. Offsets stored here index the
normalised ``doc.text``; :func:`dangjian_extract.extract` maps them back to the original text.
"""

from __future__ import annotations

from spacy.tokens import Span

#: Span._.<name> attributes set by the pipeline components, with their defaults
SPAN_ATTRIBUTES: dict[str, object] = {
    "value": None,  # float
    "value_max": None,  # float | None
    "unit": None,  # unit code (CNY, %, m2, 个 …)
    "unit_text": None,  # unit as written (normalised text; extract() re-reads the original)
    "unit_start": None,  # offset in doc.text where the unit word starts
    "qualifier": "exact",
    "kind": None,
    "numeral": None,  # the numeral as written: 2300, 一千三百, 万
    "numeral_start": None,  # offset of the numeral in doc.text (a qualifier word sits before it)
    "source": None,  # which rule found it: number, counted_noun, fraction, percent_word, half, cheng, doubling
    "object": None,
    "entity": None,  # (name, type, start, end, parent) in doc.text offsets
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


def register_extensions() -> None:
    """Register the attributes once per process; leaves another library's same-named ones alone."""
    for name, default in SPAN_ATTRIBUTES.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
