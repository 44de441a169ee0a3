"""The words of the analyst's own judgement beside the computed outlook, wherever it is shown.

The outlook informs a judgement; it does not replace it. These sentences report the judgement the
case file gives, or that none is given; when the judgement and the outlook's band point different
ways they say so without taking a side. Which sentence a case gets is decided by the view
(``judgement_view``).
"""

from __future__ import annotations

from collections.abc import Sequence

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


def compare_line(old: str | None, new: str | None, changed: Sequence[str]) -> str:
    """'Analyst's judgement: could help → likely to help.', '…: could help (unchanged).', or
    '…: could help; its reason changed.'"""
    if "view" in changed:
        return f"{HEADING}: {line(old, None)} → {line(new, None)}."
    others = [part for part in ("reason", "date") if part in changed]
    if not others:
        return f"{HEADING}: {line(new, None)} (unchanged)."
    return f"{HEADING}: {line(new, None)}; its {' and '.join(others)} changed."


def compare_side(side: str, reason: str | None, date: str | None) -> str:
    """'old reason (2026-11-01): …'."""
    when = f" ({date})" if date else ""
    return f"{side}{when}: {reason or NO_JUDGEMENT}"


# --- panel: each analyst's judgement and their spread; never a pooled one ---

PANEL_HEADING = "Analysts' judgements"
PANEL_NOT_POOLED = (
    "Each analyst's own judgement, beside their outlook. No pooled judgement is formed: the "
    "panel's spread is shown as it is."
)


def panel_none_given(total: int) -> str:
    return f"None of the {plural(total, 'analyst')} gave a judgement."


def panel_spread(counts: list[tuple[str, int]], total: int) -> str:
    """'Spread: 2 likely to help, 1 could help, 0 unlikely to help, 0 cannot judge yet, 1 not
    given (of 4 analysts).'"""
    parts = [f"{count} {label}" for label, count in counts]
    return f"Spread: {', '.join(parts)} (of {plural(total, 'analyst')})."


# --- backtest: the judgements ordered against the verdicts ---

BACKTEST_NAME = "Analysts' judgements"
BACKTEST_KIND = "judgement"


def _left_out(cannot: int, none: int) -> str:
    parts = []
    if cannot:
        parts.append(f"{cannot} 'cannot judge yet'")
    if none:
        parts.append(f"{none} without a judgement")
    return f"; left out: {', '.join(parts)}" if parts else ""


def backtest_none(episodes: int) -> str:
    """No back-tested episode carries an analyst's judgement."""
    if episodes == 1:
        return (
            "Analysts' judgements: the back-tested episode carries none, so there is no judgement "
            "to set beside its verdict."
        )
    return (
        f"Analysts' judgements: none of the {episodes} back-tested episodes carries one, so there "
        "are no judgements to set beside the verdicts."
    )


def backtest_no_pairs(judged: int, cannot: int, none: int) -> str:
    return (
        f"Analysts' judgements: no comparable pairs among {plural(judged, 'episode')} with a "
        f"judgement (unlikely < could < likely to help){_left_out(cannot, none)}."
    )


def backtest_concordance(
    value: str,
    level: float,
    interval: str,
    judged: int,
    pairs: int,
    concordant: int,
    discordant: int,
    tied: int,
    cannot: int,
    none: int,
) -> str:
    """The judgements' concordance with the verdicts, as the outlook's is said."""
    return (
        f"Analysts' judgements (unlikely < could < likely to help): concordance {value} "
        f"({level * 100:.0f}% bootstrap interval {interval}), {plural(judged, 'episode')} with a "
        f"judgement, {pairs} comparable pairs ({concordant} concordant, {discordant} discordant, "
        f"{tied} tied){_left_out(cannot, none)}."
    )
