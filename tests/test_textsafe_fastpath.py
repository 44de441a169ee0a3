"""textsafe's shortcuts for text with nothing to strip give what the full paths give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import examples
from sanctions_check import textsafe

NASTY = "\x1b[31m\x07\t\n\r\x0b\x85\xa0\u2028\u200e\u202e\u2066 aZ9=+-@–é中"


def slow(text: str) -> str:
    return " ".join(textsafe.plain(text).split())


def slow_plain(text: str) -> str:
    """textsafe.plain without its shortcut: the two substitutions, always."""
    text = textsafe._ESCAPES.sub("", text)
    return textsafe._CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


@settings(max_examples=examples(2000), deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=st.sampled_from(NASTY), max_size=12)))
def test_one_line_shortcut_equals_the_full_path(text: str) -> None:
    assert textsafe.one_line(text) == slow(text)
    assert textsafe.csv_cell(text) == textsafe.csv_cell(slow(text))


@settings(max_examples=examples(2000), deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=st.sampled_from(NASTY), max_size=12)))
def test_plain_shortcut_equals_the_full_path(text: str) -> None:
    assert textsafe.plain(text) == slow_plain(text)


def test_the_shortcut_still_neutralises() -> None:
    assert textsafe.one_line("a\x1b[31mred\x1b[0m  b") == "ared b"
    assert textsafe.one_line("\u202eevil") == "evil"
    assert textsafe.csv_cell("=1+1") == "'=1+1"
    assert textsafe.plain("a\x1b]8;;http://x\x07link\x1b]8;;\x07\u200fb") == "alinkb"
