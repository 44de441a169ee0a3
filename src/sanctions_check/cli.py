"""The command line: map options to the library, build each command's view, hand it to the
renderers. No scoring, validation or wording here.

Every command runs in one I/O context (:mod:`sanctions_check.environment`): its streams, whether
each is a terminal, the width and colour; a terminal view comes out by that context's one rule.
Every expected failure ends in :func:`_failures`, which prints it and exits with its code.

Only typer is imported at start-up; YAML, rich and questionary are imported inside the commands
that need them, so `--help` and `--version` stay fast.

No `from __future__ import annotations` here: typer reads every command's annotations on every
run, and string annotations would be compiled and evaluated each time (the helpers below, which
typer never reads, name the library's types as strings).
"""

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from sanctions_check.entry import main as main
from sanctions_check.entry import version_line
from sanctions_check.errors import (
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_THRESHOLD,
    EXIT_USAGE,
)

if TYPE_CHECKING:
    from sanctions_check.batch import Outcome
    from sanctions_check.environment import Environment
    from sanctions_check.framework import Framework
    from sanctions_check.history import Library
    from sanctions_check.placement import Reference
    from sanctions_check.render.placement_view import PlacementChange
    from sanctions_check.render.report_view import AnalogueView
    from sanctions_check.scoring import Assessment


app = typer.Typer(
    name="sanctions-check",
    help=(
        "Advisory structure and scoring for targeted sanctions aimed at preventing mass "
        "atrocities. Scores a case against the four factors that at least two-thirds of 15 "
        "experienced US sanctions practitioners tied to effectiveness (USHMM Simon-Skjodt "
        "Center), with uncertainty, limiting factors, risks and mitigations. Advisory only: each "
        "crisis is unique, and there is no checklist or single path to effective use."
    ),
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

FrameworkOption = Annotated[
    Path | None,
    typer.Option(
        "--framework",
        metavar="FILE",
        help="Framework file to use instead of the bundled factors.yaml.",
        dir_okay=False,
    ),
]
MaxSizeOption = Annotated[
    int,
    typer.Option(
        "--max-size", metavar="BYTES", help="Largest input file accepted, in bytes.", min=1
    ),
]
DEFAULT_MAX = 2 * 1024 * 1024
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        dir_okay=False,
        help="Write to FILE instead of standard output.",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")]
PlacementOption = Annotated[
    bool,
    typer.Option(
        "--placement/--no-placement",
        help="Place (default) or do not place each outlook among the coded past episodes of the "
        "library; --no-placement reads no library for it.",
    ),
]
LibraryOption = Annotated[
    list[str] | None,
    typer.Option(
        "--library",
        "-l",
        metavar="PATH",
        help="Case files or folders of coded past episodes to place the outlook among "
        "(repeatable; default: the bundled examples).",
    ),
]


class ScoreFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class FactorsFormat(StrEnum):
    text = "text"
    json = "json"


class ReportFormat(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    html = "html"
    json = "json"
    brief = "brief"
    brief_md = "brief-md"
    docx = "docx"


class Paper(StrEnum):
    a4 = "a4"
    letter = "letter"


class CompareFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


class HistoryFormat(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"


class PanelFormat(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    html = "html"
    json = "json"


def _version(value: bool) -> None:
    if value:  # `sanctions-check --version` alone never gets here: the entry point answers it
        sys.stdout.write(version_line())
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", is_eager=True, callback=_version
        ),
    ] = False,
) -> None:
    """Advisory structure and scoring for targeted sanctions aimed at preventing mass atrocities."""


def _environment() -> "Environment":
    """The I/O context this command runs in (imported here: `--help` needs none)."""
    from sanctions_check import environment

    return environment.current()


def _exit(code: int) -> NoReturn:
    raise typer.Exit(code)


@contextmanager
def _failures(env: "Environment") -> Iterator[None]:
    """Every expected failure of a command: its problems (or its message) on standard error,
    then its exit code. No traceback reaches the analyst."""
    from sanctions_check.errors import InputError, SanctionsCheckError
    from sanctions_check.render.wording import errors as words

    try:
        yield
    except SanctionsCheckError as exc:
        if isinstance(exc, InputError):
            _say_problems(env, exc.problems)
        else:
            env.say(words.error(exc))
        _exit(exc.exit_code)


def _say_problems(env: "Environment", problems: Iterable[object]) -> None:
    for problem in problems:
        env.say(str(problem))


def _framework(env: "Environment", path: Path | None, max_size: int = DEFAULT_MAX) -> "Framework":
    from sanctions_check import framework
    from sanctions_check.errors import SanctionsCheckError
    from sanctions_check.render.wording import errors as words

    try:  # --max-size can raise the framework's limit but not lower it below the bundled file
        return framework.load(path, max_bytes=max(max_size, DEFAULT_MAX))
    except SanctionsCheckError:
        if path is None:
            env.say(words.BUNDLED_FRAMEWORK_BROKEN)
        raise


def _assessment(env: "Environment", name: str, fw: "Framework", max_size: int) -> "Assessment":
    """Read, validate and score one case (``-`` = standard input); exit 1 with its problems."""
    from sanctions_check import batch
    from sanctions_check.errors import InputError
    from sanctions_check.scoring import assess

    case = batch.read_checked(name, fw, max_size, stdin=env.stdin.buffer)
    if isinstance(case, batch.Unreadable):
        raise InputError(list(case.problems))
    _say_problems(env, case.warnings)
    return assess(fw, case)


@app.command()
def score(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Case files, folders (searched for *.yaml and *.yml) or - for standard input.",
            metavar="PATH",
        ),
    ],
    format: Annotated[ScoreFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ScoreFormat.table
    ),
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under",
            metavar="SCORE",
            min=0,
            max=100,
            help="Exit with code 3 if any case's outlook is below this score (0-100), or has none.",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            min=1,
            help="Worker processes (default: all cores for large batches, one for small ones).",
        ),
    ] = None,
    placement_wanted: PlacementOption = True,
    library: LibraryOption = None,
    framework_path: FrameworkOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX,
) -> None:
    """Score case files and rank them: band, outlook and range, coverage, limiting factor, top
    risk, and where each outlook stands among the coded past episodes of the library.

    Results go to standard output, messages to standard error. Exit codes: 0 all valid; 1 some
    input invalid (the valid ones are still scored); 2 usage error; 3 --fail-under not met.
    """
    from sanctions_check import batch, placement
    from sanctions_check.render import score_view, stream
    from sanctions_check.render.wording import errors as words

    env = _environment()
    _library_not_stdin(env, library if placement_wanted else None)
    with _failures(env):
        fw = _framework(env, framework_path, max_size)
        names, problems = batch.collect(paths)
        found = _past(env, library, fw, max_size) if placement_wanted else None
        reference = None if found is None else placement.reference(found.assessments)
        tally = batch.Tally(names, problems, fail_under)
        rows = stream("score", format.value)
        rows.start(score_view.head(fw), env)
        try:
            outcomes = batch.run(names, fw, max_bytes=max_size, jobs=jobs, library=reference)
            for outcome in _progress(env, outcomes, len(names)):
                row = tally.accept(outcome)
                if isinstance(row, batch.ScoreRow):
                    rows.add(row)
        except KeyboardInterrupt:
            env.say(words.INTERRUPTED)
            _exit(EXIT_INTERRUPTED)
        rows.finish(
            score_view.ScoreTail(
                invalid=tuple(p for p in tally.problems if p.severity == "error"),
                summary=score_view.Summary(**tally.summary),
            )
        )
        _say_problems(env, tally.problems)
        env.say(words.score_tally(tally.valid, len(tally.invalid)))
        if tally.invalid:
            _exit(EXIT_INVALID)
        if tally.below and fail_under is not None:
            from sanctions_check.render import versions

            cases = versions.shown(tally.accepted)
            below = [cases[row.file].label for row in tally.below]
            env.say(words.below_threshold(fail_under, below))
            _exit(EXIT_THRESHOLD)


def _progress(env: "Environment", outcomes: Iterable["Outcome"], total: int) -> Iterator["Outcome"]:
    """A transient progress bar on stderr for large batches at a terminal; otherwise nothing."""
    if total < 50 or not env.stderr_isatty:
        yield from outcomes
        return
    from rich.progress import Progress

    with Progress(console=env.error_console(), transient=True) as progress:
        task = progress.add_task("scoring", total=total)
        for outcome in outcomes:
            progress.advance(task)
            yield outcome


@app.command()
def validate(
    paths: Annotated[
        list[str],
        typer.Argument(help="Case files, folders or - for standard input.", metavar="PATH"),
    ],
    framework_path: FrameworkOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX,
) -> None:
    """Check case files against the framework without scoring them; every problem is listed."""
    from sanctions_check import batch
    from sanctions_check.render import stream
    from sanctions_check.render.wording import errors as words

    env = _environment()
    with _failures(env):
        fw = _framework(env, framework_path, max_size)
        names, problems = batch.collect(paths)
        tally = batch.Tally(names, problems)
        lines = stream("validate", "text")
        lines.start(None, env)
        for outcome in batch.run(names, fw, max_bytes=max_size, jobs=None, validate_only=True):
            row = tally.accept(outcome)
            if row is not None:
                lines.add(row)
        lines.finish(None)
        _say_problems(env, tally.problems)
        env.say(words.validate_tally(tally.valid, len(tally.invalid)))
        if tally.invalid:
            _exit(EXIT_INVALID)


@app.command()
def factors(
    ident: Annotated[
        str | None,
        typer.Argument(
            help="A factor, risk or question id to show in full, in any case (default: the "
            "overview); a question is shown in its factor.",
            metavar="ID",
        ),
    ] = None,
    format: Annotated[FactorsFormat, typer.Option("--format", "-f", help="Output format.")] = (
        FactorsFormat.text
    ),
    framework_path: FrameworkOption = None,
) -> None:
    """Browse the framework: factors with their evidence, questions, anchors and advice; risks
    with their likelihood and severity levels and mitigations; one question in its factor.
    """
    from sanctions_check.render import emit, factors_view
    from sanctions_check.render.wording import errors as words

    env = _environment()
    with _failures(env):
        view = factors_view.view(_framework(env, framework_path), ident)
        if ident is not None and view.ambiguous:
            env.say(words.fv_ambiguous_question(ident, list(view.ambiguous)))
            _exit(EXIT_USAGE)
        if ident is not None and view.item is None:
            known = view.framework
            env.say(
                words.fv_unknown_id(
                    ident,
                    known.near(ident),
                    [f.id for f in known.factors],
                    [r.id for r in known.risks],
                )
            )
            _exit(EXIT_USAGE)
        emit(env, "factors", format.value, view)


@app.command()
def new(
    output: OutputOption = None,
    force: ForceOption = False,
    framework_path: FrameworkOption = None,
) -> None:
    """Write a commented case template generated from the framework, to fill in by hand."""
    from sanctions_check import template
    from sanctions_check.render import emit
    from sanctions_check.render.wording import errors as words

    env = _environment()
    with _failures(env):
        view = template.build(_framework(env, framework_path))
        emit(env, "new", "yaml", view, output=output, force=force)
        if output is not None:
            env.say(words.template_next(str(output)))


@app.command()
def assess(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            dir_okay=False,
            help="Case file to write (default: <case-id>.yaml here, never replacing a file).",
        ),
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option(
            "--resume",
            metavar="FILE",
            dir_okay=False,
            help="Continue a saved case file at its first unanswered question, or revise it.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="With --out: start over and replace FILE if it exists.")
    ] = False,
    placement_wanted: PlacementOption = True,
    library: LibraryOption = None,
    framework_path: FrameworkOption = None,
) -> None:
    """Answer the questions in a terminal, guided factor by factor; every answer is saved at once.

    Ctrl-C stops at any prompt (exit 130) with every answer kept; --resume FILE goes on. Needs a
    terminal: in a script, use `new` and `score` instead.
    """
    from sanctions_check import flow
    from sanctions_check.render.wording import errors as words

    env = _environment()
    if out is not None and resume is not None:
        env.say(words.ASSESS_OUT_OR_RESUME)
        _exit(EXIT_USAGE)
    if not flow.stdio_is_terminal():
        env.say(flow.NEEDS_TERMINAL)
        _exit(EXIT_USAGE)
    _library_not_stdin(env, library if placement_wanted else None)
    with _failures(env):
        fw = _framework(env, framework_path)
        import datetime

        from sanctions_check import interview

        def past() -> "Reference | None":
            """Read when the summary is drawn: no wait before the first question."""
            from sanctions_check import placement

            found = _past(env, library, fw, DEFAULT_MAX)
            return None if found is None else placement.reference(found.assessments)

        outcome = interview.run(
            fw,
            console=env.interactive_console(),
            out=out,
            resume=resume,
            force=force,
            today=datetime.date.today().isoformat(),
            library=past if placement_wanted else None,
            bundled_library=not library,
        )
    if outcome.interrupted:
        try:
            env.tell(interview.resume_hint(outcome, framework_path))
            env.stderr.flush()
            env.stdout.flush()
        except OSError:  # the terminal was closed: the file is saved, nobody is there to read
            interview.release_terminal()
        _exit(EXIT_INTERRUPTED)


@app.command()
def report(
    case_path: Annotated[
        str, typer.Argument(help="A case file, or - for standard input.", metavar="CASE")
    ],
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ReportFormat.terminal
    ),
    output: OutputOption = None,
    force: ForceOption = False,
    answers: Annotated[
        bool,
        typer.Option(
            "--answers/--no-answers",
            help="Include (default) or leave out the appendix of every answer with its note and "
            "sources (HTML, Markdown, JSON); --no-answers gives a short summary.",
        ),
    ] = True,
    paper: Annotated[
        Paper,
        typer.Option("--paper", help="Page size the one-page brief (--format brief) prints on."),
    ] = Paper.a4,
    analogues: Annotated[
        bool,
        typer.Option(
            "--analogues/--no-analogues",
            help="Include (default) or leave out the short section of historical analogues, the "
            "three nearest coded episodes with their outcomes.",
        ),
    ] = True,
    placement_wanted: PlacementOption = True,
    library: LibraryOption = None,
    framework_path: FrameworkOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX,
) -> None:
    """Advisory summary of one case: in the terminal, or as a printable HTML file, Markdown for
    memos, a Word document (docx, with -o FILE.docx) or JSON for other tools; a one-page brief
    (brief: HTML, brief-md: Markdown).

    The outlook is placed among the coded past episodes of the library (the bundled examples, or
    --library), and the full report shows the three nearest historical analogues after its data
    gaps; a library file that cannot be read is named on standard error and left out, and the
    report still prints. The generation time comes from SOURCE_DATE_EPOCH when set, so the same
    case gives the same bytes. Exit codes: 0 written; 1 the case is invalid or FILE exists (use
    --force); 2 usage.
    """
    from sanctions_check import placement
    from sanctions_check.render import emit, placement_view, report_view

    env = _environment()
    _library_not_stdin(env, library if analogues or placement_wanted else None)
    with _failures(env):
        fw = _framework(env, framework_path, max_size)
        assessment = _assessment(env, case_path, fw, max_size)
        # the brief has no room for analogues; with neither, no library is read
        analogues = analogues and format not in (ReportFormat.brief, ReportFormat.brief_md)
        found = _past(env, library, fw, max_size) if analogues or placement_wanted else None
        nearest = _report_analogues(assessment, found) if analogues else None
        placed = None
        if placement_wanted and found is not None:
            reference = placement.reference(found.assessments)
            placed = placement_view.of(assessment, reference, bundled=not library)
        page = report_view.ReportPage(
            report=report_view.build(
                assessment,
                with_answers=answers,
                analogues=nearest,
                bundled_library=not library,
                placement=placed,
            ),
            case_file=_shown_case(case_path),
            paper=paper.value,
        )
        emit(env, "report", format.value, page, output=output, force=force)


def _library_not_stdin(env: "Environment", library: list[str] | None) -> None:
    """A library is read from named files and folders; standard input is the case's."""
    from sanctions_check.render.wording import errors as words

    if library and "-" in library:
        env.say(words.LIBRARY_NOT_STDIN)
        _exit(EXIT_USAGE)


def _past(
    env: "Environment", library: list[str] | None, fw: "Framework", max_size: int
) -> "Library | None":
    """The library of coded past episodes, read and scored once for the whole command: the
    placement of every outlook, and a report's analogues, share it.

    The library is optional to the command: a file that cannot be read is named on standard
    error and left out, never a failure. None, said once, when no episode can be scored with the
    framework in use (the bundled examples with another --framework, say).
    """
    from sanctions_check import history
    from sanctions_check.errors import SanctionsCheckError
    from sanctions_check.render.wording import errors as words
    from sanctions_check.render.wording import placement as placement_words

    paths = library or [str(history.default_library())]
    try:
        found = history.load(paths, fw, max_size)
    except (SanctionsCheckError, OSError) as exc:  # the walk itself failed: no library at all
        env.say(words.warning(exc))
        return history.Library((), ())
    if history.other_framework(found):
        env.say(placement_words.other_framework())
        return None
    if found.invalid:
        _say_problems(env, (p for p in found.problems if p.severity == "error"))
        env.say(words.library_left_out(len(found.invalid)))
    return found


def _compared_placement(
    env: "Environment",
    old: "Assessment",
    new: "Assessment",
    library: list[str] | None,
    fw: "Framework",
    max_size: int,
) -> "PlacementChange | None":
    """Both sides of `compare` placed among one library, read once; None when it cannot be."""
    from sanctions_check import placement
    from sanctions_check.render import placement_view

    found = _past(env, library, fw, max_size)
    if found is None:
        return None
    reference = placement.reference(found.assessments)
    bundled = not library
    return placement_view.change(
        placement_view.of(old, reference, bundled=bundled),
        placement_view.of(new, reference, bundled=bundled),
    )


def _report_analogues(
    assessment: "Assessment", found: "Library | None"
) -> "tuple[AnalogueView, ...]":
    """The nearest episodes for a report, as its views (none when the library cannot be read)."""
    from sanctions_check import analogues
    from sanctions_check.render import report_view

    episodes = found.assessments if found is not None else ()
    return report_view.analogue_views(analogues.nearest(assessment, episodes))


def _shown_case(case_path: str) -> str:
    """The case as a reader would type it again in a command (standard input has no name)."""
    return "CASE.yaml" if case_path == "-" else case_path


@app.command()
def compare(
    old_path: Annotated[
        str, typer.Argument(help="The earlier (or first) case file.", metavar="OLD")
    ],
    new_path: Annotated[
        str, typer.Argument(help="The later (or second) case file.", metavar="NEW")
    ],
    format: Annotated[CompareFormat, typer.Option("--format", "-f", help="Output format.")] = (
        CompareFormat.table
    ),
    output: OutputOption = None,
    force: ForceOption = False,
    placement_wanted: PlacementOption = True,
    library: LibraryOption = None,
    framework_path: FrameworkOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX,
) -> None:
    """What changed between two assessments of one case: outlook and factors, the answers that
    changed (with both notes), the risks that rose or fell, the analyst's judgement, and where
    each outlook stands among the coded past episodes.
    """
    from sanctions_check.compare import compare as diff
    from sanctions_check.render import compare_view, emit
    from sanctions_check.render.wording import errors as words

    env = _environment()
    if old_path == "-" and new_path == "-":
        env.say(words.COMPARE_ONE_STDIN)
        _exit(EXIT_USAGE)
    _library_not_stdin(env, library if placement_wanted else None)
    with _failures(env):
        fw = _framework(env, framework_path, max_size)
        old = _assessment(env, old_path, fw, max_size)
        new = _assessment(env, new_path, fw, max_size)
        placed = (
            _compared_placement(env, old, new, library, fw, max_size) if placement_wanted else None
        )
        view = compare_view.build(diff(old, new), placement=placed)
        emit(env, "compare", format.value, view, output=output, force=force)


@app.command()
def similar(
    case_path: Annotated[
        str, typer.Argument(help="A case file, or - for standard input.", metavar="CASE")
    ],
    library: Annotated[
        list[str] | None,
        typer.Option(
            "--library",
            "-l",
            metavar="PATH",
            help="Case files or folders of coded episodes to compare with (repeatable; default: "
            "the bundled examples).",
        ),
    ] = None,
    format: Annotated[HistoryFormat, typer.Option("--format", "-f", help="Output format.")] = (
        HistoryFormat.terminal
    ),
    framework_path: FrameworkOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX,
) -> None:
    """Historical analogues: the coded episodes whose answers most resemble the case, with how
    far they are, their outlook, their recorded outcome and where they differ most.

    Compares only questions both cases answered; a case with few answers is told its analogues
    are weak. Leaves out the case itself and hypothetical cases. Exit codes: 0 shown; 1 the case
    or a library file is invalid (the valid ones are still used); 2 usage.
    """
    from sanctions_check import analogues, history
    from sanctions_check.render import emit, similar_view
    from sanctions_check.render.wording import errors as words

    env = _environment()
    if library and "-" in library:
        env.say(words.LIBRARY_NOT_STDIN)
        _exit(EXIT_USAGE)
    with _failures(env):
        fw = _framework(env, framework_path, max_size)
        assessment = _assessment(env, case_path, fw, max_size)
        found = history.load(library or [str(history.default_library())], fw, max_size)
        view = similar_view.build(analogues.similar(assessment, found.assessments))
        emit(env, "similar", format.value, view)
        if not library and framework_path is not None and not found.assessments:
            env.say(words.LIBRARY_OTHER_FRAMEWORK)
        _library_problems(env, found)


@app.command()
def backtest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Case files or folders; the cases with a recorded outcome are back-tested.",
            metavar="PATH",
        ),
    ],
    format: Annotated[HistoryFormat, typer.Option("--format", "-f", help="Output format.")] = (
        HistoryFormat.terminal
    ),
    exclude_hindsight: Annotated[
        bool,
        typer.Option(
            "--exclude-hindsight",
            help="Score each episode on what was knowable at its as_of date: answers flagged "
            "hindsight: true count as unknown.",
        ),
    ] = False,
    exclude_out_of_scope: Annotated[
        bool,
        typer.Option(
            "--exclude-out-of-scope",
            help="Leave out episodes outside the framework's definition of targeted sanctions "
            "(scope: arms-embargo-only); threat-only episodes stay.",
        ),
    ] = False,
    framework_path: FrameworkOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX,
) -> None:
    """How well the outlook (and each factor) orders past episodes by their recorded outcome:
    pairwise concordance (the AUC) with a bootstrap interval; the analysts' own judgements are
    ordered the same way where the episodes carry them. It reports; it never fits. Every episode
    left out is listed with its reason.

    With so few cases this describes past episodes, coded with hindsight risk; it is not a
    measure of forecast accuracy. Exit codes: 0 shown; 1 some input invalid (the valid ones are
    still used), none valid, or nothing to back-test (no two episodes whose recorded verdicts
    differ); 2 usage.
    """
    from sanctions_check import backtest as bt
    from sanctions_check import history
    from sanctions_check.render import backtest_view, emit
    from sanctions_check.render.wording import errors as words

    env = _environment()
    with _failures(env):
        fw = _framework(env, framework_path, max_size)
        found = history.load(paths, fw, max_size)
        if not found.assessments:
            _say_problems(env, found.problems)
            env.say(words.BACKTEST_NOTHING_VALID)
            _exit(EXIT_INVALID)
        result = bt.run(
            found.assessments,
            hindsight=bt.SET_ASIDE if exclude_hindsight else bt.KEPT,
            out_of_scope=exclude_out_of_scope,
        )
        refused = backtest_view.refusal(result)
        if refused is not None:
            _say_problems(env, found.problems)
            env.say(refused)
            _exit(EXIT_INVALID)
        emit(env, "backtest", format.value, backtest_view.build(result))
        _library_problems(env, found)


def _library_problems(env: "Environment", found: "Library") -> None:
    """The library's problems on standard error; exit 1 when a file was left out."""
    from sanctions_check.render.wording import errors as words

    _say_problems(env, found.problems)
    if found.invalid:
        env.say(words.library_tally(len(found.assessments), len(found.invalid)))
        _exit(EXIT_INVALID)


@app.command()
def panel(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Case files of one case by different analysts, or folders holding them.",
            metavar="FILE_OR_FOLDER",
        ),
    ],
    case_id: Annotated[
        str | None,
        typer.Option(
            "--case",
            help="The case id to pool, when the folders hold several cases.",
            metavar="ID",
        ),
    ] = None,
    format: Annotated[PanelFormat, typer.Option("--format", "-f", help="Output format.")] = (
        PanelFormat.terminal
    ),
    output: OutputOption = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace FILE, and files in --feedback DIR, if they exist."),
    ] = False,
    feedback_dir: Annotated[
        Path | None,
        typer.Option(
            "--feedback",
            file_okay=False,
            help="Write each analyst's own file, annotated with the panel's anonymised answers, "
            "to DIR for a second round.",
            metavar="DIR",
        ),
    ] = None,
    placement_wanted: PlacementOption = True,
    library: LibraryOption = None,
    framework_path: FrameworkOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX,
) -> None:
    """Pool a panel of analysts' assessments of one case: each question's median and range, the
    disagreements that move the outlook most, the pooled outlook beside each analyst's (and
    among the coded past episodes), and Krippendorff's alpha.

    Exit codes: 0 done; 1 an input is invalid, an analyst appears twice, or a file exists (use
    --force); 2 usage (fewer than two files, several cases without --case).
    """
    from sanctions_check import batch
    from sanctions_check import panel as panel_mod
    from sanctions_check.render import emit, panel_view
    from sanctions_check.render.wording import errors as words

    env = _environment()
    if "-" in paths:
        env.say(words.PANEL_NO_STDIN)
        _exit(EXIT_USAGE)
    _library_not_stdin(env, library if placement_wanted else None)
    with _failures(env):
        fw = _framework(env, framework_path, max_size)
        names, problems = batch.collect(paths)
        cases = []
        for name in names:
            found = batch.read_checked(name, fw, max_size)
            if isinstance(found, batch.Unreadable):
                problems.extend(found.problems)
            else:
                cases.append(found)
        _say_problems(env, problems)
        if problems:
            env.say(words.panel_invalid(len({p.file for p in problems})))
            _exit(EXIT_INVALID)
        for case in cases:
            _say_problems(env, case.warnings)
        result = panel_mod.gather(fw, cases, case_id)
        placed = None
        if placement_wanted and (past := _past(env, library, fw, max_size)) is not None:
            from sanctions_check import placement
            from sanctions_check.render import placement_view

            reference = placement.reference(past.assessments)
            placed = placement_view.of(result.pooled, reference, bundled=not library)
        view = panel_view.build(result, placement=placed)
        for note in view.warnings:
            env.say(words.warning(note))
        emit(env, "panel", format.value, view, output=output, force=force)
        if feedback_dir is not None:
            from sanctions_check import feedback

            written = feedback.write(result, feedback_dir, overwrite=force, max_bytes=max_size)
            for path in written:
                env.say(words.wrote(path))
