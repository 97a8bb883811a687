"""One measurement, run in a fresh process by ``python -m bench`` so peak memory is its own.

    python -m bench.measure build --corpus DIR|FILE --out DIR [--jobs N|auto] [--engine local|dask]
                                  [--cache] [--no-validate] [--no-views]
    python -m bench.measure segment --corpus DIR --sample-mb 2
    python -m bench.measure turtle --out FILE --triples 1000000
    python -m bench.measure profile --corpus DIR --sample-mb 0.5

Each prints one JSON object on stdout, including ``peak_rss_mb`` (this process and its children).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import resource
import time
from decimal import Decimal
from pathlib import Path


def peak_rss_mb() -> float:
    """Peak resident set of this process and of its largest finished child (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


class TreeMemory:
    """Samples the proportional set size (PSS) of this process and its children in a thread: the
    memory the build really holds when forked workers share pages with their parent, which
    ``ru_maxrss`` (one process at a time) cannot show. Linux only; elsewhere it reports 0."""

    def __init__(self, every: float = 0.2):
        import threading
        self.every, self.peak_kib = every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float:
        return self.peak_kib / 1024

    def _run(self) -> None:
        import os
        while True:
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(pid) for pid in _tree(os.getpid())))
            if self._stop.wait(self.every):
                return


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return pids


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def measure_build(corpus: Path, out: Path, jobs: str, engine: str, cache: bool,
                  validate: bool = True, views: bool = True) -> dict:
    """A build with ``kg build``'s defaults (views and validation on, one process per CPU)
    unless told otherwise."""
    from kg.engines import usable_cpus
    from kg.pipeline import BuildOptions, build
    jobs = usable_cpus() if jobs == "auto" else int(jobs)
    with TreeMemory() as memory:
        summary = build([corpus], BuildOptions(out=out, jobs=jobs, engine=engine, cache=cache,
                                               validate=validate, views=views))
    return {"seconds": summary.seconds, "pages": summary.pages, "triples": summary.triples,
            "entities": summary.entities, "relations": summary.relations,
            "cached": summary.cached, "stages": summary.stage_seconds, "jobs": jobs,
            "problems": None if summary.problems is None else len(summary.problems),
            "peak_tree_mb": memory.peak_mb}


def sample_lines(corpus: Path, megabytes: float) -> tuple[list[str], int]:
    """Whole lines from the corpus pages, in order, up to ``megabytes`` of UTF-8."""
    lines, size = [], 0
    for path in sorted(corpus.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            lines.append(line)
            size += len(line.encode("utf-8")) + 1
        if size >= megabytes * 1_000_000:
            break
    return lines, size


def measure_segment(corpus: Path, megabytes: float) -> dict:
    """jieba.lcut (HMM on, line by line, dictionary load excluded) and rjieba.cut on one sample."""
    import logging

    import jieba
    import rjieba
    jieba.setLogLevel(logging.WARNING)
    lines, size = sample_lines(corpus, megabytes)
    jieba.initialize()
    started = time.perf_counter()
    for line in lines:
        jieba.lcut(line)
    jieba_seconds = time.perf_counter() - started
    tokenizer = rjieba.Jieba()
    started = time.perf_counter()
    for line in lines:
        tokenizer.cut(line, True)
    return {"bytes": size, "jieba_seconds": jieba_seconds,
            "rjieba_seconds": time.perf_counter() - started}


def synthetic_triples(count: int) -> list[tuple]:
    """``count`` distinct triples shaped like the graph: types, @zh labels, integers, decimals."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import PROV, RDF, RDFS, XSD

    from kg.rdf.namespaces import DEFAULT_BASE, DJ
    # namespace attribute lookups and constant literals once: they would cost more than the rest
    kinds = [DJ.Person, DJ.Organization, DJ.Place, DJ.Initiative]
    a, label, located, evidence = RDF.type, RDFS.label, DJ.locatedIn, DJ.evidence
    char_start, confidence, derived = DJ.charStart, DJ.confidence, PROV.wasDerivedFrom
    statement, subject, obj = RDF.Statement, RDF.subject, RDF.object
    sure = Literal(Decimal("0.85"), datatype=XSD.decimal)
    triples: list[tuple] = []
    entity = 0
    while len(triples) < count:
        s = URIRef(f"{DEFAULT_BASE}person-zhang-{entity:07d}")
        st = URIRef(f"{DEFAULT_BASE}stmt-{entity:07d}")
        triples += [
            (s, a, kinds[entity % 4]),
            (s, label, Literal(f"梅林街道第{entity}网格", lang="zh")),
            (s, located, URIRef(f"{DEFAULT_BASE}place-{entity // 50:05d}")),
            (st, a, statement),
            (st, evidence, Literal(f"青松社区党委书记张三丰介绍，第{entity}项工作已完成。", lang="zh")),
            (st, char_start, Literal(entity * 7)),
            (st, confidence, sure),
            (st, derived, URIRef(f"{DEFAULT_BASE}article-{entity // 20:06d}-1")),
            (st, subject, s),
            (st, obj, URIRef(f"{DEFAULT_BASE}org-{entity // 10:06d}")),
        ]
        entity += 1
    return triples[:count]


def measure_turtle(count: int, out: Path) -> dict:
    from kg.rdf.namespaces import DEFAULT_BASE, PREFIXES
    from kg.rdf.turtle import write_turtle
    triples = synthetic_triples(count)
    started = time.perf_counter()
    with open(out, "w", encoding="utf-8", newline="\n") as handle:
        written = write_turtle(triples, handle, PREFIXES(DEFAULT_BASE))
    return {"seconds": time.perf_counter() - started, "triples": written,
            "mb": out.stat().st_size / 1e6}


def measure_profile(corpus: Path, megabytes: float, top: int = 12) -> dict:
    """cProfile of the per-page step on a sample: the functions that take the most time."""
    from kg.model import Page
    from kg.pipeline import process_timed
    from kg.read import read_page
    pages, size = [], 0
    for path in sorted(corpus.glob("*.txt")):
        page = read_page(path)
        if page is not None:
            pages.append(page)
            size += path.stat().st_size
        if size >= megabytes * 1_000_000:
            break
    process_timed(Page("warm-up.txt", "梅林街道青松社区党委书记张三丰。", "utf-8"))
    profiler = cProfile.Profile()
    profiler.enable()
    for page in pages:
        process_timed(page)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    rows = []
    for (file, line, function), (_, calls, own, total, _) in stats.stats.items():
        rows.append({"where": f"{_short(file)}:{line}:{function}", "calls": calls,
                     "own": own, "total": total})
    rows.sort(key=lambda r: -r["own"])
    # the project's own functions by time with callees: which recogniser or extractor to look at
    ours = sorted((r for r in rows if r["where"].startswith("kg/")
                   and not r["where"].startswith(("kg/pipeline.py", "kg/recognise/__init__.py:",
                                                  "kg/relate/__init__.py:"))),
                  key=lambda r: -r["total"])
    seconds = sum(r["own"] for r in rows)
    return {"bytes": size, "seconds": seconds, "top": rows[:top], "ours": ours[:top]}


def _short(file: str) -> str:
    """A profiled file's path from the root of the code that ran (the repository, or the copy the
    bench runs), else from its library folder."""
    import kg
    root = f"{Path(kg.__file__).resolve().parent.parent}/"
    if file.startswith(root):
        return file[len(root):]
    for marker in ("/site-packages/", "/lib/python3"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.measure")
    parser.add_argument("what", choices=["build", "segment", "turtle", "profile"])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--jobs", default="auto")
    parser.add_argument("--no-validate", action="store_true")
    parser.add_argument("--no-views", action="store_true")
    parser.add_argument("--engine", default="local")
    parser.add_argument("--cache", action="store_true")
    parser.add_argument("--sample-mb", type=float, default=2.0)
    parser.add_argument("--triples", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    if args.what == "build":
        result = measure_build(args.corpus, args.out, args.jobs, args.engine, args.cache,
                               validate=not args.no_validate, views=not args.no_views)
    elif args.what == "segment":
        result = measure_segment(args.corpus, args.sample_mb)
    elif args.what == "turtle":
        result = measure_turtle(args.triples, args.out)
    else:
        result = measure_profile(args.corpus, args.sample_mb)
    result["peak_rss_mb"] = peak_rss_mb()
    from kg.cache import pipeline_version
    result["pipeline"] = pipeline_version()  # the bench warns if the code changed between runs
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
