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

import re
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
    # Longest alternative first: at each position the regex takes the longest name, and
    # finditer moves on past it (leftmost-longest, non-overlapping), all in C.
    pattern = re.compile("|".join(re.escape(n) for n in sorted(tags, key=lambda n: (-len(n), n))))
    return tuple((m.start(), m.end(), tags[m.group()]) for m in pattern.finditer(text))
