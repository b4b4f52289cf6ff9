"""Arrow tables and Parquet files (dangjian_extract.arrow, CLI --format parquet): the flat rows, typed."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dangjian_extract import extract, extract_many
from dangjian_extract.cli import main
from dangjian_extract.frames import COLUMN_NAMES, COLUMNS, rows

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from dangjian_extract.arrow import ParquetSink, arrow_schema, to_arrow, write_parquet  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [ROOT / "fixtures" / name for name in ("seeds", "dev", "dev2")]


def _flatten(line: dict[str, Any]) -> dict[str, Any]:
    """A jsonl line (nested JSON of a Metric) as a flat row, written out field by field, independent of frames.py."""
    e, p, s = line["entity"] or {}, line["period"] or {}, line["sentence"] or {}

    def day(value: str | None) -> date | None:
        return date.fromisoformat(value) if value is not None else None

    return {
        "doc_id": line["doc_id"], "start": line["start"], "end": line["end"], "text": line["text"],
        "value": line["value"], "value_max": line["value_max"], "unit": line["unit"],
        "unit_text": line["unit_text"], "qualifier": line["qualifier"], "lower": line["lower"],
        "upper": line["upper"], "kind": line["kind"], "object": line["object"], "category": line["category"],
        "entity_name": e.get("name"), "entity_type": e.get("type"), "change": line["change"],
        "period_text": p.get("text"), "status": line["status"], "sentence_start": s.get("start"),
        "sentence_end": s.get("end"), "basis": line["basis"], "entity_start": e.get("start"),
        "entity_end": e.get("end"), "entity_parent": e.get("parent"), "period_from": day(p.get("from_date")),
        "period_to": day(p.get("to_date")), "entity_code": e.get("code"),
        "entity_path": "/".join(e["path"]) if e.get("path") else None,
        "reference_date": day(line["reference_date"]), "reference_date_source": line["reference_date_source"],
        "entity_rule": line["entity_rule"],
    }


@pytest.fixture(scope="module")
def cli_outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, Any]], Path]:
    out = tmp_path_factory.mktemp("parquet")
    # a report that names no place: its figures have no entity, so the entity columns hold nulls too
    unplaced = tmp_path_factory.mktemp("unplaced")
    (unplaced / "u01.txt").write_text("今年新增党员12名，据统计共有10万名党员参加。", encoding="utf-8")
    folders = [str(f) for f in FOLDERS] + [str(unplaced)]
    # auto: some fixtures print their date, so the date columns hold dates as well as nulls
    assert main([*folders, "--reference-date", "auto", "-o", str(out / "m.jsonl")]) == 0
    assert main([*folders, "--reference-date", "auto", "--format", "parquet", "-o", str(out / "m.parquet")]) == 0
    lines = [json.loads(line) for line in (out / "m.jsonl").read_text(encoding="utf-8").splitlines()]
    return lines, out / "m.parquet"


def test_parquet_has_exactly_the_rows_and_values_of_the_jsonl_output(
        cli_outputs: tuple[list[dict[str, Any]], Path]) -> None:
    lines, parquet = cli_outputs
    table = pq.read_table(parquet)
    assert table.column_names == list(COLUMN_NAMES)
    got = table.to_pylist()
    expected = [_flatten(line) for line in lines]
    assert len(got) == len(expected) > 500
    for i, (row, want) in enumerate(zip(got, expected, strict=True)):
        assert row == want, f"row {i} ({want['doc_id']} {want['text']}) differs"
    # the comparison covered every column's both states, not just nulls
    for name in ("period_from", "reference_date", "entity_path", "value_max", "entity_start"):
        assert any(r[name] is not None for r in got) and any(r[name] is None for r in got), name
    assert {r["reference_date_source"] for r in got} == {"page", "none"}
    assert {r["doc_id"].split("/")[-2] for r in got} - {"seeds", "dev", "dev2"} == {"unplaced0"}


def test_schema_types_from_the_flat_columns(cli_outputs: tuple[list[dict[str, Any]], Path]) -> None:
    schema = arrow_schema()
    assert schema.names == list(COLUMN_NAMES)
    expected = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}
    for column, field in zip(COLUMNS, schema, strict=True):
        assert field.type == expected[column.type], column.name
        assert field.nullable == column.nullable, column.name
        assert field.metadata == {b"description": column.description.encode()}
    assert schema.field("start").type == pa.int64() and schema.field("value").type == pa.float64()
    assert schema.field("period_from").type == pa.date32() and schema.field("text").type == pa.string()
    written = pq.read_schema(cli_outputs[1])
    assert written.equals(schema, check_metadata=False)
    assert [f.nullable for f in written] == [c.nullable for c in COLUMNS]


def test_to_arrow_is_the_flat_rows() -> None:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(FOLDERS[1].glob("*.txt"))[:3]]
    results = list(extract_many(texts, reference_date="2024-06-30"))
    table = to_arrow(results)
    assert table.schema.equals(arrow_schema(), check_metadata=True)
    assert table.to_pylist() == list(rows(results))
    assert table.num_rows == sum(len(r.metrics) for r in results)
    one = to_arrow(results[0])
    assert one.num_rows == len(results[0].metrics) and one.column("doc_id")[0].as_py() == texts[0][0]
    empty = to_arrow([])
    assert empty.num_rows == 0 and empty.schema.equals(arrow_schema())
    with pytest.raises(TypeError, match="item 0"):
        to_arrow(["not an extraction"])  # type: ignore[list-item]


def test_top_level_to_arrow_is_lazy_and_import_stays_light() -> None:
    import dangjian_extract
    from dangjian_extract import arrow

    assert dangjian_extract.to_arrow is arrow.to_arrow and "to_arrow" in dangjian_extract.__all__
    code = ("import sys, dangjian_extract\nf = dangjian_extract.to_arrow\n"
            "print(sorted(m for m in ('pyarrow', 'pandas') if m in sys.modules), f.__module__)")
    src = str(ROOT / "src")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": src, "PATH": "/usr/bin:/bin"}).stdout
    assert out.split() == ["[]", "dangjian_extract.arrow"]
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        dangjian_extract.nope  # noqa: B018 - the module's __getattr__ must still refuse unknown names


def test_sink_writes_one_row_group_per_batch(tmp_path: Path) -> None:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(FOLDERS[2].glob("*.txt"))]
    results = list(extract_many(texts))
    results.insert(3, extract("没有数字。", doc_id="none"))  # a report without metrics adds no rows
    path = tmp_path / "m.parquet"
    with ParquetSink(path, batch_reports=4) as sink:
        for result in results:
            sink.write(result)
    batches = [results[i:i + 4] for i in range(0, len(results), 4)]
    sizes = [sum(len(r.metrics) for r in batch) for batch in batches]
    meta = pq.ParquetFile(path).metadata
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [n for n in sizes if n]
    assert meta.num_row_groups == math.ceil(len(results) / 4) >= 4
    assert sink.rows == meta.num_rows == sum(sizes) and sink.reports == len(results)
    assert pq.read_table(path).to_pylist() == list(rows(results))
    with pytest.raises(ValueError, match="closed"):
        sink.write(results[0])
    with pytest.raises(ValueError, match="batch_reports"):
        ParquetSink(tmp_path / "x.parquet", batch_reports=0)


def test_write_parquet_without_metrics_keeps_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    assert write_parquet([extract("没有数字。")], path) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.column_names == list(COLUMN_NAMES)
    assert write_parquet(extract("新增企业13家。", doc_id="a"), path, compression="snappy") == 1
    assert pq.read_table(path).column("text").to_pylist() == ["13家"]


def test_missing_pyarrow_says_what_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    hint = 'pip install "dangjian-extract[parquet]"'
    for call in (lambda: to_arrow([]), arrow_schema, lambda: write_parquet([], tmp_path / "a.parquet")):
        with pytest.raises(ImportError) as caught:
            call()
        assert hint in str(caught.value) and "pyarrow" in str(caught.value)
    report = tmp_path / "r.txt"
    report.write_text("新增企业13家。", encoding="utf-8")
    assert main([str(report), "--format", "parquet", "-o", str(tmp_path / "m.parquet")]) == 2
    assert hint in capsys.readouterr().err
    assert not (tmp_path / "m.parquet").exists() and not (tmp_path / "a.parquet").exists()


def test_a_run_that_fails_midway_leaves_no_parquet_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import dangjian_extract.cli as cli

    def failing(items: Any, **kwargs: Any) -> Any:
        yield from extract_many(list(items)[:1], **kwargs)
        raise RuntimeError("worker died")

    monkeypatch.setattr(cli, "extract_many", failing)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("新增企业13家。", encoding="utf-8")
    target = tmp_path / "m.parquet"
    with pytest.raises(RuntimeError, match="worker died"):
        main([str(tmp_path), "--format", "parquet", "-o", str(target)])
    assert not target.exists()  # a file that reads as whole but lacks reports would mislead
