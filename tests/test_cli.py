from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dangjian_extract import extract
from dangjian_extract.cli import main
from dangjian_extract.frames import COLUMN_NAMES


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


def _corpus(tmp_path: Path, fixtures_dir: Path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    for p in sorted(fixtures_dir.glob("dev/*.txt"))[:3]:
        (corpus / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "sub" / "note.md").write_text("新增企业7家", encoding="utf-8")  # not *.txt: skipped
    (corpus / "sub" / "nested.txt").write_text("新增企业7家。", encoding="utf-8")
    return corpus


def test_directory_reads_txt_recursively_in_order(tmp_path: Path, fixtures_dir: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _corpus(tmp_path, fixtures_dir)
    assert main([str(corpus)]) == 0
    ids = [json.loads(line)["doc_id"] for line in capsys.readouterr().out.splitlines()]
    expected = [str(p) for p in sorted(corpus.rglob("*.txt"))]
    assert list(dict.fromkeys(ids)) == expected
    assert not any(i.endswith("note.md") for i in ids)


def test_csv_has_the_flat_columns(tmp_path: Path, fixtures_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sorted(fixtures_dir.glob("dev/*.txt"))[0]
    assert main([str(path), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == COLUMN_NAMES
    result = extract(path.read_text(encoding="utf-8"))
    assert len(rows) == len(result.metrics)
    first, metric = rows[0], result.metrics[0]
    assert (first["doc_id"], int(first["start"]), first["text"], float(first["value"])) == \
        (str(path), metric.start, metric.text, metric.value)
    assert first["entity_name"] == (metric.entity.name if metric.entity else "")


def test_table_format_is_aligned_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.txt"
    path.write_text("明水街道新增规上企业13家，总投资15亿元。", encoding="utf-8")
    assert main([str(path), "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"== {path}: 2 metrics"
    assert lines[1].split()[:3] == ["text", "value", "unit"]
    assert lines[2].split()[:3] == ["13家", "13", "家"] and "明水街道" in lines[2]
    assert lines[3].split()[:4] == ["15亿元", "1.5e+09", "CNY", "money"]


def test_gbk_file_is_decoded_and_binary_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("明水街道新增规上企业13家，总投资15亿元。".encode("gbk"))
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    assert main([str(binary), str(gbk)]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["13家", "15亿元"]
    assert err.count("\n") == 1 and "binary.txt" in err and "not UTF-8 or GB18030" in err


def test_stdin_and_reference_date(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = "今年以来，明水街道新增企业13家。".encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert main(["-", "--reference-date", "2024-06-30"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["doc_id"] == "-"
    assert row["period"]["from_date"] == "2024-01-01" and row["period"]["to_date"] == "2024-06-30"


def test_bad_reference_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--sample", "--reference-date", "2024-13-01"])
    assert exit_info.value.code == 2
    assert "reference_date must be an ISO date" in capsys.readouterr().err


def test_progress_bar_and_jobs(tmp_path: Path, fixtures_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _corpus(tmp_path, fixtures_dir)
    assert main([str(corpus), "--progress"]) == 0
    serial_out, err = capsys.readouterr()
    assert "4/4" in err and "file" in err  # tqdm's counter on stderr, not in the data
    assert main([str(corpus), "--no-progress", "--jobs", "2"]) == 0
    parallel_out, err = capsys.readouterr()
    assert parallel_out == serial_out and err == ""


def test_closed_pipe_ends_quietly(tmp_path: Path, fixtures_dir: Path) -> None:
    corpus = _corpus(tmp_path, fixtures_dir)
    # more output than a pipe buffers (64 KB), so the writer is still writing when the reader leaves
    paths = [str(corpus)] * 30
    proc = subprocess.Popen([sys.executable, "-m", "dangjian_extract.cli", *paths],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in err


def test_output_file_for_every_text_format(tmp_path: Path, fixtures_dir: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = str(sorted(fixtures_dir.glob("dev/*.txt"))[0])
    for fmt in ("jsonl", "csv", "table"):
        assert main([path, "--format", fmt]) == 0
        printed = capsys.readouterr().out
        out = tmp_path / f"m.{fmt}"
        assert main([path, "--format", fmt, "--output", str(out)]) == 0
        assert capsys.readouterr().out == ""  # all of it went to the file
        assert out.read_bytes() == printed.encode("utf-8") and len(printed) > 200
    assert main([path, "-o", "-"]) == 0 and capsys.readouterr().out.count("\n") > 10  # '-': standard output
    assert main([path, "-o", str(tmp_path / "no" / "such" / "dir.jsonl")]) == 2
    assert "cannot write" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["parquet", "html"])
def test_file_formats_need_an_output_file(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    for extra in ([], ["-o", "-"]):
        with pytest.raises(SystemExit) as exit_info:
            main(["--sample", "--format", fmt, *extra])
        assert exit_info.value.code == 2
        assert f"--format {fmt} writes a file: give it with -o FILE" in capsys.readouterr().err


def test_html_review_page_from_the_command_line(tmp_path: Path, fixtures_dir: Path) -> None:
    paths = sorted(fixtures_dir.glob("dev/*.txt"))[:2]
    out = tmp_path / "review.html"
    assert main([*map(str, paths), "--format", "html", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    n = sum(len(extract(p.read_text(encoding="utf-8")).metrics) for p in paths)
    assert page.count("<tr data-kind=") == n > 20 and page.count('<section class="dj-report"') == 2
    assert f'<a href="#r0">{paths[0]}</a>' in page and 'id="r1-m0"' in page
