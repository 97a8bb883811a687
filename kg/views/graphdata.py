"""Read what the views show out of a built graph, with SPARQL (pyoxigraph).

The views read the vocabulary contract (spec/ontology.md), not the builder's internals: entities
with their dj: classes, labels and aliases; the six relations, each with the rdf:Statement nodes
that carry its evidence; org:Membership roles; articles and what they mention; the dj:Curation
activities that changed an entity (``dj:curated``) or added a relation (rule ``dj:rule-curation``).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from sys import intern
from typing import Iterator

import pyoxigraph as ox

from kg.model import KINDS
from kg.rdf.build import PREDICATE
from kg.rdf.load import load_store
from kg.rdf.namespaces import DJ
from kg.views.marks import find_marks

DJ_NS = str(DJ._NS)
ORG_NS = "http://www.w3.org/ns/org#"
PREDICATE_IRIS = {str(iri): name for name, iri in PREDICATE.items()}  # IRI → local name
SUBTYPE_KIND = {sub: kind for kind, subs in KINDS.items() for sub in subs}

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

    @property
    def shown(self) -> tuple[Evidence, ...]:
        """The evidence a page shows: the most confident first, at most EVIDENCE_SHOWN (a relation
        between two hubs of a large corpus can have thousands; the rest stay in graph.ttl)."""
        return _most_confident(self.evidence)

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


def _select(store: ox.Store, query: str) -> Iterator[dict[str, str]]:
    """Rows of a SELECT as plain strings (IRIs and literal values); unbound variables are absent.

    One row at a time: the evidence of a large graph is hundreds of MB as rows. IRIs are
    interned: an article or entity IRI recurs in every row about it, and one copy of each
    makes the views' data a fifth smaller (and faster to key dicts by)."""
    solutions = store.query(PREFIXES + query)
    names = [v.value for v in solutions.variables]
    named = ox.NamedNode
    for solution in solutions:  # its terms in order: a third quicker than one lookup by name each
        yield {name: intern(term.value) if type(term) is named else term.value
               for name, term in zip(names, solution) if term is not None}


def _articles(store: ox.Store) -> dict[str, ArticleInfo]:
    rows = _select(store, """SELECT ?a ?source ?position ?title WHERE {
        ?a a dj:Article . OPTIONAL { ?a dcterms:source ?source } OPTIONAL { ?a dj:position ?position }
        OPTIONAL { ?a dcterms:title ?title } }""")
    articles = {}
    for row in sorted(rows, key=lambda r: (r["a"], r.get("title", ""))):
        if row["a"] not in articles:
            articles[row["a"]] = ArticleInfo(iri=row["a"], title=row.get("title", ""),
                                             source=row.get("source", ""),
                                             position=_int(row.get("position")) or 0)
    return articles


def _nodes(store: ox.Store) -> dict[str, Node]:
    types: dict[str, set[str]] = defaultdict(set)
    for row in _select(store, f"""SELECT ?e ?t WHERE {{ ?e a ?t .
            FILTER(STRSTARTS(STR(?t), "{DJ_NS}")) }}"""):
        name = row["t"][len(DJ_NS):]
        if name in KINDS or name in SUBTYPE_KIND:
            types[row["e"]].add(name)
    labels = _values(store, "rdfs:label", types)
    aliases = _values(store, "skos:altLabel", types)
    levels = _values(store, "dj:adminLevel", types)
    mentions = _values(store, "^schema:mentions|^dcterms:creator", types)
    nodes = {}
    for iri in sorted(types):
        kind, subtype = _classes(types[iri])
        label = min(labels.get(iri, ()), default="") or _local_name(iri)
        nodes[iri] = Node(
            iri=iri, label=label, kind=kind, subtype=subtype,
            aliases=tuple(sorted(set(aliases.get(iri, ())) - {label})),
            level=min((lv[len(DJ_NS):] for lv in levels.get(iri, ())), default=""),
            articles=tuple(sorted(set(mentions.get(iri, ())))))
    return nodes


def _curations(store: ox.Store, nodes: dict[str, Node]) -> dict[str, tuple[CurationNote, ...]]:
    """Entity IRI → the curation lines that changed it, in file order (then by label)."""
    found: dict[str, set[CurationNote]] = defaultdict(set)
    for row in _select(store, """SELECT ?e ?line ?label ?note ?curator ?date WHERE {
            ?e dj:curated ?c . ?c dcterms:source ?line .
            OPTIONAL { ?c rdfs:label ?label } OPTIONAL { ?c rdfs:comment ?note }
            OPTIONAL { ?c prov:wasAttributedTo/rdfs:label ?curator } OPTIONAL { ?c dcterms:date ?date } }"""):
        if row["e"] in nodes:
            found[row["e"]].add(CurationNote(
                line=row["line"], label=row.get("label", ""), note=row.get("note", ""),
                curator=row.get("curator", ""), date=row.get("date", "")))
    return {iri: tuple(sorted(notes, key=_file_order)) for iri, notes in sorted(found.items())}


def _file_order(note: CurationNote) -> tuple:
    """"curation.csv:12" after "curation.csv:3": the line number compared as a number."""
    file, _, line = note.line.rpartition(":")
    return (file, _int(line) or 0, note.line, note.label, note.note, note.curator, note.date)


def _values(store: ox.Store, path: str, wanted) -> dict[str, list[str]]:
    values: dict[str, list[str]] = defaultdict(list)
    for row in _select(store, f"SELECT ?e ?v WHERE {{ ?e {path} ?v }}"):
        if row["e"] in wanted:
            values[row["e"]].append(row["v"])
    return values


def _classes(names: set[str]) -> tuple[str, str]:
    """The top-level class and the most specific one; a lone subclass implies its parent."""
    subtypes = sorted(n for n in names if n in SUBTYPE_KIND)
    kinds = sorted(n for n in names if n in KINDS) or [SUBTYPE_KIND[subtypes[0]]]
    kind = kinds[0]
    subtype = next((s for s in subtypes if SUBTYPE_KIND[s] == kind), kind)
    return kind, subtype


def _edges(store: ox.Store, nodes: dict[str, Node]) -> list[Edge]:
    values = " ".join(f"<{iri}>" for iri in sorted(PREDICATE_IRIS))
    triples = {(r["s"], PREDICATE_IRIS[r["p"]], r["o"])
               for r in _select(store, f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o }}")
               if r["s"] in nodes and r["o"] in nodes}
    roles = _roles(store)
    evidence: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for row in _select(store, """SELECT ?s ?p ?o ?a ?text ?start ?end ?confidence ?rule WHERE {
            ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
            OPTIONAL { ?st prov:wasDerivedFrom ?a } OPTIONAL { ?st dj:evidence ?text }
            OPTIONAL { ?st dj:charStart ?start } OPTIONAL { ?st dj:charEnd ?end }
            OPTIONAL { ?st dj:confidence ?confidence } OPTIONAL { ?st prov:wasGeneratedBy ?rule } }"""):
        key = (row["s"], PREDICATE_IRIS.get(row["p"], ""), row["o"])
        if key not in triples:
            continue
        start, end = _int(row.get("start")), _int(row.get("end"))
        role, title = roles.get((row["s"], row["o"], row.get("a", ""), start, end), ("", ""))
        evidence[key].append(Evidence(
            text=row.get("text", ""), article=row.get("a", ""), start=start, end=end,
            confidence=row.get("confidence", ""), rule=_rule_name(row.get("rule", "")), role=role,
            title=title))
    return [_edge(s, p, o, evidence[(s, p, o)], nodes) for s, p, o in sorted(triples)]


EVIDENCE_SHOWN = 10


def _edge(s: str, p: str, o: str, evidence: list[Evidence], nodes: dict[str, Node]) -> Edge:
    """An edge with its evidence in page order; marks are found only for the evidence shown,
    because finding them is the costly part of reading a large graph."""
    ordered = sorted(evidence, key=lambda e: (e.article, e.start or 0, e.end or 0, e.text))
    shown = set(_most_confident(ordered))
    marked = tuple(replace(e, marks=find_marks(e.text, _names(nodes[s]), _names(nodes[o]), e.role))
                   if e in shown else e for e in ordered)
    return Edge(source=s, predicate=p, target=o, evidence=marked)


def _most_confident(evidence) -> tuple[Evidence, ...]:
    ranked = sorted(evidence, key=lambda e: -_float(e.confidence))  # stable: page order on ties
    return tuple(ranked[:EVIDENCE_SHOWN])


def _float(value: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _roles(store: ox.Store) -> dict[tuple, tuple[str, str]]:
    """Membership posts (as written, short title) by (member, organisation, article, charStart,
    charEnd): the provenance a Membership shares with its rdf:Statement."""
    roles: dict[tuple, tuple[str, str]] = {}
    for row in _select(store, """SELECT ?s ?o ?a ?start ?end ?label ?pref WHERE {
            ?m a org:Membership ; org:member ?s ; org:organization ?o .
            OPTIONAL { ?m prov:wasDerivedFrom ?a } OPTIONAL { ?m dj:charStart ?start }
            OPTIONAL { ?m dj:charEnd ?end } OPTIONAL { ?m dj:roleLabel ?label }
            OPTIONAL { ?m org:role/skos:prefLabel ?pref } }"""):
        role = row.get("label") or row.get("pref", "")
        post = (role, row.get("pref") or role)
        key = (row["s"], row["o"], row.get("a", ""), _int(row.get("start")), _int(row.get("end")))
        if role and (key not in roles or post < roles[key]):
            roles[key] = post
    return roles


def _names(node: Node) -> tuple[str, ...]:
    return (node.label, *node.aliases)


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
