"""Complete short names from the article they are in: the fullest name the text supports.

- A zone written short and long (枫林经开区, 枫林经济技术开发区) takes the longest form.
- A bare zone word (园区, 经开区) names the article's zone of that kind: 云州工业园区.
- A name that starts with a bare level word takes the article's area of that level:
  区工商联 → 溪山区工商联, 园区党工委 → 云州工业园区党工委, 区委 → 柳岸区委, 市委 → 云州市委.
- A bare body (管委会, 党工委) is the one the article named in full just before it (某街道党工委书记…、
  党工委委员…), else the article's area of a level that has such a body (a zone's 管委会, a zone's
  or a subdistrict's 党工委); an agency named without a place (司法局) takes the article's main
  area: 枫林经济技术开发区管委会.
- One body or place written two ways is one: 某银行 and 某银行股份有限公司 (and their branches),
  某苑 and 某苑小区, 青桥 and 青桥村; an area's own bodies written with its bare place word take its
  name (白鹭工商联 → 白鹭县工商联).
- A name that ends a longer name of the same kind in the article is that body: 红枫叶志愿者服务队
  → 月湾街道红枫叶志愿者服务队, 片区党委 → …产业创新片区党委 (only when exactly one longer name fits).
Generic names the article does not complete (社区党委 with no community in sight) are dropped.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import replace

from kg.model import Mention
from kg.recognise import lexicon
from kg.recognise.places import dictionary_areas
from kg.recognise.spans import Spans
from kg.recognise.view import ACROSS_LEVEL, BARE_LEVELS, CITY, INCOMPLETE, View, _frequencies
from kg.vocab import ADMINISTRATIVE_AREA, INITIATIVE, ORGANIZATION, PLACE

# Standard long forms of zone suffixes; names fold to the short form to compare.
FOLDS = lexicon.pairs("suffix-fold")
# The suffixes of development zones (kg/data/place_suffixes.txt), and 园区 (a park's own word).
ZONE_WORDS = tuple(suffix for suffix, level in lexicon.place_suffixes().items()
                   if level == "DevelopmentZone") + ("园区",)
AREA_LEVELS = ("DevelopmentZone", "District", "County", "Subdistrict", "Town", "City")
# Which area a bare level word at the start of a name stands for.
LEVEL_WORDS = {**{word: tuple(levels.split()) for word, levels in lexicon.pairs("level-word")},
               **{w: ("DevelopmentZone",) for w in ZONE_WORDS}}
LEVEL_WORDS_LONGEST_FIRST = tuple(sorted(LEVEL_WORDS, key=len, reverse=True))
BARE_BODIES = lexicon.cues("zone-bare-body")
# A name opened by one of these level words (市工商联, 县委组织部) names a body even when the article
# names no area of that level; it is that article's body (scope IN_ARTICLE, resolved per article).
# A bare 社区党委 or 街道办 with no community or subdistrict in sight names nothing.
UNPLACED_LEVELS = BARE_LEVELS
IN_ARTICLE = "article"
# The levels of area a bare body can belong to: a 管委会 runs a zone, a 党工委 a zone or a
# subdistrict; a district has a 区委, not a 党工委; an 办事处 is a subdistrict's office.
BODY_LEVELS = {body: tuple(levels.split()) for body, levels in lexicon.pairs("bare-body-level")}


def fold(name: str) -> str:
    for long, short in FOLDS:
        name = name.replace(long, short)
    return name


def complete(view: View, mentions: list[Mention]) -> list[Mention]:
    mentions = _longest_zone_forms(mentions)
    areas = _areas(mentions)
    mentions = _fuller_places(mentions + _bare_zone_words(view, mentions, areas))
    bodies = _named_bodies(mentions)
    out = []
    for m in mentions:
        if m.kind == ORGANIZATION:
            m = _complete_org(m, areas, bodies, view.place_ending_at(m.start) is not None)
            if m is None:
                continue
        out.append(m)
    out = _place_agencies(view, _short_form_bodies(_enterprise_bodies(out)), areas)
    return _trigger_forms(_suffix_aliases(_trade_names(_company_forms(_area_bodies(
        _only_openings(out))))))


UNPLACED_COMMITTEES = tuple(level + "委" for level in UNPLACED_LEVELS)


def _only_openings(mentions: list[Mention]) -> list[Mention]:
    """县委组织部, 市委某某工作领导小组 in an article that names no county or city: the bare 县委
    that opens them is no entity of its own unless the article names it alone too (县委书记)."""
    reach: dict[int, int] = {}  # start → the end of the longest organisation starting there
    for m in mentions:
        if m.kind == ORGANIZATION:
            reach[m.start] = max(reach.get(m.start, m.end), m.end)
    alone = {m.name for m in mentions if m.kind == ORGANIZATION and m.scope == IN_ARTICLE
             and reach[m.start] == m.end}
    return [m for m in mentions if m.kind != ORGANIZATION or m.scope != IN_ARTICLE
            or m.name in alone or m.name not in UNPLACED_COMMITTEES]


AREA_BODY_TYPES = ("GovernmentAgency", "PartyOrganization")


def _area_bodies(mentions: list[Mention]) -> list[Mention]:
    """白鹭工商联, 某某县委 written with the bare place word (白鹭 for the article's 白鹭县): the
    area's own bodies take its full name. Companies and chambers named after a place (某地商会,
    某地信托有限公司) keep the place word as written."""
    short = {m.start: m for m in mentions if m.kind == PLACE and m.level and m.text != m.name
             and m.name.startswith(m.text)}
    # 某地建设公司党委, 某地维管段段部党支部: the party body of a company (or another body named
    # after the place word) is not the area's; its inner body at the same start says so
    owned = {m.start for m in mentions if m.kind == ORGANIZATION and m.start in short
             and m.subtype not in AREA_BODY_TYPES and not m.name.endswith("工商联")}
    out = []
    for m in mentions:
        place = short.get(m.start) if m.kind == ORGANIZATION else None
        if place and m.name.startswith(place.text) and not m.name.startswith(place.name) \
                and m.start not in owned \
                and (m.subtype in AREA_BODY_TYPES or m.name.endswith("工商联")):
            m = replace(m, name=place.name + m.name[len(place.text):])
        out.append(m)
    return out


# Place suffixes a short place name can stand for, the wider area first (云州 is 云州市 before it
# is 云州工业园区; 青桥 is 青桥村, 某苑 is 某苑小区).
FULLER = lexicon.cues("fuller-place")


def _fuller_places(mentions: list[Mention]) -> list[Mention]:
    """青桥 and 青桥村, 某苑 and 某苑小区 in one article: the short form is the named place."""
    full = {m.name: m for m in mentions if m.kind == PLACE}
    out = []
    for m in mentions:
        if m.kind == PLACE and not m.level:
            # a named place (某湖, 某苑) is not the area named after it (某湖街道), only its 小区
            fuller = ("小区",) if m.rule == "place-other" else FULLER
            longer = next((full[m.name + s] for s in fuller if m.name + s in full), None)
            if longer is not None:
                m = replace(m, name=longer.name, subtype=longer.subtype, level=longer.level)
        out.append(m)
    return out


COMPANY_FORMS = lexicon.cues("company-form")


def _company_forms(mentions: list[Mention]) -> list[Mention]:
    """某银行股份有限公司 and 某银行 (or their branches, 某银行股份有限公司某支行 and 某银行某支行)
    in one article are one body: the name written with the company form. So is the short name
    without the national prefix (中国某银行股份有限公司某分行 and 某银行某分行)."""
    names = {m.name for m in mentions if m.kind == ORGANIZATION}
    longer = {}
    for name in sorted(names):
        for form in COMPANY_FORMS:
            if form in name:
                short = name.replace(form, "", 1)
                national = next((p for p in lexicon.national_prefixes() if short.startswith(p)), "")
                for written in (short, short[len(national):] if national else ""):
                    if written in names and len(written) > 2:
                        longer.setdefault(written, name)
                break
    out = []
    for m in mentions:
        short = _longest_prefix(m.name, longer) if m.kind == ORGANIZATION else None
        if short and not m.name.startswith(longer[short]):  # 某银行某支行党支部 too
            m = replace(m, name=longer[short] + m.name[len(short):])
        out.append(m)
    return out


# The forms of a party body written after a company's trade name (舜宇光学党委), longest first.
TRADE_PARTY_FORMS = tuple(sorted((f for f in lexicon.cues("party-form") if len(f) > 1),
                                 key=len, reverse=True))
MIN_TRADE_NAME = 2


def _trade_names(mentions: list[Mention]) -> list[Mention]:
    """某市舜宇光学科技有限公司 … 舜宇光学党委: a party body named after the trade name of the
    one registered company of the article whose name holds it is that company's (the name is
    completed, the text stays an alias). A stem that ends like a body of its own (正泰集团党委)
    is a name in full, not a trade name."""
    from kg.recognise.orgs import registered_name  # here: orgs imports this module
    registered = sorted({m.name for m in mentions if m.kind == ORGANIZATION and registered_name(m)})
    if not registered:
        return mentions
    out = []
    for m in mentions:
        form = next((f for f in TRADE_PARTY_FORMS if m.name.endswith(f)), "") \
            if m.kind == ORGANIZATION and m.name == m.text else ""
        stem = m.name[:-len(form)] if form else ""
        if len(stem) >= MIN_TRADE_NAME and stem not in registered and not _has_own_suffix(stem):
            holders = [r for r in registered if stem in r]
            if len(holders) == 1:
                m = replace(m, name=holders[0] + form)
        out.append(m)
    return out


def _has_own_suffix(stem: str) -> bool:
    return any(lexicon.affixes(words).ending_at(stem, len(stem))
               for words in (lexicon.org_suffixes, lexicon.place_suffixes))


def _named_bodies(mentions: list[Mention]) -> dict[str, tuple[list[int], list[str]]]:
    """Bare body (党工委) → the starts and names of the bodies the article names in full
    (某街道党工委), in text order, for the nearest one before a bare mention."""
    found: dict[str, list[tuple[int, str]]] = {}
    for m in mentions:
        if m.kind == ORGANIZATION and m.scope == "":
            body = next((b for b in BARE_BODIES if m.name.endswith(b) and m.name != b), None)
            if body:
                found.setdefault(body, []).append((m.start, m.name))
    return {body: ([s for s, _ in sorted(items)], [n for _, n in sorted(items)])
            for body, items in found.items()}


def _place_agencies(view: View, mentions: list[Mention], areas) -> list[Mention]:
    """司法局, 商务发展局（招商局）党支部: an agency named without its place is the main area's,
    or, as a later item of a list (某区行政审批局、司法局), the area of the item before it."""
    main = _main_area(areas)
    places = _places_by_start(mentions)
    bare = {m.name for m in mentions if m.kind == ORGANIZATION and m.subtype == "GovernmentAgency"
            and m.start not in places and not _national(m.name) and m.scope == ""
            and m.name not in BARE_BODIES}
    listed = _list_areas(view, mentions, places)
    out = []
    for m in mentions:
        area = listed.get(m.start, main)
        agency = _longest_prefix(m.name, bare) if m.kind == ORGANIZATION else None
        if area and agency and m.start not in places and "+context" not in m.rule \
                and not m.name.startswith(area) and not _named_after_area(m.name) \
                and not _place_inside(m, places) and not station_of_its_place(agency):
            m = replace(m, name=area + m.name, rule=m.rule + "+context")
        out.append(m)
    return out


LOCAL_STATIONS = lexicon.cues("local-station")


def station_of_its_place(name: str) -> bool:
    """青松派出所: a station with a stem is named after the place it serves (a bare 派出所 is not)."""
    return name.endswith(LOCAL_STATIONS) and name not in LOCAL_STATIONS


def _place_inside(m: Mention, places: dict[int, str]) -> bool:
    """武警某县中队: a place is written inside the name, which says whose agency it is."""
    return any(s in places and s + len(places[s]) <= m.end for s in range(m.start + 1, m.end))


def _named_after_area(name: str) -> bool:
    """太原警备区: the agency opens with a city's or a province's bare name; it is that area's."""
    return any(name[:size] in dictionary_areas() for size in (2, 3))


def _national(name: str) -> bool:
    """中组部, 科技部, 国家发改委, 省委组织部: central or provincial bodies, never the local area's.
    A bare 某部 is a ministry (a local department is written with its committee: 区委组织部), and
    customs and border offices answer to the centre (a district has none of its own)."""
    return name.startswith(lexicon.national_prefixes()) or name.endswith("部") \
        or name.endswith(VERTICAL_AGENCIES) \
        or len(name) == 3 and name[0] == "中" and name[-1] in "办委"


VERTICAL_AGENCIES = lexicon.cues("vertical-agency")


def _places_by_start(mentions: list[Mention]) -> dict[int, str]:
    """Start offset → the name of the longest place that starts there."""
    longest: dict[int, Mention] = {}
    for m in mentions:
        if m.kind == PLACE and (m.start not in longest or m.end > longest[m.start].end):
            longest[m.start] = m
    return {start: m.name for start, m in longest.items()}


LIST_JOINS = lexicon.join_characters()


def _list_areas(view: View, mentions: list[Mention], places: dict[int, str]) -> dict[int, str]:
    """Start of a list item → the area of the item before it (某区行政审批局、人社局、司法局:
    the later items are the first item's area's agencies)."""
    orgs = sorted((m for m in mentions if m.kind == ORGANIZATION), key=lambda m: (m.start, -m.end))
    area_ending: dict[int, str] = {}  # end of an organisation name → the area it belongs to
    listed: dict[int, str] = {}
    for m in orgs:
        area = places.get(m.start)
        if area is None and m.start > 0 and view.text[m.start - 1] in LIST_JOINS:
            area = area_ending.get(m.start - 1)
            if area:
                listed[m.start] = area
        if area:
            area_ending.setdefault(m.end, area)  # the longest name ending there came first
    return listed


def _short_form_bodies(mentions: list[Mention]) -> list[Mention]:
    """云州园区工行 → 工商银行云州园区支行: a short form is the article's one body that spells its
    full form (and its place words); a bare 工行 is the one branch the article names."""
    forms = lexicon.org_short_forms()
    names = sorted({m.name for m in mentions if m.kind == ORGANIZATION and m.scope == ""})
    spelled = {short: [n for n in names if full in n]  # once per form, not per mention
               for short, (_, full) in forms.items()}
    meant: dict[str, set[str]] = {}  # short form → the bodies its placed mentions name
    out = []
    for m in mentions:
        short = _short_form(m, forms)
        if short and m.name != short:
            place = m.name[:-len(short)]
            fits = [n for n in spelled[short] if place in n]
            if len(fits) == 1:
                m = replace(m, name=fits[0], rule=m.rule + "+context")
            meant.setdefault(short, set()).add(m.name)
        out.append(m)
    for k, m in enumerate(out):
        short = _short_form(m, forms)
        if short and m.name == short:
            fits = meant.get(short) or set(spelled[short])
            if len(fits) == 1:
                out[k] = replace(m, name=next(iter(fits)), rule=m.rule + "+context")
    return out


def _short_form(m: Mention, forms) -> str:
    if m.rule != "org-short-form":
        return ""
    return next((s for s in forms if m.name.endswith(s)), "")


def _enterprise_bodies(mentions: list[Mention]) -> list[Mention]:
    """集团党委, 公司工会: the body of the article's one enterprise (某某有限公司党委, or 某集团 + 党委)."""
    subtypes = lexicon.org_suffixes()
    heads = [s for s, subtype in subtypes.items() if subtype == "Enterprise"]
    # an enterprise, or a body named with an enterprise's head (某教育集团 is a group too)
    enterprises = {m.name for m in mentions if m.kind == ORGANIZATION and m.scope == ""
                   and (m.subtype == "Enterprise" or m.name.endswith(tuple(heads)))}
    # 某地某集团 and 某集团 in one article are one group: the shorter is not a second candidate
    longer = _index(enterprises, lambda e: (e[k:] for k in range(1, len(e))), enterprises)
    enterprises -= set(longer)
    names = {m.name for m in mentions if m.kind == ORGANIZATION and m.scope == ""}
    # body (党委) → the names that are an enterprise plus that body; head (集团) → its enterprises
    owned = _index(names, lambda n: (n[k:] for k in range(1, len(n)) if n[:k] in enterprises))
    by_head = _index(enterprises, lambda e: (h for h in heads if e.endswith(h)))
    out = []
    for m in mentions:
        head = _longest_prefix(m.name, subtypes) if m.scope == INCOMPLETE else None
        if head in heads and len(m.name) > len(head):
            body = m.name[len(head):]
            bodies = sorted(owned.get(body, ()))
            fits = [n for n in bodies if n[:-len(body)].endswith(head)] or bodies \
                or sorted(e + body for e in by_head.get(head, ()))
            if len(fits) == 1:
                m = replace(m, name=fits[0], scope="", rule=m.rule + "+context")
        out.append(m)
    return out


def _main_area(areas) -> str | None:
    """The district-level area the article is about (zone or district), if it names one."""
    for level in ("DevelopmentZone", "District", "County"):
        if areas.get(level):
            return areas[level][0]
    return None


def _zone_key(name: str) -> str:
    """The form two names of one zone share: the long suffix folded, and its city's name without
    市 (芜湖市经济技术开发区, 芜湖经开区 → 芜湖经开区)."""
    key = fold(name)
    city = next((key[:k] for k in CITY_STEMS if key[:k] in lexicon.division_names()
                 and key[:k].endswith(CITY)), "")
    return key[:len(city) - 1] + key[len(city):] if city else key


CITY_STEMS = (4, 3)  # 乌鲁木齐市 aside, a city's name with 市 has three or four characters


def _longest_zone_forms(mentions: list[Mention]) -> list[Mention]:
    longest: dict[str, str] = {}
    for m in mentions:
        if m.level == "DevelopmentZone":
            key = _zone_key(m.name)
            if len(m.name) > len(longest.get(key, "")):
                longest[key] = m.name
    short = {m.name: longest[_zone_key(m.name)] for m in mentions
             if m.level == "DevelopmentZone" and m.name != longest[_zone_key(m.name)]}
    out = []
    for m in mentions:
        if m.level == "DevelopmentZone":
            m = replace(m, name=longest[_zone_key(m.name)])
        elif m.kind == ORGANIZATION:  # 某经开区党工委 → 某经济技术开发区党工委
            zone = _longest_prefix(m.name, short)
            if zone:
                m = replace(m, name=short[zone] + m.name[len(zone):])
        out.append(m)
    return out


def _longest_prefix(name: str, words) -> str | None:
    """The longest of ``words`` that starts ``name``: a lookup per prefix, not a scan of words."""
    for k in range(len(name), 0, -1):
        if name[:k] in words:
            return name[:k]
    return None


def _areas(mentions: list[Mention]) -> dict[str, list[str]]:
    """Level → the article's areas of that level, most mentioned first (ties: first mentioned)."""
    counts: Counter = Counter()
    first: dict[tuple[str, str], int] = {}
    for m in mentions:
        if m.subtype == ADMINISTRATIVE_AREA and m.level:
            counts[(m.level, m.name)] += 1
            first.setdefault((m.level, m.name), m.start)
    ranked: dict[str, list[str]] = {}
    for (level, name) in sorted(counts, key=lambda k: (-counts[k], first[k])):
        ranked.setdefault(level, []).append(name)
    for level in SIBLING_LEVELS:  # 某村、某村、某村 … 村党支部: which of them?
        names = ranked.get(level, ())
        if len(names) > 1 and counts[(level, names[0])] == counts[(level, names[1])]:
            ranked[level] = []
    return ranked


# Levels an article often names several of side by side; a bare 村党支部 or 社区党委 takes the
# article's area of that level only when one of them is named more often than any other.
SIBLING_LEVELS = ("Village", "Community", "Town", "Subdistrict")


def _compatible_zone(word: str, name: str) -> bool:
    return fold(name).endswith(fold(word)) or name.endswith(word) or (
        word == "开发区" and fold(name).endswith("经开区"))


def _bare_zone_words(view: View, mentions: list[Mention], areas) -> list[Mention]:
    """园区, 经开区 … standing alone name the article's zone of that kind."""
    taken = Spans((m.start, m.end) for m in mentions)
    out = []
    for i in view.indexes(ZONE_WORDS):
        token = view.tokens[i]
        if taken.covers(token.start, token.end):
            continue
        zones = areas.get("DevelopmentZone", ())
        zone = next((z for z in zones if _compatible_zone(token.word, z)), None)
        if zone:
            out.append(Mention(token.start, token.end, token.word, PLACE, ADMINISTRATIVE_AREA, zone,
                               "place-context", level="DevelopmentZone"))
    return out


def _across_level(name: str, rest: str) -> bool:
    """村务|监督委员会: the level character opens a common word, and what is left after it is no
    word (市|民政局 is a level and a body: 民政 is a word)."""
    return name.startswith(ACROSS_LEVEL) and rest[:2] not in _frequencies()


def _complete_org(m: Mention, areas, bodies, after_place: bool = False) -> Mention | None:
    if m.scope != INCOMPLETE:
        return m
    if m.name in bodies:  # 某街道党工委书记…、党工委委员…: the one named just before
        starts, names = bodies[m.name]
        k = bisect.bisect_left(starts, m.start)
        if k:
            return replace(m, name=names[k - 1], scope="", rule=m.rule + "+context")
    for word in LEVEL_WORDS_LONGEST_FIRST:
        rest = m.name[len(word):]
        if m.name.startswith(word) and rest and not _across_level(m.name, rest):
            area = _area_for(word, areas)
            if area:
                return replace(m, name=area + rest, scope="", rule=m.rule + "+context")
            # 市工商联 in an article that names no city stays as written, as its article's body;
            # so does a zone's body right after the area the zone is in (某区|高铁新城管委会)
            placed = word in UNPLACED_LEVELS or after_place and word in ZONE_WORDS
            return replace(m, scope=IN_ARTICLE) if placed else None
    if m.name in BARE_BODIES:
        area = next((names[0] for level in BODY_LEVELS[m.name] if (names := areas.get(level))), None)
        if area:
            return replace(m, name=area + m.name, scope="", rule=m.rule + "+context")
    if sector_body(m.name):  # 非公有制企业党委: the sector's body of the article's one area
        area = _main_area(areas)
        level = next((lv for lv in ("DevelopmentZone", "District", "County") if areas.get(lv)), "")
        if area and level and len(areas[level]) == 1:
            return replace(m, name=area + m.name, scope="", rule=m.rule + "+context")
    return replace(m, scope=INCOMPLETE)  # left for the suffix rule; dropped if it stays incomplete


def sector_body(name: str) -> bool:
    """A sector word and a party body's suffix, nothing else (两新组织党工委, 机关党工委): an area's
    party committee for the sector. Not a sector's kind of body (行业协会, 国资公司)."""
    middle = lexicon.affixes(lexicon.org_middles).starting_at(name, 0)
    return middle is not None \
        and lexicon.org_suffixes().get(name[len(middle):]) == "PartyOrganization"


def _area_for(word: str, areas) -> str | None:
    for level in LEVEL_WORDS[word]:
        for name in areas.get(level, ()):
            if level != "DevelopmentZone" or _compatible_zone(word, name):
                return name
    return None


def _suffix_aliases(mentions: list[Mention]) -> list[Mention]:
    """A short name that ends exactly one longer name of the same kind is that body."""
    names = {kind: {m.name for m in mentions if m.scope != INCOMPLETE and m.kind == kind}
             for kind in (ORGANIZATION, INITIATIVE)}
    # proper suffix → the names that end with it: one lookup per mention instead of a scan
    wanted = {m.name for m in mentions}
    endings = {kind: _index(kind_names, lambda n: (n[i:] for i in range(1, len(n))), wanted)
               for kind, kind_names in names.items()}
    out = []
    for m in mentions:
        longer = sorted(endings.get(m.kind, {}).get(m.name, ()))
        if len(longer) == 1 and _is_short_form(m):
            m = replace(m, name=longer[0], scope="")
        if m.scope == INCOMPLETE:
            continue
        out.append(m)
    return out


def _trigger_forms(mentions: list[Mention]) -> list[Mention]:
    """An initiative named with and without its trigger (X and X书记项目) is one: the longer name;
    so is one named with a trigger and with a longer trigger that ends with it (X机制 and
    X工作机制, in a headline and in the text)."""
    names = {m.name for m in mentions if m.kind == INITIATIVE}
    openings = _index(names, lambda n: (n[:k] for k in range(1, len(n))), names)
    out = []
    for m in mentions:
        if m.kind == INITIATIVE:
            longer = openings.get(m.name, ()) or _longer_trigger(m.name, names)
            if len(longer) == 1:
                m = replace(m, name=next(iter(longer)))
        out.append(m)
    return out


def _longer_trigger(name: str, names: set[str]) -> set[str]:
    """The other names of ``names`` that are ``name`` with its trigger written longer (X机制 →
    X工作机制: the same stem, a trigger of the same kind that ends with this one)."""
    triggers = lexicon.initiative_triggers()
    trigger = lexicon.affixes(lexicon.initiative_triggers).ending_at(name, len(name))
    if trigger is None:
        return set()
    stem = name[:-len(trigger)]
    return {other for other in names if other != name and other.startswith(stem)
            and other[len(stem):] in triggers and other[len(stem):].endswith(trigger)
            and triggers[other[len(stem):]] == triggers[trigger]}


def _index(names, parts, wanted=None) -> dict[str, set[str]]:
    """part → the names it is a part of (``parts(name)`` lists the parts: prefixes, suffixes);
    only the parts in ``wanted`` if given (the ones to be looked up: most parts are no name)."""
    index: dict[str, set[str]] = {}
    for name in names:
        for part in parts(name):
            if wanted is None or part in wanted:
                index.setdefault(part, set()).add(name)
    return index


def _is_short_form(m: Mention) -> bool:
    """Completing only names that do not start with their own place (溪山区工商联 stays itself)."""
    return m.kind == ORGANIZATION or m.rule == "initiative-unquoted"
