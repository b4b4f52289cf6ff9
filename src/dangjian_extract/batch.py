"""Streaming extraction over many texts: ``extract_many``.

One process runs the pipeline over each text as :func:`~dangjian_extract.extract` does. With ``n_process > 1``
each worker process builds the pipeline once, runs it over a batch and sends back finished :class:`Extraction`
records (pickled pydantic models are smaller and cheaper to move than serialised Docs, and the parent then does
no NLP work at all).
At most ``2 × n_process`` batches are in flight, so an endless iterator streams in constant memory.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from typing import Any

from .models import Extraction
from .pipeline import (
    _check_text,
    _reference_date,
    _runs_lite,
    empty_extraction,
    load,
    memory_zone,
    records_from_doc,
    run_pipeline,
)
from .tokenizer import ORIGINAL_KEY

Item = str | bytes | tuple[Any, ...]
# (doc_id, text, reference_date) — the item after validation
_Job = tuple[str | None, str, date | None]


def _job(index: int, item: Any, reference: date | None) -> _Job:
    if isinstance(item, tuple):
        if len(item) not in (2, 3):
            raise TypeError(f"extract_many() item {index}: a tuple must be (doc_id, text) or "
                            f"(doc_id, text, reference_date), got {len(item)} elements")
        doc_id, text = item[0], item[1]
        if doc_id is not None and not isinstance(doc_id, str):
            doc_id = str(doc_id)
        if len(item) == 3 and item[2] is not None:
            reference = _reference_date(item[2])
    else:
        doc_id, text = None, item
    where = f"extract_many() item {index}{f' ({doc_id})' if doc_id else ''}"
    try:
        return doc_id, _check_text(text), reference
    except TypeError:
        raise TypeError(f"{where}: needs the report text as str, got {type(text).__name__}") from None
    except UnicodeDecodeError:
        raise
    except ValueError as err:  # too long
        raise ValueError(f"{where}: {err}") from None


def _jobs(items: Iterable[Item], reference: date | None) -> Iterator[_Job]:
    for index, item in enumerate(items):
        yield _job(index, item, reference)


def _run_batch(jobs: list[_Job], extra_lexicon: dict[str, Any] | None, batch_size: int) -> list[Extraction]:
    nlp = load(extra_lexicon)
    if _runs_lite(nlp):  # as extract() does: on LiteDocs
        return [run_pipeline(nlp, text, doc_id=doc_id, reference_date=ref) if text.strip()
                else empty_extraction(text, doc_id, ref) for doc_id, text, ref in jobs]
    results = []
    # the records are built inside the zone and hold no spaCy objects, so they outlive it
    with memory_zone(nlp):
        pairs = ((text, (doc_id, ref)) for doc_id, text, ref in jobs)
        for doc, (doc_id, ref) in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            original = doc.user_data.get(ORIGINAL_KEY, "")
            if not original.strip():  # same as extract(): blank text gives an empty Extraction
                results.append(empty_extraction(original, doc_id, ref))
            else:
                results.append(records_from_doc(doc, doc_id=doc_id, reference_date=ref))
    return results


def _chunks(jobs: Iterator[_Job], size: int) -> Iterator[list[_Job]]:
    """Lists of up to ``size`` jobs; a bad item ends the stream only after the good ones before it."""
    chunk: list[_Job] = []
    try:
        for job in jobs:
            chunk.append(job)
            if len(chunk) == size:
                yield chunk
                chunk = []
    except Exception:
        if chunk:
            yield chunk
        raise
    if chunk:
        yield chunk


def _run(jobs: Iterator[_Job], extra_lexicon: dict[str, Any] | None, batch_size: int) -> Iterator[Extraction]:
    # one batch at a time, results yielded outside the zone (the caller may call extract() in between)
    for chunk in _chunks(jobs, batch_size):
        yield from _run_batch(chunk, extra_lexicon, batch_size)


def _warm(extra_lexicon: dict[str, Any] | None) -> None:
    load(extra_lexicon)


def _parallel(jobs: Iterator[_Job], extra_lexicon: dict[str, Any] | None, batch_size: int,
              n_process: int) -> Iterator[Extraction]:
    chunks = _chunks(jobs, batch_size)
    error: Exception | None = None
    with ProcessPoolExecutor(max_workers=n_process, initializer=_warm, initargs=(extra_lexicon,)) as pool:
        pending: deque[Future[list[Extraction]]] = deque()
        while True:
            while error is None and len(pending) < 2 * n_process:
                try:
                    chunk = next(chunks)
                except StopIteration:
                    break
                except Exception as exc:  # a bad item: finish what came before it, then raise
                    error = exc
                    break
                pending.append(pool.submit(_run_batch, chunk, extra_lexicon, batch_size))
            if not pending:
                break
            yield from pending.popleft().result()
    if error is not None:
        raise error


def extract_many(items: Iterable[Item], *, batch_size: int = 64, n_process: int = 1,
                 extra_lexicon: dict[str, Any] | None = None,
                 reference_date: date | str | None = None) -> Iterator[Extraction]:
    """One :class:`Extraction` per item, in input order, streamed.

    ``items`` are texts (``str``, or UTF-8 ``bytes``), ``(doc_id, text)`` pairs, or
    ``(doc_id, text, reference_date)`` triples; ``reference_date`` here is the default for items without
    their own. Each result equals ``extract(text, doc_id=doc_id, reference_date=...)``. ``n_process > 1``
    runs that many worker processes (``-1``: one per CPU); each batch of ``batch_size`` texts is one unit
    of work. A bad item raises ``TypeError`` naming its position when the stream reaches it.

    >>> [r.doc_id for r in extract_many([("a", "新增企业7家"), ("b", "")])]
    ['a', 'b']
    """
    if isinstance(items, (str, bytes)):
        raise TypeError("extract_many() needs an iterable of texts; for one text use extract()")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    if not isinstance(n_process, int) or n_process == 0 or n_process < -1:
        raise ValueError(f"n_process must be a positive int or -1, got {n_process!r}")
    if n_process == -1:
        n_process = os.cpu_count() or 1
    reference = _reference_date(reference_date)
    load(extra_lexicon)  # a bad lexicon fails here, before any worker starts
    try:
        iterator = iter(items)
    except TypeError:
        raise TypeError(f"extract_many() needs an iterable of texts, got {type(items).__name__}") from None
    jobs = _jobs(iterator, reference)
    if n_process == 1:
        return _run(jobs, extra_lexicon, batch_size)
    return _parallel(jobs, extra_lexicon, batch_size, n_process)
