"""What a name's own structure says: the body or place it is named inside.

`竹巷社区党委` is the party committee of 竹巷社区; `企助中心党总支` sits inside the 企助中心;
`工商银行云州园区支行` is a branch of 工商银行 in 云州园区. The recogniser reports the parts of a
long name as nested mentions; when it has not, a name that begins with another name of the same
article, or with a generic administrative-area prefix (`柳岸区司法局` → 柳岸区), still says so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.model import Mention
from kg.recognise import lexicon
from kg.recognise.context import LEVEL_WORDS, LEVEL_WORDS_LONGEST_FIRST, station_of_its_place
from kg.recognise.places import BARE_AREA_LEVELS, TABLE_ONLY_LEVELS
from kg.recognise.view import ACROSS_LEVEL
from kg.relate.context import Context, is_agent, is_place, per_article
from kg.vocab import ADMINISTRATIVE_AREA, ORGANIZATION, PLACE, RANK

# Area suffixes with the level they give (kg/data/place_suffixes.txt), longest first: the longest
# match wins, so 经济技术开发区 is a zone before 区 makes it a district.
_SUFFIX_LEVEL = sorted(lexicon.place_suffixes().items(), key=lambda item: -len(item[0]))
_AREA_PREFIX = re.compile(
    "^([\u4e00-\u9fff]{2,4}?(?:" + "|".join(s for s, _ in _SUFFIX_LEVEL) + "))(?=[\u4e00-\u9fff])")
MAX_BARE_DEPARTMENT = 6
_SHORT_FORMS = lexicon.pairs("short-form")
_SHORT_ENDINGS = tuple(short for short, _ in _SHORT_FORMS)
# Natural features: a body named after a lake is not thereby located in the lake.
_NATURE = lexicon.cues("natural-feature")
_CONTAINER_LEVELS = ("Province", "City", "District", "County")  # what a zone is named after
# What an area's own leading bodies add to its name: its party committee (`青松区委`, `青石街道党工委`)
# and its government (`青石街道办事处`, `云州新城管委会`, `青松区人民政府`).
AREA_PARTY_COMMITTEES = lexicon.cues("area-party-committee")
AREA_GOVERNMENTS = lexicon.cues("area-government")
AREA_BODIES = AREA_PARTY_COMMITTEES + AREA_GOVERNMENTS


@dataclass(frozen=True)
class Container:
    """The nearest body (``org``) and place (``place``) a name is named inside, and how we know."""

    org: Mention | None
    place: Mention | None
    how: str  # "nested" (recogniser's parts), "prefix" (another name of the article), "area-prefix"


def level_of(name: str) -> str:
    suffix = lexicon.affixes(lexicon.place_suffixes).ending_at(name, len(name))
    if suffix:
        return lexicon.place_suffixes()[suffix]
    # 湘西州, 某某旗: a level the national table's names alone give to their suffix
    return TABLE_ONLY_LEVELS.get(name[-1:], "") if name in lexicon.division_names() else ""


def one_areas_leadership(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one area's party committee and its government (`青石街道党工委`
    and `青石街道办事处`, `云州市委` and `云州市人民政府`): the area's leadership, acting as one."""
    for party, government in ((a, b), (b, a)):
        for suffix in AREA_GOVERNMENTS:
            area = government.removesuffix(suffix)
            if area != government and level_of(area) and party.startswith(area) \
                    and party[len(area):] in AREA_PARTY_COMMITTEES:
                return True
    return False


def may_contain(outer: Mention, inner: Mention) -> bool:
    """Whether a name written inside or before another can be where the other is: not a lake or a
    hill a name merely borrows (`白洋湖科技创业园`), not a smaller area before a larger one."""
    borrowed = outer.subtype != ADMINISTRATIVE_AREA and outer.name.endswith(_NATURE)
    if outer.kind == PLACE and borrowed:
        return False
    if outer.kind != PLACE or inner.kind != PLACE:
        return True
    if inner.name in lexicon.countries():
        return False  # 印度不丹: two countries side by side, neither in the other
    a, b = RANK.get(outer.level), RANK.get(inner.level)
    if a == b == RANK["City"] and lexicon.county_under_prefecture(inner.name, outer.name):
        return True  # 晋城市高平市: a city of county rank lies in its prefecture's city
    return a is None or b is None or a < b


@per_article
def container(ctx: Context, m: Mention) -> Container | None:
    """Where the name of ``m`` (an organisation or place) says it belongs, or ``None``."""
    if not (m.kind == ORGANIZATION or is_place(m)):
        return None
    kids = [k for k in ctx.children(m) if is_agent(k) or is_place(k)]
    found = None
    if kids:
        found = _from_parts(m, kids)
        if found is not None and found.org is not None and _full_form(found.org.name, m.name):
            return container(ctx, found.org)  # the body's short name inside its full name
    elif m.kind == ORGANIZATION:
        found = _from_prefix(ctx, m) or _from_area_prefix(m)
    elif m.level == "DevelopmentZone":
        found = _zone_in_area(ctx, m) or _zone_of_area_prefix(m)
    if found is not None and found.place is not None:
        place = _unbracketed(ctx, canonical_place(ctx, found.place))
        found = Container(found.org, place if may_contain(place, m) else None, found.how)
    return found


def _unbracketed(ctx: Context, p: Mention) -> Mention:
    """`溪山高新区（长堤街道）社会事业局`: the area in brackets is the one before it under another
    name; the body is named after the first."""
    if ctx.text[p.start - 1:p.start] != "（" or ctx.text[p.end:p.end + 1] != "）":
        return p
    before = [m for m in ctx.ending_at(p.start - 1) if is_place(m)]
    return max(before, key=lambda m: m.end - m.start) if before else p


# Suffixes an area's stem is completed with, the wider first.
LEVELS_IN_FULL = lexicon.cues("area-level-in-full")


def canonical_place(ctx: Context, p: Mention) -> Mention:
    """A place written short (`梅港`, `戚墅堰`: no level) is the area the article names in full
    (`梅港市`, `戚家街道`) when there is exactly one such area."""
    if p.subtype == ADMINISTRATIVE_AREA or len(p.name) < 2:
        return p
    full = [ctx.by_name[p.name + s][0] for s in LEVELS_IN_FULL
            if p.name + s in ctx.by_name]
    full = [n for n in full if n.subtype == ADMINISTRATIVE_AREA]
    return full[0] if len(full) == 1 else p


def _from_parts(m: Mention, kids: list[Mention]) -> Container | None:
    orgs = [k for k in kids if k.kind == ORGANIZATION]
    org = orgs[-1] if orgs else None
    places = [k for k in kids if is_place(k) and (org is None or k.start >= org.end)
              and may_contain(k, m)]
    place = places[-1] if places else None
    if org is None and place is None:
        return None
    return Container(org=org, place=place, how="nested")


def prefix_container(ctx: Context, m: Mention) -> Container | None:
    """Where ``m``'s name says it belongs going by the other names of the article alone."""
    return _from_prefix(ctx, m) if m.kind == ORGANIZATION else None


def _from_prefix(ctx: Context, m: Mention) -> Container | None:
    """The longest other name of the article that ``m``'s name (or surface form) begins with."""
    # `县委` completed to 云阳县委 begins with 云阳县: one character of the name may remain.
    candidates = [n for k in range(2, len(m.name)) for n in ctx.by_name.get(m.name[:k], ())]
    candidates += [n for k in range(2, len(m.text)) for n in ctx.by_text.get(m.text[:k], ())]
    candidates = [n for n in candidates if n.kind in (ORGANIZATION, PLACE) and n.name != m.name
                  and not _short_form(n.name, m.name)]
    if not candidates:
        return None
    best = min(candidates, key=lambda n: (-len(n.name), n.start, n.end, n.kind))
    if best.kind == ORGANIZATION:
        return Container(org=best, place=None, how="prefix")
    return Container(org=None, place=best, how="prefix")


def _short_form(short: str, full: str) -> bool:
    """`青松街道办` is `青松街道办事处` written short: the same body, not a part of it."""
    return short.endswith(_SHORT_ENDINGS) \
        and any(short.endswith(a) and full == short[:-len(a)] + b for a, b in _SHORT_FORMS)


def _full_form(short: str, full: str) -> bool:
    """`青松局支部委员会` is `青松局支部` written in full (as `中共…委员会` is `…党委`): one body."""
    return full == short + "委员会"


def _zone_in_area(ctx: Context, zone: Mention) -> Container | None:
    """A zone named after the city or district it lies in: `青松高新区` → 青松区, `梅林保税区` → 梅林市
    (the area must be named in the article)."""
    best: tuple[int, Mention] | None = None
    for n in ctx.areas:
        named_area = n.subtype == ADMINISTRATIVE_AREA and n.level in _CONTAINER_LEVELS
        bare_place = n.kind == PLACE and not n.level and not n.name.endswith(_NATURE)
        if not (named_area or bare_place):
            continue
        stem = n.name[:-1] if n.name.endswith(BARE_AREA_LEVELS) else n.name
        if len(stem) >= 2 and zone.name.startswith(stem) and zone.name != n.name:
            if best is None or len(stem) > best[0]:
                best = (len(stem), n)
    return Container(org=None, place=canonical_place(ctx, best[1]), how="prefix") if best else None


def _zone_of_area_prefix(zone: Mention) -> Container | None:
    """`某区经济技术开发区`, named with the area it belongs to, which the article names nowhere else:
    that area, derived from the name."""
    found = _from_area_prefix(zone)
    wider = found is not None and RANK.get(found.place.level, 9) < RANK[zone.level]
    return found if wider else None


def _from_area_prefix(m: Mention) -> Container | None:
    """`柳岸区司法局` → a place 柳岸区 derived from the surface form itself."""
    found = _AREA_PREFIX.match(m.text)
    if not found or not m.name.startswith(found.group(1)):
        return None
    name = found.group(1)
    suffix = lexicon.affixes(lexicon.place_suffixes).ending_at(name, len(name))
    stem = name[:-len(suffix)]
    if stem in lexicon.national_prefixes() or stem in lexicon.generic_words() \
            or name in lexicon.generic_places():
        return None  # 全国省市妇联: "nationwide"; 先进村党支部, 直辖市党委: a kind of area
    if m.text[len(name) - 1:len(name) + 1] in ACROSS_LEVEL or m.text[len(name) - 2:len(name)] in ACROSS_LEVEL:
        return None  # 某某木材市|场中心, 住房城|乡建设部: the level character is half of a word
    place = Mention(start=m.start, end=m.start + len(name), text=name, kind=PLACE,
                    subtype=ADMINISTRATIVE_AREA, name=name, rule="relate-area-prefix",
                    level=level_of(name))
    return Container(org=None, place=place, how="area-prefix")


# An area's leading bodies, as they end a name.
AREA_LEADING_BODIES = lexicon.cues("area-leading-body")


def area_of(body_name: str) -> str:
    """The area a party or government body is named after: 梅港市委 → 梅港市,
    枫林经济技术开发区党工委 → 枫林经济技术开发区; "" when the name does not start with one."""
    for suffix in AREA_LEADING_BODIES:
        if body_name.endswith(suffix):
            stem = body_name[: -len(suffix)]
            return stem if level_of(stem) and len(stem) >= 2 else ""
    return ""


def _without_level(area: str) -> str:
    """云州市 → 云州: the name an area is written with in other names (云州供电公司)."""
    suffix = lexicon.affixes(lexicon.place_suffixes).ending_at(area, len(area))
    return area[:-len(suffix)] if suffix and len(area) - len(suffix) >= 2 else area


def _of_another_level(name: str, area: str) -> bool:
    """``name`` opens with a level word for a level other than ``area``'s (省委组织部 after 某市委)."""
    word = next((w for w in LEVEL_WORDS_LONGEST_FIRST if name.startswith(w)), None)
    return word is not None and level_of(area) not in LEVEL_WORDS[word]


def complete_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """A bare body in a list takes the area of the body before it: in
    `联合青松区民政局、司法局、财政局`, 司法局 is 青松区司法局 (the same scope inheritance as a title
    chain). Other mentions are returned as they are."""
    by_start: dict[int, list[Mention]] = {}
    for m in mentions:
        by_start.setdefault(m.start, []).append(m)
    renamed: dict[Mention, Mention] = {}
    for m in sorted(mentions):
        head = renamed.get(m, m)
        found = _AREA_PREFIX.match(head.name) if head.kind == ORGANIZATION else None
        if not found:
            continue
        area = found.group(1)
        for sep in ("、", "和", "及"):
            if not text.startswith(sep, m.end):
                continue
            following = by_start.get(m.end + len(sep), [])
            for nxt in following:
                # The list's own area beats one completed from elsewhere in the article.
                # A generic department is short (`司法局`, `市场监管局`); a longer name is a body of
                # its own (`梅林大学附属中学党支部`), not one of the area's; so is the body of a unit
                # the text names (`白鹭集团党委`: 白鹭集团's).
                bare = ((nxt.name == nxt.text or nxt.rule.endswith("+context"))
                        and len(nxt.text) <= MAX_BARE_DEPARTMENT
                        and not any(o.kind == ORGANIZATION and o.end < nxt.end for o in following)
                        and not station_of_its_place(nxt.text)  # 新兴派出所: 新兴's, as written
                        and not _of_another_level(nxt.text, area))  # 某市委、市政府和省委组织部
                if (nxt.kind == ORGANIZATION and nxt.subtype == head.subtype and bare
                        and not _AREA_PREFIX.match(nxt.text)
                        and not nxt.name.startswith(_without_level(area))):  # 某市…、某地供电公司
                    renamed[nxt] = replace(nxt, name=area + nxt.text, rule=nxt.rule + "+list-scope")
    return [renamed.get(m, m) for m in mentions]
