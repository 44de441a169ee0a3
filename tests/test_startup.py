"""Start-up stays lean by construction: each command imports only what it needs.

Analysts run the tool many times a day; importing questionary costs about 10x a bare interpreter
start and YAML + validation another few, so ``--help`` must load neither, and no
non-interactive command may load questionary. Checked in a fresh interpreter through the real
entry point, by listing ``sys.modules`` after the command ran. Timing itself is left to
benchmarks/run.py: a timed test on a shared machine would fail at random.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ENV, MINI, write

RUN_AND_LIST = """
import json, sys
out, argv = sys.argv[1], sys.argv[2:]
sys.argv = ["sanctions-check", *argv]
from sanctions_check.entry import main
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
with open(out, "w") as handle:
    json.dump({"code": code, "modules": sorted(sys.modules)}, handle)
"""

INTERACTIVE = ("questionary", "prompt_toolkit")
YAML_AND_VALIDATION = (
    "yaml",
    "_yaml",
    "sanctions_check.yamlio",
    "sanctions_check.checks",
    "sanctions_check.framework",
    "sanctions_check.case",
    "sanctions_check.scoring",
    "sanctions_check.batch",
)
RENDERING = ("rich",)
NEVER = ("pydantic",)  # typer >= 0.29 would bring it on every command

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


def modules_after(tmp_path: Path, *args: str) -> tuple[int, set[str]]:
    listing = tmp_path / "modules.json"
    env = {**os.environ, **ENV}
    proc = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST, str(listing), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert listing.exists(), proc.stderr
    data = json.loads(listing.read_text())
    return data["code"], set(data["modules"])


def loaded(modules: set[str], families: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == f or m.startswith(f + ".") for f in families))


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
    assert loaded(modules, INTERACTIVE + YAML_AND_VALIDATION + RENDERING + NEVER) == []


def test_version_alone_is_answered_before_the_command_line_is_imported(tmp_path) -> None:
    code, modules = modules_after(tmp_path, "--version")
    assert code == 0
    assert "sanctions_check.entry" in modules  # the listing really is of the tool's process
    assert (
        loaded(modules, ("typer", "sanctions_check.cli", *INTERACTIVE, *YAML_AND_VALIDATION)) == []
    )
    assert loaded(modules, RENDERING + NEVER) == []


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
    assert loaded(modules, INTERACTIVE + RENDERING + NEVER) == []
    assert "sanctions_check.scoring" not in modules  # validating needs no scoring


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_score_loads_no_prompts(tmp_path, case_file, fmt) -> None:
    code, modules = modules_after(
        tmp_path, "score", "--format", fmt, "--framework", str(MINI), str(case_file)
    )
    assert code == 0
    assert "sanctions_check.scoring" in modules
    assert loaded(modules, INTERACTIVE + NEVER) == []
    # one row per case needs no report: the report model's many classes stay unbuilt
    assert "sanctions_check.render.report_model" not in modules
    if fmt != "table":  # rich draws the table; the other formats need none of it
        assert loaded(modules, RENDERING) == [], f"score --format {fmt} needs no rich"
