"""Versions of one case in a batch, told apart wherever their id is shown.

A panel's folder holds several analysts' files of one case, and a case may be revisited as of a
later date: each file is a version, scored and shown on its own. The id alone would make such rows
look like one case shown twice, so each version's id is shown with what tells it apart from the
others: its analyst when the versions' analysts differ, its as_of date when their dates differ,
or both. An id that no other file of the batch has is shown alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, Protocol

from sanctions_check.batch import analyst_key
from sanctions_check.render.wording import score as words


class Versioned(Protocol):
    """A row of a batch: its file and what makes it a version of its case."""

    @property
    def file(self) -> str: ...

    @property
    def id(self) -> str: ...

    @property
    def analyst(self) -> str | None: ...

    @property
    def as_of(self) -> str | None: ...


class Shown(NamedTuple):
    """How one file's case is named: its id, and what tells it apart from other versions."""

    label: str  # the id, or 'id (analyst, as of date)'
    versions: int  # files of the batch with this id (1: no other version)


def shown(rows: Iterable[Versioned]) -> dict[str, Shown]:
    """Each file's case id as shown, with the analyst or date beside it for versions of one id."""
    groups: dict[str, list[Versioned]] = {}
    for row in rows:
        groups.setdefault(row.id, []).append(row)
    out: dict[str, Shown] = {}
    for case_id, group in groups.items():
        if len(group) == 1:
            out[group[0].file] = Shown(case_id, 1)
            continue
        by_analyst = len({analyst_key(row.analyst) for row in group}) > 1
        by_date = len({row.as_of or "" for row in group}) > 1
        for row in group:
            parts = []
            if by_analyst:
                name = " ".join((row.analyst or "").split())
                parts.append(name or words.ANALYST_NOT_NAMED)
            if by_date:
                parts.append(words.as_of_text(row.as_of))
            out[row.file] = Shown(words.versioned_id(case_id, parts), len(group))
    return out
