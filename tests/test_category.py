"""The metric taxonomy: data file, docs, the dangjian_category component and its matcher."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from dangjian_extract import extract, load
from dangjian_extract.components.category import KINDS, CategoryMatcher, categorize, matcher_for
from dangjian_extract.lexicon import default_lexicon

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted((ROOT / "fixtures" / "gold").glob("*/*.jsonl"))
KIND_OF_UNIT = {info.unit: info.kind for info in default_lexicon().units.values()}


def _category_of(text: str, span_text: str, **kwargs: object) -> str | None:
    hits = [m for m in extract(text, **kwargs).metrics if m.text == span_text]  # type: ignore[arg-type]
    assert len(hits) == 1, (text, [m.text for m in extract(text).metrics])
    return hits[0].category


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("全区实现地区生产总值356亿元，同比增长6.5%。", "356亿元", "output_value"),
    ("全区实现地区生产总值356亿元，同比增长6.5%。", "6.5%", "growth_rate"),
    ("项目总投资达到15亿元。", "15亿元", "investment"),
    ("全年税收500余万元。", "500余万元", "tax"),
    ("两个合作社年销售额达到800万元。", "800万元", "revenue_sales"),
    ("村集体收入达到12万元。", "12万元", "income"),
    ("每户年均分红3000元。", "3000元", "income"),
    ("发放惠农贷款8000万元。", "8000万元", "loans_and_funds"),
    ("成立75个院落党支部，发展党员2300余名。", "75个", "party_organisations"),
    ("成立75个院落党支部，发展党员2300余名。", "2300余名", "party_members"),
    ("组建党员服务队12支。", "12支", "volunteers"),
    ("该村共有入党积极分子5人。", "5人", "activists"),
    ("划分微网格320个，配备专职网格员156名。", "320个", "grids"),
    ("划分微网格320个，配备专职网格员156名。", "156名", "grid_workers"),
    ("新增规上企业13家。", "13家", "enterprises"),
    ("惠及群众3万余人次。", "3万余人次", "people_served"),
    ("走访群众1200户次，化解矛盾纠纷86起。", "1200户次", "services_and_visits"),
    ("走访群众1200户次，化解矛盾纠纷86起。", "86起", "cases_and_complaints"),
    ("累计开展志愿服务活动400余场次。", "400余场次", "services_and_visits"),
    ("累计办结群众诉求2573件。", "2573件", "cases_and_complaints"),
    ("覆盖率100%。", "100%", "coverage_rate"),
    ("群众满意率达98.5%。", "98.5%", "satisfaction_rate"),
    ("调处成功率提高3.2个百分点。", "3.2个百分点", "growth_rate"),
    ("铺设草皮近万平方米。", "万平方米", "area"),
    ("新建道路2万余米。", "2万余米", "infrastructure"),
    ("安装智能充电桩40个。", "40个", "infrastructure"),
    ("改造老旧小区35个，涉及居民2000户。", "35个", "housing_compounds"),
    ("改造老旧小区35个，涉及居民2000户。", "2000户", "households"),
    ("全镇下辖12个行政村。", "12个", "villages_and_communities"),
    ("辐射带动周边五村发展。", "五村", "villages_and_communities"),
    ("培训党员干部600人次。", "600人次", "training_and_meetings"),
    ("带动就业600余人。", "600余人", "jobs_and_employment"),
    ("收集整理基础信息1.2万条。", "1.2万条", "data_records"),
    ("网格员15分钟内到达现场。", "15分钟", "duration"),
])
def test_sentences_get_their_category(text: str, span: str, expected: str) -> None:
    assert _category_of(text, span) == expected


@pytest.mark.parametrize(("obj", "unit", "kind", "change", "expected"), [
    ("党员服务队", "支", "count", None, "volunteers"),  # the head beats an earlier word
    ("全区实现地区生产总值", "CNY", "money", None, "output_value"),  # a verb before the head
    ("项目", "CNY", "money", None, "investment"),  # the kind picks among a word's categories
    ("项目", "个", "count", None, "projects"),
    ("固定资产投资", "%", "percent", "increase", "growth_rate"),
    ("党员志愿者", "%", "percent", None, "coverage_rate"),  # a plain percent is a share
    ("党员中心户", "个", "count", None, "party_members"),  # longest word at the head
    ("服务群众", "人", "count", None, "people_served"),  # a verb is the head only with its units
    ("检查企业", "家次", "count", None, "services_and_visits"),
    ("志愿者总数", "人", "count", None, "volunteers"),  # generic ending skipped
    ("暑期托管等", "场次", "count", None, "services_and_visits"),
    (None, "户", "count", None, "households"),
    (None, "t", "measure", None, "production"),
    (None, "%", "percent", None, "coverage_rate"),
    (None, None, None, None, "other"),
])
def test_matcher(obj: str | None, unit: str | None, kind: str | None, change: str | None, expected: str) -> None:
    assert categorize(obj, unit, kind, change) == expected


def _gold_lines() -> list[dict[str, object]]:
    return [json.loads(line) for path in GOLD for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def test_gold_objects_are_categorised() -> None:
    lines = _gold_lines()
    assert len(lines) > 500
    fallen = []
    for line in lines:
        unit = str(line["unit"])
        category = categorize(line.get("object"), unit, KIND_OF_UNIT.get(unit, "count"),  # type: ignore[arg-type]
                              line.get("change"))  # type: ignore[arg-type]
        assert category in matcher_for().categories
        if category == "other":
            fallen.append((line.get("object"), unit))
    share = 1 - len(fallen) / len(lines)
    print(f"gold objects categorised: {share:.1%} of {len(lines)}; other: {fallen}")
    assert share >= 0.90, fallen


def test_every_metric_gets_a_category() -> None:
    text = (ROOT / "fixtures" / "seeds" / "000_615813358111a067.txt").read_text(encoding="utf-8")
    ids = set(matcher_for().categories)
    metrics = extract(text).metrics
    assert metrics and all(m.category in ids for m in metrics)


def test_component_is_the_last_pipe() -> None:
    assert load().pipe_names[-1] == "dangjian_category"


def test_extra_lexicon_adds_a_category_and_a_word() -> None:
    text = "今年新建A级景区3个，为村民发放劳务费50万元。"
    assert [m.category for m in extract(text).metrics] == ["other", "other"]
    extra = {"categories": {
        "tourism": {"en": "Tourism", "zh": "文旅", "kinds": ["count", "money"], "units": ["个", "家"],
                    "words": ["景区", "旅游景点"]},
        "income": {"words": ["劳务费"]},
    }}
    assert [m.category for m in extract(text, extra_lexicon=extra).metrics] == ["tourism", "income"]
    assert categorize("旅游景点", "个", "count", extra_lexicon=extra) == "tourism"


def test_extra_lexicon_rules_and_fallbacks() -> None:
    extra = {"categories": {"_fallback": {"units": {"尾": "production"}}}}
    assert categorize(None, "尾", "count") == "other"
    assert categorize(None, "尾", "count", extra_lexicon=extra) == "production"


@pytest.mark.parametrize("bad", [
    {"Bad-Id": {"words": ["x"]}},
    {"fish": {"kinds": ["weight"], "words": ["鱼"]}},
    {"fish": {"words": "鱼"}},
    {"_fallback": {"units": {"尾": "no_such_category"}}},
    {"_rules": [{"kind": ["count"]}]},
])
def test_bad_extensions_are_rejected(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="categories"):
        matcher_for({"categories": bad})


def test_ids_are_unique_well_formed_and_documented() -> None:
    raw_text = resources.files("dangjian_extract").joinpath("data/categories.json").read_text(encoding="utf-8")
    def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
        names = [k for k, _ in pairs]
        assert len(names) == len(set(names)), f"duplicate keys: {names}"
        return dict(pairs)

    data = json.loads(raw_text, object_pairs_hook=_pairs)
    keys = [k for k in data if not k.startswith("_")]
    assert "_doc" in data and "other" in keys and len(keys) >= 30
    for key in keys:
        entry = data[key]
        assert regex.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*", key), key
        assert entry["en"] and regex.search(r"\p{Han}", entry["zh"]), key
        assert set(entry.get("kinds", ["count"])) <= set(KINDS), key
        words = entry.get("words", []) + entry.get("verbs", [])
        assert len(entry.get("words", [])) == len(set(entry.get("words", []))), key
        assert key == "other" or words, key
    doc = (ROOT / "docs" / "taxonomy.md").read_text(encoding="utf-8")
    documented = set(regex.findall(r"^\| `([a-z0-9_]+)` \|", doc, flags=regex.M))
    assert documented == set(keys)


@given(st.one_of(st.none(), st.text(max_size=60), st.integers()),
       st.one_of(st.none(), st.sampled_from(["户", "%", "CNY", "个", "t", ""]), st.text(max_size=4)),
       st.one_of(st.none(), st.sampled_from(KINDS), st.text(max_size=4)),
       st.one_of(st.none(), st.sampled_from(["increase", "decrease"])))
def test_matcher_never_raises(obj: object, unit: object, kind: object, change: object) -> None:
    assert categorize(obj, unit, kind, change) in matcher_for().categories  # type: ignore[arg-type]


def test_matcher_is_linear_in_object_length() -> None:
    matcher = CategoryMatcher(default_lexicon().raw["categories"])
    assert matcher.match("党员" * 10_000 + "服务队", "支", "count") == "volunteers"
