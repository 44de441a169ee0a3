"""The analyst's own judgement beside the computed outlook: in every report format and the brief
("not given" when absent), the different-ways sentence exactly when the rule says (hypothesis),
never a claim without a band; `compare` shows a changed judgement and reason; `panel` shows each
analyst's judgement and their spread, and pools none; the scoring never reads it.

The fixtures under tests/data/judgement are invented cases: no bundled past episode carries a
judgement, since their sources state none from the time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import DATA, EXAMPLES, write
from sanctions_check.case import VIEWS, Judgement
from sanctions_check.render import judgement_view, report_view
from sanctions_check.render import report_markdown as markdown
from sanctions_check.scoring import assess
from test_scoring_properties import FW, PROPERTY, cases

GUARDED = DATA / "judgement" / "judged-guarded.yaml"  # Guarded, judged likely to help
MODERATE = DATA / "judgement" / "judged-moderate.yaml"  # Moderate, judged could help
DIFFERS = "point different ways"
REASON = "The partners move together and the targets bank abroad"
FORMATS = ("terminal", "markdown", "html", "json", "brief", "brief-md", "docx")


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def shown(cli, tmp_path: Path, case: Path, fmt: str) -> str:
    """The report in ``fmt`` as one line of text (a Word report read back)."""
    if fmt == "docx":
        out = tmp_path / "r.docx"
        result = cli("report", case, "-f", "docx", "-o", out, "--force", "--no-placement")
        assert result.exit_code == 0, result.stderr
        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    else:
        result = cli("report", case, "-f", fmt, "--no-placement")
        assert result.exit_code == 0, result.stderr
        text = result.stdout
    return " ".join(text.replace("&#x27;", "'").split())


def with_view(tmp_path: Path, source: Path, view: str) -> Path:
    text = source.read_text(encoding="utf-8")
    return write(tmp_path / source.name, re.sub(r"view: \S+", f"view: {view}", text))


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_shows_the_judgement_and_its_reason(cli, tmp_path, fmt):
    text = shown(cli, tmp_path, GUARDED, fmt)
    assert "likely to help" in text
    assert REASON in text
    assert DIFFERS in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_says_not_given_when_absent(cli, tmp_path, fmt):
    text = shown(cli, tmp_path, EXAMPLES / "libya-2011.yaml", fmt)
    assert "not given" in text
    assert DIFFERS not in text


@pytest.mark.parametrize(
    ("source", "view", "differs"),
    [
        (GUARDED, "likely", True),
        (GUARDED, "could", False),
        (GUARDED, "unlikely", False),
        (GUARDED, "cannot-judge", False),
        (MODERATE, "unlikely", True),
        (MODERATE, "likely", False),
        (MODERATE, "could", False),
    ],
)
def test_the_different_ways_sentence_in_the_terminal(cli, tmp_path, source, view, differs):
    case = with_view(tmp_path, source, view)
    result = cli("report", case, "--no-placement")
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert (DIFFERS in flat) is differs
    assert ("points a different way from the outlook's band" in flat) is differs  # bottom line
    data = json.loads(cli("report", case, "-f", "json", "--no-placement").stdout)
    assert data["judgement"]["differs"] is differs and data["judgement"]["view"] == view


def test_no_band_no_claim():
    """Without a band (the answers do not earn one) nothing is said to disagree with."""
    ids = [b.id for b in FW.bands]
    for view in VIEWS:
        built = judgement_view.build(Judgement(view, "Because."), None, None, ids)  # type: ignore[arg-type]
        assert not built.differs and built.differs_text is None


def _rule(view: str, band_id: str | None) -> bool:
    """The rule as the issue states it for four bands, from the band's place in the order."""
    ids = [b.id for b in FW.bands]
    if band_id is None:
        return False
    lower_half = ids.index(band_id) < len(ids) / 2
    return (view == "likely" and lower_half) or (view == "unlikely" and not lower_half)


@PROPERTY
@given(cases(), st.sampled_from(VIEWS))
def test_the_sentence_appears_exactly_when_the_rule_says(case, view):
    judged = case._replace(judgement=Judgement(view, "A reason.", None))
    report = report_view.build(assess(FW, judged))
    band = report.outlook.band
    expected = _rule(view, band.id if band else None)
    assert report.judgement is not None and report.judgement.differs is expected
    text = " ".join(markdown.render(report).split())
    assert (DIFFERS in text) is expected
    assert text.count(DIFFERS) <= 1


@PROPERTY
@given(cases())
def test_the_scoring_never_reads_the_judgement(case):
    outlooks = {
        view: assess(FW, case._replace(judgement=Judgement(view, "A reason."))).outlook
        for view in VIEWS
    }
    assert len({repr(o) for o in outlooks.values()} | {repr(assess(FW, case).outlook)}) == 1


# --- compare -------------------------------------------------------------------------------------


def test_compare_shows_a_changed_judgement_and_both_reasons(cli, tmp_path):
    old = GUARDED
    text = old.read_text(encoding="utf-8").replace("view: likely", "view: unlikely")
    new = write(tmp_path / "new.yaml", text.replace(REASON, "The targets hold nothing abroad"))
    result = cli("compare", old, new)
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert "Analyst's judgement: likely to help → unlikely to help." in flat
    assert f"old reason (2026-12-02): {REASON}" in flat
    assert "new reason (2026-12-02): The targets hold nothing abroad" in flat
    data = json.loads(cli("compare", old, new, "-f", "json").stdout)
    assert data["judgement"]["changed"] == ["view", "reason"]
    assert data["unchanged"] is False
    markdown_text = cli("compare", old, new, "-f", "markdown").stdout
    assert "likely to help → unlikely to help" in markdown_text


def test_compare_a_judgement_given_later_and_one_unchanged(cli, tmp_path):
    text = GUARDED.read_text(encoding="utf-8")
    without = write(tmp_path / "without.yaml", text.split("judgement:")[0])
    result = cli("compare", without, GUARDED)
    assert "Analyst's judgement: not given → likely to help." in " ".join(result.stdout.split())
    same = cli("compare", GUARDED, GUARDED)
    flat = " ".join(same.stdout.split())
    assert "Analyst's judgement: likely to help (unchanged)." in flat
    assert "No changes" in flat


# --- panel ---------------------------------------------------------------------------------------


def panel_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "panel"
    given = {
        "a": "judgement:\n  view: likely\n  reason: The minister banks abroad.\n",
        "b": "judgement:\n  view: unlikely\n  reason: The commanders hold nothing abroad.\n",
        "c": "",
    }
    for key, block in given.items():
        text = (DATA / "panel" / f"analyst-{key}.yaml").read_text(encoding="utf-8")
        write(folder / f"analyst-{key}.yaml", text + block)
    return folder


def test_panel_shows_each_judgement_and_the_spread_but_pools_none(cli, tmp_path):
    folder = panel_folder(tmp_path)
    data = json.loads(cli("panel", folder, "-f", "json").stdout)
    spread = {c["view"]: c for c in data["judgements"]["counts"]}
    assert {v: c["analysts"] for v, c in spread.items()} == {
        "likely": ["1"],
        "could": [],
        "unlikely": ["2"],
        "cannot-judge": [],
        "not-given": ["3"],
    }
    for count in spread.values():
        assert count["number"] == len(count["analysts"])
    assert [a["judgement"]["view"] for a in data["analysts"]] == ["likely", "unlikely", None]
    assert "judgement" not in data["pooled"]  # no pooled judgement is invented
    for fmt in ("terminal", "markdown", "html"):
        result = cli("panel", folder, "-f", fmt)
        assert result.exit_code == 0, result.stderr
        flat = " ".join(result.stdout.replace("&#x27;", "'").split())
        assert "Analysts' judgements" in flat
        assert "The commanders hold nothing abroad." in flat
        assert (
            "Spread: 1 likely to help, 0 could help, 1 unlikely to help, 0 cannot judge yet, "
            in flat
        )
        assert "1 not given (of 3 analysts)." in flat
        assert "No pooled judgement is formed" in flat
