"""Scoring arithmetic, pinned on tests/data/mini-framework.yaml and computed by hand.

mini: alpha (core, weight 3; a1 w1, a2 w3), beta (core, weight 1; b1 w1, b2 w1),
gamma (secondary, weight 1; g1 w1), flag (red flag; f1). Bands: low 0, guarded 35,
moderate 50, favourable 70. Gate: any core factor below 25 caps at guarded.
"""

from __future__ import annotations

import pytest

from conftest import MINI
from sanctions_check import framework as framework_mod
from sanctions_check.case import Answer, Case, CaseHeader, RiskAnswer
from sanctions_check.scoring import assess, score_factor


@pytest.fixture(scope="module")
def fw():
    return framework_mod.load(MINI)


def make(answers: dict[str, dict[str, object]], risks: dict[str, RiskAnswer] | None = None):
    built = {
        fid: {
            qid: value if isinstance(value, Answer) else Answer(score=value)  # type: ignore[arg-type]
            for qid, value in qs.items()
        }
        for fid, qs in answers.items()
    }
    return Case(CaseHeader("t", "T"), "mini@2", built, risks or {})


def test_factor_score_is_weighted_mean_of_answered_questions(fw):
    result = score_factor(fw.factor("alpha"), make({"alpha": {"a1": 4, "a2": 2}}))
    # (1*4 + 3*2) / 4 = 2.5 levels = 62.5
    assert result.score == pytest.approx(62.5)
    assert result.low == result.high == pytest.approx(62.5)
    assert result.coverage == 1.0
    assert (result.answered, result.unknown, result.unanswered) == (2, 0, 0)


def test_unknown_and_unanswered_widen_the_range_instead_of_counting_as_zero(fw):
    result = score_factor(fw.factor("alpha"), make({"alpha": {"a1": 2, "a2": "unknown"}}))
    assert result.score == pytest.approx(50.0)  # only a1 answered: 2 levels
    assert result.low == pytest.approx(25 * (1 * 2) / 4)  # a2 as 0: 12.5
    assert result.high == pytest.approx(25 * (1 * 2 + 3 * 4) / 4)  # a2 as 4: 87.5
    assert result.coverage == pytest.approx(0.25)
    assert (result.answered, result.unknown, result.unanswered) == (1, 1, 0)
    empty = score_factor(fw.factor("beta"), make({}))
    assert empty.score is None
    assert (empty.low, empty.high, empty.coverage) == (0.0, 100.0, 0.0)
    assert empty.unanswered == 2


def test_outlook_weighted_mean_range_coverage_and_gate(fw):
    result = assess(fw, make({"alpha": {"a1": 4, "a2": 2}, "beta": {"b1": 0, "b2": "unknown"}}))
    o = result.outlook
    # alpha 62.5 (w3), beta 0 (w1); gamma unanswered (w1) leaves the point estimate alone
    assert o.score == pytest.approx((3 * 62.5 + 1 * 0) / 4)  # 46.875
    # range: beta 0..50, gamma 0..100 -> (187.5 + 0 + 0)/5 .. (187.5 + 50 + 100)/5
    assert o.low == pytest.approx(37.5)
    assert o.high == pytest.approx(67.5)
    assert o.coverage == pytest.approx((3 * 1 + 1 * 0.5 + 1 * 0) / 5)
    assert o.uncapped_band.id == "guarded"
    assert [g.factor_id for g in o.gates] == ["beta"]
    assert o.band.id == "guarded"
    assert [limit.factor_id for limit in o.limits] == ["beta"]
    assert "capped" in o.limits[0].why


def test_gate_caps_a_high_outlook(fw):
    result = assess(
        fw, make({"alpha": {"a1": 4, "a2": 4}, "beta": {"b1": 0, "b2": 1}, "gamma": {"g1": 4}})
    )
    # (3*100 + 1*12.5 + 1*100) / 5 = 82.5 -> favourable, capped at guarded by beta (12.5)
    assert result.outlook.score == pytest.approx(82.5)
    assert result.outlook.uncapped_band.id == "favourable"
    assert result.outlook.band.id == "guarded"
    assert result.levers[0].factor_id == "beta" and result.levers[0].lifts_gate


def test_without_gate_the_weakest_core_factor_limits(fw):
    result = assess(fw, make({"alpha": {"a1": 2, "a2": 2}, "beta": {"b1": 3, "b2": 3}}))
    assert result.outlook.gates == ()
    assert [limit.factor_id for limit in result.outlook.limits] == ["alpha"]
    assert result.outlook.band.id == "moderate"  # (3*50 + 75)/4 = 56.25
    assert result.outlook.score == pytest.approx(56.25)


def test_levers_rank_by_exact_outlook_gain(fw):
    result = assess(fw, make({"alpha": {"a1": 2, "a2": 2}, "beta": {"b1": 3, "b2": 3}}))
    gains = {(lv.factor_id, lv.question_id): lv.gain for lv in result.levers}
    # raising a2 (w3 of 4 in alpha) from 2 to 4: alpha +37.5, outlook +3*37.5/4
    assert gains[("alpha", "a2")] == pytest.approx(3 * 37.5 / 4)
    assert gains[("alpha", "a1")] == pytest.approx(3 * 12.5 / 4)
    assert gains[("beta", "b1")] == pytest.approx(1 * 12.5 / 4)
    assert result.levers[0].question_id == "a2"
    assert [lv.gain for lv in result.levers] == sorted(
        (lv.gain for lv in result.levers), reverse=True
    )
    assert result.levers[0].advice == "Raise a2."


def test_red_flags_are_listed_but_never_averaged(fw):
    base = {"alpha": {"a1": 2, "a2": 2}, "beta": {"b1": 2, "b2": 2}}
    plain = assess(fw, make(base))
    flagged = assess(fw, make({**base, "flag": {"f1": 3}}))
    assert flagged.outlook.score == plain.outlook.score == pytest.approx(50.0)
    assert [f.factor_id for f in flagged.red_flags] == ["flag"]
    assert flagged.red_flags[0].score == pytest.approx(75.0)
    assert flagged.red_flags[0].advice == ("Plan for the flag.",)
    below = assess(fw, make({**base, "flag": {"f1": 1}}))
    assert below.red_flags == ()


def test_risks_are_likelihood_times_severity_ranked_and_banded(fw):
    risks = {"harm": RiskAnswer(2, 2, "aid exemptions"), "evasion": RiskAnswer(3, 4)}
    result = assess(fw, make({}, risks))
    assert [(r.id, r.value, r.band_id) for r in result.risks] == [
        ("evasion", 12, "high"),
        ("harm", 4, "medium"),
    ]
    assert result.risks[1].mitigation == "aid exemptions"
    assert result.risks[1].mitigations == ("Exempt aid.",)
    unrated = assess(fw, make({}, {"harm": RiskAnswer("unknown", 3)}))
    assert unrated.risks[0].value is None
    assert any(g.kind == "risk-unrated" for g in unrated.gaps)


def test_gaps_list_unknown_unanswered_and_low_confidence(fw):
    result = assess(fw, make({"alpha": {"a1": Answer(3, "low"), "a2": "unknown"}}))
    kinds = {(g.kind, g.factor_id, g.question_id) for g in result.gaps}
    assert ("low-confidence", "alpha", "a1") in kinds
    assert ("unknown", "alpha", "a2") in kinds
    assert ("unanswered", "beta", "b1") in kinds
    assert ("gate-unchecked", "beta", None) in kinds


def test_nothing_answered_gives_no_score_but_a_full_range(fw):
    result = assess(fw, make({}))
    assert result.outlook.score is None and result.outlook.band is None
    assert (result.outlook.low, result.outlook.high, result.outlook.coverage) == (0, 100, 0)
    assert result.levers == () and result.outlook.limits == ()


def test_scoring_is_deterministic(fw):
    case = make({"alpha": {"a1": 1, "a2": 3}, "beta": {"b1": 2}, "gamma": {"g1": 0}})
    assert assess(fw, case) == assess(fw, case)
