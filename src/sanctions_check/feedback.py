"""Files for a panel's next round: each analyst's own case file, annotated with the panel's answers.

Every line added is a YAML comment starting with ``FEEDBACK_MARK``: above each answered
question (and rated risk), the anonymised distribution of the panel's answers (counts per level,
the median and the range; never a name or a note); at the top, a short explanation and the
questions the file does not answer. The answers, notes and everything else in the file stay byte
for byte as they were, so the file still validates; this is checked on every file written (the
annotated text must parse to the same data), and a file whose layout leaves no safe place for a
comment (a flow-style mapping, say) gets its annotations in the top comment instead.

Annotating a file that already carries annotations replaces them, so round 3 does not pile onto
round 2. Files are written atomically and never replace an existing file unless asked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sanctions_check import yamlio
from sanctions_check.errors import InputError, WriteError
from sanctions_check.numbers import level_span, level_text
from sanctions_check.panel import Member, Panel, QuestionPanel, RiskPanel, is_number, median

Where = tuple[str, ...]

# YAML comments only, with counts and numbers (never a name or a note). Every line the tool adds
# starts with FEEDBACK_MARK, so a later round replaces them cleanly.
FEEDBACK_MARK = "# [panel]"
FEEDBACK_HEADER = (
    "For the next round of a panel of {analysts} analysts. Your answers and notes are unchanged.",
    "Above each question, a comment shows how the whole panel answered it (anonymised: counts",
    "only, no names). Revise any answer you wish, then run `sanctions-check panel` on every",
    "analyst's revised file.",
)
FEEDBACK_NOT_IN_FILE = "Questions this file does not answer, and how the panel answered them:"


def feedback_line(
    analysts: int, counts: dict[str, int], median: object, low: object, high: object
) -> str:
    """'panel of 3: 2 ×1, 3 ×2; median 3, range 2–3' (levels, then unknown and n/a)."""
    levels = [f"{k} ×{n}" for k, n in counts.items() if n and k != "unanswered"]
    shown = ", ".join(levels) if levels else "no answers"
    if median is not None:
        shown += f"; median {level_text(median)}, range {level_span(low, high)}"
    return f"panel of {analysts}: {shown}"


def feedback_risk_line(analysts: int, part: str, counts: dict[str, int], median: object) -> str:
    """One part (likelihood or severity) of a risk across the panel."""
    levels = [f"{k} ×{n}" for k, n in counts.items() if n]
    shown = ", ".join(levels) if levels else "no answers"
    tail = "" if median is None else f"; median {level_text(median)}"
    return f"panel of {analysts}, {part}: {shown}{tail}"


def _question_line(panel: Panel, question: QuestionPanel) -> str:
    return feedback_line(
        len(panel.members), question.distribution, question.median, question.low, question.high
    )


def _risk_counts(values: tuple[Any, ...]) -> dict[str, int]:
    counts = {str(level): 0 for level in range(5)}
    for v in values:
        if is_number(v):
            counts[str(v)] = counts.get(str(v), 0) + 1
    counts["unknown"] = sum(1 for v in values if v == "unknown")
    return counts


def _risk_lines(panel: Panel, risk: RiskPanel) -> list[str]:
    n = len(panel.members)
    return [
        feedback_risk_line(
            n,
            "likelihood",
            _risk_counts(risk.likelihoods),
            median([v for v in risk.likelihoods if is_number(v)]),
        ),
        feedback_risk_line(
            n,
            "severity",
            _risk_counts(risk.severities),
            median([v for v in risk.severities if is_number(v)]),
        ),
    ]


def _is(node: Any, kind: str) -> bool:
    """PyYAML nodes name their kind in ``id``: 'scalar', 'sequence' or 'mapping'."""
    return getattr(node, "id", None) == kind


def _key_lines(text: str) -> dict[Where, tuple[int, int]]:
    """0-based (line, column) of each question key under ``answers`` and risk under ``risks``."""
    root: Any = yamlio.compose(text)
    found: dict[Where, tuple[int, int]] = {}
    if not _is(root, "mapping"):
        return found
    for top_key, top_value in root.value:
        if not _is(top_key, "scalar") or not _is(top_value, "mapping"):
            continue
        if top_key.value == "answers":
            for f_key, f_value in top_value.value:
                if _is(f_key, "scalar") and _is(f_value, "mapping"):
                    for q_key, _ in f_value.value:
                        if _is(q_key, "scalar"):
                            mark = q_key.start_mark
                            found[("answers", f_key.value, q_key.value)] = (mark.line, mark.column)
        elif top_key.value == "risks":
            for r_key, _ in top_value.value:
                if _is(r_key, "scalar"):
                    mark = r_key.start_mark
                    found[("risks", r_key.value)] = (mark.line, mark.column)
    return found


def _without_old_marks(text: str, name: str) -> str:
    """The text without the comments a previous round added, when that changes no data."""
    lines = text.splitlines(keepends=True)
    kept = [ln for ln in lines if not ln.lstrip(" ").startswith(FEEDBACK_MARK)]
    if len(kept) == len(lines):
        return text
    stripped = "".join(kept)
    try:
        same = yamlio.parse(stripped, name) == yamlio.parse(text, name)
    except InputError:
        same = False
    return stripped if same else text


def _comment(indent: str, body: str, newline: str) -> str:
    return f"{indent}{FEEDBACK_MARK} {body}{newline}"


def annotate(text: str, panel: Panel, member: Member) -> str:
    """The member's file text with the panel's distribution above each question (pure)."""
    name = member.file
    text = _without_old_marks(text, name)
    newline = "\r\n" if "\r\n" in text else "\n"
    own = member.case
    notes: dict[Where, list[str]] = {}
    missing: list[str] = []
    for q in panel.questions:
        if all(a is None for a in q.answers):
            continue
        line = _question_line(panel, q)
        if own.answer(q.factor_id, q.question_id).is_empty:
            missing.append(f"{q.ref}: {line}")
        else:
            notes[("answers", q.factor_id, q.question_id)] = [line]
    for risk in panel.risks:
        lines = _risk_lines(panel, risk)
        if own.risk(risk.id).is_empty:
            missing.extend(f"risks.{risk.id}: {ln}" for ln in lines)
        else:
            notes[("risks", risk.id)] = lines
    header = [h.format(analysts=len(panel.members)) for h in FEEDBACK_HEADER]
    if missing:
        header += [FEEDBACK_NOT_IN_FILE, *(f"  {m}" for m in missing)]
    inline = _inline(text, notes, newline)
    top = "".join(_comment("", h, newline) for h in header)
    candidate = top + inline
    if _same_data(candidate, text, name):
        return candidate
    # No safe place inside the file: every annotation goes in the top comment instead.
    everything = header + [f"{'.'.join(w[1:])}: {ln}" for w, lines in notes.items() for ln in lines]
    candidate = "".join(_comment("", h, newline) for h in everything) + text
    if _same_data(candidate, text, name):
        return candidate
    raise WriteError(f"{name}: could not be annotated without changing its data; nothing written")


def _inline(text: str, notes: dict[Where, list[str]], newline: str) -> str:
    if not notes:
        return text
    at = _key_lines(text)
    lines_of = text.splitlines(keepends=True)
    placed = [(where, at[where]) for where in notes if where in at]
    per_line: dict[int, int] = {}
    for _, (number, _column) in placed:
        per_line[number] = per_line.get(number, 0) + 1
    before: dict[int, list[str]] = {}
    for where, (number, column) in placed:
        bodies = notes[where]
        line = lines_of[number]
        # A key that shares its line, or is not first on it, is named in its comment.
        if per_line[number] > 1 or column != len(line) - len(line.lstrip(" ")):
            bodies = [f"{'.'.join(where[1:])}: {body}" for body in bodies]
        before.setdefault(number, []).extend(bodies)
    out: list[str] = []
    for number, line in enumerate(lines_of):
        if number in before:
            indent = line[: len(line) - len(line.lstrip(" "))]
            out.extend(_comment(indent, body, newline) for body in before[number])
        out.append(line)
    return "".join(out)


def _same_data(candidate: str, original: str, name: str) -> bool:
    try:
        return bool(yamlio.parse(candidate, name) == yamlio.parse(original, name))
    except InputError:
        return False


def target_names(panel: Panel, folder: Path) -> list[Path]:
    """Where each member's annotated file goes: its own file name in the folder, made unique."""
    used: set[str] = set()
    out = []
    for member in panel.members:
        base = Path(member.file).name
        stem, suffix = Path(base).stem, Path(base).suffix or ".yaml"
        candidate = base
        if candidate in used:
            candidate = f"{stem}-{member.key}{suffix}"
        used.add(candidate)
        out.append(folder / candidate)
    return out


def write(
    panel: Panel, folder: Path, *, overwrite: bool, max_bytes: int = yamlio.DEFAULT_MAX_BYTES
) -> list[Path]:
    """Write every member's annotated file; refuse before writing any if one would be replaced."""
    targets = target_names(panel, folder)
    inputs = {Path(m.file).resolve(): m for m in panel.members}
    for target in targets:
        owner = inputs.get(target.resolve())
        if owner is not None:
            raise WriteError(
                f"{target} is the input file of {owner.name}; choose another --feedback folder"
            )
    if not overwrite:
        existing = [str(t) for t in targets if t.exists()]
        if existing:
            raise WriteError(
                f"{', '.join(existing)} already exist(s); nothing written (use --force to "
                "replace, or choose another --feedback folder)"
            )
    texts = [
        annotate(yamlio.read_text(Path(m.file), max_bytes=max_bytes), panel, m)
        for m in panel.members
    ]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"cannot create {folder}: {exc.strerror or exc}") from None
    for text, target in zip(texts, targets, strict=True):
        yamlio.atomic_write(target, text, overwrite=overwrite)
    return targets
