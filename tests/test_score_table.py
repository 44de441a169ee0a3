"""The score table never cuts a figure or a band name and never splits a word; only a long case id
folds, and a terminal too narrow for the columns gets one block per case instead."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from helpers import EXAMPLES
from sanctions_check.cli import app

LONG_ID = "myanmar-2017-21-military-commanders-after-the-rohingya-atrocities"


def score(width: int, *paths) -> list[str]:
    result = CliRunner().invoke(
        app, ["score", *map(str, paths)], env={"COLUMNS": str(width), "NO_COLOR": "1"}
    )
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


@pytest.fixture
def long_case(tmp_path):
    text = (EXAMPLES / "myanmar-2017.yaml").read_text(encoding="utf-8")
    path = tmp_path / "long.yaml"
    path.write_text(text.replace("  id: myanmar-2017\n", f"  id: {LONG_ID}\n"), encoding="utf-8")
    return path


@pytest.mark.parametrize("width", [80, 100, 120])
def test_a_long_id_folds_and_nothing_else_is_cut(long_case, width):
    lines = score(width, long_case, EXAMPLES / "cote-divoire-2010.yaml")
    table = "\n".join(lines)
    assert all(len(line) <= width for line in lines)
    header = next(line for line in lines if line.startswith("Case"))
    assert header.split() == ["Case", "Band", "Outlook", "Coverage", "Limited", "by", "Top", "risk"]
    for whole_text in ("No band yet", "Guarded (L–M)", "Humanitarian", "Communication"):
        assert whole_text in table, whole_text
    assert re.search(r"\b\d+ \(\d+–\d+\)\s+\d+%", table)
    assert "".join(line.split(" ")[0] for line in lines if line[:1].isalpha()).count("myanmar") == 1
    assert LONG_ID in "".join(line.split(" ", 1)[0] for line in lines[2:])


def test_too_narrow_for_the_columns_gives_one_block_per_case(long_case):
    lines = score(50, long_case, EXAMPLES / "cote-divoire-2010.yaml")
    assert "  Band: Guarded (L–M)" in lines
    assert "  Band: No band yet" in lines
    assert "  Outlook: 46 (12–80)" in lines
    assert all(len(line) <= 50 for line in lines)


def test_the_bundled_examples_fit_80_columns_without_a_split_word():
    lines = score(80, EXAMPLES)
    words = {w for line in lines for w in line.split()}
    for name in ("Communication", "Coordination", "Commitment", "Humanitarian", "Entrenchment"):
        assert any(w.startswith(name) for w in words)
    assert not any(w in words for w in ("Communicatio", "Humanitaria", "n"))


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_no_valid_input_prints_no_empty_table(tmp_path, fmt):
    result = CliRunner().invoke(
        app, ["score", "-f", fmt, str(tmp_path / "missing.yaml")], env={"COLUMNS": "80"}
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "0 case(s) scored, 1 invalid." in result.stderr
