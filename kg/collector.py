"""Pausing Python's cyclic garbage collector around work that makes millions of objects, none of
them in a cycle (tokens, mentions, records, terms).

Each batch of new objects sets the collector off, and every so often it rescans every object
alive: the tokens of a long article, or the whole build's records in the cross-page step. That
rescanning was a third of the tagger's time and a quarter of the views' and validation's (10 MB
bench corpus). Objects are still freed as their last reference goes; only garbage in cycles waits
until the collector is on again.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the block, then as it was (a nested pause leaves it off)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
