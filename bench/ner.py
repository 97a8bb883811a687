"""People's Daily NER benchmark: our recognisers beside a jieba-posseg tag baseline, in one run.

    python -m bench.ner [--bio PATH] [--limit N]

Entity-level exact span match (start, end, type) on /work/shared/benchmarks/peoples_daily/test.bio,
micro precision / recall / F1 for PER, LOC and ORG. Our kinds map Person → PER, Place → LOC,
Organization → ORG; the baseline maps jieba.posseg tags nr* → PER, ns → LOC, nt → ORG (through a
private tokenizer, so the global jieba state is untouched). Each sentence is one text. 1998
newswire is not our genre (no 书记项目, few 社区), so this measures the generic part of the rules.
"""
from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from kg.recognise import recognise_text

BIO = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "peoples_daily" / "test.bio"
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


def spans_of(tags: list[str]) -> set[Span]:
    spans, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
            spans.add((start, i, kind))
            start = None
        if tag.startswith("B-"):
            start, kind = i, tag[2:]
    return spans


def ours(text: str) -> set[Span]:
    return {(m.start, m.end, OURS[m.kind]) for m in recognise_text(text) if m.kind in OURS}


def baseline_tagger():
    import jieba
    import jieba.posseg
    tagger = jieba.posseg.POSTokenizer(jieba.Tokenizer())

    def tag(text: str) -> set[Span]:
        spans, pos = set(), 0
        for pair in tagger.lcut(text):
            word, flag = pair.word, pair.flag
            kind = "PER" if flag.startswith("nr") else {"ns": "LOC", "nt": "ORG"}.get(flag)
            if kind:
                spans.add((pos, pos + len(word), kind))
            pos += len(word)
        return spans
    return tag


def score(sentences, system) -> tuple[dict[str, tuple[float, float, float]], float]:
    tp, found, gold = Counter(), Counter(), Counter()
    start = time.perf_counter()
    for text, truth in sentences:
        guess = system(text)
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
    parser.add_argument("--bio", type=Path, default=BIO)
    parser.add_argument("--limit", type=int, default=0, help="first N sentences only (0: all)")
    args = parser.parse_args(argv)
    sentences = read_bio(args.bio)
    if args.limit:
        sentences = sentences[:args.limit]
    chars = sum(len(t) for t, _ in sentences)
    print(f"People's Daily test: {len(sentences)} sentences, {chars} characters "
          f"(entity-level exact span, P / R / F1 in %)")
    print(f"{'system':<16}" + "".join(f"{t:>20}" for t in (*TYPES, "all")) + f"{'seconds':>10}")
    for name, system in (("kg recognisers", ours), ("jieba posseg", baseline_tagger())):
        table, seconds = score(sentences, system)
        cells = "".join(f"{100 * p:6.1f}/{100 * r:5.1f}/{100 * f:5.1f}" for p, r, f in table.values())
        print(f"{name:<16}{cells}{seconds:10.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
