"""Division codes: given only when the table confirms them, homonyms told apart by the areas the
same articles name, never guessed. Names here are invented; the shipped table is checked by code."""
from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import RDFS

import kg.pipeline
from kg.divisions import TABLE, Division, DivisionTable, division_codes, table
from kg.pipeline import BuildOptions, build, process_text
from kg.recognise import lexicon
from kg.rdf.load import load_graph
from kg.rdf.namespaces import DJ
from kg.resolve import resolve

INVENTED = DivisionTable([
    Division("330000", "青枫省"),
    Division("330100", "青枫市"), Division("330102", "白鹭区"), Division("330103", "鹭岛区"),
    Division("340100", "红枫市"), Division("340102", "白鹭区"),
])
PAGE = """白鹭区召开党建工作会议

7月28日，{where}白鹭区召开党建工作会议。白鹭区青枫街道党工委书记王小明出席会议。
"""


def codes(text: str) -> dict[str, str]:
    """Label → code of the areas of one invented page."""
    result = process_text("d1.txt", text)
    resolution = resolve([result])
    return {resolution.entities[k].label: c
            for k, c in division_codes([result], resolution, INVENTED).items()}


def test_homonyms_are_told_apart_by_the_areas_their_articles_name():
    assert codes(PAGE.format(where="红枫市"))["白鹭区"] == "340102"
    assert codes(PAGE.format(where="青枫市"))["白鹭区"] == "330102"


def test_homonyms_nothing_tells_apart_get_no_code():
    assert "白鹭区" not in codes(PAGE.format(where=""))


def test_a_unique_name_gets_its_code_and_a_name_the_table_lacks_none():
    found = codes(PAGE.format(where="") + "鹭岛区党委参加。\n")
    assert found["鹭岛区"] == "330103"
    assert "青枫街道" not in found  # the table has no subdistricts: nothing is invented


def test_a_bare_name_takes_the_one_suffix_the_table_confirms():
    assert INVENTED.code_of(["鹭岛"], set()) == "330103"
    assert INVENTED.code_of(["青枫"], set()) == ""  # 青枫市 or 青枫省: a guess, so no code
    assert INVENTED.code_of(["白鹭"], {"红枫市"}) == "340102"
    assert INVENTED.code_of(["白鹭"], set()) == ""


def test_a_code_names_its_province_and_prefecture():
    district = INVENTED.by_code["340102"]
    assert district.parents == ("340000", "340100")
    assert INVENTED.ancestors(district) == {"红枫市"}  # the table lacks that province


def test_the_graph_gives_areas_their_code(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.pipeline, "division_codes",
                        lambda results, resolution: division_codes(results, resolution, INVENTED))
    (tmp_path / "d1.txt").write_text(PAGE.format(where="红枫市"), encoding="utf-8")
    summary = build([tmp_path / "d1.txt"], BuildOptions(out=tmp_path / "out", views=False))
    assert summary.problems == []
    graph = load_graph(tmp_path / "out" / "graph.ttl")
    (area,) = graph.subjects(RDFS.label, Literal("白鹭区", lang="zh"))
    assert graph.value(area, DJ.divisionCode) == Literal("340102")


# --- the shipped table ------------------------------------------------------------------------

def test_the_shipped_table_states_its_origin_and_licence():
    head = TABLE.read_text(encoding="utf-8")[:2000]
    assert "cpca 0.5.5" in head and "The MIT License" in head and "QinYuan Du" in head


def test_the_shipped_table_nests_a_prefectures_districts_under_it():
    shipped = table()
    prefecture = shipped.by_code["320500"]  # a prefecture-level city of Jiangsu (32)
    districts = [d for code, d in shipped.by_code.items()
                 if code.startswith("3205") and code != "320500"]
    assert len(districts) >= 9
    for d in districts:
        assert prefecture.name in shipped.ancestors(d)
        assert shipped.code_of([d.name], {prefecture.name}) == d.code


@pytest.mark.parametrize("code", ["110000", "320500", "440300"])
def test_the_shipped_table_codes_are_six_digits(code):
    assert all(len(c) == 6 and c.isdigit() for c in table().by_code)
    assert code in table().by_code


def test_an_autonomous_prefectures_short_name_is_its_name_before_its_peoples():
    shipped = table()
    for code, name in [(c, d.name) for c, d in shipped.by_code.items() if d.name.endswith("自治州")]:
        short = dict(lexicon.short_divisions())[code]
        assert short.endswith("州") and not short.endswith("族州") and name.startswith(short[:-1])
        assert shipped.code_of([short], set()) == code  # the short name confirms the code
    assert ("433100", "湘西州") in lexicon.short_divisions()  # 湘西土家族苗族自治州: two peoples
    assert ("654000", "伊犁州") in lexicon.short_divisions()  # 伊犁哈萨克自治州: no 族 written
