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


# ---------------------------------------------------------------- word lists live in kg/data

_HAN = re.compile(r"[\u4e00-\u9fff]")
_ALTERNATIVES = re.compile(r"[\u4e00-\u9fff]+(?:\|[\u4e00-\u9fff]+){2,}")
_HAN_CHARACTERS = re.compile(r"[\u4e00-\u9fff]{3,}")


def _alternation(text: str) -> bool:
    """A regex alternative of three or more Chinese words, one of them longer than a character:
    a word list in a pattern (alternatives of single characters are a character class: 以|把|将)."""
    return any(max(map(len, m.group().split("|"))) >= 2 for m in _ALTERNATIVES.finditer(text))
# The source table's own placeholder rows (kg/divisions.py): a format of that file, not vocabulary.
_NOT_VOCABULARY = {("kg/divisions.py", "PLACEHOLDERS")}


def _han_string(node) -> bool:
    """A string literal of three or more Chinese characters and nothing else ("市县区")."""
    import ast
    return isinstance(node, ast.Constant) and isinstance(node.value, str) \
        and _HAN_CHARACTERS.fullmatch(node.value) is not None


def _pair_table(node) -> bool:
    """A table of pairs: a dict with two or more Chinese-string keys ({"旗": "County", "盟": "City"}),
    or a tuple, list or set of two or more tuples that open with a Chinese string ((("市长", "市"),
    ("区长", "区"))): two words are a pair, where two strings alone are not yet a list."""
    import ast
    if isinstance(node, ast.Dict):
        keys = node.keys
    elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        keys = [e.elts[0] for e in node.elts if isinstance(e, ast.Tuple) and e.elts]
    else:
        return False
    return sum(1 for key in keys if isinstance(key, ast.Constant) and isinstance(key.value, str)
               and _HAN.search(key.value)) >= 2


def _word_lists(source: str, where: str):
    """Literal tuples, sets and lists of strings, three or more of them Chinese words (("", "近日",
    "日前", "目前"): the empty string or a mark beside them changes nothing), sets of Chinese characters
    written as one string (frozenset("村镇区")), Chinese words written as one string and split
    ("市长 区长 县长".split()), strings of three or more Chinese characters that are sets of
    characters: looked in (c in "市县区"), or bound to a name that is looked in or iterated
    (MOVES = "进到入"; c in MOVES, for c in MOVES), and tables of pairs keyed by Chinese words
    (``_pair_table``), in one module's source."""
    import ast
    tree = ast.parse(source)
    named = {id(node.value): target.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
             for target in node.targets if isinstance(target, ast.Name)}
    # names bound to a string of Chinese characters (module or function level), where they are bound
    han_names = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and _han_string(node.value):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                if isinstance(target, ast.Name):
                    han_names.setdefault(target.id, []).append(node.value.lineno)
    used = set()  # the names of those looked in or iterated
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for op, right in zip(node.ops, node.comparators):
                if isinstance(op, (ast.In, ast.NotIn)):
                    if _han_string(right):
                        yield f"{where}:{right.lineno}"
                    elif isinstance(right, ast.Name):
                        used.add(right.id)
        elif isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.iter, ast.Name):
            used.add(node.iter.id)
    for name in sorted(used & set(han_names)):
        yield from (f"{where}:{line}" for line in han_names[name])
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if _pair_table(node):
            yield f"{where}:{node.lineno}"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and id(node) not in docstrings and _alternation(node.value):
            yield f"{where}:{node.lineno}"
        elif isinstance(node, (ast.Tuple, ast.Set, ast.List)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant)]
            if len(words) == len(node.elts) and all(isinstance(w, str) for w in words) \
                    and sum(1 for w in words if _HAN.search(w)) >= 3 \
                    and (where, named.get(id(node))) not in _NOT_VOCABULARY:
                yield f"{where}:{node.lineno}"
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("frozenset", "set") \
                and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str) and _HAN.search(node.args[0].value):
            yield f"{where}:{node.lineno}"
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "split" and isinstance(node.func.value, ast.Constant) \
                and isinstance(node.func.value.value, str):
            words = node.func.value.value.split()
            if len(words) >= 3 and all(_HAN.search(w) for w in words):
                yield f"{where}:{node.lineno}"


def _package_code():
    from pathlib import Path
    root = Path(lexicon.__file__).resolve().parents[2]
    for path in sorted((root / "kg").rglob("*.py")):
        yield path.relative_to(root).as_posix(), path.read_text(encoding="utf-8")


def test_no_word_list_is_written_in_the_code():
    assert [hit for where, source in _package_code() for hit in _word_lists(source, where)] == []


def test_the_scan_finds_a_word_list_written_in_code():
    source = ('VERBS = ("位于", "坐落于", "地处")\nENDS = frozenset("村镇区")\n'
              'def f(w):\n    return w in {"街道", "社区", "村"}\nPAIR = ("市", "区")\n'
              'ROAD = re.compile("(?:路|大街|大道)")\nCHARS = re.compile("(?:以|把|将)“")\n'
              'def g():\n    """区|和|美社区: a segmentation in a docstring."""\n'
              'OPENERS = ("", "近日", "日前", "目前")\nJOINS = ("和", "、")\n')
    assert sorted(_word_lists(source, "kg/x.py")) == ["kg/x.py:1", "kg/x.py:10", "kg/x.py:2",
                                                      "kg/x.py:4", "kg/x.py:6"]
    assert list(_word_lists('PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划"}', "kg/divisions.py")) == []
    # words split from one string; characters looked in or iterated, bound to a name or inline
    source = ('HEADS = frozenset("市长 区长 县长".split())\nPAIR = "市长 区长".split()\nMOVES = "进到入"\n'
              'ORDER = "省市县"\nTRIGGER = "工作法"\ndef f(w, c):\n    units = "年月日"\n'
              '    return [u for u in units] + [w in MOVES, c not in "市县区", "工作法" in w, c in "市县",'
              ' w.endswith(TRIGGER)]\nfor level in ORDER:\n    pass\n')
    assert sorted(_word_lists(source, "kg/x.py")) == ["kg/x.py:1", "kg/x.py:3", "kg/x.py:4", "kg/x.py:7",
                                                      "kg/x.py:8"]
    # tables of pairs keyed by Chinese words; not one pair, nor a table keyed otherwise
    source = ('LEVELS = {"旗": "County", "盟": "City"}\n'
              'FOLDS = (("经济技术开发区", "经开区"), ("人民政府", "政府"))\n'
              'HEADS = [("省长", "省"), ("市长", "市")]\n'
              'BODIES = {"管委会": ("DevelopmentZone",), **{"党工委": ()}, "办事处": ("Subdistrict",)}\n'
              'WORDS = {"County": "县", "City": "市"}\nPOSTED = {"驻村": "村"}\n'
              'AREAS = (*FOLDS, ("村长", "村"))\nSPANS = ((1, "市"), (2, "区"))\n')
    assert sorted(_word_lists(source, "kg/x.py")) == ["kg/x.py:1", "kg/x.py:2", "kg/x.py:3", "kg/x.py:4"]


def test_every_cue_word_use_is_read_by_some_rule():
    code = "".join(source for where, source in _package_code() if not where.endswith("lexicon.py"))
    uses = lexicon._cue_words()
    # a use named <prefix>-<Subtype> is read as cues(f"<prefix>-{subtype}")
    unread = [use for use in uses if f'cues("{use}")' not in code
              and 'cues(f"' + use.rsplit("-", 1)[0] + '-{subtype}")' not in code]
    assert unread == [] and len(uses) > 50


def test_an_unknown_cue_word_use_fails_naming_the_file():
    import pytest
    with pytest.raises(KeyError, match="cue_words.txt"):
        lexicon.cues("no-such-use")


def test_every_pair_table_is_read_by_some_rule():
    code = "".join(source for where, source in _package_code() if not where.endswith("lexicon.py"))
    tables = lexicon._pair_tables()
    assert [table for table in tables if f'pairs("{table}")' not in code] == [] and len(tables) >= 8


def test_the_rows_of_a_pair_table_stand_together():
    from itertools import groupby
    rows = [line.split("\t")[0] for line in lexicon._lines("pairs.txt")]
    runs = [table for table, _ in groupby(rows)]
    assert len(runs) == len(set(runs))


def test_an_unknown_pair_table_fails_naming_the_file():
    import pytest
    with pytest.raises(KeyError, match="pairs.txt"):
        lexicon.pairs("no-such-table")
