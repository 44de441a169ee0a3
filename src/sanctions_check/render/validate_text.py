"""`validate`: one line per valid file as it is checked ("FILE: ok"); the problems of the others
and the tally go to standard error."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions_check import textsafe
from sanctions_check.errors import shown_name
from sanctions_check.render.wording import errors as words

if TYPE_CHECKING:
    from sanctions_check.batch import Checked
    from sanctions_check.environment import Environment


class ValidateText:
    def start(self, head: None, environment: Environment) -> None:
        self.environment = environment

    def add(self, row: Checked) -> None:
        self.environment.write(words.valid_file(textsafe.plain(shown_name(row.file))) + "\n")

    def finish(self, tail: None) -> None:
        """Nothing after the lines: the tally is a message, on standard error."""
