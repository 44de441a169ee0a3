"""The one JSON writer: every JSON the tool prints is a view model walked here, once.

A view model is typed named tuples: each becomes an object keyed by its field names (plus what
its ``json_extras`` adds), other tuples and lists become arrays, mappings objects. Every string
and key is made inert (no control characters or escape sequences, ``textsafe.plain``); keys are
sorted; two-space indent; UTF-8 as it is. Numbers are written as the view holds them: each view
rounds its figures once, by its schema's declared rule (docs/architecture.md), so the writer
never rounds.

A batch writes its one list an item at a time (:class:`Stream`), so memory stays flat however
many files it reads, and the bytes are exactly those :func:`dumps` gives for the whole document.
Kept apart from the view models so that `score --format json` builds none of the report's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from sanctions_check.textsafe import plain


def jsonable(value: Any) -> Any:
    """A view model as plain JSON data: a named tuple's fields by name (and what its
    ``json_extras`` adds), other tuples as lists, and every string made inert."""
    if isinstance(value, str):
        return plain(value)
    if value is None or isinstance(value, int | float):  # the commonest leaves first (bool too)
        return value
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        out = {name: jsonable(item) for name, item in zip(value._fields, value, strict=True)}
        extras = getattr(value, "json_extras", None)
        if extras is not None:
            out.update((name, jsonable(item)) for name, item in extras().items())
        return out
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {plain(str(k)): jsonable(v) for k, v in value.items()}
    return value


def _text(data: Any) -> str:
    import json

    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)


def dumps(model: Any) -> str:
    """A view model as one JSON document for other tools: sorted keys, stable, inert text."""
    return _text(jsonable(model)) + "\n"


def _nested(text: str, depth: int) -> str:
    """JSON text of a value placed ``depth`` levels deep in a two-space indented document."""
    return text.replace("\n", "\n" + "  " * depth)


class Stream:
    """One JSON document whose list under ``key`` is written an item at a time.

    ``head`` holds the document's other keys known at the start (every key that sorts before
    ``key`` must be among them); :meth:`close` adds the rest. The bytes are those of
    :func:`dumps` applied to the whole document.
    """

    def __init__(self, out: IO[str], head: Mapping[str, Any], key: str) -> None:
        self.out = out
        self.key = key
        self.head = {plain(k): jsonable(v) for k, v in head.items()}
        self.count = 0
        before = sorted(k for k in self.head if k < key)
        out.write(
            "{\n" + "".join(f"  {_text(k)}: {_nested(_text(self.head[k]), 1)},\n" for k in before)
        )
        out.write(f"  {_text(key)}: [")

    def add(self, item: Any) -> None:
        self.out.write(
            ("\n" if self.count == 0 else ",\n") + "    " + _nested(_text(jsonable(item)), 2)
        )
        self.count += 1

    def close(self, tail: Mapping[str, Any]) -> None:
        rest = {k: v for k, v in self.head.items() if k > self.key}
        for k, v in tail.items():
            name = plain(k)
            if name < self.key:
                raise ValueError(f"{name!r} sorts before {self.key!r}: give it at the start")
            rest[name] = jsonable(v)
        self.out.write(
            ("\n  ]" if self.count else "]")
            + "".join(f",\n  {_text(k)}: {_nested(_text(rest[k]), 1)}" for k in sorted(rest))
            + "\n}\n"
        )
