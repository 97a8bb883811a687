"""Posts: a person holds a title in a body (`org:memberOf` + an `org:Membership` with the role).

A post is written `<body><title><person>`, and several posts chain with 、 before one name:
`相城区委常委、经开区党工委副书记、管委会副主任盛梦龙` gives three memberships. An item whose body is
left out (`张家港市委书记、市长邱亚光`) or shortened to a bare generic body (`管委会`, `组织部`)
takes its scope from the item before it; a head of government (`市长`) holds the post in the
人民政府 of the area whose committee the chain named. The same chain may also stand in brackets
after the name: `张三（青松社区党委书记）`.

Only Person mentions hold posts here: `会长单位东方恒信集团` (a company holding a seat) is left out,
and a company is never turned into a person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Mention, Relation
from kg.relate.context import Context, is_agent
from kg.relate.names import area_of
from kg.relate.titles import GOVERNMENT_HEADS, titles

MAX_FILLER = 10  # `中亿丰建设集团基础设施板块总工程师`: words between the body and the title
_PUNCT = set("，,。；;：:、！？!?“”‘’（）()《》\n")
# A bare body that only makes sense inside the chain's scope (`管委会` after `经开区党工委副书记`).
_BARE_BODY = re.compile(r"^(党工委|党委|管委会|[\u4e00-\u9fff]{2}部|人民政府|政府|政协|人大|人大常委会|"
                        r"工商联|团委|妇联|总工会|纪委|监委|纪工委)$")

_LEVEL_WORDS = ("街道", "社区", "镇", "村", "区", "县", "市")
MAX_BODY = 12  # a body written out before its title
MAX_DESCRIPTOR = 14  # `省“双创”人才`: a descriptor between the chain and the name
_BODY_END = re.compile(r"(委|党组|支部|总支|政府|管委会|政协|人大|工商联|商会|协会|联合会|部|局|办|厅|处|"
                       r"公司|集团|银行|支行|分行|中心|学校|大学|学院|医院|研究院|研究所|服务队|队|站|所)$")
_SUBTYPES = (
    (("委", "党组", "支部", "总支"), "PartyOrganization"),
    (("政府", "管委会", "政协", "人大", "部", "局", "办", "厅", "处"), "GovernmentAgency"),
    (("工商联", "商会", "协会", "联合会", "服务队", "队"), "SocialOrganization"),
    (("公司", "集团", "银行", "支行", "分行"), "Enterprise"),
    (("中心", "学校", "大学", "学院", "医院", "研究院", "研究所", "站", "所"), "PublicInstitution"),
)

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


def posts(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    for person in ctx.mentions:
        if person.kind != "Person":
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
        for item in _scope(ctx, chain):
            found.extend(r for r in (_membership(ctx, person, item), _department(ctx, item))
                         if r is not None)
        if not chain:
            found.extend(_apposition(ctx, person))
    return found


def _apposition(ctx: Context, person: Mention) -> list[Relation]:
    """`苏州某研究所张三当选…`: a body written right before a name, with no title, is the person's
    (the post is not stated, so no role)."""
    bodies = [m for m in ctx.ending_at(person.start) if m.kind == "Organization"]
    if not bodies:
        return []
    body = max(bodies, key=lambda m: m.end - m.start)
    rel = ctx.relation(person, "memberOf", body, person.start, CONF_APPOSITION, "apposition")
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
        if item.start - 1 >= floor and ctx.text[item.start - 1] == "、":
            pos = item.start - 1
            continue
        break
    items.reverse()
    if whole and (not items or items[0].start != floor):
        return []
    return items


def _item_before(ctx: Context, end: int, floor: int) -> Item | None:
    text = ctx.text
    for title in titles():
        tstart = end - len(title)
        if tstart < floor or not text.startswith(title, tstart):
            continue
        if any(is_agent(m) for m in ctx.ending_between(tstart + 1, end - 1)):
            continue  # `党支部书记` after `X社区党支部`: the body's name takes 党支部, the title is 书记
        body = (_body_before(ctx, tstart, floor) or _written_body(ctx, tstart, floor)
                or _level_word(ctx, tstart, floor))
        if body is None:
            return Item(None, title, title, tstart, end)
        filler = text[body.end:tstart]
        written = filler + title if not ctx.within(body.end, tstart) else title
        return Item(body, title, written, body.start, end)
    return None


def _body_before(ctx: Context, tstart: int, floor: int) -> Mention | None:
    """The body a title belongs to: the nearest (then longest) agent ending at most MAX_FILLER
    characters before the title, with no punctuation or person in between."""
    best: Mention | None = None
    for m in ctx.ending_between(max(floor, tstart - MAX_FILLER), tstart):
        if not is_agent(m) or m.start < floor:
            continue
        gap = ctx.text[m.end:tstart]
        if _PUNCT.intersection(gap) or any(n.kind == "Person" for n in ctx.within(m.end, tstart)):
            continue
        if _BODY_END.search(gap):
            continue  # `桃源镇商会会长`: the words before the title name a body of their own
        if best is None or (m.end, m.end - m.start) > (best.end, best.end - best.start):
            best = m
    return best


def _written_body(ctx: Context, tstart: int, floor: int) -> Mention | None:
    """A body the recogniser missed, written right before the title and after the previous
    break: `张家港市委书记` → 张家港市委, `组织部部长` → 组织部 (completed later from the chain)."""
    start = tstart
    while start > floor and ctx.text[start - 1] not in _PUNCT and tstart - start < MAX_BODY:
        start -= 1
    people = [n.end for n in ctx.within(start, tstart) if n.kind == "Person"]
    start = max([start, *people])
    # The longest body-shaped tail: `区工商联副主席` is not `区工` + `商联`.
    for i in range(start, tstart - 1):
        written = ctx.text[i:tstart]
        subtype = _body_subtype(written)
        if subtype and (i == start or _BARE_BODY.match(written)):
            return Mention(start=i, end=tstart, text=written, kind="Organization", subtype=subtype,
                           name=_known_name(ctx, written), rule="relate-chain-body")
    return None


def _level_word(ctx: Context, tstart: int, floor: int) -> Mention | None:
    """`街道分管领导X` in an article about a 街道: the bare level word is the article's area."""
    subject = ctx.subject
    if subject is None or subject.subtype != "AdministrativeArea":
        return None
    for word in _LEVEL_WORDS:
        start = tstart - len(word)
        if (start >= floor and ctx.text.startswith(word, start) and subject.name.endswith(word)
                and (start == floor or ctx.text[start - 1] in _PUNCT)):
            return subject
    return None


def _body_subtype(written: str) -> str:
    if not _BODY_END.search(written) or not all("\u4e00" <= c <= "\u9fff" for c in written):
        return ""
    for suffixes, subtype in _SUBTYPES:
        if written.endswith(suffixes):
            return subtype
    return "Organization"


def _known_name(ctx: Context, written: str) -> str:
    """The canonical name the recogniser gave the same words elsewhere in the article."""
    for m in ctx.by_text.get(written, ()):
        if m.kind == "Organization":
            return m.name
    return written


def _after_descriptor(text: str, start: int, floor: int) -> int:
    """`巷长、新的社会阶层人士朱维保`: the 、 before a descriptor that stands between the chain and
    the name (no title ends at the name), or ``start`` when there is none."""
    i = start - 1
    while i >= max(floor, start - MAX_DESCRIPTOR):
        if text[i] == "、":
            return i
        if text[i] in "，,。；;：:\n":
            break
        i -= 1
    return start


def _scope(ctx: Context, chain: list[Item]) -> list[Item]:
    """Give every item a body: a missing body is the previous item's, a bare one is completed."""
    out: list[Item] = []
    prev: Mention | None = None  # the body of the item before
    root: Mention | None = None  # the last body named in full: the scope of bare ones
    for item in chain:
        body = item.body
        if body is None and prev is not None:
            body, item.scoped = prev, True
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
        if body is not None and item.title in GOVERNMENT_HEADS:
            body = _government(body, item) or body
        item.body = body
        prev = body or prev
        if body is not None:
            out.append(item)
    return out


def _complete(scope: str, bare: str) -> str:
    """`相城区委` + `组织部` → 相城区委组织部; `相城经济技术开发区党工委` + `管委会` → 相城经济技术开发区管委会."""
    if bare.endswith("部") and scope.endswith("委"):
        return scope + bare
    area = area_of(scope)
    return area + bare if area else ""


def _government(body: Mention, item: Item) -> Mention | None:
    """The 人民政府 of the area a 市委/区委 is named after (or of the area itself)."""
    if body.kind == "Place":
        area = body.name
    elif body.subtype == "PartyOrganization":
        area = area_of(body.name)
    else:
        return None
    if not area:
        return None
    name = area + "人民政府"
    # The post is stated by the title; the name is not written there, so text is the name itself.
    return Mention(start=item.end - len(item.title), end=item.end, text=name, kind="Organization",
                   subtype="GovernmentAgency", name=name, rule="relate-government-head")


def _renamed(m: Mention, name: str) -> Mention:
    return Mention(start=m.start, end=m.end, text=m.text, kind=m.kind, subtype=m.subtype, name=name,
                   rule=m.rule + "+chain-scope", level=m.level, scope=m.scope)


def _membership(ctx: Context, person: Mention, item: Item) -> Relation | None:
    body = item.body
    assert body is not None
    if body.rule == "relate-government-head":
        conf, rule = CONF_GOVERNMENT, "title-government-head"
    elif item.scoped:
        conf, rule = CONF_SCOPED, "title-chain-scope"
    elif item.written != item.title:
        conf, rule = CONF_FILLER, "title"
    else:
        conf, rule = CONF_DIRECT, "title"
    return ctx.relation(person, "memberOf", body, person.start, conf, rule,
                        role=item.title, role_label=item.written)


def _department(ctx: Context, item: Item) -> Relation | None:
    """`区委副书记、组织部部长`: the department completed from the chain is the committee's."""
    if item.root is None or item.body is None or item.body.name != item.root.name + item.body.text:
        return None
    return ctx.relation(item.body, "subOrganizationOf", item.root, item.body.start, CONF_SCOPED,
                        "title-chain-scope")


def _closing(text: str, start: int, limit: int) -> int:
    for i in range(start, min(limit, start + 60)):
        if text[i] in "）)":
            return i
        if text[i] in "（(":
            return -1
    return -1
