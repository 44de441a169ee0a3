"""The advisory summary as an editable Word document (.docx), from the same report model.

Real headings (Word's Heading styles, so the navigation pane and a table of contents work), real
tables (the factor chart is a table whose cells are shaded to the score and the range), the
caveats, and a bibliography of the framework's sources and the case file's references. Every
string passes through ``textsafe.xml_text``: control characters and characters XML cannot hold
are removed, and markup stays literal text.

The bytes are reproducible: the document's created and modified times are the report's
generation time (``SOURCE_DATE_EPOCH`` when set), and the zip entries are rewritten in a fixed
order with that same timestamp. python-docx is imported here only, when this format is asked for.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal

from sanctions_check import textsafe
from sanctions_check.framework import FactorKind
from sanctions_check.numbers import percent
from sanctions_check.render.report_view import FactorView, Report, ReportPage
from sanctions_check.render.wording import brief as brief_words
from sanctions_check.render.wording import common
from sanctions_check.render.wording import judgement as judgement_words
from sanctions_check.render.wording import placement as placement_words
from sanctions_check.render.wording import report as words

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph

SCORE_FILL = {"core": "1F3B73", "secondary": "5B7DB8", "red_flag": "8C1C13", "overall": "333333"}
RANGE_FILL = "C9D3E6"
FLAG_RANGE_FILL = "E8C4C0"
HEADER_FILL = "F2F2F2"
CHART_BINS = 10
ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)  # the earliest time a zip entry can record
# One row of the factor chart: name, kind ("overall" for the outlook), score, low, high, value
# as printed, and whether it is assessed.
ChartRow = tuple[
    str, FactorKind | Literal["overall"], int | None, int | None, int | None, str, bool
]


class ReportDocx:
    """The report as an editable Word document."""

    def data(self, view: ReportPage) -> bytes:
        return render(view.report)


def t(value: object) -> str:
    """Any text made safe for the document (XML-valid, no control characters)."""
    return textsafe.xml_text(value)


def _one(value: object) -> str:
    return textsafe.xml_text(textsafe.one_line(value))


def _shade(cell: _Cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _keep_whole(row: _Row, header: bool = False) -> None:
    """Keep a table row on one page; a header row is also repeated on every page the table
    runs onto (``w:cantSplit`` before ``w:tblHeader``, the order the schema requires)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader") if header else ("w:cantSplit",):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        properties.append(element)


def _repeat_header(row: _Row) -> None:
    _keep_whole(row, header=True)


def _table(doc: Document, headers: list[str], rows: list[list[str]]) -> Table:
    table: Table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    head = table.rows[0]
    _repeat_header(head)
    for cell, text in zip(head.cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(t(text)).bold = True
        _shade(cell, HEADER_FILL)
    for values in rows:
        row = table.add_row()  # type: ignore[no-untyped-call]  # untyped in python-docx
        _keep_whole(row)
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = t(text)
    return table


def _para(
    doc: Document, text: object, *, bold: bool = False, italic: bool = False, style: str = ""
) -> Paragraph:
    paragraph = doc.add_paragraph(style=style or None)
    run = paragraph.add_run(_one(text))
    run.bold = bold
    run.italic = italic
    return paragraph


def _bullet(doc: Document, text: object, lead: str = "") -> Paragraph:
    paragraph = doc.add_paragraph(style="List Bullet")
    if lead:
        paragraph.add_run(_one(lead) + ": ").bold = True
    paragraph.add_run(_one(text))
    return paragraph


def _bins(score: int | None, low: int | None, high: int | None) -> list[str]:
    """Each tenth of 0-100 as 'score' (below the score), 'range' (open) or '' (beyond)."""
    out = []
    for n in range(CHART_BINS):
        middle = n * 100 / CHART_BINS + 100 / CHART_BINS / 2
        if score is not None and middle < score:
            out.append("score")
        elif low is not None and high is not None and low <= middle + 5 and middle - 5 < high:
            out.append("range")
        else:
            out.append("")
    return out


def _chart(doc: Document, report: Report) -> None:
    """The factor chart: one row per factor, ten cells of ten points each, shaded."""
    from docx.shared import Cm, Pt

    outlook = report.outlook
    rows: list[ChartRow] = [
        (
            common.OUTLOOK_NAME + (f" — {outlook.band.label}" if outlook.band else ""),
            "overall",
            outlook.score,
            outlook.low,
            outlook.high,
            common.score_with_range(outlook.score, outlook.low, outlook.high),
            True,
        )
    ]
    rows += [_chart_row(f) for f in report.factors]
    table = doc.add_table(rows=1, cols=CHART_BINS + 2)
    table.style = "Table Grid"
    head = table.rows[0]
    _repeat_header(head)
    labels = ["Factor", *[str(n * 10) for n in range(CHART_BINS)], "Score (range)"]
    for cell, text in zip(head.cells, labels, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = Pt(7)
        _shade(cell, HEADER_FILL)
    for name, kind, score, low, high, value, assessed in rows:
        row = table.add_row()
        _keep_whole(row)
        cells = row.cells
        cells[0].text = ""
        cells[0].paragraphs[0].add_run(_one(name)).bold = kind == "overall"
        if kind != "overall":
            cells[0].paragraphs[0].add_run(f" ({common.kind_label(kind)})").italic = True
        shown = score if assessed else None
        for cell, state in zip(cells[1 : CHART_BINS + 1], _bins(shown, low, high), strict=True):
            cell.text = ""
            if state == "score":
                _shade(cell, SCORE_FILL.get(kind, "444444"))
            elif state == "range":
                _shade(cell, FLAG_RANGE_FILL if kind == "red_flag" else RANGE_FILL)
        cells[-1].text = _one(value)
    for row in table.rows:
        row.cells[0].width = Cm(5.2)
        for cell in row.cells[1 : CHART_BINS + 1]:
            cell.width = Cm(0.55)
        row.cells[-1].width = Cm(3.2)
    _para(doc, f"{words.DOCX_CHART_LEGEND} {common.RED_FLAG_SCALE}.", italic=True)


def _chart_row(f: FactorView) -> ChartRow:
    return (f.name, f.kind, f.score, f.low, f.high, f.score_text, f.assessed)


def render(report: Report) -> bytes:
    """The report model as the bytes of a .docx file, identical for identical input."""
    import docx

    doc = docx.Document()
    _properties(doc, report)
    case = report.case
    doc.add_heading(_one(case.title), level=0)
    _para(doc, report.advisory, italic=True)
    if case.hypothetical:
        _para(doc, brief_words.BRIEF_HYPOTHETICAL, bold=True)
    _case_table(doc, report)
    for warning in report.warnings:
        _para(doc, f"Note: {warning}")
    _outlook(doc, report)
    doc.add_heading(words.DOCX_FACTOR_CHART, level=1)
    _chart(doc, report)
    _situation(doc, report)
    _factors(doc, report)
    _findings(doc, report)
    _risks(doc, report)
    _gaps(doc, report)
    _outcome(doc, report)
    _analogues(doc, report)
    _closing(doc, report)
    if report.answers:
        _answers(doc, report)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _reproducible(buffer.getvalue(), _moment(report))


def _moment(report: Report) -> datetime:
    moment = datetime.strptime(report.method.generated, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return max(moment, ZIP_EPOCH)


def _properties(doc: Document, report: Report) -> None:
    props = doc.core_properties
    moment = datetime.strptime(report.method.generated, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    props.title = _one(f"Advisory summary: {report.case.title}")[:255]
    props.subject = _one(report.advisory)[:255]
    props.author = report.method.tool.name
    props.last_modified_by = report.method.tool.name
    props.comments = _one(f"{report.method.tool.name} {report.method.tool.version}")
    props.keywords = "sanctions-check; advisory"
    props.created = moment.replace(tzinfo=None)
    props.modified = moment.replace(tzinfo=None)
    props.last_printed = ZIP_EPOCH.replace(tzinfo=None)
    props.revision = 1
    props.language = "en"


def _reproducible(data: bytes, moment: datetime) -> bytes:
    """The same zip with every entry stamped ``moment``, in a fixed order, with fixed attributes."""
    stamp = moment.astimezone(UTC).timetuple()[:6]
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        names = source.namelist()
        ordered = [n for n in names if n == "[Content_Types].xml"]
        ordered += sorted(n for n in names if n != "[Content_Types].xml")
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, source.read(name))
    return out.getvalue()


def _case_table(doc: Document, report: Report) -> None:
    case = report.case
    fw = report.method.framework
    purposes = [r.purpose_name for r in report.outside_view.base_rates if r.stated]
    rows = [["Case", case.id]]
    rows.extend([label, _one(value)] for label, value in case.facts)
    if purposes:
        rows.append(["Purposes", _one(", ".join(purposes))])
    if case.hypothetical:
        rows.append(["Hypothetical", "yes: an invented case for teaching"])
    rows.append(["Framework", f"{fw.id} {fw.version}"])
    _table(doc, ["Field", "Value"], rows)


def _outlook(doc: Document, report: Report) -> None:
    outlook = report.outlook
    doc.add_heading(common.OUTLOOK_NAME, level=1)
    _para(doc, outlook.text, bold=True)
    if outlook.band_meaning:
        _para(doc, outlook.band_meaning)
    if outlook.band_withheld:
        _para(doc, outlook.band_withheld.text, bold=True)
    for text in outlook.gate_texts:
        _para(doc, f"Gate: {text}")
    if outlook.not_applicable:
        _para(doc, words.outlook_left_out(outlook.not_applicable))
    _para(doc, f"{outlook.explained} {outlook.neutral_rule}", italic=True)
    _placement(doc, report)
    _judgement(doc, report)
    view = report.outside_view
    doc.add_heading(brief_words.BRIEF_OUTSIDE_VIEW, level=2)
    for rate in view.base_rates:
        _bullet(doc, rate.line)
    _para(doc, view.explained, italic=True)
    if view.hint:
        _para(doc, view.hint)


def _placement(doc: Document, report: Report) -> None:
    """Where the outlook stands among the coded past episodes, with its caveat once."""
    placed = report.placement
    if placed is None:
        return
    doc.add_heading(placement_words.HEADING, level=2)
    _para(doc, placed.text)
    if placed.outlooks_text:
        _para(doc, placed.outlooks_text)
    notes = (placed.library_text, placed.left_out_text, placed.nearest_rule, placed.caveat)
    _para(doc, " ".join(n for n in notes if n), italic=True)


def _judgement(doc: Document, report: Report) -> None:
    """The analyst's own judgement beside the outlook, or that none is given."""
    given = report.judgement
    if given is None:
        return
    doc.add_heading(judgement_words.HEADING, level=2)
    _para(doc, given.text, bold=given.given)
    if given.reason:
        _para(doc, given.reason, style="Quote")
    if given.differs_text:
        _para(doc, given.differs_text, bold=True)
    if given.hint:
        _para(doc, given.hint, italic=True)


def _situation(doc: Document, report: Report) -> None:
    case = report.case
    parts = [
        (label, value)
        for value, label in ((case.situation, "Situation"), (case.measures, "Measures"))
        if value
    ]
    if not parts:
        return
    doc.add_heading("The case", level=1)
    for label, value in parts:
        doc.add_heading(label, level=2)
        for block in textsafe.plain(value).split("\n\n"):
            if block.strip():
                _para(doc, block)


def _factors(doc: Document, report: Report) -> None:
    doc.add_heading("Factors", level=1)
    _table(
        doc,
        ["Factor", "Kind", "Score (range)", "Coverage", "Evidence"],
        [
            [f.name, f.kind_label, f.score_text, percent(f.coverage), f.evidence]
            for f in report.factors
        ],
    )
    for f in report.factors:
        if f.note:
            _bullet(doc, f"{f.note}.", f.name)
    _para(doc, f"{words.SCORE_LEGEND}. {common.RED_FLAG_SCALE}.", italic=True)
    evidence = [f for f in report.factors if f.evidence_note]
    if evidence:
        doc.add_heading(words.DOCX_EVIDENCE_NOTES, level=2)
    for f in evidence:
        _bullet(doc, f.evidence_note or "", f.name)


def _findings(doc: Document, report: Report) -> None:
    doc.add_heading(brief_words.BRIEF_LIMITS, level=1)
    if not report.limits:
        _bullet(doc, words.NO_CORE_LIMIT)
    for limit in report.limits:
        _bullet(doc, limit.why, limit.factor_name)
    doc.add_heading("Strengths", level=1)
    if not report.strengths:
        _bullet(doc, report.strengths_none)
    for strength in report.strengths:
        _bullet(doc, words.strength_text(strength.factor_name, strength.score))
    doc.add_heading(brief_words.BRIEF_LEVERS, level=1)
    if not report.levers:
        _para(doc, words.NO_LEVERS)
    for lever in report.levers:
        paragraph = doc.add_paragraph(style="List Number")
        paragraph.add_run(_one(lever.question)).bold = True
        paragraph.add_run(f" ({_one(lever.text)}). ").italic = True
        paragraph.add_run(_one(lever.advice))
    if report.levers_note:
        _para(doc, report.levers_note, italic=True)
    doc.add_heading(brief_words.BRIEF_RED_FLAGS, level=1)
    for flag in report.raised_flags:
        advice = " ".join(_one(a) for a in flag.advice)
        _bullet(doc, f"{common.number(flag.score)} of 100. {advice}", f"Raised: {flag.name}")
    if report.red_flags_text:
        _bullet(doc, report.red_flags_text)


def _risks(doc: Document, report: Report) -> None:
    doc.add_heading("Risks of unintended consequences", level=1)
    _para(doc, report.risks_text)
    if not report.risks:
        _para(doc, words.NO_RISKS)
    else:
        _table(
            doc,
            ["Risk", "Likelihood × severity", "Planned mitigation", "Suggested mitigations"],
            [
                [
                    r.name,
                    r.text,
                    _one(r.mitigation or brief_words.BRIEF_NO_MITIGATION),
                    common.sentences(r.suggested_mitigations),
                ]
                for r in report.risks
            ],
        )
        for risk in report.risks:
            if risk.note:
                _bullet(doc, risk.note, risk.name)
    if report.risks_open:
        doc.add_heading(words.OPEN_RISKS_HEADING, level=2)
    for risk in report.risks_open:
        planned = f"; planned: {risk.mitigation}" if risk.mitigation else ""
        note = f" {risk.note}" if risk.note else ""
        _bullet(doc, f"{risk.text}{planned}.{note}", risk.name)
    if report.risks_not_applicable:
        doc.add_heading(words.RISKS_NOT_APPLICABLE_HEADING, level=2)
    for item in report.risks_not_applicable:
        _bullet(doc, item.text)
    _para(doc, words.RISK_RANKING, italic=True)


def _gaps(doc: Document, report: Report) -> None:
    doc.add_heading(brief_words.BRIEF_GAPS, level=1)
    rows = [[g.factor_name or "–", g.kind_label, g.text, g.note or ""] for g in report.gaps]
    rows += [[n.factor_name, "n/a", n.question, n.note or ""] for n in report.not_applicable]
    if rows:
        _table(doc, ["Factor", "Gap", "Question", "Note"], rows)
    if not report.gaps:
        _para(doc, report.gaps_none)
    for line in (report.confidence_text, report.hindsight_text):
        if line:
            _para(doc, line)


def _outcome(doc: Document, report: Report) -> None:
    outcome = report.outcome
    if outcome is None:
        return
    doc.add_heading(common.OUTCOME_HEADING, level=1)
    _para(doc, words.OUTCOME_EXPLAINED, italic=True)
    _bullet(doc, words.outcome_verdict(outcome.verdict))
    for item in outcome.by_purpose:
        _bullet(doc, item.verdict_text, item.purpose_name)
    for line in outcome.details:
        _bullet(doc, line)


def _analogues(doc: Document, report: Report) -> None:
    """The nearest past episodes, when the report was asked for them; nothing otherwise."""
    if not report.analogues_asked:
        return
    doc.add_heading(words.ANALOGUES_HEADING, level=1)
    for note in report.analogues_notes:
        _para(doc, note, bold=True)
    for item in report.analogues:
        paragraph = doc.add_paragraph()  # numbered by hand: List Number would go on from the levers
        paragraph.add_run(f"{item.rank}. ")
        paragraph.add_run(_one(item.title)).bold = True
        paragraph.add_run(f" ({_one(item.id)})")
        paragraph.add_run().add_break()
        paragraph.add_run(_one(item.text))
        paragraph.add_run().add_break()
        paragraph.add_run(_one(item.differs_text))
        if item.quote_text:
            paragraph.add_run().add_break()
            paragraph.add_run(_one(item.quote_text)).italic = True
    if report.analogues_explained:
        _para(doc, report.analogues_explained, italic=True)


def _closing(doc: Document, report: Report) -> None:
    doc.add_heading(brief_words.BRIEF_CAVEATS, level=1)
    for caveat in report.caveats:
        _bullet(doc, caveat.text)
    context = report.research_context
    if context is not None and context.findings:
        doc.add_heading(words.RESEARCH_HEADING, level=2)
        _para(doc, context.rule, italic=True)
        for finding in context.findings:
            _bullet(doc, finding.text)
    method = report.method
    fw = method.framework
    doc.add_heading("Method", level=1)
    _para(doc, method.text)
    _para(
        doc,
        f"Framework {fw.id} {fw.version} ({fw.title}), SHA-256 {fw.sha256}; "
        f"{method.tool.name} {method.tool.version}; generated {method.generated}.",
        italic=True,
    )
    doc.add_heading(words.DOCX_BIBLIOGRAPHY, level=1)
    doc.add_heading(words.DOCX_FRAMEWORK_SOURCES, level=2)
    for s in report.sources.framework:
        _bullet(doc, f"{common.source_label(s.title, s.publisher, s.year)}, {s.url}")
    if report.references:
        doc.add_heading(words.DOCX_CASE_REFERENCES, level=2)
        for ref in report.references:
            _bullet(doc, f"[{_one(ref.key)}] {_one(ref.text)}")
    elif report.sources.case:
        doc.add_heading(words.DOCX_CASE_SOURCES, level=2)
        for source in report.sources.case:
            _bullet(doc, source)


def _answers(doc: Document, report: Report) -> None:
    doc.add_heading(words.DOCX_ANSWERS, level=1)
    for factor in report.answers:
        doc.add_heading(_one(factor.factor_name), level=2)
        rows = []
        for q in factor.questions:
            answer = q.score_text + (f" — {q.level}" if q.level else "")
            if q.confidence:
                answer += f"; {q.confidence} confidence"
            if q.hindsight:
                answer += "; hindsight"
            note = q.note or "no note"
            if q.sources:
                note += "\nSources: " + "; ".join(q.sources)
            rows.append([q.text, answer, note])
        _table(doc, ["Question", "Answer", "Note and sources"], rows)
