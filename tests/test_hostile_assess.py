"""`assess --resume` and `assess --out` with hostile files, in a real pseudo-terminal.

assess needs a terminal, so these run through pexpect. A file that cannot be resumed is refused
before the first question, with its file and line; an existing file is never replaced.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from helpers import MINI, ROOT, write
from hostile import HEAD
from test_hostile_yaml import MALFORMED, TYPE_PROBLEMS, TYPES

TIMEOUT = 30


def run_assess(*args: str, cwd: Path) -> tuple[int, str]:
    env = {
        **os.environ,
        "TERM": "xterm",
        "NO_COLOR": "1",
        "COLUMNS": "200",
        "LINES": "40",
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
        ),
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "sanctions_check", "assess", *args, "--framework", str(MINI)],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, 200),
    )
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, child.before.replace("\r\n", "\n")


RESUME = [
    ("malformed", MALFORMED[0][1].encode(), 9, "expected"),
    (
        "python-tag",
        (HEAD + "answers: !!python/object/apply:os.system [id]\n").encode(),
        6,
        "is not allowed",
    ),
    ("binary", bytes(range(256)), 1, "binary file"),
    ("latin-1", HEAD.replace("A hostile", "Côte").encode("latin-1"), 4, "not valid UTF-8"),
    ("not-a-case", b"services:\n  web: {image: nginx}\n", 1, "not a sanctions-check case file"),
    (
        "deep-nesting",
        (HEAD + "answers: " + "[" * 500 + "]" * 500 + "\n").encode(),
        6,
        "nesting is deeper",
    ),
]


@pytest.mark.parametrize(("ident", "data", "line", "word"), RESUME, ids=[r[0] for r in RESUME])
def test_resume_refuses_a_hostile_file_before_any_question(tmp_path, ident, data, line, word):
    path = tmp_path / f"{ident}.yaml"
    path.write_bytes(data)
    status, output = run_assess("--resume", path.name, cwd=tmp_path)
    assert status == 1, output
    assert "Traceback" not in output
    assert "Continue at question" not in output and "answered" not in output, "no prompt shown"
    assert f"{path.name}:{line}:" in output and word in output
    assert path.read_bytes() == data, "the file is left exactly as it was"


def test_resume_lists_every_problem_of_a_file_at_once(tmp_path):
    path = write(tmp_path / "types.yaml", TYPES)
    status, output = run_assess("--resume", path.name, cwd=tmp_path)
    assert status == 1 and "Traceback" not in output
    for number, fragment in TYPE_PROBLEMS:
        assert f"types.yaml:{number}:" in output and fragment in output


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_resume_a_path_that_is_not_a_file(tmp_path, kind):
    if kind == "folder":
        (tmp_path / "cases.yaml").mkdir()
    status, output = run_assess("--resume", "cases.yaml", cwd=tmp_path)
    assert status in (1, 2) and "Traceback" not in output
    assert "cases.yaml" in output


def test_out_never_replaces_an_existing_file(tmp_path):
    path = write(tmp_path / "mine.yaml", "precious analyst work\n")
    status, output = run_assess("--out", path.name, cwd=tmp_path)
    assert status == 2 and "Traceback" not in output
    assert "already exists" in output
    assert path.read_text() == "precious analyst work\n"
