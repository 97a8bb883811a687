"""The page cache: per-page results stored by content hash, so a rebuild redoes only what changed.

A page's key hashes its file name (article IRIs come from it), its decoded text and encoding, and
the *pipeline version*: a constant bumped by hand plus a hash of every source and data file of the
``kg`` package and the versions of the segmenters. Any change to the code therefore invalidates
the whole cache, never silently reuses a stale result. Entries live in ``<out>/.cache/<version>/``;
folders of other versions are removed after a build. Each entry is a pickle written atomically
(temporary file + rename); an entry that fails to load for any reason is treated as missing.

Pickle runs code when loaded: the cache is trusted like the output folder it lives in.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sys
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from kg.model import Page, PageResult

CACHE_FORMAT = 1  # bump when the cache layout or PageResult changes in a way hashing cannot see
_DATA_SUFFIXES = {".py", ".txt", ".json", ".tsv", ".csv", ".yaml", ".yml", ".dic", ".dict", ".crfsuite"}
_LIBRARIES = ("rjieba", "jieba", "pypinyin", "python-crfsuite")


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A short hash naming this exact pipeline: package files, segmenter versions, cache format."""
    digest = hashlib.sha256(f"format={CACHE_FORMAT};python={sys.version_info[:2]}".encode())
    for library in _LIBRARIES:
        digest.update(f";{library}={_library_version(library)}".encode())
    root = Path(__file__).resolve().parent
    for path in _package_files(root):
        digest.update(b"\0" + path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _package_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*")
                  if p.suffix in _DATA_SUFFIXES and p.is_file()
                  and not any(part.startswith((".", "__pycache__")) for part in p.relative_to(root).parts))


def _library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def page_key(page: Page) -> str:
    """The content key of a page: same name, text and encoding under the same pipeline → same key."""
    digest = hashlib.sha256(f"{page.source}\0{page.encoding}\0".encode())
    digest.update(page.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class PageCache:
    """Per-page results under ``root/<version>/<key[:2]>/<key>.pickle``."""

    def __init__(self, root: Path, version: str | None = None):
        self.root = Path(root)
        self.version = version or pipeline_version()
        self.folder = self.root / self.version

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, page: Page, key: str) -> PageResult | None:
        """The cached result of ``page``, or ``None`` if missing, unreadable or not this page's."""
        try:
            with open(self._path(key), "rb") as handle:
                result = pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:  # a truncated or foreign file is a miss, never a failed build
            return None
        if not isinstance(result, PageResult) or result.source != page.source \
                or result.source_text != page.text:
            return None
        return result

    def put(self, key: str, result: PageResult) -> None:
        """Store ``result`` atomically; a cache that cannot be written only costs speed."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:8]}.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                _unlink(tmp)
                raise
        except OSError:
            pass

    def prune(self) -> None:
        """Remove the entries of other pipeline versions (they can never be hit again)."""
        if not self.root.is_dir():
            return
        for child in self.root.iterdir():
            if child.is_dir() and child.name != self.version:
                shutil.rmtree(child, ignore_errors=True)


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
