"""The examples in README.md and docs/ print what their comments say they print."""

from __future__ import annotations

import ast
import contextlib
import io
from pathlib import Path

import pytest
import regex

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
