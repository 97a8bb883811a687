"""Bylines and credits: who wrote, photographed, edited or checked a news item, and which lines are
not body text.

Everything here is a pattern over one normalised line (full-width punctuation, single spaces), never
a list of known people: a person name is 2–3 Han characters led by a common surname (3–4 with a
compound surname), or any 2–4 Han characters governed by a byline cue word (记者, 通讯员, 编辑,
审核, 摄影…), where the cue already says "this is a person". Outlets and bodies in a credit
(``青枫晚报/紫云新闻记者``, ``来源：某某融媒体中心``, ``青松镇供图``) are recognised as part of the
credit but give no person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.recognise import lexicon

_WORDS = lexicon.byline_words()
# A surname-led name on a line of names: the surnames of kg/data/surnames.txt but those a name
# line does not take on their own (the byline cues' "unsure": 党, 明, 文 open ordinary words in this
# genre more often than names; a false name line would cut an article in two, a missed rare
# surname only loses one creator).
SURNAMES = frozenset(s for s in lexicon.surnames() if len(s) == 1) - set(_WORDS["unsure"])
COMPOUND_SURNAMES = frozenset(s for s in lexicon.surnames() if len(s) == 2)
# A token ending like this names a place or a body, not a person (李家港, 王庄村, 李家镇).
_NOT_NAME_END = frozenset(lexicon.cues("place-or-body-end") + lexicon.cues("lake-end"))
# Byline cue words (kg/data/byline_cues.txt). A person cue says the names it governs are persons:
# the reporters, writers and photographers, and the editors and reviewers credited under the
# article (the annotation guide counts them as creators). A holder cue may credit a body
# (来源：某某网, 青松镇供图), so only a name of person shape under it is a person. A date cue heads
# the publication time of a web page.
PERSON_CUES, HOLDER_CUES, DATE_CUES = _WORDS["person"], _WORDS["holder"], _WORDS["date"]
_CUES = sorted(PERSON_CUES + HOLDER_CUES + DATE_CUES, key=len, reverse=True)
_SHORT_CUES = _WORDS["alone"]  # only as a token of their own: 文/张三丰, 张三丰 摄 (文化…, 拍摄 are words)
_AFTER_NAME_CUES = _WORDS["after-name"]  # glued after a name: 张三丰报道
_CUE_PREFIX = _WORDS["own-outlet"]
_CAPTION_CUES = _WORDS["caption"]  # a photo caption's credit: … 青松镇供图, 张三 摄
_BULLETS = "□■◆●▲△○◇◎★☆▶►·"
# What a line of names may hold besides the names: cue words, also glued to the paper (本报记者,
# 本版撰稿) or written with a slash (文/), the paper's 讯 and bullets.
CREDIT_WORDS = frozenset(
    [*PERSON_CUES, *HOLDER_CUES, *_BULLETS, *(p + "讯" for p in _CUE_PREFIX),
     *(p + c for p in _CUE_PREFIX for c in PERSON_CUES + HOLDER_CUES),
     *(c + "/" for c in _SHORT_CUES)])
# What may stand glued before a cue: an outlet or a reporter's rank (紫云新闻记者, 驻某地首席记者,
# 某某融媒体中心记者, 单位审核).
_CUE_QUALIFIER = re.compile(r"^[\u4e00-\u9fff]{0,14}(?:%s)$" % "|".join(_WORDS["qualifier"]))
# An outlet or a body named in a credit is not a person. An outlet (某某财经日报, 某某融媒体中心, 某组宣
# for 组织部宣传科) only says where the item comes from; a body (某某街道, 某某公司, 某某居委会) is an
# organisation of the story's world, so a credit naming one keeps its text for the recognisers.
_OUTLET_END = re.compile("(?:%s)$" % "|".join(_WORDS["outlet"]))
_BODY_END = re.compile("(?:%s)$" % "|".join(_WORDS["body"]))
_SEPARATORS = re.compile(r"[\s：:/|丨｜、，,]+")
_SEPARATED_CUE = re.compile(r"[：:/|丨｜]")
_DATE = re.compile(r"\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|星期[一二三四五六日天]")
# A cue printed with its characters spaced out to align a column of credits: 编 辑丨…, 终 审丨…
_SPACED_CUE = re.compile("|".join(" ".join(c) for c in _CUES if len(c) > 1))
# A quick look before the full parse: most lines hold no cue at all.
_ANY_CUE = re.compile("|".join([c for c in _CUES if len(c) > 1] + [_SPACED_CUE.pattern, "摄"])
                      + r"|(?<![\u4e00-\u9fff])[文图](?![\u4e00-\u9fff])")
_HAN = re.compile(r"[\u3400-\u9fff]+")
_TOKEN = re.compile(r"\S+")
# 本报讯（王小明）, 新华日报讯（记者 张三）, 本报讯 记者张三 李四报道 …, 某地5月1日电（记者 张三）:
# an item opener with its byline. After 电 only a reporter's byline: 安全用电（试行） is no opener.
_OPENER = re.compile(r"^(?:[\u4e00-\u9fff]{0,10}讯[（(]([^（）()]{2,40})[）)]"
                     r"|[\u4e00-\u9fff]{0,10}讯\s*((?:记者|通讯员)[^，。；：“”（）()]{2,30}?报道)\s"
                     r"|[\u4e00-\u9fff\d]{2,16}电[（(]((?:" + lexicon.alternation(_WORDS["dateline-rank"])
                     + r")?(?:记者|通讯员)[^（）()]{2,40})[）)]"
                     "|(?:" + lexicon.alternation(_WORDS["dateline-outlet"]) + r")讯\s+)")
# A credit glued to the end of a paragraph: …一等奖。王小明 摄 / …“最后一公里”。李小红 / …。（张三 李四）
_TAIL_MAX = 30  # characters after the last sentence end that can still be a glued credit
_TAIL_AFTER = "。！？…”’」』）"
_TAIL_CUT = re.compile(".*[" + _TAIL_AFTER + "]", re.S)  # up to the last of them (greedy)
_GLUED = re.compile(r"[\u3400-\u9fff][\u3400-\u9fff /：|]*")  # 王小明 摄, 记者 张三, 文/张三
_BRACKET_TAIL = re.compile(r"(?<=[。！？…”’」』])[（(【]([^（）()【】]{2,40})[）)】]$")
_CAPTION_CUE = re.compile(r"[（(]?\s*([^\s（(]*?)\s*(" + lexicon.alternation(_CAPTION_CUES)
                          + r")\s*[）)]?$")
_AFFILIATION = re.compile(r"^([\u4e00-\u9fff]{2,4})\s*（([^（）]{3,60})）$")
_SENTENCE_END = re.compile(r"[。！？]")
_NAME_SEPARATORS = re.compile(r"[\s、]+")
_SECOND_NAME = re.compile(r"[（(][^（）()]*[）)]$")


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


def _surnamed(token: str) -> bool:
    return token[0] in SURNAMES or token[:2] in COMPOUND_SURNAMES


def _cue_name(token: str) -> bool:
    """After a cue word the token is a person unless it looks like a body: 2–4 Han characters.
    A surname and one more character is a name whatever that character (记者 王港)."""
    if not _HAN.fullmatch(token) or not 2 <= len(token) <= 4:
        return False
    return token[-1] not in _NOT_NAME_END or (len(token) == 2 and token[0] in SURNAMES)


def _holder(token: str) -> str | None:
    """``"outlet"`` (青枫晚报, 某组宣), ``"body"`` (青松街道, 某某公司) or None for a credit word."""
    core = _SECOND_NAME.sub("", token)  # 某某商会（某某分会）
    if len(core) < 3:
        return None
    if _OUTLET_END.search(core):
        return "outlet"
    if core[-1] in _NOT_NAME_END or _BODY_END.search(core):
        return "body"
    return None


def credit_line(line: str) -> Credit | None:
    """The credit a whole line states, or None when the line is not (only) a credit.

    Recognised: cue lines (``□ 本报记者 王小明``, ``某某晚报/某某新闻记者 X 通讯员 Y``, ``编辑：X``,
    ``审 核丨X``, ``X/摄影 Y/审核``, ``来源：某某网 作者：X 2023-09-24``), name lines (``王小明 李小红``),
    a body followed by its authors (``某某公司 X、Y``), a name with an affiliation
    (``王小明（…党工委书记）``), captions ending in 供图/摄 and short organisational credit lines
    (``梅民宗 青松民宗``).
    """
    line = line.strip().lstrip(_BULLETS).strip()
    if not line or len(line) > 80:
        return None
    if line[0] in "（(【" and line[-1] in "）)】" and len(line) > 2:  # （记者 张三丰）, 【文/张三丰】
        line = line[1:-1].strip()
    return (_cue_line(line) or _name_line(line) or _body_names_line(line)
            or _affiliation_line(line) or _caption_line(line) or _org_credit_line(line))


def _pieces(line: str) -> list[tuple[str, str]]:
    """The line as ``(kind, text)`` pieces, ``("cue", "记者")`` or ``("word", "张三丰")``, dates
    dropped."""
    line = _SPACED_CUE.sub(lambda m: m.group().replace(" ", ""), _DATE.sub(" ", line))
    pieces: list[tuple[str, str]] = []
    for token in _SEPARATORS.split(line):
        if token:
            pieces.extend(_peel(token))
    return _pair_spaced_names(pieces)


def _peel(token: str) -> list[tuple[str, str]]:
    """``本报记者王小明`` → cue + word; ``张三丰报道`` → word + cue; ``紫云新闻记者`` → cue.
    A holder cue is never glued (``来源于群众`` is a phrase, ``来源：某某网`` a credit)."""
    rest = next((token[len(p):] for p in _CUE_PREFIX if token.startswith(p)), token)
    if rest in _CUES:
        return [("cue", rest)]
    for cue in _CUES:  # two cues in one word: 摄影报道, 图片来源
        if rest.startswith(cue) and rest[len(cue):] in _CUES:
            return [("cue", cue), ("cue", rest[len(cue):])]
    for cue in PERSON_CUES:  # glued to a name only where the name has a person's shape
        if cue not in _SHORT_CUES and rest.startswith(cue) and is_person_name(rest[len(cue):]):
            return [("cue", cue), ("word", rest[len(cue):])]
    for cue in _AFTER_NAME_CUES:
        if token.endswith(cue) and is_person_name(token[:-len(cue)]):
            return [("word", token[:-len(cue)]), ("cue", cue)]
    for cue in _CUES:
        if cue not in _SHORT_CUES and token.endswith(cue) and _CUE_QUALIFIER.match(token[:-len(cue)]):
            return [("cue", cue)]
    return [("word", token)]


def _pair_spaced_names(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Two-character names printed with a space inside to align a column (``王 五``, ``钱 七 孙 八``):
    a run of single characters is read two by two; a run of three is one name."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(pieces):
        j = i
        while j < len(pieces) and pieces[j][0] == "word" and len(pieces[j][1]) == 1:
            j += 1
        run = "".join(text for _, text in pieces[i:j])
        if len(run) == 3:
            out.append(("word", run))
        elif run and len(run) % 2 == 0:
            out.extend(("word", run[k:k + 2]) for k in range(0, len(run), 2))
        else:
            out.extend(pieces[i:max(j, i + 1)])
        i = max(j, i + 1)
    return out


def _cue_line(line: str) -> Credit | None:
    """Cue words with the names, outlets and bodies they govern, and nothing else. A word is
    governed by the cue before it, or by the first cue when it opens the line (``张三丰/摄影``)."""
    if _SENTENCE_END.search(line) or not _ANY_CUE.search(line):
        return None
    pieces = _pieces(line)
    cues = [k for k, (kind, _) in enumerate(pieces) if kind == "cue"]
    if not cues:
        return None
    persons: list[str] = []
    names_body, loose = False, False
    for k, (kind, word) in enumerate(pieces):
        if kind == "cue":
            continue
        cue = pieces[max((c for c in cues if c < k), default=cues[0])][1]
        holder = _holder(word)
        if cue in DATE_CUES:
            return None  # a date cue takes only its date, dropped by _pieces
        if holder:
            names_body = names_body or holder == "body"
        elif is_person_name(word) or (cue in PERSON_CUES and _cue_name(word)):
            persons.append(word)
            loose = loose or not _surnamed(word)
        elif cue in PERSON_CUES or len(word) > 20:
            return None
        # else a holder cue's holder of no telling shape: 来源：网络
    # A word of no surname is a name only beside a surnamed one or after a credit's separator
    # (端某/供稿, 记者：某某): ``编辑 推荐`` and ``审核 通过`` are phrases.
    if loose and not _SEPARATED_CUE.search(line) and not any(map(_surnamed, persons)):
        return None
    if len(cues) == len(pieces) and not _DATE.search(line):
        return None  # cue words alone are a label (新闻报道), not a credit
    return Credit(tuple(persons), keep_text=names_body)


def _name_line(line: str) -> Credit | None:
    tokens = _NAME_SEPARATORS.split(line)
    if 1 <= len(tokens) <= 6 and all(is_person_name(t) for t in tokens):
        return Credit(tuple(tokens))
    return None


def _body_names_line(line: str) -> Credit | None:
    """``某某公司 张三、李四``: one or more bodies, then the persons who wrote for them."""
    tokens = _NAME_SEPARATORS.split(line)
    bodies = next((k for k, t in enumerate(tokens) if not (_HAN.fullmatch(t) and _holder(t))), 0)
    names = tokens[bodies:]
    if bodies and 1 <= len(names) <= 4 and all(is_person_name(t) for t in names):
        keep = any(_holder(t) == "body" for t in tokens[:bodies])
        return Credit(tuple(names), keep_text=keep)
    return None


def _affiliation_line(line: str) -> Credit | None:
    m = _AFFILIATION.match(line)
    if m and is_person_name(m.group(1)):
        return Credit((m.group(1),), keep_text=True)
    return None


def _caption_line(line: str) -> Credit | None:
    """A photo caption: short, no sentence end, ending in a credit (``… 青松镇供图``, ``张三 摄``)."""
    if len(line) > 60 or _SENTENCE_END.search(line):
        return None
    if not line.rstrip("）) ").endswith(_CAPTION_CUES):
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
    """``梅民宗 青松民宗``: short Han tokens, some name-like, not all → a body's credit, no person."""
    tokens = _TOKEN.findall(line)
    if (2 <= len(tokens) <= 4 and len(line) <= 20
            and all(_HAN.fullmatch(t) and 2 <= len(t) <= 5 for t in tokens)
            and any(is_person_name(t) for t in tokens)):
        return Credit(())
    return None


def opener(text: str) -> tuple[int, tuple[str, ...]] | None:
    """``本报讯（王小明）前段时间…`` → (length of the opener, persons); None if no opener."""
    m = _OPENER.match(text)
    if not m:
        return None
    byline = m.group(1) or m.group(2) or m.group(3) or ""
    credit = _cue_line(byline) or _name_line(byline)
    if credit is not None:
        return m.end(), credit.persons
    # The 讯（…） frame already says "byline": any name-shaped word in it is a person.
    words = [w for kind, w in _pieces(byline) if kind == "word"]
    return m.end(), tuple(w for w in words if _cue_name(w) and not _holder(w))


def tail(text: str, allow_bare_names: bool) -> tuple[int, tuple[str, ...]] | None:
    """A credit glued after the last sentence: returns (where the body text ends, persons) or
    None. The text ends where the credit starts, unless the credit names a body (see _holder).

    ``…一等奖。王小明 摄``, ``…。记者 张三`` and ``…。（文/图 张三）`` are always credits;
    ``…“最后一公里”。李小红`` and ``…。（张三 李四）`` (bare names) only where the caller knows the
    paragraph ends an article (``allow_bare_names``). A bracketed cue credit naming an outlet only
    (``…。（来源：某某日报）``) is cut with no person; a bracket with a body and no cue
    (``…。（某某市商会）``) stays text.
    """
    bracket = _BRACKET_TAIL.search(text)
    if bracket:  # …相互促进。（张三、李四）
        credit = _cue_line(bracket.group(1))
        if credit is None and allow_bare_names:
            credit = _name_line(bracket.group(1)) or _body_names_line(bracket.group(1))
        return _tail_credit(text, bracket.start(), credit)
    last = _TAIL_CUT.match(text, max(len(text) - _TAIL_MAX, 0))
    cut = last.end() if last else 0
    piece = text[cut:]
    if not cut or not _GLUED.fullmatch(piece.strip()):
        return None
    start = cut + len(piece) - len(piece.lstrip())
    body, cue = piece.strip(), ""
    for word in _CAPTION_CUES:
        if body.endswith(word):
            body, cue = body[:-len(word)].strip(), word
            break
    if cue:  # 摄 / 供图: a credit whoever holds it
        return (start, _credited_persons(body)) if body else None
    credit = _cue_line(body) or (_name_line(body) if allow_bare_names else None)
    if credit is None or not credit.persons:  # …。记者 may wrap onto the next line: no bracket, no cut
        return None
    return _tail_credit(text, start, credit)


def is_photo_credit(credit: str) -> bool:
    """``王小明 摄``, ``（摄影 张三）``: the credit names who took the picture."""
    return bool(re.search(r"摄影?[）)]?$|^[（(]?摄影", credit.strip()))


def _tail_credit(text: str, start: int, credit: Credit | None) -> tuple[int, tuple[str, ...]] | None:
    """A credit naming a body stays text (only its persons are taken); any other is cut."""
    if credit is None or (credit.keep_text and not credit.persons):
        return None
    return (len(text) if credit.keep_text else start), credit.persons
