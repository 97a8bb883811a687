"""IRIs: ASCII (and free of "/" so that every one can be written as a prefixed name), stable across runs and input order, derived only from canonical keys.

An entity IRI is ``<base><kind>-<pinyin-slug>-<hash>``: the slug makes it readable, the hash of the
full canonical key makes it unique (two names with the same pinyin stay apart).
"""
from __future__ import annotations

import hashlib
import re

from pypinyin import Style, lazy_pinyin

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
KIND_PATH = {"Organization": "org", "Person": "person", "Place": "place",
             "Initiative": "initiative", "PolicyDocument": "doc"}


def short_hash(*parts: str, length: int = 10) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def slug(name: str, limit: int = 40) -> str:
    """ASCII slug of a Chinese name: ``苏州工业园区`` → ``su-zhou-gong-ye-yuan-qu``."""
    words = lazy_pinyin(name, style=Style.NORMAL, errors=lambda chars: list(chars))
    text = "-".join(_NOT_SLUG.sub("-", w.lower()).strip("-") for w in words)
    text = re.sub(r"-{2,}", "-", text).strip("-")
    return text[:limit].rstrip("-") or "x"


def entity_path(kind: str, label: str, key: str) -> str:
    return f"{KIND_PATH[kind]}-{slug(label)}-{short_hash(key)}"


def article_path(source: str, index: int) -> str:
    stem = source.rsplit(".", 1)[0]
    ascii_stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-")
    if ascii_stem != stem or not ascii_stem:
        ascii_stem = f"{ascii_stem or 'page'}-{short_hash(source, length=8)}"
    return f"article-{ascii_stem}-{index + 1:02d}"
