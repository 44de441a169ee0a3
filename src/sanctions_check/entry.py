"""The console script's entry point: the one place that turns every failure into a clear line.

``sanctions-check --version`` on its own is answered here, before the command line (typer) is
imported: a version check is what scripts and installers run most, and it needs nothing else.
Every other invocation goes to :mod:`sanctions_check.cli`.
"""

from __future__ import annotations

import sys

from sanctions_check import __version__
from sanctions_check.errors import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK


def version_line() -> str:
    """What ``--version`` prints, wherever it is answered."""
    return f"sanctions-check {__version__}\n"


def say(message: str) -> None:
    """A message for the person at the terminal, on stderr, with control characters removed."""
    from sanctions_check.textsafe import plain

    sys.stderr.write(plain(message).rstrip("\n") + "\n")


def main() -> None:
    """Console-script entry point: no traceback ever reaches the user."""
    try:
        try:
            if sys.argv[1:] == ["--version"]:
                sys.stdout.write(version_line())
            else:
                from sanctions_check.cli import app

                app()
        finally:
            # Flushed here, inside the handlers below: a small output left in the buffer would
            # otherwise be written at interpreter exit, where a full disk or a closed pipe can
            # only print "Exception ignored" and exit 120.
            sys.stdout.flush()
    except KeyboardInterrupt:
        say("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _drop_stdout()
        sys.exit(EXIT_OK)
    except OSError as exc:  # standard output on a full disk or /dev/full; a read nobody caught
        _drop_stdout()
        where = f"{exc.filename}: " if exc.filename else "cannot write the output: "
        say(f"error: {where}{exc.strerror or exc}")
        sys.exit(EXIT_INVALID)
    except Exception as exc:  # a bug: one clear line for the analyst, the traceback on request
        import os

        if os.environ.get("SANCTIONS_CHECK_DEBUG"):
            raise
        say(
            f"internal error: {type(exc).__name__}: {exc}. Please report it, with the command "
            "and input; SANCTIONS_CHECK_DEBUG=1 shows the details."
        )
        sys.exit(EXIT_INVALID)


def _drop_stdout() -> None:
    """Point stdout at /dev/null so the exit-time flush of unwritable output stays silent."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
