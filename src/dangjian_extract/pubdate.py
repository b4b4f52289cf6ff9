"""The date a report prints about itself: ``reference_date="auto"``.

Only what the page says of itself counts, never a date in a story:

- a line that is nothing but a full date (2024年6月30日, 2024-06-30 10:21, 2024年6月30日 星期日) among the
  page's first or last lines (a masthead, a bulletin's signature date);
- a short line (no sentence end: 。！？) with a full date and a label: 来源/发布时间/日期/记者/编辑 …
  (``来源：人民日报 2024-06-30``), or an edition note (``《人民日报》（2024年6月30日 第07版）``);
- a dateline, 本报6月29日讯 / 新华社北京6月30日电 (本報…訊, …電 as well), whose year comes from a full date
  on the line itself, else from the full dates printed on the page: the earliest year that puts the dateline
  on or after the latest of them (a story tells what happened before it was printed). With no full date on
  the page the year is unknown and no date is given.

The first full date found (top to bottom) wins; a dateline is used only when no full date is printed.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import regex

_WIDE = str.maketrans("０１２３４５６７８９：－／．", "0123456789:-/.")
_TRAD = str.maketrans("報訊電網臺編輯發時間來導歲週", "报讯电网台编辑发时间来导岁周")


_SENTENCE_END = regex.compile(r"[。！？!?]")


class PageDate(NamedTuple):
    date: date
    how: str  # "line" | "label" | "dateline"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern[str]]:
    data = json.loads(resources.files(__package__).joinpath("data/pubdate.json").read_text(encoding="utf-8"))

    def alt(words: list[str]) -> str:
        return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))

    full = (r"(?P<y>(?:19|20)\d\d)\s*(?:年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
            r"|(?P<sep>[-/.])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<d2>\d{1,2})(?!\d))")
    clock = r"(?:\s*(?:[上下]午|凌晨|晚)?\s*\d{1,2}\s*[:时]\s*\d{1,2}(?:\s*[:分]\s*\d{1,2}秒?)?分?)?"
    weekday = r"(?:\s*[（(]?\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[)）]?)?"
    agency = rf"(?:{alt(data['agencies'])}|[\p{{Han}}A-Za-z]{{1,8}}?(?:{alt(data['agency_suffixes'])}))"
    return {
        "full": regex.compile(full),
        "line": regex.compile(rf"^\W*{full}{clock}{weekday}\W*$"),
        "label": regex.compile(rf"(?:^|[\s|｜,，;；(（【\[])(?:{alt(data['labels'])})\s*[:：]?"),
        "edition": regex.compile(rf"{full}{weekday}\s*(?:第\s*\d+\s*版|\d+\s*版)"),
        "dateline": regex.compile(
            rf"(?:^|[\s(（【\[|｜])\s*{agency}\s*[\p{{Han}}]{{0,8}}?\s*"
            rf"(?:(?P<y>(?:19|20)\d\d)\s*年\s*)?(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日\s*"
            rf"(?:{alt(data['dateline_ends'])})"),
        "settings": data,  # type: ignore[dict-item]
    }


def _date(y: str | None, m: str | None, d: str | None) -> date | None:
    if not (y and m and d):
        return None
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _full(match: regex.Match[str]) -> date | None:
    return _date(match["y"], match["m"] or match["m2"], match["d"] or match["d2"])


def page_date(text: str) -> PageDate | None:
    """The date the page prints about itself, or None when it prints none (see the module's rules)."""
    p = _patterns()
    settings = p["settings"]
    text = text.translate(_WIDE).translate(_TRAD)
    lines = [line.strip() for line in text.splitlines()]
    filled = [i for i, line in enumerate(lines) if line]
    edges = set(filled[: settings["top_lines"]]) | set(filled[-settings["bottom_lines"]:])
    for i in filled:
        line = lines[i]
        if i in edges:
            m = p["line"].match(line)
            if m and (found := _full(m)):
                return PageDate(found, "line")
        if len(line) <= settings["max_line"] and not _SENTENCE_END.search(line):  # a note, not a sentence
            m = p["edition"].search(line)
            if m and (found := _full(m)):
                return PageDate(found, "label")
            if p["label"].search(line):
                for m in p["full"].finditer(line):
                    if found := _full(m):
                        return PageDate(found, "label")
    for m in p["dateline"].finditer(text):
        month, day = int(m["m"]), int(m["d"])
        if m["y"]:
            if found := _date(m["y"], m["m"], m["d"]):
                return PageDate(found, "dateline")
            continue
        printed = [d for d in (_full(f) for f in p["full"].finditer(text)) if d]
        if not printed:
            continue
        latest = max(printed)
        for year in (latest.year, latest.year + 1):
            found = _date(str(year), str(month), str(day))
            if found and found >= latest:
                return PageDate(found, "dateline")
    return None
