"""The HTML report in a real browser: headless Chromium prints it to PDF on A4 and US Letter.

Checked in the PDF (poppler-utils: pdfinfo, pdftotext): the paper size and a sane page count;
every piece of text in the HTML, in the chart too, is in the PDF; no table row is cut across a
page; a table that runs onto another page repeats its header there; no page ends with a table's
header row alone (its first row on the next page); nothing runs into the page margins; no word is
printed over another (a cell's text overrunning the next column, for example). Every case and
paper is printed by one Chromium, many pages at once, once per run (the tests of this module
share one xdist group, so that one worker prints them). Needs
Debian's `chromium` and `poppler-utils` (.ci/run installs both): missing tools fail the test
under CI=true and skip it elsewhere.
"""

from __future__ import annotations

import pytest

from helpers import DATA, EXAMPLES, MINI
from printkit import (
    MARGIN_PT,
    PAPERS,
    Browser,
    Visible,
    overlaps,
    page_word_boxes,
    pdf_info,
    pdf_pages,
    squash,
)

pytestmark = [pytest.mark.print, pytest.mark.xdist_group("report-print")]

RUNNING_FOOT = "sanctions-check advisory summary, not a verdict"
CASES = [("mini-mixed", DATA / "report" / "mini-mixed.yaml", ("--framework", str(MINI)))]
CASES += [(p.stem, p, ()) for p in sorted(EXAMPLES.glob("*.yaml"))]


@pytest.fixture(scope="module")
def printed(tools, tmp_path_factory):
    """Every case's HTML report and its PDF on each paper: {(name, paper): (html, pdf)}."""
    from typer.testing import CliRunner

    from helpers import ENV
    from sanctions_check.cli import app

    folder = tmp_path_factory.mktemp("report-print")
    env = {**ENV, "SOURCE_DATE_EPOCH": "1700000000", "HOME": str(folder / "home")}
    out, jobs = {}, []
    for name, path, extra in CASES:
        html_file = folder / f"{name}.html"
        args = ["report", str(path), "-f", "html", "-o", str(html_file), *extra]
        result = CliRunner().invoke(app, args, env=env, catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        html = html_file.read_text(encoding="utf-8")
        for paper in PAPERS:
            # the reader's choice of paper in the print dialog, as a user style sheet would set it
            page = folder / f"{name}-{paper}.html"
            page.write_text(
                html.replace("</head>", f"<style>@page {{ size: {paper}; }}</style></head>", 1),
                encoding="utf-8",
            )
            out[name, paper] = (html, folder / f"{name}-{paper}.pdf")
            jobs.append((page, out[name, paper][1]))
    with Browser(tools["chromium"], folder / "profile") as browser:
        browser.print_all(jobs)
    return out


@pytest.mark.parametrize("paper", list(PAPERS))
@pytest.mark.parametrize(("name", "path", "extra"), CASES, ids=[c[0] for c in CASES])
def test_html_report_prints_cleanly(printed, tools, name, path, extra, paper):
    html, pdf = printed[name, paper]

    pages, size = pdf_info(tools, pdf)
    assert abs(size[0] - PAPERS[paper][0]) < 2 and abs(size[1] - PAPERS[paper][1]) < 2, size
    assert 2 <= pages <= 30, f"{name} prints to {pages} pages on {paper}"

    texts = pdf_pages(tools, pdf)
    assert len(texts) == pages
    for number, text in enumerate(texts, 1):  # the page margin boxes: numbered, then removed
        assert f"Page {number} of {pages}" in text and RUNNING_FOOT in text
        texts[number - 1] = text.replace(f"Page {number} of {pages}", "").replace(RUNNING_FOOT, "")
    whole = squash("".join(texts))
    visible = Visible()
    visible.feed(html)
    missing = [t.strip() for t in visible.texts if squash(t) not in whole]
    assert not missing, f"text not in the PDF: {missing[:10]}"

    squashed_pages = [squash(t) for t in texts]
    headers = {"".join(squash(c) for c in table["header"]) for table in visible.tables}
    for number, page in enumerate(squashed_pages[:-1], 1):
        orphaned = [h for h in headers if h and page.endswith(h)]
        assert not orphaned, f"page {number} ends with a table's header row alone: {orphaned}"
    for table in visible.tables:
        header = "".join(squash(c) for c in table["header"])
        for row in table["rows"]:
            whole_row = "".join(squash(c) for c in row)  # Chromium draws cell after cell
            holding = [i for i, page in enumerate(squashed_pages) if whole_row in page]
            assert holding, f"table row cut across pages: {row[:2]}"
            for i in holding:
                assert header in squashed_pages[i], (
                    f"page {i + 1}: a table row without its header {table['header']}"
                )

    width, height = size
    boxes = page_word_boxes(tools, pdf)
    outside = [
        w
        for w in [w for page in boxes for w in page]
        if w[0] < MARGIN_PT
        or w[2] > width - MARGIN_PT
        or w[1] < MARGIN_PT * 0.5
        or w[3] > height - MARGIN_PT * 0.5
    ]
    assert not outside, f"text in the page margin or beyond the page: {outside[:5]}"
    over = [
        (number, a[4], b[4]) for number, words in enumerate(boxes, 1) for a, b in overlaps(words)
    ]
    assert not over, (
        f"{name} on {paper}: words printed over each other (page, word, word): {over[:8]}"
    )
