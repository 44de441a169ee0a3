"""The end of `assess` in the terminal: the full summary, the file and its next steps, then the
bottom line, naming the real file in its commands."""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

from sanctions_check.render import bottom_line
from sanctions_check.render.assess_view import AssessSummary
from sanctions_check.render.console import paragraph
from sanctions_check.render.report_terminal import draw_summary

if TYPE_CHECKING:
    from rich.console import Console


class AssessTerminal:
    def draw(self, view: AssessSummary, console: Console) -> None:
        console.print()
        draw_summary(view.report, console, case_file=view.path)
        console.print()
        # Wrapped at spaces only, a command's continuation under its start: a file name or a
        # word is never split, by the console or by the terminal's edge.
        paragraph(console, view.saved, "bold", indent=0)
        for what, command in view.next_steps:
            paragraph(console, command, indent=2, first=f"{what}: ")
        console.print()
        lines = bottom_line.bottom_line(
            view.report, case_file=shlex.quote(view.path), where="above", width=console.width
        )
        bottom_line.render(lines, console)
