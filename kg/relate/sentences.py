"""Sentence and clause spans of an article's text: the unit of evidence and of pattern scope.

A sentence ends after 。！？ (or their ASCII forms) together with any closing quotes or brackets that
follow (`…温暖！”` keeps its quote), and at every line break (headlines and paragraphs are
lines). A quote that closes mid-sentence (`“……！”他说。`) runs on to the speaker.
Spans are half-open ``[start, end)`` into ``Article.text`` and never include the white space around
them, so the builder's source slice is exactly the quoted sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_right

END = frozenset("。！？!?")
CLOSERS = frozenset("”’」』）)》】\"'")
CLAUSE_BREAKS = frozenset("，,；;：:。！？!?\n")
STOP = re.compile("[\n" + "".join(END) + "]")
# A news dateline's 讯 or 电 followed by a space (`今日云州讯 市委…`, `新华社北京1月1日电 …`) ends
# a clause: what follows is the report's first clause, not a continuation of the dateline.
DATELINE_BREAK = "(?<=[讯电]) "
# A quote is skipped whole (up to its ” or the line break, which is a break again); else a break.
QUOTE_OR_BREAK = re.compile("“[^”\n]*|([" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]|"
                            + DATELINE_BREAK + ")")


def sentences(text: str) -> list[tuple[int, int]]:
    """Every sentence of ``text`` as ``(start, end)``, in order, without surrounding white space."""
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    stop = STOP.search(text)  # only line breaks and end marks can end a sentence: jump between them
    while stop:
        i = stop.start()
        if text[i] == "\n":
            _add(text, spans, start, i)
            start = i + 1
            stop = STOP.search(text, i + 1)
            continue
        j = i + 1
        while j < n and (text[j] in END or text[j] in CLOSERS):
            j += 1
        if not (text[j - 1] == "”" and j < n and text[j] not in "\n“"):
            _add(text, spans, start, j)
            start = j
        # else `“……！”他说。`: the speaker's words close the sentence, not the quote
        stop = STOP.search(text, j)
    _add(text, spans, start, n)
    return spans


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


class Sentences:
    """The sentences of one text, with lookup by position, and the clauses inside them.

    A clause runs between ，；：。 — except inside “…” quotes, where a comma belongs to a name
    (`“同心同向，枫桥正红”品牌` is one clause).
    """

    def __init__(self, text: str):
        self.text = text
        self.spans = sentences(text)
        self._starts = [s for s, _ in self.spans]
        self._breaks = _clause_breaks(text)

    def at(self, pos: int) -> tuple[int, int] | None:
        """The sentence holding character ``pos``, or ``None`` (white space between sentences)."""
        k = bisect_right(self._starts, pos) - 1
        if k >= 0 and self.spans[k][0] <= pos < self.spans[k][1]:
            return self.spans[k]
        return None

    def before(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The sentence before ``span`` (one of this text's sentences), or ``None``."""
        k = bisect_right(self._starts, span[0]) - 1
        return self.spans[k - 1] if k > 0 else None

    def clause_start(self, pos: int) -> int:
        """Where the clause holding ``pos`` begins: after the previous break in its sentence."""
        span = self.at(pos)
        floor = span[0] if span else 0
        k = bisect_right(self._breaks, pos - 1) - 1
        return max(self._breaks[k] + 1, floor) if k >= 0 else floor

    def clause_end(self, pos: int) -> int:
        """Where the clause holding ``pos`` ends (exclusive): the next break or the sentence end."""
        span = self.at(pos)
        ceiling = span[1] if span else len(self.text)
        k = bisect_right(self._breaks, pos - 1)
        return min(self._breaks[k], ceiling) if k < len(self._breaks) else ceiling


def _clause_breaks(text: str) -> list[int]:
    """Offsets of the clause breaks outside “…” quotes (a quote runs to its ” or the line's end)."""
    return [m.start(1) for m in QUOTE_OR_BREAK.finditer(text) if m.lastindex]
