"""Shared pieces of the hostile-input tests: a valid mini case and the CLI assertions.

Every hostile input is run through the real CLI; a failure must be a clear message naming the
file (and the line, where the fault has one), a documented exit code, and never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from helpers import MINI

FW = ("--framework", str(MINI))

# Lines: 1 format, 2 case, 3 id, 4 title, 5 framework, 6 answers ...
HEAD = (
    "format: sanctions-check/case@1\n"
    "case:\n"
    "  id: hostile\n"
    "  title: A hostile test case\n"
    "framework: mini@2\n"
)
VALID = HEAD + "answers:\n  alpha:\n    a1: 3\n    a2: 2\n  beta:\n    b1: unknown\n"

# The commands that read a case file, as argument lists around the file's path.
READERS = {
    "score": lambda path: ["score", path, *FW],
    "validate": lambda path: ["validate", path, *FW],
    "report": lambda path: ["report", path, *FW],
    "compare-old": lambda path: ["compare", path, str(MINI.parent / "mini-cases/strong.yaml"), *FW],
    "compare-new": lambda path: ["compare", str(MINI.parent / "mini-cases/strong.yaml"), path, *FW],
}


def assert_clean_failure(result, code: int, file: str | Path, line: int | None = None) -> str:
    """Exit code as documented, no traceback, and the message names the file (and line)."""
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything, everything
    assert result.exit_code == code, (result.exit_code, everything)
    where = f"{file}:{line}:" if line is not None else str(file)
    assert where in result.stderr, (where, result.stderr)
    return result.stderr


def write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
