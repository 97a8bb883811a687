from relate_kit import Doc


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
