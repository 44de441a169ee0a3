"""The factor framework: data read from ``factors.yaml``, validated, frozen into plain objects.

Wording, weights and advice live in the YAML so that analysts can read, cite and replace them
(``--framework FILE``); this module only knows the shape (docs/framework-format.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from sanctions_check import fwcache, yamlio
from sanctions_check.checks import Checker, Finding, Path_, dotted, unique_ids
from sanctions_check.errors import FrameworkError, InputError, Problem, shown_key

FORMAT = "sanctions-check/framework@1"
KINDS = ("core", "secondary", "red_flag")
RATINGS = ("Stronger", "Moderate", "Weaker")
RESEARCH_RATINGS = (*RATINGS, "None available")
DIRECTIONS = ("greater", "less")
LEVELS = (0, 1, 2, 3, 4)
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


class Purpose(NamedTuple):
    id: str
    name: str
    description: str
    base_rate: BaseRate | None


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
    kind: str
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
    """The bundled framework: inside the installed package, or the checkout's root file.

    A wheel carries a copy of the root ``factors.yaml`` inside the package; an editable install or
    a run from the source tree has no copy and reads the root file itself, so there is one source.
    """
    here = Path(__file__).resolve().parent
    bundled = here / "factors.yaml"
    if bundled.is_file():
        return bundled
    return here.parent.parent / "factors.yaml"


def load(path: Path | None = None, *, max_bytes: int = yamlio.DEFAULT_MAX_BYTES) -> Framework:
    """Read and validate a framework file; every problem is reported at once, with its line."""
    path = path or default_path()
    name = str(path)
    try:
        raw = yamlio.read_text(path, max_bytes=max_bytes)
        sha = fwcache.digest(raw.encode("utf-8"))
        data = fwcache.load(sha)  # the same strict parse of these very bytes, from an earlier run
        fresh = data is None
        if fresh:
            data = yamlio.parse(raw, name)
    except InputError as exc:
        raise FrameworkError(exc.problems) from None
    checker = Checker()
    framework = _build(checker, data, name, sha)
    if not checker.ok or framework is None:
        raise FrameworkError(located(checker.findings, raw, name))
    if fresh:
        fwcache.store(sha, data)
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


_TOP = (
    "format",
    "id",
    "version",
    "title",
    "summary",
    "sources",
    "scale",
    "unknown",
    "purposes",
    "factors",
    "risks",
    "bands",
    "gates",
    "red_flag_threshold",
    "risk_bands",
    "caveats",
)


def _build(c: Checker, data: Any, name: str, sha: str) -> Framework | None:
    if isinstance(data, dict) and data.get("format") != FORMAT and "factors" not in data:
        c.error((), _not_a_framework(data))
        return None
    top = c.mapping(
        data,
        (),
        required=_TOP,
        optional=("min_coverage", "design_choices", "inclusion"),
        what="a sanctions-check framework (a mapping)",
    )
    if top is None:
        return None
    if top.get("format") != FORMAT:
        c.error(("format",), f"expected {FORMAT!r}: this is not a sanctions-check framework file")
    ident = c.slug(top.get("id"), ("id",))
    version = c.text(top.get("version"), ("version",))
    if version is not None and not _is_version(version):
        c.error(("version",), f'expected a version like "1.0", found {version!r}')

    sources = _sources(c, top.get("sources"))
    keys = {s.key for s in sources}

    def refs(value: Any, path: Path_) -> tuple[str, ...]:
        out = c.text_list(value, path)
        for i, key in enumerate(out):
            if key not in keys:
                c.error((*path, i), f"unknown source key {key!r}; define it under 'sources'")
        return out

    scale = _scale(c, top.get("scale"))
    unknown = _level(c, top.get("unknown"), ("unknown",))
    purposes = _purposes(c, top.get("purposes"), refs)
    factors = _factors(c, top.get("factors"), refs)
    risks = _risks(c, top.get("risks"), refs)
    bands = _bands(c, top.get("bands"))
    band_ids = [b.id for b in bands]
    gates = _gates(c, top.get("gates"), factors, band_ids)
    threshold = c.number(
        top.get("red_flag_threshold"), ("red_flag_threshold",), minimum=0, maximum=100
    )
    risk_bands = _risk_bands(c, top.get("risk_bands"))
    caveats = _caveats(c, top.get("caveats"), refs)
    min_coverage = DEFAULT_MIN_COVERAGE
    if top.get("min_coverage") is not None:
        min_coverage = c.number(top.get("min_coverage"), ("min_coverage",), minimum=0, maximum=1)
    design_choices = _design_choices(c, top.get("design_choices"))
    inclusion = _inclusion(c, top["inclusion"]) if top.get("inclusion") is not None else None
    if not c.ok:
        return None
    return Framework(
        id=ident or "",
        version=version or "",
        title=top["title"],
        summary=top["summary"],
        sources=sources,
        scale=scale or {},
        unknown=unknown or Level("", ""),
        purposes=purposes,
        factors=factors,
        risks=risks,
        bands=bands,
        gates=gates,
        red_flag_threshold=float(threshold or 0),
        risk_bands=risk_bands,
        caveats=caveats,
        sha256=sha,
        path=name,
        min_coverage=float(min_coverage or 0),
        design_choices=design_choices,
        inclusion=inclusion,
    )


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


def _is_version(text: str) -> bool:
    parts = text.split(".")
    return 1 <= len(parts) <= 3 and all(p.isdigit() for p in parts)


def _items(c: Checker, value: Any, path: Path_, what: str, *, minimum: int = 1) -> list[Any]:
    if not isinstance(value, list):
        c.error(path, f"expected a list of {what}, found {_describe(value)}")
        return []
    if len(value) < minimum:
        c.error(path, f"needs at least {minimum} {what}")
    return value


def _describe(value: Any) -> str:
    from sanctions_check.checks import describe

    return describe(value)


def _sources(c: Checker, value: Any) -> tuple[Source, ...]:
    out, ids = [], {}
    for i, item in enumerate(_items(c, value, ("sources",), "sources")):
        p: Path_ = ("sources", i)
        m = c.mapping(
            item, p, required=("key", "title", "publisher", "url"), optional=("year", "note")
        )
        if m is None:
            continue
        key = c.slug(m.get("key"), (*p, "key"))
        ids[(*p, "key")] = key
        title = c.text(m.get("title"), (*p, "title"))
        publisher = c.text(m.get("publisher"), (*p, "publisher"))
        year = None
        if m.get("year") is not None:
            year = c.number(m.get("year"), (*p, "year"), minimum=1900, maximum=2100, integer=True)
        url = c.text(m.get("url"), (*p, "url"))
        if url is not None and not url.startswith(("https://", "http://")):
            c.error((*p, "url"), f"expected a web address starting with https://, found {url!r}")
        note = c.text(m.get("note"), (*p, "note"), required=False)
        if None not in (key, title, publisher, url):
            out.append(
                Source(
                    key,
                    title,
                    publisher,
                    None if year is None else int(year),
                    url,  # type: ignore[arg-type]
                    note,
                )
            )
    unique_ids(c, ids, "source")
    return tuple(out)


def _level(c: Checker, value: Any, path: Path_) -> Level | None:
    m = c.mapping(value, path, required=("label", "meaning"))
    if m is None:
        return None
    label = c.text(m.get("label"), (*path, "label"))
    meaning = c.text(m.get("meaning"), (*path, "meaning"))
    return Level(label, meaning) if label and meaning else None


def _scale(c: Checker, value: Any) -> dict[int, Level] | None:
    levels = c.level_map(value, ("scale",))
    if levels is None:
        return None
    out = {}
    for key, item in levels.items():
        level = _level(c, item, ("scale", key))
        if level is not None:
            out[key] = level
    return out


def _anchors(c: Checker, value: Any, path: Path_) -> dict[int, str] | None:
    levels = c.level_map(value, path)
    if levels is None:
        return None
    out = {}
    for key, item in levels.items():
        text = c.text(item, (*path, key))
        if text is not None:
            out[key] = text
    return out


def _purposes(c: Checker, value: Any, refs) -> tuple[Purpose, ...]:
    out, ids = [], {}
    for i, item in enumerate(_items(c, value, ("purposes",), "purposes")):
        p: Path_ = ("purposes", i)
        m = c.mapping(item, p, required=("id", "name", "description"), optional=("base_rate",))
        if m is None:
            continue
        ident = c.slug(m.get("id"), (*p, "id"))
        ids[(*p, "id")] = ident
        base_rate = None
        if m.get("base_rate") is not None:
            bp = (*p, "base_rate")
            b = c.mapping(
                m["base_rate"],
                bp,
                required=(
                    "effective_share_of_all_episodes",
                    "effective_when_pursued",
                    "text",
                    "sources",
                ),
            )
            if b is not None:
                share = c.number(
                    b.get("effective_share_of_all_episodes"),
                    (*bp, "effective_share_of_all_episodes"),
                    minimum=0,
                    maximum=100,
                )
                pursued = c.number(
                    b.get("effective_when_pursued"),
                    (*bp, "effective_when_pursued"),
                    minimum=0,
                    maximum=100,
                )
                text = c.text(b.get("text"), (*bp, "text"))
                sources = refs(b.get("sources"), (*bp, "sources"))
                if share is not None and pursued is not None and text:
                    base_rate = BaseRate(share, pursued, text, sources)
        name = c.text(m.get("name"), (*p, "name"))
        description = c.text(m.get("description"), (*p, "description"))
        if ident and name and description:
            out.append(Purpose(ident, name, description, base_rate))
    unique_ids(c, ids, "purpose")
    return tuple(out)


def _factors(c: Checker, value: Any, refs) -> tuple[Factor, ...]:
    out, ids = [], {}
    for i, item in enumerate(_items(c, value, ("factors",), "factors")):
        p: Path_ = ("factors", i)
        m = c.mapping(
            item,
            p,
            required=(
                "id",
                "name",
                "kind",
                "description",
                "why",
                "weight",
                "weight_reason",
                "evidence",
                "questions",
            ),
            optional=("short_name",),
        )
        if m is None:
            continue
        ident = c.slug(m.get("id"), (*p, "id"))
        ids[(*p, "id")] = ident
        kind = c.choice(m.get("kind"), (*p, "kind"), KINDS)
        if kind == "red_flag":
            weight = c.number(m.get("weight"), (*p, "weight"), minimum=0)
        else:
            weight = c.number(m.get("weight"), (*p, "weight"), above=0)
        evidence = _evidence(c, m.get("evidence"), (*p, "evidence"), refs)
        questions = _questions(c, m.get("questions"), (*p, "questions"), refs)
        texts = [c.text(m.get(k), (*p, k)) for k in ("name", "description", "why", "weight_reason")]
        if ident and kind and weight is not None and evidence and questions and all(texts):
            name, description, why, reason = texts
            short = c.text(m.get("short_name"), (*p, "short_name"), required=False) or ""
            out.append(
                Factor(
                    ident,
                    name,
                    kind,
                    description,
                    why,
                    float(weight),
                    reason,
                    evidence,
                    questions,
                    short,
                )
            )
    unique_ids(c, ids, "factor")
    if value and not any(f.kind == "core" for f in out) and out:
        c.error(("factors",), "at least one factor must be of kind 'core'")
    scored = [f for f in out if f.kind != "red_flag"]
    if out and scored and sum(f.weight for f in scored) <= 0:
        c.error(("factors",), "the weights of the core and secondary factors are all zero")
    return tuple(out)


def _evidence(c: Checker, value: Any, path: Path_, refs) -> Evidence | None:
    m = c.mapping(
        value,
        path,
        required=(
            "tfap_name",
            "practitioners_cited",
            "practitioners_total",
            "direction",
            "practitioner_rating",
            "research_rating",
            "sources",
        ),
        optional=("note",),
    )
    if m is None:
        return None
    name = c.text(m.get("tfap_name"), (*path, "tfap_name"))
    total = c.number(
        m.get("practitioners_total"), (*path, "practitioners_total"), minimum=1, integer=True
    )
    cited = c.number(
        m.get("practitioners_cited"),
        (*path, "practitioners_cited"),
        minimum=0,
        maximum=total if total else None,
        integer=True,
    )
    direction = c.choice(m.get("direction"), (*path, "direction"), DIRECTIONS)
    prating = c.choice(m.get("practitioner_rating"), (*path, "practitioner_rating"), RATINGS)
    rrating = c.choice(m.get("research_rating"), (*path, "research_rating"), RESEARCH_RATINGS)
    sources = refs(m.get("sources"), (*path, "sources"))
    note = c.text(m.get("note"), (*path, "note"), required=False)
    if None in (name, total, cited, direction, prating, rrating):
        return None
    return Evidence(name, int(cited), int(total), direction, prating, rrating, sources, note)  # type: ignore[arg-type]


def _questions(c: Checker, value: Any, path: Path_, refs) -> tuple[Question, ...]:
    out, ids = [], {}
    for i, item in enumerate(_items(c, value, path, "questions")):
        p: Path_ = (*path, i)
        m = c.mapping(
            item,
            p,
            required=("id", "text", "help", "weight", "advice"),
            optional=("anchors", "sources", "neutral"),
        )
        if m is None:
            continue
        ident = c.slug(m.get("id"), (*p, "id"))
        ids[(*p, "id")] = ident
        weight = c.number(m.get("weight"), (*p, "weight"), above=0)
        anchors = _anchors(c, m["anchors"], (*p, "anchors")) if "anchors" in m else None
        sources = refs(m.get("sources"), (*p, "sources"))
        neutral = _neutral(c, m["neutral"], (*p, "neutral"), refs) if "neutral" in m else None
        texts = [c.text(m.get(k), (*p, k)) for k in ("text", "help", "advice")]
        if ident and weight is not None and all(texts):
            text, help_, advice = texts
            value, reason, cited = neutral or (DEFAULT_NEUTRAL, None, ())
            out.append(
                Question(
                    ident,
                    text,
                    help_,
                    float(weight),
                    advice,
                    anchors,
                    sources,
                    value,
                    reason,
                    cited,
                )
            )
    unique_ids(c, ids, "question")
    return tuple(out)


def _risks(c: Checker, value: Any, refs) -> tuple[Risk, ...]:
    out, ids = [], {}
    for i, item in enumerate(_items(c, value, ("risks",), "risks")):
        p: Path_ = ("risks", i)
        m = c.mapping(
            item,
            p,
            required=(
                "id",
                "name",
                "question",
                "help",
                "likelihood",
                "severity",
                "mitigations",
                "evidence",
                "sources",
            ),
            optional=("short_name",),
        )
        if m is None:
            continue
        ident = c.slug(m.get("id"), (*p, "id"))
        ids[(*p, "id")] = ident
        likelihood = _anchors(c, m.get("likelihood"), (*p, "likelihood"))
        severity = _anchors(c, m.get("severity"), (*p, "severity"))
        mitigations = c.text_list(m.get("mitigations"), (*p, "mitigations"))
        if not mitigations:
            c.error((*p, "mitigations"), "give at least one concrete mitigation")
        sources = refs(m.get("sources"), (*p, "sources"))
        texts = [c.text(m.get(k), (*p, k)) for k in ("name", "question", "help", "evidence")]
        if ident and likelihood and severity and mitigations and all(texts):
            name, question, help_, evidence = texts
            short = c.text(m.get("short_name"), (*p, "short_name"), required=False) or ""
            out.append(
                Risk(
                    ident,
                    name,
                    question,
                    help_,
                    likelihood,
                    severity,
                    mitigations,
                    evidence,
                    sources,
                    short,
                )
            )
    unique_ids(c, ids, "risk")
    return tuple(out)


def _bands(c: Checker, value: Any) -> tuple[Band, ...]:
    out, ids = [], {}
    for i, item in enumerate(_items(c, value, ("bands",), "bands")):
        p: Path_ = ("bands", i)
        m = c.mapping(item, p, required=("id", "label", "min", "meaning"))
        if m is None:
            continue
        ident = c.slug(m.get("id"), (*p, "id"))
        ids[(*p, "id")] = ident
        low = c.number(m.get("min"), (*p, "min"), minimum=0, maximum=100)
        label = c.text(m.get("label"), (*p, "label"))
        meaning = c.text(m.get("meaning"), (*p, "meaning"))
        if ident and low is not None and label and meaning:
            out.append(Band(ident, label, float(low), meaning))
    unique_ids(c, ids, "band")
    _ascending(c, out, ("bands",))
    return tuple(out)


def _risk_bands(c: Checker, value: Any) -> tuple[RiskBand, ...]:
    out, ids = [], {}
    for i, item in enumerate(_items(c, value, ("risk_bands",), "risk bands")):
        p: Path_ = ("risk_bands", i)
        m = c.mapping(item, p, required=("id", "label", "min"))
        if m is None:
            continue
        ident = c.slug(m.get("id"), (*p, "id"))
        ids[(*p, "id")] = ident
        low = c.number(m.get("min"), (*p, "min"), minimum=0, maximum=16)
        label = c.text(m.get("label"), (*p, "label"))
        if ident and low is not None and label:
            out.append(RiskBand(ident, label, float(low)))
    unique_ids(c, ids, "risk band")
    _ascending(c, out, ("risk_bands",))
    return tuple(out)


def _ascending(c: Checker, bands: list[Any], path: Path_) -> None:
    if not bands:
        return
    if bands[0].min != 0:
        c.error((*path, 0, "min"), "the first band must start at 0 so that every score has a band")
    for i in range(1, len(bands)):
        if bands[i].min <= bands[i - 1].min:
            c.error((*path, i, "min"), "bands must be listed in ascending order of 'min'")


def _gates(c: Checker, value: Any, factors: tuple[Factor, ...], band_ids: list[str]):
    out, ids = [], {}
    factor_ids = [f.id for f in factors]
    for i, item in enumerate(_items(c, value, ("gates",), "gates", minimum=0)):
        p: Path_ = ("gates", i)
        m = c.mapping(item, p, required=("id", "applies_to", "below", "cap", "reason"))
        if m is None:
            continue
        ident = c.slug(m.get("id"), (*p, "id"))
        ids[(*p, "id")] = ident
        applies = c.text(m.get("applies_to"), (*p, "applies_to"))
        if applies is not None and applies != "core" and applies not in factor_ids:
            from sanctions_check.checks import suggest

            c.error(
                (*p, "applies_to"),
                f"unknown factor {applies!r}"
                f"{suggest(applies, factor_ids)}; use 'core' or a factor id",
            )
            applies = None
        below = c.number(m.get("below"), (*p, "below"), minimum=0, maximum=100)
        cap = c.text(m.get("cap"), (*p, "cap"))
        if cap is not None and band_ids and cap not in band_ids:
            from sanctions_check.checks import suggest

            c.error((*p, "cap"), f"unknown band {cap!r}{suggest(cap, band_ids)}")
            cap = None
        reason = c.text(m.get("reason"), (*p, "reason"))
        if ident and applies and below is not None and cap and reason:
            out.append(Gate(ident, applies, float(below), cap, reason))
    unique_ids(c, ids, "gate")
    return tuple(out)


def _caveats(c: Checker, value: Any, refs) -> tuple[Caveat, ...]:
    out, ids = [], {}
    for i, item in enumerate(_items(c, value, ("caveats",), "caveats")):
        p: Path_ = ("caveats", i)
        m = c.mapping(item, p, required=("id", "text", "sources"))
        if m is None:
            continue
        ident = c.slug(m.get("id"), (*p, "id"))
        ids[(*p, "id")] = ident
        text = c.text(m.get("text"), (*p, "text"))
        sources = refs(m.get("sources"), (*p, "sources"))
        if ident and text:
            out.append(Caveat(ident, text, sources))
    unique_ids(c, ids, "caveat")
    return tuple(out)


def _neutral(
    c: Checker, value: Any, path: Path_, refs
) -> tuple[float, str, tuple[str, ...]] | None:
    m = c.mapping(value, path, required=("value", "reason"), optional=("sources",))
    if m is None:
        return None
    level = c.number(m.get("value"), (*path, "value"), minimum=0, maximum=4)
    reason = c.text(m.get("reason"), (*path, "reason"))
    sources = refs(m.get("sources"), (*path, "sources"))
    if level is None or reason is None:
        return None
    return float(level), reason, sources


def _design_choices(c: Checker, value: Any) -> tuple[DesignChoice, ...]:
    if value is None:
        return ()
    out, ids = [], {}
    for i, item in enumerate(_items(c, value, ("design_choices",), "design choices", minimum=0)):
        p: Path_ = ("design_choices", i)
        m = c.mapping(item, p, required=("id", "text"))
        if m is None:
            continue
        ident = c.slug(m.get("id"), (*p, "id"))
        ids[(*p, "id")] = ident
        text = c.text(m.get("text"), (*p, "text"))
        if ident and text:
            out.append(DesignChoice(ident, text))
    unique_ids(c, ids, "design choice")
    return tuple(out)


def _inclusion(c: Checker, value: Any) -> Inclusion | None:
    p: Path_ = ("inclusion",)
    m = c.mapping(value, p, required=("rule",), optional=("omitted",))
    if m is None:
        return None
    rule = c.text(m.get("rule"), (*p, "rule"))
    omitted = []
    raw = m.get("omitted")
    items = [] if raw is None else _items(c, raw, (*p, "omitted"), "omitted factors", minimum=0)
    for i, item in enumerate(items):
        ip: Path_ = (*p, "omitted", i)
        o = c.mapping(item, ip, required=("name", "cited_by", "reason"))
        if o is None:
            continue
        name = c.text(o.get("name"), (*ip, "name"))
        cited = c.number(o.get("cited_by"), (*ip, "cited_by"), minimum=0, integer=True)
        reason = c.text(o.get("reason"), (*ip, "reason"))
        if name and cited is not None and reason:
            omitted.append(OmittedFactor(name, int(cited), reason))
    if rule is None:
        return None
    return Inclusion(rule, tuple(omitted))
