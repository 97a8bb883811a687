"""Places: administrative areas with their level, and other named places (lakes, squares, compounds).

Three passes, in this order because later passes lean on earlier ones:
1. suffixed areas (苏州市, 吴门桥街道, 相城高新区): a name stem plus a level suffix from
   kg/data/place_suffixes.txt. Each part of a chain is its own mention (苏州市|相城区|阳澄湖镇).
2. other places (金鸡湖, 富元雅苑, 国际大厦): a name stem plus a suffix from other_place_suffixes.txt.
3. bare place words that jieba tags ``ns`` (苏州, 巴基斯坦) outside any name found so far.
A bare level word (园区, 经开区, 街道) is not a place by itself; kg/recognise/context.py completes it
when the article says which one it is.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Mention
from kg.recognise import lexicon
from kg.recognise.spans import Spans
from kg.recognise.view import HAN, View, _frequencies, extend_left, name_like, proper_word

ZONE = "DevelopmentZone"
HAN_WORD = re.compile(r"[\u3400-\u9fff]+")
SINGLE_CHAR_MAX_STEM = 4  # 吴江|区: a one-character suffix takes one short word before it


@lru_cache(maxsize=1)
def _admin_pattern() -> re.Pattern:
    suffixes = sorted(lexicon.place_suffixes(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, suffixes)))


@lru_cache(maxsize=1)
def _other_pattern() -> re.Pattern:
    return re.compile("|".join(map(re.escape, lexicon.other_place_suffixes())))


def recognise_places(view: View) -> list[Mention]:
    mentions = _suffixed_areas(view)
    mentions += _other_places(view, mentions)
    mentions += _bare_places(view, mentions)
    return mentions


def _suffixed_areas(view: View) -> list[Mention]:
    found: list[Mention] = []
    levels = lexicon.place_suffixes()
    for match in _admin_pattern().finditer(view.text):
        start, end = match.span()
        suffix = match.group()
        if not view.ends_name(end) and not _opens_committee(view, start, suffix):
            continue
        begin = _stem_start(view, start, end, suffix)
        if begin is None:
            continue
        name = view.text[begin:end]
        if name in lexicon.generic_places() or name in levels or name.endswith("城市"):
            continue  # 文明城市, 示范城市: 城市 is the word "city", not a city named 某城
        found.append(Mention(begin, end, name, "Place", "AdministrativeArea", name, "place-suffix",
                             level=levels[suffix]))
        view.add_place(begin, end, levels[suffix])
    found += _alternative_names(view)
    return _drop_nested_same(found)


def _opens_committee(view: View, start: int, suffix: str) -> bool:
    """某某市|委书记: jieba glues the level character to the committee after it (市委, 县委); the
    area still ends there."""
    return any(view.text.startswith(body, start) and view.ends_name(start + len(body))
               for body in _committees(suffix))


@lru_cache(maxsize=None)
def _committees(suffix: str) -> tuple[str, ...]:
    """Organisation suffixes that start with a place suffix: 市 → 市委, 区 → 区委."""
    return tuple(s for s in lexicon.org_suffixes() if s.startswith(suffix) and s != suffix)


ALTERNATIVE = re.compile(r"（([\u4e00-\u9fff]{2,10})）")


def _alternative_names(view: View) -> list[Mention]:
    """某高新区（某街道）: an area's other name in brackets right after it is an area of its own
    (two areas under one administration), even when jieba cuts it badly (元|和|街道)."""
    found = []
    levels = lexicon.place_suffixes()
    for match in ALTERNATIVE.finditer(view.text):
        start, end = match.span(1)
        if view.place_ending_at(match.start()) is None or view.place_ending_at(end) is not None:
            continue  # no area before the bracket, or the bracket's area is found (原某某镇)
        name = match.group(1)
        suffix = next((s for s in _suffixes_longest_first() if name.endswith(s)), None)
        if suffix is None or len(name) - len(suffix) < 2 or _generic_place(name):
            continue
        found.append(Mention(start, end, name, "Place", "AdministrativeArea", name, "place-bracketed",
                             level=levels[suffix]))
        view.add_place(start, end, levels[suffix])
    return found


def _generic_place(name: str) -> bool:
    """示范区, 中心城区: a kind of area, not a name."""
    return name in lexicon.generic_places() or name.endswith(_long_generic_places())


@lru_cache(maxsize=1)
def _long_generic_places() -> tuple[str, ...]:
    return tuple(sorted(g for g in lexicon.generic_places() if len(g) >= 2))


@lru_cache(maxsize=1)
def _suffixes_longest_first() -> tuple[str, ...]:
    return tuple(sorted(lexicon.place_suffixes(), key=len, reverse=True))


def _stem_start(view: View, start: int, end: int, suffix: str) -> int | None:
    """Start of the area's name, or None when no proper name stands before the suffix."""
    if len(suffix) == 1:
        return _single_char_stem(view, start, end)
    begin = extend_left(view, start, max_places=0, limit=6, max_words=3, brackets=False,
                        verbs=False)
    if begin == start:
        return None
    if lexicon.place_suffixes()[suffix] == ZONE:
        begin = _drop_city_prefix(view, begin, start)
    begin = _after_inner_area(view, _drop_level_words(view, begin, start), start)
    stem = view.text[begin:start]
    if not HAN.search(stem) or stem in lexicon.generic_words():
        return None
    if len(stem) < 2 or not _proper_stem(view, begin, start):
        return None
    return begin


def _after_inner_area(view: View, begin: int, start: int) -> int:
    """某市|某区|X街道 segmented badly (市星|湖区|梅林): a word ending in a level character closes
    the area before this one, so this name starts after it."""
    i = view.token_index(begin)
    while i < len(view.tokens) and view.tokens[i].end < start:
        if view.tokens[i].word[-1] in "省市区县镇村乡":
            begin = view.tokens[i].end
        i += 1
    return begin


def _drop_level_words(view: View, begin: int, start: int) -> int:
    """园区|金鸡湖街道: a bare level word before a name belongs to the place before, not to this one."""
    while begin < start:
        token = view.tokens[view.token_index(begin)]
        if token.start != begin or token.word not in LEVEL_WORDS:
            return begin
        begin = token.end
    return begin


# A word jieba's dictionary knows at least this often is a common word (城乡 2316, 文明 6584), not a
# place name (梅林 383, 东城 593); jieba's own tags cannot tell (it tags 文明 and 智慧 as names).
RARE = 1300
ADMIN_CHARS = "省市区县镇村乡"
LEVEL_WORDS = frozenset(lexicon.place_suffixes()) | {"园区", "城区", "辖区", "小区", "片区"}
# Facilities named after the area they belong to keep it in the name (某社区党群服务中心); other
# places are only located in the area (某社区|某小区).
OWNED = ("党群服务中心",)
DIRECTIONS = "内外上下中旁里"
PREPOSITIONS = "向在与和对把被从为将让给"


def _proper_stem(view: View, begin: int, start: int) -> bool:
    """The word right before the suffix must be able to name a place: unknown to jieba or rare.
    智慧社区, 城乡社区, 国际人才社区 are kinds of community, not names."""
    last = view.tokens[view.token_index(start - 1)]
    word = view.text[max(last.start, begin):start]  # 和谐|社区 as one word: judge 和谐
    if word[-1] in ADMIN_CHARS or word in lexicon.org_suffixes():
        return False  # 城厢镇|镇, 区委|区: the stem is itself an area or a body
    if last.end > start:  # the suffix is inside the word: 苏州工业园区 (ns) yes, 和谐社区 (l) no
        return last.tag == "ns"
    return last.tag == "ns" or _frequencies().get(word, 0) < RARE


def _single_char_stem(view: View, start: int, end: int) -> int | None:
    """吴江|区, 苏州市 (one word), 大新镇: the one word that ends at or just before the suffix."""
    i = view.token_index(start)
    token = view.tokens[i]
    if token.start < start:  # the suffix closes a word: 苏州市, 盛泽镇 (not 风景区, a common word)
        word = token
        if not proper_word(token):
            return None
    elif i > 0:
        word = view.tokens[i - 1]
    else:
        return None
    if not name_like(word) or word.tag not in ("ns", "nr", "nrt", "nz", "j", "n", "v", "nrfg"):
        return None
    stem = view.text[word.start:start]
    if not 1 <= len(stem) <= SINGLE_CHAR_MAX_STEM or not all(HAN.match(c) for c in stem):
        return None
    if word.start == start:
        return None
    if len(stem) == 1:
        return None  # 徐|市: one-character stems are abbreviations, not names
    if stem[-1] in ADMIN_CHARS + "委" or stem[0] in PREPOSITIONS and word.word not in _frequencies():
        return None  # 城厢镇|镇, 区委|区政府; 在蠡湖 (a preposition glued to a name)
    village = view.text[end - 1] == "村"
    if stem[-1] in ADMIN_CHARS or village and not _proper_stem(view, word.start, start):
        return None
    return word.start


def _drop_city_prefix(view: View, begin: int, start: int) -> int:
    """苏州相城经济技术开发区 → 相城经济技术开发区: a leading place word before a named zone is where it is."""
    first = view.tokens[view.token_index(begin)]
    if first.tag == "ns" and first.end < start and start - first.end >= 2:
        return first.end
    return begin


def _other_places(view: View, areas: list[Mention]) -> list[Mention]:
    found: dict[int, Mention] = {}  # end → mention; matches never overlap, so ends are unique
    taken = Spans((m.start, m.end) for m in areas)
    for match in _other_pattern().finditer(view.text):
        start, end = match.span()
        if not view.ends_name(end) or taken.covers(start, end):
            continue
        before = found.pop(start, None)
        if before is not None:  # 某某花园|广场, 某某山|风景区: a place named after the place before it
            begin = before.start
        elif len(match.group()) == 1:
            begin = _single_char_stem(view, start, end)
        else:
            owned = match.group() in OWNED
            begin = extend_left(view, start, max_places=1 if owned else 0, limit=8,
                                max_words=4 if owned else 3, brackets=False, verbs=False)
            begin = None if begin == start else _drop_level_words(view, begin, start)
            begin = None if begin == start else begin  # 园区|货站: the level word was all there was
        if begin is None:
            continue
        first = view.tokens[view.token_index(begin)]
        glued = first.start == begin and first.word not in _frequencies()
        if view.text[begin] in DIRECTIONS and glued:
            begin += 1  # 辖区|内三香|新村: a direction word glued to the name
        name = view.text[begin:end]
        if name in lexicon.generic_places() or len(name) < 2:
            continue
        found[end] = Mention(begin, end, name, "Place", "Place", name, "place-other")
    return _drop_nested_same(list(found.values()))


def _bare_places(view: View, known: list[Mention]) -> list[Mention]:
    """Place words without a suffix, kept only with evidence, since jieba tags many common words
    ``ns`` (普及, 美化): the short form of a suffixed place in the article (苏州 for 苏州市), an item
    of a list of places (北京、上海、长沙等地), or a word before 等地/地区."""
    found = []
    taken = Spans((m.start, m.end) for m in known)
    suffixed = {m.name[:-len(s)]: m for m in known if m.level for s in _suffix_of(m.name)}
    listed = _listed_places(view)
    heads = _place_heads(view, known)
    tokens, named = view.tokens, suffixed.keys() | heads
    evidence = listed.union(view.indexes(named, tag="ns"))
    for i in sorted(evidence):  # only the words with some evidence: few of a long article's
        token = tokens[i]
        word = token.word
        if len(word) < 2 or not HAN_WORD.fullmatch(word) or word in lexicon.generic_places():
            continue
        if taken.covers(token.start, token.end) or _starts_longer_name(view, token.end):
            continue
        if word in suffixed:
            full = suffixed[word]
            mention = Mention(token.start, token.end, word, "Place", full.subtype, full.name,
                              "place-short", level=full.level)
        elif i in listed or word in heads or token.tag == "ns" and (_before_place_word(view, i)
                                                                     or _after_place_cue(view, i)):
            mention = Mention(token.start, token.end, word, "Place", "Place", word, "place-word")
        else:
            continue
        found.append(mention)
        view.add_place(token.start, token.end, mention.level)
    return found


def _place_heads(view: View, known: list[Mention]) -> set[str]:
    """Place words that open a longer place name in the article (宜兴 of 宜兴经开区): standing alone
    elsewhere in the article they name that place."""
    heads = set()
    for m in known:
        token = view.tokens[view.token_index(m.start)]
        if m.level and token.start == m.start and token.end < m.end and token.tag == "ns" \
                and len(token.word) >= 2:
            heads.add(token.word)
    return heads


def _suffix_of(name: str) -> list[str]:
    return [s for s in ("市", "区", "县", "省") if name.endswith(s) and len(name) > len(s) + 1]


def _listed_places(view: View) -> set[int]:
    """Token indexes of the items of 、-lists of short words, most of them tagged ``ns``."""
    tokens, out = view.tokens, set()
    for items in view.joined_items(("、", "和", "及")):
        shaped = [k for k in items if 2 <= len(tokens[k].word) <= 4
                  and all(HAN.match(c) for c in tokens[k].word)]
        places = [k for k in shaped if tokens[k].tag == "ns"]
        if len(shaped) == len(items) and 2 * len(places) > len(items):
            out.update(items)
    return out


PLACE_CUES = ("在", "赴", "到", "来自", "前往", "位于", "落户", "扎根", "远赴", "走进", "地处", "途经")


def _after_place_cue(view: View, i: int) -> bool:
    """在/赴/来自 X，: a place word after a verb of place, followed by a pause or 的."""
    before = view.tokens[i - 1].word if i else ""
    after = view.tokens[i + 1].word if i + 1 < len(view.tokens) else "。"
    return before in PLACE_CUES and (after in "，。、；的" or not HAN.search(after))


def _before_place_word(view: View, i: int) -> bool:
    nxt = view.tokens[i + 1].word if i + 1 < len(view.tokens) else ""
    return nxt in ("等地", "地区", "一带", "等国", "籍")


def _starts_longer_name(view: View, end: int) -> bool:
    """苏州|工业… : a place word glued to a following name word is part of that name, not alone."""
    i = view.token_index(end)
    if end >= len(view.text):
        return False
    nxt = view.tokens[i]
    return nxt.word in lexicon.place_suffixes()


def _drop_nested_same(mentions: list[Mention]) -> list[Mention]:
    """Keep one mention per span (the first found, which carries the longest suffix)."""
    seen, out = set(), []
    for m in mentions:
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return out
