"""Levers and conditions, insider questions, purpose tags, applicability and case scopes, one
owner per condition, risks that cannot arise, and the migration list read by the version warning.

Each is checked on ``tests/data/full-framework.yaml`` (the mini framework with every optional key
given once), where the arithmetic can be followed by hand.
"""

from __future__ import annotations

import textwrap

import pytest

from helpers import DATA, write
from hostile import assert_clean_failure
from sanctions_check import case as case_mod
from sanctions_check import flow, scoring
from sanctions_check import framework as framework_mod
from sanctions_check.case import NOT_APPLICABLE, Answer, CaseHeader, RiskAnswer
from sanctions_check.errors import InputError

FULL = DATA / "full-framework.yaml"
FULL_TEXT = FULL.read_text(encoding="utf-8")
STRONG = DATA / "mini-cases" / "strong.yaml"


@pytest.fixture(scope="module")
def fw() -> framework_mod.Framework:
    return framework_mod.load(FULL)


def case_text(body: str, *, header: str = "", ref: str = "mini@2") -> str:
    return textwrap.dedent(
        f"""\
        format: sanctions-check/case@1
        case:
          id: c
          title: C
        {textwrap.indent(textwrap.dedent(header), "  ").rstrip()}
        framework: {ref}
        """
    ) + textwrap.dedent(body)


def load(text: str, fw: framework_mod.Framework) -> case_mod.Case:
    return case_mod.loads(text, fw, "case.yaml")


def messages(text: str, fw: framework_mod.Framework) -> list[str]:
    try:
        return [w.message for w in load(text, fw).warnings]
    except InputError as exc:
        return [f"{p.field}: {p.message}" for p in exc.problems]


# --- levers and conditions ----------------------------------------------------------------------


def test_a_condition_is_never_offered_as_a_lever(fw):
    # a1 is a condition of the target; a2 (unmarked) is a lever; both are answered low.
    case = load(case_text("answers:\n  alpha:\n    a1: 0\n    a2: 0\n  beta:\n    b1: 1\n"), fw)
    levers = scoring.assess(fw, case).levers
    assert [lv.question_id for lv in levers if lv.factor_id == "alpha"] == ["a2"]
    assert not fw.factor("alpha").question("a1").lever
    assert fw.factor("alpha").question("a2").lever  # unmarked: a lever, as before roles


def test_levers_follow_the_stated_purposes(tmp_path):
    """a1 bears on coerce only; made a lever here, so that the purpose filter is seen alone."""
    text = FULL_TEXT.replace("        role: target\n", "        role: lever\n", 1)
    lever_fw = framework_mod.load(write(tmp_path / "fw.yaml", text))
    body = "answers:\n  alpha:\n    a1: 0\n    a2: 0\n  beta:\n    b1: 1\n"
    for purposes, offered in (("[signal]", False), ("[coerce]", True), ("[]", True)):
        case = load(case_text(body, header=f"purpose: {purposes}"), lever_fw)
        ids = {lv.question_id for lv in scoring.assess(lever_fw, case).levers}
        assert ("a1" in ids) is offered, (purposes, ids)


# --- insider questions: coverage of the others ----------------------------------------------------


def test_outside_coverage_leaves_the_insider_questions_out(fw):
    # alpha: a1 (insider, weight 1) unanswered, a2 (weight 3) answered; beta: b1 of b1, b2.
    case = load(case_text("answers:\n  alpha:\n    a2: 3\n  beta:\n    b1: 2\n"), fw)
    result = scoring.assess(fw, case)
    # alpha counts 3/3 outside (a1 left out), 3/4 overall; beta 1/2; gamma 0/1 (weights 3, 1, 1).
    assert result.outside_coverage == pytest.approx((3 * 1 + 1 * 0.5 + 1 * 0) / 5)
    assert result.outlook.coverage == pytest.approx((3 * 0.75 + 1 * 0.5 + 1 * 0) / 5)
    assert fw.insider_questions == (("alpha", "a1"),)


def test_a_factor_left_with_one_question_after_n_a_says_so(fw):
    case = load(
        case_text("answers:\n  alpha:\n    a1: {score: n/a, note: No freeze.}\n    a2: 3\n"), fw
    )
    alpha = scoring.assess(fw, case).factor("alpha")
    assert alpha is not None and alpha.rests_on_one
    full = scoring.assess(fw, load(case_text("answers:\n  alpha:\n    a2: 3\n"), fw))
    assert not full.factor("alpha").rests_on_one  # type: ignore[union-attr]


# --- risks that cannot arise ----------------------------------------------------------------------


NA_RISK = """\
risks:
  harm:
    likelihood: n/a
    severity: n/a
    note: No listed entity has any economic role.
  evasion:
    likelihood: 2
    severity: 2
"""


def test_a_risk_marked_n_a_is_neither_rated_nor_open(fw):
    result = scoring.assess(fw, load(case_text(NA_RISK), fw))
    assert [r.id for r in result.risks] == ["evasion"]
    assert result.top_risk is not None and result.top_risk.id == "evasion"
    assert result.risks_not_applicable == (
        scoring.RiskNotApplicable("harm", "Harm", "No listed entity has any economic role."),
    )
    assert not [g for g in result.gaps if g.kind == "risk-open"]
    assert result.confidence_not_stated == 1  # evasion only


def test_the_report_lists_an_n_a_risk_as_not_applicable_with_its_note(fw):
    from sanctions_check.render.report_view import build as build_report

    report = build_report(scoring.assess(fw, load(case_text(NA_RISK), fw)))
    assert report.risks_open == ()
    assert [r.id for r in report.risks] == ["evasion"]
    assert [(r.id, r.note) for r in report.risks_not_applicable] == [
        ("harm", "No listed entity has any economic role.")
    ]
    assert report.risks_not_applicable[0].text == (
        "Harm: not applicable (No listed entity has any economic role.)"
    )
    assert report.risks_text == "1 rated, 0 open, 1 not applicable"


@pytest.mark.parametrize(
    ("ratings", "fragment"),
    [
        ("likelihood: n/a\n    severity: 2\n    note: Why.", "applies to the whole risk"),
        ("likelihood: 2\n    severity: n/a\n    note: Why.", "applies to the whole risk"),
        ("likelihood: n/a\n    severity: n/a", "with a 'note:' saying why"),
    ],
)
def test_a_risk_is_n_a_as_a_whole_and_with_a_note(fw, ratings, fragment):
    found = messages(case_text(f"risks:\n  harm:\n    {ratings}\n"), fw)
    assert any(fragment in m for m in found), found


def test_the_interview_marks_a_risk_n_a_on_both_sides_and_rating_it_again_clears_both(fw):
    case = flow.new_case(fw, CaseHeader(id="c", title="C"), "a", "2026-01-01")
    step = next(s for s in flow.plan(fw).steps if s.kind == "risk" and s.field == "likelihood")
    marked = flow.with_risk_not_applicable(case, step, "  Nothing to freeze. ")
    assert marked.risk("harm") == RiskAnswer(
        NOT_APPLICABLE, NOT_APPLICABLE, note="Nothing to freeze."
    )
    rated = flow.with_risk_level(marked, step, 3)
    assert (rated.risk("harm").likelihood, rated.risk("harm").severity) == (3, None)
    again = load(case_mod.dumps(marked, fw), fw)
    assert again.risk("harm").not_applicable


# --- applicability and case scopes ----------------------------------------------------------------


def test_a_case_scope_mark_warns_about_answers_it_rules_out(fw):
    text = case_text(
        "answers:\n  alpha:\n    a1: 3\n    a2: 2\nrisks:\n  harm: {likelihood: 1, severity: 1}\n",
        header="scope: threat-only",
    )
    found = messages(text, fw)
    note = fw.applies("in-force").not_applicable  # type: ignore[union-attr]
    assert found == [
        f"does not apply to a case marked threat-only: answer n/a, with the note {note!r}",
        f"cannot arise in a case marked threat-only: rate it n/a, with the note {note!r}",
    ]
    answered_na = text.replace("    a1: 3\n", "    a1: {score: n/a, note: Only threatened.}\n")
    answered_na = answered_na.replace(
        "harm: {likelihood: 1, severity: 1}", "harm: {likelihood: n/a, severity: n/a, note: No.}"
    )
    assert messages(answered_na, fw) == []
    assert load(answered_na, fw).header.scope == "threat-only"


def test_a_case_scope_round_trips(fw):
    case = load(case_text("answers: {}\n", header="scope: threat-only"), fw)
    assert load(case_mod.dumps(case, fw), fw).header.scope == "threat-only"


# --- one owner per condition ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        (
            "        see: [a2-owns]\n      - id: a2",
            "        see: [a2-owns]\n      - id: a2\n        see: [a2-owns]",
            "owns condition 'a2-owns': it cannot point away from it",
        ),
        ("    owner: alpha.a2\n", "    owner: evasion\n", None),  # a risk may own a condition
        ("    owner: alpha.a2\n", "    owner: beta\n", "unknown question or risk 'beta'"),
        ("    case_scopes: [threat-only]\n", "", None),  # no scope: the note is optional
        (
            "    not_applicable: The measures were only threatened, so this does not apply.\n",
            "",
            "needs its 'not_applicable' note",
        ),
    ],
)
def test_the_cross_references_are_checked(cli, tmp_path, old, new, fragment):
    assert old in FULL_TEXT, old
    path = write(tmp_path / "fw.yaml", FULL_TEXT.replace(old, new, 1))
    if fragment is None:
        framework_mod.load(path)
        return
    stderr = assert_clean_failure(cli("validate", STRONG, "--framework", path), 2, path)
    assert fragment in stderr, stderr


# --- migrations: a file answered against an older major version -----------------------------------


OLD = """\
answers:
  alpha:
    a1: 2
    a2: 3
    old: 4
  retired:
    r1: 1
risks:
  old_risk: {likelihood: 1, severity: 1}
  older_evasion: {likelihood: 3, severity: 2}
  harm: {likelihood: 1, severity: 2}
"""


def test_an_older_file_scores_and_the_warning_names_what_changed(fw):
    case = load(case_text(OLD, ref="mini@1"), fw)
    answers, risks = case.warnings
    assert answers.field == "framework" and answers.message.startswith(
        "answered against mini@1, scored against mini@2 (version 2.1); "
        "changed in meaning, so review these answers: alpha.a2; "
        "moved, answers carried over: alpha.old to beta.b1; "
        "ignored, not in this version: retired.r1; "
        "unanswered against this version: beta.b2, gamma.g1, flag.f1."
    )
    assert risks.field == "risks" and risks.message == (
        "answered against mini@1, scored against mini@2; "
        "moved, ratings carried over: older_evasion to evasion; "
        "removed from this version, ignored: old_risk (Gone)."
    )
    assert case.answer("beta", "b1") == Answer(score=4)
    assert case.risk("evasion") == RiskAnswer(3, 2)
    assert scoring.assess(fw, case).outlook.score is not None


def test_a_moved_answer_never_overwrites_one_given_in_its_new_place(fw):
    case = load(
        case_text(OLD.replace("  retired:", "  beta:\n    b1: 1\n  retired:"), ref="mini@1"), fw
    )
    assert case.answer("beta", "b1") == Answer(score=1)


def test_the_same_major_version_names_unknown_ids_as_errors(fw):
    found = messages(case_text(OLD), fw)
    assert any("unknown question 'old' in factor 'alpha'" in m for m in found), found
