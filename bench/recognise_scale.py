"""How `recognise_text` scales with the length of ONE article, beside jieba.lcut on the same text.

    python -m bench.recognise_scale [N ...] [--profile] [--seeds DIR]

The seed pages, normalised and joined, repeated N times (default 1, 4 and 16) as one article: the
worst case, since context completion works per article. Times are after warm-up (rjieba and the
frequency list loaded); linear scaling shows as a flat time per copy. ``--profile`` prints the
cProfile of the largest N instead, by own time.
"""
from __future__ import annotations

import argparse
import cProfile
import logging
import pstats
import time
from pathlib import Path

from kg.normalise import normalise
from kg.recognise import recognise_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed_text(folder: Path) -> str:
    pages = sorted(folder.glob("*.txt"))
    if not pages:
        raise SystemExit(f"no seed pages in {folder}")
    return "\n".join(normalise(p.read_text(encoding="utf-8"))[0] for p in pages)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.recognise_scale", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("copies", type=int, nargs="*", default=[1, 4, 16])
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    args = parser.parse_args(argv)
    text = seed_text(args.seeds)
    recognise_text(text[:2000])  # warm-up: tokenizer, dictionary, lexicons, patterns
    if args.profile:
        article = "\n".join([text] * max(args.copies))
        profiler = cProfile.Profile()
        profiler.runcall(recognise_text, article)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
        return
    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    print("| N | characters | recognise s | per copy s | jieba.lcut s | ratio |")
    print("|---|---|---|---|---|---|")
    for n in args.copies:
        article = "\n".join([text] * n)
        started = time.perf_counter()
        jieba.lcut(article)
        cut = time.perf_counter() - started
        started = time.perf_counter()
        recognise_text(article)
        took = time.perf_counter() - started
        print(f"| {n} | {len(article):,} | {took:.2f} | {took / n:.3f} | {cut:.2f} | {took / cut:.2f} |")


if __name__ == "__main__":
    main()
