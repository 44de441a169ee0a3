"""`score --format csv`: one row per valid case as it comes, every text cell neutralised against
formula injection (``textsafe.csv_cell``); the factor scores follow, one column each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_check import textsafe
from sanctions_check.render.score_view import (
    CSV_COLUMNS,
    PLACEMENT_COLUMNS,
    ScoreHead,
    ScoreTail,
    placement_cells,
)

if TYPE_CHECKING:
    from sanctions_check.batch import ScoreRow
    from sanctions_check.environment import Environment


class ScoreCsv:
    def start(self, head: ScoreHead, environment: Environment) -> None:
        import csv

        self.factor_ids = head.factor_ids
        self.writer = csv.writer(environment.stdout, lineterminator="\n")
        self.writer.writerow(
            [*CSV_COLUMNS, *PLACEMENT_COLUMNS, *(f"factor:{fid}" for fid in self.factor_ids)]
        )

    def add(self, row: ScoreRow) -> None:
        cells: list[object] = []
        for value in (*(getattr(row, column) for column in CSV_COLUMNS), *placement_cells(row)):
            if isinstance(value, tuple):
                value = ";".join(value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            cells.append("" if value is None else textsafe.csv_cell(value))
        cells.extend(
            "" if row.factors.get(fid) is None else row.factors[fid] for fid in self.factor_ids
        )
        self.writer.writerow(cells)

    def finish(self, tail: ScoreTail) -> None:
        """Nothing after the rows: the invalid files are named on standard error."""
