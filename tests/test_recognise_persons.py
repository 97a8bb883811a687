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
    text = "以“楼宇党建”为书记项目，社区代表单位积极参与项目管理。"
    assert names(text, "Person") == set()


def test_recognise_persons_bylines_datelines_and_photo_credits():
    text = "本报记者 王小二 通讯员 李大海 赵三\n本报讯（钱多多）近日，活动举行。\n潘小花 摄"
    assert names(text, "Person") == {"王小二", "李大海", "赵三", "钱多多", "潘小花"}


def test_recognise_persons_a_list_of_names_and_a_name_after_an_organisation():
    text = "徐悲鸿、廖静文伉俪艺术展开幕。云溪系统医学研究所马瑜婷当选代表。"
    assert {"徐悲鸿", "廖静文", "马瑜婷"} <= names(text, "Person")


def test_recognise_persons_a_place_alone_on_a_line_is_not_a_byline():
    assert names("白鹭镇\n近日，白鹭镇举办活动。", "Person") == set()
