"""Helpers for drawing terminal views on a rich Console: text, wrapped paragraphs, bullets.

Not a renderer itself: the one place that wraps text for the terminal views, so that every one
breaks lines the same way, never inside a word, and never leaves trailing spaces; and that turns
text into rich ``Text`` (never markup), so a note holding ``[bold]`` or an escape sequence prints
as its literal characters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_check import textsafe

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions
    from rich.measure import Measurement
    from rich.text import Text


def text(value: object, style: str = "") -> Text:
    """Any text as a rich ``Text``, control characters removed, markup literal."""
    from rich.text import Text

    return Text(textsafe.plain(value), style=style)


def paragraph(
    console: Console, value: object, style: str = "", indent: int = 2, first: str = ""
) -> None:
    """A wrapped, indented paragraph (hanging after ``first``) without trailing spaces."""
    import textwrap

    from rich.text import Text

    width = max((console.width or 80) - indent - len(first), 20)
    lines = textwrap.wrap(
        textsafe.one_line(value), width=width, break_long_words=False, break_on_hyphens=False
    ) or [""]
    pad = " " * indent
    body = "\n".join(
        (pad + first if i == 0 else pad + " " * len(first)) + line for i, line in enumerate(lines)
    )
    console.print(Text(textsafe.plain(body), style=style), soft_wrap=True)


def bullet(console: Console, value: object, style: str = "", indent: int = 2) -> None:
    paragraph(console, value, style, indent=indent, first="• ")


def heading(console: Console, title: str) -> None:
    """A section heading, after a blank line."""
    console.print()
    console.print(text(title, "bold underline"))


class FoldedId:
    """An id in a table cell that folds after its hyphens and underscores, never inside a piece
    (``fold.fold_id``): a rich renderable (the console protocol), so it folds to the width the
    table gives its column, and asks for at least its longest piece."""

    def __init__(self, ident: object, style: str = "") -> None:
        self.ident = textsafe.plain(textsafe.one_line(ident))
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        from rich.text import Text

        from sanctions_check.render import fold

        yield Text(fold.fold_id(self.ident, max(options.max_width, 1)), style=self.style)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        from sanctions_check.render import fold

        return Measurement(fold.longest_id_piece(self.ident), len(self.ident))
