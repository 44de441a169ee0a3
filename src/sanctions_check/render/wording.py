"""Shared wording, so the terminal, Markdown, HTML and JSON outputs say the same thing.

Advisory language only: an outlook describes conditions the practitioners associated with more
effective sanctions; it is never a prediction, verdict or legal determination.
"""

from __future__ import annotations

import math
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
CASE_COUNTRY, CASE_AS_OF, CASE_ASSESSED_ON = "Country", "As of", "Assessed on"
CASE_ANALYST, CASE_IMPOSED_BY = "Analyst", "Imposed by"
NO_ANSWERS = "no answers"


def whole(value: float) -> int:
    """Half up, to a whole number: the rounding of every figure a person reads."""
    return math.floor(value + 0.5)


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


def share(fraction: float) -> float:
    """A share (coverage) as the whole percent every output shows, kept as a fraction: 0.45.

    Rounded once, here, so that JSON's 0.45 and the table's 45% are the same figure.
    """
    return whole(fraction * 100) / 100


def percent(fraction: float) -> str:
    return f"{whole(fraction * 100)}%"


PROVISIONAL_EXPLAINED = (
    "Provisional: too little is answered yet (or a core factor is not yet assessed) for the band "
    "to mean much; answer more questions before relying on it."
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


ADVISORY_NOTICE = (
    "Advisory summary, not a verdict, prediction or legal determination: it shows how far the "
    "conditions that practitioners tied to more effective targeted sanctions are present, and "
    "where the evidence is thin."
)
SCORE_LEGEND = (
    "0-100; score with each unknown or unanswered question at its neutral value; range = if each "
    "were 0 / were 4"
)
RED_FLAG_SCALE = "red flag: 0 = absent, 100 = strongly present; never averaged into the outlook"
GAP_LABELS = {
    "unknown": "answered 'unknown'",
    "unanswered": "not answered",
    "low-confidence": "low-confidence answer",
    "risk-unrated": "risk not fully rated",
    "gate-unresolved": "gate unresolved",
}


def gap_label(kind: str) -> str:
    return GAP_LABELS.get(kind, kind)


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


def source_label(title: str, publisher: str, year: int | None) -> str:
    """'Title (Publisher, 2025)'; a source without a date gets none, never a guessed one."""
    return f"{title} ({publisher}, {year})" if year is not None else f"{title} ({publisher})"


def sentences(items: list[str] | tuple[str, ...]) -> str:
    """Run-on text from items that are sentences already (mitigations): no '.;' doubling."""
    return " ".join(i if i.rstrip().endswith((".", "!", "?")) else i.rstrip() + "." for i in items)


# --- framework view (`factors`) --------------------------------------------------------------

FV_ID = "id"
FV_FACTORS = "Factors"
FV_FACTOR_COLUMN = "Factor (id)"
FV_FACTOR_COLUMNS = (
    ("Kind", "left"),
    ("Weight", "right"),
    ("Cited by", "right"),
    ("Practitioner", "left"),
    ("Research", "left"),
)
FV_LESS_MARK = "(−)"
FV_FACTORS_LEGEND = (
    "Cited by: practitioners (of 15) who tied the factor to effectiveness; (−) tied to LESS "
    "effectiveness. Practitioner and research evidence as rated by USHMM."
)
FV_RISKS = "Unintended consequences (risks)"
FV_RISKS_INTRO = (
    "Each is rated for likelihood and severity, 0-4 or unknown, and listed beside the outlook "
    "with its mitigations; never subtracted from it."
)
FV_SHOW_ONE = (
    "Show a factor or a risk in full, with its questions or its rating levels: "
    "sanctions-check factors ID (e.g. exposure, humanitarian_harm; any case)."
)
FV_WHY = "Why it matters"
FV_EVIDENCE = "Evidence"
FV_WEIGHT = "Weight"
FV_SOURCES = "Sources"
FV_QUESTIONS = "Questions"
FV_QUESTIONS_INTRO = (
    "Answer each 0-4 or unknown; in a case file, each answer goes under its id "
    "(answers: FACTOR_ID: QUESTION_ID: score)."
)
FV_IF_LOW = "If low"
FV_IF_PRESENT = "If present"
FV_RISK_KIND = "unintended consequence"
FV_LOOK_AT = "What to look at"
FV_LIKELIHOOD = "Likelihood: how likely is it? (0-4)"
FV_SEVERITY = "Severity: if it happens, how severe would it be? (0-4)"
FV_MITIGATIONS = "Mitigations to consider"
FV_RISK_EVIDENCE = "What the sources say"


def fv_ushmm_factor(name: str) -> str:
    return f"USHMM factor: “{name}”."


def fv_factor_facts(kind: str, weight: str, cited: str, practitioner: str, research: str) -> str:
    return (
        f"{kind} · weight {weight} · cited by {cited} · practitioner evidence: {practitioner} · "
        f"research evidence: {research}"
    )


FV_INCLUSION = "Which practitioner factors are in the framework"
FV_DESIGN_CHOICES = (
    "Design choices (the framework's own thresholds and weights, not sourced figures)"
)


def fv_neutral(value: float, reason: str | None) -> str:
    """A question whose unknown answer counts as other than the scale's midpoint."""
    text = f"Unknown or unanswered counts as {value:g} of 4 in the point outlook"
    return f"{text}: {reason}" if reason else f"{text}."


def fv_omitted(name: str, cited_by: int, reason: str) -> str:
    return f"{name} (cited by {cited_by}; left out): {reason}"


def fv_question_id(ident: str, weight: float) -> str:
    return f"id: {ident} · weight {weight:g}"


def fv_unknown_id(ident: str, near: str | None, factor_ids: list[str], risk_ids: list[str]) -> str:
    """`factors` given an id that is neither a factor nor a risk (``near``: the likely one)."""
    hint = f" (did you mean {near!r}?)" if near else ""
    text = f"error: no factor or risk {ident!r}{hint}; factors: {', '.join(factor_ids)}"
    return text + (f"; risks: {', '.join(risk_ids)}" if risk_ids else "")


# --- assess (the interview in a terminal) ----------------------------------------------------

HEADER_PROMPTS = {
    "title": "Title of the case (e.g. the country, the crisis and the year)",
    "country": "Country (optional; the proposed file name starts with it)",
    "as_of": (
        "Assessed as of which date? YYYY-MM-DD (optional; for a past episode, the date whose "
        "knowledge the answers may use)"
    ),
    "id": "Short id for the file (lowercase letters, digits, - _ .)",
    "hypothetical": "Is this a real case, or a hypothetical case or exercise?",
    "implementers": (
        "Who imposes the measures? (optional; e.g. United States; European Union; UN Security "
        "Council, separated by ';')"
    ),
    "analyst": "Your name or team (optional)",
    "situation": "The situation, in a line or two (optional)",
    "measures": "The measures imposed or considered, on whom (optional)",
}
ASSESS_REAL = "a real case"
ASSESS_HYPOTHETICAL = "a hypothetical case or an exercise (marked as such in scores and reports)"
ASSESS_BACK = "← back"
ASSESS_BACK_QUESTION = "← back to the previous question"
ASSESS_BACK_DETAILS = "← back to the question (the note is kept)"
ASSESS_HELP = "help: what to look at"
ASSESS_SKIP = "skip for now"
ASSESS_SKIP_RISK = "skip this risk for now (likelihood and severity)"
ASSESS_FINISH = "Finish and show the summary"
ASSESS_NA_CHOICE = "does not apply to these measures (n/a; asks why)"
ASSESS_NA_NOTE = "Why does this question not apply to the measures in this case? (required)"
ASSESS_NA_NEEDS_NOTE = "an n/a answer needs a note saying why the question does not apply"
ASSESS_DATE_FORMAT = "a date as YYYY-MM-DD, e.g. 2017-08-25, or nothing"
ASSESS_MITIGATIONS = "Mitigations to consider:"
ASSESS_MITIGATION = "Mitigation: what is or would be done (Enter keeps it as is)"
ASSESS_NOTE = "Note (Enter keeps it as is)"
ASSESS_CONFIDENCE = "How confident are you in this answer?"
ASSESS_NOT_STATED = "not stated"
ASSESS_SOURCES = "Sources, separated by ';' (URLs, or keys from the file's references)"
ASSESS_NO_HINDSIGHT = "no: it uses only what was known then"
ASSESS_HINDSIGHT = "yes: it rests on later facts (hindsight)"
ASSESS_KEYS = (
    "At each question press 0-4, u (unknown) or x (does not apply: asks why), then Enter; "
    "n adds a note, confidence and sources, h shows help, s skips (a whole risk at its "
    "likelihood), b goes back. In the resume menu, c continues, f finishes."
)


ASSESS_INSTRUCTION = "(a key or the arrows, then Enter)"
ASSESS_MENU_INSTRUCTION = "(arrows or a key, then Enter)"
ASSESS_WHAT_NEXT = "What next?"
ASSESS_PURPOSES = "What are the sanctions meant to do? (any number)"
ASSESS_THE_CASE = "The case"
ASSESS_RISKS_TITLE = "Unintended consequences"
ASSESS_RISKS_INTRO = (
    "Rate how likely each consequence is and how severe it would be (0-4). Risks are listed "
    "beside the outlook with mitigations, never subtracted from it."
)
ASSESS_RED_FLAG = (
    "A red flag: 0 = absent … 4 = strongly present. It is shown beside the outlook, never "
    "averaged into it."
)
ASSESS_IF_PRESENT = "If the flag is present"
ASSESS_IF_LOW = "If the answer is low"
ASSESS_HELP_TITLE = "Help"
ASSESS_TITLE_NEEDED = "a title is needed"
ASSESS_ID_FORMAT = "use lowercase letters, digits, '-', '_' or '.', starting with a letter or digit"
ASSESS_NOTHING_SAVED = "Interrupted before the first answer; nothing was saved."


def assess_checkbox_instruction(back_key: str) -> str:
    return f"(space ticks, Enter confirms, {back_key} goes back)"


def assess_tally(where: str, answered: int, questions: int, rated: int, risks: int) -> str:
    return f"{where}: {answered} of {questions} questions answered, {rated} of {risks} risks rated."


def assess_saved_in(path: str) -> str:
    return f"Saved in {path}"


def assess_saving(path: str) -> str:
    return f"Saving every answer in {path}"


def assess_continue_at(number: int, total: int) -> str:
    return f"Continue at question {number}/{total}: "


def assess_section_count(done: int, total: int, risks: bool) -> str:
    return f" ({done}/{total} {'rated' if risks else 'answered'})"


def assess_review(name: str, count: str) -> str:
    return f"Review {name}{count}"


def assess_section(number: int, total: int, what: str) -> str:
    return f"Section {number}/{total} · {what}"


def assess_scale(unknown_label: str, unknown_meaning: str) -> str:
    return f"Each question is answered 0-4, or {unknown_label}: {unknown_meaning}"


def assess_saved_as_you_go(back_key: str) -> str:
    return (
        "Every answer is saved as you give it. Ctrl-C stops at any time; "
        "`sanctions-check assess --resume FILE` continues later. The up arrow "
        f"(or {back_key} then Enter) goes back to the previous field; optional "
        "fields can be left empty."
    )


def assess_unknown_choice(label: str, neutral: float | None) -> str:
    """The unknown answer in a list: what it does to the outlook (a question's neutral value)."""
    if neutral is None:
        return f"{label} (widens the range)"
    return f"{label} (counts as {neutral:g} of 4 in the point outlook; widens the range)"


def assess_details_choice(has_details: bool, risk: bool) -> str:
    what = "mitigation, note, confidence, sources" if risk else "note, confidence, sources"
    return f"{'edit' if has_details else 'add'} {what}…"


def assess_likelihood_question(risk_name: str, question: str) -> str:
    return f"{risk_name}: {question} How likely is it?"


def assess_severity_question(risk_name: str) -> str:
    return f"{risk_name}: if it happens, how severe would it be?"


def assess_original_kept(backup: str, framework_ref: str) -> str:
    return f"The original is kept as {backup}; this file is now answered against {framework_ref}."


def assess_interrupted(path: str, command: str) -> str:
    return f"Interrupted. Every answer so far is saved in {path}; continue with: {command}"


ASSESS_NEEDS_TERMINAL = (
    "assess is interactive and needs a terminal. Without one, write a case file with "
    "`sanctions-check new -o FILE`, fill it in, then run `sanctions-check score FILE`."
)
ASSESS_OUT_OR_RESUME = "error: use either --out (a new case) or --resume (a saved case), not both"
ASSESS_NO_FREE_NAME = "could not find a free file name; choose one with --out"


def assess_too_many(ident: str) -> str:
    return f"too many cases named {ident}-N; choose an id and a file name with --out"


def assess_out_is_folder(path: str) -> str:
    return f"{path} is a folder; --out takes a file name"


def assess_out_exists(path: str) -> str:
    return (
        f"{path} already exists; continue it with `sanctions-check assess --resume {path}`, "
        "or use --force to start over and replace it"
    )


def assess_not_a_folder(where: str) -> str:
    return f"{where} is not a folder; cannot save the case file there"


def assess_cannot_write(where: str) -> str:
    return (
        f"cannot write in {where}: no answer could be saved; choose another place with --out, "
        "or run assess from a folder you can write to"
    )


def assess_no_copy_name(path: str) -> str:
    return f"could not find a free name for a copy of {path}"


def assess_details_given(
    mitigation: str | None, confidence: str | None, note: str | None, sources: str, hindsight: bool
) -> list[str]:
    """The reminder above a question of what its answer already holds."""
    parts = [f"mitigation: {mitigation}"] if mitigation else []
    parts += [f"confidence: {confidence}"] if confidence else []
    parts += [f"note: {note}"] if note else []
    parts += [f"sources: {sources}"] if sources else []
    return parts + (["rests on later facts (hindsight)"] if hindsight else [])


def assess_hindsight(as_of: str) -> str:
    return f"Does this answer rest on facts later than the as-of date, {as_of}?"


def assess_id_taken(ident: str) -> str:
    """The id step refuses a name whose file exists: another id, or continue that case."""
    return (
        f"{ident}.yaml already exists: type another id, or press Ctrl-C and continue it with "
        f"sanctions-check assess --resume {ident}.yaml"
    )


def assess_next_steps(path: str) -> list[str]:
    """After the summary of an assess run: how to revise the file just saved and read it in
    full (the bottom line that follows names the brief and the Word report)."""
    import shlex

    name = shlex.quote(path)
    stem = path[: -len(".yaml")] if path.endswith(".yaml") else path
    return [
        f"  revise: sanctions-check assess --resume {name}",
        f"  report: sanctions-check report {name} -f html -o {shlex.quote(stem + '.html')}",
    ]


# --- new (the case-file template) ------------------------------------------------------------

TEMPLATE_INTRO = (
    "Fill in the case header, then answer each question with a score from 0 to 4, `unknown` "
    "(not known: it counts as the question's neutral value, the scale's midpoint unless the "
    "framework says otherwise, and widens the uncertainty range) or `n/a` (the "
    "question does not apply to the measures in this case; it needs a `note` saying why). "
    "Leave a score empty if you have not answered it yet.\n"
    "A note may cite a source by its key from `references` (at the end of the file) in "
    "brackets, e.g. [UN-1]. Set `hindsight: true` on an answer that rests on facts later than "
    "the case's `as_of` date.\n"
    "Check the file with: sanctions-check validate FILE; score it with: sanctions-check score "
    "FILE"
)
TEMPLATE_RISKS = (
    "Unintended consequences: likelihood and severity 0-4 (or unknown); the tool lists the "
    "highest likelihood x severity beside the outlook, with mitigations."
)
TEMPLATE_LIKELIHOOD = "Likelihood: how likely is it?"
TEMPLATE_SEVERITY = "Severity: if it happens, how severe would it be?"
TEMPLATE_MITIGATIONS = "Mitigations to consider:"
TEMPLATE_REFERENCES = (
    "Sources cited by key in notes and sources lists: one line each, KEY: a URL or a full "
    "citation (keys are letters, digits, '.', '_' or '-'). A key cited but not defined here "
    "is reported by validate."
)


def template_next(path: str) -> str:
    """What `new -o FILE` says once the template is written."""
    import shlex

    return (
        "next: fill in case.id and case.title, answer the questions, then run "
        f"`sanctions-check validate {shlex.quote(path)}`"
    )


# --- result summaries: score, report and compare ---------------------------------------------

NEUTRAL_RULE = (
    "An unknown or unanswered question counts as its neutral value (the scale's midpoint, 2 of 4, "
    "unless the framework gives another with its reason) in the point outlook, and widens the "
    "range as if it could be anything from 0 to 4."
)
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
NOT_ASSESSED = "not yet assessed"
NOT_APPLICABLE = "not applicable (every question n/a)"
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
NO_CHANGES = "No changes: the two assessments give the same answers, scores and risks."
RISK_RANKING = (
    "Ranked by what each could reach, likelihood × severity (0-16), each rated 0-4; an unknown "
    "side ('?') could be anything from 0 to 4."
)
OUTCOME_HEADING = "Outcome (the sources' verdict)"
OUTCOME_EXPLAINED = (
    "What the cited sources later judged, recorded after the fact; the scoring never reads it. "
    "Set it beside the outlook: the outlook is not a prediction."
)
VERDICT_WORDS = {
    "effective": "effective",
    "partly": "partly effective",
    "ineffective": "ineffective",
    "unclear": "unclear",
}


def factor_score_text(
    score: float | None,
    low: float | None,
    high: float | None,
    assessed: bool = True,
) -> str:
    """One factor's score as every report words it: '62 (range 45–75)', 'not yet assessed …'."""
    if score is None or low is None or high is None:
        return NOT_APPLICABLE
    if not assessed:
        return f"{NOT_ASSESSED} (range {score_range(low, high)})"
    return score_with_range(score, low, high)


def band_span(low_label: str | None, high_label: str | None) -> str:
    """'; could be Guarded to Favourable' when the range spans bands, else ''."""
    if low_label is None or high_label is None or low_label == high_label:
        return ""
    return f"; could be {low_label} to {high_label}"


def outlook_text(
    band: str | None,
    capped: bool,
    score: float | None,
    low: float,
    high: float,
    coverage: float,
    provisional: bool = False,
    band_low: str | None = None,
    band_high: str | None = None,
) -> str:
    """The one-line outlook: 'Moderate (provisional); could be Guarded to Favourable: 56 (…)'."""
    return (
        f"{band_text(band, capped, provisional)}{band_span(band_low, band_high)}: "
        f"{score_with_range(score, low, high)}, coverage {percent(coverage)}"
    )


def band_cell(band: str | None, low: str | None, high: str | None, labels: list[str]) -> str:
    """The band in a narrow table column: 'Moderate (G–F)' when its range spans bands.

    The bands the range could reach go by their initials when the framework's band labels have
    distinct initials (the legend names them), else in full.
    """
    if band is None:
        return NOT_SCORED
    if low is None or high is None or low == high:
        return band
    initials = [label[:1] for label in labels]
    if len(set(initials)) == len(initials):
        return f"{band} ({low[:1]}–{high[:1]})"
    return f"{band} ({low}–{high})"


def band_span_legend(labels: list[str]) -> str:
    initials = [label[:1] for label in labels]
    if len(set(initials)) == len(initials):
        names = ", ".join(f"{label[:1]} {label}" for label in labels)
        return f"(G–F): the bands the outlook's range could reach ({names})."
    return "(Guarded–Favourable): the bands the outlook's range could reach."


def answer_text(score: object) -> str:
    """An answer's level as words: '3 of 4', 'unknown', 'n/a' or 'not answered'."""
    if score is None:
        return "not answered"
    if isinstance(score, int | float) and not isinstance(score, bool):
        return f"{level_text(score)} of 4"
    return str(score)


def limit_text(
    reason: str,
    score: float | None,
    below: float | None,
    cap_label: str | None,
    unresolved: bool = False,
) -> str:
    """Why a factor limits the outlook; the gate's own reason is given once, with the gate."""
    if reason == "not-assessed":
        gate = " and the gate on it is unresolved" if unresolved else ""
        return f"{NOT_ASSESSED}: no question answered, so it counts at its neutral value{gate}."
    if reason == "gate" and below is not None and cap_label is not None:
        return (
            f"scores {number(score)}, below the gate at {number(below)}, so the outlook can be at "
            f"most {cap_label} (see the gate above)."
        )
    return f"the weakest assessed core factor, at {number(score)} of 100."


def gate_text(
    cap_label: str,
    below: float,
    reason: str,
    closed: list[tuple[str, float]],
    unresolved: list[tuple[str, float, float]],
) -> str:
    """One gate in words, its reason once: which factors close it and which leave it unresolved."""
    parts = []
    if closed:
        names = " and ".join(f"{name} scores {number(score)}" for name, score in closed)
        parts.append(f"{names}, below {number(below)}, so the outlook can be at most {cap_label}.")
    if unresolved:
        names = "; ".join(
            f"{name} (range {score_range(low, high)})" for name, low, high in unresolved
        )
        verb = "is" if len(unresolved) == 1 else "are"
        parts.append(
            f"Unresolved: {names} {verb} not far enough answered to rule out a score below "
            f"{number(below)}, which would cap the outlook at {cap_label}."
        )
    return " ".join(parts) + f" {reason}"


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


def red_flags_text(
    threshold: float,
    raised: int,
    not_assessed: list[tuple[str, float, float, int]],
) -> str | None:
    """The red-flag summary line: 'None raised' only when every flag is ruled out."""
    if not not_assessed:
        if raised:
            return None
        return (
            f"None raised: every red flag is assessed and even its range stays below "
            f"{number(threshold)}."
        )
    names = ", ".join(
        f"{name} ({'no answers' if answered == 0 else 'range ' + score_range(low, high)})"
        for name, low, high, answered in not_assessed
    )
    return f"Not assessed: {names}; not ruled out at the threshold of {number(threshold)}."


def risk_range_text(
    likelihood: object,
    severity: object,
    value: int | None,
    low: int,
    high: int,
    band_label: str | None,
    reach_label: str | None,
) -> str:
    """'4 × 3 = 12 (High)' or, with an unknown side, '4 × ? → 0–16 (could reach Severe)'."""
    pair = f"{risk_side(likelihood)} × {risk_side(severity)}"
    if value is not None:
        return f"{pair} = {value}" + (f" ({band_label})" if band_label else "")
    reach = f" (could reach {reach_label})" if reach_label else ""
    return f"{pair} → {low}–{high}{reach}"


def risk_side(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return level_text(value)
    return "?"


def risk_short(name: str, value: int | None, low: int, high: int) -> str:
    """The top risk in a table cell: 'Humanitarian harm 12' or 'Humanitarian harm 0–16'."""
    return f"{name} {value}" if value is not None else f"{name} {low}–{high}"


def base_rate_figure(percent_value: float, qualifier: str) -> str:
    return f"{qualifier + ' ' if qualifier else ''}{number(percent_value)}%"


def base_rate_line(name: str, figure: str | None, source: str | None) -> str:
    if figure is None:
        return f"{name}: {NO_BASE_RATE}."
    cited = f" Source: {source}." if source else ""
    return f"{name}: {figure} {BASE_RATE_COUNTS}.{cited}"


def confidence_not_stated(count: int) -> str | None:
    if count == 0:
        return None
    return f"Confidence not stated for {count} answer{'s' if count != 1 else ''}."


def hindsight_text(count: int, as_of: str | None) -> str | None:
    if count == 0:
        return None
    when = f" ({as_of})" if as_of else ""
    noun = "answer rests" if count == 1 else "answers rest"
    return f"{count} {noun} on facts later than the assessment's as-of date{when} (hindsight)."


def gaps_none(no_confidence: int) -> str:
    """When no gap is listed: true only if every answer also states its confidence."""
    if no_confidence:
        return "No question unknown, unanswered or of low confidence."
    return "None: every question answered with at least medium confidence."


def not_applicable_text(question: str, note: str | None) -> str:
    return f"n/a: {question}" + (f" ({note})" if note else "")


def verdict_text(verdict: str) -> str:
    return VERDICT_WORDS.get(verdict, verdict)


def change(old: str, new: str) -> str:
    return f"{old} → {new}"


def outcome_details(
    policy: int | None,
    contribution: int | None,
    quote: str | None,
    note: str | None,
    sources: tuple[str, ...],
) -> list[str]:
    """The lines under an outcome's verdict, each only when the case file gives it."""
    out = []
    if policy is not None:
        out.append(f"Targeted Sanctions Consortium policy outcome: {policy} of 5")
    if contribution is not None:
        out.append(f"Targeted Sanctions Consortium sanctions contribution: {contribution} of 5")
    if quote:
        out.append(f"“{quote}”")
    if note:
        out.append(note)
    if sources:
        out.append(f"Sources: {', '.join(sources)}")
    return out


def outcome_verdict(verdict: str) -> str:
    return f"Verdict: {verdict_text(verdict)}"


def outlook_left_out(names: tuple[str, ...]) -> str:
    return f"Left out as not applicable (every question n/a): {', '.join(names)}."


def strength_text(name: str, score: int) -> str:
    return f"{name}: {score} of 100"


def counts_as(answer: str, value: float, reason: str | None) -> str:
    """An open answer with the framework's own neutral value: 'unknown (counts as 1.5 of 4: …)'."""
    why = f": {reason}" if reason else ""
    return f"{answer} (counts as {level_text(value)} of 4{why})"


# --- history: historical analogues (`similar`) and the back-test (`backtest`) ---------------------

NO_OUTCOME = "no outcome recorded"


def verdict_or_none(verdict: str | None) -> str:
    """The sources' overall verdict in words, or that none is recorded."""
    return NO_OUTCOME if verdict is None else verdict_text(verdict)


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
}


def excluded_text(case_id: str, reason: str) -> str:
    return f"{case_id}: {EXCLUDED_REASONS.get(reason, reason)}"


LEFT_OUT = "Left out"


def distance_text(distance: float | None) -> str:
    return number(distance)


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


# The report's short section of historical analogues (`report`, unless --no-analogues): the
# nearest episodes from the library, with the weak-analogue sentences of `similar` above.

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
    return (
        f"Distance {distance_text(distance)} of 100, overlap {shared}; outlook {scored}; {ended}."
    )


def analogue_differs(differences: list[str]) -> str:
    """Where one analogue differs most from the case, on the questions both answered."""
    if not differences:
        return "No factor differs on the questions both answered."
    return (
        "Differs most, on the questions both answered (this case here, the episode there): "
        + "; ".join(differences)
        + "."
    )


def report_library_left_out(count: int) -> str:
    """On standard error after a report whose library had files that could not be read."""
    files = "1 library file" if count == 1 else f"{count} library files"
    return (
        f"warning: {files} left out of the report's historical analogues (listed above); the "
        "report itself is complete"
    )


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


def backtest_hindsight_text(count: int) -> str:
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


# --- brief: the one-page brief, the Word report and the terminal bottom line ------------------

BRIEF_KICKER = "One-page brief · advisory, not a verdict or legal determination"
BRIEF_HYPOTHETICAL = "Hypothetical: an invented case for teaching"
BRIEF_BOTTOM_LINE = "Bottom line"
BRIEF_OUTSIDE_VIEW = "Outside view: base rates"
BRIEF_LIMITS = "What limits the outlook"
BRIEF_LEVERS = "Top levers"
BRIEF_RISKS = "Top risks and mitigations"
BRIEF_RED_FLAGS = "Red flags"
BRIEF_GAPS = "Data gaps"
BRIEF_FACTORS = "Factors (0-100)"
BRIEF_CAVEATS = "Caveats"
BRIEF_MORE = "More"
BRIEF_NO_PURPOSE = "not stated"
BRIEF_NO_IMPLEMENTERS = "not stated"
BRIEF_NO_FLAGS = "None raised."
BRIEF_RISK = "Risk"
BRIEF_RISK_RATING = "Likelihood × severity"
BRIEF_PLANNED = "Planned mitigation"
BRIEF_SUGGESTED = "Suggested mitigations"
BRIEF_NO_MITIGATION = "none recorded"
BRIEF_KINDS = {"core": "core", "secondary": "secondary", "red_flag": "red flag"}
BRIEF_CHART_LEGEND = "Filled bar: score; outlined box: the range while questions are unknown."
BRIEF_SHORTENED = "Text ending in … is shortened here and given in full in the full report."
BRIEF_META_LABELS = {
    "case": "Case",
    "as_of": "As of",
    "assessed_on": "Assessed on",
    "implementers": "Imposed by",
    "purposes": "Purposes",
    "framework": "Framework",
}
DOCX_NEEDS_FILE = (
    "a Word report is a binary file and is not printed to a terminal: give -o FILE.docx "
    "(or redirect standard output to a file)"
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


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 risk', '3 risks'."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


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


def brief_base_rate(name: str, figure: str | None) -> str:
    """'Signal: almost 60%' (the counts sentence is given once, below the list)."""
    return f"{name}: {figure}" if figure else f"{name}: {NO_BASE_RATE}"


def brief_base_rate_note(sources: list[str]) -> str:
    cited = f" Source: {'; '.join(sources)}." if sources else ""
    return (
        "Each figure: the share of UN targeted sanctions episodes pursuing that purpose that were "
        f"judged effective (UN sanctions in general, not atrocity cases alone).{cited}"
    )


def brief_lever_gain(factor_name: str, gain: int, lifts_cap: bool) -> str:
    lift = "; lifts the cap" if lifts_cap else ""
    return f"{factor_name}: up to +{gain} outlook points{lift}"


def brief_flag(name: str, score: int | None) -> str:
    return f"{name}: {number(score)} of 100"


def brief_unresolved_gates(names: list[str], cap_label: str) -> str:
    verb = "is" if len(names) == 1 else "are"
    return (
        f"Unresolved gate: {', '.join(names)} {verb} not answered far enough to rule out a cap "
        f"at {cap_label}."
    )


def brief_more(
    levers: int, risks: int, flags: int, factors: int, limits: int, caveats: int
) -> list[str]:
    """What the brief leaves out, counted, for the line that points to the full report."""
    out = []
    for count, one in (
        (levers, "lever"),
        (risks, "risk"),
        (flags, "raised red flag"),
        (factors, "factor"),
        (limits, "limiting factor"),
        (caveats, "caveat"),
    ):
        if count:
            out.append(f"{plural(count, 'more ' + one)}")
    return out


def brief_full_report(case_file: str) -> str:
    return f"sanctions-check report {case_file} --format html"


def brief_where(left_out: list[str], case_file: str, shortened: bool) -> str:
    """The line that says where the rest is: what was left out and the command that shows it."""
    command = brief_full_report(case_file)
    shown = f"{', '.join(left_out)}, and " if left_out else ""
    tail = f" {BRIEF_SHORTENED}" if shortened else ""
    return f"The full report ({command}) has {shown}every answer with its note and sources.{tail}"


def brief_generated(framework: str, tool: str, generated: str) -> str:
    return f"Framework {framework}; {tool}; generated {generated}."


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


def bottom_limit(name: str, reason: str, score: int | None) -> str:
    """The top limiting factor in a few words: why it limits, and its score."""
    if reason == "not-assessed":
        return f"{name}: {NOT_ASSESSED} (its gate is unresolved)"
    if reason == "gate":
        return f"{name}: {number(score)}, below its gate, so the band is capped"
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
    planned = f"; planned: {mitigation}" if mitigation else f"; planned: {BRIEF_NO_MITIGATION}"
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


def answers_elsewhere(case_file: str) -> str:
    """The terminal summary's last line, naming the real file (shell-quoted, one line)."""
    import shlex

    from sanctions_check.textsafe import one_line

    return (
        "The answers behind these scores, with notes and sources, are in the Markdown and HTML "
        f"reports (sanctions-check report {shlex.quote(one_line(case_file))} --format html)."
    )


def impact_text(
    impact: float, kind: str, band_low: str | None, band_high: str | None, has_spread: bool
) -> str:
    """How far a disagreement moves the pooled outlook: '3 pts (Guarded → Moderate)'.

    Whole points, like every outlook figure; a move that rounds to nothing says "under 1".
    """
    if kind == "red_flag":
        return "red flag"
    if not has_spread:
        return "0 pts (unknown vs a number)"
    points = whole(abs(impact))
    text = f"{points} pts" if points >= 1 or impact == 0 else "under 1 pt"
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
        share(outlook.coverage),
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
