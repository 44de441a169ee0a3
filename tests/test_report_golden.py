"""Golden files: every report format on the example cases and the mini test cases, byte for byte.

A change in wording, layout, scoring, factors.yaml or an example shows up here as a diff to read.
When the change is intended, regenerate and review the diff before committing:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report_golden.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from helpers import DATA, EXAMPLES, MINI, ROOT

GOLDEN = Path(__file__).resolve().parent / "golden"
FORMATS = {"terminal": "txt", "markdown": "md", "html": "html", "json": "json"}
EPOCH = "1700000000"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

MINI_CASES = {
    "mini-mixed": DATA / "report" / "mini-mixed.yaml",
    "mini-weak": DATA / "mini-cases" / "weak.yaml",
    "mini-hostile": DATA / "report" / "hostile.yaml",
    "mini-retrospective": DATA / "report" / "mini-retrospective.yaml",
}
EXAMPLE_CASES = {p.stem: p for p in sorted(EXAMPLES.glob("*.yaml"))}
# The mini cases take their analogues from the fictional test library (answered against the mini
# framework); the retrospective one keeps the bundled library, which that framework cannot read.
LIBRARY = ("--library", str((DATA / "history" / "library").relative_to(ROOT)))
CASES = [
    (name, path, ("--framework", str(MINI), *(() if name == "mini-retrospective" else LIBRARY)))
    for name, path in MINI_CASES.items()
]
CASES += [(name, path, ()) for name, path in EXAMPLE_CASES.items()]


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        return
    if not path.exists():
        pytest.fail(f"no golden file {path}; create it with UPDATE_GOLDEN=1 pytest {__file__}")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                f"golden/{name}",
                "actual",
                n=2,
            )
        )
        pytest.fail(
            f"output differs from golden/{name} (regenerate with UPDATE_GOLDEN=1 if "
            f"intended):\n{diff[:6000]}"
        )


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def test_examples_are_present():
    assert len(EXAMPLE_CASES) >= 5, "examples/*.yaml are missing"


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize(("name", "path", "extra"), CASES, ids=[c[0] for c in CASES])
def test_report_matches_golden(cli, monkeypatch, name, path, extra, fmt):
    monkeypatch.chdir(ROOT)  # the terminal's bottom line names the case path as typed
    result = cli("report", path.relative_to(ROOT), "--format", fmt, *extra)
    assert result.exit_code == 0, result.stderr
    check_golden(f"report/{name}.{FORMATS[fmt]}", result.stdout)


def test_no_stale_golden_files():
    expected = {f"{name}.{ext}" for name, _, _ in CASES for ext in FORMATS.values()}
    present = {p.name for p in (GOLDEN / "report").glob("*")}
    stale = sorted(present - expected)
    if UPDATE:
        for name in stale:
            (GOLDEN / "report" / name).unlink()
        return
    assert not stale, f"golden files with no case any more: {stale}"
