"""`kg build --min-confidence`: relations below the cut leave the graph with their evidence."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli

PAGE = """梅林街道打造“邻里帮”服务品牌

近日，梅林街道发布“同心共建”民族工作品牌，梅林街道红叶志愿者服务队为新队员发放工作包。

梅林街道立足治理难点，推出“楼栋长”工作机制。同时，推进“幸福桥”行动，提升居民满意度。

6月24日，青松银行梅林分行与梅林市人民政府签署战略合作协议。
"""
PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX dj: <https://w3id.org/dangjian-kg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
RELATIONS = "org:memberOf org:subOrganizationOf dj:locatedIn dj:runs dj:partnerOf dj:issuedBy"


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    (folder / "page.txt").write_text(PAGE, encoding="utf-8")
    return folder


def _build(page: Path, out: Path, *options: str) -> Graph:
    result = CliRunner().invoke(cli, ["build", str(page), "--out", str(out), *options])
    assert result.exit_code == 0, result.output
    return Graph().parse(out / "graph.ttl", format="turtle")


def _confidences(graph: Graph) -> list[float]:
    rows = graph.query(PREFIXES + "SELECT ?c WHERE { ?st a rdf:Statement ; dj:confidence ?c }")
    return sorted(float(row.c) for row in rows)


def _relations(graph: Graph) -> set[tuple[str, str, str]]:
    rows = graph.query(PREFIXES + f"""SELECT ?s ?p ?o WHERE {{
        VALUES ?p {{ {RELATIONS} }} ?a ?p ?b . ?a rdfs:label ?s . ?b rdfs:label ?o }}""")
    return {(str(r.s), str(r.p).rsplit("#", 1)[-1], str(r.o)) for r in rows}


def test_relate_cli_min_confidence_drops_the_low_ones(page, tmp_path):
    everything = _build(page, tmp_path / "all")
    precise = _build(page, tmp_path / "precise", "--min-confidence", "0.8")
    assert any(c < 0.8 for c in _confidences(everything)), "the page must yield a low one"
    assert _confidences(precise) and min(_confidences(precise)) >= 0.8
    # The omitted-subject relation (`同时，推进“幸福桥”行动`) is the low one that goes.
    low = ("梅林街道", "runs", "幸福桥行动")
    assert low in _relations(everything) and low not in _relations(precise)
    assert _relations(precise) < _relations(everything)


def test_relate_cli_every_relation_has_evidence_that_is_its_source_slice(page, tmp_path):
    graph = _build(page, tmp_path / "out")
    source = (page / "page.txt").read_text(encoding="utf-8")
    rows = list(graph.query(PREFIXES + f"""SELECT ?a ?p ?b ?ev ?start ?end ?rule WHERE {{
        VALUES ?p {{ {RELATIONS} }} ?a ?p ?b .
        OPTIONAL {{ ?st rdf:subject ?a ; rdf:predicate ?p ; rdf:object ?b ; dj:evidence ?ev ;
                    dj:charStart ?start ; dj:charEnd ?end ; prov:wasGeneratedBy ?rule ;
                    prov:wasDerivedFrom ?article . ?article dcterms:source "page.txt" }} }}"""))
    assert rows
    for row in rows:
        assert row.ev is not None, f"no evidence for {row.a} {row.p} {row.b}"
        piece = source[int(row.start):int(row.end)]
        assert "".join(piece.split()) == "".join(str(row.ev).split())  # line breaks folded
        assert piece == piece.strip()  # exactly the sentence, no white space around it
        assert "/ontology#rule-" in str(row.rule)


def test_relate_cli_the_queries_in_the_docs_run(page, tmp_path):
    graph = _build(page, tmp_path / "docs")
    docs = Path(__file__).resolve().parent.parent / "docs"
    doc = (docs / "relations.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sparql\n(.*?)```", doc, re.S)
    assert len(queries) == 2
    graph.query(queries[0])  # the membership query: its example person is not on this page
    rows = list(graph.query(queries[1]))
    assert ("梅林街道", "楼栋长工作机制") in {(str(r.body), str(r.initiative)) for r in rows}
