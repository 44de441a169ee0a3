"""Untrusted case text stays text: markup, escapes, table syntax and formulas come out inert.

One hostile case (tests/data/report/hostile.yaml) goes through every output of `report` and
`score`; each test checks the dangerous thing is absent and the text itself still readable.
"""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import pytest

from helpers import DATA, MINI, write

HOSTILE = DATA / "report" / "hostile.yaml"
FW = ("--framework", str(MINI))
CONTROL = [chr(c) for c in range(32) if chr(c) not in "\n"] + ["\x7f", "\x9b"]


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def report(cli, fmt: str, path=HOSTILE) -> str:
    result = cli("report", path, "-f", fmt, *FW)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def no_controls(text: str) -> None:
    found = sorted({repr(c) for c in text if c in CONTROL})
    assert not found, f"control characters in output: {found}"


def test_terminal_prints_markup_and_escapes_literally(cli):
    out = report(cli, "terminal")
    no_controls(out)
    assert "[bold red]x[/]" in out  # rich markup not interpreted
    assert "[link=https://evil.example]Click[/link]" in out
    assert "<script>alert(1)</script>" in out  # harmless as terminal text, and readable
    assert "red" in out and "LINK" in out  # the text of the escape sequences' payload survives
    assert "Exempt aid." in out and "[red]r[/red]" in out


def test_terminal_writes_no_escape_even_on_a_colour_terminal():
    """A forced colour console still gets no sequence from the case file, only rich's own."""
    from rich.console import Console

    from sanctions_check import case, framework, scoring
    from sanctions_check.render import report_terminal, report_view

    fw = framework.load(MINI)
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="truecolor", width=100)
    report_terminal.draw_summary(
        report_view.build(scoring.assess(fw, case.load(HOSTILE, fw))), console
    )
    out = buffer.getvalue()
    assert "\x1b[31mred" not in out and "\x1b[2J" not in out and "\x1b]8;;https://evil" not in out
    assert "[bold red]x[/]" in out and "\a" not in out


def test_markdown_escapes_html_pipes_and_block_syntax(cli):
    out = report(cli, "markdown")
    no_controls(out)
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "a\\|b" in out and "x\\|y" in out
    assert "\\[bold red\\]x\\[/\\]" in out
    assert "\\- not a list" in out and "\\# not a heading" in out
    assert "javascript:alert(3)" in out and "<javascript:" not in out  # literal, not a link
    assert "\\|---\\|---\\|" in out  # a note shaped like a table separator stays a note


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def test_html_shows_hostile_text_as_text(cli):
    out = report(cli, "html")
    no_controls(out)
    doc = _Collect()
    doc.feed(out)
    assert not {"script", "img", "b", "iframe", "object"} & doc.tags
    assert not [k for k, _ in doc.attrs if k.startswith("on")]
    hrefs = [v or "" for k, v in doc.attrs if k == "href"]
    assert "https://example.org/ok" in hrefs
    assert not [h for h in hrefs if not h.startswith(("https://", "http://"))]
    text = "".join(doc.text)
    assert "<script>alert(1)</script>" in text  # shown, not run
    assert "<img src=x onerror=alert(2)>" in text
    assert "[bold red]x[/]" in text and "javascript:alert(3)" in text
    assert '"><script>alert(5)</script>' in text


def test_json_keeps_text_but_drops_control_characters(cli):
    out = report(cli, "json")
    assert "\\u001b" not in out and "\\u0007" not in out
    data = json.loads(out)
    title = data["case"]["title"]
    assert title == "<script>alert(1)</script> [bold red]x[/] a|b red =cmd|' /C calc'!A0"
    note = data["answers"][0]["questions"][0]["note"]
    assert note.startswith("<script>alert(4)</script> [bold]b[/bold] x|y ")
    no_controls(json.dumps(data, ensure_ascii=False))


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_score_outputs_are_inert_too(cli, tmp_path, fmt):
    formula = write(
        tmp_path / "formula.yaml",
        HOSTILE.read_text(encoding="utf-8")
        .replace('title: "<script>', "title: \"=cmd|' /C calc'!A0 <script>")
        .replace("id: hostile", "id: formula"),
    )
    result = cli("score", HOSTILE, formula, "-f", fmt, *FW)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    no_controls(out)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        titles = sorted(row["title"] for row in rows)
        assert titles[0].startswith("'=cmd")  # the formula is neutralised
        assert all(not t.startswith(("=", "+", "-", "@")) for t in titles)
    elif fmt == "markdown":
        assert "<script" not in out
    else:
        assert "hostile" in out
