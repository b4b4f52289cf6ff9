"""extract_many: same records as extract, in order, streamed, and really parallel with n_process > 1."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dangjian_extract import Extraction, extract, extract_many
from dangjian_extract import batch as batch_module


@pytest.fixture(scope="module")
def reports(fixtures_dir: Path) -> list[tuple[str, str]]:
    paths = sorted(fixtures_dir.glob("seeds/*.txt")) + sorted(fixtures_dir.glob("dev/*.txt"))
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


def test_same_records_as_extract_in_order(reports: list[tuple[str, str]]) -> None:
    expected = [extract(text, doc_id=doc_id) for doc_id, text in reports]
    assert list(extract_many(reports, batch_size=3)) == expected
    # plain strings: no doc_id
    plain = list(extract_many(text for _, text in reports))
    assert [r.doc_id for r in plain] == [None] * len(reports)
    assert [r.metrics for r in plain] == [r.metrics for r in expected]


def test_reference_date_default_and_per_item(reports: list[tuple[str, str]]) -> None:
    doc_id, text = next((d, t) for d, t in reports if "今年" in t)
    default = next(extract_many([(doc_id, text)], reference_date="2023-06-30"))
    assert default == extract(text, doc_id=doc_id, reference_date="2023-06-30")
    per_item = next(extract_many([(doc_id, text, date(2021, 3, 1))], reference_date="2023-06-30"))
    assert per_item == extract(text, doc_id=doc_id, reference_date=date(2021, 3, 1))
    years = {m.period.from_date.year for m in per_item.metrics if m.period and m.period.from_date}
    assert 2021 in years and 2023 not in years


def test_blank_and_bytes_items_match_extract() -> None:
    items = ["", "   \n", "新增企业7家".encode(), "新增企业7家"]
    assert list(extract_many(items)) == [extract(t) for t in items]


def test_parallel_equals_serial(reports: list[tuple[str, str]]) -> None:
    expected = [extract(text, doc_id=doc_id) for doc_id, text in reports]
    assert list(extract_many(reports * 2, n_process=2, batch_size=2)) == expected * 2


def _pid_batch(jobs: list[tuple[str | None, str, date | None]], *args: object) -> list[Extraction]:
    return [Extraction(doc_id=str(os.getpid())) for _ in jobs]


def test_parallel_runs_in_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    if batch_module.ProcessPoolExecutor()._mp_context.get_start_method() != "fork":
        pytest.skip("the patched batch function reaches workers only when they are forked")
    monkeypatch.setattr(batch_module, "_run_batch", _pid_batch)
    pids = {r.doc_id for r in extract_many(["新增企业7家"] * 64, n_process=2, batch_size=1)}
    assert str(os.getpid()) not in pids
    assert len(pids) == 2


def _endless(pulled: list[int]) -> Iterator[str]:
    for i in itertools.count():
        pulled.append(i)
        yield f"第{i}批新增企业{i % 50 + 1}家。"


@pytest.mark.parametrize("n_process", [1, 2])
def test_streams_an_endless_iterator(n_process: int) -> None:
    pulled: list[int] = []
    stream = extract_many(_endless(pulled), batch_size=4, n_process=n_process)
    first = list(itertools.islice(stream, 30))
    assert [r.metrics[-1].value for r in first] == [i % 50 + 1 for i in range(30)]
    # read-ahead is bounded: at most the batches in flight, never the whole input
    assert len(pulled) <= 30 + 4 * (2 * n_process + 1)
    stream.close()


def test_bad_item_is_named_when_reached() -> None:
    stream = extract_many(["新增企业7家", ("doc-2", None)])
    assert next(stream).metrics[0].value == 7
    with pytest.raises(TypeError, match=r"item 1 \(doc-2\).*NoneType"):
        next(stream)
    with pytest.raises(TypeError, match="item 0.*got 4 elements"):
        list(extract_many([("a", "b", None, "extra")]))


@pytest.mark.parametrize("kwargs, error", [
    ({"batch_size": 0}, ValueError), ({"n_process": 0}, ValueError), ({"n_process": 1.5}, ValueError),
    ({"reference_date": "yesterday"}, ValueError),
])
def test_bad_arguments_fail_at_once(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        extract_many(["新增企业7家"], **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("items", ["一段文字", b"bytes", 42, None])
def test_not_an_iterable_of_texts(items: object) -> None:
    with pytest.raises(TypeError, match="extract_many"):
        extract_many(items)  # type: ignore[arg-type]
