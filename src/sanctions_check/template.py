"""`new`: a commented case template generated from the framework, so nothing is hard-coded."""

from __future__ import annotations

from sanctions_check.case import CONFIDENCE, FORMAT
from sanctions_check.framework import Framework
from sanctions_check.render.wording import kind_label, sentences


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
    out = [
        f"# sanctions-check case file — framework {framework.id} {framework.version}",
        "# Fill in the case header, then answer each question with a score from 0 to 4, or",
        "# `unknown`. Leave a score empty if you have not answered it yet: unanswered and unknown",
        "# questions widen the uncertainty range, they never count as zero.",
        "# Check the file with: sanctions-check validate FILE; score it with: sanctions-check"
        " score FILE",
        f"format: {FORMAT}",
        "case:",
        "  id:                # required: a short id (lowercase, digits, - _ .), e.g. country-2024",
        "  title:             # required",
        "  country:",
        "  assessed_on:       # YYYY-MM-DD",
        "  analyst:",
        f"  purpose: []       # what the sanctions are meant to do, any of: {purposes}",
        "  situation: |       # the crisis, in a few lines",
        "  measures: |        # what is imposed or under consideration, on whom",
        "  sources: []",
        f"framework: {framework.ref}",
        "answers:",
    ]
    for factor in framework.factors:
        out.append("")
        out.extend(
            _comment(f"{factor.name} — {kind_label(factor.kind)}; {factor.evidence.label}", "  ")
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
            out.append("      score:")
            out.append(f"      confidence:    # {confidence}")
            out.append("      note:")
            out.append("      sources: []")
    out.append("")
    out.append("# Unintended consequences: likelihood and severity 0-4 (or unknown); the tool")
    out.append("# lists the highest likelihood x severity beside the outlook, with mitigations.")
    out.append("risks:")
    for risk in framework.risks:
        out.extend(_comment(f"{risk.name}: {risk.question}", "  "))
        out.extend(_comment("Mitigations to consider: " + sentences(risk.mitigations), "  "))
        out.append(f"  {risk.id}:")
        out.append("    likelihood:")
        out.append("    severity:")
        out.append("    mitigation:")
        out.append("    note:")
    return "\n".join(out) + "\n"
