"""`factors QUESTION_ID`: a question id finds the question and shows it in full, in its factor;
near-match suggestions cover question ids too. Through the real CLI at 80 columns."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from helpers import MINI, ROOT, write
from sanctions_check.cli import app
from sanctions_check.framework import load as load_framework

BUNDLED = ROOT / "factors.yaml"


@pytest.fixture
def run80():
    runner = CliRunner()
    env = {"COLUMNS": "80", "LINES": "40", "NO_COLOR": "1", "TERM": "dumb"}

    def invoke(*args: object):
        return runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)

    return invoke


@pytest.fixture(scope="module")
def bundled():
    return load_framework(BUNDLED)


def flat(text: str) -> str:
    return " ".join(text.split())


def every_question(framework):
    return [(f, n, q) for f in framework.factors for n, q in enumerate(f.questions, 1)]


def test_every_question_of_the_bundled_framework_is_found_and_shown_in_full(run80, bundled):
    for factor, number, question in every_question(bundled):
        result = run80("factors", question.id)
        assert result.exit_code == 0, result.stderr
        assert max(len(line) for line in result.stdout.splitlines()) <= 80
        shown = flat(result.stdout)
        assert shown.startswith(f"{flat(factor.name)} (")
        assert f"id: {factor.id}" in shown
        assert f"Question {number} of {len(factor.questions)} in {flat(factor.name)}" in shown
        assert f"{number}. {flat(question.text)}" in shown
        assert f"id: {question.id} · weight {question.weight:g}" in shown
        assert flat(question.help) in shown
        for level in range(5):
            assert f"{level} {flat(question.level_label(bundled, level))}" in shown
        assert flat(question.advice) in shown
        assert f"sanctions-check factors {factor.id}" in shown
        others = [q for q in factor.questions if q.id != question.id]
        assert not any(f"id: {q.id} ·" in shown for q in others), "the one question alone"


def test_the_question_shown_is_the_factors_own_entry(run80):
    """Word for word what the whole factor shows for that question."""
    alone = run80("factors", "un_backing").stdout
    whole = run80("factors", "coordination").stdout
    block = alone[alone.index("2. How far does the UN") : alone.index("The whole factor")].rstrip()
    assert block in whole


@pytest.mark.parametrize(
    "typed", ["UN_BACKING", "coordination.un_backing", "Coordination.Un_Backing"]
)
def test_a_question_is_found_in_any_case_and_by_its_factor(run80, typed):
    assert run80("factors", typed).stdout == run80("factors", "un_backing").stdout


def test_a_question_as_json(run80, bundled):
    data = json.loads(run80("factors", "un_backing", "-f", "json").stdout)
    factor = json.loads(run80("factors", "coordination", "-f", "json").stdout)
    assert data["factor"] == {
        "id": "coordination",
        "name": factor["name"],
        "kind": "core",
        "questions": len(factor["questions"]),
    }
    assert data["question"] == factor["questions"][data["number"] - 1]
    assert data["question"]["id"] == "un_backing"


@pytest.mark.parametrize(
    ("typed", "meant"), [("un_backin", "un_backing"), ("financial_tie", "financial_ties")]
)
def test_near_matches_cover_question_ids(run80, typed, meant):
    result = run80("factors", typed)
    assert result.exit_code == 2
    assert f"no factor, risk or question {typed!r} (did you mean {meant!r}?)" in result.stderr


def test_a_factor_or_risk_id_still_shows_the_factor_or_risk(run80):
    assert "Question 1 of" not in run80("factors", "exposure").stdout
    assert run80("factors", "humanitarian_harm").exit_code == 0


def test_a_question_id_two_factors_share_asks_for_the_factor(cli, tmp_path):
    text = MINI.read_text(encoding="utf-8")
    shared = text.replace("      - id: b1\n", "      - id: a1\n", 1)
    assert shared != text
    path = write(tmp_path / "shared.yaml", shared)
    result = cli("factors", "a1", "--framework", path)
    assert result.exit_code == 2
    assert "'a1' is a question of 2 factors; name one as FACTOR.QUESTION: alpha.a1, beta.a1" in (
        result.stderr
    )
    assert cli("factors", "beta.a1", "--framework", path).exit_code == 0


def test_an_id_contained_in_several_suggests_each(run80):
    result = run80("factors", "backing")
    assert "(did you mean 'un_backing' or 'regional_backing'?)" in result.stderr


ROLE_WORDS = {
    "lever": "a lever, something the implementer's policy can change",
    "target": "a condition of the targets, never offered as a lever",
    "context": "a condition of the context, never offered as a lever",
}


def test_every_question_shows_the_framework_3_fields(run80, bundled):
    """Lever or condition, insider, purposes with their reason, applicability with its n/a note,
    and the conditions a question leaves to another or owns: each shown when the file gives it,
    and only then."""
    assert bundled.conditions and bundled.applicability  # the bundled framework is 3.0
    for factor, _, question in every_question(bundled):
        shown = flat(run80("factors", f"{factor.id}.{question.id}").stdout)
        role = ROLE_WORDS[question.role] if question.role else None
        assert (role is not None and f"Lever or condition: {role}." in shown) == bool(role)
        assert ("Insider question:" in shown) == question.insider
        if question.purposes is not None:
            names = [bundled.purpose(p).name for p in question.purposes.ids]
            listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
            assert f"Purposes: bears on {listed} only:" in shown
            assert flat(question.purposes.reason) in shown
        else:
            assert "Purposes:" not in shown
        rule = bundled.applies(question.applies_to)
        assert (f"Applicability ({question.applies_to}):" in shown) == (rule is not None)
        if rule is not None:
            assert flat(rule.text) in shown
            if rule.not_applicable:
                assert f"answer n/a, with the note: “{flat(rule.not_applicable)}”" in shown
        for ident in question.see:
            condition = bundled.condition(ident)
            assert f"Not asked here: {flat(condition.name)}: asked and scored once, under" in shown
            assert f"sanctions-check factors {condition.owner}" in shown
        owned = [c for c in bundled.conditions if c.owner == f"{factor.id}.{question.id}"]
        for condition in owned:
            assert f"Asked here: {flat(condition.name)}: asked and scored once, here" in shown
        assert shown.count("Asked here:") == len(owned)
        assert shown.count("Not asked here:") == len(question.see)


def test_the_framework_3_fields_in_json(run80, bundled):
    for factor, _, question in every_question(bundled):
        data = json.loads(run80("factors", f"{factor.id}.{question.id}", "-f", "json").stdout)
        q = data["question"]
        assert q["role"] == question.role and q["insider"] == question.insider
        assert q["applies_to"] == question.applies_to
        assert q["see"] == list(question.see)
        if question.purposes is None:
            assert q["purposes"] is None
        else:
            assert q["purposes"]["ids"] == list(question.purposes.ids)
        named = {c["id"] for c in data["conditions"]}
        assert set(question.see) <= named
        if question.applies_to:
            assert data["applicability"]["id"] == question.applies_to
    whole = json.loads(run80("factors", "-f", "json").stdout)
    assert [c["id"] for c in whole["conditions"]] == [c.id for c in bundled.conditions]
    assert [a["id"] for a in whole["applicability"]] == [a.id for a in bundled.applicability]
    assert [s["id"] for s in whole["case_scopes"]] == [s.id for s in bundled.case_scopes]


def test_a_risk_shows_its_applicability_and_conditions(run80, bundled):
    for risk in bundled.risks:
        shown = flat(run80("factors", risk.id).stdout)
        rule = bundled.applies(risk.applies_to)
        assert (f"Applicability ({risk.applies_to}):" in shown) == (rule is not None)
        assert shown.count("Not asked here:") == len(risk.see)
        owned = [c for c in bundled.conditions if c.owner == risk.id]
        assert shown.count("Asked here:") == len(owned)
