"""The views in real headless Chromium, with the network cut off: they draw, search, filter and
explain, make no request, log no error, and never run text from the graph.

Needs Debian's chromium (/usr/bin/chromium). With KG_SCREENSHOTS=1 the run also renders
docs/screenshots/network.png and focused.png from the seed graph.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from kg.views import plan_views, write_views
from kg.views.graphdata import read_graph
from views_graphs import (NASTY_ARTICLE, NASTY_ENTITIES, PWN, TIDY_ENTITIES, TIDY_RELATIONS, iri,
                          nasty_graph, tidy_graph)

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install chromium)"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip install playwright)")


@pytest.fixture(scope="module")
def browser():
    """One browser context for the module (a new context per test costs a second or two)."""
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        yield context
        context.close()
        browser.close()


class Tab:
    """A page with the network cut off, recording every request, console error and dialog."""

    def __init__(self, browser):
        self.page = browser.new_page()
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path, hash_: str = "", drawn: bool = True) -> "Tab":
        self.page.goto(path.as_uri() + hash_)
        if drawn:
            self.page.wait_for_selector("body[data-drawn=true]", timeout=20_000)
        return self

    def eval(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def click_node(self, node_id: str) -> None:
        """A real mouse click where the node is drawn."""
        box = self.page.locator("#kg-network canvas").bounding_box()
        xy = self.eval("id => kgView.network.canvasToDOM(kgView.network.getPositions([id])[id])", node_id)
        self.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])

    def panel(self) -> str:
        return self.page.locator("#kg-panel").inner_text()

    def assert_clean(self, files: list[Path]) -> None:
        """Only the pages themselves were loaded; nothing failed; nothing popped up."""
        assert self.blocked == []
        assert {r.split("#")[0] for r in self.requests} <= {f.as_uri() for f in files}, self.requests
        assert self.errors == [] and self.dialogs == []

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def tab(browser):
    tab = Tab(browser)
    yield tab
    tab.close()


@pytest.fixture(scope="module")
def tidy_views(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tidy-views")
    write_views(tidy_graph(folder), folder / "views")
    return folder / "views"


@pytest.fixture(scope="module")
def nasty_views(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("nasty-views")
    write_views(nasty_graph(folder), folder / "views")
    return folder / "views"


def drawn_counts(tab: Tab) -> list[int]:
    return tab.eval("[kgView.network.body.nodeIndices.length, kgView.network.body.edgeIndices.length]")


def test_network_view_draws_every_node_and_edge_offline(tab, tidy_views):
    page = tidy_views / "network.html"
    tab.open(page)
    assert drawn_counts(tab) == [len(TIDY_ENTITIES), len(TIDY_RELATIONS)]
    assert tab.page.locator("#kg-class-filter input").count() == 5
    tab.assert_clean([page])


def test_search_a_name_selects_the_node(tab, tidy_views):
    page = tidy_views / "network.html"
    tab.open(page, "#" + quote(str(iri("firm")), safe=""))  # how other pages link to an entity
    assert tab.eval("kgView.network.getSelectedNodes()") == [str(iri("firm"))]
    tab.page.fill("#kg-search", "张三丰")
    tab.page.press("#kg-search", "Enter")
    assert tab.eval("kgView.network.getSelectedNodes()") == [str(iri("zhang"))]
    assert tab.page.locator("#kg-panel h2").inner_text() == "张三丰"
    tab.page.fill("#kg-search", "青松党")  # an alias, typed in part: pick from the list
    tab.page.locator("#kg-results button").first.click()
    assert tab.eval("kgView.network.getSelectedNodes()") == [str(iri("party"))]
    tab.assert_clean([page])


def test_click_a_node_shows_its_evidence(tab, tidy_views):
    page = tidy_views / "network.html"
    tab.open(page)
    tab.click_node(str(iri("zhang")))
    panel = tab.panel()
    assert "青松社区党委书记张三丰说，要把服务送到家门口。" in panel
    assert "《梅林街道：党建引领社区治理》" in panel and "置信度 0.9" in panel
    marks = tab.page.locator("#kg-panel mark").all_inner_texts()
    assert marks == ["青松社区党委", "书记", "张三丰"]
    tab.assert_clean([page])


def test_click_an_edge_shows_that_relation(tab, tidy_views):
    page = tidy_views / "network.html"
    tab.open(page)
    box = tab.page.locator("#kg-network canvas").bounding_box()
    a, b = str(iri("community")), str(iri("street"))
    xy = tab.eval("""([a, b]) => { const n = kgView.network, p = n.getPositions([a, b]);
        return n.canvasToDOM({x: (p[a].x + p[b].x) / 2, y: (p[a].y + p[b].y) / 2}); }""", [a, b])
    tab.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
    assert tab.page.locator("#kg-panel h2").inner_text() == "青松社区 位于 梅林街道"
    assert "青松社区位于梅林街道东部。" in tab.panel()
    tab.assert_clean([page])


def test_filter_by_class_and_relation(tab, tidy_views):
    page = tidy_views / "network.html"
    tab.open(page)
    tab.page.locator("#kg-class-filter input[value=Person]").uncheck()
    assert drawn_counts(tab)[0] == len(TIDY_ENTITIES) - 2
    tab.page.locator("#kg-relation-filter input[value=locatedIn]").uncheck()
    visible = tab.eval("kgView.edges.get({filter: e => !e.hidden}).map(e => e.predicate)")
    assert "locatedIn" not in visible and "memberOf" not in visible and "runs" in visible
    tab.assert_clean([page])


def test_focused_view_and_the_index(tab, tidy_views):
    index = tidy_views / "index.html"
    tab.open(index, drawn=False)
    assert "10 个实体" in tab.page.locator("main").inner_text()
    tab.page.fill("#kg-search", "梅林街道党工委")
    with tab.page.expect_navigation():
        tab.page.press("#kg-search", "Enter")
    tab.page.wait_for_selector("body[data-drawn=true]")
    focus = Path(tab.page.url.removeprefix("file://"))
    assert focus.parent.name == "focus"
    assert tab.eval("kgView.network.getSelectedNodes()") == [str(iri("street-party"))]
    assert "梅林街道党工委印发《梅林街道党建行动方案》。" in tab.panel()
    nodes, _ = drawn_counts(tab)
    assert nodes == 8  # itself, 3 neighbours, 4 more two links away
    tab.page.fill("#kg-search", "白鹭湖")  # not on this page: offered a search of the whole network
    with tab.page.expect_navigation():
        tab.page.locator("#kg-results a").click()
    tab.page.wait_for_selector("body[data-drawn=true]")
    tab.page.locator("#kg-results button").first.click()
    assert tab.eval("kgView.network.getSelectedNodes()") == [str(iri("lonely"))]
    tab.assert_clean([index, focus, tidy_views / "network.html"])


def test_nasty_text_never_runs(tab, nasty_views):
    pages = [nasty_views / "index.html", *sorted((nasty_views / "focus").glob("*.html")),
             nasty_views / "network.html"]  # the network view last: it is clicked below
    assert len(pages) == 3
    for page in pages:
        tab.open(page, drawn=page.name != "index.html")
        assert tab.eval("window.__pwned") is None
        assert tab.eval("document.querySelectorAll('img, svg, b').length") == 0
    tab.click_node(str(iri("evil-person")))
    assert tab.page.locator("#kg-panel h2").inner_text() == NASTY_ENTITIES["evil-person"][2]
    assert PWN in tab.panel() and NASTY_ARTICLE[0] in tab.panel()
    assert tab.eval("window.__pwned") is None
    tab.assert_clean(pages)


def test_page_with_script_tags_built_by_the_pipeline_never_runs(tab, tmp_path):
    from kg.pipeline import BuildOptions, build

    pages = tmp_path / "pages"
    pages.mkdir()
    name = "<img src=x onerror=alert(1)>.txt"
    (pages / name).write_text(
        "梅林街道党工委<script>window.__pwned=1</script>书记张三丰走访青松社区。\n\n"
        "青松社区党委书记李四光说：<img src=x onerror=\"window.__pwned=2\">“红色驿站”书记项目深受欢迎。\n",
        encoding="utf-8")
    out = tmp_path / "out"
    build([pages], BuildOptions(out=out))
    views = write_views(out / "graph.ttl", out / "views")
    for page in reversed(views):  # the index last: its text is read below
        tab.open(page, drawn=page.name != "index.html")
        if page.name != "index.html":  # show every entity's panel: all its evidence, as text
            tab.eval("Object.keys(JSON.parse(document.getElementById('kg-data').textContent)"
                     ".entities).forEach(id => kgView.select(id))")
        assert tab.eval("window.__pwned") is None
        assert tab.eval("document.querySelectorAll('img, svg').length") == 0
    assert name in tab.page.locator("main").inner_text()  # the file name, shown as text
    tab.assert_clean(views)


@pytest.mark.skipif(os.environ.get("KG_SCREENSHOTS") != "1", reason="set KG_SCREENSHOTS=1 to render docs/screenshots")
def test_screenshots_of_the_seed_graph(tab, tmp_path):
    from kg.pipeline import BuildOptions, build

    build([ROOT / "seeds"], BuildOptions(out=tmp_path))
    write_views(tmp_path / "graph.ttl", tmp_path / "views")
    shots = ROOT / "docs" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    tab.page.set_viewport_size({"width": 1400, "height": 860})
    tab.open(tmp_path / "views" / "network.html")
    tab.page.screenshot(path=str(shots / "network.png"))
    # The richest focused view that still reads at a glance.
    readable = [v for v in plan_views(read_graph(tmp_path / "graph.ttl")).focus if len(v.nodes) <= 60]
    if not readable:
        pytest.skip("the seed graph has no focused view of at most 60 entities")
    best = max(readable, key=lambda v: (len(v.nodes), v.path))
    tab.open(tmp_path / "views" / best.path)
    tab.page.screenshot(path=str(shots / "focused.png"))
    assert tab.errors == [] and tab.blocked == []
    shutil.rmtree(tmp_path / "views")
