"""Transparent, deterministic scoring: pure functions from (framework, case) to an Assessment.

The arithmetic is deliberately simple so that an analyst can redo it by hand:

* question score 0-4; a factor's score is the weighted mean of its answered questions, as 0-100;
* unanswered and ``unknown`` questions never count as zero: they widen the factor's range (as if
  each were 0 at the low end and 4 at the high end) and lower its coverage;
* the outlook is the weighted mean of the scored factors (core and secondary); its range is the
  weighted mean of the factors' ranges; its band comes from the framework, and gates cap the band
  when a core factor is very weak;
* red flags and risks are shown beside the outlook, never silently subtracted from it.
"""

from __future__ import annotations

from typing import NamedTuple

from sanctions_check.case import Case
from sanctions_check.framework import Band, Factor, Framework, Gate

MAX_LEVEL = 4
PER_LEVEL = 100 / MAX_LEVEL
LOW_CONFIDENCE = "low"
MAX_LEVERS = 5


class FactorResult(NamedTuple):
    id: str
    name: str
    kind: str
    weight: float
    score: float | None  # 0-100 over answered questions; None when nothing is answered
    low: float  # every unknown/unanswered question at 0
    high: float  # every unknown/unanswered question at 4
    coverage: float  # answered weight / total weight, 0-1
    answered: int
    unknown: int
    unanswered: int
    evidence: str

    @property
    def total(self) -> int:
        return self.answered + self.unknown + self.unanswered


class GateResult(NamedTuple):
    id: str
    factor_id: str
    factor_name: str
    score: float
    below: float
    cap: str
    reason: str


class Limit(NamedTuple):
    """A factor that holds the outlook down, and why."""

    factor_id: str
    factor_name: str
    score: float | None
    why: str


class Outlook(NamedTuple):
    score: float | None
    low: float
    high: float
    coverage: float
    band: Band | None  # after gates
    uncapped_band: Band | None
    gates: tuple[GateResult, ...]
    limits: tuple[Limit, ...]
    provisional: bool = False  # too little answered for the band to mean much (see outlook())


class Lever(NamedTuple):
    factor_id: str
    question_id: str
    question: str
    current: int
    gain: float  # outlook points if this answer rose to the top level
    lifts_gate: bool
    advice: str


class RedFlag(NamedTuple):
    factor_id: str
    name: str
    score: float
    advice: tuple[str, ...]
    evidence: str


class RiskResult(NamedTuple):
    id: str
    name: str
    likelihood: int | str | None
    severity: int | str | None
    value: int | None  # likelihood x severity, 0-16
    band_id: str | None
    band_label: str | None
    mitigations: tuple[str, ...]  # the framework's suggestions
    mitigation: str | None  # what the analyst says is or would be done
    note: str | None


class Gap(NamedTuple):
    """Something the assessment does not know: where more work would narrow the range."""

    kind: str  # unknown | unanswered | low-confidence | risk-unrated | gate-unchecked
    factor_id: str | None
    question_id: str | None
    text: str


class Assessment(NamedTuple):
    case: Case
    framework: Framework
    factors: tuple[FactorResult, ...]
    outlook: Outlook
    strengths: tuple[FactorResult, ...]
    levers: tuple[Lever, ...]
    red_flags: tuple[RedFlag, ...]
    risks: tuple[RiskResult, ...]
    gaps: tuple[Gap, ...]

    def factor(self, factor_id: str) -> FactorResult | None:
        for result in self.factors:
            if result.id == factor_id:
                return result
        return None

    @property
    def top_risk(self) -> RiskResult | None:
        rated = [r for r in self.risks if r.value is not None]
        return rated[0] if rated else None


def score_factor(factor: Factor, case: Case) -> FactorResult:
    """Weighted mean of the answered questions, with its range and coverage."""
    given = case.answers.get(factor.id, {})
    total_weight = answered_weight = points = 0.0
    answered = unknown = unanswered = 0
    for question in factor.questions:
        total_weight += question.weight
        answer = given.get(question.id)
        value = answer.score if answer is not None else None
        if isinstance(value, int):
            answered += 1
            answered_weight += question.weight
            points += question.weight * value
        elif value is None:
            unanswered += 1
        else:
            unknown += 1
    missing_weight = total_weight - answered_weight
    score = PER_LEVEL * points / answered_weight if answered_weight else None
    return FactorResult(
        id=factor.id,
        name=factor.name,
        kind=factor.kind,
        weight=factor.weight,
        score=score,
        low=PER_LEVEL * points / total_weight,
        high=PER_LEVEL * (points + MAX_LEVEL * missing_weight) / total_weight,
        coverage=answered_weight / total_weight,
        answered=answered,
        unknown=unknown,
        unanswered=unanswered,
        evidence=factor.evidence.label,
    )


def band_for(framework: Framework, score: float) -> Band:
    """The highest band whose minimum the score reaches (bands ascend from 0)."""
    chosen = framework.bands[0]
    for band in framework.bands:
        if score >= band.min:
            chosen = band
    return chosen


def _band_rank(framework: Framework, band_id: str) -> int:
    return [b.id for b in framework.bands].index(band_id)


def closed_gates(framework: Framework, results: dict[str, FactorResult]) -> list[GateResult]:
    closed = []
    for gate in framework.gates:
        for factor in _gated(framework, gate):
            result = results[factor.id]
            if result.score is not None and result.score < gate.below:
                closed.append(
                    GateResult(
                        gate.id,
                        factor.id,
                        factor.name,
                        result.score,
                        gate.below,
                        gate.cap,
                        gate.reason,
                    )
                )
    return closed


def _gated(framework: Framework, gate: Gate) -> list[Factor]:
    if gate.applies_to == "core":
        return [f for f in framework.factors if f.kind == "core"]
    return [f for f in framework.factors if f.id == gate.applies_to]


def outlook(framework: Framework, results: dict[str, FactorResult]) -> Outlook:
    scored = [r for r in results.values() if r.kind != "red_flag"]
    weight = sum(r.weight for r in scored)
    weighted = [r for r in scored if r.score is not None]
    answered_weight = sum(r.weight for r in weighted)
    score = (
        sum(r.weight * r.score for r in weighted) / answered_weight  # type: ignore[operator]
        if answered_weight
        else None
    )
    low = sum(r.weight * r.low for r in scored) / weight
    high = sum(r.weight * r.high for r in scored) / weight
    coverage = sum(r.weight * r.coverage for r in scored) / weight
    gates = closed_gates(framework, results)
    uncapped = band_for(framework, score) if score is not None else None
    band = uncapped
    if band is not None:
        for gate in gates:
            if _band_rank(framework, gate.cap) < _band_rank(framework, band.id):
                band = framework.band(gate.cap)
    # A band resting on a few answers, or on a core factor nobody has assessed (so its gate
    # could not be checked), is flagged provisional rather than withheld: the analyst still sees it.
    provisional = score is not None and (
        coverage < framework.min_coverage
        or any(results[f.id].score is None for f in framework.factors if f.kind == "core")
    )
    return Outlook(
        score,
        low,
        high,
        coverage,
        band,
        uncapped,
        tuple(gates),
        _limits(framework, results, gates),
        provisional,
    )


def _limits(
    framework: Framework, results: dict[str, FactorResult], gates: list[GateResult]
) -> tuple[Limit, ...]:
    """Closed gates name the limiting factors; otherwise the weakest answered core factor does."""
    if gates:
        seen: dict[str, Limit] = {}
        for gate in gates:
            if gate.factor_id not in seen:
                seen[gate.factor_id] = Limit(
                    gate.factor_id,
                    gate.factor_name,
                    gate.score,
                    f"scores {gate.score:.0f}, below the gate at {gate.below:.0f}: the outlook "
                    f"is capped at '{framework.band(gate.cap).label}'. {gate.reason}",
                )
        return tuple(seen.values())
    core = [
        results[f.id]
        for f in framework.factors
        if f.kind == "core" and results[f.id].score is not None
    ]
    if not core:
        return ()
    lowest = min(r.score for r in core)  # type: ignore[type-var]
    return tuple(
        Limit(
            r.id,
            r.name,
            r.score,
            f"the weakest core factor, at {r.score:.0f} of 100: improving it would do most "
            "to lift the outlook",
        )
        for r in core
        if r.score == lowest
    )


def _levers(
    framework: Framework, case: Case, results: dict[str, FactorResult], current: Outlook
) -> tuple[Lever, ...]:
    """Answered questions below the top level, ranked by how much raising them lifts the outlook.

    The gain is exact, not simulated: raising one answer by d levels moves its factor's score by
    25*w*d/W_answered and the outlook by the factor's share of the answered factor weight.
    """
    scored = [r for r in results.values() if r.kind != "red_flag" and r.score is not None]
    answered_weight = sum(r.weight for r in scored)
    gate_factors = {g.factor_id for g in current.gates}
    candidates = []
    for factor in framework.factors:
        result = results[factor.id]
        if not factor.scored or result.score is None:
            continue
        given = case.answers.get(factor.id, {})
        factor_weight = sum(
            q.weight
            for q in factor.questions
            if isinstance(getattr(given.get(q.id), "score", None), int)
        )
        for question in factor.questions:
            answer = given.get(question.id)
            if answer is None or not isinstance(answer.score, int) or answer.score >= MAX_LEVEL:
                continue
            factor_gain = PER_LEVEL * question.weight * (MAX_LEVEL - answer.score) / factor_weight
            gain = factor.weight * factor_gain / answered_weight
            lifts = factor.id in gate_factors and _lifts_gate(
                framework, factor.id, result.score + factor_gain
            )
            candidates.append(
                (factor.id, question.id, question.text, answer.score, gain, lifts, question.advice)
            )
    # Rank plain tuples (Lever's fields, in order) and build only the levers shown: a batch
    # scores thousands of cases and shows none of them (issue 6).
    candidates.sort(key=lambda c: (-c[5], -round(c[4], 9), c[3]))
    return tuple(Lever(*c) for c in candidates[:MAX_LEVERS])


def _lifts_gate(framework: Framework, factor_id: str, new_score: float) -> bool:
    return any(
        new_score >= gate.below
        for gate in framework.gates
        if gate.applies_to in ("core", factor_id)
    )


def _red_flags(
    framework: Framework, case: Case, results: dict[str, FactorResult]
) -> tuple[RedFlag, ...]:
    flags = []
    for factor in framework.factors:
        result = results[factor.id]
        if factor.kind != "red_flag" or result.score is None:
            continue
        if result.score >= framework.red_flag_threshold:
            given = case.answers.get(factor.id, {})
            advice = tuple(
                q.advice
                for q in factor.questions
                if isinstance(getattr(given.get(q.id), "score", None), int)
                and given[q.id].score * PER_LEVEL >= framework.red_flag_threshold
            )
            flags.append(
                RedFlag(factor.id, factor.name, result.score, advice, factor.evidence.label)
            )
    return tuple(flags)


def _risks(framework: Framework, case: Case) -> tuple[RiskResult, ...]:
    out = []
    for risk in framework.risks:
        rated = case.risks.get(risk.id)
        if rated is None or rated.is_empty:
            continue
        value = rated.value
        band = None
        if value is not None:
            for candidate in framework.risk_bands:
                if value >= candidate.min:
                    band = candidate
        out.append(
            RiskResult(
                risk.id,
                risk.name,
                rated.likelihood,
                rated.severity,
                value,
                band.id if band else None,
                band.label if band else None,
                risk.mitigations,
                rated.mitigation,
                rated.note,
            )
        )
    order = {r.id: i for i, r in enumerate(framework.risks)}
    out.sort(key=lambda r: (r.value is None, -(r.value or 0), order[r.id]))
    return tuple(out)


def _gaps(framework: Framework, case: Case, results: dict[str, FactorResult]) -> tuple[Gap, ...]:
    gaps = []
    for factor in framework.factors:
        given = case.answers.get(factor.id, {})
        for question in factor.questions:
            answer = given.get(question.id)
            if answer is None or answer.score is None:
                gaps.append(Gap("unanswered", factor.id, question.id, question.text))
            elif not isinstance(answer.score, int):
                gaps.append(Gap("unknown", factor.id, question.id, question.text))
            elif answer.confidence == LOW_CONFIDENCE:
                gaps.append(Gap("low-confidence", factor.id, question.id, question.text))
    for gate in framework.gates:
        for factor in _gated(framework, gate):
            if results[factor.id].score is None:
                gaps.append(
                    Gap(
                        "gate-unchecked",
                        factor.id,
                        None,
                        f"{factor.name}: no answers, so the '{gate.id}' gate could not be checked",
                    )
                )
    for risk in framework.risks:
        rated = case.risks.get(risk.id)
        if rated is not None and not rated.is_empty and rated.value is None:
            gaps.append(
                Gap("risk-unrated", None, risk.id, f"{risk.name}: likelihood or severity unknown")
            )
    return tuple(gaps)


def assess(framework: Framework, case: Case) -> Assessment:
    """Score one case against the framework. Pure and deterministic."""
    results = {f.id: score_factor(f, case) for f in framework.factors}
    overall = outlook(framework, results)
    strong_at = framework.bands[-1].min
    strengths = tuple(
        sorted(
            (
                r
                for r in results.values()
                if r.kind != "red_flag" and r.score is not None and r.score >= strong_at
            ),
            key=lambda r: -r.score,  # type: ignore[operator]
        )
    )
    return Assessment(
        case=case,
        framework=framework,
        factors=tuple(results[f.id] for f in framework.factors),
        outlook=overall,
        strengths=strengths,
        levers=_levers(framework, case, results, overall),
        red_flags=_red_flags(framework, case, results),
        risks=_risks(framework, case),
        gaps=_gaps(framework, case, results),
    )
