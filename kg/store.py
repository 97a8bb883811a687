"""An on-disk Oxigraph store of a built graph, kept beside it, so a query never re-parses the graph.

The store of ``OUT/graph.ttl`` lives in ``OUT/.store/graph.ttl.oxigraph/`` (``db/`` and a ``stamp.json``
naming the graph's size, modification time and SHA-256). The first ``kg query`` on a graph
writes it (5 s for the 10 MB bench graph's 483 k triples); later ones open it read-only in
milliseconds instead of parsing the Turtle again (2-4 s). A store whose stamp no
longer matches its graph is rebuilt on first use, so a changed graph is never answered from
stale data, while a rebuild that wrote the same bytes keeps its store (the hash decides).
``kg build`` leaves the folder alone: it is not part of the build's output (and not committed).
Where the graph's folder is read-only the graph is loaded into memory, as before.

Opening a current store needs only pyoxigraph: ``kg.rdf.load`` (and with it rdflib, 60 ms of
imports, a third of a ``kg query``'s start) is imported only to write a store or load the graph.
``kg serve`` holds the graph in memory instead: a query there is 3-5 times faster than on disk,
where every pattern looked up is a RocksDB seek and every string a read.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pyoxigraph as ox

from kg.errors import GraphError

STORE_FOLDER = ".store"


def store_folder(graph_path) -> Path:
    """Where the store of ``graph_path`` lives: ``<its folder>/.store/<its file name>.oxigraph/``.
    The suffix matters: tools that collect ``*.ttl`` under an output folder (scorers, loaders)
    must not take the store's folder for a Turtle file."""
    path = Path(graph_path)
    return path.parent / STORE_FOLDER / f"{path.name}.oxigraph"


def graph_store(graph_path) -> ox.Store:
    """A store holding the graph at ``graph_path``: the on-disk one, written first when it is
    missing or stale; the graph loaded into memory when no store can be written beside it."""
    path = Path(graph_path)
    folder = store_folder(path)
    try:
        if is_current(folder, path):
            return ox.Store.read_only(str(folder / "db"))
        return write_store(path)
    except OSError:  # a read-only folder, a full disk, a store being replaced right now
        from kg.rdf.load import load_store  # also the one clear error for a missing graph

        return load_store(path)


def write_store(graph_path) -> ox.Store:
    """Write the store of ``graph_path`` and return it opened read-only.

    It is built in a private folder and moved into place, so a reader never opens a half-written
    store; when another process has meanwhile put a current store there, that one is kept.
    """
    import shutil  # with its compression modules, only for writing: not on every query's way

    from kg.rdf.load import FORMATS, check_path

    path = check_path(graph_path)
    folder = store_folder(path)
    fresh = folder.parent / f".tmp-{path.name}-{os.getpid()}"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    try:
        store = ox.Store(str(fresh / "db"))
        try:
            store.bulk_load(path=str(path), format=FORMATS.get(path.suffix.lower(),
                                                                ox.RdfFormat.TURTLE))
        except SyntaxError as error:
            raise GraphError(f"{path}: {' '.join(str(error).split())}") from None
        store.flush()
        del store  # closes the database before it moves
        _write_stamp(fresh, path)
        if not is_current(folder, path):
            stale = folder.parent / f".stale-{path.name}-{os.getpid()}"
            if folder.exists():
                folder.rename(stale)
            try:
                fresh.rename(folder)
            except OSError:  # another process moved its store in first: use that one
                pass
            shutil.rmtree(stale, ignore_errors=True)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    return ox.Store.read_only(str(folder / "db"))


def is_current(folder: Path, graph_path: Path) -> bool:
    """Whether the store in ``folder`` holds the graph now at ``graph_path``.

    Size and modification time decide when they match; otherwise the content hash does (a
    rebuild writes the same bytes with a new time), and a match renews the stamp.
    """
    try:
        stamp = json.loads((folder / "stamp.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not (folder / "db").is_dir():
        return False
    info = graph_path.stat()
    if stamp.get("size") == info.st_size and stamp.get("mtime_ns") == info.st_mtime_ns:
        return True
    if stamp.get("size") != info.st_size or stamp.get("sha256") != _sha256(graph_path):
        return False
    try:
        _write_stamp(folder, graph_path)
    except OSError:
        pass
    return True


def _write_stamp(folder: Path, graph_path: Path) -> None:
    info = graph_path.stat()
    stamp = {"graph": graph_path.name, "size": info.st_size, "mtime_ns": info.st_mtime_ns,
             "sha256": _sha256(graph_path)}
    temporary = folder / f".stamp-{os.getpid()}"
    temporary.write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, folder / "stamp.json")


def _sha256(path: Path) -> str:
    import hashlib  # only when size or time changed: not on the way of every query

    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
