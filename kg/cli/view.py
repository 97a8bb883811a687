"""``kg view``: the interactive HTML views of a built graph."""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli import cli

GRAPH = Path("output") / "graph.ttl"
OUT = Path("output") / "views"


@cli.command("view")
@click.option("--graph", "graph", type=click.Path(dir_okay=False, path_type=Path), default=GRAPH,
              show_default=True, help="The graph file to draw.")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=OUT,
              show_default=True, help="Folder for index.html and its lib/ and data/.")
def view_command(graph: Path, out: Path) -> None:
    """Write interactive network views of the graph that open offline in any browser.

    OUT/index.html is the explorer: search every entity (name, alias, pinyin initials), expand
    its neighbours, trace the shortest path between two, filter by class, relation and
    confidence, and click a node or a line to read the sentence that supports it. Its data are
    in OUT/data/, its scripts in OUT/lib/.
    `kg build` writes the same views into OUT/views/.

    \b
    Example:
      kg view --graph output/graph.ttl --out output/views/
    """
    from kg.views import write_views  # here: `kg --help` need not import the views

    written = write_views(graph, out)
    click.echo(f"Wrote {len(written)} files: open {out / 'index.html'}", err=True)
