"""The view of `panel`: a panel of analysts pooled, every figure rounded once and every sentence
attached, read by the terminal, Markdown, HTML and JSON (schema ``panel@3``, docs/panel.md).

Rounding, as everywhere a person reads a figure: outlooks and impacts are whole numbers (half
up), coverage a whole percent kept as a fraction, alpha two decimals (the figure printed). Levels
are never rounded: a median of an even number of answers may be a half level (2.5), and is shown
as one. Analyst-keyed mappings use the analyst's number as a string ("1", "2", ...).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from sanctions_check.agreement import Agreement
from sanctions_check.agreement import Level as AgreementLevel
from sanctions_check.case import VIEWS
from sanctions_check.framework import FactorKind
from sanctions_check.numbers import (
    level_span,
    level_text,
    share,
    share_or_none,
    whole,
    whole_or_none,
)
from sanctions_check.panel import Given, Level, Member, Panel, QuestionPanel, RiskPanel
from sanctions_check.render import headline, judgement_view
from sanctions_check.render.headline import WithheldView
from sanctions_check.render.judgement_view import JudgementView
from sanctions_check.render.placement_view import PlacementView
from sanctions_check.render.provenance import (
    FrameworkId,
    ToolRef,
    framework_id,
    generated_at,
    iso,
    tool_ref,
)
from sanctions_check.render.wording import common
from sanctions_check.render.wording import judgement as judgement_words
from sanctions_check.render.wording import panel as words
from sanctions_check.scoring import Assessment

SCHEMA = "sanctions-check/panel@3"
MEASURE = "krippendorff-alpha-ordinal"


class CaseRef(NamedTuple):
    id: str
    title: str
    hypothetical: bool


class OutlookView(NamedTuple):
    score: int | None
    low: int
    high: int
    coverage: float
    outside_coverage: float | None  # of the questions an outside analyst can answer
    band: str | None  # band id; None while withheld (band_withheld says why)
    band_label: str | None
    capped: bool
    band_withheld: WithheldView | None
    text: str


class AnalystView(NamedTuple):
    key: str  # "1", "2", ... in input order: short column labels and dot labels
    name: str
    file: str  # base name
    outlook: OutlookView
    judgement: JudgementView | None = None  # the analyst's own, beside their own outlook


class JudgementCount(NamedTuple):
    """How many analysts gave one judgement (or none), and which."""

    view: str  # likely, could, unlikely, cannot-judge, or "not-given"
    label: str
    number: int
    analysts: tuple[str, ...]  # their keys


class JudgementSpread(NamedTuple):
    """The analysts' judgements counted, every judgement present; never pooled into one."""

    counts: tuple[JudgementCount, ...]
    any_given: bool  # at least one analyst gave a judgement: each is listed
    text: str
    note: str  # no pooled judgement is formed


class Pooled(NamedTuple):
    outlook: OutlookView  # the median case's
    limiting: tuple[str, ...]  # its limiting factor ids


class AgreementView(NamedTuple):
    measure: str
    alpha: float | None  # None when undefined
    questions: int  # answered with a number by at least two analysts
    analysts: int
    values: int
    total_questions: int
    level: AgreementLevel
    text: str


class NoteView(NamedTuple):
    analyst: str  # the analyst's key
    name: str
    text: str


class QuestionView(NamedTuple):
    ref: str  # factor.question
    factor_id: str
    factor_name: str
    kind: FactorKind
    kind_label: str
    question_id: str
    question: str
    answers: Mapping[str, Given]  # analyst key -> answer (a level, unknown, n/a, None)
    median: Level | None
    pooled: Given  # the answer in the median case
    low: Level | None
    high: Level | None
    spread: Level | None  # the range, highest minus lowest numeric answer
    unknown: int
    not_applicable: int
    unanswered: int
    distribution: Mapping[str, int]  # counts of "0".."4", "unknown", "n/a", "unanswered"
    disagrees: bool
    impact: int  # outlook points between this question at the lowest and at the highest answer
    outlook_at_low: int | None
    outlook_at_high: int | None
    band_at_low: str | None
    band_at_high: str | None
    notes: tuple[NoteView, ...]
    cells: tuple[str, ...]  # each analyst's answer in a narrow column: '3', '?', 'n/a', '–'
    median_text: str
    range_text: str
    counts_text: str  # unknown, n/a and unanswered, counted ('–' when none)
    impact_text: str  # '3 pts (Guarded → Moderate)', 'under 1 pt', 'red flag'
    heading: str  # 'Factor: question'


class RiskPooled(NamedTuple):
    likelihood: Given
    severity: Given
    value: int | None
    band: str | None
    band_label: str | None
    text: str


class RiskView(NamedTuple):
    id: str
    name: str
    likelihood: Mapping[str, Given]
    severity: Mapping[str, Given]
    value: Mapping[str, Level | None]
    median_likelihood: Level | None
    median_severity: Level | None
    spread: Level | None
    pooled: RiskPooled | None
    notes: tuple[NoteView, ...]
    mitigations: tuple[NoteView, ...]
    cells: tuple[str, ...]  # each analyst's likelihood × severity
    pooled_text: str


class MethodView(NamedTuple):
    text: str
    framework: FrameworkId
    tool: ToolRef
    generated: str


class PanelView(NamedTuple):
    """A panel of analysts, pooled (schema ``panel@2``)."""

    schema: str
    case: CaseRef
    analysts: tuple[AnalystView, ...]
    pooled: Pooled
    agreement: AgreementView
    spread_measure: str
    questions: tuple[QuestionView, ...]  # in the framework's order
    disagreements: tuple[str, ...]  # question refs, the most outlook-moving first
    risks: tuple[RiskView, ...]  # a side rated by at least one analyst
    risks_open_text: str | None  # the risks no analyst rated, open for all, named once
    warnings: tuple[str, ...]
    method: MethodView
    title: str
    case_line: str
    advisory: str
    judgements: JudgementSpread | None = None  # always built by `build`
    placement: PlacementView | None = None  # the pooled outlook among past episodes

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(a.key for a in self.analysts)

    @property
    def disagreeing(self) -> tuple[QuestionView, ...]:
        """The questions where the analysts differ, in the order of :attr:`disagreements`."""
        by_ref = {q.ref: q for q in self.questions}
        return tuple(by_ref[ref] for ref in self.disagreements)

    @property
    def factors(self) -> tuple[tuple[QuestionView, ...], ...]:
        """The questions grouped by factor, in the framework's order."""
        groups: dict[str, list[QuestionView]] = {}
        for q in self.questions:
            groups.setdefault(q.factor_id, []).append(q)
        return tuple(tuple(group) for group in groups.values())


def _outlook(assessment: Assessment) -> OutlookView:
    fw, o = assessment.framework, assessment.outlook
    score = whole_or_none(o.score)
    label = o.band.label if o.band else None
    return OutlookView(
        score=score,
        low=whole(o.low),
        high=whole(o.high),
        coverage=share(o.coverage),
        outside_coverage=share_or_none(headline.outside_share(fw, o)),
        band=o.band.id if o.band else None,
        band_label=label,
        capped=o.capped,
        band_withheld=headline.withheld_view(fw, o),
        text=headline.headline(fw, o),
    )


def _notes(panel: Panel, notes: tuple[tuple[str, str], ...]) -> tuple[NoteView, ...]:
    names = {m.key: m.name for m in panel.members}
    return tuple(NoteView(analyst=key, name=names[key], text=text) for key, text in notes)


def _impact_text(q: QuestionPanel) -> str:
    """How far a disagreement moves the pooled outlook: whole points, like every outlook figure;
    a move that rounds to nothing says so."""
    if q.kind == "red_flag":
        return words.IMPACT_RED_FLAG
    if not q.spread:
        return words.IMPACT_UNKNOWN
    points = whole(abs(q.impact))
    text = words.impact_points(points) if points >= 1 or q.impact == 0 else words.IMPACT_UNDER_ONE
    if q.band_at_low and q.band_at_high and q.band_at_low != q.band_at_high:
        text = words.impact_bands(text, q.band_at_low, q.band_at_high)
    return text


def _question(panel: Panel, q: QuestionPanel) -> QuestionView:
    keys = [m.key for m in panel.members]
    return QuestionView(
        ref=q.ref,
        factor_id=q.factor_id,
        factor_name=q.factor_name,
        kind=q.kind,
        kind_label=common.kind_label(q.kind),
        question_id=q.question_id,
        question=q.text,
        answers=dict(zip(keys, q.answers, strict=True)),
        median=q.median,
        pooled=q.pooled,
        low=q.low,
        high=q.high,
        spread=q.spread,
        unknown=q.unknown,
        not_applicable=q.not_applicable,
        unanswered=q.unanswered,
        distribution=q.distribution,
        disagrees=q.disagrees,
        impact=whole(q.impact),
        outlook_at_low=whole_or_none(q.outlook_at_low),
        outlook_at_high=whole_or_none(q.outlook_at_high),
        band_at_low=q.band_at_low,
        band_at_high=q.band_at_high,
        notes=_notes(panel, tuple((n.member, n.text) for n in q.notes)),
        cells=tuple(words.panel_cell(a) for a in q.answers),
        median_text=level_text(q.median),
        range_text=level_span(q.low, q.high),
        counts_text=words.counts_text(q.unknown, q.not_applicable, q.unanswered),
        impact_text=_impact_text(q),
        heading=words.question(q.factor_name, q.text),
    )


def _risk(panel: Panel, r: RiskPanel) -> RiskView:
    keys = [m.key for m in panel.members]
    p = r.pooled
    rated = (
        common.risk_range_text(
            p.likelihood, p.severity, p.value, p.low, p.high, p.band_label, p.reach_label
        )
        if p
        else words.POOLED_NOT_APPLICABLE
    )
    return RiskView(
        id=r.id,
        name=r.name,
        likelihood=dict(zip(keys, r.likelihoods, strict=True)),
        severity=dict(zip(keys, r.severities, strict=True)),
        value=dict(zip(keys, r.values, strict=True)),
        median_likelihood=r.median_likelihood,
        median_severity=r.median_severity,
        spread=r.spread,
        pooled=None
        if p is None
        else RiskPooled(
            likelihood=p.likelihood,
            severity=p.severity,
            value=p.value,
            band=p.band_id,
            band_label=p.band_label,
            text=rated,
        ),
        notes=_notes(panel, tuple((n.member, n.text) for n in r.notes)),
        mitigations=_notes(panel, tuple((n.member, n.text) for n in r.mitigations)),
        cells=tuple(
            words.risk_cell(lk, sv) for lk, sv in zip(r.likelihoods, r.severities, strict=True)
        ),
        pooled_text=rated,
    )


def _open_for_all(panel: Panel) -> str | None:
    """The risks no analyst rated on either side, named with their reach: open for all."""
    found = panel.open_for_all
    if not found:
        return None
    return words.risks_open_for_all(
        [
            f"{r.name} "
            + common.risk_range_text(
                r.likelihood, r.severity, r.value, r.low, r.high, r.band_label, r.reach_label
            )
            for r in found
        ]
    )


def _agreement_text(a: Agreement, alpha: float | None) -> str:
    """Krippendorff's alpha with what it rests on and its plain meaning."""
    rests = words.alpha_rests(a.units, a.total_units, a.coders)
    if alpha is None:
        return words.alpha_no_variation(rests) if a.no_variation else words.ALPHA_NO_PAIRS
    shown = f"{alpha:.2f}"
    level = a.level
    if level == "too-few":
        return words.alpha_too_few(shown, rests)
    return words.alpha_read(shown, rests, level)


def _agreement(a: Agreement) -> AgreementView:
    alpha = share_or_none(a.alpha)
    return AgreementView(
        measure=MEASURE,
        alpha=alpha,
        questions=a.units,
        analysts=a.coders,
        values=a.values,
        total_questions=a.total_units,
        level=a.level,
        text=_agreement_text(a, alpha),
    )


def _warnings(panel: Panel) -> tuple[str, ...]:
    mixed = panel.versions
    if mixed is None:
        return ()
    listed = "; ".join(words.versions_files(ref, list(files)) for ref, files in mixed.files)
    differ = None
    if mixed.differ:
        differ = (
            ", ".join(mixed.differ)
            if len(mixed.differ) <= 12
            else words.questions_count(len(mixed.differ))
        )
    return (words.versions(listed, mixed.scored_against, mixed.version, differ),)


def _analyst(member: Member) -> AnalystView:
    result = member.assessment
    band = result.outlook.band
    return AnalystView(
        key=member.key,
        name=member.name,
        file=Path(member.file).name,
        outlook=_outlook(result),
        judgement=judgement_view.build(
            result.case.judgement,
            band.id if band else None,
            band.label if band else None,
            [b.id for b in result.framework.bands],
        ),
    )


NOT_GIVEN = "not-given"


def _judgements(analysts: tuple[AnalystView, ...]) -> JudgementSpread:
    """Each judgement (and 'not given') with the analysts who gave it; no pooled judgement."""
    given = {a.key: a.judgement.view if a.judgement else None for a in analysts}
    counts = tuple(
        JudgementCount(
            view=view or NOT_GIVEN,
            label=common.view_label(view),
            number=len(keys),
            analysts=keys,
        )
        for view in (*VIEWS, None)
        if (keys := tuple(k for k, v in given.items() if v == view)) or view is not None
    )
    any_given = any(view is not None for view in given.values())
    return JudgementSpread(
        counts=counts,
        any_given=any_given,
        text=(
            judgement_words.panel_spread([(c.label, c.number) for c in counts], len(analysts))
            if any_given
            else judgement_words.panel_none_given(len(analysts))
        ),
        note=judgement_words.PANEL_NOT_POOLED,
    )


def build(
    panel: Panel, *, generated: datetime | None = None, placement: PlacementView | None = None
) -> PanelView:
    """The view of a gathered panel (``panel.gather``); ``generated`` defaults to
    ``SOURCE_DATE_EPOCH`` or the clock; ``placement`` places the pooled outlook (None: not
    placed)."""
    moment = generated if generated is not None else generated_at()
    fw = panel.framework
    analysts = tuple(_analyst(m) for m in panel.members)
    return PanelView(
        schema=SCHEMA,
        case=CaseRef(id=panel.case_id, title=panel.title, hypothetical=panel.hypothetical),
        analysts=analysts,
        pooled=Pooled(
            outlook=_outlook(panel.pooled),
            limiting=tuple(lim.factor_id for lim in panel.pooled.outlook.limits),
        ),
        agreement=_agreement(panel.agreement),
        spread_measure=words.PANEL_SPREAD_NAME,
        questions=tuple(_question(panel, q) for q in panel.questions),
        disagreements=tuple(q.ref for q in panel.disagreements),
        risks=tuple(_risk(panel, r) for r in panel.risks),
        risks_open_text=_open_for_all(panel),
        warnings=_warnings(panel),
        method=MethodView(
            text=words.PANEL_METHOD,
            framework=framework_id(fw),
            tool=tool_ref(),
            generated=iso(moment),
        ),
        title=words.panel_title(len(panel.members), panel.title),
        case_line=words.panel_case_line(panel.case_id, fw.id, fw.version),
        advisory=common.ADVISORY_NOTICE,
        judgements=_judgements(analysts),
        placement=placement,
    )
