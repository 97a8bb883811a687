"""Places: admin chains with levels, development zones, other places, generic words."""
from __future__ import annotations

import pytest

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
    text = "团队赴广州、成都、西安等地出差，普及知识，美化环境。"
    assert names(text, "Place") == {"广州", "成都", "西安"}


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
    monkeypatch.setattr(places, "dictionary_areas", lambda: {"云溪": ("云溪市", "City")})
    text = "在云溪，市委组织部召开会议。"
    city = [m for m in found(text, "Place") if m.text == "云溪"]
    assert [(m.name, m.level) for m in city] == [("云溪市", "City")]
    assert "云溪市委组织部" in names(text, "Organization")


def test_recognise_places_a_bare_area_word_takes_the_name_the_national_table_holds():
    # jieba's dictionary knows 太原省, 新疆省 and 萧山市; the divisions are 太原市, 新疆维吾尔自治区
    # and (since the city became a district) 萧山区
    assert [(m.name, m.level) for m in found("在太原，市委组织部召开会议。", "Place")] \
        == [("太原市", "City")]
    areas = {m.text: (m.name, m.level) for m in found("代表团从新疆来到萧山考察。", "Place")}
    assert areas == {"新疆": ("新疆维吾尔自治区", "Province"), "萧山": ("萧山区", "District")}


def test_recognise_places_a_common_word_the_dictionary_glues_to_a_level_is_no_area():
    # 北方省 (a foreign province) and 各省市 are in jieba's dictionary as place names
    assert found("在北方，市民开展活动。", "Place") == []
    assert found("各省、市领导出席。", "Place") == []


def test_recognise_places_a_foreign_city_is_a_place_without_a_level():
    assert [(m.name, m.subtype, m.level) for m in found("他去东京参加会议。", "Place")] \
        == [("东京", "Place", "")]


def test_recognise_places_a_city_word_opening_a_longer_name_is_not_the_city(monkeypatch):
    from kg.recognise import places
    monkeypatch.setattr(places, "dictionary_areas", lambda: {"云溪": ("云溪市", "City")})
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


def test_recognise_places_a_stem_the_dictionary_knows_as_a_county_names_a_district():
    # jieba tags 安定 as a verb, but its dictionary has 安定区 as a place: the area stands
    assert _levels("近日，安定区委组织部召开会议。") == {"安定区": "District"}
    assert names("大家学习区委全会精神。", "Place") == set()  # 学习 names no area


def test_recognise_places_a_road_named_on_its_own_is_a_place():
    text = "白桦新村位于青杉路和云林路两侧，驿站就在金桥路旁。"
    assert {"青杉路", "云林路", "金桥路"} <= names(text, "Place")


def test_recognise_places_common_words_before_a_road_word_and_roads_inside_names_are_not_roads():
    assert names("他谈了工作思路和致富路，市民沿着马路散步。", "Place") == set()
    text = "由胜利路实验小学牵头，青杉路社区参加。"
    assert "胜利路" not in names(text, "Place")
    assert "青杉路" not in names(text, "Place")  # the community's name, not a road of its own


def test_recognise_places_in_a_list_of_areas_the_next_stem_is_a_name_however_it_is_cut():
    text = "调研组走访了青桥村、前李庄村和后王庄村，又到梅林社区、胜利街社区。"
    assert {"青桥村", "前李庄村", "后王庄村", "梅林社区", "胜利街社区"} <= names(text, "Place")
    assert not {"李庄村", "王庄村"} & names(text, "Place")


def test_recognise_places_a_list_does_not_make_kinds_of_area_names():
    text = "走访了梅林社区和周边社区、青桥村、各村，又到白沙村和城中村。"
    assert names(text, "Place") == {"梅林社区", "青桥村", "白沙村"}


def test_recognise_places_a_made_up_word_ending_in_the_road_word_is_a_road_only_as_a_noun():
    assert names("换人换届不换路，文集分别由张之路、秦文君编选。", "Place") == set()


def test_recognise_places_a_province_written_bare_before_a_city_keeps_its_level():
    assert _levels("代表团赴贵州六盘水参观学习。").get("贵州省") == "Province"
    assert _levels("来自贵州、云南、四川的代表参加。").get("贵州省") == "Province"  # listed


def test_recognise_places_a_province_and_city_opening_a_body_name_are_not_places_there():
    assert "贵州省" not in names("莅临贵州六盘水商会调研。", "Place")
    assert "绵阳市" not in names("会上，绵阳青禾信托有限公司作了发言。", "Place")


def test_recognise_places_a_bare_province_before_a_named_place_is_not_part_of_its_name():
    text = "贵州六盘水生物医药产业园等园区参加。"
    assert {"贵州", "六盘水生物医药产业园"} <= {m.text for m in found(text, "Place")}
    assert "贵州六盘水生物医药产业园" not in names(text, "Place")


def test_recognise_places_a_chain_stem_whose_last_character_jieba_cut_off_as_a_verb():
    text = "对梅林街道柳家渡社区、红枫社区和绿洲社区开展调研。"
    assert {"柳家渡社区", "红枫社区", "绿洲社区"} <= names(text, "Place")
    assert names("梅林街道书记到社区调研。", "Place") == {"梅林街道"}  # 到 is a verb of going


def test_recognise_places_a_conjunction_before_a_level_word_names_no_area():
    assert names("与小区物业、业委会和街道相关职能部门会商。", "Place") == set()
    assert "太和县" in names("来自太和县的代表。", "Place")


def test_recognise_places_a_direction_character_opening_a_listed_name_stays():
    text = "参观了服务大厅、下溪记忆馆、图书阅览室。"
    assert "下溪记忆馆" in names(text, "Place")
    assert "溪记忆馆" not in names(text, "Place")


def test_recognise_places_a_short_form_opening_a_company_or_branch_name_is_not_a_place_there():
    text = "云州市召开会议，云州青禾信托有限公司和市税务局云州分局参加，云州工商联也到场。"
    places = {m.start: m.text for m in found(text, "Place")}
    assert text.index("云州青禾") not in places and text.index("云州分局") not in places
    assert places.get(text.index("云州工商联")) == "云州"  # the area's own body: the area stands


def test_recognise_the_quoted_name_of_an_honour_names_no_entity():
    text = "青松社区荣获“云州省五星宜居社区”称号，梅林街道党工委获评“先进基层党组织”荣誉称号。"
    assert names(text, "Place") == {"青松社区", "云州省", "梅林街道"}
    assert names(text, "Organization") == {"梅林街道党工委"}


def test_recognise_a_quoted_name_after_a_verb_of_honouring_is_the_honours():
    text = "青松社区被评为“梅林五星宜居社区”，梅林街道荣获“先进基层党组织”。"
    assert names(text, "Place") == {"青松社区", "梅林街道"} and names(text, "Organization") == set()
    kept = "青松社区的“邻里守望工作法”荣获“全省优秀案例”。"  # a programme wins as named
    assert [m.name for m in found(kept, "Initiative")] == ["邻里守望工作法"]


def test_recognise_a_place_written_only_inside_a_registered_name_is_not_a_place_of_the_text():
    text = "区委来到青松街道，走访了云州市飞云时装有限公司。"
    assert names(text, "Place") == {"青松街道"}
    assert "云州市" in names("云州市召开会议。云州市飞云时装有限公司参会。", "Place")


def test_recognise_a_room_ends_before_the_inside_that_jieba_glues_to_it():
    text = "近日，在改造后的青岭东园活动室内，社区书记带领党员学习。"
    assert "青岭东园活动室" in names(text, "Place")


def test_recognise_places_the_end_of_a_date_glued_to_a_word_opens_no_area():
    # jieba cuts 1991|年任|县政府: 年任县 is no county
    assert found("他从1991年任县政府及县委主要领导以来，共办实事。", "Place") == []
    assert names("2019年青松县开展活动。", "Place") == {"青松县"}


def test_recognise_places_a_region_of_a_kind_is_no_area():
    # jieba's dictionary has 贫困地区 and 经济特区 as words ending in 区
    assert found("为贫困地区和边境地区带来文明，发展经济特区。", "Place") == []
    assert names("新疆喀什地区开展活动。", "Place") >= {"喀什地区"}


def test_recognise_places_a_road_named_after_a_city_and_a_bus_stop_are_not_places():
    assert found("他住在洛阳四路，乘2路车站的公交上班。", "Place") == []
    assert names("在洛阳，市委召开会议。", "Place") == {"洛阳市"}
    assert names("途径盐仓街道时发生碰撞。", "Place") == {"盐仓街道"}


def test_recognise_places_he_beside_one_character_is_part_of_the_name():
    # jieba cuts 深入|人|和|街道 and 、|和|义|街道: a name has two characters at least
    assert names("一行深入青和街道调研，梅林区住保办、和青街道和大红门街道回应。", "Place") \
        >= {"青和街道", "和青街道", "大红门街道"}
    assert names("青松社区和梅林街道签约，业主和街道召开会议。", "Place") == {"青松社区", "梅林街道"}


def test_recognise_places_a_locality_character_ends_a_name_inside_a_chain():
    # jieba cuts 梅林区|和平|里|街道: 里 is the name's own
    assert "和平里街道" in names("梅林区和平里街道与青松社区结对。", "Place")


def test_recognise_places_a_city_named_something_cheng_is_a_city_not_the_word_city():
    areas = {m.name: m.level for m in found("本报讯云州省晋城市把作风建设作为任务，创建全国文明城市。", "Place")}
    assert areas == {"云州省": "Province", "晋城市": "City"}


def test_recognise_places_an_area_written_as_the_national_table_names_it_is_found():
    # jieba cuts or tags these so that the stem rules alone would not read them
    areas = {m.name: m.level for m in found("近日，丰县、保定市和七星关区召开会议。", "Place")}
    assert areas == {"丰县": "County", "保定市": "City", "七星关区": "District"}
    assert found("开通一一○的县级市和县也已有一千三百个。", "Place") == []


def test_recognise_places_banners_and_leagues_are_read_from_the_national_table_only():
    areas = {m.name: m.level for m in found("鄂尔多斯市乌审旗召开会议，兴安盟也派代表参加。", "Place")}
    assert areas == {"鄂尔多斯市": "City", "乌审旗": "County", "兴安盟": "City"}
    assert found("五星红旗迎风飘扬，青松党建联盟成立。", "Place") == []


def test_recognise_places_a_zone_named_for_its_industry_keeps_its_city():
    # 洛阳|医药|高新区: 医药 alone names no zone; a zone named after a place alone drops nothing either
    zones = {m.name: m.level for m in found("洛阳医药高新区召开会议。", "Place")}
    assert zones == {"洛阳医药高新区": "DevelopmentZone"}


def test_recognise_places_a_name_in_a_chain_may_open_with_a_number_but_a_count_is_no_name():
    # jieba tags 三元 a numeral: the subdistrict is 三元桥街道; 五个 and 两年 are a count and a time
    assert "三元桥街道" in names("云州市青松区三元桥街道召开会议。", "Place")
    assert names("青松区五个街道召开会议。", "Place") == {"青松区"}
    assert names("青松区两年社区换届。", "Place") == {"青松区"}
    assert names("云州市和平区三大街道开展活动。", "Place") == {"云州市", "和平区"}  # 三大 tagged j


def test_recognise_places_a_made_up_word_jieba_tags_a_locality_can_name_a_place():
    # 溪前, 岭前: not in jieba's dictionary, tagged f for 前; the words of direction stay out
    assert names("近日，溪前街道和岭前社区召开会议。", "Place") >= {"溪前街道", "岭前社区"}
    assert names("青松社区东侧街道两旁种上了树。", "Place") == {"青松社区"}


def test_recognise_places_a_preposition_jieba_glued_to_a_name_is_dropped_not_the_name():
    # jieba cuts 在秀园|社区; 在会上 and 在工作中 stay phrases that open no name
    assert "秀园社区" in names("在秀园社区，社区党委开展了活动。", "Place")
    assert names("在会上社区书记发言。", "Place") == set()


def test_a_place_found_once_is_found_wherever_else_the_article_writes_it():
    text = "云州市青松区民族街道成立联盟。民族街道打造服务圈，民族团结。"
    spans = [(m.start, m.end) for m in found(text) if m.name == "民族街道"]
    assert spans == [(6, 10), (15, 19)]
    assert [m.name for m in found("民族街道打造服务圈。") if m.kind == "Place"] == []


@pytest.mark.parametrize("text, area", [
    ("团结路社区开展活动。", "团结路社区"),
    ("记者来到幸福路社区。", "幸福路社区"),
    ("云州市青松区解放门街道开展活动。", "解放门街道"),
])
def test_an_area_named_after_a_landmark_jieba_cut_apart_is_read_whole(text, area):
    assert area in names(text, "Place")


def test_a_body_never_starts_inside_the_place_it_is_named_after():
    assert "胜利街社区党委" in names("胜利街社区党委书记王芳介绍。", "Organization")


def test_a_county_become_a_district_is_one_area_not_two():
    assert names("三明市沙县区凤岗街道开展活动。", "Place") >= {"沙县区", "凤岗街道"}
    assert "沙县" not in names("三明市沙县区凤岗街道开展活动。", "Place")


@pytest.mark.parametrize("text, area", [
    ("云州市青松区柳岸村街道开展活动。", "柳岸村街道"),
    ("云州市青松区梅林新村街道开展活动。", "梅林新村街道"),
    ("柳岸村街道党工委书记王明说。", "柳岸村街道"),
])
def test_a_subdistrict_named_after_a_village_is_one_area(text, area):
    places = names(text, "Place")
    assert area in places and area.removesuffix("街道") not in places


def test_a_village_in_a_town_stays_a_village():
    assert names("青松镇柳岸村开展活动。", "Place") == {"青松镇", "柳岸村"}


@pytest.mark.parametrize("text, areas", [
    ("云州市青松镇余村党支部书记王明说。", {"青松镇", "余村"}),  # jieba: 青松|镇余村
    ("梅林县代村党委书记王明说。", {"梅林县", "代村"}),  # 梅林|县代村
    ("青松镇各村党支部书记开会。", {"青松镇"}),  # 各村 is a word: every village
])
def test_a_village_of_one_character_jieba_glued_to_the_wider_areas_suffix(text, areas):
    assert names(text, "Place") - {"云州市"} == areas


@pytest.mark.parametrize("text", ["记者采访了昌国街道党工委书记王明。",  # jieba: 采访|了昌国|街道
                                  "据昌国街道党工委书记王明介绍，街道已投入资金。"])  # 据昌国|街道
def test_a_particle_or_preposition_jieba_glued_to_a_name_is_not_part_of_it(text):
    assert names(text, "Place") == {"昌国街道"}
    assert names(text, "Organization") == {"昌国街道党工委"}


@pytest.mark.parametrize("text, place", [("志愿者在梅江大桥上开展巡查。", "梅江大桥"),
                                         ("居民到青松商业街购物。", "青松商业街")])
def test_bridges_and_shopping_streets_are_places(text, place):
    assert place in names(text, "Place")


def test_an_adjective_names_an_area_only_when_the_areas_own_body_follows():
    assert "幸福社区" in names("云州市青松区幸福社区党委书记王明说。", "Place")
    assert names("云州市青松区幸福社区开展活动。", "Place") == {"云州市", "青松区"}
    assert names("云州市青松区文明社区创建工作推进会召开。", "Place") == {"云州市", "青松区"}


def test_a_character_jieba_does_not_know_can_be_part_of_an_areas_name():
    # jieba: 大|a 碶|x (tagged as it tags punctuation) 街道
    assert "大碶街道" in names("云州市青松区大碶街道开展活动。", "Place")


def test_names_listed_before_a_count_of_areas_are_those_areas():
    areas = {m.name: m.level for m in found("青松街道下辖东湾、西园、南岭3个社区。", "Place")}
    assert areas == {"青松街道": "Subdistrict", "东湾社区": "Community", "西园社区": "Community",
                     "南岭社区": "Community"}
    assert names("白鹭镇下辖柳岸、白沙等8个村。", "Place") == {"白鹭镇", "柳岸村", "白沙村"}
    assert names("全镇有马岙、紫微、岑港3个村。", "Place") == {"马岙村", "紫微村", "岑港村"}  # 有马|岙
    # the count must match the list unless 等 says it is a part; people and times are no areas
    assert names("共有党员、群众3个社区代表参加。", "Place") == set()
    assert names("张三、李四两个人参加。", "Place") == set()


@pytest.mark.parametrize("text, area", [
    ("云州市青松区南岸街道党工委书记王明说。", "南岸街道"),  # jieba: 南岸|f, a locality word it knows
    ("云州市青松区经十路街道开展活动。", "经十路街道"),  # 经|十路: 经 cut off as a function word
    ("经七路街道党工委书记王明说。", "经七路街道"),
    ("云州市青松区纬五路社区开展活动。", "纬五路社区"),
])
def test_an_area_named_after_a_bank_or_a_numbered_road_is_read_whole(text, area):
    assert area in names(text, "Place")


@pytest.mark.parametrize("text", ["途经八路街道的车辆减速。", "云州市青松区周边街道开展活动。"])
def test_a_function_word_or_a_bare_locality_opens_no_area(text):
    assert not {n for n in names(text, "Place") if n.endswith("街道")}


def test_a_bank_names_only_the_area_right_after_it():
    assert names("参保企业南岸纺织厂开展活动。", "Organization") <= {"纺织厂", "南岸纺织厂"}


@pytest.mark.parametrize("text, areas", [
    ("湘西州委组织部印发通知。", {"湘西州": "City"}),
    ("大理州宾川县金牛镇开展活动。", {"大理州": "City", "宾川县": "County", "金牛镇": "Town"}),
    ("他来自甘孜州，在黔东南州工作过。", {"甘孜州": "City", "黔东南州": "City"}),
])
def test_an_autonomous_prefecture_written_short_is_an_area(text, areas):
    assert {m.name: m.level for m in found(text, "Place")} == areas


def test_a_name_ending_in_zhou_that_is_no_prefecture_is_no_area():
    assert names("神州大地处处开展活动。", "Place") == set()


def test_a_verb_names_an_area_only_when_a_narrower_area_follows():
    assert names("云州市青松区前进街道白鹭社区开展活动。", "Place") >= {"前进街道", "白鹭社区"}
    assert names("青松区召开街道社区工作会议。", "Place") == {"青松区"}
    assert names("青松区召开街道党工委书记述职会。", "Place") == {"青松区"}


def test_a_landmark_and_the_direction_from_it_name_an_area_in_a_chain():
    # jieba: 站|v 前|f
    assert names("云州市铁西区站前街道白鹭社区党委书记王明说。", "Place") >= {"站前街道", "白鹭社区"}


def test_and_after_a_preposition_opens_an_areas_name():
    assert "和兴街道" in names("在和兴街道办事处的帮助下，他办起了食堂。", "Place")  # 在|和|兴|街道


def test_a_name_may_open_with_ten_thousand():
    assert "万江街道" in names("惠州市万江街道开展活动。", "Place")  # 万|m 江|nr


def test_an_areas_office_before_a_kind_of_centre_names_no_area():
    assert names("在青松街道办事处社区服务中心的帮助下，他办起了食堂。", "Place") == {"青松街道"}


def test_an_areas_name_found_again_takes_in_an_other_place_read_inside_it():
    text = "走进云州市梅林镇青石湾村，大棚整齐排列。王小明来到青石湾村调研。"  # 青石湾: a bay, alone
    assert [m.name for m in found(text, "Place") if m.start > 20] == ["青石湾村"]


@pytest.mark.parametrize("text, country", [("企业在越南投资建厂。", "越南"),
                                           ("商会组织企业赴泰国考察。", "泰国"),
                                           ("与新加坡企业签订合作协议。", "新加坡")])
def test_a_country_written_alone_is_a_place(text, country):
    assert [(m.name, m.subtype) for m in found(text, "Place")] == [(country, "Place")]


def test_a_country_that_opens_a_bodys_name_is_the_bodys():
    assert names("老挝商会代表团访问青松区。", "Place") == {"青松区"}


@pytest.mark.parametrize("text, zone", [
    ("襄阳市高新技术产业开发区党工委书记刘军介绍。", "襄阳市高新技术产业开发区"),
    ("云州市青松区经济技术开发区管委会出台新政策。", "青松区经济技术开发区"),
    ("云州市青松新区综保区党委书记王强说。", "青松新区综保区"),
])
def test_a_kind_of_zone_right_after_an_area_is_that_areas_zone_named_with_it(text, zone):
    assert zone in names(text, "Place")


def test_a_zone_named_for_itself_after_an_area_is_not_named_with_it():
    assert names("云州市青松区高铁新城管委会发布通知。", "Place") == {"云州市", "青松区"}


@pytest.mark.parametrize("text", ["小事不出网格、大事不出村。", "深入实施“千企帮千村”行动。"])
def test_a_negated_verb_and_a_count_before_a_level_name_no_area(text):
    assert names(text, "Place") == set()


def test_a_province_written_bare_before_a_city_the_dictionary_lacks_is_the_province():
    assert {m.name for m in found("她来自山西介休的一所医院。", "Place")} == {"山西省"}


def test_a_level_character_closing_a_common_word_ends_no_area_unless_a_division_is_named():
    assert names("云州市青松区住房和城乡建设局发布通知。", "Place") == {"云州市", "青松区"}
    assert names("全县各乡镇都已完成任务。", "Place") == set()
    assert "平乡镇" in names("平乡县平乡镇李庄村的农民。", "Place")  # 平乡县's seat
    assert "盐城市" in names("盐城市召开会议。", "Place")


def test_an_areas_name_found_again_takes_in_a_shorter_area_read_inside_it():
    text = "走进云州市静安区南京西路街道。南京西路街道现有商务楼宇62幢。"
    assert [m.name for m in found(text, "Place") if m.start > 14] == ["南京西路街道"]


def test_a_body_named_after_a_shorter_area_inside_an_echo_is_named_after_the_echo():
    text = "走进云州市静安区南京西路街道。南京西路街道综合党委书记沈红介绍了情况。"
    assert "南京西路街道综合党委" in names(text, "Organization")


@pytest.mark.parametrize("text, area", [("走进云州市青松县四都乡陈家铺村。", "四都乡"),  # 四|m 都|d
                                        ("云州市青松区三墩镇开展活动。", "三墩镇")])
def test_a_numbered_name_in_a_chain_is_an_areas_name(text, area):
    assert area in names(text, "Place")


def test_a_count_in_a_chain_names_no_area():
    assert names("云州市青松区两个村开展活动。", "Place") == {"云州市", "青松区"}


def test_a_verb_ending_in_a_preposition_is_not_part_of_the_name_after_it():
    assert "清江村" in names("今年，罗河镇拟于清江村启动建设项目。", "Place")
    assert not any(n.startswith("拟于") for n in names("今年，罗河镇拟于清江村启动建设项目。", "Place"))


@pytest.mark.parametrize("text, village", [("书记来到上竹村调研。", "上竹村"),
                                           ("书记来到下湖村调研。", "下湖村")])
def test_a_direction_cut_off_before_a_one_character_stem_opens_the_name(text, village):
    assert village in names(text, "Place")


def test_a_direction_that_says_when_does_not_open_a_name():
    assert names("他上任后挨村走访农户。", "Place") == set()


@pytest.mark.parametrize("text, area", [("原青林社区党委获评先进基层党组织。", "青林社区"),
                                        ("原平市委召开会议。", "原平市")])
def test_former_before_a_body_is_not_part_of_its_areas_name(text, area):
    assert area in names(text, "Place")


@pytest.mark.parametrize("text", ["来到青梅村后，他们挨家挨户慰问困难户。", "他在梅林镇上开了一家店。"])
def test_a_village_or_town_ends_before_a_locative_jieba_glued_to_its_suffix(text):
    assert names(text, "Place") & {"青梅村", "梅林镇"}


@pytest.mark.parametrize("text", ["他联络村里的泥瓦匠整修了校舍。", "充分利用区内历史文化遗存。"])
def test_a_locative_after_a_verb_or_a_districts_suffix_ends_no_name(text):
    assert names(text, "Place") == set()


def test_a_lone_first_character_before_a_suffix_glued_word_opens_the_name():
    assert "张黄镇" in names("张黄镇经两次地震冲击，半数以上建筑物被摧毁。", "Place")


def test_a_direction_after_the_word_for_an_area_is_not_part_of_the_name():
    assert names("辖区内梅林社区开展活动。", "Place") == {"梅林社区"}


@pytest.mark.parametrize("text, city", [
    ("云州农商银行七台河分行与云州市人民政府签署协议。", "七台河市"),
    ("6月29日下午，石嘴山青松经济技术开发区举办活动。", "石嘴山市"),
])
def test_a_city_named_like_a_landform_before_a_body_or_an_area_is_the_city(text, city):
    assert city in names(text, "Place")


def test_a_mountain_named_like_a_city_stays_the_mountain_elsewhere():
    assert names("井冈山精神代代相传。", "Place") == {"井冈山"}


def test_a_made_up_name_ending_in_up_or_down_is_a_places_stem():
    assert "坂下街道" in names("近日，坂下街道政协工委积极组织委员建言献策。", "Place")


def test_a_town_before_its_chambers_suffix_and_title_glued_together_is_a_town():
    text = "区工商联副主席、头苑镇商会会长单位某某集团引入新项目。"
    assert "头苑镇" in names(text, "Place") and "头苑镇商会" in names(text, "Organization")


def test_a_verb_jieba_glued_to_an_unknown_name_is_not_part_of_it():
    assert "昌洒街道" in names("云州市闵行区委书记钱海洋到昌洒街道调研。", "Place")


def test_an_area_right_after_an_opening_bracket_starts_at_the_bracket():
    assert "管家务街道" in names("会上，孙远和（管家务街道党工委书记）作交流发言。", "Place")
    assert "青林社区" in names("会上，白思远（原青林社区党委书记）作交流发言。", "Place")


@pytest.mark.parametrize("text, area", [("“前邵聚力”工作法是张黄镇党委的书记项目。", "张黄镇"),
                                        ("黑豆峪村党支部书记王旭娜牵头成立合作社。", "黑豆峪村")])
def test_a_stem_character_jieba_left_alone_joins_the_character_before_it(text, area):
    assert area in names(text, "Place")


@pytest.mark.parametrize("text, person, area", [
    ("云州市海州区委书记瞿广慈到符山街道调研。", "瞿广慈", "符山街道"),
    ("云州市洛江区委书记朱成山到元坊街道调研。", "朱成山", "元坊街道"),
])
def test_a_person_or_a_verb_glued_to_a_word_before_an_area_is_not_its_name(text, person, area):
    assert area in names(text, "Place") and person in names(text, "Person")


@pytest.mark.parametrize("text, area", [("晏城镇乌沙村是远近闻名的文明村。", "晏城镇"),
                                        ("现在张集镇的菜农已经和过去大不一样了。", "张集镇")])
def test_a_name_whose_last_character_jieba_made_a_common_word_with_the_suffix_is_found(text, area):
    assert area in names(text, "Place")


@pytest.mark.parametrize("text", ["推进小城镇建设。", "农村和城镇居民收入增长。", "进城镇务工的农民。"])
def test_a_common_word_for_towns_after_an_adjective_a_verb_or_a_conjunction_names_none(text):
    assert names(text, "Place") == set()


def test_a_title_before_a_one_character_landform_suffix_is_a_person_not_a_river():
    text = "白碱滩区政协主席江宏伟参加活动并讲话。"
    assert "江宏伟" in names(text, "Person") and not any(n.endswith("江") for n in names(text, "Place"))


@pytest.mark.parametrize("text, area", [("茅家村位于云州县璜塘镇东部。", "茅家村"),
                                        ("符山镇下辖西岗村、竹溪村等12个行政村。", "符山镇")])
def test_a_first_character_cut_off_before_a_common_word_or_a_verb_opening_a_clause_opens_it(
        text, area):
    assert area in names(text, "Place")


def test_a_preposition_before_a_village_is_not_its_first_character():
    assert names("距宏村一小时还有一处古村落。", "Place") == set()


@pytest.mark.parametrize("text, area", [
    ("云州县桑坪镇顶坪村党支部书记白思远说，村里将修路。", "顶坪村"),  # 顶|坪: a verb's character
    ("青松区深康街道白鹭社区新时代文明实践站揭牌成立。", "深康街道"),  # 深康: an adjective jieba made up
    ("竹溪村隶属于下陈镇，是一个典型的山区村。", "下陈镇"),  # 隶属于|下|陈镇
])
def test_a_name_jieba_cut_into_lone_characters_or_read_as_an_adjective_is_found(text, area):
    assert area in names(text, "Place")


def test_a_local_areas_stem_written_alone_is_that_area_but_not_inside_a_bodys_name():
    text = "良梨社区举办暑托班。孩子们说，还了解了良梨的许多知识。良梨行动支部也来帮忙。"
    shorts = [m for m in found(text, "Place") if m.text == "良梨"]
    assert [m.name for m in shorts] == ["良梨社区"]  # the one written alone, not the body's
