from relate_kit import Doc


def test_issued_verb_before_the_title():
    d = Doc("今年，梅林区党工委发布《梅林楼宇党建三年行动计划》，推动楼宇发展。")
    d.org("梅林区党工委")
    d.document("《梅林楼宇党建三年行动计划》")
    [rel] = d.relations("issuedBy")
    assert (rel.subject.name, rel.object.name, rel.rule) == (
        "《梅林楼宇党建三年行动计划》", "梅林区党工委", "issued-verb")


def test_issued_passive_form():
    d = Doc("《青松社区议事规则》由青松社区居委会印发。")
    d.document("《青松社区议事规则》")
    d.org("青松社区居委会", "GovernmentAgency")
    assert d.triples("issuedBy") == {("《青松社区议事规则》", "issuedBy", "青松社区居委会")}


def test_issued_title_named_after_its_issuer():
    d = Doc("桃李镇召开大会，学习《桃李镇移风易俗实施方案》。")
    d.area("桃李镇", "Town")
    d.document("《桃李镇移风易俗实施方案》")
    [rel] = d.relations("issuedBy")
    assert rel.object.name == "桃李镇" and rel.confidence < 0.8


def test_issued_nothing_for_a_document_merely_studied():
    d = Doc("梅林街道组织党员学习《党建工作手册》。")
    d.area("梅林街道", "Subdistrict")
    d.document("《党建工作手册》")
    assert d.relations("issuedBy") == []
