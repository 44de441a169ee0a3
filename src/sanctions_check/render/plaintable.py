"""The score table as rich lays it out, for output that is not a terminal, without importing rich.

Importing rich's console and table costs about 25 ms, more than a whole `score` of one file spends
on its own work (issue 6: at most 8x a bare interpreter start), and rich's table spends ~0.36 ms
and a few KB per row, which makes a ranked table of 10,000 files slow and large. When the output
is a pipe or a file, rich adds no styling, so the same characters can be produced here: this is
rich's own algorithm (column measurement, collapsing, word wrapping and folding, cell padding,
alignment) for the one kind of table `score` prints — no borders, no edge padding, one space
between columns, collapsed padding, a left-justified title — and for plain footnotes.

Anything outside what is reproduced exactly makes render() return False, and the caller uses rich:
a terminal or forced colour, text beyond the characters rich treats as one cell wide, markup or
emoji codes in the title or headers, or a console too narrow to give every column a character.
tests/test_plaintable.py compares the two renderers character for character on generated tables.
"""

from __future__ import annotations

import builtins
import os
import re
import sys
from collections.abc import Sequence
from itertools import pairwise
from typing import IO, NamedTuple

# Characters that rich measures as exactly one cell (its own fast-path ranges) plus the few
# typographic marks the table uses; tests/test_plaintable.py checks each against rich.
_ONE_CELL = frozenset(
    chr(code)
    for start, end in ((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482))
    for code in range(start, end + 1)
) | frozenset("–—‘’“”†‡•…×↓↑→←")
_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE = re.compile(r"\s+$")


class Column(NamedTuple):
    header: str
    justify: str = "left"  # left | right
    no_wrap: bool = False
    min_width: int | None = None


def render(
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    notes: Sequence[str],
    out: IO[str],
    width: int | None = None,
) -> bool:
    """Write the table and notes exactly as rich would to ``out``; False if it cannot be sure."""
    total = _console_width(out, width)
    if total is None or not _plain(title, columns, rows, notes):
        return False
    widths = _column_widths(columns, rows, total)
    pads = [0 if i == len(columns) - 1 else 1 for i in range(len(columns))]
    table_width = sum(widths)  # may exceed the console (a column's min_width): rich crops
    if any(w - p < 1 for w, p in zip(widths, pads, strict=True)):
        return False  # zero-width cells: leave those to rich
    write = out.write  # line by line: a batch table may have 10,000 rows
    for line in _wrap(title, table_width, "left"):
        write(line[:total] + "\n")
    for index, cells in enumerate(_with_header(columns, rows)):
        rendered = [
            _cell(text, w, p, c) for text, w, p, c in zip(cells, widths, pads, columns, strict=True)
        ]
        height = max(len(r) for r in rendered)
        for r, w in zip(rendered, widths, strict=True):
            blank = [" " * w] * (height - len(r))
            if index == 0:
                r[:0] = blank  # the header row aligns to the bottom, the others to the top
            else:
                r.extend(blank)
        for k in range(height):
            write("".join(r[k] for r in rendered)[:total] + "\n")
    for note in notes:
        for line in _wrap(note, total, "default"):
            write(line[:total] + "\n")
    return True


def _console_width(out: IO[str], width: int | None) -> int | None:
    """rich's Console(file=out, width=width).width, or None where rich would style or differ."""
    if os.name != "posix" or "FORCE_COLOR" in os.environ:
        return None
    if os.environ.get("TTY_COMPATIBLE") == "1" or hasattr(builtins, "get_ipython"):
        return None  # rich would treat the output as a terminal (or a notebook)
    isatty = getattr(out, "isatty", None)
    try:
        if isatty is not None and isatty():
            return None
    except ValueError:
        pass
    if width is None:
        columns = os.environ.get("COLUMNS")
        if columns is not None and columns.isdigit():
            width = int(columns)
    if width is None:
        for fd in _std_fds():
            try:
                width = os.get_terminal_size(fd).columns
            except (AttributeError, ValueError, OSError):
                continue
            break
        width = width or 80
    return width if width >= 1 else None


def _std_fds() -> tuple[int, int, int]:
    fds = []
    for stream, default in ((sys.__stdin__, 0), (sys.__stdout__, 1), (sys.__stderr__, 2)):
        try:
            fds.append(stream.fileno())  # type: ignore[union-attr]
        except Exception:
            fds.append(default)
    return fds[0], fds[1], fds[2]


def _plain(
    title: str, columns: Sequence[Column], rows: Sequence[Sequence[str]], notes: Sequence[str]
) -> bool:
    """Only one-cell characters, one line each; no markup or emoji codes where rich parses them."""
    parsed = [title, *(c.header for c in columns)]
    if any("[" in t or ":" in t for t in parsed):
        return False
    texts = [*parsed, *notes, *(cell for row in rows for cell in row)]
    return all(_ONE_CELL.issuperset(t) for t in texts)


def _with_header(columns: Sequence[Column], rows: Sequence[Sequence[str]]):
    yield [c.header for c in columns]
    yield from rows


# rich.measure.Measurement, as (minimum, maximum) tuples.
def _normalize(m: tuple[int, int]) -> tuple[int, int]:
    low = min(max(0, m[0]), m[1])
    return max(0, low), max(0, max(low, m[1]))


def _at_most(m: tuple[int, int], width: int) -> tuple[int, int]:
    return min(m[0], width), min(m[1], width)


def _at_least(m: tuple[int, int], width: int) -> tuple[int, int]:
    width = max(0, width)
    return max(m[0], width), max(m[1], width)


def _measure_cell(text: str, pad: int, width: int) -> tuple[int, int]:
    """Measurement.get(console, options(width), Padding(Text(text), (0, pad, 0, 0)))."""
    if width < 1:
        return 0, 0
    if width - pad < 1:
        padded = (width, width)
    else:
        words = text.split()
        longest = len(text)
        inner = _normalize((max(map(len, words)) if words else longest, longest))
        inner = _at_most(inner, width)
        inner = (0, 0) if inner[1] < 1 else _normalize(inner)
        padded = _at_most((inner[0] + pad, inner[1] + pad), width)
    result = _at_most(_normalize(padded), width)
    return (0, 0) if result[1] < 1 else _normalize(result)


def _measure_column(
    index: int, column: Column, cells: list[str], pad: int, width: int
) -> tuple[int, int]:
    """Table._measure_column: the widest cell's range, capped, then the column's min_width."""
    if width < 1:
        return 0, 0
    low = high = 0
    for text in cells:  # one pass, no list: a batch table may have 10,000 rows
        cell_low, cell_high = _measure_cell(text, pad, width)
        low, high = max(low, cell_low), max(high, cell_high)
    result = _at_most((low, high), width)
    if column.min_width is not None:
        result = _at_least(result, column.min_width + pad)
    return result


def _column_widths(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], total: int
) -> list[int]:
    """Table._calculate_column_widths for a table that does not expand and has no borders."""
    cells = [[c.header, *(row[i] for row in rows)] for i, c in enumerate(columns)]
    pads = [0 if i == len(columns) - 1 else 1 for i in range(len(columns))]
    ranges = [_measure_column(i, c, cells[i], pads[i], total) for i, c in enumerate(columns)]
    widths = [r[1] or 1 for r in ranges]
    if sum(widths) > total:
        widths = _collapse(widths, [not c.no_wrap for c in columns], total)
        if sum(widths) > total:
            widths = _ratio_reduce(sum(widths) - total, [1] * len(widths), widths, widths)
        ranges = [
            _measure_column(i, c, cells[i], pads[i], w)
            for i, (c, w) in enumerate(zip(columns, widths, strict=True))
        ]
        widths = [r[1] or 0 for r in ranges]
    return widths


def _collapse(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    """Table._collapse_widths: narrow the widest wrapable columns first."""
    total_width = sum(widths)
    excess_width = total_width - max_width
    if any(wrapable):
        while total_width and excess_width > 0:
            max_column = max(w for w, wrap in zip(widths, wrapable, strict=True) if wrap)
            second_max_column = max(
                w if wrap and w != max_column else 0
                for w, wrap in zip(widths, wrapable, strict=True)
            )
            column_difference = max_column - second_max_column
            ratios = [
                1 if (w == max_column and wrap) else 0
                for w, wrap in zip(widths, wrapable, strict=True)
            ]
            if not any(ratios) or not column_difference:
                break
            max_reduce = [min(excess_width, column_difference)] * len(widths)
            widths = _ratio_reduce(excess_width, ratios, max_reduce, widths)
            total_width = sum(widths)
            excess_width = total_width - max_width
    return widths


def _ratio_reduce(
    total: int, ratios: list[int], maximums: list[int], values: list[int]
) -> list[int]:
    """rich._ratio.ratio_reduce."""
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    total_remaining = total
    result = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(maximum, round(ratio * total_remaining / total_ratio))
            result.append(value - distributed)
            total_remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _cell(text: str, width: int, pad: int, column: Column) -> list[str]:
    """The lines of one cell: its text wrapped to the column, then the padding on the right."""
    return [line + " " * pad for line in _wrap(text, width - pad, column.justify, column.no_wrap)]


def _wrap(text: str, width: int, justify: str, no_wrap: bool = False) -> list[str]:
    """Text.wrap of a one-line text with overflow 'fold', every line cut or padded as rich does."""
    if no_wrap:
        pieces = [text]
    else:
        pieces = _divide(text, _divide_line(text, width))
        pieces = [_rstrip_end(piece, width) for piece in pieces]
    if justify == "left":
        pieces = [piece[:width] + " " * (width - len(piece)) for piece in pieces]
    elif justify == "right":
        pieces = [piece.rstrip()[:width] for piece in pieces]
        pieces = [" " * (width - len(piece)) + piece for piece in pieces]
    return [piece[:width] for piece in pieces]


def _rstrip_end(text: str, size: int) -> str:
    if len(text) > size:
        match = _TRAILING_SPACE.search(text)
        if match is not None:
            return text[: len(text) - min(len(match.group(0)), len(text) - size)]
    return text


def _divide(text: str, offsets: list[int]) -> list[str]:
    bounds = [0, *offsets, len(text)]
    return [text[start:end] for start, end in pairwise(bounds)]


def _divide_line(text: str, width: int) -> list[int]:
    """rich._wrap.divide_line with fold=True, for text whose characters are one cell each."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        word_length = len(word.rstrip())
        if width - offset >= word_length:
            offset += len(word)
        elif word_length > width:
            folded = [word[i : i + width] for i in range(0, len(word), width)]
            for number, line in enumerate(folded, 1):
                if start:
                    breaks.append(start)
                if number == len(folded):
                    offset = len(line)
                else:
                    start += len(line)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks
