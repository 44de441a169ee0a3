"""What changed between two assessments of one case: a re-assessment months later, or two analysts.

Pure: two Assessments (scored against the same framework) in, a Comparison out. Renderers in
``render/compare_view.py`` turn it into a terminal table, Markdown or JSON.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

from sanctions_check.case import Answer, Judgement
from sanctions_check.framework import FactorKind
from sanctions_check.numbers import whole, whole_or_none
from sanctions_check.scoring import Assessment, FactorResult, Outlook, RiskResult

# How a risk's rating moved: what it could reach rose or fell; it was newly rated or is no longer
# rated; or it reaches as far as before with other parts (likelihood, severity, mitigation, note).
Direction = Literal["rose", "fell", "same", "added", "dropped", "changed"]
ROSE: Final = "rose"
FELL: Final = "fell"
SAME: Final = "same"
ADDED: Final = "added"
DROPPED: Final = "dropped"
CHANGED: Final = "changed"


class FactorChange(NamedTuple):
    id: str
    name: str
    kind: FactorKind
    old: FactorResult
    new: FactorResult

    @property
    def delta(self) -> int | None:
        """The change between the whole numbers every output prints."""
        if self.old.score is None or self.new.score is None:
            return None
        return whole(self.new.score) - whole(self.old.score)

    @property
    def changed(self) -> bool:
        """Anything a reader sees differs: the score, its range, or whether it is assessed."""
        return _shown(self.old) != _shown(self.new)


def _shown(result: FactorResult) -> tuple[object, ...]:
    return (
        whole_or_none(result.score),
        whole_or_none(result.low),
        whole_or_none(result.high),
        result.assessed,
    )


class AnswerChange(NamedTuple):
    factor_id: str
    factor_name: str
    question_id: str
    question: str
    old: Answer
    new: Answer
    changed: tuple[str, ...]  # which of score, confidence, note, sources differ


class RiskChange(NamedTuple):
    id: str
    name: str
    old: RiskResult | None
    new: RiskResult | None
    direction: Direction

    @property
    def delta(self) -> int | None:
        if self.old is None or self.new is None or self.old.value is None or self.new.value is None:
            return None
        return self.new.value - self.old.value

    @property
    def changed(self) -> tuple[str, ...]:
        """Which of likelihood, severity, mitigation, note differ (all of them when one side is
        missing)."""
        names = ("likelihood", "severity", "mitigation", "note")
        if self.old is None or self.new is None:
            return names
        return tuple(n for n in names if getattr(self.old, n) != getattr(self.new, n))


class Comparison(NamedTuple):
    old: Assessment
    new: Assessment
    factors: tuple[FactorChange, ...]
    answers: tuple[AnswerChange, ...]
    risks: tuple[RiskChange, ...]  # only risks whose rating changed
    flags_raised: tuple[str, ...]  # factor ids
    flags_cleared: tuple[str, ...]
    different_ids: bool  # the two files describe different case ids (compared anyway)

    @property
    def outlook_delta(self) -> int | None:
        """The change between the whole numbers every output prints."""
        old, new = self.old.outlook.score, self.new.outlook.score
        return None if old is None or new is None else whole(new) - whole(old)

    @property
    def limits_changed(self) -> bool:
        old = [limit.factor_id for limit in self.old.outlook.limits]
        return old != [limit.factor_id for limit in self.new.outlook.limits]

    @property
    def outlook_changed(self) -> bool:
        return _outlook_shown(self.old.outlook) != _outlook_shown(self.new.outlook)

    @property
    def judgement_changed(self) -> tuple[str, ...]:
        """Which of the analyst's judgement's view, reason and date differ (a judgement given on
        one side only differs in every part it gives)."""
        return judgement_fields(self.old.case.judgement, self.new.case.judgement)

    @property
    def unchanged(self) -> bool:
        """Nothing a reader would see differs between the two assessments."""
        return not (
            self.answers
            or self.judgement_changed
            or self.risks
            or self.flags_raised
            or self.flags_cleared
            or self.outlook_changed
            or self.limits_changed
            or any(f.changed for f in self.factors)
        )

    @property
    def band_changed(self) -> bool:
        old, new = self.old.outlook.band, self.new.outlook.band
        return (old.id if old else None) != (new.id if new else None)


def _outlook_shown(o: Outlook) -> tuple[object, ...]:
    """What a reader sees of an outlook: its whole numbers, coverage in percent, bands, flags."""
    return (
        whole_or_none(o.score),
        whole(o.low),
        whole(o.high),
        whole(o.coverage * 100),
        o.band,
        o.band_low,
        o.band_high,
        o.withheld.reasons if o.withheld else (),
        o.uninformed_core,
    )


def judgement_fields(old: Judgement | None, new: Judgement | None) -> tuple[str, ...]:
    """The parts of two judgements that differ as a reader sees them (the reason's trailing
    line break aside)."""

    def parts(judgement: Judgement | None) -> tuple[str | None, ...]:
        if judgement is None:
            return (None, None, None)
        return (judgement.view, judgement.reason.strip() or None, judgement.date)

    return tuple(
        name
        for name, a, b in zip(("view", "reason", "date"), parts(old), parts(new), strict=True)
        if a != b
    )


def _answer_fields(old: Answer, new: Answer) -> tuple[str, ...]:
    return tuple(
        name
        for name in ("score", "confidence", "note", "sources", "hindsight")
        if getattr(old, name, None) != getattr(new, name, None)
    )


def _risk_direction(old: RiskResult | None, new: RiskResult | None) -> Direction:
    """A risk newly rated (it was open: a side unknown, or left out) or no longer rated (now
    open); otherwise by what it could reach. A side missing altogether is a risk marked n/a."""
    if old is None or (old.open and new is not None and new.known):
        return ADDED
    if new is None or (new.open and old.known):
        return DROPPED
    if (new.high, new.low) > (old.high, old.low):
        return ROSE
    if (new.high, new.low) < (old.high, old.low):
        return FELL
    same_parts = (old.likelihood, old.severity, old.mitigation, old.note) == (
        new.likelihood,
        new.severity,
        new.mitigation,
        new.note,
    )
    return SAME if same_parts else CHANGED


def compare(old: Assessment, new: Assessment) -> Comparison:
    """Every factor side by side, and the answers, risks and red flags that changed."""
    framework = new.framework
    factors = tuple(
        FactorChange(id=f.id, name=f.name, kind=f.kind, old=o, new=n)
        for f, o, n in zip(framework.factors, old.factors, new.factors, strict=True)
    )
    answers = []
    for factor in framework.factors:
        for question in factor.questions:
            before = old.case.answer(factor.id, question.id)
            after = new.case.answer(factor.id, question.id)
            changed = _answer_fields(before, after)
            if changed:
                answers.append(
                    AnswerChange(
                        factor_id=factor.id,
                        factor_name=factor.name,
                        question_id=question.id,
                        question=question.text,
                        old=before,
                        new=after,
                        changed=changed,
                    )
                )
    old_risks = {r.id: r for r in old.risks}
    new_risks = {r.id: r for r in new.risks}
    risks = []
    for risk in framework.risks:
        was, now = old_risks.get(risk.id), new_risks.get(risk.id)
        if was is None and now is None:
            continue
        direction = _risk_direction(was, now)
        if direction != SAME:
            risks.append(
                RiskChange(id=risk.id, name=risk.name, old=was, new=now, direction=direction)
            )
    old_flags = {f.factor_id for f in old.raised_flags}
    new_flags = {f.factor_id for f in new.raised_flags}
    order = [f.id for f in framework.factors]
    return Comparison(
        old=old,
        new=new,
        factors=factors,
        answers=tuple(answers),
        risks=tuple(risks),
        flags_raised=tuple(i for i in order if i in new_flags - old_flags),
        flags_cleared=tuple(i for i in order if i in old_flags - new_flags),
        different_ids=old.case.header.id != new.case.header.id,
    )
