"""The words of `score`: the ranked table's title, headers, marks and their legend."""

from __future__ import annotations

from sanctions_check.render.wording.common import OUTLOOK_NAME

HEADERS = ("Case", "Band", OUTLOOK_NAME, "Coverage", "Limited by", "Top risk")
CAPPED_MARK = "↓"
CAPPED_NOTE = "↓ capped: a very weak core factor holds the band down (a gate)."
NO_BAND_CELL = "No band yet"
COVERAGE_NOTE = (
    "Coverage: the share of the questions answered; in brackets, of the questions an outside "
    "analyst can answer."
)


def no_band_note(minimum: str, outsiders: bool) -> str:
    """What 'No band yet' means in the table."""
    which = "the questions an outside analyst can answer" if outsiders else "the questions"
    return (
        f"{NO_BAND_CELL}: under {minimum} of {which} answered, or a core factor without an "
        "informative answer (every question unknown or not answered); the outlook is shown "
        "without a band."
    )


def coverage_cell(overall: str, outside: str) -> str:
    """'32% (36%)': overall, then of the questions an outside analyst can answer."""
    return f"{overall} ({outside})"


HYPOTHETICAL_MARK = " †"
HYPOTHETICAL_NOTE = "† hypothetical teaching case, not a real episode."
RISK_NOTE = (
    "Top risk: the highest rated unintended consequence, likelihood × severity (0-16), with "
    "the open ones counted (a side unknown or not rated, or the risk left out of the file); an "
    "open risk is never the top risk."
)
NO_CELL = "–"
PAST_HEADER = "Past lower"
PAST_NOTE = (
    "Past lower: how many of the library's coded past episodes score a lower outlook than the "
    "case (the case itself left out); `report` gives the levels, the nearest episodes and their "
    "verdicts. A description of those episodes, not a forecast."
)


def past_cell(lower: int, among: int) -> str:
    """'11 of 27': past episodes scoring lower than the case, of those it is placed among."""
    return f"{lower} of {among}"


def table_title(cases: int, framework_id: str, version: str) -> str:
    return f"Targeted-sanctions outlook, {cases} case(s) — framework {framework_id} {version}"


def markdown_title(framework_id: str, version: str) -> str:
    return f"Targeted-sanctions outlook — framework {framework_id} {version}"


def block_line(header: str, cell: str) -> str:
    """One figure of a case in the narrow layout, one block per case."""
    return f"  {header}: {cell}"


def band_with_span(band: str, low: str, high: str) -> str:
    """The band in a narrow column with the bands its range could reach: 'Moderate (G–F)'."""
    return f"{band} ({low}–{high})"


def span_legend(initials: str) -> str:
    """The legend of the bands a range could reach, named by their initials: 'G Guarded, …'."""
    return f"(G–F): the bands the outlook's range could reach ({initials})."


SPAN_LEGEND_FULL = "(Guarded–Favourable): the bands the outlook's range could reach."


def initial(label: str) -> str:
    return f"{label[:1]} {label}"


def risk_short(name: str, value: int, open_count: int) -> str:
    """The top rated risk in a table cell: 'Humanitarian harm 12 (+3 open)'."""
    opened = f" (+{open_count} open)" if open_count else ""
    return f"{name} {value}{opened}"


def no_rated_risk(open_count: int) -> str:
    """No risk rated: 'none rated (9 open)'."""
    return f"none rated ({open_count} open)"


ANALYST_NOT_NAMED = "analyst not named"


def as_of_text(as_of: str | None) -> str:
    """A version's date beside its id: 'as of 2026-01-05'."""
    return f"as of {as_of}" if as_of else "no as_of date"


def versioned_id(case_id: str, parts: list[str]) -> str:
    """A version's id with what tells it apart: 'kestria-2026 (B. Okafor, as of 2026-01-05)'."""
    return f"{case_id} ({', '.join(parts)})" if parts else case_id


def versions_note(counts: list[tuple[str, int]]) -> str:
    """The legend's line for the versions of one case id in a batch, each scored on its own."""
    listed = "; ".join(f"{case_id}: {n} versions" for case_id, n in counts)
    return (
        f"{listed}. Files of one case id by different analysts, or as of different dates, are "
        "versions: each is scored on its own, named by what tells it apart."
    )
