"""`dj:partnerOf` (symmetric): bodies that sign, co-build, pair up or act jointly.

`A与B、C签署…` / `A与B共建…` / `A联合B开展…` / `A携手B…` pair A with each of B, C; a clause that opens
with `与B共建` leaves A out, and A is then the agent the sentence (or the article) is about.
`A引入B，双方共同…` pairs the last two bodies the sentence named before 双方.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.model import Mention, Relation
from kg.relate.context import Context, identity, is_agent

CONNECTIVES = ("携手", "联合", "会同", "与", "和", "同")
TRIGGERS = ("签署", "签订", "签约", "共建", "结对", "联合", "合作", "携手", "联手", "联建", "共同",
            "共创", "共办", "联办")
_LIST_SEPS = ("以及", "、", "和", "及", "与")
_QUALIFIED = ("机关", "部门", "单位", "企业", "群众", "居民", "党员", "干部", "职工")
MAX_DESCRIPTOR = 8  # `张家港高铁新城三大重点区域和江苏国泰`: words closing a group inside the list
TRIGGER_WINDOW = 12  # the trigger must follow the list closely, in the same clause
# `姑苏区政协还联合区住建委`, `工行分别与…`: adverbs between the first party and the connective.
_ADVERBS = ("分别", "共同", "积极", "主动", "先后", "还", "也", "将", "并", "又", "再", "已")
# `并与B签署`, `持续加大与B对接合作`: what may open a clause whose first party is left out.
_LEADS = _ADVERBS + ("持续", "加大", "加强", "深化", "进一步", "不断", "全面", "注重", "坚持", "推动")

CONF_EXPLICIT = 0.85
CONF_BOTH_SIDES = 0.7  # `…双方…`
CONF_OMITTED = 0.6


@dataclass(frozen=True)
class Coordination:
    """`first 与 others… trigger`: ``omitted`` when the text leaves ``first`` out."""

    first: Mention
    others: tuple[Mention, ...]
    at: int  # where the connective stands
    trigger_at: int  # where the trigger word stands (== at when the connective is the trigger)
    omitted: bool


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
        trigger_at = at if conn in ("携手", "联合") else _trigger_after(ctx, list_end)
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
        for other in c.others:
            found.append(ctx.relation(c.first, "partnerOf", other, c.at, conf, rule))
    found.extend(_both_sides(ctx))
    return [r for r in found if r is not None]


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
    """`B、C和D` starting at ``pos``: the agents and where the list ends."""
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
    window = ctx.text[pos:min(ctx.sents.clause_end(pos), pos + TRIGGER_WINDOW)]
    hits = [window.find(t) for t in TRIGGERS if t in window]
    return pos + min(hits) if hits else -1


def _first(ctx: Context, at: int) -> tuple[Mention | None, bool]:
    before = [m for m in ctx.ending_at(at) if is_agent(m)]
    for adverb in _ADVERBS:
        if not before and ctx.text.startswith(adverb, at - len(adverb)):
            before = [m for m in ctx.ending_at(at - len(adverb)) if is_agent(m)]
    if before:
        return max(before, key=lambda m: m.end - m.start), False
    if not _only_adverbs(ctx.text[ctx.sents.clause_start(at):at]):
        return None, False  # `工行分别与…`: a name the recogniser missed, not a left-out subject
    subject = ctx.clause_subject(at) or ctx.subject
    return subject, True


def _only_adverbs(gap: str) -> bool:
    while gap:
        lead = next((w for w in _LEADS if gap.startswith(w)), None)
        if lead is None:
            return False
        gap = gap[len(lead):]
    return True


def _both_sides(ctx: Context) -> list[Relation | None]:
    found: list[Relation | None] = []
    at = ctx.text.find("双方")
    while at >= 0:
        follows = ctx.text[at + 2:at + 8]
        span = ctx.sents.at(at)
        if span and any(t in follows for t in TRIGGERS):
            named = ctx.outermost([m for m in ctx.within(span[0], at) if is_agent(m)])
            distinct = list({identity(m): m for m in reversed(named)}.values())
            if len(distinct) >= 2:
                b, a = distinct[:2]  # the two parties named last before 双方
                found.append(ctx.relation(a, "partnerOf", b, at, CONF_BOTH_SIDES,
                                          "partner-both-sides"))
        at = ctx.text.find("双方", at + 1)
    return found
