"""The number rules of everything a person reads: one rounding, stated once, at the bottom.

Scores, ranges, gains and distances are whole numbers, rounded half up; shares (coverage,
overlap, concordance) are whole percents, kept as fractions (0.45) wherever a tool reads them.
Scoring compares thresholds with the whole number a reader sees, so it uses this rule too: it
lives here, below every other module, and imports nothing of the package.
"""

from __future__ import annotations

import math


def whole(value: float) -> int:
    """Half up, to a whole number: the rounding of every figure a person reads."""
    return math.floor(value + 0.5)


def whole_or_none(value: float | None) -> int | None:
    """:func:`whole`, with None (nothing to round) passed through."""
    return None if value is None else whole(value)


def share(fraction: float) -> float:
    """A share as the whole percent every output shows, kept as a fraction: 0.45.

    Rounded once, here, so that JSON's 0.45 and the table's 45% are the same figure.
    """
    return whole(fraction * 100) / 100


def share_or_none(fraction: float | None) -> float | None:
    """:func:`share`, with None passed through."""
    return None if fraction is None else share(fraction)


def percent(fraction: float) -> str:
    """A share as a person reads it: '45%'."""
    return f"{whole(fraction * 100)}%"


def level_text(value: object) -> str:
    """A given or pooled level as it reads: '2', '2.5' (a half-level median is never rounded),
    or the answer's word ('unknown', 'n/a'); '–' when there is none."""
    if value is None:
        return "–"
    if isinstance(value, bool | int):
        return str(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def level_span(low: object, high: object) -> str:
    """The range of some levels: 'lowest–highest', one level when they agree, '–' with none."""
    if low is None or high is None:
        return "–"
    if low == high:
        return level_text(low)
    return f"{level_text(low)}–{level_text(high)}"
