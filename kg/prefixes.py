"""The namespaces of the graph and their prefixes, in the order the Turtle header lists them.

Plain strings in a module of their own: `kg query` predeclares the prefixes without importing
rdflib or building the vocabulary tables of ``kg.vocab`` (which re-exports these names).
"""
from __future__ import annotations

from types import MappingProxyType
from typing import Final, Mapping

DJ_NS: Final = "https://w3id.org/dangjian-kg/ontology#"
ORG_NS: Final = "http://www.w3.org/ns/org#"
DEFAULT_BASE: Final = "https://w3id.org/dangjian-kg/id/"  # djr:, unless kg build --base says

NAMESPACES: Mapping[str, str] = MappingProxyType({
    "dj": DJ_NS, "djr": DEFAULT_BASE, "org": ORG_NS, "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/", "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/", "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
})
