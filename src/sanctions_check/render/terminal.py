"""The advisory summary in a terminal: printed after `assess` and by `report` by default.

Every piece of case-file text reaches rich as a ``Text`` object, never as markup, so a note holding
``[bold]`` or an escape sequence prints as the literal characters.
"""

from __future__ import annotations

from typing import Any

from sanctions_check import textsafe
from sanctions_check.render import wording
from sanctions_check.scoring import Assessment


def render(assessment: Assessment, console: Any) -> None:
    """Print the advisory summary of one assessment to a rich Console."""
    from rich.table import Table
    from rich.text import Text

    case = assessment.case.header
    outlook = assessment.outlook
    console.print(Text(textsafe.one_line(case.title), style="bold"))
    console.print(Text(f"Case {textsafe.one_line(case.id)}"))
    band = outlook.band.label if outlook.band else None
    capped = outlook.band is not None and outlook.band != outlook.uncapped_band
    console.print(Text(
        f"{wording.OUTLOOK_NAME}: {wording.band_text(band, capped)}, "
        f"{wording.score_with_range(outlook.score, outlook.low, outlook.high)}, "
        f"coverage {wording.percent(outlook.coverage)}"))
    grid = Table(title="Factors", title_justify="left")
    for header in ("Factor", "Score", "Range", "Bar", "Evidence"):
        grid.add_column(header, overflow="fold")
    for factor in assessment.factors:
        grid.add_row(Text(factor.name), wording.number(factor.score),
                     wording.score_range(factor.low, factor.high),
                     wording.bar(factor.score), Text(factor.evidence))
    console.print(grid)
    for limit in outlook.limits:
        console.print(Text(f"Limiting: {limit.factor_name} — {limit.why}"))
    for lever in assessment.levers:
        console.print(Text(f"Lever: {lever.question} {lever.advice}"))
    for risk in assessment.risks:
        console.print(Text(f"Risk: {risk.name} {wording.risk_text(risk.value, risk.band_label)}"
                           + (f" — {textsafe.plain(risk.mitigation)}" if risk.mitigation else "")))
    for caveat in assessment.framework.caveats:
        console.print(Text(caveat.text, style="dim"))
