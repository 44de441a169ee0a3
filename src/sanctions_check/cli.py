"""The command line: parse options, call the library, print. No scoring or validation logic here.

Only typer is imported at start-up; YAML, rich and questionary are imported inside the commands
that need them, so `--help` and `--version` stay fast.

No `from __future__ import annotations` here: typer reads every command's annotations on every
run, and string annotations would be compiled and evaluated each time.
"""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from sanctions_check.entry import main as main
from sanctions_check.entry import say as _say
from sanctions_check.entry import version_line
from sanctions_check.errors import (
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_THRESHOLD,
    EXIT_USAGE,
)

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


def _screen() -> Any:
    """A rich Console on standard output whose size is read once, not on every print.

    rich asks the operating system for the terminal's size at each print unless both width and
    height are fixed; a report makes over a hundred prints, and a resize mid-report changes
    nothing.
    """
    from rich.console import Console

    console = Console(highlight=False, emoji=False)
    console.size = console.size
    return console


def _fail(exc: BaseException) -> NoReturn:
    from sanctions_check.errors import InputError, SanctionsCheckError

    if isinstance(exc, InputError):
        for problem in exc.problems:
            _say(str(problem))
    else:
        _say(f"error: {exc}")
    code = exc.exit_code if isinstance(exc, SanctionsCheckError) else EXIT_INVALID
    raise typer.Exit(code)


def _framework(path: Path | None, max_size: int = DEFAULT_MAX):
    from sanctions_check import framework
    from sanctions_check.errors import SanctionsCheckError

    try:  # --max-size can raise the framework's limit but not lower it below the bundled file
        return framework.load(path, max_bytes=max(max_size, DEFAULT_MAX))
    except SanctionsCheckError as exc:
        if path is None:
            _say("error: the bundled framework could not be loaded; reinstall sanctions-check")
        _fail(exc)


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
    framework_path: FrameworkOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX,
) -> None:
    """Score case files and rank them: band, outlook and range, coverage, limiting factor, top risk.

    Results go to standard output, messages to standard error. Exit codes: 0 all valid; 1 some
    input invalid (the valid ones are still scored); 2 usage error; 3 --fail-under not met.
    """
    from sanctions_check import batch
    from sanctions_check.render import scores

    fw = _framework(framework_path, max_size)
    names, problems = batch.collect(paths)
    out = sys.stdout
    stream: scores.JsonStream | scores.CsvStream | None = None
    if format is ScoreFormat.json:
        stream = scores.JsonStream(out, fw)
    elif format is ScoreFormat.csv:
        stream = scores.CsvStream(out, fw)
    rows: list[batch.ScoreRow] = []
    tally = batch.Tally(names, problems, fail_under)
    try:
        for outcome in _progress(batch.run(names, fw, max_bytes=max_size, jobs=jobs), len(names)):
            row = tally.accept(outcome)
            if not isinstance(row, batch.ScoreRow):
                continue
            if stream is not None:
                stream.add(row)
            else:
                rows.append(row)
    except KeyboardInterrupt:
        _say("interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if isinstance(stream, scores.JsonStream):
        stream.close([p for p in tally.problems if p.severity == "error"], tally.summary)
    elif format is ScoreFormat.markdown and rows:  # no valid case: no empty table or legend
        scores.markdown(rows, fw, out)
    elif format is ScoreFormat.table and rows:
        scores.table(rows, fw, out)
    for problem in tally.problems:
        _say(str(problem))
    _say(f"{tally.valid} case(s) scored, {len(tally.invalid)} invalid.")
    if tally.invalid:
        raise typer.Exit(EXIT_INVALID)
    if tally.below:
        _say(f"below --fail-under {fail_under:g}: {', '.join(tally.below)}")
        raise typer.Exit(EXIT_THRESHOLD)


def _progress(outcomes, total: int):
    """A transient progress bar on stderr for large batches at a terminal; otherwise nothing."""
    if total < 50 or not sys.stderr.isatty():
        yield from outcomes
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
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
    from sanctions_check.errors import shown_name

    fw = _framework(framework_path, max_size)
    names, problems = batch.collect(paths)
    tally = batch.Tally(names, problems)
    for outcome in batch.run(names, fw, max_bytes=max_size, jobs=None, validate_only=True):
        if tally.accept(outcome) is not None:
            sys.stdout.write(f"{shown_name(outcome.file)}: ok\n")
    for problem in tally.problems:
        _say(str(problem))
    _say(f"{tally.valid} valid, {len(tally.invalid)} invalid.")
    if tally.invalid:
        raise typer.Exit(EXIT_INVALID)


@app.command()
def factors(
    ident: Annotated[
        str | None,
        typer.Argument(
            help="A factor or risk id to show in full, in any case (default: the overview).",
            metavar="ID",
        ),
    ] = None,
    format: Annotated[FactorsFormat, typer.Option("--format", "-f", help="Output format.")] = (
        FactorsFormat.text
    ),
    framework_path: FrameworkOption = None,
) -> None:
    """Browse the framework: factors with their evidence, questions, anchors and advice; risks
    with their likelihood and severity levels and mitigations.
    """
    from sanctions_check.render import framework_view, wording

    view = framework_view.build(_framework(framework_path))
    if ident is not None and view.find(ident) is None:
        _say(
            wording.fv_unknown_id(
                ident,
                view.near(ident),
                [f.id for f in view.factors],
                [r.id for r in view.risks],
            )
        )
        raise typer.Exit(EXIT_USAGE)
    if format is FactorsFormat.json:
        framework_view.json_out(view, ident, sys.stdout)
    else:
        framework_view.text_out(view, ident, sys.stdout)


@app.command()
def new(
    output: OutputOption = None,
    force: ForceOption = False,
    framework_path: FrameworkOption = None,
) -> None:
    """Write a commented case template generated from the framework, to fill in by hand."""
    from sanctions_check import template
    from sanctions_check.render import wording

    _emit(template.render(_framework(framework_path)), output, force)
    if output is not None:
        _say(wording.template_next(str(output)))


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
    framework_path: FrameworkOption = None,
) -> None:
    """Answer the questions in a terminal, guided factor by factor; every answer is saved at once.

    Ctrl-C stops at any prompt (exit 130) with every answer kept; --resume FILE goes on. Needs a
    terminal: in a script, use `new` and `score` instead.
    """
    from sanctions_check import flow
    from sanctions_check.errors import SanctionsCheckError

    if out is not None and resume is not None:
        from sanctions_check.render import wording

        _say(wording.ASSESS_OUT_OR_RESUME)
        raise typer.Exit(EXIT_USAGE)
    if not flow.stdio_is_terminal():
        _say(flow.NEEDS_TERMINAL)
        raise typer.Exit(EXIT_USAGE)
    fw = _framework(framework_path)
    import datetime

    from rich.console import Console

    from sanctions_check import interview

    try:
        outcome = interview.run(
            fw,
            console=Console(),
            out=out,
            resume=resume,
            force=force,
            today=datetime.date.today().isoformat(),
        )
    except SanctionsCheckError as exc:
        _fail(exc)
    if outcome.interrupted:
        try:
            _say(interview.resume_hint(outcome, framework_path))
            sys.stderr.flush()
            sys.stdout.flush()
        except OSError:  # the terminal was closed: the file is saved, nobody is there to read
            interview.release_terminal()
        raise typer.Exit(EXIT_INTERRUPTED)


def _assessment(name: str, fw, max_size: int):
    """Read, validate and score one case (``-`` = standard input); exit 1 with its problems."""
    from sanctions_check import batch
    from sanctions_check.errors import Problem, SanctionsCheckError
    from sanctions_check.scoring import assess as score_case

    try:
        case = batch.read_case(name, fw, max_size)
    except SanctionsCheckError as exc:
        _fail(exc)
    except RecursionError:
        _say(str(Problem(name, "is nested too deeply to read")))
        raise typer.Exit(EXIT_INVALID) from None
    for warning in case.warnings:
        _say(str(warning))
    return score_case(fw, case)


def _emit(text: str, output: Path | None, force: bool) -> None:
    """Standard output, or FILE written atomically and never replaced without --force."""
    if output is None:
        sys.stdout.write(text)
        return
    from sanctions_check import yamlio
    from sanctions_check.errors import SanctionsCheckError

    try:
        yamlio.atomic_write(output, text, overwrite=force)
    except SanctionsCheckError as exc:
        _fail(exc)
    _say(f"wrote {output}")


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
            "three nearest coded episodes with their outcomes; --no-analogues reads no library.",
        ),
    ] = True,
    library: Annotated[
        list[str] | None,
        typer.Option(
            "--library",
            "-l",
            metavar="PATH",
            help="Case files or folders of coded episodes for the analogues (repeatable; "
            "default: the bundled examples).",
        ),
    ] = None,
    framework_path: FrameworkOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX,
) -> None:
    """Advisory summary of one case: in the terminal, or as a printable HTML file, Markdown for
    memos, a Word document (docx, with -o FILE.docx) or JSON for other tools; a one-page brief
    (brief: HTML, brief-md: Markdown).

    The full report shows the three nearest historical analogues from the library after its data
    gaps; a library file that cannot be read is named on standard error and left out, and the
    report still prints. The generation time comes from SOURCE_DATE_EPOCH when set, so the same
    case gives the same bytes. Exit codes: 0 written; 1 the case is invalid or FILE exists (use
    --force); 2 usage.
    """
    from sanctions_check.errors import SanctionsCheckError
    from sanctions_check.render import report as report_text
    from sanctions_check.render import report_model

    if analogues and library and "-" in library:
        from sanctions_check.render import wording

        _say(wording.LIBRARY_NOT_STDIN)
        raise typer.Exit(EXIT_USAGE)
    fw = _framework(framework_path, max_size)
    assessment = _assessment(case_path, fw, max_size)
    nearest = None  # the brief has no room for analogues: its formats read no library
    if analogues and format not in (ReportFormat.brief, ReportFormat.brief_md):
        nearest = _report_analogues(assessment, fw, library, framework_path, max_size)
    try:
        model = report_model.build(
            assessment, with_answers=answers, analogues=nearest, bundled_library=not library
        )
    except SanctionsCheckError as exc:
        _fail(exc)
    if format is ReportFormat.terminal and output is None:
        from sanctions_check.render import bottom_line, terminal

        console = _screen()
        lines = bottom_line.bottom_line(
            model, case_file=_shown_case(case_path), where="below", width=console.width
        )
        with console:  # buffered: the report reaches the terminal in one write, not one per print
            bottom_line.render(lines, console)
            console.print()
            terminal.render_model(model, console, case_file=_shown_case(case_path))
        return
    if format is ReportFormat.docx:
        _emit_docx(model, output, force)
        return
    text = report_text.text(
        model, format.value, paper=paper.value, case_file=_shown_case(case_path)
    )
    _emit(text, output, force)


def _report_analogues(assessment, fw, library: list[str] | None, framework_path, max_size: int):
    """The nearest episodes for a report, as its views. The library is optional to the report:
    a file that cannot be read is named on standard error and left out, never a failure."""
    from sanctions_check import analogues, history
    from sanctions_check.errors import SanctionsCheckError
    from sanctions_check.render import report_model, wording

    paths = library or [str(history.default_library())]
    try:
        found = history.load(paths, fw, max_size)
    except (SanctionsCheckError, OSError) as exc:  # the walk itself failed: no library at all
        _say(f"warning: {exc}")
        found = history.Library((), ())
    if not library and framework_path is not None and not found.assessments:
        _say(wording.LIBRARY_OTHER_FRAMEWORK)  # one note, not every example's mismatch
    elif found.invalid:
        for problem in found.problems:
            if problem.severity == "error":
                _say(str(problem))
        _say(wording.report_library_left_out(len(found.invalid)))
    return report_model.analogue_views(analogues.nearest(assessment, found.assessments))


def _emit_docx(model, output: Path | None, force: bool) -> None:
    """A Word file: to FILE, or to standard output when that is a file or pipe, never a screen."""
    from sanctions_check.render import docx, wording

    if output is None and sys.stdout.isatty():
        _say(f"error: {wording.DOCX_NEEDS_FILE}")
        raise typer.Exit(EXIT_USAGE)
    data = docx.render(model)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        return
    from sanctions_check import yamlio
    from sanctions_check.errors import SanctionsCheckError

    try:
        yamlio.atomic_write(output, data, overwrite=force)
    except SanctionsCheckError as exc:
        _fail(exc)
    _say(f"wrote {output}")


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
    framework_path: FrameworkOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX,
) -> None:
    """What changed between two assessments of one case: outlook and factors, the answers that
    changed (with both notes), the risks that rose or fell.
    """
    from sanctions_check.compare import compare as diff
    from sanctions_check.errors import SanctionsCheckError
    from sanctions_check.render import compare_view, report_model

    if old_path == "-" and new_path == "-":
        _say("error: only one of OLD and NEW can be - (standard input)")
        raise typer.Exit(EXIT_USAGE)
    fw = _framework(framework_path, max_size)
    old = _assessment(old_path, fw, max_size)
    new = _assessment(new_path, fw, max_size)
    try:
        model = compare_view.build(diff(old, new))
    except SanctionsCheckError as exc:
        _fail(exc)
    if format is CompareFormat.json:
        _emit(report_model.dumps(model), output, force)
    elif format is CompareFormat.markdown:
        _emit(compare_view.markdown(model), output, force)
    elif output is None and sys.stdout.isatty():
        with (console := _screen()):  # buffered: one write to the terminal
            compare_view.table(model, console)
    elif output is None:  # a pipe or a file: plain text at the width COLUMNS asks for
        import shutil

        sys.stdout.write(compare_view.table_text(model, shutil.get_terminal_size().columns))
    else:
        _emit(compare_view.table_text(model), output, force)


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
    from sanctions_check.render import similar_view, wording

    if library and "-" in library:
        _say(wording.LIBRARY_NOT_STDIN)
        raise typer.Exit(EXIT_USAGE)
    fw = _framework(framework_path, max_size)
    assessment = _assessment(case_path, fw, max_size)
    paths = library or [str(history.default_library())]
    found = history.load(paths, fw, max_size)
    result = analogues.similar(assessment, found.assessments)
    _history_out(result, format, similar_view)
    if not library and framework_path is not None and not found.assessments:
        _say(wording.LIBRARY_OTHER_FRAMEWORK)
    _history_problems(found)


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
    framework_path: FrameworkOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX,
) -> None:
    """How well the outlook (and each factor) orders past episodes by their recorded outcome:
    pairwise concordance (the AUC) with a bootstrap interval. It reports; it never fits.

    With so few cases this describes past episodes, coded with hindsight risk; it is not a
    measure of forecast accuracy. Exit codes: 0 shown; 1 some input invalid (the valid ones are
    still used) or none valid; 2 usage.
    """
    from sanctions_check import backtest as bt
    from sanctions_check import history
    from sanctions_check.render import backtest_view, wording

    fw = _framework(framework_path, max_size)
    found = history.load(paths, fw, max_size)
    if not found.assessments:
        for problem in found.problems:
            _say(str(problem))
        _say(wording.BACKTEST_NOTHING_VALID)
        raise typer.Exit(EXIT_INVALID)
    _history_out(bt.run(found.assessments), format, backtest_view)
    _history_problems(found)


def _history_out(result, format: HistoryFormat, view) -> None:
    """`similar` or `backtest` in the chosen format on standard output (view: its render module)."""
    if format is HistoryFormat.json:
        sys.stdout.write(result.to_json())
    elif format is HistoryFormat.markdown:
        sys.stdout.write(view.markdown(result))
    elif sys.stdout.isatty():
        with (console := _screen()):  # buffered: one write to the terminal
            view.terminal(result, console)
    else:  # a pipe or a file: plain text at the width COLUMNS asks for, no trailing spaces
        import shutil

        sys.stdout.write(view.terminal_text(result, shutil.get_terminal_size().columns))


def _history_problems(found) -> None:
    """The library's problems on standard error; exit 1 when a file was left out."""
    for problem in found.problems:
        _say(str(problem))
    if found.invalid:
        from sanctions_check.render import wording

        _say(wording.library_tally(len(found.assessments), len(found.invalid)))
        raise typer.Exit(EXIT_INVALID)


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
    framework_path: FrameworkOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX,
) -> None:
    """Pool a panel of analysts' assessments of one case: each question's median and range, the
    disagreements that move the outlook most, the pooled outlook beside each analyst's, and
    Krippendorff's alpha.

    Exit codes: 0 done; 1 an input is invalid, an analyst appears twice, or a file exists (use
    --force); 2 usage (fewer than two files, several cases without --case).
    """
    from sanctions_check import batch
    from sanctions_check import panel as panel_mod
    from sanctions_check.errors import Problem, SanctionsCheckError
    from sanctions_check.render import wording

    if "-" in paths:
        _say(wording.PANEL_NO_STDIN)
        raise typer.Exit(EXIT_USAGE)
    fw = _framework(framework_path, max_size)
    names, problems = batch.collect(paths)
    cases = []
    for name in names:
        try:
            cases.append(batch.read_case(name, fw, max_size))
        except SanctionsCheckError as exc:
            problems.extend(getattr(exc, "problems", [Problem(name, str(exc))]))
        except RecursionError:
            problems.append(Problem(name, "is nested too deeply to read"))
    for problem in problems:
        _say(str(problem))
    if problems:
        _say(wording.panel_invalid(len({p.file for p in problems})))
        raise typer.Exit(EXIT_INVALID)
    for case in cases:
        for warning in case.warnings:
            _say(str(warning))
    try:
        result = panel_mod.gather(fw, cases, case_id)
    except SanctionsCheckError as exc:
        _fail(exc)
    for note in result.warnings:
        _say(wording.panel_cli_warning(note))
    if format is PanelFormat.terminal and output is None:
        from sanctions_check.render import panel_terminal

        console = _screen()
        if console.is_terminal:
            with console:  # buffered: one write to the terminal
                panel_terminal.render(result, console)
        else:  # a pipe or a file: plain text without rich's trailing padding
            sys.stdout.write(panel_terminal.text(result, width=console.width))
    else:
        from sanctions_check.render import report_model

        try:
            generated = report_model.generated_at()
        except SanctionsCheckError as exc:
            _fail(exc)
        if format is PanelFormat.json:
            from sanctions_check.render import panel_json

            text = panel_json.render(result, generated)
        elif format is PanelFormat.markdown:
            from sanctions_check.render import panel_markdown

            text = panel_markdown.render(result)
        elif format is PanelFormat.html:
            from sanctions_check.render import panel_html

            text = panel_html.render(result, generated)
        else:
            from sanctions_check.render import panel_terminal

            text = panel_terminal.text(result)
        _emit(text, output, force)
    if feedback_dir is not None:
        from sanctions_check import feedback

        try:
            written = feedback.write(result, feedback_dir, overwrite=force, max_bytes=max_size)
        except SanctionsCheckError as exc:
            _fail(exc)
        for path in written:
            _say(f"wrote {path}")
