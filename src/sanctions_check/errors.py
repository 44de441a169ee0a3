"""The tool's failures, each with the exit code the CLI maps it to.

One exception family (as in commitizen) so that a single handler in the CLI turns every expected
failure into a clear message and an exit code, and no traceback ever reaches an analyst.
"""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_THRESHOLD = 3
EXIT_INTERRUPTED = 130


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth a warning) in one input file, located as precisely as we can."""

    file: str
    message: str
    field: str = ""
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    severity: str = "error"  # error | warning

    def location(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.location()}: {self.severity}:{field} {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "severity": self.severity,
            "message": self.message,
        }


class SanctionsCheckError(Exception):
    """Base class: an expected failure with a message fit for the user."""

    exit_code = EXIT_INVALID


class InputError(SanctionsCheckError):
    """An input file cannot be used; carries every problem found in it, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class FrameworkError(InputError):
    """The framework file itself is broken: nothing can be scored against it."""

    exit_code = EXIT_USAGE


class UsageError(SanctionsCheckError):
    """The command line asks for something impossible (missing file, bad option combination)."""

    exit_code = EXIT_USAGE


class WriteError(SanctionsCheckError):
    """An output could not be written; the previous file, if any, is untouched."""

    exit_code = EXIT_INVALID
