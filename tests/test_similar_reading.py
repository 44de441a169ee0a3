"""`similar` read by a demanding analyst: the comparable analogues and the weak ones in two groups
under headings that say why a weak one with a smaller distance ranks lower, and the figure for
this case beside each episode explained once, with the questions each comparison rests on.

Through the real CLI on the fictional mini library and on the bundled examples, and over random
libraries (hypothesis) for the rules the headings state.
"""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import DATA, EXAMPLES, MINI, examples, write
from sanctions_check import analogues, checks
from sanctions_check import case as case_mod
from sanctions_check import framework as framework_mod
from sanctions_check.render import similar_view
from sanctions_check.scoring import assess

LIBRARY = DATA / "history" / "library"
PROBE = LIBRARY / "probe.yaml"
FW = ("--framework", str(MINI))
ALDOVIA = EXAMPLES / "hypothetical-republic-of-aldovia.yaml"


def test_two_groups_with_headings_in_the_terminal(cli):
    out = cli("similar", PROBE, "-l", LIBRARY, *FW).stdout
    strong = out.index("Comparable analogues: the distance rests on at least 50%")
    weak = out.index("Weak analogues: the distance rests on under 50%")
    assert strong < weak
    flat = " ".join(out.split())
    assert "Ranked after every comparable analogue, however small their distance" in flat
    table = out[strong:weak]
    assert " h-delta " in table and " h-alpha " in table
    assert " h-gamma " not in table and " h-beta " not in table
    assert " h-gamma " in out[weak:] and " h-beta " in out[weak:]


def test_the_groups_line_up(cli):
    """One set of column widths for both tables: the distances and overlaps stand in one column."""
    out = cli("similar", ALDOVIA).stdout
    rows = [line for line in out.splitlines() if re.match(r"^\s*\d+  [a-z]", line)]
    real = [p for p in EXAMPLES.glob("*.yaml") if "hypothetical: true" not in p.read_text("utf-8")]
    assert len(rows) == len(real), "every real bundled episode, in one of the two tables"
    ends = {re.match(r"^\s*\d+  \S+\s+(\d+)", line).end(1) for line in rows}  # type: ignore[union-attr]
    assert len(ends) == 1, "the distances end in one column"


def test_the_figure_here_is_explained_once_with_its_questions(cli):
    out = " ".join(cli("similar", ALDOVIA).stdout.split())
    assert (
        out.count('so the figure for this case ("here") changes from one episode to the next') == 1
    )
    differences = re.findall(r"(\d+) here, (\d+) there \((\d+) of (\d+) questions?\)", out)
    assert differences
    for _, _, shared, questions in differences:
        assert 1 <= int(shared) <= int(questions)
    assert not re.search(r"\d+ here, \d+ there(?! \()", out), "every figure says its questions"


def test_markdown_has_both_groups(cli):
    out = cli("similar", PROBE, "-l", LIBRARY, "-f", "markdown", *FW).stdout
    strong = out.index("**Comparable analogues:")
    weak = out.index("**Weak analogues:")
    assert strong < out.index("(h-delta)") < weak < out.index("(h-gamma)")
    assert out.count("| Episode | Distance |") == 2
    assert 'the figure for this case ("here")' in out


def test_json_names_the_groups(cli):
    data = json.loads(cli("similar", PROBE, "-l", LIBRARY, "-f", "json", *FW).stdout)
    groups = data["groups"]
    assert [g["weak"] for g in groups] == [False, True]
    ranks = [rank for g in groups for rank in g["ranks"]]
    assert ranks == [a["rank"] for a in data["analogues"]]
    for group in groups:
        assert all(data["analogues"][r - 1]["weak"] == group["weak"] for r in group["ranks"])
    assert "changes from one episode to the next" in data["differs_explained"]


def test_a_weak_overlap_never_reads_as_the_threshold(cli):
    """South Sudan shares just under half of Aldovia's weight: shown as under 50%, not 50%."""
    out = cli("similar", ALDOVIA).stdout
    row = next(
        line for line in out.splitlines() if line.endswith(" unclear") and "south-sudan" in line
    )
    assert "<50% weak" in row


def test_only_weak_analogues_get_one_group_without_a_comparison_to_none(cli, tmp_path):
    thin = write(
        tmp_path / "thin.yaml",
        "format: sanctions-check/case@1\ncase:\n  id: thin\n  title: Thin\n"
        "framework: mini@2\nanswers:\n  beta:\n    b1: 3\n",
    )
    out = " ".join(cli("similar", thin, "-l", LIBRARY, *FW).stdout.split())
    assert "Weak analogues: the distance rests on under 50% of the outlook's weight. Nearest" in out
    assert "Comparable analogues:" not in out
    assert "Ranked after every comparable analogue" not in out


@st.composite
def libraries(draw):
    """A few random cases answered on the mini framework: levels, unknowns and gaps."""
    fw = framework_mod.load(MINI)
    questions = [(f.id, q.id) for f in fw.factors for q in f.questions]
    levels = st.sampled_from([None, "unknown", 0, 1, 2, 3, 4])
    cases = []
    for i in range(draw(st.integers(min_value=2, max_value=7))):
        answers: dict[str, dict[str, object]] = {}
        for fid, qid in questions:
            level = draw(levels)
            if level is not None:
                answers.setdefault(fid, {})[qid] = level
        data = {
            "format": case_mod.FORMAT,
            "case": {"id": f"c{i}", "title": f"Case {i}"},
            "framework": "mini@2",
            "answers": answers,
        }
        checker = checks.Checker()
        built = case_mod.build(checker, data, fw, f"c{i}.yaml")
        assert built is not None
        cases.append(assess(fw, built))
    return cases


@settings(max_examples=examples(100), deadline=None)
@given(libraries())
def test_every_comparable_analogue_ranks_above_every_weak_one(cases):
    """What the headings say: the comparable group first, nearest first within each group; a
    heading says "after every comparable analogue" only when there is one."""
    view = similar_view.build(analogues.similar(cases[0], cases[1:]))
    rows = {a.rank: a for a in view.analogues}
    seen = [rank for group in view.groups for rank in group.ranks]
    assert seen == sorted(rows)
    assert [g.weak for g in view.groups] == sorted(g.weak for g in view.groups)
    for group in view.groups:
        assert group.ranks, "no empty group"
        distances = [rows[r].distance for r in group.ranks]
        assert distances == sorted(distances)
        assert all(rows[r].weak == group.weak for r in group.ranks)
        if group.weak:
            says_after = "after every comparable analogue" in group.heading
            assert says_after == any(not g.weak for g in view.groups)
    limit = round(view.threshold * 100)
    for row in view.analogues:
        shown = int(row.overlap_text.split("%")[0].lstrip("<"))
        if row.weak:  # never a figure that reads as reaching the threshold the heading names
            assert shown < limit or row.overlap_text.startswith(f"<{limit}%")
        else:
            assert shown >= limit
        for compared in row.factors:
            assert 1 <= compared.shared_questions <= compared.questions
