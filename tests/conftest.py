"""Fixtures and hooks only: shared constants and helpers live in helpers.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from helpers import ENV, MINI
from printkit import find_tools
from sanctions_check.cli import app

# Property tests draw their full number of examples in CI (CI=true) and a quarter of it at a desk
# (helpers.examples scales each test's number by the profile). HYPOTHESIS_PROFILE=ci gives the
# full run anywhere; SANCTIONS_CHECK_FUZZ sets the fuzz tests' number outright.
settings.register_profile("ci", max_examples=100)
settings.register_profile("dev", max_examples=25)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev")
)


@pytest.fixture(autouse=True)
def hermetic_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test runs with its own empty HOME and XDG folders: nothing in the developer's home
    can change a result, and no test writes there. Subprocesses inherit the same environment."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    return home


@pytest.fixture
def cli():
    """Invoke the CLI in-process; returns click's Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(
            app, [str(a) for a in args], input=input, env=ENV, catch_exceptions=False
        )

    return invoke


@pytest.fixture
def mini() -> Path:
    return MINI


@pytest.fixture(scope="session")
def tools() -> dict[str, str]:
    """Chromium, pdftotext and pdfinfo for the print tests (skipped without them, failed under
    CI=true)."""
    return find_tools()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--timed",
        action="store_true",
        help="also run the tests marked `timed`, which assert wall-clock limits (on an idle "
        "machine: on a shared one their limits fail at random)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the `timed` tests unless --timed is given; every other test always runs."""
    if config.getoption("--timed"):
        return
    timed = [item for item in items if item.get_closest_marker("timed") is not None]
    if timed:
        config.hook.pytest_deselected(items=timed)
        items[:] = [item for item in items if item.get_closest_marker("timed") is None]
