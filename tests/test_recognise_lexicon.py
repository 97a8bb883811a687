"""The lexicon's lookups: longest affix at a position, guarded alternations, prepositions by use."""
from __future__ import annotations

import random
import re

from kg.recognise import lexicon

WORDS = ["区", "街道", "新区", "经济技术开发区", "开发区", "社区", "党委", "委"]
ALPHABET = "区街道新经济技术开发社党委甲"


def random_texts(seed: int, count: int = 3000):
    rnd = random.Random(seed)
    return ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randrange(0, 12))) for _ in range(count)]


def test_affixes_find_the_longest_word_at_a_position_as_a_scan_of_the_list_does():
    affixes = lexicon.Affixes(WORDS)
    longest_first = sorted(WORDS, key=len, reverse=True)
    for text in random_texts(1):
        for pos in range(len(text) + 1):
            assert affixes.ending_at(text, pos) == \
                next((w for w in longest_first if text.endswith(w, 0, pos)), None)
            assert affixes.starting_at(text, pos) == \
                next((w for w in longest_first if text.startswith(w, pos)), None)
            for floor in range(pos + 1):
                assert list(affixes.ending(text, pos, floor)) == \
                    [w for w in longest_first if pos - len(w) >= floor and text.endswith(w, 0, pos)]


def test_a_guarded_alternation_matches_what_the_plain_one_does():
    plain = re.compile("(?=(" + lexicon.alternation(WORDS) + r")(?P<rest>[\u4e00-\u9fff]{2}))")
    guarded = re.compile("(?=(" + lexicon.alternation(WORDS, guarded=True)
                         + r")(?P<rest>[\u4e00-\u9fff]{2}))")
    for text in random_texts(2):
        assert [m.span(1) + m.span(2) for m in guarded.finditer(text)] == \
            [m.span(1) + m.span(2) for m in plain.finditer(text)]


def test_prepositions_are_listed_by_use():
    uses = lexicon.prepositions()
    assert {"glued-to-body", "glued-to-place", "before-object"} == set(uses)
    assert "以" in uses["glued-to-place"] and "以" not in uses["glued-to-body"]  # 以牛角|东里社区
    assert "位于" in uses["before-object"]
    assert uses["glued-to-body"] <= uses["glued-to-place"]


def test_list_joins_are_the_enumeration_comma_and_the_list_conjunctions_longest_first():
    joins = lexicon.list_joins()
    assert joins[0] == "以及" and lexicon.ENUMERATION_COMMA in joins
    assert set(joins) - {lexicon.ENUMERATION_COMMA} == lexicon.conjunctions()["list"]
    # the words that also mean "with" join names but not the items of a list of places or persons
    assert set(lexicon.item_joins()) == set(joins) - lexicon.conjunctions()["with"]
    assert lexicon.join_characters() == {j for j in joins if len(j) == 1}
