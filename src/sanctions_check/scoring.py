"""Transparent, deterministic scoring: pure functions from (framework, case) to an Assessment.

The arithmetic is deliberately simple so that an analyst can redo it by hand:

* a question is answered with any number from 0 to 4 (a pooled panel gives half levels), or
  ``unknown``, or ``n/a`` (the question does not apply to these measures), or left unanswered;
* a factor's point score is the weighted mean of its applicable questions, as 0-100, where an
  unknown or unanswered question counts as its neutral value (the scale's midpoint, 2, unless the
  framework states another with its reason); answering at that value leaves the score unchanged;
* the factor's range puts every unknown or unanswered question at 0 and at 4; ``n/a`` questions
  are left out of the factor altogether, and a factor whose questions are all ``n/a`` is left out
  of the outlook;
* the outlook is the weighted mean of the applicable core and secondary factors, with the range
  of their ranges; its band comes from the framework, and gates cap the band when a core factor is
  very weak. A gate the range cannot rule out is reported as unresolved;
* the band is given only when it is earned: enough of the questions an outside analyst can answer
  are answered, and every applicable core factor has an informative answer. Otherwise it is
  withheld, with the reasons, and the point, range and coverage stand alone;
* red flags and risks are shown beside the outlook, never silently subtracted from it. A risk is
  rated when both its sides are known; with a side unknown, or left out of the file, it is open.

The results are typed named tuples, like the case and framework models they are computed from:
immutable, checked by mypy, and several times cheaper to define than frozen dataclasses, which
every start-up of ``score`` would pay for. Derived facts are properties.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

from sanctions_check.case import NOT_APPLICABLE, Case, Confidence, RiskAnswer, Score
from sanctions_check.framework import Band, Factor, FactorKind, Framework, Gate, Question, RiskBand
from sanctions_check.numbers import share, whole

MAX_LEVEL = 4
MIDPOINT = MAX_LEVEL / 2
PER_LEVEL = 100 / MAX_LEVEL
LOW_CONFIDENCE: Final = "low"
MAX_LEVERS = 5
MAX_RISK = MAX_LEVEL * MAX_LEVEL

# A gate on one factor: closed (the point score is below it, so it caps the band) or unresolved
# (only the range reaches below it: more answers would settle it).
GateStatus = Literal["closed", "unresolved"]
CLOSED: Final = "closed"
UNRESOLVED: Final = "unresolved"

# A red flag: raised (assessed, its point score at the threshold or above), clear (even its range
# stays below the threshold) or not assessed (too little is answered to rule it out).
FlagStatus = Literal["raised", "clear", "not-assessed"]
RAISED: Final = "raised"
CLEAR: Final = "clear"
FLAG_NOT_ASSESSED: Final = "not-assessed"

# Why a core factor limits the outlook: no applicable question of it is answered yet, a gate on it
# is closed, or it is the weakest assessed core factor. Its "not-assessed" is a factor with no
# answer at all, where a red flag's is one not ruled out: the same word, a different test, so each
# has its own name here (the JSON has always spelt both "not-assessed").
LimitReason = Literal["not-assessed", "gate", "weakest"]
FACTOR_NOT_ASSESSED: Final = "not-assessed"
GATE: Final = "gate"
WEAKEST: Final = "weakest"

# Something the assessment does not know, where more work would narrow the range. A low-confidence
# gap is an answer given as a level, or a risk with a side rated, whose confidence is low; an open
# risk is one with a side unknown or not rated, or left out of the file.
GapKind = Literal["unknown", "unanswered", "low-confidence", "risk-open", "gate-unresolved"]
UNKNOWN_GAP: Final = "unknown"
UNANSWERED: Final = "unanswered"
LOW_CONFIDENCE_GAP: Final = "low-confidence"
RISK_OPEN: Final = "risk-open"
GATE_UNRESOLVED: Final = "gate-unresolved"

# Why no band is given: too few of the questions an outside analyst can answer are answered, or
# an applicable core factor has no informative answer (every question unknown or not answered).
WithheldReason = Literal["coverage", "uninformed-core"]
LOW_COVERAGE: Final = "coverage"
UNINFORMED_CORE: Final = "uninformed-core"


def level(value: object) -> float | None:
    """An answer's level when it counts as answered: any real number 0-4, never a bool."""
    kind = type(value)
    if kind is int or kind is float:  # never bool, whose type is bool
        return float(value)  # type: ignore[arg-type]  # narrowed by the type check above
    return None


def neutral(question: Question) -> float:
    """The level an unknown or unanswered question counts as in the point score."""
    return float(question.neutral)


class FactorResult(NamedTuple):
    id: str
    name: str
    kind: FactorKind
    weight: float
    score: float | None  # point score 0-100, unknowns at their neutral value; None when all n/a
    low: float | None  # every unknown or unanswered question at 0
    high: float | None  # every unknown or unanswered question at 4
    coverage: float  # answered weight / applicable weight, 0-1
    answered: int
    unknown: int
    unanswered: int
    not_applicable: int

    @property
    def questions(self) -> int:
        """Applicable questions: the ones that count in this factor."""
        return self.answered + self.unknown + self.unanswered

    @property
    def total(self) -> int:
        return self.questions + self.not_applicable

    @property
    def applicable(self) -> bool:
        return self.questions > 0

    @property
    def assessed(self) -> bool:
        """At least one applicable question answered."""
        return self.answered > 0

    @property
    def half_answered(self) -> bool:
        return self.applicable and 2 * self.answered >= self.questions

    @property
    def scored(self) -> bool:
        """Counts in the outlook: a core or secondary factor with an applicable question."""
        return self.kind != "red_flag" and self.applicable

    @property
    def rests_on_one(self) -> bool:
        """After its n/a questions are left out, a single question carries the whole factor:
        a report must say so rather than let one answer read as a factor's verdict."""
        return self.not_applicable > 0 and self.questions == 1


class GateResult(NamedTuple):
    """One gate applied to one factor: closed (it caps the band) or unresolved (it may)."""

    id: str
    factor_id: str
    factor_name: str
    score: float
    low: float
    high: float
    below: float
    cap: str
    reason: str
    status: GateStatus


class Limit(NamedTuple):
    """A factor that holds the outlook down, and why: not yet assessed, a gate, or the weakest."""

    factor_id: str
    factor_name: str
    score: float | None
    reason: LimitReason


class BandWithheld(NamedTuple):
    """Why the outlook has no band: the reasons, and the figures they rest on."""

    reasons: tuple[WithheldReason, ...]
    coverage: float  # overall, 0-1
    outside_coverage: float | None  # of the questions an outside analyst can answer
    min_coverage: float  # the framework's minimum, compared with outside_coverage
    uninformed_core: tuple[str, ...]  # applicable core factor ids with no informative answer


class Outlook(NamedTuple):
    score: float | None  # None only when no core or secondary factor applies
    low: float
    high: float
    coverage: float
    band: Band | None  # after the closed gates; None when withheld (or nothing applies)
    uncapped_band: Band | None
    band_low: Band | None  # the band at the low end of the range, every possible gate applied
    band_high: Band | None  # the band at the high end, only the gates that cannot open applied
    gates: tuple[GateResult, ...]  # closed
    unresolved_gates: tuple[GateResult, ...]
    limits: tuple[Limit, ...]
    withheld: BandWithheld | None = None  # why no band is given; None when it is earned
    not_applicable: tuple[str, ...] = ()  # ids of factors whose every question is n/a
    outside_coverage: float | None = None  # coverage of the questions an outsider can answer

    @property
    def capped(self) -> bool:
        return self.band is not None and self.band != self.uncapped_band

    @property
    def spans_bands(self) -> bool:
        return self.band_low is not None and self.band_low != self.band_high

    @property
    def uninformed_core(self) -> tuple[str, ...]:
        return self.withheld.uninformed_core if self.withheld else ()


class Lever(NamedTuple):
    factor_id: str
    question_id: str
    question: str
    current: float
    gain: float  # outlook points if this answer rose to the top level
    lifts_cap: bool  # that single change lifts the band above its current cap, every gate counted
    advice: str


class RedFlag(NamedTuple):
    factor_id: str
    name: str
    score: float | None
    low: float | None
    high: float | None
    status: FlagStatus
    advice: tuple[str, ...]
    answered: int = 0


class RiskResult(NamedTuple):
    id: str
    name: str
    likelihood: Score
    severity: Score
    value: int | None  # likelihood x severity, 0-16, when both are known
    low: int  # an unknown side at 0
    high: int  # an unknown side at 4
    band_id: str | None  # the band of the value; None while a side is unknown
    band_label: str | None
    reach_label: str | None  # the band the high end reaches
    mitigations: tuple[str, ...]  # the framework's suggestions
    mitigation: str | None  # what the analyst says is or would be done
    note: str | None
    confidence: Confidence | None = None
    hindsight: bool = False
    given: bool = True  # False: left out of the case file, which reads as unknown x unknown

    @property
    def known(self) -> bool:
        """Rated: both sides known. Otherwise the risk is open."""
        return self.value is not None

    @property
    def open(self) -> bool:
        return self.value is None


class Gap(NamedTuple):
    """Something the assessment does not know: where more work would narrow the range."""

    kind: GapKind
    factor_id: str | None
    question_id: str | None  # a question's id, or a risk's for an unrated risk
    text: str  # the question's text, the risk's name, or the gated factor's name
    gate: GateResult | None = None  # the gate a "gate-unresolved" gap leaves open


class NotApplicable(NamedTuple):
    """A question answered n/a: left out of its factor, listed beside the data gaps."""

    factor_id: str
    question_id: str
    question: str
    note: str | None


class RiskNotApplicable(NamedTuple):
    """A risk that cannot arise with these measures: neither rated 0 x 0 nor open."""

    id: str
    name: str
    note: str | None


class Assessment(NamedTuple):
    case: Case
    framework: Framework
    factors: tuple[FactorResult, ...]
    outlook: Outlook
    red_flags: tuple[RedFlag, ...]  # every red flag, whatever its status
    # Every risk of the framework not marked n/a: the rated ones first, highest first, then the
    # open ones, ranked by what they could reach. A risk left out of the file is open.
    risks: tuple[RiskResult, ...]

    def factor(self, factor_id: str) -> FactorResult | None:
        for result in self.factors:
            if result.id == factor_id:
                return result
        return None

    @property
    def gaps(self) -> tuple[Gap, ...]:
        return _gaps(self.framework, self.case, self.outlook.unresolved_gates)[0]

    @property
    def not_applicable(self) -> tuple[NotApplicable, ...]:
        return _gaps(self.framework, self.case, self.outlook.unresolved_gates)[1]

    @property
    def confidence_not_stated(self) -> int:
        """Answered questions and rated risks without a confidence."""
        return _gaps(self.framework, self.case, self.outlook.unresolved_gates)[2]

    @property
    def hindsight(self) -> int:
        """Answers and risk ratings that rest on facts later than the case's as_of."""
        return _gaps(self.framework, self.case, self.outlook.unresolved_gates)[3]

    @property
    def strengths(self) -> tuple[FactorResult, ...]:
        """Factors at the top band's minimum or above, at least half answered, and not a limit."""
        return _strengths(self.framework, self.factors, self.outlook.limits)

    @property
    def levers(self) -> tuple[Lever, ...]:
        """Answered questions below the top level, ranked by how much raising them lifts the
        outlook (derived on reading: a batch of score rows never needs them)."""
        return _levers(self.framework, self.case, {r.id: r for r in self.factors}, self.outlook)

    @property
    def raised_flags(self) -> tuple[RedFlag, ...]:
        return tuple(f for f in self.red_flags if f.status == RAISED)

    @property
    def open_flags(self) -> tuple[RedFlag, ...]:
        """Red flags neither raised nor ruled out: not (fully) assessed."""
        return tuple(f for f in self.red_flags if f.status == FLAG_NOT_ASSESSED)

    @property
    def rated_risks(self) -> tuple[RiskResult, ...]:
        """Risks with both sides known, highest first."""
        return tuple(r for r in self.risks if r.known)

    @property
    def open_risks(self) -> tuple[RiskResult, ...]:
        """Risks with a side unknown or not rated, or left out of the file; by reach."""
        return tuple(r for r in self.risks if r.open)

    @property
    def top_risk(self) -> RiskResult | None:
        """The highest rated risk. An open risk is never the top risk, however far it could
        reach: recording ignorance must not read worse than rating a risk."""
        rated = self.rated_risks
        return rated[0] if rated else None

    @property
    def risks_not_applicable(self) -> tuple[RiskNotApplicable, ...]:
        """Risks the case marks n/a, in framework order; never among ``risks``."""
        return tuple(
            RiskNotApplicable(risk.id, risk.name, self.case.risk(risk.id).note)
            for risk in self.framework.risks
            if self.case.risk(risk.id).not_applicable
        )

    @property
    def outside_coverage(self) -> float | None:
        """Coverage of the questions an outside analyst can usually answer: the insider ones
        (marked by the framework) left out, weighted as the overall coverage is. None when no
        such question applies."""
        return self.outlook.outside_coverage


def score_factor(factor: Factor, case: Case) -> FactorResult:
    """Point score (unknowns at neutral), range and coverage over the applicable questions."""
    given = case.answers.get(factor.id, {})
    total_weight = answered_weight = known = assumed = open_weight = 0.0
    answered = unknown = unanswered = not_applicable = 0
    for question in factor.questions:
        answer = given.get(question.id)
        raw = answer.score if answer is not None else None
        if raw == NOT_APPLICABLE:
            not_applicable += 1
            continue
        total_weight += question.weight
        value = level(raw)
        if value is not None:
            answered += 1
            answered_weight += question.weight
            known += question.weight * value
            continue
        if raw is None:
            unanswered += 1
        else:
            unknown += 1
        open_weight += question.weight
        assumed += question.weight * neutral(question)
    if total_weight <= 0:
        return FactorResult(
            id=factor.id,
            name=factor.name,
            kind=factor.kind,
            weight=factor.weight,
            score=None,
            low=None,
            high=None,
            coverage=0.0,
            answered=answered,
            unknown=unknown,
            unanswered=unanswered,
            not_applicable=not_applicable,
        )
    return FactorResult(
        id=factor.id,
        name=factor.name,
        kind=factor.kind,
        weight=factor.weight,
        score=PER_LEVEL * (known + assumed) / total_weight,
        low=PER_LEVEL * known / total_weight,
        high=PER_LEVEL * (known + MAX_LEVEL * open_weight) / total_weight,
        coverage=answered_weight / total_weight,
        answered=answered,
        unknown=unknown,
        unanswered=unanswered,
        not_applicable=not_applicable,
    )


def band_for(framework: Framework, score: float) -> Band:
    """The highest band whose minimum the score reaches (bands ascend from 0).

    Every threshold is compared with the whole number a reader sees: a score shown as 50 is never
    placed below a band that starts at 50.
    """
    shown = whole(score)
    chosen = framework.bands[0]
    for band in framework.bands:
        if shown >= band.min:
            chosen = band
    return chosen


def band_rank(framework: Framework, band_id: str) -> int:
    return [b.id for b in framework.bands].index(band_id)


def _gated(framework: Framework, gate: Gate) -> list[Factor]:
    if gate.applies_to == "core":
        return [f for f in framework.factors if f.kind == "core"]
    return [f for f in framework.factors if f.id == gate.applies_to]


def capped_band(framework: Framework, score: float, caps: list[str]) -> Band:
    """The band of a score, lowered to the lowest of the given caps."""
    band = band_for(framework, score)
    for cap in caps:
        if band_rank(framework, cap) < band_rank(framework, band.id):
            band = framework.band(cap)
    return band


def gate_results(framework: Framework, results: dict[str, FactorResult]) -> list[GateResult]:
    """Closed gates (the point score is below) and unresolved ones (only the range is below)."""
    out = []
    for gate in framework.gates:
        for factor in _gated(framework, gate):
            r = results[factor.id]
            if r.score is None or r.low is None or r.high is None:
                continue
            status: GateStatus
            if whole(r.score) < gate.below:
                status = CLOSED
            elif whole(r.low) < gate.below:
                status = UNRESOLVED
            else:
                continue
            out.append(
                GateResult(
                    id=gate.id,
                    factor_id=factor.id,
                    factor_name=factor.name,
                    score=r.score,
                    low=r.low,
                    high=r.high,
                    below=gate.below,
                    cap=gate.cap,
                    reason=gate.reason,
                    status=status,
                )
            )
    return out


def _weighted(results: list[FactorResult], attr: str) -> float:
    weight = sum(r.weight for r in results)
    total: float = sum(r.weight * getattr(r, attr) for r in results)
    return total / weight


def outlook(framework: Framework, case: Case, results: dict[str, FactorResult]) -> Outlook:
    scored = [r for r in results.values() if r.scored]
    not_applicable = tuple(
        r.id for r in results.values() if r.kind != "red_flag" and not r.applicable
    )
    gates = gate_results(framework, results)
    closed = [g for g in gates if g.status == CLOSED]
    unresolved = [g for g in gates if g.status == UNRESOLVED]
    if not scored:
        return Outlook(
            score=None,
            low=0.0,
            high=100.0,
            coverage=0.0,
            band=None,
            uncapped_band=None,
            band_low=None,
            band_high=None,
            gates=(),
            unresolved_gates=(),
            limits=(),
            not_applicable=not_applicable,
        )
    score = _weighted(scored, "score")
    low = _weighted(scored, "low")
    high = _weighted(scored, "high")
    coverage = _weighted(scored, "coverage")
    uncapped = band_for(framework, score)
    band = capped_band(framework, score, [g.cap for g in closed])
    # At the low end every factor sits at its low, so every gate that can close does; at the
    # high end only the gates whose factor stays below even at its high remain closed.
    band_low = capped_band(framework, low, [g.cap for g in gates])
    band_high = capped_band(framework, high, [g.cap for g in gates if whole(g.high) < g.below])
    core = [results[f.id] for f in framework.factors if f.kind == "core"]
    unassessed = [r for r in core if r.applicable and not r.assessed]
    outside = _outside_coverage(framework, case, results)
    withheld = _withheld(framework, coverage, outside, unassessed)
    earned = withheld is None
    return Outlook(
        score=score,
        low=low,
        high=high,
        coverage=coverage,
        band=band if earned else None,
        uncapped_band=uncapped if earned else None,
        band_low=band_low if earned else None,
        band_high=band_high if earned else None,
        gates=tuple(closed),
        unresolved_gates=tuple(unresolved),
        limits=_limits(core, unassessed, closed),
        withheld=withheld,
        not_applicable=not_applicable,
        outside_coverage=outside,
    )


def _withheld(
    framework: Framework,
    coverage: float,
    outside: float | None,
    unassessed: list[FactorResult],
) -> BandWithheld | None:
    """Why no band is earned, or None when it is.

    The minimum is compared with the coverage of the questions an outside analyst can answer
    (overall coverage when the framework marks none), as the whole percent every output prints,
    so that a reader who sees 50% never sees the band withheld for coverage.
    """
    counted = coverage if outside is None else outside
    reasons: list[WithheldReason] = []
    if share(counted) < framework.min_coverage:
        reasons.append(LOW_COVERAGE)
    if unassessed:
        reasons.append(UNINFORMED_CORE)
    if not reasons:
        return None
    return BandWithheld(
        reasons=tuple(reasons),
        coverage=coverage,
        outside_coverage=outside,
        min_coverage=framework.min_coverage,
        uninformed_core=tuple(r.id for r in unassessed),
    )


def _limits(
    core: list[FactorResult], unassessed: list[FactorResult], closed: list[GateResult]
) -> tuple[Limit, ...]:
    """Core factors not yet assessed first; then the closed gates' factors, else the weakest."""
    out = [
        Limit(factor_id=r.id, factor_name=r.name, score=None, reason=FACTOR_NOT_ASSESSED)
        for r in unassessed
    ]
    named = {r.id for r in unassessed}
    if closed:
        for gate in closed:
            if gate.factor_id not in named:
                named.add(gate.factor_id)
                out.append(
                    Limit(
                        factor_id=gate.factor_id,
                        factor_name=gate.factor_name,
                        score=gate.score,
                        reason=GATE,
                    )
                )
        return tuple(out)
    assessed = [r for r in core if r.assessed and r.score is not None]
    if assessed:
        lowest = min(r.score for r in assessed if r.score is not None)
        out += [
            Limit(factor_id=r.id, factor_name=r.name, score=r.score, reason=WEAKEST)
            for r in assessed
            if r.score == lowest
        ]
    return tuple(out)


def _levers(
    framework: Framework, case: Case, results: dict[str, FactorResult], current: Outlook
) -> tuple[Lever, ...]:
    """Answered lever questions below the top level, ranked by how much raising them lifts the
    outlook.

    The gain is exact, not simulated: raising one answer by d levels moves its factor's score by
    25*w*d/W (W the factor's applicable question weight) and the outlook by the factor's share of
    the scored factor weight. Whether it lifts the cap is checked against every gate (never while
    the band is withheld: there is no band to lift). The order is never arbitrary: the exact gain
    first, then the number of practitioners who cited the factor, then framework order.
    """
    scored = {r.id for r in results.values() if r.scored}
    if not scored or current.score is None:
        return ()
    outlook_weight = sum(results[i].weight for i in scored)
    purposes = tuple(case.header.purpose)
    candidates = []
    rank: dict[tuple[str, str], tuple[int, int, int]] = {}
    for factor_index, factor in enumerate(framework.factors):
        result = results[factor.id]
        if factor.id not in scored or result.score is None or not result.answered:
            continue
        given = case.answers.get(factor.id, {})
        factor_weight = sum(
            q.weight
            for q in factor.questions
            if given.get(q.id) is None or given[q.id].score != NOT_APPLICABLE
        )
        for question_index, question in enumerate(factor.questions):
            # A condition of the target or context is never a lever, and a question that bears
            # only on purposes the case does not pursue is not offered for it.
            if not question.lever or not question.bears_on(purposes):
                continue
            answer = given.get(question.id)
            value = level(answer.score) if answer is not None else None
            if value is None or value >= MAX_LEVEL:
                continue
            factor_gain = PER_LEVEL * question.weight * (MAX_LEVEL - value) / factor_weight
            gain = factor.weight * factor_gain / outlook_weight
            lifts = current.capped and _lifts_cap(
                framework, results, current, factor.id, result.score + factor_gain, gain
            )
            cited = factor.evidence.practitioners_cited
            rank[factor.id, question.id] = (-cited, factor_index, question_index)
            candidates.append(
                Lever(
                    factor_id=factor.id,
                    question_id=question.id,
                    question=question.text,
                    current=value,
                    gain=gain,
                    lifts_cap=lifts,
                    advice=question.advice,
                )
            )
    # Gains equal in exact arithmetic may differ in the last bits of a float: compared at 1e-9.
    candidates.sort(key=lambda c: (-round(c.gain, 9), *rank[c.factor_id, c.question_id]))
    return tuple(candidates[:MAX_LEVERS])


def _lifts_cap(
    framework: Framework,
    results: dict[str, FactorResult],
    current: Outlook,
    factor_id: str,
    new_score: float,
    gain: float,
) -> bool:
    """True when this one change alone gives a band above the current, capped one."""
    assert current.score is not None and current.band is not None
    caps = [
        gate.cap
        for gate in current.gates
        if not (gate.factor_id == factor_id and whole(new_score) >= gate.below)
    ]
    after = capped_band(framework, current.score + gain, caps)
    return band_rank(framework, after.id) > band_rank(framework, current.band.id)


def _red_flags(
    framework: Framework, case: Case, results: dict[str, FactorResult]
) -> tuple[RedFlag, ...]:
    """Every red flag: raised (assessed, point score at the threshold or above), clear (even its
    range stays below the threshold) or not assessed (anything else)."""
    threshold = framework.red_flag_threshold
    flags = []
    for factor in framework.factors:
        r = results[factor.id]
        if factor.kind != "red_flag":
            continue
        if r.score is None or r.high is None:
            continue  # every question n/a: the flag does not apply to these measures
        status: FlagStatus
        if r.assessed and whole(r.score) >= threshold:
            status = RAISED
        elif whole(r.high) < threshold:
            status = CLEAR
        else:
            status = FLAG_NOT_ASSESSED
        advice: tuple[str, ...] = ()
        if status == RAISED:
            given = case.answers.get(factor.id, {})
            advice = tuple(
                q.advice
                for q in factor.questions
                if q.id in given
                and (value := level(given[q.id].score)) is not None
                and value * PER_LEVEL >= threshold
            )
        flags.append(
            RedFlag(
                factor_id=factor.id,
                name=factor.name,
                score=r.score,
                low=r.low,
                high=r.high,
                status=status,
                advice=advice,
                answered=r.answered,
            )
        )
    return tuple(flags)


def _span(value: object) -> tuple[float, float]:
    known = level(value)
    if known is None:
        return 0.0, float(MAX_LEVEL)
    return known, known


def _rated(risk: RiskAnswer) -> bool:
    """Both sides given as levels (a panel's median may be a half level): the risk is rated."""
    return level(risk.likelihood) is not None and level(risk.severity) is not None


def risk_band(framework: Framework, value: float) -> RiskBand | None:
    chosen = None
    for candidate in framework.risk_bands:
        if value >= candidate.min:
            chosen = candidate
    return chosen


def _risks(framework: Framework, case: Case) -> tuple[RiskResult, ...]:
    """Every risk not marked n/a: the rated ones (both sides known) by their value, then the open
    ones by what they could reach, each in framework order on a tie. A risk left out of the file
    is open, exactly as one rated unknown x unknown."""
    out = []
    for risk in framework.risks:
        given = case.risks.get(risk.id)
        rated = given if given is not None and not given.is_empty else RiskAnswer()
        if rated.not_applicable:
            continue
        l_lo, l_hi = _span(rated.likelihood)
        s_lo, s_hi = _span(rated.severity)
        value = whole(l_lo * s_lo) if _rated(rated) else None
        band = risk_band(framework, value) if value is not None else None
        reach = risk_band(framework, whole(l_hi * s_hi))
        out.append(
            RiskResult(
                id=risk.id,
                name=risk.name,
                likelihood=rated.likelihood,
                severity=rated.severity,
                value=value,
                low=whole(l_lo * s_lo),
                high=whole(l_hi * s_hi),
                band_id=band.id if band else None,
                band_label=band.label if band else None,
                reach_label=reach.label if reach else None,
                mitigations=risk.mitigations,
                mitigation=rated.mitigation,
                note=rated.note,
                confidence=rated.confidence,
                hindsight=rated.hindsight,
                given=rated is given,
            )
        )
    order = {r.id: i for i, r in enumerate(framework.risks)}
    out.sort(key=lambda r: (r.open, -r.high, -r.low, order[r.id]))
    return tuple(out)


def _gaps(
    framework: Framework, case: Case, gates: tuple[GateResult, ...]
) -> tuple[tuple[Gap, ...], tuple[NotApplicable, ...], int, int]:
    gaps = []
    not_applicable = []
    no_confidence = hindsight = 0
    for factor in framework.factors:
        given = case.answers.get(factor.id, {})
        for question in factor.questions:
            answer = given.get(question.id)
            if answer is not None and answer.hindsight:
                hindsight += 1
            kind: GapKind | None = None
            if answer is None or answer.score is None:
                kind = UNANSWERED
            elif answer.score == NOT_APPLICABLE:
                not_applicable.append(
                    NotApplicable(
                        factor_id=factor.id,
                        question_id=question.id,
                        question=question.text,
                        note=answer.note,
                    )
                )
            elif level(answer.score) is None:
                kind = UNKNOWN_GAP
            elif answer.confidence == LOW_CONFIDENCE:
                kind = LOW_CONFIDENCE_GAP
            elif answer.confidence is None:
                no_confidence += 1
            if kind is not None:
                gaps.append(
                    Gap(kind=kind, factor_id=factor.id, question_id=question.id, text=question.text)
                )
    for gate in gates:
        gaps.append(
            Gap(
                kind=GATE_UNRESOLVED,
                factor_id=gate.factor_id,
                question_id=None,
                text=gate.factor_name,
                gate=gate,
            )
        )
    for risk in framework.risks:
        rated = case.risks.get(risk.id) or RiskAnswer()
        if rated.hindsight:
            hindsight += 1
        if rated.not_applicable:
            continue  # cannot arise: neither a gap nor a rating whose confidence is missing
        known = _rated(rated)
        if not known:
            gaps.append(Gap(kind=RISK_OPEN, factor_id=None, question_id=risk.id, text=risk.name))
        if rated.confidence == LOW_CONFIDENCE and _rated_side(rated):
            gaps.append(
                Gap(kind=LOW_CONFIDENCE_GAP, factor_id=None, question_id=risk.id, text=risk.name)
            )
        elif known and rated.confidence is None:
            no_confidence += 1
    return tuple(gaps), tuple(not_applicable), no_confidence, hindsight


def _rated_side(risk: RiskAnswer) -> bool:
    """At least one side rated with a level: a confidence then says something."""
    return level(risk.likelihood) is not None or level(risk.severity) is not None


def _outside_coverage(
    framework: Framework, case: Case, results: dict[str, FactorResult]
) -> float | None:
    weighted = total = 0.0
    for factor in framework.factors:
        result = results[factor.id]
        if not result.scored:
            continue
        given = case.answers.get(factor.id, {})
        applicable = answered = 0.0
        for question in factor.questions:
            answer = given.get(question.id)
            if question.insider or (answer is not None and answer.not_applicable):
                continue
            applicable += question.weight
            if answer is not None and level(answer.score) is not None:
                answered += question.weight
        if applicable > 0:
            weighted += factor.weight * answered / applicable
            total += factor.weight
    return weighted / total if total > 0 else None


def strength_min(framework: Framework) -> float:
    """Where a factor's score starts to count as a strength: the band above the one an honest
    middle answer (the scale's midpoint, 50) falls in, so a strength is always clearly better than
    answering the midpoint throughout; the top band's edge when the midpoint is already in it."""
    middle = band_rank(framework, band_for(framework, PER_LEVEL * MIDPOINT).id)
    return framework.bands[min(middle + 1, len(framework.bands) - 1)].min


def _strengths(
    framework: Framework, results: tuple[FactorResult, ...], limits: tuple[Limit, ...]
) -> tuple[FactorResult, ...]:
    strong_at = strength_min(framework)
    limiting = {limit.factor_id for limit in limits}
    chosen = [
        r
        for r in results
        if r.scored
        and r.half_answered
        and r.id not in limiting
        and r.score is not None
        and whole(r.score) >= strong_at
    ]
    return tuple(sorted(chosen, key=lambda r: -(r.score or 0.0)))


def assess(framework: Framework, case: Case) -> Assessment:
    """Score one case against the framework. Pure and deterministic."""
    results = {f.id: score_factor(f, case) for f in framework.factors}
    overall = outlook(framework, case, results)
    return Assessment(
        case=case,
        framework=framework,
        factors=tuple(results[f.id] for f in framework.factors),
        outlook=overall,
        red_flags=_red_flags(framework, case, results),
        risks=_risks(framework, case),
    )
