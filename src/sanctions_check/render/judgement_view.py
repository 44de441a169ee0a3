"""The analyst's own judgement beside the computed outlook, as every report format and the brief
show it; `compare` and `panel` read the same rule.

The case file's ``judgement`` (view, reason, date) is shown as written, or as "not given"; the
tool never fills it in and never scores it. When the judgement and the outlook's band point
different ways, the report says so, siding with neither. The rule: "likely to help" beside a band
in the lower half of the framework's bands (Low or Guarded, of four), or "unlikely to help"
beside one in the upper half (Moderate or Favourable). With an odd number of bands the middle one
is in neither half. "Could help" and "cannot judge yet" point no way. Without a band (the answers
do not earn one) there is nothing to disagree with, and nothing is said.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from sanctions_check.render.wording import judgement as words

if TYPE_CHECKING:
    from sanctions_check.case import Judgement, View


class JudgementView(NamedTuple):
    given: bool
    view: View | None  # likely, could, unlikely, cannot-judge; None: not given
    label: str  # 'likely to help', ..., 'not given'
    reason: str | None  # as written, without its trailing line break
    date: str | None  # when the judgement was made
    text: str  # 'likely to help (judged 2026-12-01)'
    differs: bool  # the judgement and the band point different ways
    differs_text: str | None
    hint: str | None  # where to record one, when none is given


def points_apart(view: str | None, band_id: str | None, band_ids: Sequence[str]) -> bool:
    """Whether a judgement and a band point different ways (the module's rule)."""
    if view is None or band_id is None or band_id not in band_ids:
        return False
    rank, half = list(band_ids).index(band_id), len(band_ids) // 2
    if view == "likely":
        return rank < half
    if view == "unlikely":
        return rank >= len(band_ids) - half
    return False


def build(
    judgement: Judgement | None,
    band_id: str | None,
    band_label: str | None,
    band_ids: Sequence[str],
) -> JudgementView:
    """The judgement beside an outlook whose band is ``band_id`` (None: no band printed)."""
    from sanctions_check.render.wording.common import view_label

    if judgement is None:
        return JudgementView(
            given=False,
            view=None,
            label=view_label(None),
            reason=None,
            date=None,
            text=words.line(None, None),
            differs=False,
            differs_text=None,
            hint=words.NOT_GIVEN_HINT,
        )
    apart = points_apart(judgement.view, band_id, band_ids)
    return JudgementView(
        given=True,
        view=judgement.view,
        label=view_label(judgement.view),
        reason=judgement.reason.strip() or None,
        date=judgement.date,
        text=words.line(judgement.view, judgement.date),
        differs=apart,
        differs_text=words.differs(judgement.view, band_label or "") if apart else None,
        hint=None,
    )
