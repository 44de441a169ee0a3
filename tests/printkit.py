"""Printing HTML to PDF in headless Chromium and reading the PDF back with poppler, for the print
tests (Debian's `chromium` and `poppler-utils`; .ci/run installs both)."""

from __future__ import annotations

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
