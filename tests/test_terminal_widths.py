"""Terminal views at 60, 80, 100 and 120 columns: no word is split and nothing is cut mid-word.

Each view is printed at a width and again at 1000 columns, where nothing needs to wrap. Every
word of the narrow print must be a word of the wide one: a fragment ("covera", "nicaragua-201",
"app…") is a word split by the layout. An id may fold after one of its hyphens or underscores,
so a fragment ending in "-" or "_" that starts a wide word is allowed, and so is a whole word
followed by "…" (a text shortened at a word, which then says where the rest is).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import DATA, ENV, EXAMPLES, ROOT
from sanctions_check.cli import app
from sanctions_check.render.fold import id_pieces, shorten

WIDTHS = (60, 80, 100, 120)
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
BOX = re.compile(r"[│─╭╮╰╯┃━┏┓┗┛┡┩╇╈┼├┤┬┴═║╔╗╚╝]+")
EDGE = "\"'“”‘’()[],.;:!?*"


def _run(args, width):
    from typer.testing import CliRunner

    env = {**ENV, "COLUMNS": str(width), "SOURCE_DATE_EPOCH": "1700000000"}
    result = CliRunner().invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def _words(text: str) -> list[str]:
    return [w.strip(EDGE) for w in BOX.sub(" ", text).split() if w.strip(EDGE)]


def _folds(word: str) -> set[str]:
    """Every run of whole pieces of ``word`` split after its hyphens and underscores."""
    pieces = id_pieces(word)
    return {"".join(pieces[i:j]) for i in range(len(pieces)) for j in range(i + 1, len(pieces) + 1)}


def split_words(args) -> dict[int, list[str]]:
    """For each width, the words of that print that are no word of the unwrapped print."""
    wide = set(_words(_run(args, 1000)))
    allowed = set().union(*(_folds(w) for w in wide)) | {w.strip(EDGE) for w in wide}
    found = {}
    for width in WIDTHS:
        bad = []
        for word in _words(_run(args, width)):
            if word in allowed or not any(c.isalnum() for c in word):
                continue
            if word.endswith("…") and word[:-1].strip(EDGE) in allowed:
                continue
            bad.append(word)
        if bad:
            found[width] = bad[:8]
    return found


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_report_splits_no_word(path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the path as a user types it, relative
    assert not split_words(["report", path.relative_to(ROOT), "--no-analogues"])


@pytest.mark.parametrize(
    "args",
    [
        ["score", EXAMPLES],
        ["panel", DATA / "panel"],
        ["panel", DATA / "panel-round2"],
        [
            "compare",
            DATA / "compare" / "sri-lanka-2020-analyst-a.yaml",
            DATA / "compare" / "sri-lanka-2020-analyst-b.yaml",
        ],
        ["similar", EXAMPLES / "south-sudan-2014.yaml"],
        ["similar", EXAMPLES / "hypothetical-republic-of-aldovia.yaml"],
        ["factors"],
        ["factors", "exposure"],
        ["validate", EXAMPLES],
        ["backtest", EXAMPLES],
    ],
    ids=lambda a: "-".join(str(x).rsplit("/", 1)[-1] for x in a),
)
def test_views_split_no_word(args):
    assert not split_words(args)


@given(st.text(alphabet="ab 12.,", min_size=1, max_size=80), st.integers(5, 60))
def test_shorten_cuts_only_between_words(text, limit):
    text = " ".join(text.split())
    if not text:
        return
    short, cut = shorten(text, limit)
    assert len(short) <= limit + 1  # ' …' after a sentence may take the last column
    if not cut:
        assert short == text
        return
    kept = short.removesuffix("…").rstrip().split()
    words = text.split()[: len(kept)]
    if kept:  # the last kept word may lose its trailing punctuation before the '…'
        assert kept[-1] == words[-1].rstrip(" ,;:.([") or kept[-1] == words[-1]
    assert kept[:-1] == words[:-1]  # whole words, from the start, in order


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_similar_splits_no_word(path, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert not split_words(["similar", path.relative_to(ROOT)])
