"""Context completion: the fullest name the article supports, and mention conventions."""
from __future__ import annotations

from recognise_helpers import article, found, names

from kg.recognise import recognise


def test_recognise_context_bare_zone_word_takes_the_articles_zone():
    text = "蓝湖工业园区发布新政。园区党工委表示，园区将持续优化营商环境。"
    by_text = {(m.kind, m.text): m.name for m in found(text)}
    assert by_text[("Organization", "园区党工委")] == "蓝湖工业园区党工委"
    assert by_text[("Place", "园区")] == "蓝湖工业园区"


def test_recognise_context_district_short_forms_take_the_district():
    text = "松山区召开大会。区委、区政府主要领导出席，市委有关负责人讲话。"
    orgs = {m.text: m.name for m in found(text, "Organization")}
    assert orgs["区委"] == "松山区委"
    assert orgs["区政府"] == "松山区政府"
    assert orgs["市委"] == "市委"  # no city in the article: it stays as written, the article's 市委


def test_recognise_context_a_shorter_name_ending_a_longer_one_is_that_body():
    text = ("梅林街道红枫叶志愿者服务队举行入队仪式，10名志愿者加入红枫叶志愿者服务队。")
    names = {m.text: m.name for m in found(text, "Organization")}
    assert names["红枫叶志愿者服务队"] == "梅林街道红枫叶志愿者服务队"


def test_recognise_context_agency_named_without_place_takes_the_main_area():
    text = "蓝湖工业园区持续深化改革，司法局、财政审计局联合开展服务。"
    orgs = {m.name for m in found(text, "Organization")}
    assert {"蓝湖工业园区司法局", "蓝湖工业园区财政审计局"} <= orgs


def test_recognise_conventions_spans_sorted_unique_and_complete():
    text = ("近日，云溪市松山区白鹭镇商会会长王小二说，白鹭镇将以“邻里帮”为书记项目，"
            "落实《白鹭镇网格治理实施方案》。")
    mentions = recognise(article(text))
    assert mentions == sorted(mentions, key=lambda m: (m.start, m.end, m.kind, m.name))
    assert len({(m.start, m.end, m.kind) for m in mentions}) == len(mentions)
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.scope != "?"
        assert (m.subtype == "AdministrativeArea") == bool(m.level)
    assert {m.kind for m in mentions} == {"Place", "Organization", "Person", "Initiative",
                                          "PolicyDocument"}


def test_recognise_is_deterministic_and_empty_safe():
    text = "云溪市松山区白鹭镇商会会长王小二说，要以“邻里帮”为书记项目。"
    assert recognise(article(text)) == recognise(article(text))
    assert recognise(article("")) == []
    assert recognise(article("　\n ")) == []


def test_recognise_context_bodies_opened_by_a_bare_level_word_take_the_area():
    text = "梅花区召开大会。定期召开区委统一战线工作领导小组会议，街道应急指挥中心统一调度。"
    text += "青松街道发布通知。"
    orgs = {m.text: m.name for m in found(text, "Organization")}
    assert orgs["区委统一战线工作领导小组"] == "梅花区委统一战线工作领导小组"
    assert orgs["街道应急指挥中心"] == "青松街道应急指挥中心"


def test_recognise_context_national_bodies_never_take_the_local_area():
    text = ("蓝湖工业园区召开大会。中组部、中宣部有关负责人出席，科技部、省委组织部领导讲话。"
            "园区司法局参加。")
    orgs = {m.text: m.name for m in found(text, "Organization")}
    assert orgs["中组部"] == "中组部"
    assert orgs["中宣部"] == "中宣部"
    assert orgs["科技部"] == "科技部"
    assert not any(name.startswith("蓝湖") for text, name in orgs.items() if text != "园区司法局")


def test_recognise_context_later_list_items_take_the_first_items_area():
    text = ("蓝湖工业园区召开大会，园区党工委主持。梅林区行政审批局、人力资源和社会保障局、司法局"
            "联合开展服务。")
    orgs = {m.text: m.name for m in found(text, "Organization")}
    assert orgs["人力资源和社会保障局"] == "梅林区人力资源和社会保障局"
    assert orgs["司法局"] == "梅林区司法局"  # not the article's main area, 蓝湖工业园区


def test_recognise_context_group_committee_is_the_named_groups():
    text = "青松集团召开大会。集团党委书记李四海说，集团党委将深化党建。"
    orgs = {m.text: m.name for m in found(text, "Organization")}
    assert orgs["集团党委"] == "青松集团党委"


def test_recognise_context_company_committee_is_the_articles_one_company_committee():
    text = "蓝鲸科技有限公司党委开展活动。集团党委书记李四海说，要服务职工。"
    assert {m.name for m in found(text, "Organization") if m.text == "集团党委"} \
        == {"蓝鲸科技有限公司党委"}


def test_recognise_context_group_committee_of_two_groups_is_dropped():
    text = "青松集团和红杉集团召开大会。集团党委书记李四海说，要服务职工。"
    assert not [m for m in found(text, "Organization") if m.text == "集团党委"]


def test_recognise_context_bank_short_forms_name_the_articles_branch():
    text = ("工商银行云溪湖滨支行开业。云溪湖滨工行行长李四海说，工行将支持小微企业。"
            "农行、建行也参加了活动。")
    orgs = {m.text: m.name for m in found(text, "Organization")}
    assert orgs["云溪湖滨工行"] == "工商银行云溪湖滨支行"
    assert orgs["工行"] == "工商银行云溪湖滨支行"
    assert orgs["农行"] == "农行" and orgs["建行"] == "建行"


def test_recognise_context_a_bare_body_is_the_one_named_just_before_it():
    text = ("梅林高新区党工委部署工作。青枫街道党工委书记王小明、党工委委员李小红陪同调研。")
    bare = [m for m in found(text, "Organization") if m.text == "党工委"]
    assert [m.name for m in bare] == ["青枫街道党工委"]


def test_recognise_context_a_bare_committee_never_takes_a_district():
    # a district has a 区委; a 党工委 is a zone's or a subdistrict's
    assert "云溪区党工委" not in names("云溪区召开会议，党工委委员李小红出席。", "Organization")


def test_recognise_context_a_company_with_and_without_its_company_form_is_one_body():
    text = "云溪农商银行股份有限公司青枫支行与居民座谈。云溪农商银行青枫支行党支部表示支持。"
    orgs = names(text, "Organization")
    assert not any(n.startswith("云溪农商银行青枫") for n in orgs)
    assert {"云溪农商银行股份有限公司青枫支行", "云溪农商银行股份有限公司青枫支行党支部"} <= orgs
    assert not any(n.count("有限公司") > 1 for n in orgs)


def test_recognise_context_a_short_place_with_its_suffix_in_the_article_is_that_place():
    text = "云溪村党委召开会议，团队赴云溪、梅林、成都等地出差。"
    short = [m for m in found(text, "Place") if m.text == "云溪"]
    assert [(m.name, m.level) for m in short] == [("云溪村", "Village")]


def test_recognise_context_an_areas_body_written_with_its_bare_place_word_takes_the_full_name():
    orgs = names("白鹭县召开大会。白鹭工商联和白鹭信托有限公司参加。", "Organization")
    assert "白鹭县工商联" in orgs and "白鹭工商联" not in orgs
    assert "白鹭信托有限公司" in orgs  # a company keeps the place word as written


def test_recognise_context_a_level_body_of_an_unnamed_area_is_its_articles_own():
    text = "会上，市工商联党组成员讲话，社区党委书记参加。"
    orgs = {m.text: m for m in found(text, "Organization")}
    assert orgs["市工商联党组"].scope == "article"  # resolved per article, never across pages
    assert "社区党委" not in orgs  # a bare community committee with no community names nothing


def test_recognise_context_the_supreme_court_is_no_body_of_the_articles_area():
    text = "青松区召开会议。此前，经最高人民法院审判委员会讨论，区人民法院院长王梅林作报告。"
    found_names = names(text, "Organization")
    assert {"最高人民法院", "最高人民法院审判委员会", "青松区人民法院"} <= found_names
    assert not any(name.startswith(("青松区最高", "经")) for name in found_names)


def test_recognise_context_a_bare_office_in_a_post_chain_is_its_subdistricts():
    text = "云州市梅林街道党工委副书记、办事处主任王明华介绍了情况。"
    assert {"梅林街道党工委", "梅林街道办事处"} <= names(text, "Organization")
    assert "办事处" not in names(text, "Organization")


def test_recognise_context_a_customs_office_without_a_place_is_not_the_articles_areas():
    # customs answer to the centre: 澳大利亚海关 is not 云州市's, whatever the article's area
    text = "云州市召开会议。澳大利亚海关是世界上最严格的海关。"
    assert "澳大利亚海关" in names(text, "Organization")
    assert not any(name.startswith("云州") and name.endswith("海关") for name in names(text, "Organization"))


def test_recognise_context_a_made_up_word_of_time_or_inside_a_phrase_names_no_place():
    # 周中, 元中: jieba tags these made-up words f, as it tags 仓前; they are phrases cut apart
    assert names("热刺周中联盟杯的影响不小。", "Organization") == set()


def test_recognise_context_a_party_body_named_after_a_companys_trade_name_is_that_companys():
    text = "在云州青松光学科技有限公司，公司党委书记王明介绍了情况。青松光学党委创新推出新举措。"
    bodies = {(m.text, m.name) for m in found(text, "Organization")}
    assert ("青松光学党委", "云州青松光学科技有限公司党委") in bodies
    assert ("正泰集团党委", "正泰集团党委") in {
        (m.text, m.name) for m in found("云州正泰电器股份有限公司与正泰集团党委签约。", "Organization")}


def test_recognise_context_an_agency_with_a_place_inside_its_name_takes_no_other_area():
    text = "云州市青松区召开会议。武警青松县中队的靶场设在城关镇。"
    assert [m.name for m in found(text, "Organization")] == ["武警青松县中队"]


def test_recognise_context_a_word_jieba_tags_a_persons_name_opens_no_body_before_a_place():
    text = "坚决查处，严肃处理化隆县卫生局截留挪用工资的问题。"  # jieba: 严肃处理|nr
    assert [m.name for m in found(text, "Organization")] == ["化隆县卫生局"]


def test_recognise_context_an_initiative_named_with_a_shorter_trigger_is_the_longer_named():
    text = "“三访三问”机制见实效\n青松街道持续深化“三访三问”工作机制，“三访三问”活动也同步开展。"
    assert {m.text: m.name for m in found(text, "Initiative")} == {
        "“三访三问”机制": "三访三问工作机制", "“三访三问”工作机制": "三访三问工作机制",
        "“三访三问”活动": "三访三问活动"}


def test_a_police_station_with_a_stem_is_named_after_the_place_it_serves():
    text = "青松区召开会议。青松社区党委、梅林派出所党支部签订共建协议。"
    assert {"梅林派出所", "梅林派出所党支部"} <= names(text, "Organization")


def test_a_banks_short_name_without_its_national_prefix_is_its_registered_name():
    text = ("云州市人民政府与中国青松银行股份有限公司云州分行签约。"
            "青松银行云州分行党委书记王小明出席。")
    assert names(text, "Organization") >= {"中国青松银行股份有限公司云州分行",
                                           "中国青松银行股份有限公司云州分行党委"}
    assert "青松银行云州分行" not in names(text, "Organization")


def test_a_body_opened_by_another_levels_word_in_a_list_keeps_its_own_level():
    text = "文昌市公安局成绩突出，是因为在市委、市政府和省委组织部的指导下工作。"
    assert "文昌市省委组织部" not in {m.name for m in found(text, "Organization")}


def test_a_level_character_opening_a_common_word_is_no_level_word():
    text = "青石村党委书记王明说，全镇各村已全部建立村务监督委员会。市民政局派人指导。"
    named = {m.name for m in found(text, "Organization")}
    assert "青石村务监督委员会" not in named


def test_a_zones_names_with_and_without_its_citys_level_are_one_zone():
    text = "在芜湖市经济技术开发区，企业纷纷点赞。芜湖经开区党工委书记赵冬梅介绍了情况。"
    assert {m.name for m in found(text, "Organization")} == {"芜湖市经济技术开发区党工委"}
    assert {m.name for m in found(text, "Place")} == {"芜湖市经济技术开发区"}
