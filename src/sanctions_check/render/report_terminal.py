"""`report` in a terminal: the bottom line, then the advisory summary (which `assess` prints too).

Every piece of text reaches rich as a ``Text`` object built from ``textsafe.plain``, never as
markup, so a note holding ``[bold]`` or an escape sequence prints as the literal characters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_check import textsafe
from sanctions_check.numbers import percent
from sanctions_check.render import bottom_line
from sanctions_check.render.console import bullet, heading, paragraph
from sanctions_check.render.console import text as _t
from sanctions_check.render.report_view import Report, ReportPage
from sanctions_check.render.wording import common
from sanctions_check.render.wording import judgement as judgement_words
from sanctions_check.render.wording import placement as placement_words
from sanctions_check.render.wording import report as words

if TYPE_CHECKING:
    from rich.console import Console

BAND_STYLES = {0: "red", 1: "yellow", 2: "cyan", 3: "green"}
RISK_STYLES = {"high": "red", "medium": "yellow", "low": "green"}


class ReportTerminal:
    """The bottom line first, then the full summary below it."""

    def draw(self, view: ReportPage, console: Console) -> None:
        lines = bottom_line.bottom_line(
            view.report, case_file=view.case_file, where="below", width=console.width
        )
        bottom_line.render(lines, console)
        console.print()
        draw_summary(view.report, console, case_file=view.case_file)


def _heading(console: Console, title: str) -> None:
    heading(console, title)


def draw_summary(report: Report, console: Console, *, case_file: str | None = None) -> None:
    """The advisory summary of a report, section by section.

    ``case_file`` is the path to name in the closing command (the file's name by default).
    """
    _header(report, console)
    _outlook(report, console)
    _placement(report, console)
    _judgement(report, console)
    _outside_view(report, console)
    _factors(report, console)
    _findings(report, console)
    _risks(report, console)
    _gaps(report, console)
    _outcome(report, console)
    _analogues(report, console)
    _closing(report, console, case_file)


def _header(report: Report, console: Console) -> None:
    from rich.panel import Panel
    from rich.text import Text

    case = report.case
    body = Text()
    body.append(textsafe.plain(case.title), style="bold")
    details = [f"case {case.id}"]
    for value, label in (
        (case.country, ""),
        (case.as_of, "as of "),
        (case.assessed_on, "assessed "),
        (case.analyst, "by "),
    ):
        if value:
            details.append(f"{label}{textsafe.one_line(value)}")
    body.append("\n" + " · ".join(textsafe.plain(d) for d in details), style="dim")
    if case.implementers:
        body.append("\nImposed by: ", style="bold")
        body.append(textsafe.one_line(", ".join(case.implementers)))
    if case.scope is not None:
        body.append(f"\n{words.CASE_SCOPE}: ", style="bold")
        body.append(textsafe.one_line(case.scope.text))
    if case.hypothetical:
        body.append("\nHypothetical case (invented for teaching)", style="italic")
    for value, label in ((case.situation, "Situation"), (case.measures, "Measures")):
        if value:
            body.append(f"\n{label}: ", style="bold")
            body.append(textsafe.one_line(value, limit=400))
    console.print(Panel(body, title="Advisory summary", title_align="left"))
    paragraph(console, report.advisory, "dim", indent=0)
    for warning in report.warnings:
        paragraph(console, f"Note: {warning}", "yellow", indent=0)


def _band_style(report: Report, band_id: str | None) -> str:
    ids = [b.id for b in report.bands]
    if band_id not in ids:
        return ""
    rank = ids.index(band_id)
    return BAND_STYLES.get(round(rank * 3 / max(len(ids) - 1, 1)), "")


def _outlook(report: Report, console: Console) -> None:

    outlook = report.outlook
    band = outlook.band
    _heading(console, common.OUTLOOK_NAME)
    paragraph(console, outlook.text, "bold " + _band_style(report, band.id if band else None))
    console.print(
        _t(
            f"  {common.range_bar(outlook.score, outlook.low, outlook.high, 40)}"
            f"  {common.number(outlook.score)}"
        )
    )
    if outlook.band_meaning:
        paragraph(console, outlook.band_meaning)
    if outlook.band_withheld:
        paragraph(console, outlook.band_withheld.text, "yellow")
    for text in outlook.gate_texts:
        paragraph(console, f"Gate: {text}", "yellow")
    if outlook.not_applicable:
        paragraph(console, words.outlook_left_out(outlook.not_applicable))
    paragraph(console, f"{outlook.explained} {outlook.neutral_rule}", "dim")


def _placement(report: Report, console: Console) -> None:
    """Where the outlook stands among the coded past episodes, with its caveat once."""
    placed = report.placement
    if placed is None:
        return
    _heading(console, placement_words.HEADING)
    paragraph(console, placed.text)
    if placed.outlooks_text:
        paragraph(console, placed.outlooks_text)
    notes = (placed.library_text, placed.left_out_text, placed.nearest_rule, placed.caveat)
    paragraph(console, " ".join(n for n in notes if n), "dim")


def _judgement(report: Report, console: Console) -> None:
    """The analyst's own judgement beside the outlook, or that none is given."""
    given = report.judgement
    if given is None:
        return
    _heading(console, judgement_words.HEADING)
    paragraph(console, given.text, "bold" if given.given else "")
    if given.reason:
        paragraph(console, given.reason)
    if given.differs_text:
        paragraph(console, given.differs_text, "yellow")
    if given.hint:
        paragraph(console, given.hint, "dim")


def _outside_view(report: Report, console: Console) -> None:
    view = report.outside_view
    _heading(console, "Outside view: base rates")
    for rate in view.base_rates:
        bullet(console, rate.line)
    paragraph(console, view.explained, "dim")
    if view.hint:
        paragraph(console, view.hint, "dim")


def _factors(report: Report, console: Console) -> None:
    from rich import box
    from rich.table import Table

    _heading(console, "Factors")
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1))
    narrow = (console.width or 80) < 100
    grid.add_column("Factor", overflow="fold", min_width=20, ratio=1)
    grid.add_column("0-100", no_wrap=True, min_width=20)
    grid.add_column("Score (range)", overflow="fold", max_width=16 if narrow else None)
    grid.add_column("Coverage", justify="right", no_wrap=True, min_width=8)
    for factor in report.factors:
        name = _t(factor.name)
        name.append(f" ({factor.kind_label})", style="dim")
        bar = (
            common.range_bar(factor.score, factor.low, factor.high)
            if factor.low is not None and factor.high is not None
            else ""
        )
        grid.add_row(
            name,
            _t(bar),
            _t(factor.score_text),
            _t(percent(factor.coverage)),
        )
    console.print(grid)
    for factor in report.factors:
        if factor.note:
            paragraph(console, f"{factor.name}: {factor.note}.")
    paragraph(console, f"{common.RANGE_BAR_LEGEND}. {common.RED_FLAG_SCALE}.", "dim")
    _heading(console, "Evidence behind each factor")
    for factor in report.factors:
        note = f" {factor.evidence_note}" if factor.evidence_note else ""
        bullet(console, f"{factor.name}: {factor.evidence}.{note}")


def _findings(report: Report, console: Console) -> None:
    _heading(console, "What limits the outlook")
    if not report.limits:
        bullet(console, words.NO_CORE_LIMIT)
    for limit in report.limits:
        bullet(console, f"{limit.factor_name}: {limit.why}")
    _heading(console, "Strengths")
    if not report.strengths:
        bullet(console, report.strengths_none)
    for strength in report.strengths:
        bullet(console, words.strength_text(strength.factor_name, strength.score))
    _heading(console, "Top levers")
    if not report.levers:
        bullet(console, words.NO_LEVERS)
    for number, lever in enumerate(report.levers, 1):
        paragraph(console, lever.question, "bold", first=f"{number}. ")
        paragraph(console, lever.text, "dim", indent=5)
        paragraph(console, lever.advice, indent=5)
    if report.levers_note:
        paragraph(console, report.levers_note, "dim")
    _heading(console, "Red flags")
    for flag in report.raised_flags:
        bullet(console, f"{flag.name}: {common.number(flag.score)} of 100", "bold red")
        for advice in flag.advice:
            paragraph(console, advice, indent=4)
    if report.red_flags_text:
        bullet(console, report.red_flags_text)


def _risks(report: Report, console: Console) -> None:
    from rich.table import Table

    _heading(console, "Risks of unintended consequences (likelihood × severity)")
    paragraph(console, report.risks_text)
    if report.risks:
        grid = Table(show_edge=False, pad_edge=False, box=None, padding=(0, 1))
        grid.add_column("Risk", overflow="fold", ratio=1)
        grid.add_column("L × S", overflow="fold", ratio=1)
        grid.add_column("Mitigation", overflow="fold", ratio=3)
        for risk in report.risks:
            planned = risk.mitigation or common.NONE_RECORDED
            suggested = common.sentences(risk.suggested_mitigations)
            grid.add_row(
                _t(risk.name),
                _t(risk.text, RISK_STYLES.get(risk.band or "", "")),
                _t(f"Planned: {textsafe.plain(planned)}\nSuggested: {suggested}"),
            )
        console.print(grid)
    else:
        bullet(console, words.NO_RISKS)
    _other_risks(report, console)
    paragraph(console, words.RISK_RANKING, "dim")


def _other_risks(report: Report, console: Console) -> None:
    """The open risks with their reach, then those that cannot arise, each with its note."""
    if report.risks_open:
        paragraph(console, words.OPEN_RISKS_HEADING, "bold")
        for risk in report.risks_open:
            planned = f"; planned: {risk.mitigation}" if risk.mitigation else ""
            bullet(console, f"{risk.name}: {risk.text}{planned}")
    if report.risks_not_applicable:
        paragraph(console, words.RISKS_NOT_APPLICABLE_HEADING, "bold")
        for item in report.risks_not_applicable:
            bullet(console, item.text)


def _gaps(report: Report, console: Console) -> None:
    _heading(console, "Data gaps")
    if not report.gaps:
        bullet(console, report.gaps_none)
    for gap in report.gaps:
        where = f"{gap.factor_name}: " if gap.factor_name and gap.question_id else ""
        bullet(console, f"{gap.kind_label}: {where}{textsafe.one_line(gap.text)}")
    for item in report.not_applicable:
        bullet(
            console, f"{item.factor_name}: {words.not_applicable_text(item.question, item.note)}"
        )
    for text in (report.confidence_text, report.hindsight_text):
        if text:
            bullet(console, text)


def _closing(report: Report, console: Console, case_file: str | None) -> None:
    _heading(console, "Caveats")
    for caveat in report.caveats:
        bullet(console, caveat.text)
    _research(report, console)
    method = report.method
    fw = method.framework
    _heading(console, "Method")
    paragraph(console, method.text, "dim")
    paragraph(
        console,
        f"Framework {fw.id} {fw.version}, sha256 {fw.sha256}; "
        f"{method.tool.name} {method.tool.version}; "
        f"generated {method.generated}.",
        "dim",
    )
    _heading(console, "Sources")
    for source in report.sources.framework:
        label = common.source_label(source.title, source.publisher, source.year)
        bullet(console, f"{label} {source.url}")
    if report.references:
        paragraph(console, "The case file's references:")
        for ref in report.references:
            bullet(console, f"[{ref.key}] {ref.text}")
    elif report.sources.case:
        paragraph(console, "Cited in the case file:")
        for url in report.sources.case:
            bullet(console, url)
    console.print()
    paragraph(
        console,
        words.answers_elsewhere(case_file or report.case.file),
        "dim",
        indent=0,
    )


def _research(report: Report, console: Console) -> None:
    """Research-only findings: counted as USHMM codes them, never scored."""
    context = report.research_context
    if context is None or not context.findings:
        return
    _heading(console, words.RESEARCH_HEADING)
    paragraph(console, context.rule, "dim")
    for finding in context.findings:
        bullet(console, finding.text)


def _outcome(report: Report, console: Console) -> None:
    outcome = report.outcome
    if outcome is None:
        return
    _heading(console, common.OUTCOME_HEADING)
    paragraph(console, words.OUTCOME_EXPLAINED, "dim")
    bullet(console, words.outcome_verdict(outcome.verdict))
    for item in outcome.by_purpose:
        bullet(console, f"{item.purpose_name}: {item.verdict_text}")
    for line in outcome.details:
        bullet(console, line)


def _analogues(report: Report, console: Console) -> None:
    """The nearest past episodes, when the report was asked for them; nothing otherwise."""
    if not report.analogues_asked:
        return
    _heading(console, words.ANALOGUES_HEADING)
    for note in report.analogues_notes:
        paragraph(console, note, "yellow")
    for item in report.analogues:
        paragraph(
            console, f"{textsafe.one_line(item.title)} ({item.id})", "bold", first=f"{item.rank}. "
        )
        paragraph(console, item.text, indent=5)
        paragraph(console, item.differs_text, indent=5)
        if item.quote_text:
            paragraph(console, item.quote_text, "dim", indent=5)
    if report.analogues_explained:
        paragraph(console, report.analogues_explained, "dim")
