"""One I/O context and one rule for every command: a terminal view is drawn by rich on a terminal
and comes out as plain lines (no colour, no trailing padding) in a pipe or a file; every JSON is
written by one writer, its text cleaned like every other output."""

from __future__ import annotations

import io
import json

import pytest

from helpers import DATA, EXAMPLES, MINI, write
from sanctions_check import environment, serialise
from sanctions_check.environment import Environment

FW = ("--framework", str(MINI))
LIBRARY = DATA / "history" / "library"
ROUND1 = DATA / "panel"
COMPARE = DATA / "compare"

# Every terminal view, as a command line.
TERMINAL_VIEWS = {
    "report": ("report", EXAMPLES / "syria-2011.yaml"),
    "score": ("score", EXAMPLES),
    "validate": ("validate", EXAMPLES),
    "compare": (
        "compare",
        COMPARE / "sri-lanka-2020-analyst-a.yaml",
        COMPARE / "sri-lanka-2020-analyst-b.yaml",
    ),
    "factors": ("factors",),
    "factor": ("factors", "exposure"),
    "similar": ("similar", EXAMPLES / "syria-2011.yaml"),
    "backtest": ("backtest", EXAMPLES),
    "panel": ("panel", ROUND1),
}


@pytest.mark.parametrize("name", sorted(TERMINAL_VIEWS))
def test_a_pipe_gets_plain_lines_without_padding(cli, name):
    result = cli(*TERMINAL_VIEWS[name])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and "\x1b" not in result.stdout
    assert [line for line in lines if line != line.rstrip()] == []


def _terminal(width: int = 100, colors: bool = True) -> tuple[Environment, io.StringIO]:
    out = io.StringIO()
    return (
        Environment(
            stdin=io.TextIOWrapper(io.BytesIO()),
            stdout=out,
            stderr=io.StringIO(),
            stdin_isatty=True,
            stdout_isatty=True,
            stderr_isatty=True,
            width=width,
            colors=colors,
        ),
        out,
    )


def test_a_swapped_terminal_gets_the_view_drawn_by_rich():
    from typer.testing import CliRunner

    from sanctions_check.cli import app

    env, out = _terminal()
    colour = {"COLUMNS": "100", "TERM": "xterm-256color", "NO_COLOR": None}
    with environment.swapped(env):
        result = CliRunner().invoke(app, ["report", str(EXAMPLES / "syria-2011.yaml")], env=colour)
    assert result.exit_code == 0
    assert result.stdout == ""  # the context's stream, not the process's
    drawn = out.getvalue()
    assert "\x1b[1m" in drawn  # bold: rich drew it for a terminal
    assert "Bottom line: Syria" in drawn


@pytest.mark.parametrize("width", [60, 140])
def test_a_pipe_takes_the_contexts_width(cli, width):
    env, out = _terminal(width=width, colors=False)
    env = env._replace(stdout_isatty=False)
    with environment.swapped(env):
        assert cli("factors").exit_code == 0
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= width
    assert (max(len(line) for line in lines) > 60) == (width > 60)


def test_width_follows_columns_then_the_terminal_then_80():
    assert environment._width(io.StringIO(), False, {"COLUMNS": "132"}) == 132
    assert environment._width(io.StringIO(), False, {"COLUMNS": "wide"}) == 80
    assert environment._width(io.StringIO(), False, {}) == 80


def test_no_color_turns_colour_off_on_a_terminal(monkeypatch):
    monkeypatch.setattr("sys.stdout", _FakeTty())
    assert environment.from_process({"NO_COLOR": "1"}).colors is False
    assert environment.from_process({}).colors is True
    assert environment.from_process({"TERM": "dumb"}).colors is False


class _FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_file_gets_the_same_view_as_a_pipe(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    target = tmp_path / "summary.txt"
    case = EXAMPLES / "syria-2011.yaml"
    assert cli("report", case, "-o", target).exit_code == 0
    piped = cli("report", case).stdout  # at COLUMNS=120; the file is 100 wide
    written = target.read_text(encoding="utf-8")
    assert written.splitlines()[0] == piped.splitlines()[0]  # the bottom line comes first
    assert "\x1b" not in written and all(line == line.rstrip() for line in written.splitlines())
    # Wrapped at the file's width, not the pipe's (only a long address may run past it).
    wrapped = [line for line in written.splitlines() if " " in line.strip()]
    assert max(len(line) for line in wrapped) <= environment.FILE_WIDTH < 120


# --- one JSON writer ------------------------------------------------------------------------


def test_score_json_names_invalid_files_cleaned(cli, tmp_path):
    """A file name holding a right-to-left override is cleaned in JSON as on standard error."""
    folder = tmp_path / "in"
    good = (DATA / "mini-cases" / "strong.yaml").read_text(encoding="utf-8")
    write(folder / "good.yaml", good)
    write(folder / "bad\u202ename.yaml", "format: sanctions-check/case@1\ncase: [\n")
    result = cli("score", folder, "-f", "json", *FW)
    assert result.exit_code == 1
    assert "\u202e" not in result.stdout and "\u202e" not in result.stderr
    data = json.loads(result.stdout)
    assert data["invalid"] and all("badname.yaml" in p["file"] for p in data["invalid"])
    assert list(data) == sorted(data)
    assert all(list(row) == sorted(row) for row in data["cases"])


def test_score_json_streams_exactly_what_the_writer_gives_the_whole(cli, tmp_path):
    result = cli("score", EXAMPLES, "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert result.stdout == serialise.dumps(data)


@pytest.mark.parametrize(
    "args",
    [
        ("report", EXAMPLES / "syria-2011.yaml", "-f", "json"),
        (
            "compare",
            COMPARE / "sri-lanka-2020-analyst-a.yaml",
            COMPARE / "sri-lanka-2020-analyst-b.yaml",
            "-f",
            "json",
        ),
        ("factors", "-f", "json"),
        ("similar", EXAMPLES / "syria-2011.yaml", "-f", "json"),
        ("backtest", EXAMPLES, "-f", "json"),
        ("panel", ROUND1, "-f", "json"),
    ],
    ids=["report", "compare", "factors", "similar", "backtest", "panel"],
)
def test_every_json_is_the_one_writers(cli, args):
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == serialise.dumps(json.loads(result.stdout))


@pytest.mark.parametrize(
    "args",
    [
        ("similar", EXAMPLES / "syria-2011.yaml", "-f", "json"),
        ("backtest", EXAMPLES, "-f", "json"),
        ("panel", ROUND1, "-f", "json"),
    ],
    ids=["similar", "backtest", "panel"],
)
def test_figures_follow_the_one_rounding_rule(cli, args):
    """Outlooks, distances and factor scores are whole numbers; shares (coverage, overlap,
    concordance, alpha) whole percents kept as fractions. Levels, weights and settings excepted."""
    data = json.loads(cli(*args).stdout)
    exempt = {"weight", "threshold", "level", "ties", "median", "pooled", "low", "high", "spread"}
    exempt |= {"median_likelihood", "median_severity", "likelihood", "severity", "value"}
    exempt |= {"answers", "distribution"}

    def walk(value: object, key: str = "") -> None:
        if key in exempt:
            return
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, float):
            assert (
                round(value * 100) == value * 100 or abs(value * 100 - round(value * 100)) < 1e-9
            ), (
                key,
                value,
            )

    walk(data)
