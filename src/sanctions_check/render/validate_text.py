"""`validate`: one line per valid file ("FILE: ok", or "FILE: ok, 2 warnings" when it has
warnings, which go to standard error with every other problem); the tally goes to standard error.

The lines are written once every file is checked, so that a file whose case id another file of
the batch shares (a version: another analyst, or another as_of date) can say which version it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_check import textsafe
from sanctions_check.errors import shown_name
from sanctions_check.render import versions
from sanctions_check.render.wording import errors as words

if TYPE_CHECKING:
    from sanctions_check.batch import Checked
    from sanctions_check.environment import Environment


class ValidateText:
    def start(self, head: None, environment: Environment) -> None:
        self.environment = environment
        self.rows: list[Checked] = []

    def add(self, row: Checked) -> None:
        self.rows.append(row)

    def finish(self, tail: None) -> None:
        """The lines; the tally is a message, on standard error."""
        cases = versions.shown(self.rows)
        for row in self.rows:
            case = cases[row.file]
            line = words.valid_file(
                shown_name(row.file),
                row.warnings,
                case.label if case.versions > 1 else None,
                case.versions,
            )
            self.environment.write(textsafe.plain(line) + "\n")
