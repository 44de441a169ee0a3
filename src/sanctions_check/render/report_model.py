"""The report of one assessment as plain, JSON-ready data: the one model every renderer reads.

Terminal, Markdown, HTML and JSON all start from :func:`build`, so they cannot drift apart: a
section added here shows up everywhere (pip-audit's one-model, many-formatters design). Text is
kept as written in the case file; each renderer makes it inert for its own format (textsafe).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sanctions_check import __version__
from sanctions_check.errors import UsageError
from sanctions_check.framework import Framework
from sanctions_check.render import wording
from sanctions_check.scoring import Assessment, FactorResult

SCHEMA = "sanctions-check/report@1"
METHOD = (
    "Each question is answered 0-4 (or unknown). A factor's score is the weighted mean of its "
    "answered questions, as 0-100; its range puts every unknown or unanswered question at 0 and "
    "at 4, and coverage is the share of question weight answered. The outlook is the weighted "
    "mean of the core and secondary factors, banded; gates cap the band when a core factor is "
    "very weak. Red flags and risks are shown beside the outlook, never subtracted from it."
)


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


def _r(value: float | None, digits: int = 1) -> float | None:
    """Numbers as `score` rounds them, so that every output prints the same figures."""
    return None if value is None else round(value, digits)


def _band(band: Any) -> dict[str, Any] | None:
    if band is None:
        return None
    return {"id": band.id, "label": band.label, "min": band.min, "meaning": band.meaning}


def _factor(result: FactorResult, fw: Framework) -> dict[str, Any]:
    factor = fw.factor(result.id)
    assert factor is not None
    ev = factor.evidence
    return {
        "id": result.id,
        "name": result.name,
        "kind": result.kind,
        "kind_label": wording.kind_label(result.kind),
        "weight": result.weight,
        "score": _r(result.score),
        "low": _r(result.low),
        "high": _r(result.high),
        "coverage": _r(result.coverage, 3),
        "answered": result.answered,
        "unknown": result.unknown,
        "unanswered": result.unanswered,
        "questions": result.total,
        "score_text": wording.factor_score_text(_r(result.score), _r(result.low), _r(result.high)),
        "evidence": result.evidence,
        "practitioner_rating": ev.practitioner_rating,
        "research_rating": ev.research_rating,
    }


def _answers(assessment: Assessment) -> list[dict[str, Any]]:
    """Every question with the answer given, so a reader can see what each score rests on."""
    fw, case = assessment.framework, assessment.case
    out = []
    for factor in fw.factors:
        questions = []
        for question in factor.questions:
            answer = case.answer(factor.id, question.id)
            questions.append(
                {
                    "id": question.id,
                    "text": question.text,
                    "score": answer.score,
                    "score_text": wording.answer_text(answer.score),
                    "level": (
                        question.level_label(fw, answer.score)
                        if isinstance(answer.score, int)
                        else None
                    ),
                    "confidence": answer.confidence,
                    "note": answer.note,
                    "sources": list(answer.sources),
                }
            )
        out.append({"factor_id": factor.id, "factor_name": factor.name, "questions": questions})
    return out


def _gaps(assessment: Assessment) -> list[dict[str, Any]]:
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
            {
                "kind": gap.kind,
                "kind_label": wording.gap_label(gap.kind),
                "factor_id": gap.factor_id,
                "factor_name": factor.name if factor else None,
                "question_id": gap.question_id,
                "text": gap.text,
                "note": note,
            }
        )
    return out


def _case_sources(assessment: Assessment) -> list[str]:
    """Every source the case file cites, once each, in the order a reader meets them."""
    case = assessment.case
    seen: dict[str, None] = dict.fromkeys(case.header.sources)
    for answers in case.answers.values():
        for answer in answers.values():
            seen.update(dict.fromkeys(answer.sources))
    for risk in case.risks.values():
        seen.update(dict.fromkeys(risk.sources))
    return list(seen)


def build(
    assessment: Assessment, *, generated: datetime | None = None, with_answers: bool = True
) -> dict[str, Any]:
    """The whole advisory summary of one assessment as plain data (schema ``report@1``).

    ``with_answers=False`` leaves out the appendix of every answer with its note and sources
    (an empty list), for a short summary to hand to a decision maker.
    """
    fw, case, outlook = assessment.framework, assessment.case, assessment.outlook
    header = case.header
    moment = generated if generated is not None else generated_at()
    band_label = outlook.band.label if outlook.band else None
    capped = outlook.band is not None and outlook.band != outlook.uncapped_band
    purposes = []
    for pid in header.purpose:
        purpose = fw.purpose(pid)
        if purpose is None:
            continue
        rate = purpose.base_rate
        purposes.append(
            {
                "id": purpose.id,
                "name": purpose.name,
                "description": purpose.description,
                "base_rate": None
                if rate is None
                else {
                    "effective_share_of_all_episodes": rate.effective_share_of_all_episodes,
                    "effective_when_pursued": rate.effective_when_pursued,
                    "text": rate.text,
                    "sources": list(rate.sources),
                },
            }
        )
    rated = {r.id for r in assessment.risks}
    factor_names = {f.id: f.name for f in fw.factors}
    return {
        "schema": SCHEMA,
        "advisory": wording.ADVISORY_NOTICE,
        "case": {
            "id": header.id,
            "title": header.title,
            "country": header.country,
            "assessed_on": header.assessed_on,
            "analyst": header.analyst,
            "hypothetical": header.hypothetical,
            "situation": header.situation,
            "measures": header.measures,
            "file": Path(case.source).name,
            "framework_ref": case.framework_ref,
        },
        "outlook": {
            "score": _r(outlook.score),
            "low": _r(outlook.low),
            "high": _r(outlook.high),
            "coverage": _r(outlook.coverage, 3),
            "band": _band(outlook.band),
            "uncapped_band": _band(outlook.uncapped_band),
            "capped": capped,
            "provisional": outlook.provisional,
            "provisional_text": wording.PROVISIONAL_EXPLAINED if outlook.provisional else None,
            "text": wording.outlook_text(
                band_label,
                capped,
                _r(outlook.score),
                _r(outlook.low),
                _r(outlook.high),
                _r(outlook.coverage, 3),
                outlook.provisional,
            ),
            "explained": wording.OUTLOOK_EXPLAINED,
            "gates": [
                {
                    "id": g.id,
                    "factor_id": g.factor_id,
                    "factor_name": g.factor_name,
                    "score": _r(g.score),
                    "below": g.below,
                    "cap": g.cap,
                    "cap_label": fw.band(g.cap).label,
                    "reason": g.reason,
                }
                for g in outlook.gates
            ],
        },
        "bands": [_band(b) for b in fw.bands],
        "factors": [_factor(r, fw) for r in assessment.factors],
        "limits": [
            {
                "factor_id": lim.factor_id,
                "factor_name": lim.factor_name,
                "score": _r(lim.score),
                "why": lim.why,
            }
            for lim in outlook.limits
        ],
        "strengths": [
            {"factor_id": s.id, "factor_name": s.name, "score": _r(s.score), "evidence": s.evidence}
            for s in assessment.strengths
        ],
        "levers": [
            {
                "factor_id": lv.factor_id,
                "factor_name": factor_names[lv.factor_id],
                "question_id": lv.question_id,
                "question": lv.question,
                "current": lv.current,
                "gain": _r(lv.gain),
                "lifts_gate": lv.lifts_gate,
                "advice": lv.advice,
            }
            for lv in assessment.levers
        ],
        "red_flags": [
            {
                "factor_id": f.factor_id,
                "name": f.name,
                "score": _r(f.score),
                "advice": list(f.advice),
                "evidence": f.evidence,
            }
            for f in assessment.red_flags
        ],
        "red_flag_threshold": fw.red_flag_threshold,
        "risks": [
            {
                "id": r.id,
                "name": r.name,
                "likelihood": r.likelihood,
                "severity": r.severity,
                "value": r.value,
                "band": r.band_id,
                "band_label": r.band_label,
                "text": wording.risk_text(r.value, r.band_label),
                "mitigation": r.mitigation,
                "suggested_mitigations": list(r.mitigations),
                "note": r.note,
            }
            for r in assessment.risks
        ],
        "risks_not_rated": [{"id": r.id, "name": r.name} for r in fw.risks if r.id not in rated],
        "purposes": purposes,
        "gaps": _gaps(assessment),
        "answers": _answers(assessment) if with_answers else [],
        "caveats": [{"id": c.id, "text": c.text, "sources": list(c.sources)} for c in fw.caveats],
        "warnings": [w.message for w in case.warnings],
        "method": {
            "text": METHOD,
            "framework": {
                "id": fw.id,
                "version": fw.version,
                "title": fw.title,
                "sha256": fw.sha256,
            },
            "tool": {"name": "sanctions-check", "version": __version__},
            "generated": iso(moment),
        },
        "sources": {
            "framework": [
                {
                    "key": s.key,
                    "title": s.title,
                    "publisher": s.publisher,
                    "year": s.year,
                    "url": s.url,
                }
                for s in fw.sources
            ],
            "case": _case_sources(assessment),
        },
    }


def _inert(value: Any) -> Any:
    """Control characters and escape sequences out of every string, keys and values alike."""
    from sanctions_check.textsafe import plain

    if isinstance(value, str):
        return plain(value)
    if isinstance(value, dict):
        return {plain(k): _inert(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_inert(v) for v in value]
    return value


def dumps(model: dict[str, Any]) -> str:
    """The model as JSON for other tools: sorted keys, stable, no control characters."""
    import json

    return json.dumps(_inert(model), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
