"""`backtest` as Markdown: the statement, the figures in two tables, how to read them. Case text
goes through ``textsafe.md_text`` or ``md_cell``."""

from __future__ import annotations

from sanctions_check import textsafe
from sanctions_check.render.backtest_terminal import RIGHT_FROM, row
from sanctions_check.render.backtest_view import BacktestView
from sanctions_check.render.wording import history as words


def _table(headers: tuple[str, ...], rows: list[list[str]]) -> list[str]:
    cell = textsafe.md_cell
    out = ["| " + " | ".join(cell(h) for h in headers) + " |"]
    out.append(
        "| " + " | ".join("---:" if i >= RIGHT_FROM else "---" for i in range(len(headers))) + " |"
    )
    out += ["| " + " | ".join(cell(v) for v in values) + " |" for values in rows]
    return out


class BacktestMarkdown:
    def text(self, view: BacktestView) -> str:
        md = textsafe.md_text
        lines = [f"## {md(view.title)}", "", f"**{md(view.statement)}**", ""]
        lines += [md(view.summary), "", md(view.verdicts_text), ""]
        if view.judgements is not None:
            lines += [md(view.judgements.text), ""]
        lines += _table(words.BACKTEST_HEADERS, [row(c) for c in (view.outlook, *view.factors)])
        lines.append("")
        if view.episodes:
            rows = [
                [f"{e.title} ({e.id})", e.verdict_text, e.outlook_text, str(e.hindsight_answers)]
                for e in view.by_verdict
            ]
            lines += [*_table(words.EPISODE_HEADERS, rows), ""]
        for line in view.closing:
            lines += [md(line), ""]
        return "\n".join(lines).rstrip("\n") + "\n"
