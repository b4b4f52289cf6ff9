"""The spaCy shape, the public contract, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

import dangjian_extract
from dangjian_extract import Extraction, Metric, extract, load
from dangjian_extract.pipeline import PIPE_NAMES


def test_pipeline_is_blank_zh_with_our_factories() -> None:
    nlp = load()
    assert nlp.lang == "zh"
    assert nlp.pipe_names == list(PIPE_NAMES)
    # rule order the records rely on: entities before sections and attribution, objects before categories
    order = nlp.pipe_names.index
    assert order("dangjian_quantities") < order("dangjian_filters") < order("dangjian_entities")
    assert order("dangjian_entities") < order("dangjian_sections") < order("dangjian_attribution")
    assert order("dangjian_context") < order("dangjian_category")
    for name in nlp.pipe_names:
        assert spacy.Language.has_factory(name)


def test_metrics_live_in_doc_spans_with_extension_attributes() -> None:
    doc = load()("成立75个院落党支部,党员干部500余名,铺设草皮近万平方米。")
    spans = list(doc.spans["metrics"])
    assert [s.text for s in spans] == ["75个", "500余名", "万平方米"]
    assert [(s._.value, s._.unit, s._.qualifier, s._.kind) for s in spans] == [
        (75.0, "个", "exact", "count"), (500.0, "名", "over", "count"), (10000.0, "m2", "nearly", "measure")]
    assert "rejected" in doc.spans


def test_rejected_candidates_say_why() -> None:
    doc = load()("在全市观摩中位列第1名,推选出一批老党员,深入发展“三个一”模式。")
    reasons = {s.text: s._.reject_reason for s in doc.spans["rejected"]}
    assert reasons["1名"] == "ordinal"
    assert reasons["一批"] == "generic_one"
    assert reasons["三个"] == "quoted"


def test_extract_on_a_lite_doc_equals_the_spacy_doc() -> None:
    # extract() runs the components on a LiteDoc (no tokens); a spaCy Doc of the same pipeline gives the same
    nlp = load()
    for path in sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        with dangjian_extract.pipeline.memory_zone(nlp):
            expected = dangjian_extract.records_from_doc(nlp(text), doc_id="x", reference_date="2024-05-10")
        assert extract(text, doc_id="x", reference_date="2024-05-10") == expected, path


def test_a_changed_pipeline_runs_on_spacy_docs() -> None:
    nlp = dangjian_extract.build()
    assert dangjian_extract.pipeline._runs_lite(nlp)
    nlp.disable_pipe("dangjian_category")
    assert not dangjian_extract.pipeline._runs_lite(nlp)
    result = dangjian_extract.pipeline.run_pipeline(nlp, "成立75个院落党支部。")
    assert [(m.text, m.category) for m in result.metrics] == [("75个", None)]


def test_docs_round_trip_through_bytes() -> None:
    nlp = load()
    doc = nlp("開發(fā)區(qū)共有黨員2300余名。")
    again = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert dangjian_extract.records_from_doc(again) == dangjian_extract.records_from_doc(doc)


def test_extra_lexicon_adds_a_measure_word() -> None:
    text = "新整菜地20畦。"  # 畦 counts vegetable beds; neither the lexicon nor the dictionary lists it
    assert extract(text).metrics == []
    (m,) = extract(text, extra_lexicon={"units": {"measure_words": ["畦"]}}).metrics
    assert (m.text, m.value, m.unit) == ("20畦", 20.0, "畦")


def test_extra_lexicon_errors_are_clear() -> None:
    with pytest.raises(ValueError, match="unknown lexicon file"):
        extract("1个", extra_lexicon={"nonsense": {}})
    with pytest.raises(TypeError, match="extra_lexicon"):
        extract("1个", extra_lexicon=["尾"])  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, 12, 3.5, ["1个"], {"text": "1个"}])
def test_non_text_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        extract(bad)  # type: ignore[arg-type]


def test_empty_text_gives_empty_result() -> None:
    assert extract("").metrics == []
    assert extract(" \n\t").metrics == []
    assert extract("").text_length == 0


def test_output_is_plain_json_with_fixed_field_names() -> None:
    data = extract("总投资达到15亿元。", doc_id="a").model_dump(mode="json")
    json.dumps(data)
    assert data["doc_id"] == "a"
    # the first fields are the contract of issue 2; later fields are only ever appended
    assert list(data["metrics"][0]) == ["start", "end", "text", "value", "value_max", "unit", "unit_text",
                                        "qualifier", "lower", "upper", "kind", "object", "entity", "change",
                                        "basis", "period", "status", "category", "sentence", "entity_rule"]
    assert list(data)[:3] == ["doc_id", "text_length", "metrics"]


def test_schema_is_exported() -> None:
    schema = Extraction.model_json_schema()
    assert "Metric" in schema["$defs"]
    assert set(Metric.model_fields) >= {"start", "end", "text", "value", "unit", "qualifier", "kind"}


def test_bytes_are_read_as_utf8_and_bad_bytes_say_so() -> None:
    assert extract("总投资达到15亿元".encode()).metrics[0].value == 1500000000
    with pytest.raises(UnicodeDecodeError, match="not UTF-8"):
        extract("总投资达到15亿元".encode("gb18030"))


def test_extract_leaves_no_new_strings_in_the_shared_vocab() -> None:
    # a stream of reports must not grow the vocab: extract() and extract_many() work inside memory zones
    nlp = load()
    texts = ["甲乙丙丁从未见过的说法新增企业7345家。", "戊己庚辛另一段说法新增企业7346家。"]
    extract(texts[0])
    list(dangjian_extract.extract_many([texts[1]] * 3))
    with dangjian_extract.pipeline.memory_zone(nlp):
        tokens = [t.text for text in texts for t in nlp.make_doc(text)]
    new = [t for t in tokens if t.startswith(("甲乙", "戊己"))]
    assert len(new) == 2 and not any(t in nlp.vocab.strings for t in new)
    nlp(texts[0])  # outside a zone the same text does add its tokens
    assert new[0] in nlp.vocab.strings


def test_text_past_the_limit_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dangjian_extract.pipeline, "MAX_TEXT_LENGTH", 20)
    assert extract("新增企业7家。" * 2).metrics  # 14 characters: fine
    with pytest.raises(ValueError, match=r"21 characters long; extract\(\) takes at most 20.*extract_many"):
        extract("新增企业7家。" * 3)
    with pytest.raises(ValueError, match=r"item 1 \(b\): text is 21 characters"):
        list(dangjian_extract.extract_many([("a", "新增企业7家。"), ("b", "新增企业7家。" * 3)]))


def _repeated_words(node: object, path: str = "") -> list[str]:
    """Every list of strings in a data file that names a word twice, as ``path: word`` (pairs such as a
    period's (start, end), ['end', 'end'], are no word lists)."""
    if isinstance(node, dict):
        return [hit for key, value in node.items() for hit in _repeated_words(value, f"{path}.{key}")]
    if isinstance(node, list) and len(node) > 2 and all(isinstance(x, str) for x in node):
        seen: set[str] = set()
        return [f"{path}: {x}" for x in node if x in seen or seen.add(x)]
    return []


def test_data_word_lists_name_each_word_once() -> None:
    """A word listed twice is harmless to the rules but hides which entry a later edit meant to change."""
    data_dir = Path(dangjian_extract.__file__).parent / "data"
    repeated = [f"{path.name}{hit}" for path in sorted(data_dir.glob("*.json"))
                for hit in _repeated_words(json.loads(path.read_text(encoding="utf-8")))]
    assert repeated == []
