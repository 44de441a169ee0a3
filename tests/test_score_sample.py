"""The `score examples/` sample in docs/scoring.md is a real run on the bundled examples."""

from __future__ import annotations

import re

from helpers import EXAMPLES, ROOT, run_subprocess


def test_score_sample_is_what_the_tool_prints():
    readme = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
    shown = re.search(r"```console\n\$ sanctions-check score examples/\n(.*?)```", readme, re.S)
    assert shown is not None
    result = run_subprocess("score", EXAMPLES, env={"COLUMNS": "80"})
    printed = result.stdout.decode() + result.stderr.decode()
    lines = [line.rstrip() for line in printed.splitlines()]
    assert lines == shown.group(1).rstrip("\n").splitlines()
