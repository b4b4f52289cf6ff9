"""spaCy plugin conventions (issue 14): entry points, our components in a user's pipeline, displacy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy import displacy
from spacy.language import Language

from dangjian_extract import extract
from dangjian_extract.normalize import normalize
from dangjian_extract.pipeline import PIPE_NAMES, build, records_from_doc

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "fixtures").glob("*/*.txt"))
TOKENIZERS = ("dangjian.coarse_tokenizer.v1", "dangjian.normalizing_tokenizer.v1")


def _metrics(result) -> list[dict]:
    return result.model_dump(mode="json")["metrics"]


def _declared(group: str) -> dict[str, str]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        tomllib = pytest.importorskip("tomli")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project["entry-points"][group]


def test_pyproject_declares_every_factory_and_tokenizer() -> None:
    factories = _declared("spacy_factories")
    ours = {name for name in Language.factories if name.startswith("dangjian_")}
    assert set(factories) == ours == set(PIPE_NAMES)
    for name, target in factories.items():
        module, func = target.split(":")
        factory = spacy.registry.factories.get(name)
        assert (factory.__module__, factory.__name__) == (module, func)
    tokenizers = _declared("spacy_tokenizers")
    assert set(tokenizers) == set(TOKENIZERS)
    for name, target in tokenizers.items():
        func = spacy.registry.tokenizers.get(name)
        assert f"{func.__module__}:{func.__name__}" == target


def _installed_with_entry_points() -> bool:
    factories = {ep.name for ep in entry_points(group="spacy_factories")}
    tokenizers = {ep.name for ep in entry_points(group="spacy_tokenizers")}
    return set(PIPE_NAMES) <= factories and set(TOKENIZERS) <= tokenizers


FRESH = textwrap.dedent("""
    import json, sys
    import spacy
    assert not any(m.startswith("dangjian_extract") for m in sys.modules), "imported before spacy.load"
    nlp = spacy.load(sys.argv[1])
    from dangjian_extract.pipeline import records_from_doc
    out = {}
    for path in sys.argv[2:]:
        text = open(path, encoding="utf-8").read()
        out[path] = records_from_doc(nlp(text)).model_dump(mode="json")["metrics"]
    print(json.dumps({"pipeline": nlp.pipe_names, "metrics": out}, ensure_ascii=False))
""")


@pytest.mark.skipif(not _installed_with_entry_points(),
                    reason="dangjian-extract is not installed with its entry points (pip install .)")
def test_saved_pipeline_loads_in_a_fresh_process(tmp_path: Path) -> None:
    build().to_disk(tmp_path / "pipeline")
    paths = [str(p) for p in FIXTURES]
    env = dict(os.environ)
    if env.get("PYTHONPATH"):  # the child runs elsewhere: keep what the path names
        env["PYTHONPATH"] = os.pathsep.join(str(Path(p).resolve()) for p in env["PYTHONPATH"].split(os.pathsep))
    proc = subprocess.run([sys.executable, "-c", FRESH, str(tmp_path / "pipeline"), *paths], env=env,
                          capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, check=False)
    assert proc.returncode == 0, proc.stderr
    loaded = json.loads(proc.stdout)
    assert loaded["pipeline"] == list(PIPE_NAMES)
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        assert loaded["metrics"][path] == _metrics(extract(text)), path


def _users_pipeline(tokenizer: dict) -> Language:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": tokenizer}})
    for name in PIPE_NAMES:   # the documented order
        nlp.add_pipe(name)
    return nlp


@pytest.mark.parametrize("segmenter", ["char", "jieba"])
def test_components_in_a_users_pipeline_find_the_same_metrics(segmenter: str) -> None:
    if segmenter == "jieba":
        pytest.importorskip("jieba")
    # spaCy's own zh tokenizer does not normalise: on normalised text the metrics are ours exactly
    plain = _users_pipeline({"segmenter": segmenter})
    # with our normalisation in front of spaCy's tokenizer, on the original text as well
    wrapped = _users_pipeline({"@tokenizers": "dangjian.normalizing_tokenizer.v1", "segmenter": segmenter})
    assert plain.tokenizer("党支部75个")[0].text == ("党" if segmenter == "char" else "党支部")
    for path in FIXTURES:
        text = path.read_text(encoding="utf-8")
        ours = _metrics(extract(text))
        assert _metrics(records_from_doc(wrapped(text))) == ours, path
        normalized = normalize(text).text
        assert _metrics(records_from_doc(plain(normalized))) == _metrics(extract(normalized)), path


def test_displacy_renders_the_metrics() -> None:
    doc = build()("截止目前,院落党支部数量已达75个,总投资达到15亿元。")
    html = displacy.render(doc, style="span", options={"spans_key": "metrics"}, jupyter=False)
    assert "75" in html and "15" in html and "亿" in html
    assert html.count("METRIC") == 2
