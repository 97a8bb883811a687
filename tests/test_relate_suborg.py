from relate_kit import Doc, extracted


def test_suborg_party_body_inside_its_unit():
    d = Doc("梅林企业服务中心党总支成立服务联盟。")
    d.org("梅林企业服务中心党总支")
    d.org("梅林企业服务中心", "PublicInstitution")
    [rel] = d.relations("subOrganizationOf")
    assert (rel.subject.name, rel.object.name, rel.rule) == (
        "梅林企业服务中心党总支", "梅林企业服务中心", "name-nested")
    assert rel.confidence >= 0.9


def test_suborg_branch_of_a_bank_located_in_its_place():
    d = Doc("青松银行梅林园区支行推出新产品。")
    d.org("青松银行梅林园区支行", "Enterprise")
    d.org("青松银行", "Enterprise")
    d.area("梅林园区", "DevelopmentZone")
    assert d.triples() >= {("青松银行梅林园区支行", "subOrganizationOf", "青松银行"),
                           ("青松银行梅林园区支行", "locatedIn", "梅林园区")}


def test_suborg_a_party_body_inside_a_unit_is_not_located_in_the_units_place():
    d = Doc("梅林区服务中心党总支开展活动。")
    d.org("梅林区服务中心党总支")
    d.org("梅林区服务中心", "PublicInstitution")
    d.area("梅林区", "District")
    assert ("梅林区服务中心党总支", "locatedIn", "梅林区") not in d.triples()
    assert ("梅林区服务中心", "locatedIn", "梅林区") in d.triples()


def test_suborg_department_of_a_committee_by_name_prefix():
    d = Doc("梅林区委召开会议，梅林区委宣传部作部署。")
    d.org("梅林区委")
    d.org("梅林区委宣传部", "GovernmentAgency")
    assert d.triples("subOrganizationOf") == {("梅林区委宣传部", "subOrganizationOf", "梅林区委")}


def test_suborg_statement_li_shu():
    d = Doc("桃李镇商会隶属于梅林区工商联。")
    d.org("桃李镇商会", "SocialOrganization")
    d.org("梅林区工商联", "SocialOrganization")
    assert ("桃李镇商会", "subOrganizationOf", "梅林区工商联") in d.triples("subOrganizationOf")


def test_suborg_no_relation_between_two_bodies_named_side_by_side():
    d = Doc("梅林区工商联与桃李镇商会举行座谈。")
    d.org("梅林区工商联", "SocialOrganization")
    d.org("桃李镇商会", "SocialOrganization")
    assert d.relations("subOrganizationOf") == []


def test_suborg_a_body_named_after_another_body_of_the_article_is_its_part():
    d = Doc("梅林市政府召开会议。梅林市政府办负责组织。")
    d.org("梅林市政府", "GovernmentAgency")
    d.org("梅林市政府办", "GovernmentAgency")
    d.area("梅林市", "City", nth=1)
    assert ("梅林市政府办", "subOrganizationOf", "梅林市政府") in d.triples("subOrganizationOf")


def test_suborg_a_body_written_short_is_not_part_of_its_full_name():
    d = Doc("青松街道办事处召开会议，青松街道办主任发言。")
    d.org("青松街道办事处", "GovernmentAgency")
    d.org("青松街道办", "GovernmentAgency", nth=1)
    assert d.triples("subOrganizationOf") == set()


def test_suborg_the_members_a_body_is_composed_of_are_its_parts():
    d = Doc("梅林教育集团成立于2020年，由青松小学、桃李小学组成。")
    d.org("梅林教育集团", "PublicInstitution")
    d.org("青松小学", "PublicInstitution")
    d.org("桃李小学", "PublicInstitution")
    assert d.triples("subOrganizationOf") == {("青松小学", "subOrganizationOf", "梅林教育集团"),
                                              ("桃李小学", "subOrganizationOf", "梅林教育集团")}


def test_suborg_members_of_a_list_closed_by_a_count_even_past_a_missed_name():
    d = Doc("青禾教育集团成立于2020年，由甲山实验小学、乙水小学和丙林小学三所学校组成。")
    d.org("青禾教育集团", "PublicInstitution")
    d.org("乙水小学", "PublicInstitution")
    d.org("丙林小学三所学校", "PublicInstitution")
    d.org("丙林小学", "PublicInstitution")
    triples = d.triples("subOrganizationOf")
    assert {("乙水小学", "subOrganizationOf", "青禾教育集团"),
            ("丙林小学", "subOrganizationOf", "青禾教育集团")} <= triples
    assert ("丙林小学三所学校", "subOrganizationOf", "青禾教育集团") not in triples


def test_suborg_members_of_a_list_closed_by_deng():
    d = Doc("青禾联盟成立于2021年，由乙水小学、丙林中学等单位组成。")
    d.org("青禾联盟", "SocialOrganization")
    d.org("乙水小学", "PublicInstitution")
    d.org("丙林中学", "PublicInstitution")
    assert d.triples("subOrganizationOf") == {("乙水小学", "subOrganizationOf", "青禾联盟"),
                                              ("丙林中学", "subOrganizationOf", "青禾联盟")}


def test_suborg_a_branch_written_in_full_is_the_branch_not_a_part_of_it():
    d = Doc("青松职校与梅林区科技局支部委员会签署共建协议。")
    d.org("青松职校", "PublicInstitution")
    d.org("梅林区科技局", "GovernmentAgency", at=6)
    d.org("梅林区科技局支部", at=6)
    d.org("梅林区科技局支部委员会", at=6)
    triples = d.triples("subOrganizationOf")
    assert ("梅林区科技局支部委员会", "subOrganizationOf", "梅林区科技局") in triples
    assert ("梅林区科技局支部委员会", "subOrganizationOf", "梅林区科技局支部") not in triples


def test_suborg_a_committee_of_a_branch_is_a_part_of_the_branch():
    d = Doc("梅林区科技局支部宣传委员会召开会议。")
    d.org("梅林区科技局", "GovernmentAgency")
    d.org("梅林区科技局支部")
    d.org("梅林区科技局支部宣传委员会")
    assert ("梅林区科技局支部宣传委员会", "subOrganizationOf", "梅林区科技局支部") in d.triples(
        "subOrganizationOf")


def test_suborg_a_branch_named_after_an_area_is_under_the_areas_committee():
    d = Doc("青松社区党总支与梅林镇党委达成共建协议，成立梅林镇驻青党支部。")
    d.org("青松社区党总支")
    d.org("梅林镇党委")
    d.org("梅林镇驻青党支部")
    d.area("梅林镇", "Town", nth=1)
    rels = [r for r in d.relations("subOrganizationOf") if r.subject.name == "梅林镇驻青党支部"]
    assert [(r.object.name, r.rule) for r in rels] == [("梅林镇党委", "suborg-area-committee")]


def test_suborg_a_branch_named_after_an_area_whose_committee_is_not_named_has_no_parent():
    d = Doc("青松社区党总支成立梅林镇驻青党支部。")
    d.org("青松社区党总支")
    d.org("梅林镇驻青党支部")
    d.area("梅林镇", "Town")
    assert d.triples("subOrganizationOf") == set()


def test_suborg_each_body_listed_after_its_owner_is_under_it():
    text = "青松市工商联所属的梅林商会、青枫商会、白鹭商会联合开展活动。"
    assert {(r.subject.name, r.object.name) for r in extracted(text, "subOrganizationOf")} >= {
        ("梅林商会", "青松市工商联"), ("青枫商会", "青松市工商联"), ("白鹭商会", "青松市工商联")}
    # the list ends before the next owner
    text = "由青松市文化局下属的梅林出版社、白鹭出版社和青松市广电局下属的青松电视台组成。"
    found = {(r.subject.name, r.object.name) for r in extracted(text, "subOrganizationOf")}
    assert ("青松市广电局", "青松市文化局") not in found
    assert {("梅林出版社", "青松市文化局"), ("白鹭出版社", "青松市文化局")} <= found
