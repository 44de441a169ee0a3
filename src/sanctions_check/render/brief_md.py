"""The one-page brief as GitHub-flavoured Markdown, for a memo: the same selection as the HTML
brief (``brief.select``), in the same order. Every string goes through ``textsafe.md_text`` or
``textsafe.md_cell``, so case text holding Markdown or HTML comes out as the literal text.
"""

from __future__ import annotations

from sanctions_check import textsafe
from sanctions_check.render.brief import Brief, select
from sanctions_check.render.report_view import Report, ReportPage
from sanctions_check.render.wording import brief as words
from sanctions_check.render.wording import common

text = textsafe.md_line
cell = textsafe.md_cell_or_dash


class BriefMarkdown:
    """The one-page brief as Markdown."""

    def text(self, view: ReportPage) -> str:
        return render(view.report, case_file=view.case_file)


def render(report: Report, *, case_file: str | None = None) -> str:
    """The one-page brief of a report model as Markdown."""
    return render_brief(select(report, case_file))


def render_brief(brief: Brief) -> str:
    heads = brief.sections
    lines: list[str] = []
    add = lines.append
    add(f"# {text(brief.title)}")
    add("")
    add(f"*{text(brief.kicker)}*")
    if brief.hypothetical:
        add("")
        add(f"**{text(brief.hypothetical)}**")
    add("")
    add(" · ".join(f"**{text(k)}:** {text(v)}" for k, v in brief.meta))
    add("")
    add(f"## {text(heads[0])}")
    add("")
    add(f"**{text(brief.outlook)}**")
    if brief.band_meaning:
        add("")
        add(text(brief.band_meaning))
    if brief.placement:
        add("")
        caveat = f" *{text(brief.placement_caveat)}*" if brief.placement_caveat else ""
        add(f"{text(brief.placement)}{caveat}")
    add("")
    add(text(brief.judgement))
    if brief.judgement_differs:
        add("")
        add(f"**{text(brief.judgement_differs)}**")
    add("")
    add(f"## {text(heads[1])}")
    add("")
    lines.extend(f"- {text(line)}" for line in brief.base_rates)
    add("")
    add(f"*{text(brief.base_rate_note)}*")
    add("")
    add(f"## {text(heads[2])}")
    add("")
    lines.extend(f"- {text(line)}" for line in brief.limits)
    add("")
    add(f"## {text(heads[3])}")
    add("")
    if brief.no_levers:
        add(text(brief.no_levers))
    for number, lever in enumerate(brief.levers, 1):
        add(f"{number}. **{text(lever.question)}** ({text(lever.gain)}). {text(lever.advice)}")
    if brief.levers_note:
        add("")
        add(f"*{text(brief.levers_note)}*")
    add("")
    add(f"## {text(heads[4])}")
    add("")
    if brief.no_risks:
        add(text(brief.no_risks))
    for risk in brief.risks:
        add(
            f"- **{text(risk.name)}** {text(risk.text)}. *{words.BRIEF_PLANNED}:* "
            f"{text(risk.planned)} *{words.BRIEF_SUGGESTED}:* {text(risk.suggested)}"
        )
    if brief.open_risks:
        add("")
        add(text(brief.open_risks))
    add("")
    add(f"## {text(heads[5])}")
    add("")
    lines.extend(f"- **{text(flag)}**" for flag in brief.red_flags)
    if brief.red_flags_text:
        add(f"- {text(brief.red_flags_text)}")
    add("")
    add(f"## {text(heads[6])}")
    add("")
    add(text(brief.gaps.text))
    add("")
    add(f"## {text(heads[7])}")
    add("")
    add("| Factor | Kind | 0–100 | Score (range) |")
    add("|---|---|---|---:|")
    for f in brief.factors:
        bar = (
            f"`{common.range_bar(f.score, f.low, f.high, 10)}`"
            if f.low is not None and f.high is not None
            else "–"
        )
        add(f"| {cell(f.name)} | {cell(f.kind_label)} | {bar} | {cell(f.value)} |")
    add("")
    add(f"{text(common.RANGE_BAR_LEGEND)}. {text(common.RED_FLAG_SCALE)}.")
    add("")
    add(f"## {text(heads[8])}")
    add("")
    lines.extend(f"- {text(c)}" for c in brief.caveats)
    add("")
    add(f"**{text(words.BRIEF_MORE)}:** {text(brief.where)}")
    add("")
    add(f"*{text(brief.advisory)} {text(brief.generated)}*")
    return "\n".join(lines) + "\n"
