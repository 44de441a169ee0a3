"""`similar` and `backtest` through the real CLI: formats, defaults, errors, and hostile text."""

from __future__ import annotations

import json

import pytest

from helpers import DATA, EXAMPLES, MINI, write

HISTORY = DATA / "history"
LIBRARY = HISTORY / "library"
PROBE = LIBRARY / "probe.yaml"
FW = ("--framework", str(MINI))
CONTROL = {chr(c) for c in range(32) if chr(c) not in "\n"} | {"\x7f", "\x9b"}


def no_controls(text: str) -> None:
    found = sorted({repr(c) for c in text if c in CONTROL})
    assert not found, f"control characters in output: {found}"


def test_similar_terminal(cli):
    result = cli("similar", PROBE, "--library", LIBRARY, *FW)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "This case answers 90% of the outlook's weight." in out
    lines = [line.split() for line in out.splitlines() if line[:2] in ("1 ", "2 ", "3 ", "4 ")]
    assert [row[1] for row in lines] == ["h-delta", "h-alpha", "h-gamma", "h-beta"]
    assert lines[1][2:4] == ["13", "70%"]  # distance 12.5 shown rounded half up, overlap 70%
    assert "weak" in lines[2] and "weak" in lines[3]
    assert "Beta 75 here, 25 there" in out
    assert "h-probe: the case itself" in out and "h-hypo: a hypothetical case" in out
    assert "Not comparable (no question answered in both): h-apart." in out
    assert "not a forecast for this case" in out


def test_similar_json(cli):
    result = cli("similar", PROBE, "-l", LIBRARY, "-f", "json", *FW)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "sanctions-check/similar@3"
    assert [a["id"] for a in data["analogues"]] == ["h-delta", "h-alpha", "h-gamma", "h-beta"]
    assert data["analogues"][1]["verdict"] == "effective"


def test_similar_markdown(cli):
    result = cli("similar", PROBE, "-l", LIBRARY, "-f", "markdown", *FW)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("## Historical analogues of FICTIONAL probe case")
    assert "| 2 | FICTIONAL episode Alpha (invented, no real country) (h-alpha) | 13 | 70% |" in out
    assert "partly effective" in out and "In the sources' words: “Invented quote" in out


def test_similar_library_can_be_several_paths(cli):
    result = cli("similar", PROBE, "-l", LIBRARY / "alpha.yaml", "-l", LIBRARY / "beta.yaml", *FW)
    assert result.exit_code == 0, result.stderr
    assert "h-alpha" in result.stdout and "h-beta" in result.stdout
    assert "h-delta" not in result.stdout


def test_similar_weak_case_says_so(cli, tmp_path):
    sparse = write(
        tmp_path / "sparse.yaml",
        "format: sanctions-check/case@1\ncase: {id: sparse, title: FICTIONAL sparse}\n"
        "framework: mini@2\nanswers:\n  beta:\n    b1: 2\n",
    )
    result = cli("similar", sparse, "-l", LIBRARY, *FW)
    assert result.exit_code == 0, result.stderr
    assert "Weak analogues: this case answers only 10% of the outlook's weight" in " ".join(
        result.stdout.split()
    )
    data = json.loads(cli("similar", sparse, "-l", LIBRARY, "-f", "json", *FW).stdout)
    assert data["weak"] is True and all(a["weak"] for a in data["analogues"])


def test_similar_defaults_to_the_bundled_examples(cli):
    case = EXAMPLES / "hypothetical-republic-of-aldovia.yaml"
    result = cli("similar", case, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    ids = {a["id"] for a in data["analogues"]} | {a["id"] for a in data["not_comparable"]}
    assert "myanmar-2017" in ids
    assert data["case"]["id"] not in ids
    assert all(e["reason"] in ("self", "hypothetical") for e in data["excluded"])


def test_similar_invalid_library_file_is_listed_and_the_rest_used(cli, tmp_path):
    folder = tmp_path / "lib"
    for name in ("alpha.yaml", "beta.yaml"):
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes((LIBRARY / name).read_bytes())
    write(folder / "broken.yaml", "format: sanctions-check/case@1\ncase: [\n")
    result = cli("similar", PROBE, "-l", folder, *FW)
    assert result.exit_code == 1
    assert "h-alpha" in result.stdout and "h-beta" in result.stdout
    assert "broken.yaml:" in result.stderr and "Traceback" not in result.stderr
    assert "2 case(s) used, 1 invalid." in result.stderr


def test_similar_invalid_case_fails_cleanly(cli, tmp_path):
    bad = write(tmp_path / "bad.yaml", "format: sanctions-check/case@1\ncase: {id: x}\n")
    result = cli("similar", bad, "-l", LIBRARY, *FW)
    assert result.exit_code == 1
    assert "bad.yaml" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_similar_missing_library_folder(cli, tmp_path):
    result = cli("similar", PROBE, "-l", tmp_path / "nowhere", *FW)
    assert result.exit_code == 1
    assert "no such file or folder" in result.stderr
    assert "No episode in the library can be compared" in " ".join(result.stdout.split())


def test_backtest_terminal(cli):
    result = cli("backtest", HISTORY / "backtest", *FW)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "not a measure of forecast accuracy" in out
    assert "Outlook: concordance 0.94 (95% bootstrap interval" in out
    assert "5 cases, 8 comparable pairs (7 concordant, 0 discordant, 1 tied)" in out
    assert "never fits" in out
    assert "bt-e6: the sources' verdict is unclear" in out
    assert "bt-hypo: a hypothetical case" in out and "bt-e7: no outcome recorded" in out


def test_backtest_json_is_deterministic(cli):
    first = cli("backtest", HISTORY / "backtest", "-f", "json", *FW)
    files = sorted((HISTORY / "backtest").glob("*.yaml"), reverse=True)
    second = cli("backtest", *files, "-f", "json", *FW)
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["schema"] == "sanctions-check/backtest@4"
    assert data["outlook"]["concordance"] == 0.94  # a share: two decimals, half up


def test_backtest_markdown(cli):
    result = cli("backtest", HISTORY / "backtest", "-f", "markdown", *FW)
    assert result.exit_code == 0, result.stderr
    assert "| Outlook | Outlook | 5 | 8 | 0.94 |" in result.stdout
    assert "| Flag | red flag | 5 | 8 | 0.00 |" in result.stdout


def test_backtest_with_no_valid_file(cli, tmp_path):
    write(tmp_path / "broken.yaml", "format: sanctions-check/case@1\ncase: [\n")
    result = cli("backtest", tmp_path, *FW)
    assert result.exit_code == 1
    assert "no valid case file" in result.stderr and "Traceback" not in result.stderr


def test_backtest_refuses_a_repeated_id(cli, tmp_path):
    for name in ("e1.yaml", "e4.yaml"):
        (tmp_path / name).write_bytes((HISTORY / "backtest" / name).read_bytes())
    (tmp_path / "again.yaml").write_bytes((HISTORY / "backtest" / "e1.yaml").read_bytes())
    result = cli("backtest", tmp_path, "-f", "json", *FW)
    assert result.exit_code == 1
    assert "case id 'bt-e1' is also used by" in result.stderr
    assert json.loads(result.stdout)["outlook"]["pairs"] == 1


HOSTILE_TITLE = (
    "[bold red]x[/] <script>alert(1)</script> a|b \\e[31mred\\e[0m **bold** `code`"
    "\\n## not a heading"
)
HOSTILE_QUOTE = (
    "[link=https://evil.example]Click[/link] | cell | \\e]8;;https://evil.example\\aLINK"
)
HOSTILE_NOTE = "# not a heading\\n<img src=x onerror=alert(2)> \\e[2J"


@pytest.fixture
def hostile_library(tmp_path):
    """A fictional episode whose title, outcome quote and note carry markup and escapes."""
    folder = tmp_path / "hostile"
    text = (LIBRARY / "alpha.yaml").read_text(encoding="utf-8")
    text = text.replace(
        '"FICTIONAL episode Alpha (invented, no real country)"', f'"{HOSTILE_TITLE}"'
    )
    text = text.replace(
        '"Invented quote for tests: the fictional measures were judged effective."',
        f'"{HOSTILE_QUOTE}"\n  note: "{HOSTILE_NOTE}"',
    )
    write(folder / "alpha.yaml", text)
    write(folder / "e4.yaml", (HISTORY / "backtest" / "e4.yaml").read_text(encoding="utf-8"))
    return folder


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json"])
def test_similar_keeps_hostile_text_inert(cli, hostile_library, fmt):
    result = cli("similar", PROBE, "-l", hostile_library, "-f", fmt, *FW)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    no_controls(out)
    if fmt == "json":
        data = json.loads(out)
        alpha = next(a for a in data["analogues"] if a["id"] == "h-alpha")
        assert alpha["title"].startswith("[bold red]x[/] <script>")
        assert alpha["outcome"]["quote"].startswith("[link=https://evil.example]")
        assert "<img src=x" in alpha["outcome"]["note"]
    elif fmt == "markdown":
        assert "<script" not in out and "&lt;script&gt;" in out
        assert "\\[bold red\\]" in out and "\\*\\*bold\\*\\*" in out and "a\\|b" in out
        assert "\\[link=https://evil.example\\]" in out
        assert not any(line.startswith(("## not", "\\#\\# not")) for line in out.splitlines())
    else:
        flat = " ".join(out.split())
        assert "[bold red]x[/]" in flat  # markup shown literally
        assert "[link=https://evil.example]Click[/link]" in flat
        assert "LINK" in flat


def test_similar_hostile_title_cannot_forge_a_colour_on_a_terminal(hostile_library, tmp_path):
    """Even a forced colour console gets no escape sequence from the case file."""
    import io

    from rich.console import Console

    from sanctions_check import analogues, history
    from sanctions_check import case as case_mod
    from sanctions_check import framework as framework_mod
    from sanctions_check.render import similar_view
    from sanctions_check.render.similar_terminal import SimilarTerminal
    from sanctions_check.scoring import assess

    fw = framework_mod.load(MINI)
    found = history.load([str(hostile_library)], fw, 1 << 20)
    result = analogues.similar(assess(fw, case_mod.load(PROBE, fw)), found.assessments)
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100)
    SimilarTerminal().draw(similar_view.build(result), console)
    out = buffer.getvalue()
    assert "\x1b[31mred" not in out and "\x1b]8;;" not in out and "\x1b[2J" not in out
    assert "[bold red]x[/]" in out


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json"])
def test_backtest_keeps_hostile_text_inert(cli, hostile_library, fmt):
    result = cli("backtest", hostile_library, "-f", fmt, *FW)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    no_controls(out)
    if fmt == "markdown":
        assert "<script" not in out and "&lt;script&gt;" in out and "a\\|b" in out
    elif fmt == "json":
        titles = {e["id"]: e["title"] for e in json.loads(out)["episodes"]}
        assert titles["h-alpha"].startswith("[bold red]x[/]")


def test_help_lists_the_history_commands(cli):
    out = cli("--help").stdout
    assert "similar" in out and "backtest" in out


def test_library_cannot_be_standard_input(cli):
    result = cli("similar", PROBE, "-l", "-", *FW)
    assert result.exit_code == 2 and "not standard input" in result.stderr


def test_bundled_library_with_another_framework_explains_itself(cli):
    result = cli("similar", PROBE, *FW)
    assert result.exit_code == 1
    assert "pass --library with episodes answered against that framework" in result.stderr
    assert "Traceback" not in result.stderr


def test_verdicts_on_the_case_purposes_are_shown(cli, tmp_path):
    text = (LIBRARY / "alpha.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  verdict: effective\n", "  verdict: partly\n  by_purpose:\n    coerce: ineffective\n"
    )
    write(tmp_path / "lib" / "alpha.yaml", text)
    probe = PROBE.read_text(encoding="utf-8").replace(
        "  hypothetical: false\n", "  purpose: [coerce]\n"
    )
    case = write(tmp_path / "probe.yaml", probe)
    result = cli("similar", case, "-l", tmp_path / "lib", "-f", "markdown", *FW)
    assert result.exit_code == 0, result.stderr
    assert "On coerce: ineffective." in result.stdout
    data = json.loads(cli("similar", case, "-l", tmp_path / "lib", "-f", "json", *FW).stdout)
    assert data["analogues"][0]["purpose_verdicts"] == {"coerce": "ineffective"}


def test_similar_reads_the_case_from_standard_input(cli):
    result = cli("similar", "-", "-l", LIBRARY, "-f", "json", *FW, input=PROBE.read_bytes())
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["case"]["file"] == "<stdin>"
    assert ("h-probe", "self") in {(e["id"], e["reason"]) for e in data["excluded"]}
