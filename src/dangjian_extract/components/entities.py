"""Find every mention of a place or body (``mentions_of(doc)``: :class:`Mention` records, doc.text offsets).

Chinese has no spaces, so a name's left edge is the hard part. A name ends with a type suffix (街道, 村,
有限公司 …, ``data/entities.json``); its left edge is clean when it follows punctuation, a line start, a
boundary word (走进, 位于, 在 …) or another entity (章丘区|明水街道 — the parent). A name whose edge is
unsure is kept only when the same name is written cleanly elsewhere in the text, or when it is short.
该村/本村/全县/村里 refer back to the last named entity with that suffix (or of that type).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from itertools import islice
from typing import Any, NamedTuple

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..gazetteer import get_gazetteer, level_to_entity_type
from ..lexicon import Lexicon, alternation, lexicon_for
from ..numbers import CN_NUMERAL_CHARS
from ..spans import compile_fast, doc_text
from .quantities import METRICS_KEY

ENTITIES_KEY = "dangjian_entities"  # doc.user_data key: Mention tuples in doc.text offsets
_HAN = regex.compile(r"[\p{Han}A-Za-z·]")
_HAN_CHAR = regex.compile(r"\p{Han}")
_TWO_HAN = regex.compile(r"\p{Han}{2}")
# (in re where both modules read a pattern alike: the same matches at half the cost of a call)
_COUNTED = compile_fast(r"[0-9一二两三四五六七八九十几多]个")
#: the same with the measure words of bodies and buildings, for the names of bodies (三家村 and 五座村 are villages)
_COUNTED_BODIES = compile_fast(r"[0-9一二两三四五六七八九十几多][家座所]")
_NUMERAL_HEAD = compile_fast(r"[0-9０-９一二两三四五六七八九十百千半几]+")
_RUN_BACK = regex.compile(r"(?r)[\p{Han}A-Za-z·]*")
_ADDRESS = compile_fast(r"[0-9]{1,5}(?:-[0-9]{1,4})?号[院楼]?")  # 106号, 8号院, 2号楼
_SENTENCE_STARTS = frozenset("\n。！？；")  # characters after which a line or sentence starts
_CHAIN_READ = 8  # names of a written chain (四川省某某市某某区某某镇某某村) read before a place
_MAX_RUN = 20
#: （以下简称华电电科院）, (简称“某某公司”): the short name a text defines for the body written before it
_SHORT_NAME = regex.compile(r"[（(](?:以下)?简称[“\"]?(?P<short>[\p{Han}A-Za-z0-9·]{2,12})[”\"]?[）)]")
#: one character that describes a kind, not a name, after a place (某镇|新|产业园区, 某县|各|工业园区)
_ONE_CHAR_DESCRIPTORS = frozenset("新老大小各该本全这那其诸多")
#: 这个建成近20年的小区, 这个5年前的集体经济“空壳村”: a demonstrative, a description and 的 before a type word
_DESCRIBED_BACK = regex.compile(
    r"(?:这|该|此)(?:个|座|片|家|所|处)[^，。；！？,;!?\n“”、]{1,14}的[^，。；！？,;!?\n、]{0,8}$")
_DESCRIBED_BACK_TYPES = frozenset(("community", "village", "compound", "park"))
_DETERMINERS = "该本此"
_ADMIN_TYPES = frozenset(("province", "district", "subdistrict", "community", "village"))
#: the suffixes of the levels above a community's or a village's
_BROAD_SUFFIXES = ("省", "市", "县", "区", "州", "旗", "镇", "乡", "街道")
_ABOVE_VILLAGE = frozenset(("province", "district", "subdistrict"))  # levels no road or market name extends
#: gazetteer levels whose names open registered names and university names (贵州…有限公司, 昆明理工大学)
_UPPER_LEVELS = frozenset(("province", "prefecture", "county"))
#: a company's registered form: its name holds descriptors (服务, 发展) as any registered name does
_BRACKETED = regex.compile(r"[（(]\p{Han}{2,4}[）)]$")
_LEGAL_SUFFIXES = frozenset(("有限公司", "股份有限公司", "有限责任公司"))
_TITLED_BRAND_EDGES = frozenset("，。；：,;:\n“”、是")  # before a brand named with its officer's title
# the number of a project's capacity written in its name (45|万千瓦风电…项目), matched back from its unit
_NUMBER_BACK = regex.compile(r"(?r)[0-9]+(?:\.[0-9]+)?")
_CAPACITY_HEAD = 10  # characters of the owner's words read before the capacity
_BRANDED_SUFFIXES = _LEGAL_SUFFIXES | {"集团"}  # 紫光园餐饮集团 … 紫光园: a group is called by its brand too
_ADMIN_ORDER = {t: i for i, t in enumerate(("province", "district", "subdistrict", "community", "village"))}
_HAN_RUN = regex.compile(r"\p{Han}+")
_INDEFINITE_MAX = 6  # characters of a body's name after 一家 that are a kind (文具公司), not a registered name
_DEICTIC_WORDS = frozenset(("这里", "当地"))  # back-references to the latest place (or body) of any name
_BARE_BACK_REACH = 400  # characters a bare 合作社/这里 reaches back for what it names
_LOCAL_REACH = 1500  # …and 当地 for the county or city it names
_BELOW_COUNTY = frozenset(("subdistrict", "community", "village"))
_BARE_ONLY_REACH = 1500  # …and further when the report names one body of that kind alone
_REGION_SUFFIX = "自治区"
_COUNT_TAILS = frozenset("多余万千百几0123456789")  # 6万多|鹰潭人: people of a place, counted
_STEM_OPENERS = frozenset("，。；：！？、,;:!?\n“”「」（）()年的—")  # what a village's stem opening a clause follows
_CLAUSE_PUNCT = frozenset("，。；！？：,;!?:\n“”「」—")
_BARE_NEXT_PARAGRAPH = 250  # …and a bare body word into the next paragraph (“…”在工坊里，…介绍，工坊已开发…)
#: bodies whose names end in descriptors (红叶种植专业合作社); a 种植基地 or 产业园 is no more than its descriptors
_NAMED_BODY_TYPES = frozenset(("enterprise", "organisation"))
# a bare 项目/公司 after a list of such bodies refers to none of them (a list of places shares its story)
_LISTED_BODY_TYPES = frozenset(("project", "enterprise", "organisation"))
_LEVEL_ENDINGS = frozenset("省市县区镇乡村")
_COUNTY = frozenset(("county",))
_COUNTY_SUFFIXES = frozenset(("县", "市", "区"))
# 基地 at a clause's start, as its subject (基地负责人…, 另外，基地还聘请…), and a base named at a clause's start
_BARE_BASE = regex.compile(
    r"(?:^|(?<=[。！？；，,\n]|另外，|另外,|同时，|同时,|此外，|此外,))(基地)(?=\p{Han})(?!建设|内|里|上)", regex.M)
_NAMED_BASE = regex.compile(r"(?:^|(?<=[。！？；，,\n]))((\p{Han}{2,10}?)基地)(?!建设)", regex.M)
_TAIL_TYPES = frozenset(("enterprise", "organisation", "project", "park"))
_COMPANY_ENDS = ("有限责任公司", "股份有限公司", "有限公司", "集团")
_HAN_RUN = regex.compile(r"\p{Han}+")
_MONEY_IN_NAME = compile_fast(r"(?:[十百千]?万|亿)元")
#: types whose names the national gazetteer holds
_GAZETTEER_TYPES = frozenset(("province", "district", "subdistrict", "community", "village"))
_CLOSE_QUOTES = {"”": "“", "」": "「", "』": "『", "》": "《"}
_QUOTE_STOP = compile_fast(r"[，。；！？,;!?\n“”「」『』]")
#: a narrower place written right after a name, as its child in a chain (新蒲新区|松源社区, 某某镇|某某村)
_CHILD_PLACE = {
    "district": regex.compile(r"\p{Han}{2,6}?(?:街道|镇|乡|社区)(?![村镇级里])"),
    "subdistrict": regex.compile(r"\p{Han}{2,6}?(?:社区|村)(?![级里民务])"),
}


class _TradeHit(NamedTuple):
    """A company found by its brand and trade before an officer's title, read like a match of _trade_name."""

    at: int
    stop: int
    brand: str
    trade: str

    def start(self, group: str | int = 0) -> int:
        return self.at

    def end(self, group: str | int = 0) -> int:
        return self.stop

    def group(self, name: str | int = 0) -> str:
        return self.brand if name == "brand" else self.trade if name == "trade" else self.brand + self.trade


@dataclass
class Mention:
    """An entity mention in doc.text offsets."""

    start: int
    end: int
    name: str
    type: str
    parent: str | None = None
    clean: bool = True
    back_reference: bool = False
    suffix: str = ""
    path: tuple[str, ...] | None = None
    code: str | None = None


class _Endings:
    """Words indexed by their last character, for ``str.endswith``: given a tuple, endswith compares every word in
    turn (hundreds of boundary words, dozens of descriptors per call); only the words ending in the last character
    of the string can match. The words of a character keep their order (:meth:`first`)."""

    __slots__ = ("_by_last", "_none")

    def __init__(self, words: Any) -> None:
        words = tuple(words)
        self._none: tuple[str, ...] = tuple(w for w in words if not w)  # (an empty word ends every string)
        by_last: dict[str, list[str]] = {}
        empty: list[str] = []
        for w in words:  # one pass (a pass per last character took 33 ms of every cold start over 79 lists)
            if w:
                held = by_last.get(w[-1])
                if held is None:
                    held = by_last[w[-1]] = list(empty)
                held.append(w)
            else:  # an empty word ends every string: it joins every character's words, at its place in the order
                empty.append(w)
                for held in by_last.values():
                    held.append(w)
        self._by_last = {ch: tuple(held) for ch, held in by_last.items()}

    def before(self, text: str, end: int) -> tuple[str, ...]:
        """The words that may end at ``end`` (0 or more) of ``text``: pass them to ``text.endswith(…, start, end)``."""
        if end > len(text):
            end = len(text)  # (endswith reads text[start:end] as sliced)
        return self._by_last.get(text[end - 1:end], self._none)

    def ends(self, s: str) -> bool:
        """``s.endswith(words)``."""
        return s.endswith(self._by_last.get(s[-1:], self._none))

    def first(self, s: str) -> str | None:
        """The first of the words (in their order) that ``s`` ends with, if any."""
        return next((w for w in self._by_last.get(s[-1:], self._none) if s.endswith(w)), None)


_NO_ENDINGS = _Endings(())


class _NameChars(dict):
    """Whether a character is one names are written in (``_HAN``), remembered per character: made for one text (a
    look-up instead of a regex call for each suffix's neighbours)."""

    def __missing__(self, ch: str) -> bool:
        held = self[ch] = _HAN.match(ch) is not None
        return held


class _SuffixData(NamedTuple):
    """What the suffix scan reads about a suffix, looked up once per match (see EntityFinder._suffix_data)."""

    etype: str
    words: tuple[str, ...]  # the suffix_words that can end where the suffix ends
    needs: frozenset[str] | None  # suffix_followed_by
    not_followed_by: frozenset[str]
    back_after: frozenset[str]  # back_references_after
    lengths: tuple[int, int]  # (shortest, longest) name part


# zones governed like a district, named after a place (not 某某产业园区, a company may run one)
_ZONE_SUFFIXES = ("经开区", "高新区", "开发区")
# numerals that open a slogan naming a kind (五好园区, 三无小区); 万, 千, 百 open names too (万盛, 千岛, 百色)
_SMALL_NUMERALS = frozenset("一二三四五六七八九十两几〇零")
# characters before a share in tenths (约九成, 超八成): 九成村 after them is a share of the villages
_SHARE_QUALIFIERS = frozenset("约近超逾达占")
# back-references (村里, 该社区) that may name a place the text names only after them
_FORWARD_BACK_TYPES = ("village", "community")


@cache
def _clause_heads() -> dict[str, list[str]]:
    """``data/clause_heads.json``: words that open a clause whose subject is left out (see its ``source``)."""
    with resources.files("dangjian_extract").joinpath("data/clause_heads.json").open(encoding="utf-8") as f:
        return json.load(f)


def clause_head_words(edges: dict[str, Any]) -> frozenset[str]:
    """The dictionary's clause-opening words (data/clause_heads.json) and the user's (entities.json
    name_edges.clause_heads): one set for every component that asks whether a clause opens with a verb."""
    return frozenset(_clause_heads()["words"]) | frozenset(edges.get("clause_heads", ()))


def _merge_outside(found: list[Mention], extra: list[Mention]) -> list[Mention]:
    """``found`` with the ``extra`` mentions that no earlier or longer mention overlaps, in text order."""
    if not extra:
        return found
    result: list[Mention] = []
    for m in sorted(found + extra, key=lambda m: (m.start, -m.end)):
        if result and m.start < result[-1].end:
            continue  # a name found already holds it
        result.append(m)
    return result


def _overlaps(found: list[Mention], starts: list[int], at: int, end: int) -> bool:
    """Whether text[at:end] lies inside or across a mention of ``found`` (``starts``: their starts, sorted)."""
    i = bisect_right(starts, at) - 1
    return i >= 0 and found[i].end > at or i + 1 < len(found) and found[i + 1].start < end


def ref_of(m: Mention) -> tuple[Any, ...]:
    """The entity of a metric or a section as stored on spans: (name, type, start, end, parent, path, code)."""
    return (m.name, m.type, m.start, m.end, m.parent, m.path, m.code)


def mentions_of(doc: Doc) -> list[Mention]:
    """The entity mentions the ``dangjian_entities`` component stored on the Doc, in text order."""
    return [Mention(*t) for t in doc.user_data.get(ENTITIES_KEY, ())]


class EntityFinder:
    """spaCy component: every named place or body, stored in ``doc.user_data`` (see :func:`mentions_of`)."""

    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None,
                 use_gazetteer: bool = True) -> None:
        register_extensions()
        self.name = name
        self.use_gazetteer = use_gazetteer
        self.lex: Lexicon = lexicon_for(extra_lexicon)
        data = self.lex.raw["entities"]
        self.suffix_type: dict[str, str] = {}
        for etype, suffixes in data["suffixes"].items():
            for suffix in suffixes:
                self.suffix_type.setdefault(suffix, etype)
        # the one-character suffixes of administrative places (省 市 县 区 州 乡 镇 村 …)
        self.one_char_levels = frozenset(w for w, t in self.suffix_type.items()
                                         if len(w) == 1 and t in _GAZETTEER_TYPES)
        # an alternation of plain words: the standard re module finds the same matches about twice as fast
        self.pattern = re.compile(alternation(self.suffix_type))
        self.lengths = {t: (int(a), int(b)) for t, (a, b) in data["name_length"].items()}
        self.lengths_by_suffix = {t: (int(a), int(b)) for t, (a, b) in data["name_length_by_suffix"].items()}
        # a name part of no character is never acceptable (the suffix loop skips a bare suffix by it)
        self._suffix_names: dict[str, bool] = {}  # see _suffix_ends_name
        self._names_not_empty = min(a for a, _ in (*self.lengths.values(), *self.lengths_by_suffix.values())) >= 1
        self.boundaries = sorted(set(data["left_boundaries"]), key=len, reverse=True)
        self.boundary_words = frozenset(w for w in self.boundaries if len(w) > 1)
        # the same words as tuples: str.endswith tries a tuple in C, a generator of endswith calls in Python
        self._boundaries_tuple = tuple(self.boundaries)
        self._boundary_words_tuple = tuple(sorted(self.boundary_words))
        self._boundary_ends = _Endings(self._boundaries_tuple)
        self._boundary_word_ends = _Endings(self._boundary_words_tuple)
        # suffix words inside a run mark a left edge too: 开发区|东城街道
        self.weak = frozenset(data["weak_boundaries"])
        # a suffix that names a place only before a break (州) marks no left edge inside a run (陕西同州时荔…公司)
        edges = set(self.suffix_type) - set(data.get("suffix_followed_by", {}))
        bounds = {w for w in set(self.boundaries) | self.weak | edges if w}
        # the boundary words of a run are found by _boundary_spans: by their first two characters, longest first,
        # and the one-character words
        self._bounds_by_head: dict[str, tuple[str, ...]] = {}
        for w in sorted((w for w in bounds if len(w) > 1), key=len, reverse=True):
            self._bounds_by_head[w[:2]] = (*self._bounds_by_head.get(w[:2], ()), w)
        self._bound_chars = frozenset(w for w in bounds if len(w) == 1)
        self._bound_firsts = frozenset(w[0] for w in bounds)
        self.join_after = tuple(data["join_after"])
        self.named_with_place = frozenset(data["named_with_place"])
        # 浙江省文化馆, 某县图书馆: institutions of other types named by their place alone, by the end of the suffix
        self.named_with_place_ends = tuple(data.get("named_with_place_ends", ()))
        # 酱品厂|小区, 某某公司|宿舍: a body's housing compound is named after the body
        self.compound_of = frozenset(data.get("compound_of_bodies", ()))
        self.motion_heads = frozenset(data["name_edges"].get("motion_heads", ""))
        self.name_initials = frozenset(data["name_edges"].get("name_initials", ""))
        self.named_with_quotes = frozenset(data["named_with_quotes"])
        self.generic = set(data["generic"])
        self.generic_endings = tuple(sorted(set(data["generic_endings"]), key=len, reverse=True))
        self.generic_by_suffix = {k: tuple(v) for k, v in data["generic_endings_by_suffix"].items()}
        # (the same by their last character: names are tested against them many times per text)
        self._generic_endings_index = _Endings(self.generic_endings)
        self._generic_index_by_suffix = {k: _Endings(v) for k, v in self.generic_by_suffix.items()}
        self.not_followed_by = {k: frozenset(v) for k, v in data["not_followed_by"].items()}
        self.level_chars = frozenset(data["level_chars"])
        # a name found by its 区 that ends in a park's suffix (园区, 示范区…; not the zones governed like a district)
        self.park_district_ends = tuple(w for w, t in self.suffix_type.items()
                                        if t == "park" and w.endswith("区") and w not in _ZONE_SUFFIXES)
        self.words_after_names = tuple(data.get("words_after_names", ()))
        self.name_evidence_after = tuple(data["name_evidence_after"])
        self.time_before_back = tuple(data["time_before_back_reference"]["words"])
        works = data["works_projects"]
        self.works_types = frozenset(works["types"])
        works_words = "|".join(sorted(works["works"], key=len, reverse=True))
        self._works_project = regex.compile(
            rf"\p{{Han}}{{0,{int(works['max_between'])}}}?(?:{works_words})(?:{'|'.join(works['heads'])})")
        self.official_generic_by_suffix = {k: tuple(v) for k, v in data["official_generic_by_suffix"].items()}
        self._official_generic_index_by_suffix = {k: _Endings(v) for k, v in self.official_generic_by_suffix.items()}
        self.level_list_chars = self.level_chars | frozenset("两三四五六级")
        self.generic_heads = tuple(data["generic_heads"])
        self.kind_before = tuple(data.get("kind_before", ()))
        self.indefinite_before = tuple(data.get("indefinite_before", ()))
        # 某民营炼油厂: a body whose name the text withholds (guide §4 rule 7: real names only)
        self.unnamed_marks = tuple(data.get("unnamed_marks", ()))
        # a project's capacity in its name (45万千瓦|风电…项目): the unit right after the number, and in the name
        units = alternation(data.get("capacity_units", ()))
        self._capacity_unit = regex.compile(f"(?:万|亿)?(?:{units})") if units else None
        self._capacity_in_name = regex.compile(f"[0-9](?:万|亿)?(?:{units})") if units else None
        self.back_references = tuple(data["back_references"])
        # one-character determiners (该, 本, 全): with a level character they refer back to a place (该州, 全县)
        self.back_determiners = frozenset(w for w in self.back_references if len(w) == 1)
        self.back_after = {k: frozenset(v) for k, v in data["back_references_after"].items()}
        self.named_bodies: dict[str, str] = dict(data.get("named_bodies", {}))
        self.named_bodies_not_followed_by = frozenset(data.get("named_bodies_not_followed_by", ""))
        # where a named body may start, found in one pass (as _bare_heads below), and the names by first character
        self._named_body_heads = re.compile(
            f"[{re.escape(''.join(sorted({w[0] for w in self.named_bodies if w})))}]"
            f"(?<=(?={alternation(self.named_bodies)}).)") if self.named_bodies else None
        self._named_bodies_by_first: dict[str, list[tuple[str, str]]] = {}
        for name, etype in self.named_bodies.items():
            if name:
                self._named_bodies_by_first.setdefault(name[0], []).append((name, etype))
        trade = data.get("trade_names", {})
        if trade.get("trades"):
            # a brand of two or three characters after a clause's start, a place or a verb of arrival, its trade,
            # then its investment, jobs or arrival (玉勤袜业总投资20多万元, 新引进龙耀木业，总投资…)
            self._trade_name = regex.compile(
                rf"(?:(?<=[，。；：,;:\n“]|^|{alternation(trade['before'])})|(?<=[村镇乡]))"
                rf"(?P<name>(?P<brand>\p{{Han}}{{2,3}}?)(?P<trade>{alternation(trade['trades'])}))"
                rf"(?=[，,]?(?:{alternation(trade['after'])}))", regex.M)
            self._trade_chars = re.compile(alternation(trade["trades"]))
            # 逸动科技联合创始人: a brand and any trade word, then the title of the company's officer (data
            # trade_names.titles), is a company too
            # (found from the titles, which few texts write, back to the trade and brand before them)
            self._titled_trades = tuple(sorted({*trade["trades"], *data.get("company_trade_words", ())},
                                               key=len, reverse=True))
            self._officer_titles = regex.compile(alternation(trade["titles"])) if trade.get("titles") else None
        else:
            self._trade_name = self._officer_titles = None
        self.suffix_followed_by = {k: frozenset(v) for k, v in data.get("suffix_followed_by", {}).items()}
        self.stem_suffixes = tuple(data.get("stem_suffixes", ()))
        self.address_roads = frozenset(data.get("address_roads", ()))  # 路, 大街: a house number may follow
        # the trade words a registered company's name ends in before its legal suffix (科技, 服装, 织造)
        self.trade_words = tuple(sorted(data.get("company_trade_words", ()), key=len, reverse=True))
        self.trade_set = frozenset(self.trade_words)  # (某某文旅发展|集团: a group's name ends in its trade too)
        banks = data["bank_branches"]
        self.branch_suffixes = frozenset(banks["branches"])  # 邮储银行|保山市分行: a branch named with its bank
        self.bank_ends = tuple(banks["banks"])
        landforms = data.get("landform_short_forms", {})
        self.landform_ends = tuple(landforms.get("ends", ""))  # 巢湖|之畔: the lake, not 巢湖市
        self.landform_after = tuple(landforms.get("after", ()))
        self.short_form_features = tuple(landforms.get("features", ()))  # 苏州河, 北京路: named after the city
        self.company_units = frozenset(data["company_units"])  # farms written after the company that runs them
        # 罗家坡, 张家湾: a family's name, 家 and a landform name a hamlet
        # (found by 家 before the landform, in re, and the family's character checked alone: see _hamlet_starts)
        self._hamlet_tail = re.compile(f"家(?=[{re.escape(''.join(data['hamlet_landforms']))}])")
        # 居民小组, 村民小组: units below a village that no gazetteer holds; named like bodies, by a clean edge
        self.ungazetted = frozenset(data.get("ungazetted_suffixes", ()))
        # after a place's stem, the characters that show the place itself is meant (北滘的…, 庄子田有…)
        self.stem_followers = frozenset(data.get("stem_followers", ""))
        self.bare_back: dict[str, str] = dict(data.get("bare_back_references", {}))
        self.bare_by_type = frozenset(data.get("bare_back_by_type", ()))
        self.report_words: dict[str, str] = dict(data.get("bare_report_words", {}))
        self.bare_back.update(self.report_words)
        self.determined_back = {k: v for k, v in data.get("determined_back_references", {}).items()
                                if not k.startswith("_")}
        self.bare_back.update(self.determined_back)
        self.bare_by_type |= frozenset(self.determined_back)
        # 从附近的梅花村: where things come from, no antecedent of a back-reference (searched in the few characters
        # before a mention)
        neighbours = data["attribution"]["neighbours"]
        self._sourced = regex.compile(
            f"(?:{alternation(data['source_words']['words'])})(?:{alternation(neighbours)})?的?$")
        # (川渝高竹新区|国土|空间: a place and a kind of space, no body)
        self.undescribed_suffixes = frozenset(data.get("described_body_not_suffixes", ()))
        self.bare_determiners = tuple(sorted(data["bare_back_determiners"], key=len, reverse=True))
        # at a clause's start: after punctuation (a dash too: 复电方案——位于小区…), a line start or 在, and before
        # a character of the clause
        self.bare_back_re = regex.compile(
            rf"(?:^|(?<=[，。；！？：,;!?:\n“”「」—]|在|(?:^|(?<=[，。；！？：,;!?:\n“”「」—]))"
            rf"(?:{alternation(self.bare_determiners)})|(?:^|(?<=[，。；！？：,;!?:\n“”「」—]))"
            rf"(?:{alternation(w for w in data['subject_openers'] if len(w) > 1 and w[-1] not in '，的')})))"
            rf"({alternation(self.bare_back)})(?=[\p{{Han}}0-9])"
            # 掌握小区1000余户居民: after a verb, right before a figure, the word names the figure's owner
            rf"|(?<=(?:{alternation(w for w in data['left_boundaries'] if len(w) > 1)}))"
            rf"({alternation(self.bare_back)})(?=[0-9０-９{CN_NUMERAL_CHARS}近约超逾])", regex.M)
        # where a bare word starts: the pattern above can match only there, and tried at every position its
        # lookbehinds cost several times the scan (re finds the words; the pattern is matched at each); the
        # first character is consumed and the word looked for from it, so that re skips to a possible first
        # character by its class (a pattern that opens with a lookahead is tried at every position)
        self._bare_heads = re.compile(f"[{re.escape(''.join(sorted({w[0] for w in self.bare_back if w})))}]"
                                      f"(?<=(?={alternation(self.bare_back)}).)") if self.bare_back else None
        # what the pattern's lookbehinds need right before a bare word: one str.endswith of these words tells most
        # starts that cannot match (about three in four) before the pattern is tried there
        self._bare_before = tuple(sorted(set("，。；！？：,;!?:\n“”「」—在")
                                         | {b + d for b in _CLAUSE_PUNCT for d in self.bare_determiners}
                                         | {w for w in data["subject_openers"] if len(w) > 1 and w[-1] not in "，的"}
                                         | {w for w in data["left_boundaries"] if len(w) > 1}))
        self._bare_before_ends = _Endings(self._bare_before)
        self.function_chars = frozenset(data["function_chars"])
        self.kind_stripped = frozenset(data.get("kind_stripped_suffixes", ()))
        self.inside_bodies = frozenset(data.get("inside_body_suffixes", ()))
        # 良村村驻村第一书记 is the village 良村村, 石淮村村党支部 the village 石淮村 and its 村党支部
        self.village_word_chars = frozenset(data["village_word_chars"])
        self.step_back = frozenset(data["attribution"]["step_back"])
        self.bare_back_far = frozenset(data.get("bare_back_references_far", ()))
        # 长岗岭|去年集体经济纯收入, 颜峰|集体收入: a time word or the village's collective after a stem follows it as
        # the clause's subject
        self._stem_time_words = tuple(data.get("time_before_back_reference", {}).get("words", ())) + ("集体",)
        self.institutions = tuple(data.get("deictic_not_institutions", ()))
        self.verb_not_before = frozenset(data.get("verb_not_before_suffixes", ()))
        self.buyer_before = tuple(data.get("buyer_before", ()))
        self.origin_before = tuple(data.get("origin_before", ()))
        self.suffix_words = tuple(data.get("suffix_words", ()))
        # per suffix, the words that can end where it ends (the ones that end in it, or that it ends in)
        self._suffix_words_of = {suffix: tuple(w for w in self.suffix_words if w.endswith(suffix) or suffix.endswith(w))
                                 for suffix in self.suffix_type}
        self.outlet_words = tuple(data.get("outlet_words", ()))
        edges = data["name_edges"]
        self.conjunctions = frozenset(edges["conjunctions"])
        self.clean_before = frozenset(edges["clean_before"])
        self.count_heads = frozenset(edges["count_heads"])
        self.verb_named_context = frozenset(edges["verb_named_context"])
        self.described_after = tuple(edges["described_after"])
        self.project_area_suffixes = tuple(edges["project_area_suffixes"])
        self.boundary_inside = {k: tuple(v) for k, v in data.get("boundary_inside_words", {}).items()}
        heads = _clause_heads()
        self.verb_complements = frozenset(edges.get("verb_complements", ""))
        self.clause_openers = tuple(sorted(edges.get("clause_openers", ()), key=len, reverse=True))
        self.adverb_heads = tuple(sorted(edges.get("adverb_heads", ()), key=len, reverse=True))
        # the units of time and distance (一刻钟社区, 15分钟生活圈), not measure words that begin names (五道庙小区)
        spans = (w for w, info in self.lex.units.items() if info.kind in ("duration", "measure"))
        self.unit_words = tuple(sorted(spans, key=len, reverse=True))
        self.measure_words = tuple(sorted(self.lex.units, key=len, reverse=True))
        self.clause_heads = clause_head_words(edges)
        self.pronoun_heads = tuple(sorted(heads["pronouns"], key=len, reverse=True))
        self.not_name_heads = tuple(sorted(data["not_name_heads"], key=len, reverse=True))
        self.not_name_head_words = frozenset(data["not_name_heads"])  # (a look-up per official name)
        self.not_inside_names = tuple(data.get("not_inside_names", ()))
        # (one search for any of them: an empty word is inside every name)
        self._not_inside_re = re.compile("" if "" in self.not_inside_names else alternation(self.not_inside_names))
        self.place_stem_not_ending = tuple(data.get("place_stem_not_ending", ()))
        self.official_generic = tuple(sorted(data["official_generic_endings"], key=len, reverse=True))
        self._official_generic_index = _Endings(self.official_generic)
        # _generic_across: the endings longer than a head of each length (one endswith call instead of a loop)
        self._generic_longer = {n: tuple(g for g in self.official_generic if len(g) > n)
                                for n in range(-1, max(map(len, self.official_generic), default=0) + 1)}
        self.not_before_suffix = frozenset(data["not_before_suffix"])
        self._dateline = compile_fast(f"(?:{alternation(data['attribution']['dateline_before'])})$")
        self._dated = compile_fast(r"[0-9０-９一二三四五六七八九十]{1,3}月|电")
        self.back_not_after = {k: frozenset(v) for k, v in data["back_reference_not_after"].items()}
        self._suffix_data = {suffix: _SuffixData(
            etype, self._suffix_words_of[suffix], self.suffix_followed_by.get(suffix),
            self.not_followed_by.get(suffix, frozenset()), self.back_after.get(suffix, frozenset()),
            self.lengths_by_suffix.get(suffix) or self.lengths.get(etype, (2, 8)))
            for suffix, etype in self.suffix_type.items()}
        self.speech_verbs = tuple(data["attribution"]["speech_verbs"])
        self._new_text_memos()

    def __call__(self, doc: Doc) -> Doc:
        # plain tuples, not Spans: aligning a span inside a coarse token splits it, and spaCy splits cost
        # O(length of the doc) each; tuples keep the Doc serialisable and the component linear
        found = self.find(doc_text(doc))
        doc.user_data[ENTITIES_KEY] = [(m.start, m.end, m.name, m.type, m.parent, m.clean, m.back_reference, m.suffix,
                                        m.path, m.code) for m in found]  # astuple deep-copies
        metrics = doc.spans.get(METRICS_KEY, [])
        if found and metrics:
            # 吴三村、东南村: a numeral inside a name found here is part of the name, not a count (三村)
            # (a project's capacity, 45万千瓦, is the project's figure though written inside its name)
            inside = [(m.start, m.end) for m in found if not m.back_reference and m.end - m.start >= 3
                      and not (m.type == "project" and self._capacity_in_name is not None
                               and self._capacity_in_name.search(m.name))]
            starts = [a for a, _ in inside]
            kept = []
            for span in metrics:
                i = bisect_right(starts, span.start_char - 1) - 1
                if i >= 0 and inside[i][0] < span.start_char and span.end_char <= inside[i][1]:
                    continue
                kept.append(span)
            if len(kept) < len(metrics):
                doc.spans[METRICS_KEY] = kept
        return doc

    # -- finding -------------------------------------------------------------------------------------

    def find(self, text: str) -> list[Mention]:
        """Every mention, in text order; the left edge of unsure names is settled by the clean ones."""
        found: list[Mention] = []
        unsure: list[tuple[int, int, str, str, str]] = []  # (run start, suffix end, run, suffix, type)
        gazetteer = self.gazetteer()
        last_end = 0
        self._new_text_memos()
        name_chars = _NameChars()
        # _name_part is a function of its arguments alone, and a text writes the same run before a suffix again
        name_parts: dict[tuple[str, bool, str, str], tuple[str, bool]] = {}
        # back-references that found nothing, by (suffix, type): the length of `found` then (see _resolve_back)
        misses: dict[tuple[str, str], int] = {}
        merged: dict[int, Mention] = {}  # a place merged into the body named with it, by the body's start
        for m in self.pattern.finditer(text):
            (s0, s1), suffix = m.span(), m.group()
            etype, words, needs, not_followed_by, back_after, lengths = self._suffix_data[suffix]
            nxt = text[s1:s1 + 1]
            prev = found[-1] if found else None
            # (the blocks for a suffix written right after a mention end the match's turn, each or the last)
            adjacent = prev is not None and prev.end == s0
            if words and text.endswith(words, max(0, s1 - 4), s1):
                continue  # 科学合理规划布局: a common word ends in the suffix
            if needs is not None and nxt and name_chars[nxt] and nxt not in needs:
                # 同州|时荔…有限公司: this suffix names a place only before a break, unless the gazetteer holds
                # the name with a clean edge (楚雄州以党建引领…)
                held = gazetteer.longest_suffix_name(text, s1, max_len=8, min_len=3) if gazetteer else None
                if (held is None or not (self._clean_edge(text, s1 - len(held), found)
                                         or self._province_short_before(gazetteer, text, s1 - len(held), held))) \
                        and not self._whole_named_level(text, s0, suffix, etype, found):
                    continue  # (湖南|湘西州保靖县: after its province's short form, the prefecture of a chain)
            if nxt and nxt in not_followed_by \
                    and not self._chained_official(gazetteer, text, s1, etype, prev) \
                    and not self._official_at_line_start(gazetteer, text, s1, etype) \
                    and not (nxt in self.level_chars and text[s1 + 1:s1 + 2] in self.level_list_chars
                             and self._official_before(gazetteer, text, s1, etype)) \
                    and not (text.startswith(self.words_after_names, s1)
                             and self._official_before(gazetteer, text, s1, etype)) \
                    and not (nxt in back_after and text[s1 + 1:s1 + 2] != suffix
                             and (s0 == 0 or not name_chars[text[s0 - 1]])):
                # (，乡里有4名…: the bare level word and 里 at a clause's start refer back, not 乡里乡亲)
                # (金涵畲族乡|下辖2个社区: an official name before a verb that begins with 下, not 乡下)
                continue  # 村小, 市场: unless an official name written right after its parent (大禾镇贤坑村小微…)
            if adjacent and not prev.back_reference and prev.suffix != suffix \
                    and not (etype == "place" and prev.type in _ABOVE_VILLAGE) \
                    and not (etype in ("community", "village") and prev.type in _ABOVE_VILLAGE
                             and gazetteer is not None and gazetteer.contains(prev.name)) and (
                    prev.suffix in self.join_after or etype == "compound" and prev.suffix in self.compound_of
                    or prev.type == "place" and etype in _GAZETTEER_TYPES and gazetteer is not None
                    and gazetteer.contains(text[prev.start:s1])):  # 东关大街+街道办事处: an official 街道
                # (台州市|路桥区: a road or market joins no place's name; 西安市|社区党组织: nor a bare 社区 an
                # official city's, town's or county's)
                # a suffix written right after an entity joins it: 刁镇+街道, 桃花山西区+社区
                joined = text[prev.start:s1]
                if nxt in self.level_chars and gazetteer is not None and gazetteer.contains(text[prev.end:s1 + 1]):
                    continue  # 东至县|花园乡: the suffix word begins an official name, whose own suffix follows
                if suffix in self.level_chars and gazetteer is not None and not gazetteer.contains(joined):
                    last_end = s1  # 龙岩市|县两级: a list of levels, not one name
                    continue
                official = gazetteer.longest_suffix_name(text, s1, max_len=len(joined)) if gazetteer else None
                if official is not None and len(official) < len(joined) and etype in _GAZETTEER_TYPES \
                        and not gazetteer.contains(joined) \
                        and not (prev.type in _GAZETTEER_TYPES and gazetteer.contains(prev.name)):
                    # (东新村|社区 stays whole: the official village names the community, not 新村社区)
                    # 长宁江苏路街道: the official 江苏路街道, not the road's whole run
                    found[-1] = Mention(s1 - len(official), s1, official, etype, None, True, suffix=suffix)
                elif prev.suffix in self.compound_of and prev.parent and prev.name.startswith(prev.parent) \
                        and etype == "compound":  # (湖南省某某集团|有限公司 is one company's name)
                    # 东新村社区|化肥厂小区: the compound is named after the body, within the body's place, which is
                    # a mention again (卧龙街道|造纸厂小区: the street, then the compound)
                    own = prev.start + len(prev.parent)
                    place = merged.get(prev.start)
                    found[-1] = Mention(own, s1, text[own:s1], etype, prev.parent, prev.clean, suffix=suffix)
                    if place is not None and place.end == own:
                        found.insert(len(found) - 1, place)
                else:
                    found[-1] = Mention(prev.start, s1, joined, etype, prev.parent, prev.clean, suffix=suffix)
                last_end = s1
                continue
            if adjacent and prev.type == etype == "compound" and suffix == "小区" \
                    and not prev.back_reference:
                # 外经委宿舍|小区, 某某花园|小区: the compound's own name holds another compound word
                found[-1] = Mention(prev.start, s1, text[prev.start:s1], etype, prev.parent, prev.clean, suffix=suffix)
                last_end = s1
                continue
            if adjacent and prev.type == etype and etype not in _GAZETTEER_TYPES:
                last_end = s1  # 深中通道|项目: the type's bare word after a name of that type adds nothing
                continue
            if adjacent and (etype in self.named_with_place or suffix.endswith(self.named_with_place_ends)) \
                    and not prev.back_reference \
                    and not (prev.type == "enterprise" and suffix in self.inside_bodies):
                # 汉江街道党群服务中心: a body named by its place alone (not 某某有限公司|实验室, the company's lab)
                found[-1] = Mention(prev.start, s1, text[prev.start:s1], etype, prev.name, prev.clean, suffix=suffix)
                last_end = s1
                continue
            if adjacent and suffix == "村" and prev.type == "village" \
                    and len(prev.name) == 2 and prev.name.endswith("村") \
                    and (nxt == "的" or not _HAN.match(nxt or " ") or nxt not in self.village_word_chars):
                # 祠村村: a one-character village name written with the suffix twice (the gazetteer has 祠村)
                found[-1] = Mention(prev.start, s1, text[prev.start:s1], etype, prev.parent, prev.clean,
                                    suffix=suffix)
                last_end = s1
                continue
            if adjacent and etype == "place" and prev.type in _ABOVE_VILLAGE:
                continue  # 台州市|路桥区: the road suffix begins the next place's name, which may still be found
            if adjacent:
                joined = text[prev.start:s1]
                above = gazetteer.above(joined) if etype in _GAZETTEER_TYPES and gazetteer is not None \
                    and not prev.back_reference and prev.type in _GAZETTEER_TYPES \
                    and nxt not in self.village_word_chars and gazetteer.contains(joined) else None
                if above and (prev.name in above or prev.parent in above or any(len(a) > 2 and a in text
                                                                                for a in above)):
                    # 眉县齐镇|村 is the village 齐镇村 of 齐镇; 桐乡市乌镇|镇 the town 乌镇镇 (not 齐镇 and a bare 村)
                    parent = prev.name if prev.name in above else prev.parent
                    found[-1] = Mention(prev.start, s1, joined, etype, parent, prev.clean, suffix=suffix)
                last_end = s1  # 明水街道|社区工作: a bare suffix word after a name is not a name
                continue
            floor = max(last_end, s0 - _MAX_RUN)
            # the run of name characters that ends at the suffix, matched backwards in one call
            run_start = _RUN_BACK.match(text, floor, s0).start() if s0 > floor else s0
            if suffix in _LEGAL_SUFFIXES and run_start > floor + 3 and text[run_start - 1] in "）)":
                # 巨融（甘肃）新能源有限公司: a registered name holds its province in brackets
                bracket = _BRACKETED.search(text, max(floor, run_start - 8), run_start)
                if bracket is not None and bracket.start() > floor:
                    head = _RUN_BACK.match(text, max(floor, bracket.start() - _MAX_RUN), bracket.start()).start()
                    if head < bracket.start():
                        run_start = head
            run = text[run_start:s0]
            if not run and etype in self.named_with_quotes:
                quoted = self._quoted(text, s0, s1, suffix, etype)
                if quoted is not None:
                    found.append(quoted)
                    last_end = s1
                continue
            if not run and nxt not in back_after and self._names_not_empty \
                    and not (gazetteer is not None and self._suffix_ends_name(gazetteer, suffix)):
                # a bare suffix after a break (，|村集体): no back-reference, no name part and no official name
                # ending here, so every test below comes to nothing (about one match in six)
                continue
            back = self._back_reference(run) if run.endswith(self.back_references) else None  # (most runs: none)
            if back is None and etype in _DESCRIBED_BACK_TYPES and "的" in text[max(0, s0 - 9):s0] \
                    and not (gazetteer is not None and gazetteer.longest_suffix_name(text, s1, 8, 3)):
                described = _DESCRIBED_BACK.search(text, max(0, s0 - 28), s0)
                latest = next((m for m in reversed(found) if not m.back_reference and m.type == etype), None) \
                    if described else None
                mention = Mention(described.start(), s1, latest.name, etype, latest.parent, True,
                                  back_reference=True, suffix=suffix) if latest is not None else None
                if mention is not None:
                    found.append(mention)  # 这个建成近20年的小区: the story's compound, described again
                    last_end = s1
                    continue
            if back and gazetteer is not None and etype in _GAZETTEER_TYPES:
                official = gazetteer.longest_suffix_name(text, s1, max_len=min(12, s1 - run_start))
                if official is not None and len(official) > len(back) + len(suffix) \
                        and self._clean_edge(text, s1 - len(official), found):
                    back = None  # 花都区|秀全街道: an official name after its parent, not 全街道
            if back is None and nxt in back_after \
                    and (run[-1:] in self.weak or run[-2:] in self.clause_heads or run.endswith(self.time_before_back)
                         or not self._name_part(run, True, suffix, etype)[0]) \
                    and not self._under_written_parent(gazetteer, run + suffix, prev, run_start):
                back = ""  # 村里, 县上, 希望|村里: the bare suffix word with a place word after it
            if back is not None:
                mention = self._resolve_back(found, suffix, etype, s0 - len(back), s1, misses, text, self._sourced)
                if mention is None and back[:1] in self.step_back and etype in ("province", "district"):
                    # 我市, 全市 in a report that names no city: the report's place of that level, unnamed; the
                    # word stays the name (attribution gives its figures no entity: guide §5)
                    start = s0 - len(back)
                    mention = Mention(start, s1, text[start:s1], etype, None, True, back_reference=True,
                                      suffix=suffix)
                elif mention is None and etype in _FORWARD_BACK_TYPES:
                    # 在村里流转了2300多亩地 before the text names its village: named later, if it names one only
                    start = s0 - len(back)
                    mention = Mention(start, s1, text[start:s1], etype, None, True, back_reference=True,
                                      suffix=suffix)
                if mention is not None:
                    found.append(mention)
                    last_end = s1
                continue
            # (村里村里…: a place written right after one of the same name is no chain; neither is its parent)
            parent = prev.name if prev is not None and prev.end == run_start and not prev.back_reference \
                and not text.startswith(prev.name, run_start) else None
            if parent is not None and gazetteer is not None and etype in _GAZETTEER_TYPES \
                    and prev.type in _GAZETTEER_TYPES and gazetteer.contains(text[prev.start:s1]) \
                    and not gazetteer.contains(text[run_start:s1]):
                # 大村甸镇烟竹桥村: an official name that holds a shorter one's suffix (大村) is one name
                found[-1] = Mention(prev.start, s1, text[prev.start:s1], etype, prev.parent, prev.clean,
                                    suffix=suffix)
                last_end = s1
                continue
            lead = 0
            while parent is not None and lead < 2 and run[lead:lead + 1] in self.conjunctions:
                lead += 1
            if lead and len(run) - lead >= 2:
                # 广东五全投资有限公司|和|湖北聚瑞源产业园区, 双莲村|还和|安徽刀板香公司: a conjunction after a name
                # starts a new one
                run_start, run, parent = run_start + lead, run[lead:], None
            edge_clean = run_start == 0 or parent is not None or lead > 0 and len(run) >= 2 \
                or not name_chars[text[run_start - 1]]
            key = (run, edge_clean, suffix, etype)
            parted = name_parts.get(key)
            if parted is None:
                parted = name_parts[key] = self._name_part(run, edge_clean, suffix, etype)
            name_part, clean = parted
            if suffix in _LEGAL_SUFFIXES and edge_clean and name_part and len(name_part) < len(run) <= _MAX_RUN - 2 \
                    and gazetteer is not None and gazetteer.short_form_of(run[:2]) is not None \
                    and not any(ch in self.function_chars for ch in run):
                # 山西晋豫融合新材料科技有限公司: a registered name opens with its region and may hold a boundary word
                name_part, clean = run, True
            if not name_part and etype not in _GAZETTEER_TYPES and len(run) >= 2:
                name_part, clean = self._recurring_boundary_name(text, run, suffix) or (name_part, clean)
            if not name_part and edge_clean and 2 <= len(run) <= 3 and etype in _CHILD_PLACE \
                    and run not in self.boundary_words and _HAN_RUN.fullmatch(run) \
                    and self._evidence_after(text, s1, etype):
                # ，马当镇茅湾村: a town whose name holds a boundary word (当), its village right after it
                name_part, clean = run, True
            if etype == "organisation" and name_part and len(run) == len(name_part) + 1 and run[0] in "省市县区" \
                    and run[1:] == name_part and (run_start == 0 or not _HAN.match(text, run_start - 1)):
                name_part = run  # ，市质监局的老办公区: the body of the report's city, named with its level
            if not name_part and etype in _NAMED_BODY_TYPES and run_start and text[run_start - 1] == "“" \
                    and text[s1:s1 + 1] == "”" and 3 <= len(run) <= 10 and _HAN.match(run) \
                    and self._acceptable(run, suffix, etype):
                name_part, clean = run, True  # “马黎明创新工作室”: a body's whole name in quotes, verbs and all
            if clean and name_part and not parent:
                # ，紧靠|四川石棉工业园区, 建成|投运|史各庄街道: a clause or verb chain that opens with a verb
                shortest = lengths[0]
                name_part = self._past_clause_head(name_part, etype, shortest)
                if etype in _NAMED_BODY_TYPES and name_part == run and self._verb_then_place(gazetteer, run):
                    name_part = run[2:]  # 携手|中国人保重庆公司: a verb, then a body named by a place of its own
                if etype in _NAMED_BODY_TYPES and len(name_part) >= 4:
                    name_part = self._past_verb_named_apart(text, name_part, suffix)
            if parent is not None and name_part == run and len(run) > 3 and run[:2] in self.clause_heads:
                name_part, parent = run[2:], None  # 渭河源村|紧邻|渭河源景区: a verb after a place opens a new name
            if parent is not None and name_part == run and etype not in _GAZETTEER_TYPES \
                    and run.startswith(self.adverb_heads):
                head = next(w for w in self.adverb_heads if run.startswith(w))
                if len(run) - len(head) >= lengths[0]:
                    # 呼和浩特市|对|金山热电厂: a preposition after a place opens the clause's object, a name of its own
                    name_part, parent = run[len(head):], None
                else:
                    name_part = ""  # 南昌西站|对|南广场: what is left is too short to be a name; none begins with 对
            if etype not in _GAZETTEER_TYPES and len(name_part) > 3 and name_part[0] in "为是与及":
                name_part, clean = name_part[1:], True  # “变身”为手工食品加工共富工坊: a body's name starts after 为
            if etype == "enterprise" and parent is not None and prev.type == "park" and name_part != run \
                    and "的" not in run:  # (not 某片区联合运营的|某有限公司: the park runs the company)
                # 湖北聚瑞源产业园区运营管理有限公司: a company that runs a park is named after it, verbs and all
                found[-1] = Mention(prev.start, s1, text[prev.start:s1], etype, prev.parent, prev.clean,
                                    suffix=suffix)
                last_end = s1
                continue
            if etype == "project" and run_start > 0 and text[run_start - 1].isdigit() \
                    and self._capacity_unit is not None:
                capacity = self._capacity_project(text, run_start, s1, floor, suffix)
                if capacity is not None:  # 辽宁华电45万千瓦风电制氢…示范项目: a project named by its capacity
                    if prev is not None and prev.end == capacity.start and not prev.back_reference \
                            and prev.type in _GAZETTEER_TYPES and "project" in self.named_with_place:
                        # 伊金霍洛旗|天骄绿能50万千瓦…项目: the place written right before it is part of its name
                        found[-1] = Mention(prev.start, s1, text[prev.start:s1], "project", prev.name, prev.clean,
                                            suffix=suffix)
                    else:
                        found.append(capacity)
                    last_end = s1
                    continue
            if name_part and name_part == run and run_start > 0 and text[run_start - 1].isdigit():
                last_end = s1  # 1.17平方公里|商圈: a name would start right after a number: it is the number's unit
                continue
            if etype in self.named_with_place and 1 < len(name_part) <= 5 and name_part[0] in _DETERMINERS:
                # 该供销合作社, 该合作社: a determiner before a body's descriptor refers back to that body
                mention = self._resolve_back(found, name_part[1:] + suffix, etype, s1 - len(suffix) - len(name_part),
                                             s1, misses)
                if mention is not None:
                    found.append(mention)
                    last_end = s1
                continue
            if gazetteer is not None and etype in _GAZETTEER_TYPES and suffix not in self.ungazetted:
                mention = self._official(gazetteer, text, run_start, s1, run, suffix, etype, name_part, clean, parent,
                                         found)
                if mention is not None:
                    found.append(mention)
                    last_end = s1
                continue
            if not clean:
                unsure.append((run_start, s1, run, suffix, etype))
                continue
            if suffix in _LEGAL_SUFFIXES and name_part and (
                    not (core := _BRACKETED.sub("", name_part)) or core in self.generic_by_suffix.get("公司", ())):
                # (融云创新|科技（贵州）有限公司, 融云创新|（贵州）有限公司: the province in brackets alike)
                # ，天信空天|探索|科技有限公司: a registered name holds words that bound other names; a trade word
                # alone (积极探索|科技有限公司) names none
                if not (name_part != run and edge_clean and parent is None and len(run) <= 16
                        and run[:2] not in self.clause_heads and self._acceptable(run, suffix, etype)):
                    continue
                name_part = run
            if etype in self.named_with_quotes and parent is None and name_part == run and len(run) <= 4 \
                    and _HAN_RUN.fullmatch(run) and not self._acceptable(name_part, suffix, etype):
                quoted = self._quoted_head(text, s1 - len(suffix) - len(run))
                if quoted is not None:
                    # “51趣·北大”文旅项目: a quoted name before a descriptor that names no body alone (文旅项目)
                    found.append(Mention(quoted[0], s1, quoted[1] + run + suffix, etype, None, True, suffix=suffix))
                    last_end = s1
                    continue
            if not self._acceptable(name_part, suffix, etype) and not (
                    parent is not None and name_part == run and len(run) == 1 and etype in self.named_with_place
                    and _HAN.match(run) and run not in self.function_chars and run not in _ONE_CHAR_DESCRIPTORS
                    and not self._generic(run, suffix)):
                if not self._described_body_of_place(name_part, suffix, etype, prev, s1):
                    continue  # (中和镇|竹|产业园区: one character after the place names a body the place's name holds)
                run_start, run, parent = s1 - len(suffix) - len(name_part), name_part, prev.name
            start = s1 - len(suffix) - len(name_part)
            parent = parent if name_part == run else None
            if parent is not None and self._verb_then_place(gazetteer, run):
                # 呈贡区|邀请|昆明理工大学: a verb after a place, then a body named by a place of its own
                start, parent = start + 2, None
            if parent is not None and etype in self.named_with_place and not (
                    etype == "park" and (prev.type == "province" or prev.type == "district" and (
                        len(name_part) >= 4 or gazetteer is not None and "province" in gazetteer.levels(prev.name)))) \
                    and not ((suffix in _LEGAL_SUFFIXES or suffix == "公司" and len(name_part) >= 6)
                             and gazetteer is not None and self._place_head(gazetteer, name_part)):
                # (金安区|安徽某某建设有限公司, 淄川区|山东能源某某科技公司: a company named by a place of its own)
                # 刁镇化工产业园, 兴泉镇党群服务中心: the place is part of the name, and its parent (a park with a
                # name of its own after its county keeps its own: 武进区|南湖智能制造产业园, 麦积区|南山花牛苹果基地)
                start = prev.start
                merged[start] = found.pop()  # (kept: a compound named after the body gives the place back)
                misses.clear()  # (a miss is remembered only while `found` grows or changes its last item)
            if etype == "park" and parent is None and gazetteer is not None and 4 <= len(name_part) <= 6 \
                    and suffix in _ZONE_SUFFIXES and start == s1 - len(suffix) - len(name_part):
                province = gazetteer.short_form_of(name_part[:2])
                if province is not None and "province" in gazetteer.levels(province):
                    # 重庆万盛经开区: a zone written after its province's short form is named without it
                    start, parent = start + 2, province
            quoted = self._quoted_head(text, start) if etype in self.named_with_quotes and parent is None \
                and text[start:start + 1] not in self.conjunctions else None  # not 成功“变身”为…工坊
            if quoted is not None:
                # “波拉夏克”苗木种植专业合作社: a quoted brand before the descriptors is the name's head
                found.append(Mention(quoted[0], s1, quoted[1] + text[start:s1], etype, None, True, suffix=suffix))
            else:
                found.append(Mention(start, s1, text[start:s1], etype, parent, clean, suffix=suffix))
            last_end = s1
        if unsure:
            found = self._settle_unsure(found, unsure)
        if any(w in text for w in self.kind_before):  # (a word the text does not write comes before no name)
            # 已建成30个这样的商务社区: a kind, no name
            found = [m for m in found if m.parent is not None or m.back_reference
                     or not text.endswith(self.kind_before, max(0, m.start - 4), m.start)]
        found = self._name_unnamed_levels(text, found)
        found = self._trim_weak_heads(found)
        if "基地" in text:
            found = self._named_bases(text, found)
        found = self._tails_of_full_names(found)
        if "行" in text:
            found = self._bank_branches(text, found)
        if self.bare_back:
            found = self._add_bare_back_references(text, found)
        if "简称" in text:
            found = self._add_short_names(text, found)
        if self.named_bodies:
            found = self._add_named_bodies(text, found)
        if self._trade_name is not None:
            traded = self._trade_chars.search(text) is not None
            titled = self._officer_titles is not None and self._officer_titles.search(text) is not None
            if traded or titled:
                found = self._add_trade_names(text, found, gazetteer, traded, titled)
        if "项目" in text or "工程" in text:
            found = self._works_projects(text, found)
        if "项目" in text or "工程" in text or "场" in text:
            found = self._projects_after_companies(found)
        if "家" in text:
            found = self._hamlets(text, found)
        if self.stem_suffixes:
            found = self._village_stems(text, found)
        if "号" in text:
            found = self._numbered_addresses(text, found)
        if self.trade_words and "公司" in text:
            found = self._company_brands(text, found)
        if gazetteer is not None:
            found = self._place_paths(gazetteer, self._back_to_short_forms(text, self._no_county_in_county(
                gazetteer, self._own_word_forms(gazetteer, text, self._add_short_forms(gazetteer, text, found)))))
            found = self._not_speakers(text, found)
            found = self._add_short_jie(text, found)
            found = self._written_names(text, found)
            found = self._unnamed_from_paths(gazetteer, text, self._cities_of_quan_shi(found))
        if "“" in text:
            # (an official mention of four characters or more, or a back-reference, is in no slogan: not asked)
            found = [m for m in found if m.end - m.start > 3 and m.path is not None or m.back_reference
                     or not self._in_level_slogan(text, m)]
        if any(w in text for w in self.unnamed_marks) or any(w in text for w in self.indefinite_before):
            # 位于某园区的一家文具公司: one body of a kind, its name not given (not 一家某某有限公司, a registered name)
            found = self._not_indefinite(text, found)
        found = self._longer_written_names(text, found)
        for m in found:
            if m.type == "district" and m.name.endswith(self.park_district_ends):
                m.type = "park"  # 金川县|现代农业园区: a park the gazetteer lists among places, found by its 区
        return found

    @staticmethod
    def _longer_written_names(text: str, found: list[Mention]) -> list[Mention]:
        """烟台市生态环境局|黄渤海新区分局 … 烟台黄|渤海新区: a name found earlier in the text that ends with a later
        mention's name, and is written there in full, is that mention's name (the later left edge cut inside it)."""
        # by every ending of two characters or more, the first mention of each name and type: a mention looks only
        # at the names that end with its own (a name written again adds no candidate, and many names sharing an
        # ending, 某某公司, are not all read for each: a text naming many places or firms is read in linear time)
        names: dict[str, dict[tuple[str, str], Mention]] = {}
        for i, m in enumerate(found):
            if m.back_reference or text[m.start:m.end] != m.name:
                continue
            longer = names.get(m.name, {})
            best = None
            for e in longer.values():
                n = len(e.name)
                if n > len(m.name) and e.type == m.type and m.end - n >= 0 \
                        and text.startswith(e.name, m.end - n) and (i == 0 or found[i - 1].end <= m.end - n) \
                        and (best is None or n > len(best.name)):
                    best = e
            if best is not None:
                found[i] = m = replace(m, start=m.end - len(best.name), name=best.name,
                                       path=best.path, code=best.code)
            for k in range(len(m.name) - 1):
                names.setdefault(m.name[k:], {}).setdefault((m.name, m.type), m)
        return found

    def _new_text_memos(self) -> None:
        """Fresh memos for the pure helpers a text asks about the same names again and again (_acceptable,
        _generic_official, _boundary_spans) and for what a text is asked once (_names_a_province): made anew for
        each text, so nothing is kept from one text to the next."""
        self._acceptable_memo: dict[tuple[str, str, str], bool] = {}
        self._generic_official_memo: dict[tuple[str, str], bool] = {}
        self._boundary_spans_memo: dict[str, list[tuple[int, int]]] = {}
        self._written_memo: dict[str, int] = {}  # how often the text writes a word (_times)
        self._region_memo: dict[str, bool] = {}  # _region_written, by official name
        self._apart_memo: dict[str, bool] = {}  # _written_alone, by name (_past_verb_named_apart)
        self._namesakes_memo: dict[str, bool] = {}  # _namesakes, by official name
        self._chained_memo: dict[str, bool] = {}  # _chained_elsewhere, by official name
        self._head_written_memo: dict[str, bool] = {}  # whether the text writes a province's or city's head
        # see _names_a_province: (the text, the answer), so a text never reads another's answer, even when two
        # threads call the component directly at once (extract() runs one text at a time)
        self._province_named: tuple[str, bool] | None = None

    def _not_indefinite(self, text: str, found: list[Mention]) -> list[Mention]:
        """位于某园区的一家文具公司: a short body name after 一家/一所 (`indefinite_before`) is one body of a kind whose
        name the text does not give; it is dropped wherever written, with the back-references given to it."""
        kinds = {m.name for m in found if not m.back_reference and m.type not in _GAZETTEER_TYPES and (
                 m.parent is None and m.suffix not in _LEGAL_SUFFIXES and m.end - m.start <= _INDEFINITE_MAX
                 and text.endswith(self.indefinite_before, max(0, m.start - 2), m.start)
                 or any(w in m.name for w in self.unnamed_marks))}  # 某民营炼油厂, 拿下|某民营炼油厂: left unnamed
        if not kinds:
            return found
        return [m for m in found if m.name not in kinds]

    def _in_level_slogan(self, text: str, m: Mention) -> bool:
        """“强区促镇带村”: a short quoted slogan that runs through three levels names no place of them (an official
        name of four characters or more is asked nothing)."""
        if m.end - m.start > 3 and m.path is not None or m.back_reference:
            return False
        opening = text.rfind("“", max(0, m.start - 8), m.start)
        closing = text.find("”", m.end, m.end + 8)
        if opening < 0 or closing < 0 or "”" in text[opening:m.start]:
            return False
        return sum(ch in self.level_chars for ch in text[opening + 1:closing]) >= 3

    def _not_speakers(self, text: str, found: list[Mention]) -> list[Mention]:
        """”张万旗介绍: a county-type word the gazetteer does not hold, right before a speech verb, is a person."""
        return [m for m in found if not (m.type in _GAZETTEER_TYPES and not m.back_reference and m.path is None
                                         and text.startswith(self.speech_verbs, m.end))]

    def _bank_branches(self, text: str, found: list[Mention]) -> list[Mention]:
        """邮储银行|保山市分行: a bank's branch is named with the bank, the branch's place between them."""
        out: list[Mention] = []
        for m in found:
            prev = out[-1] if out else None
            if prev is not None and m.type == "enterprise" and m.suffix in self.branch_suffixes \
                    and prev.end == m.start and prev.type == "enterprise" and not prev.back_reference \
                    and prev.name.endswith(self.bank_ends):
                out[-1] = Mention(prev.start, m.end, text[prev.start:m.end], "enterprise", None, True, suffix=m.suffix)
                continue
            out.append(m)
        return out

    @staticmethod
    def _back_to_short_forms(text: str, found: list[Mention]) -> list[Mention]:
        """惠州市…广州…全市: 全市 names the city written last, by its short form too. Short forms are found after
        the back-references were first read, so one written after the place a back-reference was given to (or
        the body whose place it was) takes it over."""
        if not any(m.suffix == "" and not m.back_reference for m in found):
            return found
        written_at: dict[str, int] = {}  # name -> index of its last mention written out (or a body's place)
        latest: dict[str, int] = {}  # level suffix (市, 县, 区 …) -> index of the last place of it written out
        out: list[Mention] = []
        last_short = None  # index of the last place written by its short form
        for i, m in enumerate(found):
            if m.back_reference and m.suffix in _DEICTIC_WORDS:
                # 庆元是…。这里拥有…: 这里 and 当地 name the place written last, by its short form too
                j = last_short
                if j is not None and found[j].name != m.name and j > written_at.get(m.name, -1) \
                        and text.find("\n", found[j].end, m.start) < 0:
                    short = found[j]
                    m = replace(m, name=short.name, type=short.type, parent=short.parent)
            elif m.back_reference and m.type in ("province", "district") and m.suffix:
                j = latest.get(m.suffix)
                if j is not None and found[j].suffix == "" and found[j].name != m.name \
                        and j > written_at.get(m.name, -1):
                    short = found[j]
                    m = replace(m, name=short.name, type=short.type, parent=short.parent)
            elif not m.back_reference:
                if m.suffix == "" and m.type in _ADMIN_TYPES:
                    last_short = i
                written_at[m.name] = i
                if m.parent and m.type not in _GAZETTEER_TYPES:
                    written_at[m.parent] = i
                if m.type in ("province", "district"):
                    latest[m.name[-1]] = i
            out.append(m)
        return out

    @staticmethod
    def _tails_of_full_names(found: list[Mention]) -> list[Mention]:
        """南方电网贵州贵安供电局…。供电局通过设立…: a body written later by a short tail (three characters at
        most) of a name written in full before is that body, not one of its own."""
        full: dict[str, list[Mention]] = {}
        out = []
        for m in found:
            if m.type in _TAIL_TYPES and not m.back_reference:
                earlier = next((e for e in reversed(full.get(m.type, ())[-50:]) if e.name.endswith(m.name)
                                and len(e.name) >= len(m.name) + 2), None) if len(m.name) <= 3 else None
                if earlier is not None:
                    out.append(Mention(m.start, m.end, earlier.name, m.type, earlier.parent, True,
                                       back_reference=True, suffix=m.suffix))
                    continue
                full.setdefault(m.type, []).append(m)
            out.append(m)
        return out

    def _projects_after_companies(self, found: list[Mention]) -> list[Mention]:
        """平顶山世纪风光实业有限公司中原云裳旅游项目: a project written after the company that builds it is the
        company, then the project of its own name; so is a farm a company runs (某林业局有限责任公司|溪水林场)."""
        out: list[Mention] = []
        for m in found:
            cut = max((m.name.rfind(w) + len(w) for w in _COMPANY_ENDS if w in m.name), default=-1) \
                if (m.type == "project" or m.suffix in self.company_units) and not m.back_reference else -1
            if 0 < cut and len(m.name) - cut >= 4:
                out.append(Mention(m.start, m.start + cut, m.name[:cut], "enterprise", m.parent, m.clean,
                                   suffix=next(w for w in _COMPANY_ENDS if m.name[:cut].endswith(w))))
                out.append(Mention(m.start + cut, m.end, m.name[cut:], m.type, None, True, suffix=m.suffix))
            else:
                out.append(m)
        return out

    @staticmethod
    def _no_county_in_county(gazetteer: Any, found: list[Mention]) -> list[Mention]:
        """永川|新城区: a county written right after a county it does not belong to is a part of the first (its
        new town, an area: type park), not the county of that name elsewhere (西安's 新城区)."""
        drop = {i for i in range(1, len(found)) if found[i].type == "district" and found[i - 1].end == found[i].start
                and found[i - 1].type == "district" and not found[i].back_reference
                and found[i].end - found[i].start == len(found[i].name)  # (萧山区|旺苍农特产品专营店: a short form)
                and gazetteer.levels(found[i - 1].name) == _COUNTY and gazetteer.levels(found[i].name) == _COUNTY
                and found[i - 1].name not in gazetteer.above(found[i].name)}
        if not drop:
            return found
        # 该区 after 永川新城区 was read as the part's name: it is the county's
        county = {found[i].name: found[i - 1] for i in sorted(drop)}
        return [replace(m, type="park", parent=found[i - 1].name) if i in drop
                else replace(m, name=county[m.name].name, parent=county[m.name].parent)
                if m.back_reference and m.type == "district" and m.name in county else m
                for i, m in enumerate(found)]

    @staticmethod
    def _name_unnamed_levels(text: str, found: list[Mention]) -> list[Mention]:
        """我市 before the text names 常德市 (and no other city): the city the page names elsewhere (guide §5)."""
        unnamed = [i for i, m in enumerate(found) if m.back_reference and m.name == text[m.start:m.end]
                   and m.type in ("province", "district")]
        forward = [i for i, m in enumerate(found) if m.back_reference and m.name == text[m.start:m.end]
                   and m.type in _FORWARD_BACK_TYPES]
        if forward:
            drop = set()
            # (the named mentions do not change in these loops: their names per type are read once)
            named_of_type: dict[str, set[str]] = {}
            for x in found:
                if not x.back_reference:
                    named_of_type.setdefault(x.type, set()).add(x.name)
            for i in forward:
                m = found[i]
                # 村里 before any village is named: the text's only village of that type, named later
                names = set(named_of_type.get(m.type, ()))
                if len(names) == 1:
                    found[i] = Mention(m.start, m.end, names.pop(), m.type, None, True, back_reference=True,
                                       suffix=m.suffix)
                else:
                    drop.add(i)
            found = [m for i, m in enumerate(found) if i not in drop]
            unnamed = [i for i, m in enumerate(found) if m.back_reference and m.name == text[m.start:m.end]
                       and m.type in ("province", "district")]
        candidates: dict[tuple[str, str], set[str]] = {}  # per (type, suffix), read once
        for i in unnamed:
            m = found[i]
            names = candidates.get((m.type, m.suffix))
            if names is None:
                names = {x.name for x in found if not x.back_reference and x.type == m.type
                         and x.name.endswith(m.suffix)}
                # (or the place a body's name is written with: 常德市住建局)
                names |= {x.parent for x in found if not x.back_reference and x.type not in _GAZETTEER_TYPES
                          and x.parent and x.parent.endswith(m.suffix)}
                candidates[(m.type, m.suffix)] = names
            names = set(names)
            if len(names) == 1:
                found[i] = Mention(m.start, m.end, names.pop(), m.type, None, True, back_reference=True,
                                   suffix=m.suffix)
        return found

    @staticmethod
    def _cities_of_quan_shi(found: list[Mention]) -> list[Mention]:
        """重庆…涪陵区…全市: 全市 given the last county (a municipality is typed province, and its short form is
        found only after the back-references are read) is the city named before it, in full or short."""
        for i, m in enumerate(found):
            if m.back_reference and m.suffix == "市" and m.type == "district" and not m.name.endswith("市"):
                city = next((found[j] for j in range(i - 1, max(-1, i - 200), -1)
                             if not found[j].back_reference and found[j].name.endswith("市")
                             and found[j].type in ("province", "district")), None)
                if city is not None:
                    found[i] = replace(m, name=city.name, type=city.type, parent=city.parent, path=city.path,
                                       code=city.code)
        return found

    @staticmethod
    def _unnamed_from_paths(gazetteer: Any, text: str, found: list[Mention]) -> list[Mention]:
        """我市 in a report that names 潭门镇 and 万泉镇 but never the city: the one city above the text's places
        (海南省琼海市), as a reader knows it (guide §5)."""
        unnamed = [i for i, m in enumerate(found) if m.back_reference and m.name == text[m.start:m.end]
                   and m.type == "district"]
        if not unnamed:
            return found
        paths = {x.path for x in found if not x.back_reference and x.path}
        above_of: dict[str, set[tuple[str, ...]]] = {}  # per suffix, computed once (a text may say 我市 often)
        for i in unnamed:
            m = found[i]
            above = above_of.get(m.suffix)
            if above is None:
                above = above_of[m.suffix] = {p[:k + 1] for p in paths for k in range(1, len(p) - 1)
                                              if p[k].endswith(m.suffix)}
            if len(above) == 1:
                path = next(iter(above))
                resolution = gazetteer.resolve_in_chain(path[-1], path[:-1])
                found[i] = replace(m, name=path[-1], parent=path[-2], path=path,
                                   code=None if resolution.ambiguous else resolution.code)
        return found

    @staticmethod
    def _written_names(text: str, found: list[Mention]) -> list[Mention]:
        """景东 in a headline, 景东县 in the body: a bare short form takes the name the text writes the same place
        by (guide §4 rule 8), not the gazetteer's official 景东彝族自治县 — where the text writes it with a suffix;
        an autonomous region written by its short form alone (广西) keeps that form."""
        written: dict[tuple[tuple[str, ...], str | None], str] = {}
        short: list[Mention] = []
        for m in found:
            if m.back_reference or not m.path:
                continue
            if text[m.start:m.end] == m.name:
                written.setdefault((m.path, m.code), m.name)
            else:
                short.append(m)
        for m in short:
            name = written.get((m.path, m.code))
            if name is None and m.type == "province" and m.name.endswith("自治区"):
                name = text[m.start:m.end]  # 广西, 新疆: an autonomous region goes by the name the text writes
            if name is not None and name != m.name:
                m.name = name  # the mentions were made by this call: set in place
        return found

    # -- the gazetteer ---------------------------------------------------------------------------------

    def gazetteer(self) -> Any:
        """The national gazetteer (loaded on first use), or None when switched off (``use_gazetteer``)."""
        # (imported with the module, not here: a function-level import costs more than the look-up, and the
        # finder asks for the gazetteer thousands of times per text)
        return get_gazetteer() if self.use_gazetteer else None

    def _evidence_after(self, text: str, s1: int, etype: str = "") -> bool:
        """黄夏村副支部书记, 某社区党委: a title or a party body written after a name shows it is a real place;
        so does a narrower place written right after it as its child (新蒲新区|松源社区)."""
        if text.startswith(self.name_evidence_after, s1):
            return True
        child = _CHILD_PLACE.get(etype)
        return child is not None and child.match(text, s1) is not None

    def _suffix_ends_name(self, gazetteer: Any, suffix: str) -> bool:
        """Whether the suffix ends an official name by itself (its last two characters or more): what _official
        finds for a bare suffix. Remembered per suffix (none does in the packaged data)."""
        held = self._suffix_names.get(suffix)
        if held is None:
            held = self._suffix_names[suffix] = gazetteer.longest_suffix_name(suffix, len(suffix),
                                                                            max_len=len(suffix)) is not None
        return held

    @staticmethod
    def _official_before(gazetteer: Any, text: str, s1: int, etype: str) -> bool:
        """日喀则市|县乡村: an official name (three characters or more) before a list of levels (市县乡村)."""
        if gazetteer is None or etype not in _GAZETTEER_TYPES:
            return False
        official = gazetteer.longest_suffix_name(text, s1, max_len=8)
        return official is not None and len(official) >= 3

    @staticmethod
    def _under_written_parent(gazetteer: Any, name: str, prev: Mention | None, start: int) -> bool:
        """宝清镇|建设村党支部: an official name under the place written right before it is that place's, though
        its stem is a common word (建设)."""
        return gazetteer is not None and prev is not None and prev.end == start and not prev.back_reference \
            and gazetteer.contains(name) and prev.name in gazetteer.above(name)

    @staticmethod
    def _official_at_line_start(gazetteer: Any, text: str, s1: int, etype: str) -> bool:
        """从化区分类探索…: an official county or township name opening a line or a sentence is the name, whatever
        word its suffix starts (区分, 县级); inside a clause the word wins (全区分为, 本县级)."""
        if gazetteer is None or etype not in ("district", "subdistrict"):
            return False
        held = gazetteer.longest_suffix_name(text, s1, max_len=8, min_len=3)
        start = s1 - len(held) if held is not None else -1
        return held is not None and (start == 0 or text[start - 1] in _SENTENCE_STARTS)

    @staticmethod
    def _chained_official(gazetteer: Any, text: str, s1: int, etype: str, prev: Mention | None) -> bool:
        if gazetteer is None or prev is None or etype not in _GAZETTEER_TYPES:
            return False
        # the longest official name of at most s1 - prev.end characters starts at prev.end only when it is the
        # whole of text[prev.end:s1]: one look-up, not the longest-name scan
        return 3 <= s1 - prev.end <= 12 and gazetteer.contains(text[prev.end:s1])

    def _official(self, gazetteer: Any, text: str, run_start: int, s1: int, run: str, suffix: str, etype: str,
                  name_part: str, clean: bool, parent: str | None,
                  found: list[Mention] | None = None) -> Mention | None:
        """A place name: the longest official name ending at the suffix (时任小南河村 → 小南河村, 于洪区).

        A name the gazetteer lacks needs stronger evidence: a parent written right before it (a chain).
        Before an official name, a place's short form tells two places of one name apart (安塞南沟村).
        """
        # a strong boundary word (增加|村, 成立|商圈) ends before any name, official or not
        floor = run_start + self._strong_floor(run) if not name_part else run_start
        official = gazetteer.longest_suffix_name(text, s1, max_len=min(12, s1 - floor))
        if official is None and floor > run_start:
            # 安徽东至县, 走进建设村: a name that holds a boundary word (至, 建设), after a clean edge, a boundary
            # word or its province's short form
            whole = gazetteer.longest_suffix_name(text, s1, max_len=min(12, s1 - run_start))
            begin = s1 - len(whole) if whole is not None else s1
            if whole is not None and (self._verb_named(text, begin, s1)
                                      or begin == run_start and parent is not None and parent in gazetteer.above(whole)
                                      or self._clean_edge(text, begin, found)
                                      and self._chained_elsewhere(gazetteer, text, whole)
                                      or etype in ("district", "subdistrict")
                                      and len(whole) >= 3 and (gazetteer.short_form_ending(text, begin, run_start)
                                                               or self._clean_edge(text, begin, found)
                                                               or text[begin - 1:begin] in self.function_chars)):
                official = whole  # 由花都区牵头: a county holding 都 after a clean edge or a preposition
        if official is not None and s1 - len(official) > 0 \
                and text[s1 - len(official) - 1:s1 - len(official) + 1] in self.not_name_head_words:
            # 时任|郭庄村, 时任|县民政局: a word reaching one character into an official name takes it
            if len(official) > len(suffix) + 2 and gazetteer.contains(official[1:]):
                official = official[1:]
            elif len(official) == len(suffix) + 1:
                official = None
        if official is not None:
            official = self._under_short_form(gazetteer, text, run_start, s1, official, len(suffix))
            if self._across_short_form(gazetteer, text, run_start, s1 - len(official), len(official) - len(suffix)):
                official = None  # 长江之畔江西小村: 江西|小村, not the village 西小村 elsewhere
        right_after_parent = parent is not None and official is not None and s1 - len(official) == run_start
        # 老城区 in a report on 洛阳: a county named by a common word, where the text names its city
        named_county = official is not None and (
            official in self.generic or etype == "district" and self._generic_official(
                official[:len(official) - len(suffix)], suffix)) \
            and self._county_of_named_city(gazetteer, text, official)  # (城中区 in a report naming 柳州市)
        if official is not None and not named_county and (official in self.generic or not right_after_parent
                                     and self._generic_official(official[:len(official) - len(suffix)], suffix)
                                     and not self._name_not_count(text, s1 - len(official), suffix)):
            official = None  # 城市社区, 乡村: official somewhere, generic here (大练地街道和谐社区 is a name)
        if official is not None and official[:1] in self.conjunctions and official[1:] in self.generic:
            official = None  # 党员和农村妇女: a conjunction before a common word (和农村 is a village elsewhere)
        if official is not None and not right_after_parent and not named_county and self._generic_across(
                text[run_start:s1 - len(suffix)], len(official) - len(suffix)):
            official = None  # 及周边村: a descriptor that reaches into the official name (边村) makes it a word
        if official is not None and official[:len(official) - len(suffix)] in self.boundary_words \
                and not self._verb_named(text, s1 - len(official), s1) \
                and not (right_after_parent and parent in gazetteer.above(official)) \
                and not self._province_short_before(gazetteer, text, s1 - len(official), official):
            # (安徽无为市: the short form of the province above it written right before makes it the name)
            official = None  # 抚远市壮大村集体经济: a verb before the suffix, though 壮大村 is a village elsewhere
        if official is not None and suffix == "村" and len(official) == 2 and s1 > 2 \
                and _HAN.match(text, s1 - len(official) - 1) and parent is None \
                and text[s1 - len(official) - 1] not in self.clean_before \
                and gazetteer.short_form_ending(text, s1 - len(official), max(0, s1 - len(official) - 4)) is None:
            # 时任村支书: a one-character name needs a clean left edge (任村 is real elsewhere): a preposition or
            # 的 (老支书的余村, 在余村), or a short form of its parent (安吉余村)
            official = None
        if official is not None and suffix == "村" and len(official) == 2 \
                and (parent is None or s1 - len(official) > run_start) \
                and (not self._region_written(gazetteer, text, official)
                     or official[0] in self.conjunctions and text[s1:s1 + 1] in self.village_word_chars):
            official = None  # 。任村党总支书记以来 (serving as), 书记某某和村主任: no 任村 or 和村 of the text's region
        if official is not None and len(official) == len(suffix) + 2 and suffix in self.level_chars \
                and official[:2] in self.clause_heads and not right_after_parent \
                and not self._clean_edge(text, s1 - len(official), found) \
                and not self._region_written(gazetteer, text, official):
            official = None  # 示范创建村: a verb before the suffix, inside a phrase, where no region of 创建村 is named
        if official is not None and len(official) == 2 and official[0] in self.motion_heads \
                and (parent is None or s1 - len(official) > run_start) and not self._evidence_after(text, s1):
            official = None  # 直到下村后, 回村: going to the village (下村 and 回村 are villages elsewhere)
        if official is not None and suffix == "村" and text[s1:s1 + 1] in self.village_word_chars \
                and (head := _NUMERAL_HEAD.match(official)) is not None \
                and official.startswith(self.measure_words, head.end()):
            official = None  # 甘溪侗寨两户村民闹矛盾: two households' villagers (两户村 is a village elsewhere)
        if official is not None and suffix == "村" and parent is None and text[s1:s1 + 1] in self.village_word_chars:
            broader = gazetteer.short_form_of(official[:-1])
            if broader is not None and broader in text and broader not in gazetteer.above(official):
                # 银川|村集体经济收入 in a report on 银川市: the city's villages, not a 银川村 of another province
                return None
        if official is None or len(official) <= len(suffix):
            # a name the gazetteer lacks (a new or renamed place, or one written differently) needs stronger
            # evidence: a parent written right before it, or the same name written again in the text
            if parent is None and (gazetteer.has_short_form(text[s1 - 3:s1])
                                   or gazetteer.has_short_form(text[s1 - 2:s1])):
                return None  # 湖南湘乡: the short form of 湘乡市 ends in 乡, no township 湖南湘乡
            if not clean or not (self._acceptable(name_part, suffix, etype)
                                 or parent is not None and self._chained_two_char(name_part, suffix)) \
                    or name_part in self.clause_heads:
                return None  # (魏寨村|支付村“两委”…: a verb the gazetteer does not hold as a name is no place)
            if parent is None and etype in ("village", "community") and gazetteer.short_form_of(name_part) is not None:
                return None  # 桦甸|村党支部领办合作社: the city's village party branches, no village named 桦甸村
            if parent is not None and found and found[-1].name == parent and etype in _ADMIN_TYPES \
                    and found[-1].type not in _GAZETTEER_TYPES:
                parent = None  # 山西焦煤集团|西山煤电镇城底矿: a body is no town's parent
            if parent is not None and found and found[-1].name == parent and found[-1].type in _ADMIN_TYPES \
                    and etype in _ADMIN_TYPES and _ADMIN_ORDER[found[-1].type] >= _ADMIN_ORDER[etype]:
                parent = None  # 田南镇|坚持工业强镇: a place of the same level or below is no parent
            if parent is None and len(name_part) >= 3 and name_part[0] in self.weak \
                    and self._times(text, name_part + suffix) < 2 <= self._times(text, name_part[1:] + suffix):
                name_part = name_part[1:]  # 。仅南文营社区3700多户: the name written again without the word before it
            head = next((w for w in self.not_name_heads if name_part.startswith(w)), None) \
                if name_part.startswith(self.not_name_heads) else None
            if head is not None and len(name_part) - len(head) >= 2:
                name_part = name_part[len(head):]  # 大渡口区人大|新山村街道工委: the body, not the place
                head = None
            if parent is None and self._times(text, name_part + suffix) < 2 and (
                    not self._evidence_after(text, s1, etype) or head is not None):
                return None
            start = s1 - len(suffix) - len(name_part)
            if parent is None and text.endswith(self.described_after, 0, start):
                return None  # 是一个纯渔业村: a kind of village, described, not named
            if text[start - 1:start] == "“" and text[s1:s1 + 1] == "”":
                return None  # 从矛盾频发的“拼盘社区”蜕变: a kind named in quotes, a figure of speech
            head = next((name_part[:w] for w in (3, 2) if len(name_part) - w >= 2
                         and gazetteer.short_form_of(name_part[:w]) is not None), None)
            if head is not None and parent is None:
                # 长宁江苏路街道: a short form before a name the gazetteer lacks is its parent, not its head
                start += len(head)
                return Mention(start, s1, text[start:s1], etype, gazetteer.short_form_of(head), True,
                               suffix=suffix)
            return Mention(start, s1, text[start:s1], etype, parent if start == run_start else None, True,
                           suffix=suffix)
        start = s1 - len(official)
        longer = len(name_part) + len(suffix) - len(official)
        short = gazetteer.short_form_ending(text, start, run_start)
        if short is not None and clean and len(short) < longer \
                and gazetteer.short_form_of(text[run_start:start - len(short)]) is None \
                and not all(ch in self.function_chars or ch in self.weak
                            for ch in text[run_start:start - len(short)]):
            # 桃花山|西区社区: a short form inside a longer clean name is part of it (not 湖北|随州广水市, nor
            # 对|安徽|芜湖市: a preposition before the chain)
            short = None
        if short is None and clean and longer > 0 and self._plausible_longer(name_part, suffix, etype) \
                and name_part[longer - 1] not in self.function_chars and not name_part.startswith(self.not_name_heads) \
                and name_part[max(0, longer - 2):longer] not in self.clause_heads \
                and (text[start - 2:start] not in self.clause_heads
                     or parent is not None and start - longer == run_start
                     and self._times(text, name_part + suffix) >= 2) \
                and name_part not in self.clause_heads \
                and not (longer == 1 and name_part[0] in self.verb_complements) \
                and not (etype in ("province", "district") and longer >= 2
                         and len(official) - len(suffix) >= 2):  # 成立起|回龙观街道, 引育|长沙市
            # (黄家镇|长螺村 written again: 镇长 is a word, but the village is named right after its town)
            # 桃花山西区社区: a clean name the gazetteer has only in part; not 时任|小南河村, 扎根|淳化县
            start -= longer
            if etype == "district" and (len(official) - len(suffix) <= 1 or longer == 1) \
                    and (parent is None or start > run_start) \
                    and self._times(text, text[start:s1]) < 2 and not self._evidence_after(text, s1, etype):
                # 太古里西区南侧: a part of a named place, not a county the gazetteer lacks; nor is 地处浙西山区 (a
                # mountain area holding 西山区): one character more than a county's name makes a word, not a county
                return None
        else:
            if short is not None:
                start -= len(short)
                if not self._namesakes(gazetteer, text, official):
                    # 彭州宝山村: the village 宝山村, in 彭州市 (the mention still covers what is written)
                    return Mention(start, s1, official, etype, gazetteer.short_form_of(short), True, suffix=suffix)
                # 安塞南沟村, 吴起南沟村: the short form tells two places of one name apart
        if start > run_start:
            parent = None
        if parent is None and text.endswith(self.described_after, 0, start):
            return None  # 是一个纯渔业村: a kind of village, described, not named
        if parent is None and text[start + 1:start + 2] == "成" and text[start:start + 1] in _SMALL_NUMERALS \
                and text[start - 1:start] in _SHARE_QUALIFIERS:
            return None  # 覆盖全县约九成村屯: a share in tenths of the places, not the village 九成村
        return Mention(start, s1, text[start:s1], etype, parent, True, suffix=suffix)

    def _region_written(self, gazetteer: Any, text: str, official: str) -> bool:
        """Whether the text writes the province or city of an entry of ``official`` (its first two characters: 浙江,
        安吉), or names no province at all (then nothing speaks against the name)."""
        known = self._region_memo.get(official)
        if known is None:
            known = self._region_memo[official] = self._region_written_uncached(gazetteer, text, official)
        return known

    def _region_written_uncached(self, gazetteer: Any, text: str, official: str) -> bool:
        places = gazetteer.places(official)
        if not places:
            return True
        # (a common name's entries share their provinces and cities: each is looked for in the text once, and
        # once per text: a text writing the name again asks nothing new)
        written = self._head_written_memo
        for p in places:
            for k in range(min(2, len(p.path) - 1)):
                head = p.path[k][:2]
                found = written.get(head)
                if found is None:
                    found = written[head] = head in text
                if found:
                    return True
        return not self._names_a_province(gazetteer, text)

    def _names_a_province(self, gazetteer: Any, text: str) -> bool:
        """Whether the text writes a province's short form: some 30 searches of the whole text, made once per text."""
        held = self._province_named
        if held is None or held[0] is not text:
            held = self._province_named = (text, any(province in text for province in gazetteer.province_short_forms))
        return held[1]

    def _under_short_form(self, gazetteer: Any, text: str, run_start: int, s1: int, official: str,
                          suffix_len: int) -> str:
        """安吉余村: a shorter official name right after the short form of a place that holds it wins over a
        longer one (吉余村, a village elsewhere) that swallows the short form's last character."""
        if gazetteer.short_form_ending(text, s1 - len(official), run_start) is not None:
            return official
        for length in range(len(official) - 1, suffix_len, -1):
            short = gazetteer.short_form_ending(text, s1 - length, run_start)
            if short is None:
                continue
            name, holder = text[s1 - length:s1], gazetteer.short_form_of(short)
            if gazetteer.contains(name) and any(holder in p.path for p in gazetteer.places(name)):
                return name
        return official

    def _across_short_form(self, gazetteer: Any, text: str, run_start: int, start: int, head_len: int) -> bool:
        """Whether a short form written before ``start`` ends inside the name's head (江|西小村) while none ends
        right before it (浙江|西山村)."""
        if start <= run_start or gazetteer.short_form_ending(text, start, run_start) is not None:
            return False
        for k in (1, 2):
            if k >= head_len:
                break
            short = gazetteer.short_form_ending(text, start + k, max(run_start, start - 3))
            if short is not None and len(short) > k:
                return True
        return False

    def _province_short_before(self, gazetteer: Any, text: str, start: int, name: str) -> bool:
        """湖南|湘西州: the short form of the place above ``name`` written right before it."""
        short = gazetteer.short_form_ending(text, start, max(0, start - 4))
        return short is not None and gazetteer.short_form_of(short) in gazetteer.above(name)

    def _times(self, text: str, word: str) -> int:
        """How often the text writes ``word``, counted once per word and text (the rules ask of the same names again
        and again: a count per mention would make a text that repeats them quadratic)."""
        times = self._written_memo.get(word)
        if times is None:
            times = self._written_memo[word] = text.count(word)
        return times

    def _namesakes(self, gazetteer: Any, text: str, official: str) -> bool:
        """Whether the text writes ``official`` after two different heads (安塞南沟村 … 吴起南沟村); read once per name
        and text (a text writing the name again and again would otherwise be read once per mention)."""
        known = self._namesakes_memo.get(official)
        if known is None:
            known = self._namesakes_memo[official] = self._namesakes_uncached(gazetteer, text, official)
        return known

    def _namesakes_uncached(self, gazetteer: Any, text: str, official: str) -> bool:
        heads = set()
        at = text.find(official)
        while at >= 0:
            heads.add(gazetteer.short_form_ending(text, at, max(0, at - 4)))
            at = text.find(official, at + len(official))
        heads.discard(None)  # 武威上庄村 … 在上庄村: a bare mention tells no second place apart
        if len(heads) < 2:
            return False
        # 贵州黔西市 … 毕节黔西市: the province and the city above one place tell nothing apart
        holders = {gazetteer.short_form_of(h) for h in heads}
        return not any(holders <= set(p.path) for p in gazetteer.places(official))

    def _add_short_forms(self, gazetteer: Any, text: str, found: list[Mention]) -> list[Mention]:
        """河南, 晋城, 温州人: places written without their suffix, where the text's other places support them."""
        forms = gazetteer.short_forms(text)
        if not forms:
            return found
        context = [m.name for m in found if m.type in _GAZETTEER_TYPES and not m.back_reference]
        named = set(context)
        # 四川成都: a province written by its short form supports the city after it, as one written in full does
        context += [full for _, _, full in forms if full.endswith(("省", "自治区")) and full not in named]
        # (membership and the support below read each name once: a text naming places again and again is linear)
        context_set = set(context)
        context_names = list(dict.fromkeys(context))
        backed: dict[str, bool] = {}  # by place: supported by a place the text writes in full
        starts = [m.start for m in found]
        extra = []
        form_ends = {end for _, end, _ in forms}
        resolved: dict[str, Any] = {}  # one resolution per place (the context is the same for all of them)
        for start, end, full in forms:
            i = bisect_right(starts, start) - 1
            if (i >= 0 and found[i].end > start) or (i + 1 < len(found) and found[i + 1].start < end):
                continue  # inside or across a name already found
            if self._dateline.search(text, max(0, start - 4), start) or self._dated.match(text, end):
                continue  # 新华社北京6月30日电: a dateline names no subject (guide §4 rule 6)
            if start not in form_ends and self._inside_a_word(text, start, found, i) \
                    and not (text[start - 1] in _COUNT_TAILS and text[end:end + 1] == "人"):
                continue  # 三河汇福粮油江苏基地: a short form inside a body's name (not 江门|新会, nor 6万多|鹰潭人)
            if text.endswith(self.landform_ends, start, end) and text.startswith(self.landform_after, end):
                continue  # 巢湖|之畔, 黄河|流域: the landform the place is named after
            if text.startswith(self.short_form_features, end) \
                    and not (i + 1 < len(found) and found[i + 1].start == end):
                continue  # 苏州河, 北京路: the river or street named after the city (not 南京|江北新区)
            if context and text.startswith(self.outlet_words, end):
                continue  # 咸阳日报 in a report on 兴平市: the outlet's city is no place of the report
            resolution = resolved.get(full)
            if resolution is None:
                resolution = resolved[full] = gazetteer.resolve(full, context)
            # supported by the place written in full (新会…新会区), above it (河南…晋城) or below it (郧阳…杨溪铺镇)
            support = backed.get(full)
            if support is None and not resolution.ambiguous:
                support = backed[full] = bool(full in context_set or set(resolution.path[:-1]) & context_set
                                              or any(full in gazetteer.above(name) for name in context_names))
            supported = not resolution.ambiguous and (
                support or resolution.level == "prefecture" and self._times(text, text[start:end]) >= 3)  # 成都…成都
            if resolution.level != "province" and not supported and (context or not self._own_level(text, full)):
                # a bare city or county name only where the text names its province or city, or where the text
                # names no other place and speaks of a place of its level (温州…全市, 鄞州…区委; guide §5)
                continue
            etype = level_to_entity_type(resolution.level or "county", full)
            extra.append(Mention(start, end, full, etype, None, True, suffix=""))
        if not extra:
            return found
        return sorted(found + extra, key=lambda m: (m.start, m.end))

    def _hamlets(self, text: str, found: list[Mention]) -> list[Mention]:
        """罗家坡, 张家湾: a hamlet named by a family and a landform (某家坡/湾/沟/坪…), written twice or more
        without a suffix, is a village of the story (the one after it, 罗家坡村, is found by its suffix)."""
        counts: dict[str, list[int]] = {}
        for at in self._hamlet_starts(text):
            counts.setdefault(text[at:at + 3], []).append(at)
        starts = [m.start for m in found]
        extra = []
        for name, ats in counts.items():
            if len(ats) < 2 or name[0] in self.function_chars or name[0] in CN_NUMERAL_CHARS:
                continue
            for at in ats:
                end = at + len(name)
                if _overlaps(found, starts, at, end):
                    continue  # inside or across a name found (毛家沟村)
                extra.append(Mention(at, end, name, "village", None, True, suffix=""))
        if not extra:
            return found
        return sorted(found + extra, key=lambda m: (m.start, m.end))

    def _hamlet_starts(self, text: str) -> Iterator[int]:
        """Where the matches of ``\\p{Han}家[landform]`` start, in finditer's order (none overlapping another): the
        pattern tried at every position in regex costs more than re's search for 家 and one test before it."""
        resume = 0
        for tail in self._hamlet_tail.finditer(text):
            at = tail.start() - 1
            if at >= resume and _HAN_CHAR.match(text, at):
                yield at
                resume = at + 3

    def _company_brands(self, text: str, found: list[Mention]) -> list[Mention]:
        """河南威猛振动设备股份有限公司…威猛振动…: a registered company is called by its brand after its full name
        was written: the name without its place, trade words and legal suffix, three characters or more; two
        (江苏三笑集团有限公司…三笑投资…) where the text writes it three times and it opens its clause."""
        gazetteer = self.gazetteer()
        brands: dict[str, Mention] = {}
        tails_of: set[str] = set()
        for m in found:
            if m.type != "enterprise" or m.back_reference or m.suffix not in _BRANDED_SUFFIXES \
                    and m.suffix != "公司":
                continue
            core = m.name[:-len(m.suffix)]
            if m.parent and core.startswith(m.parent):
                core = core[len(m.parent):]
            elif gazetteer is not None:
                head = next((core[:w] for w in (4, 3, 2) if len(core) > w + 2
                             and (gazetteer.short_form_of(core[:w]) or gazetteer.contains(core[:w]))), None)
                if head is not None:
                    core = core[len(head):]
            # 山东能源东华科技公司…东华科技: the tail of the name before its suffix, brand and trade, four characters
            # or more, that the text writes again after the full name (and not as part of it)
            trade = next((w for w in self.trade_words if core.endswith(w)), None)
            if trade is not None and len(core) > len(trade) + 2 and m.name not in tails_of:
                tails_of.add(m.name)  # (each name once: a text naming many companies stays linear per name)
                tail = core[-len(trade) - 2:]
                if _TWO_HAN.fullmatch(tail[:2]) and text.count(tail, m.end) - text.count(m.name, m.end) >= 2:
                    brands.setdefault(tail, m)
            if m.suffix not in _BRANDED_SUFFIXES:
                continue
            while True:
                trade = next((w for w in self.trade_words if core.endswith(w) and len(core) >= len(w) + 2), None)
                if trade is None:
                    break
                core = core[:-len(trade)]
            if not 2 <= len(core) <= 5 or core == m.name or core[0] in self.function_chars or core in brands:
                continue  # (a brand already taken keeps its first company: the tests below would change nothing)
            if len(core) == 2 and (
                    self._times(text, core) < 3 or core in self.clause_heads or not _TWO_HAN.fullmatch(core)
                    or m.name.startswith(core)
                    or gazetteer is not None and (gazetteer.short_form_of(core) or gazetteer.contains(core))):
                continue  # 三笑: a two-character brand only where the text calls the company so again and again
            brands.setdefault(core, m)
        if not brands:
            return found
        extra = []
        for brand, named in brands.items():
            at = text.find(brand, named.end)
            while at >= 0:
                if len(brand) > 2 or at == 0 or not _HAN.match(text, at - 1):
                    # (a two-character brand opens its clause: 。三笑投资…, not 沙县|小吃)
                    extra.append(Mention(at, at + len(brand), named.name, "enterprise", named.parent, True, suffix=""))
                at = text.find(brand, at + len(brand))
        return _merge_outside(found, extra)

    def _numbered_addresses(self, text: str, found: list[Mention]) -> list[Mention]:
        """介福东路106号改造总投资…，介福东路106号里…: a road's house number written twice or more is a compound the
        story is about (written once, 富康路121号有一家小卖铺, it is an address, and the road's place is meant)."""
        counts: dict[str, int] = {}
        hits: list[tuple[int, int]] = []
        for i, m in enumerate(found):
            if m.type != "place" or m.back_reference or m.suffix not in self.address_roads:
                continue
            number = _ADDRESS.match(text, m.end)
            if number is not None:
                name = text[m.start:number.end()]
                counts[name] = counts.get(name, 0) + 1
                hits.append((i, number.end()))
        if not hits:
            return found
        out = list(found)
        for i, end in hits:
            m = found[i]
            if counts[text[m.start:end]] >= 2:
                out[i] = Mention(m.start, end, text[m.start:end], "compound", m.parent, True, suffix="号")
        return out

    def _village_stems(self, text: str, found: list[Mention]) -> list[Mention]:
        """庄子田居民小组…。2022年，庄子田规模化种植…: a village (or a villagers' group) named once with its suffix
        is called by its stem after that, where the stem opens a clause."""
        stems: dict[str, Mention] = {}
        for m in found:
            if m.type not in ("village", "subdistrict") or m.back_reference or m.suffix not in self.stem_suffixes:
                continue
            stem = m.name[:-len(m.suffix)]
            if m.parent and stem.startswith(m.parent):
                stem = stem[len(m.parent):]
            if 2 <= len(stem) <= 4 and stem[0] not in self.function_chars and stem[0] not in CN_NUMERAL_CHARS:
                stems.setdefault(stem, m)
        if not stems:
            return found
        starts = [m.start for m in found]
        extra = []
        for at, end in self._stem_openings(text, stems):
            named = stems[text[at:end]]
            if at < named.start:
                continue  # (only after the name has been written out)
            if _overlaps(found, starts, at, end):
                continue  # inside or across a name found (庄子田居民小组 itself)
            if text.startswith(self.stem_suffixes, end) or any(text[end:end + w] in self.suffix_type
                                                               for w in range(1, 6)):
                continue  # 庄子田村, 高山茶园 (after 高山村): a suffix follows, a name of its own
            if _HAN.match(text, end) and text[end] not in self.stem_followers \
                    and text[end:end + 2] not in self.clause_heads and not text.startswith(self._stem_time_words, end):
                continue  # 花牛苹果, 独龙江共富贷: a brand or a river named after the place, not the place
            extra.append(Mention(at, end, named.name, named.type, named.parent, True, suffix="",
                                 path=named.path, code=named.code))
        if not extra:
            return found
        return sorted(found + extra, key=lambda m: (m.start, m.end))

    @staticmethod
    def _stem_openings(text: str, stems: Any) -> list[tuple[int, int]]:
        """Where a stem opens a clause (at the text's or a line's start, after punctuation or 年), left to right: at
        each position the longest stem, none overlapping the one before — the matches of an alternation of the stems
        after that lookbehind, found by str.find for each stem (a pattern that opens with a lookbehind is tried at
        every position of the text, and would be compiled anew for each text)."""
        ends: dict[int, int] = {}  # where a stem is written -> where the longest written there ends
        for stem in stems:
            at = text.find(stem)
            while at >= 0:
                if at + len(stem) > ends.get(at, at):
                    ends[at] = at + len(stem)
                at = text.find(stem, at + 1)
        spans = []
        resume = 0
        for at in sorted(ends):
            if at >= resume and (at == 0 or text[at - 1] in _STEM_OPENERS):
                spans.append((at, ends[at]))
                resume = ends[at]
        return spans

    def _own_word_forms(self, gazetteer: Any, text: str, found: list[Mention]) -> list[Mention]:
        """无为 in a report that writes 安徽无为市: a county's short form stop-listed as a common word (无为, 平安)
        names the county where the text writes its full name, at a clean left edge (，无为羽毛球…, 在无为)."""
        stems = {}
        for m in found:
            if m.type == "district" and not m.back_reference and len(m.suffix) == 1 and m.end - m.start > 2 \
                    and text.endswith(m.name, m.start, m.end):
                stem = m.name[:-1]
                if gazetteer.skipped_short_forms.get(stem) == "stop-list":
                    stems.setdefault(stem, m)
        if not stems:
            return found
        starts = [m.start for m in found]
        extra = []
        for stem, named in stems.items():
            at = text.find(stem)
            while at >= 0:
                end = at + len(stem)
                i = bisect_right(starts, at) - 1
                inside = i >= 0 and found[i].end > at
                if not inside and (at == 0 or not _HAN.match(text, at - 1) or text[at - 1] in self.clean_before
                                   or i >= 0 and found[i].end == at) and not text.startswith(named.suffix, end):
                    extra.append(Mention(at, end, named.name, named.type, None, True, suffix=""))
                at = text.find(stem, end)
        if not extra:
            return found
        return sorted(found + extra, key=lambda m: (m.start, m.end))

    def _inside_a_word(self, text: str, start: int, found: list[Mention], i: int) -> bool:
        """Whether a Han character that bounds no name stands right before ``start`` (粮油|江苏基地), with no
        place right before it (中国|江苏, 湖北随州|广水市 are chains)."""
        if start == 0 or not _HAN.match(text, start - 1) or text[start - 1] in self.function_chars:
            return False
        if i >= 0 and found[i].end == start:
            return False
        head = text[max(0, start - 4):start]
        return not head.endswith(self._boundary_ends.before(head, len(head)))

    def _clean_edge(self, text: str, start: int, found: list[Mention] | None = None) -> bool:
        """Whether a name may start at ``start``: after a non-Han character, a clean character (的, 在), a
        boundary word, a place written right before it (广州市|花都区), or a back-reference to a place, found or
        not, written right before it as its parent (该县|尕让乡, 全县|城关镇)."""
        before = text[start - 1:start]
        return not before or not _HAN.match(before) or before in self.clean_before \
            or text.endswith(self._boundary_word_ends.before(text, start), 0, start) \
            or bool(found) and found[-1].end == start \
            or before in self.one_char_levels and text[start - 2:start - 1] in self.back_determiners

    def _capacity_project(self, text: str, run_start: int, s1: int, floor: int, suffix: str) -> Mention | None:
        """辽宁华电45万千瓦风电制氢耦合绿色甲醇一体化示范项目: a project whose name holds its capacity (a number and a
        unit of power or tonnage, 万千瓦) between the owner's words and the works: the number's run of name
        characters before it, cut at its boundary words, begins the name."""
        unit = self._capacity_unit.match(text, run_start) if self._capacity_unit is not None else None
        number = _NUMBER_BACK.match(text, max(floor, run_start - 12), run_start)
        if unit is None or number is None or number.start() == run_start:
            return None
        head_start = _RUN_BACK.match(text, max(0, number.start() - _CAPACITY_HEAD), number.start()).start()
        head = text[head_start:number.start()]
        if len(head) < 2:
            return None
        edge_clean = head_start == 0 or not _HAN.match(text, head_start - 1)
        part, clean = self._name_part(head, edge_clean, suffix, "project")
        if not clean or len(part) < 2 or part in self.clause_heads:
            return None
        start = number.start() - len(part)
        return Mention(start, s1, text[start:s1], "project", None, True, suffix=suffix)

    def _chained_elsewhere(self, gazetteer: Any, text: str, name: str) -> bool:
        """Whether the text writes the official ``name`` right after a place above it somewhere (德清县阜溪街道民进村):
        written alone at a clean edge elsewhere (，民进村将…), the name is that place though it holds a boundary word
        (进). Asked once per name and text."""
        known = self._chained_memo.get(name)
        if known is None:
            above = [a for a in gazetteer.above(name) if len(a) > 1]
            known = False
            at = text.find(name)
            while at >= 0 and not known:
                known = any(text.endswith(a, 0, at) for a in above)  # (at 0, nothing ends before it)
                at = text.find(name, at + 1)
            self._chained_memo[name] = known
        return known

    def _verb_named(self, text: str, start: int, end: int) -> bool:
        """，建设村召开…, 走进前进村的…: a place named by a verb, with a clean edge and a name's context after it
        (not 发展村集体经济, 壮大村级经济)."""
        clean = self._clean_edge(text, start)
        after = text[end:end + 1]
        return clean and (not after or not _HAN.match(after) or after in self.verb_named_context)

    @staticmethod
    def _own_level(text: str, full: str) -> bool:
        """Whether the text speaks of a place of ``full``'s level as its own (全市, 我区, 县委) or of its people."""
        suffix = full[-1]
        if suffix not in "市区县旗州":
            return False
        return regex.search(f"[全我本该]{suffix}|{suffix}委", text) is not None

    def _works_projects(self, text: str, found: list[Mention]) -> list[Mention]:
        """香山北路建设项目: a named road, area or park followed by works and 项目 is a project of that name."""
        result: list[Mention] = []
        skip_to = -1
        for i, m in enumerate(found):
            if m.start < skip_to:
                continue  # inside the project found just before
            if m.type in self.works_types and not m.back_reference:
                works = self._works_project.match(text, m.end)
                # (a place named between the two, before the head, is no part of one project's name)
                if works is not None and not (i + 1 < len(found) and found[i + 1].start < works.end() - 2
                                              and found[i + 1].type != "project"):
                    end = works.end()
                    result.append(Mention(m.start, end, text[m.start:end], "project", m.parent, m.clean,
                                          suffix=text[end - 2:end]))
                    skip_to = end
                    continue
            result.append(m)
        return result

    @staticmethod
    def _add_short_jie(text: str, found: list[Mention]) -> list[Mention]:
        """东海街松江里社区, 东海街坚持…: a 街道 written as 街 (as Tianjin's are), where the path of a place the text
        names holds that 街道 (松江里社区 lies in 东海街道)."""
        subdistricts = {m.path[:k + 1] for m in found if m.path and not m.back_reference
                        for k, name in enumerate(m.path) if name.endswith("街道") and len(name) > 3}
        if not subdistricts:
            return found
        starts = [m.start for m in found]
        ends = {m.end for m in found}
        extra = []
        for path in subdistricts:
            short = path[-1][:-1]  # 东海街道 → 东海街
            at = text.find(short)
            while at >= 0:
                end = at + len(short)
                # (after a break or its parent: 河西区|东海街, ，东海街坚持…; not 东海街道 or 东海街办)
                if not _overlaps(found, starts, at, end) and text[end:end + 1] not in ("道", "办") \
                        and (at == 0 or not _HAN.match(text, at - 1) or at in ends):
                    extra.append(Mention(at, end, short, "subdistrict", None, True, suffix="街", path=path))
                at = text.find(short, end)
        return _merge_outside(found, extra)

    @staticmethod
    def _place_paths(gazetteer: Any, found: list[Mention]) -> list[Mention]:
        """Each place's path (province down) and code, from the chain it is written in and the text's places."""
        context = list(dict.fromkeys(m.name for m in found if m.type in ("province", "district")
                                     and not m.back_reference))
        resolved: dict[tuple[str, tuple[str, ...]], Any] = {}
        by_name: dict[str, tuple[tuple[str, ...], str | None]] = {}
        chain: list[str] = []
        result = []
        for i, m in enumerate(found):
            if i and found[i - 1].end != m.start:
                chain = []
            if len(chain) > _CHAIN_READ:
                del chain[0]  # a written chain has at most five levels and a body or two: older names say nothing
            if m.type not in _GAZETTEER_TYPES or m.back_reference or not gazetteer.contains(m.name):
                chain.append(m.name)
                result.append(m)
                continue
            key = (m.name, tuple(chain))
            r = resolved.get(key)
            if r is None:
                r = gazetteer.resolve_in_chain(m.name, key[1])
                if r.ambiguous and not chain:
                    r = gazetteer.resolve(m.name, context)
                elif r.ambiguous:
                    r = gazetteer.resolve(m.name, chain + context)
                resolved[key] = r
            path = tuple(r.path)
            if len(path) == 1 and i and found[i - 1].end == m.start and found[i - 1].path \
                    and len(found[i - 1].path) < _CHAIN_READ:
                path = (*found[i - 1].path, m.name)  # 乾县|东乾社区, not the gazetteer's 东乾社区 in Fujian
            by_name.setdefault(m.name, (path, r.code))
            chain.append(m.name)
            m.path, m.code = path, r.code  # the mentions were made by this call: set in place
            if m.type == "district" and r.level == "province" and not r.ambiguous:
                m.type = "province"  # 上海市, 北京市: a municipality is a province-level place (guide §5)
            result.append(m)
        # 该村, 全县: a back-reference shares the place it names
        for m in result:
            if m.back_reference and m.name in by_name:
                m.path, m.code = by_name[m.name]
        return result

    def _trim_weak_heads(self, found: list[Mention]) -> list[Mention]:
        """据河北人工智能计算中心: a weak word before a name that the text also writes without it."""
        names = {m.name for m in found if not m.back_reference}
        result = []
        for m in found:
            if not m.back_reference and m.name[:1] in self.weak and m.name[1:] in names:
                m = replace(m, start=m.start + 1, name=m.name[1:])
            result.append(m)
        return result

    def _named_bases(self, text: str, found: list[Mention]) -> list[Mention]:
        """金叶腾种植基地占地80多亩…。基地负责人…: a base named by its brand and its kind is a name when the text
        goes on about it as 基地 at a clause's start; without that (建起花卉种植基地, 红芽姜种植基地) the words name a
        kind of farm, not a place."""
        starts = [m.start for m in found]
        extra: list[Mention] = []
        for again in _BARE_BASE.finditer(text):
            at = again.start(1)
            i = bisect_right(starts, at) - 1
            if i >= 0 and found[i].end > at:
                continue
            named = None
            for m in _NAMED_BASE.finditer(text, max(0, at - _BARE_BACK_REACH), at):
                named = m
            if named is None:
                continue
            start, end = named.start(1), named.end(1)
            name_part = named.group(2)
            while name_part.endswith(self.generic_by_suffix.get("基地", ())):
                name_part = name_part[:-len(next(w for w in self.generic_by_suffix["基地"] if name_part.endswith(w)))]
            k = bisect_right(starts, start) - 1
            if len(name_part) < 2 or name_part[:2] in self.clause_heads or name_part[:2] in self.boundary_words \
                    or (k >= 0 and found[k].end > start) \
                    or any(ch in self.function_chars for ch in name_part) \
                    or any(e.start == start for e in extra):
                continue
            extra.append(Mention(start, end, text[start:end], "place", None, True, suffix="基地"))
        return sorted(found + extra, key=lambda m: (m.start, m.end)) if extra else found

    def _origin_of(self, text: str, found: list[Mention], k: int) -> bool:
        """Whether found[k] (or the chain it ends) is written after an origin word (来自北京西城区)."""
        first = k
        while first > 0 and found[first - 1].end == found[first].start:
            first -= 1
        return bool(self.origin_before) and text.endswith(self.origin_before, 0, found[first].start)

    def _add_bare_back_references(self, text: str, found: list[Mention]) -> list[Mention]:
        """合作社吸纳…, 社区依托…, 这里开展…: a bare word at a clause's start refers back to the latest of its kind."""
        gazetteer = self.gazetteer()
        extra = []
        starts = [m.start for m in found]
        match, last, before = self.bare_back_re.match, 0, self._bare_before_ends.before
        for head in self._bare_heads.finditer(text):  # bare_back_re.finditer(text), found faster
            at = head.start()
            if at < last or at and not text.endswith(before(text, at), 0, at):
                continue
            hit = match(text, at)
            if hit is None:
                continue
            last = hit.end()
            g = 1 if hit.group(1) else 2
            word, at = hit.group(g), hit.start(g)
            # 该中心, 这家公司: the determiner belongs to the back-reference, as in 该村
            det = next((d for d in self.bare_determiners if text.endswith(d, 0, at)
                        and (at == len(d) or text[at - len(d) - 1] in _CLAUSE_PUNCT)), "") if g == 1 else ""
            if word in self.determined_back and not det:
                continue  # 企业 alone is any enterprise; 该企业 is the story's
            if word == "这里" and text[hit.end(1):hit.end(1) + 1] == "是":
                continue  # 这里是河北省廊坊市: introduces a place, refers to none
            i = bisect_right(starts, at) - 1
            if i >= 0 and found[i].end > at:
                continue
            etype = self.bare_back[word]
            deictic = etype in ("*", "@place")  # 这里 (any place or body), 当地 (a place)
            resolved = False
            for k in range(i, -1, -1):
                earlier = found[k]
                gap = text[earlier.end:at]
                if at - earlier.end > _BARE_BACK_REACH or (
                        not deictic and (gap.count("\n") > 1 or ("\n" in gap and len(gap) > _BARE_NEXT_PARAGRAPH))):
                    break  # a body word within its paragraph or early in the next; 这里 may follow a scene further
                if earlier.back_reference and not deictic:
                    continue
                if not deictic and text.endswith(self.buyer_before, max(0, earlier.start - 3), earlier.start):
                    continue  # 一半卖给南昌某公司。公司规模不断扩大: the buyer is no story's body
                if not deictic and self._sourced.search(text, max(0, earlier.start - 6), earlier.start):
                    continue  # 刚从金海湾社区分离出来, 曾任某社区党支部副书记: where things come from, a former post
                if deictic and self._origin_of(text, found, k):
                    continue  # 来自北京西城区的退休教师…：“这里环境好…”: someone's origin is not where 这里 is
                if etype == "*" and earlier.type == "organisation" and earlier.name.endswith(self.institutions):
                    continue  # 某大学某学院教授…。这里面积更大: an expert's institution is not where 这里 is
                if etype == "@place" and earlier.type not in _ADMIN_TYPES and earlier.type != "park":
                    named = earlier.parent if earlier.parent and earlier.name.startswith(earlier.parent) else None
                    place = next((x for x in reversed(found[:k]) if x.name == named and x.type in _ADMIN_TYPES),
                                 None) if named else None
                    kind = place.type if place is not None else next(
                        (self.suffix_type[x] for x in (named[-3:], named[-2:], named[-1:])
                         if x in self.suffix_type and self.suffix_type[x] in _ADMIN_TYPES), None) if named else None
                    if kind is not None and at - earlier.end <= _BARE_NEXT_PARAGRAPH:
                        # 记者从中江县农业农村局了解到，当地…: the place the body is named with
                        extra.append(Mention(at, at + len(word), named, kind, place and place.parent, True,
                                             back_reference=True, suffix=word))
                        resolved = True
                        break
                    continue  # (当地 in a zone's report: the zone, governed like a place)
                if etype == "@place" and (earlier.type == "park" or earlier.type == "district"
                                          and earlier.name.endswith(self.park_district_ends)) \
                        and earlier.parent is None and gazetteer is not None \
                        and not self._place_head(gazetteer, earlier.name):
                    # (a park found by its 区, typed a park only at the end: 金川县|现代农业园区…当地 is the county)
                    continue  # 无为…建设羽毛羽绒产业园…当地: a park named without its place is a facility of it
                if deictic or (earlier.type == etype
                               and (word in self.bare_by_type or earlier.name.endswith(word))):
                    if etype in _LISTED_BODY_TYPES and "、" in (text[earlier.start - 1:earlier.start],
                                                               text[earlier.end:earlier.end + 1]):
                        break  # 对A项目、B项目…进行了通报。…项目是发展的“牛鼻子”: one of a list is no story's body
                    extra.append(Mention(at - len(det), at + len(word), earlier.name, earlier.type, earlier.parent,
                                         True, back_reference=True, suffix=word))
                    resolved = True
                    break
            if etype == "@place" and (not resolved or extra[-1].start == at and extra[-1].type in _BELOW_COUNTY
                                      and not self._in_paragraph(text, found, i, extra[-1].name, at)):
                # 当地 at a clause's start is the county or city the story is set in (当地政府给予…, 去年当地销售…),
                # not a village or town of an earlier paragraph (马集镇党委书记某某介绍。当地带动…: this one's town)
                county = self._county_before(found, i, at)
                if county is not None:
                    if resolved:
                        extra.pop()
                    extra.append(Mention(at, at + len(word), county.name, county.type, county.parent, True,
                                         back_reference=True, suffix=word))
                    resolved = True
            if not resolved and not deictic and extra:
                # 掌握小区1000余户… | next paragraph: 位于小区地下室…: a bare word resolved a paragraph ago carries
                # the story's compound on, as the name itself would
                ref = extra[-1]
                gap = text[ref.end:at]
                if ref.type == etype and ref.name != ref.suffix and at - ref.end <= _BARE_BACK_REACH \
                        and gap.count("\n") <= 1 and len(gap) <= _BARE_NEXT_PARAGRAPH \
                        and (word in self.bare_by_type or ref.name.endswith(word)):
                    extra.append(Mention(at, at + len(word), ref.name, ref.type, ref.parent, True,
                                         back_reference=True, suffix=word))
                    resolved = True
            if not resolved and word in self.bare_back_far:
                # 在研究室38名技术人员中, paragraphs after the 非常规勘探研究室 was named: a distinctive body word
                # (not 小区; 合作社 in a report that names one) means the report's only body of that kind further back
                only = {m.name for m in found[:i + 1] if not m.back_reference and m.type == etype
                        and m.name.endswith(word) and m.name != word and at - m.end <= _BARE_ONLY_REACH}
                if len(only) == 1 and not any(m.type == etype and m.name.endswith(word) and m.name not in only
                                              for m in found[:i + 1] if not m.back_reference):
                    name = only.pop()
                    earlier = next(m for m in reversed(found[:i + 1]) if m.name == name)
                    extra.append(Mention(at, at + len(word), name, etype, earlier.parent, True, back_reference=True,
                                         suffix=word))
                    resolved = True
            if not resolved and word in self.report_words:
                # 社区新增注册志愿者430人 with no community in the paragraph: the report's own, if it is one
                # (attribution decides; the name stays the bare word until then)
                extra.append(Mention(at, at + len(word), word, etype, None, True, back_reference=True, suffix=word))
        if not extra:
            return found
        return sorted(found + extra, key=lambda m: (m.start, m.end))

    @staticmethod
    def _in_paragraph(text: str, found: list[Mention], i: int, name: str, at: int) -> bool:
        """Whether ``name`` is written in the paragraph that holds ``at``, among found[:i + 1] (walked back only
        as far as the paragraph's start)."""
        start = text.rfind("\n", 0, at) + 1
        for k in range(i, -1, -1):
            if found[k].start < start:
                return False
            if found[k].name == name:
                return True
        return False

    @staticmethod
    def _county_before(found: list[Mention], i: int, at: int) -> Mention | None:
        """The nearest county, city or province among found[:i + 1] within _LOCAL_REACH characters of ``at``."""
        for k in range(i, -1, -1):
            m = found[k]
            if at - m.start > _LOCAL_REACH + 64:
                return None  # (names are short: none that starts this far back ends in reach)
            if m.type in ("district", "province") and at - m.end <= _LOCAL_REACH:
                return m
        return None

    def _add_trade_names(self, text: str, found: list[Mention], gazetteer: Any = None, traded: bool = True,
                         titled: bool = True) -> list[Mention]:
        """玉勤袜业总投资20多万元, 新引进龙耀木业: a company known by its brand and trade, written without 公司,
        where its investment, jobs or arrival are told right after it (or it is brought in)."""
        starts = [m.start for m in found]
        extra = []
        hits: list[Any] = list(self._trade_name.finditer(text)) if traded else []
        if titled and self._officer_titles is not None:
            hits += self._titled_trade_names(text, found, gazetteer)
        if not hits:
            return found
        for hit in sorted(hits, key=lambda h: h.start("name")):
            at, end = hit.start("name"), hit.end("name")
            i = bisect_right(starts, at) - 1
            if i >= 0 and found[i].end > at:
                continue  # inside a name found already
            j = bisect_right(starts, end - 1) - 1
            if j >= 0 and found[j].start >= at:
                continue  # overlaps a name found after its start
            brand = hit.group("brand")
            if brand in self.generic or brand[:2] in self.boundary_words or brand[-1] in self.function_chars:
                continue
            parent = found[i].name if i >= 0 and found[i].end == at and not found[i].back_reference else None
            extra.append(Mention(at, end, text[at:end], "enterprise", parent, True, suffix=hit.group("trade")))
        if not extra:
            return found
        # 凯利重工落户…: once known, the company is that name wherever the report writes it (山东凯利重工的生产厂区,
        # 凯利重工的出口范围…), not only where its arrival or investment is told
        known = {m.start for m in extra}
        for name, suffix in {m.name: m.suffix for m in extra}.items():  # (each name searched once)
            at = text.find(name)
            while at >= 0:
                if at not in known:
                    known.add(at)
                    extra.append(Mention(at, at + len(name), name, "enterprise", None, True, suffix=suffix))
                at = text.find(name, at + len(name))
        return _merge_outside(found, sorted(extra, key=lambda m: (m.start, m.end)))

    def _titled_trade_names(self, text: str, found: list[Mention], gazetteer: Any) -> list[_TradeHit]:
        """逸动科技联合创始人: a brand of two or three characters and a trade word right before an officer's title,
        the brand after a clause's start, a place or a region's short form (广东|逸动科技), and no trade word itself
        (数字科技负责人)."""
        ends: set[int] | None = None
        hits = []
        for title in self._officer_titles.finditer(text):
            pos = title.start()
            trade = next((w for w in self._titled_trades if text.endswith(w, 0, pos)), None)
            if trade is None:
                continue
            cut = pos - len(trade)
            for size in (2, 3):
                at = cut - size
                brand = text[at:cut] if at >= 0 else ""
                if not brand or not _HAN_RUN.fullmatch(brand) or brand in self.trade_set \
                        or brand[:2] in self.trade_set:
                    continue
                if ends is None:
                    ends = {m.end for m in found if m.type in _GAZETTEER_TYPES and not m.back_reference}
                if at == 0 or text[at - 1] in _TITLED_BRAND_EDGES or at in ends \
                        or gazetteer is not None and at >= 2 and gazetteer.short_form_of(text[at - 2:at]) is not None:
                    hits.append(_TradeHit(at, pos, brand, trade))
                    break
        return hits

    @staticmethod
    def _add_short_names(text: str, found: list[Mention]) -> list[Mention]:
        """中国华电电力科学研究院（以下简称华电电科院）: the short name the text defines stands for the body wherever
        written, its headline included."""
        ends = {m.end: m for m in found if not m.back_reference}
        extra = []
        for hit in _SHORT_NAME.finditer(text):
            full = ends.get(hit.start())
            short = hit.group("short")
            if full is None or full.type in _GAZETTEER_TYPES or short == full.name:
                continue
            at = text.find(short)
            while at >= 0:
                if not (hit.start() <= at < hit.end()):
                    extra.append(Mention(at, at + len(short), short, full.type, full.parent, True, suffix=""))
                at = text.find(short, at + len(short))
        return _merge_outside(found, extra)

    def _add_named_bodies(self, text: str, found: list[Mention]) -> list[Mention]:
        """中国共产党, 商务部: bodies known by a name without a type suffix, wherever they do not overlap a found name
        (水利部门 names any water authority, no ministry)."""
        extra = []
        # each name's mentions do not overlap one another: where the next may start, per name (a str.find loop per
        # name would read the text once for each of them)
        resume: dict[str, int] = {}
        for head in self._named_body_heads.finditer(text):
            at = head.start()
            for name, etype in self._named_bodies_by_first[text[at]]:
                if at < resume.get(name, 0) or not text.startswith(name, at):
                    continue
                end = resume[name] = at + len(name)
                if text[end:end + 1] not in self.named_bodies_not_followed_by:
                    extra.append(Mention(at, end, name, etype, None, True, suffix=""))
        return _merge_outside(found, extra)  # (in text order there: the order of ``extra`` does not matter)

    @staticmethod
    def _quoted(text: str, s0: int, s1: int, suffix: str, etype: str) -> Mention | None:
        """“年产10万套新能源汽车电驱系统”项目: a quoted name before the suffix; the name drops the quotes."""
        close = text[s0 - 1:s0]
        if not close or close not in _CLOSE_QUOTES:
            return None
        opening = text.rfind(_CLOSE_QUOTES[close], max(0, s0 - 32), s0 - 1)
        inner = text[opening + 1:s0 - 1] if opening >= 0 else ""
        if len(inner) < 2 or _QUOTE_STOP.search(inner):
            return None
        if len(inner) == 2 and inner[0] in CN_NUMERAL_CHARS:
            return None  # 创建“五好”园区: a slogan names a kind
        return Mention(opening, s1, inner + suffix, etype, None, True, suffix=suffix)

    @staticmethod
    def _quoted_head(text: str, start: int) -> tuple[int, str] | None:
        """(where the quotation opens, its text) for a short quotation that closes right before ``start``."""
        close = text[start - 1:start]
        if not close or close not in _CLOSE_QUOTES:
            return None
        opening = text.rfind(_CLOSE_QUOTES[close], max(0, start - 12), start - 1)
        inner = text[opening + 1:start - 1] if opening >= 0 else ""
        if not 2 <= len(inner) <= 10 or _QUOTE_STOP.search(inner):
            return None
        return opening, inner

    def _back_reference(self, run: str) -> str | None:
        if not run.endswith(self.back_references):  # most runs end in none: one call tells
            return None
        for word in self.back_references:
            if not run.endswith(word):
                continue
            before = run[-len(word) - 1] if len(run) > len(word) else ""
            # 今年全市, 在全县: a determiner word is a back-reference wherever it stands, except inside 安全, 成本 …
            if not before or not _HAN.match(before) or before not in self.back_not_after.get(word, ()):
                return word
        return None

    @staticmethod
    def _resolve_back(found: list[Mention], suffix: str, etype: str, start: int, end: int,
                      misses: dict[tuple[str, str], int] | None = None, text: str = "",
                      sourced: regex.Pattern[str] | None = None) -> Mention | None:
        """The last named entity with this suffix (全县 → 岷川县), else of this type (该嘎查 → …村).

        `misses` remembers where a look-up found nothing: every test below asks of one earlier mention alone,
        so a later look-up with the same key reads only what was added since (and the last item, which the
        finder may have replaced); without it, 我市 written thousands of times is quadratic."""
        lo = 0
        if misses is not None:
            lo = max(0, misses.get((suffix, etype), 1) - 1)
        reach = len(found) - lo  # the newest mentions, read lazily: a hit near the end reads no further
        for same_suffix in (True, False):
            for earlier in islice(reversed(found), reach):
                if same_suffix and not earlier.back_reference and earlier.type not in _GAZETTEER_TYPES \
                        and earlier.parent and earlier.parent.endswith(suffix) and len(earlier.parent) > len(suffix) \
                        and etype in ("province", "district") and earlier.name.startswith(earlier.parent):
                    # 来自桐乡市农业农村局的资料显示，该市…: the place a body's name is written with, named last
                    return Mention(start, end, earlier.parent, etype, None, True, back_reference=True, suffix=suffix)
                if same_suffix and suffix == "区" and etype == "district" and earlier.type == "park" \
                        and not earlier.back_reference and earlier.name.endswith(suffix):
                    # 万盛经开区…该区: a zone governed like a district, named last
                    return Mention(start, end, earlier.name, "park", earlier.parent, True, back_reference=True,
                                   suffix=suffix)
                if same_suffix and suffix == "区" and etype == "district" and earlier.type == "province" \
                        and not earlier.back_reference and earlier.name.endswith(_REGION_SUFFIX):
                    # 内蒙古自治区…，全区粮食作物…: an autonomous region named last is the 区 of 全区
                    return Mention(start, end, earlier.name, "province", None, True, back_reference=True,
                                   suffix=suffix)
                if earlier.back_reference or earlier.type != etype:
                    continue
                if same_suffix and not earlier.name.endswith(suffix):
                    continue
                if sourced is not None and sourced.search(text, max(0, earlier.start - 6), earlier.start):
                    continue  # 从附近的梅花村买秧苗…村两委: where things came from is not the story's village
                return Mention(start, end, earlier.name, etype, earlier.parent, True, back_reference=True,
                               suffix=suffix)
        for earlier in islice(reversed(found), reach):
            if not earlier.back_reference and earlier.parent and earlier.parent.endswith(suffix) \
                    and earlier.type not in _GAZETTEER_TYPES:
                # 我市 after 兴宁市龙江建材实业有限公司: the place a body's name is written with
                return Mention(start, end, earlier.parent, etype, None, True, back_reference=True, suffix=suffix)
        if suffix == "区":
            for earlier in islice(reversed(found), reach):
                if not earlier.back_reference and earlier.type == "park" and earlier.name.endswith(suffix):
                    # 全区 in a report on 昆山开发区 that names no district: the zone, governed like one
                    return Mention(start, end, earlier.name, "park", earlier.parent, True, back_reference=True,
                                   suffix=suffix)
        if misses is not None:
            misses[(suffix, etype)] = len(found)
        return None

    def _name_part(self, run: str, edge_clean: bool, suffix: str, etype: str) -> tuple[str, bool]:
        """The name before the suffix, and whether its left edge is certain ("" when there is none).

        Weak one-character words (和 同 向 …) are cut only when the name would be too long without the cut
        (和平社区 and 陕西同州时荔合塑业有限公司 stay whole) and two characters remain.
        """
        strong = weak = None
        # a registered name usually opens with its place (贵州某某农业发展有限公司, 北京某某物业管理有限公司):
        # where one does after a boundary word (or at the run's start), the name starts at the last such place
        legal = suffix in _LEGAL_SUFFIXES
        gazetteer = self.gazetteer() if legal else None
        heads: list[int] = [0] if gazetteer is not None and self._place_head(gazetteer, run) else []
        size = len(run)
        for start, end in self._boundary_spans(run):
            word = run[start:end]
            if word in self.boundary_inside and self._inside_word(run, word, start):
                continue
            rest = size - end
            if not rest:
                # the word that ends the run (the last match) decides only whether the suffix is a bare word after
                # a verb; every other test passes over it
                if not legal and not (suffix in _BRANDED_SUFFIXES and word in self.trade_set) \
                        and self._ends_before_bare_suffix(run, word, start):
                    return "", True  # 成立|商圈: the suffix is a bare word after a verb
                continue  # (某某印象服务|有限公司: a registered name ends in its trade: 服务, 发展, 开发)
            if gazetteer is not None and rest >= 4 and self._place_head(gazetteer, run[end:]):
                if start == 1 and word in self.weak:
                    continue  # 网都|河北…有限公司: one character before a weak word is the brand's, not a clause
                heads.append(end)
            elif heads and len(word) > 1:
                heads.clear()  # 浙江茶商与村资公司成立|茶业有限公司: a clause after the place, not its name
            is_suffix = word in self.suffix_type
            if is_suffix and (run[end:end + 1] in self.not_followed_by.get(word, ())
                              or run[max(0, start - 1):end] in self.generic):
                continue  # 区域化共富工坊, 乡村振兴投资有限公司: a suffix inside a word (区域, 乡村) marks no edge
            # 成立了|于家台印象服务有限公司: in a registered name, a word that also begins names is weak
            is_weak = word in self.weak or is_suffix or legal and word in self.name_initials
            if is_weak and not is_suffix and run.endswith(self.name_evidence_after, 0, start):
                is_weak = False  # 街道党工委将|康城小区: a Party committee acts on the name after its verb
            if not is_weak or is_suffix and rest >= 2:  # 开发区|东城街道
                strong = start, end
            elif rest >= 2:
                weak = start, end
        if heads:
            return run[heads[-1]:], heads[-1] > 0 or edge_clean  # 红利分配给|贵州某某农业发展有限公司
        name, clean = (run[strong[1]:], True) if strong is not None else (run, edge_clean)
        if weak is not None and (strong is None or weak[0] >= strong[1]):
            hi = (self.lengths_by_suffix.get(suffix) or self.lengths.get(etype, (2, 8)))[1]
            if len(name) > hi or not clean:
                return run[weak[1]:], True
        return name, clean

    def _boundary_spans(self, run: str) -> list[tuple[int, int]]:
        """Where the boundary words of a run stand, left to right: at each position the longest word that starts
        there, the scan resuming after it (the matches of an alternation of the words; found here by a look-up of
        the two characters at a position, which costs less than sre trying some 440 first characters in turn)."""
        spans = self._boundary_spans_memo.get(run)
        if spans is None:
            spans = self._boundary_spans_memo[run] = self._boundary_spans_uncached(run)
        return spans

    def _boundary_spans_uncached(self, run: str) -> list[tuple[int, int]]:
        spans = []
        heads, chars, firsts = self._bounds_by_head, self._bound_chars, self._bound_firsts
        resume = 0
        for at, ch in enumerate(run):
            if at < resume or ch not in firsts:
                continue  # (inside the word before, or no word starts with the character)
            end = at + 1 if ch in chars else at
            for word in heads.get(run[at:at + 2], ()):
                if run.startswith(word, at):
                    end = at + len(word)  # (the longest first: it wins over a one-character word)
                    break
            if end > at:
                spans.append((at, end))
                resume = end
        return spans

    def _ends_before_bare_suffix(self, run: str, word: str, start: int) -> bool:
        """Whether a boundary word that ends the run (at ``start``) leaves the suffix a bare word (成立|商圈): a
        strong word, not a suffix word nor a weak one unless a Party body acts before it (党工委将|小区); and not the
        end of a place's name written before the suffix (成都|公积金中心)."""
        if word in self.suffix_type or word in self.weak and not run.endswith(self.name_evidence_after, 0, start):
            return False
        return not any(self._place_word(run[i:]) for i in range(max(0, start - 3), start))

    def _described_body_of_place(self, name_part: str, suffix: str, etype: str, prev: Mention | None,
                                 s1: int) -> bool:
        """雄安新区|综合|服务中心: a body of a kind named by the place written right before its descriptor."""
        return prev is not None and etype == "organisation" and not prev.back_reference \
            and prev.type in _GAZETTEER_TYPES and prev.end == s1 - len(suffix) - len(name_part) \
            and 2 <= len(name_part) <= 4 and _TWO_HAN.match(name_part) is not None \
            and not any(ch in self.function_chars for ch in name_part) \
            and not name_part.startswith(self.generic_heads) and not name_part.startswith(self.not_name_heads) \
            and name_part not in self.clause_heads \
            and not (suffix in self.undescribed_suffixes and name_part in self.generic_by_suffix.get(suffix, ()))

    def _past_verb_named_apart(self, text: str, name_part: str, suffix: str) -> str:
        """扎西送走|农业农村局, 发现|社会救助局: a body's name that holds a verb is the part after the verb when the
        text writes that part alone elsewhere (after punctuation, a preposition or a bare level: ；社会救助局,
        从社会救助局, ，县农业农村局); 退役军人服务站 keeps its verb, written nowhere without it."""
        for i in range(len(name_part) - 3):
            if name_part[i:i + 2] not in self.clause_heads:
                continue
            rest = name_part[i + 2:] + suffix
            alone = self._apart_memo.get(rest)
            if alone is None:
                alone = self._apart_memo[rest] = self._written_alone(text, rest)
            if alone:
                return name_part[i + 2:]
        return name_part

    def _written_alone(self, text: str, name: str) -> bool:
        """Whether the text writes ``name`` somewhere after punctuation, a function character or a bare level (read
        once per name and text: a text repeating a name would otherwise be read once per repetition)."""
        at = text.find(name)
        while at >= 0:
            before = text[at - 1:at]
            if at == 0 or not _HAN.match(before) or before in self.function_chars \
                    or before in "省市县区" and (at < 2 or not _HAN.match(text, at - 2)):
                return True
            at = text.find(name, at + 1)
        return False

    def _verb_then_place(self, gazetteer: Any, run: str) -> bool:
        """Whether ``run`` opens with a dictionary verb and then a place's name (携手|中国人保…, 邀请|昆明理工…)."""
        return gazetteer is not None and len(run) >= 4 and run[:2] in self.clause_heads \
            and self._place_head(gazetteer, run[2:])

    @staticmethod
    def _place_head(gazetteer: Any, run: str) -> bool:
        """Whether ``run`` opens with the name of a province, prefecture or county or its short form (昆明理工…,
        贵州某某…), or with 中国 (中国人保…)."""
        if run.startswith("中国"):
            return True
        for w in (2, 3):
            name = gazetteer.short_form_of(run[:w]) or (run[:w] if gazetteer.contains(run[:w]) else None)
            if name is not None and not gazetteer.levels(name).isdisjoint(_UPPER_LEVELS):
                return True
        return False

    def _past_clause_head(self, run: str, etype: str, shortest: int) -> str:
        """A name written after a clean edge that starts with a verb, adverb or conjunction (紧靠, 并且, 投运): a
        clause or a chain of verbs opens there, and the name starts after it; "" when too little of a name
        remains (并且受|市场) or when a pronoun opens the clause (他走向社区党群服务中心: what follows is said of
        him). Bodies keep their name unless it is nothing but such words (召集|公司): their names hold verbs and
        adjectives at the start (退役军人服务站, 自然资源局)."""
        if run.startswith(self.pronoun_heads):
            return ""
        cut = 0
        opener = next((w for w in self.clause_openers if run.startswith(w)), None) \
            if run.startswith(self.clause_openers) else None
        if opener is not None and len(run) - len(opener) >= shortest:
            return run[len(opener):]  # 如|新蒲新区松源社区: "for example" opens the clause, the name follows
        if etype not in _GAZETTEER_TYPES and run.startswith(self.adverb_heads):
            # 还将|绿地公园, 对|水厂: an adverb or preposition opens a clause, never a body's name (将乐县, 对江村
            # are the gazetteer's to judge)
            head = next(w for w in self.adverb_heads if run.startswith(w))
            return run[len(head):] if len(run) - len(head) >= shortest else ""
        for _ in range(3):
            if run[cut:cut + 2] not in self.clause_heads:
                break
            cut += 2
        if not cut:
            return run
        if run[cut:cut + 1] in self.verb_complements:
            cut += 1  # 开发出|龙潭景区, 打造成|…: a verb's complement
        if etype in _NAMED_BODY_TYPES:
            # 召集|公司 names no company, 规范运行|小微权力监督平台 is a verb chain before a body's name; one
            # such word may start a name (退役军人服务站, 统计局)
            if cut == len(run):
                return "" if etype == "enterprise" else run
            return run[cut:] if cut >= 4 and len(run) - cut >= shortest else run
        return run[cut:] if len(run) - cut >= shortest else ""

    def _strong_floor(self, run: str) -> int:
        """Where a name may start at the earliest: after the last strong boundary word of the run."""
        floor = 0
        for start, end in self._boundary_spans(run):
            word = run[start:end]
            if word not in self.weak and word not in self.suffix_type \
                    and not (word in self.boundary_inside and self._inside_word(run, word, start)):
                floor = end
        return floor

    def _inside_word(self, run: str, word: str, start: int) -> bool:
        """青年|突击党小组, 以|工代赈项目: a boundary word (at ``start``) inside a longer word bounds nothing."""
        words = self.boundary_inside.get(word)
        return bool(words) and any(start >= w.find(word) and run.startswith(w, start - w.find(word)) for w in words)

    def _plausible_longer(self, name_part: str, suffix: str, etype: str) -> bool:
        """A clean name longer than the gazetteer's: of a name's length and not generic (张家新村, 桃花山西区社区)."""
        lo, hi = self.lengths_by_suffix.get(suffix) or self.lengths.get(etype, (2, 8))
        return lo <= len(name_part) <= hi and not self._generic_official(name_part, suffix) \
            and not _MONEY_IN_NAME.search(name_part) and not name_part.startswith(self.generic_heads)
        # (超百万|元村: a class by income, not 元村 named longer; 很多|工业社区: many, not one named)

    @staticmethod
    def _county_of_named_city(gazetteer: Any, text: str, official: str) -> bool:
        """老城区 in a report that names 洛阳: a county whose official name is a common word names it where the
        text names the city it belongs to."""
        for place in gazetteer.places(official):
            if len(place.path) == 3:  # province, city, county
                city = place.path[1]
                if city in text or len(city) > 2 and city[:-1] in text:
                    return True
        return False

    def _generic_official(self, name_part: str, suffix: str) -> bool:
        """An official name used as a common word here (城市社区, 乡村, 各村, 空心村); 长春市 and 东山村 are names."""
        key = (name_part, suffix)
        held = self._generic_official_memo.get(key)
        if held is None:
            held = self._generic_official_memo[key] = self._generic_official_uncached(name_part, suffix)
        return held

    def _generic_official_uncached(self, name_part: str, suffix: str) -> bool:
        full = name_part + suffix
        if full in self.generic or name_part in self.generic \
                or self._official_generic_index.ends(name_part) and not self._counted_in_name(name_part, suffix):
            return True
        if self._official_generic_index_by_suffix.get(suffix, _NO_ENDINGS).ends(name_part):
            return True  # 美丽乡村, 全国文明村, 远近闻名的小康村: a title or a kind, not the village of that name
        if self._communities_of(name_part, suffix):
            return True
        # 发展|乡村: a verb before a generic word, though 发展乡村 is a village somewhere
        return name_part[:2] in self.boundary_words and full[2:] in self.generic

    def _counted_in_name(self, name_part: str, suffix: str) -> bool:
        """新余|市, 茂名|市, 大名|县: in an official name, a count word (余, 多, 名) after no numeral is a character
        of the name, not 十余|村's "more than" or 30名's people; so is 全 before a county's suffix (天全县)."""
        if len(name_part) < 2 or name_part[-2].isdigit() or name_part[-2] in CN_NUMERAL_CHARS \
                or name_part[-2] in "几数":
            return False
        last = name_part[-1]
        return last in self.count_heads or last == "名" or last == "全" and suffix in _COUNTY_SUFFIXES

    def _name_not_count(self, text: str, start: int, suffix: str) -> bool:
        """余村 after no numeral is the village of that name (老支书的余村), not 10余村's "more than 10"."""
        return text[start:start + 1] in self.count_heads and len(suffix) == 1 and start > 0 \
            and not (text[start - 1].isdigit() or text[start - 1] in CN_NUMERAL_CHARS)

    def _generic_across(self, written: str, head_len: int) -> bool:
        """Whether ``written`` ends in a descriptor longer than the official name's head (周|边村)."""
        endings = self._generic_longer.get(max(head_len, -1), ())  # past the longest ending: none is longer
        return bool(endings) and written.endswith(endings)

    def _generic(self, name_part: str, suffix: str) -> bool:
        full = name_part + suffix
        if full in self.generic or name_part in self.generic or self._generic_ending(name_part):
            return True
        return self._generic_index_by_suffix.get(suffix, _NO_ENDINGS).ends(name_part)

    def _generic_ending(self, name_part: str) -> bool:
        """Whether a descriptor ends the name part (示范, 全县, 三个乡) — not a level character alone at the end of a
        longer name (北洋荔林水乡|片区: 水乡 is a word of the name, not a count of townships)."""
        if not self._generic_endings_index.ends(name_part):
            return False
        if len(name_part) < 4 or name_part[-1] not in _LEVEL_ENDINGS or name_part[-2:] in self.generic_endings:
            return True
        return name_part[-2] in self.generic_endings  # 十多个|村, 各|乡: a count or determiner before it

    def _acceptable(self, name_part: str, suffix: str, etype: str) -> bool:
        """Whether ``name_part`` before ``suffix`` makes a name of type ``etype`` (see _acceptable_uncached)."""
        key = (name_part, suffix, etype)
        held = self._acceptable_memo.get(key)
        if held is None:
            held = self._acceptable_memo[key] = self._acceptable_uncached(name_part, suffix, etype)
        return held

    def _acceptable_uncached(self, name_part: str, suffix: str, etype: str) -> bool:
        lo, hi = self.lengths_by_suffix.get(suffix) or self.lengths.get(etype, (2, 8))
        if not (lo <= len(name_part) <= hi):
            return False
        if _COUNTED.search(name_part) or etype not in _GAZETTEER_TYPES and _COUNTED_BODIES.search(name_part):
            return False  # 茶叶和脱毒马铃薯两个专业合作社, 镇里新建三家公司: a count of bodies names none
        if name_part[:1] == "个" and etype not in _GAZETTEER_TYPES:
            return False  # 这|个水保项目: a determiner's measure word heads no body's name (个旧市 is a city)
        if etype in ("village", "community") and _MONEY_IN_NAME.search(name_part):
            return False  # 超百万元村, 亿元村: a class of villages by income, no name
        numeral = _NUMERAL_HEAD.match(name_part)
        if numeral is not None and name_part.startswith(self.unit_words, numeral.end()):
            return False  # “一刻钟社区服务圈”, 15分钟生活圈: a distance or a time names no place
        if numeral is not None and numeral.group() in ("一", "两", "几") \
                and name_part.startswith(self.measure_words, numeral.end()):
            return False  # 选准一条路, 两家医院: one or two of a kind counted (not 五道庙小区, 三道沟村)
        if len(name_part) == 2 and name_part[0] in _SMALL_NUMERALS and etype not in _GAZETTEER_TYPES \
                and etype != "enterprise" and not self._place_word(name_part):
            # (九鑫集团, 三元公司: a firm's brand may open on a numeral; 四川大学: a place's name may too)
            return False  # 创建“五好”园区, 三无小区: a slogan's numeral and quality name a kind (万盛经开区 is a name)
        if len(name_part) >= 2 and name_part[-1] == name_part[-2] and name_part[0] in CN_NUMERAL_CHARS:
            return False  # 一场场合作社分红大会: a reduplicated measure word counts bodies, names none
        full = name_part + suffix
        if full in self.generic or name_part in self.generic:
            return False
        if name_part.endswith("的") and etype not in _GAZETTEER_TYPES:
            return False  # “行走的医院”: a description before the type word, a nickname, no body's name
        if suffix in self.verb_not_before and (name_part in self.clause_heads or name_part[-2:] in self.clause_heads):
            return False  # (花果园)考虑|空间布局, 挤出|空间: a verb before a common word ends no body's name
        if name_part in self.suffix_type and etype not in _GAZETTEER_TYPES:
            return False  # 医院片区, 公司项目: a bare type word names no body (华西医院片区 does)
        if name_part[-1:] in self.not_before_suffix and not self._place_word(name_part):
            return False  # 居民群众对|市场: a preposition or adverb ends no name (成都|公积金中心 is a place's)
        if name_part.startswith(self.generic_heads):
            return False  # 某州、某县两级供销合作社: the bodies of several levels, no one name
        if self._communities_of(name_part, suffix):
            return False
        if self._not_inside_re.search(name_part):
            return False  # 区各专业市场: the markets of a district, no one name
        if etype == "place" and name_part.endswith(self.place_stem_not_ending):
            return False  # 台州市|路桥区: a chain of places, not a road named 台州市路
        endings = self.generic_by_suffix.get(suffix, ())
        index = self._generic_index_by_suffix.get(suffix, _NO_ENDINGS)
        if (etype in _NAMED_BODY_TYPES or suffix in self.kind_stripped or etype == "project") and endings \
                and index.ends(name_part):
            # 红叶种植专业合作社 is a name, 农民专业合作社 is not: a body's descriptors stripped, something must remain
            # (宜景菜市场 is a market, 菜市场 and 农贸市场 are kinds)
            rest = name_part
            while rest and rest not in self.generic:
                word = index.first(rest) or self._generic_endings_index.first(rest)
                if word is None:
                    # 下设|楼栋党小组: a verb before the descriptors is no name either
                    # (蔬|菜|批发市场: a market's name is two characters at least once its kind is stripped)
                    # (这片|桥下空间: one character left is a determiner's measure word, no name)
                    return rest not in self.boundary_words and rest[-2:] not in self.boundary_words \
                        and len(rest) >= 2 \
                        and rest[-2:] not in self.clause_heads and (etype != "project" or len(rest) >= 4) \
                        and (etype in _NAMED_BODY_TYPES or len(rest) >= 2 and rest[-1] not in self.not_before_suffix
                             and rest[-1] != "化")  # (还注重将|菜市场, 标准化|菜市场)
                rest = rest[:-len(word)]
                if word == "化" and len(rest) <= 2:
                    return False  # 集成化|空间, 标准化|工坊: an -ization adjective describes a kind, names no body
            return False
        if self._generic_ending(name_part) and not (
                etype == "project" and len(name_part) >= 4 and name_part.endswith(self.project_area_suffixes)
                and not name_part[:-1].endswith(self.generic_endings)) \
                and not (suffix in _BRANDED_SUFFIXES and self._named_company(name_part)):
            return False  # but 凤栖湖景观区项目, 滨江新区项目: a project named after its area
        if not index.ends(name_part):  # most names end in none: one call tells
            return True
        if etype not in ("compound", "community") or len(name_part) != 2:
            return False
        ending = max((w for w in endings if name_part.endswith(w)), key=len)
        # 老小区, 一个新小区: a one-character descriptor alone or after a numeral or determiner; 长新小区 and 晋新社区
        # are names
        return len(ending) == 1 \
            and name_part[0] not in CN_NUMERAL_CHARS and name_part[0] not in self.measure_words \
            and name_part[0] not in self.function_chars and name_part[0] not in _DETERMINERS

    def _chained_two_char(self, name_part: str, suffix: str) -> bool:
        """扬州市|杭集镇: right after its parent, a two-character name whose second character is a descriptor of the
        suffix (集镇, 城镇) is still a name when its first is none (not 扬州市|古城镇's kind words, nor 新|城镇)."""
        endings = self.generic_by_suffix.get(suffix, ())
        return len(name_part) == 2 and name_part[1] in endings and name_part[0] not in endings \
            and _HAN.match(name_part) is not None and name_part[0] not in self.function_chars \
            and name_part[0] not in CN_NUMERAL_CHARS and name_part[0] not in _DETERMINERS \
            and name_part not in self.generic and name_part + suffix not in self.generic

    def _communities_of(self, name_part: str, suffix: str) -> bool:
        """西安市社区党组织: the communities (villages) of an official city, county or town, not one named after it."""
        return suffix in ("社区", "村") and name_part.endswith(_BROAD_SUFFIXES) and self._place_word(name_part)

    def _recurring_boundary_name(self, text: str, run: str, suffix: str) -> tuple[str, bool] | None:
        """杭州未来科技城 (written three times): a boundary word that is no verb (未来) right before a body's suffix,
        after a place or a clean edge, opens the body's name when the text writes the two together again."""
        word = self._boundary_ends.first(run)  # (the longest, as the boundaries are ordered)
        if word is None or len(word) < 2 or word in self.clause_heads or word in self.time_before_back:
            return None  # (目前|大楼 written twice: a time word, then the building referred back to)
        if self._times(text, word + suffix) < 2:
            return None
        head = run[:-len(word)]
        if head and not any(self._place_word(head[-k:]) for k in (2, 3, 4) if len(head) >= k):
            return None
        return word, True

    def _whole_named_level(self, text: str, s0: int, suffix: str, etype: str, found: list[Mention]) -> bool:
        """全州新增库容…: 全 (or 本, 我) and a suffix that names a place only before a break refer back to the place
        of that suffix the text has named (文山州), as 全市 does to a city."""
        word = text[s0 - 1:s0]
        return bool(word) and word in self.step_back and text[s0 - 2:s0 - 1] not in self.back_not_after.get(word, ()) \
            and any(m.suffix == suffix and m.type == etype and not m.back_reference for m in found)

    def _place_word(self, word: str) -> bool:
        """Whether the gazetteer knows the word as a place or a place's short form (成都, 首都 is neither)."""
        gazetteer = self.gazetteer()
        return gazetteer is not None and (gazetteer.short_form_of(word) is not None or gazetteer.contains(word))

    def _named_company(self, name_part: str) -> bool:
        """某某印象服务有限公司 is a name, 物业服务有限公司 is not: with the trade words stripped, a name remains."""
        trades = self.generic_endings + self.generic_by_suffix.get("公司", ())
        rest = name_part
        while (word := next((w for w in trades if rest.endswith(w)), None)) is not None:
            rest = rest[:-len(word)]
        return len(rest) >= 2

    def _settle_unsure(self, found: list[Mention], unsure: list[tuple[int, int, str, str, str]]) -> list[Mention]:
        """Keep an unsure name when a clean mention of the text gives its left edge."""
        known = {m.name for m in found if m.clean and not m.back_reference}
        extra = []
        for _run_start, end, run, suffix, etype in unsure:
            for width in range(len(run), 1, -1):
                name = run[-width:] + suffix
                if name in known:
                    extra.append(Mention(end - len(name), end, name, etype, None, False, suffix=suffix))
                    break
        merged = sorted(found + extra, key=lambda m: (m.start, m.end))
        result: list[Mention] = []
        for m in merged:  # unsure names never overlap a sure one; drop the later of any overlap
            if result and m.start < result[-1].end:
                continue
            result.append(m)
        return result


@Language.factory("dangjian_entities", default_config={"extra_lexicon": None, "use_gazetteer": True},
                  assigns=["doc.user_data"])
def make_entity_finder(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None,
                       use_gazetteer: bool) -> EntityFinder:
    return EntityFinder(nlp, name, extra_lexicon, use_gazetteer)
