"""A review page for a corpus: every metric of many reports in one self-contained HTML file.

:func:`write_review` (CLI ``--format html -o review.html``) and :func:`review_html` build one page with

- a table of all metrics (report, text, value, unit, kind, object, entity, period, change, status, category),
  filters by kind, category, entity and report: select boxes, and a click on a kind (in the legend or in a
  row), on an entity name or on a category count sets the filter; ``review.html?kind=money&entity=乾县`` opens
  with filters set;
- a per-entity summary: how many metrics each entity has in each category;
- each report's text with its metrics highlighted (:func:`dangjian_extract.display.render_html`, the notebook
  view), every table row linking to its metric there (anchor ``r{report}-m{metric}``).

The page needs nothing else: inline CSS and JavaScript, no fonts, images or scripts from anywhere, and a
Content-Security-Policy that forbids loading any. Report texts and every field are untrusted input, so all
of it is HTML-escaped; no data goes into the script.

Memory: the table rows and the report sections are written to temporary files as the reports arrive
(:class:`ReviewWriter`), so a large folder holds only per-entity and per-report counts, not its text.
"""

from __future__ import annotations

import html
import io
import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import IO, TextIO

from .display import KIND_COLOURS, _colour, _number, render_html
from .models import Extraction, Metric

__all__ = ["NONE_VALUE", "ReviewWriter", "review_html", "write_review"]

#: the filter value of metrics without an entity or category (no entity or category id can be this)
NONE_VALUE = "__none__"
_SPOOL_MEMORY = 4 << 20  # bytes a spool keeps in memory before it moves to a temporary file
_FILTERS = ("kind", "category", "entity", "report")
# what a click sets a filter with, in the table and the summary: a span acting as a button (thousands of real
# <button>s make showing and hiding rows many times slower); the page's script gives it the keyboard too
_ACTION = 'role="button" tabindex="0"'

_CSS = """
*{box-sizing:border-box}
body{margin:0;padding:12px 16px;font-family:'Noto Sans CJK SC','Source Han Sans SC','PingFang SC',
'Microsoft YaHei','WenQuanYi Micro Hei',sans-serif;font-size:14px;color:#212529;background:#f8f9fa}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:18px 0 6px}
.dj-stats{color:#495057;margin-bottom:8px}
.dj-bar{display:flex;flex-wrap:wrap;gap:6px 12px;align-items:center;background:#fff;border:1px solid #dee2e6;
border-radius:4px;padding:6px 8px;margin-bottom:6px}
.dj-bar label{color:#495057}.dj-bar select{max-width:16em;font:inherit}
.dj-chip{border:1px solid transparent;border-radius:3px;padding:1px 6px;margin:0 2px;cursor:pointer;font:inherit;
color:#212529}
.dj-chip.dj-on{border-color:#212529;box-shadow:0 0 0 1px #212529}
.dj-link{background:none;border:none;padding:0;font:inherit;color:#1c7ed6;cursor:pointer;text-align:left;
white-space:nowrap}
.dj-table .dj-chip{padding:0 5px}
.dj-scroll{max-height:62vh;overflow:auto;background:#fff;border:1px solid #dee2e6;border-radius:4px}
table.dj-table{border-collapse:collapse;width:100%;font-size:13px}
.dj-table th,.dj-table td{border-bottom:1px solid #e9ecef;padding:2px 6px;text-align:left;vertical-align:top}
.dj-table th{position:sticky;top:0;background:#f1f3f5;z-index:1}
.dj-table td.dj-num{text-align:right;white-space:nowrap}
/* fixed layout: column widths from the <col>s, so showing or hiding rows never re-measures every cell */
#dj-metrics{table-layout:fixed}#dj-metrics td{overflow-wrap:break-word}
.dj-table tbody tr:hover{background:#f1f3f5}
.dj-table a{color:#1c7ed6;text-decoration:none}.dj-table a:hover{text-decoration:underline}
.dj-muted{color:#868e96}
/* a report's text is laid out only when it comes near the screen: a big corpus opens fast */
.dj-report{margin:14px 0;scroll-margin-top:8px;content-visibility:auto;contain-intrinsic-size:auto 600px}
.dj-report-bar{font-size:12px;margin-bottom:2px}
.dangjian-metric:target,tr:target{outline:3px solid #e03131!important;outline-offset:1px}
"""

# Filtering only shows and hides rows that are already in the page; it reads the filters from the select
# boxes and the rows' data-* attributes, so no report data ever passes through the script.
_JS = """
(function () {
  "use strict";
  var table = document.getElementById("dj-metrics");
  var rows = table ? Array.prototype.slice.call(table.tBodies[0].rows) : [];
  var fields = ["kind", "category", "entity", "report"];
  var selects = {};
  fields.forEach(function (f) { selects[f] = document.getElementById("dj-filter-" + f); });
  var shown = document.getElementById("dj-shown");
  function apply() {
    var want = {}, count = 0;
    fields.forEach(function (f) { want[f] = selects[f].value; });
    rows.forEach(function (row) {
      var ok = fields.every(function (f) { return !want[f] || row.getAttribute("data-" + f) === want[f]; });
      row.hidden = !ok;
      if (ok) { count += 1; }
    });
    shown.textContent = String(count);
    // the bar's chips only: touching the thousands of chips in the rows would restyle the whole table
    document.querySelectorAll("#dj-filters .dj-chip[data-filter]").forEach(function (chip) {
      var on = want[chip.getAttribute("data-filter")] === chip.getAttribute("data-value");
      chip.classList.toggle("dj-on", on);
      chip.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }
  fields.forEach(function (f) { selects[f].addEventListener("change", apply); });
  function act(event) {
    var target = event.target.closest ? event.target.closest("[data-filter]") : null;
    if (!target) { return; }
    if (event.type === "keydown") {
      if (event.key !== "Enter" && event.key !== " ") { return; }
      event.preventDefault();
    }
    var f = target.getAttribute("data-filter"), value = target.getAttribute("data-value");
    if (!selects[f]) { return; }
    if (target.hasAttribute("data-also-category")) {  // a count in the summary: that entity and category
      selects[f].value = value;
      selects.category.value = target.getAttribute("data-also-category");
    } else {  // a second click on the same kind or entity lifts the filter
      selects[f].value = selects[f].value === value ? "" : value;
    }
    apply();
    if (target.closest("#dj-summary")) { table.scrollIntoView(); }
  }
  document.addEventListener("click", act);
  document.addEventListener("keydown", function (event) {
    if (event.target.getAttribute && event.target.getAttribute("role") === "button") { act(event); }
  });
  document.getElementById("dj-reset").addEventListener("click", function () {
    fields.forEach(function (f) { selects[f].value = ""; });
    apply();
  });
  // review.html?kind=money&entity=… opens with those filters set (a value the page does not offer is ignored)
  var query = new URLSearchParams(window.location.search);
  fields.forEach(function (f) {
    var value = query.get(f);
    if (value !== null && Array.prototype.some.call(selects[f].options, function (o) { return o.value === value; })) {
      selects[f].value = value;
    }
  });
  apply();
}());
"""


@lru_cache(maxsize=1)
def _category_labels() -> dict[str, str]:
    data = json.loads(resources.files("dangjian_extract").joinpath("data/categories.json").read_text("utf-8"))
    return {k: f"{v.get('en', k)} {v.get('zh', '')}".strip() for k, v in data.items()
            if not k.startswith("_") and isinstance(v, dict)}


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


class ReviewWriter:
    """Builds the review page from extractions as they come; :meth:`finish` writes it out.

    >>> review = ReviewWriter()                       # doctest: +SKIP
    >>> for result in extract_many(items):
    ...     review.write(result)
    >>> with open("review.html", "w", encoding="utf-8") as out:
    ...     review.finish(out)

    Each extraction should carry its text (as ``extract``/``extract_many`` return it); one rebuilt from JSON
    has none, and its report section lists its metrics in a table instead (the rows link there all the same).
    """

    def __init__(self, *, title: str = "dangjian-extract review") -> None:
        self.title = title
        self.reports = 0
        self.metrics = 0
        self.characters = 0
        self._kinds: Counter[str] = Counter()
        self._categories: Counter[str] = Counter()
        self._entities: Counter[str] = Counter()
        self._entity_types: dict[str, str] = {}
        self._by_entity: dict[str, Counter[str]] = {}
        self._report_options: list[str] = []
        self._rows: IO[str] = tempfile.SpooledTemporaryFile(_SPOOL_MEMORY, mode="w+", encoding="utf-8")
        self._texts: IO[str] = tempfile.SpooledTemporaryFile(_SPOOL_MEMORY, mode="w+", encoding="utf-8")
        self._finished = False

    def write(self, result: Extraction) -> None:
        """Add one report: its rows to the table, its highlighted text to the page."""
        if self._finished:
            raise ValueError("ReviewWriter.write() after finish()")
        if not isinstance(result, Extraction):
            raise TypeError(f"ReviewWriter.write() needs an Extraction, got {type(result).__name__}")
        index = self.reports
        self.reports += 1
        self.metrics += len(result.metrics)
        self.characters += result.text_length
        label = result.doc_id if result.doc_id is not None else f"report {index + 1}"
        self._report_options.append(
            f'<option value="{index}">{_e(label)} ({len(result.metrics)})</option>')
        for i, metric in enumerate(result.metrics):
            self._rows.write(self._row(index, label, i, metric))
        self._texts.write(f'<section class="dj-report" id="r{index}" data-report="{index}">'
                          '<div class="dj-report-bar"><a href="#dj-table">↑ metrics table</a></div>'
                          f"{render_html(result, anchor_prefix=f'r{index}-')}</section>\n")

    def _row(self, report: int, label: str, i: int, m: Metric) -> str:
        entity = m.entity.name if m.entity else None
        category = m.category
        self._kinds[m.kind] += 1
        self._categories[category or NONE_VALUE] += 1
        entity_key = entity or NONE_VALUE
        self._entities[entity_key] += 1
        if m.entity and entity_key not in self._entity_types:
            self._entity_types[entity_key] = m.entity.type
        self._by_entity.setdefault(entity_key, Counter())[category or NONE_VALUE] += 1
        value = _number(m.value) + (f" – {_number(m.value_max)}" if m.value_max is not None else "")
        period = m.period.text if m.period else ""
        if m.period and (m.period.from_date or m.period.to_date):
            period += f" [{m.period.from_date or '?'} – {m.period.to_date or '?'}]"
        entity_cell = (f'<span {_ACTION} class="dj-link" data-filter="entity" data-value="{_e(entity)}" '
                       f'title="{_e(m.entity.type)}: show only its metrics">{_e(entity)}</span>'
                       if m.entity else '<span class="dj-muted">—</span>')
        return (f'<tr data-kind="{_e(m.kind)}" data-category="{_e(category or NONE_VALUE)}" '
                f'data-entity="{_e(entity_key)}" data-report="{report}">'
                f'<td><a href="#r{report}">{_e(label)}</a></td>'
                f'<td><a href="#r{report}-m{i}" title="show it in the text">{_e(m.text)}</a></td>'
                f'<td class="dj-num">{_e(value)}</td><td>{_e(m.unit)}</td>'
                f'<td><span {_ACTION} class="dj-chip" data-filter="kind" data-value="{_e(m.kind)}" '
                f'style="background:{_colour(m.kind)}">{_e(m.kind)}</span></td>'
                f"<td>{_e(m.object)}</td><td>{entity_cell}</td><td>{_e(period)}</td>"
                f"<td>{_e(m.change)}</td><td>{_e(m.status)}</td><td>{_e(category)}</td></tr>\n")

    def finish(self, out: TextIO) -> None:
        """Write the whole page to ``out`` (a text stream) and release the temporary files."""
        if self._finished:
            raise ValueError("ReviewWriter.finish() called twice")
        self._finished = True
        try:
            out.write(self._head())
            out.write(self._filters())
            out.write(self._table_open())
            self._rows.seek(0)
            shutil.copyfileobj(self._rows, out)
            out.write(self._table_close())
            out.write(self._summary())
            out.write('<h2 id="dj-texts">Reports</h2>\n')
            self._texts.seek(0)
            shutil.copyfileobj(self._texts, out)
            out.write(f"<script>{_JS}</script>\n</body></html>\n")
        finally:
            self.close()

    def close(self) -> None:
        """Drop the temporary files (finish() does this itself)."""
        self._finished = True
        self._rows.close()
        self._texts.close()

    def __enter__(self) -> ReviewWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- the parts of the page -------------------------------------------------------------------------

    def _head(self) -> str:
        # default-src 'none': the page may load nothing at all; inline style and script are its own
        csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
        named = sum(1 for k in self._entities if k != NONE_VALUE)
        stats = (f"{self.reports:,} reports · {self.metrics:,} metrics · {named:,} entities · "
                 f"{self.characters:,} characters")
        return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
                f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
                '<meta name="viewport" content="width=device-width, initial-scale=1">'
                '<link rel="icon" href="data:,">'  # else the browser asks the file system for /favicon.ico
                f"<title>{_e(self.title)}</title><style>{_CSS}</style></head>\n<body>\n"
                f'<h1>{_e(self.title)}</h1><div class="dj-stats">{stats}</div>\n')

    def _filters(self) -> str:
        kinds = [k for k in KIND_COLOURS if k in self._kinds] + sorted(k for k in self._kinds if k not in KIND_COLOURS)
        chips = "".join(f'<button type="button" class="dj-chip" data-filter="kind" data-value="{_e(k)}" '
                        f'style="background:{_colour(k)}">{_e(k)} {self._kinds[k]:,}</button>' for k in kinds)
        labels = _category_labels()

        def category_label(c: str) -> str:
            return "(no category)" if c == NONE_VALUE else f"{c} — {labels[c]}" if c in labels else c

        def select(field: str, everything: str, options: list[str]) -> str:
            return (f'<label>{field} <select id="dj-filter-{field}" data-field="{field}">'
                    f'<option value="">{everything}</option>{"".join(options)}</select></label>')

        kind_opts = [f'<option value="{_e(k)}">{_e(k)} ({self._kinds[k]:,})</option>' for k in kinds]
        cat_opts = [f'<option value="{_e(c)}">{_e(category_label(c))} ({n:,})</option>'
                    for c, n in self._categories.most_common()]
        ent_opts = [f'<option value="{_e(k)}">{_e("(no entity)" if k == NONE_VALUE else k)} ({n:,})</option>'
                    for k, n in sorted(self._entities.items(), key=lambda kv: (-kv[1], kv[0]))]
        return ('<div class="dj-bar" id="dj-filters">'
                f'<span>kind {chips}</span>'
                f'{select("kind", "all kinds", kind_opts)}'
                f'{select("category", "all categories", cat_opts)}'
                f'{select("entity", "all entities", ent_opts)}'
                f'{select("report", "all reports", self._report_options)}'
                '<button type="button" id="dj-reset">show all</button>'
                f'<span><strong id="dj-shown">{self.metrics:,}</strong> of {self.metrics:,} metrics shown</span>'
                "</div>\n")

    def _table_open(self) -> str:
        columns = (("report", 15), ("text", 8), ("value", 11), ("unit", 4), ("kind", 6), ("object", 14),
                   ("entity", 11), ("period", 12), ("change", 5), ("status", 5), ("category", 9))  # % of the width
        cols = "".join(f'<col style="width:{w}%">' for _, w in columns)
        return ('<h2 id="dj-table">Metrics</h2><div class="dj-scroll"><table class="dj-table" id="dj-metrics">'
                f"<colgroup>{cols}</colgroup>"
                f"<thead><tr>{''.join(f'<th>{h}</th>' for h, _ in columns)}</tr></thead><tbody>\n")

    def _table_close(self) -> str:
        empty = '<p class="dj-muted">No metrics in these reports.</p>' if not self.metrics else ""
        return f"</tbody></table>{empty}</div>\n"

    def _summary(self) -> str:
        """Entities down, categories across: each cell counts one entity's metrics of one category."""
        categories = [c for c, _ in self._categories.most_common()]
        labels = _category_labels()
        head = "".join(f'<th title="{_e(labels.get(c, ""))}">{_e("—" if c == NONE_VALUE else c)}</th>'
                       for c in categories)
        rows = []
        for key, total in sorted(self._entities.items(), key=lambda kv: (-kv[1], kv[0])):
            counts = self._by_entity[key]
            name = ('<span class="dj-muted">(no entity)</span>' if key == NONE_VALUE else _e(key))
            cells = "".join(
                f'<td class="dj-num"><span {_ACTION} class="dj-link" data-filter="entity" '
                f'data-value="{_e(key)}" data-also-category="{_e(c)}">{counts[c]:,}</span></td>'
                if counts[c] else "<td></td>" for c in categories)
            rows.append(f'<tr><td><span {_ACTION} class="dj-link" data-filter="entity" data-value="{_e(key)}">'
                        f"{name}</span></td><td>{_e(self._entity_types.get(key, ''))}</td>"
                        f'<td class="dj-num">{total:,}</td>{cells}</tr>\n')
        return ('<h2 id="dj-summary-title">Metrics per entity and category</h2>'
                '<div class="dj-scroll" id="dj-summary"><table class="dj-table">'
                f"<thead><tr><th>entity</th><th>type</th><th>total</th>{head}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table></div>\n")


def review_html(results: Extraction | Iterable[Extraction], *, title: str = "dangjian-extract review") -> str:
    """The review page of these extractions as one HTML string (see the module's description)."""
    writer = ReviewWriter(title=title)
    for result in [results] if isinstance(results, Extraction) else results:
        writer.write(result)
    out = io.StringIO()
    writer.finish(out)
    return out.getvalue()


def write_review(results: Extraction | Iterable[Extraction], path: str | os.PathLike[str], *,
                 title: str = "dangjian-extract review") -> int:
    """Write the review page to ``path`` (UTF-8), streaming the reports; returns the number of metrics.

    The file is written only once every report has been read, so a failure midway leaves no half page.
    """
    with ReviewWriter(title=title) as writer:
        for result in [results] if isinstance(results, Extraction) else results:
            writer.write(result)
        with open(path, "w", encoding="utf-8") as out:
            writer.finish(out)
        return writer.metrics
