"""Splitting pages into articles: headlines before or after the body, bylines, credits, offsets."""
from __future__ import annotations

import json
import re

import pytest

from kg.articles import split_articles
from kg.normalise import normalise
from kg.read import read_page

from tests.conftest import SHARED

WIDE = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"})


def canon(text: str) -> str:
    return re.sub(r"[\s#]", "", text.translate(WIDE))


def split(source: str, name: str = "page.txt"):
    text, offsets = normalise(source)
    return split_articles(name, text, offsets)


def assert_lines_map_back(source: str, article) -> None:
    """Each line of the article text is its source slice (glued lines aside)."""
    pos = 0
    for line in article.text.split("\n"):
        if line:
            start, end = article.to_source(pos, pos + len(line))
            assert canon(source[start:end]) == canon(line), line
        pos += len(line) + 1


HEADLINE_FIRST = """同心圆

梅林街道
“学进来走出去”助推民营经济发展

商会是工商联的基层组织,是民营经济统战工作的重要组织依托。梅林街道工商联紧扣主题,认真开展建设。

张三丰

青松镇推动高质量发展

□本报记者 李四
通讯员 王小五 赵六

近日，青松镇召开大会，部署下半年重点工作，会议由镇党委书记钱七主持。

打造文化精品

青松镇不断加强文化品牌建设，用优秀的公共文化服务满足居民精神文化需求。

活动现场 青松镇供图

## 红松社区党委稳步推进“书记项目”

今年以来，红松社区党委精心打造书记项目，有效解决小区安全、垃圾分类中的难点问题。

今后，红松社区党委将继续发挥党员的先锋模范作用，打通基层治理“最后一公里”。孙八
"""


def test_split_articles_headline_first_page():
    articles = split(HEADLINE_FIRST)
    assert [a.title for a in articles] == [
        "“学进来走出去”助推民营经济发展", "青松镇推动高质量发展", "红松社区党委稳步推进“书记项目”"]
    assert [a.creators for a in articles] == [("张三丰",), ("李四", "王小五", "赵六"), ("孙八",)]
    assert articles[0].kicker == "梅林街道"
    assert [a.index for a in articles] == [0, 1, 2]


def test_split_articles_removes_bylines_and_credits_from_the_text():
    articles = split(HEADLINE_FIRST)
    second, third = articles[1], articles[2]
    assert second.text.startswith("青松镇推动高质量发展\n近日，")
    assert "打造文化精品" in second.text  # a subhead stays in its article
    for name in ("李四", "王小五", "通讯员", "青松镇供图"):
        assert name not in second.text
    assert third.text.endswith("“最后一公里”。")
    assert "#" not in third.text and "孙八" not in third.text
    for article in articles:
        assert_lines_map_back(HEADLINE_FIRST, article)


def test_split_articles_spans_cover_headline_to_byline():
    first = split(HEADLINE_FIRST)[0]
    assert HEADLINE_FIRST[first.start:first.end].startswith("梅林街道")
    assert HEADLINE_FIRST[first.start:first.end].endswith("张三丰")


COLUMN_ORDER = """□本报记者 张三丰

临近中午，刚送完一单外卖的配送员李四来到青松社区党群服务中心进行休息补给，并给手机充电。这是梅林街道服务新就业群体的生动实践，街道始终把党建工作摆在突出位置，致力以高质量党建引领区域高质量发展。

系统谋划推进
以党建统领工作全局

走进梅林街道党群服务中心，一张作战图很是醒目，标注着街道在经济发展、城市建设等方面的内容。

梅林街道做实做细高质量党建

本报讯（王小五）近日，青松镇开展员工宿舍安全检查。这是该镇消防安全治理机制的一项重要内容。

青松镇
紧盯员工宿舍安全

本报讯（赵六 钱七）最近，红松村来了一台机器人，每天在村里巡逻，为村民提供服务。

红松村
机器人上岗协助治理

梅林街道“暖心驿站”（梅林街道供图）
"""


def test_split_articles_column_order_page_with_headlines_after_their_body():
    articles = split(COLUMN_ORDER)
    assert [a.title for a in articles] == [
        "梅林街道做实做细高质量党建", "紧盯员工宿舍安全", "机器人上岗协助治理"]
    assert [a.creators for a in articles] == [("张三丰",), ("王小五",), ("赵六", "钱七")]
    assert [a.kicker for a in articles][1:] == ["青松镇", "红松村"]
    assert articles[1].text == ("青松镇\n紧盯员工宿舍安全\n近日，青松镇开展员工宿舍安全检查。"
                                "这是该镇消防安全治理机制的一项重要内容。")
    assert "系统谋划推进" in articles[0].text  # subheads do not close an item
    for article in articles:
        assert_lines_map_back(COLUMN_ORDER, article)


PHOTO_ITEM = """梅林街道推动高质量发展

近日，梅林街道召开大会，部署下半年重点工作。

张三丰 李四

5月10日，全市第二届运动会在青松体育馆举办，来自全市的16支代表队参加比赛。王小五 摄

红松社区：“红山茶家园”情暖聚同心

为进一步铸牢共同体意识，红松社区持续发力，取得了新的成效。

梅民宗 红松民宗
"""


def test_split_articles_photo_item_and_organisational_credits():
    articles = split(PHOTO_ITEM)
    assert [a.title for a in articles] == ["梅林街道推动高质量发展", "", "红松社区：“红山茶家园”情暖聚同心"]
    assert [a.creators for a in articles] == [("张三丰", "李四"), ("王小五",), ()]
    assert articles[1].text.endswith("参加比赛。")


def test_split_articles_caption_inside_a_sentence_is_cut_out_and_the_sentence_rejoined():
    source = ("## 青松镇暑托班温暖收官\n\n小朋友们纷纷表示，在暑托班里认识了很多新朋友，还了解了家乡的许多知识，\n\n\n"
              "暑托班结业汇演 青松镇供图\n\n明年还要来！\n\n张三丰\n")
    article, = split(source)
    assert article.text == ("青松镇暑托班温暖收官\n小朋友们纷纷表示，在暑托班里认识了很多新朋友，"
                            "还了解了家乡的许多知识，明年还要来！")
    assert article.creators == ("张三丰",)
    start, end = article.to_source(article.text.index("明年"), len(article.text))
    assert source[start:end] == "明年还要来！"


def test_split_articles_keeps_an_authors_affiliation_in_the_text():
    source = "青松镇推动高质量发展\n\n近日，青松镇召开大会，部署重点工作。\n\n张三丰（梅林街道党工委书记）\n"
    article, = split(source)
    assert article.creators == ("张三丰",)
    assert article.text.endswith("张三丰（梅林街道党工委书记）")


def test_split_articles_marked_headline_wins_over_kicker_and_subtitle():
    source = ("# 党建引领助推民族团结进步\n\n梅林街道发布“同心抱籽”民族工作品牌\n\n"
              "梅林街道持续通过党建引领强化各民族群众的家园认同。\n\n张三丰\n\n"
              "### 开放创新，打造服务示范平台\n\n作为省内第一个试点地区，梅林街道先试先行。\n")
    article, = split(source)
    assert article.title == "党建引领助推民族团结进步"
    assert article.kicker == "梅林街道发布“同心抱籽”民族工作品牌"
    assert "开放创新，打造服务示范平台" in article.text


def test_split_articles_body_without_any_headline_is_one_untitled_article():
    article, = split("近日，梅林街道召开大会，部署下半年重点工作。\n")
    assert article.title == "" and article.creators == ()
    assert split("") == [] and split("\n\n") == []


def _gold():
    path = SHARED / "gold" / "seeds-articles.json"
    if not path.exists():
        pytest.skip("shared/gold is not beside the clone")
    return json.loads(path.read_text(encoding="utf-8"))


def test_split_articles_finds_every_seed_article_with_its_headline_and_creators(seed_paths):
    gold = _gold()
    for path in seed_paths:
        page = read_page(path)
        text, offsets = normalise(page.text)
        articles = split_articles(page.source, text, offsets)
        expected = gold[path.name]
        assert len(articles) == len(expected), path.name
        for article, want in zip(articles, expected):
            if want["title_contains"]:
                assert want["title_contains"] in article.title, (path.name, article.index)
            else:
                assert article.title == "", (path.name, article.index)
            assert sorted(article.creators) == sorted(want["creators"]), (path.name, article.index)


def test_split_articles_seed_article_text_maps_back_to_the_source(seed_paths):
    for path in seed_paths:
        page = read_page(path)
        text, offsets = normalise(page.text)
        for article in split_articles(page.source, text, offsets):
            assert len(article.offsets) == len(article.text)
            assert 0 <= article.start < article.end <= len(page.text)
            pos = 0
            for line in article.text.split("\n"):
                start, end = article.to_source(pos, pos + len(line))
                assert_same_but_one_cut(canon(page.text[start:end]), canon(line))
                pos += len(line) + 1


def assert_same_but_one_cut(source: str, line: str) -> None:
    """The line is its source slice, or the slice minus one cut-out piece (a caption printed
    inside the sentence, removed and the sentence rejoined)."""
    common = next((i for i, (a, b) in enumerate(zip(source, line)) if a != b),
                  min(len(source), len(line)))
    assert source.startswith(line[:common]) and source.endswith(line[common:]), (source, line)


def test_split_articles_dash_subtitle_is_never_the_title():
    source = ("梅林街道：打造“红色物业”新样板\n\n——记梅林街道党工委书记张三丰\n\n"
              "本报讯（记者 李四 通讯员 王五）近日，梅林街道召开推进会。\n\n（赵六）\n")
    article, = split(source)
    assert article.title == "梅林街道：打造“红色物业”新样板"
    assert article.kicker == "——记梅林街道党工委书记张三丰"
    assert article.creators == ("李四", "王五", "赵六")
    assert article.text.endswith("\n近日，梅林街道召开推进会。")


def test_split_articles_question_headline_and_page_staff_line():
    source = ("如何让老旧小区焕发新生？\n\n本报记者 张三丰\n\n近日，梅林街道启动老旧小区改造，惠及居民"
              "3000余户。\n\n“真是太方便了！”居民李四说。\n\n责任编辑：王五\n")
    article, = split(source)
    assert article.title == "如何让老旧小区焕发新生？"
    assert article.creators == ("张三丰", "王五")  # an editor credited under the article
    assert "王五" not in article.text and article.text.endswith("居民李四说。")


def test_split_articles_column_order_with_name_lines_before_the_headline():
    source = ("近日，梅林街道召开党建工作推进会，部署下半年重点工作，街道党工委书记张三丰出席会议并讲话，"
              "会议强调要以高质量党建引领高质量发展。\n\n李四 王五\n\n梅林街道部署下半年党建工作\n\n"
              "日前，青松社区组织党员志愿者开展环境整治活动，清理卫生死角20余处。\n\n赵六\n\n"
              "青松社区开展环境整治\n")
    articles = split(source)
    assert [a.title for a in articles] == ["梅林街道部署下半年党建工作", "青松社区开展环境整治"]
    assert [a.creators for a in articles] == [("李四", "王五"), ("赵六",)]


def test_split_articles_web_page_head_and_staff_tail_are_credits_not_text():
    source = ("梅林街道召开党建联席会\n\n稿源：青枫网 编辑：张三丰 2023-09-24 01:09\n\n"
              "近日，梅林街道召开党建联席会，部署下半年工作。\n\n"
              "青枫晚报/紫云新闻记者 李四 通讯员 王五\n\n编 辑丨赵六\n\n审 核丨钱 七 孙 八\n")
    article, = split(source)
    assert article.title == "梅林街道召开党建联席会"
    assert article.creators == ("张三丰", "李四", "王五", "赵六", "钱七", "孙八")
    assert article.text == "梅林街道召开党建联席会\n近日，梅林街道召开党建联席会，部署下半年工作。"


def test_split_articles_cuts_a_bracketed_credit_closing_the_last_paragraph():
    source = ("梅林街道召开党建联席会\n\n本报讯 记者张三丰 李四报道 日前，梅林街道召开党建联席会。\n\n"
              "会议部署了下半年工作，优势互补、相互促进。（王五、赵六）\n")
    article, = split(source)
    assert article.creators == ("张三丰", "李四", "王五", "赵六")
    assert article.text == "梅林街道召开党建联席会\n日前，梅林街道召开党建联席会。\n会议部署了下半年工作，优势互补、相互促进。"
    assert_lines_map_back(source, article)


def test_split_articles_keeps_a_credit_naming_a_body_in_the_text():
    source = ("梅林街道召开党建联席会\n\n近日，梅林街道召开党建联席会，部署下半年工作。\n\n"
              "梅林市青松区红枫街道办事处青松社区居委会 张三丰\n")
    article, = split(source)
    assert article.creators == ("张三丰",)
    assert article.text.endswith("部署下半年工作。\n梅林市青松区红枫街道办事处青松社区居委会 张三丰")
    assert_lines_map_back(source, article)


def test_split_articles_only_a_photo_credit_after_the_byline_makes_a_photo_item():
    source = ("梅林街道推动高质量发展\n\n本报记者 张三丰\n\n近日，梅林街道召开大会，部署下半年重点工作。\n\n"
              "会议还表彰了先进集体。（通讯员 李四）\n")
    article, = split(source)
    assert article.creators == ("张三丰", "李四")
    assert article.text.endswith("部署下半年重点工作。\n会议还表彰了先进集体。")


@pytest.mark.parametrize("furniture", ["青松日报 2024年5月10日 第3版", "2024年5月10日 星期五\n第3版：区县新闻"])
def test_split_articles_a_pages_masthead_is_no_article_nor_headline(furniture):
    page = furniture + "\n\n青松街道：“邻里守望”温暖人心\n\n本报记者 李四 通讯员 王小五\n\n" \
        "近日，青松街道推出“邻里守望”工作法。\n"
    [article] = split(page)
    assert article.title == "青松街道：“邻里守望”温暖人心"
    assert article.creators == ("李四", "王小五")
    assert "第3版" not in article.text


def test_split_articles_a_wrapped_column_line_that_names_a_weekday_stays_in_its_article():
    page = "青松街道推出邻里守望工作法\n\n近日，青松街道推出“邻里守望”工作法，每\n周星期三下午\n志愿者上门走访。\n"
    [article] = split(page)
    assert "星期三下午" in article.text
