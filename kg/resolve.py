"""Resolve: merge the mentions of all pages into entities (the cross-page reduce step).

Keys are canonical, so they are stable across runs and input order:
- organisations, places, initiatives, documents: ``kind|name|`` where ``name`` is the mention's
  canonical name with standard long forms folded (枫林经济技术开发区 and 枫林经开区 are one key).
  Recognisers complete short forms (园区, 区委) within their article and drop generic names the
  article does not complete, so a name that reaches this step identifies its entity by itself.
  A name the article could not place (市工商联 with no city named) is its article's body: the
  scope is the article id. One more merge needs all pages: a place written bare on one page (梅川) is the place another page
  writes with its suffix (梅川市).
- people: ``Person|name|scope``. A person's name alone is weak evidence, so occurrences of one name
  merge across articles only when the evidence agrees: the two articles name the same organisation
  or place in the sentence that names the person, or the name is a byline in both (bylines of one
  paper). Otherwise each stays its own entity, scoped by the first article of its group.
The label is the fullest name seen (for folded zone names, the long form); every other surface form
is an alias. Each entity lists every article that mentions it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from kg.model import Entity, Mention, PageResult
from kg.recognise import lexicon
from kg.recognise.context import IN_ARTICLE, fold
from kg.vocab import ADMINISTRATIVE_AREA, ORGANIZATION, PERSON, PLACE

SENTENCE_END = re.compile(r"[。！？\n]")


@dataclass
class Resolution:
    entities: dict[str, Entity]  # key → entity
    keys: dict[tuple[str, Mention], str]  # (article id, mention) → entity key
    creators: dict[str, tuple[str, ...]]  # article id → keys of its byline persons

    def key_of(self, article_id: str, mention: Mention) -> str:
        return self.keys[(article_id, mention)]

    def forget(self, result: PageResult) -> None:
        """Drop the keys of ``result``'s mentions, whose triples are made."""
        for article, mentions in zip(result.articles, result.mentions):
            article_id = article.id
            for m in mentions:
                self.keys.pop((article_id, m), None)


class Folded(dict):
    """``folded[name]`` is ``fold(name)``, each name folded once: names recur by the thousand
    (社区党委), and folding them at every mention was a fifth of resolve's time."""

    def __missing__(self, name: str) -> str:
        short = self[name] = fold(name)
        return short


def entity_key(kind: str, folded: str, scope: str) -> str:
    """The key of a non-person entity: its kind, folded name (``fold``) and scope."""
    return f"{kind}|{folded}|{scope}"


def person_key(name: str, scope: str) -> str:
    return f"Person|{name}|{scope}"


def resolve(results: Iterable[PageResult]) -> Resolution:
    results = list(results)
    folded = Folded()
    people = _PersonGroups(results, folded)
    fuller = _fuller_places(results)
    acc = _Accumulator()
    keys: dict[tuple[str, Mention], str] = {}
    creators: dict[str, tuple[str, ...]] = {}
    for result in results:
        for article, mentions in zip(result.articles, result.mentions):
            # One id string per article and one key string per entity, shared by every mention
            # that points to them: a 50 MB corpus has half a million mentions (120 MB of copies).
            article_id = article.id
            for m in mentions:
                name = fuller.get(m.name, m.name) if m.kind == PLACE else m.name
                scope = article_id if m.scope == IN_ARTICLE else m.scope
                if m.kind == PERSON:
                    key = people.key(article_id, name)
                else:
                    key = entity_key(m.kind, folded[name], scope)
                key = acc.add(key, m.kind, m.subtype, name, m.text, m.level, article_id)
                keys[(article_id, m)] = key
            article_creators = []
            for name in article.creators:
                key = acc.add(people.key(article_id, name), PERSON, PERSON, name, name, "",
                              article_id)
                if key not in article_creators:
                    article_creators.append(key)
            creators[article_id] = tuple(article_creators)
    return Resolution(entities=acc.entities(), keys=keys, creators=creators)


# Suffixes a bare place word stands for when another page names the place in full (梅川, 梅川市).
WIDER = lexicon.cues("wider-area-level")


def _fuller_places(results: list[PageResult]) -> dict[str, str]:
    """A place written bare on one page (梅川) and with its suffix on another (梅川市) is one place:
    bare name → the full name, the widest level first."""
    names = {m.name for result in results for mentions in result.mentions for m in mentions
             if m.kind == PLACE}
    bare = {m.name for result in results for mentions in result.mentions for m in mentions
            if m.kind == PLACE and not m.level and m.rule != "place-other"}
    out = {}
    for name in sorted(bare):
        full = next((name + s for s in WIDER if name + s in names), None)
        if full:
            out[name] = full
    return out


class _Accumulator:
    """Collects, per key, the names, surface forms, subtypes, levels and articles seen."""

    def __init__(self) -> None:
        self.canonical: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.names: dict[str, Counter] = defaultdict(Counter)
        self.forms: dict[str, set[str]] = defaultdict(set)
        self.subtypes: dict[str, Counter] = defaultdict(Counter)
        self.named_subtypes: dict[tuple[str, str], Counter] = defaultdict(Counter)
        self.levels: dict[str, Counter] = defaultdict(Counter)
        self.articles: dict[str, set[str]] = defaultdict(set)

    def add(self, key, kind, subtype, name, surface, level, article_id) -> str:
        """Count one mention of ``key``; returns the key as first seen (one string per entity)."""
        key = self.canonical.setdefault(key, key)
        self.kinds[key] = kind
        self.names[key][name] += 1
        form = surface.replace("“", "").replace("”", "")
        self.forms[key].update((name, form))
        self.subtypes[key][subtype] += 1
        self.named_subtypes[(key, form)][subtype] += 1
        if level:
            self.levels[key][level] += 1
        self.articles[key].add(article_id)
        return key

    def entities(self) -> dict[str, Entity]:
        out = {}
        for key in sorted(self.kinds):
            label = _label(self.names[key])
            level = _most_common(self.levels[key])
            # The fullest name carries the telling trigger (“X模式”书记项目 is a 书记项目, though
            # its quoted part ends in 模式), so the mentions written in full decide the subtype.
            subtype = ADMINISTRATIVE_AREA if level else _most_common(
                self.named_subtypes.get((key, label)) or self.subtypes[key])
            out[key] = Entity(key=key, kind=self.kinds[key], subtype=subtype, label=label,
                              aliases=tuple(sorted(self.forms[key] - {label})),
                              articles=tuple(sorted(self.articles[key])), level=level)
        return out


def _label(names: Counter) -> str:
    """The fullest name: the longest, then the most frequent, then the smallest (order-free)."""
    return min(names, key=lambda n: (-len(n), -names[n], n))


def _most_common(counter: Counter) -> str:
    """The most frequent value; ties go to the smallest, so the result never depends on order."""
    if not counter:
        return ""
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


class _PersonGroups:
    """Groups the occurrences of each person name across articles when the evidence agrees."""

    def __init__(self, results: list[PageResult], folded: Folded) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}
        evidence: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for result in results:
            for article, mentions in zip(result.articles, result.mentions):
                for name, context in _person_contexts(article.text, mentions, folded).items():
                    evidence[name][article.id] |= context
                for name in article.creators:
                    evidence[name][article.id].add("byline")
        for name, by_article in evidence.items():
            # articles sharing a piece of evidence join through the first article that had it:
            # the same groups as comparing every pair, in time linear in the evidence
            first: dict[str, str] = {}
            for a in sorted(by_article):
                self._find((name, a))
                for item in sorted(by_article[a]):
                    self._union((name, first.setdefault(item, a)), (name, a))

    def key(self, article_id: str, name: str) -> str:
        root = self._find((name, article_id))
        return person_key(name, root[1])

    def _find(self, item):
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def _union(self, a, b) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:  # the smaller article id is the root, so the scope does not depend on order
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _person_contexts(text: str, mentions: Iterable[Mention], folded: Folded
                     ) -> dict[str, set[str]]:
    """Person name → keys of the organisations and places named in the same sentences."""
    mentions = list(mentions)
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    anchors: dict[int, set[str]] = defaultdict(set)
    for m in mentions:
        if m.kind in (ORGANIZATION, PLACE):
            anchors[bisect_right(ends, m.start)].add(entity_key(m.kind, folded[m.name], m.scope))
    contexts: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.kind == PERSON:
            contexts[m.name] |= anchors[bisect_right(ends, m.start)]
    return contexts
