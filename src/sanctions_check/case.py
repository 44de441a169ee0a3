"""Case files: one assessment each, validated against the framework, saved in framework order.

``assess`` writes these files and ``score``/``report`` read them, so there is exactly one model and
one serialisation; a file written halfway through an interview is an ordinary, valid case file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal, NamedTuple

from sanctions_check import yamlio
from sanctions_check.checks import (
    INVALID,
    Checker,
    Choice,
    Context,
    Keyed,
    Number,
    Path_,
    Record,
    TextList,
    any_text,
    describe,
    iso_date,
    nonblank,
    opt,
    req,
    slug_id,
    suggest,
    true_false,
)
from sanctions_check.errors import InputError, Problem, shown_key
from sanctions_check.framework import Change, Framework, Migration, located

FORMAT = "sanctions-check/case@1"
UNKNOWN: Literal["unknown"] = "unknown"
NOT_APPLICABLE: Literal["n/a"] = "n/a"
Confidence = Literal["low", "medium", "high"]
CONFIDENCE: tuple[Confidence, ...] = ("low", "medium", "high")
# The sources' verdict on a past episode; "unclear" has no place in the order back-tests rank by.
Verdict = Literal["effective", "partly", "ineffective", "unclear"]
VERDICTS: tuple[Verdict, ...] = ("effective", "partly", "ineffective", "unclear")
# The analyst's own overall judgement: will targeted sanctions help prevent atrocities here? Stable
# ids; their labels ("likely to help", ...) are worded with the reports.
View = Literal["likely", "could", "unlikely", "cannot-judge"]
VIEWS: tuple[View, ...] = ("likely", "could", "unlikely", "cannot-judge")
REFERENCE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# A key cited in free text: "[AJ-CI]" standing on its own. Not a bracket that is part of a word
# ("want[s]", "[re]build"), not a Markdown link ("[text](url)"), and never one inside a quotation
# (QUOTATION), where square brackets are the quoted author's or an editor's ("[a]", "[sic]").
CITED_KEY = re.compile(r"(?<!\w)\[([A-Za-z0-9][A-Za-z0-9._-]*)\](?![\w(])")
# A quotation in free text: between straight double quotes, curly double quotes or guillemets. A
# quote mark without its closing one opens no quotation.
QUOTATION = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»')
# An answer: a level 0-4 (a case file gives whole levels; a panel's median case may hold a half
# level, 2.5), unknown, n/a, or None when not answered.
Score = int | float | Literal["unknown", "n/a"] | None


class Answer(NamedTuple):
    score: Score = None
    confidence: Confidence | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()
    hindsight: bool = False  # rests on facts later than the case's as_of date

    @property
    def answered(self) -> bool:
        """A level was given: any number 0-4, never a bool (a pooled panel gives half levels)."""
        return isinstance(self.score, int | float) and not isinstance(self.score, bool)

    @property
    def not_applicable(self) -> bool:
        return self.score == NOT_APPLICABLE

    @property
    def is_empty(self) -> bool:
        return self.score is None and not (
            self.confidence or self.note or self.sources or self.hindsight
        )


class RiskAnswer(NamedTuple):
    likelihood: Score = None
    severity: Score = None
    mitigation: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()
    confidence: Confidence | None = None
    hindsight: bool = False

    @property
    def not_applicable(self) -> bool:
        """The risk cannot arise with these measures (both sides n/a, with a note saying why):
        neither a rating of 0 x 0 nor an open, unrated risk."""
        return self.likelihood == NOT_APPLICABLE and self.severity == NOT_APPLICABLE

    @property
    def value(self) -> int | None:
        """Likelihood x severity (0..16), or None while either is unknown or unanswered."""
        if isinstance(self.likelihood, int) and isinstance(self.severity, int):
            return self.likelihood * self.severity
        return None

    @property
    def is_empty(self) -> bool:
        return (
            self.likelihood is None
            and self.severity is None
            and not (self.mitigation or self.note or self.sources or self.confidence)
            and not self.hindsight
        )


class CaseHeader(NamedTuple):
    id: str
    title: str
    country: str | None = None
    assessed_on: str | None = None
    analyst: str | None = None
    hypothetical: bool = False
    purpose: tuple[str, ...] = ()
    situation: str | None = None
    measures: str | None = None
    sources: tuple[str, ...] = ()
    as_of: str | None = None  # the moment the assessment is made as of (retrospective coding)
    implementers: tuple[str, ...] = ()  # who imposes the measures; the first is the lead
    scope: str | None = None  # a case scope mark of the framework (threat-only, ...); None: none


class Outcome(NamedTuple):
    """The sources' verdict on a past episode: evidence for analogues and back-tests only.

    Kept apart from the answers and never read by the scoring, so that nothing is fitted to it.
    """

    verdict: Verdict
    by_purpose: dict[str, Verdict] = {}  # noqa: RUF012  purpose id -> the verdict on it
    tsc_policy_outcome: int | None = None
    tsc_sanctions_contribution: int | None = None
    quote: str | None = None
    sources: tuple[str, ...] = ()
    note: str | None = None


class Judgement(NamedTuple):
    """The analyst's own overall judgement, beside (never inside) the computed outlook.

    The score informs a judgement; it must not replace it. The tool never fills this in, and the
    scoring never reads it. A view needs its reason, so that a reader can weigh it. The date says
    when the judgement was made: a case is often answered over days and judged, or judged again,
    after its ``assessed_on``. No analyst field: a case file is one analyst's (or team's) work,
    named in the header; another analyst's judgement belongs in their own file.
    """

    view: View
    reason: str
    date: str | None = None


class Case(NamedTuple):
    header: CaseHeader
    framework_ref: str
    # Shared empty defaults are safe: a Case is never changed in place (with_answer copies).
    answers: dict[str, dict[str, Answer]] = {}  # noqa: RUF012
    risks: dict[str, RiskAnswer] = {}  # noqa: RUF012
    source: str = "<case>"
    warnings: tuple[Problem, ...] = ()
    references: dict[str, str] = {}  # noqa: RUF012  source key -> URL or citation
    outcome: Outcome | None = None
    judgement: Judgement | None = None  # the analyst's own; None until they give it

    def answer(self, factor_id: str, question_id: str) -> Answer:
        return self.answers.get(factor_id, {}).get(question_id) or Answer()

    def risk(self, risk_id: str) -> RiskAnswer:
        return self.risks.get(risk_id) or RiskAnswer()

    def with_answer(self, factor_id: str, question_id: str, answer: Answer) -> Case:
        answers = {fid: dict(qs) for fid, qs in self.answers.items()}
        answers.setdefault(factor_id, {})[question_id] = answer
        return self._replace(answers=answers)

    def with_risk(self, risk_id: str, risk: RiskAnswer) -> Case:
        risks = dict(self.risks)
        risks[risk_id] = risk
        return self._replace(risks=risks)


def load(
    path: Path,
    framework: Framework,
    *,
    max_bytes: int = yamlio.DEFAULT_MAX_BYTES,
    label: str | None = None,
) -> Case:
    """Read, parse and validate one case file; all problems at once, each with its line."""
    name = label or str(path)
    text = yamlio.read_text(path, max_bytes=max_bytes, label=name)
    return loads(text, framework, name)


def loads(text: str, framework: Framework, name: str, *, data: Any = None) -> Case:
    """Parse and validate a case's text; ``data`` is its parse when already known (a bundled
    example), checked exactly as a fresh parse is."""
    if data is None:
        data = yamlio.parse(text, name)
    checker = Checker()
    case = build(checker, data, framework, name)
    if not checker.ok or case is None:
        raise InputError(located(checker.findings, text, name))
    if checker.findings:
        case = case._replace(warnings=tuple(located(checker.findings, text, name)))
    return case


def _not_a_case(data: Any) -> str:
    if data is None:
        return "is empty (or holds only comments): not a sanctions-check case file"
    return (
        f"is not a sanctions-check case file: expected a mapping with 'format: {FORMAT}', "
        f"found {describe(data)}"
    )


class _Context(Context):
    """The framework a case is checked against, and what its 'framework:' line says."""

    __slots__ = ("framework", "major", "name", "ref", "same_major")

    def __init__(self, framework: Framework, name: str) -> None:
        super().__init__()
        self.framework = framework
        self.name = name
        self.ref: str | None = None
        self.same_major = True  # False: answered against an older major version (warn, not fail)
        self.major: str | None = None  # the major version the answers were given against

    @property
    def migration(self) -> Migration | None:
        """What the framework says changed since the major version the case was answered
        against (None for the same major version, or when the framework says nothing)."""
        if self.same_major or self.major is None:
            return None
        return self.framework.migration(self.major)


def _shown(name: str) -> str:
    """The file as a reader would type it in a command (standard input has no name to give)."""
    import shlex

    from sanctions_check.textsafe import one_line

    return "FILE" if name in ("-", "<stdin>", "<case>") else shlex.quote(one_line(name))


def build(c: Checker, data: Any, framework: Framework, name: str) -> Case | None:
    """Validate parsed data against the framework and build the Case, collecting every finding."""
    if not isinstance(data, dict):
        c.error((), _not_a_case(data))
        return None
    if "format" not in data and "case" not in data and "answers" not in data:
        c.error(
            (),
            f"is not a sanctions-check case file (no 'format: {FORMAT}' and no 'case:' "
            "section); keys found: " + ", ".join(shown_key(k) for k in list(data)[:8]),
        )
        return None
    if str(data.get("format", "")).startswith("sanctions-check/framework@"):
        c.error(
            (),
            "is a sanctions-check framework file, not a case file: pass it with "
            "--framework, and a case file to check or score",
        )
        return None
    case = CASE(c, data, (), _Context(framework, name))
    if data.get("references") is not None:
        _undefined_keys(c, data)
    if case is INVALID:
        return None
    checked: Case = case
    if checked.header.scope is not None:
        _out_of_scope_answers(c, checked, framework)
    return checked


def _out_of_scope_answers(c: Checker, case: Case, framework: Framework) -> None:
    """Warn about each answer the case's scope mark says cannot apply, with the standard note."""
    scope = framework.case_scope(case.header.scope or "")
    if scope is None:
        return
    for factor in framework.factors:
        for question in factor.questions:
            rule = framework.applies(question.applies_to)
            answer = case.answers.get(factor.id, {}).get(question.id)
            if rule is None or scope.id not in rule.case_scopes or answer is None:
                continue
            if answer.score is not None and not answer.not_applicable:
                c.warn(
                    ("answers", factor.id, question.id),
                    f"does not apply to a case marked {scope.id}: answer n/a, with the note "
                    f"{rule.not_applicable!r}",
                )
    for risk in framework.risks:
        rule = framework.applies(risk.applies_to)
        rated = case.risks.get(risk.id)
        if rule is None or scope.id not in rule.case_scopes or rated is None:
            continue
        if not rated.not_applicable and not rated.is_empty:
            c.warn(
                ("risks", risk.id),
                f"cannot arise in a case marked {scope.id}: rate it n/a, with the note "
                f"{rule.not_applicable!r}",
            )


# --- kinds that only a case file has ----------------------------------------------------------


def _format(c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
    if value != FORMAT:
        c.error(path, f"expected {FORMAT!r}, found {describe(value)}")
        return INVALID
    return value


def _framework_ref(c: Checker, value: Any, path: Path_, ctx: _Context) -> Any:
    """id@MAJOR of the framework the case was answered against; an older major only warns."""
    ref = c.text(value, path)
    if ref is None:
        return INVALID
    framework = ctx.framework
    ident, _, major = ref.partition("@")
    if ident != framework.id or not major:
        c.error(
            path,
            f"this case was answered against {ref!r}, but the framework "
            f"in use is {framework.ref!r} ({framework.path}); pass the matching one "
            "with --framework",
        )
        return INVALID
    ctx.ref = ref
    ctx.major = major
    ctx.same_major = major == framework.major
    return ref


def _purposes(c: Checker, value: Any, path: Path_, ctx: _Context) -> Any:
    start = c.errors
    purposes = c.text_list(value, path)
    known = [x.id for x in ctx.framework.purposes]
    for i, purpose in enumerate(purposes):
        if purpose not in known:
            c.error(
                (*path, i),
                f"unknown purpose {purpose!r}{suggest(purpose, known)}; "
                f"choose from {', '.join(known)}",
            )
    return INVALID if c.errors > start else purposes


def _case_scope(c: Checker, value: Any, path: Path_, ctx: _Context) -> Any:
    """A scope mark the framework defines (threat-only, arms-embargo-only, ...)."""
    mark = c.text(value, path)
    if mark is None:
        return INVALID
    known = [x.id for x in ctx.framework.case_scopes]
    if mark not in known:
        choose = f"; choose from {', '.join(known)}" if known else "; this framework defines none"
        c.error(path, f"unknown case scope {mark!r}{suggest(mark, known)}{choose}")
        return INVALID
    return mark


class _Score:
    """0-4, unknown, or (for a question, with ``applicable``) n/a."""

    __slots__ = ("applicable",)

    def __init__(self, *, applicable: bool) -> None:
        self.applicable = applicable

    def __call__(self, c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
        if value == UNKNOWN:
            return value
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 4:
            return value
        word = value.strip().lower() if isinstance(value, str) else None
        if word == UNKNOWN:
            return UNKNOWN
        if word == NOT_APPLICABLE and self.applicable:
            return NOT_APPLICABLE
        choices = "0, 1, 2, 3, 4, unknown or n/a" if self.applicable else "0, 1, 2, 3, 4 or unknown"
        if isinstance(value, int) and not isinstance(value, bool):
            c.error(path, f"{value} is out of range: use {choices}")
        else:
            c.error(path, f"expected {choices}, found {describe(value)}")
        return INVALID


_QUESTION_SCORE = _Score(applicable=True)
_RISK_SCORE = _Score(applicable=True)

_NA_NEEDS_NOTE = (
    "n/a (the question does not apply to the measures in this case) needs a note saying why: "
    "write it as 'score: n/a' with a 'note:'"
)


def _na_needs_note(c: Checker, values: dict[str, Any], path: Path_, ctx: Any) -> None:
    note = values.get("note")
    if values.get("score") == NOT_APPLICABLE and not (note and note.strip()):
        c.error((*path, "score"), _NA_NEEDS_NOTE)


_RISK_NA = (
    "n/a (the risk cannot arise with these measures) applies to the whole risk: write both "
    "'likelihood: n/a' and 'severity: n/a', with a 'note:' saying why"
)


def _risk_na(c: Checker, values: dict[str, Any], path: Path_, ctx: Any) -> None:
    """A risk that cannot arise is n/a on both sides, with a note; never half rated."""
    sides = [values.get("likelihood"), values.get("severity")]
    if NOT_APPLICABLE not in sides:
        return
    note = values.get("note")
    if sides.count(NOT_APPLICABLE) != 2:
        side = "likelihood" if sides[0] == NOT_APPLICABLE else "severity"
        c.error((*path, side), _RISK_NA)
    elif not (note and note.strip()):
        c.error((*path, "likelihood"), _RISK_NA)


def _answer(c: Checker, raw: Any, path: Path_, ctx: _Context) -> Any:
    """A mapping with 'score', or the score alone (``a1: 3``); an empty value is unanswered."""
    if isinstance(raw, dict):
        return ANSWER(c, raw, path, ctx)
    if raw is None:
        return Answer()
    if isinstance(raw, list):
        c.error(path, "expected a score (0-4 or unknown) or a mapping with 'score', found a list")
        return INVALID
    score = _QUESTION_SCORE(c, raw, path, ctx)
    if score == NOT_APPLICABLE:
        c.error(path, _NA_NEEDS_NOTE)
        return INVALID
    return INVALID if score is INVALID else Answer(score=score)


def _answers(c: Checker, value: Any, path: Path_, ctx: _Context) -> Any:
    """factor id -> question id -> answer, checked against the framework's ids.

    Against an older major version of the framework the file still scores: one warning names
    what changed, from the framework's own list of changes since that version (questions whose
    meaning changed, removed, or moved: a moved answer is carried to its new place), and the
    questions left unanswered; ids the list does not name are reported as not in this version.
    """
    if not isinstance(value, dict):
        c.error(path, f"expected a mapping of factor ids to answers, found {describe(value)}")
        return INVALID
    framework, same_major = ctx.framework, ctx.same_major
    out: dict[str, dict[str, Answer]] = {}
    factor_ids = [f.id for f in framework.factors]
    old: list[tuple[str, Any, Path_]] = []  # (factor.question, raw answer, path) gone from here
    for fid, questions in value.items():
        fp = (*path, fid)
        factor = framework.factor(fid) if isinstance(fid, str) else None
        if factor is None:
            if same_major:
                c.error(fp, f"unknown factor {fid!r}{suggest(fid, factor_ids)}")
            elif isinstance(questions, dict) and questions:
                old.extend((f"{fid}.{qid}", raw, (*fp, qid)) for qid, raw in questions.items())
            else:
                old.append((str(fid), None, fp))
            continue
        if questions is None:
            continue
        if not isinstance(questions, dict):
            c.error(
                fp, f"expected a mapping of question ids to answers, found {describe(questions)}"
            )
            continue
        qids = [q.id for q in factor.questions]
        answers: dict[str, Answer] = {}
        for qid, raw in questions.items():
            qp = (*fp, qid)
            if not isinstance(qid, str) or factor.question(qid) is None:
                if same_major:
                    c.error(qp, f"unknown question {qid!r} in factor {fid!r}{suggest(qid, qids)}")
                else:
                    old.append((f"{fid}.{qid}", raw, qp))
                continue
            answer = _answer(c, raw, qp, ctx)
            if answer is not INVALID:
                answers[qid] = answer
        out[fid] = answers
    if not same_major:
        _version_warning(c, out, old, ctx)
    return out


def _version_warning(
    c: Checker,
    out: dict[str, dict[str, Answer]],
    old: list[tuple[str, Any, Path_]],
    ctx: _Context,
) -> None:
    """Carry moved answers over, and name in one warning what changed for this file."""
    framework, migration = ctx.framework, ctx.migration
    changes: dict[str, Change] = {x.ref: x for x in migration.questions} if migration else {}
    moved, removed, stale = [], [], []
    for ref, raw, where in old:
        change = changes.get(ref)
        if change is not None and change.change == "moved" and change.to is not None:
            fid, _, qid = change.to.partition(".")
            answer = _answer(c, raw, where, ctx)
            if answer is not INVALID and qid not in out.get(fid, {}):
                out.setdefault(fid, {})[qid] = answer
            moved.append(f"{ref} to {change.to}")
        elif change is not None and change.change == "removed":
            removed.append(ref)
        else:
            stale.append(ref)
    review = [
        x.ref
        for x in (migration.questions if migration else ())
        if x.change == "meaning" and not _unanswered(out, x.ref)
    ]
    missing = [
        f"{f.id}.{q.id}"
        for f in framework.factors
        for q in f.questions
        if q.id not in out.get(f.id, {})
    ]
    parts = [
        f"answered against {ctx.ref}, scored against {framework.ref} (version {framework.version})"
    ]
    if review:
        parts.append(f"changed in meaning, so review these answers: {', '.join(review)}")
    if moved:
        parts.append(f"moved, answers carried over: {', '.join(moved)}")
    if removed:
        parts.append(f"removed from this version, ignored: {', '.join(removed)}")
    if stale:
        parts.append(f"ignored, not in this version: {', '.join(stale)}")
    if missing:
        listed = ", ".join(missing) if len(missing) <= 10 else f"{len(missing)} questions"
        parts.append(f"unanswered against this version: {listed}")
    c.warn(
        ("framework",),
        "; ".join(parts) + f". Review the answers with "
        f"`sanctions-check assess --resume {_shown(ctx.name)}`.",
    )


def _unanswered(out: dict[str, dict[str, Answer]], ref: str) -> bool:
    fid, _, qid = ref.partition(".")
    answer = out.get(fid, {}).get(qid)
    return answer is None or answer.is_empty


def _risk_answers(c: Checker, value: Any, path: Path_, ctx: _Context) -> Any:
    """risk id -> rating. Against an older major version, one warning names the risks the
    framework lists as changed in meaning, removed or moved (a moved rating is carried over)."""
    if not isinstance(value, dict):
        c.error(path, f"expected a mapping of risk ids to ratings, found {describe(value)}")
        return INVALID
    known = [r.id for r in ctx.framework.risks]
    migration = ctx.migration
    changes: dict[str, Change] = {x.ref: x for x in migration.risks} if migration else {}
    out: dict[str, RiskAnswer] = {}
    carried: dict[str, RiskAnswer] = {}
    review, moved, removed, stale = [], [], [], []
    for rid, raw in value.items():
        rp = (*path, rid)
        change = changes.get(rid) if isinstance(rid, str) else None
        if rid not in known:
            if ctx.same_major:
                c.error(rp, f"unknown risk {rid!r}{suggest(str(rid), known)}")
            elif change is not None and change.change == "moved" and change.to is not None:
                moved_rating = RISK_ANSWER(c, raw, rp, ctx) if raw is not None else INVALID
                if isinstance(moved_rating, RiskAnswer):
                    carried[change.to] = moved_rating
                moved.append(f"{rid} to {change.to}")
            elif change is not None:
                removed.append(f"{rid} ({change.note.rstrip('.')})")
            else:
                stale.append(str(rid))
            continue
        if raw is None:
            continue
        rated = RISK_ANSWER(c, raw, rp, ctx)
        if rated is not INVALID:
            out[rid] = rated
            if change is not None and change.change == "meaning" and not rated.is_empty:
                review.append(rid)
    for rid, rated in carried.items():
        out.setdefault(rid, rated)
    if not ctx.same_major and (review or moved or removed or stale):
        parts = [f"answered against {ctx.ref}, scored against {ctx.framework.ref}"]
        if review:
            parts.append(f"changed in meaning, so review these ratings: {', '.join(review)}")
        if moved:
            parts.append(f"moved, ratings carried over: {', '.join(moved)}")
        if removed:
            parts.append(f"removed from this version, ignored: {'; '.join(removed)}")
        if stale:
            parts.append(f"ignored, not in this version: {', '.join(stale)}")
        c.warn(path, "; ".join(parts) + ".")
    return out


def _references(c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
    """The case's bibliography: source key -> URL or citation, in file order."""
    if not isinstance(value, dict):
        c.error(
            path, f"expected a mapping of source keys to URLs or citations, found {describe(value)}"
        )
        return INVALID
    start = c.errors
    out: dict[str, str] = {}
    for key, raw in value.items():
        if not isinstance(key, str) or not REFERENCE_KEY.match(key):
            c.error(
                (*path, key),
                f"a source key is letters, digits, '.', '_' or '-' (as in AJ-CI), found "
                f"{describe(key)}",
            )
            continue
        cited = c.text(raw, (*path, key))
        if cited is not None:
            out[key] = cited
    return INVALID if c.errors > start else out


def _by_purpose(c: Checker, value: Any, path: Path_, ctx: _Context) -> Any:
    if not isinstance(value, dict):
        c.error(path, f"expected a mapping of purpose ids to verdicts, found {describe(value)}")
        return INVALID
    start = c.errors
    known = [x.id for x in ctx.framework.purposes]
    out: dict[str, str] = {}
    for pid, given in value.items():
        pp = (*path, pid)
        if pid not in known:
            c.error(
                pp,
                f"unknown purpose {pid!r}{suggest(str(pid), known)}; "
                f"choose from {', '.join(known)}",
            )
            continue
        chosen = c.choice(given, pp, VERDICTS)
        if chosen is not None:
            out[pid] = chosen
    return INVALID if c.errors > start else out


def _undefined_keys(c: Checker, data: dict[Any, Any]) -> None:
    """Warn once per source key that a note or list cites but the references table lacks.

    A key is recognised only where it is written as a key: an item of a ``sources`` list that is
    a key (not a URL or a citation), or a key in square brackets in free text (:func:`cited_keys`).
    A note of one word ("Unknown.", "ABC") is text, never a key. Read from the file as written,
    so that the warning stands beside any errors in it.
    """
    found: list[tuple[Any, bool]] = []  # (text, whether it is a sources list's item), in order

    def add(block: Any, *keys: str) -> None:
        if isinstance(block, dict):
            found.extend((block.get(key), False) for key in keys)
            sources = block.get("sources")
            found.extend((item, True) for item in (sources if isinstance(sources, list) else ()))

    add(data.get("case"), "situation", "measures")
    answers = data.get("answers")
    for questions in answers.values() if isinstance(answers, dict) else ():
        for answer in questions.values() if isinstance(questions, dict) else ():
            add(answer, "note")
    risks = data.get("risks")
    for risk in risks.values() if isinstance(risks, dict) else ():
        add(risk, "note", "mitigation")
    add(data.get("outcome"), "note")
    add(data.get("judgement"), "reason")
    cited: dict[str, None] = {}
    for text, listed in found:
        if not isinstance(text, str):
            continue
        if listed and REFERENCE_KEY.match(text):
            cited[text] = None  # a bare key in a sources list
        else:
            cited.update(dict.fromkeys(cited_keys(text)))
    references = data.get("references")
    defined = references if isinstance(references, dict) else {}
    missing = [key for key in cited if key not in defined]
    if missing:
        c.warn(
            ("references",),
            "cited but not defined here: " + ", ".join(missing) + " (add each key with its URL "
            "or citation)",
        )


def cited_keys(text: str) -> list[str]:
    """The source keys a free text cites, in order: each ``[KEY]`` that stands on its own.

    A bracket touching a letter or digit is part of a word ("want[s]"), one followed by ``(`` is
    a Markdown link, and brackets inside a quotation (``"..."``, ``“...”``, ``«...»``) belong to
    the quotation ("[a]", "[sic]"): none of them cites a key.
    """
    if "[" not in text:
        return []
    return CITED_KEY.findall(QUOTATION.sub(" ", text))


def _case(values: dict[str, Any], ctx: _Context) -> Case:
    # Fresh containers: the model's shared empty defaults must never be handed out to be filled.
    for key in ("answers", "risks", "references"):
        values.setdefault(key, {})
    return Case(**values, source=ctx.name)


# --- the case file's shape --------------------------------------------------------------------

HEADER = Record(
    CaseHeader,
    {
        "id": req(slug_id),
        "title": req(nonblank),
        "country": opt(any_text),
        "assessed_on": opt(iso_date),
        "as_of": opt(iso_date),
        "analyst": opt(any_text),
        "hypothetical": opt(true_false),
        "purpose": opt(_purposes),
        "situation": opt(any_text),
        "measures": opt(any_text),
        "implementers": opt(TextList()),
        "scope": opt(_case_scope),
        "sources": opt(TextList()),
    },
    what="the case header (a mapping with id, title, ...)",
)
ANSWER = Record(
    Answer,
    {
        "score": opt(_QUESTION_SCORE),
        "confidence": opt(Choice(CONFIDENCE)),
        "note": opt(any_text),
        "sources": opt(TextList()),
        "hindsight": opt(true_false),
    },
    checks=(_na_needs_note,),
)
RISK_ANSWER = Record(
    RiskAnswer,
    {
        "likelihood": opt(_RISK_SCORE),
        "severity": opt(_RISK_SCORE),
        "confidence": opt(Choice(CONFIDENCE)),
        "mitigation": opt(any_text),
        "note": opt(any_text),
        "sources": opt(TextList()),
        "hindsight": opt(true_false),
    },
    what="a mapping with likelihood, severity, mitigation, note",
    checks=(_risk_na,),
)
_JUDGEMENT_NEEDS_REASON = (
    "a judgement needs its reason: say in a line or two why you judge so (write it under "
    "'reason: |', indented)"
)


def _judgement_complete(c: Checker, values: dict[str, Any], path: Path_, ctx: Any) -> None:
    """A view without a reason, or a reason without a view, is half a judgement."""
    reason = values.get("reason")
    has_reason = bool(reason and reason.strip())
    if values.get("view") is not None and not has_reason:
        c.error((*path, "reason"), _JUDGEMENT_NEEDS_REASON)
    elif (
        values.get("view") is None
        and (has_reason or values.get("date"))
        and not any(f.path == (*path, "view") for f in c.findings)  # a misspelt view: said once
    ):
        c.error(
            (*path, "view"),
            f"a judgement needs its view: one of {', '.join(VIEWS)} (or leave the whole "
            "block empty until you judge)",
        )


def _judgement(values: dict[str, Any], ctx: Any) -> Judgement | None:
    """An empty block (as the template writes it) is a judgement not yet given."""
    if values.get("view") is None:
        return None
    return Judgement(**values)


_TSC_FIGURE = Number(minimum=1, maximum=5, integer=True)
OUTCOME = Record(
    Outcome,
    {
        "verdict": req(Choice(VERDICTS)),
        "by_purpose": opt(_by_purpose),
        "tsc_policy_outcome": opt(_TSC_FIGURE),
        "tsc_sanctions_contribution": opt(_TSC_FIGURE),
        "quote": opt(any_text),
        "sources": opt(TextList()),
        "note": opt(any_text),
    },
    what="the outcome block (a mapping with verdict, by_purpose, quote, sources, ...)",
)
JUDGEMENT = Record(
    Judgement,
    {
        "view": opt(Choice(VIEWS)),
        "reason": opt(any_text),
        "date": opt(iso_date),
    },
    what="the judgement (a mapping with view, reason and date)",
    checks=(_judgement_complete,),
    build=_judgement,
)
# Key order is check order: 'framework' (which version the answers follow) before the answers.
CASE = Record(
    Case,
    {
        "format": req(_format, attr=""),
        "case": req(HEADER, attr="header"),
        "framework": req(_framework_ref, attr="framework_ref"),
        "answers": opt(Keyed(_answers, ANSWER, depth=2)),
        "risks": opt(Keyed(_risk_answers, RISK_ANSWER)),
        "references": opt(_references),
        "outcome": opt(OUTCOME),
        "judgement": opt(JUDGEMENT),
    },
    build=_case,
)


def to_data(case: Case, framework: Framework) -> dict[str, Any]:
    """Plain data in the framework's order (stable, diff-friendly); empty answers are left out."""
    h = case.header
    header: dict[str, Any] = {"id": h.id, "title": h.title}
    for key in ("country", "assessed_on", "as_of", "analyst"):
        if getattr(h, key):
            header[key] = getattr(h, key)
    if h.hypothetical:
        header["hypothetical"] = True
    if h.purpose:
        header["purpose"] = list(h.purpose)
    if h.implementers:
        header["implementers"] = list(h.implementers)
    if h.scope:
        header["scope"] = h.scope
    for key in ("situation", "measures"):
        if getattr(h, key):
            header[key] = getattr(h, key)
    if h.sources:
        header["sources"] = list(h.sources)
    answers: dict[str, Any] = {}
    for factor in framework.factors:
        given = case.answers.get(factor.id, {})
        block = {}
        for question in factor.questions:
            answer = given.get(question.id)
            if answer is not None and not answer.is_empty:
                block[question.id] = _answer_data(answer)
        if block:
            answers[factor.id] = block
    risks: dict[str, Any] = {}
    for risk in framework.risks:
        rated = case.risks.get(risk.id)
        if rated is not None and not rated.is_empty:
            risks[risk.id] = _risk_data(rated)
    data: dict[str, Any] = {"format": FORMAT, "case": header, "framework": case.framework_ref}
    data["answers"] = answers
    if risks:
        data["risks"] = risks
    if case.judgement is not None:
        data["judgement"] = _judgement_data(case.judgement)
    if case.references:
        data["references"] = dict(case.references)
    if case.outcome is not None:
        data["outcome"] = _outcome_data(case.outcome)
    return data


def _answer_data(answer: Answer) -> Any:
    if not (answer.confidence or answer.note or answer.sources or answer.hindsight):
        return answer.score
    out: dict[str, Any] = {"score": answer.score}
    if answer.confidence:
        out["confidence"] = answer.confidence
    if answer.note:
        out["note"] = answer.note
    if answer.sources:
        out["sources"] = list(answer.sources)
    if answer.hindsight:
        out["hindsight"] = True
    return out


def _risk_data(risk: RiskAnswer) -> dict[str, Any]:
    out: dict[str, Any] = {"likelihood": risk.likelihood, "severity": risk.severity}
    if risk.confidence:
        out["confidence"] = risk.confidence
    for key in ("mitigation", "note"):
        if getattr(risk, key):
            out[key] = getattr(risk, key)
    if risk.sources:
        out["sources"] = list(risk.sources)
    if risk.hindsight:
        out["hindsight"] = True
    return out


def _judgement_data(judgement: Judgement) -> dict[str, Any]:
    out: dict[str, Any] = {"view": judgement.view, "reason": judgement.reason}
    if judgement.date:
        out["date"] = judgement.date
    return out


def _outcome_data(outcome: Outcome) -> dict[str, Any]:
    out: dict[str, Any] = {"verdict": outcome.verdict}
    if outcome.by_purpose:
        out["by_purpose"] = dict(outcome.by_purpose)
    for key in ("tsc_policy_outcome", "tsc_sanctions_contribution", "quote"):
        if getattr(outcome, key) is not None:
            out[key] = getattr(outcome, key)
    if outcome.sources:
        out["sources"] = list(outcome.sources)
    if outcome.note:
        out["note"] = outcome.note
    return out


def dumps(case: Case, framework: Framework) -> str:
    """The case as YAML text that our strict loader (and any YAML 1.1 reader) reads back as is."""
    return yamlio.dump(to_data(case, framework))


class Written(NamedTuple):
    """A case file's text and its parse (the next edit starts from both)."""

    text: str
    data: Any


def dumps_over(
    case: Case, framework: Framework, text: str, name: str, data: Any = None
) -> Written | None:
    """The case as the text of its file edited in place: every comment, blank line and layout of
    ``text`` kept, only the values that changed rewritten (``yamlpatch``). ``data`` is the parse
    of ``text`` when already known.

    None when that cannot be done and proven: the edited text is read back with the strict
    loader and must hold exactly the case, or it is not used.
    """
    from sanctions_check import yamlpatch

    new = to_data(case, framework)
    try:
        old = yamlio.parse(text, name) if data is None else data
        edited = yamlpatch.patch(text, _kept_long(old, new), name, _stale(old, framework), old)
        parsed = yamlio.parse(edited, name)
        again = loads(edited, framework, name, data=parsed)
    except (yamlpatch.PatchError, InputError):
        return None
    return Written(edited, parsed) if to_data(again, framework) == new else None


def _stale(old: Any, framework: Framework) -> frozenset[tuple[str, ...]]:
    """The factors, questions and risks the file answers that this framework version lacks."""
    stale: set[tuple[str, ...]] = set()
    answers = old.get("answers") if isinstance(old, dict) else None
    for fid, questions in answers.items() if isinstance(answers, dict) else ():
        factor = framework.factor(fid) if isinstance(fid, str) else None
        if factor is None:
            stale.add(("answers", fid))
        elif isinstance(questions, dict):
            stale.update(("answers", fid, q) for q in questions if factor.question(q) is None)
    risks = old.get("risks") if isinstance(old, dict) else None
    known = {r.id for r in framework.risks}
    stale.update(("risks", r) for r in (risks if isinstance(risks, dict) else ()) if r not in known)
    return frozenset(stale)


def _kept_long(old: Any, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with each answer that the file writes as a mapping kept one when only its score
    is left (``score: 3`` under its key, not the shorthand ``a1: 3``), so that its comments stay."""
    answers = old.get("answers") if isinstance(old, dict) else None
    if not isinstance(answers, dict):
        return data
    long = {fid: dict(questions) for fid, questions in data["answers"].items()}
    for fid, questions in long.items():
        written = answers.get(fid)
        if not isinstance(written, dict):
            continue
        for qid, answer in questions.items():
            if not isinstance(answer, dict) and isinstance(written.get(qid), dict):
                questions[qid] = {"score": answer}
    return {**data, "answers": long}


def save(case: Case, framework: Framework, path: Path, *, overwrite: bool) -> None:
    yamlio.atomic_write(path, dumps(case, framework), overwrite=overwrite)
