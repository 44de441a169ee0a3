"""The bundled framework keeps its own rules: every question marked as a lever or a condition and
for the measures it applies to, each with its rule in words, one owner per condition, insider
questions marked, and every bundled example answered against it without a warning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import EXAMPLES, ROOT
from sanctions_check import case as case_mod
from sanctions_check import framework as framework_mod
from sanctions_check import scoring

FW = framework_mod.load(ROOT / "factors.yaml")
QUESTIONS = [(f, q) for f in FW.factors for q in f.questions]
IDS = [f"{f.id}.{q.id}" for f, q in QUESTIONS]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("factor", "question"), QUESTIONS, ids=IDS)
def test_every_question_is_marked_and_states_its_rules(factor, question):
    assert question.role in framework_mod.ROLES
    assert question.applies_to is not None
    help_text = flat(question.help)
    assert "Not found is unknown" in help_text
    rule = FW.applies(question.applies_to)
    assert rule is not None
    if rule.not_applicable is None:
        assert "Applies whatever the measures" in help_text
    else:  # the help quotes the standard note an n/a answer carries
        assert flat(rule.not_applicable) in help_text
    if question.purposes is not None:
        assert question.purposes.reason.startswith("A design choice") or question.purposes.sources


def test_conditions_of_the_target_and_context_are_the_ones_named_as_such():
    conditions = {f"{f.id}.{q.id}" for f, q in QUESTIONS if not q.lever}
    assert conditions == {
        "exposure.financial_ties",
        "exposure.dollar_assets",
        "exposure.assets_abroad",
        "exposure.family_abroad",
        "exposure.limited_alternatives",
        "coordination.patrons",
        "target_reputation.reputation_sensitivity",
        "ideological_target.ideology",
        "alternative_resources.resource_revenue",
    }


def test_insider_questions():
    assert set(FW.insider_questions) == {
        ("commitment", "staff_resources"),
        ("well_informed", "context_knowledge"),
        ("communication", "private_sector_guidance"),
        ("multiple_tools", "broader_strategy"),
    }


def test_every_condition_has_one_owner_and_is_pointed_to():
    pointed = {c for _, q in QUESTIONS for c in q.see} | {c for r in FW.risks for c in r.see}
    assert {c.id for c in FW.conditions} == pointed
    owners = [c.owner for c in FW.conditions]
    assert len(owners) == len(set(owners))


def test_every_risk_states_its_scope_and_applicability():
    for risk in FW.risks:
        assert risk.applies_to is not None
        help_text = flat(risk.help)
        assert "Rate the targeted measures the case is about" in help_text
        rule = FW.applies(risk.applies_to)
        assert rule is not None
        if rule.not_applicable is not None:
            assert "rate it n/a" in help_text


def test_the_migration_from_2_names_every_question_and_risk_that_left():
    migration = FW.migration("2")
    assert migration is not None
    removed = {c.ref for c in migration.questions if c.change == "removed"}
    assert removed == {"coordination.evasion_routes"}
    assert {c.ref for c in migration.risks if c.change == "removed"} == {"evasion_asset_flight"}


def test_every_cited_source_key_is_defined_and_every_defined_one_is_cited():
    text = (ROOT / "factors.yaml").read_text(encoding="utf-8")
    defined = {s.key for s in FW.sources}
    cited = set(re.findall(r"^\s*-\s*([a-z0-9-]+)\s*$", text, re.M)) & defined
    cited |= {k for line in re.findall(r"sources: \[([^\]]*)\]", text) for k in line.split(", ")}
    assert defined <= cited, defined - cited


EXAMPLE_FILES = sorted(Path(EXAMPLES).glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
def test_every_bundled_example_is_answered_against_this_version_without_a_warning(path):
    case = case_mod.load(path, FW)
    assert case.framework_ref == FW.ref
    assert case.warnings == ()
    lead = case.header.implementers[0] if case.header.implementers else ""
    un_backing = case.answer("coordination", "un_backing")
    if lead == "UN Security Council":
        assert un_backing.not_applicable  # the UN is not counted twice
    assessment = scoring.assess(FW, case)
    assert all(
        lv.question_id in {q.id for _, q in QUESTIONS if q.lever} for lv in assessment.levers
    )


def test_rwanda_is_marked_outside_the_definition():
    case = case_mod.load(Path(EXAMPLES) / "rwanda-1994.yaml", FW)
    assert case.header.scope == "arms-embargo-only"
    scope = FW.case_scope("arms-embargo-only")
    assert scope is not None and scope.outside_definition


def test_a_file_answered_against_2_0_still_scores_and_is_told_what_changed(tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text(
        "format: sanctions-check/case@1\n"
        "case: {id: old, title: Old}\n"
        "framework: targeted-sanctions@2\n"
        "answers:\n"
        "  exposure: {financial_ties: 3}\n"
        "  coordination: {un_backing: 3, evasion_routes: 1}\n"
        "  communication: {off_ramp: 0}\n"
        "risks:\n"
        "  evasion_asset_flight: {likelihood: 3, severity: 3}\n"
        "  humanitarian_harm: {likelihood: 2, severity: 2}\n",
        encoding="utf-8",
    )
    case = case_mod.load(old, FW)
    answers, risks = case.warnings
    assert answers.message.startswith(
        "answered against targeted-sanctions@2, scored against targeted-sanctions@3 (version "
        f"{FW.version}); changed in meaning, so review these answers: exposure.financial_ties, "
        "coordination.un_backing, communication.off_ramp; removed from this version, ignored: "
        "coordination.evasion_routes; unanswered against this version:"
    )
    assert "removed from this version, ignored: evasion_asset_flight (" in risks.message
    assert "changed in meaning, so review these ratings: humanitarian_harm" in risks.message
    assert scoring.assess(FW, case).outlook.score is not None
