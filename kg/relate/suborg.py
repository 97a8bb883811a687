"""`org:subOrganizationOf`: a body inside another — from its name and from statements.

- a name built on a body's name: `企助中心党总支` → the 企助中心, `工商银行云州园区支行` → 工商银行,
  `枫林区委组织部` → 枫林区委 (the recogniser's nested parts, or a name of the article it begins with);
- a statement: `隶属(于)X`, `X直属/下属/所属/旗下(的)Y`;
- a party branch named after an area and no unit of it: under the area's own committee, when the
  article names it (`青松镇驻梅党支部` → 青松镇党委).
"""
from __future__ import annotations

import re

from kg.model import Mention, Relation
from kg.recognise import lexicon
from kg.relate.context import Context, listed_after
from kg.relate.names import container, prefix_container
from kg.vocab import ORGANIZATION, SUB_ORGANIZATION_OF

CONF_NAME = 0.95
CONF_PREFIX = 0.9
CONF_COMPLETED = 0.8  # the name begins so only after the recogniser completed it from the article
CONF_STATEMENT = 0.8
CONF_AREA_COMMITTEE = 0.8  # the committee is the area's by the party's structure, not by the name

# Party bodies below a committee, and the committees an area's own party body is named with.
BRANCHES = ("支部", "总支")  # 党支部, 联合支部, 党总支
AREA_COMMITTEES = ("党委", "党工委")

_UNDER = lexicon.cues("under")
_MEMBER_SEPS = lexicon.join_characters()
# A count that may close the list before 组成 (`五所学校`).
_COUNT = re.compile(r"[0-9一二三四五六七八九十两]+[所家个支][\u4e00-\u9fff]{0,4}$")
_BELONGS = ("隶属于", "隶属")


def suborganizations(ctx: Context) -> list[Relation]:
    found: list[Relation | None] = []
    for m in ctx.mentions:
        if m.kind != ORGANIZATION:
            continue
        named = where = container(ctx, m)
        if where is not None and where.org is None:
            # `抚州市政府办`: the parts name only the area, another name of the article the body
            where = prefix_container(ctx, m)
        if where is not None and where.org is not None:
            conf = CONF_NAME if where.how == "nested" else CONF_PREFIX
            if where.how == "prefix" and "+context" in m.rule:
                conf = CONF_COMPLETED
            found.append(ctx.relation(m, SUB_ORGANIZATION_OF, where.org, m.start, conf,
                                      f"name-{where.how}"))
        elif named is not None and named.place is not None:
            found.append(_under_area_committee(ctx, m, named.place))
    found.extend(_from_statements(ctx))
    found.extend(_composed_of(ctx))
    return [r for r in found if r is not None]


def _under_area_committee(ctx: Context, m: Mention, area: Mention) -> Relation | None:
    """`青松镇机关党支部`, `青松镇驻梅党支部`: a party branch named after an area and no unit of it
    is under the area's own party committee, when the article names that committee."""
    if not (m.name.endswith(BRANCHES) and area.level):
        return None
    committees = [c for suffix in AREA_COMMITTEES for c in ctx.by_name.get(area.name + suffix, ())
                  if c.kind == ORGANIZATION and c.name != m.name]
    if not committees:
        return None
    return ctx.relation(m, SUB_ORGANIZATION_OF, committees[0], m.start, CONF_AREA_COMMITTEE,
                        "suborg-area-committee")


def _composed_of(ctx: Context) -> list[Relation | None]:
    """`甲集团成立于…，由A、B、C组成`: the members a body is composed of are its parts (the body is
    what the sentence is about, before the clause that opens with 由)."""
    found: list[Relation | None] = []
    at = ctx.text.find("组成")
    while at >= 0:
        clause = ctx.sents.clause_start(at)
        if ctx.text.startswith("由", clause):
            members = _members(ctx, clause + 1, at)
            parent = ctx.clause_subject(clause - 1) if clause > 0 else None
            if parent is not None and members and parent.kind == ORGANIZATION:
                found.extend(ctx.relation(m, SUB_ORGANIZATION_OF, parent, at, CONF_STATEMENT,
                                          "suborg-statement") for m in members
                             if m.kind == ORGANIZATION)
        at = ctx.text.find("组成", at + 1)
    return found


def _members(ctx: Context, start: int, end: int) -> list[Mention]:
    """`由甲小学、乙小学和丙小学三所学校组成`: the organisations that end where the list's
    separators stand and where it ends (before `等` or a count, `三所学校`) — also when the
    recogniser cut a name short or missed one, the others still count."""
    text = ctx.text[start:end]
    count = _COUNT.search(text)
    last = start + (text.find("等") if "等" in text else count.start() if count else len(text))
    stops = [start + i for i, ch in enumerate(text[:last - start]) if ch in _MEMBER_SEPS] + [last]
    found = []
    for stop in stops:
        ending = [m for m in ctx.ending_at(stop) if m.kind == ORGANIZATION and m.start >= start]
        if ending:
            found.append(max(ending, key=lambda m: m.end - m.start))
    return found


def _orgs_at(ms):
    orgs = [m for m in ms if m.kind == ORGANIZATION]
    return max(orgs, key=lambda m: m.end - m.start, default=None)


def _from_statements(ctx: Context) -> list[Relation | None]:
    """`A直属B` / `A下属B` name the parent first; `A隶属于B` names the child first."""
    found: list[Relation | None] = []
    for words, parent_first in ((_UNDER, True), (_BELONGS, False)):
        for word in words:
            at = ctx.text.find(word)
            while at >= 0:
                before = _orgs_at(ctx.ending_at(at))
                after = _orgs_at(ctx.starting_at(at + len(word)))
                parent, child = (before, after) if parent_first else (after, before)
                # `A所属的B、C、D`: each body listed after the parent, up to the next owner
                # (`A下属的B、C和D下属的E`: D is E's)
                children = [child]
                for nxt in listed_after(ctx, child) if parent_first and child else ():
                    if ctx.text.startswith(_UNDER, nxt.end):
                        break
                    children.append(nxt)
                if parent and child:
                    found.extend(ctx.relation(c, SUB_ORGANIZATION_OF, parent, at, CONF_STATEMENT,
                                              "suborg-statement") for c in children)
                at = ctx.text.find(word, at + 1)
    return found
