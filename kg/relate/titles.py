"""Titles (posts) a person holds: the generic lexicon the post extractor matches before a name.

One list serves the recogniser (a title before a name cues a person) and the relation step (a
title chain gives posts): ``kg/data/titles.txt``, read through ``kg.recognise.lexicon``; so does
the list of verbs of saying (what follows them is someone's words, not the article's report). Every
entry is a generic title, never a name.
"""
from __future__ import annotations

from kg.recognise import lexicon

# A head of government is named after the place, not after the body: `梅港市委书记、市长` holds
# the 市长 post in the 人民政府 of the place whose 市委 the chain named.
GOVERNMENT_HEADS = frozenset(lexicon.cues("government-head"))


def titles() -> tuple[str, ...]:
    """All titles, longest first (so `副书记` wins over `书记`)."""
    return lexicon.titles()


def speech_verbs() -> tuple[str, ...]:
    """Verbs of saying (`说`, `表示`), from the recogniser's list ``kg/data/speech_verbs.txt``."""
    return lexicon.speech_verbs()

