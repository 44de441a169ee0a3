"""Output of `similar`: the ranked analogues in a terminal (rich) or as Markdown.

JSON comes from the model itself (``Similarity.to_json``). Every piece of case text reaches rich as
a ``Text`` built from ``textsafe.plain`` (never markup) and Markdown through ``textsafe.md_text``
or ``md_cell``, so a title holding markup, table syntax or escape sequences stays literal.
"""

from __future__ import annotations

from typing import Any

from sanctions_check import textsafe
from sanctions_check.analogues import Analogue, Similarity
from sanctions_check.render import wording
from sanctions_check.render.paragraphs import captured


def _differs(analogue: Analogue) -> list[str]:
    return [wording.difference_text(f.name, f.this, f.other) for f in analogue.differs_most]


def _outlook(analogue: Analogue) -> str:
    band = wording.band_text(analogue.band)
    if analogue.outlook is None:
        return band
    return f"{band} {wording.number(analogue.outlook)}"


def _overlap(analogue: Analogue) -> str:
    share = wording.percent(analogue.overlap)
    return f"{share} {wording.WEAK_MARK}" if analogue.weak else share


def _notices(result: Similarity) -> list[tuple[str, bool]]:
    """Sentences to show above the table, each with whether it is a warning."""
    notes = [(wording.similar_answered(result.answered), False)]
    if result.weak:
        notes.append((wording.similar_weak_case(result.answered, result.threshold), True))
    elif result.analogues and not result.strong:
        notes.append((wording.similar_no_strong(result.threshold), True))
    if not result.analogues:
        notes.append((wording.SIMILAR_NONE, True))
    return notes


def _footer(result: Similarity) -> list[str]:
    lines = []
    if any(a.weak for a in result.analogues):
        lines.append(wording.weak_legend(result.threshold))
    if result.not_comparable:
        lines.append(wording.similar_not_comparable([a.case_id for a in result.not_comparable]))
    if result.excluded:
        lines.append(
            f"{wording.LEFT_OUT}: "
            + "; ".join(wording.excluded_text(e.case_id, e.reason) for e in result.excluded)
            + "."
        )
    lines.append(wording.SIMILAR_METHOD)
    lines.append(wording.SIMILAR_CAVEAT)
    return lines


def _differs_line(rank: int, analogue: Analogue) -> str:
    line = wording.differs_text(
        rank, analogue.case_id, textsafe.one_line(analogue.title), _differs(analogue)
    )
    if analogue.purposes:
        line += " " + wording.purpose_verdicts_text(list(analogue.purposes))
    if analogue.quote:
        line += " " + wording.quote_text(textsafe.one_line(analogue.quote))
    return line


def _paragraph(console: Any, t: Any, text: str, indent: int = 3) -> None:
    """A paragraph wrapped to the console with a hanging indent, without trailing spaces."""
    import textwrap

    width = max((console.width or 80) - indent, 20)
    lines = textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)
    console.print(t("\n".join(lines[:1] + [" " * indent + line for line in lines[1:]])))


def terminal(result: Similarity, console: Any) -> None:
    """Print the analogues to a rich Console: a heading, notices, one table, the method."""
    from rich.table import Table
    from rich.text import Text

    def t(value: object, style: str = "") -> Text:
        return Text(textsafe.plain(value), style=style)

    console.print(
        t(wording.similar_heading(textsafe.one_line(result.title), result.case_id), "bold")
    )
    for note, warning in _notices(result):
        console.print(t(note, "yellow" if warning else ""))
    if result.analogues:
        console.print()
        table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
        for i, header in enumerate(wording.SIMILAR_HEADERS):
            table.add_column(header, justify="right" if i in (0, 2, 3) else "left")
        for rank, analogue in enumerate(result.analogues, start=1):
            table.add_row(
                t(rank),
                t(analogue.case_id),
                t(wording.distance_text(analogue.distance)),
                t(_overlap(analogue), "yellow" if analogue.weak else ""),
                t(_outlook(analogue)),
                t(wording.verdict_or_none(analogue.verdict)),
            )
        console.print(table)
        console.print()
        console.print(t(wording.DIFFERS_HEADING, "bold"))
        for rank, analogue in enumerate(result.analogues, start=1):
            _paragraph(console, t, _differs_line(rank, analogue))
    console.print()
    for line in _footer(result):
        console.print(t(line, "dim"))


def terminal_text(result: Similarity, width: int = 100) -> str:
    """The terminal output as plain text (no colour), for files and pipes."""
    return captured(lambda console: terminal(result, console), width)


def markdown(result: Similarity) -> str:
    """The analogues as a Markdown section: notices, one table, the method and caveat."""
    md = textsafe.md_text
    cell = textsafe.md_cell
    lines = [
        f"## {md(wording.similar_heading(textsafe.one_line(result.title), result.case_id))}",
        "",
    ]
    for note, warning in _notices(result):
        lines += [f"**{md(note)}**" if warning else md(note), ""]
    if result.analogues:
        headers = wording.SIMILAR_HEADERS
        lines.append("| " + " | ".join(cell(h) for h in headers) + " |")
        lines.append(
            "| " + " | ".join("---:" if i in (0, 2, 3) else "---" for i in range(len(headers)))
        )
        lines[-1] += " |"
        for rank, analogue in enumerate(result.analogues, start=1):
            row = [
                str(rank),
                f"{cell(analogue.title)} ({cell(analogue.case_id)})",
                cell(wording.distance_text(analogue.distance)),
                cell(_overlap(analogue)),
                cell(_outlook(analogue)),
                cell(wording.verdict_or_none(analogue.verdict)),
            ]
            lines.append("| " + " | ".join(row) + " |")
        lines += ["", f"**{md(wording.DIFFERS_HEADING)}**", ""]
        for rank, analogue in enumerate(result.analogues, start=1):
            lines.append(md(_differs_line(rank, analogue)))
        lines.append("")
    for line in _footer(result):
        lines += [md(line), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
