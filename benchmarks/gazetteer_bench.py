"""Measure the gazetteer: load time and memory in fresh processes, look-up and short-form speed.

    PYTHONPATH=src python benchmarks/gazetteer_bench.py [--runs 5]

Load time is the median of ``--runs`` fresh processes (each imports the package, then times
``get_gazetteer()``); memory is VmRSS from /proc/self/status before and after the load (Linux only).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, time
def rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
import dangjian_extract, dangjian_extract.gazetteer as gz
assert not gz.is_loaded()
before = rss()
t = time.perf_counter()
g = gz.get_gazetteer()
elapsed = time.perf_counter() - t
after = rss()
peak = 0.0
with open("/proc/self/status") as f:
    for line in f:
        if line.startswith("VmHWM"):
            peak = int(line.split()[1]) / 1024
print(json.dumps({"load_s": elapsed, "rss_before_mb": before, "rss_after_mb": after, "peak_mb": peak,
                  "nodes": len(g)}))
"""


def fresh_loads(runs: int) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, check=True)
        out.append(json.loads(proc.stdout))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    loads = fresh_loads(args.runs)
    load_s = statistics.median(r["load_s"] for r in loads)
    delta = statistics.median(r["rss_after_mb"] - r["rss_before_mb"] for r in loads)

    sys.path.insert(0, str(ROOT / "src"))
    from dangjian_extract.gazetteer import DATA_FILE, get_gazetteer

    g = get_gazetteer()
    data = ROOT / "src" / "dangjian_extract" / "data" / DATA_FILE
    text = ("今年以来，晋城市城区西街街道党工委坚持党建引领，温州人在河南投资，推进乡村振兴，"
            "任小南河村党支部书记说，麦积区、长安区和全州的干部都来学习。") * 1500
    text = text[:100_000]
    t = time.perf_counter()
    found = g.short_forms(text)
    short_s = time.perf_counter() - t
    ends = [i + 1 for i, ch in enumerate(text) if ch in "村镇县区市"]
    t = time.perf_counter()
    for end in ends:
        g.longest_suffix_name(text, end)
    suffix_us = (time.perf_counter() - t) / len(ends) * 1e6
    names = ["乾县", "长安区", "新村", "小南河村", "晋城市", "时任村"] * 2000
    t = time.perf_counter()
    for name in names:
        g.contains(name)
    contains_us = (time.perf_counter() - t) / len(names) * 1e6
    t = time.perf_counter()
    for _ in range(1000):
        g.resolve("长安区", ["西安市"])
    resolve_us = (time.perf_counter() - t) / 1000 * 1e6
    print(json.dumps({
        "python": sys.version.split()[0],
        "data_file_bytes": data.stat().st_size,
        "nodes": len(g),
        "load_s_median": round(load_s, 3),
        "load_s_all": [round(r["load_s"], 3) for r in loads],
        "rss_delta_mb_median": round(delta, 1),
        "peak_rss_mb": round(max(r["peak_mb"] for r in loads), 1),
        "rss_before_mb": round(loads[0]["rss_before_mb"], 1),
        "short_forms_100k_chars_s": round(short_s, 4),
        "short_forms_found": len(found),
        "longest_suffix_name_us": round(suffix_us, 2),
        "contains_us": round(contains_us, 2),
        "resolve_with_context_us": round(resolve_us, 1),
    }, indent=1))


if __name__ == "__main__":
    main()
