"""``python -m bench.errors`` (= ``make errors``): every missed and spurious entity, creator and
relation of the seeds and the dev set, with its sentence, grouped by type — so that a *class* of
errors can be seen at once, and fixed as a class.

    python -m bench.errors                 # seeds and dev
    python -m bench.errors dev --type Person --only missed
    python -m bench.errors seeds --relations

Per file: the mentions the pipeline finds in that file are compared with that file's gold (names
and aliases, folded as the project's scorer folds them). This is a listing for iteration, not the
score: ``make score`` is the score. Needs ``../shared`` (gold and scorer) beside the checkout.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from kg.pipeline import process_page

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS = {
    "seeds": (ROOT / "seeds", SHARED / "gold" / "seeds"),
    "dev": (SHARED / "dev" / "articles", SHARED / "dev" / "gold"),
}
SENTENCE_END = re.compile(r"[。！？!?\n]")


def _scorer():
    """The project's scorer, for its exact name folding and its class table."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sentence_around(text: str, start: int, end: int, limit: int = 90) -> str:
    """The sentence holding ``text[start:end]``, the span marked with 【】, cut to ``limit``."""
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    right = SENTENCE_END.search(text, end)
    right = right.end() if right else len(text)
    left, right = max(left, start - limit // 2), min(right, end + limit // 2)
    return (text[left:start] + "【" + text[start:end] + "】" + text[end:right]).replace("\n", " ")


def first_sentence_with(text: str, names: set[str], fold) -> str:
    for name in sorted(names, key=len, reverse=True):
        at = text.find(name)
        if at >= 0:
            return sentence_around(text, at, at + len(name))
    folded = fold(text)
    for name in names:
        if fold(name) and fold(name) in folded:
            return "(in the text after folding)"
    return "(not in the text as written)"


def compare(corpus: str, score, kinds: set[str] | None, only: str | None, relations: bool) -> dict:
    pages, gold_dir = SETS[corpus]
    counts = defaultdict(lambda: defaultdict(int))
    listing: dict[str, list[str]] = defaultdict(list)
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page = pages / gold["source"]
        result = process_page(page)
        text = page.read_text(encoding="utf-8-sig")
        found: dict[tuple[str, str], tuple[int, int, str]] = {}  # (type, folded name) → where
        surfaces: dict[tuple[str, str], set[str]] = defaultdict(set)
        for article, mentions in zip(result.articles, result.mentions):
            for m in mentions:
                top = score.TOP_OF.get(m.subtype, score.TOP_OF.get(m.kind, m.kind))
                key = (top, score.norm(m.name))
                if key not in found:
                    s, e = article.to_source(m.start, m.end)
                    found[key] = (s, e, m.rule)
                surfaces[key].add(score.norm(m.text))
            for c in article.creators:  # byline persons are Person entities of the graph too
                found.setdefault(("Person", score.norm(c)), (article.start, article.start, "byline"))
        gold_names = {}
        for ent in gold["entities"]:
            names = {score.norm(ent["name"]), *(score.norm(a) for a in ent.get("aliases", []))}
            gold_names[ent["id"]] = (ent["type"], ent["name"], names)
        matched_found, found_ids = set(), set()
        for gid, (top, name, names) in gold_names.items():
            if kinds and top not in kinds:
                continue
            hit = next((k for k in found if k[0] == top and (k[1] in names)), None)
            if hit is None:
                hit = next((k for k in found if k[0] == top and surfaces[k] & names
                            and k not in matched_found), None)
            if hit:
                matched_found.add(hit)
                found_ids.add(gid)
                counts[top]["tp"] += 1
            else:
                counts[top]["missed"] += 1
                if only in (None, "missed"):
                    listing[f"missed {top}"].append(
                        f"{gold['source']}: {name} — {first_sentence_with(text, {name}, score.norm)}")
        for key, (s, e, rule) in sorted(found.items(), key=lambda kv: kv[1][0]):
            top = key[0]
            if (kinds and top not in kinds) or key in matched_found:
                continue
            if any(key[0] == t and key[1] in names for t, _, names in gold_names.values()):
                continue
            counts[top]["spurious"] += 1
            if only in (None, "spurious"):
                listing[f"spurious {top}"].append(
                    f"{gold['source']}: {key[1]} [{rule}] — {sentence_around(text, s, e)}")
        if not kinds or "creators" in kinds:
            want = {score.norm(c) for c in gold.get("creators", [])}
            got = {score.norm(c) for a in result.articles for c in a.creators}
            for c in sorted(want - got):
                counts["creators"]["missed"] += 1
                if only in (None, "missed"):
                    listing["missed creators"].append(
                        f"{gold['source']}: {c} — {first_sentence_with(text, {c}, score.norm)}")
            for c in sorted(got - want):
                counts["creators"]["spurious"] += 1
                if only in (None, "spurious"):
                    listing["spurious creators"].append(
                        f"{gold['source']}: {c} — {first_sentence_with(text, {c}, score.norm)}")
            counts["creators"]["tp"] += len(want & got)
        if relations:
            _relations(gold, gold_names, found_ids, result, score, text, listing, counts, only)
    return {"counts": counts, "listing": listing}


def _relations(gold, gold_names, found_ids, result, score, text, listing, counts, only) -> None:
    by_name = defaultdict(set)
    for gid, (top, _name, names) in gold_names.items():
        for n in names:
            by_name[(top, n)].add(gid)
    want = set()
    for r in gold.get("relations", []):
        s, o = r["s"], r["o"]
        if r["p"] == "partnerOf":
            s, o = sorted([s, o])
        want.add((s, r["p"], o))
    got: dict[tuple, str] = {}
    unmapped = []
    for article, rels in zip(result.articles, result.relations):
        for rel in rels:
            def ids(m):
                top = score.TOP_OF.get(m.subtype, m.kind)
                return by_name.get((top, score.norm(m.name))) or by_name.get((top, score.norm(m.text)))
            s_ids, o_ids = ids(rel.subject), ids(rel.object)
            a, b = article.to_source(rel.sentence_start, rel.sentence_end)
            where = f"{rel.subject.name} —{rel.predicate}→ {rel.object.name} [{rel.rule} {rel.confidence}]"
            evidence = text[a:b].replace("\n", " ")[:120]
            if not s_ids or not o_ids:
                unmapped.append(f"{gold['source']}: {where} — {evidence}")
                continue
            s, o = min(s_ids), min(o_ids)
            if rel.predicate == "partnerOf":
                s, o = sorted([s, o])
            got.setdefault((s, rel.predicate, o), f"{where} — {evidence}")
    label = {gid: name for gid, (_t, name, _n) in gold_names.items()}
    for key in sorted(want - set(got)):
        counts["rel " + key[1]]["missed"] += 1
        if only in (None, "missed"):
            # a miss between two found ends is the relation rules' own (not entity recall's)
            ends = " [ends found]" if {key[0], key[2]} <= found_ids else ""
            listing[f"missed rel {key[1]}"].append(
                f"{gold['source']}: {label[key[0]]} —{key[1]}→ {label[key[2]]}{ends}")
    for key in sorted(set(got) - want):
        counts["rel " + key[1]]["spurious"] += 1
        if only in (None, "spurious"):
            listing[f"spurious rel {key[1]}"].append(f"{gold['source']}: {got[key]}")
    for key in set(got) & want:
        counts["rel " + key[1]]["tp"] += 1
    counts["rel (an end not in gold)"]["spurious"] += len(unmapped)
    if only in (None, "spurious"):
        listing["spurious rel (an end not in gold)"].extend(unmapped)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=list(SETS))
    ap.add_argument("--type", action="append", help="Organization, Person, Place, Initiative, "
                    "PolicyDocument or creators (repeatable)")
    ap.add_argument("--only", choices=["missed", "spurious"])
    ap.add_argument("--relations", action="store_true", help="list relations too")
    args = ap.parse_args(argv)
    if not (SHARED / "eval" / "score.py").exists():
        print(f"error: {SHARED} (gold and scorer) is not beside the checkout", file=sys.stderr)
        return 2
    score = _scorer()
    for corpus in args.sets:
        report = compare(corpus, score, set(args.type) if args.type else None, args.only,
                         args.relations)
        print(f"# {corpus}")
        for kind, c in sorted(report["counts"].items()):
            print(f"  {kind:28} tp {c['tp']:4}  missed {c['missed']:4}  spurious {c['spurious']:4}")
        for group in sorted(report["listing"]):
            rows = report["listing"][group]
            print(f"\n## {corpus}: {group} ({len(rows)})")
            for row in rows:
                print("  " + row)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
