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
from sanctions_check import flow, scoring, textsafe
from sanctions_check.case import (
    CONFIDENCE,
    NOT_APPLICABLE,
    UNKNOWN,
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
from sanctions_check.render.wording.common import kind_label

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
        # The header fields given before the id: the case file is created at the id step.
        self.draft = CaseHeader(id="", title="")
        self.shown_section = 0

    # --- saving ---------------------------------------------------------------------------

    def _update(self, case: Case) -> None:
        self.case = case
        self.case = self.store.save(case)

    @property
    def header(self) -> CaseHeader:
        return self.case.header if self.case is not None else self.draft

    def proposed_id(self) -> str:
        return flow.free_id(flow.propose_id(self.draft, self.today), self.store.taken)

    def flush(self) -> None:
        """On interruption: a title given but no id yet still becomes a file (proposed id)."""
        if self.case is None and self.draft.title:
            self._update(flow.new_case(self.framework, self.draft, self.proposed_id(), self.today))

    # --- the whole interview --------------------------------------------------------------

    def interview(self) -> None:
        """A new case: every step in order, then the summary."""
        self.walk(0, len(self.plan.steps))
        self.finish()

    def resume(self) -> None:
        """A saved case: a menu to continue, review a section, or finish."""
        assert self.case is not None
        while True:
            action = self.menu()
            if action[0] == "continue":
                self.walk(action[1], len(self.plan.steps))
                break
            if action[0] == "review":
                section = self.plan.sections[action[1] - 1]
                self.shown_section = 0
                self.walk(section.start, section.end, floor=section.start)
                continue
            break
        self.finish()

    def menu(self) -> tuple[Any, ...]:
        assert self.case is not None
        t = flow.tally(self.framework, self.case)
        where = f"{textsafe.one_line(self.case.header.title)} ({self.store.path})"
        self.console.print(
            Text(words.assess_tally(where, t.answered, t.questions, t.rated, t.risks), style="bold")
        )
        choices = []
        room = max(self.console.width - CHOICE_MARGIN, 40)  # a list line cannot wrap
        first = flow.first_unanswered(self.plan, self.case)
        if first is not None:
            step = self.plan.steps[first]
            where = words.assess_continue_at(step.number, self.plan.questions)
            choices.append(
                Choice(
                    where + textsafe.one_line(self._step_text(step), room - len(where)),
                    ("continue", first),
                    shortcut_key=KEY_CONTINUE,
                )
            )
        for section in self.plan.sections:
            count = ""
            if section.kind != "case":
                done, total = flow.section_tally(self.plan, section, self.case)
                count = words.assess_section_count(done, total, section.kind == "risks")
            label = words.assess_review(textsafe.one_line(section.title), count)
            if len(label) > room and section.factor is not None:  # the short name, not a cut
                label = words.assess_review(textsafe.one_line(section.factor.label), count)
            choices.append(
                Choice(
                    textsafe.one_line(label),
                    ("review", section.number),
                    shortcut_key=_section_key(section),
                )
            )
        choices.append(Choice(words.ASSESS_FINISH, ("finish",), shortcut_key=KEY_FINISH))
        chosen: tuple[Any, ...] = self.prompts.select(
            words.ASSESS_WHAT_NEXT,
            choices,
            default=choices[0].value,
            instruction=words.ASSESS_MENU_INSTRUCTION,
        )
        return chosen

    def walk(self, start: int, stop: int, floor: int = 0) -> None:
        """Steps ``start`` to ``stop``; going back below ``floor`` returns to the menu."""
        index = start
        move = 1
        while index < stop:
            section = self.plan.section_of(index)
            if section.number != self.shown_section and (move > 0 or index == start):
                self.intro(section)
            self.shown_section = section.number
            move = self.ask(index, can_go_back=index > 0)
            index += move
            if index < floor:
                return

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

    def ask(self, index: int, can_go_back: bool) -> int:
        """Ask one step; returns +1 to go on, -1 to go back."""
        step = self.plan.steps[index]
        self.console.print(Text(self.plan.progress(index), style="dim"))
        if step.kind == "header":
            return self.ask_header(step, can_go_back)
        if step.kind == "purpose":
            return self.ask_purposes()
        return self.ask_level(step, can_go_back)

    def ask_header(self, step: Step, can_go_back: bool) -> int:
        field = step.field
        message = words.HEADER_PROMPTS[field]
        if field == "id":
            return self.ask_id(message)
        if field == "hypothetical":
            return self.ask_hypothetical(message)
        current = flow.header_value(self.header, field)
        validate: Callable[[str], bool | str] | None = None
        if field == "title":
            validate = _title_ok
        elif field == "as_of":
            validate = _date_ok
        answer = self.prompts.text(message, current, back=can_go_back, validate=validate)
        if answer == BACK:
            return -1
        if answer.strip() == current.strip():
            return 1
        if self.case is None:
            self.draft = flow.header_with(self.draft, field, answer)
        else:
            self._update(flow.with_header(self.case, field, answer))
        return 1

    def ask_id(self, message: str) -> int:
        if self.case is not None:
            current = self.case.header.id
            folder = self.store.path.parent if self.store.path is not None else self.store.folder

            def other(value: str) -> bool | str:
                # Another case's file already carries that id: two files, one id, is refused.
                ident = value.strip()
                ok = _id_ok(ident)
                if ok is not True or ident == current:
                    return ok
                taken = flow.case_path(folder, ident)
                if taken == self.store.path or not taken.exists():
                    return True
                return words.assess_id_taken(ident)

            answer = self.prompts.text(message, current, back=True, validate=other)
            if answer == BACK:
                return -1
            self._update(flow.with_header(self.case, "id", answer))
            return 1
        # A proposal, not pre-filled text to delete before typing; a name already taken in this
        # folder is refused, with the way to continue that case instead.
        proposed = self.proposed_id()
        store = self.store

        def free(value: str) -> bool | str:
            ident = value.strip() or proposed
            ok = _id_ok(ident)
            if ok is not True:
                return ok
            return not store.taken(ident) or words.assess_id_taken(ident)

        answer = self.prompts.text(
            f"{message}; Enter accepts", back=True, placeholder=proposed, validate=free
        )
        if answer == BACK:
            return -1
        self._update(
            flow.new_case(self.framework, self.draft, answer.strip() or proposed, self.today)
        )
        self.console.print(Text(words.assess_saving(str(self.store.path)), style="green"))
        return 1

    def ask_hypothetical(self, message: str) -> int:
        assert self.case is not None
        choices = [
            Choice(words.ASSESS_REAL, False, shortcut_key="1"),
            Choice(words.ASSESS_HYPOTHETICAL, True, shortcut_key="2"),
            Choice(words.ASSESS_BACK, BACK, shortcut_key=KEY_BACK),
        ]
        answer = self.prompts.select(message, choices, default=self.case.header.hypothetical)
        if answer == BACK:
            return -1
        if answer != self.case.header.hypothetical:
            self._update(flow.with_header(self.case, "hypothetical", bool(answer)))
        return 1

    def ask_purposes(self) -> int:
        assert self.case is not None
        current = set(self.case.header.purpose)
        choices = [
            Choice(textsafe.one_line(f"{p.name}: {p.description}"), p.id, checked=p.id in current)
            for p in self.framework.purposes
        ]
        answer = self.prompts.checkbox(words.ASSESS_PURPOSES, choices)
        if answer == BACK:
            return -1
        if tuple(answer) != self.case.header.purpose:
            self._update(flow.with_purposes(self.case, answer))
        return 1

    def ask_level(self, step: Step, can_go_back: bool) -> int:
        """A factor question or a risk's likelihood/severity: 0-4, unknown, skip, details, help."""
        assert self.case is not None
        while True:
            current = self._current(step)
            self._show_details(step)
            room = self._legend(step)
            choices = self._level_choices(step, can_go_back, room)
            default = current if current is not None else SKIP
            answer = self.prompts.select(self._step_text(step), choices, default=default)
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
                return 2 if step.kind == "risk" and step.field == RISK_PARTS[0] else 1
            if answer == NOT_APPLICABLE:
                if not self.ask_not_applicable(step):
                    continue
                # A risk that cannot arise is n/a on both sides: its severity is not asked.
                return 2 if step.kind == "risk" and step.field == RISK_PARTS[0] else 1
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
        note = self.prompts.text(
            words.ASSESS_NA_NOTE,
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

    def _legend(self, step: Step) -> int:
        """Print the full anchors when a list line could not hold them; returns the room left.

        A list prompt cannot wrap its lines, and an anchor cut at the terminal's edge would hide
        exactly the wording that makes answers comparable between analysts.
        """
        room = max(self.console.width - CHOICE_MARGIN, 20)
        levels = self._levels(step)[:5]  # the anchored levels; unknown and n/a are always short
        if all(len(text) <= room for _, _, text in levels):
            return room
        from rich.table import Table

        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        for key, _, text in levels:
            grid.add_row(f"  {key}", Text(text))
        self.console.print(grid)
        return room

    def _level_choices(self, step: Step, can_go_back: bool, room: int) -> list[Choice]:
        choices = [
            Choice(textsafe.one_line(text, room), value, shortcut_key=key)
            for key, value, text in self._levels(step)
        ]
        has = self._has_details(step)
        choices.append(
            Choice(
                words.assess_details_choice(has, step.kind == "risk"),
                DETAILS,
                shortcut_key=KEY_DETAILS,
            )
        )
        choices.append(Choice(words.ASSESS_HELP, HELP, shortcut_key=KEY_HELP))
        skip = (
            words.ASSESS_SKIP_RISK
            if step.kind == "risk" and step.field == RISK_PARTS[0]
            else words.ASSESS_SKIP
        )
        choices.append(Choice(skip, SKIP, shortcut_key=KEY_SKIP))
        if can_go_back:
            choices.append(Choice(words.ASSESS_BACK_QUESTION, BACK, shortcut_key=KEY_BACK))
        return choices

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
            return step.question.text
        if step.kind == "risk":
            assert step.risk is not None
            if step.field == "likelihood":
                return words.assess_likelihood_question(step.risk.name, step.risk.question)
            return words.assess_severity_question(step.risk.name)
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
        """Remind the analyst of what is already written for this step (case text stays text);
        a risk's details are shown once, at its likelihood."""
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
            self.console.print(
                Text("  " + " · ".join(textsafe.one_line(p, 200) for p in parts), style="cyan")
            )

    def ask_details(self, step: Step) -> None:
        """The optional extras, each saved as soon as it is given; b (or <) returns to the
        question with what was given so far kept."""
        assert self.case is not None
        if step.kind == "risk":
            assert step.risk is not None
            self.console.print(Text(words.ASSESS_MITIGATIONS, style="dim"))
            for mitigation in step.risk.mitigations:
                self.console.print(Text(f"  • {textsafe.one_line(mitigation)}", style="dim"))
            given = self.prompts.text(
                words.ASSESS_MITIGATION, self.case.risk(step.risk.id).mitigation or "", back=True
            )
            if given == BACK:
                return
            self._update(flow.with_extras(self.case, step, mitigation=given.strip() or None))
        current = self._extras(step)
        needs_note = getattr(current, "score", None) == NOT_APPLICABLE
        note = self.prompts.text(
            words.ASSESS_NOTE,
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
        choices = [Choice(words.ASSESS_NOT_STATED, NO_CONFIDENCE, shortcut_key="0")]
        choices += [
            Choice(level, level, shortcut_key=str(n)) for n, level in enumerate(CONFIDENCE, 1)
        ]
        choices.append(Choice(words.ASSESS_BACK_DETAILS, BACK, shortcut_key=KEY_BACK))
        confidence = self.prompts.select(
            words.ASSESS_CONFIDENCE, choices, default=current.confidence or NO_CONFIDENCE
        )
        if confidence == BACK:
            return
        confidence = None if confidence == NO_CONFIDENCE else confidence
        self._update(flow.with_extras(self.case, step, confidence=confidence))
        sources = self.prompts.text(
            words.ASSESS_SOURCES, flow.join_sources(current.sources), back=True
        )
        if sources == BACK:
            return
        self._update(flow.with_extras(self.case, step, sources=flow.split_sources(sources)))
        as_of = self.case.header.as_of
        if as_of:
            choices = [
                Choice(words.ASSESS_NO_HINDSIGHT, False, shortcut_key="1"),
                Choice(words.ASSESS_HINDSIGHT, True, shortcut_key="2"),
                Choice(words.ASSESS_BACK_DETAILS, BACK, shortcut_key=KEY_BACK),
            ]
            hindsight = self.prompts.select(
                words.assess_hindsight(as_of), choices, default=current.hindsight
            )
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
            title = words.assess_section(section.number, total, words.ASSESS_THE_CASE)
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
            title = words.assess_section(
                section.number,
                total,
                f"{textsafe.one_line(factor.name)} ({kind_label(factor.kind)})",
            )
            body.append(textsafe.plain(factor.description).strip())
            body.append(f"\n{framework_words.FV_WHY}: ", style="bold")
            body.append(textsafe.plain(factor.why).strip())
            body.append(f"\n{framework_words.FV_EVIDENCE}: ", style="bold")
            body.append(textsafe.plain(factor.evidence.label))
            if factor.kind == "red_flag":
                body.append("\n" + words.ASSESS_RED_FLAG, style="yellow")
        else:
            title = words.assess_section(section.number, total, words.ASSESS_RISKS_TITLE)
            body.append(words.ASSESS_RISKS_INTRO)
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


def _section_key(section: Section) -> str | bool:
    """The resume menu's key for a section: its number up to 9, r for the risks; none else."""
    if section.kind == "risks":
        return KEY_RISKS
    return str(section.number) if section.number <= 9 else False


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
        case = case_mod.load(resume, framework)
        flow.check_folder(resume.parent)
        store = flow.Store(framework, out=resume, resumed=True)
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
            session.flush()
            return Outcome(store.path, session.case, interrupted=True)
    return Outcome(store.path, session.case, interrupted=False)


def release_terminal() -> None:
    """After a hang-up, point stdout/stderr at /dev/null so that exiting cannot fail on them."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError, AttributeError):
            os.dup2(devnull, stream.fileno())


def resume_hint(outcome: Outcome, framework_arg: Path | None) -> str:
    """The one line printed on interruption: where the answers are and how to go on."""

    if outcome.path is None:
        return words.ASSESS_NOTHING_SAVED
    command = f"sanctions-check assess --resume {shlex.quote(str(outcome.path))}"
    if framework_arg is not None:
        command += f" --framework {shlex.quote(str(framework_arg))}"
    return words.assess_interrupted(str(outcome.path), command)
