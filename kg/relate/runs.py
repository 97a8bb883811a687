"""`dj:runs`: a body or area leads, launches, builds or issues an initiative.

The runner is the agent the clause is about (`园区党工委以“邻里党建”为书记项目，发布…，创新“…”机制`:
every initiative of the sentence is the 党工委's). Bodies coordinated in the initiative's own
clause run it together (`A与B联合推出“X”`; but `A联合B开展“X”`: A runs it, B is its partner), even
when the clause opened with another agent. An agent right before the verb (`甲党支部认领“X”`),
the agents after 由 (`“X”由A联合B打造`) and `双方` (the pair signed before) run it too; a body
written as someone's post (`市委常委、组织部部长王某到…开展“X”`) does not — the person acts, in
the post written last when the clause is theirs (`村支书王某引进“X”` → the 村). When the sentence
names no agent (`社区立足管理难点，推进“…”`), the runner is the article's subject, with a lower
confidence — not in someone's words, an exhortation (`要…`), an initiative only followed
(`按照“X”`) or a clause opened by another body's bare word (`党支部实施“X”`); without a verb of
running either, only where the text still speaks of the subject (names it as the body it is about,
not after a preposition or inside another body's name, or refers back to it).
A verb of running (领办, 打造, 推出, 发布, 建立, 实施, 开展, `以“…”为书记项目` …) before the
initiative raises the confidence (see docs/confidence.md).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from kg.model import Mention, Relation
from kg.normalise import is_han
from kg.recognise import lexicon
from kg.relate.context import BARE_BODIES, GOVERNING, OPENERS, Context, is_agent
from kg.relate.names import AREA_BODIES
from kg.relate.partners import Coordination, coordinations, elided, strict_list
from kg.relate.posts import parse_chain, scoped_items
from kg.relate.titles import speech_verbs, titles
from kg.vocab import BRAND, INITIATIVE, PERSON, PLACE, RUNS

# Verbs that make the clause's agent an initiative's runner, a visitor of it, a follower of it
# (kg/data/initiative_verbs.txt).
RUN_VERBS = lexicon.initiative_verbs()["run"]
VISIT_VERBS = lexicon.initiative_verbs()["visit"]
FOLLOW_VERBS = lexicon.initiative_verbs()["follow"]
# Words opening a clause that urges or hopes rather than reports (`要加快…，构建“X”体系`).
EXHORTATIONS = lexicon.cues("exhortation")
# `B承办的“X”`, `B协办“X”`: the verb of the body that carries an event out for its hosts.
_CARRIED_OUT = lexicon.cues("carried-out")
_LOCATIVE_ENDS = lexicon.cues("locative-end")  # `在…中`: a locative phrase before the verb
MAX_PASSIVE_GAP = 3  # `“X”就是由A…`
# The bare words a body or area of these kinds is referred back to with (`园区`, `街道`).
_BARE_SUBJECTS = lexicon.cues("bare-subject")
# What opens the points of a list after a colon (`一是…；二是…`).
ENUMERATORS = lexicon.cues("enumerator")
SUBJECT_WINDOW = 8  # `未来，双方将…`: where a clause's subject stands
MAX_POST_CHAIN = 24  # `常委、组织部部长王某`: from the body to the person's name

CONF_VERB = 0.85
CONF_NAMED = 0.6  # the sentence names the agent but no verb of running
CONF_SUBJECT_VERB = 0.6  # the agent is the article's subject, the sentence has the verb
CONF_SUBJECT = 0.4  # the article's subject, no verb: weak
CONF_OWNER = 0.8  # `甲社区“X”工作法`: a programme written right after the body that owns it
CONF_OWNER_WORD = 0.7  # `集团“X”党建品牌`: the owner a bare word refers back to


def runs(ctx: Context) -> list[Relation]:
    found: list[Relation | None] = []
    joint = sorted(coordinations(ctx), key=lambda c: (c.trigger_at, c.at))
    for item in ctx.outermost([m for m in ctx.mentions if m.kind == INITIATIVE]):
        runners, conf, rule = _runners(ctx, joint, item)
        found.extend(ctx.relation(a, RUNS, item, item.start, conf, rule) for a in runners
                     if not elided(ctx, a))
        found.extend(ctx.relation(a, RUNS, item, item.start, CONF_VERB, "run-host")
                     for a in _hosts(ctx, item) if a not in runners)
    return [r for r in found if r is not None]


# `在X的推动下，…`: what X does for what the sentence then reports (推动, 带领, 指导 …), after a
# word of how at most (`在X的大力推动下`, `在X的精心指导下`)
_PATRONAGE = re.compile("的[\u4e00-\u9fff]{0,2}?(?:" + lexicon.alternation(lexicon.cues("patronage"))
                        + ")下")


def _patron(ctx: Context, item: Mention) -> Mention | None:
    """`在甲街道党工委的推动下，“X”工作法在全区推广`: the body under whose drive the sentence
    opens runs the initiative the sentence reports, when no clause of it names another agent."""
    span = ctx.sents.at(item.start)
    if span is None or not ctx.text.startswith("在", span[0]):
        return None
    agents = [m for m in ctx.starting_at(span[0] + 1) if is_agent(m)]
    if not agents:
        return None
    agent = max(agents, key=lambda m: m.end - m.start)
    return ctx.head(agent) if _PATRONAGE.match(ctx.text, agent.end, item.start) else None


def _hosts(ctx: Context, item: Mention) -> list[Mention]:
    """`由A、B主办，C承办的“X”活动`: the hosts run the event as well as the body that carries it
    out — the bodies listed at the opening of the clause before, which ends with 主办. Joined by
    `、` (`由A主办、C承办的`), the two share a clause, whose subject is the host: the carrier is
    named here too."""
    pos = item.start
    while pos > 0 and ctx.text[pos - 1] == "“":
        pos -= 1
    verb = next((v for v in _CARRIED_OUT if ctx.text.endswith(v, 0, pos)), "")
    carrier = _longest_agent_ending(ctx, pos - len(verb)) if verb else None
    if carrier is None or carrier.start < 3 or ctx.text[carrier.start - 1] not in "，,、" \
            or not ctx.text.endswith("主办", 0, carrier.start - 1):
        return []
    hosted = carrier.start - 3  # the 办 of 主办
    host = ctx.clause_subject(hosted)
    if host is None or host.start < ctx.sents.clause_start(hosted):
        return []
    hosts = strict_list(ctx, host.start)[0]
    return hosts + [carrier] if ctx.text[carrier.start - 1] == "、" else hosts


def _runners(ctx: Context, joint: list[Coordination], item: Mention
             ) -> tuple[list[Mention], float, str]:
    """Who runs ``item``, with the confidence and rule of that reading."""
    together = _joint(ctx, joint, item)
    if together is not None and not together.omitted:
        if together.trigger_at == together.at:  # `A联合B开展“X”`: A runs it, B joins (a partner)
            return [together.first], CONF_VERB, "run-joint"
        return [together.first, *together.others], CONF_VERB, "run-joint"
    clause = ctx.sents.clause_start(item.start)
    verb = _has_verb(ctx.text[clause:item.start])
    owned = _owned(ctx, item)
    if _only_visited(ctx.text[clause:item.start]):
        # `参观了“X”`: the clause's agent does not run X; `参观了甲社区的“X”品牌`: its owner does
        return owned or ([], 0.0, "")
    passive = _passive_runners(ctx, item)
    if passive:
        return passive, CONF_VERB, "run-verb"
    right_before = _agent_before_verb(ctx, item)
    if right_before is not None:
        return [right_before], CONF_VERB, "run-verb"
    if owned:
        return owned
    referent = _bare_word_referent(ctx, item) if verb else None
    if referent is not None:
        return [referent], CONF_NAMED, "run-bare-word"
    both = _both_sides(ctx, joint, item)
    if both:
        return both, CONF_NAMED, "run-both-sides"
    runner = _body_of_the_article(ctx, ctx.clause_subject(item.start))
    if runner is not None and _holds_a_post(ctx, runner):
        # `村支书王某引进“X”`: the person acts in the post written last — when the post holder
        # opens the initiative's own clause and a verb of running reaches it
        # (or opens the sentence, whose next clause starts with the verb: `…王某牵头成立…，开展“X”`)
        held = _post_body(ctx, runner) if verb and (runner.start >= clause or not ctx.within(
            clause, item.start)) else None
        return ([held], CONF_NAMED, "run-post-holder") if held is not None else ([], 0.0, "")
    if runner is not None and verb:
        # `A和B集中开展“X”`, `A、B、C组成…联盟，联合发布了“X”`: every body of the list that opens
        # the clause the sentence is about runs it
        listed, _ = strict_list(ctx, runner.start)
        if len(listed) > 1 and listed[0] is runner:
            return listed, CONF_VERB, "run-verb"
    if runner is None:
        runner = _patron(ctx, item)
        if runner is not None:
            return [runner], CONF_NAMED, "run-patron"
    if runner is not None:
        conf, rule = (CONF_VERB, "run-verb") if verb else (CONF_NAMED, "run-named")
    elif ctx.subject is None or _not_the_articles_report(ctx, item):
        return [], 0.0, ""
    elif verb:
        runner, conf, rule = ctx.subject, CONF_SUBJECT_VERB, "run-article-subject-verb"
    elif _discourse_continues(ctx, item):
        runner, conf, rule = ctx.subject, CONF_SUBJECT, "run-article-subject"
    else:
        return [], 0.0, ""
    others = list(together.others) if together is not None else []
    return [runner, *others], conf, rule


def _agent_before_verb(ctx: Context, item: Mention) -> Mention | None:
    """`甲党支部认领“X”项目、乙党支部认领“Y”项目`, `为落实好甲区在企业中实施“X”工程`: an agent
    written right before the verb that governs the initiative (or before a locative `在…中` and
    the verb) runs it, whatever the clause opened with."""
    pos = item.start
    while pos > 0 and ctx.text[pos - 1] == "“":
        pos -= 1
    if pos >= _LONGEST_RUN_FORM and not ctx.text.endswith(_RUN_FORMS, 0, pos):
        return None  # no verb of running right before it: one test instead of one per verb
    for written in _RUN_FORMS:
        # a negative start would make startswith read from the end of the text
        if len(written) <= pos and ctx.text.startswith(written, pos - len(written)):
            at = pos - len(written)
            agent = _longest_agent_ending(ctx, at) or _agent_before_locative(ctx, at)
            if agent is not None and (_opens_its_part(ctx, agent)
                                      or ctx.text.startswith("在", agent.end)):
                return agent
    return None


_RUN_FORMS = tuple(written for verb in RUN_VERBS for written in (verb, verb + "了"))
_LONGEST_RUN_FORM = max(map(len, _RUN_FORMS))


def _bare_word_referent(ctx: Context, item: Mention) -> Mention | None:
    """`青松社区党总支书记王某介绍，社区始终坚持…，创新推行“X”`: a clause of the sentence opened
    by a bare word for a body (`社区`) is about the body of that kind named last before it in the
    sentence (青松社区, inside the speaker's post)."""
    span = ctx.sents.at(item.start)
    if span is None:
        return None
    clause = ctx.sents.clause_start(item.start)
    while True:
        opening = clause
        while ctx.text[opening:opening + 1] in ("，", ",", "；", ";"):
            opening += 1
        word = next((w for w in BARE_BODIES if ctx.text.startswith(w, opening)), None)
        if word is not None and not ctx.starting_at(opening):
            return ctx.last_named(word, span[0], opening)
        referred = ctx.referred_back(opening)  # `…鄞州区获悉，该区已建成“X”`
        if referred is not None:
            return referred[0]
        if clause <= span[0]:
            return None
        clause = ctx.sents.clause_start(clause - 1)


def _owned(ctx: Context, item: Mention) -> tuple[list[Mention], float, str] | None:
    """The runner, confidence and rule when ``item`` is written right after its owner."""
    owner, written = _owner(ctx, item)
    if owner is None:
        return None
    owner = _body_of_the_article(ctx, owner)  # `柳岸区“X”议事厅` about 柳岸区政协: the 政协's
    return ([owner], CONF_OWNER, "run-owner") if written else \
        ([owner], CONF_OWNER_WORD, "run-owner-word")


def _owner(ctx: Context, item: Mention) -> tuple[Mention | None, bool]:
    """The body whose programme ``item`` is, written right before it: before its quoted name
    (`甲社区“X”工作法`, `甲社区的“X”品牌`), before a brand (`甲社区X党建品牌`), or before the brand
    noun that a dash or colon names (`甲社区党建品牌——X`). A bare word for a body (`集团“X”党建品牌`)
    is the nearest body named before it that ends with that word. Also whether the owner is
    written there (not only referred to by a bare word)."""
    pos = item.start
    while pos > 0 and ctx.text[pos - 1] in "“‘":
        pos -= 1
    if ctx.text.endswith(_APPOSITIONS, 0, pos):
        pos -= 2 if ctx.text.endswith("——", 0, pos) else 1
        if not ctx.text.endswith(_BRAND_NOUNS, 0, pos):
            return None, False
        noun = pos
        while noun > pos - _LONGEST_BRAND_NOUN and noun > 0 and is_han(ctx.text[noun - 1]):
            noun -= 1
            owner_end = noun - 1 if ctx.text.endswith("的", 0, noun) else noun
            if _longest_agent_ending(ctx, owner_end):
                pos = noun
                break
        else:
            return None, False
    elif item.subtype != BRAND and not ctx.text.startswith("“", pos):
        return None, False
    if ctx.text.endswith("的", 0, pos):
        pos -= 1
    agent = _longest_agent_ending(ctx, pos)
    if agent is not None and item.subtype != BRAND and _as_an_object(ctx, agent):
        return None, False  # `在青石街道“暖风”驿站召开`: where it is, not whose
    if agent is not None:
        return ctx.head(agent), True
    word = next((w for w in _BARE_SUBJECTS if ctx.text.endswith(w, 0, pos)), None)
    if word is None:
        return None, False
    return ctx.last_named(word, 0, pos - len(word)), False


_APPOSITIONS = ("——", "：", ":")
_BRAND_NOUNS = ("品牌", "项目")
_LONGEST_BRAND_NOUN = 6  # `党建特色品牌`


def _longest_agent_ending(ctx: Context, at: int) -> Mention | None:
    agents = [m for m in ctx.ending_at(at) if is_agent(m)]
    return max(agents, key=lambda m: m.end - m.start) if agents else None


def _agent_before_locative(ctx: Context, verb_at: int) -> Mention | None:
    """The agent before `在…中` that ends right before ``verb_at`` (`甲区在企业党组织中实施`)."""
    clause = ctx.sents.clause_start(verb_at)
    zai = ctx.text.rfind("在", clause, verb_at)
    if zai < 0 or not ctx.text[:verb_at].endswith(_LOCATIVE_ENDS):
        return None
    return _longest_agent_ending(ctx, zai)


def _opens_its_part(ctx: Context, agent: Mention) -> bool:
    """Whether ``agent`` opens its clause or its part of a 、 list (`到桃李镇开展` is a place)."""
    start = agent.start
    while start > 0 and ctx.text[start - 1] not in "，,；;：:。、\n":
        start -= 1
    return ctx.text[start:agent.start] in OPENERS


def _listed_under_both(ctx: Context, clause: int) -> bool:
    """`双方将推进三项工作：一是开展“X”；二是打造“Y”`: the points listed after a colon are the
    doings of the 双方 that opens the clause before it."""
    if not ctx.text.startswith(ENUMERATORS, clause):
        return False
    span = ctx.sents.at(clause)
    colon = ctx.text.rfind("：", span[0], clause) if span else -1
    if colon < 0:
        return False
    lead = ctx.sents.clause_start(colon)
    return "双方" in ctx.text[lead:colon][:SUBJECT_WINDOW]


def _both_sides(ctx: Context, joint: list[Coordination], item: Mention) -> list[Mention]:
    """`双方将…开展“X”行动`: the two parties the article paired last, before ``item``."""
    clause = ctx.sents.clause_start(item.start)
    opening = ctx.text[clause:item.start]
    if "双方" not in opening[:SUBJECT_WINDOW] and not _listed_under_both(ctx, clause):
        return []
    pairs = [c for c in joint if c.at < item.start and not c.omitted]
    last = max(pairs, key=lambda c: c.at) if pairs else None
    return [last.first, *last.others] if last is not None else []


def _post_body(ctx: Context, agent: Mention) -> Mention | None:
    """The body of the last post in the chain ``agent`` opens (`云州市委常委、组织部部长王某` →
    云州市委组织部), if it is an agent."""
    end = min(ctx.sents.clause_end(agent.end), agent.end + MAX_POST_CHAIN)
    person = next(m for m in ctx.within(agent.end, end) if m.kind == PERSON)
    items = scoped_items(ctx, parse_chain(ctx, person.start, agent.start))
    body = items[-1].body if items else None
    return body if body is not None and is_agent(body) else None


def _holds_a_post(ctx: Context, agent: Mention) -> bool:
    """Whether ``agent`` is written as the body of a person's post (`X市委常委、组织部部长王某`):
    a title follows it, and a name follows in the same clause."""
    after = agent.end
    if not ctx.text.startswith(titles(), after):
        return False
    end = min(ctx.sents.clause_end(after), after + MAX_POST_CHAIN)
    return any(m.kind == PERSON for m in ctx.within(after, end))


def _discourse_continues(ctx: Context, item: Mention) -> bool:
    """Whether the text around ``item`` is still about the article's subject: its sentence or the
    one before names the subject, or its sentence refers back to it (`该街道`, `该行`, or the bare
    `园区`/`街道` the subject's name ends with). Without a verb of running, an initiative merely
    named in a passage about something else is not the subject's (on unseen articles that reading
    was wrong nine times in ten)."""
    sentence = ctx.sents.at(item.start)
    if sentence is None:
        return False
    previous = ctx.sents.before(sentence)
    start = previous[0] if previous is not None else sentence[0]
    name = ctx.subject.name
    if any(m.name == name and not _as_an_object(ctx, m) for m in ctx.within(start, item.start)):
        return True
    before = ctx.text[sentence[0]:item.start]
    words = [w for w in _BARE_SUBJECTS if w in name[2:]] + [name[-1:]]
    return (any("该" + w in before for w in words)
            or (len(name) > 2 and name[-2:] in _BARE_SUBJECTS and name[-2:] in before))


def _not_the_articles_report(ctx: Context, item: Mention) -> bool:
    """Whether the words before ``item`` are not the article reporting what its subject did:
    someone's words (`王某说，社区是…开展“X”的前沿`, and the sentence after `王某表示，…。`), an
    exhortation (`要加快…，构建“X”体系`), an initiative followed rather than run (`按照“X”机制`),
    or a clause opened by a bare word for a body that the subject's name does not contain
    (`党支部实施“X”` in an article about a 新区). The subject runs nothing on such words: on
    unseen articles that reading was wrong every time."""
    sentence = ctx.sents.at(item.start)
    if sentence is None:
        return True
    previous = ctx.sents.before(sentence)
    # someone's words go on into the next sentence when it names no agent (`X表示，将…。同时…`)
    before = ctx.text[previous[0] if previous is not None else sentence[0]:item.start]
    if any(v + mark in before for v in speech_verbs() for mark in "，,：:"):
        return True
    clause = ctx.sents.clause_start(item.start)
    window = ctx.text[clause:item.start]
    last = max((window.rfind(w) for w in FOLLOW_VERBS), default=-1)
    if last >= 0 and not any(v in window[last:] for v in RUN_VERBS):
        return True
    while True:
        opening = ctx.text[clause:item.start].lstrip("，,；;")
        if opening.startswith(EXHORTATIONS):
            return True
        if any(opening.startswith(w) and w not in ctx.subject.name for w in BARE_BODIES):
            return True  # `以甲局党支部为例，党支部实施“X”`: another body, written as a bare word
        if clause <= sentence[0]:
            return False
        clause = ctx.sents.clause_start(clause - 1)


def _as_an_object(ctx: Context, m: Mention) -> bool:
    """`在云州市青松区…召开的晨会`, `与青松社区结对共建的各单位`, `青松区委社会工作部`: a name after a
    preposition in its clause, or inside the name of another body, is not the body the text is
    about — but inside the name of the body the area acts through (`青松新区管委会`) it is."""
    clause = ctx.sents.clause_start(m.start)
    before = ctx.text[clause:m.start]
    return (any(w in before for w in lexicon.prepositions()["before-object"])
            or any(o.start <= m.start and m.end <= o.end and o != m
                   and o.name.removeprefix(m.name) not in AREA_BODIES
                   for o in ctx.within(clause, ctx.sents.clause_end(m.end))))


def _body_of_the_article(ctx: Context, runner: Mention | None) -> Mention | None:
    """An area named where the article is about a body of that area (`柳岸区“…”议事厅` in an article
    about 柳岸区政协): the body is the runner."""
    subject = ctx.subject
    if (runner is not None and subject is not None and runner.kind == PLACE
            and subject.subtype in GOVERNING and subject.name.startswith(runner.name)):
        return subject
    return runner


def _only_visited(window: str) -> bool:
    """Whether the words before an initiative in its clause visit or undergo it rather than run
    it: a verb of visiting (`参观了`, `走进`) or an agentless passive (`被改造成了`) with no verb of
    running after it."""
    last = max((window.rfind(w) for w in VISIT_VERBS), default=-1)
    return last >= 0 and not any(v in window[last:] for v in RUN_VERBS)


def _has_verb(window: str) -> bool:
    return window.rstrip("“").endswith("以") or any(v in window for v in RUN_VERBS)


# What joins a second runner (联合, 携手).
JOINT_RUNNER_WORDS = lexicon.cues("joint-runner")


def _passive_runners(ctx: Context, item: Mention) -> list[Mention]:
    """`“X”由A领办`, `“X”就是由A联合B共同打造的`: the agents right after 由, when a verb of
    running follows them."""
    end = item.end
    while ctx.text[end:end + 1] in ("”", "’"):
        end += 1  # a recognised name leaves its quotes out: 由 follows them
    after = ctx.text[end:end + MAX_PASSIVE_GAP + 1]
    at = after.find("由")
    if at < 0:
        return _described_runner(ctx, end)
    if not _only_copula(after[:at]):
        return []
    pos = end + at + 1
    agents = [m for m in ctx.starting_at(pos) if is_agent(m)]
    if not agents:
        return []
    runners = [ctx.head(agents[0])]
    rest = ctx.text[runners[0].end:runners[0].end + 8]
    for conn in JOINT_RUNNER_WORDS:
        if rest.startswith(conn):  # `由A联合共建单位B`: B is named within a few words
            for k in range(runners[0].end + len(conn), runners[0].end + len(conn) + 6):
                partner = [m for m in ctx.starting_at(k) if is_agent(m)]
                if partner:
                    runners.append(ctx.head(partner[0]))
                    break
            break
    last = runners[-1]
    return runners if _has_verb(ctx.text[last.end:last.end + 8]) else []


def _described_runner(ctx: Context, end: int) -> list[Mention]:
    """`“X”是甲街道为新就业群体打造的服务阵地`: the agent right after the copula, when its clause
    says what the agent did to make X (a verb of running, then 的) or that X is its programme
    (`“X”是甲社区党委今年的书记项目`; not `甲街道的一处服务阵地`, a thing it has)."""
    copula = next((c for c in COPULAS if ctx.text.startswith(c, end)), "")
    agents = [m for m in ctx.starting_at(end + len(copula)) if is_agent(m)] if copula else []
    if not agents:
        return []
    agent = ctx.head(max(agents, key=lambda m: m.end - m.start))
    rest = ctx.text[agent.end:ctx.sents.clause_end(agent.end)]
    made = any(verb + "的" in rest for verb in RUN_VERBS)
    return [agent] if made or _OWN_PROGRAMME.match(rest) else []


COPULAS = lexicon.cues("copula")
# 的 after a time word at most, then a kind of programme: `甲社区党委(今年)的书记项目`
_OWN_PROGRAMME = re.compile("[\u4e00-\u9fff]{0,4}?的[\u4e00-\u9fff]{0,6}?(?:"
                            + lexicon.alternation(lexicon.initiative_triggers()) + ")")

# What alone may stand between an initiative and 由: a copula or an adverb (就是, 也).
COPULA_OR_ADVERB = frozenset(lexicon.cues("copula-or-adverb"))


def _only_copula(gap: str) -> bool:
    """`“X”就是由…`, `“X”是由…`: only a copula or an adverb between the initiative and 由."""
    return all(ch in COPULA_OR_ADVERB for ch in gap)


def _joint(ctx: Context, joint: list[Coordination], item: Mention) -> Coordination | None:
    """The nearest `A与B联合推出` before ``item`` in its own clause: A and B run it together, whatever
    the clause opened with (`园区成为火炬中心与工商银行联合实施“…”行动的高新区`). A `联合B、C，创新“X”`
    in an earlier clause only says B and C joined the work, so it does not count."""
    clause = ctx.sents.clause_start(item.start)
    lo = bisect_left(joint, clause, key=lambda c: c.trigger_at)
    hi = bisect_left(joint, item.start, key=lambda c: c.trigger_at)
    return joint[hi - 1] if hi > lo else None
