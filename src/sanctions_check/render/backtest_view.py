"""Output of `backtest`: the concordance of the outlook and each factor, in a terminal or Markdown.

JSON comes from the model itself (``Backtest.to_json``). Case text reaches rich only as ``Text``
built from ``textsafe.plain`` and Markdown only through ``textsafe.md_text``/``md_cell``.
"""

from __future__ import annotations

from typing import Any

from sanctions_check import textsafe
from sanctions_check.backtest import Backtest, Concordance
from sanctions_check.render import wording
from sanctions_check.render.paragraphs import captured


def _summary(result: Backtest) -> str:
    o = result.outlook
    return wording.backtest_summary(
        o.value, o.low, o.high, result.level, o.cases, o.pairs, (o.concordant, o.discordant, o.tied)
    )


def _row(c: Concordance) -> list[str]:
    return [
        c.name,
        wording.OUTLOOK_NAME if c.kind == "outlook" else wording.kind_label(c.kind),
        str(c.cases),
        str(c.pairs),
        wording.concordance_cell(c.value),
        wording.interval_text(c.low, c.high),
    ]


def _closing(result: Backtest) -> list[str]:
    lines = []
    if result.excluded:
        lines.append(
            f"{wording.LEFT_OUT}: "
            + "; ".join(wording.excluded_text(e.case_id, e.reason) for e in result.excluded)
            + "."
        )
    if any(c.value is None for c in (result.outlook, *result.factors)):
        lines.append(wording.BACKTEST_DASH)
    lines += [
        wording.backtest_hindsight_text(result.hindsight_answers),
        wording.BACKTEST_METHOD,
        wording.BACKTEST_RED_FLAGS,
        wording.bootstrap_text(result.resamples, result.seed),
        wording.BACKTEST_NO_FITTING,
    ]
    return lines


def terminal(result: Backtest, console: Any) -> None:
    """Print the back-test to a rich Console: the statement first, then the figures."""
    from rich.table import Table
    from rich.text import Text

    def t(value: object, style: str = "") -> Text:
        return Text(textsafe.plain(value), style=style)

    console.print(t(wording.BACKTEST_TITLE, "bold"))
    console.print(t(wording.BACKTEST_STATEMENT, "yellow"))
    console.print(t(_summary(result)))
    console.print(t(wording.verdict_counts(result.verdicts)))
    scores = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    for i, header in enumerate(wording.BACKTEST_HEADERS):
        scores.add_column(header, justify="right" if i >= 2 else "left")
    for c in (result.outlook, *result.factors):
        scores.add_row(*(t(v) for v in _row(c)))
    console.print()
    console.print(scores)
    if result.episodes:
        episodes = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
        for i, header in enumerate(wording.EPISODE_HEADERS):
            episodes.add_column(header, justify="right" if i >= 2 else "left")
        for e in sorted(result.episodes, key=lambda e: (-e.rank, -(e.outlook or 0), e.case_id)):
            episodes.add_row(
                t(e.case_id),
                t(wording.verdict_text(e.verdict)),
                t(wording.number(e.outlook)),
                t(e.hindsight),
            )
        console.print()
        console.print(episodes)
    console.print()
    for line in _closing(result):
        console.print(t(line, "dim"))


def terminal_text(result: Backtest, width: int = 100) -> str:
    """The terminal output as plain text (no colour), for files and pipes."""
    return captured(lambda console: terminal(result, console), width)


def _table(headers: tuple[str, ...], rows: list[list[str]], right_from: int) -> list[str]:
    cell = textsafe.md_cell
    out = ["| " + " | ".join(cell(h) for h in headers) + " |"]
    out.append(
        "| " + " | ".join("---:" if i >= right_from else "---" for i in range(len(headers))) + " |"
    )
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out


def markdown(result: Backtest) -> str:
    md = textsafe.md_text
    lines = [f"## {md(wording.BACKTEST_TITLE)}", "", f"**{md(wording.BACKTEST_STATEMENT)}**", ""]
    lines += [md(_summary(result)), "", md(wording.verdict_counts(result.verdicts)), ""]
    lines += _table(
        wording.BACKTEST_HEADERS, [_row(c) for c in (result.outlook, *result.factors)], 2
    )
    lines.append("")
    if result.episodes:
        rows = [
            [
                f"{e.title} ({e.case_id})",
                wording.verdict_text(e.verdict),
                wording.number(e.outlook),
                str(e.hindsight),
            ]
            for e in sorted(result.episodes, key=lambda e: (-e.rank, -(e.outlook or 0), e.case_id))
        ]
        lines += [*_table(wording.EPISODE_HEADERS, rows, 2), ""]
    for line in _closing(result):
        lines += [md(line), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
