"""The history samples in docs/history.md are real runs of the tool on the bundled examples."""

from __future__ import annotations

import re

import pytest

from helpers import ROOT, run_subprocess


@pytest.mark.parametrize(
    "command",
    ["similar examples/hypothetical-republic-of-aldovia.yaml", "backtest examples/"],
)
def test_history_sample_is_what_the_tool_prints(command):
    readme = (ROOT / "docs" / "history.md").read_text(encoding="utf-8")
    shown = re.search(
        rf"```console\n\$ sanctions-check {re.escape(command)}\n(.*?)```", readme, re.S
    )
    assert shown is not None, f"docs/history.md shows no `{command}` run"
    result = run_subprocess(*command.split(), cwd=ROOT, env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr.decode()
    lines = [line.rstrip() for line in result.stdout.decode().splitlines()]
    assert lines == shown.group(1).rstrip("\n").splitlines()
