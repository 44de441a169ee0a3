"""`assess --resume`, answered through its real prompts, keeps every comment of the file.

Three files carry comments an analyst needs: the commented template `new` writes, the file
`panel --feedback` writes for a second round (the panel's answers above each question), and a
file annotated by hand. Each is resumed and answered (scores, notes with ': ' in them, a
mitigation, the judgement), and every comment must still be there, in order, above the key it
was above. A save that could not keep them copies the file first and says so.
"""

from __future__ import annotations

from pathlib import Path

from helpers import DATA, MINI, write
from sanctions_check import case as case_mod
from sanctions_check import yamlpatch
from sanctions_check.framework import default_path
from sanctions_check.framework import load as load_framework
from test_interview_flow import CTRL_C, ENTER, TODAY, drive, pick
from test_yamlpatch import HAND, comments, filled_template, kept_in_order, keys_below_comments

MINI_FW = load_framework(MINI)


def assert_comments_kept(before: str, after: str) -> None:
    assert kept_in_order(comments(before), after), after
    below = keys_below_comments(after)
    for pair in keys_below_comments(before):
        if pair[1]:
            assert pair in below, (pair, after)


def test_a_template_from_new_keeps_its_comments_when_resumed_and_answered(tmp_path, cli):
    path = tmp_path / "kestria-2026.yaml"
    assert cli("new", "-o", path, "--framework", MINI).exit_code == 0
    text = path.read_text(encoding="utf-8")
    text = text.replace("  id:  ", "  id: kestria-2026", 1).replace("  title:  ", "  title: K", 1)
    path.write_text(text, encoding="utf-8")
    assert text == filled_template(MINI_FW)
    keys = [
        ENTER,  # continue at the first question
        pick("n"),
        "Unknown: the sources say 'nothing'; see [R1]" + ENTER,
        pick("2"),  # medium
        "R1; https://example.org/x" + ENTER,
        pick("3"),  # a1
        pick("u"),  # a2
        pick("s"),  # b1 skipped
        *[pick(k) for k in ("1", "4", "0")],  # b2, g1, f1
        pick("n"),  # harm: mitigation, note, confidence, sources
        "Exempt food and medicine: always" + ENTER,
        ENTER,
        pick("0"),
        ENTER,
        pick("2"),
        pick("3"),
        pick("s"),  # evasion skipped
        pick("4"),  # cannot judge yet
        "Too early: the listings are not public." + ENTER,
    ]
    outcome, _ = drive(MINI_FW, keys, tmp_path, resume=path)

    assert not outcome.interrupted
    after = path.read_text(encoding="utf-8")
    assert_comments_kept(text, after)
    saved = case_mod.load(path, MINI_FW)
    a1 = saved.answer("alpha", "a1")
    assert (a1.score, a1.note, a1.confidence, a1.sources) == (
        3,
        "Unknown: the sources say 'nothing'; see [R1]",
        "medium",
        ("R1", "https://example.org/x"),
    )
    assert saved.risk("harm").mitigation == "Exempt food and medicine: always"
    assert saved.judgement == case_mod.Judgement(
        "cannot-judge", "Too early: the listings are not public.", TODAY
    )
    # The template's own layout stays: the note went under its block header, with its comment.
    assert "      note: |-       # text on the lines below, indented; any characters\n" in after
    assert "  reason: |-         # required with a view: why, on the lines below, indented\n" in (
        after
    )
    assert cli("validate", "--framework", MINI, path).exit_code == 0


def test_a_panel_round_two_file_keeps_the_panel_s_comments_above_each_question(tmp_path, cli):
    folder = tmp_path / "round2"
    done = cli("panel", *sorted((DATA / "panel").glob("*.yaml")), "--feedback", folder)
    assert done.exit_code == 0, done.stderr
    path = folder / "analyst-a.yaml"
    text = path.read_text(encoding="utf-8")
    assert "# [panel]" in text
    fw = load_framework(default_path())
    keys = [
        pick("2"),  # review Exposure: every answer revised
        *[pick(k) for k in ("1", "2", "0", "u", "4")],
        pick("j"),
        pick("2"),
        "Allies aligned, exposure modest." + ENTER,
        pick("f"),
    ]
    outcome, _ = drive(fw, keys, folder, resume=path)

    assert not outcome.interrupted
    after = path.read_text(encoding="utf-8")
    assert_comments_kept(text, after)
    saved = case_mod.load(path, fw)
    assert saved.answer("exposure", "financial_ties").score == 1
    assert saved.answer("exposure", "family_abroad").score == "unknown"
    assert saved.judgement is not None and saved.judgement.view == "could"
    assert cli("validate", path).exit_code == 0


def test_a_hand_commented_file_keeps_every_comment_when_resumed_and_answered(tmp_path, cli):
    path = write(tmp_path / "hand-2026.yaml", HAND)
    keys = [
        ENTER,  # continue after the last answer (harm): evasion, then the judgement
        pick("1"),
        pick("2"),
        pick("1"),  # likely to help
        "Exposure: high." + ENTER,
    ]
    outcome, printed = drive(MINI_FW, keys, tmp_path, resume=path)
    assert not outcome.interrupted, printed
    # Then a second session revises Alpha: a1 gets a note (its shorthand becomes a mapping,
    # its comment staying on its line), a2 its score.
    keys = [
        pick("2"),
        pick("n"),
        "Revised: after the annex" + ENTER,
        ENTER,
        ENTER,
        pick("3"),
        pick("2"),
        pick("f"),
    ]
    outcome, _ = drive(MINI_FW, keys, tmp_path, resume=path)
    assert not outcome.interrupted
    after = path.read_text(encoding="utf-8")
    assert_comments_kept(HAND, after)
    saved = case_mod.load(path, MINI_FW)
    assert saved.answer("alpha", "a1") == case_mod.Answer(3, note="Revised: after the annex")
    assert saved.answer("alpha", "a2").score == 2
    assert (saved.risk("evasion").likelihood, saved.risk("evasion").severity) == (1, 2)
    assert "# My working copy for the Monday meeting. Do not circulate.\n" in after
    assert "    a1:    # from the 2025 report\n      score: 3\n" in after
    assert cli("validate", "--framework", MINI, path).exit_code == 0


def test_a_save_that_cannot_keep_the_comments_copies_the_file_first(tmp_path, monkeypatch):
    path = write(tmp_path / "hand-2026.yaml", HAND)

    def unable(*args, **kwargs):
        raise yamlpatch.PatchError("an unusual layout")

    monkeypatch.setattr(yamlpatch, "patch", unable)
    outcome, printed = drive(MINI_FW, [ENTER, pick("1"), CTRL_C], tmp_path, resume=path)

    assert outcome.interrupted
    assert (tmp_path / "hand-2026.orig.yaml").read_text(encoding="utf-8") == HAND
    assert "hand-2026.orig.yaml" in " ".join(printed.split())
    assert case_mod.load(path, MINI_FW).risk("evasion").likelihood == 1
    assert "# My working copy" not in path.read_text(encoding="utf-8")


def test_resume_reads_the_file_once_through_the_strict_loader(tmp_path):
    """The text the writer edits is the text the strict loader checked: a file that is not a
    valid case is refused before any prompt, and nothing is written."""
    bad = HAND.replace("a1: 3", "a1: 7")
    path = write(tmp_path / "bad.yaml", bad)
    try:
        drive(MINI_FW, [], tmp_path, resume=path)
    except Exception as exc:  # the tool's InputError, located
        assert "bad.yaml:14" in str(exc)
    else:  # pragma: no cover - the loader must refuse it
        raise AssertionError("an invalid file was resumed")
    assert Path(path).read_text(encoding="utf-8") == bad
