"""Retrospective coding in the case file: as_of, implementers, n/a, hindsight, references, outcome.

Each field round-trips through save and load, and each mistake is reported with its field.
"""

from __future__ import annotations

import textwrap

import pytest

from helpers import MINI
from sanctions_check import case as case_mod
from sanctions_check import framework as framework_mod
from sanctions_check.errors import InputError

FULL = """\
format: sanctions-check/case@1
case:
  id: past-2011
  title: A past episode
  assessed_on: "2026-11-30"
  as_of: "2011-03-30"
  purpose: [coerce]
  implementers: [United States, European Union]
  situation: Facts as known then [AA].
framework: mini@2
answers:
  alpha:
    a1:
      score: n/a
      note: The measures include no asset freeze [AA].
    a2:
      score: 3
      hindsight: true
      note: Known only from a later report [BB].
      sources: [CC]
risks:
  harm:
    likelihood: 2
    severity: unknown
    confidence: low
    hindsight: true
references:
  AA: https://example.org/a
  BB: Author, Title (Publisher, 2012)
outcome:
  verdict: partly
  by_purpose:
    coerce: ineffective
  tsc_policy_outcome: 2
  tsc_sanctions_contribution: 1
  quote: "sanctions were not credited"
  sources: [AA]
"""


@pytest.fixture(scope="module")
def fw():
    return framework_mod.load(MINI)


def load(text: str, fw) -> case_mod.Case:
    return case_mod.loads(textwrap.dedent(text), fw, "case.yaml")


def messages(text: str, fw) -> list[str]:
    with pytest.raises(InputError) as caught:
        load(text, fw)
    return [f"{p.field}: {p.message}" for p in caught.value.problems]


def test_every_retrospective_field_loads(fw):
    case = load(FULL, fw)
    assert case.header.as_of == "2011-03-30"
    assert case.header.implementers == ("United States", "European Union")
    a1, a2 = case.answer("alpha", "a1"), case.answer("alpha", "a2")
    assert a1.score == case_mod.NOT_APPLICABLE and a1.not_applicable and not a1.answered
    assert a2.hindsight and a2.score == 3
    harm = case.risk("harm")
    assert (harm.confidence, harm.hindsight, harm.value) == ("low", True, None)
    assert case.references == {
        "AA": "https://example.org/a",
        "BB": "Author, Title (Publisher, 2012)",
    }
    assert case.outcome == case_mod.Outcome(
        "partly", {"coerce": "ineffective"}, 2, 1, "sanctions were not credited", ("AA",)
    )


def test_a_key_cited_but_not_defined_is_a_warning_naming_it(fw):
    case = load(FULL, fw)
    [warning] = case.warnings
    assert warning.field == "references" and "CC" in warning.message
    assert "AA" not in warning.message and "BB" not in warning.message


def test_no_references_table_means_no_citation_warning(fw):
    text = FULL.split("references:")[0]
    assert load(text, fw).warnings == ()


def test_round_trip_keeps_every_field(fw):
    case = load(FULL, fw)
    again = case_mod.loads(case_mod.dumps(case, fw), fw, "again.yaml")
    assert again._replace(source="case.yaml", warnings=case.warnings) == case


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "      score: n/a\n      note: The measures include no asset freeze [AA].\n",
            "      score: n/a\n",
            "a1.score: n/a (the question does not apply",
        ),
        ('  as_of: "2011-03-30"', '  as_of: "30 March 2011"', "case.as_of: expected a date"),
        ("  verdict: partly", "  verdict: worked", "outcome.verdict: expected one of"),
        ("    coerce: ineffective", "    coerse: ineffective", "did you mean 'coerce'?"),
        ("  tsc_policy_outcome: 2", "  tsc_policy_outcome: 7", "outcome.tsc_policy_outcome: 7"),
        ("  AA: https://example.org/a", "  A A: https://example.org/a", "references.A A"),
        ("      hindsight: true", "      hindsight: yes", "a2.hindsight"),
        ("    confidence: low", "    confidence: sure", "harm.confidence"),
        ("  verdict: partly\n", "", "outcome: missing required key 'verdict'"),
        ("    likelihood: 2", "    likelihood: n/a", "harm.likelihood: n/a (the risk cannot arise"),
    ],
)
def test_each_mistake_is_reported_with_its_field(fw, old, new, expected):
    assert old in FULL
    found = messages(FULL.replace(old, new), fw)
    assert any(expected in m for m in found), found


def test_bare_na_shorthand_needs_a_note(fw):
    text = FULL.replace(
        "    a1:\n      score: n/a\n      note: The measures include no asset freeze [AA].\n",
        "    a1: n/a\n",
    )
    assert any("needs a note" in m for m in messages(text, fw))


def test_an_older_major_version_warns_with_the_real_file_in_the_command(cli, tmp_path):
    """A file answered against an older major version scores, and the warning names the
    questions that differ and the command to revise this very file."""
    old = tmp_path / "old case.yaml"
    old.write_text(
        textwrap.dedent(FULL).replace("framework: mini@2", "framework: mini@1"), encoding="utf-8"
    )
    result = cli("validate", "--framework", MINI, old)
    assert result.exit_code == 0, result.output
    assert "answered against mini@1, scored against mini@2" in result.stderr
    assert f"assess --resume '{old}'" in result.stderr
