"""The public contract: pydantic records produced by :func:`dangjian_extract.extract`.

Field names are fixed — other ETL jobs and scorers read them. Every ``start``/``end`` pair indexes the
ORIGINAL text passed to ``extract`` (Python string indices, end exclusive), and ``text`` always equals
``original[start:end]``.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Kind = Literal["money", "count", "percent", "pp", "measure", "score", "duration"]
Qualifier = Literal["exact", "over", "at_least", "about", "nearly", "under", "at_most"]
EntityType = Literal[
    "province",
    "district",
    "subdistrict",
    "community",
    "village",
    "compound",
    "park",
    "project",
    "enterprise",
    "organisation",
    "place",
]
Change = Literal["increase", "decrease"]


class EntityRef(BaseModel):
    """The place, body, project or enterprise a metric belongs to."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(description="Name as written, simplified script, with its type suffix (光明路街道).")
    type: EntityType = Field(description="Entity type from the metrics guide.")
    start: int | None = Field(default=None, description="Start offset of the mention in the original text.")
    end: int | None = Field(default=None, description="End offset (exclusive) of the mention.")
    parent: str | None = Field(default=None, description="Enclosing entity named in the text, if any.")


class Metric(BaseModel):
    """One stated quantity: its exact source span, normalised value and unit, and what it is about."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0, description="Start offset into the original text.")
    end: int = Field(ge=0, description="End offset (exclusive) into the original text.")
    text: str = Field(description="Exactly original[start:end]: number, multiplier, inner 余/多 and unit.")
    value: float = Field(description="The number as a plain decimal (15亿元 → 1500000000; 18.5% → 18.5).")
    value_max: float | None = Field(default=None, description="Upper end of a range (3-5个 → 5), else null.")
    unit: str = Field(description="Unit code: CNY, %, pp, m, m2, km, km2, mu, ha, jin, kg, t, 分, or the "
                                  "measure word / counted noun in simplified script (个 名 家 户 村 …).")
    unit_text: str = Field(description="The unit or measure word exactly as written in the original text.")
    qualifier: Qualifier = Field(description="exact, over, at_least, about, nearly, under or at_most.")
    lower: float | None = Field(default=None, description="Lower bound implied by value and qualifier.")
    upper: float | None = Field(default=None, description="Upper bound implied by value and qualifier.")
    kind: Kind = Field(description="money, count, percent, pp, measure, score or duration.")
    object: str | None = Field(default=None, description="What the number measures or counts (党员, 总投资).")
    entity: EntityRef | None = Field(default=None, description="The entity the metric belongs to, or null.")
    change: Change | None = Field(default=None, description="increase/decrease for a stated difference or "
                                                            "rate of change, else null.")

    @field_validator("value", "value_max", "lower", "upper")
    @classmethod
    def _finite(cls, v: float | None) -> float | None:
        if v is not None and not math.isfinite(v):
            raise ValueError("metric values must be finite")
        return v


class Extraction(BaseModel):
    """Everything extracted from one text."""

    model_config = ConfigDict(frozen=True)

    doc_id: str | None = Field(default=None, description="Caller-supplied identifier of the document.")
    text_length: int = Field(default=0, ge=0, description="Length of the original text in characters.")
    metrics: list[Metric] = Field(default_factory=list, description="Metrics in order of their offsets.")
