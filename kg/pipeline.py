"""The pipeline: a pure per-page step (map) and a cross-page step (reduce).

    read → normalise → split articles → recognise mentions → relate      (per page: process_text)
    resolve entities → build RDF → write Turtle (and the other outputs)  (across pages: build)

``process_text`` depends on nothing but the page, so pages can run in any order, in other
processes or on other machines (``kg.engines``), and their results are cached by content
(``kg.cache``): a rebuild redoes the changed pages and the cross-page step only.
"""
from __future__ import annotations

import sys
import threading
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import pyoxigraph as ox

from kg import collector
from kg.articles import split_articles
from kg.cache import PageCache, page_key
from kg.engines import Engine, make_engine
from kg.errors import InputError
from kg.curation import (Curated, Curation, apply_curation, curation_triples, find_curation,
                         read_curation)
from kg.dates import date_articles
from kg.divisions import division_codes, division_triples
from kg.io import OutputFolder, atomic_open, move_tree
from kg.manifest import Manifest, find_manifest, read_manifest
from kg.model import Article, Page, PageResult
from kg.normalise import normalise
from kg.rdf.build import graph_triples, ox_triples, to_store
from kg.rdf.namespaces import DEFAULT_BASE, PREFIXES
from kg.rdf.turtle import write_store_turtle
from kg.read import find_pages, read_page
from kg.recognise import recognise_all, tagger
from kg.relate import extra_mentions, relate
from kg.resolve import Resolution, resolve

# Where the time goes, in pipeline order (BuildSummary.stage_seconds). Per-page stages add up the
# time of every page computed, in whichever process ran it; "cache" is hashing, loading, storing.
STAGES = ("read", "cache", "normalise", "split", "recognise", "relate", "resolve", "rdf",
          "serialise")
CACHE_FOLDER = ".cache"
# A page longer than this (characters) is split in this process and its articles are spread over
# the engine in runs of about ARTICLE_RUN characters: a whole archive exported into one file would
# otherwise run on one CPU. Smaller pages go whole, one per task.
LARGE_PAGE = 2_000_000
ARTICLE_RUN = 250_000
# Other pages go to the engine in batches of about this many characters: the name tagger reads
# a batch's sentences at once, and its array operations cost about as much for one page's
# sentences as for a batch's (the 10 MB bench corpus: tagging took half the time in batches of
# 50,000 characters). Larger batches would leave CPUs idle at the end of the run (kg.engines).
BATCH_CHARS = 50_000
STAGED_CACHE = ".cache-fresh"  # in the stage: the fresh entries until the build has succeeded
# From this much input (characters) the build frees the per-page tools before the graph stage,
# where its memory peaks; below it the graph is small and loading them again costs more.
UNLOAD_AT = 2_000_000
# The modules of the per-page step, whose memoised tools ``unload_page_tools`` forgets.
PAGE_TOOLS = ("kg.segment", "kg.normalise", "kg.bylines", "kg.articles", "kg.recognise",
              "kg.relate")


@dataclass(frozen=True)
class BuildOptions:
    out: Path = Path("output")
    jobs: int = 1
    base: str = DEFAULT_BASE
    min_confidence: float = 0.0
    cache: bool = True  # reuse and store per-page results in <out>/.cache
    engine: str = "local"  # "local" (processes) or "dask"
    scheduler: str | None = None  # Dask scheduler address; None starts a LocalCluster
    formats: tuple[str, ...] = ("ttl",)  # graph.ttl always; also nt, jsonld, graphml
    views: bool = True  # write OUT/views/ (the HTML views)
    validate: bool = True  # check graph.ttl against ontology/shapes.ttl and report problems
    curation: Path | None = None  # kg.curation file; None: curation.csv beside the inputs, if any


@dataclass
class BuildSummary:
    pages: int = 0
    articles: int = 0
    entities: int = 0
    relations: int = 0
    triples: int = 0
    seconds: float = 0.0
    cached: int = 0  # pages taken from the cache rather than computed
    skipped: list[str] = field(default_factory=list)  # empty files, with a warning
    warnings: list[str] = field(default_factory=list)  # e.g. a subfolder that cannot be read
    outputs: list[Path] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    problems: list | None = None  # SHACL problems of graph.ttl (kg.validate.Problem); None: not run

    def line(self) -> str:
        from_cache = f" ({self.cached} from cache)" if self.cached else ""
        if self.problems is None:
            checked = ""
        elif self.problems:
            checked = f"; validated: {len(self.problems)} problems"
        else:
            checked = "; validated: conforms to ontology/shapes.ttl"
        return (f"{self.pages} pages{from_cache}, {self.articles} articles, {self.entities} entities, "
                f"{self.relations} relations, {self.triples} triples in {self.seconds:.1f} s"
                f"{checked}")


class Stopwatch:
    """Adds up seconds per stage; cheap enough to run on every page."""

    def __init__(self, seconds: dict[str, float] | None = None):
        self.seconds: dict[str, float] = seconds if seconds is not None else {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(stage, time.perf_counter() - started)

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def merge(self, other: dict[str, float]) -> None:
        for stage, seconds in other.items():
            self.add(stage, seconds)


# ---------------------------------------------------------------- the per-page (map) step

def process_text(source: str, text: str, encoding: str = "utf-8") -> PageResult:
    """The per-page work on already decoded text: normalise, split, recognise, relate."""
    return process_timed(Page(source=source, text=text, encoding=encoding))[0]


def process_timed(page: Page) -> tuple[PageResult, dict[str, float]]:
    """``process_text`` on a page, with the seconds each stage took."""
    results, seconds = process_batch([page])
    return results[0], seconds


def process_batch(pages: Sequence[Page]) -> tuple[list[PageResult], dict[str, float]]:
    """``process_timed`` of several pages at once (what engines run): the same results, but
    the name tagger reads the sentences of all their articles together, which costs about half
    of reading them a page at a time (kg/recognise/tagger.py, "decoding")."""
    clock = Stopwatch()
    split = [_split_timed(page, clock) for page in pages]
    mentions, relations, seconds = _articles_timed([a for articles in split for a in articles])
    clock.merge(seconds)
    results, at = [], 0
    for page, articles in zip(pages, split):
        end = at + len(articles)
        results.append(PageResult(source=page.source, encoding=page.encoding, articles=articles,
                                  mentions=mentions[at:end], relations=relations[at:end],
                                  source_text=page.text))
        at = end
    return results, clock.seconds


def _split_timed(page: Page, clock: Stopwatch) -> tuple[Article, ...]:
    """Normalise and split; the page's normalised copy is freed on return (the articles hold
    their own text and offset maps)."""
    with clock("normalise"):
        normalised, offsets = normalise(page.text)
    with clock("split"):
        return tuple(split_articles(page.source, normalised, offsets))


def _articles_timed(articles: Sequence[Article]) -> tuple[tuple, tuple, dict[str, float]]:
    """Recognise and relate each article: the mentions and the relations per article, and the
    seconds. Articles do not depend on each other, so any run of them can go to any process."""
    clock = Stopwatch()
    mentions, relations = [], []
    recognised = recognise_all(article.text for article in articles)
    for article in articles:
        with clock("recognise"):
            found = next(recognised)
        with clock("relate"):
            relations.append(tuple(relate(article, found)))
        mentions.append(tuple(found) + extra_mentions(found, relations[-1]))
    return tuple(mentions), tuple(relations), clock.seconds


def _process_large(page: Page, engine: Engine, clock: Stopwatch) -> PageResult:
    """``process_timed`` for a page too large for one process: split here, its articles spread
    over the engine in runs of about ARTICLE_RUN characters; the same result."""
    articles = _split_timed(page, clock)
    runs, run, size = [], [], 0
    for article in articles:
        run.append(article)
        size += len(article.text)
        if size >= ARTICLE_RUN:
            runs.append(tuple(run))
            run, size = [], 0
    if run:
        runs.append(tuple(run))
    mentions, relations = [], []
    for found, related, seconds in engine.map(_articles_timed, runs,
                                              sizes=[sum(len(a.text) for a in r) for r in runs]):
        mentions.extend(found)
        relations.extend(related)
        clock.merge(seconds)
    return PageResult(source=page.source, encoding=page.encoding, articles=articles,
                      mentions=tuple(mentions), relations=tuple(relations), source_text=page.text)


def _process_shipped(staged: PageCache | None, batch: list[tuple[Page, str]]
                     ) -> tuple[list[PageResult], dict[str, float]]:
    """``process_batch`` for engines, on (page, cache key) pairs. Each result is stored in
    ``staged`` (if given) under its key: pickled by the worker, beside the others, rather than by
    the parent after them all (3-5 s of the 50 MB bench corpus's cross-page step). The results
    sent back leave out the page text, which the caller has: about a third less to send."""
    results, seconds = process_batch([page for page, _ in batch])
    if staged is not None:
        for (_, key), result in zip(batch, results):
            staged.put(key, result)
    return [replace(result, source_text="") for result in results], seconds


def process_page(path) -> PageResult | None:
    """Read one page file and process it; ``None`` for an empty file."""
    page = read_page(path)
    if page is None:
        return None
    return process_text(page.source, page.text, page.encoding)


def map_pages(pages: list[Page], engine: Engine, cache: PageCache | None = None,
              progress: Callable[[int], None] | None = None,
              clock: Stopwatch | None = None,
              staged: PageCache | None = None) -> tuple[list[PageResult], int]:
    """Results of ``pages`` in input order, from the cache where possible, else from ``engine``;
    and how many were made afresh.

    The fresh results are stored in ``staged``, if given (a cache inside the build's stage,
    which the caller moves into the cache once the build has succeeded: a failed build writes
    nothing). Workers that share this machine's files store their own; the rest is stored here.
    """
    clock = clock or Stopwatch()
    results: list[PageResult | None] = [None] * len(pages)
    keys: list[str] = [""] * len(pages)
    if cache:
        with clock("cache"):
            for i, page in enumerate(pages):
                keys[i] = page_key(page)
                results[i] = cache.get(page, keys[i])
    hits = sum(r is not None for r in results)
    if progress and hits:
        progress(hits)
    todo = [i for i, r in enumerate(results) if r is None]
    usual = [i for i in todo if len(pages[i].text) <= LARGE_PAGE]
    shares = staged is not None and engine.shares_files
    if usual:
        batches = _batches(usual, [len(pages[i].text) for i in usual])
        computed = engine.map(partial(_process_shipped, staged if shares else None),
                              [[(pages[i], keys[i]) for i in batch] for batch in batches],
                              progress, sizes=[sum(len(pages[i].text) for i in batch)
                                               for batch in batches],
                              steps=[len(batch) for batch in batches])
        for batch, (made, seconds) in zip(batches, computed):
            for i, result in zip(batch, made):
                results[i] = replace(result, source_text=pages[i].text)
            clock.merge(seconds)
    stored = set(usual) if shares else set()
    for i in todo:
        if results[i] is None:
            results[i] = _process_large(pages[i], engine, clock)
            if progress:
                progress(1)
    if staged is not None:
        with clock("cache"):
            for i in todo:
                if i not in stored:
                    staged.put(keys[i], results[i])
    return results, len(todo)


def _batches(positions: list[int], sizes: list[int]) -> list[list[int]]:
    """``positions`` in consecutive batches of about BATCH_CHARS characters (``sizes``), at least
    eight when there are enough, for the engine's workers to share evenly; the smallest alone,
    as ProcessEngine runs the smallest item in this process, before the workers start (it loads
    the tools they inherit), and a whole batch there would keep them waiting."""
    smallest = min(range(len(sizes)), key=sizes.__getitem__)
    target = max(1, min(BATCH_CHARS, sum(sizes) // 8))
    batches, batch, chars = [[positions[smallest]]], [], 0
    for k, (position, size) in enumerate(zip(positions, sizes)):
        if k == smallest:
            continue
        batch.append(position)
        chars += size
        if chars >= target:
            batches.append(batch)
            batch, chars = [], 0
    return batches + [batch] if batch else batches


# ---------------------------------------------------------------- the cross-page (reduce) step

@dataclass(frozen=True)
class Built:
    """What the cross-page step hands to every output writer: the graph, made once."""

    store: ox.Store  # the whole graph in memory (default graph): what graph.ttl holds
    options: BuildOptions  # ``out`` is the stage: the folder that becomes OUT once all is written
    graph_path: Path  # graph.ttl in the stage, already written from ``store``


Writer = Callable[[Built], Iterable[Path]]
# Further outputs, written after graph.ttl in this order: (stage name, writer). A writer takes the
# ``Built`` data, writes its files under ``built.options.out`` and returns their paths;
# its time is reported as that stage. The options add exports and views (``_outputs``); this tuple
# is for writers a library user plugs in.
OUTPUTS: tuple[tuple[str, Writer], ...] = ()


def _write_exports(built: Built) -> list[Path]:
    from kg.export import write_store_exports
    extra = [f for f in built.options.formats if f != "ttl"]
    return write_store_exports(built.store, built.options.out, extra, built.options.base)


def _write_views(built: Built) -> list[Path]:
    from kg.views import write_store_views
    written = write_store_views(built.store, Path(built.options.out) / "views")
    return [p for p in written if p.name == "index.html"]  # the entry page stands for the folder


def _outputs(options: BuildOptions) -> list[tuple[str, Writer]]:
    outputs: list[tuple[str, Writer]] = []
    if any(f != "ttl" for f in options.formats):
        outputs.append(("exports", _write_exports))
    if options.views:
        outputs.append(("views", _write_views))
    return outputs + list(OUTPUTS)


def build(inputs: Iterable, options: BuildOptions = BuildOptions(),
          progress: Callable[[int], None] | None = None,
          on_pages: Callable[[int], None] | None = None,
          engine: Engine | None = None,
          on_stage: Callable[[str], None] | None = None) -> BuildSummary:
    """Build the graph of ``inputs`` (files and folders of .txt pages) into ``options.out``.

    Every output is written into a stage beside ``options.out`` that replaces it whole at the end
    (``kg.io.OutputFolder``): a bad page (``InputError``), a failing writer or an interrupt leaves
    ``options.out`` as it was, and a reader never sees files of two builds. ``engine`` overrides
    the one named in ``options`` (e.g. a ``DaskEngine`` with its own settings). ``on_stage`` is
    told the name of each cross-page stage as it starts (for a progress display).

    The graph is made once, into an in-memory ``Store`` that every output reads (graph.ttl, the
    exports, the views, validation); no output file is read back. The per-page results are freed
    as soon as the store is made: they are most of the build's memory.
    """
    started = time.perf_counter()
    clock = Stopwatch({stage: 0.0 for stage in STAGES})
    stage_started = on_stage or (lambda name: None)
    summary = BuildSummary(stage_seconds=clock.seconds)
    inputs = list(inputs)
    paths = find_pages(inputs, summary.warnings)
    manifest_path = find_manifest(inputs)
    manifest = read_manifest(manifest_path) if manifest_path else None
    curation_path = options.curation or find_curation(inputs)
    curation = read_curation(curation_path) if curation_path else None
    _check_unique_names(paths)
    if on_pages:
        on_pages(len(paths))
    out = Path(options.out)
    # OutputFolder fails here, before the work, if OUT cannot be written
    with OutputFolder(out) as folder, ExitStack() as cross_page:
        stage = folder.stage
        with clock("read"):
            pages = _read_pages(paths, summary)
        engine = engine or make_engine(options.engine, options.jobs, options.scheduler)
        cache = PageCache(out / CACHE_FOLDER) if options.cache else None
        staged = PageCache(stage / STAGED_CACHE, version=cache.version) if cache else None
        results, computed = map_pages(pages, engine, cache, progress, clock, staged)
        # the cross-page step makes records and terms by the million, none in a cycle
        cross_page.enter_context(collector.paused())
        if sum(len(page.text) for page in pages) >= UNLOAD_AT:
            unload_page_tools()
        del pages  # the results hold the texts (a cached result its own copy)
        summary.cached = len(results) - computed
        results.sort(key=lambda r: r.source)
        stage_started("resolve")
        with clock("resolve"):
            resolution = resolve(results)
            curated = apply_curation(curation, results, resolution, options.base)
            summary.warnings.extend(curated.warnings)
        del results, resolution  # the curated ones replace them
        _count(summary, curated, options.min_confidence)
        stage_started("graph")
        with clock("rdf"):
            store = _make_graph(curated, curation, manifest, options)
        del curated  # from here on the store is the graph
        built = Built(store, replace(options, out=stage), stage / "graph.ttl")
        # validation's SPARQL constraints run in a thread beside the writers (see _Beside)
        with _Beside(_constraint_problems if options.validate else None, store,
                     options.base) as constraints:
            iris: set[str] | None = set() if options.validate else None
            with clock("serialise"), atomic_open(built.graph_path) as handle:
                summary.triples = write_store_turtle(store, handle, PREFIXES(options.base), iris)
            written = [built.graph_path]
            for name, write in _outputs(options):
                stage_started(name)
                with clock(name):
                    written.extend(write(built))
            if options.validate:
                from kg.validate import iri_problems, merged, node_problems
                stage_started("validate")
                with clock("validate"):
                    found = node_problems(store, base=options.base) + iri_problems(
                        iris, base=options.base)
                    beside, seconds = constraints.result()
                    summary.problems = merged(found, beside)
                clock.add("validate-sparql", seconds)
        if cache:
            with clock("cache"):
                move_tree(stage / STAGED_CACHE, cache.root)
                cache.prune()
        folder.commit()
    summary.outputs = [out / Path(p).relative_to(stage) for p in written]
    summary.seconds = time.perf_counter() - started
    return summary


def unload_page_tools() -> None:
    """Forget what the per-page step loaded and memoised in this process: the segmenter, jieba's
    word frequencies, the tagger model, the lexicons (about 60 MB, which the graph of a large
    build needs more). Whatever needs one again loads it again."""
    for name, module in list(sys.modules.items()):
        if name.startswith(PAGE_TOOLS):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    tagger.unload()


class _Beside:
    """``with _Beside(work, *args) as beside:`` runs ``work(*args, cancelled)`` in a thread
    beside the block; ``beside.result()`` waits for its value or raises its exception. ``work``
    None runs nothing.

    Worth a thread only for work that spends its time in code that releases the GIL (SPARQL
    evaluated by Oxigraph): it then takes the second CPU while the block runs Python. A fork
    would not do: reading the store in a child copies it page by page (Oxigraph counts
    references as it reads), i.e. the graph's memory twice. Leaving the block by an error
    tells ``work`` to give up (``cancelled()`` turns true) and waits for it, so no thread
    outlives the build.
    """

    def __init__(self, work: Callable | None, *args):
        self._cancel = threading.Event()
        self._value = self._error = None
        self._thread = None
        if work is not None:
            self._thread = threading.Thread(target=self._run, args=(work, *args),
                                            name="kg-beside")

    def _run(self, work: Callable, *args) -> None:
        try:
            self._value = work(*args, self._cancel.is_set)
        except BaseException as error:  # handed to the caller of result()
            self._error = error

    def result(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value

    def __enter__(self) -> _Beside:
        if self._thread is not None:
            self._thread.start()
        return self

    def __exit__(self, kind, error, traceback) -> None:
        if self._thread is not None:
            self._cancel.set()
            self._thread.join()


def _constraint_problems(store: ox.Store, base: str,
                         cancelled: Callable[[], bool]) -> tuple[list, float]:
    """The problems of validation's SPARQL-based constraints, and the seconds they took in
    their thread (wall time that overlaps the writers')."""
    from kg.validate import constraint_problems
    started = time.perf_counter()
    # the IRIs are checked as graph.ttl is written (see build), not by scanning the graph again
    problems = constraint_problems(store, base=base, cancelled=cancelled, iris_checked=True)
    return problems, time.perf_counter() - started


def _make_graph(curated: Curated, curation: Curation | None, manifest: Manifest | None,
                options: BuildOptions) -> ox.Store:
    """The graph of the curated results, in an in-memory Store. Empties ``curated.results``
    as it goes: a page's result (its text, articles, relations) is freed once its triples are
    made."""
    results, resolution = curated.results, curated.resolution
    dated = date_articles(results, manifest)
    extra = tuple(ox_triples(chain(  # their makers yield rdflib terms
        curation_triples(curated, curation, options.base),
        division_triples(division_codes(results, resolution), resolution, options.base))))
    triples = graph_triples(_handed_out(results, resolution), resolution, base=options.base,
                            min_confidence=options.min_confidence, dated=dated)
    return to_store(chain(triples, extra))


def _handed_out(results: list[PageResult], resolution: Resolution) -> Iterator[PageResult]:
    """The items of ``results`` in order, each taken out of the list as it is handed on, and
    its mentions' keys dropped from ``resolution`` once the next one is asked for (the graph is
    made a page at a time; otherwise that table would keep every mention alive to the end)."""
    results.reverse()
    while results:
        result = results.pop()
        yield result
        resolution.forget(result)


def _count(summary: BuildSummary, curated: Curated, min_confidence: float) -> None:
    results = curated.results
    summary.pages = len(results)
    summary.articles = sum(len(r.articles) for r in results)
    summary.entities = len(curated.resolution.entities)
    summary.relations = sum(1 for r in results for rels in r.relations for x in rels
                            if x.confidence >= min_confidence)


def _read_pages(paths: list[Path], summary: BuildSummary) -> list[Page]:
    pages = []
    for path in paths:
        page = read_page(path)
        if page is None:
            summary.skipped.append(str(path))
        else:
            pages.append(page)
    if not pages:
        raise InputError(", ".join(map(str, paths)), "every input page is empty; nothing to build")
    return pages


def _check_unique_names(paths: list[Path]) -> None:
    """Articles are named after their file; two inputs with one name would collide."""
    seen: dict[str, Path] = {}
    for path in paths:
        if path.name in seen:
            raise InputError(path, f"has the same file name as {seen[path.name]}; "
                                   "article IRIs come from file names, so names must be unique")
        seen[path.name] = path
