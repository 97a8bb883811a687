"""Query latency: p50 and p95 of each research query, through ``kg query`` and ``kg serve``.

``kg query`` is timed as a user meets it: a fresh process each run (Python start, imports,
opening the graph's store, the query, printing), ``--format csv`` so terminal width plays no
part. ``kg serve`` is timed per HTTP request on a running endpoint (one worker, so every answer
comes from the same warm store). The first run of each query is a warm-up and not counted; it
also writes the graph's store (``OUT/.store``) if a build left none.

    python -m bench.query_bench                      # the 10 MB bench corpus's graph
    python -m bench.query_bench --graph output/graph.ttl --runs 5
"""
from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from bench.corpus import CORPORA, make_corpus
from kg.query import library


def percentile(samples: list[float], share: float) -> float:
    """The ``share`` quantile (0.5, 0.95) by the nearest-rank method: one of the samples."""
    ordered = sorted(samples)
    rank = max(1, -(-len(ordered) * share // 1))  # ceil, at least the first
    return ordered[int(rank) - 1]


def bench_graph(megabytes: float) -> Path:
    """The graph of the ``megabytes`` bench corpus, built (without views or validation) once."""
    corpus = make_corpus(megabytes)
    out = CORPORA / f"{megabytes:g}mb-graph"
    graph = out / "graph.ttl"
    stamp = out / ".corpus-stamp"
    wanted = (corpus / ".stamp").read_text()
    if not graph.is_file() or not stamp.is_file() or stamp.read_text() != wanted:
        subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out),
                        "--no-views", "--no-validate", "--no-cache"], check=True)
        stamp.write_text(wanted)
    return graph


def graph_name(graph: Path) -> str:
    """``out-10/graph.ttl (40.2 MB)``: enough to tell the bench graphs apart in a title (the
    bench's own builds live in a temporary folder, whose full path says nothing)."""
    return f"`{graph.parent.name}/{graph.name}` ({graph.stat().st_size / 1e6:.1f} MB)"


def time_cli(name: str, graph: Path, runs: int) -> list[float]:
    command = [sys.executable, "-m", "kg", "query", name, "--graph", str(graph), "--format", "csv"]
    seconds = []
    for run in range(runs + 1):
        started = time.perf_counter()
        # stderr kept apart: a shipped query's note (evidence unbound) is not the bench's output
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if done.returncode != 0:
            raise SystemExit(f"kg query {name} failed: {done.stderr.decode(errors='replace')}")
        if run:  # the first run is the warm-up
            seconds.append(time.perf_counter() - started)
    return seconds


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Endpoint:
    """``kg serve`` on a free port, for as long as the ``with`` block lasts."""

    def __init__(self, graph: Path, timeout: float = 60.0, workers: int = 1):
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--graph", str(graph), "--host", "127.0.0.1",
             "--port", str(self.port), "--workers", str(workers), "--timeout", str(timeout)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def __enter__(self) -> Endpoint:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            try:
                self.ask("ASK {}")
                return self
            except (urllib.error.URLError, ConnectionError):
                if self.process.poll() is not None:
                    raise SystemExit("kg serve stopped before it answered") from None
                time.sleep(0.5)
        raise SystemExit("kg serve did not answer within 10 minutes")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)

    def ask(self, query: str) -> bytes:
        body = urllib.parse.urlencode({"query": query}).encode("utf-8")
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/sparql", data=body,
                                         headers={"Accept": "text/csv"})
        with urllib.request.urlopen(request, timeout=120) as answer:
            return answer.read()


def time_serve(endpoint: Endpoint, text: str, runs: int) -> list[float]:
    seconds = []
    for run in range(runs + 1):
        started = time.perf_counter()
        endpoint.ask(text)
        if run:
            seconds.append(time.perf_counter() - started)
    return seconds


def measure(graph: Path, runs: int) -> list[dict]:
    """One row per research query: its timings in seconds through ``kg query`` and ``kg serve``."""
    queries = library()
    rows = []
    for name in queries:
        cli = time_cli(name, graph, runs)
        rows.append({"query": name, "cli": cli})
    with Endpoint(graph) as endpoint:
        for row in rows:
            text = queries[row["query"]].read_text(encoding="utf-8")
            row["serve"] = time_serve(endpoint, text, runs)
    return rows


def markdown(rows: list[dict], title: str) -> str:
    def ms(samples: list[float], share: float) -> str:
        return f"{percentile(samples, share) * 1000:,.0f}"

    lines = [f"**{title}**", "",
             "| query | `kg query` p50 ms | p95 ms | `kg serve` p50 ms | p95 ms |",
             "|---|---:|---:|---:|---:|"]
    for row in rows:
        lines.append(f"| {row['query']} | {ms(row['cli'], 0.5)} | {ms(row['cli'], 0.95)} | "
                     f"{ms(row['serve'], 0.5)} | {ms(row['serve'], 0.95)} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--graph", type=Path, help="graph to query (default: the bench corpus's)")
    parser.add_argument("--size", type=float, default=10, help="bench corpus size in MB")
    parser.add_argument("--runs", type=int, default=9, help="timed runs per query and path")
    args = parser.parse_args(argv)
    graph = args.graph or bench_graph(args.size)
    rows = measure(graph, args.runs)
    title = (f"Research queries on {graph_name(graph)}: {args.runs} timed runs of each query per "
             "path, after one warm-up (nearest-rank percentiles: under 20 runs p95 is the slowest "
             "run)")
    print(markdown(rows, title))


if __name__ == "__main__":
    main()
