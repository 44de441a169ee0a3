"""The view of `compare`: one typed model of what changed between two assessments of one case.

Every format (the terminal table, Markdown, JSON) reads this one model (:func:`build`), whose
changes are computed once from the whole numbers every output prints, with its sentences
attached. A line is a change only when what a reader sees differs: never "X → X". JSON is the
model itself, schema ``compare@3`` (docs/reports.md).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from sanctions_check.case import Answer, Confidence, Judgement, Score, View
from sanctions_check.compare import CHANGED, Comparison, Direction
from sanctions_check.framework import FactorKind
from sanctions_check.numbers import share, share_or_none, whole, whole_or_none
from sanctions_check.render import headline, provenance
from sanctions_check.render.headline import WithheldView
from sanctions_check.render.placement_view import PlacementChange
from sanctions_check.render.wording import common
from sanctions_check.render.wording import compare as words
from sanctions_check.render.wording import judgement as judgement_words
from sanctions_check.scoring import Assessment, RiskResult

SCHEMA = "sanctions-check/compare@3"


class SideView(NamedTuple):
    file: str
    id: str
    title: str
    assessed_on: str | None
    analyst: str | None
    score: int | None
    low: int
    high: int
    coverage: float
    outside_coverage: float | None  # of the questions an outside analyst can answer
    band: str | None  # None while withheld (band_withheld says why)
    band_label: str | None
    capped: bool
    band_withheld: WithheldView | None
    text: str
    limiting: tuple[str, ...]


class FactorRow(NamedTuple):
    id: str
    name: str
    kind: FactorKind
    kind_label: str
    old: int | None
    new: int | None
    old_text: str
    new_text: str
    old_coverage: float
    new_coverage: float
    delta: int | None
    delta_text: str
    changed: bool


class AnswerSide(NamedTuple):
    score: Score | float
    score_text: str
    confidence: Confidence | None
    note: str | None
    sources: tuple[str, ...]


class AnswerRow(NamedTuple):
    factor_id: str
    factor_name: str
    question_id: str
    question: str
    changed: tuple[str, ...]
    old: AnswerSide
    new: AnswerSide


class RiskSide(NamedTuple):
    likelihood: Score
    severity: Score
    value: int | None
    low: int
    high: int
    band: str | None
    text: str
    mitigation: str | None


class RiskRow(NamedTuple):
    id: str
    name: str
    direction: Direction
    direction_text: str
    delta: int | None
    changed: tuple[str, ...]
    old: RiskSide | None
    new: RiskSide | None
    text: str


class JudgementSide(NamedTuple):
    view: View | None
    label: str  # 'likely to help', ..., 'not given'
    reason: str | None
    date: str | None


class JudgementChange(NamedTuple):
    """The analyst's own judgement on each side: what changed, in one line, and both reasons
    when the reason changed."""

    old: JudgementSide
    new: JudgementSide
    changed: tuple[str, ...]  # which of view, reason, date differ
    text: str
    reasons: tuple[str, ...]  # 'old reason: …', 'new reason: …' when a reason changed


class MethodRef(NamedTuple):
    framework: provenance.FrameworkRef
    tool: provenance.ToolRef
    generated: str


class ComparisonReport(NamedTuple):
    """What changed between two assessments (schema ``compare@3``)."""

    schema: str
    old: SideView
    new: SideView
    outlook_delta: int | None
    outlook_delta_text: str
    outlook_changed: bool
    band_changed: bool
    limits_changed: bool
    limits_text: str
    factors: tuple[FactorRow, ...]  # every factor; `changed` says whether a reader sees a change
    answers: tuple[AnswerRow, ...]  # only answers that changed
    risks: tuple[RiskRow, ...]  # only risks that changed
    flags_raised: tuple[str, ...]
    flags_cleared: tuple[str, ...]
    unchanged: bool
    summary: str | None  # 'No changes: …' for two identical assessments
    warnings: tuple[str, ...]
    method: MethodRef
    judgement: JudgementChange | None = None  # always built by `build`
    placement: PlacementChange | None = None  # None: no library read (--no-placement) or usable

    @property
    def heading(self) -> str:
        return words.heading(self.new.title)

    @property
    def old_who(self) -> str:
        return words.who(self.old.file, self.old.assessed_on, self.old.analyst)

    @property
    def new_who(self) -> str:
        return words.who(self.new.file, self.new.assessed_on, self.new.analyst)

    @property
    def flags_text(self) -> str | None:
        """The red flags raised and cleared, when any changed."""
        if not (self.flags_raised or self.flags_cleared):
            return None
        return words.flags_line(
            ", ".join(self.flags_raised) or words.NONE, ", ".join(self.flags_cleared) or words.NONE
        )

    @property
    def closing(self) -> str:
        fw = self.method.framework
        return f"{words.method(fw.id, fw.version)} {common.OUTLOOK_EXPLAINED} {common.NEUTRAL_RULE}"


def _side(assessment: Assessment) -> SideView:
    fw = assessment.framework
    header = assessment.case.header
    outlook = assessment.outlook
    label = outlook.band.label if outlook.band else None
    score = whole_or_none(outlook.score)
    return SideView(
        file=Path(assessment.case.source).name,
        id=header.id,
        title=header.title,
        assessed_on=header.assessed_on,
        analyst=header.analyst,
        score=score,
        low=whole(outlook.low),
        high=whole(outlook.high),
        coverage=share(outlook.coverage),
        outside_coverage=share_or_none(headline.outside_share(fw, outlook)),
        band=outlook.band.id if outlook.band else None,
        band_label=label,
        capped=outlook.capped,
        band_withheld=headline.withheld_view(fw, outlook),
        text=headline.headline(fw, outlook),
        limiting=tuple(lim.factor_name for lim in outlook.limits),
    )


def _answer(answer: Answer) -> AnswerSide:
    return AnswerSide(
        score=answer.score,
        score_text=common.answer_text(answer.score),
        confidence=answer.confidence,
        note=answer.note,
        sources=tuple(answer.sources),
    )


def _risk(risk: RiskResult | None) -> RiskSide | None:
    if risk is None:
        return None
    return RiskSide(
        likelihood=risk.likelihood,
        severity=risk.severity,
        value=risk.value,
        low=risk.low,
        high=risk.high,
        band=risk.band_id,
        text=common.risk_range_text(
            risk.likelihood,
            risk.severity,
            risk.value,
            risk.low,
            risk.high,
            risk.band_label,
            risk.reach_label,
        ),
        mitigation=risk.mitigation,
    )


def _risk_cell(side: RiskSide | None) -> str:
    """A risk's side as read: its rating, open or not; absent only when marked n/a."""
    return words.NOT_APPLICABLE if side is None else side.text


def _risk_line(name: str, direction: Direction, old: RiskSide | None, new: RiskSide | None) -> str:
    said = words.DIRECTION_WORDS.get(direction, direction)
    if direction == CHANGED and old is not None and new is not None:
        parts = [words.risk_re_rated(name, said, new.text)]
        if old.mitigation != new.mitigation:
            parts.append(
                words.mitigation_changed(
                    old.mitigation or common.NONE_RECORDED, new.mitigation or words.NONE
                )
            )
        return "; ".join(parts)
    return words.risk_moved(name, said, _risk_cell(old), _risk_cell(new))


def _judgement_side(judgement: Judgement | None) -> JudgementSide:
    if judgement is None:
        return JudgementSide(view=None, label=common.view_label(None), reason=None, date=None)
    return JudgementSide(
        view=judgement.view,
        label=common.view_label(judgement.view),
        reason=judgement.reason.strip() or None,
        date=judgement.date,
    )


def _judgement(comparison: Comparison) -> JudgementChange:
    changed = comparison.judgement_changed
    old = _judgement_side(comparison.old.case.judgement)
    new = _judgement_side(comparison.new.case.judgement)
    reasons: tuple[str, ...] = ()
    if "reason" in changed:
        reasons = (
            judgement_words.compare_side(words.OLD_REASON, old.reason, old.date),
            judgement_words.compare_side(words.NEW_REASON, new.reason, new.date),
        )
    return JudgementChange(
        old=old,
        new=new,
        changed=changed,
        text=judgement_words.compare_line(old.view, new.view, changed),
        reasons=reasons,
    )


def build(
    comparison: Comparison,
    *,
    generated: datetime | None = None,
    placement: PlacementChange | None = None,
) -> ComparisonReport:
    fw = comparison.new.framework
    names = {f.id: f.name for f in fw.factors}
    moment = generated if generated is not None else provenance.generated_at()
    old, new = _side(comparison.old), _side(comparison.new)
    factors = []
    for f in comparison.factors:
        was, now = f.old, f.new
        old_text = common.factor_score_text(
            was.score, was.low, was.high, was.assessed, was.unknown, was.unanswered
        )
        new_text = common.factor_score_text(
            now.score, now.low, now.high, now.assessed, now.unknown, now.unanswered
        )
        factors.append(
            FactorRow(
                id=f.id,
                name=f.name,
                kind=f.kind,
                kind_label=common.kind_label(f.kind),
                old=whole_or_none(f.old.score),
                new=whole_or_none(f.new.score),
                old_text=old_text,
                new_text=new_text,
                old_coverage=share(f.old.coverage),
                new_coverage=share(f.new.coverage),
                delta=f.delta,
                delta_text=words.signed(f.delta) if f.changed else "",
                changed=f.changed,
            )
        )
    limits_text = (
        words.limits_changed(
            ", ".join(old.limiting) or words.NOTHING, ", ".join(new.limiting) or words.NOTHING
        )
        if comparison.limits_changed
        else words.limits_same(", ".join(new.limiting) or words.NOTHING)
    )
    unchanged = comparison.unchanged
    warnings = []
    if comparison.different_ids:
        warnings.append(words.different_ids(old.id, new.id))
    return ComparisonReport(
        schema=SCHEMA,
        old=old,
        new=new,
        outlook_delta=comparison.outlook_delta,
        outlook_delta_text=(
            words.signed(comparison.outlook_delta) if comparison.outlook_changed else ""
        ),
        outlook_changed=comparison.outlook_changed,
        band_changed=comparison.band_changed,
        limits_changed=comparison.limits_changed,
        limits_text=limits_text,
        factors=tuple(factors),
        answers=tuple(
            AnswerRow(
                factor_id=a.factor_id,
                factor_name=a.factor_name,
                question_id=a.question_id,
                question=a.question,
                changed=a.changed,
                old=_answer(a.old),
                new=_answer(a.new),
            )
            for a in comparison.answers
        ),
        risks=tuple(
            RiskRow(
                id=r.id,
                name=r.name,
                direction=r.direction,
                direction_text=words.DIRECTION_WORDS.get(r.direction, r.direction),
                delta=r.delta,
                changed=r.changed,
                old=_risk(r.old),
                new=_risk(r.new),
                text=_risk_line(r.name, r.direction, _risk(r.old), _risk(r.new)),
            )
            for r in comparison.risks
        ),
        flags_raised=tuple(names[i] for i in comparison.flags_raised),
        flags_cleared=tuple(names[i] for i in comparison.flags_cleared),
        unchanged=unchanged,
        summary=words.NO_CHANGES if unchanged else None,
        warnings=tuple(warnings),
        method=MethodRef(
            framework=provenance.framework_ref(fw),
            tool=provenance.tool_ref(),
            generated=provenance.iso(moment),
        ),
        judgement=_judgement(comparison),
        placement=placement,
    )
