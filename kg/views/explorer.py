"""The explorer's files: one page, its scripts, and the graph as static data scripts.

A page opened from ``file://`` may not ``fetch()`` its neighbours, but it may load
``<script src>`` files, so the graph ships as JavaScript files that each assign one JSON value to
``kgData[name]``:

- ``data/index.js``: every entity's names, class, level and group, every article's title, and the
  overview drawn on opening. Columns (one list per field), so 100,000 entities stay a few MB.
- ``data/edges.js``: every relation as five integer columns. Expanding a node and finding a path
  run on these in the browser, without loading anything else.
- ``data/n/NNNN.js``: the neighbourhood shards, ``SHARD`` entities each: the evidence sentences of
  their relations and the articles that mention them, loaded when an entity is opened.
- ``data/a/NNNN.js``: for ``ARTICLE_SHARD`` articles each, the entities the article mentions.
- ``data/curation.js`` and ``lib/curation.js``, only when the graph holds curations: which
  entities and added relations a curator made, and the script that marks them. Without a curation
  file neither is written and the page does not name them, so those views stay byte for byte as
  they were.

Entities and relations are numbered by their sorted IRI and id, so the same graph gives the same
files, byte for byte.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict

from pypinyin import Style
from pypinyin.converter import DefaultConverter
from pypinyin.core import Pinyin

from kg.views.graphdata import RULE_CURATION, CurationNote, Edge, Evidence, GraphData
from kg.views.html import asset, environment, escape_json, json_dumps
from kg.views.layout import Graph, layout
from kg.views.style import GROUP_COLOURS, GROUP_LEVELS
from kg.vocab import (ISSUED_BY, KINDS, LEVELS, LOCATED_IN, MEMBER_OF, PREDICATES, RUNS,
                      SUB_ORGANIZATION_OF, SUBTYPES)

SHARD = 64  # entities per neighbourhood shard: one hub's shard stays small, few files in all
ARTICLE_SHARD = 256  # articles per mention shard
OVERVIEW = 60  # entities drawn on opening: the most connected, few enough to label them all
ASSETS = ("vis-network.min.js", "explorer.js", "explorer.css")  # shipped once, in lib/
CURATION_ASSETS = ("curation.js",)  # shipped only with a curated graph


def explorer_files(data: GraphData) -> dict[str, str]:
    """File name (relative to the views folder, ``/``-separated) → text; the page first."""
    entities = sorted(data.nodes)
    number = {iri: i for i, iri in enumerate(entities)}
    articles = sorted(data.articles)
    article_number = {iri: i for i, iri in enumerate(articles)}
    graph = entity_graph(data)
    marks = curation_marks(data, number)
    files = {"index.html": environment().get_template("index.html").render(
        summary=summary(data), curated=bool(marks))}
    for name in ASSETS + (CURATION_ASSETS if marks else ()):
        files[f"lib/{name}"] = asset(name)
    if marks:
        files["data/curation.js"] = data_script("curation", marks)
    files["data/index.js"] = data_script("index", {
        "base": _base(entities),
        "vocabulary": vocabulary(),
        "summary": summary(data),
        "entities": _entity_columns(data, entities, groups(data)),
        "articles": _article_columns(data, articles),
        "overview": overview(graph, number),
        "shards": {"entity": SHARD, "article": ARTICLE_SHARD},
    })
    files["data/edges.js"] = data_script("edges", _edge_columns(data.edges, number))
    files.update(_neighbourhood_shards(data, entities, number, article_number))
    files.update(_article_shards(data, articles, number))
    return files


def curation_marks(data: GraphData, number: dict[str, int]) -> dict:
    """What lib/curation.js marks; ``{}`` when nothing is curated (then nothing is written).

    ``notes``: each curation line once (line, label, note, curator, date); ``entities``: entity
    number → its notes; ``edges``: relation number → {index of the evidence among those shown →
    the add-relation notes behind it} for every statement of rule dj:rule-curation. A curation
    graph is small (lines written by hand), so one file holds it all.
    """
    notes: dict[CurationNote, int] = {}

    def numbered(found) -> list[int]:
        return [notes.setdefault(n, len(notes)) for n in found]

    entities = {str(number[iri]): numbered(found) for iri, found in sorted(data.curations.items(),
                                                                           key=lambda i: number[i[0]])}
    edges = {}
    for i, edge in enumerate(data.edges):
        added = {str(k): numbered(data.added_by(edge))
                 for k, ev in enumerate(edge.shown) if ev.rule == RULE_CURATION}
        if added:
            edges[str(i)] = added
    if not entities and not edges:
        return {}
    return {"entities": entities, "edges": edges,
            "notes": [{"line": n.line, "label": n.label, "note": n.note, "curator": n.curator,
                       "date": n.date} for n in notes]}


def data_script(name: str, value) -> str:
    """A script that hands ``value`` to the page; JSON is a JavaScript expression."""
    return (f"window.kgData=window.kgData||{{}};kgData[{json_dumps(name)}]="
            f"{escape_json(json_dumps(value))};\n")


def shard_name(kind: str, index: int) -> str:
    """``n/0003`` holds entities 192–255, ``a/0000`` articles 0–255 (see explorer.js)."""
    size = SHARD if kind == "n" else ARTICLE_SHARD
    return f"{kind}/{index // size:04d}"


def entity_graph(data: GraphData) -> Graph:
    """All entities, linked where any relation joins them (undirected, one link per pair).

    A plain mapping rather than a networkx graph: importing networkx cost every build about a
    fifth of a second (see kg/views/layout.py)."""
    graph: Graph = {iri: set() for iri in sorted(data.nodes)}
    for edge in data.edges:
        if edge.source != edge.target:
            graph[edge.source].add(edge.target)
            graph[edge.target].add(edge.source)
    return graph


def overview(graph: Graph, number: dict[str, int], size: int = OVERVIEW) -> dict:
    """The most connected entities (ties by IRI) with positions, drawn when the page opens."""
    ranked = sorted((n for n in graph if graph[n]), key=lambda n: (-len(graph[n]), n))
    shown = sorted(ranked[:size])
    keep = set(shown)
    positions = layout({n: graph[n] & keep for n in shown})
    return {"nodes": [number[n] for n in shown], "x": [positions[n][0] for n in shown],
            "y": [positions[n][1] for n in shown]}


def groups(data: GraphData) -> dict[str, dict[str, str]]:
    """For "district" and "street": entity IRI → the place of that level it belongs to.

    An entity belongs to the nearest place of the level up its chain: a place or organisation
    along locatedIn and subOrganizationOf, a person through the organisations they serve in, an
    initiative through those that run it, a document through its issuer. Of places equally near,
    the smallest IRI, so the answer is stable.
    """
    down: dict[str, list[str]] = defaultdict(list)  # each entity's next links down its chains
    for edge in data.edges:
        if edge.source == edge.target:
            continue
        if edge.predicate in (LOCATED_IN, SUB_ORGANIZATION_OF, MEMBER_OF, ISSUED_BY):
            down[edge.target].append(edge.source)
        elif edge.predicate == RUNS:
            down[edge.source].append(edge.target)
    found: dict[str, dict[str, str]] = {}
    for name, levels in GROUP_LEVELS.items():
        # One breadth-first search down from all the places of the level at once, a step at a
        # time: an entity first reached in a step belongs where the nearest entities above it
        # do. (A search up from each entity on its own was a tenth of the explorer's time.)
        head = {iri: iri for iri, node in data.nodes.items() if node.level in levels}
        ring = list(head)
        while ring:
            reached: dict[str, str] = {}
            for above in ring:
                for below in down.get(above, ()):
                    if below not in head:
                        reached[below] = min(reached.get(below, head[above]), head[above])
            head.update(reached)
            ring = list(reached)
        found[name] = dict(sorted(head.items()))
    return found


def vocabulary() -> dict:
    """The legend: names and colours of classes and relations (numbered by their order in the
    data), how each relation reads, the names of subtypes and levels."""
    return {
        "classes": {k.name: {"name": k.label, "colour": k.colour} for k in KINDS.values()},
        "classOrder": list(KINDS),
        "relations": {p.name: {"name": p.label, "colour": p.colour, "directed": not p.symmetric,
                               "label": p.arrow_label, "reading": p.sentence}
                      for p in PREDICATES.values()},
        "relationOrder": list(PREDICATES),
        "subtypes": {s.name: s.label for s in SUBTYPES.values()},
        "levels": {level.name: level.label for level in LEVELS.values()},
        "groupColours": list(GROUP_COLOURS),
    }


def summary(data: GraphData) -> dict:
    kinds = Counter(n.kind for n in data.nodes.values())
    return {
        "entities": len(data.nodes), "edges": len(data.edges),
        "statements": sum(len(e.evidence) for e in data.edges),
        "articles": len(data.articles),
        "pages": len({a.source for a in data.articles.values()}),
        "classes": {k: kinds[k] for k in KINDS if kinds[k]},
        "relations": {p: n for p, n in sorted(Counter(e.predicate for e in data.edges).items())},
    }


def _base(entities: list[str]) -> str:
    """The IRI prefix all entities share up to a '/' or '#': each then travels as its local name."""
    prefix = os.path.commonprefix(entities) if len(entities) > 1 else ""
    return prefix[:max(prefix.rfind("/"), prefix.rfind("#")) + 1]


def _entity_columns(data: GraphData, entities: list[str], grouped: dict[str, dict[str, str]]) -> dict:
    base = len(_base(entities))
    number = {iri: i for i, iri in enumerate(entities)}
    nodes = [data.nodes[iri] for iri in entities]
    kinds = list(KINDS)
    return {
        "key": [iri[base:] for iri in entities],
        "label": [n.label for n in nodes],
        "aliases": [list(n.aliases) for n in nodes],
        "initials": initials_of([n.label for n in nodes]),
        "kind": [kinds.index(n.kind) if n.kind in kinds else -1 for n in nodes],
        "subtype": coded([n.subtype if n.subtype != n.kind else "" for n in nodes]),
        "level": coded([n.level for n in nodes]),
        "articles": [len(n.articles) for n in nodes],
        **{name: [number.get(grouped[name].get(iri, ""), -1) for iri in entities]
           for name in GROUP_LEVELS},
    }


def coded(values: list[str]) -> dict:
    """A column of few distinct strings as numbers into its sorted names: a page file name or a
    class name repeated 20,000 times would be most of the index (explorer.js decodes it)."""
    names = sorted(set(values))
    number = {name: i for i, name in enumerate(names)}
    return {"names": names, "codes": [number[v] for v in values]}


class _Remembered(DefaultConverter):
    """pypinyin's converter, remembering each word it converted: names share their words (社区,
    党委, 有限公司), and converting a word again was most of the views' time on a large graph.
    The result is pypinyin's own (a word's reading depends on the word alone)."""

    def __init__(self):
        super().__init__()
        self._known: dict[tuple, list] = {}

    def convert(self, words, style, heteronym, errors, strict, **kwargs):
        key = (words, style, heteronym, errors, strict)
        if key not in self._known:
            self._known[key] = super().convert(words, style, heteronym, errors, strict, **kwargs)
        return self._known[key]


def initials(text: str) -> str:
    """Pinyin initials of the Chinese characters (``梅林街道`` → ``mljd``); other text as is."""
    words = Pinyin(converter=_Remembered()).lazy_pinyin(text, style=Style.FIRST_LETTER, errors=list)
    return "".join(words).lower()


def initials_of(texts: list[str]) -> list[str]:
    """``initials`` of each text, in one call of pypinyin, whose per-call cost was half the time:
    a line break between texts keeps its word segmentation from joining two names."""
    if any("\n" in text for text in texts):
        return [initials(text) for text in texts]
    return initials("\n".join(texts)).split("\n") if texts else []


def _article_columns(data: GraphData, articles: list[str]) -> dict:
    infos = [data.articles[a] for a in articles]
    mentions = Counter(a for n in data.nodes.values() for a in n.articles)
    return {"key": [a.iri.rstrip("/#").rsplit("/", 1)[-1] for a in infos],
            "title": [a.title for a in infos], "source": coded([a.source for a in infos]),
            "position": [a.position for a in infos], "mentions": [mentions[a] for a in articles]}


def _edge_columns(edges: list[Edge], number: dict[str, int]) -> dict:
    order = list(PREDICATES)
    return {
        "from": [number[e.source] for e in edges],
        "to": [number[e.target] for e in edges],
        "predicate": [order.index(e.predicate) for e in edges],
        # The surest statement decides whether a relation passes the confidence filter.
        "confidence": [max((_percent(ev.confidence) for ev in e.evidence), default=0) for e in edges],
        "evidence": [len(e.evidence) for e in edges],
        "titles": {str(i): "、".join(e.titles[:2]) for i, e in enumerate(edges) if e.titles},
    }


def _percent(confidence: str) -> int:
    try:
        return round(float(confidence) * 100)
    except ValueError:
        return 0


def _neighbourhood_shards(data: GraphData, entities: list[str], number: dict[str, int],
                          article_number: dict[str, int]) -> dict[str, str]:
    """Per shard: the articles of each of its entities and the evidence of every relation that
    touches one of them (a relation between two shards is in both, so one file answers a click)."""
    touching: dict[str, list[int]] = defaultdict(list)
    for i, edge in enumerate(data.edges):
        for end in sorted({edge.source, edge.target}):
            touching[shard_name("n", number[end])].append(i)
    files = {}
    for start in range(0, len(entities), SHARD):
        name = shard_name("n", start)
        sentences: dict[str, int] = {}
        relations = {str(i): [_evidence(ev, sentences, article_number) for ev in data.edges[i].shown]
                     for i in sorted(set(touching[name]))}
        files[f"data/{name}.js"] = data_script(name, {
            "articles": {str(number[iri]): [article_number[a] for a in data.nodes[iri].articles
                                            if a in article_number]
                         for iri in entities[start:start + SHARD]},
            "relations": relations,
            "sentences": list(sentences),  # a sentence often states several relations
        })
    return files


def _evidence(ev: Evidence, sentences: dict[str, int], article_number: dict[str, int]) -> dict:
    return {"t": sentences.setdefault(ev.text, len(sentences)),
            "a": article_number.get(ev.article, -1), "s": ev.start, "e": ev.end,
            "c": ev.confidence, "r": ev.rule, "o": ev.role, "m": ev.marks}  # tuples are JSON arrays


def _article_shards(data: GraphData, articles: list[str], number: dict[str, int]) -> dict[str, str]:
    mentioned: dict[str, list[int]] = defaultdict(list)
    for iri in sorted(data.nodes):
        for article in data.nodes[iri].articles:
            mentioned[article].append(number[iri])
    files = {}
    for start in range(0, len(articles), ARTICLE_SHARD):
        name = shard_name("a", start)
        files[f"data/{name}.js"] = data_script(name, {
            str(start + i): mentioned[a] for i, a in enumerate(articles[start:start + ARTICLE_SHARD])})
    return files
