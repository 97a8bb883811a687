"""`dj:issuedBy`: a document in 《》 published by a body or area.

`A发布/印发/制定/出台《…》` (A named in the clause, or the article's subject when left out),
`《…》由A印发`, and a document named after the bodies that issue it (`《青松镇党委…实施意见》`,
`《中共甲区委甲区人民政府关于印发<X>的通知》`, which also issues X). An agreement (`《…协议书》`)
has signers, who are partners (partners.py), and no issuer.
"""
from __future__ import annotations

from kg.model import Mention, Relation
from kg.recognise import lexicon
from kg.relate.context import Context, is_agent
from kg.vocab import ISSUED_BY, ORGANIZATION, POLICY_DOCUMENT

ISSUE_VERBS = lexicon.cues("issue-verb")
PARTY_PREFIX = "中共"  # `中共甲区委` is 甲区委
STATE_NAME = "中华人民共和国"  # opens the title of a national law
AGREEMENTS = lexicon.cues("agreement")
_VERB_TAILS = ("", "了", "的", "出", "出了")  # what may stand between the verb and the 《

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
        right_before = [m for m in ctx.ending_at(verb_at) if is_agent(m)]
        agent = (max(right_before, key=lambda m: m.end - m.start) if right_before
                 else ctx.clause_subject(doc.start))
        if agent is not None:
            return [ctx.relation(doc, ISSUED_BY, agent, doc.start, CONF_NAMED, "issued-verb")]
    passive = _passive(ctx, doc)
    if passive is not None:
        return [ctx.relation(doc, ISSUED_BY, passive, doc.start, CONF_NAMED, "issued-passive")]
    issuing = verb_at >= 0 or any(v in ctx.text[doc.end:doc.end + 6] for v in ISSUE_VERBS)
    titled = _named_in_title(ctx, doc, areas=issuing)
    if titled:
        return [ctx.relation(doc, ISSUED_BY, a, doc.start, CONF_TITLE, "issued-title")
                for a in titled]
    if verb_at >= 0 and ctx.subject is not None:
        return [ctx.relation(doc, ISSUED_BY, ctx.subject, doc.start, CONF_SUBJECT,
                             "issued-article-subject")]
    return []


def _verb_before(text: str, start: int) -> int:
    """Where a verb of issuing stands right before ``start`` (`发布《`, `印发了《`, `制定出《`), or -1."""
    window = text[max(0, start - 4):start]
    for verb in ISSUE_VERBS:
        at = window.rfind(verb)
        if at >= 0 and window[at + len(verb):] in _VERB_TAILS:
            return start - len(window) + at
    return -1


def _passive(ctx: Context, doc: Mention) -> Mention | None:
    if not ctx.text.startswith("由", doc.end):
        return None
    agents = [m for m in ctx.starting_at(doc.end + 1) if is_agent(m)]
    if not agents:
        return None
    agent = ctx.head(agents[0])
    after = ctx.text[agent.end:agent.end + 4]
    return agent if any(v in after for v in ISSUE_VERBS) else None


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
