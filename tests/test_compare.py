"""`compare`: what changed between two assessments of one case, as a pure diff and via the CLI."""

from __future__ import annotations

import json

import pytest

from helpers import DATA, MINI, write
from sanctions_check import case, framework, scoring
from sanctions_check.compare import compare
from test_report_golden import check_golden

A = DATA / "compare" / "sri-lanka-2020-analyst-a.yaml"
B = DATA / "compare" / "sri-lanka-2020-analyst-b.yaml"
WEAK = DATA / "mini-cases" / "weak.yaml"
FW = ("--framework", str(MINI))

WEAK_LATER = """\
format: sanctions-check/case@1
case:
  id: weak
  title: Weak case, months later
framework: mini@2
answers:
  alpha:
    a1: 1
    a2: {score: 3, confidence: high, note: Partners now on board.}
  beta:
    b1: 2
    b2: unknown
  flag:
    f1: 4
risks:
  evasion:
    likelihood: 2
    severity: 3
    mitigation: Coordinate with partners.
  harm:
    likelihood: 1
    severity: 1
"""


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def test_diff_of_two_mini_assessments(tmp_path):
    fw = framework.load(MINI)
    later = write(tmp_path / "later.yaml", WEAK_LATER)
    diff = compare(
        scoring.assess(fw, case.load(WEAK, fw)), scoring.assess(fw, case.load(later, fw))
    )
    factors = {f.id: f for f in diff.factors}
    # alpha: (1 + 3*1)/4 levels = 25 -> (1 + 3*3)/4 = 62.5 (printed 63); beta: b1 0 -> 2 with
    # b2 unknown at the midpoint both times: 25 -> 50
    assert factors["alpha"].delta == 63 - 25
    assert factors["beta"].delta == 25
    assert factors["gamma"].delta == 0 and not factors["gamma"].changed  # unanswered both times
    # outlook: (75 + 25 + 50)/5 = 30 -> (187.5 + 50 + 50)/5 = 57.5, printed 58
    assert diff.outlook_delta == 58 - 30
    assert diff.band_changed and not diff.unchanged
    changed = {(a.factor_id, a.question_id): a for a in diff.answers}
    assert set(changed) == {("alpha", "a2"), ("beta", "b1"), ("flag", "f1")}
    assert changed[("alpha", "a2")].changed == ("score", "confidence", "note")
    assert changed[("alpha", "a2")].new.note == "Partners now on board."
    risks = {r.id: r.direction for r in diff.risks}
    assert risks == {"evasion": "fell", "harm": "added"}
    assert diff.flags_raised == ("flag",) and diff.flags_cleared == ()
    assert not diff.different_ids


def test_compare_cli_table_on_two_analysts_readings(cli):
    result = cli("compare", A, B)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Commitment of the implementer" in out
    assert "+5" in out and "−5" in out  # commitment 30 -> 35, communication 50 -> 45
    assert "Answers that changed (3)" in out and "Risks that changed (2)" in out
    assert "Coder's judgement: low. The designation was a single step" in out  # old note
    assert "designating the serving army" in out  # new note
    flat = " ".join(out.split())
    assert "rose: 2 × 1 = 2 (Low) → 3 × 1 = 3 (Low)" in flat
    assert "fell: 2 × 1 = 2 (Low) → 1 × 1 = 1 (Low)" in flat
    assert "Limiting factor, unchanged:" in flat  # the same factors: never "X → X"


def test_compare_json_and_markdown(cli):
    data = json.loads(cli("compare", A, B, "-f", "json").stdout)
    assert data["schema"] == "sanctions-check/compare@3"
    factors = {f["id"]: f for f in data["factors"]}
    assert factors["commitment"]["delta_text"] == "+5" and factors["commitment"]["delta"] == 5
    assert factors["communication"]["delta_text"] == "−5"
    assert factors["exposure"]["delta_text"] == "" and not factors["exposure"]["changed"]
    answers = {a["question_id"]: a for a in data["answers"]}
    assert answers["network_reach"]["changed"] == ["confidence"]
    assert answers["demands"]["old"]["score"] == 2 and answers["demands"]["new"]["score"] == 1
    assert {r["id"]: r["direction"] for r in data["risks"]} == {
        "entrenchment": "rose",
        "diplomatic_cost": "fell",
    }
    md = cli("compare", A, B, "-f", "markdown").stdout
    assert "| Clear communication (core factor) | 50 (range 20–80) | 45 (range 15–75) | −5 |" in md
    assert "\\[LBO\\]" in md  # case text escaped for Markdown


@pytest.mark.parametrize(("fmt", "ext"), [("table", "txt"), ("markdown", "md"), ("json", "json")])
def test_compare_matches_golden(cli, fmt, ext):
    result = cli("compare", A, B, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    check_golden(f"compare/sri-lanka-2020-a-b.{ext}", result.stdout)


def test_compare_writes_a_file_only_with_force_to_replace(cli, tmp_path):
    target = tmp_path / "diff.md"
    assert cli("compare", A, B, "-f", "markdown", "-o", target).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("## What changed")
    assert cli("compare", A, B, "-f", "markdown", "-o", target).exit_code == 1
    assert cli("compare", A, B, "-o", target, "--force").exit_code == 0
    assert "Answers that changed" in target.read_text(encoding="utf-8")


def test_compare_errors(cli, tmp_path):
    assert cli("compare", "-", "-").exit_code == 2
    bad = write(tmp_path / "bad.yaml", "format: sanctions-check/case@1\ncase: {id: x}\n")
    result = cli("compare", A, bad)
    assert result.exit_code == 1 and "bad.yaml" in result.stderr
    other = write(
        tmp_path / "other.yaml", WEAK.read_text(encoding="utf-8").replace("id: weak", "id: other")
    )
    result = cli("compare", WEAK, other, *FW)
    assert result.exit_code == 0
    assert "different case ids" in result.stdout


def test_compare_reads_one_side_from_standard_input(cli):
    result = cli("compare", A, "-", "-f", "json", input=B.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["new"]["file"] == "<stdin>"


def test_two_identical_files_say_no_changes(cli):
    result = cli("compare", A, A)
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert "No changes:" in flat
    assert "Answers that changed (0)" in flat and "Risks that changed (0)" in flat
    assert "→" not in flat  # no 'X → X' anywhere
    data = json.loads(cli("compare", A, A, "-f", "json").stdout)
    assert data["unchanged"] is True and data["outlook_delta_text"] == ""
    assert not any(f["changed"] or f["delta_text"] for f in data["factors"])
    md = cli("compare", A, A, "-f", "markdown").stdout
    assert "**No changes:" in md and "→" not in md


def test_header_changes_come_before_the_answers_in_every_format(cli, tmp_path):
    text = B.read_text(encoding="utf-8")
    later = text.replace(
        "  title: Sri Lanka 2020, US entry ban on the army commander\n",
        "  title: Sri Lanka 2021, US entry ban\n  as_of: '2021-03-01'\n"
        "  implementers: [United States, United Kingdom]\n",
    ).replace("  purpose:\n    - signal\n", "  purpose:\n    - signal\n    - coerce\n")
    assert later != text
    newer = write(tmp_path / "sri-lanka-2021.yaml", later)
    expected = [
        "Title: Sri Lanka 2020, US entry ban on the army commander → Sri Lanka 2021, US entry ban",
        "As of: not stated → 2021-03-01",
        "Imposed by: not stated → United States, United Kingdom",
        "Purposes: Signal → Signal, Coerce",
    ]
    for fmt in ("table", "markdown"):
        result = cli("compare", B, newer, "-f", fmt)
        assert result.exit_code == 0, result.stderr
        flat = " ".join(result.stdout.split())
        assert "Case details that changed (4)" in flat
        for line in expected:
            assert line in flat, (fmt, line)
            assert flat.index(line) < flat.index("Answers that changed")
    data = json.loads(cli("compare", B, newer, "-f", "json").stdout)
    assert [c["field"] for c in data["header_changes"]] == [
        "title",
        "as_of",
        "implementers",
        "purpose",
    ]
    assert [c["text"] for c in data["header_changes"]] == expected
    assert json.loads(cli("compare", A, B, "-f", "json").stdout)["header_changes"] == []
