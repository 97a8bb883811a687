"""Names a relation needs that the recogniser did not report become mentions of the article."""
from kg.relate import extra_mentions

from relate_kit import Doc


def test_relate_mentions_derived_ends_are_reported_for_the_resolver():
    d = Doc("梅林市委书记、市长赵六出席。青松区民政局发布通知。")
    d.org("梅林市委")
    d.person("赵六")
    d.org("青松区民政局", "GovernmentAgency")
    extra = extra_mentions(d.mentions, d.relations())
    names = {(m.kind, m.name) for m in extra}
    assert names == {("Place", "梅林市"), ("Place", "青松区")}
    area = next(m for m in extra if m.name == "青松区")
    assert d.text[area.start:area.end] == "青松区" and area.level == "District"


def test_relate_mentions_nothing_extra_when_every_end_was_recognised():
    d = Doc("梅林街道红叶志愿者服务队队长王小明发言。")
    d.org("梅林街道红叶志愿者服务队", "SocialOrganization")
    d.area("梅林街道", "Subdistrict")
    d.person("王小明")
    assert d.relations() and extra_mentions(d.mentions, d.relations()) == ()


def test_relate_is_deterministic_whatever_the_mention_order():
    d = Doc("近日，梅林市青松区桃李镇发布“邻里帮”品牌，与青松银行签署协议。")
    d.area("梅林市", "City")
    d.area("青松区", "District")
    d.area("桃李镇", "Town")
    d.initiative("“邻里帮”品牌", "Brand")
    d.org("青松银行", "Enterprise")
    first = d.relations()
    d.mentions.reverse()
    assert d.relations() == first and len(first) >= 4
