"""Split a normalised page into articles with headlines and bylines.

PLACEHOLDER: one article per page. Replaced by the real splitter (issue 2).
"""
from __future__ import annotations

from kg.model import Article
from kg.offsets import OffsetMap


def split_articles(source: str, text: str, offsets: OffsetMap) -> list[Article]:
    """Cut the normalised page ``text`` into articles (in page order)."""
    if not text:
        return []
    start, end = offsets.source_span(0, len(text))
    return [Article(source=source, index=0, title="", text=text, offsets=offsets,
                    start=start, end=end)]
