"""Small graphs for the tests of validate, query, serve, export and stats.

``invented_graph`` runs the real RDF builder (``kg.rdf.build.graph_triples`` and the Turtle writer)
on two short invented articles, so the tests see exactly the shape of graph ``kg build`` writes,
with names no real page uses. ``seed_graph`` is the real build of seeds/.
"""
from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

from kg.model import Article, Mention, PageResult, Relation
from kg.offsets import OffsetMap
from kg.rdf.build import graph_triples
from kg.rdf.namespaces import PREFIXES
from kg.rdf.turtle import write_turtle
from kg.resolve import resolve

PAGE_A = ("青松街道党工委书记张三丰介绍，青松街道梅林社区党委以“邻里红管家”为书记项目，"
          "推行“1+5”治理机制。梅林社区党委隶属于青松街道党工委。"
          "青松街道与翠湖科技有限公司签订共建协议。")
PAGE_B = ("梅林社区党委副书记李四光说，“1+5”治理机制已覆盖全部网格。"
          "梅林社区位于青松街道。")

# name → (kind, subtype, level)
NAMES = {
    "青松街道党工委": ("Organization", "PartyOrganization", ""),
    "梅林社区党委": ("Organization", "PartyOrganization", ""),
    "翠湖科技有限公司": ("Organization", "Enterprise", ""),
    "张三丰": ("Person", "Person", ""),
    "李四光": ("Person", "Person", ""),
    "青松街道": ("Place", "AdministrativeArea", "Subdistrict"),
    "梅林社区": ("Place", "AdministrativeArea", "Community"),
    "“邻里红管家”": ("Initiative", "SecretaryProject", ""),
    "“1+5”治理机制": ("Initiative", "Mechanism", ""),
}


def _mention(text: str, name: str, after: int = 0) -> Mention:
    start = text.index(name, after)
    kind, subtype, level = NAMES[name]
    return Mention(start, start + len(name), name, kind, subtype, name, "test", level=level)


def _sentence(text: str, mention: Mention) -> tuple[int, int]:
    start = text.rfind("。", 0, mention.start) + 1
    return start, text.index("。", mention.end) + 1


def _relation(text: str, s: str, p: str, o: str, role: str = "", after: int = 0,
              confidence: float = 0.9) -> Relation:
    subject, obj = _mention(text, s, after), _mention(text, o, after)
    start, end = _sentence(text, min(subject, obj))
    return Relation(subject, p, obj, start, end, confidence, "test-rule", role)


def _page(source: str, text: str, relations: list[Relation], creators=()) -> PageResult:
    article = Article(source=source, index=0, title="", text=text,
                      offsets=OffsetMap.from_positions(range(len(text))), start=0, end=len(text),
                      creators=tuple(creators))
    mentions = []
    for name in NAMES:
        at = text.find(name)
        while at >= 0:
            mentions.append(_mention(text, name, at))
            at = text.find(name, at + len(name))
    mentions = [m for m in mentions
                if not any(o is not m and o.start <= m.start and m.end <= o.end
                           and (o.end - o.start) > (m.end - m.start) for o in mentions)]
    return PageResult(source=source, encoding="utf-8", articles=(article,),
                      mentions=(tuple(sorted(mentions)),), relations=(tuple(relations),),
                      source_text=text)


def invented_results() -> list[PageResult]:
    a, b = PAGE_A, PAGE_B
    page_a = _page("a.txt", a, [
        _relation(a, "张三丰", "memberOf", "青松街道党工委", role="书记"),
        _relation(a, "梅林社区党委", "runs", "“邻里红管家”"),
        _relation(a, "梅林社区党委", "runs", "“1+5”治理机制", confidence=0.7),
        _relation(a, "梅林社区党委", "subOrganizationOf", "青松街道党工委",
                  after=a.index("梅林社区党委隶属")),
        _relation(a, "青松街道", "partnerOf", "翠湖科技有限公司", after=a.index("青松街道与")),
    ], creators=("王五",))
    page_b = _page("b.txt", b, [
        _relation(b, "李四光", "memberOf", "梅林社区党委", role="副书记"),
        _relation(b, "梅林社区", "locatedIn", "青松街道", after=b.index("梅林社区位于")),
    ])
    return [page_a, page_b]


def write_graph(results: list[PageResult], path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        write_turtle(graph_triples(results, resolve(results)), out, PREFIXES())
    return path


def invented_graph(directory: Path) -> Path:
    return write_graph(invented_results(), Path(directory) / "graph.ttl")


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@lru_cache(maxsize=1)
def seed_graph() -> Path:
    """The graph ``kg build seeds/`` writes, built once per test process into a temporary folder."""
    from kg.pipeline import BuildOptions, build

    out = Path(tempfile.mkdtemp(prefix="kg-seed-graph-"))
    build([SEEDS], BuildOptions(out=out))
    return out / "graph.ttl"
