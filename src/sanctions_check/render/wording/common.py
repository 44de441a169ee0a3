"""Sentences several features share: the outlook's name and headline, scores with their ranges,
answers, risks, verdicts and sources, worded once so that every output says the same thing.

Advisory language only: an outlook describes conditions the practitioners associated with more
effective sanctions; it is never a prediction, verdict or legal determination.
"""

from __future__ import annotations

from sanctions_check.framework import KIND_NAMES, FactorKind
from sanctions_check.numbers import level_text, percent, whole

OUTLOOK_NAME = "Outlook"
OUTLOOK_EXPLAINED = (
    "How far the conditions that experienced practitioners tied to more effective targeted "
    "sanctions are present in this case (0-100). Advisory, not a prediction or verdict."
)
NOT_SCORED = "not scored"
NO_ANSWERS = "no answers"
ADVISORY_NOTICE = (
    "Advisory summary, not a verdict, prediction or legal determination: it shows how far the "
    "conditions that practitioners tied to more effective targeted sanctions are present, and "
    "where the evidence is thin."
)
NEUTRAL_RULE = (
    "An unknown or unanswered question counts as its neutral value (the scale's midpoint, 2 of 4, "
    "unless the framework gives another with its reason) in the point outlook, and widens the "
    "range as if it could be anything from 0 to 4."
)
RED_FLAG_SCALE = "red flag: 0 = absent, 100 = strongly present; never averaged into the outlook"
NOT_ASSESSED = "not yet assessed"
NOT_APPLICABLE = "not applicable (every question n/a)"
RANGE_BAR_LEGEND = "█ secured by the answers given · ▒ open while questions are unknown · ░ absent"
OUTCOME_HEADING = "Outcome (the sources' verdict)"
NONE_RECORDED = "none recorded"


def number(value: float | None) -> str:
    return "–" if value is None else str(whole(value))


def score_range(low: float, high: float) -> str:
    return f"{number(low)}–{number(high)}"


def score_with_range(score: float | None, low: float, high: float) -> str:
    if score is None:
        return f"{NOT_SCORED} (range {score_range(low, high)})"
    if whole(low) == whole(high):
        return number(score)
    return f"{number(score)} (range {score_range(low, high)})"


def band_text(label: str | None, capped: bool = False, provisional: bool = False) -> str:
    if label is None:
        return NOT_SCORED
    notes = [word for word, on in (("capped", capped), ("provisional", provisional)) if on]
    return f"{label} ({', '.join(notes)})" if notes else label


def band_span(low_label: str | None, high_label: str | None) -> str:
    """'; could be Guarded to Favourable' when the range spans bands, else ''."""
    if low_label is None or high_label is None or low_label == high_label:
        return ""
    return f"; could be {low_label} to {high_label}"


def outlook_text(
    band: str | None,
    capped: bool,
    score: float | None,
    low: float,
    high: float,
    coverage: float,
    provisional: bool = False,
    band_low: str | None = None,
    band_high: str | None = None,
) -> str:
    """The one-line outlook: 'Moderate (provisional); could be Guarded to Favourable: 56 (…)'."""
    return (
        f"{band_text(band, capped, provisional)}{band_span(band_low, band_high)}: "
        f"{score_with_range(score, low, high)}, coverage {percent(coverage)}"
    )


def kind_label(kind: FactorKind) -> str:
    """'core factor', 'secondary factor', 'red flag'."""
    return KIND_NAMES[kind]


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 risk', '3 risks'."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def factor_score_text(
    score: float | None,
    low: float | None,
    high: float | None,
    assessed: bool = True,
) -> str:
    """One factor's score as every report words it: '62 (range 45–75)', 'not yet assessed …'."""
    if score is None or low is None or high is None:
        return NOT_APPLICABLE
    if not assessed:
        return f"{NOT_ASSESSED} (range {score_range(low, high)})"
    return score_with_range(score, low, high)


def answer_text(score: object) -> str:
    """An answer's level as words: '3 of 4', 'unknown', 'n/a' or 'not answered'."""
    if score is None:
        return "not answered"
    if isinstance(score, int | float) and not isinstance(score, bool):
        return f"{level_text(score)} of 4"
    return str(score)


def risk_text(value: int | None, label: str | None) -> str:
    if value is None:
        return "unrated"
    return f"{label} ({value}/16)" if label else f"{value}/16"


def risk_range_text(
    likelihood: object,
    severity: object,
    value: int | None,
    low: int,
    high: int,
    band_label: str | None,
    reach_label: str | None,
) -> str:
    """'4 × 3 = 12 (High)' or, with an unknown side, '4 × ? → 0–16 (could reach Severe)'."""
    pair = f"{risk_side(likelihood)} × {risk_side(severity)}"
    if value is not None:
        return f"{pair} = {value}" + (f" ({band_label})" if band_label else "")
    reach = f" (could reach {reach_label})" if reach_label else ""
    return f"{pair} → {low}–{high}{reach}"


def risk_side(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return level_text(value)
    return "?"


def range_bar(score: float | None, low: float, high: float, width: int = 20) -> str:
    """A text bar with its uncertainty: '█' secured, '▒' the range unknowns leave open, '░' rest.

    Works in greyscale, in a pipe and in Markdown; the score itself is always printed beside it.
    """
    lo = round(low / 100 * width)
    hi = max(round(high / 100 * width), lo)
    if score is None and lo == 0 and hi == width:
        return "·" * width
    return "█" * lo + "▒" * (hi - lo) + "░" * (width - hi)


def source_label(title: str, publisher: str, year: int | None) -> str:
    """'Title (Publisher, 2025)'; a source without a date gets none, never a guessed one."""
    return f"{title} ({publisher}, {year})" if year is not None else f"{title} ({publisher})"


def sentences(items: list[str] | tuple[str, ...]) -> str:
    """Run-on text from items that are sentences already (mitigations): no '.;' doubling."""
    return " ".join(i if i.rstrip().endswith((".", "!", "?")) else i.rstrip() + "." for i in items)


VERDICT_WORDS = {
    "effective": "effective",
    "partly": "partly effective",
    "ineffective": "ineffective",
    "unclear": "unclear",
}


def verdict_text(verdict: str) -> str:
    return VERDICT_WORDS.get(verdict, verdict)


# The analyst's own overall judgement (the case file's ``judgement.view``), as a reader reads it.
VIEW_LABELS = {
    "likely": "likely to help",
    "could": "could help",
    "unlikely": "unlikely to help",
    "cannot-judge": "cannot judge yet",
}
NO_JUDGEMENT = "not given"


def view_label(view: str | None) -> str:
    return NO_JUDGEMENT if view is None else VIEW_LABELS.get(view, view)


NO_OUTCOME = "no outcome recorded"


def verdict_or_none(verdict: str | None) -> str:
    """The sources' overall verdict in words, or that none is recorded."""
    return NO_OUTCOME if verdict is None else verdict_text(verdict)
