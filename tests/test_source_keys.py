"""Source keys are recognised only where they are written as keys: an item of a `sources` list
that is a key, or a key in square brackets standing on its own in free text. A one-word note is
text; a bracket that is part of a word, or inside a quotation, cites nothing.

Table-driven through the real CLI (`validate` warns "cited but not defined here"), and the rule
of ``case.cited_keys`` property-tested.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import DATA, MINI, examples, write
from sanctions_check.case import REFERENCE_KEY, cited_keys

FW = ("--framework", str(MINI))
WEAK = (DATA / "mini-cases" / "weak.yaml").read_text(encoding="utf-8")


def with_note(note: str, sources: str = "") -> str:
    """The weak mini case with a references table and one answer's note (as YAML text)."""
    answer = f"    a1:\n      score: 1\n      note: {note}\n" + (
        f"      sources: {sources}\n" if sources else ""
    )
    text = WEAK.replace("    a1: 1\n", answer)
    return text + "references:\n  DEF: https://example.org/defined\n"


# (id, the note as YAML, sources list or "", the undefined keys validate must name)
NOTES = [
    ("one-word-unknown", "Unknown.", "", []),
    ("one-word-ok", "ok.", "", []),
    ("one-word-abbreviation", "ABC", "", []),
    ("one-word-number", "'2019'", "", []),
    ("bracket-inside-a-word", "The regime want[s] time.", "", []),
    ("bracket-opening-a-word", "They [re]built the network.", "", []),
    ("bracket-in-a-straight-quotation", "'He said \"[a] deal is near\" on air.'", "", []),
    ("sic-in-a-quotation", "'The minister \"den[ied] it [sic]\".'", "", []),
    ("bracket-in-a-curly-quotation", "The envoy said “[the] talks failed”.", "", []),
    ("bracket-in-guillemets", "Le texte dit « [les] sanctions ».", "", []),
    ("markdown-link", "See [the report](https://example.org).", "", []),
    ("a-defined-key", "Reported [DEF].", "", []),
    ("an-undefined-key", "Reported [XYZ].", "", ["XYZ"]),
    ("a-key-in-parentheses", "Reported ([XYZ]).", "", ["XYZ"]),
    ("two-keys-side-by-side", "Reported [XYZ][QRS].", "", ["XYZ", "QRS"]),
    ("a-key-after-a-quotation", "'Called \"benign\" [XYZ].'", "", ["XYZ"]),
    ("an-unclosed-quote-opens-nothing", "'A 12\" gap [XYZ].'", "", ["XYZ"]),
    ("a-bare-key-in-sources", "Unknown.", "[XYZ, DEF]", ["XYZ"]),
    ("a-url-in-sources", "ok.", "[https://example.org/x]", []),
    ("a-citation-in-sources-citing-a-key", "ok.", "['Ministry report [XYZ]']", ["XYZ"]),
]


@pytest.mark.parametrize(
    ("ident", "note", "sources", "undefined"), NOTES, ids=[n[0] for n in NOTES]
)
def test_only_keys_written_as_keys_are_cited(cli, tmp_path, ident, note, sources, undefined):
    path = write(tmp_path / f"{ident}.yaml", with_note(note, sources))
    result = cli("validate", path, *FW)
    assert result.exit_code == 0, result.stderr
    if undefined:
        assert f"cited but not defined here: {', '.join(undefined)} (" in result.stderr
        assert result.stdout == f"{path}: ok, 1 warning\n"
    else:
        assert "cited but not defined" not in result.stderr
        assert result.stdout == f"{path}: ok\n"


KEYS = st.from_regex(REFERENCE_KEY, fullmatch=True).filter(lambda k: len(k) <= 12)
WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1
)
PROSE = st.text(
    alphabet=st.characters(blacklist_characters='[]"“”«»', blacklist_categories=("Cs",)),
    max_size=40,
)


@settings(max_examples=examples(200), deadline=None)
@given(PROSE)
def test_text_without_brackets_cites_nothing(text):
    """However short: a one-word note ("Unknown.", "ABC") is never read as a key."""
    assert cited_keys(text) == []


@settings(max_examples=examples(200), deadline=None)
@given(KEYS, PROSE, PROSE)
def test_a_key_standing_on_its_own_is_cited(key, before, after):
    assert cited_keys(f"{before} [{key}] {after}") == [key]


@settings(max_examples=examples(200), deadline=None)
@given(KEYS, WORD, PROSE)
def test_a_bracket_that_is_part_of_a_word_cites_nothing(key, word, rest):
    assert cited_keys(f"{rest} {word}[{key}] {rest}") == []
    assert cited_keys(f"{rest} [{key}]{word} {rest}") == []


@settings(max_examples=examples(200), deadline=None)
@given(KEYS, PROSE, PROSE, st.sampled_from(['""', "“”", "«»"]))
def test_a_bracket_inside_a_quotation_cites_nothing(key, inside, outside, marks):
    opening, closing = marks
    text = f"{outside} {opening}{inside} [{key}] {inside}{closing} {outside}"
    assert cited_keys(text) == []
    assert cited_keys(text + f" [{key}]") == [key]  # after the quotation, the key is cited
