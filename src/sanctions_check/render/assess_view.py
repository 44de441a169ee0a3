"""The view of what `assess` prints when the interview ends: the summary of the case just saved,
where it is, how to revise it, and the bottom line last (what stays on screen is the answer)."""

from __future__ import annotations

from typing import NamedTuple

from sanctions_check.flow import Tally
from sanctions_check.render import report_view
from sanctions_check.render.report_view import Report
from sanctions_check.render.wording import assess as words
from sanctions_check.scoring import Assessment


class AssessSummary(NamedTuple):
    report: Report
    path: str  # the case file written
    saved: str  # where it is saved, and how much is answered
    next_steps: tuple[tuple[str, str], ...]  # (what, command): revise it, print it in full


def build(assessment: Assessment, path: str, tally: Tally) -> AssessSummary:
    """The closing summary of an interview whose answers are saved in ``path``."""
    return AssessSummary(
        report=report_view.build(assessment),
        path=path,
        saved=words.assess_tally(
            words.assess_saved_in(path), tally.answered, tally.questions, tally.rated, tally.risks
        ),
        next_steps=tuple(words.assess_next_steps(path)),
    )
