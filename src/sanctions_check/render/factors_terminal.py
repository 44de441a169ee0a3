"""`factors` as text: the overview (a factor table, the risks, inclusion and design choices), or
one factor or risk in full.

The text never cuts a word: question titles, ids, anchors and mitigations wrap with a hanging
indent at any width, because a person filling a case file by hand needs the full question and
its id. Framework text reaches rich only as ``Text`` (``textsafe``), never as markup.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from sanctions_check import textsafe
from sanctions_check.framework import DEFAULT_NEUTRAL, Applicability, Condition, Source
from sanctions_check.render.factors_view import (
    FactorsView,
    FactorView,
    FrameworkView,
    QuestionView,
    RiskView,
)
from sanctions_check.render.wording import common
from sanctions_check.render.wording import framework as words

if TYPE_CHECKING:
    from rich.console import Console


class _Page:
    """Wrapped lines on a rich Console: hanging indents, nothing cut, framework text made inert."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.width = max(console.width or 80, 40)

    def blank(self) -> None:
        self.console.print()

    def para(self, text: str, style: str = "", indent: int = 0, first: str = "") -> None:
        """A paragraph: ``first`` (a number, a bullet, a level) hangs; the rest lines up."""
        from rich.text import Text

        pad = " " * indent
        lines = textwrap.wrap(
            textsafe.one_line(text),
            width=max(self.width - indent - len(first), 20),
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
        body = "\n".join(
            (pad + first if i == 0 else pad + " " * len(first)) + line
            for i, line in enumerate(lines)
        )
        self.console.print(Text(body, style=style), soft_wrap=True)

    def labelled(self, label: str, text: str, indent: int = 0, style: str = "") -> None:
        """'Label: text' wrapped as one paragraph, with the label in bold."""
        from rich.text import Text

        lines = textwrap.wrap(
            f"{label}: {textsafe.one_line(text)}",
            width=max(self.width - indent, 20),
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
        body = Text(style=style)
        for i, line in enumerate(lines):
            body.append(("\n" if i else "") + " " * indent)
            if i == 0:
                body.append(label + ":", style="bold")
                body.append(line[len(label) + 1 :])
            else:
                body.append(line)
        self.console.print(body, soft_wrap=True)

    def heading(self, text: str) -> None:
        self.blank()
        self.para(text, style="bold underline")

    def levels(self, texts: tuple[str, ...], indent: int) -> None:
        for level, text in enumerate(texts):
            self.para(text, indent=indent, first=f"{level}  ")


class FactorsTerminal:
    """The overview, or one factor or risk in full."""

    def draw(self, view: FactorsView, console: Console) -> None:
        page = _Page(console)
        item = view.item
        if isinstance(item, FactorView) and view.question is not None:
            _question_in_factor(page, item, view.question, view.whole_factor or "")
        elif isinstance(item, FactorView):
            _factor(page, item)
        elif isinstance(item, RiskView):
            _risk(page, item)
        else:
            _overview(page, view.framework)


def _overview(page: _Page, view: FrameworkView) -> None:
    page.para(f"{view.title} — {view.id} {view.version}", style="bold")
    page.para(view.summary)
    page.heading(words.FV_FACTORS)
    if _table_width(view) <= page.width:
        _factor_table(page, view)
    else:  # too narrow for the table without breaking ids: one short paragraph per factor
        for f in view.factors:
            page.para(f"{f.label} ({f.id})", style="bold")
            page.para(_factor_facts(f), indent=2)
    page.para(words.FV_FACTORS_LEGEND, style="dim")
    if view.risks:
        page.heading(words.FV_RISKS)
        page.para(words.FV_RISKS_INTRO, style="dim")
        for r in view.risks:
            page.blank()
            page.para(f"{r.name} ({r.id})", style="bold")
            page.para(r.question, indent=2)
    if view.inclusion is not None:
        page.heading(words.FV_INCLUSION)
        page.para(view.inclusion.rule)
        for omitted in view.inclusion.omitted:
            page.para(
                words.fv_omitted(omitted.name, omitted.cited_by, omitted.reason),
                indent=2,
                first="• ",
            )
    if view.design_choices:
        page.heading(words.FV_DESIGN_CHOICES)
        for choice in view.design_choices:
            page.para(f"{choice.text} ({choice.id})", indent=2, first="• ")
    page.blank()
    page.para(words.FV_SHOW_ONE, style="dim")


def _cells(f: FactorView) -> tuple[str, ...]:
    """The table's cells after the factor's name: kind, weight, cited by, the two ratings."""
    ev = f.evidence
    return (
        f.kind_text.replace(" factor", ""),
        f"{f.weight:g}",
        f.cited,
        textsafe.one_line(ev.practitioner_rating),
        textsafe.one_line(ev.research_rating),
    )


def _table_width(view: FrameworkView) -> int:
    """The narrowest the factor table can be with no id broken and no cell cut."""
    name = max(len(f"({textsafe.one_line(f.id)})") for f in view.factors)
    widths = [name] + [
        max([len(header)] + [len(_cells(f)[i]) for f in view.factors])
        for i, (header, _) in enumerate(words.FV_FACTOR_COLUMNS)
    ]
    return sum(widths) + len(widths) - 1


def _factor_facts(f: FactorView) -> str:
    cells = _cells(f)
    return words.fv_factor_facts(*cells)


def _factor_table(page: _Page, view: FrameworkView) -> None:
    from rich.table import Table
    from rich.text import Text

    grid = Table(
        box=None,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
        expand=True,
        header_style="bold underline",
    )
    ids = max(len(f"({textsafe.one_line(f.id)})") for f in view.factors)
    grid.add_column(words.FV_FACTOR_COLUMN, ratio=1, min_width=ids, overflow="fold")
    for header, justify in words.FV_FACTOR_COLUMNS:
        grid.add_column(header, justify=justify, no_wrap=True)  # type: ignore[arg-type]  # "left"/"right" literals
    for f in view.factors:
        name = Text(textsafe.one_line(f.label))
        name.append(f" ({textsafe.one_line(f.id)})", style="dim")
        grid.add_row(name, *(Text(cell) for cell in _cells(f)))
    page.console.print(grid)


def _factor_heading(page: _Page, f: FactorView) -> None:
    page.para(f"{f.name} ({f.kind_text}) · {words.FV_ID}: {f.id}", style="bold")
    page.para(f.description)


def _factor(page: _Page, f: FactorView) -> None:
    ev = f.evidence
    _factor_heading(page, f)
    page.blank()
    page.labelled(words.FV_WHY, f.why)
    page.blank()
    page.labelled(
        words.FV_EVIDENCE,
        f"{ev.label}. {words.fv_ushmm_factor(ev.tfap_name)}" + (f" {ev.note}" if ev.note else ""),
    )
    page.blank()
    page.labelled(words.FV_WEIGHT, f"{f.weight:g}. {f.weight_reason}")
    if f.sources:
        page.para(f"{words.FV_SOURCES}:", style="dim")
        for source in f.sources:
            page.para(_source_text(source), style="dim", indent=2, first="• ")
    page.heading(words.FV_QUESTIONS)
    page.para(words.FV_QUESTIONS_INTRO, style="dim")
    for q in f.questions:
        page.blank()
        _question(page, f, q)


def _question(page: _Page, f: FactorView, q: QuestionView) -> None:
    """One question in full: its text, id and weight, help, levels, neutral value and advice."""
    first = f"{q.number}. "
    page.para(q.text, style="bold", first=first)
    indent = len(first)
    page.para(words.fv_question_id(q.id, q.weight), indent=indent, style="cyan")
    page.para(q.help, indent=indent, style="dim")
    page.levels(q.levels, indent)
    if q.neutral_reason or q.neutral != DEFAULT_NEUTRAL:
        page.para(words.fv_neutral(q.neutral, q.neutral_reason), indent=indent, style="dim")
    if q.role is not None:
        page.labelled(words.FV_ROLE, words.fv_role(q.role), indent=indent, style="dim")
    if q.insider:
        page.labelled(words.FV_INSIDER, words.FV_INSIDER_TEXT, indent=indent, style="dim")
    if q.purposes is not None:
        purposes = words.fv_purposes(list(q.purpose_names), q.purposes.reason)
        page.labelled(words.FV_PURPOSES, purposes, indent=indent, style="dim")
    _applies_and_conditions(page, q.applies, q.see, q.owns, indent)
    page.labelled(f.advice_lead, q.advice, indent=indent)


def _applies_and_conditions(
    page: _Page,
    applies: Applicability | None,
    see: tuple[Condition, ...],
    owns: tuple[Condition, ...],
    indent: int,
) -> None:
    """When a question or risk applies, and the conditions it leaves to others or owns."""
    if applies is not None:
        text = words.fv_applies(applies.text, applies.not_applicable)
        page.labelled(words.fv_applicability(applies.id), text, indent=indent, style="dim")
    for condition in see:
        text = words.fv_see(condition.name, condition.owner)
        page.labelled(words.FV_NOT_ASKED, text, indent=indent, style="dim")
    for condition in owns:
        page.labelled(
            words.FV_ASKED_HERE, words.fv_owns(condition.name), indent=indent, style="dim"
        )


def _question_in_factor(page: _Page, f: FactorView, q: QuestionView, whole: str) -> None:
    """The one question asked for, under its factor's heading, with the way to the rest."""
    _factor_heading(page, f)
    page.heading(words.fv_question_of(q.number, len(f.questions), f.name))
    page.para(words.FV_QUESTIONS_INTRO, style="dim")
    page.blank()
    _question(page, f, q)
    page.blank()
    page.para(whole, style="dim")


def _risk(page: _Page, r: RiskView) -> None:
    page.para(f"{r.name} ({words.FV_RISK_KIND}) · {words.FV_ID}: {r.id}", style="bold")
    page.para(r.question)
    page.blank()
    page.labelled(words.FV_LOOK_AT, r.help)
    page.heading(words.FV_LIKELIHOOD)
    page.levels(r.likelihood, 2)
    page.heading(words.FV_SEVERITY)
    page.levels(r.severity, 2)
    page.heading(words.FV_MITIGATIONS)
    for mitigation in r.mitigations:
        page.para(mitigation, indent=2, first="• ")
    page.blank()
    page.labelled(words.FV_RISK_EVIDENCE, r.evidence)
    if r.applies is not None or r.see or r.owns:
        page.blank()
        _applies_and_conditions(page, r.applies, r.see, r.owns, 0)
    if r.sources:
        page.para(f"{words.FV_SOURCES}:", style="dim")
        for source in r.sources:
            page.para(_source_text(source), style="dim", indent=2, first="• ")


def _source_text(source: Source | str) -> str:
    if isinstance(source, str):
        return source
    return f"{common.source_label(source.title, source.publisher, source.year)} {source.url}"
