"""``kg stats``: a short description of a built graph."""
from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli import cli
from kg.stats import compute_stats, render_stats, stats_json

GRAPH = Path("output") / "graph.ttl"


@cli.command("stats")
@click.option("--graph", "graph", type=click.Path(dir_okay=False, path_type=Path), default=GRAPH,
              show_default=True, help="The graph file to describe.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="table for reading, json for scripts.")
def stats_command(graph: Path, fmt: str) -> None:
    """Count what the graph holds.

    Entities by class, relations by predicate with their provenance coverage and mean
    confidence, memberships, and articles per page.

    \b
    Example:
      kg stats --graph output/graph.ttl
    """
    sections = compute_stats(graph)
    if fmt == "json":
        click.echo(json.dumps(stats_json(sections), ensure_ascii=False, indent=1))
    else:
        click.echo(render_stats(sections), nl=False)
