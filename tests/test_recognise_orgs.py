"""Organisations: nesting, typed suffixes, brackets, generic names, context completion."""
from __future__ import annotations

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
    text = "作为初次当选的全国人大代表，白鹭镇商会会长表示将继续努力。"
    orgs = names(text, "Organization")
    assert {"全国人大", "白鹭镇商会"} <= orgs


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


def test_recognise_orgs_a_level_word_glued_to_a_body_is_completed_from_the_article():
    text = "云溪市召开会议。市政府办第一党支部参加。"
    assert "云溪市政府办" in names(text, "Organization")
