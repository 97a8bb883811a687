import pytest

from relate_kit import Doc, extracted


def test_located_place_chain_gives_only_the_nearest_container():
    d = Doc("近日，梅林市青松区桃李镇举办活动。")
    d.area("梅林市", "City")
    d.area("青松区", "District")
    d.area("桃李镇", "Town")
    assert d.triples("locatedIn") == {("桃李镇", "locatedIn", "青松区"),
                                      ("青松区", "locatedIn", "梅林市")}
    assert all(r.confidence >= 0.9 and r.rule == "name-chain" for r in d.relations("locatedIn"))


def test_located_one_area_with_two_names_in_brackets_is_not_nested():
    d = Doc("青松高新区（梅林街道）桃源社区党委打造“邻里帮”书记项目。")
    d.area("青松高新区", "DevelopmentZone")
    d.area("梅林街道", "Subdistrict")
    d.area("桃源社区", "Community")
    d.org("桃源社区党委")
    triples = d.triples("locatedIn")
    assert ("桃源社区", "locatedIn", "梅林街道") in triples
    assert ("梅林街道", "locatedIn", "青松高新区") not in triples


def test_located_organisation_named_after_a_place_from_its_nested_part():
    d = Doc("梅林街道红叶志愿者服务队开展活动。")
    d.org("梅林街道红叶志愿者服务队", "SocialOrganization")
    d.area("梅林街道", "Subdistrict")
    [rel] = d.relations("locatedIn")
    assert (rel.subject.name, rel.object.name, rel.rule) == (
        "梅林街道红叶志愿者服务队", "梅林街道", "name-nested")


def test_located_organisation_whose_name_begins_with_another_name_of_the_article():
    d = Doc("青松区召开大会。区司法局负责人发言。")
    d.area("青松区", "District")
    d.org("区司法局", "GovernmentAgency", name="青松区司法局")
    assert d.triples("locatedIn") == {("青松区司法局", "locatedIn", "青松区")}


def test_located_area_prefix_derives_the_place_when_the_recogniser_gave_none():
    d = Doc("青松区民政局发布通知。")
    d.org("青松区民政局", "GovernmentAgency")
    [rel] = d.relations("locatedIn")
    assert rel.object.name == "青松区" and rel.object.level == "District"
    assert d.text[rel.object.start:rel.object.end] == "青松区"  # a real span of the text
    assert rel.confidence < 0.9


def test_located_statement_with_wei_yu():
    d = Doc("梅林科技园位于青松区，占地百亩。")
    d.place("梅林科技园")
    d.area("青松区", "District")
    assert d.triples("locatedIn") == {("梅林科技园", "locatedIn", "青松区")}


def test_located_within_a_jurisdiction():
    d = Doc("梅林街道辖区内桃李新村建于上世纪。")
    d.area("梅林街道", "Subdistrict")
    d.place("桃李新村")
    assert d.triples("locatedIn") == {("桃李新村", "locatedIn", "梅林街道")}


def test_located_a_larger_area_is_never_inside_a_smaller_one():
    d = Doc("桃李镇梅林市代表团来访。")
    d.area("桃李镇", "Town")
    d.area("梅林市", "City")
    assert d.relations("locatedIn") == []


def test_located_places_side_by_side_in_a_list_say_nothing():
    d = Doc("梅林街道、青松社区和桃李镇的代表参加。从梅林市到青松区只需半小时。")
    d.area("梅林街道", "Subdistrict")
    d.area("青松社区", "Community")
    d.area("桃李镇", "Town")
    d.area("梅林市", "City")
    d.area("青松区", "District")
    assert d.relations("locatedIn") == []


def test_located_zone_named_after_its_city_or_district():
    d = Doc("梅林市召开大会。梅林保税区和青松高新区代表发言，青松区领导出席。")
    d.area("梅林市", "City")
    d.area("梅林保税区", "DevelopmentZone")
    d.area("青松高新区", "DevelopmentZone")
    d.area("青松区", "District")
    assert d.triples("locatedIn") == {("梅林保税区", "locatedIn", "梅林市"),
                                      ("青松高新区", "locatedIn", "青松区")}


def test_located_a_lake_a_name_borrows_is_not_a_location():
    d = Doc("青湖国际科技创业园迎来新企业。")
    d.place("青湖国际科技创业园")
    d.place("青湖")
    assert d.relations("locatedIn") == []


def test_located_bare_level_word_before_within_is_the_articles_area():
    d = Doc("梅林街道推进治理\n梅林街道持续推进治理。街道辖区内桃李新村建于上世纪。", title="梅林街道推进治理")
    d.area("梅林街道", "Subdistrict")
    d.area("梅林街道", "Subdistrict", nth=1)
    d.place("桃李新村")
    assert d.triples("locatedIn") == {("桃李新村", "locatedIn", "梅林街道")}


def test_located_a_registered_company_is_not_located_by_its_name():
    d = Doc("梅林市青松科技有限公司党支部成立。")
    d.org("梅林市青松科技有限公司", "Enterprise")
    d.area("梅林市", "City")
    assert d.triples("locatedIn") == set()


def test_located_a_branch_is_where_its_name_says():
    d = Doc("青松银行梅林省分行签约。")
    d.org("青松银行梅林省分行", "Enterprise")
    d.area("梅林省", "Province")
    assert d.triples("locatedIn") == {("青松银行梅林省分行", "locatedIn", "梅林省")}


def test_located_an_area_before_a_list_of_areas_holds_each_of_them():
    d = Doc("走访了桃李街道甲社区、乙社区和丙社区。")
    d.area("桃李街道", "Subdistrict")
    for name in ("甲社区", "乙社区", "丙社区"):
        d.area(name, "Community")
    assert d.triples("locatedIn") == {(n, "locatedIn", "桃李街道") for n in ("甲社区", "乙社区", "丙社区")}


def test_located_a_bare_committee_completed_from_the_article_is_in_its_area():
    d = Doc("梅林县召开会议。县委书记王小明出席。")
    d.area("梅林县", "County")
    d.org("县委", name="梅林县委")
    d.person("王小明")
    assert ("梅林县委", "locatedIn", "梅林县") in d.triples("locatedIn")


def test_located_a_body_written_only_in_a_post_chain_is_in_the_area_it_is_named_after():
    d = Doc("梅林省召开会议。梅林省民政厅副厅长王小明出席。")
    d.area("梅林省", "Province")
    d.area("梅林省", "Province", nth=1)
    d.person("王小明")
    assert ("梅林省民政厅", "locatedIn", "梅林省") in d.triples("locatedIn")


def test_located_a_place_written_without_its_level_is_the_area_the_article_names():
    d = Doc("桃源街道召开会议。据桃源青松社区的工作人员介绍，活动很成功。")
    d.area("桃源街道", "Subdistrict")
    d.place("桃源", nth=1)
    d.area("青松社区", "Community")
    assert ("青松社区", "locatedIn", "桃源街道") in d.triples("locatedIn")


def test_located_a_body_named_after_an_area_with_a_second_name_is_in_the_first():
    d = Doc("梅林高新区（桃李街道）社会事业局召开会议。")
    d.org("梅林高新区（桃李街道）社会事业局", "GovernmentAgency")
    d.area("梅林高新区", "DevelopmentZone")
    d.area("桃李街道", "Subdistrict")
    assert ("梅林高新区（桃李街道）社会事业局", "locatedIn", "梅林高新区") in d.triples("locatedIn")


def test_located_only_the_nearest_container_when_two_sentences_name_two():
    d = Doc("梅林市青松社区召开会议。梅林市桃源区青松社区党委书记发言。")
    d.area("梅林市", "City")
    d.area("青松社区", "Community")
    d.area("梅林市", "City", nth=1)
    d.area("桃源区", "District")
    d.area("青松社区", "Community", nth=1)
    assert {t for t in d.triples("locatedIn") if t[0] == "青松社区"} == {("青松社区", "locatedIn", "桃源区")}


def test_located_area_before_a_list_of_bodies_holds_the_area_each_is_named_after():
    d = Doc("海湾区城东街道南岭社区党委、北岭社区党总支和西岭社区党总支结成联盟。")
    d.area("海湾区", "District")
    d.area("城东街道", "Subdistrict")
    d.area("南岭社区", "Community")
    d.org("南岭社区党委")
    d.area("北岭社区", "Community")
    d.org("北岭社区党总支")
    d.area("西岭社区", "Community")
    d.org("西岭社区党总支")
    triples = d.triples("locatedIn")
    assert {("南岭社区", "locatedIn", "城东街道"), ("北岭社区", "locatedIn", "城东街道"),
            ("西岭社区", "locatedIn", "城东街道")} <= triples


def test_located_name_after_an_areas_own_government_is_in_that_area():
    d = Doc("云州市青石街道办事处竹林社区居委会王小明参加座谈。")
    d.area("云州市", "City")
    d.area("青石街道", "Subdistrict")
    d.org("云州市青石街道办事处", "GovernmentAgency")
    d.area("竹林社区", "Community")
    d.org("竹林社区居委会", "GovernmentAgency")
    assert ("竹林社区", "locatedIn", "青石街道") in d.triples("locatedIn")


def test_located_places_listed_after_what_holds_them():
    d = Doc("竹林社区所辖的枫叶苑、桂花苑等小区聚集着大量住户。")
    d.area("竹林社区", "Community")
    d.place("枫叶苑")
    d.place("桂花苑")
    assert {("枫叶苑", "locatedIn", "竹林社区"), ("桂花苑", "locatedIn", "竹林社区")} <= d.triples("locatedIn")


def test_located_group_or_law_firm_keeps_the_place_it_was_registered_in_out():
    d = Doc("云州华光教育集团、云州明理律所与社区结对。")
    d.area("云州", "City", name="云州市")
    d.org("云州华光教育集团", "PublicInstitution")
    d.area("云州", "City", name="云州市", nth=1)
    d.org("云州明理律所", "Enterprise")
    assert d.triples("locatedIn") == set()


def test_located_what_is_visited_on_arriving_in_an_area_is_in_it():
    d = Doc("8月7日，调研组来到青松街道，实地调研走访了梅林纺织有限公司、桃李科技有限公司等企业。")
    d.area("青松街道", "Subdistrict")
    d.org("梅林纺织有限公司", "Enterprise")
    d.org("桃李科技有限公司", "Enterprise")
    rels = d.relations("locatedIn")
    assert {(r.subject.name, r.object.name) for r in rels} == {
        ("梅林纺织有限公司", "青松街道"), ("桃李科技有限公司", "青松街道")}
    assert {r.rule for r in rels} == {"located-visit"}


def test_located_a_visit_in_a_clause_of_its_own_says_nothing_of_where():
    d = Doc("8月7日，调研组来到青松街道，听取工作汇报后，又走访了梅林纺织有限公司。")
    d.area("青松街道", "Subdistrict")
    d.org("梅林纺织有限公司", "Enterprise")
    assert d.triples("locatedIn") == set()


def test_located_a_branch_inside_a_committee_is_not_in_the_place_before_the_committee():
    d = Doc("梅林市青松区竹巷社区党委第一党支部与青松中学党支部签约。")
    d.area("梅林市", "City")
    d.area("青松区", "District")
    d.area("竹巷社区", "Community")
    d.org("竹巷社区党委")
    d.org("竹巷社区党委第一党支部")
    d.org("青松中学党支部", "PartyOrganization")
    triples = d.triples("locatedIn")
    assert ("竹巷社区党委第一党支部", "locatedIn", "青松区") not in triples
    assert {("竹巷社区", "locatedIn", "青松区"),
            ("竹巷社区党委", "locatedIn", "竹巷社区")} <= triples


def test_located_a_compound_is_in_the_community_named_after_it():
    d = Doc("青松苑社区开展活动，青松苑小区和梅林小区的居民参加。")
    d.area("青松苑社区", "Community")
    d.place("青松苑小区")
    d.place("梅林小区")
    (rel,) = d.relations("locatedIn")
    assert (rel.subject.name, rel.object.name, rel.rule) == ("青松苑小区", "青松苑社区", "located-namesake")


def test_located_a_nationwide_body_is_in_no_area_its_name_seems_to_open_with():
    d = Doc("全国省市妇联主席工作会议在云州召开。")
    d.org("全国省市妇联", "SocialOrganization")
    assert d.relations("locatedIn") == []


def test_located_a_body_named_after_a_kind_of_area_is_in_no_area():
    d = Doc("全国各省、自治区、直辖市党委宣传部长出席。")
    d.org("直辖市党委")
    assert d.relations("locatedIn") == []


def test_located_a_body_named_after_an_honour_or_a_whole_is_in_no_area():
    d = Doc("授予先进村党支部荣誉称号，整个村委会参加选举。")
    d.org("先进村党支部")
    d.org("整个村委会", "GovernmentAgency")
    assert d.relations("locatedIn") == []


def test_located_no_area_ends_inside_a_word_of_its_level_character():
    d = Doc("青松木材市场中心、住房城乡建设部和柳岸区司法局开展活动。")
    d.org("青松木材市场中心", "PublicInstitution")
    d.org("住房城乡建设部", "GovernmentAgency")
    d.org("柳岸区司法局", "GovernmentAgency")
    assert d.triples("locatedIn") == {("柳岸区司法局", "locatedIn", "柳岸区")}


@pytest.mark.parametrize("text", ["梅林小区坐落于青松街道。", "梅林小区地处青松街道。",
                                  "青松街道境内的梅林小区开展活动。", "青松街道下辖的梅林小区开展活动。",
                                  "梅林小区入驻青松街道。"])
def test_located_a_statement_of_where_it_is_puts_it_there(text):
    located = {(r.subject.name, r.object.name) for r in extracted(text, "locatedIn")}
    assert located == {("梅林小区", "青松街道")}


def test_located_an_area_that_belongs_to_a_wider_one_is_in_it_a_body_is_not():
    located = {(r.subject.name, r.object.name) for r in extracted("梅林社区隶属于青松街道。", "locatedIn")}
    assert ("梅林社区", "青松街道") in located
    # a body that 隶属于 another is its unit (subOrganizationOf), not located in it
    assert not any(r.subject.name == "青松商会" for r in extracted("青松商会隶属于云州市工商联。", "locatedIn"))


@pytest.mark.parametrize("text", ["青松街道辖区内有梅林社区、桃园社区等8个社区。",
                                  "青松街道共辖梅林社区、桃园社区和竹园社区。"])
def test_located_the_areas_an_area_holds_are_in_it(text):
    located = {(r.subject.name, r.object.name) for r in extracted(text, "locatedIn")}
    assert {("梅林社区", "青松街道"), ("桃园社区", "青松街道")} <= located
    assert all(not name.startswith(("共辖", "内有")) for name, _ in located)


def test_located_a_city_of_county_rank_lies_in_its_prefectures_city():
    # the national table puts 高平市 (140581) under 晋城市 (140500): both are 市 by their suffix
    located = {(r.subject.name, r.object.name)
               for r in extracted("晋城市高平市某某镇召开会议。", "locatedIn")}
    assert ("高平市", "晋城市") in located
    # two prefecture cities written side by side are peers
    assert not extracted("晋城市和洛阳市召开会议。", "locatedIn")


def test_located_an_area_said_to_be_one_a_wider_area_holds():
    text = "白鹭社区是梅林街道下辖的一个老旧小区集中的社区。"
    assert {(r.subject.name, r.object.name) for r in extracted(text, "locatedIn")} == {
        ("白鹭社区", "梅林街道")}


def test_located_the_areas_listed_after_what_an_area_has_in_all_are_in_it():
    text = "梅林街道共有白鹭、青松、红枫等8个社区。"
    assert {(r.subject.name, r.object.name) for r in extracted(text, "locatedIn")} == {
        ("白鹭社区", "梅林街道"), ("青松社区", "梅林街道"), ("红枫社区", "梅林街道")}
    assert extracted("梅林街道共有常住人口10万人。", "locatedIn") == []


def test_located_a_department_named_with_a_common_word_ending_in_a_level_is_in_no_area():
    assert extracted("省农业农村厅干部王小明介绍了情况。", "locatedIn") == []  # 农村: rural, no 村


def test_located_two_countries_side_by_side_are_not_one_in_the_other():
    assert extracted("山南地区南与印度不丹接壤。", "locatedIn") == []


def test_located_a_zone_named_with_its_district_lies_in_the_district_not_the_city_before():
    located = {(r.subject.name, r.object.name)
               for r in extracted("许昌市建安区经济技术开发区党工委书记王明说。", "locatedIn")}
    assert ("建安区经济技术开发区", "建安区") in located
    assert ("建安区经济技术开发区", "许昌市") not in located


def test_located_a_listed_body_already_named_after_the_lists_area_is_not_named_again():
    text = "驿站由云州市自来水公司、云州供电公司等企业提供场地。"
    assert "云州市云州供电公司" not in {r.subject.name for r in extracted(text, "locatedIn")}


def test_located_the_areas_listed_after_a_one_character_verb_of_holding_lie_in_the_holder():
    text = "青松街道辖青石、白鹭、梅林等8个社区。"
    assert {(r.subject.name, r.object.name) for r in extracted(text, "locatedIn")} == {
        ("青石社区", "青松街道"), ("白鹭社区", "青松街道"), ("梅林社区", "青松街道")}


@pytest.mark.parametrize("text, pair", [
    ("青石村是白鹭镇的一个行政村。", ("青石村", "白鹭镇")),  # jieba: 青石|村是
    ("白鹭科技有限公司是青松区的一家民营企业。", ("白鹭科技有限公司", "青松区")),
    ("白鹭镇是青松县的农业大镇。", ("白鹭镇", "青松县")),
    ("青松社区成立于2003年，是白鹭街道最大的社区。", ("青松社区", "白鹭街道")),
])
def test_located_what_is_said_to_be_one_of_an_areas_lies_in_it(text, pair):
    assert pair in {(r.subject.name, r.object.name) for r in extracted(text, "locatedIn")}


def test_located_a_place_said_to_be_anothers_peer_lies_in_neither():
    assert extracted("青石村是梅林村的兄弟村。", "locatedIn") == []
