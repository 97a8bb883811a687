"""Organisations: a name stem plus a typed suffix (党工委, 管委会, 有限公司, 商会, 研究院 …).

Every suffix occurrence is a candidate, so nested names come out as separate, overlapping mentions:
星河电子（云州）半导体有限公司党委 yields the party committee and, from 有限公司, the company; the
place at the start of a name (月湾街道…) comes from kg/recognise/places.py. A name takes in at
most one place: 云州市溪山区工商联 is 溪山区工商联 (located in 云州市).

A name whose stem is only generic words (社区党委, 相关部门) or a bare level word (区委, 园区党工委,
管委会) is kept with ``scope="?"`` so that kg/recognise/context.py can complete it from the article,
or drop it when the article does not say which body it is.

Canonical names: the formal party name is an alias of the common one (中共某街道委员会 → 某街道党委),
and a second name in brackets is an alias (某发展局（招商局） → 某发展局). Numbered collectives
(7个片区商会) are no bodies.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

from kg.model import Mention
from kg.recognise import lexicon
from kg.recognise.context import (BARE_BODIES, COMPANY_FORMS, LEVEL_WORDS,
                                  LEVEL_WORDS_LONGEST_FIRST, VERTICAL_AGENCIES, ZONE_WORDS)
from kg.recognise.spans import Spans
from kg.recognise.view import (BARE_LEVELS, COUNTED, HAN, INCOMPLETE, MAX_NAME, NUMBER, ORDINAL,
                               STOP_WORDS, View, _frequencies, all_han, extend_left, name_like)
from kg.vocab import ORGANIZATION


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    # a lookahead finds overlapping suffixes too: 镇委 must not hide 委员会 in 某镇委员会
    return re.compile("(?=(" + lexicon.alternation(lexicon.org_suffixes(), guarded=True) + "))")


def recognise_orgs(view: View) -> list[Mention]:
    found: dict[tuple[int, int], Mention] = {}
    found_ends: dict[int, str] = {}  # end → the canonical name of the longest name ending there
    begins: dict[int, int] = {}  # end → the start of the longest name ending there
    subtypes = {**lexicon.org_suffixes(), **UNIT_HEADS}
    for end, suffix in sorted(chain(_suffix_ends(view), _unit_ends(view))):
        start = end - len(suffix)
        inner = _unit_start(view, start) or _middle_start(view, start)
        begin = _level_word_glued(view, inner) \
            or _level_word_before(view, _after_joins(view, _trim(view, extend_left(view, inner)), inner))
        if begins.get(inner, begin) < begin:  # 某局汝州分局|机关第一党支部: not from inside a name
            begin = begins[inner]
        if suffix in COMPANY_ENDINGS:
            begin = _brand_start(view, begin, start)
        begin = _place_start_around(view, begin, end)
        area_start = _area_start(view, start + 1) if suffix in _area_committees() \
            else _committee_area_start(view, begin, inner)
        if area_start >= 0:
            begin = area_start  # whatever the words before: 上林县委, 丰县委
        end = _bracket_after(view, end)
        name = view.text[begin:end]
        if _not_a_body(name) or (begin, end) in found or _common_word_end(view.text, end, suffix) \
                or _kind_of_body(view.text, begin, end):
            continue
        if begin < start and not HAN.search(view.text[begin:start]):
            continue
        if len(suffix) == 1 and start - begin == 1:
            continue  # 一网|通办, 校办: one character and a one-character head noun name no body
        area = _listed_area(view, begins, start) if begin == start else None
        if begin == start and not area and not _completable(name):
            continue  # a bare 公司, 党委: nothing says which one
        if _counted(view, begin):
            continue  # 6个村党支部, 16家党建联盟: a numbered collective, no body
        if suffix in VERTICAL_AGENCIES and not _place_word_before(view, start):
            continue  # 宁波海关, not 书面通知|海关: a customs office is named after its city or port
        if suffix in PROVINCIAL_AGENCIES and not _opens_with_province(view, begin, start):
            continue  # 省民政厅, 某某省自然资源厅; not 红色议事厅, a room
        scope = "" if area_start >= 0 or _has_proper_stem(view, begin, start) else INCOMPLETE
        if any(view.places.get((begin, end - len(unit))) is not None
               for unit in OWNED_UNITS if name.endswith(unit)):  # 某地公司, 某地|分公司
            owner = found.get((begins.get(begin, -1), begin))
            if owner is None:
                scope = INCOMPLETE  # 某地公司: whose?
            else:  # 某局|某地分局: the owner's unit in that place
                begin, scope = owner.start, owner.scope
                name = view.text[begin:end]
                if (begin, end) in found:
                    continue
        canonical = _canonical(name)
        if area and subtypes[suffix] in AREA_BODY_TYPES:  # 某街道党工委、办事处
            canonical, scope = area + canonical, ""
        if ORDINAL.fullmatch(view.text[begin:start]):
            canonical, scope = _listed_unit(view, found_ends, begin, canonical)
        subtype = "PartyOrganization" if canonical != name and canonical.endswith(PARTY_FORMS) \
            else subtypes[suffix]
        found[(begin, end)] = Mention(begin, end, name, ORGANIZATION, subtype, canonical,
                                      "org-suffix", scope=scope)
        found_ends.setdefault(end, canonical)
        begins.setdefault(end, begin)
    named = Spans(found)
    for mention in _listed_companies(view, found):
        found.setdefault((mention.start, mention.end), mention)
    for mention in _quoted(view):
        found.setdefault((mention.start, mention.end), mention)
    for mention in _short_forms(view):  # not 工行 of 工行某某支行: that is the branch's name
        if not named.covers(mention.start, mention.end):
            found.setdefault((mention.start, mention.end), mention)
    spans = Spans(found)
    return [m for m in found.values()
            if not _bracketed_alias(view, m, spans) and not _named_after(view, m, spans)
            and not _formal_head(view, m, spans)]


def _place_start_around(view: View, begin: int, end: int) -> int:
    """No body's name starts inside a place's: 胜利|街|社区党委 is 胜利街社区's (the place read
    whole, 胜利 a verb to the words before the suffix 社区党委)."""
    for at in range(begin + 1, end + 1):
        place = view.place_ending_at(at)
        if place is not None and place[0] < begin:
            return place[0]
    return begin


def _formal_head(view: View, m: Mention, spans: Spans) -> bool:
    """某局支部|委员会: the 支部 that opens 支部委员会 is the same body's name cut short."""
    return m.text.endswith(("支部", "总支")) and view.text.startswith("委员会", m.end) \
        and spans.covers(m.start, m.end + 3)


# What a body is named after when one of these follows its name inside a longer name: a school
# founded with a university (某大学|实验学校), a group led by its first school (某学校|教育集团), a
# construction project on a site (某厂|项目党支部). The inner name is no body of the longer one.
NAMED_AFTER = lexicon.cues("named-after")


def _named_after(view: View, m: Mention, spans: Spans) -> bool:
    return view.text.startswith(NAMED_AFTER, m.end) and spans.covers(m.start, m.end + 1)


AREA_BODY_TYPES = ("GovernmentAgency", "PartyOrganization")
# Regional units named by their place alone (某地公司, 某地分局, 某地支行) belong to the body named
# right before them (某局|某地分局); with none, the name says whose unit it is no more than 该公司.
OWNED_UNITS = lexicon.cues("owned-unit")


def _listed_area(view: View, begins: dict[int, int], start: int) -> str | None:
    """某街道党工委、办事处, 某镇党委和政府: a bare body listed right after an area's body (the area
    and a suffix, nothing else) is the same area's: the area as written."""
    if start == 0 or view.text[start - 1] not in "、和及与":
        return None
    before = begins.get(start - 1)
    if before is None:
        return None
    for suffix in lexicon.affixes(lexicon.org_suffixes).ending(view.text, start - 1, before):
        place = view.place_ending_at(start - 1 - len(suffix))
        if place and place[0] == before:
            return view.text[place[0]:place[1]]
    return None


def _bracketed_alias(view: View, m: Mention, spans: Spans) -> bool:
    """招商局 in 商务发展局（招商局）is the same body's other name, not a body of its own."""
    text = view.text
    if text[m.start - 1:m.start] != "（" or text[m.end:m.end + 1] != "）":
        return False
    return spans.strictly_covers(m.start, m.end)


# service sites and venues (Place or ServicePoint), not bodies
NOT_BODIES = lexicon.cues("not-a-body")


# `国家级技术创新中心`, `县级工商联`: a name at a rank of government names a kind of body.
LEVEL_CLASSES = lexicon.cues("level-class")


# Endings of names registered with a place in front (a group, a law firm), whatever their kind.
REGISTERED_ENDINGS = lexicon.cues("registered-ending")
COMPANY_ENDINGS = frozenset(COMPANY_FORMS) | {"集团"}
# What jieba tags the words of a company's brand that the words before a name stop at: an
# adjective (大|杨, 幸福), a number (万成), an idiom (美好生活), a direction (南方|航空), a name; a
# verb only when rare (兴发|水泥: 31 in jieba's dictionary; not 推动|某公司, 通用|电器).
BRAND_TAGS = frozenset({"a", "m", "i", "l", "nr", "ns", "nz", "n", "ng", "j", "b", "f"})
RARE_BRAND_VERB = 100
MAX_BRAND_WORDS = 2  # 大|杨|集团股份有限公司: at most this many words more, four characters
BRAND_OPENERS = ("p", "c", "uj")  # 与|万成食品…, 和|大杨集团, 知名的|幸福集团: no word of a name
COUNTING = frozenset(lexicon.cues("count-opening"))  # 一家, 两大, 几大: a count, no brand


def _brand_word(token) -> bool:
    if token.tag == "v":
        return _frequencies().get(token.word, 0) < RARE_BRAND_VERB
    return token.tag in BRAND_TAGS and (token.tag != "f" or len(token.word) > 1)


def _brand_start(view: View, begin: int, start: int) -> int:
    """与万成|食品股份有限公司, 与大|杨|集团…, 与美好生活|有限公司: a company's brand is any words,
    which the words before a name may stop short of. Right after a preposition, a conjunction or
    的, the (at most two, four characters) words of a brand's shape before where the name began
    are the brand's: not a count, not a place (where the company is)."""
    i = view.token_index(begin) if begin < len(view.text) else len(view.tokens)
    if begin <= 0 or i == 0 or view.tokens[i].start != begin:
        return begin
    k = i
    while k > 0 and i - k < MAX_BRAND_WORDS:
        token = view.tokens[k - 1]
        if not _brand_word(token) or not all_han(token.word) or token.word in STOP_WORDS \
                or begin - token.start > 4 or token.word[0] in COUNTING \
                or view.place_ending_at(token.end) is not None or token.start in view.place_starts:
            break  # 一家|某公司, 两大|集团: a count; 山东省|某公司: a place (where the body is)
        k -= 1
    if k == i or k == 0:
        return begin
    return view.tokens[k].start if view.tokens[k - 1].tag in BRAND_OPENERS else begin


def registered_name(m: Mention) -> bool:
    """`云州某某科技有限公司`, `云州某某教育集团`, `云州某某律所`: a registered name keeps the place
    it was registered in, which says nothing about where the body is (unlike a branch, `…分行`, or
    a utility named after the area it serves, `云州燃气公司`)."""
    return ("有限" in m.name and m.subtype == "Enterprise") or m.name.endswith(REGISTERED_ENDINGS)


def _kind_of_body(text: str, begin: int, end: int) -> bool:
    """`企业发放公司类贷款`, `商会类社会组织`: a suffix followed by 类 names a kind of body, not one
    (but `某公司类型为…` is that company's type); so does a name after a rank of government
    (`争创国家级|技术创新中心`, `县级|工商联`) and a graded one (`“三星”支部创建`)."""
    return (text.startswith("类", end) and not text.startswith("类型", end)) \
        or text.startswith(LEVEL_CLASSES, begin) or text.endswith(LEVEL_CLASSES, 0, begin) \
        or _graded(text, begin, end)


def _graded(text: str, begin: int, end: int) -> bool:
    """`推进“三星”支部创建`: a quoted grade before a bare suffix, then 创建 (the campaign that
    raises bodies to that grade), names a grade of bodies, not one."""
    close = text.find("”", begin, end)
    return text.startswith("“", begin) and close > 0 and text.startswith("创建", end) \
        and text[close + 1:end] in lexicon.org_suffixes()


def _common_word_end(text: str, end: int, suffix: str) -> bool:
    """某区委老干部|局: a one-character suffix that closes a common word (干部, 格局, 内部) is that
    word, even where jieba glues the real suffix after it."""
    return len(suffix) == 1 and text[end - 2:end] in lexicon.generic_places()


def _not_a_body(name: str) -> bool:
    """格局, 党委政府 (the committee and the government together), 某社区党群服务中心, 非政府
    (non-governmental, of a kind of organisation)."""
    return name in lexicon.generic_places() or name.endswith(NOT_BODIES) \
        or name.endswith(_long_generic_places()) \
        or name[:1] == "非" and name[1:] in lexicon.org_suffixes()


@lru_cache(maxsize=1)
def _long_generic_places() -> tuple[str, ...]:
    """Common nouns of three characters or more that end no name (上市公司, 党组织); not those
    that are a suffix themselves: 某某健身俱乐部 is a club, a bare 俱乐部 none."""
    suffixes = lexicon.org_suffixes()
    return tuple(sorted(g for g in lexicon.generic_places() if len(g) >= 3 and g not in suffixes))


def _canonical(name: str) -> str:
    return long_form(party_form(_without_second_names(UNQUOTED.sub("", name))))


# Standard short forms of a body's head noun and the full form its canonical name takes.
LONG_FORMS = (("街道办", "街道办事处"),)


def long_form(name: str) -> str:
    """某街道办 is 某街道办事处 (the same office, written short)."""
    for short, full in LONG_FORMS:
        if name.endswith(short):
            return name[:-len(short)] + full
    return name


UNQUOTED = re.compile("[“”‘’]")
SECOND_NAME = re.compile(r"（([^（）]{2,10})）")


def _without_second_names(name: str) -> str:
    """某发展局（招商局）, 某工商联（总商会）: a second name in brackets is the same body's alias; the
    canonical name is the first (a bracketed place, 三星电子（云州）…, stays: it is part of the name)."""
    def drop(match: re.Match) -> str:
        inner = match.group(1)
        return "" if inner.endswith(_suffixes_tuple()) else match.group()
    return SECOND_NAME.sub(drop, name)


# The formal names of party bodies and the common forms the news uses for them.
FORMAL_PARTY = lexicon.pairs("formal-party")
PARTY_FORMS = lexicon.cues("party-form")


# The levels whose party committee the common form writes level + 委 (某市委; a town's is a 党委).
COMMITTEE_LEVELS = frozenset(lexicon.cues("committee-level"))


def party_form(name: str) -> str:
    """中共某街道委员会 → 某街道党委, 中共某商会支部委员会 → 某商会党支部, 中共某市委员会 → 某市委,
    中共某县委 → 某县委: the common form is the body's canonical name, the 中共 form its alias."""
    if not name.startswith("中共") or len(name) < 6:
        return name  # 中共中央 is a name of its own
    rest = name[2:]
    for formal, common in FORMAL_PARTY:
        if rest.endswith(formal) and len(rest) > len(formal) + 1:
            stem = rest[:-len(formal)]
            if formal == "委员会" and stem[-1] in COMMITTEE_LEVELS:
                return stem + "委"  # 中共某市委员会 is the 某市委
            return stem + common
    return rest


def _level_word_glued(view: View, start: int) -> int | None:
    """区政府, 市委 as one word: the level word glued to the suffix starts the (incomplete) name."""
    token = view.tokens[view.token_index(start)]
    if token.start < start and view.text[token.start:start] in LEVEL_WORDS:
        return token.start
    return None


def _trim(view: View, begin: int) -> int:
    """Drop what cannot start a name: a bracket left open by the place limit ((芦苇街道)朱巷…), or a
    preposition jieba glued to an unknown name (向|青钢集团, read as 向永钢|集团)."""
    text = view.text
    if text[begin:begin + 1] == "（":
        close = text.find("）", begin, begin + MAX_NAME)
        return close + 1 if close > 0 else begin
    token = view.tokens[view.token_index(begin)]
    if token.start == begin and len(token.word) >= 3 \
            and token.word[0] in lexicon.prepositions()["glued-to-body"] \
            and token.word not in _frequencies() \
            and view.place_ending_at(token.end) != (begin, token.end):
        return begin + 1  # (not 从化区, a place found whole)
    return begin


def _middle_start(view: View, start: int) -> int:
    """市|两新|组织|党工委, 某市|社会|组织|管理局, 区|机关|党工委: a generic sector word right before
    the suffix (kg/data/org_middles.txt) is part of the name; the name starts where the words
    before it start (a level word, a place), or with the sector word itself (非公有制企业党委, for
    the article to complete)."""
    point = view.tokens[view.token_index(start)].start  # 社会组织|管理局: the word with the suffix
    before = view.tokens[view.token_index(point - 1)] if point else None
    if before is not None and before.end == point and ORDINAL.fullmatch(before.word):
        point = before.start  # 机关|第一|党支部
    middle = lexicon.affixes(lexicon.org_middles).ending_at(view.text, point)
    if middle and view.is_boundary(point - len(middle)):
        return point - len(middle)
    return start


# A unit and its headquarters (某段|段部|党支部, 某大队|队部, 某厂|厂部): the unit's head character
# written twice, the second time with 部, ends the unit's name; the unit is a body of its own.
UNIT_HEADS = dict(lexicon.pairs("unit-head"))
UNIT_HQ = re.compile("([" + "".join(UNIT_HEADS) + "])\\1部")


def _unit_ends(view: View):
    """(end, head) of every unit whose headquarters the text names right after it (某段|段部)."""
    for match in UNIT_HQ.finditer(view.text):
        if match.start() > 0:
            yield match.start() + 1, match.group(1)


def _unit_start(view: View, start: int) -> int | None:
    """某段段部|党支部: the party body of a unit's headquarters is named after the unit."""
    if start >= 3 and UNIT_HQ.fullmatch(view.text, start - 3, start):
        return start - 3
    return None


# 与, 和, 及, 同: a name never runs across a conjunction, of a list or meaning "with"
JOINS = frozenset(w for words in lexicon.conjunctions().values() for w in words if len(w) == 1)


def _after_joins(view: View, begin: int, start: int) -> int:
    """某集团党委|与某|某社区党总支: a name never runs across a conjunction, also where jieba glues
    it to the next word (a word its dictionary does not know): the name starts after it; and a
    person's name after a title (主席|某某|某为|某某联盟) opens no body's name."""
    i = view.token_index(begin)
    first = i
    while i < len(view.tokens) and view.tokens[i].end <= start:
        word = view.tokens[i].word
        if i > first and len(word) >= 2 and word[0] in JOINS and word not in _frequencies():
            begin = view.tokens[i].start + 1
        i += 1
    return _after_person(view, begin, start)


PERSON_TAGS = ("nr", "nrfg", "nrt")


def _after_person(view: View, begin: int, start: int) -> int:
    """副主席|某某|某为|某某联盟: words tagged as a person's name right after a title are that
    person, not the start of a body's name (the name, if any, starts after them; where the
    suffix follows the person, 厂长|某某某|办厂, there is none)."""
    i = view.token_index(begin)
    if i == 0 or view.tokens[i].start != begin or view.tokens[i - 1].word not in _titles():
        return begin
    k = i
    while k < len(view.tokens) and k - i < 2 and view.tokens[k].tag in PERSON_TAGS \
            and view.tokens[k].end <= start:
        k += 1
    return view.tokens[k].start if k > i else begin


@lru_cache(maxsize=1)
def _area_committees() -> frozenset[str]:
    """区委, 县委, 市委: a committee named by an area's level character and 委."""
    return frozenset(s for s in lexicon.org_suffixes()
                     if len(s) == 2 and s[0] in lexicon.place_suffixes() and s[1] == "委")


PROVINCIAL_AGENCIES = lexicon.cues("provincial-agency")


def _opens_with_province(view: View, begin: int, start: int) -> bool:
    """The name before the suffix at ``start`` opens with a province or its level word (省民政厅,
    某某省自然资源厅; not 某市政府会议厅, 某国音乐厅: rooms)."""
    province = begin in view.place_starts and any(
        level == PROVINCE and s == begin and e <= start for (s, e), level in view.places.items())
    return province or begin < start and view.text.startswith(PROVINCE_WORDS, begin)


PROVINCE = "Province"
PROVINCE_WORDS = tuple(w for w in LEVEL_WORDS_LONGEST_FIRST if LEVEL_WORDS[w] == (PROVINCE,))


def _place_word_before(view: View, start: int) -> bool:
    """The word right before ``start`` names a place: one found, or one jieba tags as a place or
    a proper noun (宁波, 澳大利亚), or the word the suffix closes is one (某某海关 as one word)."""
    if view.place_ending_at(start) is not None:
        return True
    token = view.tokens[view.token_index(start - 1)] if start else None
    return token is not None and token.end >= start and token.tag in ("ns", "nz", "nt")


def _committee_area_start(view: View, begin: int, inner: int) -> int:
    """云州市|青松区委|组织部: a body of an area's committee is named, like the committee, after
    that area alone (-1 when no area's committee stands right before ``inner``)."""
    if inner - begin < 3 or view.text[inner - 1] != "委" \
            or view.text[inner - 2] not in lexicon.level_characters():
        return -1
    start = _area_start(view, inner - 1)
    return start if start > begin else -1


def _area_start(view: View, end: int) -> int:
    """云州市|青松区委: the area whose level character opens the committee's suffix starts its name;
    the wider area before it is where it is (-1 when no area ends there)."""
    place = view.place_ending_at(end)
    return place[0] if place is not None else -1


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(lexicon.titles())


def _level_word_before(view: View, begin: int) -> int:
    """区|物业商会, 经开区|党工委: a bare level word right before the name is kept, for completion
    (not before a name that starts with its own place: 街道|松园北社区党委 stays as it is)."""
    i = view.token_index(begin)
    if i == 0 or view.tokens[i].start != begin or begin in view.place_starts:
        return begin
    before = view.tokens[i - 1]
    if before.word in LEVEL_WORDS and view.place_ending_at(begin) is None:
        return before.start
    if _self_reference(before.word):
        return before.start + 1  # 我县|总商会: the county's, as 县总商会 is
    return begin


def _self_reference(word: str) -> bool:
    """我县, 本市, 我区: the writer's own area, a bare level word in effect."""
    return len(word) == 2 and word[0] in "我本" and word[1] in UNPLACED_LEVEL_CHARS


UNPLACED_LEVEL_CHARS = frozenset(BARE_LEVELS)  # 我县, 本市: the levels a bare level word stands for


def _bracket_after(view: View, end: int) -> int:
    """商务发展局（招商局）: a second name of the same body in brackets belongs to the name."""
    text = view.text
    if text[end:end + 1] != "（":
        return end
    close = text.find("）", end, end + 12)
    inner = text[end + 1:close] if close > 0 else ""
    if inner and inner.endswith(_suffixes_tuple()) and view.ends_name(close + 1):
        return close + 1
    return end


# `甲科技、乙集团、丙控股5家非公企业`, `甲科技、乙集团等企业`: a list closed by a count of companies.
MAX_LISTED_NAME = 6
_COUNT = NUMBER + "家"
# Found from its end (rare), then the list read back from there: a pattern that opened with the
# list would be tried at every Han character of every article.
_COMPANY_KINDS = lexicon.alternation(lexicon.cues("company-kind"))  # 5家非公企业
_COMPANY_COUNT = re.compile(f"(?:等(?:{_COUNT})?|{_COUNT})(?:{_COMPANY_KINDS})?(?:企业|公司)")
_LIST_BEFORE = re.compile(
    f"(?:[\u4e00-\u9fff]{{2,{MAX_LISTED_NAME}}}、)+[\u4e00-\u9fff]{{2,{MAX_LISTED_NAME}}}$")
_LIST_WINDOW = 12 * (MAX_LISTED_NAME + 1)  # how far back a list is read: a dozen items
RARE_NAME = 100  # a listed item this frequent in jieba's dictionary is a word, not a short name


def _listed_companies(view: View, found: dict[tuple[int, int], Mention]):
    """`甲科技、乙集团、丙控股5家非公企业`: the items of a list that a count of companies closes are
    companies by their short names, when one of them is a company already known by its suffix
    (乙集团) and the others are names, not words (`机关、学校等单位` names no body)."""
    known = {span for span, m in found.items() if m.subtype == "Enterprise" and not m.scope}
    for count in _COMPANY_COUNT.finditer(view.text):
        window = max(0, count.start() - _LIST_WINDOW)
        listed = _LIST_BEFORE.search(view.text, window, count.start())
        if listed is None:
            continue
        items, at = [], listed.start()
        for part in listed.group().split("、"):
            items.append((at, at + len(part)))
            at += len(part) + 1
        if listed.start() == window > 0:
            items.pop(0)  # the window cut into the list: its first item here may be a part
        else:
            items[0] = (_first_item_start(view, *items[0]), items[0][1])
        if not any(span in known for span in items):
            continue
        for start, end in items:
            name = view.text[start:end]
            if (start, end) in found or end - start < 2 or (start, end) in view.places \
                    or _frequencies().get(name, 0) >= RARE_NAME or name in lexicon.generic_words():
                continue
            yield Mention(start, end, name, ORGANIZATION, "Enterprise", name, "org-listed")


def _first_item_start(view: View, start: int, end: int) -> int:
    """Where the first item of a list begins: where the Han text does (`书记，甲科技`), or else
    after the words before it that are no name (`走访了甲科技`: after 了)."""
    if start and view.text[start - 1] in "·•":
        return end  # 摩根·斯坦利: the end of a foreign name, not one of its own
    if start == 0 or not HAN.match(view.text[start - 1]):
        return start
    i = view.token_index(end - 1)
    begin = end
    while i >= 0 and view.tokens[i].start >= start and name_like(view.tokens[i]):
        begin = view.tokens[i].start
        i -= 1
    return begin


QUOTED = re.compile(r"“([^“”\n，。、；]{3,30})”")


def _quoted(view: View):
    """“某某区青年民族文化研究会”: a quoted name that starts with a place and ends with a suffix is
    the whole name (a quoted “…首选银行” without a place is a slogan)."""
    subtypes = lexicon.org_suffixes()
    for match in QUOTED.finditer(view.text):
        name = match.group(1)
        if match.start(1) not in view.place_starts:
            continue
        suffix = lexicon.affixes(lexicon.org_suffixes).ending_at(name, len(name))
        if suffix and len(name) > len(suffix) + 1:
            yield Mention(match.start(1), match.end(1), name, ORGANIZATION, subtypes[suffix], name,
                          "org-quoted")


def _short_forms(view: View):
    """工行, 云州工行, 某地园区工行: a standard short form (a whole word), with the place words
    before it that say which branch it is."""
    subtypes = lexicon.org_short_forms()
    for i in view.indexes(subtypes):
        token = view.tokens[i]
        begin, k = token.start, i - 1
        while k >= 0 and i - k <= 2 and _place_word(view, view.tokens[k]):
            k -= 1
        while k + 1 < i and view.tokens[k + 1].word in ZONE_WORDS:
            k += 1  # 园区工行 alone: the bare zone word does not say which zone
        if k + 1 < i:
            begin = view.tokens[k + 1].start
        name = view.text[begin:token.end]
        yield Mention(begin, token.end, name, ORGANIZATION, subtypes[token.word][0], name,
                      "org-short-form")


def _place_word(view: View, token) -> bool:
    return token.tag == "ns" or token.word in ZONE_WORDS or view.place_ending_at(token.end) is not None


def _suffix_ends(view: View):
    """(end, suffix) for every suffix that ends on a word boundary; overlapping suffixes all count,
    so 党支部 and 支部, 有限公司 and 公司 are both tried (the longest suffix at an end wins)."""
    text, seen = view.text, set()
    suffixes = lexicon.affixes(lexicon.org_suffixes)
    for match in _pattern().finditer(text):
        end = match.end(1)
        if end in seen or not (view.ends_name(end) or _function_word_glued(view, end)):
            continue
        seen.add(end)
        yield end, suffixes.ending_at(text, end)  # the longest suffix that ends here


def _function_word_glued(view: View, end: int) -> bool:
    """某某商|会于|2012年: jieba glued a preposition after the suffix (a suffix of two characters
    or more, so that the second character of a common word is no suffix)."""
    token = view.tokens[view.token_index(end)]
    return view.text[end:token.end] in GLUED_FUNCTION_WORDS \
        and len(lexicon.affixes(lexicon.org_suffixes).ending_at(view.text, end) or "") >= 2


GLUED_FUNCTION_WORDS = lexicon.cues("glued-function-word")


def _listed_unit(view: View, found_ends: dict[int, str], begin: int, name: str) -> tuple[str, str]:
    """某社区党委第一党支部、第三党支部: a unit named by its ordinal alone, listed after a numbered
    unit, belongs to the same parent (某社区党委第三党支部); otherwise nothing says whose it is."""
    before = found_ends.get(begin - 1) if view.text[begin - 1:begin] in "、和及与" else None
    numbered = ORDINAL.search(before) if before else None
    if numbered is None:
        return name, INCOMPLETE
    return before[:numbered.start()] + name, ""


# 个, 家; 大: 5大集群党建联盟, a number of big ones counts them too. A string: a word is looked up in it.
CLASSIFIERS = "".join(lexicon.cues("classifier"))


def _counted(view: View, begin: int) -> bool:
    """Does a number count the name (7个管理区商会, 6个村党支部 cut as 个村, 三大|…联盟)?"""
    i = view.token_index(begin)
    if i == 0 or view.tokens[i].start != begin:
        return False
    before = view.tokens[i - 1]
    if before.tag == "m":
        return view.tokens[i].word[0] in CLASSIFIERS
    if COUNTED.fullmatch(before.word):
        return True
    return before.word in CLASSIFIERS and i >= 2 and view.tokens[i - 2].tag == "m"


# Level characters that, opening a name glued into a word jieba does not know, leave it no
# proper stem (区委|民族宗教工作领导小组, 区民卫局).
GLUED_LEVELS = frozenset(lexicon.cues("glued-level"))


def _has_proper_stem(view: View, begin: int, start: int) -> bool:
    """Does the name say which body it is (not just 社区党委, 区委, 园区党工委)?"""
    stem = view.text[begin:start]
    if not stem or len(stem) < 2 and view.tokens[view.token_index(begin)].tag not in ("nt", "j"):
        return False
    if stem in lexicon.generic_words() or stem in lexicon.place_suffixes() \
            or stem in lexicon.org_suffixes() or stem in lexicon.org_middles():
        return False  # 社区党委, 集团党委: which community, which group?
    if _topics_only(view, begin, start):
        return False  # 党建联盟, 党群工作部: what kind of body, not which
    first = view.tokens[view.token_index(begin)]
    if first.start == begin - 1 and _self_reference(first.word):
        return False  # 我|县总商会: the article's county's
    if first.start == begin and first.word in lexicon.org_suffixes():
        return False  # 公司|党办, 医院|急诊科: the body named elsewhere in the article
    if first.word in LEVEL_WORDS and view.place_ending_at(first.end) is None:
        return False  # 区|物业商会: the level word needs the article's area
    glued = first.word not in _frequencies() and not view.place_ending_at(first.end)
    opens = first.word in lexicon.org_suffixes() or first.word[1:].startswith(_suffixes_tuple())
    if stem[0] in GLUED_LEVELS and (glued or opens):  # 镇党委|党校, 市政府办 too
        return False  # 区委|民族宗教工作领导小组: a bare 区委 opens the name  # 区民卫局 glued into one unknown word: the same
    return True


def _topics_only(view: View, begin: int, start: int) -> bool:
    """Is the stem only words of what a body works on (党建, 党群) and generic words?"""
    return _only_words(view.text[begin:start], lexicon.org_topics() | lexicon.generic_words())


def _only_words(text: str, words) -> bool:
    """Can ``text`` be cut into words of ``words`` (each at most 4 characters)?"""
    reachable = [True] + [False] * len(text)
    for i in range(len(text)):
        if reachable[i]:
            for j in range(i + 1, min(len(text), i + 4) + 1):
                if text[i:j] in words:
                    reachable[j] = True
    return bool(text) and reachable[-1]


@lru_cache(maxsize=1)
def _suffixes_tuple() -> tuple[str, ...]:
    return tuple(lexicon.org_suffixes())


def _completable(name: str) -> bool:
    """区委, 市委, 管委会: a bare name the article's main area can complete."""
    return name in BARE_BODIES or any(name.startswith(w) and name != w for w in LEVEL_WORDS)
