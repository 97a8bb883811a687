"""Curation that survives every rebuild: each kind of entry applied to an invented corpus, the
IRIs it keeps, the provenance it records, and stale or malformed entries."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from time_corpus import COMMUNITY, SECRETARY, write_corpus

from kg.cli import cli
from kg.errors import InputError
from kg.pipeline import BuildOptions, build
from kg.rdf.load import load_graph
from kg.rdf.namespaces import DJ, ORG, SCHEMA

HEADER = "action,entity,predicate,other,value,articles,note,curator,date\n"
RULES = str(DJ._NS) + "rule-"
MENTIONS = SCHEMA.mentions


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("curation") / "corpus", {
        "p1.txt": SECRETARY.format(lead="3月14日"),
        "p2.txt": COMMUNITY.format(lead="7月28日", where="青枫街道"),
    })


@pytest.fixture(scope="module")
def plain(corpus, tmp_path_factory):
    """The graph without curation, to compare IRIs with."""
    return load_graph(built(corpus, tmp_path_factory.mktemp("plain"))[1])


def built(corpus: Path, out: Path, curation: str | None = None):
    path = None
    if curation is not None:
        path = out / "curation.csv"
        out.mkdir(parents=True, exist_ok=True)
        path.write_text(HEADER + curation, encoding="utf-8")
    summary = build([corpus], BuildOptions(out=out / "out", views=False, curation=path))
    assert summary.problems == [], [p.line() for p in summary.problems]
    return summary, out / "out" / "graph.ttl"


def curated(corpus, tmp_path, curation: str):
    summary, path = built(corpus, tmp_path, curation)
    return summary, load_graph(path)


def named(graph, label: str) -> list[URIRef]:
    return sorted(graph.subjects(RDFS.label, Literal(label, lang="zh")))


def only(graph, label: str) -> URIRef:
    (node,) = named(graph, label)
    return node


def activity(graph) -> URIRef:
    (node,) = graph.subjects(RDF.type, DJ.Curation)
    return node


def test_merge_keeps_the_first_iri_and_records_who_and_which_line(corpus, plain, tmp_path):
    summary, graph = curated(corpus, tmp_path, "merge,青枫街道党工委,,白鹭社区党委,,,同一机构,李研究,"
                                               "2024-05-01\n")
    kept = only(plain, "青枫街道党工委")
    assert only(graph, "青枫街道党工委") == kept
    assert named(graph, "白鹭社区党委") == []
    assert (kept, SKOS.altLabel, Literal("白鹭社区党委", lang="zh")) in graph
    assert {o for o in graph.objects(None, ORG.organization)} == {kept}
    node = activity(graph)
    assert (kept, DJ.curated, node) in graph
    assert graph.value(node, DCTERMS.source) == Literal("curation.csv:2")
    assert graph.value(node, RDFS.comment) == Literal("同一机构", lang="zh")
    assert str(graph.value(node, DCTERMS.date)) == "2024-05-01"
    assert graph.value(graph.value(node, PROV.wasAttributedTo), RDFS.label) == \
        Literal("李研究", lang="zh")
    assert graph.value(node, PROV.invalidated) == only(plain, "白鹭社区党委")
    assert summary.warnings == []


def test_split_gives_the_listed_articles_a_body_of_their_own(corpus, plain, tmp_path):
    _, graph = curated(corpus, tmp_path, "split,Place:青枫街道,,,青枫镇,p2.txt,另一地方,,\n")
    whole = only(plain, "青枫街道")
    assert only(graph, "青枫街道") == whole
    split_off = only(graph, "青枫镇")
    p1, p2 = (next(graph.subjects(DCTERMS.source, Literal(f"p{i}.txt"))) for i in (1, 2))
    assert (p1, MENTIONS, whole) in graph and (p2, MENTIONS, whole) not in graph
    assert (p2, MENTIONS, split_off) in graph
    assert (split_off, DJ.curated, activity(graph)) in graph


def test_reject_removes_the_entity_and_every_relation_of_it(corpus, plain, tmp_path):
    _, graph = curated(corpus, tmp_path, "reject,红枫驿站书记项目,,,,,不是项目,,\n")
    gone = only(plain, "红枫驿站书记项目")
    assert named(graph, "红枫驿站书记项目") == []
    assert not any(gone in (s, o) for s, _, o in graph if s != activity(graph))
    assert graph.value(activity(graph), PROV.invalidated) == gone


def test_reject_relation_removes_the_triple_and_its_statement(corpus, plain, tmp_path):
    _, graph = curated(corpus, tmp_path, "reject-relation,青枫街道党工委,locatedIn,青枫街道,,,,,\n")
    org, place = only(plain, "青枫街道党工委"), only(plain, "青枫街道")
    assert (org, DJ.locatedIn, place) in plain
    assert (org, DJ.locatedIn, place) not in graph
    assert not set(graph.subjects(RDF.object, place)) & set(graph.subjects(RDF.subject, org))
    assert (org, DJ.curated, activity(graph)) in graph


def test_rename_changes_the_label_not_the_iri(corpus, plain, tmp_path):
    _, graph = curated(corpus, tmp_path, "rename,青枫街道党工委,,,中共青枫街道工作委员会,,,,\n")
    before = only(plain, "青枫街道党工委")
    assert only(graph, "中共青枫街道工作委员会") == before
    assert (before, SKOS.altLabel, Literal("青枫街道党工委", lang="zh")) in graph


def test_alias_adds_an_alternative_label(corpus, plain, tmp_path):
    _, graph = curated(corpus, tmp_path, "alias,青枫街道党工委,,,青枫党工委,,,,\n")
    assert (only(plain, "青枫街道党工委"), SKOS.altLabel, Literal("青枫党工委", lang="zh")) in graph


def test_add_relation_states_it_with_evidence_rule_and_note(corpus, plain, tmp_path):
    _, graph = curated(corpus, tmp_path,
                       "add-relation,白鹭社区党委,partnerOf,青枫街道党工委,,p2.txt#1,见街道官网,李研究,\n")
    community, street = only(plain, "白鹭社区党委"), only(plain, "青枫街道党工委")
    assert {(community, DJ.partnerOf, street), (street, DJ.partnerOf, community)} & set(graph)
    (statement,) = graph.subjects(PROV.wasGeneratedBy, URIRef(RULES + "curation"))
    assert str(graph.value(statement, DJ.evidence)).startswith("7月28日，青枫街道白鹭社区党委")
    assert str(graph.value(statement, DJ.confidence)) == "1.00"
    assert graph.value(activity(graph), RDFS.comment) == Literal("见街道官网", lang="zh")


def test_curation_beside_the_inputs_applies_on_every_rebuild_with_identical_bytes(corpus,
                                                                                  tmp_path):
    folder = write_corpus(tmp_path / "corpus", {"p1.txt": SECRETARY.format(lead="3月14日")})
    (folder / "curation.csv").write_text(HEADER + "rename,青枫街道党工委,,,青枫工委,,,,\n",
                                         encoding="utf-8")
    graphs = []
    for _ in range(2):  # the second build takes its pages from the cache
        build([folder], BuildOptions(out=tmp_path / "out", views=False))
        graphs.append((tmp_path / "out" / "graph.ttl").read_bytes())
    assert graphs[0] == graphs[1]
    assert '"青枫工委"@zh' in graphs[0].decode()


def test_a_stale_entry_is_a_warning_not_a_crash(corpus, tmp_path):
    summary, graph = curated(corpus, tmp_path, "alias,不存在的机构,,,某某,,,,\n"
                                               "merge,王小明,,青枫街道党工委,,,,,\n")
    assert summary.warnings == [
        "curation.csv:2: alias: no entity is named '不存在的机构'; the entry no longer matches "
        "the graph (update or remove it)",
        "curation.csv:3: merge: '王小明' names 2 entities; write Kind:label (e.g. Place:王小明) or "
        "the IRI; the entry no longer matches the graph (update or remove it)"]
    assert list(graph.subjects(RDF.type, DJ.Curation)) == []


def test_an_entity_can_be_named_by_its_iri(corpus, plain, tmp_path):
    iri = only(plain, "青枫街道党工委")
    short = "djr:" + str(iri).rsplit("/", 1)[1]
    _, graph = curated(corpus, tmp_path, f"alias,{short},,,青枫党工委,,,,\n")
    assert (iri, SKOS.altLabel, Literal("青枫党工委", lang="zh")) in graph


@pytest.mark.parametrize("line, reason", [
    ("move,青枫街道党工委,,,,,,,", "unknown action 'move'"),
    ("rename,青枫街道党工委,,,,,,,", "rename needs a value in the 'value' column"),
    ("reject-relation,青枫街道党工委,leads,青枫街道,,,,,", "unknown predicate 'leads'"),
    ("alias,青枫街道党工委,,,青枫,,,,May 1", "date 'May 1' is not YYYY-MM-DD"),
])
def test_a_malformed_entry_names_its_file_and_line(corpus, tmp_path, line, reason):
    with pytest.raises(InputError) as error:
        built(corpus, tmp_path, "# a comment line is skipped\n" + line + "\n")
    assert str(error.value).startswith(f"{tmp_path / 'curation.csv'}:3: {reason}")
    assert "\n" not in str(error.value)


def test_kg_build_takes_a_curation_file_and_prints_stale_entries(corpus, tmp_path):
    path = tmp_path / "fixes.csv"
    path.write_text(HEADER + "alias,不存在的机构,,,某某,,,,\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(tmp_path / "out"),
                                      "--no-views", "--curation", str(path)])
    assert result.exit_code == 0, result.output
    assert "Warning: fixes.csv:2: alias: no entity is named '不存在的机构'" in result.stderr

