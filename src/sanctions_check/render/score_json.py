"""`score --format json`: one document (``score@2``), each case's row written as it comes
through the one JSON writer (``serialise.Stream``), so memory stays flat however large the batch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_check.render.score_view import ScoreHead, ScoreTail
from sanctions_check.serialise import Stream

if TYPE_CHECKING:
    from sanctions_check.batch import ScoreRow
    from sanctions_check.environment import Environment


class ScoreJson:
    def start(self, head: ScoreHead, environment: Environment) -> None:
        self.stream = Stream(
            environment.stdout, {"schema": head.schema, "framework": head.framework}, "cases"
        )

    def add(self, row: ScoreRow) -> None:
        self.stream.add(row)

    def finish(self, tail: ScoreTail) -> None:
        self.stream.close({"invalid": tail.invalid, "summary": tail.summary})
