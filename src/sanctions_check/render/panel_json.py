"""A panel as JSON for other tools: schema ``sanctions-check/panel@1`` (docs/panel.md).

Serialised once, here, from the typed model (:class:`sanctions_check.panel.Panel`). Text from the
case files is kept as written (JSON escaping makes it inert), minus control characters.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sanctions_check import __version__, textsafe
from sanctions_check.panel import Member, Note, Panel, QuestionPanel, RiskPanel
from sanctions_check.render import wording
from sanctions_check.scoring import Assessment

SCHEMA = "sanctions-check/panel@1"


def _r(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _outlook(assessment: Assessment) -> dict[str, Any]:
    o = assessment.outlook
    label = o.band.label if o.band else None
    return {
        "score": _r(o.score),
        "low": _r(o.low),
        "high": _r(o.high),
        "coverage": wording.share(o.coverage),
        "band": o.band.id if o.band else None,
        "band_label": label,
        "capped": o.band is not None and o.band != getattr(o, "uncapped_band", o.band),
        "provisional": bool(getattr(o, "provisional", False)),
        "text": wording.panel_outlook_text(o),
    }


def _member(member: Member) -> dict[str, Any]:
    return {
        "key": member.key,
        "name": textsafe.plain(member.name),
        "file": textsafe.plain(Path(member.file).name),
        "outlook": _outlook(member.assessment),
    }


def _notes(notes: tuple[Note, ...]) -> list[dict[str, str]]:
    return [{"analyst": n.member, "text": textsafe.plain(n.text)} for n in notes]


def _question(q: QuestionPanel, members: tuple[Member, ...]) -> dict[str, Any]:
    return {
        "ref": q.ref,
        "factor_id": q.factor_id,
        "factor_name": q.factor_name,
        "kind": q.kind,
        "question_id": q.question_id,
        "question": q.text,
        "answers": {m.key: a for m, a in zip(members, q.answers, strict=True)},
        "median": q.median,
        "pooled": q.pooled,
        "low": q.low,
        "high": q.high,
        "spread": q.spread,
        "unknown": q.unknown,
        "not_applicable": q.not_applicable,
        "unanswered": q.unanswered,
        "distribution": q.distribution,
        "disagrees": q.disagrees,
        "impact": round(q.impact, 2),
        "outlook_at_low": _r(q.outlook_at_low, 2),
        "outlook_at_high": _r(q.outlook_at_high, 2),
        "band_at_low": q.band_at_low,
        "band_at_high": q.band_at_high,
        "notes": _notes(q.notes),
    }


def _risk(r: RiskPanel, members: tuple[Member, ...]) -> dict[str, Any]:
    pooled = r.pooled
    return {
        "id": r.id,
        "name": r.name,
        "likelihood": {m.key: v for m, v in zip(members, r.likelihoods, strict=True)},
        "severity": {m.key: v for m, v in zip(members, r.severities, strict=True)},
        "value": {m.key: v for m, v in zip(members, r.values, strict=True)},
        "median_likelihood": r.median_likelihood,
        "median_severity": r.median_severity,
        "spread": r.spread,
        "pooled": None
        if pooled is None
        else {
            "likelihood": pooled.likelihood,
            "severity": pooled.severity,
            "value": pooled.value,
            "band": pooled.band_id,
            "band_label": pooled.band_label,
            "text": wording.risk_text(pooled.value, pooled.band_label),
        },
        "notes": _notes(r.notes),
        "mitigations": _notes(r.mitigations),
    }


def data(panel: Panel, generated: datetime) -> dict[str, Any]:
    """The panel as plain data, schema ``panel@1``."""
    fw = panel.framework
    a = panel.agreement
    return {
        "schema": SCHEMA,
        "case": {"id": panel.case_id, "title": panel.title, "hypothetical": panel.hypothetical},
        "analysts": [_member(m) for m in panel.members],
        "pooled": {
            "outlook": _outlook(panel.pooled),
            "limiting": [lim.factor_id for lim in panel.pooled.outlook.limits],
        },
        "agreement": {
            "measure": "krippendorff-alpha-ordinal",
            "alpha": _r(a.alpha, 3),
            "questions": a.units,
            "analysts": a.coders,
            "values": a.values,
            "total_questions": a.total_units,
            "level": a.level,
            "text": wording.alpha_text(
                a.alpha, a.units, a.coders, a.total_units, a.level, a.no_variation
            ),
        },
        "spread_measure": wording.PANEL_SPREAD_NAME,
        "questions": [_question(q, panel.members) for q in panel.questions],
        "disagreements": [q.ref for q in panel.disagreements],
        "risks": [_risk(r, panel.members) for r in panel.risks],
        "warnings": [textsafe.plain(w) for w in panel.warnings],
        "method": {
            "text": wording.PANEL_METHOD,
            "framework": {"id": fw.id, "version": fw.version, "sha256": fw.sha256},
            "tool": {"name": "sanctions-check", "version": __version__},
            "generated": generated.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
    }


def render(panel: Panel, generated: datetime) -> str:
    return json.dumps(data(panel, generated), indent=2, ensure_ascii=False) + "\n"
