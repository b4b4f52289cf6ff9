"""Status: targets, forecasts and plans are flagged "planned" (never dropped); everything else is "achieved"."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dangjian_extract import extract


def _status(text: str, metric_text: str) -> str:
    found = [m for m in extract(text).metrics if m.text == metric_text]
    assert found, (metric_text, [m.text for m in extract(text).metrics])
    return found[0].status


@pytest.mark.parametrize(
    ("text", "metric", "status"),
    [
        # forecasts and targets
        ("预计全年完成固定资产投资5亿元。", "5亿元", "planned"),
        ("预计全年完成投资5亿元，同比增长10%。", "10%", "planned"),  # the cue governs the later clauses
        ("今年计划新建党群服务中心3个。", "3个", "planned"),
        ("明水街道拟投资5亿元建设智慧产业园。", "5亿元", "planned"),
        ("力争到2025年，村集体经济收入达到30万元以上。", "30万元", "planned"),
        ("力争新增规上企业30家。", "30家", "planned"),
        ("全年目标是新增就业岗位1000个。", "1000个", "planned"),
        ("争取年内新发展党员15名。", "15名", "planned"),
        ("该项目将建成标准化厂房12栋。", "12栋", "planned"),
        ("到年底，街道将完成老旧小区改造20个。", "20个", "planned"),
        ("明年将再新建大棚3000亩。", "3000亩", "planned"),
        ("项目投产后可新增产值2亿元。", "2亿元", "planned"),
        ("项目建成后，可带动周边群众就业600人。", "600人", "planned"),
        ("年底前完成老旧小区改造20个。", "20个", "planned"),
        ("到2025年，全区党群服务中心覆盖率将达到100%。", "100%", "planned"),
        ("已列入明年计划的改造项目3个。", "3个", "planned"),
        ("投资50.67亿元16个项目将竣工", "16个", "planned"),  # a cue right after the number in its clause
        # achieved
        ("今年以来，街道共投入创城资金1300余万元。", "1300余万元", "achieved"),
        ("计划投资5亿元，目前已完成3亿元。", "3亿元", "achieved"),  # 目前/已 ends the scope of 计划
        ("计划投资5亿元，目前已完成3亿元。", "5亿元", "planned"),
        ("将近100人参加了义诊活动。", "100人", "achieved"),  # 将近 = nearly
        ("将辖区内的200户困难群众纳入帮扶范围。", "200户", "achieved"),  # 将…纳入 = take X into
        ("我们将社区无缝划分成14个网格。", "14个", "achieved"),  # 将 before a noun: disposal, not future
        ("将平均事项从2147项压减至377项。", "377项", "achieved"),
        ("总投资11.09亿元的明泉一头多链提氢降碳等8个拟开工项目正在全力推进中。", "8个", "achieved"),
        ("总投资11.09亿元的明泉一头多链提氢降碳等8个拟开工项目正在全力推进中。", "11.09亿元", "achieved"),
        ("全镇现有拟开工项目8个。", "8个", "achieved"),  # 拟开工项目: projects that exist
        ("每年可增收40万元。", "40万元", "achieved"),  # a capacity stated as a present fact
        ("每茬产量可超8000斤。", "8000斤", "achieved"),
        ("人才公寓楼高22层，可提供房间860间。", "860间", "achieved"),
        ("村里争取上级资金500万元。", "500万元", "achieved"),  # 争取资金 = obtained funds
        ("以激活社区治理活力为目标，新建服务站12个。", "12个", "achieved"),  # 以…为目标 = aiming at
        ("重点项目累计完成投资近7亿元，占年计划的95%。", "95%", "achieved"),  # 年计划: the annual plan, a noun
        ("制定共建工作计划，签约共建单位30家。", "30家", "achieved"),
        ("截至2023年底，全市共有小区党支部316个。", "316个", "achieved"),
        ("预计全年完成投资5亿元。去年完成投资4亿元。", "4亿元", "achieved"),  # the cue stays in its sentence
        ("將社保、民政等高頻業務窗口搬至小區門口，為900余位群眾現場提供服務。", "900余位", "achieved"),
        ("預計全年完成投資５億元。", "５億元", "planned"),  # Traditional script, full-width digits
    ],
)
def test_status(text: str, metric: str, status: str) -> None:
    assert _status(text, metric) == status


def test_fixture_001_forecast_sentence_is_planned(fixtures_dir) -> None:
    text = (fixtures_dir / "seeds" / "001_32eacd7bfa546bd8.txt").read_text(encoding="utf-8")
    result = extract(text)
    sentence = ("到年底,我们将累计建成总投资50.67亿元的圣泉酚醛树脂、明泉氮肥退城进园等重点项目16个,"
                "可新增工业产值20亿元,利税2亿元")
    start = text.index(sentence)
    inside = [m for m in result.metrics if start <= m.start and m.end <= start + len(sentence)]
    assert [m.text for m in inside] == ["50.67亿元", "16个", "20亿元", "2亿元"]
    assert {m.status for m in inside} == {"planned"}  # flagged, not dropped
    as_of = text.index("截止目前,院落党支部数量已达75个")
    (stock,) = [m for m in result.metrics if as_of < m.start < as_of + 20]
    assert (stock.text, stock.status) == ("75个", "achieved")


def test_extra_lexicon_adds_a_cue() -> None:
    text = "村里谋划新建冷库2座。"
    assert _status(text, "2座") == "achieved"
    (m,) = extract(text, extra_lexicon={"periods": {"status": {"planned": {"谋划": {}}}}}).metrics
    assert m.status == "planned"


PIECES = st.sampled_from([
    "预计", "计划", "拟", "力争", "目标", "争取", "将", "将近", "可新增", "可带动", "每年", "年底前", "到", "年底",
    "2025年", "已", "目前", "纳入", "项目", "的", "完成投资3亿元", "新增企业7家", "共有党员45名", "，", ",", "。",
    "；", "\n", "將", "預計", "😀", "\ud800", "(fā)", "１", "万元", "个",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.lists(PIECES, max_size=40).map("".join), st.text(max_size=80)))
def test_status_is_always_one_of_two(text: str) -> None:
    for m in extract(text).metrics:
        assert m.status in ("achieved", "planned")
