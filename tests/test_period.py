"""Period: the time expression that governs a metric, its exact offsets, and its dates with and without a
reference date (the report's publication date)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dangjian_extract import Metric, extract
from dangjian_extract.components.period import PeriodGrammar, shift_year_back
from dangjian_extract.lexicon import default_lexicon
from dangjian_extract.periods import resolve
from dangjian_extract.spans import SENTENCE_BREAK

REF = date(2024, 8, 15)
D = date


def _metric(text: str, metric_text: str, reference_date: date | None = REF, **kw) -> Metric:
    found = [m for m in extract(text, reference_date=reference_date, **kw).metrics if m.text == metric_text]
    assert found, (metric_text, [m.text for m in extract(text).metrics])
    return found[0]


# (sentence, metric, period text, from_date, to_date) with reference date 2024-08-15
CASES = [
    ("今年以来，刁镇街道完成投资7亿元，新增规上企业7家。", "7亿元", "今年以来", D(2024, 1, 1), REF),
    ("今年以来，刁镇街道完成投资7亿元，新增规上企业7家。", "7家", "今年以来", D(2024, 1, 1), REF),
    ("今年1-7月，全区实现税收3.5亿元。", "3.5亿元", "今年1-7月", D(2024, 1, 1), D(2024, 7, 31)),
    ("1—7月份，主要经济指标完成税收2.6亿元。", "2.6亿元", "1—7月份", D(2024, 1, 1), D(2024, 7, 31)),
    ("1至7月，全镇累计接待游客12万人次。", "12万人次", "1至7月", D(2024, 1, 1), D(2024, 7, 31)),
    ("截至11月份，刁镇街道新增规模以上企业13家。", "13家", "截至11月份", None, D(2024, 11, 30)),
    ("截至目前，14个行政村年集体经济收入均已超过10万元。", "10万元", "截至目前", None, REF),
    ("截至今年8月底，已办结民生实事2573件。", "2573件", "截至今年8月底", None, D(2024, 8, 31)),
    ("截止目前，院落党支部数量已达75个。", "75个", "截止目前", None, REF),
    ("截至2023年底，全市共有小区党支部316个。", "316个", "截至2023年底", None, D(2023, 12, 31)),
    ("去年，合作社搭建种植车间4个。", "4个", "去年", D(2023, 1, 1), D(2023, 12, 31)),
    ("今年1-7月，实现税收3亿元，去年同期为2.5亿元。", "2.5亿元", "去年同期", D(2023, 1, 1), D(2023, 7, 31)),
    ("上半年，全镇新发展党员12名。", "12名", "上半年", D(2024, 1, 1), D(2024, 6, 30)),
    ("前三季度，完成固定资产投资5.2亿元。", "5.2亿元", "前三季度", D(2024, 1, 1), D(2024, 9, 30)),
    ("一季度，全区新增市场主体860户。", "860户", "一季度", D(2024, 1, 1), D(2024, 3, 31)),
    ("2024年，全街道新增就业岗位1200个。", "1200个", "2024年", D(2024, 1, 1), D(2024, 12, 31)),
    ("2022年以来，共有18个项目顺利落地。", "18个", "2022年以来", D(2022, 1, 1), REF),
    ("二〇二三年，村集体收入达到56万元。", "56万元", "二〇二三年", D(2023, 1, 1), D(2023, 12, 31)),
    ("近年来，村里新修道路5公里。", "5公里", "近年来", None, None),
    ("近些年来，钦南区组建党员服务队53支。", "53支", "近些年来", None, None),
    ("目前，全市建成小区党群服务站24个。", "24个", "目前", None, REF),
    ("当前，全区共有专职网格员1300余人。", "1300余人", "当前", None, REF),
    ("商会现已发展会员300余人。", "300余人", "现已", None, REF),
    ("如今年轻人回村创业的有20人。", "20人", "如今", None, REF),  # 如今, not 今年
    ("本月新增志愿者20名。", "20名", "本月", D(2024, 8, 1), D(2024, 8, 31)),
    ("上月，社区共调解纠纷15件。", "15件", "上月", D(2024, 7, 1), D(2024, 7, 31)),
    ("今年9月，石化小区老旧住宅楼加装电梯43部。", "43部", "今年9月", D(2024, 9, 1), D(2024, 9, 30)),
    ("国庆假期，东山阴村接待游客3万人次。", "3万人次", "国庆假期", D(2024, 10, 1), D(2024, 10, 7)),
    ("春节期间，志愿者走访慰问困难群众120户。", "120户", "春节期间", None, None),
    ("“十四五”以来，全区累计投资80亿元。", "80亿元", "“十四五”以来", D(2021, 1, 1), REF),
    ("党的十八大以来，全村累计发展党员30名。", "30名", "党的十八大以来", D(2012, 11, 8), REF),
    # the past N years: from January N years back, a superset of both readings
    ("近5年来，村集体收入增长30万元。", "30万元", "近5年来", D(2019, 1, 1), REF),
    ("近两年，村集体收入增加30万元。", "30万元", "近两年", D(2022, 1, 1), REF),
    ("到年底，全街道将建成充电桩500个。", "500个", "到年底", None, D(2024, 12, 31)),
    ("力争到2025年，村集体收入达到30万元以上。", "30万元", "到2025年", None, D(2025, 12, 31)),
    ("2023年1月至2024年6月，全区累计投资12亿元。", "12亿元", "2023年1月至2024年6月", D(2023, 1, 1), D(2024, 6, 30)),
    ("10月1日至7日，景区接待游客3万人次。", "3万人次", "10月1日至7日", D(2024, 10, 1), D(2024, 10, 7)),
    ("5月8日，社区举办招聘会3场。", "3场", "5月8日", D(2024, 5, 8), D(2024, 5, 8)),
    ("自年初成立以来，君临天下院落党支部调解纠纷30件。", "30件", "自年初成立以来", D(2024, 1, 1), REF),
    ("年底前完成老旧小区改造20个。", "20个", "年底前", None, D(2024, 12, 31)),
    # a head expression governs every metric of the sentence, the nearest one wins
    ("今年以来，街道投入资金1300余万元，截至目前已完成改造小区55个。", "55个", "截至目前", None, REF),
    # the change base (较去年同期) is not the period
    ("今年1-7月，全区税收3亿元，较去年同期增长12%。", "12%", "今年1-7月", D(2024, 1, 1), D(2024, 7, 31)),
    # none before: the expression right after the number in its clause
    ("新增就业岗位1200个（2023年）。", "1200个", "2023年", D(2023, 1, 1), D(2023, 12, 31)),
]


@pytest.mark.parametrize(("text", "metric", "period", "from_date", "to_date"), CASES)
def test_period(text: str, metric: str, period: str, from_date: date | None, to_date: date | None) -> None:
    m = _metric(text, metric)
    assert m.period is not None
    assert (m.period.text, m.period.from_date, m.period.to_date) == (period, from_date, to_date)
    assert text[m.period.start:m.period.end] == period


@pytest.mark.parametrize(("text", "metric", "period", "from_date", "to_date"), CASES)
def test_period_without_reference_date(text: str, metric: str, period: str, from_date: date | None,
                                       to_date: date | None) -> None:
    m = _metric(text, metric, reference_date=None)
    assert m.period is not None and m.period.text == period
    # only dates the text states in full survive without a reference date
    relative = {"2024年", "2022年以来", "二〇二三年", "截至2023年底", "2023年1月至2024年6月", "2023年", "“十四五”以来",
                "党的十八大以来", "到2025年"}
    if period in relative:
        assert m.period.from_date == from_date
        if to_date != REF:
            assert m.period.to_date == to_date
        else:
            assert m.period.to_date is None
    else:
        assert m.period.to_date is None
        assert m.period.from_date is None


@pytest.mark.parametrize(
    ("text", "metric", "period"),
    [
        ("今年１－７月，全區實現稅收３.５億元。", "３.５億元", "今年１－７月"),
        ("截至發稿時，已募集資金30萬元。", "30萬元", "截至發稿時"),
        ("國慶假期，東山陰村接待遊客３萬人次。", "３萬人次", "國慶假期"),
        ("今年以來，開發(fā)區引進企業12家。", "12家", "今年以來"),
        ("２０２２年以來，共有１８個項目順利落地。", "１８個", "２０２２年以來"),
    ],
)
def test_offsets_index_the_original_text(text: str, metric: str, period: str) -> None:
    m = _metric(text, metric)
    assert m.period is not None
    assert m.period.text == period == text[m.period.start:m.period.end]


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("全村共有党员45名。", "45名"),  # no time words
        ("三年时间新建道路12公里。", "12公里"),  # a duration, not a period
        ("69岁的老党员翟成淮捐款500元。", "500元"),  # an age
        ("村集体收入较去年增加5万元。", "5万元"),  # 较去年: the base of a change
        ("与去年同期相比，增加收入5万元。", "5万元"),
        ("比上年增加党员12名。", "12名"),
        ("已建设近两年，村集体收入增加30万元。", "30万元"),  # 近两年 after a verb: nearly two years
        ("今年计划发展党员10名。去年新发展党员8名。全村共有党员45名。", "45名"),  # another sentence's period
    ],
)
def test_no_period(text: str, metric: str) -> None:
    assert _metric(text, metric).period is None


def test_a_duration_metric_inside_its_own_period() -> None:
    # 近5年来 holds the duration 5年: it governs the other metrics, not the one inside it
    result = extract("近5年来，村集体收入增长30万元。", reference_date=REF)
    by_text = {m.text: m for m in result.metrics}
    assert by_text["30万元"].period is not None
    assert by_text["5年"].period is None


def test_extra_lexicon_adds_a_time_word() -> None:
    text = "今年汛期，全市依托应急队伍处置险情137起。"
    assert _metric(text, "137起").period.text == "今年"
    m = _metric(text, "137起", extra_lexicon={"periods": {"year_parts": {"汛期": ["06-01", "09-30"]}}})
    assert (m.period.text, m.period.from_date, m.period.to_date) == ("今年汛期", D(2024, 6, 1), D(2024, 9, 30))


def test_fixture_001_stock_count_as_of_now(fixtures_dir) -> None:
    text = (fixtures_dir / "seeds" / "001_32eacd7bfa546bd8.txt").read_text(encoding="utf-8")
    result = extract(text, reference_date="2022-12-10")
    start = text.index("截止目前,院落党支部数量已达75个")
    (m,) = [m for m in result.metrics if m.text == "75个" and m.start > start][:1]
    assert m.period is not None
    assert (m.period.text, m.period.start) == ("截止目前", start)
    assert (m.period.from_date, m.period.to_date) == (None, date(2022, 12, 10))
    assert m.status == "achieved"
    goal = text.index("到年底,我们将累计建成")
    planned = [m for m in result.metrics if goal < m.start < goal + 80]
    assert {m.period.text for m in planned if m.period} == {"到年底"}


def test_same_period_shift() -> None:
    assert shift_year_back("Y+0-07-end") == "Y-1-07-end"
    assert shift_year_back("2024-02-29") == "2023-02-28"
    assert shift_year_back("ref") == "M-12-end"
    assert shift_year_back("M-1-01") == "M-13-01"
    assert shift_year_back(None) is None


def test_grammar_is_linear_on_long_adversarial_text() -> None:
    grammar = PeriodGrammar(default_lexicon().raw["periods"])
    for piece in ("1", "一", "近", "年", "今年", "1-", "十四五", "“", "2024年1月至", "截至", "自"):
        text = piece * (200_000 // len(piece))
        t0 = time.perf_counter()
        grammar.find(text)
        assert time.perf_counter() - t0 < 5, piece


# --- properties ---------------------------------------------------------------------------------------------

PIECES = st.sampled_from([
    "今年", "去年", "明年", "以来", "至今", "同期", "截至", "截止", "到", "自", "从", "目前", "现已", "本月", "上月",
    "年", "月", "月份", "日", "底", "初", "上旬", "前", "上半年", "前三季度", "一季度", "近", "近年来", "来",
    "国庆", "假期", "“", "”", "十四五", "十八大", "党的", "较", "比", "相比", "-", "—", "至", "1", "7", "12", "2023",
    "2022", "二〇二三", "二", "十", "五", "两", "１", "２０２４", "國慶", "以來", "截至發稿時", "3亿元", "75个", "5年",
    "12%", "万人次", "名", "，", ",", "。", "；", "\n", " ", "😀", "\ud800", "(fā)", "將", "将", "预计",
    "完成投资3亿元", "新增企业7家", "共有党员45名", "接待游客2万人次", "增长12%",
])
TEXT = st.one_of(st.lists(PIECES, max_size=40).map("".join), st.text(max_size=80))
GRAMMAR = PeriodGrammar(default_lexicon().raw["periods"])


def _check_offsets(text: str, reference: date | None) -> list[Metric]:
    metrics = extract(text, reference_date=reference).metrics
    for m in metrics:
        assert m.status in ("achieved", "planned")
        if m.period is not None:
            p = m.period
            assert 0 <= p.start <= p.end <= len(text)
            assert text[p.start:p.end] == p.text
    return metrics


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.integers(min_value=2100, max_value=9000))
def test_periods_are_exact_and_ordered(text: str, year: int) -> None:
    # without a reference date only absolute dates resolve, and they are ordered
    for m in _check_offsets(text, None):
        if m.period is not None and m.period.from_date and m.period.to_date:
            assert m.period.from_date <= m.period.to_date
    # a reference date at the end of a year after every year the grammar reads: every period is ordered
    reference = date(year, 12, 31)
    for m in _check_offsets(text, reference):
        if m.period is not None and m.period.from_date and m.period.to_date:
            assert m.period.from_date <= m.period.to_date, m.period


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.integers(min_value=2100, max_value=9000))
def test_every_time_expression_is_in_bounds_and_ordered(text: str, year: int) -> None:
    reference = date(year, 12, 31)
    for e in GRAMMAR.find(text):
        assert 0 <= e.start < e.end <= len(text)
        lo, hi = resolve(e.from_spec, reference), resolve(e.to_spec, reference)
        assert lo is None or hi is None or lo <= hi, (text[e.start:e.end], e)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_only_a_period_since_a_later_date_can_be_out_of_order(text: str, reference: date) -> None:
    # 2030年以来 or 12月以来 in a report dated before it: the end is the reference date, the start is as written
    for m in _check_offsets(text, reference):
        p = m.period
        if p is not None and p.from_date and p.to_date and p.from_date > p.to_date:
            assert p.to_date == reference or p.to_date.year == reference.year - 1  # 'ref' or its 同期 a year back


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.lists(st.booleans(), min_size=1, max_size=30))
def test_sentences_read_alone_give_the_expressions_of_the_whole_text(text: str, chosen: list[bool]) -> None:
    # the component reads only the sentences that hold a metric: what it finds there is what the whole text has
    assert GRAMMAR.sentence_local
    bounds = [0] + [m.end() for m in SENTENCE_BREAK.finditer(text)] + [len(text)]
    sentences = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]
    windows: list[tuple[int, int]] = []
    for (a, b), keep in zip(sentences, chosen * len(sentences), strict=False):
        if keep and windows and windows[-1][1] == a:
            windows[-1] = (windows[-1][0], b)  # adjacent sentences make one window
        elif keep:
            windows.append((a, b))
    whole = [e for e in GRAMMAR.find(text) if any(a <= e.start < b for a, b in windows)]
    assert GRAMMAR.find(text, windows) == whole
