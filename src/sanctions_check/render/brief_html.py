"""The one-page brief as a self-contained HTML file: what a decision maker reads first.

It shows what ``brief.select`` chose, laid out in two columns that fit one A4 or US Letter page
(the content is sized for the smaller of the two in each direction; ``paper`` only sets the
``@page`` size the browser prints on). Inline CSS and inline SVG bars, no scripts or other files;
every colour has its text beside it. Every string goes through ``textsafe.html_text``.
"""

from __future__ import annotations

from itertools import zip_longest

from sanctions_check import textsafe
from sanctions_check.render import wording
from sanctions_check.render.brief import Brief, BriefFactor, select
from sanctions_check.render.report_model import Report

PAPERS = {"a4": "A4", "letter": "letter"}
BAND_COLOURS = ("#b2182b", "#e08214", "#2c7fb8", "#1a9850")
RISK_COLOURS = {"high": "#b2182b", "medium": "#e08214", "low": "#1a9850"}
KIND_COLOURS = {"core": "#1f3b73", "secondary": "#5b7db8", "red_flag": "#8c1c13"}

# Sized for the intersection of A4 (210 × 297 mm) and Letter (216 × 279 mm): 186 × 259 mm of
# content inside 12 mm / 10 mm margins.
CSS = """
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 186mm; padding: 0; color: #1a1a1a;
  font: 8pt/1.24 "DejaVu Sans", "Liberation Sans", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 11.5pt; line-height: 1.2; margin: 0.1rem 0 0.25rem; overflow-wrap: anywhere; }
h2 { font-size: 8.6pt; margin: 0.35rem 0 0.12rem; padding-bottom: 0.05rem;
  border-bottom: 0.8pt solid #1a1a1a; text-transform: uppercase; letter-spacing: 0.03em; }
p { margin: 0.12rem 0; }
ul, ol { margin: 0.1rem 0; padding-left: 1.05rem; }
li { margin-bottom: 0.12rem; }
.kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 7pt; color: #555;
  margin: 0; }
.hypo { display: inline-block; border: 1pt solid #1a1a1a; padding: 0 0.3rem; font-weight: bold;
  color: #1a1a1a; text-transform: none; letter-spacing: 0; margin-left: 0.4rem; }
dl.meta { display: flex; flex-wrap: wrap; gap: 0 0.9rem; margin: 0.1rem 0 0.2rem; }
dl.meta div { display: flex; gap: 0.25rem; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.headline { border: 1pt solid #bbb; padding: 0.15rem 0.5rem; font-size: 9.5pt; margin: 0.15rem 0; }
.headline strong { font-size: 10.5pt; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em;
  border: 0.5pt solid #1a1a1a; vertical-align: -0.05em; }
.muted { color: #555; }
.small { font-size: 7pt; line-height: 1.22; }
.cols { display: grid; grid-template-columns: 60% 38%; column-gap: 2%; }
.cols > div { min-width: 0; overflow-wrap: anywhere; }
table.chart { border-collapse: collapse; width: 100%; font-size: 7.5pt; }
table.chart td { padding: 0.05rem 0.15rem; vertical-align: middle;
  border-bottom: 0.4pt solid #ddd; }
table.chart td.value { text-align: right; white-space: nowrap; }
table.chart td.bar { width: 70px; }
table.chart td.gap { width: 4%; border: none; }
svg.bar { display: block; width: 68px; height: 10px; }
.kind { color: #555; font-size: 6.8pt; }
table.risks { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 7.5pt;
  margin-top: 0.15rem; }
table.risks th, table.risks td { border: 0.4pt solid #bbb; padding: 0.08rem 0.25rem;
  text-align: left; vertical-align: top; overflow-wrap: anywhere; }
table.risks th { background: #f2f2f2; }
.caveats { margin-top: 0.2rem; }
footer { margin-top: 0.25rem; border-top: 0.5pt solid #bbb; padding-top: 0.15rem; }
@page { size: A4; margin: 10mm 12mm; }
@media print { body { max-width: none; } }
"""


def e(value: object) -> str:
    """Escape any text for HTML (and for SVG inside it)."""
    return textsafe.html_text(value)


def _swatch(colour: str) -> str:
    return f'<span class="swatch" style="background:{colour}" aria-hidden="true"></span>'


def _band_colour(brief: Brief) -> str:
    if brief.band_id not in brief.band_ids:
        return "#888888"
    rank = brief.band_ids.index(brief.band_id)
    span = max(len(brief.band_ids) - 1, 1)
    return BAND_COLOURS[round(rank * (len(BAND_COLOURS) - 1) / span)]


def _bar(factor: BriefFactor) -> str:
    """A small bar: filled to the score, the range as an outlined box."""
    width = 66
    if factor.low is None or factor.high is None:
        return ""

    def x(v: float) -> float:
        return round(v / 100 * width, 1)

    colour = KIND_COLOURS.get(factor.kind, "#444")
    fill = (
        f'<rect x="1" y="2" width="{x(factor.score)}" height="6" fill="{colour}"/>'
        if factor.score is not None and factor.assessed
        else ""
    )
    return (
        f'<svg class="bar" viewBox="0 0 {width + 2} 10" role="img" '
        f'aria-label="{e(factor.value)}">'
        f'<rect x="1" y="2" width="{width}" height="6" fill="#eeeeee"/>{fill}'
        f'<rect x="{x(factor.low) + 1}" y="0.5" width="{round(x(factor.high) - x(factor.low), 1)}" '
        f'height="9" fill="none" stroke="#333" stroke-width="0.8"/></svg>'
    )


def _chart_cells(factor: BriefFactor | None) -> str:
    if factor is None:
        return "<td></td><td></td><td></td>"
    return (
        f'<td>{e(factor.name)} <span class="kind">{e(factor.kind_label)}</span></td>'
        f'<td class="bar">{_bar(factor)}</td><td class="value">{e(factor.value)}</td>'
    )


def _headline(brief: Brief) -> str:
    head, sep, tail = brief.outlook.partition(": ")
    if not sep:
        return e(brief.outlook)
    return f"<strong>{e(head)}:</strong> {e(tail)}"


def render(report: Report, *, paper: str = "a4", case_file: str | None = None) -> str:
    """The one-page brief of a report model as one HTML document, printed on ``paper``."""
    return render_brief(select(report, case_file), paper=paper)


def render_brief(brief: Brief, *, paper: str = "a4") -> str:
    size = PAPERS.get(paper.lower(), "A4")
    heads = brief.sections
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Brief: {e(brief.title)}</title>",
        f"<style>{CSS.replace('size: A4;', f'size: {size};')}</style>",
        "</head>",
        "<body>",
        "<header>",
    ]
    hypothetical = (
        f' <span class="hypo">{e(brief.hypothetical)}</span>' if brief.hypothetical else ""
    )
    out.append(f'<p class="kicker">{e(brief.kicker)}{hypothetical}</p>')
    out.append(f"<h1>{e(brief.title)}</h1>")
    out.append(
        '<dl class="meta">'
        + "".join(f"<div><dt>{e(k)}</dt><dd>{e(v)}</dd></div>" for k, v in brief.meta)
        + "</dl>"
    )
    out.append("</header>")
    out.append(f'<section id="bottom-line"><h2>{e(heads[0])}</h2>')
    out.append(f'<p class="headline">{_swatch(_band_colour(brief))}{_headline(brief)}</p>')
    if brief.band_meaning:
        out.append(f"<p>{e(brief.band_label)}: {e(brief.band_meaning)}</p>")
    out.append("</section>")
    out.append('<div class="cols"><div>')
    out.append(f'<section id="limits"><h2>{e(heads[2])}</h2><ul>')
    out.extend(f"<li>{e(line)}</li>" for line in brief.limits)
    out.append("</ul></section>")
    out.append(f'<section id="levers"><h2>{e(heads[3])}</h2>')
    if brief.no_levers:
        out.append(f"<p>{e(brief.no_levers)}</p>")
    else:
        out.append("<ol>")
        out.extend(
            f'<li><strong>{e(lv.question)}</strong> <span class="muted">({e(lv.gain)})</span>'
            f"<br>{e(lv.advice)}</li>"
            for lv in brief.levers
        )
        out.append("</ol>")
    out.append("</section>")
    out.append("</div><div>")
    out.append(f'<section id="outside-view"><h2>{e(heads[1])}</h2><ul>')
    out.extend(f"<li>{e(line)}</li>" for line in brief.base_rates)
    out.append(f'</ul><p class="muted small">{e(brief.base_rate_note)}</p></section>')
    out.append(f'<section id="red-flags"><h2>{e(heads[5])}</h2><ul>')
    out.extend(
        f"<li><strong>{_swatch(KIND_COLOURS['red_flag'])}{e(flag)}</strong></li>"
        for flag in brief.red_flags
    )
    if brief.red_flags_text:
        out.append(f"<li>{e(brief.red_flags_text)}</li>")
    out.append("</ul></section>")
    out.append(f'<section id="gaps"><h2>{e(heads[6])}</h2><p>{e(brief.gaps.text)}</p></section>')
    out.append("</div></div>")
    out.append(f'<section id="factors"><h2>{e(heads[7])}</h2><table class="chart"><tbody>')
    half = (len(brief.factors) + 1) // 2
    for left, right in zip_longest(brief.factors[:half], brief.factors[half:]):
        out.append("<tr>" + _chart_cells(left) + '<td class="gap"></td>' + _chart_cells(right))
        out.append("</tr>")
    out.append(
        f'</tbody></table><p class="muted small">{e(wording.BRIEF_CHART_LEGEND)} '
        f"{e(wording.RED_FLAG_SCALE)}.</p></section>"
    )
    out.append(f'<section id="risks"><h2>{e(heads[4])}</h2>')
    if brief.no_risks:
        out.append(f"<p>{e(brief.no_risks)}</p>")
    else:
        out.append(
            '<table class="risks"><colgroup><col style="width:22%"><col style="width:39%">'
            '<col style="width:39%"></colgroup><thead><tr>'
            f"<th>{e(wording.BRIEF_RISK)} ({e(wording.BRIEF_RISK_RATING)})</th>"
            f"<th>{e(wording.BRIEF_PLANNED)}</th><th>{e(wording.BRIEF_SUGGESTED)}</th>"
            "</tr></thead><tbody>"
        )
        for risk in brief.risks:
            colour = RISK_COLOURS.get(risk.band or "", "#888888")
            out.append(
                f"<tr><td><strong>{e(risk.name)}</strong><br>{_swatch(colour)}{e(risk.text)}</td>"
                f"<td>{e(risk.planned)}</td><td>{e(risk.suggested)}</td></tr>"
            )
        out.append("</tbody></table>")
    out.append("</section>")
    out.append(f'<section id="caveats" class="caveats small"><h2>{e(heads[8])}</h2>')
    out.append(f"<p>{e(' '.join(brief.caveats))}</p></section>")
    out.append(
        f'<footer class="small"><p><strong>{e(wording.BRIEF_MORE)}:</strong> {e(brief.where)}'
        f'</p><p class="muted">{e(brief.advisory)} {e(brief.generated)}</p></footer>'
    )
    out.append("</body>\n</html>\n")
    return "\n".join(out)
