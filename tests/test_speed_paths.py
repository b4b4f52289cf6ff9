"""Shortcuts taken for speed give what the general code gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dangjian_extract import extract
from dangjian_extract.components.attribution import Attribution

ROOT = Path(__file__).resolve().parents[1]


def _texts_without_mentions() -> list[str]:
    """Sentences of the dev reports, the peer-spec inputs and figure-dense strings that name no place or body."""
    texts = [json.loads(line)["input"]
             for line in (ROOT / "benchmarks" / "peer_specs" / "cases.jsonl").read_text(encoding="utf-8").splitlines()]
    for path in sorted((ROOT / "fixtures" / "dev").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts += [s for s in text.replace("。", "。\n").split("\n") if s.strip()]
    texts += ["1%" * 500, "“新增5户" * 200, "全国建成1.49万余家非遗工坊，同比增长12%，其中3家新建。",
              "全国31个省份选派50多万名干部，其中20万名为党员。", "31个省（区、市）共选派干部50多万名，增长5%。",
              "共有31个省份参加，选派50多万名干部。"]
    return [t for t in texts if not extract(t).entities and extract(t).metrics]


def test_attribution_without_mentions_matches_the_whole_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    # the loop for a text naming no place or body (Attribution._without_mentions) against the general loop
    texts = _texts_without_mentions()
    assert len(texts) > 100
    quick = [extract(t).model_dump_json() for t in texts]
    monkeypatch.setattr(Attribution, "_without_mentions", lambda self, *args: False)
    assert [extract(t).model_dump_json() for t in texts] == quick
    assert any('"entity_rule":"national"' in x for x in quick)
