"""Initiatives: named programmes, usually quoted, with a trigger word (kg/data/initiative_triggers.txt).

Forms, with the canonical name each gives (quotes dropped, the trigger kept where the text joins
it):
- “五彩”工作法, “红心聚力·暖心服务”专项行动 → 五彩工作法 …: a quoted name, then at most ten
  modifier characters (民族工作, 专项, 工作), then the trigger; a one-character head noun (周, 站,
  制, 厅) only after one to four characters (“X”恳谈周, not “X”站在一线, “X”目标一周内);
- 智慧党建“云”平台, 暖“馨”驿站: a one-character quote is a nickname inside a longer name;
- 以“邻里党建”为书记项目, 书记项目“X”, 品牌“X” → the quoted name alone, typed by the trigger;
- “春风送岗”“就在园区 职在新城”等专场活动, “甲”“乙”等家门口的文化活动 → each quoted name of the
  list, typed by the trigger;
- “甲+乙”四位一体的服务体系 → the quoted name alone: a description stands between it and the
  trigger (but “提前干预”的管理模式 only says what the mode is like);
- 党建品牌——白鹭课堂 → the name after the dash, typed by the trigger;
- unquoted service carriers (暖燕驿站, 党群服务站): a name stem plus 驿站/服务站/小程序/加油站.
A quoted phrase with no trigger is a slogan, not an initiative; a quoted name followed by an
organisation suffix (“甲”党建联盟) names the body, not a programme.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

from kg.model import Mention
from kg.recognise import lexicon
from kg.recognise.orgs import PARTY_FORMS
from kg.recognise.view import COUNTED, HAN, View, _frequencies, extend_left
from kg.vocab import INITIATIVE

QUOTE = re.compile(r"“([^“”\n]{1,30})”")
# Characters between the closing quote and the trigger (民族工作, 专项); function words end the name.
NAME_CHAR = r"[^\W\d_为的等和与及以把将在是了对搭不这那此该、]"
# A verb of honouring ends the name: “X”项目|获评全省优秀书记项目.
MODIFIER = "(?:(?!" + lexicon.alternation(lexicon.cues("honouring")) + ")" + NAME_CHAR + "){0,10}"
# One to four characters before a one-character trigger (恳谈|周, 省长负责|制), not ending with a
# numeral or a demonstrative (一周, 每周, 本站).
SHORT_MODIFIER = NAME_CHAR + "{1,4}(?<![一二三四五六七八九十两几每本该此这那上下前后首末半整])"
# After 等 a list may be described before its trigger: “甲”“乙”等家门口的文化演出活动.
LIST_MODIFIER = MODIFIER + "(?:的" + MODIFIER + ")?"
# Words that say what the quoted names of a list are (“甲”“乙”等做法) but name nothing alone:
# “红色引航”工程举措 is the 工程, “四就近”工作的主阵地 a place of work.
LIST_WORDS = {word: subtype for subtype in ("Mechanism", "ServicePoint")
              for word in lexicon.cues(f"list-word-{subtype}")}
NOT_IN_NAME = "的"
# A quoted phrase opening with one of these (以, 把, 将) is a clause.
CLAUSE_OPENERS = frozenset(lexicon.cues("clause-opener"))
# Carriers that are also figures of speech: 口中的“司机之家”, 建成“民营经济人士之家” praise a place
# or a body, 网络构筑的“世界大展厅” is a website; 党员志愿服务“红领之家”正式揭牌 names one.
FIGURATIVE = lexicon.cues("figurative-carrier")
FIGURE_CUES = frozenset(lexicon.cues("figure-before"))
UNQUOTED = lexicon.cues("unquoted-carrier")
PLAN_PERIOD = re.compile(r"[一二三四五六七八九十]+五")
RARE = 1300  # an unquoted 平台 needs a name-like word before it (96345平台), not 重要平台


@lru_cache(maxsize=None)
def _trigger_alt(words: tuple[str, ...] = (), heads: bool = False) -> str:
    """The triggers (and ``words``) as a regex alternation, longest first; the one-character head
    nouns (周, 站, 制) only with ``heads``: elsewhere 一周, 站在 are plain words."""
    triggers = [t for t in lexicon.initiative_triggers() if heads or len(t) > 1]
    return lexicon.alternation([*triggers, *words])


@lru_cache(maxsize=1)
def _heads() -> str:
    return lexicon.alternation(t for t in lexicon.initiative_triggers() if len(t) == 1)


@lru_cache(maxsize=1)
def _after() -> re.Pattern:
    """“X”民族工作品牌; “X”恳谈周: a one-character head noun after a short word that is not a
    count (“X”目标一周内), not alone (“X”站在一线), not after a clause (“X”方式进行改制)."""
    return re.compile(r"“(?P<name>[^“”\n]{1,30})”"
                      r"(?:(?P<mod>" + MODIFIER + r")(?P<trigger>" + _trigger_alt() + ")"
                      r"|(?P<short>" + SHORT_MODIFIER + r")(?P<head>" + _heads() + "))")


@lru_cache(maxsize=1)
def _before() -> re.Pattern:
    return re.compile(r"(?:以|把|将)“(?P<name>[^“”\n]{1,30})”(?:"
                      + lexicon.alternation(lexicon.cues("designated-as")) + r")(?:[\u4e00-\u9fff]{0,4}?)"
                      r"(?P<trigger>" + _trigger_alt() + ")"
                      "|(?P<trigger2>" + lexicon.alternation(lexicon.cues("kind-before-name")) + r")“(?P<name2>[^“”\n]{1,30})”")


@lru_cache(maxsize=1)
def _listed() -> re.Pattern:
    return re.compile(r"((?:“[^“”\n]{1,20}”[、和及与]?)+)等" + LIST_MODIFIER
                      + r"(?P<trigger>" + _trigger_alt(tuple(LIST_WORDS)) + ")")


@lru_cache(maxsize=1)
def _described_pattern() -> re.Pattern:
    """“甲+乙”四位一体的体系: a quote, a description of at least two characters, 的, the trigger."""
    return re.compile(r"“(?P<name>[^“”\n]{1,30})”[^\W\d_为的是、]{2,8}的" + MODIFIER
                      + r"(?P<trigger>" + _trigger_alt() + ")")


@lru_cache(maxsize=1)
def _defined_pattern() -> re.Pattern:
    """“邻里帮帮团”是某社区党委今年的书记项目: a quote, a copula, whose it is, 的, the trigger."""
    return re.compile(r"“(?P<name>[^“”\n]{1,30})”(?:" + lexicon.alternation(lexicon.cues("copula"))
                      + r")[^\W\d_“”的]{2,16}的" + MODIFIER + r"?(?P<trigger>" + _trigger_alt() + ")")


@lru_cache(maxsize=1)
def _dashed_pattern() -> re.Pattern:
    """党建品牌——白鹭课堂: the trigger says what the name after the dash is (a single dash
    joins a range: 东湖站—南塘路站)."""
    return re.compile(r"(?P<trigger>" + _trigger_alt() + r")——(?P<name>[^\W\d_的]{2,12})"
                      r"(?=[，。；、\n]|$)")


def recognise_initiatives(view: View) -> list[Mention]:
    found: dict[tuple[int, int], Mention] = {}
    for mention in (*_joined(view), *_introduced(view), *_lists(view), *_adjacent(view),
                    *_self_named(view), *_described(view), *_dashed(view), *_unquoted(view)):
        found.setdefault((mention.start, mention.end), mention)
    return list(found.values())


def _subtype(trigger: str, written: str = "") -> str:
    """The subtype of the longest trigger the written head ends with: a greedy modifier may have
    taken part of it (“X”书记项目 matched as 书记 + 项目 is still a 书记项目)."""
    triggers = lexicon.initiative_triggers()
    head = written + trigger
    longest = lexicon.affixes(lexicon.initiative_triggers).ending_at(head, len(head)) or trigger
    return triggers.get(longest) or LIST_WORDS[trigger]


def _clean(name: str) -> str:
    return name.replace("“", "").replace("”", "").strip()


def _joined(view: View):
    for match in _after().finditer(view.text):
        name = match.group("name")
        trigger, mod = match.group("trigger") or match.group("head"), match.group("mod")
        if mod is None:
            mod = match.group("short")
        if not _programme_name(name) or view.inside_title(match.start()):
            continue
        if not _ends(view, match.end()) or view.text[match.end():match.end() + 1] == "办":
            continue  # “331”机制办 is an office, not a mechanism
        begin = _nickname_prefix(view, match.start(), name)
        canonical = _clean(view.text[begin:match.start()] + name + mod + trigger)
        yield Mention(begin, match.end(), view.text[begin:match.end()], INITIATIVE,
                      _subtype(trigger, mod), canonical, "initiative-joined")


def _ends(view: View, end: int) -> bool:
    """The trigger ends the name: a word boundary, or a list word glued on (恳谈周|等 cut as 周等)."""
    return view.ends_name(end) or view.text[end:end + 1] in "等、，。；和与及"


def _nickname_prefix(view: View, quote: int, name: str) -> int:
    """智慧党建“云”平台: a one-character quoted core is a nickname inside a longer name; after a
    one-character adjective it is a pun on a word (暖“馨”驿站 for 暖心), which is the whole name."""
    if len(name) > 1:
        return quote
    before = view.tokens[view.token_index(quote - 1)] if quote else None
    if before and before.end == quote and len(before.word) == 1 and before.tag == "a":
        return before.start
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
            if _programme_name(name) and not _names_party_bodies(name):
                yield Mention(start, start + len(name), name, INITIATIVE, _subtype(trigger),
                              name + trigger, "initiative-adjacent")


_BRACKETED = re.compile(r"（[^（）]*）")


def _names_party_bodies(name: str) -> bool:
    """“区级—直属党（工）委”“1+19”书记项目…机制: a quoted run of party bodies (党（工）委 is 党委 or
    党工委) says whose projects they are, the levels of a scheme; it names no programme."""
    return _BRACKETED.sub("", name).endswith(PARTY_FORMS)


@lru_cache(maxsize=1)
def _self_named_pattern() -> re.Pattern:
    return re.compile(r"“(?P<name>[^“”\n，。、；]{1,20}?(?P<trigger>" + _trigger_alt(heads=True)
                      + "))”")


def _self_named(view: View):
    """“三联机制”, “枫林模式”: the quoted text itself ends with the trigger."""
    for match in _self_named_pattern().finditer(view.text):
        name, trigger = match.group("name"), match.group("trigger")
        if _names_itself(view, match.start(), match.end(), name, trigger):
            yield Mention(match.start("name"), match.end("name"), name, INITIATIVE,
                          _subtype(trigger), name, "initiative-self-named")


RANKINGS = lexicon.cues("ranking")


def _names_itself(view: View, start: int, end: int, name: str, trigger: str) -> bool:
    """Is the quote ``text[start:end]``, ending with its trigger, a programme's name? Not “书记项目”
    (the trigger alone, cut 书记|项目), not a one-character head (“新空间”), not a clause
    (“以清单制+责任制”), not a verb (“坚决抵制”), not “重要平台”, not a body's name, not a figure
    of speech."""
    head = "".join(name[:-len(trigger)].split())
    if len(head) < 2 or head + trigger in lexicon.initiative_triggers() \
            or head[0] in CLAUSE_OPENERS or not _programme_name(name) or head.startswith(RANKINGS):
        return False  # (“十佳书记项目”: a ranking of programmes, none of them)
    if trigger == "平台" and _frequencies().get(head, 0) >= RARE:
        return False
    if trigger in FIGURATIVE and start > 0 and view.text[start - 1] in FIGURE_CUES:
        return False
    last = view.tokens[view.token_index(end - 2)]
    if len(trigger) == 1 and len(last.word) > 1 and last.tag == "v":
        return False  # “坚决抵制”: the head noun is the end of a verb
    return not view.inside_title(start) and not _names_a_body(view, end)


def _names_a_body(view: View, end: int) -> bool:
    """“乐学堂”党建联盟, “青松”志愿服务队: an organisation suffix in the one or two words right
    after the quote makes the quote a body's name (a one-character suffix only as a word of its
    own: 部, not 干部)."""
    if end >= len(view.text) or not HAN.match(view.text[end]):
        return False  # “X”，党委…: the clause goes on
    i = view.token_index(end)
    following = "".join(t.word for t in view.tokens[i:i + 2])
    return any(words in lexicon.org_suffixes() or words.endswith(lexicon.long_org_suffixes())
               for words in (view.tokens[i].word, following))


def _described(view: View):
    for match in chain(_described_pattern().finditer(view.text),
                       _defined_pattern().finditer(view.text)):
        name, trigger = match.group("name"), match.group("trigger")
        if _programme_name(name) and view.ends_name(match.end()) \
                and not view.inside_title(match.start()):
            yield Mention(match.start("name"), match.end("name"), name, INITIATIVE,
                          _subtype(trigger), _clean(name), "initiative-described")


def _dashed(view: View):
    for match in _dashed_pattern().finditer(view.text):
        name, trigger = match.group("name"), match.group("trigger")
        if view.is_boundary(match.start("trigger")) and not view.inside_title(match.start()):
            yield Mention(match.start("name"), match.end("name"), name, INITIATIVE,
                          _subtype(trigger), name, "initiative-dashed")


def _introduced(view: View):
    for match in _before().finditer(view.text):
        if match.group("name"):
            name, trigger, span = match.group("name"), match.group("trigger"), match.span("name")
        else:
            name, trigger, span = match.group("name2"), match.group("trigger2"), match.span("name2")
            if len(name) < 2:
                continue  # 书记项目“晒”成效: a word quoted for emphasis after the kind
        if not _programme_name(name):
            continue
        yield Mention(span[0], span[1], name, INITIATIVE, _subtype(trigger), _clean(name),
                      "initiative-introduced")


def _lists(view: View):
    for match in _listed().finditer(view.text):
        trigger = match.group("trigger")
        for item in QUOTE.finditer(match.group(1)):
            for start, name in _items(match.start(1) + item.start(1), item.group(1)):
                if _programme_name(name):
                    yield Mention(start, start + len(name), name, INITIATIVE, _subtype(trigger),
                                  name, "initiative-listed")


def _unquoted(view: View):
    text = view.text
    for trigger in UNQUOTED:
        for match in re.finditer(re.escape(trigger), text):
            start, end = match.span()
            if not view.is_boundary(end) or (start > 0 and text[start - 1] == "”"):
                continue
            # no verb inside: 吕良海指着驿站 is where someone points
            begin = extend_left(view, start, max_places=0, limit=12, verbs=False)
            before = view.tokens[view.token_index(begin - 1)] if begin else None
            if before and before.word.isascii() and before.word.isalnum():
                begin = before.start  # 96345平台, 365邻里驿站
            if start - begin < 2 or not _named(view, begin, start, trigger) \
                    or _COUNTED_KIND.search(text, max(0, begin - 12), begin):
                continue
            name = text[begin:end]
            subtype = "ServicePoint"
            yield Mention(begin, end, name, INITIATIVE, subtype, name, "initiative-unquoted")


# `设立了127个这样的新邻驿站`: a number of them is a kind of carrier, not one (a numbered
# collective names no entity).
_COUNTED_KIND = re.compile("(?:" + COUNTED.pattern + ")(?:"
                           + lexicon.alternation(lexicon.cues("of-this-kind")) + ")?$")


def _items(start: int, quoted: str):
    """“春晖、春阳”: a quoted list of short names is several names."""
    parts = quoted.split("、")
    if len(parts) > 1 and all(len(p) == 2 for p in parts):
        for part in parts:
            yield start, part
            start += len(part) + 1
    else:
        yield start, quoted


def _named(view: View, begin: int, start: int, trigger: str) -> bool:
    """The word before the trigger can name something: digits or Latin (96345平台), or for the
    specific carriers (驿站, 小程序) a word that is not common; 重要平台, 交流平台 name nothing."""
    last = view.tokens[view.token_index(start - 1)]
    if not HAN.search(last.word):
        return True
    return trigger != "平台" and _frequencies().get(view.text[begin:start], 0) < RARE


def _programme_name(name: str) -> bool:
    """A quoted phrase can name a programme: not empty, not a sentence, not a description (…的…),
    not a five-year-plan period (“十四五”重点项目 are the period's projects)."""
    name = name.strip()
    return bool(name) and not any(c in name for c in "。！？；" + NOT_IN_NAME) \
        and not PLAN_PERIOD.fullmatch(name)
