"""Places: admin chains with levels, development zones, other places, generic words."""
from __future__ import annotations

from recognise_helpers import found, names


def _levels(text: str) -> dict[str, str]:
    return {m.name: m.level for m in found(text, "Place") if m.level}


def test_recognise_places_a_chain_gives_each_area_with_its_level():
    text = "近日，云溪市松山区白鹭镇青少年暑托班结业。"
    assert _levels(text) == {"云溪市": "City", "松山区": "District", "白鹭镇": "Town"}


def test_recognise_places_subdistricts_communities_and_villages():
    text = "梅林街道青松社区和红旗村的志愿者参加了活动。"
    assert _levels(text) == {"梅林街道": "Subdistrict", "青松社区": "Community", "红旗村": "Village"}


def test_recognise_places_development_zones_and_their_short_forms():
    text = "蓝湾经济技术开发区召开大会。蓝湾经开区将加快发展，经开区的企业积极响应。"
    zones = [m for m in found(text, "Place") if m.level == "DevelopmentZone"]
    assert {m.name for m in zones} == {"蓝湾经济技术开发区"}
    assert {m.text for m in zones} == {"蓝湾经济技术开发区", "蓝湾经开区", "经开区"}


def test_recognise_places_other_places_are_typed_place():
    text = "居民们在日光花园广场和翠湖边散步，青枫雅苑的业主也来了。"
    other = {m.name for m in found(text, "Place") if m.subtype == "Place"}
    assert {"日光花园广场", "青枫雅苑"} <= other


def test_recognise_places_kinds_of_area_are_not_names():
    text = "建设智慧社区、城乡社区和文明城市，打造世界一流高科技园区。"
    assert names(text, "Place") == set()


def test_recognise_places_bare_place_words_need_evidence():
    text = "团队赴北京、上海、长沙等地出差，普及知识，美化环境。"
    assert names(text, "Place") == {"北京", "上海", "长沙"}


def test_recognise_places_short_form_of_a_named_city_is_that_city():
    text = "云溪市松山区召开会议，会议在云溪举行。"
    short = [m for m in found(text, "Place") if m.text == "云溪"]
    assert [m.name for m in short] == ["云溪市"]


def test_recognise_places_a_bracketed_other_name_of_an_area_is_an_area():
    text = "梅林高新区（元丰街道）党工委召开会议，部署年度工作。"
    assert _levels(text) == {"梅林高新区": "DevelopmentZone", "元丰街道": "Subdistrict"}


def test_recognise_places_a_bracketed_phrase_after_a_non_place_is_not_an_area():
    text = "会议听取了工作报告（草案征求意见稿）的说明，部署年度工作。"
    assert not found(text, "Place")


def test_recognise_places_a_city_glued_to_its_committee_keeps_its_suffix():
    text = "会上，云溪港市委书记赵六讲话。"
    places = names(text, "Place")
    assert "云溪港市" in places and "云溪港" not in places
    assert "云溪港市委" in names(text, "Organization")


def test_recognise_places_a_bracketed_former_name_or_kind_is_not_another_area():
    assert names("梅林街道（原梅林镇）召开会议。", "Place") == {"梅林街道", "梅林镇"}
    assert names("梅林高新区（中心城区）召开会议。", "Place") == {"梅林高新区"}


def test_recognise_places_a_body_before_an_area_is_not_part_of_its_name():
    text = "云溪市梅林新城管委会青枫街道青松社区党委开展活动。"
    assert "青枫街道" in names(text, "Place")
    assert not any(n.startswith("管委会") for n in names(text, "Place"))


def test_recognise_places_a_preposition_glued_to_a_name_is_dropped():
    text = "这个空间就是由鹿池苑社区联合共建单位打造的。"
    assert names(text, "Place") == {"鹿池苑社区"}


def test_recognise_places_phrases_before_a_level_word_are_not_names():
    text = "要积极探索社区治理，充分认识社区党建工作的意义。"
    assert names(text, "Place") == set()


def test_recognise_places_the_party_before_an_area_is_not_part_of_it():
    assert names("中共青枫街道委员会召开会议。", "Place") == {"青枫街道"}


def test_recognise_places_a_bare_city_word_known_to_the_dictionary_is_the_city(monkeypatch):
    from kg.recognise import places
    monkeypatch.setattr(places, "dictionary_areas", lambda: {"云溪": "市"})
    text = "在云溪，市委组织部召开会议。"
    city = [m for m in found(text, "Place") if m.text == "云溪"]
    assert [(m.name, m.level) for m in city] == [("云溪市", "City")]
    assert "云溪市委组织部" in names(text, "Organization")


def test_recognise_places_a_city_word_opening_a_longer_name_is_not_the_city(monkeypatch):
    from kg.recognise import places
    monkeypatch.setattr(places, "dictionary_areas", lambda: {"云溪": "市"})
    assert "云溪市" not in names("云溪信托有限公司签约。", "Place")


def test_recognise_places_named_venues_are_places_and_kinds_of_room_are_not():
    text = "党员们来到青枫苑邻里服务中心和白鹭纪念馆，又在党员活动室学习。"
    assert {"青枫苑邻里服务中心", "白鹭纪念馆"} <= names(text, "Place")
    assert "党员活动室" not in names(text, "Place")
    assert "青枫苑邻里服务中心" not in names(text, "Organization")


def test_recognise_places_a_stem_cut_by_the_segmenter_is_joined():
    # jieba cuts these stems apart (李家|楼街道, 银河|门社区, 石|山村)
    text = "李家楼街道、银河门社区与石山村党支部结对。"
    assert {"李家楼街道", "银河门社区", "石山村"} <= names(text, "Place")
    assert names("推动文化强市建设，弘扬爱国爱乡文化。", "Place") == set()


def test_recognise_places_inside_a_chain_a_short_stem_is_a_name_however_it_is_cut():
    text = "近日，云溪区白洋街道和乐社区、青山镇紫竹村和白鹭镇小兰王庄村开展活动。"
    assert {"白洋街道", "和乐社区", "青山镇", "紫竹村", "白鹭镇", "小兰王庄村"} <= names(text, "Place")
    # outside a chain, a conjunction before a name stays outside it
    assert "阳湖镇" in names("云溪区和阳湖镇签约。", "Place")


def test_recognise_places_an_ethnic_township_keeps_its_whole_name():
    assert "白沙畲族乡" in names("白沙畲族乡人民政府承办活动。", "Place")
    assert "畲族乡" not in names("白沙畲族乡人民政府承办活动。", "Place")
