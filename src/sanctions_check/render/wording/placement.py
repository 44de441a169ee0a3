"""The words of the placement among coded past episodes, in every output that shows an outlook.

Counts, never percentages: a library of a few dozen episodes does not support a share. Which
sentence a case gets (placed, nothing to place, no episode to place it among) is decided by the
view (``placement_view``); each sentence here only words what it is given.
"""

from __future__ import annotations

from collections.abc import Sequence

from sanctions_check.render.wording.common import plural

HEADING = "Among coded past episodes"
LABEL = "Past episodes"  # the bottom line's label
CAVEAT = (
    "These episodes were coded after the fact, with a risk of hindsight; the placement describes "
    "them and is not a forecast for this case. Nothing in the outlook is fitted to their outcomes."
)
CAVEAT_SHORT = "Coded after the fact, with hindsight risk; not a forecast."
NO_OUTLOOK = (
    "Not placed among past episodes: nothing is answered yet, so this outlook is neutral values "
    "alone."
)
NO_FACTOR = "Not placed among past episodes: no factor applies, so there is no outlook to place."
NEAREST_RULE = (
    "Nearest by outlook: the smallest difference between the exact outlooks; ties go to the "
    "episode whose id comes first alphabetically."
)
# How each verdict reads in the count of the nearest episodes; the first carries 'judged'.
VERDICT_COUNTS = {
    "effective": "effective",
    "partly": "partly",
    "ineffective": "ineffective",
    "unclear": "unclear",
}
LEFT_OUT = {
    "hypothetical": "hypothetical",
    "no-outcome": "no verdict recorded",
    "no-outlook": "nothing answered",
    "out-of-scope": "outside the framework's definition of targeted sanctions",
}
# The short names of the score table's column and its CSV fields are in ``score``.


def _count(count: int) -> str:
    return "none" if count == 0 else str(count)


def _where(among: int, lower: int, level: int, higher: int, named: bool) -> str:
    """Where the outlook stands: 'Higher than 11 of 27 coded past episodes, level with 2, lower
    than 14', or without naming the episodes ('… of 27, …') when a label already does."""
    episodes = plural(among, "coded past episode") if named else str(among)
    one = "the one coded past episode" if named else "the one"
    everything = f"all {episodes}" if among > 1 else one
    for count, word in ((lower, "Higher than"), (higher, "Lower than"), (level, "Level with")):
        if count == among:
            return f"{word} {everything}"
    parts = [f"Higher than {_count(lower)} of {episodes}"]
    if level:
        parts.append(f"level with {level}")
    parts.append(f"lower than {_count(higher)}")
    return ", ".join(parts)


def _verdicts(items: Sequence[tuple[str, int, tuple[str, ...]]], ids: bool) -> str:
    """'2 judged effective (a, b), 1 partly (c), 2 ineffective (d, e), 0 unclear': every verdict
    in order, zero counts too; the first carries 'judged'; ``ids`` False leaves the ids out."""
    parts = []
    for number, (verdict, count, named) in enumerate(items):
        word = VERDICT_COUNTS.get(verdict, verdict)
        judged = "judged " if number == 0 else ""
        listed = f" ({', '.join(named)})" if named and ids else ""
        parts.append(f"{count} {judged}{word}{listed}")
    return ", ".join(parts)


def counts(among: int, lower: int, level: int, higher: int) -> str:
    """'Higher than 11 of 27 coded past episodes, level with 2, lower than 14.' ``lower`` is how
    many episodes score lower (so the case is higher than them), ``higher`` how many higher."""
    return f"{_where(among, lower, level, higher, named=True)}."


def nearest(shown: int, items: Sequence[tuple[str, int, tuple[str, ...]]]) -> str:
    """'The 5 nearest by outlook: 2 judged effective (a, b), 1 partly (c), 2 ineffective (d, e),
    0 unclear.' ``items``: (verdict, count, ids), every verdict in order, zero counts too."""
    head = "The nearest by outlook" if shown == 1 else f"The {shown} nearest by outlook"
    return f"{head}: {_verdicts(items, ids=True)}."


def short(
    among: int,
    lower: int,
    level: int,
    higher: int,
    shown: int,
    items: Sequence[tuple[str, int, tuple[str, ...]]],
) -> str:
    """The bottom line's form, under its label "Past episodes", every count whole in two
    80-column lines: 'higher than 4 of 27, level with 1, lower than 22; the 5 nearest: 1 judged
    effective, 1 partly, 2 ineffective, 1 unclear.'"""
    where = _where(among, lower, level, higher, named=False)
    head = "the nearest" if shown == 1 else f"the {shown} nearest"
    return f"{where[0].lower()}{where[1:]}; {head}: {_verdicts(items, ids=False)}."


def outlooks(items: list[tuple[str, int]]) -> str:
    """'Their outlooks: guinea-2009 58, libya-2011 65.' (nearest first)."""
    return f"Their outlooks: {', '.join(f'{ident} {value}' for ident, value in items)}."


NO_EPISODES = (
    "Not placed among past episodes: the library holds no other coded past episode (a real "
    "episode with a recorded verdict and an outlook of its own)."
)


def library(bundled: bool, among: int, itself: bool) -> str:
    """What the episodes are: 'The library: the bundled examples, 15 coded past episodes …'."""
    source = "the bundled examples" if bundled else "the episodes given with --library"
    held = plural(among + (1 if itself else 0), "coded past episode")
    self_note = ", this case one of them and left out of its own placement" if itself else ""
    return f"The library: {source}, {held}{self_note}."


def left_out(groups: list[tuple[str, tuple[str, ...]]]) -> str:
    """'Not counted: 1 hypothetical (aldovia-2025); 1 outside … (rwanda-1994).'"""
    parts = [
        f"{len(ids)} {LEFT_OUT.get(reason, reason)} ({', '.join(ids)})" for reason, ids in groups
    ]
    return f"Not counted as past episodes: {'; '.join(parts)}."


def other_framework() -> str:
    """Said once on standard error when the library cannot be scored with the framework given."""
    return (
        "note: the library's episodes are answered against another framework than the one in "
        "use, so the outlook is not placed among them; pass --library with episodes answered "
        "against this framework"
    )


def compare_line(old: str, new: str, changed: bool) -> str:
    """compare's line: 'Among coded past episodes: Higher than 6 of 26 … → Higher than 9 of 26 …'
    or '…, unchanged: …'. Each side is the counts sentence, or why that side is not placed."""
    if not changed:
        return f"{HEADING}, unchanged: {new}"
    return f"{HEADING}: {old.rstrip('.')} → {new}"


PANEL_HEADING = "Among coded past episodes: the pooled outlook"
