"""`similar` in a terminal: a heading, the notices, one table, where each analogue differs most,
then the method and caveat. Case text reaches rich only as ``Text`` (``textsafe.plain``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_check.render.console import text as t
from sanctions_check.render.similar_view import SimilarView
from sanctions_check.render.wording import history as words

if TYPE_CHECKING:
    from rich.console import Console

RIGHT = (0, 2, 3)  # rank, distance, overlap


def _paragraph(console: Console, value: str, indent: int = 3) -> None:
    """A paragraph wrapped to the console with a hanging indent, without trailing spaces."""
    import textwrap

    width = max((console.width or 80) - indent, 20)
    lines = textwrap.wrap(value, width=width, break_long_words=False, break_on_hyphens=False)
    console.print(t("\n".join(lines[:1] + [" " * indent + line for line in lines[1:]])))


class SimilarTerminal:
    def draw(self, view: SimilarView, console: Console) -> None:
        from rich.table import Table

        console.print(t(view.heading, "bold"))
        for note in view.notices:
            console.print(t(note.text, "yellow" if note.warning else ""))
        if view.analogues:
            console.print()
            table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
            for i, header in enumerate(words.SIMILAR_HEADERS):
                table.add_column(header, justify="right" if i in RIGHT else "left")
            for a in view.analogues:
                table.add_row(
                    t(a.rank),
                    t(a.id),
                    t(a.distance_text),
                    t(a.overlap_text, "yellow" if a.weak else ""),
                    t(a.outlook_text),
                    t(a.verdict_text),
                )
            console.print(table)
            console.print()
            console.print(t(words.DIFFERS_HEADING, "bold"))
            for a in view.analogues:
                _paragraph(console, a.line)
        console.print()
        for line in view.footer:
            console.print(t(line, "dim"))
