"""A panel as GitHub-flavoured Markdown, for a memo or a ticket before the panel meets.

Every string from a case file goes through ``textsafe.md_text`` or ``textsafe.md_cell``, so an
analyst's name or note holding ``<script>``, ``|`` or ``*emphasis*`` stays literal text.
"""

from __future__ import annotations

from pathlib import Path

from sanctions_check import textsafe
from sanctions_check.panel import Panel, QuestionPanel
from sanctions_check.render import wording
from sanctions_check.scoring import Assessment

_text = textsafe.md_line
_cell = textsafe.md_cell_or_dash


def _outlook(assessment: Assessment) -> str:
    o = assessment.outlook
    return wording.panel_outlook_text(o)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _answers(q: QuestionPanel) -> list[str]:
    return [_cell(wording.panel_cell(a)) for a in q.answers]


def render(panel: Panel) -> str:
    keys = [m.key for m in panel.members]
    names = {m.key: m.name for m in panel.members}
    fw = panel.framework
    lines = [f"# {_text(wording.panel_title(len(panel.members), panel.title))}", ""]
    lines.append(_text(wording.panel_case_line(panel.case_id, fw.id, fw.version)))
    if panel.hypothetical:
        lines += ["", f"> {_text(wording.PANEL_HYPOTHETICAL)}"]
    lines += [f"- **{_text(wording.panel_warning(w))}**" for w in panel.warnings]
    lines += [
        "",
        f"## {wording.OUTLOOK_NAME}",
        "",
        _row(
            ["#", wording.PANEL_ANALYST_HEADING, wording.PANEL_FILE_HEADING, wording.OUTLOOK_NAME]
        ),
        "|---|---|---|---|",
        _row(["", f"**{wording.PANEL_POOLED}**", "–", f"**{_cell(_outlook(panel.pooled))}**"]),
    ]
    lines += [
        _row([m.key, _cell(m.name), _cell(Path(m.file).name), _cell(_outlook(m.assessment))])
        for m in panel.members
    ]
    a = panel.agreement
    lines += [
        "",
        _text(
            wording.alpha_text(a.alpha, a.units, a.coders, a.total_units, a.level, a.no_variation)
        ),
    ]
    head = [wording.PANEL_MEDIAN_HEADING, wording.PANEL_RANGE_HEADING]
    disagreements = panel.disagreements
    lines += ["", f"## {_text(wording.PANEL_DISCUSS)} ({len(disagreements)})", ""]
    if disagreements:
        lines.append(
            _row(
                [
                    wording.PANEL_RANK_HEADING,
                    wording.PANEL_QUESTION_HEADING,
                    *keys,
                    *head,
                    wording.PANEL_IMPACT_HEADING,
                ]
            )
        )
        lines.append("|---:|---|" + "---:|" * (len(keys) + 2) + "---|")
        for rank, q in enumerate(disagreements, 1):
            impact = wording.impact_text(
                q.impact, q.kind, q.band_at_low, q.band_at_high, bool(q.spread)
            )
            lines.append(
                _row(
                    [
                        str(rank),
                        _cell(f"{q.factor_name}: {q.text}"),
                        *_answers(q),
                        _cell(wording.level_text(q.median)),
                        _cell(wording.spread_text(q.low, q.high)),
                        _cell(impact),
                    ]
                )
            )
        lines += ["", _text(wording.PANEL_IMPACT_LEGEND)]
    else:
        lines.append(_text(wording.PANEL_NO_DISAGREEMENT))
    lines += ["", f"## {_text(wording.PANEL_ALL_HEADING)}"]
    for fid in dict.fromkeys(q.factor_id for q in panel.questions):
        rows = [q for q in panel.questions if q.factor_id == fid]
        lines += [
            "",
            f"### {_text(rows[0].factor_name)} ({_text(wording.kind_label(rows[0].kind))})",
            "",
            _row([wording.PANEL_QUESTION_HEADING, *keys, *head, wording.PANEL_NOT_SCORED_HEADING]),
            "|---|" + "---:|" * (len(keys) + 2) + "---|",
        ]
        lines += [
            _row(
                [
                    _cell(q.text),
                    *_answers(q),
                    _cell(wording.level_text(q.median)),
                    _cell(wording.spread_text(q.low, q.high)),
                    _cell(wording.counts_text(q.unknown, q.not_applicable, q.unanswered)),
                ]
            )
            for q in rows
        ]
        # Notes follow their factor's table (a note in a table cell would be unreadable).
        for noted in (q for q in rows if q.notes):
            lines += ["", f"{wording.PANEL_NOTES_HEADING}: *{_text(noted.text)}*", ""]
            lines += [
                f"- **{_text(n.member)} {_text(names[n.member])}:** {_text(n.text)}"
                for n in noted.notes
            ]
    lines += ["", _text(wording.PANEL_ANSWER_LEGEND)]
    if panel.risks:
        lines += [
            "",
            f"## {_text(wording.PANEL_RISKS_HEADING)}",
            "",
            _row([wording.PANEL_RISK_HEADING, *keys, wording.PANEL_POOLED_HEADING]),
            "|---|" + "---:|" * len(keys) + "---|",
        ]
        for r in panel.risks:
            pooled = r.pooled
            cells = [
                _cell(f"{wording.panel_cell(lk)}×{wording.panel_cell(sv)}")
                for lk, sv in zip(r.likelihoods, r.severities, strict=True)
            ]
            total = wording.panel_risk_pooled(
                r.median_likelihood,
                r.median_severity,
                pooled.value if pooled else None,
                pooled.band_label if pooled else None,
            )
            lines.append(_row([_cell(r.name), *cells, _cell(total)]))
        lines += ["", _text(wording.PANEL_RISK_LEGEND)]
    lines += ["", _text(wording.PANEL_METHOD), "", f"*{_text(wording.ADVISORY_NOTICE)}*"]
    return "\n".join(lines) + "\n"
