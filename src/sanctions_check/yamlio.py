"""The one strict YAML loader of the project, file reading with limits, and atomic writes.

PyYAML speaks YAML 1.1, whose surprises hurt analysts: ``NO`` (Norway) becomes ``False``,
``on``/``yes`` become booleans, ``2018-08-17`` becomes a date, ``1:20`` becomes 80, and a repeated
key silently wins. The loaders here resolve only the YAML 1.2 core schema (``true``/``false``,
decimal numbers, ``null``), keep dates as strings, refuse duplicate keys, aliases (which also
defeats "billion laughs" bombs), merge keys and every tag that is not a plain core type — so a
``!!python/...`` tag is refused, never executed.

libyaml (``CParser``) parses several times faster than the pure-Python parser; we parse with it
when available and re-parse with the pure loader only to explain a failure, because its messages
carry the offending line of text.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Generator
from pathlib import Path
from typing import Any, ClassVar, NoReturn

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from sanctions_check import yamladvice
from sanctions_check.errors import InputError, Problem, WriteError

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
# libyaml builds a node per item at about 3 us and 400 bytes each: a 2 MiB file of "1," would
# take 5 s and 400 MB. Lines plus commas bound the number of nodes; one per 20 bytes of the size
# limit is far above any real case or framework file (about one per 30-60 bytes).
BYTES_PER_ITEM = 20
# The pure-Python parser explains errors best but reads only ~0.2-0.6 MB/s: above this size the
# libyaml error (same line and column, terser wording) is reported instead.
EXPLAIN_LIMIT = 256 * 1024

_TAG = "tag:yaml.org,2002:"
TO_FIX = "    to fix: "  # the advice under the caret, indented as the quoted line is


class StrictResolver(BaseResolver):
    """YAML 1.2 core-schema scalars only: no yes/no/on/off booleans, no dates, no sexagesimals."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        """BaseResolver.resolve without its two list copies per scalar (~5 % of a batch parse).

        Same answers, since this resolver has neither path resolvers nor wildcard resolvers
        (tests/test_loader_parity.py compares the two).
        """
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return self.DEFAULT_SCALAR_TAG
        if kind is MappingNode:
            return self.DEFAULT_MAPPING_TAG
        resolved: str = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        return resolved


StrictResolver.add_implicit_resolver(
    _TAG + "bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
StrictResolver.add_implicit_resolver(
    _TAG + "int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
StrictResolver.add_implicit_resolver(
    _TAG + "float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)
StrictResolver.add_implicit_resolver(
    _TAG + "null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


_BOOLEANS = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}


class DuplicateKeyError(ConstructorError):
    """A mapping repeats a key; YAML says keys are unique and PyYAML would keep the last."""


def _duplicate_key(key: object, mapping: Node, repeated: Node) -> str:
    """The repeated key, and the line of its first appearance in the same mapping."""
    first = next(
        (
            k.start_mark.line + 1
            for k, _ in mapping.value
            if k is not repeated and isinstance(k, ScalarNode) and k.value == repeated.value
        ),
        None,
    )
    where = f"; it first appears at line {first}" if first is not None else ""
    return f"duplicate key {key!r} (each key may appear only once{where})"


class StrictConstructor(SafeConstructor):
    """Builds plain dicts, lists, str, int, float, bool and None — nothing else."""

    yaml_constructors: ClassVar[dict[Any, Any]] = {}  # PyYAML's class-level registry, ours alone

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise ConstructorError(
                None,
                None,
                "anchors and aliases (&name / *name) are not allowed in sanctions-check files",
                node.start_mark,
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: Node, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, MappingNode):
            raise ConstructorError(
                None,
                None,
                f"expected a mapping, found {getattr(node, 'id', 'a node')}",
                node.start_mark,
            )
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str | int) or isinstance(key, bool):
                raise ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    "a key must be a plain word or number",
                    key_node.start_mark,
                )
            if key in mapping:
                raise DuplicateKeyError(
                    "while reading a mapping",
                    node.start_mark,
                    _duplicate_key(key, node, key_node),
                    key_node.start_mark,
                )
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_map(self, node: MappingNode) -> Generator[dict[Any, Any], None, None]:
        data: dict[Any, Any] = {}
        yield data
        data.update(self.construct_mapping(node))

    def construct_yaml_int(self, node: ScalarNode) -> int:
        try:
            return int(self.construct_scalar(node))
        except ValueError:  # over Python's 4,300-digit limit for int()
            raise ConstructorError(
                None,
                None,
                "this number is far too long (put it in quotes if it is text)",
                node.start_mark,
            ) from None

    def construct_yaml_float(self, node: ScalarNode) -> float:
        value = str(self.construct_scalar(node)).lower()
        try:
            if value.endswith((".inf", ".nan")):
                return float(value.replace(".", ""))
            return float(value)
        except ValueError:  # an explicit !!float on text that is not a number
            raise ConstructorError(
                None, None, f"{value!r} is not a number", node.start_mark
            ) from None

    def construct_yaml_bool(self, node: ScalarNode) -> bool:
        """Only true/false, even under an explicit !!bool tag (no YAML 1.1 yes/no/on/off)."""
        value = self.construct_scalar(node)
        if value not in _BOOLEANS:
            raise ConstructorError(
                None, None, f"expected true or false, found {value!r}", node.start_mark
            )
        return _BOOLEANS[value]

    def construct_undefined(self, node: Node) -> NoReturn:
        raise ConstructorError(
            None,
            None,
            f"the tag {node.tag!r} is not allowed (sanctions-check files hold plain text, "
            "numbers, lists and mappings only)",
            node.start_mark,
        )


for _name, _fn in (
    ("null", SafeConstructor.construct_yaml_null),
    ("bool", StrictConstructor.construct_yaml_bool),
    ("int", StrictConstructor.construct_yaml_int),
    ("float", StrictConstructor.construct_yaml_float),
    ("str", SafeConstructor.construct_yaml_str),
    ("seq", SafeConstructor.construct_yaml_seq),
    ("map", StrictConstructor.construct_yaml_map),
):
    # The stubs type add_constructor for loader classes; a constructor mixin is one at run time.
    StrictConstructor.add_constructor(_TAG + _name, _fn)  # type: ignore[type-var]  # see above
StrictConstructor.add_constructor(None, StrictConstructor.construct_undefined)  # type: ignore[type-var]  # as above


class StrictLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    StrictConstructor,
    StrictResolver,
):
    """Pure-Python strict loader: slower, but its errors quote the offending line."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        StrictConstructor.__init__(self)
        StrictResolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        """Refuse an alias where it stands, and nesting deeper than MAX_DEPTH, with its line.

        Block nesting (indentation, not brackets) is not caught by the bracket pre-scan; this
        bound keeps the recursive composer shallow whatever the file holds.
        """
        event = self.peek_event()  # type: ignore[no-untyped-call]  # untyped in PyYAML's stubs
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None,
                None,
                f"found the alias *{event.anchor}: anchors and aliases (&name / *name) "
                "are not allowed in sanctions-check files",
                event.start_mark,  # type: ignore[arg-type]  # pure parser: a yaml.error.Mark
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"nesting is deeper than {MAX_DEPTH} levels",
                    event.start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


if getattr(yaml, "__with_libyaml__", False):
    from yaml.cyaml import CParser  # type: ignore[attr-defined]  # exported at run time, not in stubs

    class CStrictLoader(CParser, StrictConstructor, StrictResolver):
        """libyaml parser with the same strict rules, and a direct node-to-data builder.

        PyYAML's generic constructor (bookkeeping and a generator per mapping) costs more than
        libyaml's parsing itself. Our data are only mappings, lists and core scalars, so one
        recursive method builds them at a fraction of the cost (batch scoring stays near the
        YAML parse floor). Scalars go through StrictConstructor's own methods and anything
        unusual falls back to its generic path, so the rules are the pure loader's;
        tests/test_loader_parity.py runs the same hostile files through both loaders.
        """

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            StrictConstructor.__init__(self)
            StrictResolver.__init__(self)
            # An alias needs an anchor, and an anchor needs a '&': without one no node is shared.
            self._may_share = not isinstance(stream, str) or "&" in stream

        def get_single_data(self) -> Any:
            node = self.get_single_node()
            return None if node is None else self._data(node, set() if self._may_share else None, 1)

        def _data(self, node: Node, seen: set[int] | None, depth: int) -> Any:
            if seen is not None:
                if id(node) in seen:  # libyaml resolves an alias to the very node it names
                    raise ConstructorError(
                        None,
                        None,
                        "anchors and aliases (&name / *name) are "
                        "not allowed in sanctions-check files",
                        node.start_mark,
                    )
                seen.add(id(node))
            if depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"nesting is deeper than {MAX_DEPTH} levels", node.start_mark
                )
            kind, tag = node.__class__, node.tag
            if kind is ScalarNode:
                if tag == _STR:
                    return node.value
                scalar = _SCALARS.get(tag)
                if scalar is not None:
                    return scalar(self, node)  # type: ignore[arg-type]  # a ScalarNode here
            elif kind is MappingNode and tag == _MAP:
                mapping: dict[Any, Any] = {}
                # Most keys and values are plain text: take those without a call of their own.
                inline = seen is None and depth < MAX_DEPTH
                for key_node, value_node in node.value:
                    if inline and key_node.__class__ is ScalarNode and key_node.tag == _STR:
                        key = key_node.value
                    else:
                        key = self._data(key_node, seen, depth + 1)
                        if not isinstance(key, str | int) or isinstance(key, bool):
                            raise ConstructorError(
                                "while reading a mapping",
                                node.start_mark,
                                "a key must be a plain word or number",
                                key_node.start_mark,
                            )
                    if key in mapping:
                        raise DuplicateKeyError(
                            "while reading a mapping",
                            node.start_mark,
                            _duplicate_key(key, node, key_node),
                            key_node.start_mark,
                        )
                    if inline and value_node.__class__ is ScalarNode:
                        if value_node.tag == _STR:
                            mapping[key] = value_node.value
                            continue
                        if value_node.tag == _INT:
                            try:  # what construct_yaml_int does; its error path is below
                                mapping[key] = int(value_node.value)
                                continue
                            except ValueError:
                                pass
                    mapping[key] = self._data(value_node, seen, depth + 1)
                return mapping
            elif kind is SequenceNode and tag == _SEQ:
                inline = seen is None and depth < MAX_DEPTH
                return [
                    item.value
                    if inline and item.__class__ is ScalarNode and item.tag == _STR
                    else self._data(item, seen, depth + 1)
                    for item in node.value
                ]
            # A tag that does not fit its node, or is not allowed: the generic path says why.
            return self.construct_object(node, deep=True)

    _STR, _INT, _MAP, _SEQ = _TAG + "str", _TAG + "int", _TAG + "map", _TAG + "seq"
    _SCALARS = {
        _TAG + "null": lambda loader, node: None,
        _TAG + "bool": StrictConstructor.construct_yaml_bool,
        _TAG + "int": StrictConstructor.construct_yaml_int,
        _TAG + "float": StrictConstructor.construct_yaml_float,
    }

    FAST_LOADER: type = CStrictLoader
else:  # pragma: no cover - exercised only where PyYAML was built without libyaml
    FAST_LOADER = StrictLoader


def read_text(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, label: str | None = None) -> str:
    """Read a UTF-8 text file defensively: size limit before reading, no binaries, BOM accepted.

    Opened non-blocking so that a named pipe with no writer cannot hang the tool; a pipe or device
    (``<(command)``, ``/dev/zero``) is then read blocking but never past the size limit.
    """
    name = label or str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError([Problem(name, _unreadable(path, exc))]) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError([Problem(name, "is a folder, not a file")])
        if not stat.S_ISREG(info.st_mode):
            os.set_blocking(fd, True)
        elif info.st_size > max_bytes:
            raise InputError([Problem(name, _too_big(info.st_size, max_bytes))])
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError([Problem(name, _unreadable(path, exc))]) from None
    finally:
        os.close(fd)
    return decode_text(data, name, max_bytes=max_bytes)


def _unreadable(path: Path, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "is a symbolic link to a missing file" if os.path.islink(path) else "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied: the file cannot be read"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if exc.errno == errno.ELOOP:
        return "is a symbolic link that loops back on itself"
    return f"cannot be read: {exc.strerror or exc}"


def decode_text(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Bytes to text, refusing what is too large, binary or not UTF-8, with the faulty line."""
    if len(data) > max_bytes:
        raise InputError([Problem(name, _too_big(len(data), max_bytes))])
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError(
            [
                Problem(
                    name,
                    "looks like a binary file (it contains NUL bytes), not a YAML text file",
                    line=line,
                )
            ]
        )
    most = max_bytes // BYTES_PER_ITEM
    if len(data) > most and data.count(b"\n") + data.count(b",") > most:  # small files: no cost
        items = data.count(b"\n") + data.count(b",")
        raise InputError(
            [
                Problem(
                    name,
                    f"has {items:,} lines and commas, over the limit of "
                    f"{most:,} for one file (raise it with --max-size if the "
                    "file is genuine)",
                )
            ]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            [
                Problem(
                    name,
                    f"is not valid UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8",
                    line=line,
                    column=column,
                )
            ]
        ) from None


def _too_big(size: int, limit: int) -> str:
    return (
        f"is {size:,} bytes, over the {limit:,}-byte limit for one file "
        "(raise it with --max-size if the file is genuine)"
    )


def parse(text: str, name: str) -> Any:
    """Parse one YAML document strictly; any failure becomes an InputError with line and column."""
    try:
        return _load(text, FAST_LOADER)
    except (yaml.YAMLError, RecursionError) as exc:
        first: BaseException = exc
    if len(text) <= EXPLAIN_LIMIT:
        try:
            _load(text, StrictLoader)
        except yaml.MarkedYAMLError as exc:
            raise InputError([_problem_from_yaml(exc, name, text)]) from None
        except yaml.reader.ReaderError as exc:  # a control character: a position, not a mark
            raise InputError([_control_character(exc, name, text)]) from None
        except (yaml.YAMLError, RecursionError):
            pass
    # The file is too large to re-read slowly, or only libyaml objects (a lone surrogate escape)
    if isinstance(first, yaml.MarkedYAMLError):
        raise InputError([_problem_from_yaml(first, name, text)])
    if isinstance(first, yaml.reader.ReaderError):
        raise InputError([_control_character(first, name, text)])
    if isinstance(first, RecursionError):
        raise InputError([Problem(name, f"nesting is deeper than {MAX_DEPTH} levels")])
    raise InputError([Problem(name, f"cannot be read as YAML: {_one_line(first)}")])


def _control_character(exc: yaml.reader.ReaderError, name: str, text: str) -> Problem:
    """Locate the character itself: libyaml gives a byte offset, the pure reader a character's."""
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    index = text.find(chr(code))  # no character the readers refuse comes before it
    mark = _mark(text, index if index >= 0 else min(exc.position, len(text)))
    problem = f"the control character U+{code:04X} is not allowed in YAML text"
    fault = yamladvice.Fault(problem, "", mark.line, mark.column, None, None)
    message = f"{problem}\n{mark.get_snippet()}"  # the character itself is cleaned when printed
    what = yamladvice.advice(fault, text.split("\n"))
    return Problem(
        name,
        message + ("\n" + TO_FIX + what if what else ""),
        line=mark.line + 1,
        column=mark.column + 1,
    )


def _load(text: str, loader_class: type) -> Any:
    _check_depth(text)
    loader = loader_class(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


_BRACKETS = re.compile(r"[\[\]{}]")


def _check_depth(text: str) -> None:
    """Refuse absurd bracket nesting before any parser recurses into it (bounded time and stack).

    Brackets inside quoted text count too; a stray closer only lowers the count, so the scan can
    refuse a file only when openers really pile up (the pure loader bounds the rest).
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth = 0
    for match in _BRACKETS.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise yaml.MarkedYAMLError(
                    problem=f"nesting is deeper than {MAX_DEPTH} levels",
                    problem_mark=_mark(text, match.start()),
                )
        elif depth:
            depth -= 1


def _mark(text: str, index: int) -> yaml.Mark:
    line = text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1)
    return yaml.Mark("<text>", index, line, column, text, index)


def _problem_from_yaml(exc: yaml.MarkedYAMLError, name: str, text: str = "") -> Problem:
    mark = exc.problem_mark or exc.context_mark
    message = exc.problem or exc.context or "malformed YAML"
    if exc.context and exc.problem and exc.problem.startswith("but "):
        message = f"{exc.context}, {exc.problem}"
    elif exc.context and exc.problem:
        message = f"{message} ({exc.context}"
        if exc.context_mark and exc.context_mark is not mark:
            message += f" that starts at line {exc.context_mark.line + 1}"
        message += ")"
    if mark is not None and not getattr(mark, "buffer", None) and text:
        mark = _mark(text, _offset(text, mark.line, mark.column))  # libyaml marks carry no text
    snippet = mark.get_snippet() if mark is not None and getattr(mark, "buffer", None) else None
    if snippet:
        message += "\n" + snippet
    if mark is not None and text:
        context = exc.context_mark
        fault = yamladvice.Fault(
            problem=exc.problem or "",
            context=exc.context or "",
            line=mark.line,
            column=mark.column,
            context_line=context.line if context is not None else None,
            context_column=context.column if context is not None else None,
        )
        what = yamladvice.advice(fault, text.split("\n"))
        if what:
            message += "\n" + TO_FIX + what
    return Problem(
        name,
        message,
        line=mark.line + 1 if mark is not None else None,
        column=mark.column + 1 if mark is not None else None,
    )


def _offset(text: str, line: int, column: int) -> int:
    """Index of a 0-based (line, column) in text; never past the end."""
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
        if not start:
            return len(text)
    end = text.find("\n", start)
    return min(start + column, len(text) if end < 0 else end)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def compose(text: str) -> Node | None:
    """The node tree (with positions) of an already-validated-as-YAML text, for locating fields."""
    loader = FAST_LOADER(text)
    try:
        root: Node | None = loader.get_single_node()
        return root
    finally:
        loader.dispose()


def locate(root: Node | None, path: tuple[str | int, ...]) -> tuple[int, int] | None:
    """1-based (line, column) of the deepest node on ``path`` that exists in the document."""
    if root is None:
        return None
    node = root
    mark = root.start_mark
    for step in path:
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode) and key_node.value == str(step):
                    mark = key_node.start_mark
                    node = value_node
                    break
            else:
                break
        elif isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            mark = node.start_mark
        else:
            break
    return mark.line + 1, mark.column + 1


def atomic_write(path: Path, data: str | bytes, *, overwrite: bool) -> None:
    """Write via a temporary file in the same folder, then rename: never a half-written file.

    Without ``overwrite`` an existing file is refused rather than replaced; with it, the old
    content stays intact until the new one is complete on disk.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        # Renaming over a device, pipe or folder would replace it (as root, even /dev/null).
        raise WriteError(
            f"{path} is not a regular file (a device, pipe or folder): nothing was written; "
            "name a file, or leave out -o to print to standard output"
        )
    if not overwrite and mode is not None:
        raise WriteError(f"{path} already exists; use --force to replace it")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        import tempfile  # only writers need it (~1.5 ms of start-up for every command)

        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp_name, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp_name, 0o666 & ~_umask())
        if overwrite:
            os.replace(tmp_name, path)
        else:
            _publish_new(tmp_name, path)
    except FileExistsError:
        _discard(tmp_name)
        raise WriteError(f"{path} already exists; use --force to replace it") from None
    except OSError as exc:
        _discard(tmp_name)
        raise WriteError(
            f"cannot write {path}: {exc.strerror or exc}; nothing was changed"
        ) from None
    except BaseException:  # Ctrl-C mid-write: no stray temporary file either
        _discard(tmp_name)
        raise


_NO_HARD_LINKS = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS})


def _publish_new(tmp_name: str, path: Path) -> None:
    """Hard-link, which fails if the file appeared meanwhile: no silent overwrite.

    FAT drives and some network shares have no hard links; there a rename after one more check
    is the best that can be done.
    """
    try:
        os.link(tmp_name, path)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS or os.path.lexists(path):
            raise
        os.replace(tmp_name, path)
        return
    os.unlink(tmp_name)


def _discard(tmp_name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp_name)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class _BlockDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]  # base chosen at run time
    """Safe dumper that writes multi-line text as literal blocks, readable in a diff."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    if "\n" in text.strip("\n") or text.endswith("\n"):
        return dumper.represent_scalar(_TAG + "str", text, style="|")
    return dumper.represent_scalar(_TAG + "str", text)


_BlockDumper.add_representer(str, _represent_str)
# The dumper quotes by YAML 1.1 rules; text that our 1.2 reader takes for a number ("1e3", "08")
# must be quoted too, or a case the tool saved would not read back as it was written.
for _first, _resolvers in StrictResolver.yaml_implicit_resolvers.items():
    for _tag, _regexp in _resolvers:
        _BlockDumper.add_implicit_resolver(_tag, _regexp, [_first])


BlockDumper = _BlockDumper  # for writers that dump a fragment the same way (yamlpatch)


def dump(data: Any) -> str:
    """YAML text in block style, keys in the order given, Unicode kept as is."""
    return yaml.dump(
        data,
        Dumper=_BlockDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
