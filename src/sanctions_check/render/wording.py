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


def assess_unknown_choice(label: str) -> str:
    return f"{label} (widens the range; never counts as 0)"


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
    """The last lines of an assess run: what to do next with the file just saved."""
    import shlex

    name = shlex.quote(path)
    stem = path[: -len(".yaml")] if path.endswith(".yaml") else path
    return [
        "Next:",
        f"  sanctions-check report {name} --format html -o {shlex.quote(stem + '.html')}",
        f"  sanctions-check assess --resume {name}",
        f"  sanctions-check score {name}",
    ]


# --- new (the case-file template) ------------------------------------------------------------

TEMPLATE_INTRO = (
    "Fill in the case header, then answer each question with a score from 0 to 4, `unknown` "
    "(not known: it widens the uncertainty range and never counts as zero) or `n/a` (the "
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
