"""Spark local[N] vs one process: chars/s of extract_metrics() and extract_many() over the fixture corpus.

    pip install -e ".[spark]"
    python benchmarks/spark_bench.py                    # 2 M chars, local[2], best of 3 (a few minutes)
    python benchmarks/spark_bench.py --chars 500000 --repeat 1 --json spark.json

The corpus is the fixture reports (fixtures/*/*.txt) repeated to --chars, one item per report, the same
corpus as benchmarks/run.py. Each row times the same corpus after a warm-up run: Spark's session start and
the first job (which starts the Python workers and builds their pipelines) are reported separately. The Spark
DataFrame is cached and counted before timing, and the metric rows go to the ``noop`` sink, so the timed
part is the extraction, its Arrow transfer and Spark's own overhead, not reading input or collecting output.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# the corpus and machine helpers are benchmarks/run.py's (this script's folder is on sys.path when run)
from run import build_corpus, busy_seconds, cpu_name, load_reports


def best_of(fn: Callable[[], Any], repeat: int) -> tuple[float, float | None, Any]:
    """The fastest wall time of ``repeat`` calls, the cores the machine had busy meanwhile, and the result."""
    best: tuple[float, float | None, Any] | None = None
    for _ in range(repeat):
        b0, t0 = busy_seconds(), time.perf_counter()
        out = fn()
        wall, b1 = time.perf_counter() - t0, busy_seconds()
        cores = None if b0 is None or b1 is None else (b1 - b0) / wall
        if best is None or wall < best[0]:
            best = (wall, cores, out)
    assert best is not None
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=2_000_000, help="corpus size in characters (default 2 M)")
    parser.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    parser.add_argument("--partitions", type=int, default=8, help="partitions of the input DataFrame (default 8)")
    parser.add_argument("--repeat", type=int, default=3, help="time each row N times, keep the fastest")
    parser.add_argument("--no-n2", action="store_true", help="skip the extract_many(n_process=2) row")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    args = parser.parse_args(argv)

    import pyspark
    from pyspark.sql import SparkSession

    import dangjian_extract
    from dangjian_extract import extract_many
    from dangjian_extract.spark import extract_metrics

    corpus = build_corpus(load_reports(), args.chars)
    chars = sum(len(t) for _, t in corpus)
    print(f"corpus: {len(corpus):,} reports, {chars:,} chars; {cpu_name()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, PySpark {pyspark.__version__}", flush=True)
    rows: dict[str, dict[str, Any]] = {}

    def record(name: str, wall: float, cores: float | None, found: int) -> None:
        rows[name] = {"seconds": round(wall, 3), "chars_per_s": round(chars / wall), "metrics": found,
                      "busy_cores": None if cores is None else round(cores, 2)}
        busy = "?" if cores is None else f"{cores:.2f}"
        print(f"  {name:<34} {chars / wall / 1e6:7.3f} M chars/s  {wall:7.2f} s  {found:,} metrics  "
              f"machine busy {busy} cores", flush=True)

    # one process: warm (pipeline built), then the whole corpus through extract_many
    list(extract_many(corpus[:20]))
    wall, cores, found = best_of(lambda: sum(len(r.metrics) for r in extract_many(corpus)), args.repeat)
    record("extract_many, one process", wall, cores, found)
    if not args.no_n2:
        wall, cores, found2 = best_of(lambda: sum(len(r.metrics) for r in extract_many(corpus, n_process=2)),
                                      args.repeat)
        record("extract_many, n_process=2", wall, cores, found2)

    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers run this interpreter, with this environment
    t0 = time.perf_counter()
    spark = (SparkSession.builder.master(args.master).appName("dangjian-extract-bench")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.memory", "2g").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    startup = time.perf_counter() - t0
    df = spark.createDataFrame(corpus, "id string, text string").repartition(args.partitions).cache()
    df.count()

    def spark_run() -> None:
        extract_metrics(df).write.format("noop").mode("overwrite").save()

    # the first job over the corpus also starts the Python workers and builds their pipelines
    t0 = time.perf_counter()
    spark_found = extract_metrics(df).count()
    first = time.perf_counter() - t0
    if spark_found != found:
        print(f"!! Spark found {spark_found:,} metrics, extract_many {found:,}", flush=True)
    wall, cores, _ = best_of(spark_run, args.repeat)
    record(f"Spark extract_metrics, {args.master}", wall, cores, spark_found)
    spark.stop()

    one = rows["extract_many, one process"]["chars_per_s"]
    ratio = rows[f"Spark extract_metrics, {args.master}"]["chars_per_s"] / one
    print(f"  Spark session start {startup:.1f} s; first job over the corpus {first:.1f} s (starts the Python "
          "workers and builds their pipelines)")
    print(f"  Spark {args.master} / one process: {ratio:.2f}x")
    if args.json:
        args.json.write_text(json.dumps({
            "corpus": {"reports": len(corpus), "chars": chars}, "rows": rows, "ratio_spark_vs_one": round(ratio, 2),
            "spark_startup_s": round(startup, 2), "spark_first_job_s": round(first, 2),
            "machine": {"cpu": cpu_name(), "cpus": os.cpu_count(), "python": platform.python_version(),
                        "pyspark": pyspark.__version__, "dangjian_extract": dangjian_extract.__version__},
            "command": " ".join(["python", "benchmarks/spark_bench.py", *(argv or sys.argv[1:])]),
        }, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
