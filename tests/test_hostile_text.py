"""Untrusted case text in every output that tests/test_report_injection.py does not already cover.

compare (every format), error messages quoting hostile keys and values, spreadsheet formulas in
every CSV text cell, and file names derived from case ids.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from helpers import DATA, MINI, write
from hostile import FW, VALID
from sanctions_check import flow

HOSTILE = DATA / "report" / "hostile.yaml"
CONTROL = {chr(c) for c in range(32) if chr(c) not in "\n"} | {"\x7f", "\x9b"}


def no_controls(text: str) -> None:
    found = sorted({repr(c) for c in text if c in CONTROL})
    assert not found, f"control characters in output: {found}"


@pytest.fixture
def older(tmp_path):
    """The hostile case before its answers changed, so that compare shows both notes."""
    text = (
        HOSTILE.read_text(encoding="utf-8")
        .replace("score: 1", "score: 3")
        .replace('note: "<script>alert(4)', 'note: "[blink]old[/blink] \\e[5m<script>alert(6)')
    )
    return write(tmp_path / "older.yaml", text)


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_compare_keeps_hostile_notes_inert(cli, older, fmt):
    result = cli("compare", older, HOSTILE, "-f", fmt, *FW)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    no_controls(out)
    if fmt == "json":
        data = json.dumps(json.loads(out), ensure_ascii=False)
        assert "<script>alert(4)</script>" in data and "[blink]old[/blink]" in data
    elif fmt == "markdown":
        assert "<script" not in out and "&lt;script&gt;" in out
    else:
        assert "[blink]old[/blink]" in out  # markup shown literally, not interpreted


def test_compare_table_written_to_a_file_is_plain_text(cli, older, tmp_path):
    target = tmp_path / "diff.txt"
    assert cli("compare", older, HOSTILE, *FW, "-o", target).exit_code == 0
    text = target.read_text(encoding="utf-8")
    no_controls(text)
    assert "[blink]old[/blink]" in text


def test_markdown_tables_keep_their_columns(cli, older):
    out = cli("compare", older, HOSTILE, "-f", "markdown", *FW).stdout
    table: list[int] = []
    for line in [*out.splitlines(), ""]:
        if line.startswith("|"):
            table.append(line.replace("\\|", "").count("|"))
        elif table:
            assert len(set(table)) == 1, f"a hostile '|' broke a table: {table}"
            table = []


HOSTILE_KEYS = (
    "format: sanctions-check/case@1\n"
    "case:\n"
    '  id: "[bold]x[/bold]\\e[31m"\n'
    '  title: "ok"\n'
    '  "tit\\e]0;pwned\\ale": x\n'
    '  "a\\nforged.yaml:1:1: error": x\n'
    "framework: mini@2\n"
    "answers:\n"
    '  "\\e[2J[red]alpha": {a1: 3}\n'
    "  alpha:\n"
    '    a1: "\\e[31m3"\n'
)


@pytest.mark.parametrize("command", ["validate", "score", "report", "compare"])
def test_messages_quoting_hostile_keys_and_values_are_inert(cli, tmp_path, command):
    path = write(tmp_path / "keys.yaml", HOSTILE_KEYS)
    args = (
        [command, path]
        if command != "compare"
        else [command, MINI.parent / "mini-cases" / "strong.yaml", path]
    )
    result = cli(*args, *FW)
    assert result.exit_code == 1
    no_controls(result.stdout + result.stderr)
    lines = result.stderr.splitlines()
    assert not any(line.startswith("forged.yaml") for line in lines)
    assert sum(f"{path}:" in line for line in lines) >= 5
    assert "[bold]x[/bold]" in result.stderr and "[red]alpha" in result.stderr


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t=", " =", "\r="])
def test_every_csv_text_cell_is_neutralised(cli, tmp_path, start):
    text = VALID.replace(
        "title: A hostile test case",
        f'title: "{start}SUM(A1:A9)"'.replace("\t", "\\t").replace("\r", "\\r"),
    )
    path = write(tmp_path / f"{start.strip() or 'x'}.yaml", text)
    result = cli("score", path, *FW, "-f", "csv")
    assert result.exit_code == 0, result.stderr
    for row in csv.reader(io.StringIO(result.stdout)):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (start, cell)
    assert "'=SUM(A1:A9)" in result.stdout or f"'{start.strip()}SUM" in result.stdout


TITLES = [
    "../../etc/passwd",
    "/etc/cron.d/x",
    "..",
    ".",
    "~root",
    "C:\\Windows\\x",
    "CON",
    "a/../../b",
    "\x1b[31m",
    "",
    "----",
    "名前",
    "x" * 500,
    "case\0name",
]


@pytest.mark.parametrize("title", TITLES)
def test_file_names_from_case_ids_stay_in_the_folder(tmp_path, title):
    from sanctions_check.case import CaseHeader

    proposals = [
        flow.slugify(title),
        flow.propose_id(CaseHeader(id="", title=title), "2024-01-01"),
        flow.propose_id(CaseHeader(id="", title="t", country=title), None),
    ]
    for ident in proposals:
        assert flow.valid_id(ident), ident
        path = flow.case_path(tmp_path, ident)
        assert path.parent == tmp_path and path.name == f"{ident}.yaml"
        assert "/" not in ident and "\\" not in ident and not ident.startswith(".")


@pytest.mark.parametrize("ident", ["../x", "/abs", "a/b", "..", ".hidden", "a\\b", "CON:"])
def test_a_case_id_that_would_escape_a_folder_is_refused(cli, tmp_path, ident):
    path = write(tmp_path / "case.yaml", VALID.replace("id: hostile", f'id: "{ident}"'))
    result = cli("validate", path, *FW)
    assert result.exit_code == 1 and f"{path}:3:" in result.stderr
    assert "not a valid id" in result.stderr
