"""The words of the one-page brief (HTML and Markdown), some of which the bottom line shares."""

from __future__ import annotations

from sanctions_check.render.wording.common import NONE_RECORDED, number, plural
from sanctions_check.render.wording.report import NO_BASE_RATE

BRIEF_KICKER = "One-page brief · advisory, not a verdict or legal determination"
BRIEF_HYPOTHETICAL = "Hypothetical: an invented case for teaching"
BRIEF_BOTTOM_LINE = "Bottom line"
BRIEF_OUTSIDE_VIEW = "Outside view: base rates"
BRIEF_LIMITS = "What limits the outlook"
BRIEF_LEVERS = "Top levers"
BRIEF_RISKS = "Top risks and mitigations"
BRIEF_RED_FLAGS = "Red flags"
BRIEF_GAPS = "Data gaps"
BRIEF_FACTORS = "Factors (0-100)"
BRIEF_CAVEATS = "Caveats"
BRIEF_MORE = "More"
BRIEF_NO_PURPOSE = "not stated"
BRIEF_NO_IMPLEMENTERS = "not stated"
BRIEF_NO_FLAGS = "None raised."
BRIEF_RISK = "Risk"
BRIEF_RISK_RATING = "Likelihood × severity"
BRIEF_PLANNED = "Planned mitigation"
BRIEF_SUGGESTED = "Suggested mitigations"
BRIEF_NO_MITIGATION = NONE_RECORDED
BRIEF_KINDS = {"core": "core", "secondary": "secondary", "red_flag": "red flag"}
BRIEF_CHART_LEGEND = "Filled bar: score; outlined box: the range while questions are unknown."
BRIEF_SHORTENED = "Text ending in … is shortened here and given in full in the full report."
BRIEF_META_LABELS = {
    "case": "Case",
    "as_of": "As of",
    "assessed_on": "Assessed on",
    "implementers": "Imposed by",
    "purposes": "Purposes",
    "scope": "Scope",
    "framework": "Framework",
}


def brief_base_rate(name: str, figure: str | None) -> str:
    """'Signal: almost 60%' (the counts sentence is given once, below the list)."""
    return f"{name}: {figure}" if figure else f"{name}: {NO_BASE_RATE}"


def brief_base_rate_note(sources: list[str]) -> str:
    cited = f" Source: {'; '.join(sources)}." if sources else ""
    return (
        "Each figure: the share of UN targeted sanctions episodes pursuing that purpose that were "
        f"judged effective (UN sanctions in general, not atrocity cases alone).{cited}"
    )


def brief_lever_gain(factor_name: str, gain: int, lifts_cap: bool, show_gain: bool = True) -> str:
    lift = "; lifts the cap" if lifts_cap else ""
    points = f": up to +{gain} outlook points" if show_gain else ""
    return f"{factor_name}{points}{lift}"


def brief_flag(name: str, score: int | None) -> str:
    return f"{name}: {number(score)} of 100"


def brief_unresolved_gates(names: list[str], below: int, follows: str) -> str:
    """Core factors whose gate the range cannot rule out, and what would follow were one
    confirmed below it."""
    verb = "is" if len(names) == 1 else "are"
    which = "it" if len(names) == 1 else "one"
    return (
        f"Unresolved gate: {', '.join(names)} {verb} not answered far enough to rule out a score "
        f"below {below}; if {which} were, {follows}."
    )


def brief_open_risks(count: int, named: str) -> str:
    """The open risks, counted, then named with their reach."""
    return f"{plural(count, 'open risk')} (a side unknown or not rated): {named}"


def brief_open_risk(name: str, low: int, high: int) -> str:
    return f"{name} {low}–{high}"


# What each list the brief cuts is called, for the line that counts what it leaves out.
MORE = {
    "levers": "lever",
    "risks": "risk",
    "flags": "raised red flag",
    "factors": "factor",
    "limits": "limiting factor",
    "caveats": "caveat",
}


def more_of(count: int, what: str) -> str:
    """What the brief leaves out of one list, counted: '2 more levers'."""
    return plural(count, "more " + what)


def brief_full_report(case_file: str) -> str:
    return f"sanctions-check report {case_file} --format html"


def brief_where(left_out: list[str], case_file: str, shortened: bool) -> str:
    """The line that says where the rest is: what was left out and the command that shows it."""
    command = brief_full_report(case_file)
    shown = f"{', '.join(left_out)}, and " if left_out else ""
    tail = f" {BRIEF_SHORTENED}" if shortened else ""
    return f"The full report ({command}) has {shown}every answer with its note and sources.{tail}"


def brief_generated(framework: str, tool: str, generated: str) -> str:
    return f"Framework {framework}; {tool}; generated {generated}."
