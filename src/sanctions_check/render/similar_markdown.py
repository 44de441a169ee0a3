"""`similar` as a Markdown section: the notices, one table, where each analogue differs most, the
method and caveat. Case text goes through ``textsafe.md_text`` or ``md_cell``."""

from __future__ import annotations

from sanctions_check import textsafe
from sanctions_check.render.similar_terminal import RIGHT
from sanctions_check.render.similar_view import SimilarView
from sanctions_check.render.wording import history as words


class SimilarMarkdown:
    def text(self, view: SimilarView) -> str:
        md = textsafe.md_text
        cell = textsafe.md_cell
        lines = [f"## {md(view.heading)}", ""]
        for note in view.notices:
            lines += [f"**{md(note.text)}**" if note.warning else md(note.text), ""]
        if view.analogues:
            headers = words.SIMILAR_HEADERS
            by_rank = {a.rank: a for a in view.analogues}
            for group in view.groups:
                lines += [f"**{md(group.heading)}**", ""]
                lines.append("| " + " | ".join(cell(h) for h in headers) + " |")
                lines.append(
                    "| "
                    + " | ".join("---:" if i in RIGHT else "---" for i in range(len(headers)))
                    + " |"
                )
                for a in (by_rank[rank] for rank in group.ranks):
                    row = [
                        str(a.rank),
                        f"{cell(a.title)} ({cell(a.id)})",
                        cell(a.distance_text),
                        cell(a.overlap_text),
                        cell(a.outlook_text),
                        cell(a.verdict_text),
                    ]
                    lines.append("| " + " | ".join(row) + " |")
                lines.append("")
            lines += [f"**{md(words.DIFFERS_HEADING)}**", "", md(view.differs_explained), ""]
            lines += [md(a.line) + "  " for a in view.analogues[:-1]]
            lines += [md(view.analogues[-1].line), ""]
        for line in view.footer:
            lines += [md(line), ""]
        return "\n".join(lines).rstrip("\n") + "\n"
