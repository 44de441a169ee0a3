"""The view of `report` (and of the summary `assess` prints): one typed, immutable model of
the report of one assessment, read by every format.

Terminal, Markdown, HTML, Word, the brief and JSON all start from :func:`build`, so they cannot
drift apart: a section added here shows up everywhere. Figures a person reads are whole numbers
and shares whole percents, rounded once here (``numbers``); every sentence is chosen here and
worded in ``wording``. Text is kept as written in the case file; each renderer makes it inert for
its own format (textsafe). JSON is the model itself, walked once (``serialise``), schema
``report@3`` (docs/reports.md).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from sanctions_check.case import Confidence, Score, Verdict
from sanctions_check.framework import Band, FactorKind, Framework
from sanctions_check.numbers import share, whole, whole_or_none
from sanctions_check.render.provenance import (
    FrameworkRef,
    ToolRef,
    framework_ref,
    generated_at,
    iso,
    tool_ref,
)
from sanctions_check.render.wording import common, history
from sanctions_check.render.wording import report as words
from sanctions_check.scoring import (
    CLOSED,
    FACTOR_NOT_ASSESSED,
    GATE,
    GATE_UNRESOLVED,
    RAISED,
    RISK_UNRATED,
    Assessment,
    FactorResult,
    FlagStatus,
    GapKind,
    GateResult,
    GateStatus,
    LimitReason,
    RiskResult,
)

if TYPE_CHECKING:
    from sanctions_check.analogues import Similarity
    from sanctions_check.render.judgement_view import JudgementView
    from sanctions_check.render.placement_view import PlacementView

SCHEMA = "sanctions-check/report@3"
METHOD = words.METHOD
Paper = Literal["a4", "letter"]


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
            (words.CASE_COUNTRY, self.country),
            (words.CASE_AS_OF, self.as_of),
            (words.CASE_ASSESSED_ON, self.assessed_on),
            (words.CASE_ANALYST, self.analyst),
            (words.CASE_IMPOSED_BY, ", ".join(self.implementers)),
        )
        return tuple((label, value) for label, value in given if value)


class GateView(NamedTuple):
    """One gate on one factor: closed (caps the band) or unresolved (the range allows it)."""

    id: str
    factor_id: str
    factor_name: str
    status: GateStatus
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
    kind: FactorKind
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
    reason: LimitReason
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
    status: FlagStatus
    score: int | None
    low: int | None
    high: int | None
    answered: int
    advice: tuple[str, ...]
    evidence: str


class RiskView(NamedTuple):
    id: str
    name: str
    likelihood: Score
    severity: Score
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
    confidence: Confidence | None
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
    kind: GapKind
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
        return words.brief_gap_counts(
            self.unknown,
            self.unanswered,
            self.low_confidence,
            self.risk_unrated,
            self.not_applicable,
        )

    @property
    def short(self) -> str:
        return words.bottom_gaps(
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
    score: Score | float  # a level, unknown, n/a, or None (not answered)
    score_text: str
    level: str | None
    confidence: Confidence | None
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
    verdict: Verdict
    verdict_text: str


class OutcomeView(NamedTuple):
    """The sources' verdict on the episode, after the fact; never read by the scoring."""

    verdict: Verdict
    verdict_text: str
    by_purpose: tuple[PurposeVerdict, ...]
    tsc_policy_outcome: int | None
    tsc_sanctions_contribution: int | None
    quote: str | None
    sources: tuple[str, ...]
    note: str | None
    # Under the verdicts, the lines the case file gives: the consortium's figures, the quote,
    # the note, the sources; worded once here for every format.
    details: tuple[str, ...] = ()


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
    overlap: float  # share of the outlook's weight the distance rests on: a whole percent, 0-1
    weak: bool  # overlap under the framework's min_coverage
    outlook: int | None
    low: int
    high: int
    band: str | None  # band id
    band_label: str | None
    verdict: Verdict | None  # the sources' overall verdict; None when the episode records none
    verdict_text: str
    quote: str | None  # the outcome's short quote, as written
    differs: tuple[DifferenceView, ...]  # the two or three factors where it differs most
    text: str  # distance, overlap, outlook and verdict in one line
    differs_text: str
    quote_text: str | None = None  # the quote, marked as the sources' words


class Report(NamedTuple):
    """The whole advisory summary of one assessment (schema ``report@3``)."""

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
    # Where the outlook stands among the library's coded past episodes; None when no library was
    # read, or none can be scored with this framework.
    placement: PlacementView | None = None
    # The analyst's own judgement beside the outlook, or that none is given (always built).
    judgement: JudgementView | None = None

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


class ReportPage(NamedTuple):
    """The view of the `report` command: the report, and how it was asked for.

    ``case_file`` is the case as the reader typed it, named in the commands the bottom line and
    the brief suggest; ``paper`` is the page the brief prints on. Neither is part of the report
    itself: its JSON is :attr:`report` alone.
    """

    report: Report
    case_file: str
    paper: Paper = "a4"


# --- building it -----------------------------------------------------------------------------


def _band(band: Band | None) -> BandView | None:
    if band is None:
        return None
    return BandView(id=band.id, label=band.label, min=whole(band.min), meaning=band.meaning)


def _evidence(fw: Framework, factor_id: str) -> str:
    factor = fw.factor(factor_id)
    return factor.evidence.label if factor is not None else ""


def _factor(result: FactorResult, fw: Framework) -> FactorView:
    factor = fw.factor(result.id)
    assert factor is not None
    ev = factor.evidence
    score, low, high = (
        whole_or_none(result.score),
        whole_or_none(result.low),
        whole_or_none(result.high),
    )
    return FactorView(
        id=result.id,
        name=result.name,
        kind=result.kind,
        kind_label=common.kind_label(result.kind),
        weight=result.weight,
        score=score,
        low=low,
        high=high,
        coverage=share(result.coverage),
        answered=result.answered,
        unknown=result.unknown,
        unanswered=result.unanswered,
        not_applicable=result.not_applicable,
        questions=result.questions,
        assessed=result.assessed,
        applicable=result.applicable,
        score_text=common.factor_score_text(score, low, high, result.assessed),
        evidence=ev.label,
        practitioner_rating=ev.practitioner_rating,
        research_rating=ev.research_rating,
    )


def _gate(gate: GateResult, fw: Framework) -> GateView:
    return GateView(
        id=gate.id,
        factor_id=gate.factor_id,
        factor_name=gate.factor_name,
        status=gate.status,
        score=whole(gate.score),
        low=whole(gate.low),
        high=whole(gate.high),
        below=whole(gate.below),
        cap=gate.cap,
        cap_label=fw.band(gate.cap).label,
    )


def _gate_text(cap_label: str, below: float, reason: str, mine: list[GateResult]) -> str:
    """One gate in words, its reason once: which factors close it, which leave it unresolved."""
    closed = [g for g in mine if g.status == CLOSED]
    unresolved = [g for g in mine if g.status != CLOSED]
    parts = []
    if closed:
        scores = " and ".join(
            words.gate_factor_scores(g.factor_name, whole(g.score)) for g in closed
        )
        parts.append(words.gate_closed(scores, below, cap_label))
    if unresolved:
        ranges = "; ".join(
            words.gate_factor_range(g.factor_name, whole(g.low), whole(g.high)) for g in unresolved
        )
        parts.append(words.gate_unresolved(ranges, len(unresolved), below, cap_label))
    return " ".join(parts) + f" {reason}"


def _gate_texts(assessment: Assessment) -> tuple[str, ...]:
    """One paragraph per gate: the factors that close it, those it is unresolved on, its reason."""
    fw, o = assessment.framework, assessment.outlook
    every = [*o.gates, *o.unresolved_gates]
    texts = []
    for gate in fw.gates:
        mine = [g for g in every if g.id == gate.id]
        if mine:
            texts.append(_gate_text(fw.band(gate.cap).label, gate.below, gate.reason, mine))
    return tuple(texts)


def _outlook(assessment: Assessment) -> OutlookView:
    fw, o = assessment.framework, assessment.outlook
    score, low, high = whole_or_none(o.score), whole(o.low), whole(o.high)
    band, band_low, band_high = _band(o.band), _band(o.band_low), _band(o.band_high)
    names = {f.id: f.name for f in fw.factors}
    order = {f.id: i for i, f in enumerate(fw.factors)}
    gate_order = [x.id for x in fw.gates]
    gates = sorted(
        [*o.gates, *o.unresolved_gates],
        key=lambda g: (gate_order.index(g.id), order[g.factor_id]),
    )
    return OutlookView(
        score=score,
        low=low,
        high=high,
        coverage=share(o.coverage),
        band=band,
        uncapped_band=_band(o.uncapped_band),
        band_low=band_low,
        band_high=band_high,
        provisional=o.provisional,
        gates=tuple(_gate(g, fw) for g in gates),
        gate_texts=_gate_texts(assessment),
        not_applicable=tuple(names[i] for i in o.not_applicable),
        text=common.outlook_text(
            band.label if band else None,
            o.capped,
            score,
            low,
            high,
            o.coverage,
            o.provisional,
            band_low.label if band_low else None,
            band_high.label if band_high else None,
        ),
        provisional_text=words.PROVISIONAL_EXPLAINED if o.provisional else None,
        explained=common.OUTLOOK_EXPLAINED,
        neutral_rule=common.NEUTRAL_RULE,
    )


def _limit_why(
    assessment: Assessment, factor_id: str, reason: LimitReason, score: float | None
) -> str:
    """Why a factor limits the outlook; a closed gate's own reason is given with the gate."""
    fw, o = assessment.framework, assessment.outlook
    gate = next((g for g in o.gates if g.factor_id == factor_id), None)
    if reason == FACTOR_NOT_ASSESSED:
        return words.limit_not_assessed(any(g.factor_id == factor_id for g in o.unresolved_gates))
    if reason == GATE and gate is not None:
        return words.limit_gate(score, gate.below, fw.band(gate.cap).label)
    return words.limit_weakest(score)


def _limits(assessment: Assessment) -> tuple[LimitView, ...]:
    return tuple(
        LimitView(
            factor_id=limit.factor_id,
            factor_name=limit.factor_name,
            reason=limit.reason,
            score=whole_or_none(limit.score),
            why=_limit_why(assessment, limit.factor_id, limit.reason, limit.score),
        )
        for limit in assessment.outlook.limits
    )


def _base_rate(fw: Framework, purpose_id: str, stated: bool) -> BaseRateView | None:
    purpose = fw.purpose(purpose_id)
    if purpose is None:
        return None
    rate = purpose.base_rate
    if rate is None:
        return BaseRateView(
            purpose_id=purpose.id,
            purpose_name=purpose.name,
            stated=stated,
            percent=None,
            qualifier="",
            figure=None,
            counts=words.BASE_RATE_COUNTS,
            text=None,
            sources=(),
            source_labels=(),
            line=words.base_rate_line(purpose.name, None, None),
        )
    value = float(rate.effective_when_pursued)
    qualifier = rate.qualifier
    figure = words.base_rate_figure(value, qualifier)
    labels = []
    for key in rate.sources:
        source = fw.source(key)
        labels.append(
            common.source_label(source.title, source.publisher, source.year) if source else key
        )
    return BaseRateView(
        purpose_id=purpose.id,
        purpose_name=purpose.name,
        stated=stated,
        percent=value,
        qualifier=qualifier,
        figure=figure,
        counts=words.BASE_RATE_COUNTS,
        text=rate.text,
        sources=tuple(rate.sources),
        source_labels=tuple(labels),
        line=words.base_rate_line(purpose.name, figure, "; ".join(labels) or None),
    )


def _outside_view(assessment: Assessment) -> OutsideView:
    fw, header = assessment.framework, assessment.case.header
    stated = [p for p in header.purpose if fw.purpose(p) is not None]
    ids = stated or [p.id for p in fw.purposes]
    rates = [_base_rate(fw, pid, bool(stated)) for pid in ids]
    return OutsideView(
        purpose_stated=bool(stated),
        base_rates=tuple(r for r in rates if r is not None),
        explained=words.INSIDE_OUTSIDE,
        hint=None if stated else words.NO_PURPOSE_STATED,
    )


def _red_flags_text(assessment: Assessment) -> str | None:
    """'None raised' only when every red flag is ruled out; the open ones named otherwise; None
    when the raised ones, listed on their own, say it all."""
    threshold = assessment.framework.red_flag_threshold
    open_flags = assessment.open_flags
    if not open_flags:
        return None if assessment.raised_flags else words.red_flags_none_raised(threshold)
    named = ", ".join(
        words.red_flag_no_answers(f.name)
        if f.answered == 0
        else words.red_flag_range(f.name, f.low or 0.0, f.high or 0.0)
        for f in open_flags
    )
    return words.red_flags_not_assessed(named, threshold)


def _red_flags(assessment: Assessment) -> tuple[RedFlagView, ...]:
    fw = assessment.framework
    return tuple(
        RedFlagView(
            factor_id=f.factor_id,
            name=f.name,
            status=f.status,
            score=whole_or_none(f.score),
            low=whole_or_none(f.low),
            high=whole_or_none(f.high),
            answered=f.answered,
            advice=f.advice,
            evidence=_evidence(fw, f.factor_id),
        )
        for f in assessment.red_flags
    )


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
            text = common.answer_text(answer.score)
            if answer.score in (None, UNKNOWN) and (reason or counts_as != MIDPOINT):
                text = words.counts_as(text, counts_as, reason)
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
        out.append(
            AnswerGroup(factor_id=factor.id, factor_name=factor.name, questions=tuple(questions))
        )
    return tuple(out)


def _gaps(assessment: Assessment) -> tuple[GapView, ...]:
    fw, case = assessment.framework, assessment.case
    out = []
    for gap in assessment.gaps:
        factor = fw.factor(gap.factor_id) if gap.factor_id else None
        note = None
        if factor is not None and gap.question_id:
            note = case.answer(factor.id, gap.question_id).note
        elif gap.kind == RISK_UNRATED and gap.question_id:
            note = case.risk(gap.question_id).note
        text = gap.text
        if gap.kind == GATE_UNRESOLVED and gap.gate is not None:
            g = gap.gate
            text = words.gate_gap(g.factor_name, whole(g.low), whole(g.high), whole(g.below))
        out.append(
            GapView(
                kind=gap.kind,
                kind_label=words.GAP_LABELS[gap.kind],
                factor_id=gap.factor_id,
                factor_name=factor.name if factor else None,
                question_id=gap.question_id,
                text=text,
                note=note,
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
                purpose_id=pid,
                purpose_name=purpose.name if purpose else pid,
                verdict=verdict,
                verdict_text=common.verdict_text(verdict),
            )
        )
    details = []
    if outcome.tsc_policy_outcome is not None:
        details.append(words.tsc_policy_outcome(outcome.tsc_policy_outcome))
    if outcome.tsc_sanctions_contribution is not None:
        details.append(words.tsc_sanctions_contribution(outcome.tsc_sanctions_contribution))
    if outcome.quote:
        details.append(words.quoted(outcome.quote))
    if outcome.note:
        details.append(outcome.note)
    if outcome.sources:
        details.append(words.sources_line(tuple(outcome.sources)))
    return OutcomeView(
        verdict=outcome.verdict,
        verdict_text=common.verdict_text(outcome.verdict),
        by_purpose=tuple(by_purpose),
        tsc_policy_outcome=outcome.tsc_policy_outcome,
        tsc_sanctions_contribution=outcome.tsc_sanctions_contribution,
        quote=outcome.quote,
        sources=tuple(outcome.sources),
        note=outcome.note,
        details=tuple(details),
    )


def analogue_views(result: Similarity) -> tuple[AnalogueView, ...]:
    """The analogues of ``analogues.nearest`` (or ``similar``) as the report shows them, in rank
    order, every figure rounded once."""
    from sanctions_check.textsafe import one_line

    views = []
    for rank, a in enumerate(result.analogues, start=1):
        differs = tuple(
            DifferenceView(
                factor_id=f.factor_id,
                factor_name=f.name,
                this=whole(f.this),
                other=whole(f.other),
                text=history.difference_text(f.name, f.this, f.other),
            )
            for f in a.differs_most
        )
        views.append(
            AnalogueView(
                rank=rank,
                id=a.case_id,
                title=a.title,
                file=Path(a.file).name,
                distance=whole_or_none(a.distance),
                overlap=share(a.overlap),
                weak=a.weak,
                outlook=whole_or_none(a.outlook),
                low=whole(a.low),
                high=whole(a.high),
                band=a.band_id,
                band_label=a.band,
                verdict=a.verdict,
                verdict_text=common.verdict_or_none(a.verdict),
                quote=a.quote,
                differs=differs,
                text=words.analogue_text(
                    a.distance, a.overlap, a.weak, a.band, a.outlook, a.verdict
                ),
                differs_text=words.analogue_differs([d.text for d in differs]),
                quote_text=history.quote_text(one_line(a.quote)) if a.quote else None,
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
        notes.append(history.similar_weak_case(answered, threshold))
    elif found and all(a.weak for a in found):
        notes.append(history.similar_no_strong(threshold))
    if not found:
        notes.append(words.ANALOGUES_NONE)
    return tuple(notes)


def _risk(r: RiskResult) -> RiskView:
    return RiskView(
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
        text=common.risk_range_text(
            r.likelihood, r.severity, r.value, r.low, r.high, r.band_label, r.reach_label
        ),
        mitigation=r.mitigation,
        suggested_mitigations=r.mitigations,
        note=r.note,
        confidence=r.confidence,
        hindsight=r.hindsight,
    )


def build(
    assessment: Assessment,
    *,
    generated: datetime | None = None,
    with_answers: bool = True,
    analogues: tuple[AnalogueView, ...] | None = None,
    bundled_library: bool = True,
    placement: PlacementView | None = None,
) -> Report:
    """The whole advisory summary of one assessment (schema ``report@3``).

    ``with_answers=False`` leaves out the appendix of every answer with its note and sources
    (an empty tuple), for a short summary to hand to a decision maker.

    ``analogues`` are the nearest past episodes (:func:`analogue_views`), read by the caller;
    None leaves the section out (``analogues_asked`` False), an empty tuple says none could be
    compared. ``bundled_library`` says whether they come from the bundled examples.

    ``placement`` is where the outlook stands among the library's coded past episodes
    (``placement_view.build``), read by the caller with the same library; None leaves it out.
    """
    from sanctions_check.render import judgement_view

    fw, case = assessment.framework, assessment.case
    header = case.header
    moment = generated if generated is not None else generated_at()
    # A risk marked n/a (it cannot arise with these measures) is not "not rated".
    rated = {r.id for r in assessment.risks} | {r.id for r in assessment.risks_not_applicable}
    factor_names = {f.id: f.name for f in fw.factors}
    as_of = header.as_of
    top = fw.bands[-1]
    unstated = assessment.confidence_not_stated
    outlook = _outlook(assessment)
    return Report(
        schema=SCHEMA,
        advisory=common.ADVISORY_NOTICE,
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
        outlook=outlook,
        outside_view=_outside_view(assessment),
        bands=tuple(b for b in map(_band, fw.bands) if b is not None),
        factors=tuple(_factor(r, fw) for r in assessment.factors),
        limits=_limits(assessment),
        strengths=tuple(
            StrengthView(
                factor_id=s.id,
                factor_name=s.name,
                score=whole(s.score or 0.0),
                evidence=_evidence(fw, s.id),
            )
            for s in assessment.strengths
        ),
        strengths_none=words.strengths_none(top.label, top.min),
        levers=tuple(
            LeverView(
                factor_id=lv.factor_id,
                factor_name=factor_names[lv.factor_id],
                question_id=lv.question_id,
                question=lv.question,
                current=lv.current,
                gain=whole(lv.gain),
                lifts_cap=lv.lifts_cap,
                advice=lv.advice,
                text=words.lever_text(
                    factor_names[lv.factor_id], lv.current, lv.gain, lv.lifts_cap
                ),
            )
            for lv in assessment.levers
        ),
        red_flags=_red_flags(assessment),
        red_flag_threshold=whole(fw.red_flag_threshold),
        red_flags_text=_red_flags_text(assessment),
        risks=tuple(_risk(r) for r in assessment.risks),
        risks_not_rated=tuple(
            NamedRef(id=r.id, name=r.name) for r in fw.risks if r.id not in rated
        ),
        gaps=_gaps(assessment),
        not_applicable=tuple(
            NotApplicableView(
                factor_id=n.factor_id,
                factor_name=factor_names[n.factor_id],
                question_id=n.question_id,
                question=n.question,
                note=n.note,
            )
            for n in assessment.not_applicable
        ),
        confidence_not_stated=unstated,
        confidence_text=words.confidence_not_stated(unstated) if unstated else None,
        hindsight=assessment.hindsight,
        hindsight_text=(
            words.hindsight_text(assessment.hindsight, as_of) if assessment.hindsight else None
        ),
        gaps_none=words.GAPS_NONE_CONFIDENCE_UNSTATED if unstated else words.GAPS_NONE,
        answers=_answers(assessment) if with_answers else (),
        caveats=tuple(
            CaveatView(id=c.id, text=c.text, sources=tuple(c.sources)) for c in fw.caveats
        ),
        warnings=tuple(w.message for w in case.warnings),
        method=MethodView(
            text=METHOD,
            framework=framework_ref(fw),
            tool=tool_ref(),
            generated=iso(moment),
        ),
        sources=SourcesView(
            framework=tuple(
                SourceView(key=s.key, title=s.title, publisher=s.publisher, year=s.year, url=s.url)
                for s in fw.sources
            ),
            case=_case_sources(assessment),
        ),
        references=tuple(ReferenceView(key=k, text=v) for k, v in case.references.items()),
        outcome=_outcome(assessment),
        analogues=analogues or (),
        analogues_asked=analogues is not None,
        analogues_notes=() if analogues is None else _analogue_notes(assessment, analogues),
        analogues_explained=(
            words.analogues_explained(fw.min_coverage, bundled_library) if analogues else None
        ),
        placement=placement,
        judgement=judgement_view.build(
            case.judgement,
            outlook.band.id if outlook.band else None,
            outlook.band.label if outlook.band else None,
            [b.id for b in fw.bands],
        ),
    )
