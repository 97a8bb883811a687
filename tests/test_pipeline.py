"""The pipeline: map and reduce steps, stage timing, output hooks, progress."""
from __future__ import annotations

import gc
import io
import os
import sys
import threading
import types
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

import kg.cli.build as cli_build
import kg.pipeline as pipeline
import kg.rdf.load
import kg.validate
from kg.cli import cli
from kg.engines import ProcessEngine
from kg.errors import KgError
from kg.export import FORMATS, write_exports
from kg.cache import PageCache, page_key
from kg.model import Page, PageResult
from kg.pipeline import (BATCH_CHARS, CACHE_FOLDER, STAGED_CACHE, STAGES, BuildOptions, build,
                         process_batch, process_page, process_text, process_timed)
from kg.curation import apply_curation
from kg.resolve import resolve
from kg.validate import Cancelled, compile_shapes, shapes_graph, validate_file, validate_store
from kg.views import write_views

PER_PAGE = ("normalise", "split", "recognise", "relate")


def _pages(folder, count: int, empty: int = 0):
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:03d}.txt").write_text(f"梅林街道第{n}网格党支部召开会议。\n", encoding="utf-8")
    for n in range(empty):
        (folder / f"e{n:02d}.txt").write_text("  \n", encoding="utf-8")
    return folder


def test_pipeline_process_text_is_process_page_on_the_seeds(seed_paths, seed_results):
    for path, result in zip(seed_paths, seed_results):
        assert process_text(path.name, path.read_text(encoding="utf-8")) == result


def test_pipeline_process_timed_reports_every_per_page_stage():
    result, seconds = process_timed(Page("a.txt", "青松社区党委书记张三丰主持会议。", "utf-8"))
    assert result == process_text("a.txt", "青松社区党委书记张三丰主持会议。")
    assert set(seconds) == set(PER_PAGE) and all(s >= 0 for s in seconds.values())


def _paragraph_pages(seed_paths) -> list[Page]:
    """The seed pages cut into a page per paragraph: many pages, names on most of them."""
    return [Page(f"{path.stem}-{n:03d}.txt", paragraph, "utf-8") for path in seed_paths
            for n, paragraph in enumerate(path.read_text(encoding="utf-8").split("\n\n"))
            if paragraph.strip()]


def test_pipeline_a_batch_of_pages_gives_each_page_its_own_result(seed_paths):
    pages = _paragraph_pages(seed_paths)
    results, seconds = process_batch(pages)
    assert results == [process_text(p.source, p.text) for p in pages]
    assert any(r.mentions != ((),) * len(r.articles) for r in results)  # not a vacuous check
    assert set(seconds) == set(PER_PAGE)


def test_pipeline_batches_hold_every_page_once_the_smallest_alone():
    sizes = [9_000, 30_000, 700, 26_000, 12_000, 5_000, 40_000] * 20
    positions = list(range(100, 100 + len(sizes)))
    batches = pipeline._batches(positions, sizes)
    smallest = 100 + sizes.index(700)
    assert batches[0] == [smallest]
    assert sorted(p for batch in batches for p in batch) == positions
    for batch in batches[1:-1]:  # consecutive, and each stops once it reaches the target
        assert batch == [p for p in range(batch[0], batch[-1] + 1) if p != smallest]
        chars = [sizes[p - 100] for p in batch]
        assert sum(chars) >= BATCH_CHARS > sum(chars[:-1])
    # a small run still makes eight batches or more, for the workers to share
    assert len(pipeline._batches(list(range(20)), [1_000] * 20)) >= 8
    assert pipeline._batches([7], [10]) == [[7]]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a pool needs two CPUs")
def test_pipeline_pool_of_batches_keeps_page_order_and_counts_pages(seed_paths):
    pages = _paragraph_pages(seed_paths)
    done = []
    results, computed = pipeline.map_pages(pages, ProcessEngine(2, min_chars=0),
                                           progress=done.append)
    assert results == [process_text(p.source, p.text) for p in pages]
    assert computed == len(pages) and sum(done) == len(pages) and len(done) < len(pages)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a pool needs two CPUs")
def test_pipeline_large_page_spread_over_processes_gives_the_same_result(monkeypatch, seed_paths,
                                                                         seed_results):
    # every seed page counts as large and each article is a run of its own, sent to the pool
    monkeypatch.setattr(pipeline, "LARGE_PAGE", 0)
    monkeypatch.setattr(pipeline, "ARTICLE_RUN", 1)
    pages = [Page(p.name, p.read_text(encoding="utf-8"), "utf-8") for p in seed_paths]
    done = []
    results, computed = pipeline.map_pages(pages, ProcessEngine(2, min_chars=0),
                                           progress=done.append)
    assert results == list(seed_results) and computed == len(pages)
    assert sum(done) == len(pages)  # a large page counts once, as a page


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a pool needs two CPUs")
def test_pipeline_workers_stage_the_cache_entries_of_the_pages_they_make(tmp_path, seed_paths,
                                                                        seed_results):
    pages = [Page(p.name, p.read_text(encoding="utf-8"), "utf-8") for p in seed_paths]
    cache = PageCache(tmp_path / "cache")
    staged = PageCache(tmp_path / "stage", version=cache.version)
    results, computed = pipeline.map_pages(pages, ProcessEngine(2, min_chars=0), cache,
                                           staged=staged)
    assert results == list(seed_results) and computed == len(pages)
    assert [staged.get(page, page_key(page)) for page in pages] == results  # text and all
    assert not cache.folder.exists()  # the real cache only once the build has succeeded
    again, computed = pipeline.map_pages(pages, ProcessEngine(2, min_chars=0), staged)
    assert again == results and computed == 0


def test_pipeline_summary_times_every_stage(tmp_path, seed_paths):
    summary = build(seed_paths, BuildOptions(out=tmp_path, cache=False))
    assert list(summary.stage_seconds)[:len(STAGES)] == list(STAGES)
    assert summary.stage_seconds["read"] > 0 and summary.stage_seconds["serialise"] > 0
    # validation's SPARQL constraints run beside serialise, exports and views: the one stage
    # that overlaps others in a build of one process
    timeline = {k: v for k, v in summary.stage_seconds.items() if k != "validate-sparql"}
    assert sum(timeline.values()) <= summary.seconds * 1.05
    assert summary.stage_seconds["validate"] > 0
    assert 0 < summary.stage_seconds["validate-sparql"] <= summary.seconds


def test_pipeline_build_is_deterministic(tmp_path, seed_paths):
    build(seed_paths, BuildOptions(out=tmp_path / "a", cache=False))
    build(list(reversed(seed_paths)), BuildOptions(out=tmp_path / "b", cache=False))
    assert (tmp_path / "a/graph.ttl").read_bytes() == (tmp_path / "b/graph.ttl").read_bytes()


def test_pipeline_progress_counts_every_page_cached_or_not(tmp_path):
    pages = _pages(tmp_path / "pages", 4, empty=1)
    for _ in range(2):  # cold, then all from the cache
        seen, announced = [], []
        summary = build([pages], BuildOptions(out=tmp_path / "out"), progress=seen.append,
                        on_pages=announced.append)
        assert announced == [5] and sum(seen) == 4 == summary.pages
        assert summary.skipped == [str(pages / "e00.txt")]
    assert summary.cached == 4


def test_pipeline_outputs_hook_gets_the_built_data_and_is_timed(tmp_path, monkeypatch, seed_paths):
    calls = []

    def write_names(built):
        calls.append(sorted(row[0].value for row in built.store.query(
            "SELECT DISTINCT ?page { ?a <http://purl.org/dc/terms/source> ?page }")))
        path = built.options.out / "names.txt"
        path.write_text("\n".join(calls[-1]), encoding="utf-8")
        assert built.graph_path.exists()  # graph.ttl is written first
        return [path]

    monkeypatch.setattr(pipeline, "OUTPUTS", (("names", write_names),))
    summary = build(list(reversed(seed_paths)),
                    BuildOptions(out=tmp_path, cache=False, views=False, validate=False))
    assert calls == [sorted(p.name for p in seed_paths)]
    assert summary.outputs == [tmp_path / "graph.ttl", tmp_path / "names.txt"]
    assert summary.stage_seconds["names"] >= 0


def test_pipeline_cross_page_step_runs_with_the_collector_paused_and_restores_it(
        tmp_path, seed_paths, monkeypatch):
    """The cross-page step makes millions of objects in none of which a cycle: the collector's
    rescans cost a quarter of the views' and validation's time (kg/collector.py)."""
    seen = []

    def record(built):
        seen.append(gc.isenabled())
        return []

    def broken(built):
        raise KgError("the views could not be written")

    monkeypatch.setattr(pipeline, "OUTPUTS", (("record", record),))
    assert gc.isenabled()
    build(seed_paths[:1], BuildOptions(out=tmp_path / "ok", views=False, validate=False))
    monkeypatch.setattr(pipeline, "OUTPUTS", (("record", record), ("broken", broken)))
    with pytest.raises(KgError):
        build(seed_paths[:1], BuildOptions(out=tmp_path / "failed", views=False, validate=False))
    assert seen == [False, False] and gc.isenabled()


def test_pipeline_graph_store_holds_every_triple_made_across_its_batches():
    """The store fills in a thread beside the Python that makes the triples (kg.rdf.build)."""
    import pyoxigraph as ox

    from kg.rdf.build import to_store
    p = ox.NamedNode("http://example.org/p")
    triples = [(ox.NamedNode(f"http://example.org/s{i % 97}"), p, ox.Literal(str(i)))
               for i in range(1_234)]
    store = to_store(iter(triples), batch=100)  # twelve full batches and a part one
    assert {(q.subject, q.predicate, q.object) for q in store} == set(triples)
    assert len(to_store(iter(()))) == 0


def test_pipeline_graph_store_passes_on_an_error_making_triples_and_leaves_no_thread():
    import pyoxigraph as ox

    from kg.rdf.build import to_store

    def failing():
        for i in range(250):
            yield ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"), \
                ox.Literal("x")
        raise KgError("a page could not be turned into triples")

    with pytest.raises(KgError, match="a page could not"):
        to_store(failing(), batch=100)
    assert not [t for t in threading.enumerate() if t.name == "kg-store-filler"]


def test_pipeline_cli_progress_bar_only_on_a_terminal_with_many_pages(tmp_path, monkeypatch):
    pages = _pages(tmp_path / "pages", cli_build.PROGRESS_MIN_PAGES)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(cli_build, "sys", types.SimpleNamespace(stderr=terminal))
    result = CliRunner().invoke(cli, ["build", str(pages), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "pages" in terminal.getvalue() and "100%" in terminal.getvalue()
    few = CliRunner().invoke(cli, ["build", str(pages / "000.txt"), "--out", str(tmp_path / "o2")])
    assert few.exit_code == 0
    assert "100%" not in terminal.getvalue().split("100%", 1)[1]  # no second bar for one page


def test_pipeline_output_does_not_depend_on_the_hash_seed(tmp_path, seed_paths):
    """Workers on other machines (Dask) or spawned processes have their own hash seeds."""
    import os
    import subprocess
    import sys
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-m", "kg", "build", *map(str, seed_paths), "--out", str(out),
                        "--no-cache"], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append((out / "graph.ttl").read_bytes())
    assert outputs[0] == outputs[1]


# ---------------------------------------------------------------- one graph, in memory

OUTPUT_NAMES = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", ".js", ".html")
_reads: list[str] | None = None  # while a test listens: every output file opened for reading


def _audit(event: str, args: tuple) -> None:
    if _reads is not None and event == "open" and isinstance(args[0], (str, Path)):
        mode = args[1] or "r"
        if "r" in mode and str(args[0]).endswith(OUTPUT_NAMES):
            _reads.append(str(args[0]))


sys.addaudithook(_audit)  # audit hooks cannot be removed: this one only listens while asked


def test_pipeline_build_parses_no_file_it_writes(tmp_path, seed_paths, monkeypatch):
    """The graph is made once, in memory, and every output is made from it: no stage parses
    graph.ttl (or any other output) back, not through kg.rdf.load nor by opening it."""
    global _reads

    def refuse(path):
        raise AssertionError(f"the build loaded {path}")

    monkeypatch.setattr(kg.rdf.load, "check_path", refuse)  # every graph loader goes through it
    _reads = []
    try:
        summary = build(seed_paths, BuildOptions(out=tmp_path / "out", cache=False,
                                                 formats=FORMATS))
    finally:
        reads, _reads = _reads, None
    assert [path for path in reads if path.startswith(str(tmp_path))] == []
    assert summary.problems == [] and len(summary.outputs) == 5


def test_pipeline_outputs_equal_those_made_from_graph_ttl(tmp_path, seed_paths):
    """The in-memory path and the file path (kg export, kg view, kg validate) agree byte for byte."""
    out, again = tmp_path / "out", tmp_path / "again"
    summary = build(seed_paths, BuildOptions(out=out, cache=False, formats=FORMATS))
    write_exports(out / "graph.ttl", again, ["nt", "jsonld", "graphml"])
    write_views(out / "graph.ttl", again / "views")
    for name in ("graph.nt", "graph.jsonld", "graph.graphml"):
        assert (out / name).read_bytes() == (again / name).read_bytes(), name
    views = sorted(p.relative_to(out) for p in (out / "views").rglob("*") if p.is_file())
    assert views == sorted(p.relative_to(again) for p in (again / "views").rglob("*") if p.is_file())
    assert all((out / p).read_bytes() == (again / p).read_bytes() for p in views)
    assert summary.problems == validate_file(out / "graph.ttl")


def _page_results_alive() -> int:
    return sum(type(o) is PageResult for o in gc.get_objects())


def test_pipeline_outputs_run_after_the_page_results_are_freed(tmp_path, seed_paths, monkeypatch):
    """The per-page results are most of a build's memory: the outputs run without them."""
    before = _page_results_alive()
    alive = []
    monkeypatch.setattr(pipeline, "OUTPUTS",
                        (("count", lambda built: alive.append(_page_results_alive()) or []),))
    summary = build(seed_paths, BuildOptions(out=tmp_path, cache=True, views=False))
    assert alive == [before] and summary.pages == len(seed_paths)


def test_pipeline_graph_drops_each_page_and_its_mention_keys_once_its_triples_are_made(
        seed_results):
    """The entity keys of the mentions would keep every mention alive to the end of the graph
    stage, where a large build's memory peaks; they go with their page."""
    results = list(seed_results)
    resolution = resolve(results)
    curated = apply_curation(None, results, resolution, BuildOptions().base)
    assert resolution.keys
    store = pipeline._make_graph(curated, None, None, BuildOptions())
    assert curated.results == [] and resolution.keys == {}
    assert len(store) > 1000


def test_pipeline_large_build_frees_the_page_tools_and_builds_the_same(tmp_path, seed_paths,
                                                                      monkeypatch):
    """A large build forgets the segmenter, frequencies and tagger before its graph stage;
    the graph is the same, and the next build loads them again."""
    from kg import segment
    from kg.recognise import view
    small = build(seed_paths, BuildOptions(out=tmp_path / "small", cache=False, views=False))
    assert segment._rjieba.cache_info().currsize == view._frequencies.cache_info().currsize == 1
    monkeypatch.setattr(pipeline, "UNLOAD_AT", 0)
    large = build(seed_paths, BuildOptions(out=tmp_path / "large", cache=False, views=False))
    assert segment._rjieba.cache_info().currsize == view._frequencies.cache_info().currsize == 0
    assert pipeline.tagger._weights.cache_info().currsize == 0
    again = build(seed_paths, BuildOptions(out=tmp_path / "again", cache=False, views=False))
    assert small.triples == large.triples == again.triples
    for name in ("small", "again"):
        assert (tmp_path / name / "graph.ttl").read_bytes() == \
            (tmp_path / "large" / "graph.ttl").read_bytes()


def test_pipeline_cache_entries_reach_the_cache_only_when_the_build_succeeds(tmp_path, monkeypatch):
    pages, out = _pages(tmp_path / "pages", 3), tmp_path / "out"

    def broken(built):
        raise KgError("the views could not be written")

    monkeypatch.setattr(pipeline, "OUTPUTS", (("broken", broken),))
    with pytest.raises(KgError):
        build([pages], BuildOptions(out=out, views=False))
    assert not out.exists()  # not even the fresh cache entries
    monkeypatch.setattr(pipeline, "OUTPUTS", ())
    build([pages], BuildOptions(out=out, views=False))
    assert len([p for p in (out / CACHE_FOLDER).rglob("*.pickle")]) == 3
    assert not list(out.rglob(STAGED_CACHE))
    assert build([pages], BuildOptions(out=out, views=False)).cached == 3


# Every Person breaks both shapes, one checked node by node, one by SPARQL (in its own thread),
# so a build of the seeds has problems of both kinds to report.
NO_PERSONS = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dj: <https://w3id.org/dangjian-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:test:NamelessPerson> a sh:NodeShape ; sh:targetClass dj:Person ;
    sh:property [ sh:path rdfs:label ; sh:maxCount 0 ; sh:message "a person has no name" ] .
<urn:test:NoPerson> a sh:NodeShape ; sh:targetClass dj:Person ;
    sh:sparql [ a sh:SPARQLConstraint ; sh:message "there is no person" ;
                sh:select "SELECT $this WHERE { $this a dj:Person }" ;
                sh:prefixes <urn:test:prefixes> ] .
<urn:test:prefixes> sh:declare [ sh:prefix "dj" ;
    sh:namespace "https://w3id.org/dangjian-kg/ontology#"^^<http://www.w3.org/2001/XMLSchema#anyURI> ] .
"""


def test_pipeline_validation_beside_the_outputs_reports_what_validating_graph_ttl_does(
        tmp_path, seed_paths, monkeypatch):
    """Validation's SPARQL constraints run in a thread while graph.ttl and the views are
    written: the build's problems are those of the written graph, and its outputs those of a
    build without validation."""
    shapes = compile_shapes(shapes_graph() + Graph().parse(data=NO_PERSONS))
    monkeypatch.setattr(kg.validate, "compiled_shapes", lambda: shapes)
    checked = build(seed_paths, BuildOptions(out=tmp_path / "checked", cache=False))
    unchecked = build(seed_paths, BuildOptions(out=tmp_path / "unchecked", cache=False,
                                               validate=False))
    expected = validate_store(kg.rdf.load.load_store(tmp_path / "checked/graph.ttl"),
                              shapes=shapes)
    assert checked.problems == expected
    messages = Counter(p.message for p in checked.problems)
    assert messages["a person has no name"] == messages["there is no person"] >= 10
    assert unchecked.problems is None
    files = sorted(p.relative_to(tmp_path / "checked") for p in (tmp_path / "checked").rglob("*")
                   if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "unchecked")
                           for p in (tmp_path / "unchecked").rglob("*") if p.is_file())
    assert all((tmp_path / "checked" / f).read_bytes() == (tmp_path / "unchecked" / f).read_bytes()
               for f in files)


def test_pipeline_beside_hands_over_the_value_or_the_error_of_its_work():
    with pipeline._Beside(lambda n, cancelled: n * 2, 21) as beside:
        assert beside.result() == 42

    def failing(cancelled):
        raise KgError("the shapes could not run")

    with pipeline._Beside(failing) as beside:
        with pytest.raises(KgError, match="shapes could not run"):
            beside.result()


def test_pipeline_beside_an_error_in_the_block_cancels_the_work_and_waits_for_it():
    started, seen = threading.Event(), []

    def work(cancelled):
        started.set()
        while not cancelled():
            threading.Event().wait(0.001)
        seen.append("cancelled")
        raise Cancelled()

    with pytest.raises(KgError, match="views could not be written"):
        with pipeline._Beside(work):
            started.wait()
            raise KgError("the views could not be written")
    assert seen == ["cancelled"]  # the error of the block wins; the work did not outlive it
    assert not [t for t in threading.enumerate() if t.name == "kg-beside"]
