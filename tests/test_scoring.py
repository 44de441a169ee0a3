"""Scoring arithmetic, pinned on tests/data/mini-framework.yaml and computed by hand.

mini: alpha (core, weight 3; a1 w1, a2 w3), beta (core, weight 1; b1 w1, b2 w1),
gamma (secondary, weight 1; g1 w1), flag (red flag; f1). Bands: low 0, guarded 35,
moderate 50, favourable 70. Gate: any core factor below 25 caps at guarded.
"""

from __future__ import annotations

import pytest

from helpers import MINI
from sanctions_check import framework as framework_mod
from sanctions_check.case import Answer, Case, CaseHeader, RiskAnswer
from sanctions_check.scoring import assess, score_factor, whole


@pytest.fixture(scope="module")
def fw():
    return framework_mod.load(MINI)


def make(answers: dict[str, dict[str, object]], risks: dict[str, RiskAnswer] | None = None):
    built = {
        fid: {
            qid: value if isinstance(value, Answer) else Answer(score=value)  # type: ignore[arg-type]  # test values
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


def test_unknown_counts_as_the_midpoint_and_widens_the_range(fw):
    result = score_factor(fw.factor("alpha"), make({"alpha": {"a1": 0, "a2": "unknown"}}))
    assert result.score == pytest.approx(25 * (1 * 0 + 3 * 2) / 4)  # a2 at 2: 37.5
    assert result.low == pytest.approx(0.0)  # a2 as 0
    assert result.high == pytest.approx(25 * (3 * 4) / 4)  # a2 as 4: 75
    assert result.coverage == pytest.approx(0.25)
    assert (result.answered, result.unknown, result.unanswered) == (1, 1, 0)
    empty = score_factor(fw.factor("beta"), make({}))
    assert empty.score == pytest.approx(50.0) and not empty.assessed
    assert (empty.low, empty.high, empty.coverage) == (0.0, 100.0, 0.0)
    assert empty.unanswered == 2


def test_answering_at_the_midpoint_leaves_the_point_outlook_unchanged(fw):
    open_case = assess(fw, make({"alpha": {"a1": 4}}))
    midpoint = assess(fw, make({"alpha": {"a1": 4, "a2": 2}, "beta": {"b1": 2}}))
    assert midpoint.outlook.score == pytest.approx(open_case.outlook.score)
    assert midpoint.outlook.low > open_case.outlook.low  # the range narrows instead


def test_half_levels_from_a_panel_count_as_answered(fw):
    result = score_factor(fw.factor("beta"), make({"beta": {"b1": 2.5, "b2": 1.5}}))
    assert result.score == pytest.approx(50.0) and result.answered == 2 and result.coverage == 1


def test_not_applicable_leaves_the_question_out_of_its_factor(fw):
    result = score_factor(fw.factor("alpha"), make({"alpha": {"a1": 4, "a2": Answer("n/a")}}))
    assert result.score == pytest.approx(100.0) and result.coverage == 1.0
    assert (result.not_applicable, result.questions) == (1, 1)
    gamma = assess(fw, make({"gamma": {"g1": Answer("n/a", note="No such measure.")}}))
    assert gamma.factor("gamma").score is None
    assert gamma.outlook.not_applicable == ("gamma",)
    # beta and alpha unanswered (50, w3+w1) without gamma: 50
    assert gamma.outlook.score == pytest.approx(50.0)
    assert [(n.question_id, n.note) for n in gamma.not_applicable] == [("g1", "No such measure.")]


def test_outlook_weighted_mean_range_coverage_and_unresolved_gate(fw):
    result = assess(fw, make({"alpha": {"a1": 4, "a2": 2}, "beta": {"b1": 0, "b2": "unknown"}}))
    o = result.outlook
    # alpha 62.5 (w3); beta (0 + 2)/2 = 25 (w1), range 0-50; gamma unanswered 50 (w1), 0-100
    assert o.score == pytest.approx((3 * 62.5 + 25 + 50) / 5)  # 52.5
    assert o.low == pytest.approx((187.5 + 0 + 0) / 5)  # 37.5
    assert o.high == pytest.approx((187.5 + 50 + 100) / 5)  # 67.5
    assert o.coverage == pytest.approx((3 * 1 + 1 * 0.5 + 1 * 0) / 5)
    assert o.band.id == "moderate" and not o.capped
    assert o.gates == ()  # beta's point score is 25, not below the gate
    assert [(g.factor_id, g.status) for g in o.unresolved_gates] == [("beta", "unresolved")]
    # low end: 37.5 guarded, and capped at guarded anyway; high end 67.5 moderate
    assert (o.band_low.id, o.band_high.id) == ("guarded", "moderate")
    assert [(lim.factor_id, lim.reason) for lim in o.limits] == [("beta", "weakest")]
    assert ("gate-unresolved", "beta", None) in {
        (g.kind, g.factor_id, g.question_id) for g in result.gaps
    }


def test_gate_caps_a_high_outlook_and_the_lever_that_lifts_it(fw):
    result = assess(
        fw, make({"alpha": {"a1": 4, "a2": 4}, "beta": {"b1": 0, "b2": 1}, "gamma": {"g1": 4}})
    )
    # (3*100 + 1*12.5 + 1*100) / 5 = 82.5 -> favourable, capped at guarded by beta (12.5)
    assert result.outlook.score == pytest.approx(82.5)
    assert result.outlook.uncapped_band.id == "favourable"
    assert result.outlook.band.id == "guarded" and result.outlook.capped
    assert [g.factor_id for g in result.outlook.gates] == ["beta"]
    assert [(lim.factor_id, lim.reason) for lim in result.outlook.limits] == [("beta", "gate")]
    # b1 0 -> 4: beta 62.5, no gate left, outlook 92.5: favourable. b2 1 -> 4: beta 37.5, too.
    assert {lv.question_id for lv in result.levers if lv.lifts_cap} == {"b1", "b2"}
    assert result.levers[0].factor_id == "beta"
    assert result.levers[0].gain == pytest.approx(25 * 4 / 2 / 5)  # 10 outlook points


def test_lever_does_not_claim_to_lift_the_cap_while_another_gate_binds(fw):
    # alpha a1 0, a2 0 -> 0; beta 0, 0 -> 0: two closed gates. Raising one beta answer to 4
    # gives beta 50, yet alpha's gate still caps the band: no lever lifts the cap.
    result = assess(fw, make({"alpha": {"a1": 0, "a2": 0}, "beta": {"b1": 0, "b2": 0}}))
    assert {g.factor_id for g in result.outlook.gates} == {"alpha", "beta"}
    assert not any(lv.lifts_cap for lv in result.levers)


def test_lever_does_not_claim_to_lift_a_cap_that_does_not_bind(fw):
    # beta 0 closes the gate (cap guarded) but the outlook is Low already: nothing is lifted
    result = assess(fw, make({"alpha": {"a1": 1, "a2": 1}, "beta": {"b1": 0, "b2": 0}}))
    assert result.outlook.band.id == "low" and not result.outlook.capped
    assert not any(lv.lifts_cap for lv in result.levers)


def test_unassessed_core_factor_is_named_first_and_earns_no_better_band(fw):
    left_open = assess(fw, make({"alpha": {"a1": 4, "a2": 4}, "gamma": {"g1": 4}}))
    midpoint = assess(
        fw, make({"alpha": {"a1": 4, "a2": 4}, "beta": {"b1": 2, "b2": 2}, "gamma": {"g1": 4}})
    )
    assert left_open.outlook.limits[0].factor_id == "beta"
    assert left_open.outlook.limits[0].reason == "not-assessed"
    assert left_open.outlook.withheld is not None
    assert left_open.outlook.withheld.reasons == ("uninformed-core",)
    assert left_open.outlook.withheld.uninformed_core == ("beta",)
    assert left_open.outlook.score == pytest.approx(midpoint.outlook.score)
    # The same point, but no band until beta has an informative answer.
    assert left_open.outlook.band is None and midpoint.outlook.band is not None


def test_without_gate_the_weakest_core_factor_limits(fw):
    result = assess(fw, make({"alpha": {"a1": 2, "a2": 2}, "beta": {"b1": 3, "b2": 3}}))
    assert result.outlook.gates == ()
    assert [limit.factor_id for limit in result.outlook.limits] == ["alpha"]
    # (3*50 + 75 + 50 for gamma unanswered)/5 = 55
    assert result.outlook.score == pytest.approx(55.0)
    assert result.outlook.band.id == "moderate"


def test_levers_rank_by_exact_outlook_gain(fw):
    result = assess(fw, make({"alpha": {"a1": 2, "a2": 2}, "beta": {"b1": 3, "b2": 3}}))
    gains = {(lv.factor_id, lv.question_id): lv.gain for lv in result.levers}
    # raising a2 (w3 of 4 in alpha) from 2 to 4: alpha +37.5, outlook +3*37.5/5
    assert gains[("alpha", "a2")] == pytest.approx(3 * 37.5 / 5)
    assert gains[("alpha", "a1")] == pytest.approx(3 * 12.5 / 5)
    assert gains[("beta", "b1")] == pytest.approx(1 * 12.5 / 5)
    assert result.levers[0].question_id == "a2"
    assert [lv.gain for lv in result.levers] == sorted(
        (lv.gain for lv in result.levers), reverse=True
    )
    assert result.levers[0].advice == "Raise a2."


def test_strength_needs_half_its_questions_answered_and_is_never_a_limit(fw):
    # beta: b1 4, b2 unknown -> (4+2)/2 = 75, half answered: a strength.
    result = assess(fw, make({"alpha": {"a1": 4, "a2": 4}, "beta": {"b1": 4, "b2": "unknown"}}))
    assert [s.id for s in result.strengths] == ["alpha", "beta"] or [
        s.id for s in result.strengths
    ] == ["alpha"]
    limits = {lim.factor_id for lim in result.outlook.limits}
    assert not limits & {s.id for s in result.strengths}
    # alpha a2 4 alone (a1 unanswered): 25*(3*4 + 2)/4 = 87.5, one of two answered: half
    one = assess(fw, make({"alpha": {"a2": 4}, "beta": {"b1": 2, "b2": 2}}))
    assert [s.id for s in one.strengths] == ["alpha"]
    assert [lim.factor_id for lim in one.outlook.limits] == ["beta"]
    # beta alone at 4 is the weakest assessed core factor when alpha is not assessed: a limit,
    # so never a strength as well
    only = assess(fw, make({"beta": {"b1": 4, "b2": 4}}))
    assert [lim.factor_id for lim in only.outlook.limits] == ["alpha", "beta"]
    assert only.strengths == ()


def test_red_flags_are_listed_but_never_averaged(fw):
    base = {"alpha": {"a1": 2, "a2": 2}, "beta": {"b1": 2, "b2": 2}}
    plain = assess(fw, make(base))
    flagged = assess(fw, make({**base, "flag": {"f1": 3}}))
    assert flagged.outlook.score == plain.outlook.score == pytest.approx(50.0)
    assert [f.factor_id for f in flagged.raised_flags] == ["flag"]
    assert flagged.raised_flags[0].score == pytest.approx(75.0)
    assert flagged.raised_flags[0].advice == ("Plan for the flag.",)
    below = assess(fw, make({**base, "flag": {"f1": 1}}))
    assert below.raised_flags == () and below.open_flags == ()
    assert [f.status for f in below.red_flags] == ["clear"]
    unassessed = assess(fw, make(base))
    assert [f.status for f in unassessed.red_flags] == ["not-assessed"]


def test_rated_risks_rank_by_value_and_an_open_one_is_never_the_top_risk(fw):
    risks = {"harm": RiskAnswer(2, 2, "aid exemptions"), "evasion": RiskAnswer(3, 4)}
    result = assess(fw, make({}, risks))
    assert [(r.id, r.value, r.band_id) for r in result.risks] == [
        ("evasion", 12, "high"),
        ("harm", 4, "medium"),
    ]
    assert result.risks[1].mitigation == "aid exemptions"
    assert result.risks[1].mitigations == ("Exempt aid.",)
    open_side = assess(
        fw, make({}, {"harm": RiskAnswer(4, "unknown"), "evasion": RiskAnswer(3, 3)})
    )
    # harm could reach 16, above evasion's 9, but it is open: the top risk is the rated one.
    assert open_side.top_risk is not None and open_side.top_risk.id == "evasion"
    assert [r.id for r in open_side.open_risks] == ["harm"]
    harm = open_side.open_risks[0]
    assert (harm.id, harm.value, harm.low, harm.high) == ("harm", None, 0, 16)
    assert harm.reach_label == "High"
    assert [g.question_id for g in open_side.gaps if g.kind == "risk-open"] == ["harm"]


def test_a_risk_left_out_reads_as_one_rated_unknown_on_both_sides(fw):
    left_out = assess(fw, make({}, {"evasion": RiskAnswer(3, 3)}))
    unknown = assess(
        fw, make({}, {"evasion": RiskAnswer(3, 3), "harm": RiskAnswer("unknown", "unknown")})
    )
    for result in (left_out, unknown):
        harm = next(r for r in result.open_risks if r.id == "harm")
        assert (harm.value, harm.low, harm.high, harm.reach_label) == (None, 0, 16, "High")
        assert [g.question_id for g in result.gaps if g.kind == "risk-open"] == ["harm"]
        assert result.top_risk is not None and result.top_risk.id == "evasion"
    nothing = assess(fw, make({}, {"harm": RiskAnswer("unknown", "unknown")}))
    assert nothing.top_risk is None and len(nothing.open_risks) == len(fw.risks)


def test_gaps_list_unknown_unanswered_low_confidence_and_count_the_rest(fw):
    result = assess(
        fw, make({"alpha": {"a1": Answer(3, "low"), "a2": "unknown"}, "gamma": {"g1": 2}})
    )
    kinds = {(g.kind, g.factor_id, g.question_id) for g in result.gaps}
    assert ("low-confidence", "alpha", "a1") in kinds
    assert ("unknown", "alpha", "a2") in kinds
    assert ("unanswered", "beta", "b1") in kinds
    assert ("gate-unresolved", "beta", None) in kinds
    assert result.confidence_not_stated == 1  # g1


def test_nothing_answered_scores_the_midpoint_with_the_full_range(fw):
    result = assess(fw, make({}))
    assert result.outlook.score == pytest.approx(50.0)
    assert (result.outlook.low, result.outlook.high, result.outlook.coverage) == (0, 100, 0)
    assert result.outlook.band is None and result.outlook.withheld is not None
    assert result.outlook.withheld.reasons == ("coverage", "uninformed-core")
    assert result.levers == ()
    assert [lim.reason for lim in result.outlook.limits] == ["not-assessed", "not-assessed"]


def test_whole_rounds_half_up():
    assert [whole(x) for x in (0.5, 1.5, 2.5, 22.5, 49.49, -0.5)] == [1, 2, 3, 23, 49, 0]


def test_scoring_is_deterministic(fw):
    case = make({"alpha": {"a1": 1, "a2": 3}, "beta": {"b1": 2}, "gamma": {"g1": 0}})
    assert assess(fw, case) == assess(fw, case)


def test_a_question_with_its_own_neutral_value_counts_as_it(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace(
        "        advice: Raise b1.\n",
        "        advice: Raise b1.\n        neutral: {value: 1, reason: A stated reason.}\n",
        1,
    )
    path = tmp_path / "neutral.yaml"
    path.write_text(text, encoding="utf-8")
    own = framework_mod.load(path)
    result = score_factor(own.factor("beta"), make({"beta": {"b1": "unknown", "b2": 3}}))
    assert result.score == pytest.approx(25 * (1 + 3) / 2)  # b1 at its own neutral value, 1
    assert (result.low, result.high) == (pytest.approx(37.5), pytest.approx(87.5))
    same = score_factor(own.factor("beta"), make({"beta": {"b1": 1, "b2": 3}}))
    assert same.score == pytest.approx(result.score)  # answering at the neutral value: no change


def test_bands_are_decided_on_the_exact_score_as_the_whole_number_printed():
    """The bundled edges sit at the midpoints between anchor levels (37.5, 62.5, 87.5): a score of
    62.5 prints 63 and is Moderate, 62.49 prints 62 and is Guarded; a case answered at the
    midpoint throughout (50) is Guarded, whose words say mixed."""
    from sanctions_check import framework as framework_mod
    from sanctions_check.scoring import band_for

    fw = framework_mod.load()
    assert [b.min for b in fw.bands] == [0, 37.5, 62.5, 87.5]
    assert band_for(fw, 62.5).id == "moderate" and whole(62.5) == 63
    assert band_for(fw, 62.49).id == "guarded" and whole(62.49) == 62
    assert band_for(fw, 37.5).id == "guarded" and band_for(fw, 37.49).id == "low"
    assert band_for(fw, 87.5).id == "favourable" and band_for(fw, 87.49).id == "moderate"
    middle = band_for(fw, 50.0)
    assert middle.id == "guarded" and "mixed" in middle.meaning
