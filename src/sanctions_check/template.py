"""`new`: a commented case template generated from the framework, so nothing is hard-coded.

The template is a case file (comments and empty answers), written in the case format's own
layout; its comments are worded here, beside the layout they sit in.
"""

from __future__ import annotations

from typing import NamedTuple

from sanctions_check.case import CONFIDENCE, FORMAT, VIEWS
from sanctions_check.framework import KIND_NAMES, Framework

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
TEMPLATE_JUDGEMENT = (
    "Your own overall judgement, once you have weighed the answers: are targeted sanctions likely "
    "to help prevent mass atrocities here? The outlook informs it; it does not replace it. The "
    "tool never fills this in and the scoring never reads it. Leave the block empty until you "
    "judge; a view needs its reason.\n"
    "view: likely (likely to help), could (could help), unlikely (unlikely to help) or "
    "cannot-judge (cannot judge yet)."
)
# Free text goes in a block scalar ('|', the text on the lines below, indented): any text reads
# as written there, colons and quotes included, where a one-line value with ': ' in it would be
# a YAML error.
BLOCK_TEXT = "text on the lines below, indented; any characters"
TEMPLATE_REFERENCES = (
    "Sources cited by key in notes and sources lists: one line each, KEY: a URL or a full "
    "citation (keys are letters, digits, '.', '_' or '-'). A key cited but not defined here "
    "is reported by validate."
)


class CaseTemplate(NamedTuple):
    """The `new` command's view: the framework it follows, and the template's YAML text."""

    framework_ref: str
    text: str


def build(framework: Framework) -> CaseTemplate:
    """The template of a case answered against ``framework``."""
    return CaseTemplate(framework_ref=framework.ref, text=render(framework))


def _comment(text: str, indent: str, width: int = 96) -> list[str]:
    import textwrap

    lines: list[str] = []
    for paragraph in text.strip().splitlines() or [""]:
        wrapped = textwrap.wrap(paragraph, width=width - len(indent) - 2) or [""]
        lines.extend(f"{indent}# {line}".rstrip() for line in wrapped)
    return lines


def render(framework: Framework) -> str:
    """YAML text that validates once the required header fields are filled in."""
    purposes = ", ".join(p.id for p in framework.purposes)
    confidence = " | ".join(CONFIDENCE)
    out = [f"# sanctions-check case file — framework {framework.id} {framework.version}"]
    out.extend(_comment(TEMPLATE_INTRO, ""))
    out += [
        f"format: {FORMAT}",
        "case:",
        "  id:                # required: a short id (lowercase, digits, - _ .), e.g. country-2024",
        "  title:             # required",
        "  country:",
        "  hypothetical: false  # true for an invented teaching case or an exercise",
        "  assessed_on:       # YYYY-MM-DD: the day this file is written",
        "  as_of:             # YYYY-MM-DD: the moment the assessment is made as of (for a past",
        "                     # episode, the date whose knowledge the answers may use)",
        "  implementers: []   # who imposes the measures, the lead implementer first, e.g.",
        "                     # [United States, European Union]",
        "  analyst:",
        f"  purpose: []       # what the sanctions are meant to do, any of: {purposes}",
        "  situation: |       # the crisis, in a few lines",
        "  measures: |        # what is imposed or under consideration, on whom",
        "  sources: []        # URLs, or keys from references below",
    ]
    if framework.case_scopes:  # a mark only an unusual episode carries
        marks = ", ".join(x.id for x in framework.case_scopes)
        out.append(f"  # scope:           # only for an unusual episode, one of: {marks}")
    out += [f"framework: {framework.ref}", "answers:"]
    for factor in framework.factors:
        out.append("")
        out.extend(
            _comment(f"{factor.name} — {KIND_NAMES[factor.kind]}; {factor.evidence.label}", "  ")
        )
        if factor.kind == "red_flag":
            out.append(
                "  # Red flag: 0 = absent ... 4 = strongly present. Never averaged into "
                "the outlook."
            )
        out.append(f"  {factor.id}:")
        for question in factor.questions:
            out.extend(_comment(question.text, "    "))
            for level in range(5):
                out.extend(
                    _comment(
                        f"{level} = {question.level_label(framework, level)}", "    ", width=100
                    )
                )
            out.append(f"    {question.id}:")
            out.append("      score:         # 0-4, unknown, or n/a (with a note saying why)")
            out.append(f"      confidence:    # {confidence}")
            out.append(f"      note: |        # {BLOCK_TEXT}")
            out.append("      sources: []")
            out.append("      hindsight: false  # true if it rests on facts later than as_of")
    out.append("")
    out.extend(_comment(TEMPLATE_RISKS, ""))
    out.append("risks:")
    for risk in framework.risks:
        out.append("")
        out.extend(_comment(f"{risk.name}: {risk.question}", "  "))
        out.append(f"  {risk.id}:")
        out.extend(_comment(TEMPLATE_LIKELIHOOD, "    "))
        for level in range(5):
            out.extend(_comment(f"{level} = {risk.likelihood[level]}", "    ", width=100))
        out.append("    likelihood:")
        out.extend(_comment(TEMPLATE_SEVERITY, "    "))
        for level in range(5):
            out.extend(_comment(f"{level} = {risk.severity[level]}", "    ", width=100))
        out.append("    severity:")
        out.append(
            "    # both n/a, with a note saying why, when the risk cannot arise with these measures"
        )
        out.append(f"    confidence:    # {confidence}")
        out.extend(_comment(TEMPLATE_MITIGATIONS, "    "))
        for mitigation in risk.mitigations:
            out.extend(_bullet(mitigation, "    "))
        out.append(
            "    mitigation: |  # what is or would be done: text on the lines below, indented"
        )
        out.append(f"    note: |        # {BLOCK_TEXT}")
        out.append("    sources: []")
        out.append("    hindsight: false")
    out.append("")
    out.extend(_comment(TEMPLATE_JUDGEMENT, ""))
    out += [
        "judgement:",
        f"  view:              # {' | '.join(VIEWS)}",
        "  reason: |          # required with a view: why, on the lines below, indented",
        "  date:              # YYYY-MM-DD: when you made this judgement",
    ]
    out.append("")
    out.extend(_comment(TEMPLATE_REFERENCES, ""))
    out.append("references:")
    return "\n".join(out) + "\n"


def _bullet(text: str, indent: str, width: int = 100) -> list[str]:
    """'# - text' with its continuation lines under the text, not under the dash."""
    import textwrap

    wrapped = textwrap.wrap(" ".join(text.split()), width=width - len(indent) - 4) or [""]
    return [f"{indent}# {'- ' if i == 0 else '  '}{line}" for i, line in enumerate(wrapped)]
