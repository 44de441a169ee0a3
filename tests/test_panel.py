"""The panel model: medians, ranges, counts, the pooled outlook, disagreements, alpha, errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import MINI, examples, write
from panelkit import THREE, load_all, mini_text, write_panel
from sanctions_check import case, feedback, framework, panel, scoring
from sanctions_check.case import Answer, Case, CaseHeader, RiskAnswer
from sanctions_check.errors import InputError, UsageError
from sanctions_check.render import panel_view


@pytest.fixture
def three(tmp_path):
    fw, cases = load_all(write_panel(tmp_path, THREE))
    return panel.gather(fw, cases)


def question(result: panel.Panel, qid: str) -> panel.QuestionPanel:
    return next(q for q in result.questions if q.question_id == qid)


def test_medians_ranges_and_counts(three):
    a1, b1, g1, f1 = (question(three, q) for q in ("a1", "b1", "g1", "f1"))
    assert a1.answers == (4, 0, 2) and a1.median == 2 and (a1.low, a1.high, a1.spread) == (0, 4, 4)
    assert b1.numbers == (2, 2) and b1.median == 2 and b1.spread == 0 and b1.unknown == 1
    assert g1.median == 2 and g1.spread == 2
    assert f1.median == 2 and f1.spread == 4
    assert question(three, "a2").disagrees is False
    assert b1.disagrees  # same numbers, but one analyst said unknown
    assert a1.distribution == {
        "0": 1,
        "1": 0,
        "2": 1,
        "3": 0,
        "4": 1,
        "unknown": 0,
        "n/a": 0,
        "unanswered": 0,
    }


def test_pooled_outlook_is_the_median_case_scored(three):
    fw = three.framework
    median = three.median_case
    assert median.answer("alpha", "a1").score == 2
    assert median.answer("beta", "b1").score == 2  # unknown is counted, not pooled
    direct = scoring.assess(fw, median)
    assert three.pooled.outlook == direct.outlook
    # Every factor at 50 by hand: alpha 25*(1*2 + 3*2)/4, beta 25*(2+2)/2, gamma 25*2.
    assert three.pooled.outlook.score == pytest.approx(50)
    # The same median case written by hand as a file scores the same.
    by_hand = mini_text(
        "hand", {"a1": 2, "a2": 2, "b1": 2, "b2": 2, "g1": 2, "f1": 2}, case_id="mini-panel"
    )
    written = case.loads(by_hand, fw, "median.yaml")
    assert scoring.assess(fw, written).outlook.score == pytest.approx(three.pooled.outlook.score)


def test_each_analyst_keeps_an_own_outlook(three):
    scores = [m.assessment.outlook.score for m in three.members]
    # A: alpha 25*(4+6)/4 = 62.5, beta 50, gamma 25 -> (3*62.5 + 50 + 25)/5 = 52.5
    assert scores[0] == pytest.approx(52.5)
    assert [m.name for m in three.members] == ["Analyst A", "Analyst B", "Analyst C"]
    assert [m.key for m in three.members] == ["1", "2", "3"]


def test_disagreements_ranked_by_outlook_impact(three):
    ranked = three.disagreements
    assert [q.question_id for q in ranked] == ["a1", "g1", "b1", "f1"]
    a1, g1, b1, f1 = ranked
    # a1 from 0 to 4 moves alpha by 25 points; alpha weighs 3 of 5: 15 outlook points.
    assert a1.impact == pytest.approx(15)
    assert a1.outlook_at_low == pytest.approx(42.5) and a1.outlook_at_high == pytest.approx(57.5)
    # g1 from 1 to 3 moves gamma by 50 points; gamma weighs 1 of 5: 10 points.
    assert g1.impact == pytest.approx(10)
    assert b1.impact == 0 and f1.impact == 0 and f1.kind == "red_flag"


def test_impact_equals_rescoring_the_median_case(three):
    fw = three.framework
    for q in three.disagreements:
        if q.kind == "red_flag" or not q.spread:
            continue
        low = scoring.assess(
            fw, three.median_case.with_answer(q.factor_id, q.question_id, Answer(score=q.low))
        )
        high = scoring.assess(
            fw, three.median_case.with_answer(q.factor_id, q.question_id, Answer(score=q.high))
        )
        assert q.impact == pytest.approx(high.outlook.score - low.outlook.score)


def test_alpha_matches_the_reference(three):
    krippendorff = pytest.importorskip("krippendorff")
    np = pytest.importorskip("numpy")
    rows = [[v if isinstance(v, int) else np.nan for v in q.answers] for q in three.questions]
    expected = krippendorff.alpha(
        reliability_data=np.array(rows, dtype=float).T,
        level_of_measurement="ordinal",
        value_domain=[0, 1, 2, 3, 4],
    )
    assert three.agreement.alpha == pytest.approx(expected)
    assert three.agreement.units == 6 and three.agreement.coders == 3
    assert three.agreement.too_few is False


def test_even_panel_has_half_level_medians(tmp_path):
    four = {**THREE, "Analyst D": {"a1": 3, "a2": 3, "b1": 1, "b2": 2, "g1": 2, "f1": 1}}
    fw, cases = load_all(write_panel(tmp_path, four))
    result = panel.gather(fw, cases)
    a1, a2, b1 = (question(result, q) for q in ("a1", "a2", "b1"))
    assert a1.median == 2.5 and isinstance(a1.median, float)  # 0, 2, 3, 4
    assert a2.median == 2 and isinstance(a2.median, int)  # 2, 2, 2, 3
    assert b1.median == 2  # 2, 2, 1 (one unknown): an odd count of numbers
    assert result.median_case.answer("alpha", "a1").score == 2.5
    assert result.pooled.outlook == scoring.assess(fw, result.median_case).outlook


def _scoring_takes_real_levels() -> bool:
    fw = framework.load(MINI)
    one = Case(
        header=CaseHeader(id="probe", title="probe"),
        framework_ref=fw.ref,
        answers={"gamma": {"g1": Answer(score=2.5)}},
    )
    return scoring.assess(fw, one).factor("gamma").score is not None


@pytest.mark.skipif(
    not _scoring_takes_real_levels(), reason="scoring does not yet take real 0..4 answers"
)
def test_half_level_median_counts_as_answered(tmp_path):
    four = {**THREE, "Analyst D": {"a1": 3, "a2": 2, "b1": 2, "b2": 2, "g1": 2, "f1": 1}}
    fw, cases = load_all(write_panel(tmp_path, four))
    result = panel.gather(fw, cases)
    # a1 median 2.5, everything else 2: alpha = 25*(2.5 + 3*2)/4 = 53.125
    assert result.pooled.factor("alpha").score == pytest.approx(53.125)


def test_risks_pooled_the_same_way(tmp_path):
    fw, cases = load_all(
        [
            write(tmp_path / f"{n}.yaml", mini_text(n, {"a1": 1}, risks=r))
            for n, r in (
                ("A", {"harm": (1, 3), "evasion": (2, 2)}),
                ("B", {"harm": (3, 3)}),
                ("C", {"harm": (2, 4), "evasion": ("unknown", 3)}),
            )
        ]
    )
    result = panel.gather(fw, cases)
    harm = next(r for r in result.risks if r.id == "harm")
    assert harm.values == (3, 9, 8) and harm.spread == 6
    assert (harm.median_likelihood, harm.median_severity) == (2, 3)
    assert harm.pooled is not None and harm.pooled.value == 6
    evasion = next(r for r in result.risks if r.id == "evasion")
    assert evasion.likelihoods == (2, None, "unknown") and evasion.median_likelihood == 2
    assert result.median_case.risk("evasion") == RiskAnswer(likelihood=2, severity=2.5)


def test_not_applicable_is_counted_not_pooled():
    fw = framework.load(MINI)

    def one(name: str, g1: object, a1: object) -> Case:
        return Case(
            header=CaseHeader(id="x", title="x", analyst=name),
            framework_ref=fw.ref,
            answers={"gamma": {"g1": Answer(score=g1)}, "alpha": {"a1": Answer(score=a1)}},
            source=f"{name}.yaml",
        )

    result = panel.gather(fw, [one("A", "n/a", "n/a"), one("B", 3, "n/a"), one("C", 1, None)])
    g1, a1 = question(result, "g1"), question(result, "a1")
    assert g1.not_applicable == 1 and g1.median == 2 and g1.spread == 2
    assert a1.not_applicable == 2 and a1.unanswered == 1 and a1.median is None
    assert result.median_case.answer("alpha", "a1").score == "n/a"  # every answer given was n/a
    assert result.median_case.answer("beta", "b1").score is None  # nobody answered


def test_pooled_answer_rules():
    assert panel._pooled([None, None]) is None
    assert panel._pooled(["unknown", "n/a"]) == "unknown"
    assert panel._pooled(["n/a", None]) == "n/a"
    assert panel._pooled([1, "unknown", 4]) == 2.5
    assert panel._pooled([1, 2, 4]) == 2


def test_a_single_file_is_refused(tmp_path):
    fw, cases = load_all(write_panel(tmp_path, {"Analyst A": THREE["Analyst A"]}))
    with pytest.raises(UsageError, match=r"at least two case files.*analyst-a\.yaml"):
        panel.gather(fw, cases)


def test_different_cases_are_refused_with_a_hint(tmp_path):
    paths = write_panel(tmp_path / "one", THREE)
    paths.append(
        write(tmp_path / "other.yaml", mini_text("Analyst Z", {"a1": 1}, case_id="another"))
    )
    fw, cases = load_all(paths)
    with pytest.raises(UsageError) as caught:
        panel.gather(fw, cases)
    message = str(caught.value)
    assert "another: " in message and "other.yaml" in message and "mini-panel: " in message
    assert "--case ID" in message
    chosen = panel.gather(fw, cases, "mini-panel")
    assert len(chosen.members) == 3
    with pytest.raises(UsageError, match=r"no file assesses case 'nope'.*another, mini-panel"):
        panel.gather(fw, cases, "nope")
    with pytest.raises(UsageError, match="at least two"):
        panel.gather(fw, cases, "another")


def test_the_same_analyst_twice_is_refused(tmp_path):
    paths = write_panel(tmp_path, THREE)
    paths.append(write(tmp_path / "again.yaml", mini_text("  analyst   a ", {"a1": 3})))
    fw, cases = load_all(paths)
    with pytest.raises(InputError) as caught:
        panel.gather(fw, cases)
    (problem,) = caught.value.problems
    assert problem.file.endswith("again.yaml") and problem.field == "case.analyst"
    assert "analyst-a.yaml" in problem.message


def test_files_without_an_analyst_are_named_by_file(tmp_path):
    paths = [
        write(tmp_path / "x" / "same.yaml", mini_text(None, {"a1": 1})),
        write(tmp_path / "y" / "same.yaml", mini_text(None, {"a1": 3})),
        write(tmp_path / "z.yaml", mini_text(None, {"a1": 2})),
    ]
    fw, cases = load_all(paths)
    names = [m.name for m in panel.gather(fw, cases).members]
    assert names == [str(paths[0]), str(paths[1]), "z.yaml"]


def test_different_framework_versions_warn_naming_the_questions(tmp_path):
    paths = write_panel(tmp_path, {k: THREE[k] for k in ("Analyst A", "Analyst B")})
    old = mini_text("Analyst O", {"a1": 2}, ref="mini@1")  # an older version: a1 only
    paths.append(write(tmp_path / "old.yaml", old))
    fw, cases = load_all(paths)
    result = panel.gather(fw, cases)
    assert result.versions is not None
    assert [ref for ref, _ in result.versions.files] == ["mini@1", "mini@2"]
    (warning,) = panel_view.build(result).warnings
    assert "mini@1: " in warning and "old.yaml" in warning and "mini@2: " in warning
    assert "questions that differ: alpha.a2, beta.b1, beta.b2, gamma.g1, flag.f1" in warning


def test_one_version_gives_no_warning(three):
    assert three.versions is None and panel_view.build(three).warnings == ()


answer_values = st.one_of(st.none(), st.just("unknown"), st.integers(0, 4))
QUESTIONS = ("a1", "a2", "b1", "b2", "g1", "f1")


@settings(max_examples=examples(60), deadline=None)
@given(
    st.lists(st.fixed_dictionaries({q: answer_values for q in QUESTIONS}), min_size=2, max_size=6)
)
def test_any_panel_pools_consistently(members):
    fw = framework.load(MINI)
    cases = []
    for i, scores in enumerate(members):
        text = mini_text(f"Analyst {i}", {q: v for q, v in scores.items() if v is not None})
        cases.append(case.loads(text, fw, f"analyst-{i}.yaml"))
    result = panel.gather(fw, cases)
    assert result.pooled.outlook == scoring.assess(fw, result.median_case).outlook
    for q in result.questions:
        if q.numbers:
            assert q.low <= q.median <= q.high and q.spread == q.high - q.low
        assert q.impact >= 0
        assert q.unknown + q.unanswered + len(q.numbers) == len(members)
    for member in result.members:
        text = mini_text(
            member.name, {q: v for q, v in members[int(member.key) - 1].items() if v is not None}
        )
        annotated = feedback.annotate(text, result, member)
        assert case.loads(annotated, fw, "x").answers == member.case.answers
