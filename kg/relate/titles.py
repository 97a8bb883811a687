"""Titles (posts) a person holds: the generic lexicon the post extractor matches before a name.

The entity recogniser owns the shared title lexicon (``kg.recognise.lexicon.titles``); this module
uses it when it is there and adds the few generic posts the relation step needs beyond it. Every
entry is a generic title, never a name.
"""
from __future__ import annotations

from functools import lru_cache

_OWN = """
书记 副书记 常务副书记 第一书记 党委书记 党支部书记 支部书记 党总支书记 党组书记 纪委书记
委员 常委 主任 副主任 常务副主任 主席 副主席 常务副主席 会长 副会长 常务副会长 执行会长 秘书长
副秘书长 理事长 副理事长 理事 监事长 队长 副队长 部长 副部长 局长 副局长 处长 副处长 科长 副科长
厅长 副厅长 省长 副省长 市长 副市长 区长 副区长 县长 副县长 镇长 副镇长 乡长 副乡长 村长 组长 副组长
董事长 副董事长 董事 总经理 副总经理 经理 总裁 副总裁 总监 行长 副行长 校长 副校长 院长 副院长
所长 副所长 站长 馆长 副馆长 社长 副社长 总编辑 主编 总工程师 工程师 创始人 负责人 主任委员
代表 人大代表 政协委员 楼长 巷长 楼巷长 楼栋长 网格长 网格员 分管领导 主要负责人 团长 政委
"""

# A head of government is named after the place, not after the body: `张家港市委书记、市长` holds
# the 市长 post in the 人民政府 of the place whose 市委 the chain named.
GOVERNMENT_HEADS = frozenset("省长 副省长 市长 副市长 区长 副区长 县长 副县长 镇长 副镇长 乡长 副乡长".split())


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """All titles, longest first (so `副书记` wins over `书记`)."""
    found = set(_OWN.split())
    try:
        from kg.recognise import lexicon  # the entity engineer's shared lexicon, when present
        found.update(t for t in lexicon.titles() if t)
    except (ImportError, AttributeError):
        pass
    return tuple(sorted(found, key=lambda t: (-len(t), t)))


def title_ending_at(text: str, end: int, floor: int = 0) -> str:
    """The longest title that ends at ``end`` in ``text`` (not reaching before ``floor``), or ""."""
    for t in titles():
        start = end - len(t)
        if start >= floor and text.startswith(t, start):
            return t
    return ""
