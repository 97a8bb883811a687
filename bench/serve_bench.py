"""``kg serve`` under load: many clients at once asking a small query (issue 14).

20 client threads each send 10 requests, one after another, to one ``kg serve`` on 127.0.0.1
(its default two workers). Reported: connection errors (refused, reset, timed out: must be 0,
the server queues rather than drops), answers other than 200, and p50/p95 of the request
latency, waiting for a free worker included. Every request has a time limit, so the run is
bounded and stops by itself.

    python -m bench.serve_bench --graph output/graph.ttl
"""
from __future__ import annotations

import argparse
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.query_bench import Endpoint, graph_name, percentile

SMALL_QUERY = "ASK { ?p a dj:Person }"


def client(port: int, requests: int, query: str) -> tuple[list[float], int, int]:
    """One client's requests in turn: its latencies (answered ones), connection errors, non-200s."""
    body = urllib.parse.urlencode({"query": query}).encode("utf-8")
    seconds, errors, refused = [], 0, 0
    for _ in range(requests):
        request = urllib.request.Request(f"http://127.0.0.1:{port}/sparql", data=body,
                                         headers={"Accept": "text/csv"})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                answer.read()
            seconds.append(time.perf_counter() - started)
        except urllib.error.HTTPError:  # an answer, but not 200 (e.g. 503 over the time limit)
            refused += 1
        except OSError:  # URLError, refused, reset, timed out: the connection failed
            errors += 1
    return seconds, errors, refused


def load(endpoint: Endpoint, clients: int = 20, requests: int = 10,
         query: str = SMALL_QUERY) -> dict:
    """All clients at once against ``endpoint``; totals and every answered request's latency."""
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(lambda _: client(endpoint.port, requests, query), range(clients)))
    return {"clients": clients, "requests": requests, "query": query,
            "seconds": [s for one in results for s in one[0]],
            "errors": sum(one[1] for one in results), "not_ok": sum(one[2] for one in results),
            "wall": time.perf_counter() - started}


def markdown(result: dict, title: str) -> str:
    seconds = result["seconds"]
    p50 = f"{percentile(seconds, 0.5) * 1000:,.0f}" if seconds else "–"
    p95 = f"{percentile(seconds, 0.95) * 1000:,.0f}" if seconds else "–"
    total = result["clients"] * result["requests"]
    return "\n".join([
        f"**{title}**", "",
        "| clients × requests | answered 200 | connection errors | other status | p50 ms | p95 ms "
        "| wall s |",
        "|---|---:|---:|---:|---:|---:|---:|",
        f"| {result['clients']} × {result['requests']} = {total} | {len(seconds)} "
        f"| {result['errors']} | {result['not_ok']} | {p50} | {p95} | {result['wall']:.1f} |",
    ]) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--graph", type=Path, required=True, help="graph to serve")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=10, help="requests per client")
    args = parser.parse_args(argv)
    with Endpoint(args.graph, workers=2) as endpoint:
        endpoint.ask(SMALL_QUERY)  # warm-up: the workers have the store open before timing
        result = load(endpoint, args.clients, args.requests)
    title = (f"`kg serve` under load on {graph_name(args.graph)}: {args.clients} client threads × "
             f"{args.requests} requests of `{SMALL_QUERY}`, 2 workers, 127.0.0.1")
    print(markdown(result, title))


if __name__ == "__main__":
    main()
