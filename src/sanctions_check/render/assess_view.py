"""The view of what `assess` prints when the interview ends: the summary of the case just saved,
where it is, how to revise it, and the bottom line last (what stays on screen is the answer)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from sanctions_check.flow import Tally
from sanctions_check.render import report_view
from sanctions_check.render.report_view import Report
from sanctions_check.render.wording import assess as words
from sanctions_check.scoring import Assessment

if TYPE_CHECKING:
    from sanctions_check.placement import Reference


class AssessSummary(NamedTuple):
    report: Report
    path: str  # the case file written
    saved: str  # where it is saved, and how much is answered
    next_steps: tuple[tuple[str, str], ...]  # (what, command): revise it, print it in full


def build(
    assessment: Assessment,
    path: str,
    tally: Tally,
    library: Reference | None = None,
    bundled: bool = True,
) -> AssessSummary:
    """The closing summary of an interview whose answers are saved in ``path``, its outlook
    placed among ``library``'s coded past episodes when one was read."""
    from sanctions_check.render import placement_view

    placed = None if library is None else placement_view.of(assessment, library, bundled=bundled)
    return AssessSummary(
        report=report_view.build(assessment, placement=placed, bundled_library=bundled),
        path=path,
        saved=words.assess_tally(
            words.assess_saved_in(path), tally.answered, tally.questions, tally.rated, tally.risks
        ),
        next_steps=tuple(words.assess_next_steps(path)),
    )
