"""Every command through the real CLI: exit codes, stdout/stderr separation, outputs."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from helpers import DATA, EXAMPLES, MINI, run_subprocess, write
from sanctions_check import __version__

CASES = DATA / "mini-cases"
FW = ("--framework", str(MINI))


def test_version_and_help(cli):
    result = cli("--version")
    assert result.exit_code == 0 and result.stdout == f"sanctions-check {__version__}\n"
    result = cli("--help")
    assert result.exit_code == 0
    for command in ("score", "validate", "factors", "new"):
        assert command in result.stdout


def test_python_dash_m_works_and_usage_error_exits_2():
    assert run_subprocess("--version").stdout.decode().startswith("sanctions-check ")
    result = run_subprocess("score", "--format", "xml", "x.yaml")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr


def test_score_table_ranks_by_outlook(cli):
    result = cli("score", CASES, *FW)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.index("strong") < out.index("weak")
    assert "Favourable" in out and "Low" in out
    assert "2 case(s) scored, 0 invalid." in result.stderr
    assert "case(s) scored" not in out  # messages on stderr only


def test_score_json_is_clean_and_complete(cli):
    result = cli("score", CASES / "weak.yaml", CASES / "strong.yaml", "-f", "json", *FW)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema"] == "sanctions-check/score@3"
    assert data["framework"]["id"] == "mini" and len(data["framework"]["sha256"]) == 64
    rows = {row["id"]: row for row in data["cases"]}
    assert rows["strong"]["band"] == "favourable"
    # weak: alpha 25 (w3); beta 0 and unknown at the midpoint: 25 (w1), range 0-50, so its
    # gate is unresolved; gamma unanswered at the midpoint: 50 (w1) -> (75 + 25 + 50) / 5 = 30
    assert rows["weak"]["outlook"] == 30 and rows["weak"]["limiting"] == ["alpha", "beta"]
    assert rows["weak"]["unresolved_gates"] == ["beta"]
    assert rows["weak"]["top_risk"] == "evasion" and rows["weak"]["top_risk_value"] == 12
    assert data["summary"] == {"files": 2, "valid": 2, "invalid": 0}


def test_score_csv_has_header_and_factor_columns(cli):
    result = cli("score", CASES, "-f", "csv", *FW)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["strong", "weak"]  # input order, streamed
    assert rows[0]["factor:alpha"] == "100" and rows[1]["factor:gamma"] == "50"


def test_score_markdown(cli):
    result = cli("score", CASES, "-f", "markdown", *FW)
    assert result.exit_code == 0
    assert "| Case | Band | Outlook | Coverage | Limited by | Top risk |" in result.stdout
    assert "| strong | Favourable |" in result.stdout


def test_invalid_file_is_listed_while_valid_ones_are_scored(cli, tmp_path):
    folder = tmp_path / "cases"
    shutil.copytree(CASES, folder)
    write(folder / "broken.yaml", "format: sanctions-check/case@1\ncase: [\n")
    result = cli("score", folder, "-f", "json", *FW)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert {r["id"] for r in data["cases"]} == {"strong", "weak"}
    assert data["invalid"][0]["file"].endswith("broken.yaml")
    assert data["invalid"][0]["line"] is not None
    assert "broken.yaml:" in result.stderr and "2 case(s) scored, 1 invalid." in result.stderr


def test_duplicate_case_ids_in_a_batch(cli, tmp_path):
    write(tmp_path / "a.yaml", (CASES / "weak.yaml").read_text())
    write(tmp_path / "b.yaml", (CASES / "weak.yaml").read_text())
    result = cli("score", tmp_path, *FW)
    assert result.exit_code == 1
    assert "is also used by" in result.stderr
    result = cli("validate", tmp_path, *FW)
    assert result.exit_code == 1
    assert "b.yaml: error: case.id: case id 'weak' is also used by" in result.stderr
    assert "1 valid, 1 invalid." in result.stderr


def test_fail_under(cli):
    assert cli("score", CASES, "--fail-under", "10", *FW).exit_code == 0
    result = cli("score", CASES, "--fail-under", "50", *FW)
    assert result.exit_code == 3
    assert "below --fail-under 50: weak" in result.stderr


def test_score_reads_standard_input(cli):
    result = cli("score", "-", "-f", "json", *FW, input=(CASES / "strong.yaml").read_bytes())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["cases"][0]["file"] == "-"


def test_missing_path_and_empty_folder(cli, tmp_path):
    result = cli("score", tmp_path / "nope.yaml", *FW)
    assert result.exit_code == 1 and "no such file or folder" in result.stderr
    result = cli("validate", tmp_path, *FW)
    assert result.exit_code == 1 and "holds no *.yaml" in result.stderr


def test_validate_exit_codes_and_messages(cli, tmp_path):
    result = cli("validate", CASES, *FW)
    assert result.exit_code == 0
    assert "strong.yaml: ok" in result.stdout and "2 valid, 0 invalid." in result.stderr
    bad = write(
        tmp_path / "bad.yaml", (CASES / "weak.yaml").read_text().replace("  alpha:", "  alhpa:")
    )
    result = cli("validate", bad, *FW)
    assert result.exit_code == 1
    assert (
        f"{bad}:7:3: error: answers.alhpa: unknown factor 'alhpa' (did you mean 'alpha'?)"
        in result.stderr
    )


def test_broken_framework_is_a_usage_error(cli, tmp_path):
    broken = write(tmp_path / "fw.yaml", MINI.read_text().replace("weight: 3", "weight: -3"))
    result = cli("validate", CASES, "--framework", broken)
    assert result.exit_code == 2
    assert "factors.0.weight" in result.stderr and "out of range" in result.stderr


def test_factors_text_and_json(cli):
    result = cli("factors", *FW)
    assert result.exit_code == 0 and "Alpha (alpha)" in result.stdout and "12/15" in result.stdout
    result = cli("factors", "alpha", *FW)
    assert "Is a2 present?" in result.stdout and "much a2" in result.stdout
    data = json.loads(cli("factors", "-f", "json", *FW).stdout)
    assert data["factors"][0]["evidence"] == {
        "tfap_name": "Alpha factor",
        "practitioners_cited": 12,
        "practitioners_total": 15,
        "direction": "greater",
        "practitioner_rating": "Stronger",
        "research_rating": "Weaker",
        "note": None,
        "sources": ["src"],
    }
    result = cli("factors", "alpah", *FW)
    assert result.exit_code == 2 and "did you mean 'alpha'?" in result.stderr


def test_new_template_validates_once_filled_in(cli, tmp_path):
    target = tmp_path / "case.yaml"
    result = cli("new", "-o", target, *FW)
    assert result.exit_code == 0 and target.exists()
    text = target.read_text()
    assert "Is a2 present?" in text and "3 = much a2" in text
    unfilled = cli("validate", target, *FW)
    assert unfilled.exit_code == 1 and "case.id" in unfilled.stderr
    target.write_text(
        text.replace("  id: ", "  id: my-case ", 1).replace("  title: ", "  title: My case ", 1)
    )
    assert cli("validate", target, *FW).exit_code == 0
    score = cli("score", target, "-f", "json", *FW)
    assert json.loads(score.stdout)["cases"][0]["coverage"] == 0


def test_new_never_overwrites_without_force(cli, tmp_path):
    target = write(tmp_path / "case.yaml", "precious work\n")
    result = cli("new", "-o", target, *FW)
    assert result.exit_code == 1 and "--force" in result.stderr
    assert target.read_text() == "precious work\n"
    assert cli("new", "-o", target, "--force", *FW).exit_code == 0
    assert "format: sanctions-check/case@1" in target.read_text()


def test_new_to_stdout(cli):
    result = cli("new", *FW)
    assert result.exit_code == 0 and result.stdout.startswith("# sanctions-check case file")


@pytest.mark.parametrize("command", ["score", "validate"])
def test_no_traceback_on_a_folder_passed_as_framework(cli, tmp_path, command):
    result = cli(command, CASES, "--framework", tmp_path)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr + result.stdout


def test_a_shortened_risk_id_is_suggested_by_its_words(cli, tmp_path):
    """`cost` is too short for a spelling match to `diplomatic_cost`; its words find it."""
    text = (EXAMPLES / "dr-congo-2016.yaml").read_text(encoding="utf-8")
    assert "\n  diplomatic_cost:" in text
    bad = write(tmp_path / "short.yaml", text.replace("\n  diplomatic_cost:", "\n  cost:"))
    result = cli("validate", bad)
    assert result.exit_code == 1
    assert "unknown risk 'cost' (did you mean 'diplomatic_cost'?)" in result.stderr


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("exposre", " (did you mean 'exposure'?)"),  # a misspelling
        ("humanitarian", " (did you mean 'humanitarian_harm'?)"),  # the first word
        ("flight", " (did you mean 'evasion_asset_flight'?)"),  # a later word
        ("Evasion", " (did you mean 'evasion_asset_flight'?)"),  # any case
        ("over-compliance", " (did you mean 'over_compliance'?)"),  # either separator
        ("harm", " (did you mean 'humanitarian_harm' or 'civilian_harm'?)"),  # two: both named
        ("co", ""),  # too short to mean anything
        ("xyz", ""),
    ],
)
def test_suggestions_by_spelling_or_by_words(word, expected):
    from sanctions_check.checks import suggest

    ids = ["exposure", "humanitarian_harm", "civilian_harm", "evasion_asset_flight"]
    ids.append("over_compliance")
    assert suggest(word, ids) == expected
