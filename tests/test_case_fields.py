"""Every case-file field given a value of the wrong type: the file is invalid, never a traceback.

One row per key the case spec allows (a test checks that no key is left out), each run through
the real CLI against a copy of ``tests/data/full-case.yaml`` (every key given once) in which that
one value is replaced; the expected line is found with PyYAML's own composer.
"""

from __future__ import annotations

import re

import pytest
import yaml

from helpers import DATA, MINI, write
from hostile import assert_clean_failure
from sanctions_check import case as case_mod
from sanctions_check import framework as framework_mod
from sanctions_check.checks import spec_paths
from test_framework_fields import find, steps

FULL = DATA / "full-case.yaml"
TEXT = FULL.read_text(encoding="utf-8")

NOT_TEXT = ("42", "expected text, found the number 42; put it in quotes")
LIST_NOT_TEXT = ("[1, 2]", "expected text, found a list")
NOT_TEXTS = ("{a: 1}", "expected a list of texts, found a mapping")
NOT_BOOLEAN = ("yes", "expected true or false, found the text 'yes' (only true and false")
NOT_DATE = ("2011-02-30", "expected a date as YYYY-MM-DD, found '2011-02-30'")
NOT_SCORE = ("high", "expected 0, 1, 2, 3, 4")
NOT_CONFIDENCE = ("sure", "expected one of low, medium, high, found the text 'sure'")
NOT_MAPPING = ("42", "found the number 42")

A2 = "answers.alpha.a2"

ROWS: list[tuple[str, tuple[str, str]]] = [
    ("format", ("42", "expected 'sanctions-check/case@1', found the number 42")),
    ("case", ("[1, 2]", "expected the case header (a mapping with id, title, ...), found a list")),
    ("case.id", ("Not An Id", "'Not An Id' is not a valid id")),
    ("case.title", LIST_NOT_TEXT),
    ("case.country", NOT_TEXT),
    ("case.assessed_on", NOT_DATE),
    ("case.as_of", NOT_TEXT),
    ("case.analyst", NOT_TEXT),
    ("case.hypothetical", NOT_BOOLEAN),
    ("case.purpose", NOT_TEXTS),
    ("case.purpose", ("[coerse]", "unknown purpose 'coerse' (did you mean 'coerce'?)")),
    ("case.situation", NOT_TEXT),
    ("case.measures", LIST_NOT_TEXT),
    ("case.implementers", NOT_TEXTS),
    ("case.scope", NOT_TEXT),
    ("case.scope", ("threat", "unknown case scope 'threat' (did you mean 'threat-only'?)")),
    ("case.sources", NOT_TEXTS),
    ("framework", NOT_TEXT),
    ("answers", ("[1, 2]", "expected a mapping of factor ids to answers, found a list")),
    ("answers.alpha", ("3", "expected a mapping of question ids to answers, found the number 3")),
    (A2, ("[1, 2]", "expected a score (0-4 or unknown) or a mapping with 'score', found a list")),
    (f"{A2}.score", ("7", "7 is out of range: use 0, 1, 2, 3, 4, unknown or n/a")),
    (f"{A2}.score", NOT_SCORE),
    (f"{A2}.confidence", NOT_CONFIDENCE),
    (f"{A2}.note", NOT_TEXT),
    (f"{A2}.sources", NOT_TEXTS),
    (f"{A2}.hindsight", NOT_BOOLEAN),
    ("risks", ("[1, 2]", "expected a mapping of risk ids to ratings, found a list")),
    ("risks.harm", ("3", "expected a mapping with likelihood, severity, mitigation, note")),
    ("risks.harm.likelihood", ("n/a", "applies to the whole risk: write both 'likelihood: n/a'")),
    ("risks.harm.likelihood", ("likely", "expected 0, 1, 2, 3, 4, unknown or n/a, found the text")),
    ("risks.harm.severity", NOT_SCORE),
    ("risks.harm.confidence", NOT_CONFIDENCE),
    ("risks.harm.mitigation", LIST_NOT_TEXT),
    ("risks.harm.note", NOT_TEXT),
    ("risks.harm.sources", NOT_TEXTS),
    ("risks.harm.hindsight", NOT_BOOLEAN),
    ("references", ("[1, 2]", "expected a mapping of source keys to URLs or citations")),
    ("references.AA", NOT_TEXT),
    ("outcome", ("[1, 2]", "expected the outcome block (a mapping with verdict")),
    ("outcome.verdict", ("worked", "expected one of effective, partly, ineffective, unclear")),
    ("outcome.by_purpose", ("[1, 2]", "expected a mapping of purpose ids to verdicts")),
    ("outcome.by_purpose.coerce", ("yes", "expected one of effective, partly")),
    ("outcome.tsc_policy_outcome", ("2.5", "expected a whole number, found the number 2.5")),
    ("outcome.tsc_sanctions_contribution", ("6", "6 is out of range (must be from 1 to 5)")),
    ("outcome.quote", NOT_TEXT),
    ("outcome.sources", NOT_TEXTS),
    ("outcome.note", LIST_NOT_TEXT),
    ("judgement", ("[1, 2]", "expected the judgement (a mapping with view, reason and date)")),
    ("judgement.view", ("probably", "expected one of likely, could, unlikely, cannot-judge")),
    ("judgement.view", ("likley", "found the text 'likley' (did you mean 'likely'?)")),
    ("judgement.reason", NOT_TEXT),
    ("judgement.reason", ('""', "a judgement needs its reason")),
    ("judgement.date", NOT_DATE),
]


def replaced(dotted: str, wrong: str) -> tuple[str, int]:
    named, value = find(yaml.compose(TEXT), steps(dotted))
    start, end = value.start_mark.index, value.end_mark.index
    keep = re.search(r"\n[ ]*$", TEXT[start:end])
    text = TEXT[:start] + wrong + (keep.group(0) if keep else "") + TEXT[end:]
    return text, named.start_mark.line + 1


def test_the_full_case_is_valid_and_round_trips():
    framework = framework_mod.load(MINI)
    case = case_mod.load(FULL, framework)
    assert case.warnings == ()
    again = case_mod.loads(case_mod.dumps(case, framework), framework, str(FULL))
    assert again == case


def test_every_key_of_the_spec_has_a_row():
    def general(dotted: str) -> tuple[str | int, ...]:
        dotted = re.sub(r"^answers\.alpha\.a2\.", "answers.*.*.", dotted)
        return steps(re.sub(r"^risks\.harm\.", "risks.*.", dotted))

    covered = {general(dotted) for dotted, _ in ROWS}
    missing = [p for p in spec_paths(case_mod.CASE) if p not in covered]
    assert not missing, missing


@pytest.mark.parametrize(("dotted", "wrong"), ROWS, ids=[f"{p}={w[0]}" for p, w in ROWS])
def test_a_field_of_the_wrong_type_makes_the_case_invalid(cli, tmp_path, dotted, wrong):
    value, fragment = wrong
    text, line = replaced(dotted, value)
    path = write(tmp_path / "bad.yaml", text)
    stderr = assert_clean_failure(cli("validate", path, "--framework", MINI), 1, path, line)
    assert f"error: {dotted}" in stderr and fragment in stderr, stderr


@pytest.mark.parametrize(
    ("score", "answered"),
    [
        (0, True),
        (4, True),
        (2.5, True),
        (True, False),
        ("unknown", False),
        ("n/a", False),
        (None, False),
    ],
)
def test_an_answer_counts_as_answered_with_any_level(score, answered):
    assert case_mod.Answer(score=score).answered is answered
