"""`score`'s ranked table, for people: drawn by rich once every file is read.

Numbers and band names are never cut and words never split (``score_view.column_widths``); when
the width cannot hold the columns, each case becomes a short block instead. No emoji codes and no
markup: the cells are the case files' text, shown as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_check import textsafe
from sanctions_check.render import score_view
from sanctions_check.render.wording import score as words

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table


class ScoreTable(score_view.RankedRows):
    """The rows ranked, drawn by the environment's rule once every file is read."""

    def out(self, view: score_view.ScoreTable) -> None:
        self.environment.show(lambda console: draw(view, console))


def draw(view: score_view.ScoreTable, console: Console) -> None:
    from rich.text import Text

    cells = [[textsafe.one_line(cell) for cell in row] for row in view.cells]
    headers = view.headers
    notes = (*view.notes[:-1], *view.optional_notes, view.notes[-1])
    widths = score_view.column_widths(
        [[header, *(row[i] for row in cells)] for i, header in enumerate(headers)],
        console.width,
    )
    if view.optional and not _room_for_optional(view, cells, widths, console.width):
        kept = len(headers) - view.optional
        headers, cells, notes = headers[:kept], [row[:kept] for row in cells], view.notes
        widths = score_view.column_widths(
            [[header, *(row[i] for row in cells)] for i, header in enumerate(headers)],
            console.width,
        )
    if sum(widths) + len(headers) - 1 <= console.width:
        console.print(_grid(view.title, headers, cells, widths))
    else:  # too narrow for the columns without cutting a figure: one block per case
        console.print(_blocks(view.title, headers, cells))
    for line in notes:
        console.print(Text(line, style="dim"))


def _room_for_optional(
    view: score_view.ScoreTable, cells: list[list[str]], widths: list[int], room: int
) -> bool:
    """The optional columns fit without cutting a word: with them the table still fits the
    width, and the case column (the only one that folds inside a word) keeps the width it has
    without them; the wrapping columns may wrap more, at spaces."""
    kept = len(view.headers) - view.optional
    alone = score_view.column_widths(
        [[header, *(row[i] for row in cells)] for i, header in enumerate(view.headers[:kept])],
        room,
    )
    return widths[0] >= alone[0] and sum(widths) + len(widths) - 1 <= room


def _grid(title: str, headers: tuple[str, ...], cells: list[list[str]], widths: list[int]) -> Table:
    from rich.table import Table
    from rich.text import Text

    grid = Table(
        title=Text(title),
        title_justify="left",
        expand=False,
        box=None,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
        header_style="bold underline",
    )
    for header, column_width in zip(headers, widths, strict=True):
        grid.add_column(
            header,
            justify="right" if header in score_view.NUMERIC else "left",
            overflow="fold",
            no_wrap=header not in (*score_view.WRAPPING, headers[0]),
            width=column_width,
        )
    for row in cells:
        grid.add_row(*(Text(cell) for cell in row))
    return grid


def _blocks(title: str, headers: tuple[str, ...], cells: list[list[str]]) -> Table:
    from rich.table import Table
    from rich.text import Text

    blocks = Table.grid()
    blocks.title, blocks.title_justify = Text(title), "left"
    blocks.add_column(overflow="fold")
    for row in cells:
        blocks.add_row(Text(row[0], style="bold"))
        for header, cell in zip(headers[1:], row[1:], strict=True):
            blocks.add_row(Text(words.block_line(header, cell)))
    return blocks
