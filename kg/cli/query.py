"""``kg query``: SPARQL over a built graph."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import cli
from kg.query import (FORMATS, graph_prefixes, parse_binding, query_text, render, render_bytes,
                      run_query, unbound_note)
from kg.store import graph_store

GRAPH = Path("output") / "graph.ttl"


@cli.command("query")
@click.argument("query_or_file")
@click.option("--graph", "graph", type=click.Path(dir_okay=False, path_type=Path), default=GRAPH,
              show_default=True, help="The graph file to query.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for reading; csv, tsv, json are the SPARQL 1.1 result formats.")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Set ?NAME before the query runs: a @zh string, or <iri> / dj:Term. Repeatable.")
@click.option("--max-width", type=click.IntRange(min=0), default=0, show_default=True,
              help="Clip table cells to this many columns (0: never clip).")
def query_command(query_or_file: str, graph: Path, fmt: str, binds: tuple[str, ...],
                  max_width: int) -> None:
    """Run a SPARQL 1.1 query on the graph.

    QUERY_OR_FILE is the query text, a .rq file, the name of a research query shipped
    with kg (e.g. secretary-projects) or of a .rq file in ./queries/, or - for standard input.

    The first query on a graph keeps an on-disk store of it in .store/ beside the graph
    file; later queries open that store instead of parsing the graph again (until the
    graph changes).

    The prefixes dj: djr: org: prov: skos: dcterms: schema: rdfs: rdf: foaf: owl: xsd: are
    predeclared. The graph is read-only: INSERT, DELETE and other updates are refused.

    \b
    Examples:
      kg query 'SELECT ?name WHERE { ?p a dj:Person ; rdfs:label ?name }'
      kg query secretary-projects --format csv
      kg query district-posts --bind district=青枫区
    """
    if query_or_file == "-":
        text, origin = sys.stdin.read(), "stdin"
    else:
        text, origin = query_text(query_or_file)
    prefixes = graph_prefixes(graph)
    bindings = dict(parse_binding(b, prefixes) for b in binds)
    store = graph_store(graph)
    results = run_query(store, text, prefixes, bindings=bindings, origin=origin)
    if fmt == "table":
        click.echo(render(results, fmt, prefixes, max_width=max_width), nl=False)
    else:  # pyoxigraph's own bytes, as they are
        click.echo(render_bytes(results, fmt), nl=False)
    note = unbound_note(text) if not binds and origin.endswith("(kg/queries)") else None
    if note:
        click.echo(f"Note: {note}", err=True)
