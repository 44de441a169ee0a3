"""The placement of one outlook among the coded past episodes, as every output shows it.

One view, built once from the core result (``placement.Placement``), read by the bottom line,
the report in every format, the brief and `assess`'s summary; `score` carries the same facts in
its rows (``batch.ScoreRow.placement``). Figures are whole numbers (the outlooks as printed, the
differences); every count printed is the length of the list beside it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sanctions_check.numbers import whole, whole_or_none
from sanctions_check.placement import (
    CASE_NO_OUTLOOK,
    LEFT_OUT_REASONS,
    NO_EPISODES,
    PLACED,
    LeftOutReason,
    Placement,
    Reference,
    Status,
)
from sanctions_check.render.wording import common
from sanctions_check.render.wording import placement as words

if TYPE_CHECKING:
    from sanctions_check.case import Verdict
    from sanctions_check.scoring import Assessment


class NeighbourView(NamedTuple):
    """One of the episodes nearest to the case by outlook."""

    id: str
    title: str
    file: str  # base name
    outlook: int
    difference: int  # the outlooks' absolute difference, whole
    verdict: Verdict
    verdict_text: str


class VerdictCount(NamedTuple):
    """How many of the nearest episodes the sources judged so, and which."""

    verdict: Verdict
    number: int
    ids: tuple[str, ...]


class LeftOutGroup(NamedTuple):
    """The library's episodes that are not counted as past episodes, for one reason."""

    reason: LeftOutReason
    label: str
    ids: tuple[str, ...]


class PlacementView(NamedTuple):
    """Where the outlook stands among the library's coded past episodes (``status`` placed), or
    why it is not placed (no outlook of its own; no other episode)."""

    status: Status
    outlook: int | None  # the case's outlook as printed
    among: tuple[str, ...]  # the episodes it is placed among
    episodes_lower: tuple[str, ...]  # episodes whose outlook is lower: the case is higher
    episodes_level: tuple[str, ...]  # the same whole-number outlook
    episodes_higher: tuple[str, ...]
    nearest: tuple[NeighbourView, ...]  # nearest first
    verdicts: tuple[VerdictCount, ...]  # of the nearest, every verdict in order
    itself: bool  # the case is one of the library's episodes, left out of its own placement
    left_out: tuple[LeftOutGroup, ...]
    bundled: bool  # the library is the bundled examples
    text: str  # the counts and the nearest verdicts with their ids, or why it is not placed
    short: str  # the same without the ids, for the bottom line
    outlooks_text: str | None  # the nearest episodes' outlooks
    library_text: str
    left_out_text: str | None
    nearest_rule: str | None
    caveat: str


class PlacementChange(NamedTuple):
    """Two assessments of one case, each placed among the same library (`compare`): the counts
    on each side, and the full placement of each in JSON."""

    old: PlacementView
    new: PlacementView
    changed: bool  # the counts a reader sees differ
    text: str
    caveat: str


def counts_text(view: PlacementView) -> str:
    """The lower / level / higher sentence of a placed view, or why it is not placed."""
    if view.status != PLACED:
        return view.short
    return words.counts(
        len(view.among),
        len(view.episodes_lower),
        len(view.episodes_level),
        len(view.episodes_higher),
    )


def change(old: PlacementView, new: PlacementView) -> PlacementChange:
    """What `compare` shows of the two placements."""
    before, after = counts_text(old), counts_text(new)
    return PlacementChange(
        old=old,
        new=new,
        changed=before != after,
        text=words.compare_line(before, after, before != after),
        caveat=new.caveat,
    )


def of(assessment: Assessment, library: Reference, *, bundled: bool) -> PlacementView:
    """The view of one assessment placed among a library's members."""
    from sanctions_check.placement import place_assessment

    return build(place_assessment(assessment, library), bundled=bundled)


def build(result: Placement, *, bundled: bool) -> PlacementView:
    """The view of one placement; ``bundled`` says whether the library is the bundled examples."""
    nearest = tuple(
        NeighbourView(
            id=n.case_id,
            title=n.title,
            file=Path(n.file).name,
            outlook=whole(n.outlook),
            difference=whole(n.difference),
            verdict=n.verdict,
            verdict_text=common.verdict_text(n.verdict),
        )
        for n in result.nearest
    )
    verdicts = tuple(
        VerdictCount(verdict=v, number=len(ids), ids=ids) for v, ids in result.verdicts().items()
    )
    groups = tuple(
        LeftOutGroup(reason=reason, label=words.LEFT_OUT[reason], ids=ids)
        for reason in LEFT_OUT_REASONS
        if (ids := tuple(e.case_id for e in result.left_out if e.reason == reason))
    )
    among = len(result.among)
    counted = [(v.verdict, v.number, v.ids) for v in verdicts]
    if result.status == CASE_NO_OUTLOOK:
        text = short = words.NO_FACTOR if result.outlook is None else words.NO_OUTLOOK
    elif result.status == NO_EPISODES:
        text = short = words.NO_EPISODES
    else:
        counts = words.counts(among, len(result.lower), len(result.level), len(result.higher))
        text = f"{counts} {words.nearest(len(nearest), counted)}"
        short = words.short(
            among, len(result.lower), len(result.level), len(result.higher), len(nearest), counted
        )
    return PlacementView(
        status=result.status,
        outlook=whole_or_none(result.outlook),
        among=result.among,
        episodes_lower=result.lower,
        episodes_level=result.level,
        episodes_higher=result.higher,
        nearest=nearest,
        verdicts=verdicts,
        itself=bool(result.itself),
        left_out=groups,
        bundled=bundled,
        text=text,
        short=short,
        outlooks_text=words.outlooks([(n.id, n.outlook) for n in nearest]) if nearest else None,
        library_text=words.library(bundled, among, bool(result.itself)),
        left_out_text=words.left_out([(g.reason, g.ids) for g in groups]) if groups else None,
        nearest_rule=words.NEAREST_RULE if nearest else None,
        caveat=words.CAVEAT,
    )
