"""`score --format markdown`: the ranked table for a memo, every cell made literal Markdown."""

from __future__ import annotations

from sanctions_check import textsafe
from sanctions_check.render import score_view

ALIGN = ("---", "---", "---:", "---:", "---", "---", "---:")


class ScoreMarkdown(score_view.RankedRows):
    """The rows ranked, as one Markdown table once every file is read."""

    def out(self, view: score_view.ScoreTable) -> None:
        self.environment.write(text(view))


def text(view: score_view.ScoreTable) -> str:
    lines = [f"### {view.markdown_title}", ""]
    lines.append("| " + " | ".join(view.headers) + " |")
    lines.append("|" + "|".join(ALIGN[: len(view.headers)]) + "|")
    lines += ["| " + " | ".join(textsafe.md_cell(c) for c in row) + " |" for row in view.cells]
    notes = (*view.notes[:-1], *view.optional_notes, view.notes[-1])
    lines.append("")
    lines += [f"{textsafe.md_text(line)}  " for line in notes[:-1]] or [""]
    lines += ["", textsafe.md_text(notes[-1])]
    return "\n".join(lines) + "\n"
