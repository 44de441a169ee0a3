"""The analyst's own judgement in the case file: strict loading, the template, and a score that
never reads it.

Every broken judgement runs through every command that reads a case file and must be refused
with the file, the line and the field (and the near match for a misspelling), never a
traceback; the forms the template invites read back exactly; and no figure of the outlook moves
whatever the judgement says.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import EXAMPLES, MINI, examples, write
from hostile import FW, HEAD, READERS, VALID, assert_clean_failure
from sanctions_check import case as case_mod
from sanctions_check import scoring, template
from sanctions_check.case import VIEWS, Judgement
from sanctions_check.framework import default_path
from sanctions_check.framework import load as load_framework

MINI_FW = load_framework(MINI)
AT = VALID.count("\n") + 1  # the line 'judgement:' stands on, after the valid case

# (id, the judgement's keys, the line of the fault from 'judgement:', what the message says)
BROKEN = [
    ("misspelt-view", "view: likley\n  reason: r\n", 1, "(did you mean 'likely'?)"),
    ("yaml-1.1-boolean", "view: yes\n  reason: r\n", 1, "found the text 'yes'"),
    ("view-a-number", "view: 1\n  reason: r\n", 1, "found the number 1"),
    ("view-a-list", "view: [likely]\n  reason: r\n", 1, "found a list"),
    ("no-reason", "view: likely\n", 0, "a judgement needs its reason"),
    ("blank-reason", "view: could\n  reason: '  '\n", 2, "needs its reason"),
    ("empty-block-reason", "view: could\n  reason: |\n", 2, "needs its reason"),
    ("reason-a-number", "view: could\n  reason: 42\n", 2, "put it in quotes"),
    ("reason-without-view", "reason: because\n", 0, "a judgement needs its view"),
    ("date-alone", "date: '2026-01-02'\n", 0, "a judgement needs its view"),
    ("no-such-day", "view: could\n  reason: r\n  date: 2026-02-30\n", 3, "2026-02-30"),
    ("misspelt-key", "view: could\n  reasn: r\n", 2, "(did you mean 'reason'?)"),
    ("duplicate-view", "view: could\n  view: likely\n  reason: r\n", 2, "duplicate key 'view'"),
    ("one-line-reason-with-colon", "view: could\n  reason: low: see a1\n", 2, "mapping values"),
    ("control-character", "view: could\n  reason: a \x07 bell\n", 2, "control character"),
]
# (id, the whole block, its line offset, what the message must say)
BROKEN_WHOLE = [
    ("not-a-mapping", "judgement: likely\n", 0, "expected the judgement (a mapping with view"),
    ("python-tag", "judgement: !!python/object:os.system {}\n", 0, "not allowed"),
]
CASES = [(i, "judgement:\n  " + block, at, word) for i, block, at, word in BROKEN] + BROKEN_WHOLE


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize(("ident", "block", "offset", "word"), CASES, ids=[r[0] for r in CASES])
def test_a_broken_judgement_is_refused_with_its_line_by_every_reader(
    cli, tmp_path, command, ident, block, offset, word
):
    path = write(tmp_path / f"{ident}.yaml", VALID + block)
    stderr = assert_clean_failure(cli(*READERS[command](str(path))), 1, path, AT + offset)
    assert word in stderr, stderr


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("", None),
        ("judgement:\n", None),
        ("judgement:\n  view:\n  reason: |   # why\n  date:\n", None),  # the template's form
        (
            "judgement:\n  view: cannot-judge\n  reason: |  # why\n    Too early: see [R1]; #2.\n",
            Judgement("cannot-judge", "Too early: see [R1]; #2.\n"),
        ),
        (
            "judgement:\n  view: likely\n  reason: Allies act.\n  date: '2026-12-07'\n",
            Judgement("likely", "Allies act.", "2026-12-07"),
        ),
    ],
)
def test_the_forms_a_judgement_takes(block, expected):
    case = case_mod.loads(VALID + block, MINI_FW, "j.yaml")
    assert case.judgement == expected


def test_a_reason_citing_an_undefined_key_is_reported(cli, tmp_path):
    text = VALID + "judgement:\n  view: could\n  reason: as [UN-9] says\nreferences:\n  A: x\n"
    result = cli("validate", write(tmp_path / "j.yaml", text), *FW)
    assert result.exit_code == 0
    assert "cited but not defined here: UN-9" in result.stderr


def test_the_judgement_round_trips_in_framework_order():
    case = case_mod.loads(VALID, MINI_FW, "j.yaml")
    case = case._replace(
        judgement=Judgement("unlikely", "Little exposure:\nsee a1.\n", "2026-12-07")
    )
    text = case_mod.dumps(case, MINI_FW)
    assert case_mod.loads(text, MINI_FW, "j.yaml").judgement == case.judgement
    keys = [line.split(":")[0] for line in text.splitlines() if re.match(r"^\w", line)]
    assert keys.index("answers") < keys.index("judgement")


@settings(max_examples=examples(100), deadline=None)
@given(
    name=st.sampled_from(sorted(p.name for p in EXAMPLES.glob("*.yaml"))),
    view=st.sampled_from(VIEWS),
    reason=st.text(min_size=1, max_size=40).filter(str.strip),
)
def test_the_score_never_reads_the_judgement(name, view, reason):
    """Whatever the analyst judges, every figure, band, lever, risk and sentence of the outlook
    is the same: the tool never fills the judgement in, and never weighs it."""
    framework = load_framework(default_path())
    case = case_mod.load(EXAMPLES / name, framework)
    judged = case._replace(judgement=Judgement(view, reason, "2026-12-07"))
    plain = scoring.assess(framework, case._replace(judgement=None))
    assert scoring.assess(framework, judged)._replace(case=None) == plain._replace(case=None)


def test_score_prints_the_same_with_or_without_a_judgement(cli, tmp_path):
    without = write(tmp_path / "a" / "case.yaml", VALID)
    judged = write(
        tmp_path / "b" / "case.yaml", VALID + "judgement:\n  view: likely\n  reason: r\n"
    )
    first = cli("score", without, *FW, "--format", "json").stdout
    second = cli("score", judged, *FW, "--format", "json").stdout
    assert first.replace(str(without), "X") == second.replace(str(judged), "X")


def test_the_template_writes_the_judgement_empty_and_every_free_text_as_a_block():
    text = template.render(MINI_FW)
    assert "\njudgement:\n  view:  " in text
    assert "  reason: |" in text and "  date:  " in text
    for view in VIEWS:
        assert view in text
    # Every free-text field takes any text: a block scalar, never a one-line value.
    free = re.findall(r"^\s+(note|mitigation|situation|measures|reason):(.*)$", text, re.M)
    assert free and all(rest.strip().startswith("|") for _, rest in free), free
    filled = text.replace("  id:  ", "  id: t", 1).replace("  title:  ", "  title: T", 1)
    assert case_mod.loads(filled, MINI_FW, "t.yaml").judgement is None


def test_a_filled_template_judgement_needs_its_reason(cli, tmp_path):
    text = template.render(MINI_FW)
    text = text.replace("  id:  ", "  id: t", 1).replace("  title:  ", "  title: T", 1)
    text = re.sub(r"(\njudgement:\n  view:)", r"\1 could", text)
    path = write(tmp_path / "t.yaml", text)
    line = text[: text.index("\njudgement:")].count("\n") + 4  # its reason
    stderr = assert_clean_failure(cli("validate", path, *FW), 1, path, line)
    assert "judgement.reason: a judgement needs its reason" in stderr
    reason = re.search(r"\n  reason: \|[^\n]*\n", text)
    assert reason is not None
    text = text.replace(reason.group(), reason.group() + "    Allies act: yes, together.\n")
    path.write_text(text, encoding="utf-8")
    assert cli("validate", path, *FW).exit_code == 0
    assert case_mod.load(path, MINI_FW).judgement == Judgement(
        "could", "Allies act: yes, together.\n"
    )


def test_head_is_a_case_without_a_judgement():
    assert case_mod.loads(HEAD, MINI_FW, "h.yaml").judgement is None
