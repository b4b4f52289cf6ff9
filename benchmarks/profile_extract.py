#!/usr/bin/env python
"""Where extract() spends its time: time per pipeline stage, and pyinstrument hotspots.

    pip install -e ".[bench]"
    python benchmarks/profile_extract.py                  # ~1 M chars of the fixture corpus
    python benchmarks/profile_extract.py --chars 300000 --top 30 --html profile.html

Prints markdown tables: (1) wall time per stage (tokenizer, each spaCy component, records_from_doc), timed
directly; then, from pyinstrument's statistical profile of plain extract() calls over the corpus, (2) the
functions with the most self time, (3) built-in calls (regex searches…) by caller and (4) the package's
functions with the most inclusive time.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def stage_times(corpus: list[tuple[str, str]]) -> list[tuple[str, float]]:
    """Wall time of each stage of extract(), summed over the corpus (one Doc per report)."""
    from dangjian_extract import load, records_from_doc
    from dangjian_extract.pipeline import _runs_lite

    nlp = load()
    # the Doc extract() runs the components on: a LiteDoc (normalisation only) when the pipeline allows it
    lite = _runs_lite(nlp)
    make, label = (nlp.tokenizer.lite_doc, "normalise (lite_doc)") if lite else (nlp.make_doc, "tokenizer (make_doc)")
    totals: dict[str, float] = defaultdict(float)
    for doc_id, text in corpus:
        t0 = time.perf_counter()
        doc = make(text)
        t1 = time.perf_counter()
        totals[label] += t1 - t0
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            totals[name] += time.perf_counter() - t0
        t0 = time.perf_counter()
        records_from_doc(doc, doc_id=doc_id)
        totals["records_from_doc"] += time.perf_counter() - t0
    return list(totals.items())


def _short(path: str) -> str:
    """A file path shortened to the part after src/, site-packages/ or the Python lib folder."""
    for marker in ("/src/", "/site-packages/", "/lib/python3."):
        if marker in path:
            tail = path.split(marker, 1)[1]
            return tail.split("/", 1)[1] if marker == "/lib/python3." else tail
    return path


Times = dict[tuple[str, str], float]


def hotspots(root: Any) -> tuple[Times, Times, Times, float]:
    """Seconds inside extract() calls: self and inclusive per (function, file:line), self time of built-ins
    (regex searches, str methods…) per (built-in, calling function), and the total."""
    self_t: Times = defaultdict(float)
    incl_t: Times = defaultdict(float)
    builtin_t: Times = defaultdict(float)
    base = 0.0

    def key_of(frame: Any) -> tuple[str, str]:
        return frame.function or "?", f"{_short(frame.file_path or '?')}:{frame.line_no}"

    def walk(frame: Any, on_stack: frozenset[tuple[str, str]]) -> None:
        if frame.is_synthetic:  # '[self]' / '[await]' leaves: their time is counted in the parent's self time
            return
        key = key_of(frame)
        self_t[key] += frame.total_self_time
        if frame.file_path == "<built-in>" and frame.parent is not None:
            caller = key_of(frame.parent)
            builtin_t[(frame.function, f"`{caller[0]}` {caller[1]}")] += frame.total_self_time
        if key not in on_stack:  # count a recursive function once per stack
            incl_t[key] += frame.time
        for child in frame.children:
            walk(child, on_stack | {key})

    def find_extract(frame: Any) -> None:  # only time inside extract() counts (not the loop, not the profiler)
        nonlocal base
        if frame.function == "extract" and (frame.file_path or "").endswith("dangjian_extract/pipeline.py"):
            base += frame.time
            walk(frame, frozenset())
            return
        for child in frame.children:
            find_extract(child)

    find_extract(root)
    return self_t, incl_t, builtin_t, base


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--chars", type=int, default=1_000_000, help="corpus size in chars (default 1 M)")
    p.add_argument("--top", type=int, default=25, help="rows per hotspot table")
    p.add_argument("--interval", type=float, default=0.001, help="pyinstrument sampling interval, s")
    p.add_argument("--html", metavar="OUT", help="also write pyinstrument's HTML call tree here")
    args = p.parse_args(argv)

    try:
        from pyinstrument import Profiler
    except ImportError:
        sys.exit("pyinstrument is not installed: pip install -e '.[bench]'")
    sys.path.insert(0, str(HERE))
    from run import build_corpus, chars_of, load_reports  # the same corpus as benchmarks/run.py

    from dangjian_extract import extract

    reports = load_reports()
    corpus = build_corpus(reports, args.chars)
    n_chars = chars_of(corpus)
    extract(reports[0][1])  # warm-up: build the pipeline outside the profile
    print(f"corpus: {len(corpus)} reports, {n_chars:,} chars\n")

    stages = stage_times(corpus)
    total = sum(t for _, t in stages)
    print(f"## Time per stage ({total:.2f} s, {n_chars / total / 1e3:.1f} k chars/s)\n")
    print("| stage | seconds | % |\n| --- | ---: | ---: |")
    for name, t in sorted(stages, key=lambda x: -x[1]):
        print(f"| {name} | {t:.2f} | {100 * t / total:.1f} |")

    profiler = Profiler(interval=args.interval)
    profiler.start()
    for doc_id, text in corpus:
        extract(text, doc_id=doc_id)
    profiler.stop()
    session = profiler.last_session
    if args.html:
        Path(args.html).write_text(profiler.output_html(), encoding="utf-8")
    self_t, incl_t, builtin_t, wall = hotspots(session.root_frame())

    print(f"\n## Self time (pyinstrument, {wall:.2f} s inside extract(), % of that)\n")
    print("| function | file:line | self % |\n| --- | --- | ---: |")
    for (fn, where), t in sorted(self_t.items(), key=lambda x: -x[1])[: args.top]:
        print(f"| `{fn}` | {where} | {100 * t / wall:.1f} |")

    print("\n## Built-in calls by caller (regex searches and the like)\n")
    print("| built-in | called from | self % |\n| --- | --- | ---: |")
    for (fn, caller), t in sorted(builtin_t.items(), key=lambda x: -x[1])[: args.top // 2]:
        print(f"| `{fn}` | {caller} | {100 * t / wall:.1f} |")

    print("\n## Inclusive time, dangjian_extract functions\n")
    print("| function | file:line | total % |\n| --- | --- | ---: |")
    ours = [(k, t) for k, t in incl_t.items() if k[1].startswith("dangjian_extract/")]
    for (fn, where), t in sorted(ours, key=lambda x: -x[1])[: args.top]:
        print(f"| `{fn}` | {where} | {100 * t / wall:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
