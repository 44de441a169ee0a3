"""Renderers: each command builds one view model, and each output format renders it through one
small interface, chosen in one registry.

* :class:`Drawn`: a terminal view, drawn on a rich Console. Whether it reaches a terminal, a pipe
  or a file is decided once, by the environment (:meth:`Environment.show`), never by the view.
* :class:`Written`: a text document (Markdown, HTML, JSON, YAML).
* :class:`Binary`: a binary document (Word).
* :class:`Streamed`: a batch's rows, one at a time between a head and a tail, so that memory
  stays flat however many files are read (`score`, `validate`).

:data:`REGISTRY` maps (command, format) to the renderer's class, named as text: a renderer's
module (and what it imports, rich or python-docx) is imported only when its format is asked for,
so start-up pays for none of the others. :func:`emit` sends a view to standard output or a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

if TYPE_CHECKING:
    from rich.console import Console

    from sanctions_check.environment import Environment

View = TypeVar("View", contravariant=True)
Head = TypeVar("Head", contravariant=True)
Row = TypeVar("Row", contravariant=True)
Tail = TypeVar("Tail", contravariant=True)


@runtime_checkable
class Drawn(Protocol[View]):
    """A terminal view of a command."""

    def draw(self, view: View, console: Console) -> None: ...


@runtime_checkable
class Written(Protocol[View]):
    """A text document of a command's view."""

    def text(self, view: View) -> str: ...


@runtime_checkable
class Binary(Protocol[View]):
    """A binary document of a command's view."""

    def data(self, view: View) -> bytes: ...


@runtime_checkable
class Streamed(Protocol[Head, Row, Tail]):
    """A batch's view, written as it comes: a head, one typed row per input, a tail."""

    def start(self, head: Head, environment: Environment) -> None: ...

    def add(self, row: Row) -> None: ...

    def finish(self, tail: Tail) -> None: ...


class Json:
    """Any view model as JSON, through the one writer (``serialise``)."""

    def text(self, view: object) -> str:
        from sanctions_check.serialise import dumps

        return dumps(view)


class Plain:
    """A view that is a document already (the case template): its text, with terminal escape
    sequences and control characters removed (the framework's text is untrusted too)."""

    def text(self, view: object) -> str:
        from sanctions_check.textsafe import plain

        text = getattr(view, "text", None)
        if not isinstance(text, str):
            raise TypeError(f"{type(view).__name__} has no text to print")
        return plain(text)


# (command, format) -> "module:Class", the module under sanctions_check.render.
REGISTRY: dict[tuple[str, str], str] = {
    ("score", "table"): "score_table:ScoreTable",
    ("score", "markdown"): "score_markdown:ScoreMarkdown",
    ("score", "json"): "score_json:ScoreJson",
    ("score", "csv"): "score_csv:ScoreCsv",
    ("validate", "text"): "validate_text:ValidateText",
    ("report", "terminal"): "report_terminal:ReportTerminal",
    ("report", "markdown"): "report_markdown:ReportMarkdown",
    ("report", "html"): "report_html:ReportHtml",
    ("report", "json"): "report_json:ReportJson",
    ("report", "brief"): "brief_html:BriefHtml",
    ("report", "brief-md"): "brief_md:BriefMarkdown",
    ("report", "docx"): "report_docx:ReportDocx",
    ("assess", "terminal"): "assess_terminal:AssessTerminal",
    ("compare", "table"): "compare_terminal:CompareTerminal",
    ("compare", "markdown"): "compare_markdown:CompareMarkdown",
    ("compare", "json"): ":Json",
    ("factors", "text"): "factors_terminal:FactorsTerminal",
    ("factors", "json"): "factors_json:FactorsJson",
    ("new", "yaml"): ":Plain",
    ("similar", "terminal"): "similar_terminal:SimilarTerminal",
    ("similar", "markdown"): "similar_markdown:SimilarMarkdown",
    ("similar", "json"): ":Json",
    ("backtest", "terminal"): "backtest_terminal:BacktestTerminal",
    ("backtest", "markdown"): "backtest_markdown:BacktestMarkdown",
    ("backtest", "json"): ":Json",
    ("panel", "terminal"): "panel_terminal:PanelTerminal",
    ("panel", "markdown"): "panel_markdown:PanelMarkdown",
    ("panel", "html"): "panel_html:PanelHtml",
    ("panel", "json"): ":Json",
}


Renderer = Drawn[Any] | Written[Any] | Binary[Any]


def _load(command: str, fmt: str) -> object:
    """A new instance of the class the registry names for (command, format), its module
    imported now."""
    import importlib

    try:
        where = REGISTRY[(command, fmt)]
    except KeyError:
        known = ", ".join(f for c, f in REGISTRY if c == command)
        raise ValueError(f"{command} has no format {fmt!r}; it has {known}") from None
    module, _, name = where.partition(":")
    home = importlib.import_module(f"{__name__}.{module}" if module else __name__)
    made: object = getattr(home, name)()
    return made


def renderer(command: str, fmt: str) -> Renderer:
    """The renderer of ``command``'s view in format ``fmt``."""
    chosen = _load(command, fmt)
    if not isinstance(chosen, Drawn | Written | Binary):
        raise TypeError(f"{command} --format {fmt} is written as a stream: use stream()")
    return chosen


def stream(command: str, fmt: str) -> Streamed[Any, Any, Any]:
    """The renderer of a batch command's rows in format ``fmt``."""
    chosen = _load(command, fmt)
    if not isinstance(chosen, Streamed):
        raise TypeError(f"{command} --format {fmt} renders one view: use renderer()")
    return chosen


def formats(command: str) -> tuple[str, ...]:
    """Every format ``command`` renders, in the registry's order."""
    return tuple(f for c, f in REGISTRY if c == command)


def text(command: str, fmt: str, view: object, *, width: int | None = None) -> str:
    """``view`` in a text format, as a string: a document as it is written, a terminal view as
    the plain lines a file gets (``width`` wide, :data:`environment.FILE_WIDTH` by default)."""
    from sanctions_check import environment as environment_mod

    chosen = renderer(command, fmt)
    if isinstance(chosen, Drawn):
        return environment_mod.plain(
            lambda console: chosen.draw(view, console), width or environment_mod.FILE_WIDTH
        )
    if isinstance(chosen, Written):
        return chosen.text(view)
    raise TypeError(f"{command} --format {fmt} is not text")


def emit(
    environment: Environment,
    command: str,
    fmt: str,
    view: object,
    *,
    output: Path | None = None,
    force: bool = False,
) -> None:
    """``view`` in ``fmt``: on standard output, or in ``output`` written atomically and never
    replacing a file unless ``force``. A terminal view follows the environment's one rule; a
    binary document is refused on a terminal (it would only garble the screen)."""
    from sanctions_check import environment as environment_mod

    chosen = renderer(command, fmt)
    data: str | bytes
    if isinstance(chosen, Drawn):
        if output is None:
            environment.show(lambda console: chosen.draw(view, console))
            return
        data = environment_mod.plain(
            lambda console: chosen.draw(view, console), environment_mod.FILE_WIDTH
        )
    elif isinstance(chosen, Written):
        data = chosen.text(view)
        if output is None:
            environment.write(data)
            return
    elif isinstance(chosen, Binary):
        if output is None and environment.stdout_isatty:
            from sanctions_check.errors import UsageError
            from sanctions_check.render.wording.errors import DOCX_NEEDS_FILE

            raise UsageError(DOCX_NEEDS_FILE)
        data = chosen.data(view)
        if output is None:
            environment.write_bytes(data)
            return
    else:
        raise TypeError(f"{type(chosen).__name__} renders nothing")
    from sanctions_check import yamlio

    yamlio.atomic_write(output, data, overwrite=force)
    from sanctions_check.render.wording.errors import wrote

    environment.say(wrote(output))
