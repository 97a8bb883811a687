"""``kg stats``: counts by class, by relation with provenance coverage, per page."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from graph_fixtures import invented_graph, invented_results

from kg.cli import cli
from kg.rdf.build import graph_triples, to_store
from kg.rdf.namespaces import PREFIXES
from kg.resolve import resolve
from kg.stats import compute_stats, store_stats


@pytest.fixture(scope="module")
def graph_path(tmp_path_factory):
    return invented_graph(tmp_path_factory.mktemp("invented"))


def section(sections, title: str) -> dict[str, list[str]]:
    (found,) = [s for s in sections if s.title.startswith(title)]
    return {row[0]: row[1:] for row in found.rows}


def test_stats_counts_entities_by_class(graph_path):
    classes = section(compute_stats(graph_path), "Entities")
    assert classes["dj:Person"] == ["3"]
    assert classes["dj:Organization"] == ["3"] and classes["dj:PartyOrganization"] == ["2"]
    assert classes["dj:Article"] == ["2"] and classes["rdf:Statement"] == ["7"]


def test_stats_counts_relations_with_provenance_and_confidence(graph_path):
    relations = section(compute_stats(graph_path), "Relations")
    assert relations["dj:runs"] == ["2", "2", "0.80"]  # 0.9 and 0.7
    assert relations["org:memberOf"] == ["2", "2", "0.90"]
    assert set(relations) == {"dj:runs", "org:memberOf", "org:subOrganizationOf",
                              "dj:locatedIn", "dj:partnerOf"}


def test_stats_coverage_drops_when_a_statement_is_missing(graph_path, tmp_path):
    text = graph_path.read_text(encoding="utf-8")
    start = text.index("    rdf:predicate dj:locatedIn")
    block_start = text.rindex("\n\n", 0, start) + 2
    block_end = text.index("\n\n", start) if "\n\n" in text[start:] else len(text)
    broken = tmp_path / "graph.ttl"
    broken.write_text(text[:block_start] + text[block_end:].lstrip("\n"), encoding="utf-8")
    (coverage,) = [s for s in compute_stats(broken) if s.title == "Provenance coverage"]
    assert coverage.rows == [["7", "6", "85.7 %"]]


def test_stats_counts_articles_per_page(graph_path):
    pages = section(compute_stats(graph_path), "Pages")
    assert pages["a.txt"][0] == "1" and pages["b.txt"][0] == "1"
    assert int(pages["a.txt"][1]) == 7  # entities the article mentions


def test_stats_cli_prints_short_tables_and_json(graph_path):
    result = CliRunner().invoke(cli, ["stats", "--graph", str(graph_path)])
    assert result.exit_code == 0, result.output
    assert "Provenance coverage" in result.stdout and "100.0 %" in result.stdout
    as_json = CliRunner().invoke(cli, ["stats", "--graph", str(graph_path), "--format", "json"])
    data = json.loads(as_json.stdout)
    assert data["Provenance coverage"] == [
        {"relation triples": 7, "with evidence": 7, "share": 1.0}]


def test_stats_json_gives_counts_and_means_as_numbers(graph_path):
    result = CliRunner().invoke(cli, ["stats", "--graph", str(graph_path), "--format", "json"])
    data = json.loads(result.stdout)
    people = [r for r in data["Entities and nodes by class"] if r["class"] == "dj:Person"]
    assert people == [{"class": "dj:Person", "count": 3}]
    runs = [r for r in data["Relations: triples, with evidence node, mean confidence"]
            if r["predicate"] == "dj:runs"]
    assert runs == [{"predicate": "dj:runs", "triples": 2, "withEvidence": 2, "confidence": 0.8}]
    assert all(isinstance(v, int) for r in data["Pages: articles, entities mentioned, statements"]
               for k, v in r.items() if k != "page")


def test_stats_cli_missing_graph_is_a_clean_error(tmp_path):
    result = CliRunner().invoke(cli, ["stats", "--graph", str(tmp_path / "none.ttl")])
    assert result.exit_code == 2 and "no such graph file" in result.stderr


def test_stats_of_the_graph_in_memory_are_those_of_its_file(graph_path):
    """The graph as the build holds it (a Store made from its triples, never parsed) counts
    the same as graph.ttl does in ``kg stats``."""
    results = invented_results()
    store = to_store(graph_triples(results, resolve(results)))
    assert store_stats(store, PREFIXES()) == compute_stats(graph_path)
