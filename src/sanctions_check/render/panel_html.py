"""A panel as one self-contained, printable HTML file, with a compact dot plot per question.

Inline CSS and inline SVG only: no scripts, fonts or other files. Each dot plot puts every
analyst's answer on the 0-4 scale as a numbered dot (the number is the analyst's row in the
outlook table; equal answers stack) and the panel's median as a triangle under the axis; unknown
and n/a answers are counted beside it in words, so the plot reads in greyscale. Every string from
a case file goes through ``textsafe.html_text``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sanctions_check import __version__, textsafe
from sanctions_check.panel import Member, Panel, QuestionPanel, is_number
from sanctions_check.render import wording
from sanctions_check.scoring import Assessment

CSS = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #bbb; --soft: #f2f2f2; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: var(--ink);
  font: 10.5pt/1.4 "DejaVu Sans", "Liberation Sans", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 16pt; margin: 0.2rem 0 0.4rem; line-height: 1.2; }
h2 { font-size: 13pt; margin: 1.3rem 0 0.5rem; padding-bottom: 0.15rem;
  border-bottom: 1.5pt solid var(--ink); }
h3 { font-size: 11pt; margin: 0.9rem 0 0.3rem; }
p { margin: 0.35rem 0; }
.notice { border-left: 3pt solid var(--ink); padding: 0.3rem 0.6rem; background: var(--soft); }
.warning { border-left: 3pt solid #e08214; padding: 0.3rem 0.6rem; }
.muted { color: var(--muted); font-size: 9pt; }
table { width: 100%; border-collapse: collapse; margin: 0.4rem 0 0.6rem; font-size: 9pt; }
th, td { border: 0.5pt solid var(--rule); padding: 0.25rem 0.35rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
thead th { background: var(--soft); border-bottom: 1pt solid var(--ink); }
td.num, th.num { text-align: right; white-space: nowrap; }
td.plot { width: 150px; }
td.notes { overflow-wrap: anywhere; }
tr.pooled td { font-weight: bold; }
ul.notes { margin: 0; padding-left: 0.9rem; }
ul.notes li { margin-bottom: 0.15rem; }
svg.dots { display: block; width: 140px; height: auto; }
footer { margin-top: 1.5rem; border-top: 0.5pt solid var(--rule); padding-top: 0.4rem; }
@page { margin: 15mm 14mm 16mm 14mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt;
    font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #555; }
  @bottom-left { content: "sanctions-check panel, advisory, not a verdict"; font-size: 8pt;
    font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #555; } }
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; }
  table { font-size: 8.5pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, .keep, footer { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
"""
DOT = "#1f3b73"
MEDIAN = "#b2182b"


def e(value: object) -> str:
    return textsafe.html_text(value)


def _outlook(assessment: Assessment) -> str:
    o = assessment.outlook
    return wording.panel_outlook_text(o)


def dot_plot(q: QuestionPanel, members: tuple[Member, ...]) -> str:
    """Every numeric answer as a numbered dot on the 0-4 axis, the median as a triangle."""
    left, step, r = 10.0, 30.0, 6.0
    placed: list[tuple[float, int, str]] = []
    stacks: dict[float, int] = {}
    for m, a in zip(members, q.answers, strict=True):
        if is_number(a):
            level = float(a)
            placed.append((level, stacks.get(level, 0), m.key))
            stacks[level] = stacks.get(level, 0) + 1
    rows = max(stacks.values(), default=1)
    axis_y = 6.0 + rows * (2 * r + 1) + 2
    height = axis_y + 20
    dots = [
        f'<circle cx="{left + step * level:g}" cy="{axis_y - r - 2 - row * (2 * r + 1):g}" '
        f'r="{r:g}" fill="{DOT}"/>'
        f'<text x="{left + step * level:g}" y="{axis_y - r - 2 - row * (2 * r + 1) + 2.6:g}" '
        f'font-size="7.5" text-anchor="middle" fill="#fff">{e(key)}</text>'
        for level, row, key in placed
    ]
    ticks = "".join(
        f'<line x1="{left + step * v:g}" y1="{axis_y:g}" x2="{left + step * v:g}" '
        f'y2="{axis_y + 3:g}" stroke="#555" stroke-width="0.7"/>'
        f'<text x="{left + step * v:g}" y="{axis_y + 17:g}" font-size="7.5" '
        f'text-anchor="middle" fill="#555">{v}</text>'
        for v in range(5)
    )
    median = ""
    if q.median is not None:
        mx = left + step * float(q.median)
        median = f'<path d="M{mx:g} {axis_y + 1:g} l-4 7 h8 z" fill="{MEDIAN}"/>'
    label = (
        f"answers {', '.join(wording.panel_cell(a) for a in q.answers)}; "
        f"median {wording.level_text(q.median)}"
    )
    return (
        f'<svg class="dots" viewBox="0 0 140 {height:g}" role="img" aria-label="{e(label)}">'
        f'<line x1="{left:g}" y1="{axis_y:g}" x2="{left + 4 * step:g}" y2="{axis_y:g}" '
        f'stroke="#555" stroke-width="0.7"/>{ticks}{median}{"".join(dots)}</svg>'
    )


def _plot_cell(q: QuestionPanel, members: tuple[Member, ...]) -> str:
    counts = wording.counts_text(q.unknown, q.not_applicable, q.unanswered)
    extra = "" if counts == "–" else f'<div class="muted">{e(counts)}</div>'
    return f'<td class="plot">{dot_plot(q, members)}{extra}</td>'


def _notes(q: QuestionPanel, names: dict[str, str]) -> str:
    if not q.notes:
        return '<td class="notes">–</td>'
    items = "".join(
        f"<li><b>{e(n.member)} {e(names[n.member])}:</b> {e(textsafe.one_line(n.text))}</li>"
        for n in q.notes
    )
    return f'<td class="notes"><ul class="notes">{items}</ul></td>'


def _head(*cells: tuple[str, str]) -> str:
    inner = "".join(
        f'<th class="{cls}">{e(text)}</th>' if cls else f"<th>{e(text)}</th>" for text, cls in cells
    )
    return f"<thead><tr>{inner}</tr></thead>"


def render(panel: Panel, generated: datetime) -> str:
    members = panel.members
    names = {m.key: m.name for m in members}
    fw = panel.framework
    title = wording.panel_title(len(members), panel.title)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="sanctions-check {e(__version__)}">',
        f"<title>{e(textsafe.one_line(title))}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{e(textsafe.one_line(title))}</h1>",
        f'<p class="muted">{e(wording.panel_case_line(panel.case_id, fw.id, fw.version))}</p>',
    ]
    if panel.hypothetical:
        out.append(f'<p class="notice">{e(wording.PANEL_HYPOTHETICAL)}</p>')
    out += [f'<p class="warning">{e(wording.panel_warning(w))}</p>' for w in panel.warnings]
    out.append("</header><main>")

    out.append(f"<section><h2>{e(wording.OUTLOOK_NAME)}</h2><table>")
    out.append(
        _head(
            ("#", "num"),
            (wording.PANEL_ANALYST_HEADING, ""),
            (wording.PANEL_FILE_HEADING, ""),
            (wording.OUTLOOK_NAME, ""),
        )
    )
    out.append(
        f'<tbody><tr class="pooled"><td class="num"></td><td>{e(wording.PANEL_POOLED)}</td>'
        f"<td>–</td><td>{e(_outlook(panel.pooled))}</td></tr>"
    )
    out += [
        f'<tr><td class="num">{e(m.key)}</td><td>{e(textsafe.one_line(m.name))}</td>'
        f"<td>{e(Path(m.file).name)}</td><td>{e(_outlook(m.assessment))}</td></tr>"
        for m in members
    ]
    a = panel.agreement
    out.append("</tbody></table>")
    alpha = wording.alpha_text(a.alpha, a.units, a.coders, a.total_units, a.level, a.no_variation)
    out.append(f'<p class="keep">{e(alpha)}</p></section>')

    disagreements = panel.disagreements
    out.append(f"<section><h2>{e(wording.PANEL_DISCUSS)} ({len(disagreements)})</h2>")
    if disagreements:
        out.append("<table>")
        out.append(
            _head(
                (wording.PANEL_RANK_HEADING, "num"),
                (wording.PANEL_QUESTION_HEADING, ""),
                (wording.PANEL_ANSWERS_HEADING, ""),
                (wording.PANEL_MEDIAN_HEADING, "num"),
                (wording.PANEL_RANGE_HEADING, "num"),
                (wording.PANEL_IMPACT_HEADING, ""),
            )
        )
        out.append("<tbody>")
        for rank, q in enumerate(disagreements, 1):
            impact = wording.impact_text(
                q.impact, q.kind, q.band_at_low, q.band_at_high, bool(q.spread)
            )
            out.append(
                f'<tr><td class="num">{rank}</td><td>{e(q.factor_name)}: {e(q.text)}</td>'
                f"{_plot_cell(q, members)}"
                f'<td class="num">{e(wording.level_text(q.median))}</td>'
                f'<td class="num">{e(wording.spread_text(q.low, q.high))}</td>'
                f"<td>{e(impact)}</td></tr>"
            )
        out.append("</tbody></table>")
        out.append(f'<p class="muted">{e(wording.PANEL_IMPACT_LEGEND)}</p>')
    else:
        out.append(f"<p>{e(wording.PANEL_NO_DISAGREEMENT)}</p>")
    out.append("</section>")

    out.append(f"<section><h2>{e(wording.PANEL_ALL_HEADING)}</h2>")
    factor_ids = list(dict.fromkeys(q.factor_id for q in panel.questions))
    for fid in factor_ids:
        rows = [q for q in panel.questions if q.factor_id == fid]
        out.append(
            f"<h3>{e(rows[0].factor_name)} ({e(wording.kind_label(rows[0].kind))})</h3><table>"
        )
        out.append(
            _head(
                (wording.PANEL_QUESTION_HEADING, ""),
                (wording.PANEL_ANSWERS_HEADING, ""),
                (wording.PANEL_MEDIAN_HEADING, "num"),
                (wording.PANEL_RANGE_HEADING, "num"),
                (wording.PANEL_NOTES_HEADING, ""),
            )
        )
        out.append("<tbody>")
        for q in rows:
            out.append(
                f"<tr><td>{e(q.text)}</td>{_plot_cell(q, members)}"
                f'<td class="num">{e(wording.level_text(q.median))}</td>'
                f'<td class="num">{e(wording.spread_text(q.low, q.high))}</td>'
                f"{_notes(q, names)}</tr>"
            )
        out.append("</tbody></table>")
    out.append(f'<p class="muted">{e(wording.PANEL_PLOT_LEGEND)}</p></section>')

    if panel.risks:
        out.append(f"<section><h2>{e(wording.PANEL_RISKS_HEADING)}</h2><table>")
        out.append(
            _head(
                (wording.PANEL_RISK_HEADING, ""),
                *((m.key, "num") for m in members),
                (wording.PANEL_POOLED_HEADING, ""),
            )
        )
        out.append("<tbody>")
        for r in panel.risks:
            pooled = r.pooled
            cells = "".join(
                f'<td class="num">{e(wording.panel_cell(lk))}×{e(wording.panel_cell(sv))}</td>'
                for lk, sv in zip(r.likelihoods, r.severities, strict=True)
            )
            total = wording.panel_risk_pooled(
                r.median_likelihood,
                r.median_severity,
                pooled.value if pooled else None,
                pooled.band_label if pooled else None,
            )
            out.append(f"<tr><td>{e(r.name)}</td>{cells}<td>{e(total)}</td></tr>")
        out.append("</tbody></table>")
        out.append(f'<p class="muted">{e(wording.PANEL_RISK_LEGEND)}</p></section>')

    out.append(f'<section class="keep"><h2>{e(wording.PANEL_METHOD_HEADING)}</h2>')
    out.append(f"<p>{e(wording.PANEL_METHOD)}</p></section>")
    out.append("</main>")
    stamp = generated.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    out.append(
        f'<footer class="muted"><p>{e(wording.ADVISORY_NOTICE)} '
        f"{e(wording.panel_generated(stamp, __version__))}</p></footer>"
    )
    out.append("</body>\n</html>\n")
    return "\n".join(out)
