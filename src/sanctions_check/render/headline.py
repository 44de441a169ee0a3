"""The outlook's headline: the band when it is earned, or what is missing when it is not.

Every view that states a case's outlook (the report and its bottom line and brief, `assess`,
`compare`, `panel`) words it here, from the scoring's facts, so that no view can name a band the
answers have not earned, and "could be" never names the band the point is already in.
"""

from __future__ import annotations

from typing import NamedTuple

from sanctions_check.framework import Framework
from sanctions_check.numbers import share, share_or_none
from sanctions_check.render.wording import common
from sanctions_check.scoring import (
    LOW_COVERAGE,
    BandWithheld,
    Outlook,
    WithheldReason,
    band_rank,
)


class WithheldView(NamedTuple):
    """Why an outlook has no band (``band_withheld`` in every JSON): the reasons as data, the
    figures they rest on rounded as printed, and what earns a band, in words."""

    reasons: tuple[WithheldReason, ...]  # 'coverage', 'uninformed-core'
    coverage: float  # overall, a whole percent as a fraction
    outside_coverage: float | None  # of the questions an outside analyst can answer
    min_coverage: float  # the framework's minimum, compared with outside_coverage
    uninformed_core: tuple[str, ...]  # core factor ids with no informative answer
    uninformed_names: tuple[str, ...]
    text: str  # what earns a band, under the headline


def withheld_view(framework: Framework, outlook: Outlook) -> WithheldView | None:
    withheld = outlook.withheld
    if withheld is None:
        return None
    return WithheldView(
        reasons=withheld.reasons,
        coverage=share(withheld.coverage),
        outside_coverage=share_or_none(withheld.outside_coverage),
        min_coverage=withheld.min_coverage,
        uninformed_core=withheld.uninformed_core,
        uninformed_names=uninformed_labels(framework, withheld.uninformed_core),
        text=common.withheld_explained(withheld.min_coverage, framework.marks_insiders),
    )


def other_bands(framework: Framework, outlook: Outlook) -> tuple[str, ...]:
    """The labels of the bands the range reaches besides the point's own, lowest first."""
    band, low, high = outlook.band, outlook.band_low, outlook.band_high
    if band is None or low is None or high is None:
        return ()
    span = framework.bands[band_rank(framework, low.id) : band_rank(framework, high.id) + 1]
    return tuple(b.label for b in span if b.id != band.id)


def outside_share(framework: Framework, outlook: Outlook) -> float | None:
    """The coverage of the outsider questions, when the framework marks insider ones."""
    return outlook.outside_coverage if framework.marks_insiders else None


def coverage(framework: Framework, outlook: Outlook) -> str:
    """'coverage 62%, 70% of the questions an outside analyst can answer'."""
    return common.coverage_text(outlook.coverage, outside_share(framework, outlook))


def uninformed_labels(framework: Framework, ids: tuple[str, ...]) -> tuple[str, ...]:
    """The short names of factors, in framework order."""
    labels = []
    for factor in framework.factors:
        if factor.id in ids:
            labels.append(factor.label)
    return tuple(labels)


def withheld_reasons(framework: Framework, withheld: BandWithheld) -> list[str]:
    """What keeps the band back, as clauses: the core factors without an informative answer,
    then the coverage short of the framework's minimum."""
    reasons = []
    if withheld.uninformed_core:
        reasons.append(common.uninformed(uninformed_labels(framework, withheld.uninformed_core)))
    if LOW_COVERAGE in withheld.reasons:
        outsiders = framework.marks_insiders and withheld.outside_coverage is not None
        answered = withheld.outside_coverage if outsiders else withheld.coverage
        reasons.append(common.withheld_coverage(answered or 0.0, withheld.min_coverage, outsiders))
    return reasons


def headline(framework: Framework, outlook: Outlook) -> str:
    """The one line every view prints first about a case's outlook."""
    withheld = outlook.withheld
    if withheld is not None:
        # The outsiders' coverage is already in the reason when coverage keeps the band back.
        said = LOW_COVERAGE in withheld.reasons and framework.marks_insiders
        return common.withheld_text(
            withheld_reasons(framework, withheld),
            outlook.score,
            outlook.low,
            outlook.high,
            common.coverage_text(outlook.coverage, None) if said else coverage(framework, outlook),
        )
    return common.outlook_text(
        outlook.band.label if outlook.band else None,
        outlook.capped,
        outlook.score,
        outlook.low,
        outlook.high,
        coverage(framework, outlook),
        other_bands(framework, outlook),
    )
