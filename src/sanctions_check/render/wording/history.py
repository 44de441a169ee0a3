"""The words of the past-episode features: historical analogues (`similar`, and the report's
short section) and the back-test (`backtest`)."""

from __future__ import annotations

from sanctions_check.numbers import percent
from sanctions_check.render.wording.common import (
    NO_BAND,
    NOT_SCORED,
    OUTCOME_HEADING,
    number,
    plural,
    verdict_text,
)

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
DIFFERS_EXPLAINED = (
    "Each factor is compared on the questions both cases answered with a level (how many of the "
    'factor\'s questions that is, in brackets), so the figure for this case ("here") changes '
    "from one episode to the next: it is not this case's own factor score, which counts every "
    "answer."
)


def strong_heading(threshold: float) -> str:
    """The heading over the analogues whose distance rests on enough of the outlook's weight."""
    return (
        f"Comparable analogues: the distance rests on at least {percent(threshold)} of the "
        "outlook's weight. Nearest first."
    )


def weak_heading(threshold: float, after_strong: bool) -> str:
    """The heading over the weak analogues, ranked after every comparable one."""
    after = (
        " Ranked after every comparable analogue, however small their distance: a distance "
        "on few questions is easily small."
        if after_strong
        else ""
    )
    return (
        f"Weak analogues: the distance rests on under {percent(threshold)} of the outlook's "
        f"weight.{after} Nearest first."
    )


def difference_on(name: str, this: float, other: float, shared: int, questions: int) -> str:
    """One factor where an analogue differs, with the questions it is compared on:
    'Commitment 50 here, 88 there (3 of 5 questions)'."""
    noun = "question" if questions == 1 else "questions"
    return f"{difference_text(name, this, other)} ({shared} of {questions} {noun})"


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


def outlook_cell(band: str | None, score: int | None) -> str:
    """An episode's outlook in a table cell: 'Guarded 48', or '52 (no band yet)' when its
    answers earn no band ('not scored' when nothing is)."""
    if score is None:
        return band or NOT_SCORED
    if band is None:
        return f"{score} ({NO_BAND.lower()})"
    return f"{band} {score}"


def overlap_cell(overlap: float, weak: bool, under: float | None = None) -> str:
    """'62%', or '38% weak' under the threshold; '<50% weak' (``under``: the threshold) for a
    weak overlap that the whole percent would round up to the threshold."""
    shown = f"<{percent(under)}" if under is not None else percent(overlap)
    return f"{shown} {WEAK_MARK}" if weak else shown


BACKTEST_TITLE = "Back-test: how the outlook orders past episodes by their recorded outcome"
BACKTEST_STATEMENT = (
    "With so few cases this describes past episodes; it is not a measure of forecast accuracy. "
    "Each episode back-tested here records how it ended, so it was coded with hindsight risk."
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


def _episodes(count: int) -> str:
    return "the back-tested episode" if count == 1 else f"the {count} back-tested episodes"


def backtest_no_hindsight(episodes: int) -> str:
    """Said only of episodes whose files record their outcome (the only ones back-tested)."""
    return (
        f"No answer or risk rating in {_episodes(episodes)} is flagged as hindsight; each file "
        "still records how its episode ended, so its coder may have known."
    )


def backtest_hindsight(count: int, episodes: int) -> str:
    return (
        f"{count} answer(s) and risk rating(s) in {_episodes(episodes)} are flagged as resting on "
        "facts later than the case's date."
    )


BACKTEST_NEEDS = (
    "The back-test orders past episodes by the sources' verdict that each file records (outcome: "
    "verdict: effective, partly or ineffective), and needs two episodes whose verdicts differ."
)


def _reasons(reasons: list[tuple[str, int]]) -> str:
    """Why files were left out, counted: 'no outcome recorded (3 files); …'."""
    return "; ".join(
        f"{EXCLUDED_REASONS.get(r, r)} ({n} file{'' if n == 1 else 's'})" for r, n in reasons
    )


def backtest_none(valid: int, reasons: list[tuple[str, int]]) -> str:
    """No file can be back-tested: why each valid file was left out, counted by reason."""
    files = "the valid case file" if valid == 1 else f"the {valid} valid case files"
    why = _reasons(reasons)
    return f"error: nothing to back-test: none of {files} can be ordered: {why}. {BACKTEST_NEEDS}"


def backtest_one_verdict(episodes: int, verdict: str, reasons: list[tuple[str, int]]) -> str:
    """Episodes with a verdict, but all the same one: no pair to compare."""
    if episodes == 1:
        what = "the one episode with an ordered verdict reads"
    else:
        both = "both" if episodes == 2 else f"all {episodes}"
        what = f"{both} episodes with an ordered verdict read"
    left = _reasons(reasons)
    out = f"; left out: {left}" if left else ""
    return f"error: nothing to back-test: {what} {verdict_text(verdict)!r}{out}. {BACKTEST_NEEDS}"


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
