"""The words of the report of one case (`report` in every format, and the summary `assess`
prints): its sections, the sentences the report model attaches, the bottom line and the Word
document's headings."""

from __future__ import annotations

import shlex

from sanctions_check.numbers import level_text, percent, whole
from sanctions_check.render.wording.common import (
    NEUTRAL_RULE,
    NO_OUTCOME,
    NONE_RECORDED,
    number,
    open_answers,
    plural,
    score_range,
    verdict_text,
)
from sanctions_check.render.wording.history import SIMILAR_TITLE, WEAK_MARK, outlook_cell
from sanctions_check.textsafe import one_line

CASE_COUNTRY, CASE_AS_OF, CASE_ASSESSED_ON = "Country", "As of", "Assessed on"
CASE_ANALYST, CASE_IMPOSED_BY = "Analyst", "Imposed by"
CASE_SCOPE = "Scope"
SCORE_LEGEND = (
    "0-100; score with each unknown or unanswered question at its neutral value; range = if each "
    "were 0 / were 4"
)
GAP_LABELS = {
    "unknown": "answered 'unknown'",
    "unanswered": "not answered",
    "low-confidence": "low-confidence answer",
    "risk-open": "open risk",
    "gate-unresolved": "gate unresolved",
}
LOW_CONFIDENCE_RISK = "low-confidence risk rating"
METHOD = (
    "Each question is answered 0-4, unknown, or n/a (it does not apply to these measures). A "
    "factor's score is the weighted mean of its applicable questions, as 0-100; "
    + NEUTRAL_RULE[0].lower()
    + NEUTRAL_RULE[1:]
    + " n/a questions are left out of their factor, and a factor whose questions are all n/a is "
    "left out of the outlook. Coverage is the share of applicable question weight answered; it is "
    "also given for the questions an outside analyst can answer, the insider ones left out. The "
    "outlook is the weighted mean of the core and secondary factors. It is banded once the band "
    "is earned (enough of the outsider questions answered, and an informative answer on every "
    "core factor); gates cap the band when a core factor is very weak, and a gate the range "
    "cannot rule out is reported as "
    "unresolved. Red flags and risks are shown beside the outlook, never subtracted from it; a "
    "risk is rated when both its sides are known, and open otherwise."
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
NO_LEVERS = "No answered lever question below the top level."
NO_RISKS = "No risk rated yet: none has both its likelihood and its severity known."
RISK_RANKING = (
    "Rated risks ranked by likelihood × severity (0-16), each side rated 0-4. An open risk has a "
    "side unknown or not rated, or is left out of the file; its side '?' could be anything from "
    "0 to 4, so it is listed by what it could reach and is never the top risk."
)
OUTCOME_EXPLAINED = (
    "What the cited sources later judged, recorded after the fact; the scoring never reads it. "
    "Set it beside the outlook: the outlook is not a prediction."
)
GAPS_NONE = "None: every question answered with at least medium confidence."
GAPS_NONE_CONFIDENCE_UNSTATED = "No question unknown, unanswered or of low confidence."


def limit_not_assessed(unresolved: bool, unknown: int, unanswered: int) -> str:
    """A core factor with no informative answer: its questions answered unknown, not answered,
    or both, said as they are; it counts at its neutral value."""
    gate = " and the gate on it is unresolved" if unresolved else ""
    every = "every question " + open_answers(unknown, unanswered)
    return f"no informative answer ({every}), so it counts at its neutral value{gate}."


def limit_gate(score: float | None, below: float, cap_label: str) -> str:
    """A core factor whose gate is closed; the gate's own reason is given once, with the gate."""
    return (
        f"scores {number(score)}, below the gate at {number(below)}, so the outlook can be at "
        f"most {cap_label} (see the gate above)."
    )


def limit_gate_no_band(score: float | None, below: float) -> str:
    """A closed gate while no band is earned: it will cap any band, named by none."""
    return (
        f"scores {number(score)}, below the gate at {number(below)}, so the gate will cap any "
        "band this case earns (see the gate above)."
    )


def limit_weakest(score: float | None) -> str:
    return f"the weakest assessed core factor, at {number(score)} of 100."


def gate_factor_scores(name: str, score: float) -> str:
    return f"{name} scores {number(score)}"


def gate_capped(scores: str, below: float, cap_label: str, uncapped_label: str) -> str:
    """A closed gate that capped: the answers alone put the band above the cap."""
    return (
        f"{scores}, below {number(below)}, so the outlook is capped at {cap_label} (on the "
        f"answers alone it would be {uncapped_label})."
    )


def gate_closed_not_capping(scores: str, below: float, cap_label: str, band_label: str) -> str:
    """A closed gate that lowers nothing: the answers alone put the band at the cap or below."""
    return (
        f"{scores}, below {number(below)}, so the outlook can be at most {cap_label}; the answers "
        f"put it at {band_label} already, so the gate lowers nothing."
    )


def gate_closed_no_band(scores: str, below: float) -> str:
    """A closed gate while no band is earned."""
    return f"{scores}, below {number(below)}, so the gate will cap any band this case earns."


def gate_factor_range(name: str, low: float, high: float) -> str:
    return f"{name} (range {score_range(low, high)})"


def gate_would_cap(cap_label: str) -> str:
    return f"the outlook would be capped at {cap_label}"


def gate_would_keep(band_label: str) -> str:
    return f"it would close the gate, and the outlook, already {band_label}, would keep its band"


GATE_WOULD_CAP_LATER = "it would close the gate, which caps any band this case earns"


def gate_unresolved(ranges: str, count: int, below: float, follows: str) -> str:
    """The factors whose range leaves a gate open, and what would follow were one confirmed
    below it (``follows``: :func:`gate_would_cap`, :func:`gate_would_keep`, or the band to
    come)."""
    verb = "is" if count == 1 else "are"
    which = "it" if count == 1 else "one"
    return (
        f"Unresolved: {ranges} {verb} not far enough answered to rule out a score below "
        f"{number(below)}; if {which} were confirmed below {number(below)}, {follows}."
    )


def gate_gap(name: str, low: float, high: float, below: float) -> str:
    """A data gap: a factor's range reaches below its gate."""
    return f"{name}: its range ({score_range(low, high)}) reaches below the gate at {number(below)}"


def lever_text(
    factor_name: str, current: float, gain: float, lifts_cap: bool, show_gain: bool = True
) -> str:
    """'Exposure, now 1 of 4: up to +3 outlook points'; without the gain when the levers' note
    says it once for all of them."""
    lift = "; this change alone would lift the cap" if lifts_cap else ""
    unit = "point" if number(gain) == "1" else "points"
    points = f": up to +{number(gain)} outlook {unit}" if show_gain else ""
    return f"{factor_name}, now {level_text(current)} of 4{points}{lift}"


def levers_alike(gain: int) -> str:
    """Said once when every lever shown would add the same whole number of points."""
    point = "point" if gain == 1 else "points"
    return (
        f"Each would add about {gain} outlook {point} if raised to the top level; they are "
        "ranked by their exact gain, then by how many practitioners cited the factor."
    )


def strengths_none(minimum: float) -> str:
    return f"No factor scores {number(minimum)} or more with at least half its questions answered."


def red_flags_none_raised(threshold: float) -> str:
    """True only when every red flag is assessed and its range stays below the threshold."""
    return (
        f"None raised: every red flag is assessed and even its range stays below "
        f"{number(threshold)}."
    )


def red_flag_no_answers(name: str, unknown: int, unanswered: int) -> str:
    """A red flag with no informative answer: its questions answered unknown or not answered."""
    return f"{name} ({open_answers(unknown, unanswered)})"


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
    scored = outlook_cell(band_label, None if outlook is None else whole(outlook))
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
DOCX_EVIDENCE_NOTES = "Notes on the evidence"

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
BOTTOM_NO_LEVER = "none (no answered lever question below the top level)"
BOTTOM_NO_FLAGS = "none raised"


def bottom_outside(rates: list[str]) -> str:
    return (
        f"{'; '.join(rates)} (share of UN targeted sanctions episodes with that purpose judged "
        "effective)"
    )


def bottom_limit_not_assessed(name: str, unknown: int, unanswered: int, unresolved: bool) -> str:
    gate = " (its gate is unresolved)" if unresolved else ""
    return f"{name}: {open_answers(unknown, unanswered)} throughout{gate}"


def bottom_limit_gate(name: str, score: int | None, capped: bool) -> str:
    """A closed gate's factor: 'so the band is capped' only when the gate did cap it."""
    if capped:
        return f"{name}: {number(score)}, below its gate, so the band is capped"
    return f"{name}: {number(score)}, below its gate"


def bottom_limit_weakest(name: str, score: int | None) -> str:
    return f"{name}: the weakest assessed core factor, at {number(score)}"


def bottom_gaps(
    unknown: int, unanswered: int, low_confidence: int, risk_open: int, not_applicable: int
) -> str:
    """'9 answered unknown, 4 not answered, 2 low-confidence, 0 n/a, 3 open risks'."""
    return (
        f"{unknown} answered unknown, {unanswered} not answered, {low_confidence} low-confidence, "
        f"{not_applicable} n/a, {plural(risk_open, 'open risk')}"
    )


def bottom_lever(question: str, gain: int) -> str:
    return f"{question} (up to +{gain} points)"


def bottom_risk(name: str, text: str, mitigation: str | None, open_count: int) -> str:
    """The top rated risk, the open ones counted beside it, then its planned mitigation."""
    planned = f"; planned: {mitigation}" if mitigation else f"; planned: {NONE_RECORDED}"
    opened = f", with {plural(open_count, 'open risk')}" if open_count else ""
    return f"{name} {text}{opened}{planned}"


def bottom_no_risk(open_count: int) -> str:
    """No risk rated: said so, with the open ones counted."""
    return f"no risk rated yet ({plural(open_count, 'open risk')})"


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
    risk_open: int,
    not_applicable: int,
) -> str:
    """The data-gap counts in one line: '9 answered unknown, 4 not answered, 2 low-confidence
    (answers and risk ratings), 3 open risks; 0 n/a (question does not apply)'."""
    parts = [
        f"{unknown} answered unknown",
        f"{unanswered} not answered",
        f"{low_confidence} low-confidence (answers and risk ratings)",
        plural(risk_open, "open risk"),
    ]
    return ", ".join(parts) + f"; {not_applicable} n/a (question does not apply)"


# --- what the summary knows: the band withheld, the cap said, counts, scope, research ----------


def band_meaning(label: str, meaning: str) -> str:
    return f"{label}: {meaning}"


def capped_meaning(label: str, uncapped_label: str, uncapped_meaning: str) -> str:
    """A capped band: what the answers alone would read, and the cap that holds it down."""
    return (
        f"{label} (capped): on the answers alone the outlook would be {uncapped_label} "
        f"({uncapped_meaning[:1].lower()}{uncapped_meaning[1:].rstrip('.')}), but a core factor "
        f"below its gate holds the band at {label} (see the gate)."
    )


def rests_on_one(not_applicable: int) -> str:
    """A factor carried by one question once its n/a questions are left out."""
    return (
        f"rests on one answer: {plural(not_applicable, 'question')} n/a, so a single question "
        "carries the factor"
    )


def risk_counts(rated: int, open_count: int, not_applicable: int) -> str:
    """'2 rated, 7 open, 1 not applicable': the lengths of the three lists."""
    return f"{rated} rated, {open_count} open, {not_applicable} not applicable"


def risk_not_applicable(name: str, note: str | None) -> str:
    return f"{name}: not applicable" + (f" ({note})" if note else "")


OPEN_RISKS_HEADING = "Open (a side unknown or not rated, or left out of the file)"
RISKS_NOT_APPLICABLE_HEADING = "Not applicable (cannot arise with these measures)"


def scope_text(name: str, meaning: str) -> str:
    return f"{name}: {meaning}"


RESEARCH_HEADING = "Research-only context (never scored)"


def research_finding(
    name: str, greater: int, lesser: int, mixed: int, rating: str, studies: str, note: str
) -> str:
    """'Democracy: 2 findings of greater effectiveness, 0 of less, 0 mixed (Weaker; Park and Choi
    2020 …). Note.'"""
    counts = (
        f"{plural(greater, 'finding')} of greater effectiveness, {lesser} of less, {mixed} mixed"
    )
    return f"{name}: {counts} ({rating}; {studies}). {note}"
