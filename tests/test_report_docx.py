"""The Word report, read back with python-docx: structure, every section, the shaded factor chart,
the bibliography, hostile text kept inert, and the same bytes for the same SOURCE_DATE_EPOCH."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from helpers import DATA, EXAMPLES, MINI, ROOT, run_subprocess, write

RETRO = DATA / "report" / "mini-retrospective.yaml"
EPOCH = "1700000000"
SECTIONS = [
    "Bottom line",
    "Outlook",
    "Outside view: base rates",
    "Factor chart",
    "Factors",
    "What limits the outlook",
    "Strengths",
    "Top levers",
    "Red flags",
    "Risks of unintended consequences",
    "Data gaps",
    "Caveats",
    "Method",
    "Bibliography",
    "The framework's sources",
]


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def make(cli, tmp_path: Path, case: Path, *extra: str, name: str = "r.docx") -> Path:
    out = tmp_path / name
    result = cli("report", case, "-f", "docx", "-o", out, *extra)
    assert result.exit_code == 0, result.stderr
    assert f"wrote {out}" in result.stderr
    return out


def headings(document) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def fills(cell) -> str | None:
    shading = (
        cell._tc.tcPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}shd")
        if cell._tc.tcPr is not None
        else None
    )
    if shading is None:
        return None
    return shading.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill")


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_section_is_a_real_heading(cli, tmp_path, path):
    document = docx.Document(str(make(cli, tmp_path, path)))
    found = headings(document)
    assert found[0][0] == "Title"
    names = [text for _, text in found]
    for section in SECTIONS:
        assert section in names, f"no heading {section!r}"
    assert ("Heading 1", "The answers behind the scores") in found
    levels = {text: style for style, text in found}
    assert levels["Outlook"] == "Heading 1" and levels["Outside view: base rates"] == "Heading 2"
    assert document.core_properties.title.startswith("Advisory summary: ")


def test_factor_chart_is_a_table_shaded_to_score_and_range(cli, tmp_path):
    from sanctions_check import batch, framework
    from sanctions_check.render import report_view
    from sanctions_check.scoring import assess

    path = EXAMPLES / "myanmar-2017.yaml"
    fw = framework.load(None)
    model = report_view.build(assess(fw, batch.read_case(str(path), fw, 2 * 1024 * 1024)))
    document = docx.Document(str(make(cli, tmp_path, path)))
    chart = next(t for t in document.tables if t.rows[0].cells[0].text == "Factor")
    header = [c.text for c in chart.rows[0].cells]
    assert header == ["Factor", *[str(n) for n in range(0, 100, 10)], "Score (range)"]
    assert len(chart.rows) == 1 + 1 + len(model.factors)  # header, outlook, factors
    for row, score, low, high in [
        (chart.rows[1], model.outlook.score, model.outlook.low, model.outlook.high),
        *[
            (chart.rows[2 + i], f.score if f.assessed else None, f.low, f.high)
            for i, f in enumerate(model.factors)
        ],
    ]:
        cells = row.cells[1:11]
        for n, cell in enumerate(cells):
            middle = n * 10 + 5
            colour = fills(cell)
            if score is not None and middle < score:
                assert colour not in (None, "C9D3E6", "E8C4C0"), (row.cells[0].text, n)
            elif low is not None and high is not None and low <= n * 10 + 10 and n * 10 < high:
                assert colour in ("C9D3E6", "E8C4C0"), (row.cells[0].text, n, colour)
            else:
                assert colour is None, (row.cells[0].text, n, colour)
    assert chart.rows[1].cells[-1].text.startswith(str(model.outlook.score))
    # the header row repeats on each page Word lays the table across
    assert chart.rows[0]._tr.trPr is not None and "tblHeader" in chart.rows[0]._tr.trPr.xml


def test_bibliography_holds_the_framework_sources_and_the_case_references(cli, tmp_path):
    document = docx.Document(str(make(cli, tmp_path, RETRO, "--framework", str(MINI))))
    names = [text for _, text in headings(document)]
    assert "The case file's references" in names
    text = all_text(document)
    assert "[AA] https://example.org/a" in text
    assert "[BB] Author, Title (Publisher, 2012)" in text
    assert "https://example.org/source" in text  # the mini framework's source
    assert "Outcome (the sources' verdict)" in names
    assert "n/a" in text and "The measures include no asset freeze [AA]." in text
    assert "Imposed by" in text and "United States, European Union" in text


def test_hostile_text_is_inert(cli, tmp_path):
    hostile = (DATA / "report" / "hostile.yaml").read_text(encoding="utf-8")
    hostile = hostile.replace(
        'country: "[link=https://evil.example]Click[/link]"',
        'country: "bad\\x01\\x0bchars\\ufffe&amp; <w:t>xml</w:t>"',
    )
    case = write(tmp_path / "hostile.yaml", hostile)
    out = make(cli, tmp_path, case, "--framework", str(MINI))
    document = docx.Document(str(out))
    text = all_text(document)
    assert "badchars&amp; <w:t>xml</w:t>" in text  # XML-invalid characters gone, markup literal
    assert "<script>alert(1)</script> [bold red]x[/] a|b red" in headings(document)[0][1]
    assert "\x1b" not in text and "\x01" not in text and "\ufffe" not in text
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert "badchars&amp;amp; &lt;w:t&gt;xml&lt;/w:t&gt;" in body


def test_characters_xml_cannot_hold_are_removed():
    from sanctions_check import batch, framework
    from sanctions_check.render import report_docx as word
    from sanctions_check.render import report_view
    from sanctions_check.scoring import assess

    fw = framework.load(MINI)
    model = report_view.build(assess(fw, batch.read_case(str(RETRO), fw, 2 * 1024 * 1024)))
    hostile = "a\ud800b\udfffc\uffffd\x00e\x1ff\tg"
    model = model._replace(case=model.case._replace(title=hostile, situation=hostile))
    document = docx.Document(io.BytesIO(word.render(model)))
    assert document.paragraphs[0].text == "abcdef g"  # folded onto one line in the title
    assert all_text(document).count("abcdef g") == 2  # the title and the situation


def test_same_bytes_for_the_same_epoch(cli, tmp_path, monkeypatch):
    case = EXAMPLES / "south-sudan-2014.yaml"
    first = make(cli, tmp_path, case, name="a.docx").read_bytes()
    second = make(cli, tmp_path, case, name="b.docx").read_bytes()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.namelist()[0] == "[Content_Types].xml"
        assert {i.date_time for i in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "2023-11-14T22:13:20Z" in core
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    third = make(cli, tmp_path, case, name="c.docx").read_bytes()
    assert third != first
    assert docx.Document(io.BytesIO(third)).core_properties.created.year == 2027


def test_never_written_to_a_terminal_but_to_a_pipe():
    import os
    import sys

    import pexpect

    child = pexpect.spawn(
        sys.executable,
        ["-m", "sanctions_check", "report", str(EXAMPLES / "myanmar-2017.yaml"), "-f", "docx"],
        cwd=str(ROOT),
        env=dict(os.environ),
        timeout=60,
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert b"give -o FILE.docx" in child.before
    piped = run_subprocess("report", EXAMPLES / "myanmar-2017.yaml", "-f", "docx")
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout[:2] == b"PK"
    assert docx.Document(io.BytesIO(piped.stdout)).paragraphs[0].text.startswith("Myanmar")


def test_docx_is_imported_only_by_its_format(tmp_path):
    probe = (
        "import sys\n"
        "from sanctions_check import cli\n"
        f"sys.argv = ['sanctions-check', 'report', {str(EXAMPLES / 'myanmar-2017.yaml')!r},"
        " '-f', 'html', '-o', " + repr(str(tmp_path / "r.html")) + "]\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "print('docx' in sys.modules)\n"
    )
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, timeout=60)
    assert done.stdout.strip() == b"False", done.stderr


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _number_id(paragraph) -> str | None:
    numbers = paragraph._p.find(f"{W}pPr/{W}numPr/{W}numId")
    return None if numbers is None else numbers.get(f"{W}val")


def test_the_bottom_line_comes_first(cli, tmp_path):
    document = docx.Document(str(make(cli, tmp_path, EXAMPLES / "south-sudan-2014.yaml")))
    found = [text for _, text in headings(document)]
    assert found[1] == "Bottom line", found[:3]
    texts = [p.text for p in document.paragraphs]
    start = texts.index("Bottom line")
    items = texts[start + 1 : texts.index("Outlook")]
    labels = [t.partition(": ")[0] for t in items]
    assert labels[:4] == ["Outlook", "Past episodes", "Judgement", "Outside view"], items
    assert "Data gaps" in labels, items
    assert all(
        p.style.name == "List Bullet"
        for p in document.paragraphs[start + 1 : start + 1 + len(items)]
    )
    assert document.tables[0].cell(0, 0).text == "Field"  # the case table comes after


@pytest.mark.parametrize(
    ("paper", "size_mm"),
    [((), (210, 297)), (("--paper", "a4"), (210, 297)), (("--paper", "letter"), (215.9, 279.4))],
)
def test_the_page_follows_paper_with_a4_by_default(cli, tmp_path, paper, size_mm):
    document = docx.Document(str(make(cli, tmp_path, EXAMPLES / "kenya-2008.yaml", *paper)))
    for section in document.sections:
        assert abs(section.page_width.mm - size_mm[0]) < 0.1
        assert abs(section.page_height.mm - size_mm[1]) < 0.1


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml"))[:6], ids=lambda p: p.stem)
def test_levers_and_analogues_are_real_numbered_lists_each_from_1(cli, tmp_path, path):
    document = docx.Document(str(make(cli, tmp_path, path)))
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    start = texts.index("Historical analogues")
    analogues = [p for p in paragraphs[start + 1 :] if p.style.name == "List Number"]
    analogues = analogues[
        : len([p for p in analogues if _number_id(p) == _number_id(analogues[0])])
    ]
    assert analogues, "no analogue listed"
    assert not any(p.text[:3].strip().rstrip(".").isdigit() for p in analogues)  # no typed "1."
    levers = [p for p in paragraphs[:start] if p.style.name == "List Number"]
    ids = {_number_id(p) for p in analogues}
    assert len(ids) == 1 and None not in ids
    if levers:  # a list of its own, not the levers' list going on
        assert {_number_id(p) for p in levers}.isdisjoint(ids)
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(int(ids.pop()))
    start_at = num.find(f"{W}lvlOverride/{W}startOverride")
    assert start_at is not None and start_at.get(f"{W}val") == "1"
