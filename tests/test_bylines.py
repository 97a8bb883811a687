"""Bylines and credits are recognised from cue words, name shape and position, not name lists."""
from __future__ import annotations

import pytest

from kg.bylines import Credit, credit_line, is_person_name, opener, tail


@pytest.mark.parametrize("line, persons", [
    ("□本报记者 张三丰", ("张三丰",)),
    ("本报记者张三丰 通讯员 李四 王小五", ("张三丰", "李四", "王小五")),
    ("通讯员 欧阳春晓 赵六", ("欧阳春晓", "赵六")),
    ("本版撰稿 张三丰", ("张三丰",)),
    ("张三丰 李四", ("张三丰", "李四")),
    ("王五", ("王五",)),
    ("张三丰、李四", ("张三丰", "李四")),
    ("青少年暑托班结业汇演 梅林镇供图", ()),
    ("青松社区“暖心驿站”（梅林街道供图）", ()),
    ("运动会现场 张三丰 摄", ("张三丰",)),
    ("梅民宗 青松民宗", ()),
    ("文/张三丰 图/李四", ("张三丰", "李四")),
    ("（记者 张三丰 通讯员 李四）", ("张三丰", "李四")),
    ("记者 张三丰 摄", ("张三丰",)),
    ("◎记者 张三丰", ("张三丰",)),
    # Editors, reviewers and proof-readers credited under the article are its creators too.
    ("责任编辑：张三丰", ("张三丰",)),
    ("编辑 张三丰 美编 李四 校对 王五", ("张三丰", "李四", "王五")),
    ("编辑：张三丰 审核：李四 终审：王五", ("张三丰", "李四", "王五")),
    # An outlet before the cue, glued or as a word of its own, is no person.
    ("青枫晚报/紫云新闻记者 张三丰 通讯员 李四", ("张三丰", "李四")),
    ("青枫财经日报/首页新闻 记者 王五 通讯员 李四 赵六", ("王五", "李四", "赵六")),
    ("青枫融媒体中心记者：张三丰 李四", ("张三丰", "李四")),
    ("（青枫融媒记者 张三丰 李四 报道）", ("张三丰", "李四")),
    ("驻青枫首席记者 张三丰", ("张三丰",)),
    ("本报见习记者 张三丰 实习生 李四", ("张三丰", "李四")),
    ("通讯员 青组宣 李四 记者 王五", ("李四", "王五")),  # 某组宣: a body's press office
    ("记者 王港", ("王港",)),  # a surname and one character: a name, whatever the character
    ("记者 禾木 通讯员 李四", ("禾木", "李四")),  # no surname: a name beside a surnamed one
    ("记者：禾木", ("禾木",)),  # …or after a credit's separator
    # Spaced-out cues and two-character names spaced to align a column.
    ("编 辑丨张三丰", ("张三丰",)),
    ("审 核丨王 五 赵 六", ("王五", "赵六")),
    ("终 审丨张三丰", ("张三丰",)),
    # Names before the cue they are credited by.
    ("张三丰/摄影 李四/供稿 王五/审核", ("张三丰", "李四", "王五")),
    ("记者 张三丰 报道 李四 摄影", ("张三丰", "李四")),
    ("本报记者 张三丰 通讯员 李四 摄影报道", ("张三丰", "李四")),
    ("作者：通讯员 张三丰", ("张三丰",)),
    # Web-page heads: source, author, time. Outlets and unknown holders give no person.
    ("稿源：青枫网 编辑：张三丰2023-09-24 01:09", ("张三丰",)),
    ("时间：2013-08-13 11:26:41来源：青枫在线", ()),
    ("2025-11-05 07:48:55星期三 来源：青枫日报", ()),
    ("来源：青枫市融媒体中心", ()),
    ("图片来源：网络", ()),
    ("本文来源：青枫日报", ()),
    # Other separators and brackets.
    ("记者|张三丰", ("张三丰",)),
    ("作者｜张三丰 编辑｜李四", ("张三丰", "李四")),
    ("【文/张三丰】", ("张三丰",)),
    ("【青枫日报记者 张三丰】", ("张三丰",)),
])
def test_credit_line_recognises_bylines_captions_and_credits(line, persons):
    assert credit_line(line) == Credit(persons)


def test_credit_line_keeps_the_text_of_an_author_with_an_affiliation():
    assert credit_line("张三丰（梅林街道党工委书记）") == Credit(("张三丰",), keep_text=True)


@pytest.mark.parametrize("line, persons", [
    ("本版供图 梅林街道党工委组织部", ()),
    ("信息来源：梅林大学人文系 张三丰", ("张三丰",)),
    ("文字：梅林街道 张三丰 单位审核：李四", ("张三丰", "李四")),
    ("发布时间：2012年06月15日 作者：梅林区商会（青枫分会）", ()),
    ("梅林市青松区红枫街道办事处青松社区居委会 张三丰", ("张三丰",)),
    ("梅林建设公司 张三丰、李四", ("张三丰", "李四")),
    ("（作者单位：青枫街道）", ()),
])
def test_credit_line_naming_a_body_keeps_its_text_for_the_recognisers(line, persons):
    assert credit_line(line) == Credit(persons, keep_text=True)


@pytest.mark.parametrize("line", [
    "同心圆", "梅林街道", "李家港", "系统谋划推进", "争做环保使者 共创绿色文明", "大家一起拍摄",
    "记者节快乐，大家都来了。", "近日，梅林街道召开大会。", "文化建设", "图书馆", "（上接第一版）", "编辑部召开会议",
    "来源于群众 服务群众", "时间就是生命", "记者节快乐", "编辑校对工作规范", "梅林街道党工委 青松社区",
    "记者手记", "新闻报道", "编辑 推荐", "审核 通过", "日期：", "记者 禾木",
])
def test_credit_line_leaves_headlines_labels_and_body_alone(line):
    assert credit_line(line) is None


def test_is_person_name_wants_a_surname_and_a_person_shape():
    assert is_person_name("张三丰") and is_person_name("欧阳春晓") and is_person_name("李四")
    assert not is_person_name("李家港") and not is_person_name("王庄村")
    assert not is_person_name("青松社区") and not is_person_name("张") and not is_person_name("张三丰李")


def test_opener_reads_the_byline_inside_benbaoxun():
    assert opener("本报讯（张三丰 李四）近日，梅林街道…") == (11, ("张三丰", "李四"))
    assert opener("本报讯（记者 张三丰）近日") == (11, ("张三丰",))
    assert opener("本报讯 近日，梅林街道") == (4, ())
    assert opener("近日，梅林街道（青松社区）召开大会") is None
    assert opener("资讯平台上线（试运行）") is None


def test_opener_reads_the_byline_after_benbaoxun_ending_in_baodao():
    assert opener("本报讯 记者张三丰 李四报道 日前，梅林街道…") == (15, ("张三丰", "李四"))


def test_opener_reads_a_dateline_dian_only_with_a_reporters_byline():
    assert opener("青枫社5月1日电（记者 张三丰 李四）近日，") == (19, ("张三丰", "李四"))
    assert opener("安全用电（试行）规定出台") is None


def test_opener_does_not_take_cue_words_for_names():
    assert opener("青枫网讯（记者 张三丰 报道 李四 摄影）为贯彻…") == (21, ("张三丰", "李四"))
    assert opener("本报讯（记者 王 五）近日") == (11, ("王五",))


def test_tail_finds_credits_glued_to_the_last_sentence():
    assert tail("…个人项目一等奖。张三丰 摄", allow_bare_names=False) == (9, ("张三丰",))
    assert tail("…“最后一公里”。李四", allow_bare_names=True) == (9, ("李四",))
    assert tail("…“最后一公里”。李四", allow_bare_names=False) is None
    assert tail("…结业汇演。梅林镇供图", allow_bare_names=False) == (6, ())
    assert tail("…满意度。", allow_bare_names=True) is None
    assert tail("…满意度。今后将继续推进", allow_bare_names=True) is None


@pytest.mark.parametrize("text, found", [
    ("…相互促进。（张三丰、李四）", (6, ("张三丰", "李四"))),
    ("…相互促进。（张三丰 李四）", (6, ("张三丰", "李四"))),
    ("…休闲睦邻点。（文/图 张三丰）", (7, ("张三丰",))),
    ("…签约仪式。（记者 张三丰 通讯员 李四）", (6, ("张三丰", "李四"))),
])
def test_tail_finds_a_bracketed_credit_closing_the_last_paragraph(text, found):
    assert tail(text, allow_bare_names=True) == found


def test_tail_reads_a_credit_in_lenticular_brackets():
    assert tail("…获得一等奖。【文/张三丰】", allow_bare_names=False) == (7, ("张三丰",))


def test_tail_takes_bracketed_bare_names_only_at_the_end_of_an_article():
    assert tail("…相互促进。（张三丰、李四）", allow_bare_names=False) is None
    assert tail("…签约仪式。（记者 张三丰）", allow_bare_names=False) == (6, ("张三丰",))


def test_tail_keeps_a_bracketed_credit_naming_a_body_in_the_text():
    text = "…实实在在的红利。（梅林建设公司 张三丰、李四）"
    assert tail(text, allow_bare_names=True) == (len(text), ("张三丰", "李四"))


def test_tail_cuts_a_bracketed_source_credit_without_a_person():
    assert tail("…推动作用。（来源：青枫日报）", allow_bare_names=False) == (6, ())


def test_tail_needs_a_person_for_an_unbracketed_cue_that_may_wrap_on():
    assert tail("…推动作用。记者", allow_bare_names=True) is None
    assert tail("…推动作用。来源：青枫日报", allow_bare_names=True) is None
    assert tail("…推动作用。记者 张三丰", allow_bare_names=False) == (6, ("张三丰",))


def test_tail_leaves_brackets_that_credit_no_person():
    assert tail("…推动作用。（梅林市工商联）", allow_bare_names=True) is None
    assert tail("…推动作用（试行）", allow_bare_names=True) is None
    assert tail("…召开大会（见下图）。", allow_bare_names=True) is None
