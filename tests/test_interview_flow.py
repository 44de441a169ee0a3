"""The interview driven through its REAL questionary prompts, fed by prompt_toolkit's pipe input.

Every key sequence is sent up front and the pipe is then closed, so a prompt the test did not
expect ends in EOFError (the interview's interrupt path) instead of hanging.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import questionary
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from helpers import MINI, write
from sanctions_check import case as case_mod
from sanctions_check import flow, interview, scoring
from sanctions_check.case import Answer, CaseHeader
from sanctions_check.errors import UsageError
from sanctions_check.framework import load as load_framework
from sanctions_check.render.wording import assess as wording

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
CTRL_C = "\x03"
CTRL_D = "\x04"
TODAY = "2024-05-01"

# Title, country, as-of date, id (the proposal), real or hypothetical (real), implementers,
# analyst, situation, measures, purposes (tick the first).
HEADER = [
    "Test Land 2024" + ENTER,
    "Testland" + ENTER,
    ENTER,
    ENTER,
    ENTER,
    ENTER,
    ENTER,
    ENTER,
    ENTER,
    " " + ENTER,
]
SAVED = "testland-2024.yaml"  # the proposed id: the country and the title's year


def pick(key: str) -> str:
    """Choose a listed answer by its shortcut key (0-4, u, n, h, s, b), then confirm."""
    return key + ENTER


@pytest.fixture(scope="module")
def fw():
    return load_framework(MINI)


def drive(
    fw, keys: list[str], tmp_path: Path, width: int = 200, **kwargs
) -> tuple[interview.Outcome, str]:
    """Run the interview on the given keystrokes; returns the outcome and what was printed."""
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, force_terminal=False)
    with create_pipe_input() as pipe:
        pipe.send_text("".join(keys))
        pipe.close()
        with create_app_session(input=pipe, output=DummyOutput()):
            outcome = interview.run(fw, console=console, folder=tmp_path, today=TODAY, **kwargs)
    return outcome, out.getvalue()


def load(fw, path: Path) -> case_mod.Case:
    return case_mod.load(path, fw)


def test_full_run_saves_a_valid_case_and_shows_the_summary(fw, tmp_path, cli):
    keys = [
        *HEADER,
        pick("3"),
        pick("4"),
        pick("2"),
        pick("1"),
        pick("4"),
        pick("0"),
        pick("3"),
        pick("2"),
        pick("1"),
        pick("1"),
        pick("2"),  # the analyst's own judgement: could help
        "Allies act together: yes; exposure is low." + ENTER,  # its reason
    ]
    outcome, printed = drive(fw, keys, tmp_path)

    assert not outcome.interrupted
    assert outcome.path == tmp_path / SAVED
    saved = load(fw, outcome.path)
    assert saved.header.title == "Test Land 2024"
    assert saved.header.country == "Testland"
    assert saved.header.assessed_on == TODAY
    assert saved.header.purpose == ("coerce",)
    assert saved.framework_ref == "mini@2"
    scores = {(f, q): a.score for f, qs in saved.answers.items() for q, a in qs.items()}
    assert scores == {
        ("alpha", "a1"): 3,
        ("alpha", "a2"): 4,
        ("beta", "b1"): 2,
        ("beta", "b2"): 1,
        ("gamma", "g1"): 4,
        ("flag", "f1"): 0,
    }
    assert (saved.risk("harm").likelihood, saved.risk("harm").severity) == (3, 2)
    assert (saved.risk("evasion").likelihood, saved.risk("evasion").severity) == (1, 1)
    assert saved.judgement == case_mod.Judgement(
        "could", "Allies act together: yes; exposure is low.", TODAY
    )
    # The judgement is asked after the risks, and explained first.
    assert printed.index("Section 6/7 · Risk 2 of 2 · severity") < printed.index(
        "Section 7/7 · Your judgement"
    )
    assert "The outlook informs your judgement; it does not replace it." in printed
    # The factor panels name the factor's evidence before its questions.
    assert "Section 2/7 · Alpha (core factor)" in printed
    assert "cited by 12 of 15 practitioners" in printed
    assert "research evidence: weaker" in printed
    assert "Section 2/7 · Question 1 of 6" in printed
    assert "Section 6/7 · Risk 2 of 2 · severity" in printed
    # The advisory summary follows: alpha = 25 * (3*1 + 4*3) / 4 = 93.75 of 100.
    assert "Advisory summary" in printed
    assessment = scoring.assess(fw, saved)
    assert assessment.factor("alpha").score == 93.75
    summary = printed[printed.index("Advisory summary") :]
    assert assessment.outlook.band.label in summary
    assert f"{assessment.outlook.score:.0f}" in summary
    assert "6 of 6 questions answered, 2 of 2 risks rated" in printed
    result = cli("validate", "--framework", MINI, outcome.path)
    assert result.exit_code == 0, result.stderr


def test_going_back_revises_the_previous_answer_even_across_sections(fw, tmp_path):
    keys = [
        *HEADER,
        pick("1"),
        pick("2"),  # a1, a2
        pick("b"),  # at b1: back to a2
        pick("4"),  # a2 revised
        pick("b"),
        pick("b"),  # at b1 back to a2, at a2 back to a1
        pick("0"),  # a1 revised
        ENTER,  # a2 keeps its answer: the pointer starts on it
        CTRL_C,
    ]
    outcome, printed = drive(fw, keys, tmp_path)

    assert outcome.interrupted
    saved = load(fw, outcome.path)
    assert saved.answer("alpha", "a1").score == 0
    assert saved.answer("alpha", "a2").score == 4
    assert saved.answer("beta", "b1").score is None
    # Going back into Alpha does not repeat its panel; coming forward into Beta shows Beta's once
    # per forward entry.
    assert printed.count("Alpha (core factor)") == 1


def test_going_back_through_the_header_keeps_it(fw, tmp_path):
    keys = [
        "Old title" + ENTER,
        ENTER,  # country
        ENTER,  # as-of date
        ENTER,  # id: the proposal, title words and this year: old-title-2024
        pick("b"),  # at real/hypothetical: back to the id
        "<" + ENTER,  # at id, typed after the pre-filled id: back to the as-of date
        "<" + ENTER,  # back to the country
        UP,  # the up arrow goes back too, to the title
        "\x15New title" + ENTER,  # ctrl-u clears the pre-filled title
        ENTER,
        "2017-13-01" + ENTER,  # not a date: refused, the prompt stays
        "\x152017-08-25" + ENTER,
        ENTER,  # the id keeps its value
        pick("2"),  # hypothetical
        "European Union; UN Security Council" + ENTER,
        ENTER,
        ENTER,
        ENTER,
        "<",  # at purposes: back to measures
        UP,  # at measures: the up arrow goes back too, to situation
        "a crisis" + ENTER,
        ENTER,
        CTRL_D,
    ]
    outcome, _ = drive(fw, keys, tmp_path)

    saved = load(fw, outcome.path)
    assert saved.header.title == "New title"
    assert saved.header.id == "old-title-2024"  # the id was given before the title changed
    assert saved.header.as_of == "2017-08-25"
    assert saved.header.assessed_on == TODAY
    assert saved.header.hypothetical is True
    assert saved.header.implementers == ("European Union", "UN Security Council")
    assert saved.header.situation == "a crisis"
    assert outcome.path == tmp_path / "old-title-2024.yaml"


def test_unknown_answers_are_saved_and_widen_the_range(fw, tmp_path, cli):
    keys = [*HEADER, pick("u"), pick("4"), pick("u"), pick("u"), CTRL_C]
    outcome, _ = drive(fw, keys, tmp_path)

    saved = load(fw, outcome.path)
    assert saved.answer("alpha", "a1").score == "unknown"
    assert saved.answer("alpha", "a2").score == 4
    assert saved.answer("beta", "b2").score == "unknown"
    result = cli("score", "--framework", MINI, "--format", "json", outcome.path)
    assert result.exit_code == 0, result.stderr
    import json

    row = json.loads(result.stdout)["cases"][0]
    assert row["low"] < row["outlook"] <= row["high"]
    assert row["coverage"] < 1


def test_note_confidence_and_sources_cost_nothing_when_skipped(fw, tmp_path):
    keys = [
        *HEADER,
        pick("n"),
        "seen in [bold]report[/bold] X" + ENTER,
        pick("3"),  # confidence: high (digits, as for levels; h is always help)
        "https://example.org/x; Report Y, p. 3" + ENTER,
        pick("2"),  # then the score for a1
        pick("3"),  # a2: no details, one keypress plus Enter
        CTRL_C,
    ]
    outcome, printed = drive(fw, keys, tmp_path)

    saved = load(fw, outcome.path)
    assert saved.answer("alpha", "a1") == Answer(
        2, "high", "seen in [bold]report[/bold] X", ("https://example.org/x", "Report Y, p. 3")
    )
    assert saved.answer("alpha", "a2") == Answer(3)
    # Shown back as literal text, not as rich markup.
    assert "note: seen in [bold]report[/bold] X" in printed


def test_help_shows_the_question_help_and_advice_then_asks_again(fw, tmp_path):
    keys = [*HEADER, pick("h"), pick("1"), CTRL_C]
    outcome, printed = drive(fw, keys, tmp_path)

    assert "Look at a1." in printed
    assert "If the answer is low: Raise a1." in printed
    assert load(fw, outcome.path).answer("alpha", "a1").score == 1


def test_skip_leaves_a_question_unanswered_and_resume_starts_there(fw, tmp_path):
    keys = [*HEADER, pick("2"), pick("s"), pick("3"), CTRL_C]
    outcome, _ = drive(fw, keys, tmp_path)
    saved = load(fw, outcome.path)
    assert saved.answer("alpha", "a2").score is None
    assert saved.answer("beta", "b1").score == 3
    assert flow.first_unanswered(flow.plan(fw), saved) == flow.plan(fw).steps.index(
        next(s for s in flow.plan(fw).steps if s.question and s.question.id == "a2")
    )


def test_enter_alone_never_records_a_score(fw, tmp_path):
    outcome, _ = drive(fw, [*HEADER, ENTER, ENTER, CTRL_C], tmp_path)
    saved = load(fw, outcome.path)
    assert saved.answers == {}


@pytest.mark.parametrize("stop", [CTRL_C, CTRL_D, ""], ids=["ctrl-c", "ctrl-d", "end-of-input"])
def test_interrupt_at_a_question_keeps_every_answer(fw, tmp_path, stop, cli):
    outcome, _ = drive(fw, [*HEADER, pick("3"), pick("1"), stop], tmp_path)

    assert outcome.interrupted
    saved = load(fw, outcome.path)
    assert saved.answer("alpha", "a1").score == 3
    assert saved.answer("alpha", "a2").score == 1
    hint = interview.resume_hint(outcome, MINI)
    assert hint[0].startswith("Interrupted.")
    # The command on a line of its own: a terminal never splits it at its edge.
    assert hint[1].strip() == f"sanctions-check assess --resume {outcome.path} --framework {MINI}"
    assert all("\n" not in line for line in hint)
    assert cli("validate", "--framework", MINI, outcome.path).exit_code == 0


def test_interrupt_inside_the_details_keeps_the_note(fw, tmp_path):
    outcome, _ = drive(fw, [*HEADER, pick("n"), "half a thought" + ENTER, CTRL_C], tmp_path)
    saved = load(fw, outcome.path)
    assert saved.answer("alpha", "a1").note == "half a thought"
    assert saved.answer("alpha", "a1").score is None


@pytest.mark.parametrize("stop", [CTRL_C, CTRL_D, ""], ids=["ctrl-c", "ctrl-d", "end-of-input"])
@pytest.mark.parametrize("given", [1, 3], ids=["after-the-title", "at-the-id"])
def test_an_interrupt_before_the_id_is_accepted_writes_nothing(fw, tmp_path, stop, given):
    """The header typed before the id is a draft: the file is created when the id is accepted,
    so stopping before it leaves no file behind (not even one under the proposed id)."""
    keys = ["Côte d'Ivoire 2011" + ENTER, "Ivory" + ENTER, ENTER][:given]
    outcome, printed = drive(fw, [*keys, stop], tmp_path)
    assert outcome.interrupted and outcome.path is None and outcome.case is None
    assert list(tmp_path.iterdir()) == []
    if given == 3:
        assert "Enter accepts the proposal: ivory-2011" in printed
    assert "nothing was saved" in interview.resume_hint(outcome, None)[0]


def test_interrupt_before_any_answer_writes_nothing(fw, tmp_path):
    outcome, _ = drive(fw, [CTRL_C], tmp_path)
    assert outcome.interrupted and outcome.path is None
    assert list(tmp_path.iterdir()) == []
    assert "nothing was saved" in interview.resume_hint(outcome, None)[0]


def test_an_existing_file_is_never_replaced_nor_its_id_reused(fw, tmp_path):
    taken = write(tmp_path / SAVED, "someone else's file\n")
    keys = [
        *HEADER[:3],
        "testland-2024" + ENTER,  # the id of the existing file: refused, the prompt stays
        "\x15" + ENTER,  # cleared: Enter accepts the proposal, the next free id
        *HEADER[4:],
        pick("2"),
        CTRL_C,
    ]
    outcome, printed = drive(fw, keys, tmp_path)
    assert outcome.path == tmp_path / "testland-2024-2.yaml"
    assert load(fw, outcome.path).header.id == "testland-2024-2"  # file name and id agree
    assert taken.read_text() == "someone else's file\n"
    assert "Saving every answer in" in printed


def test_the_id_refuses_a_taken_name_and_says_how_to_resume(fw, tmp_path):
    write(tmp_path / "mine.yaml", "x\n")
    store = flow.Store(fw, folder=tmp_path)
    assert store.taken("mine") and not store.taken("other")
    message = wording.assess_id_taken("mine.yaml", "sanctions-check assess --resume mine.yaml")
    assert message[-1].strip() == "sanctions-check assess --resume mine.yaml"


def test_a_first_save_that_loses_a_race_takes_the_next_id_inside_the_file_too(fw, tmp_path):
    store = flow.Store(fw, folder=tmp_path)
    write(tmp_path / "t.yaml", "taken just now\n")
    saved = store.save(flow.new_case(fw, CaseHeader(id="", title="T"), "t", None))
    assert store.path == tmp_path / "t-2.yaml"
    assert saved.header.id == "t-2"
    assert load(fw, store.path).header.id == "t-2"


@pytest.mark.parametrize(
    ("title", "country", "as_of", "proposed"),
    [
        ("Republic of Aldovia 2025 (hypothetical)", "Aldovia", None, "aldovia-2025"),
        ("Myanmar: the Rohingya crisis", "Myanmar", "2017-08-25", "myanmar-2017"),
        ("Côte d'Ivoire 2011", None, None, "cote-d-ivoire-2011"),
        (
            "Post-election violence in the Central African Republic",
            None,
            None,
            "post-election-violence-2024",
        ),
        (
            "A crisis",
            "Bosnia and Herzegovina and the Federation",
            None,
            "bosnia-and-herzegovina-2024",
        ),
    ],
)
def test_proposed_ids_are_short_a_place_and_a_year(title, country, as_of, proposed):
    header = CaseHeader(id="", title=title, country=country, as_of=as_of)
    ident = flow.propose_id(header, TODAY)
    assert ident == proposed
    assert flow.valid_id(ident) and len(ident) <= 30


def test_out_refuses_an_existing_file_unless_forced(fw, tmp_path):
    target = write(tmp_path / "mine.yaml", "keep me\n")
    with pytest.raises(UsageError, match="--resume"):
        drive(fw, [], tmp_path, out=target)
    assert target.read_text() == "keep me\n"
    outcome, _ = drive(fw, [*HEADER, pick("4"), CTRL_C], tmp_path, out=target, force=True)
    assert outcome.path == target
    assert load(fw, target).answer("alpha", "a1").score == 4


def _partial(fw, tmp_path: Path) -> Path:
    outcome, _ = drive(fw, [*HEADER, pick("3"), pick("u"), CTRL_C], tmp_path)
    return outcome.path


def test_resume_continues_at_the_first_unanswered_question(fw, tmp_path, cli):
    path = _partial(fw, tmp_path)
    before = path.read_text()
    # Menu: Enter = "Continue at question 3 of 6"; then b1 .. evasion severity, no judgement.
    keys = [
        ENTER,
        pick("2"),
        pick("2"),
        pick("1"),
        pick("4"),
        pick("1"),
        pick("1"),
        pick("0"),
        pick("0"),
        pick("s"),
    ]
    outcome, printed = drive(fw, keys, tmp_path, resume=path)

    assert not outcome.interrupted
    assert outcome.path == path
    assert "2 of 6 questions answered, 0 of 2 risks rated" in printed
    assert "Next: question 3 of 6: Is b1 present?" in printed
    saved = load(fw, path)
    assert saved.answer("alpha", "a1").score == 3  # kept from the first session
    assert saved.answer("alpha", "a2").score == "unknown"
    assert saved.answer("beta", "b1").score == 2
    assert saved.answer("flag", "f1").score == 4
    assert saved.risk("evasion").severity == 0
    assert saved.header == case_mod.loads(before, fw, "before").header
    assert "Advisory summary" in printed
    assert cli("validate", "--framework", MINI, path).exit_code == 0


def test_resume_can_revise_an_earlier_section_then_finish(fw, tmp_path):
    path = _partial(fw, tmp_path)
    # Menu: down twice = "Review Alpha"; revise a2, keep a1... then back at the menu: finish.
    keys = [
        DOWN + DOWN + ENTER,
        ENTER,
        pick("1"),
        pick("f"),
    ]  # the menu's f: "Finish and show the summary"
    outcome, printed = drive(fw, keys, tmp_path, resume=path)

    assert not outcome.interrupted
    saved = load(fw, path)
    assert saved.answer("alpha", "a1").score == 3
    assert saved.answer("alpha", "a2").score == 1
    assert "Review Alpha (2/2 answered)" not in printed  # menu labels go to the prompt, not here
    assert "Advisory summary" in printed


def test_resume_going_back_from_a_reviewed_section_returns_to_the_menu(fw, tmp_path):
    path = _partial(fw, tmp_path)
    keys = [
        DOWN + DOWN + DOWN + ENTER,  # Review Beta
        pick("b"),  # back from its first question: the menu again
        ENTER,  # Continue at question 3/8 (b1)
        pick("2"),
        CTRL_C,
    ]
    outcome, _ = drive(fw, keys, tmp_path, resume=path)
    assert outcome.interrupted
    assert load(fw, path).answer("beta", "b1").score == 2


def test_resume_of_an_invalid_file_reports_located_problems(fw, tmp_path):
    from sanctions_check.errors import InputError

    bad = write(
        tmp_path / "bad.yaml",
        "format: sanctions-check/case@1\ncase:\n  id: x\n"
        "framework: mini@2\nanswers:\n  alpha:\n    a1: 7\n",
    )
    with pytest.raises(InputError) as caught:
        drive(fw, [], tmp_path, resume=bad)
    text = str(caught.value)
    assert "bad.yaml:2" in text and "title" in text
    assert "bad.yaml:7" in text and "out of range" in text


def test_resume_of_an_older_major_version_keeps_the_original(fw, tmp_path):
    old = write(
        tmp_path / "old.yaml",
        "format: sanctions-check/case@1\ncase:\n  id: old\n"
        "  title: Old\nframework: mini@1\nanswers:\n  alpha:\n    a1: 2\n"
        "    gone: 3\n",
    )
    original = old.read_text()
    outcome, printed = drive(fw, [pick("f")], tmp_path, resume=old)

    assert not outcome.interrupted
    assert (tmp_path / "old.orig.yaml").read_text() == original
    saved = load(fw, old)
    assert saved.framework_ref == "mini@2"
    assert saved.answer("alpha", "a1").score == 2
    assert "old.orig.yaml" in printed


def test_untrusted_case_text_is_shown_as_text(fw, tmp_path):
    path = write(
        tmp_path / "evil.yaml",
        "format: sanctions-check/case@1\ncase:\n  id: evil\n"
        '  title: "[red]Evil\\e]0;pwned\\a"\nframework: mini@2\nanswers:\n'
        '  alpha:\n    a1:\n      score: 1\n      note: "\\e[2J[link=x]y[/link]"\n',
    )
    keys = [DOWN + DOWN + ENTER, CTRL_C]  # review Alpha: a1 shows its note
    _, printed = drive(fw, keys, tmp_path, resume=path)
    assert "\x1b" not in printed and "\x07" not in printed
    assert "[red]Evil" in printed
    assert "note: [link=x]y[/link]" in printed


def test_the_flow_is_generated_from_the_framework(fw):
    p = flow.plan(fw)
    assert [s.title for s in p.sections] == [
        "the case header and purposes",
        "Alpha",
        "Beta",
        "Gamma",
        "Flag",
        "unintended consequences",
        "your judgement",
    ]
    assert (p.questions, p.risks) == (6, 2)
    questions = [s for s in p.steps if s.kind == "question"]
    assert [(s.factor.id, s.question.id) for s in questions] == [
        ("alpha", "a1"),
        ("alpha", "a2"),
        ("beta", "b1"),
        ("beta", "b2"),
        ("gamma", "g1"),
        ("flag", "f1"),
    ]
    assert [(s.risk.id, s.field) for s in p.steps if s.kind == "risk"] == [
        ("harm", "likelihood"),
        ("harm", "severity"),
        ("evasion", "likelihood"),
        ("evasion", "severity"),
    ]
    assert p.steps[-1].kind == "judgement"
    assert p.progress(0) == "Section 1/7 · Case 1/10"
    assert p.progress(p.steps.index(questions[2])) == "Section 3/7 · Question 3 of 6"
    risk = next(i for i, s in enumerate(p.steps) if s.kind == "risk" and s.risk.id == "evasion")
    assert p.progress(risk) == "Section 6/7 · Risk 2 of 2 · likelihood"
    assert p.progress(len(p.steps) - 1) == "Section 7/7 · Your judgement"


def test_flow_counts_and_resume_position(fw):
    p = flow.plan(fw)
    case = flow.new_case(fw, CaseHeader(id="", title="T"), "t", None)
    assert flow.first_unanswered(p, case) == p.sections[1].start
    first = p.steps[p.sections[1].start]
    case = flow.with_score(case, first, "unknown")
    assert flow.first_unanswered(p, case) == p.sections[1].start + 1
    for step in p.steps:
        if step.counted:
            case = (
                flow.with_score(case, step, 2)
                if step.kind == "question"
                else flow.with_risk_level(case, step, 1)
            )
    assert flow.first_unanswered(p, case) is None
    assert flow.tally(fw, case) == flow.Tally(6, 6, 2, 2)
    risks = p.sections[-2]
    assert risks.kind == "risks"
    assert flow.section_tally(p, risks, case) == (2, 2)
    half = case.with_risk("harm", case_mod.RiskAnswer(likelihood=1))
    assert flow.section_tally(p, risks, half) == (1, 2)


def _index(p, question_id: str) -> int:
    return next(i for i, s in enumerate(p.steps) if s.question and s.question.id == question_id)


def test_resume_continues_after_the_last_answer_and_lists_what_was_skipped(fw):
    p = flow.plan(fw)
    case = flow.new_case(fw, CaseHeader(id="", title="T"), "t", None)
    assert flow.place(p, case) == flow.Place(_index(p, "a1"), ())
    # a1 answered, a2 skipped, b1 and b2 answered: continue at g1, a2 to return to.
    for qid, score in (("a1", 3), ("b1", "unknown"), ("b2", 1)):
        case = flow.with_score(case, p.steps[_index(p, qid)], score)
    assert flow.place(p, case) == flow.Place(_index(p, "g1"), (_index(p, "a2"),))
    # A half-rated risk: continue at its other side.
    likelihood = next(i for i, s in enumerate(p.steps) if s.kind == "risk")
    case = flow.with_risk_level(case, p.steps[likelihood], 2)
    assert flow.place(p, case).resume_at == likelihood + 1
    # The judgement given: nothing after it, everything open before it is skipped.
    case = flow.with_judgement(case, "could", "a reason", TODAY)
    assert flow.place(p, case).resume_at is None
    skipped = flow.place(p, case).skipped
    assert [p.steps[i].kind for i in skipped][:3] == ["question"] * 3
    assert len(skipped) == 3 + 1 + 2  # a2, g1, f1; harm's severity; evasion's two sides
    assert case.judgement == case_mod.Judgement("could", "a reason", TODAY)


@pytest.mark.parametrize(
    ("as_of", "assessed_on", "asked"),
    [
        (None, None, False),
        ("2017-08-25", None, True),  # before the interview's today
        ("2099-01-01", None, False),  # a live assessment as of a later day
        (TODAY, None, False),  # as of today: nothing later to rest on
        (TODAY, "2024-06-01", True),  # a file assessed after its as-of date is retrospective
    ],
)
def test_hindsight_is_a_question_only_for_an_assessment_as_of_a_past_date(
    as_of, assessed_on, asked
):
    header = CaseHeader(id="t", title="T", as_of=as_of, assessed_on=assessed_on)
    assert flow.retrospective(header, TODAY) is asked


def test_details_keep_the_score_and_a_score_keeps_the_details(fw):
    p = flow.plan(fw)
    step = p.steps[p.sections[1].start]
    case = flow.new_case(fw, CaseHeader(id="", title="T"), "t", None)
    case = flow.with_extras(case, step, note="a note", confidence="low", sources=("s1",))
    case = flow.with_score(case, step, 3)
    assert case.answer("alpha", "a1") == Answer(3, "low", "a note", ("s1",))
    case = flow.with_extras(case, step, note=None, confidence=None, sources=())
    assert case.answer("alpha", "a1") == Answer(3)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Côte d'Ivoire 2011", "cote-d-ivoire-2011"),
        ("  South Sudan, 2014!  ", "south-sudan-2014"),
        ("ميانمار", "case"),
        ("x" * 80, "x" * 60),
    ],
)
def test_slugify_makes_valid_ids(title, slug):
    assert flow.slugify(title) == slug
    assert flow.valid_id(flow.slugify(title))


def test_sources_split_on_semicolons_only():
    assert flow.split_sources("https://a.org/x?a=1,2;  Report, p. 3 ;;") == (
        "https://a.org/x?a=1,2",
        "Report, p. 3",
    )
    assert flow.join_sources(("a", "b")) == "a; b"


def test_store_writes_atomically_and_counts_saves(fw, tmp_path):
    store = flow.Store(fw, folder=tmp_path)
    case = flow.new_case(fw, CaseHeader(id="", title="T"), "t", None)
    assert store.save(case) == case
    assert store.path == tmp_path / "t.yaml"
    store.save(case.with_answer("alpha", "a1", Answer(2)))
    assert store.saves == 2
    assert [p.name for p in tmp_path.iterdir()] == ["t.yaml"]  # no temporary file left behind
    assert load(fw, tmp_path / "t.yaml").answer("alpha", "a1").score == 2


def test_long_anchors_are_printed_in_full_above_the_list(tmp_path):
    long = "all of the a2 conditions hold, in every place the sanctions reach, and for long"
    text = MINI.read_text(encoding="utf-8").replace("4: all a2", f"4: {long}")
    fw = load_framework(write(tmp_path / "long.yaml", text))
    cases = tmp_path / "cases"
    cases.mkdir()
    outcome, printed = drive(fw, [*HEADER, pick("1"), pick("4"), CTRL_C], cases, width=60)

    assert load(fw, outcome.path).answer("alpha", "a2").score == 4
    legend = printed[printed.index("Question 2 of 6") :]
    # The legend wraps the anchor rather than cutting it: every word is there, in order.
    assert " ".join(legend.split()).count(long) == 1
    assert "  0 no a2" in legend
    # Short anchors (a1 uses the default scale) need no legend.
    assert "  0 None: not at all" not in printed[: printed.index("Question 2 of 6")]


def test_a_folder_that_cannot_hold_the_file_is_refused_before_any_question(fw, tmp_path):
    not_a_folder = write(tmp_path / "file.txt", "x\n")
    with pytest.raises(UsageError, match="not a folder"):
        drive(fw, [], not_a_folder)
    with pytest.raises(UsageError, match="not a folder"):
        drive(fw, [], tmp_path, out=not_a_folder / "case.yaml")


QUESTIONS = [pick("3"), pick("4"), pick("2"), pick("1"), pick("4"), pick("0")]  # a1 .. f1


def test_skipping_a_risk_takes_one_key(fw, tmp_path):
    keys = [*HEADER, *QUESTIONS, pick("s"), pick("1"), pick("2"), pick("s")]
    outcome, printed = drive(fw, keys, tmp_path)

    assert not outcome.interrupted
    saved = load(fw, outcome.path)
    assert saved.risk("harm").likelihood is None and saved.risk("harm").severity is None
    assert (saved.risk("evasion").likelihood, saved.risk("evasion").severity) == (1, 2)
    assert "6 of 6 questions answered, 1 of 2 risks rated" in printed


def test_not_applicable_asks_why_and_refuses_an_empty_reason(fw, tmp_path, cli):
    keys = [
        *HEADER,
        pick("x"),
        "<" + ENTER,  # back to the list: nothing saved
        pick("x"),
        ENTER,  # no reason: refused, the prompt stays
        "the measures hold no assets abroad" + ENTER,
        pick("2"),
        CTRL_C,
    ]
    outcome, _ = drive(fw, keys, tmp_path)

    saved = load(fw, outcome.path)
    assert saved.answer("alpha", "a1").score == "n/a"
    assert saved.answer("alpha", "a1").note == "the measures hold no assets abroad"
    assert saved.answer("alpha", "a2").score == 2
    assert cli("validate", "--framework", MINI, outcome.path).exit_code == 0


def test_the_run_ends_with_the_bottom_line_naming_the_real_file(fw, tmp_path):
    keys = [*HEADER, *QUESTIONS, pick("3"), pick("2"), pick("1"), pick("1"), pick("s")]
    outcome, printed = drive(fw, keys, tmp_path, width=80)

    summary = printed.index("Advisory summary")
    saved = printed.rindex("Saved in")
    bottom = printed.rindex("Bottom line:")
    assert summary < saved < bottom  # the bottom line comes last, after the full summary
    tail = " ".join(printed[saved:].split())  # wrapped at spaces: a long path on its own line
    assert tail.startswith(f"Saved in {outcome.path}:")
    assert f"sanctions-check assess --resume {outcome.path}" in tail
    assert f"sanctions-check report {outcome.path} -f html" in tail
    last = printed[bottom:].rstrip().splitlines()
    assert len(last) <= 15
    assert f"sanctions-check report {outcome.path} --format brief" in " ".join(
        line.strip() for line in last
    )
    assert "CASE" not in tail


def test_mitigations_read_as_a_list_without_doubled_punctuation(fw, tmp_path):
    # At the first risk: its details (n) print the framework's mitigations, then Ctrl-C.
    keys = [*HEADER, *QUESTIONS, pick("n"), CTRL_C]
    _, printed = drive(fw, keys, tmp_path)
    assert "Mitigations to consider:" in printed
    assert ".;" not in printed and ";;" not in printed


class Recorder(interview.Prompts):
    """Records the choices of each list prompt, then stops the interview."""

    def __init__(self) -> None:
        super().__init__()
        self.lists: list[list[Any]] = []

    def select(self, message, choices, default=None, instruction=interview.INSTRUCTION):
        self.lists.append(list(choices))
        raise EOFError


def test_keys_keep_one_meaning_in_every_list(tmp_path):
    from helpers import ROOT

    big = load_framework(ROOT / "factors.yaml")
    case = flow.new_case(big, CaseHeader(id="", title="K"), "k", TODAY)
    path = tmp_path / "k.yaml"
    case_mod.save(case, big, path, overwrite=False)
    recorder = Recorder()
    console = Console(file=io.StringIO(), width=80)
    interview.run(big, console=console, resume=path, prompts=recorder)
    # A list line cannot wrap: at 80 columns every menu line fits beside its key, and so does
    # the answer echoed after the prompt's label.
    items = [c for c in recorder.lists[0] if not isinstance(c, questionary.Separator)]
    assert all(len(c.title) <= 80 - len("? What next? ") - 1 for c in items)
    # Every item has a key of its own, whatever the number of sections.
    assert all(c.shortcut_key for c in items)
    menu = {c.shortcut_key: c.value for c in items}
    assert len(menu) == len(items)
    sections = flow.plan(big).sections
    assert len(sections) > 9
    assert menu["c"][0] == "continue" and menu["f"] == ("finish",)
    assert menu["r"] == ("review", len(sections) - 1)
    assert menu["j"] == ("review", len(sections))
    assert not set(menu) & {"b", "s", "h", "n", "u", "x"}  # letters that mean something else

    session = interview.Session(big, flow.Store(big, folder=tmp_path), Console(), case, TODAY)
    plan = session.plan
    question = next(s for s in plan.steps if s.kind == "question")
    likelihood = next(s for s in plan.steps if s.kind == "risk")
    for step in (question, likelihood):
        keys = {c.shortcut_key: c.value for c in session._level_choices(step, True, 60)}
        assert keys["b"] == interview.BACK and keys["s"] == interview.SKIP
        assert keys["h"] == interview.HELP and keys["n"] == interview.DETAILS
        assert keys["u"] == "unknown"
    # n/a (x) is offered for a question and for a risk (which it marks n/a on both sides).
    for step in (question, likelihood):
        assert "x" in {c.shortcut_key for c in session._level_choices(step, True, 60)}


def test_with_an_as_of_date_the_details_ask_about_hindsight(fw, tmp_path, cli):
    header = [*HEADER]
    header[2] = "2017-08-25" + ENTER  # the as-of date
    keys = [
        *header,
        pick("n"),
        "later report [R1]" + ENTER,
        pick("2"),  # medium
        ENTER,  # no sources
        pick("2"),  # rests on later facts
        pick("3"),
        CTRL_C,
    ]
    outcome, _ = drive(fw, keys, tmp_path)
    saved = load(fw, outcome.path)
    assert saved.header.as_of == "2017-08-25"
    assert outcome.path.name == "testland-2017.yaml"  # the year of the as-of date
    a1 = saved.answer("alpha", "a1")
    assert (a1.score, a1.confidence, a1.note, a1.hindsight) == (
        3,
        "medium",
        "later report [R1]",
        True,
    )


def test_risk_details_take_a_confidence_and_b_returns_with_what_was_given(fw, tmp_path):
    keys = [
        *HEADER,
        *QUESTIONS,
        pick("n"),
        "exemptions for aid" + ENTER,
        "a note" + ENTER,
        pick("1"),  # low
        "<" + ENTER,  # at sources: back to the risk, the rest kept
        pick("2"),
        CTRL_C,
    ]
    outcome, _ = drive(fw, keys, tmp_path)
    harm = load(fw, outcome.path).risk("harm")
    assert (harm.mitigation, harm.note, harm.confidence, harm.likelihood) == (
        "exemptions for aid",
        "a note",
        "low",
        2,
    )


def test_an_n_a_answer_keeps_its_reason_when_details_are_edited(fw, tmp_path, cli):
    keys = [
        *HEADER,
        pick("x"),
        "no assets are targeted" + ENTER,
        pick("b"),  # at a2: back to a1
        pick("n"),
        "\x15" + ENTER,  # the reason cleared: refused, the prompt stays
        "\x15still no assets" + ENTER,
        pick("b"),  # at confidence: back to the question
        ENTER,  # a1 keeps n/a (the pointer is on it)
        CTRL_C,
    ]
    outcome, _ = drive(fw, keys, tmp_path)
    a1 = load(fw, outcome.path).answer("alpha", "a1")
    assert (a1.score, a1.note) == ("n/a", "still no assets")
    assert cli("validate", "--framework", MINI, outcome.path).exit_code == 0


def test_revising_the_id_never_takes_another_case_s(fw, tmp_path):
    path = _partial(fw, tmp_path)
    write(tmp_path / "other-2024.yaml", "another case\n")
    keys = [
        DOWN + ENTER,  # Review the case header
        ENTER,  # title
        ENTER,  # country
        ENTER,  # as-of date
        "\x15other-2024" + ENTER,  # another file's id: refused, the prompt stays
        "\x15mine-2024" + ENTER,
        CTRL_C,
    ]
    outcome, _ = drive(fw, keys, tmp_path, resume=path)
    assert outcome.interrupted and outcome.path == path
    assert load(fw, path).header.id == "mine-2024"
    assert (tmp_path / "other-2024.yaml").read_text() == "another case\n"


def _skipped_one(fw, tmp_path: Path) -> Path:
    """a1 answered, a2 skipped, b1 and b2 answered, then stopped at g1."""
    keys = [*HEADER, pick("3"), pick("s"), pick("2"), pick("1"), CTRL_C]
    outcome, _ = drive(fw, keys, tmp_path)
    return outcome.path


def test_resume_continues_where_the_analyst_left_off_not_at_a_skipped_question(fw, tmp_path):
    path = _skipped_one(fw, tmp_path)
    # Enter continues at g1 (not a2), then f1, the risks and the judgement: nothing answered
    # is asked again.
    keys = [ENTER, pick("4"), pick("0"), pick("1"), pick("1"), pick("2"), pick("2"), pick("s")]
    outcome, printed = drive(fw, keys, tmp_path, resume=path)

    assert not outcome.interrupted
    menu = printed[: printed.index("Section 4/7")]
    assert "3 of 6 questions answered, 0 of 2 risks rated" in menu
    assert "Next: question 5 of 6: Is g1 present?" in menu
    assert "Skipped, to return to with k: question 2." in menu
    asked = printed[printed.index("Section 4/7") : printed.index("Advisory summary")]
    for question in ("Is a1 present?", "Is a2 present?", "Is b1 present?", "Is b2 present?"):
        assert question not in asked
    saved = load(fw, path)
    assert saved.answer("gamma", "g1").score == 4 and saved.answer("flag", "f1").score == 0
    assert saved.answer("alpha", "a2").score is None
    assert saved.judgement is None  # skipped with s: nothing is filled in for the analyst
    assert "Advisory summary" in printed


def test_the_menu_returns_to_the_skipped_questions_only(fw, tmp_path):
    path = _skipped_one(fw, tmp_path)
    keys = [pick("k"), pick("4"), pick("f")]  # a2 only, then back at the menu: finish
    outcome, printed = drive(fw, keys, tmp_path, resume=path)

    assert not outcome.interrupted
    saved = load(fw, path)
    assert saved.answer("alpha", "a2").score == 4
    walked = printed[printed.index("Section 2/7") : printed.index("4 of 6 questions answered")]
    assert "Is a2 present?" in walked and "Is a1 present?" not in walked
    assert "Is g1 present?" not in walked
    # Back at the menu, nothing is skipped any more.
    assert printed.count("Skipped, to return to") == 1


def test_the_judgement_needs_a_reason_and_can_be_revised_from_the_menu(fw, tmp_path, cli):
    path = _skipped_one(fw, tmp_path)
    keys = [
        pick("j"),  # the judgement section
        pick("1"),  # likely to help
        ENTER,  # no reason: refused, the prompt stays
        "<" + ENTER,  # back to the views
        pick("3"),  # unlikely to help
        "Little exposure: the money is at home." + ENTER,
        pick("j"),
        ENTER,  # the pointer is on the view given
        ENTER,  # the reason is kept as it was
        pick("f"),
    ]
    outcome, _ = drive(fw, keys, tmp_path, resume=path)

    assert not outcome.interrupted
    saved = load(fw, path)
    assert saved.judgement == case_mod.Judgement(
        "unlikely", "Little exposure: the money is at home.", TODAY
    )
    assert cli("validate", "--framework", MINI, path).exit_code == 0
    # The scoring never reads it: the same outlook with or without it.
    judged = scoring.assess(fw, saved)
    assert judged._replace(case=None) == scoring.assess(
        fw, saved._replace(judgement=None)
    )._replace(case=None)


@pytest.mark.parametrize(
    ("key", "view"),
    [("1", "likely"), ("2", "could"), ("3", "unlikely"), ("4", "cannot-judge")],
)
def test_every_view_is_saved_with_its_reason_cannot_judge_yet_included(fw, tmp_path, key, view):
    path = _skipped_one(fw, tmp_path)
    reason = "Too early: the measures are only threatened."
    # Enter alone at the reason is refused: the prompt stays for the reason typed next.
    keys = [pick("j"), pick(key), ENTER, reason + ENTER, pick("f")]
    outcome, _ = drive(fw, keys, tmp_path, resume=path)

    assert not outcome.interrupted
    assert load(fw, path).judgement == case_mod.Judgement(view, reason, TODAY)


def test_enter_alone_at_the_judgement_gives_none(fw, tmp_path):
    path = _skipped_one(fw, tmp_path)
    before = path.read_bytes()
    outcome, printed = drive(fw, [pick("j"), ENTER, pick("f")], tmp_path, resume=path)

    assert not outcome.interrupted
    assert load(fw, path).judgement is None
    assert path.read_bytes() == before  # nothing given, nothing written
    assert "Section 7/7 · Your judgement" in printed  # it was asked, and passed over


def test_a_live_assessment_is_not_asked_about_hindsight(fw, tmp_path):
    header = [*HEADER]
    header[2] = "2099-01-01" + ENTER  # as of a day after the interview's today
    keys = [
        *header,
        pick("n"),
        "a note" + ENTER,
        pick("0"),  # confidence not stated
        ENTER,  # no sources: the details end here, no hindsight question
        pick("3"),
        CTRL_C,
    ]
    outcome, printed = drive(fw, keys, tmp_path)
    a1 = load(fw, outcome.path).answer("alpha", "a1")
    assert (a1.score, a1.note, a1.hindsight) == (3, "a note", False)
    assert "later than the as-of date" not in printed


def test_a_taken_id_is_refused_with_the_whole_resume_command_above_the_prompt(fw, tmp_path):
    write(tmp_path / SAVED, "someone else's file\n")
    keys = [*HEADER[:3], "testland-2024" + ENTER, CTRL_C]
    outcome, printed = drive(fw, keys, tmp_path, width=60)
    assert outcome.path is None and sorted(p.name for p in tmp_path.iterdir()) == [SAVED]
    command = f"sanctions-check assess --resume {tmp_path / SAVED}"
    assert command in printed.replace("\n", "")  # whole, on lines of its own (a long path folds)
    assert "already exists" in printed and "nothing is saved yet" in " ".join(printed.split())
    assert "Enter accepts the proposal: testland-2024-2" in printed


def test_every_refusal_fits_on_a_60_column_line():
    """A prompt's refusal is drawn on one line that cannot wrap: cut, it would lose its end."""
    refusals = [
        wording.ASSESS_NA_NEEDS_NOTE,
        wording.ASSESS_DATE_FORMAT,
        wording.ASSESS_REASON_NEEDED,
        wording.ASSESS_TITLE_NEEDED,
        wording.ASSESS_ID_FORMAT,
    ]
    assert all(len(message) <= 58 for message in refusals)
