"""reference_date="auto": the date a report prints about itself (issue 14), never a date from its story."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from dangjian_extract import extract, extract_many
from dangjian_extract.frames import COLUMN_NAMES, rows
from dangjian_extract.pubdate import page_date

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"

PAGES = {
    # a masthead date on a line of its own
    "masthead": ("2024年6月30日 星期日\n刁镇街道：党建引领基层治理\n今年以来，刁镇街道新增规模以上企业13家。",
                 date(2024, 6, 30)),
    # 本报…讯 with the year from a full date elsewhere on the page
    "benbao": ("党建引领“微治理”\n本报6月29日讯（记者 张三 通讯员 李四）今年以来，东山阴村新增党员5名。"
               "该村自2024年1月1日起推行积分制。", date(2024, 6, 29)),
    # the page's latest full date is the end of 2025: the dateline of June is the next year's
    "xinhua": ("截至2025年12月31日，中国共产党党员总数为10128.6万名。\n（新华社北京6月30日电）",
               date(2026, 6, 30)),
    "traditional_full_width": ("標題\n本報北京６月２９日訊（記者 王五）今年以來，新增黨員５名。\n"
                               "２０２４年３月１日起施行。", date(2024, 6, 29)),
    "source_line": ("乾县新增党员5名\n来源：咸阳日报  2024-06-30 10:21\n"
                    "2023年5月1日，村里召开大会，今年以来新增党员5名。", date(2024, 6, 30)),
    "publish_time": ("标题\n发布时间：2024/07/01  浏览次数：123\n今年以来新增党员5名。", date(2024, 7, 1)),
    "byline": ("标题\n记者 张三 通讯员 李四 2024年6月30日\n今年以来新增党员5名。", date(2024, 6, 30)),
    "edition": ("今年以来新增党员5名。\n《人民日报》（2025年11月05日 第 19 版）", date(2025, 11, 5)),
    "signature": ("关于2024年1-9月基层党建工作情况的通报\n今年以来，全县新增党员120名。\n"
                  "中共岚水县委组织部\n2024年10月15日", date(2024, 10, 15)),
}

NOT_PRINTED = {
    # a date in the story is no publication date
    "story": "标题\n2025年1月7日，西藏日喀则市定日县发生6.8级地震，今年以来新增党员5名。\n正文。",
    "story_first_line": "2025年1月7日，西藏日喀则市定日县发生6.8级地震。今年以来新增党员5名。",
    # 本报…讯 without a date, and a dateline whose year the page does not give
    "benbao_no_date": "本报咸阳讯（通讯员阎晋）今年9月，石化小区加装的43部电梯全部投入使用。",
    "dateline_no_year": "本报6月29日讯（记者 张三）今年以来，东山阴村新增党员5名。",
    "byline_no_date": "标题\n记者 支倩倩 通讯员 白洁\n截至2023年底，新增党员5名。",
    "label_in_a_sentence": "标题\n记者从会上获悉，2024年6月1日起实施新办法。",
}


@pytest.mark.parametrize("name", PAGES)
def test_the_printed_date_is_found(name: str) -> None:
    text, expected = PAGES[name]
    assert page_date(text).date == expected
    result = extract(text, reference_date="auto")
    assert (result.reference_date, result.reference_date_source) == (expected, "page")


@pytest.mark.parametrize("name", NOT_PRINTED)
def test_no_date_from_the_story(name: str) -> None:
    assert page_date(NOT_PRINTED[name]) is None
    result = extract(NOT_PRINTED[name], reference_date="auto")
    assert (result.reference_date, result.reference_date_source) == (None, "none")


def test_the_page_date_resolves_periods() -> None:
    text, _ = PAGES["benbao"]
    period = next(m.period for m in extract(text, reference_date="auto").metrics if m.period)
    assert (period.text, period.from_date, period.to_date) == ("今年以来", date(2024, 1, 1), date(2024, 6, 29))
    assert next(m.period for m in extract(text).metrics if m.period).from_date is None


def test_given_and_none() -> None:
    text, _ = PAGES["masthead"]
    given = extract(text, reference_date="2023-01-02")
    assert (given.reference_date, given.reference_date_source) == (date(2023, 1, 2), "given")
    none = extract(text)
    assert (none.reference_date, none.reference_date_source) == (None, "none")
    assert extract(text, reference_date="AUTO").reference_date_source == "page"
    with pytest.raises(ValueError, match="auto"):
        extract(text, reference_date="sometime")


# every fixture: which print a date about themselves (the dev2 texts had their byline lines removed; d01 keeps
# the Xinhua dateline at its end, and its only full date is the end of 2025, so the bulletin is of 2026-06-30)
PRINTED = {"dev2/d01.txt": date(2026, 6, 30), "heldout2/k11.txt": date(2024, 10, 15)}


@pytest.mark.parametrize("path", sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.glob("*/*.txt")))
def test_fixtures(path: str) -> None:
    found = page_date((FIXTURES / path).read_text(encoding="utf-8"))
    assert (found.date if found else None) == PRINTED.get(path)


def test_extract_many_and_flat_columns() -> None:
    items = [("masthead", PAGES["masthead"][0]), ("story", NOT_PRINTED["story"]),
             ("given", PAGES["masthead"][0], "2023-01-02")]
    results = list(extract_many(items, reference_date="auto"))
    assert [(r.reference_date, r.reference_date_source) for r in results] == [
        (date(2024, 6, 30), "page"), (None, "none"), (date(2023, 1, 2), "given")]
    assert COLUMN_NAMES[-3:] == ("reference_date", "reference_date_source", "entity_rule")  # (later ones appended)
    flat = list(rows(results))
    assert {(r["doc_id"], r["reference_date"], r["reference_date_source"]) for r in flat} == {
        ("masthead", date(2024, 6, 30), "page"), ("story", None, "none"), ("given", date(2023, 1, 2), "given")}


def test_cli_reference_date_auto(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGES["benbao"][0], encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "dangjian_extract.cli", "--reference-date", "auto", str(page)],
                          capture_output=True, text=True, encoding="utf-8", check=True)
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert lines and all(line["reference_date"] == "2024-06-29" for line in lines)
    assert all(line["reference_date_source"] == "page" for line in lines)
    assert any(line["period"] and line["period"]["from_date"] == "2024-01-01" for line in lines)
