"""Recognise mentions in an article: one recogniser per kind, each a pure function of the article.

Mention conventions (what kg/relate and kg/resolve may rely on):
- ``start``/``end``: half-open span of ``Article.text``; ``text == article.text[start:end]`` always.
- Overlaps are allowed and meaningful: a name and the parts it is made of are separate mentions
  (梅林街道红枫叶志愿者服务队 = Organization over the whole span + Place 梅林街道 over its start;
  某某电子（云溪）半导体有限公司党委 = PartyOrganization + Enterprise 某某电子（云溪）半导体有限公司).
  No two mentions share the same span and kind.
- ``kind``: Organization | Person | Place | Initiative | PolicyDocument; ``subtype``: the most
  specific class (PartyOrganization, AdministrativeArea, SecretaryProject …), or the kind itself.
- ``name``: the canonical name, completed from the article (园区党工委 → 云溪工业园区党工委, 区委 →
  星湖区委, 经开区 → 蓝湾经济技术开发区); quotation marks dropped (“三个一”工作法 → 三个一工作法);
  policy documents keep their 《》. ``text`` is the surface form (it becomes an alias).
- ``level``: admin level (ADMIN_LEVELS) for AdministrativeArea mentions, "" otherwise.
- ``scope``: "" for names that identify their entity by themselves; never "?" in the output.
- ``rule``: the recogniser rule, e.g. "org-suffix", "person-title", "initiative-joined",
  "+context" appended when the name was completed from the article. Persons the statistical tagger
  found say so: "tagger" (the tagger alone, sure of it), "tagger+cue" (with a title or form of
  address beside the name), "person-title+tagger" (a rule and the tagger agree); see docs/ner.md.
- Initiative mentions of the form “名称”+trigger span the quoted name and the trigger.
- The list is sorted by (start, end, kind).
"""
from __future__ import annotations

import re
from dataclasses import fields, replace
from operator import attrgetter
from typing import Iterable, Iterator

from kg import collector
from kg.model import Article, Mention
from kg.recognise import lexicon, tagger
from kg.recognise.context import complete
from kg.recognise.documents import recognise_documents
from kg.recognise.initiatives import recognise_initiatives
from kg.recognise.orgs import recognise_orgs, registered_name
from kg.recognise.persons import apposition, recognise_persons
from kg.recognise.places import recognise_places
from kg.recognise.spans import Spans
from kg.recognise.view import View
from kg.vocab import ADMINISTRATIVE_AREA, INITIATIVE, ORGANIZATION, PERSON, PLACE

__all__ = ["recognise", "recognise_all", "recognise_text"]

# Articles read together by the name tagger, in characters (one block of its decoding): its
# array operations cost about as much for one sentence as for a few thousand
# (kg/recognise/tagger.py, "decoding").
TAGGER_RUN = 1 << 16


def recognise(article: Article) -> list[Mention]:
    """All mentions in ``article``, sorted by position."""
    return recognise_text(article.text)


def recognise_text(text: str) -> list[Mention]:
    """All mentions in a normalised text (the article's ``text``)."""
    return next(recognise_all([text]))


def recognise_all(texts: Iterable[str]) -> Iterator[list[Mention]]:
    """``recognise_text`` of each text, in order. Texts are taken in runs of about TAGGER_RUN
    characters, whose sentences the tagger reads at once."""
    run, size = [], 0
    for text in texts:
        run.append(text)
        size += len(text)
        if size >= TAGGER_RUN:
            yield from _recognise_run(run)
            run, size = [], 0
    if run:
        yield from _recognise_run(run)


def _recognise_run(texts: list[str]) -> Iterator[list[Mention]]:
    with collector.paused():
        views = [View.of(text) if text.strip() else None for text in texts]
        read = [view for view in views if view]
        tagged = iter(tagger.tag_many([(view.text, view.tokens) for view in read])
                      if read and tagger.available() else ())
    for view in views:
        if view is None:
            yield []
            continue
        with collector.paused():
            found = _recognise(view, next(tagged, None))
        yield found


def _recognise(view: View, tagged: list[tagger.Scored] | None) -> list[Mention]:
    found = recognise_places(view)  # first: the other recognisers stop names at places
    orgs = recognise_orgs(view)
    found += orgs
    found += recognise_persons(view, tagged)
    found += apposition(view, orgs)
    found += recognise_initiatives(view)
    found += recognise_documents(view)
    found = _with_echoes(view.text, complete(view, found))
    found = _drop_bodies_quoted_in_programmes(view.text, found)
    return _unique(_drop_person_overlaps(_drop_registered_places(_drop_honours(view.text, found))))


def _drop_bodies_quoted_in_programmes(text: str, mentions: list[Mention]) -> list[Mention]:
    """“时间银行”志愿服务项目: a body's suffix ending a quoted name that a programme's name takes in
    names the programme, not a bank."""
    programmes = Spans((m.start, m.end) for m in mentions if m.kind == INITIATIVE)
    return [m for m in mentions if m.kind != ORGANIZATION or not (
        text[m.start - 1:m.start] == "“" and text[m.end:m.end + 1] == "”"
        and programmes.covers(m.start - 1, m.end + 1))]


MIN_ECHO = 3  # 民族街道, 黄门社区: a stem and a suffix; shorter names are too often words


def _is_area(m: Mention) -> bool:
    return m.kind == PLACE and m.subtype == ADMINISTRATIVE_AREA


def _with_echoes(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the places they name found again wherever else the article writes them
    (``_echoes``), less the places those echoes take in (`拱北|湾村`: a bay read where the
    article's village is written; `南京|西路街道`: a shorter area read inside the named one)."""
    echoes = _echoes(text, mentions)
    if not echoes:
        return mentions
    areas = Spans((m.start, m.end) for m in echoes if _is_area(m))
    # 南京|西路街道…党委: a body named after an area that ends an echo is named after the echo
    ending = {m.end: m for m in echoes if _is_area(m)}
    inner = {m.start: ending[m.end] for m in mentions if _is_area(m) and m.end in ending
             and ending[m.end].start < m.start}
    kept = []
    for m in mentions:
        if m.kind == PLACE and areas.covers(m.start, m.end):
            continue
        echo = inner.get(m.start) if m.kind == ORGANIZATION else None
        if echo is not None:
            m = replace(m, start=echo.start, text=text[echo.start:m.end],
                        name=text[echo.start:m.start] + m.name)
        kept.append(m)
    return kept + echoes


def _echoes(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place found once in the article is the same place wherever else the article writes its
    name (`某区民族街道…。民族街道打造…`: the stem is a common word, found only inside the chain).
    Only names that stand for themselves (written as named) are echoed, not inside or across
    another place — but an area's name may take in an other place read inside it (`拱北湾村`
    over the bay `拱北湾`) — and inside a body's name only at its start. Bodies are not echoed:
    their rules refuse some names on purpose (国家级…中心).

    The text is read once, at the characters that end a known name, each tried with the known
    lengths, longest first: searching the text for each name costs names × length (a second of a
    two-million-character article with two thousand places), this the length only."""
    known: dict[str, Mention] = {}
    for m in mentions:
        if m.kind == PLACE and m.text == m.name and len(m.text) >= MIN_ECHO:
            known.setdefault(m.text, m)
    if not known:
        return []
    area_spans = {(m.start, m.end) for m in mentions if _is_area(m)}
    area_starts = {start for start, _ in area_spans}
    places = Spans(area_spans)
    others = Spans((m.start, m.end) for m in mentions if m.kind == PLACE and not _is_area(m))
    bodies = Spans((m.start, m.end) for m in mentions if m.kind == ORGANIZATION)
    body_starts = {m.start for m in mentions if m.kind == ORGANIZATION}
    sizes = sorted({len(name) for name in known}, reverse=True)
    ends = re.compile("[" + re.escape("".join(sorted({name[-1] for name in known}))) + "]")
    found = []
    for match in ends.finditer(text):
        end = match.end()
        name = next((text[end - k:end] for k in sizes if text[end - k:end] in known), None)
        at = end - len(name) if name else -1
        # inside a body's name only where that name starts (某镇党委: the body is named after it);
        # over an area only one read inside it (南京|西路街道 where 南京西路街道 is named)
        inside = name is not None and _is_area(known[name]) and (at, end) not in area_spans \
            and not places.crosses(at, end)  # only shorter areas read inside it
        if not name or places.overlaps(at, end) and not inside \
                or not (at in body_starts or not bodies.overlaps(at, end)
                        or inside and any(s in area_starts for s in range(at + 1, end))):
            continue
        if others.overlaps(at, end) and not (_is_area(known[name]) and not others.crosses(at, end)):
            continue
        found.append(replace(known[name], start=at, end=end, rule="echo"))
    return found


def _drop_registered_places(mentions: list[Mention]) -> list[Mention]:
    """`云州市某某时装有限公司`: a place written inside a registered name is where the name was
    registered, not a place the text speaks of (kg/relate/located.py gives the body no place
    from it either); the same place named elsewhere in the article stays."""
    registered = Spans((m.start, m.end) for m in mentions
                       if m.kind == ORGANIZATION and registered_name(m))
    if not len(registered):
        return mentions
    return [m for m in mentions if m.kind != PLACE or not registered.covers(m.start, m.end)]


# `荣获“云州省文明社区”称号`: the quoted name of an honour names no body, place or programme.
_HONOUR = re.compile("”(?:荣誉|光荣)?称号")


# `被评为“全国文明社区”`, `荣获“先进基层党组织”`: a quoted name after a verb of honouring is the
# honour's, even without 称号 after it.
_HONOURED = re.compile("(?:" + lexicon.alternation(lexicon.cues("honouring")) + ")“[^“”\n]{1,30}(”)")


def _drop_honours(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions that do not end an honour's quoted name (the names inside it stay); after a
    verb of honouring, the places and bodies that do not (a programme may win an honour as named:
    荣获“某某工作法”)."""
    honoured = {match.start(1) for match in _HONOURED.finditer(text)}
    return [m for m in mentions if not _HONOUR.match(text, m.end)
            and not (m.end in honoured and m.kind in (PLACE, ORGANIZATION))]


def _drop_person_overlaps(mentions: list[Mention]) -> list[Mention]:
    """A "person" whose span overlaps a place or organisation name is that name (白鹭镇 alone on a
    line is a town, not a byline); but a name after a title or before a verb of saying that reads
    like a landform (书记李文江到: 江 a river's suffix) is the person, and no place."""
    cued = {(m.start, m.end) for m in mentions
            if m.kind == PERSON and m.rule.startswith(CUED_PERSON_RULES)}
    landforms = {(m.start, m.end) for m in mentions
                 if m.kind == PLACE and m.subtype == PLACE and (m.start, m.end) in cued}
    mentions = [m for m in mentions if m.kind != PLACE or (m.start, m.end) not in landforms]
    named = Spans((m.start, m.end) for m in mentions if m.kind in (PLACE, ORGANIZATION))
    return [m for m in mentions if m.kind != PERSON or not named.overlaps(m.start, m.end)]


# The person rules with a cue beside the name: a title before it, a verb of saying after it,
# posts in brackets after it, 是…一名 (kg/recognise/persons.py).
CUED_PERSON_RULES = ("person-title", "person-speech", "person-posts", "person-copula")


# Mention's own order (its fields in turn) as a key: the generated __lt__ is Python, this is C.
MENTION_ORDER = attrgetter(*(f.name for f in fields(Mention)))


def _unique(mentions: list[Mention]) -> list[Mention]:
    """One mention per (span, kind); sorted, so the output never depends on recogniser order."""
    best: dict[tuple[int, int, str], Mention] = {}
    for m in sorted(mentions, key=MENTION_ORDER):
        best.setdefault((m.start, m.end, m.kind), m)
    return sorted(best.values(), key=lambda m: (m.start, m.end, m.kind, m.name))
