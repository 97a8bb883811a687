"""Node positions computed in Python, so the browser draws at once with physics off.

vis-network's own physics took ~43 s to first draw 500 nodes here (research/perf_anchors.md);
with positions shipped and physics off, 2,000 nodes draw in ~2.5 s. networkx's ``spring_layout``
needs SciPy from 500 nodes on and took 48 s for 2,000 nodes here, so this module runs the same
Fruchterman-Reingold force model vectorised with NumPy (2,000 nodes ≈ 2.4 s) on each connected
component, then packs the components in rows, largest first, and the entities without relations
in one square block. A fixed seed makes it deterministic.

A graph here is a plain adjacency mapping, not a networkx graph: importing networkx was 0.17–0.24 s
of the 0.21–0.31 s that importing kg.views took (0.04–0.05 s without it), paid by every build,
for the little graph work the views do (degrees, a subgraph, connected components).
"""
from __future__ import annotations

import math
from typing import Hashable, Iterable, Iterator

import numpy as np

SEED = 7
ITERATIONS = 50
SPACING = 110.0  # pixels between neighbours, roughly: room for a Chinese label
GAP = 160.0  # pixels between packed components
ASPECT = 1.6  # width : height the packed components aim at, like the view's canvas

Position = tuple[int, int]
Graph = dict[Hashable, set[Hashable]]  # node → its neighbours: undirected, so b in g[a] ⇔ a in g[b]


def layout(graph: Graph, order: dict[Hashable, int] | None = None) -> dict[Hashable, Position]:
    """Integer pixel positions of every node of ``graph``.

    ``order`` ranks nodes (smaller first) so that the result depends on the graph only, never on
    the order nodes were added; by default nodes are sorted by their own value.
    """
    rank = order or {n: i for i, n in enumerate(sorted(graph))}
    components = sorted((sorted(c, key=rank.__getitem__) for c in _connected_components(graph)),
                        key=lambda c: (-len(c), rank[c[0]]))
    placed = [_component(graph, nodes) for nodes in components if len(nodes) > 1]
    alone = [nodes[0] for nodes in components if len(nodes) == 1]
    if alone:
        placed.append(_grid(alone))
    return _pack(placed)


def _connected_components(graph: Graph) -> Iterator[set[Hashable]]:
    """The nodes of each connected component, found breadth first (in no particular order)."""
    seen: set[Hashable] = set()
    for start in graph:
        if start in seen:
            continue
        component, ring = {start}, {start}
        while ring:
            ring = {n for node in ring for n in graph[node]} - component
            component |= ring
        seen |= component
        yield component


def _grid(nodes: list) -> dict[Hashable, tuple[float, float]]:
    """Entities without any relation: a compact square block, not a row each."""
    columns = math.ceil(math.sqrt(len(nodes)))
    step = SPACING * 0.6
    return {n: ((i % columns) * step, (i // columns) * step) for i, n in enumerate(nodes)}


def _component(graph: Graph, nodes: list) -> dict[Hashable, tuple[float, float]]:
    """A spring layout of one connected component, in pixels, centred on (0, 0)."""
    index = {n: i for i, n in enumerate(nodes)}
    edges = sorted((index[a], index[b]) for a in nodes for b in graph[a] if index[a] < index[b])
    x, y = fruchterman_reingold(len(nodes), edges)
    k = 1.0 / math.sqrt(len(nodes))  # the model's ideal edge length
    scale = SPACING / k
    x, y = _lay_flat((x - x.mean()) * scale, (y - y.mean()) * scale)
    return {n: (float(x[i]), float(y[i])) for i, n in enumerate(nodes)}


def _lay_flat(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Turn a component so its long axis lies horizontal: screens are wider than tall."""
    xy = np.stack([x, y]).astype(np.float64)
    _, vectors = np.linalg.eigh(xy @ xy.T)
    axis = vectors[:, -1]  # the direction of largest spread
    if axis[0] < 0 or (axis[0] == 0 and axis[1] < 0):
        axis = -axis  # one of the two opposite directions, always the same one
    cos, sin = axis
    return cos * xy[0] + sin * xy[1], -sin * xy[0] + cos * xy[1]


def fruchterman_reingold(n: int, edges: Iterable[tuple[int, int]], iterations: int = ITERATIONS,
                         seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Fruchterman-Reingold in the unit square: all pairs repel (k²/d), edges attract (d²/k)."""
    rng = np.random.default_rng(seed)
    start = rng.random((n, 2))
    x, y = start[:, 0].astype(np.float32), start[:, 1].astype(np.float32)
    pairs = np.array(list(edges), dtype=np.intp).reshape(-1, 2)
    src, dst = pairs[:, 0], pairs[:, 1]
    k2 = np.float32(1.0 / n)
    k = np.sqrt(k2)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        weight = dx * dx + dy * dy
        np.maximum(weight, np.float32(1e-6), out=weight)
        np.divide(k2, weight, out=weight)  # repulsion k²/d, divided by d to scale the unit vector
        fx, fy = (dx * weight).sum(axis=1), (dy * weight).sum(axis=1)
        ex, ey = x[src] - x[dst], y[src] - y[dst]
        pull = np.sqrt(ex * ex + ey * ey) / k  # attraction d²/k, times the unit vector
        np.subtract.at(fx, src, ex * pull)
        np.add.at(fx, dst, ex * pull)
        np.subtract.at(fy, src, ey * pull)
        np.add.at(fy, dst, ey * pull)
        length = np.sqrt(fx * fx + fy * fy)
        np.maximum(length, np.float32(1e-9), out=length)
        step = np.minimum(length, np.float32(temperature)) / length
        x += fx * step
        y += fy * step
        temperature -= cooling
    return x, y


def _pack(placed: list[dict[Hashable, tuple[float, float]]]) -> dict[Hashable, Position]:
    """Shelf packing: components left to right, largest first, in rows that make the whole
    about ``ASPECT`` times as wide as tall."""
    if not placed:
        return {}
    boxes = [_box(p) for p in placed]
    area = sum((b[2] - b[0] + GAP) * (b[3] - b[1] + GAP) for b in boxes)
    row_width = max(max(b[2] - b[0] for b in boxes), math.sqrt(area * ASPECT))
    positions: dict[Hashable, Position] = {}
    cursor_x = cursor_y = row_height = 0.0
    for part, (x0, y0, x1, y1) in zip(placed, boxes):
        if cursor_x > 0 and cursor_x + (x1 - x0) > row_width:
            cursor_x, cursor_y, row_height = 0.0, cursor_y + row_height + GAP, 0.0
        for node, (x, y) in part.items():
            positions[node] = (round(cursor_x + x - x0), round(cursor_y + y - y0))
        cursor_x += x1 - x0 + GAP
        row_height = max(row_height, y1 - y0)
    return positions


def _box(part: dict[Hashable, tuple[float, float]]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in part.values()]
    ys = [p[1] for p in part.values()]
    return min(xs), min(ys), max(xs), max(ys)
