"""The one-page brief: one selection for HTML and Markdown, every cut named, case text inert."""

from __future__ import annotations

from helpers import DATA, EXAMPLES, MINI
from sanctions_check import batch, framework
from sanctions_check.render import brief, brief_html, brief_md, report_view
from sanctions_check.render.wording import brief as wording
from sanctions_check.scoring import assess

LONG = DATA / "brief" / "long-text.yaml"
HOSTILE = DATA / "report" / "hostile.yaml"


def model(path, fw_path=None):
    fw = framework.load(fw_path)
    return report_view.build(
        assess(fw, batch.read_case(str(path), fw, 2 * 1024 * 1024)), with_answers=False
    )


def test_shorten_cuts_at_a_word_and_marks_the_cut():
    assert brief.shorten("short text", 20) == brief.Shortened("short text", False)
    cut = brief.shorten("alpha beta gamma delta epsilon", 18)
    assert cut.cut and cut.text == "alpha beta gamma…" and len(cut.text) <= 18
    assert brief.shorten("a\x1b[31m b\n c", 20).text == "a b c"
    sentence = brief.shorten("One two three. Four five six seven eight nine ten eleven.", 30)
    assert sentence.cut and sentence.text == "One two three. Four five six…"
    whole = brief.shorten("One two three four five six. Seven eight nine ten eleven.", 40)
    assert whole.text == "One two three four five six. …"  # whole sentences when they fill half


def test_selection_keeps_the_top_items_and_counts_what_it_leaves_out():
    report = model(LONG)
    selected = brief.select(report, "long text.yaml")
    assert len(selected.levers) == brief.MAX_LEVERS < len(report.levers)
    assert len(selected.risks) == brief.MAX_RISKS < len(report.risks)
    assert [r.name for r in selected.risks] == [r.name for r in report.risks[:3]]
    assert selected.title.endswith("…") and len(selected.title) <= brief.MAX_TITLE
    assert all(len(r.planned) <= selected.budget.mitigation for r in selected.risks)
    more = len(report.risks) - brief.MAX_RISKS
    assert f"{more} more risks" in selected.where
    assert "'long text.yaml' --format html" in selected.where  # quoted for the shell
    assert wording.BRIEF_SHORTENED in selected.where
    assert selected.gaps.not_applicable == 0
    assert len(selected.red_flags) == 3


def test_selection_of_an_example_names_the_band_range_and_purposes():
    report = model(EXAMPLES / "car-2013.yaml")
    selected = brief.select(report)
    assert selected.outlook == report.outlook.text
    assert selected.outlook.startswith(
        "No band yet: Exposure and Coordination have no informative answer, and 27% of the "
        "questions an outside analyst can answer are answered (the framework asks for 50%)."
    )
    assert selected.band_meaning is None
    assert ("Purposes", "Constrain, Signal") in selected.meta
    assert selected.base_rates == ("Constrain: almost 40%", "Signal: almost 60%")
    assert selected.red_flags == ("Military sanctions: 50 of 100",)
    assert selected.gaps.text.startswith("22 answered unknown, 0 not answered, 7 low-confidence")
    assert selected.open_risks is not None and selected.open_risks.startswith("9 open risks")
    assert "car-2013.yaml --format html" in selected.where


def test_html_and_markdown_show_the_same_selection():
    report = model(EXAMPLES / "south-sudan-2014.yaml")
    selected = brief.select(report, "examples/south-sudan-2014.yaml")
    html = brief_html.render_brief(selected)
    md = brief_md.render_brief(selected)
    for heading in selected.sections:
        assert heading in html and heading in md
    for lever in selected.levers:
        assert brief_html.e(lever.question) in html
        assert brief_md.text(lever.question) in md
    for risk in selected.risks:
        assert brief_html.e(risk.name) in html and brief_md.text(risk.name) in md


def test_paper_sets_the_page_size(cli, tmp_path):
    a4 = cli("report", EXAMPLES / "myanmar-2017.yaml", "-f", "brief")
    letter = cli("report", EXAMPLES / "myanmar-2017.yaml", "-f", "brief", "--paper", "letter")
    assert a4.exit_code == 0 and letter.exit_code == 0
    assert "size: A4;" in a4.stdout and "size: letter;" in letter.stdout
    bad = cli("report", EXAMPLES / "myanmar-2017.yaml", "-f", "brief", "--paper", "a5")
    assert bad.exit_code == 2


def test_hostile_text_stays_inert_in_both_briefs(cli):
    html = cli("report", HOSTILE, "-f", "brief", "--framework", MINI)
    md = cli("report", HOSTILE, "-f", "brief-md", "--framework", MINI)
    assert html.exit_code == 0 and md.exit_code == 0, html.stderr
    for out in (html.stdout, md.stdout):
        assert "<script>" not in out and "\x1b" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html.stdout
    assert "\\[bold red\\]" in md.stdout and "a\\|b" in md.stdout


def test_budgets_grow_with_the_page_and_never_cut_a_figure():
    report = model(LONG)
    a4, letter = brief.select(report, paper="a4"), brief.select(report, paper="letter")
    assert a4.budget.advice >= letter.budget.advice  # A4 is the taller page
    roomy = brief.select(model(EXAMPLES / "libya-2011.yaml"), paper="a4")
    assert roomy.budget.advice > brief.MAX_ADVICE  # a short case gets more than the floor
    for selected in (a4, letter, roomy):
        # the tool's own sentences with figures and thresholds are whole
        shown = [*selected.limits, *(lv.gain for lv in selected.levers), *selected.red_flags]
        if selected.red_flags_text:
            shown.append(selected.red_flags_text)
        assert not any(line.endswith("…") for line in shown), shown


def test_a_red_flag_threshold_is_never_cut():
    selected = brief.select(model(EXAMPLES / "south-sudan-2014.yaml"), paper="letter")
    assert selected.red_flags_text and selected.red_flags_text.endswith("threshold of 50.")
