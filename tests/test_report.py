"""`report`: the advisory summary in every format, through the real CLI, plus its pure model."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import DATA, EXAMPLES, MINI, run_subprocess, write
from sanctions_check import __version__, case, framework, scoring, serialise
from sanctions_check.errors import UsageError
from sanctions_check.render import provenance, report_view
from sanctions_check.render.wording import common
from sanctions_check.render.wording import report as report_words

REPORT_DATA = DATA / "report"
MIXED = REPORT_DATA / "mini-mixed.yaml"
WEAK = DATA / "mini-cases" / "weak.yaml"
FW = ("--framework", str(MINI))
EPOCH = "1700000000"  # 2023-11-14T22:13:20Z


@pytest.fixture
def fixed_clock(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def assessed(path: Path = MIXED) -> scoring.Assessment:
    fw = framework.load(MINI)
    return scoring.assess(fw, case.load(path, fw))


# --- the model -------------------------------------------------------------------------------


def test_model_holds_every_section_of_the_summary():
    model = report_view.build(assessed(), generated=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert model.schema == "sanctions-check/report@4"
    # alpha 62.5 (w3); beta: b1 unknown at the midpoint, b2 3 -> 62.5 (w1), range 37.5-87.5;
    # gamma unanswered -> 50 (w1), range 0-100. (187.5 + 62.5 + 50) / 5 = 60, range 45-75.
    assert model.outlook.score == 60
    assert (model.outlook.low, model.outlook.high) == (45, 75)
    assert model.outlook.band is not None and model.outlook.band.id == "moderate"
    assert model.outlook.spans_bands
    # "could be" names only the bands the range reaches besides the point's own.
    assert model.outlook.text == (
        "Moderate; could be Guarded or Favourable: 60 (range 45–75), coverage 70%"
    )
    assert model.outlook.band_withheld is None
    assert model.outlook.band_meaning == "Moderate: Several conditions."
    assert [f.id for f in model.factors] == ["alpha", "beta", "gamma", "flag"]
    assert model.factors[1].score_text == "63 (range 38–88)"
    assert model.factors[2].score_text == "not answered (range 0–100)"
    assert [(lim.factor_id, lim.reason) for lim in model.limits] == [
        ("alpha", "weakest"),
        ("beta", "weakest"),
    ]
    assert model.strengths == ()
    assert model.levers[0].question_id == "a2" and model.levers[0].advice == "Raise a2."
    assert model.levers[0].gain == 23  # 3 * (25 * 3 * 2 / 4) / 5 = 22.5
    assert [f.factor_id for f in model.raised_flags] == ["flag"]
    assert model.risks[0].id == "harm" and model.risks[0].value == 12
    assert model.risks[0].mitigation == "Exempt food and medicine."
    assert model.risks[0].suggested_mitigations == ("Exempt aid.",)
    assert [r.id for r in model.risks] == ["harm"]
    (evasion,) = model.risks_open
    assert (evasion.value, evasion.low, evasion.high) == (None, 0, 8)
    assert evasion.text == "? × 2 → 0–8 (open; could reach Medium)"
    assert model.risks_text == "1 rated, 1 open, 0 not applicable"
    rates = model.outside_view.base_rates
    assert model.outside_view.purpose_stated
    assert [r.purpose_id for r in rates] == ["coerce", "signal"]
    assert rates[0].figure == "22%" and rates[0].sources == ("src",)
    assert rates[1].figure is None
    kinds = {(g.kind, g.question_id) for g in model.gaps}
    assert {
        ("low-confidence", "a2"),
        ("unknown", "b1"),
        ("unanswered", "g1"),
        ("risk-open", "evasion"),
    } <= kinds
    low = next(g for g in model.gaps if g.kind == "low-confidence")
    assert low.note == "A low-confidence note."
    assert model.confidence_not_stated == 4  # a1, b2, f1 and the harm risk state none
    assert model.confidence_text == "Confidence not stated for 4 answers."
    assert [c.id for c in model.caveats] == ["unique"]
    method = model.method
    assert method.framework.id == "mini" and method.framework.version == "2.1"
    assert re.fullmatch(r"[0-9a-f]{64}", method.framework.sha256)
    assert method.tool.version == __version__
    assert method.generated == "2024-01-02T03:04:05Z"
    assert model.sources.case == ("https://example.org/case", "https://example.org/a2")
    assert model.sources.framework[0].key == "src"
    assert model.case.file == "mini-mixed.yaml"
    data = json.loads(serialise.dumps(model))
    assert data["outlook"]["capped"] is False and data["outlook"]["spans_bands"] is True
    assert data["outlook"]["score"] == 60


def test_generated_time_follows_source_date_epoch():
    assert provenance.iso(provenance.generated_at({"SOURCE_DATE_EPOCH": "0"})) == (
        "1970-01-01T00:00:00Z"
    )
    assert provenance.iso(provenance.generated_at({"SOURCE_DATE_EPOCH": EPOCH})) == (
        "2023-11-14T22:13:20Z"
    )
    before = datetime.now(UTC).replace(microsecond=0)
    now = provenance.generated_at({})
    assert before <= now <= datetime.now(UTC)
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH"):
        provenance.generated_at({"SOURCE_DATE_EPOCH": "yesterday"})


def test_json_output_is_sorted_and_stable():
    model = report_view.build(assessed(), generated=datetime(2024, 1, 1, tzinfo=UTC))
    text = serialise.dumps(model)
    assert text == serialise.dumps(json.loads(text))  # the walk gives plain JSON data
    assert list(json.loads(text)) == sorted(json.loads(text))


def test_range_bar_shows_secured_open_and_absent_parts():
    assert common.range_bar(50, 50, 50, 10) == "█████░░░░░"
    assert common.range_bar(75, 40, 90, 10) == "████▒▒▒▒▒░"
    assert common.range_bar(None, 0, 100, 10) == "··········"


# --- the CLI ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "json"])
def test_report_every_format(cli, fixed_clock, fmt):
    result = cli("report", MIXED, "--format", fmt, *FW)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Mini mixed case" in out
    assert "Exempt food and medicine." in out
    assert "Raise a2." in out
    assert "Each crisis is unique." in out
    assert "2023-11-14T22:13:20Z" in out
    if fmt == "json":
        assert json.loads(out)["schema"] == "sanctions-check/report@4"
    else:
        if fmt == "html":
            import html

            out = html.unescape(" ".join(re.sub(r"<[^>]+>", "", out).split()))
        assert "Moderate; could be Guarded or Favourable: 60 (range 45–75), coverage 70%" in out
        assert common.NEUTRAL_RULE in " ".join(out.split())
        assert "not a verdict" in out


def test_terminal_summary_sections_in_order(cli, fixed_clock):
    out = cli("report", MIXED, *FW).stdout
    headings = [
        "Outlook",
        "Outside view: base rates",
        "Factors",
        "Evidence behind each factor",
        "What limits the outlook",
        "Strengths",
        "Top levers",
        "Red flags",
        "Risks of unintended consequences",
        "Data gaps",
        "Caveats",
        "Method",
        "Sources",
    ]
    positions = [out.index(f"\n{h}") for h in headings]
    assert positions == sorted(positions)
    assert "█" in out and "▒" in out  # bars with their uncertainty
    assert "Coerce: 22% of the UN targeted sanctions episodes that pursued this purpose" in out


def test_output_file_is_written_once_and_replaced_only_with_force(cli, fixed_clock, tmp_path):
    target = tmp_path / "report.html"
    result = cli("report", MIXED, "-f", "html", "-o", target, *FW)
    assert result.exit_code == 0 and result.stdout == ""
    first = target.read_bytes()
    assert first.startswith(b"<!DOCTYPE html>")
    target.write_text("keep me", encoding="utf-8")
    result = cli("report", MIXED, "-f", "html", "-o", target, *FW)
    assert result.exit_code == 1
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    result = cli("report", MIXED, "-f", "html", "-o", target, "--force", *FW)
    assert result.exit_code == 0 and target.read_bytes() == first
    assert not [p for p in tmp_path.iterdir() if p.name != "report.html"]  # no temp files left


def test_terminal_format_to_a_file_is_plain_text(cli, fixed_clock, tmp_path):
    target = tmp_path / "summary.txt"
    assert cli("report", MIXED, "-o", target, *FW).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "\x1b" not in text and "Top levers" in text
    assert all(line == line.rstrip() for line in text.splitlines())


def test_report_reads_standard_input(cli, fixed_clock):
    result = cli("report", "-", "-f", "json", *FW, input=MIXED.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["case"]["id"] == "mini-mixed"


def test_invalid_case_exits_1_with_located_problem(cli, tmp_path):
    bad = write(
        tmp_path / "bad.yaml",
        MIXED.read_text(encoding="utf-8").replace("    a1: 4\n", "    a1: 7\n"),
    )
    result = cli("report", bad, *FW)
    assert result.exit_code == 1
    assert re.search(
        r"bad\.yaml:\d+:\d+: error: answers\.alpha\.a1: 7 is out of range", result.stderr
    ), result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr
    missing = cli("report", tmp_path / "nope.yaml", *FW)
    assert missing.exit_code == 1 and "nope.yaml" in missing.stderr


def test_bad_source_date_epoch_is_a_usage_error(cli, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "not-a-number")
    result = cli("report", MIXED, *FW)
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH" in result.stderr


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "json"])
def test_same_case_gives_byte_identical_output(fmt):
    env = {"SOURCE_DATE_EPOCH": EPOCH}
    runs = [run_subprocess("report", MIXED, "-f", fmt, *FW, env=env) for _ in range(2)]
    assert runs[0].returncode == 0, runs[0].stderr
    assert runs[0].stdout == runs[1].stdout
    assert b"2023-11-14T22:13:20Z" in runs[0].stdout


def test_without_source_date_epoch_the_clock_is_used(cli, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(UTC).replace(microsecond=0)
    data = json.loads(cli("report", MIXED, "-f", "json", *FW).stdout)
    stamp = datetime.strptime(data["method"]["generated"], "%Y-%m-%dT%H:%M:%SZ")
    assert before <= stamp.replace(tzinfo=UTC) <= datetime.now(UTC)


def test_unresolved_gate_is_named_once(cli, fixed_clock):
    # weak: beta b1 0, b2 unknown -> 25 (range 0-50): the range cannot rule out the gate at 25.
    # The outlook is Low already, below the cap: the sentence says what would follow and names
    # no cap.
    out = cli("report", WEAK, "-f", "markdown", *FW).stdout
    assert (
        "**Gate:** Unresolved: Beta (range 0–50) is not far enough answered to rule out a score "
        "below 25; if it were confirmed below 25, it would close the gate, and the outlook, "
        "already Low, would keep its band. A very weak core factor undermines the rest." in out
    )
    assert "capped" not in out
    assert out.count("A very weak core factor undermines the rest.") == 1
    assert "- **Beta**: the weakest assessed core factor, at 25 of 100." in out


# --- shared wording and the HTML document ------------------------------------------------


def test_score_markdown_and_html_report_share_band_and_factor_wording(cli, fixed_clock):
    score_md = cli("score", WEAK, "-f", "markdown", *FW).stdout
    html = cli("report", WEAK, "-f", "html", *FW).stdout
    model = json.loads(cli("report", WEAK, "-f", "json", *FW).stdout)
    band = model["outlook"]["band"]["label"]
    assert f"| {band} (L–G) |" in score_md and f"{band}; could be Guarded:" in html
    assert common.OUTLOOK_EXPLAINED in score_md and common.OUTLOOK_EXPLAINED in html
    score_range = common.score_range(model["outlook"]["low"], model["outlook"]["high"])
    assert score_range in score_md and score_range in html
    text = re.sub(r"<[^>]+>", "", html)
    for factor in model["factors"]:
        assert factor["score_text"] in text
        assert common.kind_label(factor["kind"]) in html


class _Doc(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, k, v) for k, v in attrs)


def test_html_is_self_contained_semantic_and_printable(cli, fixed_clock):
    html = cli("report", MIXED, "-f", "html", *FW).stdout
    doc = _Doc()
    doc.feed(html)
    assert "script" not in doc.tags and "link" not in doc.tags and "iframe" not in doc.tags
    assert not [a for a in doc.attrs if a[1] == "src" or a[1].startswith("on")]
    hrefs = [v for t, k, v in doc.attrs if k == "href"]
    assert all(v.startswith(("https://", "http://")) for v in hrefs)
    assert "@import" not in html and "url(" not in html and "@font-face" not in html
    assert doc.tags.count("table") == doc.tags.count("thead") > 3
    assert "svg" in doc.tags and "figure" in doc.tags
    for rule in ("@page", "break-inside: avoid", "table-header-group", "print-color-adjust"):
        assert rule in html
    assert '<html lang="en">' in html and '<meta charset="utf-8">' in html
    # every colour swatch has a text label right after it
    swatches = list(re.finditer(r'<span class="swatch"[^>]*></span>', html))
    assert len(swatches) >= 3  # band, risk level, red flag
    for match in swatches:
        label = re.sub(r"<[^>]+>", "", html[match.end() : match.end() + 120]).strip()
        assert re.match(r"[\w?]", label), label  # a risk with an unknown side starts '? ×'


def test_markdown_tables_keep_their_shape(cli, fixed_clock):
    md = cli("report", REPORT_DATA / "hostile.yaml", "-f", "markdown", *FW).stdout
    table: list[int] = []
    for line in [*md.splitlines(), ""]:
        if line.startswith("|"):
            table.append(len(re.findall(r"(?<!\\)\|", line)))
        elif table:
            assert len(set(table)) == 1, table
            table = []


def test_help_lists_report_and_compare(cli):
    out = cli("--help").stdout
    assert "report" in out and "compare" in out
    out = cli("report", "--help").stdout
    for option in ("--format", "--output", "--force", "--framework"):
        assert option in out


@pytest.mark.parametrize("fmt", ["html", "markdown", "json"])
def test_no_answers_leaves_out_the_appendix_only(cli, fmt):
    case = EXAMPLES / "dr-congo-2016.yaml"
    full = cli("report", case, "--format", fmt)
    short = cli("report", case, "--format", fmt, "--no-answers")
    assert full.exit_code == short.exit_code == 0
    if fmt == "json":
        assert json.loads(full.stdout)["answers"] and json.loads(short.stdout)["answers"] == []
        return
    assert "The answers behind the scores" in full.stdout
    assert "The answers behind the scores" not in short.stdout
    assert "What limits the outlook" in short.stdout
    assert len(short.stdout) < len(full.stdout) * 0.8


RETRO = REPORT_DATA / "mini-retrospective.yaml"


def test_retrospective_case_shows_as_of_na_hindsight_references_and_outcome():
    model = report_view.build(assessed(RETRO), generated=datetime(2024, 1, 1, tzinfo=UTC))
    assert model.case.as_of == "2011-03-30"
    assert model.case.implementers == ("United States", "European Union")
    assert [(n.question_id, n.note) for n in model.not_applicable] == [
        ("a1", "The measures include no asset freeze [AA]."),
        ("g1", "No other tool was in use [BB]."),
    ]
    assert model.outlook.not_applicable == ("Gamma",)
    assert model.factors[2].score is None and not model.factors[2].applicable
    assert model.hindsight == 2  # a2 and the harm risk
    assert model.hindsight_text is not None and "2011-03-30" in model.hindsight_text
    assert [(r.key, r.text) for r in model.references] == [
        ("AA", "https://example.org/a"),
        ("BB", "Author, Title (Publisher, 2012)"),
    ]
    assert model.outcome is not None and model.outcome.verdict_text == "partly effective"
    assert [(p.purpose_id, p.verdict) for p in model.outcome.by_purpose] == [
        ("coerce", "ineffective")
    ]
    # the red flag is answered 0 with its only question: ruled out, so "None raised" is true
    assert model.red_flags_text is not None and model.red_flags_text.startswith("None raised")
    # harm 4 x unknown could reach 16, but it is open: evasion's known 4 is the top risk
    assert [(r.id, r.text) for r in model.risks] == [("evasion", "2 × 2 = 4 (Medium)")]
    assert [(r.id, r.text) for r in model.risks_open] == [
        ("harm", "4 × ? → 0–16 (open; could reach High)")
    ]


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_outcome_is_its_own_section_after_the_advisory_parts(cli, fixed_clock, fmt):
    out = cli("report", RETRO, "-f", fmt, *FW).stdout
    heading = common.OUTCOME_HEADING if fmt != "html" else "Outcome (the sources&#x27; verdict)"
    assert out.count(heading) == 1
    assert out.index("Data gaps") < out.index(heading) < out.index("Caveats")
    assert "2011-03-30" in out and "United States, European Union" in out


def test_an_open_answer_with_the_frameworks_own_neutral_value_says_what_it_counts_as():
    assert report_words.counts_as("unknown", 1.5, "Reason [K].") == (
        "unknown (counts as 1.5 of 4: Reason [K].)"
    )
    assert report_words.counts_as("not answered", 3, None) == "not answered (counts as 3 of 4)"


def test_without_a_stated_purpose_every_base_rate_is_shown_with_the_hint():
    model = report_view.build(assessed(WEAK))
    view = model.outside_view
    assert not view.purpose_stated and view.hint == report_words.NO_PURPOSE_STATED
    assert [r.purpose_id for r in view.base_rates] == ["coerce", "signal"]
    assert view.explained == report_words.INSIDE_OUTSIDE


def test_bundled_base_rates_keep_the_sources_hedges():
    fw = framework.load(EXAMPLES.parent / "factors.yaml")
    case_file = case.load(EXAMPLES / "sri-lanka-2020.yaml", fw)
    model = report_view.build(
        scoring.assess(fw, case_file._replace(header=case_file.header._replace(purpose=())))
    )
    figures = {r.purpose_id: r.figure for r in model.outside_view.base_rates}
    assert figures == {"coerce": "22%", "constrain": "almost 40%", "signal": "almost 60%"}
    assert all(r.source_labels for r in model.outside_view.base_rates)


def test_the_appendix_says_what_an_open_answer_counts_as(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace(
        "        advice: Raise b1.\n",
        "        advice: Raise b1.\n        neutral: {value: 1, reason: A stated reason.}\n",
        1,
    )
    path = tmp_path / "neutral.yaml"
    path.write_text(text, encoding="utf-8")
    fw = framework.load(path)
    model = report_view.build(scoring.assess(fw, case.load(MIXED, fw)))
    beta = next(g for g in model.answers if g.factor_id == "beta")
    b1 = beta.questions[0]
    assert b1.score_text == "unknown (counts as 1 of 4: A stated reason.)"
    assert (b1.neutral, b1.neutral_reason) == (1.0, "A stated reason.")


def test_the_report_model_is_immutable_and_serialises_its_derived_facts():
    """Every result model is a typed named tuple: a field cannot be reassigned, and the JSON
    carries the outlook's derived facts beside its fields."""
    fw = framework.load()
    model = report_view.build(scoring.assess(fw, case.load(EXAMPLES / "myanmar-2017.yaml", fw)))
    with pytest.raises(AttributeError):
        model.schema = "other"  # type: ignore[misc]
    outlook = json.loads(serialise.dumps(model))["outlook"]
    assert outlook["capped"] is model.outlook.capped
    assert outlook["spans_bands"] is model.outlook.spans_bands
    assert "closed_gates" not in outlook  # a property for renderers, not part of the schema
