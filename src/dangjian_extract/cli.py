"""The ``dangjian-extract`` console script.

    dangjian-extract --sample                 metrics of the bundled sample report, one JSON line each
    dangjian-extract FILE [FILE ...]          metrics of each UTF-8 text file (``-`` reads stdin)
    dangjian-extract evaluate GOLD_DIR TEXT_DIR [--show-errors N] [--json OUT]
    dangjian-extract schema                   the JSON Schema of the output
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib import resources

from . import evaluate as evaluation
from .models import Extraction
from .pipeline import extract

SAMPLE_ID = "sample_report.txt"


def _sample_text() -> str:
    return resources.files("dangjian_extract").joinpath("data/sample_report.txt").read_text(encoding="utf-8")


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as f:
        return f.read()


def _emit(result: Extraction) -> None:
    for metric in result.metrics:
        row = {"doc_id": result.doc_id, **metric.model_dump(mode="json")}
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def _extract_main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(prog="dangjian-extract",
                                 description="Extract governance metrics from Chinese report texts as JSON lines.",
                                 epilog="Subcommands: 'evaluate GOLD_DIR TEXT_DIR', 'schema'.")
    ap.add_argument("files", nargs="*", help="UTF-8 text files; '-' reads standard input")
    ap.add_argument("--sample", action="store_true", help="run on the bundled sample report")
    args = ap.parse_args(argv)
    if not args.files and not args.sample:
        ap.error("give one or more files, '-' for standard input, or --sample")
    status = 0
    if args.sample:
        _emit(extract(_sample_text(), doc_id=SAMPLE_ID))
    for path in args.files:
        try:
            text = _read(path)
        except (OSError, UnicodeDecodeError) as exc:
            print(f"dangjian-extract: cannot read {path}: {exc}", file=sys.stderr)
            status = 1
            continue
        _emit(extract(text, doc_id=path))
    return status


def _evaluate_main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(prog="dangjian-extract evaluate",
                                 description="Score the extractor against gold JSONL files (metrics guide format).")
    ap.add_argument("gold_dir")
    ap.add_argument("text_dir")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument("--show-errors", type=int, default=0, help="print the first N errors")
    args = ap.parse_args(argv)
    try:
        report = evaluation.evaluate(args.gold_dir, args.text_dir)
    except (OSError, ValueError) as exc:
        print(f"dangjian-extract evaluate: {exc}", file=sys.stderr)
        return 2
    print(report.format(show_errors=args.show_errors))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report.figures(), f, indent=1)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["evaluate"]:
        return _evaluate_main(argv[1:])
    if argv[:1] == ["schema"]:
        print(json.dumps(Extraction.model_json_schema(), ensure_ascii=False, indent=1))
        return 0
    return _extract_main(argv)


if __name__ == "__main__":
    sys.exit(main())
