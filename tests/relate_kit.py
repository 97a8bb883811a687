"""Test helper for the relation extractors: an Article from a string, Mentions by substring.

Names here are invented for the tests (梅林街道, 青松社区, 张三丰 …); none comes from the corpus.
"""
from __future__ import annotations

from kg.model import Article, Mention, Relation
from kg.offsets import OffsetMap
from kg.pipeline import process_text
from kg.relate import relate


class Doc:
    """An article built from ``text`` (identity offsets) and the mentions a test declares."""

    def __init__(self, text: str, title: str = ""):
        self.text = text
        self.article = Article(source="test.txt", index=0, title=title, text=text,
                               offsets=OffsetMap([0], [0], len(text)), start=0, end=len(text))
        self.mentions: list[Mention] = []

    def add(self, surface: str, kind: str, subtype: str = "", name: str = "", level: str = "",
            nth: int = 0, at: int = -1) -> Mention:
        start = at if at >= 0 else _nth(self.text, surface, nth)
        m = Mention(start=start, end=start + len(surface), text=surface, kind=kind,
                    subtype=subtype or kind, name=name or _unquoted(surface), rule="test",
                    level=level)
        self.mentions.append(m)
        return m

    def org(self, surface: str, subtype: str = "PartyOrganization", **kw) -> Mention:
        return self.add(surface, "Organization", subtype, **kw)

    def area(self, surface: str, level: str, **kw) -> Mention:
        return self.add(surface, "Place", "AdministrativeArea", level=level, **kw)

    def place(self, surface: str, **kw) -> Mention:
        return self.add(surface, "Place", "Place", **kw)

    def person(self, surface: str, **kw) -> Mention:
        return self.add(surface, "Person", "Person", **kw)

    def initiative(self, surface: str, subtype: str = "Mechanism", **kw) -> Mention:
        return self.add(surface, "Initiative", subtype, **kw)

    def document(self, surface: str, **kw) -> Mention:
        return self.add(surface, "PolicyDocument", "PolicyDocument", name=surface, **kw)

    def relations(self, predicate: str | None = None) -> list[Relation]:
        found = relate(self.article, list(self.mentions))
        return [r for r in found if predicate is None or r.predicate == predicate]

    def triples(self, predicate: str | None = None) -> set[tuple[str, str, str]]:
        return {(r.subject.name, r.predicate, r.object.name) for r in self.relations(predicate)}

    def evidence(self, rel: Relation) -> str:
        return self.text[rel.sentence_start:rel.sentence_end]


def extracted(text: str, predicate: str) -> list[Relation]:
    """The relations of ``predicate`` the whole per-page step finds in ``text`` (recognisers
    included, not declared mentions), as an article under a headline."""
    page = process_text("t.txt", "社区新闻\n\n" + text)
    return [r for rels in page.relations for r in rels if r.predicate == predicate]


def _unquoted(surface: str) -> str:
    return surface.replace("“", "").replace("”", "")


def _nth(text: str, surface: str, nth: int) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.find(surface, at + 1)
        if at < 0:
            raise ValueError(f"{surface!r} occurs fewer than {nth + 1} times")
    return at
