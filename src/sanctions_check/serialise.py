"""JSON, once, from any result model: one small walk that every JSON output shares.

Kept apart from the models themselves so that a command writing JSON rows (``score --format
json``) does not have to build the report model's classes to serialise its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from sanctions_check.textsafe import plain


def jsonable(value: Any) -> Any:
    """A result model as plain JSON data: dataclass fields (and any ``JSON_PROPERTIES``) by name,
    tuples as lists, and every string made inert (no control characters or escape sequences)."""
    if isinstance(value, str):
        return plain(value)
    if value is None or isinstance(value, int | float):  # the commonest leaves first (bool too)
        return value
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {plain(str(k)): jsonable(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        out = {f.name: jsonable(getattr(value, f.name)) for f in fields(value)}
        for name in getattr(value, "JSON_PROPERTIES", ()):
            out[name] = jsonable(getattr(value, name))
        return out
    return value


def dumps(model: Any) -> str:
    """A result model as JSON for other tools: sorted keys, stable, no control characters."""
    import json

    return json.dumps(jsonable(model), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
