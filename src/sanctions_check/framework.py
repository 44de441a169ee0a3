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

    def level_label(self, framework: Framework, level: int) -> str:
        """The anchored meaning of a level for this question, or the default scale's label."""
        if self.anchors:
            return self.anchors[level]
        scale = framework.scale[level]
        return f"{scale.label}: {scale.meaning}"


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

    @property
    def major(self) -> str:
        return self.version.split(".", 1)[0]

    @property
    def ref(self) -> str:
        """What a case file records as the framework it was answered against."""
        return f"{self.id}@{self.major}"

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
        "factors": req(ListOf(FACTOR, "factors", unique="factor", checks=(_core_and_weights,))),
        "risks": req(ListOf(RISK, "risks", unique="risk")),
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
    },
    what="a sanctions-check framework (a mapping)",
    build=_framework,
)
