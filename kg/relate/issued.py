"""`dj:issuedBy`: a document in 《》 published by a body or area.

`A发布/印发/制定/出台《…》` (A named in the clause, or the article's subject when left out),
`《…》由A印发`, and a document named after the bodies that issue it (`《青松镇党委…实施意见》`,
`《中共甲区委甲区人民政府关于印发<X>的通知》`, which also issues X). An agreement (`《…协议书》`)
has signers, who are partners (partners.py), and no issuer.
"""
from __future__ import annotations

import re

from kg.model import Mention, Relation
from kg.recognise import lexicon
from kg.recognise.view import NUMBER
from kg.relate.context import GOVERNING, PARTY_PREFIX, Context, is_agent, made_of
from kg.relate.partners import strict_list
from kg.vocab import ISSUED_BY, ORGANIZATION, POLICY_DOCUMENT

ISSUE_VERBS = lexicon.cues("issue-verb")
STATE_NAME = "中华人民共和国"  # opens the title of a national law
AGREEMENTS = lexicon.cues("agreement")
# What may stand between the bodies that issue a document together and the verb (`联合印发`).
_TOGETHER = lexicon.cues("issue-together")
_VERB_TAILS = ("",) + lexicon.cues("issue-verb-tail")  # what may stand between the verb and the 《

CONF_NAMED = 0.85
CONF_TITLE = 0.7  # the document's title begins with the body's name
CONF_SUBJECT = 0.6


def issued(ctx: Context) -> list[Relation]:
    found: list[Relation | None] = []
    for doc in ctx.mentions:
        if doc.kind != POLICY_DOCUMENT or _agreement(doc):
            continue
        found.extend(_issuers(ctx, doc))
    return [r for r in found if r is not None]


def _agreement(doc: Mention) -> bool:
    """`《共建合作协议书》`: an agreement has signers (partners of each other), not an issuer."""
    return doc.name.strip("《》").endswith(AGREEMENTS)


def _issuers(ctx: Context, doc: Mention) -> list[Relation | None]:
    # `《甲区委乙区政府关于印发<X方案>的通知》`: X is issued by whoever issues the notice
    outer = [m for m in ctx.covering(doc.start, doc.end)
             if m.kind == POLICY_DOCUMENT and m.end - m.start > doc.end - doc.start]
    if outer:
        return [ctx.relation(doc, ISSUED_BY, a, doc.start, CONF_TITLE, "issued-title")
                for a in _named_in_title(ctx, outer[0], areas=False)]
    verb_at = _verb_before(ctx.text, doc.start)
    if verb_at >= 0:
        listed = _listed_before(ctx, doc.start, verb_at)
        if listed:
            return [ctx.relation(doc, ISSUED_BY, a, doc.start, CONF_NAMED, "issued-verb")
                    for a in listed]
        right_before = [m for m in ctx.ending_at(verb_at) if is_agent(m)]
        agent = (max(right_before, key=lambda m: m.end - m.start) if right_before
                 else ctx.clause_subject(doc.start))
        if agent is not None:
            return [ctx.relation(doc, ISSUED_BY, a, doc.start, CONF_NAMED, "issued-verb")
                    for a in _joined_by(ctx, agent) + [agent]]
    passive = _passive(ctx, doc)
    if passive:
        return [ctx.relation(doc, ISSUED_BY, a, doc.start, CONF_NAMED, "issued-passive")
                for a in passive]
    issuing = verb_at >= 0 or any(v in ctx.text[doc.end:doc.end + 6] for v in ISSUE_VERBS)
    titled = _named_in_title(ctx, doc, areas=issuing)
    if titled:
        return [ctx.relation(doc, ISSUED_BY, a, doc.start, CONF_TITLE, "issued-title")
                for a in titled]
    owner = _owner(ctx, doc)
    if owner is not None:
        return [ctx.relation(doc, ISSUED_BY, owner, doc.start, CONF_TITLE, "issued-owner")]
    if verb_at >= 0 and ctx.subject is not None:
        return [ctx.relation(doc, ISSUED_BY, ctx.subject, doc.start, CONF_SUBJECT,
                             "issued-article-subject")]
    return []


_WINDOW = max(map(len, ISSUE_VERBS)) + max(map(len, _VERB_TAILS))  # 审议通过|了


def _verb_before(text: str, start: int) -> int:
    """Where a verb of issuing stands right before ``start`` (`发布《`, `印发了《`, `制定出《`), or -1."""
    window = text[max(0, start - _WINDOW):start]
    for verb in ISSUE_VERBS:
        at = window.rfind(verb)
        if at >= 0 and window[at + len(verb):] in _VERB_TAILS:
            return start - len(window) + at
    return -1


def _listed_before(ctx: Context, start: int, verb_at: int) -> list[Mention]:
    """`A、B联合印发《…》`: the bodies of a list that opens the clause and ends at the verb (words
    of doing it together aside) issue it together; [] when no such list of two or more."""
    first = ctx.clause_subject(start)
    if first is None:
        return []
    listed, end = strict_list(ctx, first.start)
    gap = _KINDS_AFTER_LIST.sub("", ctx.text[end:verb_at], count=1)  # A、B等部门联合印发
    return listed if len(listed) > 1 and _together(gap) else []


# `A、B等部门`, `A、B等5个单位`: what the bodies of a list are, after 等
_KINDS_AFTER_LIST = re.compile("^等(?:" + NUMBER + "[个家])?(?:"
                               + lexicon.alternation(lexicon.cues("issuer-kind")) + ")")


# What joins the body that issues a document to another that issues it with it (A联合B印发《…》).
_JOINING = lexicon.cues("issue-jointly-with")


def _joined_by(ctx: Context, agent: Mention) -> list[Mention]:
    """`A联合B印发《…》`: the body A written right before a joining word before ``agent``, which
    issues the document with it; [] when there is none."""
    word = next((w for w in _JOINING if ctx.text.endswith(w, 0, agent.start)), "")
    before = [m for m in ctx.ending_at(agent.start - len(word)) if is_agent(m)] if word else []
    return [ctx.head(max(before, key=lambda m: m.end - m.start))] if before else []


def _together(gap: str) -> bool:
    return made_of(gap, _TOGETHER)


def _owner(ctx: Context, doc: Mention) -> Mention | None:
    """`根据区委《关于…的通知》要求`: a party or government body written right before the title is
    the one whose document it is."""
    bodies = [m for m in ctx.ending_at(doc.start)
              if m.kind == ORGANIZATION and m.subtype in GOVERNING]
    return max(bodies, key=lambda m: m.end - m.start) if bodies else None


def _passive(ctx: Context, doc: Mention) -> list[Mention]:
    """`《…》由A印发`, `《…》由A、B联合印发`, `《…》近日由A出台`."""
    at = doc.end
    while word := next((w for w in _TOGETHER if ctx.text.startswith(w, at)), ""):
        at += len(word)
    if not ctx.text.startswith("由", at):
        return []
    agents = [m for m in ctx.starting_at(at + 1) if is_agent(m)]
    if not agents:
        return []
    listed, end = strict_list(ctx, at + 1)
    if len(listed) > 1:
        verb = next((ctx.text.find(v, end, end + 6) for v in ISSUE_VERBS
                     if 0 <= ctx.text.find(v, end, end + 6)), -1)
        if verb >= 0 and _together(ctx.text[end:verb]):
            return listed
    agent = ctx.head(agents[0])
    after = ctx.text[agent.end:agent.end + 4]
    return [agent] if any(v in after for v in ISSUE_VERBS) else []


def _named_in_title(ctx: Context, doc: Mention, areas: bool) -> list[Mention]:
    """The bodies whose names open the title, one after the other (`《青松镇党委…意见》`,
    `《中共甲区委甲区人民政府关于…》`). An area's name there says where the document applies
    (`根据《梅林市…条例》`) — that it issued it only when a verb of issuing stands by (``areas``:
    `《桃李镇…方案》制定出台`)."""
    title = doc.name.strip("《》")
    if title.startswith(STATE_NAME):
        return []  # 《中华人民共和国村民委员会组织法》: a national law is about the body it names
    title = title[len(PARTY_PREFIX):] if title.startswith(PARTY_PREFIX) else title
    found: list[Mention] = []
    while title:
        opening = _opening_name(ctx, title, areas)
        if opening is None:
            return found
        agent, length = opening
        found.append(agent)
        title = title[length:].lstrip("、")
    return found


def _opening_name(ctx: Context, title: str, areas: bool) -> tuple[Mention, int] | None:
    """The longest name of the article ``title`` opens with (`人民政府` may be written `政府` in
    the name), and how many characters of the title it takes."""
    for k in range(len(title) - 1, 1, -1):
        for name in (title[:k], title[:k].replace("人民政府", "政府")):
            agents = [m for m in ctx.by_name.get(name, ())
                      if m.kind == ORGANIZATION or (areas and is_agent(m))]
            if agents:
                return agents[0], k
    return None
