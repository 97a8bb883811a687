"""``kg build``: pages in, graph out."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import cli
from kg.engines import ENGINES, EngineError, usable_cpus
from kg.prefixes import DEFAULT_BASE

PROGRESS_MIN_PAGES = 20
STAGE_LABELS = {"resolve": "resolving entities across pages", "graph": "writing graph.ttl",
                "exports": "writing exports", "views": "writing the views",
                "validate": "validating against the shapes"}
PROBLEMS_SHOWN = 10  # the rest: kg validate


class JobsType(click.ParamType):
    """A count of processes, or ``auto``: one per CPU this process may use."""

    name = "N|auto"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        if str(value).strip().lower() == "auto":
            return usable_cpus()
        try:
            jobs = int(value)
        except ValueError:
            self.fail(f"{value!r} is not a number of processes; use e.g. 2, or auto", param, ctx)
        if jobs < 1:
            self.fail(f"{jobs} is not at least 1; use e.g. 2, or auto", param, ctx)
        return jobs


@cli.command("build")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
              default=Path("output"), show_default=True,
              help="Folder for graph.ttl, the exports and the views. Written as one unit: a "
                   "build replaces it whole when done (keeping .cache and files not its own), "
                   "or leaves it as it was.")
@click.option("--jobs", "-j", type=JobsType(), default="auto", show_default=True,
              help="Processes for the per-page work, or auto: one per usable CPU (small inputs "
                   "run in this process all the same). With --engine dask: local Dask workers.")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="Run the per-page work in local processes or on Dask (pip install "
                   "'dangjian-kg[dask]').")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler to use, e.g. tcp://10.0.0.5:8786 (default: start a local "
                   "cluster). Needs --engine dask.")
@click.option("--no-cache", "no_cache", is_flag=True,
              help="Recompute every page instead of reusing OUT/.cache from earlier builds.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out relations below this confidence (0.8 gives a high-precision graph).")
@click.option("--base", default=DEFAULT_BASE, show_default=True,
              help="Namespace for instance IRIs (djr:).")
@click.option("--format", "formats", default="ttl", show_default=True, metavar="LIST",
              help="Comma-separated outputs: ttl (always written), nt, jsonld, graphml "
                   "(the entity network, for Gephi).")
@click.option("--no-views", is_flag=True, help="Do not write the HTML views (OUT/views/).")
@click.option("--no-validate", is_flag=True,
              help="Do not check the graph against the SHACL shapes (slow on very large graphs).")
@click.option("--curation", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Curation file to apply (default: curation.csv beside the inputs, if any; "
                   "docs/time-and-curation.md).")
def build_command(inputs, out, jobs, engine, scheduler, no_cache, min_confidence, base, formats,
                  no_views, no_validate, curation):
    """Build the graph from INPUTS: .txt pages and folders of them (default: seeds/).

    Each page is read (UTF-8 with or without BOM, or GB18030/GBK), normalised, split into
    articles, and searched for organisations, people, places and initiatives; the result is
    written to OUT/graph.ttl. Per-page results are cached in OUT/.cache, so a rebuild redoes
    only the pages that changed (and the cross-page step).

    \b
    Example:
      kg build seeds/ --out output/
      kg build 青城日报/2023-06-30.txt --min-confidence 0.8
      kg build 青城日报/ --engine dask --scheduler tcp://10.0.0.5:8786
      kg build seeds/ --format ttl,nt,jsonld,graphml
    """
    # here, not at the top: `kg --help` lists this command without the pipeline's imports
    from kg.export import parse_formats
    from kg.pipeline import BuildOptions, build

    inputs = inputs or (Path("seeds"),)
    options = BuildOptions(out=out, jobs=jobs, base=base, min_confidence=min_confidence,
                           cache=not no_cache, engine=engine, scheduler=scheduler,
                           formats=tuple(parse_formats(formats)), views=not no_views,
                           validate=not no_validate, curation=curation)
    if scheduler and engine != "dask":
        raise EngineError("--scheduler needs --engine dask")
    bar = None
    terminal = sys.stderr.isatty()  # progress only for a person watching, never in logs

    def on_pages(count: int) -> None:
        nonlocal bar
        if count >= PROGRESS_MIN_PAGES and terminal:
            bar = click.progressbar(length=count, label="pages", file=sys.stderr)
            bar.__enter__()

    def on_stage(name: str) -> None:
        nonlocal bar
        if bar is not None:  # the pages are done
            bar.__exit__(None, None, None)
            bar = None
        if terminal:  # one status line, rewritten in place
            sys.stderr.write(f"\r\x1b[K{STAGE_LABELS.get(name, name)}…")
            sys.stderr.flush()

    try:
        summary = build(inputs, options, progress=lambda n: bar and bar.update(n),
                        on_pages=on_pages, on_stage=on_stage)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
        if terminal:
            sys.stderr.write("\r\x1b[K")
    for warning in summary.warnings:
        click.echo(f"Warning: {warning}", err=True)
    for path in summary.skipped:
        click.echo(f"Warning: {path}: empty file, skipped", err=True)
    for problem in (summary.problems or [])[:PROBLEMS_SHOWN]:
        click.echo(f"Warning: {problem.line()}", err=True)
    if len(summary.problems or []) > PROBLEMS_SHOWN:
        click.echo(f"Warning: … and {len(summary.problems) - PROBLEMS_SHOWN} more: "
                   f"kg validate {out / 'graph.ttl'} lists them all", err=True)
    click.echo(f"Built {summary.line()}: {', '.join(str(p) for p in summary.outputs)}", err=True)
