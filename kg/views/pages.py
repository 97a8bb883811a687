"""Render the pages: the entry page (index.html) and the network views (pyvis + our template).

pyvis holds each view's nodes, edges and vis-network options and renders them through
``assets/view.html`` (``Network.set_template_dir``): pyvis's own template loads bootstrap from a
CDN even with ``cdn_resources="in_line"`` and pastes node data unescaped into a script.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup
from pyvis.network import Network

from kg.model import KINDS
from kg.views.graphdata import Edge, GraphData, Node
from kg.views.html import ASSETS, asset, csp, environment
from kg.views.select import NETWORK_BUDGET, View

# A page lists at most this many articles per entity (the panel says how many more): a place
# named on every page of a large corpus would otherwise put thousands into every page.
ARTICLES_SHOWN = 20
from kg.views.style import CLASSES, FONTS, LEVELS, RELATIONS, SUBTYPES, class_name, colour

LARGE = 500  # from here on, edges are hidden while dragging so panning stays smooth


@dataclass(frozen=True)
class Plan:
    """Every page to write, and where each entity can be seen."""

    network: View
    focus: tuple[View, ...]
    degree: dict[str, int]
    positions: dict[str, dict[str, tuple[int, int]]]  # view path → entity IRI → (x, y)

    @property
    def focus_of(self) -> dict[str, str]:
        return {v.centre: v.path for v in self.focus}


def render_view(view: View, data: GraphData, plan: Plan) -> str:
    root = "../" * view.path.count("/")
    positions = plan.positions[view.path]
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    # Filled directly: add_node/add_edge are quadratic (24 s for 10,000 nodes).
    net.nodes = [_vis_node(data.nodes[iri], positions[iri], plan.degree[iri], iri == view.centre)
                 for iri in view.nodes]
    net.edges = [_vis_edge(edge) for edge in view.edges]
    net.node_ids = list(view.nodes)
    net.node_map = {n["id"]: n for n in net.nodes}
    net.options = vis_options(len(view.nodes))
    net.set_template_dir(str(ASSETS), "view.html")
    net.templateEnv = environment()  # ours: autoescaping on, and the script-safe JSON filter
    scripts = [asset("vis-network.min.js"), asset("search.js"), asset("view.js")]
    # pyvis hands its ``heading`` to the template untouched: it carries this page's own data.
    net.heading = {
        "title": view.title, "root": root, "csp": csp(scripts), "css": Markup(asset("view.css")),
        "scripts": [Markup(s) for s in scripts], "data": _view_payload(view, data, plan, root),
        "note": view.note, "kind": "focus" if view.centre else "network",
    }
    return net.generate_html(name="view.html")


def vis_options(count: int) -> dict:
    font = {"face": FONTS, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "hideEdgesOnDrag": count >= LARGE, "multiselect": False,
                        "navigationButtons": False, "keyboard": False, "tooltipDelay": 200},
        "nodes": {"shape": "dot", "font": font, "borderWidth": 1},
        "edges": {"smooth": False, "width": 1.2, "selectionWidth": 2,
                  "font": {**font, "size": 11, "color": "#3e4c59", "align": "middle"}},
    }


def _vis_node(node: Node, position: tuple[int, int], degree: int, centre: bool = False) -> dict:
    fill = colour(node.kind)
    # No "title": vis-network renders a string title as HTML.
    return {"id": node.iri, "label": node.label, "x": position[0], "y": position[1],
            "size": min(40, round(10 + 4 * math.sqrt(degree))), "kind": node.kind,
            "borderWidth": 4 if centre else 1,
            "color": {"background": fill, "border": "#1f2933",
                      "highlight": {"background": fill, "border": "#000000"},
                      "hover": {"background": fill, "border": "#000000"}}}


def _vis_edge(edge: Edge) -> dict:
    name, line, directed = RELATIONS[edge.predicate]
    label = name + (f"·{'、'.join(edge.titles[:2])}" if edge.titles else "")
    return {"id": edge.id, "from": edge.source, "to": edge.target, "label": label,
            "predicate": edge.predicate, "arrows": "to" if directed else "",
            "color": {"color": line, "highlight": "#000000", "hover": "#000000"}}


def _view_payload(view: View, data: GraphData, plan: Plan, root: str) -> dict:
    shown = set(view.nodes)
    in_network = set(plan.network.nodes)
    focus_of = plan.focus_of
    articles = {a for iri in view.nodes for a in data.nodes[iri].articles[:ARTICLES_SHOWN]}
    articles |= {ev.article for e in view.edges for ev in e.shown if ev.article}
    elsewhere = [iri for iri in sorted(focus_of) if iri not in shown]
    return {
        "view": {"kind": "focus" if view.centre else "network", "title": view.title,
                 "centre": view.centre, "path": view.path, "root": root},
        "vocabulary": vocabulary(),
        "entities": {iri: _entity(data.nodes[iri], plan, focus_of, in_network)
                     for iri in view.nodes},
        "relations": {e.id: _relation(e) for e in view.edges},
        "articles": {a: _article(data, a) for a in sorted(articles) if a in data.articles},
        "elsewhere": [_search_entry(data.nodes[iri], focus_of, in_network) for iri in elsewhere],
    }


def vocabulary() -> dict:
    return {"classes": {k: {"name": n, "colour": c} for k, (n, c) in CLASSES.items()},
            "classOrder": list(CLASSES), "relationOrder": list(RELATIONS),
            "relations": {k: {"name": n, "colour": c} for k, (n, c, _) in RELATIONS.items()},
            "subtypes": SUBTYPES, "levels": LEVELS}


def _entity(node: Node, plan: Plan, focus_of: dict[str, str], in_network: set[str]) -> dict:
    return {"label": node.label, "kind": node.kind, "subtype": node.subtype, "level": node.level,
            "aliases": list(node.aliases), "articles": list(node.articles[:ARTICLES_SHOWN]),
            "articleCount": len(node.articles),
            "degree": plan.degree[node.iri], "focus": focus_of.get(node.iri, ""),
            "inNetwork": node.iri in in_network}


def _relation(edge: Edge) -> dict:
    return {"from": edge.source, "to": edge.target, "predicate": edge.predicate,
            "evidence": [{"text": ev.text, "marks": [list(m) for m in ev.marks],
                          "article": ev.article, "start": ev.start, "end": ev.end,
                          "confidence": ev.confidence, "rule": ev.rule, "role": ev.role}
                         for ev in edge.shown],
            "evidenceCount": len(edge.evidence)}


def _article(data: GraphData, iri: str) -> dict:
    a = data.articles[iri]
    return {"title": a.title, "source": a.source, "position": a.position}


def _search_entry(node: Node, focus_of: dict[str, str], in_network: set[str]) -> dict:
    return {"id": node.iri, "label": node.label, "aliases": list(node.aliases), "kind": node.kind,
            "focus": focus_of.get(node.iri, ""), "inNetwork": node.iri in in_network}


def render_index(data: GraphData, plan: Plan) -> str:
    scripts = [asset("search.js"), asset("index.js")]
    focus_of = plan.focus_of
    in_network = set(plan.network.nodes)
    listed = sorted(in_network | set(focus_of))
    search = [_search_entry(data.nodes[iri], focus_of, in_network) for iri in listed]
    return environment().get_template("index.html").render(
        csp=csp(scripts), css=Markup(asset("view.css")), scripts=[Markup(s) for s in scripts],
        data={"vocabulary": vocabulary(), "elsewhere": search, "view": {"root": ""}},
        summary=summary(data), network=plan.network, budget=NETWORK_BUDGET,
        focus=_focus_rows(data, plan), pages=_pages(data), classes=CLASSES, relations=RELATIONS,
        class_name=class_name)


def summary(data: GraphData) -> dict:
    """Counts for the entry page: entities by class and subclass, relations by predicate."""
    kinds = Counter(n.kind for n in data.nodes.values())
    subtypes = Counter((n.kind, n.subtype) for n in data.nodes.values() if n.subtype != n.kind)
    return {
        "entities": len(data.nodes),
        "classes": [(k, CLASSES[k][0], CLASSES[k][1], kinds[k],
                     [(SUBTYPES[s], subtypes[(k, s)]) for s in KINDS.get(k, ()) if subtypes[(k, s)]])
                    for k in CLASSES if kinds[k]],
        "relations": [(p, RELATIONS[p][0], RELATIONS[p][1],
                       sum(1 for e in data.edges if e.predicate == p),
                       sum(len(e.evidence) for e in data.edges if e.predicate == p))
                      for p in RELATIONS],
        "edges": len(data.edges),
        "statements": sum(len(e.evidence) for e in data.edges),
        "articles": len(data.articles),
        "pages": len({a.source for a in data.articles.values()}),
    }


def _focus_rows(data: GraphData, plan: Plan) -> list[tuple]:
    rows = [(data.nodes[v.centre], v.path, plan.degree[v.centre], len(v.nodes)) for v in plan.focus]
    order = list(CLASSES)
    return sorted(rows, key=lambda r: (order.index(r[0].kind), -r[2], r[0].label, r[1]))


def _pages(data: GraphData) -> list[tuple[str, list]]:
    """Source pages with their articles in page order, and how many entities each mentions."""
    mentioned = Counter(a for n in data.nodes.values() for a in n.articles)
    pages: dict[str, list] = {}
    for a in sorted(data.articles.values(), key=lambda a: (a.source, a.position, a.iri)):
        pages.setdefault(a.source, []).append((a, mentioned[a.iri]))
    return sorted(pages.items())
