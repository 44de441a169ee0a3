"""`assess` as a person sees it in a real terminal 60, 80, 100 and 120 columns wide.

Each run goes through the interview with the bundled framework in a pseudo-terminal and reads the
screen through a terminal emulator (``screenkit``): the id prompt with a taken id, the header,
the purposes, help, the details of an answer with a past as-of date, n/a, a skip and Ctrl-C; then
the resume menu, a section past the ninth by its letter, the skipped question, the rest and the
judgement. On every screen no word is split and nothing is cut without its full text shown.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctions_check import case as case_mod
from sanctions_check.framework import default_path
from sanctions_check.framework import load as load_framework
from screenkit import WIDTHS, Terminal, before, cut_without_rest

FW = load_framework(default_path())
LIST = "h) help: what to look at"  # a line of every answer list (questions and risks)
JUDGEMENT = "4) cannot judge yet"
MENU = "f) Finish and show the summary"  # the resume menu's last line
TYPED = (
    "Kestria crisis 2024",
    "Kestria",
    "A. Analyst",
    "United States; European Union",
    "Attacks on villages.",
    "Asset freezes.",
    "Seen: yes, in the panel report.",
    "Arms embargo only.",
    "Mixed: allies act together, exposure is low.",
)


def existing_case(folder: Path) -> None:
    """Another case already in the folder under the id the interview proposes first."""
    (folder / "kestria-2024.yaml").write_text(
        "format: sanctions-check/case@1\ncase:\n  id: kestria-2024\n  title: Another\n"
        f"framework: {FW.ref}\nanswers: {{}}\n",
        encoding="utf-8",
    )


def first_session(folder: Path, width: int) -> Terminal:
    term = Terminal(cwd=folder, width=width, typed=TYPED)
    term.at("Title:", "Kestria crisis 2024\r")
    term.at("Country:", "Kestria\r")
    term.at("As of:", "2024-01-01\r")  # a past date: the details ask about hindsight
    term.at("Id:", "kestria-2024\r")  # taken: refused above the prompt, with the way to resume
    term.at("Id:", "\x15\r")  # cleared: Enter accepts the proposal, kestria-2024-2
    term.at("Saving every answer in kestria-2024-2.yaml", "")
    term.at("Case:", "2\r")  # hypothetical
    term.at("Implementers:", "United States; European Union\r")
    term.at("Analyst:", "A. Analyst\r")
    term.at("Situation:", "Attacks on villages.\r")
    term.at("Measures:", "Asset freezes.\r")
    term.at("Purposes:", " \x1b[B \r")  # the first two
    term.at(LIST, "h\r")
    term.at(LIST, "n\r")
    term.at("Note:", "Seen: yes, in the panel report.\r")
    term.at("Confidence:", "2\r")
    term.at("Sources:", "R1\r")
    term.at("Hindsight:", "1\r")
    term.at(LIST, "3\r")
    term.at(LIST, "x\r")
    term.at("Why:", "Arms embargo only.\r")
    term.at(LIST, "s\r")  # the third question, skipped
    term.at(LIST, "u\r")
    term.at(LIST, "2\r")
    term.at(LIST, "")
    term.child.sendcontrol("c")
    return term


def resumed_session(folder: Path, width: int) -> Terminal:
    term = Terminal("--resume", "kestria-2024-2.yaml", cwd=folder, width=width, typed=TYPED)
    term.at(MENU, "a\r")  # section 10, by its letter
    while True:  # that section's questions, then the menu again
        index = term.child.expect_exact([LIST, MENU])
        if index == 1:
            break
        term.child.send("1\r")
    term.child.send("k\r")  # the skipped question
    term.at(LIST, "4\r")
    term.at(MENU, "c\r")
    while True:  # every question still open, then the judgement
        index = term.child.expect_exact([LIST, JUDGEMENT])
        if index == 1:
            break
        term.child.send("2\r")
    term.child.send("2\r")
    term.at("Reason:", "Mixed: allies act together, exposure is low.\r")
    return term


def check(term: Terminal, lines: list[str]) -> None:
    assert not term.split_words(lines), "\n".join(term.split_words(lines))
    assert not cut_without_rest(lines), "\n".join(cut_without_rest(lines))


@pytest.mark.parametrize("width", WIDTHS)
def test_the_interview_and_its_resume_fit_the_terminal(tmp_path, width):
    existing_case(tmp_path)
    term = first_session(tmp_path, width)
    assert term.end() == 130
    lines = term.lines()
    check(term, lines)
    # The taken id's message keeps its command whole, on a line of its own; so does the
    # interruption's.
    assert "  sanctions-check assess --resume kestria-2024.yaml" in lines
    assert "  sanctions-check assess --resume kestria-2024-2.yaml" in lines
    screen = " ".join(" ".join(lines).split())
    for purpose in FW.purposes:  # the purposes' full definitions, before the choice
        assert " ".join(purpose.description.split()) in screen
    assert "Does this answer rest on facts later than the as-of date, 2024-01-01?" in screen

    term = resumed_session(tmp_path, width)
    assert term.end() == 0
    lines = term.lines()
    interview = before(lines, "Advisory summary")
    check(term, interview)
    # Where the file is and the commands that go on from it (the summary and the bottom line
    # between and after are the report's own views).
    saved = next(n for n, line in enumerate(lines) if line.startswith("Saved in"))
    check(term, before(lines[saved:], "Bottom line:"))
    questions = sum(len(f.questions) for f in FW.factors)
    screen = " ".join(" ".join(interview).split())
    # One count and one total in the menu's tally, its next step and the progress lines.
    assert f"4 of {questions} questions answered, 0 of {len(FW.risks)} risks rated" in screen
    assert f"Next: question 6 of {questions}:" in screen
    assert "Skipped, to return to with k: question 3." in screen
    assert f"Question 28 of {questions}" in screen
    saved = case_mod.load(tmp_path / "kestria-2024-2.yaml", FW)
    assert saved.judgement is not None and saved.judgement.view == "could"
    third = FW.factors[0].questions[2]
    assert saved.answer(FW.factors[0].id, third.id).score == 4
