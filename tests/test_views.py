"""The explorer without a browser: what is read from the graph, what the data files hold, and that
the files are deterministic, self-contained, small and escape everything.
tests/test_views_browser.py opens them in Chromium."""
from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.views import ViewError, render_pages, write_views
from kg.views.explorer import (ARTICLE_SHARD, SHARD, coded, entity_graph, groups, initials, initials_of,
                               overview, shard_name)
from kg.views.graphdata import read_graph
from kg.views.html import escape_json, json_dumps
from kg.views.layout import layout
from kg.views.marks import find_marks
from views_graphs import (NASTY_ENTITIES, curated_build, NASTY_RELATIONS, PWN, TIDY_ENTITIES, TIDY_RELATIONS,
                          iri, nasty_graph, tidy_graph)

DATA_SCRIPT = re.compile(r'window\.kgData=window\.kgData\|\|\{\};kgData\["([a-z0-9/]+)"\]=(.*);\n', re.S)
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tidy(tmp_path_factory) -> Path:
    return tidy_graph(tmp_path_factory.mktemp("tidy"))


@pytest.fixture(scope="module")
def nasty(tmp_path_factory) -> Path:
    return nasty_graph(tmp_path_factory.mktemp("nasty"))


@pytest.fixture(scope="module")
def tidy_files(tidy) -> dict[str, str]:
    return render_pages(read_graph(tidy))


def loaded(files: dict[str, str], name: str):
    """The value a data script hands to the page, parsed as the browser would."""
    match = DATA_SCRIPT.fullmatch(files[f"data/{name}.js"])
    assert match and match.group(1) == name
    return json.loads(match.group(2))


def entity_number(files, key: str) -> int:
    index = loaded(files, "index")
    return index["entities"]["key"].index(str(iri(key))[len(index["base"]):])


# ---- reading the graph ----

def test_graphdata_reads_classes_labels_aliases(tidy):
    data = read_graph(tidy)
    assert len(data.nodes) == len(TIDY_ENTITIES)
    party = data.nodes[str(iri("party"))]
    assert (party.kind, party.subtype, party.label, party.aliases) == (
        "Organization", "PartyOrganization", "青松社区党委", ("青松党委",))
    assert data.nodes[str(iri("zhang"))].articles == ("https://w3id.org/dangjian-kg/id/article-test-01",)
    assert data.nodes[str(iri("street"))].level == "Subdistrict"


def test_graphdata_reads_relations_with_evidence_role_and_marks(tidy):
    data = read_graph(tidy)
    assert len(data.edges) == len(TIDY_RELATIONS)
    member = next(e for e in data.edges if e.predicate == "memberOf" and e.source == str(iri("zhang")))
    (evidence,) = member.evidence
    assert evidence.text == "青松社区党委书记张三丰说，要把服务送到家门口。"
    assert (evidence.role, evidence.confidence, evidence.rule) == ("书记", "0.9", "test")
    marked = {(evidence.text[a:b], tag) for a, b, tag in evidence.marks}
    assert marked == {("青松社区党委", "o"), ("书记", "r"), ("张三丰", "s")}
    deputy = next(e for e in data.edges if e.source == str(iri("li")))
    assert (deputy.evidence[0].role, deputy.titles) == ("专职副书记", ("副书记",))


def test_graphdata_missing_graph_is_a_one_line_error(tmp_path):
    with pytest.raises(Exception) as error:
        read_graph(tmp_path / "none.ttl")
    assert "no such graph file" in str(error.value) and "\n" not in str(error.value)


# ---- marks ----

@pytest.mark.parametrize("text, subject, object_, role, expected", [
    ("青松党委书记张三丰到场", ["青松社区党委", "青松党委"], ["张三丰"], "书记",
     [("青松党委", "s"), ("书记", "r"), ("张三丰", "o")]),
    ("梅林街道党工委和梅林街道", ["梅林街道党工委"], ["梅林街道"], "",
     [("梅林街道党工委", "s"), ("梅林街道", "o")]),  # the longer name wins where both start
    ("与此无关的句子", ["甲"], ["乙"], "", []),
])
def test_marks_leftmost_longest(text, subject, object_, role, expected):
    marks = find_marks(text, subject, object_, role)
    assert [(text[a:b], tag) for a, b, tag in marks] == expected


def test_marks_are_what_one_regex_of_the_names_finds():
    """The scan gives what re.finditer of the names, longest first, gives (what it was): on
    sentences of few characters, where names overlap, nest, repeat and share a start."""
    chars = "党委街道社区书记"
    for seed in range(400):
        rng = random.Random(seed)
        text = "".join(rng.choice(chars) for _ in range(rng.randrange(0, 30)))
        subject = ["".join(rng.choice(chars) for _ in range(rng.randrange(1, 4)))
                   for _ in range(rng.randrange(0, 3))]
        object_ = ["".join(rng.choice(chars) for _ in range(rng.randrange(1, 4)))
                   for _ in range(rng.randrange(0, 3))]
        role = rng.choice(["", "书记", "书", chars[rng.randrange(8)]])
        tags = {}
        for names, tag in ((subject, "s"), (object_, "o"), ((role,) if role else (), "r")):
            for name in names:
                tags[name] = max(tags.get(name, tag), tag)
        pattern = "|".join(re.escape(n) for n in sorted(tags, key=lambda n: (-len(n), n)))
        expected = tuple((m.start(), m.end(), tags[m.group()])
                         for m in re.finditer(pattern, text)) if tags else ()
        assert find_marks(text, subject, object_, role) == expected, seed


# ---- layout ----

def undirected(edges: list[tuple[str, str]]) -> dict[str, set[str]]:
    """The graph layout() takes: each node → its neighbours, both ways round."""
    graph: dict[str, set[str]] = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set()).add(a)
    return graph


def test_layout_is_deterministic_whatever_the_insertion_order():
    edges = [(f"n{i}", f"n{(i * 7) % 40}") for i in range(40)] + [("x", "y")]
    shuffled = [(b, a) for a, b in edges]
    random.Random(3).shuffle(shuffled)
    first, second = {"alone": set(), **undirected(edges)}, {**undirected(shuffled), "alone": set()}
    assert layout(first) == layout(second)
    assert all(isinstance(c, int) for xy in layout(first).values() for c in xy)


def test_layout_keeps_components_apart():
    graph = undirected([("a", "b"), ("b", "c"), ("d", "e")])
    pos = layout(graph)
    left = max(pos[n][0] for n in "abc")
    assert min(pos[n][0] for n in "de") > left or min(pos[n][1] for n in "de") > max(pos[n][1] for n in "abc")


# ---- the files ----

def test_files_one_page_its_assets_the_index_and_shards(tidy_files):
    names = list(tidy_files)
    assert names[0] == "index.html"
    assert {"index.html", "lib/vis-network.min.js", "lib/explorer.js", "lib/explorer.css", "data/index.js",
            "data/edges.js", "data/n/0000.js", "data/a/0000.js"} == set(names)
    assert tidy_files["lib/vis-network.min.js"].startswith("/**\n * vis-network")  # once, from pyvis
    assert "vis-network" not in tidy_files["index.html"].replace("lib/vis-network.min.js", "")


def test_index_names_every_entity_and_alias_with_pinyin_initials(tidy_files):
    entities = loaded(tidy_files, "index")["entities"]
    assert sorted(entities["label"]) == sorted(label for _, _, label, _ in TIDY_ENTITIES.values())
    assert sorted(a for aliases in entities["aliases"] for a in aliases) == sorted(
        a for *_, aliases in TIDY_ENTITIES.values() for a in aliases)
    street = entity_number(tidy_files, "street")
    assert (entities["label"][street], entities["initials"][street]) == ("梅林街道", "mljd")
    assert {len(c["codes"] if isinstance(c, dict) else c) for c in entities.values()} == {len(TIDY_ENTITIES)}
    levels = entities["level"]
    assert levels["names"][levels["codes"][street]] == "Subdistrict"


def test_coded_columns_number_their_distinct_values():
    assert coded(["b", "", "b", "a"]) == {"names": ["", "a", "b"], "codes": [2, 0, 2, 1]}


def test_initials_of_chinese_and_other_text():
    assert initials("青松社区党委") == "qssqdw"
    assert initials("《方案》A1") == "《fa》a1"


def test_initials_of_many_names_at_once_are_each_names_initials():
    # 长 and 行 read differently by the word around them: no word may span two names
    names = ["重庆路", "长", "长春银行", "行长", "《方案》A1", "", "银行", "a\nb"]
    assert initials_of(names) == [initials(name) for name in names]
    assert initials_of(names[:-1]) == [initials(name) for name in names[:-1]]
    assert initials_of([]) == []


def test_edges_table_has_every_relation_with_its_surest_confidence(tidy_files):
    edges = loaded(tidy_files, "edges")
    index = loaded(tidy_files, "index")
    label = index["entities"]["label"]
    order = index["vocabulary"]["relationOrder"]
    table = {(label[f], order[p], label[t]): (c, n) for f, t, p, c, n in zip(
        edges["from"], edges["to"], edges["predicate"], edges["confidence"], edges["evidence"])}
    assert len(table) == len(TIDY_RELATIONS)
    assert table[("青松社区", "locatedIn", "梅林街道")] == (95, 1)
    member = [i for i, p in enumerate(edges["predicate"]) if order[p] == "memberOf"]
    assert sorted(edges["titles"][str(i)] for i in member) == ["书记", "副书记"]


def test_relations_read_the_right_way_round(tidy_files):
    relations = loaded(tidy_files, "index")["vocabulary"]["relations"]
    assert (relations["issuedBy"]["label"], relations["issuedBy"]["reading"]) == ("发布单位", "{s} 由 {o} 发布")
    assert relations["partnerOf"]["directed"] is False
    assert all("{s}" in r["reading"] and "{o}" in r["reading"] for r in relations.values())


def test_groups_follow_locatedIn_up_to_the_district_and_the_street(tidy):
    found = groups(read_graph(tidy))
    district, street = str(iri("district")), str(iri("street"))
    # zhang through the party he serves in, the project through the party that runs it
    for key in ("party", "community", "street", "zhang", "project"):
        assert found["district"][str(iri(key))] == district, key
    assert found["street"][str(iri("party"))] == street
    assert found["district"][district] == district  # a district is its own group
    assert str(iri("lonely")) not in found["district"] and str(iri("firm")) not in found["street"]


def test_neighbourhood_shard_holds_evidence_and_articles_of_its_entities(tidy_files):
    index = loaded(tidy_files, "index")
    shard = loaded(tidy_files, shard_name("n", 0))
    zhang = entity_number(tidy_files, "zhang")
    assert shard["articles"][str(zhang)] == [0]
    texts = {shard["sentences"][ev["t"]] for evidence in shard["relations"].values() for ev in evidence}
    assert texts == {text for _, _, _, text, _, _ in TIDY_RELATIONS}
    (evidence,) = next(ev for ev in shard["relations"].values()
                       if shard["sentences"][ev[0]["t"]].startswith("青松社区党委书记"))
    assert (evidence["c"], evidence["r"], evidence["o"], evidence["a"]) == ("0.9", "test", "书记", 0)
    assert evidence["s"] is not None and evidence["e"] > evidence["s"]
    assert index["shards"] == {"entity": SHARD, "article": ARTICLE_SHARD}
    assert loaded(tidy_files, shard_name("a", 0)) == {"0": list(range(len(TIDY_ENTITIES)))}


def test_shard_names_group_entities_and_articles():
    assert shard_name("n", SHARD * 3 + 1) == "n/0003"
    assert shard_name("a", ARTICLE_SHARD - 1) == "a/0000"


def test_overview_is_the_most_connected_with_positions(tidy_files):
    index = loaded(tidy_files, "index")
    overview = index["overview"]
    lonely = entity_number(tidy_files, "lonely")
    assert lonely not in overview["nodes"]  # no relation: nothing to see in an overview
    assert len(overview["nodes"]) == len(overview["x"]) == len(overview["y"]) == len(TIDY_ENTITIES) - 1
    assert index["summary"]["entities"] == len(TIDY_ENTITIES)


def test_entity_graph_links_the_distinct_ends_of_relations_both_ways(tidy):
    data = read_graph(tidy)
    graph = entity_graph(data)
    assert list(graph) == sorted(data.nodes)
    assert all(a in graph[b] for a in graph for b in graph[a])  # both ways round
    assert not any(a in graph[a] for a in graph)  # a relation of an entity to itself links nothing
    assert {frozenset((e.source, e.target)) for e in data.edges if e.source != e.target} == {
        frozenset((a, b)) for a in graph for b in graph[a]}


def test_overview_ranks_by_links_ties_by_iri_and_lays_out_only_those():
    graph = {**undirected([("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("h", "e"), ("e", "f")]),
             "g": set()}
    number = {n: i for i, n in enumerate(sorted(graph))}
    assert overview(graph, number, size=5)["nodes"] == [number[n] for n in "abcde"]  # d before f, h
    shown = overview(graph, number, size=4)
    assert shown["nodes"] == [number[n] for n in "abce"]
    positions = layout({**undirected([("a", "b"), ("a", "c"), ("b", "c")]), "e": set()})  # e's links left out
    assert list(zip(shown["x"], shown["y"])) == [positions[n] for n in "abce"]


def test_a_build_imports_networkx_only_for_graphml():
    """networkx took most of the views' import time, which every build pays; kg/export.py alone
    uses it, for the GraphML export, and imports it there."""
    code = ("import kg.cli.build, kg.pipeline, kg.views, kg.export, sys; "
            "print('networkx' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert run.stdout.strip() == "False"


def test_page_loads_only_its_own_files_and_forbids_the_rest(tidy_files):
    page = tidy_files["index.html"]
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy and "script-src 'self' file:;" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert re.findall(r"<script[^>]*>", page) == [
        '<script src="lib/vis-network.min.js">', '<script src="data/index.js">',
        '<script src="data/edges.js">', '<script src="lib/explorer.js">']  # none inline
    for name, text in tidy_files.items():
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text), name
        assert "@import" not in text and "url(http" not in text, name
        assert "sourceMappingURL" not in text, name
    assert "Noto Sans CJK SC" in tidy_files["lib/explorer.css"] and "Microsoft YaHei" in tidy_files["lib/explorer.css"]


def test_files_are_byte_identical_for_the_same_graph(tidy, tmp_path):
    one = write_views(tidy, tmp_path / "one")
    two = write_views(tidy, tmp_path / "two")
    assert [p.relative_to(tmp_path / "one") for p in one] == [p.relative_to(tmp_path / "two") for p in two]
    for a, b in zip(one, two):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_files_do_not_depend_on_the_process_hash_seed(tidy, tmp_path):
    """Set and dict orders vary with PYTHONHASHSEED between runs; the files must not."""
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        code = "import sys; from kg.views import write_views; write_views(sys.argv[1], sys.argv[2])"
        subprocess.run([sys.executable, "-c", code, str(tidy), str(tmp_path / seed)],
                       check=True, env=env, capture_output=True)
    one = sorted(p.relative_to(tmp_path / "1") for p in (tmp_path / "1").rglob("*") if p.is_file())
    assert one == sorted(p.relative_to(tmp_path / "2") for p in (tmp_path / "2").rglob("*") if p.is_file())
    for name in one:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


def test_nasty_text_is_escaped_everywhere(nasty):
    files = render_pages(read_graph(nasty))
    for name, text in files.items():
        if name.startswith("data/"):
            for char in "<>&\u2028\u2029":
                assert char not in text, (name, char)
    assert "<img" not in files["index.html"] and "<script>" not in files["index.html"]
    index = loaded(files, "index")
    assert set(index["entities"]["label"]) == {label for _, _, label, _ in NASTY_ENTITIES.values()}
    assert PWN in index["articles"]["title"][0]  # the text survives intact, as data
    shard = loaded(files, "n/0000")
    assert set(shard["sentences"]) == {text for _, _, _, text, _, _ in NASTY_RELATIONS}


def test_json_escaping_cannot_close_a_script_or_a_line():
    value = {"a": "</script><script>alert(1)</script>", "b": "x\u2028y\u2029z&<>"}
    text = escape_json(json_dumps(value))
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == value
    assert escape_json('"<"') == '"\\u003c"'


def test_assets_never_insert_html():
    assets = ROOT / "kg" / "views" / "assets"
    for script in assets.glob("*.js"):
        code = script.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                     "new Function", "title:"):  # vis-network renders a string title as HTML
            assert sink not in code, (script.name, sink)


def test_write_views_removes_files_of_an_earlier_graph(tidy, tmp_path):
    stale = [tmp_path / "focus" / "org-gone-0000000000.html", tmp_path / "network.html",
             tmp_path / "data" / "n" / "0099.js"]
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("old", encoding="utf-8")
    keep = tmp_path / "notes.txt"
    keep.write_text("mine", encoding="utf-8")
    written = write_views(tidy, tmp_path)
    assert not any(p.exists() for p in stale) and not (tmp_path / "focus").exists()
    assert keep.exists()
    assert sorted(p for p in tmp_path.rglob("*.js")) == sorted(p for p in written if p.suffix == ".js")


def test_write_views_graph_without_entities(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text('@prefix dj: <https://w3id.org/dangjian-kg/ontology#> .\n'
                     '@prefix dcterms: <http://purl.org/dc/terms/> .\n'
                     '<https://w3id.org/dangjian-kg/id/article-a-01> a dj:Article ;\n'
                     '  dcterms:source "a.txt" ; dj:position 1 .\n', encoding="utf-8")
    written = write_views(graph, tmp_path / "views")
    assert written[0].name == "index.html"
    assert "0 个实体" in written[0].read_text(encoding="utf-8")
    files = {p.relative_to(tmp_path / "views").as_posix(): p.read_text(encoding="utf-8") for p in written}
    assert loaded(files, "index")["entities"]["key"] == []


def test_write_views_unwritable_folder_is_a_view_error(tidy, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ViewError, match="cannot write the views"):
        write_views(tidy, blocker / "views")


def test_cli_view_writes_the_explorer(tidy, tmp_path):
    result = CliRunner().invoke(cli, ["view", "--graph", str(tidy), "--out", str(tmp_path / "v")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "v" / "index.html").is_file() and (tmp_path / "v" / "data" / "index.js").is_file()


def test_cli_view_missing_graph_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["view", "--graph", str(tmp_path / "no.ttl"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "no such graph file" in result.output
    assert "Traceback" not in result.output


def test_shards_carry_the_most_confident_evidence_and_count_the_rest():
    """A relation stated in many articles (two hubs of a large corpus) ships at most
    EVIDENCE_SHOWN sentences, the most confident first; the edge table counts them all."""
    from kg.views.explorer import _edge_columns, _evidence
    from kg.views.graphdata import EVIDENCE_SHOWN, Edge, Evidence

    evidence = tuple(Evidence(text=f"第{i}句。", article=f"a{i:02d}", start=i, end=i + 3,
                              confidence=f"0.{50 + i}", rule="r", role="", title="")
                     for i in range(EVIDENCE_SHOWN + 5))
    edge = Edge(source="s", predicate="runs", target="o", evidence=evidence)
    columns = _edge_columns([edge], {"s": 0, "o": 1})
    assert (columns["evidence"], columns["confidence"]) == ([EVIDENCE_SHOWN + 5], [50 + EVIDENCE_SHOWN + 4])
    shipped = [_evidence(ev, {}, {}) for ev in edge.shown]
    assert len(shipped) == EVIDENCE_SHOWN
    assert min(float(e["c"]) for e in shipped) > max(float(e.confidence) for e in evidence[:5])


@pytest.mark.slow
def test_seed_views_are_small(tmp_path):
    """The size budget: the data files weigh less than graph.ttl; vis-network is shipped once."""
    from kg.pipeline import BuildOptions, build

    build([ROOT / "seeds"], BuildOptions(out=tmp_path, views=True))
    views = tmp_path / "views"
    size = sum(p.stat().st_size for p in views.rglob("*") if p.is_file())
    library = (views / "lib" / "vis-network.min.js").stat().st_size
    graph = (tmp_path / "graph.ttl").stat().st_size
    assert size - library <= graph
    assert size <= 1_000_000  # small enough to commit


# ---- curated facts ----

@pytest.fixture(scope="module")
def curated_views(tmp_path_factory) -> dict[str, str]:
    folder = curated_build(tmp_path_factory.mktemp("curated"))
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def number_of(files, label: str) -> int:
    return loaded(files, "index")["entities"]["label"].index(label)


def test_curated_entity_carries_its_line_note_and_curator(curated_views):
    marks = loaded(curated_views, "curation")
    notes = [marks["notes"][n] for n in marks["entities"][str(number_of(curated_views, "白鹭社区党委"))]]
    assert {"line": "curation.csv:2", "label": "alias 白鹭社区党委", "note": "居民常用简称",
            "curator": "李研究", "date": "2024-05-01"} in notes
    assert [n["line"] for n in notes] == ["curation.csv:2", "curation.csv:3"]  # file order
    assert str(number_of(curated_views, "王小明")) not in marks["entities"]
    assert '<script src="data/curation.js"></script>' in curated_views["index.html"]
    assert '<script src="lib/curation.js"></script>' in curated_views["index.html"]
    assert "lib/curation.js" in curated_views


def test_added_relation_marks_its_curation_evidence_with_the_note(curated_views):
    marks = loaded(curated_views, "curation")
    edges = loaded(curated_views, "edges")
    ends = {number_of(curated_views, "白鹭社区党委"), number_of(curated_views, "青枫街道党工委")}
    (added,) = [i for i, (a, b) in enumerate(zip(edges["from"], edges["to"])) if {a, b} == ends]
    ((shown, found),) = marks["edges"][str(added)].items()
    assert [marks["notes"][n]["note"] for n in found] == ["见街道官网<img src=x onerror=alert(1)>"]
    shard = loaded(curated_views, shard_name("n", min(ends)))
    assert shard["relations"][str(added)][int(shown)]["r"] == "curation"
    assert "<img" not in curated_views["data/curation.js"]  # escaped in the script as \u003c


def test_views_without_curation_name_no_curation_file(tmp_path):
    views = curated_build(tmp_path / "plain", curation=None)
    files = {p.relative_to(views).as_posix() for p in views.rglob("*")}
    assert "data/index.js" in files
    assert "data/curation.js" not in files and "lib/curation.js" not in files
    page = (views / "index.html").read_text(encoding="utf-8")
    assert "curation" not in page and "{%" not in page
