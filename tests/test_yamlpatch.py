"""A case rewritten over the text of its file keeps every comment, with the key it stands above.

``case.dumps_over`` (through ``yamlpatch``) is what `assess --resume` saves with. Three kinds of
file carry comments that matter: the template `new` writes, a panel's round-two file (a comment
above each question it answers), and a file an analyst annotated by hand. Each is edited here
at random, answer after answer, and must read back as exactly the case meant, with every comment
of the original still there, in order, and each comment line still above the key it was above.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import DATA, MINI, examples
from sanctions_check import case as case_mod
from sanctions_check import template, yamlpatch
from sanctions_check.case import VIEWS, Answer, Judgement, RiskAnswer
from sanctions_check.framework import default_path
from sanctions_check.framework import load as load_framework

MINI_FW = load_framework(MINI)
BUNDLED = load_framework(default_path())
COMMENT = re.compile(r"(?:^|\s)(#.*)$")


def comments(text: str) -> list[tuple[str, str]]:
    """Every comment of a test file, in order, with what its line starts with: ('', comment) for
    a comment line, ('    key:', comment) for a comment after a key (no test file holds a '#'
    inside a value; edited files may, so they are searched with ``kept_in_order``)."""
    found = []
    for line in text.splitlines():
        match = COMMENT.search(line)
        if match:
            before = line[: match.start(1)]
            prefix = before[: before.index(":") + 1] if before.strip() else ""
            found.append((prefix, match.group(1).rstrip()))
    return found


def kept_in_order(before: list[tuple[str, str]], after_text: str) -> bool:
    """Each comment still there, in the same order, on a line of the same key."""
    lines = iter(after_text.splitlines())
    for prefix, comment in before:
        for line in lines:
            if (not prefix and line.strip() == comment) or (
                prefix and line.startswith(prefix) and line.rstrip().endswith(comment)
            ):
                break
        else:
            return False
    return True


def keys_below_comments(text: str) -> list[tuple[str, str]]:
    """(comment line, the first key line below it) for every whole-line comment."""
    lines = text.splitlines()
    pairs = []
    for i, line in enumerate(lines):
        if not line.lstrip().startswith("#"):
            continue
        below = next(
            (ln.strip() for ln in lines[i + 1 :] if ln.strip() and not ln.lstrip().startswith("#")),
            "",
        )
        pairs.append((line.strip(), below.split(":")[0]))
    return pairs


def filled_template(framework) -> str:
    text = template.render(framework)
    text = text.replace("  id:  ", "  id: kestria-2026", 1).replace("  title:  ", "  title: K", 1)
    assert "id: kestria-2026" in text and "title: K" in text
    return text


HAND = """\
# My working copy for the Monday meeting. Do not circulate.
format: sanctions-check/case@1
case:
  id: hand-2026     # agreed with the desk
  title: "Kestria: the northern crisis"
  assessed_on: "2026-11-30"
  # the as-of date stays open until the review
  situation: |  # short, for the brief
    Forces of the interior ministry attack villages.
framework: mini@2
answers:
  alpha:
    # a1: ask the treasury team first
    a1: 3   # from the 2025 report
    a2:
      score: 2
      note: >-  # folded on purpose
        Partly: see the annex.
      # more sources expected next week
      sources: [https://example.org/a]
  # beta left for Anna
  gamma:
    g1: unknown   # nobody knows
risks:
  # harm is the worry of the NGOs
  harm:
    likelihood: 2
    severity: 3  # severe
# references come last
references:
  R1: https://example.org/r1   # the UN report
# end of file
"""

PANEL_ROUND_TWO = DATA / "panel-round2" / "analyst-a.yaml"

TEXTS = st.lists(
    st.sampled_from([*"ab ZÉé:#'\"-[]{},&*!|>%@`\t\n", "Côte", "—", "\x07", ": ", " #"]),
    max_size=20,
).map("".join)


def edits(framework):
    """One random change an interview can make: a score, a note, sources, confidence, hindsight,
    a risk level, a mitigation, the judgement, or a header field."""
    questions = [(f.id, q.id) for f in framework.factors for q in f.questions]
    risks = [r.id for r in framework.risks]
    score = st.sampled_from([0, 1, 2, 3, 4, "unknown"])
    answer = st.builds(
        lambda where, s, note, conf, src, hind: ("answer", where, s, note, conf, src, hind),
        st.sampled_from(questions),
        score,
        st.none() | TEXTS,
        st.none() | st.sampled_from(["low", "medium", "high"]),
        st.lists(st.text(alphabet="abc:/.1#", min_size=1, max_size=12), max_size=3),
        st.booleans(),
    )
    risk = st.builds(
        lambda rid, lk, sv, mit: ("risk", rid, lk, sv, mit),
        st.sampled_from(risks),
        st.none() | score,
        st.none() | score,
        st.none() | TEXTS,
    )
    judgement = st.builds(
        lambda view, reason: ("judgement", view, reason),
        st.sampled_from(VIEWS),
        TEXTS.filter(lambda t: bool(t.strip())),
    )
    header = st.builds(
        lambda field, value: ("header", field, value),
        st.sampled_from(["country", "analyst", "situation", "measures", "as_of"]),
        st.none() | TEXTS,
    )
    return st.one_of(answer, risk, judgement, header)


def apply(case, change):
    kind = change[0]
    if kind == "answer":
        _, (fid, qid), score, note, conf, sources, hind = change
        if score == "unknown" and note is None:
            note = None
        return case.with_answer(fid, qid, Answer(score, conf, note or None, tuple(sources), hind))
    if kind == "risk":
        _, rid, likelihood, severity, mitigation = change
        old = case.risk(rid)
        return case.with_risk(
            rid, old._replace(likelihood=likelihood, severity=severity, mitigation=mitigation)
        )
    if kind == "judgement":
        _, view, reason = change
        return case._replace(judgement=Judgement(view, reason, "2026-12-07"))
    _, field, value = change
    if field == "as_of":
        value = "2011-03-30" if value else None
    return case._replace(header=case.header._replace(**{field: value or None}))


def over(case, framework, text: str, name: str) -> str | None:
    written = case_mod.dumps_over(case, framework, text, name)
    return None if written is None else written.text


def check_sequence(text: str, framework, changes, name: str = "case.yaml") -> None:
    original = text
    case = case_mod.loads(text, framework, name)
    data = None  # as the interview's store does: each edit starts from the last one's parse
    for change in changes:
        case = apply(case, change)
        written = case_mod.dumps_over(case, framework, text, name, data)
        assert written is not None, (change, text)
        again = case_mod.loads(written.text, framework, name)
        assert case_mod.to_data(again, framework) == case_mod.to_data(case, framework)
        text, data = written
    assert kept_in_order(comments(original), text), (original, text)
    below_before = [p for p in keys_below_comments(original) if p[1]]
    below_after = keys_below_comments(text)
    for pair in below_before:
        assert pair in below_after, (pair, text)


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(edits(MINI_FW), min_size=1, max_size=8))
def test_a_filled_template_keeps_its_comments_through_any_answers(changes):
    check_sequence(filled_template(MINI_FW), MINI_FW, changes)


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(edits(MINI_FW), min_size=1, max_size=8))
def test_a_hand_commented_file_keeps_its_comments_through_any_answers(changes):
    check_sequence(HAND, MINI_FW, changes)


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(edits(BUNDLED), min_size=1, max_size=8))
def test_a_panel_round_two_file_keeps_each_comment_above_its_question(changes):
    check_sequence(PANEL_ROUND_TWO.read_text(encoding="utf-8"), BUNDLED, changes)


def test_a_new_answer_goes_below_the_previous_key_not_under_the_next_keys_comment():
    case = case_mod.loads(HAND, MINI_FW, "hand.yaml")
    case = case.with_answer("beta", "b1", Answer(score=4))
    edited = over(case, MINI_FW, HAND, "hand.yaml")
    assert edited is not None
    assert (
        "      sources: [https://example.org/a]\n"
        "  beta:\n"
        "    b1: 4\n"
        "  # beta left for Anna\n"
        "  gamma:\n"
    ) in edited


def test_a_value_given_in_an_empty_slot_keeps_the_comment_in_its_column():
    text = filled_template(MINI_FW)
    case = case_mod.loads(text, MINI_FW, "t.yaml")
    case = case.with_answer("alpha", "a1", Answer(score=3, confidence="high", note="Seen: yes"))
    edited = over(case, MINI_FW, text, "t.yaml")
    assert edited is not None
    assert "      score: 3       # 0-4, unknown, or n/a" in edited
    assert "      confidence: high # low | medium | high" in edited
    assert "      note: |-       # text on the lines below, indented; any characters\n" in edited
    assert "        Seen: yes\n" in edited


def test_a_cleared_value_keeps_its_key_and_comment():
    case = case_mod.loads(HAND, MINI_FW, "hand.yaml")
    case = case._replace(header=case.header._replace(situation=None))
    case = case.with_answer("alpha", "a2", case.answer("alpha", "a2")._replace(sources=()))
    edited = over(case, MINI_FW, HAND, "hand.yaml")
    assert edited is not None
    assert "  situation: |  # short, for the brief\n  # the" not in edited
    assert "  situation: |  # short, for the brief\nframework:" in edited
    assert "      sources: []\n" in edited


def test_an_answer_of_an_older_version_goes_but_its_comments_stay():
    text = HAND.replace(
        "  gamma:\n", "  retired:\n    # kept for the record\n    old: 2\n  gamma:\n"
    )
    data = case_mod.to_data(case_mod.loads(HAND, MINI_FW, "h"), MINI_FW)
    data = yamlpatch.patch(text, data, "h", frozenset({("answers", "retired")}))
    assert "retired" not in data and "old: 2" not in data
    assert "    # kept for the record\n" in data


@pytest.mark.parametrize(
    "text",
    [
        "Unknown: not found",
        "  starts with spaces\nand goes on",
        "\nstarts with a blank line",
        "ends with two line breaks\n\n",
        "tab\there and # a hash",
        "a bell \x07 and a NEL \x85",
        "carriage\rreturn",
        "- looks like a list",
        "'quoted' and \"double\"",
    ],
)
def test_any_note_reads_back_exactly(text):
    base = filled_template(MINI_FW)
    case = case_mod.loads(base, MINI_FW, "t.yaml")
    case = case.with_answer("alpha", "a1", Answer(score=1, note=text))
    case = case._replace(judgement=Judgement("could", text if text.strip() else "x"))
    edited = over(case, MINI_FW, base, "t.yaml")
    assert edited is not None
    again = case_mod.loads(edited, MINI_FW, "t.yaml")
    assert again.answer("alpha", "a1").note == text
    assert again.judgement == case.judgement
    assert kept_in_order(comments(base), edited)


def test_the_shorthand_stays_a_mapping_where_the_file_wrote_one():
    text = HAND
    case = case_mod.loads(text, MINI_FW, "hand.yaml")
    case = case.with_answer("alpha", "a2", Answer(score=1))
    edited = over(case, MINI_FW, text, "hand.yaml")
    assert edited is not None
    assert "    a2:\n      score: 1\n" in edited
    assert "      note: >-  # folded on purpose\n" in edited


def test_risks_and_the_judgement_are_added_where_the_file_has_none(tmp_path: Path):
    text = HAND.replace(
        "risks:\n  # harm is the worry of the NGOs\n  harm:\n    likelihood: 2\n"
        "    severity: 3  # severe\n",
        "",
    )
    case = case_mod.loads(text, MINI_FW, "hand.yaml")
    case = case.with_risk("evasion", RiskAnswer(likelihood=1, severity="unknown"))
    case = case._replace(judgement=Judgement("unlikely", "Little exposure: see a1."))
    edited = over(case, MINI_FW, text, "hand.yaml")
    assert edited is not None
    assert edited.index("risks:") < edited.index("judgement:") < edited.index("# references")
    assert kept_in_order(comments(text), edited)
