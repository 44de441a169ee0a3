"""The interview's words (`assess`): its prompts, choices, keys, notices and help panels.

Only ``interview.py`` (the module that talks to the terminal) reads these; the interview's
logic (``flow.py``) words its own refusals, since it stays below the presentation layer.
"""

from __future__ import annotations

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
# The short label each prompt carries on its own line (the full question is printed above it,
# wrapped): a prompt line, and the answer echoed on it, cannot wrap at a word.
HEADER_LABELS = {
    "title": "Title:",
    "country": "Country:",
    "as_of": "As of:",
    "id": "Id:",
    "hypothetical": "Case:",
    "implementers": "Implementers:",
    "analyst": "Analyst:",
    "situation": "Situation:",
    "measures": "Measures:",
}
ASSESS_ANSWER = "Answer:"
ASSESS_LIKELIHOOD = "Likelihood:"
ASSESS_SEVERITY = "Severity:"
ASSESS_PURPOSES_LABEL = "Purposes:"
ASSESS_CONFIDENCE_LABEL = "Confidence:"
ASSESS_HINDSIGHT_LABEL = "Hindsight:"
ASSESS_NOTE_LABEL = "Note:"
ASSESS_SOURCES_LABEL = "Sources:"
ASSESS_MITIGATION_LABEL = "Mitigation:"
ASSESS_WHY_LABEL = "Why:"
ASSESS_JUDGEMENT_LABEL = "Judgement:"
ASSESS_REASON_LABEL = "Reason:"
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
# A refusal is shown on the prompt's last line, which cannot wrap: each (this one, the date's,
# the reason's, the title's and the id's) fits in 60 columns.
ASSESS_NA_NEEDS_NOTE = "n/a needs a note: why it does not apply here"
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
    "likelihood), b goes back. A letter means the same in every list; digits pick a numbered "
    "choice. In the resume menu, c continues, k returns to skipped questions, j revises your "
    "judgement, f finishes."
)
ASSESS_JUDGEMENT_TITLE = "Your judgement"
ASSESS_JUDGEMENT_INTRO = (
    "The outlook informs your judgement; it does not replace it. Weighing the answers, the "
    "factors and the risks: are targeted sanctions likely to help prevent mass atrocities in "
    "this case? The tool never fills this in and never scores it. A short reason is required; "
    "s skips it for now."
)
ASSESS_REASON = "Why? In a line or two: what weighs most in your judgement (required)."
ASSESS_REASON_NEEDED = "a judgement needs a short reason"
ASSESS_SKIP_JUDGEMENT = "skip for now (no judgement given)"
ASSESS_BACK_MENU = "← back to the menu"
ASSESS_ID_OTHER_CASE = "{file} is another case's file: type another id."
ASSESS_REVIEW_SECTION = "Review a section"
ASSESS_DETAILS_IN_FULL = "(n shows them in full)"

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
ASSESS_ID_FORMAT = "lowercase letters, digits, - _ . (a letter or digit first)"
ASSESS_NOTHING_SAVED = (
    "Interrupted before the case file was created (it is created when the id is accepted); "
    "nothing was saved."
)
ASSESS_CASE_TITLE = "the case header and purposes"
ASSESS_RISKS_MENU = "Unintended consequences"


def assess_checkbox_instruction(back_key: str) -> str:
    return f"(space ticks, Enter confirms, {back_key} goes back)"


def assess_tally(where: str, answered: int, questions: int, rated: int, risks: int) -> str:
    return f"{where}: {answered} of {questions} questions answered, {rated} of {risks} risks rated."


def assess_saved_in(path: str) -> str:
    return f"Saved in {path}"


def assess_id_proposal(proposed: str) -> str:
    return f"Enter accepts the proposal: {proposed}"


def assess_saving(path: str) -> str:
    return f"Saving every answer in {path}"


def assess_continue_at(position: str) -> str:
    """The menu's first choice: 'Continue at question 15 of 32' (the counts of the tally)."""
    first, _, rest = position.partition(" · ")
    return f"Continue at {first[:1].lower()}{first[1:]}" + (f" ({rest})" if rest else "")


def assess_next(position: str, text: str) -> str:
    """Above the menu, in full: where 'continue' goes."""
    return f"Next: {position[:1].lower()}{position[1:]}: {text}"


def assess_skipped(questions: list[int], risks: list[int]) -> str:
    """Above the menu: the questions and risks left open before the last answer."""
    parts = []
    if questions:
        parts.append(f"{'question' if len(questions) == 1 else 'questions'} {_listed(questions)}")
    if risks:
        parts.append(f"{'risk' if len(risks) == 1 else 'risks'} {_listed(risks)}")
    return f"Skipped, to return to with k: {'; '.join(parts)}."


def assess_return_to_skipped(questions: int, risks: int) -> str:
    if questions + risks == 1:
        return f"Return to the skipped {'question' if questions else 'risk'}"
    parts = []
    if questions:
        parts.append(f"{questions} {'question' if questions == 1 else 'questions'}")
    if risks:
        parts.append(f"{risks} {'risk' if risks == 1 else 'risks'}")
    return f"Return to the skipped {' and '.join(parts)}"


def _listed(numbers: list[int]) -> str:
    shown = [str(n) for n in numbers]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def assess_section_count(done: int, total: int, risks: bool) -> str:
    return f" · {done} of {total} {'rated' if risks else 'answered'}"


def assess_review(name: str, count: str) -> str:
    return f"{name}{count}"


def assess_judgement_item(view_label: str) -> str:
    return f"Your judgement · {view_label}"


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


def assess_comments_not_kept(backup: str) -> str:
    return (
        f"This file's comments could not be kept in place; the file as it was is kept as "
        f"{backup}, and every answer is saved."
    )


def assess_interrupted(path: str, command: str) -> list[str]:
    return [f"Interrupted. Every answer so far is saved in {path}; continue with:", f"  {command}"]


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


def assess_id_taken(file: str, command: str) -> list[str]:
    """Printed above the id prompt, wrapped, the command on a line of its own: another id, or
    continue that case (Ctrl-C here saves nothing)."""
    return [
        f"{file} already exists. Type another id, or continue that case: press Ctrl-C (nothing "
        "is saved yet) and run",
        f"  {command}",
    ]


def assess_next_steps(path: str) -> list[tuple[str, str]]:
    """After the summary of an assess run: how to revise the file just saved and read it in
    full (the bottom line that follows names the brief and the Word report), as (what, command)."""
    import shlex

    name = shlex.quote(path)
    stem = path[: -len(".yaml")] if path.endswith(".yaml") else path
    return [
        ("revise", f"sanctions-check assess --resume {name}"),
        ("report", f"sanctions-check report {name} -f html -o {shlex.quote(stem + '.html')}"),
    ]
