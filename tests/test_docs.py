"""The examples in README.md and docs/ print what their comments say they print."""

from __future__ import annotations

import ast
import contextlib
import io
import json
import shlex
import shutil
from pathlib import Path

import pytest
import regex

from dangjian_extract.cli import main

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_BLOCK = regex.compile(r"```python\n(.*?)```", regex.S)


def _examples(page: Path) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """Python blocks with expected output: (block id, [(code, the lines it prints)])."""
    found = []
    for n, block in enumerate(_BLOCK.findall(page.read_text(encoding="utf-8"))):
        steps: list[tuple[str, list[str]]] = []
        code: list[str] = []
        expected: list[str] = []
        previous = ""
        for line in block.splitlines():
            # output is shown as comment lines right under the code; a comment after a blank line is a comment
            if line.startswith("# ") and code and (expected or previous.strip()):
                expected.append(line[2:])
                previous = line
                continue
            previous = line
            if expected:
                steps.append(("\n".join(code), expected))
                code, expected = [], []
            code.append(line)
        if expected:
            steps.append(("\n".join(code), expected))
        if steps:
            found.append((f"{page.name}#{n}", steps))
    return found


EXAMPLES = [example for page in PAGES for example in _examples(page)]


def test_there_are_examples_to_check() -> None:
    assert {name.split("#")[0] for name, _ in EXAMPLES} >= {"README.md", "quickstart.md"}


@pytest.mark.parametrize("name, steps", EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_example_prints_what_it_says(name: str, steps: list[tuple[str, list[str]]]) -> None:
    namespace: dict[str, object] = {}
    for code, expected in steps:
        out = io.StringIO()
        tree = ast.parse(code)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        with contextlib.redirect_stdout(out):
            exec(compile(tree, name, "exec"), namespace)  # noqa: S102 — our own documentation
            if last is not None:  # like the REPL: a final expression shows its repr
                value = eval(compile(ast.Expression(last.value), name, "eval"), namespace)  # noqa: S307
                if value is not None:
                    print(repr(value))
        assert out.getvalue().splitlines() == expected, code


_LINK = regex.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_relative_links_resolve(page: Path) -> None:
    targets = [t for t in _LINK.findall(page.read_text(encoding="utf-8")) if "://" not in t]
    missing = [t for t in targets if not (page.parent / t).exists()]
    assert not missing, f"{page.name} links to missing files: {missing}"


_BASH = regex.compile(r"```bash\n(.*?)```", regex.S)
# command lines on the folder the docs call reports/; other examples name files the reader has (report.txt, GOLD_DIR)
COMMANDS = [(page.name, line) for page in PAGES for block in _BASH.findall(page.read_text(encoding="utf-8"))
            for line in block.splitlines() if line.startswith("dangjian-extract reports/")]


def test_the_file_formats_are_documented_commands() -> None:
    documented = {c for _, c in COMMANDS}
    assert {"--format parquet", "--format html"} <= {f for c in documented for f in regex.findall(r"--format \w+", c)}


@pytest.mark.parametrize("page, command", COMMANDS, ids=[f"{p}: {c.split('#')[0].strip()}" for p, c in COMMANDS])
def test_documented_command_runs(page: str, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    for fixture in sorted((ROOT / "fixtures" / "dev").glob("*.txt"))[:3]:
        shutil.copy(fixture, reports / fixture.name)
    monkeypatch.chdir(tmp_path)
    argv = shlex.split(command, comments=True)[1:]
    redirect = None
    if ">" in argv:  # a shell redirection: what the command prints goes to that file
        redirect = argv[argv.index(">") + 1]
        argv = argv[:argv.index(">")]
    assert main(argv) == 0, command
    printed = capsys.readouterr().out
    if redirect is not None:
        (tmp_path / redirect).write_text(printed, encoding="utf-8")
    outputs = [argv[i + 1] for i, a in enumerate(argv) if a in ("-o", "--output")] + [redirect] * (redirect is not None)
    if not outputs:  # the metrics of every report went to standard output
        assert printed.count("\n") > 20 and all(f"reports/{f.name}" in printed for f in reports.iterdir())
    for name in outputs:
        written = tmp_path / name
        if name.endswith(".parquet"):
            pq = pytest.importorskip("pyarrow.parquet")
            assert pq.read_table(written).num_rows > 20
        elif name.endswith(".html"):
            page_text = written.read_text(encoding="utf-8")
            assert page_text.count("<tr data-kind=") > 20 and page_text.count('<section class="dj-report"') == 3
        elif name.endswith(".jsonl"):
            assert all(json.loads(line)["doc_id"] for line in written.read_text(encoding="utf-8").splitlines())
        else:
            text = written.read_text(encoding="utf-8")
            assert text.count("\n") > 20 and all(f"reports/{f.name}" in text for f in reports.iterdir())
