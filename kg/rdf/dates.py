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

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from kg.dates import Dated
from kg.model import Article
from kg.rdf.iris import short_hash, slug
from kg.rdf.namespaces import DJ, SCHEMA

RULE_PREFIX = str(DJ._NS) + "rule-"


def date_triples(a: URIRef, article: Article, source_text: str, dated: Dated | None,
                 base: str) -> Iterator[tuple]:
    """The triples that say when and where article ``a`` was reported (none when unknown)."""
    if dated is None:
        return
    from kg.rdf.build import evidence_text, zh  # build imports this module

    if dated.date:
        yield a, DCTERMS.date, Literal(dated.date)
    page = dated.page
    if page and page.publication:
        # dcterms:publisher points to an agent: the paper is a node named by its title
        name = page.publication
        paper = URIRef(base + f"publication-{slug(name)}-{short_hash(name)}")
        yield a, DCTERMS.publisher, paper
        yield paper, RDF.type, SCHEMA.NewsMediaOrganization
        yield paper, RDFS.label, zh(page.publication)
    if page and page.page:
        yield a, SCHEMA.pagination, Literal(page.page)
    if page and page.url:
        # a literal, not an IRI: web addresses may hold spaces or Chinese, which IRIs here may not
        yield a, SCHEMA.url, Literal(page.url, datatype=XSD.anyURI)
    line = dated.dateline
    if line is None:
        return
    start, end = article.to_source(line.start, line.end)
    node = URIRef(base + "dateline-" + short_hash(str(a), str(start), str(end)))
    rule = URIRef(RULE_PREFIX + line.rule)
    yield a, DJ.dateline, node
    yield node, RDF.type, DJ.Dateline
    yield node, DCTERMS.date, Literal(line.date)
    yield node, DJ.evidence, zh(evidence_text(source_text, start, end))
    yield node, DJ.charStart, Literal(start)
    yield node, DJ.charEnd, Literal(end)
    yield node, PROV.wasDerivedFrom, a
    yield node, PROV.wasGeneratedBy, rule
    yield rule, RDF.type, DJ.Rule
    yield rule, RDF.type, PROV.Activity
    yield rule, RDFS.label, Literal(line.rule)
