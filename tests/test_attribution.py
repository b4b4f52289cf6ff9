"""Entities, report sections, attribution (guide §4), objects, change basis and sentences on real text."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_extract import Extraction, extract
from dangjian_extract.components import attribution
from dangjian_extract.models import EntityMention


def _names(result: Extraction) -> list[tuple[str, str]]:
    return [(e.name, e.type) for e in result.entities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a parent chain: each member typed, the child knows its parent
        ("市中区光明路街道打造品牌。", [("市中区", "district"), ("光明路街道", "subdistrict")]),
        ("走进陕西省渭南市潼关县太要镇欧家城村，大棚让人耳目一新。",
         [("陕西省", "province"), ("渭南市", "district"), ("潼关县", "district"), ("太要镇", "subdistrict"),
          ("欧家城村", "village")]),
        # a suffix right after a place joins it: 刁镇 + 街道, 桃花山西区 + 社区
        ("刁镇街道成立重点项目指挥部。", [("刁镇街道", "subdistrict")]),
        ("桃花山西区社区依托党建共治体。", [("桃花山西区社区", "community")]),
        # the place before a park or body is part of its name
        ("刁镇化工产业园顺利通过复审。", [("刁镇化工产业园", "park")]),
        ("在兴泉镇党群服务中心，村民不到一刻钟就办完了事。", [("兴泉镇党群服务中心", "organisation")]),
        # a quoted name before its suffix
        ("“年产10万套新能源汽车电驱系统”项目完成投资6千万元。", [("年产10万套新能源汽车电驱系统项目", "project")]),
        ("陕西同州时荔合塑业有限公司实施项目。", [("陕西同州时荔合塑业有限公司", "enterprise")]),
        # generic words are not names
        ("明水街道城市社区大力推进院落党建。", [("明水街道", "subdistrict")]),
        ("小事不出院落，矛盾不出社区。", []),
        ("全市共有行政村1959个。", []),
        ("和平社区组建志愿服务队。", [("和平社区", "community")]),
    ],
)
def test_entity_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(extract(text)) == expected


def test_chain_parents_and_offsets() -> None:
    text = "近日，北京市石景山区八角街道八角南路社区在推行停车管理。"
    result = extract(text)
    assert [(e.name, e.parent) for e in result.entities] == [
        ("北京市", None), ("石景山区", "北京市"), ("八角街道", "石景山区"), ("八角南路社区", "八角街道")]
    for e in result.entities:
        assert text[e.start:e.end] == e.text


def test_back_references_resolve_to_the_last_named_entity() -> None:
    text = "东山阴村成立合作社。该村每天迎来游客100余人。全村收入12万元。村里还争取资金50万元。"
    result = extract(text)
    back = [e for e in result.entities if e.back_reference]
    assert [(e.text, e.name) for e in back] == [("该村", "东山阴村"), ("全村", "东山阴村"), ("村", "东山阴村")]
    assert {m.entity.name for m in result.metrics} == {"东山阴村"}


def test_traditional_script_names_are_simplified_with_original_offsets() -> None:
    text = "東城街道在開發區黨工委的領導下，建成充電端口6700余個。"
    result = extract(text)
    assert result.entities[0].name == "东城街道"
    assert result.entities[0].text == "東城街道"
    assert result.metrics[0].entity is not None and result.metrics[0].entity.name == "东城街道"


def test_two_reports_on_one_page_fixture_001(fixtures_dir) -> None:
    text = (fixtures_dir / "seeds" / "001_32eacd7bfa546bd8.txt").read_text(encoding="utf-8")
    result = extract(text)
    assert [s.subject.name for s in result.sections if s.subject] == ["明水街道", "刁镇街道"]
    first, second = result.sections
    assert first.byline is not None and "记者" in first.byline
    assert second.headline is not None and "刁镇街道" in second.headline
    assert first.end == second.start
    places = {"明水街道", "刁镇街道"}
    for metric in result.metrics:
        section = first if metric.start < second.start else second
        other = (places - {section.subject.name}).pop()
        assert metric.entity is not None and metric.entity.name != other, metric


def test_two_reports_on_one_page_fixture_004(fixtures_dir) -> None:
    text = (fixtures_dir / "seeds" / "004_a4014077b1ab688e.txt").read_text(encoding="utf-8")
    result = extract(text)
    assert [s.subject.name for s in result.sections if s.subject] == ["山大路街道", "彩石街道"]
    boundary = result.sections[1].start
    assert all(m.entity.name != "彩石街道" for m in result.metrics if m.start < boundary)
    assert all(m.entity.name != "山大路街道" for m in result.metrics if m.start >= boundary)


def test_section_subject_is_the_fallback_entity_with_its_offsets() -> None:
    # the body names no place before the figure: the headline's place is the fallback, with its offsets
    text = "咸阳市推进社区治理\n本报咸阳讯（通讯员 王一）\n着力解决好问题。截至8月底，已办结民生实事2573件。"
    result = extract(text)
    (section,) = result.sections
    assert section.subject is not None and section.subject.name == "咸阳市"
    metric = result.metrics[0]
    assert metric.entity == section.subject


@pytest.mark.parametrize(
    ("text", "metric_text", "entity"),
    [
        # the subject of the clause, not the body it acts on
        ("光明路街道持续深化活动。东山阴村成立“土生金”农业合作社，发展近郊游，每天迎来游客100余人。", "100余人",
         "东山阴村"),
        # a list item is not the subject
        ("光明路街道全力抓项目。宝煜商贸、枣庄桂园社区等11个项目顺利签约。", "11个", "光明路街道"),
        # the project the metric describes
        ("南湖智能制造产业园加快建设。其中，总投资3.85亿元的高精度伺服电机项目已开工建设。", "3.85亿元",
         "高精度伺服电机项目"),
        # a broader place does not replace the report's subject
        ("石景山区推进网格治理。北京市石景山区共有社区155个。", "155个", "石景山区"),
    ],
)
def test_attribution(text: str, metric_text: str, entity: str) -> None:
    (metric,) = [m for m in extract(text).metrics if m.text == metric_text]
    assert metric.entity is not None and metric.entity.name == entity


@pytest.mark.parametrize(
    ("text", "metric_text", "obj"),
    [
        ("成立75个院落党支部，激活神经末梢。", "75个", "院落党支部"),
        ("截止目前，院落党支部数量已达75个。", "75个", "院落党支部"),
        ("惠及群众10万余人。", "10万余人", "惠及群众"),
        ("村集体收入50余万元。", "50余万元", "村集体收入"),
        ("推选452名身体好、热心肠的退休党员担任对子。", "452名", "退休党员"),
        ("目前已组建1.3万余人的网格员队伍。", "1.3万余人", "网格员队伍"),
        ("去年社区集体就有68万元收入。", "68万元", "收入"),
        ("基层报表从8610张压减至278张。", "278张", "基层报表"),
        ("实现工业产值20.27亿元，同比增长10.1%。", "10.1%", "工业产值"),
        ("全区共有206栋楼、8297户。", "8297户", "户"),
    ],
)
def test_object(text: str, metric_text: str, obj: str) -> None:
    (metric,) = [m for m in extract(text).metrics if m.text == metric_text]
    assert metric.object == obj


@pytest.mark.parametrize(
    ("text", "change", "basis"),
    [
        ("限上贸易销售总额同比增长18.5%。", "increase", "yoy"),
        ("退件率环比下降75%。", "decrease", "mom"),
        ("村集体收入较去年增加12万元。", "increase", "yoy"),
        ("新增规模以上企业13家。", "increase", None),
        ("投诉降至700余件。", None, None),
    ],
)
def test_change_basis(text: str, change: str | None, basis: str | None) -> None:
    metric = extract(text).metrics[-1]
    assert (metric.change, metric.basis) == (change, basis)


def test_sentence_offsets_and_by_entity() -> None:
    text = "刁镇街道新增企业7家。\n玉河泉村接待游客1万人，民宿20家。"
    result = extract(text)
    for m in result.metrics:
        assert m.sentence is not None
        sentence = text[m.sentence.start:m.sentence.end]
        assert m.text in sentence and "\n" not in sentence and sentence.endswith("。")
    groups = result.by_entity()
    assert [m.text for m in groups["刁镇街道"]] == ["7家"]
    assert [m.text for m in groups["玉河泉村"]] == ["1万人", "20家"]
    assert sum(len(v) for v in groups.values()) == len(result.metrics)


def test_no_place_gives_null_entity_and_an_empty_section_subject() -> None:
    result = extract("总投资达到15亿元。")
    assert result.metrics[0].entity is None
    assert [s.subject for s in result.sections] == [None]


def test_entities_and_sections_in_json() -> None:
    data = json.loads(extract("刁镇街道新增企业7家。").model_dump_json())
    assert data["entities"][0] == EntityMention(name="刁镇街道", type="subdistrict", start=0, end=4,
                                                text="刁镇街道").model_dump(mode="json")
    assert data["sections"][0]["subject"]["name"] == "刁镇街道"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("东山阴村街道社区镇县市区该本全里党项目公司“”，。、\n记者讯1个万元的在与和")),
               max_size=120))
def test_any_text_gives_exact_entity_and_section_offsets(text: str) -> None:
    result = extract(text)
    for e in result.entities:
        assert text[e.start:e.end] == e.text and e.name
    for m in result.metrics:
        if m.entity is not None and m.entity.start is not None:
            assert 0 <= m.entity.start <= m.entity.end <= len(text)
        assert m.sentence is None or m.sentence.start <= m.start <= m.end <= m.sentence.end
    assert all(a.end == b.start for a, b in zip(result.sections, result.sections[1:], strict=False))
    if result.sections:
        assert result.sections[0].start == 0 and result.sections[-1].end == len(text)


@given(st.text(alphabet="其中，：；。\n甲乙", max_size=40), st.data())
def test_the_text_index_reads_a_subset_clause_as_the_pattern_does(text: str, data: st.DataObject) -> None:
    """_TextIndex.subset_clause (a bisection over where 其中 is written) agrees with the pattern it replaces."""
    from dangjian_extract.components.attribution import _TextIndex

    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    pattern = re.compile(r"[，,；;：:]其中[^，,；;。！？!?\n]*$")
    from dangjian_extract.spans import CLAUSE_BREAK

    index = _TextIndex(text, [m.start() for m in CLAUSE_BREAK.finditer(text)])
    assert index.subset_clause(lo, hi) == bool(pattern.search(text, lo, hi))
    assert index.paragraph(hi) == text.rfind("\n", 0, hi) + 1
    assert index.line_end(lo) == text.find("\n", lo)
    assert index.last("其中", lo, hi) == text.rfind("其中", lo, hi)
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(text, 0, hi)]
    assert index.last_break(hi) == (breaks[-1] if breaks else -1)


@settings(max_examples=200, deadline=None)
@given(st.from_regex(attribution._TIME_HEAD.pattern, fullmatch=True))
def test_head_chars_cover_every_time_head(head: str) -> None:
    """_HEAD_CHARS is written by hand as a superset of what _TIME_HEAD matches (the head of a sentence is read only
    when every character could belong to an opener or a time word): a word added to _TIME_HEAD must add its
    characters there too."""
    assert attribution._HEAD_CHARS.fullmatch(head) is not None
