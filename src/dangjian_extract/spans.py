"""Make arbitrary character spans addressable as spaCy Spans.

The tokenizer is coarse (one token per run of ordinary text), so a span the rules find may start or
end inside a token; we split just those tokens instead of paying for per-character tokenisation.
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from typing import TypeVar

import numpy as np
import regex
from spacy.attrs import IDX
from spacy.tokens import Doc, Span

from .litedoc import LiteDoc, LiteSpan

_T = TypeVar("_T")
TEXT_KEY = "dangjian_text"
# one-character classes: the standard re module scans them faster than regex, with the same matches
SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]")
CLAUSE_BREAK = re.compile(r"[，。；！？,;!?:：\n]")
PHRASE_BREAK = re.compile(r"[，。；！？、,;!?:：\n]")  # a clause, or one item of a 、-list
# each class holds the one before it: PHRASE_BREAK is CLAUSE_BREAK and 、, CLAUSE_BREAK holds SENTENCE_BREAK
_BREAK_CLASSES = ((PHRASE_BREAK, 1), (CLAUSE_BREAK, 2), (SENTENCE_BREAK, 4))
BREAKS_KEY = "dangjian_sentence_breaks"
CLAUSE_BREAKS_KEY = "dangjian_clause_breaks"
PHRASE_BREAKS_KEY = "dangjian_phrase_breaks"


def _break_flags() -> np.ndarray:
    """A flag byte per code point up to the highest break character and one past it (0, where np.take clips every
    higher code point): 1 a phrase break, 2 a clause break, 4 a sentence break (each class a one-character class,
    its characters read from its pattern)."""
    members = {cls: cls.pattern[1:-1].replace("\\n", "\n") for cls, _ in _BREAK_CLASSES}
    flags = np.zeros(max(ord(ch) for chars in members.values() for ch in chars) + 2, dtype=np.uint8)
    for cls, bit in _BREAK_CLASSES:
        for ch in members[cls]:
            flags[ord(ch)] |= bit
            assert cls.fullmatch(ch), ch  # (a class written with an escape or a range would be misread)
    return flags


_BREAK_FLAGS = _break_flags()
# the characters on which the standard re module and regex read a class differently: \s (U+001C–U+001F) and
# \d (digits of scripts newer than re's Unicode tables, all outside the BMP); a pattern compiled with re for
# speed is used only on text without them
RE_DIFFERS = re.compile("[\x1c-\x1f\U00010000-\U0010ffff]")
# escapes both modules read alike (apart from RE_DIFFERS): anything else (\w, \b, \p{..}, [[:alpha:]] …) stays
# with regex
_RE_ESCAPE = re.compile(r"\\(.)", re.S)
_RE_SAFE_LETTERS = frozenset("sSdDnrtfv")


def plain_re(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """``pattern`` compiled by the standard re module, which scans many patterns several times faster than
    regex, when it uses only syntax both read the same way; else None (keep the regex pattern)."""
    if "[[" in pattern or "(?V" in pattern or "(?|" in pattern:
        return None
    for m in _RE_ESCAPE.finditer(pattern):
        ch = m.group(1)
        if ch.isascii() and ch.isalnum() and ch not in _RE_SAFE_LETTERS:
            return None
    try:
        return re.compile(pattern, flags)
    except (re.error, ValueError):
        return None


def compile_fast(pattern: str) -> re.Pattern[str] | regex.Pattern[str]:
    """``pattern`` in the standard re module when both modules read it alike on every text (no class that
    RE_DIFFERS concerns), else in regex: for alternations of words, matched many times per document."""
    if not _RE_CLASS.search(pattern):
        compiled = plain_re(pattern)
        if compiled is not None:
            return compiled
    return regex.compile(pattern)


_RE_CLASS = re.compile(r"(?<!\\)(?:\\\\)*\\[sSdD]")
_RE_FLAGS = regex.M | regex.S | regex.X
_REGEX_DEFAULT_FLAGS = regex.VERSION0 | regex.UNICODE


def plain_copy(obj: _T) -> _T | None:
    """A shallow copy of a component whose ``regex`` pattern attributes are compiled by the standard re module
    where :func:`plain_re` allows it (the same matches, found faster on short strings); None when none is.
    Use it only on text without ``RE_DIFFERS`` characters."""
    fast = copy.copy(obj)
    changed = False
    for name, value in vars(obj).items():
        if not isinstance(value, regex.Pattern) or value.flags & ~(_RE_FLAGS | _REGEX_DEFAULT_FLAGS):
            continue
        compiled = plain_re(value.pattern, value.flags & _RE_FLAGS)
        if compiled is not None:
            setattr(fast, name, compiled)
            changed = True
    return fast if changed else None


def _index_breaks(doc: Doc | LiteDoc) -> None:
    """The offsets of every phrase, clause and sentence break of doc.text, stored once per Doc for the
    components: one table look-up per character in numpy (a regex scan makes a match object per break, and a
    report holds a break every dozen characters)."""
    codes = np.frombuffer(doc_text(doc).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    flags = _BREAK_FLAGS.take(codes, mode="clip")
    at = flags.nonzero()[0]
    kinds = flags[at]
    doc.user_data[PHRASE_BREAKS_KEY] = at.tolist()
    doc.user_data[CLAUSE_BREAKS_KEY] = at.compress(kinds & 2).tolist()
    doc.user_data[BREAKS_KEY] = at.compress(kinds & 4).tolist()


def sentence_breaks(doc: Doc) -> list[int]:
    """Offsets of every SENTENCE_BREAK in doc.text, found once per Doc and shared by the components."""
    breaks = doc.user_data.get(BREAKS_KEY)
    if breaks is None:
        _index_breaks(doc)
        breaks = doc.user_data[BREAKS_KEY]
    return breaks


def clause_breaks(doc: Doc) -> list[int]:
    """Offsets of every CLAUSE_BREAK in doc.text, found once per Doc and shared by the components."""
    breaks = doc.user_data.get(CLAUSE_BREAKS_KEY)
    if breaks is None:
        _index_breaks(doc)
        breaks = doc.user_data[CLAUSE_BREAKS_KEY]
    return breaks


def phrase_breaks(doc: Doc) -> list[int]:
    """Offsets of every PHRASE_BREAK in doc.text (clause breaks and 、), found once per Doc."""
    breaks = doc.user_data.get(PHRASE_BREAKS_KEY)
    if breaks is None:
        _index_breaks(doc)
        breaks = doc.user_data[PHRASE_BREAKS_KEY]
    return breaks


def sentence_bounds(text: str, breaks: list[int], start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence holding text[start:end]; ``breaks`` are sorted SENTENCE_BREAK offsets."""
    i = bisect_left(breaks, start)
    s0 = breaks[i - 1] + 1 if i else 0
    j = bisect_left(breaks, end)
    s1 = breaks[j] + 1 if j < len(breaks) else len(text)
    while s0 < start and text[s0].isspace():
        s0 += 1
    while s1 > end and text[s1 - 1].isspace():
        s1 -= 1
    return s0, s1


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached: spaCy rebuilds it from every token on each access, and each component needs it."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def ensure_spans(doc: Doc | LiteDoc, offsets: list[tuple[int, int]], label: str = "") -> list[Span] | list[LiteSpan]:
    """Return a Span for each (start, end) in doc.text offsets, splitting tokens where needed (a LiteSpan on a
    :class:`~dangjian_extract.litedoc.LiteDoc`, which has no tokens)."""
    if not offsets:
        return []
    if isinstance(doc, LiteDoc):  # no tokens to align with
        return [LiteSpan(doc, start, end, label) for start, end in offsets]
    starts = doc.to_array(IDX).tolist()  # no Token objects: creating them costs ~1 µs each
    cuts: dict[int, set[int]] = defaultdict(set)
    n = len(doc_text(doc))
    for start, end in offsets:
        for b in (start, end):
            if 0 < b < n:
                i = bisect_right(starts, b) - 1
                if starts[i] != b:
                    cuts[i].add(b - starts[i])
    if cuts:
        # spaCy does not move spans already stored in doc.spans when a token is split, so we record them
        # by characters and rebuild them; their Span._ values are keyed by characters and survive
        saved = {key: [(sp.start_char, sp.end_char, sp.label_) for sp in group] for key, group in doc.spans.items()}
        with doc.retokenize() as retokenizer:
            for i, inner in cuts.items():
                token = doc[i]
                points = [0, *sorted(inner), len(token.text)]
                orths = [token.text[a:b] for a, b in zip(points, points[1:], strict=False)]
                heads = [(token, k) for k in range(len(orths))]
                retokenizer.split(token, orths, heads=heads)
        for key, group in saved.items():
            doc.spans[key] = [doc.char_span(a, b, label=lab) for a, b, lab in group]
    spans = []
    for start, end in offsets:
        span = doc.char_span(start, end, label=label)
        if span is None and start == end:  # empty span (an empty doc's only section): char_span gives None
            i = bisect_left(doc.to_array(IDX).tolist(), start) if len(doc) else 0
            span = Span(doc, i, i, label=label)
        if span is None:  # cannot happen after the split; fail loudly rather than lose a metric
            raise RuntimeError(f"could not align span {start}:{end} in a doc of {n} characters")
        spans.append(span)
    return spans


def top_level_bar(pattern: str) -> bool:
    """Whether ``pattern`` has a | outside every group and class."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":
                i += 1  # a ] first in a class is a character
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


_INLINE_FLAG = re.compile(r"\(\?[a-zA-Z^]")
# a pattern's opening literal: characters up to the first that means anything to a regex
_LITERAL = re.compile(r"[^\\.^$*+?{}\[\]|()]+")
QUANTIFIERS = ("*", "?", "{", "+")


def plain_opening(pattern: str) -> bool:
    """Whether what opens a match of ``pattern`` can be read off its start: no alternative at its top level and
    no inline flag (which may apply to the whole pattern)."""
    return not top_level_bar(pattern) and \
        _INLINE_FLAG.search(pattern.replace("(?P<", "(?:").replace("(?P=", "(?:")) is None


def literal_head(pattern: str) -> str:
    """The characters every match of ``pattern`` opens with: its leading literal, the last character dropped when
    a quantifier follows it; "" when it has none or when :func:`plain_opening` says the start cannot be read."""
    if not plain_opening(pattern):
        return ""
    m = _LITERAL.match(pattern)
    head = m.group() if m else ""
    return head[:-1] if pattern[len(head):len(head) + 1] in QUANTIFIERS else head


def char_class(chars: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching one of ``chars`` (never, when there are none): a search of a stretch of text for any of
    them makes no string of each of its characters."""
    chars = sorted(set(chars))
    return re.compile(f"[{''.join(map(re.escape, chars))}]" if chars else "(?!)")
