"""The agreement figures of docs/double-coding.md are what the stored codings give.

Recomputed with the tool's own Krippendorff's alpha (checked against the reference package in
test_agreement.py) from the coders' files as they were written, so the document cannot drift from
its evidence.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from helpers import ROOT
from sanctions_check.agreement import alpha_ordinal
from sanctions_check.numbers import share

DOC = ROOT / "docs" / "double-coding.md"
ROUNDS = ROOT / "docs" / "double-coding"


def _levels(path: Path) -> dict[str, int | None]:
    """Each question's level (0-4), None for unknown, n/a or unanswered."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, int | None] = {}
    for factor, questions in (data.get("answers") or {}).items():
        for question, answer in (questions or {}).items():
            score = answer.get("score") if isinstance(answer, dict) else answer
            level = score if isinstance(score, int) and not isinstance(score, bool) else None
            out[f"{factor}.{question}"] = level
    return out


def _pairs(round_dir: Path) -> dict[str, list[list[int | None]]]:
    first, second = sorted(round_dir.glob("coder-*"))
    units: dict[str, list[list[int | None]]] = {}
    for path in sorted(first.glob("*.yaml")):
        a, b = _levels(path), _levels(second / path.name)
        units[path.stem] = [[a.get(k), b.get(k)] for k in sorted(set(a) | set(b))]
    return units


def _table(heading_row: str) -> list[list[str]]:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(heading_row)
    rows = []
    for line in text[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


@pytest.mark.parametrize("round_no", [1, 2, 3])
def test_the_pooled_figures_are_the_codings(round_no):
    units = [u for pairs in _pairs(ROUNDS / f"round-{round_no}").values() for u in pairs]
    levelled = [u for u in units if None not in u]
    row = _table("| round | pooled alpha |")[round_no - 1]
    alpha = alpha_ordinal(units)
    assert alpha is not None
    assert row[1] == f"{share(alpha * 10) / 10:.3f}"  # three decimals, half up
    assert row[2] == f"{100 * sum(a == b for a, b in levelled) / len(levelled):.1f}%"
    assert row[3] == f"{100 * sum(abs(a - b) <= 1 for a, b in levelled) / len(levelled):.1f}%"
    assert row[4] == str(len(levelled))


def test_the_per_episode_alphas_are_the_codings():
    rows = {r[0]: r[1:] for r in _table("| episode | round 1 |")}
    for round_no in (1, 2, 3):
        for episode, units in _pairs(ROUNDS / f"round-{round_no}").items():
            alpha = alpha_ordinal(units)
            assert alpha is not None
            assert rows[episode][round_no - 1] == f"{share(alpha):.2f}", (episode, round_no)


def test_every_coder_coded_every_episode_and_kept_notes():
    for round_dir in sorted(ROUNDS.glob("round-*")):
        coders = sorted(round_dir.glob("coder-*"))
        assert len(coders) == 2
        names = [sorted(p.name for p in c.glob("*.yaml")) for c in coders]
        assert names[0] == names[1] and len(names[0]) == 12
        assert all((c / "NOTES.md").is_file() for c in coders)
        assert re.search(r"round-\d", round_dir.name)
