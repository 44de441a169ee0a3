"""The README's promises: CI runs its test command verbatim, and its examples are real runs."""

from __future__ import annotations

import re

from helpers import EXAMPLES, ROOT


def _commands(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", text, flags=re.S)


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_command = next(c for c in _commands(readme) if "pytest" in c and "&&" in c)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_readme_validate_example_is_what_the_tool_prints(cli, tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"\$ sanctions-check validate bad.yaml.*?\n(.*?)\n```", readme, re.S).group(1)
    source = (EXAMPLES / "myanmar-2017.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(source.replace("\n  exposure:\n", "\n  exposre:\n"), encoding="utf-8")
    result = cli("validate", bad)
    assert result.exit_code == 1
    assert result.stderr.replace(str(bad), "bad.yaml").strip() == shown.strip()


def test_readme_bottom_line_is_what_report_prints(monkeypatch):
    from typer.testing import CliRunner

    from helpers import ENV, ROOT
    from sanctions_check.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(
        r"\$ sanctions-check report examples/south-sudan-2014.yaml .*?\n(Bottom line:.*?)\n```",
        readme,
        re.S,
    ).group(1)
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        app, ["report", "examples/south-sudan-2014.yaml"], env={**ENV, "COLUMNS": "100"}
    )
    assert result.exit_code == 0
    printed = result.stdout.split("\n\n")[0]
    assert printed.strip() == shown.strip()
