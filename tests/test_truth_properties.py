"""The summary says only what it knows, checked over random cases in every renderer (hypothesis).

Each fact is computed here from the case file and the framework's definitions, independently of
scoring.py and of the renderers, and compared with what each output prints:

* a band only when it is earned: at least the framework's minimum of the questions an outside
  analyst can answer, and an informative answer on every applicable core factor; otherwise no band
  word in any sentence about the case's outlook, in any format, and ``band: null`` with the
  reasons in JSON;
* every count equals the list it summarises: answered unknown, not answered, low-confidence
  answers and risk ratings, n/a, open risks, rated risks, red flags not assessed; in the terminal
  (the bottom line and the summary), the brief (Markdown and HTML), Markdown, HTML, Word, JSON and
  the score row;
* risks: the top risk is the highest rated, never an open one; a risk left out of the file reads
  exactly as one rated unknown x unknown; an open risk reads the same in the report, the brief,
  compare and panel;
* levers: only lever questions, ranked by exact gain, then practitioner count, then framework
  order; "each would add about N points" exactly when every shown gain rounds alike;
* sentences: "could be" never names the point's own band; "capped" only when a gate capped; an
  unresolved gate names a cap only when the band is above it.
"""

from __future__ import annotations

import html
import io
import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions_check import render, serialise
from sanctions_check.batch import summarise
from sanctions_check.case import NOT_APPLICABLE, Case, RiskAnswer
from sanctions_check.numbers import share, whole
from sanctions_check.render import brief, report_view, score_view
from sanctions_check.render.bottom_line import bottom_line
from sanctions_check.scoring import assess
from test_scoring_properties import (
    FW,
    PROPERTY,
    RANK,
    RUNS,
    _is_level,
    cases,
    expected_band,
    shown,
)

# Word documents take about a second each to write and read back: fewer examples.
WORD = settings(parent=PROPERTY, max_examples=max(RUNS // 15, 4))
BANDS = tuple(b.label for b in FW.bands)
BAND_WORD = re.compile(r"\b(" + "|".join(BANDS) + r")\b")
FACTORS = {f.id: f for f in FW.factors}


@st.composite
def full_cases(draw) -> Case:
    """Random cases with some risks marked n/a and some risks left out or rated unknown."""
    case = draw(cases())
    risks = dict(case.risks)
    for risk in FW.risks:
        if draw(st.integers(0, 5)) == 0:
            risks[risk.id] = RiskAnswer(NOT_APPLICABLE, NOT_APPLICABLE, note="Cannot arise.")
    return case._replace(risks=risks)


# --- facts from the definitions ------------------------------------------------------------------


def outsider_coverage(case: Case) -> float | None:
    """Coverage of the questions not marked insider, weighted as overall coverage is."""
    weighted = total = 0.0
    for factor in FW.factors:
        if factor.kind == "red_flag":
            continue
        given = case.answers.get(factor.id, {})
        if all(q.id in given and given[q.id].score == NOT_APPLICABLE for q in factor.questions):
            continue  # the factor does not apply
        applicable = answered = 0.0
        for q in factor.questions:
            answer = given.get(q.id)
            if q.insider or (answer is not None and answer.score == NOT_APPLICABLE):
                continue
            applicable += q.weight
            if answer is not None and _is_level(answer.score):
                answered += q.weight
        if applicable:
            weighted += factor.weight * answered / applicable
            total += factor.weight
    return weighted / total if total else None


def uninformed_core(case: Case) -> list[str]:
    """Applicable core factors with no answer given as a level."""
    out = []
    for factor in FW.factors:
        if factor.kind != "core":
            continue
        given = case.answers.get(factor.id, {})
        scores = [given[q.id].score if q.id in given else None for q in factor.questions]
        if all(s == NOT_APPLICABLE for s in scores):
            continue
        if not any(_is_level(s) for s in scores):
            out.append(factor.id)
    return out


def earned(case: Case) -> bool:
    outside = outsider_coverage(case)
    assert outside is not None  # the bundled framework marks only four questions insider
    return share(outside) >= FW.min_coverage and not uninformed_core(case)


def counts(case: Case) -> dict[str, int]:
    """The length of every list the summary counts, from the case file alone."""
    out = dict.fromkeys(("unknown", "unanswered", "low", "na", "rated", "open", "risks_na"), 0)
    for factor in FW.factors:
        for q in factor.questions:
            answer = case.answer(factor.id, q.id)
            if answer.score is None:
                out["unanswered"] += 1
            elif answer.score == NOT_APPLICABLE:
                out["na"] += 1
            elif answer.score == "unknown":
                out["unknown"] += 1
            elif answer.confidence == "low":
                out["low"] += 1
    for risk in FW.risks:
        rated = case.risk(risk.id)
        if rated.not_applicable:
            out["risks_na"] += 1
            continue
        sides = [_is_level(rated.likelihood), _is_level(rated.severity)]
        out["rated" if all(sides) else "open"] += 1
        if rated.confidence == "low" and any(sides):
            out["low"] += 1
    return out


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


# --- the outputs ---------------------------------------------------------------------------------


def page(case: Case) -> report_view.ReportPage:
    return report_view.ReportPage(report_view.build(assess(FW, case)), "case.yaml")


def stripped(text: str) -> str:
    """HTML as the words a reader sees."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def docx_text(view: report_view.ReportPage) -> tuple[list[str], list[list[str]]]:
    """The Word report read back with python-docx: its paragraphs and its tables' rows."""
    import docx

    data = render.renderer("report", "docx").data(view)  # type: ignore[union-attr]  # Binary
    document = docx.Document(io.BytesIO(data))
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    return [p.text for p in document.paragraphs], rows


def between(text: str, start: str, end: str) -> str:
    head = text.index(start)
    return text[head : text.index(end, head + len(start))]


# --- 1. a band only when it is earned -----------------------------------------------------------


@PROPERTY
@given(full_cases())
def test_a_band_exactly_when_it_is_earned_with_the_reasons_as_data(case):
    result = assess(FW, case)
    o = result.outlook
    assert (o.band is not None) == earned(case)
    model = report_view.build(result)
    data = json.loads(serialise.dumps(model))["outlook"]
    row = json.loads(serialise.dumps(summarise(result, "case.yaml")))
    if o.band is not None:
        assert data["band_withheld"] is None and row["band_withheld"] is None
        assert data["band"]["id"] == expected_band(case)[1] == row["band"]
        return
    missing = uninformed_core(case)
    outside = outsider_coverage(case) or 0.0
    reasons = (["coverage"] if share(outside) < FW.min_coverage else []) + (
        ["uninformed-core"] if missing else []
    )
    for withheld in (data["band_withheld"], row["band_withheld"]):
        assert withheld["reasons"] == reasons
        assert withheld["uninformed_core"] == missing
        assert withheld["outside_coverage"] == share(outside)
        assert withheld["min_coverage"] == FW.min_coverage
    for key in ("band", "uncapped_band", "band_low", "band_high"):
        assert data[key] is None
    assert row["band"] is row["band_label"] is row["band_low_label"] is row["band_high_label"]
    assert row["band"] is None
    text = model.outlook.text
    assert text.startswith("No band yet: ")
    for fid in missing:
        assert FACTORS[fid].label in text
    if "coverage" in reasons:
        assert f"{whole(outside * 100)}% of the questions an outside analyst can answer" in text
        assert "(the framework asks for 50%)" in text
    assert o.score is not None and f"Outlook {whole(o.score)}" in text


@PROPERTY
@given(full_cases())
def test_no_band_word_is_said_of_a_case_whose_band_is_withheld(case):
    """Every sentence about the case's outlook, in every format: the headline, what the band
    means, the gates, the limits, the levers, the bottom line, the brief, the score row."""
    view = page(case)
    report = view.report
    if report.outlook.band is not None:
        return
    # A risk's own band (Low, Medium, High, Severe) is not the outlook's: its text is left out.
    risk_texts = [r.text for r in (*report.risks, *report.risks_open)]
    lines = bottom_line(report, width=None)[1:]  # the heading is the case's title
    said = [
        report.outlook.text,
        *report.outlook.gate_texts,
        *(lim.why for lim in report.limits),
        *(lv.text for lv in report.levers),
        report.levers_note or "",
        report.strengths_none,
        *(line for line in lines if not any(text in line for text in risk_texts)),
    ]
    assert report.outlook.band_meaning is None
    selected = brief.select(report)
    said += [selected.outlook, *selected.limits, *(lv.gain for lv in selected.levers)]
    assert selected.band_meaning is None and selected.band_label is None
    terminal = render.text("report", "terminal", view, width=100)
    said.append(between(terminal, "\nOutlook\n", "Outside view: base rates"))
    said.append(between(terminal, "What limits the outlook", "Red flags"))
    markdown = render.text("report", "markdown", view)
    said.append(between(markdown, "## Outlook", "### Outside view"))
    said.append(between(markdown, "## What limits the outlook", "## Red flags"))
    page_html = render.text("report", "html", view)
    said.append(stripped(between(page_html, '<section id="outlook">', '<h3 id="outside-view"')))
    said.append(stripped(between(page_html, '<section id="limits">', '<section id="red-flags">')))
    brief_md = render.text("report", "brief-md", view)
    said.append(between(brief_md, "## Bottom line", "## Outside view"))
    said.append(between(brief_md, "## What limits the outlook", "## Top risks"))
    brief_html = render.text("report", "brief", view)
    said.append(stripped(between(brief_html, '<section id="bottom-line">', '<section id="red')))
    row = summarise(assess(FW, case), "case.yaml")
    head = score_view.head(FW)
    said.extend(score_view.table(head, [row]).cells[0][1:3])
    for text in said:
        assert not BAND_WORD.search(text), text


@WORD
@given(full_cases())
def test_the_word_report_names_no_unearned_band_and_counts_its_lists(case):
    view = page(case)
    report = view.report
    want = counts(case)
    paragraphs, rows = docx_text(view)
    if report.outlook.band is None:
        outlook = paragraphs[paragraphs.index("Outlook") : paragraphs.index("Red flags")]
        assert not BAND_WORD.search(" ".join(outlook))
    kinds = [row[1] for row in rows if len(row) == 4 and row[0] != "Risk"]
    assert kinds.count("answered 'unknown'") == want["unknown"]
    assert kinds.count("not answered") == want["unanswered"]
    assert sum(k.startswith("low-confidence") for k in kinds) == want["low"]
    assert kinds.count("open risk") == want["open"]
    assert kinds.count("n/a") == want["na"]
    assert f"{want['rated']} rated, {want['open']} open, {want['risks_na']} not applicable" in (
        paragraphs
    )


@PROPERTY
@given(full_cases())
def test_an_earned_band_means_what_its_answers_are(case):
    """The band's meaning is the uncapped band's when a gate capped it, so the sentence read is
    always true of the answers that produce it; and the band names the anchor level the weighted
    answers sit nearest."""
    report = report_view.build(assess(FW, case))
    o = report.outlook
    if o.band is None or o.uncapped_band is None:
        return
    point, _ = expected_band(case)
    nearest = round(point / 25)  # the anchor level 0..4 the weighted answers sit nearest
    named = {0: "low", 1: "low", 2: "guarded", 3: "moderate", 4: "favourable"}[nearest]
    if shown(point) not in (38, 63, 88):  # at an edge the whole number printed decides
        assert o.uncapped_band.id == named
    assert o.band_meaning is not None
    assert o.uncapped_band.meaning.rstrip(".")[1:] in o.band_meaning
    assert ("(capped)" in o.band_meaning) == o.capped


# --- 4. every count equals its list -------------------------------------------------------------


@PROPERTY
@given(full_cases())
def test_every_count_printed_equals_the_list_it_summarises(case):
    want = counts(case)
    view = page(case)
    report = view.report
    gaps = report.gap_counts
    assert (gaps.unknown, gaps.unanswered, gaps.low_confidence, gaps.risk_open) == (
        want["unknown"],
        want["unanswered"],
        want["low"],
        want["open"],
    )
    assert gaps.not_applicable == want["na"]
    assert (len(report.risks), len(report.risks_open), len(report.risks_not_applicable)) == (
        want["rated"],
        want["open"],
        want["risks_na"],
    )
    risk_counts = f"{want['rated']} rated, {want['open']} open, {want['risks_na']} not applicable"
    assert report.risks_text == risk_counts

    # The bottom line.
    lines = " ".join(bottom_line(report, width=None))
    assert (
        f"Data gaps: {want['unknown']} answered unknown, {want['unanswered']} not answered, "
        f"{want['low']} low-confidence, {want['na']} n/a, {plural(want['open'], 'open risk')}"
    ) in lines
    if want["rated"] == 0:
        assert f"Top risk: no risk rated yet ({plural(want['open'], 'open risk')})" in lines

    # JSON: the lists themselves.
    data = json.loads(serialise.dumps(report))
    kinds = [g["kind"] for g in data["gaps"]]
    assert kinds.count("unknown") == want["unknown"]
    assert kinds.count("unanswered") == want["unanswered"]
    assert kinds.count("low-confidence") == want["low"]
    assert kinds.count("risk-open") == want["open"] == len(data["risks_open"])
    assert len(data["not_applicable"]) == want["na"]
    assert len(data["risks"]) == want["rated"]
    assert len(data["risks_not_applicable"]) == want["risks_na"]

    # Markdown: the data-gap table's rows by kind, the open risks listed.
    markdown = render.text("report", "markdown", view)
    md_gaps = between(markdown, "## Data gaps", "## Caveats")
    assert md_gaps.count("| answered 'unknown' |") == want["unknown"]
    assert md_gaps.count("| not answered |") == want["unanswered"]
    low = md_gaps.count("| low-confidence answer |") + md_gaps.count("| low-confidence risk ")
    assert low == want["low"]
    assert md_gaps.count("| open risk |") == want["open"]
    assert md_gaps.count("| n/a |") == want["na"]
    md_risks = between(markdown, "## Risks of unintended consequences", "## Data gaps")
    assert risk_counts in md_risks
    assert md_risks.count(" (open") == want["open"]

    # Terminal: the data-gap bullets by kind, the open risks with their reach.
    terminal = render.text("report", "terminal", view, width=100)
    t_gaps = between(terminal, "\nData gaps\n", "\nCaveats\n")
    assert t_gaps.count("• answered 'unknown': ") == want["unknown"]
    assert t_gaps.count("• not answered: ") == want["unanswered"]
    assert t_gaps.count("• low-confidence ") == want["low"]
    assert t_gaps.count("• open risk: ") == want["open"]
    t_risks = between(terminal, "Risks of unintended consequences", "\nData gaps\n")
    assert risk_counts in t_risks and t_risks.count("→") == want["open"]

    # HTML: the same, read from the page.
    page_html = html.unescape(render.text("report", "html", view))
    h_gaps = between(page_html, '<section id="gaps">', "</section>")
    assert h_gaps.count("<td>answered 'unknown'</td>") == want["unknown"]
    assert h_gaps.count("<td>not answered</td>") == want["unanswered"]
    assert h_gaps.count("<td>low-confidence ") == want["low"]
    assert h_gaps.count("<td>open risk</td>") == want["open"]
    assert h_gaps.count("<td>n/a</td>") == want["na"]
    h_risks = between(page_html, '<section id="risks">', "</section>")
    assert risk_counts in h_risks and h_risks.count("(open") == want["open"]

    # The brief, HTML and Markdown: counts only (its lists are cut to fit the page).
    gap_line = (
        f"{want['unknown']} answered unknown, {want['unanswered']} not answered, "
        f"{want['low']} low-confidence (answers and risk ratings), "
        f"{plural(want['open'], 'open risk')}; {want['na']} n/a (question does not apply)"
    )
    opened = f"{plural(want['open'], 'open risk')} (a side unknown or not rated)"
    for fmt in ("brief-md", "brief"):
        text = render.text("report", fmt, view)
        text = stripped(text) if fmt == "brief" else text
        assert gap_line in text
        assert (opened in text) == bool(want["open"])

    # The score row, and its table cell.
    row = summarise(assess(FW, case), "case.yaml")
    assert (row.risks_rated, row.risks_open) == (want["rated"], want["open"])
    cell = score_view.table(score_view.head(FW), [row]).cells[0][5]
    if want["rated"]:
        assert cell.endswith(f"(+{want['open']} open)") or not want["open"]
    else:
        assert cell == f"none rated ({want['open']} open)"


@PROPERTY
@given(full_cases())
def test_answered_unknown_and_not_answered_are_never_the_same_words(case):
    report = report_view.build(assess(FW, case))
    for factor in report.factors:
        if not factor.applicable or factor.assessed:
            continue
        if factor.unknown and factor.unanswered:
            expected = "answered unknown or not answered"
        else:
            expected = "answered unknown" if factor.unknown else "not answered"
        assert factor.score_text.startswith(expected + " (range"), factor
        chosen = next(f for f in brief.select(report).factors if f.name.startswith(factor.name))
        assert chosen.value == expected
    open_flags = [f for f in report.red_flags if f.status == "not-assessed"]
    if open_flags:
        assert report.red_flags_text is not None
        listed = report.red_flags_text.removeprefix("Not assessed: ").split("; not ruled out")[0]
        for flag in report.red_flags:
            assert (flag.name in listed) == (flag in open_flags)
        assert "no answers" not in listed


# --- 5. the top risk is the highest rated; left out reads as unknown x unknown -----------------


@PROPERTY
@given(full_cases())
def test_the_top_risk_is_the_highest_rated_never_an_open_one(case):
    result = assess(FW, case)
    rated = []
    for risk in FW.risks:
        answer = case.risk(risk.id)
        if (
            not answer.not_applicable
            and _is_level(answer.likelihood)
            and _is_level(answer.severity)
        ):
            rated.append(shown(float(answer.likelihood) * float(answer.severity)))
    top = result.top_risk
    if not rated:
        assert top is None
        lines = " ".join(bottom_line(report_view.build(result), width=None))
        assert "Top risk: no risk rated yet" in lines
        return
    assert top is not None and top.known and top.value == max(rated)
    assert summarise(result, "case.yaml").top_risk_value == max(rated)


@PROPERTY
@given(full_cases(), st.data())
def test_a_risk_left_out_reads_exactly_as_one_rated_unknown_on_both_sides(case, data):
    left_out = [r.id for r in FW.risks if case.risks.get(r.id) is None or case.risks[r.id].is_empty]
    if not left_out:
        return
    rid = data.draw(st.sampled_from(left_out))
    unknown = case._replace(risks={**case.risks, rid: RiskAnswer("unknown", "unknown")})
    a, b = report_view.build(assess(FW, case)), report_view.build(assess(FW, unknown))
    assert [(r.id, r.text) for r in a.risks_open] == [(r.id, r.text) for r in b.risks_open]
    assert a.risks_text == b.risks_text and a.gap_counts == b.gap_counts
    for left, right in ((a, b), (b, a)):
        assert " ".join(bottom_line(left, width=None)[1:]) == " ".join(
            bottom_line(right, width=None)[1:]
        )


@PROPERTY
@given(full_cases())
def test_an_open_risk_has_one_wording_in_report_brief_compare_and_panel(case):
    from sanctions_check.compare import compare
    from sanctions_check.panel import gather
    from sanctions_check.render import compare_view, panel_view

    result = assess(FW, case)
    report = report_view.build(result)
    texts = {r.id: r.text for r in (*report.risks, *report.risks_open)}
    for r in report.risks_open:
        assert re.fullmatch(r"(\d|\?) × (\d|\?) → \d+–\d+ \(open(; could reach \w+)?\)", r.text)
    selected = brief.select(report)
    for r in selected.risks:
        assert r.text in texts.values()
    # Compare the case with itself changed elsewhere: every risk side reads as the report does.
    other = case._replace(header=case.header._replace(title="Later"))
    compared = compare_view.build(compare(result, assess(FW, other)))
    for row in compared.risks:
        for side in (row.old, row.new):
            assert side is None or side.text == texts[row.id]
    # Two analysts giving the same answers pool to the same risks, worded the same.
    twin = case._replace(header=case.header._replace(analyst="B"))
    pooled = panel_view.build(
        gather(FW, [case._replace(header=case.header._replace(analyst="A")), twin])
    )
    for risk in pooled.risks:
        assert risk.pooled_text == texts[risk.id]


# --- 6. levers are what policy can change, ranked without arbitrariness ------------------------


@PROPERTY
@given(full_cases())
def test_levers_are_lever_questions_ranked_by_exact_gain_then_practitioners(case):
    result = assess(FW, case)
    levers = result.levers
    order = {
        (f.id, q.id): (i, j) for i, f in enumerate(FW.factors) for j, q in enumerate(f.questions)
    }
    keys = []
    for lever in levers:
        factor = FACTORS[lever.factor_id]
        question = factor.question(lever.question_id)
        assert question is not None and question.role == "lever"
        keys.append(
            (
                -round(lever.gain, 9),
                -factor.evidence.practitioners_cited,
                order[lever.factor_id, lever.question_id],
            )
        )
    assert keys == sorted(keys)
    report = report_view.build(result)
    gains = {whole(lv.gain) for lv in levers}
    alike = len(levers) > 1 and len(gains) == 1
    assert (report.levers_note is not None) == alike
    if alike:
        assert report.levers_note is not None
        point = "point" if gains == {1} else "points"
        assert report.levers_note.startswith(f"Each would add about {gains.pop()} outlook {point}")
        assert not any("+" in lv.text for lv in report.levers)
    else:
        for view, lever in zip(report.levers, levers, strict=True):
            assert f"up to +{whole(lever.gain)} outlook point" in view.text


# --- 7. sentences ------------------------------------------------------------------------------


@PROPERTY
@given(full_cases())
def test_capped_only_when_a_gate_capped_and_an_unresolved_gate_says_what_would_follow(case):
    result = assess(FW, case)
    o = result.outlook
    report = report_view.build(result)
    capped = o.band is not None and o.uncapped_band is not None and o.band != o.uncapped_band
    if capped:
        assert RANK[o.uncapped_band.id] > RANK[o.band.id]
    said = " ".join(
        [
            report.outlook.text,
            report.outlook.band_meaning or "",
            *report.outlook.gate_texts,
            *bottom_line(report, width=None),
        ]
    )
    gate_reasons = " ".join(g.reason for g in FW.gates)
    # an unresolved gate may say what would follow ("would be capped at Guarded"): not a cap
    stated = re.sub(r"would be capped at \w+", "", said.replace(gate_reasons, ""))
    assert ("capped" in stated) == capped
    for gate in report.outlook.unresolved_gates:
        cap = FW.band(gate.cap)
        assert gate.follows is not None
        if o.band is None:
            assert not BAND_WORD.search(gate.follows)
        elif RANK[o.band.id] > RANK[cap.id]:
            assert gate.follows == f"the outlook would be capped at {cap.label}"
        else:
            assert "cap" not in gate.follows.replace("caps any band", "")
            assert f"already {o.band.label}" in gate.follows
        assert any(
            "if it were confirmed below" in t or "if one were" in t
            for t in report.outlook.gate_texts
        )
