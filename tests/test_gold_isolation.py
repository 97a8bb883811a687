"""Gold is for measuring, never for copying: no name annotated in the seed or dev gold stands in a
lexicon of kg/data, in a string literal of kg/ (docstrings included) or in a string literal of the
tests (whose sentences and expected names are invented), unless the name is itself generic
vocabulary — a head noun, a level word or a title with at most a one-character level prefix
(`党工委`, `区委组织部`, `经开区`), which the lexicons exist to hold, or one of the few genre terms
the project's own description names (the "331" mechanism)."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED

THIS = Path(__file__).name
QUOTES = re.compile("[“”‘’]")
GOLD = [SHARED / "gold" / "seeds", SHARED / "dev" / "gold"]
LEVEL_PREFIX = re.compile(r"^[省市区县镇乡村]?委?(第[一二三四五六七八九十]+|总|联合|机关)?")
# A department of any government (司法局, 区民政局, 中组部): words with no place in them.
DEPARTMENT = re.compile(r"^[省市区县镇]?委?[^省市区县镇乡村街]{1,9}[局部厅办]$")
# Genre terms named in the project's own description (README.md): the "331" fire-safety mechanism
# is the genre's well-known name, which the query library (mechanisms-331) and its tests are about.
# Keep this list short: an invented name goes in a test, not here.
GENRE_TERMS = frozenset({"331"})
VOCABULARY = ("org_suffixes", "place_suffixes", "other_place_suffixes", "titles", "generic_places",
              "org_short_forms", "initiative_triggers", "generic_words")

pytestmark = pytest.mark.skipif(not all(d.is_dir() for d in GOLD),
                                reason="../shared gold is not beside the checkout")


def gold_names() -> set[str]:
    names = set()
    for folder in GOLD:
        for path in folder.glob("*.json"):
            doc = json.loads(path.read_text(encoding="utf-8"))
            for entity in doc["entities"]:
                names.update([entity["name"], *entity.get("aliases", [])])
            names.update(doc.get("creators", []))
    return {n for n in names if len(n) >= 2}


def lexicon_entries() -> list[tuple[str, str]]:
    entries = []
    for path in sorted((ROOT / "kg" / "data").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                entries.extend((path.name, word) for word in re.split(r"[\t ]+", line) if word)
    return entries


def vocabulary() -> set[str]:
    words = set()
    for name in VOCABULARY:
        path = ROOT / "kg" / "data" / f"{name}.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                words.update(re.split(r"[\t ]+", line)[:1] if name != "org_short_forms"
                             else (line.split("\t")[0], line.split("\t")[-1]))
    return words


def generic(name: str, words: set[str]) -> bool:
    """Whether ``name`` is only vocabulary: an optional level character, then vocabulary words."""
    rest = LEVEL_PREFIX.sub("", name)
    reachable = {0}
    for i in range(len(rest)):
        if i in reachable:
            reachable.update(j for j in range(i + 1, len(rest) + 1) if rest[i:j] in words)
    return len(rest) in reachable or name in words or bool(DEPARTMENT.match(name)) \
        or name in GENRE_TERMS


def string_literals(folder: str = "kg", skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        if path.name in skip:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # gold drops the quotation marks of a name (“331”治理机制 → 331治理机制): so do the literals
        found.extend((str(path.relative_to(ROOT)), QUOTES.sub("", node.value))
                     for node in ast.walk(tree)
                     if isinstance(node, ast.Constant) and isinstance(node.value, str))
    return found


def test_no_gold_name_is_a_lexicon_entry():
    words = vocabulary()
    names = {n for n in gold_names() if not generic(n, words)}
    leaks = sorted({(file, word) for file, word in lexicon_entries() if word in names})
    assert not leaks


def test_no_gold_name_stands_in_a_string_literal_of_the_package():
    words = vocabulary()
    names = sorted(n for n in gold_names() if not generic(n, words))
    pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    leaks = sorted({(file, m.group()) for file, text in string_literals()
                    for m in pattern.finditer(text)})
    assert not leaks


def test_no_gold_name_stands_in_a_string_literal_of_the_tests():
    """A test's sentences and expected names are invented: a gold name there would make a test
    assert the extractor's output on the very names gold measures it by. Only this file is
    skipped; the tests that read gold or the scorer at run time (test_articles, test_scoring_tools)
    name nothing of it in their literals but its paths, so they are scanned like the others."""
    words = vocabulary()
    names = sorted(n for n in gold_names() if not generic(n, words))
    pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    leaks = sorted({(file, m.group()) for file, text in string_literals("tests", (THIS,))
                    for m in pattern.finditer(text)})
    assert not leaks
