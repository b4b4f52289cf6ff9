"""Offset-preserving text normalisation.

Extractors work on a cleaned-up copy of the input (ASCII punctuation and digits, Traditional script converted
to Simplified, no pinyin annotations, no page-layout line breaks), but every span we report must index the
ORIGINAL string.
:func:`normalize` therefore only ever substitutes one character for one character or deletes characters,
and records for each normalised character the index of the original character it came from.
"""

from __future__ import annotations

import json
import re
import threading
from array import array
from dataclasses import dataclass
from importlib import resources
from typing import Any

import regex

__all__ = ["NormalizedText", "normalize"]


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised text plus the map from its character positions back to the original string."""

    original: str
    text: str
    # array('l') of len(text) + 1: offsets[i] is the index in `original` of normalised char i, and the
    # sentinel offsets[len(text)] == len(original) lets end-exclusive spans map without special cases.
    offsets: array

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span ``[start, end)`` to the corresponding span of ``original``.

        A non-empty span maps to ``(offsets[start], offsets[end - 1] + 1)``, so characters deleted between
        two kept ones are included, but nothing deleted before ``start`` or after ``end - 1`` is.
        An empty span maps to the empty span ``(offsets[start], offsets[start])``.
        Raises ``ValueError`` unless ``0 <= start <= end <= len(text)``.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) is outside the normalised text (len {len(self.text)})")
        offsets = self.offsets
        if start == end:
            return offsets[start], offsets[start]
        return offsets[start], offsets[end - 1] + 1


# --- stage 1: width ------------------------------------------------------------------------------------

_FULLWIDTH_RE = re.compile("[\uff01-\uff5e\u3000]")


def _to_halfwidth(text: str) -> str:
    # str.translate is a per-character dict lookup (~13 M chars/s); a few str.replace passes over just the
    # full-width characters actually present are several times faster on real text. Each is found by a search
    # from where the last one was (none is left before it, and a replacement is never full-width), not by a
    # findall, which would make a string of every full-width comma of the text.
    pos = 0
    while (m := _FULLWIDTH_RE.search(text, pos)) is not None:
        ch = m.group()
        text = text.replace(ch, " " if ch == "\u3000" else chr(ord(ch) - 0xFEE0))
        pos = m.start() + 1
    return text


# --- stage 2: traditional -> simplified ------------------------------------------------------------------

# OpenCC t2s rewrites characters that are also valid Simplified (乾县 → 干县, 於冲村 → 于冲村, 福昇 → 福升,
# 濛江 → 蒙江, 迴龙村 → 回龙村), so it is applied only where the text is written in Traditional script.
# The evidence is data/script.json, derived from OpenCC's own dictionaries (tests/test_script.py):
#   * Traditional-only characters (東 區 黨 個 …): t2s changes them and no OpenCC table uses them as Simplified;
#   * Simplified-only characters (东 区 党 个 …): s2t changes them and no table, Taiwan or Hong Kong ones
#     included, uses them as Traditional.
# Every other character (乾 於 昇 著 余 台 …, variants such as 迴 or 髮, and everything t2s leaves alone) is
# no evidence either way. Lines without a Traditional-only character are left as they are.
#
# A character t2s would change (an "ambiguous" one unless Traditional-only) is converted when its context is
# Traditional, judged from the nearest to farthest:
#   1. the nearest evidence character in the same run of ideographs, at most _LOCAL characters away, other
#      than itself (乾县 in a Traditional sentence stays; 國內 converts both);
#   2. for a Traditional-only character without such a neighbour: converted (e.g. a stray 3個);
#   In a mostly Simplified sentence, a character in a run of three or more ideographs with fewer than two
#   Traditional-only characters near it is kept: official names hold a few (並塘村, 輋乾村, 鴜鷺树镇);
#   3. the majority of evidence in its sentence, then in its line; with no majority it is kept.
# A Traditional-only character is also converted whenever its sentence is mostly Traditional (rule 1 does not
# apply there: Traditional pages produced by converters leave stray Simplified characters such as 并).
# Text without a Traditional-only character is returned as it is, so Simplified text costs one regex scan.

_converter: Any = None
_converter_lock = threading.Lock()
_TRADITIONAL: _Evidence | None = None
_SIMPLIFIED: _Evidence | None = None


class _Evidence:
    """A set of evidence characters, searched and counted at C speed.

    ``re`` tests a class of BMP characters against a bitmap, but a class holding astral characters is
    scanned member by member (≈20× slower), so the few astral members are checked separately, and only when
    the text has an astral character at all.
    """

    __slots__ = ("chars", "_bmp", "_astral")

    _ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")

    def __init__(self, chars: str) -> None:
        self.chars = frozenset(chars)
        self._bmp = re.compile("[" + "".join(re.escape(c) for c in chars if ord(c) <= 0xFFFF) + "]")
        self._astral = frozenset(c for c in chars if ord(c) > 0xFFFF)

    def search(self, text: str) -> bool:
        if self._bmp.search(text):
            return True
        return bool(self._astral) and any(c in self._astral for c in self._ASTRAL_RE.findall(text))

    def count(self, text: str) -> int:
        n = len(self._bmp.findall(text))
        if self._astral:
            n += sum(c in self._astral for c in self._ASTRAL_RE.findall(text))
        return n


def _get_converter() -> Any:
    """The shared OpenCC t2s converter, built on first use (loading its dictionaries takes a while)."""
    global _converter
    if _converter is None:
        with _converter_lock:
            if _converter is None:
                import opencc

                _converter = opencc.OpenCC("t2s")
    return _converter


_zhe_converter: Any = None


def _particle_zhe(line: str, conv: str) -> str:
    """随著 → 随着: t2s keeps 著 (valid Simplified in 著名, 显著); OpenCC's Taiwan table tells the particle apart.

    Only the 著 → 着 choices of tw2s are taken, so the rest of the conversion stays t2s's."""
    global _zhe_converter
    if _zhe_converter is None:
        with _converter_lock:
            if _zhe_converter is None:
                import opencc

                _zhe_converter = opencc.OpenCC("tw2s")
    try:
        tw = _convert_piece(_zhe_converter.convert, line)
    except UnicodeError:
        return conv
    if len(tw) != len(conv):
        return conv
    return "".join("着" if c == "著" and t == "着" else c for c, t in zip(conv, tw, strict=True))


def _get_evidence() -> tuple[_Evidence, _Evidence]:
    """The Traditional-only and Simplified-only characters (data/script.json), loaded on first use."""
    global _TRADITIONAL, _SIMPLIFIED
    if _TRADITIONAL is None or _SIMPLIFIED is None:
        with _converter_lock:
            if _TRADITIONAL is None or _SIMPLIFIED is None:
                with resources.files("dangjian_extract").joinpath("data/script.json").open(encoding="utf-8") as f:
                    data = json.load(f)
                _SIMPLIFIED = _Evidence(data["simplified_only"])
                _TRADITIONAL = _Evidence(data["traditional_only"])
    return _TRADITIONAL, _SIMPLIFIED


_SURROGATES_RE = re.compile("([\ud800-\udfff]+)")


def _convert_piece(convert: Any, piece: str) -> str:
    """Convert `piece` whole if that keeps its length, else one character at a time."""
    conv = convert(piece)
    if len(conv) == len(piece):
        return conv
    out = []
    for ch in piece:
        c = convert(ch)
        out.append(c if len(c) == 1 else ch)  # e.g. a character OpenCC expands: keep the original
    return "".join(out)


def _convert_line(convert: Any, line: str) -> str:
    try:
        return _convert_piece(convert, line)
    except UnicodeError:
        # Lone surrogates cannot be encoded to UTF-8 for the C++ library: convert around them.
        parts = _SURROGATES_RE.split(line)
        return "".join(part if i % 2 else _convert_piece(convert, part) for i, part in enumerate(parts))


_LOCAL = 3  # how far rule 1 looks for a neighbour
_SENTENCE_END_RE = re.compile(r"[。!?;！？；]+")
_HAN_RE = regex.compile(r"\p{Unified_Ideograph}")
_TRAD, _SIMP = 1, -1


def _majority(trad: int, simp: int) -> int:
    return _TRAD if trad > simp else _SIMP if simp > trad else 0


def _local_context(seg: str, i: int) -> int:
    """Rule 1: the kind of the nearest evidence character around `seg[i]` in its run of ideographs."""
    trad, simp = _get_evidence()
    trad_only, simp_only = trad.chars, simp.chars
    is_han = _HAN_RE.match
    left_open = right_open = True
    for dist in range(1, _LOCAL + 1):
        left = right = 0
        if left_open:
            j = i - dist
            if j < 0 or not is_han(seg, j):
                left_open = False
            else:
                left = _TRAD if seg[j] in trad_only else _SIMP if seg[j] in simp_only else 0
        if right_open:
            j = i + dist
            if j >= len(seg) or not is_han(seg, j):
                right_open = False
            else:
                right = _TRAD if seg[j] in trad_only else _SIMP if seg[j] in simp_only else 0
        if left or right:
            return left if left == right or not right else right if not left else 0
        if not (left_open or right_open):
            break
    return 0


def _han_run(seg: str, i: int) -> int:
    """Length of the run of ideographs holding `seg[i]` (3個: 1; 並塘村新增: 5)."""
    a = i
    while a > 0 and _HAN_RE.match(seg, a - 1):
        a -= 1
    b = i + 1
    while b < len(seg) and _HAN_RE.match(seg, b):
        b += 1
    return b - a


def _trad_neighbours(seg: str, i: int, trad_only: str) -> int:
    """Traditional-only characters other than `seg[i]` within _LOCAL characters of it."""
    lo, hi = max(0, i - _LOCAL), min(len(seg), i + _LOCAL + 1)
    return sum(1 for j in range(lo, hi) if j != i and seg[j] in trad_only)


def _mixed_sentence(seg: str, conv: str, vote: int) -> str:
    """Choose, character by character, between `seg` and its t2s conversion `conv` (same length).

    `vote` is the sentence's majority (or its line's); the rules are those at the top of this stage.
    """
    trad_only = _get_evidence()[0].chars
    if vote == _TRAD:  # convert all but the ambiguous characters whose neighbours are Simplified
        out = list(conv)
        for i in [i for i, (a, b) in enumerate(zip(seg, conv, strict=True)) if a != b and a not in trad_only]:
            if _local_context(seg, i) == _SIMP:
                out[i] = seg[i]
        return "".join(out)
    out = list(seg)  # keep all but what the neighbours (or, for Traditional-only ones, the character) say
    for i in [i for i, (a, b) in enumerate(zip(seg, conv, strict=True)) if a != b]:
        if vote == _SIMP and _han_run(seg, i) > 2 and _trad_neighbours(seg, i, trad_only) < 2:
            continue  # 並塘村, 輋乾村, 鴜鷺树镇 in a Simplified sentence: official names keep such characters
        context = _local_context(seg, i) or (_TRAD if seg[i] in trad_only else 0) or vote
        if context == _TRAD:
            out[i] = conv[i]
    return "".join(out)


def _mixed_line(line: str, conv: str) -> str:
    """`line` with the t2s conversion `conv` applied where its context is Traditional, sentence by sentence."""
    trad, simp = _get_evidence()
    line_vote: int | None = None  # counted only when a sentence needs it
    out: list[str] = []
    prev = 0
    for end in [m.end() for m in _SENTENCE_END_RE.finditer(line)] + [len(line)]:
        if end <= prev:
            continue
        seg, cseg = line[prev:end], conv[prev:end]
        prev = end
        if seg == cseg:
            out.append(seg)
            continue
        has_t, has_s = trad.search(seg), simp.search(seg)
        if has_t != has_s:  # one kind of evidence: every rule gives the same answer for all of the sentence
            out.append(cseg if has_t else seg)
            continue
        vote = _majority(trad.count(seg), simp.count(seg)) if has_t else 0
        if not vote:
            if line_vote is None:
                line_vote = _majority(trad.count(line), simp.count(line))
            vote = line_vote
        if not has_t:  # no evidence in the sentence: its line decides
            out.append(cseg if vote == _TRAD else seg)
        else:
            out.append(_mixed_sentence(seg, cseg, vote))
    return "".join(out)


def _to_simplified(text: str) -> str:
    trad, simp = _get_evidence()
    if not trad.search(text):
        return text  # no Traditional-only character: nothing here is Traditional script
    # OpenCC converts phrases, which can change length; offsets only survive 1:1 substitutions, so lines
    # that change length are redone one character at a time (see _convert_piece).
    convert = _get_converter().convert
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        if not trad.search(line):
            out.append(line)
            continue
        conv = _convert_line(convert, line)
        if "著" in line:
            conv = _particle_zhe(line, conv)
        if conv == line or not simp.search(line):
            out.append(conv)  # all Traditional: _mixed_line would agree
        else:
            out.append(_mixed_line(line, conv))
    return "".join(out)


# --- stage 3: pinyin annotations -------------------------------------------------------------------------

# "開發(fā)區(qū)": a parenthesised, lower-case pinyin syllable straight after an ideograph. Upper case,
# digits, Han content or anything longer than a syllable is a real parenthesis and stays.
_PINYIN_RE = regex.compile(r"(?<=\p{Unified_Ideograph})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\)")


# --- stage 4: layout line breaks -------------------------------------------------------------------------

# A newline and the whitespace after it; the literal "\n" prefix lets the engine skip ahead quickly. The
# whitespace before the newline is added by hand in _layout_breaks (a pattern starting with it would be
# tried at every position, or go quadratic on long runs of spaces).
_BREAK_RE = re.compile(r"\n\s*")
# Sentence-final punctuation and closing quotes/brackets (after stage 1, so ASCII forms too).
_LINE_END_CHARS = frozenset("。.！!？?；;：:…\"'”’」』）)】》〉]}〕〗")
_CLAUSE_CHARS = frozenset(",，、;；")
_IDEOGRAPH_RE = regex.compile(r"\p{Unified_Ideograph}")
# The last clause of the previous line and the first clause of the next one: if the break is inside a
# sentence these two halves form one torn clause. Clause boundaries are punctuation of any kind.
# (REVERSE makes the tail search scan backwards from the end instead of retrying from every position.)
_TAIL_RE = regex.compile(r"[^\p{P}]*", flags=regex.REVERSE)
_HEAD_RE = regex.compile(r"[^\p{P}]*")
_SPACE_RE = re.compile(r"\s")
# What may end the short torn-off head: clause or sentence punctuation, not an opening quote or bracket
# (`擦亮“山水彩石”品牌`, a headline) nor the colon or slash of a label (`编辑:`, `文/片`).
_HEAD_END_CHARS = frozenset(",、;。.!?…")
# A new paragraph often opens with one of these right after a headline, which has no final punctuation.
_SENTENCE_OPENERS = frozenset(
    "近年来 近年 近日 近期 日前 目前 当前 如今 今年 去年 今天 昨天 昨日 当天 此前 期间 同时 此外 另外 其中 "
    "为此 对此 因此 随后 据悉 首先 其次 最后".split()
)
# Chinese enumeration heads ("一、", "十二、") start a new list item, never a continuation.
_LIST_ITEM_RE = regex.compile(r"[一二三四五六七八九十百零〇]+、")
_HEADING_RE = regex.compile(r"[一二三四五六七八九十百零〇]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．]")
_LONG_LINE = 40
#: a column tag before a headline (【全省…采访活动】某县某村…): no part of the headline's length
COLUMN_TAG = regex.compile(r"^[【\[][^】\]\n]{1,40}[】\]]")
_SHORT_HEAD = 3
_SUBHEADING = 12  # the longest line read as a subheading above a deck
_HEADING_MARKS = frozenset("？?！!")  # a short line ended by these alone is a question or call, a subheading
_SUBHEADING_WITH_CLAUSES = 24  # the longest line read as a subheading (with its commas) under a paragraph
#: the characters a paragraph ends on (a full stop, a closing quotation): a line ending on none may be a heading
PARAGRAPH_ENDS = frozenset("。！!？?…”\"")


def _is_layout_break(prev_line: str, next_line: str, line_before: str = "", first: bool = False) -> bool:
    """Decide whether the line break between two non-blank lines is an artefact of page layout.

    Scanned and copied-from-PDF reports break sentences wherever the column ended ("盘\\n\\n活集体资产",
    "最富活\\n\\n力,最具人气"), which splits words and numbers that extractors must see whole. Headlines,
    bylines and paragraph ends must stay separate, so a break is only removed when
      * the previous line does not end with sentence-final punctuation or a closing quote/bracket;
      * the next line starts with an ideograph (headlines often start with a quote or bracket) and is not
        a list item such as "一、";
      * the clause torn by the break has no spaces in it: running Chinese prose has none, while headlines
        ("擦亮“山水彩石”品牌 绘就乡村振兴新图景") and bylines ("记者 支倩倩 通讯员 白洁") use them;
      * and either the previous line looks like running prose (has clause punctuation and no subheading right
        above it, which makes it a deck; or is at least 40 characters, longer than a headline), or the next
        line opens with a fragment of at most 3
        characters ended by clause punctuation ("力," "作法。" "原则,"): the tail of a torn word, unless
        that fragment is a common sentence opener ("近年来,") that starts the paragraph under a headline.
    """
    prev = prev_line.strip()
    nxt = next_line.strip()
    if not prev or not nxt or prev[-1] in _LINE_END_CHARS:
        return False
    if not _IDEOGRAPH_RE.match(nxt) or _LIST_ITEM_RE.match(nxt):
        return False
    if len(prev) < _LONG_LINE and _HEADING_RE.match(prev):
        return False  # "一、背景与起因": a numbered heading, whatever punctuation its number carries
    head = _HEAD_RE.match(nxt).group()
    tail = _TAIL_RE.search(prev).group()
    if _SPACE_RE.search(head) or _SPACE_RE.search(tail):
        return False
    # 【全省…采访活动】某县某村…: a column tag before a headline does not make it long like prose
    titled = COLUMN_TAG.sub("", prev, count=1)
    if len(titled) >= _LONG_LINE:
        return True
    if len(titled) <= _SUBHEADING_WITH_CLAUSES and _is_paragraph(line_before):
        return False  # 一段话。| 抓住改革“牛鼻子”，推动城乡融合发展 | 在某镇…: a subheading between whole paragraphs
    if not _CLAUSE_CHARS.isdisjoint(titled) and not _is_heading(line_before):
        # (打破壁垒 | 成立工作专班，梳理…，各方协同推进: a deck under a subheading, not torn prose; the text's
        # first line above a line without clause punctuation is a kicker above its headline: 村医“跑起来”，
        # 村民看病不再难 | 河南卢氏县办好“行走的医院”)
        return not (first and _CLAUSE_CHARS.isdisjoint(nxt))
    return (
        len(head) <= _SHORT_HEAD
        and len(head) < len(nxt)
        and nxt[len(head)] in _HEAD_END_CHARS
        and head not in _SENTENCE_OPENERS
    )


def _is_paragraph(line: str) -> bool:
    """A whole paragraph on one line (longer than a column's line, ended by a sentence end): the text above a
    short line is then laid out one paragraph per line, and the short line is a subheading, not torn prose."""
    line = line.strip()
    return len(line) >= _LONG_LINE and line[-1] in PARAGRAPH_ENDS


def _is_heading(line: str) -> bool:
    """A short line of words alone (打破壁垒, 技术赋能, or a question: 集中供水全覆盖？): a subheading, which
    prose torn by layout never is."""
    line = line.strip()
    return 0 < len(line) <= _SUBHEADING and (line[-1] not in _LINE_END_CHARS or line[-1] in _HEADING_MARKS) \
        and _CLAUSE_CHARS.isdisjoint(line)


def _layout_breaks(text: str) -> list[tuple[int, int]]:
    """Spans of the whitespace runs in `text` that :func:`_is_layout_break` says to delete."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    for m in _BREAK_RE.finditer(text):
        start, end = m.span()
        while start > 0 and text[start - 1].isspace():  # only spaces since the previous match: linear
            start -= 1
        if start == 0 or end == n:
            continue  # a leading or trailing blank block separates nothing
        if text[start - 1] in _LINE_END_CHARS:
            continue  # a line ended by a full stop, the usual paragraph: _is_layout_break's first test, made here
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        if line_end < 0:
            line_end = n
        before = ""
        if line_start >= 2 and text[line_start - 1] == "\n" and text[line_start - 2] != "\n":
            before = text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1]  # the line right above
        # (first: the text's first line, above a line that more text follows: a kicker above its headline)
        if _is_layout_break(text[line_start:start], text[end:line_end], before,
                            first=line_start == 0 and bool(text[line_end:].strip())):
            spans.append((start, end))
    return spans


# --- assembly --------------------------------------------------------------------------------------------


def _delete_spans(text: str, offsets: array, spans: list[tuple[int, int]]) -> tuple[str, array]:
    """Remove the sorted, disjoint `spans` from `text` and the matching entries from `offsets`."""
    if not spans:
        return text, offsets
    pieces: list[str] = []
    new_offsets = array("l")
    prev = 0
    for start, end in spans:
        pieces.append(text[prev:start])
        new_offsets.extend(offsets[prev:start])  # array slices copy in C, no per-element Python work
        prev = end
    pieces.append(text[prev:])
    new_offsets.extend(offsets[prev:])  # includes the len(original) sentinel
    return "".join(pieces), new_offsets


_IDENTITY = array("l")
_IDENTITY_CAP = 1 << 18  # entries kept (2 MB): reports are a few thousand characters


def _identity(n: int) -> array:
    """``array("l", range(n))``, copied from a kept one (a slice is a memcpy; the range costs a step per item)."""
    global _IDENTITY
    if n > len(_IDENTITY):
        if n > _IDENTITY_CAP:
            return array("l", range(n))
        _IDENTITY = array("l", range(min(_IDENTITY_CAP, max(n, 2 * len(_IDENTITY), 4096))))
    return _IDENTITY[:n]


def normalize(original: str, *, t2s: bool = True, join_lines: bool = True) -> NormalizedText:
    """Normalise `original` for extraction, keeping a map back to original offsets.

    Stages, in order: full-width ASCII and U+3000 to half-width; Traditional to Simplified (OpenCC t2s,
    1:1 only, applied only where the text is written in Traditional script, so Simplified text keeps its own
    characters such as 乾县 or 於冲村, except the numerals 萬 and 億, always 万 and 亿; skipped if
    ``t2s=False``); pinyin annotations such as "(fā)" after an ideograph removed; layout line breaks inside
    sentences removed (skipped if ``join_lines=False``).
    Everything else passes through unchanged. Never raises for a ``str``; raises ``TypeError`` for anything else.
    """
    if not isinstance(original, str):
        raise TypeError(f"normalize() expects a str, got {type(original).__name__}")
    text = _to_halfwidth(original)
    if t2s:
        text = _to_simplified(text)
        if "萬" in text or "億" in text:
            # the Traditional-only numerals stand in no Simplified word, whatever their neighbours (伍萬圆整)
            text = text.replace("萬", "万").replace("億", "亿")
    # Building this is the one unavoidable per-character step; later deletions only slice it.
    offsets = _identity(len(original) + 1)
    text, offsets = _delete_spans(text, offsets, [m.span() for m in _PINYIN_RE.finditer(text)])
    if join_lines:
        text, offsets = _delete_spans(text, offsets, _layout_breaks(text))
    return NormalizedText(original=original, text=text, offsets=offsets)
