"""Every row of kg.vocab reaches everything that lists the closed vocabularies: the ontology, the
shapes, every export of a seeds build, the stats and the views' legend. A kind or relation that
one of them forgets fails here instead of silently vanishing from an output."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import get_args

import networkx as nx
import pytest
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from kg import vocab
from kg.pipeline import BuildOptions, build
from kg.query import compact
from kg.rdf.namespaces import PREFIXES
from kg.stats import compute_stats

ROOT = Path(__file__).resolve().parent.parent
KINDS = list(vocab.KINDS.values())
PREDICATES = list(vocab.PREDICATES.values())
LEVELS = list(vocab.LEVELS.values())
DATA_SCRIPT = re.compile(r'window\.kgData=window\.kgData\|\|\{\};kgData\["[a-z0-9/]+"\]=(.*);\n',
                         re.S)


def by_name(rows):
    return pytest.mark.parametrize("row", rows, ids=[row.name for row in rows])


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "dangjian.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The seeds built with every export and the views (validation is test_validate's)."""
    out = tmp_path_factory.mktemp("vocab")
    build([ROOT / "seeds"], BuildOptions(out=out, formats=("ttl", "nt", "jsonld", "graphml"),
                                         cache=False, validate=False))
    return out


@pytest.fixture(scope="module")
def jsonld(built) -> Graph:
    return Graph().parse(built / "graph.jsonld", format="json-ld")


@pytest.fixture(scope="module")
def network(built) -> nx.MultiDiGraph:
    return nx.read_graphml(built / "graph.graphml")


@pytest.fixture(scope="module")
def stats(built) -> dict[str, set[str]]:
    """The first column of each stats section: classes, predicates …"""
    return {s.title: {row[0] for row in s.rows} for s in compute_stats(built / "graph.ttl")}


@pytest.fixture(scope="module")
def index(built) -> dict:
    text = (built / "views" / "data" / "index.js").read_text(encoding="utf-8")
    return json.loads(DATA_SCRIPT.fullmatch(text).group(1))


@pytest.fixture(scope="module")
def edges(built) -> dict:
    text = (built / "views" / "data" / "edges.js").read_text(encoding="utf-8")
    return json.loads(DATA_SCRIPT.fullmatch(text).group(1))


def prefixed(iri: str) -> str:
    return compact(iri, PREFIXES())


def groups_with(groups: list[set], members: set) -> list[set]:
    """The groups that name any of ``members``: each copy of a closed list in the shapes."""
    found = [g for g in groups if g & members]
    assert found, "no list in the shapes names any of them"
    return found


def sparql_in_lists(shapes: Graph) -> list[set[str]]:
    """The prefixed names of every ``IN (…)`` list in the shapes' SPARQL constraints."""
    return [set(re.split(r"\s*,\s*", names.strip()))
            for select in shapes.objects(None, SH.select)
            for names in re.findall(r"\bIN\s*\(([^)]*)\)", str(select))]


# ---- the types ----

@pytest.mark.parametrize("names, rows", [
    (vocab.KindName, vocab.KINDS), (vocab.SubtypeName, vocab.SUBTYPES),
    (vocab.PredicateName, vocab.PREDICATES), (vocab.LevelName, vocab.LEVELS)])
def test_vocab_literal_types_name_exactly_the_rows(names, rows):
    assert get_args(names) == tuple(rows)


def test_vocab_rows_are_frozen():
    with pytest.raises(AttributeError):
        vocab.PREDICATES["runs"].symmetric = True  # type: ignore[misc]
    with pytest.raises(TypeError):
        vocab.KINDS["Person"] = vocab.KINDS["Place"]  # type: ignore[index]


# ---- the ontology and the shapes ----

@by_name(KINDS)
def test_vocab_kind_is_a_class_of_the_ontology_with_its_subtypes(ontology, row):
    assert (URIRef(row.iri), RDF.type, OWL.Class) in ontology
    for subtype in row.subtypes:
        assert (URIRef(subtype.iri), RDFS.subClassOf, URIRef(row.iri)) in ontology, subtype.name


@by_name(PREDICATES)
def test_vocab_predicate_is_a_property_of_the_ontology(ontology, row):
    types = set(ontology.objects(URIRef(row.iri), RDF.type))
    assert OWL.ObjectProperty in types
    assert (OWL.SymmetricProperty in types) == row.symmetric


@by_name(LEVELS)
def test_vocab_level_is_a_concept_of_the_scheme_with_its_rank(ontology, row):
    assert (URIRef(row.iri), SKOS.inScheme, URIRef(vocab.DJ_NS + "AdminLevelScheme")) in ontology
    notation = ontology.value(URIRef(row.iri), SKOS.notation)
    assert notation is None or float(notation) == row.rank


@by_name(KINDS)
def test_vocab_kind_is_in_every_list_of_kinds_in_the_shapes(shapes, row):
    kinds = {URIRef(k.iri) for k in KINDS}
    targets = [set(shapes.objects(s, SH.targetClass)) for s in set(shapes.subjects(SH.targetClass))]
    for group in groups_with(targets, kinds):
        assert URIRef(row.iri) in group
    for group in groups_with(sparql_in_lists(shapes), {prefixed(k.iri) for k in KINDS}):
        assert prefixed(row.iri) in group


@by_name(PREDICATES)
def test_vocab_predicate_has_its_shape_and_is_in_every_list_of_relations_in_the_shapes(shapes, row):
    iri, relations = URIRef(row.iri), {URIRef(p.iri) for p in PREDICATES}
    targets = [set(shapes.objects(s, SH.targetSubjectsOf))
               for s in set(shapes.subjects(SH.targetSubjectsOf))]
    assert {iri} in targets  # the shape of its domain and range
    for group in groups_with([g for g in targets if len(g) > 1], relations):
        assert iri in group
    in_lists = [set(Collection(shapes, node)) for node in shapes.objects(None, SH["in"])]
    for group in groups_with(in_lists, relations):
        assert iri in group
    for group in groups_with(sparql_in_lists(shapes), {prefixed(p.iri) for p in PREDICATES}):
        assert prefixed(row.iri) in group


# ---- the outputs of a seeds build ----

@by_name(KINDS)
def test_vocab_kind_is_in_every_export(built, jsonld, network, row):
    assert f"<{RDF.type}> <{row.iri}> ." in (built / "graph.nt").read_text(encoding="utf-8")
    assert (None, RDF.type, URIRef(row.iri)) in jsonld
    assert row.name in {kind for _, kind in network.nodes(data="type")}


@by_name(PREDICATES)
def test_vocab_predicate_is_in_every_export(built, jsonld, network, row):
    assert f"> <{row.iri}> <" in (built / "graph.nt").read_text(encoding="utf-8")
    assert (None, URIRef(row.iri), None) in jsonld
    assert row.name in {p for _, _, p in network.edges(data="predicate")}


@by_name(KINDS)
def test_vocab_kind_is_counted_by_the_stats(stats, row):
    assert prefixed(row.iri) in stats["Entities and nodes by class"]


@by_name(PREDICATES)
def test_vocab_predicate_is_counted_by_the_stats(stats, row):
    assert prefixed(row.iri) in stats["Relations: triples, with evidence node, mean confidence"]


@by_name(KINDS)
def test_vocab_kind_is_in_the_views_legend(index, row):
    legend = index["vocabulary"]
    assert legend["classes"][row.name] == {"name": row.label, "colour": row.colour}
    assert legend["classOrder"].index(row.name) in index["entities"]["kind"]
    for subtype in row.subtypes:
        assert legend["subtypes"][subtype.name] == subtype.label


@by_name(PREDICATES)
def test_vocab_predicate_is_in_the_views_legend_and_reads_both_ends(index, edges, row):
    legend = index["vocabulary"]
    shown = legend["relations"][row.name]
    assert (shown["name"], shown["label"], shown["directed"]) == (
        row.label, row.arrow_label, not row.symmetric)
    assert "{s}" in shown["reading"] and "{o}" in shown["reading"]
    assert legend["relationOrder"].index(row.name) in edges["predicate"]


@by_name(LEVELS)
def test_vocab_level_is_named_in_the_views_legend(index, row):
    assert index["vocabulary"]["levels"][row.name] == row.label


def test_vocab_names_stay_importable_from_the_model():
    from kg.model import ADMIN_LEVELS, KINDS as MODEL_KINDS, PREDICATES as MODEL_PREDICATES
    assert MODEL_PREDICATES == tuple(vocab.PREDICATES) and ADMIN_LEVELS == tuple(vocab.LEVELS)
    assert MODEL_KINDS == {k.name: tuple(s.name for s in k.subtypes) for k in KINDS}


# ---------------------------------------------------------------- names written in the code

# Where the extractors name subtypes and levels as strings (`subtype="Brand"`, `level in
# ("Town", "Subdistrict")`): a misspelt one would silently never match, so each must be declared.
_EXTRACTORS = ("kg/recognise", "kg/relate", "kg/resolve.py", "kg/bylines.py", "kg/rdf")
_TYPE_NAME = re.compile(r"^(?:[A-Z][a-z]+)+$|^[a-z]+(?:[A-Z][a-z]+)+$")  # PartyOrganization, memberOf
_CODE_TYPES = {"View", "Context"}  # class names in type hints written as strings


def _type_names_in_extractors():
    for place in _EXTRACTORS:
        paths = [ROOT / place] if place.endswith(".py") else sorted((ROOT / place).rglob("*.py"))
        for path in paths:
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                        and _TYPE_NAME.match(node.value) and node.value not in _CODE_TYPES:
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value


def test_vocab_declares_every_kind_subtype_level_and_predicate_the_extractors_write_by_name():
    declared = {*vocab.KINDS, *vocab.SUBTYPES, *vocab.PREDICATES, *vocab.LEVELS}
    written = list(_type_names_in_extractors())
    assert len(written) > 50  # the scan does find the extractors' names
    assert [(where, name) for where, name in written if name not in declared] == []


def test_vocab_namespaces_are_the_standard_ones_rdflib_knows():
    from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD
    standard = {"dcterms": DCTERMS, "foaf": FOAF, "owl": OWL, "prov": PROV, "rdf": RDF,
                "rdfs": RDFS, "skos": SKOS, "xsd": XSD}
    assert {p: vocab.NAMESPACES[p] for p in standard} == {p: str(ns) for p, ns in standard.items()}
    assert list(PREFIXES("urn:x:")) == list(vocab.NAMESPACES) and PREFIXES("urn:x:")["djr"] == "urn:x:"
