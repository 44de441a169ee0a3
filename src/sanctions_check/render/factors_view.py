"""The view of `factors`: the framework and its evidence, for reading in a terminal or feeding
other tools.

One typed model (:class:`FactorsView` over :class:`FrameworkView`, :class:`FactorView`,
:class:`RiskView`) is built from the framework, with the one factor or risk asked for; the text
(``factors_terminal``) and the JSON (``factors_json``) read it.
"""

from __future__ import annotations

from typing import NamedTuple

from sanctions_check.framework import (
    Applicability,
    Band,
    CaseScope,
    Caveat,
    Condition,
    DesignChoice,
    Evidence,
    Factor,
    FactorKind,
    Framework,
    Gate,
    Inclusion,
    Purpose,
    PurposeTag,
    Question,
    ResearchContext,
    Risk,
    RiskBand,
    Source,
)
from sanctions_check.render.wording import common
from sanctions_check.render.wording import framework as words

SCHEMA = "sanctions-check/framework-json@1"
LEVELS = range(5)
NEAR_AT_MOST = 3  # ids containing a mistyped one that are all suggested


# --- the model ---------------------------------------------------------------------------------


class QuestionView(NamedTuple):
    """One question as a person answering it needs it: its id, full text, levels and advice."""

    number: int  # 1-based, within its factor
    id: str
    text: str
    help: str
    weight: float
    levels: tuple[str, ...]  # what 0..4 mean for this question (its anchors, or the scale)
    anchors: tuple[str, ...] | None  # the question's own anchors, None when it uses the scale
    advice: str
    sources: tuple[str, ...]
    neutral: float  # what an unknown or unanswered answer counts as in the point outlook
    neutral_reason: str | None  # why, when the framework departs from the scale's midpoint
    neutral_sources: tuple[str, ...]
    role: str | None  # lever | target | context; None: not marked (taken as a lever)
    insider: bool  # rarely answerable from outside government
    purposes: PurposeTag | None  # the purposes it bears on, where not all
    purpose_names: tuple[str, ...]  # those purposes' names, in the tag's order
    applies: Applicability | None  # when it applies, and the standard n/a note
    see: tuple[Condition, ...]  # conditions asked and scored by another question or risk
    owns: tuple[Condition, ...]  # conditions asked and scored here, once


class FactorView(NamedTuple):
    id: str
    name: str
    label: str  # the short name, for tables
    kind: FactorKind
    description: str
    why: str
    weight: float
    weight_reason: str
    evidence: Evidence
    sources: tuple[Source | str, ...]  # the evidence's sources, a bare key when not listed
    questions: tuple[QuestionView, ...]

    @property
    def kind_text(self) -> str:
        return common.kind_label(self.kind)

    @property
    def advice_lead(self) -> str:
        return words.FV_IF_PRESENT if self.kind == "red_flag" else words.FV_IF_LOW

    @property
    def cited(self) -> str:
        """'12/15', or '1/15 (−)' for a factor tied to less effectiveness."""
        ev = self.evidence
        text = f"{ev.practitioners_cited}/{ev.practitioners_total}"
        return text if ev.direction == "greater" else f"{text} {words.FV_LESS_MARK}"


class RiskView(NamedTuple):
    """An unintended consequence: how to rate its likelihood and severity, and what mitigates it."""

    id: str
    name: str
    label: str
    question: str
    help: str
    likelihood: tuple[str, ...]  # what 0..4 mean
    severity: tuple[str, ...]
    mitigations: tuple[str, ...]
    evidence: str
    sources: tuple[Source | str, ...]
    applies: Applicability | None
    see: tuple[Condition, ...]
    owns: tuple[Condition, ...]


class FrameworkView(NamedTuple):
    id: str
    version: str
    title: str
    summary: str
    sha256: str
    scale: tuple[tuple[str, str], ...]  # (label, meaning) of 0..4
    unknown: tuple[str, str]
    purposes: tuple[Purpose, ...]
    factors: tuple[FactorView, ...]
    risks: tuple[RiskView, ...]
    bands: tuple[Band, ...]
    gates: tuple[Gate, ...]
    red_flag_threshold: float
    risk_bands: tuple[RiskBand, ...]
    caveats: tuple[Caveat, ...]
    sources: tuple[Source, ...]
    design_choices: tuple[DesignChoice, ...]
    inclusion: Inclusion | None
    applicability: tuple[Applicability, ...]
    case_scopes: tuple[CaseScope, ...]
    conditions: tuple[Condition, ...]
    min_coverage: float
    research_context: ResearchContext | None

    def find(self, ident: str) -> FactorView | RiskView | None:
        """The factor or risk with this id, whatever its case ('Exposure' finds 'exposure')."""
        wanted = ident.strip().casefold()
        items: tuple[FactorView | RiskView, ...] = (*self.factors, *self.risks)
        for item in items:
            if item.id.casefold() == wanted:
                return item
        return None

    def questions_named(self, ident: str) -> tuple[tuple[FactorView, QuestionView], ...]:
        """Every question this id names, with its factor, whatever its case: a question id
        ('un_backing'), or one qualified by its factor ('coordination.un_backing'), which tells
        apart two factors' questions of one id."""
        wanted = ident.strip().casefold()
        factor_id, dot, question_id = wanted.rpartition(".")
        return tuple(
            (f, q)
            for f in self.factors
            if not dot or f.id.casefold() == factor_id
            for q in f.questions
            if q.id.casefold() == question_id
        )

    @property
    def ids(self) -> tuple[str, ...]:
        """What `factors ID` finds: factor, risk and question ids."""
        questions = (q.id for f in self.factors for q in f.questions)
        return tuple(
            dict.fromkeys((*(f.id for f in self.factors), *(r.id for r in self.risks), *questions))
        )

    def near(self, ident: str) -> tuple[str, ...]:
        """The ids a mistyped one most likely meant, among factor, risk and question ids: those
        that contain it ('evasion' names 'evasion_asset_flight', and 'evasion_routes' too), up
        to three, else the closest spelling; none when nothing is close."""
        import difflib

        wanted = ident.strip().casefold()
        if len(wanted) >= 3:
            containing = [i for i in self.ids if wanted in i.casefold()]
            if 0 < len(containing) <= NEAR_AT_MOST:
                return tuple(containing)
        return tuple(difflib.get_close_matches(wanted, self.ids, n=1, cutoff=0.6))


def _sources(fw: Framework, keys: tuple[str, ...]) -> tuple[Source | str, ...]:
    return tuple(fw.source(key) or key for key in keys)


def _conditions(fw: Framework, ids: tuple[str, ...]) -> tuple[Condition, ...]:
    """The conditions named, as the framework defines them (the loader checks every id)."""
    return tuple(c for ident in ids for c in fw.conditions if c.id == ident)


def _owned(fw: Framework, owner: str) -> tuple[Condition, ...]:
    return tuple(c for c in fw.conditions if c.owner == owner)


def _purpose_names(fw: Framework, tag: PurposeTag | None) -> tuple[str, ...]:
    if tag is None:
        return ()
    return tuple((fw.purpose(ident) or Purpose(ident, ident, "")).name for ident in tag.ids)


def question_view(fw: Framework, number: int, q: Question, factor_id: str = "") -> QuestionView:
    return QuestionView(
        number=number,
        id=q.id,
        text=q.text,
        help=q.help,
        weight=q.weight,
        levels=tuple(q.level_label(fw, level) for level in LEVELS),
        anchors=None if not q.anchors else tuple(q.anchors[level] for level in LEVELS),
        advice=q.advice,
        sources=tuple(q.sources),
        neutral=q.neutral,
        neutral_reason=q.neutral_reason,
        neutral_sources=tuple(q.neutral_sources),
        role=q.role,
        insider=q.insider,
        purposes=q.purposes,
        purpose_names=_purpose_names(fw, q.purposes),
        applies=fw.applies(q.applies_to),
        see=_conditions(fw, q.see),
        owns=_owned(fw, f"{factor_id}.{q.id}"),
    )


def factor_view(fw: Framework, f: Factor) -> FactorView:
    return FactorView(
        id=f.id,
        name=f.name,
        label=f.label,
        kind=f.kind,
        description=f.description,
        why=f.why,
        weight=f.weight,
        weight_reason=f.weight_reason,
        evidence=f.evidence,
        sources=_sources(fw, tuple(f.evidence.sources)),
        questions=tuple(question_view(fw, n, q, f.id) for n, q in enumerate(f.questions, 1)),
    )


def risk_view(fw: Framework, r: Risk) -> RiskView:
    return RiskView(
        id=r.id,
        name=r.name,
        label=r.label,
        question=r.question,
        help=r.help,
        likelihood=tuple(r.likelihood_label(level) for level in LEVELS),
        severity=tuple(r.severity_label(level) for level in LEVELS),
        mitigations=tuple(r.mitigations),
        evidence=r.evidence,
        sources=_sources(fw, tuple(r.sources)),
        applies=fw.applies(r.applies_to),
        see=_conditions(fw, r.see),
        owns=_owned(fw, r.id),
    )


def build(fw: Framework) -> FrameworkView:
    return FrameworkView(
        id=fw.id,
        version=fw.version,
        title=fw.title,
        summary=fw.summary,
        sha256=fw.sha256,
        scale=tuple((fw.scale[level].label, fw.scale[level].meaning) for level in LEVELS),
        unknown=(fw.unknown.label, fw.unknown.meaning),
        purposes=tuple(fw.purposes),
        factors=tuple(factor_view(fw, f) for f in fw.factors),
        risks=tuple(risk_view(fw, r) for r in fw.risks),
        bands=tuple(fw.bands),
        gates=tuple(fw.gates),
        red_flag_threshold=fw.red_flag_threshold,
        risk_bands=tuple(fw.risk_bands),
        caveats=tuple(fw.caveats),
        sources=tuple(fw.sources),
        design_choices=tuple(fw.design_choices),
        inclusion=fw.inclusion,
        applicability=tuple(fw.applicability),
        case_scopes=tuple(fw.case_scopes),
        conditions=tuple(fw.conditions),
        min_coverage=fw.min_coverage,
        research_context=fw.research_context,
    )


class FactorsView(NamedTuple):
    """The view of `factors`: the whole framework, and the one factor, risk or question asked for
    (None: the overview). A question is shown in its factor: ``item`` is the factor."""

    framework: FrameworkView
    item: FactorView | RiskView | None
    question: QuestionView | None = None
    ambiguous: tuple[str, ...] = ()  # 'factor.question' for each factor whose question has the id

    @property
    def whole_factor(self) -> str | None:
        """The command that shows the question's whole factor."""
        if self.question is None or not isinstance(self.item, FactorView):
            return None
        return words.fv_whole_factor(self.item.id)


def view(fw: Framework, ident: str | None) -> FactorsView:
    """The framework, with what ``ident`` names (in any case) when it is given: a factor or risk,
    else a question (in its factor). An id that names questions of several factors is named by
    each of them in ``ambiguous``, and nothing is shown."""
    framework = build(fw)
    if ident is None:
        return FactorsView(framework, None)
    item = framework.find(ident)
    if item is not None:
        return FactorsView(framework, item)
    found = framework.questions_named(ident)
    if len(found) == 1:
        factor, question = found[0]
        return FactorsView(framework, factor, question)
    return FactorsView(framework, None, ambiguous=tuple(f"{f.id}.{q.id}" for f, q in found))
