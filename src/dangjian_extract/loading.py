"""Helpers for the one-off loading work of a process (the pipeline, the gazetteer), and the collector pause of
one extract() call."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused = 0  # loads and extract() calls in progress that paused the collector
_freeze_due = False  # a load ended inside another pause: freeze what is live when the last pause ends


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading data that lives as long as the process.

    Building the pipeline and the gazetteer allocates a few hundred thousand objects that are never freed;
    meanwhile the collector would walk every live object again and again (a quarter of the load time) and
    find nothing. Reference counting still frees what the load drops. A collector the caller switched off
    stays off.

    When the last load ends, what is live is moved to the collector's permanent generation (``gc.freeze``):
    later full collections, and the many collections of interpreter shutdown (0.15 s after ``import spacy``),
    no longer walk the loaded data and the imported modules again.
    """
    global _freeze_due
    with _pause():
        try:
            yield
        finally:
            _freeze_due = True  # (inside an extract() call: when it ends)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during one extract() call.

    A call allocates a few objects per character and per figure (spans, their fields, match objects, the
    records), and the collector, counting allocations, would walk the young ones again and again although the
    call's own garbage is a few span/Doc reference cycles, freed by the first collection after it (a tenth of
    the time of a text dense in figures, 1% 1% 1%…). Nothing is frozen here; a collector the caller switched
    off stays off.
    """
    with _pause():
        yield


@contextmanager
def _pause() -> Iterator[None]:
    global _paused, _freeze_due
    with _lock:
        pause = _paused > 0 or gc.isenabled()
        if pause:
            _paused += 1
            gc.disable()
    try:
        yield
    finally:
        if pause:
            with _lock:
                _paused -= 1
                if _paused == 0:
                    if _freeze_due:
                        gc.freeze()
                        _freeze_due = False
                    gc.enable()
