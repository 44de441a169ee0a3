"""The view of `score`: a batch's head, one row per valid case, and its tail.

A batch may hold thousands of files, so its view is a stream: the head (schema, framework), each
case's :class:`~sanctions_check.batch.ScoreRow` (rounded once, as every output prints it) as it
comes, then the tail (the invalid files and the tally). JSON and CSV write each row at once, so
memory stays flat; the table and Markdown rank the rows at the end (:func:`table`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from sanctions_check.errors import Problem
from sanctions_check.numbers import percent
from sanctions_check.placement import PLACED
from sanctions_check.render import versions
from sanctions_check.render.provenance import FrameworkId, framework_id
from sanctions_check.render.wording import common
from sanctions_check.render.wording import score as words

if TYPE_CHECKING:
    from sanctions_check.batch import ScoreRow
    from sanctions_check.environment import Environment
    from sanctions_check.framework import Framework

SCHEMA = "sanctions-check/score@3"
CSV_COLUMNS = (
    "file",
    "id",
    "analyst",
    "as_of",
    "title",
    "hypothetical",
    "band",
    "band_low_label",
    "band_high_label",
    "outlook",
    "low",
    "high",
    "coverage",
    "outside_coverage",
    "capped",
    "withheld_reasons",
    "uninformed_core",
    "limiting",
    "not_assessed",
    "unresolved_gates",
    "top_risk",
    "top_risk_value",
    "top_risk_low",
    "top_risk_high",
    "top_risk_band",
    "risks_rated",
    "risks_open",
    "red_flags",
    "red_flags_not_assessed",
)
# Where the outlook stands among the library's coded past episodes: counts (each the length of a
# list the JSON row holds), the nearest episodes' ids and their verdicts; empty when not placed.
PLACEMENT_COLUMNS = (
    "past_episodes",
    "past_lower",
    "past_level",
    "past_higher",
    "past_nearest",
    "past_nearest_effective",
    "past_nearest_partly",
    "past_nearest_ineffective",
    "past_nearest_unclear",
)
WRAPPING = ("Limited by", "Top risk")
NUMERIC = (common.OUTLOOK_NAME, "Coverage", words.PAST_HEADER)
CASE_AT_LEAST = 8  # the case column's narrowest width, however little room the figures leave


class ScoreHead(NamedTuple):
    """What is known before the first file is read."""

    schema: str
    framework: FrameworkId
    band_labels: tuple[str, ...]  # the framework's bands, lowest first
    factor_ids: tuple[str, ...]  # one CSV column each
    min_coverage: float = 0.5  # below it (of the outsider questions) no band is given
    marks_insiders: bool = False  # whether a second coverage, of the outsider questions, exists


class Summary(NamedTuple):
    files: int
    valid: int
    invalid: int


class ScoreTail(NamedTuple):
    """What is known once every file is read: the invalid files' errors and the tally."""

    invalid: tuple[Problem, ...]
    summary: Summary


def head(framework: Framework) -> ScoreHead:
    return ScoreHead(
        schema=SCHEMA,
        framework=framework_id(framework),
        band_labels=tuple(b.label for b in framework.bands),
        factor_ids=tuple(f.id for f in framework.factors),
        min_coverage=framework.min_coverage,
        marks_insiders=framework.marks_insiders,
    )


class ScoreTable(NamedTuple):
    """The ranked table of the valid cases, as a person reads it: every cell already worded.

    The last ``optional`` columns (the placement among past episodes) are shown in a terminal
    only where they fit in the room the others leave, with their ``optional_notes``; Markdown,
    which has no width, always shows them.
    """

    title: str  # for the terminal
    markdown_title: str
    headers: tuple[str, ...]
    cells: tuple[tuple[str, ...], ...]  # one row per case, highest outlook first
    notes: tuple[str, ...]  # the legend of the marks used, then what the figures mean
    optional: int = 0
    optional_notes: tuple[str, ...] = ()


def placement_cells(row: ScoreRow) -> tuple[object, ...]:
    """The row's PLACEMENT_COLUMNS: empty cells (None) when it is not placed."""
    placed = row.placement
    if placed is None or placed.status != PLACED:
        return (None,) * len(PLACEMENT_COLUMNS)
    return (
        placed.among,
        len(placed.episodes_lower),
        len(placed.episodes_level),
        len(placed.episodes_higher),
        tuple(n.id for n in placed.nearest),
        *(placed.nearest_with(v) for v in ("effective", "partly", "ineffective", "unclear")),
    )


def _past_cell(row: ScoreRow) -> str:
    placed = row.placement
    if placed is None or placed.status != PLACED:
        return words.NO_CELL
    return words.past_cell(len(placed.episodes_lower), placed.among)


def ranked(rows: list[ScoreRow]) -> list[ScoreRow]:
    """Highest outlook first; unscored cases last; ties by id so the order is stable."""
    return sorted(rows, key=lambda r: (r.outlook is None, -(r.outlook or 0), r.id, r.file))


def _initials_distinct(labels: tuple[str, ...]) -> bool:
    initials = [label[:1] for label in labels]
    return len(set(initials)) == len(initials)


def _band_cell(row: ScoreRow, labels: tuple[str, ...]) -> str:
    """The band in a narrow column, with one-character marks (the legend explains them) and the
    bands its range could reach: by their initials when the framework's are distinct."""
    if row.band_label is None:
        return words.NO_BAND_CELL if row.band_withheld else common.NOT_SCORED
    band = row.band_label
    marks = words.CAPPED_MARK if row.capped else ""
    low, high = row.band_low_label, row.band_high_label
    if low is None or high is None or low == high:
        return band + marks
    if _initials_distinct(labels):
        low, high = low[:1], high[:1]
    return words.band_with_span(band + marks, low, high)


def _cells(row: ScoreRow, labels: tuple[str, ...], case: str) -> tuple[str, ...]:
    if row.top_risk_name is not None and row.top_risk_value is not None:
        top = words.risk_short(row.top_risk_name, row.top_risk_value, row.risks_open)
    else:
        top = words.no_rated_risk(row.risks_open)
    outlook = common.score_with_range(row.outlook, row.low, row.high)
    outlook = outlook.replace("(range ", "(")
    coverage = percent(row.coverage)
    if row.outside_coverage is not None:
        coverage = words.coverage_cell(coverage, percent(row.outside_coverage))
    return (
        case + (words.HYPOTHETICAL_MARK if row.hypothetical else ""),
        _band_cell(row, labels),
        outlook,
        coverage,
        ", ".join(row.limiting_names) or words.NO_CELL,
        top,
    )


def _legend(
    rows: list[ScoreRow],
    labels: tuple[str, ...],
    head: ScoreHead,
    cases: dict[str, versions.Shown],
) -> list[str]:
    lines = []
    repeated = {row.id: cases[row.file].versions for row in rows if cases[row.file].versions > 1}
    if repeated:
        lines.append(words.versions_note(list(repeated.items())))
    if any(row.hypothetical for row in rows):
        lines.append(words.HYPOTHETICAL_NOTE)
    if any(row.capped for row in rows):
        lines.append(words.CAPPED_NOTE)
    if any(row.band_withheld for row in rows):
        lines.append(words.no_band_note(percent(head.min_coverage), head.marks_insiders))
    if head.marks_insiders:
        lines.append(words.COVERAGE_NOTE)
    if any(row.spans_bands for row in rows):
        if _initials_distinct(labels):
            lines.append(words.span_legend(", ".join(words.initial(label) for label in labels)))
        else:
            lines.append(words.SPAN_LEGEND_FULL)
    return lines


def table(score_head: ScoreHead, rows: list[ScoreRow]) -> ScoreTable:
    """The table of the valid cases of a batch, ranked; versions of one case id each show what
    tells them apart (:mod:`~sanctions_check.render.versions`); the placement among past episodes
    as a last, optional column when any case is placed."""
    ordered = ranked(rows)
    labels = score_head.band_labels
    cases = versions.shown(rows)
    fw = score_head.framework
    placed = any(r.placement is not None and r.placement.status == PLACED for r in ordered)
    return ScoreTable(
        title=words.table_title(len(rows), fw.id, fw.version),
        markdown_title=words.markdown_title(fw.id, fw.version),
        headers=(*words.HEADERS, words.PAST_HEADER) if placed else words.HEADERS,
        cells=tuple(
            (*_cells(row, labels, cases[row.file].label), _past_cell(row))
            if placed
            else _cells(row, labels, cases[row.file].label)
            for row in ordered
        ),
        notes=(
            *_legend(ordered, labels, score_head, cases),
            f"{common.OUTLOOK_EXPLAINED} {common.NEUTRAL_RULE} {words.RISK_NOTE}",
        ),
        optional=1 if placed else 0,
        optional_notes=(words.PAST_NOTE,) if placed else (),
    )


class RankedRows:
    """A batch's rows collected as they come, for a format that ranks them at the end: it writes
    :meth:`out` with the table, or nothing at all when no case is valid."""

    def __init__(self) -> None:
        self.rows: list[ScoreRow] = []

    def start(self, head: ScoreHead, environment: Environment) -> None:
        self.head = head
        self.environment = environment

    def add(self, row: ScoreRow) -> None:
        self.rows.append(row)

    def finish(self, tail: ScoreTail) -> None:
        if self.rows:
            self.out(table(self.head, self.rows))

    def out(self, view: ScoreTable) -> None:
        raise NotImplementedError


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
    wrapping = [column[0] in WRAPPING for column in columns]
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
