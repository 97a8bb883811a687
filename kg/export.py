"""Exports of a built graph for other tools: N-Triples and JSON-LD for pipelines, GraphML for Gephi.

``write_exports(graph_path, out_dir, formats)`` reads the Turtle that ``kg build`` wrote and
writes each requested format beside it, atomically and deterministically (the same graph gives
byte-identical files):

- ``nt``: N-Triples, one triple a line, sorted; ``sort -u`` and ``comm`` work on it.
- ``jsonld``: JSON-LD (rdflib) compacted with the contract's prefixes as ``@context``; nodes
  sorted by ``@id``, keys and values sorted.
- ``graphml``: the entity network (networkx): one node per entity with its label, top-level class,
  subclass, admin level and number of articles; one edge per relation (subject, predicate,
  object) with a unique id, its predicate as ``label``, titles (for memberships), best confidence
  and the number of evidence statements as ``weight`` (the attributes Gephi and graphology read).
- ``ttl``: the graph itself, left as written (copied only when ``out_dir`` is elsewhere).
"""
from __future__ import annotations

import json
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Iterable

import networkx as nx
import pyoxigraph as ox

from kg.errors import KgError
from kg.io import atomic_open
from kg.rdf.load import graph_prefixes, load_graph, read_triples
from kg.vocab import DJ_NS, KINDS, MEMBER_OF, ORG_NS, PREDICATES

FORMATS = ("ttl", "nt", "jsonld", "graphml")
FILE_NAMES = {"ttl": "graph.ttl", "nt": "graph.nt", "jsonld": "graph.jsonld",
              "graphml": "graph.graphml"}
RELATION_NAMES = {p.iri: p.name for p in PREDICATES.values()}  # IRI → local name
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def parse_formats(text: str) -> list[str]:
    """``"ttl,nt"`` → ``["ttl", "nt"]``; a clear error for an unknown name."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise KgError(f"unknown format {unknown[0] if unknown else text!r}; "
                      f"choose from {', '.join(FORMATS)}, comma-separated (e.g. ttl,nt,graphml)")
    return list(dict.fromkeys(names))


def write_exports(graph_path, out_dir, formats: Iterable[str]) -> list[Path]:
    """Write each of ``formats`` for the Turtle graph at ``graph_path`` into ``out_dir``."""
    graph_path, out_dir = Path(graph_path), Path(out_dir)
    formats = parse_formats(",".join(formats))
    written = []
    for fmt in formats:
        target = out_dir / FILE_NAMES[fmt]
        if fmt == "ttl":
            if target.resolve() != graph_path.resolve():
                with atomic_open(target, "wb", encoding=None) as out, open(graph_path, "rb") as src:
                    shutil.copyfileobj(src, out)
        else:
            WRITERS[fmt](graph_path, target)
        written.append(target)
    return written


def write_ntriples(graph_path, target: Path) -> None:
    lines = sorted({f"{t} .\n" for t in read_triples(graph_path)})
    with atomic_open(target) as out:
        out.writelines(lines)


def write_jsonld(graph_path, target: Path) -> None:
    graph = load_graph(graph_path)
    context = graph_prefixes(graph_path)
    document = json.loads(graph.serialize(format="json-ld", context=context))
    with atomic_open(target) as out:
        json.dump(canonical_jsonld(document), out, ensure_ascii=False, indent=1, sort_keys=True)
        out.write("\n")


def canonical_jsonld(document):
    """The same JSON-LD with a stable order: nodes by ``@id``, every list of values sorted."""
    if isinstance(document, list):
        document = {"@graph": document}
    nodes = document.get("@graph", [])
    if isinstance(nodes, dict):
        nodes = [nodes]
    document["@graph"] = sorted((_sorted_values(n) for n in nodes), key=lambda n: n.get("@id", ""))
    return document


def _sorted_values(node: dict) -> dict:
    out = {}
    for key, value in node.items():
        if isinstance(value, list):
            value = sorted(value, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
        out[key] = value
    return out


def entity_network(graph_path) -> nx.MultiDiGraph:
    """The entities and their relations as a networkx graph (nodes keyed by IRI)."""
    triples = read_triples(graph_path)
    types, labels, levels, articles = defaultdict(set), {}, {}, defaultdict(set)
    for t in triples:
        s, p, o = t.subject.value, t.predicate.value, t.object
        if p == _RDF + "type" and isinstance(o, ox.NamedNode):
            types[s].add(o.value.rsplit("#", 1)[-1])
        elif p == _RDFS_LABEL and isinstance(o, ox.Literal):
            labels[s] = o.value
        elif p.endswith("#adminLevel"):
            levels[s] = o.value.rsplit("#", 1)[-1]
        elif p == "https://schema.org/mentions":
            articles[o.value].add(s)
    entities = {s: kinds for s, kinds in types.items() if not kinds.isdisjoint(KINDS)}
    network = nx.MultiDiGraph()
    for iri in sorted(entities):
        top = next(k for k in KINDS if k in entities[iri])
        sub = sorted(entities[iri] - {top})
        network.add_node(iri, label=labels.get(iri, ""), type=top, subtype=sub[0] if sub else top,
                         adminLevel=levels.get(iri, ""), articles=len(articles[iri]))
    # Edge keys become GraphML edge ids, which Gephi and graphology require to be unique.
    for number, ((s, p, o), info) in enumerate(sorted(_relation_edges(triples, entities).items())):
        network.add_edge(s, o, key=f"e{number}", label=p, predicate=p,
                         role="、".join(sorted(info["roles"])),
                         confidence=max(info["confidence"], default=0.0),
                         weight=float(len(info["statements"])))
    return network


def _relation_edges(triples: list[ox.Triple], entities) -> dict[tuple[str, str, str], dict]:
    """(subject, predicate local name, object) → roles, confidences, statements."""
    edges = defaultdict(lambda: {"roles": set(), "confidence": [], "statements": set()})
    by_node = defaultdict(dict)
    for t in triples:
        by_node[t.subject.value].setdefault(t.predicate.value, []).append(t.object)
        name = RELATION_NAMES.get(t.predicate.value)
        if name and t.subject.value in entities and t.object.value in entities:
            edges[(t.subject.value, name, t.object.value)]
    for node, props in by_node.items():
        key = _reified_key(props)
        if key in edges:
            edges[key]["statements"].add(node)
            confidences = props.get(DJ_NS + "confidence", [])
            edges[key]["confidence"] += [float(c.value) for c in confidences]
        key = _membership_key(props)
        if key in edges:
            edges[key]["roles"] |= {r.value for r in props.get(DJ_NS + "roleLabel", [])}
    return edges


def _reified_key(props: dict):
    try:
        (s,), (p,), (o,) = (props[_RDF + k] for k in ("subject", "predicate", "object"))
    except (KeyError, ValueError):
        return None
    return s.value, RELATION_NAMES.get(p.value, ""), o.value


def _membership_key(props: dict):
    try:
        (m,), (o,) = props[ORG_NS + "member"], props[ORG_NS + "organization"]
    except (KeyError, ValueError):
        return None
    return m.value, MEMBER_OF, o.value


def write_graphml(graph_path, target: Path) -> None:
    network = entity_network(graph_path)
    with atomic_open(target, "wb", encoding=None) as out:
        nx.write_graphml(network, out, encoding="utf-8", prettyprint=True)


WRITERS = {"nt": write_ntriples, "jsonld": write_jsonld, "graphml": write_graphml}
