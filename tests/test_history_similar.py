"""Historical analogues: the distance checked by hand on a fictional mini library.

The mini framework (tests/data/mini-framework.yaml) weighs Alpha 3 (a1 weight 1, a2 weight 3),
Beta 1 (b1, b2 weight 1 each) and Gamma 1 (g1); the red flag weighs 0. The probe answers
a1=4, a2=2, b1=3, b2=unknown, g1=1.
"""

from __future__ import annotations

import json

import pytest

from helpers import DATA, MINI
from sanctions_check import analogues, history, serialise
from sanctions_check import case as case_mod
from sanctions_check import framework as framework_mod
from sanctions_check.render import similar_view
from sanctions_check.scoring import assess

LIBRARY = DATA / "history" / "library"
PROBE = LIBRARY / "probe.yaml"


def changed(obj, **fields):
    """A copy of a model object with some fields changed."""
    return obj._replace(**fields)


@pytest.fixture(scope="module")
def fw():
    return framework_mod.load(MINI)


@pytest.fixture(scope="module")
def library(fw):
    found = history.load([str(LIBRARY)], fw, 1 << 20)
    assert not found.problems
    return found.assessments


@pytest.fixture(scope="module")
def probe(fw):
    return assess(fw, case_mod.load(PROBE, fw))


@pytest.fixture(scope="module")
def result(probe, library):
    return analogues.similar(probe, library)


def by_id(result, case_id):
    return next(a for a in result.analogues if a.case_id == case_id)


def test_alpha_by_hand(result):
    # Alpha: a1 and a2 shared: probe (1*4 + 3*2)/4*25 = 62.5, alpha (1*3 + 3*2)/4*25 = 56.25,
    # d = 6.25, overlap 4/4. Beta: b1 only (the probe's b2 is unknown): 75 against 25, d = 50,
    # overlap 1/2. Gamma: alpha's g1 is unknown, not compared.
    # distance = (3*1*6.25 + 1*0.5*50) / (3*1 + 1*0.5) = 43.75 / 3.5 = 12.5; overlap 3.5/5.
    a = by_id(result, "h-alpha")
    assert a.distance == pytest.approx(12.5)
    assert a.overlap == pytest.approx(0.7)
    assert not a.weak
    assert [(f.factor_id, f.this, f.other, f.shared) for f in a.compared] == [
        ("alpha", 62.5, 56.25, 2),
        ("beta", 75.0, 25.0, 1),
    ]
    assert [f.factor_id for f in a.differs_most] == ["beta", "alpha"]
    assert a.verdict == "effective"
    assert a.outcome is not None and a.outcome.sources == ("FICT",)


def test_beta_by_hand_with_not_applicable(result):
    # Alpha: a2 is n/a in beta, so only a1: 100 against 0, d = 100, overlap 1/4.
    # Beta: b1: 75 against 100, d = 25, overlap 1/2. Gamma: 25 against 50, d = 25, overlap 1.
    # distance = (0.75*100 + 0.5*25 + 1*25) / 2.25 = 50; overlap 2.25/5 = 0.45 < 0.5: weak.
    b = by_id(result, "h-beta")
    assert b.distance == pytest.approx(50.0)
    assert b.overlap == pytest.approx(0.45)
    assert b.weak
    # Beta and Gamma differ by 25 each and weigh the same: the framework's order breaks the tie.
    assert [f.factor_id for f in b.differs_most] == ["alpha", "beta", "gamma"]


def test_same_answers_are_at_distance_zero(result):
    d = by_id(result, "h-delta")  # a1, a2, b1, g1 as the probe; the red flag does not count
    assert d.distance == 0.0
    assert d.overlap == pytest.approx(0.9)
    assert d.differs_most == ()
    assert d.verdict == "unclear"


def test_ranking_puts_weak_analogues_after_the_others(result):
    # gamma shares only b1 (overlap 0.5/5 = 0.1) at distance 0, yet ranks after alpha at 12.5.
    assert [a.case_id for a in result.analogues] == ["h-delta", "h-alpha", "h-gamma", "h-beta"]
    assert by_id(result, "h-gamma").overlap == pytest.approx(0.1)
    assert [a.case_id for a in result.strong] == ["h-delta", "h-alpha"]


def test_itself_and_hypothetical_cases_are_left_out(result):
    assert {(e.case_id, e.reason) for e in result.excluded} == {
        ("h-probe", analogues.SELF),
        ("h-hypo", analogues.HYPOTHETICAL),
    }
    assert [a.case_id for a in result.not_comparable] == ["h-apart"]  # b2 only: unknown here
    assert result.library_size == 7


def test_the_same_id_in_another_file_is_the_case_itself(fw, probe, library):
    copy = changed(probe, case=changed(probe.case, source="elsewhere/probe-copy.yaml"))
    result = analogues.similar(copy, library)
    assert ("h-probe", analogues.SELF) in {(e.case_id, e.reason) for e in result.excluded}


def test_the_same_file_under_another_id_is_the_case_itself(fw, probe, library):
    renamed = changed(probe.case, header=changed(probe.case.header, id="renamed"))
    result = analogues.similar(assess(fw, renamed), library)
    assert "h-probe" in {e.case_id for e in result.excluded if e.reason == analogues.SELF}


def test_answered_share_is_the_overlap_with_itself(fw, result):
    # Alpha 3*1 + Beta 1*0.5 (b2 unknown) + Gamma 1*1 = 4.5 of 5.
    assert result.answered == pytest.approx(0.9)
    assert not result.weak
    assert result.threshold == fw.min_coverage == 0.5


def test_a_case_with_few_answers_says_its_analogues_are_weak(fw, library):
    sparse = case_mod.loads(
        "format: sanctions-check/case@1\ncase: {id: sparse, title: FICTIONAL sparse case}\n"
        "framework: mini@2\nanswers:\n  alpha:\n    a1: 2\n    a2: unknown\n",
        fw,
        "sparse.yaml",
    )
    result = analogues.similar(assess(fw, sparse), library)
    assert result.answered == pytest.approx(3 * 0.25 / 5)
    assert result.weak
    assert result.analogues and all(a.weak for a in result.analogues)
    assert result.strong == ()


def test_unknowns_never_make_cases_alike(fw, library):
    unknown = case_mod.loads(
        "format: sanctions-check/case@1\ncase: {id: blank, title: FICTIONAL blank case}\n"
        "framework: mini@2\nanswers:\n  alpha: {a1: unknown, a2: unknown}\n"
        "  beta: {b1: unknown, b2: unknown}\n  gamma: {g1: unknown}\n",
        fw,
        "blank.yaml",
    )
    result = analogues.similar(assess(fw, unknown), library)
    assert result.answered == 0 and result.weak
    assert result.analogues == ()
    assert len(result.not_comparable) == 6  # every real case, the probe included


def test_pooled_half_levels_count_as_answers(fw, probe, library):
    # A pooled panel's median may fall between two levels.
    pooled = probe.case.with_answer("beta", "b2", case_mod.Answer(score=2.5))
    result = analogues.similar(assess(fw, pooled), library)
    beta = next(f for f in by_id(result, "h-alpha").compared if f.factor_id == "beta")
    # b1 and b2 shared now: (3 + 2.5)/2*25 = 68.75 against (1 + 4)/2*25 = 62.5.
    assert (beta.this, beta.other, beta.overlap) == (68.75, 62.5, 1.0)


def test_nearest_keeps_k_and_drops_the_incomparable(probe, library):
    near = analogues.nearest(probe, library, k=2)
    assert [a.case_id for a in near.analogues] == ["h-delta", "h-alpha"]
    assert near.not_comparable == ()
    assert analogues.nearest(probe, library).analogues[2].case_id == "h-gamma"


def test_outcomes_never_enter_the_distance(fw, probe, library):
    stripped = [changed(a, case=changed(a.case, outcome=None)) for a in library]
    before = analogues.similar(probe, library)
    after = analogues.similar(probe, stripped)
    assert [(a.case_id, a.distance) for a in before.analogues] == [
        (a.case_id, a.distance) for a in after.analogues
    ]


def test_json_model(result):
    """The JSON is the view walked once: every figure a person reads is rounded by the one rule
    (whole numbers half up; shares as whole percents kept as fractions)."""
    data = json.loads(serialise.dumps(similar_view.build(result)))
    assert data["schema"] == "sanctions-check/similar@3"
    first = data["analogues"][0]
    assert first["rank"] == 1 and first["id"] == "h-delta" and first["distance"] == 0
    alpha = data["analogues"][1]
    assert alpha["distance"] == 13 and alpha["overlap"] == 0.7  # 12.5 half up
    assert alpha["distance_text"] == "13" and alpha["overlap_text"] == "70%"
    assert alpha["differs_most"] == ["beta", "alpha"]
    assert alpha["factors"][0] == {
        "factor": "alpha",
        "name": "Alpha",
        "weight": 3.0,
        "this": 63,  # 62.5 half up
        "other": 56,  # 56.25
        "difference": 7,  # of the two whole scores printed
        "shared_questions": 2,
        "questions": 2,
        "overlap": 1.0,
    }
    assert alpha["outcome"]["verdict"] == alpha["verdict"] == "effective"
    assert data["case"]["answered"] == 0.9
    assert {e["reason"] for e in data["excluded"]} == {"self", "hypothetical"}
