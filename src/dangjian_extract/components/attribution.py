"""Tie each metric to the entity it belongs to (``span._.entity``, guide §4).

In order:
1. a project or body that the metric describes (总投资3.85亿元的…项目);
2. the nearest place or body before the metric in its sentence that is the subject of its clause —
   written at the clause's start (东山阴村成立…农业合作社…游客100余人 → 东山阴村, not the cooperative);
3. one named after it when the sentence opens with the metric (3座大棚…走进…欧家城村);
4. for a figure inside a quotation, the place written right after it as the speaker's;
5. the place or body the passage is about: the nearest earlier mention that can be a subject, within the
   report and a few hundred characters, unless the text has stepped back to the report's level since
   (a subheading, or 全市/我县/市里 — which name the report's own place of that level, rule 5);
6. else the subject of the report the metric stands in (a page may hold two reports).

Which mentions can be subjects at all decides most of it: not the parent in a chain (福建省龙岩市|墩坑村),
not an item of a list, not a place inside a body's name or a person's title (龙岩市纪委监委有关负责人;
a village named in its secretary's title still is one, rule 6), not a place merely come from, passed or
compared with (来自福建省, 比某市), and no place broader than the report's subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any, NamedTuple

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import fields, register_extensions
from ..lexicon import alternation, lexicon_for
from ..normalize import PARAGRAPH_ENDS
from ..spans import CLAUSE_BREAK, clause_breaks, compile_fast, doc_text, sentence_breaks
from .entities import Mention, clause_head_words, mentions_of, ref_of
from .quantities import METRICS_KEY
from .sections import SECTIONS_KEY

_LOOK = 16  # mentions looked at on either side of a metric within its sentence
_PART_LOOK = 64  # mentions looked back at for the province a part of the report is set in
# a figure no passage rule placed goes to the nearest place or body below the district level named before it
# within this many characters, when the report writes that name at least _RECURRENT_TIMES times: a story the
# report keeps coming back to, not a name passed through
_RECURRENT_REACH = 1500
_CHILD_STORY_REACH = 1200  # characters back from a figure searched for the story of a place's own compound
_CONTAINING_PLACES = frozenset(("subdistrict", "community"))
_SCENE_OF_PLACE = 12  # characters of 的 and a noun after 在 and a place, up to a comma, that set a scene in it
_LOOK_AHEAD_KIND = 60  # characters after a figure searched for the word of its story's kind (小区党支部…)
_ABOVE_STORIES = frozenset(("province", "district", "enterprise", "organisation"))
_RECURRENT_TIMES = 3
_RECURRENT_TYPES = frozenset(("village", "community", "compound", "park", "place", "project", "enterprise",
                              "organisation"))
_NEXT_MARK = regex.compile(r"[^\p{Han}A-Za-z0-9·]")
_HAN = regex.compile(r"\p{Han}")
# quoted speech: a quotation within a paragraph that holds a clause break (not a quoted name, “时光益站”)
_OPEN_QUOTE = regex.compile("“")
_CLOSE_QUOTE = regex.compile("”")
_SPEECH = regex.compile(r"“[^“”\n]*?[，,。！？；：][^“”\n]*”")
_DEICTIC_HEADS = frozenset("这那此")  # 这里, 那里, 此里: here and there, not a level's office (市里)
_FIGURE_START = compile_fast(r"[0-9０-９]")
_SCOPE_HAS = compile_fast(r"(?:已|共|就|还|已经)?(?:有|拥有)(?:近|约|超过?|逾)?[0-9０-９]")
_SUPERLATIVE = compile_fast(r"(?:首|第一|唯一|最|率先)")
_NEWLINE = re.compile("\n")
#: the first person plural in a quotation: the speaker's own body acting
_WE = compile_fast(r"我们|咱们|我局|我司|(?<=“)公司")  # (“公司前线指挥部协调122辆…”某供电局党委书记介绍)
#: characters before 全县, 全市 that make it what a figure is compared with (占全县的, 居全市), not its scope
_COMPARED_WITH = frozenset("占居列排比较于")
#: what follows 全市 as the base of a share (以全市1%的土地, 全市三成的): no scope
_SHARE_OF = compile_fast(r"(?:的)?[0-9０-９一二三四五六七八九十两几百千万]")
_COUNT_AFTER_LIST = compile_fast(r"[0-9一二三四五六七八九十两]{1,3}(?:个)?(?:村|社区|镇|乡|家|个|市|县|区)")
_EPITHET_AFTER_ZAI = compile_fast(r"在[“\"][^”\"，。]{1,8}[”\"]?$")
_PEOPLE_COUNT = compile_fast(r"(?:近|约|超过?)?[0-9０-９.一二三四五六七八九十百千万两]+[万千百]?[多余]?")
_PLACES_COUNTED = compile_fast(r"[两三四五六七八九十]地")
_LISTED_AFTER_ZAI = compile_fast(r"在(?:[^\s，。；、,;]{2,12}、){1,6}$")
_DIVIDED_INTO = compile_fast(r"(?:划分|拆分|分)(?:成|为)[^，。；,;]{0,6}$")
#: a clause that opens on 其中 and runs to the end of the text searched (the metric's own clause)
# a clause opened by 其中 that runs on to the figure: [，,；;：:]其中[^，,；;。！？!?\n]*$ (_TextIndex.subset_clause)
_SUBSET_OPENERS = frozenset("，,；;：:")
_SUBSET_STOP = re.compile(r"[，,；;。！？!?\n]")
_COUNTED_LIST_END = compile_fast(r"等[0-9一二三四五六七八九十两几数]")
_HOUSE_NUMBER = compile_fast(r"[0-9０-９]{1,5}(?:-[0-9]{1,4})?号")
_LEVELS_AFTER = compile_fast(r"、(?:[省市州县区乡镇村街][、和]?){1,4}(?:两|二|三|四|五)级")
#: an enumerator opening a line or a clause ((一), （二）, 三、, 1.): no part of the clause's head
_ENUMERATOR = compile_fast(
    r"^(?:[（(][一二三四五六七八九十0-9]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.、．])\s*")
#: bodies (not places): one whose official speaks for it (某公司负责人告诉记者，他们…) did what 他们 did
_BODIES = frozenset(("enterprise", "organisation", "project", "park"))
#: what a subjectless sentence of the report's actor does not carry on (see _actor_sentence): a park or project
#: named before it (a company or body acts itself: 某农商银行围绕…。…开展适老性服务活动800多场)
_NOT_ACTORS = frozenset(("park", "project"))
_HAN_NAME = regex.compile(r"\p{Han}+")
# (某局党委书记|姜虹云介绍，17支党员突击队…: the official's name, then the body's own figures)
_SPEAKS_FOR = compile_fast(
    r"(?:\p{Han}{2,3}?)?(?:告诉记者|向记者介绍|介绍|表示|说)[，,：:](?:他们|我们|公司|企业|[0-9])")
_HAS = frozenset("有辖")
_COVERING = ("覆盖", "辐射", "遍布")
#: 农业银行红河分行2024年创新推出…: a year after a body dates what it does, no figure of its own
_YEAR_AFTER = compile_fast(r"(?:19|20)\d\d年")
#: ”陈旺说: a person's name alone closing a quotation, then a verb of speech
_TITLE_REACH = 8  # characters of a title looked at before a name
_SAYS_BEFORE_REACH = 12  # a name, an adverb and a speech verb before a quotation's opening
#: 4个村组成的白塘片区: what a count's places make up, named right after
_FORMED = regex.compile(r"\p{Han}{0,4}?(?:共同|联合)?(?:组成|构成|组建|合并成|合并为)(?:了)?的")
# its verb lies within _FORMED_REACH characters of where it is matched: where none is written there, no match
_FORMED_VERB = re.compile(r"组成|构成|组建|合并成|合并为")
_FORMED_REACH = 4 + 2 + 3  # (\p{Han}{0,4}, 共同 or 联合, the verb)
#: 太平街道将资金筹措、…, 横州市已在横州镇、…: 将/把 or an adverb after a mention make it the subject acting on a list
_DISPOSAL = frozenset("将把以已正还也均都共")
_FULL_STOP = compile_fast(r"[。！？!?]")
_SPEECH_END = compile_fast(r"[。！？!?；;\n“]")
_OPENERS = "“”‘’\"'「」『』（）() \u3000◆◇■□●○▲△★☆▶►•"  # (quotes, brackets, spaces and the bullets of a listed line)
_OWNER_GAP = frozenset("的这那笔共有达计")
_LAST_SENTENCE_STOP = re.compile(r".*[。！？!?\n]", re.S)  # matched up to the last one
_SENTENCE_REACH = 80
# 贡献了全市18%的GDP、22%的工业增加值以及98%的…: the shares listed after the first share of one base
_SHARE_LIST = re.compile(r"的?(?:[\d.]+[%％]的[^，。；、,;]{1,15}(?:、|以及|及|和))+")
_SHARE_ENDS = ("%", "％", "成")  # a share: 30%, 三成
_SUBHEAD_STORY_REACH = 600  # characters of the part below a subheading searched for its story's place
_SUBHEAD_CLAUSE_MARKS = frozenset("，,；;：:")
_SUBHEAD_STORIES = frozenset(("village", "community", "compound", "subdistrict", "enterprise", "organisation",
                              "project", "park", "place"))
_LIST_NEXT_REACH = 12
_FIGURE_AHEAD = re.compile(r"[^。；;！？!?\n等]{0,30}?\d")  # (not …等18个项目: a list closed by 等)
_PLACE_TYPES = frozenset(("province", "district", "subdistrict", "community", "village", "compound"))
_SENTENCE_END = frozenset("。！？!?；;…”\"")
_CLOSING_QUOTES = frozenset("”\"」』")
_QUOTE_CLOSES_SENTENCE = frozenset("。！？!?…")



#: administrative levels, broadest first (a park may sit at any level, so it is not ranked)
ADMIN_LEVELS = ("province", "district", "subdistrict", "community", "village")
#: an object ending in one of these counts places (村集体收益10万元以上的|村达1959个), no figure of one place
_PLACE_NOUN_ENDS = ("村", "社区", "镇", "乡", "嘎查")
_ADMIN_RANK = {"province": 0, "district": 1, "subdistrict": 2, "community": 3, "village": 3}
#: counts of places from this level down may be a group a place of theirs leads (a prefecture and its counties
#: share a type, so 7个县 given to a city is no group)
_GROUP_LEVEL = ADMIN_LEVELS.index("community")
#: levels whose name inside a title or a body's name is no subject (a village in its secretary's title still is)
#: places a paragraph may bring in as an example of the report's own measures
_STORY_PLACES = frozenset(("community", "village", "compound"))
#: places named in a figure's own sentence that the sentence speaks of (金弹子种植在栗溪村形成产业集群，…200多亩)
_STORY_VILLAGES = frozenset(("community", "village"))
#: places after 在 that are the scene of a story when the clause's actor names no place or body (工作队在某村建设…)
_LOCAL_PLACES = frozenset(("subdistrict", "community", "village", "compound"))
#: bodies whose story ends with their paragraph (该项目实现利润… | 据介绍，此次分红…: the village's again), unless
#: the report keeps naming them (深中通道, three times or more)
_PARAGRAPH_STORIES = frozenset(("project", "enterprise", "organisation"))
#: words that go back to a village without naming it (回村后, 村集体): its secretary's village is the story's
_VILLAGE_AGAIN = ("回村", "进村", "到村", "村里", "村集体", "全村", "本村", "该村")
#: verbs that bring a company in at a clause's start; its figures follow
_INTRODUCED = frozenset(("引进", "新引进", "成功引进"))
#: verbs of founding a company or farm: the one a person founds is the story's body from there on
_FOUNDED = ("建起", "创办", "办起", "创建", "成立了", "注册了", "组建", "创立", "领办", "成立")
_MOVED_INTO = ("住进", "搬进", "搬到", "迁入", "搬入", "入住")  # 住进县城的某社区: the new home opens a story
_FOUNDED_BY = ("创办的", "成立的", "创建的", "组建的", "领办的")  # 她成立的某某合作社
_FOUNDED_BY_REACH = 24  # characters of a clause that tells who founded the body after it
#: a village's or community's own leaders and people: the place in their title may still be the story's
_STORY_TITLES = ("书记", "主任", "村民", "居民", "党员", "业主", "住户")
#: places a quotation's speaker may be introduced by, as the person's post (某村党总支书记, 某商圈专属网格负责人)
_SPEAKER_PLACES = frozenset(("community", "village", "compound", "place"))
#: characters after a name that begin no predicate of it (a possessive, a list, a conjunction)
_NOT_PREDICATE_START = frozenset("的、和与及或")
#: what stands before a place written right before its own figure in a list of pairs
_PAIR_BEFORE = frozenset("、，, \u3000\n")
_LIST_OPENERS = ("其中", "“", "：", ":")  # what may open a list of places each with its figure
_COORDINATORS = frozenset(("与", "和", "同"))  # joining two actors of one clause (某村与某村等3村)
#: the rest of a list of departments counted after 等 (、民政部等8部门): its first item leads them
_LEAD_OF_DEPARTMENTS = compile_fast(
    r"(?:、\p{Han}{2,12}?)*等(?:\d+|[一二三四五六七八九十两几数]+)个?(?:部门|单位|部委)")
_ITEM_END = compile_fast(r"[、，,。；;！？!?\n]")  # (the first of them after a list item's figure)
_PAIRED_ITEM_REACH = 16  # characters of a list item's figure and noun before the 、 that ends it
_FIGURE_OPENING = compile_fast(r"[0-9０-９一二两三四五六七八九十百千万几]")
# a time alone before a sentence's first figure (当日上午,4台联合收割机开进某村麦地): the sentence still opens with it
_TIME_HEAD = compile_fast(r"(?:(?:当日|当天|当时|目前|如今|现在|次日|当晚|近日|日前|上午|下午|晚上|凌晨|早上|中午|"
                          r"[0-9０-９]{1,2}月[0-9０-９]{1,2}日|[0-9０-９]{1,2}日)[，,]?)+")
#: every character a sentence head may hold and still be empty of openers or a _TIME_HEAD
_HEAD_CHARS = re.compile("[" + re.escape("".join(sorted(set(_OPENERS) | set(
    "当日天时目前如今现在次晚近上下午凌晨早中月，,0123456789０１２３４５６７８９")))) + "]*")
# a date that opens a clause like 今年: 2024年全乡…, 截至6月11日全市…, 截至2023年底全县…
_YEAR_OPENER = compile_fast(
    r"(?:截至|截止到?|到)?(?:(?:(?:19|20)\d{2}年(?:以来|底|末|初|上半年|下半年|前三季度|全年|度)?)"
    r"|(?:(?:19|20)\d{2}年)?[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?(?:底|末|初|以来)?)[，,]?")
#: a time phrase that opens a clause (今年音乐会期间, 活动开展以来), its last character tried first
_TIME_PHRASE = compile_fast(r"[\p{Han}0-9]{0,10}(?:期间|以来|之际|前夕)[，,]?")
_TIME_PHRASE_LAST = frozenset("间来际夕，,")
_YEAR_OPENER_FIRST = frozenset("截到0123456789０１２３４５６７８９")  # what a match of _YEAR_OPENER opens with
_TITLED_LEVELS = frozenset(("province", "district", "subdistrict"))
#: types written after their place and 的 that are the subject of the clause (某社区的怡舍公寓里，…)
_OWNED_TYPES = frozenset(("compound", "place", "park", "project", "enterprise", "organisation"))
#: a report whose subject is a body (its headline names the body and no place) …
_BODY_SUBJECTS = frozenset(("enterprise", "organisation"))
#: … names provinces and counties as where the body stands, not as stories of their own
_BODY_LOCATIONS = frozenset(("province", "district"))
# report subjects under which a named place opening the figure's clause is its subject, though broader
_OPENED_SUBJECTS = frozenset(ADMIN_LEVELS) | _BODY_SUBJECTS
# each person linked to a place or body: name -> (where each link ends, the linked mention), in text order
_People = dict[str, tuple[list[int], list[int]]]


class _TextIndex:
    """Where a text's lines start and where a name is written, found once per text: a figure's paragraph and the
    last time a person was named before it are then a bisection, not a scan back through a text written as one
    line (where each scan would read the whole text, for every figure)."""

    __slots__ = ("_breaks", "_counts", "_marks", "_names", "_newlines", "_quotes", "_stops", "_subset", "_text")

    def __init__(self, text: str, clause_breaks: list[int]) -> None:
        self._text = text
        self._breaks = clause_breaks
        self._newlines = [m.start() for m in _NEWLINE.finditer(text)]
        self._names: dict[str, list[int]] = {}
        self._counts: dict[str | tuple[str, ...], int] = {}  # (text.count of a name; writes_any of a tuple)
        self._subset: list[int] | None = None  # where 其中 opens a clause, and where clauses break (on first use)
        self._stops: list[int] = []
        self._quotes: list[tuple[int, int]] | None = None  # the spans of quoted speech (on first use)
        self._marks: tuple[list[int], list[int]] | None = None  # where “ and ” stand (on first use)

    def paragraph(self, at: int) -> int:
        """``text.rfind("\\n", 0, at) + 1``."""
        k = bisect_left(self._newlines, at)
        return self._newlines[k - 1] + 1 if k else 0

    def speech(self, at: int) -> int:
        """The start of the quoted speech (“…”, a clause or more, within one paragraph) holding ``at``, or -1."""
        if self._quotes is None:
            self._quotes = [(q.start(), q.end()) for q in _SPEECH.finditer(self._text)]
        k = bisect_right(self._quotes, (at, len(self._text))) - 1
        return self._quotes[k][0] if k >= 0 and self._quotes[k][0] < at < self._quotes[k][1] else -1

    def quote_open(self, lo: int, hi: int) -> bool:
        """Whether ``text[lo:hi]`` opens more quotations (“) than it closes (”): two bisections, not two counts
        (a text of one long line holding many figures would make the counts quadratic)."""
        if self._marks is None:
            text = self._text
            self._marks = ([m.start() for m in _OPEN_QUOTE.finditer(text)],
                           [m.start() for m in _CLOSE_QUOTE.finditer(text)])
        opens, closes = self._marks
        return bisect_left(opens, hi) - bisect_left(opens, lo) > bisect_left(closes, hi) - bisect_left(closes, lo)

    def line_end(self, at: int) -> int:
        """``text.find("\\n", at)``."""
        k = bisect_left(self._newlines, at)
        return self._newlines[k] if k < len(self._newlines) else -1

    def starts(self, name: str) -> list[int]:
        """Every start of a non-empty name in the text, overlapping ones too (as rfind sees them)."""
        where = self._names.get(name)
        if where is None:
            where = self._names[name] = []
            pos = self._text.find(name)
            while pos >= 0:
                where.append(pos)
                pos = self._text.find(name, pos + 1)
        return where

    def last_break(self, at: int) -> int:
        """Where the last clause break (CLAUSE_BREAK) before ``at`` is, or -1."""
        k = bisect_left(self._breaks, at)
        return self._breaks[k - 1] if k else -1

    def count(self, name: str) -> int:
        """``text.count(name)``, counted once per name."""
        found = self._counts.get(name)
        if found is None:
            found = self._counts[name] = self._text.count(name)
        return found

    def writes_any(self, names: tuple[str, ...]) -> bool:
        """Whether the text writes any of the names (asked once per tuple: most texts write none of 全国, 我国)."""
        found = self._counts.get(names)
        if found is None:
            found = self._counts[names] = any(self.starts(name) for name in names)
        return bool(found)

    def last(self, name: str, lo: int, hi: int) -> int:
        """``text.rfind(name, lo, hi)`` for a non-empty name."""
        where = self.starts(name)
        k = bisect_right(where, hi - len(name)) - 1
        return where[k] if k >= 0 and where[k] >= lo else -1

    def subset_clause(self, lo: int, hi: int) -> bool:
        """Whether a clause opened by 其中 after ``lo`` runs on to ``hi`` (the pattern above, searched in
        ``text[lo:hi]``; its ``$`` also matches before a newline that ends the slice): the last 其中 written after
        an opener decides (an earlier one has that one's clause break after it, if any), by where the first clause
        break after it is."""
        if self._subset is None:
            text = self._text
            self._subset = [p for p in self.starts("其中") if p and text[p - 1] in _SUBSET_OPENERS]
            self._stops = [m.start() for m in _SUBSET_STOP.finditer(text)] if self._subset else []
        k = bisect_right(self._subset, hi - 2) - 1
        if k < 0 or self._subset[k] - 1 < lo:
            return False
        if self._text[hi - 1:hi] == "\n":
            hi -= 1
        j = bisect_left(self._stops, self._subset[k] + 2)
        return j == len(self._stops) or self._stops[j] >= hi


# what a topic opener and an enumerated line look like (see _topic_starts and _subheads)
_TOPIC_RUN = regex.compile(r"(?r)[\p{Han}、]*")
_TOPIC_PUNCT = frozenset("，,：:")
_NOT_TOPIC_END = frozenset("一两各多这那另每该此")
_TOPIC_SPACES = frozenset(" \t\u3000")
_TOPIC_OPENERS = frozenset("。！？；!?;\n")
_ENUMERATOR_HEAD = re.compile(r"([ \t\u3000]*)(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")
# (a dash pair opens a clause too: 规划复电方案——位于小区地下室的6台变压器)
_LAST_CLAUSE_BREAK = re.compile(rf".*(?:{CLAUSE_BREAK.pattern}|——|……)", re.S)
_LAST_BREAK = re.compile(rf".*{CLAUSE_BREAK.pattern}", re.S)  # the last CLAUSE_BREAK of a string, in one call
_BYLINE_LEAD = compile_fast(r"^[^，。,；;]{0,12}?讯\s*(?:[（(][^）)]{0,30}[）)])?\s*")
# (记者 某某), （通讯员：某某）: a byline in brackets ends before the clause it precedes, whatever it holds
_BYLINE_BRACKETS = re.compile(r"[（(][^（()）\n]{0,40}?(?:记者|通讯员)[^（()）\n]{0,40}[）)]")


def _clause_head(text: str, pos: int, floor: int, reach: int) -> str | None:
    """What stands between the clause's start and pos (quotes stripped); None when the clause starts further back."""
    lo = max(floor, pos - reach)
    head = text[lo:pos]
    last = _LAST_CLAUSE_BREAK.match(head)  # the last CLAUSE_BREAK of head, found in one call
    cut = last.end() if last is not None else None
    quote = head.rfind("”")
    if quote > 0 and head[quote - 1] in _QUOTE_CLOSES_SENTENCE and (cut is None or quote >= cut):
        cut = quote + 1  # …再把钢丝穿过去……”走进某某工坊: a quotation closed after its sentence end closes the clause
    if "记者" in head or "通讯员" in head:
        byline = max(_BYLINE_BRACKETS.finditer(head), key=lambda b: b.end(), default=None)
        if byline is not None and (cut is None or byline.end() > cut):
            cut = byline.end()
    if cut is None and lo > floor:
        return None
    head = head[cut or 0:].lstrip(" \u3000")
    if head[:1] in "（(一二三四五六七八九十0123456789":
        numbered = _ENUMERATOR.match(head)
        if numbered is not None:
            # (二)牧牛河村位于…: the enumerator opens the line, not a subject; 2、瑶溪茶庄园 瑶溪村以…: nor does the
            # item's title written before a space
            head = head[numbered.end():]
            head = head.rsplit(" ", 1)[-1].rsplit("\u3000", 1)[-1]
    head = head.strip(_OPENERS)
    # 西部决策网讯 鱼池乡蒲湾村…, 本报讯（记者 某某） …: a byline before the clause leaves its subject first
    return _BYLINE_LEAD.sub("", head, count=1) if "讯" in head else head


def _after_paragraph(text: str, pos: int) -> bool:
    """Whether a paragraph of the text ends right before ``pos`` (past spaces): the report's title lines have none."""
    last = pos - 1
    while last >= 0 and text[last].isspace():
        last -= 1
    return last >= 0 and text[last] in PARAGRAPH_ENDS


def _year_opener(head: str) -> bool:
    """Whether ``head`` is all a date that opens a clause like 今年 (_YEAR_OPENER, tried only on what it can open
    with)."""
    return head[:1] in _YEAR_OPENER_FIRST and _YEAR_OPENER.fullmatch(head) is not None


class _Chains(NamedTuple):
    """Per call (one component serves several threads): where each chain starts, and mentions by end offset."""

    start: dict[int, int]
    ends: dict[int, Mention]
    starts: list[int]  # every mention's start, in order (for bisection)
    own: frozenset[str]  # the names of the reports' own places (the sections' subjects)
    # _opens_clause by (start, end, type, floor): figures of one sentence ask it of the same mentions
    opens: dict[tuple[int, int, str, int], bool]


def _new_paragraph(text: str, lo: int, hi: int) -> bool:
    """Whether a paragraph that does not open with a quotation starts between lo and hi (a quoted paragraph
    goes on with the story of the one before it)."""
    at = text.find("\n", lo, hi)
    while at != -1:
        head = text[at + 1:at + 12].lstrip(" \t\u3000\u00a0")  # an indented line: its first character
        if head and head[0] != "\n" and head[0] not in "“\"「『":
            return True
        at = text.find("\n", at + 1, hi)
    return False


def _clause_start(clauses: list[int], at: int) -> int:
    """Where the clause holding ``at`` starts (after the last comma or sentence end, within 40 characters);
    ``clauses``: the offsets of every CLAUSE_BREAK of the text."""
    lo = max(0, at - 40)
    i = bisect_left(clauses, at) - 1
    return clauses[i] + 1 if i >= 0 and clauses[i] >= lo else lo


def _broader(mention: Mention, subject: tuple[Any, ...] | None) -> bool:
    if subject is not None and subject[1] in _BODY_SUBJECTS and mention.type in _BODY_LOCATIONS:
        return True  # a report on 某某集团: 山东临沂，一个不靠海的地方… is where the body stands, not a story
    if subject is None or mention.type not in ADMIN_LEVELS or subject[1] not in ADMIN_LEVELS \
            or mention.name == subject[0]:
        return False  # (上海市 as a province and as a city is one place)
    return ADMIN_LEVELS.index(mention.type) < ADMIN_LEVELS.index(subject[1])


def _named_head(mentions: list[Mention], body: Mention) -> str | None:
    """The place, named on its own in the report, that a body's name opens with (鄂尔多斯市|发展改革委)."""
    return next((m.name for m in mentions if m.type in _PLACE_TYPES and not m.back_reference
                 and len(m.name) < len(body.name) and body.name.startswith(m.name)), None)


def _named_place(m: Mention) -> bool:
    """A place named (not referred back to) that the gazetteer resolves, or a story's village, community or
    compound: a place a figure may describe."""
    return not m.back_reference and (m.path is not None or m.type in _STORY_PLACES)


class Attribution:
    """spaCy component: ``span._.entity`` on every metric."""

    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None) -> None:
        register_extensions()
        self.name = name
        self.lex = lexicon_for(extra_lexicon)
        data = self.lex.raw["entities"]
        self.subject_openers = tuple(data["subject_openers"])
        # the openers that are time words (今年, 目前): written after another opener, they still open the clause
        self._time_openers = tuple(w for w in data["attribution"].get("time_openers", ()) if w in self.subject_openers)
        self.described_types = frozenset(data["described_types"])
        self._verbs = compile_fast(alternation(w for w in data["left_boundaries"] if len(w) > 1))
        self.clause_heads = clause_head_words(data["name_edges"])
        cfg = data["attribution"]
        # (该公司, 这家企业: a body referred back to with a determiner is named again, and its story goes on; a
        # project's, 该项目, ends with its paragraph all the same)
        self._determiner_heads = frozenset(w[0] for w in data["bare_back_determiners"])
        # the type of a place by its one-character suffix (市 → district), for a place written only as the head
        # of a body's name (天水市|农业农村局)
        self.level_of_suffix = {w: t for t, words in data["suffixes"].items() if t in ADMIN_LEVELS
                                for w in words if len(w) == 1}
        self._title_after = compile_fast(alternation(cfg["title_after"]))
        self._person_after = compile_fast(alternation(cfg["person_after"]))
        self.not_a_person = tuple(cfg.get("person_after_not_before", ()))
        # a body's official right before a person's name (某公司负责人|陈旺): the titles of person_after, at the end
        self._title_before = compile_fast(
            f"(?:{alternation(list(cfg['person_after']) + list(cfg.get('speaker_titles', ())))})$")
        # (鲁布革乡党委联合…: any verb the entity finder knows, after a lead body, is its act)
        self._lead_body_acting = compile_fast(
            f"(?:{alternation(cfg['lead_bodies'])})"
            f"(?:{alternation(list(cfg['lead_body_acts']) + [w for w in data['left_boundaries'] if len(w) > 1])})")
        self._acting = compile_fast(alternation(cfg["lead_body_acts"]))
        self._passing_before = compile_fast(f"(?:{alternation(cfg['passing_before'])})$")
        self._passing_any = compile_fast(alternation(cfg["passing_before"]))
        self._share_before = compile_fast(f"(?:{alternation(cfg['passing_before'] + cfg['share_before'])})$")
        self.step_back = frozenset(cfg["step_back"])
        self.broader_back = frozenset(cfg.get("broader_back_references", ()))
        # 该州|尕让乡: a back-reference written before a name is its parent, found as a mention or not (该州 is
        # found only before a break): the name still opens its clause
        levels = sorted(w for t in ADMIN_LEVELS for w in data["suffixes"].get(t, ()) if len(w) == 1)
        self._determined_parent = re.compile(
            f"(?:{'|'.join(map(re.escape, sorted(self.step_back | self.broader_back)))})[{''.join(levels)}]")
        people = cfg.get("person_bodies", {})
        self._surnames = frozenset(people.get("surnames", ""))
        self._name_followers = frozenset(people.get("name_followers", ""))
        self._founding = compile_fast(alternation(people["founding"])) if people.get("founding") else None
        self._head_titles = tuple(sorted(people.get("titles", ()), key=len, reverse=True))
        self._place_head_titles = tuple(sorted(people.get("place_titles", ()), key=len, reverse=True))
        self._pronouns = frozenset(people.get("pronouns", ""))
        self._speech_after_name = compile_fast(alternation(cfg["speech_verbs"])) if cfg.get("speech_verbs") else None
        # 。“…”陈旺说: a name of two or three characters right before a speech verb closes a quotation
        # 鲁青海当场表示：“: a person's name, an adverb or none, a speech verb, then the quotation
        self._says_before = regex.compile(
            rf"(\p{{Han}}{{2,3}}?)(?:{alternation(cfg.get('speech_adverbs', ()))})?"
            rf"(?:{alternation(cfg['speech_verbs'])})[：:，,]?$") if cfg.get("speech_verbs") else None
        self._name_says = regex.compile(rf"(\p{{Han}}{{2,3}}?)(?:{alternation(cfg['speech_verbs'])})") \
            if cfg.get("speech_verbs") else None
        self.locative_ends = tuple(f"{w}的" for w in cfg.get("locative_ends", ()))
        self.source_words = tuple(cfg.get("source_after", ()))
        # 昆明市住建局有关负责人介绍，滇池绿道…: a department's spokesman gives its place's figures
        self.source_speakers = tuple(cfg.get("source_speakers_after", ()))
        national = cfg.get("national_scope", {})
        self.national_words = tuple(national.get("words", ()))
        self.national_bodies = frozenset(data.get("named_bodies", ()))
        self.national_titles = tuple(national.get("titles_after", ()))
        self.local_step_back = frozenset(cfg["step_back_if_report_level"])
        self.scene_openers = frozenset(cfg["scene_openers"])
        self.connectives = tuple(sorted(cfg.get("clause_connectives", ()), key=len, reverse=True))
        self.adjacency = tuple(cfg.get("adjacency_words", ()))
        self.actor_verbs = tuple(sorted(cfg.get("actor_verbs", ()), key=len, reverse=True))
        self._acting_adverbs = tuple(sorted(cfg.get("acting_adverbs", ()), key=len, reverse=True))
        self.scene_closers = tuple(cfg["scene_closers"])
        # 在某村的充电棚内，…: inside a place's or a body's premises the scene is set on it (not inside a programme
        # named in quotes: 在某村“周五课栈”里, an example of the report's own work)
        self.inside_scene_closers = tuple(cfg.get("inside_scene_closers", ()))
        self.scope_after = tuple(cfg.get("scope_after", ()))
        self.not_epithets = frozenset(cfg.get("not_epithets", ()))
        self.committees = tuple(cfg.get("committees", ()))
        self.visit_verbs = tuple(sorted(cfg.get("visit_verbs", ()), key=len, reverse=True))  # longest first
        self.object_owners = tuple(cfg.get("object_owners", {}).items())
        self._owner_words = tuple(w for w, _ in self.object_owners)  # (one startswith rules most objects out)
        self.place_classifiers = frozenset(cfg.get("counted_place_classifiers", ("个",)))
        self.visit_subject_max = int(cfg.get("visit_subject_max", 0))
        self.report_words = frozenset(data.get("bare_report_words", {}))
        self.passage_limit = int(cfg["passage_limit"])
        self.subhead_max = int(cfg["subhead_max_length"])
        # 招商引资方面，…: a sentence opened by a short topic starts a new part of the report, and so does a line
        # that opens with an enumerator (（二）聚力项目提速…, 三、…) — found by _topic_starts and _subheads: the
        # marks by str.find, the enumerators at line starts (a pattern tried at every position cost 10x)
        self._topics_on = bool(cfg.get("topic_marks"))
        self._topic_marks = tuple(sorted({str(w) for w in cfg.get("topic_marks", ()) if w}))
        self.sentence_end = frozenset(data["sections"]["sentence_end"])
        self.counted = {w: ADMIN_LEVELS.index(t) if t in ADMIN_LEVELS else len(ADMIN_LEVELS) - 1
                        for w, t in cfg["counted_units"].items()}
        self._counted_re = compile_fast(alternation(self.counted))
        # the units a figure that counts places is written with (_counted_level is None for any other)
        self._counting_units = frozenset(self.counted) | self.place_classifiers
        self.counted_not_before = frozenset(cfg.get("counted_level_words", ""))
        self._counted_longest = max(map(len, self.counted), default=0)
        self._counted_noun = regex.compile(
            rf"\p{{Han}}{{1,6}}?({alternation(self.counted)})(?=[之中的等，。、,；;和与及（(]|$)")
        self.not_followed_by = {k: frozenset(v) for k, v in data["not_followed_by"].items()}
        self.list_closers = tuple(cfg["list_closers"])
        self.village_speakers = tuple(cfg["village_speakers"])
        # “…”某厂党委副书记说，“…10个团队…”: the speaker written between the two parts of one quotation
        self._resumed_quote = compile_fast(
            rf"(?:{alternation(cfg.get('speech_verbs', ()))})[，,：:]$") if cfg.get("speech_verbs") else None
        self.neighbours = tuple(cfg["neighbours"])
        self.causatives = tuple(cfg.get("causatives", ()))
        # 建起了|600多平方米的稻米加工厂: a verb that makes the thing the figure measures (its object, not its subject)
        # (a complement, one of a kind, and an approximating word may stand between the verb and the figure)
        self._making = compile_fast(
            rf"(?:{alternation(cfg['making_verbs'])})(?:了|起了|成了)?(?:一座|一个|一处|一家|一条|一批)?[近约超逾]?$") \
            if cfg.get("making_verbs") else None
        self.stationed = tuple(cfg["stationed"])
        self.stationed_words = tuple(cfg.get("stationed_words", ()))
        self.source_before = frozenset(cfg.get("source_before", ()))
        # 从某村|到某村: a place after 从 opens a route only where 到/至 follows within the clause
        self._route_close = compile_fast(r"[^，,。；;！？!?]{2,16}?[到至]")
        # 昆明至临沧铁路: two places joined by 至/到 right before one of these name a route, not a subject
        self.route_words = tuple(cfg.get("route_words", ()))

    @staticmethod
    def _pair_items(text: str, mentions: list[Mention], metric_spans: list[Any]) -> set[int]:
        """The places of a list of pairs (其中宝影花园9部,财大家属院1部; 丰乐村50万元、夏桐村15万元): each written
        right before its own figure, the list opened by 其中 or by the pair before it."""
        starts = {span.start_char for span in metric_spans}
        ends = {span.end_char for span in metric_spans}
        items = set()
        for i, m in enumerate(mentions):
            if m.back_reference or m.type not in _STORY_PLACES or m.end not in starts:
                continue
            j = i
            while j > 0 and mentions[j - 1].end == mentions[j].start:
                j -= 1  # the chain's first member
            pos = mentions[j].start
            if text.endswith("其中", 0, pos) or text[pos - 1:pos] in _PAIR_BEFORE and pos - 1 in ends:
                items.add(i)
        return items

    def _owner_type(self, obj: str | None) -> str | None:
        """村集体经济 → village: the type of place an object's own words say it belongs to."""
        if not obj or not obj.startswith(self._owner_words):
            return None
        return next((t for w, t in self.object_owners if obj.startswith(w)), None)

    def _owner_type_at(self, text: str, lo: int, hi: int) -> str | None:
        """_owner_type of text[lo:hi], without the slice when no owner word opens it."""
        if lo >= hi or not text.startswith(self._owner_words, lo, hi):
            return None
        return self._owner_type(text[lo:hi])

    def _counted_noun_after(self, text: str, end: int) -> regex.Match[str] | None:
        """self._counted_noun matched at ``end``: tried only where a counted word is written within its reach (it
        opens one to six characters on)."""
        if self._counted_re.search(text, end + 1, end + 6 + self._counted_longest) is None:
            return None
        return self._counted_noun.match(text, end)

    def _counted_level(self, text: str, span: Span) -> int | None:
        """14个行政村 → the village level: the figure counts places of that level."""
        unit = fields(span).unit
        if unit not in self._counting_units:
            return None  # 7名社区干部: cadres of a community, not a count of communities
        if text.endswith(self.neighbours, 0, span.start_char):
            return None  # 牵头周边三个乡镇合作社, 销到周边5个乡镇: places around the story's, not the report's
        if unit in self.counted:
            return self.counted[unit]
        m = self._counted_re.match(text, span.end_char)
        if m is None:
            # 助推19个软弱涣散村和53个…村(社区): the counted noun after its descriptors
            noun = self._counted_noun_after(text, span.end_char)
            return self.counted[noun.group(1)] if noun is not None else None
        word = m.group()
        if text[m.end():m.end() + 1] in self.not_followed_by.get(word, ()) \
                or len(word) == 1 and text[m.end():m.end() + 1] in self.counted_not_before:
            return None  # (6个省级园区: parks of a level, no count of provinces)
        return self.counted[word]

    # -- which mentions can be subjects --------------------------------------------------------------

    def _can_be_subject(self, text: str, mentions: list[Mention], i: int, chains: _Chains) -> bool:
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if m.type == "place" and _HOUSE_NUMBER.match(text, m.end):
            return False  # 马坝镇富康路121号有一家小卖铺: an address, whose place is the road's parent
        if nxt is not None and nxt.start == m.end and not (nxt.type == "place"
                                                            and _HOUSE_NUMBER.match(text, nxt.end)):
            return False  # the parent in a chain: 龙岩市|武平县
        if m.back_reference:
            # (覆盖全区688片…: the scope a body's work covers is no subject; nor is 占北京全市总量 a base compared with)
            if text.endswith(_COVERING, max(0, m.start - 2), m.start):
                return False
            if text[m.start] in self.step_back and text[m.start - 1:m.start] in self.source_before:
                return False  # 某公司从全省紧急抽调55名…: where people are drawn from, not the sentence's subject
            first = chains.start.get(m.start, m.start)
            if first == m.start:
                return True
            head = text[max(0, first - 4):first]
            last = _LAST_BREAK.match(head)
            return not self._passing_before.search(head[last.end() if last is not None else 0:])
        if m.type in _TITLED_LEVELS and self._title_after.match(text, m.end) \
                and not self._lead_body_acting.match(text, m.end):
            return False  # 龙岩市纪委监委有关负责人, 黑龙江省委组织部副部长 (not 南区街道党工委作为…)
        person = self._person_after.match(text, m.end)
        if person is not None and not text.startswith(self.not_a_person, person.end()) \
                and not (m.type in _STORY_PLACES and person.group().endswith(_STORY_TITLES)) \
                and not (m.type in _BODIES and _SPEAKS_FOR.match(text, person.end())):
            # 某某局干部黄某: a person's affiliation (not 下庄村村民人均收入, the villagers' figures; nor 某村党支部
            # 书记马某 or 东门村村民赵平, whose village is still the story's: guide §4 rule 6)
            return False
        if text.startswith(self.stationed, m.end) and not text.startswith(self.stationed_words, m.end):
            # (来到某某社区驻点: someone stationed at the place, which stays the story's)
            return False  # 奎屯市科技局驻梧桐树村工作队: the unit that sends a team, not the team's place
        first = chains.start.get(m.start, m.start)
        head = text[max(0, first - 4):first]
        last = _LAST_BREAK.match(head)
        cut = last.end() if last is not None else 0
        if self._passing_before.search(head[cut:]):
            return False  # 来自福建省, 距泸水市, 来自北京|西城区 (read before the chain)
        if self._route_end(text, chains.start.get(m.start, m.start)):
            return False  # 公路从新峰村到迎春村全长1.5公里: the ends of a route are passed through
        if self.route_words and self._route_named(text, mentions, i):
            return False  # 昆明至临沧铁路实现全程高速: the ends of a route named by them
        if self._adjacent(text, m, chains):
            return False  # 东与钟家堡村、大木古峪村相邻: a neighbour, no story
        if self._located(text, m, chains) and not self._own_place_opens(text, m, chains):
            return False
        if nxt is not None and nxt.start == m.end + 1 and text[m.end] == "的" and self._list_item(text, nxt):
            return False  # 某镇的某公司和某镇的某公司等3家企业: the place of a list's item is part of the item
        pos = chains.start.get(m.start, m.start)
        if self.causatives and text.endswith(self.causatives, max(0, pos - 4), pos):
            return True  # 如为牛车坪村新建办公楼1栋、篮球场1个: the place things are built for, no item of a list
        return not self._list_item(text, m, nxt.start if nxt is not None else None)

    @staticmethod
    def _own_place_opens(text: str, m: Mention, chains: _Chains) -> bool:
        """类似情况，在永川并不鲜见，已有的34个城市社区中…: the report's own place after 在, opening a sentence that
        names no actor before it, is what the sentence is about (not 某社区…，在欣荣小区内组建…, where the
        sentence's subject acts there)."""
        pos = chains.start.get(m.start, m.start) - 1
        if m.name not in chains.own or _clause_head(text, pos, 0, 12) != "":
            return False
        s0 = max(text.rfind(ch, max(0, pos - 200), pos) for ch in "。！？!?\n") + 1  # (a bounded look back)
        return bisect_left(chains.starts, s0) == bisect_left(chains.starts, pos)

    def _scope(self, text: str, m: Mention, chains: _Chains) -> bool:
        """在怒江州各地蓬勃发展，新增岗位1152个; 已在某区224个村社推广应用，累计受理…: a place written as the scope
        of its sentence's figures (before a word of scope, or right before a figure)."""
        pos = chains.start.get(m.start, m.start)
        if _PLACES_COUNTED.match(text, m.end) and _LISTED_AFTER_ZAI.search(text, max(0, pos - 60), pos):
            return True  # 已在建德市、淳安县两地的15个村推广: the places listed after 在 and counted
        if text[pos - 1:pos] != "在":
            return False
        if text.startswith(self.scope_after, m.end) or _FIGURE_START.match(text, m.end) is not None \
                or _SCOPE_HAS.match(text, m.end) is not None:
            return True  # (这样的驿站在扬州有1300多个: what the place holds)
        if text[m.end:m.end + 1] == "的" and (pos < 2 or CLAUSE_BREAK.match(text, pos - 2) is not None):
            # ，在和谐社区的工位增加了80个: the place's own thing, counted in the same clause (not 该公司在某村的
            # 加工厂…: a place where the clause's subject works)
            brk = CLAUSE_BREAK.search(text, m.end, m.end + 30)
            return brk is not None and _FIGURE_START.search(text, m.end, brk.start()) is not None
        return False

    def _located(self, text: str, m: Mention, chains: _Chains) -> bool:
        """在田庄村设立医保分中心: a place where the report's actor does something, not the actor.

        A scene set on the place (在某村整村搬迁中，…) opens a story on it, and is no such place."""
        pos = chains.start.get(m.start, m.start)
        if text[pos - 1:pos] != "在" or text[m.end:m.end + 1] in ("，", ",", ""):
            return False
        if self._scope(text, m, chains):
            return False  # 在怒江州各地…: the figure's scope
        if m.type in _LOCAL_PLACES and self._acted_in_by_others(text, pos - 1, chains):
            return False  # 金弹子种植在栗溪村形成产业集群, 工作队在祝家湾村建设了2个种鸡场: the village's own story
        brk = CLAUSE_BREAK.search(text, m.end, m.end + 40)
        if m.type in _STORY_PLACES and brk is not None and text[m.end:m.end + 1] == "的" \
                and text[brk.start():brk.start() + 1] in "，," and brk.start() - m.end <= _SCENE_OF_PLACE:
            return False  # 在某乡某村的水产养殖基地，又是另外一番景象: a scene in the place, its story
        return brk is None or text[brk.start():brk.start() + 1] not in "，," \
            or not text[m.end:brk.start()].endswith(self.scene_closers) \
            and not (text[m.end:brk.start()].endswith(self.inside_scene_closers)
                     and (m.type in _OWNED_TYPES or "“" not in text[m.end:brk.start()]))

    @staticmethod
    def _acted_in_by_others(text: str, zai: int, chains: _Chains) -> bool:
        """Whether the clause before 在 (at ``zai``) names its actor without a place or body (金弹子种植, 工作队,
        夫妻二人): then the place after 在 is the scene the story is about, not where the report's actor works
        (在田庄村设立…, 某公司在某村建起…)."""
        head = _clause_head(text, zai, 0, 16)
        if not head:
            return False
        i = bisect_left(chains.starts, zai - len(head))
        return not (i < len(chains.starts) and chains.starts[i] < zai)

    def _local_back(self, text: str, m: Mention, region: list[Mention], subject: tuple[Any, ...] | None) -> bool:
        """村里, 该村, 这里: a back-reference to the story's own place (not 全市, which steps back)."""
        if not m.back_reference or self._is_step_back(text, m, region, subject):
            return False
        # 该村, 这里, 村里 — not 村党组织, which may be any village's
        return text[m.start:m.start + 1] in "该本此这" or text[m.end:m.end + 1] in "里内上"

    def _is_step_back(self, text: str, m: Mention, region: list[Mention], subject: tuple[Any, ...] | None) -> bool:
        """全市, 我县, 本市, 市里: the report's own place of that level, not the last place of the story."""
        if not m.back_reference:
            return False
        word = text[m.start:m.end]
        if word == m.name and word in self.report_words:
            return True  # a bare 社区 in a report on a community
        if word[:1] == "全" and m.type in _STORY_PLACES:
            return False  # 全村, 全社区 (guide §4 rule 3, not rule 5): the story's village, like 该村
        if word[:1] in self.local_step_back:
            # 本村, 我村 in a county report: the report has no village, so the words name the story's
            return any(r.type == m.type for r in region) or (subject is not None and subject[1] == m.type)
        # (市里, 县里 step back; 这里 points at the place just named, unless that is one of the report's own places:
        # 浙江慈溪…这里有2000多家 in a report on 丹阳 is 慈溪's, …赤峰市中部…这里 on 翁牛特旗 is the report's)
        return word[:1] in self.step_back or word.endswith("里") and len(word) <= 3 and m.type in _TITLED_LEVELS \
            and (word[:1] not in _DEICTIC_HEADS or any(r.name == m.name for r in region)
                 or subject is not None and m.name in (subject[5] or ()))

    # -- the sentence ----------------------------------------------------------------------------------

    def _sentence_subject(self, text: str, before: range, after: range, s0: int, s1: int, span: Span,
                          chains: _Chains, mentions: list[Mention], eligible: Callable[..., bool],
                          region: list[Mention], subject: tuple[Any, ...] | None, index: _TextIndex) -> int | None:
        formed = _FORMED.match(text, span.end_char) \
            if _FORMED_VERB.search(text, span.end_char, span.end_char + _FORMED_REACH) else None
        if formed is not None:
            # 白塘村和南新村等4个村组成的白塘片区: the places counted make up the body or area named after them
            k = next((k for k in after if mentions[k].start == formed.end()), None)
            if k is not None and eligible(k):
                return k
        if text[span.end_char:span.end_char + 1] == "的" and not (
                self._making is not None and self._making.search(text, max(s0, span.start_char - 10),
                                                                span.start_char)):
            # (建起了600多平方米的稻米加工厂: what the clause's subject made, measured, is still the subject's)
            described = self._described(text, [mentions[k] for k in after], span)
            if described is not None:
                return after[described]
        if before and self._share_base(text, mentions[before[-1]], span):
            before = before[:-1]  # 以全市1%的土地面积, 占全县30%: the place is the base of a share, not its owner
        if before:
            k = before[-1]
            m = mentions[k]
            gap = text[m.end:span.start_char]
            if len(gap) <= 2 and _OWNER_GAP.issuperset(gap) and (
                    m.type in _PLACE_TYPES and (eligible(k) or (self._counts_below(text, span, m) or not gap and (
                        self._passing_any.search(_clause_head(text, m.start, s0, 40) or "") is None))
                                                and eligible(k, None))
                    or m.type == "park" and eligible(k) and self._counted_level(text, span) is not None):
                # 弄清墩坑村这笔12.84万元, 全村4.05万亩: the place right before a figure owns it; so does a place
                # broader than the report's written right against it (兴化市三大主导产业) or when the figure counts
                # places under it (某某乡14个低收入村之一), and an
                # area or park right before a count of places it holds (某某片区的5个村之一)
                return k
            if not gap and m.type in _PLACE_TYPES and not m.back_reference and not _broader(m, subject) \
                    and (text[m.start - 1:m.start] in _PAIR_BEFORE
                         or text.endswith(_LIST_OPENERS, 0, m.start) and text[span.end_char:span.end_char + 1] == "、"
                         or self._paired_next(text, mentions, k, span)) \
                    and not (k and mentions[k - 1].end == m.start - 1 and text[m.start - 1] == "、"):
                # (not 甘溪村、…、复兴村6村: a list of places, then the count of the list)
                # (its first item after 其中 or a quotation's opening: 其中吉阳区26个、天涯区57个)
                return k  # 丰乐村50万元、夏桐村15万元、…: a list of places each with its figure
            owner = self._object_owner(text, mentions, before, span, s0, eligible, index)
            if owner is not None:
                return owner
        for k in reversed(before):
            m = mentions[k]
            # 为了帮助村里120多户群众: a back-reference (村里, 该村) names the story's place wherever it stands
            if m.end <= span.start_char and eligible(k) and (self._local_back(text, m, region, subject)
                                                              or self._opens_clause(text, m, s0, chains)
                                                              or self._described_topic(text, m)
                                                              or self._scope(text, m, chains)
                                                              or self._caused(text, m, span.start_char, chains)):
                head = self._relative_head(text, mentions, k, before, span.start_char, eligible)
                if head is None and m.back_reference and m.name != text[m.start:m.end]:
                    head = self._broader_opener(text, mentions, k, before, s0, chains, eligible)
                return k if head is None else head
            if m.back_reference and m.end <= span.start_char and eligible(k) \
                    and not CLAUSE_BREAK.search(text, m.end, span.start_char) \
                    and not self._passing_before.search(text, max(0, m.start - 4), m.start) \
                    and self._is_step_back(text, m, region, subject) \
                    and (m.name != text[m.start:m.end] or self._opens_clause(text, m, s0, chains)):
                # (在全区…体系的基础上增设1名 in a report that names no district: the subject is the report's)
                return k  # 带动全乡养殖431户: 全乡 in the figure's own clause names the report's township
        if before:
            k = before[-1]
            m = mentions[k]
            if m.start >= s0 and m.type in _STORY_VILLAGES and not m.back_reference \
                    and not self._from_place(text, chains.start.get(m.start, m.start)) and eligible(k):
                # 金弹子种植在栗溪村形成产业集群，基地产业园达200多亩: a village or community named in the figure's
                # own sentence, the last place before it, is what the sentence speaks of (guide §4 rule 3: another
                # is named); not one water or goods come from (从附近铁甲村调来)
                return k
        # (the head can be empty or a time word only if every character is an opener's or a time word's: one
        # anchored match reads up to the first other character, not the whole sentence on text without stops)
        if _HEAD_CHARS.match(text, s0, span.start_char).end() < span.start_char:
            return None
        head = text[s0:span.start_char].strip(_OPENERS)
        if not head or _TIME_HEAD.fullmatch(head):
            # 3座钢构大棚…走进陕西省渭南市…欧家城村: the sentence opens with the metric; the first chain names it
            line_end = text.find("\n", span.end_char, s1)  # (a subheading's figure: no name on the next line)
            end = s1 if line_end < 0 else line_end
            rest = [k for k in after if span.end_char <= mentions[k].start and mentions[k].end <= end]
            i = 0
            while i + 1 < len(rest) and mentions[rest[i + 1]].start == mentions[rest[i]].end:
                i += 1
            if rest and eligible(rest[i]) and not self._made_by_verb(text, mentions[rest[i]], chains):
                return rest[i]
        return None

    def _paragraph_opener(self, text: str, m: Mention, para: int, chains: _Chains) -> bool:
        """近年来，浙江省全面推行田长制…。6万多名…: a broader place opening its paragraph's first clause (past a time
        opener) speaks for the sentences after it in the paragraph too."""
        first = chains.start.get(m.start, m.start)
        head = text[para:first].strip(_OPENERS).rstrip("，,")
        return not head or head in self.subject_openers or _year_opener(head)

    @staticmethod
    def _paired_next(text: str, mentions: list[Mention], k: int, span: Span) -> bool:
        """建成磴口县3万亩耐盐苜蓿、杭锦旗千亩…: the list's next item, after 、, is a place of the same type right
        against its own figure; so the first item's place owns its figure, as the others do."""
        comma = _ITEM_END.search(text, span.end_char, span.end_char + _PAIRED_ITEM_REACH)
        if comma is None or comma.group() != "、":
            return False
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        return nxt is not None and nxt.start == comma.end() and nxt.type == mentions[k].type \
            and _FIGURE_OPENING.match(text, nxt.end) is not None

    def _from_place(self, text: str, start: int) -> bool:
        """Whether the place written at ``start`` is where something comes from or goes to (从附近|铁甲村调来)."""
        head = text[max(0, start - 4):start]
        for word in self.neighbours:
            if head.endswith(word):
                head = head[:-len(word)]
                break
        return head[-1:] in self.source_before

    @staticmethod
    def _described_topic(text: str, m: Mention) -> bool:
        """常住人口不到40万的武隆区，接待…: a place described by the phrase before it and closed by a comma is the topic
        the next clauses speak of."""
        return text[m.start - 1:m.start] == "的" and text[m.end:m.end + 1] in (",", "，") and _named_place(m)

    def _share_base(self, text: str, m: Mention, span: Span) -> bool:
        """Whether ``m`` is the base of the share right after it (占全市的30%, 以全市1%的土地面积, 贡献了全县18%的)."""
        if not text.endswith(_SHARE_ENDS, span.start_char, span.end_char):
            return False
        gap = text[m.end:span.start_char]
        return (gap in ("", "的") or _SHARE_LIST.fullmatch(gap) is not None) \
            and self._share_before.search(text, max(0, m.start - 4), m.start) is not None

    @staticmethod
    def _only_story(mentions: list[Mention], lo: int, k: int, subject: tuple[Any, ...] | None) -> int | None:
        """The last mention of the one story place (village, community, compound) named in mentions[lo:k], when
        the section names exactly one such place and the report's subject is a place above it."""
        if subject is None or subject[1] not in ADMIN_LEVELS:
            return None
        names = {mentions[x].name for x in range(lo, k) if mentions[x].type in _STORY_PLACES}
        if len(names) != 1:
            return None
        return next((x for x in range(k - 1, lo - 1, -1) if mentions[x].type in _STORY_PLACES
                     and not mentions[x].back_reference), None)

    def _national_scope(self, text: str, s0: int, at: int, after: int, starts: list[int],
                        subject: tuple[Any, ...] | None, index: _TextIndex) -> bool:
        """Whether the figure's sentence opens a clause on 全国 (全国建成…, 全国各类返乡创业人员…) with no place named
        between it and the figure (not 全国文明村 or 全国人大代表, titles)."""
        word = self.national_words
        if not word:
            return False
        pos = max(index.last(w, s0, at) for w in word) if index.writes_any(word) else -1
        if pos < 0:
            return False
        head = _clause_head(text, pos, s0, 12)
        if head is None or not (head == "" or _TIME_HEAD.fullmatch(head) or _year_opener(head)):
            return False  # (2024年全国农村地区举行的…: a year opens the clause as a day does)
        end = pos + 2
        if text.startswith(self.national_titles, end):
            return False
        if bisect_left(starts, end) != bisect_left(starts, at):
            return False
        # 我国近85%的潮玩产自东莞: a place named after the figure in its clause (the report's, perhaps by its short
        # form) owns the share
        stop = CLAUSE_BREAK.search(text, after)
        stop_at = stop.start() if stop else len(text)
        if subject is not None and len(subject[0]) > 2 and text.find(subject[0][:2], after, stop_at) >= 0:
            return False
        return bisect_left(starts, after) == bisect_left(starts, stop_at)

    def _broader_opener(self, text: str, mentions: list[Mention], k: int, before: range, s0: int,
                        chains: _Chains, eligible: Callable[..., bool]) -> int | None:
        """云阳县将村里闲置的校舍…改造，建起了380个: a bare 村里 inside a clause opened by a place above its level
        speaks of that place's villages in general; the opener is the subject."""
        m = mentions[k]
        for x in range(k - 1, before.start - 1, -1):
            y = mentions[x]
            if y.end > m.start or CLAUSE_BREAK.search(text, y.end, m.start) is not None:
                return None
            if not y.back_reference and y.type in ADMIN_LEVELS and m.type in ADMIN_LEVELS \
                    and _ADMIN_RANK.get(y.type, 9) < _ADMIN_RANK.get(m.type, 9) \
                    and eligible(x) and self._opens_clause(text, y, s0, chains):
                return x
        return None

    @staticmethod
    def _relative_head(text: str, mentions: list[Mention], k: int, before: range, at: int,
                       eligible: Callable[..., bool]) -> int | None:
        """某集团下属的某公司与某片区联合运营的某有限公司，通过…实现营业收入…: the clause that opens on a mention
        ends on the body it describes (…的 + name, then a comma); that body is the subject, the mention its modifier."""
        for x in range(k + 1, before.stop):
            y = mentions[x]
            if y.end > at or CLAUSE_BREAK.search(text, mentions[k].end, y.start) is not None:
                return None
            if text[y.start - 1:y.start] == "的" and text[y.end:y.end + 1] in ("，", ",") \
                    and y.type in _BODIES and not y.back_reference and eligible(x):
                return x
        return None

    def _caused(self, text: str, m: Mention, at: int, chains: _Chains) -> bool:
        """大理州指导剑川县收集整理…楹联200余副: a place right after a verb that makes it act (指导, 帮助, 同意) is the
        subject of the clause it acts in, when the figure stands in that clause."""
        if not self.causatives or m.type not in _PLACE_TYPES:
            return False
        pos = chains.start.get(m.start, m.start)
        return text.endswith(self.causatives, max(0, pos - 4), pos) and not CLAUSE_BREAK.search(text, m.end, at)

    def _counts_below(self, text: str, span: Span, m: Mention) -> bool:
        """Whether the figure counts places of a level under the mention's (刘斌堡乡|14个低收入村)."""
        if m.type not in ADMIN_LEVELS:
            return False
        level = self._counted_level(text, span)
        if level is None:
            # 14个低收入村之一, 3个重点镇中: the counted noun with its descriptors
            noun = self._counted_noun_after(text, span.end_char)
            level = self.counted[noun.group(1)] if noun is not None else None
        return level is not None and ADMIN_LEVELS.index(m.type) < level

    def _made_by_verb(self, text: str, m: Mention, chains: _Chains) -> bool:
        """7个社区均建立了微信公众号平台: a body written as what a verb makes or joins is no subject."""
        if m.type in _PLACE_TYPES:
            return False
        pos = chains.start.get(m.start, m.start)
        head = text[max(0, pos - 6):pos].removesuffix("了")
        return any(head.endswith(v.group()) for v in self._verbs.finditer(head))

    @staticmethod
    def _object_owner(text: str, mentions: list[Mention], before: range, span: Span, s0: int,
                      eligible: Callable[[int], bool], index: _TextIndex) -> int | None:
        """带动西渠头村集体经济增收近40万元: the place written right before what the figure measures owns it."""
        obj = fields(span).object
        if not obj:
            return None
        # written in the figure's own clause: after the last clause break (as found, then no break after it)
        pos = text.rfind(obj, max(s0, index.last_break(span.start_char) + 1), span.start_char)
        if pos < 0:
            return None
        for k in reversed(before):
            m = mentions[k]
            if m.end <= pos - 2 and m.start != pos:
                return None
            if m.type in _PLACE_TYPES and (m.end == pos or m.end == pos - 1 and text[m.end] == "的") and eligible(k):
                return k
            if m.type not in _PLACE_TYPES and not m.back_reference and eligible(k) and (
                    m.end == pos or m.end == pos - 1 and text[m.end] == "的"
                    or m.start == pos and m.end - m.start < len(obj)):
                return k  # 大士院街区旅游人次93.41万, 某湿地的生态文旅产业年营收: a body or area's own measure
        return None

    def _described(self, text: str, mentions: list[Mention], span: Span) -> int | None:
        """总投资3.85亿元的高精度伺服电机项目: the metric describes the project or body named after 的, or the place
        named right after it."""
        if text[span.end_char:span.end_char + 1] != "的":
            return None
        for i, m in enumerate(mentions):
            if m.start == span.end_char + 1 and m.type in _PLACE_TYPES and _named_place(m) \
                    and not (i + 1 < len(mentions) and mentions[i + 1].start == m.end):
                # 常住人口不到40万的武隆区, 拥有45个小区的东海湾社区: the figure describes the place (not 占地150亩的
                # 大名县|一品一播产业园, the park of the county)
                return i
            if m.start > span.end_char and m.type in self.described_types:
                between = text[span.end_char:m.start]
                return i if len(between) <= 24 and not _NEXT_MARK.search(between.strip("“”「」《》")) else None
        return None

    def _speaker(self, text: str, mentions: list[Mention], starts: list[int], span: Span,
                 subject: tuple[Any, ...] | None, p0: int, index: _TextIndex, after: int = -1) -> int | None:
        """“目前建设了4个大棚…”玉河泉村党支部书记介绍: a figure quoted from a speaker belongs to the speaker's place.

        With ``after``, only a quotation that opens before that offset counts; ``p0``: where the figure's paragraph
        starts."""
        opening = index.last("“", p0, span.start_char)
        if opening < 0 or opening >= after >= 0 or index.last("”", opening, span.start_char) >= 0:
            return None
        resumed = self._resumed_speaker(text, mentions, starts, p0, opening, index)
        if resumed is not None:
            return None if _broader(mentions[resumed], subject) else resumed
        closing = text.find("”", span.end_char, span.end_char + 400)
        if closing < 0:
            return None
        i = bisect_left(starts, closing + 1)
        later = self._titled_speaker(text, mentions, i, closing) \
            if i < len(mentions) and mentions[i].start > closing + 2 else None
        if later is not None:
            i = later  # “…”近日，谈起村里变化，某某镇某某村党总支书记说: the speaker named later in the sentence
        elif i >= len(mentions) or mentions[i].start > closing + 2:
            body = self._named_speakers_body(text, mentions, starts, opening, closing)
            if body is not None:
                return body
            said = self._says_before.search(text, max(0, opening - _SAYS_BEFORE_REACH), opening) \
                if self._says_before is not None else None
            if said is not None:
                # 村党支部书记鲁青海…。鲁青海当场表示：“…大工一天260元”: the quotation opened after a person named
                # alone, who was introduced with a body or a village earlier in the passage
                body = self._body_of_named(text, mentions, starts, said.group(1), opening, places=True)
                if body is not None:
                    return body
            if text.startswith(self.village_speakers, closing + 1):
                # “…村集体可以分到60万元收入!”村书记杨某说: the official of the story's village
                j = bisect_left(starts, opening) - 1
                while j >= 0 and mentions[j].start >= p0 - self.passage_limit:
                    if mentions[j].type == "village":
                        return j
                    j -= 1
            return None
        while i + 1 < len(mentions) and mentions[i + 1].start == mentions[i].end:
            i += 1  # 老山街道玉泉西路社区党委书记: the last of the chain
        if mentions[i].back_reference and mentions[i].name in self.report_words:
            return None  # “…”社区党支部书记说 with no community named: the passage decides
        if mentions[i].type == "organisation" and not _WE.search(text, opening, span.start_char):
            # (“今年我们…搭建了6个监督模型”某区纪委监委…负责人介绍: "we" in the quotation is the speaker's body)
            return None  # “…一万多名建设者…”某管理中心党委书记说: the official speaks of the story, not the body
        return None if _broader(mentions[i], subject) else i

    def _named_speakers_body(self, text: str, mentions: list[Mention], starts: list[int], opening: int,
                             closing: int) -> int | None:
        """某某有限公司负责人陈旺…。“…已种植1000多亩…”陈旺说: a quotation closed by a person's name alone belongs to
        the body that person was introduced with (the body, a title, the name) earlier in the passage."""
        said = self._name_says.match(text, closing + 1) if self._name_says is not None else None
        if said is None:
            return None
        return self._body_of_named(text, mentions, starts, said.group(1), opening)

    def _body_of_named(self, text: str, mentions: list[Mention], starts: list[int], name: str, opening: int,
                       places: bool = False) -> int | None:
        """The body (with ``places``, or the village or community) a person named ``name`` was introduced with —
        the body, a title, the name — in the passage before ``opening``."""
        at = text.rfind(name, max(0, opening - self.passage_limit), opening)
        while at > 0:
            title = self._title_before.search(text, max(0, at - _TITLE_REACH), at)
            if title is not None:
                begin = title.start()
                while text[begin - 1:begin] == "、":  # 某公司党支部书记、总经理王成: titles listed
                    more = self._title_before.search(text, max(0, begin - 1 - _TITLE_REACH), begin - 1)
                    if more is None:
                        break
                    begin = more.start()
                k = bisect_left(starts, begin) - 1
                while k >= 0 and mentions[k].end > begin:
                    k -= 1
                m = mentions[k] if k >= 0 else None
                body = m is not None and m.type in _BODY_SUBJECTS
                # (某某食品有限公司，总经理李安全: the title set off by a comma after the body is still its head's)
                if m is not None and (m.end == begin or body and m.end == begin - 1 and text[begin - 1] in "，,") \
                        and (body and not m.back_reference or places and m.type in _STORY_VILLAGES):
                    return k
            at = text.rfind(name, max(0, opening - self.passage_limit), at)
        return None

    def _resumed_speaker(self, text: str, mentions: list[Mention], starts: list[int], p0: int,
                         opening: int, index: _TextIndex) -> int | None:
        """“…”第三采油厂党委副书记说，“…10个团队…”: a quotation resumed after its speaker, named between its parts."""
        if self._resumed_quote is None:
            return None
        closed = index.last("”", p0, opening)
        if closed < 0 or opening - closed > 40 or _SPEECH_END.search(text, closed + 1, opening) is not None \
                or self._resumed_quote.search(text, closed + 1, opening) is None:
            return None
        i = bisect_left(starts, closed + 1)
        if i >= len(mentions) or mentions[i].end > opening or mentions[i].back_reference:
            return None
        while i + 1 < len(mentions) and mentions[i + 1].start == mentions[i].end:
            i += 1  # the last of the chain
        return i

    def _titled_speaker(self, text: str, mentions: list[Mention], i: int, closing: int) -> int | None:
        """The mention that names the speaker of a quotation later in the sentence that goes on after it: a
        village or community written before a title (…”近日，谈起村里变化，某某镇某某村党总支书记说)."""
        while i < len(mentions) and mentions[i].start - closing <= 40 \
                and _SPEECH_END.search(text, closing + 1, mentions[i].start) is None:
            m = mentions[i]
            if not m.back_reference and m.type in _SPEAKER_PLACES and self._titled_after(text, m.end) \
                    and not (i + 1 < len(mentions) and mentions[i + 1].start == m.end):
                return i
            i += 1
        return None

    def _titled_after(self, text: str, end: int) -> bool:
        """A person's title right after a place, or after a short word of their post (二七塔商圈专属网格负责人,
        良村村驻村“第一书记”)."""
        pos = end
        for _ in range(5):
            while text[pos:pos + 1] in ("“", "”", "\""):
                pos += 1
            if self._person_after.match(text, pos):
                return True
            if not _HAN.match(text, pos):
                return False
            pos += 1
        return False

    def _past_neighbour(self, text: str, mentions: list[Mention], chosen: int, reach: int,
                        eligible: Callable[[int], bool], chains: _Chains) -> tuple[Any, ...] | None:
        """某村位于…，东与钟家堡村、大木古峪村相邻。全村总人口3000人: a back-reference the finder gave the last village
        named, where that village is no subject (a neighbour), is the nearest earlier one that is."""
        back = mentions[chosen]
        named = next((x for x in range(chosen - 1, -1, -1) if mentions[x].start < reach
                      or not mentions[x].back_reference and mentions[x].name == back.name), None)
        if named is not None and mentions[named].start < reach:
            return None  # (looked for within the passage only)
        if named is None or not self._adjacent(text, mentions[named], chains):
            return None
        for x in range(named - 1, -1, -1):
            m = mentions[x]
            if m.start < reach:
                return None
            if not m.back_reference and m.type == back.type and eligible(x):
                return ref_of(m)
        return None

    def _adjacent(self, text: str, m: Mention, chains: _Chains) -> bool:
        """西与南马峪村、益临店村、北与牧北村…相邻, 东与东大营子镇接壤: a place after 与 in a clause that ends in a word
        of adjacency borders the subject; it is none."""
        if not self.adjacency:
            return False
        pos = chains.start.get(m.start, m.start)
        if text.find("与", max(0, pos - 60), pos) < 0:
            return False  # (the clause head is a part of those 60 characters)
        head = _clause_head(text, pos, 0, 60)
        if head is None or "与" not in head:
            return False
        brk = CLAUSE_BREAK.search(text, m.end, m.end + 40)
        return brk is not None and text[m.end:brk.start()].endswith(self.adjacency)

    def _route_end(self, text: str, pos: int) -> bool:
        """从某村到某村, 从某镇至某镇: a place that opens or closes a route (not 来到某村, a scene)."""
        if text[pos - 1:pos] == "从":
            return bool(self._route_close.match(text, pos))
        if text[pos - 1:pos] not in ("到", "至"):
            return False
        lo = max(0, pos - 16)
        brk = max((b.end() for b in CLAUSE_BREAK.finditer(text, lo, pos)), default=lo)
        return "从" in text[brk:pos - 1]

    def _route_named(self, text: str, mentions: list[Mention], i: int) -> bool:
        """昆明至临沧铁路, 杭州到黄山高铁: the place is one end of a route named by its two ends."""
        m = mentions[i]
        if text[m.end:m.end + 1] in ("至", "到") and i + 1 < len(mentions):
            other = mentions[i + 1]
            return other.start == m.end + 1 and text.startswith(self.route_words, other.end)
        if text[m.start - 1:m.start] in ("至", "到") and i > 0 and mentions[i - 1].end == m.start - 1:
            return text.startswith(self.route_words, m.end)
        return False

    def _list_item(self, text: str, mention: Mention, next_start: int | None = None) -> bool:
        """枣庄桂园社区等11个项目, 兰华集团电商示范园、…: a mention inside a list is not the subject."""
        after = text[mention.end:mention.end + 8]
        if mention.type == "organisation" and text[mention.start - 1:mention.start] != "、" \
                and _LEAD_OF_DEPARTMENTS.match(text, mention.end):
            return False  # 农业农村部、民政部等8部门联合印发…: the first of the departments leads them, no mere item
        if after[:1] == "等":
            return True
        if text[mention.start - 1:mention.start] == "、" and after.startswith(self.list_closers):
            return True  # 智水村、智平村、星宿村及周边村: the list's last item
        if text[mention.start - 1:mention.start] == "、" and _COUNT_AFTER_LIST.match(after):
            return True  # 甘溪村、…、复兴村6村山水相连: the last item, then the count of the list
        if text[mention.start - 1:mention.start] == "、" and _PLACES_COUNTED.match(after):
            return False  # 已在建德市、淳安县两地的15个村推广: the places counted are the figures' scope
        if after[:1] in ("和", "与", "及"):
            brk = CLAUSE_BREAK.search(text, mention.end, mention.end + 80)
            if _COUNTED_LIST_END.search(text, mention.end, brk.start() if brk else mention.end + 80):
                return True  # 某公司和某公司、某公司等3家企业: the first item of a counted list
        if "、" not in after:
            return False  # (what follows holds no mark of a list: neither rule below can hold)
        if _LEVELS_AFTER.match(text, mention.end):
            return False  # 内江市、县两级均成立了…: the city and the levels under it, no list of places
        m = _NEXT_MARK.search(after)
        # 永安村通过产业联营、…, 成都公积金中心紧盯缴存、…: a verb before the mark makes the mention the subject of a
        # list, not an item
        return m is not None and m.group() == "、" and not self._verbs.search(after, 0, m.start()) \
            and after[:1] not in _DISPOSAL and after[:2] not in self.clause_heads \
            and not (after[:1] in _HAS and _FIGURE_START.match(after, 1)) \
            and not (m.start() > 0 and mention.type in _BODIES and _FIGURE_AHEAD.match(text, mention.end + m.end())
                     and (next_start is None or next_start > mention.end + m.end() + _LIST_NEXT_REACH))
        # (某公司柴油机、发电机组交付量同比分别增长…: a body, then the things it makes, with figures and no other
        # name after the mark: the body is the subject of its own list)
        # (锦州有29个乡镇、128个村…: the place that has the counts listed, not an item of a list of places)

    def _past_adverb(self, text: str, pos: int) -> int:
        """…肉牛养殖项目已累计完成投资2亿元: where the predicate's verb starts, past an adverb (已, 已经, 正在)."""
        word = next((a for a in self._acting_adverbs if text.startswith(a, pos)), "")
        return pos + len(word)

    def _past_connective(self, head: str | None) -> str | None:
        """特别是位于某新城区的中山路街道，…: a connective before the opener leaves the subject where it was."""
        if head and head.startswith(self.connectives):
            return head[len(next(c for c in self.connectives if head.startswith(c))):].lstrip("，,")
        return head

    def _opens_clause(self, text: str, mention: Mention, floor: int, chains: _Chains) -> bool:
        """Whether the mention is the subject of its clause: written at its start (after 在, 目前 …)."""
        key = (mention.start, mention.end, mention.type, floor)  # (all of the mention it reads)
        found = chains.opens.get(key)
        if found is None:
            found = chains.opens[key] = self._opens_clause_at(text, mention, floor, chains)
        return found

    def _opens_clause_at(self, text: str, mention: Mention, floor: int, chains: _Chains) -> bool:
        """_opens_clause, worked out."""
        pos = chains.start.get(mention.start, mention.start)
        if pos - 2 >= floor and self._determined_parent.match(text, pos - 2):
            pos -= 2
        head = self._past_connective(_clause_head(text, pos, floor, 12))
        if head is not None and head.endswith("以") and text.startswith("为例", mention.end):
            return True  # 以保滩街道为例，…: the example the text goes on about
        epithet = _EPITHET_AFTER_ZAI.search(head) if head else None
        if epithet is not None:
            head = head[:epithet.start() + 1]  # 在“陶都”宜兴，…: an epithet before the place
        if head is not None and head.endswith("在") and len(head) > 1 and head not in self.subject_openers:
            head = head[:-1].rstrip("，,")  # 如今在宜景菜市场，…: an opener, then 在 (not 现在: a word of its own)
        if head is not None and (not head or head in self.subject_openers or _year_opener(head)):
            return True  # 2024年全乡咖啡种植面积达4140亩: a year opens the clause like 今年
        if head and head.endswith(self._time_openers):
            # 仅在今年宁夏就有5个: an opener, then a time word (both open the clause)
            rest = head[:-len(next(w for w in self._time_openers if head.endswith(w)))].rstrip("，,")
            if not rest or rest in self.subject_openers or _year_opener(rest):
                return True
        if head and head[-1] in _TIME_PHRASE_LAST and _TIME_PHRASE.fullmatch(head) is not None:
            return True  # 今年音乐会期间哈尔滨共接待游客…: a time phrase opens the clause like 今年
        if head and text[mention.end:mention.end + 1] == "人" and _PEOPLE_COUNT.fullmatch(head):
            return True  # 6万多鹰潭人在外开了1.3万家门店: the place's people, counted, open the clause
        if head in _INTRODUCED and mention.type == "enterprise":
            return True  # 另外，新引进龙耀木业，总投资50万元: a company brought in is the subject of what follows
        if head is None and mention.type == "enterprise" and text.endswith(_FOUNDED_BY, floor, pos):
            head = _clause_head(text, pos, floor, _FOUNDED_BY_REACH)  # 85后大学毕业生王某牵头成立的|某合作社，…
        if head and mention.type == "enterprise" and (head.endswith(_FOUNDED) or head.endswith(_FOUNDED_BY)) \
                and "村" not in head:
            # 他顶着压力建起瑞景家庭农场，…; 她成立的某某合作社，去年产值…: the farm a person founds is the story's body
            return True
        if head and mention.type in _STORY_PLACES and head.startswith(_MOVED_INTO) and len(head) <= 8:
            return True  # 976户群众…，住进县城的蟠桃园社区。这批新市民里…: the place people move into is the story's
        if head and head.endswith("所在的") and (text[mention.end:mention.end + 1] in "，,"
                                                or mention.type in _BODY_SUBJECTS):
            # 产业园所在的富锦市，耕地面积…: the place a body stands in, named as the topic; 张某所在的某某公司承担了…:
            # the body a person works in, the subject of what follows
            return True
        if head and head[-1] == "的" and self._acting.match(text, self._past_adverb(text, mention.end)):
            return True  # 此次集中分红的王村镇北蔡村将…: a relative clause before the subject, a predicate after it
        if head and head[-1] == "的" and mention.type in _BODY_SUBJECTS \
                and text[mention.end:mention.end + 1] not in _NOT_PREDICATE_START:
            return True  # 去年投入使用的某养老服务中心辐射周边…: a body after its relative clause, then its predicate
        if head and len(head) == 3 and head[-1] == "的" and _HAN_NAME.fullmatch(head) \
                and head[:2] not in self.not_epithets:
            return True  # 崭新的新民大街从历史中走了出来: an epithet before the subject of its clause
        if head and head.endswith(self.visit_verbs):
            verb = next(v for v in self.visit_verbs if head.endswith(v))
            # (…“再把钢丝穿过去……”走进某某工坊: a quotation closed before the verb is no part of its subject)
            if len(head.rsplit("”", 1)[-1]) - len(verb) <= self.visit_subject_max:
                return True  # 记者走进景东县文井镇者孟村…: a visitor reaching a place opens a story on it
        # 走进位于浙江省杭州市拱墅区东新街道的新天地商务社区党群服务中心: a scene opened on a body, its place before it
        owner = chains.ends.get(pos - 1) if text[pos - 1:pos] == "的" else None
        if owner is None:
            return False
        head = self._past_connective(_clause_head(text, chains.start.get(owner.start, owner.start), floor, 11))
        if head is not None and mention.type in _OWNED_TYPES and (not head or head in self.subject_openers):
            return True  # 双井街道庆丰社区的怡舍公寓里，…: the body or compound of a place opens the clause
        return head is not None and head in self.scene_openers

    # -- the passage -----------------------------------------------------------------------------------

    @staticmethod
    def _story_of_child(mentions: list[Mention], chosen: int, at: int, s0: int) -> int | None:
        """The place written in a chain under ``mentions[chosen]`` (its parent) earlier in the story, when nothing
        but that place, the parent, places above them and bodies outside the figure's sentence (原物业公司) have been
        named since."""
        parent = mentions[chosen].name
        floor = at - _CHILD_STORY_REACH
        for x in range(chosen - 1, -1, -1):
            m = mentions[x]
            if m.start < floor:
                return None
            if m.back_reference or m.name == parent:
                continue
            if m.type in _STORY_PLACES and (m.parent == parent or any(
                    y.name == m.name and y.parent == parent for y in mentions[max(0, x - _LOOK):x])):
                return x  # (the compound named again on its own, after the chain that placed it)
            if m.type not in _ABOVE_STORIES or m.type in _BODIES and m.start >= s0:
                return None
        return None

    @staticmethod
    def _recurrent_story(mentions: list[Mention], k: int, at: int, eligible: Callable[[int], bool],
                         index: _TextIndex, report: str | None = None) -> int | None:
        """The nearest named place or body below the district level before a figure no passage rule placed,
        written at least _RECURRENT_TIMES times in the report and within _RECURRENT_REACH characters, unless the
        report's own place is named after it (朔州围绕…建成…；投产…企业86家: the text is back at the report's level)."""
        floor = at - _RECURRENT_REACH
        for x in range(k - 1, -1, -1):
            m = mentions[x]
            if m.start < floor or m.name == report and not m.back_reference:
                return None
            if m.type not in _RECURRENT_TYPES or m.back_reference:
                continue
            if index.count(m.name) >= _RECURRENT_TIMES and eligible(x):
                return x
        return None

    @staticmethod
    def _subhead_story(text: str, mentions: list[Mention], starts: list[int], span: Span, subheads: list[int],
                       eligible: Callable[..., bool], tops: list[int | None]) -> int | None:
        """酿造老醋 / 150户带动全村增收千万元 / (the story of 铺下村): a figure in a subheading that names no place is
        the story's below it: the first village, community, town or body its part names. ``tops[h]`` is where the
        headings stacked line after line above subheading ``h`` begin, None for the report's own title lines (found
        once per text)."""
        h = bisect_right(subheads, span.start_char) - 1
        if h < 0:
            return None
        line_end = text.find("\n", span.end_char)
        if line_end < 0 or text.rfind("\n", subheads[h], span.start_char) >= 0:
            return None  # (the figure is not on the subheading's own line)
        if any(ch in _SUBHEAD_CLAUSE_MARKS for ch in text[subheads[h]:line_end]):
            return None  # (在208个路口配置智能信号灯，让…: a clause, not a heading)
        # the heads written right above it (a kicker, a place line 浙江嵊州——) end where the last paragraph ends; the
        # report's title has none above it
        own, above = subheads[h], tops[h]
        if above is None:
            return None
        if bisect_left(starts, above) != bisect_left(starts, own):
            return None  # (浙江嵊州—— above: the heads name the place)
        named = next((x for x in range(bisect_left(starts, own), bisect_left(starts, line_end))
                      if not mentions[x].back_reference and mentions[x].type in ADMIN_LEVELS), None)
        if named is not None:
            return named  # 去年超246万人次赴景宁旅游: the place the heading itself names, even one visited
        stop = subheads[h + 1] if h + 1 < len(subheads) else len(text)
        stop = min(stop, line_end + _SUBHEAD_STORY_REACH)
        for x in range(bisect_left(starts, line_end), len(mentions)):
            m = mentions[x]
            if m.start >= stop:
                break
            if not m.back_reference and m.type in _SUBHEAD_STORIES and eligible(x):
                return x
        return None

    def _subheads(self, text: str) -> list[int]:
        """Start offsets of the short lines without a sentence end: subheadings, where a story ends."""
        result, pos = [], 0
        topics: set[int] | None = set() if self._topics_on else None
        for raw in text.split("\n"):
            line = raw.strip()
            if line and len(line) <= self.subhead_max and line[-1] not in self.sentence_end \
                    and not (line[-1] in _CLOSING_QUOTES and line[-2:-1] in self.sentence_end):
                # (a quotation closed after its sentence end, “…方便。”王军说, is a sentence: “别怕！我们来了” is a
                # subheading only without one)
                result.append(pos + len(raw) - len(raw.lstrip()))
            if topics is not None:
                m = _ENUMERATOR_HEAD.match(raw)  # （二）聚力项目提速…, 三、…
                if m is not None:
                    topics.add(pos + m.end(1))
            pos += len(raw) + 1
        if topics is not None:
            result = sorted(topics.union(result, self._topic_starts(text)))
        return result

    def _topic_starts(self, text: str) -> set[int]:
        """Where a sentence opened by a short topic (招商引资方面，…) starts, past its spaces: 2 to 12 Han
        characters (or 、) and a mark, at a sentence's or a line's start, found from the marks back (a mark is rare;
        a sentence start is not)."""
        starts = set()
        for mark in self._topic_marks:
            q = text.find(mark)
            while q >= 0:
                after = q + len(mark)
                if text[after:after + 1] in _TOPIC_PUNCT:
                    # the topic: the run of Han characters (and 、) right before the mark, 2 to 12 of them,
                    # after spaces at a sentence's or a line's start
                    r = _TOPIC_RUN.match(text, max(0, q - 13), q).start()
                    # (一方面，…；另一方面，…, 在这方面，: a connective or a determiner's aspect, no topic)
                    if 2 <= q - r <= 12 and text[q - 1] not in _NOT_TOPIC_END:
                        p = r
                        while p and text[p - 1] in _TOPIC_SPACES:
                            p -= 1
                        if not p or text[p - 1] in _TOPIC_OPENERS:
                            starts.add(r)
                q = text.find(mark, q + 1)
        return starts

    def _unnamed_above(self, text: str, m: Mention, subject: tuple[Any, ...] | None) -> bool:
        """我市 in a report on 鼓楼社区 that names no city: a place above the report's, which the text never names
        (guide §5: null), not the report's community."""
        if not m.back_reference or m.name != text[m.start:m.end] or m.type not in ADMIN_LEVELS:
            return False  # (a place written out names itself)
        return subject is None or subject[1] not in ADMIN_LEVELS \
            or ADMIN_LEVELS.index(subject[1]) > ADMIN_LEVELS.index(m.type)

    @staticmethod
    def _part_place(text: str, mentions: list[Mention], i: int, subheads: list[int],
                    subject: tuple[Any, ...] | None) -> tuple[Any, ...] | None:
        """全省 in a part of the report (after its subheading) that names a province other than the report's
        (广东省汕头市… 全省1081家用车单位): that province, named in the part, not the report's."""
        m = mentions[i]
        h = bisect_right(subheads, m.start) - 1
        if h < 0 or subject is not None and subject[1] == m.type:
            return None  # (in a report on a city, 全市 is that city: a part naming another city changes nothing)
        for k in range(i - 1, max(-1, i - 1 - _PART_LOOK), -1):  # (bounded: a part may name hundreds of places)
            x = mentions[k]
            if x.start < subheads[h]:
                return None
            if x.type == m.type and not x.back_reference and x.name.endswith(m.suffix) \
                    and (k + 1 < len(mentions) and mentions[k + 1].start == x.end or text[x.end:x.end + 1] in "，,"):
                # (广东省汕头市…, 在江苏，…: a province written as the part's scene; not 吉林省|农科院 nor
                # 来自云南、四川, named in passing)
                return ref_of(x)
        return None

    @staticmethod
    def _named_in_sentence(text: str, m: Mention) -> tuple[Any, ...] | None:
        """寿光市委…，全市新建…: 全市 in the sentence that names the city (resolved to it by the entities
        component) is that city, though the report's region names another."""
        if len(m.name) <= 2 or m.name[:1] == text[m.start:m.start + 1] or m.name[-1] != text[m.end - 1]:
            return None  # (a bare 全市 that found no city keeps its own word; 全区 resolved to a city is no district)
        stop = _LAST_SENTENCE_STOP.match(text, max(0, m.start - _SENTENCE_REACH), m.start)  # the last one before it
        lo = stop.end() if stop is not None else max(0, m.start - _SENTENCE_REACH)
        return ref_of(m) if text.find(m.name[:-1], lo, m.start) >= 0 else None

    def _report_place(self, m: Mention, region: list[Mention], subject: tuple[Any, ...] | None,
                      mentions: list[Mention] | None = None) -> tuple[Any, ...] | None:
        """全市 in a report on 某某市 → 某某市: the report's place of the back-reference's level."""
        suffix = m.suffix
        for r in reversed(region):
            if r.name.endswith(suffix) and r.type == m.type:
                return ref_of(r)
        if subject is not None and subject[1] == m.type:
            path = subject[5]
            if path and not subject[0].endswith(suffix):
                # 全市 in a report on 北京市朝阳区: the municipality above the district, not the district
                for k in range(len(path) - 2, -1, -1):
                    if path[k].endswith(suffix):
                        named = next((r for r in reversed(region) if r.name == path[k]), None)
                        if named is not None:
                            return ref_of(named)
                        return (path[k], "province" if k == 0 else m.type, m.start, m.end, None, path[:k + 1], None)
                if m.name.endswith(suffix) and m.name[:1] not in self.step_back \
                        and m.name[:1] not in self.local_step_back:  # (a name, not the bare 全区)
                    # 在白云区，…全区166个 in a report on 广州市: a level the report's city has none of is the place of
                    # that level named last, not the city
                    return ref_of(m)
            return subject
        if subject is not None and subject[1] not in ADMIN_LEVELS and mentions and suffix:
            # 全市 in a report on 成都市纪委监委: the place the report's body is named after, where the report
            # also names it on its own
            cut = subject[0].find(suffix, 1) + len(suffix)
            if cut > len(suffix):
                own = next((r for r in mentions if r.name == subject[0][:cut] and r.type == m.type
                            and not r.back_reference), None)
                if own is not None:
                    return ref_of(own)
        return None if m.name in self.report_words or m.name == m.name[:1] + m.suffix else ref_of(m)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        mentions = mentions_of(doc)
        # a chain (富平县庄里镇永安村) opens its clause where its first member does; per call, so that
        # one component serves several threads
        chain_start: dict[int, int] = {}
        for prev, m in zip(mentions, mentions[1:], strict=False):
            if m.start == prev.end:
                chain_start[m.start] = chain_start.get(prev.start, prev.start)
        sections = sorted(doc.spans.get(SECTIONS_KEY, []), key=lambda s: s.start_char)
        subjects = [fields(section).subject for section in sections]
        chains = _Chains(chain_start, {m.end: m for m in mentions}, [m.start for m in mentions],
                         frozenset(s[0] for s in subjects if s is not None), {})
        # whether each mention can be a subject, decided when a metric first asks (most are never asked)
        ok: list[bool | None] = [None] * len(mentions)
        blocked: set[int] = set()
        starts = chains.starts
        # named (not back-reference) mentions before each index: "only back-references between i and k" in O(1)
        named_before = [0]
        for m in mentions:
            named_before.append(named_before[-1] + (not m.back_reference))
        section_starts = [section.start_char for section in sections]
        regions = [self._region(mentions, section, fields(section).subject) for section in sections]
        subheads = self._subheads(text)
        # for each subheading, the first of the headings stacked right above it, line after line (a kicker, a place
        # line): found once, so a text of short lines is not walked back for every figure
        stacked = list(range(len(subheads)))
        for h in range(1, len(subheads)):
            if subheads[h - 1] == text.rfind("\n", 0, subheads[h] - 1) + 1:
                stacked[h] = stacked[h - 1]
        # where each stack begins, when a paragraph ends before it (the report's title lines have none): None
        tops = [subheads[g] if _after_paragraph(text, subheads[g]) else None for g in stacked]
        # 村党员能人… after a subheading: a bare back-reference to a village named before the subheading refers
        # to no place of this part of the report
        last_named: dict[str, int] = {}
        for i, m in enumerate(mentions):
            if not m.back_reference:
                last_named[m.name] = m.end
            elif m.name in last_named and m.name.endswith(text[m.start:m.end]):
                lo = last_named[m.name]
                if bisect_left(subheads, lo) < bisect_left(subheads, m.start):  # (a subheading in [lo, m.start))
                    blocked.add(i)
        breaks = sentence_breaks(doc)
        clauses = clause_breaks(doc)
        index = _TextIndex(text, clauses)
        metric_spans = list(doc.spans.get(METRICS_KEY, []))
        people: _People = {}
        for where, name, i in (self._people(text, mentions) if metric_spans and self._surnames else ()):
            wheres, links = people.setdefault(name, ([], []))
            wheres.append(where)
            links.append(i)
        for span in metric_spans:
            counted = chains.ends.get(span.start_char)
            if counted is not None and counted.type not in _PLACE_TYPES and counted.type != "park" \
                    and not counted.back_reference \
                    and _HAN.search(fields(span).unit or "") and fields(span).unit != "分" \
                    and not _HAN.match(text, span.end_char):
                # 组建网格党支部48个，邻里党小组101个: a body written right before its own count is what is counted
                # (某采油厂4600多台抽油机井: a noun after the count is what is counted, and the body owns it)
                blocked.add(bisect_left(starts, counted.start))
        # 14个行政村…其中7个村超过50万元: a figure that counts places steps back to a broader place, for itself
        # and for the figures after it, until a place is named again
        pair_items = self._pair_items(text, mentions, metric_spans)
        # (被划分成5个街道、38个社区: the parts a place is divided into are its own, no step back)
        aggregates = [(span.start_char, level) for span in metric_spans
                      if (level := self._counted_level(text, span)) is not None
                      and not _DIVIDED_INTO.search(text, max(0, span.start_char - 8), span.start_char)]
        aggregate_starts = [a for a, _ in aggregates]
        aggregate_level = dict(aggregates)
        # 下湖村发展起来了，周边的满盾、叠石、王沙3个村…: a count of places given to a place of that level (the
        # group it leads) does not step back; the group's later counts stay with it
        led: set[int] = set()

        def grouped(x: int) -> bool:
            """The count is of a group a place leads: itself given to it, or the next count of the same level
            after one that was (…3个村仍在找寻出路。2021年，4个村抱团合作)."""
            start, level = aggregates[x]
            return start in led or x > 0 and aggregates[x - 1][1] == level and aggregates[x - 1][0] in led

        def decide(i: int, subject: tuple[Any, ...] | None, at: int, sentence_start: int, region: list[Mention],
                   begin: int, para: int) -> bool:
            """Whether mentions[i] may own the figure at begin:at (its sentence and paragraph starting at
            sentence_start and para), in a report on ``subject`` with ``region``."""
            m = mentions[i]
            can = ok[i]
            if can is None:
                can = ok[i] = i not in blocked and self._can_be_subject(text, mentions, i, chains)
            if not can or _broader(m, subject) and not (m.back_reference and (
                    text[m.start] in self.step_back or text[m.start] in self.broader_back
                    or text[m.start:m.end] == m.suffix)) \
                    and not (m.end < begin and m.path is not None and not m.back_reference
                             and subject is not None and subject[1] in _OPENED_SUBJECTS
                             and para <= m.start and (not _FULL_STOP.search(text, m.end, begin)
                                                      or self._paragraph_opener(text, m, para, chains))
                             and self._opens_clause(text, m, para, chains)) \
                    and not (_PLACES_COUNTED.match(text, m.end) and self._scope(text, m, chains)):
                # (我市, 全省 in a community's report name the city, the province: rule 5; so does a bare
                # 街道 in a village's report name its subdistrict)
                return False
            if m.type in _PARAGRAPH_STORIES and not m.back_reference and m.end != begin \
                    and text[m.end:m.end + 1].isdigit() and not _YEAR_AFTER.match(text, m.end):
                return False  # 原某某厂785亩土地…: a body owning the figure after it is no other's subject
            if i in pair_items and m.end != begin:
                return False  # 其中宝影花园9部,财大家属院1部,惠及220户: an item of a list of pairs owns its own
            if m.back_reference and _SUPERLATIVE.match(text, m.end):
                return False  # 成立全县首个…公司: a superlative's scope, not the subject
            if m.back_reference and m.name in self.report_words and self._report_place(m, region, subject) is None:
                return False  # 社区党组织… in a city report: no community of the report's
            if m.back_reference and aggregates and m.type in _STORY_PLACES:
                # 将579个小区划分为…，组织小区里的党员: after a count of its kind, 小区里 is any of them
                level = ADMIN_LEVELS.index(m.type) if m.type in ADMIN_LEVELS else len(ADMIN_LEVELS) - 1
                a, b = bisect_left(aggregate_starts, sentence_start), bisect_left(aggregate_starts, m.start)
                if any(aggregates[x][1] == level for x in range(a, b)):
                    return False
            if m.type not in ADMIN_LEVELS or not aggregates or m.start >= sentence_start:
                return True  # 凤坂村联合周边6个村: the subject of the count's own sentence leads the group
            level = ADMIN_LEVELS.index(m.type)
            a, b = bisect_right(aggregate_starts, m.end), bisect_left(aggregate_starts, at)
            return not any(aggregates[x][1] <= level and not grouped(x) for x in range(a, b))

        if not mentions and not people and self._without_mentions(text, metric_spans, sections, subjects,
                                                                  aggregate_level, index):
            return doc
        last: tuple[int, tuple[Any, ...] | None] | None = None  # the sentence and entity of the last metric
        national: tuple[int, int] | None = None  # the sentence and end of the last count of provinces
        for span in metric_spans:
            f = fields(span)
            s0, s1 = f.sentence  # set by dangjian_context
            # sections tile the text, so the last one starting at or before the metric holds it
            j = bisect_right(section_starts, span.start_char) - 1
            inside = j >= 0 and span.start_char < sections[j].end_char
            subject = subjects[j] if inside else None
            region = regions[j] if inside else []

            p0 = index.paragraph(span.start_char)  # the figure's paragraph

            # the rules ask it of the same mentions again and again: remembered for this figure (not across
            # figures: ``led`` grows after each)
            known: dict[int, bool] = {}

            def eligible(i: int, subject: tuple[Any, ...] | None = subject, own: tuple[Any, ...] | None = subject,
                         known: dict[int, bool] = known, at: int = span.end_char, sentence_start: int = s0,
                         region: list[Mention] = region, begin: int = span.start_char, para: int = p0) -> bool:
                if subject is not own:
                    return decide(i, subject, at, sentence_start, region, begin, para)
                found = known.get(i)
                if found is None:
                    found = known[i] = decide(i, subject, at, sentence_start, region, begin, para)
                return found

            if aggregate_level.get(span.start_char) == 0 and named_before[bisect_left(starts, span.start_char)] \
                    == named_before[bisect_left(starts, s0)] \
                    or national is not None and national[0] == s0 \
                    and CLAUSE_BREAK.search(text, national[1], span.start_char) is None:
                # 31个省份和新疆生产建设兵团…选派50多万名: a count of provinces, and its clause, are the country's
                national = (s0, span.end_char)
                f.entity = None
                f.entity_rule = "national"
                last = (s0, None)
                continue
            holder = bisect_right(starts, span.start_char) - 1
            if holder >= 0 and mentions[holder].type == "project" and not mentions[holder].back_reference \
                    and mentions[holder].start < span.start_char and span.end_char <= mentions[holder].end:
                # 辽宁华电45万千瓦风电…示范项目: the capacity written inside a project's name is the project's
                f.entity = ref_of(mentions[holder])
                f.entity_rule = "name"
                last = (s0, f.entity)
                continue
            inner = bisect_left(starts, span.start_char)
            if inner < len(mentions) and mentions[inner].end <= span.end_char \
                    and mentions[inner].type in ADMIN_LEVELS and not mentions[inner].back_reference:
                # 近15万福建人: the people of a place, counted, are that place's
                f.entity = ref_of(mentions[inner])
                f.entity_rule = "name"
                last = (s0, f.entity)
                continue
            lo, hi = bisect_left(starts, s0), bisect_right(starts, s1)
            # the nearest mentions either side are enough, and keep a long sentence linear
            k = bisect_left(starts, span.start_char, lo, hi)
            chosen = self._person_body(text, mentions, starts, people, s0, span.start_char, index,
                                       opening_only=True) if people else None
            rule = "speaker"
            if chosen is None:
                chosen = self._sentence_subject(text, range(max(lo, k - _LOOK), k), range(k, min(hi, k + _LOOK)),
                                                s0, s1, span, chains, mentions, eligible, region, subject, index)
                rule = "sentence"
            if chosen is None:
                chosen = self._speaker(text, mentions, starts, span, subject, p0, index)
                rule = "speaker"
            elif mentions[chosen].back_reference:
                # “村内有8处泉眼…”某村第一书记介绍: inside a quotation, 村内/我们村 is the speaker's village
                spoken = self._speaker(text, mentions, starts, span, subject, p0, index,
                                       after=mentions[chosen].start)
                if spoken is None and people and mentions[chosen].type in _STORY_VILLAGES:
                    # …”王城说，村里最终布局了2个: the village of its head, who has just spoken
                    spoken = self._person_body(text, mentions, starts, people, s0, mentions[chosen].start, index)
                if spoken is not None and mentions[spoken].type == mentions[chosen].type:
                    chosen, rule = spoken, "speaker"
            if chosen is None and (subject is None or subject[0] not in self.national_bodies) \
                    and self._national_scope(text, s0, span.start_char, span.end_char, starts, subject, index):
                # 截至2025年底，全国建成1.49万余家非遗工坊: the country's figure names no place (guide §5), not the
                # story's province before it (a bulletin of the Party or of a national body keeps its subject:
                # 全国党员总数…; a report on a workshop or a company does not)
                f.entity = None
                f.entity_rule = "national"
                last = (s0, None)
                continue
            reach = max(sections[j].start_char if inside else 0, span.start_char - self.passage_limit)
            if chosen is None or mentions[chosen].back_reference and mentions[chosen].start >= p0:
                # 辣椒种植面积常年保持200万亩以上，…，遵义市大力推进…: a paragraph that opens on figures, with no name
                # before them (全村 at most, looking ahead), is about the place that opens a clause later in its
                # sentence (平均海拔800余米，全村森林覆盖率达92%……王阜乡胡家坪村曾经是一个空心村)
                if named_before[k] == named_before[min(k, bisect_left(starts, p0))]:
                    want = mentions[chosen].type if chosen is not None else None
                    p1 = index.line_end(span.end_char)
                    for x in range(k, min(bisect_left(starts, p1 if p1 >= 0 else len(text)), k + _LOOK)):
                        m_s = mentions[x].start
                        if CLAUSE_BREAK.search(text, s1, m_s) is not None and text.find("。", span.end_char, m_s) >= 0:
                            break  # (within the paragraph's first sentence, or its clauses joined by ；)
                        if m_s >= span.end_char \
                                and mentions[x].type in ADMIN_LEVELS and not mentions[x].back_reference \
                                and want in (None, mentions[x].type) and eligible(x) \
                                and self._opens_clause(text, mentions[x], s0, chains):
                            chosen, rule = x, "sentence"
                            break
            if chosen is None and last is not None and last[0] == s0 and last[1] is not None \
                    and index.subset_clause(s0, span.start_char):
                # 绿色健康食品产业是兴化市三大主导产业之一，其中小微食品生产企业占…83%: a subset of what the
                # sentence counted before belongs where that did
                f.entity = last[1]
                f.entity_rule = "subset"
                continue
            if chosen is None and people:
                chosen = self._person_body(text, mentions, starts, people, s0, span.start_char, index)
                rule = "speaker"
            if chosen is None:
                rule = "passage"
                floor = reach
                h = bisect_right(subheads, span.start_char) - 1
                if h >= 0:
                    # ◆江苏扬州市杭集镇 / 集聚上千家牙刷企业: headings stacked line after line inside the text open one
                    # story (the report's own title lines above its first paragraph are no story's)
                    floor = max(floor, subheads[h] if tops[h] is None else tops[h])
                chosen = self._passage(text, mentions, eligible, k, floor, span.start_char, chains, breaks, p0,
                                       index, subject, actor_sentence=self._actor_sentence(text, s0))
                if chosen is None and inside and floor == reach and bisect_left(starts, floor) == k:
                    # a long passage (no subheading) that names nothing since its story began: the one village the
                    # report's story is about, when the section names no other of its kind
                    chosen = self._only_story(mentions, bisect_left(starts, sections[j].start_char), k, subject)
            if chosen is not None and mentions[chosen].type in _BODY_SUBJECTS \
                    and (text.startswith(self.source_words, mentions[chosen].end)
                         or mentions[chosen].type == "organisation"
                         and text.startswith(self.source_speakers, mentions[chosen].end)) \
                    and (owner := mentions[chosen].parent or _named_head(mentions, mentions[chosen])):
                # 天水市农业农村局提供的数据显示：…果率超过80%: a body giving the figures is their source; they are its
                # place's (the place named on its own elsewhere in the text; 鄂尔多斯市发展改革委有关负责人介绍: a
                # body whose name opens with a place the report names is that place's too)
                source = mentions[chosen]
                place = next((x for x in range(chosen - 1, max(-1, chosen - 4 * _LOOK), -1)
                              if mentions[x].name == owner and not mentions[x].back_reference), None)
                if place is not None:
                    chosen, rule = place, "source"
                elif source.name.startswith(owner) and owner[-1] in self.level_of_suffix:
                    # (named only inside the body's name: the place is the head of that name)
                    f.entity = (owner, self.level_of_suffix[owner[-1]], source.start,
                                source.start + len(owner), None, None, None)
                    f.entity_rule = "source"
                    last = (s0, f.entity)
                    continue
            owner_type = self._owner_type(f.object)
            opener = self._owner_type_at(text, _clause_start(clauses, span.start_char), span.start_char) \
                if chosen is not None and mentions[chosen].type in ADMIN_LEVELS else None
            if opener is not None and not (f.object or "").endswith(_PLACE_NOUN_ENDS) \
                    and ADMIN_LEVELS.index(mentions[chosen].type) < ADMIN_LEVELS.index(opener):
                # 延安市将小米作为…。2022年，村集体首次试种300亩谷子: a clause opening on the village's collective
                # is the story's village's, not the broader place named between
                owner_type = opener
            if owner_type is not None and chosen is not None and (mentions[chosen].type not in ADMIN_LEVELS
                                                                  or owner_type == opener):
                # 去年某大学采购该村农副产品500余万元。村集体经济…突破50万元: the village's, not the buyer's
                for x in range(k - 1, -1, -1):
                    if mentions[x].start < reach:
                        break
                    if mentions[x].type == owner_type and eligible(x):
                        chosen, rule = x, "owner"
                        break
            if chosen is not None and mentions[chosen].type in _CONTAINING_PLACES:
                # 鸿顺里街道律笛里社区海韵家园小区…。律笛里社区党委…推选出39名业主代表: the compound's own community
                # (or town) acting in the compound's story leaves the story the compound's: its committee acting, or
                # the place itself in an earlier paragraph when the figure's paragraph goes on about the compound
                # (…小区党支部行动了起来：8名党员骨干); not 彩石街道坚持…模式…交易额突破2557万元, the town's own
                committee = text.startswith(self.committees, mentions[chosen].end)
                child = self._story_of_child(mentions, chosen, span.start_char, s0) \
                    if committee or mentions[chosen].start < p0 else None  # (the walk only where it can count)
                if child is not None and (committee or mentions[child].suffix
                                          and mentions[child].suffix in text[p0:span.start_char + _LOOK_AHEAD_KIND]):
                    chosen, rule = child, "story"
            if chosen is None:
                chosen = self._subhead_story(text, mentions, starts, span, subheads, eligible, tops)
                rule = "story"
            if chosen is None:
                chosen = self._recurrent_story(mentions, k, span.start_char, eligible, index,
                                               subject[0] if subject is not None else None)
            if chosen is not None:
                chosen = self._coordination_lead(text, mentions, chosen, k, s0)
            if chosen is None:
                entity, rule = subject, "report"
            elif self._is_step_back(text, mentions[chosen], region, subject):
                rule = "step_back"
                entity = self._part_place(text, mentions, chosen, subheads, subject) \
                    or self._report_place(mentions[chosen], region, subject, mentions)
                named = self._named_in_sentence(text, mentions[chosen])
                if named is not None and (entity is None or entity[0] != named[0]):
                    entity = named
                if entity is None and not self._unnamed_above(text, mentions[chosen], subject):
                    entity = subject
            elif self._unnamed_above(text, mentions[chosen], subject):
                entity, rule = None, "step_back"  # 今年，我市共完成… in a report on a community, the city never named
            else:
                entity = ref_of(mentions[chosen])
                if mentions[chosen].back_reference and mentions[chosen].type in _STORY_PLACES:
                    entity = self._past_neighbour(text, mentions, chosen, reach, eligible, chains) or entity
            f.entity = entity
            f.entity_rule = rule
            last = (s0, entity)
            level = aggregate_level.get(span.start_char)
            if level is not None and level >= _GROUP_LEVEL and entity is not None and entity[1] == ADMIN_LEVELS[level]:
                led.add(span.start_char)
        return doc

    def _without_mentions(self, text: str, metric_spans: list[Span], sections: list[Span],
                          subjects: list[tuple[Any, ...] | None], aggregate_level: dict[int, int],
                          index: _TextIndex) -> bool:
        """The loop of __call__ for a text that names no place, body or person: every rule there that picks a
        mention (sentence, speaker, passage, owner, story…) finds none, so a figure is the country's (a count of
        provinces and its clause, or a clause opening on 全国), a subset of the figure before it in its sentence, or
        the report's subject: the rules that need no mention, in the loop's order, with the same results. A text of
        figures alone (1%1%…, “新增5户“新增5户…) spent a fifth of its time asking the others. True when done
        (tests/test_attribution.py compares it with the whole loop)."""
        section_starts = [section.start_char for section in sections]
        last: tuple[int, tuple[Any, ...] | None] | None = None
        national: tuple[int, int] | None = None
        for span in metric_spans:
            f = fields(span)
            s0 = f.sentence[0]
            j = bisect_right(section_starts, span.start_char) - 1
            subject = subjects[j] if j >= 0 and span.start_char < sections[j].end_char else None
            if aggregate_level.get(span.start_char) == 0 or national is not None and national[0] == s0 \
                    and CLAUSE_BREAK.search(text, national[1], span.start_char) is None:
                national = (s0, span.end_char)
                f.entity, f.entity_rule, last = None, "national", (s0, None)
            elif (subject is None or subject[0] not in self.national_bodies) \
                    and self._national_scope(text, s0, span.start_char, span.end_char, [], subject, index):
                f.entity, f.entity_rule, last = None, "national", (s0, None)
            elif last is not None and last[0] == s0 and last[1] is not None \
                    and index.subset_clause(s0, span.start_char):
                f.entity, f.entity_rule = last[1], "subset"
            else:
                f.entity, f.entity_rule, last = subject, "report", (s0, subject)
        return True

    @staticmethod
    def _coordination_lead(text: str, mentions: list[Mention], chosen: int, k: int, s0: int) -> int:
        """某村与邻村等3村协商制订…: where the chosen place or body is written in the figure's sentence second of
        two joined before 等, the first leads the clause (the others join it): the clause is the first's."""
        name = mentions[chosen].name
        for j in range(k - 1, 0, -1):
            m = mentions[j]
            if m.start < s0:
                break
            if m.name == name and text[m.end:m.end + 1] == "等":
                x = mentions[j - 1]
                if not x.back_reference and x.type == m.type and text[x.end:m.start] in _COORDINATORS \
                        and x.start >= s0:
                    return j - 1
        return chosen

    @staticmethod
    def _region(mentions: list[Mention], section: Span, subject: tuple[Any, ...] | None) -> list[Mention]:
        """The report's own places: the chain its subject is written in (辽宁省沈阳市于洪区)."""
        if subject is None:
            return []
        i = bisect_left([m.start for m in mentions], subject[2])
        if i >= len(mentions) or mentions[i].start != subject[2]:
            return []
        j = i
        while j > 0 and mentions[j - 1].end == mentions[j].start:
            j -= 1
        return [m for m in mentions[j:i + 1] if m.type in ADMIN_LEVELS]

    def _actor_sentence(self, text: str, s0: int) -> bool:
        """推行“一站式”服务，累计办理…手续19件: a sentence with no subject that opens on an act of the report's actor
        (a work report's list of measures) is the actor's, not the last body's the report named."""
        if not self.actor_verbs:
            return False
        head = text[s0:s0 + 16].lstrip(" \u3000\n“”\"")
        year = _YEAR_OPENER.match(head) if head[:1] in _YEAR_OPENER_FIRST else None
        if year is not None:
            head = head[year.end():]
        return head.startswith(self.actor_verbs)

    def _passage(self, text: str, mentions: list[Mention], eligible: Callable[[int], bool], k: int, floor: int,
                 at: int, chains: _Chains, breaks: list[int], p0: int, index: _TextIndex,
                 subject: tuple[Any, ...] | None = None, actor_sentence: bool = False) -> int | None:
        """The place or body the passage is about: the nearest earlier subject of a clause (``p0``: where the
        figure's paragraph starts)."""
        i = k - 1
        b = bisect_right(breaks, at - 1)
        own = breaks[b - 1] + 1 if b else 0  # the figure's sentence
        # (a figure in someone's words, a quotation open in its paragraph, may take a place they named before)
        narrated = index.speech(at) < 0 and not index.quote_open(p0, at)
        while i >= 0 and mentions[i].start >= floor:
            m = mentions[i]
            if narrated and m.start < own and not m.back_reference and index.speech(m.start) >= 0:
                i -= 1
                continue  # “…在银川…”: a place named in someone's words before the figure's sentence opens no story
                # (their 村里 still points at the story's village)
            if m.back_reference and m.start >= own and text[m.start] == "全" and m.type not in _STORY_PLACES \
                    and m.end <= at and not _SUPERLATIVE.match(text, m.end) \
                    and text[m.start - 1:m.start] not in _COMPARED_WITH and not _SHARE_OF.match(text, m.end) \
                    and not (i + 1 < len(mentions) and mentions[i + 1].start == m.end):
                # (eligible() would refuse 覆盖全县: a body's scope, but here no body is the sentence's subject)
                return i  # 该模式共覆盖全县约九成村屯，共收集议题800多个: the sentence's scope is the report's county
            if subject is not None and m.name == subject[0] and not m.back_reference and m.start >= p0 \
                    and m.type in _TITLED_LEVELS and self._title_after.match(text, m.end):
                return None  # 吉林省委深改委…会议上，一份覆盖12862家企业的报告: the paragraph is at the report's level
            if actor_sentence and m.type in _NOT_ACTORS and not m.back_reference \
                    and not (m.parent and m.name.startswith(m.parent)):  # (新城社区党群服务中心: the community's own)
                i -= 1
                continue  # (韵丰数字物流园入选…。推行…服务，累计办理手续19件: the report's actor's, not the park's)
            # a project, company or body named once is its paragraph's story only; named again anywhere, the
            # report goes on about it (measured over the tuned pools: twice carries better than three times)
            if m.end <= at and eligible(i) and not (m.type in _PARAGRAPH_STORIES and _new_paragraph(text, m.end, at)
                                                    and not (m.back_reference and m.type != "project"
                                                             and text[m.start] in self._determiner_heads)
                                                    and index.count(m.name) < 2):
                b = bisect_left(breaks, chains.start.get(m.start, m.start))
                s0 = breaks[b - 1] + 1 if b else 0
                if self._opens_clause(text, m, s0, chains):
                    i = self._modified_head(text, mentions, i, at, eligible) if self.locative_ends else i
                    m = mentions[i]
                    if s0 <= at < (breaks[b] if b < len(breaks) else len(text)):
                        return i  # the metric's own sentence
                    if self._quoted_speaker_once(text, m, chains) and _new_paragraph(text, m.end, at) \
                            and not (m.type == "village" and any(w in text[m.end:at] for w in _VILLAGE_AGAIN)):
                        i -= 1
                        continue  # “…”某街道某社区网格党支部书记说 (named once): the speaker's place, no story
                    if self._example_in_report_paragraph(text, mentions, chains.starts, m, s0, subject):
                        return None
                    return None if self._parallel(text, mentions, eligible, i, s0, breaks, b, chains) else i
            i -= 1
        return None

    def _modified_head(self, text: str, mentions: list[Mention], i: int, at: int,
                       eligible: Callable[[int], bool]) -> int:
        """来到村里另一头的南宁市良庆区那陈种禽产业核心示范区: a place that only locates the name after 的 is no
        subject; the name it modifies is (the last of that name's chain)."""
        j = i + 1
        if j >= len(mentions) or mentions[j].start >= at:
            return i
        gap = text[mentions[i].end:mentions[j].start]
        if len(gap) > 8 or not gap.endswith(self.locative_ends) or CLAUSE_BREAK.search(gap):
            return i
        while j + 1 < len(mentions) and mentions[j + 1].start == mentions[j].end:
            j += 1
        return j if mentions[j].end <= at and mentions[j].type not in _PLACE_TYPES and eligible(j) else i

    def _person_name(self, text: str, at: int, forward: bool) -> str | None:
        """The person named right after ``at`` (forward) or right before it: a surname and one or two characters."""
        for n in (3, 2):
            a, b = (at, at + n) if forward else (at - n, at)
            if a < 0 or b > len(text) or text[a] not in self._surnames or not _HAN_NAME.fullmatch(text, a, b):
                continue
            if not forward or text[b:b + 1] in self._name_followers:
                return text[a:b]
        return None

    def _people(self, text: str, mentions: list[Mention]) -> list[tuple[int, str, int]]:
        """(where, person, body mention) for each person linked to a body, in text order: its head (某某公司总经理|
        王某某说), or its founder (康开祥成立|城口县某某公司; 郑景渠…。他顶着压力建起|瑞景家庭农场)."""
        speakers: list[tuple[int, str]] = []  # (where, name) of each person written before a speech verb
        if self._speech_after_name is not None:
            for v in self._speech_after_name.finditer(text):
                name = self._person_name(text, v.start(), False)
                if name is not None:
                    speakers.append((v.start() - len(name), name))
        names = {n for _, n in speakers}  # the persons, once
        links: list[tuple[int, str, int]] = []
        for i, m in enumerate(mentions):
            if m.type in _STORY_VILLAGES and not m.back_reference and self._place_head_titles:
                # 大街村党支部书记王城…“…60%的村民…”王城说: the village's head speaks for it
                after = text[m.end:m.end + 8]
                title = next((t for t in self._place_head_titles if after.startswith(t)), None) \
                    if after.startswith(self._place_head_titles) else None
                name = self._person_name(text, m.end + len(title), True) if title is not None else None
                name = next((n for n in (name, name[:-1]) if n in names), None) if name else None
                if name is not None:  # (王城|说: a name read forward may take the verb; the speaker is named)
                    links.append((m.end, name, i))
                continue
            if m.type not in _BODIES or m.back_reference:
                continue
            after = text[m.end:m.end + 8]
            title = next((t for t in self._head_titles if after.startswith(t)), None) \
                if after.startswith(self._head_titles) else None
            if title is not None:
                name = self._person_name(text, m.end + len(title), True)
                if name is not None:
                    links.append((m.end, name, i))
                    continue
            if self._founding is None:
                continue
            head = text[max(0, m.start - 16):m.start]
            found = None
            for f in self._founding.finditer(head):
                found = f
            if found is None or CLAUSE_BREAK.search(head, found.end()):
                continue
            verb = m.start - len(head) + found.start()
            name = self._person_name(text, verb, False)
            if name is not None and name not in names \
                    and not (len(name) == 3 and text[verb - 4:verb - 3] == "的"):
                name = None  # (全区共|创办…: a person is one who speaks in the text, or 回乡创业的|康开祥)
            if name is None:
                # 他顶着压力建起…: a pronoun opening the clause is the person named last before it
                brk = max((b.end() for b in CLAUSE_BREAK.finditer(text, max(0, verb - 12), verb)), default=-1)
                if brk >= 0 and text[brk:brk + 1] in self._pronouns:
                    name = next((n for w, n in reversed(speakers) if brk - 200 <= w < brk), None) \
                        or self._named_before(text, names, brk)
            if name is not None:
                links.append((m.end, name, i))
        links.sort()
        return links

    @staticmethod
    def _named_before(text: str, names: set[str], at: int) -> str | None:
        """The person of ``names`` written last in the 200 characters before ``at``."""
        best = max(((text.rfind(n, max(0, at - 200), at), n) for n in names), default=(-1, None))
        return best[1] if best[0] >= 0 else None

    def _person_body(self, text: str, mentions: list[Mention], starts: list[int], people: _People,
                     s0: int, at: int, index: _TextIndex, opening_only: bool = False) -> int | None:
        """康开祥成功从银行贷到360万元, “…33元一斤。”郑景渠说: a clause opened by a person linked to a body earlier,
        naming nothing else before the figure, or a quotation the person speaks, is the body's story (the body's
        latest mention). With ``opening_only``, only a person who opens a clause of the figure's sentence counts
        (这两年，郑景渠的海外生意…: ahead of the places the sentence named before the person)."""
        best = None
        close = -1
        para = index.paragraph(at)
        opening = index.last("“", para, at)
        if not opening_only and opening >= 0 and text.find("”", opening, at) < 0:
            close = text.find("”", at, at + 300)
        end = bisect_left(starts, at)
        # per person, once: a head linked to a place in every paragraph of a long text is still one person
        for name, (wheres, links) in people.items():
            if wheres[0] >= at:
                continue
            pos = index.last(name, s0, at)
            if opening_only and pos > s0 and not CLAUSE_BREAK.match(text, pos - 1) and text[pos - 1] != "\n":
                continue
            if pos < 0 and close >= 0 and (text.startswith(name, close + 1)
                                           or text.find(name, max(para, opening - 16), opening) >= 0):
                pos = s0  # the quotation's speaker, named after it or right before it
            if pos < 0:
                continue
            # nothing named between the person and the figure (bounded by the mentions' starts, not a scan): the
            # person's first link decides, unless a link inside that stretch narrows it
            after_pos = bisect_right(starts, pos)
            n = bisect_left(wheres, at)
            tried = [0] + list(range(max(1, bisect_left(links, after_pos, 0, n)), n))
            for x in tried:
                i = links[x]
                if not any(not m.back_reference for m in mentions[max(i + 1, after_pos):end]):
                    if best is None or pos > best[0]:
                        best = (pos, i)
                    break
        if best is None:
            return None
        name = mentions[best[1]].name
        return next(x for x in range(bisect_left(starts, at) - 1, best[1] - 1, -1) if mentions[x].name == name)

    @staticmethod
    def _quoted_speaker_once(text: str, m: Mention, chains: _Chains) -> bool:
        """Whether the mention opens the attribution of a quotation (…”鲁谷街道双锦园社区网格党支部书记说) and the
        text names the place nowhere else: a speaker's affiliation that the report does not go on about."""
        pos = chains.start.get(m.start, m.start)
        return text[max(0, pos - 4):pos].rstrip(" \u3000").endswith(("”", "」")) and text.count(m.name) == 1

    @staticmethod
    def _example_in_report_paragraph(text: str, mentions: list[Mention], starts: list[int], m: Mention, s0: int,
                                     subject: tuple[Any, ...] | None) -> bool:
        """咸阳市从…入手。…秦都区陕广社区依托…提供…服务。筑牢安全治理防线，…安装智能充电桩3200多个: a place
        brought in mid-paragraph, after the paragraph spoke of the report's own place, is an example; the
        sentences after it are the report's again."""
        if subject is None or m.name == subject[0] or m.type not in _STORY_PLACES:
            return False
        para = text.rfind("\n", 0, s0) + 1
        if not text[para:s0].strip():
            return False
        lo = bisect_left(starts, para)
        for j in range(lo, len(mentions)):
            x = mentions[j]
            if x.start >= s0 or x.name == m.name:
                return False  # the story's place was named first: the paragraph is its story
            chained = j + 1 < len(mentions) and mentions[j + 1].start == x.end  # 栖霞区|西岗街道|齐民路社区
            if x.name == subject[0] and not x.back_reference and not chained:
                return True
        return False

    def _parallel(self, text: str, mentions: list[Mention], eligible: Callable[[int], bool], i: int, s0: int,
                  breaks: list[int], b: int, chains: _Chains) -> bool:
        """吴村、左村建新率已达100%，河南村建新率为65%: a sentence that compares places of one type, each the
        subject of its own clause (a list's last item standing for the list), opens no story on any of them."""
        m = mentions[i]
        end = breaks[b] if b < len(breaks) else len(text)
        names = {m.name}
        for j in range(bisect_left(chains.starts, s0), len(mentions)):
            other = mentions[j]
            if other.start >= end:
                break
            if other.type == m.type and other.name not in names and not other.back_reference and eligible(j) \
                    and (text[other.start - 1:other.start] == "、" or self._opens_clause(text, other, s0, chains)):
                names.add(other.name)
        return len(names) > 1


@Language.factory("dangjian_attribution", default_config={"extra_lexicon": None},
                  requires=["doc.spans"], assigns=["span._.entity"])
def make_attribution(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None) -> Attribution:
    return Attribution(nlp, name, extra_lexicon)
