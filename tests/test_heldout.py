"""Accuracy on held-out reports (fixtures/heldout): written and annotated from the guide alone, never tuned on
wording. The floors are the figures measured when they were added; they may rise, never fall."""

from __future__ import annotations

from pathlib import Path

from dangjian_extract.evaluate import evaluate

FLOORS = {"detect_f1": 0.99, "record_f1": 0.98, "change_acc": 0.97}


def test_heldout_figures(fixtures_dir: Path) -> None:
    report = evaluate(fixtures_dir / "gold" / "heldout", fixtures_dir / "heldout")
    assert report.gold >= 350
    for key, floor in FLOORS.items():
        assert getattr(report, key) >= floor, (key, report.format(show_errors=20))
