"""The report's short "Historical analogues" section: in every full-report format, left out with
--no-analogues (and no library read with --no-placement too), a broken library file a warning and
never a failure, hostile library text inert in every format, and the case never its own analogue.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from helpers import DATA, EXAMPLES, INTERACTIVE, MINI, RENDERING, loaded, modules_after, write

HEADING = "Historical analogues"
LIBRARY = DATA / "history" / "library"
PROBE = LIBRARY / "probe.yaml"
FW = ("--framework", str(MINI))
MYANMAR = EXAMPLES / "myanmar-2017.yaml"
TEXT_FORMATS = ("terminal", "markdown", "html", "json")
CONTROL = {chr(c) for c in range(32) if chr(c) != "\n"} | {"\x7f", "\x9b"}

HOSTILE_TITLE = (
    "[bold red]x[/] <script>alert(1)</script> a|b \\e[31mred\\e[0m **bold** `code`"
    "\\n## not a heading"
)
HOSTILE_QUOTE = (
    "[link=https://evil.example]Click[/link] | cell | \\e]8;;https://evil.example\\aLINK"
)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    return "\n".join(p.text for p in document.paragraphs)


def report(cli, tmp_path: Path, case: Path, fmt: str, *extra: object):
    """The report in ``fmt`` as (result, text); a Word report is written to a file and read back."""
    if fmt == "docx":
        out = tmp_path / "r.docx"
        result = cli("report", case, "-f", "docx", "-o", out, "--force", *extra)
        return result, docx_text(out) if result.exit_code == 0 else ""
    result = cli("report", case, "-f", fmt, *extra)
    return result, result.stdout


@pytest.fixture
def no_library_read(monkeypatch):
    """Any attempt to read a library fails the test."""
    from sanctions_check import history

    def refuse(*args, **kwargs):
        raise AssertionError("a library was read")

    monkeypatch.setattr(history, "load", refuse)


@pytest.fixture
def hostile_library(tmp_path):
    """A fictional episode whose title and outcome quote carry markup and escape sequences."""
    text = (LIBRARY / "alpha.yaml").read_text(encoding="utf-8")
    text = text.replace(
        '"FICTIONAL episode Alpha (invented, no real country)"', f'"{HOSTILE_TITLE}"'
    )
    text = text.replace(
        '"Invented quote for tests: the fictional measures were judged effective."',
        f'"{HOSTILE_QUOTE}"',
    )
    return write(tmp_path / "hostile" / "alpha.yaml", text).parent


# --- present in every full-report format -------------------------------------------------------


@pytest.mark.parametrize("fmt", [*TEXT_FORMATS, "docx"])
def test_section_in_every_full_report_format(cli, tmp_path, fmt):
    result, out = report(cli, tmp_path, PROBE, fmt, "--library", LIBRARY, *FW)
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        data = json.loads(out)
        assert data["analogues_asked"] is True
        assert [a["id"] for a in data["analogues"]] == ["h-delta", "h-alpha", "h-gamma"]
        alpha = data["analogues"][1]
        assert (alpha["rank"], alpha["distance"], alpha["overlap"]) == (2, 13, 0.7)
        assert alpha["verdict"] == "effective" and not alpha["weak"]
        assert alpha["differs"][0]["text"] == "Beta 75 here, 25 there"
        assert "past episodes" in data["analogues_explained"]
        return
    assert HEADING in out
    flat = " ".join(out.split())
    for expected in (
        "FICTIONAL episode Alpha (invented, no real country)",
        "(h-alpha)",
        "Distance 13 of 100, overlap 70%; outlook Moderate 56; sources' verdict: effective.",
        "Beta 75 here, 25 there",
        "the episode there",
        "verdicts were recorded after the fact",
        "says little",
    ):
        assert expected.replace("'", "&#x27;" if fmt == "html" else "'") in flat, expected
    # after the data gaps, before the caveats
    assert flat.index("Data gaps") < flat.index(HEADING) < flat.index("Caveats")


def test_bundled_library_by_default_and_the_case_is_not_its_own_analogue(cli):
    result = cli("report", MYANMAR, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    ids = [a["id"] for a in data["analogues"]]
    assert len(ids) == 3 and "myanmar-2017" not in ids
    assert "aldovia-2025" not in ids  # hypothetical cases are never analogues
    assert "coded from public sources" in data["analogues_explained"]
    assert result.stderr == ""


def test_a_copy_of_the_case_in_the_library_is_not_its_analogue(cli, tmp_path):
    library = tmp_path / "library"
    for name in ("alpha.yaml", "beta.yaml", "probe.yaml"):
        write(library / name, (LIBRARY / name).read_text(encoding="utf-8"))
    case = write(tmp_path / "elsewhere" / "probe.yaml", PROBE.read_text(encoding="utf-8"))
    for path in (case, library / "probe.yaml"):  # the same id elsewhere, and the same file
        data = json.loads(cli("report", path, "-f", "json", "-l", library, *FW).stdout)
        assert [a["id"] for a in data["analogues"]] == ["h-alpha", "h-beta"]


def test_a_case_that_answers_little_is_told_its_analogues_are_weak(cli, tmp_path):
    case = write(
        tmp_path / "thin.yaml",
        "format: sanctions-check/case@1\ncase:\n  id: thin\n  title: Thin\n"
        "framework: mini@2\nanswers:\n  alpha:\n    a1: 3\n",
    )
    result = cli("report", case, "-f", "markdown", "-l", LIBRARY, *FW)
    assert result.exit_code == 0, result.stderr
    assert "**Weak analogues: this case answers only" in result.stdout
    assert "Answer more questions before leaning on them." in result.stdout
    assert "(weak)" in result.stdout


def test_no_comparable_episode_says_so(cli, tmp_path):
    result = cli("report", PROBE, "-f", "json", "-l", LIBRARY / "apart.yaml", *FW)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["analogues"] == [] and data["analogues_asked"] is True
    assert data["analogues_notes"] == [
        "No episode in the library could be compared with this case."
    ]
    assert data["analogues_explained"] is None


# --- --no-analogues ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [*TEXT_FORMATS, "docx"])
def test_no_analogues_leaves_the_section_out_and_reads_no_library(
    cli, tmp_path, no_library_read, fmt
):
    result, out = report(
        cli, tmp_path, PROBE, fmt, "--no-analogues", "--no-placement", "-l", tmp_path / "nil", *FW
    )
    assert result.exit_code == 0, result.stderr
    assert HEADING not in out and "h-alpha" not in out
    assert "warning" not in result.stderr
    if fmt == "json":
        data = json.loads(out)
        assert data["analogues"] == [] and data["analogues_asked"] is False
        assert data["analogues_notes"] == [] and data["analogues_explained"] is None


@pytest.mark.parametrize("fmt", ["brief", "brief-md"])
def test_the_brief_without_placement_reads_no_library(cli, no_library_read, fmt):
    result = cli("report", PROBE, "-f", fmt, "--no-placement", *FW)
    assert result.exit_code == 0, result.stderr
    assert HEADING not in result.stdout


def test_the_summary_after_assess_has_no_analogue_section():
    """Built without analogues (as `assess` does), the model holds none and no renderer adds one."""
    from sanctions_check import batch, render
    from sanctions_check import framework as framework_mod
    from sanctions_check.render import report_view
    from sanctions_check.scoring import assess

    fw = framework_mod.load(MINI)
    model = report_view.build(assess(fw, batch.read_case(str(PROBE), fw, 1 << 20)))
    assert model.analogues == () and not model.analogues_asked
    page = report_view.ReportPage(model, str(PROBE))
    for fmt in TEXT_FORMATS:
        assert HEADING not in render.text("report", fmt, page)


def test_no_analogues_imports_no_library_code(tmp_path):
    args = ("report", str(PROBE), "-f", "json", "--no-analogues", "--no-placement", *FW)
    code, modules = modules_after(tmp_path, *args)
    assert code == 0
    assert "sanctions_check.history" not in modules
    assert "sanctions_check.analogues" not in modules


def test_report_json_with_analogues_stays_lean(tmp_path):
    args = ("report", str(PROBE), "-f", "json", "-l", str(LIBRARY), *FW)
    code, modules = modules_after(tmp_path, *args)
    assert code == 0
    assert "sanctions_check.analogues" in modules
    assert loaded(modules, INTERACTIVE + RENDERING) == []
    for name in (
        "sanctions_check.render.similar_view",
        "sanctions_check.render.report_terminal",
        "sanctions_check.backtest",
        "docx",
    ):
        assert name not in modules, name


# --- a library that cannot be read is a warning, never a failure ---------------------------------


@pytest.mark.parametrize("fmt", ["terminal", "json", "docx"])
def test_a_broken_library_file_is_a_warning_not_a_failure(cli, tmp_path, fmt):
    library = tmp_path / "library"
    write(library / "alpha.yaml", (LIBRARY / "alpha.yaml").read_text(encoding="utf-8"))
    broken = write(library / "broken.yaml", "format: sanctions-check/case@1\ncase: [unclosed\n")
    result, out = report(cli, tmp_path, PROBE, fmt, "-l", library, *FW)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert str(broken) in result.stderr  # the file is named
    assert "1 library file left out of the library of past episodes" in result.stderr
    assert "h-alpha" in out  # the readable episode is still used
    if fmt == "json":
        assert json.loads(out)["analogues"][0]["id"] == "h-alpha"


def test_a_missing_library_path_is_a_warning_not_a_failure(cli, tmp_path):
    missing = tmp_path / "no-such-folder"
    result = cli("report", PROBE, "-f", "markdown", "-l", missing, *FW)
    assert result.exit_code == 0, result.stderr
    assert f"{missing}: error: no such file or folder" in result.stderr
    assert "No episode in the library could be compared with this case." in result.stdout


def test_the_bundled_library_with_another_framework_is_one_note(cli):
    result = cli("report", PROBE, "-f", "markdown", *FW)
    assert result.exit_code == 0, result.stderr
    assert "pass --library with episodes answered against this framework" in result.stderr
    assert len(result.stderr.splitlines()) == 1  # one note, not every example's mismatch
    assert "No episode in the library could be compared with this case." in result.stdout


def test_the_library_cannot_be_standard_input(cli):
    result = cli("report", PROBE, "-l", "-", *FW)
    assert result.exit_code == 2 and "not standard input" in result.stderr


# --- hostile text from a library case ------------------------------------------------------------


def no_controls(text: str) -> None:
    found = sorted({repr(c) for c in text if c in CONTROL})
    assert not found, f"control characters in output: {found}"


@pytest.mark.parametrize("fmt", [*TEXT_FORMATS, "docx"])
def test_hostile_library_text_is_inert_in_every_format(cli, tmp_path, hostile_library, fmt):
    result, out = report(cli, tmp_path, PROBE, fmt, "-l", hostile_library, *FW)
    assert result.exit_code == 0, result.stderr
    no_controls(out)
    if fmt == "json":
        alpha = json.loads(out)["analogues"][0]
        assert alpha["title"].startswith("[bold red]x[/] <script>alert(1)</script> a|b")
        assert alpha["quote"].startswith("[link=https://evil.example]Click[/link] | cell")
    elif fmt == "markdown":
        section = out[out.index(f"## {HEADING}") :]
        assert "<script" not in section and "&lt;script&gt;" in section
        assert "\\[bold red\\]" in section and "\\*\\*bold\\*\\*" in section
        assert "a\\|b" in section and "\\[link=https://evil.example\\]" in section
        assert not any(line.lstrip().startswith("## not") for line in section.splitlines())
    elif fmt == "html":
        section = out[out.index('<section id="analogues">') :]
        section = section[: section.index("</section>")]
        assert "<script" not in section and "&lt;script&gt;alert(1)&lt;/script&gt;" in section
        assert "[link=https://evil.example]Click[/link]" in section
    else:  # terminal text and the Word document: markup shown as the literal characters
        flat = " ".join(out.split())
        assert "[bold red]x[/] <script>alert(1)</script> a|b" in flat
        assert "[link=https://evil.example]Click[/link]" in flat


def test_hostile_library_text_cannot_forge_a_colour_on_a_terminal(hostile_library):
    """Even a forced colour console gets no escape sequence from a library case."""
    from rich.console import Console

    from sanctions_check import analogues, batch, history
    from sanctions_check import framework as framework_mod
    from sanctions_check.render import report_terminal, report_view
    from sanctions_check.scoring import assess

    fw = framework_mod.load(MINI)
    found = history.load([str(hostile_library)], fw, 1 << 20)
    case = assess(fw, batch.read_case(str(PROBE), fw, 1 << 20))
    views = report_view.analogue_views(analogues.nearest(case, found.assessments))
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100)
    report_terminal.draw_summary(report_view.build(case, analogues=views), console)
    out = buffer.getvalue()
    assert "\x1b[31mred" not in out and "\x1b]8;;" not in out
    assert "[bold red]x[/]" in out
