"""The end of `assess` in the terminal: the full summary, the file and its next steps, then the
bottom line, naming the real file in its commands."""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

from sanctions_check.render import bottom_line, fold
from sanctions_check.render.assess_view import AssessSummary
from sanctions_check.render.console import text
from sanctions_check.render.report_terminal import draw_summary

if TYPE_CHECKING:
    from rich.console import Console


class AssessTerminal:
    def draw(self, view: AssessSummary, console: Console) -> None:
        console.print()
        draw_summary(view.report, console, case_file=view.path)
        console.print()
        # soft wrap: a long path is never broken inside by the console
        console.print(text(view.saved, "bold"), soft_wrap=True)
        for step in view.next_steps:  # a command wraps at spaces, pasteable as one
            for line in fold.command_lines(step, console.width):
                console.print(text(line), soft_wrap=True)
        console.print()
        lines = bottom_line.bottom_line(
            view.report, case_file=shlex.quote(view.path), where="above", width=console.width
        )
        bottom_line.render(lines, console)
