"""A panel in the terminal (rich): outlooks side by side, agreement, disagreements first.

Every piece of case text goes into a rich ``Text`` through ``textsafe.plain``: rich markup in an
analyst's name or note stays literal, and escape sequences are removed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_check.render.console import heading
from sanctions_check.render.console import paragraph as _paragraph
from sanctions_check.render.console import text as _t
from sanctions_check.render.panel_view import PanelView, QuestionView
from sanctions_check.render.wording import common
from sanctions_check.render.wording import judgement as judgement_words
from sanctions_check.render.wording import panel as words
from sanctions_check.render.wording import placement as placement_words

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

TOP = 10  # disagreements listed in full at a terminal; every one is in Markdown, HTML and JSON


def _para(
    console: Console, text: object, style: str = "", indent: int = 0, first: str = ""
) -> None:
    """The panel's paragraphs start at the margin."""
    _paragraph(console, text, style, indent=indent, first=first)


def _answers(q: QuestionView) -> list[Text]:
    return [_t(cell) for cell in q.cells]


def _judgements(view: PanelView, console: Console) -> None:
    """Each analyst's own judgement beside their outlook, and the spread; none pooled."""
    if view.judgements is None:
        return
    heading(console, judgement_words.PANEL_HEADING)
    for a in view.analysts if view.judgements.any_given else ():
        given = a.judgement
        if given is None:
            continue
        _para(console, f"{a.name}: {given.text}", "bold" if given.given else "", first=f"{a.key}. ")
        if given.reason:
            _para(console, given.reason, indent=3)
        if given.differs_text:
            _para(console, given.differs_text, "yellow", indent=3)
    _para(console, view.judgements.text)
    if view.judgements.any_given:
        _para(console, view.judgements.note, "dim")


def _placement(view: PanelView, console: Console) -> None:
    """The pooled outlook among the coded past episodes, with its caveat."""
    placed = view.placement
    if placed is None:
        return
    heading(console, placement_words.PANEL_HEADING)
    _para(console, placed.text)
    if placed.outlooks_text:
        _para(console, placed.outlooks_text)
    notes = (placed.library_text, placed.left_out_text, placed.nearest_rule, placed.caveat)
    _para(console, " ".join(n for n in notes if n), "dim")


class PanelTerminal:
    def draw(self, view: PanelView, console: Console) -> None:
        from rich import box
        from rich.table import Table

        _para(console, view.title, "bold")
        _para(console, view.case_line, "dim")
        if view.case.hypothetical:
            _para(console, words.PANEL_HYPOTHETICAL, "dim")
        for warning in view.warnings:
            _para(console, words.panel_warning(warning), "yellow")

        heading(console, common.OUTLOOK_NAME)
        grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
        grid.add_column("#", no_wrap=True)
        grid.add_column(words.PANEL_ANALYST_HEADING, overflow="fold", min_width=12)
        grid.add_column(words.PANEL_FILE_HEADING, overflow="fold", min_width=8)
        # The headline wraps at word ends (a band withheld says why, at some length).
        grid.add_column(common.OUTLOOK_NAME, min_width=30)
        grid.add_row(
            _t(""),
            _t(words.PANEL_POOLED, "bold"),
            _t("–"),
            _t(view.pooled.outlook.text, "bold"),
        )
        for a in view.analysts:
            grid.add_row(_t(a.key), _t(a.name), _t(a.file), _t(a.outlook.text))
        console.print(grid)
        _para(console, view.agreement.text)
        _judgements(view, console)
        _placement(view, console)

        disagreements = view.disagreeing
        heading(console, f"{words.PANEL_DISCUSS} ({len(disagreements)})")
        if not disagreements:
            _para(console, words.PANEL_NO_DISAGREEMENT)
        else:
            table = Table(
                box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True
            )
            table.add_column(words.PANEL_RANK_HEADING, justify="right", no_wrap=True)
            table.add_column(words.PANEL_QUESTION_HEADING, overflow="fold", ratio=1)
            for key in view.keys:
                table.add_column(key, justify="right", no_wrap=True)
            table.add_column(words.PANEL_MEDIAN_HEADING, justify="right", no_wrap=True)
            table.add_column(words.PANEL_RANGE_HEADING, justify="right", no_wrap=True)
            table.add_column(words.PANEL_IMPACT_HEADING, overflow="fold")
            for rank, q in enumerate(disagreements[:TOP], 1):
                table.add_row(
                    _t(rank),
                    _t(q.heading),
                    *_answers(q),
                    _t(q.median_text),
                    _t(q.range_text),
                    _t(q.impact_text),
                )
            console.print(table)
            _para(console, words.PANEL_IMPACT_LEGEND, "dim")
            if len(disagreements) > TOP:
                _para(console, words.panel_more(len(disagreements) - TOP), "dim")
            noted = [q for q in disagreements[:TOP] if q.notes]
            if noted:
                heading(console, words.PANEL_NOTES_HEADING)
            for q in noted:
                _para(console, q.heading, "bold", first="• ")
                for note in q.notes:
                    _para(console, words.panel_note(note.analyst, note.name, note.text), indent=4)

        heading(console, words.PANEL_ALL_HEADING)
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
        table.add_column(words.PANEL_FACTOR_HEADING, overflow="fold")
        table.add_column(words.PANEL_QUESTION_HEADING, overflow="fold")
        for key in view.keys:
            table.add_column(key, justify="right", no_wrap=True)
        table.add_column(words.PANEL_MEDIAN_HEADING, justify="right", no_wrap=True)
        table.add_column(words.PANEL_RANGE_HEADING, justify="right", no_wrap=True)
        table.add_column(words.PANEL_NOT_SCORED_HEADING, overflow="fold")
        for q in view.questions:
            table.add_row(
                _t(q.factor_name),
                _t(q.question_id),
                *_answers(q),
                _t(q.median_text),
                _t(q.range_text),
                _t(q.counts_text),
            )
        console.print(table)
        _para(console, words.PANEL_ANSWER_LEGEND, "dim")

        if view.risks:
            heading(console, words.PANEL_RISKS_HEADING)
            table = Table(
                box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True
            )
            table.add_column(words.PANEL_RISK_HEADING, overflow="fold")
            for key in view.keys:
                table.add_column(key, justify="right", no_wrap=True)
            table.add_column(words.PANEL_POOLED_HEADING, overflow="fold")
            for r in view.risks:
                table.add_row(_t(r.name), *(_t(c) for c in r.cells), _t(r.pooled_text))
            console.print(table)
            _para(console, words.PANEL_RISK_LEGEND, "dim")
        if view.risks_open_text:
            _para(console, view.risks_open_text)
        console.print()
        _para(console, view.method.text, "dim")
        _para(console, view.advisory, "dim")
