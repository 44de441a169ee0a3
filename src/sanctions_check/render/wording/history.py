"""The words of the past-episode features: historical analogues (`similar`, and the report's
short section) and the back-test (`backtest`)."""

from __future__ import annotations

from sanctions_check.numbers import percent
from sanctions_check.render.wording.common import OUTCOME_HEADING, number, plural, verdict_text

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
DIFFERS_HEADING = (
    "Where each differs most, on the questions both answered (this case here, the episode there)"
)
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
    "out-of-scope": "outside the framework's definition of targeted sanctions",
}


def excluded_text(case_id: str, reason: str) -> str:
    return f"{case_id}: {EXCLUDED_REASONS.get(reason, reason)}"


def left_out(items: list[str]) -> str:
    """The episodes a table leaves out, each with its reason."""
    return "Left out: " + "; ".join(items) + "."


def difference_text(name: str, this: float, other: float) -> str:
    """One factor where an analogue differs: 'Commitment 50 here, 88 there'."""
    return f"{name} {number(this)} here, {number(other)} there"


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


def outlook_cell(band: str, score: int | None) -> str:
    """An episode's outlook in a table cell: 'Guarded 48' (the band alone when unscored)."""
    return band if score is None else f"{band} {score}"


def overlap_cell(overlap: float, weak: bool) -> str:
    """'62%', or '38% weak' under the threshold."""
    return f"{percent(overlap)} {WEAK_MARK}" if weak else percent(overlap)


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
DASH = "–"


def fraction(value: float) -> str:
    """A concordance or an interval's end as printed: '0.94'."""
    return f"{value:.2f}"


def interval_text(low: float, high: float) -> str:
    return f"{fraction(low)}–{fraction(high)}"


def outlook_no_pairs(cases: int) -> str:
    """The outlook's line when no two episodes with an ordered verdict differ."""
    return (
        f"Outlook: {NO_PAIRS} among {cases} case(s) with an ordered verdict; the back-test "
        "needs episodes whose verdicts differ."
    )


def outlook_concordance(
    value: str,
    level: float,
    interval: str,
    cases: int,
    pairs: int,
    concordant: int,
    discordant: int,
    tied: int,
) -> str:
    """The outlook's concordance in one sentence, with its interval and its counts."""
    return (
        f"Outlook: concordance {value} ({level * 100:.0f}% bootstrap interval "
        f"{interval}), {cases} cases, {pairs} comparable pairs ({concordant} "
        f"concordant, {discordant} discordant, {tied} tied)."
    )


def verdict_counts(counts: list[tuple[str, int]]) -> str:
    return "Verdicts: " + ", ".join(f"{verdict_text(v)} {n}" for v, n in counts) + "."


def backtest_no_hindsight() -> str:
    return (
        "No answer or risk rating in these episodes is flagged as hindsight; the coders "
        "still knew how each episode ended."
    )


def backtest_hindsight(count: int) -> str:
    return (
        f"{count} answer(s) and risk rating(s) in these episodes are flagged as resting on facts "
        "later than the case's date."
    )


def bootstrap_text(resamples: int, seed: int) -> str:
    return (
        f"Bootstrap: {resamples} resamples of the cases, seed {seed} (the same files give the "
        "same interval)."
    )


def hindsight_set_aside(total: int, counted: list[tuple[str, int]]) -> str:
    """What --exclude-hindsight did: the hindsight answers counted as unknown, per episode."""
    if not total:
        return (
            "--exclude-hindsight: no answer in the back-tested episodes is flagged as hindsight; "
            "nothing was set aside."
        )
    each = ", ".join(f"{case_id} {count}" for case_id, count in counted)
    return (
        f"--exclude-hindsight: {plural(total, 'answer')} flagged as hindsight "
        f"{'was' if total == 1 else 'were'} set aside and counted as unknown, so each episode is "
        f"scored on what was knowable at its as_of date ({each})."
    )


def out_of_scope_left_out(ids: list[str]) -> str:
    """What --exclude-out-of-scope did: the episodes outside the framework's definition."""
    if not ids:
        return (
            "--exclude-out-of-scope: no episode is outside the framework's definition of targeted "
            "sanctions (threat-only episodes are within it)."
        )
    return (
        f"--exclude-out-of-scope: left out {plural(len(ids), 'episode')} outside the framework's "
        f"definition of targeted sanctions ({', '.join(ids)}); threat-only episodes are within "
        "it and stay."
    )
