"""The word lists the rules read, loaded from JSON data files inside the package.

Users extend them without touching code: ``load(extra_lexicon={"units": {"measure_words": ["尾"]}})``
merges lists (appended) and mappings (updated) into the packaged data, file by file.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import regex

DATA_FILES = ("units", "qualifiers", "filters", "context", "entities", "periods", "categories")


@dataclass(frozen=True)
class UnitInfo:
    """One unit word: its code in ``Metric.unit`` and the kind of metric it makes."""

    text: str
    unit: str
    kind: str
    scale: float = 1.0  # the value in ``unit`` of one of this word (毛钱: 0.1 yuan)


@dataclass(frozen=True)
class Lexicon:
    """All word lists, read-only once built."""

    units: dict[str, UnitInfo]
    counted_nouns: tuple[str, ...]
    qualifiers_before: dict[str, str]
    qualifiers_after: dict[str, str]
    qualifiers_inner: dict[str, str]
    qualifiers_bare_before: dict[str, str]
    stop_phrases: tuple[str, ...]
    max_quote_length: int
    ordinal_prefixes: tuple[str, ...]
    relative_time_after: tuple[str, ...]
    year_duration_after: tuple[str, ...]
    increase: tuple[str, ...]
    decrease: tuple[str, ...]
    increase_after: tuple[str, ...]
    decrease_after: tuple[str, ...]
    level: tuple[str, ...]
    noun_units: dict[str, str]
    unit_not_followed_by: dict[str, tuple[str, ...]]
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)


def _read(name: str) -> dict[str, Any]:
    with resources.files("dangjian_extract").joinpath(f"data/{name}.json").open(encoding="utf-8") as f:
        return json.load(f)


def _merge(base: dict[str, Any], extra: dict[str, Any], where: str) -> None:
    for key, value in extra.items():
        if key not in base:
            base[key] = copy.deepcopy(value)
        elif isinstance(base[key], list) and isinstance(value, list):
            base[key] = base[key] + [v for v in value if v not in base[key]]
        elif isinstance(base[key], dict) and isinstance(value, dict):
            _merge(base[key], value, f"{where}.{key}")
        elif type(base[key]) is type(value):
            base[key] = value
        else:
            raise TypeError(f"lexicon entry {where}.{key} must be a {type(base[key]).__name__}, "
                            f"got {type(value).__name__}")


def alternation(words: Any) -> str:
    """A regex that matches any of the words, longest first (so 同比增长 wins over 增长); never matches if empty.

    Written as a prefix tree (同比(?:增长|下降)|增长 …): at each position the engine follows the one branch of the
    character it reads instead of trying every word in turn, which makes long lists several times faster. The
    words a position can match all lie on one path of the tree, and each optional tail is greedy, so they are
    tried longest first, as in a plain alternation sorted by length: the same matches in every pattern (read
    forwards; not for a pattern matched in reverse).
    """
    root: dict[str, Any] = {}
    for word in {str(w) for w in words if w}:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(root) or "(?!)"


def _branches(node: dict[str, Any]) -> str:
    branches = [regex.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{'|'.join(branches)})"
    return f"{body}?" if "" in node else body


def _longest_first(words: Any) -> tuple[str, ...]:
    return tuple(sorted({str(w) for w in words if w}, key=lambda w: (-len(w), w)))


def build_lexicon(extra: dict[str, Any] | None = None) -> Lexicon:
    """Read the packaged data files and merge ``extra`` ({file name: {key: list | dict}}) into them."""
    raw = {name: _read(name) for name in DATA_FILES}
    if extra:
        if not isinstance(extra, dict):
            raise TypeError(f"extra_lexicon must be a dict, got {type(extra).__name__}")
        for name, entries in extra.items():
            if name not in raw:
                raise ValueError(f"unknown lexicon file {name!r}; expected one of {', '.join(DATA_FILES)}")
            if not isinstance(entries, dict):
                raise TypeError(f"extra_lexicon[{name!r}] must be a dict, got {type(entries).__name__}")
            _merge(raw[name], entries, name)
    units: dict[str, UnitInfo] = {}
    for word in raw["units"]["measure_words"]:
        units[word] = UnitInfo(word, word, "count")
    for entry in raw["units"]["units"]:
        units[entry["text"]] = UnitInfo(entry["text"], entry["unit"], entry["kind"], float(entry.get("scale", 1.0)))
    q, f, c = raw["qualifiers"], raw["filters"], raw["context"]
    return Lexicon(
        units=units,
        counted_nouns=_longest_first(raw["units"]["counted_nouns"]),
        qualifiers_before=dict(q["before"]),
        qualifiers_after=dict(q["after"]),
        qualifiers_inner=dict(q["inner"]),
        qualifiers_bare_before=dict(q["bare_before"]),
        stop_phrases=_longest_first(f["stop_phrases"]),
        max_quote_length=int(f["max_quote_length"]),
        ordinal_prefixes=tuple(f["ordinal_prefixes"]),
        relative_time_after=_longest_first(f["relative_time_after"]),
        year_duration_after=_longest_first(f["year_duration_after"]),
        increase=_longest_first(c["increase"]),
        decrease=_longest_first(c["decrease"]),
        increase_after=_longest_first(c["increase_after"]),
        decrease_after=_longest_first(c["decrease_after"]),
        level=_longest_first(c["level"]),
        noun_units=dict(c["noun_units"]),
        unit_not_followed_by={k: tuple(v) for k, v in f.get("unit_not_followed_by", {}).items()},
        raw=raw,
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, read once per process."""
    return build_lexicon()


_BY_KEY: dict[str, Lexicon] = {}


def lexicon_for(extra: dict[str, Any] | None) -> Lexicon:
    """The lexicon for one ``extra_lexicon`` config, shared by every component of a pipeline."""
    if not extra:
        return default_lexicon()
    key = json.dumps(extra, sort_keys=True, ensure_ascii=False)
    if key not in _BY_KEY:
        _BY_KEY[key] = build_lexicon(extra)
    return _BY_KEY[key]
