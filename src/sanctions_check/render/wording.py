"""Shared wording, so the terminal, Markdown, HTML and JSON outputs say the same thing.

Advisory language only: an outlook describes conditions the practitioners associated with more
effective sanctions; it is never a prediction, verdict or legal determination.
"""

from __future__ import annotations

from typing import Any

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


PROVISIONAL_EXPLAINED = (
    "Provisional: too little is answered yet (or a core factor has no answers) for the band to "
    "mean much; answer more questions before relying on it."
)


def band_text(label: str | None, capped: bool = False, provisional: bool = False) -> str:
    if label is None:
        return NOT_SCORED
    notes = [word for word, on in (("capped", capped), ("provisional", provisional)) if on]
    return f"{label} ({', '.join(notes)})" if notes else label


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


ADVISORY_NOTICE = (
    "Advisory summary, not a verdict, prediction or legal determination: it shows how far the "
    "conditions that practitioners tied to more effective targeted sanctions are present, and "
    "where the evidence is thin."
)
SCORE_LEGEND = "0-100; range = if every unknown or unanswered question were 0 / were 4"
RED_FLAG_SCALE = "red flag: 0 = absent, 100 = strongly present; never averaged into the outlook"
GAP_LABELS = {
    "unknown": "answered 'unknown'",
    "unanswered": "not answered",
    "low-confidence": "low-confidence answer",
    "risk-unrated": "risk not fully rated",
    "gate-unchecked": "gate not checked",
}
CONFIDENCE_LABELS = {
    "low": "low confidence",
    "medium": "medium confidence",
    "high": "high confidence",
}


def factor_score_text(score: float | None, low: float, high: float) -> str:
    """One factor's score as every report words it: '62 (range 45–75)' or 'no answers yet'."""
    if score is None:
        return f"{NO_ANSWERS} (range {score_range(low, high)})"
    return score_with_range(score, low, high)


def outlook_text(
    band: str | None,
    capped: bool,
    score: float | None,
    low: float,
    high: float,
    coverage: float,
    provisional: bool = False,
) -> str:
    """The one-line outlook shared by the summary, Markdown and HTML reports."""
    return (
        f"{band_text(band, capped, provisional)}: {score_with_range(score, low, high)}, "
        f"coverage {percent(coverage)}"
    )


def gap_label(kind: str) -> str:
    return GAP_LABELS.get(kind, kind)


def answer_text(score: int | str | None) -> str:
    """An answer's level as words: '3 of 4', 'unknown' or 'not answered'."""
    if score is None:
        return "not answered"
    if isinstance(score, int):
        return f"{score} of 4"
    return str(score)


def signed(delta: float | None) -> str:
    """A change in points, with its sign ('+12', '−3', '0'), or '–' when either side is missing."""
    if delta is None:
        return "–"
    value = round(delta)
    if value > 0:
        return f"+{value}"
    if value < 0:
        return f"−{-value}"
    return "0"


def range_bar(score: float | None, low: float, high: float, width: int = 20) -> str:
    """A text bar with its uncertainty: '█' secured, '▒' the range unknowns leave open, '░' rest.

    Works in greyscale, in a pipe and in Markdown; the score itself is always printed beside it.
    """
    lo = round(low / 100 * width)
    hi = max(round(high / 100 * width), lo)
    if score is None and lo == 0 and hi == width:
        return "·" * width
    return "█" * lo + "▒" * (hi - lo) + "░" * (width - hi)


RANGE_BAR_LEGEND = "█ secured by the answers given · ▒ open while questions are unknown · ░ absent"


def base_rate_text(rate: dict[str, object] | None) -> str:
    """A purpose's base rate in the framework's own words (which carry the figures and hedges)."""
    if rate is None:
        return "no base rate in the framework"
    return str(rate["text"])


def gate_text(
    factor_name: str, score: float | None, below: float, cap_label: str, reason: str
) -> str:
    """A closed gate in words: true whether or not it lowered the band."""
    return (
        f"{factor_name} scores {number(score)}, below {below:g}, so the outlook can be at "
        f"most {cap_label}. {reason}"
    )


def source_label(title: str, publisher: str, year: int | None) -> str:
    """'Title (Publisher, 2025)'; a source without a date gets none, never a guessed one."""
    return f"{title} ({publisher}, {year})" if year is not None else f"{title} ({publisher})"


def sentences(items: list[str] | tuple[str, ...]) -> str:
    """Run-on text from items that are sentences already (mitigations): no '.;' doubling."""
    return " ".join(i if i.rstrip().endswith((".", "!", "?")) else i.rstrip() + "." for i in items)


# --- panel: a panel of analysts (`sanctions-check panel`), its renderers and round-2 files ---

PANEL_SPREAD_NAME = "range"
PANEL_METHOD = (
    "Each question's median is taken over the analysts' numeric answers (unknown and n/a are "
    "counted, not pooled); with an even number of answers it may be a half level. The pooled "
    "outlook scores the median case (every answer at the panel's median) exactly like a single "
    "case; risks are pooled the same way (median likelihood, median severity). The spread is the "
    "range, highest minus lowest answer. A disagreement's impact is the change in the pooled "
    "outlook between scoring that question at the panel's lowest and at its highest answer, "
    "every other question at its median."
)
PANEL_ANSWER_LEGEND = "? = unknown, n/a = does not apply, – = not answered"
PANEL_DISCUSS = "Disagreements first: the questions to discuss before another round"
PANEL_NO_DISAGREEMENT = "The analysts gave the same answer to every question."
PANEL_POOLED = "Pooled (median case)"
PANEL_HYPOTHETICAL = "Hypothetical teaching case, not a real episode."
PANEL_NOTES_HEADING = "Their notes, side by side"
PANEL_ALL_HEADING = "Every question"
PANEL_RISKS_HEADING = "Risks, pooled the same way"
PANEL_RISK_LEGEND = "Each analyst's cell: likelihood × severity (0-4 each); pooled: the medians."
PANEL_IMPACT_HEADING = "Moves outlook"
PANEL_IMPACT_LEGEND = (
    "Moves outlook: pooled outlook points between this question at the panel's lowest and at its "
    "highest answer. Red-flag questions never enter the outlook."
)
PANEL_NOT_SCORED_HEADING = "Not scored"
PANEL_MEDIAN_HEADING = "Median"
PANEL_RANGE_HEADING = "Range"
PANEL_ANALYST_HEADING = "Analyst"
PANEL_FILE_HEADING = "File"
PANEL_RANK_HEADING = "Rank"
PANEL_QUESTION_HEADING = "Question"
PANEL_FACTOR_HEADING = "Factor"
PANEL_ANSWERS_HEADING = "Answers"
PANEL_RISK_HEADING = "Risk"
PANEL_POOLED_HEADING = "Pooled"
PANEL_METHOD_HEADING = "How the panel is pooled"
PANEL_PLOT_LEGEND = (
    "Each dot is one analyst's answer on the 0-4 scale, numbered as in the outlook table; equal "
    "answers stack. The triangle under the axis marks the panel's median."
)


def panel_generated(stamp: str, version: str) -> str:
    return f"Generated {stamp} by sanctions-check {version}."


def panel_case_line(case_id: str, framework_id: str, version: str) -> str:
    return f"Case {case_id}; framework {framework_id} {version}."


def panel_more(count: int) -> str:
    """The disagreements the terminal leaves out of its short list."""
    return (
        f"{count} more question(s) differ, each moving the outlook less; every question is in "
        "the table below (and every disagreement in --format markdown or html)."
    )


def panel_warning(text: str) -> str:
    return f"Warning: {text}"


PANEL_NO_STDIN = "error: a panel reads named files, not standard input (-)"


def panel_invalid(count: int) -> str:
    return f"{count} invalid file(s); the panel needs every file valid."


def panel_cli_warning(text: str) -> str:
    return f"warning: {text}"


def panel_note(key: str, name: str, text: str) -> str:
    return f"{key} {name}: {text}"


def panel_risk_pooled(
    likelihood: object, severity: object, value: int | None, label: str | None
) -> str:
    return f"{level_text(likelihood)} × {level_text(severity)} = {risk_text(value, label)}"


PANEL_ALPHA_NAME = "Krippendorff's alpha (ordinal)"
PANEL_ALPHA_SCALE = (
    "1 = the analysts agree perfectly, 0 = no more agreement than chance, below 0 = systematic "
    "disagreement."
)
_ALPHA_LEVELS = {
    "reliable": (
        "at or above 0.800, the level Krippendorff's conventions for content coding ask for "
        "before relying on the judgements"
    ),
    "tentative": (
        "between 0.667 and 0.800: by Krippendorff's conventions for content coding, enough only "
        "for tentative conclusions"
    ),
    "low": (
        "below 0.667, the lowest level Krippendorff's conventions for content coding accept even "
        "for tentative conclusions: discuss the disagreements before relying on the pooled outlook"
    ),
}


def panel_title(analysts: int, title: str) -> str:
    return f"Panel of {analysts} analysts: {title}"


def level_text(value: object) -> str:
    """A pooled or given level: '2', '2.5' (a half-level median), 'unknown', 'n/a' or '–'."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def panel_cell(value: object) -> str:
    """One analyst's answer in a narrow column: '3', '?' (unknown), 'n/a' or '–'."""
    return "?" if value == "unknown" else level_text(value)


def spread_text(low: object, high: object) -> str:
    """The range of the numeric answers as 'lowest–highest', or '–' without any."""
    if low is None or high is None:
        return "–"
    if low == high:
        return level_text(low)
    return f"{level_text(low)}–{level_text(high)}"


def counts_text(unknown: int, not_applicable: int, unanswered: int) -> str:
    parts = [
        f"{n} {word}"
        for n, word in (
            (unknown, "unknown"),
            (not_applicable, "n/a"),
            (unanswered, "not answered"),
        )
        if n
    ]
    return ", ".join(parts) or "–"


def impact_text(
    impact: float, kind: str, band_low: str | None, band_high: str | None, has_spread: bool
) -> str:
    """How far a disagreement moves the pooled outlook: '3.1 pts (Guarded → Moderate)'."""
    if kind == "red_flag":
        return "red flag"
    if not has_spread:
        return "0 pts (unknown vs a number)"
    text = f"{impact:.1f} pts"
    if band_low and band_high and band_low != band_high:
        text += f" ({band_low} → {band_high})"
    return text


def alpha_text(
    alpha: float | None, units: int, coders: int, total: int, level: str, no_variation: bool
) -> str:
    """Krippendorff's alpha with what it rests on and its plain meaning."""
    rests = f"over {units} of {total} questions answered by at least two of {coders} analysts"
    if alpha is None:
        if no_variation:
            return (
                f"{PANEL_ALPHA_NAME}: undefined {rests}: every numeric answer is the same, so "
                "there is no variation to tell agreement from chance."
            )
        return (
            f"{PANEL_ALPHA_NAME}: undefined: no question was answered with a number by at "
            "least two analysts."
        )
    head = f"{PANEL_ALPHA_NAME} {alpha:.2f} {rests}"
    if level == "too-few":
        return (
            f"{head}. Too few questions were answered by two or more analysts for alpha to "
            "mean anything; read the answers themselves."
        )
    return f"{head}: {_ALPHA_LEVELS[level]}. {PANEL_ALPHA_SCALE}"


def panel_outlook_text(outlook: Any) -> str:
    """An outlook on one line, capped and provisional marked, figures rounded as in reports."""
    band = outlook.band
    capped = band is not None and band != getattr(outlook, "uncapped_band", band)
    score = None if outlook.score is None else round(outlook.score, 1)
    return outlook_text(
        band.label if band is not None else None,
        capped,
        score,
        round(outlook.low, 1),
        round(outlook.high, 1),
        round(outlook.coverage, 3),
        bool(getattr(outlook, "provisional", False)),
    )


# Round-2 feedback files: YAML comments only, with counts and numbers (never a name or a note).
# Every line the tool adds starts with FEEDBACK_MARK, so a later round replaces them cleanly.
FEEDBACK_MARK = "# [panel]"
FEEDBACK_HEADER = (
    "For the next round of a panel of {analysts} analysts. Your answers and notes are unchanged.",
    "Above each question, a comment shows how the whole panel answered it (anonymised: counts",
    "only, no names). Revise any answer you wish, then run `sanctions-check panel` on every",
    "analyst's revised file.",
)
FEEDBACK_NOT_IN_FILE = "Questions this file does not answer, and how the panel answered them:"


def feedback_line(
    analysts: int, counts: dict[str, int], median: object, low: object, high: object
) -> str:
    """'panel of 3: 2 ×1, 3 ×2; median 3, range 2–3' (levels, then unknown and n/a)."""
    levels = [f"{k} ×{n}" for k, n in counts.items() if n and k != "unanswered"]
    shown = ", ".join(levels) if levels else "no answers"
    if median is not None:
        shown += f"; median {level_text(median)}, range {spread_text(low, high)}"
    return f"panel of {analysts}: {shown}"


def feedback_risk_line(analysts: int, part: str, counts: dict[str, int], median: object) -> str:
    """One part (likelihood or severity) of a risk across the panel."""
    levels = [f"{k} ×{n}" for k, n in counts.items() if n]
    shown = ", ".join(levels) if levels else "no answers"
    tail = "" if median is None else f"; median {level_text(median)}"
    return f"panel of {analysts}, {part}: {shown}{tail}"
