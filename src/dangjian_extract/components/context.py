"""Read a metric's clause for what it measures (``span._.object``) and which way it moved (``span._.change``).

The clause is the text between the nearest clause punctuation marks; cue words come from
``data/context.json``.
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_left, bisect_right
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import Fields, fields, register_extensions
from ..lexicon import Lexicon, alternation, lexicon_for
from ..spans import (
    CLAUSE_BREAK,
    RE_DIFFERS,
    char_class,
    clause_breaks,
    doc_text,
    phrase_breaks,
    plain_re,
    sentence_bounds,
    sentence_breaks,
)
from .entities import ENTITIES_KEY
from .quantities import METRICS_KEY

_BACK_TAIL = frozenset("里内")

_QUOTES = "“”‘’\"'《》「」『』〈〉"
# (a substitution: str.translate looks every character of CJK text up in its table, several times slower)
_QUOTE_MARKS = re.compile(f"[{re.escape(_QUOTES)}]")


def _unquoted(phrase: str) -> str:
    """The phrase without its quotation marks."""
    # (a search costs less than a substitution that finds nothing, and most phrases hold no quotation mark)
    return _QUOTE_MARKS.sub("", phrase) if _QUOTE_MARKS.search(phrase) is not None else phrase


_QUOTED_HEAD = regex.compile(r"(?:的)?[“\"]([^”\"]{1,8})[”\"]")
# words that end an object phrase after a measure word, or start the verb before a number
_AFTER_STOP = regex.compile(r"[的和与及等在为是了将到从把被向对给中上下里内外\s\d，。；！？、,;!?:：()（）…—]")
_AFTER_BREAK = regex.compile(r"[，。；！？,;!?:：\n…—]")
_AFTER_BREAK_CHARS = frozenset("，。；！？,;!?:：\n…—")  # (the characters of _AFTER_BREAK)
# 、占比为|24%: a share written right after a count (女性党员7人、占比为24%)
_SHARE_OF_COUNT = regex.compile(r"[、，,](?P<word>占比|比重)(?:为|达|是|约为|约|达到)?$")
# 占全国总产量超|40%, 占全市总人口的|18.36%: the base a share is of (not 占比, 占地: nouns of their own)
_SHARE_OF_BASE = regex.compile(r"占(?:到|了)?(?![比地用有据])(?P<base>[^\s，,。；;：:、“”的\d]{2,14}?)"
                            r"(?P<weight>的?比重)?"
                            r"(?:的|超过|超|达到|达|为|约|近|逾)*$")
_MODAL_INCOME = ("可增收", "能增收", "将增收")
_HAN_ONLY = regex.compile(r"[\u4e00-\u9fff]+")
_AGE = regex.compile(r"^(?:\d+[多余]?岁(?:以上|以下)?|\d+[多余]?年(?:以上|以下))的?")
_DIGIT = regex.compile(r"\d")
_NUMERAL = regex.compile(r"[\d.〇零一二三四五六七八九十百千万两]")
_WORD = regex.compile(r"[\p{Han}A-Za-z]")
# a part of _WORD that the standard re module reads (U+4E00–U+9FA5 are all Han), found faster: most phrases hold one
_COMMON_WORD = re.compile("[\u4e00-\u9fa5A-Za-z]")


def _has_word(phrase: str) -> bool:
    """Whether the phrase holds a Han character or a Latin letter (_WORD)."""
    if not phrase:
        return False
    return _COMMON_WORD.search(phrase) is not None or _WORD.search(phrase) is not None
_MAX_BEFORE = 12
# a noun read after a figure, cut here (4993座标准化跑道式螺旋藻养殖大棚: annotators keep its modifiers)
_MAX_AFTER = 14
_AFTER_VERB_ENDS = frozenset({"而成", "而来"})
#: 比 or 较 that sets a base (比上年, 较市中心); 占比, 之比, 比例 are nouns, 较高, 较为 adverbs of degree
_COMPARE_BASE = r"(?<![{not_after}])比(?![{not_before}])|(?<!比)较(?![高低多少快慢大小好强弱长短早晚为差])"
_QUALIFIER_WORDS = "将近|接近|大约|超过|约|近|超|逾|达"
_QUALIFIER_CHARS = " 约近超逾达了将接大过"
_FIGURE_DIGIT = regex.compile(r"[0-9０-９一二三四五六七八九十两百千万]")
_COMMA_BREAK = regex.compile(r"[，,。；;！？!?\n]")  # the end of a clause, commas included
_DESCRIBED_REACH = 30  # characters after a count searched for the 的 that closes its items' measures
_COUNTED_REACH = 300  # characters before a bare measure word searched for the count that named its noun
_PREDICATE_MAX = 10  # characters of a predicate after a count of people that can name what they are counted by
#: after a verb they make a noun: 建设者, 申请人, 覆盖率, 满意度, 种植面积
_NOUN_SUFFIX = "者员队站人户点室率量额值费价型式度面"
_PAREN = regex.compile(r"\([^()]{1,12}\)$")  # 工人(工勤技能人员)|671.8万名: a gloss, not the object
#: 信用时长(指志愿者…记录的服务时长)超890万小时: an explanation in brackets, wherever it stands
_GLOSS = regex.compile(r"[（(](?:指|即|含|包括|不含)[^（）()]{1,80}[）)]")
_OF = regex.compile(r"(?:以上|以下|左右)的?|的")  # 90%以上的社区, 20%以上增速
_RATE = regex.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:%|％|个百分点)")
_CLAUSE_END = regex.compile(r"[；;。！？!?]")
# 比篮球场还大的…: a comparison that closes a relative clause (not 比特币, a word that opens with 比)
_COMPARED_CLAUSE = regex.compile(r"比[^，,。；;的]{1,10}[还更][^，,。；;的]{1,4}的")
_PAIR_JOIN = regex.compile(r"[和与及]")  # two nouns before 分别, joined by a conjunction
_NUMBER_RUN = regex.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_RESPECTIVE_REACH = 400  # characters before a rate looked at for its 分别, and after it for the clause's end
# the first words of the next figure, not of this one's noun: 各 (各1条, distributive), 以 (8784吨碳汇资产|以70.3万元),
# 自/从/于 (32台电梯|自2004年)
_NEXT_FIGURE_HEADS = "约近超逾共计达各以自从于"
_FUNCTION_ONLY = frozenset("与和同及或并较比跟而且")
_MULTIPLIERS = frozenset("十百千万亿")
_POSITION = frozenset("中上下内外")
#: measure words of places and bodies, whose noun a predicate follows (93个社区|签订…, 12家企业|入驻…)
_BODY_COUNTS = frozenset("个家所")
# a noun goes on after a position character: a Han character that is no stop, cut word or verb opener
_NOUN_START = regex.compile(r"(?![的和与及等在为是了将到从把被向对给中上下里内外有也仅使又均就已还都])\p{Han}")
# an account line: item，sum，comment； (修农田机电井，2536元，老百姓浇地不发愁；)
_ITEM_ENDS = frozenset("，,；;。")
_LIST_JOINS = ("以及", "及", "和", "与")  # the last item of a list of shares or figures
_COUNT_JOINS = frozenset(("、", *_LIST_JOINS))  # between two counts of one noun (党员120名、86名)
_PER_MARKS = frozenset("/／")
_ONE_OR_PER = regex.compile(r"[一每]\p{Han}{1,2}")  # 一笔, 每户: a measure word before the figure, no noun
_ITEM_STARTS = "，,；;。：:\n"
_HAN_LIST = regex.compile(r"[\p{Han}、]+")
_TOPIC_REACH = 160  # characters looked back for a clause group's topic or a 分别 (keeps long sentences linear)
_LEADS = ("", "的", "当作", "作为", "用作")  # characters of an object read before its number
_RANGE = r"[\d一二三四五六七八九十]+[至到~—-][\d一二三四五六七八九十]+"  # 31至35岁党员: one word
_RANGE_OPENING = r"\d一二三四五六七八九十"  # the characters a range or a date (_DATE) opens with
_DATE = r"\d+(?:\.\d+)?(?:年|月份?|日|号)(?:底|初|末|中|以来|来)?"
# X占Y的一半, X从A降至B, X由原来的…, X比上年增长…, X高于全国平均增速…: the object is X, never Y
# (every branch opens with its character, the context before it checked after it, 比(?<![对…]比) for
# (?<![对…])比: the standard re module then finds where a match can start by one scan for those characters)
_MARKS = (r"占(?![比地用有据])|比(?<![对评攀无好相同环]比)(?![例重赛如较拼率分])|较(?=[上去前同今年往原\d])|相比|相较|"
          r"高于|低于|多于|少于|从(?<![自服随]从)(?![事业而严])|由(?<![自理缘来经]由)(?![于此])")
_EARLIER = 8  # metrics of the sentence looked back at for a shared object
_UNREAD = object()  # a value not read yet
_PLACES = frozenset({"province", "district", "subdistrict", "community", "village", "compound"})
#: bodies whose name before a figure starts its object, unless the figure counts them (茶叶加工厂|1座)
_BODIES = frozenset({"project", "enterprise", "organisation", "park"})


def _trie(words: Any) -> str:
    """The words as a prefix tree (lexicon.alternation), longest first, led by a class of their first characters
    when there are more than eight: both engines try the branches of an alternation in turn at every position,
    and a class is one test."""
    words = {str(w) for w in words if w}
    firsts = sorted({w[0] for w in words})
    if len(firsts) <= 8:
        return alternation(words)
    return f"(?=[{_class_of(firsts)}])(?:{'|'.join(_buckets(words, firsts))})"


_BUCKET = 12  # first characters per bucket: about the square root of the longest lists' (100–170)


def _class_of(chars: list[str]) -> str:
    return "".join(regex.escape(ch) for ch in chars)


def _buckets(words: set[str], firsts: list[str]) -> list[str]:
    """The prefix tree of the words split by first character into buckets, each led by a class of its first
    characters. Both engines try the branches of an alternation one after another, so a position reached every
    first character of a long list; with buckets it tries a few classes, then the dozen branches of one bucket.
    At a position only the branch of the character there can match, so the order of the branches across buckets
    changes no match."""
    out = []
    for i in range(0, len(firsts), _BUCKET):
        chars = firsts[i:i + _BUCKET]
        lead = frozenset(chars)
        out.append(f"(?=[{_class_of(chars)}]){alternation(w for w in words if w[0] in lead)}")
    return out


class _Cut:
    """A cut found by rule, not by a token match: reads like a verb token for the after-phrase rules."""

    __slots__ = ("_start",)

    def __init__(self, start: int) -> None:
        self._start = start

    def start(self) -> int:
        return self._start

    def group(self, name: str | int = 0) -> str | None:
        return "" if name == 0 else None


#: what follows an amount without being part of its noun (100万元以上收入, 30万元左右的收益)
_NOT_MONEY_NOUN_HEADS = frozenset(("以上", "以下", "左右", "上下", "之间", "用于", "用作", "用来", "作为", "当作",
                                   "转为", "变为", "的的"))


class _Item:
    """A metric as this component reads it: its offsets and its fields (one lookup, not one per use)."""

    __slots__ = ("start_char", "end_char", "f")

    def __init__(self, start_char: int, end_char: int, f: Fields) -> None:
        self.start_char, self.end_char, self.f = start_char, end_char, f


class ContextReader:
    def __init__(self, nlp: Language, name: str, extra_lexicon: dict[str, Any] | None = None) -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicon = lexicon_for(extra_lexicon)
        ctx = self.lex.raw["context"]
        # the patterns, by attribute name: compiled by the standard re module for text that both modules read
        # alike (faster on these short strings, see self._plain), by regex on first need for other text
        sources: dict[str, str] = {}
        sources["_increase"] = alternation(self.lex.increase)
        sources["_decrease"] = alternation(self.lex.decrease)
        # (searched for, not matched at a position: a prefix tree with no lookahead in front, unlike _trie, so that
        # the standard re module scans for the branches' first characters itself)
        sources["_any_cue"] = alternation([*self.lex.increase, *self.lex.decrease])
        sources["_after_noun"] = _trie(ctx["object_nouns_after"])
        sources["_after_price"] = _trie(ctx.get("object_price_nouns", ()))
        # 帮扶资金, 经济收入, 产业融合资金: a money noun with up to four characters of its own before it
        # (not 的收益, 当作启动资金: 的 and a verb of use stand before the noun, not in it)
        not_heads = alternation(_NOT_MONEY_NOUN_HEADS | {"的"})
        money_noun = sources["_after_noun"]
        sources["_after_modified_noun"] = f"(?!{not_heads})(?:(?!的)[\u4e00-\u9fff]){{0,4}}?(?:{money_noun})"
        sources["_after_verb"] = _trie(ctx["object_verbs_after"])
        self.noun_finals = frozenset(ctx["object_noun_finals"])
        self.year_nouns = tuple(ctx.get("object_year_nouns", ()))
        # characters that make 过 part of a verb (经过, 度过), not the qualifier "over": the quantities' own list
        self._guo_not_after = frozenset(self.lex.raw["qualifiers"].get("not_after", {}).get("过", ()))
        # qualifier words that govern a figure across a modal or a verb (最高能分到, 约有): no object holds them
        across = [w for w in self.lex.raw["qualifiers"].get("across", {}) if len(w) > 1]
        if across:
            sources["_across_words"] = alternation(across)
        else:
            self._across_words = None
        # an object is the noun phrase between verbs, adverbs, dates and function words; words that hold
        # one of those inside (在职, 党组织, 人均, 有限) are read whole; a verb before 者/员/队/站 makes a noun
        verbs = _trie(ctx["object_cut_verbs"])
        other = ctx["object_cut_other"]
        multi = _trie(w for w in other if len(w) > 1)
        single = regex.escape("".join(sorted(w for w in other if len(w) == 1)))
        # 村均 before a verb is 村 + 均 (建制村均建立了党组织): those words are tried last, with their lookahead
        not_before = ctx.get("object_keep_not_before", {})
        keep = _trie(w for w in ctx["object_keep_words"] if w not in not_before)
        if not_before:
            keep += "|" + "|".join(f"{regex.escape(w)}(?!{alternation(after)})" for w, after in not_before.items())
        sources["_keep"] = keep
        tokens = (f"(?P<keep>{keep}|{_RANGE})|(?P<date>{_DATE})|(?P<verb>(?:{verbs})(?![{_NOUN_SUFFIX}]))"
                  f"|(?P<cut>{multi}|[{single}]")
        ends = _trie(ctx.get("object_phrase_ends", ()))
        after_tokens = tokens + (f"|{ends}" if ends else "") + f"|[{_AFTER_STOP.pattern[1:-1]}])"
        tokens += ")"
        # the characters a token opens with, as a class in front: one test rejects a position where no branch
        # could start (every branch reads at least one character, so the matches are the same)
        words = [*ctx["object_keep_words"], *not_before, *ctx["object_cut_verbs"], *other]
        if all(not_before):
            opening = _RANGE_OPENING + "".join(sorted({regex.escape(str(w)[0]) for w in words if w}))
            tokens = f"(?=[{opening}])(?:{tokens})"
            after_opening = opening + "".join(sorted({regex.escape(str(w)[0]) for w in
                                                      ctx.get("object_phrase_ends", ()) if w}))
            after_tokens = f"(?=[{after_opening}{_AFTER_STOP.pattern[1:-1]}])(?:{after_tokens})"
        sources["_tokens"], sources["_after_tokens"] = tokens, after_tokens
        self.person_units = frozenset(ctx["person_units"])
        self.people_finals = tuple(ctx.get("people_finals", ()))
        self.topic_endings = tuple(ctx.get("object_topic_endings", ()))
        self.topic_predicates = tuple(ctx.get("object_topic_predicates", ()))
        self.one_char_nouns = frozenset(ctx.get("object_one_char_nouns", ()))
        self.dimension_words = tuple(sorted(ctx.get("dimension_words", ()), key=len, reverse=True))
        # a sentence that opens on a noun after a determiner (像这样的背街小巷，…; 这些申报材料要…)
        self._determined_topic_re = regex.compile(
            rf"[“”\s]*(?:像|对于|对)?(?:{alternation(ctx.get('topic_determiners', ()))})(\p{{Han}}{{2,8}})")
        # an item's measures after a count: the dimensions written before a figure (占地, 全长…) and the attributes
        self.attribute_words = tuple(sorted(set(self.dimension_words) | set(ctx.get("attribute_words", ())),
                                            key=len, reverse=True))
        self.counted_heads = frozenset(ctx.get("object_counted_heads", ()))
        modals = ctx.get("object_after_modals", {})
        self.after_modals = frozenset(modals.get("chars", ""))
        # (with the words read whole that hold one of them: 功能, 能源, 许可…)
        self.after_modal_words = tuple(dict.fromkeys(
            list(modals.get("words", ())) + [w for w in ctx["object_keep_words"]
                                             if any(ch in w for ch in self.after_modals)]))
        # verbs that end the phrase before a figure and name what it is, by the figure's kind: earning (一天能挣150元
        # → 收入) and selling (一天卖1万多杯 → 销量, 一斤能卖到6毛钱 → 售价), tried in that order
        earning = ctx.get("object_earning_verbs", {})
        sale = ctx.get("object_sale_verbs", {})
        self.verb_nouns: list[tuple[tuple[str, ...], dict[str, str]]] = [
            (tuple(sorted(verbs, key=len, reverse=True)), nouns) for verbs, nouns in (
                (earning.get("verbs", ()), {"money": earning["noun"]} if earning.get("noun") else {}),
                (sale.get("verbs", ()), dict(sale.get("nouns", {})))) if verbs and nouns]
        self.standalone_objects = tuple(sorted(ctx.get("standalone_objects", ()), key=len, reverse=True))
        from .entities import clause_head_words  # the verbs the entity finder cuts names at, and the user's

        self.clause_heads = clause_head_words(self.lex.raw["entities"]["name_edges"])
        # characters that complete a verb written right before them (评选出): alone, they name nothing
        self._complements = frozenset(ctx.get("object_result_complements", ()))
        # verbs that are nouns too and name what a figure measures (收入120万元, 投资3亿元)
        self._verb_noun_words = frozenset(ctx.get("object_verb_nouns", ())) | frozenset(ctx.get("noun_units", {})) \
            | frozenset(ctx.get("object_topic_endings", ()))
        # one-character qualifiers right before a figure (累计投入|约27亿元): no piece of the phrase before it
        self._approximate = frozenset(ctx.get("object_approximate_before", ()))
        # 比普通大米高|20%, 比从前少了|一半, 较上年多出|3家: the comparative right before the number
        self.compare_words = {**{w: "increase" for w in ctx["compare_increase"]},
                              **{w: "decrease" for w in ctx["compare_decrease"]}, **ctx["compare_after_mark"]}
        # 改造提升77公里: a cue that ends a compound verb of works (改造提升) upgrades things, it changes no figure
        self.change_not_after = tuple(ctx.get("change_cue_not_after", ()))
        self._works_after = tuple(ctx.get("change_rebuilt_words", ()))
        self.rate_nouns = tuple(sorted(ctx.get("object_rate_nouns", ()), key=len, reverse=True))
        # a rate noun that is the object of a bare rate says its direction (20%以上增速, 15%的降幅): by the change
        # words it opens with
        decrease = tuple(self.lex.decrease)
        self.rate_changes = {w: "decrease" if w.startswith(decrease) else "increase" for w in self.rate_nouns
                             if w.startswith(decrease) or w.startswith(tuple(self.lex.increase))}
        nouns = ctx.get("change_cue_nouns", ())
        # the first characters of every word change() looks for before a number (cues, comparison words and marks,
        # cue nouns): a clause without any of them, most clauses, holds none of those words
        openers = {str(w)[0] for w in (*self.lex.increase, *self.lex.decrease, *ctx["compare_increase"],
                                       *ctx["compare_decrease"], *ctx["compare_after_mark"], *nouns) if w}
        self._change_openers = char_class(openers) if openers else None
        # one search for any level word (降至, 提升为…) and any basis word (同比, 环比…) instead of a test per word
        level = alternation(self.lex.level)
        self._level_words = re.compile(level)
        # a qualifier word written right before a figure (贡献了近|35%的…), cut to read what stands before it
        qualifiers = alternation([*self.lex.qualifiers_before, *self.lex.qualifiers_bare_before])
        self._qualifier_end = re.compile(f"(?:{qualifiers})$")
        # a clause that only says a change reached the figure (，增长至现在的|68人, 降至现在的|3%以内): a verb of at
        # most two characters, a level word, a time word (data: level_times), 的 and a qualifier
        self._level_reached = re.compile(
            rf"^[，,、]?[\u4e00-\u9fff]{{0,2}}(?:{level})"
            rf"(?:{alternation(ctx.get('level_times', ()) or ('现在',))})?的?(?:{qualifiers})?$")
        self._basis_words = re.compile(alternation([*ctx["basis_yoy"], *ctx["basis_mom"]]))
        if nouns:
            sources["_cue_nouns"] = alternation(nouns)
        else:
            self._cue_nouns = None
        sources["_compare_end"] = (
            f"(?P<word>{alternation(ctx['compare_increase'] + ctx['compare_decrease'])})了?(?:{_QUALIFIER_WORDS})?$")
        # 比 that sets a base (比上年, 比普通大米); 占比, 之比, 比例 are nouns
        sources["_compare_base"] = _COMPARE_BASE.format(
            not_after=regex.escape("".join(ctx.get("compare_base_not_after", ()))) or "\x00",
            not_before=regex.escape("".join(ctx.get("compare_base_not_before", ()))) or "\x00")
        sources["_compare_mark"] = f"(?P<mark>{_trie(ctx['compare_after_mark'])})(?P<base>[^，。；、,;\\d]{{0,16}})$"
        self.compound_verbs = frozenset(ctx["object_compound_verbs"])
        self.adverbs = frozenset(ctx.get("object_adverbs", ""))
        # the words of a share written as a fraction of a whole (九成村屯, 半数农村): the noun after them is its whole
        self.share_units = frozenset(ctx.get("object_share_units", ()))
        self._adverb_chars = "".join(sorted(self.adverbs))  # (for str.lstrip)
        self._share_adverbs = self._adverb_chars + "只仅约已共"  # (面积只占…: still the noun right before 占)
        self.general_measures = frozenset(ctx.get("object_general_measures", ()))
        # 保持在60亿斤水平: a word after the figure that names its level, not what it measures
        self.level_words_after = frozenset(ctx.get("object_level_words_after", ()))
        ent = self.lex.raw["entities"]
        self._place_words = frozenset(b + level for b in ent["back_references"] for level in ent["level_chars"])
        sources["_marks"] = _MARKS
        self._bare_before = sorted(self.lex.qualifiers_bare_before, key=len, reverse=True)
        # an object written before its number: verbs and adverbs between it and the number are cut from its end
        # (党支部数量已达|75个), list openers and verbs from its start (其中|, 新建|)
        sources["_trim_end"] = f"(?:{alternation(ctx['object_trim_end'])})+$"
        sources["_trim_start"] = f"^(?:{alternation(ctx['object_trim_start'])})+"
        # a piece that neither opens nor ends with one of those words is left as it is without trying the patterns
        # (a sub with an anchor at the end is tried at every position of the piece)
        self._trim_start_words = tuple(str(w) for w in ctx["object_trim_start"] if w)
        self._trim_end_words = (*(str(w) for w in ctx["object_trim_end"] if w), "等")
        # (their first and last characters: one set look-up turns most pieces away before the words are tried)
        self._trim_start_firsts = frozenset(w[0] for w in self._trim_start_words)
        self._trim_end_lasts = frozenset(w[-1] for w in self._trim_end_words)
        self._per_unit_end = tuple(ctx.get("object_per_unit_end", ()))
        # the small patterns read for every metric too: a call of re costs half one of regex on these strings
        for attr, pattern in (("_after_break", _AFTER_BREAK), ("_age", _AGE), ("_digit", _DIGIT), ("_of", _OF),
                              ("_quoted_head", _QUOTED_HEAD), ("_paren", _PAREN), ("_gloss", _GLOSS),
                              ("_numeral", _NUMERAL)):
            sources[attr] = pattern.pattern
        self._sources = sources

        # the same reader with its patterns in the standard re module where re reads them alike
        self._plain = copy.copy(self)
        for attr, pattern in sources.items():
            setattr(self._plain, attr, plain_re(pattern) or regex.compile(pattern))

    def __getattr__(self, name: str) -> Any:
        """A pattern not compiled yet (this reader's patterns are compiled by regex on first use)."""
        sources = self.__dict__.get("_sources")
        if sources is None or name not in sources:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        for attr, pattern in sources.items():
            if attr not in self.__dict__:
                self.__dict__[attr] = regex.compile(pattern)
        return self.__dict__[name]

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if RE_DIFFERS.search(text) is None:
            return self._plain._read(doc, text)
        return self._read(doc, text)

    def _read(self, doc: Doc, text: str) -> Doc:
        # a place written before the number starts the object after it (带动西渠头村|集体经济增收)
        # (村里|投资: a back-reference's 里/内 is part of it; 村里|20多人 keeps 村里 as the object's head)
        # read from the stored mention tuples (start, end, name, type, parent, clean, back_reference, …): only
        # three fields are needed, and mentions_of would build a Mention of each first
        entity_ends = sorted(e[1] + (e[6] and text[e[1]:e[1] + 1] in _BACK_TAIL
                                     and not text[e[1] + 1:e[1] + 2].isdigit())
                             for e in doc.user_data.get(ENTITIES_KEY, ()) if e[3] in _PLACES
                             or e[3] in _BODIES and not self._digit.match(text, e[1]))
        # (龙凤堂物流基地项目|和总投资, 天成娱乐投资有限公司|斥资; not 经济项目|94个, 茶叶加工厂|1座: what is counted)
        entity_starts = sorted(e[0] for e in doc.user_data.get(ENTITIES_KEY, ()) if e[3] in _PLACES and not e[6])
        earlier: list[_Item] = []
        carried: list[_Item] = []
        sentence: tuple[int, int] | None = None
        items = sorted((_Item(s.start_char, s.end_char, fields(s)) for s in doc.spans.get(METRICS_KEY, [])),
                       key=lambda it: it.start_char)
        # where phrases, clauses and sentences break, found once per Doc (each mark is one character); the
        # widest first, as the others are picked out of it
        phrase_marks = phrase_breaks(doc) if items else []
        clause_marks = clause_breaks(doc) if items else []
        breaks = sentence_breaks(doc)
        for i, item in enumerate(items):
            f = item.f
            bounds = sentence_bounds(text, breaks, item.start_char, item.end_char)
            f.sentence = bounds
            if bounds != sentence:
                # parallel clauses joined by ； share their objects (将收益的30%用于…；30%用于…)
                joined = sentence is not None and text[sentence[1] - 1:sentence[1]] in ("；", ";")
                carried = [e for e in earlier[-_EARLIER:] if e.f.object] if joined else []
                sentence, earlier = bounds, []
            clause_start = self._clause_start(phrase_marks, f.numeral_start or item.start_char)
            prefix = text[clause_start:item.start_char]
            # (most clauses hold no closing bracket: two `in` tests spare the two searches and the max)
            close = max(prefix.rfind(")"), prefix.rfind("）")) if ")" in prefix or "）" in prefix else -1
            if close >= 0 and max(prefix.rfind("(", 0, close), prefix.rfind("（", 0, close)) < 0:
                # 信用时长(指…签到、签退…的服务时长)超890万小时: a parenthesis holds no clause break of the sentence
                opening = max(text.rfind("(", 0, clause_start), text.rfind("（", 0, clause_start))
                if opening >= 0 and clause_start - opening < 200:
                    clause_start = self._clause_start(phrase_marks, opening)
                    prefix = text[clause_start:item.start_char]
            # a verb before a list governs every item: 新建冷链仓储中心1座、分拣线2条
            list_start = self._clause_start(clause_marks, item.start_char)
            if f.change is None:
                f.change = self.change(text[list_start:item.start_char], text, item)
            if f.change is not None:
                f.basis = self.basis(text[list_start:item.start_char])
            # only places inside the clause matter; bounded slices keep long one-sentence texts linear
            lo, hi = bisect_left(entity_ends, clause_start), bisect_right(entity_ends, item.start_char)
            # the next figure, written right after this one or after a 、 (59处、38.7万平方米集中育秧设施)
            following = items[i + 1] if i + 1 < len(items) and (
                items[i + 1].start_char == item.end_char
                or items[i + 1].start_char == item.end_char + 1 and text[item.end_char] == "、") else None
            k = bisect_right(entity_starts, item.end_char)
            f.object = self.object(prefix, text, item, earlier[-_EARLIER:], entity_ends[lo:hi], following, carried,
                                   entity_starts[k] if k < len(entity_starts) else None)
            if f.change is None and f.kind == "percent" and f.object in self.rate_changes:
                f.change = self.rate_changes[f.object]  # 保持20%以上增速: a rate of growth is an increase
            earlier.append(item)
            if len(earlier) > 4 * _EARLIER:  # only the last few are read
                del earlier[:-_EARLIER]
        for item in items:
            f = item.f
            if f.object and f.object == f.unit_text and f.unit in self.person_units:
                # 已有1040人实现就业, 累计为1300人提供免费技能培训: people counted with no noun of their own are
                # counted by what they do, the predicate after them (after all objects are read: a later count
                # of the same people carries their noun, not this predicate)
                f.object = self._predicate_after(text, item) or f.object
        return doc

    @staticmethod
    def _clause_start(marks: list[int], pos: int) -> int:
        """Just after the last break mark before pos, looking back at most 80 characters."""
        lo = pos - 80 if pos > 80 else 0
        i = bisect_left(marks, pos) - 1
        return marks[i] + 1 if i >= 0 and marks[i] >= lo else lo

    def basis(self, prefix: str) -> str | None:
        """yoy (同比, 较去年) or mom (环比, 较上月) for a change, from the cue nearest the number."""
        if not self._basis_words.search(prefix):
            return None  # (most changes name no basis: one search spares a look for each word)
        best: tuple[int, str] | None = None
        ctx = self.lex.raw["context"]
        for words, basis in ((ctx["basis_yoy"], "yoy"), (ctx["basis_mom"], "mom")):
            for word in words:
                pos = prefix.rfind(word)
                if pos >= 0 and (best is None or pos > best[0]):
                    best = (pos, basis)
        return best[1] if best else None

    def change(self, prefix: str, text: str, span: _Item) -> str | None:
        """increase/decrease when a cue stands before the number in its clause, or right after it."""
        if self._change_openers is None or self._change_openers.search(prefix) is None:
            return self._change_after(text, span)  # (no word of a cue or a comparison can start in the prefix)
        if self._cue_nouns is not None and self._cue_nouns.search(prefix):
            prefix = self._cue_nouns.sub(lambda m: "\x00" * len(m.group()), prefix)  # 增加值 is a noun
        compared = self.compared(prefix)
        if compared is not None:
            return compared or None
        # (one scan for any cue finds most clauses hold none, and spares the scans for each direction)
        best = self._nearest_cue(prefix) if self._any_cue.search(prefix) else None
        if best is not None:
            between = prefix[best[2]:]
            if self._level_words.search(between):
                return None  # 降至700余件, 提升至96%: a level reached, not a change
            if "占" in prefix[best[0]:]:
                return None  # 反映增速的“发展指数”占60%: a share stated after the cue's word, not a change
            if span.f.kind == "count" and self._rate_after(text, span):
                return None  # 提高…900余人饮水保障率: the rate after the people counted is what rises
            return best[1]
        return self._change_after(text, span)

    def _change_after(self, text: str, span: _Item) -> str | None:
        """increase/decrease when a cue follows the number (past a qualifier written after it)."""
        tail = text[span.end_char:span.end_char + 6]
        tail = tail[2:] if tail[:2] in self.lex.qualifiers_after else tail
        if tail.startswith(self.lex.increase_after):
            return "increase"
        if tail.startswith(self.lex.decrease_after):
            return "decrease"
        return None

    def _nearest_cue(self, prefix: str) -> tuple[int, str, int] | None:
        """(end, direction, start) of the change cue nearest the number that is not set aside by its context."""
        best: tuple[int, str, int] | None = None
        for pattern, direction in ((self._increase, "increase"), (self._decrease, "decrease")):
            # the cue nearest the number wins: each pattern's matches are tried from the last one back
            for m in reversed(list(pattern.finditer(prefix))):
                if best is not None and m.end() <= best[0]:
                    break
                if "等" in prefix[m.end():] and "、" in prefix[max(0, m.start() - 5):m.start() + 1] \
                        or prefix.startswith("等", m.end()):
                    continue  # 老旧小区、新建小区等5类小区, 物业服务质效提升等30余条: the cue is in a list item
                if prefix.startswith("、", m.end()) and prefix.startswith(self._works_after, m.end() + 1):
                    continue  # 新建、改造房屋260万平方米: what was built and rebuilt, summed, is no change
                if m.start() and prefix[m.start() - 1] in "各该":
                    continue  # 各新建党支部研究确定…1600余件: the cue describes the bodies, it changes no figure
                if prefix.rfind("“", 0, m.start()) > prefix.rfind("”", 0, m.start()) \
                        and prefix.find("”", m.end()) >= 0:
                    continue  # “多元友好、全面提升、深度融入”三项行动: a cue inside a closed quotation
                if self.change_not_after and prefix.endswith(self.change_not_after, 0, m.start()):
                    continue
                if m.group().startswith("新") and not m.group().startswith(("新增", "新添")) \
                        and "的" in prefix[m.end():m.end() + 2]:
                    continue  # 新建的两道拦河堰, 新修的2.3公里轴线, 新开|放的3座公园: what was built, described, not a
                    # change (新增的13个口袋公园 is what was added)
                best = (m.end(), direction, m.start())
                break
        return best

    @staticmethod
    def _rate_after(text: str, span: _Item) -> bool:
        """Whether the clause goes on from the count to a rate it qualifies (900余人饮水保障率；)."""
        end = CLAUSE_BREAK.search(text, span.end_char, span.end_char + 16)
        tail = text[span.end_char:end.start() if end else span.end_char + 16]
        return 0 < len(tail) <= 12 and tail.endswith(("率", "水平"))

    def compared(self, prefix: str) -> str | None:
        """A difference from a base (guide §5): 比普通大米高20%, 比从前少了一半, 高于全国平均增速0.4个百分点.

        "" when the words compare but state no change (低于5万元: a threshold); None when nothing compares."""
        tail = len(prefix) - 8  # only the end of the prefix can match: no scan of the whole clause
        m = self._compare_end.search(prefix, max(0, tail))
        if m is not None and self._compare_base.search(prefix, 0, m.start()):
            return self.compare_words[m.group("word")]
        m = self._compare_mark.search(prefix, max(0, tail - 12))
        if m is not None:
            # 高于全国平均增速|0.4个百分点 compares with a base; 低于|5万元 is a threshold (qualifier `under`)
            return self.compare_words[m.group("mark")] if m.group("base").strip(_QUALIFIER_CHARS) else ""
        return None

    def object(self, prefix: str, text: str, span: _Item, earlier: list[_Item], entity_ends: list[int],
               following: _Item | None = None, carried: list[_Item] | None = None,
               place_after: int | None = None) -> str | None:
        """A short phrase for what is counted or measured: after a measure word, else before the number.

        ``place_after``: where the next place named after the number starts (4台联合收割机开进|某村麦地)."""
        found = self._object_read(prefix, text, span, earlier, entity_ends, following, carried, place_after)
        kind = span.f.kind
        if found:
            for verbs, nouns in self.verb_nouns:
                if kind in nouns and found.endswith(verbs):
                    return nouns[kind]  # 一天能挣150元 (收入), 一天卖1万多杯 (销量): the verb names no noun
        if found and kind == "percent" and "占" in prefix:
            share = _SHARE_OF_BASE.search(prefix)
            lead = prefix[:share.start()].rstrip(self._share_adverbs) if share is not None else ""
            if share is not None and not lead.endswith(found):
                # 年产铅笔100亿支，占全国总产量超40%: a share of a base, its noun written apart, is named with its
                # base (铅笔占全国总产量); written right before 占 (小微企业占到…, 面积只占…), the noun alone names it
                return found + "占" + share.group("base") + (share.group("weight") or "")
        if found is None or len(found) != 1 or found in self.one_char_nouns:
            return found
        if found == span.f.unit:
            counted = self._counted_before(text, span)
            if counted:
                return counted  # 这110个免费停车场…吉阳区26个: the noun the paragraph counted by that measure word
            last = earlier[-1] if earlier else None
            if last is not None and last.f.unit == found and last.f.object and last.f.object != found \
                    and text[last.end_char:span.start_char] in _COUNT_JOINS:
                return last.f.object  # 分别有党员120名、86名: the second count of the noun the first named
        # 按|8%的分红比例: one character left of a phrase is a preposition or a verb, not a noun; where a noun after
        # the figure names what it measures, that is the object (else the character stays: measured on unseen
        # reports, dropping it or taking the clause's figure before cost more than it gained)
        after = self._named_after(text, span)
        if after:
            return after
        return found

    def _counted_before(self, text: str, span: _Item) -> str | None:
        """The noun after the latest earlier count of the same measure word in the figure's paragraph."""
        reach = max(0, span.start_char - _COUNTED_REACH)
        lo = text.rfind("\n", reach, span.start_char) + 1 or reach
        unit = span.f.unit_text or span.f.unit
        at = text.rfind(unit, lo, span.start_char)
        while at > lo:
            if _NUMERAL.match(text, at - 1):
                noun = self._noun_at(_unquoted(text[at + len(unit):at + len(unit) + 12]))
                if noun and noun[0] not in self.one_char_nouns:
                    return noun
            at = text.rfind(unit, lo, at)
        return None

    def _predicate_after(self, text: str, span: _Item) -> str | None:
        """The verb phrase right after a count of people, up to its clause's end (at most _PREDICATE_MAX
        characters, adverbs before it dropped)."""
        end = _COMMA_BREAK.search(text, span.end_char, span.end_char + _PREDICATE_MAX + 4)
        phrase = text[span.end_char:end.start() if end else span.end_char + _PREDICATE_MAX]
        phrase = phrase.lstrip(self._adverb_chars)
        if len(phrase) < 2 or len(phrase) > _PREDICATE_MAX or not _HAN_ONLY.fullmatch(phrase) \
                or phrase[0] in "的次" or self._after_verb.match(phrase):
            return None  # (20多人的队伍, 3人次, 9525名以上: no predicate of their own)
        return phrase

    def _described_after(self, text: str, span: _Item) -> str | None:
        """19个|直径30米、高30余米的巨大钢圆筒: a count followed by its items' measures (an attribute word and a
        number) counts the noun after the 的 that closes them, not the attribute."""
        at = span.end_char
        word = next((w for w in self.attribute_words if text.startswith(w, at)), None)
        if word is None or not _FIGURE_DIGIT.match(text, at + len(word)):
            return None
        end = _COMMA_BREAK.search(text, at, at + _DESCRIBED_REACH)
        de = text.rfind("的", at, end.start() if end else min(len(text), at + _DESCRIBED_REACH))
        if de < 0:
            return None
        return self._noun_at(_unquoted(text[de + 1:de + 12]))

    def _object_read(self, prefix: str, text: str, span: _Item, earlier: list[_Item], entity_ends: list[int],
                     following: _Item | None, carried: list[_Item] | None, place_after: int | None) -> str | None:
        x = span.f
        kind, unit = x.kind, x.unit  # (read once: each field read is a property call)
        if x.source == "counted_noun" or x.source == "big_noun" and unit and len(unit) > 1:
            return unit  # 5村, 四大展厅: the counted noun (not 七大项, whose noun follows)
        if unit == "人" and x.unit_text and len(x.unit_text) > 1 and x.unit_text[0] != "人":
            return x.unit_text  # 近15万福建人: the people of a place, counted
        # both read a 分别 written in the figure's sentence before it: one look for it spares them most figures.
        # It looks where they do: a rate's bounded reach, else the topic's (a sentence of 100 k characters without a
        # stop would make the look quadratic)
        reach = _RESPECTIVE_REACH if kind == "percent" else _TOPIC_REACH
        if x.sentence and text.find("分别", max(x.sentence[0], span.start_char - reach), span.start_char) >= 0:
            respective = self._respective(text, span, earlier) or self._respective_nouns(text, span, earlier)
            if respective:
                return respective
        if kind == "measure" and self.dimension_words and text[span.end_char:span.end_char + 1] == "的":
            bare_prefix = self._qualifier_end.sub("", prefix)  # (平均宽约|5公里的…: past the figure's qualifier)
            dim = next((w for w in self.dimension_words if bare_prefix.endswith(w)), None)
            if dim is not None:
                return dim  # 占地1000余平方米的车棚, 全长3公里的道路: the dimension written before the figure
        if kind == "count" and self.attribute_words and text.startswith(self.attribute_words, span.end_char):
            # (the test _described_after opens with, made here: most counts are followed by no attribute word)
            described = self._described_after(text, span)
            if described:
                return described
        # 种植面积从|400亩|增加到如今的近800亩: a figure a change starts from is followed by the change, not its noun
        starts_change = "从" in prefix or "由" in prefix
        after = None if starts_change and self._level_words.match(text, span.end_char) \
            else self._after_phrase(text, span, place_after)
        if after and after[0] not in _PER_MARKS:  # (779.7斤/亩: a rate's denominator, no object)
            return after
        if kind == "money" and not prefix.strip(" ") and text[span.end_char:span.end_char + 1] in _ITEM_ENDS:
            item = self._account_item(text, span.start_char - len(prefix) - 1)
            if item:
                return item  # 修农田机电井，2536元，老百姓浇地不发愁: an account line, the item then its sum
        if following is not None and following.start_char == span.end_char and following.f.kind == kind == "count" \
                and (unit in self.person_units or unit not in self.one_char_nouns):
            # 126户600多名群众: two counts of one noun, written back to back (not 39院|100多间房: courtyards
            # and rooms, the first measure word a noun of its own)
            after = self._after_phrase(text, following)
            if after:
                return after
        if following is not None and kind == "count" and following.start_char == span.end_char \
                and following.f.kind == "measure" and unit not in self.one_char_nouns \
                and text[following.end_char:following.end_char + 1] == "的":
            # 1个|2000平方米的产后商品化处理中心: a bare count, then the thing's size and 的 its noun
            after = self._after_phrase(text, following)
            if after:
                return after
        if following is not None and kind == "count" and following.start_char == span.end_char + 1 \
                and following.f.kind == "measure" and unit not in self.one_char_nouns:
            # 已建成59处、38.7万平方米集中育秧设施: a bare count, then the things' size and their noun (not 发运27趟、
            # 117个冷藏箱: a second count names a noun of its own)
            after = self._after_phrase(text, following)
            if after:
                return after
        pair = earlier[-1] if kind == "count" and earlier and (earlier[-1].end_char == span.start_char or (
            text[earlier[-1].end_char:span.start_char] == "、" and earlier[-1].f.unit != unit)) else None
        if pair is not None and kind == pair.f.kind == "count" and pair.f.object \
                and text.endswith(pair.f.object, 0, pair.start_char) and text[span.end_char:span.end_char + 1] != "的":
            return pair.f.object  # 受益股东624户2351人, 居民5000户、7500多人: a second count of one noun
        if prefix.endswith("等"):
            listed = self._listed_kind(text, span)
            if listed:
                return listed
        # 投资上|千万元, 收益破|百万元: the word that makes a bare multiplier a number is its qualifier, not its object
        bare = next((w for w in self._bare_before if prefix.endswith(w)), "") \
            if text[span.start_char:span.start_char + 1] in _MULTIPLIERS else ""
        if not bare and x.qualifier == "over" and prefix.endswith("过") and prefix[-2:-1] not in self._guo_not_after:
            bare = "过"  # 收入全部过5万元: 过 is the qualifier (not 经过, 度过)
        share = _SHARE_OF_COUNT.search(text, max(0, span.start_char - 8), span.start_char) \
            if kind == "percent" else None
        if share is not None:
            # 女性党员7人、占比为24%: the share of the count just written, named by its noun
            last = earlier[-1] if earlier and earlier[-1].end_char == share.start() else None
            if last is not None and last.f.kind == "count" and last.f.object and last.f.object != last.f.unit:
                return last.f.object + share.group("word")
            return share.group("word")  # …超过10万元，占比71%: the share itself, as the text names it
        if earlier and earlier[-1].f.object and earlier[-1].f.kind == kind \
                and self._level_reached.search(prefix):
            # 话务人员数量由…57人，增长至现在的68人: the level reached is of what the figure before measured
            return earlier[-1].f.object
        before, verb_last = self._before_phrase(prefix, span, earlier, entity_ends, drop_end=bare)
        # the noun named after the figure (_named_after) is asked for by up to five rules below: read it once
        named: str | None | object = _UNREAD
        if before and not verb_last and kind != "count" and text[span.end_char:span.end_char + 1] == "的" \
                and self._bare_verb(before):
            named = self._named_after(text, span)
            if named:
                return named  # 创造出超过120亿元的产值: a verb alone before the figure, its object named after 的
        # (what stands before the figure's qualifier word, read once, where a 的 after the figure asks for it)
        head = self._qualifier_end.sub("", prefix) if text[span.end_char:span.end_char + 1] == "的" else ""
        if kind in ("money", "percent") and head.endswith("了"):
            if named is _UNREAD:
                named = self._named_after(text, span)  # 为企业提供了150万元的资金支持: a verb's object, named after 的
            if named:
                return named
        if before and head.endswith(_LIST_JOINS):
            if named is _UNREAD:
                named = self._named_after(text, span)  # …80%的进出口总额以及98%的高技术制造业产值: the last of a list
            if named:
                return named
        if (verb_last or before is None) and kind not in ("count", "measure"):
            # 带来16.3万元的收益, 出资100万元当作启动资金, 覆盖全区90%以上的社区: the verb's object follows
            if named is _UNREAD:
                named = self._named_after(text, span)
            if named:
                return named
        if kind == "percent" and not before:
            if named is _UNREAD:
                named = self._named_after(text, span)  # 此次分红：12.36%的红利分配给…
            if named:
                return named
        if before and text[span.end_char:span.end_char + 1] == "的" and _ONE_OR_PER.fullmatch(before):
            noun = self._noun_at(_unquoted(text[span.end_char + 1:span.end_char + 12]))
            if noun:
                return noun  # 一笔|1000万元的贷款, 每户|2000元的补贴: the noun after 的, not the measure before
        if before:
            return before
        if kind == "count" and earlier and earlier[-1].end_char == span.start_char \
                and earlier[-1].f.kind == "count" and earlier[-1].f.unit != unit:
            return unit  # 全村336户|1342人: a count of another measure word right after a count, nothing named
        if kind == "count" and not before:
            topic = self._topic(text, span) or self._determined_topic(text, span)
            if topic:
                return topic  # 这样的驿站，锦江区有40多个: the noun the sentence opens on, counted at its end
        if kind == "count" and prefix.strip(_QUOTES + " ") in self._place_words:
            return unit  # …14个自然村,全村|336户: only the place before the count; the households themselves
        # 同比增长10.1%, 减少50%以上: a rate or level of what the sentence just counted
        if kind == "count" and not prefix.strip(_QUOTES + " "):
            return unit  # 206栋楼、8297户: the households themselves
        with_object = [e for e in earlier if e.f.object] or carried or []
        if x.change is not None and earlier and earlier[-1].f.object and earlier[-1].f.change is None:
            return earlier[-1].f.object  # 总投资79.3亿元，同比增长205%: the change of the figure just stated
        same_kind = [e for e in with_object if e.f.kind == kind]
        topic = self._sentence_topic(text, span) if kind != "count" and not same_kind else None
        if topic:
            return topic  # 合同引资额持续反弹，从2022年的128.03亿元增至…: the measure its clauses open on
        if with_object:
            return (same_kind or with_object)[-1].f.object
        return unit if kind == "count" else None  # 206栋楼、8297户: the households themselves

    def _bare_verb(self, phrase: str) -> bool:
        """Whether ``phrase`` is one verb (with its result complement: 创造出) and no noun a verb can be (收入)."""
        word = phrase[:-1] if len(phrase) == 3 and phrase[-1] in self._complements else phrase
        return len(word) == 2 and word in self.clause_heads and word not in self._verb_noun_words

    @staticmethod
    def _account_item(text: str, comma: int) -> str | None:
        """The clause before ``comma`` when it names an item with no figure (修农田机电井, 改造村室、卫生室)."""
        if comma < 1 or text[comma] not in ("，", ","):
            return None
        lo = max(text.rfind(ch, max(0, comma - 16), comma) for ch in _ITEM_STARTS) + 1
        item = _unquoted(text[lo:comma].strip(" "))
        return item if 2 <= len(item) <= 12 and _HAN_LIST.fullmatch(item) else None

    def _topic(self, text: str, span: _Item) -> str | None:
        """这样的驿站，锦江区有40多个: a count that ends its sentence after only 有 (and a place), the clause
        before it a noun phrase ending in 的 and a noun: that noun is what is counted."""
        if text[span.end_char:span.end_char + 1] not in ("。", "！", "；", "\n", ""):
            return None
        s0 = span.f.sentence[0] if span.f.sentence else 0
        breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, s0, span.start_char)]
        if not breaks or not text[breaks[-1]:span.start_char].rstrip("多近约").endswith("有"):
            return None
        first = _unquoted(text[breaks[-2] if len(breaks) > 1 else s0:breaks[-1] - 1])
        at = first.rfind("的")
        noun = first[at + 1:] if at >= 0 else ""
        if not 1 < len(noun) <= 6 or not _HAN_ONLY.fullmatch(noun) or self._noun_at(noun) != noun:
            return None
        return noun

    def _determined_topic(self, text: str, span: _Item) -> str | None:
        """像这样的背街小巷，…，沈阳市一共改造了825条: a count with no noun of its own, in a sentence that opens on a
        noun after a determiner (这样的, 这些): that noun is what is counted."""
        s0 = span.f.sentence[0] if span.f.sentence else 0
        m = self._determined_topic_re.match(text, s0, span.start_char)
        if m is None:
            return None
        noun = self._noun_at(m.group(1))
        return noun if noun and 1 < len(noun) <= 6 else None

    @staticmethod
    def _respective(text: str, span: _Item, earlier: list[_Item]) -> str | None:
        """种植规模户13.0万户，畜禽养殖规模户9.1万户，与2019年相比分别增长了10.8%和20.2%: after 分别, the n-th
        rate is of the n-th of the figures written before it."""
        if span.f.kind != "percent" or not span.f.sentence:
            return None
        s0, s1 = span.f.sentence
        at = text.rfind("分别", max(s0, span.start_char - _RESPECTIVE_REACH), span.start_char)
        if at < 0:
            return None
        # (the first clause end, looked for within a bounded reach: a sentence of 100 k characters without a stop
        # would make the look quadratic; a list of rates after 分别 is never that long)
        reach = min(s1, span.end_char + _RESPECTIVE_REACH)
        stop = _CLAUSE_END.search(text, span.end_char, reach)
        end = stop.start() if stop is not None else reach
        n = len(_RATE.findall(text, at, end))
        base = [e for e in earlier if e.end_char <= at and e.start_char >= s0]
        idx = sum(1 for e in earlier if e.start_char > at)
        if n < 2 or len(base) < n or idx >= n or any(e.f.kind == "percent" for e in base[-n:]):
            return None
        return base[-n + idx].f.object

    def _sentence_topic(self, text: str, span: _Item) -> str | None:
        """The noun of a measure (…率, …额, 收入, 产值) that opens the figure's clause group, followed by a trend
        word (合同引资额持续反弹，…; 履约率连年攀升，…)."""
        if not span.f.sentence or not self.topic_endings:
            return None
        # the clause group after the last semicolon of the sentence, looked for within a bounded reach
        s0 = max(span.f.sentence[0], span.start_char - _TOPIC_REACH)
        s0 = max(s0, text.rfind("；", s0, span.start_char) + 1, text.rfind(";", s0, span.start_char) + 1)
        brk = CLAUSE_BREAK.search(text, s0, span.start_char)
        if brk is None:
            return None
        head = _unquoted(text[s0:brk.start()]).strip()
        # the longest opening of the clause, up to 8 characters, that ends in a measure's noun and is followed by
        # more of the clause (its predicate: 持续反弹, 连年攀升)
        for k in range(min(8, len(head) - 1), 1, -1):
            noun = head[:k]
            if noun.endswith(self.topic_endings) and _HAN_ONLY.fullmatch(noun) \
                    and head.startswith(self.topic_predicates, k):
                return noun
        return None

    def _respective_nouns(self, text: str, span: _Item, earlier: list[_Item]) -> str | None:
        """引进项目数、合同引资额分别由…的51个、401亿元骤降至…的14个、33.38亿元: the nouns listed before 分别 are,
        in turn, what the figures after it measure."""
        if not span.f.sentence:
            return None
        s0 = max(span.f.sentence[0], span.start_char - _TOPIC_REACH)
        at = text.rfind("分别", s0, span.start_char)
        if at < 0:
            return None
        lo = max((m.end() for m in CLAUSE_BREAK.finditer(text, max(s0, at - 40), at)), default=max(s0, at - 40))
        lo = max(lo, text.rfind("—", lo, at) + 1)  # (数据断崖式下跌——引进项目数、…: a dash opens the clause too)
        items = _unquoted(text[lo:at]).split("、")
        if len(items) == 1 and self._two_figures_after(text, at, span):
            # 森林覆盖率和植被覆盖度分别达到了32.92%和80%: two nouns joined by a conjunction, two figures after
            items = _PAIR_JOIN.split(items[0])
        if len(items) < 2 or not all(1 < len(w) <= 8 and _HAN_ONLY.fullmatch(w) for w in items):
            return None
        i = sum(1 for e in earlier if at < e.start_char < span.start_char)
        item = items[i % len(items)]
        return self._clean(item, 0, len(item)) or item  # (全县|森林覆盖率: cue words trimmed, as any noun's)

    @staticmethod
    def _two_figures_after(text: str, at: int, span: _Item) -> bool:
        """Whether the clause after 分别 (at ``at``) holds exactly two numbers, the figure's among them."""
        stop = _CLAUSE_END.search(text, span.end_char, span.end_char + _RESPECTIVE_REACH)
        end = stop.start() if stop is not None else min(len(text), span.end_char + _RESPECTIVE_REACH)
        return len(_NUMBER_RUN.findall(text, at, end)) == 2

    def _listed_kind(self, text: str, span: _Item) -> str | None:
        """开工项目包括澄海科创中心、…配套工程等5项: the kind named before 包括 is what the list counts."""
        s0 = span.f.sentence[0] if span.f.sentence else 0
        at = text.rfind("包括", s0, span.start_char)
        if at < 0 or any(ch in text[at:span.start_char] for ch in "，,；;：:"):
            return None
        lo = max((m.end() for m in CLAUSE_BREAK.finditer(text, s0, at)), default=s0)
        head = _unquoted(text[lo:at]).strip()
        return self._clean(head, 0, len(head)) if head else None

    def _named_after(self, text: str, span: _Item) -> str | None:
        """What money or a rate after a verb is: 16.3万元的收益, 100万元当作启动资金, 90%以上的社区."""
        window = _unquoted(text[span.end_char:span.end_char + 16])
        if span.f.kind == "percent":
            m = self._of.match(window)
            rest = window[m.end():] if m else window[1:] if window[:1] == "是" else ""  # 近九成是脱贫户
            # (one startswith of the tuple says whether any rate noun opens it: most windows hold none)
            rate = next((w for w in self.rate_nouns if rest.startswith(w)), None) \
                if rest.startswith(self.rate_nouns) else None
            if rate is not None:
                return rate  # 16.5%的增速: a rate of change named as what the figure measures
            if not rest or self._increase.match(rest) or self._decrease.match(rest):
                return None  # 实现24%的增长: a change, not what is measured
            return self._before_modal(self._noun_at(rest))
        for lead in _LEADS:
            if window.startswith(lead):
                rest = window[len(lead):]
                noun = self._after_modified_noun.match(rest)  # 带来约30万元的经济收入
                if noun:
                    return noun.group()
        return None

    def _noun_at(self, phrase: str) -> str | None:
        """The noun phrase a window starts with, up to the first verb, adverb or stop."""
        for m in self._after_tokens.finditer(phrase):
            if not m.group("keep"):
                phrase = phrase[:m.start()]
                break
        return phrase[:_MAX_AFTER] if _has_word(phrase) else None

    def _before_modal(self, phrase: str | None) -> str | None:
        """1209项|事项可全程网办, 400多个|事项能边聊边办, 70%的|业主不在本地: a modal or a negation after the noun
        begins its predicate (not inside 可再生, 能源, 不动产…)."""
        if not phrase or self.after_modals.isdisjoint(phrase[2:]):
            return phrase  # (no modal character where one could begin the predicate)
        cut = next((i for i in range(2, len(phrase)) if phrase[i] in self.after_modals
                    and not any(phrase.startswith(self.after_modal_words, j) for j in range(i - 2, i + 1))), None)
        return phrase[:cut] if cut is not None else phrase

    def _after_phrase(self, text: str, span: _Item, place_after: int | None = None) -> str | None:
        phrase = self._after_phrase_read(text, span, place_after)
        if not phrase or phrase in self.level_words_after:
            return None  # (most figures: no noun after them, nothing to cut)
        phrase = self._before_modal(phrase)
        if phrase and span.f.unit in self.person_units and text[span.end_char:span.end_char + 1] == "的" \
                and not phrase.endswith(self.people_finals) \
                and not any(len(w) > 1 and w in phrase for w in self.people_finals):
            # 4000多户1.3万余人的日常管理: what belongs to the people counted (not 的网格员队伍, 的治理骨干台账)
            return None
        return phrase

    def _noun_after_clause(self, phrase: str, shortest: int) -> str | None:
        """The noun after the 的 that closes a relative clause of at least ``shortest`` characters at the phrase's
        start (within 16 characters, no clause break before it), or None."""
        cut = phrase.find("的", shortest, 16)
        if cut > 0 and not CLAUSE_BREAK.search(phrase, 0, cut):
            return self._noun_at(phrase[cut + 1:]) or None
        return None

    def _after_phrase_read(self, text: str, span: _Item, place_after: int | None = None) -> str | None:
        """75个院落党支部, 1.3万余人的网格员队伍, 3公里受阻道路, 68万元收入, 1000余户居民的用电情况."""
        following = text[span.end_char:span.end_char + 1]
        if not following or following in _AFTER_BREAK_CHARS:
            return None  # (the phrase after the figure is empty: the usual case, a figure that ends its clause)
        x = span.f
        kind, unit = x.kind, x.unit  # (read once: each field read is a property call)
        window = text[span.end_char:span.end_char + 28]
        m = self._after_break.search(window)
        reach = span.end_char + (m.start() if m else len(window))
        # 4台联合收割机开进|某村麦地: a place named after the noun, in its phrase, ends it, and a verb before the
        # place is the noun's predicate
        placed = place_after is not None and span.end_char + 1 < place_after <= reach
        phrase = _unquoted(text[span.end_char:place_after if placed else reach])
        if not phrase:
            return None  # (a figure that ends its phrase, the usual case: every rule below needs a word after it)
        if kind not in ("count", "measure"):
            # money or a rate is followed by its object only when a listed noun comes next: 68万元收入
            word = self._after_noun.match(phrase)
            if word is None and x.unit_text == "" and phrase[:1] == "的":
                word = self._after_noun.match(phrase, 1)  # 一千亿的产值: a bare amount and its money noun
            if word is None and unit == "CNY" and phrase[:1] == "的":
                word = self._after_price.match(phrase, 1)  # 以70.3万元的价格成交: the sum is a price
            if word is None and unit == "CNY":
                word = self._after_modified_noun.match(phrase)  # 投入412万元帮扶资金 (not 100万元当作启动资金)
            if word is None and kind == "percent" and x.unit_text in self.share_units \
                    and not self._after_verb.match(phrase):
                # 覆盖全县约九成村屯, 近半数农村: a share of the noun written after it (up to its predicate's verb)
                noun = self._noun_at(phrase)
                noun = self._before_predicate(noun).rstrip(self._adverb_chars) if noun else None
                return noun if noun and _has_word(noun) else None
            return word.group() if word else None
        phrase = phrase.removeprefix("的")
        if not phrase:
            return None
        m = self._digit.search(phrase)  # (the first digit, where the next quantity starts: see below)
        if m is not None and m.start() == 0:  # (an age or a count of years opens with a digit)
            phrase = self._age.sub("", phrase, count=1)
            m = self._digit.search(phrase)
        if phrase.startswith("来自") and unit in self.person_units:
            # 50多名来自上海、江苏的青年学员: the people's origin, then the noun after 的
            brk = CLAUSE_BREAK.search(window)
            clause = window[:brk.start()] if brk else window
            cut = clause.find("的")
            return self._noun_at(_unquoted(clause[cut + 1:])) if cut > 0 else None
        if phrase[:1] == "比" and kind == "count" and _COMPARED_CLAUSE.match(phrase):
            # 19个|比篮球场还大的钢圆筒: a comparison is a relative clause; the noun counted follows its 的
            return self._noun_after_clause(phrase, 2)
        if self._after_verb.match(phrase):
            # 25条达到世界先进水平的初榨油生产线: a relative clause, then the noun counted; else (8610张压减至278张)
            # a verb follows and the object stands before
            return self._noun_after_clause(phrase, 2) if unit not in self.person_units else None
        if phrase[:2] in self.clause_heads:
            # 700多名符合驿站入住条件的考生: a relative clause led by a dictionary verb and its own object (not
            # 2户邻居的纠纷, a noun the list holds too), then the noun counted, up to its own predicate (的考生|发送)
            noun = self._noun_after_clause(phrase, 4)
            if noun:
                verb = next((i for i in range(2, len(noun) - 1) if noun[i:i + 2] in self.clause_heads), None)
                return noun[:verb] if verb else noun
        phrase = phrase[:m.start()] if m else phrase[:20]  # 6台变压器、近2公里…: the next quantity ends it
        if m:
            phrase = phrase.rstrip(_NEXT_FIGURE_HEADS)  # 居民1200户约3400人: 约 belongs to the next figure
            if not phrase:
                return None
        # 1.02万家“三有”非公有制企业: a quoted term right after the measure word is part of the noun, whatever it holds
        # (the quotation opens the window or follows its 的)
        quoted = self._quoted_head.match(window) if "“" in window[:2] or '"' in window[:2] else None
        held = len(quoted.group(1)) if quoted else 0
        # 钢板焊接而成, 钢筋浇筑而成: the two characters before 而成 are a verb too (it moves no token from 0)
        tokens = [_Cut(m.start() - 2) if m.start() >= 4 and m.group() in _AFTER_VERB_ENDS else m
                  for m in self._after_tokens.finditer(phrase) if not m.group("keep") and m.start() >= held]
        if tokens and tokens[0].start() == 0 and phrase[:1] in _POSITION and _NOUN_START.match(phrase, 1):
            tokens = tokens[1:]  # 35座中高温大棚, 5个下属企业: the position character opens the noun (not 100人中有)
        cut = phrase.rfind("的", 0, 20)
        if cut > 0:
            head = phrase[:cut]
            inner = [m for m in tokens if m.start() < cut]
            if not inner and len(head) > 1 and head[-1] in self.noun_finals:
                return head[:_MAX_AFTER]  # 1000余户居民的用电情况, 5个地区供电局的应急发电车队伍: the 居民, the 供电局
            if head in self.counted_heads:
                return head  # 抓住3个村的“牛鼻子”, 将6个村的文旅资产: the villages are counted, not what they hold
            if not inner and cut == len(phrase) - 1 and m is not None and _has_word(head):
                return head[:_MAX_AFTER]  # 14栋高层住宅的|32台电梯: the next count right after 的, this one's noun
            if not inner and 1 < len(head) <= 3 and unit not in self.general_measures and "、" not in head:
                # 3000头奶牛的标准化养殖场: after a measure word of its own kind, the noun counted
                return head[:_MAX_AFTER]
            if "、" in head and "等" in head[head.index("、"):]:
                # 5000吨气调保鲜库、仓储物流园等建设项目的基础上: a list closed by 等 is what is measured
                listed = head[:head.index("、")]
                if _has_word(listed):
                    return listed[:_MAX_AFTER]
            if "、" in head or (inner and inner[0].start() == 0) or not inner:
                # 身体好、热心肠的退休党员, 20个具有代表性的村, 165米长的沉管钢壳: the noun after 的
                return self._noun_at(phrase[cut + 1:])
            # 100多位老人举办的生日会, 70个集装箱体打造成…的基地: the noun before the verb
        # a verb ends the noun (主要参建单位|拧成一股绳, 快餐|送抵); one that also builds nouns (拉丝生产企业,
        # 种植车间) only after a noun's last character (种植车间|种植金耳)
        tokens = [m for m in tokens if not (m.group("verb") in self.compound_verbs and m.start()
                                            and phrase[m.start() - 1] not in self.noun_finals)]
        if tokens and tokens[0].start() == 0:
            if tokens[0].group("verb") and unit not in self.person_units:
                tokens = tokens[1:]  # 4个种植车间, 30余项服务项目: a verb opens a compound noun
            elif tokens[0].group("verb") and (people := self._people_noun(phrase)) is not None:
                return people  # 252名包联干部, 30名帮扶干部: a verb and a people word make one noun
            else:
                return None  # 20多人|搭起帐篷: the people are the object, written before
        phrase = phrase[:tokens[0].start()] if tokens else phrase
        if unit in self.person_units or unit in _BODY_COUNTS:
            phrase = self._before_predicate(phrase)
        if (placed or unit in self.person_units) and len(phrase) > 3 and phrase[-2:] in self.clause_heads \
                and not phrase.endswith(self.people_finals):
            # 联合收割机|开进某村, 50多名当地农村妇女|就业: a verb ending the phrase is the predicate (not 党员代表)
            phrase = phrase[:-2]
        phrase = phrase.rstrip("+＋")  # 3名事业编制人员+5名志愿者: the plus joins two figures
        if len(phrase) == 1:
            at = text.find(phrase, span.end_char, span.end_char + 3)
            if at >= 0 and text[at:at + 2] in self.clause_heads:
                return None  # 近8000人集中在…: one character cut from a verb is no noun (not 14个村实现…)
        return phrase[:_MAX_AFTER] if _has_word(phrase) else None

    def _people_noun(self, phrase: str) -> str | None:
        """包联干部 in 252名包联干部、…: a two-character verb and a people word of two characters or more (干部,
        党员, 志愿者) right after it, up to a break, are a noun of people."""
        for final in self.people_finals:
            end = 2 + len(final)
            if len(final) >= 2 and phrase.startswith(final, 2) and (
                    not _HAN_ONLY.match(phrase, end) or phrase[end:end + 2] in self.clause_heads):
                return phrase[:end]
        return None

    def _before_predicate(self, phrase: str) -> str:
        """36户农户|加入合作社, 200余名党员|报名参加: after people counted, a verb with words after it is their
        predicate (a dictionary verb, data/clause_heads.json); the noun before it is the object."""
        kept: list[tuple[int, int]] | None = None
        for i in range(2, len(phrase) - 2):
            if phrase[i:i + 2] in self.clause_heads:
                if phrase.startswith(self.people_finals, i + 2):
                    continue  # 建档立卡|贫困户|参与: it describes the people (贫困户, 贫困群众)
                if kept is None:
                    kept = [m.span() for m in self._keep.finditer(phrase)]
                if any(a < i < b or a < i + 2 < b for a, b in kept):
                    continue  # 37家企事业单位党|组织|负责人: the verb inside a word read whole (党组织)
                return phrase[:i]
        return phrase

    def _find_mark(self, prefix: str, span: _Item, earlier: list[_Item], start: int) -> int:
        """Where X ends in X占Y的一半, X从8610张…, X由原来的…, X比上年净增…; len(prefix) when none."""
        for m in self._marks.finditer(prefix):
            if m.group() not in ("从", "由"):
                return m.start()
            # 从/由 open a change (从8610张压减至278张) only when the number or an earlier one follows closely
            between = prefix[m.end():]
            if any(start + m.end() <= e.start_char for e in earlier) or (
                    len(_unquoted(between)) <= 8  # (由“十二五”末的不足|40%: quotation marks add no words)
                    and not any(t.group("verb") for t in self._tokens.finditer(between))):
                return m.start()
        return len(prefix)

    def _before_phrase(self, prefix: str, span: _Item, earlier: list[_Item],
                       entity_ends: list[int], drop_end: str = "") -> tuple[str | None, bool]:
        """院落党支部数量已达75个, 村集体收入50余万元, 12345热线投诉由原来的每月1500余件.

        Returns the phrase and whether a verb stands right before the number (带来16.3万元的收益)."""
        start = span.start_char - len(prefix)
        # (most clauses hold no mark: one search spares the call)
        limit = start + self._find_mark(prefix, span, earlier, start) if self._marks.search(prefix) else span.start_char
        cut = start  # after the last earlier figure or place that ends by the limit (two loops: no lists built)
        for e in earlier:
            if cut < e.end_char <= limit:
                cut = e.end_char
        for end in entity_ends:
            if cut < end <= limit:
                cut = end
        before = _unquoted(prefix[cut - start:limit - start]).rstrip("-−+").rstrip()
        if "——" in before:  # 企业在此建厂——颜峰集体收入破|亿元: a dash ends a clause as a comma does
            before = before[before.rfind("——") + 2:]
        if drop_end and limit == span.start_char:
            before = before.removesuffix(drop_end)
        if limit == span.start_char and len(before) > 1 and before[-1] in self._approximate:
            # 累计投入|约27亿元: "about" before the figure is its qualifier, no piece of its own (after a verb, the
            # verb names the figure)
            before = before[:-1]
        for e in earlier:
            if e.end_char == cut and e.f.object and e.f.kind == "count" and before.startswith(e.f.object):
                before = before[len(e.f.object):]  # 7个村|超过50万元: the earlier count's noun
        if "(" in before or "（" in before:  # (both patterns need an opening bracket)
            before = self._paren.sub("", self._gloss.sub("", before))
        if before.endswith("的") and len(before) > 1 and span.f.kind in ("count", "measure") and not any(
                m.group("date") for m in self._tokens.finditer(before)):
            # 新中国成立前入党的|4.3万名: a headless relative clause is the object, verbs and all
            return self._clean(before, 0, len(before)), False
        # the noun phrase nearest the number, between verbs, adverbs, dates and function words
        pieces: list[tuple[int, int]] = []
        pos, verb_run = 0, None
        events = span.f.unit is not None and span.f.unit.endswith("次")
        complemented: dict[int, tuple[int, int]] = {}  # a piece that is only a verb's complement: that verb
        for m in self._tokens.finditer(before):
            if m.group("keep"):
                continue
            if m.start() > pos:
                # 走访群众1200户次, 服务群众5000人次: a count of events keeps its verb
                lo = verb_run[0] if events and verb_run is not None and verb_run[1] == pos else pos
                if verb_run is not None and verb_run[1] - verb_run[0] > 1 and lo == pos and m.start() - lo == 1 \
                        and before[lo] in self._complements:
                    complemented[lo] = verb_run  # 评选出|…: a verb's complement alone is no noun (not 成|本, 出|租屋)
                pieces.append((lo, m.start()))
                verb_run = None
            if m.group("verb"):
                verb_run = (verb_run[0] if verb_run else m.start(), m.end())
            pos = m.end()
        if pos < len(before):
            lo = verb_run[0] if events and verb_run is not None and verb_run[1] == pos else pos
            if verb_run is not None and verb_run[1] - verb_run[0] > 1 and lo == pos and len(before) - lo == 1 \
                    and before[lo] in self._complements:
                complemented[lo] = verb_run
            pieces.append((lo, len(before)))
            verb_run = None
        verb_last = verb_run is not None  # 已覆盖全区|90%: only verbs and adverbs after the last noun
        if events and verb_run is not None and pieces and pieces[-1][1] == verb_run[0]:
            # 开展政策宣讲320人次: the event is the noun and the verb after it
            phrase = self._clean(before, pieces[-1][0], verb_run[1])
            if phrase:
                return phrase, False
        for lo, hi in reversed(pieces):
            if lo in complemented:
                return self._clean(before, *complemented[lo]), True  # 累计评选出|500多人: the action names them
            if len(before[lo:hi].rstrip("了过着")) == 1 and lo and before[lo - 1] in self.adverbs:
                continue  # 农家乐也开了|10余家: one character after an adverb is its verb
            phrase = self._clean(before, lo, hi)
            if phrase:
                return phrase, verb_last
        if verb_run is not None:
            # 处理18人, 集中培训4次: nothing but the action is written; it names what is counted
            return self._clean(before, *verb_run), True
        return None, verb_last

    def _clean(self, before: str, lo: int, hi: int) -> str | None:
        """Trim cue words from a piece's ends; cap its length on a word boundary (十一届三中全会, 30岁及以下)."""
        phrase = before[lo:hi]
        if phrase[:1] in self._trim_start_firsts and phrase.startswith(self._trim_start_words):
            phrase = self._trim_start.sub("", phrase)
        whole = phrase
        for _ in range(3):
            if phrase[-1:] not in self._trim_end_lasts or not phrase.endswith(self._trim_end_words):
                break  # nothing to trim: the sub and removesuffix below would return the phrase
            kept = next((w for w in self.year_nouns if phrase.endswith(w)), None)
            if kept is not None:
                break  # 青壮年, 老年: a noun that ends in 年, not a year
            trimmed = self._trim_end.sub("", phrase).removesuffix("等")
            kept = next((w for w in self.year_nouns if w in phrase and trimmed.endswith(w[:-1])
                         and phrase.startswith(trimmed + w[-1])), None)
            if kept is not None:
                trimmed += kept[-1]  # 青壮年|一度: the adverb goes, the noun's 年 stays
            if trimmed == phrase:
                break
            phrase = trimmed
        phrase = phrase.lstrip("的、")
        if phrase.endswith(self._per_unit_end):
            unit = next(w for w in self._per_unit_end if phrase.endswith(w))
            if len(phrase) > len(unit):
                phrase = phrase[:-len(unit)]  # 普通山药一斤|卖3.3元: what is priced, not the unit it is priced by
        if phrase.endswith(_MODAL_INCOME):
            # 每户可增收|1.5万元: the income gain is the object, without the modal
            phrase = phrase[:-3] + "增收" if phrase[-3] in "可能将" else phrase
        if self._across_words is not None and len(phrase) > 3:
            m = self._across_words.search(phrase, 2)
            if m is not None:
                phrase = phrase[:m.start()]  # 每户|最高能分: a qualifier across a verb ends the noun before it
        if not phrase and (whole := whole.rstrip("了过")).endswith(self.standalone_objects):
            # 累计增收|350万元: a change that names what it measures is the object when nothing else is written
            return next(w for w in self.standalone_objects if whole.endswith(w))
        if len(phrase) > _MAX_BEFORE:
            cut = len(phrase) - _MAX_BEFORE
            for m in self._keep.finditer(phrase):  # never inside 中国共产党
                if m.start() < cut < m.end():
                    cut = m.start()
            while cut and self._numeral.match(phrase, cut - 1):  # never inside 十一届, 30岁
                cut -= 1
            phrase = phrase[cut:]
        if phrase in _FUNCTION_ONLY:
            return None  # 与2019年相比增长了…: the 与 of a comparison's base is no object
        return phrase if _has_word(phrase) else None


@Language.factory("dangjian_context", default_config={"extra_lexicon": None},
                  requires=["doc.spans"], assigns=["span._.object", "span._.change", "span._.basis", "span._.sentence"])
def make_context_reader(nlp: Language, name: str, extra_lexicon: dict[str, Any] | None) -> ContextReader:
    return ContextReader(nlp, name, extra_lexicon)
