"""Resolve: merge the mentions of all pages into entities (the cross-page reduce step).

PLACEHOLDER: one entity per (kind, canonical name, scope); replaced in issue 3.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from kg.model import Entity, Mention, PageResult


@dataclass
class Resolution:
    entities: dict[str, Entity]  # key → entity
    keys: dict[tuple[str, Mention], str]  # (article id, mention) → entity key
    creators: dict[str, tuple[str, ...]]  # article id → keys of its byline persons

    def key_of(self, article_id: str, mention: Mention) -> str:
        return self.keys[(article_id, mention)]


def mention_key(mention: Mention) -> str:
    return f"{mention.kind}|{mention.name}|{mention.scope}"


def creator_key(name: str) -> str:
    return f"Person|{name}|"


def resolve(results: Iterable[PageResult]) -> Resolution:
    keys: dict[tuple[str, Mention], str] = {}
    creators: dict[str, tuple[str, ...]] = {}
    names: dict[str, Counter] = defaultdict(Counter)
    subtypes: dict[str, Counter] = defaultdict(Counter)
    levels: dict[str, Counter] = defaultdict(Counter)
    articles: dict[str, set] = defaultdict(set)
    kinds: dict[str, str] = {}
    labels: dict[str, str] = {}
    for result in results:
        for article, mentions in zip(result.articles, result.mentions):
            for m in mentions:
                key = mention_key(m)
                keys[(article.id, m)] = key
                kinds[key], labels[key] = m.kind, m.name
                names[key][m.text] += 1
                subtypes[key][m.subtype] += 1
                if m.level:
                    levels[key][m.level] += 1
                articles[key].add(article.id)
            article_creators = []
            for name in article.creators:
                key = creator_key(name)
                kinds[key], labels[key] = "Person", name
                subtypes[key]["Person"] += 1
                articles[key].add(article.id)
                article_creators.append(key)
            creators[article.id] = tuple(article_creators)
    entities = {}
    for key in kinds:
        entities[key] = Entity(
            key=key, kind=kinds[key], subtype=_most_common(subtypes[key]), label=labels[key],
            aliases=tuple(sorted(set(names[key]) - {labels[key]})),
            articles=tuple(sorted(articles[key])), level=_most_common(levels[key]))
    return Resolution(entities=entities, keys=keys, creators=creators)


def _most_common(counter: Counter) -> str:
    """The most frequent value; ties go to the smallest, so the result never depends on order."""
    if not counter:
        return ""
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]
