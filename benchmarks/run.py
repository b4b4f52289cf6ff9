#!/usr/bin/env python
"""Benchmark of dangjian_extract (issues 5 and 13): throughput, cold start, peak RSS and hostile inputs.

    pip install -e ".[bench]"
    python benchmarks/run.py                      # full run, 5-10 minutes on 2 cores
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SECTIONS = ("throughput", "coldstart", "rss", "hostile")

# The targets of issue 13 (which replaced issue 5's ratios to JioNLP and the regex floor): (key, description,
# threshold, "min" = measured must be >= threshold, "max" = <=).
TARGETS: list[tuple[str, str, float, str]] = [
    ("extract_mchars_per_s", "extract() throughput, M chars/s", 0.55, "min"),
    ("extract_vs_jionlp", "extract() / JioNLP extract_money (chars/s ratio)", 0.5, "min"),
    ("us_per_metric", "extract() time per metric found, µs", 85.0, "max"),
    ("n2_vs_n1", "extract_many n_process=2 / n_process=1", 1.7, "min"),
    ("cold_start_s", "cold start: import + first extract(), s", 1.0, "max"),
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
        "back-references (我市有3个村。…)": lambda n: _cycle("我市有3个村。", n),
        "bare place words (村里村里…)": lambda n: _cycle("村里", n),
        # a name written again and again, and a list of short village names (both were quadratic once)
        "one company named again (华星科技有限公司投资5万元。…)": lambda n: _cycle("华星科技有限公司投资5万元。", n),
        "a list of villages (甲村、乙村、丙村共3个村。…)": lambda n: _cycle("甲村、乙村、丙村共3个村。", n),
        "one line, no punctuation (2x size)": lambda n: _cycle(no_punct, 2 * n),
        "info: ordinary text as ONE string": lambda n: _cycle(ordinary, n),
    }


# ------------------------------------------------------------------------------------------------ helpers


def chars_of(items: list[tuple[str, str]]) -> int:
    return sum(len(text) for _, text in items)


def cpu_seconds() -> tuple[float, float]:
    """User + system CPU time of this process, and of its reaped children (worker processes)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def busy_seconds() -> float | None:
    """CPU seconds the whole machine has been busy since boot (all programs), from /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


@dataclass
class Timing:
    wall: float  # seconds
    own: float  # CPU seconds of this process
    kids: float  # CPU seconds of reaped child processes (workers, subprocesses)
    others: float | None  # cores used on average by OTHER programs meanwhile: noise when above ~0.25
    result: Any = None


def measure(fn: Callable[[], Any]) -> Timing:
    """Time one call of ``fn`` (perf_counter) with the CPU it and everything else used meanwhile."""
    b0, c0, t0 = busy_seconds(), cpu_seconds(), time.perf_counter()
    out = fn()
    wall, c1, b1 = time.perf_counter() - t0, cpu_seconds(), busy_seconds()
    own, kids = c1[0] - c0[0], c1[1] - c0[1]
    others = None if b0 is None or b1 is None else max(0.0, (b1 - b0 - own - kids) / wall)
    return Timing(wall, own, kids, others, out)


NOISY = 0.25  # cores used by other programs during a measurement above which it is flagged (and retried)


def wait_quiet(max_wait: float) -> float:
    """Wait (at most ``max_wait`` s) until other programs use under 0.15 cores over 2 s; the seconds waited."""
    t0 = time.perf_counter()
    while max_wait > 0 and time.perf_counter() - t0 < max_wait:
        b0 = busy_seconds()
        time.sleep(2.0)
        b1 = busy_seconds()
        if b0 is None or b1 is None or (b1 - b0) / 2.0 < 0.15:
            break
    waited = time.perf_counter() - t0
    if waited > 2.5:
        print(f"  (waited {waited:.0f} s for the machine to be quiet)", flush=True)
    return waited


def timed(fn: Callable[[], Any], args: argparse.Namespace, repeat: int | None = None) -> Timing:
    """The fastest of ``repeat`` (default --repeat) runs of ``fn``, each after waiting for quiet; runs disturbed
    by other programs are retried up to --retries more times, and an undisturbed run is preferred."""
    repeat = args.repeat if repeat is None else repeat
    runs: list[Timing] = []
    for attempt in range(repeat + args.retries):
        wait_quiet(args.quiet_wait)
        t = measure(fn)
        runs.append(t)
        noisy = t.others is not None and t.others > NOISY
        if noisy and attempt + 1 < repeat + args.retries:
            print(f"  (other programs used {t.others:.2f} cores during that run: again)", flush=True)
        if attempt + 1 >= repeat and not noisy:
            break
    clean = [t for t in runs if t.others is None or t.others <= NOISY]
    return min(clean or runs, key=lambda t: t.wall)


def git_commit() -> str | None:
    """The commit of the checkout measured (``-dirty`` when it has uncommitted changes), or where the code came
    from when dangjian_extract is imported from elsewhere (e.g. PYTHONPATH=<snapshot>/src)."""
    import dangjian_extract

    where = Path(dangjian_extract.__file__).resolve().parent
    if (ROOT / "src") not in where.parents:
        return f"code from {where}"
    try:
        cmd = ["git", "-C", str(ROOT), "describe", "--always", "--dirty"]
        out = subprocess.run(cmd, capture_output=True, text=True)
    except OSError:
        return None
    return out.stdout.strip() or None


def cpu_name() -> str:
    """The CPU model from /proc/cpuinfo, else what platform says."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def machine() -> dict[str, Any]:
    """The machine and software this run measured."""
    cpu = cpu_name()
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
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": mem_gb, "os": platform.platform(),
            "python": platform.python_version(), "versions": versions, "commit": git_commit(),
            "loadavg_at_start": [round(x, 2) for x in os.getloadavg()]}


def _r2(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def _fmt_others(x: float | None) -> str:
    return "  ?" if x is None else f"{x:4.2f}" + ("!" if x > NOISY else " ")


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

    def record(name: str, t: Timing, chars: int, note: str = "") -> None:
        # cpu/wall: about n for n busy processes of ours; others: cores other programs took meanwhile
        cpu_wall = (t.own + t.kids) / t.wall
        rows[name] = {"seconds": round(t.wall, 3), "chars": chars, "chars_per_s": round(rate(chars, t.wall)),
                      "outputs": t.result, "cpu_per_wall": round(cpu_wall, 2), "cpu_s_self": round(t.own, 2),
                      "cpu_s_children": round(t.kids, 2), "others_cores": _r2(t.others), "note": note}
        print(f"  {name:<28} {fmt_rate(rate(chars, t.wall)):>10} chars/s  {t.wall:7.2f} s  cpu/wall {cpu_wall:4.2f}  "
              f"others {_fmt_others(t.others)}  {t.result:>7} found  {note}", flush=True)

    # regex floor: `re` and `regex`, the faster one is the floor
    import regex

    for lib, mod in (("re", re), ("regex", regex)):
        pat = mod.compile(FLOOR_PATTERN)
        timing = timed(lambda pat=pat: sum(1 for _, t in corpus for _ in pat.finditer(t)), args, repeat=3)
        record(f"regex floor ({lib})", timing, n_chars, "best of 3")

    # extract(): warm up (builds the pipeline), then one call per report
    extract(reports[0][1])
    timing = timed(lambda: sum(len(extract(t, doc_id=d).metrics) for d, t in corpus), args)
    record("extract()", timing, n_chars)

    # extract_many: pipeline already built in this process; n=2 includes starting its 2 workers
    for n in (1, 2):
        timing = timed(lambda n=n: sum(len(r.metrics) for r in extract_many(corpus, n_process=n)), args)
        note = f"incl. worker start-up; CPU: parent {timing.own:.1f} s, workers {timing.kids:.1f} s" if n > 1 else ""
        record(f"extract_many(n_process={n})", timing, n_chars, note)

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
        timing = timed(lambda: sum(len(jio.ner.extract_money(t)) for _, t in corpus), args)
        record("jionlp extract_money", timing, n_chars, f"jionlp {jio.__version__}, money only")

    floor = max(rows["regex floor (re)"]["chars_per_s"], rows["regex floor (regex)"]["chars_per_s"])
    ext = rows["extract()"]["chars_per_s"]
    ratios: dict[str, float | None] = {
        "extract_mchars_per_s": ext / 1e6,
        "us_per_metric": rows["extract()"]["seconds"] / max(1, rows["extract()"]["outputs"]) * 1e6,
        "extract_vs_floor": ext / floor,
        "extract_vs_jionlp": ext / rows["jionlp extract_money"]["chars_per_s"] if jionlp_note is None else None,
        "n2_vs_n1": rows["extract_many(n_process=2)"]["chars_per_s"] / rows["extract_many(n_process=1)"]["chars_per_s"],
        "n1_vs_extract": rows["extract_many(n_process=1)"]["chars_per_s"] / ext,
    }
    noise = max((r["others_cores"] or 0.0) for r in rows.values())
    return {"corpus_reports": len(corpus), "corpus_chars": n_chars, "rows": rows, "ratios": ratios,
            "jionlp_skipped": jionlp_note, "max_others_cores": noise}


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
    walls, inner, others = [], [], []
    for _ in range(args.cold_runs):
        wait_quiet(args.quiet_wait)
        t = measure(lambda: subprocess.run([sys.executable, "-c", COLD_CODE, str(path)], check=True,
                                           capture_output=True, text=True))
        walls.append(t.wall)
        others.append(t.others or 0.0)
        inner.append(json.loads(t.result.stdout.strip().splitlines()[-1]))
    res = {"max_others_cores": round(max(others), 2),
           "runs": args.cold_runs, "report": str(path.relative_to(ROOT)), "wall_s": [round(w, 3) for w in walls],
           "median_wall_s": round(statistics.median(walls), 3),
           "median_import_s": round(statistics.median(x["import_s"] for x in inner), 3),
           "median_first_extract_s": round(statistics.median(x["first_extract_s"] for x in inner), 3),
           "median_bare_python_s": round(statistics.median(bare), 3)}
    print(f"  cold start median {res['median_wall_s']:.3f} s wall (runs {res['wall_s']}); inside: import "
          f"{res['median_import_s']:.3f} s + first extract {res['median_first_extract_s']:.3f} s; "
          f"bare python {res['median_bare_python_s']:.3f} s; others {_fmt_others(max(others))}")
    return res


def child_rss(args: argparse.Namespace) -> None:
    """(subprocess) extract_many over a generated stream; print peak RSS of self and of reaped children."""
    from dangjian_extract import extract_many

    reports = load_reports()
    marks: list[dict[str, Any]] = []
    next_mark, done_chars, found = args.stream_chars // 10, 0, 0
    c0, t0 = sum(cpu_seconds()), time.perf_counter()
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
                      "cpu_per_wall": round((sum(cpu_seconds()) - c0) / seconds, 2),
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
        wait_quiet(args.quiet_wait)
        t = measure(lambda cmd=cmd: subprocess.run(cmd, check=True, capture_output=True, text=True))
        res = json.loads(t.result.stdout.strip().splitlines()[-1])
        res["others_cores"] = _r2(t.others)
        res["chars_per_s"] = round(rate(res["chars_seen"] or args.stream_chars, res["seconds"]))
        for key in ("self_maxrss_mb", "children_maxrss_mb", "seconds"):
            res[key] = round(res[key], 1)
        # RUSAGE_CHILDREN's ru_maxrss is the largest single reaped child, so n workers use at most n x that
        res["total_upper_bound_mb"] = round(res["self_maxrss_mb"] + (n * res["children_maxrss_mb"] if n > 1 else 0), 1)
        growth = [round(m["self_maxrss_mb"], 1) for m in res.pop("marks")]
        res["self_maxrss_mb_by_tenth"] = growth
        out[f"n{n}"] = res
        print(f"  n_process={n}: {args.stream_chars:,} chars in {res['seconds']:.1f} s "
              f"({fmt_rate(res['chars_per_s'])} chars/s, cpu/wall {res['cpu_per_wall']}, "
              f"others {_fmt_others(t.others).strip()}); "
              f"peak RSS parent {res['self_maxrss_mb']:.1f} MB, largest worker {res['children_maxrss_mb']:.1f} MB; "
              f"parent peak by tenth of stream: {growth}",
              flush=True)
    return out


def child_hostile(args: argparse.Namespace) -> None:
    """(subprocess) time extract() on one hostile case at half and full size, or on the ordinary corpus."""
    from dangjian_extract import extract

    reports = load_reports()
    extract(reports[0][1])  # warm-up: build the pipeline
    if args.case == "baseline":
        corpus = build_corpus(reports, args.baseline_chars)
        dt = min(measure(lambda: [extract(t) for _, t in corpus]).wall for _ in range(2))
        print(json.dumps({"size": chars_of(corpus), "seconds": dt}), flush=True)
        return
    make = hostile_cases(reports)[args.case]
    for n in (args.case_chars // 2, args.case_chars):
        text = make(n)
        t0 = time.perf_counter()
        extract(text)
        print(json.dumps({"size": len(text), "seconds": time.perf_counter() - t0}), flush=True)


def _run_hostile_child(extra: list[str], timeout: float | None,
                       args: argparse.Namespace) -> tuple[list[dict[str, Any]], bool, float | None]:
    """Run one hostile child: its JSON lines, whether it timed out, and the cores other programs used."""
    cmd = [sys.executable, __file__, "--child", "hostile", *extra]

    def run() -> tuple[str, bool]:
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired as err:
            raw = err.stdout or b""
            return (raw.decode() if isinstance(raw, bytes) else raw), True
        if proc.returncode:
            raise RuntimeError(f"{cmd} failed:\n{proc.stderr[-2000:]}")
        return proc.stdout, False

    wait_quiet(args.quiet_wait)
    t = measure(run)
    text, timed_out = t.result
    return [json.loads(x) for x in text.splitlines() if x.startswith("{")], timed_out, t.others


def section_hostile(reports: list[tuple[str, str]], args: argparse.Namespace) -> dict[str, Any]:
    """Per-char time of each hostile input over the per-char time of ordinary reports (one call per report)."""
    base, _, base_others = _run_hostile_child(["--case", "baseline", "--baseline-chars", str(args.baseline_chars)],
                                              None, args)
    base_us = base[0]["seconds"] / base[0]["size"] * 1e6
    print(f"  baseline: ordinary reports, one extract() per report: {base_us:.2f} µs/char "
          f"({fmt_rate(1e6 / base_us)} chars/s over {base[0]['size']:,} chars), others {_fmt_others(base_others)}")
    cases: dict[str, Any] = {}
    for name in hostile_cases(reports):
        runs, timed_out, others = _run_hostile_child(["--case", name, "--case-chars", str(args.case_chars)],
                                                     args.case_timeout, args)
        row: dict[str, Any] = {"timed_out": timed_out, "runs": runs, "others_cores": _r2(others)}
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
                  f"x{row['ratio']:.2f} of ordinary, growth on doubling {row['growth']:.2f}, "
                  f"others {_fmt_others(others)}", flush=True)
    return {"baseline_us_per_char": base_us, "baseline_chars": base[0]["size"],
            "baseline_others_cores": _r2(base_others), "cases": cases}


# ------------------------------------------------------------------------------------------------ report


def verdict(value: float | None, threshold: float, sense: str) -> str:
    if value is None:
        return "n/a"
    return "PASS" if (value >= threshold if sense == "min" else value <= threshold) else "FAIL"


def summary(results: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per target: the measured value, PASS/FAIL, and the cores other programs took meanwhile."""
    measured: dict[str, tuple[float | None, float | None]] = {}
    if "throughput" in results:
        tp = results["throughput"]
        measured.update({k: (v, tp["max_others_cores"]) for k, v in tp["ratios"].items()})
    if "coldstart" in results:
        measured["cold_start_s"] = (results["coldstart"]["median_wall_s"], results["coldstart"]["max_others_cores"])
    if "rss" in results and "n1" in results["rss"]:
        measured["peak_rss_mb"] = (results["rss"]["n1"]["self_maxrss_mb"], results["rss"]["n1"]["others_cores"])
    rows = []
    for key, desc, threshold, sense in TARGETS:
        if key in measured:
            value, others = measured[key]
            rows.append({"target": desc, "measured": value, "limit": f"{'≥' if sense == 'min' else '≤'} {threshold:g}",
                         "result": verdict(value, threshold, sense), "others_cores": others})
    hostile = results.get("hostile", {})
    for name, row in hostile.get("cases", {}).items():
        value = row.get("ratio")
        others = max(row["others_cores"] or 0.0, hostile["baseline_others_cores"] or 0.0)
        rows.append({"target": f"hostile: {name}, per-char time / ordinary", "measured": value,
                     "limit": "(info)" if row["info_only"] else f"≤ {HOSTILE_LIMIT:g}",
                     "result": "info" if row["info_only"] else ("FAIL (timeout)" if row["timed_out"]
                                                                else verdict(value, HOSTILE_LIMIT, "max")),
                     "others_cores": others})
    return rows


def print_summary(rows: list[dict[str, Any]]) -> None:
    print("\n| target | measured | limit | result | others (cores) |\n| --- | ---: | ---: | --- | ---: |")
    for r in rows:
        value = r["measured"]
        shown = "—" if value is None else (f"{value:.3f}" if value < 10 else f"{value:.1f}")
        print(f"| {r['target']} | {shown} | {r['limit']} | {r['result']} | {_fmt_others(r['others_cores']).strip()} |")
    print(f"\nothers: the most CPU other programs took during the measurements behind a row; above {NOISY} "
          "(marked !) the row is noisy: rerun it on a quiet machine (--quiet-wait, --retries).")


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
    p.add_argument("--quiet-wait", type=float, default=0.0, metavar="S",
                   help="before each measurement wait up to S seconds for other programs to leave the CPU")
    p.add_argument("--retries", type=int, default=0,
                   help="time a throughput row again (up to N times) when other programs used the CPU meanwhile")
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
    print(f"command: {command}\ncommit: {info['commit']}")
    if info["loadavg_at_start"][0] > 0.5:
        print("warning: the 1-minute load average is above 0.5: another program is using the CPU, figures may be "
              "noisy (cpu/wall below 1 for a single process shows it)")
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
    info["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    info["commit_at_end"] = git_commit()  # differs from "commit" if the checkout changed during the run
    if info["commit_at_end"] != info["commit"]:
        print(f"\nwarning: the checkout changed during the run ({info['commit']} -> {info['commit_at_end']})")
    print_summary(rows)
    if args.json:
        payload = {"machine": info, "command": command, "args": vars(args), "results": results, "targets": rows}
        Path(args.json).write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
