"""Read a built graph file: pyoxigraph parses (fast, with line numbers in its errors), and the
triples are handed on as a pyoxigraph ``Store`` for SPARQL or as an ``rdflib.Graph`` for the
libraries that need one (pySHACL, the JSON-LD writer).

Every failure is a ``GraphError`` with one line a user can act on: missing file, not a file,
a syntax error with its line and column.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import GraphError
from kg.rdf.namespaces import PREFIXES, bind_prefixes

FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
           ".jsonld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_DJR = re.compile(r"@prefix\s+djr:\s*<([^>]*)>")


def check_path(path) -> Path:
    path = Path(path)
    if not path.exists():
        raise GraphError(f"{path}: no such graph file; build one first (kg build)")
    if not path.is_file():
        raise GraphError(f"{path}: not a file; pass the graph file, e.g. output/graph.ttl")
    return path


def read_triples(path) -> list[ox.Triple]:
    """Parse ``path`` (Turtle, N-Triples, JSON-LD or RDF/XML by extension) into triples."""
    path = check_path(path)
    fmt = FORMATS.get(path.suffix.lower(), ox.RdfFormat.TURTLE)
    try:
        return [q.triple for q in ox.parse(path=str(path), format=fmt)]
    except SyntaxError as error:
        raise GraphError(f"{path}: {_one_line(error)}") from None
    except (OSError, ValueError) as error:
        raise GraphError(f"{path}: cannot read the graph: {_one_line(error)}") from None


def load_store(path) -> ox.Store:
    """A pyoxigraph in-memory store holding the graph at ``path`` (in its default graph).

    Oxigraph parses straight into the store: no Python object per triple on the way."""
    path = check_path(path)
    fmt = FORMATS.get(path.suffix.lower(), ox.RdfFormat.TURTLE)
    store = ox.Store()
    try:
        store.load(path=str(path), format=fmt)
    except SyntaxError as error:
        raise GraphError(f"{path}: {_one_line(error)}") from None
    except (OSError, ValueError) as error:
        raise GraphError(f"{path}: cannot read the graph: {_one_line(error)}") from None
    return store


def load_graph(path) -> Graph:
    """An rdflib graph of the file at ``path``, with the contract's prefixes bound."""
    graph = bind_prefixes(Graph(), graph_base(path))
    for t in read_triples(path):
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return graph


def graph_base(path) -> str:
    """The ``djr:`` namespace the graph was built with (``kg build --base``), from its header."""
    with open(check_path(path), encoding="utf-8", errors="replace") as handle:
        head = handle.read(4096)
    match = _DJR.search(head)
    return match.group(1) if match else PREFIXES()["djr"]


def graph_prefixes(path) -> dict[str, str]:
    return PREFIXES(graph_base(path))


def to_rdflib(term):
    """A pyoxigraph term as the equal rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)  # rdflib's parsers leave plain strings untyped too
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise GraphError(f"unsupported RDF term (RDF-star triple terms are not used): {term}")


def triples_of(store: ox.Store) -> Iterator[ox.Triple]:
    for quad in store:
        yield quad.triple


def subject_objects(store: ox.Store, predicate: str | ox.NamedNode) -> Iterator[tuple]:
    """(subject, object) of each triple of ``predicate`` in the default graph, read straight
    from the store's index (a quarter quicker than the same pattern in SPARQL)."""
    if not isinstance(predicate, ox.NamedNode):
        predicate = ox.NamedNode(predicate)
    for quad in store.quads_for_pattern(None, predicate, None, ox.DefaultGraph()):
        yield quad.subject, quad.object


def _one_line(error: BaseException) -> str:
    return " ".join(str(error.args[0] if error.args else error).split())
