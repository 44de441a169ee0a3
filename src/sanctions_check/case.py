"""Case files: one assessment each, validated against the framework, saved in framework order.

``assess`` writes these files and ``score``/``report`` read them, so there is exactly one model and
one serialisation; a file written halfway through an interview is an ordinary, valid case file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, NamedTuple

from sanctions_check import yamlio
from sanctions_check.checks import ISO_DATE, Checker, Path_, describe, suggest
from sanctions_check.errors import InputError, Problem, shown_key
from sanctions_check.framework import Framework, located

FORMAT = "sanctions-check/case@1"
UNKNOWN: Literal["unknown"] = "unknown"
NOT_APPLICABLE: Literal["n/a"] = "n/a"
CONFIDENCE = ("low", "medium", "high")
Score = int | Literal["unknown", "n/a"] | None

HEADER_REQUIRED = ("id", "title")
HEADER_OPTIONAL = (
    "country",
    "assessed_on",
    "analyst",
    "hypothetical",
    "purpose",
    "situation",
    "measures",
    "sources",
)
ANSWER_KEYS = ("score", "confidence", "note", "sources")
RISK_KEYS = ("likelihood", "severity", "mitigation", "note", "sources")


class Answer(NamedTuple):
    score: Score = None
    confidence: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()

    @property
    def answered(self) -> bool:
        return isinstance(self.score, int)

    @property
    def is_empty(self) -> bool:
        return self.score is None and not (self.confidence or self.note or self.sources)


class RiskAnswer(NamedTuple):
    likelihood: Score = None
    severity: Score = None
    mitigation: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()

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
            and not (self.mitigation or self.note or self.sources)
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


class Case(NamedTuple):
    header: CaseHeader
    framework_ref: str
    # Shared empty defaults are safe: a Case is never changed in place (with_answer copies).
    answers: dict[str, dict[str, Answer]] = {}  # noqa: RUF012
    risks: dict[str, RiskAnswer] = {}  # noqa: RUF012
    source: str = "<case>"
    warnings: tuple[Problem, ...] = ()

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


def loads(text: str, framework: Framework, name: str) -> Case:
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
    top = c.mapping(
        data, (), required=("format", "case", "framework"), optional=("answers", "risks")
    )
    assert top is not None
    fmt = top.get("format")
    if "format" in top and fmt != FORMAT:
        c.error(("format",), f"expected {FORMAT!r}, found {describe(fmt)}")
    # A missing section is reported once, by the mapping check above.
    header = _header(c, top["case"], framework) if "case" in top else None
    ref = c.text(top["framework"], ("framework",)) if "framework" in top else None
    same_major = True
    if ref is not None:
        ident, _, major = ref.partition("@")
        if ident != framework.id or not major:
            c.error(
                ("framework",),
                f"this case was answered against {ref!r}, but the framework "
                f"in use is {framework.ref!r} ({framework.path}); pass the matching one "
                "with --framework",
            )
        elif major != framework.major:
            same_major = False
    answers = _answers(c, top.get("answers"), framework, same_major, ref)
    risks = _risks(c, top.get("risks"), framework)
    if header is None or ref is None:
        return None
    return Case(header, ref, answers, risks, source=name)


def _header(c: Checker, value: Any, framework: Framework) -> CaseHeader | None:
    p: Path_ = ("case",)
    m = c.mapping(
        value,
        p,
        required=HEADER_REQUIRED,
        optional=HEADER_OPTIONAL,
        what="the case header (a mapping with id, title, ...)",
    )
    if m is None:
        return None
    # A missing id or title is reported once, by the mapping check above.
    ident = c.slug(m["id"], (*p, "id")) if "id" in m else None
    title = c.text(m["title"], (*p, "title")) if "title" in m else None
    optional = {
        k: c.text(m.get(k), (*p, k), required=False)
        for k in ("country", "analyst", "situation", "measures")
    }
    assessed = m.get("assessed_on")
    if assessed is not None:
        assessed = c.text(assessed, (*p, "assessed_on"))
        if assessed is not None and not _valid_date(assessed):
            c.error((*p, "assessed_on"), f"expected a date as YYYY-MM-DD, found {assessed!r}")
            assessed = None
    hypothetical = False
    if m.get("hypothetical") is not None:
        hypothetical = bool(c.boolean(m.get("hypothetical"), (*p, "hypothetical")))
    purposes = c.text_list(m.get("purpose"), (*p, "purpose"))
    known = [x.id for x in framework.purposes]
    for i, purpose in enumerate(purposes):
        if purpose not in known:
            c.error(
                (*p, "purpose", i),
                f"unknown purpose {purpose!r}{suggest(purpose, known)}; "
                f"choose from {', '.join(known)}",
            )
    sources = c.text_list(m.get("sources"), (*p, "sources"))
    if ident is None or title is None:
        return None
    return CaseHeader(
        ident,
        title,
        assessed_on=assessed,
        hypothetical=hypothetical,
        purpose=purposes,
        sources=sources,
        **optional,
    )


def _valid_date(text: str) -> bool:
    if not ISO_DATE.match(text):
        return False
    import datetime

    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _score(c: Checker, value: Any, path: Path_) -> Score:
    if value is None or value == UNKNOWN:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 4:
        return value
    if isinstance(value, str) and value.strip().lower() == UNKNOWN:
        return UNKNOWN
    if isinstance(value, int) and not isinstance(value, bool):
        c.error(path, f"{value} is out of range: use 0, 1, 2, 3, 4 or unknown")
    else:
        c.error(path, f"expected 0, 1, 2, 3, 4 or unknown, found {describe(value)}")
    return None


def _answers(
    c: Checker, value: Any, framework: Framework, same_major: bool, ref: str | None
) -> dict[str, dict[str, Answer]]:
    if value is None:
        return {}
    p: Path_ = ("answers",)
    if not isinstance(value, dict):
        c.error(p, f"expected a mapping of factor ids to answers, found {describe(value)}")
        return {}
    out: dict[str, dict[str, Answer]] = {}
    factor_ids = [f.id for f in framework.factors]
    stale: list[str] = []
    for fid, questions in value.items():
        fp = (*p, fid)
        factor = framework.factor(fid) if isinstance(fid, str) else None
        if factor is None:
            if same_major:
                c.error(fp, f"unknown factor {fid!r}{suggest(fid, factor_ids)}")
            elif isinstance(questions, dict) and questions:
                stale.extend(f"{fid}.{qid}" for qid in questions)
            else:
                stale.append(str(fid))
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
            if factor.question(qid) is None if isinstance(qid, str) else True:
                if same_major:
                    c.error(qp, f"unknown question {qid!r} in factor {fid!r}{suggest(qid, qids)}")
                else:
                    stale.append(f"{fid}.{qid}")
                continue
            answer = _answer(c, raw, qp)
            if answer is not None:
                answers[qid] = answer
        out[fid] = answers
    if not same_major:
        missing = [
            f"{f.id}.{q.id}"
            for f in framework.factors
            for q in f.questions
            if q.id not in out.get(f.id, {})
        ]
        detail = f"; ignored, not in this version: {', '.join(stale)}" if stale else ""
        listed = ", ".join(missing) if len(missing) <= 10 else f"{len(missing)} questions"
        unanswered = f"; unanswered against this version: {listed}" if missing else ""
        c.warn(
            ("framework",),
            f"answered against {ref}, scored against {framework.ref} "
            f"(version {framework.version}){detail}{unanswered}. Review the answers with "
            "`sanctions-check assess --resume FILE`.",
        )
    return out


def _answer(c: Checker, raw: Any, path: Path_) -> Answer | None:
    if not isinstance(raw, dict):
        if isinstance(raw, list):
            c.error(
                path, "expected a score (0-4 or unknown) or a mapping with 'score', found a list"
            )
            return None
        return Answer(score=_score(c, raw, path))
    m = c.mapping(raw, path, optional=ANSWER_KEYS)
    assert m is not None
    score = _score(c, m.get("score"), (*path, "score"))
    confidence = None
    if m.get("confidence") is not None:
        confidence = c.choice(m.get("confidence"), (*path, "confidence"), CONFIDENCE)
    note = c.text(m.get("note"), (*path, "note"), required=False)
    sources = c.text_list(m.get("sources"), (*path, "sources"))
    return Answer(score, confidence, note, sources)


def _risks(c: Checker, value: Any, framework: Framework) -> dict[str, RiskAnswer]:
    if value is None:
        return {}
    p: Path_ = ("risks",)
    if not isinstance(value, dict):
        c.error(p, f"expected a mapping of risk ids to ratings, found {describe(value)}")
        return {}
    known = [r.id for r in framework.risks]
    out: dict[str, RiskAnswer] = {}
    for rid, raw in value.items():
        rp = (*p, rid)
        if rid not in known:
            c.error(rp, f"unknown risk {rid!r}{suggest(rid, known)}")
            continue
        if raw is None:
            continue
        m = c.mapping(
            raw,
            rp,
            optional=RISK_KEYS,
            what="a mapping with likelihood, severity, mitigation, note",
        )
        if m is None:
            continue
        out[rid] = RiskAnswer(
            likelihood=_score(c, m.get("likelihood"), (*rp, "likelihood")),
            severity=_score(c, m.get("severity"), (*rp, "severity")),
            mitigation=c.text(m.get("mitigation"), (*rp, "mitigation"), required=False),
            note=c.text(m.get("note"), (*rp, "note"), required=False),
            sources=c.text_list(m.get("sources"), (*rp, "sources")),
        )
    return out


def to_data(case: Case, framework: Framework) -> dict[str, Any]:
    """Plain data in the framework's order (stable, diff-friendly); empty answers are left out."""
    h = case.header
    header: dict[str, Any] = {"id": h.id, "title": h.title}
    for key in ("country", "assessed_on", "analyst"):
        if getattr(h, key):
            header[key] = getattr(h, key)
    if h.hypothetical:
        header["hypothetical"] = True
    if h.purpose:
        header["purpose"] = list(h.purpose)
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
    return data


def _answer_data(answer: Answer) -> Any:
    if not (answer.confidence or answer.note or answer.sources):
        return answer.score
    out: dict[str, Any] = {"score": answer.score}
    if answer.confidence:
        out["confidence"] = answer.confidence
    if answer.note:
        out["note"] = answer.note
    if answer.sources:
        out["sources"] = list(answer.sources)
    return out


def _risk_data(risk: RiskAnswer) -> dict[str, Any]:
    out: dict[str, Any] = {"likelihood": risk.likelihood, "severity": risk.severity}
    for key in ("mitigation", "note"):
        if getattr(risk, key):
            out[key] = getattr(risk, key)
    if risk.sources:
        out["sources"] = list(risk.sources)
    return out


def dumps(case: Case, framework: Framework) -> str:
    """The case as YAML text that our strict loader (and any YAML 1.1 reader) reads back as is."""
    return yamlio.dump(to_data(case, framework))


def save(case: Case, framework: Framework, path: Path, *, overwrite: bool) -> None:
    yamlio.atomic_write(path, dumps(case, framework), overwrite=overwrite)
