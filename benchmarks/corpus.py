"""Generate a corpus of synthetic, valid case files for the benchmark (standard library only).

The factor, question, purpose and risk ids come from the framework itself, read through the tool's
own `factors --format json`, so the corpus always matches the framework being measured. Every case
is marked `hypothetical: true` and says in its title that it is synthetic: the text is random words,
never a claim about a real crisis. Files are about 4 KB (3.5-4.6 KB), like a real case with notes,
and the same seed always gives the same bytes.

    python benchmarks/corpus.py OUT_DIR COUNT [--cli "sanctions-check"] [--framework FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import subprocess
import sys
from pathlib import Path

GENERATOR_VERSION = 1
WORDS = (
    "assets",
    "designation",
    "listing",
    "bank",
    "transfer",
    "network",
    "commander",
    "unit",
    "envoy",
    "embargo",
    "travel",
    "ban",
    "exemption",
    "licence",
    "humanitarian",
    "access",
    "monitoring",
    "panel",
    "report",
    "registry",
    "shipment",
    "broker",
    "account",
    "freeze",
    "enforcement",
    "guidance",
    "outreach",
    "ally",
    "partner",
    "coalition",
    "dialogue",
    "deadline",
    "benchmark",
    "review",
    "renewal",
    "evidence",
    "source",
    "interview",
    "analysis",
    "estimate",
    "exposure",
    "leverage",
    "pressure",
    "signal",
    "commitment",
    "coordination",
    "communication",
    "resources",
    "capacity",
    "risk",
    "mitigation",
)
CONFIDENCE = ("low", "medium", "high")


def framework_ids(cli: list[str], framework: str | None) -> dict:
    """Ids of the framework in use, from the tool's JSON view of it (the tool's own contract)."""
    cmd = [*cli, "factors", "--format", "json"]
    if framework:
        cmd += ["--framework", framework]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    return {
        "ref": f"{data['id']}@{data['version'].split('.', 1)[0]}",
        "sha256": data.get("sha256", ""),
        "purposes": [p["id"] for p in data.get("purposes", [])],
        "questions": [(f["id"], q["id"]) for f in data["factors"] for q in f["questions"]],
        "risks": [r["id"] for r in data.get("risks", [])],
    }


def _sentence(r: random.Random, low: int = 6, high: int = 14) -> str:
    words = [r.choice(WORDS) for _ in range(r.randint(low, high))]
    return " ".join(words).capitalize() + "."


def _block(key: str, text_lines: list[str], indent: str) -> str:
    body = "".join(f"{indent}  {line}\n" for line in text_lines)
    return f"{indent}{key}: |\n{body}"


def make_case(i: int, r: random.Random, ids: dict, target: int) -> str:
    """One case file as text, about ``target`` bytes (more if the framework has many questions)."""
    head = [
        "format: sanctions-check/case@1",
        "case:",
        f"  id: bench-{i:06d}",
        f"  title: Synthetic benchmark case {i:06d} (random text, not a real case)",
        f'  assessed_on: "20{r.randint(15, 25)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"',
        "  analyst: benchmarks/corpus.py",
        "  hypothetical: true",
    ]
    if ids["purposes"]:
        chosen = r.sample(ids["purposes"], r.randint(1, len(ids["purposes"])))
        head.append(f"  purpose: [{', '.join(chosen)}]")
    text = "\n".join(head) + "\n"
    text += _block("situation", [_sentence(r) for _ in range(2)], "  ")
    text += f"framework: {ids['ref']}\nanswers:\n"

    answers: list[dict] = []
    for factor_id, question_id in ids["questions"]:
        roll = r.random()
        score = "unknown" if roll < 0.08 else (None if roll < 0.12 else r.randint(0, 4))
        answers.append(
            {
                "factor": factor_id,
                "question": question_id,
                "score": score,
                "note": None,
                "confidence": None,
                "sources": [],
            }
        )
    risks = [
        {"id": rid, "likelihood": r.randint(0, 4), "severity": r.randint(0, 4), "mitigation": None}
        for rid in ids["risks"]
        if r.random() < 0.6
    ]

    def render() -> str:
        out = [text]
        current = None
        for a in answers:
            if a["score"] is None and not a["note"]:
                continue
            if a["factor"] != current:
                current = a["factor"]
                out.append(f"  {current}:\n")
            score = "unknown" if a["score"] is None else a["score"]
            if not (a["note"] or a["confidence"] or a["sources"]):
                out.append(f"    {a['question']}: {score}\n")
                continue
            out.append(f"    {a['question']}:\n      score: {score}\n")
            if a["confidence"]:
                out.append(f"      confidence: {a['confidence']}\n")
            if a["note"]:
                out.append(_block("note", a["note"], "      "))
            if a["sources"]:
                out.append("      sources:\n")
                out.extend(f"        - {s}\n" for s in a["sources"])
        if risks:
            out.append("risks:\n")
            for k in risks:
                out.append(
                    f"  {k['id']}:\n    likelihood: {k['likelihood']}\n"
                    f"    severity: {k['severity']}\n"
                )
                if k["mitigation"]:
                    out.append(_block("mitigation", k["mitigation"], "    "))
        return "".join(out)

    # Add notes, confidence and sources (as analysts do) until the file reaches its target size.
    slots = [*answers, *risks]
    r.shuffle(slots)
    doc = render()
    for slot in slots:
        if len(doc) >= target:
            break
        if "question" in slot:
            slot["confidence"] = r.choice(CONFIDENCE)
            slot["note"] = [_sentence(r) for _ in range(r.randint(1, 2))]
            if r.random() < 0.5:
                slot["sources"] = [
                    f"https://example.org/doc-{r.randint(1, 9999)}" for _ in range(r.randint(1, 2))
                ]
        else:
            slot["mitigation"] = [_sentence(r)]
        doc = render()
    while len(doc) < target:  # a small framework: pad the situation with more invented text
        text = text.replace("framework:", f"  {_sentence(r)}\nframework:", 1)
        doc = render()
    return doc


def generate(out: Path, count: int, ids: dict, seed: int = 6) -> Path:
    """Write ``count`` files into ``out`` unless an identical corpus is already there."""
    manifest = {
        "generator": GENERATOR_VERSION,
        "count": count,
        "seed": seed,
        "framework": ids["ref"],
        "framework_sha256": ids["sha256"],
    }
    stamp = out / ".manifest.json"
    if stamp.is_file() and json.loads(stamp.read_text()) == manifest:
        return out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.yaml"):
        old.unlink()
    r = random.Random(seed)
    for i in range(count):
        (out / f"case-{i:06d}.yaml").write_text(
            make_case(i, r, ids, r.randint(3500, 4600)), encoding="utf-8"
        )
    stamp.write_text(json.dumps(manifest))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("count", type=int)
    ap.add_argument(
        "--cli",
        default=f"{shlex.quote(sys.executable)} -m sanctions_check",
        help="how to run the tool (default: this interpreter's -m sanctions_check)",
    )
    ap.add_argument("--framework", help="framework file (default: the bundled one)")
    ap.add_argument("--seed", type=int, default=6)
    args = ap.parse_args(argv)
    ids = framework_ids(shlex.split(args.cli), args.framework)
    generate(args.out, args.count, ids, args.seed)
    sizes = [os.path.getsize(p) for p in args.out.glob("*.yaml")]
    print(
        f"{len(sizes)} files in {args.out}, {min(sizes)}-{max(sizes)} bytes, "
        f"median {sorted(sizes)[len(sizes) // 2]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
