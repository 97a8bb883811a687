"""Resolution across articles and pages: merge what is one entity, keep homonyms apart."""
from __future__ import annotations

from recognise_helpers import article

from kg.model import PageResult
from kg.recognise import recognise
from kg.resolve import resolve


def _page(source: str, *texts: str, creators=()) -> PageResult:
    articles = tuple(article(t, source=source, index=i, creators=creators[i] if creators else ())
                     for i, t in enumerate(texts))
    return PageResult(source=source, encoding="utf-8", articles=articles,
                      mentions=tuple(tuple(recognise(a)) for a in articles),
                      relations=tuple(() for _ in articles))


def _entities(results, kind):
    return [e for e in resolve(results).entities.values() if e.kind == kind]


def test_resolve_zone_short_and_long_forms_across_pages_are_one_entity():
    pages = [_page("a.txt", "蓝湾经开区召开大会，企业代表参会。"),
             _page("b.txt", "蓝湾经济技术开发区发布新政。")]
    zones = [e for e in _entities(pages, "Place") if e.level == "DevelopmentZone"]
    assert len(zones) == 1
    assert zones[0].label == "蓝湾经济技术开发区"
    assert zones[0].aliases == ("蓝湾经开区",)
    assert zones[0].articles == ("a.txt#0", "b.txt#0")


def test_resolve_person_merges_when_pages_share_an_organisation():
    pages = [_page("a.txt", "白鹭镇商会会长王小二说，商会将继续努力。"),
             _page("b.txt", "近日，白鹭镇商会会长王小二表示，要服务好企业。")]
    people = _entities(pages, "Person")
    assert [(p.label, p.articles) for p in people] == [("王小二", ("a.txt#0", "b.txt#0"))]


def test_resolve_homonyms_without_shared_evidence_stay_apart():
    pages = [_page("a.txt", "白鹭镇商会会长王小二说，商会将继续努力。"),
             _page("b.txt", "居民王小二笑着说，青松社区的变化真大。")]
    people = _entities(pages, "Person")
    assert sorted(p.articles for p in people) == [("a.txt#0",), ("b.txt#0",)]
    assert len({p.key for p in people}) == 2


def test_resolve_bylines_of_one_paper_merge_and_are_creators():
    pages = [_page("a.txt", "近日，活动举行。", creators=[("王小二",)]),
             _page("b.txt", "近日，会议召开。", creators=[("王小二",)])]
    resolution = resolve(pages)
    people = [e for e in resolution.entities.values() if e.kind == "Person"]
    assert len(people) == 1
    assert resolution.creators["a.txt#0"] == resolution.creators["b.txt#0"] == (people[0].key,)


def test_resolve_generic_bodies_of_different_communities_stay_apart():
    pages = [_page("a.txt", "青松社区党委以“楼道微治理”为书记项目。社区党委书记王小二说，要办实事。"),
             _page("b.txt", "红旗社区党委开展活动，社区党委很重视。")]
    orgs = sorted(e.label for e in _entities(pages, "Organization"))
    assert orgs == ["红旗社区党委", "青松社区党委"]


def test_resolve_short_forms_are_resolved_within_their_article_only():
    pages = [_page("a.txt", "松山区召开大会，区委主要领导出席。"),
             _page("b.txt", "梅花区召开大会，区委主要领导出席。")]
    orgs = sorted(e.label for e in _entities(pages, "Organization"))
    assert orgs == ["松山区委", "梅花区委"]


def test_resolve_keys_do_not_depend_on_input_order():
    pages = [_page("a.txt", "白鹭镇商会会长王小二说，商会将继续努力。"),
             _page("b.txt", "居民王小二笑着说，青松社区的变化真大。"),
             _page("c.txt", "蓝湾经开区召开大会，白鹭镇商会参加。")]
    forward, backward = resolve(pages), resolve(list(reversed(pages)))
    assert forward.entities == backward.entities
    assert forward.keys == backward.keys


def test_resolve_person_evidence_chains_join_transitively():
    # a and b share the chamber, b and c share the town, d shares nothing: a, b, c are one person
    pages = [_page("a.txt", "白鹭镇商会会长王小二说，商会将继续努力。"),
             _page("b.txt", "白鹭镇商会会长王小二在金桥镇表示，要服务好企业。"),
             _page("c.txt", "金桥镇居民王小二说，变化真大。"),
             _page("d.txt", "居民王小二笑着说，青松社区的变化真大。")]
    people = sorted(p.articles for p in _entities(pages, "Person"))
    assert people == [("a.txt#0", "b.txt#0", "c.txt#0"), ("d.txt#0",)]


def test_resolve_subtype_comes_from_the_fullest_name():
    """A quoted name that ends in a mechanism word but is announced as a 书记项目 is a 书记项目."""
    from kg.model import Article, Mention, PageResult
    from kg.offsets import OffsetMap
    from kg.resolve import resolve

    text = "青松社区党委打造“邻里+网格新模式”书记项目。“邻里+网格新模式”成效明显。"
    article = Article(source="t.txt", index=0, title="", text=text,
                      offsets=OffsetMap([0], [0], len(text)), start=0, end=len(text))
    full = "邻里+网格新模式书记项目"
    i = text.index("“邻里")
    j = text.index("“邻里", i + 1)
    mentions = (
        Mention(i, i + len("“邻里+网格新模式”书记项目"), "“邻里+网格新模式”书记项目", "Initiative",
                "SecretaryProject", full, "test"),
        Mention(j, j + len("“邻里+网格新模式”"), "“邻里+网格新模式”", "Initiative", "Mechanism",
                full, "test"),
        Mention(j, j + len("“邻里+网格新模式”"), "“邻里+网格新模式”", "Initiative", "Mechanism",
                full, "test2"),
    )
    result = PageResult(source="t.txt", encoding="utf-8", articles=(article,), mentions=(mentions,),
                        relations=((),), source_text=text)
    [entity] = resolve([result]).entities.values()
    assert entity.subtype == "SecretaryProject"


def test_resolve_a_bare_place_and_its_suffixed_form_on_other_pages_are_one_entity():
    pages = [_page("a.txt", "云溪市青松社区举办活动。"),
             _page("b.txt", "团队赴云溪、梅林、白鹭等地出差。")]
    labels = {e.label for e in _entities(pages, "Place")}
    assert "云溪市" in labels and "云溪" not in labels


def test_resolve_people_s_government_and_government_are_one_body():
    pages = [_page("a.txt", "云溪市人民政府召开会议。"), _page("b.txt", "云溪市政府发布通知。")]
    govs = [e for e in _entities(pages, "Organization") if "政府" in e.label]
    assert [g.label for g in govs] == ["云溪市人民政府"]
    assert "云溪市政府" in govs[0].aliases


def test_resolve_bodies_of_unnamed_areas_stay_apart_across_pages():
    pages = [_page("a.txt", "会上，市工商联党组成员讲话。"), _page("b.txt", "市工商联党组召开会议。")]
    bodies = [e for e in _entities(pages, "Organization") if e.label == "市工商联党组"]
    assert len(bodies) == 2
