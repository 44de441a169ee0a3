"""YAML syntax errors say what to do, in plain words, under the parser's line, column and caret.

Table-driven through the real CLI: each row is a mistake an analyst makes editing a case file by
hand, the line and column the message must point at, and the advice it must give. Each runs as
PyYAML's pure parser explains it (files up to yamlio.EXPLAIN_LIMIT) and as libyaml does (larger
files), whose messages word the same faults differently.
"""

from __future__ import annotations

import pytest

from helpers import write
from hostile import FW, assert_clean_failure
from sanctions_check import yamlio

# Lines 1-7; the answers of factor alpha follow from line 8.
HEAD = (
    "format: sanctions-check/case@1\n"
    "case:\n"
    "  id: advice\n"
    "  title: A case edited by hand\n"
    "framework: mini@2\n"
    "answers:\n"
    "  alpha:\n"
)
NOTE = HEAD + "    a1:\n      score: 2\n      note: {}\n"  # the note is on line 10, column 13

# (id, text, line, column, what the advice must say)
ADVICE = [
    ("tab-indentation", HEAD + "\ta1: 3\n", 8, 1, "indent with spaces, not tabs"),
    ("tab-inside-the-indentation", HEAD + "  \ta1: 3\n", 8, 3, "indent with spaces, not tabs"),
    (
        "colon-and-space-in-a-note",
        NOTE.format("The envoy said: no deal"),
        10,
        27,
        'contains ": "',
    ),
    ("quote-it-shown", NOTE.format("Le texte: abc"), 10, 21, '(note: "Le texte: abc")'),
    ("block-form-offered", NOTE.format("Le texte: abc"), 10, 21, '"note: |"'),
    ("a-note-ending-in-a-colon", NOTE.format("Noted:"), 10, 18, "ends in a colon"),
    (
        "colon-in-a-note-with-quotes-in-it",
        NOTE.format('He said: "no"'),
        10,
        20,
        "(note: 'He said: \"no\"')",
    ),
    (
        "a-key-without-its-colon",
        HEAD + "    a1\n    a2: 3\n",
        9,
        7,
        "line 8 (a1) is not a complete key",
    ),
    (
        "a-key-indented-under-a-value",
        HEAD + "    a1: 3\n      a2: 2\n",
        9,
        9,
        "indented more than line 8",
    ),
    (
        "a-key-out-of-line",
        HEAD + "    a1: 3\n   a2: 2\n",
        9,
        4,
        "keys of one mapping line up exactly",
    ),
    (
        "a-text-going-on-under-its-key",
        HEAD + "    a1:\n      note: one\n    two\n",
        11,
        1,
        "line 10 (two) is read as a key without its colon",
    ),
    (
        "unclosed-double-quote",
        HEAD + '    a1:\n      note: "no end\n      score: 3\n',
        11,
        1,
        "close the quote: the text in quotes that starts at line 9, column 13",
    ),
    (
        "unclosed-single-quote",
        HEAD + "    a1:\n      note: 'no end\n",
        10,
        1,
        "close the quote",
    ),
    ("an-apostrophe-in-single-quotes", NOTE.format("'Kabila's circle'"), 10, 21, "write it twice"),
    (
        "text-after-the-closing-quote",
        NOTE.format('"benign" was the word'),
        10,
        22,
        "put the whole text inside the quotes",
    ),
    (
        "a-note-starting-with-a-source-key",
        NOTE.format("[AJ-CI] says so"),
        10,
        21,
        'a text that starts with [ is read as a list: put the whole text in quotes (note: "[AJ-CI]',
    ),
    (
        "a-note-starting-with-a-brace",
        NOTE.format("{x} says so"),
        10,
        17,
        "starts with { is read as a mapping",
    ),
    (
        "unclosed-sources-list",
        HEAD + "    a1:\n      sources: [A, B\n    a2: 3\n",
        10,
        7,
        "close the bracket: the [ at line 9, column 16 needs its ]",
    ),
    (
        "unclosed-flow-mapping",
        HEAD + "    a1: {score: 3\n    a2: 3\n",
        9,
        7,
        "the { at line 8, column 9 needs its }",
    ),
    ("a-bracket-too-many", HEAD + "    a1:\n      sources: [A, B]]\n", 9, 22, "a closing ]"),
    (
        "a-list-item-where-a-key-belongs",
        HEAD + "    a1: 3\n    - a2\n",
        9,
        5,
        "a list item ('- ') where a key is expected",
    ),
    (
        "list-items-out-of-line",
        HEAD + "    a1:\n      sources:\n      - a\n     - b\n",
        11,
        6,
        "line up every '- '",
    ),
    ("a-line-starting-with-a-colon", HEAD + "    : 3\n", 8, 5, "has no key"),
    (
        "a-repeated-key",
        HEAD + "    a1: 3\n    a1: 2\n",
        9,
        5,
        "a key is repeated in one mapping: keep one",
    ),
    ("a-note-starting-with-an-asterisk", NOTE.format("*important* text"), 10, 23, "an alias"),
    ("a-note-starting-with-an-ampersand", NOTE.format("& more"), 10, 14, "an anchor"),
    ("a-note-starting-with-an-at-sign", NOTE.format("@handle said"), 10, 13, "reserved by YAML"),
    ("a-note-starting-with-a-backtick", NOTE.format("`code`"), 10, 13, "reserved by YAML"),
    ("a-note-starting-with-a-bang", NOTE.format("!important"), 10, 13, "is read as a tag"),
    ("a-note-starting-with-a-question-mark", NOTE.format("? maybe"), 10, 13, "a complex key"),
    ("a-note-starting-with-greater-than", NOTE.format("> 5 cases"), 10, 15, "after | or >"),
    ("a-bad-block-indicator", NOTE.format("|x"), 10, 14, "after | or >"),
    ("a-backslash-in-double-quotes", NOTE.format('"C:\\path"'), 10, 17, "write a backslash as"),
    ("a-second-document", HEAD + "---\n", 8, 1, "a line '---' starts a second YAML document"),
    ("a-line-starting-with-percent", HEAD + "    a1: 3\n%x\n", 10, 1, "YAML directive"),
    ("a-control-character", NOTE.format("a \x07 bell"), 10, 15, "delete the character"),
]
# Where libyaml (large files) points elsewhere than the pure parser: (line, column).
LIBYAML_AT = {
    "a-backslash-in-double-quotes": (10, 16),
    "a-line-starting-with-percent": (9, 3),
}


def check(cli, path, line, column, advice) -> str:
    stderr = assert_clean_failure(cli("validate", path, *FW), 1, path, line)
    if column is not None:
        assert f"{path}:{line}:{column}: error: " in stderr
    assert "^" in stderr, "the caret stays"
    [fix] = [text for text in stderr.splitlines() if text.startswith("    to fix: ")]
    assert advice in fix, fix
    return stderr


@pytest.mark.parametrize(
    ("ident", "text", "line", "column", "advice"), ADVICE, ids=[row[0] for row in ADVICE]
)
def test_each_mistake_gets_its_advice(cli, tmp_path, ident, text, line, column, advice):
    check(cli, write(tmp_path / f"{ident}.yaml", text), line, column, advice)


@pytest.mark.parametrize(
    ("ident", "text", "line", "column", "advice"), ADVICE, ids=[row[0] for row in ADVICE]
)
def test_libyaml_errors_get_the_same_advice(
    cli, tmp_path, monkeypatch, ident, text, line, column, advice
):
    """As for a file over EXPLAIN_LIMIT: libyaml's own message and mark, the same advice."""
    monkeypatch.setattr(yamlio, "EXPLAIN_LIMIT", 0)
    line, column = LIBYAML_AT.get(ident, (line, column))
    check(cli, write(tmp_path / f"{ident}.yaml", text), line, column, advice)


def test_the_advice_comes_after_the_line_and_its_caret(cli, tmp_path):
    path = write(tmp_path / "colon.yaml", NOTE.format("Le texte: abc"))
    stderr = check(cli, path, 10, 21, 'contains ": "')
    lines = stderr.splitlines()
    at = next(i for i, text in enumerate(lines) if text.startswith(f"{path}:10:21: error: "))
    assert "mapping values are not allowed here" in lines[at]
    assert lines[at + 1] == "          note: Le texte: abc"
    assert lines[at + 2].strip() == "^" and lines[at + 2].index("^") == 4 + 20
    assert lines[at + 3].startswith("    to fix: ")


def test_a_framework_file_gets_the_advice_too(cli, tmp_path):
    path = write(
        tmp_path / "framework.yaml", "format: sanctions-check/framework@1\nid: mini\n\tversion: 1\n"
    )
    result = cli("validate", str(tmp_path / "none.yaml"), "--framework", path)
    assert result.exit_code == 2
    assert "to fix: " in result.stderr


def test_a_text_that_goes_on_below_is_not_shown_quoted_on_one_line(cli, tmp_path):
    text = HEAD + "    a1:\n      score: 2\n      note: Le texte: abc\n        and more below\n"
    stderr = check(cli, write(tmp_path / "long.yaml", text), 10, 21, '"note: |"')
    assert '(note: "' not in stderr
