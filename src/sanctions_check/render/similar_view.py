"""The view of `similar`: the ranked analogues of one case, every figure rounded once and every
sentence attached, read by the terminal, Markdown and JSON (schema ``similar@3``).

Rounding, as everywhere a person reads a figure: distances, outlooks and factor scores are whole
numbers (half up); overlaps and shares are whole percents kept as fractions (``numbers.share``);
a factor's difference is the difference of the two whole scores printed beside it. Weights and
the threshold are the framework's own, as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from sanctions_check.analogues import Analogue, ExcludedReason, FactorDifference, Similarity
from sanctions_check.case import Outcome, Verdict
from sanctions_check.numbers import share, whole, whole_or_none
from sanctions_check.render.provenance import FrameworkId, ToolRef, framework_id, tool_ref
from sanctions_check.render.wording import common
from sanctions_check.render.wording import history as words
from sanctions_check.textsafe import one_line

SCHEMA = "sanctions-check/similar@3"


class CaseRef(NamedTuple):
    id: str
    title: str
    file: str
    hypothetical: bool
    answered: float  # the case's own overlap: the most any analogue can share, 0-1


class OutlookFigures(NamedTuple):
    score: int | None
    low: int
    high: int
    band: str | None  # band id
    band_label: str | None


class FactorCompared(NamedTuple):
    """One factor compared, on the questions both answered."""

    factor: str  # its id
    name: str
    weight: float
    this: int  # the case's score over the shared questions, 0-100
    other: int  # the episode's, over the same questions
    difference: int  # of the two whole scores
    shared_questions: int
    questions: int
    overlap: float  # shared question weight / the factor's question weight


class AnalogueRow(NamedTuple):
    rank: int
    id: str
    title: str
    file: str
    distance: int | None  # 0-100; None when no question is answered in both
    overlap: float
    weak: bool
    outlook: OutlookFigures
    verdict: Verdict | None
    purpose_verdicts: Mapping[str, Verdict]  # purpose id -> verdict, for the case's purposes
    outcome: Outcome | None  # the block as the episode's file records it
    differs_most: tuple[str, ...]  # factor ids
    factors: tuple[FactorCompared, ...]
    distance_text: str
    overlap_text: str  # '62%', or '38% weak'
    outlook_text: str  # 'Guarded 48'
    verdict_text: str
    line: str  # who it is, where it differs most, its verdicts and quote


class EpisodeRef(NamedTuple):
    id: str
    title: str
    file: str


class ExcludedView(NamedTuple):
    id: str
    file: str
    reason: ExcludedReason


class Notice(NamedTuple):
    text: str
    warning: bool


class AnalogueGroup(NamedTuple):
    """The comparable analogues, or the weak ones, under a heading that says why they rank
    where they do; ``ranks`` name the rows of ``SimilarView.analogues``."""

    weak: bool
    heading: str
    ranks: tuple[int, ...]


class SimilarView(NamedTuple):
    schema: str
    case: CaseRef
    threshold: float  # the framework's min_coverage: overlap below it is weak
    weak: bool  # the case itself answers less than the threshold
    method: str
    caveat: str
    library_size: int  # cases read from the library, before leaving any out
    analogues: tuple[AnalogueRow, ...]  # comparable ones: not weak first, then by distance
    groups: tuple[AnalogueGroup, ...]  # the rows not weak, then the weak ones: each non-empty
    differs_explained: str  # why this case's figure beside each episode's changes from row to row
    not_comparable: tuple[EpisodeRef, ...]  # no question answered in both
    excluded: tuple[ExcludedView, ...]
    framework: FrameworkId
    tool: ToolRef
    heading: str
    notices: tuple[Notice, ...]  # above the table
    footer: tuple[str, ...]  # below it


def _factor(f: FactorDifference) -> FactorCompared:
    this, other = whole(f.this), whole(f.other)
    return FactorCompared(
        factor=f.factor_id,
        name=f.name,
        weight=f.weight,
        this=this,
        other=other,
        difference=abs(other - this),
        shared_questions=f.shared,
        questions=f.questions,
        overlap=share(f.overlap),
    )


def _line(rank: int, a: Analogue) -> str:
    differences = [
        words.difference_on(f.name, f.this, f.other, f.shared, f.questions) for f in a.differs_most
    ]
    line = words.differs_text(rank, a.case_id, one_line(a.title), differences)
    if a.purposes:
        line += " " + words.purpose_verdicts_text(list(a.purposes))
    if a.quote:
        line += " " + words.quote_text(one_line(a.quote))
    return line


def _under(a: Analogue) -> float | None:
    """The threshold, for a weak analogue whose whole percent would read as reaching it (49.6%
    as 50%, under a heading that says "under 50%"); else None."""
    if a.weak and a.comparable and whole(a.overlap * 100) >= whole(a.threshold * 100):
        return a.threshold
    return None


def _analogue(rank: int, a: Analogue) -> AnalogueRow:
    score = whole_or_none(a.outlook)
    return AnalogueRow(
        rank=rank,
        id=a.case_id,
        title=a.title,
        file=a.file,
        distance=whole_or_none(a.distance),
        overlap=share(a.overlap),
        weak=a.weak,
        outlook=OutlookFigures(
            score=score, low=whole(a.low), high=whole(a.high), band=a.band_id, band_label=a.band
        ),
        verdict=a.verdict,
        purpose_verdicts=dict(a.purposes),
        outcome=a.outcome,
        differs_most=tuple(f.factor_id for f in a.differs_most),
        factors=tuple(_factor(f) for f in a.compared),
        distance_text=common.number(a.distance),
        overlap_text=words.overlap_cell(a.overlap, a.weak, _under(a)),
        outlook_text=words.outlook_cell(a.band, score),
        verdict_text=common.verdict_or_none(a.verdict),
        line=_line(rank, a),
    )


def _notices(result: Similarity) -> tuple[Notice, ...]:
    notes = [Notice(words.similar_answered(result.answered), False)]
    if result.weak:
        notes.append(Notice(words.similar_weak_case(result.answered, result.threshold), True))
    elif result.analogues and not result.strong:
        notes.append(Notice(words.similar_no_strong(result.threshold), True))
    if not result.analogues:
        notes.append(Notice(words.SIMILAR_NONE, True))
    return tuple(notes)


def _footer(result: Similarity) -> tuple[str, ...]:
    lines = []
    if result.not_comparable:
        lines.append(words.similar_not_comparable([a.case_id for a in result.not_comparable]))
    if result.excluded:
        lines.append(
            words.left_out([words.excluded_text(e.case_id, e.reason) for e in result.excluded])
        )
    lines += [words.SIMILAR_METHOD, words.SIMILAR_CAVEAT]
    return tuple(lines)


def _groups(rows: tuple[AnalogueRow, ...], threshold: float) -> tuple[AnalogueGroup, ...]:
    strong = tuple(row.rank for row in rows if not row.weak)
    weak = tuple(row.rank for row in rows if row.weak)
    groups = []
    if strong:
        groups.append(AnalogueGroup(False, words.strong_heading(threshold), strong))
    if weak:
        groups.append(AnalogueGroup(True, words.weak_heading(threshold, bool(strong)), weak))
    return tuple(groups)


def build(result: Similarity) -> SimilarView:
    rows = tuple(_analogue(rank, a) for rank, a in enumerate(result.analogues, start=1))
    return SimilarView(
        schema=SCHEMA,
        case=CaseRef(
            id=result.case_id,
            title=result.title,
            file=result.file,
            hypothetical=result.hypothetical,
            answered=share(result.answered),
        ),
        threshold=result.threshold,
        weak=result.weak,
        method=words.SIMILAR_METHOD,
        caveat=words.SIMILAR_CAVEAT,
        library_size=result.library_size,
        analogues=rows,
        groups=_groups(rows, result.threshold),
        differs_explained=words.DIFFERS_EXPLAINED,
        not_comparable=tuple(
            EpisodeRef(id=a.case_id, title=a.title, file=a.file) for a in result.not_comparable
        ),
        excluded=tuple(
            ExcludedView(id=e.case_id, file=e.file, reason=e.reason) for e in result.excluded
        ),
        framework=framework_id(result.framework),
        tool=tool_ref(),
        heading=words.similar_heading(one_line(result.title), result.case_id),
        notices=_notices(result),
        footer=_footer(result),
    )
