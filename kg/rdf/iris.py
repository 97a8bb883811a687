"""IRIs: ASCII, free of "/" (so every one can be written as a prefixed name), stable across runs and
input order, derived only from canonical keys.

An entity IRI is ``<base><prefix>-<pinyin-slug>-<hash>``, the prefix its kind's (``org``, ``person``
…, ``kg.vocab``): the slug makes it readable, the hash of the full canonical key makes it unique
(two names with the same pinyin stay apart). The slug reads each character on its own (its most
common reading, memoised): whole-phrase pinyin costs ~0.1 ms a name, a sizeable share of a large
build, and a polyphone read off (银行 → yin-xing) is harmless beside the hash.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from kg.vocab import KINDS

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def short_hash(*parts: str, length: int = 10) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def slug(name: str, limit: int = 40) -> str:
    """ASCII slug of a Chinese name: ``青枫工业园区`` → ``qing-feng-gong-ye-yuan-qu``."""
    parts, length, latin = [], 0, False
    for ch in name:
        part = _reading(ch)
        if not part:
            latin = False
            continue
        if latin and ch.isascii():
            parts[-1] += part  # letters and digits of one Latin word stay together: welife, 2022
        else:
            parts.append(part)
        latin = ch.isascii()
        length += len(part) + 1
        if length > limit:
            break
    text = re.sub(r"-{2,}", "-", "-".join(parts)).strip("-")
    return text[:limit].rstrip("-") or "x"


@lru_cache(maxsize=None)
def _reading(ch: str) -> str:
    """One character's slug part: its pinyin, an ASCII letter or digit lower-cased, else ""."""
    [word] = lazy_pinyin(ch, style=Style.NORMAL, errors=lambda chars: [chars])
    return _NOT_SLUG.sub("-", word.lower()).strip("-")


def entity_path(kind: str, label: str, key: str) -> str:
    return f"{KINDS[kind].iri_prefix}-{slug(label)}-{short_hash(key)}"


def article_path(source: str, index: int) -> str:
    stem = source.rsplit(".", 1)[0]
    ascii_stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-")
    if ascii_stem != stem or not ascii_stem:
        ascii_stem = f"{ascii_stem or 'page'}-{short_hash(source, length=8)}"
    return f"article-{ascii_stem}-{index + 1:02d}"
