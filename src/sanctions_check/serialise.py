"""JSON, once, from any result model: one small walk that every JSON output shares.

Kept apart from the models themselves so that a command writing JSON rows (``score --format
json``) does not have to build the report model's classes to serialise its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sanctions_check.textsafe import plain


def jsonable(value: Any) -> Any:
    """A result model as plain JSON data: a named tuple's fields by name (and what its
    ``json_extras`` adds), other tuples as lists, and every string made inert (no control
    characters or escape sequences)."""
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


def dumps(model: Any) -> str:
    """A result model as JSON for other tools: sorted keys, stable, no control characters."""
    import json

    return json.dumps(jsonable(model), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
