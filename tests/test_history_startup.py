"""`similar` and `backtest` import only what they need: no prompts ever, no rich for JSON."""

from __future__ import annotations

import pytest

from helpers import DATA, INTERACTIVE, MINI, RENDERING, loaded, modules_after

LIBRARY = DATA / "history" / "library"


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_similar_and_backtest_load_no_prompts_and_no_rich(tmp_path, fmt) -> None:
    fw = ("--framework", str(MINI))
    for args in (
        ("similar", str(LIBRARY / "probe.yaml"), "--library", str(LIBRARY), "-f", fmt, *fw),
        ("backtest", str(DATA / "history" / "backtest"), "-f", fmt, *fw),
    ):
        code, modules = modules_after(tmp_path, *args)
        assert code == 0
        assert "sanctions_check.scoring" in modules
        assert loaded(modules, INTERACTIVE + RENDERING) == [], args
