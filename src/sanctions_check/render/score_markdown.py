"""`score --format markdown`: the ranked table for a memo, every cell made literal Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_check import textsafe
from sanctions_check.render import score_view
from sanctions_check.render.score_view import ScoreHead, ScoreTail

if TYPE_CHECKING:
    from sanctions_check.batch import ScoreRow
    from sanctions_check.environment import Environment

ALIGN = ("---", "---", "---:", "---:", "---", "---")


class ScoreMarkdown:
    """Collects the rows, then writes the table (nothing at all when no case is valid)."""

    def __init__(self) -> None:
        self.rows: list[ScoreRow] = []

    def start(self, head: ScoreHead, environment: Environment) -> None:
        self.head = head
        self.environment = environment

    def add(self, row: ScoreRow) -> None:
        self.rows.append(row)

    def finish(self, tail: ScoreTail) -> None:
        if self.rows:
            self.environment.write(text(score_view.table(self.head, self.rows)))


def text(view: score_view.ScoreTable) -> str:
    lines = [f"### {view.markdown_title}", ""]
    lines.append("| " + " | ".join(view.headers) + " |")
    lines.append("|" + "|".join(ALIGN) + "|")
    lines += ["| " + " | ".join(textsafe.md_cell(c) for c in row) + " |" for row in view.cells]
    notes = view.notes
    lines.append("")
    lines += [f"{textsafe.md_text(line)}  " for line in notes[:-1]] or [""]
    lines += ["", textsafe.md_text(notes[-1])]
    return "\n".join(lines) + "\n"
