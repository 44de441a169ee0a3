"""Output of `score`: a ranked table for people, JSON and CSV for tools, Markdown for memos."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, TYPE_CHECKING

from sanctions_check import textsafe
from sanctions_check.errors import Problem
from sanctions_check.framework import Framework
from sanctions_check.render import wording

if TYPE_CHECKING:
    from rich.table import Table

    from sanctions_check.batch import ScoreRow

SCHEMA = "sanctions-check/score@2"
CSV_COLUMNS = (
    "file",
    "id",
    "title",
    "hypothetical",
    "band",
    "band_low_label",
    "band_high_label",
    "outlook",
    "low",
    "high",
    "coverage",
    "capped",
    "provisional",
    "limiting",
    "not_assessed",
    "unresolved_gates",
    "top_risk",
    "top_risk_value",
    "top_risk_low",
    "top_risk_high",
    "top_risk_band",
    "red_flags",
    "red_flags_not_assessed",
)


def ranked(rows: list[ScoreRow]) -> list[ScoreRow]:
    """Highest outlook first; unscored cases last; ties by id so the order is stable."""
    return sorted(rows, key=lambda r: (r.outlook is None, -(r.outlook or 0), r.id, r.file))


def _cells(row: ScoreRow, labels: list[str]) -> list[str]:
    top = "–"
    if row.top_risk_name is not None and row.top_risk_low is not None:
        top = wording.risk_short(
            row.top_risk_name, row.top_risk_value, row.top_risk_low, row.top_risk_high or 0
        )
    outlook = wording.score_with_range(row.outlook, row.low, row.high)
    outlook = outlook.replace("(range ", "(")
    return [
        row.id + (HYPOTHETICAL_MARK if row.hypothetical else ""),
        _band_cell(row, labels),
        outlook,
        wording.percent(row.coverage),
        ", ".join(row.limiting_names) or "–",
        top,
    ]


def _band_cell(row: ScoreRow, labels: list[str]) -> str:
    """Band with one-character marks, so the column stays narrow; the legend explains them."""
    if row.band_label is None:
        return wording.NOT_SCORED
    marks = (CAPPED_MARK if row.capped else "") + (PROVISIONAL_MARK if row.provisional else "")
    cell = wording.band_cell(row.band_label, row.band_low_label, row.band_high_label, labels)
    head, sep, tail = cell.partition(" (")
    return head + marks + (sep + tail if sep else "")


def _legend(rows: list[ScoreRow], labels: list[str]) -> list[str]:
    lines = []
    if any(row.hypothetical for row in rows):
        lines.append(HYPOTHETICAL_NOTE)
    if any(row.capped for row in rows):
        lines.append(CAPPED_NOTE)
    if any(row.provisional for row in rows):
        lines.append(PROVISIONAL_NOTE)
    if any(row.spans_bands for row in rows):
        lines.append(wording.band_span_legend(labels))
    return lines


CAPPED_MARK = "↓"
CAPPED_NOTE = "↓ capped: a very weak core factor holds the band down (a gate)."
PROVISIONAL_MARK = "*"
PROVISIONAL_NOTE = (
    "* provisional: under half the questions answered, or a core factor not yet assessed."
)
HYPOTHETICAL_MARK = " †"
HYPOTHETICAL_NOTE = "† hypothetical teaching case, not a real episode."
RISK_NOTE = (
    "Top risk: the unintended consequence that could reach highest, likelihood × severity "
    "(0-16); a range where a side is unknown."
)
CASE_AT_LEAST = 8  # the case column's narrowest width, however little room the figures leave
HEADERS = ("Case", "Band", wording.OUTLOOK_NAME, "Coverage", "Limited by", "Top risk")
_WRAPPING = ("Limited by", "Top risk")
_NUMERIC = (wording.OUTLOOK_NAME, "Coverage")


def _notes(ordered: list[ScoreRow], labels: list[str]) -> list[str]:
    return [
        *_legend(ordered, labels),
        f"{wording.OUTLOOK_EXPLAINED} {wording.NEUTRAL_RULE} {RISK_NOTE}",
    ]


def column_widths(columns: list[list[str]], room: int) -> list[int]:
    """Each column's width (header first in each list) for a table ``room`` characters wide.

    Numbers and band names are never cut and words never split: a column that wraps ("Limited
    by", "Top risk") keeps at least its longest word, the others their longest cell. Only the
    case id folds, into whatever the other columns leave (never under CASE_AT_LEAST). Spare room
    goes back to the wrapping columns, up to their longest cell.
    """
    natural = [max(len(text) for text in column) for column in columns]
    gaps = len(columns) - 1
    if sum(natural) + gaps <= room:
        return natural
    wrapping = [HEADERS[i] in _WRAPPING for i in range(len(columns))]
    widths = [
        max(len(word) for text in column for word in text.split() or [""]) if wraps else nat
        for column, nat, wraps in zip(columns, natural, wrapping, strict=True)
    ]
    widths[0] = max(CASE_AT_LEAST, min(natural[0], room - gaps - sum(widths[1:])))
    spare = room - gaps - sum(widths)
    for i, wraps in enumerate(wrapping):
        if wraps and spare > 0:
            grow = min(spare, natural[i] - widths[i])
            widths[i] += grow
            spare -= grow
    return widths


def table(
    rows: list[ScoreRow], framework: Framework, out: IO[str], *, width: int | None = None
) -> None:
    """The ranked table, drawn by rich (imported here: JSON and CSV never need it)."""
    import io

    from rich.console import Console
    from rich.text import Text

    title = (
        f"Targeted-sanctions outlook, {len(rows)} case(s) — framework "
        f"{framework.id} {framework.version}"
    )
    ordered = ranked(rows)
    labels = [b.label for b in framework.bands]
    cells = [[textsafe.one_line(cell) for cell in _cells(row, labels)] for row in ordered]
    # No emoji codes and no markup: the cells are the case files' text, shown as written.
    console = Console(file=out, width=width, highlight=False, emoji=False, soft_wrap=False)
    buffer = None
    if not console.is_terminal:  # a pipe or a file: plain lines, without rich's padding
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            width=console.width,
            highlight=False,
            emoji=False,
            soft_wrap=False,
            color_system=None,
        )
    widths = column_widths(
        [[header, *(row[i] for row in cells)] for i, header in enumerate(HEADERS)], console.width
    )
    if sum(widths) + len(HEADERS) - 1 <= console.width:
        console.print(_grid(title, cells, widths))
    else:  # too narrow for the columns without cutting a figure: one block per case
        console.print(_blocks(title, cells))
    for line in _notes(ordered, labels):
        console.print(Text(line, style="dim"))
    if buffer is not None:
        out.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))


def _grid(title: str, cells: list[list[str]], widths: list[int]) -> Table:
    from rich.table import Table
    from rich.text import Text

    grid = Table(
        title=Text(title),
        title_justify="left",
        expand=False,
        box=None,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
        header_style="bold underline",
    )
    for header, column_width in zip(HEADERS, widths, strict=True):
        grid.add_column(
            header,
            justify="right" if header in _NUMERIC else "left",
            overflow="fold",
            no_wrap=header not in (*_WRAPPING, HEADERS[0]),
            width=column_width,
        )
    for row in cells:
        grid.add_row(*(Text(cell) for cell in row))
    return grid


def _blocks(title: str, cells: list[list[str]]) -> Table:
    from rich.table import Table
    from rich.text import Text

    blocks = Table.grid()
    blocks.title, blocks.title_justify = Text(title), "left"
    blocks.add_column(overflow="fold")
    for row in cells:
        blocks.add_row(Text(row[0], style="bold"))
        for header, cell in zip(HEADERS[1:], row[1:], strict=True):
            blocks.add_row(Text(f"  {header}: {cell}"))
    return blocks


def markdown(rows: list[ScoreRow], framework: Framework, out: IO[str]) -> None:
    out.write(f"### Targeted-sanctions outlook — framework {framework.id} {framework.version}\n\n")
    out.write("| " + " | ".join(HEADERS) + " |\n")
    out.write("|" + "|".join(["---", "---", "---:", "---:", "---", "---"]) + "|\n")
    ordered = ranked(rows)
    labels = [b.label for b in framework.bands]
    for row in ordered:
        out.write("| " + " | ".join(textsafe.md_cell(c) for c in _cells(row, labels)) + " |\n")
    notes = _notes(ordered, labels)
    out.write("\n" + "\n".join(f"{textsafe.md_text(line)}  " for line in notes[:-1]) + "\n")
    out.write(f"\n{textsafe.md_text(notes[-1])}\n")


class JsonStream:
    """Writes one JSON document incrementally, so memory stays flat however large the batch."""

    def __init__(self, out: IO[str], framework: Framework):
        import json  # here, not at the top: the table and Markdown never need it

        self.out = out
        self.count = 0
        head = {"schema": SCHEMA, "framework": _framework_ref(framework)}
        out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "cases": [')

    def add(self, row: ScoreRow) -> None:
        import json

        from sanctions_check.serialise import jsonable

        separator = "\n  " if self.count == 0 else ",\n  "
        self.out.write(separator + json.dumps(jsonable(row._asdict()), ensure_ascii=False))
        self.count += 1

    def close(self, invalid: Iterable[Problem], summary: dict[str, int]) -> None:
        import json

        errors = [p.as_dict() for p in invalid]
        self.out.write(
            ("\n" if self.count else "")
            + '], "invalid": '
            + json.dumps(errors, ensure_ascii=False)
            + ', "summary": '
            + json.dumps(summary)
            + "}\n"
        )


class CsvStream:
    """CSV rows as they come; every text cell neutralised against formula injection."""

    def __init__(self, out: IO[str], framework: Framework):
        import csv

        self.factor_ids = [f.id for f in framework.factors]
        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow([*CSV_COLUMNS, *(f"factor:{fid}" for fid in self.factor_ids)])

    def add(self, row: ScoreRow) -> None:
        cells: list[object] = []
        for column in CSV_COLUMNS:
            value = getattr(row, column)
            if isinstance(value, tuple):
                value = ";".join(value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            cells.append("" if value is None else textsafe.csv_cell(value))
        cells.extend(
            "" if row.factors.get(fid) is None else row.factors[fid] for fid in self.factor_ids
        )
        self.writer.writerow(cells)


def _framework_ref(framework: Framework) -> dict[str, str]:
    return {"id": framework.id, "version": framework.version, "sha256": framework.sha256}
