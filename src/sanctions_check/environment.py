"""The one I/O context every command reads and writes through (httpie's ``Environment``).

It carries the streams, whether each is a terminal, the width terminal views are drawn at and
whether they may use colour, so that one rule decides, for every command, how a terminal view
comes out:

* standard output is a terminal: rich draws the view there, in colour, in one buffered write;
* a pipe or a file (standard output redirected): the same view as plain lines, without colour,
  terminal codes or rich's trailing padding, at the same width;
* a file named with ``-o``: the same plain lines, :data:`FILE_WIDTH` wide.

The width is ``COLUMNS`` when set, else the terminal's when standard output is one, else
:data:`DEFAULT_WIDTH`. Tests swap the whole context with :func:`swapped`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, NamedTuple, TextIO

if TYPE_CHECKING:
    from rich.console import Console

DEFAULT_WIDTH = 80
FILE_WIDTH = 100  # a terminal view written to a file: wide enough, still readable


class Environment(NamedTuple):
    """The process's standard streams and what they are, fixed when a command starts."""

    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    stdin_isatty: bool
    stdout_isatty: bool
    stderr_isatty: bool
    width: int  # columns of a terminal view, on screen or in a pipe
    colors: bool  # a terminal view on screen may use colour (NO_COLOR unset, TERM not dumb)

    def say(self, message: str) -> None:
        """A message for the person at the terminal, on stderr, with control characters removed."""
        from sanctions_check.textsafe import plain

        self.stderr.write(plain(message).rstrip("\n") + "\n")

    def tell(self, lines: Sequence[str]) -> None:
        """Messages for the person at the terminal, on stderr: wrapped at words to the
        terminal's width when stderr is one (the terminal itself would split a long line
        mid-word), one line each otherwise; cleaned like :meth:`say`."""
        if not self.stderr_isatty:
            for line in lines:
                self.say(line)
            return
        from rich.text import Text

        from sanctions_check.textsafe import plain

        console = self.error_console()
        for line in lines:
            console.print(Text(plain(line).rstrip("\n")), soft_wrap=False)

    def write(self, text: str) -> None:
        """Text on standard output, as it is (renderers have made it safe for their format)."""
        self.stdout.write(text)

    def write_bytes(self, data: bytes) -> None:
        """Bytes on standard output (a Word file to a pipe), after any text already written."""
        self.stdout.flush()
        self.stdout.buffer.write(data)

    def console(self) -> Console:
        """A rich Console on standard output, at this width, its size read once.

        rich asks the operating system for the terminal's size at each print unless both width
        and height are fixed; a report makes over a hundred prints, and a resize mid-report
        changes nothing. Emoji codes and highlighting stay off: the text is the case file's.
        """
        from rich.console import Console

        console = Console(
            file=self.stdout,
            width=self.width,
            force_terminal=self.stdout_isatty or None,
            no_color=None if self.colors else True,
            highlight=False,
            emoji=False,
        )
        console.size = console.size
        return console

    def interactive_console(self) -> Console:
        """A rich Console on standard output for the interview: unlike :meth:`console`, it
        follows the terminal as it is resized, question after question."""
        from rich.console import Console

        return Console(file=self.stdout, no_color=None if self.colors else True)

    def error_console(self) -> Console:
        """A rich Console on standard error (the progress bar of a large batch)."""
        from rich.console import Console

        return Console(file=self.stderr, force_terminal=self.stderr_isatty or None)

    def show(self, draw: Callable[[Console], None]) -> None:
        """A terminal view on standard output, by the one rule: drawn by rich on a terminal,
        plain lines in a pipe or a file."""
        if self.stdout_isatty:
            console = self.console()
            with console:  # buffered: the view reaches the terminal in one write
                draw(console)
        else:
            self.write(plain(draw, self.width))


def plain(draw: Callable[[Console], None], width: int) -> str:
    """What ``draw(console)`` prints, as plain text ``width`` wide: no colour, no terminal codes,
    no trailing spaces (rich pads table cells and wrapped lines to the width)."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        height=25,  # fixed, as the width is: otherwise rich asks the terminal on every print
        color_system=None,
        force_terminal=False,
        highlight=False,
        emoji=False,
    )
    draw(console)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):  # a closed or unusual stream
        return False


def _width(stdout: TextIO, isatty: bool, environ: Mapping[str, str]) -> int:
    columns = environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if isatty:
        try:
            return os.get_terminal_size(stdout.fileno()).columns or DEFAULT_WIDTH
        except (AttributeError, ValueError, OSError):
            pass
    return DEFAULT_WIDTH


def from_process(environ: Mapping[str, str] | None = None) -> Environment:
    """The streams of this process as they are now (a test runner may have replaced them)."""
    environ = os.environ if environ is None else environ
    stdout_isatty = _isatty(sys.stdout)
    return Environment(
        stdin=sys.stdin,
        stdout=sys.stdout,
        stderr=sys.stderr,
        stdin_isatty=_isatty(sys.stdin),
        stdout_isatty=stdout_isatty,
        stderr_isatty=_isatty(sys.stderr),
        width=_width(sys.stdout, stdout_isatty, environ),
        colors=(
            stdout_isatty
            and environ.get("NO_COLOR", "") == ""
            and environ.get("TERM", "").lower() != "dumb"
        ),
    )


_swapped: list[Environment] = []


def current() -> Environment:
    """The context a command runs in: the process's own, unless a test has swapped one in."""
    return _swapped[-1] if _swapped else from_process()


@contextmanager
def swapped(environment: Environment) -> Iterator[Environment]:
    """Run the commands inside the ``with`` block in ``environment`` (for tests)."""
    _swapped.append(environment)
    try:
        yield environment
    finally:
        _swapped.pop()
