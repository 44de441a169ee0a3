"""Untrusted text stays text: one place that makes case-file text inert for each output format.

Case files travel between teams and organisations. A note may carry terminal escape sequences,
rich markup, HTML, Markdown table syntax or a spreadsheet formula; each renderer passes every
piece of case text through the matching function here (terminal views hand rich ``Text`` built
from :func:`plain`, never markup; JSON and standard error pass every string through
:func:`plain`).
"""

from __future__ import annotations

import re

# CSI/OSC/other escape sequences first (so their payload goes too), then any lone control char.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def plain(text: object) -> str:
    """Strip terminal escape sequences and control characters; keep newlines and tabs."""
    value = "" if text is None else str(text)
    if value.isprintable():  # no control, format or escape character: the common case
        return value
    if "\x1b" in value:
        value = _ESCAPES.sub("", value)
    return _CONTROLS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: object, limit: int | None = None) -> str:
    """Plain text folded onto one line (for table cells), optionally shortened with an ellipsis."""
    if (
        isinstance(text, str)
        and text.isprintable()
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
    ):
        value = text  # nothing to strip or fold: the common case, and much faster
    else:
        value = " ".join(plain(text).split())
    if limit is not None and len(value) > limit:
        value = value[: max(limit - 1, 0)].rstrip() + "…"
    return value


def html_text(text: object) -> str:
    import html  # html.entities costs ~1.5 ms of start-up; only HTML/Markdown need it

    return html.escape(plain(text), quote=True)


def md_text(text: object) -> str:
    """Markdown running text: HTML and emphasis/link syntax made literal."""
    import html

    value = html.escape(plain(text), quote=False)
    return re.sub(r"([\\`*_\[\]{}<>#|~!])", r"\\\1", value) if value else value


def md_cell(text: object) -> str:
    """A GitHub-flavoured Markdown table cell: one line, '|' escaped, HTML inert."""
    return md_text(one_line(text))


def md_cell_or_dash(text: object) -> str:
    """A Markdown table cell, with '–' for an empty value so the table keeps its columns."""
    return md_cell(text) or "–"


_MD_BLOCK_START = re.compile(r"(\d+)([.)])(?=\s|$)|([-+=])(?=\s|$)")


def md_line(text: object) -> str:
    """Markdown running text on one line; a leading list marker ('- ', '1. ') is made literal
    too, so that case text can never start a list or a heading of its own."""
    out = md_text(one_line(text))
    match = _MD_BLOCK_START.match(out)
    if match is None:
        return out
    if match.group(3):
        return "\\" + out
    return f"{match.group(1)}\\{out[len(match.group(1)) :]}"


def csv_cell(value: object) -> object:
    """Neutralise spreadsheet formulas (CSV injection): text starting with = + - @ gets a quote."""
    if isinstance(value, str):
        value = one_line(value)
        if value.startswith(_FORMULA_START):
            return "'" + value
    return value


# XML 1.0 allows neither the C0 controls (other than tab and newline) nor lone surrogates, U+FFFE
# and U+FFFF; a Word document is XML, so they go, after everything ``plain`` removes.
_XML_INVALID = re.compile("[\ud800-\udfff\ufffe\uffff]")


def xml_text(text: object) -> str:
    """Text for an XML document (a Word report): plain, and only characters XML 1.0 allows.

    Markup stays literal: the XML writer escapes ``<`` and ``&`` itself.
    """
    return _XML_INVALID.sub("", plain(text))
