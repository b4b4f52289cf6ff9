"""Flat rows, one per metric: the shape of the CSV output, ``to_dataframe`` and the Spark rows.

pandas is optional (``pip install "dangjian-extract[pandas]"``); :func:`rows` needs nothing but the records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from .models import Extraction, Metric

if TYPE_CHECKING:
    import pandas


class Column(NamedTuple):
    name: str
    type: Literal["str", "int", "float", "date"]
    nullable: bool
    description: str


# Order and names are a contract: CSV headers, DataFrame columns and Spark fields all come from here.
COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "str", True, "The document's id (file path in the CLI)."),
    Column("start", "int", False, "Metric.start"),
    Column("end", "int", False, "Metric.end"),
    Column("text", "str", False, "Metric.text"),
    Column("value", "float", False, "Metric.value"),
    Column("value_max", "float", True, "Metric.value_max"),
    Column("unit", "str", False, "Metric.unit"),
    Column("unit_text", "str", False, "Metric.unit_text"),
    Column("qualifier", "str", False, "Metric.qualifier"),
    Column("lower", "float", True, "Metric.lower"),
    Column("upper", "float", True, "Metric.upper"),
    Column("kind", "str", False, "Metric.kind"),
    Column("object", "str", True, "Metric.object"),
    Column("category", "str", True, "Metric.category"),
    Column("entity_name", "str", True, "Metric.entity.name"),
    Column("entity_type", "str", True, "Metric.entity.type"),
    Column("change", "str", True, "Metric.change"),
    Column("period_text", "str", True, "Metric.period.text"),
    Column("status", "str", False, "Metric.status"),
    Column("sentence_start", "int", True, "Metric.sentence.start"),
    Column("sentence_end", "int", True, "Metric.sentence.end"),
    Column("basis", "str", True, "Metric.basis"),
    Column("entity_start", "int", True, "Metric.entity.start"),
    Column("entity_end", "int", True, "Metric.entity.end"),
    Column("entity_parent", "str", True, "Metric.entity.parent"),
    Column("period_from", "date", True, "Metric.period.from_date"),
    Column("period_to", "date", True, "Metric.period.to_date"),
    Column("entity_code", "str", True, "Metric.entity.code"),
    Column("entity_path", "str", True, "Metric.entity.path, joined by '/'"),
    Column("reference_date", "date", True, "Extraction.reference_date (the report's)"),
    Column("reference_date_source", "str", False, "Extraction.reference_date_source: given | page | none"),
    Column("entity_rule", "str", True, "Metric.entity_rule"),
)
COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)


def metric_row(doc_id: str | None, m: Metric, extraction: Extraction | None = None) -> dict[str, Any]:
    """The flat row of one metric (keys in :data:`COLUMN_NAMES` order); the report-level columns
    (``reference_date``, ``reference_date_source``) come from ``extraction``, the record the metric is of."""
    e, p, s = m.entity, m.period, m.sentence
    return {
        "doc_id": doc_id, "start": m.start, "end": m.end, "text": m.text, "value": m.value,
        "value_max": m.value_max, "unit": m.unit, "unit_text": m.unit_text, "qualifier": m.qualifier,
        "lower": m.lower, "upper": m.upper, "kind": m.kind, "object": m.object, "category": m.category,
        "entity_name": e.name if e else None, "entity_type": e.type if e else None, "change": m.change,
        "period_text": p.text if p else None, "status": m.status,
        "sentence_start": s.start if s else None, "sentence_end": s.end if s else None,
        "basis": m.basis, "entity_start": e.start if e else None, "entity_end": e.end if e else None,
        "entity_parent": e.parent if e else None,
        "period_from": p.from_date if p else None, "period_to": p.to_date if p else None,
        "entity_code": e.code if e else None, "entity_path": "/".join(e.path) if e and e.path else None,
        "reference_date": extraction.reference_date if extraction is not None else None,
        "reference_date_source": extraction.reference_date_source if extraction is not None else "none",
        "entity_rule": m.entity_rule,
    }


def rows(extractions: Extraction | Iterable[Extraction]) -> Iterator[dict[str, Any]]:
    """Flat rows of every metric of every extraction, in order."""
    if isinstance(extractions, Extraction):
        extractions = [extractions]
    for index, extraction in enumerate(extractions):
        if not isinstance(extraction, Extraction):
            raise TypeError(f"expected Extraction records, item {index} is {type(extraction).__name__}")
        for metric in extraction.metrics:
            yield metric_row(extraction.doc_id, metric, extraction=extraction)


_PANDAS_DTYPES = {("str", False): "object", ("str", True): "object", ("int", False): "int64",
                  ("int", True): "Int64", ("float", False): "float64", ("float", True): "float64",
                  ("date", True): "object", ("date", False): "object"}


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError("to_dataframe() needs pandas: pip install \"dangjian-extract[pandas]\"") from None
    return pandas


def to_dataframe(extractions: Extraction | Iterable[Extraction]) -> pandas.DataFrame:
    """A pandas DataFrame with one row per metric and the flat :data:`COLUMNS` (also when there are none).

    Missing values are ``None`` in text and date columns, ``NaN`` in float columns and ``<NA>`` in the
    nullable integer columns (``Int64``); dates are ``datetime.date`` objects.
    """
    pd = _pandas()
    data = list(rows(extractions))
    frame = pd.DataFrame.from_records(data, columns=list(COLUMN_NAMES))
    dtypes = {c.name: _PANDAS_DTYPES[(c.type, c.nullable)] for c in COLUMNS}
    frame = frame.astype(dtypes)
    # astype(object) leaves NaN where a record had None; a text column's missing value is None
    for c in COLUMNS:
        if c.type in ("str", "date") and c.nullable:
            frame[c.name] = frame[c.name].where(frame[c.name].notna(), None)
    return frame

