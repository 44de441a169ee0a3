"""What the tests share besides fixtures: the repository's paths, the CLI's test environment, a
fresh-interpreter runner and a file writer. Imported by test modules as ``from helpers import``;
conftest.py holds only fixtures and hooks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"
MINI = DATA / "mini-framework.yaml"
ENV = {"COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb"}


def run_subprocess(
    *args: str,
    input: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run `python -m sanctions_check` in a fresh interpreter (real stdio, real exit code)."""
    full_env = {**os.environ, **ENV, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "sanctions_check", *map(str, args)],
        input=input,
        capture_output=True,
        cwd=cwd,
        env=full_env,
        timeout=120,
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
