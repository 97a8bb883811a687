"""``kg query`` and the research queries it ships (kg/queries): SPARQL over a built graph, clean
errors, aligned tables, the on-disk store it keeps, and each research query answering what a
reader of the seeds expects."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from graph_fixtures import SEEDS, invented_graph, seed_graph

from kg.cli import cli
from kg.errors import QueryError
from kg.query import cell_text, parse_binding, run_query, table, width
from kg.rdf.load import graph_prefixes, load_store

QUERIES = Path(__file__).resolve().parent.parent / "kg" / "queries"
PARTY_SUFFIXES = ("党委", "党工委", "党支部", "党总支", "党组", "区委", "市委", "县委")


@pytest.fixture(scope="module")
def graph_path(tmp_path_factory):
    return invented_graph(tmp_path_factory.mktemp("invented"))


def kg(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["query", *args], input=input)


# --- the command ----------------------------------------------------------------------------

def test_query_table_lists_labels_aligned(graph_path):
    result = kg("SELECT ?name ?kind WHERE { ?e a dj:Person ; rdfs:label ?name . "
                "BIND(\"人\" AS ?kind) } ORDER BY ?name", "--graph", str(graph_path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["name", "kind"] and lines[-1] == "(3 rows)"
    assert {line.split()[0] for line in lines[2:-1]} == {"张三丰", "李四光", "王五"}
    # the second column starts at the same display column on every line, CJK counted as two
    starts = {width(line[:line.rindex(" ") + 1]) for line in lines[:1] + lines[2:-1]}
    assert len(starts) == 1


def test_query_width_counts_wide_characters_twice():
    assert width("abc") == 3 and width("张三丰") == 6 and width("“1+5”") == 5 and width("ＡＢ") == 4


def test_query_table_pads_by_display_width():
    text = table(["a", "b"], [["张三", "x"], ["abcd", "y"]])
    first, second = text.splitlines()[2:4]
    assert first == "张三  x" and second == "abcd  y"
    assert width(first[:first.index("x")]) == width(second[:second.index("y")]) == 6


def test_query_table_clips_long_cells():
    text = table(["evidence"], [["青" * 50]], max_width=11)
    assert text.splitlines()[2] == "青" * 5 + "…"


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_query_standard_result_formats(graph_path, fmt):
    result = kg("SELECT ?name WHERE { ?e a dj:Person ; rdfs:label ?name } ORDER BY ?name",
                "--graph", str(graph_path), "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["head"]["vars"] == ["name"]
        names = [b["name"]["value"] for b in data["results"]["bindings"]]
        assert data["results"]["bindings"][0]["name"]["xml:lang"] == "zh"
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert rows[0] == ["name"]
        names = [r[0] for r in rows[1:]]
    else:
        lines = result.stdout.splitlines()
        assert lines[0] == "?name"
        names = [re.match(r'"(.*)"@zh', line).group(1) for line in lines[1:]]
    assert names == sorted(["张三丰", "李四光", "王五"])


def test_query_ask_and_construct(graph_path):
    ask = kg("ASK { ?p a dj:Person }", "--graph", str(graph_path))
    assert ask.exit_code == 0 and ask.stdout == "yes\n"
    construct = kg("CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a dj:Person ; rdfs:label ?n }",
                   "--graph", str(graph_path), "--format", "csv")
    rows = list(csv.reader(io.StringIO(construct.stdout)))
    assert rows[0] == ["subject", "predicate", "object"] and len(rows) == 4


def test_query_reads_a_file_a_library_name_and_stdin(graph_path, tmp_path, monkeypatch):
    path = tmp_path / "people.rq"
    path.write_text("SELECT ?n WHERE { ?p a dj:Person ; rdfs:label ?n }", encoding="utf-8")
    assert kg(str(path), "--graph", str(graph_path)).stdout.endswith("(3 rows)\n")
    assert kg("-", "--graph", str(graph_path), input=path.read_text()).stdout.endswith("(3 rows)\n")
    monkeypatch.chdir(tmp_path)  # the research queries ship with the package: no queries/ here
    result = kg("secretary-projects", "--graph", str(graph_path))
    assert result.exit_code == 0 and "邻里红管家" in result.stdout


def test_query_a_local_queries_folder_comes_before_the_shipped_library(graph_path, tmp_path,
                                                                        monkeypatch):
    (tmp_path / "queries").mkdir()
    (tmp_path / "queries" / "secretary-projects.rq").write_text(
        "SELECT ?mine WHERE { BIND (\"local\" AS ?mine) }", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "local" in kg("secretary-projects", "--graph", str(graph_path)).stdout


def test_query_library_lists_the_shipped_files():
    from kg.query import library

    assert sorted(library()) == sorted(p.stem for p in QUERIES.glob("*.rq"))
    assert "kg.queries" in (QUERIES.parent.parent / "pyproject.toml").read_text(encoding="utf-8")


# --- the on-disk store ------------------------------------------------------------------------

def copy_graph(graph_path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / "graph.ttl"
    copy.write_bytes(Path(graph_path).read_bytes())
    return copy


def test_query_store_is_not_taken_for_a_turtle_file_by_tools_that_glob_the_output(graph_path,
                                                                                   tmp_path):
    graph = copy_graph(graph_path, tmp_path / "out")
    assert kg("ASK { ?p a dj:Person }", "--graph", str(graph)).stdout == "yes\n"
    assert sorted((tmp_path / "out").rglob("*.ttl")) == [graph]


def test_query_keeps_a_store_beside_the_graph_and_reuses_it(graph_path, tmp_path):
    from kg.store import store_folder

    graph = copy_graph(graph_path, tmp_path / "out")
    assert kg("ASK { ?p a dj:Person }", "--graph", str(graph)).stdout == "yes\n"
    db = store_folder(graph) / "db"
    assert db.is_dir() and store_folder(graph) == tmp_path / "out" / ".store" / "graph.ttl.oxigraph"
    made = db.stat().st_ino
    assert kg("ASK { ?p a dj:Person }", "--graph", str(graph)).stdout == "yes\n"
    graph.write_bytes(graph.read_bytes())  # a rebuild writing the same bytes: the store stays
    assert kg("ASK { ?p a dj:Person }", "--graph", str(graph)).stdout == "yes\n"
    assert db.stat().st_ino == made


def test_query_never_answers_from_a_stale_store(graph_path, tmp_path):
    graph = copy_graph(graph_path, tmp_path / "out")
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?p a dj:Person }"
    assert kg(count, "--graph", str(graph), "--format", "csv").stdout.split() == ["n", "3"]
    graph.write_text(graph.read_text(encoding="utf-8")
                     + "\ndjr:person-new a dj:Person .\n", encoding="utf-8")
    assert kg(count, "--graph", str(graph), "--format", "csv").stdout.split() == ["n", "4"]


def test_query_store_falls_back_to_memory_when_it_cannot_be_written(graph_path, tmp_path,
                                                                     monkeypatch):
    graph = copy_graph(graph_path, tmp_path / "out")

    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))
    monkeypatch.setattr("kg.store.write_store", refuse)
    assert kg("ASK { ?p a dj:Person }", "--graph", str(graph)).stdout == "yes\n"
    assert not (tmp_path / "out" / ".store" / "graph.ttl.oxigraph").exists()


def test_query_store_of_an_unreadable_graph_is_one_clean_error(tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("@prefix a: <http://a/> .\na:b a:c .\n", encoding="utf-8")
    result = kg("ASK { ?s ?p ?o }", "--graph", str(bad))
    assert result.exit_code == 2 and "line 2" in result.stderr and "Traceback" not in result.output


def test_query_bind_sets_a_variable(graph_path):
    result = kg("SELECT ?name ?e WHERE { ?e rdfs:label ?name }", "--bind", "name=张三丰",
                "--graph", str(graph_path))
    assert result.exit_code == 0, result.output
    assert result.stdout.count("djr:person-") == 1 and "(1 row)" in result.stdout


def test_query_bind_parses_iris_and_strings():
    prefixes = {"dj": "https://w3id.org/dangjian-kg/ontology#"}
    assert parse_binding("k=dj:Person", prefixes) == ("k", ox.NamedNode(prefixes["dj"] + "Person"))
    assert parse_binding("k=<urn:x>", prefixes) == ("k", ox.NamedNode("urn:x"))
    assert parse_binding("?k=青松", prefixes) == ("k", ox.Literal("青松", language="zh"))
    with pytest.raises(QueryError):
        parse_binding("no-equals-sign", prefixes)


@pytest.mark.parametrize("query, message", [
    ("SELECT ?n WHERE {\n  ?p a dj:Person ;\n     rdfs:label ?n\n",
     "SPARQL syntax error at line 4"),
    ("SELECT ?n WHERE {\n  ?p foo:bar ?n }", "undeclared prefix foo:"),
    ("INSERT DATA { dj:a dj:b dj:c }", "SPARQL Update"),
    ("PREFIX x: <urn:x#>\n# a comment\nDELETE WHERE { ?s ?p ?o }", "SPARQL Update"),
])
def test_query_errors_are_one_clean_line_with_exit_2(graph_path, query, message):
    result = kg(query, "--graph", str(graph_path))
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args, message", [
    (["SELECT * WHERE { ?s ?p ?o }", "--graph", "nowhere/graph.ttl"], "no such graph file"),
    (["missing.rq"], "no such query file"),
    (["SELECT ?n WHERE { ?s ?p ?o }", "--bind", "zzz=1"], "no variable ?zzz"),
])
def test_query_bad_arguments_are_clean_errors(graph_path, args, message):
    if "--graph" not in args:
        args = [*args, "--graph", str(graph_path)]
    result = kg(*args)
    assert result.exit_code == 2 and message in result.stderr


def test_query_cell_text_compacts_iris():
    prefixes = graph_prefixes_default()
    assert cell_text(ox.NamedNode(prefixes["dj"] + "Person"), prefixes) == "dj:Person"
    assert cell_text(ox.NamedNode("urn:other"), prefixes) == "<urn:other>"
    assert cell_text(None, prefixes) == ""


def graph_prefixes_default() -> dict[str, str]:
    from kg.rdf.namespaces import PREFIXES
    return PREFIXES()


# --- the research queries on the seed graph --------------------------------------------------

@pytest.fixture(scope="module")
def seeds():
    path = seed_graph()
    return load_store(path), graph_prefixes(path)


def rows(seeds, name: str, **bind: str) -> list[dict[str, str]]:
    store, prefixes = seeds
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    bindings = {k: ox.Literal(v, language="zh") for k, v in bind.items()}
    results = run_query(store, text, prefixes, bindings=bindings)
    names = [v.value for v in results.variables]
    return [{n: cell_text(s[n], prefixes) for n in names} for s in results]


def test_query_library_has_nine_commented_queries():
    files = sorted(QUERIES.glob("*.rq"))
    assert len(files) >= 9
    for path in files:
        head = path.read_text(encoding="utf-8").splitlines()[:2]
        assert head[0].startswith("# ") and re.search(r"[\u4e00-\u9fff]", head[0]), path.name
        assert head[1].startswith("# ") and re.search(r"[A-Za-z]{4,}", head[1]), path.name


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.stem)
def test_query_library_runs_through_the_cli(path):
    result = kg(str(path), "--graph", str(seed_graph()), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["results"]["bindings"], f"{path.name} found nothing"


def test_query_secretary_projects_with_evidence(seeds):
    run = [r for r in rows(seeds, "secretary-projects") if r["organisation"]]
    assert len({r["project"] for r in run}) >= 3
    for r in run:
        assert "书记项目" in r["evidence"]
        name = "".join(r["project"].removesuffix("书记项目").strip("“”").split())
        assert name in "".join(r["evidence"].split())
        assert 0 < float(r["confidence"]) <= 1


def test_query_secretary_projects_on_each_page(seeds):
    # a reader finds four 书记项目 on the seed pages, one on page 000 and three on page 002,
    # each with the body that runs it in the same sentence
    run = [r for r in rows(seeds, "secretary-projects") if r["organisation"]]
    pages = [r["article"].split("article-")[1][:3] for r in run]
    assert pages.count("000") >= 1 and pages.count("002") >= 3


def test_query_secretary_projects_all_have_a_runner(seeds):
    lonely = [r["project"] for r in rows(seeds, "secretary-projects") if not r["organisation"]]
    assert lonely == [], "书记项目 nobody runs (a reader finds a runner for each)"


def test_query_secretary_projects_are_run_by_party_organisations(seeds):
    for r in rows(seeds, "secretary-projects"):
        if r["organisation"]:
            assert r["organisation"].endswith(PARTY_SUFFIXES), r


def test_query_district_posts(seeds):
    found = rows(seeds, "district-posts")
    assert len({r["person"] for r in found}) >= 5
    assert len({r["district"] for r in found}) >= 3
    assert any("书记" in r["titles"] for r in found)
    districts = {r["district"] for r in found}
    busiest = max(sorted(districts), key=lambda d: sum(r["district"] == d for r in found))
    bound = rows(seeds, "district-posts", district=busiest)
    assert bound == [r for r in found if r["district"] == busiest]


def test_query_initiatives_by_kind(seeds):
    found = rows(seeds, "initiatives-by-kind")
    assert {r["kind"] for r in found} <= {"书记项目", "机制", "品牌", "行动", "服务阵地"}
    districts = {r["district"] for r in found}
    assert len(districts) >= 3
    assert max(sum(r["district"] == d for r in found) for d in districts) >= 3
    assert {"书记项目", "机制"} <= {r["kind"] for r in found}
    assert all(int(r["initiatives"]) >= 1 for r in found)


def test_query_top_organisations(seeds):
    found = rows(seeds, "top-organisations")
    counts = [int(r["articles"]) for r in found]
    assert 1 <= len(found) <= 20 and counts == sorted(counts, reverse=True)
    assert counts[0] >= 2  # bodies recur: the district committees turn up on two pages
    assert {r["type"] for r in found} <= {"PartyOrganization", "GovernmentAgency", "Enterprise",
                                         "SocialOrganization", "PublicInstitution", ""}


def test_query_top_organisations_are_the_most_mentioned_with_ties_by_name(seeds):
    store, prefixes = seeds
    counts = [(s["name"].value, int(s["n"].value)) for s in store.query(
        "SELECT ?name (COUNT(DISTINCT ?a) AS ?n) WHERE { ?o a dj:Organization ; rdfs:label ?name "
        ". ?a schema:mentions ?o } GROUP BY ?o ?name", prefixes=prefixes)]
    found = [(r["organisation"], int(r["articles"])) for r in rows(seeds, "top-organisations")]
    ranked = sorted(counts, key=lambda c: (-c[1], c[0]))
    assert list(dict.fromkeys(found)) == ranked[:20]
    assert ranked[19][1] == ranked[20][1]  # the 20th ties with the 21st: the name decides


def test_query_top_organisations_beyond_its_sample_are_still_the_most_mentioned(seeds):
    # The query takes its cut-off from the first 500 articles the store returns; on 1,500
    # articles, each organisation's mentions spread over all of them, the answer must still be
    # the 20 most mentioned, ties broken by name.
    _, prefixes = seeds
    dj, schema = prefixes["dj"], prefixes["schema"]
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    store = ox.Store()
    articles = [ox.NamedNode(f"{dj}a{i}") for i in range(1500)]
    for a in articles:
        store.add(ox.Quad(a, rdf_type, ox.NamedNode(schema + "NewsArticle")))
    expected = []
    for o in range(40):
        org = ox.NamedNode(f"{dj}o{o}")
        store.add(ox.Quad(org, rdf_type, ox.NamedNode(dj + "Organization")))
        store.add(ox.Quad(org, label, ox.Literal(f"组织{o:02d}", language="zh")))
        # counts fall by two from 120, but the 18th to the 23rd tie: names decide among them
        count = 120 - 2 * (17 if 17 <= o <= 22 else o)
        mentioned = [articles[(37 * o + 7 * j) % len(articles)] for j in range(count)]
        for a in mentioned:
            store.add(ox.Quad(a, ox.NamedNode(schema + "mentions"), org))
        expected.append((f"组织{o:02d}", len(mentioned)))
    found = [(r["organisation"], int(r["articles"])) for r in rows((store, prefixes),
                                                                   "top-organisations")]
    assert found == sorted(expected, key=lambda c: (-c[1], c[0]))[:20]


def test_query_partner_network(seeds):
    found = rows(seeds, "partners")
    pairs = {(r["organisation"], r["partner"]) for r in found}
    assert all((b, a) in pairs for a, b in pairs)  # symmetric
    assert len(pairs) // 2 >= 4
    assert all(r["evidence"] for r in found)
    hub = max(sorted({a for a, _ in pairs}), key=lambda a: sum(x == a for x, _ in pairs))
    bound = rows(seeds, "partners", organisation=hub)
    assert bound and {r["organisation"] for r in bound} == {hub}


def test_query_reporters(seeds):
    found = rows(seeds, "reporters")
    # the seed pages carry more than twenty distinct bylines
    assert len({r["reporter"] for r in found}) >= 20
    for r in found:
        assert r["source"].endswith(".txt") and int(r["position"]) >= 1
        assert r["reporter"] not in r["people"].split("、")


def test_query_331_mechanisms(seeds):
    found = rows(seeds, "mechanisms-331")
    assert found
    for r in found:
        assert "331" in r["mechanism"]
        assert r["runner"] and r["place"], r
        assert "331" in r["evidence"]


def test_query_party_chain(seeds):
    found = rows(seeds, "party-chain")
    committees = {r["committee"] for r in found}
    assert len(committees) >= 4 and all("社区" in c for c in committees)
    for committee in committees:
        steps = sorted(int(r["steps"]) for r in found if r["committee"] == committee)
        assert steps[0] == 1
    # some community committee's chain climbs through its 街道 and district up to the city
    assert max(int(r["steps"]) for r in found) >= 3


def test_query_evidence_sentences_are_the_source_text(seeds):
    found = rows(seeds, "evidence")
    assert len(found) >= 50
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for r in found[::7]:
        start, end = int(r["charStart"]), int(r["charEnd"])
        quoted = "".join(texts[r["source"]][start:end].split())
        assert "".join(r["evidence"].split()) == quoted, r


def test_query_bench_reports_nearest_rank_percentiles_as_a_markdown_table():
    from bench.query_bench import markdown, percentile

    samples = [0.010, 0.030, 0.020, 0.500, 0.040]
    assert percentile(samples, 0.5) == 0.030 and percentile(samples, 0.95) == 0.500
    table = markdown([{"query": "evidence", "cli": samples, "serve": [0.002]}], "t")
    assert "| evidence | 30 | 500 | 2 | 2 |" in table.splitlines()


# --- what `kg query` costs and how it answers (issue 12) ---------------------------------------

def test_query_answers_without_importing_the_build_or_its_libraries(graph_path, tmp_path):
    # a `kg query` process is mostly its start: rdflib alone was a third of it (only writing the
    # store needs it), the pipeline with its tagger and views more; the vocabulary tables and
    # importlib.resources (the shipped library is a folder beside kg.query) a tenth together
    graph = copy_graph(graph_path, tmp_path / "out")
    assert kg("ASK { ?p a dj:Person }", "--graph", str(graph)).stdout == "yes\n"  # writes it
    heavy = ["rdflib", "networkx", "pyvis", "jieba", "numpy", "pyshacl", "kg.pipeline",
             "kg.recognise", "kg.views", "kg.vocab", "importlib.resources"]
    script = ("import sys\nfrom kg.cli import main\n"
              f"sys.argv = ['kg', 'query', 'secretary-projects', '--graph', {str(graph)!r}]\n"
              "try:\n    main()\nexcept SystemExit:\n    pass\n"
              f"print([m for m in {heavy!r} if m in sys.modules])\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines()[-2:] == ["(1 row)", "[]"], done.stdout + done.stderr


def test_query_prefixes_are_the_contracts_with_the_graphs_own_base(tmp_path):
    from kg.query import graph_prefixes as without_rdflib
    from kg.rdf.namespaces import PREFIXES

    graph = tmp_path / "graph.ttl"
    prefixes = PREFIXES("https://example.org/青松/")
    graph.write_text("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items()),
                     encoding="utf-8")
    assert without_rdflib(graph) == prefixes == graph_prefixes(graph)
    assert without_rdflib(tmp_path / "missing.ttl") == PREFIXES()


def test_query_csv_tsv_json_are_pyoxigraphs_bytes_unchanged(graph_path):
    store, prefixes = load_store(graph_path), graph_prefixes(graph_path)
    text = "SELECT ?name ?e WHERE { ?e a dj:Person ; rdfs:label ?name } ORDER BY ?name"
    for fmt, engine in [("csv", ox.QueryResultsFormat.CSV), ("tsv", ox.QueryResultsFormat.TSV),
                        ("json", ox.QueryResultsFormat.JSON)]:
        result = kg(text, "--graph", str(graph_path), "--format", fmt)
        assert result.exit_code == 0, result.output
        assert result.stdout_bytes == store.query(text, prefixes=prefixes).serialize(format=engine)


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.stem)
def test_query_library_answers_the_same_rows_in_the_same_order_on_disk_and_in_memory(path,
                                                                                    tmp_path):
    # `kg query` reads the on-disk store, `kg serve` an in-memory one: the same query must give
    # the same bytes on both, GROUP_CONCAT lists included
    graph = copy_graph(seed_graph(), tmp_path / "out")
    prefixes = graph_prefixes(graph)
    text = path.read_text(encoding="utf-8")
    from kg.store import graph_store

    disk = graph_store(graph).query(text, prefixes=prefixes)
    memory = load_store(graph).query(text, prefixes=prefixes)
    assert disk.serialize(format=ox.QueryResultsFormat.CSV) == memory.serialize(
        format=ox.QueryResultsFormat.CSV)


@pytest.mark.parametrize("name, column, separator", [
    ("reporters", "people", "、"), ("district-posts", "titles", "、"),
    ("initiatives-by-kind", "names", " | ")])
def test_query_library_lists_are_in_name_order(seeds, name, column, separator):
    found = rows(seeds, name)
    lists = [r[column].split(separator) for r in found if r[column]]
    assert lists and all(items == sorted(items) for items in lists)
    assert name == "district-posts" or any(len(items) > 1 for items in lists)


@pytest.mark.parametrize("name", ["secretary-projects", "district-posts", "initiatives-by-kind",
                                  "initiatives-by-year", "partners", "party-chain",
                                  "posts-over-time", "reporters", "evidence", "mechanisms-331"])
def test_query_library_rows_are_in_their_documented_order(seeds, name):
    keys = {"secretary-projects": ["project", "organisation"], "district-posts":
            ["district", "person", "body"], "partners": ["organisation", "partner", "evidence"],
            "party-chain": ["committee"], "reporters": ["reporter", "source"],
            "evidence": ["entity", "source"], "mechanisms-331": ["mechanism", "runner", "place"],
            "initiatives-by-kind": ["district"], "initiatives-by-year": [],
            "posts-over-time": ["person"]}[name]
    found = rows(seeds, name)
    assert [[r[k] for k in keys] for r in found] == sorted([r[k] for k in keys] for r in found)


def test_query_evidence_unbound_lists_the_first_hundred_entities_by_name(seeds):
    store, prefixes = seeds
    found = rows(seeds, "evidence")
    names = list(dict.fromkeys(r["entity"] for r in found))
    labels = sorted(s["l"].value for s in store.query("SELECT ?l WHERE { ?e rdfs:label ?l }",
                                                      prefixes=prefixes))
    assert names and names[-1] <= labels[99] and len(names) <= 100
    # and bound, every relation of one entity: each statement naming it, from either end
    busiest = max(sorted(set(r["other"] for r in found)),
                  key=lambda n: sum(r["other"] == n for r in found))
    bound = rows(seeds, "evidence", entity=busiest)
    count = next(iter(store.query(
        f'SELECT (COUNT(*) AS ?n) WHERE {{ ?e rdfs:label "{busiest}"@zh . '
        "{ ?s rdf:subject ?e } UNION { ?s rdf:object ?e } ?s dj:evidence ?x }",
        prefixes=prefixes)))
    assert len(bound) == int(count["n"].value) >= 2
    assert {r["entity"] for r in bound} == {busiest}


def test_query_evidence_bound_to_a_name_after_the_first_hundred_lists_its_relations(seeds):
    # unbound, the names after a cut-off are never sorted; a bound entity must not meet it
    store, prefixes = seeds
    labels = sorted(s["l"].value for s in store.query("SELECT ?l WHERE { ?e rdfs:label ?l }",
                                                      prefixes=prefixes))
    last = max(s["l"].value for s in store.query(
        "SELECT ?l WHERE { ?s a rdf:Statement ; rdf:subject ?e . ?e rdfs:label ?l }",
        prefixes=prefixes))
    bound = rows(seeds, "evidence", entity=last)
    assert last > labels[99] and bound and {r["entity"] for r in bound} == {last}


def test_query_evidence_unbound_tells_the_user_what_is_left_out(graph_path):
    unbound = kg("evidence", "--graph", str(graph_path), "--format", "csv")
    assert unbound.exit_code == 0 and unbound.stderr.startswith("Note: only the relations of")
    assert "--bind entity=" in unbound.stderr and "./queries/" in unbound.stderr
    assert "Note" not in unbound.stdout
    bound = kg("evidence", "--graph", str(graph_path), "--bind", "entity=梅林社区党委")
    assert bound.exit_code == 0 and bound.stderr == "" and "梅林社区党委" in bound.stdout
