"""Render docs/review-page.png: the corpus review page (``--format html``) of fixture reports, one kind filtered.

Runs :func:`dangjian_extract.extract_many` over ``fixtures/dev`` and ``fixtures/seeds`` (13 reports) with
reference_date 2024-06-30, writes the page with :func:`dangjian_extract.review.write_review` into a temporary
directory and screenshots it with headless Chromium, opened as ``review.html?kind=money`` so the picture shows
a kind filter at work (the money chip pressed, "N of M metrics shown", only money rows). The top of the page
is shown: title, filter bar, the metrics table and the start of the per-entity summary; the reports'
highlighted texts follow further down (they look like docs/notebook-view.png).

Needs ``/usr/bin/chromium`` (or ``$CHROMIUM``) and a CJK font, otherwise the Chinese text comes out as tofu
boxes: on Debian ``apt-get install fonts-noto-cjk`` (check with ``fc-list :lang=zh``).

Usage: ``.venv/bin/python docs/make_review_screenshot.py [output.png]``
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from dangjian_extract import extract_many
from dangjian_extract.review import write_review

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [ROOT / "fixtures" / "dev", ROOT / "fixtures" / "seeds"]
OUTPUT = ROOT / "docs" / "review-page.png"
QUERY = "?kind=money"  # the page reads its starting filters from the address
WIDTH, HEIGHT = 1400, 1100


def main(argv: list[str]) -> int:
    output = Path(argv[1]).resolve() if len(argv) > 1 else OUTPUT
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    paths = [p for folder in FOLDERS for p in sorted(folder.glob("*.txt"))]
    items = [(p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8")) for p in paths]
    with tempfile.TemporaryDirectory(prefix="dangjian-review-shot-") as tmp:
        page = Path(tmp) / "review.html"
        metrics = write_review(extract_many(items, reference_date="2024-06-30"), page)
        profile = Path(tmp) / "profile"  # a fresh profile: no state from, or written into, a real one
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   f"--user-data-dir={profile}", "--hide-scrollbars", f"--window-size={WIDTH},{HEIGHT}",
                   f"--screenshot={output}", page.as_uri() + QUERY]
        subprocess.run(command, check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"{output}: {len(items)} reports, {metrics} metrics, opened with {QUERY}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
