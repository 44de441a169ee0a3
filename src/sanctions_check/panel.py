"""A panel of analysts: independent assessments of one case, pooled, with their disagreements.

Pure: validated Cases in, a :class:`Panel` out. Renderers in ``render/panel_*.py`` show it.

* **Per question**: each analyst's answer, the **median** of the numeric answers (with an even
  number of answers it may be a half level, 2.5), the **spread** measured as the **range** (highest
  minus lowest numeric answer, 0-4; with three to seven analysts the range says more than an
  interquartile range would), and how many analysts said ``unknown`` or ``n/a`` or left it
  unanswered. ``unknown`` and ``n/a`` are counted, never pooled into the median.
* **The pooled outlook** is the outlook of the *median case*: a case whose every answer is the
  panel's median, scored by ``scoring.assess`` exactly like a single case, so "the pooled outlook
  equals scoring the median case" holds by construction. A question no analyst answered with a
  number is ``unknown`` in the median case (``n/a`` when every analyst who answered said ``n/a``;
  unanswered when nobody answered). Risks are pooled the same way: median likelihood and median
  severity.
* **Disagreements first**: the questions whose answers differ, ranked by their **impact**, the
  change in the pooled outlook between scoring that question at the panel's lowest answer and at
  its highest, every other question staying at its median. Red-flag questions never enter the
  outlook, so their impact is 0; they are listed after the others, by range.
* **Agreement**: Krippendorff's alpha (ordinal) over the questions (``agreement.py``).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple, TypeGuard

from sanctions_check import agreement as agreement_mod
from sanctions_check.case import NOT_APPLICABLE, UNKNOWN, Answer, Case, RiskAnswer, Score
from sanctions_check.errors import InputError, Problem, UsageError
from sanctions_check.framework import FactorKind, Framework
from sanctions_check.scoring import Assessment, RiskResult, assess

Level = int | float
# One analyst's answer as the panel holds it, or the pooled one: a level (a median may be a half
# level), unknown, n/a, or None when not answered.
Given = Score


def is_number(value: object) -> TypeGuard[int | float]:
    """A 0-4 answer given as a number (not unknown, n/a, unanswered; a bool is not a number)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def median(values: Sequence[Level]) -> Level | None:
    """The median; a whole number stays an int (2, not 2.0), a half level is a float (2.5)."""
    if not values:
        return None
    middle = statistics.median(values)
    return int(middle) if float(middle).is_integer() else float(middle)


class Member(NamedTuple):
    """One analyst's file in the panel."""

    key: str  # "1", "2", ... in input order: short column labels and dot labels
    name: str  # the file's `analyst`, or the file name when it names none
    file: str
    assessment: Assessment

    @property
    def case(self) -> Case:
        return self.assessment.case


class Note(NamedTuple):
    member: str  # Member.key
    text: str


class QuestionPanel(NamedTuple):
    """One question across the panel."""

    factor_id: str
    factor_name: str
    kind: FactorKind
    question_id: str
    text: str
    answers: tuple[Given, ...]  # one per member, in member order
    notes: tuple[Note, ...]
    outlook_at_low: float | None  # pooled outlook with this question at the panel's lowest answer
    outlook_at_high: float | None  # ... and at its highest
    band_at_low: str | None
    band_at_high: str | None

    @property
    def ref(self) -> str:
        return f"{self.factor_id}.{self.question_id}"

    @property
    def numbers(self) -> tuple[Level, ...]:
        return tuple(a for a in self.answers if is_number(a))

    @property
    def median(self) -> Level | None:
        return median(self.numbers)

    @property
    def low(self) -> Level | None:
        return min(self.numbers) if self.numbers else None

    @property
    def high(self) -> Level | None:
        return max(self.numbers) if self.numbers else None

    @property
    def spread(self) -> Level | None:
        """The range: highest minus lowest numeric answer (None with no numeric answer)."""
        if not self.numbers:
            return None
        return max(self.numbers) - min(self.numbers)

    @property
    def unknown(self) -> int:
        return sum(1 for a in self.answers if a == UNKNOWN)

    @property
    def not_applicable(self) -> int:
        return sum(1 for a in self.answers if a == NOT_APPLICABLE)

    @property
    def unanswered(self) -> int:
        return sum(1 for a in self.answers if a is None)

    @property
    def disagrees(self) -> bool:
        """Analysts differ: different numbers, or numbers beside unknown or n/a."""
        given = [a for a in self.answers if a is not None]
        return len(set(given)) > 1

    @property
    def impact(self) -> float:
        """Outlook points between this question at the panel's lowest and highest answer."""
        if self.outlook_at_low is None or self.outlook_at_high is None:
            return 0.0
        return self.outlook_at_high - self.outlook_at_low

    @property
    def distribution(self) -> dict[str, int]:
        """Anonymised counts: each level 0-4, then unknown, n/a and unanswered."""
        counts = {str(level): 0 for level in range(5)}
        for a in self.numbers:
            counts[str(a)] = counts.get(str(a), 0) + 1
        counts["unknown"] = self.unknown
        counts["n/a"] = self.not_applicable
        counts["unanswered"] = self.unanswered
        return counts

    @property
    def pooled(self) -> Given:
        """The answer this question has in the median case."""
        return _pooled(self.answers)


class RiskPanel(NamedTuple):
    """One unintended consequence across the panel, and its pooled rating."""

    id: str
    name: str
    likelihoods: tuple[Given, ...]  # one per member
    severities: tuple[Given, ...]
    notes: tuple[Note, ...]
    mitigations: tuple[Note, ...]
    pooled: RiskResult | None  # the median case's risk, scored by scoring.assess

    @property
    def values(self) -> tuple[Level | None, ...]:
        """Each analyst's likelihood x severity, None where either is not a number."""
        return tuple(
            lk * sv if is_number(lk) and is_number(sv) else None
            for lk, sv in zip(self.likelihoods, self.severities, strict=True)
        )

    @property
    def median_likelihood(self) -> Level | None:
        return median([v for v in self.likelihoods if is_number(v)])

    @property
    def median_severity(self) -> Level | None:
        return median([v for v in self.severities if is_number(v)])

    @property
    def spread(self) -> Level | None:
        rated = [v for v in self.values if v is not None]
        return max(rated) - min(rated) if rated else None


class FrameworkVersions(NamedTuple):
    """The panel's files were answered against different versions of the framework in use."""

    files: tuple[tuple[str, tuple[str, ...]], ...]  # (framework ref, its files), by ref
    scored_against: str  # the framework in use: its ref ...
    version: str  # ... and its version
    differ: tuple[str, ...]  # factor.question refs answered under one version, not the other


class Panel(NamedTuple):
    framework: Framework
    case_id: str
    title: str
    hypothetical: bool
    members: tuple[Member, ...]
    questions: tuple[QuestionPanel, ...]  # framework order
    risks: tuple[RiskPanel, ...]  # framework order, a side rated by at least one analyst
    pooled: Assessment  # scoring.assess of the median case
    agreement: agreement_mod.Agreement
    versions: FrameworkVersions | None  # None when every file follows the same version

    @property
    def median_case(self) -> Case:
        return self.pooled.case

    @property
    def open_for_all(self) -> tuple[RiskResult, ...]:
        """Risks no analyst rated on either side, left out or rated unknown alike: open for
        every analyst, in framework order (n/a ones are not open)."""
        listed = {r.id for r in self.risks}
        return tuple(
            r
            for risk in self.framework.risks
            for r in self.pooled.open_risks
            if r.id == risk.id and r.id not in listed
        )

    @property
    def disagreements(self) -> tuple[QuestionPanel, ...]:
        """Questions where the analysts differ, the most outlook-moving first.

        Ties (and red-flag questions, which never move the outlook) go by range, then by the
        framework's order.
        """
        order = {q.ref: i for i, q in enumerate(self.questions)}
        differ = [q for q in self.questions if q.disagrees]
        return tuple(
            sorted(
                differ,
                key=lambda q: (
                    q.kind == "red_flag",
                    -round(abs(q.impact), 9),
                    -(q.spread or 0),
                    order[q.ref],
                ),
            )
        )

    @property
    def answered_questions(self) -> int:
        """Questions that at least one analyst answered with a number."""
        return sum(1 for q in self.questions if q.numbers)


def _pooled(answers: Sequence[Given]) -> Given:
    numbers = [a for a in answers if is_number(a)]
    if numbers:
        return median(numbers)
    given = [a for a in answers if a is not None]
    if not given:
        return None
    if all(a == NOT_APPLICABLE for a in given):
        return NOT_APPLICABLE
    return UNKNOWN


def _display_names(cases: Sequence[Case]) -> list[str]:
    """Each file's analyst, or its file name; the whole path where two file names collide."""
    names = [Path(c.source).name for c in cases]
    shown = [c.source if names.count(n) > 1 else n for c, n in zip(cases, names, strict=True)]
    return [
        " ".join(c.header.analyst.split()) if c.header.analyst and c.header.analyst.strip() else s
        for c, s in zip(cases, shown, strict=True)
    ]


def select(cases: Sequence[Case], case_id: str | None) -> list[Case]:
    """The files of one case, or a usage error that says which ids were found and where."""
    if case_id is not None:
        chosen = [c for c in cases if c.header.id == case_id]
        if not chosen:
            found = sorted({c.header.id for c in cases})
            raise UsageError(
                f"no file assesses case {case_id!r} (--case); case ids found: {', '.join(found)}"
            )
        cases = chosen
    by_id: dict[str, list[str]] = {}
    for c in cases:
        by_id.setdefault(c.header.id, []).append(c.source)
    if len(by_id) > 1:
        listed = "; ".join(f"{i}: {', '.join(files)}" for i, files in sorted(by_id.items()))
        raise UsageError(
            "a panel combines assessments of one case, but these files assess "
            f"{len(by_id)} different cases ({listed}); choose one with --case ID"
        )
    if len(cases) < 2:
        only = cases[0].source if cases else "none"
        raise UsageError(
            f"a panel needs at least two case files assessing the same case, from different "
            f"analysts; found one ({only})"
        )
    return list(cases)


def _check_analysts(cases: Sequence[Case], names: Sequence[str]) -> None:
    seen: dict[str, str] = {}
    problems = []
    for case, name in zip(cases, names, strict=True):
        key = name.casefold()
        if key in seen:
            problems.append(
                Problem(
                    case.source,
                    f"analyst {name!r} also answered {seen[key]}: each analyst may appear once "
                    "in a panel (pass one file per analyst, e.g. round 1 or round 2, not both)",
                    field="case.analyst",
                )
            )
        else:
            seen[key] = case.source
    if problems:
        raise InputError(problems)


def _versions(framework: Framework, cases: Sequence[Case]) -> FrameworkVersions | None:
    refs: dict[str, list[str]] = {}
    for c in cases:
        refs.setdefault(c.framework_ref, []).append(c.source)
    if len(refs) < 2:
        return None
    current = [c for c in cases if c.framework_ref == framework.ref]
    other = [c for c in cases if c.framework_ref != framework.ref]
    differ = [
        f"{f.id}.{q.id}"
        for f in framework.factors
        for q in f.questions
        if any(c.answer(f.id, q.id).score is not None for c in current)
        and any(c.answer(f.id, q.id).score is None for c in other)
    ]
    return FrameworkVersions(
        files=tuple((ref, tuple(files)) for ref, files in sorted(refs.items())),
        scored_against=framework.ref,
        version=framework.version,
        differ=tuple(differ),
    )


def _outlook_with(
    framework: Framework, base: Case, factor_id: str, question_id: str, value: Level
) -> tuple[float | None, str | None]:
    answer = Answer(score=value)
    result = assess(framework, base.with_answer(factor_id, question_id, answer))
    band = result.outlook.band
    return result.outlook.score, band.label if band else None


def median_case(framework: Framework, cases: Sequence[Case], analysts: int) -> Case:
    """The case whose every answer is the panel's median (see the module's docstring)."""
    answers: dict[str, dict[str, Answer]] = {}
    for factor in framework.factors:
        block: dict[str, Answer] = {}
        for question in factor.questions:
            pooled = _pooled([c.answer(factor.id, question.id).score for c in cases])
            if pooled is not None:
                block[question.id] = Answer(score=pooled)  # a half-level median is a float
        if block:
            answers[factor.id] = block
    risks: dict[str, RiskAnswer] = {}
    for risk in framework.risks:
        rated = [c.risk(risk.id) for c in cases]
        if all(r.is_empty for r in rated):
            continue
        risks[risk.id] = RiskAnswer(
            likelihood=_pooled([r.likelihood for r in rated]),
            severity=_pooled([r.severity for r in rated]),
        )
    first = cases[0]
    header = first.header._replace(analyst=f"panel median of {analysts} analysts")
    return Case(
        header=header,
        framework_ref=framework.ref,
        answers=answers,
        risks=risks,
        source="panel median",
    )


def gather(framework: Framework, cases: Sequence[Case], case_id: str | None = None) -> Panel:
    """Combine validated case files of one case into a Panel.

    Raises UsageError (fewer than two files, several cases, an unknown --case id) or InputError
    (the same analyst twice), each naming the files concerned.
    """
    chosen = select(cases, case_id)
    names = _display_names(chosen)
    _check_analysts(chosen, names)
    members = tuple(
        Member(key=str(i), name=name, file=c.source, assessment=assess(framework, c))
        for i, (name, c) in enumerate(zip(names, chosen, strict=True), 1)
    )
    middle = median_case(framework, chosen, len(chosen))
    pooled = assess(framework, middle)
    questions = []
    for factor in framework.factors:
        for question in factor.questions:
            given = [c.answer(factor.id, question.id) for c in chosen]
            scores = tuple(a.score for a in given)
            numbers = [s for s in scores if is_number(s)]
            at_low: tuple[float | None, str | None] = (None, None)
            at_high: tuple[float | None, str | None] = (None, None)
            if numbers and min(numbers) != max(numbers) and factor.kind != "red_flag":
                at_low = _outlook_with(framework, middle, factor.id, question.id, min(numbers))
                at_high = _outlook_with(framework, middle, factor.id, question.id, max(numbers))
            questions.append(
                QuestionPanel(
                    factor_id=factor.id,
                    factor_name=factor.name,
                    kind=factor.kind,
                    question_id=question.id,
                    text=question.text,
                    answers=scores,
                    notes=tuple(
                        Note(m.key, a.note) for m, a in zip(members, given, strict=True) if a.note
                    ),
                    outlook_at_low=at_low[0],
                    outlook_at_high=at_high[0],
                    band_at_low=at_low[1],
                    band_at_high=at_high[1],
                )
            )
    pooled_risks = {r.id: r for r in pooled.risks}
    risks = []
    for risk in framework.risks:
        rated = [c.risk(risk.id) for c in chosen]
        # Listed once an analyst rates a side; left out and unknown x unknown read the same.
        if not any(is_number(r.likelihood) or is_number(r.severity) for r in rated):
            continue
        risks.append(
            RiskPanel(
                id=risk.id,
                name=risk.name,
                likelihoods=tuple(r.likelihood for r in rated),
                severities=tuple(r.severity for r in rated),
                notes=tuple(
                    Note(m.key, r.note) for m, r in zip(members, rated, strict=True) if r.note
                ),
                mitigations=tuple(
                    Note(m.key, r.mitigation)
                    for m, r in zip(members, rated, strict=True)
                    if r.mitigation
                ),
                pooled=pooled_risks.get(risk.id),
            )
        )
    alpha = agreement_mod.measure([q.answers for q in questions])
    first = chosen[0].header
    return Panel(
        framework=framework,
        case_id=first.id,
        title=first.title,
        hypothetical=any(c.header.hypothetical for c in chosen),
        members=members,
        questions=tuple(questions),
        risks=tuple(risks),
        pooled=pooled,
        agreement=alpha,
        versions=_versions(framework, chosen),
    )
