"""A panel as one self-contained, printable HTML file, with a compact dot plot per question.

Inline CSS and inline SVG only: no scripts, fonts or other files. Each dot plot puts every
analyst's answer on the 0-4 scale as a numbered dot (the number is the analyst's row in the
outlook table; equal answers stack) and the panel's median as a triangle under the axis; unknown
and n/a answers are counted beside it in words, so the plot reads in greyscale. Every string from
a case file goes through ``textsafe.html_text``.
"""

from __future__ import annotations

from sanctions_check import __version__, textsafe
from sanctions_check.panel import is_number
from sanctions_check.render import page
from sanctions_check.render.panel_view import PanelView, QuestionView
from sanctions_check.render.wording import common
from sanctions_check.render.wording import judgement as judgement_words
from sanctions_check.render.wording import panel as words
from sanctions_check.render.wording import placement as placement_words

DOT = "#1f3b73"
MEDIAN = "#b2182b"
RUNNING_FOOT = "sanctions-check panel, advisory, not a verdict"


def e(value: object) -> str:
    return textsafe.html_text(value)


def _judgements(view: PanelView) -> list[str]:
    """Each analyst's own judgement beside their outlook, and the spread; none pooled."""
    spread = view.judgements
    if spread is None:
        return []
    out = [f"<section><h2>{e(judgement_words.PANEL_HEADING)}</h2>"]
    if spread.any_given:
        out.append("<ol>")
        for a in view.analysts:
            given = a.judgement
            if given is None:
                continue
            shown = f"<strong>{e(given.text)}</strong>" if given.given else e(given.text)
            reason = f"<br>{e(given.reason)}" if given.reason else ""
            differs = f"<br><em>{e(given.differs_text)}</em>" if given.differs_text else ""
            out.append(f"<li>{e(a.name)}: {shown}{reason}{differs}</li>")
        out.append("</ol>")
    out.append(f"<p>{e(spread.text)}</p>")
    if spread.any_given:
        out.append(f'<p class="muted">{e(spread.note)}</p>')
    out.append("</section>")
    return out


def _placement(view: PanelView) -> list[str]:
    """The pooled outlook among the coded past episodes, with its caveat."""
    placed = view.placement
    if placed is None:
        return []
    out = [f"<section><h2>{e(placement_words.PANEL_HEADING)}</h2>", f"<p>{e(placed.text)}</p>"]
    if placed.outlooks_text:
        out.append(f"<p>{e(placed.outlooks_text)}</p>")
    notes = (placed.library_text, placed.left_out_text, placed.nearest_rule, placed.caveat)
    out.append(f'<p class="muted">{e(" ".join(n for n in notes if n))}</p>')
    out.append("</section>")
    return out


def dot_plot(q: QuestionView) -> str:
    """Every numeric answer as a numbered dot on the 0-4 axis, the median as a triangle."""
    left, step, r = 10.0, 30.0, 6.0
    placed: list[tuple[float, int, str]] = []
    stacks: dict[float, int] = {}
    for key, a in q.answers.items():
        if is_number(a):
            level = float(a)
            placed.append((level, stacks.get(level, 0), key))
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
    label = f"answers {', '.join(q.cells)}; median {q.median_text}"
    return (
        f'<svg class="dots" viewBox="0 0 140 {height:g}" role="img" aria-label="{e(label)}">'
        f'<line x1="{left:g}" y1="{axis_y:g}" x2="{left + 4 * step:g}" y2="{axis_y:g}" '
        f'stroke="#555" stroke-width="0.7"/>{ticks}{median}{"".join(dots)}</svg>'
    )


def _plot_cell(q: QuestionView) -> str:
    counts = q.counts_text
    extra = "" if counts == "–" else f'<div class="muted">{e(counts)}</div>'
    return f'<td class="plot">{dot_plot(q)}{extra}</td>'


def _notes(q: QuestionView) -> str:
    if not q.notes:
        return '<td class="notes">–</td>'
    items = "".join(
        f"<li><b>{e(n.analyst)} {e(n.name)}:</b> {e(textsafe.one_line(n.text))}</li>"
        for n in q.notes
    )
    return f'<td class="notes"><ul class="notes">{items}</ul></td>'


def _head(*cells: tuple[str, str]) -> str:
    inner = "".join(
        f'<th class="{cls}">{e(text)}</th>' if cls else f"<th>{e(text)}</th>" for text, cls in cells
    )
    return f"<thead><tr>{inner}</tr></thead>"


class PanelHtml:
    """The panel as one printable HTML document, a dot plot per question."""

    def text(self, view: PanelView) -> str:
        return render(view)


def render(view: PanelView) -> str:
    title = view.title
    out = [
        f"<header><h1>{e(textsafe.one_line(title))}</h1>",
        f'<p class="muted">{e(view.case_line)}</p>',
    ]
    if view.case.hypothetical:
        out.append(f'<p class="notice">{e(words.PANEL_HYPOTHETICAL)}</p>')
    out += [f'<p class="warning">{e(words.panel_warning(w))}</p>' for w in view.warnings]
    out.append("</header><main>")

    out.append(f"<section><h2>{e(common.OUTLOOK_NAME)}</h2><table>")
    out.append(
        _head(
            ("#", "num"),
            (words.PANEL_ANALYST_HEADING, ""),
            (words.PANEL_FILE_HEADING, ""),
            (common.OUTLOOK_NAME, ""),
        )
    )
    out.append(
        f'<tbody><tr class="pooled"><td class="num"></td><td>{e(words.PANEL_POOLED)}</td>'
        f"<td>–</td><td>{e(view.pooled.outlook.text)}</td></tr>"
    )
    out += [
        f'<tr><td class="num">{e(a.key)}</td><td>{e(textsafe.one_line(a.name))}</td>'
        f"<td>{e(a.file)}</td><td>{e(a.outlook.text)}</td></tr>"
        for a in view.analysts
    ]
    out.append("</tbody></table>")
    out.append(f'<p class="keep">{e(view.agreement.text)}</p></section>')
    out.extend(_judgements(view))
    out.extend(_placement(view))

    disagreements = view.disagreeing
    out.append(f"<section><h2>{e(words.PANEL_DISCUSS)} ({len(disagreements)})</h2>")
    if disagreements:
        out.append("<table>")
        out.append(
            _head(
                (words.PANEL_RANK_HEADING, "num"),
                (words.PANEL_QUESTION_HEADING, ""),
                (words.PANEL_ANSWERS_HEADING, ""),
                (words.PANEL_MEDIAN_HEADING, "num"),
                (words.PANEL_RANGE_HEADING, "num"),
                (words.PANEL_IMPACT_HEADING, ""),
            )
        )
        out.append("<tbody>")
        for rank, q in enumerate(disagreements, 1):
            out.append(
                f'<tr><td class="num">{rank}</td><td>{e(q.factor_name)}: {e(q.question)}</td>'
                f"{_plot_cell(q)}"
                f'<td class="num">{e(q.median_text)}</td>'
                f'<td class="num">{e(q.range_text)}</td>'
                f"<td>{e(q.impact_text)}</td></tr>"
            )
        out.append("</tbody></table>")
        out.append(f'<p class="muted">{e(words.PANEL_IMPACT_LEGEND)}</p>')
    else:
        out.append(f"<p>{e(words.PANEL_NO_DISAGREEMENT)}</p>")
    out.append("</section>")

    out.append(f"<section><h2>{e(words.PANEL_ALL_HEADING)}</h2>")
    for rows in view.factors:
        first = rows[0]
        out.append(f"<h3>{e(first.factor_name)} ({e(first.kind_label)})</h3><table>")
        out.append(
            _head(
                (words.PANEL_QUESTION_HEADING, ""),
                (words.PANEL_ANSWERS_HEADING, ""),
                (words.PANEL_MEDIAN_HEADING, "num"),
                (words.PANEL_RANGE_HEADING, "num"),
                (words.PANEL_NOTES_HEADING, ""),
            )
        )
        out.append("<tbody>")
        for q in rows:
            out.append(
                f"<tr><td>{e(q.question)}</td>{_plot_cell(q)}"
                f'<td class="num">{e(q.median_text)}</td>'
                f'<td class="num">{e(q.range_text)}</td>'
                f"{_notes(q)}</tr>"
            )
        out.append("</tbody></table>")
    out.append(f'<p class="muted">{e(words.PANEL_PLOT_LEGEND)}</p></section>')

    if view.risks:
        out.append(f"<section><h2>{e(words.PANEL_RISKS_HEADING)}</h2><table>")
        out.append(
            _head(
                (words.PANEL_RISK_HEADING, ""),
                *((key, "num") for key in view.keys),
                (words.PANEL_POOLED_HEADING, ""),
            )
        )
        out.append("<tbody>")
        for r in view.risks:
            cells = "".join(f'<td class="num">{e(cell)}</td>' for cell in r.cells)
            out.append(f"<tr><td>{e(r.name)}</td>{cells}<td>{e(r.pooled_text)}</td></tr>")
        out.append("</tbody></table>")
        out.append(f'<p class="muted">{e(words.PANEL_RISK_LEGEND)}</p></section>')
    if view.risks_open_text:
        out.append(f"<section><p>{e(view.risks_open_text)}</p></section>")

    out.append(f'<section class="keep"><h2>{e(words.PANEL_METHOD_HEADING)}</h2>')
    out.append(f"<p>{e(view.method.text)}</p></section>")
    out.append("</main>")
    out.append(
        f'<footer class="muted"><p>{e(view.advisory)} '
        f"{e(words.panel_generated(view.method.generated, __version__))}</p></footer>"
    )
    return page.page(
        e(textsafe.one_line(title)),
        page.stylesheet("document", running_foot=RUNNING_FOOT),
        out,
        generator=f"sanctions-check {e(__version__)}",
    )
