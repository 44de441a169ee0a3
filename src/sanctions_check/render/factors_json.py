"""`factors --format json`: the framework (or one factor or risk) in the shape of the framework
file, through the one JSON writer (schema ``framework-json@1``, docs/framework-format.md).

The numbers are the framework's own (weights, thresholds, base rates as written): nothing in this
schema is computed, so nothing is rounded.
"""

from __future__ import annotations

from typing import Any

from sanctions_check.framework import Applicability, Condition, Purpose, Source
from sanctions_check.render.factors_view import (
    SCHEMA,
    FactorsView,
    FactorView,
    FrameworkView,
    QuestionView,
    RiskView,
)
from sanctions_check.serialise import dumps


class FactorsJson:
    def text(self, view: FactorsView) -> str:
        item = view.item
        if isinstance(item, FactorView) and view.question is not None:
            return dumps(question_in_factor_data(item, view.question))
        if isinstance(item, FactorView):
            return dumps(factor_data(item))
        if isinstance(item, RiskView):
            return dumps(risk_data(item))
        return dumps(framework_data(view.framework))


def question_data(q: QuestionView) -> dict[str, Any]:
    return {
        "id": q.id,
        "text": q.text,
        "help": q.help,
        "weight": q.weight,
        "anchors": None
        if q.anchors is None
        else {str(level): text for level, text in enumerate(q.anchors)},
        "advice": q.advice,
        "sources": list(q.sources),
        "neutral": {
            "value": q.neutral,
            "reason": q.neutral_reason,
            "sources": list(q.neutral_sources),
        },
        "role": q.role,
        "insider": q.insider,
        "purposes": None
        if q.purposes is None
        else {
            "ids": list(q.purposes.ids),
            "reason": q.purposes.reason,
            "sources": list(q.purposes.sources),
        },
        "applies_to": None if q.applies is None else q.applies.id,
        "see": [c.id for c in q.see],
    }


def question_in_factor_data(f: FactorView, q: QuestionView) -> dict[str, Any]:
    """One question, as the factor's list holds it, with its place in its factor, and the
    applicability and conditions its ids name."""
    return {
        "factor": {"id": f.id, "name": f.name, "kind": f.kind, "questions": len(f.questions)},
        "number": q.number,
        "question": question_data(q),
        "applicability": None if q.applies is None else _applicability_data(q.applies),
        "conditions": [_condition_data(c) for c in (*q.see, *q.owns)],
    }


def _applicability_data(a: Applicability) -> dict[str, Any]:
    return {
        "id": a.id,
        "text": a.text,
        "not_applicable": a.not_applicable,
        "case_scopes": list(a.case_scopes),
    }


def _condition_data(c: Condition) -> dict[str, Any]:
    return {"id": c.id, "name": c.name, "owner": c.owner}


def factor_data(f: FactorView) -> dict[str, Any]:
    return {
        "id": f.id,
        "name": f.name,
        "kind": f.kind,
        "description": f.description,
        "why": f.why,
        "weight": f.weight,
        "weight_reason": f.weight_reason,
        "evidence": f.evidence.as_dict(),
        "questions": [question_data(q) for q in f.questions],
    }


def risk_data(r: RiskView) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "question": r.question,
        "help": r.help,
        "likelihood": {str(level): text for level, text in enumerate(r.likelihood)},
        "severity": {str(level): text for level, text in enumerate(r.severity)},
        "mitigations": list(r.mitigations),
        "evidence": r.evidence,
        "sources": [_source_key(s) for s in r.sources],
        "applies_to": None if r.applies is None else r.applies.id,
        "see": [c.id for c in r.see],
    }


def framework_data(view: FrameworkView) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "id": view.id,
        "version": view.version,
        "title": view.title,
        "summary": view.summary,
        "sha256": view.sha256,
        "scale": {
            str(level): {"label": label, "meaning": meaning}
            for level, (label, meaning) in enumerate(view.scale)
        },
        "unknown": {"label": view.unknown[0], "meaning": view.unknown[1]},
        "purposes": [_purpose_data(p) for p in view.purposes],
        "factors": [factor_data(f) for f in view.factors],
        "risks": [risk_data(r) for r in view.risks],
        "bands": [
            {"id": b.id, "label": b.label, "min": b.min, "meaning": b.meaning} for b in view.bands
        ],
        "gates": [
            {
                "id": g.id,
                "applies_to": g.applies_to,
                "below": g.below,
                "cap": g.cap,
                "reason": g.reason,
            }
            for g in view.gates
        ],
        "red_flag_threshold": view.red_flag_threshold,
        "risk_bands": [{"id": b.id, "label": b.label, "min": b.min} for b in view.risk_bands],
        "caveats": [{"id": c.id, "text": c.text, "sources": list(c.sources)} for c in view.caveats],
        "sources": [
            {
                "key": s.key,
                "title": s.title,
                "publisher": s.publisher,
                "year": s.year,
                "url": s.url,
                "note": s.note,
            }
            for s in view.sources
        ],
        "min_coverage": view.min_coverage,
        "research_context": _research_data(view),
        "design_choices": [{"id": d.id, "text": d.text} for d in view.design_choices],
        "applicability": [_applicability_data(a) for a in view.applicability],
        "case_scopes": [
            {
                "id": c.id,
                "name": c.name,
                "meaning": c.meaning,
                "outside_definition": c.outside_definition,
            }
            for c in view.case_scopes
        ],
        "conditions": [_condition_data(c) for c in view.conditions],
        "inclusion": None
        if view.inclusion is None
        else {
            "rule": view.inclusion.rule,
            "omitted": [
                {"name": o.name, "cited_by": o.cited_by, "reason": o.reason}
                for o in view.inclusion.omitted
            ],
        },
    }


def _purpose_data(p: Purpose) -> dict[str, Any]:
    rate = p.base_rate
    return {
        "id": p.id,
        "name": p.name,
        "description": p.description,
        "base_rate": None
        if rate is None
        else {
            "effective_share_of_all_episodes": rate.effective_share_of_all_episodes,
            "effective_when_pursued": rate.effective_when_pursued,
            "effective_when_pursued_qualifier": rate.qualifier,  # 'almost' 40, as the source
            "text": rate.text,
            "sources": list(rate.sources),
        },
    }


def _research_data(view: FrameworkView) -> dict[str, Any] | None:
    context = view.research_context
    if context is None:
        return None
    return {
        "rule": context.rule,
        "findings": [
            {
                "name": f.name,
                "greater": f.greater,
                "lesser": f.lesser,
                "mixed": f.mixed,
                "rating": f.rating,
                "outcomes": f.outcomes,
                "studies": f.studies,
                "note": f.note,
                "asked_in": list(f.asked_in),
                "sources": list(f.sources),
            }
            for f in context.findings
        ],
    }


def _source_key(source: Source | str) -> str:
    return source if isinstance(source, str) else source.key
