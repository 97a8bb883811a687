"""A statistical tagger of person, place and organisation names: a character CRF (crfsuite).

Each character gets BIO tags for PER, LOC and ORG from features of a five-character window
(characters, character bigrams and the trigram around it), the rjieba word it sits in (its position
B/M/E/S and its length; no part-of-speech tag) and whether it can start a surname. The model ships in the
package (kg/data/ner.crfsuite), is loaded once per process on first use and never downloaded;
``kg train-ner`` (``train``) retrains it from JSON Lines of ``{"text": ..., "spans": [[start, end,
"PER|LOC|ORG"], ...]}`` (half-open code-point offsets). docs/ner.md is the model card.

The tagger only proposes: kg/recognise/persons.py gates its person names with the rules, and the
rule recognisers own everything else.
"""
from __future__ import annotations

import bisect
import json
import os
import re
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress, count, repeat
from operator import itemgetter
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from kg import segment
from kg.errors import InputError, KgError

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

_LOCAL = threading.local()


def _tagger(path: str):
    """The crfsuite tagger of a model file, opened once per thread: a tagger keeps the sequence it
    tagged last (its marginals read it), so threads (Dask runs several per worker) must not share
    one. A model file rewritten since (``kg train-ner``) is opened again."""
    import pycrfsuite
    try:
        key = (path, os.stat(path).st_mtime_ns)
    except OSError as error:
        raise KgError(f"{path}: no tagger model ({error.strerror})") from None
    taggers = _LOCAL.__dict__.setdefault("taggers", {})
    if key not in taggers:
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(path)
        except (OSError, ValueError) as error:
            raise KgError(f"{path}: not a tagger model ({error})") from None
        for stale in [k for k in taggers if k[0] == path]:
            del taggers[stale]
        taggers[key] = tagger
    return taggers[key]


def unload() -> None:
    """Close this thread's taggers (a model is opened again when next needed)."""
    _LOCAL.__dict__.pop("taggers", None)


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


def tag_scored(text: str, tokens: Sequence[segment.Token] | None = None,
               model: Path | None = None, kinds: Iterable[str] = ("PER",)
               ) -> list[tuple[int, int, str, float]]:
    """(start, end, type, confidence) of each span; the confidence of a span of a type in
    ``kinds`` is the lowest marginal probability of its tags (0.35 for a guess, 1.0 for a sure
    name), of other spans 1.0 (computing marginals costs time)."""
    if tokens is None:
        tokens = segment.tag(text)
    tagger = _tagger(str(model or MODEL))
    kinds = frozenset(kinds)
    out = []
    for start, end, words in _with_words(pieces(text), tokens):
        labels = tagger.tag(features(text[start:end], words, start))
        if labels.count("O") == len(labels):
            continue
        for s, e, kind in spans_of(labels):
            p = min(map(tagger.marginal, labels[s:e], range(s, e))) if kind in kinds else 1.0
            out.append((s + start, e + start, kind, p))
    return out


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
    except OSError as error:
        raise KgError(f"{out}: cannot write the model ({error.strerror or error})") from None
    finally:
        partial.unlink(missing_ok=True)  # interrupted or failed: no half-written model left
    return TrainingReport(sentences, characters, count, time.perf_counter() - began, out.stat().st_size)
