"""Build RDF: articles, entities, relations and the provenance of every relation.

``graph_triples`` yields pyoxigraph terms (``kg.rdf.terms``); ``to_store`` puts them into the
in-memory ``Store`` that the build hands to every writer; ``to_graph`` collects them into an
``rdflib.Graph`` for library users.
"""
from __future__ import annotations

import queue
import threading
from typing import Iterable, Iterator, Mapping

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.dates import Dated
from kg.model import PageResult, Relation
from kg.rdf.dates import date_triples
from kg.rdf.iris import article_path, entity_path, short_hash, slug
from kg.rdf.namespaces import DEFAULT_BASE, DJ, ORG, PREDICATE, SCHEMA, bind_prefixes
from kg.rdf.terms import Terms, confidence, date, integer, to_ox, zh
from kg.resolve import Resolution
from kg.vocab import PREDICATES

RULE_PREFIX = str(DJ._NS) + "rule-"
_DJ, _RDF, _RDFS, _SKOS = Terms(DJ), Terms(RDF), Terms(RDFS), Terms(SKOS)
_DCTERMS, _PROV, _ORG, _SCHEMA = Terms(DCTERMS), Terms(PROV), Terms(ORG), Terms(SCHEMA)
_PREDICATE = {name: ox.NamedNode(str(iri)) for name, iri in PREDICATE.items()}
_MEMBER_OF = ox.NamedNode(str(ORG.memberOf))


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
    """Every triple of the graph as pyoxigraph terms, in no particular order (the writers sort).
    ``dated``: each article's date and origin by article id (``kg.dates.date_articles``), if known."""
    dated = dated or {}
    iri = _Minter(base, resolution)
    rules: set[str] = set()
    a_type, dj, dcterms, mentions_p = _RDF.type, _DJ, _DCTERMS, _SCHEMA.mentions
    for result in results:
        for article, mentions, relations in zip(result.articles, result.mentions, result.relations):
            a, article_id = iri.article(article.source, article.index), article.id
            yield a, a_type, dj.Article
            yield a, a_type, _SCHEMA.NewsArticle
            if article.title:
                yield a, dcterms.title, zh(article.title)
            yield a, dcterms.source, ox.Literal(article.source)
            yield a, dj.position, integer(article.index + 1)
            yield a, dj.charStart, integer(article.start)
            yield a, dj.charEnd, integer(article.end)
            when = dated.get(article_id)
            yield from date_triples(a, article, result.source_text, when, base)
            as_of = date(when.date) if when and when.date else None
            for key in resolution.creators.get(article_id, ()):
                yield a, dcterms.creator, iri.entity(key)
            # Said here, once per entity and article, rather than gathered per entity for the
            # end: on a large corpus that table costs more than the triples. A mention can keep
            # the key of an entity curation rejected: that entity is no longer in the graph.
            for key in dict.fromkeys(resolution.key_of(article_id, m) for m in mentions):
                if key in resolution.entities:
                    yield a, mentions_p, iri.entity(key)
            kept = [r for r in relations if r.confidence >= min_confidence]
            for ends, best in _best_per_triple(iri, article, kept):
                rules.add(best[0].rule)
                rules.update(r.rule for r in _by_role(best).values())
                yield from _relation(iri, result.source_text, article, a, ends, best, as_of)
    for key, entity in sorted(resolution.entities.items()):
        e = iri.entity(key)
        yield e, a_type, dj[entity.kind]
        if entity.subtype and entity.subtype != entity.kind:
            yield e, a_type, dj[entity.subtype]
        yield e, _RDFS.label, zh(entity.label)
        for alias in entity.aliases:
            yield e, _SKOS.altLabel, zh(alias)
        if entity.level:
            yield e, dj.adminLevel, dj[entity.level]
    for rule in sorted(rules):
        r = ox.NamedNode(RULE_PREFIX + rule)
        yield r, a_type, dj.Rule
        yield r, a_type, _PROV.Activity
        yield r, _RDFS.label, ox.Literal(rule)


def to_store(triples: Iterable[tuple], batch: int = 5_000) -> ox.Store:
    """An in-memory ``Store`` of ``triples`` (of pyoxigraph terms, as ``graph_triples`` makes
    them; ``ox_triples`` converts others), in its default graph.

    The triples are made here and put into the store by a thread beside, ``batch`` at a time:
    ``Store.extend`` holds the GIL only to take a batch's quads and inserts them without it, so
    the store fills on the second CPU while this thread makes the next triples (Python, three
    fifths of the stage). A few batches wait at most, so no Python copy of the graph is ever
    held. (Adding one quad at a time, or ``bulk_extend``, cannot run beside the Python: the
    first takes the GIL back for every quad, the second never lets it go, and it took 800 MB
    more on the 50 MB bench graph.)"""
    store = ox.Store()
    with _Filler(store) as filler:
        quads: list[ox.Quad] = []
        for s, p, o in triples:
            quads.append(ox.Quad(s, p, o))
            if len(quads) >= batch:
                filler.put(quads)
                quads = []
        filler.put(quads)
    return store


class _Filler:
    """``with _Filler(store) as filler: filler.put(quads)…``: a thread that extends ``store``
    with each list of quads put, in order; leaving the block waits until all are in, and
    raises the error the thread met, if any."""

    _DONE = None

    def __init__(self, store: ox.Store, waiting: int = 4):
        self._store, self._error = store, None
        self._batches: queue.Queue = queue.Queue(maxsize=waiting)
        self._thread = threading.Thread(target=self._run, name="kg-store-filler")

    def _run(self) -> None:
        while (quads := self._batches.get()) is not self._DONE:
            if self._error is None:  # after an error, only drain: put() must never block
                try:
                    self._store.extend(quads)
                except BaseException as error:  # raised by put() or on leaving the block
                    self._error = error

    def put(self, quads: list) -> None:
        if self._error is not None:
            raise self._error
        self._batches.put(quads)

    def __enter__(self) -> "_Filler":
        self._thread.start()
        return self

    def __exit__(self, kind, error, traceback) -> None:
        self._batches.put(self._DONE)
        self._thread.join()
        if error is None and self._error is not None:
            raise self._error


def ox_triples(triples: Iterable[tuple]) -> Iterator[tuple]:
    """Triples of rdflib terms (e.g. ``kg.curation.curation_triples``) as pyoxigraph terms."""
    for triple in triples:
        yield tuple(map(to_ox, triple))


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
        if PREDICATES[rel.predicate].symmetric and o.value < s.value:
            s, o = o, s  # symmetric: one direction, so the same pair stated twice is one triple
        groups.setdefault((s, _PREDICATE[rel.predicate], o), []).append(rel)
    return sorted(((ends, sorted(rels, key=_rank)) for ends, rels in groups.items()),
                  key=lambda g: tuple(t.value for t in g[0]))


def _provenance(source_text: str, article, a: ox.NamedNode, rel: Relation) -> tuple[list, int, int]:
    start, end = article.to_source(rel.sentence_start, rel.sentence_end)
    return [
        (_PROV.wasDerivedFrom, a),
        (_DJ.evidence, zh(evidence_text(source_text, start, end))),
        (_DJ.charStart, integer(start)),
        (_DJ.charEnd, integer(end)),
        (_DJ.confidence, confidence(rel.confidence)),
        (_PROV.wasGeneratedBy, ox.NamedNode(RULE_PREFIX + rel.rule)),
    ], start, end


def _by_role(rels: list[Relation]) -> dict[str, Relation]:
    """memberOf: the best evidence of each role (``rels`` best first); empty for other predicates."""
    by_role: dict[str, Relation] = {}
    for rel in rels:
        if PREDICATES[rel.predicate].has_role and rel.role:
            by_role.setdefault(rel.role, rel)
    return by_role


def _relation(iri: "_Minter", source_text: str, article, a: ox.NamedNode, ends: tuple,
              rels: list[Relation], as_of: ox.Literal | None = None) -> Iterator[tuple]:
    """One triple of one article: its statement (the best evidence) and, for memberOf, one
    membership per role (each with the best evidence of that role, and ``as_of`` the date of
    the article)."""
    s, p, o = ends
    provenance, start, end = _provenance(source_text, article, a, rels[0])
    yield s, p, o
    st = ox.NamedNode(iri.base + "stmt-" + short_hash(s.value, p.value, o.value, a.value,
                                                      str(start), str(end)))
    yield st, _RDF.type, _RDF.Statement
    yield st, _RDF.subject, s
    yield st, _RDF.predicate, p
    yield st, _RDF.object, o
    for prop, value in provenance:
        yield st, prop, value
    if p != _MEMBER_OF:
        return
    for role_name, rel in sorted(_by_role(rels).items()):
        provenance, start, end = _provenance(source_text, article, a, rel)
        role = ox.NamedNode(iri.base + f"role-{slug(role_name)}-{short_hash(role_name)}")
        yield role, _RDF.type, _SKOS.Concept
        yield role, _SKOS.prefLabel, zh(role_name)
        yield role, _SKOS.inScheme, _DJ.RoleScheme
        mem = ox.NamedNode(iri.base + "membership-" + short_hash(s.value, o.value, role_name, a.value,
                                                                 str(start), str(end)))
        yield mem, _RDF.type, _ORG.Membership
        yield mem, _ORG.member, s
        yield mem, _ORG.organization, o
        yield mem, _ORG.role, role
        yield mem, _DJ.roleLabel, zh(rel.role_label or role_name)  # as written: `基础设施板块总工程师`
        if as_of is not None:
            yield mem, _DJ.asOf, as_of
        for prop, value in provenance:
            yield mem, prop, value


class _Minter:
    """Mints (and memoises) the IRIs of articles and entities under one base."""

    def __init__(self, base: str, resolution: Resolution):
        self.base, self.resolution = base, resolution
        self._entities: dict[str, ox.NamedNode] = {}

    def article(self, source: str, index: int) -> ox.NamedNode:
        return ox.NamedNode(self.base + article_path(source, index))

    def entity(self, key: str) -> ox.NamedNode:
        iri = self._entities.get(key)
        if iri is None:
            entity = self.resolution.entities[key]
            name = entity.iri_name or entity.label  # a renamed entity keeps its IRI
            iri = self._entities[key] = ox.NamedNode(self.base + entity_path(entity.kind, name, key))
        return iri


def to_graph(triples: Iterable[tuple], base: str = DEFAULT_BASE) -> Graph:
    from kg.rdf.load import to_rdflib
    graph = bind_prefixes(Graph(), base)
    for triple in triples:
        graph.add(tuple(map(to_rdflib, map(to_ox, triple))))
    return graph
