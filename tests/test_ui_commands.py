"""The reading and writing commands a person meets first (`factors`, `new`, `validate`) and the
usage line of every command, through the real CLI at 80 columns, the width of a default terminal.
HOME and the XDG folders are the test's own (conftest's hermetic_home).
"""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from helpers import MINI, ROOT, write
from sanctions_check.cli import app
from sanctions_check.framework import load as load_framework

COMMANDS = tuple(typer.main.get_command(app).commands)  # every command, present and future
BUNDLED = ROOT / "factors.yaml"


@pytest.fixture
def run80():
    """The CLI in-process at 80 columns; returns click's Result."""
    runner = CliRunner()
    env = {"COLUMNS": "80", "LINES": "40", "NO_COLOR": "1", "TERM": "dumb"}

    def invoke(*args: object):
        return runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)

    return invoke


def longest(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_page_fits_80_columns_and_names_its_values(run80, command):
    result = run80(command, "--help")
    assert result.exit_code == 0
    usage = result.stdout.splitlines()[0]
    assert usage.startswith(f"Usage: sanctions-check {command} [OPTIONS]")
    # typer marks a required argument {NAME}, an optional one [NAME] and a repeatable one NAME...:
    # a metavar that carried its own marks would print them twice.
    assert "[[" not in usage and "]]" not in usage and "...}" not in usage
    assert "float range" not in result.stdout and "int range" not in result.stdout
    assert longest(result.stdout) <= 80


def test_usage_lines_name_their_arguments(run80):
    """As typer writes usage lines: {required}, [optional], and ... after a repeatable one."""
    assert run80("score", "--help").stdout.startswith(
        "Usage: sanctions-check score [OPTIONS] {PATH}...\n"
    )
    compare = run80("compare", "-h").stdout
    assert "Usage: sanctions-check compare [OPTIONS] {OLD} {NEW}\n" in compare
    assert "Usage: sanctions-check factors [OPTIONS] [ID]\n" in run80("factors", "-h").stdout
    missing = run80("report")
    assert missing.exit_code == 2
    assert "Usage: sanctions-check report [OPTIONS] {CASE}\n" in missing.stderr
    assert "--fail-under SCORE" in run80("score", "-h").stdout


def flat(text: str) -> str:
    """Printed text with its line breaks and indents folded: what a reader sees, joined up."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def bundled():
    return load_framework(BUNDLED)


def test_a_factor_shows_every_question_and_id_in_full_at_80_columns(run80, bundled):
    factor = bundled.factor("exposure")
    result = run80("factors", "exposure")
    assert result.exit_code == 0, result.stderr
    assert longest(result.stdout) <= 80
    shown = flat(result.stdout)
    for number, question in enumerate(factor.questions, 1):
        assert f"{number}. {flat(question.text)}" in shown
        assert f"id: {question.id} ·" in shown
        for level in range(5):
            assert f"{level} {flat(question.level_label(bundled, level))}" in shown
        assert flat(question.advice) in shown
    assert "…" not in result.stdout  # nothing shortened


def test_a_risk_shows_its_levels_and_mitigations_in_full_width(run80, bundled):
    risk = bundled.risk("humanitarian_harm")
    result = run80("factors", "humanitarian_harm")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert longest(out) <= 80
    shown = flat(out)
    assert flat(risk.question) in shown
    likelihood = shown.index("Likelihood:")
    severity = shown.index("Severity:")
    for level in range(5):
        assert shown.index(f"{level} {flat(risk.likelihood[level])}") > likelihood
        assert shown.index(f"{level} {flat(risk.severity[level])}") > severity
    for mitigation in risk.mitigations:
        assert f"• {flat(mitigation)}" in shown
    # Mitigations read as paragraphs across the page, not down a narrow column.
    block = out[out.index("Mitigations to consider") : out.index("What the sources say")]
    lines = [line for line in block.splitlines()[1:] if line.strip()]
    assert len(lines) <= sum(len(m) for m in risk.mitigations) // 60 + len(risk.mitigations)
    assert max(len(line) for line in lines) >= 70


@pytest.mark.parametrize(
    ("typed", "ident"), [("EXPOSURE", "exposure"), ("Humanitarian_Harm", "humanitarian_harm")]
)
def test_ids_are_found_in_any_case(run80, typed, ident):
    assert run80("factors", typed).stdout == run80("factors", ident).stdout
    assert (
        run80("factors", typed, "-f", "json").stdout == run80("factors", ident, "-f", "json").stdout
    )


def test_the_overview_lists_factors_and_risks(run80, bundled):
    result = run80("factors")
    assert result.exit_code == 0
    out = result.stdout
    assert longest(out) <= 80
    risks = out[out.index("Unintended consequences") :]
    for risk in bundled.risks:
        assert f"({risk.id})" in risks
        assert flat(risk.question) in flat(risks)
    for factor in bundled.factors:
        assert factor.id in flat(out[: out.index("Unintended consequences")]).replace(" ", "")
    assert "sanctions-check factors ID" in flat(out)


def test_factors_json_is_one_model_for_the_framework_a_factor_or_a_risk(run80, bundled):
    whole = json.loads(run80("factors", "-f", "json").stdout)
    assert whole["schema"] == "sanctions-check/framework-json@1"
    assert [f["id"] for f in whole["factors"]] == [f.id for f in bundled.factors]
    risk = json.loads(run80("factors", "humanitarian_harm", "-f", "json").stdout)
    assert risk == next(r for r in whole["risks"] if r["id"] == "humanitarian_harm")
    assert risk["likelihood"]["4"] == bundled.risk("humanitarian_harm").likelihood[4]
    factor = json.loads(run80("factors", "exposure", "-f", "json").stdout)
    assert factor == whole["factors"][0]
    assert factor["questions"][0]["id"] == bundled.factors[0].questions[0].id


def test_a_base_rate_keeps_the_sources_almost_in_json(run80):
    """The source says 'almost 40 percent': a JSON consumer gets the word beside the number."""
    purposes = {
        p["id"]: p["base_rate"]
        for p in json.loads(run80("factors", "-f", "json").stdout)["purposes"]
    }
    assert purposes["constrain"]["effective_when_pursued"] == 40
    assert purposes["constrain"]["effective_when_pursued_qualifier"] == "almost"
    assert "almost 40 percent" in purposes["constrain"]["text"]
    assert purposes["coerce"]["effective_when_pursued_qualifier"] == ""  # '22 percent' as written


@pytest.mark.parametrize(("typed", "meant"), [("flight", "asset_flight"), ("exposre", "exposure")])
def test_an_unknown_id_suggests_the_likely_one_and_lists_the_rest(run80, typed, meant):
    result = run80("factors", typed)
    assert result.exit_code == 2
    suggested = result.stderr.split("did you mean ", 1)[1].split("?)", 1)[0]
    assert repr(meant) in suggested.split(" or ")
    assert "risks: humanitarian_harm" in result.stderr
    assert result.stdout == ""


def test_framework_text_is_shown_as_text(run80, tmp_path):
    hostile = MINI.read_text(encoding="utf-8").replace(
        "text: Is a2 present?", 'text: "Is a2 \\e[31m[bold]present?"'
    )
    path = write(tmp_path / "fw.yaml", hostile)
    result = run80("factors", "alpha", "--framework", path)
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "2. Is a2 [bold]present?" in result.stdout


def fill_header(text: str, ident: str = "filled-2024") -> str:
    return text.replace("  id: ", f"  id: {ident} ", 1).replace("  title: ", "  title: Filled ", 1)


def test_the_template_carries_every_risk_level_and_the_new_fields(run80, bundled, tmp_path):
    target = tmp_path / "case.yaml"
    result = run80("new", "-o", target)
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    comments = flat(" ".join(line.split("#", 1)[1] for line in text.splitlines() if "#" in line))
    for risk in bundled.risks:
        block = text[text.index(f"  {risk.id}:\n") :]
        block = flat(" ".join(line.split("#", 1)[-1] for line in block.splitlines()[:40]))
        for level in range(5):
            assert f"{level} = {flat(risk.likelihood[level])}" in block
            assert f"{level} = {flat(risk.severity[level])}" in block
        for mitigation in risk.mitigations:
            assert flat(mitigation) in comments
    for field in ("as_of:", "implementers:", "hypothetical:", "hindsight:", "references:"):
        assert field in text
    assert "n/a" in comments and "note" in comments
    assert ".;" not in text
    target.write_text(fill_header(text), encoding="utf-8")
    checked = run80("validate", target)
    assert checked.exit_code == 0, checked.stderr
    assert checked.stderr.count("warning") == 0


def test_a_filled_template_with_the_new_fields_validates_and_n_a_needs_a_note(run80, tmp_path):
    target = tmp_path / "case.yaml"
    run80("new", "-o", target, "--framework", MINI)
    text = fill_header(target.read_text(encoding="utf-8"))
    text = text.replace("  as_of: ", "  as_of: 2017-08-25 ", 1)
    text = text.replace("  implementers: []", "  implementers: [European Union]", 1)
    a1 = "    a1:\n      score: "
    assert a1 in text
    without_note = text.replace(a1, a1 + "n/a ", 1)
    target.write_text(without_note, encoding="utf-8")
    refused = run80("validate", target, "--framework", MINI)
    assert refused.exit_code == 1
    assert f"{target}:" in refused.stderr and "note" in refused.stderr
    # The template's note is a block text: any text goes on the lines below it, ": " included,
    # where a one-line note with ": " in it would be a YAML error.
    note = "      note: |        # text on the lines below, indented; any characters\n"
    assert note in without_note
    with_note = without_note.replace(
        note, note + "        the measures freeze no assets: none at all [R1]\n", 1
    )
    with_note = with_note.replace("references:\n", "references:\n  R1: https://example.org/r1\n")
    target.write_text(with_note, encoding="utf-8")
    accepted = run80("validate", target, "--framework", MINI)
    assert accepted.exit_code == 0, accepted.stderr
    assert "warning" not in accepted.stderr


def test_validate_names_the_file_line_and_field_and_suggests_near_ids(run80, tmp_path):
    target = write(
        tmp_path / "typos.yaml",
        "format: sanctions-check/case@1\ncase:\n  id: t\n  title: T\nframework: mini@2\n"
        "answers:\n  alpah:\n    a1: 2\nrisks:\n  harms:\n    likelihood: 1\n",
    )
    result = run80("validate", target, "--framework", MINI)
    assert result.exit_code == 1
    assert (
        f"{target}:7:3: error: answers.alpah: unknown factor 'alpah' (did you mean 'alpha'?)"
        in (result.stderr)
    )
    assert f"{target}:10:3: error: risks.harms: unknown risk 'harms' (did you mean 'harm'?)" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("columns", ["60", "80", "120"])
def test_the_overview_never_breaks_an_id_at_any_width(bundled, columns):
    result = CliRunner().invoke(
        app, ["factors"], env={"COLUMNS": columns, "NO_COLOR": "1", "TERM": "dumb"}
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(columns)
    for item in (*bundled.factors, *bundled.risks):
        assert any(f"({item.id})" in line for line in lines), item.id


def test_neutral_values_design_choices_and_inclusion_are_shown(run80, tmp_path):
    text = MINI.read_text(encoding="utf-8").replace(
        "        text: Is a1 present?\n",
        "        text: Is a1 present?\n"
        "        neutral: {value: 1.5, reason: Most cases lack a1., sources: [src]}\n",
    )
    text += (
        "design_choices:\n  - id: band-edges\n    text: The band edges are the framework's own.\n"
        "inclusion:\n  rule: Factors cited by at least 4 practitioners.\n  omitted:\n"
        "    - name: Severe violator\n      cited_by: 1\n      reason: One citation only.\n"
    )
    path = write(tmp_path / "fw.yaml", text)
    factor = run80("factors", "alpha", "--framework", path)
    assert factor.exit_code == 0, factor.stderr
    assert "Unknown or unanswered counts as 1.5 of 4 in the point outlook: Most cases lack a1." in (
        flat(factor.stdout)
    )
    assert flat(factor.stdout).count("counts as") == 1  # a2 keeps the midpoint: nothing said
    overview = flat(run80("factors", "--framework", path).stdout)
    assert "• The band edges are the framework's own. (band-edges)" in overview
    assert "• Severe violator (cited by 1; left out): One citation only." in overview
    data = json.loads(run80("factors", "-f", "json", "--framework", path).stdout)
    assert data["design_choices"] == [
        {"id": "band-edges", "text": "The band edges are the framework's own."}
    ]
    assert data["inclusion"]["omitted"][0]["cited_by"] == 1
    a1, a2 = data["factors"][0]["questions"]
    assert a1["neutral"] == {"value": 1.5, "reason": "Most cases lack a1.", "sources": ["src"]}
    assert a2["neutral"] == {"value": 2.0, "reason": None, "sources": []}
