"""The public contract: pydantic records produced by :func:`dangjian_extract.extract`.

Field names are fixed — other ETL jobs and scorers read them. Every ``start``/``end`` pair indexes the
ORIGINAL text passed to ``extract`` (Python string indices, end exclusive), and ``text`` always equals
``original[start:end]``.
"""

from __future__ import annotations

import json
import math
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator
from pydantic_core import PydanticSerializationError
from typing_extensions import Self

if TYPE_CHECKING:
    import pandas

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
Basis = Literal["yoy", "mom"]
Status = Literal["achieved", "planned"]
#: which rule of guide §4 chose a metric's entity (see Metric.entity_rule)
EntityRule = Literal["name", "national", "sentence", "speaker", "subset", "source", "passage", "owner", "story",
                     "step_back", "report"]


class _Record(BaseModel):
    """Base of the public records: JSON also for text holding lone surrogates.

    A str from bytes decoded with ``errors="surrogateescape"`` can hold lone surrogates, which UTF-8 cannot
    encode and pydantic's JSON writer and parser refuse. JSON can escape them (``\\ud800``), so both
    directions fall back to the standard library for exactly that case; other errors are raised as usual.
    """

    def model_dump_json(self, **kwargs: Any) -> str:
        try:
            return super().model_dump_json(**kwargs)
        except PydanticSerializationError:
            indent = kwargs.pop("indent", None)
            kwargs.pop("ensure_ascii", None)
            kwargs.pop("fallback", None)
            return json.dumps(self.model_dump(mode="json", **kwargs), indent=indent)

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Self:
        try:
            return super().model_validate_json(json_data, **kwargs)
        except ValidationError as err:
            if not any(e["type"] == "json_invalid" for e in err.errors()):
                raise
            try:
                data = json.loads(json_data)
            except ValueError:
                raise err from None
            return cls.model_validate(data, **kwargs)


def _path_field() -> Any:
    return Field(default=None, description="For a place the national gazetteer holds: the official names from the "
                                           "province down to this place, as far as the text and the gazetteer "
                                           "determine them (陕西省, 咸阳市, 乾县); null for bodies and for names the "
                                           "gazetteer lacks.")


def _code_field() -> Any:
    return Field(default=None, description="The administrative division code of the place, only when the name "
                                           "resolves to one gazetteer entry that has a code (never a guess); else "
                                           "null.")


class EntityRef(_Record):
    """The place, body, project or enterprise a metric belongs to."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(description="Name as written, simplified script, with its type suffix (光明路街道).")
    type: EntityType = Field(description="Entity type from the metrics guide.")
    start: int | None = Field(default=None, description="Start offset of the mention in the original text.")
    end: int | None = Field(default=None, description="End offset (exclusive) of the mention.")
    parent: str | None = Field(default=None, description="Enclosing entity named in the text, if any.")
    path: tuple[str, ...] | None = _path_field()
    code: str | None = _code_field()


class EntityMention(_Record):
    """One mention of a place or body in the text (``Extraction.entities``)."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(description="Name in simplified script with its type suffix; for a back-reference "
                                  "(该村, 本村) the name of the entity it refers to.")
    type: EntityType = Field(description="Entity type from the metrics guide.")
    start: int = Field(ge=0, description="Start offset of the mention in the original text.")
    end: int = Field(ge=0, description="End offset (exclusive) of the mention in the original text.")
    text: str = Field(description="Exactly original[start:end].")
    parent: str | None = Field(default=None, description="Enclosing entity written right before it "
                                                         "(市中区光明路街道 → 市中区), if any.")
    back_reference: bool = Field(default=False, description="True for 该村/本村-style words that refer "
                                                            "back to the last named entity of the type.")
    path: tuple[str, ...] | None = _path_field()
    code: str | None = _code_field()


class Period(_Record):
    """The time scope that governs a metric (今年以来, 1-7月份, 截至11月份, 2024年, 目前)."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="Exactly original[start:end].")
    start: int = Field(ge=0, description="Start offset of the time expression in the original text.")
    end: int = Field(ge=0, description="End offset (exclusive) of the time expression.")
    from_date: date | None = Field(default=None, description="First day covered, when it can be resolved "
                                                             "(relative expressions need reference_date).")
    to_date: date | None = Field(default=None, description="Last day covered, when it can be resolved.")


class TextSpan(_Record):
    """A stretch of the original text, by offsets."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0, description="Start offset into the original text.")
    end: int = Field(ge=0, description="End offset (exclusive) into the original text.")


class Metric(_Record):
    """One stated quantity: its exact source span, normalised value and unit, and what it is about."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0, description="Start offset into the original text.")
    end: int = Field(ge=0, description="End offset (exclusive) into the original text.")
    text: str = Field(description="Exactly original[start:end]: number, multiplier, inner 余/多 and unit.")
    value: float = Field(description="The number as a plain decimal (15亿元 → 1500000000; 18.5% → 18.5).")
    value_max: float | None = Field(default=None, description="Upper end of a range (3-5个 → 5), else null.")
    unit: str = Field(description="Unit code: CNY, %, ‰, pp, m, m2, m3, km, km2, mu, ha, jin, kg, t, kW, kWh, MW, "
                                  "MWh, GW, GWh, 分, or the measure word / counted noun in simplified script "
                                  "(个 名 家 户 村 …).")
    unit_text: str = Field(description="The unit or measure word exactly as written in the original text.")
    qualifier: Qualifier = Field(description="exact, over, at_least, about, nearly, under or at_most.")
    lower: float | None = Field(default=None, description="Lower bound implied by value and qualifier.")
    upper: float | None = Field(default=None, description="Upper bound implied by value and qualifier.")
    kind: Kind = Field(description="money, count, percent, pp, measure, score or duration.")
    object: str | None = Field(default=None, description="What the number measures or counts (党员, 总投资).")
    entity: EntityRef | None = Field(default=None, description="The entity the metric belongs to, or null.")
    change: Change | None = Field(default=None, description="increase/decrease for a stated difference or "
                                                            "rate of change, else null.")
    basis: Basis | None = Field(default=None, description="What a change is measured against: yoy (同比, "
                                                          "较去年), mom (环比), or null.")
    period: Period | None = Field(default=None, description="The time scope that governs the metric.")
    status: Status = Field(default="achieved", description="achieved, or planned for a target or forecast "
                                                            "(预计, 计划, 力争, 到年底…将).")
    category: str | None = Field(default=None, description="Category id from the metric taxonomy "
                                                           "(data/categories.json; docs/taxonomy.md).")
    sentence: TextSpan | None = Field(default=None, description="The sentence the metric stands in.")
    entity_rule: EntityRule | None = Field(
        default=None, description="Which rule chose the entity (guide §4): name (the figure is written inside the "
        "entity's name or counts its people), national (a national figure: no entity), sentence (the subject of the "
        "figure's own sentence or clause), speaker (a quoted speaker's place or body), subset (part of what the "
        "sentence counted before), source (the place of a body giving the figures), passage (the place or body the "
        "passage is about), owner (the story's place that owns the object, 村集体经济), story (a subheading's or a "
        "recurrent story), step_back (全市, 我县: the report's place of that level), report (the report's subject, "
        "nothing else deciding). Null for a metric no rule read.")

    @field_validator("value", "value_max", "lower", "upper")
    @classmethod
    def _finite(cls, v: float | None) -> float | None:
        if v is not None and not math.isfinite(v):
            raise ValueError("metric values must be finite")
        return v


class Section(_Record):
    """One report on the page: its headline, byline and subject (the fallback entity of its metrics)."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0, description="Start offset of the section (its headline) in the original text.")
    end: int = Field(ge=0, description="End offset (exclusive) of the section.")
    headline: str | None = Field(default=None, description="The headline lines, joined by newlines.")
    byline: str | None = Field(default=None, description="The byline (记者…, 通讯员…, 本报讯…), if any.")
    subject: EntityRef | None = Field(default=None, description="The place or body the report is about.")


class Extraction(_Record):
    """Everything extracted from one text."""

    model_config = ConfigDict(frozen=True)

    doc_id: str | None = Field(default=None, description="Caller-supplied identifier of the document.")
    text_length: int = Field(default=0, ge=0, description="Length of the original text in characters.")
    metrics: list[Metric] = Field(default_factory=list, description="Metrics in order of their offsets.")
    entities: list[EntityMention] = Field(default_factory=list, description="Every mention of a place or "
                                                                             "body, in order of offsets.")
    sections: list[Section] = Field(default_factory=list, description="The reports on the page, each under "
                                                                       "its own headline, in order.")
    reference_date: date | None = Field(default=None, description="The date relative periods (今年以来, 去年) "
                                        "were resolved against: the caller's, or the one the page prints.")
    reference_date_source: Literal["given", "page", "none"] = Field(
        default="none", description="Where reference_date came from: given by the caller, read from the page "
                                    "(reference_date='auto': byline, dateline, 来源/发布时间 line), or none.")

    # the text the records index, kept for the notebook view only: not a field, so not in JSON or the schema
    _text: str | None = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        # equal when the fields are equal, whether or not the text came along (it is lost in JSON)
        if not isinstance(other, Extraction):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = BaseModel.__hash__

    def by_entity(self) -> dict[str | None, list[Metric]]:
        """Metrics grouped by the name of the entity they belong to (None: no entity), in text order."""
        groups: dict[str | None, list[Metric]] = {}
        for metric in self.metrics:
            groups.setdefault(metric.entity.name if metric.entity else None, []).append(metric)
        return groups

    def to_dataframe(self) -> pandas.DataFrame:
        """One row per metric with flat columns (see :data:`dangjian_extract.frames.COLUMNS`); needs pandas."""
        from .frames import to_dataframe

        return to_dataframe([self])

    def _repr_html_(self) -> str:
        # Jupyter's rich display: the text with metrics and entity mentions highlighted
        from .display import render_html

        return render_html(self)
