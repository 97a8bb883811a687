"""Find the names of a relation's two ends (and the title) in its evidence sentence.

The side panel highlights them, so a reader sees at once *which words* support the relation.
"""
from __future__ import annotations

from typing import Iterable

Mark = tuple[int, int, str]  # [start, end) in the sentence, and "s" (subject), "o" (object), "r" (role)


def find_marks(text: str, subject: Iterable[str], object_: Iterable[str], role: str = "") -> tuple[Mark, ...]:
    """Leftmost-longest, non-overlapping occurrences of any name of either end, and of the role.

    ``subject`` and ``object_`` are every name of the entity (label and aliases): the sentence may
    use a short form (园区党工委) of the canonical name.
    """
    names = [(name, "s") for name in subject] + [(name, "o") for name in object_]
    if role:
        names.append((role, "r"))
    names = [(n, tag) for n, tag in names if n]
    marks: list[Mark] = []
    i = 0
    while i < len(text):
        found = max(((len(n), tag) for n, tag in names if text.startswith(n, i)), default=None)
        if found is None:
            i += 1
            continue
        length, tag = found
        marks.append((i, i + length, tag))
        i += length
    return tuple(marks)
