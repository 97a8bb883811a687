"""Organisations: nesting, typed suffixes, brackets, generic names, context completion."""
from __future__ import annotations

import pytest

from recognise_helpers import found, names


def test_recognise_orgs_nested_names_yield_the_whole_and_its_parts():
    text = "近日，金鸡岭街道红枫叶志愿者服务队队长赵一鸣为新队员发放工作包。"
    orgs = {m.name: m for m in found(text, "Organization")}
    assert "金鸡岭街道红枫叶志愿者服务队" in orgs
    assert orgs["金鸡岭街道红枫叶志愿者服务队"].subtype == "SocialOrganization"
    assert "金鸡岭街道" in names(text, "Place")


def test_recognise_orgs_party_body_inside_a_company_is_two_organisations():
    text = "蓝鲸电子（云溪）科技有限公司党委获评先进基层党组织。"
    orgs = {m.name: m.subtype for m in found(text, "Organization")}
    assert orgs["蓝鲸电子（云溪）科技有限公司党委"] == "PartyOrganization"
    assert orgs["蓝鲸电子（云溪）科技有限公司"] == "Enterprise"


def test_recognise_orgs_a_second_name_in_brackets_is_an_alias_of_the_body():
    text = "以商务发展局（投资促进局）党支部为例，党支部成立了先锋队。"
    orgs = {m.text: m.name for m in found(text, "Organization")}
    assert orgs["商务发展局（投资促进局）党支部"] == "商务发展局党支部"
    assert orgs["商务发展局（投资促进局）"] == "商务发展局"
    assert "投资促进局" not in orgs  # the bracketed name is the same body, not another one


def test_recognise_orgs_a_bracketed_place_stays_in_the_name():
    text = "三星电子（云溪）半导体有限公司党委召开会议。"
    assert "三星电子（云溪）半导体有限公司" in names(text, "Organization")


def test_recognise_orgs_a_chain_of_places_keeps_only_the_nearest_in_the_name():
    text = "作为标杆，云溪市松山区工商联紧扣“两个健康”主题开展工作。"
    assert "松山区工商联" in names(text, "Organization")
    assert {"云溪市", "松山区"} <= names(text, "Place")


def test_recognise_orgs_generic_names_are_not_entities():
    text = "社区党委和相关部门、各基层商会都参加了。党建工作新格局正在形成。"
    assert names(text, "Organization") == set()


def test_recognise_orgs_verbs_before_a_name_are_not_part_of_it():
    text = "全面启动松山小学建设，紧扣云溪市委部署。"
    orgs = names(text, "Organization")
    assert orgs == {"松山小学", "云溪市委"}


def test_recognise_orgs_short_forms_are_completed_from_the_article():
    text = ("松山区工商联召开会议。近年来，区工商联推动商会建设。"
            "蓝湾经济技术开发区召开大会，蓝湾经开区党工委副书记、管委会副主任李四海表示，经开区将加快发展。")
    orgs = found(text, "Organization")
    by_text = {m.text: m.name for m in orgs}
    assert by_text["区工商联"] == "松山区工商联"
    assert by_text["管委会"] == "蓝湾经济技术开发区管委会"
    assert "蓝湾经济技术开发区党工委" in {m.name for m in orgs}


def test_recognise_orgs_a_bare_body_with_no_area_in_sight_is_dropped():
    assert names("管委会和党工委联合发文。", "Organization") == set()


def test_recognise_orgs_quoted_full_names_and_quoted_parts():
    text = "郭某发起成立“松山区青年民族文化研究会”。白鹭镇“110”机制办负责日常工作。"
    orgs = names(text, "Organization")
    assert "松山区青年民族文化研究会" in orgs
    assert "白鹭镇110机制办" in orgs


def test_recognise_orgs_a_title_glued_to_the_suffix_still_ends_the_name():
    text = "作为初次当选的全国政协委员，白鹭镇商会会长表示将继续努力。"
    orgs = names(text, "Organization")
    assert {"全国政协", "白鹭镇商会"} <= orgs


def test_recognise_orgs_two_fields_joined_by_he_stay_in_one_agency_name():
    text = "会上，梅林区人力资源和社会保障局、住房和城乡建设局负责人发言。"
    orgs = names(text, "Organization")
    assert "梅林区人力资源和社会保障局" in orgs
    assert "社会保障局" not in orgs and "梅林区社会保障局" not in orgs


def test_recognise_orgs_he_between_two_bodies_does_not_join_them():
    text = "梅林区委和区政府联合发文，推动企业和社会组织发展。"
    orgs = names(text, "Organization")
    assert not any("和" in name for name in orgs)


def test_recognise_orgs_bank_short_forms_are_enterprises_with_their_place():
    text = "近日，杭州工行与企业签约，农行也参加。集中行动取得成效。"
    orgs = {m.text: m for m in found(text, "Organization")}
    assert orgs["杭州工行"].subtype == "Enterprise"
    assert "农行" in orgs
    assert not any("中行" in t for t in orgs)  # 集中|行动 is no bank


def test_recognise_orgs_a_short_form_opening_a_branch_name_is_not_a_body_of_its_own():
    text = "近日，工行湖滨支行与企业签约。"
    orgs = {m.text for m in found(text, "Organization")}
    assert "工行湖滨支行" in orgs and "工行" not in orgs


def test_recognise_orgs_the_formal_party_name_is_the_common_forms_alias():
    text = "中共青枫街道委员会与中共梅林商会支部委员会签约。"
    orgs = {m.text: m for m in found(text, "Organization")}
    assert orgs["中共青枫街道委员会"].name == "青枫街道党委"
    assert orgs["中共梅林商会支部委员会"].name == "梅林商会党支部"
    assert orgs["中共青枫街道委员会"].subtype == "PartyOrganization"


def test_recognise_orgs_a_short_suffix_does_not_hide_a_longer_one_that_overlaps_it():
    # 镇委 and 委员会 overlap in 某镇委员会; the committee must still be found
    assert "白鹭镇党委" in names("中共白鹭镇委员会召开会议。", "Organization")


def test_recognise_orgs_offices_committees_and_unions_are_bodies():
    text = "青枫街道办事处、青松社区居委会和云溪公司工会参加了活动。"
    assert {"青枫街道办事处", "青松社区居委会", "云溪公司工会"} <= names(text, "Organization")


def test_recognise_orgs_enumerators_and_verbs_of_reporting_do_not_open_a_name():
    text = "会议议程：一是王小明传达县委组织部文件精神。"
    assert not any(n.startswith(("一是", "王小明")) for n in names(text, "Organization"))


def test_recognise_orgs_both_sides_and_our_unit_are_not_names():
    text = "双方党委签订协议，我校党委表示支持。"
    assert names(text, "Organization") == set()


def test_recognise_orgs_numbered_collectives_are_not_bodies():
    text = "白鹭镇商会下辖7个片区商会，青松村6个村党支部联合成立合作社。"
    assert names(text, "Organization") == {"白鹭镇商会"}


def test_recognise_orgs_a_count_of_big_ones_is_a_collective_too():
    text = "园区成立5大集群党建联盟，组建三大科技攻关行动支部，青松科技攻关行动支部率先揭牌。"
    assert names(text, "Organization") == {"青松科技攻关行动支部"}


def test_recognise_orgs_a_level_word_glued_to_a_body_is_completed_from_the_article():
    text = "云溪市召开会议。市政府办第一党支部参加。"
    assert "云溪市政府办" in names(text, "Organization")


def test_recognise_orgs_a_count_before_a_kind_closes_the_name_before_it():
    text = "由松林小学、云杉小学五所学校组成。"
    assert names(text, "Organization") == {"松林小学", "云杉小学"}


def test_recognise_orgs_a_body_named_after_a_road_keeps_the_road():
    assert names("由胜利路实验小学牵头。", "Organization") == {"胜利路实验小学"}


def test_recognise_orgs_a_one_character_suffix_closing_a_common_word_is_no_body():
    text = "红枫区委老干部局副局长赵明参加会议，干部们都到了。"
    orgs = names(text, "Organization")
    assert "红枫区委老干部局" in orgs
    assert "红枫区委老干部" not in orgs


def test_recognise_orgs_a_verb_the_segmenter_glued_to_the_next_word_is_not_part_of_a_name():
    assert names("张书记通过参观商会文化建设，了解情况。", "Organization") == set()
    assert names("张书记通过参观松林商会，了解情况。", "Organization") == {"松林商会"}


def test_recognise_orgs_the_result_of_an_election_starts_after_its_verb():
    assert names("大会选举产生城东商会理事会。", "Organization") == {"城东商会", "城东商会理事会"}


def test_recognise_orgs_a_quoted_name_before_a_word_of_the_suffix_belongs_to_the_name():
    orgs = {m.text: m.name for m in found("三家单位共同组建“青禾苑”党建联盟。", "Organization")}
    assert orgs == {"“青禾苑”党建联盟": "青禾苑党建联盟"}
    orgs = {m.text: m.name for m in found("十名骑手成立了‘青松使者’志愿服务队。", "Organization")}
    assert orgs == {"‘青松使者’志愿服务队": "青松使者志愿服务队"}


def test_recognise_orgs_a_quoted_slogan_farther_before_the_suffix_stays_out_of_the_name():
    assert names("围绕“两个健康”目标组建松林商会。", "Organization") == {"松林商会"}


def test_recognise_orgs_a_club_is_a_body_but_a_bare_club_word_is_not():
    text = "近日，青禾健身俱乐部开展活动，俱乐部成员参加。"
    assert names(text, "Organization") == {"青禾健身俱乐部"}


def test_recognise_orgs_a_sector_word_between_a_level_word_and_the_suffix_is_in_the_name():
    text = "云溪区委组织部副部长、区两新组织党工委书记李明出席。"
    assert "云溪区两新组织党工委" in names(text, "Organization")
    assert "党工委" not in {m.text for m in found(text, "Organization")}
    assert names("推动两新组织党建工作提质增效。", "Organization") == set()


def test_recognise_orgs_a_name_does_not_run_across_a_conjunction_glued_to_the_next_word():
    text = "枫溪实验学校党委与阳枫社区党总支举行签约仪式。"
    orgs = names(text, "Organization")
    assert {"枫溪实验学校党委", "阳枫社区党总支"} <= orgs
    assert not any("与" in name for name in orgs)


def test_recognise_orgs_a_stem_of_topic_words_only_names_a_kind_of_body():
    assert names("海川社区成立党建联盟。", "Organization") == set()
    assert "海川社区党建联盟" in names("海川社区党建联盟正式成立。", "Organization")


def test_recognise_orgs_a_unit_named_before_its_headquarters_is_a_body():
    text = "枫林车务段段部党支部与松山社区党委结对。"
    orgs = names(text, "Organization")
    assert {"枫林车务段", "枫林车务段段部党支部"} <= orgs
    assert names("要用好各种手段部署工作。", "Organization") == set()


def test_recognise_orgs_a_bare_body_listed_after_an_area_body_is_the_same_areas():
    orgs = found("云溪街道党工委、办事处主办了活动。", "Organization")
    assert {m.text: m.name for m in orgs}["办事处"] == "云溪街道办事处"
    assert names("办事处主办了活动。", "Organization") == set()


def test_recognise_orgs_a_regional_unit_named_by_its_place_belongs_to_the_body_before_it():
    text = "云溪市生态环境局枫林分局机关第一党支部开展活动。"
    orgs = names(text, "Organization")
    assert {"云溪市生态环境局枫林分局", "云溪市生态环境局枫林分局机关第一党支部"} <= orgs
    assert "枫林分局" not in orgs


def test_recognise_orgs_a_bare_party_committee_that_only_opens_other_names_is_no_entity():
    text = "会议传达了县委组织部文件精神。"
    assert names(text, "Organization") == {"县委组织部"}
    assert "县委" in names("县委书记出席会议，县委组织部传达文件精神。", "Organization")


def test_recognise_orgs_a_list_closed_by_a_count_of_companies_names_companies():
    text = "会议邀请园区党工委书记，青松科技、梅林钛白、竹巷集团、桃李控股4家非公企业党组织书记参加。"
    listed = {m.name: m for m in found(text, "Organization")}
    assert {"青松科技", "梅林钛白", "竹巷集团", "桃李控股"} <= set(listed)
    assert listed["青松科技"].subtype == "Enterprise" and listed["青松科技"].rule == "org-listed"
    assert names("调研组走访了青松科技、竹巷集团等企业。", "Organization") == {"青松科技", "竹巷集团"}


def test_recognise_orgs_a_list_without_a_known_company_or_of_words_names_none():
    assert names("青松科技、梅林钛白等企业参加。", "Organization") == set()
    assert names("社区、学校、竹巷集团等企业参加。", "Organization") == {"竹巷集团"}
    assert names("机关、学校、竹巷集团等单位参加。", "Organization") == {"竹巷集团"}


def test_recognise_orgs_a_list_longer_than_is_read_back_yields_no_part_of_a_name():
    items = [f"青松{c}科技" for c in "甲乙丙丁戊己庚辛壬癸子丑寅卯"]
    listed = names("走访了" + "、".join(items) + "、竹巷集团等企业。", "Organization")
    assert set(items[-12:]) <= listed
    assert all(name in items or name == "竹巷集团" for name in listed)


def test_recognise_orgs_a_suffix_followed_by_lei_names_a_kind_of_body_not_one():
    assert names("向梅林市173户企业发放公司类贷款，支持商会类社会组织。", "Organization") == set()
    assert names("青松有限公司类型为有限责任公司。", "Organization") == {"青松有限公司"}


def test_recognise_orgs_a_name_at_a_rank_of_government_names_a_kind_of_body():
    text = "梅林集萃创新中心争创国家级技术创新中心，打造“五好”县级工商联和省级示范服务中心。"
    assert names(text, "Organization") == {"梅林集萃创新中心"}


def test_recognise_orgs_a_graded_kind_of_body_before_its_campaign_is_no_body():
    text = "青松镇推进“三星”支部创建，梅林村党支部获评。"
    assert "三星支部" not in names(text, "Organization")
    assert "梅林村党支部" in names(text, "Organization")


def test_recognise_orgs_brigades_stations_student_unions_and_cooperatives_are_bodies():
    text = ("云州市消防救援支队青松大队联合梅林消防救援站、青松大学学生会，走访梅林蔬菜专业合作社"
            "和青岭村股份经济合作社。")
    assert {"云州市消防救援支队", "云州市消防救援支队青松大队", "梅林消防救援站", "青松大学学生会",
            "梅林蔬菜专业合作社", "青岭村股份经济合作社"} <= names(text, "Organization")
    # a count of teams and a bare cooperative in a slogan name no body
    assert names("注重“三支队伍”建设，创新“支部+合作社”模式。", "Organization") == set()


def test_recognise_orgs_a_person_after_a_title_is_no_bodys_stem():
    # jieba cuts 厂长|王梅林|办厂: 办 and 厂 are suffixes, but what stands before them is a person
    text = "云州市青松塑料制品厂厂长王梅林办厂以来，不忘集体利益。"
    assert names(text, "Organization") == {"云州市青松塑料制品厂"}
    assert names(text, "Person") == {"王梅林"}


def test_recognise_orgs_a_dateline_glued_before_a_name_is_not_part_of_it():
    text = "青松县个体经济势头强劲本报讯云州省青松县委、县政府把发展非公有制经济作为重点。"
    assert "青松县委" in names(text, "Organization")
    assert not any(name.startswith("本报") for name in names(text, "Organization"))


def test_recognise_orgs_a_name_never_runs_across_ji_and():
    found_names = names("在云州市委宣传部暨市委讲师团举行的座谈会上。", "Organization")
    assert "云州市委宣传部" in found_names
    assert not any("暨" in name for name in found_names)


def test_recognise_orgs_a_dateline_or_a_glued_shi_opens_no_name():
    text = "据新华社云州5月3日电青松县委书记王梅林说，这是青松区委宣传部的要求。"
    found_names = names(text, "Organization")
    assert {"青松县委", "青松区委宣传部"} <= found_names
    assert not any(name.startswith(("日电", "这是")) for name in found_names)


def test_recognise_orgs_military_commands_are_bodies_not_areas():
    text = "太原警备区司令员王青松、青松县人民武装部部长李梅出席。"
    assert {"太原警备区", "青松县人民武装部"} <= names(text, "Organization")
    assert not {"太原警备区", "警备区"} & names(text, "Place")


def test_recognise_orgs_an_areas_committee_is_named_after_the_area_alone():
    text = "云州市青松区委书记王梅林、云州省梅林县委副书记李青出席。"
    found_names = names(text, "Organization")
    assert {"青松区委", "梅林县委"} <= found_names
    assert not {"云州市青松区委", "云州省梅林县委"} & found_names
    assert names("中共云州市委书记王梅林出席。", "Organization") == {"云州市委"}


def test_recognise_orgs_a_commission_written_short_does_not_join_the_next_body():
    found_names = names("云州市体委和民政局联合发文，云州市人力资源和社会保障局参加。", "Organization")
    assert "云州市人力资源和社会保障局" in found_names
    assert not any("体委和" in name for name in found_names)


def test_recognise_orgs_serving_as_opens_no_name():
    found_names = names("太原军区成立后，他任太原军区政治部主任，现任青松县委书记王梅林出席。",
                        "Organization")
    assert {"太原军区政治部", "青松县委"} <= found_names
    assert not any(name.startswith(("他任", "现任")) for name in found_names)


def test_recognise_orgs_commissions_written_short_and_broadcasters_are_bodies():
    text = "云州市委政法委、青松县教委、云州日报社和云州市广播电视台联合举办活动。"
    assert {"云州市委政法委", "青松县教委", "云州日报社", "云州市广播电视台"} \
        <= names(text, "Organization")


def test_recognise_orgs_a_companys_trade_is_part_of_its_name_even_tagged_a_verb():
    assert names("云州市青松房地产开发有限公司成立。", "Organization") == {"云州市青松房地产开发有限公司"}
    assert names("青松街道召开会议，推动社区建设。", "Organization") == set()


def test_recognise_orgs_winning_an_honour_opens_no_name():
    assert names("该丛书荣获青松区委宣传部“五个一工程”奖。", "Organization") == {"青松区委宣传部", "青松区委"}


def test_recognise_orgs_an_age_group_jieba_tags_as_time_is_part_of_a_name():
    assert names("青松社区老年协会组织活动，梅林青年联合会参加。", "Organization") \
        == {"青松社区老年协会", "梅林青年联合会"}
    assert names("今年青松社区开展活动。", "Organization") == set()


def test_recognise_orgs_the_central_bodies_written_without_a_suffix_are_bodies():
    text = "据新华社云州5月10日电，党中央、国务院高度重视，中共中央办公厅、国务院办公厅印发通知。"
    assert {"新华社", "党中央", "国务院", "国务院办公厅"} <= names(text, "Organization")
    # rooms named 厅 stay venues, not bodies
    assert names("居民在青松社区议事厅和服务大厅议事。", "Organization") == set()


def test_recognise_orgs_two_fields_joined_by_he_keep_a_field_jieba_tags_a_verb():
    assert names("云州市住房保障和房屋管理局局长王梅出席。", "Organization") \
        == {"云州市住房保障和房屋管理局"}
    assert names("原建设部总工程师王梅出席。", "Organization") == {"建设部"}


def test_recognise_orgs_electing_or_setting_up_a_body_opens_no_name():
    text = "推行直接民主选举村委会干部，建立健全村委会制度，原主任被选为村委会委员。"
    assert names(text, "Organization") == set()
    assert found(text, "Place") == []
    assert names("青松村委会主任王梅说。", "Organization") == {"青松村委会"}


def test_recognise_orgs_a_dateline_in_words_opens_no_name():
    text = "本报云州五月十九日讯国家教育部和中共云州市委联合举行报告会。"
    assert "国家教育部" in names(text, "Organization")
    assert not any(name.startswith("讯") for name in names(text, "Organization"))


def test_recognise_orgs_a_phrase_opened_by_zai_never_sits_inside_a_name():
    text = "云州市长王青松在讲话中称赞梅林总商会积极参与经济建设。"
    assert names(text, "Organization") == {"梅林总商会"}


def test_recognise_orgs_non_governmental_is_no_body():
    assert names("作为一个非政府、非盈利的社区服务组织，青松商会积极参与。", "Organization") == {"青松商会"}


def test_recognise_orgs_the_committee_of_an_area_the_table_names_is_found():
    found_names = names("近日，丰县委、上林县委和保定市委召开会议。", "Organization")
    assert {"丰县委", "上林县委", "保定市委"} <= found_names


def test_recognise_orgs_a_place_found_whole_keeps_its_first_character_in_a_body():
    # 从化区 opens with 从 (from), which jieba may glue to an unknown name: not here
    assert names("近日，从化区人民政府召开会议。", "Organization") == {"从化区人民政府"}


def test_recognise_orgs_a_body_of_an_areas_committee_is_named_after_that_area_alone():
    # like the committee itself (青松区委, not 云州市青松区委): one name for one body
    assert {"青松区委", "青松区委组织部"} <= names("云州市青松区委组织部召开会议。", "Organization")
    assert "云州市青松区委组织部" not in names("云州市青松区委组织部召开会议。", "Organization")


def test_recognise_orgs_a_trade_before_its_sectors_word_opens_the_name():
    # jieba tags 快递 a verb; before 行业 it names the trade the sector's party branch is for
    assert "快递行业党支部" in names("梅林街道成立了快递行业党支部。", "Organization")


def test_recognise_orgs_a_customs_office_is_a_body_and_a_modal_glued_to_jing_opens_none():
    assert "宁波海关" in names("宁波保税区管委会与宁波海关签署合作协议。", "Organization")
    # jieba tags 需经 a noun: no body is named 货物需经海关 or 入境人员需经公安局
    assert names("货物需经海关查验，入境人员需经公安局审核。", "Organization") == set()


def test_recognise_orgs_a_customs_office_is_named_after_a_place_not_a_phrase():
    # jieba tags 书面通知 a noun: 应当书面通知|海关 names no body
    assert names("应当书面通知海关。", "Organization") == set()


def test_recognise_orgs_no_name_runs_across_a_person_jieba_glued_to_a_verb():
    # jieba cuts 李华到 as one name-tagged word: the company starts after it
    text = "青松区委书记李华到青禾科技有限公司调研。"
    assert "青禾科技有限公司" in names(text, "Organization")
    assert not any("李华" in name for name in names(text, "Organization"))
    assert "李华" in names(text, "Person")


def test_recognise_orgs_leading_a_group_somewhere_opens_no_name():
    # jieba tags 带队 a noun, and 赴 stood between two name-like words
    assert names("街道党工委书记王丽带队赴青禾公司开展安全检查。", "Organization") == {"青禾公司"}


def test_recognise_orgs_no_name_runs_across_a_name_glued_to_a_preposition():
    # jieba cuts 王明|华向: the name's last character glued to 向
    text = "区委书记王明华向青禾科技有限公司捐赠物资。"
    assert "青禾科技有限公司" in names(text, "Organization")
    assert not any("王明" in name for name in names(text, "Organization"))


@pytest.mark.parametrize("text, body", [
    ("青松社区组建“青松义工队”，关爱独居老人。", "青松义工队"),
    ("青松社区义务巡逻队队长李明说。", "青松社区义务巡逻队"),
])
def test_volunteer_and_patrol_teams_are_bodies(text, body):
    assert body in names(text, "Organization")


def test_primary_and_secondary_schools_together_are_a_kind_not_a_body():
    assert names("全国数百位中小学校长参加培训。", "Organization") == set()


def test_a_villages_supervisory_committee_is_named_in_full():
    assert "青松村村监委会" in names("青松村村监委会主任王红介绍了村务公开情况。", "Organization")


@pytest.mark.parametrize("text, body", [
    ("青松区新的社会阶层人士联合会会长周敏说。", "青松区新的社会阶层人士联合会"),  # 的 inside the name
    ("定海区新联会会长周敏带领会员参与公益活动。", "定海区新联会"),
])
def test_an_association_of_the_new_social_strata_is_a_body(text, body):
    assert body in names(text, "Organization")


@pytest.mark.parametrize("text, body", [
    ("云州市崖州区鸿港社区党支部书记王明说。", "鸿港社区党支部"),  # jieba: 崖州|ns 区鸿港|社区
    ("延庆区鸿港社区党支部书记王明说。", "鸿港社区党支部"),  # 延庆|ns 区鸿港|社区
])
def test_a_body_takes_in_one_place_even_when_jieba_glued_the_wider_areas_suffix_to_it(text, body):
    assert names(text, "Organization") == {body}


def test_a_groups_numbered_bureau_is_part_of_its_companys_name():
    text = "青松街道与中铁二十局集团第四工程有限公司党委开展结对共建。"  # 中铁|二十|局|集团
    assert "中铁二十局集团第四工程有限公司党委" in names(text, "Organization")
    assert names("云州市五所学校党支部开展活动。", "Organization") == set()  # a count, no number


@pytest.mark.parametrize("text", ["街道推出的“一网通办”服务受到居民欢迎。", "推行“一码通办”，方便群众。"])
def test_one_character_before_a_one_character_head_noun_names_no_body(text):
    assert names(text, "Organization") == set()


def test_a_council_for_the_promotion_of_trade_is_a_body():
    assert "青松市贸促会" in names("青松市贸促会与白鹭区工商联签订合作协议。", "Organization")


def test_a_verb_before_a_quoted_name_is_not_part_of_the_body_named():
    assert names("白鹭社区开设“四点半”学校，方便双职工家庭。", "Organization") <= {"四点半学校"}


@pytest.mark.parametrize("text, body", [
    ("青松市异地商会联合会召开会议。", "青松市异地商会联合会"),  # 异地 alone is a generic word
    ("青松区新的社会阶层人士联谊会召开会议。", "青松区新的社会阶层人士联谊会"),
])
def test_federations_of_chambers_and_friendship_associations_are_bodies(text, body):
    assert body in names(text, "Organization")


@pytest.mark.parametrize("text, body", [("商会与遵义医科大学签订协议。", "遵义医科大学"),  # 遵义|v
                                        ("他毕业于茂名职业技术学院。", "茂名职业技术学院")])  # 茂名|a
def test_a_citys_name_jieba_reads_as_a_verb_or_an_adjective_opens_a_bodys_name(text, body):
    assert body in names(text, "Organization")


@pytest.mark.parametrize("text, body", [("省交通运输厅选派干部到村任职。", "省交通运输厅"),
                                        ("湖北省自然资源厅发布通知。", "湖北省自然资源厅"),
                                        ("县农业农村局发布通知。", "县农业农村局")])
def test_a_provinces_department_and_a_rural_affairs_bureau_are_bodies(text, body):
    assert body in names(text, "Organization")


@pytest.mark.parametrize("text", ["红色议事厅建成投用。", "音乐会在梅林市政府会议厅举行。",
                                  "新加坡维多利亚音乐厅座无虚席。"])
def test_a_hall_not_named_after_a_province_is_a_room_not_a_department(text):
    assert not any(n.endswith("厅") for n in names(text, "Organization"))


def test_a_companys_branch_named_by_its_place_is_the_company_named_before_it():
    text = "驿站由白鹭邮政有限公司云州市分公司、云州供电公司等企业提供场地。"
    assert names(text, "Organization") >= {"白鹭邮政有限公司云州市分公司", "云州供电公司"}


@pytest.mark.parametrize("text, body, subtype", [
    ("青松社区第一网格党支部书记赵刚是一名退役军人。", "青松社区第一网格党支部", "PartyOrganization"),
    ("青松社区网格党支部书记赵刚说。", "青松社区网格党支部", "PartyOrganization"),
    ("青松社区楼栋党小组组长赵刚说。", "青松社区楼栋党小组", "PartyOrganization"),
])
def test_the_party_units_of_a_communitys_grid_are_bodies(text, body, subtype):
    assert (body, subtype) in {(m.name, m.subtype) for m in found(text, "Organization")}


@pytest.mark.parametrize("text, body", [
    ("青松县融媒体中心发布消息。", "青松县融媒体中心"),  # jieba alone: 青松|县融|媒体|中心
    ("青松县新时代文明实践中心组织志愿者开展活动。", "青松县新时代文明实践中心"),
    ("白鹭村新时代文明实践站开展理论宣讲。", "白鹭村新时代文明实践站"),
    ("青松县王家家庭农场负责人王军说。", "青松县王家家庭农场"),
    ("青松县光彩事业促进会向白鹭村捐款。", "青松县光彩事业促进会"),
])
def test_media_centres_practice_centres_family_farms_and_promotion_societies_are_bodies(text, body):
    assert body in names(text, "Organization")


@pytest.mark.parametrize("text", ["青松街道“两新”组织综合党委书记沈红介绍。", "青松街道两新组织综合党委书记沈红介绍。"])
def test_a_sectors_joint_party_committee_is_a_body(text):
    assert "青松街道两新组织综合党委" in names(text, "Organization")


@pytest.mark.parametrize("text, company", [
    ("街道党工委与万成食品股份有限公司签订共建协议。", "万成食品股份有限公司"),
    ("街道党工委与美好生活有限公司签订共建协议。", "美好生活有限公司"),
])
def test_a_companys_brand_after_a_preposition_is_part_of_its_name(text, company):
    assert company in names(text, "Organization")


def test_a_verb_before_a_company_is_not_its_brand():
    assert not any(n.startswith("推动") for n in names("推动通用电器有限公司转型升级。", "Organization"))


@pytest.mark.parametrize("text, company", [
    ("新桥街道与兴发水泥有限公司签订党建共建协议。", "兴发水泥有限公司"),
    ("青松街道与南方航空有限公司签订党建共建协议。", "南方航空有限公司"),
])
def test_a_brand_jieba_reads_as_a_rare_verb_or_a_direction_is_the_companys(text, company):
    assert company in names(text, "Organization")
