"""Hostile YAML through every command that reads a case or a framework.

Table-driven: each row is one hostile file and the line its message must point at. Each runs
through score, validate, report and compare (as OLD and as NEW) and, as a framework, through
--framework; every run must exit with the documented code, name the file and the line, and print
no traceback.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time

import pytest

from helpers import ENV, MINI, write
from hostile import FW, HEAD, READERS, VALID, assert_clean_failure
from sanctions_check import yamlio


def _never(what: str):
    """A stand-in that fails the test if the code under test calls it."""

    def called(*args, **kwargs):
        raise AssertionError(f"{what} was called")

    return called


# (id, text, line of the fault, a word of the message)
MALFORMED = [
    ("bad-indentation", HEAD + "answers:\n  alpha:\n    a1: 3\n   a2: 2\n", 9, "expected"),
    (
        "unclosed-double-quote",
        HEAD.replace("title: A", 'title: "A') + "answers: {}\n",
        7,
        "quoted scalar",
    ),
    (
        "unclosed-single-quote",
        HEAD.replace("title: A", "title: 'A") + "answers: {}\n",
        7,
        "quoted scalar",
    ),
    ("unclosed-flow-mapping", HEAD + "answers: {alpha: {a1: 3}\n", 7, "flow mapping"),
    ("unclosed-flow-sequence", HEAD + "answers:\n  alpha: {a1: [3}\n", 7, "flow sequence"),
    ("tab-indentation", HEAD + "answers:\n\talpha:\n\t\ta1: 3\n", 7, "'\\t'"),
    ("stray-document-marker", HEAD + "---\nmore: 1\n", 6, "single document"),
    ("two-documents", "---\n" + HEAD + "...\n---\n" + HEAD, 8, "single document"),
    (
        "invalid-escape",
        HEAD.replace("A hostile test case", '"bad \\q escape"'),
        4,
        "escape character",
    ),
    ("lone-surrogate-escape", HEAD.replace("A hostile test case", '"\\ud800"'), 4, "Unicode"),
    ("undefined-alias", HEAD + "answers:\n  alpha: *nowhere\n", 7, "alias"),
    (
        "alias-to-an-anchor",
        HEAD.replace("title: A", "title: &t A") + "risks:\n  harm:\n    note: *t\n",
        8,
        "alias",
    ),
    ("mapping-value-inside-a-value", HEAD.replace("title: A", "title: a: A"), 4, "mapping values"),
    ("stray-closing-bracket", HEAD + "answers: {}]\n", 6, "expected"),
    ("unknown-directive", "%FOO bar\n---\n" + HEAD, 1, "directive"),
    ("yaml-2-directive", "%YAML 2.0\n---\n" + HEAD, 1, "version"),
    ("control-character", HEAD.replace("A hostile", "A \x07 bell"), 4, "control character"),
    (
        "raw-escape-sequence",
        HEAD + "risks:\n  harm:\n    note: \x1b[31mred\n",
        8,
        "control character",
    ),
    (
        "bad-block-scalar-indicator",
        HEAD + "risks:\n  harm:\n    note: |x\n      text\n",
        8,
        "block scalar",
    ),
    ("key-without-colon", HEAD + "answers\n  alpha:\n    a1: 3\n", 7, "expected"),
    ("complex-key", HEAD + "answers:\n  ? [alpha, beta]\n  : 3\n", 7, "plain word"),
]


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize(
    ("ident", "text", "line", "word"), MALFORMED, ids=[row[0] for row in MALFORMED]
)
def test_malformed_yaml_is_located_by_every_reader(cli, tmp_path, command, ident, text, line, word):
    path = write(tmp_path / f"{ident}.yaml", text)
    result = cli(*READERS[command](str(path)))
    stderr = assert_clean_failure(result, 1, path, line)
    assert word in stderr


@pytest.mark.parametrize(
    ("ident", "text", "line", "word"), MALFORMED, ids=[row[0] for row in MALFORMED]
)
def test_malformed_yaml_as_a_framework_is_a_usage_error(cli, tmp_path, ident, text, line, word):
    path = write(tmp_path / f"{ident}.yaml", text)
    result = cli("validate", str(MINI.parent / "mini-cases/strong.yaml"), "--framework", path)
    stderr = assert_clean_failure(result, 2, path, line)
    assert word in stderr


def test_malformed_yaml_message_shows_the_offending_line_with_a_caret(cli, tmp_path):
    path = write(tmp_path / "case.yaml", MALFORMED[0][1])
    stderr = cli("validate", path, *FW).stderr
    assert "   a2: 2" in stderr and "^" in stderr


# (id, text, what the message must say)
NOT_A_CASE = [
    ("a-list", "- a\n- b\n", "not a sanctions-check case file"),
    ("a-scalar", "just some words\n", "not a sanctions-check case file"),
    ("a-number", "42\n", "not a sanctions-check case file"),
    ("empty", "", "is empty"),
    ("comments-only", "# nothing\n# here\n", "is empty"),
    ("only-a-document-marker", "---\n", "is empty"),
    ("a-null-document", "~\n", "is empty"),
    (
        "github-actions-workflow",
        "name: CI\non:\n  push:\n    branches: [main]\njobs:\n  test:\n"
        "    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
        "not a sanctions-check case file",
    ),
    (
        "docker-compose",
        "services:\n  web:\n    image: nginx\n    ports: ['80:80']\n",
        "not a sanctions-check case file",
    ),
    (
        "kubernetes-manifest",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n",
        "not a sanctions-check case file",
    ),
    ("json-object", '{"name": "x", "version": 3}\n', "not a sanctions-check case file"),
    ("the-framework-itself", MINI.read_text(encoding="utf-8"), "framework file, not a case"),
]


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize(
    ("ident", "text", "message"), NOT_A_CASE, ids=[row[0] for row in NOT_A_CASE]
)
def test_valid_yaml_that_is_not_a_case_file(cli, tmp_path, command, ident, text, message):
    path = write(tmp_path / f"{ident}.yaml", text)
    stderr = assert_clean_failure(cli(*READERS[command](str(path))), 1, path)
    assert message in stderr
    assert stderr.count("error:") == 1, "one clear sentence, not a list of missing keys"


def test_not_a_case_file_names_line_one_where_there_is_a_document(cli, tmp_path):
    path = write(tmp_path / "compose.yaml", NOT_A_CASE[8][1])
    assert_clean_failure(cli("validate", path, *FW), 1, path, 1)


TYPES = (
    "format: sanctions-check/case@1\n"  # 1
    "case:\n"  # 2: title missing (misspelt below)
    "  id: Bad Id\n"  # 3
    "  titel: typo\n"  # 4
    "  hypothetical: NO\n"  # 5: YAML 1.1 boolean
    "  assessed_on: 2011-02-30\n"  # 6: no such day
    "  country: NO\n"  # 7: Norway, kept as text
    "  analyst: 2018-08-17\n"  # 8: a date where text is expected, kept as text
    "  purpose: [coerse]\n"  # 9
    "framework: mini@2\n"  # 10
    "answers:\n"  # 11
    "  alpha:\n"  # 12
    "    a1: '3'\n"  # 13: a string where a number is expected
    "    a2: 7\n"  # 14: out of range
    "    a3: 1\n"  # 15: unknown question
    "  betta: {b1: 2}\n"  # 16: unknown factor
    "  gamma:\n"  # 17
    "    g1: {score: 2.5, confidence: hgih, note: 12}\n"  # 18
    "risks:\n"  # 19
    "  harm: {likelihood: on, severity: y}\n"  # 20: YAML 1.1 booleans
    "  evasion: {likelihood: high, severity: -1, mitigaton: x}\n"  # 21
    "  famine: {likelihood: 1}\n"  # 22
)
TYPE_PROBLEMS = [
    (2, "missing required key 'title'"),
    (3, "'Bad Id' is not a valid id"),
    (4, "unknown key 'titel' (did you mean 'title'?)"),
    (5, "expected true or false, found the text 'NO' (only true and false are booleans"),
    (6, "expected a date as YYYY-MM-DD, found '2011-02-30'"),
    (9, "unknown purpose 'coerse' (did you mean 'coerce'?)"),
    (13, "found the text '3'"),
    (14, "7 is out of range"),
    (15, "unknown question 'a3' in factor 'alpha'"),
    (16, "unknown factor 'betta' (did you mean 'beta'?)"),
    (18, "found the number 2.5"),
    (18, "found the text 'hgih' (did you mean 'high'?)"),
    (18, "expected text, found the number 12; put it in quotes"),
    (20, "found the text 'on'"),
    (20, "found the text 'y'"),
    (21, "found the text 'high'"),
    (21, "-1 is out of range"),
    (21, "unknown key 'mitigaton' (did you mean 'mitigation'?)"),
    (22, "unknown risk 'famine'"),
]


@pytest.mark.parametrize("command", ["score", "validate", "report", "compare-new"])
def test_type_and_range_errors_are_all_reported_at_once(cli, tmp_path, command):
    path = write(tmp_path / "types.yaml", TYPES)
    stderr = assert_clean_failure(cli(*READERS[command](str(path))), 1, path)
    lines = [line for line in stderr.splitlines() if ": error: " in line]
    for number, fragment in TYPE_PROBLEMS:
        assert any(line.startswith(f"{path}:{number}:") and fragment in line for line in lines), (
            number,
            fragment,
            stderr,
        )
    assert len(lines) == len(TYPE_PROBLEMS), stderr
    assert "'NO'" not in stderr.split(f"{path}:7:")[0][-5:], "country: NO is text, not an error"


# Parse-level type problems: the loader stops at the first, with its line.
TYPE_ROWS = [
    ("duplicate-key", HEAD + "answers:\n  alpha:\n    a1: 1\n    a1: 2\n", 9, "duplicate key 'a1'"),
    ("duplicate-top-key", HEAD + "framework: mini@2\n", 6, "duplicate key 'framework'"),
    ("null-key", HEAD + "answers:\n  ~: {a1: 3}\n", 7, "a key must be a plain word"),
    ("huge-integer", HEAD + "answers:\n  alpha:\n    a1: " + "9" * 5000 + "\n", 8, "too long"),
    ("explicit-bool-tag", HEAD + "case_x: !!bool yes\n", 6, "expected true or false"),
    (
        "explicit-float-tag",
        HEAD + "answers:\n  alpha:\n    a1: !!float many\n",
        8,
        "is not a number",
    ),
]
# Model-level type problems: each one located by the validator.
TYPE_FIELDS = [
    ("answers-as-a-list", HEAD + "answers: [1, 2]\n", 6, "expected a mapping of factor ids"),
    (
        "case-as-text",
        HEAD.replace("case:\n  id: hostile\n  title: A hostile test case\n", "case: hostile\n"),
        2,
        "expected the case header",
    ),
    ("title-a-number", HEAD.replace("A hostile test case", "12"), 4, "put it in quotes"),
    ("score-a-float", HEAD + "answers:\n  alpha:\n    a1: 2.5\n", 8, "found the number 2.5"),
    ("score-not-a-number", HEAD + "answers:\n  alpha:\n    a1: .nan\n", 8, "found the number nan"),
    ("score-infinite", HEAD + "answers:\n  alpha:\n    a1: .inf\n", 8, "found the number inf"),
    ("score-a-list", HEAD + "answers:\n  alpha:\n    a1: [1]\n", 8, "found a list"),
    ("sexagesimal", HEAD + "answers:\n  alpha:\n    a1: 1:20\n", 8, "found the text '1:20'"),
    ("hex-number", HEAD + "answers:\n  alpha:\n    a1: 0x3\n", 8, "found the text '0x3'"),
    (
        "bool-hypothetical-yes",
        HEAD.replace("case\n", "case\n  hypothetical: yes\n"),
        5,
        "found the text 'yes' (only true and false",
    ),
    ("framework-of-another-tool", HEAD.replace("mini@2", "other@1"), 5, "answered against"),
    ("format-wrong", HEAD.replace("case@1", "case@9"), 1, "expected 'sanctions-check/case@1'"),
    (
        "id-escaping-a-folder",
        HEAD.replace("id: hostile", "id: ../../etc/passwd"),
        3,
        "not a valid id",
    ),
]


@pytest.mark.parametrize(
    ("ident", "text", "line", "fragment"),
    TYPE_ROWS + TYPE_FIELDS,
    ids=[row[0] for row in TYPE_ROWS + TYPE_FIELDS],
)
def test_each_type_problem_is_located(cli, tmp_path, ident, text, line, fragment):
    path = write(tmp_path / f"{ident}.yaml", text)
    stderr = assert_clean_failure(cli("validate", path, *FW), 1, path, line)
    assert fragment in stderr


def test_yaml_11_words_are_text_where_text_is_expected(cli, tmp_path):
    text = HEAD.replace("A hostile test case", "NO") + "  country: on\n  analyst: y\n"
    text = text.replace("framework: mini@2\n", "") + "framework: mini@2\n"
    path = write(tmp_path / "norway.yaml", text)
    result = cli("score", path, *FW, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert '"title": "NO"' in result.stdout


MARKER = "sanctions-check-pwned"

PYTHON_TAGS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/name:os.system",
    "!!python/module:os",
    "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {marker}']",
    "!!python/object/apply:subprocess.check_output [[touch, {marker}]]",
    "!local-tag value",
    "!!binary aGVsbG8=",
    "!!set {a: null}",
    "!!omap [a: 1]",
    "!!timestamp 2001-12-14",
]


@pytest.mark.parametrize("tag", PYTHON_TAGS)
@pytest.mark.parametrize("where", ["document", "value", "framework"])
def test_tags_are_refused_never_executed(cli, tmp_path, tag, where):
    marker = tmp_path / MARKER
    value = tag.replace("{marker}", str(marker))
    if where == "document":
        path = write(tmp_path / "tag.yaml", value + "\n")
        line = 1
    else:
        path = write(tmp_path / "tag.yaml", HEAD + f"risks:\n  harm:\n    note: {value}\n")
        line = 8
    if where == "framework":
        result = cli("validate", str(MINI.parent / "mini-cases/strong.yaml"), "--framework", path)
        stderr = assert_clean_failure(result, 2, path, line)
    else:
        stderr = assert_clean_failure(cli("score", path, *FW), 1, path, line)
    assert "is not allowed" in stderr
    assert not marker.exists()


def _laughs(levels: int) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


DANGEROUS = [
    ("billion-laughs", _laughs(10), 2, "alias"),
    (
        "billion-laughs-in-a-case",
        HEAD + "risks:\n  harm:\n    note: &n [a, a]\n    mitigation: [*n, *n, *n]\n",
        9,
        "alias",
    ),
    (
        "deep-flow-nesting",
        HEAD + "answers: " + "[" * 10_000 + "]" * 10_000 + "\n",
        6,
        "nesting is deeper",
    ),
    (
        "deep-flow-mappings",
        HEAD + "answers: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n",
        6,
        "nesting is deeper",
    ),
    (
        "deep-block-nesting",
        "".join("  " * i + f"k{i}:\n" for i in range(400)) + "  " * 400 + "v\n",
        64,
        "nesting is deeper",
    ),
    ("deep-block-sequences", "- " * 5000 + "v\n", 1, "nesting is deeper"),
    (
        "deep-nesting-hidden-after-closers",
        "# " + "]" * 5000 + "\n" + "[" * 4000 + "]" * 4000,
        2,
        "nesting is deeper",
    ),
]


def refuse_dangerous(cli, tmp_path, ident: str, text: str, line: int, word: str) -> None:
    path = write(tmp_path / f"{ident}.yaml", text)
    stderr = assert_clean_failure(cli("score", path, *FW), 1, path, line)
    assert word in stderr


@pytest.mark.parametrize(
    ("ident", "text", "line", "word"), DANGEROUS, ids=[row[0] for row in DANGEROUS]
)
def test_bombs_and_deep_nesting_are_refused(cli, tmp_path, ident, text, line, word):
    refuse_dangerous(cli, tmp_path, ident, text, line, word)


@pytest.mark.timed
@pytest.mark.parametrize(
    ("ident", "text", "line", "word"), DANGEROUS, ids=[row[0] for row in DANGEROUS]
)
def test_bombs_and_deep_nesting_are_refused_within_5_s(cli, tmp_path, ident, text, line, word):
    started = time.perf_counter()
    refuse_dangerous(cli, tmp_path, ident, text, line, word)
    assert time.perf_counter() - started < 5


def test_a_file_over_the_size_limit_is_refused_unless_the_limit_is_raised(cli, tmp_path):
    note = "x" * (3 * 1024 * 1024)
    path = write(tmp_path / "big.yaml", VALID + f"risks:\n  harm:\n    note: {note}\n")
    stderr = assert_clean_failure(cli("score", path, *FW), 1, path)
    assert "over the 2,097,152-byte limit" in stderr and "--max-size" in stderr
    result = cli("score", path, *FW, "--max-size", str(4 * 1024 * 1024))
    assert result.exit_code == 0, result.stderr
    for command in ("validate", "report"):
        assert "over the" in assert_clean_failure(cli(command, path, *FW), 1, path)


def test_a_huge_single_line_within_the_limit_is_fine(cli, tmp_path):
    path = write(
        tmp_path / "long.yaml", VALID + "risks:\n  harm:\n    note: " + "x" * 1_900_000 + "\n"
    )
    result = cli("validate", path, *FW)
    assert result.exit_code == 0, result.stderr


def refuse_many_items(cli, tmp_path) -> None:
    path = write(tmp_path / "items.yaml", HEAD + "risks:\n" + "- 1\n" * 200_000)
    stderr = assert_clean_failure(cli("validate", path, *FW), 1, path)
    assert "lines and commas" in stderr and "--max-size" in stderr


def test_a_file_of_a_million_tiny_items_is_refused_before_parsing(cli, tmp_path, monkeypatch):
    parse = yamlio.parse

    def only_the_framework(text: str, name: str):
        assert not name.endswith("items.yaml"), "the case file was parsed"
        return parse(text, name)

    monkeypatch.setattr(yamlio, "parse", only_the_framework)
    refuse_many_items(cli, tmp_path)


@pytest.mark.timed
def test_a_file_of_a_million_tiny_items_is_refused_within_2_s(cli, tmp_path):
    started = time.perf_counter()
    refuse_many_items(cli, tmp_path)
    assert time.perf_counter() - started < 2


def locate_in_large_file(cli, tmp_path) -> None:
    filler = "".join(f"# padding line {i:06d} {'.' * 60}\n" for i in range(6000))  # ~500 KB
    path = write(tmp_path / "large.yaml", filler + HEAD + "answers: {alpha: [}\n")
    stderr = assert_clean_failure(cli("validate", path, *FW), 1, path, 6006)
    assert "answers: {alpha: [}" in stderr


@pytest.mark.timed
def test_errors_in_large_files_are_located_within_2_s(cli, tmp_path):
    started = time.perf_counter()
    locate_in_large_file(cli, tmp_path)
    assert time.perf_counter() - started < 2


def test_errors_in_large_files_are_located_without_the_slow_re_parse(cli, tmp_path, monkeypatch):
    """Over EXPLAIN_LIMIT the fast loader's own mark is used: the pure-Python loader, which
    quotes the line but takes seconds on half a megabyte, is never run a second time."""
    monkeypatch.setattr(yamlio, "StrictLoader", _never("the pure-Python re-parse"))
    locate_in_large_file(cli, tmp_path)
    filler = "".join(f"# padding line {i:06d} {'.' * 60}\n" for i in range(6000))  # ~500 KB
    path = write(tmp_path / "large-control.yaml", filler + HEAD + "answers: \x1b[2J\n")
    stderr = assert_clean_failure(cli("validate", path, *FW), 1, path, 6006)
    assert "the control character U+001B" in stderr


def cap_problems(cli, tmp_path) -> None:
    questions = "".join(f"    q{i}: 1\n" for i in range(20_000))
    path = write(tmp_path / "many.yaml", HEAD + "answers:\n  alpha:\n" + questions)
    stderr = assert_clean_failure(cli("validate", path, *FW), 1, path, 8)
    assert "19,900 more problem(s) not shown" in stderr
    assert stderr.count(": error: ") == 101


def test_problems_per_file_are_capped(cli, tmp_path):
    cap_problems(cli, tmp_path)


@pytest.mark.timed
def test_problems_per_file_are_capped_within_10_s(cli, tmp_path):
    started = time.perf_counter()
    cap_problems(cli, tmp_path)
    assert time.perf_counter() - started < 10


def test_dangerous_files_on_real_stdio_with_bounded_memory(tmp_path):
    """A fresh process, limited to 512 MiB of address space, refuses every dangerous file.

    The largest file the limits let through (about 100,000 flow items) is included: before the
    item limit, a 2 MiB file of "1," needed about 400 MB and 5 s.
    """
    refuse_on_real_stdio(tmp_path)


@pytest.mark.timed
def test_dangerous_files_on_real_stdio_within_30_s(tmp_path):
    started = time.perf_counter()
    refuse_on_real_stdio(tmp_path)
    assert time.perf_counter() - started < 30


def refuse_on_real_stdio(tmp_path) -> None:
    folder = tmp_path / "dangerous"
    for ident, text, *_ in DANGEROUS:
        write(folder / f"{ident}.yaml", text)
    write(
        folder / "widest-allowed.yaml",
        "{" + ", ".join(f"k{i}: {i}" for i in range(100_000)) + "}\n",
    )

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (512 * 2**20, 512 * 2**20))

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sanctions_check",
            "score",
            str(folder),
            *FW,
            "--format",
            "json",
            "--jobs",
            "1",
        ],
        capture_output=True,
        timeout=120,
        env={**os.environ, **ENV},
        preexec_fn=limit_memory,
    )
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "Traceback" not in stderr and "MemoryError" not in stderr
    assert stderr.rstrip().endswith(f"0 case(s) scored, {len(DANGEROUS) + 1} invalid.")
