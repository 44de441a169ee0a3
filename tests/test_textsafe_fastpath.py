"""textsafe.one_line's shortcut for text with nothing to strip gives what the full path gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions_check import textsafe

NASTY = "\x1b[31m\x07\t\n\r\x0b\x85\xa0\u2028\u200e\u202e\u2066 aZ9=+-@–é中"


def slow(text: str) -> str:
    return " ".join(textsafe.plain(text).split())


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=st.sampled_from(NASTY), max_size=12)))
def test_one_line_shortcut_equals_the_full_path(text: str) -> None:
    assert textsafe.one_line(text) == slow(text)
    assert textsafe.csv_cell(text) == textsafe.csv_cell(slow(text))


def test_the_shortcut_still_neutralises() -> None:
    assert textsafe.one_line("a\x1b[31mred\x1b[0m  b") == "ared b"
    assert textsafe.one_line("\u202eevil") == "evil"
    assert textsafe.csv_cell("=1+1") == "'=1+1"
