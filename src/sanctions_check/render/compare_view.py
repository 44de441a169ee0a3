"""Output of `compare`: one JSON-ready model of the changes, shown as a table, Markdown or JSON.

As for reports, every renderer reads the same data (:func:`data`) and escapes case text for its
own format.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sanctions_check import __version__, textsafe
from sanctions_check.case import Answer
from sanctions_check.compare import Comparison
from sanctions_check.render import markdown as md
from sanctions_check.render import report_model, wording
from sanctions_check.scoring import Assessment, RiskResult

SCHEMA = "sanctions-check/compare@1"
DIRECTION_WORDS = {
    "rose": "rose",
    "fell": "fell",
    "added": "newly rated",
    "dropped": "no longer rated",
    "changed": "re-rated, same level",
}


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _delta(old: float | None, new: float | None) -> float | None:
    """The change between the figures as printed, so that 'old', 'new' and 'change' agree."""
    if old is None or new is None:
        return None
    return round(round(new, 1) - round(old, 1), 1)


def _shown_change(old: float | None, new: float | None) -> str:
    """The change as the difference of the two whole numbers printed beside it."""
    if old is None or new is None:
        return wording.signed(None)
    return wording.signed(int(wording.number(round(new, 1))) - int(wording.number(round(old, 1))))


def _side(assessment: Assessment) -> dict[str, Any]:
    from pathlib import Path

    header = assessment.case.header
    outlook = assessment.outlook
    capped = outlook.band is not None and outlook.band != outlook.uncapped_band
    label = outlook.band.label if outlook.band else None
    return {
        "file": Path(assessment.case.source).name,
        "id": header.id,
        "title": header.title,
        "assessed_on": header.assessed_on,
        "analyst": header.analyst,
        "score": _r(outlook.score),
        "low": _r(outlook.low),
        "high": _r(outlook.high),
        "coverage": round(outlook.coverage, 3),
        "band": outlook.band.id if outlook.band else None,
        "band_label": label,
        "capped": capped,
        "text": wording.outlook_text(
            label,
            capped,
            _r(outlook.score),
            _r(outlook.low),
            _r(outlook.high),
            round(outlook.coverage, 3),
        ),
        "limiting": [lim.factor_name for lim in outlook.limits],
    }


def _answer(answer: Answer) -> dict[str, Any]:
    return {
        "score": answer.score,
        "score_text": wording.answer_text(answer.score),
        "confidence": answer.confidence,
        "note": answer.note,
        "sources": list(answer.sources),
    }


def _risk(risk: RiskResult | None) -> dict[str, Any] | None:
    if risk is None:
        return None
    return {
        "likelihood": risk.likelihood,
        "severity": risk.severity,
        "value": risk.value,
        "band": risk.band_id,
        "text": wording.risk_text(risk.value, risk.band_label),
        "mitigation": risk.mitigation,
    }


def data(comparison: Comparison, *, generated: datetime | None = None) -> dict[str, Any]:
    """The comparison as plain data (schema ``compare@1``)."""
    fw = comparison.new.framework
    names = {f.id: f.name for f in fw.factors}
    moment = generated if generated is not None else report_model.generated_at()
    return {
        "schema": SCHEMA,
        "old": _side(comparison.old),
        "new": _side(comparison.new),
        "outlook": {
            "delta": _delta(comparison.old.outlook.score, comparison.new.outlook.score),
            "delta_text": _shown_change(comparison.old.outlook.score, comparison.new.outlook.score),
            "band_changed": comparison.band_changed,
        },
        "factors": [
            {
                "id": f.id,
                "name": f.name,
                "kind": f.kind,
                "kind_label": wording.kind_label(f.kind),
                "old": _r(f.old.score),
                "new": _r(f.new.score),
                "old_text": wording.factor_score_text(
                    _r(f.old.score), _r(f.old.low), _r(f.old.high)
                ),
                "new_text": wording.factor_score_text(
                    _r(f.new.score), _r(f.new.low), _r(f.new.high)
                ),
                "old_coverage": round(f.old.coverage, 3),
                "new_coverage": round(f.new.coverage, 3),
                "delta": _delta(f.old.score, f.new.score),
                "delta_text": _shown_change(f.old.score, f.new.score),
            }
            for f in comparison.factors
        ],
        "answers": [
            {
                "factor_id": a.factor_id,
                "factor_name": a.factor_name,
                "question_id": a.question_id,
                "question": a.question,
                "changed": list(a.changed),
                "old": _answer(a.old),
                "new": _answer(a.new),
            }
            for a in comparison.answers
        ],
        "risks": [
            {
                "id": r.id,
                "name": r.name,
                "direction": r.direction,
                "direction_text": DIRECTION_WORDS.get(r.direction, r.direction),
                "delta": r.delta,
                "old": _risk(r.old),
                "new": _risk(r.new),
            }
            for r in comparison.risks
        ],
        "red_flags": {
            "raised": [names[i] for i in comparison.flags_raised],
            "cleared": [names[i] for i in comparison.flags_cleared],
        },
        "warnings": list(comparison.warnings),
        "method": {
            "framework": {"id": fw.id, "version": fw.version, "sha256": fw.sha256},
            "tool": {"name": "sanctions-check", "version": __version__},
            "generated": report_model.iso(moment),
        },
    }


def _who(side: dict[str, Any]) -> str:
    parts = [side["file"]]
    if side["assessed_on"]:
        parts.append(f"assessed {side['assessed_on']}")
    if side["analyst"]:
        parts.append(f"by {side['analyst']}")
    return ", ".join(parts)


def _answer_line(side: dict[str, Any]) -> str:
    confidence = f", {side['confidence']} confidence" if side["confidence"] else ""
    note = f": {side['note']}" if side["note"] else ""
    return f"{side['score_text']}{confidence}{note}"


def _risk_cell(side: dict[str, Any] | None) -> str:
    if side is None:
        return "not rated"
    return f"{_level(side['likelihood'])} × {_level(side['severity'])} = {side['text']}"


def _level(value: object) -> str:
    return "?" if value is None else str(value)


def table(report: dict[str, Any], console: Any) -> None:
    """The comparison for a terminal: a factor table, then what changed and why."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from sanctions_check.render.terminal import bullet, paragraph

    def t(value: object, style: str = "") -> Text:
        return Text(textsafe.plain(value), style=style)

    old, new = report["old"], report["new"]
    paragraph(console, f"Comparing assessments of {new['title']}", "bold", indent=0)
    paragraph(console, f"old: {_who(old)}")
    paragraph(console, f"new: {_who(new)}")
    for warning in report["warnings"]:
        paragraph(console, f"Note: {warning}", "yellow", indent=0)
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    grid.add_column("Factor", overflow="fold")
    grid.add_column("Old", overflow="fold")
    grid.add_column("New", overflow="fold")
    grid.add_column("Change", justify="right", no_wrap=True)
    grid.add_row(
        t(wording.OUTLOOK_NAME, "bold"),
        t(old["text"]),
        t(new["text"]),
        t(report["outlook"]["delta_text"], "bold"),
    )
    for f in report["factors"]:
        grid.add_row(
            t(f"{f['name']} ({f['kind_label']})"),
            t(f["old_text"]),
            t(f["new_text"]),
            t(f["delta_text"]),
        )
    console.print(grid)
    paragraph(
        console,
        f"Limiting factor: {', '.join(old['limiting']) or '–'} → "
        f"{', '.join(new['limiting']) or '–'}",
        indent=0,
    )
    flags = report["red_flags"]
    if flags["raised"] or flags["cleared"]:
        paragraph(
            console,
            f"Red flags raised: {', '.join(flags['raised']) or 'none'}; "
            f"cleared: {', '.join(flags['cleared']) or 'none'}",
            indent=0,
        )
    console.print()
    console.print(t(f"Answers that changed ({len(report['answers'])})", "bold underline"))
    for a in report["answers"]:
        bullet(console, f"{a['factor_name']}: {a['question']}", "bold")
        paragraph(console, f"old: {_answer_line(a['old'])}", indent=4)
        paragraph(console, f"new: {_answer_line(a['new'])}", indent=4)
    if not report["answers"]:
        paragraph(console, "none")
    console.print()
    console.print(t(f"Risks that changed ({len(report['risks'])})", "bold underline"))
    for r in report["risks"]:
        bullet(
            console,
            f"{r['name']} {r['direction_text']}: {_risk_cell(r['old'])} → {_risk_cell(r['new'])}",
        )
    if not report["risks"]:
        paragraph(console, "none")
    fw = report["method"]["framework"]
    console.print()
    paragraph(
        console,
        f"Both scored against framework {fw['id']} {fw['version']}. {wording.OUTLOOK_EXPLAINED}",
        "dim",
        indent=0,
    )


def markdown(report: dict[str, Any]) -> str:
    old, new = report["old"], report["new"]
    lines = [
        f"## What changed: {md.text(new['title'])}",
        "",
        f"- Old: {md.text(_who(old))}",
        f"- New: {md.text(_who(new))}",
    ]
    lines += [f"- **Note:** {md.text(w)}" for w in report["warnings"]]
    lines += [
        "",
        "| Factor | Old | New | Change |",
        "|---|---|---|---:|",
        f"| **{wording.OUTLOOK_NAME}** | {md.cell(old['text'])} | {md.cell(new['text'])} "
        f"| **{md.cell(report['outlook']['delta_text'])}** |",
    ]
    lines += [
        f"| {md.cell(f['name'])} ({md.cell(f['kind_label'])}) | {md.cell(f['old_text'])} "
        f"| {md.cell(f['new_text'])} | {md.cell(f['delta_text'])} |"
        for f in report["factors"]
    ]
    lines += [
        "",
        f"Limiting factor: {md.text(', '.join(old['limiting']) or '–')} → "
        f"{md.text(', '.join(new['limiting']) or '–')}",
    ]
    flags = report["red_flags"]
    if flags["raised"] or flags["cleared"]:
        lines += [
            "",
            f"Red flags raised: {md.text(', '.join(flags['raised']) or 'none')}; "
            f"cleared: {md.text(', '.join(flags['cleared']) or 'none')}",
        ]
    lines += ["", f"### Answers that changed ({len(report['answers'])})", ""]
    if report["answers"]:
        lines += ["| Factor | Question | Old | New |", "|---|---|---|---|"]
        lines += [
            f"| {md.cell(a['factor_name'])} | {md.cell(a['question'])} | "
            f"{md.cell(_answer_line(a['old']))} | {md.cell(_answer_line(a['new']))} |"
            for a in report["answers"]
        ]
    else:
        lines.append("None.")
    lines += ["", f"### Risks that changed ({len(report['risks'])})", ""]
    if report["risks"]:
        lines += ["| Risk | Change | Old | New |", "|---|---|---|---|"]
        lines += [
            f"| {md.cell(r['name'])} | {md.cell(r['direction_text'])} | "
            f"{md.cell(_risk_cell(r['old']))} | {md.cell(_risk_cell(r['new']))} |"
            for r in report["risks"]
        ]
    else:
        lines.append("None.")
    fw = report["method"]["framework"]
    lines += [
        "",
        f"Both scored against framework {md.text(fw['id'])} {md.text(fw['version'])}. "
        f"{md.text(wording.OUTLOOK_EXPLAINED)}",
    ]
    return "\n".join(lines) + "\n"


def table_text(report: dict[str, Any], width: int = 100) -> str:
    """The terminal table as plain text, for a file."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    table(
        report, Console(file=buffer, width=width, color_system=None, highlight=False, emoji=False)
    )
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
