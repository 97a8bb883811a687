"""`dj:partnerOf` (symmetric): bodies that sign, co-build, pair up or act jointly.

`A与B、C签署…` / `A与B共建…` / `A联合B开展…` / `A携手B…` pair A with each of B, C; a clause that opens
with `与B共建` leaves A out, and A is then the agent the sentence (or the article) is about.
`A引入B，双方共同…` pairs the last two bodies the sentence named before 双方. Bodies listed as the
subject of a clause that signs, builds or hosts together (`A、B和C结成…联盟`, `由A、B共同发起`)
are pairwise partners; `A主办，B、C承办` pairs the host with each. An area's party committee and
its government are never each other's partners.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Mention, Relation
from kg.recognise import lexicon
from kg.recognise.view import COUNTED, NUMBER
from kg.relate.context import (BARE_BODIES, OPENERS, PARTY_PREFIX, Context, identity, is_agent,
                              made_of, per_article)
from kg.relate.names import level_of, one_areas_leadership
from kg.relate.titles import titles
from kg.vocab import ORGANIZATION, PARTNER_OF, PERSON, PLACE

CONNECTIVES = lexicon.cues("connective")
_ACTING_TOGETHER = lexicon.cues("acting-together")  # connectives that are the trigger themselves
TRIGGERS = lexicon.cues("partner-trigger")
_LIST_SEPS = lexicon.list_joins()
# What bodies listed together do together: sign, build, form an alliance, host.
GROUP_TRIGGERS = TRIGGERS + lexicon.cues("group-trigger")
GROUP_WINDOW = 40  # `A、B等10家开发园区就…签订合作共建协议`: the trigger may stand further off
_GROUP_SEPS = lexicon.item_joins()  # not 与: `A与B签约` — B is the partner, not a member
MAX_AREA_PREFIX = 12
PARTY_SUFFIXES = lexicon.cues("party-suffix")
MAX_CUT = 16  # `、华润置地杭州公司第二党支部`: one item of a list, with the words the recogniser left out
PARTNER_NOUNS = lexicon.cues("partner-noun")
# The writer's own unit before a body of it (`与我校团委党支部`): a modifier, not a party.
OWN_UNITS = lexicon.cues("own-unit")
# What may open the list of partners after the connective: their role, the writer's unit, where
# they are (`与辖区内的B签订`: the partner is B, in the first party's area).
_LIST_OPENERS = PARTNER_NOUNS + OWN_UNITS + lexicon.cues("partner-locator")
_PUNCT = set("，,。；;：:、！？!?“”（）()《》\n")  # not 与: `A、B与C签约` pairs across, not within
_QUALIFIED = lexicon.cues("qualified")
MAX_DESCRIPTOR = 8  # `梅港高铁新城三大重点区域和江苏国泰`: words closing a group inside the list
TRIGGER_WINDOW = 12  # the trigger must follow the list closely, in the same clause
# `柳岸区政协还联合区住建委`, `工行分别与…`: adverbs between the first party and the connective.
_ADVERBS = lexicon.cues("adverb")
# `并与B签署`, `持续加大与B对接合作`: what may open a clause whose first party is left out.
_LEADS = _ADVERBS + lexicon.cues("clause-lead")

CONF_EXPLICIT = 0.85
CONF_BOTH_SIDES = 0.7  # `…双方…`
CONF_SIGNATORIES = 0.7  # the heads sign: their bodies are the parties
# What the heads of two bodies do when their bodies sign (not 签约, which also names a ceremony
# they only attend: `…书记出席签约仪式`).
SIGNING = ("签署", "签订")
CONF_OMITTED = 0.6


@dataclass(frozen=True)
class Coordination:
    """`first 与 others… trigger`: ``omitted`` when the text leaves ``first`` out."""

    first: Mention
    others: tuple[Mention, ...]
    at: int  # where the connective stands
    trigger_at: int  # where the trigger word stands (== at when the connective is the trigger)
    omitted: bool


@per_article
def coordinations(ctx: Context) -> list[Coordination]:
    """Every `A与B…签署` construction of the article, in order."""
    found: list[Coordination] = []
    covered = -1
    for at, conn in _connectives(ctx.text):
        if at < covered:
            continue  # a `和` inside a list already read
        others, list_end = _agent_list(ctx, at + len(conn))
        if not others:
            continue
        trigger_at = at if conn in _ACTING_TOGETHER else _trigger_after(ctx, list_end)
        if trigger_at < 0:
            continue
        first, omitted = _first(ctx, at)
        if first is None:
            continue
        covered = list_end
        found.append(Coordination(first, tuple(others), at, trigger_at, omitted))
    return found


def partners(ctx: Context) -> list[Relation]:
    found: list[Relation | None] = []
    for c in coordinations(ctx):
        conf = CONF_OMITTED if c.omitted else CONF_EXPLICIT
        rule = "partner-omitted-subject" if c.omitted else "partner"
        firsts = [c.first] if c.omitted else _listed_before(ctx, c.first)
        for first in firsts:
            for other in c.others:
                found.append(ctx.relation(first, PARTNER_OF, other, c.at, conf, rule))
    found.extend(_both_sides(ctx))
    found.extend(_groups(ctx))
    found.extend(_hosts(ctx))
    found.extend(_signatories(ctx))
    found.extend(_named_as_partner(ctx))
    # `由青石街道党工委、办事处主办`: an area's party committee and its government act as its one
    # leadership, not as partners of each other (their partners are the bodies they sign with)
    return [r for r in found if r is not None
            and not one_areas_leadership(r.subject.name, r.object.name)
            and not elided(ctx, r.subject) and not elided(ctx, r.object)]


# The levels of area that stand in a list only for their bodies (a 街道, a 社区 may act itself).
_GOVERNMENT_LEVELS = ("Province", "City", "District", "County", "Town")


def elided(ctx: Context, m: Mention) -> bool:
    """`云州、青松、梅林青年联合会`, `云州省和梅林市妇联`: areas listed before a body named after the
    last of them stand for that area's body of the same kind, written once; the area is no party."""
    if m.kind != PLACE or m.level not in _GOVERNMENT_LEVELS:
        return False
    pos = m.end
    while sep := next((x for x in _LIST_SEPS if ctx.text.startswith(x, pos)), ""):
        following = ctx.starting_at(pos + len(sep))
        bodies = [n for n in following if n.kind == ORGANIZATION]
        if bodies:
            return True
        areas = [n for n in following if n.kind == PLACE and n.level in _GOVERNMENT_LEVELS]
        if not areas:
            return False
        pos = max(n.end for n in areas)
    return False


def _named_as_partner(ctx: Context) -> list[Relation | None]:
    """`甲社区链接共建单位乙公司`: a body the text calls the clause's agent's co-building (or
    paired, partner) unit is its partner, whatever verb joins them."""
    found: list[Relation | None] = []
    for m in ctx.mentions:
        noun = next((w for w in PARTNER_NOUNS if ctx.text.endswith(w, 0, m.start)), None)
        if noun is None or m.kind != ORGANIZATION:  # a unit, not a place its name begins with
            continue
        agent = ctx.clause_subject(m.start - len(noun))
        if agent is not None and agent.end <= m.start - len(noun) and identity(agent) != identity(m):
            found.append(ctx.relation(agent, PARTNER_OF, m, m.start, CONF_EXPLICIT, "partner"))
    return found


def _listed_before(ctx: Context, first: Mention) -> list[Mention]:
    """`A、B与C签约`: the bodies listed with ``first`` (B) before the connective — A signs too."""
    out = [first]
    while True:
        sep = next((x for x in _GROUP_SEPS if ctx.text.startswith(x, out[0].start - len(x))), "")
        before = [m for m in ctx.ending_at(out[0].start - len(sep)) if is_agent(m)] if sep else []
        if not before:
            return out
        out.insert(0, max(before, key=lambda m: m.end - m.start))


def _groups(ctx: Context) -> list[Relation | None]:
    """`A、B和C结成…联盟`, `由A、B主办`, `A、B等10家园区就…签订…协议`: bodies listed as the subject of
    a clause that signs, builds or hosts together are pairwise partners. The trigger follows the
    list at once (or after an adverb, or after `等…`): `A、B班子成员出席签约仪式` is not a signing."""
    found: list[Relation | None] = []
    covered = -1
    for m in ctx.mentions:
        if m.start < covered or not is_agent(m):
            continue
        clause = ctx.sents.clause_start(m.start)
        if not _opens(ctx.text[clause:m.start]):
            continue
        items, end = strict_list(ctx, m.start)
        items, end = _run_on(ctx, items, end)
        covered = end
        if len(items) < 2 or not _group_trigger(ctx, end):
            continue
        items = [_as_body(ctx, item) for item in items]
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                found.append(ctx.relation(a, PARTNER_OF, b, m.start, CONF_EXPLICIT, "partner-group"))
    return found


def _as_body(ctx: Context, m: Mention) -> Mention:
    """`甲社区、乙社区共同签署`: a community or village that signs stands for its party body, when
    the article names exactly one (`甲社区党委`)."""
    if m.kind != PLACE or m.level not in ("Community", "Village"):
        return m
    bodies = {n.name: n for n in ctx.mentions if n.subtype == "PartyOrganization"
              and n.name.startswith(m.name) and n.name[len(m.name):] in PARTY_SUFFIXES}
    return next(iter(bodies.values())) if len(bodies) == 1 else m


def _opens(gap: str) -> bool:
    """Whether a list after ``gap`` opens its clause: nothing or an opener stands before it, or
    the areas the listed bodies are in (`海湾区城东街道南岭社区党委、…`), or 由."""
    if _PUNCT.intersection(gap):
        return False
    gap = gap.removesuffix(PARTY_PREFIX)  # 中共甲区委组织部、甲区民政局…
    # `此次党建联建由A、B共同发起`: the list is the agent of a passive clause
    return gap in OPENERS or gap.endswith("由") or (len(gap) <= MAX_AREA_PREFIX and bool(level_of(gap)))


def strict_list(ctx: Context, pos: int) -> tuple[list[Mention], int]:
    """`A、B和C` starting at ``pos``, the names joined by a separator and nothing else."""
    items: list[Mention] = []
    m = _longest_agent(ctx, pos)
    while m is not None:
        items.append(m)
        pos = m.end
        sep = next((x for x in _GROUP_SEPS if ctx.text.startswith(x, pos)), "")
        m = _longest_agent(ctx, pos + len(sep)) if sep else None
    return items, pos


def _run_on(ctx: Context, items: list[Mention], end: int) -> tuple[list[Mention], int]:
    """`A、B、某某C、D共同发起`: a list that runs on past a name the recogniser cut short takes
    the names that end where its separators (or its verb) stand, up to the verb."""
    clause_end = ctx.sents.clause_end(end)
    while ctx.text.startswith(_GROUP_SEPS, end):
        nxt = [i for i in range(end + 1, min(clause_end, end + MAX_CUT + 1))
               if ctx.text.startswith(_GROUP_SEPS, i) or ctx.text.startswith(GROUP_TRIGGERS, i)]
        ending = [m for m in ctx.ending_at(nxt[0]) if is_agent(m)] if nxt else []
        if not ending:
            return items, end
        items = [*items, max(ending, key=lambda m: m.end - m.start)]
        end = nxt[0]
    return items, end


def _group_trigger(ctx: Context, end: int) -> bool:
    """Whether a verb of doing together follows the list ending at ``end``."""
    rest = ctx.text[end:ctx.sents.clause_end(end)]
    if rest.startswith("等"):
        window = rest[:GROUP_WINDOW]
        first = min((window.find(t) for t in GROUP_TRIGGERS if t in window), default=-1)
        # not `A、B等单位与C签订`: the list signs with the body after the connective, not within
        # itself (`…就园区发展和非公企业党建工作签订`: 和 joins no body)
        return first >= 0 and not any(
            is_agent(m) for k in range(first) for c in CONNECTIVES if window.startswith(c, k)
            for m in ctx.starting_at(end + k + len(c)))
    parties = _PARTIES.match(rest)  # `A、B、C三方签订…`: how many parties sign
    if parties:
        return _trigger_opens(rest[parties.end():])
    count = COUNTED.match(rest)  # `A、B、C三个街道签订…`: the list counted in apposition
    if count:
        return any(_trigger_opens(rest[count.end() + k:]) for k in range(1, MAX_COUNTED_NOUN + 1))
    return _trigger_opens(rest)


MAX_COUNTED_NOUN = 4  # 街道, 单位, 职能部门: what the count after a list counts
_PARTIES = re.compile("(?:双|" + NUMBER + ")方")


def _trigger_opens(rest: str) -> bool:
    return any(rest.startswith(adverb) and rest[len(adverb):].startswith(GROUP_TRIGGERS)
               for adverb in ("", *_ADVERBS))


def _hosts(ctx: Context) -> list[Relation | None]:
    """`A主办，B、C承办`: the host works with each body that carries the event out."""
    found: list[Relation | None] = []
    at = ctx.text.find("主办")
    while at >= 0:
        hosts = ctx.outermost([m for m in ctx.ending_at(at) if is_agent(m)])
        nxt = ctx.text.find("，", at, at + 4)
        if hosts and nxt >= 0:
            others, end = _agent_list(ctx, nxt + 1)
            if others and ctx.text.startswith(("承办", "协办"), end):
                found.extend(ctx.relation(hosts[-1], PARTNER_OF, o, at, CONF_EXPLICIT,
                                          "partner-host") for o in others)
        at = ctx.text.find("主办", at + 1)
    return found


def _signatories(ctx: Context) -> list[Relation | None]:
    """`甲公司党委书记王某、乙社区党委书记李某分别代表双方签署…`, `甲镇党委书记和乙街道党委书记…，
    现场签订了《…》`: a sentence that opens with the heads of two bodies and goes on to sign pairs
    the bodies."""
    found: list[Relation | None] = []
    for verb in SIGNING:
        at = ctx.text.find(verb)
        while at >= 0:
            span = ctx.sents.at(at)
            clause = ctx.sents.clause_start(at)
            while span is not None and clause >= span[0]:  # `会上，甲…书记、乙…书记签署…`
                first = _head_of(ctx, clause)
                sep = next((x for x in _LIST_SEPS if first and ctx.text.startswith(x, first[1])), "")
                second = _head_of(ctx, first[1] + len(sep)) if sep else None
                if first and second and second[1] <= at:
                    found.append(ctx.relation(first[0], PARTNER_OF, second[0], at,
                                              CONF_SIGNATORIES, "partner-signatories"))
                    break
                clause = ctx.sents.clause_start(clause - 1) if clause > span[0] else -1
            at = ctx.text.find(verb, at + 1)
    return found


def _head_of(ctx: Context, pos: int) -> tuple[Mention, int] | None:
    """`甲社区党委书记(王某)` at ``pos``: the body and where its head's title (and name) ends."""
    bodies = [m for m in ctx.starting_at(pos) if m.kind == ORGANIZATION]
    if not bodies:
        return None
    body = max(bodies, key=lambda m: m.end - m.start)
    title = next((t for t in titles() if ctx.text.startswith(t, body.end)), "")
    if not title:
        return None
    end = body.end + len(title)
    named = [m for m in ctx.starting_at(end) if m.kind == PERSON]
    return body, max((m.end for m in named), default=end)


def _connectives(text: str):
    hits = []
    for conn in CONNECTIVES:
        at = text.find(conn)
        while at >= 0:
            hits.append((at, conn))
            at = text.find(conn, at + 1)
    # At one position the longer connective wins (`联合` is not `联` + `合`).
    hits.sort(key=lambda h: (h[0], -len(h[1])))
    return hits


def _longest_agent(ctx: Context, pos: int) -> Mention | None:
    agents = [m for m in ctx.starting_at(pos) if is_agent(m)]
    if not agents:
        return None
    head = ctx.head(agents[0])
    # `联合高贸区机关`: the area only qualifies a noun, the party is that noun's holder.
    return None if ctx.text.startswith(_QUALIFIED, head.end) else head


def _agent_list(ctx: Context, pos: int) -> tuple[list[Mention], int]:
    """`B、C和D` starting at ``pos``: the agents and where the list ends. A word naming the
    partners' role, the writer's own unit, or where the partners are, may open it (`联合共建单位B`,
    `与我校B`, `与辖区内的B`, `与辖区驻区单位B`)."""
    for _ in range(2):
        pos += next((len(w) for w in _LIST_OPENERS if ctx.text.startswith(w, pos)), 0)
    items: list[Mention] = []
    m = _longest_agent(ctx, pos)
    while m is not None:
        items.append(m)
        pos = m.end
        nxt = None
        for skip in range(0, MAX_DESCRIPTOR + 1):
            if ctx.text[pos + skip:pos + skip + 1] in ("，", "。", "；", "\n", ""):
                break
            for sep in _LIST_SEPS:
                if ctx.text.startswith(sep, pos + skip):
                    nxt = _longest_agent(ctx, pos + skip + len(sep))
                    if nxt is not None:
                        break
            if nxt is not None:
                break
        m = nxt
    return items, pos


def _trigger_after(ctx: Context, pos: int) -> int:
    # `分别与A、B、C及D签署`: a list that runs on past names the recogniser did not report
    # keeps the trigger further off
    reach = GROUP_WINDOW if ctx.text.startswith(_GROUP_SEPS, pos) else TRIGGER_WINDOW
    pos = _past_venue(ctx, pos)
    end = ctx.sents.clause_end(pos)
    if "等" in ctx.text[pos:end] and ctx.text.startswith("，", end):
        end = ctx.sents.clause_end(end + 1)  # `…等重点企业，签署了…`: the list's own predicate
    window = ctx.text[pos:min(end, pos + reach)]
    hits = [window.find(t) for t in TRIGGERS if t in window]
    return pos + min(hits) if hits else -1


def _past_venue(ctx: Context, pos: int) -> int:
    """`A与B在青松村党群服务中心举行签约仪式`: where they meet stands between the parties and the
    verb; the window for the verb starts after it."""
    if not ctx.text.startswith("在", pos):
        return pos
    end = pos + 1
    while True:  # 在某镇|紫岭村党群服务中心: a chain of names, the venue its last
        venues = [m for m in ctx.starting_at(end) if m.kind in (PLACE, ORGANIZATION)]
        if not venues:
            return pos if end == pos + 1 else end
        end = max(m.end for m in venues)


def _first(ctx: Context, at: int) -> tuple[Mention | None, bool]:
    # `在云州与某公司签约`: an area after 在 is where they meet, not a party
    before = [m for m in ctx.ending_at(at) if is_agent(m)
              and not (m.kind == PLACE and ctx.text[m.start - 1:m.start] in _VENUE_MARKS)]
    for adverb in _ADVERBS:
        if not before and ctx.text.startswith(adverb, at - len(adverb)):
            before = [m for m in ctx.ending_at(at - len(adverb)) if is_agent(m)]
    kinds = _KINDS_BEFORE.search(ctx.text, max(0, at - MAX_KINDS), at) if not before else None
    if kinds is not None:  # `A、B等12家单位与C签订`: the list signs with C
        before = [m for m in ctx.ending_at(kinds.start()) if is_agent(m)]
    if before:
        return max(before, key=lambda m: m.end - m.start), False
    clause = ctx.sents.clause_start(at)
    referred = ctx.referred_back(clause)
    if referred is not None and _only_adverbs(ctx.text[referred[1]:at]):
        return referred[0], False  # `该社区还与B结对共建`: the community named last
    bare = _bare_subject(ctx, clause, at)
    if bare is not None:
        return bare, False  # `街道还与B签订共建协议`: the subdistrict the article speaks of
    if not _only_adverbs(ctx.text[clause:at]):
        return None, False  # `工行分别与…`: a name the recogniser missed, not a left-out subject
    subject = ctx.clause_subject(at) or ctx.subject
    return subject, True


_VENUE_MARKS = ("在", "于")
# `A、B等12家单位`: what the bodies of a list are, after 等 and a count, before the connective
_KINDS_BEFORE = re.compile("等(?:" + NUMBER + "[个家所])?(?:"
                           + lexicon.alternation(lexicon.cues("issuer-kind")) + ")$")
MAX_KINDS = 10


def _bare_subject(ctx: Context, clause: int, at: int) -> Mention | None:
    """A clause opened by a bare word for a body or an area (`社区`, `街道`, `商会`) and adverbs
    before the connective is about the one of that kind the article named last."""
    word = next((w for w in BARE_BODIES if ctx.text.startswith(w, clause)), None)
    if word is None or ctx.starting_at(clause):
        return None
    rest = ctx.text[clause + len(word):at]
    if not _only_adverbs(rest.removeprefix(_AUTHORITIES)):
        return None
    return ctx.last_named(word, 0, clause)


_AUTHORITIES = lexicon.cues("bare-place-particle")[0]  # 镇里


def _only_adverbs(gap: str) -> bool:
    return made_of(gap, _LEADS)


def _both_sides(ctx: Context) -> list[Relation | None]:
    found: list[Relation | None] = []
    at = ctx.text.find("双方")
    while at >= 0:
        follows = ctx.text[at + 2:at + 8]
        span = ctx.sents.at(at)
        if span and any(t in follows for t in TRIGGERS):
            # the two parties are bodies: a bare `宿迁` before 双方 is the city the text speaks of
            named = ctx.outermost([m for m in ctx.within(span[0], at) if m.kind == ORGANIZATION])
            distinct = list({identity(m): m for m in reversed(named)}.values())
            if len(distinct) >= 2:
                b, a = distinct[:2]  # the two parties named last before 双方
                found.append(ctx.relation(a, PARTNER_OF, b, at, CONF_BOTH_SIDES,
                                          "partner-both-sides"))
        at = ctx.text.find("双方", at + 1)
    return found
