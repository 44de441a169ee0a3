"""The factor framework: data read from ``factors.yaml``, validated, frozen into plain objects.

Wording, weights and advice live in the YAML so that analysts can read, cite and replace them
(``--framework FILE``); this module only knows the shape (docs/framework-format.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, NamedTuple

from sanctions_check import preparsed, yamlio
from sanctions_check.checks import (
    INVALID,
    Checker,
    Choice,
    Context,
    Finding,
    Levels,
    ListOf,
    Number,
    Path_,
    Record,
    TextList,
    any_text,
    dotted,
    nonblank,
    opt,
    req,
    slug_id,
    suggest,
    true_false,
)
from sanctions_check.errors import FrameworkError, InputError, Problem, shown_key

FORMAT = "sanctions-check/framework@1"
# Core factors carry the outlook and its gates; secondary ones weigh less; red flags are shown
# beside the outlook, never averaged into it.
FactorKind = Literal["core", "secondary", "red_flag"]
KINDS: tuple[FactorKind, ...] = ("core", "secondary", "red_flag")
# What each kind is called wherever a factor is shown, the case template included.
KIND_NAMES: dict[FactorKind, str] = {
    "core": "core factor",
    "secondary": "secondary factor",
    "red_flag": "red flag",
}
RATINGS = ("Stronger", "Moderate", "Weaker")
RESEARCH_RATINGS = (*RATINGS, "None available")
DIRECTIONS = ("greater", "less")
# What a question asks about: something policy can change (a lever), or a condition of the target
# or of the context, which no policy changes and which is never offered as a lever.
ROLES = ("lever", "target", "context")
# How a question's meaning changed between major versions (see Migration).
CHANGES = ("meaning", "removed", "moved")
DEFAULT_MIN_COVERAGE = 0.5
# What an unknown or unanswered question counts as in the point outlook, unless the framework
# gives the question its own neutral value (with a reason): the midpoint of the 0..4 scale.
DEFAULT_NEUTRAL = 2.0


class Source(NamedTuple):
    key: str
    title: str
    publisher: str
    year: int | None  # None where the source shows no date: never guessed
    url: str
    note: str | None = None


class Level(NamedTuple):
    label: str
    meaning: str


class BaseRate(NamedTuple):
    effective_share_of_all_episodes: float
    effective_when_pursued: float
    text: str
    sources: tuple[str, ...]

    @property
    def qualifier(self) -> str:
        """'almost', 'about' or 'nearly' where the framework's own text qualifies the
        effective-when-pursued figure so ('almost 40 percent'), else ''. Kept beside the number so
        that no output states 40 percent where the source says almost 40."""
        lowered = " ".join(self.text.lower().split())
        value = f"{self.effective_when_pursued:g}"
        for word in ("almost", "about", "nearly"):
            if f"{word} {value} percent" in lowered or f"{word} {value}%" in lowered:
                return word
        return ""


class Purpose(NamedTuple):
    id: str
    name: str
    description: str
    base_rate: BaseRate | None = None


class Evidence(NamedTuple):
    tfap_name: str
    practitioners_cited: int
    practitioners_total: int
    direction: str
    practitioner_rating: str
    research_rating: str
    sources: tuple[str, ...]
    note: str | None = None

    @property
    def label(self) -> str:
        """Short evidence label shown beside every factor so that no score is over-read."""
        tied = "more" if self.direction == "greater" else "less"
        return (
            f"cited by {self.practitioners_cited} of {self.practitioners_total} practitioners "
            f"(tied to {tied} effectiveness; practitioner evidence: {self.practitioner_rating}); "
            f"research evidence: {self.research_rating.lower()}"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "tfap_name": self.tfap_name,
            "practitioners_cited": self.practitioners_cited,
            "practitioners_total": self.practitioners_total,
            "direction": self.direction,
            "practitioner_rating": self.practitioner_rating,
            "research_rating": self.research_rating,
            "note": self.note,
            "sources": list(self.sources),
        }


class Neutral(NamedTuple):
    """A question's own neutral value, as written in the file (Question holds it flat)."""

    value: float
    reason: str
    sources: tuple[str, ...] = ()


class PurposeTag(NamedTuple):
    """The purposes a question bears on, where it does not bear on all, and why."""

    ids: tuple[str, ...]
    reason: str
    sources: tuple[str, ...] = ()  # none: the tag is the framework's own design choice


class Question(NamedTuple):
    id: str
    text: str
    help: str
    weight: float
    advice: str
    anchors: dict[int, str] | None = None
    sources: tuple[str, ...] = ()
    neutral: float = DEFAULT_NEUTRAL  # what unknown or unanswered counts as in the point outlook
    neutral_reason: str | None = None  # why, where the framework departs from the midpoint
    neutral_sources: tuple[str, ...] = ()
    role: str | None = None  # lever | target | context; None: not marked
    insider: bool = False  # rarely answerable from outside government
    purposes: PurposeTag | None = None  # None: bears on every purpose
    applies_to: str | None = None  # an applicability id; None: whatever the measures
    see: tuple[str, ...] = ()  # ids of conditions owned (and scored) by another question or risk

    def level_label(self, framework: Framework, level: int) -> str:
        """The anchored meaning of a level for this question, or the default scale's label."""
        if self.anchors:
            return self.anchors[level]
        scale = framework.scale[level]
        return f"{scale.label}: {scale.meaning}"

    @property
    def lever(self) -> bool:
        """Something policy can change. A condition of the target or context never is; a
        question the framework does not mark is taken as a lever, as before roles existed."""
        return self.role is None or self.role == "lever"

    def bears_on(self, purposes: tuple[str, ...]) -> bool:
        """Whether the question bears on any of the stated purposes (all, when none is stated
        or the question is not tagged)."""
        return not purposes or self.purposes is None or bool(set(purposes) & set(self.purposes.ids))


class Factor(NamedTuple):
    id: str
    name: str
    kind: FactorKind
    description: str
    why: str
    weight: float
    weight_reason: str
    evidence: Evidence
    questions: tuple[Question, ...]
    short_name: str = ""  # for narrow table columns; the full name when not given

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def scored(self) -> bool:
        """Red flags are shown beside the outlook, never averaged into it."""
        return self.kind != "red_flag"

    def question(self, question_id: str) -> Question | None:
        for question in self.questions:
            if question.id == question_id:
                return question
        return None


class Risk(NamedTuple):
    id: str
    name: str
    question: str
    help: str
    likelihood: dict[int, str]
    severity: dict[int, str]
    mitigations: tuple[str, ...]
    evidence: str
    sources: tuple[str, ...]
    short_name: str = ""
    applies_to: str | None = None  # an applicability id; None: whatever the measures
    see: tuple[str, ...] = ()  # ids of conditions owned by a question or another risk

    @property
    def label(self) -> str:
        return self.short_name or self.name

    def likelihood_label(self, level: int) -> str:
        """The framework's wording of a likelihood level (0..4) for this risk."""
        return self.likelihood[level]

    def severity_label(self, level: int) -> str:
        """The framework's wording of a severity level (0..4) for this risk."""
        return self.severity[level]


class Band(NamedTuple):
    id: str
    label: str
    min: float
    meaning: str


class Gate(NamedTuple):
    id: str
    applies_to: str
    below: float
    cap: str
    reason: str


class RiskBand(NamedTuple):
    id: str
    label: str
    min: float


class Caveat(NamedTuple):
    id: str
    text: str
    sources: tuple[str, ...]


class DesignChoice(NamedTuple):
    """A threshold or weight that is the framework's own choice, not a sourced figure."""

    id: str
    text: str


class OmittedFactor(NamedTuple):
    """A practitioner factor left out of the framework, and why."""

    name: str
    cited_by: int
    reason: str


class Inclusion(NamedTuple):
    """Which practitioner factors are in the framework or out of it, and the rule that decides."""

    rule: str
    omitted: tuple[OmittedFactor, ...] = ()


class Applicability(NamedTuple):
    """When a question or risk applies, and the standard note for answering it n/a."""

    id: str
    text: str
    not_applicable: str | None = None  # the standard n/a note; None: applies to every case
    case_scopes: tuple[str, ...] = ()  # case scope marks under which it does not apply


class CaseScope(NamedTuple):
    """A mark a case file may carry when its measures are not ordinary targeted sanctions."""

    id: str
    name: str
    meaning: str
    outside_definition: bool  # outside the framework's own definition of targeted sanctions


class Condition(NamedTuple):
    """A condition several questions touch, asked and scored once: by its owner."""

    id: str
    name: str
    owner: str  # "factor_id.question_id", or a risk id


class ResearchFinding(NamedTuple):
    """A factor of USHMM's research review, with its coded findings, and where it is asked."""

    name: str
    greater: int
    lesser: int
    mixed: int
    rating: str
    outcomes: str
    studies: str
    note: str
    sources: tuple[str, ...]
    asked_in: tuple[str, ...] = ()  # "factor_id.question_id" or risk ids; none: not asked

    @property
    def findings(self) -> int:
        return self.greater + self.lesser + self.mixed


class ResearchContext(NamedTuple):
    """Research findings that no practitioner named: context, never scored."""

    rule: str
    findings: tuple[ResearchFinding, ...] = ()


class Change(NamedTuple):
    """One question or risk whose meaning changed, which was removed, or which moved."""

    ref: str  # "factor_id.question_id" (or a risk id) as in the older version
    change: str  # meaning | removed | moved
    note: str
    to: str | None = None  # where a moved question or risk now is


class Migration(NamedTuple):
    """What changed since an older major version, read by the version warning on case files."""

    from_major: str
    summary: str
    questions: tuple[Change, ...] = ()
    risks: tuple[Change, ...] = ()


class Framework(NamedTuple):
    id: str
    version: str
    title: str
    summary: str
    sources: tuple[Source, ...]
    scale: dict[int, Level]
    unknown: Level
    purposes: tuple[Purpose, ...]
    factors: tuple[Factor, ...]
    risks: tuple[Risk, ...]
    bands: tuple[Band, ...]
    gates: tuple[Gate, ...]
    red_flag_threshold: float
    risk_bands: tuple[RiskBand, ...]
    caveats: tuple[Caveat, ...]
    sha256: str
    path: str
    min_coverage: float = DEFAULT_MIN_COVERAGE
    design_choices: tuple[DesignChoice, ...] = ()
    inclusion: Inclusion | None = None
    applicability: tuple[Applicability, ...] = ()
    case_scopes: tuple[CaseScope, ...] = ()
    conditions: tuple[Condition, ...] = ()
    research_context: ResearchContext | None = None
    migrations: tuple[Migration, ...] = ()

    @property
    def major(self) -> str:
        return self.version.split(".", 1)[0]

    @property
    def ref(self) -> str:
        """What a case file records as the framework it was answered against."""
        return f"{self.id}@{self.major}"

    @property
    def marks_insiders(self) -> bool:
        """Whether any question is marked insider: only then is the coverage of the questions an
        outside analyst can answer a figure of its own."""
        return any(q.insider for f in self.factors for q in f.questions)

    def factor(self, factor_id: str) -> Factor | None:
        for factor in self.factors:
            if factor.id == factor_id:
                return factor
        return None

    def risk(self, risk_id: str) -> Risk | None:
        for risk in self.risks:
            if risk.id == risk_id:
                return risk
        return None

    def purpose(self, purpose_id: str) -> Purpose | None:
        for purpose in self.purposes:
            if purpose.id == purpose_id:
                return purpose
        return None

    def band(self, band_id: str) -> Band:
        for band in self.bands:
            if band.id == band_id:
                return band
        raise KeyError(band_id)

    def source(self, key: str) -> Source | None:
        for source in self.sources:
            if source.key == key:
                return source
        return None

    def applies(self, applicability_id: str | None) -> Applicability | None:
        for item in self.applicability:
            if item.id == applicability_id:
                return item
        return None

    def case_scope(self, scope_id: str) -> CaseScope | None:
        for scope in self.case_scopes:
            if scope.id == scope_id:
                return scope
        return None

    def condition(self, condition_id: str) -> Condition | None:
        for condition in self.conditions:
            if condition.id == condition_id:
                return condition
        return None

    def migration(self, from_major: str) -> Migration | None:
        for migration in self.migrations:
            if migration.from_major == from_major:
                return migration
        return None

    @property
    def insider_questions(self) -> tuple[tuple[str, str], ...]:
        """(factor id, question id) of the questions rarely answerable from outside government."""
        return tuple((f.id, q.id) for f in self.factors for q in f.questions if q.insider)


def default_path() -> Path:
    """The bundled framework: the package's own ``factors.yaml``, and nothing outside it.

    In the source tree that file is a link to the root ``factors.yaml`` (the one source), so a
    checkout or an editable install reads the root file through the package; a wheel carries the
    file itself.
    """
    return Path(__file__).resolve().parent / "factors.yaml"


def load(path: Path | None = None, *, max_bytes: int = yamlio.DEFAULT_MAX_BYTES) -> Framework:
    """Read and validate a framework file; every problem is reported at once, with its line."""
    path = path or default_path()
    name = str(path)
    try:
        raw = yamlio.read_text(path, max_bytes=max_bytes)
        sha = preparsed.sha256(raw)  # recorded as every report's provenance
        data = preparsed.framework(sha)  # the bundled file, parsed ahead of time
        if data is None:
            data = yamlio.parse(raw, name)
    except InputError as exc:
        raise FrameworkError(exc.problems) from None
    checker = Checker()
    framework = _build(checker, data, name, sha)
    if not checker.ok or framework is None:
        raise FrameworkError(located(checker.findings, raw, name))
    return framework


MAX_PROBLEMS = 100


def located(findings: list[Finding], text: str, name: str) -> list[Problem]:
    """Turn findings (paths into the data) into problems with line and column in the file.

    At most MAX_PROBLEMS are located (each costs a walk of the document): a generated or hostile
    file with 60,000 unknown keys must not take minutes to report.
    """
    try:
        root = yamlio.compose(text)
    except Exception:  # the text parsed moments ago; a failure here only costs the line number
        root = None
    problems = []
    for finding in findings[:MAX_PROBLEMS]:
        position = yamlio.locate(root, finding.path)
        problems.append(
            Problem(
                name,
                finding.message,
                field=dotted(finding.path),
                line=position[0] if position else None,
                column=position[1] if position else None,
                severity=finding.severity,
            )
        )
    if len(findings) > MAX_PROBLEMS:
        problems.append(
            Problem(
                name,
                f"... and {len(findings) - MAX_PROBLEMS:,} more problem(s) "
                "not shown; fix the ones above first",
            )
        )
    return problems


def _build(c: Checker, data: Any, name: str, sha: str) -> Framework | None:
    """Check parsed data against the framework spec and build the Framework, or None."""
    if isinstance(data, dict) and data.get("format") != FORMAT and "factors" not in data:
        c.error((), _not_a_framework(data))
        return None
    built = FRAMEWORK(c, data, (), _Context(name, sha))
    return None if built is INVALID or not c.ok else built


class _Context(Context):
    """The file being read, and the ids of its sources, factors and bands once checked."""

    __slots__ = ("name", "sha")

    def __init__(self, name: str, sha: str) -> None:
        super().__init__()
        self.name = name
        self.sha = sha


def _not_a_framework(data: dict[Any, Any]) -> str:
    """One clear sentence instead of a dozen missing keys when the wrong file is passed."""
    if str(data.get("format", "")).startswith("sanctions-check/case@") or "answers" in data:
        return (
            "is a sanctions-check case file, not a framework: pass it as a case, and a "
            "framework file (if any) with --framework"
        )
    keys = ", ".join(shown_key(k) for k in list(data)[:8])
    return (
        f"is not a sanctions-check framework file (no 'format: {FORMAT}' and no 'factors:'); "
        f"keys found: {keys}"
    )


# --- kinds that only a framework has ----------------------------------------------------------


def _format(c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
    if value != FORMAT:
        c.error(path, f"expected {FORMAT!r}: this is not a sanctions-check framework file")
        return INVALID
    return value


def _version(c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
    version = c.text(value, path)
    if version is None:
        return INVALID
    parts = version.split(".")
    if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts)):
        c.error(path, f'expected a version like "1.0", found {version!r}')
        return INVALID
    return version


def _url(c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
    url = c.text(value, path)
    if url is None:
        return INVALID
    if not url.startswith(("https://", "http://")):
        c.error(path, f"expected a web address starting with https://, found {url!r}")
        return INVALID
    return url


def _refs(c: Checker, value: Any, path: Path_, ctx: Context) -> Any:
    """Keys of the top-level sources (checked once those are known to be a list)."""
    start = c.errors
    keys = c.text_list(value, path)
    known = ctx.ids.get("source")
    if known is not None:
        for i, key in enumerate(keys):
            if key not in known:
                c.error((*path, i), f"unknown source key {key!r}; define it under 'sources'")
    return INVALID if c.errors > start else keys


def _gate_target(c: Checker, value: Any, path: Path_, ctx: Context) -> Any:
    applies = c.text(value, path)
    if applies is None:
        return INVALID
    factor_ids = ctx.ids.get("factor")  # None: the factors are not a list (reported there)
    if factor_ids is not None and applies != "core" and applies not in factor_ids:
        c.error(
            path,
            f"unknown factor {applies!r}{suggest(applies, factor_ids)}; use 'core' or a factor id",
        )
        return INVALID
    return applies


def _band_id(c: Checker, value: Any, path: Path_, ctx: Context) -> Any:
    cap = c.text(value, path)
    if cap is None:
        return INVALID
    band_ids = ctx.ids.get("band")
    if band_ids and cap not in band_ids:
        c.error(path, f"unknown band {cap!r}{suggest(cap, band_ids)}")
        return INVALID
    return cap


def _known(label: str, what: str) -> Any:
    """A kind: an id defined earlier in the file under ``label`` (its ids are on the context)."""

    def check(c: Checker, value: Any, path: Path_, ctx: Context) -> Any:
        ident = c.text(value, path)
        if ident is None:
            return INVALID
        known = ctx.ids.get(label) or []
        if ident not in known:
            c.error(path, f"unknown {what} {ident!r}{suggest(ident, known)}{_define(label)}")
            return INVALID
        return ident

    return check


def _known_list(label: str, what: str) -> Any:
    """A kind: a list of ids defined earlier under ``label``, none repeated."""

    def check(c: Checker, value: Any, path: Path_, ctx: Context) -> Any:
        start = c.errors
        idents = c.text_list(value, path)
        known = ctx.ids.get(label) or []
        seen: set[str] = set()
        for ident in idents:
            if ident not in known:
                c.error(path, f"unknown {what} {ident!r}{suggest(ident, known)}{_define(label)}")
            elif ident in seen:
                c.error(path, f"{what} {ident!r} is listed twice")
            seen.add(ident)
        return INVALID if c.errors > start else idents

    return check


_DEFINED_UNDER = {
    "purpose": "purposes",
    "applicability": "applicability",
    "case scope": "case_scopes",
}


def _define(label: str) -> str:
    return f"; define it under '{_DEFINED_UNDER[label]}'"


def _slugs(c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
    """A list of ids (checked against what they name once the whole file is read)."""
    start = c.errors
    idents = c.text_list(value, path)
    for i, ident in enumerate(idents):
        c.slug(ident, (*path, i))
    return INVALID if c.errors > start else idents


def _major(c: Checker, value: Any, path: Path_, ctx: Any) -> Any:
    """A major version number, written as text ("2")."""
    major = c.text(value, path)
    if major is None:
        return INVALID
    if not major.isdigit():
        c.error(path, f'expected a major version such as "2", found {major!r}')
        return INVALID
    return major


# --- rules across keys ------------------------------------------------------------------------


def _factor_weight(c: Checker, values: dict[str, Any], path: Path_, ctx: Any) -> None:
    """A red flag's weight may be 0 (red flags are never averaged); any other must be above 0."""
    weight = values.get("weight")
    if weight is None:
        return
    if values.get("kind") == "red_flag":
        c.number(weight, (*path, "weight"), minimum=0)
    else:
        c.number(weight, (*path, "weight"), above=0)
    values["weight"] = float(weight)


def _cited_within_total(c: Checker, values: dict[str, Any], path: Path_, ctx: Any) -> None:
    """0 up to the number of practitioners asked (when that number is valid)."""
    cited, total = values.get("practitioners_cited"), values.get("practitioners_total")
    if cited is not None:
        c.number(cited, (*path, "practitioners_cited"), minimum=0, maximum=total, integer=True)


def _core_and_weights(c: Checker, factors: list[Factor], path: Path_) -> None:
    if factors and not any(f.kind == "core" for f in factors):
        c.error(path, "at least one factor must be of kind 'core'")
    scored = [f for f in factors if f.kind != "red_flag"]
    if scored and sum(f.weight for f in scored) <= 0:
        c.error(path, "the weights of the core and secondary factors are all zero")


def _ascending(c: Checker, bands: list[Band] | list[RiskBand], path: Path_) -> None:
    if not bands:
        return
    if bands[0].min != 0:
        c.error((*path, 0, "min"), "the first band must start at 0 so that every score has a band")
    for i in range(1, len(bands)):
        if bands[i].min <= bands[i - 1].min:
            c.error((*path, i, "min"), "bands must be listed in ascending order of 'min'")


def _tag_not_all(c: Checker, values: dict[str, Any], path: Path_, ctx: Context) -> None:
    """A purpose tag that names every purpose says nothing: the question is left untagged."""
    ids, known = values.get("ids"), ctx.ids.get("purpose")
    if ids is not None and known and set(known) <= set(ids):
        c.error((*path, "ids"), "names every purpose: leave 'purposes' out instead")
    elif ids is not None and not ids:
        c.error((*path, "ids"), "name at least one purpose")


def _na_note_with_scopes(c: Checker, values: dict[str, Any], path: Path_, ctx: Any) -> None:
    if values.get("case_scopes") and not values.get("not_applicable"):
        c.error(path, "an applicability that case scopes exclude needs its 'not_applicable' note")


def _finding_counts(c: Checker, values: dict[str, Any], path: Path_, ctx: Any) -> None:
    counts = [values.get(k) for k in ("greater", "lesser", "mixed")]
    if all(isinstance(n, int) for n in counts) and sum(counts) < 1:  # type: ignore[arg-type]
        c.error(path, "a research finding needs at least one coded finding")


def _change_target(c: Checker, values: dict[str, Any], path: Path_, ctx: Any) -> None:
    change, to = values.get("change"), values.get("to")
    if change == "moved" and to is None:
        c.error((*path, "change"), "a moved question or risk needs 'to': where it now is")
    elif change is not None and change != "moved" and to is not None:
        c.error((*path, "to"), "only a moved question or risk has 'to'")


def _question_refs(framework_values: dict[str, Any]) -> dict[str, Question]:
    factors = framework_values.get("factors") or ()
    return {f"{f.id}.{q.id}": q for f in factors for q in f.questions}


def _cross_references(c: Checker, values: dict[str, Any], path: Path_, ctx: Any) -> None:
    """Pointers that name questions, risks and conditions anywhere in the file resolve, and each
    condition has exactly one owner that does not also point away from it."""
    factors, risks = values.get("factors"), values.get("risks")
    if factors is None or risks is None:
        return  # reported where they are
    questions = _question_refs(values)
    risk_ids = {r.id: r for r in risks}
    known = [*questions, *risk_ids]

    def resolves(ref: str) -> bool:
        return ref in questions or ref in risk_ids

    conditions = values.get("conditions") or ()
    condition_ids = [k.id for k in conditions]
    owned: dict[str, str] = {}
    for i, condition in enumerate(conditions):
        if not resolves(condition.owner):
            c.error(
                ("conditions", i, "owner"),
                f"unknown question or risk {condition.owner!r}{suggest(condition.owner, known)}; "
                "name a question as factor_id.question_id, or a risk by its id",
            )
        owned[condition.id] = condition.owner
    pointing: list[tuple[Path_, str, tuple[str, ...]]] = []
    for fi, factor in enumerate(factors):
        for qi, question in enumerate(factor.questions):
            path_to: Path_ = ("factors", fi, "questions", qi, "see")
            pointing.append((path_to, f"{factor.id}.{question.id}", question.see))
    for ri, risk in enumerate(risks):
        pointing.append((("risks", ri, "see"), risk.id, risk.see))
    for seeing, me, see in pointing:
        for condition_id in see:
            if condition_id not in owned:
                c.error(
                    seeing,
                    f"unknown condition {condition_id!r}{suggest(condition_id, condition_ids)}; "
                    "define it under 'conditions'",
                )
            elif owned[condition_id] == me:
                c.error(seeing, f"owns condition {condition_id!r}: it cannot point away from it")
    research = values.get("research_context")
    for fi, finding in enumerate(research.findings if research is not None else ()):
        for ref in finding.asked_in:
            if not resolves(ref):
                c.error(
                    ("research_context", "findings", fi, "asked_in"),
                    f"unknown question or risk {ref!r}{suggest(ref, known)}",
                )
    version = values.get("version")
    for mi, migration in enumerate(values.get("migrations") or ()):
        if version is not None and migration.from_major == version.split(".", 1)[0]:
            c.error(
                ("migrations", mi, "from_major"),
                "is this framework's own major version: a migration is from an older one",
            )
        for key, changes, current in (
            ("questions", migration.questions, questions),
            ("risks", migration.risks, risk_ids),
        ):
            seen: set[str] = set()
            for k, change in enumerate(changes):
                where: Path_ = ("migrations", mi, key, k)
                if change.ref in seen:
                    c.error((*where, "ref"), f"{change.ref!r} is listed twice")
                seen.add(change.ref)
                if key == "questions" and change.ref.count(".") != 1:
                    c.error((*where, "ref"), "name a question as factor_id.question_id")
                    continue
                exists = change.ref in current
                if change.change == "meaning" and not exists:
                    c.error(
                        (*where, "ref"),
                        f"{change.ref!r} is not in this version; a question or risk that is gone "
                        "is 'removed' or 'moved'",
                    )
                elif change.change != "meaning" and exists:
                    c.error(
                        (*where, "ref"),
                        f"{change.ref!r} is still in this version: it was not {change.change}",
                    )
                if change.to is not None and change.to not in current:
                    c.error(
                        (*where, "to"),
                        f"unknown {key[:-1]} {change.to!r}{suggest(change.to, list(current))}",
                    )


def _question(values: dict[str, Any], ctx: Any) -> Question:
    neutral: Neutral | None = values.pop("neutral", None)
    if neutral is not None:
        values.update(
            neutral=neutral.value, neutral_reason=neutral.reason, neutral_sources=neutral.sources
        )
    return Question(**values)


def _framework(values: dict[str, Any], ctx: _Context) -> Framework:
    return Framework(**values, sha256=ctx.sha, path=ctx.name)


# --- the framework file's shape ---------------------------------------------------------------

_WEIGHT = Number(above=0, to=float)
_PERCENT = Number(minimum=0, maximum=100)
_LEVEL = Record(Level, {"label": req(nonblank), "meaning": req(nonblank)})
_ANCHORS = Levels(nonblank)

SOURCE = Record(
    Source,
    {
        "key": req(slug_id),
        "title": req(nonblank),
        "publisher": req(nonblank),
        "url": req(_url),
        "year": opt(Number(minimum=1900, maximum=2100, integer=True), default=None),
        "note": opt(any_text),
    },
)
BASE_RATE = Record(
    BaseRate,
    {
        "effective_share_of_all_episodes": req(_PERCENT),
        "effective_when_pursued": req(_PERCENT),
        "text": req(nonblank),
        "sources": req(_refs),
    },
)
PURPOSE = Record(
    Purpose,
    {
        "id": req(slug_id),
        "name": req(nonblank),
        "description": req(nonblank),
        "base_rate": opt(BASE_RATE),
    },
)
EVIDENCE = Record(
    Evidence,
    {
        "tfap_name": req(nonblank),
        "practitioners_cited": req(Number(integer=True)),  # range: _cited_within_total
        "practitioners_total": req(Number(minimum=1, integer=True)),
        "direction": req(Choice(DIRECTIONS)),
        "practitioner_rating": req(Choice(RATINGS)),
        "research_rating": req(Choice(RESEARCH_RATINGS)),
        "sources": req(_refs),
        "note": opt(any_text),
    },
    checks=(_cited_within_total,),
)
NEUTRAL = Record(
    Neutral,
    {
        "value": req(Number(minimum=0, maximum=4, to=float)),
        "reason": req(nonblank),
        "sources": opt(_refs),
    },
)
PURPOSE_TAG = Record(
    PurposeTag,
    {
        "ids": req(_known_list("purpose", "purpose")),
        "reason": req(nonblank),
        "sources": opt(_refs),
    },
    checks=(_tag_not_all,),
)
_APPLIES_TO = _known("applicability", "applicability")
QUESTION = Record(
    Question,
    {
        "id": req(slug_id),
        "text": req(nonblank),
        "help": req(nonblank),
        "weight": req(_WEIGHT),
        "advice": req(nonblank),
        "anchors": opt(_ANCHORS),
        "sources": opt(_refs),
        "neutral": opt(NEUTRAL),
        "role": opt(Choice(ROLES)),
        "insider": opt(true_false),
        "purposes": opt(PURPOSE_TAG),
        "applies_to": opt(_APPLIES_TO),
        "see": opt(_slugs),
    },
    build=_question,
)
FACTOR = Record(
    Factor,
    {
        "id": req(slug_id),
        "name": req(nonblank),
        "kind": req(Choice(KINDS)),
        "description": req(nonblank),
        "why": req(nonblank),
        "weight": req(Number()),  # limits depend on the kind: _factor_weight
        "weight_reason": req(nonblank),
        "evidence": req(EVIDENCE),
        "questions": req(ListOf(QUESTION, "questions", unique="question")),
        "short_name": opt(any_text),
    },
    checks=(_factor_weight,),
)
RISK = Record(
    Risk,
    {
        "id": req(slug_id),
        "name": req(nonblank),
        "question": req(nonblank),
        "help": req(nonblank),
        "likelihood": req(_ANCHORS),
        "severity": req(_ANCHORS),
        "mitigations": req(TextList(empty="give at least one concrete mitigation")),
        "evidence": req(nonblank),
        "sources": req(_refs),
        "short_name": opt(any_text),
        "applies_to": opt(_APPLIES_TO),
        "see": opt(_slugs),
    },
)
BAND = Record(
    Band,
    {
        "id": req(slug_id),
        "label": req(nonblank),
        "min": req(Number(minimum=0, maximum=100, to=float)),
        "meaning": req(nonblank),
    },
)
GATE = Record(
    Gate,
    {
        "id": req(slug_id),
        "applies_to": req(_gate_target),
        "below": req(Number(minimum=0, maximum=100, to=float)),
        "cap": req(_band_id),
        "reason": req(nonblank),
    },
)
RISK_BAND = Record(
    RiskBand,
    {
        "id": req(slug_id),
        "label": req(nonblank),
        "min": req(Number(minimum=0, maximum=16, to=float)),
    },
)
CAVEAT = Record(Caveat, {"id": req(slug_id), "text": req(nonblank), "sources": req(_refs)})
DESIGN_CHOICE = Record(DesignChoice, {"id": req(slug_id), "text": req(nonblank)})
OMITTED_FACTOR = Record(
    OmittedFactor,
    {
        "name": req(nonblank),
        "cited_by": req(Number(minimum=0, integer=True)),
        "reason": req(nonblank),
    },
)
INCLUSION = Record(
    Inclusion,
    {"rule": req(nonblank), "omitted": opt(ListOf(OMITTED_FACTOR, "omitted factors", minimum=0))},
)
CASE_SCOPE = Record(
    CaseScope,
    {
        "id": req(slug_id),
        "name": req(nonblank),
        "meaning": req(nonblank),
        "outside_definition": req(true_false),
    },
)
APPLICABILITY = Record(
    Applicability,
    {
        "id": req(slug_id),
        "text": req(nonblank),
        "not_applicable": opt(nonblank),
        "case_scopes": opt(_known_list("case scope", "case scope")),
    },
    checks=(_na_note_with_scopes,),
)
CONDITION = Record(Condition, {"id": req(slug_id), "name": req(nonblank), "owner": req(nonblank)})
_COUNT = Number(minimum=0, integer=True)
RESEARCH_FINDING = Record(
    ResearchFinding,
    {
        "name": req(nonblank),
        "greater": req(_COUNT),
        "lesser": req(_COUNT),
        "mixed": req(_COUNT),
        "rating": req(Choice(RATINGS)),
        "outcomes": req(nonblank),
        "studies": req(nonblank),
        "asked_in": opt(TextList()),
        "note": req(nonblank),
        "sources": req(_refs),
    },
    checks=(_finding_counts,),
)
RESEARCH_CONTEXT = Record(
    ResearchContext,
    {
        "rule": req(nonblank),
        "findings": opt(ListOf(RESEARCH_FINDING, "research findings", minimum=0)),
    },
)
CHANGE = Record(
    Change,
    {
        "ref": req(nonblank),
        "change": req(Choice(CHANGES)),
        "note": req(nonblank),
        "to": opt(nonblank),
    },
    checks=(_change_target,),
)
MIGRATION = Record(
    Migration,
    {
        "from_major": req(_major),
        "summary": req(nonblank),
        "questions": opt(ListOf(CHANGE, "changed questions", minimum=0)),
        "risks": opt(ListOf(CHANGE, "changed risks", minimum=0)),
    },
)
# Key order is check order: sources before the lists that cite them, factors and bands before the
# gates that name them.
FRAMEWORK = Record(
    Framework,
    {
        "format": req(_format, attr=""),
        "id": req(slug_id),
        "version": req(_version),
        "title": req(nonblank),
        "summary": req(nonblank),
        "sources": req(ListOf(SOURCE, "sources", unique="source", id_key="key")),
        "scale": req(Levels(_LEVEL)),
        "unknown": req(_LEVEL),
        "purposes": req(ListOf(PURPOSE, "purposes", unique="purpose")),
        "case_scopes": opt(ListOf(CASE_SCOPE, "case scopes", minimum=0, unique="case scope")),
        "applicability": opt(
            ListOf(APPLICABILITY, "applicability entries", minimum=0, unique="applicability")
        ),
        "factors": req(ListOf(FACTOR, "factors", unique="factor", checks=(_core_and_weights,))),
        "risks": req(ListOf(RISK, "risks", unique="risk")),
        "conditions": opt(ListOf(CONDITION, "conditions", minimum=0, unique="condition")),
        "bands": req(ListOf(BAND, "bands", unique="band", checks=(_ascending,))),
        "gates": req(ListOf(GATE, "gates", minimum=0, unique="gate")),
        "red_flag_threshold": req(Number(minimum=0, maximum=100, to=float)),
        "risk_bands": req(
            ListOf(RISK_BAND, "risk bands", unique="risk band", checks=(_ascending,))
        ),
        "caveats": req(ListOf(CAVEAT, "caveats", unique="caveat")),
        "min_coverage": opt(Number(minimum=0, maximum=1, to=float)),
        "design_choices": opt(
            ListOf(DESIGN_CHOICE, "design choices", minimum=0, unique="design choice")
        ),
        "inclusion": opt(INCLUSION),
        "research_context": opt(RESEARCH_CONTEXT),
        "migrations": opt(
            ListOf(MIGRATION, "migrations", minimum=0, unique="migration", id_key="from_major")
        ),
    },
    what="a sanctions-check framework (a mapping)",
    checks=(_cross_references,),
    build=_framework,
)
