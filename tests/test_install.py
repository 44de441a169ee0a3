"""The bundled framework: one source of truth (the root factors.yaml), found when installed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import sanctions_check
from helpers import ROOT
from sanctions_check import framework, history


def test_the_checkout_reads_the_root_files_through_the_package():
    """The suite runs on an editable install: the package's own factors.yaml and examples are
    found inside the package, and are the root files themselves (one source, no copy)."""
    package = Path(sanctions_check.__file__).resolve().parent
    assert framework.default_path() == package / "factors.yaml"
    assert framework.default_path().resolve() == (ROOT / "factors.yaml").resolve()
    assert history.default_library() == package / "examples"
    assert history.default_library().resolve() == (ROOT / "examples").resolve()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(out.glob("sanctions_check-*.whl"))


def test_wheel_carries_factors_yaml_identical_to_the_root(wheel):
    with zipfile.ZipFile(wheel) as archive:
        inside = archive.read("sanctions_check/factors.yaml")
    assert inside == (ROOT / "factors.yaml").read_bytes()


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel installed into a folder of its own, as pip installs it for a user."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return target


def test_installed_copy_uses_its_bundled_framework_from_any_folder(installed, tmp_path):
    target = installed
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sanctions_check, sanctions_check.framework as f; "
            "print(sanctions_check.__file__); print(f.default_path()); print(f.load().sha256)",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    module_file, path, sha = probe.stdout.split()
    assert module_file.startswith(str(target))
    assert Path(path) == target / "sanctions_check" / "factors.yaml"
    assert sha == framework.load(ROOT / "factors.yaml").sha256
    listing = subprocess.run(
        [sys.executable, "-m", "sanctions_check", "factors"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listing.returncode == 0, listing.stderr
    assert "Exposure" in listing.stdout or "exposure" in listing.stdout


def test_wheel_carries_the_examples_identical_to_the_root(wheel):
    with zipfile.ZipFile(wheel) as archive:
        inside = {
            name.removeprefix("sanctions_check/examples/"): archive.read(name)
            for name in archive.namelist()
            if name.startswith("sanctions_check/examples/") and not name.endswith("/")
        }
    folder = ROOT / "examples"
    root = {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    assert root and inside == root


def test_installed_copy_compares_with_its_bundled_examples_from_any_folder(installed, tmp_path):
    target = installed
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    case = elsewhere / "case.yaml"
    case.write_bytes((ROOT / "examples" / "hypothetical-republic-of-aldovia.yaml").read_bytes())
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = subprocess.run(
        [sys.executable, "-c", "import sanctions_check.history as h; print(h.default_library())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert Path(probe.stdout.strip()) == target / "sanctions_check" / "examples"
    found = subprocess.run(
        [sys.executable, "-m", "sanctions_check", "similar", "case.yaml", "-f", "json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert found.returncode == 0, found.stderr
    data = json.loads(found.stdout)
    assert data["library_size"] == len(list((ROOT / "examples").glob("*.yaml")))
    assert data["analogues"]
