"""``python -m bench`` (= ``make bench``): build synthetic corpora and report speed and memory.

Every measurement runs in a fresh ``python -m bench.measure`` process, one after another, so its
peak memory is its own and nothing else of ours competes for the CPU; all of them run on one
snapshot of the ``kg`` package, copied at the start. Builds are cold builds as ``kg build`` runs
them by default: one process per CPU, views and SHACL validation on, every page computed and
stored in the cache (the "cache" stage). Prints Markdown tables (paste them into docs/scale.md)
and keeps the raw numbers in bench/corpora/results.json. On the 10 MB build it also times the
explorer, the research queries and ``kg serve`` under 20 clients (docs/query.md).

    python -m bench          # 1, 10 and 50 MB; --jobs 1/2, cache, Dask on 1 MB
    python -m bench --big-mb 100   # and a 100 MB single file (about five more minutes)
    python -m bench --quick  # 0.2 and 1 MB, extras on 1 and 0.2 MB, Turtle at 100 k: a smoke run
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import CORPORA, corpus_bytes, make_corpus, make_single_file
from kg.pipeline import STAGES

PER_PAGE = {"normalise", "split", "recognise", "relate"}


# Timed runs of each research query through `kg query` and `kg serve` (after one warm-up). The
# 11 queries x (runs + 1) fresh processes are most of the query part's time (about 0.3 s a
# process on the 10 MB graph since the queries read an on-disk store); make bench must stay
# under ten minutes, so fewer runs than bench/query_bench.py's own default of 9, but enough for
# a median that one slow moment of the VM does not decide.
QUERY_RUNS = 7

ENV: dict[str, str] = dict(os.environ)  # of the measuring processes; see snapshot()
RUN: dict[str, str] = {"cwd": "."}  # their working folder; see snapshot()


def snapshot(scratch: Path) -> str:
    """Copy the kg package (and its ontology) and run every measurement on that copy, so that
    the whole bench measures one version of the code even while someone edits the tree."""
    import kg
    code = scratch / "code"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(Path(kg.__file__).parent, code / "kg", ignore=ignore)
    ontology = Path(kg.__file__).parent.parent / "ontology"
    if ontology.is_dir() and not (code / "kg" / "ontology").exists():
        shutil.copytree(ontology, code / "kg" / "ontology", ignore=ignore)
    here = str(Path(__file__).resolve().parent.parent)  # for bench.measure itself
    ENV["PYTHONPATH"] = os.pathsep.join([str(code), here, ENV.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    # `python -m` puts its working folder first on sys.path: run in the repository and `kg` would
    # come from the tree being edited, not from the copy
    RUN["cwd"] = str(scratch)
    return str(code)


def measure(what: str, *args: str) -> dict:
    """Run one measurement in a fresh process; its JSON plus the wall time seen from here."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "bench.measure", what, *args],
                          capture_output=True, text=True, env=ENV, cwd=RUN["cwd"])
    if done.returncode != 0:
        raise SystemExit(f"bench.measure {what} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - started
    return result


# A build of a few seconds is at the mercy of the VM's moments (the same 1 MB build took 3.5 s
# and 4.8 s minutes apart in one run): below this size it is run three times and the median counts.
REPEAT_BELOW_MB = 5
REPEATS = 3


def median_run(runs: list[dict]) -> dict:
    """The run of the median build time, with every run's time, in run order, as "repeats"."""
    middle = sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]
    return {**middle, "repeats": [r["seconds"] for r in runs]}


def build(corpus: Path, out: Path, *options: str) -> dict:
    """A cold build, as ``kg build`` runs by default (computing and storing every page)."""
    shutil.rmtree(out, ignore_errors=True)
    return measure("build", "--corpus", str(corpus), "--out", str(out), "--cache", *options)


def run(args: argparse.Namespace, scratch: Path) -> dict:
    wanted = set(args.sizes) | {args.extras_mb, args.dask_mb}
    corpora = {size: make_corpus(size) for size in sorted(wanted)}
    report: dict = {"machine": _machine(), "sizes": {}, "extras": {}}
    largest = corpora[max(args.sizes)]
    # The baseline is measured before each build and after the last: the VM's speed drifts by a
    # third within a run, so each build is set beside the baselines on either side of it, and the
    # faster of the two (a slow moment of the baseline would flatter the build; tables()).
    report["segments"] = [_baseline(largest, args.jieba_sample_mb, "at the start")]
    for size in args.sizes:
        _say(f"build {size:g} MB")
        result = median_run([build(corpora[size], scratch / f"out-{size:g}")
                             for _ in range(REPEATS if size < REPEAT_BELOW_MB else 1)])
        result["bytes"] = corpus_bytes(corpora[size])
        result["baselines"] = (len(report["segments"]) - 1, len(report["segments"]))
        report["sizes"][size] = result
        report["segments"].append(_baseline(largest, args.jieba_sample_mb,
                                            f"after the {size:g} MB build"))
    if args.big_mb:
        _say(f"build a {args.big_mb:g} MB single file")
        big = make_single_file(args.big_mb)
        # without views and validation, as issue 14 measured it: the peak is at the graph stage,
        # before either, and the two would add about two minutes to make bench's ten
        report["big"] = build(big, scratch / "out-big", "--no-views", "--no-validate")
        report["big"]["bytes"] = big.stat().st_size
        shutil.rmtree(scratch / "out-big", ignore_errors=True)
    report["extras"] = _extras(corpora, scratch, args.extras_mb, args.dask_mb, report["sizes"])
    _say(f"Turtle writer, {args.turtle_triples:,} triples")
    report["turtle"] = measure("turtle", "--out", str(scratch / "t.ttl"),
                               "--triples", str(args.turtle_triples))
    _say("profile of the per-page step")
    report["profile"] = measure("profile", "--corpus", str(corpora[min(args.sizes)]),
                                "--sample-mb", str(args.profile_mb))
    return report


def _baseline(corpus: Path, megabytes: float, when: str) -> dict:
    _say(f"segmentation baseline on a {megabytes:g} MB sample, {when}")
    return {**measure("segment", "--corpus", str(corpus), "--sample-mb", str(megabytes)),
            "when": when}


def _extras(corpora: dict[float, Path], scratch: Path, size: float, dask_size: float,
            runs: dict[float, dict]) -> dict:
    """--jobs 2 and a rebuild after one page changed on one corpus; Dask on another (its cluster
    start-up would swamp a small corpus, its speed on two vCPUs says little: it is here to show
    the overhead and the identical output). Reuses the size table's runs (out-<size>)."""
    extras = {"mb": size, "dask_mb": dask_size}
    reference = scratch / f"j1-{size:g}"
    for mb in sorted({size, dask_size}):
        _say(f"extras on {mb:g} MB: --jobs 1")
        extras[f"jobs1-{mb:g}"] = build(corpora[mb], scratch / f"j1-{mb:g}", "--jobs", "1")
    extras["jobs1"], extras["dask1"] = extras[f"jobs1-{size:g}"], extras[f"jobs1-{dask_size:g}"]
    _say(f"extras on {size:g} MB: --jobs 2")
    extras["jobs2"] = build(corpora[size], scratch / "j2", "--jobs", "2")
    extras["jobs_identical"] = _same(reference, scratch / "j2")
    _say("extras: rebuild after one page changed")
    pages = scratch / "pages"
    shutil.copytree(corpora[size], pages)  # same names and texts: the cache of `reference` applies
    changed = sorted(pages.glob("*.txt"))[len(list(pages.glob("*.txt"))) // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n梅林街道青松社区党委书记张三丰出席。\n",
                       encoding="utf-8")
    rebuilt = scratch / "rebuilt"  # a copy, so the reference output stays the unchanged corpus's
    shutil.copytree(reference, rebuilt)
    extras["cache_one_changed"] = measure("build", "--corpus", str(pages), "--out", str(rebuilt),
                                          "--cache")
    _say(f"extras: Dask LocalCluster of 2 workers on {dask_size:g} MB")
    extras["dask"] = build(corpora[dask_size], scratch / "d", "--engine", "dask", "--jobs", "2")
    extras["dask_identical"] = _same(scratch / f"j1-{dask_size:g}", scratch / "d")
    return extras


def _same(a: Path, b: Path) -> bool:
    return (a / "graph.ttl").read_bytes() == (b / "graph.ttl").read_bytes()


# ---------------------------------------------------------------- the report

def tables(report: dict) -> str:
    segments = report["segments"]
    rates = [s["bytes"] / 1e6 / s["jieba_seconds"] for s in segments]
    fastest = max(range(len(rates)), key=rates.__getitem__)
    rjieba_rate = segments[fastest]["bytes"] / 1e6 / segments[fastest]["rjieba_seconds"]
    measured = ", ".join(f"{rate:.2f} MB/s {s['when']}" for rate, s in zip(rates, segments))

    def jieba_rate(run: dict) -> float:
        """The faster of the baselines measured just before and just after ``run`` (all of
        them for a run without its own, the single file's)."""
        return max(rates[i] for i in run.get("baselines", range(len(rates))))

    lines = [f"Machine: {report['machine']}", "",
             f"Segmentation baseline, measured in this run on a {segments[0]['bytes'] / 1e6:.1f} MB "
             f"sample of the corpus (line by line, dictionary load excluded) before each build and "
             f"after the last: jieba.lcut {measured} (rjieba.cut {rjieba_rate:.1f} MB/s at the "
             "fastest). Each build is set beside the faster of the baselines on either side of it, "
             "as a baseline measured at a slow moment would flatter the build. The jieba "
             "column is that rate applied to the corpus "
             "(extrapolated, not run on the whole corpus). Each build is `kg build` with its "
             "defaults (`jobs` processes, views and SHACL validation on); `build s` is kg.build() "
             "itself, `process s` adds interpreter start and imports. `peak RSS` is the largest "
             "single process; `peak PSS` is the whole process tree at its peak (parent and workers, "
             "shared pages counted once): the memory the build takes from the machine. A build "
             f"under {REPEAT_BELOW_MB} MB takes seconds, at the mercy of the VM's moments: it is "
             f"run {REPEATS} times and the median counts (the times are listed under the table).",
             "",
             "| corpus | pages | jobs | build s | process s | MB/s | triples | entities "
             "| peak RSS MB | peak PSS MB | validation share | jieba.lcut s (extrap.) | build ÷ jieba |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    rows = list(report["sizes"].values()) + ([report["big"]] if report.get("big") else [])
    for r in rows:
        mb = r["bytes"] / 1e6
        jieba = mb / jieba_rate(r)
        name = f"{mb:.1f} MB" + (" in one file, no views or validation" if r is report.get("big")
                                 else "")
        lines.append(f"| {name} | {r['pages']:,} | {r.get('jobs', 1)} | {r['seconds']:.1f} "
                     f"| {r['process_seconds']:.1f} | {mb / r['seconds']:.2f} "
                     f"| {r['triples']:,} | {r['entities']:,} "
                     f"| {r['peak_rss_mb']:.0f} | {r.get('peak_tree_mb', 0):.0f} "
                     f"| {100 * r['stages'].get('validate', 0) / r['seconds']:.0f} % "
                     f"| {jieba:.1f} | {r['seconds'] / jieba:.2f}× |")
    repeated = [r for r in rows if len(r.get("repeats", ())) > 1]
    if repeated:
        lines += [""] + [f"The {r['bytes'] / 1e6:.1f} MB build, {len(r['repeats'])} runs: "
                         + ", ".join(f"{t:.1f}" for t in r["repeats"]) + " s." for r in repeated]
    lines += ["", "Where the time goes (seconds, share of the build; per-page stages summed over "
              "pages and processes, so with several jobs they can add up to more than the build; "
              "validate is what validation adds to the build, validate-sparql the time of its "
              "SPARQL constraints in a thread beside serialise, exports and views):",
              "", "| stage | " + " | ".join(
                  f"{r['bytes'] / 1e6:.0f} MB" + (" in one file" if r is report.get("big") else "")
                  for r in rows) + " |",
              "|---|" + "---|" * len(rows)]
    stages = list(STAGES) + [s for s in ("exports", "views", "validate", "validate-sparql")
                             if any(s in r["stages"] for r in rows)]
    stages += sorted({s for r in rows for s in r["stages"]} - set(stages))
    for stage in stages:
        cells = [f"{r['stages'].get(stage, 0):.1f} ({100 * r['stages'].get(stage, 0) / r['seconds']:.0f} %)"
                 for r in rows]
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    lines += ["", *_extras_table(report["extras"]), "", *_turtle_line(report["turtle"]), "",
              *_profile_table(report["profile"])]
    return "\n".join(lines)


def _extras_table(x: dict) -> list[str]:
    j1, j2 = x["jobs1"]["seconds"], x["jobs2"]["seconds"]
    rows = ["Engines and the cache:", "",
            "| run | build s | peak RSS MB | note |", "|---|---|---|---|",
            f"| --jobs 1 on {x['mb']:g} MB | {j1:.1f} | {x['jobs1']['peak_rss_mb']:.0f} | |",
            f"| --jobs 2 on {x['mb']:g} MB | {j2:.1f} | {x['jobs2']['peak_rss_mb']:.0f} | speed-up {j1 / j2:.2f}×; "
            f"output {'byte-identical' if x['jobs_identical'] else 'DIFFERENT'} |",
            f"| rebuild of {x['mb']:g} MB after one page changed "
            f"| {x['cache_one_changed']['seconds']:.1f} "
            f"| {x['cache_one_changed']['peak_rss_mb']:.0f} | "
            f"{x['cache_one_changed']['cached']:,} of {x['cache_one_changed']['pages']:,} pages from "
            f"the cache; {j1 / x['cache_one_changed']['seconds']:.1f}× faster than a clean build |",
            f"| --jobs 1 on {x['dask_mb']:g} MB | {x['dask1']['seconds']:.1f} "
            f"| {x['dask1']['peak_rss_mb']:.0f} | |",
            f"| --engine dask on {x['dask_mb']:g} MB, LocalCluster of 2 workers "
            f"| {x['dask']['seconds']:.1f} | {x['dask']['peak_rss_mb']:.0f} "
            f"| {x['dask1']['seconds'] / x['dask']['seconds']:.2f}× --jobs 1 (cluster start "
            f"included); output {'byte-identical' if x['dask_identical'] else 'DIFFERENT'} |"]
    cache = x["cache_one_changed"]["stages"]
    rows.append("")
    rows.append("Rebuild after one page changed, by stage: " + ", ".join(
        f"{s} {cache[s]:.1f} s" for s in cache if cache[s] >= 0.05) + ".")
    return rows


def _turtle_line(t: dict) -> list[str]:
    return [f"Turtle writer (kg.rdf.turtle.write_turtle) on {t['triples']:,} synthetic triples: "
            f"{t['seconds']:.1f} s, {t['mb']:.0f} MB of Turtle, peak RSS {t['peak_rss_mb']:.0f} MB "
            "(including the rdflib terms given to it)."]


def _profile_table(p: dict) -> list[str]:
    rows = [f"Hot spots of the per-page step (cProfile on a {p['bytes'] / 1e6:.1f} MB sample after a "
            f"warm-up page, {p['seconds']:.1f} s under the profiler). By own time, then the "
            "project's functions by time with callees:", "",
            "| function | calls | own s | with callees s |", "|---|---|---|---|"]
    for r in p["top"]:
        rows.append(f"| `{r['where']}` | {r['calls']:,} | {r['own']:.2f} | {r['total']:.2f} |")
    rows += ["", "| kg function | calls | own s | with callees s |", "|---|---|---|---|"]
    for r in p.get("ours", []):
        rows.append(f"| `{r['where']}` | {r['calls']:,} | {r['own']:.2f} | {r['total']:.2f} |")
    return rows


def _versions(report: dict) -> set[str]:
    runs = [*report["segments"], report["turtle"], report["profile"], *report["sizes"].values(),
            *([report["big"]] if report.get("big") else []),
            *(v for v in report["extras"].values() if isinstance(v, dict))]  # dicts: runs
    return {r["pipeline"] for r in runs}


def _machine() -> str:
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}")


def _say(text: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def _ner() -> str | None:
    """The entity-recogniser benchmark's output, when its module exists (bench/ner.py)."""
    if not (Path(__file__).parent / "ner.py").exists():
        return None
    _say("NER benchmark (bench/ner.py)")
    done = subprocess.run([sys.executable, "-m", "bench.ner"], text=True, capture_output=True,
                          env=ENV, cwd=RUN["cwd"])
    if done.returncode != 0:
        return f"bench.ner failed: {done.stderr.strip().splitlines()[-1:]}"
    return done.stdout.rstrip()


def _views(out: Path) -> str | None:
    """The explorer's size against graph.ttl, first draw and expand times on one build's views
    (bench/views_bench.py, in chromium), when chromium is there."""
    if not (out / "views").is_dir() or not Path("/usr/bin/chromium").exists():
        return None
    _say(f"the explorer in chromium ({out.name})")
    done = subprocess.run([sys.executable, "-m", "bench.views_bench", "--out", str(out)],
                          text=True, capture_output=True, env=ENV, cwd=RUN["cwd"])
    if done.returncode != 0:
        return f"bench.views_bench failed: {done.stderr.strip().splitlines()[-1:]}"
    return done.stdout.rstrip()


def _queries(out: Path, runs: int, largest: Path | None = None) -> str | None:
    """The research queries' latency through ``kg query`` and ``kg serve`` (bench/query_bench.py,
    issue 12), then ``kg serve`` under 20 clients at once (bench/serve_bench.py, issue 14), on
    one build's graph; the query latencies again on the ``largest`` build's graph. Each in its
    own process, like every other measurement here."""
    if not (out / "graph.ttl").is_file():
        return None
    started, tables = time.perf_counter(), []
    jobs = [("bench.query_bench", out, ["--runs", str(runs)]), ("bench.serve_bench", out, [])]
    if largest is not None and largest != out and (largest / "graph.ttl").is_file():
        jobs.append(("bench.query_bench", largest, ["--runs", str(runs)]))
    for module, build_out, options in jobs:
        _say(f"{module} on {build_out.name}")
        done = subprocess.run([sys.executable, "-m", module, "--graph", str(build_out / "graph.ttl"),
                               *options], text=True, capture_output=True, env=ENV, cwd=RUN["cwd"])
        if done.returncode != 0:
            tables.append(f"{module} failed: {done.stderr.strip().splitlines()[-1:]}")
        else:
            tables.append(done.stdout.rstrip())
    tables.append(f"(the query and load measurements took {time.perf_counter() - started:.0f} s)")
    return "\n\n".join(tables)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=lambda s: [float(x) for x in s.split(",")],
                        default=[1.0, 10.0, 50.0], help="corpus sizes in MB (default 1,10,50)")
    parser.add_argument("--extras-mb", type=float, default=1.0,
                        help="corpus for the --jobs and cache runs (default 1: keeps make bench within ten minutes)")
    parser.add_argument("--dask-mb", type=float, default=1.0,
                        help="corpus for the Dask run (default 1)")
    parser.add_argument("--big-mb", type=float, default=0.0,
                        help="size of a single-file build, without views and validation (e.g. "
                             "100: about five more minutes, past make bench's ten; default 0, "
                             "left out)")
    parser.add_argument("--jieba-sample-mb", type=float, default=2.0)
    parser.add_argument("--turtle-triples", type=int, default=1_000_000)
    parser.add_argument("--profile-mb", type=float, default=0.3)
    parser.add_argument("--quick", action="store_true", help="a smoke run: small sizes")
    parser.add_argument("--no-ner", action="store_true", help="skip bench/ner.py")
    parser.add_argument("--query-runs", type=int, default=QUERY_RUNS,
                        help=f"timed runs of each research query per path (default {QUERY_RUNS})")
    parser.add_argument("--large-queries", action="store_true",
                        help="time the research queries on the largest corpus's graph too (about "
                             "two and a half more minutes at 50 MB, past make bench's ten)")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.extras_mb, args.dask_mb, args.turtle_triples = [0.2, 1.0], 1.0, 0.2, 100_000
        args.big_mb = 2.0
        args.jieba_sample_mb, args.profile_mb = 0.5, 0.2
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as scratch:
        snapshot(Path(scratch))
        report = run(args, Path(scratch))
        ner = None if args.no_ner else _ner()
        graph_build = Path(scratch) / f"out-{10.0 if 10.0 in args.sizes else max(args.sizes):g}"
        views = _views(graph_build)
        queries = _queries(graph_build, args.query_runs,
                           Path(scratch) / f"out-{max(args.sizes):g}" if args.large_queries else None)
    report["bench_seconds"] = time.perf_counter() - started
    versions = _versions(report)
    if len(versions) > 1:
        _say(f"WARNING: the kg code changed during the bench ({len(versions)} pipeline versions); "
             "comparisons between runs are not valid, run it again")
    CORPORA.mkdir(parents=True, exist_ok=True)
    (CORPORA / "results.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(tables(report))
    if ner:
        print(f"\n{ner}")
    if views:
        print(f"\n{views}")
    if queries:
        print(f"\n{queries}")
    print(f"\n(`python -m bench{' --quick' if args.quick else ''}` took "
          f"{time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
