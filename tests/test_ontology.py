"""The ontology file: parses everywhere, declares every term the code uses (and nothing more in
dj:), labels everything in Chinese and English, aligns to the standard vocabularies, and is OWL 2
DL-friendly (every term it uses is declared with one kind)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import FOAF, OWL, RDF, RDFS, SKOS

from kg.model import ADMIN_LEVELS, KINDS
from kg.rdf.namespaces import DJ, ORG, SCHEMA

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "dangjian.ttl"
DJ_NS = str(DJ._NS)
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
OWL_BUILTINS = {str(RDF.type), str(RDF.first), str(RDF.rest)} | {
    str(p) for p in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range,
                     OWL.unionOf, OWL.versionIRI, OWL.imports)}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def dj_terms_in(graph: Graph) -> set[str]:
    return {str(s)[len(DJ_NS):] for s in graph.subjects() if isinstance(s, URIRef)
            and str(s).startswith(DJ_NS)}


def test_ontology_parses_in_rdflib_and_pyoxigraph_alike(onto):
    triples = list(ox.parse(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE))
    assert len(triples) == len(onto) > 300


def test_ontology_ships_as_package_data():
    shipped = resources.files("kg.ontology").joinpath("dangjian.ttl").read_text(encoding="utf-8")
    assert shipped == ONTOLOGY.read_text(encoding="utf-8")


def test_ontology_declares_every_dj_term_and_no_other(onto):
    in_code = set(DJ.__annotations__)
    assert in_code == dj_terms_in(onto), (
        f"in code only: {sorted(in_code - dj_terms_in(onto))}; "
        f"in the ontology only: {sorted(dj_terms_in(onto) - in_code)}")


def test_namespace_dj_refuses_a_misspelt_term():
    with pytest.raises(AttributeError):
        DJ.Organisation  # noqa: B018 - the British spelling is not a term


def test_ontology_has_a_versioned_header(onto):
    header = next(onto.subjects(RDF.type, OWL.Ontology))
    assert onto.value(header, OWL.versionInfo)
    assert onto.value(header, OWL.versionIRI)
    assert {l.language for l in onto.objects(header, RDFS.label)} == {"zh", "en"}


@pytest.mark.parametrize("kind", [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
                                  SKOS.Concept, SKOS.ConceptScheme])
def test_ontology_labels_every_dj_term_in_chinese_and_english_with_a_comment(onto, kind):
    terms = [t for t in onto.subjects(RDF.type, kind) if str(t).startswith(DJ_NS)]
    assert terms
    for term in terms:
        labels = {l.language for l in onto.objects(term, RDFS.label)}
        comments = {l.language for l in onto.objects(term, RDFS.comment)}
        assert {"zh", "en"} <= labels, term
        assert "en" in comments, term


@pytest.mark.parametrize("cls, parents", [
    (DJ.Organization, {ORG.Organization, SCHEMA.Organization}),
    (DJ.Person, {FOAF.Person, SCHEMA.Person}),
    (DJ.Place, {SCHEMA.Place}),
    (DJ.AdministrativeArea, {DJ.Place, SCHEMA.AdministrativeArea}),
    (DJ.Initiative, {SCHEMA.Project}),
    (DJ.PolicyDocument, {SCHEMA.CreativeWork}),
    (DJ.Article, {SCHEMA.NewsArticle}),
])
def test_ontology_aligns_classes_to_standard_vocabularies(onto, cls, parents):
    assert parents <= set(onto.objects(cls, RDFS.subClassOf))


def test_ontology_has_every_kind_and_subtype_of_the_model(onto):
    for kind, subtypes in KINDS.items():
        assert (DJ[kind], RDF.type, OWL.Class) in onto
        for subtype in subtypes:
            assert (DJ[subtype], RDFS.subClassOf, DJ[kind]) in onto, subtype


def test_ontology_admin_levels_are_the_concepts_of_their_scheme(onto):
    levels = {str(c)[len(DJ_NS):] for c in onto.subjects(SKOS.inScheme, DJ.AdminLevelScheme)}
    assert levels == set(ADMIN_LEVELS)
    for level in ADMIN_LEVELS:
        assert onto.value(DJ[level], SKOS.prefLabel) is not None


def test_ontology_initiative_kinds_are_classes_and_concepts(onto):
    kinds = set(onto.subjects(SKOS.inScheme, DJ.InitiativeKindScheme))
    assert kinds == {DJ[s] for s in KINDS["Initiative"]}
    for kind in kinds:
        assert {OWL.Class, SKOS.Concept} <= set(onto.objects(kind, RDF.type))
        assert "zh" in {l.language for l in onto.objects(kind, SKOS.prefLabel)}, kind


def test_ontology_role_scheme_is_declared_without_concepts(onto):
    assert (DJ.RoleScheme, RDF.type, SKOS.ConceptScheme) in onto
    assert not list(onto.subjects(SKOS.inScheme, DJ.RoleScheme))


def test_ontology_declares_every_predicate_it_uses(onto):
    declared = {str(p) for kind in PROPERTY_KINDS for p in onto.subjects(RDF.type, kind)}
    used = {str(p) for p in onto.predicates()}
    assert used - declared - OWL_BUILTINS == set()


def test_ontology_declares_every_class_it_refers_to(onto):
    classes = {str(c) for c in onto.subjects(RDF.type, OWL.Class)}
    xsd = "http://www.w3.org/2001/XMLSchema#"
    datatypes = {xsd + "integer", xsd + "decimal", str(RDF.langString)}
    referred = set(onto.objects(None, RDFS.subClassOf)) | set(onto.objects(None, RDFS.domain))
    referred |= {r for p, r in onto.subject_objects(RDFS.range)
                 if (p, RDF.type, OWL.ObjectProperty) in onto}
    for union in onto.objects(None, OWL.unionOf):
        referred |= set(onto.items(union))
    named = {str(c) for c in referred if isinstance(c, URIRef)}
    assert named - classes == set()
    literal_ranges = {str(r) for p, r in onto.subject_objects(RDFS.range)
                      if (p, RDF.type, OWL.DatatypeProperty) in onto}
    assert literal_ranges <= datatypes


def test_ontology_gives_each_property_one_kind(onto):
    for kind in PROPERTY_KINDS:
        for other in PROPERTY_KINDS:
            if kind != other:
                both = set(onto.subjects(RDF.type, kind)) & set(onto.subjects(RDF.type, other))
                assert not both, (kind, other, both)


def test_ontology_owl_rl_closure_types_entities_with_the_standard_classes(onto):
    owlrl = pytest.importorskip("owlrl")
    data = Graph()
    person, party = URIRef("urn:x:zhang-san"), URIRef("urn:x:qingsong-party")
    data.add((person, RDF.type, DJ.Person))
    data.add((party, RDF.type, DJ.PartyOrganization))
    data.add((person, ORG.memberOf, party))
    for triple in onto:
        data.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(data)
    assert {FOAF.Person, SCHEMA.Person} <= set(data.objects(person, RDF.type))
    assert {DJ.Organization, ORG.Organization, SCHEMA.Organization} <= set(
        data.objects(party, RDF.type))
    assert not list(data.subjects(RDF.type, OWL.Nothing))
