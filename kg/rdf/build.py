"""Build RDF: articles, entities, relations and the provenance of every relation.

``graph_triples`` yields rdflib terms; ``to_graph`` collects them into an ``rdflib.Graph`` for library
users, and ``kg.rdf.turtle`` writes them deterministically without building a graph in memory.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Iterator, Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.dates import Dated
from kg.model import PageResult, Relation
from kg.rdf.dates import date_triples
from kg.rdf.iris import article_path, entity_path, short_hash, slug
from kg.rdf.namespaces import DEFAULT_BASE, DJ, ORG, PREDICATE, SCHEMA, bind_prefixes
from kg.resolve import Resolution
from kg.vocab import PREDICATES

RULE_PREFIX = str(DJ._NS) + "rule-"


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def evidence_text(source_text: str, start: int, end: int) -> str:
    """The source slice with line breaks and runs of white space folded, as a reader quotes it."""
    piece = source_text[start:end]
    return " ".join(piece.split()) if _has_latin_words(piece) else "".join(piece.split())


def _has_latin_words(text: str) -> bool:
    words = text.split()
    return any(a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum()
               for a, b in zip(words, words[1:]))


def graph_triples(results: list[PageResult], resolution: Resolution, *,
                  base: str = DEFAULT_BASE, min_confidence: float = 0.0,
                  dated: Mapping[str, Dated] | None = None) -> Iterator[tuple]:
    """Every triple of the graph, in no particular order (the writer sorts). ``dated``: each
    article's date and origin by article id (``kg.dates.date_articles``), if known."""
    dated = dated or {}
    iri = _Minter(base, resolution)
    mentioned: dict[str, set[str]] = {}
    rules: set[str] = set()
    for result in results:
        for article, mentions, relations in zip(result.articles, result.mentions, result.relations):
            a = iri.article(article.source, article.index)
            yield a, RDF.type, DJ.Article
            yield a, RDF.type, SCHEMA.NewsArticle
            if article.title:
                yield a, DCTERMS.title, zh(article.title)
            yield a, DCTERMS.source, Literal(article.source)
            yield a, DJ.position, Literal(article.index + 1)
            yield a, DJ.charStart, Literal(article.start)
            yield a, DJ.charEnd, Literal(article.end)
            when = dated.get(article.id)
            yield from date_triples(a, article, result.source_text, when, base)
            as_of = Literal(when.date) if when and when.date else None
            for key in resolution.creators.get(article.id, ()):
                yield a, DCTERMS.creator, iri.entity(key)
            for m in mentions:
                mentioned.setdefault(resolution.key_of(article.id, m), set()).add(a)
            kept = [r for r in relations if r.confidence >= min_confidence]
            for ends, best in _best_per_triple(iri, article, kept):
                rules.add(best[0].rule)
                rules.update(r.rule for r in _by_role(best).values())
                yield from _relation(iri, result.source_text, article, a, ends, best, as_of)
    for key, entity in sorted(resolution.entities.items()):
        e = iri.entity(key)
        yield e, RDF.type, DJ[entity.kind]
        if entity.subtype and entity.subtype != entity.kind:
            yield e, RDF.type, DJ[entity.subtype]
        yield e, RDFS.label, zh(entity.label)
        for alias in entity.aliases:
            yield e, SKOS.altLabel, zh(alias)
        if entity.level:
            yield e, DJ.adminLevel, DJ[entity.level]
        for a in mentioned.get(key, ()):
            yield a, SCHEMA.mentions, e
    for rule in sorted(rules):
        r = URIRef(RULE_PREFIX + rule)
        yield r, RDF.type, DJ.Rule
        yield r, RDF.type, PROV.Activity
        yield r, RDFS.label, Literal(rule)


def _rank(rel: Relation) -> tuple:
    """The most confident evidence first, then the earliest sentence."""
    return (-rel.confidence, rel.sentence_start, rel.sentence_end, rel.rule)


def _best_per_triple(iri: "_Minter", article, relations) -> list[tuple[tuple, list[Relation]]]:
    """The relations of one article grouped by the triple they state once resolved, each group led
    by its most confident evidence (the statement's): two rules — or two mentions the resolver
    merges — that state the same triple give one statement, with one rule and one confidence."""
    groups: dict[tuple, list[Relation]] = {}
    for rel in relations:
        s = iri.entity(iri.resolution.key_of(article.id, rel.subject))
        o = iri.entity(iri.resolution.key_of(article.id, rel.object))
        if s == o:
            continue
        if PREDICATES[rel.predicate].symmetric and str(o) < str(s):
            s, o = o, s  # symmetric: one direction, so the same pair stated twice is one triple
        groups.setdefault((s, PREDICATE[rel.predicate], o), []).append(rel)
    return sorted(((ends, sorted(rels, key=_rank)) for ends, rels in groups.items()),
                  key=lambda g: tuple(map(str, g[0])))


def _provenance(source_text: str, article, a: URIRef, rel: Relation) -> tuple[list, int, int]:
    start, end = article.to_source(rel.sentence_start, rel.sentence_end)
    return [
        (PROV.wasDerivedFrom, a),
        (DJ.evidence, zh(evidence_text(source_text, start, end))),
        (DJ.charStart, Literal(start)),
        (DJ.charEnd, Literal(end)),
        (DJ.confidence, Literal(Decimal(f"{rel.confidence:.2f}"), datatype=XSD.decimal)),
        (PROV.wasGeneratedBy, URIRef(RULE_PREFIX + rel.rule)),
    ], start, end


def _by_role(rels: list[Relation]) -> dict[str, Relation]:
    """memberOf: the best evidence of each role (``rels`` best first); empty for other predicates."""
    by_role: dict[str, Relation] = {}
    for rel in rels:
        if PREDICATES[rel.predicate].has_role and rel.role:
            by_role.setdefault(rel.role, rel)
    return by_role


def _relation(iri: "_Minter", source_text: str, article, a: URIRef, ends: tuple,
              rels: list[Relation], as_of: Literal | None = None) -> Iterator[tuple]:
    """One triple of one article: its statement (the best evidence) and, for memberOf, one
    membership per role (each with the best evidence of that role, and ``as_of`` the date of
    the article)."""
    s, p, o = ends
    provenance, start, end = _provenance(source_text, article, a, rels[0])
    yield s, p, o
    st = URIRef(iri.base + "stmt-" + short_hash(str(s), str(p), str(o), str(a), str(start), str(end)))
    yield st, RDF.type, RDF.Statement
    yield st, RDF.subject, s
    yield st, RDF.predicate, p
    yield st, RDF.object, o
    for prop, value in provenance:
        yield st, prop, value
    if p != ORG.memberOf:
        return
    for role_name, rel in sorted(_by_role(rels).items()):
        provenance, start, end = _provenance(source_text, article, a, rel)
        role = URIRef(iri.base + f"role-{slug(role_name)}-{short_hash(role_name)}")
        yield role, RDF.type, SKOS.Concept
        yield role, SKOS.prefLabel, zh(role_name)
        yield role, SKOS.inScheme, DJ.RoleScheme
        mem = URIRef(iri.base + "membership-" + short_hash(str(s), str(o), role_name, str(a),
                                                           str(start), str(end)))
        yield mem, RDF.type, ORG.Membership
        yield mem, ORG.member, s
        yield mem, ORG.organization, o
        yield mem, ORG.role, role
        yield mem, DJ.roleLabel, zh(rel.role_label or role_name)  # as written: `基础设施板块总工程师`
        if as_of is not None:
            yield mem, DJ.asOf, as_of
        for prop, value in provenance:
            yield mem, prop, value


class _Minter:
    """Mints (and memoises) the IRIs of articles and entities under one base."""

    def __init__(self, base: str, resolution: Resolution):
        self.base, self.resolution = base, resolution
        self._entities: dict[str, URIRef] = {}

    def article(self, source: str, index: int) -> URIRef:
        return URIRef(self.base + article_path(source, index))

    def entity(self, key: str) -> URIRef:
        iri = self._entities.get(key)
        if iri is None:
            entity = self.resolution.entities[key]
            name = entity.iri_name or entity.label  # a renamed entity keeps its IRI
            iri = self._entities[key] = URIRef(self.base + entity_path(entity.kind, name, key))
        return iri


def to_graph(triples: Iterable[tuple], base: str = DEFAULT_BASE) -> Graph:
    graph = bind_prefixes(Graph(), base)
    for triple in triples:
        graph.add(triple)
    return graph
