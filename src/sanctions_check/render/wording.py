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


# --- history: historical analogues (`similar`) and the back-test (`backtest`) ---------------------

VERDICT_LABELS = {
    "effective": "effective",
    "partly": "partly effective",
    "ineffective": "ineffective",
    "unclear": "unclear",
}
NO_OUTCOME = "no outcome recorded"
OUTCOME_HEADING = "Outcome (sources' verdict)"


def verdict_text(verdict: str | None) -> str:
    """The sources' overall verdict in words, or that none is recorded."""
    if verdict is None:
        return NO_OUTCOME
    return VERDICT_LABELS.get(verdict, verdict)


SIMILAR_TITLE = "Historical analogues"
SIMILAR_METHOD = (
    "Distance 0-100 over the factors that enter the outlook, comparing each factor only on the "
    "questions both cases answered with a level (unknown, n/a and unanswered questions are left "
    "out, never guessed), weighted by the framework's factor weights and by the share of each "
    "factor's questions both answered. 0 = the same levels on every shared question. Overlap = "
    "the share of the outlook's weight the distance rests on."
)
SIMILAR_CAVEAT = (
    "Analogues are past episodes whose answers resemble this case's on the questions both "
    "answered. How they ended is context for judgement, not a forecast for this case: each "
    "crisis is unique, and outcomes were recorded after the fact."
)
SIMILAR_HEADERS = ("#", "Episode", "Distance", "Overlap", "Outlook", "Sources' verdict")
DIFFERS_HEADING = "Where each differs most (this case here, the episode there)"
WEAK_MARK = "weak"


def similar_heading(title: str, case_id: str) -> str:
    return f"{SIMILAR_TITLE} of {title} ({case_id})"


def similar_answered(answered: float) -> str:
    return f"This case answers {percent(answered)} of the outlook's weight."


def similar_weak_case(answered: float, threshold: float) -> str:
    return (
        f"Weak analogues: this case answers only {percent(answered)} of the outlook's weight "
        f"(under {percent(threshold)}), so no analogue can rest on more. Answer more questions "
        "before leaning on them."
    )


def similar_no_strong(threshold: float) -> str:
    return (
        f"Weak analogues: no episode shares {percent(threshold)} of the outlook's weight with this "
        "case; read every distance here with care."
    )


def weak_legend(threshold: float) -> str:
    return f"weak: the distance rests on under {percent(threshold)} of the outlook's weight."


SIMILAR_NONE = (
    "No episode in the library can be compared with this case: none answered a question that "
    "this case answered."
)


def similar_not_comparable(ids: list[str]) -> str:
    return f"Not comparable (no question answered in both): {', '.join(ids)}."


EXCLUDED_REASONS = {
    "self": "the case itself",
    "hypothetical": "a hypothetical case, not a real episode",
    "no-outcome": "no outcome recorded",
    "unclear": "the sources' verdict is unclear",
    "not-scored": "no answers to score",
}


def excluded_text(case_id: str, reason: str) -> str:
    return f"{case_id}: {EXCLUDED_REASONS.get(reason, reason)}"


LEFT_OUT = "Left out"


def distance_text(distance: float | None) -> str:
    return "–" if distance is None else f"{distance:.0f}"


def difference_text(name: str, this: float, other: float) -> str:
    """One factor where an analogue differs: 'Commitment 50 here, 88 there'."""
    return f"{name} {this:.0f} here, {other:.0f} there"


def differs_text(rank: int, case_id: str, title: str, differences: list[str]) -> str:
    """One analogue's line under the table: who it is and where it differs most."""
    where = "; ".join(differences) if differences else "no factor differs on the shared questions"
    return f"{rank}. {case_id} ({title}): {where}."


def purpose_verdicts_text(verdicts: list[tuple[str, str]]) -> str:
    """An analogue's verdicts on the purposes this case pursues: 'On coerce: ineffective.'"""
    return "On " + "; on ".join(f"{p}: {verdict_text(v)}" for p, v in verdicts) + "."


def quote_text(quote: str) -> str:
    """An analogue's outcome quote, marked as the sources' words."""
    return f"In the sources' words: “{quote}”"


BACKTEST_TITLE = "Back-test: how the outlook orders past episodes by their recorded outcome"
BACKTEST_STATEMENT = (
    "With so few cases this describes past episodes, coded with hindsight risk (the coders knew "
    "how each episode ended); it is not a measure of forecast accuracy."
)
BACKTEST_NO_FITTING = (
    "The back-test reports and never fits: no weight, threshold or anchor is tuned to these "
    "outcomes; the weights come from the practitioners' counts."
)
BACKTEST_METHOD = (
    "Pairwise concordance (the C-index; the AUC when there are two verdicts): of the pairs of "
    "episodes whose sources' verdicts differ (ineffective < partly < effective; unclear left "
    "out), the share in which the better-judged episode has the higher score, equal scores "
    "counting one half. 0.5 orders no better than a coin; 1 puts every better episode above "
    "every worse one. Interval: percentile bootstrap over cases."
)
BACKTEST_DASH = "–: no comparable pair (no two cases with answers and different verdicts)."
BACKTEST_RED_FLAGS = (
    "For red flags a lower score is the hoped-for direction: a concordance under 0.5 is the "
    "pattern the flag expects."
)
BACKTEST_HEADERS = ("Score", "Kind", "Cases", "Pairs", "Concordance", "Interval")
EPISODE_HEADERS = ("Episode", OUTCOME_HEADING, "Outlook", "Hindsight")
NO_PAIRS = "no comparable pairs"


def concordance_cell(value: float | None) -> str:
    """A table cell: the concordance, or '–' when there is no comparable pair."""
    return "–" if value is None else f"{value:.2f}"


def interval_text(low: float | None, high: float | None) -> str:
    return "–" if low is None or high is None else f"{low:.2f}–{high:.2f}"


def backtest_summary(
    value: float | None,
    low: float | None,
    high: float | None,
    level: float,
    cases: int,
    pairs: int,
    counts: tuple[int, int, int],
) -> str:
    """The outlook's concordance in one sentence, with its interval and its counts."""
    concordant, discordant, tied = counts
    if value is None:
        return (
            f"Outlook: {NO_PAIRS} among {cases} case(s) with an ordered verdict; the back-test "
            "needs episodes whose verdicts differ."
        )
    return (
        f"Outlook: concordance {value:.2f} ({level * 100:.0f}% bootstrap interval "
        f"{interval_text(low, high)}), {cases} cases, {pairs} comparable pairs ({concordant} "
        f"concordant, {discordant} discordant, {tied} tied)."
    )


def verdict_counts(counts: dict[str, int]) -> str:
    return "Verdicts: " + ", ".join(f"{verdict_text(v)} {n}" for v, n in counts.items()) + "."


def hindsight_text(count: int) -> str:
    if count == 0:
        return (
            "No answer or risk rating in these episodes is flagged as hindsight; the coders "
            "still knew how each episode ended."
        )
    return (
        f"{count} answer(s) and risk rating(s) in these episodes are flagged as resting on facts "
        "later than the case's date."
    )


def bootstrap_text(resamples: int, seed: int) -> str:
    return (
        f"Bootstrap: {resamples} resamples of the cases, seed {seed} (the same files give the "
        "same interval)."
    )


LIBRARY_NOT_STDIN = "error: --library reads files and folders, not standard input (-)"
LIBRARY_OTHER_FRAMEWORK = (
    "note: the bundled examples are answered against the bundled framework; with --framework, "
    "pass --library with episodes answered against that framework"
)
BACKTEST_NOTHING_VALID = "error: no valid case file to back-test"


def library_tally(used: int, invalid: int) -> str:
    return f"{used} case(s) used, {invalid} invalid."
