"""render.plaintable writes exactly what rich writes for the score table, or declines.

`score` draws its table without rich when the output is a pipe or a file (issue 6); users must not
be able to tell. Every comparison here renders the same title, columns, cells and notes with both
renderers (scores.rich_table is the one `score` uses at a terminal) and wants the same characters.
"""

from __future__ import annotations

import io
import os

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, chop_cells, set_cell_size

from conftest import EXAMPLES, MINI
from sanctions_check import batch
from sanctions_check import framework as framework_mod
from sanctions_check.render import plaintable, scores
from sanctions_check.render.plaintable import Column


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch):
    """No forced colour, whatever the developer's shell says."""
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)


def both(title, columns, cells, notes, width):
    plain, fancy = io.StringIO(), io.StringIO()
    drawn = plaintable.render(title, columns, cells, notes, plain, width)
    scores.rich_table(title, columns, cells, notes, fancy, width)
    return drawn, plain.getvalue(), fancy.getvalue()


def test_every_one_cell_character_is_one_cell_for_rich() -> None:
    for char in plaintable._ONE_CELL:
        assert cell_len(char) == 1, f"U+{ord(char):04X}"
        assert cell_len(char * 7) == 7
        assert chop_cells(char * 7, 3) == [char * 3, char * 3, char]
        assert set_cell_size(char * 5, 3) == char * 3


@pytest.fixture(scope="module")
def example_rows():
    fw = framework_mod.load()
    names, _ = batch.collect([str(EXAMPLES)])
    return fw, [o.row for o in batch.run(names, fw, max_bytes=2 << 20, jobs=1) if o.row]


@pytest.mark.parametrize("width", [40, 52, 60, 72, 80, 100, 120, 160, 250])
def test_the_score_table_of_the_examples_matches_rich(example_rows, width, monkeypatch) -> None:
    fw, rows = example_rows
    taken: list[bool] = []
    real = plaintable.render
    monkeypatch.setattr(
        plaintable, "render", lambda *args, **kw: taken.append(real(*args, **kw)) or taken[-1]
    )
    plain = io.StringIO()
    scores.table(rows, fw, plain, width=width)
    monkeypatch.setattr(plaintable, "render", lambda *args, **kw: False)  # rich draws it
    fancy = io.StringIO()
    scores.table(rows, fw, fancy, width=width)
    assert plain.getvalue() == fancy.getvalue()
    assert taken == [True] or width < 80, "at common widths the plain renderer takes the table"


WORDS = st.text(alphabet=st.sampled_from("abcXYZ019-.,()'†–—↓*é "), min_size=0, max_size=14)
CELL = (
    st.lists(WORDS, min_size=1, max_size=4).map(" ".join).map(lambda s: " ".join(s.split()) or "–")
)
COLUMN = st.builds(
    Column,
    header=st.sampled_from(
        ["Case", "Band", "Outlook", "Limited by", "Top risk", "A much longer header"]
    ),
    justify=st.sampled_from(["left", "right"]),
    no_wrap=st.booleans(),
    min_width=st.one_of(st.none(), st.integers(1, 16)),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(data=st.data(), width=st.integers(8, 140))
def test_random_tables_match_rich(data, width) -> None:
    columns = data.draw(st.lists(COLUMN, min_size=1, max_size=7))
    cells = data.draw(
        st.lists(st.lists(CELL, min_size=len(columns), max_size=len(columns)), max_size=5)
    )
    title = data.draw(
        st.sampled_from(
            [
                "Targeted-sanctions outlook, 3 case(s) — framework x 1.0",
                "T",
                "A title long enough to need wrapping in a narrow table of few columns",
            ]
        )
    )
    notes = data.draw(st.lists(CELL, max_size=3))
    drawn, plain, fancy = both(title, columns, cells, notes, width)
    assume(drawn)
    assert plain == fancy


def test_declines_what_it_cannot_reproduce(monkeypatch) -> None:
    columns = [Column("Case"), Column("Top risk")]
    for title, cells in (
        ("Wide 中文 title", [["a", "b"]]),
        ("[bold]x[/bold]", [["a", "b"]]),
        ("Emoji :smile:", [["a", "b"]]),
        ("Fine", [["zero\u200bwidth", "b"]]),
    ):
        drawn, _, _ = both(title, columns, cells, [], 80)
        assert not drawn, title
    assert not both("Fine", columns, [["a", "b"]], [], 3)[0]  # narrower than the columns
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert not plaintable.render("Fine", columns, [["a", "b"]], [], io.StringIO(), 80)


def test_declines_a_terminal() -> None:
    master, slave = os.openpty()
    try:
        with os.fdopen(slave, "w", closefd=False) as tty:
            assert not plaintable.render("Fine", [Column("A")], [["a"]], [], tty, 80)
    finally:
        os.close(master)
        os.close(slave)


def test_a_table_that_declines_is_still_drawn_by_rich(cli, tmp_path) -> None:
    """Wide characters (here in factor names) go to rich, and the user still gets the table."""
    fw = tmp_path / "wide.yaml"
    fw.write_text(
        MINI.read_text(encoding="utf-8")
        .replace("name: Alpha", "name: Alpha 中文")
        .replace("name: Beta", "name: Beta 中文"),
        encoding="utf-8",
    )
    case = tmp_path / "case.yaml"
    case.write_text(
        "format: sanctions-check/case@1\ncase:\n  id: wide-case\n  title: Wide\n"
        "framework: mini@2\nanswers:\n  alpha:\n    a1: 1\n  beta:\n    b1: 0\n",
        encoding="utf-8",
    )
    result = cli("score", "--framework", fw, case)
    assert result.exit_code == 0, result.stderr
    assert "wide-case" in result.stdout and "中文" in result.stdout


def test_the_kept_part_of_a_row_draws_the_same_table(example_rows) -> None:
    """cli keeps scores.table_row(row) for the table: it must hold everything the table shows."""
    fw, rows = example_rows
    for render in (scores.table, scores.markdown):
        full, kept = io.StringIO(), io.StringIO()
        render(rows, fw, full)
        render([scores.table_row(r) for r in rows], fw, kept)
        assert kept.getvalue() == full.getvalue()
