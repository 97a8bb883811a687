"""People: a surname-led name of two or three characters in a context that marks a person.

Cues (any one suffices): a title or role noun right before the name (队长钱丽丽, 居民周德明, the end
of a title chain …副主任孙海涛), a verb of saying right after it (…方志远说), an ethnic descriptor
(维吾尔族志愿者阿依古丽, where the name has no Han surname), or a line that holds only names (a
byline or a photo credit: 钱立群 吴永, 沈国华 摄). jieba's own person tags alone are too noisy (it tags
智慧, 晋级 as names), so they only help to decide between a two- and a three-character name.
Forms of address (张师傅, 小陆, 老王) are not names.

The statistical tagger (kg/recognise/tagger.py) proposes names without a cue (会上，李振国介绍了
情况; 镇领导A、B、C; 王秀英阿姨), and sets the end of a name the rules cut (钱宝|强). The rules gate
its proposals (``tagger_name``: a known surname and a one- or two-character given name, or a
foreign or ethnic name the tagger is very sure of; not a dictionary word, title, form of address,
body or doctrine), and a name no rule found needs the tagger's confidence or a cue beside it.
Places and organisations that cover a name win later (kg/recognise/__init__.py).
``Mention.rule`` says who found a name: "tagger" (the tagger alone), "tagger+cue" (the tagger,
with a title or form of address beside the name), "person-title+tagger" (a rule and the tagger
agree; the tagger's span is kept), or the rule alone ("person-title"). docs/ner.md has the numbers.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Mention
from kg.recognise import lexicon, tagger
from kg.recognise.view import GLUED_AFTER_NAME, View, _frequencies
from kg.vocab import PERSON

DATELINE = re.compile(r"本报讯（(?P<names>[\u4e00-\u9fff ]{2,20})）")
QUOTED_SPEAKER = re.compile(r"(?<=[”：])(?P<name>[\u4e00-\u9fff]{2,3}?)(?="
                            + lexicon.alternation(lexicon.cues("after-quote-speech")) + ")")
ETHNIC = re.compile(r"[\u4e00-\u9fff]{1,3}族"
                    r"(?:[\u4e00-\u9fff]{0,4}?(?:" + lexicon.alternation(lexicon.cues("ethnic-person"))
                    + r"))?(?P<name>[\u4e00-\u9fff]{2,5}?)(?="
                    + lexicon.alternation(lexicon.cues("ethnic-speech")) + ")")


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern:
    cues = set(lexicon.titles()) | set(lexicon.person_cues())
    # a lookahead, so that overlapping cues all count (…志愿者服务队队长X: 志愿者 and 队长)
    guarded = lexicon.alternation(cues, guarded=True)
    return re.compile("(?=" + guarded + r"(?P<rest>[\u4e00-\u9fff]{2,4}))")


@lru_cache(maxsize=1)
def _speech_pattern() -> re.Pattern:
    verbs = lexicon.alternation(lexicon.speech_verbs())
    return re.compile(r"(?P<name>[\u4e00-\u9fff]{2,3})(?=" + verbs + ")")


def recognise_persons(view: View, tagged: list[tuple[int, int, str, float]] | None = None
                      ) -> list[Mention]:
    """Persons of the article; ``tagged``: the tagger's scored spans of ``view.text``
    (``tagger.tag_scored``; tagged here when None and the model is installed)."""
    found: dict[tuple[int, int], Mention] = {}
    for start, end, rule in _candidates(view):
        name = view.text[start:end]
        # the ethnic rule wins a tie: its names need no surname (维吾尔族志愿者阿依古丽说)
        if _is_name(name, surname_led=rule != "person-ethnic") \
                and ((start, end) not in found or rule == "person-ethnic"):
            found[(start, end)] = Mention(start, end, name, PERSON, PERSON, name, rule)
    ruled = _drop_overlaps(list(found.values()))
    if tagged is None:
        if not tagger.available():
            return ruled  # rules alone: a checkout without the model (docs/ner.md)
        tagged = tagger.tag_scored(view.text, view.tokens)
    names = [(s, _trim(view, s, e), p) for s, e, kind, p in tagged if kind == "PER"]
    gated = [(s, e, p, kind) for s, e, p in names for kind in [tagger_name(view, s, e)] if kind]
    return _longer_forms(view.text, _merge(view, ruled, gated))


def _longer_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """会长王明|谈分享: a two-character name followed by the third character of a three-character
    name found elsewhere in the article is that name (jieba cut it short here only). And a name
    right after a compound surname it lacks is the whole name: 书记上官|明华, 书记公|孙明华."""
    longer = {m.text for m in mentions if len(m.text) == 3 and _surname_len(m.text, 0) == 1}
    out = []
    for m in mentions:
        start, end = m.start, m.end
        if len(m.text) == 2 and text[start:end + 1] in longer:
            end += 1
        compound = next((k for k in (2, 1) if start >= k and len(text[start - k:start + 2 - k]) == 2
                         and text[start - k:start + 2 - k] in _compound_surnames()), 0)
        if compound and (end - start) + compound <= 4 and _surname_len(text, start) != 2 \
                and not text.endswith(lexicon.titles(), 0, start):
            start -= compound  # not 部长|孙某某: the 长 of 长孙 is the title's
        if (start, end) != (m.start, m.end):
            m = Mention(start, end, text[start:end], PERSON, PERSON, text[start:end], m.rule)
        out.append(m)
    return _drop_overlaps(out)


@lru_cache(maxsize=1)
def _compound_surnames() -> frozenset[str]:
    return frozenset(s for s in lexicon.surnames() if len(s) == 2)


JOINS = frozenset(lexicon.cues("joined-after-name"))  # a conjunction after a two-character name is not its third character


def _trim(view: View, start: int, end: int) -> int:
    """The end of a tagged name without a conjunction glued on (沈国及副部长… → 沈国), nor an
    adverb or a verb glued to a three-character name (胡云鸿正|带领 → 胡云鸿: a name with one
    surname has three characters at most)."""
    text = view.text
    if end - start == 3 and text[end - 1] in JOINS and _surname_len(text, start) == 1:
        return end - 1
    if end - start == 4 and text[end - 1] in GLUED_AFTER_NAME and _surname_len(text, start) == 1:
        return end - 1
    return end


# A "name" ending so is a place or a body (卫生室, 王庄村, 李家镇), never a person's.
BODY_ENDS = frozenset(lexicon.cues("place-or-body-end") + lexicon.cues("room-or-shop-end"))
QUOTES = ("“", "”", "‘", "’", "「", "」", "《", "》")
# A leader's name that opens the name of a doctrine (邓小平理论, 毛泽东思想)
# is part of that name, not a mention of the person.
DOCTRINE = lexicon.cues("doctrine")


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]*")
FOREIGN = re.compile(r"[\u4e00-\u9fff]+(?:[·•][\u4e00-\u9fff]+)*")  # 托马斯·哈斯


def tagger_name(view: View, start: int, end: int) -> str | None:
    """The gate for a name the tagger proposes. "han": 2–3 Han characters after a known surname
    (3–4 after a compound one), not a form of address or a title; "other": a name without a
    known surname (谢苗诺娃, 托马斯·哈斯, 阿依古丽), 2–8 characters; None: not a name. Neither
    may end like a body (卫生室), be quoted (“齐心堂、乐享汇” are brands), open a doctrine's name
    or be a dictionary word jieba does not know as a name (王平 is in its dictionary as nr, 沙龙
    as a noun)."""
    text = view.text
    name = text[start:end]
    surname = _surname_len(name, 0)
    if surname and 1 <= len(name) - surname <= 2 and _is_han(name):
        kind = "han" if _is_name(name) else None
    elif 2 <= len(name) <= 8 and FOREIGN.fullmatch(name) and name[0] not in "小老" \
            and name not in lexicon.titles() and name not in lexicon.person_cues() \
            and not name.endswith(lexicon.non_name_endings()):
        kind = "other"
    else:
        return None
    if kind is None or name[-1] in BODY_ENDS and len(name) > 2:
        return None
    if text[start - 1:start] in QUOTES or text[end:end + 1] in QUOTES:
        return None
    if text.startswith(DOCTRINE, end):
        return None
    if _common_word(name) or kind == "other" and _frequencies().get(name):
        token = view.tokens[view.token_index(start)]
        if not (token.start == start and token.end == end and token.tag.startswith("nr")):
            return None
    return kind


@lru_cache(maxsize=1)
def _words_beside() -> tuple[frozenset[str], frozenset[str]]:
    """Words that mark the name before them (王秀英阿姨, 何振林书记, …说) and after them (网格长X)."""
    before = set(lexicon.titles()) | set(lexicon.person_cues())
    after = before | set(lexicon.non_name_endings()) | set(lexicon.speech_verbs())
    return frozenset(before), frozenset(after)


def _cue_beside(text: str, start: int, end: int) -> bool:
    """A title or role noun right before the name, or a title, form of address or verb of saying
    right after it."""
    before, after = _words_beside()
    return any(text[start - k:start] in before for k in range(1, 6) if k <= start) \
        or any(text[end:end + k] in after for k in range(1, 6))


# The confidence a name the tagger alone proposes needs (a word read as a name, 惠民 in 便民惠民,
# has 0.66); a name without a known surname needs more.
SURE = {"han": 0.8, "other": 0.95}


def _merge(view: View, ruled: list[Mention], names: list[tuple[int, int, float, str]]) -> list[Mention]:
    """The rules' names and the tagger's: a tagger name that overlaps a rule's name replaces it
    (the tagger knows where a name ends: 周德明 not 周德, 沈国 not 沈国及), and says so in the rule;
    a tagger name no rule found must be sure (SURE)."""
    by_start: dict[int, list[Mention]] = {}
    for m in ruled:
        by_start.setdefault(m.start, []).append(m)
    out: dict[tuple[int, int], Mention] = {}
    replaced: set[tuple[int, int]] = set()
    for start, end, confidence, kind in names:
        # person names are at most 5 characters: an overlapping one starts at most 4 before
        hits = [m for s in range(start - 4, end) for m in by_start.get(s, ()) if m.end > start]
        if any(m.rule == "person-ethnic" for m in hits):
            continue  # 古丽娜尔: the rule reads a name without a Han surname better (古丽|娜尔)
        if hits:
            rule = hits[0].rule + "+tagger"
            if hits[0].rule in BOUNDED_RULES:  # the rule saw both ends: 朱中一（…书记）
                start, end = hits[0].start, hits[0].end
        elif confidence >= SURE[kind]:
            rule = "tagger"
        elif kind == "han" and _cue_beside(view.text, start, end):
            rule = "tagger+cue"
        else:
            continue
        replaced.update((m.start, m.end) for m in hits)
        name = view.text[start:end]
        out[(start, end)] = Mention(start, end, name, PERSON, PERSON, name, rule)
    for m in ruled:
        if (m.start, m.end) not in replaced and _rule_alone_ok(view, m):
            out.setdefault((m.start, m.end), m)
    return _drop_overlaps([_with_third(view, m) for m in out.values()])


# Rules that find a name between two marks (a pause before it, its bracket after it): where they
# say it ends, it ends, whatever the tagger reads (朱中|一（…）).
BOUNDED_RULES = ("person-posts", "person-copula")

# A character that, between a two-character name and a pause, is not the name's third: a verb of
# saying (王明说，), a particle or a conjunction (王明等、), a plural (们).
NOT_THIRD = frozenset(lexicon.cues("not-third"))
PAUSES = "、，；。"


def _with_third(view: View, m: Mention) -> Mention:
    """主任李文|浜，, 会长王明|谈、: after a title, a surname and one character followed by one more
    Han character and a pause is a three-character name that jieba and the tagger cut short (the
    lone character, a verb or a rare one, cannot stand between a name and a pause on its own). So
    is one followed by two characters jieba made a word of that its dictionary lacks: 主任阎会|强到,
    副主任许秦|豪为 (the third character glued to the verb after it)."""
    text, end = view.text, m.end
    before = _words_beside()[0]
    titled = m.rule.startswith("person-title") \
        or any(text[m.start - k:m.start] in before for k in range(1, 6) if k <= m.start)
    if not titled or _surname_len(m.text, 0) != 1 or len(m.text) != 2 \
            or end + 1 >= len(text) or not _is_han(text[end]) or text[end] in NOT_THIRD \
            or text[end + 1] not in PAUSES and not _glued_to_next(view, end):
        return m
    name = text[m.start:end + 1]
    if not _is_name(name) or _common_word(name):
        return m
    return Mention(m.start, end + 1, name, PERSON, PERSON, name, m.rule)


def _glued_to_next(view: View, end: int) -> bool:
    token = view.tokens[view.token_index(end)]
    return token.start == end and len(token.word) == 2 and _is_han(token.word) \
        and _frequencies().get(token.word, 0) < GLUED_WORD


PARTICLES = ("p", "c", "u", "uj", "ul", "d")  # prepositions, conjunctions, particles, adverbs; not
# verbs: 付, 管 are surnames that jieba, alone, calls verbs


def _rule_alone_ok(view: View, m: Mention) -> bool:
    """A surname-led name that a rule found and the tagger did not: not a given name of three
    characters or more (书记|高度赞扬), not a surname that is a word of its own here (书记|向|与会:
    向 is a preposition; 钱丽丽 is kept because the tagger finds it)."""
    if m.rule == "person-ethnic" or not _surname_len(m.text, 0):
        return True
    if len(m.text) - _surname_len(m.text, 0) > 2:
        return False
    token = view.tokens[view.token_index(m.start)]
    return not (token.start == m.start and token.end == m.start + 1 and token.tag in PARTICLES)


def _candidates(view: View):
    text = view.text
    for match in _cue_pattern().finditer(text):
        span = _name_at(view, match.start("rest"))
        if span:
            yield (*span, "person-title")
    for match in _speech_pattern().finditer(text):
        span = _name_ending_at(view, match.end("name"))
        if span:
            yield (*span, "person-speech")
    for match in ETHNIC.finditer(text):
        if not text.startswith("来说", match.end("name") - 1):  # 对于少数民族同胞来说: "for them"
            yield match.start("name"), match.end("name"), "person-ethnic"
    yield from _name_lines(view)
    yield from _name_lists(view)
    yield from _names_before_title(view)
    for match in DATELINE.finditer(text):
        offset = match.start("names")
        for word in match.group("names").split(" "):
            if _looks_like_name(word):
                start = text.index(word, offset)
                yield start, start + len(word), "person-dateline"
            offset += len(word) + 1
    for match in QUOTED_SPEAKER.finditer(text):
        if _surname_len(match.group("name"), 0):
            yield match.start("name"), match.end("name"), "person-speech"
    for match in _posts_in_brackets().finditer(text):
        if _looks_like_name(match.group("name")):
            yield match.start("name"), match.end("name"), "person-posts"
    for match in _one_of_them().finditer(text):
        if _looks_like_name(match.group("name")):
            yield match.start("name"), match.end("name"), "person-copula"


@lru_cache(maxsize=1)
def _one_of_them() -> re.Pattern:
    """丛某某是某镇某村的一名老党员: a name opening a clause that says it is one of a kind of
    person (一名, 一位 … 党员, 志愿者, 书记)."""
    cues = lexicon.alternation(set(lexicon.titles()) | set(lexicon.person_cues()))
    return re.compile(r"(?:^|(?<=[\n，。；：！？“]))(?P<name>[\u4e00-\u9fff]{2,3})是"
                      r"[^，。；：！？\n]{0,20}?(?:一名|一位)[^，。；：！？\n]{0,12}?" + cues, re.M)


@lru_cache(maxsize=1)
def _posts_in_brackets() -> re.Pattern:
    """封某某（青松街道党工委委员、梅林街道党工委书记）: a name opening a line or a clause, its posts
    in brackets after it (a speaker's caption, a list of those who spoke)."""
    return re.compile(r"(?:^|(?<=[\n，。；：、“]))(?P<name>[\u4e00-\u9fff]{2,3})（[^（）\n]{0,40}?"
                      + lexicon.alternation(lexicon.titles()) + r"(?:、[^（）\n]{2,40})?）", re.M)


def _name_lists(view: View):
    """刘某某和王某、徐某某、廖某某: two or more person-tagged words joined by 和/、 are people."""
    tokens = view.tokens
    for items in view.joined_items(("、", "和", "与")):
        if all(_person_word(tokens[k]) for k in items):
            for k in items:
                yield tokens[k].start, tokens[k].end, "person-list"


def _names_before_title(view: View):
    """王某某书记, 李某总经理: a word jieba tags as a surname-led name, right before a title. A
    two-character one must be a name jieba's dictionary knows: it makes up two-character "names"
    out of words it does not know (楼栋|巷长). Nor is a body whose head the title repeats
    (宣传部|部长, 某某站|站长: jieba tags 宣传部 a name, 宣 being a surname)."""
    titles = lexicon.titles()
    for token in view.tokens:
        if _person_word(token) and view.text.startswith(titles, token.end) \
                and (len(token.word) == 3 or token.word in _frequencies()) \
                and not (token.word[-1] in BODY_ENDS and view.text.startswith(token.word[-1], token.end)):
            yield token.start, token.end, "person-title"


def _person_word(token) -> bool:
    """A word jieba tags as a name, surname-led, 2–3 characters (famous names are in its dictionary)."""
    word = token.word
    return token.tag.startswith("nr") and 2 <= len(word) <= 3 and _is_han(word) \
        and bool(_surname_len(word, 0))


def apposition(view: View, orgs) -> list[Mention]:
    """某市某某研究所马某某当选: a person-tagged name right after an organisation is a member's name."""
    out = []
    for org in orgs:
        if org.end >= len(view.text):
            continue
        token = view.tokens[view.token_index(org.end)]
        if token.start == org.end and _person_word(token) and _is_name(token.word):
            out.append(Mention(token.start, token.end, token.word, PERSON, PERSON, token.word,
                               "person-apposition"))
    return out


def _name_at(view: View, start: int) -> tuple[int, int] | None:
    """The name that starts at ``start``: the jieba word there if it is a name, else two characters."""
    text = view.text
    if not _surname_len(text, start):
        return None
    token = view.tokens[view.token_index(start)]
    if token.start < start:
        return None  # the cue and the "name" are one word: 书记|项目
    if token.tag.startswith("nr") and 2 <= len(token.word) <= 4:
        # jieba sometimes splits a three-character name as 李成|春: take the loose third character
        end = _trim(view, start, token.end)
        nxt = view.tokens[view.token_index(end)] if end < len(text) else None
        if len(token.word) == 2 and nxt and len(nxt.word) == 1 and _is_han(nxt.word) \
                and nxt.tag in ("tg", "ng", "nr"):
            return start, end + 1
        if _common_word(token.word):
            return None  # 沙龙, 夏令营: jieba may tag them as names, but they are dictionary words
        return start, end
    if token.start == start and len(token.word) >= 2 and _frequencies().get(token.word):
        return None  # a dictionary word (单位, 项目): not a name
    end = start + _surname_len(text, start) + 1
    if end < len(text) and _is_han(text[end]) and not view.is_boundary(end):
        end += 1  # the given name runs on within one word: 于|丽丽 read as 于丽|丽 → 于丽丽
    elif _loose_third(view, end):
        end += 1  # 李向|红|说: a lone character between the name and a verb belongs to the name
    return start, end


FUNCTION_TAGS = ("p", "u", "uj", "c", "d", "v", "f")
# A two-character word jieba's dictionary holds less often than this, right after a two-character
# name, is a name's last character glued to the next word (强到: 3): no word of the language.
GLUED_WORD = 5


def _loose_third(view: View, end: int) -> bool:
    if end + 1 >= len(view.text) or not _is_han(view.text[end]):
        return False
    token = view.tokens[view.token_index(end)]
    if token.start != end or len(token.word) != 1 or token.tag in FUNCTION_TAGS:
        return False
    after = end + 1  # startswith at an offset: slicing the rest of the text per name is quadratic
    return not _is_han(view.text[after:after + 1]) \
        or view.text.startswith(lexicon.speech_verbs(), after)


def _name_ending_at(view: View, end: int) -> tuple[int, int] | None:
    """Before a verb of saying: the word that ends there if it is a 2–3 character surname-led name."""
    token = view.tokens[view.token_index(end - 1)]
    if token.end != end or not 2 <= len(token.word) <= 3:
        return None
    if not _surname_len(token.word, 0) or not token.tag.startswith("nr"):
        return None
    return token.start, token.end


@lru_cache(maxsize=1)
def _credit_words() -> frozenset[str]:
    from kg.bylines import CREDIT_WORDS  # kg.bylines reads the lexicon of this package
    return CREDIT_WORDS


def _name_lines(view: View):
    """Lines that hold only names (bylines, name lines after an article, photo credits)."""
    pos = 0
    for line in view.text.split("\n"):
        words = [w for w in line.split() if w not in _credit_words()]
        if words and len(words) <= 8 and all(_looks_like_name(w) for w in words):
            offset = pos
            for word in words:
                start = line.index(word, offset - pos) + pos
                offset = start + len(word)
                yield start, offset, "person-name-line"
        pos += len(line) + 1


def _looks_like_name(word: str) -> bool:
    return 2 <= len(word) <= 3 and _is_han(word) and bool(_surname_len(word, 0)) \
        and not _common_word(word)


COMMON = 50  # a word jieba's dictionary counts this often is a word (沙龙, 夏令营), not a person's name


def _common_word(word: str) -> bool:
    return _frequencies().get(word, 0) >= COMMON


def _surname_len(text: str, start: int) -> int:
    surnames = lexicon.surnames()
    if text[start:start + 2] in surnames:
        return 2
    return 1 if text[start:start + 1] in surnames else 0


ASPECT_PARTICLES = "了着"
# What opens a form of address before a surname (小陆, 老王, 阿强): no name.
ADDRESS_PREFIXES = frozenset(lexicon.cues("address-prefix"))


def _is_name(name: str, surname_led: bool = True) -> bool:
    """Not a form of address (小陆, 老王, 阿强, 张师傅) nor a title; ethnic names (阿依古丽) are
    not surname-led, so the 小/老/阿 test applies to surname-led names only."""
    if not 2 <= len(name) <= 5 or not _is_han(name):
        return False
    if surname_led and name[0] in ADDRESS_PREFIXES:
        return False
    if name.endswith(lexicon.non_name_endings()) or name[-1] in ASPECT_PARTICLES:
        return False  # 成了, 看着: a verb and its particle
    return name not in lexicon.titles() and name not in lexicon.person_cues()


def _is_han(text: str) -> bool:
    return _HAN_ONLY.fullmatch(text) is not None  # every character (true of "")


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Two person spans that overlap: keep the longer (于丽丽 over 于丽), then the earlier."""
    kept: list[Mention] = []
    taken: set[int] = set()  # offsets covered by a kept name; names are short, so this is cheap
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        chars = range(m.start, m.end)
        if taken.isdisjoint(chars):
            kept.append(m)
            taken.update(chars)
    return sorted(kept)
