"""Posts: a person holds a title in a body (`org:memberOf` + an `org:Membership` with the role).

A post is written `<body><title><person>`, and several posts chain with 、 before one name:
`枫林区委常委、经开区党工委副书记、管委会副主任盛小龙` gives three memberships. An item whose body is
left out (`梅港市委书记、市长邱小光`) or shortened to a bare generic body (`管委会`, `组织部`)
takes its scope from the item before it; a head of government (`市长`) holds the post in the
人民政府 of the area whose committee the chain named. The same chain may also stand in brackets
after the name: `张三（青松社区党委书记）`.

Only Person mentions hold posts here: `会长单位东方恒信集团` (a company holding a seat) is left out,
and a company is never turned into a person. A body the writer only points at (`我校党委`), or a
generic word no name of the article resolves (`公司党委` with no 公司 named), holds no post: the
graph could not tell whose body it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Mention, Relation
from kg.recognise import lexicon
from kg.recognise.context import sector_body
from kg.recognise.view import NUMBER
from kg.relate.context import Context, is_agent
from kg.relate.names import AREA_GOVERNMENTS, AREA_PARTY_COMMITTEES, area_of, level_of
from kg.relate.titles import GOVERNMENT_HEADS
from kg.vocab import ADMINISTRATIVE_AREA, MEMBER_OF, ORGANIZATION, PERSON, PLACE, SUB_ORGANIZATION_OF

MAX_FILLER = 10  # `中亿丰建设集团基础设施板块总工程师`: words between the body and the title
_PUNCT = set("，,。；;：:、！？!?“”‘’（）()《》\n")
_STOPS = _PUNCT | {"兼"}  # where a body written before a title cannot reach back past
# ... and a body the recogniser missed, read from the words before the title (`主管…工作的党委书记`,
# `副部长及某某书记处书记`); a body it found may stand before 的 (`某社区党委的书记`)
_WRITTEN_STOPS = _STOPS.union(lexicon.cues("written-stop"))
# A bare body that only makes sense inside the chain's scope (`管委会` after `经开区党工委副书记`).
_BARE_BODY = re.compile("^(?:" + lexicon.alternation(lexicon.cues("scoped-bare-body"))
                        + r"|[\u4e00-\u9fff]{2}部)(?:党组)?$")

_LEVEL_WORDS = lexicon.cues("unit-level")
# What joins the posts of one chain: `书记、主任`, `副院长兼党委副书记`.
_CHAIN_SEPS = ("、", "兼")
# Words that make a compound title of the one after them: `常务副市长`, `代市长`, `专职常委`.
_TITLE_PREFIXES = lexicon.cues("title-prefix")
# A prefix that says where the post is held (`驻村第一书记`: in the article's 村).
_POSTED_IN = dict(lexicon.pairs("posted-in"))
# Words a body written before a title cannot begin with (`在听取商会会长X`: 在听取 is no name).
_NOT_A_NAME = lexicon.cues("not-a-name")  # 原建设部总工程师: the former post, the body is 建设部
# A written body that only points at a body (`我校党委`, `该商会`) or stayed a bare generic word
# the article's names did not resolve (`公司党委` with no 公司 named): not an entity of its own.
_ANAPHORIC = re.compile("^(?:我|本|该)|^(?:" + lexicon.alternation(lexicon.cues("generic-body"))
                        + ")(?:" + lexicon.alternation(lexicon.cues("generic-body-committee")) + ")?$")
MAX_OPAQUE = 6  # `、居委会主任`: words before a title that name no body the article knows
# Persons in one list share a chain: `会长甲、执行会长乙`, `市领导甲、乙`, `部长甲及副部长乙`.
_PERSON_SEPS = lexicon.item_joins()
_ROLL_SEPS = ("，", ",")
# The level a head of government's title names, and the suffix of that level's area.
_HEAD_LEVEL = lexicon.pairs("head-level")
_AREA_HEADS = (*_HEAD_LEVEL, ("村长", "村"))
_PART_TITLES = lexicon.cues("part-title")  # of a building, lane, grid, group
MAX_BODY = 12  # a body written out before its title
MAX_GENERIC = 4  # `商会`, `公司党委`: a generic word standing for the article's one such body
MAX_DESCRIPTOR = 14  # `省“双创”人才`: a descriptor between the chain and the name
# How a body written before a title ends, by subtype: those words name a body of their own
# (`桃源镇商会会长`).
_SUBTYPES = tuple((lexicon.cues(f"written-body-{subtype}"), subtype) for subtype in (
    "PartyOrganization", "GovernmentAgency", "SocialOrganization", "Enterprise", "PublicInstitution"))
_BODY_ENDINGS = tuple(word for words, _ in _SUBTYPES for word in words)

PARTY_BODIES = lexicon.cues("party-body")
# Titles that open with a body (`纪委书记`, `工商联党组书记`): where the chain or a written body
# gives that body its scope, the body is the scope's (`党委副书记、纪委书记` → the unit's 纪委,
# role 书记), as the annotation guide names posts; alone they stay whole titles (`党委书记王某`).
_TITLE_BODIES = (*PARTY_BODIES, "党工委", "纪委")
CONF_DIRECT = 0.9
CONF_FILLER = 0.85
CONF_SCOPED = 0.8  # body inherited or completed from the item before it
CONF_GOVERNMENT = 0.75
CONF_APPOSITION = 0.7  # body and name side by side, no title


@dataclass
class Item:
    """One post of a chain: the body (None when the text leaves it out), the title, as written."""

    body: Mention | None
    title: str
    written: str
    start: int
    end: int
    scoped: bool = False
    root: Mention | None = None  # the body named in full whose scope completed this one
    opaque: bool = False  # a body the article does not know is written: the post is not ours
    inferred: bool = False  # a head of government: the body follows from the title, not written


def posts(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    before: tuple[Mention, list[Item]] | None = None  # the person before, with its posts
    for person in ctx.mentions:
        if person.kind != PERSON:
            continue
        span = ctx.sents.at(person.start)
        if span is None:
            continue
        chain = parse_chain(ctx, person.start, span[0])
        if not chain:
            chain = parse_chain(ctx, _after_descriptor(ctx.text, person.start, span[0]), span[0])
        if not chain and ctx.text[person.end:person.end + 1] in ("（", "("):
            close = _closing(ctx.text, person.end + 1, span[1])
            if close > 0:
                chain = parse_chain(ctx, close, person.end + 1, whole=True)
        if not chain:
            chain, current = _elected_into(ctx, person, _predicate_chain(ctx, person, span[1])), []
        else:  # `某街道党工委书记王某，现任某区委委员`: the posts after the name too
            current = _elected_into(ctx, person,
                                    _predicate_chain(ctx, person, span[1], pause=False))
        listed = before if before is not None and _listed_after(ctx, before[0], chain, person) else None
        if listed is not None and not chain:
            items = listed[1]  # `市领导甲、乙`: the title before the list is every name's
        else:
            items = _scope(ctx, chain, listed[1] if listed is not None else [])
        items += _scope(ctx, current) + _scope(ctx, _passive_chain(ctx, person, chain, span[0]))
        for item in items:
            found.extend(r for r in (_membership(ctx, person, item), _department(ctx, item),
                                     _party_group(ctx, item)) if r is not None)
        if not chain and listed is None:
            found.extend(_apposition(ctx, person))
        before = (person, items)
    return found


# What joins a name to the posts written after it, longest first: `王某现任某党委书记`,
# `王某，某党委书记，…`, `王某同志任…`, `王某当选为…`; and, after a verb of appointing before the
# name (`任命王某为某局局长`), 为.
_PREDICATES = lexicon.cues("post-predicate")
_APPOINTING = lexicon.cues("appointing")
_CLAUSE_ENDS = ("，", "。", "；", "！", "？")
# A person's details in a notice, each after a comma: sex, nationality, birth, party membership
_DETAILS = re.compile("(?:，(?:" + lexicon.alternation(lexicon.cues("person-detail"))
                      + "|[\u4e00-\u9fff]{1,4}族|[0-9０-９]{4}年(?:[0-9０-９]{1,2}月)?(?:出)?生))*")
_OTHERS = re.compile("等(?:" + NUMBER + ")?[名位个]?人")  # 王某等8人: the others elected with him
_TERM = re.compile("(?:" + lexicon.alternation(lexicon.cues("term")) + "|第" + NUMBER + "届)")


def _predicate_chain(ctx: Context, person: Mention, limit: int, pause: bool = True) -> list[Item]:
    """The posts written after the name, when they fill the clause (`王某任某党委书记。`; not
    `王某是某党委书记的好帮手`). Without ``pause``, a comma alone does not join them (after posts
    written before the name, `…书记王某，区长李某` is a list)."""
    after = _past_others(ctx, person.end)
    details = _DETAILS.match(ctx.text, after)
    if details and details.end() > after and ctx.text.startswith("，", details.end()):
        after = details.end()  # `王某，男，汉族，1975年10月生，中共党员，现任…`: a notice's details
    mark = next((m for m in _PREDICATES if ctx.text.startswith(m, after)
                 and (pause or m != "，")), "")
    if not mark and ctx.text.startswith("为", after) \
            and ctx.text.endswith(_APPOINTING, 0, person.start):
        mark = "为"  # `任命王某为…`
    if not mark:
        return _sent_to(ctx, person, after, limit)
    start = after + len(mark)
    term = _TERM.match(ctx.text, start)
    start = term.end() if term else start  # 当选为新一届会长: the post is 会长
    return _chain_to_clause_end(ctx, start, limit)


def _chain_to_clause_end(ctx: Context, start: int, limit: int) -> list[Item]:
    """The posts that fill the rest of the clause from ``start`` (before ``limit``), or []."""
    ends = [at for at in (ctx.text.find(p, start, limit) for p in _CLAUSE_ENDS) if at >= 0]
    end = min(ends, default=limit)
    return parse_chain(ctx, end, start, whole=True) if end > start else []


def _past_others(ctx: Context, after: int) -> int:
    """Where the others named or counted with the name end (`王某、李某当选副会长`, `王某等8人当选
    副会长`), or ``after``."""
    while ctx.text[after:after + 1] in _PERSON_JOINS:
        listed = [m for m in ctx.starting_at(after + 1) if m.kind == PERSON]
        if not listed:
            break
        after = max(m.end for m in listed)
    others = _OTHERS.match(ctx.text, after)
    return others.end() if others else after


_PERSON_JOINS = lexicon.join_characters()  # 、和及与暨


def _sent_to(ctx: Context, person: Mention, after: int, limit: int) -> list[Item]:
    """`王某被选派到甲村担任驻村第一书记`: posts held where the person was sent, the place or body
    written between the verb of sending and a verb of holding; a title without a body is held
    there."""
    sent = next((w for w in _SENT_TO if ctx.text.startswith(w, after)), "")
    agents = [m for m in ctx.starting_at(after + len(sent)) if is_agent(m)] if sent else []
    if not agents:
        return []
    where = ctx.head(max(agents, key=lambda m: m.end - m.start))
    verb = next((v for v in _HELD_BY if ctx.text.startswith(v, where.end)), "")
    if not verb:
        return []
    chain = _chain_to_clause_end(ctx, where.end + len(verb), limit)
    for item in chain:
        if item.body is None and not item.opaque:
            item.body, item.scoped = where, True
    return chain


_SENT_TO = lexicon.cues("sent-to")
_ELECTED = lexicon.cues("elected")


def _elected_into(ctx: Context, person: Mention, chain: list[Item]) -> list[Item]:
    """`某商会换届大会召开，王某当选会长`: a post won in an election, written without its body, is
    in the body the sentence is about (a body, not an area: 当选区长 is no post in the 区) — not a
    body written as someone's post (`某公司董事长王某当选会长`: the company is where he works),
    whose clause leaves the article's body to be the one (`某商会召开大会。…，王某当选会长`)."""
    if chain and chain[0].body is None \
            and ctx.text.startswith(_ELECTED, _past_others(ctx, person.end)):
        body = ctx.clause_subject(person.start)
        if body is not None and _written_as_a_post(ctx, body):
            body = ctx.subject
        if body is not None and body.kind == ORGANIZATION:
            chain[0].body, chain[0].scoped = body, True
    return chain


def _written_as_a_post(ctx: Context, body: Mention) -> bool:
    """`某公司董事长王某`: the body opens a person's post, a title and a name right after it."""
    title = lexicon.affixes(lexicon.titles).starting_at(ctx.text, body.end)
    return title is not None \
        and any(m.kind == PERSON for m in ctx.starting_at(body.end + len(title)))


_HELD_BY = lexicon.cues("held-by")


def _passive_chain(ctx: Context, person: Mention, chain: list[Item], floor: int) -> list[Item]:
    """`某社区党委书记由街道党工委委员王某兼任`: the posts written before 由 are held by the name
    after it, when a verb of holding closes the clause."""
    if not ctx.text.startswith(_HELD_BY, person.end):
        return []
    at = (chain[0].start if chain else person.start) - 1
    if at <= floor or ctx.text[at] != "由":
        return []
    return parse_chain(ctx, at, floor)


def _listed_after(ctx: Context, previous: Mention, chain: list[Item], person: Mention) -> bool:
    """Whether ``person`` (with its own ``chain``) is the next name of a list after ``previous``."""
    start = chain[0].start if chain else person.start
    gap = ctx.text[previous.end:start]
    # `副主席甲，秘书长乙`: a roll of posts goes on past a comma when the next title names no body
    # of its own (it is the body of the name before) — but a head of government's title names its
    # own (`部长甲，副市长乙`: the city's)
    return gap in _PERSON_SEPS or (gap in _ROLL_SEPS and bool(chain) and chain[0].body is None
                                   and not _head_level(chain[0].title))


def _apposition(ctx: Context, person: Mention) -> list[Relation]:
    """`云州某研究所张三当选…`: a body written right before a name, with no title, is the person's
    (the post is not stated, so no role)."""
    bodies = [m for m in ctx.ending_at(person.start) if m.kind == ORGANIZATION]
    if not bodies:
        return []
    body = max(bodies, key=lambda m: m.end - m.start)
    rel = ctx.relation(person, MEMBER_OF, body, person.start, CONF_APPOSITION, "apposition")
    return [rel] if rel is not None else []


def parse_chain(ctx: Context, end: int, floor: int, whole: bool = False) -> list[Item]:
    """The posts written right before ``end``, left to right. With ``whole``, the chain must fill
    ``[floor, end)`` (the bracketed form)."""
    items: list[Item] = []
    pos = end
    while True:
        item = _item_before(ctx, pos, floor)
        if item is None:
            break
        items.append(item)
        sep = next((x for x in _CHAIN_SEPS if ctx.text.startswith(x, item.start - len(x))), "")
        if sep and item.start - len(sep) >= floor:
            pos = item.start - len(sep)
            continue
        break
    items.reverse()
    if whole and (not items or items[0].start != floor):
        return []
    return items


def _item_before(ctx: Context, end: int, floor: int) -> Item | None:
    text = ctx.text
    for title in lexicon.affixes(lexicon.titles).ending(text, end, floor):  # longest first
        tstart = end - len(title)
        if any(is_agent(m) for m in ctx.ending_between(tstart + 1, end - 1)):
            continue  # `党支部书记` after `X社区党支部`: the body's name takes 党支部, the title is 书记
        if _scoped_title_body(ctx, title, tstart, floor):
            continue  # `、纪委书记`, `工商联党组书记`: the body takes 纪委, 党组; the title is 书记
        prefix = next((p for p in _TITLE_PREFIXES if text.startswith(p, tstart - len(p))), "")
        if prefix and tstart - len(prefix) >= floor:
            tstart, title = tstart - len(prefix), prefix + title
        body = _body_before(ctx, title, tstart, floor) or _written_body(ctx, tstart, floor)
        if body is None:
            level = _level_word(ctx, tstart, floor)
            if level is not None:
                body, word = level
                return Item(body, title, word + title, tstart - len(word), end)
            posted = _article_area(ctx, _POSTED_IN[prefix]) if prefix in _POSTED_IN else None
            if posted is not None:  # `驻村第一书记X`: in the 村 the article is about
                return Item(posted, title, title, tstart, end)
            department = _contracted_department(ctx, title, tstart, floor)
            if department is not None:
                return Item(department, title, title, department.start, end)
            named = _named_party_body(ctx, title, tstart, end, floor)
            if named is not None:
                return named
            return _opaque(ctx, title, tstart, end, floor) or Item(None, title, title, tstart, end)
        cut = _cut_short(ctx, body, floor)
        if cut >= 0:  # `、市新兴领域党工委书记`: the body is longer than the name found in it
            return Item(None, title, text[cut:end], cut, end, opaque=True)
        if body.kind == ORGANIZATION and body.name == body.text:
            known = _known_name(ctx, body.text)
            body = _renamed(body, known) if known != body.name else body
        filler = text[body.end:tstart]
        written = filler + title if not ctx.within(body.end, tstart) else title
        return Item(body, title, written, body.start, end)
    return None


def _scoped_title_body(ctx: Context, title: str, tstart: int, floor: int) -> bool:
    """Whether ``title`` opens with a body (`纪委书记`) that the chain scopes: it follows a chain
    separator (`党委副书记、纪委书记`) or a body written right before it (`工商联党组书记`)."""
    word = next((w for w in _TITLE_BODIES if title.startswith(w) and len(title) > len(w)), "")
    if not word:
        return False
    if any(ctx.text.startswith(sep, tstart - len(sep)) for sep in _CHAIN_SEPS) and tstart > floor:
        return True
    return _written_body(ctx, tstart, floor) is not None


def _contracted_department(ctx: Context, title: str, tstart: int, floor: int) -> Mention | None:
    """`区委常委、组织部长X`: `组织部长` is the 部长 of the 组织部, the 部 written once."""
    start = tstart - 2
    if not title.endswith("部长") or start < floor or (start > floor and ctx.text[start - 1] not in _STOPS):
        return None
    written = ctx.text[start:tstart]
    if not all("\u4e00" <= c <= "\u9fff" for c in written) or written.endswith("部"):
        return None
    name = written + "部"
    return Mention(start=start, end=tstart, text=name, kind=ORGANIZATION,
                   subtype="GovernmentAgency", name=name, rule="relate-chain-body")


def _cut_short(ctx: Context, body: Mention, floor: int) -> int:
    """Where a chain item starts when a few words no name covers stand between the chain separator
    and ``body`` (`书记、市新兴领域党工委书记`: the body is `市新兴领域党工委`, which the article does not
    know), or -1 when ``body`` starts the item."""
    for start in range(body.start - 1, max(floor, body.start - MAX_OPAQUE) - 1, -1):
        ch = ctx.text[start]
        if ch in _CHAIN_SEPS:
            return start + 1 if start + 1 < body.start else -1
        if not "\u4e00" <= ch <= "\u9fff" or ctx.ending_at(start + 1):
            return -1
    return -1


def _named_party_body(ctx: Context, title: str, tstart: int, end: int, floor: int) -> Item | None:
    """`某公司党委成立于…。党委书记王某介绍`, `支部书记王某说`: a party body written bare before its
    post, opening the clause (not an item of a chain, which the chain scopes), is the one of its
    kind the article named last."""
    word = next((w for w in PARTY_BODIES if title.startswith(w) and title != w), "")  # 党委|书记
    start = tstart
    if not word:
        word = next((w for w in PARTY_BODIES if ctx.text.endswith(w, floor, tstart)), "")  # 支部|书记
        start = tstart - len(word)
    if not word or start > floor and (ctx.text[start - 1] not in _PUNCT
                                      or ctx.text[start - 1] in _CHAIN_SEPS):
        return None
    body = ctx.last_named(word, 0, start)
    if body is None or body.kind != ORGANIZATION:
        return None
    return Item(body, title.removeprefix(word) if start == tstart else title, ctx.text[start:end],
                start, end)


def _opaque(ctx: Context, title: str, tstart: int, end: int, floor: int) -> Item | None:
    """`书记、居委会主任X`: a few words between a chain separator and the title name a body the
    article does not know; the item holds no post of ours, but the chain runs on before it."""
    for start in range(tstart - 1, max(floor, tstart - MAX_OPAQUE) - 1, -1):
        if ctx.text[start] in _PUNCT or not "\u4e00" <= ctx.text[start] <= "\u9fff":
            if ctx.text[start] in _CHAIN_SEPS and start + 1 < tstart:
                # `某局二级调研员、机关党委书记`: the bureau's 机关党委, completed in _scope (the title
                # read longest first may have taken the party body: 机关|党委书记)
                party = next((p for p in _TITLE_BODIES if title.startswith(p) and title != p), "")
                words = ctx.text[start + 1:tstart + len(party)]
                if sector_body(words):
                    body = Mention(start=start + 1, end=tstart + len(party), text=words,
                                   kind=ORGANIZATION, subtype="PartyOrganization", name=words,
                                   rule=SECTOR_BODY)
                    return Item(body, title[len(party):], ctx.text[start + 1:end], start + 1, end)
                return Item(None, title, ctx.text[start + 1:end], start + 1, end, opaque=True)
            return None
    return None


SECTOR_BODY = "relate-chain-sector-body"


def _body_before(ctx: Context, title: str, tstart: int, floor: int) -> Mention | None:
    """The body a title belongs to: the nearest (then longest) agent ending at most MAX_FILLER
    characters before the title, with no punctuation or person in between."""
    best: Mention | None = None
    for m in ctx.ending_between(max(floor, tstart - MAX_FILLER), tstart):
        if not is_agent(m) or m.start < floor:
            continue
        gap = ctx.text[m.end:tstart]
        if _STOPS.intersection(gap) or any(n.kind == PERSON for n in ctx.within(m.end, tstart)):
            continue
        if gap.endswith(_BODY_ENDINGS):
            continue  # `桃源镇商会会长`: the words before the title name a body of their own
        if m.kind == PLACE and not _area_takes(title, m, gap):
            continue
        if best is None or (m.end, m.end - m.start) > (best.end, best.end - best.start):
            best = m
    return best


def _area_takes(title: str, area: Mention, gap: str) -> bool:
    """Whether the post ``title``, written ``gap`` after ``area``, is the area's: a head of
    government only of its level (`云州市市长`, not `云州市某某儿童村村长`), and past words no name
    covers only a post in a part of it (`某社区某小区2号楼楼巷长`), not `云州市某某学校校长`."""
    level = next((suffix for head, suffix in _AREA_HEADS if title.endswith(head)), "")
    if level and not area.name.endswith(level):
        return False
    return not gap or title.endswith(_PART_TITLES)


def _written_body(ctx: Context, tstart: int, floor: int) -> Mention | None:
    """A body the recogniser missed, written right before the title and after the previous
    break: `梅港市委书记` → 梅港市委, `组织部部长` → 组织部 (completed later from the chain)."""
    start = tstart
    while start > floor and ctx.text[start - 1] not in _WRITTEN_STOPS and tstart - start < MAX_BODY:
        start -= 1
    people = [n.end for n in ctx.within(start, tstart) if n.kind == PERSON]
    start = max([start, *people])
    # The longest body-shaped tail: `区工商联副主席` is not `区工` + `商联`.
    for i in range(start, tstart - 1):
        written = ctx.text[i:tstart]
        subtype = _body_subtype(written)
        if subtype and ((i == start and not written.startswith(_NOT_A_NAME))
                        or _BARE_BODY.match(written)):
            return Mention(start=i, end=tstart, text=written, kind=ORGANIZATION, subtype=subtype,
                           name=_known_name(ctx, written), rule="relate-chain-body")
    return None


def _level_word(ctx: Context, tstart: int, floor: int) -> tuple[Mention, str] | None:
    """`街道分管领导X`, `县领导X` in an article about a 街道, a 县: the bare level word is the
    article's area (with the word)."""
    for word in _LEVEL_WORDS:
        start = tstart - len(word)
        if (start >= floor and ctx.text.startswith(word, start)
                and (start == floor or ctx.text[start - 1] in _PUNCT)):
            area = _article_area(ctx, word)
            return (area, word) if area is not None else None
    return None


# Areas ending in 区 that are no district.
NON_DISTRICT_AREAS = lexicon.cues("non-district-area")


def _article_area(ctx: Context, suffix: str) -> Mention | None:
    """The area of the level ``suffix`` names (`县`, `街道`) that the article is about: its subject,
    else the only such area it names."""
    subject = ctx.subject
    if subject is not None and subject.subtype == ADMINISTRATIVE_AREA and subject.name.endswith(suffix):
        return subject
    named = [a for a in ctx.areas if a.subtype == ADMINISTRATIVE_AREA and a.name.endswith(suffix)
             and (suffix != "区" or not a.name.endswith(NON_DISTRICT_AREAS))]
    return named[0] if len(named) == 1 else None


def _body_subtype(written: str) -> str:
    if not written.endswith(_BODY_ENDINGS) or not all("\u4e00" <= c <= "\u9fff" for c in written):
        return ""
    for suffixes, subtype in _SUBTYPES:
        if written.endswith(suffixes):
            return subtype
    return ORGANIZATION


def _known_name(ctx: Context, written: str) -> str:
    """The canonical name the recogniser gave the same words elsewhere in the article; for a
    generic word (`商会会长`, `公司党委书记`), the one body of the article whose name ends so."""
    for m in ctx.by_text.get(written, ()):
        if m.kind == ORGANIZATION and m.name != written:
            return m.name
    if len(written) <= MAX_GENERIC and not _BARE_BODY.match(written):
        names = ctx.bodies_ending_with(written)
        if len(names) == 1:
            return names[0]
    return written


def _after_descriptor(text: str, start: int, floor: int) -> int:
    """`巷长、新的社会阶层人士朱为宝`: the 、 before a descriptor that stands between the chain and
    the name (no title ends at the name), or ``start`` when there is none."""
    i = start - 1
    while i >= max(floor, start - MAX_DESCRIPTOR):
        if text[i] == "、":
            return i
        if text[i] in "，,。；;：:\n":
            break
        i -= 1
    return start


def scoped_items(ctx: Context, chain: list[Item]) -> list[Item]:
    """The posts of ``chain`` (from ``parse_chain``), each with its body."""
    return _scope(ctx, chain)


def _scope(ctx: Context, chain: list[Item], listed: list[Item] = ()) -> list[Item]:
    """Give every item a body: a missing body is the previous item's, a bare one is completed.
    ``listed``: the posts of the name before in the same list (`会长甲、执行会长乙`), whose last
    body is the scope of this chain's first items."""
    out: list[Item] = []
    prev: Mention | None = listed[-1].body if listed else None  # the body of the item before
    roots = [i.root or i.body for i in listed if i.body is not None and i.body.kind != PLACE]
    root: Mention | None = roots[-1] if roots else None  # the last body named in full
    for item in chain:
        if item.opaque:
            continue
        body = item.body
        if body is None and prev is not None:
            body, item.scoped = _unit_for(ctx, prev, item.title), True
        elif body is not None and body.rule == SECTOR_BODY:
            body = _renamed(body, root.name + body.name) if root is not None else None
            item.scoped, item.root = True, root
        elif body is not None and body.name == body.text and _BARE_BODY.match(body.name):
            completed = _complete(root.name, body.name) if root is not None else ""
            if completed:
                body = _renamed(body, completed)
                item.scoped, item.root = True, root
            elif root is not None or not _BARE_BODY.match(body.name):
                pass
            else:
                body = None  # a bare `管委会` with nothing to scope it names no body
        elif body is not None:
            root = body
        if body is None and _head_level(item.title):
            body = _article_area(ctx, _head_level(item.title))  # `副市长X`: the article's city
        if body is not None and _head_level(item.title):
            held = _government(ctx, body, _head_level(item.title))
            item.inferred = held is not None and held.name != body.name
            body = held
        item.body = body
        prev = body or prev
        if body is not None:
            out.append(item)
    return out


def _head_level(title: str) -> str:
    """The area suffix a head of government's title names (`常务副市长` → 市), or ""."""
    if title not in GOVERNMENT_HEADS and not title.endswith(tuple(GOVERNMENT_HEADS)):
        return ""
    return next(suffix for head, suffix in _HEAD_LEVEL if title.endswith(head))


def _complete(scope: str, bare: str) -> str:
    """`枫林区委` + `组织部` → 枫林区委组织部; `枫林经济技术开发区党工委` + `管委会` → 枫林经济技术开发区管委会;
    `青松学院` + `党委` → 青松学院党委 (a unit's own party body); `枫林区委统战部` + `工商联党组` →
    枫林区工商联党组 (the area of the committee whose department the scope is); `青松公司党委` +
    `纪委` → 青松公司纪委 (a body of the party body's unit)."""
    committee = scope if _area_committee(scope) else _committee_of(scope)
    if bare.endswith("部") and committee and bare not in AREA_DEPARTMENTS:
        return committee + bare
    area = area_of(committee or scope)
    if area:
        return area + bare
    if bare in PARTY_BODIES:
        return scope + bare if not scope.endswith(PARTY_BODIES) else ""
    unit = next((scope[:-len(p)] for p in PARTY_BODIES if scope.endswith(p)), "")
    return unit + bare if unit else ""


# Departments of an area rather than of its party committee (`党工委委员、武装部部长`: the
# subdistrict's 武装部).
AREA_DEPARTMENTS = lexicon.cues("area-department")


def _area_committee(name: str) -> bool:
    """An area's party committee (`枫林区委`, `青石街道党工委`), not another body named with 委
    (`青石街道人大工委`)."""
    return any(name.endswith(s) and level_of(name[:-len(s)]) for s in AREA_PARTY_COMMITTEES)


def _committee_of(department: str) -> str:
    """The committee a department's name begins with (`枫林区委统战部` → 枫林区委), or ""."""
    if not department.endswith("部"):
        return ""
    at = department.rfind("委", 0, len(department) - 1)
    return department[:at + 1] if at > 0 else ""


def _is_party_title(title: str) -> bool:
    return title.endswith(("书记", "委员")) or title in ("常委", "支书")


def _unit_for(ctx: Context, body: Mention, title: str) -> Mention | None:
    """The body a title left without one holds its post in, given the body of the item before:
    that body, except that a unit's title after its party body's (`…分行党委书记、行长`) is the
    unit's — and none when the article does not name the unit."""
    if body.subtype != "PartyOrganization" or _is_party_title(title) or _head_level(title):
        return body
    if title.endswith(OFFICE_HEADS) and _area_committee(body.name):
        return _area_office(ctx, area_of(body.name))  # `某街道党工委书记甲、主任乙`
    for suffix in PARTY_BODIES:
        unit = body.name[:-len(suffix)] if body.name.endswith(suffix) else ""
        if unit:
            units = [m for m in ctx.by_name.get(unit, ()) if m.kind == ORGANIZATION]
            return units[0] if units else None
    return body


# The heads of an area's own office (a subdistrict's 办事处, a community's 居委会): a 主任 after the
# area's party committee is no post in that committee.
OFFICE_HEADS = lexicon.cues("office-head")
AREA_OFFICES = AREA_GOVERNMENTS + lexicon.cues("residents-committee")


def _area_office(ctx: Context, area: str) -> Mention | None:
    """The office of ``area`` the article names (`某街道办事处`, `某社区居委会`), or None: a
    name the text does not write is not made up."""
    for suffix in AREA_OFFICES:
        for m in ctx.by_name.get(area + suffix, ()):
            if m.kind == ORGANIZATION:
                return m
    return None


def _government(ctx: Context, body: Mention, level: str) -> Mention | None:
    """Where a head of government holds the post: the area's 人民政府 when the article names it,
    else the area itself (a name the text does not write is not made up). ``body`` is the area or
    the committee named after it (`梅港市委书记、市长`); ``level`` the area suffix the title names
    (市 of 市长): a 市长 heads no 社区."""
    if body.kind == PLACE:
        area = body.name
    elif body.subtype == "PartyOrganization" or body.name.endswith(("政府", "人民政府")):
        area = area_of(body.name)
    else:
        return body
    if not area or not area.endswith(level):
        return None
    for name in (area + "人民政府", area + "政府"):
        for m in ctx.by_name.get(name, ()):
            if m.kind == ORGANIZATION:
                return m
    places = [m for m in ctx.by_name.get(area, ()) if m.kind == PLACE]
    if places:
        return places[0]
    if body.text.startswith(area):  # `梅林市委`: the area is written inside the committee's name
        return Mention(start=body.start, end=body.start + len(area), text=area, kind=PLACE,
                       subtype=ADMINISTRATIVE_AREA, name=area, rule="relate-area-prefix",
                       level=level_of(area))
    return None


def _renamed(m: Mention, name: str) -> Mention:
    return Mention(start=m.start, end=m.end, text=m.text, kind=m.kind, subtype=m.subtype, name=name,
                   rule=m.rule + "+chain-scope", level=m.level, scope=m.scope)


def _membership(ctx: Context, person: Mention, item: Item) -> Relation | None:
    body = item.body
    assert body is not None
    if body.rule == "relate-chain-body" and _ANAPHORIC.match(body.name):
        return None  # better no post than one in a body the article never names
    if item.inferred:
        conf, rule = CONF_GOVERNMENT, "title-government-head"
    elif item.scoped:
        conf, rule = CONF_SCOPED, "title-chain-scope"
    elif item.written != item.title:
        conf, rule = CONF_FILLER, "title"
    else:
        conf, rule = CONF_DIRECT, "title"
    return ctx.relation(person, MEMBER_OF, body, person.start, conf, rule,
                        role=item.title, role_label=item.written)


def _department(ctx: Context, item: Item) -> Relation | None:
    """`区委副书记、组织部部长`: the department completed from the chain is the committee's."""
    if item.root is None or item.body is None or item.body.name != item.root.name + item.body.text:
        return None
    return ctx.relation(item.body, SUB_ORGANIZATION_OF, item.root, item.body.start, CONF_SCOPED,
                        "title-chain-scope")


def _party_group(ctx: Context, item: Item) -> Relation | None:
    """`区委统战部副部长、工商联党组书记`: the party group completed from the chain (某区工商联党组)
    is its body's, 某区工商联, which the chain names only inside it."""
    body = item.body
    if not item.scoped or body is None or not body.text.endswith("党组") or len(body.text) <= 2:
        return None
    unit_text = body.text[:-2]
    unit = Mention(start=body.start, end=body.start + len(unit_text), text=unit_text,
                   kind=ORGANIZATION, subtype=_body_subtype(unit_text) or ORGANIZATION,
                   name=body.name[:-2], rule=body.rule)
    return ctx.relation(body, SUB_ORGANIZATION_OF, unit, body.start, CONF_SCOPED,
                        "title-chain-scope")


def _closing(text: str, start: int, limit: int) -> int:
    for i in range(start, min(limit, start + 60)):
        if text[i] in "）)":
            return i
        if text[i] in "（(":
            return -1
    return -1
