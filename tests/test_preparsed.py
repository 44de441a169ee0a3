"""The bundled files' parses that ship with the package: faithful, current, and never served for
any other text.

A stored parse that differed from a fresh one would change scores silently, so equality is checked
type for type (``1 == 1.0 == True`` in Python), and the modules must be exactly what the generator
writes from today's files: editing factors.yaml or an example without regenerating fails here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import EXAMPLES, ROOT, preparse_tool
from sanctions_check import case, framework, history, preparsed, scoring, yamlio
from sanctions_check.checks import Checker

REGENERATE = "run `python tools/preparse.py` and commit the two modules"


def typed(value: Any) -> Any:
    """``value`` with every leaf tagged by its type, so that equality is exact."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    return (type(value).__name__, value)


def test_the_generated_modules_are_current():
    for path, expected in preparse_tool().expected_modules().items():
        assert path.read_text(encoding="utf-8") == expected, f"{path.name} is stale: {REGENERATE}"


@pytest.mark.parametrize(
    "path",
    [ROOT / "factors.yaml", *sorted(EXAMPLES.glob("*.yaml"))],
    ids=lambda p: p.name,
)
def test_each_stored_parse_equals_a_fresh_parse_type_for_type(path: Path):
    text = yamlio.read_text(path, max_bytes=yamlio.DEFAULT_MAX_BYTES)
    fresh = yamlio.parse(text, str(path))
    if path.name == "factors.yaml":
        stored = preparsed.framework(preparsed.sha256(text))
    else:
        stored = preparsed.example(text)
    assert stored is not None, f"{path.name} has no stored parse: {REGENERATE}"
    assert typed(stored) == typed(fresh)


def test_each_call_builds_fresh_objects():
    text = (EXAMPLES / "myanmar-2017.yaml").read_text(encoding="utf-8")
    first, second = preparsed.example(text), preparsed.example(text)
    assert first == second and first is not second
    first["case"]["title"] = "changed by one caller"
    assert preparsed.example(text)["case"]["title"] != "changed by one caller"


def test_a_text_that_differs_by_one_byte_is_parsed_as_usual(tmp_path):
    text = (EXAMPLES / "myanmar-2017.yaml").read_text(encoding="utf-8")
    assert preparsed.example(text + " ") is None
    assert preparsed.example(text.replace("Myanmar", "Burma", 1)) is None
    assert preparsed.framework("0" * 64) is None


def test_the_bundled_framework_is_the_one_a_fresh_parse_builds():
    path = framework.default_path()
    text = yamlio.read_text(path, max_bytes=yamlio.DEFAULT_MAX_BYTES)
    fresh = framework._build(
        Checker(), yamlio.parse(text, str(path)), str(path), preparsed.sha256(text)
    )
    assert fresh is not None and framework.load() == fresh


def test_an_edited_copy_of_the_framework_gets_its_own_parse(tmp_path):
    """A copy with one weight changed scores differently, and reports its own SHA-256."""
    original = framework.default_path().read_text(encoding="utf-8")
    edited = original.replace("weight: 12", "weight: 2", 1)
    assert edited != original
    copy = tmp_path / "factors.yaml"
    copy.write_text(edited, encoding="utf-8")
    bundled, changed = framework.load(), framework.load(copy)
    assert changed.sha256 == preparsed.sha256(edited) != bundled.sha256
    myanmar = EXAMPLES / "myanmar-2017.yaml"
    before = scoring.assess(bundled, case.load(myanmar, bundled))
    after = scoring.assess(changed, case.load(myanmar, changed))
    assert before.outlook.score != after.outlook.score


def test_the_library_reads_the_same_cases_either_way():
    fw = framework.load()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert case.loads(text, fw, str(path), data=preparsed.example(text)) == case.loads(
            text, fw, str(path)
        )
    library = history.load([str(EXAMPLES)], fw, yamlio.DEFAULT_MAX_BYTES)
    assert len(library.assessments) == len(list(EXAMPLES.glob("*.yaml")))
    assert library.problems == ()


def test_the_runtime_module_imports_nothing_of_the_package():
    """Served by framework and history, it must not reach back into them (no import cycle)."""
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, sanctions_check.preparsed as p; p.framework('0'); p.example('');"
            "print(sorted(m for m in sys.modules if m.startswith('sanctions_check.')))",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert probe.stdout.split() == [
        "['sanctions_check._parsed_examples',",
        "'sanctions_check._parsed_framework',",
        "'sanctions_check.preparsed']",
    ]
