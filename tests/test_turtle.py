"""The Turtle writer: deterministic, valid for rdflib and pyoxigraph, escapes what it must."""
from __future__ import annotations

import io
import random

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from kg.rdf.namespaces import DJ, PREFIXES
from kg.rdf.turtle import write_turtle

BASE = "https://w3id.org/dangjian-kg/id/"
NASTY = ['引号"和\\反斜杠', "换行\n第二行\r\t", "<script>alert(1)</script>", "emoji 😀 \x00\x7f", "'单引号'"]


def _triples():
    triples = []
    for i, text in enumerate(NASTY):
        s = URIRef(f"{BASE}org-x-{i}")
        triples += [(s, RDF.type, DJ.Organization), (s, RDFS.label, Literal(text, lang="zh")),
                    (s, DJ.charStart, Literal(i)), (s, DJ.confidence, Literal("0.85", datatype=XSD.decimal)),
                    (s, RDFS.comment, Literal(text)), (s, DJ.locatedIn, URIRef("http://example.org/a b?"[:20]))]
    return triples


def _write(triples) -> str:
    out = io.StringIO()
    write_turtle(triples, out, PREFIXES(BASE))
    return out.getvalue()


def test_output_is_the_same_for_any_input_order():
    triples = _triples()
    first = _write(triples)
    for seed in range(5):
        shuffled = triples[:]
        random.Random(seed).shuffle(shuffled)
        assert _write(shuffled) == first


def test_output_parses_in_rdflib_and_pyoxigraph_to_the_same_graph():
    triples = _triples()
    text = _write(triples)
    parsed = Graph().parse(data=text, format="turtle")
    expected = Graph()
    for t in triples:
        expected.add(t)
    assert isomorphic(parsed, expected)
    ox = list(pyoxigraph.parse(text.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(ox) == len(parsed) == len(set(triples))


def test_blank_nodes_are_refused():
    from rdflib import BNode
    with pytest.raises(ValueError):
        _write([(BNode(), RDF.type, DJ.Organization)])


def _store_text(triples) -> str:
    from kg.rdf.build import ox_triples, to_store
    from kg.rdf.turtle import write_store_turtle
    out = io.StringIO()
    write_store_turtle(to_store(ox_triples(triples)), out, PREFIXES(BASE))
    return out.getvalue()


def test_a_store_is_written_as_its_triples_are():
    """The build writes graph.ttl from its in-memory Store; the text is the triples' text, also
    for decimals, which a Store keeps as values (0.90 comes back 0.9, 1.00 as 1)."""
    triples = _triples() + [(URIRef(f"{BASE}stmt-{c}"), DJ.confidence,
                             Literal(c, datatype=XSD.decimal)) for c in ("0.90", "1.00", "0.40")]
    text = _store_text(triples)
    assert text == _write(triples)
    assert "dj:confidence 0.90" in text and "dj:confidence 1.00" in text


def test_the_seed_graph_from_a_store_is_the_seed_graph(seed_results):
    from kg.rdf.build import graph_triples
    from kg.resolve import resolve
    triples = list(graph_triples(seed_results, resolve(seed_results)))
    assert _store_text(triples) == _write(triples)


def test_terms_of_a_namespace_are_made_once_and_a_closed_one_refuses_a_misspelt_name():
    from kg.rdf.terms import Terms
    dj = Terms(DJ)
    assert dj["Article"] is dj.Article is dj["Article"]
    assert dj.Article == pyoxigraph.NamedNode(str(DJ.Article))
    with pytest.raises(AttributeError):
        dj["Artcle"]
