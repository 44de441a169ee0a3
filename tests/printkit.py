"""Printing HTML to PDF in headless Chromium and reading the PDF back with poppler, for the print
tests (Debian's `chromium` and `poppler-utils`; .ci/run installs both)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

PAPERS = {"A4": (595, 842), "Letter": (612, 792)}  # points, as pdfinfo reports them
MARGIN_PT = 30  # the report asks for 14-16 mm (40-45 pt); text must stay well inside the page


def _tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    message = (
        f"{names[0]} is not installed: apt-get install chromium poppler-utils (.ci/run does this)"
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def find_tools() -> dict[str, str]:
    """Chromium and poppler's pdftotext and pdfinfo: missing, they fail the test under CI=true
    and skip it elsewhere."""
    return {
        "chromium": _tool("chromium", "chromium-browser"),
        "pdftotext": _tool("pdftotext"),
        "pdfinfo": _tool("pdfinfo"),
    }


def print_to_pdf(chromium: str, html: Path, pdf: Path, profile: Path) -> None:
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        f"--print-to-pdf={pdf}",
        "--no-pdf-header-footer",
        html.resolve().as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert pdf.exists() and pdf.stat().st_size > 1000, done.stderr.decode(errors="replace")[-2000:]


def squash(text: str) -> str:
    """Compare text as the eye does: no whitespace, ligatures unfolded, case ignored."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


class Visible(HTMLParser):
    """The text a reader sees, and each table's header cells and rows."""

    def __init__(self):
        super().__init__()
        self.skip = 0
        self.texts: list[str] = []
        self.tables: list[dict[str, list]] = []
        self.cell: list[str] | None = None
        self.row: list[str] | None = None
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "title", "head"):
            self.skip += 1
        elif tag == "table":
            self.tables.append({"header": [], "rows": []})
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("style", "title", "head"):
            self.skip -= 1
        elif tag == "thead":
            self.in_head = False
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append("".join(self.cell))
            self.cell = None
        elif tag == "tr" and self.row is not None and self.tables:
            key = "header" if self.in_head else "rows"
            if key == "header":
                self.tables[-1]["header"] = self.row
            else:
                self.tables[-1]["rows"].append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.skip:
            return
        if data.strip():
            self.texts.append(data)
        if self.cell is not None:
            self.cell.append(data)


def pdf_pages(tools: dict[str, str], pdf: Path) -> list[str]:
    out = subprocess.run(
        [tools["pdftotext"], "-raw", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def pdf_info(tools: dict[str, str], pdf: Path) -> tuple[int, tuple[float, float]]:
    info = subprocess.run(
        [tools["pdfinfo"], str(pdf)], capture_output=True, check=True, text=True
    ).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    return pages, (float(size.group(1)), float(size.group(2)))


def word_boxes(tools: dict[str, str], pdf: Path) -> list[tuple[float, float, float, float, str]]:
    out = subprocess.run(
        [tools["pdftotext"], "-bbox", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [
        (float(a), float(b), float(c), float(d), w)
        for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            out,
        )
    ]


class Browser:
    """One headless Chromium, driven over the DevTools protocol on a pipe (file descriptors 3 and
    4, messages ended by NUL), that prints many pages at once: a tab per page, all loading and
    printing in parallel. One browser start instead of one per page keeps the print tests
    affordable; `print_to_pdf` above stays for a single page printed as a user would."""

    def __init__(self, chromium: str, profile: Path):
        to_browser_r, self._write = os.pipe()
        self._read, from_browser_w = os.pipe()

        def wire() -> None:  # in the child: the ends Chromium expects, at 3 and 4
            reads, writes = os.dup(to_browser_r), os.dup(from_browser_w)  # clear of 3 and 4
            os.dup2(reads, 3)
            os.dup2(writes, 4)

        self.process = subprocess.Popen(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--remote-debugging-pipe",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,  # the pipe must sit at fixed descriptors
            close_fds=False,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next = 0
        self._events: list[dict] = []

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError):
            self._send("Browser.close")
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._write)
        os.close(self._read)

    def _send(self, method: str, session: str | None = None, **params: object) -> int:
        import json

        self._next += 1
        message: dict[str, object] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        return self._next

    def _receive(self) -> dict:
        import json

        while b"\0" not in self._buffer:
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed its DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _results(self, ids: list[int]) -> dict[int, dict]:
        """Wait for the answers to ``ids``, keeping the events that arrive meanwhile."""
        wanted, got = set(ids), {}
        while wanted - set(got):
            message = self._receive()
            if "id" in message and message["id"] in wanted:
                if "error" in message:
                    raise RuntimeError(f"DevTools error: {message['error']}")
                got[message["id"]] = message.get("result", {})
            elif "method" in message:
                self._events.append(message)
        return got

    def _call(self, method: str, session: str | None = None, **params: object) -> dict:
        ident = self._send(method, session, **params)
        return self._results([ident])[ident]

    def _wait_loaded(self, sessions: set[str]) -> None:
        loaded = {e.get("sessionId") for e in self._events if e["method"] == "Page.loadEventFired"}
        while sessions - loaded:
            message = self._receive()
            if message.get("method") == "Page.loadEventFired":
                loaded.add(message.get("sessionId"))
        self._events = []

    def print_all(self, jobs: list[tuple[Path, Path]], batch: int = 8) -> None:
        """Print each HTML file to its PDF (``(html, pdf)`` pairs), ``batch`` tabs at a time.
        The page size is the document's own (`@page size`), as a browser's print dialog uses."""
        import base64

        for start in range(0, len(jobs), batch):
            group = jobs[start : start + batch]
            sessions = []
            for _ in group:
                target = self._call("Target.createTarget", url="about:blank")["targetId"]
                session = self._call("Target.attachToTarget", targetId=target, flatten=True)
                sessions.append((target, session["sessionId"]))
            for (_, session), (html, _) in zip(sessions, group, strict=True):
                self._call("Page.enable", session)
                self._send("Page.navigate", session, url=html.resolve().as_uri())
            self._wait_loaded({s for _, s in sessions})
            ids = [
                self._send(
                    "Page.printToPDF",
                    session,
                    preferCSSPageSize=True,
                    printBackground=True,
                    displayHeaderFooter=False,
                )
                for _, session in sessions
            ]
            results = self._results(ids)
            for ident, (_, pdf) in zip(ids, group, strict=True):
                pdf.write_bytes(base64.b64decode(results[ident]["data"]))
            for target, _ in sessions:
                self._call("Target.closeTarget", targetId=target)


Box = tuple[float, float, float, float, str]


def page_word_boxes(tools: dict[str, str], pdf: Path) -> list[list[Box]]:
    """Each page's words with their boxes (points from the top left), as poppler reads them."""
    out = subprocess.run(
        [tools["pdftotext"], "-bbox", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", out, re.S):
        pages.append(
            [
                (float(a), float(b), float(c), float(d), w)
                for a, b, c, d, w in re.findall(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                    r'yMax="([\d.]+)">([^<]*)</word>',
                    page,
                )
            ]
        )
    return pages


def overlaps(words: list[Box], tolerance: float = 1.0) -> list[tuple[Box, Box]]:
    """Pairs of words on one page whose boxes overlap by more than ``tolerance`` points both
    across and down: text printed over text. Sorted by the left edge and swept, so a page of a
    thousand words costs little."""
    found = []
    ordered = sorted(words, key=lambda w: w[0])
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b[0] > a[2] - tolerance:
                break
            across = min(a[2], b[2]) - max(a[0], b[0])
            down = min(a[3], b[3]) - max(a[1], b[1])
            if across > tolerance and down > tolerance:
                found.append((a, b))
    return found
