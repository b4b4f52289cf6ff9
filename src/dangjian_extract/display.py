"""Notebook view of an :class:`~dangjian_extract.models.Extraction`: the text with metrics and mentions highlighted.

:func:`render_html` returns a self-contained HTML fragment (inline ``style`` attributes only: no ``<style>``
block, no JavaScript, no external resources), so it survives notebook sanitisers such as GitHub's and nbviewer's.
``Extraction._repr_html_`` calls it.

Metrics get a background colour by ``kind``; entity mentions get an underline. Hovering shows a tooltip
(``title`` attribute) with the normalised fields. Metrics and mentions may nest or cross each other, so the
markup is built from boundary events: an element that would cross a closing tag is closed and reopened
around it, which keeps the HTML well-formed (a split element repeats its ``title`` and ``data-*`` attributes).

With ``anchor_prefix`` each metric's element (or its row in the fallback table) also gets ``id="{prefix}m{i}"``
(``i``: its index in ``Extraction.metrics``), on the first piece only, so a page holding many reports
(:mod:`dangjian_extract.review`) can link to every metric.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import EntityMention, Extraction, Metric

__all__ = ["KIND_COLOURS", "render_html"]

# presentation only: light backgrounds that keep dark text readable; order is the legend's order
KIND_COLOURS: dict[str, str] = {
    "money": "#ffc078",
    "count": "#8ce99a",
    "percent": "#74c0fc",
    "pp": "#b197fc",
    "measure": "#ffe066",
    "score": "#faa2c1",
    "duration": "#66d9e8",
}
_FALLBACK_COLOUR = "#ced4da"  # a kind added to the model later still gets highlighted
_ENTITY_COLOUR = "#7048e8"

_FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif"
_ROOT_STYLE = f"font-family:{_FONT};font-size:14px;color:#212529;background:#fff;padding:8px;"
# pre-wrap keeps the report's line breaks and blank lines; line-height leaves room for padding and underline
_TEXT_STYLE = ("white-space:pre-wrap;line-height:2;border:1px solid #dee2e6;border-radius:4px;padding:8px 10px;"
               "margin:0;overflow-wrap:anywhere;")
_METRIC_STYLE = "background:{colour};color:#212529;border-radius:3px;padding:1px 1px;"
_PLANNED_STYLE = "outline:1px dashed #495057;"  # targets/forecasts: flagged, never dropped, so show them
_ENTITY_STYLE = f"border-bottom:2px solid {_ENTITY_COLOUR};"
_BACKREF_STYLE = f"border-bottom:2px dotted {_ENTITY_COLOUR};"
_ANCHOR_PREFIX = re.compile(r"[A-Za-z0-9_-]*")  # ids go into attributes and URL fragments unescaped


@dataclass(frozen=True)
class _Span:
    """One element to lay over the text: where it runs and its opening tag (the closing tag is always </span>)."""

    start: int
    end: int
    rank: int  # on equal extents the lower rank goes outside (mention outside metric)
    open_tag: str
    reopen_tag: str  # the tag when it is reopened after a split: no id, which must stay unique


def render_html(extraction: Extraction, *, anchor_prefix: str | None = None) -> str:
    """The extraction as an HTML fragment: highlighted text, or a table of metrics when the text is gone.

    The text is kept only in memory (``Extraction._text``); an Extraction rebuilt from JSON has none, and
    then the metrics are listed in a table instead. ``anchor_prefix`` (letters, digits, ``-``, ``_``) gives
    metric ``i`` the id ``{anchor_prefix}m{i}``; without it the fragment has no ids.
    """
    if anchor_prefix is not None and not _ANCHOR_PREFIX.fullmatch(anchor_prefix):
        raise ValueError(f"anchor_prefix must be letters, digits, '-' or '_', got {anchor_prefix!r}")
    text: str | None = getattr(extraction, "_text", None)
    parts: list[str] = [f'<div class="dangjian-extraction" style="{_ROOT_STYLE}">', _header(extraction)]
    if text is None:
        parts.append(_table(extraction, anchor_prefix))
    else:
        parts.append(_legend(extraction))
        parts.append(f'<div class="dangjian-text" style="{_TEXT_STYLE}">')
        parts.extend(_marked_text(text, extraction, anchor_prefix))
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def _header(extraction: Extraction) -> str:
    doc = html.escape(extraction.doc_id) if extraction.doc_id is not None else "<i>no doc_id</i>"
    counts = " · ".join(_plural(len(items), noun) for items, noun in (
        (extraction.metrics, "metric"), (extraction.entities, "entity"), (extraction.sections, "section")))
    return (f'<div style="font-weight:bold;margin-bottom:4px;">{doc} · {counts} · '
            f"{_plural(extraction.text_length, 'character')}</div>")


def _plural(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    return f"{count} {noun[:-1] + 'ies' if noun.endswith('y') else noun + 's'}"


def _legend(extraction: Extraction) -> str:
    counts = Counter(m.kind for m in extraction.metrics)
    kinds = list(KIND_COLOURS) + sorted(k for k in counts if k not in KIND_COLOURS)
    items = [f'<span style="{_METRIC_STYLE.format(colour=_colour(k))}margin-right:6px;">'
             f"{html.escape(k)} {counts.get(k, 0)}</span>" for k in kinds]
    items.append(f'<span style="{_METRIC_STYLE.format(colour="#f1f3f5")}{_PLANNED_STYLE}margin-right:6px;">'
                 "planned</span>")
    items.append(f'<span style="{_ENTITY_STYLE}margin-right:6px;">entity mention</span>')
    items.append(f'<span style="{_BACKREF_STYLE}">back-reference (该村)</span>')
    return f'<div style="margin-bottom:6px;line-height:2;">{"".join(items)}</div>'


def _colour(kind: str) -> str:
    return KIND_COLOURS.get(kind, _FALLBACK_COLOUR)


def _marked_text(text: str, extraction: Extraction, anchor_prefix: str | None = None) -> list[str]:
    """Escaped text pieces and tags, in order, from a sweep over the span boundaries (linear in the text)."""
    n = len(text)
    spans: list[_Span] = []
    for i, mention in enumerate(extraction.entities):
        tag = _mention_tag(i, mention)
        spans.append(_Span(max(mention.start, 0), min(mention.end, n), 0, tag, tag))
    for i, metric in enumerate(extraction.metrics):
        anchor = f"{anchor_prefix}m{i}" if anchor_prefix is not None else None
        spans.append(_Span(max(metric.start, 0), min(metric.end, n), 1, _metric_tag(i, metric, anchor),
                           _metric_tag(i, metric)))
    spans = [s for s in spans if s.start < s.end]  # empty or out-of-range spans would only add empty tags

    starts: dict[int, list[_Span]] = {}
    for span in spans:
        starts.setdefault(span.start, []).append(span)
    for opening in starts.values():
        opening.sort(key=lambda s: (-s.end, s.rank))  # the longer span opens first, so it encloses the shorter
    boundaries = sorted({0, n} | {s.start for s in spans} | {s.end for s in spans})

    out: list[str] = []
    stack: list[_Span] = []
    for i, pos in enumerate(boundaries):
        # close every span ending here; spans opened after it are closed too and reopened, so nothing crosses
        lowest = next((k for k, s in enumerate(stack) if s.end == pos), None)
        if lowest is not None:
            popped = stack[lowest:]
            del stack[lowest:]
            out.append("</span>" * len(popped))
            for span in popped:
                if span.end != pos:
                    out.append(span.reopen_tag)
                    stack.append(span)
        for span in starts.get(pos, ()):
            out.append(span.open_tag)
            stack.append(span)
        if i + 1 < len(boundaries):
            out.append(html.escape(text[pos:boundaries[i + 1]]))
    return out


def _metric_tag(index: int, metric: Metric, anchor: str | None = None) -> str:
    style = _METRIC_STYLE.format(colour=_colour(metric.kind))
    if metric.status == "planned":
        style += _PLANNED_STYLE
    id_attr = f'id="{anchor}" ' if anchor is not None else ""
    return (f'<span {id_attr}class="dangjian-metric" data-metric="{index}" data-kind="{html.escape(metric.kind)}" '
            f'style="{style}" title="{html.escape(_metric_title(metric))}">')


def _mention_tag(index: int, mention: EntityMention) -> str:
    style = _BACKREF_STYLE if mention.back_reference else _ENTITY_STYLE
    lines = [f"entity: {mention.name} ({mention.type})"]
    if mention.parent:
        lines.append(f"parent: {mention.parent}")
    if mention.back_reference:
        lines.append("back-reference")
    return (f'<span class="dangjian-entity" data-entity="{index}" style="{style}" '
            f'title="{html.escape(chr(10).join(lines))}">')


def _metric_title(metric: Metric) -> str:
    """The tooltip: one field per line (browsers show the newlines of a title attribute)."""
    value = _number(metric.value)
    if metric.value_max is not None:
        value += f" – {_number(metric.value_max)}"
    unit = metric.unit if metric.unit_text in ("", metric.unit) else f"{metric.unit} (written {metric.unit_text})"
    lines = [f"{metric.text} · {metric.kind}", f"value: {value}", f"unit: {unit}",
             f"qualifier: {metric.qualifier}", f"object: {metric.object or '—'}", f"entity: {_entity(metric)}"
             + (f" · rule: {metric.entity_rule}" if metric.entity_rule else "")]
    if metric.change:
        lines.append(f"change: {metric.change}" + (f" ({metric.basis})" if metric.basis else ""))
    elif metric.basis:
        lines.append(f"basis: {metric.basis}")
    if metric.period:
        dates = ""
        if metric.period.from_date or metric.period.to_date:
            dates = f" [{metric.period.from_date or '?'} – {metric.period.to_date or '?'}]"
        lines.append(f"period: {metric.period.text}{dates}")
    lines.append(f"status: {metric.status}")
    lines.append(f"category: {metric.category or '—'}")
    return "\n".join(lines)


def _entity(metric: Metric) -> str:
    if metric.entity is None:
        return "—"
    parent = f", in {metric.entity.parent}" if metric.entity.parent else ""
    return f"{metric.entity.name} ({metric.entity.type}{parent})"


def _number(value: float) -> str:
    """Readable number: 1500000000 → '1,500,000,000 (15亿)', 18.5 → '18.5'."""
    if value == int(value) and abs(value) < 1e18:
        plain = f"{int(value):,}"
    else:
        plain = f"{value:,.4f}".rstrip("0").rstrip(".")
        if plain in ("0", "-0"):  # tiny fractions would vanish at four decimals
            plain = f"{value:g}"
    magnitude = abs(value)
    if magnitude >= 1e8:
        return f"{plain} ({value / 1e8:g}亿)"
    if magnitude >= 1e4:
        return f"{plain} ({value / 1e4:g}万)"
    return plain


def _table(extraction: Extraction, anchor_prefix: str | None = None) -> str:
    """Fallback for an Extraction rebuilt from JSON: the text is not in JSON, so list the metrics instead."""
    cell = "border:1px solid #dee2e6;padding:2px 6px;text-align:left;"
    head = "".join(f'<th style="{cell}background:#f1f3f5;">{h}</th>'
                   for h in ("#", "text", "value", "unit", "kind", "object", "entity"))
    rows = []
    for i, m in enumerate(extraction.metrics):
        value = _number(m.value) + (f" – {_number(m.value_max)}" if m.value_max is not None else "")
        cells = (str(i), m.text, value, m.unit, m.kind, m.object or "", _entity(m) if m.entity else "")
        kind_style = f"background:{_colour(m.kind)};"  # the kind cell in its highlight colour, as in the legend
        row_id = f' id="{anchor_prefix}m{i}"' if anchor_prefix is not None else ""
        rows.append(f"<tr{row_id}>" + "".join(
            f'<td style="{cell}{kind_style if j == 4 else ""}">{html.escape(c)}</td>' for j, c in enumerate(cells)
        ) + "</tr>")
    if not rows:
        rows.append(f'<tr><td style="{cell}" colspan="7"><i>no metrics</i></td></tr>')
    note = ('<div style="margin-bottom:4px;color:#868e96;"><i>The original text is not available (this Extraction '
            "was rebuilt from JSON), so the metrics are listed as a table.</i></div>")
    return (f'{note}<table style="border-collapse:collapse;font-size:13px;"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")
