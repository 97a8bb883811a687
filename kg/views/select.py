"""Which entities each view shows: the whole network (up to a node budget) and focused views.

Budgets keep every page fast to open: with positions precomputed and physics off, Chromium drew
2,000 nodes in ~2.5 s and 10,000 in ~8.5 s on the project's 2-vCPU machine
(research/perf_anchors.md), so the whole-network view shows at most ``NETWORK_BUDGET`` nodes —
the most connected ones — and the focused views carry the rest.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

import networkx as nx

from kg.views.graphdata import Edge, GraphData

NETWORK_BUDGET = 2000  # nodes in network.html: ≤ 2.5 s to first draw, ≤ 40 ms per frame
FOCUS_KINDS = ("Organization", "Initiative", "Place")  # who gets a page of their own
FOCUS_MIN_DEGREE = 3  # distinct neighbours an entity needs for its own page ("enough links")
FOCUS_BUDGET = 300  # nodes in one focused view: a hub's depth-2 neighbourhood can be everything
FOCUS_LIMIT = 200  # focused pages at most (each inlines vis-network, ~0.5 MB), most connected first


@dataclass(frozen=True)
class View:
    """One network page: its file, its title, the entities and relations it draws."""

    path: str  # relative to the views folder, e.g. "network.html" or "focus/org-….html"
    title: str
    nodes: tuple[str, ...]  # entity IRIs, sorted
    edges: tuple[Edge, ...]  # relations between them, sorted
    centre: str = ""  # the entity a focused view is about
    note: str = ""  # what was left out, for the reader


def entity_graph(data: GraphData) -> nx.Graph:
    """All entities, linked where any relation joins them (undirected, one link per pair)."""
    graph = nx.Graph()
    graph.add_nodes_from(sorted(data.nodes))
    graph.add_edges_from((e.source, e.target) for e in data.edges if e.source != e.target)
    return graph


def rank(data: GraphData, graph: nx.Graph) -> list[str]:
    """Entities, most connected first; ties by label and IRI so the order is stable."""
    return sorted(data.nodes, key=lambda iri: (-graph.degree(iri), data.nodes[iri].label, iri))


def network_view(data: GraphData, graph: nx.Graph, budget: int = NETWORK_BUDGET) -> View:
    ranked = rank(data, graph)
    shown = set(ranked[:budget])
    note = ""
    if len(ranked) > budget:
        note = (f"图中共有 {len(ranked):,} 个实体，此处显示连接最多的 {budget:,} 个；"
                "其余实体请用搜索框或各实体的焦点视图查看。")
    return View(path="network.html", title="全网络", nodes=tuple(sorted(shown)),
                edges=_edges_within(data, shown), note=note)


def focus_views(data: GraphData, graph: nx.Graph, *, min_degree: int = FOCUS_MIN_DEGREE,
                budget: int = FOCUS_BUDGET, limit: int = FOCUS_LIMIT) -> list[View]:
    """One view per organisation, initiative and place with at least ``min_degree`` neighbours."""
    centres = [iri for iri in rank(data, graph)
               if data.nodes[iri].kind in FOCUS_KINDS and graph.degree(iri) >= min_degree][:limit]
    views = []
    paths = focus_paths(centres)
    for centre in centres:
        shown, complete = neighbourhood(graph, centre, budget)
        note = "" if complete else (f"二度关联实体较多，此处显示其中连接最多的 {len(shown):,} 个。")
        views.append(View(path=paths[centre], title=data.nodes[centre].label,
                          nodes=tuple(sorted(shown)), edges=_edges_within(data, shown),
                          centre=centre, note=note))
    return sorted(views, key=lambda v: v.path)


def neighbourhood(graph: nx.Graph, centre: str, budget: int, depth: int = 2) -> tuple[set[str], bool]:
    """The entities within ``depth`` links of ``centre``, nearest rings first and, within a ring,
    most connected first, up to ``budget``; and whether all of them fitted."""
    shown = {centre}
    ring = [centre]
    for _ in range(depth):
        nxt = sorted({n for r in ring for n in graph.neighbors(r)} - shown,
                     key=lambda n: (-graph.degree(n), n))
        room = budget - len(shown)
        shown.update(nxt[:room])
        if len(nxt) > room:
            return shown, False
        ring = nxt
    return shown, True


def focus_paths(iris: list[str]) -> dict[str, str]:
    """``focus/<the IRI's last segment>.html``: entity IRIs end in an ASCII slug plus a hash, so
    names rarely meet; when two do (IRIs from elsewhere), both get a hash of the full IRI."""
    locals_ = {iri: _file_stem(iri) for iri in iris}
    counts = Counter(locals_.values())
    return {iri: f"focus/{stem}.html" if counts[stem] == 1 else
            f"focus/{stem}-{hashlib.sha1(iri.encode('utf-8')).hexdigest()[:8]}.html"
            for iri, stem in locals_.items()}


def _file_stem(iri: str) -> str:
    local = iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return re.sub(r"[^A-Za-z0-9_-]+", "-", local).strip("-")[:100] or "entity"


def _edges_within(data: GraphData, shown: set[str]) -> tuple[Edge, ...]:
    return tuple(e for e in data.edges if e.source in shown and e.target in shown)
