"""Reading a text's metrics as (text, value, value_max, unit, qualifier) rows, for the detection tables."""

from __future__ import annotations

import pytest

from dangjian_extract import extract


def read_rows(text: str) -> list[tuple]:
    return [(m.text, m.value, m.value_max, m.unit, m.qualifier) for m in extract(text).metrics]


def check_rows(text: str, expected: list[tuple]) -> None:
    got = read_rows(text)
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        assert g[0] == e[0], got
        assert g[1] == pytest.approx(e[1]), got
        assert (g[2] is None and e[2] is None) or g[2] == pytest.approx(e[2]), got
        assert g[3:] == e[3:], got
