"""How much of the page a brief takes: a model of the printed brief's layout, so that its text
budgets are measured against the paper it prints on instead of fixed in characters.

The model follows the brief's stylesheet (``page.BRIEF``): the content box of each paper inside
its margins, the widths of the columns and table cells, each element's font size and line
height, and an average character width of DejaVu Sans (the font the print tests use; wider
than most sans-serif fonts), fitted to the examples as Chromium prints them. ``brief.select``
tries budgets from roomy to tight and keeps the first whose brief this model fits on the page;
the print tests check the result in Chromium on A4 and Letter (one page, and little blank while
anything is shortened).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sanctions_check.render.brief import Brief

PT_MM = 25.4 / 72
# The content box inside the 12 mm side margins (printed, the body takes the whole width).
WIDTHS_MM = {"a4": 210.0 - 24.0, "letter": 215.9 - 24.0}
# The estimate the content may reach. Measured in Chromium over the 29 examples on both papers,
# the model underestimates by 3 mm on average (standard deviation 5 mm); these limits aim the
# printed content near the foot of the content box of A4 (277 mm) and Letter (259 mm): on the
# page with room for a wider font, and under a tenth of the page blank. They are tuned to the
# print tests; a change to the brief's content or stylesheet is checked there.
HEIGHT_MM = {"a4": 262.0, "letter": 241.0}
EM = 0.48  # the average character width of the brief's text in DejaVu Sans, in em (fitted)
FILL = 0.95  # a wrapped line's share of its width that words fill on average (fitted)
BODY, TABLE, SMALL, H1, HEADLINE = 8.0, 7.5, 7.0, 11.5, 10.5
HEADING_MM = 5.2  # an h2: its line, margins and rule


def _lines(text: str, width_mm: float, size: float) -> int:
    per_line = max(width_mm / (size * PT_MM * EM) * FILL, 1.0)
    return max(1, math.ceil(len(text) / per_line))


def _height(lines: int, size: float, leading: float = 1.24) -> float:
    return lines * size * leading * PT_MM


def _block(text: str, width_mm: float, size: float = BODY, gap: float = 0.9) -> float:
    """A paragraph or list item: its lines and the margin below it."""
    return _height(_lines(text, width_mm, size), size) + gap


def height_mm(brief: Brief, paper: str = "a4") -> float:
    """The estimated height of the printed brief's content on ``paper``, in millimetres."""
    width = WIDTHS_MM.get(paper.lower(), WIDTHS_MM["a4"])
    left, right = width * 0.60 - 4.5, width * 0.38 - 4.5  # list indent
    total = _block(brief.kicker, width, SMALL, 0)
    total += _height(_lines(brief.title, width, H1), H1, 1.2) + 1.5
    total += _block("   ".join(f"{k} {v}" for k, v in brief.meta), width, BODY, 1.0)
    total += HEADING_MM + _block(brief.outlook, width - 10, HEADLINE, 2.2)
    if brief.band_meaning:
        total += _block(f"{brief.band_label}: {brief.band_meaning}", width)
    # The placement among past episodes, its caveat and the judgement share one small paragraph.
    beside = [brief.placement, brief.placement_caveat, brief.judgement, brief.judgement_differs]
    total += _block(" ".join(text for text in beside if text), width, SMALL)
    column_one = HEADING_MM + sum(_block(line, left) for line in brief.limits)
    column_one += HEADING_MM
    if brief.no_levers:
        column_one += _block(brief.no_levers, left)
    for lever in brief.levers:
        column_one += _block(f"{lever.question} ({lever.gain})", left, gap=0)
        column_one += _block(lever.advice, left)
    if brief.levers_note:
        column_one += _block(brief.levers_note, left + 4.5, SMALL)
    column_two = HEADING_MM + sum(_block(line, right) for line in brief.base_rates)
    column_two += _block(brief.base_rate_note, right + 4.5, SMALL)
    column_two += HEADING_MM + sum(_block(line, right) for line in brief.red_flags)
    if brief.red_flags_text:
        column_two += _block(brief.red_flags_text, right)
    column_two += HEADING_MM + _block(brief.gaps.text, right + 4.5)
    total += max(column_one, column_two)
    half = (len(brief.factors) + 1) // 2
    name_mm = width * 0.48 - 24 - 18
    rows = [
        max(_lines(f"{f.name} {f.kind_label}", name_mm, TABLE) for f in pair if f is not None)
        for pair in zip(brief.factors[:half], [*brief.factors[half:], None], strict=False)
    ]
    total += HEADING_MM + sum(_height(n, TABLE) + 0.5 for n in rows)
    total += _block("x" * 150, width, SMALL)  # the chart's legend
    total += HEADING_MM
    if brief.no_risks:
        total += _block(brief.no_risks, width)
    else:
        total += _height(1, TABLE) + 1.0
        for risk in brief.risks:
            cells = (
                _lines(risk.name, width * 0.22 - 2, TABLE) + 1,
                _lines(risk.planned, width * 0.39 - 2, TABLE),
                _lines(risk.suggested, width * 0.39 - 2, TABLE),
            )
            total += _height(max(cells), TABLE) + 0.8
    if brief.open_risks:
        total += _block(brief.open_risks, width, SMALL)
    total += HEADING_MM + _block(" ".join(brief.caveats), width, SMALL)
    total += 1.5 + _block(brief.where, width, SMALL, 0.5)
    total += _block(f"{brief.advisory} {brief.generated}", width, SMALL, 0)
    return total


def fits(brief: Brief, paper: str) -> bool:
    return height_mm(brief, paper) <= HEIGHT_MM.get(paper.lower(), HEIGHT_MM["letter"])
