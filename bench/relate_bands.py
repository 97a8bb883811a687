"""Precision of relation statements per rule and per confidence band, against a gold set.

    .venv/bin/python bench/relate_bands.py /tmp/h3-out                 # a build of seeds/
    .venv/bin/python bench/relate_bands.py /tmp/dev-out --gold dev     # a build of the dev set

Uses the scorer's own entity matching (../shared/eval/score.py): a statement counts as correct when
its triple, with both ends mapped to gold entities, is a gold relation. "between found ends" counts
only statements whose two ends match gold entities (the rule's own precision, apart from entity
errors). See docs/confidence.md.
"""
from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

from rdflib import RDF

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
BANDS = ((0.9, ">= 0.9"), (0.8, "0.8-0.89"), (0.6, "0.6-0.79"), (0.0, "< 0.6"))
GOLD = {"seeds": SHARED / "gold" / "seeds", "dev": SHARED / "dev" / "gold"}


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tally(graph_path: Path, gold_dir: Path = GOLD["seeds"]) -> dict[str, dict[str, list[int]]]:
    """``{"rule"|"confidence": {key: [correct, total, correct_found, total_found]}}`` over the
    statement nodes (``*_found``: statements whose two ends match gold entities)."""
    score = _scorer()
    gold, gold_rel, _, _ = score.load_gold(gold_dir)
    g = score.load_graph(graph_path)
    _, to_gold, duplicates = score.match(gold, score.graph_entities(g))
    to_gold.update(duplicates)
    tables: dict[str, dict[str, list[int]]] = {"rule": defaultdict(lambda: [0, 0, 0, 0]),
                                               "confidence": defaultdict(lambda: [0, 0, 0, 0])}
    for st in g.subjects(RDF.type, RDF.Statement):
        s, p, o = (g.value(st, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        name = score.RELATIONS[p]
        a, b = to_gold.get(s, ("?", str(s))), to_gold.get(o, ("?", str(o)))
        if name in score.SYMMETRIC:
            a, b = sorted([a, b])
        correct = int((a, name, b) in gold_rel)
        found = int(a in gold and b in gold)
        rule = str(g.value(st, score.PROV.wasGeneratedBy)).rsplit("rule-", 1)[-1]
        confidence = float(g.value(st, score.DJ.confidence))
        band = next(label for floor, label in BANDS if confidence >= floor)
        for table, key in ((tables["rule"], rule), (tables["confidence"], band)):
            row = table[key]
            row[0] += correct
            row[1] += 1
            row[2] += correct * found
            row[3] += found
    return tables


def main(argv: list[str]) -> int:
    args = list(argv)
    gold = "seeds"
    if "--gold" in args:
        at = args.index("--gold")
        gold = args[at + 1]
        del args[at:at + 2]
    tables = tally(Path(args[0] if args else "output"), GOLD.get(gold, Path(gold)))
    for title, table in tables.items():
        print(f"{title:28} correct/total precision   between found ends")
        for key, (ok, n, ok_found, n_found) in sorted(table.items()):
            found = f"{ok_found:4}/{n_found:<5} {ok_found / n_found:.2f}" if n_found else ""
            print(f"  {key:26} {ok:4}/{n:<5} {ok / n:.2f}        {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
