"""Normalise page text, keeping a map back to source offsets.

PLACEHOLDER (identity): replaced by the real normaliser (issue 2).
"""
from __future__ import annotations

from kg.offsets import OffsetMap


def normalise(text: str) -> tuple[str, OffsetMap]:
    """Return ``(normalised_text, offset_map)``; ``offset_map.to_source(i)`` is the source offset."""
    return text, OffsetMap([0], [0], len(text))
