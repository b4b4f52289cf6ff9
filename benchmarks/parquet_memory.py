#!/usr/bin/env python
"""Peak memory of the command line writing Parquet and the review page for a folder (issue 14).

    python benchmarks/parquet_memory.py                               # 0.25, 0.5 and 1 M chars: about a minute
    python benchmarks/parquet_memory.py --sizes 1000000,2000000 --json parquet_memory.json

For each size a folder of report files is built from the fixture reports (``fixtures/*/*.txt``, repeated, each
file with a numbered first line so every text is new), then ``dangjian-extract FOLDER --format F -o FILE`` runs
in a fresh process for F = jsonl (the baseline: nothing is kept between reports), parquet and html. Printed
per run: the process's peak RSS (``ru_maxrss`` from ``os.wait4``, the child alone), its resident set sampled
every 50 ms (the largest sample in each quarter of the run: a figure that keeps climbing means memory grows
with the folder), wall seconds and the output's size. Flat memory means: peak RSS about the same at every
size and about the same as jsonl's.

Measurements, never a test: nothing here runs in pytest or CI. Needs pyarrow for parquet.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("jsonl", "parquet", "html")
SAMPLE_S = 0.05


def build_folder(folder: Path, chars: int) -> tuple[int, int]:
    """Report files of at least ``chars`` characters in all; returns (files, characters)."""
    reports = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*/*.txt"))]
    if not reports:
        sys.exit(f"no fixture reports under {ROOT / 'fixtures'}")
    folder.mkdir(parents=True)
    total = 0
    for i in itertools.count():
        if total >= chars:
            return i, total
        text = f"第{i}篇\n{reports[i % len(reports)]}"  # a fresh string with a new token, as real folders have
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    raise AssertionError("unreachable")


def _rss_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def run(folder: Path, fmt: str, output: Path) -> dict[str, Any]:
    """One CLI run in a fresh process: its peak RSS (MB), RSS over time, wall seconds, output bytes."""
    command = [sys.executable, "-m", "dangjian_extract.cli", str(folder), "--format", fmt, "-o", str(output),
               "--no-progress"]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[tuple[float, int]] = []
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        rss = _rss_kb(proc.pid)
        if rss is not None:
            samples.append((time.perf_counter() - start, rss))
        time.sleep(SAMPLE_S)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4, so Popen must not wait again
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({proc.returncode}):\n{err}")
    quarters = []
    for q in range(4):
        inside = [kb for t, kb in samples if q * wall / 4 <= t < (q + 1) * wall / 4]
        quarters.append(round(max(inside) / 1024, 1) if inside else None)
    return {"format": fmt, "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "rss_by_quarter_mb": quarters,
            "seconds": round(wall, 2), "output_bytes": output.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="250000,500000,1000000", help="folder sizes in characters, comma-separated")
    ap.add_argument("--formats", default=",".join(FORMATS), help=f"any of {','.join(FORMATS)}")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    formats = args.formats.split(",")
    results: list[dict[str, Any]] = []
    print(f"{'chars':>10} {'files':>6} {'format':>8} {'peak RSS MB':>12} {'RSS by quarter MB':>26} "
          f"{'seconds':>8} {'output MB':>10}")
    with tempfile.TemporaryDirectory(prefix="dangjian-parquet-memory-") as tmp:
        for size in sizes:
            folder = Path(tmp) / f"reports-{size}"
            files, chars = build_folder(folder, size)
            for fmt in formats:
                figures = run(folder, fmt, Path(tmp) / f"out-{size}.{fmt}")
                figures.update(chars=chars, files=files)
                results.append(figures)
                quarters = " ".join(f"{q:6.1f}" if q is not None else "     -" for q in figures["rss_by_quarter_mb"])
                print(f"{chars:>10,} {files:>6} {fmt:>8} {figures['peak_rss_mb']:>12.1f} {quarters:>26} "
                      f"{figures['seconds']:>8.1f} {figures['output_bytes'] / 1e6:>10.2f}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps({"python": sys.version.split()[0], "results": results}, indent=1),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
