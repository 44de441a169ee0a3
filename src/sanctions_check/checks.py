"""Declarative field specs, and the small precise checks they run, collecting every problem.

Case and framework files are validated against a structure that is partly data itself (the
framework's factor and question ids), which a static schema library cannot express without
building models at run time; and each problem must point at a line of the file and suggest the
near match for a misspelt key. Both needs are met here without a dependency (importing a schema
library such as pydantic costs several times a bare interpreter start).

A file's shape is written once, as data: a ``Record`` per entity maps each key to a ``Field``
(its kind, required or optional, its default), kinds carry their limits and choices, and nested
records, lists and level maps hold further specs. The same spec checks the file, names the allowed
keys in every near-match suggestion, and builds the model. Checking never stops at the first
problem: each one is a ``Finding`` (a path into the document and a message), located in the file
afterwards.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, NamedTuple, Protocol

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
    """' (did you mean 'exposure'?)' for a near match, else ''.

    A misspelling is matched by similarity; a shortened id by its words, since analysts write
    ``cost`` for ``diplomatic_cost`` or ``humanitarian`` for ``humanitarian_harm``,
    which no similarity cut-off accepts. Two or three such ids are all named; more say nothing.
    """
    known = [str(c) for c in choices]
    matches = difflib.get_close_matches(str(word), known, n=1, cutoff=0.6)
    if matches:
        return f" (did you mean {matches[0]!r}?)"
    shortened = _by_words(str(word), known)
    if 0 < len(shortened) <= 3:
        return f" (did you mean {' or '.join(repr(c) for c in shortened)}?)"
    return ""


def _by_words(word: str, known: list[str]) -> list[str]:
    """The ids that begin with ``word`` or hold it as one of their words (``_`` or ``-``
    separated), ignoring case and the separator used."""
    wanted = word.strip().lower().replace("-", "_").replace(" ", "_")
    if len(wanted) < 3:
        return []
    found = []
    for choice in known:
        norm = choice.lower().replace("-", "_")
        if norm.startswith(wanted) or wanted in norm.split("_"):
            found.append(choice)
    return found


def dotted(path: Path_) -> str:
    return ".".join(str(p) for p in path)


class Finding(NamedTuple):
    """A problem before it is located in a file: a path into the document and a message."""

    path: Path_
    message: str
    severity: str = "error"


class Checker:
    """Collects findings while checking a parsed YAML document."""

    __slots__ = ("errors", "findings")

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.errors = 0

    @property
    def ok(self) -> bool:
        return self.errors == 0

    def error(self, path: Path_, message: str) -> None:
        self.findings.append(Finding(path, message))
        self.errors += 1

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


# --- declarative specs ------------------------------------------------------------------------


class _Invalid:
    """The result of a kind whose value was refused (its finding is already recorded)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Final = _Invalid()
_ABSENT: Final = object()


class Kind(Protocol):
    """Checks one value at ``path`` and returns what the model holds, or INVALID."""

    def __call__(self, c: Checker, value: Any, path: Path_, ctx: Any, /) -> Any: ...


class Context:
    """What later fields of a document may refer to: the ids of the lists checked before them."""

    __slots__ = ("ids",)

    def __init__(self) -> None:
        self.ids: dict[str, list[str]] = {}


class Field:
    """One key of a record: its kind, whether it must be present, and the model's default."""

    __slots__ = ("attr", "default", "kind", "required")

    def __init__(
        self, kind: Kind, *, required: bool = True, default: Any = _ABSENT, attr: str | None = None
    ) -> None:
        self.kind = kind
        self.required = required
        self.default = default
        self.attr = attr  # the model's field name when it differs from the key; "" for none


def req(kind: Kind, *, attr: str | None = None) -> Field:
    return Field(kind, attr=attr)


def opt(kind: Kind, *, default: Any = _ABSENT, attr: str | None = None) -> Field:
    """An optional key; a null value counts as absent. Without a default the model's own applies."""
    return Field(kind, required=False, default=default, attr=attr)


RecordCheck = Callable[[Checker, dict[str, Any], Path_, Any], None]
ListCheck = Callable[[Checker, list[Any], Path_], None]


class Record:
    """A mapping with known keys, built into a model once every key is valid.

    Unknown keys are refused with the near match and the allowed keys; each missing required key
    is reported once; every present key is checked by its kind. ``checks`` then see the values
    that passed (for rules across keys). Any finding inside the record means no model is built.
    """

    __slots__ = ("_plan", "build", "checks", "fields", "model", "what")

    def __init__(
        self,
        model: Callable[..., Any],
        fields: dict[str, Field],
        *,
        what: str = "a mapping of keys to values",
        checks: Sequence[RecordCheck] = (),
        build: Callable[[dict[str, Any], Any], Any] | None = None,
    ) -> None:
        self.model = model
        self.fields = fields
        self.what = what
        self.checks = tuple(checks)
        self.build = build
        # The fields as plain tuples, in check order: this loop runs for every answer of a batch.
        self._plan = tuple(
            (key, f.kind, f.required, key if f.attr is None else f.attr, f.default)
            for key, f in fields.items()
        )

    def __call__(self, c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
        if not isinstance(value, dict):
            c.error(path, f"expected {self.what}, found {describe(value)}")
            return INVALID
        start = c.errors
        fields = self.fields
        for key in value:
            if key not in fields:
                c.error(
                    (*path, key),
                    f"unknown key {key!r}{suggest(key, fields)}; allowed here: {', '.join(fields)}",
                )
        values: dict[str, Any] = {}
        get = value.get
        for key, kind, required, attr, default in self._plan:
            raw = get(key)
            if raw is None:
                if not required:  # absent or null: the default, if any
                    if attr and default is not _ABSENT:
                        values[attr] = default
                elif key in value:
                    before = c.errors
                    kind(c, raw, (*path, key), ctx)  # says what was expected, "found nothing"
                    if c.errors == before:  # a kind that takes null as empty: still required
                        c.error((*path, key), f"required, found {describe(raw)}")
                else:
                    c.error(path, f"missing required key {key!r}")
                continue
            result = kind(c, raw, (*path, key), ctx)
            if attr and result is not INVALID:
                values[attr] = result
        for check in self.checks:
            check(c, values, path, ctx)
        if c.errors > start:
            return INVALID
        if self.build is not None:
            return self.build(values, ctx)
        return self.model(**values)


class ListOf:
    """A list of items of one kind, at least ``minimum`` long, built into a tuple.

    With ``unique`` (a label such as "factor") each item's id (``id_key``) must be unique, and the
    ids are published on the context under that label for later cross-references; ids are read
    from the file even where the rest of an item is refused, so that one fault is reported once.
    ``checks`` (rules across items, such as ascending bands) run once every item is valid.
    """

    __slots__ = ("checks", "id_key", "item", "minimum", "unique", "what")

    def __init__(
        self,
        item: Kind,
        what: str,
        *,
        minimum: int = 1,
        unique: str | None = None,
        id_key: str = "id",
        checks: Sequence[ListCheck] = (),
    ) -> None:
        self.item = item
        self.what = what
        self.minimum = minimum
        self.unique = unique
        self.id_key = id_key
        self.checks = tuple(checks)

    def __call__(self, c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
        if not isinstance(value, list):
            c.error(path, f"expected a list of {self.what}, found {describe(value)}")
            return INVALID
        start = c.errors
        if len(value) < self.minimum:
            c.error(path, f"needs at least {self.minimum} {self.what}")
        out = []
        ids: dict[Path_, str | None] = {}
        for i, raw in enumerate(value):
            item = self.item(c, raw, (*path, i), ctx)
            if item is not INVALID:
                out.append(item)
            if self.unique is not None and isinstance(raw, dict):
                ident = raw.get(self.id_key)
                if isinstance(ident, str) and SLUG.match(ident):
                    ids[(*path, i, self.id_key)] = ident
        if self.unique is not None:
            unique_ids(c, ids, self.unique)
            if isinstance(ctx, Context):
                ctx.ids[self.unique] = [ident for ident in ids.values() if ident is not None]
        if c.errors > start:
            return INVALID
        for check in self.checks:  # rules across items, on the whole list only
            check(c, out, path)
        return INVALID if c.errors > start else tuple(out)


class Levels:
    """A mapping with exactly the levels 0 to 4 as keys, each value of one kind."""

    __slots__ = ("item",)

    def __init__(self, item: Kind) -> None:
        self.item = item

    def __call__(self, c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
        start = c.errors
        levels = c.level_map(value, path)
        if levels is None:
            return INVALID
        out = {}
        for key, raw in levels.items():
            item = self.item(c, raw, (*path, key), ctx)
            if item is not INVALID:
                out[key] = item
        return INVALID if c.errors > start else out


class Keyed:
    """A mapping keyed by ids defined elsewhere (such as the framework's factor ids).

    ``check`` walks the keys, which only it understands; ``item`` is the spec of each value,
    ``depth`` levels of ids down, so that the shape stays visible to ``spec_paths``.
    """

    __slots__ = ("check", "depth", "item")

    def __init__(self, check: Kind, item: Kind, *, depth: int = 1) -> None:
        self.check = check
        self.item = item
        self.depth = depth

    def __call__(self, c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
        return self.check(c, value, path, ctx)


class Number:
    """A finite number within limits; ``to`` converts it for the model (as float for weights)."""

    __slots__ = ("above", "integer", "maximum", "minimum", "to")

    def __init__(
        self,
        *,
        minimum: float | None = None,
        maximum: float | None = None,
        above: float | None = None,
        integer: bool = False,
        to: Callable[[Any], Any] | None = None,
    ) -> None:
        self.minimum = minimum
        self.maximum = maximum
        self.above = above
        self.integer = integer
        self.to = to

    def __call__(self, c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
        number = c.number(
            value,
            path,
            minimum=self.minimum,
            maximum=self.maximum,
            above=self.above,
            integer=self.integer,
        )
        if number is None:
            return INVALID
        return number if self.to is None else self.to(number)


class Choice:
    """One of a fixed set of words, with the near match for a misspelling."""

    __slots__ = ("choices",)

    def __init__(self, choices: Sequence[str]) -> None:
        self.choices = tuple(choices)

    def __call__(self, c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
        chosen = c.choice(value, path, self.choices)
        return INVALID if chosen is None else chosen


class TextList:
    """A list of texts (a single text counts as a list of one), built into a tuple."""

    __slots__ = ("empty",)

    def __init__(self, *, empty: str | None = None) -> None:
        self.empty = empty  # the message when the list must hold at least one text

    def __call__(self, c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
        start = c.errors
        texts = c.text_list(value, path)
        if self.empty is not None and not texts:
            c.error(path, self.empty)
        return INVALID if c.errors > start else texts


def nonblank(c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
    """Text that is not blank."""
    checked = c.text(value, path)
    return INVALID if checked is None else checked


def any_text(c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
    """Text, which may be empty (free notes)."""
    checked = c.text(value, path, required=False)
    return INVALID if checked is None else checked


def slug_id(c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
    """An id: lowercase letters, digits, '-', '_' or '.'."""
    checked = c.slug(value, path)
    return INVALID if checked is None else checked


def true_false(c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
    """true or false (never YAML 1.1's yes/no/on/off)."""
    checked = c.boolean(value, path)
    return INVALID if checked is None else checked


def iso_date(c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
    """A calendar date written YYYY-MM-DD, kept as text."""
    checked = c.text(value, path)
    if checked is None:
        return INVALID
    if not valid_date(checked):
        c.error(path, f"expected a date as YYYY-MM-DD, found {checked!r}")
        return INVALID
    return checked


def valid_date(text: str) -> bool:
    if not ISO_DATE.match(text):
        return False
    import datetime

    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def spec_paths(kind: Kind, prefix: Path_ = ()) -> list[Path_]:
    """Every key a spec allows, as paths (list items and levels as 0, ids as "*"): for tests."""
    out: list[Path_] = []
    if isinstance(kind, Record):
        for key, field in kind.fields.items():
            out.append((*prefix, key))
            out.extend(spec_paths(field.kind, (*prefix, key)))
    elif isinstance(kind, ListOf | Levels):
        out.extend(spec_paths(kind.item, (*prefix, 0)))
    elif isinstance(kind, Keyed):
        out.extend(spec_paths(kind.item, (*prefix, *("*",) * kind.depth)))
    return out
