"""`backtest` in a terminal: the statement first, then the figures, then how to read them.
Case text reaches rich only as ``Text`` (``textsafe.plain``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_check.render import fold
from sanctions_check.render.backtest_view import BacktestView, ConcordanceView
from sanctions_check.render.console import text as t
from sanctions_check.render.wording import history as words

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

RIGHT_FROM = 2  # the figures' columns


def row(c: ConcordanceView) -> list[str]:
    return [
        c.name,
        c.kind_label,
        str(c.cases),
        str(c.pairs),
        c.concordance_text,
        c.interval_text,
    ]


def _widths(headers: tuple[str, ...], rows: list[list[str]], room: int) -> tuple[list[int], int]:
    """Each column's width and the gap between columns for a table ``room`` characters wide.

    The figures' columns keep their longest cell (a figure is never cut); the names and kinds
    wrap at spaces, never below their longest word, and take back what room is left. Where even
    that does not fit with two spaces between columns, they stand one space apart.
    """
    columns = [[header, *(r[i] for r in rows)] for i, header in enumerate(headers)]
    natural = [max(len(text) for text in column) for column in columns]
    for gap in (2, 1):
        if sum(natural) + gap * (len(columns) - 1) <= room:
            return natural, gap
    gap = 2 if sum(natural[RIGHT_FROM:]) + 2 * (len(columns) - 1) + 30 <= room else 1
    widths = [
        max(fold.longest_unit(text) for text in column) if i < RIGHT_FROM else natural[i]
        for i, column in enumerate(columns)
    ]
    spare = room - gap * (len(columns) - 1) - sum(widths)
    for i in range(RIGHT_FROM):
        grow = max(0, min(spare, natural[i] - widths[i]))
        widths[i] += grow
        spare -= grow
    return widths, gap


def _table(headers: tuple[str, ...], rows: list[list[str]], room: int) -> Table:
    """A table that never cuts a word or a figure: see ``_widths``."""
    from rich.table import Table

    widths, gap = _widths(headers, rows, room)
    table = Table(
        show_edge=False, pad_edge=False, box=None, header_style="bold", padding=(0, gap, 0, 0)
    )
    for i, header in enumerate(headers):
        if i >= RIGHT_FROM:
            table.add_column(header, justify="right", width=widths[i], no_wrap=True)
        else:
            table.add_column(header, justify="left", width=widths[i])
    for cells in rows:
        table.add_row(*(t(v) for v in cells))
    return table


class BacktestTerminal:
    def draw(self, view: BacktestView, console: Console) -> None:
        console.print(t(view.title, "bold"))
        console.print(t(view.statement, "yellow"))
        console.print(t(view.summary))
        console.print(t(view.verdicts_text))
        if view.judgements is not None:
            console.print(t(view.judgements.text))
        rows = [row(c) for c in (view.outlook, *view.factors)]
        scores = _table(words.BACKTEST_HEADERS, rows, console.width)
        console.print()
        console.print(scores)
        if view.episodes:
            listed = [
                [e.id, e.verdict_text, e.outlook_text, str(e.hindsight_answers)]
                for e in view.by_verdict
            ]
            episodes = _table(words.EPISODE_HEADERS, listed, console.width)
            console.print()
            console.print(episodes)
        console.print()
        for line in view.closing:
            console.print(t(line, "dim"))
