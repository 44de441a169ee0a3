"""A panel in the terminal (rich): outlooks side by side, agreement, disagreements first.

Every piece of case text goes into a rich ``Text`` through ``textsafe.plain``: rich markup in an
analyst's name or note stays literal, and escape sequences are removed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sanctions_check import textsafe
from sanctions_check.panel import Panel, QuestionPanel
from sanctions_check.render import wording
from sanctions_check.render.paragraphs import captured
from sanctions_check.render.paragraphs import paragraph as _paragraph
from sanctions_check.scoring import Assessment

TOP = 10  # disagreements listed in full at a terminal; every one is in Markdown, HTML and JSON


def _para(console: Any, text: object, style: str = "", indent: int = 0, first: str = "") -> None:
    """The panel's paragraphs start at the margin."""
    _paragraph(console, text, style, indent=indent, first=first)


def _t(value: object, style: str = "") -> Any:
    from rich.text import Text

    return Text(textsafe.plain(value), style=style)


def _heading(console: Any, title: str) -> None:
    console.print()
    console.print(_t(title, "bold underline"))


def _outlook(assessment: Assessment) -> str:
    o = assessment.outlook
    return wording.panel_outlook_text(o)


def _answers(panel: Panel, q: QuestionPanel) -> list[Any]:
    return [_t(wording.panel_cell(a)) for a in q.answers]


def render(panel: Panel, console: Any) -> None:
    from rich import box
    from rich.table import Table

    n = len(panel.members)
    _para(console, wording.panel_title(n, panel.title), "bold")
    fw = panel.framework
    _para(console, wording.panel_case_line(panel.case_id, fw.id, fw.version), "dim")
    if panel.hypothetical:
        _para(console, wording.PANEL_HYPOTHETICAL, "dim")
    for warning in panel.warnings:
        _para(console, wording.panel_warning(warning), "yellow")

    _heading(console, wording.OUTLOOK_NAME)
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    grid.add_column("#", no_wrap=True)
    grid.add_column(wording.PANEL_ANALYST_HEADING, overflow="fold", min_width=12)
    grid.add_column(wording.PANEL_FILE_HEADING, overflow="fold")
    grid.add_column(wording.OUTLOOK_NAME, no_wrap=True)
    grid.add_row(
        _t(""), _t(wording.PANEL_POOLED, "bold"), _t("–"), _t(_outlook(panel.pooled), "bold")
    )
    for m in panel.members:
        grid.add_row(_t(m.key), _t(m.name), _t(Path(m.file).name), _t(_outlook(m.assessment)))
    console.print(grid)
    a = panel.agreement
    _para(
        console,
        wording.alpha_text(a.alpha, a.units, a.coders, a.total_units, a.level, a.no_variation),
    )

    disagreements = panel.disagreements
    _heading(console, f"{wording.PANEL_DISCUSS} ({len(disagreements)})")
    if not disagreements:
        _para(console, wording.PANEL_NO_DISAGREEMENT)
    else:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
        table.add_column(wording.PANEL_RANK_HEADING, justify="right", no_wrap=True)
        table.add_column(wording.PANEL_QUESTION_HEADING, overflow="fold", ratio=1)
        for m in panel.members:
            table.add_column(m.key, justify="right", no_wrap=True)
        table.add_column(wording.PANEL_MEDIAN_HEADING, justify="right", no_wrap=True)
        table.add_column(wording.PANEL_RANGE_HEADING, justify="right", no_wrap=True)
        table.add_column(wording.PANEL_IMPACT_HEADING, overflow="fold")
        for rank, q in enumerate(disagreements[:TOP], 1):
            table.add_row(
                _t(rank),
                _t(f"{q.factor_name}: {q.text}"),
                *_answers(panel, q),
                _t(wording.level_text(q.median)),
                _t(wording.spread_text(q.low, q.high)),
                _t(
                    wording.impact_text(
                        q.impact, q.kind, q.band_at_low, q.band_at_high, bool(q.spread)
                    )
                ),
            )
        console.print(table)
        _para(console, wording.PANEL_IMPACT_LEGEND, "dim")
        if len(disagreements) > TOP:
            _para(console, wording.panel_more(len(disagreements) - TOP), "dim")
        noted = [q for q in disagreements[:TOP] if q.notes]
        if noted:
            _heading(console, wording.PANEL_NOTES_HEADING)
        names = {m.key: m.name for m in panel.members}
        for q in noted:
            _para(console, f"{q.factor_name}: {q.text}", "bold", first="• ")
            for note in q.notes:
                _para(
                    console,
                    wording.panel_note(note.member, names[note.member], note.text),
                    indent=4,
                )

    _heading(console, wording.PANEL_ALL_HEADING)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    table.add_column(wording.PANEL_FACTOR_HEADING, overflow="fold")
    table.add_column(wording.PANEL_QUESTION_HEADING, overflow="fold")
    for m in panel.members:
        table.add_column(m.key, justify="right", no_wrap=True)
    table.add_column(wording.PANEL_MEDIAN_HEADING, justify="right", no_wrap=True)
    table.add_column(wording.PANEL_RANGE_HEADING, justify="right", no_wrap=True)
    table.add_column(wording.PANEL_NOT_SCORED_HEADING, overflow="fold")
    for q in panel.questions:
        table.add_row(
            _t(q.factor_name),
            _t(q.question_id),
            *_answers(panel, q),
            _t(wording.level_text(q.median)),
            _t(wording.spread_text(q.low, q.high)),
            _t(wording.counts_text(q.unknown, q.not_applicable, q.unanswered)),
        )
    console.print(table)
    _para(console, wording.PANEL_ANSWER_LEGEND, "dim")

    if panel.risks:
        _heading(console, wording.PANEL_RISKS_HEADING)
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
        table.add_column(wording.PANEL_RISK_HEADING, overflow="fold")
        for m in panel.members:
            table.add_column(m.key, justify="right", no_wrap=True)
        table.add_column(wording.PANEL_POOLED_HEADING, overflow="fold")
        for r in panel.risks:
            pooled = r.pooled
            table.add_row(
                _t(r.name),
                *[
                    _t(_risk_cell(lk, sv))
                    for lk, sv in zip(r.likelihoods, r.severities, strict=True)
                ],
                _t(
                    wording.panel_risk_pooled(
                        r.median_likelihood,
                        r.median_severity,
                        pooled.value if pooled else None,
                        pooled.band_label if pooled else None,
                    )
                ),
            )
        console.print(table)
        _para(console, wording.PANEL_RISK_LEGEND, "dim")
    console.print()
    _para(console, wording.PANEL_METHOD, "dim")
    _para(console, wording.ADVISORY_NOTICE, "dim")


def _risk_cell(likelihood: object, severity: object) -> str:
    return f"{wording.panel_cell(likelihood)}×{wording.panel_cell(severity)}"


def text(panel: Panel, width: int = 100) -> str:
    """The terminal view as plain text, for a file or a pipe."""
    return captured(lambda console: render(panel, console), width)
