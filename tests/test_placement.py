"""The placement among coded past episodes, pure: who is a member of the library, the case left
out of its own placement, lower / level / higher as printed, the nearest by exact outlook with
their verdicts, and every count the sentence states equal to the list it summarises (hypothesis).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ROOT, examples
from sanctions_check import framework as framework_mod
from sanctions_check import history, placement
from sanctions_check.case import VERDICTS, Case, CaseHeader, Outcome
from sanctions_check.numbers import whole
from sanctions_check.placement import Member, Reference
from sanctions_check.render import placement_view
from sanctions_check.scoring import assess

FW = framework_mod.load(ROOT / "factors.yaml")
PROPERTY = settings(max_examples=examples(300), deadline=None)


def member(ident: str, outlook: float, verdict: str = "effective") -> Member:
    return Member(ident, ident.title(), f"/library/{ident}.yaml", outlook, verdict)  # type: ignore[arg-type]


def library(*members: Member) -> Reference:
    return Reference(tuple(sorted(members, key=lambda m: m.case_id)), ())


def scored(ident: str, **header: object) -> object:
    """A real episode answered on one question, with an outcome unless told otherwise."""
    outcome = header.pop("outcome", Outcome(verdict="partly"))
    answers = header.pop("answers", {"exposure": {"financial_ties": _answer(3)}})
    case = Case(
        CaseHeader(ident, ident, **header),  # type: ignore[arg-type]
        FW.ref,
        answers,  # type: ignore[arg-type]
        {},
        source=f"/library/{ident}.yaml",
        outcome=outcome,  # type: ignore[arg-type]
    )
    return assess(FW, case)


def _answer(level: int) -> object:
    from sanctions_check.case import Answer

    return Answer(level)


# --- the library's members ------------------------------------------------------------------------


def test_members_are_real_judged_scored_episodes_within_the_definition():
    found = placement.reference(
        [
            scored("kept"),
            scored("invented", hypothetical=True),
            scored("current", outcome=None),
            scored("blank", answers={}),
            scored("embargo", scope="arms-embargo-only"),
            scored("threatened", scope="threat-only"),
        ]
    )
    assert [m.case_id for m in found.members] == ["kept", "threatened"]
    assert {(e.case_id, e.reason) for e in found.left_out} == {
        ("invented", "hypothetical"),
        ("current", "no-outcome"),
        ("blank", "no-outlook"),
        ("embargo", "out-of-scope"),
    }


def test_the_bundled_library_leaves_out_the_hypothetical_and_the_arms_embargo():
    found = history.load([str(history.default_library())], FW, 1 << 21)
    reference = placement.reference(found.assessments)
    left = {e.case_id: e.reason for e in reference.left_out}
    assert left == {"aldovia-2025": "hypothetical", "rwanda-1994": "out-of-scope"}
    assert len(reference.members) == len(found.assessments) - 2


# --- placing one outlook --------------------------------------------------------------------------


def test_lower_level_higher_compare_the_whole_numbers_as_printed():
    lib = library(member("a", 49.4), member("b", 49.6), member("c", 50.4), member("d", 50.6))
    placed = placement.place(50.0, "case", lib)
    # 49.6 and 50.4 print as 50, level with the case's 50; 49.4 prints 49, 50.6 prints 51
    assert (placed.lower, placed.level, placed.higher) == (("a",), ("b", "c"), ("d",))


def test_the_case_itself_is_left_out_of_its_own_placement():
    lib = library(member("a", 40), member("self", 55), member("b", 60))
    placed = placement.place(55.0, "self", lib)
    assert placed.among == ("a", "b") and placed.itself == ("/library/self.yaml",)
    assert "self" not in [n.case_id for n in placed.nearest]


def test_nearest_by_exact_outlook_ties_to_the_id_first_alphabetically():
    lib = library(
        member("zeta", 52.0, "ineffective"),
        member("alpha", 48.0, "effective"),
        member("mid", 50.2, "partly"),
        member("far", 90.0, "unclear"),
        member("beta", 52.0, "effective"),
        member("gamma", 48.0, "ineffective"),
    )
    placed = placement.place(50.0, "case", lib, k=4)
    # 0.2 first; then four at 2.0, taken alphabetically: alpha, beta, gamma (zeta is fifth)
    assert [n.case_id for n in placed.nearest] == ["mid", "alpha", "beta", "gamma"]
    assert placed.verdicts() == {
        "effective": ("alpha", "beta"),
        "partly": ("mid",),
        "ineffective": ("gamma",),
        "unclear": (),
    }


@pytest.mark.parametrize(
    ("outlook", "scored_", "members", "status"),
    [
        (None, True, 2, "no-outlook"),
        (50.0, False, 2, "no-outlook"),
        (50.0, True, 0, "no-episodes"),
    ],
)
def test_not_placed_and_why(outlook, scored_, members, status):
    lib = library(*(member(f"m{i}", 40 + i) for i in range(members)))
    placed = placement.place(outlook, "case", lib, scored=scored_)
    assert placed.status == status
    assert placed.lower == placed.level == placed.higher == placed.nearest == ()


def test_a_case_with_nothing_answered_is_not_placed():
    result = scored("blank", answers={})
    placed = placement.place_assessment(result, library(member("a", 50)))
    assert placed.status == "no-outlook"
    assert placement_view.build(placed, bundled=True).text.startswith("Not placed")


def test_placement_never_changes_the_outlook():
    """Nothing is fitted: the outlook is computed before and without the library."""
    result = scored("x")
    before = result.outlook
    placement.place_assessment(result, library(member("a", 10), member("b", 90)))
    assert assess(FW, result.case).outlook == before


# --- every count the sentence states equals its list ---------------------------------------------


verdict = st.sampled_from(VERDICTS)
outlooks = st.floats(min_value=0, max_value=100, allow_nan=False)


@st.composite
def libraries(draw) -> Reference:
    count = draw(st.integers(0, 30))
    members = [
        member(
            f"e{i:02d}",
            draw(st.one_of(outlooks, st.sampled_from([49.5, 50.0, 50.5]))),
            draw(verdict),
        )
        for i in range(count)
    ]
    return library(*members)


NUMBER = r"(\d+|none|all)"


def _said(text: str) -> dict[str, int]:
    """The counts the placement sentence states, read back from its words."""
    said: dict[str, int] = {}
    everything = re.match(r"(Higher|Lower|Level) (?:than |with )?all (\d+)", text)
    one = re.match(r"(Higher|Lower|Level) (?:than |with )?the one coded", text)
    if everything or one:
        word = (everything or one).group(1)  # type: ignore[union-attr]
        among = int(everything.group(2)) if everything else 1
        said = {"among": among, "lower": 0, "level": 0, "higher": 0}
        said[{"Higher": "lower", "Lower": "higher", "Level": "level"}[word]] = among
    else:
        head = re.match(rf"Higher than {NUMBER} of (\d+) coded past episodes?", text)
        assert head, text
        said["lower"] = 0 if head.group(1) == "none" else int(head.group(1))
        said["among"] = int(head.group(2))
        level = re.search(r", level with (\d+)", text)
        said["level"] = int(level.group(1)) if level else 0
        higher = re.search(rf", lower than {NUMBER}\.", text)
        assert higher, text
        said["higher"] = 0 if higher.group(1) == "none" else int(higher.group(1))
    nearest = re.search(r"The (?:(\d+) )?nearest by outlook: (.*)\.$", text)
    assert nearest, text
    said["nearest"] = int(nearest.group(1) or 1)
    for count, word, ids in re.findall(
        r"(\d+) (?:judged )?(\w+)(?: \(([^)]*)\))?", nearest.group(2)
    ):
        said[word] = int(count)
        assert int(count) == (len(ids.split(", ")) if ids else 0), (word, text)
    return said


@PROPERTY
@given(libraries(), outlooks, st.integers(1, 8))
def test_every_count_in_the_sentence_equals_its_list(lib, outlook, k):
    placed = placement.place(outlook, "case", lib, k=k)
    view = placement_view.build(placed, bundled=True)
    if not lib.members:
        assert placed.status == "no-episodes" and view.text.startswith("Not placed")
        return
    shown = whole(outlook)
    assert placed.lower == tuple(m.case_id for m in lib.members if whole(m.outlook) < shown)
    assert placed.level == tuple(m.case_id for m in lib.members if whole(m.outlook) == shown)
    assert placed.higher == tuple(m.case_id for m in lib.members if whole(m.outlook) > shown)
    said = _said(view.text)
    assert said["among"] == len(view.among) == len(lib.members)
    assert said["lower"] == len(view.episodes_lower)
    assert said["level"] == len(view.episodes_level)
    assert said["higher"] == len(view.episodes_higher)
    assert said["nearest"] == len(view.nearest) == min(k, len(lib.members))
    for count in view.verdicts:
        assert said[count.verdict] == count.number
        assert count.number == len(count.ids)
    assert sum(c.number for c in view.verdicts) == len(view.nearest)
    # the nearest really are nearest: nobody left out is closer than the farthest shown
    shown_ids = {n.id for n in view.nearest}
    farthest = max(abs(m.outlook - outlook) for m in lib.members if m.case_id in shown_ids)
    outside = [abs(m.outlook - outlook) for m in lib.members if m.case_id not in shown_ids]
    assert all(round(d, 6) >= round(farthest, 6) for d in outside)
    # the short form (the bottom line's) states the same counts without the ids
    # the bottom line's short form says the same counts, in the same order, without the ids
    no_ids = re.sub(r" \([^)]*\)", "", view.text)
    assert re.findall(r"\d+", no_ids) == re.findall(r"\d+", view.short)


@PROPERTY
@given(libraries(), outlooks)
def test_the_score_row_holds_the_same_lists(lib, outlook):
    placed = placement.place(outlook, "case", lib)
    row = placement.row(placed)
    assert row.episodes_lower == placed.lower and row.episodes_higher == placed.higher
    assert row.among == (len(lib.members) if lib.members else 0)
    assert [n.id for n in row.nearest] == [n.case_id for n in placed.nearest]
    assert sum(row.nearest_with(v) for v in VERDICTS) == len(row.nearest)
