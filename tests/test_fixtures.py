"""Accuracy on the development set (seeds + dev), scored as the reference scorer does."""

from __future__ import annotations

from pathlib import Path

import pytest

from dangjian_extract.evaluate import evaluate

# figures reached when the core extractor landed; they may rise, never fall
FLOORS = {
    # seeds entity 0.927 → 0.909 when attribution moved to the passage model (issue 11), which took dev2 from
    # 0.30 to 0.94 and its held-out part from 0.67 to 0.82
    "seeds": {"detect_f1": 0.999, "record_f1": 0.999, "change_acc": 0.999, "object_acc": 0.95, "entity_acc": 0.90},
    "dev": {"detect_f1": 0.999, "record_f1": 0.999, "change_acc": 0.999, "object_acc": 0.95, "entity_acc": 0.92},
    # 18 real People's Daily reports tuned on, and 6 held back from tuning (fixtures/dev2_heldout/README.md)
    # (dev2 entity 0.952 → 0.996 with the 2026-12-06 session's rules from blind-annotated real sets)
    "dev2": {"detect_f1": 0.995, "record_f1": 0.99, "change_acc": 0.99, "object_acc": 0.97, "entity_acc": 0.98},
    # held-out entity 0.804 → 0.768 (45 → 43 of 56 figures) with the attribution rules of 2026-12-04/05, which
    # took the tuned sets' entity from 0.919 to 0.95 over 522 figures; 0.825 after the 2026-12-05 session's
    # rules from blind-annotated real sets (docs/evaluation.md): the honest figure, recorded, not tuned
    "dev2_heldout": {"detect_f1": 0.95, "record_f1": 0.95, "change_acc": 0.99, "object_acc": 0.93, "entity_acc": 0.82},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_fixture_figures_do_not_drop(fixtures_dir: Path, name: str) -> None:
    report = evaluate(fixtures_dir / "gold" / name, fixtures_dir / name)
    for key, floor in FLOORS[name].items():
        assert getattr(report, key) >= floor, (key, report.format(show_errors=20))


def test_offsets_exact_on_every_fixture(fixtures_dir: Path) -> None:
    from dangjian_extract import extract

    for path in sorted((fixtures_dir / "seeds").glob("*.txt")) + sorted((fixtures_dir / "dev").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for m in extract(text).metrics:
            assert text[m.start:m.end] == m.text, (path.name, m)
