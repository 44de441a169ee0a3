"""Property-based tests (hypothesis) of the loader and the scoring.

* Any YAML-ish text, any bytes, any mutation of a valid case: the loader returns data or raises
  the project's own InputError, never anything else (no traceback can reach the analyst).
* Any valid case, built from the mini framework and written the way the tool writes it, scores
  without crashing, and every score stays within 0-100 with low <= score <= high; the same
  holds with random weights, gates and bands.

The default run is short (shorter still outside CI). A longer fuzz run (docs/development.md):
    SANCTIONS_CHECK_FUZZ=20000 .venv/bin/python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import contextlib
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import EXAMPLES, MINI, ROOT, examples
from hostile import VALID
from sanctions_check import case as case_mod
from sanctions_check import framework as framework_mod
from sanctions_check import scoring, yamlio
from sanctions_check.checks import Checker
from sanctions_check.errors import InputError

EXAMPLES_RUN = int(os.environ.get("SANCTIONS_CHECK_FUZZ") or examples(150))
FUZZ = settings(
    max_examples=EXAMPLES_RUN,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
MINI_FW = framework_mod.load(MINI)
EPSILON = 1e-9

# Pieces that matter to a YAML parser, and to our loader's rules, glued together at random.
TOKENS = [
    ":",
    ": ",
    "-",
    "- ",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    '"',
    "#",
    "|",
    ">",
    "?",
    "? ",
    "---\n",
    "...\n",
    "&a ",
    "*a",
    "&b",
    "*b",
    "!!python/object/apply:os.system",
    "!!str ",
    "!!int ",
    "!!bool ",
    "!!float ",
    "!local ",
    "!<tag:x>",
    "%YAML 1.2\n",
    "%TAG ! x\n",
    "~",
    "null",
    "true",
    "NO",
    "yes",
    "on",
    "2018-08-17",
    "1e3",
    ".inf",
    ".nan",
    "0x1F",
    "1:20",
    "<<",
    "9" * 5000,
    "\\u",
    "\\x",
    "\\e",
    "\\ud800",
    "\\",
    "\ufeff",
    "\x85",
    "\u2028",
    "\x07",
    "\x1b[31m",
    "é",
    "中",
    "format: sanctions-check/case@1\n",
    "case:\n",
    "  id: x\n",
    "  title: t\n",
    "framework: mini@2\n",
    "answers:\n",
    "  alpha:\n",
    "    a1: 3\n",
    "risks:\n",
    "  harm: {likelihood: 2, severity: 3}\n",
    "score",
    "note",
    "key",
    "a",
    "0",
    "4",
]
yamlish = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=60).map(
    "".join
)


@FUZZ
@given(yamlish)
def test_parse_returns_data_or_raises_input_error(text):
    try:
        yamlio.parse(text, "fuzz.yaml")
    except InputError as exc:
        assert exc.problems and all(p.file == "fuzz.yaml" for p in exc.problems)


@FUZZ
@given(yamlish)
def test_case_loading_returns_a_case_or_raises_input_error(text):
    try:
        loaded = case_mod.loads(text, MINI_FW, "fuzz.yaml")
    except InputError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)
    else:
        scoring.assess(MINI_FW, loaded)


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_decode_to_text_or_raise_input_error(data):
    try:
        text = yamlio.decode_text(data, "fuzz.yaml", max_bytes=300)
    except InputError:
        return
    with contextlib.suppress(InputError):
        case_mod.loads(text, MINI_FW, "fuzz.yaml")


def _mutations():
    seeds = [VALID, MINI.read_text(encoding="utf-8")]
    seeds += [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))[:2]]
    edit = st.tuples(
        st.sampled_from(["insert", "delete", "replace"]),
        st.integers(0, 10**6),
        st.one_of(st.sampled_from(TOKENS), st.text(max_size=3)),
    )
    return st.tuples(st.sampled_from(seeds), st.lists(edit, min_size=1, max_size=6))


def _mutate(text: str, edits) -> str:
    for kind, position, piece in edits:
        at = position % (len(text) + 1)
        if kind == "insert":
            text = text[:at] + piece + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + len(piece) + 1 :]
        else:
            text = text[:at] + piece + text[at + len(piece) :]
    return text


@FUZZ
@given(_mutations())
def test_mutated_cases_and_frameworks_load_or_raise_input_error(seed_and_edits):
    seed, edits = seed_and_edits
    text = _mutate(seed, edits)
    with contextlib.suppress(InputError):
        case_mod.loads(text, MINI_FW, "fuzz.yaml")
    try:
        data = yamlio.parse(text, "fuzz.yaml")
    except InputError:
        return
    framework_mod._build(Checker(), data, "fuzz.yaml", "0" * 64)


# --- scoring properties -------------------------------------------------------------------

SCORES = st.one_of(st.integers(0, 4), st.just("unknown"), st.none())


@st.composite
def case_data(draw, framework: framework_mod.Framework) -> dict:
    """A case file's data: any subset of the framework's questions and risks, answered any way."""
    answers: dict = {}
    for factor in framework.factors:
        block = {}
        for question in factor.questions:
            if not draw(st.booleans()):
                continue
            score = draw(SCORES)
            if draw(st.booleans()):
                block[question.id] = score
            else:
                block[question.id] = {
                    "score": score,
                    "confidence": draw(st.sampled_from(["low", "medium", "high"])),
                    "note": draw(st.text(max_size=20).filter(str.strip)) or "n",
                }
        if block:
            answers[factor.id] = block
    risks = {}
    for risk in framework.risks:
        if draw(st.booleans()):
            risks[risk.id] = {"likelihood": draw(SCORES), "severity": draw(SCORES)}
    data = {
        "format": case_mod.FORMAT,
        "case": {
            "id": "fuzz",
            "title": draw(st.text(min_size=1, max_size=30).filter(str.strip)) or "t",
        },
        "framework": framework.ref,
        "answers": answers,
    }
    if risks:
        data["risks"] = risks
    return data


def _check_assessment(framework: framework_mod.Framework, data: dict) -> None:
    text = yamlio.dump(data)
    loaded = case_mod.loads(text, framework, "fuzz.yaml")  # written as the tool writes: valid
    result = scoring.assess(framework, loaded)
    for factor in result.factors:
        assert 0 - EPSILON <= factor.low <= factor.high <= 100 + EPSILON
        assert 0 <= factor.coverage <= 1 + EPSILON
        if factor.score is not None:
            assert factor.low - EPSILON <= factor.score <= factor.high + EPSILON
    outlook = result.outlook
    assert 0 - EPSILON <= outlook.low <= outlook.high <= 100 + EPSILON
    assert 0 <= outlook.coverage <= 1 + EPSILON
    if outlook.score is None:
        assert outlook.band is None
    else:
        assert outlook.low - EPSILON <= outlook.score <= outlook.high + EPSILON
        # A band exactly when it is earned; withheld, every band field is empty.
        assert (outlook.band is None) == (outlook.withheld is not None)
        if outlook.band is None:
            assert outlook.uncapped_band is outlook.band_low is outlook.band_high is None
        else:
            ranks = [band.id for band in framework.bands]
            assert ranks.index(outlook.band.id) <= ranks.index(outlook.uncapped_band.id)
    for lever in result.levers:
        assert 0 <= lever.gain <= 100 + EPSILON and 0 <= lever.current < 4
    for risk in result.risks:
        assert risk.value is None or 0 <= risk.value <= 16
        assert 0 <= risk.low <= risk.high <= 16
    assert result.top_risk is None or result.top_risk.known
    assert scoring.assess(framework, loaded) == result, "deterministic"


@FUZZ
@given(case_data(MINI_FW))
def test_any_valid_case_scores_within_bounds(data):
    _check_assessment(MINI_FW, data)


@pytest.mark.skipif(not (ROOT / "factors.yaml").is_file(), reason="no bundled framework yet")
@settings(parent=FUZZ, max_examples=max(EXAMPLES_RUN // 3, 20))
@given(st.data())
def test_any_valid_case_scores_within_bounds_on_the_bundled_framework(data):
    framework = _bundled()
    _check_assessment(framework, data.draw(case_data(framework)))


def _bundled() -> framework_mod.Framework:
    if not hasattr(_bundled, "cached"):
        _bundled.cached = framework_mod.load(ROOT / "factors.yaml")  # type: ignore[attr-defined]
    return _bundled.cached  # type: ignore[attr-defined]


WEIGHT = st.one_of(st.integers(1, 1000), st.floats(1e-6, 1e6, allow_nan=False))


@st.composite
def reweighted_frameworks(draw) -> framework_mod.Framework:
    """The mini framework with random weights, gate thresholds, bands and red-flag threshold."""
    text = MINI.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(\s+weight: )\d+$", lambda m: m.group(1) + repr(draw(WEIGHT)), text)
    cuts = sorted(draw(st.lists(st.integers(1, 99), min_size=3, max_size=3, unique=True)))
    text = (
        text.replace("min: 35", "min: {0}")
        .replace("min: 50", "min: {1}")
        .replace("min: 70", "min: {2}")
    )
    for i, cut in enumerate(cuts):
        text = text.replace(f"min: {{{i}}}", f"min: {cut}")
    text = text.replace("below: 25", f"below: {draw(st.integers(0, 100))}")
    threshold = draw(st.integers(0, 100))
    text = text.replace("red_flag_threshold: 50", f"red_flag_threshold: {threshold}")
    return _framework_from_text(text)


def _framework_from_text(text: str) -> framework_mod.Framework:
    checker = Checker()
    built = framework_mod._build(checker, yamlio.parse(text, "fuzz.yaml"), "fuzz.yaml", "0" * 64)
    assert checker.ok and built is not None, [f.message for f in checker.findings]
    return built


@FUZZ
@given(st.data())
def test_scores_stay_in_bounds_whatever_the_weights(data):
    framework = data.draw(reweighted_frameworks())
    _check_assessment(framework, data.draw(case_data(framework)))


@FUZZ
@given(
    st.dictionaries(
        st.text(max_size=10),
        st.one_of(st.text(max_size=60), st.integers(), st.booleans(), st.none()),
        max_size=5,
    )
)
def test_what_the_tool_writes_reads_back_unchanged(data):
    """A note, title or key the analyst typed survives save and load exactly (nothing lost)."""
    assert yamlio.parse(yamlio.dump(data), "saved.yaml") == data
