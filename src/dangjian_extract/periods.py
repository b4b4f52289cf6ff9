"""Resolve the date specs a period component stores on a span into dates.

A spec is a short string, so that Docs stay plain data and resolution can wait for the caller's
``reference_date`` (the report's publication date):

* ``2024-01-01`` — an absolute date;
* ``ref`` — the reference date itself (目前, 截至目前);
* ``Y+0-01-01``, ``Y-1-12-31``, ``Y+0-07-end`` — a month and day in the reference year plus an
  offset in years; ``end`` is the last day of that month;
* ``M+0-01``, ``M-1-end`` — a day in the reference month plus an offset in months.

Relative specs resolve to ``None`` without a reference date.
"""

from __future__ import annotations

import calendar
from datetime import date

import regex

_ABSOLUTE = regex.compile(r"(\d{4})-(\d{2})-(\d{2}|end)")
_YEAR = regex.compile(r"Y([+-]\d+)-(\d{2})-(\d{2}|end)")
_MONTH = regex.compile(r"M([+-]\d+)-(\d{2}|end)")


def _day(year: int, month: int, day: str) -> date | None:
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return None
    last = calendar.monthrange(year, month)[1]
    d = last if day == "end" else int(day)
    return date(year, month, d) if 1 <= d <= last else None


def resolve(spec: str | None, reference: date | None) -> date | None:
    """The date a spec names, or None when it cannot be resolved (bad spec, or relative without reference)."""
    if not spec:
        return None
    if m := _ABSOLUTE.fullmatch(spec):
        return _day(int(m[1]), int(m[2]), m[3])
    if reference is None:
        return None
    if spec == "ref":
        return reference
    if m := _YEAR.fullmatch(spec):
        return _day(reference.year + int(m[1]), int(m[2]), m[3])
    if m := _MONTH.fullmatch(spec):
        months = reference.year * 12 + reference.month - 1 + int(m[1])
        return _day(months // 12, months % 12 + 1, m[2])
    return None
