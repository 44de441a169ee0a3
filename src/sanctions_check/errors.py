"""The tool's failures, each with the exit code the CLI maps it to.

One exception family (as in commitizen) so that a single handler in the CLI turns every expected
failure into a clear message and an exit code, and no traceback ever reaches an analyst.
"""

from __future__ import annotations

from typing import NamedTuple

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_THRESHOLD = 3
EXIT_INTERRUPTED = 130

# A file name is untrusted text too: a newline or escape sequence in it must not forge or colour
# a line of output. Shown as '?', as ls does.
_NAME_SAFE = {code: "?" for code in (*range(0x20), 0x7F)}


def shown_name(name: str) -> str:
    """A file name fit to print on one line of a terminal."""
    return name.translate(_NAME_SAFE)


def shown_key(key: object, limit: int = 40) -> str:
    """A key from an untrusted file, quoted in a message: one line, not too long."""
    text = shown_name(str(key))
    return text if len(text) <= limit else text[: limit - 3] + "..."


class Problem(NamedTuple):
    """One thing wrong (or worth a warning) in one input file, located as precisely as we can."""

    file: str
    message: str
    field: str = ""
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    severity: str = "error"  # error | warning

    def location(self) -> str:
        where = shown_name(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        field = f" {shown_name(self.field)}:" if self.field else ""
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
