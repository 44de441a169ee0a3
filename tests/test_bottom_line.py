"""The terminal bottom line: at most 15 lines at any width, numbers whole, printed first."""

from __future__ import annotations

import pytest

from helpers import DATA, EXAMPLES, MINI, run_subprocess
from sanctions_check import batch, framework
from sanctions_check.render import report_view
from sanctions_check.render.bottom_line import MAX_LINES, bottom_line
from sanctions_check.scoring import assess

CASES = [*sorted(EXAMPLES.glob("*.yaml")), DATA / "brief" / "long-text.yaml"]


def model(path, fw_path=None):
    fw = framework.load(fw_path)
    return report_view.build(assess(fw, batch.read_case(str(path), fw, 2 * 1024 * 1024)))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
@pytest.mark.parametrize("width", [60, 80, 100, 200, None])
def test_at_most_fifteen_lines_with_the_outlook_whole(path, width):
    report = model(path)
    lines = bottom_line(report, case_file=str(path), width=width)
    assert 9 <= len(lines) <= MAX_LINES
    if width is not None:
        # only a path too long for the line may run past it: a command is never broken
        assert all(len(line) <= width or str(path) in line for line in lines), lines
    text = " ".join(" ".join(line.split()) for line in lines)
    assert report.outlook.text in text  # band, span, score, range, coverage: never cut
    assert f"report {path} --format brief" in text
    for label in ("Outlook:", "Outside view:", "Limited by:", "Top lever:", "Top risk:"):
        assert label in text
    assert "Red flags:" in text and "Data gaps:" in text and "More:" in text


def test_assess_names_the_written_file_and_the_summary_above():
    report = model(EXAMPLES / "myanmar-2017.yaml")
    lines = bottom_line(report, case_file="my case.yaml", where="above", width=None)
    assert lines[0] == (
        "Bottom line: Myanmar 2017-21, military commanders after the Rohingya atrocities"
    )
    assert lines[-1] == (
        "  More: the full summary is above; one page to print: sanctions-check report "
        "'my case.yaml' --format brief -o brief.html; Word: --format docx -o report.docx"
    )
    # The ideology flag's question is not answered; the resources flag's is answered unknown.
    assert (
        "  Red flags: Not assessed: Ideologically motivated target (not answered), Target has "
        "access to resources (answered unknown); not ruled out at the threshold of 50." in lines
    )
    assert (
        "  Data gaps: 15 answered unknown, 6 not answered, 1 low-confidence, 0 n/a, 9 open risks"
        in lines
    )
    assert "  Top risk: no risk rated yet (9 open risks)" in lines
    assert lines[1].startswith("  Outlook: No band yet: 36% of the questions an outside analyst")


def test_report_prints_the_bottom_line_first(cli):
    result = cli("report", EXAMPLES / "south-sudan-2014.yaml")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Bottom line: South Sudan 2014-18")
    summary = next(i for i, line in enumerate(lines) if "Advisory summary" in line)
    assert 9 <= summary <= MAX_LINES + 1


def test_hostile_text_is_plain(cli):
    report = model(DATA / "report" / "hostile.yaml", MINI)
    lines = bottom_line(report, width=80)
    assert not any("\x1b" in line or "\x07" in line for line in lines)
    result = cli("report", DATA / "report" / "hostile.yaml", "--framework", MINI)
    assert result.exit_code == 0 and "[bold red]x[/]" in result.stdout.splitlines()[0]


def test_the_report_on_a_real_terminal_is_whole_and_matches_the_pipe_view():
    """On a terminal the report is buffered and written at once: every section still arrives,
    in order, with the same words as the plain view that a pipe receives."""
    import os
    import re
    import sys

    import pexpect

    case_file = EXAMPLES / "myanmar-2017.yaml"
    env = {
        **os.environ,
        "TERM": "xterm",
        "COLUMNS": "100",
        "LINES": "40",
        "SOURCE_DATE_EPOCH": "0",
    }
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "sanctions_check", "report", str(case_file)],
        env=env,
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 100),
    )
    screen = child.read()
    child.close()
    assert child.exitstatus == 0, screen
    assert "\x1b[" in screen  # a terminal: rich styled it
    shown = re.sub(r"\x1b\[[0-9;]*m", "", screen).replace("\r\n", "\n")
    piped = run_subprocess(
        "report", case_file, env={"COLUMNS": "100", "SOURCE_DATE_EPOCH": "0"}
    ).stdout.decode("utf-8")

    def words(text: str) -> list[str]:
        return re.sub(r"[─│╭╮╰╯┃━]+", " ", text).split()

    assert words(shown) == words(piped)
    assert shown.lstrip().startswith("Bottom line: Myanmar")
