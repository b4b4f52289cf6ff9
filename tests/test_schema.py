"""docs/schema.json is the published JSON Schema of the output and must match the models."""

from __future__ import annotations

import json
from pathlib import Path

from dangjian_extract import Extraction

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "schema.json"


def test_docs_schema_is_in_sync() -> None:
    current = Extraction.model_json_schema()
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == current, (
        "docs/schema.json is stale: regenerate it with `dangjian-extract schema > docs/schema.json`")


def test_schema_names_every_public_record() -> None:
    defs = Extraction.model_json_schema()["$defs"]
    assert {"Metric", "EntityRef", "EntityMention", "Section", "Period", "TextSpan"} <= set(defs)
