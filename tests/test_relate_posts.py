from relate_kit import Doc


def test_posts_single_title_gives_membership_with_role():
    d = Doc("梅林街道红叶志愿者服务队队长张三丰为新队员发放工作包。")
    d.area("梅林街道", "Subdistrict")
    d.org("梅林街道红叶志愿者服务队", "SocialOrganization")
    d.person("张三丰")
    [rel] = d.relations("memberOf")
    assert (rel.subject.name, rel.object.name, rel.role) == ("张三丰", "梅林街道红叶志愿者服务队", "队长")
    assert d.evidence(rel) == d.text
    assert rel.confidence >= 0.8


def test_posts_title_chain_gives_one_membership_each_with_scope_inheritance():
    d = Doc("最后，青松区委常委、经开区党工委副书记、管委会副主任李四海作总结。")
    d.org("青松区委")
    d.org("经开区党工委", name="青松经济技术开发区党工委")
    d.org("管委会", "GovernmentAgency")
    d.person("李四海")
    roles = {(r.object.name, r.role) for r in d.relations("memberOf")}
    assert roles == {("青松区委", "常委"), ("青松经济技术开发区党工委", "副书记"),
                     ("青松经济技术开发区管委会", "副主任")}
    inherited = [r for r in d.relations("memberOf") if r.object.name.endswith("管委会")]
    assert inherited[0].rule == "title-chain-scope" and inherited[0].confidence < 0.9


def test_posts_bare_department_is_completed_from_the_committee_before_it():
    d = Doc("青松区委副书记、组织部部长、统战部副部长王五出席。")
    d.org("青松区委")
    d.org("统战部", "GovernmentAgency")
    d.person("王五")
    assert {(r.object.name, r.role) for r in d.relations("memberOf")} == {
        ("青松区委", "副书记"), ("青松区委组织部", "部长"), ("青松区委统战部", "副部长")}
    assert d.triples("subOrganizationOf") == {("青松区委组织部", "subOrganizationOf", "青松区委"),
                                              ("青松区委统战部", "subOrganizationOf", "青松区委")}


def test_posts_head_of_government_holds_the_post_in_the_peoples_government():
    d = Doc("梅林市委书记、市长赵六等出席。")
    d.org("梅林市委")
    d.person("赵六")
    assert {(r.object.name, r.role) for r in d.relations("memberOf")} == {
        ("梅林市委", "书记"), ("梅林市人民政府", "市长")}


def test_posts_role_as_written_keeps_the_words_between_body_and_title():
    d = Doc("青松建设集团基础设施板块总工程师、省“双创”人才钱七说，技术已经成熟。")
    d.org("青松建设集团", "Enterprise")
    d.person("钱七")
    [rel] = d.relations("memberOf")
    assert (rel.role, rel.role_label) == ("总工程师", "基础设施板块总工程师")


def test_posts_chain_in_brackets_after_the_name():
    d = Doc("孙八（青松社区党委书记）介绍了经验。")
    d.org("青松社区党委")
    d.person("孙八")
    assert d.triples("memberOf") == {("孙八", "memberOf", "青松社区党委")}


def test_posts_title_overlapping_the_body_name_is_cut_at_the_body():
    d = Doc("青松社区党支部书记周九说。")
    d.org("青松社区党支部")
    d.person("周九")
    [rel] = d.relations("memberOf")
    assert rel.role == "书记"


def test_posts_no_membership_without_a_title_before_the_name():
    d = Doc("青松社区党委组织张三丰等居民参加活动。梅林街道与李四海座谈。")
    d.org("青松社区党委")
    d.area("梅林街道", "Subdistrict")
    d.person("张三丰")
    d.person("李四海")
    assert d.relations("memberOf") == []


def test_posts_an_organisation_holding_a_seat_is_never_a_person():
    d = Doc("区工商联副主席、桃李镇商会会长单位青松控股集团引入外资。")
    d.org("区工商联", "SocialOrganization")
    d.org("桃李镇商会", "SocialOrganization")
    d.org("青松控股集团", "Enterprise")
    assert d.relations("memberOf") == []


def test_posts_a_body_across_punctuation_is_not_the_holders():
    d = Doc("青松社区党委，书记张三丰说。")
    d.org("青松社区党委")
    d.person("张三丰")
    assert d.relations("memberOf") == []


def test_posts_body_right_before_a_name_without_title_is_a_membership_without_role():
    d = Doc("梅林系统医学研究所王小明当选为代表。")
    d.org("梅林系统医学研究所", "PublicInstitution")
    d.person("王小明")
    [rel] = d.relations("memberOf")
    assert (rel.object.name, rel.role, rel.rule) == ("梅林系统医学研究所", "", "apposition")
    assert rel.confidence < 0.8


def test_posts_bare_level_word_before_a_title_is_the_articles_area():
    title = "梅林街道推进楼长制"
    d = Doc(title + "\n梅林街道推进楼长制。“问题当天处理。”街道分管领导钱多多如是说。", title=title)
    d.area("梅林街道", "Subdistrict")
    d.area("梅林街道", "Subdistrict", nth=1)
    d.person("钱多多")
    assert {(r.object.name, r.role) for r in d.relations("memberOf")} == {("梅林街道", "分管领导")}
