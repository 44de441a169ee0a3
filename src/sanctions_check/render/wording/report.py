"""The words of the report of one case (`report` in every format, and the summary `assess`
prints): its sections, the sentences the report model attaches, the bottom line and the Word
document's headings."""

from __future__ import annotations

import shlex

from sanctions_check.numbers import level_text, percent
from sanctions_check.render.wording.common import (
    NEUTRAL_RULE,
    NO_OUTCOME,
    NONE_RECORDED,
    NOT_ASSESSED,
    band_text,
    number,
    plural,
    score_range,
    verdict_text,
)
from sanctions_check.render.wording.history import SIMILAR_TITLE, WEAK_MARK
from sanctions_check.textsafe import one_line

CASE_COUNTRY, CASE_AS_OF, CASE_ASSESSED_ON = "Country", "As of", "Assessed on"
CASE_ANALYST, CASE_IMPOSED_BY = "Analyst", "Imposed by"
PROVISIONAL_EXPLAINED = (
    "Provisional: too little is answered yet (or a core factor is not yet assessed) for the band "
    "to mean much; answer more questions before relying on it."
)
SCORE_LEGEND = (
    "0-100; score with each unknown or unanswered question at its neutral value; range = if each "
    "were 0 / were 4"
)
GAP_LABELS = {
    "unknown": "answered 'unknown'",
    "unanswered": "not answered",
    "low-confidence": "low-confidence answer",
    "risk-unrated": "risk not fully rated",
    "gate-unresolved": "gate unresolved",
}
METHOD = (
    "Each question is answered 0-4, unknown, or n/a (it does not apply to these measures). A "
    "factor's score is the weighted mean of its applicable questions, as 0-100; "
    + NEUTRAL_RULE[0].lower()
    + NEUTRAL_RULE[1:]
    + " n/a questions are left out of their factor, and a factor whose questions are all n/a is "
    "left out of the outlook. Coverage is the share of applicable question weight answered. The "
    "outlook is the weighted mean of the core and secondary factors, banded; gates cap the band "
    "when a core factor is very weak, and a gate the range cannot rule out is reported as "
    "unresolved. Red flags and risks are shown beside the outlook, never subtracted from it."
)
NO_CORE_LIMIT = "No core factor is assessed yet, so no limiting factor can be named."
INSIDE_OUTSIDE = (
    "The outlook is the inside view (this case's conditions); the base rate is the outside view "
    "(how often UN targeted sanctions pursuing that purpose were judged effective). Read them "
    "together: no purpose-specific weights are applied, because the evidence gives none."
)
NO_PURPOSE_STATED = (
    "The case file states no purpose, so the base rates of all three are shown; stating the "
    "purpose sharpens the comparison."
)
BASE_RATE_COUNTS = (
    "of the UN targeted sanctions episodes that pursued this purpose were judged effective (UN "
    "sanctions in general, not atrocity cases alone)"
)
NO_BASE_RATE = "no base rate in the framework"
NO_LEVERS = "No answered question below the top level."
NO_RISKS = "No risk rated in the case file."
RISK_RANKING = (
    "Ranked by what each could reach, likelihood × severity (0-16), each rated 0-4; an unknown "
    "side ('?') could be anything from 0 to 4."
)
OUTCOME_EXPLAINED = (
    "What the cited sources later judged, recorded after the fact; the scoring never reads it. "
    "Set it beside the outlook: the outlook is not a prediction."
)
GAPS_NONE = "None: every question answered with at least medium confidence."
GAPS_NONE_CONFIDENCE_UNSTATED = "No question unknown, unanswered or of low confidence."


def limit_not_assessed(unresolved: bool) -> str:
    """A core factor with no question answered: it counts at its neutral value."""
    gate = " and the gate on it is unresolved" if unresolved else ""
    return f"{NOT_ASSESSED}: no question answered, so it counts at its neutral value{gate}."


def limit_gate(score: float | None, below: float, cap_label: str) -> str:
    """A core factor whose gate is closed; the gate's own reason is given once, with the gate."""
    return (
        f"scores {number(score)}, below the gate at {number(below)}, so the outlook can be at "
        f"most {cap_label} (see the gate above)."
    )


def limit_weakest(score: float | None) -> str:
    return f"the weakest assessed core factor, at {number(score)} of 100."


def gate_factor_scores(name: str, score: float) -> str:
    return f"{name} scores {number(score)}"


def gate_closed(scores: str, below: float, cap_label: str) -> str:
    """Which factors close a gate ('X scores 40 and Y scores 38') and what it caps."""
    return f"{scores}, below {number(below)}, so the outlook can be at most {cap_label}."


def gate_factor_range(name: str, low: float, high: float) -> str:
    return f"{name} (range {score_range(low, high)})"


def gate_unresolved(ranges: str, count: int, below: float, cap_label: str) -> str:
    """The factors whose range leaves a gate open, and what it would cap."""
    verb = "is" if count == 1 else "are"
    return (
        f"Unresolved: {ranges} {verb} not far enough answered to rule out a score below "
        f"{number(below)}, which would cap the outlook at {cap_label}."
    )


def gate_gap(name: str, low: float, high: float, below: float) -> str:
    """A data gap: a factor's range reaches below its gate."""
    return f"{name}: its range ({score_range(low, high)}) reaches below the gate at {number(below)}"


def lever_text(factor_name: str, current: float, gain: float, lifts_cap: bool) -> str:
    lift = "; this change alone would lift the cap" if lifts_cap else ""
    return (
        f"{factor_name}, now {level_text(current)} of 4: up to +{number(gain)} outlook points{lift}"
    )


def strengths_none(label: str, minimum: float) -> str:
    return (
        f"No factor reaches the top band ({label}, {number(minimum)}+) with at least half its "
        "questions answered."
    )


def red_flags_none_raised(threshold: float) -> str:
    """True only when every red flag is assessed and its range stays below the threshold."""
    return (
        f"None raised: every red flag is assessed and even its range stays below "
        f"{number(threshold)}."
    )


def red_flag_no_answers(name: str) -> str:
    return f"{name} (no answers)"


def red_flag_range(name: str, low: float, high: float) -> str:
    return f"{name} (range {score_range(low, high)})"


def red_flags_not_assessed(flags: str, threshold: float) -> str:
    return f"Not assessed: {flags}; not ruled out at the threshold of {number(threshold)}."


def base_rate_figure(percent_value: float, qualifier: str) -> str:
    return f"{qualifier + ' ' if qualifier else ''}{number(percent_value)}%"


def base_rate_line(name: str, figure: str | None, source: str | None) -> str:
    if figure is None:
        return f"{name}: {NO_BASE_RATE}."
    cited = f" Source: {source}." if source else ""
    return f"{name}: {figure} {BASE_RATE_COUNTS}.{cited}"


def confidence_not_stated(count: int) -> str:
    return f"Confidence not stated for {count} answer{'s' if count != 1 else ''}."


def hindsight_text(count: int, as_of: str | None) -> str:
    when = f" ({as_of})" if as_of else ""
    noun = "answer rests" if count == 1 else "answers rest"
    return f"{count} {noun} on facts later than the assessment's as-of date{when} (hindsight)."


def not_applicable_text(question: str, note: str | None) -> str:
    return f"n/a: {question}" + (f" ({note})" if note else "")


def outcome_verdict(verdict: str) -> str:
    return f"Verdict: {verdict_text(verdict)}"


def tsc_policy_outcome(score: int) -> str:
    return f"Targeted Sanctions Consortium policy outcome: {score} of 5"


def tsc_sanctions_contribution(score: int) -> str:
    return f"Targeted Sanctions Consortium sanctions contribution: {score} of 5"


def quoted(quote: str) -> str:
    return f"“{quote}”"


def sources_line(sources: tuple[str, ...]) -> str:
    return f"Sources: {', '.join(sources)}"


def outlook_left_out(names: tuple[str, ...]) -> str:
    return f"Left out as not applicable (every question n/a): {', '.join(names)}."


def strength_text(name: str, score: int) -> str:
    return f"{name}: {score} of 100"


def counts_as(answer: str, value: float, reason: str | None) -> str:
    """An open answer with the framework's own neutral value: 'unknown (counts as 1.5 of 4: …)'."""
    why = f": {reason}" if reason else ""
    return f"{answer} (counts as {level_text(value)} of 4{why})"


def header_rest(case_file: str) -> str:
    """After a shortened situation or measures in the terminal header: where the full text is."""
    return f"(in full: sanctions-check report {shlex.quote(one_line(case_file))} --format html)"


def answers_elsewhere(case_file: str) -> str:
    """The terminal summary's last line, naming the real file (shell-quoted, one line)."""
    return (
        "The answers behind these scores, with notes and sources, are in the Markdown and HTML "
        f"reports (sanctions-check report {shlex.quote(one_line(case_file))} --format html)."
    )


ANALOGUES_HEADING = SIMILAR_TITLE
ANALOGUES_NONE = "No episode in the library could be compared with this case."


def analogues_explained(threshold: float, bundled: bool) -> str:
    """The one line under the section: what the episodes are and how far to trust them."""
    coded = (
        "coded from public sources (the bundled examples)" if bundled else "from the library given"
    )
    return (
        f"These are past episodes {coded}, nearest to this case on the questions both answered; "
        "their verdicts were recorded after the fact, and a weak analogue (overlap under "
        f"{percent(threshold)} of the outlook's weight) says little. Context for judgement, not a "
        "forecast."
    )


def analogue_text(
    distance: float | None,
    overlap: float,
    weak: bool,
    band_label: str | None,
    outlook: float | None,
    verdict: str | None,
) -> str:
    """One analogue in a line: 'Distance 15 of 100, overlap 62%; outlook Guarded 48; …'."""
    shared = percent(overlap) + (f" ({WEAK_MARK})" if weak else "")
    scored = band_text(band_label) + ("" if outlook is None else f" {number(outlook)}")
    ended = NO_OUTCOME if verdict is None else f"sources' verdict: {verdict_text(verdict)}"
    return f"Distance {number(distance)} of 100, overlap {shared}; outlook {scored}; {ended}."


def analogue_differs(differences: list[str]) -> str:
    """Where one analogue differs most from the case, on the questions both answered."""
    if not differences:
        return "No factor differs on the questions both answered."
    return (
        "Differs most, on the questions both answered (this case here, the episode there): "
        + "; ".join(differences)
        + "."
    )


DOCX_FACTOR_CHART = "Factor chart"
DOCX_CHART_LEGEND = (
    "Each cell is 10 points of 0-100: dark cells are secured by the score, light cells the range "
    "that unknown or unanswered questions leave open, blank cells absent."
)
DOCX_BIBLIOGRAPHY = "Bibliography"
DOCX_FRAMEWORK_SOURCES = "The framework's sources"
DOCX_CASE_REFERENCES = "The case file's references"
DOCX_CASE_SOURCES = "Cited in the case file"
DOCX_ANSWERS = "The answers behind the scores"

# The terminal bottom line: at most 15 lines, printed first by `report` and last by `assess`.
BOTTOM_OUTLOOK = "Outlook"
BOTTOM_OUTSIDE = "Outside view"
BOTTOM_LIMIT = "Limited by"
BOTTOM_LEVER = "Top lever"
BOTTOM_RISK = "Top risk"
BOTTOM_FLAGS = "Red flags"
BOTTOM_GAPS = "Data gaps"
BOTTOM_MORE = "More"
BOTTOM_NO_LIMIT = "no core factor assessed yet"
BOTTOM_NO_LEVER = "none (no answered question below the top level)"
BOTTOM_NO_RISK = "none rated"
BOTTOM_NO_FLAGS = "none raised"


def bottom_outside(rates: list[str]) -> str:
    return (
        f"{'; '.join(rates)} (share of UN targeted sanctions episodes with that purpose judged "
        "effective)"
    )


def bottom_limit_not_assessed(name: str) -> str:
    return f"{name}: {NOT_ASSESSED} (its gate is unresolved)"


def bottom_limit_gate(name: str, score: int | None) -> str:
    return f"{name}: {number(score)}, below its gate, so the band is capped"


def bottom_limit_weakest(name: str, score: int | None) -> str:
    return f"{name}: the weakest assessed core factor, at {number(score)}"


def bottom_gaps(
    unknown: int, unanswered: int, low_confidence: int, risk_unrated: int, not_applicable: int
) -> str:
    """'9 unknown, 4 unanswered, 2 low-confidence, 0 n/a' (and unrated risks when any)."""
    risks = f", {plural(risk_unrated, 'risk')} unrated" if risk_unrated else ""
    return (
        f"{unknown} unknown, {unanswered} unanswered, {low_confidence} low-confidence, "
        f"{not_applicable} n/a{risks}"
    )


def bottom_lever(question: str, gain: int) -> str:
    return f"{question} (up to +{gain} points)"


def bottom_risk(name: str, text: str, mitigation: str | None) -> str:
    planned = f"; planned: {mitigation}" if mitigation else f"; planned: {NONE_RECORDED}"
    return f"{name} {text}{planned}"


def bottom_more(where: str, case_file: str) -> str:
    """Where the rest is: the full summary (above or below) and the brief's command."""
    place = "below" if where == "below" else "above"
    return (
        f"the full summary is {place}; one page to print: sanctions-check report {case_file} "
        "--format brief -o brief.html; Word: --format docx -o report.docx"
    )


def bottom_flags(flags: list[tuple[str, int | None]]) -> str:
    """'raised: Military sanctions 75, Target has access to other resources 63'."""
    return "raised: " + ", ".join(f"{name} {number(score)}" for name, score in flags)


def brief_gap_counts(
    unknown: int,
    unanswered: int,
    low_confidence: int,
    risk_unrated: int,
    not_applicable: int,
) -> str:
    """The data-gap counts in one line: '9 unknown, 4 not answered, 2 low-confidence; 0 n/a'."""
    parts = [
        f"{unknown} unknown",
        f"{unanswered} not answered",
        f"{low_confidence} low-confidence",
    ]
    if risk_unrated:
        parts.append(plural(risk_unrated, "risk") + " not fully rated")
    return ", ".join(parts) + f"; {not_applicable} n/a (question does not apply)"
