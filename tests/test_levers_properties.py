"""Properties over random cases on the bundled framework (hypothesis): a condition of the target or
context is never offered as a lever, levers follow the stated purposes, and a risk marked n/a is
neither rated nor open, but listed as not applicable."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sanctions_check.case import NOT_APPLICABLE, RiskAnswer
from sanctions_check.render import report_view
from sanctions_check.scoring import assess
from test_scoring_properties import FW, PROPERTY, cases

QUESTIONS = {(f.id, q.id): q for f in FW.factors for q in f.questions}


@st.composite
def cases_with_na_risks(draw):
    case = draw(cases())
    risks = dict(case.risks)
    for risk in FW.risks:
        if draw(st.integers(0, 3)) == 0:
            risks[risk.id] = RiskAnswer(NOT_APPLICABLE, NOT_APPLICABLE, note="Cannot arise.")
    return case._replace(risks=risks)


@PROPERTY
@given(cases())
def test_a_lever_is_never_a_condition_and_bears_on_a_stated_purpose(case):
    purposes = set(case.header.purpose)
    for lever in assess(FW, case).levers:
        question = QUESTIONS[(lever.factor_id, lever.question_id)]
        assert question.role == "lever"
        if purposes and question.purposes is not None:
            assert purposes & set(question.purposes.ids)


@PROPERTY
@given(cases_with_na_risks())
def test_a_risk_marked_n_a_is_neither_rated_nor_open_nor_unrated(case):
    result = assess(FW, case)
    na = {r.id for r in result.risks_not_applicable}
    assert na == {rid for rid, r in case.risks.items() if r.not_applicable}
    assert not na & {r.id for r in result.risks}
    assert result.top_risk is None or result.top_risk.id not in na
    assert not na & {g.question_id for g in result.gaps if g.kind == "risk-open"}
    report = report_view.build(result)
    opened = {r.id for r in report.risks_open}
    assert not na & opened
    rated = {r.id for r in report.risks}
    assert {r.id for r in report.risks_not_applicable} == na
    assert rated | opened | na == {r.id for r in FW.risks}
    assert len(rated) + len(opened) + len(na) == len(FW.risks)
