import pytest

from relate_kit import Doc, extracted


def test_runs_clause_subject_runs_every_initiative_of_its_sentence():
    d = Doc("今年，梅林区党工委以“楼宇聚力”为书记项目，推动楼宇加入梅林党建联盟，"
            "创新“一楼一员”服务机制，打造“梅林客厅”。")
    d.org("梅林区党工委")
    d.initiative("楼宇聚力", "SecretaryProject")
    d.org("梅林党建联盟", "SocialOrganization")
    d.initiative("“一楼一员”服务机制")
    d.initiative("“梅林客厅”", "ServicePoint")
    assert d.triples("runs") == {("梅林区党工委", "runs", "楼宇聚力"),
                                 ("梅林区党工委", "runs", "一楼一员服务机制"),
                                 ("梅林区党工委", "runs", "梅林客厅")}
    assert all(r.confidence >= 0.8 and r.rule == "run-verb" for r in d.relations("runs"))


def test_runs_omitted_subject_falls_back_to_the_article_subject_with_lower_confidence():
    d = Doc("青松社区党委稳步推进书记项目\n青松社区党委精心打造“网格＋”书记项目。"
            "社区立足管理难点，推进“竹巷”品牌建设。", title="青松社区党委稳步推进书记项目")
    d.org("青松社区党委")
    d.org("青松社区党委", nth=1)
    d.initiative("“网格＋”书记项目", "SecretaryProject")
    d.initiative("“竹巷”品牌", "Brand")
    rels = {r.object.name: r for r in d.relations("runs")}
    assert rels["网格＋书记项目"].confidence == pytest.approx(0.85)
    omitted = rels["竹巷品牌"]
    assert omitted.subject.name == "青松社区党委"
    assert omitted.rule == "run-article-subject-verb" and omitted.confidence < 0.8
    assert d.evidence(omitted) == "社区立足管理难点，推进“竹巷”品牌建设。"


def test_runs_chain_of_names_runs_through_its_head():
    d = Doc("梅林高新区（桃李街道）青松社区党委精心打造“智慧网格”书记项目。")
    d.area("梅林高新区", "DevelopmentZone")
    d.area("桃李街道", "Subdistrict")
    d.org("青松社区党委")
    d.initiative("“智慧网格”书记项目", "SecretaryProject")
    assert d.triples("runs") == {("青松社区党委", "runs", "智慧网格书记项目")}


def test_runs_joint_launch_gives_both_runners():
    d = Doc("梅林购物中心与青松银行梅林支行联合推出“惠民通”合作项目。")
    d.org("梅林购物中心", "Enterprise")
    d.org("青松银行梅林支行", "Enterprise")
    d.initiative("“惠民通”合作项目", "Campaign")
    assert d.triples("runs") == {("梅林购物中心", "runs", "惠民通合作项目"),
                                 ("青松银行梅林支行", "runs", "惠民通合作项目")}


def test_runs_object_of_a_preposition_is_not_the_runner():
    d = Doc("梅林街道在青松区委的领导下，开展“清风”行动。")
    d.area("梅林街道", "Subdistrict")
    d.org("青松区委")
    d.initiative("“清风”行动", "Campaign")
    assert d.triples("runs") == {("梅林街道", "runs", "清风行动")}


def test_runs_nothing_when_no_agent_is_named_anywhere():
    d = Doc("居民们积极参加“邻里节”活动。大家很开心。")
    d.initiative("“邻里节”活动", "Campaign")
    assert d.relations("runs") == []


def test_runs_without_a_verb_scores_below_the_high_precision_cut():
    d = Doc("梅林街道召开会议，“红管家”品牌家喻户晓。")
    d.area("梅林街道", "Subdistrict")
    d.initiative("“红管家”品牌", "Brand")
    [rel] = d.relations("runs")
    assert rel.confidence < 0.8


def test_runs_area_in_an_article_about_its_body_means_the_body():
    title = "梅林区“委员议事厅”搭平台"
    d = Doc(title + "\n梅林区政协打造议政平台。梅林区政协还组织委员协商。", title=title)
    d.area("梅林区", "District")
    d.initiative("“委员议事厅”", "ServicePoint")
    d.org("梅林区政协", "GovernmentAgency")
    d.org("梅林区政协", "GovernmentAgency", nth=1)
    assert d.triples("runs") == {("梅林区政协", "runs", "委员议事厅")}


def test_runs_a_team_named_after_the_area_does_not_replace_the_area():
    title = "梅林街道发布“同心”品牌"
    d = Doc(title + "\n梅林街道红叶服务队开展活动。梅林街道红叶服务队招新。梅林街道红叶服务队表彰。",
            title=title)
    d.area("梅林街道", "Subdistrict")
    d.initiative("“同心”品牌", "Brand")
    for nth in range(3):
        d.org("梅林街道红叶服务队", "SocialOrganization", nth=nth)
    assert d.triples("runs") == {("梅林街道", "runs", "同心品牌")}


def test_runs_a_joint_launch_inside_the_clause_beats_the_clause_opener():
    d = Doc("梅林园区成为青松火炬中心与青松银行联合实施“百千万”专项行动的试点园区。")
    d.area("梅林园区", "DevelopmentZone")
    d.org("青松火炬中心", "PublicInstitution")
    d.org("青松银行", "Enterprise")
    d.initiative("“百千万”专项行动", "Campaign")
    assert d.triples("runs") == {("青松火炬中心", "runs", "百千万专项行动"),
                                 ("青松银行", "runs", "百千万专项行动")}


def test_runs_without_a_verb_the_article_subject_runs_only_where_the_text_still_speaks_of_it():
    d = Doc("青松街道党工委推进网格治理\n青松街道党工委推进网格治理。\n天气转凉，志愿者忙碌起来。\n"
            "居民来到“竹巷”服务站，领取物资。\n这是该街道“百日整治”行动的一项内容。",
            title="青松街道党工委推进网格治理")
    d.org("青松街道党工委")
    d.org("青松街道党工委", nth=1)
    d.initiative("“竹巷”服务站", "ServicePoint")
    d.initiative("“百日整治”行动", "Campaign")
    assert d.triples("runs") == {("青松街道党工委", "runs", "百日整治行动")}
    [rel] = d.relations("runs")
    assert rel.rule == "run-article-subject" and rel.confidence < 0.6


def test_runs_a_body_in_a_persons_post_does_not_run_what_the_person_visits():
    d = Doc("梅林市委常委、组织部部长王小明到桃李镇开展“送文化下基层”活动。")
    d.org("梅林市委")
    d.area("桃李镇", "Town")
    d.person("王小明")
    d.initiative("“送文化下基层”活动", "Campaign")
    assert d.triples("runs") == {("梅林市委组织部", "runs", "送文化下基层活动")}
    assert all(r.confidence < 0.8 for r in d.relations("runs"))


@pytest.mark.parametrize("opening", ["近日，", "今日云州讯 "])  # after a clause or a dateline
def test_runs_the_agent_right_before_the_verb_runs_its_initiative(opening):
    d = Doc(opening + "甲社区党委认领“邻里运动会”项目、乙局党支部认领“石桥维护”项目。")
    d.org("甲社区党委")
    d.org("乙局党支部")
    d.initiative("“邻里运动会”项目", "Project")
    d.initiative("“石桥维护”项目", "Project")
    assert d.triples("runs") == {("甲社区党委", "runs", "邻里运动会项目"),
                                 ("乙局党支部", "runs", "石桥维护项目")}


def test_runs_passive_with_a_partner_gives_both_runners():
    d = Doc("这个“乐享空间”就是由青松社区联合共建单位梅林再生资源公司共同打造的。")
    d.initiative("“乐享空间”", "ServicePoint")
    d.area("青松社区", "Community")
    d.org("梅林再生资源公司", "Enterprise")
    assert d.triples("runs") == {("青松社区", "runs", "乐享空间"),
                                 ("梅林再生资源公司", "runs", "乐享空间")}


def test_runs_both_sides_are_the_pair_signed_before():
    d = Doc("青松银行支行党支部与桃李村党支部签署协议。未来，双方将开展“金融惠民”行动。")
    d.org("青松银行支行党支部")
    d.org("桃李村党支部")
    d.initiative("“金融惠民”行动", "Campaign")
    assert d.triples("runs") == {("青松银行支行党支部", "runs", "金融惠民行动"),
                                 ("桃李村党支部", "runs", "金融惠民行动")}


def test_runs_a_body_joined_with_lianhe_runs_it_alone_and_the_other_is_its_partner():
    d = Doc("近日，青松社区联合梅林血站搭起“暖心献血站”。")
    d.area("青松社区", "Community")
    d.org("梅林血站", "PublicInstitution")
    d.initiative("“暖心献血站”", "ServicePoint")
    assert d.triples("runs") == {("青松社区", "runs", "暖心献血站")}
    assert d.triples("partnerOf") == {("青松社区", "partnerOf", "梅林血站")}


def test_runs_an_agent_before_a_locative_phrase_runs_what_it_carries_out():
    d = Doc("为进一步落实好青松区在非公企业党组织中实施“红帆领航”工程举措，梅林街道召开会议。")
    d.area("青松区", "District")
    d.area("梅林街道", "Subdistrict")
    d.initiative("“红帆领航”工程", "Project")
    assert d.triples("runs") == {("青松区", "runs", "红帆领航工程")}


def test_runs_every_body_of_a_list_opening_the_clause_runs_it():
    d = Doc("座谈会前，青松区委组织部和青松区民政局集中开展“社区调研周”活动。")
    d.org("青松区委组织部", "GovernmentAgency")
    d.org("青松区民政局", "GovernmentAgency")
    d.initiative("“社区调研周”活动", "Campaign")
    assert d.triples("runs") == {("青松区委组织部", "runs", "社区调研周活动"),
                                 ("青松区民政局", "runs", "社区调研周活动")}


def test_runs_nobody_runs_what_a_clause_only_visits_or_undergoes():
    d = Doc("青松村党支部推进治理\n全体党员参观了便民大厅、“说事厅”等功能室。一座厢房被改造成了“乐享空间”。",
            title="青松村党支部推进治理")
    d.org("青松村党支部")
    d.initiative("“说事厅”", "ServicePoint")
    d.initiative("“乐享空间”", "ServicePoint")
    assert d.relations("runs") == []


def test_runs_nobody_runs_what_a_clause_is_only_selected_into():
    d = Doc("青松区工商联推荐一批企业入选“稳订单”行动。")
    d.org("青松区工商联", "SocialOrganization")
    d.initiative("“稳订单”行动", "Campaign")
    assert d.relations("runs") == []


def _about_the_community(text: str) -> Doc:
    d = Doc("青松社区党委推进治理\n" + text, title="青松社区党委推进治理")
    d.org("青松社区党委")
    return d


def test_runs_someones_words_give_the_article_subject_nothing():
    d = _about_the_community("王小明说，社区是开展“青苗”行动的前沿阵地。")
    d.person("王小明")
    d.initiative("“青苗”行动", "Campaign")
    assert d.triples("runs") == set()


def test_runs_someones_words_go_on_into_the_next_sentence_without_an_agent():
    d = _about_the_community("王小明表示，将坚持党建引领。同时探索建立“三联”机制。")
    d.person("王小明")
    d.initiative("“三联”机制")
    assert d.triples("runs") == set()


def test_runs_an_exhortation_gives_the_article_subject_nothing():
    d = _about_the_community("要加快楼宇建设，构建“网格联盟”体系。")
    d.initiative("“网格联盟”体系")
    assert d.triples("runs") == set()


def test_runs_an_initiative_only_followed_is_not_the_article_subjects():
    d = _about_the_community("青松社区党委召开会议。会上，就如何按照“五步”工作机制提升治理水平进行了讨论。")
    d.org("青松社区党委", nth=1)
    d.initiative("“五步”工作机制")
    assert d.triples("runs") == set()


def test_runs_a_clause_opened_by_another_bodys_bare_word_is_that_bodys_not_the_article_subjects():
    d = Doc("梅林新区推进党建\n以财政局党支部为例，党支部实施“红芽”行动。", title="梅林新区推进党建")
    d.area("梅林新区", "DevelopmentZone")
    d.org("财政局党支部")
    d.initiative("“红芽”行动", "Campaign")
    assert d.triples("runs") == {("财政局党支部", "runs", "红芽行动")}  # not the 新区


def test_runs_subject_named_only_in_a_phrase_of_place_does_not_continue_the_discourse():
    d = Doc("云州市关爱骑手\n早上七点，语音提示响起。骑手们结束了在云州市青石街道“暖风”驿站召开的晨会。",
            title="云州市关爱骑手")
    d.area("云州市", "City")
    d.area("云州市", "City", nth=1)
    d.area("青石街道", "Subdistrict")
    d.initiative("“暖风”驿站", "ServicePoint")
    assert d.triples("runs") == set()


def test_runs_subject_named_inside_its_own_government_continues_the_discourse():
    d = Doc("梅林开发区比学赶超\n今年以来，干部作风明显转变。走进梅林开发区管委会大厅，墙上的“三比三争”行动作战图"
            "很是醒目。", title="梅林开发区比学赶超")
    d.area("梅林开发区", "DevelopmentZone")
    d.area("梅林开发区", "DevelopmentZone", nth=1)
    d.org("梅林开发区管委会", "GovernmentAgency")
    d.initiative("“三比三争”行动", "Campaign")
    [rel] = d.relations("runs")
    assert (rel.subject.name, rel.rule) == ("梅林开发区", "run-article-subject")
    assert rel.confidence < 0.6


def test_runs_subject_named_inside_another_bodys_name_does_not_continue_the_discourse():
    d = Doc("梅林区关爱骑手\n活动由梅林区委社会工作部主办。“暖风”驿站的启用带来了便利。",
            title="梅林区关爱骑手")
    d.area("梅林区", "District")
    d.org("梅林区委社会工作部")
    d.area("梅林区", "District", nth=1)
    d.initiative("“暖风”驿站", "ServicePoint")
    assert ("梅林区", "runs", "暖风驿站") not in d.triples("runs")


def test_runs_no_article_subject_when_the_headline_names_a_unit_the_names_miss():
    d = Doc("云州青石街道\n立足管理难点，推进“竹巷”品牌建设。", title="云州青石街道")
    d.area("云州", "City", name="云州市")
    d.initiative("“竹巷”品牌", "Brand")
    assert d.triples("runs") == set()


def test_runs_passive_reaches_past_the_quotes_a_recognised_name_leaves_out():
    d = Doc("这个“邻里书房”正是由青松社区联合梅林物业公司共同打造的。")
    d.initiative("邻里书房", "ServicePoint")  # the recogniser's span: the name inside the quotes
    d.area("青松社区", "Community")
    d.org("梅林物业公司", "Enterprise")
    assert d.triples("runs") == {("青松社区", "runs", "邻里书房"),
                                 ("梅林物业公司", "runs", "邻里书房")}


def test_runs_passive_needs_only_a_copula_between_the_name_and_you():
    d = Doc("这个“邻里书房”建成后，由青松社区负责日常管理。")
    d.initiative("邻里书房", "ServicePoint")
    d.area("青松社区", "Community")
    assert d.triples("runs") == set()


def test_runs_the_hosts_run_the_event_with_the_body_that_carries_it_out():
    d = Doc("1月5日，由梅林市青松街道党工委、桃李街道党工委主办，竹园社区党委承办的"
            "“邻里迎新春”主题活动在竹园社区举行。")
    d.area("梅林市", "City")
    d.org("青松街道党工委")
    d.org("桃李街道党工委")
    d.org("竹园社区党委")
    d.initiative("“邻里迎新春”主题活动", "Campaign")
    d.area("竹园社区", "Community", nth=1)
    runs = d.relations("runs")
    assert {(r.subject.name, r.object.name) for r in runs} == {
        ("青松街道党工委", "邻里迎新春主题活动"), ("桃李街道党工委", "邻里迎新春主题活动"),
        ("竹园社区党委", "邻里迎新春主题活动")}
    assert {r.rule for r in runs if r.subject.name != "竹园社区党委"} == {"run-host"}


def test_runs_a_body_that_carries_an_event_out_without_hosts_runs_it_alone():
    d = Doc("1月5日，青松街道党工委召开会议，竹园社区党委承办的“邻里迎新春”主题活动随后举行。")
    d.org("青松街道党工委")
    d.org("竹园社区党委")
    d.initiative("“邻里迎新春”主题活动", "Campaign")
    assert {r.rule for r in d.relations("runs")} == {"run-verb"}
    assert ("竹园社区党委", "runs", "邻里迎新春主题活动") in d.triples("runs")


def test_runs_points_listed_after_a_colon_are_the_doings_of_both_sides():
    d = Doc("青松银行支行党支部与桃李村党支部签署协议。未来，双方将聚焦三个方向推进联建："
            "一是开展“普惠金融进村”行动；二是打造“联建服务站”。")
    d.org("青松银行支行党支部")
    d.org("桃李村党支部")
    d.initiative("普惠金融进村", "Campaign")
    d.initiative("联建服务站", "ServicePoint")
    both = {"青松银行支行党支部", "桃李村党支部"}
    assert {(s, o) for s, _, o in d.triples("runs")} == {
        (s, o) for s in both for o in ("普惠金融进村", "联建服务站")}


def test_runs_points_after_a_colon_without_both_sides_do_not_go_to_the_pair():
    d = Doc("青松银行支行党支部与桃李村党支部签署协议。会上明确了三项工作："
            "一是开展“普惠金融进村”行动；二是打造“联建服务站”。")
    d.org("青松银行支行党支部")
    d.org("桃李村党支部")
    d.initiative("普惠金融进村", "Campaign")
    d.initiative("联建服务站", "ServicePoint")
    assert not {r for r in d.relations("runs") if r.rule == "run-both-sides"}


def test_runs_brand_written_after_its_owner_is_the_owners_whoever_acts_in_the_clause():
    d = Doc("梅林街道党工委书记王青参观了青松社区的“竹巷先锋”党建品牌展示。")
    d.org("梅林街道党工委")
    d.person("王青")
    d.area("青松社区", "Community")
    d.initiative("“竹巷先锋”党建品牌", "Brand")
    (run,) = d.relations("runs")
    assert (run.subject.name, run.object.name, run.rule) == ("青松社区", "竹巷先锋党建品牌", "run-owner")


def test_runs_brand_named_after_a_dash_is_the_bodys_that_the_brand_noun_follows():
    d = Doc("活动展出梅林街道党工委的“一网通”项目、青松社区党建品牌——竹巷课堂，吸引居民参观。")
    d.org("梅林街道党工委")
    d.initiative("“一网通”项目", "Campaign")
    d.area("青松社区", "Community")
    d.initiative("竹巷课堂", "Brand")
    assert ("青松社区", "runs", "竹巷课堂") in d.triples("runs")
    assert ("梅林街道党工委", "runs", "竹巷课堂") not in d.triples("runs")


def test_runs_bare_word_before_a_brand_is_the_nearest_body_named_with_that_word():
    d = Doc("云州教育集团党委书记王青介绍了集团“博学”党建品牌的做法。")
    d.org("云州教育集团党委")
    d.org("云州教育集团", "PublicInstitution")
    d.person("王青")
    d.initiative("“博学”党建品牌", "Brand")
    (run,) = d.relations("runs")
    assert (run.subject.name, run.object.name) == ("云州教育集团", "博学党建品牌")
    assert run.rule == "run-owner-word" and run.confidence < 0.8  # the owner is referred to


def test_runs_brand_after_a_verb_has_no_owner_written():
    d = Doc("青松社区党委推进“竹巷”品牌建设。")
    d.org("青松社区党委")
    d.initiative("“竹巷”品牌", "Brand")
    (run,) = d.relations("runs")
    assert (run.subject.name, run.rule) == ("青松社区党委", "run-verb")


def test_runs_quoted_programme_written_right_after_a_body_is_that_bodys():
    d = Doc("会上，梅林街道党工委推广了青松社区“三进三访”工作法。")
    d.org("梅林街道党工委")
    d.area("青松社区", "Community")
    d.initiative("“三进三访”工作法", "Mechanism")
    (run,) = d.relations("runs")
    assert (run.subject.name, run.rule) == ("青松社区", "run-owner")


def test_runs_an_agent_written_with_the_verb_outranks_the_owner():
    d = Doc("青松社区“暖心”项目由梅林公司党支部领办。")
    d.area("青松社区", "Community")
    d.initiative("“暖心”项目", "Campaign")
    d.org("梅林公司党支部")
    assert d.triples("runs") == {("梅林公司党支部", "runs", "暖心项目")}


def test_runs_a_clause_opened_by_a_bare_word_is_about_the_body_of_that_kind_named_before_it():
    d = Doc("活动现场，青松社区党总支书记王青介绍，社区始终坚持党建引领，创新推行“四心”工作法。")
    d.org("青松社区党总支")
    d.area("青松社区", "Community")
    d.person("王青")
    d.initiative("“四心”工作法", "Mechanism")
    (run,) = d.relations("runs")
    assert (run.subject.name, run.rule) == ("青松社区", "run-bare-word")



def test_runs_a_list_opening_an_earlier_clause_of_the_sentence_runs_it_together():
    d = Doc("青松社区党总支、梅林中学党支部、云州段党支部组成“益学”党建联盟，联合发布了“童心”服务活动。")
    d.org("青松社区党总支")
    d.org("梅林中学党支部")
    d.org("云州段党支部")
    d.org("“益学”党建联盟", "SocialOrganization")
    d.initiative("“童心”服务活动", "Campaign")
    assert {s for s, _, _ in d.triples("runs")} == {"青松社区党总支", "梅林中学党支部", "云州段党支部"}


def test_runs_a_dateline_glued_before_the_subject_opens_the_clause():
    d = Doc("本报讯云州市委深入开展“党员联户致富”活动。")
    d.org("云州市委")
    d.initiative("“党员联户致富”活动", "Campaign")
    assert d.triples("runs") == {("云州市委", "runs", "党员联户致富活动")}


@pytest.mark.parametrize("verb", ["总结提炼", "做强", "叫响", "坚持", "开办", "倡导"])
def test_runs_the_genres_verbs_of_keeping_and_growing_a_programme_make_the_agent_its_runner(verb):
    d = Doc(f"青松社区党委{verb}“红色先锋”行动，服务居民。")
    d.org("青松社区党委")
    d.initiative("“红色先锋”行动", "Campaign")
    [rel] = d.relations("runs")
    assert (rel.subject.name, rel.rule) == ("青松社区党委", "run-verb")


@pytest.mark.parametrize("text, runner", [
    ("云州市青松区召开会议。会上，该区发布了“青松红管家”品牌。", "青松区"),
    ("梅林街道位于云州市。近年来，该街道推出“红管家”服务品牌。", "梅林街道"),
])
def test_runs_a_clause_opened_by_gai_and_a_kind_of_area_is_that_area_named_last(text, runner):
    [rel] = extracted(text, "runs")
    assert (rel.subject.name, rel.rule) == (runner, "run-bare-word")


def test_runs_gai_before_a_common_word_of_a_level_character_refers_to_no_area():
    # 该市场监管局: "this market regulator", not "this city"
    runners = {r.subject.name for r in extracted("云州市召开会议。该市场监管局推出“放心消费”行动。", "runs")}
    assert "云州市" not in runners


def test_runs_the_body_under_whose_drive_the_sentence_opens_runs_its_initiative():
    text = "在青松街道党工委的推动下，“邻里守望”工作法在全区推广。"
    assert {(r.subject.name, r.object.name, r.rule) for r in extracted(text, "runs")} == \
        {("青松街道党工委", "邻里守望工作法", "run-patron")}
    named = "在青松区委的推动下，白鹭社区推出“邻里守望”工作法。"
    assert {r.subject.name for r in extracted(named, "runs")} == {"白鹭社区"}


@pytest.mark.parametrize("text", ["在青松区委的大力推动下，“邻里守望”工作法在全区推广。",
                                  "在青松区委的精心指导下，“邻里守望”工作法在全区推广。"])
def test_runs_a_word_of_how_may_stand_before_the_drive_the_sentence_opens_with(text):
    assert {(r.subject.name, r.rule) for r in extracted(text, "runs")} == {("青松区委", "run-patron")}
    assert extracted("在各方的共同努力下，“邻里守望”工作法在全区推广。", "runs") == []


def test_runs_a_bare_zone_word_before_the_clauses_subject_hides_no_subject():
    text = "高新区白鹭街道创新打造“白鹭红”党建品牌，推动党建与业务融合。"
    assert {(r.subject.name, r.object.name) for r in extracted(text, "runs")} == \
        {("白鹭街道", "白鹭红党建品牌")}


def test_runs_an_initiative_said_to_be_what_an_agent_made_is_run_by_it():
    text = "“暖心驿站”是青松区白鹭街道为快递小哥、外卖骑手打造的服务阵地。"
    assert {(r.subject.name, r.object.name) for r in extracted(text, "runs")} == \
        {("白鹭街道", "暖心驿站")}
    # what the agent has, not what it made
    assert extracted("“暖心驿站”是青松区白鹭街道的一处服务阵地。", "runs") == []


def test_runs_an_initiative_said_to_be_a_bodys_programme_is_run_by_it():
    text = "“邻里帮帮团”是青松社区党委今年的书记项目。"
    assert {(r.subject.name, r.object.name) for r in extracted(text, "runs")} == \
        {("青松社区党委", "邻里帮帮团")}


def test_runs_a_host_and_a_carrier_joined_by_a_list_comma_both_run_the_event():
    text = "由青松区委组织部主办、白鹭街道承办的“红色故事汇”活动近日举行。"
    assert {r.subject.name for r in extracted(text, "runs")} == {"青松区委组织部", "白鹭街道"}


def test_runs_an_owner_written_before_the_bodies_it_owns_is_not_the_clauses_subject():
    text = "青松市工商联所属的梅林商会、青枫商会联合开展“商会进社区”活动。"
    assert {r.subject.name for r in extracted(text, "runs")} == {"梅林商会", "青枫商会"}


def test_runs_the_post_holder_who_leads_a_project_acts_for_the_body_of_the_post():
    text = "白鹭街道党工委书记王小明领衔的“楼道红管家”书记项目，发动党员楼道长320名。"
    assert {(r.subject.name, r.object.name) for r in extracted(text, "runs")} == \
        {("白鹭街道党工委", "楼道红管家书记项目")}


def test_runs_the_post_holder_opening_the_sentence_runs_a_programme_of_its_next_subjectless_clause():
    text = "青松社区党委书记王丽华牵头成立了“银发先锋队”，开展“邻里守望”行动。"
    assert {(r.subject.name, r.object.name) for r in extracted(text, "runs")} == {
        ("青松社区党委", "邻里守望行动")}
