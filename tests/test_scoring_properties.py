"""Properties of the scoring and of the summary's sentences, over random cases (hypothesis).

Every case is drawn on the bundled framework: any mix of answers 0-4 (half levels too, as a
panel's medians), unknown, n/a and unanswered, with or without a confidence, and risks with any
side unknown. Each conditional sentence of the summary is checked against facts computed here,
independently of scoring.py and of the renderers:

* unknown is neutral: answering an open question at its neutral value leaves the point outlook
  unchanged and only narrows the range; the range always holds the point score;
* bands: a band only when it is earned; "could be …" exactly when the range reaches other bands,
  naming only those; a core factor left unassessed never earns a band (let alone a better one
  than answering it all at the midpoint), and is named first as a limit; a gate the range cannot
  rule out is reported as unresolved;
* sentences: "would lift the cap" exactly when that one change raises the band (checked by
  re-scoring the changed case); "None raised" exactly when every red flag's range stays below the
  threshold; "Confidence not stated for N answers" with the true N; a strength is at least half
  answered and never also a limit; each gate's explanation appears once;
* risks: every risk not marked n/a is listed, the rated ones by their value, the open ones (an
  unknown side as "?", or left out of the file) with their reach;
* whole numbers in every human-readable figure.
"""

from __future__ import annotations

import math
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ROOT, examples
from sanctions_check import framework as framework_mod
from sanctions_check import render
from sanctions_check.case import Answer, Case, CaseHeader, RiskAnswer
from sanctions_check.render import report_markdown as markdown
from sanctions_check.render import report_view
from sanctions_check.scoring import assess

RUNS = int(os.environ.get("SANCTIONS_CHECK_FUZZ") or examples(150))
PROPERTY = settings(
    max_examples=max(RUNS // 3, 10),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FW = framework_mod.load(ROOT / "factors.yaml")
EPSILON = 1e-9
LEVELS = [0, 1, 2, 3, 4, 0.5, 1.5, 2.5, 3.5]
OPEN = (None, "unknown")
RANK = {b.id: i for i, b in enumerate(FW.bands)}


def _neutral(question: object) -> float:
    value = getattr(question, "neutral", None)
    return 2.0 if value is None else float(value)


def _is_level(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


answer_value = st.one_of(
    st.none(), st.just("unknown"), st.just("n/a"), st.sampled_from(LEVELS), st.sampled_from(LEVELS)
)
confidence = st.sampled_from([None, "low", "medium", "high"])
risk_side = st.sampled_from([None, "unknown", 0, 1, 2, 3, 4])


@st.composite
def cases(draw) -> Case:
    answers: dict[str, dict[str, Answer]] = {}
    for factor in FW.factors:
        if draw(st.integers(0, 5)) == 0:
            continue  # a factor nobody has looked at yet
        given: dict[str, Answer] = {}
        for question in factor.questions:
            value = draw(answer_value)
            if value is None and draw(st.booleans()):
                continue
            note = "Does not apply." if value == "n/a" else None
            given[question.id] = Answer(
                value,  # type: ignore[arg-type]  # a panel's half levels, as the contract allows
                draw(confidence) if _is_level(value) else None,
                note,
                (),
                draw(st.booleans()),
            )
        answers[factor.id] = given
    risks = {}
    for risk in FW.risks:
        if draw(st.booleans()):
            risks[risk.id] = RiskAnswer(
                draw(risk_side),
                draw(risk_side),
                None,
                "A note." if draw(st.booleans()) else None,
                (),
                draw(confidence),
                draw(st.booleans()),
            )
    purposes = tuple(draw(st.lists(st.sampled_from([p.id for p in FW.purposes]), unique=True)))
    header = CaseHeader("random", "Random case", purpose=purposes)
    return Case(header, FW.ref, answers, risks)


def factor_facts(case: Case, factor_id: str) -> tuple[float, float, float, int, int] | None:
    """Point, low, high, answered and applicable questions of one factor, from the definitions."""
    factor = FW.factor(factor_id)
    assert factor is not None
    given = case.answers.get(factor_id, {})
    total = known = assumed = open_weight = 0.0
    answered = applicable = 0
    for q in factor.questions:
        value = given[q.id].score if q.id in given else None
        if value == "n/a":
            continue
        applicable += 1
        total += q.weight
        if _is_level(value):
            answered += 1
            known += q.weight * float(value)  # type: ignore[arg-type]  # a level, checked above
        else:
            open_weight += q.weight
            assumed += q.weight * _neutral(q)
    if total == 0:
        return None
    return (
        25 * (known + assumed) / total,
        25 * known / total,
        25 * (known + 4 * open_weight) / total,
        answered,
        applicable,
    )


def shown(score: float) -> int:
    """The whole number a reader sees (half up): every threshold is compared with it."""
    return math.floor(score + 0.5)


def band_of(score: float) -> str:
    return [b.id for b in FW.bands if shown(score) >= b.min][-1]


def capped(score: float, closing: list[str]) -> str:
    band = band_of(score)
    for gate in FW.gates:
        if gate.id in closing and RANK[gate.cap] < RANK[band]:
            band = gate.cap
    return band


def gated(gate: framework_mod.Gate) -> list[str]:
    return [
        f.id
        for f in FW.factors
        if (gate.applies_to == "core" and f.kind == "core") or f.id == gate.applies_to
    ]


def expected_band(case: Case) -> tuple[float, str]:
    """The point outlook and its band after the closed gates, from the definitions."""
    facts = {f.id: factor_facts(case, f.id) for f in FW.factors if f.kind != "red_flag"}
    scored = [(FW.factor(i).weight, v) for i, v in facts.items() if v is not None]  # type: ignore[union-attr]  # ids from FW
    point = sum(w * v[0] for w, v in scored) / sum(w for w, _ in scored)
    band = band_of(point)
    for gate in FW.gates:
        for fid in gated(gate):
            v = facts.get(fid)
            if v is not None and shown(v[0]) < gate.below and RANK[gate.cap] < RANK[band]:
                band = gate.cap
    return point, band


def with_score(case: Case, factor_id: str, question_id: str, value: object) -> Case:
    old = case.answer(factor_id, question_id)
    return case.with_answer(factor_id, question_id, old._replace(score=value))


# --- 1. unknown is neutral ---------------------------------------------------------------------


@PROPERTY
@given(cases(), st.data())
def test_answering_an_open_question_at_its_neutral_value_leaves_the_point_outlook(case, data):
    result = assess(FW, case)
    o = result.outlook
    assert o.score is not None
    assert o.low - EPSILON <= o.score <= o.high + EPSILON
    point, _ = expected_band(case)
    assert math.isclose(o.score, point, abs_tol=1e-7)
    open_questions = [
        (f.id, q)
        for f in FW.factors
        if f.kind != "red_flag"
        for q in f.questions
        if case.answer(f.id, q.id).score in OPEN
    ]
    if not open_questions:
        return
    fid, question = data.draw(st.sampled_from(open_questions))
    after = assess(FW, with_score(case, fid, question.id, _neutral(question))).outlook
    assert after.score is not None
    assert math.isclose(after.score, o.score, abs_tol=1e-7)
    assert after.low >= o.low - EPSILON and after.high <= o.high + EPSILON


@PROPERTY
@given(cases())
def test_every_factor_matches_its_definition(case):
    result = assess(FW, case)
    for f in result.factors:
        facts = factor_facts(case, f.id)
        if facts is None:
            assert f.score is None and not f.applicable
            continue
        point, low, high, answered, applicable = facts
        assert f.score is not None and f.low is not None and f.high is not None
        assert math.isclose(f.score, point, abs_tol=1e-7)
        assert math.isclose(f.low, low, abs_tol=1e-7) and math.isclose(f.high, high, abs_tol=1e-7)
        assert (f.answered, f.questions) == (answered, applicable)


# --- 2. bands say their uncertainty ------------------------------------------------------------


@PROPERTY
@given(cases())
def test_the_headline_names_only_the_other_bands_the_range_reaches(case):
    result = assess(FW, case)
    o = result.outlook
    model = report_view.build(result, generated=None)
    if o.band is None:
        assert "; could be " not in model.outlook.text
        return
    assert o.band_low is not None and o.band_high is not None
    _, band = expected_band(case)
    assert o.band.id == band
    reached = [b.label for b in FW.bands[RANK[o.band_low.id] : RANK[o.band_high.id] + 1]]
    others = [label for label in reached if label != o.band.label]
    assert ("; could be " in model.outlook.text) == bool(others)
    if others:
        said = model.outlook.text.split("; could be ", 1)[1].split(":", 1)[0]
        named = [part for chunk in said.split(", ") for part in chunk.split(" or ")]
        assert named == others
        assert o.band.label not in named
    assert RANK[o.band_low.id] <= RANK[o.band.id] <= RANK[o.band_high.id]


@PROPERTY
@given(cases(), st.data())
def test_an_unassessed_core_factor_earns_no_better_band_than_midpoint_answers(case, data):
    core = [f for f in FW.factors if f.kind == "core"]
    factor = data.draw(st.sampled_from(core))
    answers = {k: v for k, v in case.answers.items() if k != factor.id}
    left_open = case._replace(answers=answers)
    at_midpoint = case._replace(
        answers={**answers, factor.id: {q.id: Answer(2) for q in factor.questions}}
    )
    a, b = assess(FW, left_open), assess(FW, at_midpoint)
    core_facts = {f.id: factor_facts(left_open, f.id) for f in FW.factors if f.kind == "core"}
    if core_facts[factor.id] is not None:  # applicable, and left with no informative answer
        assert a.outlook.band is None
        assert a.outlook.withheld is not None and factor.id in a.outlook.withheld.uninformed_core
    if a.outlook.band is not None and b.outlook.band is not None:
        assert RANK[a.outlook.band.id] <= RANK[b.outlook.band.id]
    # A core factor whose every question is n/a is not applicable (None), not unassessed.
    unassessed = [fid for fid, facts in core_facts.items() if facts is not None and facts[3] == 0]
    limits = [(lim.factor_id, lim.reason) for lim in a.outlook.limits]
    assert limits[: len(unassessed)] == [(fid, "not-assessed") for fid in unassessed]
    model = report_view.build(a)
    named = {lim.factor_id: lim.why for lim in model.limits[: len(unassessed)]}
    assert factor.id in named and named[factor.id].startswith("no informative answer")


@PROPERTY
@given(cases())
def test_a_gate_the_range_cannot_rule_out_is_unresolved(case):
    result = assess(FW, case)
    closed = {(g.id, g.factor_id) for g in result.outlook.gates}
    unresolved = {(g.id, g.factor_id) for g in result.outlook.unresolved_gates}
    for gate in FW.gates:
        for fid in gated(gate):
            facts = factor_facts(case, fid)
            if facts is None:
                assert (gate.id, fid) not in closed | unresolved
                continue
            point, low = facts[0], facts[1]
            assert ((gate.id, fid) in closed) == (shown(point) < gate.below)
            assert ((gate.id, fid) in unresolved) == (shown(low) < gate.below <= shown(point))


# --- 3. every sentence is true -----------------------------------------------------------------


@PROPERTY
@given(cases())
def test_would_lift_the_cap_only_when_that_one_change_lifts_the_band(case):
    result = assess(FW, case)
    band = result.outlook.band
    for lever in result.levers:
        after = assess(FW, with_score(case, lever.factor_id, lever.question_id, 4)).outlook
        assert after.score is not None
        lifted = (
            result.outlook.capped
            and band is not None
            and after.band is not None
            and RANK[after.band.id] > RANK[band.id]
        )
        assert lever.lifts_cap == lifted, lever
        assert math.isclose(lever.gain, after.score - (result.outlook.score or 0), abs_tol=1e-7)
    model = report_view.build(result)
    for lever in model.levers:
        assert ("would lift the cap" in lever.text) == lever.lifts_cap


@PROPERTY
@given(cases())
def test_none_raised_only_when_every_red_flag_is_ruled_out(case):
    model = report_view.build(assess(FW, case))
    flags = [f for f in FW.factors if f.kind == "red_flag"]
    highs = [factor_facts(case, f.id) for f in flags]
    ruled_out = all(h is None or shown(h[2]) < FW.red_flag_threshold for h in highs)
    says_none = model.red_flags_text is not None and model.red_flags_text.startswith("None raised")
    assert says_none == ruled_out
    open_names = [
        f.name
        for f, h in zip(flags, highs, strict=True)
        if h is not None
        and shown(h[2]) >= FW.red_flag_threshold
        and not (h[3] > 0 and shown(h[0]) >= FW.red_flag_threshold)
    ]
    if open_names:
        assert model.red_flags_text is not None
        assert model.red_flags_text.startswith("Not assessed: ")
        assert all(name in model.red_flags_text for name in open_names)


@PROPERTY
@given(cases())
def test_confidence_not_stated_counts_exactly_the_answers_without_one(case):
    model = report_view.build(assess(FW, case))
    count = sum(
        1
        for f in FW.factors
        for q in f.questions
        if _is_level(case.answer(f.id, q.id).score) and case.answer(f.id, q.id).confidence is None
    )
    count += sum(
        1
        for r in case.risks.values()
        if not r.is_empty and r.value is not None and r.confidence is None
    )
    assert model.confidence_not_stated == count
    if count:
        plural = "answer" if count == 1 else "answers"
        assert model.confidence_text == f"Confidence not stated for {count} {plural}."
        assert model.gaps_none != "None: every question answered with at least medium confidence."
    else:
        assert model.confidence_text is None


@PROPERTY
@given(cases())
def test_a_strength_is_half_answered_and_never_a_limit(case):
    result = assess(FW, case)
    limits = {lim.factor_id for lim in result.outlook.limits}
    for strength in result.strengths:
        facts = factor_facts(case, strength.id)
        assert facts is not None
        assert 2 * facts[3] >= facts[4], strength.id  # at least half its questions answered
        assert strength.id not in limits


@PROPERTY
@given(cases())
def test_each_gate_explanation_appears_once(case):
    result = assess(FW, case)
    if not (result.outlook.gates or result.outlook.unresolved_gates):
        return
    text = render.text(
        "report",
        "markdown",
        report_view.ReportPage(report_view.build(result, with_answers=False), "case.yaml"),
    )
    for gate in FW.gates:
        assert text.count(markdown.text(gate.reason)) <= 1


# --- 4. risks keep their range -----------------------------------------------------------------


@PROPERTY
@given(cases())
def test_every_risk_is_listed_rated_by_value_or_open_with_its_reach(case):
    model = report_view.build(assess(FW, case))
    not_applicable = {rid for rid, r in case.risks.items() if r.not_applicable}
    listed = [*model.risks, *model.risks_open]
    assert {r.id for r in listed} == {r.id for r in FW.risks} - not_applicable  # none dropped
    for risk in listed:
        answer = case.risk(risk.id)
        spans = [(v, v) if _is_level(v) else (0, 4) for v in (answer.likelihood, answer.severity)]
        assert (risk.low, risk.high) == (
            shown(spans[0][0] * spans[1][0]),
            shown(spans[0][1] * spans[1][1]),
        )
        if risk.value is None:
            assert "?" in risk.text and f"→ {risk.low}–{risk.high} (open" in risk.text
    assert all(r.value is not None for r in model.risks)
    assert all(r.value is None for r in model.risks_open)
    values = [r.value for r in model.risks]
    assert values == sorted(values, reverse=True)
    reach = [(r.high, r.low) for r in model.risks_open]
    assert reach == sorted(reach, reverse=True)


# --- 5. whole numbers --------------------------------------------------------------------------

DECIMAL = re.compile(r"\d[.,]\d")


@PROPERTY
@given(cases())
def test_every_human_readable_figure_is_a_whole_number(case):
    model = report_view.build(assess(FW, case))
    texts = [
        model.outlook.text,
        *model.outlook.gate_texts,
        *(f.score_text for f in model.factors),
        *(lim.why for lim in model.limits),
        *(r.text for r in model.risks),
        model.red_flags_text or "",
        model.confidence_text or "",
    ]
    texts += [lv.text.split(", now ")[0] + lv.text.split(" of 4")[-1] for lv in model.levers]
    for text in texts:
        assert not DECIMAL.search(text), text
