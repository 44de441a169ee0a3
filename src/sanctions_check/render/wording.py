"""Shared wording, so the terminal, Markdown, HTML and JSON outputs say the same thing.

Advisory language only: an outlook describes conditions the practitioners associated with more
effective sanctions; it is never a prediction, verdict or legal determination.
"""

from __future__ import annotations

KIND_LABELS = {
    "core": "core factor",
    "secondary": "secondary factor",
    "red_flag": "red flag",
}

OUTLOOK_NAME = "Outlook"
OUTLOOK_EXPLAINED = (
    "How far the conditions that experienced practitioners tied to more effective targeted "
    "sanctions are present in this case (0-100). Advisory, not a prediction or verdict."
)
NOT_SCORED = "not scored"
NO_ANSWERS = "no answers yet"


def number(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def score_range(low: float, high: float) -> str:
    return f"{low:.0f}–{high:.0f}"


def score_with_range(score: float | None, low: float, high: float) -> str:
    if score is None:
        return f"{NOT_SCORED} (range {score_range(low, high)})"
    if round(low) == round(high):
        return f"{score:.0f}"
    return f"{score:.0f} (range {score_range(low, high)})"


def percent(fraction: float) -> str:
    return f"{fraction * 100:.0f}%"


def band_text(label: str | None, capped: bool = False) -> str:
    if label is None:
        return NOT_SCORED
    return f"{label} (capped)" if capped else label


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def risk_text(value: int | None, label: str | None) -> str:
    if value is None:
        return "unrated"
    return f"{label} ({value}/16)" if label else f"{value}/16"


def bar(score: float | None, width: int = 20) -> str:
    """A text bar (works in greyscale, in a pipe and in Markdown)."""
    if score is None:
        return "·" * width
    filled = round(score / 100 * width)
    return "█" * filled + "░" * (width - filled)
