"""The bottom line of one assessment in at most 15 terminal lines.

``report`` prints it first, before the full summary; ``assess`` prints it last, after the full
summary, naming the file it wrote. Call :func:`bottom_line` for the lines (plain text, control
characters removed, nothing cut inside a number) and :func:`render` to print them.

What it holds, one item each: the band with its range (or, while no band is earned, what is
missing), where the outlook stands among the coded past episodes, the analyst's own judgement
(or that none is given), the outside view (base rates of the stated purposes), the top limiting
factor, the top lever, the top rated risk with its planned mitigation and the open ones counted,
the red flags, the data-gap counts, and where the rest is (the full summary above or below, and
the commands for the one-page brief and the full report).
"""

from __future__ import annotations

import shlex
import textwrap
from typing import TYPE_CHECKING, Literal

from sanctions_check import textsafe
from sanctions_check.render.report_view import LimitView, Report
from sanctions_check.render.wording import brief as brief_words
from sanctions_check.render.wording import judgement as judgement_words
from sanctions_check.render.wording import placement as placement_words
from sanctions_check.render.wording import report as words
from sanctions_check.scoring import FACTOR_NOT_ASSESSED, GATE

if TYPE_CHECKING:
    from rich.console import Console

MAX_LINES = 15
INDENT = "  "


def _items(report: Report, case_file: str, where: str) -> list[tuple[str, str, int]]:
    """(label, text, most lines) for each item, in reading order."""
    outlook = report.outlook
    stated = [r for r in report.outside_view.base_rates if r.stated] or list(
        report.outside_view.base_rates
    )
    rates = [brief_words.brief_base_rate(r.purpose_name, r.figure) for r in stated]
    top = report.limits[0] if report.limits else None
    limit = _limit(report, top) if top else words.BOTTOM_NO_LIMIT
    lever = (
        words.bottom_lever(report.levers[0].question, report.levers[0].gain)
        if report.levers
        else words.BOTTOM_NO_LEVER
    )
    opened = len(report.risks_open)
    risk = (
        words.bottom_risk(
            report.risks[0].name, report.risks[0].text, report.risks[0].mitigation, opened
        )
        if report.risks
        else words.bottom_no_risk(opened)
    )
    raised = report.raised_flags
    if raised:
        flags = words.bottom_flags([(f.name, f.score) for f in raised])
    else:
        flags = report.red_flags_text or words.BOTTOM_NO_FLAGS
    gaps = report.gap_counts
    return [
        (words.BOTTOM_OUTLOOK, outlook.text, 4),
        *_beside_the_outlook(report),
        (words.BOTTOM_OUTSIDE, words.bottom_outside(rates), 2),
        (words.BOTTOM_LIMIT, limit, 2),
        (words.BOTTOM_LEVER, lever, 2),
        (words.BOTTOM_RISK, risk, 2),
        (words.BOTTOM_FLAGS, flags, 2),
        (words.BOTTOM_GAPS, gaps.short, 1),
        (words.BOTTOM_MORE, words.bottom_more(where, case_file), 6),
    ]


def items(report: Report) -> list[tuple[str, str]]:
    """(label, text) of each item but the last, which names the commands: for a document that
    is itself the full report (the Word file), whose bottom line opens it."""
    return [
        (label, textsafe.one_line(text))
        for label, text, _ in _items(report, "", "below")
        if label != words.BOTTOM_MORE
    ]


def _beside_the_outlook(report: Report) -> list[tuple[str, str, int]]:
    """The placement among past episodes (when the report has one; up to three lines, so that
    its counts stay whole at 60 columns) and the analyst's judgement (up to two)."""
    items = []
    if report.placement is not None:
        items.append((placement_words.LABEL, report.placement.short, 3))
    given = report.judgement
    if given is not None:
        apart = report.outlook.band.label if given.differs and report.outlook.band else None
        items.append(
            (judgement_words.LABEL, judgement_words.bottom(given.view, given.reason, apart), 2)
        )
    return items


def _limit(report: Report, top: LimitView) -> str:
    """The top limiting factor in a few words: why it limits, and its score."""
    if top.reason == FACTOR_NOT_ASSESSED:
        factor = next(f for f in report.factors if f.id == top.factor_id)
        unresolved = any(g.factor_id == top.factor_id for g in report.outlook.unresolved_gates)
        return words.bottom_limit_not_assessed(
            top.factor_name, factor.unknown, factor.unanswered, unresolved
        )
    if top.reason == GATE:
        return words.bottom_limit_gate(top.factor_name, top.score, report.outlook.capped)
    return words.bottom_limit_weakest(top.factor_name, top.score)


# When the items need more than 15 lines, these give up a line first, in this order; the
# outlook, the placement among past episodes (counts a reader must have whole), the data gaps
# and the commands are never shortened.
SHRINK_ORDER = (
    words.BOTTOM_OUTSIDE,
    words.BOTTOM_LIMIT,
    words.BOTTOM_FLAGS,
    words.BOTTOM_LEVER,
    words.BOTTOM_RISK,
    judgement_words.LABEL,
)


def _wrap(text: str, width: int | None, most: int) -> list[str]:
    """``text`` as at most ``most`` lines of ``width``; the last one ends in '…' when cut."""
    if width is None:
        return [text]
    lines = textwrap.wrap(
        text,
        width=width,
        subsequent_indent=INDENT + "  ",
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]
    if len(lines) <= most:
        return lines
    kept = lines[:most]
    last = kept[-1]
    room = width - 1
    if len(last) > room:
        last = last[:room].rsplit(" ", 1)[0]
    kept[-1] = last.rstrip(" ,;:") + "…"
    return kept


def bottom_line(
    report: Report,
    *,
    case_file: str | None = None,
    where: Literal["above", "below"] = "below",
    width: int | None = 80,
) -> list[str]:
    """The bottom line of ``report`` as at most 15 plain-text lines.

    ``case_file``: the path to name in the follow-up commands (default: the case file's name as
    the report records it); ``where``: whether the full summary is printed ``"below"`` (``report``)
    or ``"above"`` (``assess``); ``width``: wrap each item to this many columns (None: one line
    per item). Each item keeps to its share of lines, shortened with '…' when it must be; the
    full text is in the summary printed with it.
    """
    shown = shlex.quote(textsafe.one_line(case_file or report.case.file))
    heading = textsafe.one_line(f"{brief_words.BRIEF_BOTTOM_LINE}: {report.case.title}")
    items = _items(report, shown, where)
    texts = {label: INDENT + textsafe.one_line(f"{label}: {text}") for label, text, _ in items}
    room = {label: len(_wrap(texts[label], width, most)) for label, _, most in items}
    for label in SHRINK_ORDER * 5:
        if sum(room.values()) <= MAX_LINES - 1:
            break
        if label in room:  # a report without a placement has no such item
            room[label] = max(room[label] - 1, 1)
    given = report.judgement
    if (
        sum(room.values()) > MAX_LINES - 1
        and judgement_words.LABEL in room
        and not (given and given.given)
    ):
        # At a narrow width the commands need the line more than "Judgement: not given" does;
        # the summary printed with the bottom line says it in full.
        del room[judgement_words.LABEL]
        items = [item for item in items if item[0] != judgement_words.LABEL]
    lines = _wrap(heading, width, 1)
    for label, _, _ in items:
        lines += _wrap(texts[label], width, room[label])
    return lines[:MAX_LINES]


def render(lines: list[str], console: Console) -> None:
    """Print bottom-line lines to a rich Console: the heading bold, each label bold, as text."""
    from rich.text import Text

    for number, line in enumerate(lines):
        if number == 0:
            console.print(Text(line, style="bold"), soft_wrap=True)
            continue
        out = Text()
        label, sep, rest = line.partition(": ")
        if sep and line.startswith(INDENT) and not line.startswith(INDENT + " "):
            out.append(label + sep, style="bold")
            out.append(rest)
        else:
            out.append(line)
        console.print(out, soft_wrap=True)
