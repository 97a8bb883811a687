"""Interactive HTML views of a built graph, for people who do not read Turtle.

``write_views(graph_path, out_dir)`` writes ``index.html`` (what the graph holds, with links),
``network.html`` (the whole network, up to a node budget) and ``focus/<entity>.html`` (one page per
well-connected organisation, initiative and place: its neighbourhood to depth 2). Every page is
self-contained (vis-network inlined, no request leaves it), escapes all text from the graph, and
is byte-identical for the same graph.
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import KgError
from kg.io import write_text_atomic
from kg.views.graphdata import GraphData, read_graph
from kg.views.layout import layout
from kg.views.pages import Plan, render_index, render_view
from kg.views.select import entity_graph, focus_views, network_view

__all__ = ["ViewError", "write_views", "plan_views", "render_pages"]


class ViewError(KgError):
    """The views cannot be written where asked (not a folder, no permission, disk full)."""


def write_views(graph_path, out_dir) -> list[Path]:
    """Write every view of the graph at ``graph_path`` into ``out_dir``; return the files written.

    All pages are rendered before any is written, and each is written atomically; focused pages
    of entities that are no longer in the graph are removed.
    """
    pages = render_pages(read_graph(Path(graph_path)))
    out = Path(out_dir)
    written = [out / name for name in pages]
    try:
        for path, html in zip(written, pages.values()):
            write_text_atomic(path, html)
        _remove_stale(out / "focus", set(written))
    except OSError as error:
        raise ViewError(f"{out}: cannot write the views: {error.strerror or error}") from None
    return written


def render_pages(data: GraphData) -> dict[str, str]:
    """File name (relative to the views folder) → HTML, index and network first."""
    plan = plan_views(data)
    pages = {"index.html": render_index(data, plan),
             plan.network.path: render_view(plan.network, data, plan)}
    for view in plan.focus:
        pages[view.path] = render_view(view, data, plan)
    return pages


def plan_views(data: GraphData) -> Plan:
    graph = entity_graph(data)
    network = network_view(data, graph)
    focus = tuple(focus_views(data, graph))
    order = {iri: i for i, iri in enumerate(sorted(data.nodes))}
    positions = {v.path: layout(graph.subgraph(v.nodes), order) for v in (network, *focus)}
    return Plan(network=network, focus=focus, degree=dict(graph.degree), positions=positions)


def _remove_stale(folder: Path, keep: set[Path]) -> None:
    if folder.is_dir():
        for path in sorted(folder.glob("*.html")):
            if path not in keep:
                path.unlink()
