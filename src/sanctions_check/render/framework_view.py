"""`factors`: the framework and its evidence, for reading in a terminal or feeding other tools."""

from __future__ import annotations

import json
from typing import IO, Any

from sanctions_check.framework import Factor, Framework
from sanctions_check.render.wording import kind_label


def factor_data(factor: Factor) -> dict[str, Any]:
    return {
        "id": factor.id,
        "name": factor.name,
        "kind": factor.kind,
        "description": factor.description,
        "why": factor.why,
        "weight": factor.weight,
        "weight_reason": factor.weight_reason,
        "evidence": factor.evidence.as_dict(),
        "questions": [
            {
                "id": q.id,
                "text": q.text,
                "help": q.help,
                "weight": q.weight,
                "anchors": {str(k): v for k, v in q.anchors.items()} if q.anchors else None,
                "advice": q.advice,
                "sources": list(q.sources),
            }
            for q in factor.questions
        ],
    }


def framework_data(fw: Framework) -> dict[str, Any]:
    return {
        "schema": "sanctions-check/framework-json@1",
        "id": fw.id,
        "version": fw.version,
        "title": fw.title,
        "summary": fw.summary,
        "sha256": fw.sha256,
        "scale": {str(k): {"label": v.label, "meaning": v.meaning} for k, v in fw.scale.items()},
        "unknown": {"label": fw.unknown.label, "meaning": fw.unknown.meaning},
        "purposes": [
            {
                "id": p.id,
                "name": p.name,
                "description": p.description,
                "base_rate": None
                if p.base_rate is None
                else {
                    "effective_share_of_all_episodes": p.base_rate.effective_share_of_all_episodes,
                    "effective_when_pursued": p.base_rate.effective_when_pursued,
                    "text": p.base_rate.text,
                    "sources": list(p.base_rate.sources),
                },
            }
            for p in fw.purposes
        ],
        "factors": [factor_data(f) for f in fw.factors],
        "risks": [
            {
                "id": r.id,
                "name": r.name,
                "question": r.question,
                "help": r.help,
                "likelihood": {str(k): v for k, v in r.likelihood.items()},
                "severity": {str(k): v for k, v in r.severity.items()},
                "mitigations": list(r.mitigations),
                "evidence": r.evidence,
                "sources": list(r.sources),
            }
            for r in fw.risks
        ],
        "bands": [
            {"id": b.id, "label": b.label, "min": b.min, "meaning": b.meaning} for b in fw.bands
        ],
        "gates": [
            {
                "id": g.id,
                "applies_to": g.applies_to,
                "below": g.below,
                "cap": g.cap,
                "reason": g.reason,
            }
            for g in fw.gates
        ],
        "red_flag_threshold": fw.red_flag_threshold,
        "risk_bands": [{"id": b.id, "label": b.label, "min": b.min} for b in fw.risk_bands],
        "caveats": [{"id": c.id, "text": c.text, "sources": list(c.sources)} for c in fw.caveats],
        "sources": [
            {
                "key": s.key,
                "title": s.title,
                "publisher": s.publisher,
                "year": s.year,
                "url": s.url,
                "note": s.note,
            }
            for s in fw.sources
        ],
    }


def json_out(fw: Framework, factor_id: str | None, out: IO[str]) -> None:
    factor = fw.factor(factor_id) if factor_id is not None else None
    data = factor_data(factor) if factor is not None else framework_data(fw)
    out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def text_out(fw: Framework, factor_id: str | None, out: IO[str]) -> None:
    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, highlight=False)
    if factor_id is None:
        console.print(Text(f"{fw.title} — {fw.id} {fw.version}", style="bold"))
        console.print(Text(" ".join(fw.summary.split())))
        grid = Table(
            box=None,
            pad_edge=False,
            padding=(0, 1),
            collapse_padding=True,
            expand=True,
            header_style="bold underline",
        )
        grid.add_column("Factor (id)", ratio=1, overflow="fold")
        for header, justify in (
            ("Kind", "left"),
            ("Weight", "right"),
            ("Cited by", "right"),
            ("Practitioner", "left"),
            ("Research", "left"),
        ):
            grid.add_column(header, justify=justify, no_wrap=True)  # type: ignore[arg-type]
        for f in fw.factors:
            ev = f.evidence
            cited = f"{ev.practitioners_cited}/{ev.practitioners_total}"
            name = Text(f.label)
            name.append(f" ({f.id})", style="dim")
            grid.add_row(
                name,
                Text(kind_label(f.kind).replace(" factor", "")),
                f"{f.weight:g}",
                cited + ("" if ev.direction == "greater" else " (−)"),
                Text(ev.practitioner_rating),
                Text(ev.research_rating),
            )
        console.print(grid)
        console.print(
            Text(
                "Cited by: practitioners (of 15) who tied the factor to effectiveness; "
                "(−) tied to LESS effectiveness. Practitioner and research evidence "
                "as rated by USHMM. Show one factor in full: sanctions-check factors "
                "FACTOR_ID",
                style="dim",
            )
        )
        return
    factor = fw.factor(factor_id)
    assert factor is not None
    ev = factor.evidence
    parts: list[Any] = [
        Text(factor.description),
        Text(f"\nWhy it matters: {factor.why}"),
        Text(
            f"\nEvidence: {ev.label}. USHMM factor: “{ev.tfap_name}”."
            + (f" {ev.note}" if ev.note else "")
        ),
        Text(f"Sources: {', '.join(_source(fw, k) for k in ev.sources)}", style="dim"),
        Text(f"\nWeight {factor.weight:g}: {factor.weight_reason}"),
    ]
    console.print(
        Panel(
            Group(*parts),
            title=Text(f"{factor.name} ({kind_label(factor.kind)})"),
            title_align="left",
        )
    )
    for number, q in enumerate(factor.questions, 1):
        lines: list[Any] = [Text(q.help, style="dim")]
        for level in range(5):
            lines.append(Text(f"  {level}  {q.level_label(fw, level)}"))
        lines.append(
            Text(f"If low: {q.advice}" if factor.kind != "red_flag" else f"If present: {q.advice}")
        )
        console.print(
            Panel(Group(*lines), title=Text(f"{number}. {q.text}  [{q.id}]"), title_align="left")
        )


def _source(fw: Framework, key: str) -> str:
    source = fw.source(key)
    if source is None:
        return key
    dated = f", {source.year}" if source.year else ""
    return f"{source.title} ({source.publisher}{dated}) {source.url}"
