"""Exports: the Turtle round-trips through rdflib and pyoxigraph, and N-Triples, JSON-LD and
GraphML carry the same graph, deterministically, written atomically."""
from __future__ import annotations

import json
import re

import networkx as nx
import pyoxigraph as ox
import pytest
from graph_fixtures import invented_graph, seed_graph
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import GraphError, KgError
from kg.export import FORMATS, parse_formats, write_exports


@pytest.fixture(scope="module")
def graph_path(tmp_path_factory):
    return invented_graph(tmp_path_factory.mktemp("invented"))


def test_export_seed_turtle_parses_alike_and_reserialises_isomorphic(tmp_path):
    path = seed_graph()
    graph = Graph().parse(path, format="turtle")  # rdflib's own parser
    oxi = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(graph) == len(oxi) > 1000
    again = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert isomorphic(graph, again)
    ox_turtle = ox.serialize([q.triple for q in oxi], format=ox.RdfFormat.TURTLE)
    assert isomorphic(graph, Graph().parse(data=ox_turtle.decode("utf-8"), format="turtle"))


def test_export_writes_every_format(graph_path, tmp_path):
    written = write_exports(graph_path, tmp_path, FORMATS)
    assert [p.name for p in written] == ["graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml"]
    assert all(p.stat().st_size > 0 for p in written)
    assert (tmp_path / "graph.ttl").read_bytes() == graph_path.read_bytes()


def test_export_keeps_turtle_in_place(graph_path):
    before = graph_path.stat().st_mtime_ns
    assert write_exports(graph_path, graph_path.parent, ["ttl"]) == [graph_path]
    assert graph_path.stat().st_mtime_ns == before


def test_export_ntriples_is_sorted_and_the_same_graph(graph_path, tmp_path):
    (nt,) = write_exports(graph_path, tmp_path, ["nt"])
    lines = nt.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines)) and all(line.endswith(" .") for line in lines)
    assert "张三丰" in nt.read_text(encoding="utf-8")  # UTF-8, not \u escapes
    turtle = Graph().parse(graph_path, format="turtle")
    assert isomorphic(turtle, Graph().parse(nt, format="nt"))


def test_export_jsonld_is_the_same_graph_with_a_context(graph_path, tmp_path):
    (path,) = write_exports(graph_path, tmp_path, ["jsonld"])
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"]["dj"] == "https://w3id.org/dangjian-kg/ontology#"
    ids = [node["@id"] for node in document["@graph"]]
    assert ids == sorted(ids) and any(i.startswith("djr:person-") for i in ids)
    turtle = Graph().parse(graph_path, format="turtle")
    assert isomorphic(turtle, Graph().parse(path, format="json-ld"))


def test_export_is_deterministic_whatever_the_turtle_order(graph_path, tmp_path):
    """The same graph written differently (rdflib's serializer) exports byte-identically."""
    other = tmp_path / "other" / "graph.ttl"
    other.parent.mkdir()
    Graph().parse(graph_path, format="turtle").serialize(other, format="turtle")
    assert other.read_bytes() != graph_path.read_bytes()
    first = write_exports(graph_path, tmp_path / "a", ["nt", "jsonld", "graphml"])
    second = write_exports(other, tmp_path / "b", ["nt", "jsonld", "graphml"])
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_export_graphml_is_the_entity_network(graph_path, tmp_path):
    (path,) = write_exports(graph_path, tmp_path, ["graphml"])
    network = nx.read_graphml(path)
    labels = {data["label"]: data for _, data in network.nodes(data=True)}
    assert labels["张三丰"]["type"] == "Person"
    assert labels["梅林社区"]["subtype"] == "AdministrativeArea"
    assert labels["梅林社区"]["adminLevel"] == "Community"
    assert labels["青松街道"]["articles"] == 2
    assert len(network) == 10  # every entity, no article, statement or role node
    by_label = {n: d["label"] for n, d in network.nodes(data=True)}
    edges = {(by_label[s], d["predicate"], by_label[o]): d for s, o, d in network.edges(data=True)}
    assert edges[("张三丰", "memberOf", "青松街道党工委")]["role"] == "书记"
    assert edges[("梅林社区党委", "runs", "“1+5”治理机制")]["confidence"] == pytest.approx(0.7)
    assert edges[("梅林社区", "locatedIn", "青松街道")]["weight"] == 1
    assert len(edges) == 7


def test_export_graphml_edges_have_unique_ids_a_label_and_a_weight(graph_path, tmp_path):
    (path,) = write_exports(graph_path, tmp_path, ["graphml"])
    ids = re.findall(r'<edge [^>]*\bid="([^"]+)"', path.read_text(encoding="utf-8"))
    assert len(ids) == len(set(ids)) == 7
    network = nx.read_graphml(path)  # a MultiDiGraph: keyed by the edge ids
    relations = [(s, d["predicate"], o) for s, o, d in network.edges(data=True)]
    assert len(relations) == len(set(relations))  # one edge per relation
    for _, _, data in network.edges(data=True):
        assert data["label"] == data["predicate"]
        assert isinstance(data["weight"], float) and data["weight"] >= 1


def test_export_unknown_format_is_a_clear_error(graph_path, tmp_path):
    with pytest.raises(KgError, match="unknown format 'rdfxml'"):
        write_exports(graph_path, tmp_path, ["nt", "rdfxml"])
    assert parse_formats("ttl, NT ,ttl") == ["ttl", "nt"]


def test_export_bad_graph_writes_nothing(tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("@prefix a: <urn:a#> .\na:b a:c .\n", encoding="utf-8")
    with pytest.raises(GraphError, match="line 2"):
        write_exports(bad, tmp_path, ["nt", "jsonld", "graphml"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]
