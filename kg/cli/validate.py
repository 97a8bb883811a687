"""``kg validate``: check a built graph against the SHACL shapes."""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli import cli
from kg.errors import GraphError

GRAPH = Path("output") / "graph.ttl"


@cli.command("validate")
@click.option("--graph", "graph", type=click.Path(dir_okay=False, path_type=Path), default=GRAPH,
              show_default=True, help="The graph file to check.")
@click.option("--reference", is_flag=True,
              help="Check with pySHACL, the reference implementation, instead of kg's own "
                   "engine (same verdicts; minutes where kg's takes seconds).")
def validate_command(graph: Path, reference: bool) -> None:
    """Check the graph against the SHACL shapes.

    The shapes are ontology/shapes.ttl (shipped with the package).

    Prints one line per problem (focus node, property path, message) and exits with 1 when
    there is any; prints "ok" and exits with 0 when the graph conforms.

    \b
    Example:
      kg validate --graph output/graph.ttl
      djr:stmt-1c95f9facc  dj:confidence  needs exactly one dj:confidence, an xsd:decimal in [0, 1] (value: 1.5)
    """
    if graph.is_file() and graph.stat().st_size == 0:  # no triples would trivially "conform"
        raise GraphError(f"{graph}: empty file, not a graph (was its build interrupted?)")
    from kg.validate import validate_file  # here: `kg --help` need not import rdflib

    problems = validate_file(graph, engine="pyshacl" if reference else "fast")
    for problem in problems:
        click.echo(problem.line())
    if problems:
        click.echo(f"{graph}: {len(problems)} problem{'s' if len(problems) != 1 else ''}", err=True)
        click.get_current_context().exit(1)
    click.echo(f"{graph}: ok, conforms to the shapes", err=True)
