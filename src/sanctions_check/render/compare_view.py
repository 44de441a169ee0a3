"""Output of `compare`: one typed model of the changes, shown as a table, Markdown or JSON.

As for reports, every renderer reads the same model (:func:`build`), whose changes are computed
once from the whole numbers every output prints, and escapes case text for its own format. A
line is a change only when what a reader sees differs: never "X → X".
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from sanctions_check import __version__, textsafe
from sanctions_check.case import Answer
from sanctions_check.compare import CHANGED, Comparison
from sanctions_check.render import report_model, wording
from sanctions_check.render.paragraphs import paragraph
from sanctions_check.scoring import Assessment, RiskResult, whole

SCHEMA = "sanctions-check/compare@2"
DIRECTION_WORDS = {
    "rose": "rose",
    "fell": "fell",
    "added": "newly rated",
    "dropped": "no longer rated",
    "changed": "re-rated, same level",
}


class SideView(NamedTuple):
    file: str
    id: str
    title: str
    assessed_on: str | None
    analyst: str | None
    score: int | None
    low: int
    high: int
    coverage: float
    band: str | None
    band_label: str | None
    capped: bool
    provisional: bool
    text: str
    limiting: tuple[str, ...]


class FactorRow(NamedTuple):
    id: str
    name: str
    kind: str
    kind_label: str
    old: int | None
    new: int | None
    old_text: str
    new_text: str
    old_coverage: float
    new_coverage: float
    delta: int | None
    delta_text: str
    changed: bool


class AnswerSide(NamedTuple):
    score: int | float | str | None
    score_text: str
    confidence: str | None
    note: str | None
    sources: tuple[str, ...]


class AnswerRow(NamedTuple):
    factor_id: str
    factor_name: str
    question_id: str
    question: str
    changed: tuple[str, ...]
    old: AnswerSide
    new: AnswerSide


class RiskSide(NamedTuple):
    likelihood: int | str | None
    severity: int | str | None
    value: int | None
    low: int
    high: int
    band: str | None
    text: str
    mitigation: str | None


class RiskRow(NamedTuple):
    id: str
    name: str
    direction: str
    direction_text: str
    delta: int | None
    changed: tuple[str, ...]
    old: RiskSide | None
    new: RiskSide | None
    text: str


class MethodRef(NamedTuple):
    framework: report_model.FrameworkRef
    tool: report_model.ToolRef
    generated: str


class ComparisonReport(NamedTuple):
    """What changed between two assessments (schema ``compare@2``)."""

    schema: str
    old: SideView
    new: SideView
    outlook_delta: int | None
    outlook_delta_text: str
    outlook_changed: bool
    band_changed: bool
    limits_changed: bool
    limits_text: str
    factors: tuple[FactorRow, ...]  # every factor; `changed` says whether a reader sees a change
    answers: tuple[AnswerRow, ...]  # only answers that changed
    risks: tuple[RiskRow, ...]  # only risks that changed
    flags_raised: tuple[str, ...]
    flags_cleared: tuple[str, ...]
    unchanged: bool
    summary: str | None  # 'No changes: …' for two identical assessments
    warnings: tuple[str, ...]
    method: MethodRef


def _side(assessment: Assessment) -> SideView:
    header = assessment.case.header
    outlook = assessment.outlook
    label = outlook.band.label if outlook.band else None
    score = None if outlook.score is None else whole(outlook.score)
    return SideView(
        file=Path(assessment.case.source).name,
        id=header.id,
        title=header.title,
        assessed_on=header.assessed_on,
        analyst=header.analyst,
        score=score,
        low=whole(outlook.low),
        high=whole(outlook.high),
        coverage=wording.share(outlook.coverage),
        band=outlook.band.id if outlook.band else None,
        band_label=label,
        capped=outlook.capped,
        provisional=outlook.provisional,
        text=wording.outlook_text(
            label,
            outlook.capped,
            score,
            outlook.low,
            outlook.high,
            outlook.coverage,
            outlook.provisional,
            outlook.band_low.label if outlook.band_low else None,
            outlook.band_high.label if outlook.band_high else None,
        ),
        limiting=tuple(lim.factor_name for lim in outlook.limits),
    )


def _answer(answer: Answer) -> AnswerSide:
    return AnswerSide(
        answer.score,
        wording.answer_text(answer.score),
        answer.confidence,
        answer.note,
        tuple(answer.sources),
    )


def _risk(risk: RiskResult | None) -> RiskSide | None:
    if risk is None:
        return None
    return RiskSide(
        risk.likelihood,
        risk.severity,
        risk.value,
        risk.low,
        risk.high,
        risk.band_id,
        wording.risk_range_text(
            risk.likelihood,
            risk.severity,
            risk.value,
            risk.low,
            risk.high,
            risk.band_label,
            risk.reach_label,
        ),
        risk.mitigation,
    )


def _risk_cell(side: RiskSide | None) -> str:
    return "not rated" if side is None else side.text


def _risk_line(name: str, direction: str, old: RiskSide | None, new: RiskSide | None) -> str:
    words = DIRECTION_WORDS.get(direction, direction)
    if direction == CHANGED and old is not None and new is not None:
        parts = [f"{name} {words} ({new.text})"]
        if old.mitigation != new.mitigation:
            parts.append(
                "mitigation: "
                + wording.change(old.mitigation or "none recorded", new.mitigation or "none")
            )
        return "; ".join(parts)
    return f"{name} {words}: " + wording.change(_risk_cell(old), _risk_cell(new))


def build(comparison: Comparison, *, generated: datetime | None = None) -> ComparisonReport:
    fw = comparison.new.framework
    names = {f.id: f.name for f in fw.factors}
    moment = generated if generated is not None else report_model.generated_at()
    old, new = _side(comparison.old), _side(comparison.new)
    factors = []
    for f in comparison.factors:
        old_text = wording.factor_score_text(f.old.score, f.old.low, f.old.high, f.old.assessed)
        new_text = wording.factor_score_text(f.new.score, f.new.low, f.new.high, f.new.assessed)
        factors.append(
            FactorRow(
                id=f.id,
                name=f.name,
                kind=f.kind,
                kind_label=wording.kind_label(f.kind),
                old=None if f.old.score is None else whole(f.old.score),
                new=None if f.new.score is None else whole(f.new.score),
                old_text=old_text,
                new_text=new_text,
                old_coverage=wording.share(f.old.coverage),
                new_coverage=wording.share(f.new.coverage),
                delta=f.delta,
                delta_text=wording.signed(f.delta) if f.changed else "",
                changed=f.changed,
            )
        )
    limits_text = (
        "Limiting factor: "
        + wording.change(", ".join(old.limiting) or "–", ", ".join(new.limiting) or "–")
        if comparison.limits_changed
        else f"Limiting factor, unchanged: {', '.join(new.limiting) or '–'}"
    )
    unchanged = comparison.unchanged
    return ComparisonReport(
        schema=SCHEMA,
        old=old,
        new=new,
        outlook_delta=comparison.outlook_delta,
        outlook_delta_text=(
            wording.signed(comparison.outlook_delta) if comparison.outlook_changed else ""
        ),
        outlook_changed=comparison.outlook_changed,
        band_changed=comparison.band_changed,
        limits_changed=comparison.limits_changed,
        limits_text=limits_text,
        factors=tuple(factors),
        answers=tuple(
            AnswerRow(
                a.factor_id,
                a.factor_name,
                a.question_id,
                a.question,
                a.changed,
                _answer(a.old),
                _answer(a.new),
            )
            for a in comparison.answers
        ),
        risks=tuple(
            RiskRow(
                r.id,
                r.name,
                r.direction,
                DIRECTION_WORDS.get(r.direction, r.direction),
                r.delta,
                r.changed,
                _risk(r.old),
                _risk(r.new),
                _risk_line(r.name, r.direction, _risk(r.old), _risk(r.new)),
            )
            for r in comparison.risks
        ),
        flags_raised=tuple(names[i] for i in comparison.flags_raised),
        flags_cleared=tuple(names[i] for i in comparison.flags_cleared),
        unchanged=unchanged,
        summary=wording.NO_CHANGES if unchanged else None,
        warnings=tuple(comparison.warnings),
        method=MethodRef(
            report_model.FrameworkRef(fw.id, fw.version, fw.title, fw.sha256),
            report_model.ToolRef("sanctions-check", __version__),
            report_model.iso(moment),
        ),
    )


def _who(side: SideView) -> str:
    parts = [side.file]
    if side.assessed_on:
        parts.append(f"assessed {side.assessed_on}")
    if side.analyst:
        parts.append(f"by {side.analyst}")
    return ", ".join(parts)


def _answer_line(side: AnswerSide) -> str:
    confidence = f", {side.confidence} confidence" if side.confidence else ""
    note = f": {side.note}" if side.note else ""
    return f"{side.score_text}{confidence}{note}"


def _flags_line(report: ComparisonReport) -> str | None:
    if not (report.flags_raised or report.flags_cleared):
        return None
    return (
        f"Red flags raised: {', '.join(report.flags_raised) or 'none'}; "
        f"cleared: {', '.join(report.flags_cleared) or 'none'}"
    )


def table(report: ComparisonReport, console: Any) -> None:
    """The comparison for a terminal: a factor table, then what changed and why."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    def t(value: object, style: str = "") -> Text:
        return Text(textsafe.plain(value), style=style)

    old, new = report.old, report.new
    paragraph(console, f"Comparing assessments of {new.title}", "bold", indent=0)
    paragraph(console, f"old: {_who(old)}")
    paragraph(console, f"new: {_who(new)}")
    for warning in report.warnings:
        paragraph(console, f"Note: {warning}", "yellow", indent=0)
    if report.summary:
        paragraph(console, report.summary, "bold", indent=0)
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    grid.add_column("Factor", overflow="fold")
    grid.add_column("Old", overflow="fold")
    grid.add_column("New", overflow="fold")
    grid.add_column("Change", justify="right", no_wrap=True)
    grid.add_row(
        t(wording.OUTLOOK_NAME, "bold"),
        t(old.text),
        t(new.text),
        t(report.outlook_delta_text, "bold"),
    )
    for f in report.factors:
        grid.add_row(t(f"{f.name} ({f.kind_label})"), t(f.old_text), t(f.new_text), t(f.delta_text))
    console.print(grid)
    paragraph(console, report.limits_text, indent=0)
    flags = _flags_line(report)
    if flags:
        paragraph(console, flags, indent=0)
    console.print()
    console.print(t(f"Answers that changed ({len(report.answers)})", "bold underline"))
    for a in report.answers:
        paragraph(console, f"{a.factor_name}: {a.question}", "bold", first="• ")
        paragraph(console, f"old: {_answer_line(a.old)}", indent=4)
        paragraph(console, f"new: {_answer_line(a.new)}", indent=4)
    if not report.answers:
        paragraph(console, "none")
    console.print()
    console.print(t(f"Risks that changed ({len(report.risks)})", "bold underline"))
    for r in report.risks:
        paragraph(console, r.text, first="• ")
    if not report.risks:
        paragraph(console, "none")
    fw = report.method.framework
    console.print()
    paragraph(
        console,
        f"Both scored against framework {fw.id} {fw.version}. {wording.OUTLOOK_EXPLAINED} "
        f"{wording.NEUTRAL_RULE}",
        "dim",
        indent=0,
    )


_md = textsafe.md_line
_cell = textsafe.md_cell_or_dash


def markdown(report: ComparisonReport) -> str:
    old, new = report.old, report.new
    lines = [
        f"## What changed: {_md(new.title)}",
        "",
        f"- Old: {_md(_who(old))}",
        f"- New: {_md(_who(new))}",
    ]
    lines += [f"- **Note:** {_md(w)}" for w in report.warnings]
    if report.summary:
        lines += ["", f"**{_md(report.summary)}**"]
    lines += [
        "",
        "| Factor | Old | New | Change |",
        "|---|---|---|---:|",
        f"| **{wording.OUTLOOK_NAME}** | {_cell(old.text)} | {_cell(new.text)} "
        f"| **{_cell(report.outlook_delta_text)}** |",
    ]
    lines += [
        f"| {_cell(f.name)} ({_cell(f.kind_label)}) | {_cell(f.old_text)} "
        f"| {_cell(f.new_text)} | {_cell(f.delta_text)} |"
        for f in report.factors
    ]
    lines += ["", _md(report.limits_text)]
    flags = _flags_line(report)
    if flags:
        lines += ["", _md(flags)]
    lines += ["", f"### Answers that changed ({len(report.answers)})", ""]
    if report.answers:
        lines += ["| Factor | Question | Old | New |", "|---|---|---|---|"]
        lines += [
            f"| {_cell(a.factor_name)} | {_cell(a.question)} | "
            f"{_cell(_answer_line(a.old))} | {_cell(_answer_line(a.new))} |"
            for a in report.answers
        ]
    else:
        lines.append("None.")
    lines += ["", f"### Risks that changed ({len(report.risks)})", ""]
    if report.risks:
        lines += ["| Risk | Change |", "|---|---|"]
        lines += [f"| {_cell(r.name)} | {_cell(r.text)} |" for r in report.risks]
    else:
        lines.append("None.")
    fw = report.method.framework
    lines += [
        "",
        f"Both scored against framework {_md(fw.id)} {_md(fw.version)}. "
        f"{_md(wording.OUTLOOK_EXPLAINED)} {_md(wording.NEUTRAL_RULE)}",
    ]
    return "\n".join(lines) + "\n"


def table_text(report: ComparisonReport, width: int = 100) -> str:
    """The terminal table as plain text, for a file."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    table(
        report, Console(file=buffer, width=width, color_system=None, highlight=False, emoji=False)
    )
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
