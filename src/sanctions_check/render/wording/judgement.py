"""The words of the analyst's own judgement beside the computed outlook, wherever it is shown.

The outlook informs a judgement; it does not replace it. These sentences report the judgement the
case file gives, or that none is given; when the judgement and the outlook's band point different
ways they say so without taking a side. Which sentence a case gets is decided by the view
(``judgement_view``).
"""

from __future__ import annotations

from sanctions_check.render.wording.common import NO_JUDGEMENT, plural, view_label

HEADING = "Analyst's judgement"
LABEL = "Judgement"  # the bottom line's label
NOT_GIVEN_HINT = (
    "The outlook informs the analyst's judgement; it does not replace it. Record it under "
    "judgement: in the case file (sanctions-check assess --resume FILE asks for it)."
)


def line(view: str | None, date: str | None) -> str:
    """'likely to help (judged 2026-12-01)', or 'not given'."""
    if view is None:
        return NO_JUDGEMENT
    return view_label(view) + (f" (judged {date})" if date else "")


def differs(view: str, band_label: str) -> str:
    """The judgement and the band point different ways: said once, siding with neither."""
    return (
        f"The analyst's judgement ({view_label(view)}) and the computed outlook ({band_label}) "
        "point different ways. Neither settles the question: the reason given and the factor "
        "rows show where they part."
    )


def brief(label: str, reason: str | None) -> str:
    """The brief's line: 'Analyst's judgement: likely to help. Reason …'."""
    return f"{HEADING}: {label}" + (f". {reason}" if reason else "")


def differs_brief(band_label: str) -> str:
    return (
        f"The judgement and the outlook's band ({band_label}) point different ways; neither "
        "settles it."
    )


def differs_short(band_label: str) -> str:
    """The same, in a few words, for the bottom line."""
    return f"points a different way from the outlook's band ({band_label})"


def bottom(view: str | None, reason: str | None, differs_from: str | None) -> str:
    """The bottom line's judgement: 'likely to help: reason …' with the disagreement first."""
    if view is None:
        return NO_JUDGEMENT
    parts = [view_label(view)]
    if differs_from:
        parts.append(differs_short(differs_from))
    text = "; ".join(parts)
    return f"{text}: {reason}" if reason else text


# --- compare: a judgement given, withdrawn or changed ---

COMPARE_HEADING = "Analyst's judgement"
COMPARE_SAME = "unchanged"


def compare_change(old: str | None, new: str | None) -> str:
    """'could help → likely to help', 'not given → could help'."""
    return f"{line(old, None)} → {line(new, None)}"


def compare_reason_changed() -> str:
    return "The reason changed:"


# --- panel: each analyst's judgement and their spread; never a pooled one ---

PANEL_HEADING = "Analysts' judgements"
PANEL_NOT_POOLED = (
    "Each analyst's own judgement, beside their outlook. No pooled judgement is formed: the "
    "panel's spread is shown as it is."
)


def panel_spread(counts: list[tuple[str, int]], total: int) -> str:
    """'Spread: 2 likely to help, 1 could help, 0 unlikely to help, 0 cannot judge yet, 1 not
    given (of 4 analysts).'"""
    parts = [f"{count} {label}" for label, count in counts]
    return f"Spread: {', '.join(parts)} (of {plural(total, 'analyst')})."
