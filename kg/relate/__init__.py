"""Relate: extract the relations an article states between its mentions (issue 4).

Each family is a pure function of a ``Context`` (the article, its mentions, its sentences, its
subject) and returns ``Relation``s whose evidence is one sentence of ``Article.text``:

    posts       org:memberOf (+ org:Membership with the role)    title chains, scope inheritance
    located     dj:locatedIn                                     name structure, place chains, 位于
    suborg      org:subOrganizationOf                            name structure, 直属/隶属
    runs        dj:runs                                          clause subject or article subject
    partners    dj:partnerOf                                     与…签署/共建/结对, 联合, 双方
    issued      dj:issuedBy                                      发布/印发/制定《…》

Within one article a relation is kept once (a membership once per role), with its most confident
evidence (ties: the earliest sentence); the same relation in another article keeps its own
evidence. The builder (kg/rdf/build.py) merges again after resolution, so that a triple has one
statement per article, with one rule and one confidence. Posts run first: a body written only in a
post chain is a name of the article for the other families too. A relation may end in a
mention the recogniser did not report (a place named inside a body's name, a body completed from
a title chain); the pipeline adds those endpoints to the article's mentions.
"""
from __future__ import annotations

from kg.model import Article, Mention, Relation
from kg.relate.context import Context, identity
from kg.relate.issued import issued
from kg.relate.located import located
from kg.relate.names import complete_lists
from kg.relate.partners import partners
from kg.relate.posts import posts
from kg.relate.runs import runs
from kg.relate.suborg import suborganizations
from kg.vocab import PREDICATES

FAMILIES = (posts, located, suborganizations, runs, partners, issued)


def relate(article: Article, mentions: list[Mention]) -> list[Relation]:
    """All relations stated in ``article`` between its ``mentions``, sorted."""
    if not article.text or not mentions:
        return []
    ctx = Context(article, complete_lists(article.text, list(mentions)))
    held = posts(ctx)
    # Bodies written in a post chain that the recogniser missed (`广东省民政厅副厅长`) are names of
    # the article too: the other families see them (the body is in its province).
    known = set(ctx.mentions)
    written = {m for r in held for m in (r.subject, r.object) if m not in known}
    if written:
        ctx = Context(article, [*ctx.mentions, *sorted(written)])
    best: dict[tuple, Relation] = {}
    for family in FAMILIES:
        for rel in (held if family is posts else family(ctx)):
            key = _key(rel)
            kept = best.get(key)
            if kept is None or _rank(rel) < _rank(kept):
                best[key] = rel
    return sorted(best.values())


def _rank(rel: Relation) -> tuple:
    """The most confident evidence first, then the earliest sentence."""
    return (-rel.confidence, rel.sentence_start)


def _key(rel: Relation) -> tuple:
    ends = (identity(rel.subject), identity(rel.object))
    predicate = PREDICATES[rel.predicate]
    if predicate.symmetric:
        ends = tuple(sorted(ends))
    role = (rel.role,) if predicate.has_role else ()
    return (rel.predicate, *ends, *role)


def extra_mentions(found: list[Mention], relations: tuple[Relation, ...] | list[Relation]
                   ) -> tuple[Mention, ...]:
    """The mentions relations end in that the recogniser did not report, sorted: the pipeline adds
    them to the article so that the resolver makes entities of them."""
    known = set(found)
    return tuple(sorted({m for r in relations for m in (r.subject, r.object)} - known))
