"""What to do about a YAML syntax error, in plain words.

The parsers say what they met ("mapping values are not allowed here", "found character '\\t'
that cannot start any token"); an analyst editing a case file by hand needs to know what to
change. :func:`advice` reads the parser's message (PyYAML's pure parser and libyaml word the
same faults differently; both are covered) together with the offending line, and names the
likely fix: indent with spaces, quote a text that contains ": " or starts with a character YAML
reserves, close a quote or bracket, line up the keys of a mapping, keep one of a repeated key.

Only the message changes: the line, column and caret stay as the parser gave them.
"""

from __future__ import annotations

from typing import NamedTuple

# Characters that YAML reads as syntax when a plain text starts with them, and what they start.
RESERVED_START = {
    "[": "is read as a list",
    "{": "is read as a mapping",
    "*": "is read as an alias",
    "&": "is read as an anchor",
    "!": "is read as a tag",
    "@": "is reserved by YAML",
    "`": "is reserved by YAML",
    "%": "is read as a directive",
    "|": "is read as a block of text",
    ">": "is read as a folded block of text",
    "?": "is read as a complex key",
}


class Fault(NamedTuple):
    """A parser's message and where it points, as 0-based positions in the file's lines."""

    problem: str
    context: str
    line: int
    column: int
    context_line: int | None
    context_column: int | None


def advice(fault: Fault, lines: list[str]) -> str | None:
    """What to change, in one or two plain sentences; None when the parser's words suffice."""
    text = f"{fault.problem} {fault.context}".lower()
    here = lines[fault.line] if 0 <= fault.line < len(lines) else ""
    for rule in RULES:
        found = rule(fault, text, here, lines)
        if found:
            return found
    return None


def _tab(fault: Fault, text: str, here: str, lines: list[str]) -> str | None:
    if "\\t" in text or "tab character" in text or here[fault.column : fault.column + 1] == "\t":
        return (
            "indent with spaces, not tabs: YAML does not allow a tab in indentation. Replace "
            "the tabs on this line with spaces, lined up with the lines around it."
        )
    return None


def _duplicate(fault: Fault, text: str, here: str, lines: list[str]) -> str | None:
    if "duplicate key" not in text:
        return None
    return (
        "a key is repeated in one mapping: keep one. Merge what the two entries say into the "
        "first, or delete the one you do not mean."
    )


def _unclosed_quote(fault: Fault, text: str, here: str, lines: list[str]) -> str | None:
    if "quoted scalar" not in text or not ("end of stream" in text or "document" in text):
        return None
    return (
        f"close the quote: the text in quotes that starts at {_where(fault)} never ends. End it "
        "with the same mark it opens with (\" or '), or remove the opening one."
    )


def _escape(fault: Fault, text: str, here: str, lines: list[str]) -> str | None:
    if "escape" not in text and "unicode" not in text:
        return None
    return (
        'inside double quotes a backslash starts an escape (\\n, \\"): write a backslash as '
        "\\\\, or put the text in single quotes instead ('C:\\path')."
    )


def _flow(fault: Fault, text: str, here: str, lines: list[str]) -> str | None:
    for kind, opening, closing in (("flow sequence", "[", "]"), ("flow mapping", "{", "}")):
        if kind in text:
            return (
                f"close the bracket: the {opening} at {_where(fault)} needs its {closing}. "
                f"Separate the items with commas, and put in quotes any item that contains a "
                "comma, a colon, a bracket or a #."
            )
    return None


def _stray_closer(fault: Fault, text: str, here: str, lines: list[str]) -> str | None:
    char = here[fault.column : fault.column + 1]
    if char in ("]", "}") and ("block end" in text or "expected key" in text):
        return (
            f"a closing {char} with nothing to close: remove it, or put the whole text in quotes "
            "if it is part of the text."
        )
    return None


def _block_scalar(fault: Fault, text: str, here: str, lines: list[str]) -> str | None:
    if "block scalar" not in text:
        return None
    return (
        "after | or > (a block of text) the text starts on the next line, indented under its "
        "key. If the text itself starts with | or >, put it in quotes instead."
    )


def _reserved(fault: Fault, text: str, here: str, lines: list[str]) -> str | None:
    """A text that starts with a character YAML reserves: an alias, anchor, tag, @ or `."""
    reserved = (
        "alias" in text
        or "anchor" in text
        or "the tag" in text
        or "cannot start any token" in text
        or "mapping keys are not allowed" in text
    )
    if not reserved:
        return None
    start = _value(here)
    what = RESERVED_START.get(start[:1])
    if what is None:
        return None
    return (
        f"a text that starts with {start[:1]} {what}: put the whole text in quotes"
        f"{_example(here, start, lines)}."
    )


def _documents(fault: Fault, text: str, here: str, lines: list[str]) -> str | None:
    if "another document" in text:
        return (
            "a line '---' starts a second YAML document, and a case file holds one: delete the "
            "line, or, if it belongs to a text, indent it under its key or put the text in quotes."
        )
    if "directive" in text or "document start" in text:
        return (
            "a line that starts with % is read as a YAML directive: delete it, or, if it belongs "
            "to a text, indent it under its key or put the text in quotes."
        )
    return None


def _colon_in_text(fault: Fault, text: str, here: str, lines: list[str]) -> str | None:
    """'mapping values are not allowed': a text with ': ' in it, or a key that lost its place."""
    if "mapping values are not allowed" not in text:
        return None
    before = here[: fault.column]
    if ": " in before.lstrip(" -") or before.rstrip().endswith(":"):
        key = _key(here)
        block = f'"{key}: |"' if key else "the key, then |"
        return (
            'this text contains ": " (or ends in a colon), which YAML reads as the start of a '
            f"new key: put the whole text in quotes{_example(here, _value(here), lines)}, or "
            "write it "
            f"as a block: {block} and the text on the next lines, indented."
        )
    above = _line_above(lines, fault.line)
    if above is not None and ":" not in lines[above]:
        shown = _stripped(lines[above])
        return (
            f"line {above + 1} ({shown}) is not a complete key: end a key with a colon "
            f"({shown}:), or join that line to the text it belongs to."
        )
    if above is not None and _indent(lines[fault.line]) > _indent(lines[above]):
        return (
            f"this line is indented more than line {above + 1}, which already has its value: "
            "line its key up with the keys above it (the same number of spaces)."
        )
    return (
        "a key here is not where YAML expects one: line it up with the other keys of its "
        "mapping, and put in quotes any text above that contains a colon."
    )


def _missing_colon(fault: Fault, text: str, here: str, lines: list[str]) -> str | None:
    if "expected ':'" not in text:
        return None
    line = fault.context_line if fault.context_line is not None else fault.line
    shown = _stripped(lines[line]) if 0 <= line < len(lines) else ""
    return (
        f"line {line + 1} ({shown}) is read as a key without its colon: add ': ' and its value, "
        "or, if it continues the text above, indent it more than that text's key."
    )


def _block_structure(fault: Fault, text: str, here: str, lines: list[str]) -> str | None:
    """A block mapping or list that meets something it cannot hold at this place."""
    if not any(
        word in text
        for word in ("block end", "expected key", "'-' indicator", "block sequence entries")
    ):
        return None
    start = _value(here)
    value_at = len(here) - len(start)
    if start[:1] in ("'", '"') and fault.column > value_at:
        return (
            "the text in quotes ends before the line does: put the whole text inside the quotes. "
            "Inside '...' an apostrophe ends the text: write it twice ('') or use double quotes; "
            'inside "..." write a quote mark as \\".'
        )
    if start[:1] in ("[", "{") and fault.column > value_at:
        what = RESERVED_START[start[:1]]
        key = _key(here) or "key"
        return (
            f"a text that starts with {start[:1]} {what}: put the whole text in "
            f"quotes{_example(here, start, lines)}, or write it as a block ({key}: | "
            "and the text on the next lines, indented)."
        )
    char = here[fault.column : fault.column + 1]
    if char == ":":
        return "a line that starts with a colon has no key: write the key before the colon."
    if char == "-" or "'-' indicator" in text or "block sequence" in text:
        return (
            "a list item ('- ') where a key is expected: put the list under its own key (the key "
            "alone on its line, then each '- ' item indented under it), and line up every '- ' "
            "of one list."
        )
    return (
        "this line's indentation does not match the keys around it: keys of one mapping line "
        "up exactly (the same number of spaces), and a key's contents are indented under it."
    )


def _control(fault: Fault, text: str, here: str, lines: list[str]) -> str | None:
    if "control character" not in text:
        return None
    return (
        "delete the character (it often comes in with text pasted from another program), or "
        "retype the text around it."
    )


RULES = (
    _tab,
    _duplicate,
    _unclosed_quote,
    _escape,
    _flow,
    _stray_closer,
    _block_scalar,
    _reserved,
    _documents,
    _colon_in_text,
    _missing_colon,
    _block_structure,
    _control,
)


def _where(fault: Fault) -> str:
    line = fault.context_line if fault.context_line is not None else fault.line
    column = fault.context_column if fault.context_column is not None else fault.column
    return f"line {line + 1}, column {column + 1}"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _line_above(lines: list[str], line: int) -> int | None:
    """The nearest line above that is neither blank nor a comment."""
    for index in range(min(line, len(lines)) - 1, -1, -1):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index
    return None


def _stripped(line: str, limit: int = 40) -> str:
    text = line.strip()
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _key(line: str) -> str:
    """The key of a 'key: value' line ('' when the line has none)."""
    body = line.strip()
    while body.startswith("- "):
        body = body[2:].lstrip()
    key, colon, _ = body.partition(": ")
    return key if colon and key and " " not in key else ""


def _value(line: str) -> str:
    """What follows the line's key (or its list dash), as written."""
    body = line.strip()
    while body.startswith("- "):
        body = body[2:].lstrip()
    key = _key(line)
    return body[len(key) + 1 :].lstrip() if key else body


def _example(line: str, value: str, lines: list[str]) -> str:
    """'(note: "…")': the line's own key and its text, quoted, when the text is this line alone
    and short enough to show (a text that goes on below is better written as a block)."""
    key = _key(line)
    if not key or not value or _continues(line, lines):
        return ""
    mark = "'" if '"' in value else '"'
    if mark in value:
        return ""
    shown = value if len(value) <= 24 else value[:21].rstrip() + "…"
    return f" ({key}: {mark}{shown}{mark})"


def _continues(line: str, lines: list[str]) -> bool:
    """Whether the text of ``line`` goes on over the lines below (indented further)."""
    try:
        index = lines.index(line)
    except ValueError:
        return False
    for below in lines[index + 1 :]:
        if below.strip() and not below.strip().startswith("#"):
            return _indent(below) > _indent(line)
    return False
