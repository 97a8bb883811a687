"""`dj:issuedBy`: a document in 《》 published by a body or area.

`A发布/印发/制定/出台《…》` (A named in the clause, or the article's subject when left out),
`《…》由A印发`, and a document named after the body that issues it (`《青松镇…实施方案》`).
"""
from __future__ import annotations

from kg.model import Mention, Relation
from kg.relate.context import Context, is_agent

ISSUE_VERBS = ("印发", "发布", "制定", "制订", "出台", "下发", "颁布", "编制", "推出", "公布", "起草")
_VERB_TAILS = ("", "了", "的", "出", "出了")  # what may stand between the verb and the 《

CONF_NAMED = 0.85
CONF_TITLE = 0.7  # the document's title begins with the body's name
CONF_SUBJECT = 0.6


def issued(ctx: Context) -> list[Relation]:
    found: list[Relation | None] = []
    for doc in ctx.mentions:
        if doc.kind != "PolicyDocument":
            continue
        found.append(_issuer(ctx, doc))
    return [r for r in found if r is not None]


def _issuer(ctx: Context, doc: Mention) -> Relation | None:
    verb_at = _verb_before(ctx.text, doc.start)
    if verb_at >= 0:
        right_before = [m for m in ctx.ending_at(verb_at) if is_agent(m)]
        agent = (max(right_before, key=lambda m: m.end - m.start) if right_before
                 else ctx.clause_subject(doc.start))
        if agent is not None:
            return ctx.relation(doc, "issuedBy", agent, doc.start, CONF_NAMED, "issued-verb")
    passive = _passive(ctx, doc)
    if passive is not None:
        return ctx.relation(doc, "issuedBy", passive, doc.start, CONF_NAMED, "issued-passive")
    titled = _named_in_title(ctx, doc)
    if titled is not None:
        return ctx.relation(doc, "issuedBy", titled, doc.start, CONF_TITLE, "issued-title")
    if verb_at >= 0 and ctx.subject is not None:
        return ctx.relation(doc, "issuedBy", ctx.subject, doc.start, CONF_SUBJECT,
                            "issued-article-subject")
    return None


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


def _named_in_title(ctx: Context, doc: Mention) -> Mention | None:
    title = doc.name.strip("《》")
    for k in range(len(title) - 1, 1, -1):  # the longest name first
        agents = [m for m in ctx.by_name.get(title[:k], ()) if is_agent(m)]
        if agents:
            return agents[0]
    return None
