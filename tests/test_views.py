"""The HTML views without a browser: what is read from the graph, what each view holds, and that
pages are deterministic, self-contained and escape everything. tests/test_views_browser.py opens
them in Chromium."""
from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.views import ViewError, render_pages, write_views
from kg.views.graphdata import read_graph
from kg.views.html import csp, escape_json, json_text, script_hash
from kg.views.layout import layout
from kg.views.marks import find_marks
from kg.views.select import entity_graph, focus_paths, focus_views, neighbourhood, network_view
from views_graphs import (NASTY_ENTITIES, NASTY_RELATIONS, PWN, TIDY_ENTITIES, TIDY_RELATIONS,
                          iri, nasty_graph, tidy_graph)

SCRIPT_DATA = re.compile(r'<script type="application/json" id="(kg-[a-z]+)">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def tidy(tmp_path_factory) -> Path:
    return tidy_graph(tmp_path_factory.mktemp("tidy"))


@pytest.fixture(scope="module")
def nasty(tmp_path_factory) -> Path:
    return nasty_graph(tmp_path_factory.mktemp("nasty"))


@pytest.fixture(scope="module")
def tidy_pages(tidy) -> dict[str, str]:
    return render_pages(read_graph(tidy))


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def start_tags(html: str) -> list[str]:
    """The elements an HTML parser sees (script content is not parsed for tags, as in a browser)."""
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def embedded(html: str) -> dict[str, object]:
    """The JSON blocks of a page, parsed as the browser's JSON.parse would."""
    return {name: json.loads(text) for name, text in SCRIPT_DATA.findall(html)}


# ---- reading the graph ----

def test_graphdata_reads_classes_labels_aliases(tidy):
    data = read_graph(tidy)
    assert len(data.nodes) == len(TIDY_ENTITIES)
    party = data.nodes[str(iri("party"))]
    assert (party.kind, party.subtype, party.label, party.aliases) == (
        "Organization", "PartyOrganization", "青松社区党委", ("青松党委",))
    assert data.nodes[str(iri("zhang"))].articles == ("https://w3id.org/dangjian-kg/id/article-test-01",)


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


# ---- layout and selection ----

def test_layout_is_deterministic_whatever_the_insertion_order():
    edges = [(f"n{i}", f"n{(i * 7) % 40}") for i in range(40)] + [("x", "y")]
    shuffled = edges[:]
    random.Random(3).shuffle(shuffled)
    first, second = nx.Graph(edges), nx.Graph(shuffled)
    second.add_node("alone")
    first.add_node("alone")
    assert layout(first) == layout(second)
    assert all(isinstance(c, int) for xy in layout(first).values() for c in xy)


def test_layout_keeps_components_apart():
    graph = nx.Graph([("a", "b"), ("b", "c"), ("d", "e")])
    pos = layout(graph)
    left = max(pos[n][0] for n in "abc")
    assert min(pos[n][0] for n in "de") > left or min(pos[n][1] for n in "de") > max(pos[n][1] for n in "abc")


def test_network_view_budget_keeps_the_most_connected(tidy):
    data = read_graph(tidy)
    view = network_view(data, entity_graph(data), budget=3)
    assert set(view.nodes) == {str(iri("party")), str(iri("street-party")), str(iri("community"))}
    assert "共有 10 个实体" in view.note
    assert all(e.source in view.nodes and e.target in view.nodes for e in view.edges)


def test_focus_views_for_well_connected_organisations_initiatives_places(tidy):
    data = read_graph(tidy)
    views = focus_views(data, entity_graph(data), min_degree=3)
    assert {v.centre for v in views} == {str(iri("party")), str(iri("street-party"))}
    party = next(v for v in views if v.centre == str(iri("party")))
    assert str(iri("street")) in party.nodes  # two links away, through the community
    assert str(iri("lonely")) not in party.nodes
    people = focus_views(data, entity_graph(data), min_degree=1)
    assert str(iri("zhang")) not in {v.centre for v in people}  # people get no page of their own


def test_neighbourhood_budget_fills_nearest_ring_first():
    graph = nx.star_graph(5)  # 0 in the middle
    graph.add_edges_from([(1, 10), (10, 11)])
    shown, complete = neighbourhood(graph, 0, budget=4)
    assert len(shown) == 4 and not complete and 10 not in shown
    shown, complete = neighbourhood(graph, 0, budget=100)
    assert shown == {0, 1, 2, 3, 4, 5, 10} and complete


def test_focus_paths_are_ascii_and_unique():
    paths = focus_paths(["http://a/x/org-qing-song-1", "http://b/y/org-qing-song-1", "http://a/名字"])
    assert len(set(paths.values())) == 3
    assert all(re.fullmatch(r"focus/[A-Za-z0-9_-]+\.html", p) for p in paths.values())


# ---- the pages ----

def test_pages_index_network_and_focus(tidy_pages):
    assert list(tidy_pages)[:2] == ["index.html", "network.html"]
    assert sum(name.startswith("focus/") for name in tidy_pages) == 2
    graph = embedded(tidy_pages["network.html"])["kg-graph"]
    assert len(graph["nodes"]) == len(TIDY_ENTITIES) and len(graph["edges"]) == len(TIDY_RELATIONS)
    assert graph["options"]["physics"] == {"enabled": False}
    assert all("title" not in n for n in graph["nodes"])  # vis-network renders titles as HTML
    assert {e["label"] for e in graph["edges"]} == {"任职·书记", "任职·副书记", "开展", "位于", "隶属",
                                                    "合作", "发布"}


def test_pages_are_self_contained(tidy_pages):
    for name, html in tidy_pages.items():
        assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html[:200], name
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html), name
        assert "<link" not in html and "@import" not in html and "url(http" not in html, name
        assert "Microsoft YaHei" in html and "Noto Sans CJK SC" in html, name
    assert "vis.Network" in tidy_pages["network.html"]  # vis-network inlined, not fetched


def test_pages_allow_only_their_own_scripts(tidy_pages):
    for name, html in tidy_pages.items():
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
        scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
        assert scripts and policy == csp(scripts).replace("'", "&#39;"), name
        assert "default-src 'none'" in csp(scripts) and "unsafe-inline" not in csp(scripts).split(";")[1]


def test_pages_are_byte_identical_for_the_same_graph(tidy, tmp_path):
    one = write_views(tidy, tmp_path / "one")
    two = write_views(tidy, tmp_path / "two")
    assert [p.relative_to(tmp_path / "one") for p in one] == [p.relative_to(tmp_path / "two") for p in two]
    for a, b in zip(one, two):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_pages_do_not_depend_on_the_process_hash_seed(tidy, tmp_path):
    """Set and dict orders vary with PYTHONHASHSEED between runs; the pages must not."""
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        code = "import sys; from kg.views import write_views; write_views(sys.argv[1], sys.argv[2])"
        subprocess.run([sys.executable, "-c", code, str(tidy), str(tmp_path / seed)],
                       check=True, env=env, capture_output=True)
    one = sorted(p.relative_to(tmp_path / "1") for p in (tmp_path / "1").rglob("*.html"))
    assert one == sorted(p.relative_to(tmp_path / "2") for p in (tmp_path / "2").rglob("*.html"))
    for name in one:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


def test_nasty_text_is_escaped_everywhere(nasty):
    pages = render_pages(read_graph(nasty))
    assert any(name.startswith("focus/") for name in pages)
    for name, html in pages.items():
        for needle in ("<script>window", "<img", "<svg", "<b>x", "</script><b>", "<!--", "\u2028", "\u2029"):
            assert needle not in html, (name, needle)
        tags = start_tags(html)
        assert not {"img", "svg", "b"} & set(tags), name
        assert tags.count("script") == (3 if name == "index.html" else 5), name  # data + scripts
    data = embedded(pages["network.html"])["kg-data"]
    labels = {e["label"] for e in data["entities"].values()}
    assert labels == {label for _, _, label, _ in NASTY_ENTITIES.values()}  # the text survives intact
    evidence = {ev["text"] for r in data["relations"].values() for ev in r["evidence"]}
    assert evidence == {text for _, _, _, text, _, _ in NASTY_RELATIONS}
    assert PWN in next(iter(data["articles"].values()))["title"]
    index = pages["index.html"]
    assert "&lt;img src=x onerror=&#34;window.__pwned=2&#34;&gt;" in index  # the title, as text


def test_json_text_cannot_close_the_script_element():
    value = {"a": "</script><script>alert(1)</script>", "b": "x\u2028y\u2029z&<>"}
    text = json_text(value)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == value
    assert escape_json('"<"') == '"\\u003c"'


def test_script_hash_is_the_csp_source_of_the_script():
    assert script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def test_assets_never_insert_html():
    assets = Path(__file__).resolve().parent.parent / "kg" / "views" / "assets"
    for script in assets.glob("*.js"):
        code = script.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in code, (script.name, sink)


def test_write_views_removes_focus_pages_of_a_previous_graph(tidy, tmp_path):
    stale = tmp_path / "focus" / "org-gone-0000000000.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    keep = tmp_path / "notes.txt"
    keep.write_text("mine", encoding="utf-8")
    written = write_views(tidy, tmp_path)
    assert not stale.exists() and keep.exists()
    assert sorted(p.name for p in (tmp_path / "focus").iterdir()) == sorted(
        p.name for p in written if p.parent.name == "focus")


def test_write_views_graph_without_entities(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text('@prefix dj: <https://w3id.org/dangjian-kg/ontology#> .\n'
                     '@prefix dcterms: <http://purl.org/dc/terms/> .\n'
                     '<https://w3id.org/dangjian-kg/id/article-a-01> a dj:Article ;\n'
                     '  dcterms:source "a.txt" ; dj:position 1 .\n', encoding="utf-8")
    written = write_views(graph, tmp_path / "views")
    assert [p.name for p in written] == ["index.html", "network.html"]
    assert "图中还没有实体" in written[0].read_text(encoding="utf-8")


def test_write_views_unwritable_folder_is_a_view_error(tidy, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ViewError, match="cannot write the views"):
        write_views(tidy, blocker / "views")


def test_cli_view_writes_the_pages(tidy, tmp_path):
    result = CliRunner().invoke(cli, ["view", "--graph", str(tidy), "--out", str(tmp_path / "v")])
    assert result.exit_code == 0, result.output
    assert "Wrote 4 pages" in result.output
    assert (tmp_path / "v" / "index.html").is_file() and (tmp_path / "v" / "network.html").is_file()


def test_cli_view_missing_graph_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["view", "--graph", str(tmp_path / "no.ttl"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "no such graph file" in result.output
    assert "Traceback" not in result.output


def test_pages_show_the_most_confident_evidence_and_count_the_rest():
    """A relation stated in many articles (two hubs of a large corpus) puts at most
    EVIDENCE_SHOWN sentences into a page, the most confident first, and says how many there are."""
    from kg.views.graphdata import EVIDENCE_SHOWN, Edge, Evidence
    from kg.views.pages import _relation

    evidence = tuple(Evidence(text=f"第{i}句。", article=f"a{i:02d}", start=i, end=i + 3,
                              confidence=f"0.{50 + i}", rule="r", role="", title="")
                     for i in range(EVIDENCE_SHOWN + 5))
    payload = _relation(Edge(source="s", predicate="runs", target="o", evidence=evidence))
    assert payload["evidenceCount"] == EVIDENCE_SHOWN + 5
    assert len(payload["evidence"]) == EVIDENCE_SHOWN
    shown = sorted(float(e["confidence"]) for e in payload["evidence"])
    assert shown[0] > max(float(e.confidence) for e in evidence[:5])
