"""The words of `panel`: a panel of analysts pooled, its disagreements and its agreement."""

from __future__ import annotations

from sanctions_check.numbers import level_text

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
PANEL_RISK_LEGEND = (
    "Each analyst's cell: likelihood × severity (0-4 each; ? unknown, – not rated); pooled: the "
    "medians, worded as every report words a risk (open while a side is unknown)."
)
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


PANEL_ALPHA_NAME = "Krippendorff's alpha (ordinal)"
PANEL_ALPHA_SCALE = (
    "1 = the analysts agree perfectly, 0 = no more agreement than chance, below 0 = systematic "
    "disagreement."
)
# How to read alpha, by Krippendorff's conventions for content coding.
ALPHA_LEVELS = {
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


def panel_note(key: str, name: str, text: str) -> str:
    return f"{key} {name}: {text}"


def panel_cell(value: object) -> str:
    """One analyst's answer in a narrow column: '3', '?' (unknown), 'n/a' or '–'."""
    return "?" if value == "unknown" else level_text(value)


def risk_cell(likelihood: object, severity: object) -> str:
    """One analyst's rating of a risk: '3×2'."""
    return f"{panel_cell(likelihood)}×{panel_cell(severity)}"


POOLED_NOT_APPLICABLE = "not applicable"


def risks_open_for_all(risks: list[str]) -> str:
    """The risks no analyst rated on either side (left out or unknown alike), counted, named."""
    count = len(risks)
    noun = "risk" if count == 1 else "risks"
    return f"Open for every analyst, {count} {noun} (no side rated): {'; '.join(risks)}."


def question(factor_name: str, text: str) -> str:
    return f"{factor_name}: {text}"


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


IMPACT_RED_FLAG = "red flag"
IMPACT_UNKNOWN = "0 pts (unknown vs a number)"
IMPACT_UNDER_ONE = "under 1 pt"


def impact_points(points: int) -> str:
    return f"{points} pts"


def impact_bands(points: str, band_low: str, band_high: str) -> str:
    """'3 pts (Guarded → Moderate)': a move that crosses a band says so."""
    return f"{points} ({band_low} → {band_high})"


def alpha_rests(units: int, total: int, coders: int) -> str:
    return f"over {units} of {total} questions answered by at least two of {coders} analysts"


def alpha_no_variation(rests: str) -> str:
    return (
        f"{PANEL_ALPHA_NAME}: undefined {rests}: every numeric answer is the same, so "
        "there is no variation to tell agreement from chance."
    )


ALPHA_NO_PAIRS = (
    f"{PANEL_ALPHA_NAME}: undefined: no question was answered with a number by at "
    "least two analysts."
)


def alpha_too_few(alpha: str, rests: str) -> str:
    return (
        f"{PANEL_ALPHA_NAME} {alpha} {rests}. Too few questions were answered by two or more "
        "analysts for alpha to mean anything; read the answers themselves."
    )


def alpha_read(alpha: str, rests: str, level: str) -> str:
    return f"{PANEL_ALPHA_NAME} {alpha} {rests}: {ALPHA_LEVELS[level]}. {PANEL_ALPHA_SCALE}"


def versions(listed: str, ref: str, version: str, differ: str | None) -> str:
    """The files follow different versions of the framework: which, and what differs."""
    text = (
        f"the files were answered against different framework versions ({listed}); all are "
        f"scored against {ref} (version {version})"
    )
    return text + (f"; questions that differ: {differ}" if differ else "")


def versions_files(ref: str, files: list[str]) -> str:
    return f"{ref}: {', '.join(files)}"


def questions_count(count: int) -> str:
    return f"{count} questions"
