"""Tests for dangjian_extract.normalize: the rewrites it makes and the offset map back to the original."""

from __future__ import annotations

import sys
from pathlib import Path

import opencc
import pytest
import regex
from hypothesis import assume, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
try:
    from dangjian_extract.normalize import NormalizedText, normalize
except ImportError:  # package not installed: run against the source tree
    sys.path.insert(0, str(ROOT / "src"))
    from dangjian_extract.normalize import NormalizedText, normalize

FIXTURES = [path for sub in ("seeds", "dev") for path in sorted((ROOT / "fixtures" / sub).glob("*.txt"))]
TRADITIONAL_PINYIN = ROOT / "fixtures" / "seeds" / "002_8084367b247fb755.txt"
PINYIN_LETTERS = set("abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ")
IDEOGRAPH = regex.compile(r"\p{Unified_Ideograph}")
T2S = opencc.OpenCC("t2s")


def norm(text: str, **kwargs: bool) -> str:
    return normalize(text, **kwargs).text


def check_offsets(nt: NormalizedText) -> None:
    """The structural invariants every NormalizedText must satisfy."""
    offsets = nt.offsets
    assert offsets.typecode == "l"
    assert len(offsets) == len(nt.text) + 1
    assert offsets[-1] == len(nt.original)
    assert all(a < b for a, b in zip(offsets, offsets[1:], strict=False))
    if nt.text:
        assert offsets[0] >= 0


def is_fullwidth(ch: str) -> bool:
    return 0xFF01 <= ord(ch) <= 0xFF5E or ch == "\u3000"


# --- width -------------------------------------------------------------------------------------------------


def test_fullwidth_digits_and_punctuation_become_ascii() -> None:
    nt = normalize("１２３，５％")
    assert nt.text == "123,5%"
    assert list(nt.offsets) == [0, 1, 2, 3, 4, 5, 6]


def test_ideographic_space_becomes_space_and_nfkc_expansions_are_not_applied() -> None:
    assert norm("面积\u3000１２㎡") == "面积 12㎡"


# --- traditional -> simplified -----------------------------------------------------------------------


def test_traditional_becomes_simplified() -> None:
    assert norm("開發區質量領導") == "开发区质量领导"


class _FakeConverter:
    """Stands in for OpenCC to exercise the length-changing paths the real dictionaries rarely hit."""

    MAP = {"發": "发", "區": "区", "著": "着", "X": "XY"}

    def convert(self, text: str) -> str:
        out = "".join(self.MAP.get(ch, ch) for ch in text)
        return out.replace("发着", "发生了") if len(text) > 1 else out  # a phrase rule that adds a character


def test_length_changing_conversion_falls_back_to_single_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    import dangjian_extract.normalize as module

    monkeypatch.setattr(module, "_converter", _FakeConverter())
    nt = normalize("開發著區\n發X區\n開發區")
    # Line 1: the phrase rule would lengthen it, so each character is converted alone.
    # Line 2: "X" would become two characters, so it is kept as it is.
    assert nt.text == "開发着区\n发X区\n開发区"
    check_offsets(nt)
    assert list(nt.offsets) == list(range(len(nt.original) + 1))


def test_t2s_false_keeps_traditional() -> None:
    assert norm("開發區，質量", t2s=False) == "開發區,質量"


# --- pinyin annotations ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("開發(fā)區(qū)", "开发区"),
        ("質(zhì)量", "质量"),
        ("領(lǐng)導(dǎo)", "领导"),
        ("開發（fā）區", "开发区"),  # full-width parentheses are ASCII by the time pinyin is removed
    ],
)
def test_pinyin_annotations_are_removed(source: str, expected: str) -> None:
    assert norm(source) == expected


@pytest.mark.parametrize(
    "source",
    ["党支部(总支)", "发布会(第一场)", "單(善)小暖心", "指数(PSPI)", "报告(2024)", "see (fa) here", "(fa)"],
)
def test_real_parentheses_are_kept(source: str) -> None:
    expected = T2S.convert(source)
    assert norm(source) == expected


def test_pinyin_removal_offsets_point_past_the_annotation() -> None:
    nt = normalize("開發(fā)區")
    assert nt.text == "开发区"
    assert list(nt.offsets) == [0, 1, 6, 7]
    # A span over the whole word covers the annotation inside it, but not beyond.
    assert nt.to_original(0, 3) == (0, 7)
    assert nt.to_original(0, 2) == (0, 2)


# --- line joining ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("百村”活动，盘\n\n活集体资产，东山阴村", "百村”活动,盘活集体资产,东山阴村"),
        ("商圈市场是一个城市最富活\n\n力,最具人气的区域", "商圈市场是一个城市最富活力,最具人气的区域"),
        ("创立“好商量+微治理”工\n\n作法。在村、社区成立", "创立“好商量+微治理”工作法。在村、社区成立"),
        (
            "在疫情防控工作中，按照“网格区划、整体覆盖、精细管理”的\n\n原则，织密疫情防控三级网格体系。",
            "在疫情防控工作中,按照“网格区划、整体覆盖、精细管理”的原则,织密疫情防控三级网格体系。",
        ),
        ("活动，盘 \r\n \n　活集体资产", "活动,盘活集体资产"),  # the whole whitespace run goes
    ],
)
def test_layout_line_breaks_are_joined(source: str, expected: str) -> None:
    assert norm(source) == expected


def test_headlines_are_not_joined() -> None:
    source = (
        "「党建+」 引领光明新发展\n\n市中区光明路街道打造「光明之星」品牌\n\n\n\n"
        "“党建+项目化”,稳住基层经济“发展盘”\n\n发展要稳住,离不开项目的支撑。"
    )
    assert norm(source) == source


@pytest.mark.parametrize(
    "source",
    [
        "发展要稳住，离不开项目的支撑。\n\n光明路街道坚持以企招商，",  # sentence-final punctuation
        "他说：\n\n这是好事",
        "打造“发展盘”\n\n发展要稳住，",  # closing quote
        "活动，盘\n\n“活集体资产”",  # next line does not start with an ideograph
        "活动，盘\n\n2024年",
        "市中区光明路街道打造「光明之星」品牌\n\n近年来，街道",  # headline, then the paragraph's opener
        "工作总结\n\n一、基本情况",  # list item
        "不断探索党建引领网格化服务新路径\n\n文/片 记者 宗兆洋",  # byline
        "明水街道城市社区大力推进院落党建,促进基层治理\n\n记者 支倩倩 通讯员 白洁",
        "扫码下载齐鲁壹点 找记者 上壹点\n\n编辑:彭传刚",
        "彩石街道突出党建引领的核心作用\n\n擦亮“山水彩石”品牌 绘就乡村振兴新图景",
        "一网格一支部\n\n四级组织一贯到底",
        "光明之星品牌\n\n发展要稳住，离不开项目",  # a short line, then more than a torn-off fragment
    ],
)
def test_real_line_breaks_are_kept(source: str) -> None:
    assert "\n" in norm(source)


def test_a_deck_under_a_subheading_is_no_torn_prose() -> None:
    # its clause punctuation does not make the deck a wrapped paragraph line
    source = "都要回应群众关切。\n打破壁垒\n成立工作专班，梳理任务清单，各方协同推进\n在双流区某路口，路面还有痕迹。"
    assert "推进\n在" in norm(source)
    # without the subheading above it, such a line is torn prose (集体|收入)
    assert "集体收入" in norm("如今，全村柑橘年产量达360万斤，产值突破1100万元，村集体\n\n收入达50余万元。")


def test_join_lines_false_keeps_breaks() -> None:
    assert norm("城市最富活\n\n力,最具人气", join_lines=False) == "城市最富活\n\n力,最具人气"


def test_joined_span_maps_over_the_deleted_break() -> None:
    source = "最富活\n\n力,最具"
    nt = normalize(source)
    start = nt.text.index("活力")
    assert nt.to_original(start, start + 2) == (2, 6)
    assert source[slice(*nt.to_original(start + 1, start + 2))] == "力"


# --- to_original -------------------------------------------------------------------------------------------


def test_to_original_empty_spans_and_bounds() -> None:
    nt = normalize("ab(c)\n")
    assert nt.to_original(0, 0) == (0, 0)
    n = len(nt.text)
    assert nt.to_original(n, n) == (len(nt.original), len(nt.original))
    for bad in [(-1, 0), (0, n + 1), (2, 1)]:
        with pytest.raises(ValueError):
            nt.to_original(*bad)


# --- robustness --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [123, None, b"abc", ["a"]])
def test_non_str_raises_type_error_naming_the_type(value: object) -> None:
    with pytest.raises(TypeError, match=type(value).__name__):
        normalize(value)  # type: ignore[arg-type]


def test_int_message() -> None:
    with pytest.raises(TypeError, match="int"):
        normalize(123)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "source", ["", "\ud800", "開\ud800發(fā)\udc00區", "\x00開發\r\n\x1b🎉", "\n\n\n", "(", "開("]
)
def test_odd_characters_pass_through(source: str) -> None:
    nt = normalize(source)
    check_offsets(nt)
    for ch in "\ud800\udc00\x00\r\x1b🎉":
        assert nt.text.count(ch) == source.count(ch)


# --- real fixtures -----------------------------------------------------------------------------------------


def test_fixtures_exist() -> None:
    assert len(FIXTURES) >= 13
    assert TRADITIONAL_PINYIN in FIXTURES


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_offsets_point_at_the_source_character(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    nt = normalize(original)
    check_offsets(nt)
    text, offsets = nt.text, nt.offsets
    for i, ch in enumerate(text):
        src = original[offsets[i]]
        if ch == src:
            continue
        if is_fullwidth(src):
            assert ch == (" " if src == "\u3000" else chr(ord(src) - 0xFEE0)), (i, src, ch)
        else:
            # Traditional -> simplified; OpenCC may choose by phrase, so the single-char mapping is a
            # strong hint but not a requirement.
            assert IDEOGRAPH.match(src) and IDEOGRAPH.match(ch), (i, src, ch)
            assert T2S.convert(src) != src, (i, src, ch)
    # Every original character that was dropped is whitespace of a joined break or part of a pinyin group.
    kept = set(offsets[:-1])
    for j, src in enumerate(original):
        if j not in kept:
            assert src.isspace() or src in "()（）" or src in PINYIN_LETTERS, (j, src)
    assert not any(is_fullwidth(ch) for ch in text)


def test_traditional_fixture_with_pinyin() -> None:
    original = TRADITIONAL_PINYIN.read_text(encoding="utf-8")
    assert "(fā)" in original
    text = norm(original)
    assert "开发区东城街道" in text
    assert "(fā)" not in text
    assert "发布会(第一场)" in text
    assert "開" not in text


def test_fixture_layout_breaks_are_joined_and_headlines_kept() -> None:
    text = norm((ROOT / "fixtures" / "seeds" / "000_615813358111a067.txt").read_text(encoding="utf-8"))
    assert "盘活集体资产" in text
    assert "“好商量+微治理”工作法。" in text
    assert "精细管理”的原则," in text
    assert "「党建+」 引领光明新发展\n\n市中区光明路街道打造「光明之星」品牌\n" in text
    text = norm((ROOT / "fixtures" / "seeds" / "001_32eacd7bfa546bd8.txt").read_text(encoding="utf-8"))
    assert "最富活力,最具人气" in text


# --- properties --------------------------------------------------------------------------------------------

INTERESTING = list(
    "\n\n\r \t\u3000()（）āǎfqūüzhìlǐngPSPI１２３，５％。，、；:!"
    "開發區質量領導臺灣单善盘活力原则作法,;“”「」\ud800\udfff🎉\x00"
)
any_text = st.text(
    alphabet=st.one_of(st.sampled_from(INTERESTING), st.characters(codec=None, exclude_categories=())),
    max_size=200,
)


@settings(max_examples=400, deadline=None)
@given(any_text, st.booleans(), st.booleans(), st.data())
def test_property_never_raises_and_offsets_are_consistent(
    source: str, t2s: bool, join_lines: bool, data: st.DataObject
) -> None:
    nt = normalize(source, t2s=t2s, join_lines=join_lines)
    assert nt.original is source
    check_offsets(nt)
    n = len(nt.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    o_start, o_end = nt.to_original(start, end)
    assert 0 <= o_start <= o_end <= len(source)
    if start < end:
        assert o_end - o_start >= end - start


def _untouched_char(ch: str) -> bool:
    if ch == "\n" or is_fullwidth(ch):
        return False
    if 0xD800 <= ord(ch) <= 0xDFFF:
        return True
    return T2S.convert(ch) == ch


plain_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("单位盘活集体资产(fa)PSPI 2024,。\t\r\ud800🎉")),
        st.characters(codec=None, exclude_categories=()).filter(_untouched_char),
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(plain_text)
def test_property_plain_text_is_unchanged(source: str) -> None:
    # Pinyin-looking groups, and Traditional phrases made of characters that are simplified on their own,
    # are out of scope for "plain".
    assume(not regex.search(r"\p{Unified_Ideograph}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\)", source))
    segments = regex.split(r"[\ud800-\udfff]", source)  # OpenCC cannot encode lone surrogates
    assume(all(T2S.convert(seg) == seg for seg in segments))
    nt = normalize(source)
    assert nt.text == source
    assert list(nt.offsets) == list(range(len(source) + 1))


def test_a_subheading_with_a_comma_between_whole_paragraphs_is_kept() -> None:
    # a report laid out one paragraph per line: the short line between two paragraphs is a subheading
    source = ("广州产业发展不断向新、向绿、向强——天河区、黄埔区入选全国百强区“十强”，海珠区入选典型案例。\n"
              "抓住改革“牛鼻子”，推动城乡融合发展\n在从化区鳌头镇，耕地已被改造为约7000亩的连片高标准农田。")
    assert "发展\n在从化区" in norm(source)
    # a short line of torn prose under a column's line (not a whole paragraph) is still joined
    assert "村集体收入" in norm("全村柑橘年产量达360万斤。\n产值突破1100万元，村集体\n收入达50余万元。")


def test_a_kicker_with_a_comma_on_the_texts_first_line_stays_a_line() -> None:
    from dangjian_extract import extract
    text = "村医“跑起来”，村民看病不再难\n河南卢氏县办好“行走的医院”\n从全县279个村卫生室中精选80名村医。"
    result = extract(text)
    assert "难河南卢氏县" not in [e.text for e in result.entities]
    assert result.metrics[0].entity.name == "卢氏县"


def test_a_deck_under_a_question_subheading_stays_a_line() -> None:
    # 集中供水全覆盖？ | 村民说，…被盗卖 | 大坝村…: a question is a subheading too, so the deck under it is not
    # torn prose, and the next paragraph's village does not take the deck's last verb as its name
    source = ("老郑则表示，他们几户人家直接抽取江水。\n集中供水全覆盖？\n村民说，供水工程不通水，部分管道被盗卖\n"
              "大坝村因种脐橙而兴，资料显示，全村种植面积1.2万亩。")
    assert "被盗卖\n大坝村" in norm(source)
