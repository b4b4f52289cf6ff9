"""Accuracy on the development set (seeds + dev), scored as the reference scorer does."""

from __future__ import annotations

from pathlib import Path

import pytest

from dangjian_extract.evaluate import evaluate

# figures reached when the core extractor landed; they may rise, never fall
FLOORS = {
    "seeds": {"detect_f1": 0.999, "record_f1": 0.999, "change_acc": 0.999, "object_acc": 0.95, "entity_acc": 0.92},
    "dev": {"detect_f1": 0.999, "record_f1": 0.999, "change_acc": 0.999, "object_acc": 0.95, "entity_acc": 0.92},
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
