"""``python -m bench.score`` (= ``make score``): the project's scorer on the seeds and on the dev set,
side by side — entities by type, duplicates, creators, relations by predicate, relations between
found ends, role accuracy and provenance.

Both corpora are built fresh (without views) from the current code into a temporary folder, then
scored by ``../shared/eval/score.py``, the scorer every number in the README comes from. The seeds
are where the rules were written; dev is sixty articles they were not: a change that lifts the
first and lowers the second is overfitting.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from kg.pipeline import BuildOptions, build

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = {
    "seeds": (ROOT / "seeds", SHARED / "gold" / "seeds"),
    "dev": (SHARED / "dev" / "articles", SHARED / "dev" / "gold"),
}
ENTITY_ROWS = ("Organization", "Person", "Place", "Initiative", "PolicyDocument", "all")
RELATION_ROWS = ("memberOf", "subOrganizationOf", "locatedIn", "runs", "partnerOf", "issuedBy", "all")


def score(corpus: str, scratch: Path) -> dict:
    pages, gold = CORPORA[corpus]
    out = scratch / corpus
    build([pages], BuildOptions(out=out, views=False, validate=False, cache=False))
    report = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold), "--graph",
         str(out / "graph.ttl"), "--sources", str(pages), "--json"],
        check=True, capture_output=True, text=True).stdout
    return json.loads(report)


def _cells(row: dict | None) -> str:
    if not row:
        return f"{'':>6} {'':>6} {'':>6} {'':>6}"
    return f"{row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f} {row['found']:6}"


def table(reports: dict[str, dict]) -> list[str]:
    names = list(reports)
    head = f"{'':26}" + "".join(f"{name:^28}" for name in names)
    sub = f"{'':26}" + "".join(f"{'P':>6} {'R':>6} {'F1':>6} {'found':>6}  " for _ in names)
    lines = [head, sub]

    def row(label: str, pick) -> None:
        lines.append(f"{label:26}" + "".join(_cells(pick(reports[n])) + "  " for n in names))

    for kind in ENTITY_ROWS:
        row(f"ent {kind}", lambda r, k=kind: r["entities"].get(k))
    for predicate in RELATION_ROWS:
        row(f"rel {predicate}", lambda r, p=predicate: r["relations"].get(p))
    row("rel between found ends", lambda r: r.get("relations_between_found"))
    row("creators", lambda r: r.get("creators"))
    lines.append(f"{'duplicates (of found)':26}" + "".join(
        f"{_duplicates(reports[n]):>27}  " for n in names))
    lines.append(f"{'evidence = source slice':26}" + "".join(
        f"{_provenance(reports[n]):>27}  " for n in names))
    return lines


def _duplicates(report: dict) -> str:
    every = report["entities"]["all"]
    return f"{every['duplicates']} of {every['found']} ({every['duplicates'] / max(every['found'], 1):.1%})"


def _provenance(report: dict) -> str:
    p = report["provenance"]
    return f"{p['evidence_matches_source']} of {p['statements']}"


def main() -> int:
    if not (SHARED / "eval" / "score.py").exists():
        print(f"error: the scorer and gold are not at {SHARED}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kg-score-") as scratch:
        reports = {name: score(name, Path(scratch)) for name in CORPORA}
    print("\n".join(table(reports)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
