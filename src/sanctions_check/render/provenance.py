"""Where a view comes from, as every JSON schema names it: the framework, the tool, the time.

Small and shared, so that a view needing only these (`score`, `similar`, `backtest`, `panel`)
builds none of the report's classes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, NamedTuple

from sanctions_check import __version__
from sanctions_check.errors import UsageError

if TYPE_CHECKING:
    from sanctions_check.framework import Framework


class FrameworkId(NamedTuple):
    """The framework a result was scored against: its id, version and the file's SHA-256."""

    id: str
    version: str
    sha256: str


class FrameworkRef(NamedTuple):
    """The same, with its title (the report and the comparison print it)."""

    id: str
    version: str
    title: str
    sha256: str


class ToolRef(NamedTuple):
    name: str
    version: str


def framework_id(fw: Framework) -> FrameworkId:
    return FrameworkId(id=fw.id, version=fw.version, sha256=fw.sha256)


def framework_ref(fw: Framework) -> FrameworkRef:
    return FrameworkRef(id=fw.id, version=fw.version, title=fw.title, sha256=fw.sha256)


def tool_ref() -> ToolRef:
    return ToolRef(name="sanctions-check", version=__version__)


def generated_at(env: Mapping[str, str] | None = None) -> datetime:
    """A view's time: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else the clock."""
    env = os.environ if env is None else env
    raw = env.get("SOURCE_DATE_EPOCH")
    if raw is None or raw.strip() == "":
        return datetime.now(UTC).replace(microsecond=0)
    try:
        seconds = int(raw.strip())
        return datetime.fromtimestamp(seconds, UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 "
            f"UTC, found {raw!r}"
        ) from None


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
