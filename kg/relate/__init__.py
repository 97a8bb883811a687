"""Relate: extract relations between the mentions of an article (issue 4).

PLACEHOLDER: finds nothing yet.
"""
from __future__ import annotations

from kg.model import Article, Mention, Relation


def relate(article: Article, mentions: list[Mention]) -> list[Relation]:
    """All relations stated in ``article`` between its ``mentions``."""
    return []
