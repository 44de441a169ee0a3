"""`backtest` with nothing to back-test: files with no outcome, or episodes that all share one
verdict, get a clear message on standard error and exit 1, with nothing on standard output; and
what the back-test says about hindsight is said only of the episodes it back-tests."""

from __future__ import annotations

import json
import shutil

import pytest

from helpers import DATA, EXAMPLES, MINI, write

FW = ("--framework", str(MINI))
BACKTEST = DATA / "history" / "backtest"
CASES = DATA / "mini-cases"


def copy(folder, *names) -> None:
    for name in names:
        source = BACKTEST / name if (BACKTEST / name).exists() else CASES / name
        shutil.copy(source, folder / name)


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json"])
def test_files_without_an_outcome_are_refused(cli, tmp_path, fmt):
    copy(tmp_path, "weak.yaml", "strong.yaml")
    result = cli("backtest", tmp_path, "-f", fmt, *FW)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        "error: nothing to back-test: none of the 2 valid case files can be ordered: no outcome "
        "recorded (2 files)." in result.stderr
    )
    assert "verdict: effective, partly or ineffective" in result.stderr
    assert "knew" not in result.stderr and "hindsight" not in result.stderr


def test_the_bundled_hypothetical_case_alone_is_refused(cli):
    result = cli("backtest", EXAMPLES / "hypothetical-republic-of-aldovia.yaml")
    assert result.exit_code == 1 and result.stdout == ""
    assert "a hypothetical case, not a real episode (1 file)" in result.stderr


def test_episodes_of_one_verdict_are_refused(cli, tmp_path):
    copy(tmp_path, "e1.yaml", "e2.yaml", "weak.yaml", "hypo.yaml")
    result = cli("backtest", tmp_path, *FW)
    assert result.exit_code == 1 and result.stdout == ""
    assert "both episodes with an ordered verdict read 'effective'" in result.stderr
    assert "no outcome recorded (1 file)" in result.stderr
    assert "a hypothetical case, not a real episode (1 file)" in result.stderr
    one = cli("backtest", BACKTEST / "e1.yaml", *FW)
    assert one.exit_code == 1
    assert "the one episode with an ordered verdict reads 'effective'" in one.stderr


def test_an_invalid_file_beside_is_still_named(cli, tmp_path):
    copy(tmp_path, "weak.yaml")
    write(tmp_path / "broken.yaml", "format: sanctions-check/case@1\ncase: [\n")
    result = cli("backtest", tmp_path, *FW)
    assert result.exit_code == 1
    assert "broken.yaml" in result.stderr and "nothing to back-test" in result.stderr


def test_hindsight_is_said_of_the_back_tested_episodes_only(cli, tmp_path):
    """Files without an outcome beside episodes: the back-test runs on the episodes, lists the
    others as left out, and every hindsight sentence counts the episodes it is about."""
    copy(tmp_path, "e1.yaml", "e4.yaml", "weak.yaml", "strong.yaml")
    result = cli("backtest", tmp_path, *FW)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "Left out: strong: no outcome recorded; weak: no outcome recorded." in out
    assert "in the 2 back-tested episodes" in out
    assert "these episodes" not in out
    data = json.loads(cli("backtest", tmp_path, "-f", "json", *FW).stdout)
    assert len(data["episodes"]) == 2
    [sentence] = [line for line in data["closing"] if "back-tested episode" in line]
    assert f"the {len(data['episodes'])} back-tested episodes" in sentence
