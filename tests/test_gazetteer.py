"""The national gazetteer (dangjian_extract.gazetteer): real names at every level, resolution, short forms,
lazy and thread-safe loading."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from dangjian_extract import extract
from dangjian_extract.gazetteer import LEVELS, Place, Resolution, get_gazetteer, level_to_entity_type

SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture(scope="module")
def g():
    return get_gazetteer()


def _run(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


# ------------------------------------------------------------------ loading
def test_import_does_not_load_the_data():
    out = _run("import dangjian_extract, dangjian_extract.gazetteer as gz\n"
               "print(gz.is_loaded(), gz._instance is None)\n"
               "gz.get_gazetteer()\n"
               "print(gz.is_loaded())")
    assert out.split() == ["False", "True", "True"]


def test_first_load_is_thread_safe():
    # in a fresh process: eight threads ask at once, the data is loaded once and all get the same object
    out = _run(
        "import threading\n"
        "from concurrent.futures import ThreadPoolExecutor\n"
        "import dangjian_extract.gazetteer as gz\n"
        "calls = []\n"
        "real = gz.Gazetteer._load.__func__\n"
        "def counting(cls):\n"
        "    calls.append(threading.get_ident())\n"
        "    return real(cls)\n"
        "gz.Gazetteer._load = classmethod(counting)\n"
        "barrier = threading.Barrier(8)\n"
        "def ask(_):\n"
        "    barrier.wait()\n"
        "    return id(gz.get_gazetteer())\n"
        "with ThreadPoolExecutor(8) as pool:\n"
        "    ids = set(pool.map(ask, range(8)))\n"
        "print(len(calls), len(ids))")
    assert out.split() == ["1", "1"]


def test_singleton_and_size(g):
    assert get_gazetteer() is g
    assert 650_000 < len(g) < 750_000
    assert sum(g.meta["levels"].values()) == len(g)
    assert g.meta["levels"]["province"] == 34


# ------------------------------------------------------------------ names at each level
@pytest.mark.parametrize("name, level, path, code", [
    ("陕西省", "province", ("陕西省",), "610000"),
    ("晋城市", "prefecture", ("山西省", "晋城市"), "140500"),
    ("乾县", "county", ("陕西省", "咸阳市", "乾县"), "610424"),
    ("麦积区", "county", ("甘肃省", "天水市", "麦积区"), "620503"),
    ("全州县", "county", ("广西壮族自治区", "桂林市", "全州县"), "450324"),
    ("东乾社区", "village", ("福建省", "三明市", "三元区", "徐碧街道", "东乾社区"), None),
    ("济源市", "county", ("河南省", "济源市"), "419001"),       # 省直辖: no prefecture in between
    ("嘉定区", "county", ("上海市", "嘉定区"), "310114"),         # municipality written once
    ("万江街道", "township", ("广东省", "东莞市", "万江街道"), None),  # prefecture without counties
])
def test_unique_names(g, name, level, path, code):
    assert g.contains(name)
    assert g.levels(name) == frozenset({level})
    assert g.places(name) == [Place(name, level, path, code)]
    assert g.resolve(name) == Resolution(path, code, level, False)


def test_every_level_is_present(g):
    assert {lvl for lvl in LEVELS} == {p.level for name in ("陕西省", "咸阳市", "乾县", "七号镇", "小南河村")
                                        for p in g.places(name)}


def test_pseudo_entries_are_gone(g):
    for name in ("省直辖行政区划", "市直辖行政区划", "市辖区"):
        assert not g.contains(name)
    assert [p.path for p in g.places("上海市")] == [("上海市",)]  # not 上海市/上海市


def test_no_code_is_invented(g):
    # the source gives codes down to counties only; Hong Kong districts carry the region's code there
    assert all(p.code is None for p in g.places("小南河村"))
    assert all(p.code is None for p in g.places("中西区"))
    assert g.resolve("中西区", ["香港"]) == Resolution(("香港特别行政区", "中西区"), None, "county", False)


def test_words_ending_in_a_type_character_are_no_names(g):
    for word in ("时任村", "几任村", "加上县", "分居镇", "遇事村", "城市社区"):
        assert not g.contains(word), word
        assert not g.levels(word)


def test_aliases(g):
    # the source prefixes some towns with their county: the official name is the town's own
    assert [p.path for p in g.places("化德县七号镇")] == [("内蒙古自治区", "乌兰察布市", "化德县", "七号镇")]
    assert g.places("七号镇")[0].name == "七号镇"
    # short written forms of autonomous prefectures/counties and the source's abbreviations of banners
    assert g.places("大理州")[0].name == "大理白族自治州"
    assert g.places("石林县")[0].path == ("云南省", "昆明市", "石林彝族自治县")
    assert g.places("察右中旗")[0].code == "150927"
    assert not g.contains("高新区")  # an abbreviation the source gives to 30 zones is no name
    # former names of renamed counties and prefectures (JioNLP's china_location_change.txt)
    assert g.places("横县")[0].path == ("广西壮族自治区", "南宁市", "横州市")
    assert g.places("长垣县")[0].name == "长垣市"
    assert g.places("襄樊市")[0].name == "襄阳市"
    assert not g.contains("城区") and not g.contains("郊区")  # generic former names give no alias



def test_a_jiedao_written_jieban_or_banshichu_is_the_jiedao(g):
    # reports write a 街道 as 某某街办 or 某某街道办事处: the same entry as 某某街道
    assert [p.path for p in g.places("小寨路街办")] == [p.path for p in g.places("小寨路街道")]
    assert g.contains("小寨路街道办事处") and g.longest_suffix_name("雁塔区小寨路街办", 8) == "小寨路街办"
    assert not g.contains("街办") and not g.contains("某某路街办")


def test_a_chain_against_the_only_entry_under_its_parent_is_another_place(g):
    # the one 三桥社区 under a 武当路街道 is in Hubei; written under 西安市雁塔区 it is another one: no path guessed
    r = g.resolve_in_chain("三桥社区", ("西安市", "雁塔区", "武当路街道"))
    assert r.path == ("三桥社区",) and r.code is None
    assert g.resolve_in_chain("三桥社区", ("武当路街道",)).path[:2] == ("湖北省", "十堰市")


# ------------------------------------------------------------------ resolve
def test_resolve_ambiguous_name_without_context(g):
    r = g.resolve("长安区")
    assert r == Resolution(("长安区",), None, "county", True)
    assert {p.code for p in g.places("长安区")} == {"130102", "610116"}


@pytest.mark.parametrize("context, path, code", [
    (["西安市"], ("陕西省", "西安市", "长安区"), "610116"),
    (["陕西"], ("陕西省", "西安市", "长安区"), "610116"),       # a short form as context
    (["河北省", "石家庄市"], ("河北省", "石家庄市", "长安区"), "130102"),
    (["韦曲街道"], ("陕西省", "西安市", "长安区"), "610116"),   # a place inside it
])
def test_resolve_with_context(g, context, path, code):
    assert g.resolve("长安区", context) == Resolution(path, code, "county", False)


def test_resolve_common_village_name(g):
    r = g.resolve("新村")
    assert r.ambiguous and r.code is None and r.path == ("新村",) and r.level == "village"
    assert len(g.places("新村")) > 100
    r = g.resolve("新村", ["河南省", "郑州市"])  # still several in Zhengzhou: shared ancestors only
    assert r.ambiguous and r.code is None and r.path[:2] == ("河南省", "郑州市") and r.path[-1] == "新村"
    r = g.resolve("小南河村", ["天津市"])
    assert r == Resolution(("天津市", "西青区", "精武镇", "小南河村"), None, "village", False)


def test_resolve_unknown_and_short(g):
    assert g.resolve("时任村") == Resolution(("时任村",), None, None, False)
    assert g.resolve("晋城") == Resolution(("山西省", "晋城市"), "140500", "prefecture", False)


def test_unrelated_context_keeps_all(g):
    r = g.resolve("长安区", ["广东省"])
    assert r.ambiguous and r.code is None


# ------------------------------------------------------------------ longest_suffix_name
def test_longest_suffix_name(g):
    text = "时任村支书"
    found = g.longest_suffix_name(text, text.index("村") + 1)
    assert found != "时任村"
    assert found is None or g.contains(found)  # 任村 is a real village name (several provinces)
    assert g.longest_suffix_name(text, text.index("村") + 1, min_len=3) is None
    text = "任小南河村党支部"
    assert g.longest_suffix_name(text, text.index("村") + 1) == "小南河村"
    text = "四川省达州市渠县"
    assert g.longest_suffix_name(text, len(text)) == "渠县"
    assert g.longest_suffix_name(text, 6) == "达州市"
    assert g.longest_suffix_name("村", 1) is None


# ------------------------------------------------------------------ short forms
@pytest.mark.parametrize("text, expected", [
    ("晋城人", [(0, 2, "晋城市")]),
    ("温州人", [(0, 2, "温州市")]),
    ("他是全州人", [(2, 4, "全州县")]),
    ("河南人口多", [(0, 2, "河南省")]),
    ("吉林的冬天", [(0, 2, "吉林省")]),     # 吉林省 over its own 吉林市
    ("南昌等地", [(0, 2, "南昌市")]),       # 南昌市 over its own 南昌县
    ("浙江西部", [(0, 2, "浙江省")]),       # not 江西
    ("万宁山根湾", [(0, 2, "万宁市")]),     # a place of 万宁 on a hill, not a mountain's side
    ("通江山地梅花鸡", [(0, 2, "通江县")]),
])
def test_short_forms_found(g, text, expected):
    assert g.short_forms(text) == expected


@pytest.mark.parametrize("text", [
    "我们一起开发新区的城市建设",
    "山西省晋城市",          # followed by its own suffix: the full name is found elsewhere
    "大理白族自治州",
    "晋城镇",                # part of a longer name
    "河南路",
    "长安区",
    "长安的街道",            # ambiguous
    "推进乡村振兴，平安建设，惠民政策",  # stop-listed words
    "天山南麓",
    "贺兰山东麓的酒庄",      # a mountain's side: neither 贺兰 nor 山东
    "长白山脚下",
    "河南岸的村子",          # the river's south bank
    "世界首个",
    "复合肥",
])
def test_short_forms_not_found(g, text):
    assert g.short_forms(text) == []


def test_short_forms_in_a_sentence(g):
    text = "走进湖北随州广水市，温州人和晋城人都来了。"
    got = [(text[s:e], full) for s, e, full in g.short_forms(text)]
    assert got == [("湖北", "湖北省"), ("随州", "随州市"), ("温州", "温州市"), ("晋城", "晋城市")]
    assert g.short_form_of("晋城") == "晋城市" and g.short_form_of("振兴") is None


def test_short_forms_are_fast(g):
    text = ("今年以来，晋城市城区西街街道党工委坚持党建引领，温州人在河南投资，推进乡村振兴。" * 2500)[:100_000]
    g.short_forms(text[:1000])
    start = time.perf_counter()
    found = g.short_forms(text)
    elapsed = time.perf_counter() - start
    assert len(found) > 1000
    assert elapsed < 0.5, elapsed  # measured ≈ 0.03 s


def test_all_names(g):
    names = set(g.all_names())
    assert {"晋城市", "小南河村", "东乾社区", "大理州"} <= names
    assert len(names) > 330_000
    assert all(g.contains(n) for n in ("晋城市", "大理州"))


def test_level_to_entity_type():
    assert level_to_entity_type("province", "河南省") == "province"
    assert level_to_entity_type("prefecture", "晋城市") == "district"
    assert level_to_entity_type("county", "乾县") == "district"
    assert level_to_entity_type("township", "刁镇街道") == "subdistrict"
    assert level_to_entity_type("village", "小南河村") == "village"
    assert level_to_entity_type("village", "东乾社区") == "community"
    assert level_to_entity_type("village", "光明居委会") == "community"
    assert level_to_entity_type("county", "温州经济技术开发区") == "park"
    with pytest.raises(ValueError):
        level_to_entity_type("country", "中国")


def test_concurrent_lookups(g):
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda n: g.resolve(n).path, ["乾县", "麦积区"] * 50))
    assert results[:2] == [("陕西省", "咸阳市", "乾县"), ("甘肃省", "天水市", "麦积区")]


def test_a_province_short_form_before_a_city_short_form_is_a_chain() -> None:
    from dangjian_extract.gazetteer import get_gazetteer

    gazetteer = get_gazetteer()
    assert (0, 2, "江苏省") in gazetteer.short_forms("江苏镇江高新区拥有30余家企业")
    assert gazetteer.short_forms("江苏镇") == []  # a town's name, not the province


def test_a_county_made_a_city_after_the_source_date_is_found_by_its_new_name(g) -> None:
    # 无为县 became 无为市 in 2019: the new name is an alias of the county, with its code
    assert g.contains("无为市") and g.places("无为市")[0].path == ("安徽省", "芜湖市", "无为县")
    assert not g.contains("大城市")  # 大城县: a stem ending in 城 makes "big city", no alias
    assert not g.contains("平原区")  # no 撤县设区 aliases: X区 is too often a word


def test_every_provincial_level_place_has_its_short_form() -> None:
    g = get_gazetteer()
    shorts = ("北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 "
              "四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门").split()
    assert [s for s in shorts if g.short_form_of(s) is None] == []
    assert g.short_form_of("新疆") == "新疆维吾尔自治区"


@pytest.mark.parametrize(("text", "name", "code"), [
    ("四川金川推动特色农业融合发展\n金川县有梨园5万亩。", "金川县", "513226"),
    ("甘肃金川推动工业发展\n金川区有企业5家。", "金川区", "620302"),
])
def test_an_ambiguous_short_form_is_told_apart_by_the_province_before_it(text: str, name: str, code: str) -> None:
    # 金川 is a county of Sichuan and a district of Gansu: the province written before it decides
    result = extract(text)
    assert result.sections[0].subject is not None and result.sections[0].subject.name == name
    assert result.entities[1].start == 2 and (result.entities[1].name, result.entities[1].code) == (name, code)


def test_an_ambiguous_short_form_alone_stays_unresolved() -> None:
    assert extract("金川推动特色农业融合发展。").entities == []
