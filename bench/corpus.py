"""Synthetic corpora of a given size, made from the seed pages with their names varied.

Copy ``k`` of a page keeps its sentences but rewrites the characters of the names in it: the
stem before an organisation or place suffix (…社区, …街道, …公司), the name after a title
(书记…, 队长…) and a byline alone on its line. Each name character is replaced by
a pool character chosen by the character, ``k`` and its position (surnames are kept), so within
one copy a name is varied consistently and across copies the same sentence names different
entities. Resolution therefore has real work, as in ten years of a
city paper where the same kinds of sentences name ever new people and communities.

Corpora are written to ``bench/corpora/<size>mb/`` with a stamp; a matching stamp is reused.
"""
from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE / "corpora"
SEEDS = HERE.parent / "seeds"
GENERATOR = "2"  # bump when the variation changes, so stale corpora are rebuilt

# Characters common in Chinese personal and place names, none of them a suffix character.
POOL = ("梅兰竹菊松柏桃李杨柳春夏秋冬晓明华英玉珍秀丽霞云峰波涛金银鑫鹏飞燕莺凤龙虎彪文武斌杰俊"
        "豪健宁静乐欣悦怡婷娜琪瑶璐晨曦阳辉亮星虹雪霜露雨泉溪淼森岚岩磊浩瀚清澄红蓝紫青碧翠"
        "诚信仁义礼智勇毅刚强志远鸿博雅思敏慧嘉佳")
_SUFFIXES = ("社区", "街道", "村", "镇", "乡", "公司", "集团", "商会", "协会", "学校", "医院",
             "中心", "党委", "党支部", "党总支", "党工委", "委员会", "小区", "花园", "新村")
_TITLES = ("书记", "主任", "队长", "会长", "董事长", "经理", "局长", "镇长", "区长", "部长", "记者",
           "通讯员", "校长", "院长", "所长", "站长", "委员")
_HAN = "[\u4e00-\u9fff]"
_NAME_SPANS = re.compile(
    rf"(?P<stem>{_HAN}{{2}})(?P<suffix>{'|'.join(_SUFFIXES)})"  # an organisation or place
    rf"|(?P<title>{'|'.join(_TITLES)})(?P<person>{_HAN}{{2}})"  # a person after a title
    rf"|^(?P<byline>{_HAN}{{2,4}})$",  # a byline alone on its line
    re.MULTILINE)


def vary(text: str, copy: int) -> str:
    """``text`` with its name characters changed for ``copy`` (copy 0 is the text itself)."""
    if copy == 0:
        return text
    size = len(POOL)

    def shift(name: str) -> str:
        # a function of (character, copy, position): one name varies the same way within a copy
        return "".join(POOL[(ord(ch) * 40503 + copy * 7 + position * (copy // size + 1) * 11) % size]
                       for position, ch in enumerate(name))

    def replace(match: re.Match) -> str:
        if match["stem"]:  # the suffix is matched too, so it never becomes the next stem
            return shift(match["stem"]) + match["suffix"]
        if match["title"]:  # keep the surname, so the name still reads as a person's
            return match["title"] + match["person"][0] + shift(match["person"][1:])
        return match["byline"][0] + shift(match["byline"][1:])
    return _NAME_SPANS.sub(replace, text)


def make_corpus(megabytes: float, seeds: Path = SEEDS, root: Path = CORPORA) -> Path:
    """The folder of a corpus of about ``megabytes`` MB (UTF-8), generated if missing or stale."""
    folder = root / f"{megabytes:g}mb"
    sources = sorted(seeds.glob("*.txt"))
    if not sources:
        raise SystemExit(f"no seed pages in {seeds}")
    stamp = _stamp(sources, megabytes)
    if (folder / ".stamp").is_file() and (folder / ".stamp").read_text() == stamp:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sources]
    target, written, copy = int(megabytes * 1_000_000), 0, 0
    while written < target:
        for stem, text in texts:
            data = vary(text, copy).encode("utf-8")
            (folder / f"{copy:05d}_{stem}.txt").write_bytes(data)
            written += len(data)
            if written >= target:
                break
        copy += 1
    (folder / ".stamp").write_text(stamp)
    return folder


def make_single_file(megabytes: float, seeds: Path = SEEDS, root: Path = CORPORA) -> Path:
    """One page file of about ``megabytes`` MB: the varied copies of the seed pages one after
    another, as a user's whole archive exported into a single text file would be."""
    folder = root / f"{megabytes:g}mb-single"
    sources = sorted(seeds.glob("*.txt"))
    stamp = "single;" + _stamp(sources, megabytes)
    target = folder / "archive.txt"
    if (folder / ".stamp").is_file() and (folder / ".stamp").read_text() == stamp:
        return target
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    texts = [p.read_text(encoding="utf-8") for p in sources]
    goal, written, copy = int(megabytes * 1_000_000), 0, 0
    with open(target, "w", encoding="utf-8", newline="\n") as handle:
        while written < goal:
            for text in texts:
                data = vary(text, copy).rstrip("\n") + "\n\n"
                handle.write(data)
                written += len(data.encode("utf-8"))
                if written >= goal:
                    break
            copy += 1
    (folder / ".stamp").write_text(stamp)
    return target


def _stamp(sources: list[Path], megabytes: float) -> str:
    digest = hashlib.sha256(f"{GENERATOR};{megabytes:g}".encode())
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def corpus_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*.txt"))
