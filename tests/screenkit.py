"""A real terminal for the interview's screen tests: `assess` in a pseudo-terminal (pexpect) of a
given width, its output drawn by a VT100 emulator (pyte), and the checks a reader's eye makes.

pexpect alone sees the byte stream, full of cursor movements and redraws; the emulator turns it
into the lines a person reads, scrolled-off lines included. Two checks then read those lines:

- no word is split: every run of letters on the screen is a word the tool could have printed
  (a string of its source, of the framework files, or typed by the test); a word split at the
  edge, or cut short before '…', leaves a piece that is none;
- nothing is cut without its rest on screen: a line ending in '…' (a list entry or the answer
  echoed after a prompt) must have its full text printed elsewhere on the screen (the legend
  above the list).
"""

from __future__ import annotations

import ast
import os
import re
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pexpect
import pyte

from helpers import DATA, ROOT

TIMEOUT = 30
ROWS = 40
WIDTHS = (60, 80, 100, 120)
WORD = re.compile(r"[^\W\d_]+")
# Entries whose '…' says that choosing them opens more (they are not shortened).
OPENS_MORE = ("sources…",)


@cache
def vocabulary() -> frozenset[str]:
    """Every word the tool could print: the strings of its source and of questionary's (which
    words the echo of a list of ticks), the framework files."""
    import questionary

    words: set[str] = set()
    sources = [
        *(ROOT / "src" / "sanctions_check").rglob("*.py"),
        *Path(questionary.__file__).parent.rglob("*.py"),
    ]
    for path in sources:
        if path.name.startswith("_parsed"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                words.update(WORD.findall(node.value))
    for path in (ROOT / "factors.yaml", DATA / "mini-framework.yaml"):
        words.update(WORD.findall(path.read_text(encoding="utf-8")))
    return frozenset(w.lower() for w in words)


class Terminal:
    """`sanctions-check assess ARGS` in a terminal ``width`` columns wide."""

    def __init__(self, *args: str, cwd: Path, width: int, typed: Iterable[str] = ()) -> None:
        env = {
            **os.environ,
            "TERM": "xterm",
            "NO_COLOR": "1",
            "COLUMNS": str(width),
            "LINES": str(ROWS),
            # pexpect answers no cursor-position request (a real terminal does at once)
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
            ),
        }
        self.width = width
        self.screen = pyte.HistoryScreen(width, ROWS, history=100_000)
        self.stream = pyte.Stream(self.screen)
        self.words = set(vocabulary())
        for text in typed:
            self.words.update(w.lower() for w in WORD.findall(text))
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "sanctions_check", "assess", *args],
            cwd=str(cwd),
            env=env,
            encoding="utf-8",
            timeout=TIMEOUT,
            dimensions=(ROWS, width),
        )
        self.child.delaybeforesend = None
        self.child.logfile_read = self  # every byte read is drawn on the emulated screen

    # pexpect's log file: what the child printed, drawn as a terminal draws it
    def write(self, data: str) -> None:
        self.stream.feed(data)

    def flush(self) -> None:
        pass

    def at(self, text: str, send: str) -> None:
        """Wait for ``text``, then type ``send``."""
        self.child.expect_exact(text)
        self.child.send(send)

    def end(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        status = self.child.exitstatus
        return status if status is not None else -(self.child.signalstatus or 0)

    def lines(self) -> list[str]:
        """Every line the person saw, scrolled-off ones first."""
        top = [
            "".join(row[x].data for x in range(self.width)).rstrip()
            for row in self.screen.history.top
        ]
        return top + [line.rstrip() for line in self.screen.display]

    def split_words(self, lines: list[str]) -> list[str]:
        """Runs of letters that are no word the tool or the test could have written."""
        return [
            f"{word!r} in {line!r}"
            for line in lines
            for word in WORD.findall(line)
            if word.lower() not in self.words
        ]


def cut_without_rest(lines: list[str]) -> list[str]:
    """Lines ending in '…' whose full text is not on screen too."""
    whole = " ".join(" ".join(lines).split())
    problems = []
    for line in lines:
        text = line.rstrip()
        if not text.endswith("…") or text.endswith(OPENS_MORE):
            continue
        shown = re.sub(r"^\s*(?:»\s*)?(?:\S\)\s|\?\s+\S+:\s)", "", text)[:-1].strip()
        if not re.search(re.escape(shown) + "[^…]", whole):  # the text, and more after it
            problems.append(line)
    return problems


def before(lines: list[str], marker: str) -> list[str]:
    """The lines above the first line holding ``marker`` (all of them if none does)."""
    for n, line in enumerate(lines):
        if marker in line:
            return lines[:n]
    return lines
