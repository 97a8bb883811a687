"""Initiatives: named programmes, usually quoted, with a trigger word (kg/data/initiative_triggers.txt).

Forms, with the canonical name each gives (quotes dropped, the trigger kept where the text joins
it):
- “六个一”工作法, “先锋聚力·暖心营商”专项行动 → 六个一工作法 …: a quoted name, then at most a few
  modifier characters (民族工作, 专项, 工作), then the trigger;
- 以“楼宇党建”为书记项目, 书记项目“X”, 品牌“X” → the quoted name alone, typed by the trigger;
- “清风送企”“就在高铁 职在新城”等专场活动 → each quoted name of the list, typed by the trigger;
- unquoted service carriers (暖蜂驿站, 党群服务站): a name stem plus 驿站/服务站/小程序/加油站.
A quoted phrase with no trigger is a slogan, not an initiative.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Mention
from kg.recognise import lexicon
from kg.recognise.view import HAN, View, _frequencies, extend_left

QUOTE = re.compile(r"“([^“”\n]{1,30})”")
# Characters between the closing quote and the trigger (民族工作, 专项); function words end the name.
MODIFIER = r"[^\W\d_为的等和与及以把将在是了对搭、]{0,8}"
NOT_IN_NAME = "的"
UNQUOTED = ("驿站", "服务站", "加油站", "小程序", "平台")
RARE = 1300  # an unquoted 平台 needs a name-like word before it (12345平台), not 重要平台


@lru_cache(maxsize=1)
def _trigger_alt() -> str:
    return "|".join(map(re.escape, sorted(lexicon.initiative_triggers(), key=len, reverse=True)))


@lru_cache(maxsize=1)
def _after() -> re.Pattern:
    return re.compile(r"“(?P<name>[^“”\n]{1,30})”(?P<mod>" + MODIFIER + r")"
                      r"(?P<trigger>" + _trigger_alt() + ")")


@lru_cache(maxsize=1)
def _before() -> re.Pattern:
    return re.compile(r"(?:以|把|将)“(?P<name>[^“”\n]{1,30})”(?:作为|为)(?:[\u4e00-\u9fff]{0,4}?)"
                      r"(?P<trigger>" + _trigger_alt() + ")"
                      r"|(?P<trigger2>书记项目|品牌|小程序|平台|活动|行动)“(?P<name2>[^“”\n]{1,30})”")


@lru_cache(maxsize=1)
def _listed() -> re.Pattern:
    return re.compile(r"((?:“[^“”\n]{1,20}”[、和及与]?)+)等" + MODIFIER
                      + r"(?P<trigger>" + _trigger_alt() + ")")


def recognise_initiatives(view: View) -> list[Mention]:
    found: dict[tuple[int, int], Mention] = {}
    for mention in (*_joined(view), *_introduced(view), *_lists(view), *_adjacent(view),
                    *_self_named(view), *_unquoted(view)):
        found.setdefault((mention.start, mention.end), mention)
    return list(found.values())


def _subtype(trigger: str) -> str:
    return lexicon.initiative_triggers()[trigger]


def _clean(name: str) -> str:
    return name.replace("“", "").replace("”", "").strip()


def _joined(view: View):
    for match in _after().finditer(view.text):
        trigger, name, mod = match.group("trigger"), match.group("name"), match.group("mod")
        if not _programme_name(name) or view.inside_title(match.start()):
            continue
        if not _ends(view, match.end()) or view.text[match.end():match.end() + 1] == "办":
            continue  # “331”机制办 is an office, not a mechanism
        begin = _nickname_prefix(view, match.start(), name)
        canonical = _clean(view.text[begin:match.start()] + name + mod + trigger)
        yield Mention(begin, match.end(), view.text[begin:match.end()], "Initiative",
                      _subtype(trigger), canonical, "initiative-joined")


def _ends(view: View, end: int) -> bool:
    """The trigger ends the name: a word boundary, or a list word glued on (恳谈周|等 cut as 周等)."""
    return view.ends_name(end) or view.text[end:end + 1] in "等、，。；和与及"


def _nickname_prefix(view: View, quote: int, name: str) -> int:
    """智慧党建“星”平台: a one-character quoted core is a nickname inside a longer name."""
    if len(name) > 1:
        return quote
    begin = extend_left(view, quote, max_places=0, limit=6, max_words=3, brackets=False,
                        verbs=False)
    return begin if begin < quote else quote


@lru_cache(maxsize=1)
def _adjacent_pattern() -> re.Pattern:
    return re.compile(r"((?:“[^“”\n]{1,15}”[、及和与]?){1,}“[^“”\n]{1,15}”)"
                      r"(?P<trigger>" + _trigger_alt() + ")")


def _adjacent(view: View):
    """“甲”“乙”平台, “甲”及“乙”小程序: each quoted name takes the trigger (甲平台, 乙平台)."""
    for match in _adjacent_pattern().finditer(view.text):
        trigger = match.group("trigger")
        if not view.ends_name(match.end()):
            continue
        for item in QUOTE.finditer(match.group(1)):
            start = match.start(1) + item.start(1)
            name = item.group(1)
            if _programme_name(name):
                yield Mention(start, start + len(name), name, "Initiative", _subtype(trigger),
                              name + trigger, "initiative-adjacent")


@lru_cache(maxsize=1)
def _self_named_pattern() -> re.Pattern:
    return re.compile(r"“(?P<name>[^“”\n，。、；]{1,20}?(?P<trigger>" + _trigger_alt() + "))”")


def _self_named(view: View):
    """“四带机制”, “仙林模式”: the quoted text itself ends with the trigger."""
    for match in _self_named_pattern().finditer(view.text):
        name, trigger = match.group("name"), match.group("trigger")
        head = name[:-len(trigger)]
        generic = trigger == "平台" and _frequencies().get(head, 0) >= RARE  # “重要平台”
        if head and not generic and _programme_name(name) \
                and not view.inside_title(match.start()):
            yield Mention(match.start("name"), match.end("name"), name, "Initiative", _subtype(trigger),
                          name, "initiative-self-named")


def _introduced(view: View):
    for match in _before().finditer(view.text):
        if match.group("name"):
            name, trigger, span = match.group("name"), match.group("trigger"), match.span("name")
        else:
            name, trigger, span = match.group("name2"), match.group("trigger2"), match.span("name2")
        if not _programme_name(name):
            continue
        yield Mention(span[0], span[1], name, "Initiative", _subtype(trigger), _clean(name),
                      "initiative-introduced")


def _lists(view: View):
    for match in _listed().finditer(view.text):
        trigger = match.group("trigger")
        for item in QUOTE.finditer(match.group(1)):
            for start, name in _items(match.start(1) + item.start(1), item.group(1)):
                if _programme_name(name):
                    yield Mention(start, start + len(name), name, "Initiative", _subtype(trigger),
                                  name, "initiative-listed")


def _unquoted(view: View):
    text = view.text
    for trigger in UNQUOTED:
        for match in re.finditer(re.escape(trigger), text):
            start, end = match.span()
            if not view.is_boundary(end) or (start > 0 and text[start - 1] == "”"):
                continue
            begin = extend_left(view, start, max_places=0, limit=12)
            before = view.tokens[view.token_index(start - 1)] if start else None
            if begin == start and before and before.word.isascii() and before.word.isalnum():
                begin = before.start  # 12345平台
            if start - begin < 2 or not _named(view, begin, start, trigger):
                continue
            name = text[begin:end]
            subtype = "ServicePoint"
            yield Mention(begin, end, name, "Initiative", subtype, name, "initiative-unquoted")


def _items(start: int, quoted: str):
    """“春润、春融”: a quoted list of short names is several names."""
    parts = quoted.split("、")
    if len(parts) > 1 and all(len(p) == 2 for p in parts):
        for part in parts:
            yield start, part
            start += len(part) + 1
    else:
        yield start, quoted


def _named(view: View, begin: int, start: int, trigger: str) -> bool:
    """The word before the trigger can name something: digits or Latin (12345平台), or for the
    specific carriers (驿站, 小程序) a word that is not common; 重要平台, 交流平台 name nothing."""
    last = view.tokens[view.token_index(start - 1)]
    if not HAN.search(last.word):
        return True
    return trigger != "平台" and _frequencies().get(view.text[begin:start], 0) < RARE


def _programme_name(name: str) -> bool:
    """A quoted phrase can name a programme: not empty, not a sentence, not a description (…的…)."""
    name = name.strip()
    return bool(name) and not any(c in name for c in "。！？；" + NOT_IN_NAME)
