"""Krippendorff's alpha (ordinal): known values by hand, and the reference implementation.

The ``krippendorff`` package (a test dependency only) is the reference; the tool's own
implementation in ``agreement.py`` needs no numpy at run time.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import examples
from sanctions_check.agreement import MIN_UNITS, alpha_ordinal, measure

krippendorff = pytest.importorskip("krippendorff")
np = pytest.importorskip("numpy")


def reference(units: list[list[int | None]]) -> float:
    """The krippendorff package's alpha over the same data (coders x units, NaN = missing)."""
    data = np.array([[np.nan if v is None else v for v in unit] for unit in units], dtype=float).T
    return float(
        krippendorff.alpha(
            reliability_data=data, level_of_measurement="ordinal", value_domain=[0, 1, 2, 3, 4]
        )
    )


def test_perfect_agreement_is_one():
    assert alpha_ordinal([[0, 0], [1, 1], [3, 3]]) == pytest.approx(1.0)


def test_perfect_disagreement_by_hand():
    # Two analysts, two questions, answers (0, 1) and (1, 0): n_0 = n_1 = 2, n = 4;
    # o_01 = o_10 = 2; delta(0, 1) = (n_0 + n_1 - (n_0 + n_1) / 2) ** 2 = 4;
    # alpha = 1 - (n - 1) * (2*4 + 2*4) / (2*2*4 + 2*2*4) = 1 - 3 * 16 / 32 = -0.5
    assert alpha_ordinal([[0, 1], [1, 0]]) == pytest.approx(-0.5)


def test_krippendorffs_own_worked_example():
    # Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011): 4 observers, 12 units,
    # values 1-5 with gaps; his published alphas are nominal .743, ordinal .815, interval .849.
    rows = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    units = [list(unit) for unit in zip(*rows, strict=True)]
    assert alpha_ordinal(units) == pytest.approx(0.815, abs=0.0005)
    data = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)
    assert alpha_ordinal(units) == pytest.approx(
        krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal"), abs=1e-12
    )


def test_missing_values_and_unpairable_units_are_left_out():
    units = [[2, 3, "unknown"], [None, 1, "n/a"], [4, 4, 3], [0, 1, None], [2, None, None]]
    assert alpha_ordinal(units) == pytest.approx(
        reference([[2, 3, None], [None, 1, None], [4, 4, 3], [0, 1, None], [2, None, None]])
    )
    result = measure(units)
    assert (result.units, result.coders, result.values, result.total_units) == (3, 3, 7, 5)


def test_undefined_without_pairable_values():
    result = measure([[1, None], [None, 2], ["unknown", 3]])
    assert result.alpha is None and result.units == 0 and not result.no_variation
    assert result.level == "undefined"


def test_undefined_when_every_answer_is_the_same():
    result = measure([[2, 2, 2]] * 6)
    assert result.alpha is None and result.no_variation and result.level == "undefined"


def test_too_few_questions_is_said():
    few = measure([[0, 1], [1, 1], [3, 4]])
    assert few.alpha is not None and few.too_few and few.level == "too-few"
    enough = measure([[0, 0], [1, 1], [3, 3], [4, 4], [2, 2], [1, 2]][: MIN_UNITS + 1])
    assert not enough.too_few and enough.level == "reliable"


@pytest.mark.parametrize(
    ("alpha_level", "units"),
    [
        ("reliable", [[0, 0, 0], [1, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 4], [3, 3, 4]]),
        ("low", [[0, 4, 2], [1, 3, 4], [2, 0, 1], [3, 1, 0], [4, 2, 3], [2, 4, 0]]),
    ],
)
def test_levels(alpha_level, units):
    assert measure(units).level == alpha_level


answers = st.one_of(st.none(), st.sampled_from(["unknown", "n/a"]), st.integers(0, 4))


@settings(max_examples=examples(300), deadline=None)
@given(
    st.integers(2, 7).flatmap(
        lambda coders: st.lists(st.lists(answers, min_size=coders, max_size=coders), max_size=40)
    )
)
def test_matches_the_krippendorff_package(units):
    mine = alpha_ordinal(units)
    numeric = [[v if isinstance(v, int) else None for v in unit] for unit in units]
    pairable = [u for u in numeric if sum(v is not None for v in u) >= 2]
    values = {v for u in pairable for v in u if v is not None}
    if len(values) < 2:  # nothing to compare: the package raises or returns NaN
        assert mine is None
        return
    expected = reference(numeric)
    assert not math.isnan(expected)
    assert mine == pytest.approx(expected, abs=1e-9)
