"""What changed between two assessments of one case: a re-assessment months later, or two analysts.

Pure: two Assessments (scored against the same framework) in, a Comparison out. Renderers in
``render/compare_view.py`` turn it into a terminal table, Markdown or JSON.
"""

from __future__ import annotations

from dataclasses import dataclass

from sanctions_check.case import Answer
from sanctions_check.scoring import Assessment, FactorResult, RiskResult

ROSE, FELL, SAME, ADDED, DROPPED, CHANGED = "rose", "fell", "same", "added", "dropped", "changed"


@dataclass(frozen=True, slots=True)
class FactorChange:
    id: str
    name: str
    kind: str
    old: FactorResult
    new: FactorResult

    @property
    def delta(self) -> float | None:
        if self.old.score is None or self.new.score is None:
            return None
        return self.new.score - self.old.score


@dataclass(frozen=True, slots=True)
class AnswerChange:
    factor_id: str
    factor_name: str
    question_id: str
    question: str
    old: Answer
    new: Answer
    changed: tuple[str, ...]  # which of score, confidence, note, sources differ


@dataclass(frozen=True, slots=True)
class RiskChange:
    id: str
    name: str
    old: RiskResult | None
    new: RiskResult | None
    direction: str  # rose | fell | same | added | dropped | changed (same value, new parts)

    @property
    def delta(self) -> int | None:
        if self.old is None or self.new is None or self.old.value is None or self.new.value is None:
            return None
        return self.new.value - self.old.value


@dataclass(frozen=True, slots=True)
class Comparison:
    old: Assessment
    new: Assessment
    factors: tuple[FactorChange, ...]
    answers: tuple[AnswerChange, ...]
    risks: tuple[RiskChange, ...]  # only risks whose rating changed
    flags_raised: tuple[str, ...]
    flags_cleared: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def outlook_delta(self) -> float | None:
        old, new = self.old.outlook.score, self.new.outlook.score
        return None if old is None or new is None else new - old

    @property
    def band_changed(self) -> bool:
        old, new = self.old.outlook.band, self.new.outlook.band
        return (old.id if old else None) != (new.id if new else None)


def _answer_fields(old: Answer, new: Answer) -> tuple[str, ...]:
    return tuple(
        name
        for name in ("score", "confidence", "note", "sources")
        if getattr(old, name) != getattr(new, name)
    )


def _risk_direction(old: RiskResult | None, new: RiskResult | None) -> str:
    if old is None:
        return ADDED
    if new is None:
        return DROPPED
    if old.value is not None and new.value is not None:
        if new.value > old.value:
            return ROSE
        if new.value < old.value:
            return FELL
    same_parts = (old.likelihood, old.severity, old.mitigation) == (
        new.likelihood,
        new.severity,
        new.mitigation,
    )
    return SAME if same_parts else CHANGED


def compare(old: Assessment, new: Assessment) -> Comparison:
    """Every factor side by side, and the answers, risks and red flags that changed."""
    framework = new.framework
    warnings = []
    if old.case.header.id != new.case.header.id:
        warnings.append(
            f"the two files describe different case ids ({old.case.header.id!r} and "
            f"{new.case.header.id!r}); compared anyway"
        )
    factors = tuple(
        FactorChange(f.id, f.name, f.kind, o, n)
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
                        factor.id, factor.name, question.id, question.text, before, after, changed
                    )
                )
    old_risks = {r.id: r for r in old.risks}
    new_risks = {r.id: r for r in new.risks}
    risks = []
    for risk in framework.risks:
        before, after = old_risks.get(risk.id), new_risks.get(risk.id)
        if before is None and after is None:
            continue
        direction = _risk_direction(before, after)
        if direction != SAME:
            risks.append(RiskChange(risk.id, risk.name, before, after, direction))
    old_flags = {f.factor_id for f in old.red_flags}
    new_flags = {f.factor_id for f in new.red_flags}
    order = [f.id for f in framework.factors]
    return Comparison(
        old=old,
        new=new,
        factors=factors,
        answers=tuple(answers),
        risks=tuple(risks),
        flags_raised=tuple(i for i in order if i in new_flags - old_flags),
        flags_cleared=tuple(i for i in order if i in old_flags - new_flags),
        warnings=tuple(warnings),
    )
