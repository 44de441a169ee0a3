"""`sanctions-check assess`: the interview in a terminal, the only module that imports questionary.

The order of the steps, resuming and saving live in ``flow.py``; this module only asks and shows.
Every answer is saved the moment it is given, so an interruption (Ctrl-C, Ctrl-D, a closed
terminal) never costs more than the question on screen: the one handler in :func:`run` only has to
say how to resume.
"""

from __future__ import annotations

import errno
import shlex
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, NamedTuple

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from questionary import Choice
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from sanctions_check import case as case_mod
from sanctions_check import flow, scoring, textsafe, yamlio
from sanctions_check.case import (
    CONFIDENCE,
    NOT_APPLICABLE,
    UNKNOWN,
    VIEWS,
    Answer,
    Case,
    CaseHeader,
    RiskAnswer,
    Score,
)
from sanctions_check.checks import valid_date
from sanctions_check.flow import RISK_PARTS, Plan, Section, Step
from sanctions_check.framework import Framework
from sanctions_check.placement import Reference
from sanctions_check.render.wording import assess as words
from sanctions_check.render.wording import framework as framework_words
from sanctions_check.render.wording.common import VIEW_LABELS, kind_label, view_label

BACK = "\x00back"
HELP = "\x00help"
DETAILS = "\x00details"
SKIP = "\x00skip"
NO_CONFIDENCE = "\x00none"
INSTRUCTION = words.ASSESS_INSTRUCTION
# One meaning per key, in every list of the interview: b is always back, s always skips.
KEY_UNKNOWN = "u"
KEY_NOT_APPLICABLE = "x"
KEY_DETAILS = "n"
KEY_HELP = "h"
KEY_SKIP = "s"
KEY_BACK = "b"
KEY_CONTINUE = "c"
KEY_FINISH = "f"
KEY_RISKS = "r"
KEY_SKIPPED = "k"
KEY_JUDGEMENT = "j"
# The resume menu's sections: digits up to 9, then letters no list gives another meaning.
SECTION_KEYS = "123456789adegilmopqtvwyz"
SKIP_RISK = 2  # what asking a risk's likelihood returns when the whole risk is skipped
DETAILS_SHOWN = 200  # a reminder of an answer's note and sources is shortened past this
PANEL_TITLE_MARGIN = 6  # a panel's corners and the spaces around its title
TEXT_BACK = "<"
CHOICE_MARGIN = 8  # " » " pointer, "0) " shortcut and a spare column before the edge


class Hangup(KeyboardInterrupt):
    """The terminal was closed (SIGHUP): handled like Ctrl-C, since every answer is on disk."""


class Outcome(NamedTuple):
    """How the interview ended: the file (None if nothing was answered) and the case in it."""

    path: Path | None
    case: Case | None
    interrupted: bool


def _end_keys() -> KeyBindings:
    """Ctrl-D ends every prompt as end-of-input (questionary's lists would otherwise ignore it)."""
    keys = KeyBindings()

    @keys.add("c-d", eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    return keys


def _back_key() -> KeyBindings:
    keys = KeyBindings()

    @keys.add(TEXT_BACK, eager=True)
    def _(event: Any) -> None:
        event.app.exit(result=BACK)

    return keys


def _up_is_back() -> KeyBindings:
    """In a one-line text field the up arrow has nothing else to do: it goes back a step."""
    keys = KeyBindings()

    @keys.add("up", eager=True)
    def _(event: Any) -> None:
        event.app.exit(result=BACK)

    return keys


def _ask(question: Any, *extra: KeyBindings) -> Any:
    """Ask one prompt; Ctrl-C raises KeyboardInterrupt and Ctrl-D EOFError, never a None answer."""
    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, _end_keys(), *extra])
    return question.unsafe_ask()


@contextmanager
def _collector_set_aside() -> Iterator[None]:
    """Keep Python's cycle collector off what lives as long as the interview.

    Each prompt builds its own prompt_toolkit application and default key bindings, thousands of
    short-lived objects, so the collector runs often; its full passes would walk the framework,
    the modules and rich again and again, the slowest tenth of the waits between questions.
    ``gc.freeze`` sets aside what exists before the first question, and a larger first generation
    makes passes rarer; both are undone when the interview ends.
    """
    import gc

    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], 20_000), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


class Prompts:
    """The few prompt shapes the interview needs, on questionary."""

    def select(
        self,
        message: str,
        choices: Sequence[Choice],
        default: Any = None,
        instruction: str = INSTRUCTION,
    ) -> Any:
        return _ask(
            questionary.select(
                textsafe.one_line(message),
                choices=list(choices),
                default=default,
                use_shortcuts=True,
                use_jk_keys=False,
                instruction=instruction,
            )
        )

    def text(
        self,
        message: str,
        default: str = "",
        *,
        back: bool = False,
        validate: Callable[[str], bool | str] | None = None,
        placeholder: str = "",
    ) -> str:
        def wants_back(value: str) -> bool:
            # '<' alone, or typed straight after the pre-filled value, goes back.
            return back and value.strip() in (TEXT_BACK, default + TEXT_BACK)

        def check(value: str) -> bool | str:
            if wants_back(value):
                return True
            return validate(value) if validate else True

        keys = [_up_is_back()] if back else []
        extra: dict[str, Any] = {}
        if placeholder:
            extra["placeholder"] = [("class:instruction", textsafe.one_line(placeholder))]
        answer = _ask(
            questionary.text(textsafe.one_line(message), default=default, validate=check, **extra),
            *keys,
        )
        return BACK if answer == BACK or wants_back(answer) else answer

    def checkbox(self, message: str, choices: Sequence[Choice]) -> Any:
        return _ask(
            questionary.checkbox(
                textsafe.one_line(message),
                choices=list(choices),
                instruction=words.assess_checkbox_instruction(TEXT_BACK),
            ),
            _back_key(),
        )


class Session:
    """One interview: the plan, the case so far, where it is saved, and what is on screen."""

    # Reads the past episodes the closing summary places the case among, when it is drawn.
    library: Callable[[], Reference | None] | None = None
    bundled_library: bool = True

    def __init__(
        self,
        framework: Framework,
        store: flow.Store,
        console: Console,
        case: Case | None,
        today: str | None,
        prompts: Prompts | None = None,
    ) -> None:
        self.framework = framework
        self.plan: Plan = flow.plan(framework)
        self.store = store
        self.console = console
        self.case = case
        self.today = today
        self.prompts = prompts or Prompts()
        # The header fields given before the id are a draft: the case file is created at the id
        # step, so an interruption before it writes nothing.
        self.draft = CaseHeader(id="", title="")
        self.shown_section = 0
        # Where the analyst left off: the step after the last one answered or skipped on the
        # way forward; a resumed session starts from what the file tells.
        self.left_off = flow.left_off(self.plan, case) if case is not None else 0

    # --- saving ---------------------------------------------------------------------------

    def _update(self, case: Case) -> None:
        self.case = case
        kept = self.store.kept_as
        self.case = self.store.save(case)
        if self.store.kept_as is not None and kept is None:
            self.say(words.assess_comments_not_kept(str(self.store.kept_as)), "yellow")

    @property
    def header(self) -> CaseHeader:
        return self.case.header if self.case is not None else self.draft

    def proposed_id(self) -> str:
        return flow.free_id(flow.propose_id(self.draft, self.today), self.store.taken)

    # --- what is shown --------------------------------------------------------------------

    def say(self, text: str, style: str = "") -> None:
        """A line of the interview's own, wrapped at words by rich (case text stays text)."""
        self.console.print(Text(text, style=style))

    def room(self, label: str) -> int:
        """How long a list line may be: its pointer and key, and the answer echoed after the
        prompt's label once chosen, must both fit on one line (neither can wrap at a word)."""
        return max(self.console.width - max(len(label) + 3, CHOICE_MARGIN) - 1, 12)

    def choose(
        self,
        label: str,
        items: Sequence[tuple[str, Any, str]],
        default: Any = None,
        *,
        legend_first: int = 0,
    ) -> Any:
        """A list of (key, value, full text); a text too long for its line is shortened at a
        word, and the full texts are printed above the list (with all of the first
        ``legend_first`` items, which are read together, such as a question's five levels)."""
        room = self.room(label)
        cut = [i for i, (_, _, text) in enumerate(items) if len(text) > room]
        if cut:
            shown = sorted(
                {*cut, *(range(legend_first) if any(i < legend_first for i in cut) else ())}
            )
            self.legend([items[i] for i in shown])
        choices = [Choice(fit(text, room), value, shortcut_key=key) for key, value, text in items]
        return self.prompts.select(label, choices, default=default)

    def legend(self, items: Sequence[tuple[str, Any, str]]) -> None:
        from rich.table import Table

        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        for key, _, text in items:
            grid.add_row(f"  {key}", Text(text))
        self.console.print(grid)

    # --- the whole interview --------------------------------------------------------------

    def interview(self) -> None:
        """A new case: every step in order, then the summary."""
        self.walk(range(len(self.plan.steps)), to_menu=False)
        self.finish()

    def resume(self) -> None:
        """A saved case: a menu to continue where the analyst left off, return to what they
        skipped, review a section or the judgement, or finish."""
        assert self.case is not None
        while True:
            action = self.menu()
            if action[0] == "continue":
                # Only what is still open from there on: never the questions already answered.
                start = action[1]
                steps = [
                    i
                    for i in range(start, len(self.plan.steps))
                    if self.plan.steps[i].asked and not flow.answered(self.plan.steps[i], self.case)
                ]
                self.shown_section = 0
                if self.walk(steps, to_menu=True, forward=True):
                    break
                continue
            if action[0] == "skipped":
                self.shown_section = 0
                self.walk(self.place().skipped, to_menu=True)
                continue
            if action[0] == "review":
                section = self.plan.sections[action[1] - 1]
                self.shown_section = 0
                self.walk(range(section.start, section.end), to_menu=True)
                continue
            break
        self.finish()

    def menu(self) -> tuple[Any, ...]:
        assert self.case is not None
        t = flow.tally(self.framework, self.case)
        where = f"{textsafe.one_line(self.case.header.title)} ({self.store.path})"
        self.say(words.assess_tally(where, t.answered, t.questions, t.rated, t.risks), "bold")
        place = self.place()
        if place.resume_at is not None:
            step = self.plan.steps[place.resume_at]
            self.say(words.assess_next(self.plan.position(step), self._step_text(step)))
        questions, risks = self._numbers(place.skipped)
        if place.skipped:
            self.say(words.assess_skipped(questions, risks))
        label = words.ASSESS_WHAT_NEXT
        room = self.room(label)
        choices: list[Any] = []
        if place.resume_at is not None:
            position = self.plan.position(self.plan.steps[place.resume_at])
            choices.append(
                Choice(
                    fit(words.assess_continue_at(position), room),
                    ("continue", place.resume_at),
                    shortcut_key=KEY_CONTINUE,
                )
            )
        if place.skipped:
            choices.append(
                Choice(
                    fit(words.assess_return_to_skipped(len(questions), len(risks)), room),
                    ("skipped",),
                    shortcut_key=KEY_SKIPPED,
                )
            )
        choices.append(questionary.Separator(f"  {words.ASSESS_REVIEW_SECTION}"))
        for section in self.plan.sections:
            choices.append(
                Choice(
                    self._section_label(section, room),
                    ("review", section.number),
                    shortcut_key=_section_key(section),
                )
            )
        choices.append(Choice(words.ASSESS_FINISH, ("finish",), shortcut_key=KEY_FINISH))
        first = next(c for c in choices if isinstance(c, Choice))
        chosen: tuple[Any, ...] = self.prompts.select(
            label, choices, default=first.value, instruction=words.ASSESS_MENU_INSTRUCTION
        )
        return chosen

    def place(self) -> flow.Place:
        assert self.case is not None
        return flow.place(self.plan, self.case, self.left_off)

    def _numbers(self, indices: Sequence[int]) -> tuple[list[int], list[int]]:
        """The question numbers and risk numbers of some steps (a risk once)."""
        questions: list[int] = []
        risks: list[int] = []
        for index in indices:
            step = self.plan.steps[index]
            if step.kind == "question":
                questions.append(step.number)
            elif step.kind == "risk" and step.number not in risks:
                risks.append(step.number)
        return questions, risks

    def _section_label(self, section: Section, room: int) -> str:
        """'Exposure · 5 of 5 answered': the full name if it fits, else the short one, else
        shortened at a word (the full name heads the section when it is reviewed)."""
        assert self.case is not None
        count = ""
        if section.kind == "judgement":
            view = self.case.judgement.view if self.case.judgement is not None else None
            return fit(words.assess_judgement_item(view_label(view)), room)
        if section.kind in ("factor", "risks"):
            done, total = flow.section_tally(self.plan, section, self.case)
            count = words.assess_section_count(done, total, section.kind == "risks")
        if section.kind == "case":
            name = words.ASSESS_CASE_TITLE[:1].upper() + words.ASSESS_CASE_TITLE[1:]
        elif section.kind == "risks":
            name = words.ASSESS_RISKS_MENU
        else:
            assert section.factor is not None
            name = textsafe.one_line(section.factor.name)
            if len(name) + len(count) > room:
                name = textsafe.one_line(section.factor.label)
        return words.assess_review(fit(name, room - len(count)), count)

    def walk(self, indices: Sequence[int], *, to_menu: bool, forward: bool = False) -> bool:
        """Ask the steps at ``indices`` in order. Going back before the first returns False (to
        the menu, when ``to_menu``); True when the last is done. A ``forward`` walk (continuing)
        moves where the analyst left off; a review or a return to skipped steps does not."""
        position = 0
        move = 1
        while position < len(indices):
            index = indices[position]
            section = self.plan.section_of(index)
            if section.number != self.shown_section and (move > 0 or position == 0):
                self.intro(section)
            self.shown_section = section.number
            back = words.ASSESS_BACK_MENU if to_menu and position == 0 else None
            move = self.ask(index, can_go_back=position > 0 or to_menu, back_label=back)
            if move == SKIP_RISK:  # its severity is skipped with it
                step = self.plan.steps[index]
                while (
                    position + 1 < len(indices)
                    and self.plan.steps[indices[position + 1]].risk is step.risk
                ):
                    position += 1
                move = 1
            if forward and move > 0:
                self.left_off = max(self.left_off, indices[position] + 1)
            position += move
            if position < 0:
                return False
        return True

    def finish(self) -> None:
        """The full summary, where the file is and how to revise it, then the bottom line last:
        what stays on screen is the answer, naming the real file in its commands."""
        if self.case is None:
            return
        from sanctions_check.render import Drawn, assess_view, renderer

        view = assess_view.build(
            scoring.assess(self.framework, self.case),
            str(self.store.path),
            flow.tally(self.framework, self.case),
            self.library() if self.library is not None else None,
            self.bundled_library,
        )
        summary = renderer("assess", "terminal")
        assert isinstance(summary, Drawn)
        summary.draw(view, self.console)

    # --- one step -------------------------------------------------------------------------

    def ask(self, index: int, can_go_back: bool, back_label: str | None = None) -> int:
        """Ask one step; returns +1 to go on, -1 to go back, SKIP_RISK past a whole risk."""
        step = self.plan.steps[index]
        self.say(self.plan.progress(index), "dim")
        if step.kind == "header":
            return self.ask_header(step, can_go_back)
        if step.kind == "purpose":
            return self.ask_purposes()
        if step.kind == "judgement":
            return self.ask_judgement(can_go_back, back_label)
        return self.ask_level(step, can_go_back, back_label)

    def ask_header(self, step: Step, can_go_back: bool) -> int:
        field = step.field
        self.say(words.HEADER_PROMPTS[field])
        label = words.HEADER_LABELS[field]
        if field == "id":
            return self.ask_id(label)
        if field == "hypothetical":
            return self.ask_hypothetical(label)
        current = flow.header_value(self.header, field)
        validate: Callable[[str], bool | str] | None = None
        if field == "title":
            validate = _title_ok
        elif field == "as_of":
            validate = _date_ok
        answer = self.prompts.text(label, current, back=can_go_back, validate=validate)
        if answer == BACK:
            return -1
        if answer.strip() == current.strip():
            return 1
        if self.case is None:
            self.draft = flow.header_with(self.draft, field, answer)
        else:
            self._update(flow.with_header(self.case, field, answer))
        return 1

    def ask_id(self, label: str) -> int:
        if self.case is not None:
            return self.revise_id(label)
        # A proposal, not pre-filled text to delete before typing; a name already taken in this
        # folder is refused above the prompt, with the way to continue that case instead.
        proposed = self.proposed_id()
        self.say(words.assess_id_proposal(proposed), "dim")
        while True:
            answer = self.prompts.text(
                label,
                back=True,
                placeholder=proposed,
                validate=lambda v: _id_ok(v.strip() or proposed),
            )
            if answer == BACK:
                return -1
            ident = answer.strip() or proposed
            if not self.store.taken(ident):
                break
            self.id_taken(flow.case_path(self.store.folder, ident))
        self._update(flow.new_case(self.framework, self.draft, ident, self.today))
        self.say(words.assess_saving(str(self.store.path)), "green")
        return 1

    def revise_id(self, label: str) -> int:
        """A saved case's id may change, but never to another case's file's."""
        assert self.case is not None
        current = self.case.header.id
        folder = self.store.path.parent if self.store.path is not None else self.store.folder
        while True:
            answer = self.prompts.text(label, current, back=True, validate=_id_ok)
            if answer == BACK:
                return -1
            ident = answer.strip()
            taken = flow.case_path(folder, ident)
            if ident == current or taken == self.store.path or not taken.exists():
                break
            self.say(words.ASSESS_ID_OTHER_CASE.format(file=taken), "yellow")
        if ident != current:
            self._update(flow.with_header(self.case, "id", ident))
        return 1

    def id_taken(self, path: Path) -> None:
        command = f"sanctions-check assess --resume {shlex.quote(str(path))}"
        for line in words.assess_id_taken(str(path), command):
            self.say(line, "yellow")

    def ask_hypothetical(self, label: str) -> int:
        assert self.case is not None
        items = [
            ("1", False, words.ASSESS_REAL),
            ("2", True, words.ASSESS_HYPOTHETICAL),
            (KEY_BACK, BACK, words.ASSESS_BACK),
        ]
        answer = self.choose(label, items, default=self.case.header.hypothetical)
        if answer == BACK:
            return -1
        if answer != self.case.header.hypothetical:
            self._update(flow.with_header(self.case, "hypothetical", bool(answer)))
        return 1

    def ask_purposes(self) -> int:
        """The purposes' full definitions first, wrapped; the list names them."""
        assert self.case is not None
        from rich.table import Table

        self.say(words.ASSESS_PURPOSES)
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        for purpose in self.framework.purposes:
            grid.add_row(
                f"  {textsafe.one_line(purpose.name)}",
                Text(textsafe.plain(purpose.description).strip()),
            )
        self.console.print(grid)
        current = set(self.case.header.purpose)
        room = self.room(words.ASSESS_PURPOSES_LABEL)
        choices = [
            Choice(fit(textsafe.one_line(p.name), room), p.id, checked=p.id in current)
            for p in self.framework.purposes
        ]
        answer = self.prompts.checkbox(words.ASSESS_PURPOSES_LABEL, choices)
        if answer == BACK:
            return -1
        if tuple(answer) != self.case.header.purpose:
            self._update(flow.with_purposes(self.case, answer))
        return 1

    def ask_judgement(self, can_go_back: bool, back_label: str | None) -> int:
        """The analyst's own overall judgement: a view, then its required reason (saved
        together, since a view without its reason is not a valid judgement)."""
        assert self.case is not None
        while True:
            current = self.case.judgement
            items: list[tuple[str, Any, str]] = [
                (str(n), view, VIEW_LABELS[view]) for n, view in enumerate(VIEWS, 1)
            ]
            items.append((KEY_SKIP, SKIP, words.ASSESS_SKIP_JUDGEMENT))
            if can_go_back:
                items.append((KEY_BACK, BACK, back_label or words.ASSESS_BACK_QUESTION))
            default = current.view if current is not None else SKIP
            view = self.choose(words.ASSESS_JUDGEMENT_LABEL, items, default=default)
            if view == BACK:
                return -1
            if view == SKIP:
                return 1
            self.say(words.ASSESS_REASON)
            reason = self.prompts.text(
                words.ASSESS_REASON_LABEL,
                current.reason.strip() if current is not None else "",
                back=True,
                validate=lambda v: bool(v.strip()) or words.ASSESS_REASON_NEEDED,
            )
            if reason == BACK:
                continue
            if current is None or (view, reason.strip()) != (current.view, current.reason.strip()):
                self._update(flow.with_judgement(self.case, view, reason, self.today))
            return 1

    def ask_level(self, step: Step, can_go_back: bool, back_label: str | None = None) -> int:
        """A factor question or a risk's likelihood/severity: 0-4, unknown, skip, details, help."""
        assert self.case is not None
        while True:
            current = self._current(step)
            self.say(self._step_text(step), "bold")
            self._show_details(step)
            label = self._label(step)
            items = self._level_items(step, can_go_back, back_label)
            default = current if current is not None else SKIP
            answer = self.choose(label, items, default=default, legend_first=5)
            if answer == HELP:
                self.show_help(step)
                continue
            if answer == DETAILS:
                self.ask_details(step)
                continue
            if answer == BACK:
                return -1
            if answer == SKIP:
                # Skipping a risk skips its likelihood and its severity: one key, not two.
                return SKIP_RISK if step.kind == "risk" and step.field == RISK_PARTS[0] else 1
            if answer == NOT_APPLICABLE:
                if not self.ask_not_applicable(step):
                    continue
                # A risk that cannot arise is n/a on both sides: its severity is not asked.
                return SKIP_RISK if step.kind == "risk" and step.field == RISK_PARTS[0] else 1
            if answer != current:
                if step.kind == "question":
                    self._update(flow.with_score(self.case, step, answer))
                else:
                    self._update(flow.with_risk_level(self.case, step, answer))
            return 1

    def ask_not_applicable(self, step: Step) -> bool:
        """n/a needs a note saying why the question (or risk) does not apply; False if none is
        given. A risk is n/a as a whole: likelihood and severity both."""
        assert self.case is not None
        if step.kind == "risk":
            assert step.risk is not None
            before = self.case.risk(step.risk.id).note
        else:
            assert step.factor is not None and step.question is not None
            before = self.case.answer(step.factor.id, step.question.id).note
        self.say(words.ASSESS_NA_NOTE)
        note = self.prompts.text(
            words.ASSESS_WHY_LABEL,
            before or "",
            back=True,
            validate=lambda v: bool(v.strip()) or words.ASSESS_NA_NEEDS_NOTE,
        )
        if note == BACK:
            return False
        if step.kind == "risk":
            self._update(flow.with_risk_not_applicable(self.case, step, note))
        else:
            self._update(flow.with_score(self.case, step, NOT_APPLICABLE, note=note))
        return True

    def _label(self, step: Step) -> str:
        if step.kind == "risk":
            return words.ASSESS_LIKELIHOOD if step.field == "likelihood" else words.ASSESS_SEVERITY
        return words.ASSESS_ANSWER

    def _levels(self, step: Step) -> list[tuple[str, Score, str]]:
        """(key, value, full wording) of each possible answer: the anchored levels, unknown."""
        levels: list[tuple[str, Score, str]] = [
            (str(level), level, textsafe.one_line(self._anchor(step, level))) for level in range(5)
        ]
        label = textsafe.one_line(self.framework.unknown.label)
        neutral = step.question.neutral if step.question is not None else None
        levels.append((KEY_UNKNOWN, UNKNOWN, words.assess_unknown_choice(label, neutral)))
        levels.append((KEY_NOT_APPLICABLE, NOT_APPLICABLE, words.ASSESS_NA_CHOICE))
        return levels

    def _level_items(
        self, step: Step, can_go_back: bool, back_label: str | None = None
    ) -> list[tuple[str, Any, str]]:
        items: list[tuple[str, Any, str]] = list(self._levels(step))
        has = self._has_details(step)
        items.append((KEY_DETAILS, DETAILS, words.assess_details_choice(has, step.kind == "risk")))
        items.append((KEY_HELP, HELP, words.ASSESS_HELP))
        skip = (
            words.ASSESS_SKIP_RISK
            if step.kind == "risk" and step.field == RISK_PARTS[0]
            else words.ASSESS_SKIP
        )
        items.append((KEY_SKIP, SKIP, skip))
        if can_go_back:
            items.append((KEY_BACK, BACK, back_label or words.ASSESS_BACK_QUESTION))
        return items

    def _level_choices(self, step: Step, can_go_back: bool, room: int) -> list[Choice]:
        """The answer list's choices as the prompt gets them (each shortened to ``room``)."""
        return [
            Choice(fit(text, room), value, shortcut_key=key)
            for key, value, text in self._level_items(step, can_go_back)
        ]

    def _anchor(self, step: Step, level: int) -> str:
        if step.kind == "question":
            assert step.question is not None
            return step.question.level_label(self.framework, level)
        assert step.risk is not None
        labels: dict[int, str] = getattr(step.risk, step.field)
        return labels[level]

    def _step_text(self, step: Step) -> str:
        if step.kind == "question":
            assert step.question is not None
            return textsafe.one_line(step.question.text)
        if step.kind == "risk":
            assert step.risk is not None
            if step.field == "likelihood":
                return words.assess_likelihood_question(
                    textsafe.one_line(step.risk.name), textsafe.one_line(step.risk.question)
                )
            return words.assess_severity_question(textsafe.one_line(step.risk.name))
        if step.kind == "judgement":
            return words.ASSESS_JUDGEMENT_TITLE
        return step.field

    def _current(self, step: Step) -> Any:
        assert self.case is not None
        if step.kind == "question":
            assert step.factor is not None and step.question is not None
            return self.case.answer(step.factor.id, step.question.id).score
        assert step.risk is not None
        return getattr(self.case.risk(step.risk.id), step.field)

    def _has_details(self, step: Step) -> bool:
        assert self.case is not None
        if step.kind == "question":
            assert step.factor is not None and step.question is not None
            a = self.case.answer(step.factor.id, step.question.id)
            return bool(a.note or a.confidence or a.sources)
        assert step.risk is not None
        r = self.case.risk(step.risk.id)
        return bool(r.mitigation or r.note or r.sources)

    def _show_details(self, step: Step) -> None:
        """Remind the analyst of what is already written for this step (case text stays text;
        a long note is shortened at a word, and n shows it whole); a risk's details are shown
        once, at its likelihood."""
        assert self.case is not None
        if step.kind == "risk" and step.field != RISK_PARTS[0]:
            return
        given = self._extras(step)
        parts = words.assess_details_given(
            mitigation=getattr(given, "mitigation", None),
            confidence=given.confidence,
            note=given.note,
            sources=flow.join_sources(given.sources),
            hindsight=given.hindsight,
        )
        if parts:
            shown = [fit(textsafe.one_line(p), DETAILS_SHOWN) for p in parts]
            if any(a != b for a, b in zip(shown, parts, strict=True)):
                shown.append(words.ASSESS_DETAILS_IN_FULL)
            self.console.print(Text("  " + " · ".join(shown), style="cyan"))

    def ask_details(self, step: Step) -> None:
        """The optional extras, each saved as soon as it is given; b (or <) returns to the
        question with what was given so far kept."""
        assert self.case is not None
        if step.kind == "risk":
            assert step.risk is not None
            self.say(words.ASSESS_MITIGATIONS, "dim")
            for mitigation in step.risk.mitigations:
                self.say(f"  • {textsafe.one_line(mitigation)}", "dim")
            self.say(words.ASSESS_MITIGATION)
            given = self.prompts.text(
                words.ASSESS_MITIGATION_LABEL,
                self.case.risk(step.risk.id).mitigation or "",
                back=True,
            )
            if given == BACK:
                return
            self._update(flow.with_extras(self.case, step, mitigation=given.strip() or None))
        current = self._extras(step)
        needs_note = getattr(current, "score", None) == NOT_APPLICABLE
        self.say(words.ASSESS_NOTE)
        note = self.prompts.text(
            words.ASSESS_NOTE_LABEL,
            current.note or "",
            back=True,
            validate=(lambda v: bool(v.strip()) or words.ASSESS_NA_NEEDS_NOTE)
            if needs_note
            else None,
        )
        if note == BACK:
            return
        self._update(flow.with_extras(self.case, step, note=note.strip() or None))
        # Digits, as for the levels: a letter keeps one meaning everywhere (h is help).
        items: list[tuple[str, Any, str]] = [("0", NO_CONFIDENCE, words.ASSESS_NOT_STATED)]
        items += [(str(n), level, level) for n, level in enumerate(CONFIDENCE, 1)]
        items.append((KEY_BACK, BACK, words.ASSESS_BACK_DETAILS))
        self.say(words.ASSESS_CONFIDENCE)
        confidence = self.choose(
            words.ASSESS_CONFIDENCE_LABEL, items, default=current.confidence or NO_CONFIDENCE
        )
        if confidence == BACK:
            return
        confidence = None if confidence == NO_CONFIDENCE else confidence
        self._update(flow.with_extras(self.case, step, confidence=confidence))
        self.say(words.ASSESS_SOURCES)
        sources = self.prompts.text(
            words.ASSESS_SOURCES_LABEL, flow.join_sources(current.sources), back=True
        )
        if sources == BACK:
            return
        self._update(flow.with_extras(self.case, step, sources=flow.split_sources(sources)))
        header = self.case.header
        if header.as_of and flow.retrospective(header, self.today):
            items = [
                ("1", False, words.ASSESS_NO_HINDSIGHT),
                ("2", True, words.ASSESS_HINDSIGHT),
                (KEY_BACK, BACK, words.ASSESS_BACK_DETAILS),
            ]
            self.say(words.assess_hindsight(header.as_of))
            hindsight = self.choose(words.ASSESS_HINDSIGHT_LABEL, items, default=current.hindsight)
            if hindsight == BACK:
                return
            self._update(flow.with_extras(self.case, step, hindsight=bool(hindsight)))

    def _extras(self, step: Step) -> Answer | RiskAnswer:
        assert self.case is not None
        if step.kind == "question":
            assert step.factor is not None and step.question is not None
            return self.case.answer(step.factor.id, step.question.id)
        assert step.risk is not None
        return self.case.risk(step.risk.id)

    # --- what is shown between prompts ----------------------------------------------------

    def intro(self, section: Section) -> None:
        """A short panel before each section: what it means and how strong its evidence is."""
        total = len(self.plan.sections)
        body = Text()
        if section.kind == "case":
            what = words.ASSESS_THE_CASE
            body.append(textsafe.plain(self.framework.title), style="bold")
            unknown = self.framework.unknown
            body.append(
                "\n"
                + words.assess_scale(
                    textsafe.one_line(unknown.label), textsafe.plain(unknown.meaning).strip()
                )
            )
            body.append("\n" + words.ASSESS_KEYS)
            body.append("\n" + words.assess_saved_as_you_go(TEXT_BACK))
        elif section.kind == "factor":
            factor = section.factor
            assert factor is not None
            what = f"{textsafe.one_line(factor.name)} ({kind_label(factor.kind)})"
            body.append(textsafe.plain(factor.description).strip())
            body.append(f"\n{framework_words.FV_WHY}: ", style="bold")
            body.append(textsafe.plain(factor.why).strip())
            body.append(f"\n{framework_words.FV_EVIDENCE}: ", style="bold")
            body.append(textsafe.plain(factor.evidence.label))
            if factor.kind == "red_flag":
                body.append("\n" + words.ASSESS_RED_FLAG, style="yellow")
        elif section.kind == "risks":
            what = words.ASSESS_RISKS_TITLE
            body.append(words.ASSESS_RISKS_INTRO)
        else:
            what = words.ASSESS_JUDGEMENT_TITLE
            body.append(words.ASSESS_JUDGEMENT_INTRO)
        title = words.assess_section(section.number, total, what)
        if len(title) + PANEL_TITLE_MARGIN > self.console.width:
            # A panel's title cannot wrap: too long for the border, it heads the body instead.
            body = Text(what + "\n", style="bold").append_text(body)
            title = words.assess_section(section.number, total, "").rstrip(" ·")
        self.console.print(Panel(body, title=Text(title), title_align="left", expand=True))

    def show_help(self, step: Step) -> None:
        body = Text()
        if step.kind == "question":
            assert step.question is not None and step.factor is not None
            body.append(textsafe.plain(step.question.help).strip())
            lead = (
                words.ASSESS_IF_PRESENT if step.factor.kind == "red_flag" else words.ASSESS_IF_LOW
            )
            body.append(f"\n{lead}: ", style="bold")
            body.append(textsafe.plain(step.question.advice).strip())
        else:
            assert step.risk is not None
            body.append(textsafe.plain(step.risk.help).strip())
            body.append(f"\n{framework_words.FV_RISK_EVIDENCE}: ", style="bold")
            body.append(textsafe.plain(step.risk.evidence).strip())
            body.append("\n" + words.ASSESS_MITIGATIONS, style="bold")
            for mitigation in step.risk.mitigations:
                body.append(f"\n• {textsafe.one_line(mitigation)}")
        self.console.print(Panel(body, title=words.ASSESS_HELP_TITLE, title_align="left"))


def fit(text: str, room: int) -> str:
    """``text`` if it fits in ``room`` characters, else cut at the last word that fits, with
    '…' (a single word longer than the room is cut where it must be)."""
    if len(text) <= room:
        return text
    head = text[: max(room - 1, 1)]
    cut = head.rsplit(" ", 1)[0].rstrip(" ,;:(-—·") if " " in head.strip() else head
    return (cut or head) + "…"


def _section_key(section: Section) -> str | bool:
    """The resume menu's key for a section: its number up to 9, then letters that mean nothing
    else in any list; r for the risks, j for the judgement."""
    if section.kind == "risks":
        return KEY_RISKS
    if section.kind == "judgement":
        return KEY_JUDGEMENT
    keys = SECTION_KEYS
    return keys[section.number - 1] if section.number <= len(keys) else False


def _title_ok(value: str) -> bool | str:
    return bool(value.strip()) or words.ASSESS_TITLE_NEEDED


def _date_ok(value: str) -> bool | str:
    return not value.strip() or valid_date(value.strip()) or words.ASSESS_DATE_FORMAT


def _id_ok(value: str) -> bool | str:
    if flow.valid_id(value.strip()):
        return True
    return words.ASSESS_ID_FORMAT


class HangupWatch:
    """Turns a closed terminal (SIGHUP) into the interrupt path, once, and remembers it.

    During a prompt the handler asks prompt_toolkit to end the prompt (raising in the middle of
    its event loop would leave it half torn down); between prompts it raises :class:`Hangup`.
    """

    def __init__(self) -> None:
        self.seen = False

    def _handler(self, signum: int, frame: Any) -> None:
        if self.seen:
            return
        self.seen = True
        from prompt_toolkit.application import get_app_or_none

        app = get_app_or_none()
        if app is not None and app.is_running and app.loop is not None:

            def end() -> None:
                if app.future is not None and not app.future.done():
                    app.exit(exception=Hangup)

            app.loop.call_soon_threadsafe(end)
            return
        raise Hangup

    @contextmanager
    def installed(self) -> Iterator[None]:
        if not hasattr(signal, "SIGHUP"):  # pragma: no cover - Windows
            yield
            return
        try:
            previous = signal.signal(signal.SIGHUP, self._handler)
        except ValueError:  # pragma: no cover - not the main thread
            yield
            return
        try:
            yield
        finally:
            signal.signal(signal.SIGHUP, previous)

    def gone(self, exc: BaseException) -> bool:
        """Was the terminal lost? (prompt_toolkit's redraw then fails with EIO.)"""
        return (
            self.seen
            or isinstance(exc, Hangup)
            or (isinstance(exc, OSError) and exc.errno in (errno.EIO, errno.ENXIO))
        )


def run(
    framework: Framework,
    *,
    console: Console,
    out: Path | None = None,
    resume: Path | None = None,
    force: bool = False,
    folder: Path = Path("."),
    today: str | None = None,
    prompts: Prompts | None = None,
    library: Callable[[], Reference | None] | None = None,
    bundled_library: bool = True,
) -> Outcome:
    """Run the interview; every expected way of stopping ends here with the file up to date.

    ``out``/``resume`` problems (an existing file, an invalid case) raise before any prompt.
    ``library`` reads the coded past episodes the closing summary places the outlook among, when
    that summary is drawn (None: not placed).
    """
    case: Case | None = None
    if resume is not None:
        text = yamlio.read_text(resume)
        case = case_mod.loads(text, framework, str(resume))
        flow.check_folder(resume.parent)
        store = flow.Store(framework, out=resume, resumed=True, text=text)
        if case.framework_ref != framework.ref:
            backup = flow.keep_original(resume)
            for problem in case.warnings:
                console.print(Text(str(problem), style="yellow"))
            console.print(
                Text(words.assess_original_kept(str(backup), framework.ref), style="yellow")
            )
            case = case._replace(framework_ref=framework.ref)
            store.save(case)
    else:
        if out is not None:
            flow.check_out(out, force)
        flow.check_folder(out.parent if out is not None else folder)
        store = flow.Store(framework, out=out, folder=folder, force=force)
    session = Session(framework, store, console, case, today, prompts)
    session.library, session.bundled_library = library, bundled_library
    watch = HangupWatch()
    with watch.installed(), _collector_set_aside():
        try:
            if case is None:
                session.interview()
            else:
                session.resume()
        except (KeyboardInterrupt, EOFError, OSError) as exc:
            if isinstance(exc, OSError) and not watch.gone(exc):
                raise
            return Outcome(store.path, session.case, interrupted=True)
    return Outcome(store.path, session.case, interrupted=False)


def release_terminal() -> None:
    """After a hang-up, point stdout/stderr at /dev/null so that exiting cannot fail on them."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError, AttributeError):
            os.dup2(devnull, stream.fileno())


def resume_hint(outcome: Outcome, framework_arg: Path | None) -> list[str]:
    """What is printed on interruption: where the answers are, then how to go on, the command on
    a line of its own (so that it is never split)."""

    if outcome.path is None:
        return [words.ASSESS_NOTHING_SAVED]
    command = f"sanctions-check assess --resume {shlex.quote(str(outcome.path))}"
    if framework_arg is not None:
        command += f" --framework {shlex.quote(str(framework_arg))}"
    return words.assess_interrupted(str(outcome.path), command)
