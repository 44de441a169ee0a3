"""The README's promises: CI runs its test command verbatim, and its examples are real runs."""

from __future__ import annotations

import io
import re
from pathlib import Path

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


def test_readme_resume_header_is_what_assess_prints(tmp_path, monkeypatch):
    """The resumed interview's header in the README: one count, where it goes on, the skip."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput
    from rich.console import Console

    from sanctions_check import interview
    from sanctions_check.framework import default_path
    from sanctions_check.framework import load as load_framework

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(
        r"\$ sanctions-check assess --resume aldovia-2025.yaml .*?\n(.*?)\n\? What next\?",
        readme,
        re.S,
    ).group(1)
    fw = load_framework(default_path())
    (tmp_path / "aldovia-2025.yaml").write_text(
        "format: sanctions-check/case@1\n"
        "case:\n  id: aldovia-2025\n  title: Aldovia crisis 2025\n  country: Aldovia\n"
        "  hypothetical: true\n  implementers: [United States]\n  purpose: [coerce]\n"
        f"framework: {fw.ref}\n"
        "answers:\n  exposure:\n    financial_ties:\n      score: 3\n"
        "    assets_abroad:\n      score: 2\n",  # the second question skipped
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    console = Console(file=out, width=100, color_system=None, force_terminal=False)
    with create_pipe_input() as pipe:
        pipe.send_text("\x03")  # Ctrl-C at the menu
        with create_app_session(input=pipe, output=DummyOutput()):
            interview.run(fw, console=console, resume=Path("aldovia-2025.yaml"))
    printed = [line.rstrip() for line in out.getvalue().splitlines()]
    assert printed[: len(shown.splitlines())] == shown.splitlines()
