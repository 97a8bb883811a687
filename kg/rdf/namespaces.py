"""Namespaces of the vocabulary contract (spec/ontology.md).

``DJ`` is closed (``_fail = True``): a misspelt term raises instead of minting a new IRI, and a
test checks that every term here is declared in ``ontology/dangjian.ttl``.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
DEFAULT_BASE = "https://w3id.org/dangjian-kg/id/"


class DJ(DefinedNamespace):
    _fail = True
    _NS = Namespace("https://w3id.org/dangjian-kg/ontology#")

    # classes
    Organization: URIRef
    PartyOrganization: URIRef
    GovernmentAgency: URIRef
    Enterprise: URIRef
    SocialOrganization: URIRef
    PublicInstitution: URIRef
    Person: URIRef
    Place: URIRef
    AdministrativeArea: URIRef
    Initiative: URIRef
    SecretaryProject: URIRef
    Mechanism: URIRef
    Brand: URIRef
    Campaign: URIRef
    ServicePoint: URIRef
    PolicyDocument: URIRef
    Article: URIRef
    Rule: URIRef
    # administrative levels (skos:Concept)
    AdminLevelScheme: URIRef
    Country: URIRef
    Province: URIRef
    City: URIRef
    District: URIRef
    County: URIRef
    Town: URIRef
    Subdistrict: URIRef
    Community: URIRef
    Village: URIRef
    DevelopmentZone: URIRef
    RoleScheme: URIRef
    # initiative kinds: the Initiative subclasses above are also the concepts of this scheme
    InitiativeKindScheme: URIRef
    # properties
    adminLevel: URIRef
    locatedIn: URIRef
    runs: URIRef
    partnerOf: URIRef
    issuedBy: URIRef
    roleLabel: URIRef
    evidence: URIRef
    charStart: URIRef
    charEnd: URIRef
    confidence: URIRef
    position: URIRef


def bind_prefixes(graph, base: str = DEFAULT_BASE):
    """Bind the contract's prefixes (and ``djr:`` to ``base``) on an rdflib graph."""
    for prefix, ns in PREFIXES(base).items():
        graph.bind(prefix, ns, override=True)
    return graph


def PREFIXES(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefix → namespace IRI, in the order the Turtle header lists them."""
    return {
        "dj": str(DJ._NS), "djr": base, "org": str(ORG), "schema": str(SCHEMA), "foaf": str(FOAF),
        "prov": str(PROV), "dcterms": str(DCTERMS), "skos": str(SKOS), "rdf": str(RDF),
        "rdfs": str(RDFS), "owl": str(OWL), "xsd": str(XSD),
    }
