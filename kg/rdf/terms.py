"""The graph's terms as pyoxigraph terms: what ``graph_triples`` makes, the build's in-memory
``Store`` holds, and every writer reads.

pyoxigraph terms cost a fraction of rdflib's to make (the IRI check runs in Rust) and go into a
``Store`` as they are, so the build makes each triple once. ``Terms(namespace)`` gives the
NamedNodes of an rdflib namespace, keeping a closed one (``DJ``) closed: a misspelt term raises.
"""
from __future__ import annotations

import re
from datetime import date as Date

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

XSD_INTEGER = ox.NamedNode(str(XSD.integer))
XSD_DECIMAL = ox.NamedNode(str(XSD.decimal))
XSD_STRING = ox.NamedNode(str(XSD.string))
XSD_DATE = ox.NamedNode(str(XSD.date))
_DECIMAL = re.compile(r"[+-]?\d+(?:\.\d*)?")
CONFIDENCE_PLACES = 2  # dj:confidence is written 0.90, not 0.9 (docs/confidence.md)


class Terms:
    """``Terms(DJ).Article`` (or ``Terms(DJ)["Article"]``) is ``DJ.Article`` as a NamedNode,
    made once."""

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = ox.NamedNode(str(self._namespace[name]))
        setattr(self, name, node)  # later lookups are plain attribute reads
        return node

    def __getitem__(self, name: str) -> ox.NamedNode:
        # ``dj[entity.kind]`` for every entity: the node made once, as for attribute reads
        node = self.__dict__.get(name)
        return node if node is not None else self.__getattr__(name)


def zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD_INTEGER)


def date(value: Date) -> ox.Literal:
    return ox.Literal(value.isoformat(), datatype=XSD_DATE)


def confidence(value: float) -> ox.Literal:
    return ox.Literal(f"{value:.{CONFIDENCE_PLACES}f}", datatype=XSD_DECIMAL)


def decimal_form(value: str) -> str:
    """The graph's lexical form of an ``xsd:decimal``: at least two decimals.

    A ``Store`` keeps a literal's value, not its lexical form (``0.90`` comes back as ``0.9``);
    the only decimals the build writes are confidences with exactly two decimals, so padding the
    store's canonical form gives back the very text the build made."""
    if not _DECIMAL.fullmatch(value):
        return value  # not a decimal's lexical form: left for the writer to quote
    whole, _, fraction = value.partition(".")
    return f"{whole}.{fraction.ljust(CONFIDENCE_PLACES, '0')}"


def to_ox(term):
    """An rdflib term (or a pyoxigraph one, unchanged) as a pyoxigraph term."""
    kind = type(term)
    if kind is ox.NamedNode or kind is ox.Literal:
        return term
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is None:
            return ox.Literal(str(term))
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    if isinstance(term, BNode):  # the shapes have them; the build's graph never does
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")
