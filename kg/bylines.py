"""Bylines and credits: who wrote or photographed a news item, and which lines are not body text.

Everything here is a pattern over one normalised line (full-width punctuation, single spaces), never
a list of known people: a person name is 2–3 Han characters led by a common surname (3–4 with a
compound surname), or any 2–4 Han characters right after a byline cue word (记者, 通讯员, 撰稿…),
where the cue already says "this is a person". Organisational credits (``阳澄湖镇供图``,
``宁民宗 栖霞民宗``) are recognised as credits but give no person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Common single-character surnames. Characters that more often start an ordinary word than a name
# in this genre (党, 国, 区, 同, 海, 明…) are left out on purpose: a false "name line" would cut an
# article in two, a missed rare surname only loses one creator.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔汤常温康施牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿焦俞左"
    "柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
    "解牟艾尤穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬"
    "师仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆冀郁胥栗燕楚鄢劳谌奚皮粟冼"
    "蔺楼闻厉伊仝郜阚权帅屠朴廉禹井祖漆巴卿狄晋芮阙浦鹿邸雍辜裘亓邰赫杭逯茹诸嵇湛茅揭檀"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
                     "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "呼延", "申屠")
# A token ending like this names a place or a body, not a person (张家港, 王庄村, 李家镇).
_NOT_NAME_END = frozenset("港村镇区市县乡省州城湖局委会所院厅办部处站社队组街路园湾岛庄馆校企司")
# Byline cue words: the names that follow are persons.
PERSON_CUES = ("见习记者", "特约记者", "实习记者", "记者", "通讯员", "实习生", "撰稿", "撰文", "执笔",
               "摄影", "摄像", "作者", "文")
CREDIT_CUES = ("供图", "供稿", "图片", "图")  # the holder may be a body (阳澄湖镇供图)
# Page staff, not authors: their names are credits but no creators of the article.
STAFF_CUES = ("责任编辑", "责编", "编辑", "美编", "校对", "版式", "组版", "审核", "终审", "签发")
_SHORT_CUES = ("文", "图")  # only as a token of their own or before a separator: 文/张三丰
_CUE_PREFIX = ("本报", "本刊", "本版", "本台")
_BULLETS = "□■◆●▲△○◇◎★☆▶►·"
_HAN = re.compile(r"[\u3400-\u9fff]+")
_TOKEN = re.compile(r"\S+")
# 本报讯（宗志鹏）, 新华日报讯（记者 张三）: an item opener carrying its byline.
_OPENER = re.compile(r"^(?:[\u4e00-\u9fff]{0,10}讯[（(]([^（）()]{2,40})[）)]|(?:本报|本刊|本台)讯\s+)")
# A credit glued to the end of a paragraph: …一等奖。潘芳 摄 / …“最后一公里”。高达
_TAIL_MAX = 30  # characters after the last sentence end that can still be a glued credit
_TAIL_AFTER = "。！？…”’」』）"
_CAPTION_CUE = re.compile(r"[（(]?\s*([^\s（(]*?)\s*(供图|摄影|摄)\s*[）)]?$")
_AFFILIATION = re.compile(r"^([\u4e00-\u9fff]{2,4})\s*（([^（）]{3,60})）$")
_SENTENCE_END = re.compile(r"[。！？]")


@dataclass(frozen=True, slots=True)
class Credit:
    """A line (or part of one) that credits people or bodies; ``persons`` are the creators."""

    persons: tuple[str, ...] = ()
    keep_text: bool = False  # True when the line also states facts (an author's posts in brackets)


def is_person_name(token: str) -> bool:
    """2–3 Han characters led by a common surname, or 3–4 led by a compound surname."""
    if not _HAN.fullmatch(token) or token[-1] in _NOT_NAME_END:
        return False
    if token[:2] in COMPOUND_SURNAMES:
        return 3 <= len(token) <= 4
    return 2 <= len(token) <= 3 and token[0] in SURNAMES


def _cue_name(token: str) -> bool:
    """After a cue word the token is a person unless it looks like a body: 2–4 Han characters."""
    return bool(_HAN.fullmatch(token)) and 2 <= len(token) <= 4 and token[-1] not in _NOT_NAME_END


def _split_cue(token: str) -> tuple[str, str] | None:
    """``本报记者王俊杰`` → (``记者``, ``王俊杰``); None when the token does not start with a cue."""
    rest = token
    for prefix in _CUE_PREFIX:
        if rest.startswith(prefix):
            rest = rest[len(prefix):]
            break
    for cue in PERSON_CUES + CREDIT_CUES + STAFF_CUES:
        if rest.startswith(cue):
            tail = rest[len(cue):]
            if cue in _SHORT_CUES and tail and tail[0] not in "：:/|":  # 文化…, 图书… are words
                return None
            return cue, tail.lstrip("：:/|")
    return None


def credit_line(line: str) -> Credit | None:
    """The credit a whole line states, or None when the line is not (only) a credit.

    Recognised: cue lines (``□ 本报记者 王俊杰``, ``通讯员 俞运吉 张音叙``, ``本版撰稿 王俊杰``,
    ``本版供图 某某组织部``), name lines (``马曦炜 高达``), a name with an affiliation
    (``夏建伟（…党工委书记）``), captions ending in 供图/摄 and short organisational credit lines
    (``宁民宗 栖霞民宗``).
    """
    line = line.strip().lstrip(_BULLETS).strip()
    if not line or len(line) > 80:
        return None
    if line[0] in "（(" and line[-1] in "）)" and len(line) > 2:  # （记者 张三丰）
        line = line[1:-1].strip()
    return (_cue_line(line) or _name_line(line) or _affiliation_line(line) or _caption_line(line)
            or _org_credit_line(line))


def _cue_line(line: str) -> Credit | None:
    persons: list[str] = []
    cue = None
    for token in _TOKEN.findall(line):
        split = _split_cue(token)
        if split:
            cue, token = split
            if not token:
                continue
        if cue is None:
            return None
        if cue in STAFF_CUES:
            if not _cue_name(token):
                return None
        elif cue in PERSON_CUES and _cue_name(token):
            persons.append(token)
        elif cue in CREDIT_CUES or cue == "摄影":
            if is_person_name(token):
                persons.append(token)
        else:
            return None
    return Credit(tuple(persons)) if cue else None


def _name_line(line: str) -> Credit | None:
    tokens = re.split(r"[\s、]+", line)
    if 1 <= len(tokens) <= 6 and all(is_person_name(t) for t in tokens):
        return Credit(tuple(tokens))
    return None


def _affiliation_line(line: str) -> Credit | None:
    m = _AFFILIATION.match(line)
    if m and is_person_name(m.group(1)):
        return Credit((m.group(1),), keep_text=True)
    return None


def _caption_line(line: str) -> Credit | None:
    """A photo caption: short, no sentence end, ending in a credit (``… 阳澄湖镇供图``, ``张三 摄``)."""
    if len(line) > 60 or _SENTENCE_END.search(line):
        return None
    if not line.rstrip("）) ").endswith(("供图", "摄", "摄影")):
        return None
    m = _CAPTION_CUE.search(line)
    if not m or not (m.group(1) or line[:m.start()].strip()):
        return None
    persons = _credited_persons(line[:m.start(2)])
    if m.group(2) != "供图" and not persons:  # 摄 after a non-name is a verb (拍摄), not a credit
        return None
    return Credit(persons)


def _credited_persons(before_cue: str) -> tuple[str, ...]:
    """The person names right before a 摄/供图 cue, read backwards until a non-name."""
    names: list[str] = []
    for token in reversed(_TOKEN.findall(before_cue.replace("（", " ").replace("(", " "))):
        if not is_person_name(token):
            break
        names.append(token)
    return tuple(reversed(names))


def _org_credit_line(line: str) -> Credit | None:
    """``宁民宗 栖霞民宗``: short Han tokens, some name-like, not all → a body's credit, no person."""
    tokens = _TOKEN.findall(line)
    if (2 <= len(tokens) <= 4 and len(line) <= 20
            and all(_HAN.fullmatch(t) and 2 <= len(t) <= 5 for t in tokens)
            and any(is_person_name(t) for t in tokens)):
        return Credit(())
    return None


def opener(text: str) -> tuple[int, tuple[str, ...]] | None:
    """``本报讯（宗志鹏）前段时间…`` → (length of the opener, persons); None if no opener."""
    m = _OPENER.match(text)
    if not m:
        return None
    persons = []
    for token in re.split(r"[\s、，,]+", m.group(1) or ""):
        split = _split_cue(token)
        if split:
            token = split[1]
        if token and _cue_name(token):
            persons.append(token)
    return m.end(), tuple(persons)


def tail(text: str, allow_bare_names: bool) -> tuple[int, tuple[str, ...]] | None:
    """A credit glued after the last sentence: returns (where it starts, persons) or None.

    ``…一等奖。潘芳 摄`` is always a credit; ``…“最后一公里”。高达`` (bare names) only where the
    caller knows the paragraph ends an article (``allow_bare_names``).
    """
    cut = max(text.rfind(ch, max(len(text) - _TAIL_MAX, 0)) for ch in _TAIL_AFTER) + 1
    piece = text[cut:]
    if not cut or not piece.strip() or not _HAN.fullmatch(piece.replace(" ", "")):
        return None
    start = cut + len(piece) - len(piece.lstrip())
    body, cue = piece.strip(), ""
    for word in ("摄影", "摄", "供图"):
        if body.endswith(word):
            body, cue = body[:-len(word)].strip(), word
            break
    if cue:  # 摄 / 供图: a credit whoever holds it
        return (start, _credited_persons(body)) if body else None
    tokens = body.split()
    if allow_bare_names and tokens and all(is_person_name(t) for t in tokens):
        return start, tuple(tokens)
    return None
