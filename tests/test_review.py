"""The review page (dangjian_extract.review): one self-contained, well-formed, escaped HTML file for a corpus."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dangjian_extract import Extraction, extract, extract_many
from dangjian_extract.review import NONE_VALUE, review_html, write_review

ROOT = Path(__file__).resolve().parents[1]
DEV = sorted((ROOT / "fixtures" / "dev").glob("*.txt"))
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
_VOID = {"meta", "link", "br", "hr", "img", "input", "wbr", "col"}


@dataclass
class Page:
    errors: list[str] = field(default_factory=list)
    tags: Counter[str] = field(default_factory=Counter)
    ids: Counter[str] = field(default_factory=Counter)
    id_text: dict[str, str] = field(default_factory=dict)  # text inside each element with an id
    rows: list[dict[str, str | None]] = field(default_factory=list)  # <tr> of the metrics table
    row_links: list[list[str]] = field(default_factory=list)  # hrefs inside each such row
    row_cells: list[list[str]] = field(default_factory=list)
    options: dict[str, list[str]] = field(default_factory=dict)  # select id -> option values
    chips: list[dict[str, str | None]] = field(default_factory=list)  # filter buttons in the filter bar
    summary_rows: list[list[str]] = field(default_factory=list)
    summary_head: list[str] = field(default_factory=list)
    sections: list[dict[str, str | None]] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)  # every href/src/action
    scripts: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.cell: list[str] | None = None

    def _inside(self, key: str, value: str) -> bool:
        return any(a.get(key) == value for _, a in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        p = self.page
        p.tags[tag] += 1
        for name in ("href", "src", "action", "srcset"):
            if a.get(name) is not None:
                p.urls.append(a[name] or "")
        if "id" in a:
            p.ids[a["id"] or ""] += 1
        if tag == "tr" and self._inside("id", "dj-metrics") and any(t == "tbody" for t, _ in self.stack):
            p.rows.append(a)
            p.row_links.append([])
            p.row_cells.append([])
        if tag == "tr" and self._inside("id", "dj-summary") and any(t == "tbody" for t, _ in self.stack):
            p.summary_rows.append([])
        if tag == "a" and p.rows and self.stack and self._inside("id", "dj-metrics") and "href" in a:
            p.row_links[-1].append(a["href"] or "")
        if tag == "option":
            select = next((b.get("id") for t, b in reversed(self.stack) if t == "select"), None)
            p.options.setdefault(select or "", []).append(a.get("value") or "")
        if tag == "button" and self._inside("id", "dj-filters") and "data-filter" in a:
            p.chips.append(a)
        if tag == "section":
            p.sections.append(a)
        if tag in ("td", "th"):
            self.cell = []
        if tag not in _VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.page.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        if tag in ("td", "th") and self.cell is not None:
            text = "".join(self.cell)
            if self._inside("id", "dj-metrics") and any(t == "tbody" for t, _ in self.stack):
                self.page.row_cells[-1].append(text)
            elif self._inside("id", "dj-summary"):
                (self.page.summary_rows[-1] if tag == "td" else self.page.summary_head).append(text)
            self.cell = None
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "script":
            self.page.scripts.append(data)
        for _, a in self.stack:
            if a.get("id"):
                self.page.id_text[a["id"] or ""] = self.page.id_text.get(a["id"] or "", "") + data
        if self.cell is not None:
            self.cell.append(data)


def read(page: str) -> Page:
    reader = _Reader()
    reader.feed(page)
    reader.close()
    if reader.stack:
        reader.page.errors.append(f"unclosed: {[t for t, _ in reader.stack]}")
    return reader.page


@pytest.fixture(scope="module")
def corpus() -> list[Extraction]:
    items = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in [*DEV, *SEEDS]]
    results = list(extract_many(items, reference_date="2024-06-30"))
    results.insert(2, extract("没有数字。", doc_id="no-metrics.txt"))
    return results


@pytest.fixture(scope="module")
def page(corpus: list[Extraction]) -> tuple[str, Page]:
    html = review_html(corpus)
    return html, read(html)


def _metrics(corpus: list[Extraction]) -> list[tuple[int, int, Extraction]]:
    return [(r, i, result) for r, result in enumerate(corpus) for i in range(len(result.metrics))]


def test_one_well_formed_self_contained_page(page: tuple[str, Page], corpus: list[Extraction]) -> None:
    html, p = page
    assert html.startswith("<!DOCTYPE html>") and p.errors == []
    assert p.tags["html"] == p.tags["head"] == p.tags["body"] == 1
    assert p.tags["script"] == 1 and p.tags["style"] == 1 and "src" not in html.split("<script", 1)[1][:20]
    # nothing to fetch: every link stays inside the page (the icon is an empty data: URL)
    assert all(url.startswith("#") or url == "data:," for url in p.urls), set(p.urls) - {"data:,"}
    assert "http://" not in html and "https://" not in html and "@import" not in html
    assert "default-src 'none'" in html  # the CSP forbids loading anything even if something slipped in
    assert [s.get("id") for s in p.sections] == [f"r{i}" for i in range(len(corpus))]


def test_one_row_per_metric_with_its_filter_data(page: tuple[str, Page], corpus: list[Extraction]) -> None:
    _, p = page
    metrics = _metrics(corpus)
    assert len(p.rows) == len(metrics) > 250
    for row, cells, (r, i, result) in zip(p.rows, p.row_cells, metrics, strict=True):
        m = result.metrics[i]
        assert row["data-kind"] == m.kind and row["data-report"] == str(r)
        assert row["data-category"] == (m.category or NONE_VALUE)
        assert row["data-entity"] == (m.entity.name if m.entity else NONE_VALUE)
        assert cells[0] == result.doc_id and cells[1] == m.text and cells[3] == m.unit and cells[4] == m.kind
        assert cells[5] == (m.object or "") and cells[10] == (m.category or "")


def test_filters_offer_exactly_the_values_in_the_rows(page: tuple[str, Page], corpus: list[Extraction]) -> None:
    _, p = page
    for name in ("kind", "category", "entity", "report"):
        values = p.options[f"dj-filter-{name}"]
        assert values[0] == ""  # "all"
        assert sorted(values[1:]) == sorted({row[f"data-{name}"] or "" for row in p.rows} |
                                            ({str(i) for i in range(len(corpus))} if name == "report" else set()))
    kinds = Counter(row["data-kind"] for row in p.rows)
    chips = {c["data-value"]: c for c in p.chips if c["data-filter"] == "kind"}
    assert set(chips) == set(kinds) and {"money", "count", "percent"} <= set(kinds)
    # the entity select lists the most frequent first; the kind chips are the legend's colours
    entities = Counter(row["data-entity"] for row in p.rows)
    assert p.options["dj-filter-entity"][1] == entities.most_common(1)[0][0]
    assert all("background:" in (c.get("style") or "") for c in chips.values())


def test_every_row_links_to_an_anchor_on_its_metric(page: tuple[str, Page], corpus: list[Extraction]) -> None:
    _, p = page
    assert all(count == 1 for count in p.ids.values()), [k for k, n in p.ids.items() if n > 1]
    for links, (r, i, result) in zip(p.row_links, _metrics(corpus), strict=True):
        assert links == [f"#r{r}", f"#r{r}-m{i}"]
        anchor = links[1][1:]
        assert p.ids[anchor] == 1 and p.ids[f"r{r}"] == 1
        # the anchored element is the metric itself, highlighted in its report's text
        # (a metric split around a crossing mention carries the id on its first piece)
        assert p.id_text[anchor] and result.metrics[i].text.startswith(p.id_text[anchor])


def test_per_entity_summary_counts_by_category(page: tuple[str, Page], corpus: list[Extraction]) -> None:
    _, p = page
    expected: dict[str, Counter[str]] = {}
    for result in corpus:
        for m in result.metrics:
            expected.setdefault(m.entity.name if m.entity else "(no entity)", Counter())[m.category or "—"] += 1
    categories = p.summary_head[3:]
    assert p.summary_head[:3] == ["entity", "type", "total"]
    got = {row[0]: Counter({c: int(n.replace(",", "")) for c, n in zip(categories, row[3:], strict=True) if n})
           for row in p.summary_rows}
    assert got == expected
    assert all(int(row[2].replace(",", "")) == sum(got[row[0]].values()) for row in p.summary_rows)
    totals = [int(row[2].replace(",", "")) for row in p.summary_rows]
    assert totals == sorted(totals, reverse=True)


def test_untrusted_text_and_fields_are_escaped(tmp_path: Path) -> None:
    hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    text = f"{hostile}\n<b>东山阴村</b>新增企业13家，总投资15亿元。</section></table>"
    result = extract(text, doc_id=f"{hostile}.txt")
    assert result.metrics
    forged = result.model_copy(update={"metrics": [result.metrics[0].model_copy(
        update={"object": hostile, "category": hostile, "kind": "count"})]})
    forged._text = text
    for html in (review_html([result, forged], title=hostile), review_html(Extraction.model_validate_json(
            result.model_dump_json()))):
        p = read(html)
        assert p.errors == []
        assert p.tags["script"] == 1 and p.tags["img"] == 0 and p.tags["b"] == 0
        assert "<script>alert" not in html and "onerror=alert(2)>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    p = read(review_html([result, forged], title=hostile))
    assert p.rows[-1]["data-category"] == hostile  # the attribute holds the value itself, once unescaped
    assert [cells[0] for cells in p.row_cells][-1] == hostile + ".txt"  # shown as text, exactly
    assert p.row_cells[-1][5] == hostile and p.id_text["r1"].endswith(text)


def test_reports_without_text_still_get_anchors() -> None:
    rebuilt = [Extraction.model_validate_json(extract(p.read_text(encoding="utf-8"), doc_id=p.name)
                                              .model_dump_json()) for p in SEEDS[:2]]
    p = read(review_html(rebuilt))
    assert p.errors == [] and len(p.rows) == sum(len(r.metrics) for r in rebuilt)
    for links in p.row_links:
        assert p.ids[links[1][1:]] == 1


def test_empty_corpus_and_write_review(tmp_path: Path, corpus: list[Extraction]) -> None:
    p = read(review_html([]))
    assert p.errors == [] and p.rows == [] and p.sections == []
    out = tmp_path / "review.html"
    assert write_review(corpus[:3], out) == sum(len(r.metrics) for r in corpus[:3])
    assert out.read_text(encoding="utf-8") == review_html(corpus[:3])
    with pytest.raises(TypeError, match="Extraction"):
        review_html(["text"])  # type: ignore[list-item]

