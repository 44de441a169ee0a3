"""The advisory summary in a terminal: printed after `assess` and by `report` by default.

Every piece of text reaches rich as a ``Text`` object built from ``textsafe.plain``, never as
markup, so a note holding ``[bold]`` or an escape sequence prints as the literal characters.
"""

from __future__ import annotations

from typing import Any

from sanctions_check import textsafe
from sanctions_check.render import report_model, wording
from sanctions_check.scoring import Assessment

BAND_STYLES = {0: "red", 1: "yellow", 2: "cyan", 3: "green"}
RISK_STYLES = {"high": "red", "medium": "yellow", "low": "green"}


def render(assessment: Assessment, console: Any) -> None:
    """Print the advisory summary of one assessment to a rich Console."""
    render_model(report_model.build(assessment), console)


def _t(text: object, style: str = "") -> Any:
    from rich.text import Text

    return Text(textsafe.plain(text), style=style)


def _heading(console: Any, title: str) -> None:
    console.print()
    console.print(_t(title, "bold underline"))


def paragraph(
    console: Any, text: object, style: str = "", indent: int = 2, first: str = ""
) -> None:
    """A wrapped, indented paragraph (hanging after ``first``) without trailing spaces."""
    import textwrap

    width = max((console.width or 80) - indent - len(first), 20)
    lines = textwrap.wrap(
        textsafe.one_line(text), width=width, break_long_words=False, break_on_hyphens=False
    ) or [""]
    pad = " " * indent
    console.print(
        _t(
            "\n".join(
                (pad + first if i == 0 else pad + " " * len(first)) + line
                for i, line in enumerate(lines)
            ),
            style,
        ),
        soft_wrap=True,
    )


def bullet(console: Any, text: object, style: str = "") -> None:
    paragraph(console, text, style, first="• ")


def render_model(report: dict[str, Any], console: Any) -> None:
    """Print a report model (report_model.build) as the terminal advisory summary."""
    _header(report, console)
    _outlook(report, console)
    _factors(report, console)
    _findings(report, console)
    _risks(report, console)
    _purposes(report, console)
    _gaps(report, console)
    _closing(report, console)


def _header(report: dict[str, Any], console: Any) -> None:
    from rich.panel import Panel
    from rich.text import Text

    case = report["case"]
    body = Text()
    body.append(textsafe.plain(case["title"]), style="bold")
    details = [f"case {case['id']}"]
    for key, label in (("country", ""), ("assessed_on", "assessed "), ("analyst", "by ")):
        if case[key]:
            details.append(f"{label}{textsafe.one_line(case[key])}")
    body.append("\n" + " · ".join(textsafe.plain(d) for d in details), style="dim")
    if case["hypothetical"]:
        body.append("\nHypothetical case (invented for teaching)", style="italic")
    for key, label in (("situation", "Situation"), ("measures", "Measures")):
        if case[key]:
            body.append(f"\n{label}: ", style="bold")
            body.append(textsafe.one_line(case[key], limit=400))
    console.print(Panel(body, title="Advisory summary", title_align="left"))
    paragraph(console, report["advisory"], "dim", indent=0)
    for warning in report["warnings"]:
        paragraph(console, f"Note: {warning}", "yellow", indent=0)


def _band_style(report: dict[str, Any], band_id: str | None) -> str:
    ids = [b["id"] for b in report["bands"]]
    if band_id not in ids:
        return ""
    rank = ids.index(band_id)
    return BAND_STYLES.get(round(rank * 3 / max(len(ids) - 1, 1)), "")


def _outlook(report: dict[str, Any], console: Any) -> None:
    from rich.text import Text

    outlook = report["outlook"]
    band = outlook["band"]
    _heading(console, wording.OUTLOOK_NAME)
    line = Text("  ")
    line.append(
        textsafe.plain(outlook["text"]),
        style="bold " + _band_style(report, band["id"] if band else None),
    )
    console.print(line)
    console.print(
        _t(
            f"  {wording.range_bar(outlook['score'], outlook['low'], outlook['high'], 40)}"
            f"  {wording.number(outlook['score'])}"
        )
    )
    if band:
        paragraph(console, f"{band['label']}: {band['meaning']}")
    for gate in outlook["gates"]:
        paragraph(
            console,
            "Gate: "
            + wording.gate_text(
                gate["factor_name"], gate["score"], gate["below"], gate["cap_label"], gate["reason"]
            ),
            "yellow",
        )
    if outlook["provisional_text"]:
        paragraph(console, outlook["provisional_text"], "yellow")
    paragraph(console, outlook["explained"], "dim")


def _factors(report: dict[str, Any], console: Any) -> None:
    from rich import box
    from rich.table import Table

    _heading(console, "Factors")
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1))
    narrow = (console.width or 80) < 100
    grid.add_column("Factor", overflow="fold", min_width=20, ratio=1)
    grid.add_column("0-100", no_wrap=True, min_width=20)
    grid.add_column("Score (range)", overflow="fold", max_width=16 if narrow else None)
    grid.add_column("Coverage", justify="right", no_wrap=True, min_width=8)
    for factor in report["factors"]:
        name = _t(factor["name"])
        name.append(f" ({factor['kind_label']})", style="dim")
        grid.add_row(
            name,
            _t(wording.range_bar(factor["score"], factor["low"], factor["high"])),
            _t(factor["score_text"]),
            _t(wording.percent(factor["coverage"])),
        )
    console.print(grid)
    paragraph(console, f"{wording.RANGE_BAR_LEGEND}. {wording.RED_FLAG_SCALE}.", "dim")
    _heading(console, "Evidence behind each factor")
    for factor in report["factors"]:
        bullet(console, f"{factor['name']}: {factor['evidence']}")


def _findings(report: dict[str, Any], console: Any) -> None:
    _heading(console, "What limits the outlook")
    if not report["limits"]:
        bullet(console, "No core factor has answers yet, so no limiting factor can be named.")
    for limit in report["limits"]:
        bullet(console, f"{limit['factor_name']}: {limit['why']}")
    _heading(console, "Strengths")
    if not report["strengths"]:
        bullet(
            console,
            f"No factor reaches the top band ({report['bands'][-1]['label']}, "
            f"{report['bands'][-1]['min']:g}+).",
        )
    for strength in report["strengths"]:
        bullet(console, f"{strength['factor_name']}: {wording.number(strength['score'])}")
    _heading(console, "Top levers")
    if not report["levers"]:
        bullet(console, "No answered question below the top level.")
    for number, lever in enumerate(report["levers"], 1):
        gate = "; would lift the cap" if lever["lifts_gate"] else ""
        paragraph(console, lever["question"], "bold", first=f"{number}. ")
        paragraph(
            console,
            f"{lever['factor_name']}, now {lever['current']} of 4: up to "
            f"+{lever['gain']:.1f} outlook points{gate}",
            "dim",
            indent=5,
        )
        paragraph(console, lever["advice"], indent=5)
    _heading(console, "Red flags")
    if not report["red_flags"]:
        bullet(console, f"None raised (threshold {report['red_flag_threshold']:g}).")
    for flag in report["red_flags"]:
        bullet(console, f"{flag['name']}: {wording.number(flag['score'])} of 100", "bold red")
        for advice in flag["advice"]:
            paragraph(console, advice, indent=4)


def _risks(report: dict[str, Any], console: Any) -> None:
    from rich.table import Table

    _heading(console, "Risks of unintended consequences (likelihood × severity)")
    if report["risks"]:
        grid = Table(show_edge=False, pad_edge=False, box=None, padding=(0, 1))
        grid.add_column("Risk", overflow="fold", ratio=1)
        grid.add_column("L × S", no_wrap=True)
        grid.add_column("Level", no_wrap=True)
        grid.add_column("Mitigation", overflow="fold", ratio=3)
        for risk in report["risks"]:
            planned = risk["mitigation"] or "none recorded"
            suggested = wording.sentences(risk["suggested_mitigations"])
            grid.add_row(
                _t(risk["name"]),
                _t(f"{_level(risk['likelihood'])} × {_level(risk['severity'])}"),
                _t(risk["text"], RISK_STYLES.get(risk["band"] or "", "")),
                _t(f"Planned: {textsafe.plain(planned)}\nSuggested: {suggested}"),
            )
        console.print(grid)
    else:
        bullet(console, "No risk rated in the case file.")
    if report["risks_not_rated"]:
        names = ", ".join(r["name"] for r in report["risks_not_rated"])
        paragraph(console, f"Not rated: {names}", "dim")


def _level(value: object) -> str:
    return "?" if value is None else str(value)


def _purposes(report: dict[str, Any], console: Any) -> None:
    _heading(console, "Purposes and base rates")
    if not report["purposes"]:
        bullet(
            console,
            "The case file names no purpose; base rates differ by purpose "
            "(see `sanctions-check factors --format json`).",
        )
    for purpose in report["purposes"]:
        bullet(console, f"{purpose['name']}: {wording.base_rate_text(purpose['base_rate'])}")


def _gaps(report: dict[str, Any], console: Any) -> None:
    _heading(console, "Data gaps")
    if not report["gaps"]:
        bullet(console, "None: every question answered with at least medium confidence.")
    for gap in report["gaps"]:
        where = f"{gap['factor_name']}: " if gap["factor_name"] and gap["question_id"] else ""
        bullet(console, f"{gap['kind_label']}: {where}{textsafe.one_line(gap['text'])}")


def _source(source: dict[str, Any]) -> str:
    return wording.source_label(source["title"], source["publisher"], source["year"])


def _closing(report: dict[str, Any], console: Any) -> None:
    _heading(console, "Caveats")
    for caveat in report["caveats"]:
        bullet(console, caveat["text"])
    method = report["method"]
    fw = method["framework"]
    _heading(console, "Method")
    paragraph(console, method["text"], "dim")
    paragraph(
        console,
        f"Framework {fw['id']} {fw['version']}, sha256 {fw['sha256']}; "
        f"{method['tool']['name']} {method['tool']['version']}; "
        f"generated {method['generated']}.",
        "dim",
    )
    _heading(console, "Sources")
    for source in report["sources"]["framework"]:
        bullet(console, f"{_source(source)} {source['url']}")
    if report["sources"]["case"]:
        paragraph(console, "Cited in the case file:")
    for url in report["sources"]["case"]:
        bullet(console, url)
    console.print()
    paragraph(
        console,
        "The answers behind these scores, with notes and sources, are in the "
        "Markdown and HTML reports (sanctions-check report CASE --format html).",
        "dim",
        indent=0,
    )
