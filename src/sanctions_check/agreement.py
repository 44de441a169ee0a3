"""Krippendorff's alpha for ordinal data, in plain Python (no numpy at run time).

The units are the framework's questions, the coders are the panel's analysts and the values are
their 0-4 answers; ``unknown``, ``n/a`` and unanswered questions are missing values. Alpha compares
the disagreement observed within questions with the disagreement expected by chance from all the
answers pooled:

* the coincidence matrix ``o[c][k]`` counts, within each question answered by ``m >= 2``
  analysts, every ordered pair of different analysts' values ``(c, k)``, each pair weighted
  ``1 / (m - 1)``; questions answered by fewer than two analysts have no pairable values;
* ``n_c`` is the number of pairable values equal to ``c``, and ``n`` their total;
* the ordinal distance is ``delta(c, k) = (sum of n_g for g from c to k - (n_c + n_k) / 2) ** 2``,
  so a step between two levels many answers use counts for more than a step between rare levels;
* ``alpha = 1 - (n - 1) * sum(o[c][k] * delta(c, k)) / sum(n_c * n_k * delta(c, k))``.

Alpha is 1 for perfect agreement, 0 for agreement no better than chance, and negative when the
analysts disagree systematically. It is undefined when there are no pairable values or when every
pairable value is the same (nothing to tell agreement from chance). The tests check this
implementation against the ``krippendorff`` package, the reference implementation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple, TypeGuard

# Krippendorff's conventions for content coding (Content Analysis, 2nd ed., 2004): rely on data
# with alpha >= 0.800; draw only tentative conclusions from 0.667 <= alpha < 0.800.
RELIABLE = 0.8
TENTATIVE = 0.667
# This tool's own design choice, not a sourced figure: below this many questions that at least two
# analysts answered with a number, alpha rests on too little to mean anything.
MIN_UNITS = 5

# A coder's value for a unit: a number, or anything else (unknown, n/a, unanswered) as missing.
Value = object
# How far alpha lets the panel rely on its answers, by Krippendorff's conventions; "too-few" and
# "undefined" when it rests on too little, or on nothing.
Level = Literal["undefined", "too-few", "reliable", "tentative", "low"]


class Agreement(NamedTuple):
    """Alpha over a panel's answers, with what it rests on."""

    alpha: float | None  # None when undefined (no pairable values, or no variation at all)
    units: int  # questions answered with a number by at least two analysts
    coders: int  # analysts who gave at least one pairable value
    values: int  # pairable values (n)
    total_units: int  # questions in the framework

    @property
    def defined(self) -> bool:
        return self.alpha is not None

    @property
    def too_few(self) -> bool:
        """Too few pairable answers for alpha to mean anything (a design choice: MIN_UNITS)."""
        return self.units < MIN_UNITS

    @property
    def no_variation(self) -> bool:
        """Pairable values exist but are all the same: full agreement, alpha undefined."""
        return self.alpha is None and self.values >= 2

    @property
    def level(self) -> Level:
        """'undefined', 'too-few', 'reliable', 'tentative' or 'low' (Krippendorff's conventions)."""
        if self.alpha is None:
            return "undefined"
        if self.too_few:
            return "too-few"
        if self.alpha >= RELIABLE:
            return "reliable"
        if self.alpha >= TENTATIVE:
            return "tentative"
        return "low"


def _numeric(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def coincidences(units: Sequence[Sequence[Value]]) -> dict[tuple[float, float], float]:
    """The coincidence matrix as a sparse mapping ``(c, k) -> o_ck`` over pairable values."""
    matrix: dict[tuple[float, float], float] = {}
    for unit in units:
        values = [float(v) for v in unit if _numeric(v)]
        m = len(values)
        if m < 2:
            continue
        for i, c in enumerate(values):
            for j, k in enumerate(values):
                if i != j:
                    matrix[(c, k)] = matrix.get((c, k), 0.0) + 1.0 / (m - 1)
    return matrix


def _ordinal_distances(totals: dict[float, float]) -> dict[tuple[float, float], float]:
    levels = sorted(totals)
    out: dict[tuple[float, float], float] = {}
    for a, c in enumerate(levels):
        running = 0.0
        for k in levels[a:]:
            running += totals[k]
            d = (running - (totals[c] + totals[k]) / 2) ** 2
            out[(c, k)] = out[(k, c)] = d
    return out


def alpha_ordinal(units: Sequence[Sequence[Value]]) -> float | None:
    """Krippendorff's alpha (ordinal) of units x coders data; None when it is undefined."""
    matrix = coincidences(units)
    totals: dict[float, float] = {}
    for (c, _), count in matrix.items():
        totals[c] = totals.get(c, 0.0) + count
    n = sum(totals.values())
    if n < 2:
        return None
    delta = _ordinal_distances(totals)
    observed = sum(count * delta[pair] for pair, count in matrix.items())
    expected = sum(totals[c] * totals[k] * delta[(c, k)] for c in totals for k in totals)
    if expected <= 0:
        return None
    return 1.0 - (n - 1) * observed / expected


def measure(units: Sequence[Sequence[Value]]) -> Agreement:
    """Alpha with the number of questions, analysts and values it rests on.

    ``units`` holds one row per question, one value per analyst (the same order in every row);
    anything that is not a number is a missing value.
    """
    pairable = [[_numeric(v) for v in unit] for unit in units]
    counted = [row for row in pairable if sum(row) >= 2]
    coders = sum(1 for column in zip(*counted, strict=True) if any(column)) if counted else 0
    return Agreement(
        alpha=alpha_ordinal(units),
        units=len(counted),
        coders=coders,
        values=sum(sum(row) for row in counted),
        total_units=len(units),
    )
