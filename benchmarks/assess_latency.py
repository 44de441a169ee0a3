"""How long the analyst waits between giving an answer and seeing the next question.

Budget: a saved answer plus the next prompt in under 50 ms of the tool's own time. Measured
in-process on the real prompts (prompt_toolkit pipe input, a VT100 output into /dev/null, so
rendering is paid for), on the bundled framework by default:

* ``gap``: from the moment a list prompt returns its answer to the moment the next list prompt
  has drawn itself, i.e. save (YAML dump + write + fsync + rename) + progress line + factor panel
  when a section starts + building and drawing the next prompt;
* ``save``: the atomic save alone, at the case's full size.

    python benchmarks/assess_latency.py [--framework FILE] [--runs N]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output
from rich.console import Console

from sanctions_check import flow, interview
from sanctions_check.framework import load


def one_run(framework, folder: Path) -> tuple[list[float], list[float]]:
    gaps: list[float] = []
    saves: list[float] = []
    last = {"answered": None}
    real_ask = interview._ask
    real_save = flow.Store.save

    def timed_ask(question, *extra):
        app = question.application

        def drawn(_app) -> None:
            if last["answered"] is not None:
                gaps.append(time.perf_counter() - last["answered"])
                last["answered"] = None

        app.after_render += drawn
        answer = real_ask(question, *extra)
        last["answered"] = time.perf_counter()
        return answer

    def timed_save(self, case):
        started = time.perf_counter()
        try:
            return real_save(self, case)
        finally:
            saves.append(time.perf_counter() - started)

    steps = flow.plan(framework).steps
    answers = sum(1 for s in steps if s.counted)
    # title, country, as-of date, id, real or hypothetical, implementers, analyst, situation,
    # measures, purposes (tick the first)
    keys = ["Latency check 2024\r", "Latencia\r", *["\r"] * 7, " \r"]
    keys += [("2" if n % 4 else "u") + "\r" for n in range(answers)]
    keys += ["s\r"]  # the judgement, skipped
    devnull = open(os.devnull, "w")  # noqa: SIM115 - closed below
    output = Vt100_Output(devnull, lambda: Size(rows=40, columns=100), term="xterm")
    console = Console(file=io.StringIO(), width=100, force_terminal=True)
    interview._ask = timed_ask
    flow.Store.save = timed_save
    try:
        with create_pipe_input() as pipe:
            pipe.send_text("".join(keys))
            pipe.close()
            with create_app_session(input=pipe, output=output):
                outcome = interview.run(
                    framework, console=console, folder=folder, today="2024-01-01"
                )
    finally:
        interview._ask = real_ask
        flow.Store.save = real_save
        devnull.close()
    assert not outcome.interrupted, "the run did not finish"
    return gaps, saves


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--framework", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    framework = load(args.framework)
    gaps: list[float] = []
    saves: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        one_run(framework, Path(tmp))  # warm-up
        for n in range(args.runs):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            g, s = one_run(framework, folder)
            gaps += g
            saves += s

    def ms(values: list[float]) -> str:
        values = sorted(values)
        p95 = values[int(0.95 * (len(values) - 1))]
        return (
            f"median {statistics.median(values) * 1e3:.1f} ms, p95 {p95 * 1e3:.1f} ms, "
            f"max {values[-1] * 1e3:.1f} ms (n={len(values)})"
        )

    print(f"framework {framework.id} {framework.version}: {len(flow.plan(framework).steps)} steps")
    print(f"answer -> next prompt drawn: {ms(gaps)}")
    print(f"atomic save of the case:     {ms(saves)}")


if __name__ == "__main__":
    main()
