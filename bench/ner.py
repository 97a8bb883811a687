"""NER benchmark: the shipped CRF tagger alone and the whole recogniser, on public test sets.

    python -m bench.ner [--sets pd,msra] [--limit N] [--model PATH] [--baseline]

Entity-level exact span match (start, end, type), micro precision / recall / F1 for PER, LOC and
ORG and all three, on
- People's Daily 1998 test (``../shared/ner-data/pd_test.jsonl``, the same text as
  ``../shared/benchmarks/peoples_daily/test.bio``, read when the JSONL is absent);
- MSRA SIGHAN 2006 test (``../shared/ner-data/msra_test_sighan.jsonl``).
Neither was trained on (the training file excludes every PD test sentence; docs/ner.md).

Systems:
- ``tagger``: the CRF alone (kg/recognise/tagger.py), every PER/LOC/ORG span it emits;
- ``kg recogniser``: ``recognise_text`` as the build runs it (rules + gated tagger persons);
  Person → PER, Place → LOC, Organization → ORG;
- ``kg + tagger LOC/ORG``: the recogniser's persons plus the tagger's places and organisations
  (the "NER mode" a newswire user would want; the build does not use it, see docs/ner.md);
- ``jieba posseg`` (with --baseline): nr* → PER, ns → LOC, nt → ORG.
Each sentence is one text; a system reads all sentences of a set in one call, as the build reads
the articles of a page (the tagger decodes many sentences at once, docs/ner.md). 1998 newswire is not the project's genre (no 书记项目, few 社区): this
measures the generic part of the recogniser, and the tagger on its own home ground.
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from kg import segment
from kg.recognise import recognise_all, tagger

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "ner-data"
BIO = SHARED / "benchmarks" / "peoples_daily" / "test.bio"
SETS = {"pd": ("People's Daily test", DATA / "pd_test.jsonl"),
        "msra": ("MSRA SIGHAN test", DATA / "msra_test_sighan.jsonl")}
TYPES = ("PER", "LOC", "ORG")
OURS = {"Person": "PER", "Place": "LOC", "Organization": "ORG"}
Span = tuple[int, int, str]


def read_bio(path: Path) -> list[tuple[str, set[Span]]]:
    """Sentences as (text, gold spans)."""
    sentences, chars, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            char, tag = line.split()
            chars.append(char)
            tags.append(tag)
        elif chars:
            sentences.append(("".join(chars), spans_of(tags)))
            chars, tags = [], []
    return sentences


def read_jsonl(path: Path) -> list[tuple[str, set[Span]]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            out.append((record["text"], {tuple(s) for s in record["spans"]}))
    return out


def load(key: str) -> list[tuple[str, set[Span]]] | None:
    path = SETS[key][1]
    if path.is_file():
        return read_jsonl(path)
    if key == "pd" and BIO.is_file():
        return read_bio(BIO)
    return None


def spans_of(tags: list[str]) -> set[Span]:
    spans, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
            spans.add((start, i, kind))
            start = None
        if tag.startswith("B-"):
            start, kind = i, tag[2:]
    return spans


def ours(texts: list[str]) -> list[set[Span]]:
    return [{(m.start, m.end, OURS[m.kind]) for m in found if m.kind in OURS}
            for found in recognise_all(texts)]


def crf(model: Path | None):
    def tag(texts: list[str]) -> list[set[Span]]:
        tagged = tagger.tag_many([(text, segment.tag(text)) for text in texts], model, kinds=())
        return [{span[:3] for span in spans} for spans in tagged]
    return tag


def ours_with_tagger(model: Path | None):
    """Our persons, the tagger's places and organisations."""
    def tag(texts: list[str]) -> list[set[Span]]:
        return [{s for s in mine if s[2] == "PER"} | {s for s in theirs if s[2] != "PER"}
                for mine, theirs in zip(ours(texts), crf(model)(texts))]
    return tag


def baseline_tagger():
    import jieba
    import jieba.posseg
    posseg = jieba.posseg.POSTokenizer(jieba.Tokenizer())

    def tag_one(text: str) -> set[Span]:
        spans, pos = set(), 0
        for pair in posseg.lcut(text):
            word, flag = pair.word, pair.flag
            kind = "PER" if flag.startswith("nr") else {"ns": "LOC", "nt": "ORG"}.get(flag)
            if kind:
                spans.add((pos, pos + len(word), kind))
            pos += len(word)
        return spans
    return lambda texts: [tag_one(text) for text in texts]


def score(sentences, system) -> tuple[dict[str, tuple[float, float, float]], float]:
    tp, found, gold = Counter(), Counter(), Counter()
    start = time.perf_counter()
    guesses = system([text for text, _ in sentences])
    for (_, truth), guess in zip(sentences, guesses):
        for s in guess:
            found[s[2]] += 1
        for s in truth:
            gold[s[2]] += 1
        for s in guess & truth:
            tp[s[2]] += 1
    seconds = time.perf_counter() - start
    table = {t: prf(tp[t], found[t], gold[t]) for t in TYPES}
    table["all"] = prf(sum(tp.values()), sum(found[t] for t in TYPES), sum(gold.values()))
    return table, seconds


def prf(tp: int, found: int, gold: int) -> tuple[float, float, float]:
    p = tp / found if found else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="pd,msra", help="comma-separated: pd, msra")
    parser.add_argument("--limit", type=int, default=0, help="first N sentences only (0: all)")
    parser.add_argument("--model", type=Path, default=None, help="a tagger model (default: shipped)")
    parser.add_argument("--baseline", action="store_true", help="also jieba posseg tags")
    args = parser.parse_args(argv)
    systems = [("tagger", crf(args.model)), ("kg recogniser", ours),
               ("kg + tagger LOC/ORG", ours_with_tagger(args.model))]
    if args.baseline:
        systems.append(("jieba posseg", baseline_tagger()))
    for key in args.sets.split(","):
        name = SETS[key][0]
        sentences = load(key)
        if sentences is None:
            print(f"{name}: not found ({SETS[key][1]}); skipped")
            continue
        if args.limit:
            sentences = sentences[:args.limit]
        chars = sum(len(t) for t, _ in sentences)
        print(f"{name}: {len(sentences)} sentences, {chars} characters "
              f"(entity-level exact span, P / R / F1 in %)")
        print(f"{'system':<20}" + "".join(f"{t:>18}" for t in (*TYPES, "all")) + f"{'chars/s':>10}")
        for label, system in systems:
            table, seconds = score(sentences, system)
            cells = "".join(f"{100 * p:6.1f}/{100 * r:5.1f}/{100 * f:5.1f}" for p, r, f in table.values())
            print(f"{label:<20}{cells}{chars / seconds:10.0f}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
