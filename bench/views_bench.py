"""``python -m bench.views_bench``: the explorer at scale, in Debian's chromium.

Builds the synthetic corpus of ``--mb`` MB (bench/corpus.py) with its views, or takes an existing
build (``--out``), then reports what issue 13 asks of the explorer: the size of ``views/`` against
``graph.ttl`` (budget: 1.5×), the time to the first drawing, and the time of each expand (open an
entity, add its neighbours, draw) for entities drawn at random. Prints Markdown; the timings are
measured, not asserted (tests/test_views_browser.py checks the behaviour).

    python -m bench.views_bench             # the 10 MB corpus
    python -m bench.views_bench --out output  # an existing build (OUT/graph.ttl, OUT/views/)
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BUDGET = 1.5  # views/ at most this many times graph.ttl


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def browse(views: Path, samples: int, seed: int = 13) -> dict:
    """First draw and expand times (ms) in chromium, from the page's own clock."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 860})
        page.goto((views / "index.html").as_uri())
        page.wait_for_selector("body[data-drawn=true]", timeout=60_000)
        # From navigation start to the end of the first frame the explorer drew.
        first = page.evaluate("performance.now()")
        count = page.evaluate("kg.degree.length")
        picked = random.Random(seed).sample(range(count), min(samples, count))
        expands = page.evaluate("""async picked => {
            const times = [];
            for (const v of picked) {
              const start = performance.now();
              kg.open(v, true);
              kg.expand(v);
              await new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
              times.push(performance.now() - start);
            }
            return times; }""", picked)
        search = page.evaluate("""() => { const start = performance.now();
            kg.search('社区'); return performance.now() - start; }""")
        browser.close()
    return {"first_draw_ms": first, "expand_ms": expands, "search_ms": search, "entities": count}


def report(out: Path, samples: int, write_seconds: float | None = None) -> str:
    graph, views = out / "graph.ttl", out / "views"
    size, turtle = folder_bytes(views), graph.stat().st_size
    files = sum(1 for p in views.rglob("*") if p.is_file())
    timing = browse(views, samples)
    expands = sorted(timing["expand_ms"])
    p95 = expands[min(len(expands) - 1, int(0.95 * len(expands)))]
    rows = [
        f"Explorer on {graph} ({timing['entities']:,} entities), chromium headless:", "",
        "| measure | value | target |", "|---|---|---|",
        f"| views/ size | {size / 1e6:.1f} MB in {files:,} files | |",
        f"| graph.ttl size | {turtle / 1e6:.1f} MB | |",
        f"| views / graph.ttl | {size / turtle:.2f}× | ≤ {BUDGET}× ({'met' if size <= BUDGET * turtle else 'MISSED'}) |",
        f"| first draw | {timing['first_draw_ms']:.0f} ms | ≤ 1000 ms |",
        f"| expand, median of {len(expands)} | {statistics.median(expands):.0f} ms | ≤ 300 ms |",
        f"| expand, 95th percentile / max | {p95:.0f} / {expands[-1]:.0f} ms | |",
        f"| search of every name (`社区`) | {timing['search_ms']:.0f} ms | |",
    ]
    if write_seconds is not None:
        rows.append(f"| kg build, views stage | {write_seconds:.1f} s | |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.views_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size to build (default 10)")
    parser.add_argument("--out", type=Path, help="an existing build folder instead")
    parser.add_argument("--samples", type=int, default=100, help="entities to expand (default 100)")
    args = parser.parse_args(argv)
    if args.out:
        print(report(args.out, args.samples))
        return
    from bench.corpus import make_corpus
    from kg.pipeline import BuildOptions, build

    corpus = make_corpus(args.mb)
    with tempfile.TemporaryDirectory(prefix="kg-views-bench-") as scratch:
        out = Path(scratch)
        summary = build([corpus], BuildOptions(out=out, validate=False))
        print(report(out, args.samples, summary.stage_seconds.get("views")))
    sys.stdout.flush()


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"\n({time.perf_counter() - started:.0f} s)", file=sys.stderr)
