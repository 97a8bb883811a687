"""Initiatives: quoted names with triggers, canonical names; no slogans or figures of speech."""
from __future__ import annotations

import pytest

from recognise_helpers import found, names


def _initiatives(text: str) -> dict[str, str]:
    return {m.name: m.subtype for m in found(text, "Initiative")}


def test_recognise_initiatives_quoted_name_joined_to_its_trigger():
    text = "创新开展“三个一”工作法，推行消防安全“220”治理机制，深化“青松聚力·暖心服务”专项行动。"
    assert _initiatives(text) == {"三个一工作法": "Mechanism", "220治理机制": "Mechanism",
                                  "青松聚力·暖心服务专项行动": "Campaign"}


def test_recognise_initiatives_modifiers_between_quote_and_trigger_are_kept():
    text = "街道发布“同心向阳，花开梅林”民族工作品牌。"
    assert _initiatives(text) == {"同心向阳，花开梅林民族工作品牌": "Brand"}


def test_recognise_initiatives_secretary_project_introduced_by_yi_wei():
    text = "社区党委以“楼道微治理”为书记项目，推动议事协商。"
    assert _initiatives(text) == {"楼道微治理": "SecretaryProject"}


def test_recognise_initiatives_a_quoted_list_before_a_trigger():
    text = "开展“清风助企”“就在梅林 职在青松”等专场活动，推出“春风、春雨”等行动。"
    assert _initiatives(text) == {"清风助企": "Campaign", "就在梅林 职在青松": "Campaign",
                                  "春风": "Campaign", "春雨": "Campaign"}


def test_recognise_initiatives_adjacent_quotes_share_the_trigger():
    text = "依托“12366”“马上办”平台，问题当天办结。"
    assert _initiatives(text) == {"12366平台": "ServicePoint", "马上办平台": "ServicePoint"}


def test_recognise_initiatives_a_quoted_run_of_party_bodies_before_the_trigger_names_no_programme():
    text = "园区建立“市级—街道党（工）委”“1+8”书记项目分级工作机制，由党工委带头领办。"
    assert set(_initiatives(text)) == {"1+8书记项目分级工作机制"}


def test_recognise_initiatives_the_quote_itself_ends_with_the_trigger():
    text = "以“五联机制”构建党建格局，“梅林模式”被广泛推广。"
    assert _initiatives(text) == {"五联机制": "Mechanism", "梅林模式": "Mechanism"}


def test_recognise_initiatives_slogans_periods_and_offices_are_not_initiatives():
    text = "紧扣“两个健康”主题，实现“双过半”目标，推进“十四五”重点项目，白鹭镇“220”机制办负责督办。"
    assert _initiatives(text) == {}


def test_recognise_initiatives_unquoted_service_points():
    text = "外卖小哥来到暖风驿站休息，并通过“掌上青松”小程序报到。"
    assert _initiatives(text) == {"暖风驿站": "ServicePoint", "掌上青松小程序": "ServicePoint"}


def test_recognise_initiatives_more_genre_triggers_after_the_quote():
    text = ("机关党委认领“梅林小菜园”项目，打造“书香青松”文明书屋，推进“三星”支部创建，"
            "开展“三学三比”学习教育，举办“知心话”恳谈周，推行“楼长轮值”负责制。")
    assert _initiatives(text) == {"梅林小菜园项目": "Campaign", "书香青松文明书屋": "ServicePoint",
                                  "三星支部创建": "Campaign", "三学三比学习教育": "Campaign",
                                  "知心话恳谈周": "Campaign", "楼长轮值负责制": "Mechanism"}


def test_recognise_initiatives_a_one_character_trigger_needs_a_short_word_to_head():
    text = "“双过半”目标一周内完成，“首问负责”本周落实，“邻里管家”站在一线，“裂变”方式进行改制。"
    assert _initiatives(text) == {}


def test_recognise_initiatives_quoted_carriers_that_end_with_their_head_noun():
    text = "社区搭起“青松献血站”，设立“邻里说事厅”和“梅林书香空间”，实行“大党委制”。"
    assert _initiatives(text) == {"青松献血站": "ServicePoint", "邻里说事厅": "ServicePoint",
                                  "梅林书香空间": "ServicePoint", "大党委制": "Mechanism"}


def test_recognise_initiatives_a_quote_that_is_only_a_trigger_a_clause_or_a_verb_is_not_a_name():
    text = "社区以“书记项目”带动党建，“以清单制+责任制”推进整治，开辟“新空间”，对违建“坚决抵制”。"
    assert _initiatives(text) == {}


def test_recognise_initiatives_a_quote_followed_by_an_org_suffix_names_the_body():
    text = "三方组成“青松学堂”党建联盟，共同开展服务；打造“梅林书屋”，商会积极参与。"
    assert _initiatives(text) == {"梅林书屋": "ServicePoint"}


def test_recognise_initiatives_figurative_homes_and_halls_are_not_carriers():
    text = ("服务站成为骑手口中的“骑手之家”，把商会建成“企业家之家”，网络构筑的“世界大展厅”；"
            "党员志愿服务“青松之家”正式揭牌。")
    assert _initiatives(text) == {"青松之家": "ServicePoint"}


def test_recognise_initiatives_a_list_described_before_its_trigger():
    text = "连续举办“梅林春晚”“青松大舞台”等家门口的文化演出活动。"
    assert _initiatives(text) == {"梅林春晚": "Campaign", "青松大舞台": "Campaign"}


def test_recognise_initiatives_list_words_name_a_list_but_not_one_quote():
    text = "推广“街巷议事”“楼道夜话”等做法，落实“红帆领航”工程举措，当好“四就近”工作的主阵地。"
    assert _initiatives(text) == {"街巷议事": "Mechanism", "楼道夜话": "Mechanism",
                                  "红帆领航工程": "Campaign"}


def test_recognise_initiatives_a_description_between_the_quote_and_the_trigger():
    text = ("构建起“服务+教育+文化”三位一体的社区服务体系，"
            "把“事后整改”的粗放管理模式变为精细管理。")
    assert _initiatives(text) == {"服务+教育+文化": "Mechanism"}


def test_recognise_initiatives_the_name_after_a_double_dash():
    text = "展出梅林社区党建品牌——松涛课堂，施工区段为白鹭湾站—青松路站区间。"
    assert _initiatives(text) == {"松涛课堂": "Brand"}


def test_recognise_initiatives_unquoted_carriers_take_digits_but_no_verb():
    text = "依托365暖心驿站开展服务。王小明指着驿站内的陈设介绍。"
    assert _initiatives(text) == {"365暖心驿站": "ServicePoint"}


def test_recognise_initiatives_a_one_character_quote_takes_its_prefix_or_its_pun():
    text = "上线智慧党建“云”平台，梅林区首个新就业群体暖“馨”驿站正式启用。"
    assert _initiatives(text) == {"智慧党建云平台": "ServicePoint", "暖馨驿站": "ServicePoint"}


def test_a_quoted_name_before_a_secretary_project_is_one_whatever_the_modifier_took():
    joined = [m for m in found("青枫社区党委精心打造“邻里守望新模式”书记项目，效果明显。", "Initiative")
              if m.rule == "initiative-joined"]
    assert [(m.name, m.subtype) for m in joined] == [("邻里守望新模式书记项目", "SecretaryProject")]


def test_recognise_initiatives_a_number_of_carriers_is_a_kind_not_one():
    text = "青松区设立了127个这样的梅岭驿站。梅岭驿站提供热水。"
    starts = [m.start for m in found(text, "Initiative")]
    assert starts == [text.rindex("梅岭驿站")]


@pytest.mark.parametrize("text", ["青松街道将“楼道微治理”列为今年的书记项目。",
                                  "青松街道把“楼道微治理”确定为书记项目，推动问题解决。"])
def test_a_quoted_name_made_a_secretary_project_is_one(text):
    [project] = found(text, "Initiative")
    assert (project.name, project.subtype) == ("楼道微治理", "SecretaryProject")


@pytest.mark.parametrize("text, name", [("社区开通“青松e家”微信公众号，居民可反映诉求。", "青松e家微信公众号"),
                                        ("街道创新“六步议事法”，推动居民自治。", "六步议事法")])
def test_a_public_account_and_a_way_of_deliberating_are_initiatives(text, name):
    assert [m.name for m in found(text, "Initiative")] == [name]


def test_a_quoted_name_said_to_be_a_bodys_programme_is_an_initiative_of_that_kind():
    found_ = {m.name: m.subtype for m in found("“邻里帮帮团”是青松社区党委今年的书记项目。", "Initiative")}
    assert found_ == {"邻里帮帮团": "SecretaryProject"}
    assert names("“银龄守护”是社区治理的重要力量。", "Initiative") == set()


def test_a_word_quoted_for_emphasis_after_a_kind_of_programme_names_none():
    assert names("书记项目“晒”成效 基层治理显活力", "Initiative") == set()


def test_a_ranking_of_programmes_is_no_programme():
    assert names("目前，该项目已入选云州市“十佳书记项目”。", "Initiative") == set()


def test_a_verb_of_honouring_ends_a_programmes_name():
    assert names("“邻里守望”项目获评全省优秀书记项目。", "Initiative") == {"邻里守望项目"}


def test_a_lecture_hall_quoted_is_a_service_point():
    assert {(m.name, m.subtype) for m in found("青松社区党委开设“红色讲堂”，邀请老党员讲党课。",
                                               "Initiative")} == {("红色讲堂", "ServicePoint")}


def test_a_bodys_suffix_ending_a_quote_a_programme_takes_in_names_no_body():
    text = "“时间银行”志愿服务项目吸引了不少年轻人。"
    assert names(text, "Organization") == set()
    assert names(text, "Initiative") == {"时间银行志愿服务项目"}
