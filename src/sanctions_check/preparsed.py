"""The bundled framework and examples, parsed ahead of time: a start-up saving that cannot change
a result.

Parsing YAML is the largest cost a command controls: the bundled ``factors.yaml`` is read by
every command, and ``report``, ``similar`` and ``backtest`` read every bundled example as their
library of past episodes. Their parses are therefore kept as Python literals in two generated
modules of this package (``_parsed_framework`` and ``_parsed_examples``), which the interpreter
loads as compiled bytecode.

A parse is served only for a text whose SHA-256 equals that of the file it was made from, so a
text that differs by one byte is parsed as usual; each call builds fresh objects, so no caller can
change what another receives; everything is checked exactly as a parsed file is. The modules live
inside the package, never in the user's home. They are written by a script of the source tree that
never ships (``tools/preparse.py``), and tests prove that each stored parse equals a fresh strict
parse of its file, type for type, and that the modules are what that script writes today.
"""

from __future__ import annotations

import hashlib
from typing import Any


def sha256(text: str) -> str:
    """The SHA-256 of a file's text, as the framework's provenance records it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def framework(digest: str) -> Any | None:
    """The bundled framework's parse when ``digest`` is its text's SHA-256, else None."""
    from sanctions_check import _parsed_framework

    build = _parsed_framework.BY_SHA256.get(digest)
    return None if build is None else build()


def example(text: str) -> Any | None:
    """A bundled example's parse when ``text`` is exactly that example, else None."""
    from sanctions_check import _parsed_examples

    build = _parsed_examples.BY_SHA256.get(sha256(text))
    return None if build is None else build()
