"""Script detection in normalize(): Traditional text is converted, Simplified text keeps its own characters.

Also the generator of ``data/script.json`` (run this file: ``python tests/test_script.py``), which derives the
two evidence sets from OpenCC's own dictionaries, so that no character is judged by hand:

* ``traditional_only``: characters OpenCC t2s changes that never occur on the Simplified side of any OpenCC
  dictionary (Simplified keys of STCharacters/STPhrases, Simplified values of TSCharacters/TSCharactersExt/
  TSPhrases, nor as their own alternative in TSCharacters: 乾 → "干 乾", 於 → "于 於"), and that come back
  unchanged from a Simplified → Traditional round trip (s2t, s2tw or s2hk of their t2s form). The round trip
  leaves out variant forms such as 迴 (回 → 回) or 髮 (发 → 發), which are not safe evidence.
* ``simplified_only``: characters OpenCC s2t changes that never occur on the Traditional side of any OpenCC
  dictionary (including the Taiwan and Hong Kong variant tables: 群, 床, 峰, 温 are written in Taiwan) and
  that come back unchanged from t2s(s2t(c)).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import opencc
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
try:
    from dangjian_extract.normalize import normalize
except ImportError:  # package not installed: run against the source tree
    sys.path.insert(0, str(ROOT / "src"))
    from dangjian_extract.normalize import normalize

from dangjian_extract import normalize as normalize_module  # noqa: E402
from dangjian_extract.pipeline import extract  # noqa: E402

DATA = ROOT / "src" / "dangjian_extract" / "data" / "script.json"
T2S = opencc.OpenCC("t2s")
S2T = opencc.OpenCC("s2t")

# --- generator ---------------------------------------------------------------------------------------------

_SIMPLIFIED_KEYS = ["STCharacters", "STPhrases"]
_SIMPLIFIED_VALUES = ["TSCharacters", "TSCharactersExt", "TSPhrases"]
_TRADITIONAL_KEYS = ["TSCharacters", "TSCharactersExt", "TSPhrases"]
_TRADITIONAL_VALUES = ["STCharacters", "STPhrases"]
# Taiwan and Hong Kong standard forms (為, 群, 眾 …): both sides of each table are Traditional.
_TRADITIONAL_BOTH = [
    "TWVariants", "TWVariantsRev", "TWPhrases", "TWPhrasesRev", "TWVariantsPhrases", "TWVariantsRevPhrases",
    "HKVariants", "HKVariantsRev", "HKVariantsPhrases", "HKVariantsRevPhrases",
]


def _opencc_dir() -> Path:
    return Path(opencc.__file__).resolve().parent / "clib"


def _load_dictionaries(names: list[str]) -> dict[str, dict[str, list[str]]]:
    """OpenCC's binary dictionaries as text, via the opencc_dict tool the opencc wheel ships."""
    tool = _opencc_dir() / "bin" / "opencc_dict"
    share = _opencc_dir() / "share" / "opencc"
    out: dict[str, dict[str, list[str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            target = Path(tmp) / f"{name}.txt"
            subprocess.run(
                [str(tool), "-i", str(share / f"{name}.ocd2"), "-o", str(target), "-f", "ocd2", "-t", "text"],
                check=True, capture_output=True,
            )
            table: dict[str, list[str]] = {}
            for line in target.read_text(encoding="utf-8").splitlines():
                key, _, values = line.partition("\t")
                table[key] = values.split(" ")
            out[name] = table
    return out


def build_script_sets() -> dict[str, str]:
    names = sorted(set(_SIMPLIFIED_KEYS + _SIMPLIFIED_VALUES + _TRADITIONAL_KEYS + _TRADITIONAL_VALUES
                       + _TRADITIONAL_BOTH))
    d = _load_dictionaries(names)

    def keys(*tables: str) -> set[str]:
        return {ch for t in tables for key in d[t] for ch in key}

    def values(*tables: str) -> set[str]:
        return {ch for t in tables for vs in d[t].values() for v in vs for ch in v}

    simplified_side = keys(*_SIMPLIFIED_KEYS) | values(*_SIMPLIFIED_VALUES)
    simplified_side |= {c for c, vs in d["TSCharacters"].items() if c in vs}  # 乾 → "干 乾": 乾 is Simplified too
    traditional_side = keys(*_TRADITIONAL_KEYS) | values(*_TRADITIONAL_VALUES)
    traditional_side |= keys(*_TRADITIONAL_BOTH) | values(*_TRADITIONAL_BOTH)
    traditional_side |= {c for c, vs in d["STCharacters"].items() if c in vs}

    back = [opencc.OpenCC(c) for c in ("s2t", "s2tw", "s2hk")]
    traditional_only = {
        c for c in set(d["TSCharacters"]) | set(d["TSCharactersExt"])
        if len(c) == 1 and (s := T2S.convert(c)) != c and c not in simplified_side
        and any(b.convert(s) == c for b in back)
    }
    simplified_only = {
        c for c in d["STCharacters"]
        if len(c) == 1 and (t := S2T.convert(c)) != c and c not in traditional_side and T2S.convert(t) == c
    }
    return {"traditional_only": "".join(sorted(traditional_only)),
            "simplified_only": "".join(sorted(simplified_only))}


def write_data() -> None:
    sets = build_script_sets()
    data = {
        "_comment": "Evidence for script detection in normalize(); generated by tests/test_script.py from the "
                    "OpenCC dictionaries (see its docstring). Do not edit by hand.",
        "opencc": opencc.__version__,
        **sets,
    }
    DATA.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def test_script_data_is_what_opencc_gives() -> None:
    if not (_opencc_dir() / "bin" / "opencc_dict").exists():
        pytest.skip("this opencc build has no opencc_dict tool")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    if data["opencc"] != opencc.__version__:
        pytest.skip(f"script.json was made with OpenCC {data['opencc']}, this is {opencc.__version__}")
    sets = build_script_sets()
    assert data["traditional_only"] == sets["traditional_only"]
    assert data["simplified_only"] == sets["simplified_only"]


def test_script_data_invariants() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    trad, simp = set(data["traditional_only"]), set(data["simplified_only"])
    assert len(trad) > 2000 and len(simp) > 2000 and not trad & simp
    assert all(T2S.convert(c) != c for c in trad)
    assert all(S2T.convert(c) != c for c in simp)
    # Valid Simplified characters that t2s would rewrite are never evidence of Traditional script ...
    assert not set("乾於昇濛迴著麼瞭余台后只干于升蒙回") & trad
    # ... and Taiwan-standard forms are never evidence of Simplified script.
    assert not set("群床峰温") & simp
    assert set("東區黨個萬億開發縣為") <= trad
    assert set("东区个亿开发县为") <= simp  # 党 and 万 are Traditional too (surnames)


# --- behaviour ---------------------------------------------------------------------------------------------

SIMPLIFIED_NAMES = ["乾县", "东乾社区", "於冲村", "福昇社区", "濛江", "迴龙村"]


def norm(text: str) -> str:
    return normalize(text).text


@pytest.mark.parametrize("name", SIMPLIFIED_NAMES)
def test_simplified_sentence_keeps_its_characters(name: str) -> None:
    text = f"{name}新增党支部12个,发展党员35名。"
    nt = normalize(text)
    assert nt.text == text
    assert list(nt.offsets) == list(range(len(text) + 1))


# official names (national gazetteer) that OpenCC t2s would rewrite
@pytest.mark.parametrize("name", ["东乾社区", "於冲村", "福昇社区", "濛江街道", "迴龙村", "乾县", "並塘村"])
def test_simplified_names_keep_their_characters_in_extract(name: str) -> None:
    text = f"近年来，{name}党委坚持党建引领。今年以来，{name}新增党支部12个，发展党员35名。"
    result = extract(text)
    assert {e.name for e in result.entities} == {name}
    for e in result.entities:
        assert text[e.start:e.end] == e.text == e.name
    assert len(result.metrics) == 2
    assert all(m.entity is not None and m.entity.name == name for m in result.metrics)


@pytest.mark.parametrize("word", ["濛江", "於潜", "迴廊", "昇平"])
def test_simplified_objects_keep_their_characters(word: str) -> None:
    text = f"今年新建{word}景观步道12处，接待{word}游客320万人次。"
    objects = [m.object or "" for m in extract(text).metrics]
    assert any(word in obj for obj in objects), objects
    assert not any(T2S.convert(word) in obj for obj in objects), objects


def test_traditional_paragraph_is_converted() -> None:
    text = "東城街道新增黨支部12個，發展黨員35名，乾淨整潔的環境讓群眾滿意。"
    assert norm(text) == "东城街道新增党支部12个,发展党员35名,干净整洁的环境让群众满意。"


def test_simplified_name_inside_a_traditional_paragraph_keeps_its_characters() -> None:
    # 乾 written next to the Simplified 县 belongs to a Simplified-written name; the rest is Traditional.
    text = "東城街道新增黨支部12個，乾县新增黨員35名。"
    assert norm(text) == "东城街道新增党支部12个,乾县新增党员35名。"


def test_traditional_extract_matches_simplified() -> None:
    trad = "東城街道新增黨支部12個，發展黨員35名。"
    simp = "东城街道新增党支部12个，发展党员35名。"
    a, b = extract(trad), extract(simp)
    assert [(m.start, m.end, m.value, m.unit, m.object, m.entity.name if m.entity else None) for m in a.metrics] \
        == [(m.start, m.end, m.value, m.unit, m.object, m.entity.name if m.entity else None) for m in b.metrics]
    assert a.metrics and a.metrics[0].entity is not None and a.metrics[0].entity.name == "东城街道"


def test_mixed_page_converts_only_its_traditional_paragraph() -> None:
    simplified = "乾县东乾社区新增党支部12个,著力发展於冲村、福昇社区和迴龙村。"
    traditional = "東城街道新增黨支部12個,著力發展乾淨整潔的社區環境。"
    text = simplified + "\n\n" + traditional + "\n\n" + simplified
    out = norm(text)
    first, middle, last = out.split("\n\n")
    assert first == last == simplified
    # t2s keeps 著 (著名 is Simplified too); in Traditional text the particle and 著力 become 着 (OpenCC tw2s)
    assert T2S.convert(traditional) == "东城街道新增党支部12个,著力发展干净整洁的社区环境。"
    assert middle == "东城街道新增党支部12个,着力发展干净整洁的社区环境。"


@pytest.mark.parametrize(("traditional", "simplified"), [
    ("隨著興豐街道兩部電梯投入運行,標志著加梯工作邁進。", "随着兴丰街道两部电梯投入运行,标志着加梯工作迈进。"),
    ("這位著名的書記帶著村民顯著增收。", "这位著名的书记带着村民显著增收。"),
])
def test_the_particle_zhe_in_traditional_text(traditional: str, simplified: str) -> None:
    assert norm(traditional) == simplified
    assert norm("随著兴丰街道的发展。") == "随著兴丰街道的发展。"  # Simplified text keeps its own characters


def test_mixed_line_converts_only_its_traditional_sentence() -> None:
    simplified = "乾县东乾社区新增党支部12个,著力发展於冲村。"
    traditional = "東城街道新增黨支部12個,著力發展社區。"
    out = norm(simplified + traditional)
    assert out == simplified + T2S.convert(traditional).replace("著力", "着力")
    assert "東" not in out and "黨" not in out


def test_stray_traditional_character_in_simplified_text_is_converted() -> None:
    # A Traditional-only character is never valid Simplified, so converting it cannot harm a name.
    assert norm("乾县建成党群服务中心3個。") == "乾县建成党群服务中心3个。"


def test_no_evidence_keeps_the_text() -> None:
    for text in ["乾", "於是", "著作", "瞭望", "回迴", "12345", ""]:
        assert norm(text) == text


def test_t2s_false_still_keeps_everything() -> None:
    assert norm("東城街道") == "东城街道"
    assert normalize("東城街道", t2s=False).text == "東城街道"


# --- real fixtures -----------------------------------------------------------------------------------------

FIXTURES = sorted(
    path for sub in ("seeds", "dev", "dev2") for path in (ROOT / "fixtures" / sub).glob("*.txt")
)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_simplified_fixtures_are_not_rewritten(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    nt = normalize(original, join_lines=False)
    if regex.search(f"[{regex.escape(json.loads(DATA.read_text(encoding='utf-8'))['traditional_only'])}]",
                    original):
        pytest.skip("has Traditional script")
    assert nt.text == normalize_module._to_halfwidth(original)


def _metric_rows(result):
    return [(m.start, m.end, m.value, m.value_max, m.unit, m.qualifier, m.object,
             m.entity.name if m.entity else None) for m in result.metrics]


@pytest.mark.parametrize("path", FIXTURES,
                         ids=lambda p: p.name)
def test_traditional_rewrite_of_fixture_extracts_the_same(path: Path) -> None:
    """A fixture written out in Traditional script (OpenCC s2t, same length) extracts what the original does."""
    original = path.read_text(encoding="utf-8")
    traditional = S2T.convert(original)
    if len(traditional) != len(original) or traditional == original:
        pytest.skip("s2t changed the length")
    simplified_again = normalize(traditional).text
    ref = normalize(original).text
    # Names and objects come out in the text's own characters where it was Simplified, so the two normalised
    # texts may differ only where t2s cannot undo s2t (乾 ↔ 干 and the like).
    diffs = [(a, b) for a, b in zip(simplified_again, ref, strict=True) if a != b]
    assert len(diffs) <= max(5, len(ref) // 200), diffs[:20]
    if not diffs:
        assert _metric_rows(extract(traditional)) == _metric_rows(extract(original))


# --- offsets -----------------------------------------------------------------------------------------------

_PIECES = SIMPLIFIED_NAMES + ["東城街道", "黨支部", "12個", "，", "。", "\n", "\n\n", "乾淨", "著", "发展", "群眾",
                              "于", "於", "臺灣", "县", "区", "(fā)", "　", "１２"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_property_offsets_point_at_the_source_character(pieces: list[str]) -> None:
    text = "".join(pieces)
    nt = normalize(text)
    assert len(nt.offsets) == len(nt.text) + 1 and nt.offsets[-1] == len(text)
    assert all(a < b for a, b in zip(nt.offsets, nt.offsets[1:], strict=False))
    for i, ch in enumerate(nt.text):
        src = text[nt.offsets[i]]
        assert ch == src or ch == normalize_module._to_halfwidth(src) or T2S.convert(src) != src \
            or (src, ch) == ("著", "着"), (i, ch, src)  # the particle, told apart by OpenCC's tw2s


def test_random_simplified_text_from_names_is_unchanged() -> None:
    rng = random.Random(7)
    words = SIMPLIFIED_NAMES + ["党支部", "新增", "12个", "发展", "于", "著名", "乾隆", ","]
    for _ in range(200):
        text = "".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        assert norm(text) == text


# --- gazetteer ---------------------------------------------------------------------------------------------


def test_gazetteer_names_keep_their_characters() -> None:
    gazetteer = pytest.importorskip("dangjian_extract.gazetteer")
    names = [name for name in gazetteer.get_gazetteer().all_names() if "\n" not in name and "\r" not in name]
    assert names
    # One sentence per line, normalised in batches: lines are judged independently (line breaks are kept
    # with join_lines=False), so this is the same as normalising each sentence alone, and much faster.
    bad = []
    for k in range(0, len(names), 20_000):
        batch = names[k:k + 20_000]
        lines = [f"今年以来,{name}新增党支部12个。" for name in batch]
        out = normalize("\n".join(lines), join_lines=False).text.split("\n")
        assert len(out) == len(lines)
        # full-width digits and letters are folded to half width everywhere (七０七所社区 → 七0七所社区): not script
        bad += [(name, got) for name, line, got in zip(batch, lines, out, strict=True)
                if got != normalize_module._to_halfwidth(line)]
    assert not bad, f"{len(bad)} of {len(names)} names rewritten, e.g. {bad[:20]}"


if __name__ == "__main__":
    write_data()
    print(f"wrote {DATA}")
