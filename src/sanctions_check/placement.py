"""Where an outlook stands among the coded past episodes of a library. Pure; nothing is fitted.

The outlook orders past episodes informatively, but its bands cannot tell most of them apart; a
reader learns more from how many coded episodes score below, level with and above a case, and
from what the sources concluded about the episodes nearest to it. This module says exactly that
and nothing more: it reads the episodes' outcomes only to report them, never to weigh anything.

**The library's members** (:func:`reference`) are the episodes of a library (`history.load`,
which already counts each episode once: of several files of one case id, the first in path order)
that are

* real: a hypothetical case is not a past episode;
* judged: their file records the sources' verdict (``outcome``); a real case without one is a
  current assessment, not a past episode;
* scored: at least one question answered, so the outlook is their own and not neutral values
  alone (an outlook of None, where no factor applies, has nothing to place);
* within the framework's definition of targeted sanctions: an episode whose scope mark the
  framework declares ``outside_definition`` (an arms embargo alone) is coded for comparison only,
  and its verdict is not one on targeted sanctions. A threat-only episode is within it.

Every other episode is listed as left out, with its reason.

**Placing a case** (:func:`place`) leaves out the member with the case's id (an episode of the
library is placed among the others; the same file has the same id), then counts the members whose
outlook, as the whole number a reader sees, is lower than, level with or higher than the case's.
The ``NEAREST`` nearest by outlook are the members with the smallest absolute difference between
the exact outlooks (to six decimals); ties go to the lower case id, then the file, in alphabetical
order. Their verdicts are counted per verdict, each count with its ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, Literal, NamedTuple

from sanctions_check.numbers import whole

if TYPE_CHECKING:
    from sanctions_check.case import Verdict
    from sanctions_check.scoring import Assessment

NEAREST = 5  # the nearest members by outlook whose verdicts a placement counts
TIE_DIGITS = 6  # two differences equal to this many decimals are a tie

# Why an episode of a library is not one of its members.
LeftOutReason = Literal["hypothetical", "no-outcome", "no-outlook", "out-of-scope"]
HYPOTHETICAL: Final = "hypothetical"
NO_OUTCOME: Final = "no-outcome"
NO_OUTLOOK: Final = "no-outlook"
OUT_OF_SCOPE: Final = "out-of-scope"
LEFT_OUT_REASONS: tuple[LeftOutReason, ...] = (HYPOTHETICAL, NO_OUTCOME, NO_OUTLOOK, OUT_OF_SCOPE)

# Whether a case could be placed: it has an outlook of its own and the library a member to
# compare it with.
Status = Literal["placed", "no-outlook", "no-episodes"]
PLACED: Final = "placed"
CASE_NO_OUTLOOK: Final = "no-outlook"
NO_EPISODES: Final = "no-episodes"


class Member(NamedTuple):
    """A coded past episode of the library: its exact outlook and the sources' verdict."""

    case_id: str
    title: str
    file: str
    outlook: float
    verdict: Verdict


class LeftOut(NamedTuple):
    case_id: str
    file: str
    reason: LeftOutReason


class Reference(NamedTuple):
    """A library as placement reads it: built once per command, small enough to hand to every
    worker of a batch."""

    members: tuple[Member, ...]  # in id order
    left_out: tuple[LeftOut, ...]  # in id order


class Neighbour(NamedTuple):
    """One of the members nearest to a case by outlook."""

    case_id: str
    title: str
    file: str
    outlook: float
    verdict: Verdict
    difference: float  # the absolute difference of the exact outlooks


class Placement(NamedTuple):
    """One outlook among a library's members (every count is the length of its list)."""

    status: Status
    outlook: float | None  # the case's exact outlook
    among: tuple[str, ...]  # ids of the members it is placed among (the case itself left out)
    lower: tuple[str, ...]  # members whose whole-number outlook is below the case's
    level: tuple[str, ...]  # equal to it
    higher: tuple[str, ...]  # above it
    nearest: tuple[Neighbour, ...]  # the K nearest by outlook, nearest first
    itself: tuple[str, ...]  # files of the library left out as the case itself
    left_out: tuple[LeftOut, ...]  # the library's episodes that are not members

    def verdicts(self) -> dict[Verdict, tuple[str, ...]]:
        """The nearest members' ids by verdict, every verdict present (an empty tuple: none)."""
        from sanctions_check.case import VERDICTS

        return {v: tuple(n.case_id for n in self.nearest if n.verdict == v) for v in VERDICTS}


def has_outlook(assessment: Assessment) -> bool:
    """An outlook of its own: one exists and rests on at least one answered question."""
    outlook = assessment.outlook
    return outlook.score is not None and outlook.coverage > 0


def reference(library: Sequence[Assessment]) -> Reference:
    """The members of a scored library, and why each other episode is not one."""
    from sanctions_check.history import out_of_scope

    members: list[Member] = []
    left: list[LeftOut] = []
    for result in library:
        case = result.case
        header = case.header
        reason: LeftOutReason | None = None
        if header.hypothetical:
            reason = HYPOTHETICAL
        elif case.outcome is None:
            reason = NO_OUTCOME
        elif not has_outlook(result):
            reason = NO_OUTLOOK
        elif out_of_scope(result):
            reason = OUT_OF_SCOPE
        if reason is not None:
            left.append(LeftOut(case_id=header.id, file=case.source, reason=reason))
            continue
        assert case.outcome is not None and result.outlook.score is not None
        members.append(
            Member(
                case_id=header.id,
                title=header.title,
                file=case.source,
                outlook=result.outlook.score,
                verdict=case.outcome.verdict,
            )
        )
    members.sort(key=lambda m: (m.case_id, m.file))
    left.sort(key=lambda e: (e.case_id, e.file))
    return Reference(tuple(members), tuple(left))


def place(
    outlook: float | None,
    case_id: str,
    library: Reference,
    *,
    scored: bool = True,
    k: int = NEAREST,
) -> Placement:
    """Place one outlook among the library's members, the case itself left out.

    ``scored`` False says the outlook rests on no answer at all (neutral values alone): such a
    case is not placed, as such an episode is not a member.
    """
    itself = tuple(m.file for m in library.members if m.case_id == case_id)
    others = [m for m in library.members if m.case_id != case_id]
    status: Status = PLACED
    if outlook is None or not scored:
        status = CASE_NO_OUTLOOK
    elif not others:
        status = NO_EPISODES
    if status != PLACED or outlook is None:
        return Placement(
            status=status,
            outlook=outlook,
            among=tuple(m.case_id for m in others),
            lower=(),
            level=(),
            higher=(),
            nearest=(),
            itself=itself,
            left_out=library.left_out,
        )
    shown = whole(outlook)
    ranked = sorted(
        others, key=lambda m: (round(abs(m.outlook - outlook), TIE_DIGITS), m.case_id, m.file)
    )
    return Placement(
        status=PLACED,
        outlook=outlook,
        among=tuple(m.case_id for m in others),
        lower=tuple(m.case_id for m in others if whole(m.outlook) < shown),
        level=tuple(m.case_id for m in others if whole(m.outlook) == shown),
        higher=tuple(m.case_id for m in others if whole(m.outlook) > shown),
        nearest=tuple(
            Neighbour(
                case_id=m.case_id,
                title=m.title,
                file=m.file,
                outlook=m.outlook,
                verdict=m.verdict,
                difference=abs(m.outlook - outlook),
            )
            for m in ranked[:k]
        ),
        itself=itself,
        left_out=library.left_out,
    )


def place_assessment(assessment: Assessment, library: Reference, k: int = NEAREST) -> Placement:
    """Place a scored case among the library's members (:func:`place`)."""
    case = assessment.case
    return place(
        assessment.outlook.score,
        case.header.id,
        library,
        scored=has_outlook(assessment),
        k=k,
    )


class NearestRow(NamedTuple):
    """One of the nearest episodes as a `score` row carries it."""

    id: str
    outlook: int  # as printed
    verdict: Verdict


class PlacedRow(NamedTuple):
    """A placement as one `score` row carries it: the lists and whole outlooks, no sentence."""

    status: Status
    episodes_lower: tuple[str, ...]  # ids of the episodes scoring lower than the case
    episodes_level: tuple[str, ...]
    episodes_higher: tuple[str, ...]
    nearest: tuple[NearestRow, ...]  # nearest first

    @property
    def among(self) -> int:
        return len(self.episodes_lower) + len(self.episodes_level) + len(self.episodes_higher)

    def nearest_with(self, verdict: str) -> int:
        return sum(1 for n in self.nearest if n.verdict == verdict)


def row(result: Placement) -> PlacedRow:
    """The compact form of a placement for a `score` row."""
    return PlacedRow(
        status=result.status,
        episodes_lower=result.lower,
        episodes_level=result.level,
        episodes_higher=result.higher,
        nearest=tuple(
            NearestRow(id=n.case_id, outlook=whole(n.outlook), verdict=n.verdict)
            for n in result.nearest
        ),
    )
