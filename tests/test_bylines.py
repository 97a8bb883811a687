"""Bylines and credits are recognised from cue words, name shape and position, not name lists."""
from __future__ import annotations

import pytest

from kg.bylines import Credit, credit_line, is_person_name, opener, tail


@pytest.mark.parametrize("line, persons", [
    ("□本报记者 张三丰", ("张三丰",)),
    ("本报记者张三丰 通讯员 李四 王小五", ("张三丰", "李四", "王小五")),
    ("通讯员 欧阳春晓 赵六", ("欧阳春晓", "赵六")),
    ("本版撰稿 张三丰", ("张三丰",)),
    ("本版供图 梅林街道党工委组织部", ()),
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
    ("责任编辑：张三丰", ()),  # page staff are not the article's creators
    ("编辑 张三丰 美编 李四 校对 王五", ()),
])
def test_credit_line_recognises_bylines_captions_and_credits(line, persons):
    assert credit_line(line) == Credit(persons)


def test_credit_line_keeps_the_text_of_an_author_with_an_affiliation():
    assert credit_line("张三丰（梅林街道党工委书记）") == Credit(("张三丰",), keep_text=True)


@pytest.mark.parametrize("line", [
    "同心圆", "梅林街道", "张家港", "系统谋划推进", "争做环保使者 共创绿色文明", "大家一起拍摄",
    "记者节快乐，大家都来了。", "近日，梅林街道召开大会。", "文化建设", "图书馆", "（上接第一版）", "编辑部召开会议",
])
def test_credit_line_leaves_headlines_labels_and_body_alone(line):
    assert credit_line(line) is None


def test_is_person_name_wants_a_surname_and_a_person_shape():
    assert is_person_name("张三丰") and is_person_name("欧阳春晓") and is_person_name("李四")
    assert not is_person_name("张家港") and not is_person_name("王庄村")
    assert not is_person_name("青松社区") and not is_person_name("张") and not is_person_name("张三丰李")


def test_opener_reads_the_byline_inside_benbaoxun():
    assert opener("本报讯（张三丰 李四）近日，梅林街道…") == (11, ("张三丰", "李四"))
    assert opener("本报讯（记者 张三丰）近日") == (11, ("张三丰",))
    assert opener("本报讯 近日，梅林街道") == (4, ())
    assert opener("近日，梅林街道（青松社区）召开大会") is None
    assert opener("资讯平台上线（试运行）") is None


def test_tail_finds_credits_glued_to_the_last_sentence():
    assert tail("…个人项目一等奖。张三丰 摄", allow_bare_names=False) == (9, ("张三丰",))
    assert tail("…“最后一公里”。李四", allow_bare_names=True) == (9, ("李四",))
    assert tail("…“最后一公里”。李四", allow_bare_names=False) is None
    assert tail("…结业汇演。梅林镇供图", allow_bare_names=False) == (6, ())
    assert tail("…满意度。", allow_bare_names=True) is None
    assert tail("…满意度。今后将继续推进", allow_bare_names=True) is None
