"""Table-driven checks of what counts as a metric and how it is read (metrics guide §1–§3, §5)."""

from __future__ import annotations

import pytest

from dangjian_extract import extract

# (sentence, [(span text, value, value_max, unit, qualifier, kind)])
POSITIVE = [
    ("总投资达到15亿元,为重点项目建设注入新活力。", [("15亿元", 1.5e9, None, "CNY", "exact", "money")]),
    ("协助4家企业完成有关贷款8000万元。", [("4家", 4, None, "家", "exact", "count"),
                                         ("8000万元", 8e7, None, "CNY", "exact", "money")]),
    ("年产8千万支奶酪棒。", [("8千万支", 8e7, None, "支", "exact", "count")]),
    ("补植苗木15.6万余株。", [("15.6万余株", 156000, None, "株", "over", "count")]),
    ("投资50.67亿元。", [("50.67亿元", 5.067e9, None, "CNY", "exact", "money")]),
    ("年产1.5万吨羧酸减水剂。", [("1.5万吨", 15000, None, "t", "exact", "measure")]),
    ("铺设草皮近万平方米。", [("万平方米", 10000, None, "m2", "nearly", "measure")]),
    ("每天迎来游客上万人。", [("万人", 10000, None, "人", "over", "count")]),
    ("组织百余人参加。", [("百余人", 100, None, "人", "over", "count")]),
    ("每个小组3-5个人。", [("3-5个", 3, 5, "个", "exact", "count")]),
    ("覆盖100—300户居民。", [("100—300户", 100, 300, "户", "exact", "count")]),
    ("设立1至2个服务点。", [("1至2个", 1, 2, "个", "exact", "count")]),
    ("每户增收四五万元。", [("四五万元", 40000, 50000, "CNY", "about", "money")]),
    ("亩产三五百斤。", [("三五百斤", 300, 500, "jin", "about", "measure")]),
    ("村集体收入十几万元。", [("十几万元", 100000, None, "CNY", "over", "money")]),
    ("产值占全县一半。", [("一半", 50, None, "%", "exact", "percent")]),
    ("占工业总产值近一半。", [("一半", 50, None, "%", "nearly", "percent")]),
    ("惠及三分之一的农户。", [("三分之一", 100 / 3, None, "%", "exact", "percent")]),
    ("九成以上的居民表示满意。", [("九成", 90, None, "%", "over", "percent")]),
    ("满意率达到百分之九十五。", [("百分之九十五", 95, None, "%", "exact", "percent")]),
    ("销售额翻了一番。", [("一番", 100, None, "%", "exact", "percent")]),
    ("建成两处背街小巷。", [("两处", 2, None, "处", "exact", "count")]),
    ("全镇共有三十个行政村。", [("三十个", 30, None, "个", "exact", "count")]),
    ("累计发放一千三百万元。", [("一千三百万元", 1.3e7, None, "CNY", "exact", "money")]),
    ("密度为零点五个每平方米。", [("零点五个", 0.5, None, "个", "exact", "count")]),
    ("统筹五村资源。", [("五村", 5, None, "村", "exact", "count")]),
    ("八大楼宇集群发展。", [("八大楼宇", 8, None, "楼宇", "exact", "count")]),
    ("辖区内党支部1个。", [("1个", 1, None, "个", "exact", "count")]),
    ("全镇户籍人口12万。", [("12万", 120000, None, "人", "exact", "count")]),
    ("安全转移群众2008人。", [("2008人", 2008, None, "人", "exact", "count")]),
    ("新增停车位2015处。", [("2015处", 2015, None, "处", "exact", "count")]),
    ("惠及周边居民约2万余人。", [("2万余人", 20000, None, "人", "about", "count")]),
    ("减少50%以上。", [("50%", 50, None, "%", "over", "percent")]),
    ("游客能超过1万人。", [("1万人", 10000, None, "人", "over", "count")]),
    ("每个车间约40平方米。", [("40平方米", 40, None, "m2", "about", "measure")]),
    ("办理时间在3个工作日以内。", [("3个工作日", 3, None, "工作日", "at_most", "duration")]),
    ("不到24小时就清除了虫患。", [("24小时", 24, None, "小时", "under", "duration")]),
    ("不少于5人。", [("5人", 5, None, "人", "at_least", "count")]),
    ("同比提高3.2个百分点。", [("3.2个百分点", 3.2, None, "pp", "exact", "pp")]),
    ("以83.5分的成绩成为首家。", [("83.5分", 83.5, None, "分", "exact", "score")]),
    ("流转91.7亩土地。", [("91.7亩", 91.7, None, "mu", "exact", "measure")]),
    ("海岸线522.6公里。", [("522.6公里", 522.6, None, "km", "exact", "measure")]),
    ("面积7.57平方公里。", [("7.57平方公里", 7.57, None, "km2", "exact", "measure")]),
    ("治理飞线2万余米。", [("2万余米", 20000, None, "m", "over", "measure")]),
    ("修复公路3千米。", [("3千米", 3, None, "km", "exact", "measure")]),
    ("整理数据1,234条。", [("1,234条", 1234, None, "条", "exact", "count")]),
    ("建成１２个站点。", [("１２个", 12, None, "个", "exact", "count")]),
    ("建成充电端口6700余個。", [("6700余個", 6700, None, "个", "over", "count")]),
    ("接待群众来访430余批次。", [("430余批次", 430, None, "批次", "over", "count")]),
    ("收入50万元以上的村有7个。", [("50万元", 500000, None, "CNY", "over", "money"),
                                  ("7个", 7, None, "个", "exact", "count")]),
]

# sentences with no metric at all (guide §2)
NEGATIVE = [
    "2022年以来,街道持续推进。",
    "1-7月份,主要经济指标居前列。",
    "5月8日,开发区举行发布会(第一场)。",
    "2020年10月底开业。",
    "紧紧围绕市委“6293”工作思路。",
    "在全区“2+1+N+X”治理体系的基础上推进。",
    "深入发展“三个一”模式。",
    "创新实施“八个一”系列活动。",
    "设置居民“一户一表”。",
    "推行“一人联十户,十户联百家”工作法。",
    "最明显的12345热线投诉持续下降。",
    "在全市观摩中位列第1名。",
    "69岁的老党员主动请缨。",
    "家住河滨社区8号院的张先生告诉记者。",
    "五朵金花党建联合体成立以来。",
    "贯彻落实党的二十大精神。",
    "推选出一批熟悉情况的老党员。",
    "锻造了一支纪律严明的干部队伍。",
    "打通服务群众的“最后一公里”。",
    "以“一盘棋”思维支持发展。",
    "院落党支部、物业、业委会三位一体共同发力。",
    "串起为民服务千条线。",
    "在街道党工委一个核心的领导下。",
    "为辖区60岁以上的老年人提供助餐服务。",
    "思克奇科技二期高质高效农业项目签约落地。",
    "打造“10分钟党建服务圈”。",
    "开通“7×24小时”心理辅导热线。",
    "40年前这里还是一片荒地。",
    "前两天刚下过雨。",
    "依托“一站救”队伍处置险情。",
    "国家3A级景区。",
    "每周六主要领导带队。",
    "千家万户受益。",
    "用千斤顶把车身顶起。",
    "在千米高空作业。",
    "这是全省首家。",
    "",
    "   \n\n  ",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t for t, _ in POSITIVE])
def test_reads_quantity(text: str, expected: list[tuple]) -> None:
    got = [(m.text, m.value, m.value_max, m.unit, m.qualifier, m.kind) for m in extract(text).metrics]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        assert g[0] == e[0]
        assert g[1] == pytest.approx(e[1])
        assert (g[2] is None and e[2] is None) or g[2] == pytest.approx(e[2])
        assert g[3:] == e[3:]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_metric(text: str) -> None:
    assert [m.text for m in extract(text).metrics] == []


def test_spans_index_the_original_text() -> None:
    text = "開發(fā)區(qū)東城街道形成了3條特色產業鏈,惠及群眾10萬余人。"
    metrics = extract(text).metrics
    assert [m.text for m in metrics] == ["3條", "10萬余人"]
    for m in metrics:
        assert text[m.start:m.end] == m.text
    assert metrics[0].unit == "条" and metrics[0].unit_text == "條"


def test_broken_line_still_reads() -> None:
    text = "玉河泉村从一个负债村发展成为村集体\n\n收入50余万元的富裕村。"
    (m,) = extract(text).metrics
    assert (m.text, m.value, m.qualifier) == ("50余万元", 500000, "over")


def test_byline_numbers_are_furniture() -> None:
    text = "记者 张三 通讯员 李四5人\n\n全街道共有党员2300余名。\n\n编辑:王五 组版:赵六 2023年12月"
    assert [m.text for m in extract(text).metrics] == ["2300余名"]


@pytest.mark.parametrize(("qualifier", "lower", "upper"), [
    ("exact", 10, 10), ("over", 10, None), ("at_least", 10, None), ("nearly", None, 10),
    ("under", None, 10), ("at_most", None, 10), ("about", None, None)])
def test_bounds_follow_qualifier(qualifier: str, lower: float | None, upper: float | None) -> None:
    words = {"exact": "{}", "over": "超过{}", "at_least": "不少于{}", "nearly": "近{}", "under": "不足{}",
             "at_most": "不超过{}", "about": "约{}"}
    (m,) = extract("共有" + words[qualifier].format("10个") + "站点。").metrics
    assert (m.qualifier, m.lower, m.upper) == (qualifier, lower, upper)


def test_change_direction() -> None:
    text = "限上贸易销售总额同比增长18.5%,退件率环比下降75%,投诉由每月1500余件降至700余件,新增规上企业13家。"
    got = {m.text: m.change for m in extract(text).metrics}
    assert got == {"18.5%": "increase", "75%": "decrease", "1500余件": None, "700余件": None, "13家": "increase"}


def test_number_after_its_noun_through_qualifier_and_verb() -> None:
    got = [(m.text, m.value, m.unit, m.qualifier) for m in extract("社区常住人口约3.2万,户籍人口达到12万。").metrics]
    assert got == [("3.2万", 32000, "人", "about"), ("12万", 120000, "人", "exact")]


@pytest.mark.parametrize("text, expected", [
    ("光伏电站已经发电89万度。", [("89万度", 890000, "kWh")]),
    ("全村年用电量120万度。", [("120万度", 1200000, "kWh")]),
    ("实现360度全覆盖。", []),
    ("气温达到38度。", []),
])
def test_du_is_a_kilowatt_hour_only_among_words_of_electricity(text: str, expected: list) -> None:
    assert [(m.text, m.value, m.unit) for m in extract(text).metrics] == expected
