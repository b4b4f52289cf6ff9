"""Score :func:`dangjian_extract.extract` against annotated gold files.

This module reproduces the project's reference scorer (``fixtures/spec/score.py``) figure for figure, so
that anyone with their own annotated reports can measure the extractor and obtain the same numbers the
reference would print:

* gold files are JSONL, one metric per line (``GOLD_DIR/NAME.jsonl``), each paired with the source text
  ``TEXT_DIR/NAME.txt``; see ``fixtures/spec/metrics-guide.md`` for the annotation format;
* predictions are matched to gold one-to-one, greedily by largest span overlap (ties broken by gold order,
  then prediction order);
* gold lines marked ``"optional": true`` are neither rewarded nor penalised: matching one consumes the
  prediction without counting a true positive, and missing one is not a false negative;
* units, objects and entity names are compared after :func:`norm` (NFKC, a small Traditional→Simplified
  table, quote marks removed, whitespace stripped).

Gold and predicted records are kept as plain ``dict`` objects because gold lines are free-form JSON.

Command line (same arguments and output as the reference)::

    python -m dangjian_extract.evaluate GOLD_DIR TEXT_DIR [--json OUT] [--show-errors N]
"""

from __future__ import annotations

import argparse
import errno
import json
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "EvaluationError",
    "EvaluationReport",
    "RuleScore",
    "ScoreCounts",
    "evaluate",
    "main",
    "match",
    "norm",
    "read_gold",
    "same_value",
    "score_document",
]

Record = dict[str, Any]
"""One gold line or one predicted metric (``Metric.model_dump(mode="json")``)."""

ErrorKind = Literal["record", "object", "entity", "missed", "spurious"]

# Identical to the reference scorer's table (its duplicated 億 entry appears once here).
T2S = str.maketrans({"黨": "党", "東": "东", "區": "区", "會": "会", "員": "员", "萬": "万", "億": "亿",
                     "個": "个", "項": "项", "場": "场", "處": "处", "間": "间", "條": "条", "戶": "户",
                     "層": "层", "體": "体", "單": "单", "設": "设", "網": "网", "車": "车",
                     "業": "业", "務": "务", "組": "组", "織": "织", "蓋": "盖", "屆": "届", "輛": "辆",
                     "臺": "台", "台": "台", "幢": "幢", "園": "园", "鎮": "镇", "鄉": "乡", "縣": "县"})
"""Traditional→Simplified translation table applied by :func:`norm`."""

QUOTES = frozenset("“”‘’\"'《》「」『』〈〉")
"""Quote and title marks removed by :func:`norm`."""


def norm(s: object) -> str:
    """Normalise a unit, object or entity name for comparison.

    ``None`` becomes ``""``; anything else is converted with ``str``, NFKC-normalised, mapped through the
    Traditional→Simplified table :data:`T2S`, stripped of the quote marks in :data:`QUOTES` and of
    surrounding whitespace.
    """
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).translate(T2S)
    return "".join(ch for ch in s if ch not in QUOTES).strip()


def same_value(a: Any, b: Any) -> bool:
    """True if both values are present and equal within a relative tolerance of 1e-9."""
    if a is None or b is None:
        return False
    a, b = float(a), float(b)
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _overlap(a: Record, b: Record) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _entity_name(pred: Record) -> Any:
    """The predicted entity's name: ``entity["name"]`` for an entity object, else the raw value."""
    ent = pred.get("entity")
    if isinstance(ent, dict):
        return ent.get("name")
    return ent


def match(golds: Sequence[Record], preds: Sequence[Record]) -> tuple[list[tuple[Record, Record]], set[int],
                                                                     set[int]]:
    """Greedy one-to-one matching of gold and predicted records by largest span overlap.

    Candidate pairs are those with a positive character overlap; they are taken in decreasing order of
    overlap, ties in order of gold index then prediction index, skipping pairs whose gold or prediction is
    already used. Returns the matched ``(gold, prediction)`` pairs in that order and the sets of used gold
    and prediction indices.
    """
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            o = _overlap(g, p)
            if o > 0:
                pairs.append((o, gi, pi))
    pairs.sort(key=lambda t: -t[0])  # stable: equal overlaps keep (gold, prediction) order
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched: list[tuple[Record, Record]] = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched.append((golds[gi], preds[pi]))
    return matched, used_g, used_p


class ScoreCounts(BaseModel):
    """Raw counters of one or more scored documents (micro-averaged figures are computed from these).

    ``tp``/``fp``/``fn`` count detections (optional gold lines excluded); ``value``, ``unit``,
    ``qualifier`` count correct attributes among true positives and ``strict`` those with all three right;
    ``object``/``object_n``, ``entity``/``entity_n`` and ``change``/``change_n`` count correct and
    applicable true positives for the object, entity and change attributes.
    """

    model_config = ConfigDict(frozen=True)

    tp: int = 0
    fp: int = 0
    fn: int = 0
    value: int = 0
    unit: int = 0
    qualifier: int = 0
    strict: int = 0
    object: int = 0
    object_n: int = 0
    entity: int = 0
    entity_n: int = 0
    change: int = 0
    change_n: int = 0

    def __add__(self, other: ScoreCounts) -> ScoreCounts:
        if not isinstance(other, ScoreCounts):
            return NotImplemented
        return ScoreCounts(**{k: getattr(self, k) + getattr(other, k) for k in type(self).model_fields})


class EvaluationError(BaseModel):
    """One scoring error, as listed by the reference scorer's ``--show-errors``.

    ``record``: a matched pair whose value, unit or qualifier differ; ``object``/``entity``: a matched pair
    whose object or entity is wrong; ``missed``: an unmatched required gold line (``predicted`` is None);
    ``spurious``: an unmatched prediction (``gold`` is None).
    """

    doc: str = Field(description="Gold file stem the error comes from.")
    kind: ErrorKind
    gold: dict[str, Any] | None = None
    predicted: dict[str, Any] | None = None

    def format(self) -> str:
        """The error line exactly as the reference scorer prints it."""
        g, pr = self.gold, self.predicted
        gs = (f"{g['text']}={g['value']}{g['unit']} {g.get('qualifier')} obj={g.get('object')} "
              f"ent={g.get('entity')}") if g else "-"
        ps = (f"{pr['text']}={pr.get('value')}{pr.get('unit')} {pr.get('qualifier')} obj={pr.get('object')} "
              f"ent={_entity_name(pr)}") if pr else "-"
        return f"  {self.doc[:3]} {self.kind:8s} gold[{gs}]  pred[{ps}]"


class RuleScore(BaseModel):
    """Entity accuracy of the metrics whose entity one attribution rule chose (``Metric.entity_rule``)."""

    rule: str | None = Field(description="The rule (name, sentence, passage, report …), or None when none was set.")
    right: int = Field(description="Matched required metrics with a gold entity that the rule got right.")
    total: int = Field(description="Matched required metrics with a gold entity that the rule decided.")


class EvaluationReport(BaseModel):
    """Micro-averaged figures over a set of documents, as computed by the reference scorer."""

    detect_p: float = Field(description="tp / (tp + fp)")
    detect_r: float = Field(description="tp / (tp + fn)")
    detect_f1: float = Field(description="Harmonic mean of detect_p and detect_r.")
    record_f1: float = Field(description="F1 counting only matches with value, unit and qualifier right.")
    value_acc: float = Field(description="Correct values among true positives.")
    unit_acc: float = Field(description="Correct units among true positives.")
    qualifier_acc: float = Field(description="Correct qualifiers among true positives.")
    object_acc: float = Field(description="Correct objects among true positives whose gold has an object.")
    entity_acc: float = Field(description="Correct entities among true positives whose gold has an entity.")
    change_acc: float = Field(description="Correct changes among true positives where either side has one.")
    gold: int = Field(description="Required gold metrics (tp + fn).")
    predicted: int = Field(description="Predictions not consumed by optional gold lines (tp + fp).")
    chars: int = Field(description="Characters of text processed.")
    chars_per_s: float = Field(description="Extraction throughput (characters per second of extract()).")
    documents: int = Field(default=0, description="Number of documents scored.")
    errors: list[EvaluationError] = Field(default_factory=list, description="All errors, in reference order.")
    entity_by_rule: list[RuleScore] = Field(
        default_factory=list, description="entity_acc split by the rule that chose each entity (not printed by "
        "the reference scorer: see format_rules).")

    @classmethod
    def from_counts(cls, counts: ScoreCounts, *, chars: int = 0, seconds: float = 0.0, documents: int = 0,
                    errors: Sequence[EvaluationError] = ()) -> EvaluationReport:
        """Compute the figures from summed counters with exactly the reference scorer's formulas."""
        c = counts
        p = c.tp / max(1, c.tp + c.fp)
        r = c.tp / max(1, c.tp + c.fn)
        f = 2 * p * r / max(1e-9, p + r)
        strict_p = c.strict / max(1, c.tp + c.fp)
        strict_r = c.strict / max(1, c.tp + c.fn)
        strict_f = 2 * strict_p * strict_r / max(1e-9, strict_p + strict_r)
        return cls(detect_p=p, detect_r=r, detect_f1=f, record_f1=strict_f,
                   value_acc=c.value / max(1, c.tp), unit_acc=c.unit / max(1, c.tp),
                   qualifier_acc=c.qualifier / max(1, c.tp),
                   object_acc=c.object / max(1, c.object_n),
                   entity_acc=c.entity / max(1, c.entity_n),
                   change_acc=c.change / max(1, c.change_n),
                   gold=c.tp + c.fn, predicted=c.tp + c.fp, chars=chars,
                   chars_per_s=chars / max(1e-9, seconds), documents=documents, errors=list(errors))

    def figures(self) -> dict[str, float | int]:
        """The reference scorer's output mapping (what its ``--json`` writes), in its key order."""
        return self.model_dump(exclude={"documents", "errors", "entity_by_rule"})

    def format(self, show_errors: int = 0) -> str:
        """The lines the reference scorer prints, followed by the first ``show_errors`` error lines.

        ``documents`` is not printed, so the output is line for line what the reference prints. As in the
        reference, ``show_errors`` is a slice bound (a negative value drops that many errors from the end).
        """
        lines = [f"{k:14s} {v:.3f}" if isinstance(v, float) else f"{k:14s} {v}"
                 for k, v in self.figures().items()]
        lines += [e.format() for e in self.errors[:show_errors]]  # sliced like the reference, even if < 0
        return "\n".join(lines)

    def format_rules(self) -> str:
        """One line per attribution rule: how many of the entities it chose are right (most decided first)."""
        return "\n".join(f"{str(r.rule):14s} {r.right}/{r.total} {r.right / max(1, r.total):.3f}"
                         for r in self.entity_by_rule)


def read_gold(path: str | Path) -> list[Record]:
    """Read a gold JSONL file (UTF-8): one JSON object per non-blank line."""
    text = Path(path).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def score_document(golds: Sequence[Record], predictions: Sequence[Record]
                   ) -> tuple[ScoreCounts, list[tuple[str, Record | None, Record | None]]]:
    """Score one document's predictions against its gold records.

    Returns the counters and the errors as ``(kind, gold, prediction)`` tuples, in the reference order:
    per matched pair (in matching order) ``record``, ``object``, ``entity``; then ``missed`` gold lines in
    gold order; then ``spurious`` predictions in prediction order. A matched required gold line must have
    ``value``, ``unit`` and ``qualifier`` keys (``KeyError`` otherwise, as in the reference).
    """
    counts, errors, _ = _score(golds, predictions)
    return counts, errors


def _entity_right(g: Record, p: Record) -> bool:
    """Whether the prediction names one of the gold's acceptable entities (or none where the gold has none)."""
    gold_names = g["entity"] if isinstance(g["entity"], list) else [g["entity"]]
    return norm(_entity_name(p)) in {norm(x) for x in gold_names} or (
        g["entity"] is None and _entity_name(p) is None)


def _score(golds: Sequence[Record], predictions: Sequence[Record]
           ) -> tuple[ScoreCounts, list[tuple[str, Record | None, Record | None]], list[tuple[Any, bool]]]:
    """:func:`score_document`'s counters and errors, and for each scored entity the prediction's
    ``entity_rule`` and whether the entity is right (one matching for both)."""
    c = dict.fromkeys(ScoreCounts.model_fields, 0)
    errors: list[tuple[str, Record | None, Record | None]] = []
    rules: list[tuple[Any, bool]] = []
    matched, used_g, used_p = match(golds, predictions)
    for g, p in matched:
        if g.get("optional"):
            continue
        c["tp"] += 1
        v = same_value(g["value"], p.get("value"))
        u = norm(g["unit"]) == norm(p.get("unit"))
        q = g["qualifier"] == p.get("qualifier")
        c["value"] += v
        c["unit"] += u
        c["qualifier"] += q
        c["strict"] += v and u and q
        if not (v and u and q):
            errors.append(("record", g, p))
        if g.get("object"):
            c["object_n"] += 1
            go, po = norm(g["object"]), norm(p.get("object"))
            ok = bool(po) and (go in po or po in go)
            c["object"] += ok
            if not ok:
                errors.append(("object", g, p))
        if "entity" in g:
            c["entity_n"] += 1
            ok = _entity_right(g, p)
            c["entity"] += ok
            rules.append((p.get("entity_rule"), ok))
            if not ok:
                errors.append(("entity", g, p))
        if g.get("change") or p.get("change"):
            c["change_n"] += 1
            c["change"] += (g.get("change") or None) == (p.get("change") or None)
    for gi, g in enumerate(golds):
        if gi not in used_g and not g.get("optional"):
            c["fn"] += 1
            errors.append(("missed", g, None))
    for pi, p in enumerate(predictions):
        if pi not in used_p:
            c["fp"] += 1
            errors.append(("spurious", None, p))
    return ScoreCounts(**c), errors, rules


def evaluate(gold_dir: str | Path, text_dir: str | Path, *,
             extract: Callable[[str], Any] | None = None) -> EvaluationReport:
    """Run ``extract`` on every annotated text and score it as the reference scorer does.

    For each ``GOLD_DIR/NAME.jsonl`` (in sorted order) the text ``TEXT_DIR/NAME.txt`` is read as UTF-8 and
    passed to ``extract`` (default: :func:`dangjian_extract.extract`); the predictions are
    ``result.model_dump(mode="json")["metrics"]``. Only the time spent inside ``extract`` counts towards
    ``chars_per_s``.

    Raises:
        FileNotFoundError: ``gold_dir`` does not exist, or a gold file has no text file (the error names it).
        ValueError: ``gold_dir`` holds no ``*.jsonl`` file, or a prediction's ``text`` differs from
            ``text[start:end]``.
    """
    if extract is None:
        from dangjian_extract import extract as default_extract

        extract = default_extract
    gold_root, text_root = Path(gold_dir), Path(text_dir)
    if not gold_root.is_dir():
        raise FileNotFoundError(errno.ENOENT, "gold directory not found", str(gold_root))
    gold_paths = sorted(gold_root.glob("*.jsonl"))
    if not gold_paths:
        raise ValueError(f"no gold files (*.jsonl) in {gold_root}")
    total = ScoreCounts()
    errors: list[EvaluationError] = []
    chars, secs = 0, 0.0
    by_rule: dict[str | None, list[int]] = {}  # rule -> [right, total]
    for gold_path in gold_paths:
        text_path = text_root / (gold_path.stem + ".txt")
        if not text_path.is_file():
            raise FileNotFoundError(errno.ENOENT, f"no text file for gold file {gold_path.name}",
                                    str(text_path))
        text = text_path.read_text(encoding="utf-8")
        golds = read_gold(gold_path)
        t0 = time.perf_counter()
        result = extract(text)
        secs += time.perf_counter() - t0
        chars += len(text)
        preds = result.model_dump(mode="json")["metrics"]
        for p in preds:
            found = text[p["start"]:p["end"]]
            if found != p["text"]:
                raise ValueError(f"{gold_path.stem}: predicted text {p['text']!r} at "
                                 f"[{p['start']}:{p['end']}] does not match the source text {found!r}")
        counts, errs, rules = _score(golds, preds)
        for rule, ok in rules:
            tally = by_rule.setdefault(rule, [0, 0])
            tally[0] += ok
            tally[1] += 1
        total = total + counts
        errors += [EvaluationError(doc=gold_path.stem, kind=kind, gold=g, predicted=pr)
                   for kind, g, pr in errs]
    report = EvaluationReport.from_counts(total, chars=chars, seconds=secs, documents=len(gold_paths),
                                          errors=errors)
    report.entity_by_rule = [RuleScore(rule=rule, right=right, total=n) for rule, (right, n)
                             in sorted(by_rule.items(), key=lambda item: (-item[1][1], str(item[0])))]
    return report


def main(argv: Sequence[str] | None = None) -> EvaluationReport:
    """Command-line entry point with the reference scorer's arguments and output."""
    ap = argparse.ArgumentParser(description="Score dangjian_extract.extract() against gold metric files.")
    ap.add_argument("gold_dir")
    ap.add_argument("text_dir")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument("--show-errors", type=int, default=0, help="print the first N errors")
    ap.add_argument("--by-rule", action="store_true",
                    help="also print entity accuracy by the attribution rule that chose each entity")
    args = ap.parse_args(argv)
    report = evaluate(args.gold_dir, args.text_dir)
    print(report.format(show_errors=args.show_errors))
    if args.by_rule:
        print(report.format_rules())
    if args.json:
        Path(args.json).write_text(json.dumps(report.figures(), indent=1))
    return report


if __name__ == "__main__":
    main()
