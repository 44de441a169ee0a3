"""The panel's HTML in a real browser: headless Chromium prints it to PDF on A4 and US Letter.

The same checks as the report's print test: paper size and a sane page count; every piece of text
in the HTML, the dot plots' labels too, is in the PDF; no table row is cut across a page; a table
that runs onto another page repeats its header there; nothing runs into the page margins.
"""

from __future__ import annotations

import pytest

from helpers import DATA
from printkit import (
    MARGIN_PT,
    PAPERS,
    Visible,
    pdf_info,
    pdf_pages,
    print_to_pdf,
    squash,
    word_boxes,
)

pytestmark = pytest.mark.print

RUNNING_FOOT = "sanctions-check panel, advisory, not a verdict"


@pytest.mark.parametrize("paper", list(PAPERS))
@pytest.mark.parametrize("folder", ["panel", "panel-round2"])
def test_panel_html_prints_cleanly(cli, tools, tmp_path, monkeypatch, folder, paper):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    html_file = tmp_path / "panel.html"
    result = cli("panel", DATA / folder, "-f", "html", "-o", html_file)
    assert result.exit_code == 0, result.stderr
    html = html_file.read_text(encoding="utf-8")
    printed = tmp_path / f"panel-{paper}.html"
    printed.write_text(
        html.replace("</head>", f"<style>@page {{ size: {paper}; }}</style></head>", 1),
        encoding="utf-8",
    )
    pdf = tmp_path / f"panel-{paper}.pdf"
    print_to_pdf(tools["chromium"], printed, pdf, tmp_path / "profile")

    pages, size = pdf_info(tools, pdf)
    assert abs(size[0] - PAPERS[paper][0]) < 2 and abs(size[1] - PAPERS[paper][1]) < 2, size
    assert 2 <= pages <= 20, f"the panel prints to {pages} pages on {paper}"

    texts = pdf_pages(tools, pdf)
    assert len(texts) == pages
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {pages}" in text and RUNNING_FOOT in text
        texts[number - 1] = text.replace(f"Page {number} of {pages}", "").replace(RUNNING_FOOT, "")
    whole = squash("".join(texts))
    visible = Visible()
    visible.feed(html)
    missing = [t.strip() for t in visible.texts if squash(t) not in whole]
    assert not missing, f"text not in the PDF: {missing[:10]}"

    squashed_pages = [squash(t) for t in texts]
    for table in visible.tables:
        header = "".join(squash(c) for c in table["header"])
        for row in table["rows"]:
            whole_row = "".join(squash(c) for c in row)
            holding = [i for i, page in enumerate(squashed_pages) if whole_row in page]
            assert holding, f"table row cut across pages: {row[:2]}"
            for i in holding:
                assert header in squashed_pages[i], (
                    f"page {i + 1}: a table row without its header {table['header']}"
                )

    width, height = size
    outside = [
        w
        for w in word_boxes(tools, pdf)
        if w[0] < MARGIN_PT
        or w[2] > width - MARGIN_PT
        or w[1] < MARGIN_PT * 0.5
        or w[3] > height - MARGIN_PT * 0.5
    ]
    assert not outside, f"text in the page margin or beyond the page: {outside[:5]}"
