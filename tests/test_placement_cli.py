"""The placement among coded past episodes through the real CLI: in the bottom line, every report
format and the brief, with its caveat once; in `score`'s JSON, CSV, Markdown and (where it fits)
table; the library read once per command (a batch hands it to its workers); a library that cannot
be read a warning, never a failure; a library of another framework one note and no placement."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import docx
import pytest

from helpers import DATA, EXAMPLES, MINI, ROOT, write
from sanctions_check import framework as framework_mod
from sanctions_check import history, placement

HEADING = "Among coded past episodes"
CAVEAT = "These episodes were coded after the fact"
CAVEAT_SHORT = "Coded after the fact"
IVORY = EXAMPLES / "cote-divoire-2010.yaml"
LIBRARY = DATA / "history" / "library"
FW = framework_mod.load(ROOT / "factors.yaml")


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def bundled() -> placement.Reference:
    found = history.load([str(history.default_library())], FW, 1 << 21)
    return placement.reference(found.assessments)


def expected(case_id: str, outlook: int) -> tuple[int, int, int, int]:
    """(among, lower, level, higher) from the bundled library, computed here."""
    others = [m for m in bundled().members if m.case_id != case_id]
    outlooks = [round(m.outlook + 1e-9) for m in others]
    return (
        len(others),
        sum(o < outlook for o in outlooks),
        sum(o == outlook for o in outlooks),
        sum(o > outlook for o in outlooks),
    )


def report_text(cli, tmp_path: Path, case: Path, fmt: str, *extra: object) -> str:
    if fmt == "docx":
        out = tmp_path / "r.docx"
        result = cli("report", case, "-f", "docx", "-o", out, "--force", *extra)
        assert result.exit_code == 0, result.stderr
        return "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    result = cli("report", case, "-f", fmt, *extra)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "docx"])
def test_every_report_format_places_the_outlook_with_its_caveat_once(cli, tmp_path, fmt):
    text = report_text(cli, tmp_path, IVORY, fmt)
    data = json.loads(cli("report", IVORY, "-f", "json").stdout)
    placed = data["placement"]
    among, lower, level, higher = expected("cote-divoire-2010", data["outlook"]["score"])
    assert len(placed["among"]) == among
    assert len(placed["episodes_lower"]) == lower
    assert len(placed["episodes_level"]) == level
    assert len(placed["episodes_higher"]) == higher
    assert HEADING in text
    flat = " ".join(text.split())
    assert " ".join(placed["text"].split()) in flat.replace("&#x27;", "'")
    assert flat.count(CAVEAT) == 1
    assert "cote-divoire-2010" not in placed["among"]  # left out of its own placement


def test_the_json_report_carries_the_placement_and_its_lists():
    from typer.testing import CliRunner

    from helpers import ENV
    from sanctions_check.cli import app

    result = CliRunner().invoke(app, ["report", str(IVORY), "-f", "json"], env=ENV)
    placed = json.loads(result.stdout)["placement"]
    assert placed["status"] == "placed" and placed["bundled"] is True and placed["itself"] is True
    assert {g["reason"]: g["ids"] for g in placed["left_out"]} == {
        "hypothetical": ["aldovia-2025"],
        "out-of-scope": ["rwanda-1994"],
    }
    assert len(placed["nearest"]) == 5
    assert sum(v["number"] for v in placed["verdicts"]) == 5
    for v in placed["verdicts"]:
        assert v["number"] == len(v["ids"])
        assert all(n["verdict"] == v["verdict"] for n in placed["nearest"] if n["id"] in v["ids"])


def test_the_bottom_line_places_the_outlook_within_fifteen_lines(cli):
    for case in sorted(EXAMPLES.glob("*.yaml")):
        result = cli("report", case)
        assert result.exit_code == 0, result.stderr
        bottom = result.stdout.split("\n\n")[0].splitlines()
        assert len(bottom) <= 15, case
        assert any(line.startswith("  Past episodes: ") for line in bottom), case
        assert any(line.startswith("  Judgement: ") for line in bottom), case
    assert CAVEAT not in cli("report", IVORY).stdout.split("\n\n")[0]  # the caveat: in the summary


@pytest.mark.parametrize("fmt", ["brief", "brief-md"])
def test_the_brief_places_the_outlook_with_the_short_caveat(cli, fmt):
    result = cli("report", IVORY, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert re.search(r"Higher than \d+ of \d+ coded past episodes", flat)
    assert flat.count(CAVEAT_SHORT) == 1


def test_no_placement_reads_no_library_and_shows_none(cli, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a library was read")

    monkeypatch.setattr(history, "load", refuse)
    result = cli("report", IVORY, "-f", "json", "--no-placement", "--no-analogues")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["placement"] is None
    result = cli("score", IVORY, "-f", "json", "--no-placement")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["cases"][0]["placement"] is None


def test_a_library_given_is_the_one_placed_among(cli):
    result = cli("report", LIBRARY / "probe.yaml", "-f", "json", "--framework", MINI, "-l", LIBRARY)
    assert result.exit_code == 0, result.stderr
    placed = json.loads(result.stdout)["placement"]
    assert placed["bundled"] is False
    assert sorted(placed["among"]) == ["h-alpha", "h-apart", "h-beta", "h-delta", "h-gamma"]
    assert {g["reason"] for g in placed["left_out"]} == {"hypothetical", "no-outcome"}
    assert "episodes given with --library" in placed["library_text"]


def test_a_broken_library_file_is_a_warning_and_the_rest_still_place(cli, tmp_path):
    folder = tmp_path / "library"
    for name in ("alpha.yaml", "beta.yaml"):
        write(folder / name, (LIBRARY / name).read_text(encoding="utf-8"))
    broken = write(folder / "broken.yaml", "format: sanctions-check/case@1\ncase: [unclosed\n")
    probe = LIBRARY / "probe.yaml"
    for command in ("report", "score"):
        result = cli(command, probe, "-f", "json", "--framework", MINI, "-l", folder)
        assert result.exit_code == 0, result.stderr
        assert str(broken) in result.stderr
        assert "1 library file left out of the library of past episodes" in result.stderr
        data = json.loads(result.stdout)
        placed = data["placement"] if command == "report" else data["cases"][0]["placement"]
        assert placed["status"] == "placed"


def test_a_library_of_another_framework_is_one_note_and_no_placement(cli):
    probe = LIBRARY / "probe.yaml"
    for command in ("report", "score"):
        result = cli(command, probe, "-f", "json", "--framework", MINI)
        assert result.exit_code == 0, result.stderr
        lines = result.stderr.splitlines()
        notes = [line for line in lines if "answered against another framework" in line]
        assert len(notes) == 1, result.stderr
        data = json.loads(result.stdout)
        assert (data["placement"] if command == "report" else data["cases"][0]["placement"]) is None


def test_score_json_rows_carry_the_lists_and_csv_their_counts(cli):
    rows = json.loads(cli("score", EXAMPLES, "-f", "json").stdout)["cases"]
    table = list(csv.DictReader(io.StringIO(cli("score", EXAMPLES, "-f", "csv").stdout)))
    assert [r["id"] for r in rows] == [r["id"] for r in table]
    for row, line in zip(rows, table, strict=True):
        placed = row["placement"]
        among, lower, level, higher = expected(row["id"], row["outlook"])
        assert len(placed["episodes_lower"]) == lower == int(line["past_lower"])
        assert len(placed["episodes_level"]) == level == int(line["past_level"])
        assert len(placed["episodes_higher"]) == higher == int(line["past_higher"])
        assert among == int(line["past_episodes"])
        assert line["past_nearest"] == ";".join(n["id"] for n in placed["nearest"])
        for verdict in ("effective", "partly", "ineffective", "unclear"):
            count = sum(n["verdict"] == verdict for n in placed["nearest"])
            assert int(line[f"past_nearest_{verdict}"]) == count


def test_a_batch_places_every_row_the_same_in_workers(cli):
    one = json.loads(cli("score", EXAMPLES, "-f", "json", "--jobs", "1").stdout)["cases"]
    two = json.loads(cli("score", EXAMPLES, "-f", "json", "--jobs", "2").stdout)["cases"]
    assert [r["placement"] for r in one] == [r["placement"] for r in two]


def test_a_batch_reads_the_library_once(cli, monkeypatch):
    calls = []
    load = history.load

    def counted(*args, **kwargs):
        calls.append(args)
        return load(*args, **kwargs)

    monkeypatch.setattr(history, "load", counted)
    result = cli("score", EXAMPLES, "-f", "csv")
    assert result.exit_code == 0 and len(calls) == 1


def test_the_table_shows_the_column_only_where_it_fits_without_cutting_a_word(cli):
    from typer.testing import CliRunner

    from helpers import ENV
    from sanctions_check.cli import app

    def table(columns: int) -> str:
        env = {**ENV, "COLUMNS": str(columns)}
        return CliRunner().invoke(app, ["score", str(EXAMPLES)], env=env).stdout

    wide, narrow = table(140), table(80)
    assert "Past lower" in wide and "Past lower:" in wide  # the column and its legend
    assert re.search(r"cote-divoire-2010 .* \d+ of \d+\n", wide)
    assert "Past lower" not in narrow
    markdown = cli("score", EXAMPLES, "-f", "markdown").stdout
    assert "| Past lower |" in markdown and "Past lower:" in markdown


def test_a_report_of_a_case_with_no_answers_is_not_placed(cli, tmp_path):
    blank = write(
        tmp_path / "blank.yaml",
        "format: sanctions-check/case@1\ncase:\n  id: blank\n  title: Blank\n"
        "framework: targeted-sanctions@3\nanswers: {}\n",
    )
    data = json.loads(cli("report", blank, "-f", "json").stdout)
    assert data["placement"]["status"] == "no-outlook"
    assert data["placement"]["episodes_lower"] == []
    assert "Not placed among past episodes" in cli("report", blank).stdout


def test_assess_closing_summary_places_the_case():
    """`assess` ends with the same summary and bottom line, placed among the library read at the
    end of the interview."""
    from sanctions_check import batch, render
    from sanctions_check.flow import tally
    from sanctions_check.render import assess_view
    from sanctions_check.scoring import assess

    case = batch.read_case(str(IVORY), FW, 1 << 21)
    view = assess_view.build(assess(FW, case), "x.yaml", tally(FW, case), bundled())
    assert view.report.placement is not None and view.report.placement.status == "placed"
    from rich.console import Console

    console = Console(file=io.StringIO(), width=100, color_system=None)
    drawn = render.renderer("assess", "terminal")
    drawn.draw(view, console)  # type: ignore[union-attr]
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert HEADING in out and "Past episodes: " in out


def test_compare_places_both_outlooks_among_one_library(cli, tmp_path, monkeypatch):
    old = EXAMPLES / "sri-lanka-2020.yaml"
    raised = tmp_path / "raised.yaml"
    write(raised, re.sub(r"score: [01]\n", "score: 4\n", old.read_text(encoding="utf-8")))
    reads = []
    load = history.load
    monkeypatch.setattr(history, "load", lambda *a, **k: reads.append(a) or load(*a, **k))
    result = cli("compare", old, raised, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert len(reads) == 1  # one library for both sides
    placed = json.loads(result.stdout)["placement"]
    sides = {}
    for side in ("old", "new"):
        view = placed[side]
        outlook = json.loads(cli("report", old if side == "old" else raised, "-f", "json").stdout)
        among, lower, level, higher = expected("sri-lanka-2020", outlook["outlook"]["score"])
        assert "sri-lanka-2020" not in view["among"]  # the case itself, on either side
        counts = (len(view["among"]), len(view["episodes_lower"]), len(view["episodes_level"]))
        assert counts == (among, lower, level) and len(view["episodes_higher"]) == higher
        sides[side] = lower
    assert sides["new"] > sides["old"] and placed["changed"]
    text = " ".join(cli("compare", old, raised, "-f", "markdown").stdout.split())
    assert f"{HEADING}: " in text and " → Higher than" in text and text.count(CAVEAT) == 1
    same = json.loads(cli("compare", old, old, "-f", "json").stdout)["placement"]
    assert not same["changed"] and same["text"].startswith(f"{HEADING}, unchanged: ")
    none = cli("compare", old, raised, "-f", "json", "--no-placement")
    assert json.loads(none.stdout)["placement"] is None


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_panel_places_the_pooled_outlook_with_its_caveat_once(cli, fmt):
    panel = DATA / "panel"
    data = json.loads(cli("panel", panel, "-f", "json").stdout)
    placed, pooled = data["placement"], data["pooled"]["outlook"]["score"]
    among, lower, level, higher = expected(data["case"]["id"], pooled)
    assert len(placed["among"]) == among and len(placed["episodes_lower"]) == lower
    assert len(placed["episodes_level"]) == level and len(placed["episodes_higher"]) == higher
    result = cli("panel", panel, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    text = " ".join(re.sub(r"<[^>]+>", " ", result.stdout).split())
    assert "Among coded past episodes: the pooled outlook" in text
    assert text.count(CAVEAT) == 1
    none = json.loads(cli("panel", panel, "-f", "json", "--no-placement").stdout)
    assert none["placement"] is None
