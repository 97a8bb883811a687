"""Word segmentation and part-of-speech tags, through private tokenizer instances.

rjieba (jieba-rs) gives the same tokens as ``jieba.lcut`` about 29× faster (research/perf_anchors.md
§1), so it does the work when installed; jieba is the reference and the fallback. Both get the same
generic user dictionary (kg/data/userdict.txt), and neither touches the global state of the
``jieba`` module, which other code may use with other dictionaries.

Tags come from the cut segmentation (``rjieba.tag``), never from ``jieba.posseg`` on whole texts:
posseg re-segments with its own HMM and is about seven times slower than cutting.
"""
from __future__ import annotations

import logging
import sys
from functools import lru_cache, partial
from importlib.util import find_spec
from itertools import accumulate
from pathlib import Path
from typing import Iterator, NamedTuple

from kg.errors import KgError

DATA = Path(__file__).parent / "data"


class Token(NamedTuple):  # a tuple: a long article has millions, and tuples are built fastest
    start: int
    end: int
    word: str
    tag: str  # jieba tag set: n, nr, ns, nt, nz, v, vn, a, x (punctuation) …


def user_words() -> list[tuple[str, int | None, str | None]]:
    """The generic user dictionary: (word, frequency or None, tag or None)."""
    words = []
    for line in (DATA / "userdict.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 else None
        tag = parts[2] if len(parts) > 2 else None
        words.append((parts[0], freq, tag))
    return words


@lru_cache(maxsize=1)
def _rjieba():
    tokenizer_class = _rjieba_class()
    if tokenizer_class is None:  # pragma: no cover - rjieba is a declared dependency
        return None
    tokenizer = tokenizer_class()
    for word, freq, tag in user_words():
        tokenizer.add_word(word, freq, tag)
    return tokenizer


def _rjieba_class():
    """rjieba's tokenizer class, taken from its compiled module: importing the ``rjieba``
    package builds a default tokenizer we never use (a tenth of a second of every build, before
    its first page). Where the layout is not the one expected, the package is imported."""
    from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader
    from importlib.util import module_from_spec, spec_from_loader

    package = find_spec("rjieba")
    if package is None or package.origin is None:
        return None
    folder = Path(package.origin).parent
    for suffix in EXTENSION_SUFFIXES:
        path = folder / f"rjieba{suffix}"
        if path.is_file():
            loader = ExtensionFileLoader("rjieba.rjieba", str(path))
            module = module_from_spec(spec_from_loader(loader.name, loader))
            loader.exec_module(module)
            return getattr(module, "Jieba", None) or _imported_rjieba_class()
    return _imported_rjieba_class()


def _imported_rjieba_class():
    import rjieba
    return rjieba.Jieba


@lru_cache(maxsize=1)
def _jieba():
    import jieba
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for word, freq, tag in user_words():
        tokenizer.add_word(word, freq, tag)
    return tokenizer


class Frequencies:
    """jieba's main dictionary as word → count (``get``, ``in``, ``[]``), held as its file's bytes.

    Read as bytes and left as written, the 349,000 entries load in about half the time of a dict
    of str → int (a tenth of a second of every build, before its first page, and of every
    worker that loads its own tools); a build looks up a few thousand distinct words per
    megabyte of text, each encoded and its count parsed when asked for."""

    __slots__ = ("_counts",)

    def __init__(self, counts: dict[bytes, bytes]):
        self._counts = counts

    def __contains__(self, word: str) -> bool:
        return word.encode("utf-8", "surrogatepass") in self._counts

    def get(self, word: str, default: int | None = None) -> int | None:
        count = self._counts.get(word.encode("utf-8", "surrogatepass"))
        return default if count is None else int(count)

    def __getitem__(self, word: str) -> int:
        return int(self._counts[word.encode("utf-8", "surrogatepass")])


@lru_cache(maxsize=1)
def _dictionary() -> tuple[Frequencies, tuple[str, ...]]:
    # found, not imported: importing jieba loads its HMM tables (a fifth of a second)
    return read_dictionary(Path(find_spec("jieba").origin).parent / "dict.txt")


def read_dictionary(path: Path) -> tuple[Frequencies, tuple[str, ...]]:
    """A jieba dictionary file (jieba's main one is read once, far cheaper than building a jieba
    tokenizer to look words up): word → frequency, and the words it tags as place names (ns), in
    file order."""
    data = path.read_bytes()
    # each line is "word count tag": one split of the whole file and slices of it take two
    # thirds of the time of a loop over its 350,000 lines
    fields = data.split()
    if len(fields) != 3 * (data.count(b"\n") + (not data.endswith(b"\n"))):
        raise KgError(f"{path}: jieba's dictionary is not lines of word, count and tag")
    words, tags = fields[0::3], fields[2::3]
    try:
        places = tuple(word.decode() for word, tag in zip(words, tags) if tag == b"ns")
    except UnicodeDecodeError:
        raise KgError(f"{path}: jieba's dictionary is not UTF-8 text") from None
    return Frequencies(dict(zip(words, fields[1::3]))), places


def frequencies() -> Frequencies:
    """Word → frequency in jieba's main dictionary."""
    return _dictionary()[0]


def place_words() -> tuple[str, ...]:
    """The words jieba's main dictionary tags as place names (ns), in its order."""
    return _dictionary()[1]


def cut(text: str, engine: str = "auto") -> list[str]:
    """Tokens of ``text`` (HMM on). ``engine``: "auto" (rjieba if installed), "rjieba" or "jieba"."""
    fast = _rjieba() if engine in ("auto", "rjieba") else None
    if fast is not None:
        return fast.cut(text, True)
    return _jieba().lcut(text, HMM=True)


CHUNK = 1 << 16  # characters tagged at a time; jieba never joins words across a line break


def tag(text: str) -> list[Token]:
    """Tokens with offsets and tags. rjieba's tagger; without rjieba, jieba tokens tagged "n".

    A long text is tagged a block of whole lines at a time, so the tagger's own (word, tag) pairs,
    which take more memory than the tokens, never exist for the whole text at once; the tokens are
    the same, since jieba cuts every line on its own."""
    tokens: list[Token] = []
    for start, block in _blocks(text):
        tokens += _with_offsets(_pairs(block), start)
    return tokens


def _pairs(text: str) -> list[tuple[str, str]]:
    fast = _rjieba()
    return fast.tag(text, True) if fast is not None else [(w, "n") for w in cut(text, "jieba")]


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, block) of about CHUNK characters, each ending after a line break (or the text)."""
    start = 0
    while start < len(text):
        cut_at = text.find("\n", start + CHUNK)
        end = len(text) if cut_at < 0 else cut_at + 1
        yield start, text[start:end]
        start = end


def _with_offsets(pairs, offset: int = 0) -> list[Token]:
    """Tokens with their offsets, built in C (map, accumulate): a long article has millions."""
    if not pairs:
        return []
    words, tags = zip(*pairs)
    # a long article repeats a few thousand words millions of times: share one string per word
    words, tags = tuple(map(sys.intern, words)), tuple(map(sys.intern, tags))
    ends = list(accumulate(map(len, words), initial=offset))
    return list(map(partial(tuple.__new__, Token), zip(ends, ends[1:], words, tags)))
