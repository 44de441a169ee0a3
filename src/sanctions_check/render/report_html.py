"""The advisory summary as one self-contained, printable HTML file.

Inline CSS, an inline SVG chart, no scripts, fonts or other files: the report can be mailed,
archived or printed as it is. Every colour carries a text label beside it, so the page reads in
greyscale; the shared page (``page``) sets page margins, repeats table headers, keeps table rows
whole and never leaves a header row alone at a page foot (a table's caption prints below it),
for A4 and US Letter alike. Every string, from the case file or the framework, goes through
``textsafe.html_text``.
"""

from __future__ import annotations

import re
import textwrap

from sanctions_check import textsafe
from sanctions_check.numbers import percent
from sanctions_check.render import page
from sanctions_check.render.report_view import Report, ReportPage
from sanctions_check.render.wording import common
from sanctions_check.render.wording import judgement as judgement_words
from sanctions_check.render.wording import placement as placement_words
from sanctions_check.render.wording import report as words

_SAFE_URL = re.compile(r"https?://[^\s<>\"'`\\]+\Z")
KIND_COLOURS = page.KIND_COLOURS
KIND_SHORT = {"core": "core", "secondary": "secondary", "red_flag": "red flag"}
RUNNING_FOOT = "sanctions-check advisory summary, not a verdict"


class ReportHtml:
    """The report as one printable HTML document."""

    def text(self, view: ReportPage) -> str:
        return render(view.report)


def e(value: object) -> str:
    """Escape any text for HTML (and for SVG text inside it)."""
    return textsafe.html_text(value)


def _link(value: str) -> str:
    plain = textsafe.one_line(value)
    if _SAFE_URL.match(plain):
        return f'<a href="{e(plain)}">{e(plain)}</a>'
    return e(plain)


def _band_colour(report: Report, band_id: str | None) -> str:
    return page.band_colour([b.id for b in report.bands], band_id)


_swatch = page.swatch


def _table(
    headers: list[tuple[str, str]],
    rows: list[list[tuple[str, str]]],
    caption: str | None = None,
    widths: tuple[int, ...] = (),
) -> str:
    """A semantic table; headers and cells are (class, already-escaped html) pairs.

    Fixed column widths (percent) keep long notes from squeezing the narrow columns on paper.
    """
    out = ['<table class="fixed">' if widths else "<table>"]
    if caption:
        out.append(f'<caption class="muted">{caption}</caption>')
    if widths:
        out.append(
            "<colgroup>" + "".join(f'<col style="width:{w}%">' for w in widths) + "</colgroup>"
        )
    out.append(
        "<thead><tr>"
        + "".join(f'<th scope="col"{_cls(c)}>{h}</th>' for c, h in headers)
        + "</tr></thead>"
    )
    out.append("<tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td{_cls(c)}>{v}</td>" for c, v in row) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _cls(name: str) -> str:
    return f' class="{name}"' if name else ""


def _mini_bar(
    score: float | None, low: float | None, high: float | None, colour: str, label: str
) -> str:
    """A small bar for a table row: the range as an outlined band, the score as a filled bar."""
    width = 96
    if low is None or high is None:
        return ""

    def x(v: float) -> float:
        return round(v / 100 * width, 1)

    fill = (
        f'<rect x="0" y="3" width="{x(score)}" height="8" fill="{colour}"/>'
        if score is not None
        else ""
    )
    return (
        f'<svg class="minibar" width="{width + 2}" height="14" viewBox="-1 0 {width + 2} 14" '
        f'role="img" aria-label="{e(label)}">'
        f'<rect x="0" y="3" width="{width}" height="8" fill="#eeeeee" stroke="#999" '
        f'stroke-width="0.5"/>'
        f'<rect x="{x(low)}" y="1" width="{round(x(high) - x(low), 1)}" height="12" '
        f'fill="none" stroke="#333" stroke-width="1" stroke-dasharray="2 1"/>'
        f"{fill}</svg>"
    )


def _short(
    score: float | None,
    low: float | None,
    high: float | None,
    assessed: bool,
    unknown: int = 0,
    unanswered: int = 0,
) -> str:
    if score is None or low is None or high is None:
        return "n/a"
    if not assessed:
        return common.open_answers(unknown, unanswered)
    if common.number(low) == common.number(high):
        return common.number(score)
    return f"{common.number(score)} ({common.score_range(low, high)})"


# What fits, in characters, in the chart's column of values beside the bars.
VALUE_CHARS = 24


def _value_lines(value: str, kind: str) -> list[str]:
    """A chart row's value and kind of factor: one line when they fit ('61 (41–78) ·
    secondary'), else the value wrapped and the kind beneath it ('answered unknown',
    'secondary'), so that no word runs past the picture's edge."""
    if kind == "overall":
        return textwrap.wrap(value, VALUE_CHARS) or [""]
    short = KIND_SHORT.get(kind, kind)
    line = f"{value} · {short}"
    if len(line) <= VALUE_CHARS:
        return [line]
    return [*textwrap.wrap(value, VALUE_CHARS), short]


def chart(report: Report) -> str:
    """An SVG picture of every factor's score with its range, and the outlook, on one 0-100 axis.

    Each row carries its numbers and the kind of factor as text beside the bar, so nothing
    depends on telling colours apart.
    """
    label_w, plot_w, value_w = 270, 300, 150
    width = label_w + plot_w + value_w
    top = 36
    outlook = report.outlook
    band = outlook.band
    rows: list[tuple[str, str, int | None, int | None, int | None, str, bool, str]] = [
        (
            "Outlook" + (f" — {band.label}" if band else ""),
            "overall",
            outlook.score,
            outlook.low,
            outlook.high,
            _band_colour(report, band.id if band else None),
            True,
            _short(outlook.score, outlook.low, outlook.high, True),
        )
    ]
    rows += [
        (
            f.name,
            f.kind,
            f.score,
            f.low,
            f.high,
            KIND_COLOURS.get(f.kind, "#444"),
            f.assessed,
            _short(f.score, f.low, f.high, f.assessed, f.unknown, f.unanswered),
        )
        for f in report.factors
    ]
    labels = [textwrap.wrap(textsafe.one_line(r[0]), 46)[:2] or [""] for r in rows]
    values = [_value_lines(r[7], r[1]) for r in rows]
    heights = [10 + 12 * max(len(lines), len(v)) for lines, v in zip(labels, values, strict=True)]
    height = top + sum(heights) + 24

    def x(v: float) -> float:
        return round(label_w + v / 100 * plot_w, 1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="chart-title" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="10">',
        '<title id="chart-title">Factor scores with their uncertainty ranges, 0-100</title>',
    ]
    # While no band is earned, the chart draws no band edges either: a reader would read one off.
    for n, b in enumerate(report.bands if band is not None else ()):
        bx = x(b.min)
        ty = top - 6 - 12 * ((len(report.bands) - 1 - n) % 2)
        parts.append(
            f'<line x1="{bx}" y1="{ty - 9}" x2="{bx}" y2="{height - 20}" '
            f'stroke="#999" stroke-dasharray="3 3"/>'
        )
        parts.append(
            f'<text x="{bx + 3}" y="{ty}" fill="#444" font-size="9">{e(b.label)} {b.min}+</text>'
        )
    for tick in (0, 25, 50, 75, 100):
        parts.append(
            f'<text x="{x(tick)}" y="{height - 6}" text-anchor="middle" fill="#444" '
            f'font-size="9">{tick}</text>'
        )
    y = top
    for (_, kind, score, low, high, colour, assessed, _), lines, value, row_h in zip(
        rows, labels, values, heights, strict=True
    ):
        bold = kind == "overall"
        weight = ' font-weight="bold"' if bold else ""
        mid = y + row_h / 2
        first = mid + 3.5 - 6 * (len(lines) - 1)
        for n, line in enumerate(lines):
            parts.append(
                f'<text x="{label_w - 8}" y="{first + 12 * n}" text-anchor="end"'
                f"{weight}>{e(line)}</text>"
            )
        parts.append(
            f'<rect x="{x(0)}" y="{mid - 6}" width="{plot_w}" height="12" fill="#f4f4f4"/>'
        )
        if score is not None and assessed:
            parts.append(
                f'<rect x="{x(0)}" y="{mid - 6}" width="{round(x(score) - x(0), 1)}" '
                f'height="12" fill="{colour}"/>'
            )
        if low is not None and high is not None:  # a factor left out as n/a has no range
            parts.append(
                f'<line x1="{x(low)}" y1="{mid}" x2="{x(high)}" y2="{mid}" stroke="#000" '
                f'stroke-width="1.5"/>'
            )
            for end in (low, high):
                parts.append(
                    f'<line x1="{x(end)}" y1="{mid - 8}" x2="{x(end)}" y2="{mid + 8}" '
                    f'stroke="#000" stroke-width="1.5"/>'
                )
        first = mid + 3.5 - 6 * (len(value) - 1)
        for n, line in enumerate(value):
            parts.append(f'<text x="{x(100) + 8}" y="{first + 12 * n}"{weight}>{e(line)}</text>')
        y += row_h
        if bold:
            parts.append(f'<line x1="0" y1="{y}" x2="{width}" y2="{y}" stroke="#bbb"/>')
    parts.append("</svg>")
    return "\n".join(parts)


def render(report: Report) -> str:
    """The whole report model (report_view.build) as one HTML document."""
    case = report.case
    method = report.method
    out = [_header(report)]
    out.append("<main>")
    out.append(_outlook(report))
    out.append(_situation(report))
    out.append(_factors(report))
    out.append(_findings(report))
    out.append(_risks(report))
    out.append(_gaps(report))
    out.append(_outcome(report))
    out.append(_analogues(report))
    out.append(_closing(report))
    if report.answers:
        out.append(_answers(report))
    out.append("</main>")
    out.append(
        f'<footer class="muted"><p>{e(report.advisory)} Generated '
        f"{e(method.generated)} by {e(method.tool.name)} "
        f"{e(method.tool.version)}.</p></footer>"
    )
    return page.page(
        f"Advisory summary: {e(textsafe.one_line(case.title))}",
        page.stylesheet("document", running_foot=RUNNING_FOOT),
        out,
        generator=f"{e(method.tool.name)} {e(method.tool.version)}",
    )


def _paragraphs(value: str) -> str:
    blocks = [" ".join(b.split()) for b in textsafe.plain(value).split("\n\n")]
    return "\n".join(f"<p>{e(b)}</p>" for b in blocks if b)


def _header(report: Report) -> str:
    case = report.case
    fw = report.method.framework
    meta = [("Case", case.id)]
    meta.extend(case.facts)
    if case.hypothetical:
        meta.append(("Hypothetical", "yes: an invented case for teaching"))
    meta.append(("Framework", f"{fw.id} {fw.version}"))
    out = [
        "<header>",
        '<p class="kicker">Advisory summary · not a verdict or legal determination</p>',
        f"<h1>{e(case.title)}</h1>",
        '<dl class="meta">'
        + "".join(f"<div><dt>{e(k)}</dt><dd>{e(v)}</dd></div>" for k, v in meta)
        + "</dl>",
        f'<p class="notice">{e(report.advisory)}</p>',
    ]
    for warning in report.warnings:
        out.append(f'<p class="cap"><strong>Note:</strong> {e(warning)}</p>')
    out.append("</header>")
    return "\n".join(out)


def _situation(report: Report) -> str:
    case = report.case
    parts = [
        f"<h3>{label}</h3>\n{_paragraphs(value)}"
        for value, label in ((case.situation, "Situation"), (case.measures, "Measures"))
        if value
    ]
    if not parts:
        return ""
    return '<section id="case">\n<h2>The case</h2>\n' + "\n".join(parts) + "\n</section>"


def _headline(text: str) -> str:
    """The headline with the score large: '<band…>: <score> (range …), coverage …'."""
    head, sep, tail = text.partition(": ")
    if not sep:
        return e(text)
    score, space, rest = tail.partition(" ")
    return (
        f'<span class="badge">{e(head)}:</span> <span class="score">{e(score)}</span>'
        f"{e(space + rest)}"
    )


def _outlook(report: Report) -> str:
    outlook = report.outlook
    band = outlook.band
    colour = _band_colour(report, band.id if band else None)
    out = [
        '<section id="outlook">',
        f"<h2>{e(common.OUTLOOK_NAME)}</h2>",
        f'<p class="headline">{_swatch(colour)}{_headline(outlook.text)}</p>',
        '<figure class="keep">',
        chart(report),
        "<figcaption>Bars: score, with each unknown or unanswered question at its neutral "
        "value; whiskers: the range if every unknown or unanswered question were 0 or 4"
        + ("; dashed lines: band thresholds" if band else "")
        + f". {e(common.RED_FLAG_SCALE)}.</figcaption>",
        "</figure>",
    ]
    if outlook.band_meaning:
        head, _, rest = outlook.band_meaning.partition(": ")
        out.append(f"<p><strong>{e(head)}:</strong> {e(rest)}</p>")
    if outlook.band_withheld:
        out.append(f'<p class="cap">{e(outlook.band_withheld.text)}</p>')
    for text in outlook.gate_texts:
        out.append(f'<p class="cap"><strong>Gate:</strong> {e(text)}</p>')
    if outlook.not_applicable:
        out.append(f"<p>{e(words.outlook_left_out(outlook.not_applicable))}</p>")
    out.append(f'<p class="muted">{e(outlook.explained)} {e(outlook.neutral_rule)}</p>')
    out.extend(_placement(report))
    out.extend(_judgement(report))
    view = report.outside_view
    out.append('<h3 id="outside-view">Outside view: base rates</h3>')
    out.append("<ul>")
    out.extend(f"<li>{e(rate.line)}</li>" for rate in view.base_rates)
    out.append("</ul>")
    out.append(f'<p class="muted">{e(view.explained)}</p>')
    if view.hint:
        out.append(f"<p>{e(view.hint)}</p>")
    out.append("</section>")
    return "\n".join(out)


def _placement(report: Report) -> list[str]:
    """Where the outlook stands among the coded past episodes, with its caveat once."""
    placed = report.placement
    if placed is None:
        return []
    out = [f'<h3 id="placement">{e(placement_words.HEADING)}</h3>', f"<p>{e(placed.text)}</p>"]
    if placed.outlooks_text:
        out.append(f"<p>{e(placed.outlooks_text)}</p>")
    notes = (placed.library_text, placed.left_out_text, placed.nearest_rule, placed.caveat)
    out.append(f'<p class="muted">{e(" ".join(n for n in notes if n))}</p>')
    return out


def _judgement(report: Report) -> list[str]:
    """The analyst's own judgement beside the outlook, or that none is given."""
    given = report.judgement
    if given is None:
        return []
    shown = f"<strong>{e(given.text)}</strong>" if given.given else e(given.text)
    out = [f'<h3 id="judgement">{e(judgement_words.HEADING)}</h3>', f"<p>{shown}</p>"]
    if given.reason:
        out.append(f"<blockquote>{_paragraphs(given.reason)}</blockquote>")
    if given.differs_text:
        out.append(f'<p class="cap">{e(given.differs_text)}</p>')
    if given.hint:
        out.append(f'<p class="muted">{e(given.hint)}</p>')
    return out


def _keep_range(text: str) -> str:
    """'62 (range 45–75)' with the parenthesis kept on one line in a narrow column."""
    head, sep, tail = text.partition(" (")
    if not sep:
        return e(text)
    return f'{e(head)} <span class="nowrap">({e(tail)}</span>'


def _factors(report: Report) -> str:
    rows = []
    for f in report.factors:
        colour = KIND_COLOURS.get(f.kind, "#444")
        rows.append(
            [
                (
                    "",
                    f'<strong>{e(f.name)}</strong><br><span class="muted">{e(f.kind_label)}</span>',
                ),
                ("", _keep_range(f.score_text)),
                (
                    "",
                    _mini_bar(f.score if f.assessed else None, f.low, f.high, colour, f.score_text),
                ),
                ("num", e(percent(f.coverage))),
                ("", e(f.evidence)),
            ]
        )
    table = _table(
        [
            ("", "Factor"),
            ("", "Score (range)"),
            ("", "0–100"),
            ("num", "Coverage"),
            ("", "Evidence"),
        ],
        rows,
        widths=(25, 17, 15, 11, 32),
    )
    notes = "".join(
        f"<li><strong>{e(f.name)}</strong>: {e(f.note)}.</li>" for f in report.factors if f.note
    )
    evidence = "".join(
        f"<li><strong>{e(f.name)}</strong>: {e(f.evidence_note)}</li>"
        for f in report.factors
        if f.evidence_note
    )
    return (
        '<section id="factors">\n<h2>Factors</h2>\n'
        + table
        + (f'\n<ul class="notes">{notes}</ul>' if notes else "")
        + f'\n<p class="legend">Filled bar: score; dashed box: range. '
        f"{e(words.SCORE_LEGEND)}.</p>"
        + (f"\n<h3>Notes on the evidence</h3>\n<ul>{evidence}</ul>" if evidence else "")
        + "\n</section>"
    )


def _findings(report: Report) -> str:
    out = ['<section id="limits">', "<h2>What limits the outlook</h2>", "<ul>"]
    if not report.limits:
        out.append(f"<li>{e(words.NO_CORE_LIMIT)}</li>")
    for limit in report.limits:
        out.append(f"<li><strong>{e(limit.factor_name)}</strong>: {e(limit.why)}</li>")
    out.append("</ul></section>")
    out += ['<section id="strengths">', "<h2>Strengths</h2>", "<ul>"]
    if not report.strengths:
        out.append(f"<li>{e(report.strengths_none)}</li>")
    for strength in report.strengths:
        out.append(f"<li><strong>{e(strength.factor_name)}</strong>: {strength.score} of 100</li>")
    out.append("</ul></section>")
    out += ['<section id="levers">', "<h2>Top levers</h2>"]
    if not report.levers:
        out.append(f"<p>{e(words.NO_LEVERS)}</p>")
    else:
        out.append('<ol class="levers">')
        for lever in report.levers:
            out.append(
                f"<li><strong>{e(lever.question)}</strong> "
                f'<span class="muted">({e(lever.text)})</span><br>{e(lever.advice)}</li>'
            )
        out.append("</ol>")
        if report.levers_note:
            out.append(f'<p class="muted">{e(report.levers_note)}</p>')
    out.append("</section>")
    out += ['<section id="red-flags">', "<h2>Red flags</h2>", "<ul>"]
    for flag in report.raised_flags:
        advice = " ".join(e(a) for a in flag.advice)
        out.append(
            f'<li><span class="flag">{_swatch(KIND_COLOURS["red_flag"])}Raised: '
            f"{e(flag.name)}</span>, {e(common.number(flag.score))} of 100. "
            f"{advice}</li>"
        )
    if report.red_flags_text:
        out.append(f"<li>{e(report.red_flags_text)}</li>")
    out.append("</ul></section>")
    return "\n".join(out)


def _risks(report: Report) -> str:
    out = ['<section id="risks">', "<h2>Risks of unintended consequences</h2>"]
    out.append(f"<p>{e(report.risks_text)}</p>")
    if report.risks:
        rows = []
        for r in report.risks:
            colour = page.RISK_COLOURS.get(r.band or "", page.NO_COLOUR)
            note = f'<br><span class="muted">{e(r.note)}</span>' if r.note else ""
            rows.append(
                [
                    ("", f"<strong>{e(r.name)}</strong>"),
                    ("", f'<span class="badge">{_swatch(colour)}{e(r.text)}</span>'),
                    ("", e(r.mitigation or common.NONE_RECORDED) + note),
                    (
                        "",
                        '<ul class="inline">'
                        + "".join(f"<li>{e(m)}</li>" for m in r.suggested_mitigations)
                        + "</ul>",
                    ),
                ]
            )
        out.append(
            _table(
                [
                    ("", "Risk"),
                    ("", "Likelihood × severity"),
                    ("", "Planned mitigation"),
                    ("", "Suggested mitigations"),
                ],
                rows,
                caption=e(words.RISK_RANKING),
                widths=(18, 17, 32, 33),
            )
        )
    else:
        out.append(f"<p>{e(words.NO_RISKS)}</p>")
    out.extend(_other_risks(report))
    out.append("</section>")
    return "\n".join(out)


def _other_risks(report: Report) -> list[str]:
    """The open risks with their reach, then those that cannot arise, each with its note."""
    out = []
    if report.risks_open:
        out.append(f"<h3>{e(words.OPEN_RISKS_HEADING)}</h3>\n<ul>")
        for r in report.risks_open:
            planned = f"; planned: {e(r.mitigation)}" if r.mitigation else ""
            note = f'<br><span class="muted">{e(r.note)}</span>' if r.note else ""
            out.append(f"<li><strong>{e(r.name)}</strong>: {e(r.text)}{planned}{note}</li>")
        out.append("</ul>")
    if report.risks_not_applicable:
        out.append(f"<h3>{e(words.RISKS_NOT_APPLICABLE_HEADING)}</h3>\n<ul>")
        out.extend(f"<li>{e(item.text)}</li>" for item in report.risks_not_applicable)
        out.append("</ul>")
    if not report.risks:
        out.append(f'<p class="muted">{e(words.RISK_RANKING)}</p>')
    return out


def _gaps(report: Report) -> str:
    out = ['<section id="gaps">', "<h2>Data gaps</h2>"]
    rows = [
        [("", e(g.factor_name or "–")), ("", e(g.kind_label)), ("", e(g.text))] for g in report.gaps
    ]
    rows += [
        [
            ("", e(n.factor_name)),
            ("", "n/a"),
            ("", e(words.not_applicable_text(n.question, n.note))),
        ]
        for n in report.not_applicable
    ]
    if rows:
        out.append(
            _table([("", "Factor"), ("", "Gap"), ("", "Question")], rows, widths=(28, 17, 55))
        )
        if report.answers and report.gaps:
            out.append(
                '<p class="muted">The notes on each answer are in the appendix, '
                "“The answers behind the scores”.</p>"
            )
    if not report.gaps:
        out.append(f"<p>{e(report.gaps_none)}</p>")
    for line in (report.confidence_text, report.hindsight_text):
        if line:
            out.append(f"<p>{e(line)}</p>")
    out.append("</section>")
    return "\n".join(out)


def _outcome(report: Report) -> str:
    outcome = report.outcome
    if outcome is None:
        return ""
    out = [
        '<section id="outcome">',
        f"<h2>{e(common.OUTCOME_HEADING)}</h2>",
        f'<p class="muted">{e(words.OUTCOME_EXPLAINED)}</p>',
        "<ul>",
        f"<li><strong>{e(words.outcome_verdict(outcome.verdict))}</strong></li>",
    ]
    out.extend(
        f"<li>{e(item.purpose_name)}: {e(item.verdict_text)}</li>" for item in outcome.by_purpose
    )
    out.extend(f"<li>{e(line)}</li>" for line in outcome.details)
    out.append("</ul></section>")
    return "\n".join(out)


def _analogues(report: Report) -> str:
    """The nearest past episodes, when the report was asked for them; nothing otherwise."""
    if not report.analogues_asked:
        return ""
    out = ['<section id="analogues">', f"<h2>{e(words.ANALOGUES_HEADING)}</h2>"]
    out.extend(f'<p class="cap">{e(note)}</p>' for note in report.analogues_notes)
    if report.analogues:
        out.append('<ol class="analogues">')
        for item in report.analogues:
            quote = (
                f'<br><span class="muted">{e(item.quote_text)}</span>' if item.quote_text else ""
            )
            out.append(
                f"<li><strong>{e(item.title)}</strong> ({e(item.id)})<br>{e(item.text)}"
                f"<br>{e(item.differs_text)}{quote}</li>"
            )
        out.append("</ol>")
    if report.analogues_explained:
        out.append(f'<p class="muted">{e(report.analogues_explained)}</p>')
    out.append("</section>")
    return "\n".join(out)


def _closing(report: Report) -> str:
    method = report.method
    fw = method.framework
    out = ['<section id="caveats">', "<h2>Caveats</h2>", "<ul>"]
    out.extend(f"<li>{e(c.text)}</li>" for c in report.caveats)
    out.append("</ul>")
    out.extend(_research(report))
    out.append("</section>")
    out += [
        '<section id="method">',
        "<h2>Method</h2>",
        f"<p>{e(method.text)}</p>",
        f'<p class="muted">Framework {e(fw.id)} {e(fw.version)} ({e(fw.title)}), '
        f"SHA-256 <code>{e(fw.sha256)}</code>; {e(method.tool.name)} "
        f"{e(method.tool.version)}; generated {e(method.generated)}.</p>",
        "</section>",
    ]
    out += ['<section id="sources">', "<h2>Sources</h2>", "<ul>"]
    for s in report.sources.framework:
        label = common.source_label(s.title, s.publisher, s.year)
        out.append(f"<li>{e(label)}, {_link(s.url)}</li>")
    out.append("</ul>")
    if report.references:
        out.append("<h3>The case file's references</h3>\n<ul>")
        out.extend(f"<li>[{e(r.key)}] {_link(r.text)}</li>" for r in report.references)
        out.append("</ul>")
    elif report.sources.case:
        out.append("<h3>Cited in the case file</h3>\n<ul>")
        out.extend(f"<li>{_link(url)}</li>" for url in report.sources.case)
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def _research(report: Report) -> list[str]:
    """Research-only findings: counted as USHMM codes them, never scored."""
    context = report.research_context
    if context is None or not context.findings:
        return []
    out = [f"<h3>{e(words.RESEARCH_HEADING)}</h3>", f'<p class="muted">{e(context.rule)}</p>']
    out.append("<ul>")
    out.extend(f"<li>{e(f.text)}</li>" for f in context.findings)
    out.append("</ul>")
    return out


def _answers(report: Report) -> str:
    out = ['<section id="answers" class="answers">', "<h2>The answers behind the scores</h2>"]
    for factor in report.answers:
        rows = []
        for q in factor.questions:
            answer = f"<strong>{e(q.score_text)}</strong>"
            if q.level:
                answer += f" — {e(q.level)}"
            if q.confidence:
                answer += f'<br><span class="muted">{e(q.confidence)} confidence</span>'
            if q.hindsight:
                answer += '<br><span class="muted">hindsight</span>'
            note = e(q.note) if q.note else '<span class="muted">no note</span>'
            if q.sources:
                note += (
                    '<div class="sources">Sources: '
                    + "; ".join(_link(s) for s in q.sources)
                    + "</div>"
                )
            rows.append([("", e(q.text)), ("", answer), ("", note)])
        out.append(f"<h3>{e(factor.factor_name)}</h3>")
        out.append(
            _table(
                [("", "Question"), ("", "Answer"), ("", "Note and sources")],
                rows,
                widths=(32, 24, 44),
            )
        )
    out.append("</section>")
    return "\n".join(out)
