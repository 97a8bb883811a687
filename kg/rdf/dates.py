"""The triples of an article's time and origin (``kg.dates``): date, paper, page, URL, dateline.

A dateline is a fact like any other, so it keeps its evidence the way a membership does, on its
own node: the span as written, its offsets in the source file, the article and the rule::

    djr:article-… dcterms:date "2023-07-28"^^xsd:date ; dj:dateline djr:dateline-… ;
        dcterms:publisher djr:publication-… ; schema:pagination "A03" ; schema:url "https://…" .
    djr:dateline-… a dj:Dateline ; dcterms:date "2023-07-28"^^xsd:date ;
        dj:evidence "7月28日"@zh ; dj:charStart 120 ; dj:charEnd 125 ;
        prov:wasDerivedFrom djr:article-… ; prov:wasGeneratedBy dj:rule-dateline-page-year .

It is not an ``rdf:Statement``: those name the six relations between entities, and readers of the
graph (the views, the scorer) count them as such.
"""
from __future__ import annotations

from typing import Iterator

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from kg.dates import Dated
from kg.model import Article
from kg.rdf.iris import short_hash, slug
from kg.rdf.namespaces import DJ, SCHEMA
from kg.rdf.terms import Terms, date, integer, zh

RULE_PREFIX = str(DJ._NS) + "rule-"
_DJ, _RDF, _RDFS, _DCTERMS = Terms(DJ), Terms(RDF), Terms(RDFS), Terms(DCTERMS)
_PROV, _SCHEMA = Terms(PROV), Terms(SCHEMA)
_ANY_URI = ox.NamedNode(str(XSD.anyURI))


def date_triples(a: ox.NamedNode, article: Article, source_text: str, dated: Dated | None,
                 base: str) -> Iterator[tuple]:
    """The triples that say when and where article ``a`` was reported (none when unknown)."""
    if dated is None:
        return
    from kg.rdf.build import evidence_text  # build imports this module

    if dated.date:
        yield a, _DCTERMS.date, date(dated.date)
    page = dated.page
    if page and page.publication:
        # dcterms:publisher points to an agent: the paper is a node named by its title
        name = page.publication
        paper = ox.NamedNode(base + f"publication-{slug(name)}-{short_hash(name)}")
        yield a, _DCTERMS.publisher, paper
        yield paper, _RDF.type, _SCHEMA.NewsMediaOrganization
        yield paper, _RDFS.label, zh(page.publication)
    if page and page.page:
        yield a, _SCHEMA.pagination, ox.Literal(page.page)
    if page and page.url:
        # a literal, not an IRI: web addresses may hold spaces or Chinese, which IRIs here may not
        yield a, _SCHEMA.url, ox.Literal(page.url, datatype=_ANY_URI)
    line = dated.dateline
    if line is None:
        return
    start, end = article.to_source(line.start, line.end)
    node = ox.NamedNode(base + "dateline-" + short_hash(a.value, str(start), str(end)))
    rule = ox.NamedNode(RULE_PREFIX + line.rule)
    yield a, _DJ.dateline, node
    yield node, _RDF.type, _DJ.Dateline
    yield node, _DCTERMS.date, date(line.date)
    yield node, _DJ.evidence, zh(evidence_text(source_text, start, end))
    yield node, _DJ.charStart, integer(start)
    yield node, _DJ.charEnd, integer(end)
    yield node, _PROV.wasDerivedFrom, a
    yield node, _PROV.wasGeneratedBy, rule
    yield rule, _RDF.type, _DJ.Rule
    yield rule, _RDF.type, _PROV.Activity
    yield rule, _RDFS.label, ox.Literal(line.rule)
