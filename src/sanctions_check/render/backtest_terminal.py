"""`backtest` in a terminal: the statement first, then the figures, then how to read them.
Case text reaches rich only as ``Text`` (``textsafe.plain``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

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


def _table(headers: tuple[str, ...]) -> Table:
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    for i, header in enumerate(headers):
        table.add_column(header, justify="right" if i >= RIGHT_FROM else "left")
    return table


class BacktestTerminal:
    def draw(self, view: BacktestView, console: Console) -> None:
        console.print(t(view.title, "bold"))
        console.print(t(view.statement, "yellow"))
        console.print(t(view.summary))
        console.print(t(view.verdicts_text))
        if view.judgements is not None:
            console.print(t(view.judgements.text))
        scores = _table(words.BACKTEST_HEADERS)
        for c in (view.outlook, *view.factors):
            scores.add_row(*(t(v) for v in row(c)))
        console.print()
        console.print(scores)
        if view.episodes:
            episodes = _table(words.EPISODE_HEADERS)
            for e in view.by_verdict:
                episodes.add_row(
                    t(e.id), t(e.verdict_text), t(e.outlook_text), t(e.hindsight_answers)
                )
            console.print()
            console.print(episodes)
        console.print()
        for line in view.closing:
            console.print(t(line, "dim"))
