"""The notebook view (display.render_html / Extraction._repr_html_): well-formed, faithful to the text, escaped."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dangjian_extract import EntityMention, Extraction, Metric, extract
from dangjian_extract.display import KIND_COLOURS, render_html

SEEDS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "seeds").glob("*.txt"))
SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "000_615813358111a067.txt"
HAND = "东山阴村建成3-5个示范点，总投资达到15亿元，预计年底完成投资5亿元。该村群众100余人。"


@dataclass
class Parsed:
    """What the checker saw: tag errors, the text content, and per metric / mention its pieces and attributes."""

    errors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)  # character data inside the text block
    metric_text: dict[int, list[str]] = field(default_factory=dict)
    metric_attrs: dict[int, list[dict[str, str | None]]] = field(default_factory=dict)
    entity_text: dict[int, list[str]] = field(default_factory=dict)
    entity_attrs: dict[int, list[dict[str, str | None]]] = field(default_factory=dict)
    cells: list[str] = field(default_factory=list)  # <td> contents of the fallback table


class _Checker(HTMLParser):
    """Balances tags with a stack and records which metric / mention elements enclose each piece of text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Parsed()
        self.stack: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.out.tags.append(tag)
        self.stack.append((tag, a))
        if "data-metric" in a:
            self.out.metric_attrs.setdefault(int(a["data-metric"] or -1), []).append(a)
        if "data-entity" in a:
            self.out.entity_attrs.setdefault(int(a["data-entity"] or -1), []).append(a)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.out.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        classes = [(a.get("class") or "") for _, a in self.stack]
        if any("dangjian-text" in c for c in classes):
            self.out.text.append(data)
        if self.stack and self.stack[-1][0] == "td":
            self.out.cells.append(data)
        for _, a in self.stack:
            if "data-metric" in a:
                self.out.metric_text.setdefault(int(a["data-metric"] or -1), []).append(data)
            if "data-entity" in a:
                self.out.entity_text.setdefault(int(a["data-entity"] or -1), []).append(data)


def parse(fragment: str) -> Parsed:
    checker = _Checker()
    checker.feed(fragment)
    checker.close()
    if checker.stack:
        checker.out.errors.append(f"unclosed: {[t for t, _ in checker.stack]}")
    return checker.out


def with_text(text: str, metrics: list[Metric], entities: list[EntityMention]) -> Extraction:
    """A hand-built Extraction carrying its text, as extract() returns it."""
    result = Extraction(doc_id="hand", text_length=len(text), metrics=metrics, entities=entities)
    result._text = text
    return result


def metric(text: str, sub: str, start: int | None = None, **fields: object) -> Metric:
    start = text.index(sub) if start is None else start
    values: dict[str, object] = {"value": 1.0, "unit": "个", "unit_text": "个", "qualifier": "exact", "kind": "count"}
    values.update(fields)
    return Metric(start=start, end=start + len(sub), text=sub, **values)  # type: ignore[arg-type]


def mention(text: str, sub: str, start: int | None = None, **fields: object) -> EntityMention:
    start = text.index(sub) if start is None else start
    values: dict[str, object] = {"name": sub, "type": "project"}
    values.update(fields)
    return EntityMention(start=start, end=start + len(sub), text=sub, **values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def seed() -> tuple[str, Extraction]:
    text = SEED.read_text(encoding="utf-8")
    return text, extract(text, doc_id=SEED.stem, reference_date=date(2024, 6, 30))


def test_every_metric_of_a_report_is_highlighted_with_its_fields(seed: tuple[str, Extraction]) -> None:
    text, result = seed
    assert len(result.metrics) > 20
    out = parse(render_html(result))
    assert out.errors == []
    assert sorted(out.metric_text) == list(range(len(result.metrics)))
    for i, m in enumerate(result.metrics):
        # the pieces of a (possibly split) element spell the metric exactly; every piece carries the same tooltip
        assert "".join(out.metric_text[i]) == m.text == text[m.start:m.end]
        titles = {a["title"] for a in out.metric_attrs[i]}
        assert len(titles) == 1
        title = titles.pop() or ""
        assert f"unit: {m.unit}" in title
        assert f"object: {m.object or '—'}" in title
        assert f"qualifier: {m.qualifier}" in title
        if m.entity:
            assert f"entity: {m.entity.name} ({m.entity.type}" in title
            assert f" · rule: {m.entity_rule}" in title  # which rule chose it, for a reader who doubts it
        if m.period:
            assert f"period: {m.period.text}" in title
        for attrs in out.metric_attrs[i]:
            assert attrs["data-kind"] == m.kind
            assert f"background:{KIND_COLOURS[m.kind]}" in (attrs["style"] or "")


def test_every_mention_of_a_report_is_marked(seed: tuple[str, Extraction]) -> None:
    _, result = seed
    out = parse(render_html(result))
    assert sorted(out.entity_text) == list(range(len(result.entities)))
    for i, e in enumerate(result.entities):
        assert "".join(out.entity_text[i]) == e.text
        for attrs in out.entity_attrs[i]:
            assert f"entity: {e.name} ({e.type})" in (attrs["title"] or "")
            assert "border-bottom" in (attrs["style"] or "")
            if e.parent:
                assert f"parent: {e.parent}" in (attrs["title"] or "")


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_every_seed_renders_well_formed_and_keeps_the_whole_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    result = extract(text, doc_id=path.stem)
    fragment = result._repr_html_()
    out = parse(fragment)
    assert out.errors == []
    assert "".join(out.text) == text  # nothing lost, duplicated or left escaped; newlines kept as they are
    assert "white-space:pre-wrap" in fragment
    assert f"{len(result.metrics)} metric" in fragment and f"{len(result.entities)} entit" in fragment
    assert "<script" not in fragment and "<style" not in fragment and "src=" not in fragment


def test_header_and_legend() -> None:
    result = extract(HAND, doc_id="doc-7")
    fragment = render_html(result)
    # 3-5个, 15亿元, 5亿元, 100余人; mentions 东山阴村 and 该村
    assert f"doc-7 · 4 metrics · 2 entities · 1 section · {len(HAND)} characters" in fragment
    legend = fragment.split('class="dangjian-text"')[0]
    for kind, colour in KIND_COLOURS.items():  # every kind in the legend, in its colour, with its count
        count = {"money": 2, "count": 2}.get(kind, 0)
        assert f'<span style="background:{colour};' in legend and f">{kind} {count}</span>" in legend
    assert "entity mention" in legend and "planned" in legend


def test_values_are_readable_and_ranges_show_their_upper_end() -> None:
    result = extract(HAND)
    out = parse(render_html(result))
    titles = {m.text: out.metric_attrs[i][0]["title"] or "" for i, m in enumerate(result.metrics)}
    assert "value: 1,500,000,000 (15亿)" in titles["15亿元"]
    assert "unit: CNY (written 元)" in titles["15亿元"]
    assert "value: 3 – 5" in titles["3-5个"]
    assert "qualifier: over" in titles["100余人"]


def test_planned_metrics_are_outlined() -> None:
    result = extract(HAND)
    out = parse(render_html(result))
    styles = {m.text: (m.status, out.metric_attrs[i][0]["style"] or "") for i, m in enumerate(result.metrics)}
    assert styles["5亿元"][0] == "planned" and "dashed" in styles["5亿元"][1]
    assert styles["15亿元"][0] == "achieved" and "dashed" not in styles["15亿元"][1]


def test_markup_in_text_doc_id_and_fields_is_escaped() -> None:
    text = "党员<script>alert('x')</script>共有40名 & 群众100余人，A&B<b>项目"
    result = extract(text, doc_id="<i>id</i>")
    fragment = render_html(result)
    out = parse(fragment)
    assert out.errors == []
    assert "script" not in out.tags and "b" not in out.tags and "i" not in out.tags
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in fragment
    assert "A&amp;B&lt;b&gt;" in fragment and "&lt;i&gt;id&lt;/i&gt;" in fragment
    assert "".join(out.text) == text
    assert [m.text for m in result.metrics] == ["40名", "100余人"]

    # quotes and angle brackets inside a field stay inside the title attribute
    tricky = metric("共3个", "3个", object='"><b>x</b>', kind="count")
    out = parse(render_html(with_text("共3个", [tricky], [])))
    assert out.errors == [] and "b" not in out.tags
    assert 'object: "><b>x</b>' in (out.metric_attrs[0][0]["title"] or "")


def test_crossing_metric_and_mention_are_split_not_interleaved() -> None:
    # the shape seen in a real report: a project name that starts inside the number (8千万支 / 千万支…项目)
    text = "年产8千万支奶酪棒生产线项目等6个项目落地"
    m = metric(text, "8千万支", unit="支", unit_text="支", object="奶酪棒")
    e = mention(text, "千万支奶酪棒生产线项目")
    out = parse(render_html(with_text(text, [m, metric(text, "6个")], [e])))
    assert out.errors == []
    assert "".join(out.metric_text[0]) == "8千万支" and "".join(out.entity_text[0]) == "千万支奶酪棒生产线项目"
    # the metric opens first and encloses the mention's start; the mention is closed and reopened around 支|奶
    assert out.metric_text[0] == ["8", "千万支"] and len(out.metric_attrs[0]) == 1
    assert out.entity_text[0] == ["千万支", "奶酪棒生产线项目"]
    assert len(out.entity_attrs[0]) == 2 and out.entity_attrs[0][0] == out.entity_attrs[0][1]
    assert "".join(out.text) == text


def test_nested_overlapping_and_coinciding_spans() -> None:
    text = "市中区光明路街道东山阴村党员40名"
    district = mention(text, "市中区光明路街道", type="subdistrict", name="光明路街道", parent="市中区")
    inner = mention(text, "光明路街道", type="subdistrict")
    crossing = mention(text, "街道东山阴村", type="village")  # overlaps both of the above
    same = mention(text, "40名", type="organisation")  # exactly the metric's extent
    m = metric(text, "40名", unit="名", unit_text="名", object="党员")
    wide = metric(text, "东山阴村党员40名", object="党员")  # a metric enclosing a mention and another metric
    result = with_text(text, [wide, m], [district, inner, crossing, same])
    fragment = render_html(result)
    out = parse(fragment)
    assert out.errors == []
    assert "".join(out.text) == text
    for i, e in enumerate(result.entities):
        assert "".join(out.entity_text[i]) == e.text
    for i, x in enumerate(result.metrics):
        assert "".join(out.metric_text[i]) == x.text
    assert "parent: 市中区" in (out.entity_attrs[0][0]["title"] or "")
    # equal extents: the mention encloses the metric, so the metric's background is the innermost style
    before_metric = fragment.split('data-metric="1"')[0]
    assert before_metric.endswith('title="entity: 40名 (organisation)"><span class="dangjian-metric" ')


def test_properly_nested_spans_are_not_split() -> None:
    # spans sharing a start: the longer must open first, else it would be closed and reopened needlessly
    text = "东山阴村党员40名，光明路街道"
    wide = metric(text, "东山阴村党员40名", object="党员")
    village = mention(text, "东山阴村", type="village")
    street = mention(text, "光明路街道", type="subdistrict")
    narrow = metric(text, "光明路", object="x")
    fragment = render_html(with_text(text, [wide, narrow], [village, street]))
    out = parse(fragment)
    assert out.errors == []
    assert len(out.metric_attrs[0]) == 1 and len(out.entity_attrs[0]) == 1
    assert len(out.metric_attrs[1]) == 1 and len(out.entity_attrs[1]) == 1
    assert fragment.count("</span>") - fragment.split('class="dangjian-text"')[0].count("</span>") == 4


def test_out_of_range_and_empty_spans_are_ignored() -> None:
    text = "共3个"
    beyond = Metric(start=1, end=9, text="3个", value=3, unit="个", unit_text="个", qualifier="exact", kind="count")
    empty = EntityMention(start=1, end=1, text="", name="x", type="place")
    out = parse(render_html(with_text(text, [beyond], [empty])))
    assert out.errors == [] and "".join(out.text) == text
    assert out.metric_text[0] == ["3个"] and out.entity_attrs == {}


def test_json_round_trip_falls_back_to_a_table(seed: tuple[str, Extraction]) -> None:
    _, result = seed
    rebuilt = Extraction.model_validate_json(result.model_dump_json())
    assert rebuilt == result and rebuilt._text is None
    fragment = rebuilt._repr_html_()
    out = parse(fragment)
    assert out.errors == []
    assert "<table" in fragment and "not available" in fragment
    assert out.metric_attrs == {} and out.text == []
    assert out.tags.count("tr") == len(result.metrics) + 1
    cells = set(out.cells)
    for m in result.metrics:
        assert m.text in cells and m.unit in cells and m.kind in cells
        if m.object:
            assert m.object in cells
    assert "<table" not in result._repr_html_()  # the original, with its text, is highlighted instead


def test_table_fallback_without_metrics_and_escaped() -> None:
    rebuilt = Extraction.model_validate_json(extract("没有数字。", doc_id="a&b").model_dump_json())
    fragment = render_html(rebuilt)
    assert parse(fragment).errors == []
    assert "no metrics" in fragment and "a&amp;b" in fragment


@pytest.mark.parametrize("text", ["", "  \n\n "])
def test_empty_text_gives_a_valid_fragment(text: str) -> None:
    result = extract(text)
    fragment = render_html(result)
    out = parse(fragment)
    assert out.errors == []
    assert "0 metrics · 0 entities · 0 sections" in fragment
    assert "".join(out.text) == text
    assert fragment.startswith("<div") and fragment.endswith("</div>")


def test_long_text_is_rendered_in_full() -> None:
    # many short spans over a long text: every one is rendered and the text survives whole
    unit = "第X村新建3个项目，"
    text = unit * 5000
    step = len(unit)
    metrics = [metric(text, "3个", start=i * step + 5) for i in range(5000)]
    mentions = [mention(text, "X村新建", start=i * step + 1, type="village") for i in range(5000)]
    out = parse(render_html(with_text(text, metrics, mentions)))
    assert out.errors == []
    assert "".join(out.text) == text
    assert len(out.metric_text) == 5000 and all("".join(v) == "3个" for v in out.metric_text.values())
    assert len(out.entity_text) == 5000


def test_anchor_prefix_gives_each_metric_one_id_also_when_split(seed: tuple[str, Extraction]) -> None:
    text = "年产8千万支奶酪棒生产线项目等6个项目落地"
    # 项目等6个 starts inside the mention and ends after it: closed and reopened at the mention's end
    crossing = metric(text, "项目等6个", object="x")
    m = metric(text, "8千万支", unit="支", unit_text="支", object="奶酪棒")
    e = mention(text, "千万支奶酪棒生产线项目")
    result = with_text(text, [m, crossing, metric(text, "6个")], [e])
    out = parse(render_html(result, anchor_prefix="r7-"))
    assert out.errors == []
    ids = [a["id"] for attrs in out.metric_attrs.values() for a in attrs if "id" in a]
    assert sorted(ids) == ["r7-m0", "r7-m1", "r7-m2"]  # one each, though some metrics come in pieces
    assert out.metric_text[1] == ["项目", "等", "6个"] and len(out.metric_attrs[1]) == 2
    assert "id=" not in render_html(result)  # the notebook view keeps no ids

    _, real = seed
    rebuilt = Extraction.model_validate_json(real.model_dump_json())
    table = render_html(rebuilt, anchor_prefix="x_")
    assert [f'id="x_m{i}"' in table for i in range(len(real.metrics))] == [True] * len(real.metrics)
    with pytest.raises(ValueError, match="anchor_prefix"):
        render_html(real, anchor_prefix='"><script>')
