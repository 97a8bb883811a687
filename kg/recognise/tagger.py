"""A statistical tagger of person, place and organisation names: a character CRF (crfsuite).

Each character gets BIO tags for PER, LOC and ORG from features of a five-character window
(characters, character bigrams and the trigram around it), the rjieba word it sits in (its position
B/M/E/S and its length; no part-of-speech tag) and whether it can start a surname. The model ships in the
package (kg/data/ner.crfsuite), is loaded once per process on first use and never downloaded;
``kg train-ner`` (``train``) retrains it with crfsuite from JSON Lines of ``{"text": ...,
"spans": [[start, end, "PER|LOC|ORG"], ...]}`` (half-open code-point offsets). docs/ner.md is the
model card. Tagging does not call crfsuite: ``decode`` reads the model file's weights into arrays
and finds crfsuite's labels and marginals for all sentences of an article at once (see "decoding").

The tagger only proposes: kg/recognise/persons.py gates its person names with the rules, and the
rule recognisers own everything else.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import os
import re
import struct
import time
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress, count, groupby, repeat
from operator import itemgetter
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from kg import segment
from kg.errors import InputError, KgError
from kg.io import atomic_open

MODEL = Path(__file__).resolve().parent.parent / "data" / "ner.crfsuite"
TYPES = ("PER", "LOC", "ORG")
Span = tuple[int, int, str]

# Sentences end here: the tagger reads one sentence at a time, as it was trained.
SENTENCE_END = re.compile(r"[。！？!?\n]+")
ITERATIONS = 100  # L-BFGS iterations of the shipped model (docs/ner.md)
MIN_FREQ = 2  # features seen fewer times are dropped
MAX_PIECE = 400  # a "sentence" longer than this (a list, a table row) is cut at a comma or anywhere
# Digits and Latin letters fold to one shape each, so that 1998 and 2024, IBM and HSBC share features.
SHAPES = str.maketrans({**{c: "0" for c in "0123456789０１２３４５６７８９"},
                        **{c: "a" for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"},
                        **{chr(0xFF21 + i): "a" for i in range(26)},
                        **{chr(0xFF41 + i): "a" for i in range(26)},
                        " ": "_", "\t": "_", "\u3000": "_"})


@dataclass(frozen=True)
class TrainingReport:
    sentences: int
    characters: int
    spans: int
    seconds: float
    size: int  # bytes of the model file


# ---------------------------------------------------------------------------------------- features

class _Characters(dict):
    """Shaped character → its UTF-8 bytes and its five window features (a= … e=), made on first
    sight: crfsuite reads attribute names as UTF-8 bytes and takes bytes as they are, so a name
    built in bytes saves it an encoding per attribute, and the unigram features of a character
    are the same strings wherever it stands."""

    def __missing__(self, char: str) -> tuple[bytes, ...]:
        code = char.encode()
        self[char] = entry = (code, *(key + code for key in (b"a=", b"b=", b"c=", b"d=", b"e=")))
        return entry


_CHARACTERS = _Characters()
_UTF8, *_WINDOW = map(itemgetter, range(6))  # of a _Characters entry
_BIGRAM_KEYS = (b"ab=", b"bc=", b"cd=", b"de=")


class _WordMarks(dict):
    """Word length → the marks of its characters: W=S1 for one character, else W=B, W=M…, W=E with
    the length (up to 5) appended."""

    def __missing__(self, length: int) -> tuple[bytes, ...]:
        size = b"%d" % min(length, 5)
        self[length] = marks = (b"W=S1",) if length == 1 else \
            (b"W=B" + size, *(b"W=M" + size,) * (length - 2), b"W=E" + size)
        return marks


_WORD_MARKS = _WordMarks()


@lru_cache(maxsize=1)
def _surname_starts() -> tuple[dict[bytes, bytes], frozenset[bytes]]:
    """The surname feature's lookups in UTF-8: one-character surnames → s=1, two-character ones."""
    from kg.recognise import lexicon
    names = lexicon.surnames()
    return ({n.encode(): b"s=1" for n in names if len(n) == 1},
            frozenset(n.encode() for n in names if len(n) == 2))


def _surname_marks(chars: list[bytes], bigrams: list[bytes]) -> list[bytes]:
    """s=2 where a compound surname starts, else s=1 where a single one does, else s=0."""
    single, double = _surname_starts()
    marks = list(map(single.get, chars, repeat(b"s=0")))
    for i in compress(count(), map(double.__contains__, bigrams)):
        marks[i] = b"s=2"
    return marks


def _word_marks(n: int, offset: int, tokens: Sequence[segment.Token]) -> list[bytes]:
    """Per character of a piece of ``n`` characters at ``offset``: its position in its jieba word
    (B/M/E/S) and the word's length (up to 5). ``tokens`` cover the piece without gaps, as
    ``segment.tag`` cuts, so the marks of the words laid end to end line up with the characters.
    No part-of-speech tag: jieba's are noisy for names, and the model follows them into its errors
    (a tag-aware model scored 0.7 lower on MSRA)."""
    if not tokens:
        return [b"W=S1"] * n
    lengths = map(len, map(itemgetter(2), tokens))
    marks = list(chain.from_iterable(map(_WORD_MARKS.__getitem__, lengths)))
    skip = offset - tokens[0][0]
    return marks[skip:skip + n]


def features(text: str, tokens: Sequence[segment.Token], offset: int = 0) -> list[tuple[bytes, ...]]:
    """Feature names (UTF-8) of each character of ``text``; ``tokens`` are the jieba words covering
    it (offsets relative to ``offset``). Built column by column in C (map, zip): it is the hot loop."""
    n = len(text)
    entries = list(map(_CHARACTERS.__getitem__, ["^", "^", *text.translate(SHAPES), "$", "$"]))
    p = list(map(_UTF8, entries))
    pairs = list(map(bytes.__add__, p[:n + 3], p[1:n + 4]))  # pairs[i + k]: the bigram at i - 2 + k
    columns = [
        *(map(window, entries[k:n + k]) for k, window in enumerate(_WINDOW)),
        *(map(key.__add__, pairs[k:n + k]) for k, key in enumerate(_BIGRAM_KEYS)),
        map(b"bcd=".__add__, map(bytes.__add__, pairs[1:n + 1], p[3:n + 3])),
        _surname_marks(p[2:n + 2], pairs[2:n + 2]),
        _word_marks(n, offset, tokens),
    ]
    return list(zip(*columns))  # crfsuite takes tuples as readily as lists, and they are cheaper


def bio(n: int, spans: Iterable[Span]) -> list[str]:
    tags = ["O"] * n
    for start, end, kind in spans:
        tags[start] = "B-" + kind
        for i in range(start + 1, end):
            tags[i] = "I-" + kind
    return tags


def spans_of(tags: Sequence[str], offset: int = 0) -> list[Span]:
    """Spans of a BIO sequence; an I- without its B- starts a span (crfsuite rarely emits one).
    Only the tagged positions are visited (found in C): most of a sentence is O."""
    spans, start, kind, last = [], None, None, -2
    for i in compress(count(), map("O".__ne__, tags)):
        tag = tags[i]
        if start is not None and (i != last + 1 or not (tag[0] == "I" and tag[2:] == kind)):
            spans.append((start + offset, last + 1 + offset, kind))
            start = None
        if start is None:
            start, kind = i, tag[2:]
        last = i
    if start is not None:
        spans.append((start + offset, last + 1 + offset, kind))
    return spans


# ----------------------------------------------------------------------------------------- tagging

def unload() -> None:
    """Forget the models' weights (read again when next needed)."""
    _weights.cache_clear()


def available(model: Path | None = None) -> bool:
    return (model or MODEL).is_file()


def pieces(text: str) -> Iterator[tuple[int, int]]:
    """[start, end) of each sentence of ``text`` (its end mark included), long ones cut shorter."""
    start = 0
    for match in SENTENCE_END.finditer(text):
        yield from _short(text, start, match.end())
        start = match.end()
    if start < len(text):
        yield from _short(text, start, len(text))


def _short(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_PIECE:
        cut = max(text.rfind(c, start + MAX_PIECE // 2, start + MAX_PIECE) for c in "，；、,;")
        cut = cut + 1 if cut > 0 else start + MAX_PIECE
        yield start, cut
        start = cut
    if text[start:end].strip():
        yield start, end


def tag(text: str, tokens: Sequence[segment.Token] | None = None,
        model: Path | None = None) -> list[Span]:
    """PER/LOC/ORG spans of ``text`` as the model reads it; ``tokens``: its jieba words if known."""
    return [span[:3] for span in tag_scored(text, tokens, model, kinds=())]


Scored = tuple[int, int, str, float]


def tag_scored(text: str, tokens: Sequence[segment.Token] | None = None,
               model: Path | None = None, kinds: Iterable[str] = ("PER",)) -> list[Scored]:
    """(start, end, type, confidence) of each span; the confidence of a span of a type in
    ``kinds`` is the lowest marginal probability of its tags (0.35 for a guess, 1.0 for a sure
    name), of other spans 1.0 (marginals cost time)."""
    return tag_many([(text, segment.tag(text) if tokens is None else tokens)], model, kinds)[0]


def tag_many(texts: Sequence[tuple[str, Sequence[segment.Token]]], model: Path | None = None,
             kinds: Iterable[str] = ("PER",)) -> list[list[Scored]]:
    """``tag_scored`` of each (text, its jieba words): many short texts cost about what one
    text of their length does, as their sentences are decoded together."""
    kinds = frozenset(kinds)
    out: list[list[Scored]] = [[] for _ in texts]
    for number, (start, _), labels, sure in decode(texts, _weights_of(str(model or MODEL)), kinds):
        out[number].extend((s + start, e + start, kind, min(sure[s:e]) if kind in kinds else 1.0)
                           for s, e, kind in spans_of(labels))
    return out


# ---------------------------------------------------------------------------------------- decoding
# crfsuite tags one sentence per call and spends most of it turning our feature strings into its
# attribute ids. The weights are few (a score per feature and label), so they are read from the
# model file once into arrays: the features of every sentence of an article become array lookups
# by the characters' code points, and the Viterbi search runs over all its sentences at once.
# The sums are crfsuite's, in its order, so the labels are crfsuite's (a test compares them).

_BLOCK = 1 << 16  # characters decoded together: bounds the arrays of a huge article
_UNIGRAMS, _BIGRAMS, _TRIGRAMS = ("a", "b", "c", "d", "e"), ("ab", "bc", "cd", "de"), ("bcd",)
_MARKS = "SBME"  # a word mark's position letter (W=S1, W=B3 …), numbered with the length 1–5


@dataclass(frozen=True, eq=False)
class Weights:
    """A crfsuite model's weights as arrays. Characters are numbered (``number``: code point →
    number, 0 for a character no feature mentions) and an n-gram is keyed by its numbers as
    digits in ``base``; ``keys[n]`` are the sorted keys of the n-grams the model knows, and each
    window feature has a table of scores by the position of its n-gram in those keys, plus one
    (row 0: unknown, all zero)."""
    labels: tuple[str, ...]
    transitions: "np.ndarray"  # [from label, to label]
    number: "np.ndarray"
    base: int
    keys: tuple["np.ndarray", "np.ndarray", "np.ndarray"]
    windows: tuple["np.ndarray", ...]  # a, b, c, d, e, ab, bc, cd, de, bcd
    single: "np.ndarray"  # by unigram row: can start a surname
    double: "np.ndarray"  # by bigram row: is a compound surname
    surname: "np.ndarray"  # scores of s=0, s=1, s=2
    words: "np.ndarray"  # scores of a word mark, by position letter × 6 + length

    @property
    def outside(self) -> int:
        return self.labels.index("O")


@lru_cache(maxsize=4)
def _weights(path: str, stamp: int) -> Weights:
    """The weights of the model file at ``path`` as it was at ``stamp`` (its mtime: the key that
    makes a retrained model read again): from its arrays file when that matches it, else read
    from the model."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise KgError(f"{path}: no tagger model ({error.strerror})") from None
    fingerprint = _fingerprint(data)
    return _saved_weights(path, fingerprint) or _read_weights(path, data)


# The weights as arrays are kept beside the model (ner.crfsuite → ner.crfsuite.npz): loading
# them takes a tenth of the time of reading them out of the model file, which every build paid
# (0.2 s) before its first page. They are used only while their fingerprint — the model's bytes
# and the surname lexicon, everything they are made from — matches, so a retrained model or an
# edited lexicon is never decoded with stale arrays; ``kg train-ner`` writes them anew.
_ARRAYS = ".npz"


def _fingerprint(data: bytes) -> str:
    """What the arrays of the model whose bytes are ``data`` are made from: those bytes and the
    surnames of the lexicon."""
    singles, doubles = _surname_starts()
    digest = hashlib.blake2b(data, digest_size=16)
    for name in sorted(singles) + sorted(doubles):
        digest.update(name + b"\n")
    return digest.hexdigest()


def save_weights(path: Path) -> Path:
    """Write the arrays file of the model at ``path`` (atomically); returns its path."""
    import numpy as np
    data = Path(path).read_bytes()
    w = _read_weights(str(path), data)
    out = Path(str(path) + _ARRAYS)
    arrays = {"fingerprint": _fingerprint(data), "labels": w.labels, "transitions": w.transitions,
              "number": w.number, "base": w.base, "single": w.single, "double": w.double,
              "surname": w.surname, "words": w.words,
              **{f"keys{i}": keys for i, keys in enumerate(w.keys)},
              **{f"windows{i}": table for i, table in enumerate(w.windows)}}
    try:  # np.savez_compressed's format, with fixed dates: the same model gives the same bytes
        with atomic_open(out, "wb") as handle, zipfile.ZipFile(handle, "w") as archive:
            for name, value in arrays.items():
                member = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
                member.compress_type = zipfile.ZIP_DEFLATED
                with archive.open(member, "w", force_zip64=True) as stream:
                    np.lib.format.write_array(stream, np.asarray(value), allow_pickle=False)
    except OSError as error:
        raise KgError(f"{out}: cannot write the tagger's arrays ({error.strerror or error})") from None
    return out


def _saved_weights(path: str, fingerprint: str) -> Weights | None:
    """The weights in the arrays file of the model at ``path``; None when there is none, it
    cannot be read or it was made from another model or lexicon."""
    import numpy as np
    try:
        with np.load(path + _ARRAYS, allow_pickle=False) as saved:
            if str(saved["fingerprint"]) != fingerprint:
                return None
            a = dict(saved)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return None
    windows = len(_UNIGRAMS) + len(_BIGRAMS) + len(_TRIGRAMS)
    return Weights(labels=tuple(a["labels"].tolist()), transitions=a["transitions"],
                   number=a["number"], base=int(a["base"]),
                   keys=tuple(a[f"keys{i}"] for i in range(3)),
                   windows=tuple(a[f"windows{i}"] for i in range(windows)),
                   single=a["single"], double=a["double"], surname=a["surname"], words=a["words"])


def _read_weights(path: str, data: bytes) -> Weights:
    """The weights of a crfsuite model file's bytes ``data`` (read from ``path``)."""
    import numpy as np
    try:
        labels, attributes, state, transitions = _read_crfsuite(data)
    except (ValueError, IndexError, UnicodeDecodeError, struct.error) as error:
        raise KgError(f"{path}: not a tagger model ({error})") from None
    size = len(labels)
    scores = np.zeros((len(attributes), size))
    scores[state["src"], state["dst"]] = state["weight"]  # one feature per (attribute, label)
    groups: dict[str, tuple[list[str], list[int]]] = {}  # feature key (a, ab, s, W …) → values, ids
    for aid, attribute in enumerate(attributes):
        key, _, value = attribute.partition("=")
        values, ids = groups.setdefault(key, ([], []))
        values.append(value)
        ids.append(aid)

    singles, doubles = (sorted(s.decode() for s in group) for group in _surname_starts())
    windows = [groups.get(key, ([], [])) for key in (*_UNIGRAMS, *_BIGRAMS, *_TRIGRAMS)]
    characters = sorted(set("".join(v for values, _ in windows for v in values)
                            + "".join(singles) + "".join(doubles)))
    base = len(characters) + 1
    number = np.zeros(max(map(ord, characters), default=0) + 2, np.int64)  # the last one stays 0
    number[[ord(c) for c in characters]] = np.arange(1, base)

    def keys_of(values: list[str], n: int) -> "np.ndarray":
        """The keys of n-character values: their characters' numbers as digits in ``base``."""
        joined = "".join(values)
        if len(joined) != n * len(values):
            raise KgError(f"{path}: not a tagger model (a feature of {n} characters has another length)")
        digits = number[np.frombuffer(joined.encode("utf-32-le"), np.uint32).astype(np.int64)]
        keys = np.zeros(len(values), np.int64)
        for column in digits.reshape(-1, n).T:
            keys = keys * base + column
        return keys

    def tables(names: Sequence[str], n: int, extra: list[str]):
        """The sorted keys of the n-grams of the window features ``names`` (and ``extra``) and
        each feature's table of scores by key position + 1 (row 0: unknown)."""
        found = [(keys_of(values, n), ids)
                 for values, ids in (groups.get(name, ([], [])) for name in names)]
        keys = np.unique(np.concatenate([keys_of(extra, n), *(k for k, _ in found)]))
        out = []
        for name_keys, ids in found:
            table = np.zeros((len(keys) + 1, size))
            table[np.searchsorted(keys, name_keys) + 1] = scores[ids]
            out.append(table)
        return keys, out, np.searchsorted(keys, keys_of(extra, n)) + 1

    keys1, uni, surname1 = tables(_UNIGRAMS, 1, singles)
    keys2, bi, surname2 = tables(_BIGRAMS, 2, doubles)
    keys3, tri, _ = tables(_TRIGRAMS, 3, [])
    single = np.zeros(len(keys1) + 1, bool)
    single[surname1] = True
    double = np.zeros(len(keys2) + 1, bool)
    double[surname2] = True

    def rows(key: str, values: Iterable[str]) -> "np.ndarray":
        known = dict(zip(*groups.get(key, ([], []))))
        return np.array([scores[known[v]] if v in known else np.zeros(size) for v in values])

    marks = [f"{letter}{length}" for letter in _MARKS for length in range(6)]
    trans = np.zeros((size, size))
    trans[transitions["src"], transitions["dst"]] = transitions["weight"]
    return Weights(tuple(labels), trans, number, base, (keys1, keys2, keys3), (*uni, *bi, *tri),
                   single, double, rows("s", "012"), rows("W", marks))


def _weights_of(path: str) -> Weights:
    """The weights of a model file, read once per process (again if the file was rewritten)."""
    try:
        stamp = os.stat(path).st_mtime_ns
    except OSError as error:
        raise KgError(f"{path}: no tagger model ({error.strerror})") from None
    return _weights(path, stamp)


_FEATURE = [("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")]


def _read_crfsuite(data: bytes):
    """Labels, attributes, state and transition features of a crfsuite (CRF1d) model file: a
    header of offsets, a feature array (type 0: attribute → label, type 1: label → label) and
    two string tables (CQDB) whose backward arrays give each id's string."""
    import numpy as np
    if data[:4] != b"lCRF" or data[8:12] != b"FOMC":
        raise ValueError("no crfsuite CRF1d header")
    features_at, labels_at, attributes_at = struct.unpack_from("<3I", data, 28)
    count, = struct.unpack_from("<I", data, features_at + 8)
    features = np.frombuffer(data, np.dtype(_FEATURE), count, features_at + 12)
    return (_cqdb_strings(data, labels_at), _cqdb_strings(data, attributes_at),
            features[features["type"] == 0], features[features["type"] == 1])


def _cqdb_strings(data: bytes, at: int) -> list[str]:
    """The strings of a CQDB table by id: each record is (id, size, bytes ending in NUL)."""
    import numpy as np
    if data[at:at + 4] != b"CQDB":
        raise ValueError("no string table")
    count, backward = struct.unpack_from("<2I", data, at + 16)
    records = np.frombuffer(data, "<u4", count, at + backward).astype(np.int64) + at
    if not count:
        return []
    # records lie end to end: drop each one's 8-byte head, and the rest is the strings, each
    # ending in NUL, read in one decode (83,000 small ones cost a quarter of a second)
    order = np.argsort(records)
    first, last = int(records[order[0]]), int(records[order[-1]])
    end = last + 8 + struct.unpack_from("<I", data, last + 4)[0]
    keep = np.ones(end - first, bool)
    keep[(records[order, None] - first + np.arange(8)).ravel()] = False
    text = np.frombuffer(data, np.uint8, end - first, first)[keep].tobytes().decode()
    strings = text.split("\0")[:-1]
    if len(strings) != count:
        raise ValueError("a string table whose records do not lie end to end")
    out = [""] * count
    for rank, string in zip(order.tolist(), strings):
        out[rank] = string
    return out


def decode(texts: Sequence[tuple[str, Sequence[segment.Token]]], weights: Weights,
           kinds: Iterable[str] = ()
           ) -> Iterator[tuple[int, tuple[int, int], list[str], list[float] | None]]:
    """(text number, (start, end), labels, marginals) of each sentence (as ``pieces`` cuts) of
    the texts that has a label other than O; each text comes with the jieba words covering it
    without gaps. ``marginals``: the probability of each character's label, for a sentence
    labelled with a type in ``kinds`` (else None)."""
    kinds = frozenset(kinds)
    wanted = [i for i, name in enumerate(weights.labels) if name[2:] in kinds]
    block, size = [], 0
    for number, (text, _) in enumerate(texts):
        for start, end in pieces(text):
            block.append((number, start, end))
            size += end - start
            if size >= _BLOCK:
                yield from _decode_block(texts, block, weights, wanted)
                block, size = [], 0
    if block:
        yield from _decode_block(texts, block, weights, wanted)


def _decode_block(texts, block, weights: Weights, wanted: list[int]):
    import numpy as np
    scores = _state_scores(texts, block, weights)
    lengths = np.array([end - start for _, start, end in block])
    labels = _viterbi(scores, lengths, weights.transitions)
    firsts = np.cumsum(lengths) - lengths
    marked = np.logical_or.reduceat(labels != weights.outside, firsts)
    sure = np.logical_or.reduceat(np.isin(labels, wanted), firsts)
    marginals = iter(())
    if sure.any():  # the probability of each chosen label, for the sentences that want it
        chosen = np.repeat(sure, lengths)
        picked = lengths[sure]
        probability = _marginals(scores[chosen], picked, weights.transitions)
        marginals = iter(np.split(probability[np.arange(len(probability)), labels[chosen]],
                                  np.cumsum(picked)[:-1]))
    names = weights.labels
    for (number, start, end), first, any_label, any_wanted in zip(
            block, firsts.tolist(), marked.tolist(), sure.tolist()):
        if any_label:
            yield (number, (start, end), [names[i] for i in labels[first:first + end - start].tolist()],
                   next(marginals).tolist() if any_wanted else None)


def _state_scores(texts, block, weights: Weights):
    """Per character of the block's sentences laid end to end, its score for each label: the sum
    of its window features' weights in crfsuite's order (a … e, ab … de, bcd, s, W)."""
    import numpy as np
    runs = [(number, list(group)) for number, group in groupby(block, itemgetter(0))]
    padded = "".join(["^^" + texts[number][0][start:end].translate(SHAPES) + "$$"
                      for number, start, end in block])
    points = np.frombuffer(padded.encode("utf-32-le"), np.uint32)
    number = weights.number[np.minimum(points, len(weights.number) - 1)]
    base = weights.base
    pairs = number[:-1] * base + number[1:]
    triples = pairs[:-1] * base + number[2:]
    one, two, three = (_rows(keys, values) for keys, values in zip(weights.keys, (number, pairs, triples)))

    lengths = np.array([end - start for _, start, end in block])
    which = np.repeat(np.arange(len(block)), lengths)
    centre = np.arange(len(which)) + 2 + 4 * which  # each sentence is padded with ^^ … $$
    a, b, c, d, e, ab, bc, cd, de, bcd = weights.windows
    scores = a[one[centre - 2]]
    scores += b[one[centre - 1]]
    scores += c[one[centre]]
    scores += d[one[centre + 1]]
    scores += e[one[centre + 2]]
    scores += ab[two[centre - 2]]
    scores += bc[two[centre - 1]]
    scores += cd[two[centre]]
    scores += de[two[centre + 1]]
    scores += bcd[three[centre - 1]]
    surname = np.where(weights.double[two[centre]], 2, weights.single[one[centre]])
    scores += weights.surname[surname]
    scores += weights.words[np.concatenate([_word_marks_at(texts[number][1], run) for number, run in runs])]
    return scores


def _rows(keys, values):
    """The row of each value in its table: 1 + its position among ``keys``, 0 if not there."""
    import numpy as np
    at = np.searchsorted(keys, values)
    at[at == len(keys)] = 0
    return np.where(keys[at] == values, at + 1, 0)


def _word_marks_at(tokens, run):
    """The word-mark row (position letter × 6 + length up to 5) of each character of a run of
    sentences (text number, start, end) of one text, laid end to end."""
    import numpy as np
    first = max(bisect.bisect_right(tokens, (run[0][1], 1 << 62)) - 1, 0)
    words = tokens[first:bisect.bisect_left(tokens, (run[-1][2],), first)]
    sizes = np.fromiter(map(len, map(itemgetter(2), words)), np.intp, len(words))
    size = np.repeat(sizes, sizes)
    inside = np.arange(len(size)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    letter = np.where(size == 1, 0, np.where(inside == 0, 1, np.where(inside == size - 1, 3, 2)))
    marks = letter * 6 + np.minimum(size, 5)
    return np.concatenate([marks[start - words[0][0]:end - words[0][0]] for _, start, end in run])


def _by_length(scores, lengths):
    """The spans' character ``scores`` (laid end to end) on a grid [position, span, label], the
    spans longest first; how many spans are still going at each position; and the grid cells
    of the characters in their original order (to read a result back)."""
    import numpy as np
    count = len(lengths)
    order = np.argsort(-lengths, kind="stable")
    rank = np.empty(count, np.intp)
    rank[order] = np.arange(count)
    longest = int(lengths[order[0]])
    which = np.repeat(np.arange(count), lengths)
    position = np.arange(len(which)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    cells = (position, rank[which])
    grid = np.zeros((longest, count, scores.shape[1]))
    grid[cells] = scores
    alive = np.count_nonzero(lengths[order][None, :] > np.arange(longest)[:, None], axis=1).tolist()
    return grid, alive, cells


def _viterbi(scores, lengths, transitions):
    """The best label sequence of each span (its characters' ``scores`` laid end to end), all
    spans at once, longest first; ties go to the lower label, as in crfsuite."""
    import numpy as np
    count, size = len(lengths), transitions.shape[0]
    if not count:
        return np.zeros(0, np.intp)
    grid, alive, cells = _by_length(scores, lengths)
    longest = len(grid)
    best = grid[0].copy()
    back = np.zeros((longest, count, size), np.int8)
    steps = np.empty((count, size, size))
    for t in range(1, longest):
        k = alive[t]
        step = np.add(best[:k, :, None], transitions, out=steps[:k])  # [span, from, to]
        came = step.argmax(1)
        back[t, :k] = came
        # the maximum read at the argmax: one pass over the step, not a second one
        best[:k] = np.take_along_axis(step, came[:, None, :], 1)[:, 0] + grid[t, :k]
    path = np.zeros((longest, count), np.intp)
    label = best.argmax(1)
    rows = np.arange(count)
    for t in range(longest - 1, 0, -1):
        k = alive[t]
        path[t, :k] = label[:k]
        label[:k] = back[t, rows[:k], label[:k]]
    path[0] = label
    return path[cells]


def _marginals(scores, lengths, transitions):
    """P(label at a character | its span) for each character of the spans laid end to end and
    each label: forward-backward, all spans at once, longest first."""
    import numpy as np
    count, size = len(lengths), transitions.shape[0]
    grid, alive, cells = _by_length(scores, lengths)
    longest = len(grid)
    # in the exp domain, each step scaled to sum 1 (the scales cancel in the product): two array
    # operations per step where logarithms cost five; sums, not BLAS products, so that a number
    # never depends on which sentences were decoded with it
    grid = np.exp(grid - grid.max(2, keepdims=True))
    moves = np.exp(transitions)
    forward = np.zeros((longest, count, size))
    scale = np.ones((longest, count, 1))
    forward[0] = grid[0]
    for t in range(longest):
        k = alive[t]
        if t:
            forward[t, :k] = (forward[t - 1, :k, :, None] * moves).sum(1) * grid[t, :k]
        scale[t, :k] = forward[t, :k].sum(1, keepdims=True)
        forward[t, :k] /= scale[t, :k]
    backward = np.ones((longest, count, size))  # a span's last character keeps 1
    for t in range(longest - 2, -1, -1):
        k = alive[t + 1]
        backward[t, :k] = (moves * (grid[t + 1, :k] * backward[t + 1, :k])[:, None, :]).sum(2) \
            / scale[t + 1, :k]
    return forward[cells] * backward[cells]


def _with_words(spans, tokens: Sequence[segment.Token]):
    """(start, end, the tokens that overlap [start, end)) for each span, in order."""
    starts = [t[0] for t in tokens]
    for start, end in spans:
        k = max(bisect.bisect_right(starts, start) - 1, 0)
        yield start, end, tokens[k:bisect.bisect_left(starts, end, k)]


# ---------------------------------------------------------------------------------------- training

def read_examples(path: Path) -> list[tuple[str, list[Span]]]:
    """Records of a JSON Lines file, checked: one clear error for the first bad line."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file")
    examples = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text, spans = record["text"], record.get("spans", [])
            if not isinstance(text, str):
                raise ValueError("text is not a string")
            checked = []
            for start, end, kind in spans:
                if kind not in TYPES:
                    raise ValueError(f"type {kind!r} is not one of {'/'.join(TYPES)}")
                if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                    raise ValueError(f"span [{start}, {end}] is outside the text")
                checked.append((start, end, kind))
        except (ValueError, KeyError, TypeError) as error:
            reason = error.args[0] if isinstance(error, ValueError) and error.args else \
                f"missing {error}" if isinstance(error, KeyError) else str(error)
            raise InputError(path, f"line {number}: not a record "
                             f'{{"text": ..., "spans": [[start, end, "PER|LOC|ORG"], ...]}} ({reason})') from None
        checked.sort()
        if any(a[1] > b[0] for a, b in zip(checked, checked[1:])):
            raise InputError(path, f"line {number}: spans overlap")
        examples.append((text, checked))
    if not examples:
        raise InputError(path, "no records")
    return examples


def _sentences(text: str, spans: list[Span]) -> Iterator[tuple[int, int, list[Span]]]:
    """Training pieces cut like tagging pieces; a piece that would cut a span is merged on."""
    cuts = [end for _, end in pieces(text)]
    inside = set()
    for start, end, _ in spans:
        inside.update(range(start + 1, end))
    begin = 0
    for end in cuts + [len(text)]:
        if end in inside or end <= begin or not text[begin:end].strip():
            continue
        yield begin, end, [(s - begin, e - begin, k) for s, e, k in spans if begin <= s and e <= end]
        begin = end


def train(paths: Sequence[Path], out: Path, *, iterations: int = ITERATIONS, min_freq: int = MIN_FREQ,
          c1: float = 0.1, c2: float = 0.05, progress=None) -> TrainingReport:
    """Train a model on the JSON Lines files ``paths`` and write it to ``out``. Deterministic:
    L-BFGS from zero weights, records in file order."""
    import pycrfsuite
    began = time.perf_counter()
    examples = [e for path in paths for e in read_examples(path)]

    class Trainer(pycrfsuite.Trainer):
        def message(self, message):  # crfsuite's log, parsed; one progress line per 10 iterations
            if self.logparser.feed(message) == "iteration" and progress:
                info = self.logparser.last_iteration
                if info.get("num", 0) % 10 == 0:
                    progress(f"iteration {info['num']}: loss {info.get('loss', 0):.0f}, "
                             f"{time.perf_counter() - began:.0f} s")

    trainer = Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.minfreq": min_freq, "feature.possible_transitions": True})
    sentences = characters = count = 0
    for text, spans in examples:
        tokens = segment.tag(text)
        for start, end, local in _sentences(text, spans):
            piece = text[start:end]
            words = next(_with_words([(start, end)], tokens))[2]
            trainer.append(features(piece, words, start), bio(len(piece), local))
            sentences += 1
            characters += len(piece)
            count += len(local)
    if progress:
        progress(f"{sentences} sentences, {characters} characters, {count} names; training")
    out = Path(out)
    partial = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        trainer.train(str(partial))
        partial.replace(out)
        save_weights(out)
    except OSError as error:
        raise KgError(f"{out}: cannot write the model ({error.strerror or error})") from None
    finally:
        partial.unlink(missing_ok=True)  # interrupted or failed: no half-written model left
    return TrainingReport(sentences, characters, count, time.perf_counter() - began, out.stat().st_size)
