"""The framework parse cache: a shortcut that never serves another file's data, nor breaks a run."""

from __future__ import annotations

import marshal
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI, ROOT
from sanctions_check import framework as framework_mod
from sanctions_check import fwcache
from sanctions_check.errors import FrameworkError


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(fwcache.DISABLE, raising=False)
    return tmp_path / "xdg" / "sanctions-check"


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("framework-*.marshal")) if cache.exists() else []


def copy_of_mini(tmp_path: Path, title: str = "Mini framework for tests") -> Path:
    text = MINI.read_text(encoding="utf-8").replace("Mini framework for tests", title)
    path = tmp_path / "fw.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_cached_framework_equals_a_freshly_parsed_one(cache, monkeypatch) -> None:
    first = framework_mod.load(MINI)
    assert len(entries(cache)) == 1
    assert entries(cache)[0].name == f"framework-{first.sha256}.marshal"
    again = framework_mod.load(MINI)
    monkeypatch.setenv(fwcache.DISABLE, "off")
    fresh = framework_mod.load(MINI)
    assert again == fresh == first


def test_the_entry_is_used_and_keyed_by_the_file_bytes(cache, tmp_path) -> None:
    path = copy_of_mini(tmp_path)
    sha = framework_mod.load(path).sha256
    # Prove the entry is read: rewrite it (with valid checksums) to carry another title.
    data = fwcache.load(sha)
    data["title"] = "Served from the cache"
    fwcache.store(sha, data)
    assert framework_mod.load(path).title == "Served from the cache"
    # Editing the file changes its hash: the old entry can never stand for it.
    path.write_text(path.read_text().replace("Mini framework for tests", "Edited"), "utf-8")
    assert framework_mod.load(path).title == "Edited"
    assert len(entries(cache)) == 2


@pytest.mark.parametrize("damage", ["truncated", "garbage", "other-version", "other-file"])
def test_a_damaged_or_foreign_entry_is_a_miss(cache, tmp_path, damage) -> None:
    path = copy_of_mini(tmp_path)
    sha = framework_mod.load(path).sha256
    entry = entries(cache)[0]
    blob = entry.read_bytes()
    stamp, source, payload_sha, payload = marshal.loads(blob)
    if damage == "truncated":
        entry.write_bytes(blob[: len(blob) // 2])
    elif damage == "garbage":
        entry.write_bytes(b"\x00not marshal data")
    elif damage == "other-version":
        entry.write_bytes(marshal.dumps((("x", "0.0.0", b"?"), source, payload_sha, payload)))
    else:  # an entry renamed onto another file's hash still records its own source hash
        other = marshal.loads(payload)
        other["title"] = "Wrong file"
        forged = marshal.dumps(other)
        entry.write_bytes(marshal.dumps((stamp, "0" * 64, fwcache.digest(forged), forged)))
    assert fwcache.load(sha) is None
    assert framework_mod.load(path).title == "Mini framework for tests"
    assert fwcache.load(sha) is not None  # rewritten by the successful load


def test_an_invalid_framework_is_never_cached(cache, tmp_path) -> None:
    path = copy_of_mini(tmp_path)
    path.write_text(path.read_text().replace("red_flag_threshold: 50", "red_flag_threshold: 500"))
    for _ in range(2):
        with pytest.raises(FrameworkError) as info:
            framework_mod.load(path)
        assert any(p.line for p in info.value.problems)
    assert entries(cache) == []


def test_off_switch_and_unsafe_folder(cache, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(fwcache.DISABLE, "off")
    framework_mod.load(MINI)
    assert not cache.exists()
    monkeypatch.delenv(fwcache.DISABLE)
    cache.mkdir(parents=True)
    os.chmod(cache, 0o777)  # writable by others: not trusted, not written
    framework_mod.load(MINI)
    assert entries(cache) == []
    os.chmod(cache, stat.S_IRWXU)
    framework_mod.load(MINI)
    assert len(entries(cache)) == 1


def test_an_unwritable_cache_never_breaks_a_command(tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    env = {**os.environ, "XDG_CACHE_HOME": str(blocker)}
    args = [
        sys.executable,
        "-m",
        "sanctions_check",
        "score",
        "--format",
        "csv",
        str(ROOT / "examples"),
    ]
    broken = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    normal = subprocess.run(
        args,
        capture_output=True,
        text=True,
        env={**os.environ, fwcache.DISABLE: "off"},
        timeout=120,
    )
    assert broken.returncode == normal.returncode == 0, broken.stderr
    assert broken.stdout == normal.stdout and broken.stdout.count("\n") > 2


def test_old_entries_are_pruned(cache, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(fwcache, "KEEP", 3)
    path = copy_of_mini(tmp_path)
    for n in range(5):
        path.write_text(
            MINI.read_text(encoding="utf-8").replace("Mini framework for tests", f"Edit {n}"),
            encoding="utf-8",
        )
        assert framework_mod.load(path).title == f"Edit {n}"
    kept = entries(cache)
    assert len(kept) == 3
    assert fwcache.load(framework_mod.load(path).sha256) is not None  # the newest survives
