"""Spark rows equal extract()'s, field by field, on a local[2] session (needs Java and PySpark).

Skipped, with the reason shown as a warning too, only when PySpark or Java cannot be found; `.ci/run`
installs Java when it is missing, so in CI this runs.
"""

from __future__ import annotations

import os
import shutil
import sys
import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dangjian_extract import extract
from dangjian_extract.frames import COLUMN_NAMES, COLUMNS, metric_row
from dangjian_extract.pipeline import MAX_TEXT_LENGTH

# PySpark 4 warns that its pandas >= 3 support is not complete; the equality checks below are what count
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")


def _skip(reason: str) -> None:
    warnings.warn(f"Spark tests skipped: {reason}", stacklevel=2)  # in the warnings summary, not just an "s"
    pytest.skip(reason)


def _java() -> str | None:
    # where PySpark looks: $JAVA_HOME/bin/java, else java on PATH
    home = os.environ.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
        return os.path.join(home, "bin", "java")
    return shutil.which("java")


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    try:
        from pyspark.sql import SparkSession
    except ImportError as err:
        _skip(f"PySpark is not installed ({err}); pip install \".[test]\" brings it")
    if _java() is None:
        _skip("no Java runtime (java not on PATH, no JAVA_HOME); install one, e.g. apt-get install "
              "default-jre-headless (.ci/run does)")
    old = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable  # workers must run this interpreter, with this venv
    session = (SparkSession.builder.master("local[2]").appName("dangjian-extract-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.default.parallelism", "2")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.sql.session.timeZone", "UTC").config("spark.ui.showConsoleProgress", "false")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        if old is None:
            os.environ.pop("PYSPARK_PYTHON", None)
        else:
            os.environ["PYSPARK_PYTHON"] = old


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path) -> list[tuple[str, str]]:
    paths = sorted([*fixtures_dir.glob("seeds/*.txt"), *fixtures_dir.glob("dev/*.txt")])
    assert len(paths) >= 10
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (str(row["id"]), row["start"] if row["start"] is not None else -1, row["end"] or -1, row["text"] or "")


def _expected(rows: list[tuple[Any, Any, Any]]) -> list[dict[str, Any]]:
    """What extract() gives for each (id, text, reference_date): its metric rows behind the id."""
    out = []
    for ident, text, reference in rows:
        doc_id = None if ident is None else str(ident)
        result = extract(text, doc_id=doc_id, reference_date=reference)
        for m in result.metrics:
            out.append({"id": ident, **metric_row(doc_id, m, extraction=result), "errors": None})
    return sorted(out, key=_key)


def _assert_rows_equal(actual: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    assert len(actual) == len(expected)
    names = ["id", *COLUMN_NAMES, "errors"]
    for got, want in zip(actual, expected, strict=True):
        assert list(got) == names
        for name in names:
            # exact: floats bit for bit, dates as datetime.date, missing as None
            assert got[name] == want[name] and type(got[name]) is type(want[name]), (got["id"], got["start"], name)


def test_rows_equal_extract_field_by_field(spark: Any, reports: list[tuple[str, str]]) -> None:
    from dangjian_extract.spark import extract_metrics

    too_long = "党" * (MAX_TEXT_LENGTH + 1)
    data = [*reports, ("null.txt", None), ("blank.txt", "  \n"), ("too_long.txt", too_long)]
    df = spark.createDataFrame(data, "id string, text string").repartition(4)
    got = sorted((r.asDict() for r in extract_metrics(df, errors_col="errors").collect()), key=_key)

    errors = [r for r in got if r["errors"] is not None]
    metrics = [r for r in got if r["errors"] is None]
    _assert_rows_equal(metrics, _expected([(i, t, None) for i, t in reports]))
    assert len(metrics) > 200 and {r["id"] for r in metrics} == {i for i, _ in reports}
    # one row per bad report, with only the id and the reason; the blank text has no metrics and no error
    assert [r["id"] for r in errors] == ["null.txt", "too_long.txt"]
    assert errors[0]["errors"] == "TypeError: text is null"
    assert errors[1]["errors"].startswith(f"ValueError: text is {MAX_TEXT_LENGTH + 1:,} characters long")
    assert all(v is None for r in errors for k, v in r.items() if k not in ("id", "errors"))


def test_reference_date_column(spark: Any, reports: list[tuple[str, str]]) -> None:
    from pyspark.sql import functions as F

    from dangjian_extract.spark import extract_metrics

    dates = [date(2024, 6, 30), None, date(2023, 1, 15)]
    rows = [(i, t, dates[n % 3]) for n, (i, t) in enumerate(reports)]
    df = spark.createDataFrame(rows, "id string, text string, published date")
    got = sorted((r.asDict() for r in extract_metrics(df, reference_date_col="published", errors_col="errors")
                  .collect()), key=_key)
    _assert_rows_equal(got, _expected(rows))
    assert any(r["period_from"] is not None for r in got)

    # ISO strings and timestamps work too; a string that is not a date makes that row an error row
    as_text = df.withColumn("published", F.date_format("published", "yyyy-MM-dd"))
    as_text = as_text.union(spark.createDataFrame([("bad_date", reports[0][1], "30/06/2024")], as_text.schema))
    got = sorted((r.asDict() for r in extract_metrics(as_text, reference_date_col="published", errors_col="errors")
                  .collect()), key=_key)
    bad = [r for r in got if r["errors"] is not None]
    assert [(r["id"], r["errors"].split(":")[0]) for r in bad] == [("bad_date", "ValueError")]
    _assert_rows_equal([r for r in got if r["errors"] is None], _expected(rows))
    stamped = df.withColumn("published", F.to_timestamp("published"))
    got = sorted((r.asDict() for r in extract_metrics(stamped, reference_date_col="published", errors_col="errors")
                  .collect()), key=_key)
    _assert_rows_equal(got, _expected(rows))


def test_non_text_values_and_typed_ids(spark: Any, reports: list[tuple[str, str]]) -> None:
    from pyspark.sql.types import BinaryType, LongType, StructField, StructType

    from dangjian_extract.spark import extract_metrics, metric_schema

    text = reports[0][1]
    schema = StructType([StructField("doc_id", LongType()), StructField("body", BinaryType())])
    df = spark.createDataFrame([(7, text.encode("utf-8")), (8, b"\xff\xfe bad"), (None, text.encode("utf-8")),
                                (9, None)], schema)
    out = extract_metrics(df, text_col="body", id_col="doc_id", errors_col="problem")
    # the id keeps its name and type and takes the place of the flat doc_id; metric columns follow
    assert out.schema == metric_schema(schema["doc_id"], "problem")
    assert out.schema.fieldNames() == [*COLUMN_NAMES, "problem"] and out.schema["doc_id"].dataType == LongType()
    got = [r.asDict() for r in out.collect()]
    problems = {r["doc_id"]: r["problem"] for r in got if r["problem"] is not None}
    assert set(problems) == {8, 9} and problems[8].startswith("UnicodeDecodeError")
    assert problems[9] == "TypeError: text is null"
    expected = [metric_row(None, m) for m in extract(text.encode("utf-8"), doc_id="7").metrics]
    for ident in (7, None):  # bytes are decoded as UTF-8, as extract() does; a null id gives a null doc_id
        rows = sorted((r for r in got if r["doc_id"] == ident and r["problem"] is None), key=lambda r: r["start"])
        assert [{**r, "doc_id": None, "problem": None} for r in rows] == [{**e, "problem": None} for e in expected]

    # a column that holds no text at all: every row is an error row, and the job still succeeds
    numbers = spark.createDataFrame([("a", 1), ("b", 2)], "id string, text long")
    got = extract_metrics(numbers, errors_col="errors").collect()
    assert sorted((r.id, r.errors.split(":")[0]) for r in got) == [("a", "TypeError"), ("b", "TypeError")]
    # without errors_col a bad row is simply absent
    assert extract_metrics(numbers).count() == 0


def test_schema_is_derived_from_the_columns(spark: Any) -> None:
    from pyspark.sql.types import DateType, DoubleType, LongType, StringType, StructField

    from dangjian_extract.spark import extract_metrics, metric_schema

    spark_type = {"str": StringType(), "int": LongType(), "float": DoubleType(), "date": DateType()}
    plain = metric_schema()
    assert [(f.name, f.dataType, f.nullable) for f in plain.fields] == [
        (c.name, spark_type[c.type], c.nullable) for c in COLUMNS]
    # error rows have nulls in every metric column
    assert all(f.nullable for f in metric_schema(errors_col="errors").fields)
    ident = StructField("id", StringType(), True)
    assert metric_schema(ident).fieldNames() == ["id", *COLUMN_NAMES]
    with pytest.raises(ValueError, match="clash"):
        metric_schema(StructField("value", StringType()))
    with pytest.raises(ValueError, match="clash"):
        metric_schema(ident, errors_col="text")

    df = spark.createDataFrame([("r1", "新增企业7家")], "id string, text string")
    out = extract_metrics(df)
    assert out.schema == metric_schema(df.schema["id"])
    assert out.collect()[0]["value"] == 7.0
    # no id column: doc_id is null
    assert extract_metrics(df, id_col=None).collect()[0].asDict() == metric_row(None, extract("新增企业7家").metrics[0])
    # column names with dots and spaces are taken as they are
    odd = spark.createDataFrame([("r1", "新增企业7家")], "`report.id` string, `the text` string")
    row = extract_metrics(odd, text_col="the text", id_col="report.id").collect()[0]
    assert (row["report.id"], row["doc_id"], row["text"]) == ("r1", "r1", "7家")
    with pytest.raises(ValueError, match="not a column"):
        extract_metrics(df, text_col="body")
    with pytest.raises(TypeError, match="DataFrame"):
        extract_metrics([("r1", "新增企业7家")])  # type: ignore[arg-type]


def test_pipeline_is_built_once_per_python_worker(spark: Any) -> None:
    # Spark reuses its Python workers across tasks (spark.python.worker.reuse, on by default), and load() is
    # cached per process: 8 tasks on local[2] run in about 2 worker processes, each building the pipeline once
    def probe(batches: Iterator[Any]) -> Iterator[Any]:
        import os

        import pandas

        from dangjian_extract import load
        from dangjian_extract.pipeline import _cached

        for batch in batches:
            load()
            yield pandas.DataFrame({"pid": [os.getpid()] * len(batch), "builds": [_cached.cache_info().misses]
                                    * len(batch)})

    df = spark.range(0, 64, numPartitions=8)
    assert spark.sparkContext.getConf().get("spark.python.worker.reuse", "true") == "true"
    seen = df.mapInPandas(probe, "pid long, builds long").distinct().collect()
    assert {r.builds for r in seen} == {1}
    assert len({r.pid for r in seen}) < 8
