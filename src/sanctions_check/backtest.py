"""The back-test: how well the outlook orders past episodes by their recorded outcome. Pure.

It reports and never fits: nothing here changes a weight, threshold or anchor, and nothing it
computes is read by the scoring.

**Concordance** (the C-index; with two outcome classes, the AUC). The sources' overall verdicts are
ordered ineffective < partly < effective; ``unclear`` and cases without an outcome are left out.
Every pair of cases with *different* verdicts is a comparable pair. A pair is concordant when the
case with the better verdict has the higher outlook, discordant when it has the lower, and tied
when the two outlooks are equal (to six decimals); ties count one half:
``C = (concordant + tied / 2) / pairs``. 0.5 is the ordering of a coin, 1 puts every better
episode above every worse one, 0 the reverse.

The same is computed for each factor's score as the tool shows it (an unknown at its neutral
value); cases where the factor has no answered question are left out of that factor, and cases
with no answered question at all are left out entirely. For red flags a *lower* score is the
hoped-for direction, so a useful red flag shows a concordance below 0.5.

**The analysts' judgements** (``judgement`` in a case file) are ordered the same way against the
verdicts, by the same pairs and bootstrap: unlikely to help < could help < likely to help; an
episode whose judgement is "cannot judge yet", or that carries none, takes no part in it (the
result counts both). The judgement is the analyst's own, never computed: the back-test only
reports how it ordered the episodes.

**Options.** ``hindsight="set-aside"`` scores each episode on what was knowable at its ``as_of``:
every answer flagged ``hindsight: true`` counts as unknown (risk ratings never enter the outlook),
and each episode says how many answers were set aside. ``out_of_scope=True`` leaves out the
episodes whose case scope mark the framework places outside its own definition of targeted
sanctions (``outside_definition``: an arms embargo alone); a threat-only episode is within it and
stays.

**Interval**: a percentile bootstrap over cases. Each of ``resamples`` resamples draws as many
cases as there are, with replacement, from a ``random.Random(seed)`` generator (cases taken in id
order, so the same files give the same interval); the statistic is recomputed on each resample
(a case drawn twice counts twice; resamples with no comparable pair are skipped) and the interval
is the 2.5th and 97.5th percentile, linearly interpolated, of the values.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, Literal, NamedTuple

from sanctions_check import history

if TYPE_CHECKING:
    from sanctions_check.framework import Framework
    from sanctions_check.scoring import Assessment

SEED = 20250401
RESAMPLES = 2000
LEVEL = 0.95
TIE_DIGITS = 6
OUTLOOK: Final = "outlook"
JUDGEMENT: Final = "judgement"
# What a concordance ranks by: the outlook, a factor's score (its kind), or the analysts' own
# judgements.
ScoreKind = Literal["outlook", "core", "secondary", "red_flag", "judgement"]
# The analyst's judgement, in the order the back-test ranks it; "cannot-judge" has no place in it.
JUDGEMENT_ORDER: Final[dict[str, int]] = {"unlikely": 0, "could": 1, "likely": 2}
CANNOT_JUDGE: Final = "cannot-judge"
# How answers flagged as hindsight are treated: kept as given, or set aside (unknown).
Hindsight = Literal["kept", "set-aside"]
KEPT: Final = "kept"
SET_ASIDE: Final = "set-aside"
# The verdicts the back-test orders (ineffective < partly < effective).
Ordered = Literal["effective", "partly", "ineffective"]

# Why a case took no part.
ExcludedReason = Literal["no-outcome", "unclear", "hypothetical", "not-scored", "out-of-scope"]
NO_OUTCOME: Final = "no-outcome"
UNCLEAR: Final = "unclear"
HYPOTHETICAL: Final = "hypothetical"
NOT_SCORED: Final = "not-scored"
OUT_OF_SCOPE: Final = "out-of-scope"


class Episode(NamedTuple):
    """One case with an ordered verdict, and the scores that the back-test ranks."""

    case_id: str
    title: str
    file: str
    verdict: Ordered
    outlook: float | None
    band: str | None
    factors: tuple[tuple[str, float | None], ...]  # factor id -> score (None: no answers)
    hindsight: int  # answers flagged as resting on facts later than the case's date
    judgement: str | None = None  # the analyst's own view (likely, could, ...), None: not given
    set_aside: int = 0  # hindsight answers counted as unknown (hindsight set aside)

    @property
    def rank(self) -> int:
        return history.ORDINAL[self.verdict]

    def score(self, what: str) -> float | None:
        if what == OUTLOOK:
            return self.outlook
        if what == JUDGEMENT:
            rank = JUDGEMENT_ORDER.get(self.judgement or "")
            return None if rank is None else float(rank)
        return dict(self.factors).get(what)


class Excluded(NamedTuple):
    case_id: str
    file: str
    reason: ExcludedReason


class Concordance(NamedTuple):
    """How one score orders the episodes, with its bootstrap interval."""

    what: str  # OUTLOOK or a factor id
    name: str  # the factor's short label; for the outlook, OUTLOOK (the view names it)
    kind: ScoreKind
    cases: int  # episodes with a score for this
    pairs: int  # comparable pairs: different verdicts
    concordant: int
    discordant: int
    tied: int
    low: float | None  # bootstrap interval; None when no resample had a comparable pair
    high: float | None
    resamples_used: int

    @property
    def value(self) -> float | None:
        if not self.pairs:
            return None
        return (self.concordant + self.tied / 2) / self.pairs

    @property
    def hoped(self) -> Literal["higher", "lower"]:
        """The direction that would support the framework: "higher", or "lower" for red flags."""
        return "lower" if self.kind == "red_flag" else "higher"


class Backtest(NamedTuple):
    episodes: tuple[Episode, ...]  # in id order
    outlook: Concordance
    factors: tuple[Concordance, ...]  # in the framework's order
    excluded: tuple[Excluded, ...]
    seed: int
    resamples: int
    level: float
    framework: Framework
    judgement: Concordance | None = None  # the analysts' judgements; None: none carries one
    hindsight_rule: Hindsight = KEPT
    out_of_scope_left_out: bool = False

    @property
    def judged(self) -> tuple[Episode, ...]:
        """Episodes whose judgement takes part: likely, could or unlikely to help."""
        return tuple(e for e in self.episodes if e.judgement in JUDGEMENT_ORDER)

    @property
    def cannot_judge(self) -> tuple[Episode, ...]:
        return tuple(e for e in self.episodes if e.judgement == CANNOT_JUDGE)

    @property
    def unjudged(self) -> tuple[Episode, ...]:
        """Episodes that carry no judgement at all."""
        return tuple(e for e in self.episodes if e.judgement is None)

    @property
    def set_aside(self) -> int:
        """Hindsight answers counted as unknown across the episodes."""
        return sum(e.set_aside for e in self.episodes)

    @property
    def hindsight_answers(self) -> int:
        return sum(e.hindsight for e in self.episodes)

    @property
    def verdicts(self) -> dict[Ordered, int]:
        """How many episodes each verdict has, in the order the back-test ranks them."""
        counts: dict[Ordered, int] = dict.fromkeys(history.ORDINAL, 0)
        for episode in self.episodes:
            counts[episode.verdict] += 1
        return counts


def pairs(episodes: Sequence[Episode], what: str) -> list[tuple[int, int, float]]:
    """Comparable pairs (worse index, better index, 1 / 0.5 / 0) among cases scored on ``what``."""
    out = []
    for i, a in enumerate(episodes):
        sa = a.score(what)
        if sa is None:
            continue
        for j, b in enumerate(episodes):
            sb = b.score(what)
            if sb is None or a.rank >= b.rank:
                continue
            low, high = round(sa, TIE_DIGITS), round(sb, TIE_DIGITS)
            out.append((i, j, 1.0 if high > low else 0.5 if high == low else 0.0))
    return out


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th quantile (0-1) of values, linearly interpolated between order statistics."""
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def draws(n: int, resamples: int, seed: int) -> list[list[int]]:
    """For each resample, how many times each of n cases is drawn (with replacement)."""
    rng = random.Random(seed)
    out = []
    for _ in range(resamples):
        counts = [0] * n
        for _ in range(n):
            counts[int(rng.random() * n)] += 1
        out.append(counts)
    return out


def concordance(
    episodes: Sequence[Episode],
    what: str,
    name: str,
    kind: ScoreKind,
    counts: Sequence[Sequence[int]],
    level: float = LEVEL,
) -> Concordance:
    found = pairs(episodes, what)
    concordant = sum(1 for *_, s in found if s == 1.0)
    tied = sum(1 for *_, s in found if s == 0.5)
    values = []
    for draw in counts:
        weight = total = 0.0
        for i, j, s in found:
            w = draw[i] * draw[j]
            weight += w
            total += w * s
        if weight:
            values.append(total / weight)
    tail = (1 - level) / 2
    return Concordance(
        what=what,
        name=name,
        kind=kind,
        cases=sum(1 for e in episodes if e.score(what) is not None),
        pairs=len(found),
        concordant=concordant,
        discordant=len(found) - concordant - tied,
        tied=tied,
        low=percentile(values, tail) if values else None,
        high=percentile(values, 1 - tail) if values else None,
        resamples_used=len(values),
    )


def episodes_of(
    assessments: Sequence[Assessment],
    *,
    hindsight: Hindsight = KEPT,
    out_of_scope: bool = False,
) -> tuple[tuple[Episode, ...], tuple[Excluded, ...]]:
    """The cases that can be ordered, in id order, and why each other case is left out.

    ``hindsight`` set aside scores each case again with its hindsight answers counted as unknown;
    ``out_of_scope`` leaves out the cases outside the framework's definition of targeted
    sanctions.
    """
    from sanctions_check.scoring import assess

    kept: list[Episode] = []
    left: list[Excluded] = []
    for result in assessments:
        case = result.case
        header = case.header
        verdict = history.verdict_of(case)
        set_aside = 0
        if hindsight == SET_ASIDE:
            knowable, set_aside = history.without_hindsight(case)
            if set_aside:
                result = assess(result.framework, knowable)
        reason: ExcludedReason | None = None
        if header.hypothetical:
            reason = HYPOTHETICAL
        elif verdict is None:
            reason = NO_OUTCOME
        elif verdict not in history.ORDINAL:
            reason = UNCLEAR
        elif out_of_scope and history.out_of_scope(result):
            reason = OUT_OF_SCOPE
        elif result.outlook.score is None or result.outlook.coverage <= 0:
            reason = NOT_SCORED  # nothing answered: the outlook would be neutral values alone
        if reason is not None:
            left.append(Excluded(case_id=header.id, file=case.source, reason=reason))
            continue
        assert verdict is not None and verdict != UNCLEAR
        band = result.outlook.band
        judgement = case.judgement
        kept.append(
            Episode(
                case_id=header.id,
                title=header.title,
                file=case.source,
                verdict=verdict,
                outlook=result.outlook.score,
                band=None if band is None else band.label,
                factors=tuple(
                    (f.id, f.score if f.score is not None and f.coverage > 0 else None)
                    for f in result.factors
                ),
                hindsight=history.hindsight_answers(case),
                judgement=None if judgement is None else judgement.view,
                set_aside=set_aside,
            )
        )
    kept.sort(key=lambda e: (e.case_id, e.file))
    left.sort(key=lambda e: (e.case_id, e.file))
    return tuple(kept), tuple(left)


def run(
    assessments: Sequence[Assessment],
    *,
    seed: int = SEED,
    resamples: int = RESAMPLES,
    level: float = LEVEL,
    hindsight: Hindsight = KEPT,
    out_of_scope: bool = False,
) -> Backtest:
    """The back-test of scored cases; every case must be scored against one framework.

    ``hindsight`` and ``out_of_scope``: see the module's docstring and :func:`episodes_of`.
    """
    if not assessments:
        raise ValueError("the back-test needs at least one scored case")
    framework = assessments[0].framework
    episodes, excluded = episodes_of(assessments, hindsight=hindsight, out_of_scope=out_of_scope)
    counts = draws(len(episodes), resamples, seed)
    carries = any(e.judgement is not None for e in episodes)
    factors = tuple(
        concordance(episodes, f.id, f.label, f.kind, counts, level) for f in framework.factors
    )
    return Backtest(
        episodes=episodes,
        outlook=concordance(episodes, OUTLOOK, OUTLOOK, OUTLOOK, counts, level),
        factors=factors,
        excluded=excluded,
        seed=seed,
        resamples=resamples,
        level=level,
        framework=framework,
        judgement=(
            concordance(episodes, JUDGEMENT, JUDGEMENT, JUDGEMENT, counts, level)
            if carries
            else None
        ),
        hindsight_rule=hindsight,
        out_of_scope_left_out=out_of_scope,
    )
