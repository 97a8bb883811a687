"""SHACL validation: the built graphs conform, and each shape fires on a graph broken for it."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from graph_fixtures import invented_graph, seed_graph

from kg.cli import cli
from kg.rdf.load import load_graph
from kg.validate import Problem, validate_file, validate_graph

PREFIXES = """
PREFIX dj: <https://w3id.org/dangjian-kg/ontology#>
PREFIX djr: <https://w3id.org/dangjian-kg/id/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
ONE_MEMBERSHIP = "?m a org:Membership ; dj:roleLabel \"副书记\"@zh ."
ONE_STATEMENT = "?st a rdf:Statement ; rdf:predicate dj:locatedIn ."

# (what is broken, SPARQL Update that breaks it, (shape, path) that must be reported)
BREAKAGES = [
    ("article with two dates",
     "INSERT { ?a dcterms:date \"2020-01-01\"^^xsd:date, \"2021-01-01\"^^xsd:date } "
     "WHERE { ?a a dj:Article }",
     ("djsh:ArticleDateShape", "dcterms:date")),
    ("dateline without its evidence",
     "INSERT { ?a dj:dateline djr:dateline-x . djr:dateline-x a dj:Dateline ; "
     "dcterms:date \"2020-01-01\"^^xsd:date ; dj:charStart 0 ; dj:charEnd 1 ; "
     "prov:wasDerivedFrom ?a ; prov:wasGeneratedBy ?rule } "
     "WHERE { ?a a dj:Article . ?rule a dj:Rule } ",
     ("djsh:DatelineShape", "dj:evidence")),
    ("post as of a year written as text",
     "INSERT { ?m dj:asOf \"2023\" } WHERE { ?m a org:Membership }",
     ("djsh:AsOfShape", "dj:asOf")),
    ("subclass without its top-level class",
     "DELETE { ?o a dj:Organization } WHERE { ?o a dj:Enterprise }",
     ("djsh:OrganizationKindShape", "rdf:type")),
    ("administrative area without dj:Place",
     "DELETE { ?p a dj:Place } WHERE { ?p dj:adminLevel dj:Community }",
     ("djsh:PlaceKindShape", "rdf:type")),
    ("secretary project without dj:Initiative",
     "DELETE { ?i a dj:Initiative } WHERE { ?i a dj:SecretaryProject }",
     ("djsh:InitiativeKindShape", "rdf:type")),
    ("entity without a label",
     "DELETE { ?p rdfs:label ?l } WHERE { ?p a dj:Person ; rdfs:label \"张三丰\"@zh, ?l }",
     ("djsh:EntityShape", "rdfs:label")),
    ("label in English",
     "DELETE { ?p rdfs:label ?l } INSERT { ?p rdfs:label \"Zhang Sanfeng\"@en } "
     "WHERE { ?p rdfs:label ?l . FILTER(STR(?l) = \"张三丰\") }",
     ("djsh:EntityShape", "rdfs:label")),
    ("two labels",
     "INSERT { ?p rdfs:label \"张真人\"@zh } WHERE { ?p rdfs:label \"张三丰\"@zh }",
     ("djsh:EntityShape", "rdfs:label")),
    ("alias equal to the label",
     "INSERT { ?p skos:altLabel \"张三丰\"@zh } WHERE { ?p rdfs:label \"张三丰\"@zh }",
     ("djsh:EntityShape", "skos:altLabel")),
    ("entity no article mentions",
     "DELETE { ?a schema:mentions ?p } WHERE { ?p rdfs:label \"翠湖科技有限公司\"@zh . "
     "?a schema:mentions ?p }",
     ("djsh:EntityShape", "")),
    ("two top-level classes",
     "INSERT { ?p a dj:Organization } WHERE { ?p rdfs:label \"张三丰\"@zh }",
     ("djsh:TopClassShape", "")),
    ("admin level outside the scheme",
     "INSERT { ?p dj:adminLevel dj:Person } WHERE { ?p dj:adminLevel dj:Community }",
     ("djsh:PlaceKindShape", "dj:adminLevel")),
    ("memberOf an initiative",
     "INSERT { ?p org:memberOf ?i } WHERE { ?p rdfs:label \"张三丰\"@zh . ?i a dj:Mechanism }",
     ("djsh:MemberOfShape", "org:memberOf")),
    ("runs a place",
     "INSERT { ?o dj:runs ?p } WHERE { ?o rdfs:label \"梅林社区党委\"@zh . "
     "?p dj:adminLevel dj:Community }",
     ("djsh:RunsShape", "dj:runs")),
    ("a person partner",
     "INSERT { ?p dj:partnerOf ?o } WHERE { ?p rdfs:label \"张三丰\"@zh . ?o a dj:Enterprise }",
     ("djsh:PartnerShape", "")),
    ("an organisation located in a person",
     "INSERT { ?o dj:locatedIn ?p } WHERE { ?o a dj:Enterprise . ?p rdfs:label \"张三丰\"@zh }",
     ("djsh:LocatedInShape", "dj:locatedIn")),
    ("a person as sub-organisation",
     "INSERT { ?p org:subOrganizationOf ?o } WHERE { ?p rdfs:label \"张三丰\"@zh . "
     "?o a dj:Enterprise }",
     ("djsh:SubOrganizationShape", "")),
    ("a place issues nothing",
     "INSERT { ?p dj:issuedBy ?o } WHERE { ?p dj:adminLevel dj:Community . ?o a dj:Enterprise }",
     ("djsh:IssuedByShape", "")),
    ("relation without its statement node",
     f"DELETE {{ ?st ?p ?o }} WHERE {{ {ONE_STATEMENT} ?st ?p ?o }}",
     ("djsh:ReifiedShape", "dj:locatedIn")),
    ("statement of a triple the graph does not assert",
     f"DELETE {{ ?s dj:locatedIn ?o }} WHERE {{ {ONE_STATEMENT} ?st rdf:subject ?s ; "
     "rdf:object ?o }",
     ("djsh:StatementShape", "")),
    ("statement with a predicate outside the contract",
     f"DELETE {{ ?st rdf:predicate dj:locatedIn }} INSERT {{ ?st rdf:predicate rdfs:seeAlso }} "
     f"WHERE {{ {ONE_STATEMENT} }}",
     ("djsh:StatementShape", "rdf:predicate")),
    ("statement without its subject",
     f"DELETE {{ ?st rdf:subject ?s }} WHERE {{ {ONE_STATEMENT} ?st rdf:subject ?s }}",
     ("djsh:StatementShape", "rdf:subject")),
    ("start not before end",
     f"DELETE {{ ?st dj:charStart ?s }} INSERT {{ ?st dj:charStart 9999 }} "
     f"WHERE {{ {ONE_STATEMENT} ?st dj:charStart ?s }}",
     ("djsh:OffsetsPropertyStart", "dj:charStart")),
    ("statement without its end",
     f"DELETE {{ ?st dj:charEnd ?e }} WHERE {{ {ONE_STATEMENT} ?st dj:charEnd ?e }}",
     ("djsh:OffsetsPropertyEnd", "dj:charEnd")),
    ("negative start",
     f"DELETE {{ ?st dj:charStart ?s }} INSERT {{ ?st dj:charStart -3 }} "
     f"WHERE {{ {ONE_STATEMENT} ?st dj:charStart ?s }}",
     ("djsh:OffsetsPropertyStart", "dj:charStart")),
    ("evidence span outside its article",
     f"DELETE {{ ?st dj:charEnd ?e }} INSERT {{ ?st dj:charEnd 100000 }} "
     f"WHERE {{ {ONE_STATEMENT} ?st dj:charEnd ?e }}",
     ("djsh:ProvenanceShape", "")),
    ("confidence above 1",
     f"DELETE {{ ?st dj:confidence ?c }} INSERT {{ ?st dj:confidence 1.5 }} "
     f"WHERE {{ {ONE_STATEMENT} ?st dj:confidence ?c }}",
     ("djsh:ProvenanceShape", "dj:confidence")),
    ("confidence as a string",
     f"DELETE {{ ?st dj:confidence ?c }} INSERT {{ ?st dj:confidence \"0.9\" }} "
     f"WHERE {{ {ONE_STATEMENT} ?st dj:confidence ?c }}",
     ("djsh:ProvenanceShape", "dj:confidence")),
    ("statement without evidence",
     f"DELETE {{ ?st dj:evidence ?e }} WHERE {{ {ONE_STATEMENT} ?st dj:evidence ?e }}",
     ("djsh:ProvenanceShape", "dj:evidence")),
    ("statement without its article",
     f"DELETE {{ ?st prov:wasDerivedFrom ?a }} "
     f"WHERE {{ {ONE_STATEMENT} ?st prov:wasDerivedFrom ?a }}",
     ("djsh:ProvenanceShape", "prov:wasDerivedFrom")),
    ("statement without its rule",
     f"DELETE {{ ?st prov:wasGeneratedBy ?r }} "
     f"WHERE {{ {ONE_STATEMENT} ?st prov:wasGeneratedBy ?r }}",
     ("djsh:ProvenanceShape", "prov:wasGeneratedBy")),
    ("membership without a role",
     f"DELETE {{ ?m org:role ?r }} WHERE {{ {ONE_MEMBERSHIP} ?m org:role ?r }}",
     ("djsh:MembershipShape", "org:role")),
    ("membership without a member",
     f"DELETE {{ ?m org:member ?p }} WHERE {{ {ONE_MEMBERSHIP} ?m org:member ?p }}",
     ("djsh:MembershipShape", "org:member")),
    ("membership without an organisation",
     f"DELETE {{ ?m org:organization ?o }} WHERE {{ {ONE_MEMBERSHIP} ?m org:organization ?o }}",
     ("djsh:MembershipShape", "org:organization")),
    ("membership without its evidence",
     f"DELETE {{ ?m dj:evidence ?e }} WHERE {{ {ONE_MEMBERSHIP} ?m dj:evidence ?e }}",
     ("djsh:ProvenanceShape", "dj:evidence")),
    ("membership without the memberOf shortcut",
     f"DELETE {{ ?p org:memberOf ?o . ?st ?sp ?so }} WHERE {{ {ONE_MEMBERSHIP} ?m org:member ?p ; "
     "org:organization ?o . ?st rdf:subject ?p ; rdf:object ?o ; ?sp ?so }",
     ("djsh:MembershipShape", "")),
    ("role outside the role scheme",
     "DELETE { ?r skos:inScheme dj:RoleScheme } WHERE { ?r skos:prefLabel \"副书记\"@zh }",
     ("djsh:RoleShape", "skos:inScheme")),
    ("article without its source file",
     "DELETE { ?a dcterms:source ?s } WHERE { ?a dcterms:source \"b.txt\" , ?s }",
     ("djsh:ArticleShape", "dcterms:source")),
    ("article at position 0",
     "DELETE { ?a dj:position ?p } INSERT { ?a dj:position 0 } WHERE { ?a dj:position ?p }",
     ("djsh:ArticleShape", "dj:position")),
    ("article mentioning a role",
     "INSERT { ?a schema:mentions ?r } WHERE { ?a a dj:Article . ?r skos:inScheme dj:RoleScheme }",
     ("djsh:ArticleShape", "schema:mentions")),
    ("rule that is no prov:Activity",
     "DELETE { ?r a prov:Activity } WHERE { ?r a dj:Rule }",
     ("djsh:RuleShape", "")),
    ("non-ASCII IRI",
     "INSERT DATA { <https://w3id.org/dangjian-kg/id/person-青松> a dj:Rule , prov:Activity ; "
     "rdfs:label \"x\" }",
     ("djsh:AsciiIriShape", "")),
    ("blank-node membership",
     "INSERT { [] a org:Membership ; org:member ?p } WHERE { ?p rdfs:label \"张三丰\"@zh }",
     ("djsh:NoBlankNodeShape", "")),
]


@pytest.fixture(scope="module")
def graph_path(tmp_path_factory):
    return invented_graph(tmp_path_factory.mktemp("invented"))


def update_for(what: str) -> str:
    return next(update for name, update, _ in BREAKAGES if name == what)


def broken(graph_path, update: str):
    graph = load_graph(graph_path)
    before = set(graph)
    graph.update(PREFIXES + update)
    assert set(graph) != before, "the update changed nothing: the test would prove nothing"
    return graph


def test_validate_invented_graph_conforms(graph_path):
    assert validate_file(graph_path) == []


def test_validate_seed_graph_conforms():
    problems = validate_file(seed_graph())
    assert problems == [], "\n".join(p.line() for p in problems[:20])


@pytest.mark.parametrize("what, update, expected", BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_validate_shape_fires_on_broken_graph(graph_path, what, update, expected):
    problems = validate_graph(broken(graph_path, update))
    assert expected in {(p.shape, p.path) for p in problems}, [p for p in problems]
    assert all(p.message for p in problems)


def test_validate_every_shape_has_a_breakage():
    from rdflib import URIRef
    from rdflib.namespace import RDF, SH

    from kg.validate import shapes_graph

    shapes = shapes_graph()
    named = {shapes.namespace_manager.normalizeUri(s) for kind in (SH.NodeShape, SH.PropertyShape)
             for s in shapes.subjects(RDF.type, kind) if isinstance(s, URIRef)}
    helpers = {"djsh:Actor", "djsh:RoleConceptShape"}  # reached through sh:node from others
    assert named - helpers == {b[2][0] for b in BREAKAGES}


def verdicts(problems: list[Problem]):
    """What the two engines must agree on: conforms or not, and each problem's node, path, value
    and shape (messages differ: pySHACL writes its own for shapes without sh:message)."""
    return sorted({(p.focus, p.path, p.value, p.shape) for p in problems})


def test_validate_fast_engine_agrees_with_pyshacl_on_many_breakages_at_once(graph_path):
    update = " ; ".join([
        *(b[1] for b in BREAKAGES if b[2][0] in ("djsh:ReifiedShape", "djsh:TopClassShape",
                                                 "djsh:AsciiIriShape")),
        update_for("entity without a label"),
        update_for("runs a place"),  # an object of the wrong class
        update_for("confidence as a string"),  # a bad datatype
        update_for("role outside the role scheme"),  # sh:node: pySHACL's nested results too
        "INSERT { ?st dj:confidence 0.5 } WHERE { ?st a rdf:Statement }",  # two confidences
        "INSERT { ?a schema:mentions ?r } "
        "WHERE { ?a a dj:Article . ?r skos:inScheme dj:RoleScheme }",
        f"DELETE {{ ?m dj:charEnd ?e }} INSERT {{ ?m dj:charEnd 100000 }} "
        f"WHERE {{ {ONE_MEMBERSHIP} ?m dj:charEnd ?e }}",
        "DELETE { ?s dj:partnerOf ?o } WHERE { ?s dj:partnerOf ?o }",
    ])
    graph = broken(graph_path, update)
    fast, reference = validate_graph(graph, engine="fast"), validate_graph(graph, engine="pyshacl")
    assert verdicts(fast) == verdicts(reference)
    assert len({p.shape for p in fast}) >= 8
    assert all(p.message for p in fast)


@pytest.mark.slow
@pytest.mark.parametrize("what, update, expected", BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_validate_fast_engine_agrees_with_pyshacl_on_each_breakage(graph_path, what, update,
                                                                    expected):
    graph = broken(graph_path, update)
    assert verdicts(validate_graph(graph)) == verdicts(validate_graph(graph, engine="pyshacl"))


@pytest.mark.slow
def test_validate_fast_engine_agrees_with_pyshacl_on_the_seed_graph():
    graph = load_graph(seed_graph())
    assert validate_graph(graph) == validate_graph(graph, engine="pyshacl") == []
    city = "{ SELECT ?p WHERE { ?p dj:adminLevel dj:City } ORDER BY ?p LIMIT 1 }"  # no gold name
    graph.update(PREFIXES + update_for("two labels").replace('?p rdfs:label "张三丰"@zh', city)
                 .replace("张真人", "云州"))
    fast = validate_graph(graph)
    assert fast and verdicts(fast) == verdicts(validate_graph(graph, engine="pyshacl"))


# Shapes of SHACL Core constraints the shipped shapes do not use (yet): the fast engine must
# read them as pySHACL does, so that a new shape does not silently change the verdicts.
CORE_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <urn:ex:> .
ex:Thing a sh:NodeShape ;
    sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:code ; sh:pattern "^[A-Z]{2}[0-9]+$" ; sh:maxLength 6 ] ;
    sh:property [ sh:path ex:size ; sh:datatype xsd:integer ; sh:minExclusive 0 ;
                  sh:maxExclusive 10 ] ;
    sh:property [ sh:path ex:colour ; sh:in ( "red" "blue" ) ; sh:uniqueLang true ] ;
    sh:property [ sh:path ex:part ; sh:nodeKind sh:IRI ; sh:not [ sh:class ex:Thing ] ;
                  sh:qualifiedValueShape [ sh:class ex:Part ] ; sh:qualifiedMinCount 1 ] ;
    sh:property [ sh:path ex:low ; sh:lessThanOrEquals ex:high ; sh:equals ex:same ] ;
    sh:xone ( [ sh:class ex:Red ] [ sh:class ex:Blue ] ) ;
    sh:and ( [ sh:path ex:code ; sh:minCount 1 ] [ sh:path ex:size ; sh:maxCount 1 ] ) .
"""
CORE_DATA = """
@prefix ex: <urn:ex:> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:good a ex:Thing , ex:Red ; ex:code "AB12" ; ex:size 3 ; ex:colour "red" ;
    ex:part ex:p1 ; ex:low 1 ; ex:high 2 ; ex:same 1 .
ex:p1 a ex:Part .
ex:bad a ex:Thing , ex:Red , ex:Blue ; ex:code "ab12" , "AB1234567" ; ex:size 10 , "x" ;
    ex:colour "green" , "red"@en , "crimson"@en ; ex:part ex:good , "lit" ; ex:low 5 ;
    ex:high 2 ; ex:same 4 .
ex:empty a ex:Thing .
"""


def test_validate_fast_engine_reads_other_core_constraints_as_pyshacl_does():
    from rdflib import Graph

    from kg.validate import _pyshacl_problems, compile_shapes, validate_store

    shapes, data = Graph().parse(data=CORE_SHAPES), Graph().parse(data=CORE_DATA)
    reference = _pyshacl_problems(data, shapes)
    store = ox_store(data)
    fast = validate_store(store, shapes=compile_shapes(shapes), names=data.namespace_manager)
    assert verdicts(fast) == verdicts(reference)
    assert {p.focus for p in fast} == {"ex:bad", "ex:empty"} and len(verdicts(fast)) >= 14


SHARED_VALUES = """
@prefix ex: <urn:ex:> .
ex:first a ex:Thing , ex:Red ; ex:code "AB12" ; ex:size 3 ; ex:part ex:p1 ;
    ex:low 1 ; ex:high 2 ; ex:same 1 .
ex:second a ex:Thing , ex:Red ; ex:code "AB12" ; ex:size 3 ; ex:part ex:p1 ;
    ex:low 1 ; ex:high 0 ; ex:same 1 .
ex:third a ex:Thing , ex:Red ; ex:code "ab12" ; ex:size 3 ; ex:part ex:p1 ;
    ex:low 1 ; ex:high 2 ; ex:same 1 .
ex:fourth a ex:Thing , ex:Red ; ex:code "ab12" ; ex:size 3 ; ex:part ex:p1 ;
    ex:low 1 ; ex:high 2 ; ex:same 1 .
ex:p1 a ex:Part .
"""


def test_validate_values_that_passed_for_one_node_are_checked_again_where_a_pair_differs():
    """Values shared by several nodes are judged per node: the same low value is fine beside one
    high and wrong beside another, and a bad code is reported for every node that has it."""
    from rdflib import Graph

    from kg.validate import _pyshacl_problems, compile_shapes, validate_store

    shapes, data = Graph().parse(data=CORE_SHAPES), Graph().parse(data=SHARED_VALUES)
    fast = validate_store(ox_store(data), shapes=compile_shapes(shapes),
                          names=data.namespace_manager)
    assert verdicts(fast) == verdicts(_pyshacl_problems(data, shapes))
    assert {(p.focus, p.path) for p in fast} == {
        ("ex:second", "ex:low"), ("ex:third", "ex:code"), ("ex:fourth", "ex:code")}


# Property shapes of constraints the fast engine runs as SPARQL queries (validate.py,
# property_problems), each broken by some node below.
SPARQL_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix ex: <urn:ex:> .
ex:ThingShape a sh:NodeShape ;
    sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:size ; sh:minCount 2 ; sh:maxCount 3 ; sh:datatype xsd:integer ;
                  sh:minInclusive 1 ; sh:maxExclusive 10 ; sh:lessThan ex:limit ] ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:maxCount 1 ; sh:languageIn ( "zh" ) ;
                  sh:minLength 2 ; sh:maxLength 4 ; sh:datatype rdf:langString ;
                  sh:disjoint ex:alias ] ;
    sh:property [ sh:path ex:part ; sh:class ex:Part ; sh:nodeKind sh:BlankNodeOrIRI ] ;
    sh:property [ sh:path [ sh:inversePath ex:owns ] ; sh:maxCount 1 ;
                  sh:in ( ex:alice ex:bob ) ] ;
    sh:property [ sh:path ex:colour ; sh:hasValue "red" ; sh:minExclusive "a" ;
                  sh:maxInclusive "s" ; sh:lessThanOrEquals ex:shade ] ;
    sh:property [ sh:path ex:count ; sh:datatype xsd:integer ] .
"""
SPARQL_DATA = """
@prefix ex: <urn:ex:> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:Wheel rdfs:subClassOf ex:Part .
ex:good a ex:Thing ; ex:size 2 , 3 ; ex:limit 5 ; ex:name "云州"@zh ; ex:alias "云州" , "雲州"@zh ;
    ex:part ex:w1 , [ a ex:Part ] ;
    ex:colour "red" ; ex:shade "red" ; ex:count 1 .
ex:w1 a ex:Wheel .
ex:alice ex:owns ex:good .
ex:bad a ex:Thing ; ex:size 0 , 12 , "7"^^xsd:integer , "x"^^xsd:integer , 4.5 ; ex:limit 4 ;
    ex:name "云"@zh , "Yunzhou"@en , "云州市人民政府"@zh-Hans , "云州" ; ex:alias "云"@zh , "Yunzhou" ;
    ex:part ex:nothing , "lit" ; ex:colour "blue" , "zz" ; ex:shade "b" ;
    ex:count "x"^^xsd:integer , "1.0"^^xsd:integer , 3 , "3"^^xsd:decimal .
ex:carol ex:owns ex:bad . ex:bob ex:owns ex:bad .
ex:empty a ex:Thing .
"""


def test_validate_property_shapes_as_queries_give_pyshacls_verdicts():
    """Counts (1 and more), datatypes with their lexical forms, ranges, lengths, languages, node
    kinds, classes through a subclass, sh:in on an inverse path, sh:hasValue, sh:disjoint and
    pair comparisons, each on values that pass and values that fail."""
    from rdflib import Graph

    from kg.validate import _pyshacl_problems, compile_shapes, validate_store

    shapes, data = Graph().parse(data=SPARQL_SHAPES), Graph().parse(data=SPARQL_DATA)
    compiled = compile_shapes(shapes)
    assert len(compiled.in_sparql) == 6 and not compiled.targeted  # all of them as queries
    fast = validate_store(ox_store(data), shapes=compiled, names=data.namespace_manager)
    assert verdicts(fast) == verdicts(_pyshacl_problems(data, shapes))
    assert {p.focus for p in fast} == {"ex:bad", "ex:empty"} and len(verdicts(fast)) >= 20
    assert {p.value for p in fast if p.path == "ex:count"} == {"x", "1.0", "3"}
    assert {p.value for p in fast if "disjoint" in p.message} == {"云"}  # not "云州": a plain string


NODE_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <urn:ex:> .
ex:ThingShape a sh:NodeShape ;
    sh:targetClass ex:Thing ;
    sh:nodeKind sh:IRI ;
    sh:class ex:Named ;
    sh:or ( [ sh:path [ sh:inversePath ex:mentions ] ; sh:minCount 1 ]
            [ sh:path ex:source ; sh:minCount 1 ] ) ;
    sh:xone ( [ sh:path ex:source ; sh:minCount 1 ] [ sh:path ex:code ; sh:minCount 1 ] ) .
ex:PartShape a sh:NodeShape ;
    sh:targetClass ex:Part ;
    sh:or ( [ sh:path ex:code ; sh:minCount 1 ; sh:maxCount 1 ] [ sh:class ex:Named ] ) .
"""
NODE_DATA = """
@prefix ex: <urn:ex:> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:Title rdfs:subClassOf ex:Named .
ex:good a ex:Thing , ex:Named ; ex:source "a.txt" .
ex:cited a ex:Thing , ex:Title . ex:article ex:mentions ex:cited .
ex:lonely a ex:Thing .
[] a ex:Thing , ex:Named ; ex:code "x" .
ex:p1 a ex:Part ; ex:code "1" . ex:p2 a ex:Part ; ex:code "1" , "2" . ex:p3 a ex:Part , ex:Named .
"""


def test_validate_a_node_shapes_own_constraints_as_queries_give_pyshacls_verdicts():
    """A node shape's own sh:nodeKind and sh:class (through a subclass), and an sh:or of
    one-value-at-least properties, run as queries; an sh:or of other shapes, and sh:xone, node
    by node; the verdicts are pySHACL's either way."""
    from rdflib import Graph

    from kg.validate import _pyshacl_problems, compile_shapes, validate_store

    shapes, data = Graph().parse(data=NODE_SHAPES), Graph().parse(data=NODE_DATA)
    compiled = compile_shapes(shapes)
    own = {(node.node.rsplit(":", 1)[-1], tuple(c for c, _ in shape.constraints))
           for node, shape in compiled.in_sparql if shape.path is None}
    assert own == {("ThingShape", ("class", "nodeKind", "or"))}
    assert {(s.node.rsplit(":", 1)[-1], tuple(c for c, _ in s.constraints))
            for s in compiled.targeted} == {("ThingShape", ("xone",)), ("PartShape", ("or",))}
    fast = validate_store(ox_store(data), shapes=compiled, names=data.namespace_manager)
    assert verdicts(fast) == verdicts(_pyshacl_problems(data, shapes))
    assert {(p.focus, p.shape) for p in fast if not p.focus.startswith("_:")} >= {
        ("ex:lonely", "ex:ThingShape"), ("ex:p2", "ex:PartShape")}
    assert any(p.focus.startswith("_:") or p.focus == "[]" for p in fast)  # the blank Thing


def ox_store(graph):
    import pyoxigraph as ox

    from kg.rdf.terms import to_ox

    store = ox.Store()
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph)
    return store


def test_validate_halves_together_give_what_validate_store_gives(graph_path):
    """kg build runs the SPARQL half in a thread of its own and merges the halves: the SPARQL
    constraints and the plain property shapes there, sh:node and sh:or node by node here."""
    from kg.validate import _names, constraint_problems, merged, node_problems, validate_store

    update = " ; ".join([b[1] for b in BREAKAGES if b[2][0] == "djsh:ReifiedShape"]
                        + [update_for("entity without a label"), update_for("runs a place")])
    graph = broken(graph_path, update)
    store, names = ox_store(graph), _names(graph)
    nodes, constraints = node_problems(store, names=names), constraint_problems(store, names=names)
    assert {p.shape for p in nodes} == {"djsh:RunsShape"}
    assert {p.shape for p in constraints} == {"djsh:ReifiedShape", "djsh:EntityShape"}
    assert merged(nodes, constraints) == validate_store(store, names=names) == validate_graph(graph)


def test_validate_iris_met_by_the_writer_give_what_the_ascii_query_gives(graph_path):
    """kg build checks the IRIs it met writing graph.ttl instead of querying the whole graph for
    them; the problems are the query's, one for each IRI that is not plain ASCII."""
    import io

    from kg.rdf.namespaces import PREFIXES as NAMESPACES
    from kg.rdf.turtle import write_store_turtle
    from kg.validate import _names, constraint_problems, iri_problems

    graph = broken(graph_path, update_for("non-ASCII IRI")
                   + " ; INSERT { ?a schema:mentions <https://例子.cn/机构> } WHERE { ?a a dj:Article }")
    store, names = ox_store(graph), _names(graph)
    iris: set[str] = set()
    write_store_turtle(store, io.StringIO(), NAMESPACES(), iris)
    by_query = [p for p in constraint_problems(store, names=names) if p.shape == "djsh:AsciiIriShape"]
    assert len(by_query) == 2
    assert sorted(iri_problems(iris, names=names)) == sorted(by_query)
    assert not [p for p in constraint_problems(store, names=names, iris_checked=True)
                if p.shape == "djsh:AsciiIriShape"]


def test_a_build_reports_the_iris_that_are_not_plain_ascii_as_kg_validate_does(tmp_path,
                                                                               seed_paths):
    from kg.pipeline import BuildOptions, build

    summary = build([seed_paths[0]], BuildOptions(out=tmp_path / "out", base="https://例子.cn/id/",
                                                  cache=False, views=False))
    assert summary.problems and {p.shape for p in summary.problems} == {"djsh:AsciiIriShape"}
    assert summary.problems == validate_file(tmp_path / "out" / "graph.ttl")


def test_validate_iri_check_refuses_a_shape_it_cannot_read():
    from rdflib import Graph

    from kg.errors import KgError
    from kg.validate import compile_shapes, iri_problems

    shapes = compile_shapes(Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <https://w3id.org/dangjian-kg/shapes#AsciiIriShape> a sh:NodeShape ;
            sh:targetNode <urn:ex:a> ;
            sh:sparql [ a sh:SPARQLConstraint ; sh:select "SELECT $this WHERE { }" ] ."""))
    with pytest.raises(KgError, match="REGEX"):
        iri_problems(["urn:ex:a"], shapes=shapes)


def test_validate_constraints_give_up_once_cancelled(graph_path):
    from kg.rdf.load import load_store
    from kg.validate import Cancelled, constraint_problems

    store, asked = load_store(graph_path), []
    with pytest.raises(Cancelled):
        constraint_problems(store, cancelled=lambda: asked.append(1) or len(asked) > 2)
    assert len(asked) == 3  # asked before each query, and stopped at the first yes


def test_validate_fast_engine_refuses_a_constraint_it_does_not_know():
    from rdflib import Graph

    from kg.errors import KgError
    from kg.validate import compile_shapes

    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:ex:S> a sh:NodeShape ; sh:targetClass <urn:ex:C> ; sh:closed true .""")
    with pytest.raises(KgError, match="--reference"):
        compile_shapes(shapes)


@pytest.mark.parametrize("select, rewritten", [
    ("SELECT $this WHERE { $this a ?c . FILTER NOT EXISTS { ?s <urn:p> $this } }", True),
    ("SELECT $this WHERE { $this a ?c . FILTER NOT EXISTS { ?v a ?t . FILTER (?t != ?c) } }",
     False),  # the group's filter reads an outer variable
    ("SELECT $this WHERE { $this a ?c . FILTER NOT EXISTS { ?v a ?t } }", False),  # no shared
    ("SELECT $this WHERE { $this a ?c . OPTIONAL { $this <urn:q> ?o } "
     "FILTER NOT EXISTS { ?o <urn:p> $this } }", False),  # ?o may be unbound
    ("SELECT $this WHERE { $this <urn:s> ?s ; <urn:p> ?p ; <urn:o> ?o . "
     "FILTER NOT EXISTS { ?s ?p ?o } }", False),  # a lookup per row: MINUS would copy the graph
])
def test_validate_not_exists_becomes_minus_only_where_they_mean_the_same(select, rewritten):
    from kg.validate import as_anti_join

    assert ("MINUS" in as_anti_join(select)) is rewritten


def test_validate_cli_reference_runs_pyshacl(graph_path, tmp_path, monkeypatch):
    import kg.validate

    bad = tmp_path / "graph.ttl"
    broken(graph_path, update_for("confidence above 1")).serialize(bad, format="turtle")
    engines = []
    real = kg.validate.validate_graph
    monkeypatch.setattr(kg.validate, "validate_graph",
                        lambda graph, engine="fast": engines.append(engine) or real(graph,
                                                                                    engine=engine))
    result = CliRunner().invoke(cli, ["validate", "--graph", str(bad), "--reference"])
    assert result.exit_code == 1 and "dj:confidence" in result.stdout
    assert engines == ["pyshacl"]


def test_validate_messages_name_the_values(graph_path):
    problems = validate_graph(broken(graph_path, update_for("relation without its statement node")))
    (problem,) = [p for p in problems if p.shape == "djsh:ReifiedShape"]
    assert problem.message.startswith("relation dj:locatedIn → djr:place-")
    assert problem.line().startswith(problem.focus + "  dj:locatedIn  relation")


def test_validate_cli_ok_exits_0(graph_path):
    result = CliRunner().invoke(cli, ["validate", "--graph", str(graph_path)])
    assert result.exit_code == 0, result.output
    assert "ok" in result.stderr


def test_validate_cli_prints_one_line_per_problem_and_exits_1(graph_path, tmp_path):
    bad = tmp_path / "graph.ttl"
    broken(graph_path, update_for("confidence above 1")).serialize(bad, format="turtle")
    result = CliRunner().invoke(cli, ["validate", "--graph", str(bad)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and "dj:confidence" in lines[0] and "1.5" in lines[0]
    assert "1 problem" in result.stderr


@pytest.mark.parametrize("content, message", [
    (None, "no such graph file"),
    ("@prefix a: <http://a/> .\na:b a:c .\n", "line 2"),
])
def test_validate_cli_unreadable_graph_is_one_clean_line(tmp_path, content, message):
    path = tmp_path / "graph.ttl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--graph", str(path)])
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
