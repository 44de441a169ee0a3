"""The advisory summary as GitHub-flavoured Markdown, for pasting into memos and tickets.

Every string goes through ``textsafe.md_text`` (running text) or ``textsafe.md_cell`` (table
cells), so a note holding ``<script>``, ``|`` or ``*emphasis*`` comes out as the literal text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sanctions_check import textsafe
from sanctions_check.numbers import percent
from sanctions_check.render.report_view import Report, ReportPage
from sanctions_check.render.wording import common
from sanctions_check.render.wording import judgement as judgement_words
from sanctions_check.render.wording import placement as placement_words
from sanctions_check.render.wording import report as words

Add = Callable[[str], None]

_SAFE_URL = re.compile(r"https?://[^\s<>|\\`\"']+\Z")
text = textsafe.md_line
cell = textsafe.md_cell_or_dash


class ReportMarkdown:
    """The report as one Markdown document."""

    def text(self, view: ReportPage) -> str:
        return render(view.report)


def link(value: str) -> str:
    """A web address as a clickable autolink when it is plainly one; otherwise literal text."""
    plain = textsafe.one_line(value)
    return f"<{plain}>" if _SAFE_URL.match(plain) else text(plain)


def _table(headers: list[str], aligns: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join(aligns) + "|"]
    out.extend("| " + " | ".join(row) + " |" for row in rows)
    return out


def render(report: Report) -> str:
    """The whole report model (report_view.build) as one Markdown document."""
    lines: list[str] = []
    add = lines.append
    case = report.case
    add(f"# Advisory summary: {text(case.title)}")
    add("")
    add(f"> {text(report.advisory)}")
    add("")
    header = [["Case", cell(case.id)]]
    header.extend([label, cell(value)] for label, value in case.facts)
    if case.hypothetical:
        header.append(["Hypothetical", "yes: an invented case for teaching"])
    fw = report.method.framework
    header.append(["Framework", cell(f"{fw.id} {fw.version}")])
    lines.extend(_table(["Field", "Value"], ["---", "---"], header))
    for value, label in ((case.situation, "Situation"), (case.measures, "Measures")):
        blocks = [b for b in textsafe.plain(value or "").split("\n\n") if b.strip()]
        for number, block in enumerate(blocks):
            add("")
            add((f"**{label}.** " if number == 0 else "") + text(block))
    for warning in report.warnings:
        add("")
        add(f"**Note:** {text(warning)}")
    _outlook(report, add)
    _factors(report, add, lines)
    _findings(report, add)
    _risks(report, add, lines)
    _gaps(report, add, lines)
    _outcome(report, add)
    _analogues(report, add)
    _rest(report, add, lines)
    return "\n".join(lines).rstrip("\n") + "\n"


def _outlook(report: Report, add: Add) -> None:
    outlook = report.outlook
    add("")
    add(f"## {common.OUTLOOK_NAME}")
    add("")
    add(f"**{text(outlook.text)}**")
    add("")
    bar = common.range_bar(outlook.score, outlook.low, outlook.high, 40)
    add(f"`{bar}` {common.number(outlook.score)} of 100")
    if outlook.band_meaning:
        add("")
        add(text(outlook.band_meaning))
    if outlook.band_withheld:
        add("")
        add(f"**{text(outlook.band_withheld.text)}**")
    for gate in outlook.gate_texts:
        add("")
        add(f"**Gate:** {text(gate)}")
    if outlook.not_applicable:
        add("")
        add(text(words.outlook_left_out(outlook.not_applicable)))
    add("")
    add(f"*{text(outlook.explained)} {text(outlook.neutral_rule)}*")
    _placement(report, add)
    _judgement(report, add)
    view = report.outside_view
    add("")
    add("### Outside view: base rates")
    add("")
    for rate in view.base_rates:
        add(f"- {text(rate.line)}")
    add("")
    add(f"*{text(view.explained)}*")
    if view.hint:
        add("")
        add(text(view.hint))


def _placement(report: Report, add: Add) -> None:
    """Where the outlook stands among the coded past episodes, with its caveat once."""
    placed = report.placement
    if placed is None:
        return
    add("")
    add(f"### {placement_words.HEADING}")
    add("")
    add(text(placed.text))
    if placed.outlooks_text:
        add("")
        add(text(placed.outlooks_text))
    notes = (placed.library_text, placed.left_out_text, placed.nearest_rule, placed.caveat)
    add("")
    add(f"*{text(' '.join(n for n in notes if n))}*")


def _judgement(report: Report, add: Add) -> None:
    """The analyst's own judgement beside the outlook, or that none is given."""
    given = report.judgement
    if given is None:
        return
    add("")
    add(f"### {judgement_words.HEADING}")
    add("")
    add(f"**{text(given.text)}**" if given.given else text(given.text))
    if given.reason:
        add("")
        add(f"> {text(given.reason)}")
    if given.differs_text:
        add("")
        add(f"**{text(given.differs_text)}**")
    if given.hint:
        add("")
        add(f"*{text(given.hint)}*")


def _factors(report: Report, add: Add, lines: list[str]) -> None:
    add("")
    add("## Factors")
    add("")
    rows = [
        [
            cell(f.name),
            cell(f.kind_label),
            common.range_bar(f.score, f.low, f.high)
            if f.low is not None and f.high is not None
            else "–",
            cell(f.score_text),
            percent(f.coverage),
            cell(f.evidence),
        ]
        for f in report.factors
    ]
    lines.extend(
        _table(
            ["Factor", "Kind", "0–100", "Score (range)", "Coverage", "Evidence"],
            ["---", "---", "---", "---", "---:", "---"],
            rows,
        )
    )
    notes = [f for f in report.factors if f.note]
    if notes:
        add("")
    for f in notes:
        add(f"- **{text(f.name)}**: {text(f.note or '')}.")
    evidence = [f for f in report.factors if f.evidence_note]
    if evidence:
        add("")
        add("Notes on the evidence:")
        add("")
    for f in evidence:
        add(f"- **{text(f.name)}**: {text(f.evidence_note or '')}")
    add("")
    add(f"{text(common.RANGE_BAR_LEGEND)}. {text(common.RED_FLAG_SCALE)}.")


def _findings(report: Report, add: Add) -> None:
    add("")
    add("## What limits the outlook")
    add("")
    if not report.limits:
        add(f"- {text(words.NO_CORE_LIMIT)}")
    for limit in report.limits:
        add(f"- **{text(limit.factor_name)}**: {text(limit.why)}")
    add("")
    add("## Strengths")
    add("")
    if not report.strengths:
        add(f"- {text(report.strengths_none)}")
    for strength in report.strengths:
        add(f"- **{text(strength.factor_name)}**: {strength.score}")
    add("")
    add("## Top levers")
    add("")
    if not report.levers:
        add(f"- {text(words.NO_LEVERS)}")
    for number, lever in enumerate(report.levers, 1):
        add(f"{number}. **{text(lever.question)}** ({text(lever.text)}). {text(lever.advice)}")
    if report.levers_note:
        add("")
        add(f"*{text(report.levers_note)}*")
    add("")
    add("## Red flags")
    add("")
    for flag in report.raised_flags:
        advice = " ".join(text(a) for a in flag.advice)
        add(f"- **{text(flag.name)}**: {common.number(flag.score)} of 100. {advice}")
    if report.red_flags_text:
        add(f"- {text(report.red_flags_text)}")


def _risks(report: Report, add: Add, lines: list[str]) -> None:
    add("")
    add("## Risks of unintended consequences")
    add("")
    add(text(report.risks_text))
    add("")
    if report.risks:
        rows = [
            [
                cell(r.name),
                cell(r.text),
                cell(r.mitigation or common.NONE_RECORDED),
                cell(common.sentences(r.suggested_mitigations)),
            ]
            for r in report.risks
        ]
        lines.extend(
            _table(
                [
                    "Risk",
                    "Likelihood × severity",
                    "Planned mitigation",
                    "Suggested mitigations",
                ],
                ["---", "---", "---", "---"],
                rows,
            )
        )
    else:
        add(text(words.NO_RISKS))
    _other_risks(report, add)
    add("")
    add(text(words.RISK_RANKING))
    for risk in (*report.risks, *report.risks_open):
        if risk.note:
            add("")
            add(f"*{text(risk.name)}:* {text(risk.note)}")


def _other_risks(report: Report, add: Add) -> None:
    """The open risks with their reach, then those that cannot arise, each with its note."""
    if report.risks_open:
        add("")
        add(f"**{text(words.OPEN_RISKS_HEADING)}:**")
        add("")
    for risk in report.risks_open:
        planned = f"; planned: {risk.mitigation}" if risk.mitigation else ""
        add(f"- {text(risk.name)}: {text(risk.text + planned)}")
    if report.risks_not_applicable:
        add("")
        add(f"**{text(words.RISKS_NOT_APPLICABLE_HEADING)}:**")
        add("")
    for item in report.risks_not_applicable:
        add(f"- {text(item.text)}")


def _gaps(report: Report, add: Add, lines: list[str]) -> None:
    add("")
    add("## Data gaps")
    add("")
    rows = [
        [cell(g.kind_label), cell(g.factor_name), cell(g.text), cell(g.note)] for g in report.gaps
    ]
    rows += [
        [cell("n/a"), cell(n.factor_name), cell(n.question), cell(n.note)]
        for n in report.not_applicable
    ]
    if rows:
        lines.extend(
            _table(["Gap", "Factor", "Question", "Note"], ["---", "---", "---", "---"], rows)
        )
    if not report.gaps:
        if rows:
            add("")
        add(text(report.gaps_none))
    for line in (report.confidence_text, report.hindsight_text):
        if line:
            add("")
            add(text(line))


def _outcome(report: Report, add: Add) -> None:
    outcome = report.outcome
    if outcome is None:
        return
    add("")
    add(f"## {text(common.OUTCOME_HEADING)}")
    add("")
    add(f"*{text(words.OUTCOME_EXPLAINED)}*")
    add("")
    add(f"- **{text(words.outcome_verdict(outcome.verdict))}**")
    for item in outcome.by_purpose:
        add(f"- {text(item.purpose_name)}: {text(item.verdict_text)}")
    for line in outcome.details:
        add(f"- {text(line)}")


def _analogues(report: Report, add: Add) -> None:
    """The nearest past episodes, when the report was asked for them; nothing otherwise."""
    if not report.analogues_asked:
        return
    add("")
    add(f"## {text(words.ANALOGUES_HEADING)}")
    for note in report.analogues_notes:
        add("")
        add(f"**{text(note)}**")
    if report.analogues:
        add("")
    for item in report.analogues:
        add(f"{item.rank}. **{text(item.title)}** ({text(item.id)})")
        add(f"   - {text(item.text)}")
        add(f"   - {text(item.differs_text)}")
        if item.quote_text:
            add(f"   - {text(item.quote_text)}")
    if report.analogues_explained:
        add("")
        add(f"*{text(report.analogues_explained)}*")


def _research(report: Report, add: Add) -> None:
    """Research-only findings: counted as USHMM codes them, never scored."""
    context = report.research_context
    if context is None or not context.findings:
        return
    add("")
    add(f"### {text(words.RESEARCH_HEADING)}")
    add("")
    add(f"*{text(context.rule)}*")
    add("")
    for finding in context.findings:
        add(f"- {text(finding.text)}")


def _rest(report: Report, add: Add, lines: list[str]) -> None:
    add("")
    add("## Caveats")
    add("")
    for caveat in report.caveats:
        add(f"- {text(caveat.text)}")
    _research(report, add)
    method = report.method
    fw = method.framework
    add("")
    add("## Method")
    add("")
    add(text(method.text))
    add("")
    add(
        f"Framework {cell(fw.id)} {cell(fw.version)} ({text(fw.title)}), "
        f"sha256 `{textsafe.one_line(fw.sha256)}`; {method.tool.name} "
        f"{method.tool.version}; generated {method.generated}."
    )
    add("")
    add("## Sources")
    add("")
    for source in report.sources.framework:
        label = common.source_label(source.title, source.publisher, source.year)
        add(f"- {text(label)}, {link(source.url)}")
    if report.references:
        add("")
        add("The case file's references:")
        add("")
        for ref in report.references:
            add(f"- {text(f'[{ref.key}]')} {link(ref.text)}")
    elif report.sources.case:
        add("")
        add("Cited in the case file:")
        add("")
        for url in report.sources.case:
            add(f"- {link(url)}")
    if report.answers:
        add("")
        add("## The answers behind the scores")
    for factor in report.answers:
        add("")
        add(f"### {text(factor.factor_name)}")
        add("")
        rows = [
            [
                cell(q.text),
                cell(q.score_text + (" (hindsight)" if q.hindsight else "")),
                cell(q.confidence),
                cell(q.note),
                " ".join(link(s) for s in q.sources) or "–",
            ]
            for q in factor.questions
        ]
        lines.extend(
            _table(
                ["Question", "Answer", "Confidence", "Note", "Sources"],
                ["---", "---", "---", "---", "---"],
                rows,
            )
        )
