"""The generic lexicons in kg/data: suffixes, titles, trigger words, surnames.

Every list holds generic vocabulary only (suffixes such as 党工委, titles such as 书记, triggers
such as 工作法), never names of particular bodies, people or places: the recognisers must work on
articles they have never seen. Loaders are cached; the lists are tuples so nobody mutates them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator

DATA = Path(__file__).resolve().parent.parent / "data"


def _lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file; several words per line are split."""
    words = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(line)
    return words


def _pairs(name: str) -> dict[str, str]:
    pairs = {}
    for line in _lines(name):
        word, value = line.split("\t")
        pairs[word.strip()] = value.strip()
    return pairs


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


class Affixes:
    """A word list to find at one position of a text: the longest word that ends (or starts)
    there. One set lookup per word length, instead of a comparison per word: the suffix lists
    are tried at every candidate end of every article."""

    def __init__(self, words) -> None:
        self.words = frozenset(words)
        self._lengths = sorted({len(w) for w in self.words}, reverse=True)

    def ending(self, text: str, end: int, start: int = 0) -> Iterator[str]:
        """The words that ``text[start:end]`` ends with, longest first."""
        for k in self._lengths:
            if k <= end - start and text[end - k:end] in self.words:
                yield text[end - k:end]

    def ending_at(self, text: str, end: int) -> str | None:
        """The longest word that ``text[:end]`` ends with, or None."""
        return next(self.ending(text, end), None)

    def starting_at(self, text: str, start: int) -> str | None:
        """The longest word that ``text[start:]`` starts with, or None."""
        for k in self._lengths:
            if start + k <= len(text) and text[start:start + k] in self.words:
                return text[start:start + k]
        return None


def alternation(words, guarded: bool = False) -> str:
    """``words`` as a regex alternation, longest first. ``guarded``: behind a look at the next
    character, for a pattern that opens with a lookahead (overlapping matches): the regex engine
    cannot scan ahead for such a pattern and would try every word at every position, where a
    look at one character rules most positions out (elsewhere the engine does that itself)."""
    words = sorted(words, key=len, reverse=True)
    alternatives = "(?:" + "|".join(map(re.escape, words)) + ")"
    if not guarded:
        return alternatives
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])" + alternatives


@lru_cache(maxsize=None)
def affixes(words) -> Affixes:
    """The ``Affixes`` of one of the lists below, made once: ``affixes(org_suffixes)``."""
    return Affixes(words())


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Posts and titles (书记, 副书记, 队长 …), longest first so a regex alternation prefers 副书记."""
    return _longest_first(_lines("titles.txt"))


@lru_cache(maxsize=1)
def person_cues() -> tuple[str, ...]:
    """Role nouns before a name that are not posts (居民, 志愿者, 记者 …), longest first."""
    return _longest_first(_lines("person_cues.txt"))


@lru_cache(maxsize=1)
def speech_verbs() -> tuple[str, ...]:
    return _longest_first(_lines("speech_verbs.txt"))


@lru_cache(maxsize=1)
def non_name_endings() -> tuple[str, ...]:
    return _longest_first(_lines("non_names.txt"))


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(w for line in _lines("surnames.txt") for w in line.split())


@lru_cache(maxsize=1)
def place_suffixes() -> dict[str, str]:
    """Administrative suffix → admin level (街道 → Subdistrict, 经开区 → DevelopmentZone)."""
    return _pairs("place_suffixes.txt")


@lru_cache(maxsize=1)
def level_characters() -> frozenset[str]:
    """The one-character level suffixes (省, 市, 区, 县, 镇, 乡, 村)."""
    return frozenset(w for w in place_suffixes() if len(w) == 1)


@lru_cache(maxsize=1)
def divisions() -> tuple[tuple[str, str], ...]:
    """(code, name) of the national administrative divisions, province to county level (GB/T
    2260, kg/data/divisions.tsv; kg/divisions.py tells where the table comes from)."""
    return tuple(tuple(line.split("\t")) for line in _lines("divisions.tsv")[1:])


def county_under_prefecture(inner: str, outer: str) -> bool:
    """Whether the national table puts the county-level ``inner`` under the prefecture-level
    ``outer`` (高平市 under 晋城市: 1405 81 under 1405 00), whatever their suffixes say."""
    codes = _division_codes()
    return any(i[:4] == o[:4] and o.endswith("00") and not i.endswith("00")
               for i in codes.get(inner, ()) for o in codes.get(outer, ()))


@lru_cache(maxsize=1)
def _division_codes() -> dict[str, tuple[str, ...]]:
    codes: dict[str, list[str]] = {}
    for code, name in divisions() + short_divisions():
        codes.setdefault(name, []).append(code)
    return {name: tuple(found) for name, found in codes.items()}


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """The Chinese names of the world's countries and territories (kg/data/countries.tsv, from the
    Unicode CLDR), China's own left out."""
    return frozenset(line.split("\t")[1] for line in _lines("countries.tsv"))


@lru_cache(maxsize=1)
def short_divisions() -> tuple[tuple[str, str], ...]:
    """(code, short name) of the autonomous prefectures as the genre names them: the name before
    its peoples, and 州 (湘西土家族苗族自治州 → 湘西州, 伊犁哈萨克自治州 → 伊犁州)."""
    people = re.compile("(?:(?:" + alternation(_lines("peoples.txt")) + ")族|"
                        + alternation(w for w in _lines("peoples.txt") if len(w) > 1) + ")$")
    short = []
    for code, name in divisions():
        if not name.endswith(AUTONOMOUS_PREFECTURE):
            continue
        stem = name[:-len(AUTONOMOUS_PREFECTURE)]
        while (match := people.search(stem)) and match.start() >= 2:
            stem = stem[:match.start()]
        if stem != name[:-len(AUTONOMOUS_PREFECTURE)]:
            short.append((code, stem + "州"))
    return tuple(short)


AUTONOMOUS_PREFECTURE = "自治州"


@lru_cache(maxsize=1)
def division_names() -> frozenset[str]:
    """The divisions' names (云州市, 某某省), and the autonomous prefectures' short names (湘西州):
    the areas that exist under those names."""
    return frozenset(name for _, name in divisions() + short_divisions())


@lru_cache(maxsize=1)
def other_place_suffixes() -> tuple[str, ...]:
    return _longest_first(_lines("other_place_suffixes.txt"))


@lru_cache(maxsize=1)
def org_suffixes() -> dict[str, str]:
    """Organisation suffix → subtype (党工委 → PartyOrganization, 有限公司 → Enterprise)."""
    return _pairs("org_suffixes.txt")


@lru_cache(maxsize=1)
def long_org_suffixes() -> tuple[str, ...]:
    """The organisation suffixes of two characters or more: a one-character suffix (部, 队) ends
    many plain words too (干部), so some rules take it only as a word of its own."""
    return tuple(s for s in org_suffixes() if len(s) >= 2)


@lru_cache(maxsize=1)
def national_prefixes() -> tuple[str, ...]:
    """How the names of central and provincial bodies begin (国务院, 省委; 中铁 of the central
    state enterprises): never the local area's bodies."""
    return tuple(_lines("national_prefixes.txt"))


@lru_cache(maxsize=1)
def org_middles() -> tuple[str, ...]:
    """Generic sector words that sit between a level word or a place and a body's suffix
    (市|两新组织|党工委, 区|机关|党工委), longest first."""
    return _longest_first(_lines("org_middles.txt"))


@lru_cache(maxsize=1)
def org_topics() -> frozenset[str]:
    """Words that say what a body works on, not which (党建, 党群): 党建联盟 alone is a kind."""
    return frozenset(_lines("org_topics.txt"))


@lru_cache(maxsize=1)
def org_trades() -> frozenset[str]:
    """Trades and fields a body is named for (开发, 建设, 保障): inside a name, though tagged verbs."""
    return frozenset(_lines("org_trades.txt"))


@lru_cache(maxsize=1)
def org_short_forms() -> dict[str, tuple[str, str]]:
    """Short forms without a suffix → (subtype, the form they shorten): 工行 → Enterprise, 工商银行."""
    rows = (line.split("\t") for line in _lines("org_short_forms.txt"))
    return {short.strip(): (subtype.strip(), full.strip()) for short, subtype, full in rows}


@lru_cache(maxsize=1)
def initiative_triggers() -> dict[str, str]:
    """Trigger word → initiative subtype (书记项目 → SecretaryProject, 工作法 → Mechanism)."""
    return _pairs("initiative_triggers.txt")


@lru_cache(maxsize=1)
def document_words() -> tuple[str, ...]:
    return _longest_first(_lines("document_words.txt"))


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    return frozenset(_lines("generic_words.txt"))


@lru_cache(maxsize=1)
def generic_places() -> frozenset[str]:
    return frozenset(_lines("generic_places.txt"))


@lru_cache(maxsize=1)
def byline_words() -> dict[str, tuple[str, ...]]:
    """Byline vocabulary by role (person/holder/date cues, qualifier, outlet and body endings),
    each in file order; a word may have several roles (报 is an outlet's ending and a qualifier)."""
    return _ordered_uses("byline_cues.txt")


def _ordered_uses(name: str) -> dict[str, tuple[str, ...]]:
    """Words by use, from lines ``word<TAB>use use …``, each use's words in file order (the order
    a tuple of alternatives is tried in must not depend on the process's hashing); a word may
    have several uses."""
    uses: dict[str, list[str]] = {}
    for line in _lines(name):
        word, names = line.split("\t")
        for use in names.split():
            uses.setdefault(use, []).append(word.strip())
    return {use: tuple(words) for use, words in uses.items()}


def _uses(name: str) -> dict[str, frozenset[str]]:
    """``_ordered_uses`` as sets, for lists that are only looked words up in."""
    return {use: frozenset(words) for use, words in _ordered_uses(name).items()}


def cues(use: str) -> tuple[str, ...]:
    """The cue words of one rule, in file order (kg/data/cue_words.txt): ``cues("located-verb")``."""
    try:
        return _cue_words()[use]
    except KeyError:
        raise KeyError(f"no use {use!r} in kg/data/cue_words.txt") from None


@lru_cache(maxsize=1)
def _cue_words() -> dict[str, tuple[str, ...]]:
    return _ordered_uses("cue_words.txt")


def pairs(table: str) -> tuple[tuple[str, str], ...]:
    """The (key, value) rows of one small table, in file order (kg/data/pairs.txt):
    ``pairs("head-level")``; a value of several words is one string, for the reader to split."""
    try:
        return _pair_tables()[table]
    except KeyError:
        raise KeyError(f"no table {table!r} in kg/data/pairs.txt") from None


@lru_cache(maxsize=1)
def _pair_tables() -> dict[str, tuple[tuple[str, str], ...]]:
    tables: dict[str, list[tuple[str, str]]] = {}
    for line in _lines("pairs.txt"):
        table, key, value = (field.strip() for field in line.split("\t"))
        tables.setdefault(table, []).append((key, value))
    return {table: tuple(rows) for table, rows in tables.items()}


@lru_cache(maxsize=1)
def initiative_verbs() -> dict[str, tuple[str, ...]]:
    """Verbs about an initiative by use (``run``, ``visit``, ``follow``: kg/data/initiative_verbs.txt)."""
    return _ordered_uses("initiative_verbs.txt")


@lru_cache(maxsize=1)
def prepositions() -> dict[str, frozenset[str]]:
    """Prepositions by use (``glued-to-body``, ``glued-to-place``, ``before-object``: see
    kg/data/prepositions.txt)."""
    return _uses("prepositions.txt")


ENUMERATION_COMMA = "、"  # punctuation that joins the items of a list as a conjunction does


@lru_cache(maxsize=1)
def conjunctions() -> dict[str, frozenset[str]]:
    """Conjunctions by use (``list``, ``with``: see kg/data/conjunctions.txt)."""
    return _uses("conjunctions.txt")


@lru_cache(maxsize=1)
def list_joins() -> tuple[str, ...]:
    """What joins the items of a list of names: the enumeration comma and the ``list``
    conjunctions (、, 和, 及, 与, 以及), longest first."""
    return _longest_first({ENUMERATION_COMMA, *conjunctions()["list"]})


@lru_cache(maxsize=1)
def item_joins() -> tuple[str, ...]:
    """``list_joins`` but for the words that also mean "with" (与): after those, a name may be
    a partner, not the next item of the list."""
    return tuple(w for w in list_joins() if w not in conjunctions()["with"])


@lru_cache(maxsize=1)
def join_characters() -> frozenset[str]:
    """Characters that join the items of a list (、和及与); a single character, unlike 以及, can
    be told apart by a look at one position of the text."""
    return frozenset(w for w in list_joins() if len(w) == 1)


@lru_cache(maxsize=1)
def lead_words() -> frozenset[str]:
    """Words that stand before names but never start one (全面, 紧扣, 启动 …)."""
    return frozenset(_lines("lead_words.txt"))
