"""The words of `compare`: what changed between two assessments of one case."""

from __future__ import annotations

NO_CHANGES = "No changes: the two assessments give the same answers, scores, risks and judgement."
DIRECTION_WORDS = {
    "rose": "rose",
    "fell": "fell",
    "added": "newly rated",
    "dropped": "no longer rated",
    "changed": "re-rated, same level",
}
NOT_APPLICABLE = "not applicable"
OLD_REASON = "old reason"
NEW_REASON = "new reason"
NONE = "none"
NOTHING = "–"
NONE_LISTED = "none"
NONE_LISTED_MD = "None."


def signed(delta: float | None) -> str:
    """A change in points, with its sign ('+12', '−3', '0'), or '–' when either side is missing."""
    if delta is None:
        return "–"
    value = round(delta)
    if value > 0:
        return f"+{value}"
    if value < 0:
        return f"−{-value}"
    return "0"


def change(old: str, new: str) -> str:
    return f"{old} → {new}"


def heading(title: str) -> str:
    return f"Comparing assessments of {title}"


def markdown_heading(title: str) -> str:
    return f"What changed: {title}"


def who(file: str, assessed_on: str | None, analyst: str | None) -> str:
    """A side of the comparison: its file, when it was assessed and by whom."""
    parts = [file]
    if assessed_on:
        parts.append(f"assessed {assessed_on}")
    if analyst:
        parts.append(f"by {analyst}")
    return ", ".join(parts)


def different_ids(old: str, new: str) -> str:
    return f"the two files describe different case ids ({old!r} and {new!r}); compared anyway"


def note(text: str) -> str:
    return f"Note: {text}"


def limits_changed(old: str, new: str) -> str:
    return "Limiting factor: " + change(old, new)


def limits_same(names: str) -> str:
    return f"Limiting factor, unchanged: {names}"


def flags_line(raised: str, cleared: str) -> str:
    return f"Red flags raised: {raised}; cleared: {cleared}"


def answers_heading(count: int) -> str:
    return f"Answers that changed ({count})"


def risks_heading(count: int) -> str:
    return f"Risks that changed ({count})"


def factor_name(name: str, kind_label: str) -> str:
    return f"{name} ({kind_label})"


def answer_line(score_text: str, confidence: str | None, note: str | None) -> str:
    """One side of a changed answer: '3 of 4, high confidence: the note'."""
    level = f", {confidence} confidence" if confidence else ""
    said = f": {note}" if note else ""
    return f"{score_text}{level}{said}"


def risk_re_rated(name: str, words: str, text: str) -> str:
    return f"{name} {words} ({text})"


def mitigation_changed(old: str, new: str) -> str:
    return "mitigation: " + change(old, new)


def risk_moved(name: str, words: str, old: str, new: str) -> str:
    return f"{name} {words}: " + change(old, new)


def method(framework_id: str, version: str) -> str:
    return f"Both scored against framework {framework_id} {version}."
