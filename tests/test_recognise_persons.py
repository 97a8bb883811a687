"""People: titles, title chains, verbs of saying, ethnic descriptors, name lines; not forms of address."""
from __future__ import annotations

from recognise_helpers import found, names


def test_recognise_persons_name_after_a_title():
    text = "梅林街道红枫叶志愿者服务队队长赵一鸣为新队员发放了工作包。"
    persons = found(text, "Person")
    assert [(m.name, m.text) for m in persons] == [("赵一鸣", "赵一鸣")]
    assert text[persons[0].start:persons[0].end] == "赵一鸣"


def test_recognise_persons_name_at_the_end_of_a_title_chain():
    text = "“我们将继续努力。”星湖区委常委、蓝湾经开区党工委副书记、管委会副主任李四海说。"
    assert names(text, "Person") == {"李四海"}


def test_recognise_persons_role_nouns_and_verbs_of_saying():
    text = "居民王小二笑着说，这里变化很大。“这是我们的骄傲。”刘一手说。"
    assert names(text, "Person") == {"王小二", "刘一手"}


def test_recognise_persons_ethnic_descriptor_before_a_name_without_surname():
    text = "参加活动的维吾尔族志愿者阿依古丽说，绿豆汤很好喝。"
    assert names(text, "Person") == {"阿依古丽"}


def test_recognise_persons_forms_of_address_are_not_names():
    text = "张师傅和小陆也来了，老王说这里很好。"
    assert names(text, "Person") == set()


def test_recognise_persons_a_word_after_a_title_is_not_a_name():
    text = "以“邻里党建”为书记项目，社区代表单位积极参与项目管理。"
    assert names(text, "Person") == set()


def test_recognise_persons_bylines_datelines_and_photo_credits():
    text = "本报记者 王小二 通讯员 李大海 赵三\n本报讯（钱多多）近日，活动举行。\n潘小花 摄"
    assert names(text, "Person") == {"王小二", "李大海", "赵三", "钱多多", "潘小花"}


def test_recognise_persons_a_list_of_names_and_a_name_after_an_organisation():
    text = "鲁迅、茅盾作品展开幕。云溪系统医学研究所马晓婷当选代表。"
    assert {"鲁迅", "茅盾", "马晓婷"} <= names(text, "Person")


def test_recognise_persons_a_place_alone_on_a_line_is_not_a_byline():
    assert names("白鹭镇\n近日，白鹭镇举办活动。", "Person") == set()


# The tagger (kg/recognise/tagger.py) proposes names the rules gate; these need the shipped model.
needs_model = __import__("pytest").mark.skipif(
    not __import__("kg.recognise.tagger", fromlist=["available"]).available(),
    reason="kg/data/ner.crfsuite not built")


@needs_model
def test_recognise_persons_names_listed_after_one_shared_title():
    text = "镇领导王建华、李卫东、陈晓明参加了活动。"
    assert names(text, "Person") == {"王建华", "李卫东", "陈晓明"}


@needs_model
def test_recognise_persons_honorific_or_title_after_a_full_name():
    assert names("王秀英阿姨今年七十多岁，每天都来。", "Person") == {"王秀英"}
    assert names("何振林书记向与会人员介绍了情况。", "Person") == {"何振林"}


@needs_model
def test_recognise_persons_a_name_after_a_grid_leader():
    assert names("网格长陈丽华带领志愿者入户走访。", "Person") == {"陈丽华"}


@needs_model
def test_recognise_persons_the_tagger_sets_the_end_of_a_name_the_rules_cut():
    persons = found("区委常委、主任周秀之分别作了发言。", "Person")
    assert [(m.name, m.rule) for m in persons] == [("周秀之", "person-title+tagger")]


@needs_model
def test_recognise_persons_the_gate_keeps_words_brands_and_doctrines_out():
    text = "既便民惠民，又发挥作用。设计理念是“齐心堂、乐享汇”。坚持以邓小平理论为指导。参观了卫生室。"
    assert names(text, "Person") == set()


@needs_model
def test_recognise_persons_a_name_inside_a_place_name_is_the_place():
    text = "王家港市委书记来了。"
    assert names(text, "Person") == set()


@needs_model
def test_recognise_persons_a_rule_name_the_tagger_does_not_confirm():
    # a preposition alone is no surname (书记|向|大家), a verb alone may be one (队长|付|建友)
    assert names("书记向大家介绍了情况。", "Person") == set()
    assert names("队长付建友带领队员巡逻。", "Person") == {"付建友"}


def test_recognise_persons_name_after_a_civil_service_rank():
    text = "市工商联副主席、三级调研员赵青松，区委常委钱立夏出席会议。"
    assert "赵青松" in names(text, "Person")
    assert names("他是一名调研员，工作认真。", "Person") == set()


def test_recognise_persons_a_title_led_name_cut_before_a_lone_character_and_a_pause():
    text = "会长王明谈、执行会长孙雨亭、副会长李文浜，秘书长周志远陪同参加。"
    assert {"王明谈", "李文浜"} <= names(text, "Person")
    assert "王明说" not in names("社区书记王明说，大家要团结。", "Person")  # a verb of saying


def test_recognise_persons_a_short_form_of_a_three_character_name_in_the_article():
    text = "会长王明谈、秘书长周志远陪同。会上，会长王明谈分享了经验。"
    assert [m.text for m in found(text, "Person") if m.text.startswith("王明")] == ["王明谈", "王明谈"]


def test_recognise_persons_a_known_name_right_before_a_title():
    assert "邓小平" in names("学习邓小平总书记重要讲话精神。", "Person")
    assert names("楼栋巷长志愿者上岗。", "Person") == set()


def test_recognise_persons_a_verb_and_its_particle_is_no_name():
    assert names("邹力强等5位居民成了第一批选房的居民。", "Person") == {"邹力强"}


def test_recognise_persons_a_compound_surname_jieba_cut_off_stays_with_the_name():
    text = "青松社区党委书记上官明华、梅林社区主任公孙青说，要做好服务。"
    assert {"上官明华", "公孙青"} <= names(text, "Person")


def test_recognise_persons_a_title_ending_like_a_compound_surname_keeps_its_character():
    # 部长|孙某某: 长孙 is a compound surname, but 长 closes the title here
    assert names("外经贸部副部长孙振宇出席会议。", "Person") == {"孙振宇"}


def test_recognise_persons_a_body_whose_head_the_title_repeats_is_no_name():
    # jieba tags 宣传部 a name (宣 is a surname); 宣传部|部长 is a department and its head
    text = "青松区委常委、宣传部部长王明华出席会议。"
    assert names(text, "Person") == {"王明华"}


def test_a_name_with_its_posts_in_brackets_is_a_person():
    text = "近日，青松街道召开推进会。白思远（青松街道党工委委员、梅林街道党工委书记）介绍了情况。"
    assert [m.rule for m in found(text, "Person") if m.name == "白思远"][0].startswith("person-posts")


def test_a_bracket_after_a_name_without_a_post_makes_no_person():
    assert found("华为（中国）公司发布通知。青松（化名）说。", "Person") == []


def test_a_name_whose_last_character_jieba_glued_to_the_next_verb_is_whole():
    assert "周许明" in {m.name for m in found("村民周许明开的食杂店生意很好。", "Person")}


def test_a_name_cut_short_by_the_tagger_keeps_the_third_character_glued_to_a_verb():
    assert "白会强" in {m.name for m in found("村委会主任白会强到村民家中走访。", "Person")}


def test_a_name_after_a_title_that_ends_like_a_river_is_the_person_not_a_place():
    text = "区委书记李文江到青松街道调研。"
    assert "李文江" in {m.name for m in found(text, "Person")}
    assert "李文江" not in {m.name for m in found(text, "Place")}


def test_an_adverb_glued_to_a_three_character_name_is_not_part_of_it():
    assert {m.name for m in found("驻村第一书记胡云鸿正带领村民发展产业。", "Person")} == {"胡云鸿"}


def test_a_name_between_a_pause_and_its_bracket_keeps_all_its_characters():
    text = "会上，刘晓春（片马镇党委书记）、孙远和（土城街道党工委书记）作交流发言。"
    assert {m.name for m in found(text, "Person")} == {"刘晓春", "孙远和"}


def test_a_name_opening_a_clause_that_says_it_is_one_of_a_kind_of_person_is_a_person():
    assert {m.name for m in found("丛学娣是梅林镇竹溪村的一名老党员。", "Person")} == {"丛学娣"}
    assert found("白鹭港是一个美丽的城市。", "Person") == []
