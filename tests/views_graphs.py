"""Small graphs in the shape of the vocabulary contract (spec/ontology.md), written for the view
tests with invented names: a tidy one, and a nasty one whose text tries to run code."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

DJ = Namespace("https://w3id.org/dangjian-kg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
DJR = Namespace("https://w3id.org/dangjian-kg/id/")
PREDICATES = {"memberOf": ORG.memberOf, "subOrganizationOf": ORG.subOrganizationOf,
              "locatedIn": DJ.locatedIn, "runs": DJ.runs, "partnerOf": DJ.partnerOf,
              "issuedBy": DJ.issuedBy}

# key: (kind, subtype, label, aliases)
TIDY_ENTITIES = {
    "zhang": ("Person", "Person", "张三丰", ()),
    "li": ("Person", "Person", "李四光", ()),
    "party": ("Organization", "PartyOrganization", "青松社区党委", ("青松党委",)),
    "street-party": ("Organization", "PartyOrganization", "梅林街道党工委", ()),
    "community": ("Place", "AdministrativeArea", "青松社区", ()),
    "street": ("Place", "AdministrativeArea", "梅林街道", ()),
    "project": ("Initiative", "SecretaryProject", "“红枫驿站”书记项目", ("红枫驿站",)),
    "firm": ("Organization", "Enterprise", "松涛科技有限公司", ("松涛科技",)),
    "plan": ("PolicyDocument", "PolicyDocument", "《梅林街道党建行动方案》", ()),
    "lonely": ("Place", "Place", "白鹭湖", ()),
    "district": ("Place", "AdministrativeArea", "松林区", ()),
}
TIDY_LEVELS = {"community": "Community", "street": "Subdistrict", "district": "District"}
TIDY_ARTICLE = ("梅林街道：党建引领社区治理", "900_meilin.txt")
# (subject, predicate, object, evidence sentence, confidence, role or (role as written, title))
TIDY_RELATIONS = [
    ("zhang", "memberOf", "party", "青松社区党委书记张三丰说，要把服务送到家门口。", "0.90", "书记"),
    ("li", "memberOf", "street-party", "梅林街道党工委专职副书记李四光出席活动。", "0.85",
     ("专职副书记", "副书记")),  # (the post as written, its short title)
    ("party", "runs", "project", "青松党委把“红枫驿站”书记项目做成了居民的客厅。", "0.85", ""),
    ("party", "subOrganizationOf", "street-party", "青松社区党委在梅林街道党工委指导下开展工作。", "0.70", ""),
    ("community", "locatedIn", "street", "青松社区位于梅林街道东部。", "0.95", ""),
    ("party", "locatedIn", "community", "青松社区党委设在青松社区。", "0.80", ""),
    ("firm", "partnerOf", "party", "松涛科技与青松党委签订共建协议。", "0.75", ""),
    ("plan", "issuedBy", "street-party", "梅林街道党工委印发《梅林街道党建行动方案》。", "0.90", ""),
    ("street", "locatedIn", "district", "梅林街道是松林区的东大门。", "0.60", ""),
]

PWN = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
NASTY_ENTITIES = {
    "evil-person": ("Person", "Person", f"张{PWN}三", (IMG, 'quote"\'\\back\nline\u2028sep')),
    "evil-org": ("Organization", "PartyOrganization", f"{IMG}社区党委", ("</script><b>x</b>",)),
    "evil-place": ("Place", "AdministrativeArea", "梅林街道\\&amp;<!--", ()),
    "evil-firm": ("Organization", "Enterprise", '"><svg onload=window.__pwned=3>公司', ()),
}
NASTY_ARTICLE = (f"标题{PWN}{IMG}", "901_<evil>.txt")
NASTY_RELATIONS = [
    ("evil-person", "memberOf", "evil-org", f"{IMG}社区党委书记张{PWN}三</script>说：\"\\n\"", "0.90",
     f"书记{PWN}"),
    ("evil-org", "locatedIn", "evil-place", "它在梅林街道\\&amp;<!--里。\u2029", "0.80", ""),
    ("evil-firm", "partnerOf", "evil-org", '"><svg onload=window.__pwned=3>公司与社区党委共建。', "0.70", ""),
]


def iri(key: str) -> URIRef:
    return DJR[f"e-{key}"]


def write_graph(path: Path, entities: dict, relations: list, article: tuple[str, str],
                levels: dict[str, str] | None = None) -> Path:
    """Write a contract-shaped graph: entities, one article that mentions them all, relations
    each with an rdf:Statement (and an org:Membership for memberOf)."""
    g = Graph()
    a = DJR["article-test-01"]
    title, source = article
    g.add((a, RDF.type, DJ.Article))
    g.add((a, RDF.type, SCHEMA.NewsArticle))
    g.add((a, DCTERMS.title, Literal(title, lang="zh")))
    g.add((a, DCTERMS.source, Literal(source)))
    g.add((a, DJ.position, Literal(1)))
    for key, (kind, subtype, label, aliases) in entities.items():
        e = iri(key)
        g.add((e, RDF.type, DJ[kind]))
        if subtype != kind:
            g.add((e, RDF.type, DJ[subtype]))
        g.add((e, RDFS.label, Literal(label, lang="zh")))
        for alias in aliases:
            g.add((e, SKOS.altLabel, Literal(alias, lang="zh")))
        if key in (levels or {}):
            g.add((e, DJ.adminLevel, DJ[levels[key]]))
        g.add((a, SCHEMA.mentions, e))
    for n, (s, p, o, text, confidence, role) in enumerate(relations):
        g.add((iri(s), PREDICATES[p], iri(o)))
        provenance = [(PROV.wasDerivedFrom, a), (DJ.evidence, Literal(text, lang="zh")),
                      (DJ.charStart, Literal(100 * n)), (DJ.charEnd, Literal(100 * n + len(text))),
                      (DJ.confidence, Literal(Decimal(confidence), datatype=XSD.decimal)),
                      (PROV.wasGeneratedBy, DJ["rule-test"])]
        st = DJR[f"stmt-{n}"]
        for triple in [(st, RDF.type, RDF.Statement), (st, RDF.subject, iri(s)),
                       (st, RDF.predicate, PREDICATES[p]), (st, RDF.object, iri(o))]:
            g.add(triple)
        for prop, value in provenance:
            g.add((st, prop, value))
        if p == "memberOf" and role:
            written, title = role if isinstance(role, tuple) else (role, role)
            m = DJR[f"membership-{n}"]
            concept = DJR[f"role-{n}"]
            g.add((concept, RDF.type, SKOS.Concept))
            g.add((concept, SKOS.prefLabel, Literal(title, lang="zh")))
            g.add((m, RDF.type, ORG.Membership))
            g.add((m, ORG.member, iri(s)))
            g.add((m, ORG.organization, iri(o)))
            g.add((m, ORG.role, concept))
            g.add((m, DJ.roleLabel, Literal(written, lang="zh")))
            for prop, value in provenance:
                g.add((m, prop, value))
    g.serialize(destination=str(path), format="turtle")
    return path


def tidy_graph(folder: Path) -> Path:
    return write_graph(folder / "tidy.ttl", TIDY_ENTITIES, TIDY_RELATIONS, TIDY_ARTICLE, TIDY_LEVELS)


def nasty_graph(folder: Path) -> Path:
    return write_graph(folder / "nasty.ttl", NASTY_ENTITIES, NASTY_RELATIONS, NASTY_ARTICLE)


# A curated build of the invented time/curation corpus (tests/time_corpus.py): an alias, and a
# relation a curator added, whose note tries to run code (the views must show it as text).
CURATION = ("action,entity,predicate,other,value,articles,note,curator,date\n"
            "alias,白鹭社区党委,,,鹭岛党委,,居民常用简称,李研究,2024-05-01\n"
            "add-relation,白鹭社区党委,partnerOf,青枫街道党工委,,p2.txt#1,"
            "见街道官网<img src=x onerror=alert(1)>,李研究,2024-05-02\n")


def curated_build(folder: Path, curation: str | None = CURATION) -> Path:
    """Build the two-page corpus (with ``curation`` beside it, unless None) with its views;
    return the views folder."""
    from time_corpus import COMMUNITY, SECRETARY, write_corpus

    from kg.pipeline import BuildOptions, build

    corpus = write_corpus(folder / "corpus", {
        "p1.txt": SECRETARY.format(lead="3月14日"),
        "p2.txt": COMMUNITY.format(lead="7月28日", where="青枫街道"),
    })
    if curation is not None:
        (corpus / "curation.csv").write_text(curation, encoding="utf-8")
    summary = build([corpus], BuildOptions(out=folder / "out"))
    assert summary.problems == [], [p.line() for p in summary.problems]
    return folder / "out" / "views"
