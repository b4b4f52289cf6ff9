"""The review page in a real browser: headless Chromium driven over the DevTools protocol, standard library only.

Chromium is started with ``--remote-debugging-pipe``: it reads protocol commands (JSON, each ended by a NUL
byte) on file descriptor 3 and writes replies and events on 4 — no port, no websocket, nothing on the network.
The test opens the page from a file and checks that it logs no console error or exception and fetches
nothing, that a click on a kind (a real mouse event at the element's position) shows exactly that kind's
rows, and that a row's link lands on its metric in the report text.

Skipped, with the reason shown as a warning too, when Chromium cannot be found (``$CHROMIUM``, ``chromium``
on PATH, ``/usr/bin/chromium``); `.ci/run` installs Debian's chromium when it is missing.
"""

from __future__ import annotations

import fcntl
import json
import os
import queue
import shutil
import subprocess
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from dangjian_extract import extract_many
from dangjian_extract.review import write_review

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 60.0  # seconds for any one protocol reply; a cold Chromium start takes a few
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-dev-shm-usage", "--remote-debugging-pipe", "--window-size=1280,900"]


def _skip(reason: str) -> None:
    warnings.warn(f"review page browser test skipped: {reason}", stacklevel=2)  # in the summary, not just an "s"
    pytest.skip(reason)


def _chromium() -> str | None:
    if os.environ.get("CHROMIUM"):  # the caller's choice, and only it
        return os.environ["CHROMIUM"] if os.access(os.environ["CHROMIUM"], os.X_OK) else None
    for candidate in (shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


class Browser:
    """A Chromium process and one page of it, spoken to over the DevTools pipe."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def fds_3_and_4() -> None:
            # in the child before exec: the pipe ends go to 3 and 4, by way of fds above both, so that
            # neither dup2 overwrites the other's source; pass_fds keeps 3 and 4 open through close_fds
            high_r, high_w = (fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_chrome_r, from_chrome_w))
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        # preexec_fn, though other threads may run: it makes only system calls, taking no lock they could hold
        self.proc = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     preexec_fn=fds_3_and_4, pass_fds=(3, 4))
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._next_id = 0
        self._replies: dict[int, dict[str, Any]] = {}
        self._messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.events: list[dict[str, Any]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.session: str | None = None

    def _read(self) -> None:
        buffer = b""
        while True:
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                self._messages.put(None)
                return
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for message in messages:
                self._messages.put(json.loads(message))

    def _pump(self, timeout: float) -> bool:
        try:
            message = self._messages.get(timeout=timeout)
        except queue.Empty:
            return False
        if message is None:
            raise RuntimeError(f"Chromium closed the DevTools pipe (exit status {self.proc.poll()})")
        if "id" in message:
            self._replies[message["id"]] = message
        else:
            self.events.append(message)
        return True

    def send(self, method: str, session: bool = True, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        command: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session and self.session is not None:
            command["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(command).encode() + b"\0")
        while self._next_id not in self._replies:
            if not self._pump(TIMEOUT):
                raise TimeoutError(f"no reply to {method} in {TIMEOUT} s")
        reply = self._replies.pop(self._next_id)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def wait_for(self, method: str, seen: int = 0) -> dict[str, Any]:
        """The first event ``method`` at or after position ``seen`` of :attr:`events`."""
        while True:
            for event in self.events[seen:]:
                if event["method"] == method:
                    return event
            if not self._pump(TIMEOUT):
                raise TimeoutError(f"no {method} event in {TIMEOUT} s")

    def open_page(self) -> None:
        target = self.send("Target.createTarget", session=False, url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", session=False, targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")

    def navigate(self, url: str) -> None:
        seen = len(self.events)
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired", seen)

    def js(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def until(self, expression: str, timeout: float = 10.0) -> Any:
        """The value of ``expression`` once it is truthy (polled: some effects land after the event's reply)."""
        deadline = time.monotonic() + timeout
        while not (value := self.js(expression)) and time.monotonic() < deadline:
            time.sleep(0.05)
        return value

    def click(self, selector: str) -> None:
        """A real left click in the middle of the element (scrolled into view first), as a user makes it.

        The middle of its first box: a link wrapped over two lines has nothing of it in the middle of the whole.
        """
        x, y, hit = self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); "
                            "e.scrollIntoView({block: 'center'}); const r = e.getClientRects()[0]; "
                            "const x = r.left + r.width / 2, y = r.top + r.height / 2; "
                            "const top = document.elementFromPoint(x, y); "
                            "return [x, y, top === e || e.contains(top) ? '' : String(top && top.outerHTML)]; })()")
        assert not hit, f"{selector} is covered at ({x}, {y}) by {hit[:200]}"
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and browser log errors (failed loads, CSP violations)."""
        found = []
        for event in self.events:
            params = event.get("params", {})
            if event["method"] == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails']}")
            elif event["method"] == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(f"console.{params['type']}: {params.get('args')}")
            elif event["method"] == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}")
        return found

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events if e["method"] == "Network.requestWillBeSent"]

    def close(self) -> None:
        try:
            self.send("Browser.close", session=False)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=20)
        for fd in (self._to_chrome, self._from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Browser, str]]:
    binary = _chromium()
    if binary is None:
        _skip("Chromium not found ($CHROMIUM, chromium on PATH, /usr/bin/chromium); install it, e.g. "
              "apt-get install chromium (.ci/run does)")
    assert binary is not None
    tmp = tmp_path_factory.mktemp("review-browser")
    paths = [*sorted((ROOT / "fixtures" / "dev").glob("*.txt")), *sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    items = [(p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8")) for p in paths]
    html_path = tmp / "review.html"
    write_review(extract_many(items, reference_date="2024-06-30"), html_path)
    browser = Browser(binary, tmp / "profile")
    try:
        browser.open_page()
        browser.navigate(html_path.as_uri())
        yield browser, html_path.as_uri()
    finally:
        browser.close()


VISIBLE = ("Array.from(document.querySelectorAll('#dj-metrics tbody tr'))"
           ".filter(r => r.getClientRects().length > 0)")


def _visible(browser: Browser) -> list[list[str]]:
    """[kind, category, entity, report] of each row the page shows."""
    return browser.js(f"{VISIBLE}.map(r => ['kind', 'category', 'entity', 'report']"
                      ".map(f => r.getAttribute('data-' + f)))")


def test_page_opens_without_console_errors_or_requests(page: tuple[Browser, str]) -> None:
    browser, url = page
    assert browser.js("document.title") == "dangjian-extract review"
    total = browser.js("document.querySelectorAll('#dj-metrics tbody tr').length")
    assert total > 250 and len(_visible(browser)) == total
    assert browser.js("document.getElementById('dj-shown').textContent") == str(total)
    assert browser.errors() == []
    assert browser.requests() == [url]  # the file itself and nothing else: no CDN, fonts or icons


def test_clicking_a_kind_filters_the_rows(page: tuple[Browser, str]) -> None:
    browser, _ = page
    everything = _visible(browser)
    kinds = [row[0] for row in everything]
    browser.click('#dj-filters .dj-chip[data-value="money"]')
    shown = _visible(browser)
    assert len(shown) == kinds.count("money") and 0 < len(shown) < len(everything)
    assert {row[0] for row in shown} == {"money"}
    assert browser.js("document.getElementById('dj-filter-kind').value") == "money"
    assert browser.js("document.getElementById('dj-shown').textContent") == str(len(shown))
    assert browser.js("document.querySelector('#dj-filters .dj-chip[data-value=\"money\"]')"
                      ".getAttribute('aria-pressed')") == "true"
    browser.click('#dj-filters .dj-chip[data-value="money"]')  # the same kind again lifts the filter
    assert _visible(browser) == everything
    # a kind inside a row filters too: the first row's (a count, not money); another kind replaces the filter
    browser.click("#dj-metrics tbody tr .dj-chip")
    assert [row for row in everything if row[0] == kinds[0]] == _visible(browser) != everything
    browser.click('#dj-filters .dj-chip[data-value="percent"]')
    assert {row[0] for row in _visible(browser)} == {"percent"}
    assert len(_visible(browser)) == kinds.count("percent")
    browser.click("#dj-reset")
    assert _visible(browser) == everything
    assert browser.errors() == []


def test_select_filters_combine(page: tuple[Browser, str]) -> None:
    browser, _ = page
    everything = _visible(browser)
    report = everything[-1][3]
    browser.js(f"(() => {{ const s = document.getElementById('dj-filter-report'); s.value = '{report}'; "
               "s.dispatchEvent(new Event('change')); })()")
    shown = _visible(browser)
    assert shown == [row for row in everything if row[3] == report] and shown
    kind = shown[0][0]
    browser.click(f'#dj-filters .dj-chip[data-value="{kind}"]')
    assert _visible(browser) == [row for row in everything if row[3] == report and row[0] == kind]
    # a count in the per-entity summary: that entity and category, every report
    browser.click("#dj-reset")
    browser.click("#dj-summary tbody tr td.dj-num [role=button]")
    entity = browser.js("document.getElementById('dj-filter-entity').value")
    category = browser.js("document.getElementById('dj-filter-category').value")
    assert entity and category
    assert _visible(browser) == [row for row in everything if row[2] == entity and row[1] == category]
    browser.click("#dj-reset")
    assert browser.errors() == []


def test_a_row_link_lands_on_its_metric_in_the_text(page: tuple[Browser, str]) -> None:
    browser, _ = page
    row = browser.js(f"{VISIBLE}.length") // 2
    link = f"#dj-metrics tbody tr:nth-child({row}) td:nth-child(2) a"
    href, text = browser.js(f"(() => {{ const a = document.querySelector('{link}'); "
                            "return [a.getAttribute('href'), a.textContent]; })()")
    browser.click(link)
    # following a fragment link is a navigation of its own, finished a moment after the click
    assert browser.until(f"location.hash === {json.dumps(href)}") is True
    target = browser.js(f"(() => {{ const e = document.getElementById({json.dumps(href[1:])}); "
                        "const r = e.getBoundingClientRect(); "
                        "return [e.className, e.closest('section').id, r.top >= 0 && r.bottom <= innerHeight, "
                        "e.textContent, getComputedStyle(e).outlineStyle]; })()")
    assert target[0] == "dangjian-metric" and href.startswith(f"#{target[1]}-m")
    assert target[2] is True, "the metric is scrolled into view"
    assert text.startswith(target[3]) and target[4] == "solid"  # the :target outline marks it
    assert browser.errors() == []


def test_filters_from_the_address(page: tuple[Browser, str]) -> None:
    browser, url = page
    everything = _visible(browser)
    entity = next(row[2] for row in everything if row[0] == "percent" and row[2] != "__none__")
    browser.navigate(f"{url}?kind=percent&entity={quote(entity)}&report=nonsense")
    shown = _visible(browser)
    assert shown == [row for row in everything if row[0] == "percent" and row[2] == entity] and shown
    assert browser.js("document.getElementById('dj-filter-report').value") == ""  # not offered: ignored
    browser.navigate(url)
    assert _visible(browser) == everything
    assert browser.errors() == []
