"""Render docs/notebook-view.png: what ``Extraction._repr_html_`` shows in Jupyter, for one fixture report.

Runs :func:`dangjian_extract.extract` on ``fixtures/seeds/000_615813358111a067.txt`` (a mix of money, count,
percent, measure and duration metrics, nested and crossing entity mentions) with reference_date 2024-06-30,
wraps the fragment from :func:`dangjian_extract.display.render_html` in a standalone UTF-8 page in a temporary
directory and screenshots it with headless Chromium.

For the picture only the report's opening (up to the last paragraph ending within ``EXCERPT`` characters, about
1350 of its 2255) is extracted, and the window height is set to fit it, so the highlighted numbers stay
readable at full size; the notebook view itself renders the whole text, however long.

Needs ``/usr/bin/chromium`` (or ``$CHROMIUM``) and a CJK font, otherwise the Chinese text comes out as tofu
boxes: on Debian ``apt-get install fonts-noto-cjk`` (check with ``fc-list :lang=zh``).

Usage: ``.venv/bin/python docs/make_screenshot.py [output.png]``
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from dangjian_extract import extract
from dangjian_extract.display import render_html

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seeds" / "000_615813358111a067.txt"
OUTPUT = ROOT / "docs" / "notebook-view.png"
EXCERPT = 1500  # characters of the report shown in the picture
WIDTH, HEIGHT = 1200, 1232  # HEIGHT fitted to the rendered excerpt (about 1200 px with Noto Sans CJK), no blank band


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """The text up to the last paragraph ending (。 before a line break) within ``limit`` characters.

    Lines in these reports break mid-sentence (page layout), so a line break alone would leave a cut-off sentence.
    """
    if len(text) <= limit:
        return text
    cut = text.rfind("。\n", 0, limit)
    return text[: cut + 1] if cut > 0 else text[:limit]


def page(fragment: str) -> str:
    return ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>dangjian-extract</title></head>'
            f'<body style="margin:0;">{fragment}</body></html>')


def main(argv: list[str]) -> int:
    output = Path(argv[1]).resolve() if len(argv) > 1 else OUTPUT
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    text = excerpt(SEED.read_text(encoding="utf-8"))
    extraction = extract(text, doc_id=SEED.stem, reference_date=date(2024, 6, 30))
    with tempfile.TemporaryDirectory(prefix="dangjian-shot-") as tmp:
        html_path = Path(tmp) / "view.html"
        html_path.write_text(page(render_html(extraction)), encoding="utf-8")
        profile = Path(tmp) / "profile"  # a fresh profile: no state from, or written into, a real one
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   f"--user-data-dir={profile}", "--hide-scrollbars", f"--window-size={WIDTH},{HEIGHT}",
                   f"--screenshot={output}", html_path.as_uri()]
        subprocess.run(command, check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"{output}: {len(extraction.metrics)} metrics, {len(extraction.entities)} entities, {len(text)} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
