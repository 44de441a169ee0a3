"""Hand-made panels on the mini framework, shared by the panel tests."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import MINI, write
from sanctions_check import case, framework

FACTOR_OF = {"a1": "alpha", "a2": "alpha", "b1": "beta", "b2": "beta", "g1": "gamma", "f1": "flag"}


def mini_text(
    analyst: str | None,
    scores: dict[str, object],
    *,
    case_id: str = "mini-panel",
    ref: str = "mini@2",
    notes: dict[str, str] | None = None,
    risks: dict[str, tuple[object, object]] | None = None,
) -> str:
    """A case file on the mini framework; strings are written as JSON (valid YAML) to stay inert."""
    lines = ["format: sanctions-check/case@1", "case:", f"  id: {case_id}", "  title: Mini panel"]
    if analyst is not None:
        lines.append(f"  analyst: {json.dumps(analyst)}")
    lines += [f"framework: {ref}", "answers:"]
    by_factor: dict[str, list[str]] = {}
    for qid, value in scores.items():
        note = (notes or {}).get(qid)
        shown = json.dumps(value) if isinstance(value, str) else str(value)
        if note is None:
            by_factor.setdefault(FACTOR_OF[qid], []).append(f"    {qid}: {shown}")
        else:
            by_factor.setdefault(FACTOR_OF[qid], []).append(
                f"    {qid}:\n      score: {shown}\n      note: {json.dumps(note)}"
            )
    for fid, entries in by_factor.items():
        lines.append(f"  {fid}:")
        lines += entries
    if risks:
        lines.append("risks:")
        for rid, (likelihood, severity) in risks.items():
            lines += [f"  {rid}:", f"    likelihood: {likelihood}", f"    severity: {severity}"]
    return "\n".join(lines) + "\n"


def write_panel(folder: Path, members: dict[str, dict[str, object]], **kwargs) -> list[Path]:
    """One file per analyst (file name from the analyst's name) in ``folder``."""
    paths = []
    for name, scores in members.items():
        slug = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-") or "x"
        paths.append(write(folder / f"{slug}.yaml", mini_text(name, scores, **kwargs)))
    return paths


def load_all(paths: list[Path]) -> tuple[framework.Framework, list[case.Case]]:
    fw = framework.load(MINI)
    return fw, [case.load(p, fw) for p in paths]


# Three analysts; medians by hand: a1 2 (range 0-4), a2 2, b1 2 (one unknown), b2 2,
# g1 2 (range 1-3), f1 2 (range 0-4, a red flag).
THREE = {
    "Analyst A": {"a1": 4, "a2": 2, "b1": 2, "b2": 2, "g1": 1, "f1": 0},
    "Analyst B": {"a1": 0, "a2": 2, "b1": 2, "b2": 2, "g1": 3, "f1": 2},
    "Analyst C": {"a1": 2, "a2": 2, "b1": "unknown", "b2": 2, "g1": 2, "f1": 4},
}
