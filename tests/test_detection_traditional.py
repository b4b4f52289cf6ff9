"""Issue 12: the Traditional-script rewrite of every real fixture, with pinyin annotations, scores as the
original does (within 0.005 detection and record F1), with the reference scorer's own matching."""

from __future__ import annotations

import importlib.util
import json
import pathlib
import re

import opencc

from dangjian_extract import extract

ROOT = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
SETS = ("seeds", "dev", "dev2")
S2T = opencc.OpenCC("s2t")
FIRST_HAN = re.compile(r"(?m)^[^\S\n]*[\u4e00-\u9fff]")


def _scorer():
    spec = importlib.util.spec_from_file_location("reference_score", ROOT / "spec" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rewrite(text: str, golds: list[dict]) -> tuple[str, list[dict]]:
    """Traditional script, and a pinyin annotation after the first character of each line; gold offsets moved."""
    trad = S2T.convert(text)
    assert len(trad) == len(text)
    golds = [dict(g) for g in golds]
    pieces, last = [], 0
    for m in FIRST_HAN.finditer(trad):
        at = m.end()
        if any(g["start"] < at < g["end"] for g in golds):
            continue
        note = "(zhōng)"
        pieces += [trad[last:at], note]
        last = at
        for g in golds:
            # offsets are in the original text, like ``at``; every insertion at or before them moves them
            if g["start"] >= at:
                g["_shift_start"] = g.get("_shift_start", 0) + len(note)
            if g["end"] >= at:
                g["_shift_end"] = g.get("_shift_end", 0) + len(note)
    pieces.append(trad[last:])
    for g in golds:
        g["start"] += g.pop("_shift_start", 0)
        g["end"] += g.pop("_shift_end", 0)
    return "".join(pieces), golds


def _score(rewrite: bool) -> dict[str, float]:
    score = _scorer()
    total: dict[str, int] | None = None
    for name in SETS:
        for gold_path in sorted((ROOT / "gold" / name).glob("*.jsonl")):
            text = (ROOT / name / (gold_path.stem + ".txt")).read_text(encoding="utf-8")
            golds = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
            if rewrite:
                text, golds = _rewrite(text, golds)
            preds = extract(text).model_dump(mode="json")["metrics"]
            c, _ = score.score_doc(golds, preds)
            total = c if total is None else {k: total[k] + c[k] for k in total}
    assert total is not None
    p = total["tp"] / max(1, total["tp"] + total["fp"])
    r = total["tp"] / max(1, total["tp"] + total["fn"])
    sp = total["strict"] / max(1, total["tp"] + total["fp"])
    sr = total["strict"] / max(1, total["tp"] + total["fn"])
    return {"detect_f1": 2 * p * r / max(1e-9, p + r), "record_f1": 2 * sp * sr / max(1e-9, sp + sr)}


def test_rewrite_moves_gold_offsets_with_the_text() -> None:
    text = "全村共有党员35名。\n新建道路3公里。"
    golds = [{"start": 6, "end": 9}, {"start": 15, "end": 18}]
    trad, moved = _rewrite(text, golds)
    assert [trad[g["start"]:g["end"]] for g in moved] == ["35名", "3公里"]
    assert "(zhōng)" in trad and "黨員" in trad


def test_traditional_rewrite_scores_as_the_original() -> None:
    original, rewritten = _score(False), _score(True)
    for key in ("detect_f1", "record_f1"):
        assert rewritten[key] >= original[key] - 0.005, (key, original, rewritten)
