"""`factors`: the framework and its evidence, for reading in a terminal or feeding other tools.

One typed model (:class:`FrameworkView`, :class:`FactorView`, :class:`RiskView`) is built from
the framework; the JSON format is serialised once from it (``data()``) and the text format reads
its attributes. The text never cuts a word: question titles, ids, anchors and mitigations wrap
with a hanging indent at any terminal width, because a person filling a case file by hand needs
the full question and its id.
"""

from __future__ import annotations

import json
import textwrap
from typing import IO, Any, NamedTuple

from sanctions_check import textsafe
from sanctions_check.framework import (
    DEFAULT_NEUTRAL,
    Band,
    Caveat,
    DesignChoice,
    Evidence,
    Factor,
    Framework,
    Gate,
    Inclusion,
    Purpose,
    Question,
    Risk,
    RiskBand,
    Source,
)
from sanctions_check.render import wording
from sanctions_check.render.wording import kind_label

SCHEMA = "sanctions-check/framework-json@1"
LEVELS = range(5)


# --- the model ---------------------------------------------------------------------------------


class QuestionView(NamedTuple):
    """One question as a person answering it needs it: its id, full text, levels and advice."""

    number: int  # 1-based, within its factor
    id: str
    text: str
    help: str
    weight: float
    levels: tuple[str, ...]  # what 0..4 mean for this question (its anchors, or the scale)
    anchors: tuple[str, ...] | None  # the question's own anchors, None when it uses the scale
    advice: str
    sources: tuple[str, ...]
    neutral: float  # what an unknown or unanswered answer counts as in the point outlook
    neutral_reason: str | None  # why, when the framework departs from the scale's midpoint
    neutral_sources: tuple[str, ...]

    def data(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "help": self.help,
            "weight": self.weight,
            "anchors": None
            if self.anchors is None
            else {str(level): text for level, text in enumerate(self.anchors)},
            "advice": self.advice,
            "sources": list(self.sources),
            "neutral": {
                "value": self.neutral,
                "reason": self.neutral_reason,
                "sources": list(self.neutral_sources),
            },
        }


class FactorView(NamedTuple):
    id: str
    name: str
    label: str  # the short name, for tables
    kind: str
    description: str
    why: str
    weight: float
    weight_reason: str
    evidence: Evidence
    sources: tuple[Source | str, ...]  # the evidence's sources, a bare key when not listed
    questions: tuple[QuestionView, ...]

    @property
    def kind_text(self) -> str:
        return kind_label(self.kind)

    @property
    def advice_lead(self) -> str:
        return wording.FV_IF_PRESENT if self.kind == "red_flag" else wording.FV_IF_LOW

    @property
    def cited(self) -> str:
        """'12/15', or '1/15 (−)' for a factor tied to less effectiveness."""
        ev = self.evidence
        text = f"{ev.practitioners_cited}/{ev.practitioners_total}"
        return text if ev.direction == "greater" else f"{text} {wording.FV_LESS_MARK}"

    def data(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "description": self.description,
            "why": self.why,
            "weight": self.weight,
            "weight_reason": self.weight_reason,
            "evidence": self.evidence.as_dict(),
            "questions": [q.data() for q in self.questions],
        }


class RiskView(NamedTuple):
    """An unintended consequence: how to rate its likelihood and severity, and what mitigates it."""

    id: str
    name: str
    label: str
    question: str
    help: str
    likelihood: tuple[str, ...]  # what 0..4 mean
    severity: tuple[str, ...]
    mitigations: tuple[str, ...]
    evidence: str
    sources: tuple[Source | str, ...]

    def data(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "question": self.question,
            "help": self.help,
            "likelihood": {str(level): text for level, text in enumerate(self.likelihood)},
            "severity": {str(level): text for level, text in enumerate(self.severity)},
            "mitigations": list(self.mitigations),
            "evidence": self.evidence,
            "sources": [_source_key(s) for s in self.sources],
        }


class FrameworkView(NamedTuple):
    id: str
    version: str
    title: str
    summary: str
    sha256: str
    scale: tuple[tuple[str, str], ...]  # (label, meaning) of 0..4
    unknown: tuple[str, str]
    purposes: tuple[Purpose, ...]
    factors: tuple[FactorView, ...]
    risks: tuple[RiskView, ...]
    bands: tuple[Band, ...]
    gates: tuple[Gate, ...]
    red_flag_threshold: float
    risk_bands: tuple[RiskBand, ...]
    caveats: tuple[Caveat, ...]
    sources: tuple[Source, ...]
    design_choices: tuple[DesignChoice, ...]
    inclusion: Inclusion | None

    def find(self, ident: str) -> FactorView | RiskView | None:
        """The factor or risk with this id, whatever its case ('Exposure' finds 'exposure')."""
        wanted = ident.strip().casefold()
        items: tuple[FactorView | RiskView, ...] = (*self.factors, *self.risks)
        for item in items:
            if item.id.casefold() == wanted:
                return item
        return None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.factors) + tuple(r.id for r in self.risks)

    def near(self, ident: str) -> str | None:
        """The id a mistyped one most likely meant: one that contains it ('evasion' names
        'evasion_asset_flight'), else the closest spelling; None when nothing is close."""
        import difflib

        wanted = ident.strip().casefold()
        if len(wanted) >= 3:
            containing = [i for i in self.ids if wanted in i.casefold()]
            if len(containing) == 1:
                return containing[0]
        close = difflib.get_close_matches(wanted, self.ids, n=1, cutoff=0.6)
        return close[0] if close else None

    def data(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "summary": self.summary,
            "sha256": self.sha256,
            "scale": {
                str(level): {"label": label, "meaning": meaning}
                for level, (label, meaning) in enumerate(self.scale)
            },
            "unknown": {"label": self.unknown[0], "meaning": self.unknown[1]},
            "purposes": [_purpose_data(p) for p in self.purposes],
            "factors": [f.data() for f in self.factors],
            "risks": [r.data() for r in self.risks],
            "bands": [
                {"id": b.id, "label": b.label, "min": b.min, "meaning": b.meaning}
                for b in self.bands
            ],
            "gates": [
                {
                    "id": g.id,
                    "applies_to": g.applies_to,
                    "below": g.below,
                    "cap": g.cap,
                    "reason": g.reason,
                }
                for g in self.gates
            ],
            "red_flag_threshold": self.red_flag_threshold,
            "risk_bands": [{"id": b.id, "label": b.label, "min": b.min} for b in self.risk_bands],
            "caveats": [
                {"id": c.id, "text": c.text, "sources": list(c.sources)} for c in self.caveats
            ],
            "sources": [
                {
                    "key": s.key,
                    "title": s.title,
                    "publisher": s.publisher,
                    "year": s.year,
                    "url": s.url,
                    "note": s.note,
                }
                for s in self.sources
            ],
            "design_choices": [{"id": d.id, "text": d.text} for d in self.design_choices],
            "inclusion": None
            if self.inclusion is None
            else {
                "rule": self.inclusion.rule,
                "omitted": [
                    {"name": o.name, "cited_by": o.cited_by, "reason": o.reason}
                    for o in self.inclusion.omitted
                ],
            },
        }


def _purpose_data(p: Purpose) -> dict[str, Any]:
    rate = p.base_rate
    return {
        "id": p.id,
        "name": p.name,
        "description": p.description,
        "base_rate": None
        if rate is None
        else {
            "effective_share_of_all_episodes": rate.effective_share_of_all_episodes,
            "effective_when_pursued": rate.effective_when_pursued,
            "effective_when_pursued_qualifier": rate.qualifier,  # 'almost' 40, as the source
            "text": rate.text,
            "sources": list(rate.sources),
        },
    }


def _source_key(source: Source | str) -> str:
    return source if isinstance(source, str) else source.key


def _sources(fw: Framework, keys: tuple[str, ...]) -> tuple[Source | str, ...]:
    return tuple(fw.source(key) or key for key in keys)


def question_view(fw: Framework, number: int, q: Question) -> QuestionView:
    return QuestionView(
        number=number,
        id=q.id,
        text=q.text,
        help=q.help,
        weight=q.weight,
        levels=tuple(q.level_label(fw, level) for level in LEVELS),
        anchors=None if not q.anchors else tuple(q.anchors[level] for level in LEVELS),
        advice=q.advice,
        sources=tuple(q.sources),
        neutral=q.neutral,
        neutral_reason=q.neutral_reason,
        neutral_sources=tuple(q.neutral_sources),
    )


def factor_view(fw: Framework, f: Factor) -> FactorView:
    return FactorView(
        id=f.id,
        name=f.name,
        label=f.label,
        kind=f.kind,
        description=f.description,
        why=f.why,
        weight=f.weight,
        weight_reason=f.weight_reason,
        evidence=f.evidence,
        sources=_sources(fw, tuple(f.evidence.sources)),
        questions=tuple(question_view(fw, n, q) for n, q in enumerate(f.questions, 1)),
    )


def risk_view(fw: Framework, r: Risk) -> RiskView:
    return RiskView(
        id=r.id,
        name=r.name,
        label=r.label,
        question=r.question,
        help=r.help,
        likelihood=tuple(r.likelihood_label(level) for level in LEVELS),
        severity=tuple(r.severity_label(level) for level in LEVELS),
        mitigations=tuple(r.mitigations),
        evidence=r.evidence,
        sources=_sources(fw, tuple(r.sources)),
    )


def build(fw: Framework) -> FrameworkView:
    return FrameworkView(
        id=fw.id,
        version=fw.version,
        title=fw.title,
        summary=fw.summary,
        sha256=fw.sha256,
        scale=tuple((fw.scale[level].label, fw.scale[level].meaning) for level in LEVELS),
        unknown=(fw.unknown.label, fw.unknown.meaning),
        purposes=tuple(fw.purposes),
        factors=tuple(factor_view(fw, f) for f in fw.factors),
        risks=tuple(risk_view(fw, r) for r in fw.risks),
        bands=tuple(fw.bands),
        gates=tuple(fw.gates),
        red_flag_threshold=fw.red_flag_threshold,
        risk_bands=tuple(fw.risk_bands),
        caveats=tuple(fw.caveats),
        sources=tuple(fw.sources),
        design_choices=tuple(fw.design_choices),
        inclusion=fw.inclusion,
    )


# --- JSON --------------------------------------------------------------------------------------


def json_out(view: FrameworkView, ident: str | None, out: IO[str]) -> None:
    """The whole framework, or the one factor or risk ``ident`` names."""
    item = view.find(ident) if ident is not None else None
    data = item.data() if item is not None else view.data()
    out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


# --- text --------------------------------------------------------------------------------------


class _Page:
    """Wrapped lines on a rich Console: hanging indents, nothing cut, framework text made inert."""

    def __init__(self, out: IO[str]) -> None:
        from rich.console import Console

        self.console = Console(file=out, highlight=False, emoji=False)
        self.width = max(self.console.width or 80, 40)

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


def text_out(view: FrameworkView, ident: str | None, out: IO[str]) -> None:
    page = _Page(out)
    item = view.find(ident) if ident is not None else None
    if isinstance(item, FactorView):
        _factor(page, item)
    elif isinstance(item, RiskView):
        _risk(page, item)
    else:
        _overview(page, view)


def _overview(page: _Page, view: FrameworkView) -> None:
    page.para(f"{view.title} — {view.id} {view.version}", style="bold")
    page.para(view.summary)
    page.heading(wording.FV_FACTORS)
    if _table_width(view) <= page.width:
        _factor_table(page, view)
    else:  # too narrow for the table without breaking ids: one short paragraph per factor
        for f in view.factors:
            page.para(f"{f.label} ({f.id})", style="bold")
            page.para(_factor_facts(f), indent=2)
    page.para(wording.FV_FACTORS_LEGEND, style="dim")
    if view.risks:
        page.heading(wording.FV_RISKS)
        page.para(wording.FV_RISKS_INTRO, style="dim")
        for r in view.risks:
            page.blank()
            page.para(f"{r.name} ({r.id})", style="bold")
            page.para(r.question, indent=2)
    if view.inclusion is not None:
        page.heading(wording.FV_INCLUSION)
        page.para(view.inclusion.rule)
        for omitted in view.inclusion.omitted:
            page.para(
                wording.fv_omitted(omitted.name, omitted.cited_by, omitted.reason),
                indent=2,
                first="• ",
            )
    if view.design_choices:
        page.heading(wording.FV_DESIGN_CHOICES)
        for choice in view.design_choices:
            page.para(f"{choice.text} ({choice.id})", indent=2, first="• ")
    page.blank()
    page.para(wording.FV_SHOW_ONE, style="dim")


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
        for i, (header, _) in enumerate(wording.FV_FACTOR_COLUMNS)
    ]
    return sum(widths) + len(widths) - 1


def _factor_facts(f: FactorView) -> str:
    cells = _cells(f)
    return wording.fv_factor_facts(*cells)


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
    grid.add_column(wording.FV_FACTOR_COLUMN, ratio=1, min_width=ids, overflow="fold")
    for header, justify in wording.FV_FACTOR_COLUMNS:
        grid.add_column(header, justify=justify, no_wrap=True)  # type: ignore[arg-type]  # "left"/"right" literals
    for f in view.factors:
        name = Text(textsafe.one_line(f.label))
        name.append(f" ({textsafe.one_line(f.id)})", style="dim")
        grid.add_row(name, *(Text(cell) for cell in _cells(f)))
    page.console.print(grid)


def _factor(page: _Page, f: FactorView) -> None:
    ev = f.evidence
    page.para(f"{f.name} ({f.kind_text}) · {wording.FV_ID}: {f.id}", style="bold")
    page.para(f.description)
    page.blank()
    page.labelled(wording.FV_WHY, f.why)
    page.blank()
    page.labelled(
        wording.FV_EVIDENCE,
        f"{ev.label}. {wording.fv_ushmm_factor(ev.tfap_name)}" + (f" {ev.note}" if ev.note else ""),
    )
    page.blank()
    page.labelled(wording.FV_WEIGHT, f"{f.weight:g}. {f.weight_reason}")
    if f.sources:
        page.para(f"{wording.FV_SOURCES}:", style="dim")
        for source in f.sources:
            page.para(_source_text(source), style="dim", indent=2, first="• ")
    page.heading(wording.FV_QUESTIONS)
    page.para(wording.FV_QUESTIONS_INTRO, style="dim")
    for q in f.questions:
        page.blank()
        first = f"{q.number}. "
        page.para(q.text, style="bold", first=first)
        indent = len(first)
        page.para(wording.fv_question_id(q.id, q.weight), indent=indent, style="cyan")
        page.para(q.help, indent=indent, style="dim")
        page.levels(q.levels, indent)
        if q.neutral_reason or q.neutral != DEFAULT_NEUTRAL:
            page.para(wording.fv_neutral(q.neutral, q.neutral_reason), indent=indent, style="dim")
        page.labelled(f.advice_lead, q.advice, indent=indent)


def _risk(page: _Page, r: RiskView) -> None:
    page.para(f"{r.name} ({wording.FV_RISK_KIND}) · {wording.FV_ID}: {r.id}", style="bold")
    page.para(r.question)
    page.blank()
    page.labelled(wording.FV_LOOK_AT, r.help)
    page.heading(wording.FV_LIKELIHOOD)
    page.levels(r.likelihood, 2)
    page.heading(wording.FV_SEVERITY)
    page.levels(r.severity, 2)
    page.heading(wording.FV_MITIGATIONS)
    for mitigation in r.mitigations:
        page.para(mitigation, indent=2, first="• ")
    page.blank()
    page.labelled(wording.FV_RISK_EVIDENCE, r.evidence)
    if r.sources:
        page.para(f"{wording.FV_SOURCES}:", style="dim")
        for source in r.sources:
            page.para(_source_text(source), style="dim", indent=2, first="• ")


def _source_text(source: Source | str) -> str:
    if isinstance(source, str):
        return source
    return f"{wording.source_label(source.title, source.publisher, source.year)} {source.url}"
