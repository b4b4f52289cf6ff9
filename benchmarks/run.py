#!/usr/bin/env python
"""Benchmark of dangjian_extract (issue 5): throughput, cold start, peak RSS and hostile inputs.

    pip install -e ".[bench]"
    python benchmarks/run.py                      # full run, about 10 minutes on 2 cores
    python benchmarks/run.py --quick              # smoke run, about a minute
    python benchmarks/run.py --only throughput,hostile --json bench.json

Every figure is measured here, on this machine, in this run; nothing is a timed test. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SECTIONS = ("throughput", "coldstart", "rss", "hostile")

# The targets of issue 5: (key, description, threshold, "min" = measured must be >= threshold, "max" = <=).
TARGETS: list[tuple[str, str, float, str]] = [
    ("extract_vs_jionlp", "extract() / JioNLP extract_money (chars/s ratio)", 3.0, "min"),
    ("extract_vs_floor", "extract() / regex floor (chars/s ratio)", 0.12, "min"),
    ("n2_vs_n1", "extract_many n_process=2 / n_process=1", 1.7, "min"),
    ("cold_start_s", "cold start: import + first extract(), s", 2.0, "max"),
    ("peak_rss_mb", "peak RSS, extract_many n_process=1 over the stream, MB", 300.0, "max"),
]
HOSTILE_LIMIT = 3.0  # per-char time of a hostile input / per-char time of ordinary report text

# The regex floor: one pass of a plain quantity pattern (number, optional decimal, 万/亿, 余/多, unit).
FLOOR_PATTERN = (r"(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(?:[万亿]+)?[余多]?"
                 r"(?:元|个|名|家|%|％|人|户|次|项|件|场|亩|平方米|公里)?")


# ----------------------------------------------------------------------------------------------- corpus


def load_reports() -> list[tuple[str, str]]:
    """The fixture reports as (doc_id, text), in a fixed order."""
    paths = sorted(FIXTURES.glob("*/*.txt"))
    if not paths:
        sys.exit(f"no fixture reports under {FIXTURES}")
    return [(f"{p.parent.name}/{p.stem}", p.read_text(encoding="utf-8")) for p in paths]


def build_corpus(reports: list[tuple[str, str]], chars: int) -> list[tuple[str, str]]:
    """The reports repeated, one item per report (as an ETL job sees them), until at least ``chars`` chars."""
    corpus: list[tuple[str, str]] = []
    total = 0
    for rep in itertools.count():
        for doc_id, text in reports:
            if total >= chars:
                return corpus
            corpus.append((f"{doc_id}#{rep}", text))
            total += len(text)
    return corpus  # unreachable


def stream(reports: list[tuple[str, str]], chars: int) -> Iterator[tuple[str, str]]:
    """A stream of ``chars`` chars of reports, each a new string (a numbered header), none kept."""
    total = 0
    for i in itertools.count():
        doc_id, text = reports[i % len(reports)]
        text = f"第{i}篇\n{text}"  # a fresh string with a new token, as real streams have
        yield f"{doc_id}#{i}", text
        total += len(text)
        if total >= chars:
            return


def _cycle(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def hostile_cases(reports: list[tuple[str, str]]) -> dict[str, Callable[[int], str]]:
    """Name -> function giving that hostile text of n chars (issue 5, item 3)."""
    ordinary = "\n".join(text for _, text in reports)
    no_punct = re.sub(r"[\s\W_]+", "", ordinary)  # letters and digits only: one line, no punctuation
    units = "元%平方公里米亩公斤个名家人户次项件场万亿"
    return {
        "one digit (1111…)": lambda n: "1" * n,
        "`1,` repeated": lambda n: _cycle("1,", n),
        "Chinese numerals": lambda n: _cycle("一二三四五六七八九十百千万亿零两", n),
        "余多近约 repeated": lambda n: _cycle("余多近约", n),
        "units only": lambda n: _cycle(units, n),
        "`(fā)` repeated": lambda n: _cycle("(fā)", n),
        "unbalanced quotes (“新增5户 …)": lambda n: _cycle("“新增5户", n),
        "`1.` repeated": lambda n: _cycle("1.", n),
        "`1%` repeated": lambda n: _cycle("1%", n),
        "one line, no punctuation (2x size)": lambda n: _cycle(no_punct, 2 * n),
        "info: ordinary text as ONE string": lambda n: _cycle(ordinary, n),
    }


# ------------------------------------------------------------------------------------------------ helpers


def chars_of(items: list[tuple[str, str]]) -> int:
    return sum(len(text) for _, text in items)


def best_of(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    """The fastest of ``repeat`` timed runs of ``fn`` (perf_counter), with that run's result."""
    best: tuple[float, Any] | None = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        dt = time.perf_counter() - t0
        if best is None or dt < best[0]:
            best = (dt, out)
    assert best is not None
    return best


def machine() -> dict[str, Any]:
    """The machine and software this run measured."""
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_gb = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        kb = next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal"))
        mem_gb = round(int(kb.split()[1]) / 1024**2, 1)
    versions: dict[str, str | None] = {}
    for mod in ("dangjian_extract", "spacy", "regex", "pydantic", "jionlp"):
        try:
            with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
                versions[mod] = getattr(__import__(mod), "__version__", "?")
        except Exception:  # any import failure: not available
            versions[mod] = None
    commit = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                            capture_output=True, text=True).stdout.strip() or None
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": mem_gb, "os": platform.platform(),
            "python": platform.python_version(), "versions": versions, "commit": commit,
            "loadavg_at_start": [round(x, 2) for x in os.getloadavg()]}


def rate(chars: int, seconds: float) -> float:
    return chars / seconds if seconds > 0 else float("inf")


def fmt_rate(x: float) -> str:
    return f"{x / 1e6:.3f} M" if x >= 1e5 else f"{x / 1e3:.1f} k"


# ------------------------------------------------------------------------------------------------ sections


def section_throughput(reports: list[tuple[str, str]], args: argparse.Namespace) -> dict[str, Any]:
    """chars/s of extract(), extract_many (n=1, n=2), the regex floor and JioNLP money over one corpus."""
    from dangjian_extract import extract, extract_many

    corpus = build_corpus(reports, args.chars)
    n_chars = chars_of(corpus)
    print(f"corpus: {len(corpus)} reports, {n_chars:,} chars ({len(reports)} fixture reports repeated)")
    rows: dict[str, dict[str, Any]] = {}

    def record(name: str, seconds: float, chars: int, outputs: int, note: str = "") -> None:
        rows[name] = {"seconds": round(seconds, 3), "chars": chars, "chars_per_s": round(rate(chars, seconds)),
                      "outputs": outputs, "note": note}
        print(f"  {name:<28} {fmt_rate(rate(chars, seconds)):>10} chars/s  {seconds:8.2f} s  "
              f"{outputs:>8} found  {note}", flush=True)

    # regex floor: `re` and `regex`, the faster one is the floor
    import regex

    for lib, mod in (("re", re), ("regex", regex)):
        pat = mod.compile(FLOOR_PATTERN)
        dt, found = best_of(3, lambda pat=pat: sum(1 for _, t in corpus for _ in pat.finditer(t)))
        record(f"regex floor ({lib})", dt, n_chars, found, "best of 3")

    # extract(): warm up (builds the pipeline), then one call per report
    extract(reports[0][1])
    dt, found = best_of(args.repeat, lambda: sum(len(extract(t, doc_id=d).metrics) for d, t in corpus))
    record("extract()", dt, n_chars, found)

    # extract_many: pipeline already built in this process; n=2 includes starting its 2 workers
    for n in (1, 2):
        dt, found = best_of(args.repeat, lambda n=n: sum(len(r.metrics) for r in extract_many(corpus, n_process=n)))
        record(f"extract_many(n_process={n})", dt, n_chars, found,
               "incl. worker start-up" if n > 1 else "")

    # JioNLP money extractor, if installed
    jionlp_note = None
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import jionlp as jio
    except Exception as err:  # jionlp or one of its pieces missing
        jionlp_note = f"jionlp not importable ({type(err).__name__}: {err}); pip install -e '.[bench]'"
        print(f"  JioNLP skipped: {jionlp_note}")
    if jionlp_note is None:
        jio.ner.extract_money(reports[0][1])  # first call loads its dictionaries
        dt, found = best_of(args.repeat, lambda: sum(len(jio.ner.extract_money(t)) for _, t in corpus))
        record("jionlp extract_money", dt, n_chars, found, f"jionlp {jio.__version__}, money only")

    floor = max(rows["regex floor (re)"]["chars_per_s"], rows["regex floor (regex)"]["chars_per_s"])
    ext = rows["extract()"]["chars_per_s"]
    ratios: dict[str, float | None] = {
        "extract_vs_floor": ext / floor,
        "extract_vs_jionlp": ext / rows["jionlp extract_money"]["chars_per_s"] if jionlp_note is None else None,
        "n2_vs_n1": rows["extract_many(n_process=2)"]["chars_per_s"] / rows["extract_many(n_process=1)"]["chars_per_s"],
        "n1_vs_extract": rows["extract_many(n_process=1)"]["chars_per_s"] / ext,
    }
    return {"corpus_reports": len(corpus), "corpus_chars": n_chars, "rows": rows, "ratios": ratios,
            "jionlp_skipped": jionlp_note}


COLD_CODE = """
import json, sys, time
t0 = time.perf_counter()
import dangjian_extract
t1 = time.perf_counter()
result = dangjian_extract.extract(open(sys.argv[1], encoding="utf-8").read())
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "first_extract_s": t2 - t1, "metrics": len(result.metrics)}))
"""


def section_coldstart(reports: list[tuple[str, str]], args: argparse.Namespace) -> dict[str, Any]:
    """Wall time of a fresh `python -c` process: interpreter + import + first extract() of one report."""
    path = sorted(FIXTURES.glob("*/*.txt"))[0]
    bare = []
    for _ in range(args.cold_runs):  # the interpreter alone, for reference
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - t0)
    walls, inner = [], []
    for _ in range(args.cold_runs):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", COLD_CODE, str(path)], check=True, capture_output=True, text=True)
        walls.append(time.perf_counter() - t0)
        inner.append(json.loads(out.stdout.strip().splitlines()[-1]))
    res = {"runs": args.cold_runs, "report": str(path.relative_to(ROOT)), "wall_s": [round(w, 3) for w in walls],
           "median_wall_s": round(statistics.median(walls), 3),
           "median_import_s": round(statistics.median(x["import_s"] for x in inner), 3),
           "median_first_extract_s": round(statistics.median(x["first_extract_s"] for x in inner), 3),
           "median_bare_python_s": round(statistics.median(bare), 3)}
    print(f"  cold start median {res['median_wall_s']:.3f} s wall (runs {res['wall_s']}); inside: import "
          f"{res['median_import_s']:.3f} s + first extract {res['median_first_extract_s']:.3f} s; "
          f"bare python {res['median_bare_python_s']:.3f} s")
    return res


def child_rss(args: argparse.Namespace) -> None:
    """(subprocess) extract_many over a generated stream; print peak RSS of self and of reaped children."""
    from dangjian_extract import extract_many

    reports = load_reports()
    marks: list[dict[str, Any]] = []
    next_mark, done_chars, found = args.stream_chars // 10, 0, 0
    t0 = time.perf_counter()
    for r in extract_many(stream(reports, args.stream_chars), n_process=args.n_process):
        done_chars += r.text_length
        found += len(r.metrics)
        if done_chars >= next_mark:  # peak RSS so far, to see whether memory grows with the stream
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            marks.append({"chars": done_chars, "self_maxrss_mb": peak})
            next_mark += args.stream_chars // 10
    seconds = time.perf_counter() - t0
    # extract_many's generator has finished: its worker pool is shut down and the workers reaped
    print(json.dumps({"n_process": args.n_process, "stream_chars": args.stream_chars, "seconds": seconds,
                      "metrics": found, "chars_seen": done_chars,
                      "self_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "children_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                      "marks": marks}))


def section_rss(reports: list[tuple[str, str]], args: argparse.Namespace) -> dict[str, Any]:
    """Peak RSS of extract_many over a streamed ``--stream-chars`` stream, n_process 1 and 2."""
    out: dict[str, Any] = {}
    for n in args.rss_n_process:
        cmd = [sys.executable, __file__, "--child", "rss", "--n-process", str(n),
               "--stream-chars", str(args.stream_chars)]
        proc = subprocess.run(cmd, check=True, capture_output=True, text=True)
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        res["chars_per_s"] = round(rate(res["chars_seen"] or args.stream_chars, res["seconds"]))
        for key in ("self_maxrss_mb", "children_maxrss_mb", "seconds"):
            res[key] = round(res[key], 1)
        # RUSAGE_CHILDREN's ru_maxrss is the largest single reaped child, so n workers use at most n x that
        res["total_upper_bound_mb"] = round(res["self_maxrss_mb"] + (n * res["children_maxrss_mb"] if n > 1 else 0), 1)
        growth = [round(m["self_maxrss_mb"], 1) for m in res.pop("marks")]
        res["self_maxrss_mb_by_tenth"] = growth
        out[f"n{n}"] = res
        print(f"  n_process={n}: {args.stream_chars:,} chars in {res['seconds']:.1f} s "
              f"({fmt_rate(res['chars_per_s'])} chars/s); peak RSS parent {res['self_maxrss_mb']:.1f} MB, "
              f"largest worker {res['children_maxrss_mb']:.1f} MB; parent peak by tenth of stream: {growth}",
              flush=True)
    return out


def child_hostile(args: argparse.Namespace) -> None:
    """(subprocess) time extract() on one hostile case at half and full size, or on the ordinary corpus."""
    from dangjian_extract import extract

    reports = load_reports()
    extract(reports[0][1])  # warm-up: build the pipeline
    if args.case == "baseline":
        corpus = build_corpus(reports, args.baseline_chars)
        dt, _ = best_of(2, lambda: [extract(t) for _, t in corpus])
        print(json.dumps({"size": chars_of(corpus), "seconds": dt}), flush=True)
        return
    make = hostile_cases(reports)[args.case]
    for n in (args.case_chars // 2, args.case_chars):
        text = make(n)
        t0 = time.perf_counter()
        extract(text)
        print(json.dumps({"size": len(text), "seconds": time.perf_counter() - t0}), flush=True)


def _run_hostile_child(extra: list[str], timeout: float | None) -> tuple[list[dict[str, Any]], bool]:
    cmd = [sys.executable, __file__, "--child", "hostile", *extra]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        text, timed_out = proc.stdout, False
        if proc.returncode:
            raise RuntimeError(f"{cmd} failed:\n{proc.stderr[-2000:]}")
    except subprocess.TimeoutExpired as err:
        raw = err.stdout or b""
        text, timed_out = raw.decode() if isinstance(raw, bytes) else raw, True
    return [json.loads(x) for x in text.splitlines() if x.startswith("{")], timed_out


def section_hostile(reports: list[tuple[str, str]], args: argparse.Namespace) -> dict[str, Any]:
    """Per-char time of each hostile input over the per-char time of ordinary reports (one call per report)."""
    base, _ = _run_hostile_child(["--case", "baseline", "--baseline-chars", str(args.baseline_chars)], None)
    base_us = base[0]["seconds"] / base[0]["size"] * 1e6
    print(f"  baseline: ordinary reports, one extract() per report: {base_us:.2f} µs/char "
          f"({fmt_rate(1e6 / base_us)} chars/s over {base[0]['size']:,} chars)")
    cases: dict[str, Any] = {}
    for name in hostile_cases(reports):
        runs, timed_out = _run_hostile_child(["--case", name, "--case-chars", str(args.case_chars)], args.case_timeout)
        row: dict[str, Any] = {"timed_out": timed_out, "runs": runs}
        if runs and not timed_out:
            full = runs[-1]
            row["size"] = full["size"]
            row["seconds"] = round(full["seconds"], 3)
            row["us_per_char"] = full["seconds"] / full["size"] * 1e6
            row["ratio"] = row["us_per_char"] / base_us
            # time(n) / time(n/2): 2 is linear, 4 is quadratic
            row["growth"] = full["seconds"] / runs[0]["seconds"] if len(runs) == 2 and runs[0]["seconds"] else None
        row["info_only"] = name.startswith("info:")
        row["pass"] = (not timed_out and bool(runs) and row["ratio"] <= HOSTILE_LIMIT) if not row["info_only"] else None
        cases[name] = row
        if timed_out:
            print(f"  {name:<40} TIMEOUT after {args.case_timeout:.0f} s ({len(runs)} of 2 sizes done)", flush=True)
        else:
            print(f"  {name:<40} {row['size']:>7,} chars {row['seconds']:8.3f} s {row['us_per_char']:9.2f} µs/char  "
                  f"x{row['ratio']:.2f} of ordinary, growth on doubling {row['growth']:.2f}", flush=True)
    return {"baseline_us_per_char": base_us, "baseline_chars": base[0]["size"], "cases": cases}


# ------------------------------------------------------------------------------------------------ report


def verdict(value: float | None, threshold: float, sense: str) -> str:
    if value is None:
        return "n/a"
    return "PASS" if (value >= threshold if sense == "min" else value <= threshold) else "FAIL"


def summary(results: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per target with the measured value and PASS/FAIL."""
    measured: dict[str, float | None] = {}
    if "throughput" in results:
        measured.update({k: v for k, v in results["throughput"]["ratios"].items()})
    if "coldstart" in results:
        measured["cold_start_s"] = results["coldstart"]["median_wall_s"]
    if "rss" in results and "n1" in results["rss"]:
        measured["peak_rss_mb"] = results["rss"]["n1"]["self_maxrss_mb"]
    rows = []
    for key, desc, threshold, sense in TARGETS:
        if key in measured:
            value = measured[key]
            rows.append({"target": desc, "measured": value, "limit": f"{'≥' if sense == 'min' else '≤'} {threshold:g}",
                         "result": verdict(value, threshold, sense)})
    for name, row in results.get("hostile", {}).get("cases", {}).items():
        value = row.get("ratio")
        rows.append({"target": f"hostile: {name}, per-char time / ordinary", "measured": value,
                     "limit": "(info)" if row["info_only"] else f"≤ {HOSTILE_LIMIT:g}",
                     "result": "info" if row["info_only"] else ("FAIL (timeout)" if row["timed_out"]
                                                                else verdict(value, HOSTILE_LIMIT, "max"))})
    return rows


def print_summary(rows: list[dict[str, Any]]) -> None:
    print("\n| target | measured | limit | result |\n| --- | ---: | ---: | --- |")
    for r in rows:
        value = r["measured"]
        shown = "—" if value is None else (f"{value:.3f}" if value < 10 else f"{value:.1f}")
        print(f"| {r['target']} | {shown} | {r['limit']} | {r['result']} |")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--chars", type=int, default=5_000_000, help="throughput corpus size in chars (default 5 M)")
    p.add_argument("--stream-chars", type=int, default=10_000_000, help="peak-RSS stream size (default 10 M)")
    p.add_argument("--rss-n-process", type=int, nargs="+", default=[1, 2], help="n_process values for peak RSS")
    p.add_argument("--case-chars", type=int, default=100_000, help="hostile input size (default 100 k)")
    p.add_argument("--case-timeout", type=float, default=300.0, help="seconds before a hostile case counts as failed")
    p.add_argument("--baseline-chars", type=int, default=500_000, help="ordinary text timed as the hostile baseline")
    p.add_argument("--cold-runs", type=int, default=5, help="fresh processes for cold start (median)")
    p.add_argument("--repeat", type=int, default=1, help="time each throughput row this many times, keep the best")
    p.add_argument("--quick", action="store_true", help="small smoke run: 300 k corpus, 1 M stream, 20 k hostile")
    p.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections of {', '.join(SECTIONS)}")
    p.add_argument("--json", metavar="OUT", help="also write every figure to this JSON file")
    # internal: the subprocess modes
    p.add_argument("--child", choices=["rss", "hostile"], help=argparse.SUPPRESS)
    p.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    p.add_argument("--case", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.quick:
        args.chars, args.stream_chars, args.case_chars = 300_000, 1_000_000, 20_000
        args.baseline_chars, args.cold_runs, args.case_timeout = 100_000, 3, 60.0
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child == "rss":
        child_rss(args)
        return 0
    if args.child == "hostile":
        child_hostile(args)
        return 0
    wanted = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(wanted) - set(SECTIONS)
    if unknown:
        sys.exit(f"--only: unknown section(s) {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")

    info = machine()
    command = " ".join(["python", *sys.argv])
    print(f"machine: {info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM, Python {info['python']}, "
          f"spaCy {info['versions']['spacy']}, load average {info['loadavg_at_start']}")
    print(f"command: {command}")
    reports = load_reports()
    results: dict[str, Any] = {}
    runners = {"throughput": section_throughput, "coldstart": section_coldstart, "rss": section_rss,
               "hostile": section_hostile}
    for name in SECTIONS:
        if name in wanted:
            print(f"\n== {name}", flush=True)
            t0 = time.perf_counter()
            results[name] = runners[name](reports, args)
            print(f"  ({time.perf_counter() - t0:.0f} s)")
    rows = summary(results)
    print_summary(rows)
    if args.json:
        payload = {"machine": info, "command": command, "args": vars(args), "results": results, "targets": rows}
        Path(args.json).write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
