import pytest

from relate_kit import Doc, extracted


def test_issued_verb_before_the_title():
    d = Doc("今年，梅林区党工委发布《梅林商圈党建三年行动计划》，推动楼宇发展。")
    d.org("梅林区党工委")
    d.document("《梅林商圈党建三年行动计划》")
    [rel] = d.relations("issuedBy")
    assert (rel.subject.name, rel.object.name, rel.rule) == (
        "《梅林商圈党建三年行动计划》", "梅林区党工委", "issued-verb")


def test_issued_passive_form():
    d = Doc("《青松社区议事规则》由青松社区居委会印发。")
    d.document("《青松社区议事规则》")
    d.org("青松社区居委会", "GovernmentAgency")
    assert d.triples("issuedBy") == {("《青松社区议事规则》", "issuedBy", "青松社区居委会")}


def test_issued_title_named_after_its_issuer():
    d = Doc("桃李镇召开大会，学习青松镇党委的《青松镇党委移风易俗实施意见》。")
    d.area("桃李镇", "Town")
    d.org("青松镇党委")
    d.document("《青松镇党委移风易俗实施意见》")
    [rel] = d.relations("issuedBy")
    assert rel.object.name == "青松镇党委" and rel.confidence < 0.8


def test_issued_title_named_after_an_area_is_the_areas_when_a_verb_of_issuing_stands_by():
    d = Doc("此外，《桃李镇移风易俗行动方案》制定出台。")
    d.area("桃李镇", "Town", at=3)
    d.document("《桃李镇移风易俗行动方案》")
    [rel] = d.relations("issuedBy")
    assert rel.object.name == "桃李镇" and rel.confidence < 0.8


def test_issued_nothing_for_a_document_named_after_the_area_it_applies_in():
    d = Doc("梅林街道提醒居民，根据《桃李市出租房屋管理条例》，禁止在室内存放电瓶车。桃李市召开会议。")
    d.area("梅林街道", "Subdistrict")
    d.area("桃李市", "City", nth=1)
    d.document("《桃李市出租房屋管理条例》")
    assert d.relations("issuedBy") == []


def test_issued_nothing_for_a_document_merely_studied():
    d = Doc("梅林街道组织党员学习《党建工作手册》。")
    d.area("梅林街道", "Subdistrict")
    d.document("《党建工作手册》")
    assert d.relations("issuedBy") == []


def test_issued_nothing_for_an_agreement_its_signers_are_partners():
    d = Doc("青松社区党委与梅林小学党支部签署《结对共建协议书》。")
    d.org("青松社区党委")
    d.org("梅林小学党支部")
    d.document("《结对共建协议书》")
    assert d.relations("issuedBy") == []
    assert d.triples("partnerOf") == {("青松社区党委", "partnerOf", "梅林小学党支部")}


def test_issued_a_notice_by_two_bodies_and_the_document_it_issues():
    d = Doc("学习《中共梅林区委梅林区人民政府关于印发<青松社区治理实施方案>的通知》精神。梅林区委、梅林区政府召开会议。")
    d.document("《中共梅林区委梅林区人民政府关于印发<青松社区治理实施方案>的通知》")
    d.add("青松社区治理实施方案", "PolicyDocument", "PolicyDocument")
    d.org("梅林区委", nth=1)
    d.org("梅林区政府", "GovernmentAgency")
    assert {(r.subject.name.strip("《》"), r.object.name) for r in d.relations("issuedBy")} == {
        ("中共梅林区委梅林区人民政府关于印发<青松社区治理实施方案>的通知", "梅林区委"),
        ("中共梅林区委梅林区人民政府关于印发<青松社区治理实施方案>的通知", "梅林区政府"),
        ("青松社区治理实施方案", "梅林区委"), ("青松社区治理实施方案", "梅林区政府")}


def test_issued_a_national_law_is_not_issued_by_the_body_its_title_names():
    d = Doc("青松村实施《中华人民共和国村民委员会组织法》，选举村委会。")
    d.area("青松村", "Village")
    d.org("中华人民共和国村民委员会", "GovernmentAgency", at=d.text.index("中华"))
    d.document("《中华人民共和国村民委员会组织法》")
    assert d.relations("issuedBy") == []


def test_issued_bodies_listed_before_the_verb_issue_it_together():
    text = "青松区委组织部、区民政局联合印发《关于加强社区工作者队伍建设的实施意见》。"
    issuers = {r.object.name for r in extracted(text, "issuedBy")}
    assert issuers == {"青松区委组织部", "青松区民政局"}


def test_issued_passive_with_a_list_of_issuers():
    text = "《青松区社区治理三年行动计划》由青松区委、区政府印发。"
    assert {r.object.name for r in extracted(text, "issuedBy")} == {"青松区委", "青松区政府"}


def test_issued_a_list_written_after_the_party_prefix_issues_it_together_as_partners():
    text = "中共青松区委组织部、区民政局联合印发《关于加强社区工作者队伍建设的实施意见》。"
    assert {r.object.name for r in extracted(text, "issuedBy")} == {"青松区委组织部", "青松区民政局"}
    assert {frozenset((r.subject.name, r.object.name)) for r in extracted(text, "partnerOf")} == \
        {frozenset(("青松区委组织部", "青松区民政局"))}


def test_issued_a_body_and_the_one_it_joins_issue_it_together():
    text = "青松区委组织部联合青松区民政局印发《社区工作者管理办法》。"
    assert {r.object.name for r in extracted(text, "issuedBy")} == {"青松区委组织部", "青松区民政局"}


@pytest.mark.parametrize("text, issuers", [
    ("《青松区党建引领基层治理实施方案》近日由青松区委组织部出台。", {"青松区委组织部"}),
    ("青松市委组织部、市民政局等部门联合出台《关于加强服务管理的若干措施》。",
     {"青松市委组织部", "青松市民政局"}),
    ("青松街道党工委研究制定《青松街道“邻里守望”工作规范》。", {"青松街道党工委"}),
    ("根据青松区委《关于开展“邻里守望”行动的通知》要求，各街道迅速行动。", {"青松区委"}),
])
def test_issued_more_wordings_of_who_issues_a_document(text, issuers):
    assert {r.object.name for r in extracted(text, "issuedBy")} == issuers


def test_issued_a_congress_that_passes_a_regulation_issues_it():
    text = "青松区人大常委会审议通过了《青松区物业管理条例》。"
    assert {(r.subject.name, r.object.name) for r in extracted(text, "issuedBy")} == {
        ("《青松区物业管理条例》", "青松区人大常委会")}
