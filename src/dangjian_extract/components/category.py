"""Assign each metric a category id from the governance taxonomy (``span._.category``).

Categories, their words and the tie-break rules are data (``data/categories.json``, explained in its ``_doc``
and in docs/taxonomy.md). Every metric gets an id: when nothing fits, the ``_fallback.default`` ("other"), so
``span._.category`` is null only on spans this component has not seen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import fields, register_extensions
from ..lexicon import lexicon_for
from .quantities import METRICS_KEY

KINDS = ("money", "count", "percent", "pp", "measure", "score", "duration")
DEFAULT_KINDS = ("count",)
ID_PATTERN = regex.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_NOISE = regex.compile(r"[\s\"'“”‘’《》「」『』〈〉()（）]+")


@dataclass(frozen=True)
class Category:
    """One taxonomy entry."""

    id: str
    en: str
    zh: str
    kinds: frozenset[str]
    units: frozenset[str]
    order: int


@dataclass(frozen=True)
class _Rule:
    category: str
    kinds: frozenset[str] | None
    units: frozenset[str] | None
    change: bool | None

    def holds(self, unit: str | None, kind: str | None, change: str | None) -> bool:
        if self.kinds is not None and kind not in self.kinds:
            return False
        if self.units is not None and unit not in self.units:
            return False
        return self.change is None or self.change == (change is not None)


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"categories: {where} must be a list of strings")
    return [v for v in value if v]


class CategoryMatcher:
    """Maps (object, unit, kind, change) to a category id; built once per lexicon, read-only after."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.categories: dict[str, Category] = {}
        # word -> [(category id, is_verb)] in category order
        self._index: dict[str, list[tuple[str, bool]]] = {}
        for key, entry in raw.items():
            if key.startswith("_"):
                continue
            if not ID_PATTERN.fullmatch(key):
                raise ValueError(f"categories: id {key!r} must be snake_case ascii (a-z, 0-9, _)")
            if not isinstance(entry, dict):
                raise ValueError(f"categories: {key} must be an object")
            kinds = frozenset(_strings(entry.get("kinds", list(DEFAULT_KINDS)), f"{key}.kinds"))
            if kinds - set(KINDS):
                raise ValueError(f"categories: {key}.kinds has unknown kinds {sorted(kinds - set(KINDS))}")
            self.categories[key] = Category(key, str(entry.get("en", key)), str(entry.get("zh", "")), kinds,
                                            frozenset(_strings(entry.get("units", []), f"{key}.units")),
                                            len(self.categories))
            for field, is_verb in (("words", False), ("verbs", True)):
                for word in _strings(entry.get(field, []), f"{key}.{field}"):
                    slot = self._index.setdefault(word, [])
                    if (key, is_verb) not in slot:
                        slot.append((key, is_verb))
        self._lengths = tuple(sorted({len(w) for w in self._index}, reverse=True))
        self._suffixes = tuple(sorted(_strings(raw.get("_head_suffixes", []), "_head_suffixes"),
                                      key=len, reverse=True))
        self._rules = tuple(self._rule(r, i) for i, r in enumerate(raw.get("_rules", [])))
        fallback = raw.get("_fallback", {})
        if not isinstance(fallback, dict):
            raise ValueError("categories: _fallback must be an object")
        self._by_unit: dict[str, str] = dict(fallback.get("units", {}))
        self._by_kind: dict[str, str] = dict(fallback.get("kinds", {}))
        self.default: str | None = fallback.get("default", "other")
        referenced = [r.category for r in self._rules] + [*self._by_unit.values(), *self._by_kind.values()]
        if self.default is not None:
            referenced.append(self.default)
        unknown = sorted({c for c in referenced if c not in self.categories})
        if unknown:
            raise ValueError(f"categories: _rules/_fallback name unknown categories {unknown}")

    @staticmethod
    def _rule(entry: Any, i: int) -> _Rule:
        if not isinstance(entry, dict) or not isinstance(entry.get("category"), str):
            raise ValueError(f"categories: _rules[{i}] must be an object with a 'category'")
        change = entry.get("change")
        if change is not None and not isinstance(change, bool):
            raise ValueError(f"categories: _rules[{i}].change must be true, false or absent")
        kinds = frozenset(_strings(entry["kind"], f"_rules[{i}].kind")) if "kind" in entry else None
        units = frozenset(_strings(entry["unit"], f"_rules[{i}].unit")) if "unit" in entry else None
        return _Rule(entry["category"], kinds, units, change)

    def _head_end(self, obj: str) -> int:
        end = len(obj)
        for _ in range(3):
            for suffix in self._suffixes:
                if obj.endswith(suffix, 0, end) and end > len(suffix):
                    end -= len(suffix)
                    break
            else:
                break
        return end

    def _best_word(self, obj: str, unit: str | None, kind: str | None) -> str | None:
        """Rank (tier, word length, end, -category order): tier = 2·head + unit fits the category.

        A unit that is itself a word (户 村 社区 企业) counts as a head word: 涉及居民2000户 counts households.
        """
        head_end = self._head_end(obj)
        best: tuple[int, int, int, int] | None = None
        best_id = None
        for cid, _ in self._index.get(unit, ()) if unit else ():
            cat = self.categories[cid]
            if kind is None or kind in cat.kinds:
                key = (2 + (unit in cat.units), len(unit), -1, -cat.order)
                if best is None or key > best:
                    best, best_id = key, cid
        n = len(obj)
        for i in range(n):
            for length in self._lengths:
                if i + length > n:
                    continue
                slot = self._index.get(obj[i:i + length])
                if slot is None:
                    continue
                end = i + length
                for cid, is_verb in slot:
                    cat = self.categories[cid]
                    if kind is not None and kind not in cat.kinds:
                        continue
                    fits = unit is not None and unit in cat.units
                    head = end >= head_end or (is_verb and fits)
                    key = (2 * head + fits, length, end, -cat.order)
                    if best is None or key > best:
                        best, best_id = key, cid
        return best_id

    def match(self, obj: Any, unit: Any = None, kind: Any = None, change: Any = None) -> str | None:
        """The category id for one metric; never raises on odd values (non-strings count as absent)."""
        unit = unit if isinstance(unit, str) and unit else None
        kind = kind if isinstance(kind, str) and kind else None
        change = change if isinstance(change, str) and change else None
        for rule in self._rules:
            if rule.holds(unit, kind, change):
                return rule.category
        found = self._best_word(_NOISE.sub("", obj) if isinstance(obj, str) else "", unit, kind)
        if found:
            return found
        if unit is not None and unit in self._by_unit:
            return self._by_unit[unit]
        if kind is not None and kind in self._by_kind:
            return self._by_kind[kind]
        return self.default


_MATCHERS: dict[str, CategoryMatcher] = {}


def matcher_for(extra_lexicon: dict[str, Any] | None = None) -> CategoryMatcher:
    """The matcher for one ``extra_lexicon`` config, built once per process."""
    key = json.dumps(extra_lexicon, sort_keys=True, ensure_ascii=False) if extra_lexicon else ""
    if key not in _MATCHERS:
        _MATCHERS[key] = CategoryMatcher(lexicon_for(extra_lexicon).raw["categories"])
    return _MATCHERS[key]


def categorize(obj: str | None, unit: str | None = None, kind: str | None = None, change: str | None = None,
               *, extra_lexicon: dict[str, Any] | None = None) -> str | None:
    """Category id for a metric's object, unit code, kind and change (``categorize("总投资", "CNY", "money")``)."""
    return matcher_for(extra_lexicon).match(obj, unit, kind, change)


_MISSING = object()
_CACHE_SIZE = 50_000


class CategoryAssigner:
    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None) -> None:
        register_extensions()
        self.name = name
        self.matcher = matcher_for(extra_lexicon)

        # the same (object, unit, kind, change) recurs across reports (党员/名, 总投资/CNY): match each once;
        # bounded, and cleared whole when full (a dict is thread-safe for these single operations)
        self._cache: dict[tuple[Any, ...], str | None] = {}

    def __call__(self, doc: Doc) -> Doc:
        cache = self._cache
        for span in doc.spans.get(METRICS_KEY, []):
            x = fields(span)
            key = (x.object, x.unit, x.kind, x.change)
            found = cache.get(key, _MISSING)
            if found is _MISSING:
                if len(cache) >= _CACHE_SIZE:
                    cache.clear()
                found = cache[key] = self.matcher.match(*key)
            x.category = found
        return doc


@Language.factory("dangjian_category", default_config={"extra_lexicon": None},
                  requires=["doc.spans"], assigns=["span._.category"])
def make_category_assigner(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None) -> CategoryAssigner:
    return CategoryAssigner(nlp, name, extra_lexicon)
