"""Build cases.jsonl from the peer projects' published Chinese test specs (issue 12, "Done when").

Sources, read from local git mirrors at pinned commits (see README.md for licences and credit):

* microsoft/Recognizers-Text (MIT): Specs/NumberWithUnit/Chinese/{Currency,Dimension,Age,Temperature}Model.json,
  Specs/Number/Chinese/{Percent,Number}Model.json
* dongrixinyu/JioNLP (Apache-2.0): test/test_money_extractor.py, test/test_money_parser.py

Every peer case is either kept (converted to this project's terms: value in yuan with unit CNY, % for
percents, pp for 个百分点, m/m2/km/mu/t/kg/jin/... for measures, guide §1 and §5) or dropped with a reason.
The URL / e-mail cases at the end are written here (not from a peer) to check that no figure comes from a
web address.

    python benchmarks/peer_specs/build_cases.py --rt-git /work/.mirror/microsoft+Recognizers-Text/repo \
        --jio-git /work/.mirror/dongrixinyu+JioNLP/repo

writes cases.jsonl and dropped.jsonl next to this file and prints the counts per class and per drop reason.
Only the standard library is used; the mirrors are read with `git show COMMIT:PATH`.
"""

from __future__ import annotations

import argparse
import ast
import collections
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RT_COMMIT = "90e968ea44dc8fda3f2e1c3e4b20aa233817488d"
JIO_COMMIT = "783abc5237e05f25aea2a11dcc2ae2e0e9f4cd23"
RT_FILES = {
    "currency": "Specs/NumberWithUnit/Chinese/CurrencyModel.json",
    "dimension": "Specs/NumberWithUnit/Chinese/DimensionModel.json",
    "percent": "Specs/Number/Chinese/PercentModel.json",
    "number": "Specs/Number/Chinese/NumberModel.json",
    "age": "Specs/NumberWithUnit/Chinese/AgeModel.json",
    "temperature": "Specs/NumberWithUnit/Chinese/TemperatureModel.json",
}
JIO_FILES = {"extractor": "test/test_money_extractor.py", "parser": "test/test_money_parser.py"}

# Recognizers-Text dimension units -> this project's unit codes (units.json); others are dropped
RT_DIM_UNITS = {"Mu": "mu", "Kilogram": "kg", "Ton": "t", "Meter": "m", "Kilometer": "km", "Centimeter": "cm",
                "Gram": "g", "Kilowatt": "kW", "Jin": "jin"}

# reasons (keys are short codes used in dropped.jsonl and the README table)
R = {
    "foreign": "foreign currency in a form a report would not write (exchange-rate fragments, bare amounts)",
    "discount": "折 discount (shop prose; the guide has no discount unit)",
    "spaced": "numeral or unit spelled out with spaces (speech-recognition style, not report prose)",
    "k": "k / w suffix for thousands (chat or salary shorthand, not report prose)",
    "no-number": "no number in the sentence and nothing to forbid (e.g. 人民币 美元, dimension是什么意思)",
    "unit": "unit outside report prose (bits, bytes, hertz, kilocalories, 两, micrograms)",
    "height": "a person's height (guide §5: one person's figures are optional)",
    "bare-number": "a number without a unit (NumberModel; JioNLP 三百万 / 小于40万 read as yuan by default)",
    "malformed": "malformed numeral (五百分之2.2, 一百零十万, 一百分之…): peer spec tests the parser, not prose",
    "japanese": "Japanese text (兆 = 10^12, 億元 = yen)",
    "age": "age (guide §2: not a metric)",
    "temperature": "temperature / weather or a fever (not a governance metric)",
    "ppm": "百万分之 / 千万分之 / 万万分之 fractions (not report prose)",
    "id": "an id or a person (一位名叫… , a bit) that is not a figure in our terms",
}


def git_show(gitdir: str, commit: str, path: str) -> str:
    return subprocess.run(["git", "--git-dir", gitdir, "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8-sig")


def fig(sentence: str, text: str, value: float, unit: str, *, value_max: float | None = None,
        qualifier: str | None = None, added: bool = False, nth: int = 0, alts: list | None = None) -> dict:
    """One expected figure; its span is the nth occurrence of text in the sentence."""
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(text, start + 1)
    out = {"start": start, "end": start + len(text), "text": text, "value": value, "unit": unit}
    if value_max is not None:
        out["value_max"] = value_max
    if qualifier:
        out["qualifier"] = qualifier
    if alts:
        out["alts"] = alts
    if added:
        out["added"] = True  # a figure of the sentence the peer spec did not list (in scope here)
    return out


def forbid(sentence: str, text: str, unit: str | None = None, why: str = "") -> dict:
    start = sentence.index(text)
    out = {"start": start, "end": start + len(text), "text": text, "why": why}
    if unit:
        out["unit"] = unit
    return out


# ---------------------------------------------------------------------------------------------------------
# Recognizers-Text


def make_case(id_prefix: str, index: int, src: str, sentence: str, cls: str, expected: list, prose: str,
              note: str, forbids: list | None) -> dict:
    """One scored case as cases.jsonl holds it (forbid and note only when given)."""
    case = {"id": f"{id_prefix}-{index:03d}", "source": src, "class": cls, "input": sentence,
            "expected": expected, "prose": prose}
    if forbids:
        case["forbid"] = forbids
    if note:
        case["note"] = note
    return case


def rt_value(res: dict) -> float:
    return float(str(res["value"]).rstrip("%"))


_NUMERAL_CHARS = "0-9０-９一二三四五六七八九十百千万萬两兩零点點个個分之成折"
SPACED = re.compile(f"[{_NUMERAL_CHARS}]\\s+[{_NUMERAL_CHARS}k]")


def rt_cases(gitdir: str) -> tuple[list[dict], list[dict]]:
    kept: list[dict] = []
    dropped: list[dict] = []

    def drop(src: str, sentence: str, reason: str) -> None:
        dropped.append({"source": src, "input": sentence, "reason": reason})

    def keep(src: str, sentence: str, cls: str, expected: list, *, prose: str = "yes", note: str = "",
             forbids: list | None = None) -> None:
        kept.append(make_case(src.split(":")[0], len(kept), src, sentence, cls, expected, prose, note, forbids))

    # ---- currency
    src = "RT:" + RT_FILES["currency"]
    for c in json.loads(git_show(gitdir, RT_COMMIT, RT_FILES["currency"])):
        s = c["Input"]
        res = c.get("Results", [])
        cny = [r for r in res if r["Resolution"].get("isoCurrency") == "CNY" and r["Resolution"].get("value")]
        if s == "江苏彩民15元中大乐透1600万 奖池36.57亿":
            keep(src, s, "money", [fig(s, "15元", 15, "CNY")], prose="marginal",
                 note="lottery news; 1600万 and 奖池36.57亿 have no unit and are not checked")
        elif s == "2016年由于并购等直接投资，中国资金净流出1200亿美元":
            keep(src, s, "money-foreign", [fig(s, "1200亿美元", 1.2e11, "USD")],
                 forbids=[forbid(s, "2016年", why="a year (guide §2)")])
        elif s == "宝安科技公司与国际精密的15位股东签署收购协议，以每股1.95港元":
            keep(src, s, "money-foreign", [fig(s, "1.95港元", 1.95, "HKD")])
        elif s == "东芝重组另需1万亿日元 已向交易银行申请贷款":
            keep(src, s, "money-foreign", [fig(s, "1万亿日元", 1e12, "JPY")])
        elif s == "这个手机壳花费你五美元和花费我三块":
            keep(src, s, "money-kuai", [fig(s, "三块", 3, "CNY")], prose="marginal",
                 note="spoken; 五美元 not checked")
        elif s == "这个手机壳五元三毛":
            keep(src, s, "money-kuai", [fig(s, "五元三毛", 5.3, "CNY")])
        elif s == "50元6角三分":
            keep(src, s, "money-kuai", [fig(s, "50元6角三分", 50.63, "CNY")])
        elif s in ("4人民币 5美元", "4人民币5美元"):
            keep(src, s, "money", [fig(s, "4人民币", 4, "CNY")], prose="marginal",
                 note="N人民币 without 元 is unusual in reports; 5美元 not checked")
        elif s == "五角大楼宣布了作战计划":
            keep(src, s, "not-a-figure", [], forbids=[forbid(s, "五角", why="a name (the Pentagon), not money")])
        elif s == "在下面的价格中选一个，$20，300美圆, ￥300, ok?":
            keep(src, s, "money", [fig(s, "￥300", 300, "CNY")], prose="marginal",
                 note="mixed-language list; only the ￥ amount is checked")
        elif "FILP" in s:
            drop(src, s, "japanese")
        elif s == "发议时，订单号 A202107211321363588510367 可用作":
            keep(src, s, "not-a-figure", [],
                 forbids=[forbid(s, "A202107211321363588510367", why="an order number (guide §2)")])
        elif s == "标准普尔指数下降" or not any(ch.isdigit() for ch in s) and not cny and "元" not in s:
            drop(src, s, "no-number" if not re.search(r"[一二两三四五六七八九十百千万亿]", s) else "foreign")
        elif cny:
            expected = [fig(s, s[r["Start"]:r["End"] + 1], rt_value(r["Resolution"]), "CNY") for r in cny]
            cls = "money-kuai" if re.search(r"[块毛角]", s) else "money"
            keep(src, s, cls, expected)
        elif not res or all(r["Resolution"].get("isoCurrency") != "CNY" for r in res):
            drop(src, s, "foreign" if res else "no-number")
        else:
            drop(src, s, "no-number")

    # ---- dimension
    src = "RT:" + RT_FILES["dimension"]
    for c in json.loads(git_show(gitdir, RT_COMMIT, RT_FILES["dimension"])):
        s = c["Input"]
        res = c.get("Results", [])
        if s.startswith("去年，潜江虾稻产业"):
            keep(src, s, "dimension", [
                fig(s, "180亿元", 1.8e10, "CNY", qualifier="over", added=True),
                fig(s, "16000元", 16000, "CNY", added=True),
                fig(s, "387万亩", 3.87e6, "mu"),
            ])
            continue
        if s == "今天2:00 pm, 你将会收到一个惊喜！":
            keep(src, s, "not-a-figure", [], forbids=[forbid(s, "2:00 pm", why="a clock time (guide §2)")],
                 prose="marginal")
            continue
        if s.startswith("如今身高"):
            drop(src, s, "height")
            continue
        if not res:
            drop(src, s, "no-number" if "dimension" in s else "id")
            continue
        units = [r["Resolution"]["unit"] for r in res]
        if any(u not in RT_DIM_UNITS for u in units):
            drop(src, s, "unit")
            continue
        expected = []
        for r in res:
            text = s[r["Start"]:r["End"] + 1]
            q = "nearly" if s[max(0, r["Start"] - 1):r["Start"]] == "近" else (
                "over" if s[max(0, r["Start"] - 2):r["Start"]] == "超过" else None)
            expected.append(fig(s, text, rt_value(r["Resolution"]), RT_DIM_UNITS[r["Resolution"]["unit"]],
                                qualifier=q))
        cls = ("negative" if s.startswith("负") else "dimension-half" if s.endswith("半")
               else "dimension")
        keep(src, s, cls, expected, prose="marginal" if s == "这里水深超过250m" else "yes",
             note="Latin unit letter after a number" if s == "这里水深超过250m" else "")

    # ---- percent
    src = "RT:" + RT_FILES["percent"]
    for c in json.loads(git_show(gitdir, RT_COMMIT, RT_FILES["percent"])):
        s = c["Input"]
        res = c.get("Results", [])
        if "http" in s:
            url = s.split(" ", 1)[1]
            keep(src, s, "url", [], forbids=[forbid(s, url, why="a web address (guide §5)")])
            continue
        if s == "七成 六":  # spaced in the spec; the 七成六 is the report form
            drop(src, s, "spaced")
            s2 = "七成六"
            keep("RT-adapted:" + RT_FILES["percent"], s2, "percent-cheng", [fig(s2, "七成六", 76, "%")],
                 note="adapted from the spec's spaced '七成 六'")
            continue
        if "折" in s:
            drop(src, s, "discount")
            continue
        if re.search(r"[kKＫ]", s):
            drop(src, s, "k")
            continue
        if SPACED.search(s) or re.search(r"\s", s.strip()) and not res:
            drop(src, s, "spaced")
            continue
        if re.match(r"^(百万|千万|万万|百万万)分之", s):
            drop(src, s, "ppm")
            continue
        if s == "五百分之2.2":
            drop(src, s, "malformed")
            continue
        if s in ("二三十个百分点", "二三十個百分點"):
            keep(src, s, "pp-range", [fig(s, s, 20, "pp", value_max=30, qualifier="about")],
                 note="the spec expects nothing (NotSupported: java); the guide reads 20-30, about")
            continue
        if s == "百分之二三十":
            keep(src, s, "percent-range", [fig(s, s, 20, "%", value_max=30, qualifier="about")],
                 note="the spec expects nothing; the guide/issue 12 read 20-30 %, about")
            continue
        if s == "找出酒精量在5-20%之间的产品":
            keep(src, s, "percent-range", [fig(s, "5-20%", 5, "%", value_max=20)], prose="marginal",
                 note="the spec resolves only 20%; here a range 5-20 %")
            continue
        if s == "上升了百分之2.2":
            keep(src, s, "percent", [fig(s, "百分之2.2", 2.2, "%")])
            continue
        if not res:
            drop(src, s, "no-number")
            continue
        expected = []
        for r in res:
            text = s[r["Start"]:r["End"] + 1]
            v = rt_value(r["Resolution"])
            nth = sum(1 for e in expected if e["text"] == text)
            if re.search(r"百分[点點]", text):
                expected.append(fig(s, text, v, "pp", nth=nth))
            elif re.search(r"^[千仟]分之", text):
                expected.append(fig(s, text, v, "%", nth=nth, alts=[{"value": v * 10, "unit": "‰"}]))
            elif re.search(r"^[万萬]分之", text):
                expected.append(fig(s, text, v, "%", nth=nth, alts=[{"value": v * 100, "unit": "‱"}]))
            else:
                expected.append(fig(s, text, v, "%", nth=nth))
        if s.startswith(("-", "－", "负")):
            cls = "negative"
        elif any("成" in e["text"] for e in expected):
            cls = "percent-cheng"
        elif any(e["unit"] == "pp" for e in expected):
            cls = "pp"
        elif re.search(r"[千仟万萬]分之", s):
            cls = "fraction"
        else:
            cls = "percent"
        prose, note = "yes", ""
        big = [e for e in expected if abs(e["value"]) >= 1000]
        if big:
            prose, note = "marginal", "a percent / pp of 1000 or more (the spec tests the numeral parser)"
        elif s in ("半成", "10成", "十成"):
            prose, note = "marginal", "十成 / 半成 are idiom-like, not statistics"
        elif s == "7.２成":
            prose, note = "marginal", "mixed half- and full-width digits in one number"
        elif s == "股票十天收盘价的百分之七十百分位大于1":
            prose, note = "marginal", "a percentile in a stock screen"
        elif "千分之一百一十一" in s or s in ("仟分之贰",):
            prose, note = "marginal", "thousandths above 100 / capital numerals in a fraction"
        elif s == "拾万零五十六点叁叁个百分点" or s == "拾萬零五十六點叁叁個百分點":
            prose, note = "marginal", "capital numerals in percentage points"
        keep(src, s, cls, expected, prose=prose, note=note)

    # ---- number model: only numerals with a unit of the guide
    src = "RT:" + RT_FILES["number"]
    for c in json.loads(git_show(gitdir, RT_COMMIT, RT_FILES["number"])):
        s = c["Input"]
        if s == "十斤":
            keep(src, s, "dimension", [fig(s, "十斤", 10, "jin")], note="the spec resolves the number only")
        elif s == "百分之五十五点五七九":
            keep(src, s, "percent", [fig(s, s, 55.579, "%")], note="the spec resolves the number only")
        elif s == "九年八吨":
            keep(src, s, "dimension", [fig(s, "八吨", 8, "t")], prose="marginal",
                 note="a bare phrase; the spec resolves the numbers only")
        elif s in ("六千零五十一个百分点", "六百一十一点二五五个百分点"):
            v = {"六千零五十一个百分点": 6051, "六百一十一点二五五个百分点": 611.255}[s]
            keep(src, s, "pp", [fig(s, s, v, "pp")], prose="marginal",
                 note="hundreds/thousands of percentage points (the spec tests the numeral parser)")
        elif s == "百分之十万零六百五十一":
            keep(src, s, "percent", [fig(s, s, 100651, "%")], prose="marginal",
                 note="a percent of 100651 (the spec tests the numeral parser)")
        elif re.search(r"百分之", s) and s.startswith(("一百分之", "壹百分之", "五百分之")):
            drop(src, s, "malformed")
        elif s == "一百零十万三千斤":
            drop(src, s, "malformed")
        elif "FILP" in s:
            drop(src, s, "japanese")
        elif re.search(r"美元", s):
            drop(src, s, "foreign")
        else:
            drop(src, s, "bare-number")

    for key, reason in (("age", "age"), ("temperature", "temperature")):
        src = "RT:" + RT_FILES[key]
        for c in json.loads(git_show(gitdir, RT_COMMIT, RT_FILES[key])):
            drop(src, c["Input"], reason)
    return kept, dropped


# ---------------------------------------------------------------------------------------------------------
# JioNLP


def jio_list(gitdir: str, path: str) -> list:
    tree = ast.parse(git_show(gitdir, JIO_COMMIT, path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "money_string_list":
            return ast.literal_eval(node.value)
    raise ValueError(f"no money_string_list in {path}")


# JioNLP parser cases kept: input -> (class, value, value_max, qualifier, prose, note)
JIO_PARSER_KEEP = {
    "82，225.00元": ("money", 82225, None, None, "marginal", "a full-width comma as thousands separator"),
    "233,333，333,434.344元": ("money", 233333333434.344, None, None, "marginal", "mixed thousands separators"),
    "1.2万元": ("money", 12000, None, None, "yes", ""),
    "123元1角1分": ("money-kuai", 123.11, None, None, "yes", ""),
    "六十四万零一百四十三元一角七分": ("money-kuai", 640143.17, None, None, "yes", ""),
    "壹万二千三百四十五元": ("capital-numerals", 12345, None, None, "yes", ""),
    "肆佰叁拾萬圆整": ("capital-numerals", 4300000, None, None, "yes", ""),
    "肆佰叁拾萬圆": ("capital-numerals", 4300000, None, None, "yes", ""),
    "十块三毛": ("money-kuai", 10.3, None, None, "yes", ""),
    "一百三十五块六角七分钱": ("money-kuai", 135.67, None, None, "yes", ""),
    "一百二十三元1角1分": ("money-kuai", 123.11, None, None, "yes", ""),
    "近700万元": ("money", 7e6, None, "nearly", "yes", ""),
    "至少九千块钱以上": ("money-kuai", 9000, None, "at_least", "yes", ""),
    "几十万块": ("money-kuai", 1e5, None, "about", "marginal",
             "块 with no noun after it and no price word; the guide reads 几十万 as 100000 about (optional)"),
    "人民币数十亿元": ("money", 1e9, None, "about", "yes", "guide §5: 几万 / 数百 -> the lower power, about"),
    "数十亿元人民币": ("money", 1e9, None, "about", "yes", "guide §5: 几万 / 数百 -> the lower power, about"),
    "十几块钱": ("money-kuai", 10, None, "over", "yes", "guide §5: 十几万元 -> 100000 over"),
    "1万-5万元": ("money-range", 10000, 50000, None, "yes", ""),
    "1万元--5万元": ("money-range", 10000, 50000, None, "yes", ""),
    "一百二十到一百五十万元": ("money-range", 1.2e6, 1.5e6, None, "yes", ""),
    "一千到两千万元人民币": ("money-range", 1e7, 2e7, None, "yes", ""),
    "七千到九千亿元": ("money-range", 7e11, 9e11, None, "yes", ""),
    "三五百块": ("money-range", 300, 500, "about", "marginal", "块 with no noun after it and no price word"),
    "四五千块钱": ("money-range", 4000, 5000, "about", "yes", ""),
    "50万元（含）以上": ("money", 5e5, None, "at_least", "yes", ""),
    "1万(含)-5万元": ("money-range", 10000, 50000, None, "yes", ""),
}
JIO_PARSER_DROP = {"三百万": "bare-number", "肆佰叁拾萬": "bare-number", "小于40万": "bare-number",
                   "15k左右": "k", "30w上下": "k", "10~15k元": "k"}


def jio_cases(gitdir: str) -> tuple[list[dict], list[dict]]:
    kept: list[dict] = []
    dropped: list[dict] = []

    def keep(src: str, s: str, cls: str, expected: list, prose: str = "yes", note: str = "",
             forbids: list | None = None) -> None:
        kept.append(make_case("JIO", len(kept), src, s, cls, expected, prose, note, forbids))

    src = "JIO:" + JIO_FILES["extractor"]
    for s, peer in jio_list(gitdir, JIO_FILES["extractor"]):
        if s.startswith("张三赔偿李大花"):
            keep(src, s, "money", [fig(s, "601,293.11元", 601293.11, "CNY"),
                                   fig(s, "一万二千三百四十五元", 12345, "CNY"),
                                   fig(s, "9佰日元", 900, "JPY"),
                                   fig(s, "十块钱", 10, "CNY")],
                 note="a court ruling; 9佰日元 is checked as JPY 900")
        elif s.startswith("税额共计"):
            keep(src, s, "capital-numerals", [fig(s, "壹仟玖佰圆整", 1900, "CNY")],
                 forbids=[forbid(s, "12月31日", why="a date (guide §2)")])
        elif s.startswith("报账金额在1 万"):
            keep(src, s, "money-range", [fig(s, "1 万(含)-5 万元", 10000, "CNY", value_max=50000)],
                 prose="marginal", note="spaces inside the numbers (the parser spec's 1万(含)-5万元 is the prose form)")
        elif s.startswith("我们薪酬"):
            dropped.append({"source": src, "input": s, "reason": "k"})
        elif s.startswith("2.2本计划"):
            keep(src, s, "money", [fig(s, "3541.07万元", 35410700, "CNY")],
                 forbids=[forbid(s, "2.2本", why="a section number"), forbid(s, "2.3本", why="a section number")])
        elif s.startswith("到了次日的凌晨"):
            keep(src, s, "money", [fig(s, "2000余元", 2000, "CNY", qualifier="over")],
                 forbids=[forbid(s, "2许时", why="a clock time (guide §2)")])
        elif not peer:
            prose = "marginal" if "Administrator" in s else "yes"
            keep(src, s, "no-money", [], prose=prose,
                 forbids=[forbid(s, s, unit="CNY", why="the JioNLP spec finds no money here")],
                 note="no money in the sentence; other figures (counts, durations) are not checked")
        else:
            cls = "money-kuai" if re.search(r"[块毛角]", s) else "money"
            keep(src, s, cls, [fig(s, p["text"], None, "CNY") for p in peer])
    # fill the values of the plain money cases from their text (checked by hand)
    plain = {"10.56亿元": 1.056e9, "47.264287亿元": 4726428700.0, "123元1角1分": 123.11}
    for case in kept:
        for e in case["expected"]:
            if e["value"] is None:
                e["value"] = plain[e["text"]]

    src = "JIO:" + JIO_FILES["parser"]
    for s, peer in jio_list(gitdir, JIO_FILES["parser"]):
        if s in JIO_PARSER_KEEP:
            cls, v, vmax, q, prose, note = JIO_PARSER_KEEP[s]
            # peer check: the JioNLP value (lower end for a range) must agree with ours
            num = peer["num"]
            lo = float(num[0] if isinstance(num, list) else num)
            assert abs(lo - v) <= 1e-6 * max(1, abs(v)) or s in ("十几块钱",), (s, lo, v)
            keep(src, s, cls, [fig(s, s, v, "CNY", value_max=vmax, qualifier=q)], prose=prose, note=note)
        elif s in JIO_PARSER_DROP:
            dropped.append({"source": src, "input": s, "reason": JIO_PARSER_DROP[s]})
        elif peer["case"] != "元":
            dropped.append({"source": src, "input": s, "reason": "foreign"})
        else:
            raise SystemExit(f"JioNLP parser case not curated: {s}")
    return kept, dropped


# ---------------------------------------------------------------------------------------------------------
# web and e-mail addresses (written here). (sentence, [addresses], [(text, value, unit[, nth occurrence])]).
# A line that starts with 点击 / 扫码 is dropped whole as page furniture (data/filters.json), so no case
# starts with one.

URL_CASES = [
    ("详情请访问 http://www.gov.cn/zhengce/2023-05/12/content_5754321.htm 查看，全年投入资金1200万元。",
     ["http://www.gov.cn/zhengce/2023-05/12/content_5754321.htm"], [("1200万元", 1.2e7, "CNY")]),
    ("报名链接：https://example.org/apply?rate=30%25&n=100%20人，截至目前已有356名党员报名。",
     ["https://example.org/apply?rate=30%25&n=100%20"], []),
    ("相关数据见https://data.stats.gov.cn/search.htm?s=%E5%A2%9E%E9%95%BF%E7%8E%87%2015.6%25，同比增长15.6%。",
     ["https://data.stats.gov.cn/search.htm?s=%E5%A2%9E%E9%95%BF%E7%8E%87%2015.6%25"], [("15.6%", 15.6, "%", 1)]),
    ("联系邮箱：zz_8848@qq.com，全村共有耕地3200亩。", ["zz_8848@qq.com"], [("3200亩", 3200, "mu")]),
    ("登录www.12371.cn/2022/10/16/ARTI1665901576200482.shtml学习二十大报告。",
     ["www.12371.cn/2022/10/16/ARTI1665901576200482.shtml"], []),
    ("投诉邮箱xf12345@sz.gov.cn今年收到的来信办结率达98%。", ["xf12345@sz.gov.cn"], [("98%", 98, "%")]),
    ("原文链接：https://mp.weixin.qq.com/s?__biz=MzA3NjU4MjA1Ng==&mid=2650012345&idx=1&sn=8f3c%2B5a%3D%3D#rd",
     ["https://mp.weixin.qq.com/s?__biz=MzA3NjU4MjA1Ng==&mid=2650012345&idx=1&sn=8f3c%2B5a%3D%3D#rd"], []),
    ("详见 http://proquest.umi.com/pqdweb?RQT=305&SQ=issn%280024%2D9114%29%20and%20volume%2872%29 了解，"
     "村集体收入增加35万元。",
     ["http://proquest.umi.com/pqdweb?RQT=305&SQ=issn%280024%2D9114%29%20and%20volume%2872%29"],
     [("35万元", 3.5e5, "CNY")]),
    ("请在https://www.example.com/report_2023.pdf?page=15&zoom=80%25下载全文，全年粮食产量达1.2万吨。",
     ["https://www.example.com/report_2023.pdf?page=15&zoom=80%25"], [("1.2万吨", 12000, "t")]),
    ("公示网址：http://jxj.ningbo.gov.cn/art/2023/6/1/art_1229123456_58912345.html，覆盖率达100%。",
     ["http://jxj.ningbo.gov.cn/art/2023/6/1/art_1229123456_58912345.html"], [("100%", 100, "%")]),
    ("意见请发至 dangjian_2023%team@163.com 或 http://t.cn/A6x%2F50%25off ，两项满意度均超过9成。",
     ["dangjian_2023%team@163.com", "http://t.cn/A6x%2F50%25off"], [("9成", 90, "%")]),
    ("网页 https://zh.wikipedia.org/wiki/%E4%B8%AD%E5%9B%BD%E5%85%B1%E4%BA%A7%E5%85%9A 载明，党员总数9918.5万名。",
     ["https://zh.wikipedia.org/wiki/%E4%B8%AD%E5%9B%BD%E5%85%B1%E4%BA%A7%E5%85%9A"], []),
]


def url_cases() -> list[dict]:
    out = []
    for i, (s, urls, figs) in enumerate(URL_CASES):
        out.append({"id": f"URL-{i:03d}", "source": "local", "class": "url", "input": s,
                    "expected": [fig(s, t, v, u, nth=rest[0] if rest else 0) for t, v, u, *rest in figs],
                    "forbid": [forbid(s, u, why="a web or e-mail address (guide §5)") for u in urls],
                    "prose": "yes"})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rt-git", default="/work/.mirror/microsoft+Recognizers-Text/repo")
    ap.add_argument("--jio-git", default="/work/.mirror/dongrixinyu+JioNLP/repo")
    ap.add_argument("--out", default=str(HERE / "cases.jsonl"))
    ap.add_argument("--dropped", default=str(HERE / "dropped.jsonl"))
    a = ap.parse_args(argv)
    k1, d1 = rt_cases(a.rt_git)
    k2, d2 = jio_cases(a.jio_git)
    cases = k1 + k2 + url_cases()
    dropped = d1 + d2
    ids = collections.Counter(c["id"] for c in cases)
    assert all(n == 1 for n in ids.values()), [i for i, n in ids.items() if n > 1]
    for c in cases:  # every span is where it says
        for e in c["expected"] + c.get("forbid", []):
            assert c["input"][e["start"]:e["end"]] == e["text"], (c["id"], e)
    with open(a.out, "w", encoding="utf-8") as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    with open(a.dropped, "w", encoding="utf-8") as f:
        for d in dropped:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"kept {len(cases)} cases -> {a.out}")
    for cls, n in sorted(collections.Counter(c["class"] for c in cases).items()):
        print(f"  {cls:18} {n}")
    print(f"dropped {len(dropped)} -> {a.dropped}")
    for reason, n in collections.Counter(d["reason"] for d in dropped).most_common():
        print(f"  {n:4}  {reason}: {R[reason]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
