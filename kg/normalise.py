"""Normalise page text, keeping a map back to source offsets.

What normalising does (docs/text.md has the reasons and the examples):

* **Lines.** Hard line breaks inside a paragraph are joined: column-wrapped pages break every
  ~15 characters and even put blank lines inside a sentence; other pages break one long
  paragraph in two (``…红石榴志愿者\\n\\n服务队…``). Real paragraph, headline and byline breaks
  stay, as a single ``\\n``. Whether a break is real is decided line by line from the end of the
  line (sentence punctuation), its width against the column it stands in, whether it stands
  alone between blank lines, and how the next line starts (``型阵地。`` continues, it does not open
  a paragraph).
* **Headline marks.** A markdown heading mark (``#``, ``##``…) is kept in canonical form, ``#``
  times the level and one space, at the start of its line: the article splitter reads it as "this
  line is a headline" and strips it, so ``Article.text`` never holds it.
* **White space** inside a line is folded: a run becomes one space between two Han characters or
  two Latin words, and disappears next to CJK punctuation or between Han and a digit/Latin
  letter (``今年 6月`` → ``今年6月``).
* **Punctuation.** ASCII ``, : ; ( ) ! ?`` next to Chinese text become full-width
  (``，：；（）！？``); between digits or Latin text they stay (``2071.89``, ``10:30``, ``5G+AI``).

Every normalised character maps to the code-point offset of the source character it comes from
(a kept line break maps to the source newline), so any span can be reported in the source.
"""
from __future__ import annotations

import re
from array import array

from kg.bylines import credit_line, tail
from kg.offsets import OffsetMap

_MARK = re.compile(r"(#{1,6})[ \t\u3000]+(?=\S)")
_EDIT = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u3000\ufeff]+|[,:;()!?]")
_WIDE = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_SENTENCE_END = "。！？…"
_CLOSERS = "”’」』）》】"
_CONTINUES = "，。、；：！？”’」』）》】…"  # a line starting like this continues the one before
_CLAUSE = re.compile(r"[，、；]")
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|《[^》]*》|（[^）]*）")
_LONG_LINE = 45  # no headline is this long; a line this long without final punctuation is cut
_WINDOW = 5  # lines either side that set the column width


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def is_cjk_punct(ch: str) -> bool:
    return ("\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
            or ch in "“”‘’—…·《》〈〉「」『』【】")


def is_word(ch: str) -> bool:
    """A Latin letter or digit: text that keeps its spaces."""
    return ch.isascii() and ch.isalnum()


def ends_sentence(line: str) -> bool:
    """``…笑着说。`` or ``…更美好！”``: the line ends a paragraph."""
    line = line.rstrip(_CLOSERS)
    return bool(line) and line[-1] in _SENTENCE_END


def display_width(line: str) -> int:
    """Columns the line takes in print: 2 for a CJK character, 1 for ASCII.

    UTF-8 spends 1 byte on ASCII and 3 on CJK, so (bytes + characters) / 2 gives 1 and 2 without
    a per-character loop (this runs on every line of a 100 MB page).
    """
    return (len(line.encode("utf-8", "surrogatepass")) + len(line)) // 2


class _Out:
    """Collects normalised text and the runs of its offset map (a run starts where the drift
    between normalised and source offsets changes)."""

    def __init__(self):
        self.chunks: list[str] = []
        self.pending: list[str] = []
        self.length = 0
        self.norm = array("q")
        self.src = array("q")

    def emit(self, text: str, src: int) -> None:
        """Append ``text`` whose first character comes from source offset ``src`` (then 1:1)."""
        if not text:
            return
        if not self.norm or self.src[-1] - self.norm[-1] != src - self.length:
            self.norm.append(self.length)
            self.src.append(src)
        self.pending.append(text)
        self.length += len(text)
        if len(self.pending) >= 4096:  # join in chunks: millions of tiny strings cost memory
            self.chunks.append("".join(self.pending))
            self.pending.clear()

    def result(self) -> tuple[str, OffsetMap]:
        self.chunks.append("".join(self.pending))
        return "".join(self.chunks), OffsetMap(self.norm, self.src, self.length)


def _neighbour(line: str, i: int, step: int) -> str:
    """The nearest character from ``i`` in direction ``step`` that is neither a space nor other
    ASCII punctuation (``模式(试点):`` widens both), "" at the edge."""
    while 0 <= i < len(line):
        if not line[i].isspace() and line[i] not in _WIDE:
            return line[i]
        i += step
    return ""


def _fold(line: str, src: int) -> list[tuple[str, int]]:
    """Fold white space and widen punctuation in one stripped line.

    Returns ``(text, source offset of its first character)`` pieces."""
    pieces: list[tuple[str, int]] = []
    pos = 0
    mark = _MARK.match(line)
    if mark:  # canonical heading mark: "#" × level, one space
        pieces.append((mark.group(1) + " ", src))
        pos = mark.end()
    for m in _EDIT.finditer(line, pos):
        s, e = m.start(), m.end()
        if s > pos:
            pieces.append((line[pos:s], src + pos))
        pos = e
        ch = m.group()
        if ch in _WIDE:
            before, after = _neighbour(line, s - 1, -1), _neighbour(line, e, 1)
            wide = any(is_han(c) or is_cjk_punct(c) for c in (before, after) if c)
            pieces.append((_WIDE[ch] if wide else ch, src + s))
        elif ch.strip("\u200b\ufeff") and _keeps_space(line[s - 1] if s else "",
                                                         line[e] if e < len(line) else ""):
            pieces.append((" ", src + s))
    if pos < len(line):
        pieces.append((line[pos:], src + pos))
    return pieces


def _keeps_space(before: str, after: str) -> bool:
    """One space stays between two Han characters or two Latin words; other spaces are layout."""
    if not before or not after or is_cjk_punct(before) or is_cjk_punct(after):
        return False
    if is_han(before) and is_han(after):
        return True
    return not is_han(before) and not is_han(after)


class _Line:
    """One non-empty source line, folded."""

    __slots__ = ("pieces", "text", "level", "newline", "blank_before", "index", "_credit")

    def __init__(self, source: str, start: int, end: int, blank_before: bool, index: int):
        raw = source[start:end]
        lead = len(raw) - len(raw.lstrip())
        self.pieces = _fold(raw.strip(), start + lead)
        self.text = "".join(p for p, _ in self.pieces)
        mark = _MARK.match(self.text)
        self.level = len(mark.group(1)) if mark else 0
        self.newline = end  # where the source line break is (or the end of the text)
        self.blank_before = blank_before
        self.index = index  # position among the non-empty lines
        self._credit = None

    @property
    def standalone(self) -> bool:
        """A headline mark or a byline/credit line is never joined to its neighbours."""
        if self._credit is None:
            self._credit = self.level > 0 or credit_line(self.text) is not None
        return self._credit


def _non_empty_lines(text: str) -> tuple[array, array, bytearray]:
    """Start, end (its newline) and "a blank line comes before" of each line with content.

    Arrays, not tuples: a 100 MB page has millions of lines.
    """
    starts, ends, blanks = array("q"), array("q"), bytearray()
    pos, blank = 0, False
    n = len(text)
    while pos <= n:
        end = text.find("\n", pos)
        if end < 0:
            end = n
        if text[pos:end].strip():
            starts.append(pos)
            ends.append(end)
            blanks.append(blank)
            blank = False
        else:
            blank = True
        pos = end + 1
    return starts, ends, blanks


def _joins(above: _Line | None, prev: _Line, line: _Line, widths: array, blanks: bytearray) -> bool:
    """Is the break between ``prev`` and ``line`` a wrap inside a paragraph (True) or real?

    ``above`` is the line before ``prev``, if any.
    """
    a, b = prev.text, line.text
    if prev.level or line.level or ends_sentence(a) or prev.standalone or line.standalone:
        return False
    if tail(a, allow_bare_names=False):  # …一等奖。潘芳 摄: a photo credit ends its paragraph
        return False
    if b[0] in _CONTINUES:
        return True
    column = _column(widths, blanks, prev.index)
    width = widths[prev.index]
    if not line.blank_before and width >= 0.75 * column:
        return True  # a full line of a wrapped paragraph
    if line.blank_before and width >= 0.75 * column and _wrapped_above(above, prev):
        return True  # a wrapped paragraph cut by a blank line (004: 建立\n\n“半月刊”)
    if len(a) >= _LONG_LINE or len(_CLAUSE.findall(_QUOTED.sub("", a))) >= 2:
        return True  # too long, or too much a sentence, to be a headline
    return _opens_mid_sentence(b)


def _wrapped_above(above: _Line | None, prev: _Line) -> bool:
    """``prev`` continues a wrapped block: the line right above it is as wide, or ends the
    paragraph before. (A short label right above a headline is neither.)"""
    if above is None or prev.blank_before:
        return False
    return ends_sentence(above.text) or display_width(above.text) >= 0.75 * display_width(prev.text)


def _column(widths: array, blanks: bytearray, i: int) -> int:
    """The width of the column line ``i`` stands in: the second widest line of its block (lines
    without a blank between them) if the block is long enough to tell, else of the lines around
    it. Second widest: one stray long line does not count, short headlines do not pull it down."""
    lo, hi = max(i - _WINDOW, 0), min(i + _WINDOW + 1, len(widths))
    first, last = i, i
    while first > lo and not blanks[first]:
        first -= 1
    while last + 1 < hi and not blanks[last + 1]:
        last += 1
    ranked = sorted(widths[first:last + 1] if last - first >= 2 else widths[lo:hi])
    return ranked[-2] if len(ranked) > 1 else ranked[-1]


def _opens_mid_sentence(line: str) -> bool:
    """``型阵地。今年…`` / ``标，青松…``: no paragraph opens with a 1-character clause or a
    sentence of four characters or fewer."""
    if line[0] in "“‘「『《（":
        return False
    clause = re.search(r"[，、；：]", line)
    if clause and clause.start() <= 1:
        return True
    end = re.search(f"[{_SENTENCE_END}]", line)
    return bool(end) and end.start() <= 4 and not (clause and clause.start() < end.start())


def normalise(text: str) -> tuple[str, OffsetMap]:
    """Return ``(normalised_text, offset_map)``; ``offset_map.to_source(i)`` is the source
    offset of normalised character ``i``."""
    starts, ends, blanks = _non_empty_lines(text)
    widths = array("i", (display_width(text[s:e].strip()) for s, e in zip(starts, ends)))
    out = _Out()
    above: _Line | None = None
    prev: _Line | None = None
    for index, (start, end, blank) in enumerate(zip(starts, ends, blanks)):
        line = _Line(text, start, end, bool(blank), index)
        if prev is not None:
            if not _joins(above, prev, line, widths, blanks):
                out.emit("\n", prev.newline)
            elif is_word(prev.text[-1]) and is_word(line.text[0]):
                out.emit(" ", prev.newline)  # a wrapped Latin word boundary keeps its space
        for piece, src in line.pieces:
            out.emit(piece, src)
        above, prev = prev, line
    return out.result()
