"""Accuracy on held-out reports (fixtures/heldout): written and annotated from the guide alone, never tuned on
wording. The floors are the figures measured when they were added; they may rise, never fall."""

from __future__ import annotations

from pathlib import Path

import pytest

from dangjian_extract.evaluate import evaluate

FLOORS = {
    # k01-k06: attribution rules were developed looking at their errors
    # (entity 0.98 → 0.91 when attribution moved to the passage model of guide §4 for real reports, issue 11:
    # these synthetic reports read like the guide, and real reports are what the floors of test_fixtures.py guard)
    "heldout": ({"detect_f1": 0.99, "record_f1": 0.99, "change_acc": 0.97, "object_acc": 0.93, "entity_acc": 0.90},
                350),
    # k07-k12: added during issue 3 and kept unseen by the extractor's rules; only their figures were read
    "heldout2": ({"detect_f1": 0.99, "record_f1": 0.99, "change_acc": 0.97, "object_acc": 0.94, "entity_acc": 0.82},
                 300),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout_figures(fixtures_dir: Path, name: str) -> None:
    floors, min_gold = FLOORS[name]
    report = evaluate(fixtures_dir / "gold" / name, fixtures_dir / name)
    assert report.gold >= min_gold
    for key, floor in floors.items():
        assert getattr(report, key) >= floor, (key, report.format(show_errors=20))
