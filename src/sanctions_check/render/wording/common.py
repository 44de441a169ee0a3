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
ANSWERED_UNKNOWN = "answered unknown"
NOT_ANSWERED = "not answered"
UNKNOWN_OR_UNANSWERED = "answered unknown or not answered"
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


def band_text(label: str | None, capped: bool = False) -> str:
    """A band as a cell reads it: 'Guarded', 'Guarded (capped)', or that none is given yet."""
    if label is None:
        return NO_BAND
    return f"{label} (capped)" if capped else label


def or_list(items: list[str] | tuple[str, ...]) -> str:
    """'A', 'A or B', 'A, B or C'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} or {items[-1]}"


def and_list(items: list[str] | tuple[str, ...]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def band_span(others: list[str] | tuple[str, ...]) -> str:
    """'; could be Moderate' (or 'Low or Moderate'): the other bands the range reaches, never the
    point's own band; '' when the range stays in it."""
    return f"; could be {or_list(others)}" if others else ""


def outlook_text(
    band: str | None,
    capped: bool,
    score: float | None,
    low: float,
    high: float,
    coverage: str,
    others: list[str] | tuple[str, ...] = (),
) -> str:
    """The one-line outlook with its band: 'Guarded; could be Moderate: 56 (range 40–70),
    coverage 62%, …'. ``coverage`` is worded by :func:`coverage_text`."""
    return (
        f"{band_text(band, capped)}{band_span(others)}: "
        f"{score_with_range(score, low, high)}, {coverage}"
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
    assessed: bool,
    unknown: int,
    unanswered: int,
) -> str:
    """One factor's score as every report words it: '62 (range 45–75)', or, with no informative
    answer, whether its questions were answered unknown or not answered: 'answered unknown
    (range 0–100)'."""
    if score is None or low is None or high is None:
        return NOT_APPLICABLE
    if not assessed:
        return f"{open_answers(unknown, unanswered)} (range {score_range(low, high)})"
    return score_with_range(score, low, high)


def open_answers(unknown: int, unanswered: int) -> str:
    """Questions with no informative answer, told apart: answered unknown is not unanswered."""
    if unknown and unanswered:
        return UNKNOWN_OR_UNANSWERED
    return ANSWERED_UNKNOWN if unknown else NOT_ANSWERED


def answer_text(score: object) -> str:
    """An answer's level as words: '3 of 4', 'unknown', 'n/a' or 'not answered'."""
    if score is None:
        return NOT_ANSWERED
    if isinstance(score, int | float) and not isinstance(score, bool):
        return f"{level_text(score)} of 4"
    return str(score)


def risk_range_text(
    likelihood: object,
    severity: object,
    value: int | None,
    low: int,
    high: int,
    band_label: str | None,
    reach_label: str | None,
) -> str:
    """'4 × 3 = 12 (High)' or, open (a side unknown, not rated, or the risk left out of the
    file), '4 × ? → 0–16 (open; could reach Severe)': the one wording of every command."""
    pair = f"{risk_side(likelihood)} × {risk_side(severity)}"
    if value is not None:
        return f"{pair} = {value}" + (f" ({band_label})" if band_label else "")
    reach = f"; could reach {reach_label}" if reach_label else ""
    return f"{pair} → {low}–{high} ({OPEN_RISK}{reach})"


OPEN_RISK = "open"


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


# --- the band, earned or withheld; both coverages ------------------------------------------------

NO_BAND = "No band yet"
OUTSIDE_QUESTIONS = "the questions an outside analyst can answer"


def coverage_text(coverage: float, outside: float | None) -> str:
    """'coverage 62%, 70% of the questions an outside analyst can answer' (the second part only
    when the framework marks insider questions)."""
    if outside is None:
        return f"coverage {percent(coverage)}"
    return f"coverage {percent(coverage)}, {percent(outside)} of {OUTSIDE_QUESTIONS}"


def withheld_coverage(answered: float, minimum: float, outsiders: bool) -> str:
    """'30% of the questions an outside analyst can answer are answered (the framework asks for
    50%)'."""
    which = OUTSIDE_QUESTIONS if outsiders else "the questions"
    return (
        f"{percent(answered)} of {which} are answered (the framework asks for {percent(minimum)})"
    )


def uninformed(names: list[str] | tuple[str, ...]) -> str:
    """'Commitment and Communication have no informative answer'."""
    verb = "has" if len(names) == 1 else "have"
    return f"{and_list(names)} {verb} no informative answer"


def withheld_text(
    reasons: list[str], score: float | None, low: float, high: float, coverage: str
) -> str:
    """The headline when no band is earned: what is missing, then the point, range and coverage.
    'No band yet: Commitment has no informative answer. Outlook 50 (range 12–88), coverage 30%.'"""
    missing = ", and ".join(reasons)
    return f"{NO_BAND}: {missing}. {OUTLOOK_NAME} {score_with_range(score, low, high)}, {coverage}."


def withheld_short(uninformed_names: list[str] | tuple[str, ...], coverage_short: bool) -> str:
    """Why no band, in a few words for a cell: 'no band yet (Exposure: no informative answer;
    too little answered)'."""
    parts = []
    if uninformed_names:
        parts.append(f"{and_list(uninformed_names)}: no informative answer")
    if coverage_short:
        parts.append("too little answered")
    return f"{NO_BAND.lower()} ({'; '.join(parts)})"


def withheld_explained(minimum: float, outsiders: bool) -> str:
    """Under a headline without a band: what earns one."""
    which = OUTSIDE_QUESTIONS if outsiders else "the questions"
    return (
        f"A band is given once it is earned: at least {percent(minimum)} of {which} answered, and "
        "an informative answer (a level, not unknown) on every core factor that applies. Until "
        "then the point and range stand alone: answer more before reading a band into them."
    )
