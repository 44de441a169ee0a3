"""The report of one assessment as one typed, immutable model: the one every renderer reads.

Terminal, Markdown, HTML and JSON all start from :func:`build`, so they cannot drift apart: a
section added here shows up everywhere. Figures a person reads are whole numbers, rounded once
here; every sentence comes from ``wording``. Text is kept as written in the case file; each
renderer makes it inert for its own format (textsafe). JSON is the model itself, walked once
(:func:`sanctions_check.serialise.jsonable`), schema ``report@2`` (docs/reports.md).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sanctions_check import __version__
from sanctions_check.errors import UsageError
from sanctions_check.framework import Band, Framework
from sanctions_check.render import wording
from sanctions_check.scoring import (
    CLOSED,
    GATE,
    RAISED,
    Assessment,
    FactorResult,
    GateResult,
    whole,
)
from sanctions_check.serialise import dumps as dumps
from sanctions_check.serialise import jsonable as jsonable

if TYPE_CHECKING:
    from sanctions_check.analogues import Similarity

SCHEMA = "sanctions-check/report@2"
METHOD = wording.METHOD


def generated_at(env: Mapping[str, str] | None = None) -> datetime:
    """The report's time: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else the clock."""
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


def _w(value: float | None) -> int | None:
    return None if value is None else whole(value)


# --- the model -------------------------------------------------------------------------------


class BandView(NamedTuple):
    id: str
    label: str
    min: int
    meaning: str


class CaseInfo(NamedTuple):
    id: str
    title: str
    country: str | None
    assessed_on: str | None  # the day the assessment was written
    as_of: str | None  # the moment the assessment is made as of
    analyst: str | None
    implementers: tuple[str, ...]  # who imposes the measures
    hypothetical: bool
    situation: str | None
    measures: str | None
    purposes: tuple[str, ...]  # purpose ids as stated in the file
    file: str
    framework_ref: str

    @property
    def facts(self) -> tuple[tuple[str, str], ...]:
        """The header's labelled facts that the file gives, in reading order, for every format."""
        given = (
            (wording.CASE_COUNTRY, self.country),
            (wording.CASE_AS_OF, self.as_of),
            (wording.CASE_ASSESSED_ON, self.assessed_on),
            (wording.CASE_ANALYST, self.analyst),
            (wording.CASE_IMPOSED_BY, ", ".join(self.implementers)),
        )
        return tuple((label, value) for label, value in given if value)


class GateView(NamedTuple):
    """One gate on one factor: closed (caps the band) or unresolved (the range allows it)."""

    id: str
    factor_id: str
    factor_name: str
    status: str  # closed | unresolved
    score: int
    low: int
    high: int
    below: int
    cap: str
    cap_label: str


class OutlookView(NamedTuple):
    score: int | None
    low: int
    high: int
    coverage: float  # 0-1, three decimals
    band: BandView | None
    uncapped_band: BandView | None
    band_low: BandView | None  # band at the low end of the range, every possible gate applied
    band_high: BandView | None  # band at the high end of the range
    provisional: bool
    gates: tuple[GateView, ...]  # closed and unresolved, in framework order
    gate_texts: tuple[str, ...]  # one paragraph per gate, its reason once
    not_applicable: tuple[str, ...]  # names of factors left out: every question n/a
    text: str  # the headline
    provisional_text: str | None
    explained: str
    neutral_rule: str

    def json_extras(self) -> dict[str, bool]:
        """Derived facts the JSON carries beside the fields, so that no consumer re-derives them."""
        return {"capped": self.capped, "spans_bands": self.spans_bands}

    @property
    def capped(self) -> bool:
        return self.band is not None and self.band != self.uncapped_band

    @property
    def spans_bands(self) -> bool:
        return self.band_low is not None and self.band_low != self.band_high

    @property
    def closed_gates(self) -> tuple[GateView, ...]:
        return tuple(g for g in self.gates if g.status == CLOSED)

    @property
    def unresolved_gates(self) -> tuple[GateView, ...]:
        return tuple(g for g in self.gates if g.status != CLOSED)


class FactorView(NamedTuple):
    id: str
    name: str
    kind: str
    kind_label: str
    weight: float
    score: int | None  # None when every question is n/a
    low: int | None
    high: int | None
    coverage: float
    answered: int
    unknown: int
    unanswered: int
    not_applicable: int
    questions: int  # applicable questions
    assessed: bool
    applicable: bool
    score_text: str
    evidence: str
    practitioner_rating: str
    research_rating: str


class LimitView(NamedTuple):
    factor_id: str
    factor_name: str
    reason: str  # not-assessed | gate | weakest
    score: int | None
    why: str


class StrengthView(NamedTuple):
    factor_id: str
    factor_name: str
    score: int
    evidence: str


class LeverView(NamedTuple):
    factor_id: str
    factor_name: str
    question_id: str
    question: str
    current: float
    gain: int
    lifts_cap: bool
    advice: str
    text: str


class RedFlagView(NamedTuple):
    factor_id: str
    name: str
    status: str  # raised | clear | not-assessed
    score: int | None
    low: int | None
    high: int | None
    answered: int
    advice: tuple[str, ...]
    evidence: str


class RiskView(NamedTuple):
    id: str
    name: str
    likelihood: int | str | None
    severity: int | str | None
    value: int | None  # when both sides are known
    low: int
    high: int
    band: str | None
    band_label: str | None
    reach_label: str | None  # the band the high end reaches
    text: str  # '4 × 3 = 12 (High)' or '4 × ? → 0–16 (could reach Severe)'
    mitigation: str | None
    suggested_mitigations: tuple[str, ...]
    note: str | None
    confidence: str | None
    hindsight: bool


class NamedRef(NamedTuple):
    id: str
    name: str


class BaseRateView(NamedTuple):
    """The outside view for one purpose: the figure, what it counts and its source."""

    purpose_id: str
    purpose_name: str
    stated: bool  # the case states this purpose
    percent: float | None  # effective when pursued, 0-100
    qualifier: str  # 'almost' where the source says so, else ''
    figure: str | None  # '22%', 'almost 40%'
    counts: str
    text: str | None  # the framework's own wording, with its hedges
    sources: tuple[str, ...]  # source keys
    source_labels: tuple[str, ...]
    line: str


class OutsideView(NamedTuple):
    purpose_stated: bool
    base_rates: tuple[BaseRateView, ...]  # the stated purposes, or all when none is stated
    explained: str  # outlook = inside view, base rate = outside view
    hint: str | None  # when no purpose is stated


class GapView(NamedTuple):
    kind: str
    kind_label: str
    factor_id: str | None
    factor_name: str | None
    question_id: str | None
    text: str
    note: str | None


class GapCounts(NamedTuple):
    """How many questions are unknown, unanswered, low-confidence or n/a; risks not rated."""

    unknown: int
    unanswered: int
    low_confidence: int
    risk_unrated: int
    not_applicable: int

    @property
    def total(self) -> int:
        return self.unknown + self.unanswered + self.low_confidence + self.risk_unrated

    @property
    def text(self) -> str:
        return wording.brief_gap_counts(
            self.unknown,
            self.unanswered,
            self.low_confidence,
            self.risk_unrated,
            self.not_applicable,
        )

    @property
    def short(self) -> str:
        return wording.bottom_gaps(
            self.unknown,
            self.unanswered,
            self.low_confidence,
            self.risk_unrated,
            self.not_applicable,
        )


class NotApplicableView(NamedTuple):
    factor_id: str
    factor_name: str
    question_id: str
    question: str
    note: str | None


class AnswerView(NamedTuple):
    id: str
    text: str
    score: int | float | str | None
    score_text: str
    level: str | None
    confidence: str | None
    hindsight: bool
    note: str | None
    sources: tuple[str, ...]
    neutral: float = 2.0  # what an unknown or unanswered answer counts as
    neutral_reason: str | None = None  # the framework's reason, when it sets its own value


class AnswerGroup(NamedTuple):
    factor_id: str
    factor_name: str
    questions: tuple[AnswerView, ...]


class CaveatView(NamedTuple):
    id: str
    text: str
    sources: tuple[str, ...]


class FrameworkRef(NamedTuple):
    id: str
    version: str
    title: str
    sha256: str


class ToolRef(NamedTuple):
    name: str
    version: str


class MethodView(NamedTuple):
    text: str
    framework: FrameworkRef
    tool: ToolRef
    generated: str


class SourceView(NamedTuple):
    key: str
    title: str
    publisher: str
    year: int | None
    url: str


class ReferenceView(NamedTuple):
    """One entry of the case file's bibliography: a key cited as [KEY] and its URL or citation."""

    key: str
    text: str


class SourcesView(NamedTuple):
    framework: tuple[SourceView, ...]
    case: tuple[str, ...]  # every source the case cites, once, in reading order


class PurposeVerdict(NamedTuple):
    purpose_id: str
    purpose_name: str
    verdict: str
    verdict_text: str


class OutcomeView(NamedTuple):
    """The sources' verdict on the episode, after the fact; never read by the scoring."""

    verdict: str
    verdict_text: str
    by_purpose: tuple[PurposeVerdict, ...]
    tsc_policy_outcome: int | None
    tsc_sanctions_contribution: int | None
    quote: str | None
    sources: tuple[str, ...]
    note: str | None


class DifferenceView(NamedTuple):
    """One factor where an analogue differs from the case, on the questions both answered."""

    factor_id: str
    factor_name: str
    this: int  # the case's score over those questions, 0-100
    other: int  # the episode's score over the same questions, 0-100
    text: str


class AnalogueView(NamedTuple):
    """A past episode near the case (``analogues.nearest``): how far, its outlook, how it ended."""

    rank: int
    id: str
    title: str
    file: str  # base name
    distance: int | None  # 0-100; None when no question is answered in both
    overlap: float  # share of the outlook's weight the distance rests on, 0-1, three decimals
    weak: bool  # overlap under the framework's min_coverage
    outlook: int | None
    low: int
    high: int
    band: str | None  # band id
    band_label: str | None
    verdict: str | None  # the sources' overall verdict; None when the episode records none
    verdict_text: str
    quote: str | None  # the outcome's short quote, as written
    differs: tuple[DifferenceView, ...]  # the two or three factors where it differs most
    text: str  # distance, overlap, outlook and verdict in one line
    differs_text: str


class Report(NamedTuple):
    """The whole advisory summary of one assessment (schema ``report@2``)."""

    schema: str
    advisory: str
    case: CaseInfo
    outlook: OutlookView
    outside_view: OutsideView
    bands: tuple[BandView, ...]
    factors: tuple[FactorView, ...]
    limits: tuple[LimitView, ...]
    strengths: tuple[StrengthView, ...]
    strengths_none: str  # what to say when there is none
    levers: tuple[LeverView, ...]
    red_flags: tuple[RedFlagView, ...]  # every red flag, whatever its status
    red_flag_threshold: int
    red_flags_text: str | None  # 'None raised …' or 'Not assessed: …'; None when only raised ones
    risks: tuple[RiskView, ...]  # ranked by what each could reach
    risks_not_rated: tuple[NamedRef, ...]
    gaps: tuple[GapView, ...]
    not_applicable: tuple[NotApplicableView, ...]
    confidence_not_stated: int
    confidence_text: str | None
    hindsight: int
    hindsight_text: str | None
    gaps_none: str  # what to say when no gap is listed
    answers: tuple[AnswerGroup, ...]  # empty for a short summary
    caveats: tuple[CaveatView, ...]
    warnings: tuple[str, ...]
    method: MethodView
    sources: SourcesView
    references: tuple[ReferenceView, ...]  # the case file's bibliography
    outcome: OutcomeView | None
    # The nearest past episodes: empty when left out (analogues_asked False) or none compares;
    # the notes say the analogues are weak, or that none compares; the explanation says what
    # the episodes are and how far to trust them (None when none is shown).
    analogues: tuple[AnalogueView, ...] = ()
    analogues_asked: bool = False
    analogues_notes: tuple[str, ...] = ()
    analogues_explained: str | None = None

    @property
    def raised_flags(self) -> tuple[RedFlagView, ...]:
        return tuple(f for f in self.red_flags if f.status == RAISED)

    @property
    def gap_counts(self) -> GapCounts:
        """The data gaps counted by kind, for the bottom line and the brief."""
        kinds = [g.kind for g in self.gaps]
        return GapCounts(
            unknown=kinds.count("unknown"),
            unanswered=kinds.count("unanswered"),
            low_confidence=kinds.count("low-confidence"),
            risk_unrated=kinds.count("risk-unrated"),
            not_applicable=len(self.not_applicable),
        )


# --- building it -----------------------------------------------------------------------------


def _band(band: Band | None) -> BandView | None:
    if band is None:
        return None
    return BandView(band.id, band.label, whole(band.min), band.meaning)


def _factor(result: FactorResult, fw: Framework) -> FactorView:
    factor = fw.factor(result.id)
    assert factor is not None
    ev = factor.evidence
    score, low, high = _w(result.score), _w(result.low), _w(result.high)
    return FactorView(
        id=result.id,
        name=result.name,
        kind=result.kind,
        kind_label=wording.kind_label(result.kind),
        weight=result.weight,
        score=score,
        low=low,
        high=high,
        coverage=wording.share(result.coverage),
        answered=result.answered,
        unknown=result.unknown,
        unanswered=result.unanswered,
        not_applicable=result.not_applicable,
        questions=result.questions,
        assessed=result.assessed,
        applicable=result.applicable,
        score_text=wording.factor_score_text(score, low, high, result.assessed),
        evidence=result.evidence,
        practitioner_rating=ev.practitioner_rating,
        research_rating=ev.research_rating,
    )


def _gate(gate: GateResult, fw: Framework) -> GateView:
    return GateView(
        gate.id,
        gate.factor_id,
        gate.factor_name,
        gate.status,
        whole(gate.score),
        whole(gate.low),
        whole(gate.high),
        whole(gate.below),
        gate.cap,
        fw.band(gate.cap).label,
    )


def _gate_texts(assessment: Assessment) -> tuple[str, ...]:
    """One paragraph per gate: the factors that close it, those it is unresolved on, its reason."""
    fw, o = assessment.framework, assessment.outlook
    texts = []
    every = [*o.gates, *o.unresolved_gates]
    for gate in fw.gates:
        mine = [g for g in every if g.id == gate.id]
        if not mine:
            continue
        texts.append(
            wording.gate_text(
                fw.band(gate.cap).label,
                gate.below,
                gate.reason,
                [(g.factor_name, whole(g.score)) for g in mine if g.status == CLOSED],
                [(g.factor_name, whole(g.low), whole(g.high)) for g in mine if g.status != CLOSED],
            )
        )
    return tuple(texts)


def _outlook(assessment: Assessment) -> OutlookView:
    fw, o = assessment.framework, assessment.outlook
    score, low, high = _w(o.score), whole(o.low), whole(o.high)
    band, band_low, band_high = _band(o.band), _band(o.band_low), _band(o.band_high)
    capped = o.capped
    names = {f.id: f.name for f in fw.factors}
    order = {f.id: i for i, f in enumerate(fw.factors)}
    gates = sorted(
        [*o.gates, *o.unresolved_gates],
        key=lambda g: ([x.id for x in fw.gates].index(g.id), order[g.factor_id]),
    )
    return OutlookView(
        score=score,
        low=low,
        high=high,
        coverage=wording.share(o.coverage),
        band=band,
        uncapped_band=_band(o.uncapped_band),
        band_low=band_low,
        band_high=band_high,
        provisional=o.provisional,
        gates=tuple(_gate(g, fw) for g in gates),
        gate_texts=_gate_texts(assessment),
        not_applicable=tuple(names[i] for i in o.not_applicable),
        text=wording.outlook_text(
            band.label if band else None,
            capped,
            score,
            low,
            high,
            o.coverage,
            o.provisional,
            band_low.label if band_low else None,
            band_high.label if band_high else None,
        ),
        provisional_text=wording.PROVISIONAL_EXPLAINED if o.provisional else None,
        explained=wording.OUTLOOK_EXPLAINED,
        neutral_rule=wording.NEUTRAL_RULE,
    )


def _limits(assessment: Assessment) -> tuple[LimitView, ...]:
    fw, o = assessment.framework, assessment.outlook
    out = []
    for limit in o.limits:
        gate = next((g for g in o.gates if g.factor_id == limit.factor_id), None)
        cap = fw.band(gate.cap).label if gate and limit.reason == GATE else None
        out.append(
            LimitView(
                limit.factor_id,
                limit.factor_name,
                limit.reason,
                _w(limit.score),
                wording.limit_text(
                    limit.reason,
                    limit.score,
                    gate.below if gate else None,
                    cap,
                    any(g.factor_id == limit.factor_id for g in o.unresolved_gates),
                ),
            )
        )
    return tuple(out)


def _base_rate(fw: Framework, purpose_id: str, stated: bool) -> BaseRateView | None:
    purpose = fw.purpose(purpose_id)
    if purpose is None:
        return None
    rate = purpose.base_rate
    if rate is None:
        return BaseRateView(
            purpose.id,
            purpose.name,
            stated,
            None,
            "",
            None,
            wording.BASE_RATE_COUNTS,
            None,
            (),
            (),
            wording.base_rate_line(purpose.name, None, None),
        )
    value = float(rate.effective_when_pursued)
    qualifier = rate.qualifier
    figure = wording.base_rate_figure(value, qualifier)
    labels = []
    for key in rate.sources:
        source = fw.source(key)
        labels.append(
            wording.source_label(source.title, source.publisher, source.year) if source else key
        )
    return BaseRateView(
        purpose.id,
        purpose.name,
        stated,
        value,
        qualifier,
        figure,
        wording.BASE_RATE_COUNTS,
        rate.text,
        tuple(rate.sources),
        tuple(labels),
        wording.base_rate_line(purpose.name, figure, "; ".join(labels) or None),
    )


def _outside_view(assessment: Assessment) -> OutsideView:
    fw, header = assessment.framework, assessment.case.header
    stated = [p for p in header.purpose if fw.purpose(p) is not None]
    ids = stated or [p.id for p in fw.purposes]
    rates = [_base_rate(fw, pid, bool(stated)) for pid in ids]
    return OutsideView(
        purpose_stated=bool(stated),
        base_rates=tuple(r for r in rates if r is not None),
        explained=wording.INSIDE_OUTSIDE,
        hint=None if stated else wording.NO_PURPOSE_STATED,
    )


def _red_flags(assessment: Assessment) -> tuple[tuple[RedFlagView, ...], str | None]:
    fw = assessment.framework
    flags = tuple(
        RedFlagView(
            f.factor_id,
            f.name,
            f.status,
            _w(f.score),
            _w(f.low),
            _w(f.high),
            f.answered,
            f.advice,
            f.evidence,
        )
        for f in assessment.red_flags
    )
    text = wording.red_flags_text(
        fw.red_flag_threshold,
        len(assessment.raised_flags),
        [(f.name, f.low or 0.0, f.high or 0.0, f.answered) for f in assessment.open_flags],
    )
    return flags, text


def _answers(assessment: Assessment) -> tuple[AnswerGroup, ...]:
    """Every question with the answer given, so a reader can see what each score rests on."""
    from sanctions_check.case import UNKNOWN
    from sanctions_check.scoring import MIDPOINT, level, neutral

    fw, case = assessment.framework, assessment.case
    out = []
    for factor in fw.factors:
        questions = []
        for question in factor.questions:
            answer = case.answer(factor.id, question.id)
            value = level(answer.score)
            counts_as = neutral(question)
            reason = question.neutral_reason
            text = wording.answer_text(answer.score)
            if answer.score in (None, UNKNOWN) and (reason or counts_as != MIDPOINT):
                text = wording.counts_as(text, counts_as, reason)
            questions.append(
                AnswerView(
                    id=question.id,
                    text=question.text,
                    score=answer.score,
                    score_text=text,
                    level=(
                        question.level_label(fw, int(value))
                        if value is not None and value == int(value)
                        else None
                    ),
                    confidence=answer.confidence,
                    hindsight=answer.hindsight,
                    note=answer.note,
                    sources=tuple(answer.sources),
                    neutral=counts_as,
                    neutral_reason=reason,
                )
            )
        out.append(AnswerGroup(factor.id, factor.name, tuple(questions)))
    return tuple(out)


def _gaps(assessment: Assessment) -> tuple[GapView, ...]:
    fw, case = assessment.framework, assessment.case
    out = []
    for gap in assessment.gaps:
        factor = fw.factor(gap.factor_id) if gap.factor_id else None
        note = None
        if factor is not None and gap.question_id:
            note = case.answer(factor.id, gap.question_id).note
        elif gap.kind == "risk-unrated" and gap.question_id:
            note = case.risk(gap.question_id).note
        out.append(
            GapView(
                gap.kind,
                wording.gap_label(gap.kind),
                gap.factor_id,
                factor.name if factor else None,
                gap.question_id,
                gap.text,
                note,
            )
        )
    return tuple(out)


def _case_sources(assessment: Assessment) -> tuple[str, ...]:
    """Every source the case file cites, once each, in the order a reader meets them."""
    case = assessment.case
    seen: dict[str, None] = dict.fromkeys(case.header.sources)
    for answers in case.answers.values():
        for answer in answers.values():
            seen.update(dict.fromkeys(answer.sources))
    for risk in case.risks.values():
        seen.update(dict.fromkeys(risk.sources))
    return tuple(seen)


def _outcome(assessment: Assessment) -> OutcomeView | None:
    fw = assessment.framework
    outcome = assessment.case.outcome
    if outcome is None:
        return None
    by_purpose = []
    for pid, verdict in dict(outcome.by_purpose).items():
        purpose = fw.purpose(pid)
        by_purpose.append(
            PurposeVerdict(
                pid, purpose.name if purpose else pid, verdict, wording.verdict_text(verdict)
            )
        )
    return OutcomeView(
        verdict=outcome.verdict,
        verdict_text=wording.verdict_text(outcome.verdict),
        by_purpose=tuple(by_purpose),
        tsc_policy_outcome=outcome.tsc_policy_outcome,
        tsc_sanctions_contribution=outcome.tsc_sanctions_contribution,
        quote=outcome.quote,
        sources=tuple(outcome.sources),
        note=outcome.note,
    )


def analogue_views(result: Similarity) -> tuple[AnalogueView, ...]:
    """The analogues of ``analogues.nearest`` (or ``similar``) as the report shows them, in rank
    order, every figure rounded once."""
    views = []
    for rank, a in enumerate(result.analogues, start=1):
        differs = tuple(
            DifferenceView(
                f.factor_id,
                f.name,
                whole(f.this),
                whole(f.other),
                wording.difference_text(f.name, f.this, f.other),
            )
            for f in a.differs_most
        )
        views.append(
            AnalogueView(
                rank=rank,
                id=a.case_id,
                title=a.title,
                file=Path(a.file).name,
                distance=_w(a.distance),
                overlap=round(a.overlap, 3),
                weak=a.weak,
                outlook=_w(a.outlook),
                low=whole(a.low),
                high=whole(a.high),
                band=a.band_id,
                band_label=a.band,
                verdict=a.verdict,
                verdict_text=wording.verdict_or_none(a.verdict),
                quote=a.quote,
                differs=differs,
                text=wording.analogue_text(
                    a.distance, a.overlap, a.weak, a.band, a.outlook, a.verdict
                ),
                differs_text=wording.analogue_differs([d.text for d in differs]),
            )
        )
    return tuple(views)


def _analogue_notes(assessment: Assessment, found: tuple[AnalogueView, ...]) -> tuple[str, ...]:
    """What to say before the analogues: weak ones (the wording of `similar`), or none at all."""
    from sanctions_check.analogues import answered_share

    threshold = assessment.framework.min_coverage
    answered = answered_share(assessment.framework, assessment.case)
    notes = []
    if answered < threshold:
        notes.append(wording.similar_weak_case(answered, threshold))
    elif found and all(a.weak for a in found):
        notes.append(wording.similar_no_strong(threshold))
    if not found:
        notes.append(wording.ANALOGUES_NONE)
    return tuple(notes)


def build(
    assessment: Assessment,
    *,
    generated: datetime | None = None,
    with_answers: bool = True,
    analogues: tuple[AnalogueView, ...] | None = None,
    bundled_library: bool = True,
) -> Report:
    """The whole advisory summary of one assessment (schema ``report@2``).

    ``with_answers=False`` leaves out the appendix of every answer with its note and sources
    (an empty tuple), for a short summary to hand to a decision maker.

    ``analogues`` are the nearest past episodes (:func:`analogue_views`), read by the caller;
    None leaves the section out (``analogues_asked`` False), an empty tuple says none could be
    compared. ``bundled_library`` says whether they come from the bundled examples.
    """
    fw, case = assessment.framework, assessment.case
    header = case.header
    moment = generated if generated is not None else generated_at()
    # A risk marked n/a (it cannot arise with these measures) is not "not rated".
    rated = {r.id for r in assessment.risks} | {r.id for r in assessment.risks_not_applicable}
    factor_names = {f.id: f.name for f in fw.factors}
    flags, flags_text = _red_flags(assessment)
    as_of = header.as_of
    top = fw.bands[-1]
    return Report(
        schema=SCHEMA,
        advisory=wording.ADVISORY_NOTICE,
        case=CaseInfo(
            id=header.id,
            title=header.title,
            country=header.country,
            assessed_on=header.assessed_on,
            as_of=as_of,
            analyst=header.analyst,
            implementers=tuple(header.implementers),
            hypothetical=header.hypothetical,
            situation=header.situation,
            measures=header.measures,
            purposes=tuple(header.purpose),
            file=Path(case.source).name,
            framework_ref=case.framework_ref,
        ),
        outlook=_outlook(assessment),
        outside_view=_outside_view(assessment),
        bands=tuple(BandView(b.id, b.label, whole(b.min), b.meaning) for b in fw.bands),
        factors=tuple(_factor(r, fw) for r in assessment.factors),
        limits=_limits(assessment),
        strengths=tuple(
            StrengthView(s.id, s.name, whole(s.score or 0.0), s.evidence)
            for s in assessment.strengths
        ),
        strengths_none=wording.strengths_none(top.label, top.min),
        levers=tuple(
            LeverView(
                lv.factor_id,
                factor_names[lv.factor_id],
                lv.question_id,
                lv.question,
                lv.current,
                whole(lv.gain),
                lv.lifts_cap,
                lv.advice,
                wording.lever_text(factor_names[lv.factor_id], lv.current, lv.gain, lv.lifts_cap),
            )
            for lv in assessment.levers
        ),
        red_flags=flags,
        red_flag_threshold=whole(fw.red_flag_threshold),
        red_flags_text=flags_text,
        risks=tuple(
            RiskView(
                id=r.id,
                name=r.name,
                likelihood=r.likelihood,
                severity=r.severity,
                value=r.value,
                low=r.low,
                high=r.high,
                band=r.band_id,
                band_label=r.band_label,
                reach_label=r.reach_label,
                text=wording.risk_range_text(
                    r.likelihood, r.severity, r.value, r.low, r.high, r.band_label, r.reach_label
                ),
                mitigation=r.mitigation,
                suggested_mitigations=r.mitigations,
                note=r.note,
                confidence=r.confidence,
                hindsight=r.hindsight,
            )
            for r in assessment.risks
        ),
        risks_not_rated=tuple(NamedRef(r.id, r.name) for r in fw.risks if r.id not in rated),
        gaps=_gaps(assessment),
        not_applicable=tuple(
            NotApplicableView(
                n.factor_id, factor_names[n.factor_id], n.question_id, n.question, n.note
            )
            for n in assessment.not_applicable
        ),
        confidence_not_stated=assessment.confidence_not_stated,
        confidence_text=wording.confidence_not_stated(assessment.confidence_not_stated),
        hindsight=assessment.hindsight,
        hindsight_text=wording.hindsight_text(assessment.hindsight, as_of),
        gaps_none=wording.gaps_none(assessment.confidence_not_stated),
        answers=_answers(assessment) if with_answers else (),
        caveats=tuple(CaveatView(c.id, c.text, tuple(c.sources)) for c in fw.caveats),
        warnings=tuple(w.message for w in case.warnings),
        method=MethodView(
            text=METHOD,
            framework=FrameworkRef(fw.id, fw.version, fw.title, fw.sha256),
            tool=ToolRef("sanctions-check", __version__),
            generated=iso(moment),
        ),
        sources=SourcesView(
            framework=tuple(
                SourceView(s.key, s.title, s.publisher, s.year, s.url) for s in fw.sources
            ),
            case=_case_sources(assessment),
        ),
        references=tuple(ReferenceView(k, v) for k, v in case.references.items()),
        outcome=_outcome(assessment),
        analogues=analogues or (),
        analogues_asked=analogues is not None,
        analogues_notes=() if analogues is None else _analogue_notes(assessment, analogues),
        analogues_explained=(
            wording.analogues_explained(fw.min_coverage, bundled_library) if analogues else None
        ),
    )
