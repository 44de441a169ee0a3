"""The one-page brief as a self-contained HTML file: what a decision maker reads first.

It shows what ``brief.select`` chose, laid out in two columns that fit one A4 or US Letter page
(the content is sized for the smaller of the two in each direction; ``paper`` only sets the
``@page`` size the browser prints on), on the shared page and stylesheet (``page``). Inline SVG
bars, no scripts or other files; every colour has its text beside it. Every string goes through
``textsafe.html_text``.
"""

from __future__ import annotations

from itertools import zip_longest

from sanctions_check import __version__, textsafe
from sanctions_check.render import page
from sanctions_check.render.brief import Brief, BriefFactor, select
from sanctions_check.render.report_view import Report, ReportPage
from sanctions_check.render.wording import brief as words
from sanctions_check.render.wording import common

PAPERS = {"a4": "A4", "letter": "letter"}
KIND_COLOURS = page.KIND_COLOURS


class BriefHtml:
    """The one-page brief, printed on the page's paper."""

    def text(self, view: ReportPage) -> str:
        return render(view.report, paper=view.paper, case_file=view.case_file)


def e(value: object) -> str:
    """Escape any text for HTML (and for SVG inside it)."""
    return textsafe.html_text(value)


_swatch = page.swatch


def _band_colour(brief: Brief) -> str:
    return page.band_colour(brief.band_ids, brief.band_id)


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
    return render_brief(select(report, case_file, paper), paper=paper)


def render_brief(brief: Brief, *, paper: str = "a4") -> str:
    size = PAPERS.get(paper.lower(), "A4")
    heads = brief.sections
    out = ["<header>"]
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
        out.append(f"<p>{e(brief.band_meaning)}</p>")
    # The placement and the judgement share one paragraph: a page has no line to spare.
    caveat = (
        f' <span class="muted">{e(brief.placement_caveat)}</span>' if brief.placement_caveat else ""
    )
    placed = f"{e(brief.placement)}{caveat} " if brief.placement else ""
    differs = f" <strong>{e(brief.judgement_differs)}</strong>" if brief.judgement_differs else ""
    out.append(f'<p class="small">{placed}{e(brief.judgement)}{differs}</p>')
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
        if brief.levers_note:
            out.append(f'<p class="muted small">{e(brief.levers_note)}</p>')
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
        f'</tbody></table><p class="muted small">{e(words.BRIEF_CHART_LEGEND)} '
        f"{e(common.RED_FLAG_SCALE)}.</p></section>"
    )
    out.append(f'<section id="risks"><h2>{e(heads[4])}</h2>')
    if brief.no_risks:
        out.append(f"<p>{e(brief.no_risks)}</p>")
    else:
        out.append(
            '<table class="risks"><colgroup><col style="width:22%"><col style="width:39%">'
            '<col style="width:39%"></colgroup><thead><tr>'
            f"<th>{e(words.BRIEF_RISK)} ({e(words.BRIEF_RISK_RATING)})</th>"
            f"<th>{e(words.BRIEF_PLANNED)}</th><th>{e(words.BRIEF_SUGGESTED)}</th>"
            "</tr></thead><tbody>"
        )
        for risk in brief.risks:
            colour = page.RISK_COLOURS.get(risk.band or "", page.NO_COLOUR)
            out.append(
                f"<tr><td><strong>{e(risk.name)}</strong><br>{_swatch(colour)}{e(risk.text)}</td>"
                f"<td>{e(risk.planned)}</td><td>{e(risk.suggested)}</td></tr>"
            )
        out.append("</tbody></table>")
    if brief.open_risks:
        out.append(f'<p class="small">{e(brief.open_risks)}</p>')
    out.append("</section>")
    out.append(f'<section id="caveats" class="caveats small"><h2>{e(heads[8])}</h2>')
    out.append(f"<p>{e(' '.join(brief.caveats))}</p></section>")
    out.append(
        f'<footer class="small"><p><strong>{e(words.BRIEF_MORE)}:</strong> {e(brief.where)}'
        f'</p><p class="muted">{e(brief.advisory)} {e(brief.generated)}</p></footer>'
    )
    return page.page(
        f"Brief: {e(brief.title)}",
        page.stylesheet("brief", paper=size),
        out,
        generator=f"sanctions-check {e(__version__)}",
    )
