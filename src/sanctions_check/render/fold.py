"""Layout helpers for narrow terminal columns: break text only where a reader expects a break.

An id (a case id, a question id, a file name) folds after its hyphens and underscores, never
inside a piece; a figure stays on the line of the word it qualifies ("Entrenchment 2", "Reprisal
0–16", "aldovia-2025 †"). Each returns plain text with its own line breaks, so that the table
that holds it has nothing left to wrap.
"""

from __future__ import annotations

import re

_ID_PIECE = re.compile(r"[^-_]*[-_]+|[^-_]+$")
_FIGURE = re.compile(r"^[\d†*?–−+%().,/-]+$")


def id_pieces(ident: str) -> list[str]:
    """'cote-divoire-2010' -> ['cote-', 'divoire-', '2010']: where an id may fold."""
    return [p for p in _ID_PIECE.findall(ident) if p] or [ident]


def fold_id(ident: str, width: int) -> str:
    """``ident`` in lines of at most ``width``, folded after hyphens and underscores; a piece
    longer than the width (no other way to fit it) is folded inside, as a last resort."""
    lines, line = [], ""
    for piece in id_pieces(ident):
        if line and len(line) + len(piece) > width:
            lines.append(line)
            line = ""
        line += piece
        while len(line) > width:
            lines.append(line[:width])
            line = line[width:]
    return "\n".join([*lines, line] if line or not lines else lines)


def longest_id_piece(ident: str) -> int:
    return max(len(p) for p in id_pieces(ident))


def units(text: str) -> list[list[str]]:
    """The words of ``text``, each as its pieces (a hyphenated word may fold after a hyphen), each
    figure or mark glued to the word before it: 'Over-compliance 0–16' -> [['Over-',
    'compliance 0–16']]."""
    out: list[list[str]] = []
    for word in text.split():
        if out and _FIGURE.match(word):
            out[-1][-1] += " " + word
        else:
            out.append(id_pieces(word) if not _FIGURE.match(word) else [word])
    return out


def wrap_units(text: str, width: int) -> str:
    """``text`` wrapped at spaces (and after a hyphen inside a word) to ``width``, never parting
    a figure from its word."""
    lines: list[str] = []
    for word in units(text):
        for number, piece in enumerate(word):
            joiner = " " if number == 0 else ""
            if lines and len(lines[-1]) + len(joiner) + len(piece) <= width:
                lines[-1] += joiner + piece
            else:
                lines.append(piece)
    return "\n".join(lines)


def longest_unit(text: str) -> int:
    return max((len(piece) for word in units(text) for piece in word), default=0)


_SENTENCE_END = re.compile(r"[.!?](?=\s)")


def shorten(text: str, limit: int) -> tuple[str, bool]:
    """``text`` (one line) in at most ``limit`` characters and whether it was cut: whole
    sentences when they fill at least half the room, otherwise whole words, ending in '…'. Never
    cuts inside a word, so never inside a number: a threshold is kept whole or left out whole."""
    if len(text) <= limit:
        return text, False
    ends = [m.end() for m in _SENTENCE_END.finditer(text) if m.end() <= limit - 2]
    if ends and ends[-1] >= limit * 0.5:
        return text[: ends[-1]] + " …", True
    head = text[: limit - 1]
    if text[limit - 1] != " ":  # the last word does not end at the limit: leave it out
        head = head[: head.rfind(" ")] if " " in head else ""
    return head.rstrip(" ,;:.([") + "…", True
