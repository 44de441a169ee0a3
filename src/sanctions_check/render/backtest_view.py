"""The view of `backtest`: how well the outlook, and each factor, orders past episodes by their
recorded outcome, every figure rounded once and every sentence attached (schema ``backtest@4``);
the analysts' own judgements ordered the same way where the episodes carry them.

Rounding: a concordance and the ends of its interval are shares, two decimals half up (the
figure the table prints); an outlook is a whole number; counts are counts. The seed, the number
of resamples and the level are the back-test's own settings, as given.
"""

from __future__ import annotations

from typing import NamedTuple

from sanctions_check import history
from sanctions_check.backtest import (
    JUDGEMENT,
    OUTLOOK,
    SET_ASIDE,
    Backtest,
    Concordance,
    ExcludedReason,
    Ordered,
)
from sanctions_check.numbers import share_or_none, whole_or_none
from sanctions_check.render.provenance import FrameworkId, ToolRef, framework_id, tool_ref
from sanctions_check.render.wording import common
from sanctions_check.render.wording import history as words
from sanctions_check.render.wording import judgement as judgement_words

SCHEMA = "sanctions-check/backtest@4"


class Bootstrap(NamedTuple):
    unit: str
    resamples: int
    seed: int
    level: float
    interval: str


class Method(NamedTuple):
    statistic: str
    order: tuple[str, ...]  # the verdicts, worst first
    ties: float  # what a tied pair counts
    bootstrap: Bootstrap


class VerdictCounts(NamedTuple):
    ineffective: int
    partly: int
    effective: int


class ConcordanceView(NamedTuple):
    id: str  # "outlook" or a factor id
    name: str
    kind: str  # "outlook", or the factor's kind
    kind_label: str
    hoped_direction: str  # "higher", or "lower" for a red flag
    cases: int
    pairs: int
    concordant: int
    discordant: int
    tied: int
    concordance: float | None  # None with no comparable pair
    interval: tuple[float, float] | None  # None when no resample had a comparable pair
    resamples_used: int
    concordance_text: str
    interval_text: str


class EpisodeView(NamedTuple):
    id: str
    title: str
    file: str
    verdict: Ordered
    verdict_text: str
    outlook: int | None
    outlook_text: str
    band_label: str | None
    hindsight_answers: int
    judgement: str | None = None  # the analyst's own view; None: not given
    hindsight_set_aside: int = 0  # answers counted as unknown with --exclude-hindsight

    @property
    def rank(self) -> int:
        return history.ORDINAL[self.verdict]


class Options(NamedTuple):
    """How the episodes were taken: hindsight answers set aside; out-of-scope ones left out."""

    exclude_hindsight: bool
    exclude_out_of_scope: bool


class JudgementsView(NamedTuple):
    """The analysts' own judgements against the verdicts (unlikely < could < likely), or that
    none of the episodes carries one."""

    concordance: ConcordanceView | None  # None when no episode carries a judgement
    judged: int  # episodes whose judgement takes part
    cannot_judge: int  # left out: "cannot judge yet"
    not_given: int  # left out: no judgement
    text: str


class ExcludedView(NamedTuple):
    id: str
    file: str
    reason: ExcludedReason


class BacktestView(NamedTuple):
    schema: str
    statement: str  # what the back-test is and is not
    no_fitting: str  # that nothing is tuned to outcomes
    method: Method
    verdicts: VerdictCounts
    outlook: ConcordanceView
    factors: tuple[ConcordanceView, ...]  # in the framework's order
    episodes: tuple[EpisodeView, ...]  # in id order
    hindsight_answers: int  # answers and risk ratings flagged hindsight across the episodes
    excluded: tuple[ExcludedView, ...]
    framework: FrameworkId
    tool: ToolRef
    title: str
    summary: str  # the outlook's concordance in one sentence
    verdicts_text: str
    closing: tuple[str, ...]  # what is left out, then how to read the figures
    options: Options | None = None  # always built by `build`
    judgements: JudgementsView | None = None  # always built by `build`

    @property
    def by_verdict(self) -> tuple[EpisodeView, ...]:
        """The episodes as the table lists them: best verdict first, then highest outlook."""
        return tuple(sorted(self.episodes, key=lambda e: (-e.rank, -(e.outlook or 0), e.id)))


def _concordance(c: Concordance) -> ConcordanceView:
    value = share_or_none(c.value)
    interval = None
    if c.low is not None and c.high is not None:
        interval = (share_or_none(c.low) or 0.0, share_or_none(c.high) or 0.0)
    outlook = c.kind == OUTLOOK
    return ConcordanceView(
        id=c.what,
        name=(
            common.OUTLOOK_NAME
            if outlook
            else judgement_words.BACKTEST_NAME
            if c.kind == JUDGEMENT
            else c.name
        ),
        kind=c.kind,
        kind_label=(
            common.OUTLOOK_NAME
            if c.kind == OUTLOOK
            else judgement_words.BACKTEST_KIND
            if c.kind == JUDGEMENT
            else common.kind_label(c.kind)
        ),
        hoped_direction=c.hoped,
        cases=c.cases,
        pairs=c.pairs,
        concordant=c.concordant,
        discordant=c.discordant,
        tied=c.tied,
        concordance=value,
        interval=interval,
        resamples_used=c.resamples_used,
        concordance_text=words.DASH if value is None else words.fraction(value),
        interval_text=words.DASH if interval is None else words.interval_text(*interval),
    )


def _summary(o: ConcordanceView, level: float) -> str:
    if o.concordance is None:
        return words.outlook_no_pairs(o.cases)
    return words.outlook_concordance(
        o.concordance_text,
        level,
        o.interval_text,
        o.cases,
        o.pairs,
        o.concordant,
        o.discordant,
        o.tied,
    )


def _judgements(result: Backtest) -> JudgementsView:
    judged, cannot, none = len(result.judged), len(result.cannot_judge), len(result.unjudged)
    concordance = None if result.judgement is None else _concordance(result.judgement)
    if concordance is None:
        text = judgement_words.backtest_none(len(result.episodes))
    elif concordance.concordance is None:
        text = judgement_words.backtest_no_pairs(judged, cannot, none)
    else:
        text = judgement_words.backtest_concordance(
            concordance.concordance_text,
            result.level,
            concordance.interval_text,
            judged,
            concordance.pairs,
            concordance.concordant,
            concordance.discordant,
            concordance.tied,
            cannot,
            none,
        )
    return JudgementsView(
        concordance=concordance, judged=judged, cannot_judge=cannot, not_given=none, text=text
    )


def _option_lines(result: Backtest) -> list[str]:
    """What --exclude-hindsight and --exclude-out-of-scope did, when given."""
    lines = []
    if result.hindsight_rule == SET_ASIDE:
        counted = [(e.case_id, e.set_aside) for e in result.episodes if e.set_aside]
        lines.append(words.hindsight_set_aside(result.set_aside, counted))
    if result.out_of_scope_left_out:
        left = [e.case_id for e in result.excluded if e.reason == "out-of-scope"]
        lines.append(words.out_of_scope_left_out(left))
    return lines


def refusal(result: Backtest) -> str | None:
    """Why nothing can be back-tested, or None. No episode with an ordered verdict, or episodes
    that all share one verdict, leave no comparable pair: every figure would be empty, and a
    table of them would say nothing true about the outlook."""
    if result.outlook.pairs:
        return None
    reasons: dict[str, int] = {}
    for excluded in result.excluded:
        reasons[excluded.reason] = reasons.get(excluded.reason, 0) + 1
    counted = sorted(reasons.items(), key=lambda item: (-item[1], item[0]))
    if not result.episodes:
        return words.backtest_none(len(result.excluded), counted)
    verdicts = {e.verdict for e in result.episodes}
    if len(verdicts) == 1:
        return words.backtest_one_verdict(len(result.episodes), verdicts.pop(), counted)
    return None  # verdicts differ but no pair is scored on both: the table says so


def build(result: Backtest) -> BacktestView:
    outlook = _concordance(result.outlook)
    factors = tuple(_concordance(c) for c in result.factors)
    counts = result.verdicts
    closing = []
    if result.excluded:
        closing.append(
            words.left_out([words.excluded_text(e.case_id, e.reason) for e in result.excluded])
        )
    if any(c.concordance is None for c in (outlook, *factors)):
        closing.append(words.BACKTEST_DASH)
    hindsight = result.hindsight_answers
    closing += _option_lines(result)
    kept = len(result.episodes)
    closing += [
        words.backtest_hindsight(hindsight, kept)
        if hindsight
        else words.backtest_no_hindsight(kept),
        words.BACKTEST_METHOD,
        words.BACKTEST_RED_FLAGS,
        words.bootstrap_text(result.resamples, result.seed),
        words.BACKTEST_NO_FITTING,
    ]
    return BacktestView(
        schema=SCHEMA,
        statement=words.BACKTEST_STATEMENT,
        no_fitting=words.BACKTEST_NO_FITTING,
        method=Method(
            statistic=words.BACKTEST_METHOD,
            order=tuple(history.ORDINAL),
            ties=0.5,
            bootstrap=Bootstrap(
                unit="case",
                resamples=result.resamples,
                seed=result.seed,
                level=result.level,
                interval="percentile",
            ),
        ),
        verdicts=VerdictCounts(
            ineffective=counts["ineffective"],
            partly=counts["partly"],
            effective=counts["effective"],
        ),
        outlook=outlook,
        factors=factors,
        episodes=tuple(
            EpisodeView(
                id=e.case_id,
                title=e.title,
                file=e.file,
                verdict=e.verdict,
                verdict_text=common.verdict_text(e.verdict),
                outlook=whole_or_none(e.outlook),
                outlook_text=common.number(e.outlook),
                band_label=e.band,
                hindsight_answers=e.hindsight,
                judgement=e.judgement,
                hindsight_set_aside=e.set_aside,
            )
            for e in result.episodes
        ),
        hindsight_answers=hindsight,
        excluded=tuple(
            ExcludedView(id=e.case_id, file=e.file, reason=e.reason) for e in result.excluded
        ),
        framework=framework_id(result.framework),
        tool=tool_ref(),
        title=words.BACKTEST_TITLE,
        summary=_summary(outlook, result.level),
        verdicts_text=words.verdict_counts(list(counts.items())),
        closing=tuple(closing),
        options=Options(
            exclude_hindsight=result.hindsight_rule == SET_ASIDE,
            exclude_out_of_scope=result.out_of_scope_left_out,
        ),
        judgements=_judgements(result),
    )
