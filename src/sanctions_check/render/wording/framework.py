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
