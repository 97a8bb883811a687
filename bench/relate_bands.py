"""Precision of relation statements per rule and per confidence band, against the seed gold.

    .venv/bin/python bench/relate_bands.py /tmp/h3-out

Uses the scorer's own entity matching (../shared/eval/score.py): a statement counts as correct when
its triple, with both ends mapped to gold entities, is a gold relation. See docs/confidence.md.
"""
from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

from rdflib import RDF

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
BANDS = ((0.9, ">= 0.9"), (0.8, "0.8-0.89"), (0.6, "0.6-0.79"), (0.0, "< 0.6"))


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tally(graph_path: Path) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """``{rule: [correct, total]}`` and ``{band: [correct, total]}`` over the statement nodes."""
    score = _scorer()
    gold, gold_rel, _, _ = score.load_gold(SHARED / "gold" / "seeds")
    g = score.load_graph(graph_path)
    _, to_gold, duplicates = score.match(gold, score.graph_entities(g))
    to_gold.update(duplicates)
    by_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_band: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for st in g.subjects(RDF.type, RDF.Statement):
        s, p, o = (g.value(st, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        name = score.RELATIONS[p]
        a, b = to_gold.get(s, ("?", str(s))), to_gold.get(o, ("?", str(o)))
        if name in score.SYMMETRIC:
            a, b = sorted([a, b])
        correct = int((a, name, b) in gold_rel)
        rule = str(g.value(st, score.PROV.wasGeneratedBy)).rsplit("rule-", 1)[-1]
        confidence = float(g.value(st, score.DJ.confidence))
        band = next(label for floor, label in BANDS if confidence >= floor)
        for table, key in ((by_rule, rule), (by_band, band)):
            table[key][0] += correct
            table[key][1] += 1
    return by_rule, by_band


def main(argv: list[str]) -> int:
    by_rule, by_band = tally(Path(argv[0] if argv else "output"))
    for title, table in (("rule", by_rule), ("confidence", by_band)):
        print(f"{title:28} correct/total precision")
        for key, (ok, n) in sorted(table.items()):
            print(f"  {key:26} {ok:4}/{n:<5} {ok / n:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
