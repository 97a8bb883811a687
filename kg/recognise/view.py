"""A tokenised view of one article that the recognisers share, and the left-extension of names.

Chinese names end with a telling suffix (街道, 党工委, 有限公司) and start wherever the words that
can be part of a name stop: a verb, a function word, punctuation or a generic modifier. jieba's
part-of-speech tags are noisy for place names (it tags some place stems as verbs), so a "verb" stops a name only
when jieba's reference dictionary knows it as a common word.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import compress, count
from operator import itemgetter, or_
from typing import Iterator

from kg import segment, vocab
from kg.recognise import lexicon

# Tags of words that can be part of a name (jieba tag set).
NAME_TAGS = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "vn", "b", "an", "ng", "eng",
                       "l", "g", "zg", "tg", "s", "a", "v", "nl", "ag"})
# Age groups jieba tags as time words (t): inside names of bodies for them (老年协会, 青年联合会).
AGE_GROUPS = frozenset(lexicon.cues("age-group"))
# Function words that never sit inside a name even when jieba tags them as nouns.
STOP_WORDS = frozenset(lexicon.cues("stop-word"))
CITY = vocab.LEVELS["City"].label  # 市
ACROSS_LEVEL = lexicon.cues("across-level")  # 市场, 城乡: common words, no area ends inside
COMMON_VERB_FREQ = 5  # a tagged verb this frequent in jieba's dictionary is a real verb (a place stem tagged as a verb is near 0)
HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_ONLY = re.compile(r"[\u3400-\u9fff]*")
MAX_NAME = 24
# Words jieba glues to the end of a name (领导小组|会议 cut as 小组会议, 区|委 cut as 区委,
# 人大|代表 cut as 人大代表).
GLUED_AFTER = frozenset(lexicon.cues("glued-after-name"))
INCOMPLETE = "?"  # Mention.scope of a name that needs the article to say which body it is


@lru_cache(maxsize=1)
def _frequencies() -> segment.Frequencies:
    """Word → frequency in jieba's reference dictionary (what rjieba embeds too)."""
    return segment.frequencies()


@dataclass
class View:
    text: str
    tokens: list[segment.Token]
    starts: list[int] = field(init=False)
    places: dict[tuple[int, int], str] = field(default_factory=dict)  # span → level; add_place fills it
    # Indexes over ``places`` so that a lookup costs O(1), not a scan of every place found so far.
    place_starts: set[int] = field(default_factory=set)
    _place_ends: dict[int, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.starts = list(map(itemgetter(0), self.tokens))

    def add_place(self, start: int, end: int, level: str) -> None:
        """Record a place name the other recognisers stop at (or take in)."""
        self.places[(start, end)] = level
        self.place_starts.add(start)
        self._place_ends.setdefault(end, (start, end))

    @classmethod
    def of(cls, text: str) -> "View":
        return cls(text, segment.tag(text))

    @cached_property
    def words(self) -> list[str]:
        return list(map(itemgetter(2), self.tokens))  # Token is a tuple: (start, end, word, tag)

    def indexes(self, words, tag: str | None = None) -> Iterator[int]:
        """Indexes of the tokens whose word is in ``words`` (or, with ``tag``, tagged so); the scan
        runs in C (map, compress): a long article has millions of tokens and few qualify."""
        hits = map(words.__contains__, self.words)
        if tag is not None:
            hits = map(or_, hits, map(tag.__eq__, map(itemgetter(3), self.tokens)))
        return compress(count(), hits)

    def joined_items(self, joins: tuple[str, ...]) -> list[list[int]]:
        """Token indexes of the items of every list ``A、B、C`` (items joined by one of ``joins``),
        left to right, each token in one list at most. Only the joins are visited."""
        words = self.words
        lists, free = [], 0
        for j in list(compress(count(), map(set(joins).__contains__, words))):  # in C
            if j - 1 < free:
                continue
            items = [j - 1]
            while items[-1] + 2 < len(words) and words[items[-1] + 1] in joins:
                items.append(items[-1] + 2)
            free = items[-1] + 1
            if len(items) >= 2:
                lists.append(items)
        return lists

    def token_index(self, offset: int) -> int:
        """Index of the token that contains ``offset``."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def is_boundary(self, offset: int) -> bool:
        """True when a token starts (or the text ends) at ``offset``."""
        if offset >= len(self.text):
            return True
        return self.tokens[self.token_index(offset)].start == offset

    def ends_name(self, offset: int) -> bool:
        """Can a name end at ``offset``: a word boundary, or a title glued on (商会|会长, 党委|书记),
        or a body's suffix and its title (某镇|商会会长: the town, then its chamber's president)."""
        if self.is_boundary(offset):
            return True
        token = self.tokens[self.token_index(offset)]
        rest = self.text[offset:token.end]
        if rest in lexicon.titles() or rest in lexicon.org_suffixes() or rest in GLUED_AFTER:
            return True
        suffix = lexicon.affixes(lexicon.org_suffixes).starting_at(rest, 0)
        return suffix is not None and rest[len(suffix):] in lexicon.titles()

    def inside_title(self, pos: int) -> bool:
        """Inside an open 《…》 title: the last 《 before ``pos`` closes after it. Looked up in
        indexes of the marks, since searching the text back and forth per call is quadratic."""
        opens, closes = self._title_marks
        k = bisect.bisect_left(opens, pos)
        if k == 0:
            return False
        c = bisect.bisect_left(closes, opens[k - 1])
        return c < len(closes) and closes[c] > pos

    @cached_property
    def _title_marks(self) -> tuple[list[int], list[int]]:
        return ([m.start() for m in re.finditer("《", self.text)],
                [m.start() for m in re.finditer("》", self.text)])

    def place_ending_at(self, end: int) -> tuple[int, int] | None:
        """The first place recorded that ends at ``end``."""
        return self._place_ends.get(end)


def all_han(text: str) -> bool:
    """Every character is Han (true of ""): one regex, not a test per character."""
    return _HAN_ONLY.fullmatch(text) is not None


def name_like(token: segment.Token) -> bool:
    """Can this token be part of a name?"""
    word = token.word
    if word in STOP_WORDS or token.tag not in NAME_TAGS and word not in AGE_GROUPS \
            and not _made_up_locality(token) and not _rare_character(token) \
            or not HAN.search(word) and token.tag != "eng":
        return False
    if word in lexicon.generic_words() or word in lexicon.titles() or word in lexicon.lead_words():
        return False
    if word in lexicon.place_suffixes():
        return False  # a bare 街道, 社区 ends the name before it; it does not start this one
    if token.tag in ("a", "v") and word + CITY in lexicon.division_names():
        return True  # 遵义|医科大学, 常熟|理工学院: a city's name without 市, which jieba reads as a word
    if token.tag == "a" and len(word) > 1:
        return False
    if len(word) >= 3 and word[0] == "在" and (word in _frequencies() or word[-1] in LOCATIVES):
        return False  # 在讲话中, 在会上: a phrase jieba keeps whole (在秀园 is 在 glued to a name)
    if len(word) == 2 and word[1] in GLUED_AFTER_NAME and word not in _frequencies():
        return False  # 王明|华任|青松社区, 王明|华向|某公司: a name's last character glued to the word after it
    if len(word) == 3 and token.tag.startswith("nr") and word[2] in GLUED_AFTER_NAME \
            and word not in _frequencies():
        return False  # 区委书记|李华到|某公司: a name glued to the verb or preposition after it
    if token.tag == "v" and _frequencies().get(word, 0) >= COMMON_VERB_FREQ:
        return False
    if len(word) >= 2 and word.endswith(PREPOSITION_ENDS) and not token.tag.startswith(("n", "j")):
        return False  # 拟于|清江|村, 坐落于|某村: a verb and its preposition, before the name
    return True


def _rare_character(token: segment.Token) -> bool:
    """大|碶|街道, 塘|岙|村: a Han character jieba's dictionary does not hold, which it tags as it
    tags punctuation (x): in this genre, a character of a place's name."""
    return token.tag == "x" and len(token.word) == 1 and HAN.match(token.word) is not None


def _made_up_locality(token: segment.Token) -> bool:
    """仓前|街道: a word jieba's dictionary does not hold, which it tags a locality word (f) for the
    direction character that ends it (前, 后, 东): a place's name. Not a time (周后) nor a word
    ending in 中 or 里 (周中|联盟杯, 元中: those are phrases cut apart)."""
    word = token.word
    return token.tag == "f" and len(word) >= 2 and word[-1] in DIRECTIONS \
        and word[0] not in TIMES and word not in _frequencies()


# The direction characters that end a made-up place name (仓前), what closes a phrase opened by 在
# (在会上, 在工作中), and the verbs and prepositions jieba glues to the end of a name (李华到,
# 王明|华向): kg/data/cue_words.txt.
DIRECTIONS = frozenset(lexicon.cues("direction"))
LOCATIVES = frozenset(lexicon.cues("locative-close"))
GLUED_AFTER_NAME = frozenset(lexicon.cues("glued-to-name-end"))
PREPOSITION_ENDS = lexicon.cues("preposition-end")


def proper_word(token: segment.Token) -> bool:
    """A word that can carry a name's suffix inside it: a proper-noun tag or a word jieba made up
    (枫林区, 云州市); not a common noun such as 格局 or 大局."""
    word = token.word
    if word in lexicon.generic_places():
        return False
    if token.tag in ("ns", "nt", "nz", "nr", "nrt", "nrfg", "j", "l") or not _frequencies().get(word):
        return True
    # 审计局, 发展局: a longer word that carries the suffix, unless it ends with a common noun (大格局)
    return len(word) >= 3 and not word.endswith(_long_generic_places())


@lru_cache(maxsize=1)
def _long_generic_places() -> tuple[str, ...]:
    return tuple(g for g in lexicon.generic_places() if len(g) >= 2)


def extend_left(view: View, start: int, *, max_places: int = 1, limit: int = MAX_NAME,
                max_words: int = 12, brackets: bool = True, verbs: bool = True) -> int:
    """Where a name that ends with the suffix at ``start`` begins (``start`` itself if nowhere left).

    The name takes in name-like words leftwards, a bracketed part such as （云州）, and at most
    ``max_places`` place names: in 云州市溪山区工商联 the body is 溪山区工商联, and 云州市 is where it is.
    """
    tokens = view.tokens
    suffix_start = start
    i = view.token_index(start)
    if tokens[i].start < start:  # the suffix starts inside a word: 枫林区|委 → take the word
        if not name_like(tokens[i]) or not proper_word(tokens[i]):
            return start
        start = tokens[i].start
    places = words = 0
    i = view.token_index(start) - 1
    while i >= 0 and suffix_start - tokens[i].start <= limit and words < max_words:
        token = tokens[i]
        words += 1
        # 某某街道“331”机制办, “某某”党建联盟, ‘某某’志愿服务队: a short quoted part right before the
        # suffix or before one word of it
        if token.word in QUOTE_PAIRS and brackets and words <= 2:
            opening = view.text.rfind(QUOTE_PAIRS[token.word], max(0, token.start - 8), token.start)
            if opening < 0 or not view.text[opening + 1:token.start].strip():
                break
            start, i = opening, view.token_index(opening) - 1
            continue
        if token.word == "）" and brackets:
            opening = _matching_open(view, token.start)
            if opening is None:
                break
            start, i = opening, view.token_index(opening) - 1
            continue
        place = view.place_ending_at(token.end)
        if place is not None:
            places += 1
            if places > max_places:
                break
            start = place[0]
            # 吉阳|区鸿港|社区: jieba glued the wider area's suffix to this place's name, so the
            # wider area ends inside a token, where no token's end would find it
            if view.place_ending_at(start) is not None and places == max_places:
                break
            i = view.token_index(start) - 1
            continue
        if token.word == "和" and not places and start == token.end:
            head = _conjoined_head(view, i)
            if head is not None:  # 人力资源和社会保障局: two fields joined inside one name
                start, i = view.tokens[head].start, head - 1
                continue
        if COUNTED.fullmatch(token.word):
            break  # 某小学、某小学五所|学校: a count closes the list before it, it opens no name
        if token.word[0] in DATE_UNITS and i > 0 and tokens[i - 1].word[-1].isdigit():
            break  # 5月3|日电|某某部: the end of a date (a dateline) opens no name
        if not name_like(token) and not ORDINAL.fullmatch(token.word) \
                and not (verbs and words <= 2 and _verb_inside_name(view, i)) \
                and not _numbered_unit(view, i, start):
            break
        if places and (token.tag not in PROPER_TAGS or token.tag in PERSON_TAGS):
            break  # before a place only a proper name continues the name (工商银行|云州园区支行),
            # not a person's (严肃处理|化隆县卫生局: jieba tags the verb phrase a name)
        start = token.start
        i -= 1
    return _drop_generic_head(view, start, suffix_start)


def _numbered_unit(view: View, i: int, start: int) -> bool:
    """中铁|二十|局|集团: a numeral between a name and the one-character unit it numbers (a group's
    twentieth bureau), where the name read so far starts with that unit; not a count (某区|五|所)."""
    tokens = view.tokens
    token = tokens[i]
    if token.tag != "m" or not all(c in NUMERALS for c in token.word) \
            or not 0 < i < len(tokens) - 1:
        return False
    unit = tokens[i + 1]
    return unit.start == start and len(unit.word) == 1 \
        and not COUNTED.fullmatch(token.word + unit.word) and name_like(tokens[i - 1])


QUOTE_PAIRS = {"”": "“", "’": "‘"}  # closing → opening
QUOTE_OPENINGS = frozenset(QUOTE_PAIRS.values())
# 第一党支部, 附属第二医院: an ordinal numbers a unit inside a name
ORDINAL = re.compile("第[一二三四五六七八九十]{1,3}")
# a number and a classifier as one word (五所, 3家, 两个): jieba tags some of them as names (五所 j)
NUMERALS = frozenset(lexicon.cues("numeral"))
NUMBER = "[0-9一二三四五六七八九十两百千几多]+"  # 3, 五, 两, 百, 几: a count written in digits or words
COUNTED = re.compile(NUMBER + "[个家所名位支座条项批大]")  # 三大: a number of big ones
DATE_UNITS = "".join(lexicon.cues("date-unit"))  # 年, 月
TIMES = frozenset(DATE_UNITS) | frozenset(lexicon.cues("time-unit"))  # what a time phrase opens with
RARE_VERB = 6000  # 治理, 创新, 就业 can sit inside a name (社会治理局); 采用, 召开 cannot
PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng"})
PERSON_TAGS = frozenset({"nr", "nrt", "nrfg"})
NOUN_TAGS = frozenset({"n", "nr", "nrt", "ns", "nt", "nz", "j", "l", "vn"})


def _verb_inside_name(view: View, i: int) -> bool:
    """社会|治理|局, 新|就业|群体: a verb between two nouns is part of a name (not 推动X, 紧扣X)."""
    token = view.tokens[i]
    if token.tag != "v" or token.word in lexicon.lead_words() or token.word in STOP_WORDS or i == 0:
        return False
    if _frequencies().get(token.word, 0) >= RARE_VERB and token.word not in lexicon.org_trades():
        return False  # 采用, 召开; but 某某房地产|开发|有限公司: the trade a company is named for
    nxt = view.tokens[i + 1] if i + 1 < len(view.tokens) else None
    if nxt is not None and nxt.word in QUOTE_OPENINGS:
        return False  # 某社区|开设|“四点半”学校: the verb governs the quoted name
    if nxt is not None and token.word in lexicon.org_trades() and nxt.word in lexicon.org_middles():
        return True  # 成立了|快递|行业|党支部: a trade before its sector's word names the sector
    left = view.tokens[i - 1]
    if left.word.endswith(_body_suffixes()) and i + 1 < len(view.tokens) \
            and view.tokens[i + 1].word in lexicon.org_suffixes():
        return False  # 某党工委|下辖|党委: a verb between two bodies relates them (not 医院|急诊|科)
    if view.place_ending_at(left.end) is not None or left.word in lexicon.place_suffixes():
        return True  # 某街道|集成|指挥中心
    return (left.tag in NOUN_TAGS or left.tag == "a" and len(left.word) == 1) and name_like(left)


# A level word written alone (市工商联): it opens a name.
BARE_LEVELS = lexicon.cues("bare-level")


def _conjoined_head(view: View, i: int) -> int | None:
    """Index of the first word of the field before 和 (``tokens[i]``) when 和 joins two fields
    inside one agency name (人力资源和社会保障局, 住房和城乡建设局): one or two plain nouns of at
    most six characters that open the name, i.e. stand after punctuation, a place or a level
    word. 区委和区政府, 推动企业和社会发展 are two things, not one name."""
    k, size = i - 1, 0
    while k >= 0 and i - k <= 2:
        token = view.tokens[k]
        trade = token.word in lexicon.org_trades()  # 住房|保障|和…: jieba tags 保障 a verb
        if token.tag not in ("n", "vn") and not trade or not (trade or name_like(token)) \
                or not proper_field(token):
            break
        size += len(token.word)
        k -= 1
    if k == i - 1 or size > 6:
        return None
    if k >= 0:
        before = view.tokens[k]
        opens = not HAN.search(before.word) or view.place_ending_at(before.end) is not None \
            or before.word in BARE_LEVELS
        if not opens:
            return None
    return k + 1


def proper_field(token: segment.Token) -> bool:
    """A field word, not a name or body of its own (区委, 街道 end a name; they do not join one;
    nor does a commission or an office written short: 体委, 外办)."""
    return not any(token.word.endswith(s) for s in lexicon.org_suffixes()) \
        and not token.word.endswith(("委", "办")) and token.word not in lexicon.place_suffixes()


def _matching_open(view: View, close: int) -> int | None:
    """Start of the （…） that ends at ``close`` when its content is a short name."""
    opening = view.text.rfind("（", max(0, close - 12), close)
    if opening < 0 or not all_han(view.text[opening + 1:close]):
        return None
    return opening if opening + 1 < close else None


@lru_cache(maxsize=1)
def _body_suffixes() -> tuple[str, ...]:
    return tuple(s for s in lexicon.org_suffixes() if len(s) >= 2)


@lru_cache(maxsize=1)
def _generic_or_lead_words() -> frozenset[str]:
    return lexicon.generic_words() | lexicon.lead_words()


def _names_a_road(view: View, i: int) -> bool:
    """胜利|路|实验小学: a common word before 路 names the road the body is named after."""
    return i + 1 < len(view.tokens) and view.tokens[i + 1].word == "路"


def _glued_lead(word: str) -> bool:
    """通过参观|商会: jieba glued a verb before names to the next word, into a word its dictionary
    hardly knows; the word opens no name."""
    return len(word) >= 3 and word.startswith(_long_lead_words()) \
        and _frequencies().get(word, 0) < COMMON_VERB_FREQ


@lru_cache(maxsize=1)
def _long_lead_words() -> tuple[str, ...]:
    return tuple(w for w in lexicon.lead_words() if len(w) >= 2)


def _drop_generic_head(view: View, start: int, stop: int) -> int:
    """Skip leading generic words (各, 基层, 相关 …) and verbs before names (全面启动 …):
    各基层商会 → 商会 (then generic), 全面启动天元中学 → 天元中学."""
    skip = _generic_or_lead_words()
    while start < stop:
        i = view.token_index(start)
        token = view.tokens[i]
        if token.start == start and (token.word in skip or token.tag in ("vn", "d", "ad", "p", "c")
                                     and _frequencies().get(token.word, 0) >= 1000
                                     and not _names_a_road(view, i)
                                     or _glued_lead(token.word)):
            start = token.end
            continue
        return start
    return start
