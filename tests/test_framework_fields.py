"""Every framework field given a value of the wrong type: a clear usage error, never a traceback.

One row per key the framework spec allows (a test checks that no key is left out), each run
through the real CLI against a copy of ``tests/data/full-framework.yaml`` (the mini framework with
every optional key given once) in which that one value is replaced. The expected line is found
with PyYAML's own composer, independently of the code under test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from helpers import DATA, ROOT, write
from hostile import assert_clean_failure
from sanctions_check import case as case_mod
from sanctions_check import framework as framework_mod
from sanctions_check.checks import spec_paths

FULL = DATA / "full-framework.yaml"
TEXT = FULL.read_text(encoding="utf-8")
STRONG = DATA / "mini-cases" / "strong.yaml"

# What each kind of field says when given the wrong type of value.
NOT_TEXT = ("42", "expected text, found the number 42; put it in quotes")
LIST_NOT_TEXT = ("[1, 2]", "expected text, found a list")
NOT_ID = ("Not An Id", "'Not An Id' is not a valid id")
NOT_NUMBER = ("'x'", "expected a number, found the text 'x'")
NOT_WHOLE = ("1.5", "expected a whole number, found the number 1.5")
NOT_CHOICE = ("sideways", "expected one of")
NOT_LIST = ("42", "expected a list of")
NOT_TEXTS = ("{a: 1}", "expected a list of texts, found a mapping")
NOT_MAPPING = ("42", "expected a mapping of keys to values, found the number 42")
NOT_LEVELS = ("[1, 2]", "expected a mapping of levels 0 to 4, found a list")

Q1 = "factors.0.questions.0"  # a1: sources and a neutral value
Q2 = "factors.0.questions.1"  # a2: anchors

# (dotted path in full-framework.yaml, (wrong value as YAML, a fragment of the message))
ROWS: list[tuple[str, tuple[str, str]]] = [
    ("format", ("42", "expected 'sanctions-check/framework@1'")),
    ("id", NOT_ID),
    ("version", ("2.1", "expected text, found the number 2.1")),
    ("version", ("v2", "expected a version like \"1.0\", found 'v2'")),
    ("title", NOT_TEXT),
    ("title", LIST_NOT_TEXT),
    ("summary", NOT_TEXT),
    ("summary", ("{a: 1}", "expected text, found a mapping")),
    ("sources", NOT_LIST),
    ("sources.0.key", NOT_ID),
    ("sources.0.title", NOT_TEXT),
    ("sources.0.publisher", LIST_NOT_TEXT),
    ("sources.0.url", NOT_TEXT),
    ("sources.0.url", ("ftp://example.org", "expected a web address starting with https://")),
    ("sources.0.year", NOT_WHOLE),
    ("sources.0.note", NOT_TEXT),
    ("scale", NOT_LEVELS),
    ("scale.0", NOT_MAPPING),
    ("scale.0.label", NOT_TEXT),
    ("scale.0.meaning", LIST_NOT_TEXT),
    ("unknown", NOT_MAPPING),
    ("unknown.label", NOT_TEXT),
    ("unknown.meaning", NOT_TEXT),
    ("purposes", NOT_LIST),
    ("purposes.0.id", NOT_ID),
    ("purposes.0.name", NOT_TEXT),
    ("purposes.0.description", NOT_TEXT),
    ("purposes.0.base_rate", NOT_MAPPING),
    ("purposes.0.base_rate.effective_share_of_all_episodes", NOT_NUMBER),
    ("purposes.0.base_rate.effective_when_pursued", NOT_NUMBER),
    ("purposes.0.base_rate.text", NOT_TEXT),
    ("purposes.0.base_rate.sources", NOT_TEXTS),
    ("factors", NOT_LIST),
    ("factors.0.id", NOT_ID),
    ("factors.0.name", NOT_TEXT),
    ("factors.0.short_name", NOT_TEXT),
    ("factors.0.kind", NOT_CHOICE),
    ("factors.0.description", NOT_TEXT),
    ("factors.0.why", NOT_TEXT),
    ("factors.0.weight", NOT_NUMBER),
    ("factors.0.weight_reason", NOT_TEXT),
    ("factors.0.evidence", NOT_MAPPING),
    ("factors.0.evidence.tfap_name", NOT_TEXT),
    ("factors.0.evidence.practitioners_cited", NOT_WHOLE),
    ("factors.0.evidence.practitioners_total", NOT_WHOLE),
    ("factors.0.evidence.direction", NOT_CHOICE),
    ("factors.0.evidence.practitioner_rating", NOT_CHOICE),
    ("factors.0.evidence.research_rating", NOT_CHOICE),
    ("factors.0.evidence.note", NOT_TEXT),
    ("factors.0.evidence.sources", NOT_TEXTS),
    ("factors.0.questions", NOT_LIST),
    (f"{Q1}.id", NOT_ID),
    (f"{Q1}.text", NOT_TEXT),
    (f"{Q1}.help", NOT_TEXT),
    (f"{Q1}.weight", NOT_NUMBER),
    (f"{Q1}.advice", NOT_TEXT),
    (f"{Q1}.sources", NOT_TEXTS),
    (f"{Q1}.neutral", NOT_MAPPING),
    (f"{Q1}.neutral.value", NOT_NUMBER),
    (f"{Q1}.neutral.reason", NOT_TEXT),
    (f"{Q1}.neutral.sources", NOT_TEXTS),
    (f"{Q1}.role", NOT_CHOICE),
    (f"{Q1}.role", ("levr", "expected one of lever, target, context, found the text 'levr'")),
    (f"{Q1}.insider", ("yes", "expected true or false, found the text 'yes' (only true")),
    (f"{Q1}.purposes", NOT_MAPPING),
    (f"{Q1}.purposes.ids", NOT_TEXTS),
    (f"{Q1}.purposes.ids", ("[coerse]", "unknown purpose 'coerse' (did you mean 'coerce'?)")),
    (f"{Q1}.purposes.ids", ("[coerce, signal]", "names every purpose: leave 'purposes' out")),
    (f"{Q1}.purposes.ids", ("[coerce, coerce]", "purpose 'coerce' is listed twice")),
    (f"{Q1}.purposes.reason", NOT_TEXT),
    (f"{Q1}.purposes.sources", NOT_TEXTS),
    (f"{Q1}.applies_to", NOT_TEXT),
    (f"{Q1}.applies_to", ("in-forse", "unknown applicability 'in-forse' (did you mean")),
    (f"{Q1}.see", NOT_TEXTS),
    (f"{Q1}.see", ("[a2-own]", "unknown condition 'a2-own' (did you mean 'a2-owns'?)")),
    (f"{Q2}.anchors", NOT_LEVELS),
    (f"{Q2}.anchors.3", NOT_TEXT),
    ("risks", NOT_LIST),
    ("risks.0.id", NOT_ID),
    ("risks.0.name", NOT_TEXT),
    ("risks.0.short_name", NOT_TEXT),
    ("risks.0.question", NOT_TEXT),
    ("risks.0.help", NOT_TEXT),
    ("risks.0.likelihood", NOT_LEVELS),
    ("risks.0.likelihood.2", NOT_TEXT),
    ("risks.0.severity", NOT_LEVELS),
    ("risks.0.severity.4", LIST_NOT_TEXT),
    ("risks.0.mitigations", NOT_TEXTS),
    ("risks.0.evidence", NOT_TEXT),
    ("risks.0.sources", NOT_TEXTS),
    ("risks.0.applies_to", NOT_TEXT),
    ("risks.0.see", NOT_TEXTS),
    ("case_scopes", NOT_LIST),
    ("case_scopes.0.id", NOT_ID),
    ("case_scopes.0.name", NOT_TEXT),
    ("case_scopes.0.meaning", NOT_TEXT),
    ("case_scopes.0.outside_definition", ("no", "expected true or false")),
    ("applicability", NOT_LIST),
    ("applicability.0.id", NOT_ID),
    ("applicability.0.text", NOT_TEXT),
    ("applicability.0.not_applicable", NOT_TEXT),
    ("applicability.0.case_scopes", NOT_TEXTS),
    ("applicability.0.case_scopes", ("[threat]", "unknown case scope 'threat'")),
    ("conditions", NOT_LIST),
    ("conditions.0.id", NOT_ID),
    ("conditions.0.name", NOT_TEXT),
    ("conditions.0.owner", NOT_TEXT),
    ("conditions.0.owner", ("alpha.a3", "unknown question or risk 'alpha.a3'")),
    ("research_context", NOT_MAPPING),
    ("research_context.rule", NOT_TEXT),
    ("research_context.findings", NOT_LIST),
    ("research_context.findings.0.name", NOT_TEXT),
    ("research_context.findings.0.greater", NOT_WHOLE),
    ("research_context.findings.0.lesser", NOT_WHOLE),
    ("research_context.findings.0.mixed", NOT_WHOLE),
    ("research_context.findings.0.rating", NOT_CHOICE),
    ("research_context.findings.0.outcomes", NOT_TEXT),
    ("research_context.findings.0.studies", NOT_TEXT),
    ("research_context.findings.0.asked_in", NOT_TEXTS),
    ("research_context.findings.0.asked_in", ("[alpha.a9]", "unknown question or risk")),
    ("research_context.findings.0.note", NOT_TEXT),
    ("research_context.findings.0.sources", NOT_TEXTS),
    ("migrations", NOT_LIST),
    ("migrations.0.from_major", NOT_TEXT),
    ("migrations.0.from_major", ('"v1"', 'expected a major version such as "2"')),
    ("migrations.0.from_major", ('"2"', "is this framework's own major version")),
    ("migrations.0.summary", NOT_TEXT),
    ("migrations.0.questions", NOT_LIST),
    ("migrations.0.questions.0.ref", NOT_TEXT),
    ("migrations.0.questions.0.ref", ("alpha.gone", "is not in this version")),
    ("migrations.0.questions.0.change", NOT_CHOICE),
    ("migrations.0.questions.0.note", NOT_TEXT),
    ("migrations.0.questions.1.to", NOT_TEXT),
    ("migrations.0.questions.1.to", ("beta.b9", "unknown question 'beta.b9'")),
    ("migrations.0.risks", NOT_LIST),
    ("migrations.0.risks.0.ref", ("harm", "'harm' is still in this version: it was not removed")),
    ("migrations.0.risks.0.change", ("moved", "a moved question or risk needs 'to'")),
    ("migrations.0.risks.0.note", LIST_NOT_TEXT),
    ("migrations.0.risks.1.to", ("harn", "unknown risk 'harn' (did you mean 'harm'?)")),
    ("bands", NOT_LIST),
    ("bands.0.id", NOT_ID),
    ("bands.0.label", NOT_TEXT),
    ("bands.0.min", NOT_NUMBER),
    ("bands.0.meaning", NOT_TEXT),
    ("gates", NOT_LIST),
    ("gates.0.id", NOT_ID),
    ("gates.0.applies_to", NOT_TEXT),
    ("gates.0.below", NOT_NUMBER),
    ("gates.0.cap", NOT_TEXT),
    ("gates.0.reason", NOT_TEXT),
    ("red_flag_threshold", NOT_NUMBER),
    ("min_coverage", NOT_NUMBER),
    ("risk_bands", NOT_LIST),
    ("risk_bands.0.id", NOT_ID),
    ("risk_bands.0.label", NOT_TEXT),
    ("risk_bands.0.min", NOT_NUMBER),
    ("caveats", NOT_LIST),
    ("caveats.0.id", NOT_ID),
    ("caveats.0.text", NOT_TEXT),
    ("caveats.0.sources", NOT_TEXTS),
    ("design_choices", NOT_LIST),
    ("design_choices.0.id", NOT_ID),
    ("design_choices.0.text", NOT_TEXT),
    ("inclusion", NOT_MAPPING),
    ("inclusion.rule", NOT_TEXT),
    ("inclusion.omitted", NOT_LIST),
    ("inclusion.omitted.0.name", NOT_TEXT),
    ("inclusion.omitted.0.cited_by", NOT_WHOLE),
    ("inclusion.omitted.0.reason", LIST_NOT_TEXT),
]


def steps(dotted: str) -> tuple[str | int, ...]:
    return tuple(int(part) if part.isdigit() else part for part in dotted.split("."))


def find(root: Node, path: tuple[str | int, ...]) -> tuple[Node, Node]:
    """The node that names the last step (a key, or a list item) and the value node."""
    node, named = root, root
    for step in path:
        if isinstance(node, MappingNode):
            named, node = next((k, v) for k, v in node.value if k.value == str(step))
        else:
            assert isinstance(node, SequenceNode) and isinstance(step, int)
            node = named = node.value[step]
    return named, node


def replaced(dotted: str, wrong: str) -> tuple[str, int]:
    """The full framework with one value replaced, and the line the error must name."""
    named, value = find(yaml.compose(TEXT), steps(dotted))
    start, end = value.start_mark.index, value.end_mark.index
    # A block value ends where the next key starts: keep that key's line break and indentation.
    keep = re.search(r"\n[ ]*$", TEXT[start:end])
    text = TEXT[:start] + wrong + (keep.group(0) if keep else "") + TEXT[end:]
    return text, named.start_mark.line + 1


def test_the_full_framework_is_valid_and_gives_every_optional_key():
    framework = framework_mod.load(FULL)
    assert framework.inclusion is not None and framework.design_choices
    a1 = framework.factors[0].questions[0]
    assert a1.neutral == 1.0
    assert (a1.role, a1.insider, a1.applies_to, a1.see) == (
        "target",
        True,
        "in-force",
        ("a2-owns",),
    )
    assert a1.purposes is not None and a1.purposes.ids == ("coerce",) and not a1.lever
    assert framework.condition("a2-owns") == framework_mod.Condition(
        "a2-owns", "Something a2 asks once", "alpha.a2"
    )
    assert framework.research_context is not None
    assert framework.research_context.findings[0].findings == 2
    migration = framework.migration("1")
    assert migration is not None and [c.change for c in migration.questions] == ["meaning", "moved"]


def test_every_key_of_the_spec_has_a_row():
    def general(path: tuple[str | int, ...]) -> tuple[str | int, ...]:
        return tuple(0 if isinstance(step, int) else step for step in path)

    covered = {general(steps(dotted)) for dotted, _ in ROWS}
    missing = [p for p in spec_paths(framework_mod.FRAMEWORK) if p not in covered]
    assert not missing, missing


@pytest.mark.parametrize(("dotted", "wrong"), ROWS, ids=[f"{p}={w[0]}" for p, w in ROWS])
def test_a_field_of_the_wrong_type_is_a_clear_usage_error(cli, tmp_path, dotted, wrong):
    value, fragment = wrong
    text, line = replaced(dotted, value)
    path = write(tmp_path / "bad.yaml", text)
    stderr = assert_clean_failure(cli("validate", STRONG, "--framework", path), 2, path, line)
    assert f"error: {dotted}: " in stderr and fragment in stderr, stderr
    assert "internal error" not in stderr


WRONG_TOP = [("summary", "42"), ("title", "[1, 2]"), ("id", "{a: 1}"), ("min_coverage", "'half'")]
COMMANDS = {
    "factors": lambda path: ["factors", "--framework", path],
    "factor": lambda path: ["factors", "alpha", "--framework", path],
    "validate": lambda path: ["validate", STRONG, "--framework", path],
    "score": lambda path: ["score", STRONG, "--framework", path, "--format", "json"],
    "report": lambda path: ["report", STRONG, "--framework", path],
    "new": lambda path: ["new", "--framework", path],
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("dotted", "wrong"), WRONG_TOP)
def test_no_command_runs_on_a_wrongly_typed_top_level_field(
    cli, tmp_path: Path, command, dotted, wrong
):
    text, line = replaced(dotted, wrong)
    path = write(tmp_path / "bad.yaml", text)
    stderr = assert_clean_failure(cli(*COMMANDS[command](path)), 2, path, line)
    assert f"error: {dotted}: expected" in stderr


@pytest.mark.parametrize(
    ("doc", "spec"),
    [("framework-format.md", framework_mod.FRAMEWORK), ("case-format.md", case_mod.CASE)],
)
def test_every_key_of_the_spec_is_documented(doc, spec):
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    keys = {step for path in spec_paths(spec) for step in path if isinstance(step, str)} - {"*"}
    missing = [k for k in sorted(keys) if not re.search(rf"(^|[\s{{,`-]){k}[:`]", text, re.M)]
    assert not missing, f"docs/{doc} does not mention: {', '.join(missing)}"
