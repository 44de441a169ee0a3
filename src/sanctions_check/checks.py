"""Small, precise structural checks that collect every problem in a file instead of stopping.

Case and framework files are validated against a structure that is itself data (the framework's
factor and question ids), which a static schema library cannot express without building models at
run time; and each problem must point at a line of the file and suggest the near match for a
misspelt key. Both needs are met here in a few lines, at a start-up cost of nothing (see
PERF-NOTES: importing pydantic alone costs about 5x a bare interpreter start).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

Path_ = tuple[str | int, ...]

_YAML11_BOOLEANS = frozenset({"yes", "no", "y", "n", "on", "off"})
SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def describe(value: Any) -> str:
    """Name a YAML value's type the way a YAML author thinks of it."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'exposure'?)' for a near match, else ''."""
    matches = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {matches[0]!r}?)" if matches else ""


def dotted(path: Path_) -> str:
    return ".".join(str(p) for p in path)


class Finding(NamedTuple):
    """A problem before it is located in a file: a path into the document and a message."""

    path: Path_
    message: str
    severity: str = "error"


class Checker:
    """Collects findings while checking a parsed YAML document."""

    __slots__ = ("findings",)

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def error(self, path: Path_, message: str) -> None:
        self.findings.append(Finding(path, message))

    def warn(self, path: Path_, message: str) -> None:
        self.findings.append(Finding(path, message, "warning"))

    def mapping(
        self,
        value: Any,
        path: Path_,
        *,
        required: Iterable[str] = (),
        optional: Iterable[str] = (),
        what: str = "a mapping of keys to values",
    ) -> dict[Any, Any] | None:
        """Check a mapping's keys: every required key present, no unknown key (with a hint)."""
        if not isinstance(value, dict):
            self.error(path, f"expected {what}, found {describe(value)}")
            return None
        required = tuple(required)
        allowed = (*required, *optional)
        for key in value:
            if key not in allowed:
                self.error(
                    (*path, key),
                    f"unknown key {key!r}{suggest(key, allowed)}; "
                    f"allowed here: {', '.join(allowed)}",
                )
        for key in required:
            if key not in value:
                self.error(path, f"missing required key {key!r}")
        return value

    def text(self, value: Any, path: Path_, *, required: bool = True) -> str | None:
        if value is None and not required:
            return None
        if isinstance(value, str) and (value.strip() or not required):
            return value
        if isinstance(value, str):
            self.error(path, "must not be empty")
        else:
            self.error(path, f"expected text, found {describe(value)}{_quote_hint(value)}")
        return None

    def slug(self, value: Any, path: Path_) -> str | None:
        text = self.text(value, path)
        if text is not None and not SLUG.match(text):
            self.error(
                path,
                f"{text!r} is not a valid id: use lowercase letters, digits, '-', '_' or '.', "
                "starting with a letter or digit",
            )
            return None
        return text

    def number(
        self,
        value: Any,
        path: Path_,
        *,
        minimum: float | None = None,
        maximum: float | None = None,
        integer: bool = False,
        above: float | None = None,
    ) -> float | int | None:
        kind = "a whole number" if integer else "a number"
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (integer and not isinstance(value, int))
        ):
            self.error(path, f"expected {kind}, found {describe(value)}")
            return None
        if value != value or value in (float("inf"), float("-inf")):
            self.error(path, f"expected {kind}, found {value}")
            return None
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            self.error(path, f"{value} is out of range ({_range(minimum, maximum)})")
            return None
        if above is not None and value <= above:
            self.error(path, f"{value} is out of range (must be greater than {above:g})")
            return None
        return value

    def boolean(self, value: Any, path: Path_) -> bool | None:
        if isinstance(value, bool):
            return value
        hint = ""
        if isinstance(value, str) and value.lower() in _YAML11_BOOLEANS:
            hint = " (only true and false are booleans here: YAML 1.2, not 1.1)"
        self.error(path, f"expected true or false, found {describe(value)}{hint}")
        return None

    def choice(self, value: Any, path: Path_, choices: Iterable[str]) -> str | None:
        choices = tuple(choices)
        if isinstance(value, str) and value in choices:
            return value
        hint = suggest(value, choices) if isinstance(value, str) else _quote_hint(value)
        self.error(path, f"expected one of {', '.join(choices)}, found {describe(value)}{hint}")
        return None

    def text_list(self, value: Any, path: Path_) -> tuple[str, ...]:
        """A list of texts; a single text is accepted as a list of one."""
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list):
            self.error(path, f"expected a list of texts, found {describe(value)}")
            return ()
        out = []
        for i, item in enumerate(value):
            text = self.text(item, (*path, i))
            if text is not None:
                out.append(text)
        return tuple(out)

    def level_map(self, value: Any, path: Path_, *, what: str = "text") -> dict[int, Any] | None:
        """A mapping with exactly the levels 0, 1, 2, 3 and 4 as keys."""
        if not isinstance(value, dict):
            self.error(path, f"expected a mapping of levels 0 to 4, found {describe(value)}")
            return None
        levels: dict[int, Any] = {}
        for key, item in value.items():
            if isinstance(key, int) and 0 <= key <= 4:
                levels[key] = item
            else:
                self.error((*path, key), f"unknown level {key!r}; levels are 0, 1, 2, 3 and 4")
        missing = [str(level) for level in range(5) if level not in levels]
        if missing:
            self.error(path, f"missing level(s) {', '.join(missing)}: give all five, 0 to 4")
        return levels


def _range(minimum: float | None, maximum: float | None) -> str:
    if minimum is not None and maximum is not None:
        return f"must be from {minimum:g} to {maximum:g}"
    if minimum is not None:
        return f"must be at least {minimum:g}"
    return f"must be at most {maximum:g}"


def _quote_hint(value: Any) -> str:
    if isinstance(value, bool | int | float):
        return "; put it in quotes if you meant it as text"
    return ""


def unique_ids(checker: Checker, items: Mapping[Path_, str | None], what: str) -> None:
    """Report every repeated id, at the place it repeats."""
    seen: dict[str, Path_] = {}
    for path, ident in items.items():
        if ident is None:
            continue
        if ident in seen:
            first = dotted(seen[ident])
            checker.error(path, f"duplicate {what} id {ident!r} (first used at {first})")
        else:
            seen[ident] = path
