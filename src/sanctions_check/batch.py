"""Batch scoring: find case files, score each on its own, and never let one bad file stop the rest.

Each file yields either a compact summary row or the problems that make it invalid. Results come
back in the order of the (sorted) inputs, so output is deterministic even with several workers.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from sanctions_check import case as case_mod
from sanctions_check import yamlio
from sanctions_check.errors import InputError, Problem
from sanctions_check.framework import Framework

if TYPE_CHECKING:  # scoring is imported where it is used: `validate` never needs it
    from sanctions_check.placement import PlacedRow, Reference
    from sanctions_check.scoring import Assessment

YAML_SUFFIXES = (".yaml", ".yml")
STDIN = "-"
TOO_DEEP = "is nested too deeply to read"
PARALLEL_FROM = 200  # below this many files a second process costs more than it saves


class Outcome(NamedTuple):
    """What one input file gave: a summary row when valid, problems when not; warnings always."""

    file: str
    row: ScoreRow | Checked | None
    problems: tuple[Problem, ...]


def collect(paths: list[str]) -> tuple[list[str], list[Problem]]:
    """Expand files and folders (recursively, ``*.yaml``/``*.yml``) into a sorted, unique list.

    Symlinked folders are not followed, so a symlink loop cannot trap the walk.
    """
    found: list[str] = []
    problems: list[Problem] = []
    for raw in paths:
        if raw == STDIN:
            found.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            inside, skipped = _walk(raw)
            if not inside and not skipped:
                problems.append(Problem(raw, "folder holds no *.yaml or *.yml files"))
            found.extend(sorted(inside))
            problems.extend(sorted(skipped, key=lambda p: p.file))
        elif path.exists() or path.is_symlink():
            found.append(raw)
        else:
            problems.append(Problem(raw, "no such file or folder"))
    seen: set[str] = set()
    unique = []
    for item in found:
        key = item if item == STDIN else os.path.normpath(item)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique, problems


def _walk(root: str) -> tuple[list[str], list[Problem]]:
    """Case files under a folder, and the entries that look like case files but are not read.

    A folder received from elsewhere must not make the tool read, and quote in its messages, a
    file outside it (``notes.yaml -> ~/.ssh/id_rsa``), nor hang on a named pipe. Entry types come
    from the directory listing itself, so a regular file costs no extra system call.
    """
    real_root = os.path.realpath(root)
    files: list[str] = []
    skipped: list[Problem] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            skipped.append(Problem(folder, f"folder cannot be read: {exc.strerror or exc}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
            elif not entry.name.lower().endswith(YAML_SUFFIXES):
                continue
            elif entry.is_symlink():
                if _inside(real_root, os.path.realpath(entry.path)):
                    files.append(entry.path)
                else:
                    skipped.append(
                        Problem(
                            entry.path,
                            f"is a symbolic link to a file outside "
                            f"{root}; not read (name the file itself to use it)",
                        )
                    )
            elif entry.is_file(follow_symlinks=False):
                files.append(entry.path)
            else:
                skipped.append(
                    Problem(
                        entry.path, "is not a regular file (a pipe, socket or device); not read"
                    )
                )
    return files, skipped


def _inside(real_root: str, target: str) -> bool:
    try:
        return os.path.commonpath([real_root, target]) == real_root
    except ValueError:  # another drive (Windows)
        return False


def read_case(
    name: str, framework: Framework, max_bytes: int, *, stdin: BinaryIO | None = None
) -> case_mod.Case:
    """One case file (``-``: standard input, or ``stdin`` when given), read and validated."""
    if name == STDIN:
        data = (stdin or sys.stdin.buffer).read(max_bytes + 1)
        text = yamlio.decode_text(data, "<stdin>", max_bytes=max_bytes)
        return case_mod.loads(text, framework, "<stdin>")
    return case_mod.load(Path(name), framework, max_bytes=max_bytes)


class Unreadable(NamedTuple):
    """A case file that cannot be used, with every problem that keeps it out."""

    problems: tuple[Problem, ...]


def checked(name: str, read: Callable[[], case_mod.Case]) -> case_mod.Case | Unreadable:
    """What ``read()`` gives for the file ``name``: its case, or every problem that keeps it out.

    The one place where a case's reading failure (an invalid file, or one nested too deeply for
    the parser) becomes the file's own problems, for every command that reads cases.
    """
    try:
        return read()
    except InputError as exc:
        return Unreadable(tuple(exc.problems))
    except RecursionError:
        return Unreadable((Problem(name, TOO_DEEP),))


def read_checked(
    name: str, framework: Framework, max_bytes: int, *, stdin: BinaryIO | None = None
) -> case_mod.Case | Unreadable:
    """:func:`read_case`, with a failure turned into the file's problems (:func:`checked`)."""
    return checked(name, lambda: read_case(name, framework, max_bytes, stdin=stdin))


class WithheldRow(NamedTuple):
    """Why a case's band is withheld, as `score` carries it (figures rounded once)."""

    reasons: tuple[str, ...]  # 'coverage', 'uninformed-core'
    coverage: float
    outside_coverage: float | None
    min_coverage: float
    uninformed_core: tuple[str, ...]  # core factor ids with no informative answer


class ScoreRow(NamedTuple):
    """One case's line in `score`: what the table, Markdown, CSV and JSON print, rounded once.

    A typed named tuple, like the scoring results it summarises: immutable, mypy-checked, cheap
    to define at start-up and cheap to pass back from a worker process.
    """

    file: str
    id: str
    analyst: str | None  # with as_of, tells versions of one case id apart
    as_of: str | None
    title: str
    hypothetical: bool
    band: str | None  # None while withheld (band_withheld says why)
    band_label: str | None
    band_low_label: str | None  # band at the low end of the range (every possible gate applied)
    band_high_label: str | None  # band at the high end of the range
    outlook: int | None
    low: int
    high: int
    coverage: float  # 0-1, a whole percent
    outside_coverage: float | None  # of the questions an outside analyst can answer
    capped: bool
    band_withheld: WithheldRow | None
    limiting: tuple[str, ...]  # factor ids: not yet assessed first, then gates or the weakest
    limiting_names: tuple[str, ...]
    not_assessed: tuple[str, ...]  # core factor ids with no answer yet
    unresolved_gates: tuple[str, ...]  # factor ids whose gate the range cannot rule out
    top_risk: str | None  # the highest rated risk (both sides known); never an open one
    top_risk_name: str | None
    top_risk_value: int | None  # likelihood x severity when both are known
    top_risk_low: int | None
    top_risk_high: int | None
    top_risk_band: str | None
    risks_rated: int
    risks_open: int  # a side unknown or not rated, or left out of the file
    red_flags: tuple[str, ...]  # raised
    red_flags_not_assessed: tuple[str, ...]
    factors: dict[str, int | None]
    warnings: tuple[str, ...]
    # Among the library's coded past episodes; None when no library is read (see `placement`).
    placement: PlacedRow | None = None

    @property
    def spans_bands(self) -> bool:
        return self.band_low_label is not None and self.band_low_label != self.band_high_label

    @property
    def withheld_reasons(self) -> tuple[str, ...]:
        """Why no band is given (a CSV cell); empty when the band is earned."""
        return self.band_withheld.reasons if self.band_withheld else ()

    @property
    def uninformed_core(self) -> tuple[str, ...]:
        """Core factor ids with no informative answer (a CSV cell)."""
        return self.band_withheld.uninformed_core if self.band_withheld else ()


def summarise(result: Assessment, file: str, library: Reference | None = None) -> ScoreRow:
    """The compact row that `score` prints for one case, placed among ``library``'s episodes
    when one is given."""
    from sanctions_check.numbers import share, share_or_none, whole, whole_or_none
    from sanctions_check.scoring import FACTOR_NOT_ASSESSED

    placed = None
    if library is not None:
        from sanctions_check import placement

        placed = placement.row(placement.place_assessment(result, library))

    case = result.case
    outlook = result.outlook
    top = result.top_risk
    fw = result.framework
    withheld = outlook.withheld
    outside = outlook.outside_coverage if fw.marks_insiders else None
    return ScoreRow(
        file=file,
        id=case.header.id,
        analyst=case.header.analyst,
        as_of=case.header.as_of,
        title=case.header.title,
        hypothetical=case.header.hypothetical,
        band=outlook.band.id if outlook.band else None,
        band_label=outlook.band.label if outlook.band else None,
        band_low_label=outlook.band_low.label if outlook.band_low else None,
        band_high_label=outlook.band_high.label if outlook.band_high else None,
        outlook=whole_or_none(outlook.score),
        low=whole(outlook.low),
        high=whole(outlook.high),
        coverage=share(outlook.coverage),
        outside_coverage=share_or_none(outside),
        capped=outlook.capped,
        band_withheld=None
        if withheld is None
        else WithheldRow(
            reasons=withheld.reasons,
            coverage=share(withheld.coverage),
            outside_coverage=share_or_none(withheld.outside_coverage),
            min_coverage=withheld.min_coverage,
            uninformed_core=withheld.uninformed_core,
        ),
        limiting=tuple(limit.factor_id for limit in outlook.limits),
        limiting_names=tuple(_label(result, limit.factor_id) for limit in outlook.limits),
        not_assessed=tuple(
            limit.factor_id for limit in outlook.limits if limit.reason == FACTOR_NOT_ASSESSED
        ),
        unresolved_gates=tuple(dict.fromkeys(g.factor_id for g in outlook.unresolved_gates)),
        top_risk=top.id if top else None,
        top_risk_name=_risk_label(fw, top.id) if top else None,
        top_risk_value=top.value if top else None,
        top_risk_low=top.low if top else None,
        top_risk_high=top.high if top else None,
        top_risk_band=top.band_label if top else None,
        risks_rated=len(result.rated_risks),
        risks_open=len(result.open_risks),
        red_flags=tuple(flag.factor_id for flag in result.raised_flags),
        red_flags_not_assessed=tuple(flag.factor_id for flag in result.open_flags),
        factors={f.id: whole_or_none(f.score) for f in result.factors},
        warnings=tuple(str(w) for w in case.warnings),
        placement=placed,
    )


def _risk_label(framework: Framework, risk_id: str) -> str:
    risk = framework.risk(risk_id)
    return risk.label if risk else risk_id


def _label(result: Assessment, factor_id: str) -> str:
    factor = result.framework.factor(factor_id)
    return factor.label if factor else factor_id


class Checked(NamedTuple):
    """A valid file that `validate` read without scoring it."""

    file: str
    id: str
    analyst: str | None
    as_of: str | None
    warnings: int  # how many warnings the file has (printed on standard error)


def _read_or_outcome(name: str, framework: Framework, max_bytes: int) -> case_mod.Case | Outcome:
    """The case, or the invalid Outcome that stands for it: one file's failure stays its own."""
    found = read_checked(name, framework, max_bytes)
    return Outcome(name, None, found.problems) if isinstance(found, Unreadable) else found


def score_one(
    name: str, framework: Framework, max_bytes: int, library: Reference | None = None
) -> Outcome:
    case = _read_or_outcome(name, framework, max_bytes)
    if isinstance(case, Outcome):
        return case
    from sanctions_check.scoring import assess

    result = assess(framework, case)
    return Outcome(name, summarise(result, name, library), case.warnings)


def validate_one(name: str, framework: Framework, max_bytes: int) -> Outcome:
    case = _read_or_outcome(name, framework, max_bytes)
    if isinstance(case, Outcome):
        return case
    header = case.header
    warned = sum(1 for problem in case.warnings if problem.severity == "warning")
    checked = Checked(name, header.id, header.analyst, header.as_of, warned)
    return Outcome(name, checked, case.warnings)


def analyst_key(analyst: str | None) -> str:
    """An analyst's name as compared: ignoring case and spacing, as a panel compares them."""
    return " ".join((analyst or "").split()).casefold()


def version_key(case_id: str, analyst: str | None, as_of: str | None) -> tuple[str, str, str]:
    """What makes a file one version of a case: its id, its analyst and its as_of date.

    Files of one id by different analysts, or as of different dates, are versions of one case (a
    panel's folder, a case revisited); files that agree on all three are duplicates.
    """
    return case_id, analyst_key(analyst), as_of or ""


class Version(NamedTuple):
    """An accepted file and what makes it a version of its case, for naming it beside others."""

    file: str
    id: str
    analyst: str | None
    as_of: str | None


class Tally:
    """A batch's bookkeeping: which files were invalid, duplicated cases, cases below a threshold.

    The CLI feeds it every Outcome and prints; the rules (a file that repeats the id, analyst and
    as_of of an earlier one is a duplicate and invalid; versions of one id are kept, each its own
    row; an unscored case is below any threshold) live here, once, for score and validate.
    """

    def __init__(
        self, names: list[str], problems: list[Problem], fail_under: float | None = None
    ) -> None:
        self.names = names
        self.problems = list(problems)
        self.invalid = {p.file for p in problems}
        self.below: list[ScoreRow] = []
        self.fail_under = fail_under
        self.accepted: list[Version] = []
        self._versions: dict[tuple[str, str, str], str] = {}

    def accept(self, outcome: Outcome) -> ScoreRow | Checked | None:
        """The outcome's row if it counts as valid, else None (its problems are recorded)."""
        self.problems.extend(outcome.problems)
        row = outcome.row
        if row is None:
            self.invalid.add(outcome.file)
            return None
        first = self._versions.setdefault(version_key(row.id, row.analyst, row.as_of), outcome.file)
        if first != outcome.file:
            self.problems.append(Problem(outcome.file, duplicate(row.id, first), field="case.id"))
            self.invalid.add(outcome.file)
            return None
        self.accepted.append(Version(outcome.file, row.id, row.analyst, row.as_of))
        if isinstance(row, ScoreRow) and _below(row.outlook, self.fail_under):
            self.below.append(row)
        return row

    @property
    def valid(self) -> int:
        return len(self.names) - len(self.invalid & set(self.names))

    @property
    def summary(self) -> dict[str, int]:
        return {
            "files": self.valid + len(self.invalid),
            "valid": self.valid,
            "invalid": len(self.invalid),
        }


def duplicate(case_id: str, first: str) -> str:
    """Why a file that repeats an earlier one's id, analyst and as_of is refused."""
    return (
        f"case id {case_id!r} is also used by {first}, with the same case.analyst and "
        "case.as_of: a duplicate, not a version (a version of a case gives its own analyst or "
        "as_of date)"
    )


def _below(outlook: int | None, threshold: float | None) -> bool:
    """An unscored case is below any threshold; no threshold, nothing is below."""
    return threshold is not None and (outlook is None or outlook < threshold)


_WORKER: dict[str, Any] = {}


def _init_worker(
    framework: Framework, max_bytes: int, validate_only: bool, library: Reference | None
) -> None:
    _WORKER.update(
        framework=framework, max_bytes=max_bytes, validate_only=validate_only, library=library
    )


def _work(name: str) -> Outcome:
    if _WORKER["validate_only"]:
        return validate_one(name, _WORKER["framework"], _WORKER["max_bytes"])
    return score_one(name, _WORKER["framework"], _WORKER["max_bytes"], _WORKER["library"])


def run(
    names: list[str],
    framework: Framework,
    *,
    max_bytes: int,
    jobs: int | None,
    validate_only: bool = False,
    library: Reference | None = None,
) -> Iterator[Outcome]:
    """Yield one Outcome per input, in input order; several processes for large batches.

    ``library``: the past episodes each row is placed among, read once by the caller and handed
    to every worker at its start (a few dozen ids and outlooks), never read again per file.
    """
    workers = _workers(len(names), jobs, STDIN in names)
    if not validate_only:
        # Before the pool starts: where the platform forks its workers, they inherit it.
        from sanctions_check import scoring  # noqa: F401
    with _collector_for_batch():
        if workers <= 1:
            for name in names:
                if validate_only:
                    yield validate_one(name, framework, max_bytes)
                else:
                    yield score_one(name, framework, max_bytes, library)
            return
        import multiprocessing

        # The platform's own start method (fork, forkserver or spawn): the workers need nothing
        # but the picklable framework and options handed to each at its start.
        chunk = max(1, min(64, len(names) // (workers * 8)))
        with multiprocessing.Pool(
            workers,
            initializer=_init_worker,
            initargs=(framework, max_bytes, validate_only, library),
        ) as pool:
            yield from pool.imap(_work, names, chunksize=chunk)


@contextmanager
def _collector_for_batch() -> Iterator[None]:
    """Keep Python's cycle collector from rescanning what lives as long as the run.

    Everything loaded so far (modules, the command tree, the framework) stays until the end, and
    each file's data are freed by reference counting as soon as its row is out (no cycles). The
    collector would still walk all of it again and again, a measurable share of a batch.
    ``gc.freeze`` sets the long-lived objects aside (forked workers inherit that, and share those
    pages instead of copying them) and a larger first generation makes passes rarer.
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


def _workers(count: int, jobs: int | None, uses_stdin: bool) -> int:
    if uses_stdin:
        return 1
    if jobs is not None:
        return max(1, min(jobs, count))
    if count < PARALLEL_FROM:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))
