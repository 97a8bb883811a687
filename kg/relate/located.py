"""`dj:locatedIn`: where an organisation or place is — from its name and from statements.

- a name built on an area's name: `溪山区工商联` → 溪山区, `竹巷社区党委` → 竹巷社区;
- a chain of place names: `云州市枫林区白洋湖镇` → 白洋湖镇 in 枫林区, 枫林区 in 云州市 (only the
  nearest container; `A（B）C` names one area twice, so C is in B and A–B says nothing);
- a statement: `X位于Y`, `Y辖区内(的)X`;
- a visit: `来到Y，实地走访了A、B` (what is visited right after arriving in an area is there).
"""
from __future__ import annotations

import re

from kg.model import Mention, Relation
from kg.recognise import lexicon
from kg.recognise.orgs import registered_name
from kg.relate.context import Context, identity, is_agent, is_place, listed_after
from kg.relate.names import AREA_GOVERNMENTS, canonical_place, container, may_contain
from kg.vocab import ADMINISTRATIVE_AREA, LEVELS, LOCATED_IN, ORGANIZATION, PLACE

CONF_NAME = 0.95  # the recogniser's parts of one name, or adjacent place names
CONF_PREFIX = 0.9  # the name begins with another name of the article
CONF_AREA_PREFIX = 0.85  # the name begins with a generic area name (`柳岸区司法局`)
CONF_COMPLETED = 0.8  # the name begins so only after the recogniser completed it from the article
CONF_STATEMENT = 0.85
CONF_LIST = 0.85  # a list of areas after the area that holds the first of them
CONF_VISIT = 0.7  # the places visited on arriving in an area: where they are, said in passing
CONF_NAMESAKE = 0.8  # a compound and the community named after it, both named in the article

_LIST_SEPS = lexicon.item_joins()  # not 与: 与某区 is "with", not the next area
_LOCATED_VERBS = lexicon.cues("located-verb")
# `青松街道隶属于云州市青松区`: an area belongs to the wider one (a body that 隶属于 another is its
# unit: suborg.py), so only a place is located by these.
_BELONGS = lexicon.cues("place-belongs")
_WITHIN = lexicon.cues("within")
# `来到青松街道，实地走访了甲公司、乙公司`: arriving in an area, then visiting what is there.
_ARRIVALS = lexicon.cues("arrival")
_VISIT_ADVERBS = lexicon.cues("visit-adverb")
_VISITS = lexicon.cues("visit")


def located(ctx: Context) -> list[Relation]:
    found: list[Relation | None] = []
    for m in ctx.mentions:
        found.extend(_from_name(ctx, m))
        chain = _from_chain(ctx, m)
        found.extend(chain)
        found.extend(_shared_by_list(ctx, m, chain))
    found.extend(_from_statements(ctx))
    found.extend(_described_as_one_of(ctx))
    found.extend(_visited(ctx))
    found.extend(_namesakes(ctx))
    return _nearest_only([r for r in found if r is not None])


def _nearest_only(found: list[Relation]) -> list[Relation]:
    """Only the nearest container: `云州市竹林社区` in one sentence and `溪山区竹林社区` in
    another put the 社区 in 溪山区, which is in 云州市 — the 社区 is not also in 云州市."""
    above: dict[tuple, set[tuple]] = {}
    for r in found:
        above.setdefault(identity(r.subject), set()).add(identity(r.object))

    def ancestors(start: tuple) -> set[tuple]:
        seen, todo = set(), [start]
        while todo:
            for nxt in above.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    farther = {(s, o) for s, objects in above.items() for o in objects
               if any(o in ancestors(other) for other in objects if other != o)}
    return [r for r in found if (identity(r.subject), identity(r.object)) not in farther]


def _shared_by_list(ctx: Context, m: Mention, chain: list[Relation | None]
                    ) -> list[Relation | None]:
    """`干溪街道甲社区、乙社区和丙社区`: the area written before the first of a list of areas of one
    level holds every one of them — also when the list names their bodies (`干溪街道甲社区党委、
    乙社区党总支`: 乙社区 is in the 干溪街道 too)."""
    if not chain or chain[0] is None or m.kind != PLACE or not m.level:
        return []
    container = chain[0].object
    found: list[Relation | None] = []
    pos = _item_end(ctx, m)
    while True:
        sep = next((x for x in _LIST_SEPS if ctx.text.startswith(x, pos)), "")
        nxt = [n for n in ctx.starting_at(pos + len(sep)) if n.kind == PLACE and n.level == m.level]
        if not sep or not nxt:
            return found
        item = max(nxt, key=lambda n: n.end - n.start)
        found.append(ctx.relation(item, LOCATED_IN, container, item.start, CONF_LIST, "name-chain-list"))
        pos = _item_end(ctx, item)


def _item_end(ctx: Context, area: Mention) -> int:
    """Where the list item that begins with ``area`` ends: after the body named after it
    (`甲社区党委`), if one is."""
    bodies = [n for n in ctx.starting_at(area.start) if n.kind == ORGANIZATION and n.end > area.end]
    return max((n.end for n in bodies), default=area.end)


def _from_name(ctx: Context, m: Mention) -> list[Relation | None]:
    where = container(ctx, m)
    if where is None or where.place is None or registered_name(m):
        return []
    conf = {"nested": CONF_NAME, "prefix": CONF_PREFIX}.get(where.how, CONF_AREA_PREFIX)
    if where.how == "prefix" and "+context" in m.rule:
        conf = CONF_COMPLETED
    return [ctx.relation(m, LOCATED_IN, where.place, m.start, conf, f"name-{where.how}")]


def _from_chain(ctx: Context, m: Mention) -> list[Relation | None]:
    """``m`` written right after a place name (or after `（B）` that follows one) is in it."""
    if not (is_agent(m) or is_place(m)):
        return []
    own = container(ctx, m)
    if own is not None and own.place is not None and own.how == "nested":
        return []  # a place inside the name is nearer than one before it (`云州市溪山区工商联`)
    if own is not None and own.place is not None and m.level == "DevelopmentZone" \
            and m.name.startswith(own.place.name):
        return []  # `云州市|溪山区经济技术开发区`: the zone's own district is nearer than the city
    if own is not None and own.org is not None and own.how == "nested" and own.org.start == m.start:
        return []  # `溪山区竹巷社区党委第一党支部`: the place before is the 党委's chain, not the 支部's
    before = _place_ending_at(ctx, m.start, m)
    if before is None and ctx.text[m.start - 1:m.start] == "）":
        opened = ctx.text.rfind("（", max(0, m.start - 16), m.start)
        if opened >= 0:
            before = _place_ending_at(ctx, m.start - 1, m, start=opened + 1)
    if before is None:
        before = _area_of_government_ending_at(ctx, m.start)
    if before is None:
        return []
    before = canonical_place(ctx, before)
    if not may_contain(before, m):
        return []
    return [ctx.relation(m, LOCATED_IN, before, m.start, CONF_NAME, "name-chain")]


def _place_ending_at(ctx: Context, end: int, m: Mention,
                     start: int | None = None) -> Mention | None:
    """The longest place ending at ``end`` that is not part of a longer name holding ``m``."""
    places = [p for p in ctx.ending_at(end) if is_place(p) and (start is None or p.start == start)
              and not (m.kind == ORGANIZATION and _shares_outer(ctx, p, m))]
    return max(places, key=lambda p: p.end - p.start, default=None)


def _area_of_government_ending_at(ctx: Context, end: int) -> Mention | None:
    """`青石街道办事处竹林社区`, `云州新城管委会青石街道`: a name written after an area's own
    government is in that area."""
    for body in ctx.ending_at(end):
        for suffix in AREA_GOVERNMENTS:
            if body.kind == ORGANIZATION and body.name.endswith(suffix):
                areas = [a for a in ctx.ending_at(end - len(suffix))
                         if is_place(a) and a.level and a.start >= body.start]
                if areas:
                    return max(areas, key=lambda a: a.end - a.start)
    return None


def _shares_outer(ctx: Context, p: Mention, m: Mention) -> bool:
    """True when some name holds both ``p`` and ``m`` as parts: the outer body's own relation says
    it already (`溪山区` + `工商联` inside `溪山区工商联` is that one body, not a chain)."""
    return any((o.start, o.end) not in ((p.start, p.end), (m.start, m.end))
               for o in ctx.covering(p.start, m.end))


def _from_statements(ctx: Context) -> list[Relation | None]:
    found: list[Relation | None] = []
    text = ctx.text
    verbs = [(verb, True) for verb in _LOCATED_VERBS] + [(verb, False) for verb in _BELONGS]
    for verb, bodies in verbs:
        for at in _all(text, verb):
            subjects = [m for m in ctx.ending_at(at) if bodies and is_agent(m) or is_place(m)]
            after = at + len(verb)
            places = [m for m in ctx.starting_at(after) + ctx.starting_at(after + 1) if is_place(m)]
            if subjects and places:
                s = max(subjects, key=lambda m: m.end - m.start)
                o = ctx.head(max(places, key=lambda m: m.end - m.start))
                found.append(ctx.relation(s, LOCATED_IN, o, at, CONF_STATEMENT, "located-verb"))
    for word in _WITHIN:
        for at in _all(text, word):
            outer = [m for m in ctx.ending_at(at) if is_place(m)] or _bare_subject(ctx, at)
            inner = [m for m in ctx.starting_at(at + len(word)) if is_agent(m) or is_place(m)]
            if outer and not inner and word.endswith("的"):
                inner = _said_to_be_within(ctx, max(outer, key=lambda m: m.end - m.start))
            if outer and inner:
                o = max(outer, key=lambda m: m.end - m.start)
                s = max(inner, key=lambda m: m.end - m.start)
                for s in [s, *listed_after(ctx, s)]:
                    if may_contain(o, s):
                        found.append(ctx.relation(s, LOCATED_IN, o, at, CONF_STATEMENT,
                                                  "located-within"))
    return found


# Communities are named after their main compound: `虎池苑小区` lies in 虎池苑社区.
_COMPOUND, _COMMUNITY = "小区", LEVELS["Community"].label


def _namesakes(ctx: Context) -> list[Relation | None]:
    """A compound is in the community of its name when the article names both (`甲苑小区` in
    甲苑社区)."""
    found: list[Relation | None] = []
    for m in ctx.mentions:
        if m.kind != PLACE or m.level or not m.name.endswith(_COMPOUND):
            continue
        areas = [a for a in ctx.by_name.get(m.name[:-len(_COMPOUND)] + _COMMUNITY, ())
                 if a.subtype == ADMINISTRATIVE_AREA]
        if areas:
            found.append(ctx.relation(m, LOCATED_IN, areas[0], m.start, CONF_NAMESAKE,
                                      "located-namesake"))
    return found


def _visited(ctx: Context) -> list[Relation | None]:
    """`来到青松街道，实地调研走访了甲公司、乙公司等企业`: the bodies and places visited in the clause
    right after arriving in an area are in that area."""
    found: list[Relation | None] = []
    text = ctx.text
    for verb in _ARRIVALS:
        for at in _all(text, verb):
            areas = [m for m in ctx.starting_at(at + len(verb)) if is_place(m) and m.level]
            area = ctx.head(max(areas, key=lambda m: m.end - m.start)) if areas else None
            if area is None or not is_place(area) or text[area.end:area.end + 1] not in ("，", ","):
                continue
            pos = _past_visit_verb(text, area.end + 1)
            if pos < 0:
                continue
            firsts = [m for m in ctx.starting_at(pos) if is_agent(m) or is_place(m)]
            if not firsts:
                continue
            first = max(firsts, key=lambda m: m.end - m.start)
            for m in [first, *listed_after(ctx, first)]:
                if may_contain(area, m):
                    found.append(ctx.relation(m, LOCATED_IN, area, at, CONF_VISIT, "located-visit"))
    return found


def _past_visit_verb(text: str, pos: int) -> int:
    """Where the objects of `实地调研走访了` start at ``pos``, or -1 if no verb of visiting is there."""
    while True:
        adverb = next((a for a in _VISIT_ADVERBS if text.startswith(a, pos)), "")
        if not adverb:
            break
        pos += len(adverb)
    verb = next((v for v in _VISITS if text.startswith(v, pos)), "")
    if not verb:
        return -1
    pos += len(verb)
    return pos + 1 if text.startswith("了", pos) else pos


def _described_as_one_of(ctx: Context) -> list[Relation | None]:
    """`甲村是乙镇的一个行政村`, `甲公司是乙区的一家民营企业`, `甲镇是乙县的农业大镇`, `甲社区成立于…，
    是乙街道最大的社区`: a body or place said to be one of an area's (是, the area, 的, then a count
    of one or words that end with the place's own level) is in that area."""
    found: list[Relation | None] = []
    for area in ctx.mentions:
        copula = area.start - len(_COPULA)
        if area.subtype != ADMINISTRATIVE_AREA or not ctx.text.startswith(_COPULA, copula):
            continue
        said = [m for m in ctx.ending_at(copula) if is_agent(m) or is_place(m)]
        if not said and ctx.sents.clause_start(copula) == copula:  # `…，是乙街道最大的社区`
            said = [m for m in [ctx.clause_subject(copula)] if m is not None]
        end = ctx.sents.clause_end(area.end)
        if not said or end - area.end > MAX_DESCRIPTION:
            continue
        s = max(said, key=lambda m: m.end - m.start)
        tail = ctx.text[area.end:end]
        kind = LEVELS[s.level].label if s.level in LEVELS else None
        one_of = tail.startswith(_OF) and _ONE_OF.match(tail, len(_OF))
        if (one_of or kind and _OF in tail and tail.endswith(kind)) and may_contain(area, s):
            found.append(ctx.relation(s, LOCATED_IN, ctx.head(area), area.start, CONF_STATEMENT,
                                      "located-one-of"))
    return found


_COPULA, _OF = "是", "的"
MAX_DESCRIPTION = 16  # 的农业大镇, 最大的社区, 的一家民营企业
_ONE_OF = re.compile("一(?:" + lexicon.alternation(lexicon.cues("classifier")) + ")")


def _said_to_be_within(ctx: Context, outer: Mention) -> list[Mention]:
    """`甲社区是乙街道下辖的…`: the place the clause is about, written before 是 and the outer area."""
    copula = outer.start - 1
    if copula < 1 or ctx.text[copula] != "是":
        return []
    return [m for m in ctx.ending_at(copula) if is_place(m)]


# Level words of units, smallest first.
UNIT_LEVELS = lexicon.cues("unit-level")


def _bare_subject(ctx: Context, at: int) -> list[Mention]:
    """`街道辖区内…` in an article about a 街道: the bare level word is the article's area."""
    subject = ctx.subject
    for word in UNIT_LEVELS:
        if (ctx.text.startswith(word, at - len(word)) and subject is not None
                and subject.subtype == ADMINISTRATIVE_AREA and subject.name.endswith(word)
                and not ctx.ending_at(at)):
            return [subject]
    return []


def _all(text: str, word: str):
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)
