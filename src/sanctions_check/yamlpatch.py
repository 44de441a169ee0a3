"""Write new data into the text of a YAML file, keeping everything else of the text as it was.

A case file is also a document its author keeps: the comments of the template `new` writes, the
round-two comments `panel --feedback` adds above each question, an analyst's own remarks, blank
lines, quoting and key order. Re-dumping the data would drop all of that. Instead, the file's text
is read by the project's one strict loader (``yamlio``: libyaml's nodes carry the position of
every key and value), compared with the new data, and only the values that differ are rewritten,
in place: a changed scalar in its own span, an empty one after its key, a new key after the
previous key's last line (so that the comments above a key stay with that key), a block text
(``|``) below its header (so that a comment on the header line stays). Text that is not a value
(comments included) is never touched, except inside a mapping that the new data no longer has
at all (an id of an older framework version), where the comment lines are kept and the rest goes.

A key the new data leaves out but the text holds empty (``score:``, ``sources: []``,
``hindsight: false``, an empty block text: the template's placeholders) is left as it is, since
it reads the same; one that holds a value is emptied in place (its key and comment kept).

The result must be checked by the caller against what it means to write (``case.dumps_over``
reads it back): this module edits text, and only a read-back proves the edit.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sanctions_check import yamlio

_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*")
# Characters a literal block cannot hold as written (YAML's printable set, less line breaks
# other than \n): such text is written double-quoted instead, with its escapes.
_NOT_LITERAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


class PatchError(Exception):
    """The text could not be edited in place (an unusual layout); the caller writes it anew."""


Where = tuple[Any, ...]


def patch(
    text: str, new: Any, name: str, drop: frozenset[Where] = frozenset(), old: Any = None
) -> str:
    """``text`` edited so that it reads as ``new`` (a mapping), its other text kept.

    A key that ``new`` leaves out is emptied in place, unless its path (keys from the top) is in
    ``drop``: then it goes, with everything under it but its comment lines. ``old`` is the
    parse of ``text`` when already known.
    """
    root = yamlio.compose(text)
    if old is None:
        old = yamlio.parse(text, name)
    if not isinstance(root, MappingNode) or root.flow_style or not isinstance(old, dict):
        raise PatchError("the document is not a block mapping")
    editor = _Editor(text, drop)
    editor.mapping(root, old, new, root.start_mark.column, ())
    return editor.result()


def same(a: Any, b: Any) -> bool:
    """Equal and of the same types throughout (``True`` is not ``1``, ``2`` is not ``2.0``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _empty(value: Any) -> bool:
    """Reads as 'not given' in a case file: null, false, empty text, list or mapping."""
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    return value is None or value is False or value == "" or value == []


def _emptied(node: Node, value: Any) -> Any:
    """What a value that the new data leaves out becomes: the empty value of its kind, written
    as the text had it (a block text keeps its header; a mapping keeps its keys)."""
    if isinstance(value, dict) and isinstance(node, MappingNode):
        return {
            key: _emptied(child, item)
            for (key, item), (_, child) in zip(value.items(), node.value, strict=True)
        }
    if isinstance(value, bool):
        return False
    if isinstance(value, list):
        return []
    if isinstance(value, str) and isinstance(node, ScalarNode) and node.style in ("|", ">"):
        return ""
    return None


class _Editor:
    """Collects edits (replace ``text[start:end]``) and applies them in one pass."""

    def __init__(self, text: str, drop: frozenset[Where]) -> None:
        self.text = text
        self.drop_paths = drop
        self.edits: list[tuple[int, int, int, str]] = []  # start, order, end, replacement
        self.keys: dict[int, Node] = {}  # id of a value node -> its key node

    # --- positions ------------------------------------------------------------------------

    def line_end(self, index: int) -> int:
        """Just after the line break of the line holding ``index`` (the end of the text if none)."""
        found = self.text.find("\n", index)
        return len(self.text) if found < 0 else found + 1

    def line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def content_end(self, node: Node) -> int:
        """Just after the last character of the node's own text (not the comments after it)."""
        if isinstance(node, ScalarNode):
            if node.style in ("|", ">"):
                return self.block_end(node) - 1
            return int(node.end_mark.index)
        if node.flow_style:  # type: ignore[attr-defined]  # collections have it
            return int(node.end_mark.index)
        last = node.value[-1]
        return self.content_end(last[1] if isinstance(node, MappingNode) else last)

    def block_end(self, node: ScalarNode) -> int:
        """Just after the line break of a block text's last line of text (its header's if it has
        none): the blank lines after it are layout, unless its header keeps them (``+``).

        A line is text if it holds anything but spaces, or more spaces than the block's
        indentation (stated in the header, or that of its first line of text).
        """
        start = node.start_mark.index
        header_end = self.line_end(start)
        indicator = _BLOCK_HEADER.match(self.text, start)
        marks = indicator.group() if indicator else ""
        if "+" in marks:
            return max(header_end, int(node.end_mark.index))
        lines = self.text[header_end : node.end_mark.index].splitlines(keepends=True)
        digits = [c for c in marks if c.isdigit()]
        key = self.keys.get(id(node))
        if digits:
            indent = (key.start_mark.column if key is not None else 0) + int(digits[0])
        else:
            indent = next(
                (len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.strip(" \n")), len(self.text)
            )
        end = header_end
        position = header_end
        for line in lines:
            position += len(line)
            if line.strip(" \n") or len(line.rstrip("\n")) > indent:
                end = position
        return end

    def block_first_line(self, key: Node) -> int:
        """Where the lines of a key start: above the comments and blank lines just over it."""
        start = self.line_start(key.start_mark.index)
        while start > 0:
            above = self.line_start(start - 1)
            line = self.text[above : start - 1].strip()
            if line and not line.startswith("#"):
                break
            start = above
        return start

    # --- edits ----------------------------------------------------------------------------

    def replace(self, start: int, end: int, text: str) -> None:
        self.edits.append((start, len(self.edits), end, text))

    def insert_lines(self, at: int, lines: str) -> None:
        """Whole lines at a line start (a text without a final line break gets one first)."""
        if at == len(self.text) and self.text and not self.text.endswith("\n"):
            lines = "\n" + lines
        self.replace(at, at, lines)

    def result(self) -> str:
        out: list[str] = []
        position = 0
        for start, _, end, text in sorted(self.edits):
            if start < position:
                raise PatchError("two edits overlap")
            out.append(self.text[position:start])
            out.append(text)
            position = end
        out.append(self.text[position:])
        return "".join(out)

    # --- merging --------------------------------------------------------------------------

    def mapping(
        self, node: MappingNode, old: dict[Any, Any], new: dict[Any, Any], col: int, path: Where
    ) -> None:
        """A block mapping: each key merged, inserted after its predecessor, or emptied."""
        pairs = dict(zip(old, node.value, strict=True))  # old's keys are in the text's order
        for key_node, value_node in node.value:
            self.keys[id(value_node)] = key_node
        previous: Node | None = None
        for key, value in new.items():
            if key in pairs:
                key_node, value_node = pairs[key]
                self.merge(
                    value_node, old[key], value, key_node.start_mark.column + 2, (*path, key)
                )
                previous = value_node
                continue
            if previous is not None:
                at = self.line_end(self.content_end(previous))
            else:
                at = self.block_first_line(node.value[0][0])
            self.insert_lines(at, _block({key: value}, col))
        for key, (key_node, value_node) in pairs.items():
            if (*path, key) in self.drop_paths:
                self.drop(key_node, value_node)
            elif key not in new and not _empty(old[key]):
                emptied = _emptied(value_node, old[key])
                self.merge(
                    value_node, old[key], emptied, key_node.start_mark.column + 2, (*path, key)
                )

    def drop(self, key: Node, value: Node) -> None:
        """Remove a key and its value, keeping every comment line among them."""
        start = self.line_start(key.start_mark.index)
        end = self.line_end(self.content_end(value))
        if self.text[start : key.start_mark.index].strip():
            raise PatchError("a key shares its line with another")
        kept = [
            line
            for line in self.text[start:end].splitlines(keepends=True)
            if line.strip().startswith("#") or not line.strip()
        ]
        self.replace(start, end, "".join(kept))

    def merge(self, node: Node, old: Any, new: Any, col: int, path: Where) -> None:
        """Make ``node`` (holding ``old``) read as ``new``; ``col`` indents a block below it."""
        if same(old, new) and not any(p[: len(path)] == path for p in self.drop_paths):
            return
        if isinstance(new, dict):
            if isinstance(node, MappingNode) and not node.flow_style and isinstance(old, dict):
                self.mapping(node, old, new, node.start_mark.column, path)
            else:
                self.as_block(node, _block(new, col))
        elif isinstance(new, list):
            flow = _flow(new)
            if not new:
                self.inline(node, flow)
            elif isinstance(node, SequenceNode) and not node.flow_style:
                self.as_block(node, _indented(yamlio.dump(new), node.start_mark.column))
            elif node.start_mark.column + len(flow) <= 100:
                self.inline(node, flow)
            else:
                self.as_block(node, _indented(yamlio.dump(new), col))
        elif isinstance(new, str) and isinstance(node, ScalarNode) and node.style in ("|", ">"):
            self.block_text(node, new, col)
        elif isinstance(new, str) and "\n" in new:
            header, body = _literal(new, col, col)
            self.inline(node, header)
            if body is not None:
                self.insert_lines(self.line_end(self.content_end(node)), body)
        else:
            self.inline(node, _scalar(new))

    def inline(self, node: Node, text: str) -> None:
        """The node's own text replaced by ``text`` on its line (a block's lines removed)."""
        start, end = node.start_mark.index, node.end_mark.index
        if isinstance(node, ScalarNode) and node.style in ("|", ">"):
            end = self.line_end(self.content_end(node))
            comment = _header_comment(self.text[start : self.line_end(start)])
            self.replace(start, end, text + comment + "\n")
            return
        if not isinstance(node, ScalarNode) and not node.flow_style:  # type: ignore[attr-defined]
            key = self.keys.get(id(node))
            at = -1 if key is None else self.text.find(":", key.end_mark.index)
            if at < 0 or at > node.start_mark.index:
                raise PatchError("a block collection without its key")
            self.clear_block(node)
            self.replace(at + 1, at + 1, f" {text}" if text else "")
            return
        if start == end and text and self.text[start - 1 : start] in (":", "-"):
            text = " " + text
        self.replace(start, self.aligned(end, len(text) - (end - start)), text)

    def aligned(self, end: int, grown: int) -> int:
        """Where a replacement that grew by ``grown`` characters may end, so that a comment
        after it on the line keeps its column: the spaces before the comment absorb the growth,
        down to one."""
        gap = len(self.text) - len(self.text[end:].lstrip(" ")) - end
        if grown <= 0 or self.text[end + gap : end + gap + 1] != "#":
            return end
        return end + min(grown, gap - 1)

    def clear_block(self, node: Node) -> None:
        """Remove a block collection's lines, keeping its comment lines."""
        start = self.line_start(node.start_mark.index)
        end = self.line_end(self.content_end(node))
        if self.text[start : node.start_mark.index].strip():
            raise PatchError("a block collection shares its first line")
        kept = [
            line
            for line in self.text[start:end].splitlines(keepends=True)
            if line.strip().startswith("#") or not line.strip()
        ]
        self.replace(start, end, "".join(kept))

    def as_block(self, node: Node, lines: str) -> None:
        """The node replaced by block lines below its key (a comment on the key's line stays)."""
        if isinstance(node, ScalarNode) or node.flow_style:  # type: ignore[attr-defined]
            start, end = node.start_mark.index, node.end_mark.index
            if isinstance(node, ScalarNode) and node.style in ("|", ">"):
                end = self.line_end(self.content_end(node))
                comment = _header_comment(self.text[start : self.line_end(start)])
                self.replace(start, end, comment.lstrip() + "\n" if comment else "\n")
                self.insert_lines(end, lines)
                return
            self.replace(start, end, "")
            self.insert_lines(self.line_end(end), lines)
            return
        self.clear_block(node)
        self.insert_lines(self.line_end(self.content_end(node)), lines)

    def block_text(self, node: ScalarNode, new: str, col: int) -> None:
        """A block text (``|``) rewritten below its header, whose comment stays."""
        start = node.start_mark.index
        header_end = self.line_end(start)
        if header_end == len(self.text) and not self.text.endswith("\n"):
            raise PatchError("a block text at the very end without a line break")
        header = self.text[start:header_end]
        indicator = _BLOCK_HEADER.match(header)
        if indicator is None:  # pragma: no cover - a block scalar always starts with | or >
            raise PatchError("a block text without its indicator")
        body_end = self.block_end(node)
        old_body = self.text[header_end:body_end]
        mark, body = _literal(new, _indent_of(old_body) or col, col)
        if body is None:  # not writable as a literal block: quoted, the header's comment kept
            self.replace(start, body_end, mark + _header_comment(header) + "\n")
            return
        if not new:  # an emptied text keeps its header as written, without keeping breaks
            mark = indicator.group().replace("+", "")
        end = start + indicator.end()
        self.replace(start, self.aligned(end, len(mark) - indicator.end()), mark)
        self.replace(header_end, body_end, body)


def _header_comment(header: str) -> str:
    """The spaces and comment after a block text's indicator, without the line break."""
    indicator = _BLOCK_HEADER.match(header)
    rest = header[indicator.end() if indicator else 0 :].rstrip("\n")
    return rest if rest.strip().startswith("#") else ""


def _indent_of(body: str) -> int:
    for line in body.splitlines():
        if line.strip():
            return len(line) - len(line.lstrip(" "))
    return 0


def _literal(text: str, indent: int, col: int) -> tuple[str, str | None]:
    """A literal block's indicator and its lines at ``indent``; (quoted text, None) if the text
    cannot be one. ``col`` is two columns right of the key: where a text whose first line starts
    with a space or a tab, or is empty (which needs its indentation stated), is put."""
    if _NOT_LITERAL.search(text) or "\r" in text:
        return _scalar(text), None
    if not text:
        return "|", ""
    core = text.rstrip("\n")
    trailing = len(text) - len(core)
    if not core:  # line breaks only: kept as empty lines
        return "|+", "\n" * trailing
    chomp = "-" if trailing == 0 else ("" if trailing == 1 else "+")
    lines = core.split("\n")
    explicit = "2" if lines[0][:1] in (" ", "\t", "") else ""
    if explicit:
        indent = col
    pad = " " * indent
    body = "".join(f"{pad}{line}\n" if line else "\n" for line in lines)
    body += "\n" * (trailing - 1 if trailing > 1 else 0)
    return f"|{explicit}{chomp}", body


def _scalar(value: Any) -> str:
    """One scalar as our dumper writes it in a flow context (quoted where a plain form would not
    read back the same); null as nothing."""
    if value is None:
        return ""
    return _flow([value])[1:-1]


def _flow(value: list[Any]) -> str:
    return yaml.dump(
        value,
        Dumper=yamlio.BlockDumper,
        default_flow_style=True,
        width=1_000_000,
        allow_unicode=True,
    ).rstrip("\n")


def _block(data: dict[Any, Any], col: int) -> str:
    """A mapping as our dumper writes it, indented to ``col``."""
    return _indented(yamlio.dump(data), col)


def _fragment(text: str) -> str:
    """A dumped document as a fragment: without the end marker ('...') that the dumper adds
    after a text that keeps its final line breaks."""
    return text[: -len("...\n")] if text.endswith("\n...\n") else text


def _indented(text: str, col: int) -> str:
    text = _fragment(text)
    pad = " " * col
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))
