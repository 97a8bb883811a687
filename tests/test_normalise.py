"""Normalising: line joining, white space, punctuation, heading marks, and the offset map."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from kg.normalise import normalise

WIDE = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}


def canon(text: str) -> str:
    """What survives normalising: no white space, no heading marks, punctuation widened."""
    return re.sub(r"[\s#]", "", text.translate(str.maketrans(WIDE)))


def assert_maps_back(source: str, text: str, offsets) -> None:
    """Every normalised character comes from its source character, in source order."""
    previous = -1
    for i, ch in enumerate(text):
        src = offsets.to_source(i)
        assert src > previous, (i, ch)
        previous = src
        original = source[src]
        assert ch == original or ch == WIDE.get(original) or (ch in " \n" and original.isspace()), (
            i, ch, original)


def test_normalise_joins_column_wrapped_lines_even_across_a_blank_line():
    source = ("临近中午，刚送完一单外卖的配送员张三丰来到\n"
              "青松社区党群服务中心进行休息补给，并给手机\n"
              "充电。梅林街道始终把党建工作摆在突出位置，建立\n\n"
              "“周周清”专项报送机制，对项目推进挂图作战，每\n"
              "半年发布一次“龙虎榜”。\n")
    text, offsets = normalise(source)
    assert "\n" not in text
    assert "张三丰来到青松社区" in text and "建立“周周清”" in text and "每半年" in text
    assert_maps_back(source, text, offsets)


def test_normalise_keeps_headline_kicker_and_byline_lines_of_a_column_page():
    source = ("梅林街道\n紧盯员工宿舍安全\n\n"
              "本报讯（张三丰）近日，梅林街道开展员工宿舍安全检查，这是该街道\n"
              "消防安全治理机制的一项重要内容，得到居民的一致好评。\n")
    text, _ = normalise(source)
    assert text.split("\n") == [
        "梅林街道", "紧盯员工宿舍安全",
        "本报讯（张三丰）近日，梅林街道开展员工宿舍安全检查，这是该街道消防安全治理机制的一项重要内容，得到居民的一致好评。"]


def test_normalise_joins_a_long_line_cut_by_a_blank_line():
    source = ("近日，梅林街道举办志愿服务活动，活动现场举行了新队员入队仪式，新一批志愿者加入街道志愿者服务队，梅林街道青松志愿者\n\n"
              "服务队队长张三丰为新队员发放了工作包。\n")
    text, _ = normalise(source)
    assert "梅林街道青松志愿者服务队队长张三丰" in text
    assert "\n" not in text


def test_normalise_joins_a_short_fragment_when_the_next_line_opens_mid_sentence():
    text, _ = normalise("在“新”字上求突破,打造特色服务\n\n型阵地。今年,青松社区启动建设项目。\n")
    assert text == "在“新”字上求突破，打造特色服务型阵地。今年，青松社区启动建设项目。"


def test_normalise_keeps_a_short_headline_apart_from_its_body():
    text, _ = normalise("梅林街道推动高质量发展\n\n近日，梅林街道召开大会。\n\n张三丰 李四\n")
    assert text.split("\n") == ["梅林街道推动高质量发展", "近日，梅林街道召开大会。", "张三丰 李四"]


def test_normalise_widens_ascii_punctuation_in_chinese_but_not_in_numbers():
    source = "共下发资金2071.89万元,采用“1+3+N”模式(试点):5G+AI机器人在S1号线,10:30开始!"
    text, _ = normalise(source)
    assert text == "共下发资金2071.89万元，采用“1+3+N”模式（试点）：5G+AI机器人在S1号线，10:30开始！"
    assert normalise("ratio 3:2, see (a)")[0] == "ratio 3:2, see (a)"


def test_normalise_folds_layout_spaces_but_keeps_word_spaces():
    assert normalise("今年 6月，报告 6 篇")[0] == "今年6月，报告6篇"
    assert normalise("云州园区工行：  金融赋能")[0] == "云州园区工行：金融赋能"
    assert normalise("张三丰   李四　王五")[0] == "张三丰 李四 王五"
    assert normalise("open  source 软件")[0] == "open source软件"
    assert normalise("  □ 本报记者 张三丰  ")[0] == "□本报记者 张三丰"


def test_normalise_keeps_heading_marks_in_canonical_form():
    text, offsets = normalise("##   党建引领发展\n\n正文第一段。\n#话题#不是标记\n")
    assert text.split("\n") == ["## 党建引领发展", "正文第一段。", "#话题#不是标记"]
    assert offsets.to_source(0) == 0 and offsets.to_source(3) == 5


def test_normalise_reads_crlf_free_text_and_empty_input():
    assert normalise("") == ("", normalise("")[1])
    assert normalise("\n\n  \n")[0] == ""


def test_normalise_maps_seed_spans_back_to_the_same_source_text(seed_paths):
    from kg.read import read_page
    for path in seed_paths:
        page = read_page(path)
        text, offsets = normalise(page.text)
        assert_maps_back(page.text, text, offsets)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_normalise_random_seed_spans_equal_their_source_slice(seed_paths, data):
    from kg.read import read_page
    page = read_page(data.draw(st.sampled_from(seed_paths)))
    text, offsets = normalise(page.text)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 200)))
    s, e = offsets.source_span(start, end)
    assert canon(page.text[s:e]) == canon(text[start:end])


_ALPHABET = st.sampled_from(list("党建社区街道张三丰。，！？”“、：；") + list(",:;()!?.")
                            + list("ab12 \t\u3000#") + ["\n", "\n\n", "\r\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=80))
def test_normalise_any_text_maps_each_character_to_its_source(pieces):
    source = "".join(pieces)
    text, offsets = normalise(source)
    assert len(offsets) == len(text)
    assert_maps_back(source, text, offsets)
    assert canon(text) == canon(source)


def test_normalise_offset_map_stays_compact_on_a_large_page():
    paragraph = ("梅林街道持续推进党建引领基层治理，青松社区党委书记张三丰介绍，社区建立了\n"
                 "“邻里管家”服务机制，共有志愿者120名。\n\n")
    source = ("梅林街道推动高质量发展\n\n" + paragraph * 20) * 500  # ~1.2 MB
    text, offsets = normalise(source)
    lines = source.count("\n")
    assert len(offsets._norm) <= lines  # a run per line break, not one integer per character
    assert offsets.to_source(len(text) - 1) == len(source.rstrip()) - 1
