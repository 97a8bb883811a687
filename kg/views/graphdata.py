"""Read what the views show out of a built graph, with SPARQL (pyoxigraph).

The views read the vocabulary contract (spec/ontology.md), not the builder's internals: entities
with their dj: classes, labels and aliases; the six relations, each with the rdf:Statement nodes
that carry its evidence; org:Membership roles; articles and what they mention; the dj:Curation
activities that changed an entity (``dj:curated``) or added a relation (rule ``dj:rule-curation``).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from sys import intern
from typing import Iterator

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.model import KINDS
from kg.rdf.build import PREDICATE
from kg.rdf.load import load_store, subject_objects
from kg.rdf.namespaces import DJ, SCHEMA
from kg.rdf.terms import Terms
from kg.views.marks import find_marks

DJ_NS = str(DJ._NS)
ORG_NS = "http://www.w3.org/ns/org#"
PREDICATE_IRIS = {str(iri): name for name, iri in PREDICATE.items()}  # IRI → local name
SUBTYPE_KIND = {sub: kind for kind, subs in KINDS.items() for sub in subs}
_DJ, _RDF, _RDFS, _SKOS = Terms(DJ), Terms(RDF), Terms(RDFS), Terms(SKOS)
_DCTERMS, _SCHEMA = Terms(DCTERMS), Terms(SCHEMA)

PREFIXES = f"""PREFIX dj: <{DJ_NS}>
PREFIX org: <{ORG_NS}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
"""


@dataclass(frozen=True)
class Node:
    iri: str
    label: str
    kind: str  # top-level class: Organization | Person | Place | Initiative | PolicyDocument
    subtype: str  # most specific class; equals kind when none
    aliases: tuple[str, ...] = ()
    level: str = ""  # dj:adminLevel local name, e.g. "Subdistrict"
    articles: tuple[str, ...] = ()  # IRIs of the articles that mention it (bylines included)


@dataclass(frozen=True)
class Evidence:
    """One statement of a relation: the sentence that says so, where, and how sure."""

    text: str
    article: str  # article IRI ("" when the statement names none)
    start: int | None
    end: int | None
    confidence: str  # as written in the graph, e.g. "0.85"
    rule: str = ""
    role: str = ""  # memberOf: the post as written, e.g. "副书记" (dj:roleLabel)
    title: str = ""  # memberOf: the post's short title (org:role's skos:prefLabel), else ``role``
    marks: tuple[tuple[int, int, str], ...] = ()  # spans of text to highlight: "s", "o", "r"


@dataclass(frozen=True)
class Edge:
    source: str
    predicate: str  # local name, one of kg.model.PREDICATES
    target: str
    evidence: tuple[Evidence, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.source} {self.predicate} {self.target}"

    @cached_property  # the explorer asks for it up to three times per relation
    def shown(self) -> tuple[Evidence, ...]:
        """The evidence a page shows: the most confident first, at most EVIDENCE_SHOWN (a relation
        between two hubs of a large corpus can have thousands; the rest stay in graph.ttl)."""
        return tuple(self.evidence[i] for i in _ranked([e.confidence for e in self.evidence]))

    @property
    def titles(self) -> tuple[str, ...]:
        """The short titles of a membership's posts, e.g. ("书记",), for the line's label."""
        return tuple(sorted({e.title for e in self.evidence if e.title}))


@dataclass(frozen=True)
class ArticleInfo:
    iri: str
    title: str
    source: str  # file name of the page
    position: int  # 1-based position on the page


@dataclass(frozen=True)
class CurationNote:
    """One applied line of the curation file (a dj:Curation), as the explorer shows it."""

    line: str  # dcterms:source, e.g. "curation.csv:3"
    label: str  # rdfs:label: the action and what it names, e.g. "alias 白鹭社区党委"
    note: str = ""  # rdfs:comment: why
    curator: str = ""  # the prov:wasAttributedTo agent's label
    date: str = ""  # dcterms:date

    @property
    def action(self) -> str:
        return self.label.split(" ", 1)[0]


RULE_CURATION = "curation"  # the rule of the statements a curator added (dj:rule-curation)


@dataclass
class GraphData:
    nodes: dict[str, Node] = field(default_factory=dict)  # IRI → node
    edges: list[Edge] = field(default_factory=list)  # sorted by id
    articles: dict[str, ArticleInfo] = field(default_factory=dict)  # IRI → article
    # entity IRI → the curations that changed it, in file order; empty without a curation file
    curations: dict[str, tuple[CurationNote, ...]] = field(default_factory=dict)

    def added_by(self, edge: Edge) -> tuple[CurationNote, ...]:
        """The add-relation lines behind ``edge``: such a line marks both its ends as curated
        and names the predicate in its label (the statement itself does not point to it)."""
        ends = set(self.curations.get(edge.source, ())) & set(self.curations.get(edge.target, ()))
        return tuple(c for c in self.curations.get(edge.source, ()) if c in ends
                     and c.action == "add-relation" and edge.predicate in c.label.split(" "))


def read_graph(path: Path) -> GraphData:
    """Load the graph file at ``path`` (``GraphError`` if missing or broken) and read it."""
    return graph_data(load_store(path))


def graph_data(store: ox.Store) -> GraphData:
    articles = _articles(store)
    nodes = _nodes(store)
    return GraphData(nodes=nodes, edges=_edges(store, nodes), articles=articles,
                     curations=_curations(store, nodes))


def _select(store: ox.Store, query: str) -> Iterator[list]:
    """Rows of a SELECT, each its variables' values in order (to unpack) as plain strings (IRIs
    and literal values), None where unbound.

    One row at a time: the evidence of a large graph is hundreds of MB as rows. The IRIs the
    views keep are interned where they are kept: an article or entity IRI recurs in every row
    about it, and one copy of each makes the views' data a fifth smaller. Interning every IRI
    of every row here was half the cost of the rows."""
    for solution in store.query(PREFIXES + query):
        yield [None if term is None else term.value for term in solution]


def _pairs(store: ox.Store, predicate: ox.NamedNode) -> Iterator[tuple[str, str]]:
    """(subject, object) of each triple of ``predicate``, as plain strings."""
    for s, o in subject_objects(store, predicate):
        yield s.value, o.value


def _articles(store: ox.Store) -> dict[str, ArticleInfo]:
    rows = _select(store, """SELECT ?a ?source ?position ?title WHERE {
        ?a a dj:Article . OPTIONAL { ?a dcterms:source ?source } OPTIONAL { ?a dj:position ?position }
        OPTIONAL { ?a dcterms:title ?title } }""")
    articles = {}
    for a, source, position, title in sorted(rows, key=lambda r: (r[0], r[3] or "")):
        if a not in articles:
            a = intern(a)
            articles[a] = ArticleInfo(iri=a, title=title or "", source=source or "",
                                      position=_int(position) or 0)
    return articles


def _nodes(store: ox.Store) -> dict[str, Node]:
    types: dict[str, set[str]] = defaultdict(set)
    for name in (*KINDS, *SUBTYPE_KIND):
        for quad in store.quads_for_pattern(None, _RDF.type, _DJ[name], ox.DefaultGraph()):
            types[intern(quad.subject.value)].add(name)
    labels = _values(_pairs(store, _RDFS.label), types)
    aliases = _values(_pairs(store, _SKOS.altLabel), types)
    levels = _values(_pairs(store, _DJ.adminLevel), types)
    mentions: dict[str, set[str]] = defaultdict(set)  # the articles that mention it, bylines included
    for predicate in (_SCHEMA.mentions, _DCTERMS.creator):
        for article, entity in _pairs(store, predicate):
            if entity in types:
                mentions[entity].add(intern(article))
    nodes = {}
    for iri in sorted(types):
        kind, subtype = _classes(frozenset(types[iri]))
        label = min(labels.get(iri, ()), default="") or _local_name(iri)
        nodes[iri] = Node(
            iri=iri, label=label, kind=kind, subtype=subtype,
            aliases=tuple(sorted(set(aliases.get(iri, ())) - {label})),
            level=min((lv[len(DJ_NS):] for lv in levels.get(iri, ())), default=""),
            articles=tuple(sorted(mentions.get(iri, ()))))
    return nodes


def _curations(store: ox.Store, nodes: dict[str, Node]) -> dict[str, tuple[CurationNote, ...]]:
    """Entity IRI → the curation lines that changed it, in file order (then by label)."""
    found: dict[str, set[CurationNote]] = defaultdict(set)
    rows = _select(store, """SELECT ?e ?line ?label ?note ?curator ?date WHERE {
            ?e dj:curated ?c . ?c dcterms:source ?line .
            OPTIONAL { ?c rdfs:label ?label } OPTIONAL { ?c rdfs:comment ?note }
            OPTIONAL { ?c prov:wasAttributedTo/rdfs:label ?curator } OPTIONAL { ?c dcterms:date ?date } }""")
    for e, line, label, note, curator, date in rows:
        if e in nodes:
            found[e].add(CurationNote(line=line, label=label or "", note=note or "",
                                      curator=curator or "", date=date or ""))
    return {iri: tuple(sorted(notes, key=_file_order)) for iri, notes in sorted(found.items())}


def _file_order(note: CurationNote) -> tuple:
    """"curation.csv:12" after "curation.csv:3": the line number compared as a number."""
    file, _, line = note.line.rpartition(":")
    return (file, _int(line) or 0, note.line, note.label, note.note, note.curator, note.date)


def _values(pairs: Iterator[tuple[str, str]], wanted) -> dict[str, list[str]]:
    """Subject → its values, for the subjects in ``wanted``."""
    values: dict[str, list[str]] = defaultdict(list)
    for subject, value in pairs:
        if subject in wanted:
            values[subject].append(value)
    return values


@cache  # a few combinations of classes recur over all the entities
def _classes(names: frozenset[str]) -> tuple[str, str]:
    """The top-level class and the most specific one; a lone subclass implies its parent."""
    subtypes = sorted(n for n in names if n in SUBTYPE_KIND)
    kinds = sorted(n for n in names if n in KINDS) or [SUBTYPE_KIND[subtypes[0]]]
    kind = kinds[0]
    subtype = next((s for s in subtypes if SUBTYPE_KIND[s] == kind), kind)
    return kind, subtype


def _edges(store: ox.Store, nodes: dict[str, Node]) -> list[Edge]:
    triples = {(intern(s), name, intern(o)) for iri, name in PREDICATE_IRIS.items()
               for s, o in _pairs(store, ox.NamedNode(iri)) if s in nodes and o in nodes}
    roles = _roles(store)
    # Each statement as the values of Evidence's fields in order, marks aside: its Evidence is
    # made once its edge knows which statements it shows (making the shown ones twice, and
    # hashing them to find them, was a tenth of this function's time).
    statements: dict[tuple[str, str, str], list[tuple]] = defaultdict(list)
    for s, p, o, a, text, start, end, confidence, rule in _select(store, """
            SELECT ?s ?p ?o ?a ?text ?start ?end ?confidence ?rule WHERE {
            ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
            OPTIONAL { ?st prov:wasDerivedFrom ?a } OPTIONAL { ?st dj:evidence ?text }
            OPTIONAL { ?st dj:charStart ?start } OPTIONAL { ?st dj:charEnd ?end }
            OPTIONAL { ?st dj:confidence ?confidence } OPTIONAL { ?st prov:wasGeneratedBy ?rule } }"""):
        key = (s, PREDICATE_IRIS.get(p, ""), o)
        if key not in triples:
            continue
        a, start, end = intern(a or ""), _int(start), _int(end)
        role, title = roles.get((s, o, a, start, end), ("", ""))
        statements[key].append((text or "", a, start, end, confidence or "", _rule_name(rule or ""),
                                role, title))
    # popped, so each relation's statements are freed once its edge is made
    return [_edge(s, p, o, statements.pop((s, p, o), []), nodes) for s, p, o in sorted(triples)]


EVIDENCE_SHOWN = 10


def _edge(s: str, p: str, o: str, statements: list[tuple], nodes: dict[str, Node]) -> Edge:
    """An edge with its evidence in page order; marks are found only for the evidence shown,
    because finding them is the costly part of reading a large graph."""
    # page order: by article, start, end and text (fields 1, 2, 3 and 0)
    statements.sort(key=lambda st: (st[1], st[2] or 0, st[3] or 0, st[0]))
    shown = set(_ranked([st[4] for st in statements]))  # field 4: confidence
    subject, object_ = _names(nodes[s]), _names(nodes[o])
    return Edge(source=s, predicate=p, target=o, evidence=tuple(
        Evidence(*st, marks=find_marks(st[0], subject, object_, st[6])) if i in shown  # text, role
        else Evidence(*st) for i, st in enumerate(statements)))


def _ranked(confidences: list[str]) -> list[int]:
    """Positions of the evidence shown, given the confidence of each: the most confident first
    (page order on ties), at most EVIDENCE_SHOWN."""
    return sorted(range(len(confidences)), key=lambda i: -_float(confidences[i]))[:EVIDENCE_SHOWN]


def _float(value: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _roles(store: ox.Store) -> dict[tuple, tuple[str, str]]:
    """Membership posts (as written, short title) by (member, organisation, article, charStart,
    charEnd): the provenance a Membership shares with its rdf:Statement."""
    roles: dict[tuple, tuple[str, str]] = {}
    for s, o, a, start, end, label, pref in _select(store, """SELECT ?s ?o ?a ?start ?end ?label ?pref WHERE {
            ?m a org:Membership ; org:member ?s ; org:organization ?o .
            OPTIONAL { ?m prov:wasDerivedFrom ?a } OPTIONAL { ?m dj:charStart ?start }
            OPTIONAL { ?m dj:charEnd ?end } OPTIONAL { ?m dj:roleLabel ?label }
            OPTIONAL { ?m org:role/skos:prefLabel ?pref } }"""):
        role = label or pref or ""
        post = (role, pref or role)
        key = (s, o, a or "", _int(start), _int(end))
        if role and (key not in roles or post < roles[key]):
            roles[key] = post
    return roles


def _names(node: Node) -> tuple[str, ...]:
    return (node.label, *node.aliases)


@cache  # a few rules made every statement: each name is sliced once and shared
def _rule_name(iri: str) -> str:
    prefix = DJ_NS + "rule-"
    return iri[len(prefix):] if iri.startswith(prefix) else _local_name(iri)


def _local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
