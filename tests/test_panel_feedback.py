"""Round-2 files: each analyst's own file, annotated in comments; every answer and note kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import DATA, write
from panelkit import THREE, load_all, write_panel
from sanctions_check import case, feedback, framework, panel, yamlio
from sanctions_check.errors import WriteError

ROUND1 = DATA / "panel"
ROUND2 = DATA / "panel-round2"
MARK = feedback.FEEDBACK_MARK


def gather_folder(folder: Path, fw=None) -> panel.Panel:
    fw = fw or framework.load()
    cases = [case.load(p, fw) for p in sorted(folder.glob("*.yaml"))]
    return panel.gather(fw, cases)


def same_case(a: case.Case, b: case.Case) -> bool:
    return (a.header, a.framework_ref, a.answers, a.risks) == (
        b.header,
        b.framework_ref,
        b.answers,
        b.risks,
    )


def test_feedback_files_validate_and_keep_every_answer_and_note(tmp_path):
    fw = framework.load()
    result = gather_folder(ROUND1, fw)
    written = feedback.write(result, tmp_path / "r2", overwrite=False)
    assert [p.name for p in written] == ["analyst-a.yaml", "analyst-b.yaml", "analyst-c.yaml"]
    for member, path in zip(result.members, written, strict=True):
        original = Path(member.file).read_text(encoding="utf-8")
        annotated = path.read_text(encoding="utf-8")
        assert same_case(case.load(path, fw), member.case)
        assert yamlio.parse(annotated, "x") == yamlio.parse(original, "x")
        # Only comment lines were added: removing them gives the original byte for byte.
        kept = [ln for ln in annotated.splitlines(True) if not ln.lstrip().startswith(MARK)]
        assert "".join(kept) == original
        notes = [a.note for block in member.case.answers.values() for a in block.values() if a.note]
        assert notes and all(note.split()[-1] in annotated for note in notes)


def test_comments_are_anonymised_and_above_each_question(tmp_path):
    result = gather_folder(ROUND1)
    written = feedback.write(result, tmp_path, overwrite=False)
    text = written[0].read_text(encoding="utf-8")
    comments = [ln for ln in text.splitlines() if ln.lstrip().startswith("#")]
    assert all(ln.lstrip().startswith(MARK) for ln in comments)
    for member in result.members:
        assert not any(member.name in ln for ln in comments)
    lines = text.splitlines()
    at = lines.index("    economic_centres:")
    assert lines[at - 1] == f"    {MARK} panel of 3: 1 ×1, 3 ×1, 4 ×1; median 3, range 1–4"
    at = lines.index("    sustained_pressure: unknown")
    assert lines[at - 1] == f"    {MARK} panel of 3: 2 ×1, unknown ×2; median 2, range 2"
    at = lines.index("  humanitarian_harm:")
    assert lines[at - 2 : at] == [
        f"  {MARK} panel of 3, likelihood: 1 ×2, 2 ×1; median 1",
        f"  {MARK} panel of 3, severity: 3 ×2, 4 ×1; median 3",
    ]
    assert lines[0].startswith(f"{MARK} For the next round of a panel of 3 analysts")


def test_questions_a_file_leaves_out_are_listed_at_the_top(tmp_path):
    members = {**THREE, "Analyst C": {"a1": 2}}
    fw, cases = load_all(write_panel(tmp_path / "in", members))
    result = panel.gather(fw, cases)
    written = feedback.write(result, tmp_path / "out", overwrite=False)
    text = written[2].read_text(encoding="utf-8")
    head = text.split("format:")[0]
    assert feedback.FEEDBACK_NOT_IN_FILE in head
    assert f"{MARK}   gamma.g1: panel of 3: 1 ×1, 3 ×1; median 2, range 1–3" in head
    assert "alpha.a1" not in head  # answered in this file: its comment sits above it
    assert same_case(case.load(written[2], fw), cases[2])


def test_never_overwrites_unasked(tmp_path):
    result = gather_folder(ROUND1)
    target = tmp_path / "r2"
    target.mkdir()
    existing = write(target / "analyst-b.yaml", "keep me\n")
    with pytest.raises(WriteError, match=r"analyst-b\.yaml already exist"):
        feedback.write(result, target, overwrite=False)
    assert existing.read_text() == "keep me\n"
    assert not (target / "analyst-a.yaml").exists()  # refused before writing any file
    feedback.write(result, target, overwrite=True)
    assert MARK in existing.read_text()


def test_never_writes_over_an_input_file(tmp_path):
    paths = write_panel(tmp_path, THREE)
    fw, cases = load_all(paths)
    result = panel.gather(fw, cases)
    with pytest.raises(WriteError, match="input file of Analyst A"):
        feedback.write(result, tmp_path, overwrite=True)
    assert MARK not in paths[0].read_text()


def test_a_later_round_replaces_the_annotations(tmp_path):
    fw = framework.load()
    result = gather_folder(ROUND2, fw)  # round-2 files already carry round-1 annotations
    written = feedback.write(result, tmp_path, overwrite=False)
    for member, path in zip(result.members, written, strict=True):
        before = Path(member.file).read_text(encoding="utf-8").count(MARK)
        after = path.read_text(encoding="utf-8").count(MARK)
        assert after == before
        assert same_case(case.load(path, fw), member.case)


def test_a_note_that_quotes_the_mark_is_kept(tmp_path):
    fw = framework.load(DATA / "mini-framework.yaml")
    paths = write_panel(tmp_path / "in", THREE)
    text = (
        paths[0]
        .read_text()
        .replace(
            "    a1: 4\n", f"    a1:\n      score: 4\n      note: |\n        {MARK} not a comment\n"
        )
    )
    paths[0].write_text(text)
    cases = [case.load(p, fw) for p in paths]
    result = panel.gather(fw, cases)
    once = feedback.annotate(text, result, result.members[0])
    twice = feedback.annotate(once, result, result.members[0])
    assert f"        {MARK} not a comment\n" in twice
    assert case.loads(twice, fw, "x").answer("alpha", "a1").note == f"{MARK} not a comment\n"


def test_flow_style_and_crlf_files(tmp_path):
    fw = framework.load(DATA / "mini-framework.yaml")
    paths = write_panel(tmp_path / "in", THREE)
    flow = (
        "format: sanctions-check/case@1\r\ncase: {id: mini-panel, title: Mini panel, "
        "analyst: Analyst A}\r\nframework: mini@2\r\nanswers: {alpha: {a1: 4, a2: 2}, "
        "beta: {b1: 2,\r\n  b2: 2}, gamma: {g1: 1}, flag: {f1: 0}}\r\n"
    )
    paths[0].write_bytes(flow.encode())
    cases = [case.load(p, fw) for p in paths]
    result = panel.gather(fw, cases)
    annotated = feedback.annotate(paths[0].read_bytes().decode(), result, result.members[0])
    assert "\r\n" in annotated and "\n" not in annotated.replace("\r\n", "")
    assert yamlio.parse(annotated, "x") == yamlio.parse(flow, "x")
    assert same_case(case.loads(annotated, fw, "x"), cases[0])
    # Keys that are not first on their line are named in their comment.
    assert f"\r\n{MARK} alpha.a1: panel of 3: 0 ×1, 2 ×1, 4 ×1" in annotated
    assert f"\r\n  {MARK} beta.b2: panel of 3: 2 ×3" in annotated


def test_no_safe_place_inline_puts_everything_at_the_top(tmp_path):
    fw = framework.load(DATA / "mini-framework.yaml")
    paths = write_panel(tmp_path / "in", THREE)
    # a2 starts a line inside a quoted note: a comment line there would become part of the note
    text = (
        "format: sanctions-check/case@1\ncase: {id: mini-panel, title: Mini panel, "
        'analyst: Analyst A}\nframework: mini@2\nanswers: {alpha: {a1: {score: 4, note: "one\n'
        '  two"}, a2: 2}, beta: {b1: 2, b2: 2}, gamma: {g1: 1}, flag: {f1: 0}}\n'
    )
    paths[0].write_text(text)
    cases = [case.load(p, fw) for p in paths]
    result = panel.gather(fw, cases)
    annotated = feedback.annotate(text, result, result.members[0])
    assert annotated.endswith(text)
    assert f"{MARK} alpha.a2: panel of 3: 2 ×3" in annotated
    assert same_case(case.loads(annotated, fw, "x"), cases[0])
