"""Namespaces of the vocabulary contract (spec/ontology.md).

``DJ`` is closed (``_fail = True``): a misspelt term raises instead of minting a new IRI, and a
test checks that every term here is declared in ``ontology/dangjian.ttl``. The terms of the closed
vocabularies (classes, administrative levels, relations) come from ``kg.vocab``.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg import vocab

ORG = Namespace(vocab.ORG_NS)
SCHEMA = Namespace(vocab.NAMESPACES["schema"])
DEFAULT_BASE = vocab.DEFAULT_BASE


class DJ(DefinedNamespace):
    _fail = True
    _NS = Namespace(vocab.DJ_NS)

    # classes besides the entity kinds
    Article: URIRef
    Rule: URIRef
    Dateline: URIRef
    Curation: URIRef
    # concept schemes (the administrative levels are its concepts)
    AdminLevelScheme: URIRef
    RoleScheme: URIRef
    # initiative kinds: the Initiative subclasses above are also the concepts of this scheme
    InitiativeKindScheme: URIRef
    # properties besides the relations
    adminLevel: URIRef
    roleLabel: URIRef
    evidence: URIRef
    charStart: URIRef
    charEnd: URIRef
    confidence: URIRef
    position: URIRef
    dateline: URIRef
    asOf: URIRef
    curated: URIRef
    divisionCode: URIRef


# Kinds, subtypes, levels and the dj: relations: declared once, in kg.vocab.
DJ.__annotations__.update(dict.fromkeys(vocab.dj_terms(), URIRef))
# Each relation's IRI by its name (kg.model.PREDICATES).
PREDICATE: dict[str, URIRef] = {name: URIRef(p.iri) for name, p in vocab.PREDICATES.items()}


def bind_prefixes(graph, base: str = DEFAULT_BASE):
    """Bind the contract's prefixes (and ``djr:`` to ``base``) on an rdflib graph."""
    for prefix, ns in PREFIXES(base).items():
        graph.bind(prefix, ns, override=True)
    return graph


def PREFIXES(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefix → namespace IRI, in the order the Turtle header lists them (kg.vocab.NAMESPACES)."""
    return {**vocab.NAMESPACES, "djr": base}
