"""The view of `report` (and of the summary `assess` prints): one typed, immutable model of
the report of one assessment, read by every format.

Terminal, Markdown, HTML, Word, the brief and JSON all start from :func:`build`, so they cannot
drift apart: a section added here shows up everywhere. Figures a person reads are whole numbers
and shares whole percents, rounded once here (``numbers``); every sentence is chosen here and
worded in ``wording``. Text is kept as written in the case file; each renderer makes it inert for
its own format (textsafe). JSON is the model itself, walked once (``serialise``), schema
``report@4`` (docs/reports.md).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from sanctions_check.case import Confidence, Score, Verdict
from sanctions_check.framework import Band, FactorKind, Framework, Gate
from sanctions_check.numbers import share, share_or_none, whole, whole_or_none
from sanctions_check.render import headline
from sanctions_check.render.headline import WithheldView
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
    LOW_CONFIDENCE_GAP,
    RAISED,
    RISK_OPEN,
    UNANSWERED,
    UNKNOWN_GAP,
    Assessment,
    FactorResult,
    FlagStatus,
    GapKind,
    GateResult,
    GateStatus,
    LimitReason,
    RiskResult,
    band_rank,
    strength_min,
)

if TYPE_CHECKING:
    from sanctions_check.analogues import Similarity
    from sanctions_check.render.judgement_view import JudgementView
    from sanctions_check.render.placement_view import PlacementView

SCHEMA = "sanctions-check/report@4"
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
    scope: ScopeView | None = None  # the case's scope mark (threat-only, ...), when it has one

    @property
    def facts(self) -> tuple[tuple[str, str], ...]:
        """The header's labelled facts that the file gives, in reading order, for every format."""
        given = (
            (words.CASE_COUNTRY, self.country),
            (words.CASE_AS_OF, self.as_of),
            (words.CASE_ASSESSED_ON, self.assessed_on),
            (words.CASE_ANALYST, self.analyst),
            (words.CASE_IMPOSED_BY, ", ".join(self.implementers)),
            (words.CASE_SCOPE, self.scope.text if self.scope else None),
        )
        return tuple((label, value) for label, value in given if value)


class ScopeView(NamedTuple):
    """A case's scope mark: measures that are not ordinary imposed targeted sanctions."""

    id: str
    name: str
    meaning: str
    outside_definition: bool
    text: str  # 'Threat only: the measures were threatened but never imposed …'


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
    # Unresolved: what would follow were the factor confirmed below the gate (no band named while
    # none is earned; no cap named when the band is at or below it already). None when closed.
    follows: str | None = None


class OutlookView(NamedTuple):
    score: int | None
    low: int
    high: int
    coverage: float  # 0-1, a whole percent
    outside_coverage: float | None  # of the questions an outside analyst can answer
    band: BandView | None  # None when withheld (band_withheld says why) or nothing is scored
    uncapped_band: BandView | None
    band_low: BandView | None  # band at the low end of the range, every possible gate applied
    band_high: BandView | None  # band at the high end of the range
    band_withheld: WithheldView | None
    other_bands: tuple[str, ...]  # labels of the bands the range reaches besides the point's own
    band_meaning: str | None  # what the band means, true of these answers (the cap said)
    gates: tuple[GateView, ...]  # closed and unresolved, in framework order
    gate_texts: tuple[str, ...]  # one paragraph per gate, its reason once
    not_applicable: tuple[str, ...]  # names of factors left out: every question n/a
    text: str  # the headline
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
    rests_on_one: bool = False  # after its n/a questions, one question carries the factor
    note: str | None = None  # 'rests on one answer …', beside the score
    evidence_note: str | None = None  # the framework's note on the evidence, as written


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
    practitioners: int = 0  # who cited the factor: the tie-break after the exact gain


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
    text: str  # '4 × 3 = 12 (High)' or, open, '4 × ? → 0–16 (open; could reach Severe)'
    mitigation: str | None
    suggested_mitigations: tuple[str, ...]
    note: str | None
    confidence: Confidence | None
    hindsight: bool
    open: bool = False  # a side unknown or not rated, or left out of the file


class RiskNotApplicableView(NamedTuple):
    """A risk that cannot arise with these measures: listed with its note, never rated or open."""

    id: str
    name: str
    note: str | None
    text: str


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
    """The lengths of the data-gap lists: questions answered unknown, not answered, answers and
    risk ratings of low confidence, open risks, and questions answered n/a."""

    unknown: int
    unanswered: int
    low_confidence: int
    risk_open: int
    not_applicable: int

    @property
    def total(self) -> int:
        return self.unknown + self.unanswered + self.low_confidence + self.risk_open

    @property
    def text(self) -> str:
        return words.brief_gap_counts(
            self.unknown,
            self.unanswered,
            self.low_confidence,
            self.risk_open,
            self.not_applicable,
        )

    @property
    def short(self) -> str:
        return words.bottom_gaps(
            self.unknown,
            self.unanswered,
            self.low_confidence,
            self.risk_open,
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


class ResearchFindingView(NamedTuple):
    """A research-only finding: coded by USHMM's review, named by no practitioner, never scored."""

    name: str
    greater: int
    lesser: int
    mixed: int
    rating: str
    studies: str
    note: str
    asked_in: tuple[str, ...]
    text: str  # 'Democracy: 2 findings of greater effectiveness (Weaker; …). note'


class ResearchContextView(NamedTuple):
    rule: str
    findings: tuple[ResearchFindingView, ...]


class Report(NamedTuple):
    """The whole advisory summary of one assessment (schema ``report@4``)."""

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
    levers_note: str | None  # 'Each would add about 3 outlook points …' when all round alike
    red_flags: tuple[RedFlagView, ...]  # every red flag, whatever its status
    red_flag_threshold: int
    red_flags_text: str | None  # 'None raised …' or 'Not assessed: …'; None when only raised ones
    risks: tuple[RiskView, ...]  # rated (both sides known), highest first: risks[0] is the top
    risks_open: tuple[RiskView, ...]  # a side unknown or not rated, or left out; by reach
    risks_not_applicable: tuple[RiskNotApplicableView, ...]
    risks_text: str  # '2 rated, 7 open, 1 not applicable': the lengths of the three lists
    gaps: tuple[GapView, ...]
    not_applicable: tuple[NotApplicableView, ...]
    confidence_not_stated: int
    confidence_text: str | None
    hindsight: int
    hindsight_text: str | None
    gaps_none: str  # what to say when no gap is listed
    answers: tuple[AnswerGroup, ...]  # empty for a short summary
    caveats: tuple[CaveatView, ...]
    research_context: ResearchContextView | None
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
            unknown=kinds.count(UNKNOWN_GAP),
            unanswered=kinds.count(UNANSWERED),
            low_confidence=kinds.count(LOW_CONFIDENCE_GAP),
            risk_open=kinds.count(RISK_OPEN),
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
        score_text=common.factor_score_text(
            score, low, high, result.assessed, result.unknown, result.unanswered
        ),
        evidence=ev.label,
        practitioner_rating=ev.practitioner_rating,
        research_rating=ev.research_rating,
        rests_on_one=result.rests_on_one,
        note=words.rests_on_one(result.not_applicable) if result.rests_on_one else None,
        evidence_note=ev.note,
    )


def _follows(assessment: Assessment, cap_id: str) -> str:
    """What would follow were an unresolved gate's factor confirmed below it."""
    fw, band = assessment.framework, assessment.outlook.band
    if band is None:
        return words.GATE_WOULD_CAP_LATER
    if band_rank(fw, band.id) > band_rank(fw, cap_id):
        return words.gate_would_cap(fw.band(cap_id).label)
    return words.gate_would_keep(band.label)


def _gate(gate: GateResult, assessment: Assessment) -> GateView:
    fw = assessment.framework
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
        follows=None if gate.status == CLOSED else _follows(assessment, gate.cap),
    )


def _gate_text(assessment: Assessment, gate: Gate, mine: list[GateResult]) -> str:
    """One gate in words, its reason once: which factors close it (and whether it capped: only
    when the answers alone put the band above the cap), which leave it unresolved (and what
    would follow were one confirmed below the gate), said without a band while none is earned."""
    fw, o = assessment.framework, assessment.outlook
    cap = fw.band(gate.cap)
    closed = [g for g in mine if g.status == CLOSED]
    unresolved = [g for g in mine if g.status != CLOSED]
    parts = []
    if closed:
        scores = " and ".join(
            words.gate_factor_scores(g.factor_name, whole(g.score)) for g in closed
        )
        if o.band is None or o.uncapped_band is None:
            parts.append(words.gate_closed_no_band(scores, gate.below))
        elif band_rank(fw, o.uncapped_band.id) > band_rank(fw, cap.id):
            parts.append(words.gate_capped(scores, gate.below, cap.label, o.uncapped_band.label))
        else:
            parts.append(words.gate_closed_not_capping(scores, gate.below, cap.label, o.band.label))
    if unresolved:
        ranges = "; ".join(
            words.gate_factor_range(g.factor_name, whole(g.low), whole(g.high)) for g in unresolved
        )
        follows = _follows(assessment, cap.id)
        parts.append(words.gate_unresolved(ranges, len(unresolved), gate.below, follows))
    return " ".join(parts) + f" {gate.reason}"


def _gate_texts(assessment: Assessment) -> tuple[str, ...]:
    """One paragraph per gate: the factors that close it, those it is unresolved on, its reason."""
    fw, o = assessment.framework, assessment.outlook
    every = [*o.gates, *o.unresolved_gates]
    texts = []
    for gate in fw.gates:
        mine = [g for g in every if g.id == gate.id]
        if mine:
            texts.append(_gate_text(assessment, gate, mine))
    return tuple(texts)


def _band_meaning(assessment: Assessment) -> str | None:
    """What the band means, true of the answers that produce it: a capped band says that the
    answers alone would read higher, and gives the meaning of that band."""
    o = assessment.outlook
    if o.band is None:
        return None
    if o.capped and o.uncapped_band is not None:
        return words.capped_meaning(o.band.label, o.uncapped_band.label, o.uncapped_band.meaning)
    return words.band_meaning(o.band.label, o.band.meaning)


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
        outside_coverage=share_or_none(headline.outside_share(fw, o)),
        band=band,
        uncapped_band=_band(o.uncapped_band),
        band_low=band_low,
        band_high=band_high,
        band_withheld=headline.withheld_view(fw, o),
        other_bands=headline.other_bands(fw, o),
        band_meaning=_band_meaning(assessment),
        gates=tuple(_gate(g, assessment) for g in gates),
        gate_texts=_gate_texts(assessment),
        not_applicable=tuple(names[i] for i in o.not_applicable),
        text=headline.headline(fw, o),
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
        result = assessment.factor(factor_id)
        unknown, unanswered = (result.unknown, result.unanswered) if result else (0, 0)
        return words.limit_not_assessed(
            any(g.factor_id == factor_id for g in o.unresolved_gates), unknown, unanswered
        )
    if reason == GATE and gate is not None:
        if o.band is None:
            return words.limit_gate_no_band(score, gate.below)
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
    named = []
    for flag in open_flags:
        result = assessment.factor(flag.factor_id)
        if flag.answered == 0 and result is not None:
            named.append(words.red_flag_no_answers(flag.name, result.unknown, result.unanswered))
        else:
            named.append(words.red_flag_range(flag.name, flag.low or 0.0, flag.high or 0.0))
    return words.red_flags_not_assessed(", ".join(named), threshold)


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
        elif gap.factor_id is None and gap.question_id:
            note = case.risk(gap.question_id).note
        text = gap.text
        if gap.kind == GATE_UNRESOLVED and gap.gate is not None:
            g = gap.gate
            text = words.gate_gap(g.factor_name, whole(g.low), whole(g.high), whole(g.below))
        label = words.GAP_LABELS[gap.kind]
        if gap.kind == LOW_CONFIDENCE_GAP and gap.factor_id is None:
            label = words.LOW_CONFIDENCE_RISK
        out.append(
            GapView(
                kind=gap.kind,
                kind_label=label,
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
    """A risk as every format shows it; an open one in the one wording every command uses."""
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
        open=r.open,
    )


def _risks_not_applicable(assessment: Assessment) -> tuple[RiskNotApplicableView, ...]:
    return tuple(
        RiskNotApplicableView(
            id=r.id, name=r.name, note=r.note, text=words.risk_not_applicable(r.name, r.note)
        )
        for r in assessment.risks_not_applicable
    )


def _levers(assessment: Assessment) -> tuple[tuple[LeverView, ...], str | None]:
    """The levers, and the one sentence that says their gains alike when every shown gain rounds
    to the same whole number (then no lever repeats it)."""
    fw = assessment.framework
    found = assessment.levers
    gains = {whole(lv.gain) for lv in found}
    alike = len(found) > 1 and len(gains) == 1
    views = []
    for lv in found:
        factor = fw.factor(lv.factor_id)
        assert factor is not None
        views.append(
            LeverView(
                factor_id=lv.factor_id,
                factor_name=factor.name,
                question_id=lv.question_id,
                question=lv.question,
                current=lv.current,
                gain=whole(lv.gain),
                lifts_cap=lv.lifts_cap,
                advice=lv.advice,
                text=words.lever_text(factor.name, lv.current, lv.gain, lv.lifts_cap, not alike),
                practitioners=factor.evidence.practitioners_cited,
            )
        )
    note = words.levers_alike(gains.pop()) if alike else None
    return tuple(views), note


def _scope(assessment: Assessment) -> ScopeView | None:
    fw, mark = assessment.framework, assessment.case.header.scope
    scope = fw.case_scope(mark) if mark else None
    if scope is None:
        return None
    return ScopeView(
        id=scope.id,
        name=scope.name,
        meaning=scope.meaning,
        outside_definition=scope.outside_definition,
        text=words.scope_text(scope.name, scope.meaning),
    )


def _research_context(fw: Framework) -> ResearchContextView | None:
    context = fw.research_context
    if context is None:
        return None
    return ResearchContextView(
        rule=context.rule,
        findings=tuple(
            ResearchFindingView(
                name=f.name,
                greater=f.greater,
                lesser=f.lesser,
                mixed=f.mixed,
                rating=f.rating,
                studies=f.studies,
                note=f.note,
                asked_in=tuple(f.asked_in),
                text=words.research_finding(
                    f.name, f.greater, f.lesser, f.mixed, f.rating, f.studies, f.note
                ),
            )
            for f in context.findings
        ),
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
    factor_names = {f.id: f.name for f in fw.factors}
    levers, levers_note = _levers(assessment)
    rated = tuple(_risk(r) for r in assessment.rated_risks)
    open_risks = tuple(_risk(r) for r in assessment.open_risks)
    not_applicable_risks = _risks_not_applicable(assessment)
    as_of = header.as_of
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
            scope=_scope(assessment),
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
        strengths_none=words.strengths_none(strength_min(fw)),
        levers=levers,
        levers_note=levers_note,
        red_flags=_red_flags(assessment),
        red_flag_threshold=whole(fw.red_flag_threshold),
        red_flags_text=_red_flags_text(assessment),
        risks=rated,
        risks_open=open_risks,
        risks_not_applicable=not_applicable_risks,
        risks_text=words.risk_counts(len(rated), len(open_risks), len(not_applicable_risks)),
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
        research_context=_research_context(fw),
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
