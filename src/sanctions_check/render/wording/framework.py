"""The words of `factors`: the framework's overview, a factor or a risk in full."""

from __future__ import annotations

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
    "Show a factor or a risk in full, with its questions or its rating levels, or one question "
    "in its factor: sanctions-check factors ID (e.g. exposure, humanitarian_harm, "
    "financial_ties; any case)."
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


def fv_question_of(number: int, total: int, factor: str) -> str:
    """Where a question shown alone stands: 'Question 2 of 6 in Coordination'."""
    return f"Question {number} of {total} in {factor}"


def fv_whole_factor(factor_id: str) -> str:
    """The command that shows a question's whole factor."""
    return f"The whole factor, with its other questions: sanctions-check factors {factor_id}"


FV_ROLE = "Lever or condition"
FV_ROLES = {
    "lever": "a lever, something the implementer's policy can change",
    "target": "a condition of the targets, never offered as a lever",
    "context": "a condition of the context, never offered as a lever",
}
FV_INSIDER = "Insider question"
FV_INSIDER_TEXT = (
    "rarely answerable from outside government: public sources seldom show it, and an outside "
    "analyst may have to answer unknown."
)
FV_PURPOSES = "Purposes"
FV_NOT_ASKED = "Not asked here"
FV_ASKED_HERE = "Asked here"


def fv_role(role: str) -> str:
    return f"{FV_ROLES.get(role, role)}."


def fv_purposes(names: list[str], reason: str) -> str:
    """The purposes a tagged question bears on, and why: 'Coerce and Constrain only: …'."""
    listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)
    return f"bears on {listed} only: {reason}"


def fv_applicability(ident: str) -> str:
    """A question's or risk's applicability, labelled with its id: 'Applicability (financial)'."""
    return f"Applicability ({ident})"


def fv_applies(text: str, not_applicable: str | None) -> str:
    """When a question or risk applies, and the note to write with n/a when it does not."""
    if not not_applicable:
        return text
    return f"{text} Otherwise answer n/a, with the note: “{not_applicable}”"


def fv_see(condition: str, owner: str) -> str:
    """A condition another question or risk asks and scores: where to find it."""
    return f"{condition}: asked and scored once, under {owner} (sanctions-check factors {owner})."


def fv_owns(condition: str) -> str:
    return (
        f"{condition}: asked and scored once, here; other questions and risks point here instead "
        "of counting it again."
    )
