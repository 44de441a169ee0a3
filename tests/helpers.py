"""What the tests share besides fixtures: the repository's paths, the CLI's test environment, a
fresh-interpreter runner and a file writer. Imported by test modules as ``from helpers import``;
conftest.py holds only fixtures and hooks."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"
MINI = DATA / "mini-framework.yaml"
ENV = {"COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb"}


def run_subprocess(
    *args: str,
    input: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run `python -m sanctions_check` in a fresh interpreter (real stdio, real exit code)."""
    full_env = {**os.environ, **ENV, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "sanctions_check", *map(str, args)],
        input=input,
        capture_output=True,
        cwd=cwd,
        env=full_env,
        timeout=120,
    )


def preparse_tool() -> ModuleType:
    """tools/preparse.py, the generator of the pre-parsed modules (not part of the package)."""
    spec = importlib.util.spec_from_file_location("preparse", ROOT / "tools" / "preparse.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def examples(full: int) -> int:
    """A property test's number of examples under the loaded hypothesis profile: ``full`` in CI,
    a quarter of it (at least 10) at a desk (see conftest.py)."""
    from hypothesis import settings

    return max(10, full * settings.default.max_examples // 100)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# What a command may import: checked in a fresh interpreter through the real entry point.
RUN_AND_LIST = """
import json, sys
out, argv = sys.argv[1], sys.argv[2:]
sys.argv = ["sanctions-check", *argv]
from sanctions_check.entry import main
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
with open(out, "w") as handle:
    json.dump({"code": code, "modules": sorted(sys.modules)}, handle)
"""

INTERACTIVE = ("questionary", "prompt_toolkit")
YAML_AND_VALIDATION = (
    "yaml",
    "_yaml",
    "sanctions_check.yamlio",
    "sanctions_check.checks",
    "sanctions_check.framework",
    "sanctions_check.case",
    "sanctions_check.scoring",
    "sanctions_check.batch",
)
RENDERING = ("rich",)


def modules_after(tmp_path: Path, *args: str) -> tuple[int, set[str]]:
    listing = tmp_path / "modules.json"
    env = {**os.environ, **ENV}
    proc = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST, str(listing), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert listing.exists(), proc.stderr
    data = json.loads(listing.read_text())
    return data["code"], set(data["modules"])


def loaded(modules: set[str], families: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == f or m.startswith(f + ".") for f in families))
