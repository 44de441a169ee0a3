"""One entry point from a report model to the text of any format, so the CLI stays a switch."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sanctions_check.render.report_model import Report

FORMATS = ("terminal", "markdown", "html", "json", "brief", "brief-md")
FILE_WIDTH = 100  # a terminal-format report written to a file or pipe: wide enough, still readable


def text(
    model: Report,
    fmt: str,
    *,
    width: int = FILE_WIDTH,
    paper: str = "a4",
    case_file: str | None = None,
) -> str:
    """The report as text in ``fmt``; the terminal format comes out plain, without colours.

    ``paper`` (a4 or letter) is the page the HTML brief prints on; ``case_file`` is the path the
    brief and the bottom line name in the command that prints the full report.
    """
    if fmt == "brief":
        from sanctions_check.render import brief_html

        return brief_html.render(model, paper=paper, case_file=case_file)
    if fmt == "brief-md":
        from sanctions_check.render import brief_md

        return brief_md.render(model, case_file=case_file)
    if fmt == "json":
        from sanctions_check.render.report_model import dumps

        return dumps(model)
    if fmt == "markdown":
        from sanctions_check.render import markdown

        return markdown.render(model)
    if fmt == "html":
        from sanctions_check.render import html

        return html.render(model)
    if fmt == "terminal":
        from sanctions_check.render import terminal
        from sanctions_check.render.paragraphs import captured

        return captured(lambda console: terminal.render_model(model, console), width)
    raise ValueError(f"unknown report format {fmt!r}; choose from {', '.join(FORMATS)}")
