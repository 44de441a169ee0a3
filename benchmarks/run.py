"""Benchmark sanctions-check against its baselines and print a table. Never a test.

Every measurement runs paired with its baseline (A B A B ...; ratios taken pair by pair, so that
they stay meaningful while a shared machine drifts), after warm-up runs, and is reported as
median (min-max). Start-up runs in rounds: each round runs a bare interpreter, the import floors
of the libraries the commands need (typer; typer and PyYAML; typer, PyYAML and rich) and every
command once, and each command is stated as its ratio to that round's bare interpreter and as its
share above its floor, (command - floor) / bare, since on its own `import typer` is several bare
interpreters. Only the standard library and public tools are used: whole-process wall time from
``subprocess`` and ``time.perf_counter``, peak memory from GNU ``/usr/bin/time -v``.

    python benchmarks/run.py                 # the interpreter that runs this is the one measured
    python benchmarks/run.py --quick         # fewer runs and files: a smoke run, not for the record

Run it with the interpreter of the environment to measure (a regular ``pip install .`` in a
fresh venv, as users run it), never through a pyenv shim. The corpus of synthetic cases is
generated under benchmarks/corpus/ and each report is written under benchmarks/results/; nothing
else is written.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402 - benchmarks/corpus.py, next to this file

LOOP = """
import os, sys, yaml
folder = sys.argv[1]
count = 0
for name in sorted(os.listdir(folder)):
    if name.endswith(".yaml"):
        with open(os.path.join(folder, name), "rb") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
        count += 1
print(count)
"""


@dataclass
class Row:
    """One line of the report."""

    name: str
    runs: int
    value: str  # the measured command: median (min-max)
    baseline: str = "–"
    ratio: str = "–"
    goal: str = "–"
    met: str = "–"
    raw: dict = field(default_factory=dict)
    section: str = "other"  # "startup" rows are printed in a table of their own


def spread(values: list[float], scale: float = 1e3, digits: int = 0) -> str:
    low, mid, high = (x * scale for x in (min(values), statistics.median(values), max(values)))
    return f"{mid:.{digits}f} ({low:.{digits}f}–{high:.{digits}f})"


def ratio_text(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def once(cmd: list[str], env: dict[str, str], tty: bool = False) -> tuple[float, int]:
    """Wall time of one whole process, output discarded (or read from a pseudo-terminal)."""
    if not tty:
        started = time.perf_counter()
        code = subprocess.call(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        return time.perf_counter() - started, code
    master, slave = os.openpty()
    drained = threading.Thread(target=_drain, args=(master,), daemon=True)
    drained.start()
    started = time.perf_counter()
    code = subprocess.call(
        cmd, stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.DEVNULL, env=env
    )
    elapsed = time.perf_counter() - started
    os.close(slave)
    drained.join(5)
    os.close(master)
    return elapsed, code


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def paired(
    a: list[str], b: list[str], runs: int, warmups: int, env: dict[str, str], tty_a: bool = False
) -> tuple[list[float], list[float]]:
    for _ in range(warmups):
        _checked(once(a, env, tty_a), a)
        _checked(once(b, env), b)
    pairs = [(_checked(once(a, env, tty_a), a), _checked(once(b, env), b)) for _ in range(runs)]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _checked(result: tuple[float, int], cmd: list[str]) -> float:
    elapsed, code = result
    if code != 0:
        raise SystemExit(f"benchmark command failed with exit code {code}: {shlex.join(cmd)}")
    return elapsed


def peak_rss_mib(cmd: list[str], env: dict[str, str], scratch: Path) -> float:
    """Peak resident memory of the largest process of the run (GNU time reports the maximum over
    the process and the children it waited for), in MiB."""
    out = scratch / "time-v.txt"
    code = subprocess.call(
        ["/usr/bin/time", "-v", "-o", str(out), *cmd],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    if code != 0:
        raise SystemExit(f"benchmark command failed with exit code {code}: {shlex.join(cmd)}")
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.read_text())
    out.unlink()
    if not match:
        raise SystemExit("/usr/bin/time -v gave no 'Maximum resident set size'")
    return int(match.group(1)) / 1024


def describe_python(py: str) -> tuple[str, list[str]]:
    warnings = []
    with open(py, "rb") as handle:
        if handle.read(2) == b"#!":
            warnings.append(
                f"{py} is a script (a pyenv shim?), not an interpreter: every ratio "
                "would be off; pass --python with the environment's real python"
            )
    info = subprocess.run(
        [
            py,
            "-c",
            "import sys, yaml, typer, sanctions_check as s; "
            "print(sys.version.split()[0], yaml.__version__, "
            "yaml.__with_libyaml__, typer.__version__, s.__version__, s.__file__)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    pyv, yamlv, libyaml, typerv, version, where = info
    if libyaml != "True":
        warnings.append("PyYAML has no libyaml here: batch numbers measure the fallback loader")
    source = Path(where).resolve().is_relative_to(ROOT / "src")
    kind = "source checkout (editable: recompiled every start)" if source else "installed package"
    return (
        f"Python {pyv}, PyYAML {yamlv} (libyaml {libyaml}), typer {typerv}, "
        f"sanctions-check {version} from {kind}"
    ), warnings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--python",
        default=sys.executable,
        help="interpreter of the environment to measure (default: this one)",
    )
    ap.add_argument(
        "--cli",
        help="how to run the tool (default: the sanctions-check script "
        "next to --python, else PYTHON -m sanctions_check)",
    )
    ap.add_argument("--runs", type=int, default=15, help="pairs per start-up measurement")
    ap.add_argument("--batch-runs", type=int, default=10, help="pairs per batch measurement")
    ap.add_argument("--memory-runs", type=int, default=3)
    ap.add_argument("--files", type=int, default=2000, help="files in the batch corpus")
    ap.add_argument(
        "--batch-files",
        default=None,
        help="comma-separated batch corpus sizes, e.g. 2000,10000 (default: --files)",
    )
    ap.add_argument("--memory-files", type=int, default=10000)
    ap.add_argument("--example", type=Path, default=None, help="the one case for start-up rows")
    ap.add_argument(
        "--only", default="startup,batch,memory,assess", help="comma-separated sections to run"
    )
    ap.add_argument(
        "--quick",
        action="store_true",
        help="5 runs, 500/2,000 files: checks the script, not the goals",
    )
    args = ap.parse_args(argv)
    if args.quick:
        args.runs, args.batch_runs, args.memory_runs = 5, 3, 1
        args.files, args.memory_files = 500, 2000
    sections = set(args.only.split(","))

    py = args.python
    script = Path(py).parent / "sanctions-check"
    cli = (
        shlex.split(args.cli)
        if args.cli
        else ([str(script)] if script.exists() else [py, "-m", "sanctions_check"])
    )
    module = [py, "-m", "sanctions_check"]
    example = args.example or _default_example()
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    results = HERE / "results"
    results.mkdir(exist_ok=True)

    about, warnings = describe_python(py)
    header = [
        f"sanctions-check benchmark, {datetime.datetime.now():%Y-%m-%d %H:%M}",
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}, "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        f"environment: {about}",
        f"interpreter: {py}; tool: {shlex.join(cli)}",
    ]
    for line in header:
        print(line)
    for warning in warnings:
        print(f"WARNING: {warning}")
    rows: list[Row] = []

    if "startup" in sections:
        rows += startup(py, cli, module, example, args.runs, env)
    if sections & {"batch", "memory"}:
        ids = corpus.framework_ids(cli, None)
    if "batch" in sections:
        sizes = [int(n) for n in (args.batch_files or str(args.files)).split(",")]
        for size in sizes:
            folder = corpus.generate(HERE / "corpus" / f"cases-{size}", size, ids)
            rows += batch(py, cli, folder, size, args.batch_runs, env)
    if "memory" in sections and not Path("/usr/bin/time").exists():
        warnings.append("no /usr/bin/time: memory rows skipped (apt-get install time)")
        print(f"WARNING: {warnings[-1]}")
        sections.discard("memory")
    if "memory" in sections:
        small = corpus.generate(HERE / "corpus" / f"cases-{args.files}", args.files, ids)
        large = corpus.generate(
            HERE / "corpus" / f"cases-{args.memory_files}", args.memory_files, ids
        )
        rows += memory(
            cli, small, args.files, large, args.memory_files, args.memory_runs, env, results
        )
    if "assess" in sections:
        rows += assess(py, env)

    table = render(rows)
    print()
    print(table)
    stamp = f"{datetime.datetime.now():%Y%m%d-%H%M%S}"
    (results / f"{stamp}.md").write_text(
        "\n".join([*header, "", *warnings, "", table, ""]), encoding="utf-8"
    )
    (results / f"{stamp}.json").write_text(
        json.dumps(
            {"header": header, "warnings": warnings, "rows": [r.__dict__ for r in rows]}, indent=1
        ),
        encoding="utf-8",
    )
    print(f"\nwritten: benchmarks/results/{stamp}.md and .json")
    return 0


def _default_example() -> Path:
    preferred = ROOT / "examples" / "myanmar-2017.yaml"
    if preferred.exists():
        return preferred
    found = sorted((ROOT / "examples").glob("*.yaml"))
    if not found:
        raise SystemExit("no examples/*.yaml: pass --example CASE")
    return found[0]


# The libraries' own import floors: what a command spends before any code of this project runs.
FLOORS = {
    "typer": "import typer",
    "typer+yaml": "import typer, yaml",
    "typer+yaml+rich": "import typer, yaml, rich.console, rich.table",
}

# A two-command typer app that runs a command taking one argument, and nothing else: what typer
# itself costs per command beyond its import (typer 0.29 coerces every parameter through
# pydantic). No goal; it says how much of each row above its floor is the library's.
TYPER_RUN = """
import sys, typer
app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
@app.command()
def one(path: str) -> None:
    pass
@app.command()
def two(path: str) -> None:
    pass
sys.argv = ["app", "one", "x"]
app()
"""


@dataclass
class Startup:
    """One start-up row: the command, the floor it is judged against and its goal."""

    name: str
    cmd: list[str]
    floor: str | None = None  # a key of FLOORS; None: judged against a bare interpreter
    above: float | None = None  # goal: at most the floor + this many bare interpreters
    ratio: float | None = None  # goal: at most this many bare interpreters
    tty: bool = False


def startup(
    py: str, cli: list[str], module: list[str], example: Path, runs: int, env: dict[str, str]
) -> list[Row]:
    """Every start-up row, a bare interpreter and the floors, run in rounds (one of each per
    round, in the same order): each command's ratio and its share above its floor are taken
    round by round against the same round's bare interpreter and floor."""
    bare = [py, "-c", "pass"]
    ex = str(example)
    rows = [
        Startup("--version", [*cli, "--version"], ratio=3),
        Startup("--help", [*cli, "--help"], "typer", above=1),
        Startup(f"validate {example.name}", [*cli, "validate", ex], "typer+yaml", above=2.5),
        Startup(
            f"score {example.name} --format json",
            [*cli, "score", "--format", "json", ex],
            "typer+yaml",
            above=2.5,
        ),
        Startup(
            f"score {example.name} (table, to a pipe)",
            [*cli, "score", ex],
            "typer+yaml+rich",
            above=2.5,
        ),
        Startup(
            f"score {example.name} (table, to a terminal)",
            [*cli, "score", ex],
            "typer+yaml+rich",
            above=2.5,
            tty=True,
        ),
        Startup(
            f"python -m sanctions_check score {example.name}",
            [*module, "score", ex],
            "typer+yaml+rich",
        ),
        Startup(
            f"report {example.name} (terminal)",
            [*cli, "report", ex],
            "typer+yaml+rich",
            above=6,
            tty=True,
        ),
        Startup(
            "typer itself: a two-command app running one command", [py, "-c", TYPER_RUN], "typer"
        ),
    ]
    floors = {key: [py, "-c", code] for key, code in FLOORS.items()}
    plan: list[tuple[str, list[str], bool]] = [("bare", bare, False)]
    plan += [(f"floor {key}", cmd, False) for key, cmd in floors.items()]
    plan += [(row.name, row.cmd, row.tty) for row in rows]
    for _ in range(3):  # warm-up: page cache, .pyc files
        for _, cmd, tty in plan:
            _checked(once(cmd, env, tty), cmd)
    times: dict[str, list[float]] = {name: [] for name, _, _ in plan}
    for _ in range(runs):
        for name, cmd, tty in plan:
            times[name].append(_checked(once(cmd, env, tty), cmd))
    b = times["bare"]

    def per_bare(values: list[float]) -> list[float]:
        return [x / y for x, y in zip(values, b, strict=True)]

    out = [
        Row(
            "bare interpreter: python -c pass",
            runs,
            f"{spread(b)} ms",
            "1 × bare",
            "–",
            raw={"a_s": b},
            section="startup",
        )
    ]
    for key in FLOORS:
        a = times[f"floor {key}"]
        out.append(
            Row(
                f"floor {key}: {FLOORS[key]}",
                runs,
                f"{spread(a)} ms",
                f"{ratio_text(per_bare(a))} × bare",
                "(the floor)",
                raw={"a_s": a, "bare_s": b},
                section="startup",
            )
        )
    for row in rows:
        a = times[row.name]
        ratios = per_bare(a)
        if row.floor is None:
            above_text, met, goal = "–", "–", "–"
            if row.ratio is not None:
                goal = f"≤ {row.ratio:g}× bare"
                met = "yes" if statistics.median(ratios) <= row.ratio else "NO"
        else:
            floor_ratios = per_bare(times[f"floor {row.floor}"])
            above = [r - f for r, f in zip(ratios, floor_ratios, strict=True)]
            above_text = f"+{ratio_text(above)} over {row.floor}"
            goal, met = "–", "–"
            if row.above is not None:
                goal = f"≤ {row.floor} + {row.above:g}×"
                met = "yes" if statistics.median(above) <= row.above else "NO"
        out.append(
            Row(
                row.name,
                runs,
                f"{spread(a)} ms",
                f"{ratio_text(ratios)} × bare",
                above_text,
                goal,
                met,
                {"a_s": a, "bare_s": b},
                "startup",
            )
        )
    for r in out:
        print(f"  {r.name}: {r.value}; {r.baseline}; {r.ratio}", flush=True)
    return out


def batch(
    py: str, cli: list[str], folder: Path, files: int, runs: int, env: dict[str, str]
) -> list[Row]:
    loop = [py, "-c", LOOP, str(folder)]
    _sanity(cli, folder, files, env)
    rows = []
    for fmt in ("csv", "json"):
        for jobs, goal in (("1", 0.8), (None, 1.5)):
            cmd = [*cli, "score", "--format", fmt, *(["--jobs", jobs] if jobs else []), str(folder)]
            a, b = paired(cmd, loop, runs, 1, env)
            speed = [y / x for x, y in zip(a, b, strict=True)]  # files/s ratio: inverse of time
            label = "one process (-j 1)" if jobs else f"default ({os.cpu_count()} cores)"
            rows.append(
                Row(
                    f"score {files:,} files --format {fmt}, {label}",
                    runs,
                    f"{spread(a, 1, 2)} s = {files / statistics.median(a):,.0f} files/s",
                    f"{spread(b, 1, 2)} s = {files / statistics.median(b):,.0f} files/s "
                    "(CSafeLoader loop)",
                    f"{ratio_text(speed)} × loop files/s",
                    f"≥ {goal}×",
                    "yes" if statistics.median(speed) >= goal else "NO",
                    {"a_s": a, "b_s": b},
                )
            )
            print(
                f"  {rows[-1].name}: {rows[-1].value} vs {rows[-1].baseline}: {rows[-1].ratio}",
                flush=True,
            )
    return rows


def _sanity(cli: list[str], folder: Path, files: int, env: dict[str, str]) -> None:
    """Time only runs that score every file: a batch of errors would measure the wrong path."""
    out = subprocess.run(
        [*cli, "score", "--format", "json", "-j", "1", str(folder)],
        capture_output=True,
        text=True,
        env=env,
    )
    summary = json.loads(out.stdout)["summary"] if out.stdout else {}
    if out.returncode != 0 or summary.get("valid") != files:
        raise SystemExit(f"the corpus does not score cleanly ({summary}): {out.stderr[-2000:]}")


def memory(
    cli: list[str],
    small: Path,
    small_n: int,
    large: Path,
    large_n: int,
    runs: int,
    env: dict[str, str],
    scratch: Path,
) -> list[Row]:
    rows = []
    plans = [
        ("csv", ["-j", "1"], "one process"),
        ("json", ["-j", "1"], "one process"),
        ("csv", [], "default, largest process"),
        ("table", ["-j", "1"], "one process"),
    ]
    for fmt, jobs, label in plans:
        peaks = {}
        for folder, count in ((small, small_n), (large, large_n)):
            cmd = [*cli, "score", "--format", fmt, *jobs, str(folder)]
            peaks[count] = [peak_rss_mib(cmd, env, scratch) for _ in range(runs)]
        big = statistics.median(peaks[large_n])
        # A ranked table needs every row before its first line: it cannot be flat, only small.
        goal = "≤ 40 MiB" if fmt == "table" else "≤ 40 MiB, ≤ 1 KiB/file"
        # "Flat": nothing kept per case. Sorted output and the duplicate-id check need each
        # file's name and case id (~0.3 KiB); a kept row or parsed case would be several KiB.
        per_file = (big - statistics.median(peaks[small_n])) * 1024 / (large_n - small_n)
        rows.append(
            Row(
                f"peak memory, score {large_n:,} files --format {fmt}, {label}",
                runs,
                f"{spread(peaks[large_n], 1, 1)} MiB",
                f"{spread(peaks[small_n], 1, 1)} MiB at {small_n:,} files",
                f"+{per_file:.2f} KiB per extra file",
                goal,
                "yes" if big <= 40 and (per_file <= 1 or fmt == "table") else "NO",
                peaks,
            )
        )
        print(f"  {rows[-1].name}: {rows[-1].value}; {rows[-1].baseline}", flush=True)
    return rows


def assess(py: str, env: dict[str, str]) -> list[Row]:
    """The interview's own latency script (benchmarks/assess_latency.py), if present."""
    script = HERE / "assess_latency.py"
    if not script.exists():
        return [
            Row(
                "assess: saved answer + next prompt",
                0,
                "not measured (no benchmarks/assess_latency.py)",
                goal="< 50 ms",
            )
        ]
    out = subprocess.run([py, str(script)], capture_output=True, text=True, env=env)
    match = re.search(
        r"answer -> next prompt drawn: median ([\d.]+) ms, p95 ([\d.]+) ms, "
        r"max ([\d.]+) ms \(n=(\d+)\)",
        out.stdout,
    )
    if out.returncode != 0 or not match:
        return [
            Row(
                "assess: saved answer + next prompt",
                0,
                "failed: " + out.stderr[-300:],
                goal="< 50 ms",
                met="NO",
            )
        ]
    median, p95, peak, n = match.groups()
    return [
        Row(
            "assess: saved answer + next prompt drawn (in-process)",
            int(n),
            f"{median} ms median, p95 {p95}, max {peak} ms",
            "–",
            "–",
            "< 50 ms",
            "yes" if float(p95) < 50 else "NO",
            {"stdout": out.stdout},
        )
    ]


def render(rows: list[Row]) -> str:
    tables = []
    heads = {
        "startup": (
            "start-up (whole process)",
            "runs",
            "wall: median (min–max)",
            "× bare interpreter",
            "above the libraries' floor, × bare",
            "goal",
            "met",
        ),
        "other": (
            "measurement",
            "runs",
            "measured: median (min–max)",
            "baseline: median (min–max)",
            "ratio: median (min–max)",
            "goal",
            "met",
        ),
    }
    for section, head in heads.items():
        chosen = [r for r in rows if r.section == section]
        if not chosen:
            continue
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
        for r in chosen:
            cells = (r.name, str(r.runs), r.value, r.baseline, r.ratio, r.goal, r.met)
            lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
        tables.append("\n".join(lines))
    return "\n\n".join(tables)


if __name__ == "__main__":
    sys.exit(main())
