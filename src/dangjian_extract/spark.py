"""Spark: metrics from a DataFrame column of report texts, one output row per metric.

``pip install "dangjian-extract[spark]"``. This is the only module that imports PySpark.

The rows are the flat :data:`dangjian_extract.frames.COLUMNS` of ``to_dataframe`` behind the input's id
column, under an explicit schema (:func:`metric_schema`), so their types do not depend on what a batch held.
The work runs in ``mapInPandas``: each Python worker builds the pipeline once (``load()`` is cached per
process, and Spark reuses its Python workers across tasks, ``spark.python.worker.reuse``, on by default) and
streams every pandas batch it gets through ``extract_many``. A row whose text is null or not text, too long,
or whose reference date is bad gives no metrics; with ``errors_col`` it gives one row with the id and the
reason instead (all metric columns null), so one bad report never fails the job.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator
from datetime import date
from functools import partial
from typing import Any

try:
    import pandas as pd
    from pyspark.sql import Column as SparkColumn
    from pyspark.sql import DataFrame
    from pyspark.sql import functions as F
    from pyspark.sql.types import (
        DataType,
        DateType,
        DoubleType,
        LongType,
        StringType,
        StructField,
        StructType,
    )
except ImportError as err:  # pragma: no cover - depends on the environment
    raise ImportError(f"dangjian_extract.spark needs PySpark, pandas and pyarrow ({err}): "
                      "pip install \"dangjian-extract[spark]\"") from None

from .batch import extract_many
from .frames import COLUMNS, metric_row
from .models import Extraction
from .pipeline import _check_text, _reference_date, extract, load

__all__ = ["SPARK_TYPES", "extract_metrics", "metric_schema"]

log = logging.getLogger(__name__)

#: Spark type of each :class:`~dangjian_extract.frames.Column` type.
SPARK_TYPES: dict[str, DataType] = {"str": StringType(), "int": LongType(), "float": DoubleType(),
                                    "date": DateType()}
_FLAT_ID = "doc_id"
# the columns handed to the workers, under names that cannot clash with the caller's
_ID, _DOC_ID, _TEXT, _REF = "__dj_id", "__dj_doc_id", "__dj_text", "__dj_reference_date"
# pandas dtypes the output frame is cast to (Int64 everywhere: error rows hold NA in every metric column)
_PANDAS_DTYPES = {"str": "object", "int": "Int64", "float": "float64", "date": "object"}


def metric_schema(id_field: StructField | None = None, errors_col: str | None = None) -> StructType:
    """The Spark schema of :func:`extract_metrics`' rows.

    ``id_field`` (the input's id column, its own type) comes first, then the flat :data:`COLUMNS`
    (str → string, int → long, float → double, date → date; nullable as documented there), then
    ``errors_col`` (string) when given. An id column named ``doc_id`` takes the place of the flat
    ``doc_id``. With ``errors_col`` every metric column is nullable, as error rows carry only the id and
    the reason.
    """
    fields: list[StructField] = []
    if id_field is not None:
        fields.append(id_field)
    for c in COLUMNS:
        if c.name == _FLAT_ID and id_field is not None and id_field.name == _FLAT_ID:
            continue
        fields.append(StructField(c.name, SPARK_TYPES[c.type], nullable=c.nullable or errors_col is not None))
    if errors_col is not None:
        fields.append(StructField(errors_col, StringType(), nullable=True))
    names = [f.name for f in fields]
    clashes = sorted({n for n in names if names.count(n) > 1})
    if clashes:
        raise ValueError(f"output column names clash: {clashes}; rename the id column or choose another "
                         "errors_col (the metric columns are fixed: dangjian_extract.frames.COLUMN_NAMES)")
    return StructType(fields)


def _col(name: str) -> SparkColumn:
    return F.col("`" + name.replace("`", "``") + "`")  # quoted: a name with dots or backticks is one column


def _field(df: DataFrame, name: str, role: str) -> StructField:
    if not isinstance(name, str):
        raise TypeError(f"{role} must be a column name (str), got {type(name).__name__}")
    for f in df.schema.fields:
        if f.name == name:
            return f
    raise ValueError(f"{role} {name!r} is not a column of the DataFrame; it has {df.columns}")


def extract_metrics(df: DataFrame, text_col: str = "text", id_col: str | None = "id",
                    reference_date_col: str | None = None, *, errors_col: str | None = None,
                    extra_lexicon: dict[str, Any] | None = None, batch_size: int = 64) -> DataFrame:
    """One row per metric of every text in ``df[text_col]``: the id column, then the flat columns.

    ``id_col`` is copied to every row of its text with its own value and type (``None``: no id column;
    ``doc_id`` is then null), ``doc_id`` is that id cast to string, as ``extract(text, doc_id=...)`` would
    record it. ``reference_date_col`` (date, timestamp or ISO string; null: none) is each report's
    publication date. A text with no metrics gives no rows. A bad row (null or non-text, not UTF-8,
    too long, a bad reference date) gives no metrics and, with ``errors_col``, one row holding the id and
    ``"<ExceptionType>: <message>"`` in ``errors_col`` (metric rows hold null there). The result is lazy,
    like any DataFrame.
    """
    if not (isinstance(df, DataFrame) or hasattr(df, "mapInPandas")):  # the latter: Spark Connect's on 3.5
        raise TypeError(f"extract_metrics() needs a pyspark.sql.DataFrame, got {type(df).__name__}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    if errors_col is not None and not isinstance(errors_col, str):
        raise TypeError(f"errors_col must be a column name (str) or None, got {type(errors_col).__name__}")
    if extra_lexicon is not None:
        load(extra_lexicon)  # a bad lexicon fails here, on the driver, not as an error row per report
    text_field = _field(df, text_col, "text_col")
    id_field = _field(df, id_col, "id_col") if id_col is not None else None
    schema = metric_schema(id_field, errors_col)
    inputs: list[SparkColumn] = [_col(text_field.name).alias(_TEXT)]
    if id_field is not None:
        # Spark's own cast gives the doc_id (a long 7 → "7", not the float 7.0 pandas may hold it as)
        ident = _col(id_field.name)
        inputs += [ident.alias(_ID), ident.cast("string").alias(_DOC_ID)]
    if reference_date_col is not None:
        inputs.append(_col(_field(df, reference_date_col, "reference_date_col").name).alias(_REF))
    # a module-level function under functools.partial: pickled by reference, nothing of the session in it
    work = partial(_extract_batches, names=tuple(schema.fieldNames()), id_name=id_field.name if id_field else None,
                   errors_col=errors_col, extra_lexicon=extra_lexicon, batch_size=batch_size)
    return df.select(*inputs).mapInPandas(work, schema)


# --- on the workers -------------------------------------------------------------------------------------------


def _is_null(value: Any) -> bool:
    # Arrow hands missing values to pandas as None, NaN, NA or NaT depending on the column type
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _prepare(text: Any, reference: Any) -> tuple[str, date | None]:
    """The text and reference date of one row, or the exception that makes it a bad row."""
    if _is_null(text):
        raise TypeError("text is null")
    return _check_text(text), None if _is_null(reference) else _reference_date(reference)


def _run(jobs: list[tuple[str | None, str, date | None]], extra_lexicon: dict[str, Any] | None,
         batch_size: int) -> list[Extraction | str]:
    try:
        return list(extract_many(jobs, batch_size=batch_size, extra_lexicon=extra_lexicon))
    except Exception:  # the pipeline failed on some text: find which, keep the others
        log.exception("extract_many failed on a batch of %d texts; retrying them one by one", len(jobs))
    results: list[Extraction | str] = []
    for doc_id, text, reference in jobs:
        try:
            results.append(extract(text, doc_id=doc_id, reference_date=reference, extra_lexicon=extra_lexicon))
        except Exception as err:  # one report must not fail the job
            results.append(f"{type(err).__name__}: {err}")
    return results


def _extract_batches(batches: Iterator[pd.DataFrame], *, names: tuple[str, ...], id_name: str | None,
                     errors_col: str | None, extra_lexicon: dict[str, Any] | None,
                     batch_size: int) -> Iterator[pd.DataFrame]:
    """mapInPandas body: pandas batches of (text, id, doc_id, reference date) in, metric rows out."""
    for batch in batches:
        n = len(batch)
        texts = batch[_TEXT].tolist()
        doc_ids = batch[_DOC_ID].tolist() if _DOC_ID in batch else [None] * n
        references = batch[_REF].tolist() if _REF in batch else [None] * n
        # one output frame per slice of batch_size rows keeps memory flat for large Arrow batches
        for lo in range(0, n, batch_size):
            positions = range(lo, min(lo + batch_size, n))
            outcome: dict[int, Extraction | str] = {}
            jobs, job_positions = [], []
            for i in positions:
                doc_id = None if _is_null(doc_ids[i]) else str(doc_ids[i])
                try:
                    text, reference = _prepare(texts[i], references[i])
                except (TypeError, ValueError) as err:  # UnicodeDecodeError is a ValueError
                    outcome[i] = f"{type(err).__name__}: {err}"
                    continue
                jobs.append((doc_id, text, reference))
                job_positions.append(i)
            outcome.update(zip(job_positions, _run(jobs, extra_lexicon, batch_size), strict=True))
            bad = sum(isinstance(v, str) for v in outcome.values())
            if bad and errors_col is None:
                log.warning("%d of %d rows gave no metrics because they could not be read (pass errors_col "
                            "to extract_metrics to see why)", bad, len(positions))
            frame = _frame(batch, outcome, positions, names, id_name, errors_col)
            if len(frame):
                yield frame


def _frame(batch: pd.DataFrame, outcome: dict[int, Extraction | str], positions: range, names: tuple[str, ...],
           id_name: str | None, errors_col: str | None) -> pd.DataFrame:
    records: list[dict[str, Any]] = []
    sources: list[int] = []  # the input row of each output row, to copy its id
    for i in positions:
        result = outcome[i]
        if isinstance(result, str):
            if errors_col is not None:
                records.append({errors_col: result})
                sources.append(i)
            continue
        for m in result.metrics:
            records.append(metric_row(result.doc_id, m, extraction=result))
            sources.append(i)
    frame = pd.DataFrame.from_records(records, columns=[n for n in names if n != id_name])
    frame = frame.astype({c.name: _PANDAS_DTYPES[c.type] for c in COLUMNS if c.name in frame.columns})
    if errors_col is not None:
        frame[errors_col] = frame[errors_col].astype("object")
    for column in frame.columns:  # None, not NaN, for a missing text or date (object columns)
        if frame[column].dtype == object:
            frame[column] = frame[column].where(frame[column].notna(), None)
    if id_name is not None:
        # the id's own values, in the dtype Arrow gave them (take keeps it), converted back to its Spark type
        frame.insert(0, id_name, batch[_ID].take(sources).reset_index(drop=True))
    return frame[list(names)]
