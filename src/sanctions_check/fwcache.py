"""A per-user cache of parsed framework files, so that start-up does not re-parse them every time.

The bundled factors.yaml is about 90 KB: parsing it costs about 7 ms of every command's ~90 ms
budget (issue 6, 8x a bare interpreter), while the marshalled result of the same strict parse
loads in a fraction of a millisecond. Only the *parse* is cached, never the validation: the data
still go through ``framework._build`` on every load, exactly as if freshly parsed.

An entry is trusted only if everything about it matches: it is named by, and records, the
SHA-256 of the framework file's bytes (so an edited file is never served stale data), the cache
format, the tool version and the interpreter's bytecode magic (marshal's format), and the SHA-256 of
its own payload (a truncated or corrupted entry is a miss). The folder must belong to the user and
not be writable by others. Any problem with the cache is a miss, never an error: the file is
simply parsed. ``SANCTIONS_CHECK_CACHE=off`` disables it; ``XDG_CACHE_HOME`` moves it.
"""

from __future__ import annotations

import marshal
import os
import stat
from pathlib import Path
from typing import Any

FORMAT = "sanctions-check/framework-cache@1"
DISABLE = "SANCTIONS_CHECK_CACHE"
KEEP = 16  # entries; about 80 KB each for the bundled framework


def digest(data: bytes) -> str:
    """SHA-256 hex digest without loading OpenSSL (``import hashlib`` costs ~2.5 ms at start-up)."""
    try:
        from _sha256 import sha256  # CPython 3.11 built-in module
    except ImportError:
        try:
            from _sha2 import sha256  # CPython 3.12+
        except ImportError:
            from hashlib import sha256
    return sha256(data).hexdigest()


def folder() -> Path | None:
    """The cache folder, or None when caching is off or no suitable folder can be found."""
    if os.environ.get(DISABLE, "").lower() in ("off", "0", "no", "false"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "sanctions-check"


def _stamp() -> tuple[str, str, bytes]:
    from importlib.util import MAGIC_NUMBER

    from sanctions_check import __version__

    return FORMAT, __version__, MAGIC_NUMBER


def _entry(where: Path, source_sha: str) -> Path:
    return where / f"framework-{source_sha}.marshal"


def load(source_sha: str) -> Any | None:
    """The parsed data of the framework file whose bytes hash to ``source_sha``, or None."""
    where = folder()
    if where is None:
        return None
    try:
        if not _private(where):
            return None
        with open(_entry(where, source_sha), "rb") as handle:
            blob = handle.read()
        stamp, sha, payload_sha, payload = marshal.loads(blob)
        if stamp != _stamp() or sha != source_sha or digest(payload) != payload_sha:
            return None
        return marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError):
        return None


def store(source_sha: str, data: Any) -> None:
    """Remember the parsed data of a framework file that has just validated; never fails."""
    where = folder()
    if where is None:
        return
    try:
        payload = marshal.dumps(data)
        blob = marshal.dumps((_stamp(), source_sha, digest(payload), payload))
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(where):
            return
        from sanctions_check import yamlio

        yamlio.atomic_write(_entry(where, source_sha), blob, overwrite=True)
        _prune(where)
    except Exception:  # a cache must never break a command: it is only a shortcut
        return


def _prune(where: Path) -> None:
    """Keep the KEEP most recently written entries: each edit of a framework adds one."""
    entries = sorted(where.glob("framework-*.marshal"), key=lambda p: p.stat().st_mtime_ns)
    for old in entries[:-KEEP]:
        old.unlink(missing_ok=True)


def _private(where: Path) -> bool:
    """Owned by this user and writable by no one else (where the platform can say so)."""
    info = os.stat(where)
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
