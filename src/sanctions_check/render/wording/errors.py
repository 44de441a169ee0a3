"""What the command line says on standard error: usage errors, tallies, notes and next steps.

Results go to standard output through the renderers; these are the lines around them, each
cleaned of control characters when printed (``Environment.say``).
"""

from __future__ import annotations

import shlex

ASSESS_OUT_OR_RESUME = "error: use either --out (a new case) or --resume (a saved case), not both"
LIBRARY_NOT_STDIN = "error: --library reads files and folders, not standard input (-)"
LIBRARY_OTHER_FRAMEWORK = (
    "note: the bundled examples are answered against the bundled framework; with --framework, "
    "pass --library with episodes answered against that framework"
)
BACKTEST_NOTHING_VALID = "error: no valid case file to back-test"
DOCX_NEEDS_FILE = (
    "a Word report is a binary file and is not printed to a terminal: give -o FILE.docx "
    "(or redirect standard output to a file)"
)
PANEL_NO_STDIN = "error: a panel reads named files, not standard input (-)"
COMPARE_ONE_STDIN = "error: only one of OLD and NEW can be - (standard input)"
BUNDLED_FRAMEWORK_BROKEN = (
    "error: the bundled framework could not be loaded; reinstall sanctions-check"
)
INTERRUPTED = "interrupted"


def error(message: object) -> str:
    """A failure without a located problem: 'error: …'."""
    return f"error: {message}"


def warning(message: object) -> str:
    return f"warning: {message}"


def wrote(path: object) -> str:
    return f"wrote {path}"


def score_tally(valid: int, invalid: int) -> str:
    return f"{valid} case(s) scored, {invalid} invalid."


def validate_tally(valid: int, invalid: int) -> str:
    return f"{valid} valid, {invalid} invalid."


def below_threshold(threshold: float, ids: list[str]) -> str:
    """The cases under --fail-under, each named as the table names it (versions told apart)."""
    return f"below --fail-under {threshold:g}: {', '.join(ids)}"


def valid_file(name: str, warnings: int, version: str | None = None, versions: int = 1) -> str:
    """`validate`'s line for a file that passed: 'FILE: ok', 'FILE: ok, 2 warnings', and for a
    version of a case id that other files share, which version it is."""
    counted = f", {warnings} warning{'' if warnings == 1 else 's'}" if warnings else ""
    which = f" — {version}, one of {versions} versions of its case" if version else ""
    return f"{name}: ok{counted}{which}"


def fv_unknown_id(
    ident: str, near: tuple[str, ...], factor_ids: list[str], risk_ids: list[str]
) -> str:
    """`factors` given an id that is no factor, risk or question (``near``: the likely ones)."""
    hint = f" (did you mean {' or '.join(repr(n) for n in near)}?)" if near else ""
    text = f"error: no factor, risk or question {ident!r}{hint}; factors: {', '.join(factor_ids)}"
    text += f"; risks: {', '.join(risk_ids)}" if risk_ids else ""
    return text + "; each factor's questions: sanctions-check factors FACTOR"


def fv_ambiguous_question(ident: str, qualified: list[str]) -> str:
    """`factors` given a question id that several factors' questions have."""
    return (
        f"error: {ident!r} is a question of {len(qualified)} factors; name one as "
        f"FACTOR.QUESTION: {', '.join(qualified)}"
    )


def template_next(path: str) -> str:
    """What `new -o FILE` says once the template is written."""
    return (
        "next: fill in case.id and case.title, answer the questions, then run "
        f"`sanctions-check validate {shlex.quote(path)}`"
    )


def library_left_out(count: int) -> str:
    """On standard error after a command whose library had files that could not be read."""
    files = "1 library file" if count == 1 else f"{count} library files"
    return (
        f"warning: {files} left out of the library of past episodes (listed above); the rest "
        "of the output is complete"
    )


def library_tally(used: int, invalid: int) -> str:
    return f"{used} case(s) used, {invalid} invalid."


def panel_invalid(count: int) -> str:
    return f"{count} invalid file(s); the panel needs every file valid."
