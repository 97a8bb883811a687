import pytest

from relate_kit import Doc, extracted


def test_partners_sign_with_gives_a_symmetric_pair():
    d = Doc("6月24日，青松银行梅林分行与梅林市人民政府签署战略合作协议。")
    d.org("青松银行梅林分行", "Enterprise")
    d.org("梅林市人民政府", "GovernmentAgency")
    [rel] = d.relations("partnerOf")
    assert {rel.subject.name, rel.object.name} == {"青松银行梅林分行", "梅林市人民政府"}
    assert rel.confidence >= 0.8 and rel.rule == "partner"


def test_partners_list_after_the_connective_pairs_each():
    d = Doc("梅林区政协还联合区民政局、区司法局，同步组织开展协商。")
    d.org("梅林区政协", "GovernmentAgency")
    d.org("区民政局", "GovernmentAgency", name="梅林区民政局")
    d.org("区司法局", "GovernmentAgency", name="梅林区司法局")
    assert d.triples("partnerOf") == {("梅林区政协", "partnerOf", "梅林区民政局"),
                                      ("梅林区政协", "partnerOf", "梅林区司法局")}


def test_partners_omitted_first_party_is_the_subject_with_lower_confidence():
    d = Doc("梅林园区全面推进人才工作。与青松大学马克思主义学院共建“人才驿站”。",
            title="")
    d.area("梅林园区", "DevelopmentZone")
    d.org("青松大学马克思主义学院", "PublicInstitution")
    d.initiative("“人才驿站”", "ServicePoint")
    d.area("梅林园区", "DevelopmentZone", nth=0)
    rels = d.relations("partnerOf")
    # only one mention of the area: the article names no subject, so nothing to pair with
    assert rels == []
    d2 = Doc("梅林园区全面推进人才工作。梅林园区还开展调研。与青松大学马克思主义学院共建“人才驿站”。")
    d2.area("梅林园区", "DevelopmentZone")
    d2.area("梅林园区", "DevelopmentZone", nth=1)
    d2.org("青松大学马克思主义学院", "PublicInstitution")
    d2.initiative("“人才驿站”", "ServicePoint")
    [rel] = d2.relations("partnerOf")
    assert rel.rule == "partner-omitted-subject" and rel.confidence < 0.8
    assert ("青松大学马克思主义学院", "runs", "人才驿站") in d2.triples("runs")


def test_partners_both_sides():
    d = Doc("梅林控股集团引入青松电气集团，双方共同开发建设新项目。")
    d.org("梅林控股集团", "Enterprise")
    d.org("青松电气集团", "Enterprise")
    assert len(d.relations("partnerOf")) == 1


def test_partners_no_pair_without_a_trigger():
    d = Doc("梅林街道和青松社区的负责人出席活动。梅林区委与梅林区政府高度重视。")
    d.area("梅林街道", "Subdistrict")
    d.area("青松社区", "Community")
    d.org("梅林区委")
    d.org("梅林区政府", "GovernmentAgency")
    assert d.relations("partnerOf") == []


def test_partners_an_area_qualifying_a_noun_is_not_a_party():
    d = Doc("桃李区党工委牵头，联合桃李区机关、海关等单位共同成立工作小组。")
    d.org("桃李区党工委")
    d.area("桃李区", "District", nth=1)
    assert d.relations("partnerOf") == []


def test_partners_left_out_first_party_after_adverbs_is_the_clause_subject():
    d = Doc("接下来，梅林区工商联将深化工作模式，持续加大与区发改委、区商务局等部门对接合作。")
    d.org("梅林区工商联", "SocialOrganization")
    d.org("区发改委", "GovernmentAgency", name="梅林区发改委")
    d.org("区商务局", "GovernmentAgency", name="梅林区商务局")
    assert d.triples("partnerOf") == {("梅林区工商联", "partnerOf", "梅林区发改委"),
                                      ("梅林区工商联", "partnerOf", "梅林区商务局")}


def test_partners_an_unrecognised_name_before_the_connective_is_not_left_out():
    d = Doc("梅林街道持续推进。在协议框架下，青行分别与桃李保税区签署协议。")
    d.area("梅林街道", "Subdistrict")
    d.area("梅林街道", "Subdistrict", nth=0)
    d.area("桃李保税区", "DevelopmentZone")
    assert d.relations("partnerOf") == []


def test_partners_a_listed_subject_that_forms_an_alliance_is_pairwise_partners():
    d = Doc("近日，青松区梅林街道甲社区党委、乙社区党总支和丙社区党总支结成党建联盟。")
    for name in ("甲社区党委", "乙社区党总支", "丙社区党总支"):
        d.org(name)
    assert {frozenset((a, b)) for a, _, b in d.triples("partnerOf")} == {
        frozenset(("甲社区党委", "乙社区党总支")), frozenset(("甲社区党委", "丙社区党总支")),
        frozenset(("乙社区党总支", "丙社区党总支"))}


def test_partners_a_list_with_words_between_its_names_is_not_a_signing():
    d = Doc("甲公司党总支、乙村党总支班子成员、丙公司党支部书记等出席签约仪式。")
    for name in ("甲公司党总支", "乙村党总支", "丙公司党支部"):
        d.org(name)
    assert d.relations("partnerOf") == []


def test_partners_a_list_before_yu_pairs_across_not_within():
    d = Doc("学生党支部、青年党支部与青松社区党委签约。")
    for name in ("学生党支部", "青年党支部", "青松社区党委"):
        d.org(name)
    assert {frozenset((a, b)) for a, _, b in d.triples("partnerOf")} == {
        frozenset(("学生党支部", "青松社区党委")), frozenset(("青年党支部", "青松社区党委"))}


def test_partners_the_host_works_with_each_body_that_carries_the_event_out():
    d = Doc("此次活动由青松区民政局主办，梅林镇人民政府、桃李社区承办。")
    d.org("青松区民政局", "GovernmentAgency")
    d.org("梅林镇人民政府", "GovernmentAgency")
    d.area("桃李社区", "Community")
    assert {frozenset((a, b)) for a, _, b in d.triples("partnerOf")} == {
        frozenset(("青松区民政局", "梅林镇人民政府")), frozenset(("青松区民政局", "桃李社区"))}


def test_partners_an_areas_party_committee_and_government_are_not_each_others_partners():
    d = Doc("活动由梅林街道党工委、办事处和青松银行共同主办。")
    d.org("梅林街道党工委")
    d.org("办事处", "GovernmentAgency", name="梅林街道办事处")
    d.org("青松银行", "Enterprise")
    assert d.triples("partnerOf") == {("梅林街道党工委", "partnerOf", "青松银行"),
                                      ("梅林街道办事处", "partnerOf", "青松银行")}


def test_partners_bodies_of_two_areas_or_two_bodies_of_one_area_stay_partners():
    d = Doc("活动由梅林街道党工委、桃李镇人民政府和梅林街道工会共同主办。")
    d.org("梅林街道党工委")
    d.org("桃李镇人民政府", "GovernmentAgency")
    d.org("梅林街道工会", "SocialOrganization")
    assert len(d.triples("partnerOf")) == 3


def test_partners_areas_that_sign_stand_for_their_party_bodies():
    d = Doc("甲社区党委与乙社区党总支结成联盟。仪式现场，甲社区、乙社区共同签署协议书。")
    d.org("甲社区党委")
    d.org("乙社区党总支")
    d.area("甲社区", "Community", nth=1)
    d.area("乙社区", "Community", nth=1)
    assert {frozenset((a, b)) for a, _, b in d.triples("partnerOf")} == {
        frozenset(("甲社区党委", "乙社区党总支"))}


def test_partners_a_role_noun_may_stand_between_the_connective_and_the_partner():
    d = Doc("青松社区联合共建单位梅林城投公司等，对出入口进行改造。")
    d.area("青松社区", "Community")
    d.org("梅林城投公司", "Enterprise")
    assert d.triples("partnerOf") == {("青松社区", "partnerOf", "梅林城投公司")}


def test_partners_bodies_listed_as_the_agents_of_a_passive_clause_are_partners():
    d = Doc("此次党建联建由甲社区党委、乙学校党总支、丙医院党支部共同发起。")
    for name in ("甲社区党委", "乙学校党总支", "丙医院党支部"):
        d.org(name)
    assert len(d.triples("partnerOf")) == 3


def test_partners_a_list_running_on_past_unknown_names_still_reaches_its_trigger():
    d = Doc("梅林银行分别与青松保税区、经济开发区、高铁新城及桃李集团等重点企业，签署了合作协议。")
    d.org("梅林银行", "Enterprise")
    d.area("青松保税区", "DevelopmentZone")
    assert d.triples("partnerOf") == {("梅林银行", "partnerOf", "青松保税区")}


def test_partners_a_list_runs_on_past_a_name_cut_short():
    d = Doc("此次联建由甲社区党委、乙学校党总支、某某置业丙公司党支部、丁厂党支部共同发起。")
    for name in ("甲社区党委", "乙学校党总支", "丙公司党支部", "丁厂党支部"):
        d.org(name)
    assert len(d.triples("partnerOf")) == 6


def test_partners_the_writers_own_unit_before_a_list_is_no_party():
    d = Doc("梅林社区党委第一党支部、第二党支部与我校学生党支部、青年党支部举行共建签约仪式。")
    d.org("梅林社区党委第一党支部")
    d.org("第二党支部", name="梅林社区党委第二党支部")
    d.org("学生党支部")
    d.org("青年党支部")
    pairs = {tuple(sorted((a, b))) for a, _, b in d.triples("partnerOf")}
    assert pairs == {tuple(sorted(p)) for p in [
        ("梅林社区党委第一党支部", "学生党支部"), ("梅林社区党委第一党支部", "青年党支部"),
        ("梅林社区党委第二党支部", "学生党支部"), ("梅林社区党委第二党支部", "青年党支部")]}


def test_partners_a_venue_between_the_parties_and_the_signing_does_not_hide_it():
    d = Doc("11月2日，青松银行梅林支行党支部与桃李村党支部在桃李村党群服务中心举办“党建联建协议”签约仪式。")
    d.org("青松银行梅林支行党支部")
    d.org("桃李村党支部")
    d.place("桃李村党群服务中心")
    assert {frozenset((a, b)) for a, _, b in d.triples("partnerOf")} == {
        frozenset(("青松银行梅林支行党支部", "桃李村党支部"))}


def test_partners_a_visit_to_a_venue_is_no_signing():
    d = Doc("11月2日，青松银行梅林支行党支部与桃李村党支部在桃李村党群服务中心参观学习，交流党建心得。")
    d.org("青松银行梅林支行党支部")
    d.org("桃李村党支部")
    d.place("桃李村党群服务中心")
    assert d.triples("partnerOf") == set()


def test_partners_the_bodies_whose_heads_sign_are_partners():
    d = Doc("会上，青松集团党委书记王小明、桃李社区党委书记李大山分别代表本单位签署了共建协议。")
    d.org("青松集团党委")
    d.org("桃李社区党委")
    d.person("王小明")
    d.person("李大山")
    [rel] = d.relations("partnerOf")
    assert {rel.subject.name, rel.object.name} == {"青松集团党委", "桃李社区党委"}
    assert rel.rule == "partner-signatories"


def test_partners_heads_who_only_attend_a_signing_ceremony_pair_nothing():
    d = Doc("青松集团党委书记王小明、桃李社区党委书记李大山出席签约仪式。")
    d.org("青松集团党委")
    d.org("桃李社区党委")
    d.person("王小明")
    d.person("李大山")
    assert d.triples("partnerOf") == set()


def test_partners_a_body_called_the_agents_co_building_unit_is_its_partner():
    d = Doc("近日，青松社区链接共建单位梅林信托有限公司等，对小游园进行翻新。")
    d.area("青松社区", "Community")
    d.org("梅林信托有限公司", "Enterprise")
    assert d.triples("partnerOf") == {("青松社区", "partnerOf", "梅林信托有限公司")}


def test_partners_a_place_that_opens_an_unknown_units_name_is_no_partner():
    d = Doc("青松社区链接共建单位梅林市市政设施管理处等，对出入口进行改造。")
    d.area("青松社区", "Community")
    d.area("梅林市", "City")
    assert d.triples("partnerOf") == set()


def test_partners_an_area_after_zai_is_where_they_meet_not_a_party():
    d = Doc("青松集团今天在云州市与梅林公司签订共建协议。")
    d.org("青松集团", "Enterprise")
    d.area("云州市", "City")
    d.org("梅林公司", "Enterprise")
    assert all("云州市" not in (r.subject.name, r.object.name) for r in d.relations("partnerOf"))


def test_partners_areas_listed_before_a_body_named_after_the_last_stand_for_their_bodies():
    # 云州、梅林青年联合会: 云州 stands for 云州青年联合会, written once; the city is no party
    d = Doc("青松青年联合会和云州、梅林青年联合会共同开展“青春驿站”活动。")
    d.org("青松青年联合会", "SocialOrganization")
    d.area("云州", "City", name="云州市")
    d.area("梅林", "City", name="梅林市")
    d.org("梅林青年联合会", "SocialOrganization")
    d.initiative("“青春驿站”活动", "Campaign")
    ends = {r.subject.name for r in d.relations()} | {r.object.name for r in d.relations()}
    assert "云州市" not in ends
    assert ("梅林青年联合会", "runs", "青春驿站活动") in d.triples("runs")


def test_partners_an_area_before_a_count_is_not_the_omitted_subject():
    # 云州两家水果商: the merchants sign, the city only says where they are from
    d = Doc("不久，云州两家水果商便飞到青松镇，与镇政府签订协议。")
    d.area("云州", "City", name="云州市")
    d.area("青松镇", "Town")
    d.org("镇政府", "GovernmentAgency", name="青松镇政府")
    assert d.relations("partnerOf") == []


@pytest.mark.parametrize("text", ["青松社区牵手梅林公司开展活动。", "青松社区会同梅林公司开展检查。",
                                  "青松社区和梅林公司结成党建联盟。"])
def test_partners_acting_together_or_forming_an_alliance_makes_partners(text):
    pairs = {(r.subject.name, r.object.name) for r in extracted(text, "partnerOf")}
    assert pairs == {("青松社区", "梅林公司")}


@pytest.mark.parametrize("where", ["辖区内的", "辖区", "驻区单位", "辖区内的驻区单位"])
def test_partners_the_partners_area_may_open_the_list_after_the_connective(where):
    text = f"青松街道党工委与{where}云州大学签订了共建协议。"
    assert {(r.subject.name, r.object.name) for r in extracted(text, "partnerOf")} == \
        {("青松街道党工委", "云州大学")}


def test_partners_gai_and_a_kind_of_body_opening_the_clause_is_the_one_named_last():
    text = "青松社区联合云州大学开展活动。该社区还与梅林消防救援站结对共建。"
    assert ("青松社区", "梅林消防救援站") in \
        {(r.subject.name, r.object.name) for r in extracted(text, "partnerOf")}


@pytest.mark.parametrize("verb", ["缔结", "结为"])
def test_partners_bodies_that_conclude_a_bond_are_partners(verb):
    text = f"青松商会与梅林商会{verb}友好商会。"
    assert {(r.subject.name, r.object.name) for r in extracted(text, "partnerOf")} == \
        {("青松商会", "梅林商会")}


def test_partners_a_list_counted_in_apposition_before_the_verb_signs_together():
    text = "青松街道、梅林街道、白鹭街道三个街道签订联防联控协议。"
    assert {frozenset((r.subject.name, r.object.name)) for r in extracted(text, "partnerOf")} == {
        frozenset(("青松街道", "梅林街道")), frozenset(("青松街道", "白鹭街道")),
        frozenset(("梅林街道", "白鹭街道"))}


def test_partners_a_party_named_after_a_chain_of_places_and_met_at_a_venue_in_one():
    # 青松县白鹭镇 before the village's branch, 白鹭镇 before the venue: each name is the chain's last
    d = Doc("青松银行梅林支行党支部与青松县白鹭镇桃李村党支部在白鹭镇桃李村党群服务中心举办签约仪式。")
    d.org("青松银行梅林支行党支部")
    d.area("青松县", "County")
    d.area("白鹭镇", "Town")
    d.area("桃李村", "Village")
    d.org("桃李村党支部")
    d.area("白鹭镇", "Town", nth=1)
    d.area("桃李村", "Village", nth=1)
    d.place("桃李村党群服务中心")
    assert {frozenset((a, b)) for a, _, b in d.triples("partnerOf")} == {
        frozenset(("青松银行梅林支行党支部", "桃李村党支部"))}


def test_partners_bodies_listed_before_how_many_parties_sign_are_pairwise_partners():
    text = "青松社区党委、白鹭中学党支部、梅林派出所党支部三方签订共建协议。"
    assert {frozenset((r.subject.name, r.object.name)) for r in extracted(text, "partnerOf")} == {
        frozenset(("青松社区党委", "白鹭中学党支部")), frozenset(("青松社区党委", "梅林派出所党支部")),
        frozenset(("白鹭中学党支部", "梅林派出所党支部"))}


def test_partners_a_units_body_after_an_areas_body_is_not_made_the_areas():
    text = "青松街道党工委和白鹭集团党委联合举办座谈会。"
    assert {(r.subject.name, r.object.name) for r in extracted(text, "partnerOf")} == {
        ("青松街道党工委", "白鹭集团党委")}


def test_partners_a_police_station_listed_after_an_areas_body_keeps_its_own_name():
    text = "白鹭街道联合青松区消防救援大队、梅林派出所开展夜查行动。"
    assert {r.object.name for r in extracted(text, "partnerOf")} == {"青松区消防救援大队", "梅林派出所"}


@pytest.mark.parametrize("subject", ["街道", "街道还", "社区里"])
def test_partners_a_bare_word_for_an_area_opening_the_clause_is_the_one_the_article_named(subject):
    word = subject[:2]
    named = {"街道": "青石街道", "社区": "白鹭社区"}[word]
    text = f"{named}党工委书记王明介绍了情况。今年3月，{subject}与梅林大学签订了共建协议。"
    assert {(r.subject.name, r.object.name) for r in extracted(text, "partnerOf")} == {
        (named, "梅林大学")}


def test_partners_a_list_counted_by_its_kind_signs_with_the_body_after_the_connective():
    text = "白鹭中学、梅林医院等单位与青松街道党工委签订共建协议。"
    assert {frozenset((r.subject.name, r.object.name)) for r in extracted(text, "partnerOf")} == {
        frozenset(("白鹭中学", "青松街道党工委")), frozenset(("梅林医院", "青松街道党工委"))}


def test_partners_a_list_counted_by_its_kind_that_signs_together_is_pairwise_partners():
    text = "青松高新区、梅林高新区等10家开发园区就园区发展和非公企业党建工作签订合作共建协议。"
    assert {frozenset((r.subject.name, r.object.name)) for r in extracted(text, "partnerOf")} == {
        frozenset(("青松高新区", "梅林高新区"))}
