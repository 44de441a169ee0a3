"""The interview's logic without any prompting: which step comes next, where a resumed file
continues, how an answer changes the case, and where the case file is saved.

Kept apart from ``interview.py`` (the only module that talks to questionary) so that the order of
the steps, going back, resuming and saving can be tested as plain functions, and so that nothing
here costs questionary's start-up.
"""

from __future__ import annotations

import re
import signal
import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, NamedTuple

from sanctions_check import case as case_mod
from sanctions_check import yamlio
from sanctions_check.case import NOT_APPLICABLE, Case, CaseHeader, Judgement, Score, View
from sanctions_check.checks import SLUG
from sanctions_check.errors import UsageError, WriteError
from sanctions_check.framework import Factor, Framework, Question, Risk

StepKind = Literal["header", "purpose", "question", "risk", "judgement"]
SectionKind = Literal["case", "factor", "risks", "judgement"]

# The header fields asked, in order. Title and id are required by the case format; the country
# and the as-of date come before the id, which is proposed from them.
HEADER_FIELDS: tuple[str, ...] = (
    "title",
    "country",
    "as_of",
    "id",
    "hypothetical",
    "implementers",
    "analyst",
    "situation",
    "measures",
)
MAX_ID_PART = 24  # the place part of a proposed id: short enough for a table column
RISK_PARTS = ("likelihood", "severity")
MAX_DEFAULT_NAMES = 1000


class Section(NamedTuple):
    """A group of steps shown under one heading: the case, one factor, or the risks."""

    number: int  # 1-based
    kind: SectionKind
    title: str
    start: int  # index of its first step
    end: int  # index after its last step
    factor: Factor | None = None


class Step(NamedTuple):
    """One prompt of the interview."""

    kind: StepKind
    section: int  # 1-based section number
    field: str = ""  # header field, or likelihood/severity for a risk
    factor: Factor | None = None
    question: Question | None = None
    risk: Risk | None = None
    # 1-based: a factor question's number among the questions, a risk's among the risks (the
    # counts every summary and the resume menu give); 0 for the header and the judgement
    number: int = 0

    @property
    def counted(self) -> bool:
        """Factor questions and risks are what the tallies count; the header is not counted."""
        return self.kind in ("question", "risk")

    @property
    def asked(self) -> bool:
        """A step with an answer to continue at or return to: a question, a risk, the judgement."""
        return self.kind in ("question", "risk", "judgement")


class Plan(NamedTuple):
    """Every step of an interview, generated from the framework (nothing is hard-coded)."""

    sections: tuple[Section, ...]
    steps: tuple[Step, ...]
    questions: int  # factor questions
    risks: int

    def section_of(self, index: int) -> Section:
        return self.sections[self.steps[index].section - 1]

    def progress(self, index: int) -> str:
        """'Section 2/15 · Question 3 of 32' — where the analyst is, and how much is left, in the
        counts the tallies use: questions among the questions, risks among the risks."""
        step = self.steps[index]
        where = f"Section {step.section}/{len(self.sections)}"
        if step.kind in ("header", "purpose"):
            section = self.sections[0]
            return f"{where} · Case {index - section.start + 1}/{section.end - section.start}"
        return f"{where} · {self.position(step)}"

    def position(self, step: Step) -> str:
        """'Question 3 of 32', 'Risk 2 of 8 · likelihood', 'Your judgement'."""
        if step.kind == "question":
            return f"Question {step.number} of {self.questions}"
        if step.kind == "risk":
            return f"Risk {step.number} of {self.risks} · {step.field}"
        return "Your judgement"


def plan(framework: Framework) -> Plan:
    """The case header and purposes, each factor's questions, the risks, then the analyst's own
    judgement, in framework order."""
    steps: list[Step] = []
    sections: list[Section] = []
    start = 0
    for field in HEADER_FIELDS:
        steps.append(Step("header", 1, field=field))
    if framework.purposes:
        steps.append(Step("purpose", 1, field="purpose"))
    sections.append(Section(1, "case", "the case header and purposes", start, len(steps)))
    number = 0
    for factor in framework.factors:
        start = len(steps)
        section = len(sections) + 1
        for question in factor.questions:
            number += 1
            steps.append(Step("question", section, factor=factor, question=question, number=number))
        sections.append(Section(section, "factor", factor.name, start, len(steps), factor))
    if framework.risks:
        start = len(steps)
        section = len(sections) + 1
        for n, risk in enumerate(framework.risks, 1):
            for part in RISK_PARTS:
                steps.append(Step("risk", section, field=part, risk=risk, number=n))
        sections.append(Section(section, "risks", "unintended consequences", start, len(steps)))
    start = len(steps)
    section = len(sections) + 1
    steps.append(Step("judgement", section, field="judgement"))
    sections.append(Section(section, "judgement", "your judgement", start, len(steps)))
    return Plan(tuple(sections), tuple(steps), number, len(framework.risks))


def answered(step: Step, case: Case) -> bool:
    """Has this step been answered? ``unknown`` is an answer; an empty value is not."""
    if step.kind == "question":
        assert step.factor is not None and step.question is not None
        return case.answer(step.factor.id, step.question.id).score is not None
    if step.kind == "risk":
        assert step.risk is not None
        return getattr(case.risk(step.risk.id), step.field) is not None
    if step.kind == "judgement":
        return case.judgement is not None
    return True


class Place(NamedTuple):
    """Where a resumed interview stands: the step to continue at (None when nothing is left
    after the last answer) and the steps left open before it, to return to."""

    resume_at: int | None
    skipped: tuple[int, ...]


def left_off(plan_: Plan, case: Case) -> int:
    """Where the analyst left off, as far as the file can tell: after the last question, risk or
    judgement answered, in framework order (a file cannot tell a skipped question from one not
    reached, so those after the last answer are where to go on)."""
    done = [i for i, step in enumerate(plan_.steps) if step.asked and answered(step, case)]
    return done[-1] + 1 if done else 0


def place(plan_: Plan, case: Case, left_off_at: int | None = None) -> Place:
    """Continue where the analyst left off, in framework order: at the first question, risk or
    judgement still open from ``left_off_at`` (the step after the last one they answered or
    skipped; by default as far as the file can tell); those left open before it were skipped.
    """
    asked = [i for i, step in enumerate(plan_.steps) if step.asked]
    if left_off_at is None:
        left_off_at = left_off(plan_, case)
    open_after = [i for i in asked if i >= left_off_at and not answered(plan_.steps[i], case)]
    skipped = tuple(i for i in asked if i < left_off_at and not answered(plan_.steps[i], case))
    return Place(open_after[0] if open_after else None, skipped)


def first_unanswered(plan_: Plan, case: Case) -> int | None:
    """The first factor question or risk left open, in framework order."""
    for index, step in enumerate(plan_.steps):
        if step.counted and not answered(step, case):
            return index
    return None


def retrospective(header: CaseHeader, today: str | None) -> bool:
    """Is the case assessed as of a past date? Its as-of date is before today (the interview's)
    or before the day it was assessed on: only then can an answer rest on later facts."""
    as_of = header.as_of
    if not as_of:
        return False
    return any(day and as_of < day for day in (today, header.assessed_on))


class Tally(NamedTuple):
    answered: int
    questions: int
    rated: int  # risks with both likelihood and severity given
    risks: int


def tally(framework: Framework, case: Case) -> Tally:
    questions = [(f.id, q.id) for f in framework.factors for q in f.questions]
    done = sum(1 for fid, qid in questions if case.answer(fid, qid).score is not None)
    rated = sum(
        1
        for r in framework.risks
        if case.risk(r.id).likelihood is not None and case.risk(r.id).severity is not None
    )
    return Tally(done, len(questions), rated, len(framework.risks))


def section_tally(plan_: Plan, section: Section, case: Case) -> tuple[int, int]:
    """(answered, total) questions of one section, for the resume menu; a risk counts once,
    when both its likelihood and its severity are given."""
    steps = [s for s in plan_.steps[section.start : section.end] if s.counted]
    done: dict[int, bool] = {}
    for step in steps:
        done[step.number] = done.get(step.number, True) and answered(step, case)
    return sum(done.values()), len(done)


# --- building the case, one answer at a time -------------------------------------------------


def slugify(title: str) -> str:
    """A valid case id from a title: 'Côte d'Ivoire 2011' -> 'cote-d-ivoire-2011'."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].rstrip("-") or "case"


_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


def _short(slug: str, limit: int = MAX_ID_PART) -> str:
    """A slug cut at a word boundary to at most ``limit`` characters."""
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1].rsplit("-", 1)[0]
    return cut if cut else slug[:limit]


def propose_id(header: CaseHeader, today: str | None) -> str:
    """A short id: the country (else the title's first words) and a year.

    The year is the as-of date's, else the first year in the title, else this year's:
    'Republic of Aldovia 2025 (hypothetical)' in Aldovia -> 'aldovia-2025'. A whole title
    would make a 50-character id that no table can show.
    """
    year = (header.as_of or "")[:4]
    if not year:
        found = _YEAR.search(header.title or "")
        year = found.group(1) if found else (today or "")[:4]
    place = slugify(header.country) if header.country else "case"
    if place == "case":
        place = slugify(_YEAR.sub(" ", header.title or ""))
    place = _short(place)
    return f"{place}-{year}" if year and place != year else place


def free_id(ident: str, taken: Callable[[str], bool]) -> str:
    """``ident``, or ``ident-2``, ``ident-3`` ...: the first that ``taken`` does not refuse."""
    for n in range(1, MAX_DEFAULT_NAMES + 1):
        candidate = ident if n == 1 else f"{ident}-{n}"
        if not taken(candidate):
            return candidate
    raise UsageError(f"too many cases named {ident}-N; choose an id and a file name with --out")


def valid_id(text: str) -> bool:
    return bool(SLUG.match(text))


def new_case(framework: Framework, header: CaseHeader, ident: str, today: str | None) -> Case:
    """A case with the header drafted so far, answered against the framework in use."""
    return Case(header._replace(id=ident, assessed_on=header.assessed_on or today), framework.ref)


def header_value(header: CaseHeader, field: str) -> str:
    """A header field as the text a prompt shows (lists joined with '; ')."""
    value = getattr(header, field)
    if value is None:
        return ""
    if isinstance(value, tuple):
        return join_sources(value)
    return str(value)


def header_with(header: CaseHeader, field: str, value: str | bool) -> CaseHeader:
    """Set one header field; an empty optional field is removed rather than saved as ''."""
    changes: dict[str, Any]
    if isinstance(value, bool):
        changes = {field: value}
    elif field in ("title", "id"):
        if not value.strip():
            return header
        changes = {field: value.strip()}
    elif field == "implementers":
        changes = {field: split_sources(value)}
    else:
        changes = {field: value.strip() or None}
    return header._replace(**changes)


def with_header(case: Case, field: str, value: str | bool) -> Case:
    return case._replace(header=header_with(case.header, field, value))


def with_judgement(case: Case, view: View, reason: str, today: str | None) -> Case:
    """The analyst's own judgement, dated the day it is given (or revised)."""
    return case._replace(judgement=Judgement(view=view, reason=reason.strip(), date=today))


def with_purposes(case: Case, purposes: list[str]) -> Case:
    return case._replace(header=case.header._replace(purpose=tuple(purposes)))


def with_score(case: Case, step: Step, score: Score, note: str | None = None) -> Case:
    """Record a score (0-4, unknown or n/a) and keep the confidence and sources already given;
    ``note`` replaces the note when given (an n/a answer needs one)."""
    assert step.factor is not None and step.question is not None
    old = case.answer(step.factor.id, step.question.id)
    new = old._replace(score=score)
    if note is not None:
        new = new._replace(note=note.strip() or None)
    return case.with_answer(step.factor.id, step.question.id, new)


def with_risk_level(case: Case, step: Step, level: Score) -> Case:
    """Record a risk's likelihood or severity, whichever the step asks. Rating a risk that was
    n/a clears its other side too, so no risk is ever left half n/a."""
    assert step.risk is not None
    old = case.risk(step.risk.id)
    changes: dict[str, Any] = {step.field: level}
    if old.not_applicable:
        changes = {"likelihood": None, "severity": None, **changes}
    return case.with_risk(step.risk.id, old._replace(**changes))


def with_risk_not_applicable(case: Case, step: Step, note: str) -> Case:
    """Mark a risk as unable to arise with these measures: both sides n/a, with the note why."""
    assert step.risk is not None
    old = case.risk(step.risk.id)
    new = old._replace(
        likelihood=NOT_APPLICABLE, severity=NOT_APPLICABLE, note=note.strip() or None
    )
    return case.with_risk(step.risk.id, new)


def with_extras(case: Case, step: Step, **fields: Any) -> Case:
    """Change a question's or a risk's note, confidence, sources, hindsight (or a risk's
    mitigation); its score or levels are left as they are."""
    if step.kind == "question":
        assert step.factor is not None and step.question is not None
        old = case.answer(step.factor.id, step.question.id)
        return case.with_answer(step.factor.id, step.question.id, old._replace(**fields))
    assert step.risk is not None
    return case.with_risk(step.risk.id, case.risk(step.risk.id)._replace(**fields))


def split_sources(text: str) -> tuple[str, ...]:
    """Sources typed on one line, separated by ';' (URLs and titles may contain commas)."""
    return tuple(part.strip() for part in text.split(";") if part.strip())


def join_sources(sources: tuple[str, ...]) -> str:
    return "; ".join(sources)


# --- saving ----------------------------------------------------------------------------------


def case_path(folder: Path, ident: str) -> Path:
    """Where a case is saved by default: ``<id>.yaml``, so the file name always names the case."""
    return folder / f"{ident}.yaml"


def taken_in(folder: Path) -> Callable[[str], bool]:
    """Is a case id taken in this folder (its file exists)?"""
    return lambda ident: case_path(folder, ident).exists()


def check_out(path: Path, force: bool) -> None:
    """Refuse, before the first question, to start an interview that would replace a file."""
    if path.is_dir():
        raise UsageError(f"{path} is a folder; --out takes a file name")
    if path.exists() and not force:
        raise UsageError(
            f"{path} already exists; continue it with `sanctions-check assess --resume {path}`, "
            "or use --force to start over and replace it"
        )


def check_folder(folder: Path) -> None:
    """Refuse, before the first question, a folder where no answer could be saved."""
    import os

    where = folder if str(folder) else Path(".")
    if not where.is_dir():
        raise UsageError(f"{where} is not a folder; cannot save the case file there")
    if not os.access(where, os.W_OK | os.X_OK):
        raise UsageError(
            f"cannot write in {where}: no answer could be saved; choose another place with "
            "--out, or run assess from a folder you can write to"
        )


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C and hang-up while a file is being replaced, so a save is never cut short."""
    held = {signal.SIGINT, signal.SIGHUP, signal.SIGTERM}
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError, OSError):  # pragma: no cover - not POSIX or not main
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


class Store:
    """Where the case file lives, chosen at the first save and rewritten after every answer.

    The first save never replaces an existing file (unless ``--force`` named it); later saves
    replace the interview's own file atomically, so an interruption leaves the last complete
    version on disk.

    A resumed file is rewritten over its own text (``case.dumps_over``): its comments (the
    template's, a panel's round-two notes, the analyst's own) and layout stay, and only the
    answers given change. Should that ever fail its read-back check, the file as it was is
    copied beside it first (``kept_as``), and the case is written plainly from then on.
    """

    def __init__(
        self,
        framework: Framework,
        *,
        out: Path | None = None,
        folder: Path = Path("."),
        force: bool = False,
        resumed: bool = False,
        text: str | None = None,
    ) -> None:
        self.framework = framework
        self.out = out
        self.folder = folder
        self.force = force
        self.path: Path | None = out if resumed else None
        self.saves = 0
        self.text = text  # the resumed file's text as last written
        self.data: Any = None  # its parse, once known
        self.kept_as: Path | None = None

    def taken(self, ident: str) -> bool:
        """Would this id's default file replace one already there? (Never with --out.)"""
        return self.out is None and self.path is None and case_path(self.folder, ident).exists()

    def save(self, case: Case) -> Case:
        """Save the case; returns it as saved (a first save may need a free id, see below)."""
        if self.path is not None:
            text = self._text(case, self.path)
            with signals_held():
                yamlio.atomic_write(self.path, text, overwrite=True)
            if self.text is not None:
                self.text = text
        elif self.out is not None:
            with signals_held():
                case_mod.save(case, self.framework, self.out, overwrite=self.force)
            self.path = self.out
        else:
            case = self._first_save(case)
        self.saves += 1
        return case

    def _text(self, case: Case, path: Path) -> str:
        """The file's new text: over its old text where it has one, else written anew."""
        if self.text is not None:
            edited = case_mod.dumps_over(case, self.framework, self.text, str(path), self.data)
            if edited is not None:
                self.data = edited.data
                return edited.text
            self.kept_as = keep_original(path)
            self.text = None
        return case_mod.dumps(case, self.framework)

    def _first_save(self, case: Case) -> Case:
        """``<id>.yaml``, never replacing a file: if another took the name since the id was
        chosen, the next free id (``<id>-2``), in the file name AND inside the file, so that
        two files never carry the same id."""
        for _ in range(MAX_DEFAULT_NAMES):
            ident = free_id(case.header.id, taken_in(self.folder))
            case = case._replace(header=case.header._replace(id=ident))
            path = case_path(self.folder, ident)
            try:
                with signals_held():
                    case_mod.save(case, self.framework, path, overwrite=False)
            except WriteError:
                if path.exists():
                    continue  # another process took the name just now: try the next one
                raise
            self.path = path
            return case
        raise UsageError("could not find a free file name; choose one with --out")


def keep_original(path: Path) -> Path:
    """Copy a file about to be rewritten against another framework version: ``<name>.orig.yaml``.

    Answers to questions the current version no longer has cannot be carried over, so the
    original stays beside the resumed file instead of being lost.
    """
    data = path.read_bytes()
    for n in range(1, MAX_DEFAULT_NAMES + 1):
        suffix = ".orig" if n == 1 else f".orig-{n}"
        backup = path.with_name(f"{path.stem}{suffix}{path.suffix or '.yaml'}")
        if backup.exists():
            continue
        try:
            yamlio.atomic_write(backup, data, overwrite=False)
        except WriteError:
            if backup.exists():
                continue
            raise
        return backup
    raise UsageError(f"could not find a free name for a copy of {path}")


NEEDS_TERMINAL = (
    "assess is interactive and needs a terminal. Without one, write a case file with "
    "`sanctions-check new -o FILE`, fill it in, then run `sanctions-check score FILE`."
)


def stdio_is_terminal() -> bool:
    """Prompts need a terminal on both sides; in CI or a pipe they would hang or fail."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
