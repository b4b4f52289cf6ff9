"""Flat rows and DataFrames: one row per metric, the documented columns, values equal to the records."""

from __future__ import annotations

import math
import sys
from datetime import date
from pathlib import Path

import pytest

import dangjian_extract
from dangjian_extract import extract, extract_many
from dangjian_extract.frames import COLUMN_NAMES, rows

pd = pytest.importorskip("pandas")

ISSUE_COLUMNS = ("doc_id", "start", "end", "text", "value", "value_max", "unit", "unit_text", "qualifier", "lower",
                 "upper", "kind", "object", "category", "entity_name", "entity_type", "change", "period_text",
                 "status", "sentence_start", "sentence_end")


def test_columns_are_the_contract() -> None:
    assert COLUMN_NAMES[: len(ISSUE_COLUMNS)] == ISSUE_COLUMNS
    assert len(set(COLUMN_NAMES)) == len(COLUMN_NAMES)


def test_dataframe_rows_equal_the_records(fixtures_dir: Path) -> None:
    paths = sorted(fixtures_dir.glob("seeds/*.txt"))[:3]
    results = list(extract_many(((p.name, p.read_text(encoding="utf-8")) for p in paths),
                                reference_date="2024-06-30"))
    frame = dangjian_extract.to_dataframe(results)
    assert list(frame.columns) == list(COLUMN_NAMES)
    assert len(frame) == sum(len(r.metrics) for r in results)
    flat = [(r.doc_id, m) for r in results for m in r.metrics]
    for (doc_id, m), (_, row) in zip(flat, frame.iterrows(), strict=True):
        assert row["doc_id"] == doc_id and row["start"] == m.start and row["text"] == m.text
        assert row["value"] == m.value and row["kind"] == m.kind and row["object"] == m.object
        assert row["entity_name"] == (m.entity.name if m.entity else None)
        assert row["period_text"] == (m.period.text if m.period else None)
        assert row["period_from"] == (m.period.from_date if m.period else None)
        if m.value_max is None:
            assert math.isnan(row["value_max"])
        if m.sentence is None:
            assert row["sentence_start"] is pd.NA
        else:
            assert row["sentence_start"] == m.sentence.start
    assert any(isinstance(v, date) for v in frame["period_from"])
    assert frame["start"].dtype == "int64" and frame["sentence_start"].dtype == "Int64"


def test_method_and_function_agree_and_empty_has_columns() -> None:
    result = extract("明水街道新增规上企业13家，总投资约15亿元。", doc_id="r1")
    frame = result.to_dataframe()
    assert frame.equals(dangjian_extract.to_dataframe([result]))
    assert list(frame["text"]) == ["13家", "15亿元"] and list(frame["qualifier"]) == ["exact", "about"]
    empty = extract("").to_dataframe()
    assert empty.empty and list(empty.columns) == list(COLUMN_NAMES)


def test_rows_reject_other_objects() -> None:
    with pytest.raises(TypeError, match="item 0 is dict"):
        list(rows([{"metrics": []}]))  # type: ignore[list-item]


def test_missing_pandas_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError, match=r"dangjian-extract\[pandas\]"):
        extract("新增企业7家").to_dataframe()
