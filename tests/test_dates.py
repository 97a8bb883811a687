"""When each fact was reported: the corpus manifest, datelines in the text, ``dj:asOf`` on posts,
and the two research queries that read them. Every corpus here is invented."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD
from time_corpus import COMMUNITY, SECRETARY, write_corpus

from kg.dates import Dated, date_articles, find_dateline, page_year
from kg.errors import InputError
from kg.manifest import find_manifest, read_manifest
from kg.pipeline import BuildOptions, build, process_text
from kg.query import run_query
from kg.rdf.load import graph_prefixes, load_graph, load_store
from kg.rdf.namespaces import DJ, ORG, SCHEMA

RULES = str(DJ._NS) + "rule-"
QUERIES = Path(__file__).resolve().parent.parent / "kg" / "queries"


def build_graph(corpus: Path, out: Path):
    summary = build([corpus], BuildOptions(out=out, cache=False, views=False))
    assert summary.problems == [], summary.problems
    return out / "graph.ttl"


def article(graph, source: str) -> URIRef:
    return next(graph.subjects(DCTERMS.source, Literal(source)))


def rows(graph_path: Path, query: str, **bindings: str) -> list[dict[str, str]]:
    """The rows of a query of the library, every cell as plain text ("" when unbound)."""
    text = (QUERIES / f"{query}.rq").read_text(encoding="utf-8")
    values = {name: ox.Literal(value, language="zh") for name, value in bindings.items()}
    solutions = run_query(load_store(graph_path), text, graph_prefixes(graph_path),
                          bindings=values)
    names = [v.value for v in solutions.variables]
    return [{n: (s[n].value if s[n] is not None else "") for n in names} for s in solutions]


@pytest.fixture(scope="module")
def with_manifest(tmp_path_factory):
    """Two pages and a manifest: one row with a full date, one that gives only the year."""
    root = tmp_path_factory.mktemp("with-manifest")
    corpus = write_corpus(root / "corpus", {
        "p1.txt": SECRETARY.format(lead="3月14日"),
        "p2.txt": COMMUNITY.format(lead="7月28日", where=""),
    }, "file,date,publication,page,url\n"
       "p1.txt,2022-03-15,青枫日报,A03,https://example.org/qingfeng/a03\n"
       "p2.txt,2023,,,\n")
    return build_graph(corpus, root / "out")


@pytest.fixture(scope="module")
def without_manifest(tmp_path_factory):
    root = tmp_path_factory.mktemp("without-manifest")
    corpus = write_corpus(root / "corpus", {
        "q1.txt": SECRETARY.format(lead="2021年5月6日上午"),
        "q2.txt": COMMUNITY.format(lead="近日", where=""),
    })
    return build_graph(corpus, root / "out")


# --- the manifest -----------------------------------------------------------------------------

def test_manifest_gives_articles_date_paper_page_and_url(with_manifest):
    graph = load_graph(with_manifest)
    a = article(graph, "p1.txt")
    assert graph.value(a, DCTERMS.date) == Literal(date(2022, 3, 15))
    paper = graph.value(a, DCTERMS.publisher)
    assert graph.value(paper, RDFS.label) == Literal("青枫日报", lang="zh")
    assert (paper, RDF.type, SCHEMA.NewsMediaOrganization) in graph
    assert graph.value(a, SCHEMA.pagination) == Literal("A03")
    assert graph.value(a, SCHEMA.url) == Literal("https://example.org/qingfeng/a03",
                                                  datatype=XSD.anyURI)


def test_manifest_year_completes_a_month_and_day_dateline(with_manifest):
    graph = load_graph(with_manifest)
    a = article(graph, "p2.txt")
    assert graph.value(a, DCTERMS.date) == Literal(date(2023, 7, 28))
    line = graph.value(a, DJ.dateline)
    assert graph.value(line, PROV.wasGeneratedBy) == URIRef(RULES + "dateline-manifest-year")


def test_manifest_date_wins_over_the_dateline_which_is_kept(with_manifest):
    graph = load_graph(with_manifest)
    a = article(graph, "p1.txt")
    line = graph.value(a, DJ.dateline)
    assert graph.value(line, DCTERMS.date) == Literal(date(2022, 3, 14))
    assert list(graph.objects(a, DCTERMS.date)) == [Literal(date(2022, 3, 15))]


def test_each_post_is_as_of_the_date_of_its_article(with_manifest):
    graph = load_graph(with_manifest)
    as_of = {str(graph.value(graph.value(m, ORG.organization), RDFS.label)): graph.value(m, DJ.asOf)
             for m in graph.subjects(RDF.type, ORG.Membership)}
    assert as_of == {"青枫街道党工委": Literal(date(2022, 3, 15)),
                     "白鹭社区党委": Literal(date(2023, 7, 28))}


def test_posts_over_time_lists_a_persons_posts_oldest_first(with_manifest):
    found = rows(with_manifest, "posts-over-time", person="王小明")
    assert [(r["asOf"], r["organisation"], r["title"]) for r in found] == [
        ("2022-03-15", "青枫街道党工委", "书记"), ("2023-07-28", "白鹭社区党委", "书记")]


def test_initiatives_by_year_gives_each_its_year_of_first_report(with_manifest):
    found = rows(with_manifest, "initiatives-by-year")
    assert [(r["year"], r["initiative"], r["firstReported"]) for r in found] == [
        ("2022", "红枫驿站书记项目", "2022-03-15"), ("2023", "鹭岛家园书记项目", "2023-07-28")]
    assert all(r["kind"] for r in found)  # whichever kind the recogniser gave


# --- dates from the text ----------------------------------------------------------------------

def test_a_full_dateline_dates_its_article_with_evidence(without_manifest):
    graph = load_graph(without_manifest)
    a = article(graph, "q1.txt")
    assert graph.value(a, DCTERMS.date) == Literal(date(2021, 5, 6))
    line = graph.value(a, DJ.dateline)
    start, end = int(graph.value(line, DJ.charStart)), int(graph.value(line, DJ.charEnd))
    page = (without_manifest.parent.parent / "corpus" / "q1.txt").read_text(encoding="utf-8")
    assert page[start:end] == "2021年5月6日" == str(graph.value(line, DJ.evidence))
    assert graph.value(line, PROV.wasDerivedFrom) == a
    assert graph.value(line, PROV.wasGeneratedBy) == URIRef(RULES + "dateline")


def test_recently_leaves_an_article_and_its_posts_undated(without_manifest):
    graph = load_graph(without_manifest)
    a = article(graph, "q2.txt")
    assert graph.value(a, DCTERMS.date) is None and graph.value(a, DJ.dateline) is None
    found = rows(without_manifest, "posts-over-time", person="王小明")
    assert [(r["asOf"], r["organisation"]) for r in found] == [
        ("2021-05-06", "青枫街道党工委"), ("", "白鹭社区党委")]
    assert [(r["year"], r["initiative"]) for r in rows(without_manifest, "initiatives-by-year")] \
        == [("2021", "红枫驿站书记项目"), ("", "鹭岛家园书记项目")]


def dateline_of(text: str, **kwargs):
    return find_dateline(process_text("x.txt", text).articles[0], **kwargs)


def test_month_and_day_take_the_year_of_a_full_date_on_the_page():
    text = SECRETARY.format(lead="7月28日") + "\n该驿站于2019年3月5日建成。\n"
    result = process_text("x.txt", text)
    assert page_year(result.source_text) == 2019
    assert date_articles([result])["x.txt#0"] == Dated(
        date(2019, 7, 28), find_dateline(result.articles[0], 2019))


def test_month_and_day_without_any_year_stay_undated():
    assert dateline_of(SECRETARY.format(lead="7月28日")) is None
    assert date_articles([process_text("x.txt", SECRETARY.format(lead="7月28日"))]) == {}


def test_a_date_after_publication_belongs_to_the_year_before():
    line = dateline_of(SECRETARY.format(lead="12月30日"), year=2024, published=date(2024, 1, 3))
    assert line.date == date(2023, 12, 30)


@pytest.mark.parametrize("lead, expected", [
    ("7月28日下午", date(2023, 7, 28)),
    ("7月6日上午9点", date(2023, 7, 6)),
    ("9月12号", date(2023, 9, 12)),
    ("5月10日—12日", date(2023, 5, 10)),
    ("日前", None),
    ("近日", None),
])
def test_lead_date_forms(lead, expected):
    line = dateline_of(SECRETARY.format(lead=lead), year=2023)
    assert (line.date if line else None) == expected


def test_a_published_line_dates_the_article():
    text = SECRETARY.replace("\n\n", "\n\n发布时间：2020年06月15日 作者：青枫街道\n\n", 1)
    line = dateline_of(text.format(lead="6月6日"), year=2000)
    assert (line.date, line.rule) == (date(2020, 6, 15), "date-published")


def test_an_impossible_date_dates_nothing():
    assert dateline_of(SECRETARY.format(lead="2月30日"), year=2023) is None


# --- a bad manifest: one line naming the file and line ------------------------------------------

@pytest.mark.parametrize("manifest, where, reason", [
    ("file,date\np1.txt,2023-13-01\n", ":2", "not a calendar date"),
    ("file,date\np1.txt,28/7/2023\n", ":2", "not YYYY-MM-DD"),
    ("file,when\np1.txt,2023\n", ":1", "unknown column 'when'"),
    ("file,date\np1.txt,2023\np1.txt,2024\n", ":3", "already listed on line 2"),
    ("file,date\n,2023\n", ":2", "the file cell is empty"),
])
def test_a_malformed_manifest_names_its_line(tmp_path, manifest, where, reason):
    corpus = write_corpus(tmp_path / "corpus", {"p1.txt": SECRETARY.format(lead="7月28日")},
                          manifest)
    with pytest.raises(InputError) as error:
        build([corpus], BuildOptions(out=tmp_path / "out", cache=False, views=False))
    message = str(error.value)
    assert f"manifest.csv{where}: " in message and reason in message and "\n" not in message
    assert not (tmp_path / "out").exists()


def test_a_tab_separated_manifest_is_read_and_found_beside_a_file_input(tmp_path):
    corpus = write_corpus(tmp_path, {"p1.txt": "x"})
    (corpus / "manifest.tsv").write_text("file\tdate\tpublication\np1.txt\t2023-07-28\t青枫日报\n",
                                         encoding="utf-8")
    found = find_manifest([corpus / "p1.txt"])
    assert found == corpus / "manifest.tsv"
    info = read_manifest(found)["p1.txt"]
    assert (info.date, info.year, info.publication, info.url) == (date(2023, 7, 28), 2023,
                                                                   "青枫日报", "")


def test_a_changed_manifest_redates_cached_pages(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {"p1.txt": SECRETARY.format(lead="3月14日")},
                          "file,date\np1.txt,2022\n")
    options = BuildOptions(out=tmp_path / "out", views=False)
    build([corpus], options)
    write_corpus(corpus, {}, "file,date\np1.txt,2023\n")
    summary = build([corpus], options)
    assert summary.cached == 1
    graph = load_graph(tmp_path / "out" / "graph.ttl")
    assert graph.value(article(graph, "p1.txt"), DCTERMS.date) == Literal(date(2023, 3, 14))


def test_two_manifests_for_one_build_are_refused(tmp_path):
    first = write_corpus(tmp_path / "a", {"p1.txt": "x"}, "file,date\n")
    second = write_corpus(tmp_path / "b", {"p2.txt": "x"}, "file,date\n")
    with pytest.raises(InputError, match="a second manifest"):
        find_manifest([first, second])
