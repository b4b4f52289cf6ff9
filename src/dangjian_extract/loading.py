"""Helpers for the one-off loading work of a process (the pipeline, the gazetteer)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused = 0  # loads in progress that paused the collector


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
    global _paused
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
                    gc.freeze()
                    gc.enable()
