from __future__ import annotations

import json
from pathlib import Path

import pytest

from dangjian_extract.cli import main


def test_sample_prints_metric_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--sample"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) >= 15
    assert rows[0]["text"] == "2300余名" and rows[0]["doc_id"] == "sample_report.txt"


def test_files_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "a.txt"
    good.write_text("新增规上企业13家。", encoding="utf-8")
    assert main([str(tmp_path / "missing.txt"), str(good)]) == 1
    out, err = capsys.readouterr()
    assert "missing.txt" in err
    assert json.loads(out.splitlines()[0])["text"] == "13家"


def test_evaluate_subcommand(fixtures_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(fixtures_dir / "gold" / "dev"), str(fixtures_dir / "dev")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("detect_p")
    assert main(["evaluate", str(fixtures_dir / "nope"), str(fixtures_dir / "dev")]) == 2


def test_schema_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert "Metric" in json.loads(capsys.readouterr().out)["$defs"]
