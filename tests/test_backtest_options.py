"""`backtest`'s judgements and options through the real CLI: the analysts' judgements ordered
against the verdicts by the same concordance (checked by hand), or a sentence saying none carries
one; --exclude-hindsight scores each episode with its hindsight answers counted as unknown;
--exclude-out-of-scope leaves out arms-embargo-only episodes (threat-only ones stay), each listed
with its reason; schema backtest@4.

Judgements are added here to copies of examples in a temporary folder: no bundled episode
carries one, since their sources state none from the time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers import EXAMPLES, ROOT, write
from sanctions_check import batch
from sanctions_check import framework as framework_mod
from sanctions_check.case import UNKNOWN
from sanctions_check.numbers import whole
from sanctions_check.scoring import assess

FW = framework_mod.load(ROOT / "factors.yaml")


def judged_library(tmp_path: Path) -> Path:
    folder = tmp_path / "judged"
    views = {
        "cote-divoire-2010": "likely",  # effective
        "guinea-2009": "could",  # effective
        "sudan-2005": "unlikely",  # ineffective
        "syria-2011": "could",  # ineffective
        "libya-2011": "cannot-judge",  # partly: left out of the judgements' order
        "car-2013": None,  # ineffective, no judgement
    }
    for ident, view in views.items():
        text = (EXAMPLES / f"{ident}.yaml").read_text(encoding="utf-8")
        if view is not None:
            text += f"judgement:\n  view: {view}\n  reason: A test reason.\n"
        write(folder / f"{ident}.yaml", text)
    return folder


def test_the_judgements_concordance_is_the_hand_computed_one(cli, tmp_path):
    result = cli("backtest", judged_library(tmp_path), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "sanctions-check/backtest@4"
    judged = data["judgements"]
    # ranked judgements (unlikely 0 < could 1 < likely 2) of the episodes with one:
    # sudan (ineffective, 0) < cote-divoire (effective, 2): concordant
    # sudan (ineffective, 0) < guinea (effective, 1): concordant
    # syria (ineffective, 1) < cote-divoire (effective, 2): concordant
    # syria (ineffective, 1) = guinea (effective, 1): tied
    concordance = judged["concordance"]
    assert (concordance["pairs"], concordance["concordant"], concordance["tied"]) == (4, 3, 1)
    assert concordance["concordance"] == 0.88  # (3 + 1/2) / 4 = 0.875, two decimals half up
    assert (judged["judged"], judged["cannot_judge"], judged["not_given"]) == (4, 1, 1)
    views = {e["id"]: e["judgement"] for e in data["episodes"]}
    assert views["libya-2011"] == "cannot-judge" and views["car-2013"] is None
    text = " ".join(cli("backtest", judged_library(tmp_path)).stdout.split())
    assert "Analysts' judgements (unlikely < could < likely to help): concordance 0.88" in text
    assert (
        "4 episodes with a judgement, 4 comparable pairs (3 concordant, 0 discordant, 1 tied)"
        in text
    )
    assert "left out: 1 'cannot judge yet', 1 without a judgement." in text


def test_no_episode_carries_a_judgement(cli):
    result = cli("backtest", EXAMPLES)
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    episodes = len(json.loads(cli("backtest", EXAMPLES, "-f", "json").stdout)["episodes"])
    assert f"Analysts' judgements: none of the {episodes} back-tested episodes carries one" in flat
    data = json.loads(cli("backtest", EXAMPLES, "-f", "json").stdout)
    assert data["judgements"]["concordance"] is None


def _knowable(path: Path) -> float:
    """The outlook with every hindsight answer counted as unknown, computed here."""
    case = batch.read_case(str(path), FW, 1 << 21)
    answers = {
        fid: {qid: a._replace(score=UNKNOWN) if a.hindsight else a for qid, a in questions.items()}
        for fid, questions in case.answers.items()
    }
    return assess(FW, case._replace(answers=answers)).outlook.score or 0.0


def test_exclude_hindsight_scores_each_episode_on_what_was_knowable(cli):
    kept = json.loads(cli("backtest", EXAMPLES, "-f", "json").stdout)
    aside = json.loads(cli("backtest", EXAMPLES, "-f", "json", "--exclude-hindsight").stdout)
    assert aside["options"] == {"exclude_hindsight": True, "exclude_out_of_scope": False}
    assert kept["options"] == {"exclude_hindsight": False, "exclude_out_of_scope": False}
    assert [e["id"] for e in kept["episodes"]] == [e["id"] for e in aside["episodes"]]
    changed = 0
    for before, after in zip(kept["episodes"], aside["episodes"], strict=True):
        case = batch.read_case(str(EXAMPLES / Path(after["file"]).name), FW, 1 << 21)
        flagged = sum(
            1
            for questions in case.answers.values()
            for a in questions.values()
            if a.hindsight and a.score != UNKNOWN
        )
        assert after["hindsight_set_aside"] == flagged and before["hindsight_set_aside"] == 0
        assert after["outlook"] == whole(_knowable(EXAMPLES / Path(after["file"]).name))
        changed += after["outlook"] != before["outlook"]
    assert changed  # the bundled episodes do flag hindsight answers
    total = sum(e["hindsight_set_aside"] for e in aside["episodes"])
    text = " ".join(cli("backtest", EXAMPLES, "--exclude-hindsight").stdout.split())
    assert f"--exclude-hindsight: {total} answers flagged as hindsight were set aside" in text


def test_exclude_out_of_scope_leaves_out_the_arms_embargo_and_keeps_a_threat(cli, tmp_path):
    folder = tmp_path / "library"
    for name in ("rwanda-1994", "cote-divoire-2010", "sudan-2005", "guinea-2009"):
        write(folder / f"{name}.yaml", (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))
    threat = (EXAMPLES / "syria-2011.yaml").read_text(encoding="utf-8")
    threat = re.sub(r"(\n  title: [^\n]*\n)", r"\1  scope: threat-only\n", threat, count=1)
    write(folder / "syria-2011.yaml", threat)
    kept = json.loads(cli("backtest", folder, "-f", "json").stdout)
    assert "rwanda-1994" in [e["id"] for e in kept["episodes"]]
    result = cli("backtest", folder, "-f", "json", "--exclude-out-of-scope")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    ids = [e["id"] for e in data["episodes"]]
    assert "rwanda-1994" not in ids and "syria-2011" in ids  # threat-only stays
    assert {"id": "rwanda-1994", "reason": "out-of-scope"}.items() <= next(
        e for e in data["excluded"] if e["id"] == "rwanda-1994"
    ).items()
    text = " ".join(cli("backtest", folder, "--exclude-out-of-scope").stdout.split())
    assert "rwanda-1994: outside the framework's definition of targeted sanctions" in text
    assert "--exclude-out-of-scope: left out 1 episode " in text
    assert "threat-only episodes are within it and stay" in text


def test_both_flags_in_markdown(cli):
    result = cli(
        "backtest", EXAMPLES, "-f", "markdown", "--exclude-hindsight", "--exclude-out-of-scope"
    )
    assert result.exit_code == 0, result.stderr
    assert "--exclude-hindsight:" in result.stdout and "--exclude-out-of-scope:" in result.stdout
