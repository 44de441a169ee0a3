"""The advisory summary as GitHub-flavoured Markdown, for pasting into memos and tickets.

Every string goes through ``textsafe.md_text`` (running text) or ``textsafe.md_cell`` (table
cells), so a note holding ``<script>``, ``|`` or ``*emphasis*`` comes out as the literal text.
"""

from __future__ import annotations

import re
from typing import Any

from sanctions_check import textsafe
from sanctions_check.render import wording

_SAFE_URL = re.compile(r"https?://[^\s<>|\\`\"']+\Z")
_BLOCK_START = re.compile(r"(\d+)([.)])(?=\s|$)|([-+=])(?=\s|$)")


def text(value: object) -> str:
    """Running text on one line; a leading list marker ('- ', '1. ') is made literal too."""
    out = textsafe.md_text(textsafe.one_line(value))
    match = _BLOCK_START.match(out)
    if match is None:
        return out
    if match.group(3):
        return "\\" + out
    return f"{match.group(1)}\\{out[len(match.group(1)) :]}"


def cell(value: object) -> str:
    return textsafe.md_cell(value) or "–"


def link(value: str) -> str:
    """A web address as a clickable autolink when it is plainly one; otherwise literal text."""
    plain = textsafe.one_line(value)
    return f"<{plain}>" if _SAFE_URL.match(plain) else text(plain)


def _table(headers: list[str], aligns: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join(aligns) + "|"]
    out.extend("| " + " | ".join(row) + " |" for row in rows)
    return out


def render(report: dict[str, Any]) -> str:
    """The whole report model (report_model.build) as one Markdown document."""
    lines: list[str] = []
    add = lines.append
    case = report["case"]
    add(f"# Advisory summary: {text(case['title'])}")
    add("")
    add(f"> {text(report['advisory'])}")
    add("")
    header = [["Case", cell(case["id"])]]
    for key, label in (
        ("country", "Country"),
        ("assessed_on", "Assessed on"),
        ("analyst", "Analyst"),
    ):
        if case[key]:
            header.append([label, cell(case[key])])
    if case["hypothetical"]:
        header.append(["Hypothetical", "yes: an invented case for teaching"])
    fw = report["method"]["framework"]
    header.append(["Framework", cell(f"{fw['id']} {fw['version']}")])
    lines.extend(_table(["Field", "Value"], ["---", "---"], header))
    for key, label in (("situation", "Situation"), ("measures", "Measures")):
        blocks = [b for b in textsafe.plain(case[key] or "").split("\n\n") if b.strip()]
        for number, block in enumerate(blocks):
            add("")
            add((f"**{label}.** " if number == 0 else "") + text(block))
    for warning in report["warnings"]:
        add("")
        add(f"**Note:** {text(warning)}")
    _outlook(report, add)
    _factors(report, add, lines)
    _findings(report, add)
    _risks(report, add, lines)
    _rest(report, add, lines)
    return "\n".join(lines).rstrip("\n") + "\n"


def _outlook(report: dict[str, Any], add) -> None:
    outlook = report["outlook"]
    add("")
    add(f"## {wording.OUTLOOK_NAME}")
    add("")
    add(f"**{text(outlook['text'])}**")
    add("")
    bar = wording.range_bar(outlook["score"], outlook["low"], outlook["high"], 40)
    add(f"`{bar}` {wording.number(outlook['score'])} of 100")
    if outlook["band"]:
        add("")
        add(f"{text(outlook['band']['label'])}: {text(outlook['band']['meaning'])}")
    for gate in outlook["gates"]:
        add("")
        words = wording.gate_text(
            gate["factor_name"], gate["score"], gate["below"], gate["cap_label"], gate["reason"]
        )
        add(f"**Gate:** {text(words)}")
    if outlook["provisional_text"]:
        add("")
        add(f"**{text(outlook['provisional_text'])}**")
    add("")
    add(f"*{text(outlook['explained'])}*")


def _factors(report: dict[str, Any], add, lines: list[str]) -> None:
    add("")
    add("## Factors")
    add("")
    rows = [
        [
            cell(f["name"]),
            cell(f["kind_label"]),
            wording.range_bar(f["score"], f["low"], f["high"]),
            cell(f["score_text"]),
            wording.percent(f["coverage"]),
            cell(f["evidence"]),
        ]
        for f in report["factors"]
    ]
    lines.extend(
        _table(
            ["Factor", "Kind", "0–100", "Score (range)", "Coverage", "Evidence"],
            ["---", "---", "---", "---", "---:", "---"],
            rows,
        )
    )
    add("")
    add(f"{text(wording.RANGE_BAR_LEGEND)}. {text(wording.RED_FLAG_SCALE)}.")


def _findings(report: dict[str, Any], add) -> None:
    add("")
    add("## What limits the outlook")
    add("")
    if not report["limits"]:
        add("- No core factor has answers yet, so no limiting factor can be named.")
    for limit in report["limits"]:
        add(f"- **{text(limit['factor_name'])}**: {text(limit['why'])}")
    add("")
    add("## Strengths")
    add("")
    top = report["bands"][-1]
    if not report["strengths"]:
        add(f"- No factor reaches the top band ({text(top['label'])}, {top['min']:g}+).")
    for strength in report["strengths"]:
        add(f"- **{text(strength['factor_name'])}**: {wording.number(strength['score'])}")
    add("")
    add("## Top levers")
    add("")
    if not report["levers"]:
        add("- No answered question below the top level.")
    for number, lever in enumerate(report["levers"], 1):
        gate = "; would lift the cap" if lever["lifts_gate"] else ""
        add(
            f"{number}. **{text(lever['question'])}** ({text(lever['factor_name'])}, now "
            f"{lever['current']} of 4: up to +{lever['gain']:.1f} outlook points{gate}). "
            f"{text(lever['advice'])}"
        )
    add("")
    add("## Red flags")
    add("")
    if not report["red_flags"]:
        add(f"- None raised (threshold {report['red_flag_threshold']:g}).")
    for flag in report["red_flags"]:
        advice = " ".join(text(a) for a in flag["advice"])
        add(f"- **{text(flag['name'])}**: {wording.number(flag['score'])} of 100. {advice}")


def _risks(report: dict[str, Any], add, lines: list[str]) -> None:
    add("")
    add("## Risks of unintended consequences")
    add("")
    if report["risks"]:
        rows = [
            [
                cell(r["name"]),
                cell(r["likelihood"]),
                cell(r["severity"]),
                cell(r["text"]),
                cell(r["mitigation"] or "none recorded"),
                cell(wording.sentences(r["suggested_mitigations"])),
            ]
            for r in report["risks"]
        ]
        lines.extend(
            _table(
                [
                    "Risk",
                    "Likelihood",
                    "Severity",
                    "Likelihood × severity",
                    "Planned mitigation",
                    "Suggested mitigations",
                ],
                ["---", "---:", "---:", "---", "---", "---"],
                rows,
            )
        )
        notes = [r for r in report["risks"] if r["note"]]
        for risk in notes:
            add("")
            add(f"*{text(risk['name'])}:* {text(risk['note'])}")
    else:
        add("No risk rated in the case file.")
    if report["risks_not_rated"]:
        add("")
        add("Not rated: " + ", ".join(text(r["name"]) for r in report["risks_not_rated"]) + ".")


def _rest(report: dict[str, Any], add, lines: list[str]) -> None:
    add("")
    add("## Purposes and base rates")
    add("")
    if not report["purposes"]:
        add("The case file names no purpose; base rates differ by purpose.")
    for purpose in report["purposes"]:
        add(f"- **{text(purpose['name'])}**: {text(wording.base_rate_text(purpose['base_rate']))}")
    add("")
    add("## Data gaps")
    add("")
    if report["gaps"]:
        rows = [
            [cell(g["kind_label"]), cell(g["factor_name"]), cell(g["text"]), cell(g["note"])]
            for g in report["gaps"]
        ]
        lines.extend(
            _table(["Gap", "Factor", "Question", "Note"], ["---", "---", "---", "---"], rows)
        )
    else:
        add("None: every question answered with at least medium confidence.")
    add("")
    add("## Caveats")
    add("")
    for caveat in report["caveats"]:
        add(f"- {text(caveat['text'])}")
    method = report["method"]
    fw = method["framework"]
    add("")
    add("## Method")
    add("")
    add(text(method["text"]))
    add("")
    add(
        f"Framework {cell(fw['id'])} {cell(fw['version'])} ({text(fw['title'])}), "
        f"sha256 `{textsafe.one_line(fw['sha256'])}`; {method['tool']['name']} "
        f"{method['tool']['version']}; generated {method['generated']}."
    )
    add("")
    add("## Sources")
    add("")
    for source in report["sources"]["framework"]:
        label = wording.source_label(source["title"], source["publisher"], source["year"])
        add(f"- {text(label)}, {link(source['url'])}")
    if report["sources"]["case"]:
        add("")
        add("Cited in the case file:")
        add("")
        for url in report["sources"]["case"]:
            add(f"- {link(url)}")
    if report["answers"]:
        add("")
        add("## The answers behind the scores")
    for factor in report["answers"]:
        add("")
        add(f"### {text(factor['factor_name'])}")
        add("")
        rows = [
            [
                cell(q["text"]),
                cell(q["score_text"]),
                cell(q["confidence"]),
                cell(q["note"]),
                " ".join(link(s) for s in q["sources"]) or "–",
            ]
            for q in factor["questions"]
        ]
        lines.extend(
            _table(
                ["Question", "Answer", "Confidence", "Note", "Sources"],
                ["---", "---", "---", "---", "---"],
                rows,
            )
        )
