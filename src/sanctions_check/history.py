"""The reference library of coded episodes: where it lives, how it is read, what each verdict means.

`similar` and `backtest` both start here. Reading is the only impure step; the comparisons
themselves (``analogues``, ``backtest``) are pure functions over scored assessments.

The bundled library is the ``examples`` folder. A wheel carries a copy of it inside the package
(as it does ``factors.yaml``); an editable install or a run from the source tree reads the
checkout's own folder, so there is one source.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, NamedTuple

from sanctions_check.errors import Problem

if TYPE_CHECKING:
    from sanctions_check.case import Case, Verdict
    from sanctions_check.framework import Framework
    from sanctions_check.scoring import Assessment

# The sources' overall verdict, in the order the back-test uses; "unclear" has no place in it.
ORDINAL: Final[dict[Literal["ineffective", "partly", "effective"], int]] = {
    "ineffective": 0,
    "partly": 1,
    "effective": 2,
}
UNCLEAR: Final = "unclear"
FRAMEWORK: Final = "framework"  # the case file's field naming the framework it answers


def default_library() -> Path:
    """The bundled examples: the package's own ``examples`` folder, and nothing outside it (in the
    source tree a link to the root ``examples``, as for ``factors.yaml``)."""
    return Path(__file__).resolve().parent / "examples"


class Library(NamedTuple):
    """Scored cases read from files, and the problems that kept other files out."""

    assessments: tuple[Assessment, ...]
    problems: tuple[Problem, ...]

    @property
    def invalid(self) -> tuple[str, ...]:
        """Files left out because of an error (warnings do not count)."""
        seen: dict[str, None] = {}
        for problem in self.problems:
            if problem.severity == "error":
                seen.setdefault(problem.file, None)
        return tuple(seen)


def load(paths: Sequence[str], framework: Framework, max_bytes: int) -> Library:
    """Read, validate and score every case file under ``paths`` (sorted, each file once).

    One bad file never stops the rest: its problems are kept and it is left out. A library counts
    each episode once, so of several files with one case id only the first (in path order) is
    used. Each later one is left out with an error naming the file used: a duplicate when it
    repeats that file's analyst and as_of date, as `score` says, else another version of the
    episode (another analyst's coding, or another date's), which `score` would keep but a
    library cannot count twice.
    """
    from sanctions_check import batch
    from sanctions_check.scoring import assess

    names, problems = batch.collect(list(paths))
    found: list[Problem] = list(problems)
    scored: list[Assessment] = []
    first: dict[str, Case] = {}
    for name in names:
        case = batch.checked(name, partial(_read, name, framework, max_bytes))
        if isinstance(case, batch.Unreadable):
            found.extend(case.problems)
            continue
        earlier = first.setdefault(case.header.id, case)
        if earlier is not case:
            found.append(Problem(name, _counted_once(case, earlier), field="case.id"))
            continue
        scored.append(assess(framework, case))
    return Library(tuple(scored), tuple(found))


def other_framework(library: Library) -> bool:
    """Whether no episode of the library could be scored because every file that failed was
    answered against another framework than the one in use (another id): one fact to say once,
    rather than every file's errors."""
    if library.assessments or not library.invalid:
        return False
    mismatched = {
        p.file for p in library.problems if p.severity == "error" and p.field == FRAMEWORK
    }
    return set(library.invalid) <= mismatched


def _counted_once(case: Case, used: Case) -> str:
    """Why a second file of one episode is left out of a library."""
    from sanctions_check import batch

    h, u = case.header, used.header
    if batch.version_key(h.id, h.analyst, h.as_of) == batch.version_key(u.id, u.analyst, u.as_of):
        return batch.duplicate(h.id, used.source)
    differ = []
    if batch.analyst_key(h.analyst) != batch.analyst_key(u.analyst):
        differ.append(f"analyst {_given(h.analyst)}, not {_given(u.analyst)}")
    if (h.as_of or "") != (u.as_of or ""):
        differ.append(f"as_of {_given(h.as_of)}, not {_given(u.as_of)}")
    return (
        f"case id {h.id!r} is also used by {used.source}: another version of the same episode "
        f"({'; '.join(differ)}). A library counts each episode once, so only the first file in "
        "path order is used; keep one version of each episode in a library"
    )


def _given(value: str | None) -> str:
    return repr(" ".join(value.split())) if value and value.strip() else "none"


def _read(name: str, framework: Framework, max_bytes: int) -> Case:
    """One library file, read and checked as `score` reads it; a bundled example's text is not
    parsed again (its parse ships with the package, see :mod:`sanctions_check.preparsed`)."""
    from sanctions_check import batch, preparsed, yamlio
    from sanctions_check import case as case_mod

    if name == batch.STDIN:
        return batch.read_case(name, framework, max_bytes)
    text = yamlio.read_text(Path(name), max_bytes=max_bytes, label=name)
    return case_mod.loads(text, framework, name, data=preparsed.example(text))


def same_file(a: str, b: str) -> bool:
    """Whether two case sources name one file (standard input never matches a file)."""
    if "<" in (a[:1], b[:1]):
        return False
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):
        return False


def verdict_of(case: Case) -> Verdict | None:
    """The sources' overall verdict recorded in the case's outcome block, or None."""
    return None if case.outcome is None else case.outcome.verdict


def numeric(score: object) -> float | None:
    """An answer's level as a number when it is one (0..4, halves from a pooled panel), else None.

    ``unknown``, ``n/a`` and an unanswered question have no level; a bool is never a level.
    """
    if isinstance(score, bool) or not isinstance(score, int | float):
        return None
    return float(score)


def out_of_scope(assessment: Assessment) -> bool:
    """The case's scope mark puts it outside the framework's own definition of targeted
    sanctions (``outside_definition``: an arms embargo alone); a threat-only mark does not."""
    mark = assessment.case.header.scope
    scope = assessment.framework.case_scope(mark) if mark else None
    return scope is not None and scope.outside_definition


def without_hindsight(case: Case) -> tuple[Case, int]:
    """The case as knowable at its ``as_of``: every answer flagged as resting on later facts
    counted as unknown, its note and sources kept; and how many answers were set aside."""
    from sanctions_check.case import UNKNOWN

    answers = {}
    count = 0
    for factor_id, questions in case.answers.items():
        kept = {}
        for question_id, answer in questions.items():
            if answer.hindsight and answer.score != UNKNOWN:
                answer = answer._replace(score=UNKNOWN)
                count += 1
            kept[question_id] = answer
        answers[factor_id] = kept
    return (case._replace(answers=answers), count) if count else (case, 0)


def hindsight_answers(case: Case) -> int:
    """How many answers and risk ratings are flagged as resting on facts later than its date."""
    answers = sum(
        1
        for questions in case.answers.values()
        for answer in questions.values()
        if answer.hindsight
    )
    return answers + sum(1 for risk in case.risks.values() if risk.hindsight)
