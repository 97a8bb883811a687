"""``python -m bench.swap`` (= ``make swap``): does extraction depend on *which* names an article
uses? A measure of generalisation that needs no gold.

Users feed articles about other people, towns and villages than the ones the rules were written
on. So each page is read again with its names swapped for others of the same shape — every
person the pipeline found for a real name of the same length, every place's stem (``吴门桥`` of
``吴门桥街道``, and so ``吴门桥街道党工委`` and a bare ``吴门桥`` with it) for the stem of a real
place of the same level — and what the pipeline finds in the variant is compared with what it
found in the page, names mapped across. A rule that keys on a particular name, or on jieba
happening to know it, loses entities and relations in the variants; a rule of the language keeps
them.

The replacement names are real: persons and places annotated in the public NER corpora in
``../shared/ner-data`` (read at run time, never copied) and the county-level divisions of
``kg/data/divisions.tsv``. Each page gets ``--variants`` variants, drawn by a seeded generator
(the same run gives the same numbers).

    python -m bench.swap                          # seeds/
    python -m bench.swap some/pages --variants 5 --show lost
    python -m bench.swap --corpus-pages 100 --variants 2    # genre sentences of the corpora
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bench import run_tool
from kg.pipeline import process_text
from kg.recognise import lexicon
from kg.segment import frequencies, place_words

ROOT = Path(__file__).resolve().parent.parent
NER_DATA = ROOT.parent / "shared" / "ner-data"
POOL_FILES = ("msra_train_clean.jsonl", "pd_dev.jsonl", "cluener_train.jsonl")
SENTENCE_END = re.compile(r"[。！？!?\n]")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
# the levels whose stems are swapped, longest first (a 社区 is not a 区)
LEVELS = ("街道", "社区", "省", "市", "县", "区", "镇", "乡", "村")
LOCAL_LEVELS = ("街道", "社区", "镇", "乡", "村")
# a company's name: its brand, then one of these (longest first)
COMPANY_ENDINGS = ("集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "集团", "公司")


@dataclass(frozen=True)
class Pools:
    persons: dict[int, tuple[str, ...]]  # length → real person names
    stems: dict[str, tuple[str, ...]]  # level suffix → stems of real places of that level
    brands: tuple[str, ...] = ()  # what real companies are called before 公司, 集团 …


def load_pools(folder: Path = NER_DATA) -> Pools:
    surnames = lexicon.surnames()
    level_chars = set("".join(LEVELS))
    persons: dict[int, set[str]] = defaultdict(set)
    stems: dict[str, set[str]] = defaultdict(set)
    brands: set[str] = set()
    for name in POOL_FILES:
        with open(folder / name, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                for start, end, kind in record["spans"]:
                    span = record["text"][start:end]
                    if kind == "PER" and len(span) in (2, 3) and span[0] in surnames and _HAN.fullmatch(span):
                        persons[len(span)].add(span)
                    elif kind == "ORG" and (brand := _brand(span, level_chars)):
                        brands.add(brand)
                    elif kind == "LOC" and _suffix(span) in LOCAL_LEVELS:
                        # towns, villages, subdistricts and communities: not in the division
                        # table, so from the corpora (where 省 and 市 would bring foreign ones)
                        _add_stem(stems, span, level_chars)
    for _, division in lexicon.divisions():
        _add_stem(stems, division, level_chars)
    # the corpora name few subdistricts and communities; their stems are any local place's
    local = set().union(*(stems[s] for s in LOCAL_LEVELS))
    stems["街道"] |= local
    stems["社区"] |= local
    # names jieba's dictionary knows are the easy ones (famous people, 记者 of 记者村): an
    # unseen article's people and villages are mostly unknown to it
    known = frequencies()
    places = set(place_words())
    return Pools({n: tuple(sorted(v for v in names if v not in known))
                  for n, names in persons.items()},
                 {s: tuple(sorted(v for v in names if v not in known or v in places))
                  for s, names in stems.items()},
                 tuple(sorted(b for b in brands if b not in known)))


def _brand(company: str, level_chars: set[str]) -> str | None:
    """盛虹控股 of 盛虹控股集团: the name before a company's ending, when it holds no place (two to
    four Han characters, no level character)."""
    ending = next((e for e in COMPANY_ENDINGS if company.endswith(e)), None)
    brand = company[: -len(ending)] if ending else ""
    ok = 2 <= len(brand) <= 4 and _HAN.fullmatch(brand) and not set(brand) & level_chars \
        and not any(brand[:n] in _area_words() for n in (2, 3))
    return brand if ok else None


@lru_cache(maxsize=1)
def _area_words() -> frozenset[str]:
    """Bare names of provinces, cities and countries (浙江 of 浙江金泰: a place, not a brand)."""
    from kg.recognise.places import dictionary_areas
    return frozenset(dictionary_areas()) | lexicon.countries() | {"中国", "中华", "全国"}


def _suffix(place: str) -> str | None:
    """The place's level suffix when it is one of LEVELS (the longest suffix of the lexicon
    decides: 开发区 is a zone, not a 区 named 开发)."""
    suffix = max((s for s in lexicon.place_suffixes() if place.endswith(s)), key=len, default=None)
    return suffix if suffix in LEVELS else None


def _add_stem(stems: dict[str, set[str]], place: str, level_chars: set[str]) -> None:
    suffix = _suffix(place)
    if suffix is None:
        return
    stem = place[: -len(suffix)]
    # a plain stem: no level inside (河北省石家庄 is two places), no 自治 or 新 (other levels)
    if 2 <= len(stem) <= 3 and not set(stem) & level_chars and "自治" not in stem \
            and re.fullmatch(r"[\u4e00-\u9fff]+", stem):
        stems[suffix].add(stem)


def swaps(text: str, mentions, pools: Pools, rng: random.Random) -> dict[str, str]:
    """Old string → new string for the page's persons, place stems and companies' brands (none
    new to the text)."""
    mapping: dict[str, str] = {}
    taken = set()
    for mention in sorted({(m.kind, m.name) for m in mentions}):
        kind, name = mention
        if kind == "Person" and len(name) in pools.persons and name not in mapping:
            old, pool = name, pools.persons[len(name)]
        elif kind == "Organization" and (brand := _brand(name, set("".join(LEVELS)))) \
                and pools.brands and brand not in mapping:
            old, pool = brand, pools.brands
        elif kind == "Place":
            suffix = _suffix(name)
            old = name[: -len(suffix)] if suffix else ""
            if not (2 <= len(old) <= 3) or old in mapping or suffix not in pools.stems:
                continue
            pool = pools.stems[suffix]
        else:
            continue
        for _ in range(20):
            new = rng.choice(pool)
            if new not in text and new not in taken and not any(new in o or o in new for o in mapping):
                mapping[old] = new
                taken.add(new)
                break
    # a stem inside another swapped name would be swapped twice: keep the longer one
    return {old: new for old, new in mapping.items()
            if not any(old != other and old in other for other in mapping)}


def apply(mapping: dict[str, str], text: str) -> str:
    if not mapping:
        return text
    pattern = re.compile("|".join(map(re.escape, sorted(mapping, key=len, reverse=True))))
    return pattern.sub(lambda m: mapping[m.group()], text)


def facts(result) -> tuple[set, set, dict]:
    """The (kind, name) entities and (predicate, subject, object) relations of a page, with a
    sentence of each for the listing."""
    entities, relations, where = set(), set(), {}
    for article, mentions, rels in zip(result.articles, result.mentions, result.relations):
        for m in mentions:
            key = (m.kind, m.name)
            entities.add(key)
            where.setdefault(key, _sentence(article.text, m.start, m.end))
        for r in rels:
            key = (r.predicate, r.subject.name, r.object.name)
            relations.add(key)
            where.setdefault(key, article.text[r.sentence_start:r.sentence_end].replace("\n", " "))
    return entities, relations, where


def _sentence(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    right = SENTENCE_END.search(text, end)
    return text[left:right.end() if right else len(text)].replace("\n", " ")


def compare(pages: list[Path], pools: Pools, variants: int, seed: int = 0):
    """Per kind: (kept, of), and the lost and gained facts with their sentences."""
    kept, total = Counter(), Counter()
    lost, gained = [], []
    for path in pages:
        text = path.read_text(encoding="utf-8")
        original = process_text(path.name, text)
        entities, relations, where = facts(original)
        mentions = [m for ms in original.mentions for m in ms]
        for n in range(variants):
            rng = random.Random(f"{seed}/{path.name}/{n}")
            mapping = swaps(text, mentions, pools, rng)
            if not mapping:
                continue
            variant = process_text(path.name, apply(mapping, text))
            v_entities, v_relations, v_where = facts(variant)
            mapped_e = {(k, apply(mapping, name)) for k, name in entities}
            mapped_r = {(p, apply(mapping, s), apply(mapping, o)) for p, s, o in relations}
            for kind, name in mapped_e:
                total[kind] += 1
                kept[kind] += (kind, name) in v_entities
            for p, s, o in mapped_r:
                total[p] += 1
                kept[p] += (p, s, o) in v_relations
            back = {new: old for old, new in mapping.items()}
            for fact in sorted(mapped_e - v_entities) + sorted(mapped_r - v_relations):
                sentence = where.get(tuple(apply(back, part) for part in fact), "")
                lost.append((path.name, fact, sentence, apply(mapping, sentence)))
            for fact in sorted(v_entities - mapped_e) + sorted(v_relations - mapped_r):
                gained.append((path.name, fact, "", v_where.get(fact, "")))
    return kept, total, lost, gained


# What makes a corpus sentence one of the genre's (a body, a post, a level, a programme)
GENRE_WORDS = re.compile("党委|党工委|街道|社区|书记|支部|村|镇|县委|区委|商会|协会|主任|局|公司|项目|开发区|园区")
PAGE_SENTENCES = 40


def corpus_pages(count: int, folder: Path, corpora: Path = NER_DATA) -> list[Path]:
    """``count`` pages of the genre's sentences from the MSRA training text and the People's Daily
    dev set (15–200 characters, with a word of GENRE_WORDS), PAGE_SENTENCES to a page, in corpus
    order: text no rule was written on, to swap names in."""
    sentences = []
    for name in POOL_FILES[:2]:
        with open(corpora / name, encoding="utf-8") as handle:
            sentences += [t for t in (json.loads(line)["text"] for line in handle)
                          if 15 <= len(t) <= 200 and GENRE_WORDS.search(t)]
    pages = []
    for k in range(count):
        chunk = sentences[k * PAGE_SENTENCES:(k + 1) * PAGE_SENTENCES]
        if not chunk:
            break
        page = folder / f"p{k:03d}.txt"
        page.write_text("新闻\n\n" + "\n\n".join(chunk) + "\n", encoding="utf-8")
        pages.append(page)
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.swap", description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=[ROOT / "seeds"])
    parser.add_argument("--variants", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", choices=("none", "lost", "gained", "both"), default="none")
    parser.add_argument("--corpus-pages", type=int, default=0, metavar="N",
                        help="swap in N pages of the NER corpora's genre sentences instead")
    args = parser.parse_args(argv)
    if not NER_DATA.is_dir():
        print(f"bench.swap: needs the NER corpora in {NER_DATA}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        if args.corpus_pages:
            pages = corpus_pages(args.corpus_pages, Path(scratch))
        else:
            pages = sorted(p for i in args.inputs for p in ([i] if i.is_file() else i.glob("*.txt")))
        kept, total, lost, gained = compare(pages, load_pools(), args.variants, args.seed)
    print(f"{len(pages)} pages × {args.variants} variants: facts kept when the names are swapped")
    print(f"{'':24}{'kept':>8}{'of':>8}{'share':>8}")
    for key in sorted(total, key=lambda k: (k[0].islower(), k)):
        print(f"{key:24}{kept[key]:>8}{total[key]:>8}{kept[key] / total[key]:>8.3f}")
    all_kept, all_total = sum(kept.values()), sum(total.values())
    print(f"{'all':24}{all_kept:>8}{all_total:>8}{all_kept / max(1, all_total):>8.3f}")
    print(f"gained in the variants (found there, not in the page): {len(gained)}")
    for label, rows in (("lost", lost), ("gained", gained)):
        if args.show in (label, "both"):
            print(f"\n## {label}")
            for source, fact, before, after in rows:
                print(f"{source}\t{' | '.join(fact)}\n    {after or before}")
    return 0


if __name__ == "__main__":
    run_tool(main)
