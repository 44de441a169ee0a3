"""Historical analogues: the coded episodes whose answers most resemble a case. Pure functions.

The distance compares two cases only where both have answers, so an unknown never makes two cases
look alike (or unlike). For each factor that enters the outlook (core and secondary; red flags
carry weight 0 and stay out, as they do of the outlook):

* ``S`` = the factor's questions answered with a level (0..4) in *both* cases; ``unknown``,
  ``n/a`` and unanswered questions are left out. A factor with no such question is not compared.
* each case's factor score over ``S`` alone: ``25 * sum(w_q * level_q) / sum(w_q)`` (0-100),
  ``w_q`` the framework's question weights; ``d`` = the absolute difference of the two scores.
* the factor's overlap ``o`` = question weight in ``S`` / the factor's whole question weight.

The distance is ``sum(W * o * d) / sum(W * o)`` over the compared factors (``W`` = the framework's
factor weight): 0 = the same levels on every question both answered, 100 = opposite ends of the
scale everywhere. The **overlap** ``sum(W * o) / sum(W)`` (0-1) says how much of the outlook's
weight the distance rests on. An analogue whose overlap is below the framework's ``min_coverage``
is *weak* and ranks after every analogue that is not; a case that answers less than that share
itself (its overlap with itself) can only have weak analogues, and the result says so.

Left out of the ranking: the case itself (same id, or the same file) and hypothetical cases.
Outcomes are shown beside each analogue and never enter the distance.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, Literal, NamedTuple

from sanctions_check import history

if TYPE_CHECKING:
    from sanctions_check.case import Case, Outcome, Verdict
    from sanctions_check.framework import Factor, Framework
    from sanctions_check.scoring import Assessment

PER_LEVEL = 25.0
MOST_DIFFERENT = 3  # factors shown as "differs most" for each analogue
NEAREST = 3  # analogues in a report's short section

# Why an episode of the library is not ranked: it is the case itself, or an invented one.
ExcludedReason = Literal["self", "hypothetical"]
SELF: Final = "self"
HYPOTHETICAL: Final = "hypothetical"


class FactorDifference(NamedTuple):
    """One factor compared between the case and an analogue, on the questions both answered."""

    factor_id: str
    name: str  # the factor's short label
    weight: float
    this: float  # the case's score over the shared questions, 0-100
    other: float  # the analogue's score over the same questions, 0-100
    shared: int  # questions answered with a level in both
    questions: int  # the factor's questions
    overlap: float  # shared question weight / the factor's question weight, 0-1

    @property
    def difference(self) -> float:
        return abs(self.other - self.this)


class Analogue(NamedTuple):
    """A past episode beside the case: how far its answers are, how it scored, how it ended."""

    case_id: str
    title: str
    file: str
    distance: float | None  # None: no question answered in both
    overlap: float  # share of the outlook's factor weight the distance rests on, 0-1
    threshold: float  # below this overlap the analogue is weak
    compared: tuple[FactorDifference, ...]  # in the framework's order
    outlook: float | None
    low: float
    high: float
    band: str | None  # band label
    band_id: str | None
    outcome: Outcome | None  # the sources' verdict, recorded after the fact; never in the distance
    purposes: tuple[tuple[str, Verdict], ...] = ()  # verdicts on the purposes the case pursues

    @property
    def verdict(self) -> Verdict | None:
        """The sources' overall verdict, None when no outcome is recorded."""
        return None if self.outcome is None else self.outcome.verdict

    @property
    def quote(self) -> str | None:
        return None if self.outcome is None else self.outcome.quote

    @property
    def weak(self) -> bool:
        return self.distance is None or self.overlap < self.threshold

    @property
    def comparable(self) -> bool:
        return self.distance is not None

    @property
    def differs_most(self) -> tuple[FactorDifference, ...]:
        """The factors where the two cases differ most (ties: heavier factor first)."""
        ranked = sorted(
            (f for f in self.compared if round(f.difference, 1) > 0),
            key=lambda f: (-f.difference, -f.weight),
        )
        return tuple(ranked[:MOST_DIFFERENT])


class Excluded(NamedTuple):
    case_id: str
    file: str
    reason: ExcludedReason


class Similarity(NamedTuple):
    """The ranked analogues of one case."""

    case_id: str
    title: str
    file: str
    hypothetical: bool
    answered: float  # the case's overlap with itself: the most any analogue can share, 0-1
    threshold: float  # the framework's min_coverage
    analogues: tuple[Analogue, ...]  # comparable ones, ranked: not weak first, then by distance
    not_comparable: tuple[Analogue, ...]  # no question answered in both
    excluded: tuple[Excluded, ...]
    library_size: int
    framework: Framework

    @property
    def weak(self) -> bool:
        """Too little of the case is answered for any analogue to be more than weak."""
        return self.answered < self.threshold

    @property
    def strong(self) -> tuple[Analogue, ...]:
        return tuple(a for a in self.analogues if not a.weak)

    def nearest(self, k: int) -> Similarity:
        """The same result keeping only the first ``k`` analogues."""
        return self._replace(analogues=self.analogues[:k], not_comparable=())


def _levels(case: Case, factor: Factor) -> dict[str, float]:
    given = case.answers.get(factor.id, {})
    out = {}
    for question in factor.questions:
        answer = given.get(question.id)
        level = history.numeric(answer.score) if answer is not None else None
        if level is not None:
            out[question.id] = level
    return out


def compare_factors(framework: Framework, this: Case, other: Case) -> tuple[FactorDifference, ...]:
    """Every outlook factor both cases answered at least one same question of, in order."""
    out = []
    for factor in framework.factors:
        if not factor.scored or factor.weight <= 0:
            continue
        mine, theirs = _levels(this, factor), _levels(other, factor)
        shared = [q for q in factor.questions if q.id in mine and q.id in theirs]
        total = sum(q.weight for q in factor.questions)
        weight = sum(q.weight for q in shared)
        if not shared or weight <= 0 or total <= 0:
            continue
        out.append(
            FactorDifference(
                factor_id=factor.id,
                name=factor.label,
                weight=factor.weight,
                this=PER_LEVEL * sum(q.weight * mine[q.id] for q in shared) / weight,
                other=PER_LEVEL * sum(q.weight * theirs[q.id] for q in shared) / weight,
                shared=len(shared),
                questions=len(factor.questions),
                overlap=weight / total,
            )
        )
    return tuple(out)


def distance(
    framework: Framework, compared: Sequence[FactorDifference]
) -> tuple[float | None, float]:
    """The weighted distance (0-100, None when nothing is compared) and its overlap (0-1)."""
    total = sum(f.weight for f in framework.factors if f.scored and f.weight > 0)
    mass = sum(f.weight * f.overlap for f in compared)
    if mass <= 0 or total <= 0:
        return None, 0.0
    return sum(f.weight * f.overlap * f.difference for f in compared) / mass, mass / total


def answered_share(framework: Framework, case: Case) -> float:
    """How much of the outlook's weight a case answers: its overlap with itself (0-1)."""
    return distance(framework, compare_factors(framework, case, case))[1]


def _analogue(framework: Framework, this: Case, other: Assessment) -> Analogue:
    compared = compare_factors(framework, this, other.case)
    dist, overlap = distance(framework, compared)
    outlook = other.outlook
    band = outlook.band
    return Analogue(
        case_id=other.case.header.id,
        title=other.case.header.title,
        file=other.case.source,
        distance=dist,
        overlap=overlap,
        threshold=framework.min_coverage,
        compared=compared,
        outlook=outlook.score,
        low=outlook.low,
        high=outlook.high,
        band=None if band is None else band.label,
        band_id=None if band is None else band.id,
        outcome=other.case.outcome,
        purposes=_purpose_verdicts(this, other.case),
    )


def _purpose_verdicts(this: Case, other: Case) -> tuple[tuple[str, Verdict], ...]:
    """The episode's verdict on each purpose the case pursues, where its sources give one."""
    if other.outcome is None:
        return ()
    given = other.outcome.by_purpose
    return tuple((p, given[p]) for p in this.header.purpose if p in given)


def similar(assessment: Assessment, library: Sequence[Assessment]) -> Similarity:
    """Rank the library's episodes by their distance from the assessed case."""
    framework = assessment.framework
    case = assessment.case
    ranked: list[Analogue] = []
    apart: list[Analogue] = []
    excluded: list[Excluded] = []
    for other in library:
        header = other.case.header
        if header.id == case.header.id or history.same_file(other.case.source, case.source):
            excluded.append(Excluded(case_id=header.id, file=other.case.source, reason=SELF))
            continue
        if header.hypothetical:
            excluded.append(
                Excluded(case_id=header.id, file=other.case.source, reason=HYPOTHETICAL)
            )
            continue
        analogue = _analogue(framework, case, other)
        (ranked if analogue.comparable else apart).append(analogue)
    ranked.sort(key=lambda a: (a.weak, round(a.distance or 0.0, 9), -a.overlap, a.case_id))
    apart.sort(key=lambda a: a.case_id)
    return Similarity(
        case_id=case.header.id,
        title=case.header.title,
        file=case.source,
        hypothetical=case.header.hypothetical,
        answered=answered_share(framework, case),
        threshold=framework.min_coverage,
        analogues=tuple(ranked),
        not_comparable=tuple(apart),
        excluded=tuple(excluded),
        library_size=len(library),
        framework=framework,
    )


def nearest(assessment: Assessment, library: Sequence[Assessment], k: int = NEAREST) -> Similarity:
    """The ``k`` nearest analogues (weak ones only when there are not ``k`` others)."""
    return similar(assessment, library).nearest(k)
