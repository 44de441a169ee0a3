"""Wrapped, indented paragraphs for the terminal renderers (report, panel, compare).

Not a renderer itself: the one place that wraps text for a rich Console, so that every terminal
output breaks lines the same way, never inside a word, and never leaves trailing spaces.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sanctions_check import textsafe


def paragraph(
    console: Any, text: object, style: str = "", indent: int = 2, first: str = ""
) -> None:
    """A wrapped, indented paragraph (hanging after ``first``) without trailing spaces."""
    import textwrap

    from rich.text import Text

    width = max((console.width or 80) - indent - len(first), 20)
    lines = textwrap.wrap(
        textsafe.one_line(text), width=width, break_long_words=False, break_on_hyphens=False
    ) or [""]
    pad = " " * indent
    body = "\n".join(
        (pad + first if i == 0 else pad + " " * len(first)) + line for i, line in enumerate(lines)
    )
    console.print(Text(textsafe.plain(body), style=style), soft_wrap=True)


def bullet(console: Any, text: object, style: str = "", indent: int = 2) -> None:
    paragraph(console, text, style, indent=indent, first="• ")


def captured(draw: Callable[[Any], None], width: int) -> str:
    """What ``draw(console)`` prints, as plain text ``width`` wide without trailing spaces: the
    terminal view for a file or a pipe (no colour, no terminal codes)."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        height=25,  # fixed, as the width is: otherwise rich asks the terminal on every print
        color_system=None,
        force_terminal=False,
        highlight=False,
        emoji=False,
    )
    draw(console)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
