"""Score dangjian_extract on the peer projects' Chinese specs (issue 12, "Done when").

    PYTHONPATH=src python benchmarks/peer_specs/score_peer_specs.py [--cases FILE] [--json OUT] [--quiet]

Each case of cases.jsonl (built by build_cases.py) holds a sentence, the figures expected in it (span,
value, unit, and value_max for a range) and spans where no figure may come from (web addresses, dates,
a name; or, with a unit, where no figure of that unit may come from).

A case is right when
  * every expected figure is found: some metric overlaps its span with the same unit and the same value
    (within 1e-9 relative; value_max too when the case gives one; an expected figure may list alternative
    readings in `alts`, e.g. 千分之一 as 0.1 % or 1 ‰), and
  * no other metric overlapping that span reads it differently (another value, value_max or unit), and
  * no metric overlaps a forbidden span (of the forbidden unit, when one is given).
Metrics that overlap no expected or forbidden span are "extra": counted and listed, never a fault.
Qualifiers are compared for information only (reported, not scored).

The bar of issue 12: 90 % of report-prose cases right, and no figure from a web address. Cases marked
`prose: marginal` in cases.jsonl (forms that a report would hardly write) are scored and shown, but the bar
is checked on the `prose: yes` cases; both shares are printed.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import math
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BAR = 0.90


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    return math.isfinite(a) and math.isfinite(b) and abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def overlaps(m: dict, span: dict) -> bool:
    return m["start"] < span["end"] and span["start"] < m["end"]


def readings(e: dict) -> list[dict]:
    base = {"value": e["value"], "unit": e["unit"]}
    if "value_max" in e:
        base["value_max"] = e["value_max"]
    return [base] + list(e.get("alts", []))


def matches(m: dict, r: dict) -> bool:
    if m["unit"] != r["unit"] or not close(m["value"], r["value"]):
        return False
    if "value_max" in r:
        return close(m.get("value_max"), r["value_max"])
    return True


def metric_dict(m) -> dict:
    return {"start": m.start, "end": m.end, "text": m.text, "value": m.value, "value_max": m.value_max,
            "unit": m.unit, "qualifier": m.qualifier, "kind": m.kind}


def score_case(case: dict, metrics: list[dict]) -> dict:
    faults: list[dict] = []
    qualifier_notes: list[str] = []
    used: set[int] = set()
    for e in case["expected"]:
        near = [i for i, m in enumerate(metrics) if overlaps(m, e)]
        good = [i for i in near if any(matches(metrics[i], r) for r in readings(e))]
        bad = [i for i in near if i not in good]
        used.update(near)
        if not good:
            faults.append({"fault": "missed" if not near else "misread", "expected": e,
                           "got": [metrics[i] for i in near]})
        elif bad:
            faults.append({"fault": "conflict", "expected": e, "got": [metrics[i] for i in near]})
        if good and e.get("qualifier") and metrics[good[0]]["qualifier"] != e["qualifier"]:
            qualifier_notes.append(f"{e['text']}: expected {e['qualifier']}, got {metrics[good[0]]['qualifier']}")
    for f in case.get("forbid", []):
        hit = [i for i, m in enumerate(metrics) if overlaps(m, f) and ("unit" not in f or m["unit"] == f["unit"])]
        used.update(i for i, m in enumerate(metrics) if overlaps(m, f))
        if hit:
            faults.append({"fault": "forbidden", "forbid": f, "got": [metrics[i] for i in hit]})
    extra = [m for i, m in enumerate(metrics) if i not in used]
    return {"id": case["id"], "class": case["class"], "prose": case["prose"], "input": case["input"],
            "right": not faults, "faults": faults, "extra": extra, "qualifier_notes": qualifier_notes,
            "metrics": metrics}


def share(rows: list[dict]) -> tuple[int, int, float]:
    n = len(rows)
    k = sum(r["right"] for r in rows)
    return k, n, (k / n if n else float("nan"))


def fmt_metric(m: dict) -> str:
    v = f"{m['value']:g}" + (f"–{m['value_max']:g}" if m.get("value_max") is not None else "")
    return f"{m['text']}={v} {m['unit']}"


def fmt_expected(e: dict) -> str:
    v = f"{e['value']:g}" + (f"–{e['value_max']:g}" if e.get("value_max") is not None else "")
    alts = "".join(f" | {a['value']:g} {a['unit']}" for a in e.get("alts", []))
    return f"{e['text']}={v} {e['unit']}{alts}"


def git_commit(root: Path) -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                             check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", "src"],
                               capture_output=True, text=True).stdout.strip()
        return out + (" (src modified)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score dangjian_extract on the peer specs (issue 12).")
    ap.add_argument("--cases", default=str(HERE / "cases.jsonl"))
    ap.add_argument("--json", metavar="OUT", help="write every figure and every case's result to OUT")
    ap.add_argument("--quiet", action="store_true", help="print the figures only, not the wrong cases")
    a = ap.parse_args(argv)

    import dangjian_extract
    from dangjian_extract import extract

    cases = [json.loads(line) for line in open(a.cases, encoding="utf-8") if line.strip()]
    results = []
    for case in cases:
        metrics = [metric_dict(m) for m in extract(case["input"]).metrics]
        results.append(score_case(case, metrics))

    prose = [r for r in results if r["prose"] == "yes"]
    k_all, n_all, s_all = share(results)
    k_p, n_p, s_p = share(prose)
    url_rows = [r for r in results if r["class"] == "url"]
    url_hits = [f for r in results for f in r["faults"]
                if f["fault"] == "forbidden" and "address" in f["forbid"].get("why", "")]
    url_figures = sum(len(f["got"]) for f in url_hits)

    print(f"dangjian_extract {dangjian_extract.__version__} from {Path(dangjian_extract.__file__).parent}")
    print(f"cases: {a.cases}\n")
    print(f"report-prose cases right: {k_p}/{n_p} = {s_p:.1%}   (bar {BAR:.0%}: {'met' if s_p >= BAR else 'NOT met'})")
    print(f"all cases right:          {k_all}/{n_all} = {s_all:.1%}   (incl. {n_all - n_p} marginal-prose cases)")
    print(f"figures from a web or e-mail address: {url_figures} in {len(url_rows)} url cases"
          f"   ({'met' if url_figures == 0 else 'NOT met'}: none allowed)")
    extra_n = sum(len(r["extra"]) for r in results)
    print(f"extra figures (outside every expected / forbidden span, not scored): {extra_n}")
    qn = [(r["id"], q) for r in results for q in r["qualifier_notes"]]
    print(f"qualifier differences on right figures (not scored): {len(qn)}\n")

    print(f"{'class':18} {'prose':>12} {'all':>12}")
    classes = sorted({r["class"] for r in results})
    per_class = {}
    for cls in classes:
        rows = [r for r in results if r["class"] == cls]
        kp, np_, sp = share([r for r in rows if r["prose"] == "yes"])
        ka, na, sa = share(rows)
        per_class[cls] = {"prose_right": kp, "prose_n": np_, "all_right": ka, "all_n": na}
        ps = f"{kp}/{np_}" + (f" {sp:4.0%}" if np_ else "     ")
        print(f"{cls:18} {ps:>12} {ka}/{na} {sa:4.0%}")

    fault_kinds = collections.Counter(f["fault"] for r in results for f in r["faults"])
    print("\nfaults by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(fault_kinds.items())))

    if not a.quiet:
        print("\nwrong cases:")
        for r in results:
            if r["right"]:
                continue
            print(f"- {r['id']} [{r['class']}{'' if r['prose'] == 'yes' else ', marginal'}] {r['input']!r}")
            for f in r["faults"]:
                got = ", ".join(fmt_metric(m) for m in f["got"]) or "nothing"
                if f["fault"] == "forbidden":
                    what = f"{f['forbid']['text']!r} ({f['forbid']['why']})"
                    print(f"    forbidden: {what} gave {got}")
                else:
                    print(f"    {f['fault']}: expected {fmt_expected(f['expected'])}; got {got}")
        if qn:
            print("\nqualifier differences (information):")
            for cid, q in qn:
                print(f"- {cid}: {q}")
        extras = [(r["id"], m) for r in results for m in r["extra"]]
        if extras:
            print("\nextra figures (information):")
            for cid, m in extras:
                print(f"- {cid}: {fmt_metric(m)}")

    if a.json:
        out = {
            "when": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "commit": git_commit(HERE.parents[1]),
            "python": platform.python_version(),
            "cases_file": a.cases,
            "bar": BAR,
            "prose": {"right": k_p, "n": n_p, "share": s_p, "bar_met": s_p >= BAR},
            "all": {"right": k_all, "n": n_all, "share": s_all},
            "url": {"cases": len(url_rows), "figures_from_addresses": url_figures},
            "per_class": per_class,
            "faults_by_kind": dict(fault_kinds),
            "extra_figures": extra_n,
            "qualifier_differences": [{"id": i, "note": q} for i, q in qn],
            "cases": results,
        }
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=1)
        print(f"\nwrote {a.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
