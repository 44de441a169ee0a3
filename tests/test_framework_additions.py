"""The framework's optional keys: a question's neutral value, design choices, the inclusion rule.

Each loads into typed fields, defaults stay as before when a key is absent, and each mistake is
reported with its field and line through the real CLI.
"""

from __future__ import annotations

import pytest

from helpers import DATA, MINI, write
from hostile import assert_clean_failure
from sanctions_check import framework as framework_mod

TEXT = MINI.read_text(encoding="utf-8")
STRONG = DATA / "mini-cases" / "strong.yaml"

NEUTRAL = """\
        advice: Raise a1.
        neutral:
          value: 1
          reason: Not found usually means absent.
          sources: [src]
"""
EXTRAS = """\
design_choices:
  - id: band-edges
    text: The band edges are the framework's choice.
  - id: neutral-midpoint
    text: Unknown counts as the midpoint.
inclusion:
  rule: Factors cited by at least two practitioners are in.
  omitted:
    - name: Severe human rights violator
      cited_by: 1
      reason: Cited by one practitioner only.
"""


def extended(text: str = TEXT) -> str:
    return text.replace("        advice: Raise a1.\n", NEUTRAL, 1) + EXTRAS


def test_defaults_when_the_keys_are_absent():
    fw = framework_mod.load(MINI)
    question = fw.factor("alpha").question("a1")
    assert (question.neutral, question.neutral_reason, question.neutral_sources) == (2.0, None, ())
    assert fw.design_choices == () and fw.inclusion is None


def test_every_new_key_loads_typed(tmp_path):
    fw = framework_mod.load(write(tmp_path / "fw.yaml", extended()))
    question = fw.factor("alpha").question("a1")
    assert question.neutral == 1.0 and isinstance(question.neutral, float)
    assert question.neutral_reason == "Not found usually means absent."
    assert question.neutral_sources == ("src",)
    assert fw.factor("alpha").question("a2").neutral == 2.0
    assert [d.id for d in fw.design_choices] == ["band-edges", "neutral-midpoint"]
    assert fw.design_choices[0].text == "The band edges are the framework's choice."
    assert fw.inclusion is not None
    assert fw.inclusion.rule.startswith("Factors cited by at least two")
    [omitted] = fw.inclusion.omitted
    assert (omitted.name, omitted.cited_by) == ("Severe human rights violator", 1)
    assert omitted.reason == "Cited by one practitioner only."


def test_risk_level_wording_is_on_the_model():
    risk = framework_mod.load(MINI).risk("harm")
    assert risk.likelihood_label(3) == "likely" and risk.severity_label(4) == "grave"
    assert risk.likelihood[0] == "none" and risk.severity[1] == "minor"


BROKEN = [
    ("neutral-out-of-range", "value: 1\n", "value: 5\n", 55, "5 is out of range"),
    ("neutral-as-text", "value: 1\n", "value: low\n", 55, "expected a number, found the text"),
    (
        "neutral-without-reason",
        "          reason: Not found usually means absent.\n",
        "",
        54,
        "missing required key 'reason'",
    ),
    ("neutral-empty-reason", "reason: Not found usually means absent.", "reason: ''", 56, "empty"),
    (
        "neutral-unknown-source",
        "absent.\n          sources: [src]",
        "absent.\n          sources: [scr]",
        57,
        "unknown source key 'scr'",
    ),
    ("neutral-a-number", NEUTRAL[26:], "        neutral: 1\n", 54, "expected a mapping"),
    ("neutral-misspelt-key", "value: 1\n", "valeu: 1\n", 55, "(did you mean 'value'?)"),
    ("design-choice-no-text", "    text: Unknown counts as the midpoint.\n", "", 184, "'text'"),
    ("design-choice-bad-id", "id: band-edges", "id: Band Edges", 182, "not a valid id"),
    (
        "design-choice-duplicate",
        "id: neutral-midpoint",
        "id: band-edges",
        184,
        "duplicate design choice id 'band-edges'",
    ),
    (
        "design-choices-not-a-list",
        EXTRAS[: EXTRAS.index("inclusion")],
        "design_choices: 3\n",
        181,
        "a list",
    ),
    (
        "inclusion-without-rule",
        "  rule: Factors cited by at least two practitioners are in.\n",
        "",
        186,
        "missing required key 'rule'",
    ),
    ("cited-by-as-text", "cited_by: 1", "cited_by: one", 190, "expected a whole number"),
    ("cited-by-negative", "cited_by: 1", "cited_by: -1", 190, "-1 is out of range"),
    ("omitted-misspelt-key", "      reason: Cited", "      reson: Cited", 191, "mean 'reason'?"),
    ("inclusion-misspelt-key", "  omitted:\n", "  omited:\n", 188, "(did you mean 'omitted'?)"),
]


@pytest.mark.parametrize(
    ("ident", "old", "new", "line", "fragment"), BROKEN, ids=[row[0] for row in BROKEN]
)
def test_each_mistake_in_the_new_keys_is_a_clear_usage_error(
    cli, tmp_path, ident, old, new, line, fragment
):
    text = extended()
    assert old in text, old
    path = write(tmp_path / f"{ident}.yaml", text.replace(old, new, 1))
    stderr = assert_clean_failure(cli("validate", STRONG, "--framework", path), 2, path, line)
    assert fragment in stderr
