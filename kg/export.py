"""Exports of a built graph for other tools: N-Triples and JSON-LD for pipelines, GraphML for Gephi.

``write_store_exports(store, out_dir, formats, base)`` writes each requested format of the graph
in a pyoxigraph ``Store`` (``kg build`` hands over the graph it made, in memory);
``write_exports(graph_path, out_dir, formats)`` loads a Turtle file once and does the same. Each
file is written atomically and deterministically (the same graph gives byte-identical files):

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
from typing import TYPE_CHECKING, Iterable

import pyoxigraph as ox
from rdflib import Graph, Literal
from rdflib.namespace import XSD

from kg.errors import KgError
from kg.io import atomic_open
from kg.rdf.load import graph_base, load_store, subject_objects, to_rdflib
from kg.rdf.namespaces import PREFIXES, bind_prefixes
from kg.rdf.terms import XSD_DECIMAL, decimal_form
from kg.vocab import DJ_NS, KINDS, MEMBER_OF, ORG_NS, PREDICATES

if TYPE_CHECKING:
    import networkx as nx

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
    others = [f for f in formats if f != "ttl"]
    if others:  # the graph is loaded once, for every format
        write_store_exports(load_store(graph_path), out_dir, others, graph_base(graph_path))
    target = out_dir / FILE_NAMES["ttl"]
    if "ttl" in formats and target.resolve() != graph_path.resolve():
        with atomic_open(target, "wb", encoding=None) as out, open(graph_path, "rb") as src:
            shutil.copyfileobj(src, out)
    return [out_dir / FILE_NAMES[f] for f in formats]


def write_store_exports(store: ox.Store, out_dir, formats: Iterable[str],
                        base: str | None = None) -> list[Path]:
    """Write each of ``formats`` (not ``ttl``: the build writes it) for the graph in ``store``
    into ``out_dir``; ``base`` is the ``djr:`` namespace of its IRIs (JSON-LD's context)."""
    out_dir = Path(out_dir)
    written = []
    for fmt in parse_formats(",".join(formats)):
        if fmt == "ttl":
            raise ValueError("graph.ttl is written by kg.rdf.turtle.write_store_turtle")
        target = out_dir / FILE_NAMES[fmt]
        WRITERS[fmt](store, target, PREFIXES(base) if base else PREFIXES())
        written.append(target)
    return written


def write_ntriples(store: ox.Store, target: Path, prefixes=None) -> None:
    """Sorted N-Triples, written one subject at a time: a line starts with its subject's
    ``<iri>``, and no such form is a prefix of another, so sorting the subjects and then each
    subject's lines sorts the whole file."""
    rows = store.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o }")
    with atomic_open(target) as out:
        for text, node in sorted((str(row[0]), row[0]) for row in rows):
            out.writelines(sorted(f"{text} {q.predicate} {_nt_object(q.object)} .\n"
                                  for q in store.quads_for_pattern(node, None, None,
                                                                   ox.DefaultGraph())))


def _nt_object(term) -> str:
    if isinstance(term, ox.Literal) and term.datatype == XSD_DECIMAL:
        term = ox.Literal(decimal_form(term.value), datatype=XSD_DECIMAL)  # 0.90, as graph.ttl
    return str(term)


def write_jsonld(store: ox.Store, target: Path, prefixes: dict[str, str]) -> None:
    graph = bind_prefixes(Graph(), prefixes["djr"])
    for quad in store:
        graph.add(tuple(_rdflib(t) for t in (quad.subject, quad.predicate, quad.object)))
    document = json.loads(graph.serialize(format="json-ld", context=prefixes))
    with atomic_open(target) as out:
        json.dump(canonical_jsonld(document), out, ensure_ascii=False, indent=1, sort_keys=True)
        out.write("\n")


def _rdflib(term):
    if isinstance(term, ox.Literal) and term.datatype == XSD_DECIMAL:
        return Literal(decimal_form(term.value), datatype=XSD.decimal)  # 0.90, as graph.ttl
    return to_rdflib(term)


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


def entity_network(store: ox.Store) -> "nx.MultiDiGraph":
    """The entities and their relations as a networkx graph (nodes keyed by IRI). Reads only the
    predicates it needs, one index lookup each, so the graph is never copied into Python."""
    types, labels, levels, articles = defaultdict(set), {}, {}, defaultdict(set)
    for s, o in subject_objects(store, _RDF + "type"):
        if isinstance(o, ox.NamedNode):
            types[s.value].add(o.value.rsplit("#", 1)[-1])
    for s, o in subject_objects(store, _RDFS_LABEL):
        if isinstance(o, ox.Literal):
            labels[s.value] = o.value
    for s, o in subject_objects(store, DJ_NS + "adminLevel"):
        levels[s.value] = o.value.rsplit("#", 1)[-1]
    for s, o in subject_objects(store, "https://schema.org/mentions"):
        articles[o.value].add(s.value)
    entities = {s: kinds for s, kinds in types.items() if not kinds.isdisjoint(KINDS)}
    import networkx as nx  # here, not above: every `kg build` imports this module (0.15 s)
    network = nx.MultiDiGraph()
    for iri in sorted(entities):
        top = next(k for k in KINDS if k in entities[iri])
        sub = sorted(entities[iri] - {top})
        network.add_node(iri, label=labels.get(iri, ""), type=top, subtype=sub[0] if sub else top,
                         adminLevel=levels.get(iri, ""), articles=len(articles[iri]))
    # Edge keys become GraphML edge ids, which Gephi and graphology require to be unique.
    for number, ((s, p, o), info) in enumerate(sorted(_relation_edges(store, entities).items())):
        network.add_edge(s, o, key=f"e{number}", label=p, predicate=p,
                         role="、".join(sorted(info["roles"])),
                         confidence=max(info["confidence"], default=0.0),
                         weight=float(len(info["statements"])))
    return network


# What a statement or a membership node says about its relation (``_reified_key``,
# ``_membership_key``) and its evidence: the only properties the edges read.
_NODE_PROPERTIES = (_RDF + "subject", _RDF + "predicate", _RDF + "object", DJ_NS + "confidence",
                    ORG_NS + "member", ORG_NS + "organization", DJ_NS + "roleLabel")


def _relation_edges(store: ox.Store, entities) -> dict[tuple[str, str, str], dict]:
    """(subject, predicate local name, object) → roles, confidences, statements."""
    edges = defaultdict(lambda: {"roles": set(), "confidence": [], "statements": set()})
    for iri, name in RELATION_NAMES.items():
        for s, o in subject_objects(store, iri):
            if s.value in entities and o.value in entities:
                edges[(s.value, name, o.value)]
    by_node = defaultdict(dict)
    for predicate in _NODE_PROPERTIES:
        for s, o in subject_objects(store, predicate):
            by_node[s.value].setdefault(predicate, []).append(o)
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


def write_graphml(store: ox.Store, target: Path, prefixes=None) -> None:
    import networkx as nx
    network = entity_network(store)
    with atomic_open(target, "wb", encoding=None) as out:
        nx.write_graphml(network, out, encoding="utf-8", prettyprint=True)


WRITERS = {"nt": write_ntriples, "jsonld": write_jsonld, "graphml": write_graphml}
