"""The outcome section of the report: each quotation once.

An outcome's `quote` is usually quoted again in its `note`, in a sentence with its source; the
report then gives the note and not the quote on its own, so no bullet repeats another.
"""

from __future__ import annotations

import re

import pytest

from helpers import EXAMPLES
from sanctions_check import batch, framework
from sanctions_check.render import report_view
from sanctions_check.scoring import assess

QUOTED = re.compile(r"[“\"]([^”\"]{3,})[”\"]")


FW = framework.load(None)


def _outcome(path, **change):
    fw = FW
    case = batch.read_case(str(path), fw, 2 * 1024 * 1024)
    if change:
        case = case._replace(outcome=case.outcome._replace(**change))
    return report_view.build(assess(fw, case), with_answers=False).outcome


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_no_quotation_is_repeated_in_the_outcome(path):
    outcome = _outcome(path)
    if outcome is None:
        pytest.skip("no outcome")
    quotations = [q for detail in outcome.details for q in QUOTED.findall(detail)]
    assert len(quotations) == len(set(quotations)), outcome.details
    if outcome.quote:  # still given, once
        assert sum(outcome.quote in d for d in outcome.details) == 1, outcome.details


def test_a_quote_the_note_does_not_give_keeps_its_own_bullet():
    outcome = _outcome(EXAMPLES / "south-sudan-2014.yaml", note="The sources disagree.")
    assert "“at best benign”" in outcome.details
    assert "The sources disagree." in outcome.details
