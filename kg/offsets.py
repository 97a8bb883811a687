"""Map positions in normalised text back to code-point offsets in the source text.

Normalising joins wrapped lines, folds white space and widens punctuation, so normalised index
``i`` and source offset drift apart. Most characters keep their neighbour's drift, so the map stores
only the points where the drift changes ("runs") and looks them up by bisection: a 100 MB page
needs a few hundred thousand runs, not one integer per character.
"""
from __future__ import annotations

from array import array
from bisect import bisect_right


class OffsetMap:
    """``to_source(i)`` gives the source offset of normalised character ``i``.

    Built from runs: normalised index ``norm[k]`` maps to ``src[k]``, and every index up to the
    next run start maps one-to-one from there.
    """

    __slots__ = ("_norm", "_src", "length")

    def __init__(self, norm_starts, src_starts, length: int):
        self._norm = array("q", norm_starts)
        self._src = array("q", src_starts)
        self.length = length  # len() of the normalised text this maps

    @classmethod
    def from_positions(cls, positions) -> "OffsetMap":
        """Build from one source offset per normalised character (compressed into runs)."""
        norm, src = [], []
        prev = None
        n = 0
        for i, pos in enumerate(positions):
            if prev is None or pos != prev + 1:
                norm.append(i)
                src.append(pos)
            prev = pos
            n = i + 1
        return cls(norm, src, n)

    def to_source(self, i: int) -> int:
        if not 0 <= i < self.length:
            raise IndexError(f"offset {i} outside normalised text of length {self.length}")
        k = bisect_right(self._norm, i) - 1
        return self._src[k] + (i - self._norm[k])

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` in normalised text → ``[start, end)`` in the source."""
        if end <= start:
            raise ValueError(f"empty span [{start}, {end})")
        return self.to_source(start), self.to_source(end - 1) + 1

    def slice(self, start: int, end: int) -> "OffsetMap":
        """The map of ``text[start:end]``, for an article cut out of its page."""
        k0 = max(bisect_right(self._norm, start) - 1, 0)
        norm, src = [0], [self._src[k0] + (start - self._norm[k0])]
        for k in range(k0 + 1, len(self._norm)):
            if self._norm[k] >= end:
                break
            norm.append(self._norm[k] - start)
            src.append(self._src[k])
        return OffsetMap(norm, src, max(end - start, 0))

    @classmethod
    def concat(cls, maps) -> "OffsetMap":
        """The map of the texts of ``maps`` joined end to end (an article cut from page pieces)."""
        norm, src, length = array("q"), array("q"), 0
        for m in maps:
            if not m.length:
                continue
            for n, s in zip(m._norm, m._src):
                if not norm or src[-1] - norm[-1] != s - (n + length):
                    norm.append(n + length)
                    src.append(s)
            length += m.length
        return cls(norm, src, length)

    def __len__(self) -> int:
        return self.length

    def __eq__(self, other) -> bool:
        return (isinstance(other, OffsetMap) and self.length == other.length
                and self._norm == other._norm and self._src == other._src)

    def __reduce__(self):
        return (OffsetMap, (self._norm.tolist(), self._src.tolist(), self.length))
