"""Drop candidates that are not metrics (guide §2): ordinals, slogans, names, idioms, generic 一,
relative dates, page furniture. Rejected spans move to ``doc.spans["rejected"]`` with
``span._.reject_reason`` so a user can see why a number was not reported.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import fields, register_extensions
from ..grammar import build_grammar
from ..lexicon import Lexicon, alternation, lexicon_for
from ..numbers import CN_NUMERAL_CHARS
from ..spans import char_class, compile_fast, doc_text
from .furniture import FURNITURE_KEY
from .quantities import METRICS_KEY, _is_bare_multiplier

_HAN_CHAR = regex.compile(r"\p{Han}")
# 有一所中心校、两个教学点: a noun, then another count in the same list
_LISTED_COUNT = regex.compile(r"[^，。；！？,;!?、\n]{1,8}、[0-9两二三四五六七八九十几]")
_VAGUE_HEADS = frozenset("数几")
_MORE = re.compile("[多余来]")
REJECTED_KEY = "rejected"
QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》", "‘": "’", "〈": "〉", '"': '"'}
CLAUSE_PUNCT = set("，。；！？,;!?")
SENTENCE_END = set("。！？!?")
# the same as classes: a search of a stretch of text makes no string of each of its characters
_CLAUSE_PUNCT = char_class(CLAUSE_PUNCT)
_SENTENCE_END = char_class(SENTENCE_END)
_NAME_REACH = 8  # characters from a numeral to the end of a place name it may begin (二十里铺村)
_PLACE_ENDS = frozenset("村镇乡区县市州旗盟道")  # the last character of a township-to-county name (…街道)
_HAN = regex.compile(r"\p{Han}")
_NUMERAL_CHARS = frozenset(CN_NUMERAL_CHARS + "0123456789")
_SPACES = frozenset(" \u00a0\u2009\u202f\t")
# literal quotes and classes of them: re reads it as regex does, and scans it about twice as fast
# one pattern per kind of quote: a quote nested in another (“…治安‘三张图’就像…”) is found too
_QUOTED = [compile_fast(rf"{regex.escape(o)}[^{regex.escape(o + c)}\n]*{regex.escape(c)}")
           for o, c in QUOTE_PAIRS.items()]


class _Intervals:
    """Sorted, non-overlapping intervals with a fast 'is [s, e) inside one?' query."""

    def __init__(self, intervals: list[tuple[int, int]]) -> None:
        self.items = sorted(intervals)
        self.starts = [s for s, _ in self.items]
        self.longest = max((e - s for s, e in self.items), default=0)

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.items[i][1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        while i >= 0 and self.items[i][0] >= start - self.longest:
            if self.items[i][1] > start:
                return True
            i -= 1
        return False


class _StopPhrases:
    """Idioms, terms and slogans overlapping a candidate, looked up around it by their first two characters (a scan of
    the whole text with an alternation of several hundred phrases would cost more than the few candidates do)."""

    def __init__(self, by_first: dict[str, tuple[str, ...]], singles: frozenset[str], width: int,
                 text: str, heads: re.Pattern[str] | regex.Pattern[str]) -> None:
        self.by_first, self.singles, self.width, self.text = by_first, singles, width, text
        self.heads = heads

    def overlaps(self, start: int, end: int, first: int | None = None) -> bool:
        """Whether a phrase overlaps [start, end); ``first``: no phrase starts before it (digits in no phrase).

        A phrase that begins with a numeral does not begin inside a longer numeral (十分 in 二十分钟, 四处 in
        二十四处)."""
        text, by_first = self.text, self.by_first
        pos = max(0, start - self.width + 1) if first is None else first
        while pos < end:
            # the next position where a phrase may start (its first two characters, or a single): one search
            # passes over the others, where the checks below find nothing
            head = self.heads.search(text, pos, end + 1)
            if head is None:
                return False
            pos = head.start()
            if pos >= end:
                return False
            if pos and text[pos] in _NUMERAL_CHARS and text[pos - 1] in _NUMERAL_CHARS:
                pos += 1
                continue
            phrases = by_first.get(text[pos:pos + 2])
            if text[pos] in self.singles and pos >= start:
                return True
            if phrases:
                for phrase in phrases:
                    if pos + len(phrase) > start and text.startswith(phrase, pos):
                        return True
            pos += 1
        return False


class MetricFilter:
    """spaCy component: keeps only the candidates that state a metric."""

    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None) -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicon = lexicon_for(extra_lexicon)
        grammar = build_grammar(self.lex)
        self.stop_width = max(map(len, grammar.stop_words), default=0)
        by_first: dict[str, list[str]] = {}
        for word in sorted(set(grammar.stop_words), key=len, reverse=True):
            if len(word) > 1:
                by_first.setdefault(word[:2], []).append(word)
        self.stops_by_first = {k: tuple(v) for k, v in by_first.items()}
        self.stop_singles = frozenset(w for w in grammar.stop_words if len(w) == 1)
        self.stop_heads = compile_fast(alternation([*self.stops_by_first, *self.stop_singles]))
        self.stops_digit_free = not any(ch.isdigit() for w in grammar.stop_words for ch in w)
        self.not_followed_by = grammar.not_followed_by
        raw = self.lex.raw["filters"]
        self.relative_before = tuple(raw.get("relative_time_before", ()))
        self.anniversary_after = tuple(raw.get("anniversary_after", ()))
        self.name_suffixes = {k: tuple(v) for k, v in raw.get("name_suffixes", {}).items()}
        # 湖江河海山湾岛: the last characters of a landform's name (entities.json landform_short_forms)
        self.landform_ends = frozenset(
            self.lex.raw.get("entities", {}).get("landform_short_forms", {}).get("ends", ""))
        # 两届|自治区…: a word that begins a place's type, not a name built on the numeral
        self.place_type_heads = tuple(raw.get("name_suffix_not_right_after", ()))
        # a name holds no particle or preposition (千亿元的园区 is no name): entities.json function_chars
        function = regex.escape(self.lex.raw.get("entities", {}).get("function_chars", ""))
        name_char = rf"(?![{function}])\p{{Han}}" if function else r"\p{Han}"
        self._name_suffix = regex.compile(
            rf"{name_char}{{0,2}}?(?P<s>{alternation(self.name_suffixes)})") if self.name_suffixes else None
        orgs = raw.get("org_name_suffixes", ())
        self._org_suffix = regex.compile(rf"\p{{Han}}{{0,2}}?(?:{alternation(orgs)})") if orgs else None
        self.office_units = set(raw.get("office_units", ()))
        self.office_after = tuple(raw.get("office_after", ()))
        self._digit_office_after = tuple(w for w in self.office_after if len(w) >= 2 or w == "村")
        self.office_before = tuple(raw.get("office_before", ()))
        self.office_totals = frozenset(raw.get("office_after_totals", ()))
        self.two_ok = set(raw.get("ordinal_two_units_ok", ()))
        self.ordinal_max = {k: float(v) for k, v in raw.get("ordinal_max_value", {}).items()}
        self.words_ending_in_one = frozenset(raw.get("words_ending_in_one", ()))
        self.clock_before = set(raw.get("clock_before", ()))
        self.parties_units = set(raw.get("parties_units", ()))
        self.phase_nouns = tuple(raw.get("phase_nouns", ()))
        self.holidays = frozenset(raw.get("holidays", ()))
        self.route_before = tuple(raw.get("route_before", ()))
        session = raw.get("session_ordinal", {})
        self.session_before = session.get("before", "")
        self.session_reach = int(session.get("reach", 0))
        self.session_after = tuple(session.get("after", ()))
        self.holiday_after = tuple(raw.get("holiday_after", ()))
        self.class_suffixes = tuple(raw.get("income_class_suffixes", ()))
        self.name_suffix_not_units = frozenset(raw.get("name_suffix_not_units", ("个",)))
        self.name_not_before = {k: tuple(v) for k, v in raw.get("official_name_not_before", {}).items()}
        for suffix, words in self.name_not_before.items():
            if suffix in self.name_suffixes:
                self.name_suffixes[suffix] += tuple(w for w in words if w not in self.name_suffixes[suffix])
        self.one_counts = frozenset(raw.get("generic_one_not_units", ()))
        self.one_count_before = tuple(raw.get("one_count_before", ()))
        self.size_units = frozenset(raw.get("bare_multiplier_units", ()))
        self.label_prefixes = tuple(raw.get("label_prefixes", ()))
        self.heading_max_length = int(raw.get("heading_max_length", 0))
        numbered = raw.get("numbered_places", {})
        self.numbered_places = {k: tuple(v) for k, v in numbered.get("units", {}).items()}
        self.place_totals = frozenset(numbered.get("totals", ""))  # 全乡6村, 该镇12村: the place's villages, counted
        pairs = raw.get("pair_pronouns", {})
        self.pair_words = frozenset(pairs.get("words", ()))
        self.pair_openers = tuple(pairs.get("after", ()))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        quoted = _Intervals(self._short_quotes(text))
        stops = _StopPhrases(self.stops_by_first, self.stop_singles, self.stop_width, text, self.stop_heads)
        furniture = _Intervals([(s.start_char, s.end_char) for s in doc.spans.get(FURNITURE_KEY, [])])
        kept, rejected = [], []
        for span in doc.spans.get(METRICS_KEY, []):
            reason = self.reason(span, text, quoted, stops, furniture)
            if reason is None:
                kept.append(span)
            else:
                fields(span).reject_reason = reason
                rejected.append(span)
        doc.spans[METRICS_KEY] = kept
        doc.spans[REJECTED_KEY] = rejected
        return doc

    def _short_quotes(self, text: str) -> list[tuple[int, int]]:
        out = []
        longest, plain = self.lex.max_quote_length, self.lex.max_quote_length * 2 // 3
        for m in (m for pattern in _QUOTED for m in pattern.finditer(text)):
            start, end = m.span()  # the body, between the quotes: text[start + 1:end - 1]
            if text[start] == "《" or text.startswith("《", start + 1, end - 1):
                out.append((start, end))  # a book or document title is a name, whatever its length
            elif end - start - 2 <= longest and _SENTENCE_END.search(text, start + 1, end - 1) is None and (
                    end - start - 2 <= plain or _CLAUSE_PUNCT.search(text, start + 1, end - 1) is None):
                # a short quote is a slogan or a name (一人联十户,十户联百家); one with a full stop is speech
                out.append((start, end))
        # _Intervals wants them apart: a quote inside a kept one (a slogan in a title) adds nothing
        apart: list[tuple[int, int]] = []
        for q in sorted(out):
            if not apart or q[1] > apart[-1][1]:
                apart.append(q)
        return apart

    def _after_office(self, text: str, start: int) -> bool:
        """某村|九组, 村|1组: a number right after a village or body that numbers one of its offices or groups."""
        return any(text.startswith(w, start - len(w)) and text[start - len(w) - 1:start - len(w)]
                   not in self.office_totals for w in self.office_after)

    def _office_elsewhere(self, text: str, word: str) -> bool:
        """Whether ``word`` (五组) names an office or group somewhere in the text (五组小组长, 某村五组)."""
        at = text.find(word)
        while at != -1:
            if self._after_office(text, at) or text.startswith(self.office_before, at + len(word)):
                return True
            at = text.find(word, at + 1)
        return False

    def _name_reason(self, text: str, start: int, end: int, numeral: str, unit_text: str,
                     kind: str) -> str | None:
        """A Chinese numeral that is part of a name: a place (三元区), an office or group (二处, 九组), a party."""
        if numeral == "二" and kind == "count" and unit_text not in self.two_ok:
            return "ordinal_two"  # 二层, 二期, 组织二处: a count says 两; 二 before a measure word numbers
        if unit_text in self.office_units and (
                self._after_office(text, start) or text.startswith(self.office_before, end)):
            return "office_number"  # 某村九组, 三组组长; 全村二十四处 counts
        if unit_text in self.office_units and self._office_elsewhere(text, text[start:end]):
            return "office_number"  # 五组小组长…, 五组将集体果园承包: the group's name, written again
        if unit_text in self.parties_units:
            return "parties"  # 三方联动
        if self._name_suffix is not None and unit_text not in self.name_suffix_not_units \
                and kind in ("count", "money", "measure"):
            m = self._name_suffix.match(text, end, min(len(text), end + 5))
            if m and _HAN.match(text, end) and not text.startswith(self.place_type_heads, end) and not any(
                    text.startswith(w, m.end()) for w in self.name_suffixes[m.group("s")]):
                return "place_name"  # 三元区, 七台河市, 五台山
        if self._org_suffix is not None and kind in ("money", "measure") and _HAN.match(text, end) and \
                self._org_suffix.match(text, end, min(len(text), end + 5)):
            return "organisation_name"  # 三元食品公司, 三元牌
        if self._in_official_name(text, start, end):
            return "place_name"  # 三道沟村, 二十里铺村: the numeral begins a name the national gazetteer holds
        return None

    def _heading_number(self, text: str, start: int, end: int) -> bool:
        """A section number (1.2, 2.1.3) opening a short line with no clause punctuation, its title after it."""
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip() or not _HAN.match(text, end):
            return False
        line_end = text.find("\n", start)
        line = text[start:line_end if line_end >= 0 else len(text)]
        return len(line.strip()) <= self.heading_max_length and not (CLAUSE_PUNCT & set(line))

    def _in_official_name(self, text: str, start: int, end: int) -> bool:
        if not _HAN.match(text, end):
            return False
        from ..gazetteer import get_gazetteer  # loaded once, on first use (the entity finder needs it too)

        gazetteer = get_gazetteer()
        for stop in range(end + 1, min(len(text), start + _NAME_REACH) + 1):
            if not _HAN.match(text, stop - 1):
                return False
            last = text[stop - 1]
            if last in _PLACE_ENDS and gazetteer.contains(text[start:stop]) and not any(
                    text.startswith(w, stop) for w in self.name_not_before.get(last, ())):
                return True  # 三家村 is a village; in 三家村民 the 村 begins 村民
            if stop - start >= 3 and gazetteer.short_form_of(text[start:stop]) is not None:
                return True  # 贵州六盘水: a city written by its short form (three characters at least)
            if stop - start >= 3 and last in self.landform_ends \
                    and any(gazetteer.contains(text[start:stop] + end) for end in "镇乡村县"):
                return True  # 六盘山下: a mountain (lake, river) whose name also names a town (六盘山镇)
        return False

    def reason(self, span: Span, text: str, quoted: _Intervals, stops: _StopPhrases,
               furniture: _Intervals) -> str | None:
        x = fields(span)
        start, end = span.start_char, span.end_char
        numeral, unit, kind, source = x.numeral or "", x.unit, x.kind, x.source
        digits = numeral[:1].isdigit()  # written in figures (else a Chinese numeral)
        if furniture.overlaps(start, end):
            return "furniture"
        if "." in numeral and kind == "count" and text[x.numeral_start + len(numeral):x.unit_start] == "" \
                and self._heading_number(text, x.numeral_start, end):
            return "heading_number"  # 1.2项目意义: the number of a section, not 1.2 items
        if quoted.covers(start, end) and not (kind == "money" and digits):
            return "quoted"  # a slogan or a name; an amount of yuan in figures is quoted speech or a document
        # a phrase holds no Arabic digits, so one overlapping 3公里 starts after the 3
        first = x.numeral_start + len(numeral) if digits and self.stops_digit_free else None
        if stops.overlaps(start, end, first):
            return "stop_phrase"
        before = text[start - 1] if start else ""
        after = text[end:end + 1]
        if before.isascii() and before.isalpha() and digits:
            return "code"  # 5G, B12, ABC3m: a model or grade name, not a figure
        spaced = start
        while spaced and text[spaced - 1] in _SPACES:
            spaced -= 1
        prefix = before if before in self.lex.ordinal_prefixes else text[spaced - 1] if (
            spaced < start and spaced and text[spaced - 1] in self.lex.ordinal_prefixes) else None
        if prefix is not None and (prefix not in self.ordinal_max or x.value is not None
                                   and x.value <= self.ordinal_max[prefix]):
            return "ordinal"  # 第3名, 第 3 名, 初三 (not 当初3000多万元: 初 numbers days and school years only)
        if spaced < start and any(text.startswith(w, spaced - len(w)) for w in self.label_prefixes):
            return "label"  # 图 2, 表 1: a figure's or table's number
        if numeral[:1] == "一" and start and text[start - 1:start + 1] in self.words_ending_in_one:
            return "word"  # 统一村内, 唯一一家: the 一 ends a word, no number starts there
        if numeral == "一" and source in ("number", "counted_noun") and x.qualifier == "exact" \
                and x.value_max is None and x.value == 1 and unit not in self.one_counts \
                and not text.endswith(self.one_count_before, 0, start) and not _LISTED_COUNT.match(text, end):
            # 一批, 一支队伍, 一个核心: "a", not a count (but 仅有一条硬化路, 有一所中心校、两个教学点 count)
            return "generic_one"
        place = next((w for w in self.numbered_places.get(unit, ()) if text.endswith(w, 0, start)), None) \
            if source == "counted_noun" and x.qualifier == "exact" else None
        if place is not None and text[start - len(place) - 1:start - len(place)] not in self.place_totals:
            return "numbered_place"  # 乔勒潘乡6村: a village numbered within its township, a name (not 全乡6村)
        if text[start:end] in self.pair_words and x.qualifier == "exact" and _HAN_CHAR.match(text, end) \
                and (not start or text.endswith(self.pair_openers, 0, start)):
            return "pair_pronoun"  # …找来询问。二人神情紧张: the two just named, as a pronoun, not a count
        if source == "number" and unit == "个" and after == "一" and (
                not digits or not _HAN_CHAR.match(text, end + 1)):
            return "slogan_items"  # 三个一, 四个一: a programme's name (not 20个一类县)
        if source == "number" and len(numeral) == 1 and _is_bare_multiplier(numeral) and x.qualifier == "exact" \
                and x.unit not in self.size_units:
            # 千条线, 万家: a multiplier alone is rhetoric unless 近/上/余 make it a number; before a unit of
            # area it states a size (万亩棉田, 流转千亩闲置土地)
            return "bare_multiplier"
        is_chinese = not digits
        if kind == "score":
            if is_chinese:
                return "not_a_score"  # 十分满意
            if start >= 2 and text[start - 1] in self.clock_before and (
                    text[start - 2].isdigit() or text[start - 2] in _NUMERAL_CHARS or text[start - 2] == "零"):
                return "clock_time"  # 7点30分, 零时30分
        unit_text = x.unit_text or ""
        if is_chinese and numeral in self.holidays and (x.numeral_start == 0 or text[x.numeral_start - 1]
                                                         not in _NUMERAL_CHARS) \
                and text.startswith(self.holiday_after, x.numeral_start + len(numeral)):
            return "holiday"  # 十一期间 (国庆); 十一个村 and 二十一个村 count
        if kind == "money" and is_chinese and text.startswith(self.class_suffixes, end) and not any(
                text.startswith(w, end + 1) for w in self.name_not_before.get(text[end], ())):
            return "income_class"  # 超百万元村7个, 亿元村: a class of villages by income, not an amount
        if is_chinese and source in ("number", "counted_noun"):
            reason = self._name_reason(text, start, end, numeral, unit_text, kind)
            if reason:
                return reason
        elif source == "number" and unit_text in self.office_units \
                and text.endswith(self._digit_office_after, 0, start) \
                and text[start - 2:start - 1] not in self.office_totals:
            # 村1组大路旁, 4号楼1门: a group's or a door's number, in digits too (not 布局|10处: one character
            # other than 村 ends too many words)
            return "office_number"
        if kind == "duration":
            if text.startswith(self.lex.relative_time_after, end) or any(
                    text.startswith(w, start - len(w)) for w in self.relative_before):
                return "relative_date"
            if unit == "周" and text.startswith(self.anniversary_after, end):
                return "anniversary"  # 建党100周年, 18周岁
            if unit == "年":
                short = is_chinese or len(numeral) <= 2
                # 1年多, 二十余年, 三十来年: no calendar year holds 余/多/来
                follows = _MORE.search(text, start, end) is not None or text.startswith(
                    self.lex.year_duration_after, end)
                if not (short and follows):
                    return "year"
        if unit == "期" and is_chinese and text.startswith(self.phase_nouns, end):
            return "phase"  # 三期项目, 二期工程: a phase name, not a count (三期共有215户 counts)
        if unit == "次" and self.session_before and text.startswith(self.session_after, end) \
                and text.rfind(self.session_before, max(0, start - self.session_reach), start) >= 0:
            return "session"  # 十三届全国人大三次会议: the session's number (召开3次会议 counts meetings)
        if kind == "duration" and unit == "年" and text[start:start + 1] in _VAGUE_HEADS and text.startswith("来", end):
            return "vague_duration"  # 数十年来, 几十年来: a long time, no figure
        if unit_text == "路" and text.endswith(self.route_before, 0, start):
            return "route"  # 嘉兴公交101路: a bus route's number
        followers = self.not_followed_by.get(unit_text) or self.not_followed_by.get(unit)
        if followers and text.startswith(followers, end):
            return "part_of_word"  # 3单元, 5部门, 3道路
        if before in "×*xX/" and before:
            return "rate_label"  # 7×24小时
        return None


@Language.factory("dangjian_filters", default_config={"extra_lexicon": None},
                  requires=["doc.spans"], assigns=["doc.spans"])
def make_metric_filter(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None) -> MetricFilter:
    return MetricFilter(nlp, name, extra_lexicon)
