"""The pipeline: a pure per-page step (map) and a cross-page step (reduce).

    read → normalise → split articles → recognise mentions → relate      (per page: process_page)
    resolve entities → build RDF → write Turtle (and the other outputs)  (across pages: build)

``process_page`` depends on nothing but the file, so pages can run in any order, in other processes
or on other machines, and their results can be cached by content.
"""
from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from kg.articles import split_articles
from kg.errors import InputError
from kg.io import atomic_open
from kg.model import PageResult
from kg.normalise import normalise
from kg.rdf.build import graph_triples
from kg.rdf.namespaces import DEFAULT_BASE, PREFIXES
from kg.rdf.turtle import write_turtle
from kg.read import find_pages, read_page
from kg.recognise import recognise
from kg.relate import relate
from kg.resolve import resolve


@dataclass(frozen=True)
class BuildOptions:
    out: Path = Path("output")
    jobs: int = 1
    base: str = DEFAULT_BASE
    min_confidence: float = 0.0


@dataclass
class BuildSummary:
    pages: int = 0
    articles: int = 0
    entities: int = 0
    relations: int = 0
    triples: int = 0
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)  # empty files, with a warning
    outputs: list[Path] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.pages} pages, {self.articles} articles, {self.entities} entities, "
                f"{self.relations} relations, {self.triples} triples in {self.seconds:.1f} s")


def process_text(source: str, text: str, encoding: str = "utf-8") -> PageResult:
    """The per-page work on already decoded text: normalise, split, recognise, relate."""
    normalised, offsets = normalise(text)
    articles = tuple(split_articles(source, normalised, offsets))
    mentions, relations = [], []
    for article in articles:
        found = recognise(article)
        mentions.append(tuple(found))
        relations.append(tuple(relate(article, found)))
    return PageResult(source=source, encoding=encoding, articles=articles,
                      mentions=tuple(mentions), relations=tuple(relations), source_text=text)


def process_page(path) -> PageResult | None:
    """Read one page file and process it; ``None`` for an empty file."""
    page = read_page(path)
    if page is None:
        return None
    return process_text(page.source, page.text, page.encoding)


def map_pages(paths: list[Path], jobs: int = 1,
              progress: Callable[[int], None] | None = None) -> list[PageResult | None]:
    """Run ``process_page`` over ``paths`` in ``jobs`` processes; results in input order."""
    if jobs <= 1 or len(paths) <= 1:
        results = []
        for path in paths:
            results.append(process_page(path))
            if progress:
                progress(1)
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = []
        for result in pool.map(process_page, paths, chunksize=max(1, len(paths) // (jobs * 8))):
            results.append(result)
            if progress:
                progress(1)
        return results


def build(inputs: Iterable, options: BuildOptions = BuildOptions(),
          progress: Callable[[int], None] | None = None,
          on_pages: Callable[[int], None] | None = None) -> BuildSummary:
    """Build the graph of ``inputs`` (files and folders of .txt pages) into ``options.out``.

    Every input is read and processed before anything is written: a bad page raises
    ``InputError`` and leaves ``options.out`` as it was.
    """
    started = time.perf_counter()
    paths = find_pages(inputs)
    _check_unique_names(paths)
    if on_pages:
        on_pages(len(paths))
    summary = BuildSummary()
    results: list[PageResult] = []
    for path, result in zip(paths, map_pages(paths, options.jobs, progress)):
        if result is None:
            summary.skipped.append(str(path))
        else:
            results.append(result)
    if not results:
        raise InputError(", ".join(map(str, inputs)), "every input page is empty; nothing to build")
    results.sort(key=lambda r: r.source)
    resolution = resolve(results)
    prefixes = PREFIXES(options.base)
    graph_path = Path(options.out) / "graph.ttl"
    with atomic_open(graph_path) as handle:
        summary.triples = write_turtle(
            graph_triples(results, resolution, base=options.base,
                          min_confidence=options.min_confidence),
            handle, prefixes)
    summary.outputs.append(graph_path)
    summary.pages = len(results)
    summary.articles = sum(len(r.articles) for r in results)
    summary.entities = len(resolution.entities)
    summary.relations = sum(1 for r in results for rels in r.relations for x in rels
                            if x.confidence >= options.min_confidence)
    summary.seconds = time.perf_counter() - started
    return summary


def _check_unique_names(paths: list[Path]) -> None:
    """Articles are named after their file; two inputs with one name would collide."""
    seen: dict[str, Path] = {}
    for path in paths:
        if path.name in seen:
            raise InputError(path, f"has the same file name as {seen[path.name]}; "
                                   "article IRIs come from file names, so names must be unique")
        seen[path.name] = path
