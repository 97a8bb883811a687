"""``kg view``: the interactive HTML views of a built graph."""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli import cli
from kg.views import write_views

GRAPH = Path("output") / "graph.ttl"
OUT = Path("output") / "views"


@cli.command("view")
@click.option("--graph", "graph", type=click.Path(dir_okay=False, path_type=Path), default=GRAPH,
              show_default=True, help="The graph file to draw.")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=OUT,
              show_default=True, help="Folder for index.html, network.html and focus/.")
def view_command(graph: Path, out: Path) -> None:
    """Write interactive network views of the graph that open offline in any browser.

    OUT/index.html says what the graph holds and links to the rest; OUT/network.html draws the
    whole network (the 2,000 most connected entities at most); OUT/focus/ has one page per
    well-connected organisation, initiative and place. Search a name (e.g. 梅林街道), filter by
    class and relation, and click a node or a line to read the sentence that supports it.
    `kg build` writes the same views into OUT/views/.

    \b
    Example:
      kg view --graph output/graph.ttl --out output/views/
    """
    written = write_views(graph, out)
    click.echo(f"Wrote {len(written)} pages: open {out / 'index.html'}", err=True)
