"""The ``dangjian-extract`` console script.

    dangjian-extract --sample                 metrics of the bundled sample report, one JSON line each
    dangjian-extract PATH [PATH ...]          files, directories (their *.txt, recursively) or ``-`` (stdin)
        [--format jsonl|csv|table|parquet|html] [-o FILE] [--reference-date 2024-06-30|auto] [--jobs N]
        [--progress/--no-progress]
    dangjian-extract evaluate GOLD_DIR TEXT_DIR [--show-errors N] [--json OUT] [--by-rule]
    dangjian-extract schema                   the JSON Schema of the output

A file that is missing or not text gets one line on stderr; the others are still processed and the exit
status is 1 at the end. Files may be UTF-8 or GB18030/GBK. ``-o FILE`` writes the output there instead of
standard output; ``parquet`` (needs pyarrow) and ``html`` (the review page) are files only, so they need it.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from . import evaluate as evaluation
from .batch import extract_many
from .frames import COLUMN_NAMES, metric_row
from .models import Extraction
from .pipeline import _reference_date
from .textfile import NotTextError, decode_report, read_report

SAMPLE_ID = "sample_report.txt"
PROGRESS_MIN_INPUTS = 10  # fewer inputs than this finish before a bar would tell anything
TABLE_COLUMNS = (("text", 14), ("value", 14), ("unit", 6), ("kind", 8), ("object", 20), ("entity_name", 16),
                 ("period_text", 10), ("category", 14))


def _sample_text() -> str:
    return resources.files("dangjian_extract").joinpath("data/sample_report.txt").read_text(encoding="utf-8")


def _expand(paths: Sequence[str], pattern: str) -> list[str]:
    """Files in command-line order; a directory contributes its matching files, sorted, recursively."""
    out: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            out.extend(str(p) for p in sorted(Path(path).rglob(pattern)) if p.is_file())
        else:
            out.append(path)
    return out


class _Inputs:
    """Yields (doc_id, text) for each readable input and remembers whether any failed."""

    def __init__(self, paths: Sequence[str], progress: Any = None) -> None:
        self.paths = paths
        self.failed = 0
        self.progress = progress

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for path in self.paths:
            try:
                text = decode_report(sys.stdin.buffer.read()) if path == "-" else read_report(path)
            except (OSError, NotTextError) as exc:
                self.failed += 1
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                message = f"dangjian-extract: cannot read {path}: {reason}"
                if self.progress is not None:
                    self.progress.write(message, file=sys.stderr)  # above the bar, not through it
                    self.progress.update(1)
                else:
                    print(message, file=sys.stderr)
                continue
            yield path, text


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _cell(value: Any, width: int) -> str:
    s = "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
    s = s.replace("\n", " ")
    while _width(s) > width:
        s = s[:-2] + "…" if len(s) > 1 else ""
    return s + " " * (width - _width(s))


FILE_FORMATS = ("parquet", "html")  # binary or whole-page output: never to a terminal or pipe


class _Writer:
    """Text output (jsonl, csv, table) to a stream, one report at a time."""

    def __init__(self, fmt: str, out: TextIO) -> None:
        self.fmt = fmt
        self.out = out
        self.csv: csv.DictWriter[str] | None = None
        if fmt == "csv":
            self.csv = csv.DictWriter(out, fieldnames=list(COLUMN_NAMES), lineterminator="\n")
            self.csv.writeheader()

    def close(self) -> None:
        self.out.flush()

    def write(self, result: Extraction) -> None:
        if self.fmt == "jsonl":
            for metric in result.metrics:
                row = {"doc_id": result.doc_id, **metric.model_dump(mode="json"),
                       "reference_date": result.reference_date.isoformat() if result.reference_date else None,
                       "reference_date_source": result.reference_date_source}
                self.out.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif self.csv is not None:
            for metric in result.metrics:
                self.csv.writerow(metric_row(result.doc_id, metric, extraction=result))
        else:
            self.out.write(f"== {result.doc_id}: {len(result.metrics)} metrics\n")
            self.out.write("  ".join(_cell(name, w) for name, w in TABLE_COLUMNS).rstrip() + "\n")
            for metric in result.metrics:
                row = metric_row(result.doc_id, metric, extraction=result)
                self.out.write("  ".join(_cell(row[name], w) for name, w in TABLE_COLUMNS).rstrip() + "\n")
        self.out.flush()


class _FileWriter:
    """parquet (row groups as the reports come) or html (the page, written once every report is in)."""

    def __init__(self, fmt: str, path: str) -> None:
        self.fmt = fmt
        self.path = path
        self.sink: Any
        if fmt == "parquet":
            from .arrow import ParquetSink

            self.sink = ParquetSink(path)
        else:
            from .review import ReviewWriter

            self.sink = ReviewWriter()

    def write(self, result: Extraction) -> None:
        self.sink.write(result)

    def close(self) -> None:
        if self.fmt == "parquet":
            self.sink.close()
        else:
            with open(self.path, "w", encoding="utf-8") as out:
                self.sink.finish(out)

    def abort(self) -> None:
        """After a failure: release the file; a Parquet file that lacks reports but reads as whole is removed."""
        self.sink.close()
        if self.fmt == "parquet":
            with contextlib.suppress(OSError):
                os.remove(self.path)


def _open_writer(fmt: str, output: str | None) -> _Writer | _FileWriter:
    """The writer for ``fmt``; raises OSError when the output file cannot be made, ImportError without pyarrow."""
    if fmt in FILE_FORMATS:
        assert output is not None
        return _FileWriter(fmt, output)
    if output is None or output == "-":
        return _Writer(fmt, sys.stdout)
    # newline="": the csv module writes its own line ends, the others write "\n" only
    return _Writer(fmt, open(output, "w", encoding="utf-8", newline=""))  # closed in _extract_main


def _progress_bar(total: int, wanted: bool | None) -> Any:
    show = wanted if wanted is not None else (total >= PROGRESS_MIN_INPUTS and sys.stderr.isatty())
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True)


def _extract_main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(prog="dangjian-extract",
                                 description="Extract governance metrics from Chinese report texts.",
                                 epilog="Subcommands: 'evaluate GOLD_DIR TEXT_DIR', 'schema'.")
    ap.add_argument("paths", nargs="*", help="text files (UTF-8 or GB18030/GBK), directories, '-' for stdin")
    ap.add_argument("--sample", action="store_true", help="run on the bundled sample report")
    ap.add_argument("--format", choices=("jsonl", "csv", "table", *FILE_FORMATS), default="jsonl",
                    help="jsonl: one JSON object per metric (default); csv: flat columns; table: for reading; "
                         "parquet: the flat columns, typed (needs pyarrow and -o); "
                         "html: a review page of all reports (needs -o)")
    ap.add_argument("-o", "--output", metavar="FILE",
                    help="write to FILE instead of standard output (required for parquet and html)")
    ap.add_argument("--reference-date", help="publication date (ISO, e.g. 2024-06-30) for 今年以来, 上月…; "
                                             "'auto': the date each report prints about itself (byline, dateline)")
    ap.add_argument("--glob", default="*.txt", help="which files of a directory to read (default: *.txt)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (default 1; -1: one per CPU)")
    ap.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                    help=f"progress bar on stderr (default: on a terminal with ≥{PROGRESS_MIN_INPUTS} inputs)")
    args = ap.parse_args(argv)
    if not args.paths and not args.sample:
        ap.error("give one or more files or directories, '-' for standard input, or --sample")
    try:
        reference = _reference_date(args.reference_date)
    except ValueError as exc:
        ap.error(str(exc))
    if args.jobs == 0 or args.jobs < -1:
        ap.error("--jobs must be a positive number or -1")
    if args.format in FILE_FORMATS and (args.output is None or args.output == "-"):
        ap.error(f"--format {args.format} writes a file: give it with -o FILE (e.g. -o metrics.{args.format})")
    try:
        writer = _open_writer(args.format, args.output)
    except ImportError as exc:
        print(f"dangjian-extract: --format {args.format}: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"dangjian-extract: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    paths = _expand(args.paths, args.glob)
    progress = _progress_bar(len(paths), args.progress)
    inputs = _Inputs(paths, progress)
    done = False
    try:
        if args.sample:
            writer.write(next(extract_many([(SAMPLE_ID, _sample_text())], reference_date=reference)))
        for result in extract_many(inputs, n_process=args.jobs, reference_date=reference,
                                   batch_size=8 if args.jobs != 1 else 64):
            writer.write(result)
            if progress is not None:
                progress.update(1)
        writer.close()  # only after the last report: a review page is written whole or not at all
        done = True
    finally:
        if progress is not None:
            progress.close()
        if isinstance(writer, _Writer) and writer.out is not sys.stdout:
            writer.out.close()
        elif isinstance(writer, _FileWriter) and not done:
            writer.abort()
    return 1 if inputs.failed else 0


def _evaluate_main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(prog="dangjian-extract evaluate",
                                 description="Score the extractor against gold JSONL files (metrics guide format).")
    ap.add_argument("gold_dir")
    ap.add_argument("text_dir")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument("--show-errors", type=int, default=0, help="print the first N errors")
    ap.add_argument("--by-rule", action="store_true",
                    help="also print entity accuracy by the attribution rule that chose each entity")
    args = ap.parse_args(argv)
    try:
        report = evaluation.evaluate(args.gold_dir, args.text_dir)
    except (OSError, ValueError) as exc:
        print(f"dangjian-extract evaluate: {exc}", file=sys.stderr)
        return 2
    print(report.format(show_errors=args.show_errors))
    if args.by_rule:
        print(report.format_rules())
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report.figures(), f, indent=1)
    return 0


def _dispatch(argv: list[str]) -> int:
    if argv[:1] == ["evaluate"]:
        return _evaluate_main(argv[1:])
    if argv[:1] == ["schema"]:
        print(json.dumps(Extraction.model_json_schema(), ensure_ascii=False, indent=1))
        return 0
    return _extract_main(argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(argv)
    except BrokenPipeError:
        # the reader (head, less) went away: stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
