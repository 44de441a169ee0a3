"""The shape of the code, checked: the layers import downwards only, wording holds sentences,
and one registry names a renderer for every format the command line offers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from sanctions_check import cli, render
from sanctions_check.render import Binary, Drawn, Streamed, Written

PACKAGE = Path(cli.__file__).resolve().parent

# Parsing, models, scoring and the pure comparisons: presentation is never theirs to import.
BOTTOM = (
    "numbers",
    "errors",
    "textsafe",
    "yamlio",
    "yamlpatch",
    "yamladvice",
    "checks",
    "framework",
    "case",
    "scoring",
    "compare",
    "panel",
    "agreement",
    "analogues",
    "placement",
    "backtest",
    "history",
    "batch",
    "flow",
    "feedback",
    "template",
    "serialise",
)


def imported(path: Path) -> set[str]:
    """Every module a file imports, wherever in the file the import stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("name", BOTTOM)
def test_the_bottom_layer_never_imports_presentation(name):
    modules = imported(PACKAGE / f"{name}.py")
    upward = sorted(
        m
        for m in modules
        if m.startswith(("sanctions_check.render", "sanctions_check.cli", "rich", "questionary"))
        or m in ("sanctions_check.environment", "sanctions_check.interview")
    )
    assert upward == [], f"{name}.py imports {upward}"


def test_the_number_rules_import_nothing_of_the_package():
    assert not [m for m in imported(PACKAGE / "numbers.py") if m.startswith("sanctions_check")]


@pytest.mark.parametrize("path", sorted((PACKAGE / "render" / "wording").glob("*.py")))
def test_wording_holds_sentences(path):
    """Constants and functions that word one sentence: no classes, no state, and nothing of the
    package but other wording, the number rules, the kinds' names and the text cleaning."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not [n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    allowed = (
        "sanctions_check.render.wording",
        "sanctions_check.numbers",
        "sanctions_check.framework",
        "sanctions_check.textsafe",
    )
    package = [m for m in imported(path) if m.startswith("sanctions_check")]
    assert all(m.startswith(allowed) for m in package), package


def _choices(enum: type) -> list[str]:
    return [member.value for member in enum]  # type: ignore[attr-defined]


OFFERED = {
    "score": _choices(cli.ScoreFormat),
    "report": _choices(cli.ReportFormat),
    "compare": _choices(cli.CompareFormat),
    "factors": _choices(cli.FactorsFormat),
    "similar": _choices(cli.HistoryFormat),
    "backtest": _choices(cli.HistoryFormat),
    "panel": _choices(cli.PanelFormat),
    "validate": ["text"],
    "new": ["yaml"],
    "assess": ["terminal"],
}


@pytest.mark.parametrize("command", sorted(OFFERED))
def test_the_registry_names_a_renderer_for_every_format_offered(command):
    assert sorted(render.formats(command)) == sorted(OFFERED[command])
    for fmt in OFFERED[command]:
        chosen = render._load(command, fmt)
        kinds = [k for k in (Drawn, Written, Binary, Streamed) if isinstance(chosen, k)]
        assert len(kinds) == 1, (command, fmt, kinds)


def test_no_command_outside_the_registry():
    assert set(c for c, _ in render.REGISTRY) == set(OFFERED)


def test_an_unknown_format_is_named_with_the_known_ones():
    with pytest.raises(ValueError, match="markdown"):
        render.renderer("compare", "pdf")
