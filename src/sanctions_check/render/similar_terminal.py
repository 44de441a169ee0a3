"""`similar` in a terminal: a heading, the notices, one table, where each analogue differs most,
then the method and caveat. Case text reaches rich only as ``Text`` (``textsafe.plain``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_check.render import fold
from sanctions_check.render.console import FoldedId
from sanctions_check.render.console import text as t
from sanctions_check.render.similar_view import AnalogueRow, SimilarView
from sanctions_check.render.wording import history as words

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

RIGHT = (0, 2, 3)  # rank, distance, overlap
EPISODE, OVERLAP, OUTLOOK, VERDICT = 1, 3, 4, 5


def _paragraph(console: Console, value: str, indent: int = 3, style: str = "") -> None:
    """A paragraph wrapped to the console with a hanging indent, without trailing spaces."""
    import textwrap

    width = max((console.width or 80) - indent, 20)
    lines = textwrap.wrap(value, width=width, break_long_words=False, break_on_hyphens=False)
    console.print(t("\n".join(lines[:1] + [" " * indent + line for line in lines[1:]]), style))


class SimilarTerminal:
    def draw(self, view: SimilarView, console: Console) -> None:
        console.print(t(view.heading, "bold"))
        for note in view.notices:
            console.print(t(note.text, "yellow" if note.warning else ""))
        if view.analogues:
            cells = {a.rank: _cells(a) for a in view.analogues}
            widths = [
                max(len(text) for text in (header, *(row[i] for row in cells.values())))
                for i, header in enumerate(words.SIMILAR_HEADERS)
            ]
            widths = _narrowed(widths, list(cells.values()), console.width)
            for group in view.groups:
                console.print()
                _paragraph(console, group.heading, indent=0, style="bold")
                console.print(_table([cells[rank] for rank in group.ranks], widths, group.weak))
            console.print()
            console.print(t(words.DIFFERS_HEADING, "bold"))
            _paragraph(console, view.differs_explained, indent=0, style="dim")
            for a in view.analogues:
                _paragraph(console, a.line)
        console.print()
        for line in view.footer:
            console.print(t(line, "dim"))


def _cells(a: AnalogueRow) -> tuple[str, ...]:
    return (str(a.rank), a.id, a.distance_text, a.overlap_text, a.outlook_text, a.verdict_text)


def _narrowed(widths: list[int], rows: list[tuple[str, ...]], room: int) -> list[int]:
    """The columns' widths within ``room``: when they do not fit, the episode column folds after
    its ids' hyphens, and the outlook, verdict and overlap columns wrap at spaces, each down to
    its longest piece, so that no column is cropped and no word split."""
    excess = sum(widths) + 2 * (len(widths) - 1) - room
    narrowed = list(widths)
    for column in (EPISODE, OUTLOOK, VERDICT, OVERLAP):
        if excess <= 0:
            break
        texts = [words.SIMILAR_HEADERS[column], *(row[column] for row in rows)]
        if column == EPISODE:
            least = max(fold.longest_id_piece(text) for text in texts)
        else:
            least = max(fold.longest_unit(text) for text in texts)  # a figure on its word
        narrowed[column] = max(least, narrowed[column] - excess)
        excess -= widths[column] - narrowed[column]
    return narrowed


def _table(rows: list[tuple[str, ...]], widths: list[int], weak: bool) -> Table:
    """One group's rows, its columns as wide as the widest of every group, so that the groups
    line up."""
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    for i, (header, width) in enumerate(zip(words.SIMILAR_HEADERS, widths, strict=True)):
        table.add_column(
            header, justify="right" if i in RIGHT else "left", min_width=width, max_width=width
        )
    for row in rows:
        table.add_row(
            *(
                FoldedId(cell)
                if i == EPISODE
                else t(cell, "yellow" if weak and i == OVERLAP else "")
                for i, cell in enumerate(row)
            )
        )
    return table
