"""The explorer: one offline page to find, expand, trace and export every entity of a built graph.

``write_views(graph_path, out_dir)`` (or ``write_store_views(store, out_dir)``, for the graph in
memory, as ``kg build`` has it) writes ``index.html``, its scripts in ``lib/`` (vis-network
once, for every view) and the graph as static data scripts in ``data/`` that the page loads on
demand (see kg/views/explorer.py). It works from ``file://`` with no server and no network,
escapes all text from the graph, and is byte-identical for the same graph.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.io import write_text_atomic
from kg.rdf.load import load_store
from kg.views.explorer import explorer_files
from kg.views.graphdata import GraphData, graph_data

__all__ = ["ViewError", "write_views", "write_store_views", "render_pages"]

# Files of earlier versions of the views, removed so a rebuilt folder holds only the explorer.
_OLD_PAGES = ("network.html", "focus/*.html")


class ViewError(KgError):
    """The views cannot be written where asked (not a folder, no permission, disk full)."""


def write_views(graph_path, out_dir) -> list[Path]:
    """Write the explorer of the graph file at ``graph_path`` into ``out_dir``; return the files
    written (``GraphError`` when the graph cannot be read)."""
    return write_store_views(load_store(Path(graph_path)), out_dir)


def write_store_views(store: ox.Store, out_dir) -> list[Path]:
    """Write the explorer of the graph in ``store`` into ``out_dir``; return the files written.

    Every file is rendered before any is written, and each is written atomically; data files of
    an earlier graph that this one no longer has are removed.
    """
    files = render_pages(graph_data(store))
    out = Path(out_dir)
    written = [out / name for name in files]
    try:
        for path, text in zip(written, files.values()):
            write_text_atomic(path, text)
        _remove_stale(out, set(written))
    except OSError as error:
        raise ViewError(f"{out}: cannot write the views: {error.strerror or error}") from None
    return written


def render_pages(data: GraphData) -> dict[str, str]:
    """File name (relative to the views folder) → text, ``index.html`` first."""
    return explorer_files(data)


def _remove_stale(out: Path, keep: set[Path]) -> None:
    stale = [p for pattern in ("data/*/*.js", "data/*.js", *_OLD_PAGES) for p in out.glob(pattern)]
    for path in sorted(stale):
        if path not in keep:
            path.unlink()
    focus = out / "focus"
    if focus.is_dir() and not any(focus.iterdir()):
        focus.rmdir()
