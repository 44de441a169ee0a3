"""The back-test: concordance checked against a hand computation, ties included; bootstrap fixed.

The fictional episodes in tests/data/history/backtest answer every question, so each outlook is
the plain weighted mean (Alpha 3, Beta 1, Gamma 1):

    episode  verdict      Alpha  Beta  Gamma  Flag  outlook
    bt-e1    effective      100   100      0     0       80
    bt-e2    effective       50    50    100    25       60
    bt-e3    partly          50    75     25    50       50
    bt-e4    ineffective     25     0     75   100       30
    bt-e5    ineffective     75    25      0   100       50
    bt-e6    unclear, bt-e7 no outcome, bt-hypo hypothetical: left out

Comparable pairs (worse, better): e4<e3, e5<e3, e4<e1, e4<e2, e5<e1, e5<e2, e3<e1, e3<e2.
"""

from __future__ import annotations

import json
import random

import pytest

from helpers import DATA, MINI
from sanctions_check import backtest, history, serialise
from sanctions_check import framework as framework_mod
from sanctions_check.render import backtest_view

FOLDER = DATA / "history" / "backtest"


def changed(obj, **fields):
    """A copy of a model object with some fields changed."""
    return obj._replace(**fields)


@pytest.fixture(scope="module")
def fw():
    return framework_mod.load(MINI)


@pytest.fixture(scope="module")
def scored(fw):
    found = history.load([str(FOLDER)], fw, 1 << 20)
    assert not found.problems
    return found.assessments


@pytest.fixture(scope="module")
def result(scored):
    return backtest.run(scored)


def test_outlooks_are_as_in_the_table(result):
    assert {e.case_id: e.outlook for e in result.episodes} == {
        "bt-e1": 80.0,
        "bt-e2": 60.0,
        "bt-e3": 50.0,
        "bt-e4": 30.0,
        "bt-e5": 50.0,
    }
    assert result.verdicts == {"ineffective": 2, "partly": 1, "effective": 2}


def test_outlook_concordance_by_hand_with_a_tie(result):
    # Every pair concordant but e5<e3, where both outlooks are 50: a tie, one half.
    # C = (7 + 0.5) / 8 = 0.9375.
    o = result.outlook
    assert (o.cases, o.pairs, o.concordant, o.discordant, o.tied) == (5, 8, 7, 0, 1)
    assert o.value == pytest.approx(0.9375)


@pytest.mark.parametrize(
    ("factor", "counts", "value"),
    [
        # Alpha: e5<e3 (75>50) and e5<e2 (75>50) discordant, e3<e2 (50=50) tied: 5.5/8.
        ("alpha", (5, 2, 1), 0.6875),
        # Beta: only e3<e2 (75>50) discordant: 7/8.
        ("beta", (7, 1, 0), 0.875),
        # Gamma: e4<e3, e4<e1, e3<e1 discordant; e5<e1 (0=0) tied: 4.5/8.
        ("gamma", (4, 3, 1), 0.5625),
        # The red flag rises as the verdict falls: every pair discordant, the hoped direction.
        ("flag", (0, 8, 0), 0.0),
    ],
)
def test_factor_concordance_by_hand(result, factor, counts, value):
    c = next(f for f in result.factors if f.what == factor)
    assert (c.concordant, c.discordant, c.tied) == counts
    assert c.value == pytest.approx(value)
    assert c.hoped == ("lower" if factor == "flag" else "higher")


def test_left_out_with_reasons(result):
    assert {(e.case_id, e.reason) for e in result.excluded} == {
        ("bt-e6", backtest.UNCLEAR),
        ("bt-e7", backtest.NO_OUTCOME),
        ("bt-hypo", backtest.HYPOTHETICAL),
    }


def test_a_factor_without_answers_leaves_the_case_out_of_that_factor(fw, scored):
    e1 = next(a for a in scored if a.case.header.id == "bt-e1")
    blank = changed(e1.case, answers={k: v for k, v in e1.case.answers.items() if k != "gamma"})
    from sanctions_check.scoring import assess

    others = [a for a in scored if a.case.header.id != "bt-e1"]
    result = backtest.run([*others, assess(fw, blank)])
    gamma = next(f for f in result.factors if f.what == "gamma")
    assert gamma.cases == 4 and gamma.pairs == 5  # e1's three pairs are gone


def test_weighted_resample_equals_the_duplicated_cases(result):
    """A resample counts a case drawn twice twice: the same as listing it twice."""
    episodes = result.episodes  # id order: e1, e2, e3, e4, e5
    draw = [[1, 0, 1, 1, 2]]  # e5 twice, e2 not drawn
    c = backtest.concordance(episodes, backtest.OUTLOOK, "Outlook", "outlook", draw)
    # Pairs left: e4<e3 (1), e5<e3 twice (ties, 0.5 each), e4<e1 (1), e5<e1 twice (1 each),
    # e3<e1 (1): (1 + 1 + 1 + 2 + 1) / 7 = 6/7.
    assert c.low == c.high == pytest.approx(6 / 7)
    assert c.resamples_used == 1
    e1, _, e3, e4, e5 = episodes
    listed = backtest.concordance([e1, e3, e4, e5, e5], backtest.OUTLOOK, "O", "outlook", [])
    assert listed.value == pytest.approx(6 / 7)


def test_resamples_with_no_comparable_pair_are_skipped(result):
    only_effective = [[2, 3, 0, 0, 0]]
    c = backtest.concordance(result.episodes, backtest.OUTLOOK, "O", "outlook", only_effective)
    assert c.resamples_used == 0 and c.low is None and c.high is None
    assert c.value == pytest.approx(0.9375)  # the point value is the whole sample's


def test_bootstrap_is_deterministic_and_ignores_input_order(scored):
    first = backtest.run(scored)
    again = backtest.run(list(reversed(scored)))
    assert serialise.dumps(backtest_view.build(first)) == serialise.dumps(
        backtest_view.build(again)
    )
    assert backtest.draws(5, 3, 7) == backtest.draws(5, 3, 7)
    o = first.outlook
    assert o.low is not None and o.high is not None
    assert 0 <= o.low <= o.value <= o.high <= 1  # type: ignore[operator]
    other_seed = backtest.run(scored, seed=1)
    assert other_seed.outlook.value == o.value


def test_bootstrap_draws_are_pinned():
    """The interval depends only on the seed: pin the first draws so a change is noticed."""
    rng = random.Random(backtest.SEED)
    expected = [0] * 4
    for _ in range(4):
        expected[int(rng.random() * 4)] += 1
    assert backtest.draws(4, 1, backtest.SEED) == [expected]


def test_percentile_interpolates():
    assert backtest.percentile([0.0, 1.0], 0.25) == 0.25
    assert backtest.percentile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert backtest.percentile([5.0], 0.975) == 5.0


def test_nothing_comparable(fw, scored):
    effective = [a for a in scored if a.case.header.id in ("bt-e1", "bt-e2")]
    result = backtest.run(effective)
    assert result.outlook.pairs == 0 and result.outlook.value is None
    assert result.outlook.low is None


def test_json_model(result):
    data = json.loads(serialise.dumps(backtest_view.build(result)))
    assert data["schema"] == "sanctions-check/backtest@4"
    assert data["outlook"]["concordance"] == 0.94  # 0.9375, a share: two decimals, half up
    assert data["outlook"]["concordance_text"] == "0.94"
    assert data["outlook"]["pairs"] == 8 and data["outlook"]["tied"] == 1
    assert len(data["outlook"]["interval"]) == 2
    assert data["method"]["bootstrap"]["seed"] == backtest.SEED
    assert data["method"]["order"] == ["ineffective", "partly", "effective"]
    assert "not a measure of forecast accuracy" in data["statement"]
    assert "never fits" in data["no_fitting"]
    assert [f["id"] for f in data["factors"]] == ["alpha", "beta", "gamma", "flag"]
    assert all(isinstance(e["outlook"], int) for e in data["episodes"])


def test_hindsight_answers_and_risk_ratings_are_counted(fw, scored):
    from sanctions_check import case as case_mod
    from sanctions_check.scoring import assess

    e1 = next(a for a in scored if a.case.header.id == "bt-e1")
    flagged = e1.case.with_answer("alpha", "a1", case_mod.Answer(score=4, hindsight=True))
    flagged = flagged.with_risk("harm", case_mod.RiskAnswer(likelihood=1, hindsight=True))
    others = [a for a in scored if a.case.header.id != "bt-e1"]
    result = backtest.run([*others, assess(fw, flagged)])
    assert result.hindsight_answers == 2
    episodes = backtest_view.build(result).episodes
    assert episodes[0].hindsight_answers == 2


def test_a_case_with_no_answer_is_left_out(fw, scored):
    from sanctions_check.scoring import assess

    e1 = next(a for a in scored if a.case.header.id == "bt-e1")
    blank = assess(fw, changed(e1.case, answers={}))
    others = [a for a in scored if a.case.header.id != "bt-e1"]
    result = backtest.run([*others, blank])
    assert ("bt-e1", backtest.NOT_SCORED) in {(e.case_id, e.reason) for e in result.excluded}
    assert result.outlook.cases == 4
