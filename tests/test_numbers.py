"""The numeral parser, checked against cn2an where both apply, and on what cn2an does not cover."""

from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dangjian_extract.numbers import parse_number


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_agrees_with_cn2an_on_integers(n: int) -> None:
    written = cn2an.an2cn(n)
    parsed = parse_number(written)
    assert parsed is not None and parsed.value == n, written


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["", "万", "亿", "千万", "百万"]))
def test_arabic_with_multipliers(n: int, mult: str) -> None:
    scale = {"": 1, "万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6}[mult]
    assert parse_number(str(n), mult).value == n * scale


@pytest.mark.parametrize(("numeral", "mult", "value", "value_max"), [
    ("四五", "万", 40000, 50000), ("六七", "千", 6000, 7000), ("三五", "百", 300, 500),
    ("", "万", 10000, None), ("百", "", 100, None), ("两", "", 2, None), ("零点五", "", 0.5, None),
    ("1,300", "", 1300, None), ("50.67", "亿", 5.067e9, None), ("8", "千万", 8e7, None),
])
def test_cases_cn2an_does_not_cover(numeral: str, mult: str, value: float, value_max: float | None) -> None:
    parsed = parse_number(numeral, mult)
    assert parsed is not None
    assert parsed.value == pytest.approx(value)
    assert parsed.value_max == (None if value_max is None else pytest.approx(value_max))


@pytest.mark.parametrize("bad", ["十十", "万万万", "abc", "1.2.3", "点"])
def test_malformed_numerals_give_none(bad: str) -> None:
    assert parse_number(bad) is None
