"""Split a normalised page into articles with headlines, kickers and bylines.

The page (``kg.normalise`` output) is a list of lines; each line is one *block*:

* **heading** — short, no sentence punctuation (or marked ``#``); a run of consecutive heading
  blocks is a headline group: page labels, kicker (引题), title, subtitle (副题), or a subhead;
* **credit** — a byline, name line, caption or organisational credit (``kg.bylines``);
* **body** — everything else.

Most pages print the headline above its body. Column-ordered pages print it *below* (the page
opens with body text and ends with a headline): there a headline group closes the item before it
when the next block opens a new item (``本报讯（…）``, a byline) or nothing but labels follows.
Headline groups that neither open nor close an item are subheads and stay in the body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg import bylines
from kg.bylines import Credit
from kg.model import Article
from kg.normalise import ends_sentence
from kg.offsets import OffsetMap
from kg.recognise import lexicon

_HEADLINE_MAX = 40  # characters; longer lines are body text
_QUESTION_MAX = 25  # a headline may end in ？ or ！ if it is this short
_SUBHEAD_MAX = 7  # an unmarked lone heading this short inside an article is a section subhead
_PAIR_SUBHEAD_MAX = 10  # …and so is a two-line group of such short lines without a place label
_MARK = re.compile(r"^(#{1,6}) ")
_SENTENCE_MARK = re.compile(r"[。！？]")
# Bare place or body names and column names stand above or below a headline as labels.
_LABEL = re.compile(
    r"^[\u4e00-\u9fff]{2,14}(?:" + lexicon.alternation(lexicon.cues("label-ending")) + ")$"
    "|(?:" + lexicon.alternation(lexicon.cues("column-label")) + ")$")
_BODY_BEFORE_AFTER_MODE = 50  # characters of body before the first headline: column order


@dataclass(frozen=True, slots=True)
class _Block:
    start: int  # span of the line in the page's normalised text, heading mark excluded
    end: int
    kind: str  # "heading" | "credit" | "body"
    level: int = 0  # markdown heading level, 0 when unmarked
    credit: Credit | None = None

    def text(self, page: str) -> str:
        return page[self.start:self.end]


def _blocks(page: str) -> list[_Block]:
    blocks, pos = [], 0
    for line in page.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if line and not _furniture(line):
            blocks.append(_classify(line, start, end))
    return blocks


# A page's furniture, no article's, a line of nothing else: `某某日报 2024年5月10日 第3版`,
# `2024年5月10日 星期五`, `第3版：区县新闻` (not a wrapped line of a column that mentions a 星期)
_DATE = r"(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})"
_PAGE = "第[0-9一二三四五六七八九十]{1,3}版"
_FURNITURE = re.compile(r"(?:[\u4e00-\u9fff]{2,8}报\s*)?(?:" + _DATE + r"\s*)?(?:星期[一二三四五六日天]\s*)?"
                        "(?:" + _PAGE + r")?(?:\s*[：:]\s*[\u4e00-\u9fff]{2,8})?")


def _furniture(line: str) -> bool:
    line = line.strip()
    return _FURNITURE.fullmatch(line) is not None and (
        re.search(_PAGE, line) is not None or re.search(_DATE + r"\s*星期", line) is not None)


def _classify(line: str, start: int, end: int) -> _Block:
    mark = _MARK.match(line)
    if mark:
        text, start = line[mark.end():], start + mark.end()
        if not ends_sentence(text) and len(text) <= _HEADLINE_MAX:
            return _Block(start, end, "heading", len(mark.group(1)))
        return _Block(start, end, "body")  # a stray mark on a paragraph (### 员群众”的…。)
    credit = bylines.credit_line(line)
    if credit is not None:
        return _Block(start, end, "credit", credit=credit)
    if (len(line) <= _HEADLINE_MAX and not _SENTENCE_MARK.search(line)
            and line[-1] not in "，、；：,;:—") or _asks_or_exclaims(line):
        return _Block(start, end, "heading")
    return _Block(start, end, "body")


def _asks_or_exclaims(line: str) -> bool:
    """``如何让老旧小区焕发新生？``: a short line whose only sentence mark is a final ？ or ！
    (no clause inside) is a headline, not a one-sentence paragraph. Under 8 characters it is
    more likely the tail of a sentence cut by a caption (``明年还要来！``)."""
    core = line.rstrip("”’」』")
    return (8 <= len(line) <= _QUESTION_MAX and core[-1:] in ("？", "！")
            and not _SENTENCE_MARK.search(core[:-1]) and not re.search("[，、；]", core))


def _runs(blocks: list[_Block]) -> list[tuple[int, int]]:
    """``[i, j)`` index ranges of consecutive heading blocks."""
    runs, i = [], 0
    while i < len(blocks):
        if blocks[i].kind == "heading":
            j = i
            while j < len(blocks) and blocks[j].kind == "heading":
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _next_content(blocks: list[_Block], j: int) -> _Block | None:
    """The first block from ``j`` on that is not a heading, or None at the end of the page."""
    for block in blocks[j:]:
        if block.kind != "heading":
            return block
    return None


def _is_label(page: str, block: _Block) -> bool:
    text = block.text(page)
    return len(text) <= 4 or bool(_LABEL.search(text))


def _is_subhead(page: str, blocks: list[_Block], run: tuple[int, int]) -> bool:
    group = blocks[run[0]:run[1]]
    if any(b.level for b in group):
        return all(b.level >= 3 for b in group)
    lengths = [b.end - b.start for b in group]
    if len(group) == 1:
        return lengths[0] <= _SUBHEAD_MAX and not _is_label(page, group[0])
    return (len(group) == 2 and max(lengths) <= _PAIR_SUBHEAD_MAX
            and not any(_is_label(page, b) for b in group))


def _body_chars(blocks: list[_Block]) -> int:
    return sum(b.end - b.start for b in blocks if b.kind == "body")


def _headline_after_body(blocks: list[_Block], runs: list[tuple[int, int]]) -> bool:
    """Column order: the page opens with body text and ends with no body after its last headline."""
    if not runs:
        return False
    before = _body_chars(blocks[:runs[0][0]])
    after = _body_chars(blocks[runs[-1][1]:])
    return before >= _BODY_BEFORE_AFTER_MODE and after == 0


def _opens_item(page: str, block: _Block | None) -> bool:
    """A new item starts here: its byline, or an ``本报讯（…）`` opener."""
    if block is None or block.kind == "credit":
        return True
    return block.kind == "body" and bylines.opener(block.text(page)) is not None


@dataclass(frozen=True, slots=True)
class _Item:
    blocks: tuple[int, ...]  # block indexes in page order (headline group included)
    headline: tuple[int, ...]  # block indexes of the headline lines (kicker, title…)


def _items_headline_first(page: str, blocks: list[_Block], runs) -> list[_Item]:
    openers = []
    for k, run in enumerate(runs):
        following = blocks[run[1]:_next_run_start(runs, k, len(blocks))]
        if _body_chars(following) and not (openers and _is_subhead(page, blocks, run)):
            openers.append(run)
    items = []
    first = openers[0][0] if openers else len(blocks)
    if _body_chars(blocks[:first]):
        items.append(_Item(tuple(range(first)), ()))
    for k, (i, j) in enumerate(openers):
        end = openers[k + 1][0] if k + 1 < len(openers) else len(blocks)
        window = _window(blocks, i, j, last=True)
        items.extend(_split_photo_item(page, blocks, _Item(tuple(range(window[0], end)), window)))
    return items


def _next_run_start(runs, k: int, default: int) -> int:
    return runs[k + 1][0] if k + 1 < len(runs) else default


def _items_headline_after(page: str, blocks: list[_Block], runs) -> list[_Item]:
    closers = [run for run in runs if _opens_item(page, _next_content(blocks, run[1]))
               or (run[0] > 0 and blocks[run[0] - 1].kind == "credit")]  # body, names, headline
    items, begin = [], 0
    for i, j in closers:
        window = _window(blocks, i, j, last=False)
        items.append(_Item(tuple(range(begin, window[-1] + 1)), window))
        begin = j
    if _body_chars(blocks[begin:]):
        items.append(_Item(tuple(range(begin, len(blocks))), ()))
    return items


def _window(blocks: list[_Block], i: int, j: int, last: bool) -> tuple[int, ...]:
    """The headline lines of a group: a marked group whole; else the two lines nearest the body
    (kicker + title or title + subtitle); lines further away are page or column labels."""
    if any(b.level for b in blocks[i:j]):
        return tuple(range(i, j))
    return tuple(range(max(i, j - 2), j)) if last else tuple(range(i, min(j, i + 2)))


def _split_photo_item(page: str, blocks: list[_Block], item: _Item) -> list[_Item]:
    """Body after an item's closing byline that ends in a photo credit (``…一等奖。王小明 摄``) is
    a photo-news item of its own, without headline."""
    credits = [k for k in item.blocks if blocks[k].kind == "credit"]
    if not credits:
        return [item]
    after = [k for k in item.blocks if k > credits[-1]]
    if not after or any(blocks[k].kind != "body" for k in after):
        return [item]
    text = blocks[after[-1]].text(page)
    found = bylines.tail(text, allow_bare_names=False)
    if not found or not found[1] or not bylines.is_photo_credit(text[found[0]:]):
        return [item]
    return [_Item(tuple(k for k in item.blocks if k <= credits[-1]), item.headline),
            _Item(tuple(after), ())]


def _title(page: str, blocks: list[_Block],
           headline: tuple[int, ...]) -> tuple[int | None, int | None]:
    """(title block, kicker block) of a headline group."""
    lines = [k for k in headline if blocks[k].level < 3 or not any(
        0 < blocks[h].level < 3 for h in headline)]
    candidates = ([k for k in lines if not _is_label(page, blocks[k])
                   and not blocks[k].text(page).startswith("—")]  # ——记…: a subtitle
                  or lines)
    if not candidates:
        return None, None
    marked = [k for k in candidates if blocks[k].level]
    if marked:
        top = min(blocks[k].level for k in marked)
        title = next(k for k in marked if blocks[k].level == top)
    else:  # the main title is the shorter line (引题 and 副题 explain, the title is terse)
        title = min(candidates, key=lambda k: (blocks[k].end - blocks[k].start, k))
    others = [k for k in lines if k != title]
    fallback = others[0] if others else None
    kicker = next((k for k in others if not _is_label(page, blocks[k])), fallback)
    return title, kicker


def split_articles(source: str, text: str, offsets: OffsetMap) -> list[Article]:
    """Cut the normalised page ``text`` into articles (in page order)."""
    blocks = _blocks(text)
    runs = _runs(blocks)
    if _headline_after_body(blocks, runs):
        items = _items_headline_after(text, blocks, runs)
    else:
        items = _items_headline_first(text, blocks, runs)
    articles = []
    for item in items:
        article = _article(source, len(articles), text, offsets, blocks, item)
        if article is not None:
            articles.append(article)
    return articles


def _article(source: str, index: int, page: str, offsets: OffsetMap, blocks: list[_Block],
             item: _Item) -> Article | None:
    title, kicker = _title(page, blocks, item.headline)
    parts, creators = _parts(page, blocks, item)
    if not parts:
        return None
    text, amap = _assemble(page, offsets, parts)
    spans = [offsets.source_span(blocks[k].start, blocks[k].end) for k in item.blocks]
    return Article(source=source, index=index,
                   title=blocks[title].text(page) if title is not None else "",
                   text=text, offsets=amap,
                   start=min(s for s, _ in spans), end=max(e for _, e in spans),
                   creators=tuple(dict.fromkeys(creators)),
                   kicker=blocks[kicker].text(page) if kicker is not None else "")


def _parts(page: str, blocks: list[_Block],
           item: _Item) -> tuple[list[tuple[int, int, bool]], list[str]]:
    """The pieces of page text the article reads — ``(start, end, glued to the piece before)`` —
    headline lines first, then the body without bylines; and the byline persons."""
    parts: list[tuple[int, int, bool]] = [(blocks[k].start, blocks[k].end, False)
                                          for k in item.headline]
    creators: list[str] = []
    body = [k for k in item.blocks if k not in item.headline]
    last_body = max((k for k in body if blocks[k].kind == "body"), default=None)
    removed = False  # a credit line was cut out since the last kept piece
    after_body = False  # the last kept piece is body text (not a headline line)
    for k in body:
        block = blocks[k]
        start, end = block.start, block.end
        if block.kind == "credit":
            creators.extend(block.credit.persons)
            if not block.credit.keep_text:
                removed = True
                continue
        elif block.kind == "body":
            start, end = _strip_credits(page, block, k == last_body, creators)
        glue = removed and after_body and block.kind == "body" and _open_end(page, parts[-1])
        if end > start:
            parts.append((start, end, glue))
            after_body = block.kind == "body"
        removed = False
    return parts, creators


def _strip_credits(page: str, block: _Block, last: bool, creators: list[str]) -> tuple[int, int]:
    """Cut an ``本报讯（X）`` opener and a credit glued to the end out of a body line."""
    start, end = block.start, block.end
    found = bylines.opener(page[start:end])
    if found:
        start += found[0]
        creators.extend(found[1])
    found = bylines.tail(page[start:end], allow_bare_names=last)
    if found:
        end = start + found[0]
        creators.extend(found[1])
    return start, end


def _open_end(page: str, part: tuple[int, int, bool]) -> bool:
    """The piece stops mid-sentence (a caption or byline was printed inside the sentence)."""
    return not ends_sentence(page[part[0]:part[1]])


def _assemble(page: str, offsets: OffsetMap,
              parts: list[tuple[int, int, bool]]) -> tuple[str, OffsetMap]:
    """Concatenate page pieces, a ``\\n`` between lines, and the offset map of the result."""
    chunks: list[str] = []
    maps: list[OffsetMap] = []
    previous_end = None
    for start, end, glued in parts:
        if previous_end is not None and not glued:
            chunks.append("\n")
            maps.append(OffsetMap([0], [_break_source(page, offsets, previous_end)], 1))
        chunks.append(page[start:end])
        maps.append(offsets.slice(start, end))
        previous_end = end
    return "".join(chunks), OffsetMap.concat(maps)


def _break_source(page: str, offsets: OffsetMap, end: int) -> int:
    """Source offset for a line break after a piece: the page's own break if the piece ends its
    line, else just after the piece's last character."""
    if end < len(page) and page[end] == "\n":
        return offsets.to_source(end)
    return offsets.to_source(end - 1) + 1
