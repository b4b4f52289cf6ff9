"""Issue 12: one table of real-shaped sentences per class of figure (guide §1, §2, §5).

Each row: (sentence, [(span text, value, value_max, unit, qualifier)]) — every metric the sentence states,
in order, and nothing else.
"""

from __future__ import annotations

import pytest

from dangjian_extract import extract
from shapes import check_rows, read_rows

_read = read_rows
_check = check_rows


# class 6: a negative figure keeps its sign
SIGNED = [
    ("全县规上工业增加值增速为-3.5%。", [("-3.5%", -3.5, None, "%", "exact")]),
    ("社会消费品零售总额同比增长-5.2%。", [("-5.2%", -5.2, None, "%", "exact")]),
    ("一季度外贸进出口增长－12％。", [("－12％", -12, None, "%", "exact")]),
    ("地下水位为负0.2千米。", [("负0.2千米", -0.2, None, "km", "exact")]),
    ("利润同比下降−22.2%。", [("−22.2%", -22.2, None, "%", "exact")]),
]
# class 7: 成 after any digits, and 三成半 / 七成六
CHENG = [
    ("群众满意率达9成以上。", [("9成", 90, None, "%", "over")]),
    ("超8成的村实现集体经济增收。", [("8成", 80, None, "%", "over")]),
    ("近９成党员参加了志愿服务。", [("９成", 90, None, "%", "nearly")]),
    ("回收率提高到9.5成。", [("9.5成", 95, None, "%", "exact")]),
    ("全村三成半的农户种植茶叶。", [("三成半", 35, None, "%", "exact")]),
    ("参保率达七成六。", [("七成六", 76, None, "%", "exact")]),
    ("回收率达八点五成。", [("八点五成", 85, None, "%", "exact")]),
    ("覆盖率达7.2成。", [("7.2成", 72, None, "%", "exact")]),
    ("覆盖率达到十成。", [("十成", 100, None, "%", "exact")]),
    ("九成以上的居民表示满意。", [("九成", 90, None, "%", "over")]),
]
# class 8: 块钱 and 毛/角/分 are money; 块 that counts objects stays a count
KUAI = [
    ("他一年多挣两万块钱。", [("两万块钱", 20000, None, "CNY", "exact")]),
    ("每月能拿四五千块钱。", [("四五千块钱", 4000, 5000, "CNY", "about")]),
    ("一斤菜卖十块三毛。", [("十块三毛", 10.3, None, "CNY", "exact")]),
    ("一共花了一百三十五块六角七分钱。", [("一百三十五块六角七分钱", 135.67, None, "CNY", "exact")]),
    ("每斤高出1块多。", [("1块多", 1, None, "CNY", "over")]),
    ("每户每月缴纳两元钱。", [("两元钱", 2, None, "CNY", "exact")]),
    ("村口立起3块牌子。", [("3块", 3, None, "块", "exact")]),
    ("香菇每斤卖3块。", [("3块", 3, None, "CNY", "exact")]),
    ("每亩补贴300块,村民很满意。", [("300块", 300, None, "CNY", "exact")]),
    ("做了3块展板,每块花了50块。", [("3块", 3, None, "块", "exact"), ("50块", 50, None, "CNY", "exact")]),
    ("把地切成3块。", [("3块", 3, None, "块", "exact")]),
]
# class 9: a trailing 半 counts
HALF = [
    ("沟渠加宽到两米半。", [("两米半", 2.5, None, "m", "exact")]),
    ("每棵结果三斤半。", [("三斤半", 3.5, None, "jin", "exact")]),
    ("一个月产菌一吨半。", [("一吨半", 1.5, None, "t", "exact")]),
    ("他家流转了一亩半。", [("一亩半", 1.5, None, "mu", "exact")]),
    ("会议开了一个半小时。", [("一个半小时", 1.5, None, "小时", "exact")]),
]
# class 10: nothing from a web or e-mail address
ADDRESSES = [
    ("详见https://www.gov.cn/zhengce/%28ti%28Us%29/index.htm,共有12个村。", [("12个", 12, None, "个", "exact")]),
    ("链接:www.example.cn/a%28b%2912%25c 投稿邮箱dj2023@163.com。", []),
    ("点击 http://x.cn/p?id=50%25&n=3个 查看。", []),
]
# class 11: ranges with the unit written twice, (含), 百分之二三十, 几十万元
RANGES = [
    ("每户补助1万元—5万元。", [("1万元—5万元", 10000, 50000, "CNY", "exact")]),
    ("每户补助1万元至5万元。", [("1万元至5万元", 10000, 50000, "CNY", "exact")]),
    ("奖补1万(含)-5万元。", [("1万(含)-5万元", 10000, 50000, "CNY", "exact")]),
    ("日工资2000元到6000元不等。", [("2000元到6000元", 2000, 6000, "CNY", "exact")]),
    ("成本降低了百分之二三十。", [("百分之二三十", 20, 30, "%", "about")]),
    ("每年能赚几十万元。", [("几十万元", 100000, None, "CNY", "about")]),
    ("补助1万元--5万元。", [("1万元--5万元", 10000, 50000, "CNY", "exact")]),
    ("月薪2——3万元。", [("2——3万元", 20000, 30000, "CNY", "exact")]),
    ("投资从8500到3万元不等。", [("8500到3万元", 8500, 30000, "CNY", "exact")]),
    ("收入50万元（含）以上的村。", [("50万元", 500000, None, "CNY", "over")]),
    ("采摘了几十张。", [("几十张", 10, None, "张", "about")]),
    ("带动数千家农户。", [("数千家", 1000, None, "家", "about")]),
]
# class 12: capital numerals
CAPITAL = [
    ("收到人民币伍万元整。", [("伍万元", 50000, None, "CNY", "exact")]),
    ("出口额1200亿美元。", [("1200亿美元", 1.2e11, None, "USD", "exact")]),
    ("金额壹仟玖佰圆。", [("壹仟玖佰圆", 1900, None, "CNY", "exact")]),
    ("合计壹万二千三百四十五元。", [("壹万二千三百四十五元", 12345, None, "CNY", "exact")]),
    ("合計肆佰叁拾萬圓。", [("肆佰叁拾萬圓", 4300000, None, "CNY", "exact")]),
    # 萬 beside a Simplified 圆 (a peer spec's form): the numeral is read whatever its neighbours' script
    ("金额肆佰叁拾萬圆整。", [("肆佰叁拾萬圆", 4300000, None, "CNY", "exact")]),
    # the 千 of 千瓦/千米/千克 after a Chinese numeral begins the unit
    ("光伏电站装机容量二百千瓦。", [("二百千瓦", 200, None, "kW", "exact")]),
    ("新修道路全长三十千米。", [("三十千米", 30, None, "km", "exact")]),
]
# what to build 2 and 3: bare multipliers with a unit, counts after their noun, slash fractions
BARE_AND_FRACTIONS = [
    ("暑期保障百万人次游客出行。", [("百万人次", 1000000, None, "人次", "exact")]),
    ("完成公共数据归集千亿条。", [("千亿条", 1e11, None, "条", "exact")]),
    ("村级集体经济收益破百万元。", [("百万元", 1000000, None, "CNY", "over")]),
    ("“某某办”用户超1500万。", [("1500万", 15000000, None, "人", "over")]),
    ("全村1/4的农户种上了香菇。", [("1/4", 25, None, "%", "exact")]),
    ("约2/3的村实现增收。", [("2/3", 200 / 3, None, "%", "about")]),
    ("活动定于1/5日举行。", []),
    ("7/24小时在线。", []),
]
# what to build 1: 大 between a number and its measure word, measure words by reference
MEASURE_WORDS = [
    ("整理形成5大类48项服务清单。", [("5大类", 5, None, "类", "exact"), ("48项", 48, None, "项", "exact")]),
    ("梳理出6大类40项。", [("6大类", 6, None, "类", "exact"), ("40项", 40, None, "项", "exact")]),
    ("销售了2000多箱桃。", [("2000多箱", 2000, None, "箱", "over")]),
    ("收集对联100余副。", [("100余副", 100, None, "副", "over")]),
    ("接入8万余路视频。", [("8万余路", 80000, None, "路", "over")]),
    ("颁发纪念章93.9万枚。", [("93.9万枚", 939000, None, "枚", "exact")]),
    ("搭起150多顶帐篷。", [("150多顶", 150, None, "顶", "over")]),
    ("设定4道评审程序。", [("4道", 4, None, "道", "exact")]),
    ("惠及企业群众办事4.8亿件（次）。", [("4.8亿件（次）", 4.8e8, None, "件次", "exact")]),
    ("安置小区三期共有215户。", [("三期", 3, None, "期", "exact"), ("215户", 215, None, "户", "exact")]),
    ("绿色食品是全市三大主导产业之一。", [("三大主导产业", 3, None, "主导产业", "exact")]),
    # 项/类 after N大 is the measure word (not 项目); a preposition or copula ends the noun of N大
    ("实施七大项行动。", [("七大项", 7, None, "项", "exact")]),
    ("以四大展厅为主线，呈现家风典故。", [("四大展厅", 4, None, "展厅", "exact")]),
]
# what to build 5: qualifiers across 占/有/达/为 and a verb; 约 inside a word qualifies nothing
ACROSS = [
    ("女党员约占党员总数的18.6%。", [("18.6%", 18.6, None, "%", "about")]),
    ("辖区约有6.2万人。", [("6.2万人", 62000, None, "人", "about")]),
    ("与高校签约5所。", [("5所", 5, None, "所", "exact")]),
    ("每年最少花费14万元。", [("14万元", 140000, None, "CNY", "at_least")]),
    ("每年大约能节省12万元。", [("12万元", 120000, None, "CNY", "about")]),
    ("每年少说能收入3万元。", [("3万元", 30000, None, "CNY", "at_least")]),
    ("每户最高能分到36300元。", [("36300元", 36300, None, "CNY", "at_most")]),
    ("一个老街区年产值过亿元。", [("亿元", 100000000, None, "CNY", "over")]),
    ("今年签约亿元以上项目27个。", [("亿元", 100000000, None, "CNY", "over"), ("27个", 27, None, "个", "exact")]),
    ("通过万人评议。", []),
    ("她只能骑着小三轮去赶集，摊主两头连着交通。", []),
    ("开展三轮巡查。", [("三轮", 3, None, "轮", "exact")]),
    ("在林地下种植了大球盖菇，一亩地采收5茬。", [("5茬", 5, None, "茬", "exact")]),
    ("全镇40个行政村收入全部过5万元。", [("40个", 40, None, "个", "exact"), ("5万元", 50000, None, "CNY", "over")]),
    # an office's or a door's number is a name
    ("产业社区服务六部部长袁俊涛为企业带来好消息。", []),
    ("被大伙儿推选为4号楼1门的楼门长。", []),
    ("统筹布局10处党群服务圈。", [("10处", 10, None, "处", "exact")]),
    ("预约挂号300人次。", [("300人次", 300, None, "人次", "exact")]),
    ("节约资金40万元。", [("40万元", 400000, None, "CNY", "exact")]),
    ("约谈10人。", [("10人", 10, None, "人", "exact")]),
    ("全村近有300户。", [("300户", 300, None, "户", "nearly")]),
    ("最近新增5个网点。", [("5个", 5, None, "个", "exact")]),
]
# what to build 4: numbers inside words, names and idioms are not metrics
NOT_METRICS = [
    "庆祝建党100周年。",
    "2.3本项目计划投资情况如下。",
    "他今年18周岁。",
    "三明市三元区的干部来了。",
    "七台河市的煤矿转型了。",
    "他曾任组织二处处长。",
    "某村九组党小组组长带头。",
    "三组组长挨家挨户动员。",
    "小区实施二次供水改造。",
    "活动形式五花八门。",
    "垃圾四处可见。",
    "这不是一天两天了。",
    "早上7点30分集合。",
    "这两天，村里来了客人。",
    "贯彻中央八项规定精神。",
    "被乡亲们说三道四。",
    "通过三句半等形式宣传。",
    "坐落着蓝瓦白墙的二层民居。",
    "学习党的二十届四中全会精神。",
    "区里的“一把手”亲自抓。",
    "党群服务中心二层设有托育中心。",
    "推动三方联动。",
    "三元食品公司捐赠了物资。",
    "三期项目签约落地。",
    "贯彻落实党的二十大精神。",
]
# the same kinds still counted where they are counts
STILL_METRICS = [
    ("新建两处停车场。", [("两处", 2, None, "处", "exact")]),
    ("全县分成三组开展督查。", [("三组", 3, None, "组", "exact")]),
    ("新建两层楼房。", [("两层", 2, None, "层", "exact")]),
    ("成立了三家公司。", [("三家", 3, None, "家", "exact")]),
    ("修了三条路。", [("三条", 3, None, "条", "exact")]),
    ("选派3名第一书记。", [("3名", 3, None, "名", "exact")]),
    ("全镇辖5个县级以上园区。", [("5个", 5, None, "个", "exact")]),
    ("每亩用水200方。", [("200方", 200, None, "m3", "exact")]),
]

TABLES = {
    "signed": SIGNED, "cheng": CHENG, "kuai": KUAI, "half": HALF, "addresses": ADDRESSES, "ranges": RANGES,
    "capital": CAPITAL, "bare_and_fractions": BARE_AND_FRACTIONS, "measure_words": MEASURE_WORDS,
    "across": ACROSS, "still_metrics": STILL_METRICS,
}
CASES = [(name, text, expected) for name, rows in TABLES.items() for text, expected in rows]


@pytest.mark.parametrize(("table", "text", "expected"), CASES, ids=[f"{n}:{t}" for n, t, _ in CASES])
def test_reads(table: str, text: str, expected: list[tuple]) -> None:
    _check(text, expected)


@pytest.mark.parametrize("text", NOT_METRICS)
def test_not_a_metric(text: str) -> None:
    assert _read(text) == []


def test_negative_change_keeps_its_sign() -> None:
    (m,) = extract("规上工业增加值同比增长-5.2%。").metrics
    assert m.value == -5.2 and m.lower == m.upper == -5.2


def test_dash_between_numbers_is_no_sign() -> None:
    assert [(m.text, m.value) for m in extract("1-7月份，新增就业岗位3-5个。").metrics] == [("3-5个", 3)]


def _reference() -> dict:
    import json
    from importlib import resources

    with resources.files("dangjian_extract").joinpath("data/classifiers.json").open(encoding="utf-8") as f:
        return json.load(f)


def test_reference_list_names_its_source_and_licence() -> None:
    ref = _reference()
    assert "CC-CEDICT" in ref["source"] and "CC BY-SA 4.0" in ref["source"]
    assert len(ref["classifiers"]) > 100
    assert set(ref["not_after_numbers"]) <= set(ref["classifiers"])


@pytest.mark.parametrize("word", sorted(set(_reference()["classifiers"]) - set(_reference()["not_after_numbers"])))
def test_every_reference_classifier_is_read_after_a_number(word: str) -> None:
    got = [(m.text, m.value, m.unit, m.kind) for m in extract(f"今年共有38{word}。").metrics]
    assert got == [(f"38{word}", 38, word, "count")]


@pytest.mark.parametrize("word", sorted(_reference()["not_after_numbers"]))
def test_left_out_classifiers_are_not_counts(word: str) -> None:
    assert [m.unit for m in extract(f"今年共有38{word}。").metrics if m.unit == word] == []


@pytest.mark.parametrize("text, surface, qualifier", [
    ("在省内跨市流动的约占四成。", "四成", "about"),
    ("在省内跨市流动的约占40%。", "40%", "about"),
    ("流入党员有95名，接近在册党员数量的两倍。", "两倍", "nearly"),
    ("签约占地的40亩土地已平整。", "40亩", "exact"),
])
def test_a_qualifier_governs_the_number_across_zhan_or_what_it_compares_with(text: str, surface: str,
                                                                             qualifier: str) -> None:
    metric = next(m for m in extract(text).metrics if m.text == surface)
    assert metric.qualifier == qualifier


def test_yilai_erlai_are_connectives_and_sizhou_surroundings_not_counts() -> None:
    assert [m.text for m in extract("一来村里没有产业，二来年轻人外出。村里有3个合作社。").metrics] == ["3个"]
    assert [m.text for m in extract("白竹村海拔870米，四周群山起伏。").metrics] == ["870米"]


@pytest.mark.parametrize("text, counts", [
    ("曾经，白竹村仅有一条硬化路，其余尽是泥路。", ["一条"]),
    ("刚来时，村里有一所中心校、两个教学点。", ["一所", "两个"]),
    ("后屯村要走出一条融合发展的振兴路。", []),
])
def test_one_counts_after_jin_or_in_a_list_of_counts(text: str, counts: list) -> None:
    assert [m.text for m in extract(text).metrics] == counts
