"""Case files: one assessment each, validated against the framework, saved in framework order.

``assess`` writes these files and ``score``/``report`` read them, so there is exactly one model and
one serialisation; a file written halfway through an interview is an ordinary, valid case file.
"""

from __future__ import annotations

import re
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
# The sources' verdict on a past episode, in the order back-tests rank them; "unclear" is unranked.
VERDICTS = ("effective", "partly", "ineffective", "unclear")
REFERENCE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# A key cited in free text, as in "[AJ-CI]" (a Markdown link "[text](url)" is not a citation).
CITED_KEY = re.compile(r"\[([A-Za-z0-9][A-Za-z0-9._-]*)\](?!\()")
Score = int | Literal["unknown", "n/a"] | None

HEADER_REQUIRED = ("id", "title")
HEADER_OPTIONAL = (
    "country",
    "assessed_on",
    "as_of",
    "analyst",
    "hypothetical",
    "purpose",
    "situation",
    "measures",
    "implementers",
    "sources",
)
ANSWER_KEYS = ("score", "confidence", "note", "sources", "hindsight")
RISK_KEYS = ("likelihood", "severity", "confidence", "mitigation", "note", "sources", "hindsight")
OUTCOME_KEYS = (
    "verdict",
    "by_purpose",
    "tsc_policy_outcome",
    "tsc_sanctions_contribution",
    "quote",
    "sources",
    "note",
)


class Answer(NamedTuple):
    score: Score = None
    confidence: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()
    hindsight: bool = False  # rests on facts later than the case's as_of date

    @property
    def answered(self) -> bool:
        return isinstance(self.score, int)

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
    confidence: str | None = None
    hindsight: bool = False

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
    implementers: tuple[str, ...] = ()  # who imposes the measures: a government, the EU, the UN


class Outcome(NamedTuple):
    """The sources' verdict on a past episode: evidence for analogues and back-tests only.

    Kept apart from the answers and never read by the scoring, so that nothing is fitted to it.
    """

    verdict: str
    by_purpose: dict[str, str] = {}  # noqa: RUF012
    tsc_policy_outcome: int | None = None
    tsc_sanctions_contribution: int | None = None
    quote: str | None = None
    sources: tuple[str, ...] = ()
    note: str | None = None


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
        data,
        (),
        required=("format", "case", "framework"),
        optional=("answers", "risks", "references", "outcome"),
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
    risks = _risks(c, top.get("risks"), framework, same_major)
    references = _references(c, top.get("references"))
    outcome = _outcome(c, top["outcome"], framework) if top.get("outcome") is not None else None
    if header is None or ref is None:
        return None
    case = Case(header, ref, answers, risks, source=name, references=references, outcome=outcome)
    if "references" in top:
        _undefined_keys(c, case)
    return case


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
    assessed = _date(c, m.get("assessed_on"), (*p, "assessed_on"))
    as_of = _date(c, m.get("as_of"), (*p, "as_of"))
    implementers = c.text_list(m.get("implementers"), (*p, "implementers"))
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
        as_of=as_of,
        implementers=implementers,
        **optional,
    )


def _date(c: Checker, value: Any, path: Path_) -> str | None:
    if value is None:
        return None
    text = c.text(value, path)
    if text is not None and not _valid_date(text):
        c.error(path, f"expected a date as YYYY-MM-DD, found {text!r}")
        return None
    return text


def _valid_date(text: str) -> bool:
    if not ISO_DATE.match(text):
        return False
    import datetime

    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _score(c: Checker, value: Any, path: Path_, *, applicable: bool = False) -> Score:
    """0-4, unknown, or (for a question, with ``applicable``) n/a; None when not answered."""
    choices = "0, 1, 2, 3, 4, unknown or n/a" if applicable else "0, 1, 2, 3, 4 or unknown"
    if value is None or value == UNKNOWN:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 4:
        return value
    word = value.strip().lower() if isinstance(value, str) else None
    if word == UNKNOWN:
        return UNKNOWN
    if word == NOT_APPLICABLE and applicable:
        return NOT_APPLICABLE
    if isinstance(value, int) and not isinstance(value, bool):
        c.error(path, f"{value} is out of range: use {choices}")
    else:
        c.error(path, f"expected {choices}, found {describe(value)}")
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
        score = _score(c, raw, path, applicable=True)
        if score == NOT_APPLICABLE:
            c.error(path, _NA_NEEDS_NOTE)
        return Answer(score=score)
    m = c.mapping(raw, path, optional=ANSWER_KEYS)
    assert m is not None
    score = _score(c, m.get("score"), (*path, "score"), applicable=True)
    confidence = _confidence(c, m.get("confidence"), (*path, "confidence"))
    note = c.text(m.get("note"), (*path, "note"), required=False)
    if score == NOT_APPLICABLE and not (note and note.strip()):
        c.error((*path, "score"), _NA_NEEDS_NOTE)
    sources = c.text_list(m.get("sources"), (*path, "sources"))
    hindsight = _flag(c, m.get("hindsight"), (*path, "hindsight"))
    return Answer(score, confidence, note, sources, hindsight)


_NA_NEEDS_NOTE = (
    "n/a (the question does not apply to the measures in this case) needs a note saying why: "
    "write it as 'score: n/a' with a 'note:'"
)


def _confidence(c: Checker, value: Any, path: Path_) -> str | None:
    return None if value is None else c.choice(value, path, CONFIDENCE)


def _flag(c: Checker, value: Any, path: Path_) -> bool:
    return False if value is None else bool(c.boolean(value, path))


def _risks(
    c: Checker, value: Any, framework: Framework, same_major: bool = True
) -> dict[str, RiskAnswer]:
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
            if same_major:
                c.error(rp, f"unknown risk {rid!r}{suggest(str(rid), known)}")
            else:
                c.warn(rp, f"risk {rid!r} is not in this version of the framework: ignored")
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
            confidence=_confidence(c, m.get("confidence"), (*rp, "confidence")),
            hindsight=_flag(c, m.get("hindsight"), (*rp, "hindsight")),
        )
    return out


def _references(c: Checker, value: Any) -> dict[str, str]:
    """The case's bibliography: source key -> URL or citation, in file order."""
    if value is None:
        return {}
    p: Path_ = ("references",)
    if not isinstance(value, dict):
        c.error(
            p, f"expected a mapping of source keys to URLs or citations, found {describe(value)}"
        )
        return {}
    out: dict[str, str] = {}
    for key, raw in value.items():
        if not isinstance(key, str) or not REFERENCE_KEY.match(key):
            c.error(
                (*p, key),
                f"a source key is letters, digits, '.', '_' or '-' (as in AJ-CI), found "
                f"{describe(key)}",
            )
            continue
        text = c.text(raw, (*p, key))
        if text is not None:
            out[key] = text
    return out


def _undefined_keys(c: Checker, case: Case) -> None:
    """Warn once per source key that a note or list cites but the references table lacks."""
    cited: dict[str, None] = {}
    h = case.header
    texts = [h.situation, h.measures, *h.sources]
    for answers in case.answers.values():
        for answer in answers.values():
            texts += [answer.note, *answer.sources]
    for risk in case.risks.values():
        texts += [risk.note, risk.mitigation, *risk.sources]
    if case.outcome is not None:
        texts += [case.outcome.note, *case.outcome.sources]
    for text in texts:
        if not text:
            continue
        if REFERENCE_KEY.match(text) and "/" not in text and ":" not in text:
            cited[text] = None  # a bare key in a sources list
        cited.update(dict.fromkeys(CITED_KEY.findall(text)))
    missing = [key for key in cited if key not in case.references]
    if missing:
        c.warn(
            ("references",),
            "cited but not defined here: " + ", ".join(missing) + " (add each key with its URL "
            "or citation)",
        )


def _outcome(c: Checker, value: Any, framework: Framework) -> Outcome | None:
    p: Path_ = ("outcome",)
    m = c.mapping(
        value,
        p,
        required=("verdict",),
        optional=OUTCOME_KEYS[1:],
        what="the outcome block (a mapping with verdict, by_purpose, quote, sources, ...)",
    )
    if m is None:
        return None
    verdict = c.choice(m["verdict"], (*p, "verdict"), VERDICTS) if "verdict" in m else None
    by_purpose: dict[str, str] = {}
    raw = m.get("by_purpose")
    if raw is not None:
        if not isinstance(raw, dict):
            c.error(
                (*p, "by_purpose"),
                f"expected a mapping of purpose ids to verdicts, found {describe(raw)}",
            )
        else:
            known = [x.id for x in framework.purposes]
            for pid, given in raw.items():
                pp = (*p, "by_purpose", pid)
                if pid not in known:
                    c.error(
                        pp,
                        f"unknown purpose {pid!r}{suggest(str(pid), known)}; "
                        f"choose from {', '.join(known)}",
                    )
                    continue
                chosen = c.choice(given, pp, VERDICTS)
                if chosen is not None:
                    by_purpose[pid] = chosen
    figures = {
        key: c.number(m[key], (*p, key), minimum=1, maximum=5, integer=True)
        if m.get(key) is not None
        else None
        for key in ("tsc_policy_outcome", "tsc_sanctions_contribution")
    }
    quote = c.text(m.get("quote"), (*p, "quote"), required=False)
    sources = c.text_list(m.get("sources"), (*p, "sources"))
    note = c.text(m.get("note"), (*p, "note"), required=False)
    if verdict is None:
        return None
    return Outcome(
        verdict,
        by_purpose,
        tsc_policy_outcome=_whole(figures["tsc_policy_outcome"]),
        tsc_sanctions_contribution=_whole(figures["tsc_sanctions_contribution"]),
        quote=quote,
        sources=sources,
        note=note,
    )


def _whole(value: float | int | None) -> int | None:
    return None if value is None else int(value)


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


def save(case: Case, framework: Framework, path: Path, *, overwrite: bool) -> None:
    yamlio.atomic_write(path, dumps(case, framework), overwrite=overwrite)
