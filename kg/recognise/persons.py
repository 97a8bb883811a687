"""People: a surname-led name of two or three characters in a context that marks a person.

Cues (any one suffices): a title or role noun right before the name (队长于琳琳, 居民李保强, the end
of a title chain …副主任盛梦龙), a verb of saying right after it (…孙庆博说), an ethnic descriptor
(维吾尔族志愿者古丽齐曼, where the name has no Han surname), or a line that holds only names (a
byline or a photo credit: 马曦炜 高达, 潘芳 摄). jieba's own person tags alone are too noisy (it tags
智慧, 晋级 as names), so they only help to decide between a two- and a three-character name.
Forms of address (张师傅, 小陆, 老王) are not names.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Mention
from kg.recognise import lexicon
from kg.recognise.view import View, _frequencies

NAME_LINE_WORDS = frozenset(("摄", "供图", "撰稿", "本版撰稿", "记者", "本报记者", "通讯员", "文", "图",
                             "□", "■", "●", "本报讯", "文/", "图/"))
DATELINE = re.compile(r"本报讯（(?P<names>[\u4e00-\u9fff ]{2,20})）")
QUOTED_SPEAKER = re.compile(r"(?<=[”：])(?P<name>[\u4e00-\u9fff]{2,3}?)(?=说|表示|介绍)")
ETHNIC = re.compile(r"[\u4e00-\u9fff]{1,3}族"
                    r"(?:[\u4e00-\u9fff]{0,4}?(?:志愿者|同胞|居民|群众|青年|姑娘|小伙|阿姨|大姐|代表))?"
                    r"(?P<name>[\u4e00-\u9fff]{2,5}?)(?=说|表示|介绍|笑着说|告诉)")


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern:
    cues = sorted(set(lexicon.titles()) | set(lexicon.person_cues()), key=len, reverse=True)
    # a lookahead, so that overlapping cues all count (…志愿者服务队队长X: 志愿者 and 队长)
    alternation = "|".join(map(re.escape, cues))
    return re.compile("(?=(?:" + alternation + r")(?P<rest>[\u4e00-\u9fff]{2,4}))")


@lru_cache(maxsize=1)
def _speech_pattern() -> re.Pattern:
    verbs = "|".join(map(re.escape, lexicon.speech_verbs()))
    return re.compile(r"(?P<name>[\u4e00-\u9fff]{2,3})(?=" + verbs + ")")


def recognise_persons(view: View) -> list[Mention]:
    found: dict[tuple[int, int], Mention] = {}
    for start, end, rule in _candidates(view):
        name = view.text[start:end]
        if _is_name(name, surname_led=rule != "person-ethnic") and (start, end) not in found:
            found[(start, end)] = Mention(start, end, name, "Person", "Person", name, rule)
    return _drop_overlaps(list(found.values()))


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


def _name_lists(view: View):
    """刘某某和王某、徐某某、廖某某: two or more person-tagged words joined by 和/、 are people."""
    tokens = view.tokens
    for items in view.joined_items(("、", "和", "与")):
        if all(_person_word(tokens[k]) for k in items):
            for k in items:
                yield tokens[k].start, tokens[k].end, "person-list"


def _person_word(token) -> bool:
    """A word jieba tags as a name, surname-led, 2–3 characters (famous names are in its dictionary)."""
    word = token.word
    return token.tag.startswith("nr") and 2 <= len(word) <= 3 and _is_han(word) \
        and bool(_surname_len(word, 0))


def apposition(view: View, orgs) -> list[Mention]:
    """苏州某某研究所马某某当选: a person-tagged name right after an organisation is a member's name."""
    out = []
    for org in orgs:
        if org.end >= len(view.text):
            continue
        token = view.tokens[view.token_index(org.end)]
        if token.start == org.end and _person_word(token) and _is_name(token.word):
            out.append(Mention(token.start, token.end, token.word, "Person", "Person", token.word,
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
        end = token.end
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
        end += 1  # the given name runs on within one word: 于|琳琳 read as 于琳|琳 → 于琳琳
    elif _loose_third(view, end):
        end += 1  # 李向|红|说: a lone character between the name and a verb belongs to the name
    return start, end


FUNCTION_TAGS = ("p", "u", "uj", "c", "d", "v", "f")


def _loose_third(view: View, end: int) -> bool:
    if end + 1 >= len(view.text) or not _is_han(view.text[end]):
        return False
    token = view.tokens[view.token_index(end)]
    if token.start != end or len(token.word) != 1 or token.tag in FUNCTION_TAGS:
        return False
    after = end + 1  # startswith at an offset: slicing the rest of the text per name is quadratic
    return not _is_han(view.text[after:after + 1]) \
        or any(view.text.startswith(v, after) for v in lexicon.speech_verbs())


def _name_ending_at(view: View, end: int) -> tuple[int, int] | None:
    """Before a verb of saying: the word that ends there if it is a 2–3 character surname-led name."""
    token = view.tokens[view.token_index(end - 1)]
    if token.end != end or not 2 <= len(token.word) <= 3:
        return None
    if not _surname_len(token.word, 0) or not token.tag.startswith("nr"):
        return None
    return token.start, token.end


def _name_lines(view: View):
    """Lines that hold only names (bylines, name lines after an article, photo credits)."""
    pos = 0
    for line in view.text.split("\n"):
        words = [w for w in line.split() if w not in NAME_LINE_WORDS]
        if words and len(words) <= 8 and all(_looks_like_name(w) for w in words):
            offset = pos
            for word in words:
                start = line.index(word, offset - pos) + pos
                offset = start + len(word)
                yield start, offset, "person-name-line"
        pos += len(line) + 1


def _looks_like_name(word: str) -> bool:
    return 2 <= len(word) <= 3 and all(_is_han(c) for c in word) and bool(_surname_len(word, 0)) \
        and not _common_word(word)


COMMON = 50  # a word jieba's dictionary counts this often is a word (苏州, 沙龙), not a person's name


def _common_word(word: str) -> bool:
    return _frequencies().get(word, 0) >= COMMON


def _surname_len(text: str, start: int) -> int:
    surnames = lexicon.surnames()
    if text[start:start + 2] in surnames:
        return 2
    return 1 if text[start:start + 1] in surnames else 0


def _is_name(name: str, surname_led: bool = True) -> bool:
    """Not a form of address (小陆, 老王, 阿强, 张师傅) nor a title; ethnic names (阿依古丽) are
    not surname-led, so the 小/老/阿 test applies to surname-led names only."""
    if not 2 <= len(name) <= 5 or not all(_is_han(c) for c in name):
        return False
    if surname_led and name[0] in "小老阿":
        return False
    if any(name.endswith(e) for e in lexicon.non_name_endings()):
        return False
    return name not in lexicon.titles() and name not in lexicon.person_cues()


def _is_han(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in text)


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Two person spans that overlap: keep the longer (于琳琳 over 于琳), then the earlier."""
    kept: list[Mention] = []
    taken: set[int] = set()  # offsets covered by a kept name; names are short, so this is cheap
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        chars = range(m.start, m.end)
        if taken.isdisjoint(chars):
            kept.append(m)
            taken.update(chars)
    return sorted(kept)
