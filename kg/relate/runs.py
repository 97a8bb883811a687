"""`dj:runs`: a body or area leads, launches, builds or issues an initiative.

The runner is the agent the clause is about (`园区党工委以“楼宇党建”为书记项目，发布…，创新“…”机制`:
every initiative of the sentence is the 党工委's). Bodies coordinated in the initiative's own
clause run it together (`A与B联合推出“X”`), even when the clause opened with another agent. When
the sentence names no agent (`社区立足管理难点，推进“…”`), the runner is the article's subject,
with a lower confidence. A verb of running (领办, 打造, 推出,
发布, 建立, 实施, 开展, `以“…”为书记项目` …) before the initiative raises the confidence; an
initiative merely named beside an agent gets a low one (see docs/confidence.md).
"""
from __future__ import annotations

from bisect import bisect_left

from kg.model import Mention, Relation
from kg.relate.context import GOVERNING, Context, is_agent
from kg.relate.partners import Coordination, coordinations

RUN_VERBS = (
    "领办", "打造", "推出", "发布", "建立", "实施", "开展", "创新", "成立", "启动", "推行", "构建",
    "探索", "深化", "举办", "设立", "建设", "搭建", "创建", "开设", "开发", "形成", "推进", "出台",
    "制定", "实行", "上线", "建成", "开通", "运营", "发起", "策划", "创设", "推动", "依托", "组建",
    "开辟", "落实", "完善", "健全", "升级", "打响", "擦亮", "培育", "创立", "首创", "举行", "组织",
    "牵头", "承办", "主办", "开启", "试点", "聚力", "实践", "践行", "建好", "用好", "做实",
)
_PASSIVE = ("由",)

CONF_VERB = 0.85
CONF_NAMED = 0.6  # the sentence names the agent but no verb of running
CONF_SUBJECT_VERB = 0.6  # the agent is the article's subject, the sentence has the verb
CONF_SUBJECT = 0.4  # the article's subject, no verb: weak


def runs(ctx: Context) -> list[Relation]:
    found: list[Relation | None] = []
    joint = sorted(coordinations(ctx), key=lambda c: (c.trigger_at, c.at))
    for item in ctx.outermost([m for m in ctx.mentions if m.kind == "Initiative"]):
        runners, conf, rule = _runners(ctx, joint, item)
        found.extend(ctx.relation(a, "runs", item, item.start, conf, rule) for a in runners)
    return [r for r in found if r is not None]


def _runners(ctx: Context, joint: list[Coordination], item: Mention
             ) -> tuple[list[Mention], float, str]:
    """Who runs ``item``, with the confidence and rule of that reading."""
    together = _joint(ctx, joint, item)
    if together is not None and not together.omitted:
        return [together.first, *together.others], CONF_VERB, "run-joint"
    clause = ctx.sents.clause_start(item.start)
    verb = _has_verb(ctx.text[clause:item.start])
    runner = _passive_runner(ctx, item) or _body_of_the_article(ctx, ctx.clause_subject(item.start))
    if runner is not None:
        conf, rule = (CONF_VERB, "run-verb") if verb else (CONF_NAMED, "run-named")
    elif ctx.subject is not None:
        runner = ctx.subject
        conf, rule = ((CONF_SUBJECT_VERB, "run-article-subject-verb") if verb
                      else (CONF_SUBJECT, "run-article-subject"))
    else:
        return [], 0.0, ""
    others = list(together.others) if together is not None else []
    return [runner, *others], conf, rule


def _body_of_the_article(ctx: Context, runner: Mention | None) -> Mention | None:
    """An area named where the article is about a body of that area (`姑苏区“…”议事厅` in an article
    about 姑苏区政协): the body is the runner."""
    subject = ctx.subject
    if (runner is not None and subject is not None and runner.kind == "Place"
            and subject.subtype in GOVERNING and subject.name.startswith(runner.name)):
        return subject
    return runner


def _has_verb(window: str) -> bool:
    return window.rstrip("“").endswith("以") or any(v in window for v in RUN_VERBS)


def _passive_runner(ctx: Context, item: Mention) -> Mention | None:
    """`“X”由A领办`: the agent right after 由, when a verb of running follows it."""
    for word in _PASSIVE:
        if ctx.text.startswith(word, item.end):
            agents = [m for m in ctx.starting_at(item.end + len(word)) if is_agent(m)]
            if agents:
                agent = ctx.head(agents[0])
                if _has_verb(ctx.text[agent.end:agent.end + 6]):
                    return agent
    return None


def _joint(ctx: Context, joint: list[Coordination], item: Mention) -> Coordination | None:
    """The nearest `A与B联合推出` before ``item`` in its own clause: A and B run it together, whatever
    the clause opened with (`园区成为火炬中心与工商银行联合实施“…”行动的高新区`). A `联合B、C，创新“X”`
    in an earlier clause only says B and C joined the work, so it does not count."""
    clause = ctx.sents.clause_start(item.start)
    lo = bisect_left(joint, clause, key=lambda c: c.trigger_at)
    hi = bisect_left(joint, item.start, key=lambda c: c.trigger_at)
    return joint[hi - 1] if hi > lo else None
