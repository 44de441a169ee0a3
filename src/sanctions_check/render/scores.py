"""Output of `score`: a ranked table for people, JSON and CSV for tools, Markdown for memos."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from sanctions_check import textsafe
from sanctions_check.errors import Problem
from sanctions_check.framework import Framework
from sanctions_check.render import wording

SCHEMA = "sanctions-check/score@1"
CSV_COLUMNS = (
    "file",
    "id",
    "title",
    "hypothetical",
    "band",
    "outlook",
    "low",
    "high",
    "coverage",
    "capped",
    "provisional",
    "limiting",
    "top_risk",
    "top_risk_value",
    "top_risk_band",
    "red_flags",
)


TABLE_KEYS = (
    "file",
    "id",
    "hypothetical",
    "band_label",
    "capped",
    "provisional",
    "outlook",
    "low",
    "high",
    "coverage",
    "limiting_names",
    "top_risk",
    "top_risk_name",
    "top_risk_value",
)


def table_row(row: dict[str, Any]) -> dict[str, Any]:
    """What the table and Markdown outputs use of a row: a third of its memory.

    Ranking needs every row before the first line is written, so a batch keeps them all; with
    only these keys a 10,000-file table stays within the memory budget of issue 6.
    """
    return {key: row[key] for key in TABLE_KEYS if key in row}


def ranked(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Highest outlook first; unscored cases last; ties by id so the order is stable."""
    return sorted(
        rows, key=lambda r: (r["outlook"] is None, -(r["outlook"] or 0), r["id"], r["file"])
    )


def _cells(row: dict[str, Any]) -> list[str]:
    top = "–"
    if row["top_risk"]:
        top = f"{row['top_risk_name']} {row['top_risk_value']}"
    outlook = wording.number(row["outlook"])
    if round(row["low"]) != round(row["high"]):
        outlook += f" ({wording.score_range(row['low'], row['high'])})"
    return [
        row["id"] + (HYPOTHETICAL_MARK if row["hypothetical"] else ""),
        _band_cell(row),
        outlook,
        wording.percent(row["coverage"]),
        ", ".join(row["limiting_names"]) or "–",
        top,
    ]


def _band_cell(row: dict[str, Any]) -> str:
    """Band with one-character marks, so the column stays narrow; the legend explains them."""
    if row["band_label"] is None:
        return wording.NOT_SCORED
    return (
        row["band_label"]
        + (CAPPED_MARK if row["capped"] else "")
        + (PROVISIONAL_MARK if row["provisional"] else "")
    )


def _legend(rows: list[dict[str, Any]]) -> list[str]:
    lines = []
    if any(row["hypothetical"] for row in rows):
        lines.append(HYPOTHETICAL_NOTE)
    if any(row["capped"] for row in rows):
        lines.append(CAPPED_NOTE)
    if any(row["provisional"] for row in rows):
        lines.append(PROVISIONAL_NOTE)
    return lines


CAPPED_MARK = "↓"
CAPPED_NOTE = "↓ capped: a very weak core factor holds the band down (a gate)."
PROVISIONAL_MARK = "*"
PROVISIONAL_NOTE = "* provisional: under half the questions answered, or a core factor unanswered."
HYPOTHETICAL_MARK = " †"
HYPOTHETICAL_NOTE = "† hypothetical teaching case, not a real episode."
RISK_NOTE = "Top risk: the unintended consequence rated highest, likelihood × severity (0-16)."
HEADERS = ("Case", "Band", wording.OUTLOOK_NAME, "Coverage", "Limited by", "Top risk")
_WRAPPING = ("Limited by", "Top risk")
_NUMERIC = (wording.OUTLOOK_NAME, "Coverage")


def table(
    rows: list[dict[str, Any]], framework: Framework, out: IO[str], *, width: int | None = None
) -> None:
    """The ranked table, drawn by rich (imported here: JSON and CSV never need it)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    title = (
        f"Targeted-sanctions outlook, {len(rows)} case(s) — framework "
        f"{framework.id} {framework.version}"
    )
    ordered = ranked(rows)
    grid = Table(
        title=title,
        title_justify="left",
        expand=False,
        box=None,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
        header_style="bold underline",
    )
    for header in HEADERS:
        grid.add_column(
            header,
            justify="right" if header in _NUMERIC else "left",
            overflow="fold",
            no_wrap=header not in _WRAPPING,
        )
    for row in ordered:
        grid.add_row(*(Text(textsafe.one_line(cell)) for cell in _cells(row)))
    console = Console(file=out, width=width, highlight=False, soft_wrap=False)
    console.print(grid)
    for line in [*_legend(ordered), f"{wording.OUTLOOK_EXPLAINED} {RISK_NOTE}"]:
        console.print(Text(line, style="dim"))


def markdown(rows: list[dict[str, Any]], framework: Framework, out: IO[str]) -> None:
    out.write(f"### Targeted-sanctions outlook — framework {framework.id} {framework.version}\n\n")
    out.write("| " + " | ".join(HEADERS) + " |\n")
    out.write("|" + "|".join(["---", "---", "---:", "---:", "---", "---"]) + "|\n")
    ordered = ranked(rows)
    for row in ordered:
        out.write("| " + " | ".join(textsafe.md_cell(c) for c in _cells(row)) + " |\n")
    legend = _legend(ordered)
    if legend:
        out.write("\n" + "\n".join(f"{textsafe.md_text(line)}  " for line in legend) + "\n")
    out.write(f"\n{wording.OUTLOOK_EXPLAINED} {RISK_NOTE}\n")


class JsonStream:
    """Writes one JSON document incrementally, so memory stays flat however large the batch."""

    def __init__(self, out: IO[str], framework: Framework):
        import json  # here, not at the top: the table and Markdown never need it (issue 6)

        self.out = out
        self.count = 0
        head = {"schema": SCHEMA, "framework": _framework_ref(framework)}
        out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "cases": [')

    def add(self, row: dict[str, Any]) -> None:
        import json

        separator = "\n  " if self.count == 0 else ",\n  "
        self.out.write(separator + json.dumps(row, ensure_ascii=False))
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

    def add(self, row: dict[str, Any]) -> None:
        cells: list[object] = []
        for column in CSV_COLUMNS:
            value = row[column]
            if isinstance(value, list):
                value = ";".join(value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            cells.append("" if value is None else textsafe.csv_cell(value))
        cells.extend(
            "" if row["factors"].get(fid) is None else row["factors"][fid]
            for fid in self.factor_ids
        )
        self.writer.writerow(cells)


def _framework_ref(framework: Framework) -> dict[str, str]:
    return {"id": framework.id, "version": framework.version, "sha256": framework.sha256}
