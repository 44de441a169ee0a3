"""`sanctions-check panel` through the real CLI: outputs, exit codes, errors, injection."""

from __future__ import annotations

import json
import re

import pytest

from helpers import DATA, MINI, run_subprocess, write
from panelkit import THREE, mini_text, write_panel
from sanctions_check.render.wording import panel as wording

ROUND1 = DATA / "panel"
ROUND2 = DATA / "panel-round2"
FW = ("--framework", str(MINI))


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def test_terminal_output_of_the_example_panel(cli):
    result = cli("panel", ROUND1)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Panel of 3 analysts: HYPOTHETICAL panel exercise")
    assert re.search(r"Pooled \(median case\)\s+–\s+Guarded: 56", out)
    for name in ("Analyst A", "Analyst B", "Analyst C"):
        assert name in out
    assert "Krippendorff's alpha (ordinal) 0.44 over 28 of 31 questions" in out
    assert "Disagreements first" in out and "(25)" in out
    first = out.index("Disagreements first")
    assert out.index("International support or coordination: Do the", first) < out.index(
        "Commitment of the implementer: Does", first
    )
    assert wording.PANEL_NOTES_HEADING in out and wording.PANEL_RISKS_HEADING in out
    assert result.stderr == ""


def test_round_two_converges(cli):
    one = json.loads(cli("panel", ROUND1, "-f", "json").stdout)
    two = json.loads(cli("panel", ROUND2, "-f", "json").stdout)
    assert two["agreement"]["alpha"] > one["agreement"]["alpha"]
    assert two["agreement"]["level"] == "reliable" and one["agreement"]["level"] == "low"
    assert len(two["disagreements"]) < len(one["disagreements"])
    spread = {q["ref"]: q["spread"] for q in one["questions"]}
    for q in two["questions"]:
        if q["spread"] is not None:
            assert q["spread"] <= spread[q["ref"]], q["ref"]
    compared = cli("compare", ROUND1 / "analyst-c.yaml", ROUND2 / "analyst-c.yaml", "-f", "json")
    assert compared.exit_code == 0
    changed = {a["question_id"] for a in json.loads(compared.stdout)["answers"]}
    assert {"economic_centres", "off_ramp", "triggers"} <= changed


def test_json_schema(cli, tmp_path):
    out = tmp_path / "panel.json"
    result = cli("panel", ROUND1, "-f", "json", "-o", out)
    assert result.exit_code == 0 and f"wrote {out}" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "sanctions-check/panel@3"
    assert set(data) == {
        "schema",
        "title",
        "case_line",
        "advisory",
        "case",
        "analysts",
        "placement",
        "pooled",
        "agreement",
        "spread_measure",
        "questions",
        "disagreements",
        "risks",
        "risks_open_text",
        "warnings",
        "method",
        "judgements",
    }
    assert data["spread_measure"] == "range"
    assert data["method"]["generated"] == "2023-11-14T22:13:20Z"
    assert [a["name"] for a in data["analysts"]] == ["Analyst A", "Analyst B", "Analyst C"]
    q = next(q for q in data["questions"] if q["ref"] == "coordination.economic_centres")
    assert q["answers"] == {"1": 3, "2": 4, "3": 1}
    assert (q["median"], q["low"], q["high"], q["spread"]) == (3, 1, 4, 3)
    assert len(q["notes"]) == 3 and q["notes"][0]["analyst"] == "1"
    assert data["disagreements"][0] == "coordination.economic_centres"
    assert data["pooled"]["outlook"]["band"] == "guarded"
    assert cli("panel", ROUND1, "-f", "json", "-o", out).exit_code == 1  # exists: --force
    assert cli("panel", ROUND1, "-f", "json", "-o", out, "--force").exit_code == 0


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_other_formats_to_a_file(cli, tmp_path, fmt):
    out = tmp_path / f"panel.{fmt}"
    result = cli("panel", ROUND1, "-f", fmt, "-o", out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "Analyst B" in text and "Krippendorff" in text
    if fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and text.count('<svg class="dots"') > 32
        assert "<script" not in text
    if fmt == "markdown":
        assert "| Rank | Question | 1 | 2 | 3 |" in text


def test_feedback_then_round_two(cli, tmp_path):
    folder = tmp_path / "round2"
    result = cli("panel", ROUND1, "-f", "json", "--feedback", folder)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "analyst-a.yaml",
        "analyst-b.yaml",
        "analyst-c.yaml",
    ]
    assert cli("validate", folder / "analyst-a.yaml").exit_code == 0
    again = cli("panel", ROUND1, "-f", "json", "--feedback", folder)
    assert again.exit_code == 1 and "already exist" in again.stderr
    # the annotated files pool to the same panel as the originals
    same = json.loads(cli("panel", folder, "-f", "json").stdout)
    before = json.loads(result.stdout)
    assert same["questions"] == before["questions"]


def test_a_single_file_is_a_usage_error(cli):
    result = cli("panel", ROUND1 / "analyst-a.yaml")
    assert result.exit_code == 2
    assert "at least two case files" in result.stderr and "analyst-a.yaml" in result.stderr


def test_different_cases_name_the_ids_and_suggest_case(cli, tmp_path):
    write_panel(tmp_path, THREE)
    write(tmp_path / "zz-other.yaml", mini_text("Analyst Z", {"a1": 1}, case_id="another"))
    result = cli("panel", tmp_path, *FW)
    assert result.exit_code == 2
    assert "2 different cases" in result.stderr and "zz-other.yaml" in result.stderr
    assert "--case ID" in result.stderr
    chosen = cli("panel", tmp_path, "--case", "mini-panel", *FW)
    assert chosen.exit_code == 0 and "Panel of 3 analysts" in chosen.stdout
    assert cli("panel", tmp_path, "--case", "nope", *FW).exit_code == 2


def test_the_same_analyst_twice_is_invalid_input(cli, tmp_path):
    write_panel(tmp_path, THREE)
    write(tmp_path / "zz-again.yaml", mini_text("Analyst B", {"a1": 1}))
    result = cli("panel", tmp_path, *FW)
    assert result.exit_code == 1
    assert "zz-again.yaml" in result.stderr and "analyst-b.yaml" in result.stderr
    assert "case.analyst" in result.stderr


def test_an_invalid_file_is_named_and_nothing_pooled(cli, tmp_path):
    write_panel(tmp_path, THREE)
    write(tmp_path / "broken.yaml", mini_text("Analyst Q", {"a1": 7}))
    result = cli("panel", tmp_path, *FW)
    assert result.exit_code == 1 and result.stdout == ""
    assert re.search(r"broken\.yaml:\d+:\d+: error: answers\.alpha\.a1", result.stderr)


def test_framework_versions_differ_is_a_warning(cli, tmp_path):
    write_panel(tmp_path, {k: THREE[k] for k in ("Analyst A", "Analyst B")})
    write(tmp_path / "old.yaml", mini_text("Analyst O", {"a1": 2}, ref="mini@1"))
    result = cli("panel", tmp_path, *FW)
    assert result.exit_code == 0
    assert "warning: the files were answered against different framework versions" in (
        result.stderr
    )
    assert "questions that differ: alpha.a2" in result.stderr


def test_standard_input_and_missing_files(cli, tmp_path):
    assert cli("panel", "-", ROUND1).exit_code == 2
    result = cli("panel", tmp_path / "missing.yaml", ROUND1)
    assert result.exit_code == 1 and "missing.yaml: error: no such file" in result.stderr


HOSTILE_NAME = "<img src=x onerror=alert(1)> [bold red]boss[/] **B** | \x1b[31mred\x1b]0;title\x07"
HOSTILE_NOTE = "<script>alert(1)</script> [link=http://x]y[/link] *em* | `c` \x1b[2J\x07\rend"


def _hostile_panel(tmp_path):
    members = {
        "Analyst A": THREE["Analyst A"],
        HOSTILE_NAME: THREE["Analyst B"],
        "Analyst C": THREE["Analyst C"],
    }
    paths = []
    for i, (name, scores) in enumerate(members.items()):
        text = mini_text(name, scores, notes={"a1": HOSTILE_NOTE, "g1": HOSTILE_NOTE})
        paths.append(write(tmp_path / f"f{i}.yaml", text))
    return paths


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "json"])
def test_injection_through_names_and_notes(cli, tmp_path, fmt):
    _hostile_panel(tmp_path / "in")
    out = tmp_path / f"out.{fmt}"
    result = cli("panel", tmp_path / "in", *FW, "-f", fmt, "-o", out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text and "\r" not in text
    if fmt == "html":
        assert "<script" not in text and "<img" not in text
        assert "&lt;script&gt;" in text and "&lt;img src=x" in text
    elif fmt == "markdown":
        assert "<script" not in text and "<img" not in text
        assert "\\*\\*B\\*\\*" in text and "\\[bold red\\]" in text
        (row,) = [ln for ln in text.splitlines() if ln.startswith("| 2 |") and "onerror" in ln]
        assert len(re.findall(r"(?<!\\)\|", row)) == 5  # the analyst's row keeps four cells
    elif fmt == "json":
        data = json.loads(text)
        assert data["analysts"][1]["name"].startswith("<img src=x onerror=alert(1)>")
    else:
        assert "[bold red]boss[/]" in text  # rich markup printed literally


def test_injection_at_a_real_terminal_stays_literal(tmp_path):
    _hostile_panel(tmp_path / "in")
    done = run_subprocess("panel", tmp_path / "in", *FW, env={"TERM": "xterm", "COLUMNS": "160"})
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    assert "\x1b]0;" not in out and "\x1b[2J" not in out and "\x07" not in out
    assert "[bold red]boss[/]" in out


def test_feedback_files_carry_no_hostile_text(cli, tmp_path):
    _hostile_panel(tmp_path / "in")
    result = cli("panel", tmp_path / "in", *FW, "-f", "json", "--feedback", tmp_path / "fb")
    assert result.exit_code == 0, result.stderr
    for path in (tmp_path / "fb").iterdir():
        comments = [
            ln for ln in path.read_text().splitlines() if ln.lstrip().startswith("# [panel]")
        ]
        assert comments and not any("<" in ln or "\x1b" in ln for ln in comments)
        assert cli("validate", path, *FW).exit_code == 0


def test_help_lists_the_command(cli):
    result = cli("--help")
    assert "panel" in result.stdout
    assert "FILE_OR_FOLDER" in cli("panel", "--help").stdout


def test_not_applicable_answers_are_counted_not_pooled(cli, tmp_path):
    paths = write_panel(tmp_path, THREE)
    text = (
        paths[2]
        .read_text(encoding="utf-8")
        .replace(
            "    g1: 2\n", '    g1:\n      score: n/a\n      note: "Not part of these measures."\n'
        )
    )
    paths[2].write_text(text, encoding="utf-8")
    result = cli("panel", tmp_path, *FW, "-f", "json", "--feedback", tmp_path / "fb")
    assert result.exit_code == 0, result.stderr
    g1 = next(q for q in json.loads(result.stdout)["questions"] if q["ref"] == "gamma.g1")
    assert g1["answers"] == {"1": 1, "2": 3, "3": "n/a"} and g1["not_applicable"] == 1
    assert (g1["median"], g1["spread"], g1["disagrees"]) == (2, 2, True)
    annotated = (tmp_path / "fb" / "analyst-c.yaml").read_text(encoding="utf-8")
    assert "# [panel] panel of 3: 1 ×1, 3 ×1, n/a ×1; median 2, range 1–3" in annotated
    assert cli("validate", tmp_path / "fb" / "analyst-c.yaml", *FW).exit_code == 0


def test_the_panel_example_in_docs_is_a_real_run():
    from typer.testing import CliRunner

    from helpers import ROOT
    from sanctions_check.cli import app

    readme = (ROOT / "docs" / "panel.md").read_text(encoding="utf-8")
    shown = re.search(
        r"\$ sanctions-check panel tests/data/panel/\n(.*?)\n\.\.\.\n```", readme, re.S
    )
    assert shown is not None
    result = CliRunner().invoke(
        app, ["panel", str(ROUND1)], env={"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}
    )
    assert result.exit_code == 0
    assert result.stdout.startswith(shown.group(1) + "\n")


def test_a_capped_pooled_outlook_says_so(cli, tmp_path):
    strong_but_beta = {"a1": 4, "a2": 4, "b1": 0, "b2": 0, "g1": 4}
    write_panel(tmp_path, {"Analyst A": strong_but_beta, "Analyst B": strong_but_beta})
    data = json.loads(cli("panel", tmp_path, *FW, "-f", "json").stdout)
    pooled = data["pooled"]["outlook"]
    # (3*100 + 1*0 + 1*100) / 5 = 80, Favourable, capped at Guarded by beta's gate
    assert pooled["score"] == 80 and pooled["capped"] and pooled["band"] == "guarded"
    assert pooled["text"].startswith("Guarded (capped): 80")
    assert "Guarded (capped): 80" in cli("panel", tmp_path, *FW).stdout
    assert data["agreement"]["alpha"] == 1 and data["agreement"]["questions"] == 5
    assert data["disagreements"] == []
    assert wording.PANEL_NO_DISAGREEMENT in cli("panel", tmp_path, *FW).stdout
