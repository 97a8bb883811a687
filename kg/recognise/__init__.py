"""Recognise mentions in an article: one recogniser per kind, each a pure function of the article.

PLACEHOLDER: finds nothing yet (issue 3).
"""
from __future__ import annotations

from kg.model import Article, Mention


def recognise(article: Article) -> list[Mention]:
    """All mentions in ``article``, sorted by position, overlaps resolved."""
    return []
