"""What goes on the one-page brief: one pure selection from the report model, read by both the
HTML brief (``brief_html``) and the Markdown brief (``brief_md``), so the two cannot differ.

A page is finite and a case file is not: every list is cut to a fixed number of items, and each
piece of free text (titles, questions, advice, mitigations, caveats) to a budget measured against
the page: ``select`` tries budgets from roomy to tight and keeps the first whose brief the page
model (``brief_fit``) fits on the paper, so that a short case is shown whole and a long one
fills its page. Text is cut only between words, and never a sentence the tool writes with a
figure or a threshold in it (limits, gains, red flags, gates): those are shown whole. Nothing is
dropped silently: a shortened text ends in "…", and the brief's last line counts what it leaves
out and names the command that prints it all.
"""

from __future__ import annotations

import shlex
from typing import NamedTuple

from sanctions_check import textsafe
from sanctions_check.framework import FactorKind
from sanctions_check.placement import PLACED
from sanctions_check.render import brief_fit, fold, placement_view
from sanctions_check.render.report_view import GapCounts, Report
from sanctions_check.render.wording import brief as words
from sanctions_check.render.wording import common
from sanctions_check.render.wording import judgement as judgement_words
from sanctions_check.render.wording import placement as placement_words
from sanctions_check.render.wording import report as report_words

# How many items of each list the page shows, and the tightest budget of each free text
# (characters): ``select`` gives each text a multiple of these, as large as the page holds.
MAX_LEVERS = 3
MAX_RISKS = 3
MAX_FLAGS = 3
MAX_LIMITS = 2
MAX_FACTORS = 14
MAX_META = 80
MAX_TITLE = 120
MAX_QUESTION = 130
MAX_ADVICE = 110
MAX_MITIGATION = 100
MAX_LIMIT = 140
MAX_NAME = 60
MAX_FACTOR_NAME = 56
MAX_CAVEATS = 300  # all caveats together
MAX_SOURCES = 150
MAX_OPEN_RISKS = 140
MAX_PLACEMENT = 200
MAX_JUDGEMENT = 150

# Multiples of the budgets above, roomiest first, each 6% under the one before (fine steps, so
# that the chosen budget leaves little of the page unused); the last is used when none fits.
SCALES = tuple(round(12 * 0.94**step, 3) for step in range(60))


class Budget(NamedTuple):
    """The characters each free text of the brief may take (the lists' lengths are fixed)."""

    question: int
    advice: int
    mitigation: int
    name: int
    factor_name: int
    caveats: int
    sources: int

    @classmethod
    def scaled(cls, scale: float) -> Budget:
        def room(base: int) -> int:
            return int(base * scale)

        return cls(
            question=room(MAX_QUESTION),
            advice=room(MAX_ADVICE),
            mitigation=room(MAX_MITIGATION),
            name=max(room(MAX_NAME), 24),
            factor_name=min(max(room(MAX_FACTOR_NAME), 24), 90),
            caveats=room(MAX_CAVEATS),
            sources=room(MAX_SOURCES),
        )


class Shortened(NamedTuple):
    """A piece of text as shown on the brief, and whether it was cut to fit."""

    text: str
    cut: bool


def shorten(value: object, limit: int) -> Shortened:
    """Plain text on one line, at most ``limit`` characters, ending in '…' when cut.

    Whole sentences are kept when at least half the room holds them; otherwise the text is cut
    between words (``fold.shorten``): never inside a word, so never inside a number.
    """
    text, cut = fold.shorten(textsafe.one_line(value), limit)
    return Shortened(text, cut)


class BriefLever(NamedTuple):
    question: str
    gain: str  # 'Exposure …: up to +4 outlook points'
    advice: str


class BriefRisk(NamedTuple):
    name: str
    text: str  # '4 × 3 = 12 (High)'
    band: str | None  # risk band id, for a colour
    planned: str
    suggested: str


class BriefFactor(NamedTuple):
    name: str
    kind: FactorKind
    kind_label: str
    score: int | None
    low: int | None
    high: int | None
    assessed: bool
    value: str  # '62 (45–75)', 'answered unknown', 'not answered', 'n/a'


class Brief(NamedTuple):
    """Everything the one-page brief shows, already cut to fit, as plain (unescaped) text."""

    title: str
    kicker: str
    hypothetical: str | None
    meta: tuple[tuple[str, str], ...]  # (label, value)
    band_id: str | None
    band_label: str | None
    outlook: str  # the headline: band, span, score, range, coverage; or what is missing
    band_meaning: str | None  # what the band means, the cap said; None while no band is earned
    placement: str | None  # where the outlook stands among the coded past episodes (no ids)
    placement_caveat: str | None
    judgement: str  # the analyst's own judgement and its reason, or that none is given
    judgement_differs: str | None  # the judgement and the band point different ways
    score: int | None
    low: int
    high: int
    base_rates: tuple[str, ...]
    base_rate_note: str
    limits: tuple[str, ...]
    levers: tuple[BriefLever, ...]
    levers_note: str | None  # 'Each would add about 3 outlook points …' when all round alike
    no_levers: str | None
    risks: tuple[BriefRisk, ...]  # the top rated risks
    no_risks: str | None
    open_risks: str | None  # the open risks, counted and named with their reach
    red_flags: tuple[str, ...]
    red_flags_text: str | None
    gaps: GapCounts
    factors: tuple[BriefFactor, ...]
    caveats: tuple[str, ...]
    advisory: str
    where: str  # what the full report adds, and the command
    generated: str
    band_ids: tuple[str, ...]  # every band id in order, for colours
    budget: Budget  # the text budgets this brief was cut to

    @property
    def sections(self) -> tuple[str, ...]:
        """The section headings, in page order (the same in every brief format)."""
        return (
            words.BRIEF_BOTTOM_LINE,
            words.BRIEF_OUTSIDE_VIEW,
            words.BRIEF_LIMITS,
            words.BRIEF_LEVERS,
            words.BRIEF_RISKS,
            words.BRIEF_RED_FLAGS,
            words.BRIEF_GAPS,
            words.BRIEF_FACTORS,
            words.BRIEF_CAVEATS,
        )


def _factor_value(
    score: int | None,
    low: int | None,
    high: int | None,
    assessed: bool,
    unknown: int,
    unanswered: int,
) -> str:
    if score is None or low is None or high is None:
        return "n/a"
    if not assessed:
        return common.open_answers(unknown, unanswered)
    if low == high:
        return str(score)
    return f"{score} ({common.score_range(low, high)})"


def select(report: Report, case_file: str | None = None, paper: str = "a4") -> Brief:
    """What the one-page brief shows of ``report`` on ``paper``, each list and text cut to the
    roomiest budget whose brief fits the page (``brief_fit``).

    ``case_file`` is the path a reader types to get the full report (default: the case file's
    name as the report model records it).
    """
    chosen = None
    for scale in SCALES:
        chosen = _select(report, case_file, Budget.scaled(scale))
        if brief_fit.fits(chosen, paper):
            return chosen
    assert chosen is not None
    return chosen


def _select(report: Report, case_file: str | None, budget: Budget) -> Brief:
    """The brief of ``report`` with each free text cut to ``budget``."""
    case, outlook = report.case, report.outlook
    cut: list[bool] = []

    def fit(value: object, limit: int) -> str:
        short = shorten(value, limit)
        cut.append(short.cut)
        return short.text

    labels = words.BRIEF_META_LABELS
    purposes = [r.purpose_name for r in report.outside_view.base_rates if r.stated]
    meta: list[tuple[str, str]] = [(labels["case"], fit(case.id, MAX_META))]
    if case.as_of:
        meta.append((labels["as_of"], fit(case.as_of, MAX_META)))
    elif case.assessed_on:
        meta.append((labels["assessed_on"], fit(case.assessed_on, MAX_META)))
    meta.append(
        (
            labels["implementers"],
            fit(", ".join(case.implementers), MAX_META)
            if case.implementers
            else words.BRIEF_NO_IMPLEMENTERS,
        )
    )
    meta.append(
        (
            labels["purposes"],
            fit(", ".join(purposes), MAX_META) if purposes else words.BRIEF_NO_PURPOSE,
        )
    )
    if case.scope is not None:
        meta.append((labels["scope"], fit(case.scope.name, MAX_META)))
    fw = report.method.framework

    stated = [r for r in report.outside_view.base_rates if r.stated] or list(
        report.outside_view.base_rates
    )
    rate_sources = list(dict.fromkeys(label for r in stated for label in r.source_labels))

    # sentences the tool writes with figures and thresholds: shown whole, never shortened
    limits = [textsafe.one_line(f"{lim.factor_name}: {lim.why}") for lim in report.limits]
    if not limits:
        limits = [report_words.NO_CORE_LIMIT]
    shown_limits = limits[:MAX_LIMITS]
    named = {lim.factor_id for lim in report.limits[:MAX_LIMITS]}
    unresolved = [g for g in outlook.unresolved_gates if g.factor_id not in named]
    if unresolved:  # a gate not already named as a limit above
        names = list(dict.fromkeys(g.factor_name for g in unresolved))
        first = unresolved[0]
        shown_limits.append(
            textsafe.one_line(words.brief_unresolved_gates(names, first.below, first.follows or ""))
        )

    alike = report.levers_note is not None
    levers = tuple(
        BriefLever(
            question=fit(lv.question, budget.question),
            gain=textsafe.one_line(
                words.brief_lever_gain(lv.factor_name, lv.gain, lv.lifts_cap, not alike)
            ),
            advice=fit(lv.advice, budget.advice),
        )
        for lv in report.levers[:MAX_LEVERS]
    )
    open_risks = None
    if report.risks_open:
        reaches = ", ".join(words.brief_open_risk(r.name, r.low, r.high) for r in report.risks_open)
        open_risks = fit(words.brief_open_risks(len(report.risks_open), reaches), MAX_OPEN_RISKS)
    risks = tuple(
        BriefRisk(
            name=fit(r.name, budget.name),
            text=r.text,
            band=r.band,
            planned=fit(r.mitigation or words.BRIEF_NO_MITIGATION, budget.mitigation),
            suggested=fit(common.sentences(r.suggested_mitigations), budget.mitigation)
            if r.suggested_mitigations
            else words.BRIEF_NO_MITIGATION,
        )
        for r in report.risks[:MAX_RISKS]
    )
    raised = report.raised_flags
    flags = tuple(textsafe.one_line(words.brief_flag(f.name, f.score)) for f in raised)
    factors = tuple(
        BriefFactor(
            name=fit(f.name, budget.factor_name),
            kind=f.kind,
            kind_label=words.BRIEF_KINDS.get(f.kind, f.kind_label),
            score=f.score,
            low=f.low,
            high=f.high,
            assessed=f.assessed,
            value=_factor_value(f.score, f.low, f.high, f.assessed, f.unknown, f.unanswered),
        )
        for f in report.factors[:MAX_FACTORS]
    )
    caveats: list[str] = []
    room = budget.caveats
    for caveat in report.caveats:
        text = textsafe.one_line(caveat.text)
        if len(text) > room:
            if not caveats:  # at least one caveat, shortened if it must be
                caveats.append(fit(text, room))
            break
        caveats.append(text)
        room -= len(text)

    left_out = [
        words.more_of(count, what)
        for count, what in (
            (max(len(report.levers) - MAX_LEVERS, 0), words.MORE["levers"]),
            (max(len(report.risks) - MAX_RISKS, 0), words.MORE["risks"]),
            (max(len(raised) - MAX_FLAGS, 0), words.MORE["flags"]),
            (max(len(report.factors) - MAX_FACTORS, 0), words.MORE["factors"]),
            (max(len(limits) - MAX_LIMITS, 0), words.MORE["limits"]),
            (len(report.caveats) - len(caveats), words.MORE["caveats"]),
        )
        if count
    ]
    band = outlook.band
    placed, given = report.placement, report.judgement
    return Brief(
        title=fit(case.title, MAX_TITLE),
        kicker=words.BRIEF_KICKER,
        hypothetical=words.BRIEF_HYPOTHETICAL if case.hypothetical else None,
        meta=tuple(meta),
        band_id=band.id if band else None,
        band_label=band.label if band else None,
        outlook=outlook.text,
        band_meaning=fit(outlook.band_meaning, budget.advice + MAX_NAME)
        if outlook.band_meaning
        else None,
        placement=fit(placement_view.counts_text(placed), MAX_PLACEMENT) if placed else None,
        # the caveat speaks of the episodes the outlook is placed among: none when it is not
        placement_caveat=placement_words.CAVEAT_SHORT
        if placed and placed.status == PLACED
        else None,
        judgement=fit(
            judgement_words.brief(given.text, given.reason)
            if given
            else judgement_words.brief(common.NO_JUDGEMENT, None),
            MAX_JUDGEMENT,
        ),
        judgement_differs=(
            judgement_words.differs_brief(band.label) if given and given.differs and band else None
        ),
        score=outlook.score,
        low=outlook.low,
        high=outlook.high,
        base_rates=tuple(words.brief_base_rate(r.purpose_name, r.figure) for r in stated),
        base_rate_note=fit(
            words.brief_base_rate_note(rate_sources),
            budget.sources + len(report_words.BASE_RATE_COUNTS),
        ),
        limits=tuple(shown_limits),
        levers=levers,
        levers_note=report.levers_note,
        no_levers=None if levers else report_words.NO_LEVERS,
        risks=risks,
        no_risks=None if risks else report_words.NO_RISKS,
        open_risks=open_risks,
        red_flags=flags[:MAX_FLAGS],
        red_flags_text=(
            textsafe.one_line(report.red_flags_text)
            if report.red_flags_text
            else (None if raised else words.BRIEF_NO_FLAGS)
        ),
        gaps=report.gap_counts,
        factors=factors,
        caveats=tuple(caveats),
        advisory=report.advisory,
        where=words.brief_where(
            left_out, fit(shlex.quote(case_file or case.file), MAX_META), shortened=any(cut)
        ),
        generated=words.brief_generated(
            f"{fw.id} {fw.version}",
            f"{report.method.tool.name} {report.method.tool.version}",
            report.method.generated,
        ),
        band_ids=tuple(b.id for b in report.bands),
        budget=budget,
    )
