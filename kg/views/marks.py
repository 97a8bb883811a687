"""Find the names of a relation's two ends (and the title) in its evidence sentence.

The side panel highlights them, so a reader sees at once *which words* support the relation.

Why search the sentence rather than take the mentions' offsets from the ``Relation`` records:
the views are made from the graph alone (``kg view`` has only graph.ttl, and ``kg build`` hands
the views the same in-memory graph and frees the per-page results before them, which are most of
its memory), and the graph does not carry where in a sentence each end is named. Carrying them
beside the graph would give the build's views marks that ``kg view`` of the same graph.ttl could
not reproduce; carrying them in the graph would change graph.ttl. The offsets would also need
mapping twice — from the normalised article text to the source, then into the evidence as
quoted, whose white space is folded — and would mark only the one mention the rule read, where
a reader wants every occurrence of either name. The search costs little: it runs only for the
evidence a page shows (``graphdata.EVIDENCE_SHOWN`` per relation).
"""
from __future__ import annotations

from typing import Iterable

Mark = tuple[int, int, str]  # [start, end) in the sentence, and "s" (subject), "o" (object), "r" (role)


def find_marks(text: str, subject: Iterable[str], object_: Iterable[str], role: str = "") -> tuple[Mark, ...]:
    """Leftmost-longest, non-overlapping occurrences of any name of either end, and of the role.

    ``subject`` and ``object_`` are every name of the entity (label and aliases): the sentence may
    use a short form (园区党工委) of the canonical name.
    """
    tags: dict[str, str] = {}
    for names, tag in ((subject, "s"), (object_, "o"), ((role,) if role else (), "r")):
        for name in names:
            if name:
                tags[name] = max(tags.get(name, tag), tag)  # one name for two ends: "s" wins
    if not tags:
        return ()
    # Longest name first, so at each position the first found is the longest there: a scan
    # with str.find, which gives what one regex of the alternatives would (re.finditer), without
    # compiling a regex per sentence (that was a third of the views' time on the 10 MB bench).
    names = sorted(tags, key=lambda n: (-len(n), n))
    marks: list[Mark] = []
    at = 0
    while True:
        start, found = -1, ""
        for name in names:
            i = text.find(name, at)
            if i >= 0 and (start < 0 or i < start):
                start, found = i, name
        if start < 0:
            return tuple(marks)
        at = start + len(found)
        marks.append((start, at, tags[found]))
