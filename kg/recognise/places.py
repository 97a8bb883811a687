"""Places: administrative areas with their level, and other named places (lakes, squares, compounds).

Three passes, in this order because later passes lean on earlier ones:
1. suffixed areas (云州市, 月湾街道, 枫林高新区): a name stem plus a level suffix from
   kg/data/place_suffixes.txt. Each part of a chain is its own mention (云州市|枫林区|白洋湖镇).
2. other places (白鹭湖, 翠竹雅苑, 环球大厦): a name stem plus a suffix from other_place_suffixes.txt.
3. bare place words that jieba tags ``ns`` (云州, 新西兰) outside any name found so far, with
   evidence; a bare word whose 市/省 form jieba's dictionary knows is that city or province.
Inside a chain of areas (某市某区某街道某社区) a short stem after the wider area is a name however
jieba cut it; the levels must narrow along the chain.
A bare level word (园区, 经开区, 街道) is not a place by itself; kg/recognise/context.py completes it
when the article says which one it is.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg import segment
from kg.model import Mention
from kg.recognise import lexicon
from kg.recognise.spans import Spans
from kg.recognise.view import DIRECTIONS as COMPASS
from kg.recognise.view import (ACROSS_LEVEL, CITY, COUNTED, DATE_UNITS, GLUED_AFTER_NAME, HAN,
                                LOCATIVES, NUMBER, NUMERALS, PREPOSITION_ENDS,
                                STOP_WORDS, View, _frequencies, _rare_character, all_han,
                                extend_left, name_like, proper_word)
from kg.vocab import ADMINISTRATIVE_AREA, PLACE

ZONE = "DevelopmentZone"
HAN_WORD = re.compile(r"[\u3400-\u9fff]+")
SINGLE_CHAR_MAX_STEM = 4  # 溪山|区: a one-character suffix takes one short word before it


@lru_cache(maxsize=1)
def _admin_pattern() -> re.Pattern:
    suffixes = sorted(lexicon.place_suffixes(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, suffixes)))


@lru_cache(maxsize=1)
def _other_pattern() -> re.Pattern:
    return re.compile("|".join(map(re.escape, lexicon.other_place_suffixes())))


def recognise_places(view: View) -> list[Mention]:
    mentions = _suffixed_areas(view)
    mentions += _counted_list(view, mentions)
    mentions += _other_places(view, mentions)
    mentions += _roads(view, mentions)
    mentions += _bare_places(view, mentions)
    return mentions


def _suffixed_areas(view: View) -> list[Mention]:
    found: list[Mention] = []
    levels = lexicon.place_suffixes()
    renamed: dict[int, int] = {}  # where a village's name ends → where it starts (宏业村|街道)
    for match in _admin_pattern().finditer(view.text):
        start, end = match.span()
        suffix = match.group()
        level = levels[suffix]
        if not view.ends_name(end) and not _opens_committee(view, start, suffix) \
                and not _chain_follows(view, end, level) and not _glued_village(view, start) \
                and not _glued_locative(view, start, end):
            continue
        if start in renamed:
            begin = renamed.pop(start)
        elif level == "Village" and _glued_village(view, start - 2):
            begin = start - 1  # 镇|余村: the village's one-character stem
        else:
            stem = _stem_start(view, start, end, suffix)
            if stem is None:
                stem = _landmark_stem(view, start, level)
            begin = _official_start(view, start, end) or _listed_stem(view, start, end, level) \
                or _chained_stem(view, stem, start, level)
            if begin is None:
                begin = _zone_of_area_before(view, start, end)
        if begin is None:
            continue
        begin = _after_opening_mark(view, begin, start)
        name = view.text[begin:end]
        if name in lexicon.generic_places() or name in levels \
                or view.text[start - 1:end] in ACROSS_LEVEL and not _a_divisions_name(name, level):
            continue  # 文明城市, 各乡镇: the suffix closes a common word (城市, 乡镇), 盐城市 is a city
        if _renamed_as_wider(view, end, level):
            renamed[end] = begin  # 宏业村街道: a subdistrict named after the village it was
            continue
        found.append(Mention(begin, end, name, PLACE, ADMINISTRATIVE_AREA, name, "place-suffix",
                             level=level))
        view.add_place(begin, end, level)
    found += _alternative_names(view) + _banners_and_leagues(view)
    return _drop_nested_same(found)


@lru_cache(maxsize=1)
def _counted_level() -> re.Pattern:
    """`下辖东海、西园、南珍3个社区`: after a list, how many areas of one level (a town's or
    below) it names; 等 before the count says the list is a part."""
    return re.compile("(等)?(" + NUMBER + ")个?(" + lexicon.alternation(
        s for s, level in lexicon.place_suffixes().items() if RANK.get(level, 0) >= RANK["Town"]) + ")")


MAX_LISTED_STEM = 4


def _counted_list(view: View, found: list[Mention]) -> list[Mention]:
    """甲、乙、丙3个社区, 甲、乙等5个村: the names listed before a count of areas of one level are
    those areas, named with the level (the count, unless 等 says the list is a part, is the list's
    length). Each name is a whole word or two of two to four characters after a list join."""
    out = []
    taken = Spans((m.start, m.end) for m in found)
    for match in _counted_level().finditer(view.text):
        items = _listed_before(view, match.start())
        partial, count = match.group(1), _count(match.group(2))
        if len(items) < 2 or not partial and count != len(items):
            continue
        suffix = match.group(3)
        level = lexicon.place_suffixes()[suffix]
        for begin, end in items:
            if not taken.overlaps(begin, end):
                name = view.text[begin:end] + suffix
                out.append(Mention(begin, end, view.text[begin:end], PLACE, ADMINISTRATIVE_AREA,
                                   name, "place-counted-list", level=level))
    return out


def _listed_before(view: View, end: int) -> list[tuple[int, int]]:
    """The spans of the names of a list ending at ``end`` (甲、乙和丙), in text order."""
    items: list[tuple[int, int]] = []
    while True:
        begin = _listed_name_start(view, end)
        if begin is None:
            break
        if begin < 1 or view.text[begin - 1] not in LIST_JOINS:
            # 全镇|有马|岙、…, 某|镇辖柳岸、…: a verb of holding jieba glued into the first name
            held = [k for k in range(begin, end - 2) if view.text[k] in HOLDING_VERBS]
            begin = held[-1] + 1 if held else begin
            items.append((begin, end))
            break
        items.append((begin, end))
        end = begin - 1
    return items[::-1]


def _listed_name_start(view: View, end: int) -> int | None:
    """Where the name before ``end`` starts: the shortest run of one or two words ending there that
    has two to four Han characters and no function word (东海, or 西|园 where jieba cut it)."""
    i = view.token_index(end - 1) if end > 0 else -1
    if i < 0 or view.tokens[i].end != end:
        return None
    for j in (i, i - 1):
        begin = view.tokens[j].start if j >= 0 else -1
        name = view.text[begin:end]
        if j >= 0 and 2 <= len(name) <= MAX_LISTED_STEM and all_han(name) \
                and not any(_function_word(view.tokens[k]) for k in range(j, i + 1)):
            return begin
    return None


# One-character verbs of holding that open the list of an area's parts (有, 辖, 含).
HOLDING_VERBS = frozenset(lexicon.cues("holding-verb"))
FUNCTION_TAGS = frozenset({"p", "c", "u", "uj", "ul", "d", "r", "m", "q", "x", "f"})


def _function_word(token) -> bool:
    return token.tag in FUNCTION_TAGS or token.word in STOP_WORDS or token.word in LIST_JOINS


def _count(number: str) -> int:
    """A count written in digits or in words up to ten (3, 三, 两); -1 otherwise."""
    if number.isdigit():
        return int(number)
    return COUNT_WORDS.get(number, -1)


COUNT_WORDS = {word: int(n) for word, n in lexicon.pairs("count-word")}


def _glued_village(view: View, at: int) -> bool:
    """天荒坪|镇余村, 兰陵|县代村: jieba made one word of a wider area's one-character suffix at
    ``at``, a village's one-character stem and 村 — a word its dictionary does not hold (各村,
    本村 are words of its own). The suffix ends the wider area, the stem names the village."""
    if at < 1 or view.text[at] not in GLUED_LEVELS or view.text[at + 2:at + 3] != "村":
        return False
    token = view.tokens[view.token_index(at)]
    return token.start == at and token.end == at + 3 and token.word not in _frequencies() \
        and view.text[at + 1] not in STOP_WORDS


GLUED_LEVELS = frozenset(lexicon.cues("village-glued-level"))


def _after_opening_mark(view: View, begin: int, start: int) -> int:
    """（管|家务街道党工委书记）, “留|各庄镇”: right after an opening bracket or quote, an area's
    name starts at the mark, however jieba cut its first character off (the name has at most
    four characters before its suffix, none a function word)."""
    for gap in (1, 2):
        mark = begin - gap - 1
        cut = view.text[mark + 1:begin]
        if mark >= 0 and view.text[mark] in OPENING_MARKS and start - mark - 1 <= 4 \
                and all_han(cut) and not any(c in STOP_WORDS or c in FORMER for c in cut) \
                and cut not in dictionary_areas() and (gap == 1 or _name_word(view, mark + 1)):
            return mark + 1  # not （湖南|江华县: a province; nor （下称|某市: a verb
    return begin


OPENING_MARKS = frozenset("（“")


def _name_word(view: View, at: int) -> bool:
    """The two characters at ``at`` are a word jieba made up, no verb or function word."""
    token = view.tokens[view.token_index(at)]
    return token.start == at and token.end == at + 2 and token.word not in _frequencies() \
        and token.tag not in NOT_FIRST_TAGS


def _glued_locative(view: View, start: int, end: int) -> bool:
    """来到梅林|村后, 在某|镇上: jieba made one word of a town's or village's suffix and the
    locative after it (村后, 镇上, 乡里). The suffix ends the name when a proper name stands before
    it (not 联络|村里, a verb: "contacted the village's …"); a district's does not (区内 is "within
    the area": 充分利用|区内)."""
    token = view.tokens[view.token_index(start)]
    if token.start != start or token.end != end + 1 or view.text[end] not in LOCATIVES \
            or view.text[start] not in LOCAL_LEVELS or start < 2:
        return False
    stem = view.tokens[view.token_index(start - 1)]
    return stem.end == start and len(stem.word) >= 2 and all_han(stem.word) \
        and (stem.tag in ("ns", "nr", "nrt", "nz") or stem.word not in _frequencies())


def _renamed_as_wider(view: View, end: int, level: str) -> bool:
    """A village's name is followed by a subdistrict's suffix (宏业村|街道, 梅园新村|街道): the
    subdistrict is named after it, and the name is the subdistrict's, since levels narrow along a
    chain. Not a town (村镇 is the word "villages and towns")."""
    if RANK.get(level, 0) != RANK["Village"]:
        return False
    wider = lexicon.affixes(lexicon.place_suffixes).starting_at(view.text, end)
    return wider is not None and lexicon.place_suffixes()[wider] == "Subdistrict" \
        and view.ends_name(end + len(wider))


# Inner Mongolia's county- and prefecture-level divisions (某某旗, 某某盟): no suffix list holds
# them, since 旗 and 盟 end common words (红旗, 联盟); only the national table's names are read.
TABLE_ONLY_LEVELS = dict(lexicon.pairs("table-only-level"))
TABLE_ONLY_SUFFIX = re.compile("[" + "".join(TABLE_ONLY_LEVELS) + "]")


def _banners_and_leagues(view: View) -> list[Mention]:
    found = []
    for match in TABLE_ONLY_SUFFIX.finditer(view.text):
        start, end = match.span()
        begin = _official_start(view, start, end) if view.ends_name(end) else None
        if begin is None or view.place_ending_at(end) is not None:
            continue
        name = view.text[begin:end]
        found.append(Mention(begin, end, name, PLACE, ADMINISTRATIVE_AREA, name, "place-suffix",
                             level=TABLE_ONLY_LEVELS[match.group()]))
        view.add_place(begin, end, TABLE_ONLY_LEVELS[match.group()])
    return found


def _official_start(view: View, start: int, end: int) -> int | None:
    """Where the longest name of the national table that ends at ``end`` starts, on a word
    boundary (丰县, 保定市, 七星关区: names jieba cuts or tags so that the rules below would not
    read them), or None. The table is the country's list of divisions down to the county, so an
    area the text names in its official form needs no other evidence."""
    for begin in range(max(0, start - MAX_OFFICIAL_STEM), start):
        name = view.text[begin:end]
        if name in lexicon.division_names() and name not in lexicon.generic_places() \
                and view.is_boundary(begin) and all_han(name) \
                and not (start - begin == 1 and name[0] in STOP_WORDS):  # 县级市|和|县: "and"
            return begin
    return None


MAX_OFFICIAL_STEM = 8  # 东乌珠穆沁旗, 阿克苏地区: the longest stems of the table's names


# The rank of each level in a chain of areas, widest first (省 > 市 > 区/县 > 镇/街道 > 社区/村).
RANK = {"Province": 0, "City": 1, "District": 2, "County": 2, "DevelopmentZone": 2, "Town": 3,
        "Subdistrict": 3, "Community": 4, "Village": 4}
CHAIN_STEM = range(2, 5)  # a stem inside a chain of areas has two to four characters

# The one-character suffixes of towns and villages (镇, 乡, 村): jieba glues a locative to them (村后).
LOCAL_LEVELS = frozenset(suffix for suffix, level in lexicon.place_suffixes().items()
                         if len(suffix) == 1 and RANK.get(level, 0) >= RANK["Town"])


def _chained_stem(view: View, begin: int | None, start: int, level: str) -> int | None:
    """Inside a chain of areas (某区白鹭湾街道和乐社区, 某镇小兰王庄村) the two to four characters
    between the wider area before and the suffix are this area's name, however jieba cut them
    (区|和|美社区, 镇小兰|王庄|村). Without such an area before, the stem found by words stands."""
    for size in CHAIN_STEM:
        wider = view.place_ending_at(start - size)
        if wider is None or RANK.get(view.places[wider], 9) >= RANK.get(level, 9):
            continue
        if not _chain_gap(view, start - size, start):
            continue
        if size > 2 and _conjunction_at(view, start - size):
            return start - size + 1  # 某街道|和|岭|前社区: 和 joins a list (区|和|美社区: 和美社区)
        if begin is None or begin > start - size and not any(c in STOP_CHARS for c in
                                                             view.text[start - size:begin]):
            return start - size  # 区|和乐社区: no stem by words; 镇|小兰王庄村: a longer one
        if begin < start - size:
            return start - size  # 镇紫竹村: the stem began inside the wider area
    return begin


def _conjunction_at(view: View, pos: int) -> bool:
    """A conjunction jieba cut as a word of its own starts at ``pos`` (和, not the 和 of 和平)."""
    token = view.tokens[view.token_index(pos)]
    return token.start == pos and token.end == pos + 1 and token.word in CONJUNCTIONS


LIST_JOINS = lexicon.join_characters()
CONJUNCTIONS = LIST_JOINS - {lexicon.ENUMERATION_COMMA}


def _listed_stem(view: View, start: int, end: int, level: str) -> int | None:
    """某村、前|张庄村, 某社区和油榨|湾社区: in a list of areas of one level, the two to four
    characters between the join and the suffix are the next area's name, however jieba cut them.
    Towns, subdistricts, communities and villages only: lists of bare 区 are often kinds (软土区)."""
    if RANK.get(level, 0) < RANK["Town"]:
        return None
    for size in CHAIN_STEM:
        join = start - size - 1
        if join < 1 or view.text[join] not in LIST_JOINS:
            continue
        before = view.place_ending_at(join)
        if before is None or view.places[before] != level:
            continue
        gap = view.text[join + 1:start]
        if all_han(gap) and _frequencies().get(gap, 0) < RARE and _list_item(view, join + 1, start) \
                and not any(view.text[start - k:end] in lexicon.generic_places() for k in (1, 2)):
            return join + 1  # not 某村和城中|村: 城中村 is a word of its own
    return None


def _list_item(view: View, begin: int, start: int) -> bool:
    """No word of text[begin:start] is a function word, a generic modifier, a verb before names or a
    city or province (某社区和周边|社区, 某村、各|村 list no name)."""
    i = view.token_index(begin)
    while i < len(view.tokens) and view.tokens[i].start < start:
        word = view.tokens[i].word
        if word in STOP_WORDS or word in lexicon.generic_words() or word in lexicon.lead_words() \
                or word in lexicon.generic_places() or word in dictionary_areas():
            return False  # 某经开区、浙江|海宁经开区: the province is where the next item is
        i += 1
    return True


def _chain_gap(view: View, begin: int, start: int) -> bool:
    """Can text[begin:start] be an area's name inside a chain? Han characters, no other area in it
    (思溪区|梧, 某区|某新城), and no word that cannot sit in a name (召开|社区, 介绍了|社区, 在各|村); a
    conjunction jieba split off (区|和|美社区) is allowed; so are the common words of a landmark's
    name (区|解放|门|街道, 区|建|中街|街道), an adjective the area's own body shows to be a
    name (区|幸福|社区党委), and a name with a character jieba does not know (区|大|碶|街道)."""
    gap = view.text[begin:start]
    if not all_han(gap) or gap in lexicon.generic_words() or gap.endswith(AREA_OWN_BODIES) \
            or any(view.place_ending_at(p) for p in range(begin + 1, start + 1)):
        return False  # 某街道|办事处|社区服务中心: the area's own body, then a kind of centre
    i = view.token_index(begin)
    if COUNTED.fullmatch(view.tokens[i].word) or COUNTED.fullmatch(gap):
        return False  # 和平区|三大|街道: the three big ones, tagged a name
    if any(t.tag == "v" and any(c in HOLDING_VERBS for c in t.word)
           for t in view.tokens[i:view.token_index(start - 1) + 1]):
        return False  # 某镇|下辖|石桥|村: the town holds the village, which is named after the verb
    if len(gap) == 2 and gap[0] in NUMERALS and view.tokens[i].end == begin + 1:
        return True  # 县|四|都|乡, 区|三|墩|镇: a numbered name, cut into a numeral and a character
    if len(gap) == 2 and view.tokens[i].end == begin + 1 and _two_lone_characters(view, i):
        return True  # 镇|顶|坪|村: a name jieba cut into two characters, the first read as a verb
    while i < len(view.tokens) and view.tokens[i].start < start:
        token = view.tokens[i]
        inside = token.start >= begin and token.end <= start
        locality = token.tag == "f" and len(token.word) == 1  # 和平|里, 城|东: a name's last part
        if inside and token.tag != "c" and not locality and not name_like(token) \
                and not _cut_last_char(view, i, begin, start) and not _number_opening(token, begin):
            return gap[-1] in LANDMARKS and len(gap) >= 3 and _plain_words(view, begin, start) \
                or _grid_road(view, start) == begin \
                or _before_a_landmark(view, begin, start) \
                or _word_named_by_its_body(view, token, begin, start) \
                or _rare_character_name(view, begin, start)
        i += 1
    return True


def _two_lone_characters(view: View, i: int) -> bool:
    """Tokens ``i`` and ``i + 1`` are single Han characters that can sit in a name: no function
    word, no verb of going (镇|到|村), no count."""
    pair = view.tokens[i:i + 2]
    return len(pair) == 2 and all(
        len(t.word) == 1 and HAN.match(t.word) is not None and t.word not in STOP_WORDS
        and t.word not in MOVES and t.tag not in FUNCTION_TAGS for t in pair)


def _before_a_landmark(view: View, begin: int, start: int) -> bool:
    """区|站|前|街道, 区|桥|东|社区: a one-character landmark and the direction from it, cut apart
    (not a verb of going: 区|去|东|街道)."""
    i = view.token_index(begin)
    if start - begin != 2 or i + 1 >= len(view.tokens):
        return False
    first, second = view.tokens[i], view.tokens[i + 1]
    return (first.start, second.end) == (begin, start) and len(first.word) == 1 \
        and second.tag == "f" and HAN.match(first.word) is not None \
        and first.word not in STOP_WORDS and first.word not in MOVES


def _rare_character_name(view: View, begin: int, start: int) -> bool:
    """区|大|碶|街道: a name with a character jieba does not know, cut into single characters; the
    others are no function words or verbs of going (a name's, however jieba tagged them)."""
    i, rare = view.token_index(begin), False
    while i < len(view.tokens) and view.tokens[i].start < start:
        token = view.tokens[i]
        if len(token.word) != 1 or token.end > start or token.word in STOP_WORDS \
                or token.word in MOVES or not HAN.match(token.word):
            return False
        rare = rare or _rare_character(token)
        i += 1
    return rare


def _word_named_by_its_body(view: View, token, begin: int, start: int) -> bool:
    """区|幸福|社区党委: an adjective of two characters is the area's whole name when the area's
    own body follows it (和谐社区建设: alone, such a word and level may be a kind of community);
    区|解放|街道|某社区: so is a verb when a narrower area follows (区|召开|街道党工委会议: a verb
    before an area's body may govern it)."""
    if (token.start, token.end) != (begin, start) or len(token.word) != 2 \
            or token.tag not in ("a", "v") or token.word in lexicon.generic_words():
        return False
    suffix = lexicon.affixes(lexicon.place_suffixes).starting_at(view.text, start)
    if suffix is None:
        return False
    if token.tag == "v":
        return _chain_follows(view, start + len(suffix), lexicon.place_suffixes()[suffix])
    return view.text.startswith(AREA_OWN_BODIES, start + len(suffix))


AREA_OWN_BODIES = lexicon.cues("area-own-body")


# The landmarks an area is named after, ending its name before the level (幸福路社区, 解放门街道,
# 建中街街道): whatever common words jieba cut the stem into, they are the landmark's name.
LANDMARKS = frozenset(lexicon.cues("landmark"))
PLAIN_TAGS = frozenset({"a", "ad", "an", "v", "vn", "n", "nz", "ns", "nr", "m", "f", "b", "j"})


def _plain_words(view: View, begin: int, start: int) -> bool:
    """Every word of text[begin:start] can be part of a landmark's name: a noun, verb, adjective or
    numeral, not a function word, a verb that leads to names, a verb of going or a generic word
    (来到|幸福|路|社区: 来到 is not the name's)."""
    i = view.token_index(begin)
    if view.tokens[i].start != begin:
        return False
    while i < len(view.tokens) and view.tokens[i].start < start:
        token = view.tokens[i]
        word = token.word
        if token.end > start or token.tag not in PLAIN_TAGS or word in STOP_WORDS \
                or word in MOVES or word in lexicon.lead_words() or word in lexicon.generic_words() \
                or word in lexicon.titles() or COUNTED.fullmatch(word):
            return False
        i += 1
    return True


def _landmark_stem(view: View, start: int, level: str) -> int | None:
    """幸福|路|社区, 解放|门|街道: an area of a town's rank or below named after a landmark, a word of
    two characters and the landmark's one, which jieba cut apart (a word it knows as one, 人民路,
    is read by the other rules); or after a numbered road (经|十路|街道) or a bank (南岸|街道)."""
    if RANK.get(level, 0) < RANK["Town"]:
        return None
    if view.text[start - 1:start] not in LANDMARKS:
        return _bank_stem(view, start)
    if start < 3:
        return None
    road = _grid_road(view, start)
    if road is not None:
        return road
    i = view.token_index(start - 1)
    if i < 1 or view.tokens[i].start != start - 1:
        return None
    word = view.tokens[i - 1]
    if len(word.word) != 2 or not all_han(word.word) or not _plain_words(view, word.start, start):
        return None
    return word.start


@lru_cache(maxsize=1)
def _grid_road_pattern() -> re.Pattern:
    return re.compile("(?:" + lexicon.alternation(lexicon.cues("road-grid")) + ")["
                      + "".join(NUMERALS) + "]{1,3}路$")


def _grid_road(view: View, start: int) -> int | None:
    """经|十路|街道, 纬|五路|社区: a road of a city's numbered grid, its axis a word of its own or
    glued to the area before (某|区经|十路), not the end of a word (途经|八路)."""
    match = _grid_road_pattern().search(view.text, max(0, start - 5), start)
    if match is None:
        return None
    axis = match.start()
    if view.tokens[view.token_index(axis)].start != axis and view.place_ending_at(axis) is None:
        return None
    return axis


BANKS = frozenset(lexicon.cues("bank"))


def _bank_stem(view: View, start: int) -> int | None:
    """南岸|街道, 北岸|社区: a direction and a bank, which jieba knows as a locality word, name the
    area whose level follows them (before any other word they are the bank of a river)."""
    if start < 2:
        return None
    token = view.tokens[view.token_index(start - 1)]
    word = token.word
    if token.end != start or token.tag != "f" or len(word) != 2 or word[0] not in COMPASS \
            or word[1] not in BANKS:
        return None
    return token.start


def _number_opening(token, begin: int) -> bool:
    """A name that opens with a number (五|大道街道, 三元|桥街道, 三元里街道: jieba tags 五 and 三元
    numerals, 三元里 a time word): a numeral word of at most two characters, or a rare time word, at
    the gap's start; not a count (五个|街道, 三大|街道) nor a date (两年|社区, 今年|社区)."""
    if token.start != begin or COUNTED.fullmatch(token.word):
        return False
    if token.tag == "m":
        return len(token.word) <= 2 and token.word[0] in NUMERALS and token.word[-1] not in DATE_UNITS
    return token.tag == "t" and all_han(token.word) and _frequencies().get(token.word, 0) < RARE_TIME


RARE_TIME = 100  # 三元里 22 is a place's name; 近年 616, 今年 9959 are times
# 党员|进|社区: a verb of going before the area, not its name's end
MOVES = frozenset(lexicon.cues("move-verb"))


def _cut_last_char(view: View, i: int, begin: int, start: int) -> bool:
    """某街道柳家|渡|社区: the last character of a name jieba cut off as a one-character verb,
    right before the suffix and after a rare name-like word of the same gap."""
    token = view.tokens[i]
    if token.end != start or len(token.word) != 1 or token.word in MOVES or i == 0:
        return False
    before = view.tokens[i - 1]
    return before.start >= begin and name_like(before) \
        and _frequencies().get(before.word, 0) < RARE


def _chain_follows(view: View, end: int, level: str) -> bool:
    """青枫山镇|紫竹村 cut as 莫干山|镇紫竹|村: a suffix inside a word still ends an area when a
    narrower area of two to four characters follows it."""
    text = view.text
    for size in CHAIN_STEM:
        if not all_han(text[end:end + size]):
            return False
        narrower = lexicon.affixes(lexicon.place_suffixes).starting_at(text, end + size)
        if narrower and RANK.get(lexicon.place_suffixes()[narrower], 9) > RANK.get(level, 9):
            return True
    return False


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
        suffix = lexicon.affixes(lexicon.place_suffixes).ending_at(name, len(name))
        if suffix is None or len(name) - len(suffix) < 2 or _generic_place(name):
            continue
        found.append(Mention(start, end, name, PLACE, ADMINISTRATIVE_AREA, name, "place-bracketed",
                             level=levels[suffix]))
        view.add_place(start, end, levels[suffix])
    return found


def _generic_place(name: str) -> bool:
    """示范区, 中心城区: a kind of area, not a name."""
    return name in lexicon.generic_places() or name.endswith(_long_generic_places())


@lru_cache(maxsize=1)
def _long_generic_places() -> tuple[str, ...]:
    return tuple(sorted(g for g in lexicon.generic_places() if len(g) >= 2))


def _stem_start(view: View, start: int, end: int, suffix: str) -> int | None:
    """Start of the area's name, or None when no proper name stands before the suffix."""
    if len(suffix) == 1:
        return _single_char_stem(view, start, end)
    begin = extend_left(view, start, max_places=0, limit=6, max_words=3, brackets=False,
                        verbs=False)
    begin = _he_in_name(view, _past_glued_words(view, begin, start), start)
    if begin == start:
        begin = _made_up_adjective(view, start)
    if begin == start:
        return None
    level = lexicon.place_suffixes()[suffix]
    industry = False  # 泰州|医药|高新区: a zone named for its industry keeps its city's name
    if level == ZONE:
        inner = _drop_city_prefix(view, begin, start)
        industry = inner != begin and start - inner <= MAX_INDUSTRY \
            and not _proper_stem(view, inner, start)
        begin = begin if industry else inner
    elif RANK.get(level, 0) >= RANK["Town"]:
        begin = _drop_bare_city(view, begin, start)
    begin = _after_inner_area(view, _drop_level_words(view, begin, start), start)
    begin = _drop_glued_head(view, _after_body(view, begin, start), start)
    stem = view.text[begin:start]
    if len(stem) == 1 and view.tokens[view.token_index(begin)].start == begin \
            and _direction_head(view, view.token_index(begin) - 1):
        begin, stem = begin - 1, view.text[begin - 1:start]  # 拟于|下|陈|社区
    if not HAN.search(stem) or stem in lexicon.generic_words():
        return None
    if len(stem) < 2 or not (industry or _proper_stem(view, begin, start)) or _phrase(view, begin, start):
        return None
    return begin


MAX_INDUSTRY = 4  # 医药, 软件, 生物医药: the industry a zone is named for, after its city


def _he_in_name(view: View, begin: int, start: int) -> int:
    """深入|青|和|街道, 、|和|义|街道: 和 beside one character before the suffix is part of the
    name, not a conjunction (a name has two characters at least): 青和街道, 和义街道."""
    if start - begin > 1:
        return begin
    i = view.token_index(start - 1)
    tokens = view.tokens
    if i < 1 or tokens[i].end != start:
        return begin
    last, before = tokens[i], tokens[i - 1]
    if last.word == "和" and len(before.word) == 1 and HAN.match(before.word) \
            and (i < 2 or not name_like(tokens[i - 2])):
        return before.start  # 深入|青|和|街道
    if len(last.word) == 1 and HAN.match(last.word) and before.word == "和" \
            and (i < 2 or not HAN.search(tokens[i - 2].word) or tokens[i - 2].word in STOP_WORDS):
        return before.start  # 、|和|义|街道, 在|和|兴|街道
    return begin


def _after_body(view: View, begin: int, start: int) -> int:
    """管委会|北溪泾街道, 办事处|下溪社区: a body named before an area ends the name before it; the
    area starts after it."""
    suffixes = lexicon.long_org_suffixes()
    i = view.token_index(begin)
    while i < len(view.tokens) and view.tokens[i].end <= start:
        word = view.tokens[i].word
        kind = len(word) > 1 and word in lexicon.other_place_suffixes() \
            and start - view.tokens[i].end >= 2  # 花园|社区 is a name; 工业园|纺溪社区 two places
        if word.endswith(suffixes) or kind:
            begin = view.tokens[i].end  # 某|工业园|纺溪社区 too: a place kind closes the place before
        i += 1
    return begin


def _made_up_adjective(view: View, start: int) -> int:
    """深康|街道: a two- or three-character word jieba made up and tagged an adjective, right
    before a multi-character suffix, is the area's name (the dictionary's adjectives, 美丽, 幸福,
    are kinds: 幸福社区 needs its own body to be a name)."""
    token = view.tokens[view.token_index(start - 1)] if start > 0 else None
    if token is None or token.end != start or token.tag != "a" or not 2 <= len(token.word) <= 3 \
            or not all_han(token.word) or token.word in _frequencies():
        return start
    return token.start


def _past_glued_words(view: View, begin: int, start: int) -> int:
    """The words before a suffix may run back over a verb jieba glued to the name (书记朱|成山|
    到元坊|街道) or over a person glued to the verb after it (书记瞿广慈到|符山|街道): the name starts
    after the verb. Where the words gave less than a name, the word before them is looked at too
    (到昌洒|街道, 据片|马|街道). A preposition opening the first word is _drop_glued_head's."""
    i = view.token_index(begin - 1 if start - begin < 2 and begin > 0 else begin)
    while i < len(view.tokens) and view.tokens[i].end <= start:
        token, i = view.tokens[i], i + 1
        word = token.word
        if not all_han(word) or word in _frequencies():
            continue
        if 3 <= len(word) <= 4 and token.tag.startswith("nr") and word[-1] in GLUED_AFTER_NAME \
                and start - token.end >= 2:
            begin = token.end  # 瞿广慈到|符山
        elif token.start != begin and len(word) >= 2 and word[0] in GLUED_PREPOSITIONS \
                and start - token.start > 2:
            begin = token.start + 1  # 到元坊, 到昌洒, 据片|马
    return begin


NOT_OPENING = ("中共", "丨")  # 中共|某街道委员会: the party, not the area; 丨 a headline separator


def _drop_glued_head(view: View, begin: int, start: int) -> int:
    """由鹿|池苑社区, 以牛角|东里社区, 与阳|澄社区: a preposition jieba glued to an unknown name is
    not part of it; nor is 中共 before the area its committee is named after."""
    for head in NOT_OPENING:
        if view.text.startswith(head, begin) and start - begin > len(head) + 1:
            return begin + len(head)
    token = view.tokens[view.token_index(begin)]
    if token.start == begin and token.word[0] in GLUED_PREPOSITIONS and len(token.word) >= 2 \
            and token.word not in _frequencies() and start - begin >= 3:
        return begin + 1
    if view.text[begin] in FORMER and start - begin >= 3 \
            and view.text[begin:start] not in dictionary_stems():
        return begin + 1  # 原|田口社区党委, 原勐来|社区: the former body, not a name with 原
    return begin


FORMER = frozenset(lexicon.cues("former"))


def _phrase(view: View, begin: int, start: int) -> bool:
    """积极探索|社区, 充分认识|社区, 百福图|赠送给|社区: a phrase jieba knows as one word, opening with
    a verb before names or closing with a function word, is no place name."""
    i = view.token_index(begin)
    if view.tokens[i].word.startswith(_lead_words_2()):
        return True
    while i < len(view.tokens) and view.tokens[i].end <= start:
        word = view.tokens[i].word
        if len(word) > 1 and word[-1] in STOP_CHARS:
            return True
        i += 1
    return False


STOP_CHARS = frozenset(lexicon.cues("function-char"))  # 的, 给: in no word of a place's name


@lru_cache(maxsize=1)
def _lead_words_2() -> tuple[str, ...]:
    return tuple(w for w in lexicon.lead_words() if len(w) >= 2)


def _after_inner_area(view: View, begin: int, start: int) -> int:
    """某市|某区|X街道 segmented badly (市星|湖区|梅林): a word ending in a level character closes
    the area before this one, so this name starts after it."""
    i = view.token_index(begin)
    while i < len(view.tokens) and view.tokens[i].end < start:
        if view.tokens[i].word[-1] in ADMIN_CHARS:
            begin = view.tokens[i].end
        i += 1
    return begin


def _drop_level_words(view: View, begin: int, start: int) -> int:
    """园区|白鹭湖街道: a bare level word before a name belongs to the place before, not to this one;
    so does the direction after it (辖区|内|东湖社区: within the area)."""
    while begin < start:
        i = view.token_index(begin)
        token = view.tokens[i]
        if token.start == begin and view.text[begin] in DIRECTIONS and start - begin >= 3 \
                and i > 0 and view.tokens[i - 1].word in LEVEL_WORDS:
            return begin + 1  # 辖区|内|东湖社区, 辖区|内云溪|社区 (glued or not)
        if token.start != begin or token.word not in LEVEL_WORDS:
            return begin
        begin = token.end
    return begin


# A word jieba's dictionary knows at least this often is a common word (城乡 2316, 文明 6584), not a
# place name (梅林 383, 东城 593); jieba's own tags cannot tell (it tags 文明 and 智慧 as names).
RARE = 1300
ADMIN_CHARS = lexicon.level_characters()
LEVEL_WORDS = frozenset(lexicon.place_suffixes()).union(lexicon.cues("area-word"))
# Facilities named after the area they belong to keep it in the name (某社区党群服务中心); other
# places are only located in the area (某社区|某小区).
OWNED = ("党群服务中心",)
DIRECTIONS = frozenset(lexicon.cues("glued-direction"))  # 辖区|内三香|新村: glued before a name
GLUED_PREPOSITIONS = lexicon.prepositions()["glued-to-place"]  # 由鹿|池苑社区, 在蠡湖


def _proper_stem(view: View, begin: int, start: int) -> bool:
    """The word right before the suffix must be able to name a place: unknown to jieba or rare.
    智慧社区, 城乡社区, 国际人才社区 are kinds of community, not names."""
    last = view.tokens[view.token_index(start - 1)]
    word = view.text[max(last.start, begin):start]  # 和谐|社区 as one word: judge 和谐
    if word[-1] in ADMIN_CHARS or word in lexicon.org_suffixes():
        return False  # 城厢镇|镇, 区委|区: the stem is itself an area or a body
    if last.tag == "c" and last.start >= begin and last.end == start and start - begin > 2:
        return False  # 业委会|和|街道: a conjunction before a bare level word joins it to a list
        # (深入|青|和|街道 is 青和街道: see _he_in_name)
    if last.end > start:  # the suffix is inside the word: 云州工业园区 (ns) yes, 和谐社区 (l) no
        # 某某村 (nr) as one word too, and words jieba made up (李|凹村)
        return last.tag in ("ns", "nr", "nz") or last.word not in _frequencies()
    if len(word) == 1 and last.start > begin:
        # 赵府|园社区, 李家|楼街道: jieba cut the stem's last character off; judge the two together
        word = view.text[max(view.tokens[view.token_index(last.start - 1)].start, begin):start]
    return last.tag == "ns" or _frequencies().get(word, 0) < RARE


NEGATIONS = frozenset(lexicon.cues("negation"))
MAGNITUDES = frozenset(lexicon.cues("count-magnitude"))


def _single_char_stem(view: View, start: int, end: int) -> int | None:
    """溪山|区, 云州市 (one word), 大塘镇: the one word that ends at or just before the suffix."""
    i = view.token_index(start)
    token = view.tokens[i]
    if token.start < start:  # the suffix closes a word: 云州市, 盛泽镇 (not 风景区, a common word)
        word = token
        stem = view.text[token.start:start]
        # 晏|城镇, 张|集镇: a common word (城镇, 集镇) glued from a name's last character and the
        # suffix, after the name's first: the checks for a kind of area do not apply
        glued = len(stem) == 1 and _name_before_common_word(view, i, start)
        if not glued and not proper_word(token) and (
                len(stem) < 2 or stem in _frequencies()
                or token.word.endswith(lexicon.other_place_suffixes())):
            return None  # 老城区, 风景区, 居民小区 are kinds; 蕉溪区 ends like 城区 but 蕉溪 is no word
        if not glued and token.tag not in ("ns", "nr", "nz") and token.word in _frequencies() \
                and _frequencies().get(stem, 0) >= COMMON_STEM:
            return None  # 休息区, 度假区, 别墅区: a common word for a kind of area (not 梅港市)
        if token.word.endswith(REGION_KINDS) and not _names_a_place(token.word[:-2]):
            return None  # 贫困地区, 边境地区, 经济特区: a kind of region (not 云州地区, 云州特区)
    elif i > 0:
        word = view.tokens[i - 1]
    else:
        return None
    stem = view.text[word.start:start]
    if stem not in dictionary_stems() and (
            not name_like(word) or word.tag not in STEM_TAGS):
        return None  # 安定|区, 正定|县 pass: jieba tags them v and d, its dictionary has 安定区, 正定县
    if not 1 <= len(stem) <= SINGLE_CHAR_MAX_STEM or not all_han(stem):
        return None
    if word.start == start:
        return None
    begin = word.start
    k = i if word is token else i - 1  # the index of the word that carries the stem
    one = len(stem) == 1
    if k > 0 and view.text[start] in ADMIN_CHARS and (
            len(stem) == 1 and (_cut_off(view.tokens[k - 1])  # 石|山村, 泖|港|镇: jieba cut the stem
                                or _direction_head(view, k - 1))  # 来到|上|庄村
            or stem.endswith("族") and _cut_off(view.tokens[k - 1], 3)):  # 某某|畲族|乡
        begin = view.tokens[k - 1].start
        stem = view.text[begin:start]
    if len(stem) == 1 and k > 0 and view.text[start] in ADMIN_CHARS \
            and _first_character(view, k - 1) \
            and (word is token or word.tag == "a" or word.tag not in NOT_FIRST_TAGS):
        begin = view.tokens[k - 1].start  # 土|城镇, 张|黄镇: jieba glued the second to the suffix
        stem = view.text[begin:start]
    first = one and len(stem) > 1  # a first character cut off was taken in: the stem's evidence
    if len(stem) == 1:
        return None  # 徐|市: one-character stems are abbreviations, not names
    if lexicon.affixes(lexicon.titles).ending_at(view.text, start):
        return None  # 政协主席|江|宏伟: a title, then a person named 江…, not a river
    if stem in lexicon.national_prefixes():
        return None  # 全国|省市妇联: "nationwide", no area
    if stem[0] in NEGATIONS or stem[-1] in MAGNITUDES:
        return None  # 大事|不出|村, “千企|帮千村”: a verb phrase and a count, no area
    if stem[0] in DATE_UNITS and begin > 0 and view.text[begin - 1].isdigit():
        return None  # 1991|年任|县政府: the end of a date that jieba glued to the next word
    if stem[-1] in CONJUNCTIONS and stem not in dictionary_stems():
        return None  # 某奖|和|省级称号 glued as 奖和省: "and the province", not a name (太和县 is)
    # 城厢镇|镇, 区委|区政府: the stem is itself an area or a body (but 东溪|区, 沙溪|区 are names)
    is_area = stem[-1] == "委" or stem[-1] in ADMIN_CHARS and len(stem) > 2
    if is_area or stem[0] in GLUED_PREPOSITIONS and word.word not in _frequencies():
        return None  # 在蠡湖: a preposition glued to a name
    village = view.text[end - 1] == "村"
    if village and not first and not _proper_stem(view, begin, start):
        return None  # (not 茅|家村: a first character cut off says it is a name, 家村 a word)
    return begin


# What jieba tags the word before a one-character suffix that names a place: names, nouns, a
# made-up noun morpheme (头苑|镇), a made-up locality (港下|镇), verbs it misreads (安定|区), and
# characters it leaves alone (黑豆|峪|村, 张|黄|镇党委: a one-character stem needs a first character).
STEM_TAGS = frozenset({"ns", "nr", "nrt", "nz", "j", "n", "v", "nrfg", "ng", "f", "g", "a"})


def _first_character(view: View, k: int) -> bool:
    """张|黄镇, 张|黄|镇党委: a lone character before a one-character stem that jieba glued to its
    suffix (or cut off alone) is the name's first character, when it can open a name: not a
    function word, a numeral, an adjective or a verb (小|城镇, 进|城镇), nor a measure word after a
    number or a determiner (一座|城镇)."""
    token = view.tokens[k]
    word = token.word
    opening = k == 0 or view.tokens[k - 1].tag == "x" and not HAN.match(view.tokens[k - 1].word)
    if len(word) != 1 or HAN.match(word) is None or word in STOP_WORDS or word in NUMERALS \
            or word in ADMIN_CHARS or word in GLUED_PREPOSITIONS or word in lexicon.generic_words() \
            or token.tag.startswith("u") \
            or token.tag in NOT_FIRST_TAGS and not (opening and token.tag == "v"):
        return False  # (a verb's character opening a clause is a name's: 符|山镇下辖…)
    return k == 0 or view.tokens[k - 1].tag not in ("m", "r")


NOT_FIRST_TAGS = frozenset(FUNCTION_TAGS - {"q"}) | {"a", "ad", "v", "vn", "vd"}


def _name_before_common_word(view: View, i: int, start: int) -> bool:
    """晏|城镇|乌沙村, 张|集镇: a name's first character, tagged a name, a noun or a measure word,
    before a common word jieba made of its second character and a town's suffix (城镇, 集镇); not
    an adjective (小|城镇), a verb (进|城镇), a preposition or a conjunction (和|城镇)."""
    if i == 0 or view.text[start] not in ADMIN_CHARS or not _first_character(view, i - 1) \
            or view.tokens[i - 1].tag not in NAME_FIRST_TAGS:
        return False
    before = view.tokens[i - 2] if i > 1 else None  # 奴隶|湾|城镇: a noun's last character
    return before is None or before.tag not in NOUN_TAGS \
        or view.place_ending_at(before.end) is not None


# A content word (a noun, a name, an adjective) whose last character a lone character may be.
NOUN_TAGS = frozenset({"n", "nr", "ns", "nz", "ng", "j", "a", "an", "vn", "b", "nrfg", "nt"})
NAME_FIRST_TAGS = frozenset({"nr", "ns", "zg", "q", "ng", "n", "g", "x", "nrfg", "j"})


def _direction_head(view: View, k: int) -> bool:
    """来到|上|庄村, 拟于|下|陈|社区: a direction jieba cut off before a one-character stem, after a
    verb, a preposition or a break, is the name's first character (上庄, 下陈), not a place's
    side (辖区|内|东湖社区 has its stem)."""
    if k < 0 or view.tokens[k].tag != "f" or view.tokens[k].word not in NAME_DIRECTIONS:
        return False
    return k == 0 or view.tokens[k - 1].tag in ("v", "p", "t", "c", "x") \
        or view.tokens[k - 1].word.endswith(PREPOSITION_ENDS)  # 隶属于|下|陈镇 (tagged a noun)


NAME_DIRECTIONS = frozenset(lexicon.cues("name-direction"))


def _cut_off(token, longest: int = 2) -> bool:
    """A short name-like word that can open a stem jieba cut apart (not an area itself: 爱乡)."""
    word = token.word
    return len(word) <= longest and all(HAN.match(c) and c not in NUMERALS for c in word) \
        and word[-1] not in ADMIN_CHARS and name_like(token) and token.tag not in ("a", "v", "vn") \
        and (len(word) == 1 or _frequencies().get(word, 0) < RARE) \
        and word not in lexicon.generic_places()


COMMON_STEM = 500  # 别墅 564, 度假 1002 are common words; 梅港 112, 赤溪 3 name places


def _drop_bare_city(view: View, begin: int, start: int) -> int:
    """云溪|三泉社区, 云溪|青川街道: a city or province written bare before a town, subdistrict,
    community or village is where it is, not part of its name."""
    first = view.tokens[view.token_index(begin)]
    if first.start == begin and first.word in dictionary_areas() and start - first.end >= 2:
        return first.end
    return begin


def _a_divisions_name(name: str, level: str) -> bool:
    """盐城市, or 平乡镇 of 平乡县: a division of the national table, or a town or a smaller area
    named after one (the county's seat)."""
    stem = name[:-1]  # a two-character common word closes only a one-character suffix
    return name in lexicon.division_names() or RANK.get(level, 0) >= RANK["Town"] \
        and any(stem + wider in lexicon.division_names() for wider in BARE_AREA_LEVELS)


def _zone_of_area_before(view: View, start: int, end: int) -> int | None:
    """襄阳市|高新技术产业开发区, 建安区|经济技术开发区: a kind of zone, with no name of its own, right
    after a city's, a county's or a district's is that area's zone and is named with it."""
    wider = view.place_ending_at(start) if view.text[start:end].endswith(ZONE_KINDS) else None
    if wider is None or view.places[wider] == ZONE or RANK.get(view.places[wider], 9) > RANK[ZONE]:
        return None
    return wider[0]


ZONE_KINDS = lexicon.cues("zone-kind")


def _drop_city_prefix(view: View, begin: int, start: int) -> int:
    """云州枫林经济技术开发区 → 枫林经济技术开发区: a leading place word before a named zone is where it is."""
    first = view.tokens[view.token_index(begin)]
    if first.tag == "ns" and first.end < start and start - first.end >= 2:
        return first.end
    return begin


def _other_places(view: View, areas: list[Mention]) -> list[Mention]:
    found: dict[int, Mention] = {}  # end → mention; matches never overlap, so ends are unique
    taken = Spans((m.start, m.end) for m in areas)
    for match in _other_pattern().finditer(view.text):
        start, end = match.span()
        if not (view.ends_name(end) or _inside(view, end)) or taken.covers(start, end):
            continue
        before = found.pop(start, None)
        if before is not None:  # 某某花园|广场, 某某山|风景区: a place named after the place before it
            begin = before.start
        elif len(match.group()) == 1:
            begin = _single_char_stem(view, start, end)
        else:
            venue = match.group().endswith(VENUES)
            owned = match.group() in OWNED or venue
            begin = extend_left(view, start, max_places=1 if owned else 0, limit=8,
                                max_words=4 if owned else 3, brackets=False, verbs=False)
            begin = None if begin == start else _drop_level_words(view, begin, start)
            begin = None if begin in (None, start) else _drop_province(view, begin, start)
            begin = None if begin == start else begin  # 园区|货站: the level word was all there was
            if begin is not None and venue and not _has_proper_word(view, begin, start):
                begin = None  # 党员活动室, 某人才党群服务中心: a kind of room, not a named one
            if begin is not None and match.group() in COMMON_KINDS \
                    and not _has_proper_word(view, begin, start):
                begin = None  # 商品房小区, 老小区: 小区 is also the word for any compound
        if begin is None or _city_before_a_name(view, begin, end):
            continue
        first = view.tokens[view.token_index(begin)]
        glued = first.start == begin and first.word not in _frequencies()
        after_word = begin > 0 and HAN.match(view.text[begin - 1]) is not None
        if view.text[begin] in DIRECTIONS and glued and after_word:
            begin += 1  # 辖区|内三香|新村: a direction word glued to the name (not 、下溪|记忆馆)
        name = view.text[begin:end]
        if name in lexicon.generic_places() or len(name) < 2 or view.text[begin - 1:begin].isdigit():
            continue  # 2|路车站: the name starts inside a number's phrase (a bus route's stop)
        found[end] = Mention(begin, end, name, PLACE, PLACE, name, "place-other")
    return _drop_nested_same(list(found.values()))


def _city_before_a_name(view: View, begin: int, end: int) -> bool:
    """七台河|分行, 石嘴山|工业园区, 马鞍山|某经济技术开发区: a city whose name ends like a landform
    (河, 山, 江), written bare before a body's or an area's name, is the city (read later as a bare
    area), not a river or a mountain (井冈山精神 stays the mountain)."""
    area = dictionary_areas().get(view.text[begin:end])
    return area is not None and bool(area[1]) and (
        end in view.place_starts or view.text.startswith(_name_openings(), end))


@lru_cache(maxsize=1)
def _name_openings() -> tuple[str, ...]:
    """What opens a name's ending right after a bare city: a body's suffix (分行) or an area's
    (工业园区)."""
    return tuple(sorted({*lexicon.org_suffixes(), *lexicon.place_suffixes()}, key=len, reverse=True))


def _inside(view: View, end: int) -> bool:
    """`某某活动室内`: jieba glues 内 (inside) to a room's last character (室内); the room's name
    ends before it."""
    token = view.tokens[view.token_index(end - 1)]
    return view.text[end:end + 1] in _INSIDE and token.end == end + 1


_INSIDE = ("内", "里")


def _drop_province(view: View, begin: int, start: int) -> int:
    """某省|某某产业园, 某省|某湖风景区: a province written bare before a named place is where it
    lies, not part of the name (a province-level name such as 某某大学 is no place kind)."""
    first = view.tokens[view.token_index(begin)]
    if first.start == begin and first.word in dictionary_areas() \
            and dictionary_areas()[first.word][1] == "Province" \
            and start - first.end >= 2:
        return first.end
    return begin


# What follows a road named on its own: a pause, a conjunction, or where along it (旁, 两侧, 道路).
ROAD_SIDES = lexicon.cues("road-side")
ROAD_STEM_TAGS = ("ns", "nr", "nrt", "nrfg", "nz")  # a place or a person the road is named after


def _roads(view: View, known: list[Mention]) -> list[Mention]:
    """青杉|路和云林路, 位于金桥|路旁: a road named by a proper word (a place or person tag, or a word
    jieba does not know) and 路, standing on its own. A common word before 路 is no road (思路, 致富
    路; 胜利|路 opens a school's name when a name follows it); nor is a road inside another name
    (某路社区)."""
    text, tokens, found = view.text, view.tokens, []
    taken = Spans((m.start, m.end) for m in known)
    for match in re.finditer("路", text):
        end = match.end()
        i = view.token_index(match.start())
        token = tokens[i]
        if token.start == match.start() and (token.word == "路" or token.word[1:] in ROAD_SIDES):
            if i == 0:
                continue
            stem = tokens[i - 1]  # 青杉|路, 金桥|路旁
            if not name_like(stem) or stem.tag not in ROAD_STEM_TAGS and stem.word in _frequencies():
                continue
            begin = stem.start
        elif token.end == end and 3 <= len(token.word) <= 4 and token.word not in _frequencies() \
                and token.tag in ("ns", "nz", "n"):
            begin = token.start  # 云林路: one word jieba made up (not a verb 不换路, a person 张之路)
        else:
            continue
        if not 2 <= end - begin - 1 <= 3 or not all_han(text[begin:end]) \
                or taken.overlaps(begin, end) or not _road_alone(view, token, end):
            continue
        name = text[begin:end]
        found.append(Mention(begin, end, name, PLACE, PLACE, name, "place-road"))
        view.add_place(begin, end, "")
    return found


def _road_alone(view: View, token, end: int) -> bool:
    """Nothing name-like continues the road's name: a pause, a conjunction or a side of it follows."""
    if token.end > end:
        return True  # 路旁 as one word
    if end >= len(view.text):
        return True
    nxt = view.tokens[view.token_index(end)]
    return nxt.word in ROAD_SIDES or nxt.word in LIST_JOINS or not HAN.search(nxt.word)


COMMON_KINDS = ("小区",)
# A region of a kind: only a place's name before the word makes it one region.
REGION_KINDS = ("地区", "特区")

# Facilities and rooms: named only after a proper word (某某社区党群服务中心, 某园党群活动室).
VENUES = lexicon.cues("venue")


def _has_proper_word(view: View, begin: int, start: int) -> bool:
    """Some word of the stem is a name: a place, a proper-noun tag, or a word jieba does not know."""
    i = view.token_index(begin)
    while i < len(view.tokens) and view.tokens[i].start < start:
        token = view.tokens[i]
        if token.start in view.place_starts or token.tag in ("ns", "nr", "nrt", "nz", "nt") \
                or token.word not in _frequencies():
            return True
        i += 1
    return False


def _bare_places(view: View, known: list[Mention]) -> list[Mention]:
    """Place words without a suffix, kept only with evidence, since jieba tags many common words
    ``ns`` (普及, 美化): the short form of a suffixed place in the article (云州 for 云州市), an item
    of a list of places (广州、成都、西安等地), or a word before 等地/地区."""
    found = []
    taken = Spans((m.start, m.end) for m in known)
    suffixed = {m.name[:-len(s)]: m for m in known if m.level for s in _suffix_of(m.name)}
    local = _local_short_forms(known, suffixed)
    suffixed.update(local)
    listed = _listed_places(view)
    heads = _place_heads(view, known)
    areas = dictionary_areas()
    tokens, named = view.tokens, suffixed.keys() | heads | areas.keys() | lexicon.countries()
    evidence = listed.union(view.indexes(named, tag="ns"))
    for i in sorted(evidence):  # only the words with some evidence: few of a long article's
        token = tokens[i]
        word = token.word
        if len(word) < 2 or not HAN_WORD.fullmatch(word) or word in lexicon.generic_places():
            continue
        if taken.covers(token.start, token.end) or _starts_longer_name(view, token.end):
            continue
        if token.end not in view.place_starts and _names_body(view, i + 1, word in suffixed):
            continue  # 云州|某某信托有限公司: the city opens a body's name; the body is located there
        # 胥江|行动支部: a body named with a local short form is named as written
        if word in suffixed and (word not in local or _stands_alone(view, i)):
            full = suffixed[word]
            mention = Mention(token.start, token.end, word, PLACE, full.subtype, full.name,
                              "place-short", level=full.level)
        elif word in areas and token.tag not in NOT_NAME_TAGS \
                and (areas[word][1] == "Province" if i in listed else _stands_alone(view, i)):
            # a listed province keeps its level (the chain of areas after it needs it); a listed
            # city stays the word it is (广州、成都等地)
            name, level = areas[word]
            mention = Mention(token.start, token.end, word, PLACE,
                              ADMINISTRATIVE_AREA if level else PLACE, name, "place-city",
                              level=level)
        elif i in listed:
            mention = Mention(token.start, token.end, word, PLACE, PLACE, word, "place-word")
        elif word in heads:
            mention = Mention(token.start, token.end, word, PLACE, PLACE, word, "place-word")
        elif word in lexicon.countries() and token.tag == "ns" and not _names_body(view, i + 1):
            mention = Mention(token.start, token.end, word, PLACE, PLACE, word, "place-country")
        elif token.tag == "ns" and (_before_place_word(view, i) or _after_place_cue(view, i)):
            mention = Mention(token.start, token.end, word, PLACE, PLACE, word, "place-word")
        else:
            continue
        found.append(mention)
        view.add_place(token.start, token.end, mention.level)
    return found


NOT_NAME_TAGS = frozenset({"v", "d", "p", "c", "u", "r", "m", "q"})


_ROAD_AFTER = re.compile("[0-9一二三四五六七八九十东西南北中]{0,3}(?:"
                         + lexicon.alternation(lexicon.cues("road")) + "|街(?!道))")


def _stands_alone(view: View, i: int) -> bool:
    """A bare city word names the city when nothing name-like follows it (云溪讯, 在梅川，) or an area
    of it does (云溪|青川街道); 云州|信托有限公司, 梅港|商会 are names of their own that open with it."""
    if i and view.tokens[i - 1].word in lexicon.surnames():
        return False  # 王|青山: a given name after its surname
    if i + 1 >= len(view.tokens):
        return True
    if _ROAD_AFTER.match(view.text, view.tokens[i].end):
        return False  # 中山|四路, 解放|北路: a road named after the city
    nxt = view.tokens[i + 1]
    return nxt.start in view.place_starts or nxt.word == "讯" or not name_like(nxt) \
        or nxt.word in lexicon.other_place_suffixes() \
        or _narrower_area(view, i)  # 某市|工业园


def _narrower_area(view: View, i: int) -> bool:
    """某省|某市, 某市|某县 written bare one after the other (某省|某市: 湘北|云州): the second is an area the
    dictionary knows, of a narrower level, so the first is where it lies, not the head of a name;
    unless the words after them name a body (某省|某市|商会, 某省|某县|某某银行), whose name opens
    with both."""
    areas, word, nxt = dictionary_areas(), view.tokens[i].word, view.tokens[i + 1].word
    if nxt in areas:
        narrower = areas[word][1] == "Province" and areas[nxt][1] == "City"
    elif nxt + CITY in lexicon.division_names():  # 山西|介休: a city the dictionary does not hold
        narrower = areas[word][1] == "Province"
    else:
        narrower = nxt in dictionary_stems()
    return narrower and not _names_body(view, i + 2)


BRANCH = ("分", "支")  # 分局, 分行, 支行, 分公司: a branch named after the area it serves


def _names_body(view: View, i: int, named: bool = False) -> bool:
    """Do the name-like words from token ``i`` on end in an organisation suffix (云州|商会)?
    ``named`` (a short form of an area the article names in full): a bare suffix right after it
    counts only for a company or a branch (云州|公司, 某局云州|分局: a body's branch there);
    白鹭|工商联 is the area's own body, which context.py names after the area in full."""
    suffixes = lexicon.long_org_suffixes()
    first = i
    while i < len(view.tokens) and name_like(view.tokens[i]):
        word = view.tokens[i].word
        if word.endswith(suffixes):
            return not named or i > first or word.startswith(BRANCH) \
                or lexicon.org_suffixes().get(word, "Enterprise") == "Enterprise"
        i += 1
    return False


def _names_a_place(word: str) -> bool:
    """A place's name: a word jieba's dictionary tags as one, or a word it does not know."""
    return word in _place_words() or word not in _frequencies()


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset(segment.place_words())


@lru_cache(maxsize=1)
def dictionary_areas() -> dict[str, tuple[str, str]]:
    """Bare word → (the area's name, its level), for the words whose form with 市 or 省 jieba's
    reference dictionary knows as a place name (某州市, tagged ns). Written bare in the genre (今日
    某州讯, 某州|某街道), they name that area. Its tags for the bare word itself vary (a city may be
    tagged a, nr or vn). A word that names both is the province.

    The name is the one the national table of divisions holds now: the same (某州市), the
    district a city became (萧山市 → 萧山区), the autonomous region a province-level name opens
    (新疆 → 新疆维吾尔自治区). A form the table lacks (a foreign or an old one: 东京市, 松江省) names
    a place by the bare word, with no level, where the dictionary knows the bare word as a place
    name too (东京) or as a rare word (阿比让); a common word glued to a suffix names no area
    (北方省, 各省市, 珠宝市)."""
    words, official = _frequencies(), lexicon.division_names()
    regions = [name for code, name in lexicon.divisions()
               if code.endswith("0000") and name.endswith("自治区")]
    places = _place_words()
    bare_words = dict.fromkeys(w[:-1] for w in segment.place_words()
                               if w[-1] in "市省" and 3 <= len(w) <= 4 and w[:-1] in words
                               and w[:-1] not in lexicon.generic_places())
    areas = {}
    for bare in bare_words:
        region = next((name for name in regions if name.startswith(bare)), None)
        if bare + "省" in official:
            areas[bare] = (bare + "省", "Province")
        elif region:
            areas[bare] = (region, "Province")
        elif bare + "市" in official:
            areas[bare] = (bare + "市", "City")
        elif bare + "区" in official:
            areas[bare] = (bare + "区", "District")
        elif bare in places or words[bare] < COMMON_STEM:
            areas[bare] = (bare, "")
    return areas


# The levels (市, 县, 区) of the place words in jieba's dictionary whose stem names an area.
DICTIONARY_LEVELS = frozenset(lexicon.cues("dictionary-level"))


@lru_cache(maxsize=1)
def dictionary_stems() -> frozenset[str]:
    """Words whose form with 市, 县 or 区 jieba's reference dictionary knows as a place name (安定 of
    安定区, 正定 of 正定县): before a one-character level suffix they are an area's name, whatever
    jieba tags the bare word (安定 v, 正定 d; a county since renamed a district keeps its entry). Only
    rare words: a common one (中心, 平安) is a word first."""
    common = _frequencies()
    return frozenset(w[:-1] for w in segment.place_words()
                     if w[-1] in DICTIONARY_LEVELS and 3 <= len(w) <= 4 and w[:-1] in common
                     and common[w[:-1]] < RARE and w[:-1] not in lexicon.generic_places())


def _place_heads(view: View, known: list[Mention]) -> set[str]:
    """Place words that open a longer place name in the article (宁溪 of 宁溪经开区): standing alone
    elsewhere in the article they name that place."""
    heads = set()
    for m in known:
        token = view.tokens[view.token_index(m.start)]
        if m.level and token.start == m.start and token.end < m.end and token.tag == "ns" \
                and len(token.word) >= 2:
            heads.add(token.word)
    return heads


# The levels a bare area name is tried with, in order (云州 → 云州市).
BARE_AREA_LEVELS = lexicon.cues("bare-area-level")


def _local_short_forms(known: list[Mention], taken: dict) -> dict[str, Mention]:
    """了解了良梨的…: a town's, subdistrict's, community's or village's stem written alone is that
    area, when the stem is a name jieba does not know as a word (a common word such as 幸福 of
    幸福社区 is written for itself far more often than for the community). Only where the stem
    stands alone (_bare_places): before a body's words it opens the body's name as written."""
    levels = lexicon.place_suffixes()
    out = {}
    for m in known:
        if RANK.get(m.level, 0) < RANK["Town"]:
            continue
        suffix = max((s for s in levels if m.name.endswith(s) and levels[s] == m.level), key=len,
                     default="")
        stem = m.name[:-len(suffix)] if suffix else ""
        if len(stem) >= 2 and stem not in taken and all_han(stem) and stem not in _frequencies():
            out.setdefault(stem, m)
    return out


def _suffix_of(name: str) -> list[str]:
    return [s for s in BARE_AREA_LEVELS if name.endswith(s) and len(name) > len(s) + 1]


def _listed_places(view: View) -> set[int]:
    """Token indexes of the items of 、-lists of short words, most of them tagged ``ns``."""
    tokens, out = view.tokens, set()
    for items in view.joined_items(("、", "和", "及")):
        shaped = [k for k in items if 2 <= len(tokens[k].word) <= 4
                  and all_han(tokens[k].word)
                  and tokens[k].word[0] not in NUMERALS]  # 三中、四中全会: plenums, not places
        places = [k for k in shaped if tokens[k].tag == "ns"]
        if len(shaped) == len(items) and 2 * len(places) > len(items):
            out.update(items)
    return out


PLACE_CUES = lexicon.cues("place-cue")


def _after_place_cue(view: View, i: int) -> bool:
    """在/赴/来自 X，: a place word after a verb of place, followed by a pause or 的."""
    before = view.tokens[i - 1].word if i else ""
    after = view.tokens[i + 1].word if i + 1 < len(view.tokens) else "。"
    return before in PLACE_CUES and (after in "，。、；的" or not HAN.search(after))


# What follows a place word (等地, 一带, 籍).
PLACE_WORD_AFTER = lexicon.cues("place-word-after")


def _before_place_word(view: View, i: int) -> bool:
    nxt = view.tokens[i + 1].word if i + 1 < len(view.tokens) else ""
    return nxt in PLACE_WORD_AFTER


def _starts_longer_name(view: View, end: int) -> bool:
    """云州|工业… : a place word glued to a following name word is part of that name, not alone."""
    i = view.token_index(end)
    if end >= len(view.text):
        return False
    nxt = view.tokens[i]
    return nxt.word in lexicon.place_suffixes()


def _drop_nested_same(mentions: list[Mention]) -> list[Mention]:
    """Keep one mention per span (the first found, which carries the longest suffix), and not an
    area that another found at the same start continues by a level's suffix (沙县 of 沙县|区, a
    county become a district)."""
    seen, out = set(), []
    longer = {(m.start, m.name[:k]) for m in mentions if m.level
              for k in range(1, len(m.name)) if m.name[k:] in lexicon.place_suffixes()}
    for m in mentions:
        if (m.start, m.end) not in seen and not (m.level and (m.start, m.name) in longer):
            seen.add((m.start, m.end))
            out.append(m)
    return out
