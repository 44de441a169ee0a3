"""Start-up stays lean by construction: each command imports only what it needs.

Analysts run the tool many times a day; importing questionary costs about 10x a bare interpreter
start and YAML + validation another few, so ``--help`` must load neither, and no
non-interactive command may load questionary. Checked in a fresh interpreter through the real
entry point, by listing ``sys.modules`` after the command ran. Timing itself is left to
benchmarks/run.py: a timed test on a shared machine would fail at random.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import (
    ENV,
    INTERACTIVE,
    MINI,
    RENDERING,
    YAML_AND_VALIDATION,
    loaded,
    modules_after,
    write,
)

CASE = """\
format: sanctions-check/case@1
case:
  id: startup-check
  title: Start-up check
  hypothetical: true
framework: mini@2
answers:
  alpha:
    a1: 3
    a2: 2
"""


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    return write(tmp_path / "case.yaml", CASE)


@pytest.mark.parametrize(
    "args",
    [("--help",), ("score", "--help")],
    ids=["--help", "score --help"],
)
def test_help_and_version_load_no_yaml_rich_or_prompts(tmp_path, args) -> None:
    code, modules = modules_after(tmp_path, *args)
    assert code == 0
    assert "typer" in modules  # the listing really is of the CLI's process
    assert loaded(modules, INTERACTIVE + YAML_AND_VALIDATION + RENDERING) == []


def test_version_alone_is_answered_before_the_command_line_is_imported(tmp_path) -> None:
    code, modules = modules_after(tmp_path, "--version")
    assert code == 0
    assert "sanctions_check.entry" in modules  # the listing really is of the tool's process
    assert (
        loaded(modules, ("typer", "sanctions_check.cli", *INTERACTIVE, *YAML_AND_VALIDATION)) == []
    )
    assert loaded(modules, RENDERING) == []


def test_version_prints_the_same_line_on_either_path(cli) -> None:
    """`--version` alone is answered by the entry point; beside other options, by typer."""
    from sanctions_check import __version__

    fast = subprocess.run(
        [sys.executable, "-m", "sanctions_check", "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, **ENV},
        timeout=60,
    )
    slow = cli("--version", "validate")
    assert fast.returncode == 0 and slow.exit_code == 0
    assert fast.stdout == slow.stdout == f"sanctions-check {__version__}\n"


def test_validate_loads_no_prompts_and_no_rich(tmp_path, case_file) -> None:
    code, modules = modules_after(tmp_path, "validate", "--framework", str(MINI), str(case_file))
    assert code == 0
    assert "sanctions_check.case" in modules and "yaml" in modules
    assert loaded(modules, INTERACTIVE + RENDERING) == []
    assert "sanctions_check.scoring" not in modules  # validating needs no scoring


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_score_loads_no_prompts(tmp_path, case_file, fmt) -> None:
    code, modules = modules_after(
        tmp_path, "score", "--format", fmt, "--framework", str(MINI), str(case_file)
    )
    assert code == 0
    assert "sanctions_check.scoring" in modules
    assert loaded(modules, INTERACTIVE) == []
    # one row per case needs no report: the report model's many classes stay unbuilt
    assert "sanctions_check.render.report_view" not in modules
    if fmt != "table":  # rich draws the table; the other formats need none of it
        assert loaded(modules, RENDERING) == [], f"score --format {fmt} needs no rich"
