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
    block = alone[alone.index("2. Does the UN") : alone.index("The whole factor")].rstrip()
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
    result = run80("factors", "evasion")
    assert "(did you mean 'evasion_asset_flight' or 'evasion_routes'?)" in result.stderr
