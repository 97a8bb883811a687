"""Policy documents: a title in 《》 that names a plan, programme or regulation.

The title must end with (or, before a bracketed year range, end with) a document word from
kg/data/document_words.txt (计划, 方案, 条例, 意见 …); 《家里的河》 (an artwork) or a newspaper
title does not. The canonical name keeps 《》 and drops inner quotation marks.
"""
from __future__ import annotations

import re

from kg.model import Mention
from kg.recognise import lexicon
from kg.recognise.view import View

TITLE = re.compile(r"《([^《》\n]{2,80})》")
TRAILING_BRACKETS = re.compile(r"（[^（）]*）$")


def recognise_documents(view: View) -> list[Mention]:
    found = []
    for match in TITLE.finditer(view.text):
        title = match.group(1)
        if _is_policy(title):
            name = "《" + title.replace("“", "").replace("”", "") + "》"
            found.append(Mention(match.start(), match.end(), match.group(), "PolicyDocument",
                                 "PolicyDocument", name, "document-title"))
    return found


def _is_policy(title: str) -> bool:
    core = TRAILING_BRACKETS.sub("", title)
    return any(core.endswith(word) for word in lexicon.document_words())
