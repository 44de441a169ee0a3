"""Folders of one case: files of one case id by different analysts, or as of different dates, are
versions, each validated, scored and shown with what tells it apart; a file that repeats another's
id, analyst and as_of is a duplicate, and an error naming both files.

Through the real CLI (CliRunner), every format of `score` and `validate`; the naming rule itself
is property-tested over random batches.
"""

from __future__ import annotations

import csv
import io
import json
import shutil

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import DATA, MINI, examples, write
from sanctions_check.render import versions

FW = ("--framework", str(MINI))
PANEL = DATA / "panel"
WEAK = (DATA / "mini-cases" / "weak.yaml").read_text(encoding="utf-8")


def version(analyst: str | None = None, as_of: str | None = None, case_id: str = "weak") -> str:
    """The weak mini case as one version: its analyst and as_of date, when given."""
    extra = ""
    if analyst is not None:
        extra += f"  analyst: {analyst}\n"
    if as_of is not None:
        extra += f'  as_of: "{as_of}"\n'
    text = WEAK.replace("  id: weak\n", f"  id: {case_id}\n")
    return text.replace("  title: Weak case\n", "  title: Weak case\n" + extra)


def test_a_panels_folder_is_scored_version_by_version(cli):
    result = cli("score", PANEL)
    assert result.exit_code == 0, result.stderr
    for analyst in ("Analyst A", "Analyst B", "Analyst C"):
        assert f"aldovia-panel ({analyst})" in " ".join(result.stdout.split())
    assert "aldovia-panel: 3 versions." in result.stdout
    assert "3 case(s) scored, 0 invalid." in result.stderr
    assert "unique" not in result.stderr


def test_versions_in_markdown_json_and_csv(cli):
    markdown = cli("score", PANEL, "-f", "markdown").stdout
    for analyst in ("Analyst A", "Analyst B", "Analyst C"):
        assert f"| aldovia-panel ({analyst}) †" in markdown
    rows = json.loads(cli("score", PANEL, "-f", "json").stdout)["cases"]
    assert [(r["id"], r["analyst"], r["as_of"]) for r in rows] == [
        ("aldovia-panel", f"Analyst {x}", None) for x in "ABC"
    ]
    table = list(csv.DictReader(io.StringIO(cli("score", PANEL, "-f", "csv").stdout)))
    assert [(r["id"], r["analyst"], r["as_of"]) for r in table] == [
        ("aldovia-panel", f"Analyst {x}", "") for x in "ABC"
    ]


def test_versions_by_date_are_named_by_their_date(cli, tmp_path):
    write(tmp_path / "january.yaml", version("Ana", "2026-01-05"))
    write(tmp_path / "march.yaml", version("Ana", "2026-03-01"))
    result = cli("score", tmp_path, *FW)
    assert result.exit_code == 0, result.stderr
    assert "weak (as of 2026-01-05)" in result.stdout
    assert "weak (as of 2026-03-01)" in result.stdout
    assert "Ana" not in result.stdout  # the analyst does not tell these two apart
    lines = cli("validate", tmp_path, *FW).stdout.splitlines()
    assert lines == [
        f"{tmp_path / 'january.yaml'}: ok — weak (as of 2026-01-05), one of 2 versions of its case",
        f"{tmp_path / 'march.yaml'}: ok — weak (as of 2026-03-01), one of 2 versions of its case",
    ]


def test_versions_by_analyst_and_date_name_both(cli, tmp_path):
    write(tmp_path / "a1.yaml", version("Ana", "2026-01-05"))
    write(tmp_path / "a2.yaml", version("Ana", "2026-03-01"))
    write(tmp_path / "b1.yaml", version("Bo", "2026-01-05"))
    write(tmp_path / "c.yaml", version())
    out = " ".join(cli("score", tmp_path, *FW).stdout.split())
    for label in (
        "weak (Ana, as of 2026-01-05)",
        "weak (Ana, as of 2026-03-01)",
        "weak (Bo, as of 2026-01-05)",
        "weak (analyst not named, no as_of date)",
    ):
        assert label in out
    assert "weak: 4 versions." in out


def test_a_case_whose_id_is_its_own_is_shown_alone(cli, tmp_path):
    write(tmp_path / "a.yaml", version("Ana", case_id="first"))
    write(tmp_path / "b.yaml", version("Bo", case_id="second"))
    result = cli("score", tmp_path, *FW)
    assert "(Ana)" not in result.stdout and "versions" not in result.stdout
    assert cli("validate", tmp_path, *FW).stdout.splitlines() == [
        f"{tmp_path / 'a.yaml'}: ok",
        f"{tmp_path / 'b.yaml'}: ok",
    ]


def test_a_true_duplicate_is_an_error_naming_both_files(cli, tmp_path):
    first = write(tmp_path / "a.yaml", version("Ana Diaz", "2026-01-05"))
    again = write(tmp_path / "b.yaml", version("  ana   DIAZ ", "2026-01-05"))  # the same analyst
    for command in ("score", "validate"):
        result = cli(command, tmp_path, *FW)
        assert result.exit_code == 1
        assert f"{again}: error: case.id: case id 'weak' is also used by {first}" in result.stderr
        assert "a duplicate, not a version" in result.stderr
    assert "1 valid, 1 invalid." in cli("validate", tmp_path, *FW).stderr


def test_a_file_named_twice_is_a_duplicate(cli, tmp_path):
    path = write(tmp_path / "a.yaml", version("Ana"))
    link = tmp_path / "link.yaml"
    link.symlink_to(path)
    result = cli("score", path, link, *FW)
    assert result.exit_code == 1 and "a duplicate, not a version" in result.stderr


def test_fail_under_names_versions_apart(cli, tmp_path):
    write(tmp_path / "a.yaml", version("Ana"))
    write(tmp_path / "b.yaml", version("Bo"))
    result = cli("score", tmp_path, "--fail-under", "90", *FW)
    assert result.exit_code == 3
    assert "below --fail-under 90: weak (Ana), weak (Bo)" in result.stderr


def test_a_panel_still_refuses_one_analyst_twice(cli, tmp_path):
    """`panel` keeps its own rule: each analyst once, whatever the dates (pass one round)."""
    write(tmp_path / "a1.yaml", version("Ana", "2026-01-05"))
    write(tmp_path / "a2.yaml", version("Ana", "2026-03-01"))
    write(tmp_path / "b.yaml", version("Bo", "2026-01-05"))
    result = cli("panel", tmp_path, *FW)
    assert result.exit_code == 1
    assert "analyst 'Ana' also answered" in result.stderr


def test_validate_counts_the_warnings_it_prints(cli, tmp_path):
    """'ok, N warnings': N is the number of warning lines printed for that file."""
    older = WEAK.replace("framework: mini@2", "framework: mini@1") + (
        "  gone:\n    likelihood: 1\n    severity: 1\n"
    )
    older += "references:\n  SRC: https://example.org\n"
    older = older.replace("mitigation: Coordinate with partners.", "mitigation: See [OTHER].")
    path = write(tmp_path / "older.yaml", older)
    clean = write(tmp_path / "clean.yaml", (DATA / "mini-cases" / "strong.yaml").read_text())
    result = cli("validate", path, clean, *FW)
    assert result.exit_code == 0, result.stderr
    printed = [line for line in result.stderr.splitlines() if line.startswith(f"{path}:")]
    assert all(": warning:" in line for line in printed)
    assert len(printed) == 3
    assert result.stdout.splitlines() == [f"{path}: ok, 3 warnings", f"{clean}: ok"]


def test_one_warning_is_one(cli, tmp_path):
    text = WEAK + "references:\n  SRC: https://example.org\n"
    path = write(tmp_path / "one.yaml", text.replace("partners.", "partners [OTHER]."))
    assert cli("validate", path, *FW).stdout == f"{path}: ok, 1 warning\n"


def test_a_copied_panel_folder_beside_the_original(cli, tmp_path):
    """The same panel twice (a copy of the folder): every copy is a duplicate of its original."""
    shutil.copytree(PANEL, tmp_path / "one")
    shutil.copytree(PANEL, tmp_path / "two")
    result = cli("validate", tmp_path)
    assert result.exit_code == 1
    assert "3 valid, 3 invalid." in result.stderr
    assert result.stderr.count("a duplicate, not a version") == 3


class Row:
    def __init__(self, file: str, analyst: str | None, as_of: str | None, case_id: str) -> None:
        self.file, self.analyst, self.as_of, self.id = file, analyst, as_of, case_id


NAMES = st.sampled_from([None, "Ana", "ana", " Ana  ", "Bo", "Cy Dee", ""])
DATES = st.sampled_from([None, "2026-01-05", "2026-03-01"])
IDS = st.sampled_from(["kestria-2026", "other"])


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.tuples(IDS, NAMES, DATES), max_size=12))
def test_versions_are_always_told_apart(keys):
    """Over any batch of distinct versions: no two files are named alike, an id no other file
    has is shown alone, and each name counts the files that share its id."""
    from sanctions_check.batch import version_key

    seen: dict[tuple[str, str, str], int] = {}
    rows = []
    for i, (case_id, analyst, as_of) in enumerate(keys):
        if seen.setdefault(version_key(case_id, analyst, as_of), i) != i:
            continue  # a duplicate: refused by the batch before anything is shown
        rows.append(Row(f"f{i}.yaml", analyst, as_of, case_id))
    shown = versions.shown(rows)
    labels = [shown[row.file].label for row in rows]
    assert len(set(labels)) == len(labels)
    for row in rows:
        sharing = sum(1 for other in rows if other.id == row.id)
        assert shown[row.file].versions == sharing
        assert (shown[row.file].label == row.id) == (sharing == 1)
        assert shown[row.file].label.startswith(row.id)


BACKTEST = DATA / "history" / "backtest"


def _coded_by(name: str, analyst: str) -> str:
    text = (BACKTEST / name).read_text(encoding="utf-8")
    return text.replace("  title:", f"  analyst: {analyst}\n  title:", 1)


def test_a_library_counts_each_episode_once(cli, tmp_path):
    """Two coders' files of one episode: the library uses the first, and says why it left out
    the other (exit 1); `score` of the same folder keeps both."""
    write(tmp_path / "a-e1.yaml", _coded_by("e1.yaml", "Coder A"))
    write(tmp_path / "b-e1.yaml", _coded_by("e1.yaml", "Coder B"))
    write(tmp_path / "e4.yaml", (BACKTEST / "e4.yaml").read_text(encoding="utf-8"))
    result = cli("backtest", tmp_path, "-f", "json", *FW)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["outlook"]["pairs"] == 1  # bt-e1 counted once
    assert f"{tmp_path / 'b-e1.yaml'}: error: case.id: case id 'bt-e1' is also used by" in (
        result.stderr
    )
    assert "another version of the same episode (analyst 'Coder B', not 'Coder A')" in result.stderr
    assert "counts each episode once" in result.stderr
    scored = cli("score", tmp_path, *FW)
    assert scored.exit_code == 0, scored.stderr
    assert "bt-e1 (Coder A)" in scored.stdout and "bt-e1 (Coder B)" in scored.stdout


def test_a_library_names_a_true_duplicate_as_such(cli, tmp_path):
    write(tmp_path / "e1.yaml", (BACKTEST / "e1.yaml").read_text(encoding="utf-8"))
    write(tmp_path / "e1-copy.yaml", (BACKTEST / "e1.yaml").read_text(encoding="utf-8"))
    write(tmp_path / "e4.yaml", (BACKTEST / "e4.yaml").read_text(encoding="utf-8"))
    result = cli("backtest", tmp_path, *FW)
    assert result.exit_code == 1
    assert "a duplicate, not a version" in result.stderr


@settings(max_examples=examples(40), deadline=None)
@given(
    stale=st.integers(min_value=0, max_value=4),
    older=st.booleans(),
    undefined=st.booleans(),
)
def test_ok_counts_exactly_the_warnings_printed(stale, older, undefined):
    """'FILE: ok, N warnings': N is always the number of warning lines printed for the file."""
    import tempfile
    from pathlib import Path

    from typer.testing import CliRunner

    from helpers import ENV
    from sanctions_check.cli import app

    text = WEAK.replace("framework: mini@2", "framework: mini@1") if older or stale else WEAK
    text += "".join(f"  gone{i}:\n    likelihood: 1\n    severity: 1\n" for i in range(stale))
    text += "references:\n  SRC: https://example.org\n"
    if undefined:
        text = text.replace("partners.", "partners [OTHER].")
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "case.yaml", text)
        result = CliRunner().invoke(app, ["validate", str(path), *FW], env=ENV)
    assert result.exit_code == 0, result.stderr
    printed = sum(1 for line in result.stderr.splitlines() if line.startswith(f"{path}:"))
    assert printed >= (1 if older or stale else 0) + (1 if undefined else 0)
    shown = f", {printed} warning{'' if printed == 1 else 's'}" if printed else ""
    assert result.stdout == f"{path}: ok{shown}\n"
