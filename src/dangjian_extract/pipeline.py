"""Build the spaCy pipeline (cached per process) and turn its Docs into pydantic records."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# importing the components registers their factories
from .components import attribution, category, context, entities, filters, furniture, quantities, sections, status  # noqa: F401
from .components import period as period_component  # noqa: F401  (aliased: records_from_doc has a local `period`)
from .components.entities import ENTITIES_KEY
from .components.quantities import METRICS_KEY
from .components.sections import SECTIONS_KEY
from .extensions import fields
from .litedoc import LiteDoc
from .loading import collector_paused, gc_paused
from .models import EntityMention, EntityRef, Extraction, Metric, Period, Section, TextSpan
from .normalize import NormalizedText
from .periods import resolve
from .pubdate import page_date
from .tokenizer import CoarseTokenizer, normalized_of

PIPE_NAMES = ("dangjian_furniture", "dangjian_quantities", "dangjian_filters", "dangjian_entities",
              "dangjian_sections", "dangjian_context", "dangjian_attribution", "dangjian_period",
              "dangjian_status", "dangjian_category")


#: Longest text one extract() call takes (about 15 s and 450 MB at this size); longer input is a ValueError.
#: Reports are a few thousand characters: split longer texts and stream the parts with extract_many().
MAX_TEXT_LENGTH = 1_000_000


def build(extra_lexicon: dict[str, Any] | None = None) -> Language:
    """A new blank ``zh`` pipeline with the coarse tokenizer and our rule components.

    ``extra_lexicon`` ({data file: {key: list | dict}}) extends the packaged word lists, e.g.
    ``{"units": {"measure_words": ["尾"]}}``.
    """
    config = {"nlp": {"tokenizer": {"@tokenizers": "dangjian.coarse_tokenizer.v1",
                                    "extra_lexicon": extra_lexicon}}}
    nlp = spacy.blank("zh", config=config)
    for name in PIPE_NAMES:
        nlp.add_pipe(name, config={"extra_lexicon": extra_lexicon})
    nlp.max_length = 2**62  # our own MAX_TEXT_LENGTH check (with its clearer message) governs
    # lexical attributes (like_num, shape, like_url …) are computed for every new lexeme, and inside memory
    # zones every Doc's tokens are new; no component reads them
    nlp.vocab.lex_attr_getters = {}
    return nlp


@lru_cache(maxsize=8)
def _cached(key: str) -> Language:
    with gc_paused():
        return build(json.loads(key) if key else None)


def load(extra_lexicon: dict[str, Any] | None = None) -> Language:
    """The pipeline for this lexicon, built once per process and reused."""
    if extra_lexicon is not None and not isinstance(extra_lexicon, dict):
        raise TypeError(f"extra_lexicon must be a dict, got {type(extra_lexicon).__name__}")
    return _cached(json.dumps(extra_lexicon, sort_keys=True, ensure_ascii=False) if extra_lexicon else "")


def _check_length(text: str) -> str:
    if len(text) > MAX_TEXT_LENGTH:
        raise ValueError(f"text is {len(text):,} characters long; extract() takes at most {MAX_TEXT_LENGTH:,} "
                         "per call. Split it (by report or paragraph) and stream the parts with extract_many(), "
                         "or raise dangjian_extract.pipeline.MAX_TEXT_LENGTH if you have the memory "
                         "(about 0.45 KB per character)")
    return text


def _check_text(text: Any) -> str:
    if isinstance(text, str):
        return _check_length(text)
    if isinstance(text, (bytes, bytearray)):
        try:
            return _check_length(bytes(text).decode("utf-8"))
        except UnicodeDecodeError as err:
            raise UnicodeDecodeError(err.encoding, err.object, err.start, err.end,
                                     "extract() got bytes that are not UTF-8; decode them first "
                                     "(e.g. data.decode('gb18030'))") from None
    raise TypeError(f"extract() needs the report text as str, got {type(text).__name__}")


def _bounds(value: float, value_max: float | None, qualifier: str) -> tuple[float | None, float | None]:
    if qualifier == "exact":
        return value, value if value_max is None else value_max
    if qualifier in ("over", "at_least"):
        return value, None
    if qualifier in ("nearly", "under", "at_most"):
        return None, value if value_max is None else value_max
    return None, None


#: reference_date="auto": read the date the page prints about itself (pubdate.py)
AUTO = "auto"


def _reference_date(value: Any) -> date | str | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        if value.strip().lower() == AUTO:
            return AUTO
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"reference_date must be an ISO date like 2024-05-10 or 'auto', got {value!r}") from None
    raise TypeError(f"reference_date must be a date, an ISO date string or 'auto', got {type(value).__name__}")


_new_entity_ref = EntityRef.__pydantic_validator__.validate_python


def _entity_ref(norm: NormalizedText, entity: tuple[Any, ...] | None) -> EntityRef | None:
    if entity is None:
        return None
    name, etype, e_start, e_end, parent, path, code = entity
    o0, o1 = norm.to_original(e_start, e_end)
    # validated from a dict by pydantic's validator itself, as EntityRef(**fields) would (without its __init__ frame)
    return _new_entity_ref({"name": name, "type": etype, "start": o0, "end": o1, "parent": parent, "path": path,
                            "code": code})


# a metric's fields that its record reads, in one C call (each attribute read is a property call), and its
# characters, the order of the records
_metric_fields = itemgetter("value", "value_max", "unit", "qualifier", "kind", "object", "change", "basis", "status",
                            "category", "unit_start", "unit_end", "period", "sentence", "entity", "entity_rule")
_span_bounds = attrgetter("start_char", "end_char")


def records_from_doc(doc: Doc | LiteDoc, doc_id: str | None = None,
                     reference_date: date | str | None = None) -> Extraction:
    """Build the pydantic Extraction from a Doc made by this pipeline (offsets mapped to the original).

    ``reference_date`` (the report's publication date) resolves relative periods such as 今年以来;
    ``"auto"`` reads the date the page prints about itself (:func:`dangjian_extract.pubdate.page_date`).
    """
    norm = normalized_of(doc)
    original = norm.original
    reference, source = _resolve_reference(reference_date, original)
    metrics = []
    periods: dict[tuple[Any, ...], Period] = {}
    sentences: dict[tuple[Any, ...], TextSpan] = {}
    refs: dict[tuple[Any, ...], EntityRef | None] = {}
    # the records validated from dicts by pydantic's validator itself: Metric(**fields) would do the same
    # through a Python __init__ frame, a third of the cost of a record
    new_metric = Metric.__pydantic_validator__.validate_python
    new_period = Period.__pydantic_validator__.validate_python
    new_span = TextSpan.__pydantic_validator__.validate_python
    offsets, n_text = norm.offsets, len(norm.text)  # norm.to_original inlined below for non-empty spans
    for span in sorted(doc.spans.get(METRICS_KEY, []), key=_span_bounds):
        (value, value_max, unit, qualifier, kind, obj, change, basis, m_status, m_category, unit_start, unit_end,
         x_period, x_sentence, x_entity, entity_rule) = _metric_fields(fields(span))
        s0, s1 = span.start_char, span.end_char
        start, end = (offsets[s0], offsets[s1 - 1] + 1) if 0 <= s0 < s1 <= n_text else norm.to_original(s0, s1)
        if unit_start is None:
            unit_start = s1
        if unit_end is None:
            unit_end = s1
        if unit_start < unit_end:
            u0, u1 = (offsets[unit_start], offsets[unit_end - 1] + 1) if 0 <= unit_start and unit_end <= n_text \
                else norm.to_original(unit_start, unit_end)
        else:
            u0, u1 = end, end
        lower, upper = _bounds(value, value_max, qualifier)
        # metrics of one sentence share their period, sentence and entity: build each record once (frozen)
        period = None
        if x_period is not None:
            key = tuple(x_period)
            period = periods.get(key)
            if period is None:
                p_start, p_end, from_spec, to_spec = key
                p0, p1 = norm.to_original(p_start, p_end)
                period = periods[key] = new_period({"text": original[p0:p1], "start": p0, "end": p1,
                                                    "from_date": resolve(from_spec, reference),
                                                    "to_date": resolve(to_spec, reference)})
        sentence = None
        if x_sentence:
            key = tuple(x_sentence)
            sentence = sentences.get(key)
            if sentence is None:
                t0, t1 = norm.to_original(*key)
                sentence = sentences[key] = new_span({"start": t0, "end": t1})
        entity = None
        if x_entity is not None:
            key = tuple(x_entity)
            entity = refs.get(key)
            if entity is None:
                entity = refs[key] = _entity_ref(norm, key)
        metrics.append(new_metric({
            "start": start, "end": end, "text": original[start:end], "value": value, "value_max": value_max,
            "unit": unit, "unit_text": original[u0:u1], "qualifier": qualifier, "lower": lower, "upper": upper,
            "kind": kind, "object": obj, "entity": entity, "change": change,
            "basis": basis if change else None, "period": period, "status": m_status, "category": m_category,
            "sentence": sentence, "entity_rule": entity_rule,
        }))
    mentions = []
    new_mention = EntityMention.__pydantic_validator__.validate_python
    # the stored mention tuples read as they are (mentions_of would build a Mention of each first), and
    # norm.to_original inlined for the usual non-empty span inside the text: one of each per mention
    doc_text = doc.text
    for start, end, name, etype, parent, _clean, back, _suffix, path, code in doc.user_data.get(ENTITIES_KEY, ()):
        if back and name == doc_text[start:end]:
            continue  # 全市 in a report naming no city: a level with no name is no entity to list
        if 0 <= start < end <= n_text:
            e0, e1 = offsets[start], offsets[end - 1] + 1
        else:
            e0, e1 = norm.to_original(start, end)
        mentions.append(new_mention({"name": name, "type": etype, "start": e0, "end": e1,
                                     "text": original[e0:e1], "parent": parent,
                                     "back_reference": back, "path": path, "code": code}))
    mentions.sort(key=lambda e: (e.start, e.end))
    parts = []
    for span in doc.spans.get(SECTIONS_KEY, []):
        s0, s1 = norm.to_original(span.start_char, span.end_char)
        headline = byline = None
        if fields(span).headline:
            h0, h1 = norm.to_original(*fields(span).headline)
            headline = original[h0:h1].strip() or None
        if fields(span).byline:
            b0, b1 = norm.to_original(*fields(span).byline)
            byline = original[b0:b1].strip() or None
        parts.append(Section(start=s0, end=s1, headline=headline, byline=byline,
                                subject=_entity_ref(norm, fields(span).subject)))
    result = Extraction(doc_id=doc_id, text_length=len(original), metrics=metrics, entities=mentions,
                        sections=parts, reference_date=reference, reference_date_source=source)
    result._text = original
    return result


def _resolve_reference(value: Any, text: str) -> tuple[date | None, str]:
    """The reference date and where it came from: given | page | none."""
    reference = _reference_date(value)
    if reference == AUTO:
        found = page_date(text)
        return (found.date, "page") if found else (None, "none")
    return (reference, "given") if isinstance(reference, date) else (None, "none")


def empty_extraction(text: str, doc_id: str | None, reference_date: Any = None) -> Extraction:
    """The result for blank text: no metrics, no entities, no sections."""
    reference, source = _resolve_reference(reference_date, text)
    result = Extraction(doc_id=doc_id, text_length=len(text), metrics=[], reference_date=reference,
                        reference_date_source=source)
    result._text = text
    return result


# spaCy memory zones free the strings and lexemes a Doc added to the shared vocab, so a long stream does not
# grow it without bound; zones must not nest or overlap, and the vocab is shared by all threads: one at a time.
_ZONE_LOCK = threading.RLock()


@contextmanager
def memory_zone(nlp: Language) -> Iterator[None]:
    """Process Docs inside this block; what they added to the vocab is freed at its end (thread-safe)."""
    with _ZONE_LOCK:
        if nlp.vocab.in_memory_zone:  # re-entered from the same thread: the outer zone frees it
            yield
        else:
            with nlp.memory_zone():
                yield


def _runs_lite(nlp: Language) -> bool:
    """Whether the pipeline is ours as built (coarse tokenizer, our components, none added or disabled): then
    :func:`extract` runs the components on a :class:`~dangjian_extract.litedoc.LiteDoc`, with the same results
    as on a spaCy Doc and without its tokens and lexemes (nothing enters the shared vocab)."""
    return isinstance(nlp.tokenizer, CoarseTokenizer) and tuple(nlp.pipe_names) == PIPE_NAMES


def run_pipeline(nlp: Language, text: str, doc_id: str | None = None,
                 reference_date: date | str | None = None) -> Extraction:
    """``records_from_doc(nlp(text))``: on a LiteDoc when the pipeline allows it (:func:`_runs_lite`), else on
    a spaCy Doc inside a memory zone. One call at a time (thread-safe)."""
    if _runs_lite(nlp):
        with _ZONE_LOCK, collector_paused():
            doc = nlp.tokenizer.lite_doc(text)
            for _name, proc in nlp.pipeline:
                doc = proc(doc)
            return records_from_doc(doc, doc_id=doc_id, reference_date=reference_date)
    with memory_zone(nlp), collector_paused():
        return records_from_doc(nlp(text), doc_id=doc_id, reference_date=reference_date)


def extract(text: str | bytes, *, extra_lexicon: dict[str, Any] | None = None, doc_id: str | None = None,
            reference_date: date | str | None = None) -> Extraction:
    """Every metric the text states, as typed records whose offsets index ``text`` itself.

    ``reference_date`` (a date, an ISO string, or ``"auto"`` for the date the page prints about itself)
    resolves relative periods such as 今年以来.

    >>> extract("总投资达到15亿元").metrics[0].value
    1500000000.0
    """
    text = _check_text(text)
    _reference_date(reference_date)  # a bad date is an error even for empty text
    if not text.strip():
        return empty_extraction(text, doc_id, reference_date)  # a given date is recorded; "auto" finds none
    return run_pipeline(load(extra_lexicon), text, doc_id=doc_id, reference_date=reference_date)
