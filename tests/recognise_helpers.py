"""Helpers for the recogniser tests: build an Article from a string, pick mentions by kind."""
from __future__ import annotations

from kg.model import Article, Mention
from kg.offsets import OffsetMap
from kg.recognise import recognise


def article(text: str, source: str = "t.txt", index: int = 0,
            creators: tuple[str, ...] = ()) -> Article:
    """An Article whose text is ``text`` with an identity offset map."""
    return Article(source=source, index=index, title="", text=text,
                   offsets=OffsetMap([0], [0], len(text)), start=0, end=len(text), creators=creators)


def found(text: str, kind: str | None = None) -> list[Mention]:
    return [m for m in recognise(article(text)) if kind is None or m.kind == kind]


def names(text: str, kind: str) -> set[str]:
    return {m.name for m in found(text, kind)}
