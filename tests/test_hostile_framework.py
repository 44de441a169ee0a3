"""Broken framework files passed with --framework: clear errors with file and line.

Each row breaks the hand-checkable mini framework in one way. A broken framework makes every
command stop with exit code 2 (errors.FrameworkError: nothing can be scored against it), the
message names the file, the line and the field, and no traceback is printed.
"""

from __future__ import annotations

import pytest

from helpers import DATA, MINI, write
from hostile import assert_clean_failure

TEXT = MINI.read_text(encoding="utf-8")
STRONG = DATA / "mini-cases" / "strong.yaml"
COMMANDS = {
    "validate": ["validate", STRONG],
    "score": ["score", STRONG],
    "report": ["report", STRONG],
    "compare": ["compare", STRONG, STRONG],
    "factors": ["factors"],
    "new": ["new"],
}

# (id, text to replace, replacement, expected line, a fragment of the message)
BROKEN = [
    ("duplicate-factor-id", "  - id: beta\n", "  - id: alpha\n", 65, "duplicate factor id 'alpha'"),
    (
        "duplicate-question-id",
        "      - id: a2\n",
        "      - id: a1\n",
        54,
        "duplicate question id 'a1'",
    ),
    (
        "negative-factor-weight",
        "    weight: 3\n    weight_reason",
        "    weight: -3\n    weight_reason",
        38,
        "-3 is out of range (must be greater than 0)",
    ),
    (
        "negative-question-weight",
        "        weight: 3\n",
        "        weight: -1\n",
        57,
        "-1 is out of range",
    ),
    (
        "zero-factor-weight",
        "    weight: 1\n    weight_reason: Test weight.\n    evidence:\n      tfap_name: Beta",
        "    weight: 0\n    weight_reason: Test weight.\n    evidence:\n      tfap_name: Beta",
        70,
        "0 is out of range (must be greater than 0)",
    ),
    (
        "weight-as-text",
        "    weight: 3\n    weight_reason",
        "    weight: '3'\n    weight_reason",
        38,
        "expected a number, found the text '3'",
    ),
    ("missing-scale-level", "  4: {label: Full, meaning: fully}\n", "", 13, "missing level(s) 4"),
    (
        "extra-scale-level",
        "  4: {label: Full, meaning: fully}\n",
        "  4: {label: Full, meaning: fully}\n  5: {label: More, meaning: more}\n",
        19,
        "unknown level 5",
    ),
    (
        "missing-scale",
        "".join(TEXT.splitlines(keepends=True)[12:18]),
        "",
        2,
        "missing required key 'scale'",
    ),
    (
        "scale-level-without-meaning",
        "  2: {label: Some, meaning: partly}\n",
        "  2: {label: Some}\n",
        16,
        "missing required key 'meaning'",
    ),
    (
        "gate-names-an-unknown-factor",
        "applies_to: core",
        "applies_to: alpah",
        159,
        "unknown factor 'alpah' (did you mean 'alpha'?)",
    ),
    (
        "gate-caps-at-an-unknown-band",
        "cap: guarded",
        "cap: gaurded",
        161,
        "unknown band 'gaurded' (did you mean 'guarded'?)",
    ),
    (
        "unknown-source-key",
        "      text: about 1 in 5\n      sources: [src]",
        "      text: about 1 in 5\n      sources: [scr]",
        28,
        "unknown source key 'scr'",
    ),
    ("bands-out-of-order", "min: 35", "min: 80", 155, "ascending order"),
    (
        "first-band-not-at-zero",
        "{id: low, label: Low, min: 0,",
        "{id: low, label: Low, min: 5,",
        153,
        "the first band must start at 0",
    ),
    (
        "misspelt-top-level-key",
        "red_flag_threshold: 50",
        "red_flag_treshold: 50",
        163,
        "(did you mean 'red_flag_threshold'?)",
    ),
    (
        "threshold-out-of-range",
        "red_flag_threshold: 50",
        "red_flag_threshold: 150",
        163,
        "150 is out of range",
    ),
    (
        "version-as-a-number",
        'version: "2.1"',
        "version: 2.1",
        4,
        "expected text, found the number 2.1; put it in quotes",
    ),
    (
        "unknown-kind",
        "    kind: core\n    description: First",
        "    kind: cor\n    description: First",
        35,
        "(did you mean 'core'?)",
    ),
    (
        "more-cited-than-asked",
        "practitioners_cited: 12",
        "practitioners_cited: 16",
        42,
        "16 is out of range",
    ),
    (
        "risk-without-mitigation",
        "    mitigations: [Exempt aid.]\n",
        "    mitigations: []\n",
        140,
        "give at least one concrete mitigation",
    ),
    (
        "duplicate-key",
        "title: Mini framework for tests\n",
        "title: Mini framework for tests\ntitle: Again\n",
        6,
        "duplicate key 'title'",
    ),
    (
        "yaml-11-boolean-as-weight",
        "    weight: 3\n    weight_reason",
        "    weight: yes\n    weight_reason",
        38,
        "found the text 'yes'",
    ),
    (
        "wrong-format-marker",
        "format: sanctions-check/framework@1",
        "format: sanctions-check/fw@1",
        2,
        "not a sanctions-check framework file",
    ),
]


@pytest.mark.parametrize(
    ("ident", "old", "new", "line", "fragment"), BROKEN, ids=[row[0] for row in BROKEN]
)
def test_a_broken_framework_is_a_clear_usage_error(cli, tmp_path, ident, old, new, line, fragment):
    assert TEXT.count(old) >= 1, old
    path = write(tmp_path / f"{ident}.yaml", TEXT.replace(old, new, 1))
    stderr = assert_clean_failure(cli("validate", STRONG, "--framework", path), 2, path, line)
    assert fragment in stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_a_broken_framework(cli, tmp_path, command):
    path = write(tmp_path / "broken.yaml", TEXT.replace("  - id: beta\n", "  - id: alpha\n"))
    stderr = assert_clean_failure(cli(*COMMANDS[command], "--framework", path), 2, path, 65)
    assert "duplicate factor id 'alpha'" in stderr


WRONG_FILES = [
    (
        "a-case-file",
        STRONG.read_text(encoding="utf-8"),
        1,
        "is a sanctions-check case file, not a framework",
    ),
    ("github-actions", "name: CI\non: [push]\njobs: {}\n", 1, "not a sanctions-check framework"),
    ("a-list", "- a\n", 1, "expected a sanctions-check framework (a mapping), found a list"),
    ("empty", "", None, "found nothing"),
]


@pytest.mark.parametrize(
    ("ident", "text", "line", "fragment"), WRONG_FILES, ids=[row[0] for row in WRONG_FILES]
)
def test_the_wrong_file_as_a_framework(cli, tmp_path, ident, text, line, fragment):
    path = write(tmp_path / f"{ident}.yaml", text)
    stderr = assert_clean_failure(cli("validate", STRONG, "--framework", path), 2, path, line)
    assert fragment in stderr
    assert stderr.count("error:") == 1, "one sentence, not a list of twenty missing keys"


def test_all_problems_of_a_framework_are_reported_at_once(cli, tmp_path):
    text = TEXT
    for _, old, new, *_ in BROKEN[:4] + BROKEN[10:13]:
        text = text.replace(old, new, 1)
    path = write(tmp_path / "many.yaml", text)
    stderr = assert_clean_failure(cli("validate", STRONG, "--framework", path), 2, path)
    assert stderr.count(": error: ") == 7, stderr


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "      research_rating: None available\n      sources: [src]\n",
            "      research_rating: None available\n      sources:\n",
        ),
        ("    mitigations: [Exempt aid.]\n", "    mitigations:\n"),
    ],
)
def test_a_required_key_left_empty_is_an_error_not_a_crash(cli, tmp_path, old, new):
    """Found by the fuzz test: a required list left empty (null) crashed the model's build."""
    source = (DATA / "mini-framework.yaml").read_text(encoding="utf-8")
    assert old in source
    bad = tmp_path / "fw.yaml"
    bad.write_text(source.replace(old, new, 1), encoding="utf-8")
    result = cli("factors", "--framework", bad)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert "fw.yaml:" in result.stderr and ": error: " in result.stderr
