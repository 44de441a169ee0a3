"""`sanctions-check assess` end to end in a real pseudo-terminal (pexpect): Ctrl-C, resume, hang-up.

pexpect gives the child its own terminal, so these run in CI where the test process has no
standard input; every wait has a timeout, so a prompt that never comes fails instead of hanging.
"""

from __future__ import annotations

import os
import signal
import statistics
import sys
import time
from pathlib import Path

import pexpect
import pytest

from helpers import MINI, ROOT, run_subprocess
from sanctions_check import case as case_mod
from sanctions_check.framework import load as load_framework

TIMEOUT = 30
LIST_PROMPT = "← back to the"  # the last line of every answer list (the previous question, or
# the menu from the first question a resumed interview asks)


def spawn(*args: str, cwd: Path) -> pexpect.spawn:
    # pexpect is not a terminal emulator: it never answers prompt_toolkit's cursor-position
    # request, which would cost a 1 s time-out per prompt; a real terminal answers at once.
    env = {
        **os.environ,
        "TERM": "xterm",
        "NO_COLOR": "1",
        "COLUMNS": "100",
        "LINES": "40",
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
        ),
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "sanctions_check", "assess", *args],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, 100),
    )
    child.delaybeforesend = None  # pexpect's default 50 ms pause before each send would be timed
    return child


def header(
    child: pexpect.spawn, title: str, file: str, country: str = "", hypothetical: bool = False
) -> None:
    """The case header: title, country, as-of date, the proposed id, real or hypothetical,
    implementers, analyst, situation, measures, purposes (the first ticked)."""
    child.expect("Title of the case")
    child.send(title + "\r")
    child.expect("Country")
    child.send(country + "\r")
    child.expect("as of which date")
    child.send("\r")
    child.expect("Short id")
    child.send("\r")
    child.expect_exact(f"Saving every answer in {file}")
    child.expect("real case, or a hypothetical")
    child.send(("2" if hypothetical else "1") + "\r")
    for prompt in ("Who imposes", "Your name", "situation", "measures"):
        child.expect(prompt)
        child.send("\r")
    child.expect("meant to do")
    child.send(" \r")


def answer(child: pexpect.spawn, key: str) -> float:
    """Answer the list prompt on screen and wait for the next one; returns the seconds between."""
    started = time.perf_counter()
    child.send(key + "\r")
    child.expect_exact(LIST_PROMPT)
    return time.perf_counter() - started


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus if child.exitstatus is not None else -(child.signalstatus or 0)


def test_ctrl_c_keeps_every_answer_and_resume_finishes_with_the_summary(tmp_path):
    fw = load_framework(MINI)
    child = spawn("--framework", str(MINI), cwd=tmp_path)
    header(child, "Pty Land 2024", "pty-land-2024.yaml")
    child.expect("cited by 12 of 15 practitioners")
    child.expect("Section 2/7 · Question 1 of 6")
    child.expect_exact(LIST_PROMPT)
    for key in ("3", "u", "2"):
        answer(child, key)
    assert "Is b2 present?" in child.before
    child.sendcontrol("c")
    child.expect("Interrupted. Every answer so far is saved in pty-land-2024.yaml")
    child.expect_exact("sanctions-check assess --resume pty-land-2024.yaml")
    assert finish(child) == 130

    path = tmp_path / "pty-land-2024.yaml"
    checked = run_subprocess("validate", "--framework", MINI, path)
    assert checked.returncode == 0, checked.stderr
    saved = case_mod.load(path, fw)
    assert saved.answer("alpha", "a1").score == 3
    assert saved.answer("alpha", "a2").score == "unknown"
    assert saved.answer("beta", "b1").score == 2
    assert saved.answer("beta", "b2").score is None
    scored = run_subprocess("score", "--framework", MINI, "--format", "json", path)
    assert scored.returncode == 0, scored.stderr

    child = spawn("--resume", path.name, "--framework", str(MINI), cwd=tmp_path)
    child.expect("3 of 6 questions answered, 0 of 2 risks rated")
    child.expect_exact("Next: question 4 of 6: Is b2 present?")
    child.expect_exact("Continue at question 4 of 6")
    child.send("\r")
    child.expect_exact(LIST_PROMPT)
    for key in ("1", "4", "0", "2", "3", "1"):
        answer(child, key)
    assert "Evasion: if it happens, how severe would it be?" in child.before
    answer(child, "1")
    child.send("s\r")  # no judgement yet
    child.expect("Advisory summary")
    child.expect("Outlook")
    child.expect("6 of 6 questions answered, 2 of 2 risks rated")
    assert finish(child) == 0

    saved = case_mod.load(path, fw)
    assert saved.answer("beta", "b2").score == 1
    assert (saved.risk("harm").likelihood, saved.risk("harm").severity) == (2, 3)
    assert (saved.risk("evasion").likelihood, saved.risk("evasion").severity) == (1, 1)


@pytest.mark.timed
def test_answer_to_next_prompt_through_a_pty_within_250_ms(tmp_path):
    """A saved answer plus the next prompt, seen from outside through a pty: an upper bound of
    the tool's own time (its budget is 50 ms; benchmarks/assess_latency.py measures it)."""
    child = spawn("--framework", str(MINI), cwd=tmp_path)
    header(child, "Pty Land 2024", "pty-land-2024.yaml")
    child.expect_exact(LIST_PROMPT)
    latencies = [answer(child, key) for key in ("3", "u", "2", "1", "4", "0", "2", "3", "1", "1")]
    child.send("s\r")
    child.expect("Advisory summary")
    assert finish(child) == 0
    print(
        f"answer-to-next-prompt through the pty: median "
        f"{statistics.median(latencies) * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms"
    )
    assert statistics.median(latencies) < 0.25


def _answered_two(tmp_path: Path) -> pexpect.spawn:
    child = spawn("--framework", str(MINI), cwd=tmp_path)
    header(child, "Hup Land 2024", "hup-land-2024.yaml")
    child.expect_exact(LIST_PROMPT)
    answer(child, "4")
    answer(child, "1")
    assert "Is b1 present?" in child.before
    return child


def _wait(pid: int, timeout: float = TIMEOUT) -> int:
    """Wait for the child to exit (blocking, no polling); killed after ``timeout`` seconds."""
    import threading

    timer = threading.Timer(timeout, os.kill, (pid, signal.SIGKILL))
    timer.start()
    try:
        _, status = os.waitpid(pid, 0)
    finally:
        timer.cancel()
    code = os.waitstatus_to_exitcode(status)
    assert code != -signal.SIGKILL, "assess did not exit after its terminal was closed"
    return code


def _check_kept(tmp_path: Path) -> None:
    saved = case_mod.load(tmp_path / "hup-land-2024.yaml", load_framework(MINI))
    assert saved.answer("alpha", "a1").score == 4
    assert saved.answer("alpha", "a2").score == 1
    assert [p.name for p in tmp_path.iterdir()] == ["hup-land-2024.yaml"]  # no temporary file left


def test_closing_the_terminal_keeps_every_answer(tmp_path):
    child = _answered_two(tmp_path)
    os.close(child.child_fd)  # the terminal window goes away: the kernel sends SIGHUP
    assert _wait(child.pid) == 130
    _check_kept(tmp_path)


def test_sighup_is_handled_like_ctrl_c(tmp_path):
    child = _answered_two(tmp_path)
    child.kill(signal.SIGHUP)
    child.expect("Interrupted. Every answer so far is saved in hup-land-2024.yaml")
    assert finish(child) == 130
    _check_kept(tmp_path)


def test_ctrl_d_at_a_list_prompt_stops_like_ctrl_c(tmp_path):
    child = _answered_two(tmp_path)
    child.sendcontrol("d")
    child.expect("Interrupted.")
    assert finish(child) == 130
    _check_kept(tmp_path)


@pytest.mark.parametrize("stop", ["ctrl-c", "ctrl-d", "hang-up"])
@pytest.mark.parametrize("at", ["Title:", "As of:", "Id:"])
def test_stopping_before_the_id_is_accepted_writes_nothing(tmp_path, stop, at):
    """Nothing is written before the case has a file: not at the title (typed or not), not at
    the id prompt, whether by Ctrl-C, Ctrl-D or a closed terminal."""
    (tmp_path / "kestria-2026.yaml").write_text("another case\n", encoding="utf-8")
    child = spawn("--framework", str(MINI), cwd=tmp_path)
    typed = {"Title:": "Kestria crisis 2026", "Country:": "Kestria", "As of:": ""}
    for prompt, value in typed.items():
        child.expect_exact(prompt)
        if prompt == at:
            child.send(value)
            break
        child.send(value + "\r")
    else:
        child.expect_exact(at)
        child.send("kestria-2026-2")  # the proposal, typed, not yet accepted
    if stop == "hang-up":
        os.close(child.child_fd)
        assert _wait(child.pid) == 130
    else:
        child.sendcontrol("c" if stop == "ctrl-c" else "d")
        child.expect(r"nothing was\s+saved")
        assert finish(child) == 130
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kestria-2026.yaml"]


def test_without_a_terminal_assess_explains_and_exits_2(tmp_path):
    done = run_subprocess("assess", "--framework", MINI, input=b"", cwd=tmp_path)
    assert done.returncode == 2
    message = done.stderr.decode()
    assert "needs a terminal" in message
    assert "sanctions-check new -o FILE" in message and "sanctions-check score FILE" in message
    assert "Traceback" not in message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ("assess", "--framework", str(MINI)),
        (
            "validate",
            "--framework",
            str(MINI),
            str(ROOT / "tests" / "data" / "mini-framework.yaml"),
        ),
        ("factors", "--framework", str(MINI)),
    ],
)
def test_only_the_interactive_module_loads_questionary(args):
    probe = (
        "import sys\n"
        "from sanctions_check.cli import main\n"
        f"sys.argv = ['sanctions-check', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('questionary' in sys.modules, 'prompt_toolkit' in sys.modules, file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.stderr.decode().strip().splitlines()[-1] == "False False"


def test_no_other_module_imports_questionary():
    src = ROOT / "src" / "sanctions_check"
    importers = sorted(
        p.name
        for p in src.rglob("*.py")
        if "import questionary" in p.read_text(encoding="utf-8")
        or "prompt_toolkit" in p.read_text(encoding="utf-8")
    )
    assert importers == ["interview.py"]


@pytest.mark.skipif(not (ROOT / "factors.yaml").is_file(), reason="factors.yaml not written yet")
def test_a_full_assessment_with_the_bundled_framework(tmp_path):
    fw = load_framework(ROOT / "factors.yaml")
    child = spawn(cwd=tmp_path)
    header(child, "Full run 2024", "full-run-2024.yaml")
    child.expect_exact(f"cited by {fw.factors[0].evidence.practitioners_cited} of")
    steps = sum(len(f.questions) for f in fw.factors) + 2 * len(fw.risks)
    for n in range(steps):
        child.expect_exact(LIST_PROMPT)
        child.send(("2" if n % 3 else "u") + "\r")
    child.expect_exact(LIST_PROMPT)  # the judgement
    child.send("2\r")
    child.expect("Reason:")
    child.send("Mixed: allies act, exposure is low.\r")
    child.expect("Advisory summary")
    assert finish(child) == 0
    saved = case_mod.load(tmp_path / "full-run-2024.yaml", fw)
    assert all(a.score is not None for qs in saved.answers.values() for a in qs.values())
    assert len(saved.risks) == len(fw.risks)
    assert saved.judgement is not None and saved.judgement.view == "could"


def test_resume_of_an_invalid_file_lists_its_problems_and_exits_1(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "format: sanctions-check/case@1\ncase:\n  id: x\nframework: mini@2\n"
        "answers:\n  alpha:\n    a1: 7\n",
        encoding="utf-8",
    )
    child = spawn("--resume", "bad.yaml", "--framework", str(MINI), cwd=tmp_path)
    child.expect("bad.yaml:2:1: error: case: missing required key 'title'")
    child.expect("bad.yaml:7:.*out of range")
    assert finish(child) == 1
    assert "Traceback" not in child.before


def test_out_never_replaces_a_file_without_force(tmp_path):
    (tmp_path / "mine.yaml").write_text("keep me\n", encoding="utf-8")
    child = spawn("--out", "mine.yaml", "--framework", str(MINI), cwd=tmp_path)
    child.expect("mine.yaml already exists; continue it with `sanctions-check assess --resume")
    assert finish(child) == 2
    assert (tmp_path / "mine.yaml").read_text(encoding="utf-8") == "keep me\n"


def test_out_and_resume_together_are_a_usage_error(cli, tmp_path):
    result = cli("assess", "--out", tmp_path / "a.yaml", "--resume", tmp_path / "b.yaml")
    assert result.exit_code == 2
    assert "either --out" in result.stderr


def test_the_run_ends_with_the_bottom_line_naming_the_real_file(tmp_path):
    child = spawn("--framework", str(MINI), cwd=tmp_path)
    header(child, "Aldovia crisis 2025", "aldovia-2025.yaml", country="Aldovia", hypothetical=True)
    child.expect_exact(LIST_PROMPT)
    for key in ("3", "4", "2", "1", "4", "0", "s", "2", "u"):  # s skips the first risk whole
        answer(child, key)
    child.send("s\r")  # no judgement
    child.expect_exact("Saved in aldovia-2025.yaml: 6 of 6 questions answered, 1 of 2 risks")
    child.expect_exact("sanctions-check assess --resume aldovia-2025.yaml")
    child.expect_exact("sanctions-check report aldovia-2025.yaml -f html -o aldovia-2025.html")
    child.expect_exact("Bottom line: Aldovia crisis 2025")
    # The bottom line wraps at the terminal's width, at spaces only.
    child.expect(r"sanctions-check report aldovia-2025\.yaml\s+--format brief")
    child.expect(r"--format\s+docx\s+-o\s+report\.docx")
    assert finish(child) == 0
    assert child.before.strip() == ""  # the bottom line is the last thing on screen
    saved = case_mod.load(tmp_path / "aldovia-2025.yaml", load_framework(MINI))
    assert saved.header.id == "aldovia-2025" and saved.header.hypothetical
    assert saved.risk("harm").likelihood is None
    assert (saved.risk("evasion").likelihood, saved.risk("evasion").severity) == (2, "unknown")
