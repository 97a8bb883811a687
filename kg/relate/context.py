"""What every relation family needs to know about one article: its mentions, sentences, subject.

The families are pure functions of a ``Context``; it indexes the mentions by position once, finds
the names nested in a longer name, the head of a name chain (`云州市枫林区白洋湖镇` → 白洋湖镇), the
agent a clause is about, and the article's own subject (the body it is about when a sentence
leaves its subject out).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import wraps

from kg.model import Article, Mention, Relation
from kg.recognise import lexicon
from kg.recognise.context import ZONE_WORDS
from kg.recognise.view import ACROSS_LEVEL, COUNTED
from kg.relate.sentences import Sentences
from kg.vocab import ADMINISTRATIVE_AREA, ORGANIZATION, PLACE, RANK

# A clause-initial name is the clause's subject only when nothing, or one of these openers, stands
# before it: after anything else (`成立X`, `与X`, `在X`) the name is an object or an adverbial.
OPENERS = frozenset(("",) + lexicon.cues("clause-opening-word"))  # nothing, or one of these
SUBJECT_GAP = max(map(len, OPENERS)) + max(map(len, ZONE_WORDS))  # an opener, then a bare zone word
PARTY_PREFIX = "中共"  # `中共甲区委` is 甲区委: the prefix opens the name, not the clause
# The bodies an area acts through (its party committee, its government, its 政协 …).
GOVERNING = ("PartyOrganization", "GovernmentAgency")
# Bare words for a body that open a clause (`党支部实施…`, `社区推出…`), and what `该` refers back
# to (`该区`, `该街道`) but not before a common word of a level character (`该市场`).
BARE_BODIES = lexicon.cues("bare-body")
_REFERRED = BARE_BODIES + lexicon.cues("bare-area-level")
# A unit smaller than an area, written right after the area's name (`云州青石街道`).
UNIT_SUFFIXES = lexicon.cues("unit-after-area")
MAX_UNIT_NAME = 4


def per_article(fn):
    """Memoise ``fn(ctx, *args)``, a pure function of the article, in the context: several
    families ask the same question (where a name belongs, which bodies act together). Callers
    must not change the result. Arguments count by identity (hashing a Mention hashes every
    field); the entry holds them, so no other object can take their ids while it lives."""
    @wraps(fn)
    def memoised(ctx: "Context", *args):
        key = (fn, *map(id, args))
        hit = ctx.memo.get(key)
        if hit is None:
            hit = ctx.memo[key] = (args, fn(ctx, *args))
        return hit[1]
    return memoised


def _opens(gap: str) -> bool:
    """Whether ``gap`` may stand between a clause's start and its subject: an opening word, after
    which a bare zone word may stand (`高新区甲街道推出…`: the zone the article is about)."""
    if gap in OPENERS:
        return True
    zone = next((z for z in ZONE_WORDS if gap.endswith(z)), "")
    return bool(zone) and gap[:-len(zone)] in OPENERS


def is_agent(m: Mention) -> bool:
    """Can act (run, sign, hold posts): an organisation or an administrative area."""
    return m.kind == ORGANIZATION or (m.kind == PLACE and m.subtype == ADMINISTRATIVE_AREA)


def is_place(m: Mention) -> bool:
    return m.kind == PLACE


OWNING = tuple(w for w in lexicon.cues("under") if w.endswith("的"))  # 所属的, 下属的
ITEM_JOINS = lexicon.item_joins()  # not 与: 与某区 is "with", not the next item


def listed_after(ctx: "Context", first: Mention) -> list[Mention]:
    """The names listed after ``first`` (`甲小区、乙小区和丙小区`, `甲商会、乙商会`), of its kind."""
    found, pos = [], first.end
    while True:
        sep = next((x for x in ITEM_JOINS if ctx.text.startswith(x, pos)), "")
        nxt = [n for n in ctx.starting_at(pos + len(sep)) if n.kind == first.kind]
        if not sep or not nxt:
            return found
        found.append(max(nxt, key=lambda n: n.end - n.start))
        pos = found[-1].end


def identity(m: Mention) -> tuple[str, str, str]:
    """What makes two mentions the same entity within an article."""
    return (m.kind, m.name, m.scope)


def made_of(gap: str, words) -> bool:
    """``gap`` is nothing but ``words`` one after the other (each tried in order; "" is)."""
    while gap:
        word = next((w for w in words if gap.startswith(w)), None)
        if word is None:
            return False
        gap = gap[len(word):]
    return True


@dataclass
class Context:
    article: Article
    mentions: list[Mention]
    sents: Sentences = field(init=False)
    subject: Mention | None = field(init=False)
    memo: dict = field(init=False, default_factory=dict, repr=False, compare=False)  # per_article

    def __post_init__(self) -> None:
        # Longest first at each start, so "the mention at i" is the fullest name there.
        self.mentions = sorted(set(self.mentions), key=lambda m: (m.start, -m.end, m.kind, m.name))
        self.text = self.article.text
        self.sents = Sentences(self.text)
        self._starts = [m.start for m in self.mentions]
        self._by_start: dict[int, list[Mention]] = {}
        self._by_end: dict[int, list[Mention]] = {}
        self.by_name: dict[str, list[Mention]] = {}  # canonical name → mentions, in order
        self.by_text: dict[str, list[Mention]] = {}  # surface form → mentions, in order
        for m in self.mentions:
            self._by_start.setdefault(m.start, []).append(m)
            self._by_end.setdefault(m.end, []).append(m)
            self.by_name.setdefault(m.name, []).append(m)
            self.by_text.setdefault(m.text, []).append(m)
        self._longest = max((m.end - m.start for m in self.mentions), default=0)
        # One place per name, for lookups that scan the places of the article.
        self.areas = [ms[0] for ms in self.by_name.values() if ms[0].kind == PLACE]
        self.subject = self._article_subject()

    # -- lookup (indexed: a page may be one long article with many thousands of mentions) --------

    def starting_at(self, pos: int) -> list[Mention]:
        return self._by_start.get(pos, [])

    def ending_at(self, pos: int) -> list[Mention]:
        return self._by_end.get(pos, [])

    def ending_between(self, start: int, end: int) -> list[Mention]:
        """Mentions whose end lies in ``[start, end]``."""
        return [m for pos in range(start, end + 1) for m in self._by_end.get(pos, ())]

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions inside ``[start, end)``, in order."""
        out = []
        for k in range(bisect_left(self._starts, start), len(self.mentions)):
            m = self.mentions[k]
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def covering(self, start: int, end: int) -> list[Mention]:
        """Mentions that hold all of ``[start, end)``."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_right(self._starts, start)
        return [m for m in self.mentions[lo:hi] if m.end >= end]

    def bodies_ending_with(self, word: str) -> list[str]:
        """The distinct names of organisations that end with ``word`` and are longer, sorted
        (memoised: a generic word is looked up once per article)."""
        memo = self.__dict__.setdefault("_ending_with", {})
        if word not in memo:
            memo[word] = sorted({m.name for m in self.mentions if m.kind == ORGANIZATION
                                 and m.name.endswith(word) and len(m.name) > len(word)})
        return memo[word]

    def children(self, m: Mention) -> list[Mention]:
        """The names directly nested in ``m`` (not inside another nested name), in order."""
        inner = [n for n in self.within(m.start, m.end) if (n.start, n.end) != (m.start, m.end)]
        return self.outermost(inner)

    @staticmethod
    def outermost(ms: list[Mention]) -> list[Mention]:
        """Drop mentions nested inside a longer one of ``ms`` (same spans stay), keeping order."""
        if len(ms) < 2:
            return list(ms)  # most names hold no other: nothing to sort
        nested: set[int] = set()
        reach = -1  # the furthest end of the spans seen so far
        ordered = sorted(range(len(ms)), key=lambda i: (ms[i].start, -ms[i].end))
        k = 0
        while k < len(ordered):
            span = (ms[ordered[k]].start, ms[ordered[k]].end)
            group = []
            while k < len(ordered) and (ms[ordered[k]].start, ms[ordered[k]].end) == span:
                group.append(ordered[k])
                k += 1
            if span[1] <= reach:
                nested.update(group)
            reach = max(reach, span[1])
        return [m for i, m in enumerate(ms) if i not in nested]

    # -- names and subjects ----------------------------------------------------------------------

    def head(self, m: Mention) -> Mention:
        """The last name of the chain ``m`` starts: `云州市枫林区白洋湖镇` → 白洋湖镇,
        `枫林高新区（芦苇街道）竹巷社区党委` → the 社区党委."""
        seen = {id(m)}
        while True:
            nxt = self._next_in_chain(m)
            if nxt is None or id(nxt) in seen:
                return m
            seen.add(id(nxt))
            m = nxt

    def _next_in_chain(self, m: Mention) -> Mention | None:
        pos = m.end
        if self.text[pos:pos + 1] == "（":
            close = self.text.find("）", pos, pos + 16)
            if close < 0:
                return None
            pos = close + 1
        agents = [n for n in self.starting_at(pos) if is_agent(n)]
        # 某镇|紫岭村党支部: the body named after the place, not the place, continues the chain
        return max(agents, key=lambda n: n.end - n.start) if agents else None

    def last_named(self, word: str, start: int, end: int) -> Mention | None:
        """The body or area named last in ``[start, end]`` whose name ends with the bare ``word``
        (longer than it): what `社区`, `集团` written alone refer back to."""
        named = [m for m in self.ending_between(start, end)
                 if is_agent(m) and m.name.endswith(word) and len(m.name) > len(word)]
        return max(named, key=lambda m: (m.end, m.end - m.start)) if named else None

    def referred_back(self, at: int) -> tuple[Mention, int] | None:
        """What `该X` at ``at`` refers back to (`该区`, `该街道`, `该商会`): the area or body of that
        kind named last in its sentence or the one before, and where `该X` ends. Not a common word
        (`该市场`)."""
        if not self.text.startswith("该", at) or self.text.startswith(ACROSS_LEVEL, at + 1):
            return None
        word = next((w for w in _REFERRED if self.text.startswith(w, at + 1)), None)
        span = self.sents.at(at)
        if word is None or span is None:
            return None
        referent = self.last_named(word, (self.sents.before(span) or span)[0], at)
        return (referent, at + 1 + len(word)) if referent is not None else None

    def clause_subject(self, pos: int) -> Mention | None:
        """The agent that the clauses of the sentence up to ``pos`` are about, if the sentence names
        one: the nearest clause that opens with an agent's name."""
        span = self.sents.at(pos)
        if span is None:
            return None
        start = self.sents.clause_start(pos)
        while True:
            found = self._opening_agent(start, pos)
            if found is not None:
                return self._owned_after(self.head(found), pos)
            if start <= span[0]:
                return None
            start = self.sents.clause_start(start - 1)

    def _owned_after(self, owner: Mention, limit: int) -> Mention:
        """`甲工商联所属的乙商会、丙商会联合开展…`: the owner only qualifies the bodies it owns,
        which the clause is about."""
        word = next((w for w in OWNING if self.text.startswith(w, owner.end)), "")
        owned = [m for m in self.starting_at(owner.end + len(word)) if is_agent(m)] if word else []
        if not owned or owned[0].start >= limit:
            return owner
        return self.head(max(owned, key=lambda m: m.end - m.start))

    def _opening_agent(self, clause_start: int, limit: int) -> Mention | None:
        for k in range(bisect_left(self._starts, clause_start), len(self.mentions)):
            m = self.mentions[k]
            if m.start > clause_start + SUBJECT_GAP or m.start >= limit:
                return None
            gap = self.text[clause_start:m.start].removesuffix(PARTY_PREFIX)  # 中共甲区委: 甲区委
            if is_agent(m) and _opens(gap) \
                    and not (m.kind == PLACE and COUNTED.match(self.text, m.end)):
                return m  # not `云州两家水果商…`: the area only says where the counted ones are from
        return None

    def _article_subject(self) -> Mention | None:
        """The agent the article is about.

        The head of the first agent in the headline (else in the kicker) — unless that is an area
        and a governing body named after it is named more often (`柳岸区“…”议事厅` about
        柳岸区政协; a 街道's volunteer team does not replace the 街道).
        Without one in the headline, the agent named most often (at least twice; ties go to the
        smaller area, then the first).
        """
        agents = [m for m in self.outermost(self.mentions) if is_agent(m)]
        counts = Counter(identity(m) for m in agents)
        first = {}
        for m in agents:
            first.setdefault(identity(m), m)
        # Equally often named: the smaller area (higher rank) first.
        top = min(counts, key=lambda k: (-counts[k], -RANK.get(first[k].level, 0), first[k].start),
                  default=None)
        in_title: list[Mention] = []
        for heading in (self.article.title, self.article.kicker):
            at = self.text.find(heading) if heading else -1
            if at >= 0 and not in_title:
                in_title = [m for m in self.mentions
                            if is_agent(m) and at <= m.start and m.end <= at + len(heading)]
        if in_title:
            chosen = self.head(in_title[0])
            if self._smaller_unit_follows(chosen):
                return None
            if (top is not None and chosen.kind == PLACE and first[top].subtype in GOVERNING
                    and top[1].startswith(chosen.name) and counts[top] > counts[identity(chosen)]):
                return first[top]
            return chosen
        if top is None or counts[top] < 2:
            return None
        return first[top]

    def _smaller_unit_follows(self, m: Mention) -> bool:
        """`云州青石街道…` where only 云州 was recognised: the headline is about a smaller unit
        of the area that the article's names miss, so the area is not the article's subject (its
        work would be given to the wrong body)."""
        after = self.text[m.end:m.end + MAX_UNIT_NAME + 2]
        for suffix in UNIT_SUFFIXES:
            at = after.find(suffix)
            if 0 < at <= MAX_UNIT_NAME and all("\u4e00" <= ch <= "\u9fff" for ch in after[:at]):
                return not self.within(m.end, m.end + at + len(suffix))
        return False

    # -- building relations ----------------------------------------------------------------------

    def relation(self, subject: Mention, predicate: str, obj: Mention, at: int, confidence: float,
                 rule: str, role: str = "", role_label: str = "") -> Relation | None:
        """A relation whose evidence is the sentence holding position ``at``."""
        if identity(subject) == identity(obj):
            return None
        span = self.sents.at(at)
        if span is None:
            return None
        return Relation(subject=subject, predicate=predicate, object=obj, sentence_start=span[0],
                        sentence_end=span[1], confidence=confidence, rule=rule, role=role,
                        role_label=role_label if role_label != role else "")

