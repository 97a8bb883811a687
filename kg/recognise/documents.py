"""Policy documents: a title in 《》 that names a plan, programme, regulation, notice or agreement.

The title must end with (or, before a bracketed year range, end with) a document word from
kg/data/document_words.txt (计划, 方案, 条例, 意见, 通知, 批复, 协议书, 意向书 …); 《家里的河》 (an
artwork) or a newspaper title does not. The canonical name keeps 《》 and drops inner quotation
marks.

A notice that forwards another document names it in angle brackets inside its own title
(《…关于印发<…实施方案>的通知》): the inner title is a document of its own, named 《…实施方案》.
"""
from __future__ import annotations

import re

from kg.model import Mention
from kg.recognise import lexicon
from kg.recognise.view import View
from kg.vocab import POLICY_DOCUMENT

TITLE = re.compile(r"《([^《》\n]{2,80})》")
# The brackets a title nested in a 《》 title takes: ASCII, full-width or CJK angle brackets.
INNER = re.compile(r"[<＜〈]([^<>＜＞〈〉]{2,78})[>＞〉]")
TRAILING_BRACKETS = re.compile(r"（[^（）]*）$")


def recognise_documents(view: View) -> list[Mention]:
    found = []
    for match in TITLE.finditer(view.text):
        if _is_policy(match.group(1)):
            found.append(_mention(match.start(), match.group(), match.group(1), "document-title"))
        for inner in INNER.finditer(match.group(1)):
            if _is_policy(inner.group(1)):
                start = match.start(1) + inner.start()
                found.append(_mention(start, inner.group(), inner.group(1), "document-nested"))
    return found


def _mention(start: int, text: str, title: str, rule: str) -> Mention:
    name = "《" + title.replace("“", "").replace("”", "") + "》"
    return Mention(start, start + len(text), text, POLICY_DOCUMENT, POLICY_DOCUMENT, name, rule)


def _is_policy(title: str) -> bool:
    core = TRAILING_BRACKETS.sub("", title)
    return core.endswith(lexicon.document_words())
