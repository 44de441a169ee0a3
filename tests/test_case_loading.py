"""Loading and validating case files: good files load, bad ones report every problem precisely."""

from __future__ import annotations

import textwrap

import pytest

from helpers import MINI
from sanctions_check import case as case_mod
from sanctions_check import framework as framework_mod
from sanctions_check import yamlio
from sanctions_check.errors import InputError


@pytest.fixture(scope="module")
def fw():
    return framework_mod.load(MINI)


GOOD = """\
format: sanctions-check/case@1
case:
  id: norway-case
  title: A case about Norway
  country: NO
  assessed_on: 2018-08-17
  hypothetical: true
  purpose: [coerce, signal]
  situation: |
    Two lines
    of text.
framework: mini@2
answers:
  alpha:
    a1: 3
    a2:
      score: unknown
      confidence: low
      note: "Coder's judgement: unclear."
      sources: [https://example.org/a]
  beta:
    b1:
risks:
  harm:
    likelihood: 2
    severity: 3
    mitigation: Exempt aid.
"""


def load(text: str, fw):
    return case_mod.loads(textwrap.dedent(text), fw, "case.yaml")


def problems(text: str, fw) -> list:
    with pytest.raises(InputError) as caught:
        load(text, fw)
    return caught.value.problems


def test_good_file_loads_with_yaml_1_1_surprises_disabled(fw):
    case = load(GOOD, fw)
    assert case.header.country == "NO"  # Norway, not False
    assert case.header.assessed_on == "2018-08-17"  # a string, not a date
    assert case.header.hypothetical is True
    assert case.header.purpose == ("coerce", "signal")
    assert case.answers["alpha"]["a1"].score == 3
    assert case.answers["alpha"]["a2"].score == "unknown"
    assert case.answers["alpha"]["a2"].confidence == "low"
    assert case.answers["beta"]["b1"].score is None
    assert case.risks["harm"].value == 6
    assert case.warnings == ()


def test_round_trip_through_dumps_is_lossless(fw):
    case = load(GOOD, fw)
    again = case_mod.loads(case_mod.dumps(case, fw), fw, "again.yaml")
    assert again.header == case.header
    assert again.risks == case.risks
    assert again.answers["alpha"] == case.answers["alpha"]
    assert "  country: 'NO'" in case_mod.dumps(case, fw)  # quoted for YAML 1.1 readers too


def test_unknown_keys_are_reported_with_near_match_and_line(fw):
    found = problems(GOOD.replace("  alpha:\n", "  alpah:\n").replace("  title:", "  titel:"), fw)
    messages = {p.field: p for p in found}
    assert "did you mean 'alpha'?" in messages["answers.alpah"].message
    assert messages["answers.alpah"].line == 14
    assert "did you mean 'title'?" in messages["case.titel"].message
    assert messages["case.titel"].line == 4
    assert any(p.field == "case" and "missing required key 'title'" in p.message for p in found)


def test_every_problem_is_reported_at_once(fw):
    bad = (
        GOOD.replace("a1: 3", "a1: 7")
        .replace("confidence: low", "confidence: lo")
        .replace("likelihood: 2", "likelihood: likely")
        .replace("assessed_on: 2018-08-17", "assessed_on: 17/08/2018")
        .replace("purpose: [coerce, signal]", "purpose: [coerse]")
    )
    found = {p.field: p for p in problems(bad, fw)}
    assert "7 is out of range" in found["answers.alpha.a1"].message
    assert found["answers.alpha.a1"].line == 15
    assert "did you mean 'low'?" in found["answers.alpha.a2.confidence"].message
    assert "expected 0, 1, 2, 3, 4, unknown or n/a" in found["risks.harm.likelihood"].message
    assert "YYYY-MM-DD" in found["case.assessed_on"].message
    assert "did you mean 'coerce'?" in found["case.purpose.0"].message
    assert all(p.file == "case.yaml" and p.line for p in found.values())


def test_yaml_1_1_boolean_where_a_score_is_expected_is_reported(fw):
    found = problems(GOOD.replace("a1: 3", "a1: on"), fw)
    assert found[0].field == "answers.alpha.a1"
    assert "the text 'on'" in found[0].message


def test_duplicate_keys_are_refused_with_their_line(fw):
    found = problems(GOOD.replace("    a1: 3\n", "    a1: 3\n    a1: 4\n"), fw)
    assert "duplicate key 'a1'" in found[0].message
    assert found[0].line == 16


def test_wrong_framework_is_an_error_and_older_major_a_warning(fw):
    found = problems(GOOD.replace("framework: mini@2", "framework: other@1"), fw)
    assert found[0].field == "framework" and "other@1" in found[0].message
    old = load(
        GOOD.replace("framework: mini@2", "framework: mini@1").replace(
            "  alpha:\n", "  retired:\n    q: 1\n  alpha:\n"
        ),
        fw,
    )
    assert old.warnings and old.warnings[0].severity == "warning"
    assert "retired.q" in old.warnings[0].message and "mini@1" in old.warnings[0].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "is empty"),
        ("# only a comment\n", "is empty"),
        ("- a\n- b\n", "found a list"),
        ("just text\n", "found the text"),
        ("on:\n  push:\n    branches: [main]\njobs: {}\n", "not a sanctions-check case file"),
    ],
)
def test_valid_yaml_that_is_not_a_case_file(fw, text, expected):
    found = problems(text, fw)
    assert expected in found[0].message


def test_dangerous_yaml_is_refused_never_executed(fw, tmp_path):
    marker = tmp_path / "pwned"
    text = f"a: !!python/object/apply:os.system ['touch {marker}']\n"
    with pytest.raises(InputError) as caught:
        yamlio.parse(text, "evil.yaml")
    assert "not allowed" in caught.value.problems[0].message
    assert not marker.exists()
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n"
    with pytest.raises(InputError, match="aliases"):
        yamlio.parse(bomb, "bomb.yaml")


def test_malformed_yaml_names_line_and_column(fw):
    found = problems("format: sanctions-check/case@1\ncase:\n  id: x\n  title: 'unclosed\n", fw)
    assert found[0].line is not None and found[0].column is not None
    assert "quoted scalar" in found[0].message


def test_read_text_limits_and_encodings(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: 1\n" * 1000)
    with pytest.raises(InputError, match="over the 100-byte limit"):
        yamlio.read_text(big, max_bytes=100)
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"a: 1\n\x00\x01\x02")
    with pytest.raises(InputError, match="binary"):
        yamlio.read_text(binary)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"title: caf\xe9\n")
    with pytest.raises(InputError) as caught:
        yamlio.read_text(latin)
    assert caught.value.problems[0].line == 1 and caught.value.problems[0].column == 11
    bom = tmp_path / "bom.yaml"
    bom.write_bytes("\ufeffa: 1\r\nb: 2\r\n".encode())
    assert yamlio.parse(yamlio.read_text(bom), "bom.yaml") == {"a": 1, "b": 2}
