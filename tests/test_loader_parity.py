"""The strict rules hold under both loaders: libyaml's fast one and the pure-Python one.

Batch scoring parses with libyaml (``yamlio.FAST_LOADER``, its own node-to-data builder) and
re-parses with the pure loader (``yamlio.StrictLoader``) only to explain a failure. If the two ever
disagreed, a file could be accepted by one path and refused by the other, or ``NO`` could become
``False`` on one of them. Every hostile file here goes through both and must give the same result.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from helpers import MINI, examples, write
from sanctions_check import yamlio
from sanctions_check.errors import InputError

REJECT = object()  # the file must be refused (a YAML error) by both loaders
SAME = object()  # accepted or refused, but the same way by both

needs_libyaml = pytest.mark.skipif(
    yamlio.FAST_LOADER is yamlio.StrictLoader, reason="PyYAML was built without libyaml"
)

HOSTILE: list[tuple[str, str, object]] = [
    # YAML 1.1 booleans, dates, sexagesimals and other implicit types stay text.
    ("norway", "country: NO\nother: no\n", {"country": "NO", "other": "no"}),
    (
        "yes-on-y",
        "a: yes\nb: On\nc: OFF\nd: y\ne: n\nf: Y\n",
        {"a": "yes", "b": "On", "c": "OFF", "d": "y", "e": "n", "f": "Y"},
    ),
    (
        "date",
        "assessed_on: 2018-08-17\nstamp: 2018-08-17T10:00:00Z\n",
        {"assessed_on": "2018-08-17", "stamp": "2018-08-17T10:00:00Z"},
    ),
    ("sexagesimal", "ratio: 1:20\n", {"ratio": "1:20"}),
    (
        "other-bases",
        "hex: 0x1F\noct: 0o17\nsep: 1_000\nlead: 017\n",
        {"hex": "0x1F", "oct": "0o17", "sep": "1_000", "lead": 17},
    ),
    (
        "core-types",
        "t: true\nT: TRUE\nf: False\nn: ~\nN: Null\ne:\ni: -3\nx: 1.5e3\n",
        {"t": True, "T": True, "f": False, "n": None, "N": None, "e": None, "i": -3, "x": 1500.0},
    ),
    (
        "special-floats",
        "a: .inf\nb: -.Inf\nc: .NaN\n",
        {"a": float("inf"), "b": float("-inf"), "c": float("nan")},
    ),
    # Duplicate keys: PyYAML would silently keep the last one.
    ("dup-top", "id: a\nid: b\n", REJECT),
    ("dup-nested", "answers:\n  exposure:\n    q: 1\n    q: 2\n", REJECT),
    ("dup-flow", "risks: {harm: 1, harm: 2}\n", REJECT),
    ("dup-after-list", "a: [1, 2]\nb: x\na: y\n", REJECT),
    ("int-and-text-keys", "1: a\n'1': b\n", {1: "a", "1": "b"}),
    # Anchors, aliases and merge keys (also "billion laughs").
    ("alias", "a: &x 1\nb: *x\n", REJECT),
    ("merge-key", "base: &b {x: 1}\nother:\n  <<: *b\n", REJECT),
    ("recursive-alias", "a: &x [*x]\n", REJECT),
    ("laughs", "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", REJECT),
    ("anchor-alone", "a: &x 1\n", SAME),
    ("ampersand-in-text", "a: R&D\nb: 'x & y'\n", {"a": "R&D", "b": "x & y"}),
    ("alias-after-ampersand-text", "a: R&D\nb: &x 1\nc: *x\n", REJECT),
    # Tags: nothing is executed, nothing but plain core types is built.
    ("python-apply", "x: !!python/object/apply:os.system ['echo hi']\n", REJECT),
    ("python-name", "x: !!python/name:os.system\n", REJECT),
    ("binary", "x: !!binary aGk=\n", REJECT),
    ("timestamp", "x: !!timestamp 2018-08-17\n", REJECT),
    ("set", "x: !!set {a, b}\n", REJECT),
    ("omap", "x: !!omap [a: 1]\n", REJECT),
    ("local-tag", "x: !custom value\n", REJECT),
    ("tag-directive", "%TAG !p! tag:yaml.org,2002:python/\n---\nx: !p!name:os.system\n", REJECT),
    ("explicit-str", "x: !!str 123\ny: !!str NO\n", {"x": "123", "y": "NO"}),
    ("explicit-int", "x: !!int '7'\n", {"x": 7}),
    ("explicit-null", "x: !!null anything\n", {"x": None}),
    ("explicit-bool-yes", "x: !!bool yes\n", REJECT),
    ("explicit-bool-junk", "x: !!bool maybe\n", REJECT),
    ("explicit-float-junk", "x: !!float abc\n", REJECT),
    ("explicit-int-hex", "x: !!int 0x1F\n", REJECT),
    ("tag-on-wrong-node", "x: !!map a\ny: 1\n", REJECT),
    ("seq-tag-on-map", "x: !!seq {a: 1}\n", REJECT),
    ("str-tag-on-list", "x: !!str [a]\n", REJECT),
    # Keys must be words or numbers.
    ("list-key", "? [a]\n: b\n", REJECT),
    ("map-key", "? {a: 1}\n: b\n", REJECT),
    ("bool-key", "true: x\n", REJECT),
    ("null-key", "~: x\n", REJECT),
    ("float-key", "1.5: x\n", REJECT),
    # Structure and characters.
    ("two-documents", "a: 1\n---\nb: 2\n", REJECT),
    ("empty", "", None),
    ("only-comment", "# nothing here\n", None),
    ("control-char", "a: \x07bell\n", REJECT),
    ("tab-indent", "a:\n\tb: 1\n", SAME),
    ("yaml-directive", "%YAML 1.1\n---\na: yes\n", {"a": "yes"}),
    ("unicode-breaks", "a: x\u2028y\nb: \u00e9t\u00e9 \u2014 NO\n", SAME),
    ("flow-nesting", "a: " + "[" * (yamlio.MAX_DEPTH + 1) + "]" * (yamlio.MAX_DEPTH + 1), REJECT),
    (
        "block-nesting-too-deep",
        "".join(f"{'  ' * i}k{i}:\n" for i in range(yamlio.MAX_DEPTH))
        + "  " * yamlio.MAX_DEPTH
        + "leaf: 1\n",
        REJECT,
    ),
    (
        "block-nesting-at-limit",
        "".join(f"{'  ' * i}k{i}:\n" for i in range(yamlio.MAX_DEPTH - 2))
        + "  " * (yamlio.MAX_DEPTH - 2)
        + "leaf: 1\n",
        SAME,
    ),
]


def outcome(text: str, loader: type) -> tuple[str, str]:
    """('ok', repr of the data) or ('error', 'YAMLError'); repr makes NaN compare equal."""
    try:
        data = yamlio._load(text, loader)
    except yaml.YAMLError:
        return ("error", "YAMLError")
    except RecursionError:
        return ("error", "RecursionError")
    return ("ok", repr(data))


@needs_libyaml
@pytest.mark.parametrize("name,text,expected", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_both_loaders_agree(name: str, text: str, expected: object) -> None:
    fast = outcome(text, yamlio.FAST_LOADER)
    pure = outcome(text, yamlio.StrictLoader)
    assert fast == pure, f"{name}: libyaml gives {fast}, pure Python gives {pure}"
    if expected is REJECT:
        assert fast[0] == "error", f"{name} must be refused, got {fast}"
    elif expected is not SAME:
        assert fast == ("ok", repr(expected))


@pytest.mark.parametrize(
    "name,text,expected",
    [h for h in HOSTILE if h[2] is REJECT],
    ids=lambda v: v if isinstance(v, str) and "\n" not in v and len(v) < 30 else "",
)
def test_refusals_are_explained_with_a_line(name: str, text: str, expected: object) -> None:
    """yamlio.parse (fast first, precise re-parse on failure) never lets a YAML error escape."""
    with pytest.raises(InputError) as info:
        yamlio.parse(text, "hostile.yaml")
    problem = info.value.problems[0]
    assert problem.file == "hostile.yaml"
    assert problem.line is not None and problem.line >= 1, str(problem)


@needs_libyaml
def test_the_fast_loader_really_is_libyaml() -> None:
    """Guard against a silent fallback: the batch speed rests on libyaml."""
    assert yaml.__with_libyaml__
    assert issubclass(yamlio.FAST_LOADER, yaml.cyaml.CParser)


TOKENS = [
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "~",
    "null",
    "True",
    "FALSE",
    "2018-08-17",
    "1:20",
    "0x1F",
    "0o17",
    "017",
    "1_000",
    ".inf",
    "-.INF",
    ".nan",
    "1e3",
    "+5",
    "-0",
    "3.",
    "'quoted'",
    '"dq"',
    "<<",
    "=",
    "!!str x",
    "!!int 5",
    "&a 1",
    "*a",
    "[a, b]",
    "{a: 1}",
    "a b",
    "#c",
    "- x",
    "?",
    ":",
    "|",
    ">",
    "@x",
    "%x",
    "`x`",
]


@needs_libyaml
@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c", "No", "1", "true", "~"]),
            st.one_of(st.sampled_from(TOKENS), st.text("abnoyNOY01:.-+_ ~", max_size=8)),
        ),
        max_size=6,
    )
)
def test_random_scalars_resolve_alike(pairs: list[tuple[str, str]]) -> None:
    text = "".join(f"{key}: {value}\n" for key, value in pairs)
    assert outcome(text, yamlio.FAST_LOADER) == outcome(text, yamlio.StrictLoader), text


@settings(max_examples=examples(500), deadline=None)
@given(st.text(max_size=12), st.booleans(), st.booleans())
def test_the_quick_resolver_answers_like_pyyamls(value: str, plain: bool, quoted: bool) -> None:
    """StrictResolver.resolve skips BaseResolver's per-call work; the tags must not change."""
    resolver = yamlio.StrictResolver()
    assert not resolver.yaml_path_resolvers and None not in resolver.yaml_implicit_resolvers
    for kind in (ScalarNode, SequenceNode, MappingNode):
        assert resolver.resolve(kind, value, (plain, quoted)) == BaseResolver.resolve(
            resolver, kind, value, (plain, quoted)
        )


CASE = """\
format: sanctions-check/case@1
case:
  id: norway-no
  title: NO
  country: NO
  assessed_on: 2018-08-17
  hypothetical: true
framework: mini@2
answers:
  alpha:
    a1: 3
"""


def test_the_cli_keeps_norway_as_text(cli, tmp_path) -> None:
    case = write(tmp_path / "no.yaml", CASE)
    result = cli("score", "--framework", MINI, "--format", "json", case)
    assert result.exit_code == 0, result.stderr
    row = json.loads(result.stdout)["cases"][0]
    assert row["title"] == "NO" and row["id"] == "norway-no"


def test_the_cli_refuses_a_duplicate_key_with_its_line(cli, tmp_path) -> None:
    case = write(tmp_path / "dup.yaml", CASE + "    a1: 2\n")
    result = cli("validate", "--framework", MINI, case)
    assert result.exit_code == 1
    assert f"{case}:12:" in result.stderr and "duplicate key 'a1'" in result.stderr


WITHOUT_LIBYAML = """
import sys
sys.modules["yaml._yaml"] = None  # as if PyYAML had been built without libyaml
import yaml
assert not yaml.__with_libyaml__
from sanctions_check import yamlio
assert yamlio.FAST_LOADER is yamlio.StrictLoader
sys.argv = ["sanctions-check", *sys.argv[1:]]
from sanctions_check.cli import main
main()
"""


def test_without_libyaml_the_tool_falls_back_cleanly(tmp_path) -> None:
    """Same output from the pure-Python loader, and the same refusals."""
    case = write(tmp_path / "no.yaml", CASE)
    dup = write(tmp_path / "bad" / "dup.yaml", CASE + "    a1: 2\n")
    args = ["score", "--framework", str(MINI), "--format", "json", str(case)]
    fallback = subprocess.run(
        [sys.executable, "-c", WITHOUT_LIBYAML, *args], capture_output=True, text=True, timeout=60
    )
    normal = subprocess.run(
        [sys.executable, "-m", "sanctions_check", *args], capture_output=True, text=True, timeout=60
    )
    assert fallback.returncode == 0, fallback.stderr
    assert fallback.stdout == normal.stdout
    refused = subprocess.run(
        [sys.executable, "-c", WITHOUT_LIBYAML, "validate", "--framework", str(MINI), str(dup)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 1
    assert "duplicate key 'a1'" in refused.stderr and "Traceback" not in refused.stderr


def test_hostile_case_text_survives_unchanged(tmp_path) -> None:
    """Free text that looks like YAML 1.1 values comes back byte for byte under both loaders."""
    note = textwrap.dedent("""\
        NO, yes, on: 2018-08-17 1:20 ~ null &a *a !!python/object {x: [y]}
        """)
    text = "note: |\n" + textwrap.indent(note, "  ")
    for loader in (yamlio.FAST_LOADER, yamlio.StrictLoader):
        assert yamlio._load(text, loader) == {"note": note}
