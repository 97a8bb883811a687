"""The ontology file: parses everywhere, declares every term the code uses (and nothing more in
dj:), labels everything in Chinese and English, aligns to the standard vocabularies, and is OWL 2
DL-friendly (every term it uses is declared with one kind)."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
import pytest
from graph_fixtures import invented_graph, seed_graph
from rdflib import Graph, URIRef
from rdflib.namespace import FOAF, OWL, RDF, RDFS, SH, SKOS

from kg.model import ADMIN_LEVELS, KINDS
from kg.rdf.load import load_graph
from kg.rdf.namespaces import DJ, ORG, SCHEMA, bind_prefixes
from kg.validate import validate_file

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "dangjian.ttl"
DJ_NS = str(DJ._NS)
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
OWL_BUILTINS = {str(RDF.type), str(RDF.first), str(RDF.rest)} | {
    str(p) for p in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range,
                     OWL.unionOf, OWL.versionIRI, OWL.imports, OWL.members)}


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
    datatypes = {xsd + "integer", xsd + "decimal", xsd + "date", xsd + "string",
                 str(RDF.langString)}
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


def test_ontology_declares_the_top_classes_disjoint(onto):
    (group,) = onto.subjects(RDF.type, OWL.AllDisjointClasses)
    members = set(onto.items(onto.value(group, OWL.members)))
    assert members == {DJ[kind] for kind in KINDS}


def test_ontology_owl_rl_finds_a_person_that_is_an_organisation_inconsistent(onto):
    owlrl = pytest.importorskip("owlrl")
    data = Graph()
    both, person = URIRef("urn:x:both"), URIRef("urn:x:person")
    data.add((both, RDF.type, DJ.Person))
    data.add((both, RDF.type, DJ.PartyOrganization))  # an Organization through its subclass
    data.add((person, RDF.type, DJ.Person))
    for triple in onto:
        data.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(data)
    errors = " ".join(str(o) for s, p, o in data if "error" in str(p).lower())
    assert "urn:x:both" in errors and "urn:x:person" not in errors


# ---------------------------------------------------------------- a second SHACL engine: Jena

JAVA_LIBS = Path("/usr/share/java")  # Debian's libapache-jena-java and its dependencies


@pytest.fixture(scope="module")
def jena_shacl(tmp_path_factory):
    """``validate(graph_file) -> report graph`` with Apache Jena's SHACL engine."""
    if not (JAVA_LIBS / "jena-shacl.jar").exists() or not shutil.which("java"):
        pytest.skip("Jena SHACL is not installed (apt-get install libapache-jena-java)")
    jars = [p for p in sorted(JAVA_LIBS.glob("*.jar"))  # unversioned names: one of each
            if not re.search(r"-\d[\d.]*(-jre)?\.jar$", p.name) and "slf4j" not in p.name]
    # Debian's jena-core moved its bundled Xerces to the package xerces.* but left its message
    # files under org/apache/jena/ext/xerces/, and Xerces fails to start without them.
    resources = tmp_path_factory.mktemp("jena-resources")
    with zipfile.ZipFile(JAVA_LIBS / "jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith("org/apache/jena/ext/xerces/") and name.endswith(".properties"):
                target = resources / name.removeprefix("org/apache/jena/ext/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    classpath = ":".join([str(resources), *map(str, jars),
                          str(JAVA_LIBS / "slf4j-api.jar"), str(JAVA_LIBS / "slf4j-nop.jar")])
    shapes = Path(resources_of("shapes.ttl"))

    def validate(graph_file: Path) -> Graph:
        result = subprocess.run(["java", "-cp", classpath, "shacl.shacl", "validate",
                                 "--shapes", str(shapes), "--data", str(graph_file)],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        return Graph().parse(data=result.stdout, format="turtle")

    return validate


def resources_of(name: str) -> str:
    return str(resources.files("kg.ontology").joinpath(name))


def verdict_of_jena(report: Graph) -> tuple[bool, set[str]]:
    names = bind_prefixes(Graph()).namespace_manager
    (conforms,) = (c.toPython() for c in report.objects(None, SH.conforms))
    return conforms, {names.normalizeUri(f) for f in report.objects(None, SH.focusNode)}


def verdict_of_kg(graph_file: Path) -> tuple[bool, set[str]]:
    problems = validate_file(graph_file)
    return not problems, {p.focus for p in problems}


def assert_same_verdicts(graph_file: Path, jena_shacl) -> None:
    jena, ours = verdict_of_jena(jena_shacl(graph_file)), verdict_of_kg(graph_file)
    assert jena[0] == ours[0]
    # kg validate also reports, as pySHACL does, why a value failed sh:node (on that value)
    assert jena[1] <= ours[1] and bool(jena[1]) == bool(ours[1])


@pytest.mark.slow
def test_shapes_jena_shacl_agrees_on_the_seed_graph(jena_shacl):
    assert_same_verdicts(seed_graph(), jena_shacl)


@pytest.mark.slow
def test_shapes_jena_shacl_agrees_on_broken_graphs(jena_shacl, tmp_path):
    from test_validate import BREAKAGES, PREFIXES  # the graphs broken on purpose, shape by shape

    graph_file = invented_graph(tmp_path)
    assert_same_verdicts(graph_file, jena_shacl)
    names = ("two top-level classes", "memberOf an initiative", "a person partner")
    for what, update, _ in BREAKAGES:
        if what in names:  # one by one: a SPARQL constraint, sh:node, sh:or
            one = load_graph(graph_file)
            one.update(PREFIXES + update)
            path = tmp_path / f"{names.index(what)}.ttl"
            one.serialize(path, format="turtle")
            assert_same_verdicts(path, jena_shacl)
    every = load_graph(graph_file)  # and all together
    for _, update, _ in BREAKAGES:
        every.update(PREFIXES + update)
    every.serialize(tmp_path / "every.ttl", format="turtle")
    assert_same_verdicts(tmp_path / "every.ttl", jena_shacl)
