"""``python -m bench.shapes`` (= ``make shapes``): the genre's common sentence shapes, filled with
real names, and what extraction must find in each. A measure of generalisation with no gold file:
what a shape says is known by construction.

Each shape is a sentence of the genre with slots (a person, the stems of a city, a district, a
county, a town, a subdistrict, a community, a village, a company's brand, a programme's name)
and the facts it states (``E:`` an entity's name, ``R:predicate:subject>object``). Every shape is filled ``--fills`` times
with names drawn (seeded) from the pools of ``bench.swap`` — persons and places annotated in the
public NER corpora, the national division table — and a fill counts when every fact is found.
A rule that keys on particular names, or on jieba happening to know them, fails fills; a rule of
the language passes them all.

    python -m bench.shapes                     # the table
    python -m bench.shapes --show 5            # and up to 5 failing fills per shape
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter

from bench import run_tool
from bench.swap import NER_DATA, Pools, load_pools
from kg.pipeline import process_text

# slot → where its names come from: a person (by length), a brand, or a place level's stems
SLOTS = {"P": ("person", 3), "Q": ("person", 3), "P2": ("person", 2), "企": ("brand", ""),
         "I": ("programme", ""),
         "城": ("stem", "市"), "区": ("stem", "区"), "县": ("stem", "县"), "镇": ("stem", "镇"),
         "街": ("stem", "街道"), "社": ("stem", "社区"), "社2": ("stem", "社区"), "村": ("stem", "村"),
         "村2": ("stem", "村")}

SHAPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("近日，{城}市{区}区{街}街道{社}社区党委书记{P}介绍，社区将开展活动。",
     ("E:{社}社区", "R:memberOf:{P}>{社}社区党委", "R:locatedIn:{社}社区>{街}街道",
      "R:locatedIn:{街}街道>{区}区", "R:locatedIn:{区}区>{城}市")),
    ("{县}县{镇}镇{村}村党支部书记、村委会主任{P}说，村里将修路。",
     ("R:memberOf:{P}>{村}村党支部", "R:memberOf:{P}>{村}村委会", "R:locatedIn:{村}村>{镇}镇",
      "R:locatedIn:{镇}镇>{县}县")),
    ("{县}县委常委、组织部部长{P}出席会议并讲话。",
     ("R:memberOf:{P}>{县}县委", "R:memberOf:{P}>{县}县委组织部")),
    ("{镇}镇党委书记{P}带领镇村干部走访企业。", ("R:memberOf:{P}>{镇}镇党委",)),
    ("{区}区{街}街道党工委与{企}有限公司党支部签订共建协议。",
     ("E:{企}有限公司", "R:partnerOf:{街}街道党工委>{企}有限公司党支部")),
    ("在{县}县{镇}镇，驻村第一书记{P}正带领村民发展产业。", ("E:{P}", "E:{镇}镇")),
    ("{城}市{区}区委书记{P}到{街}街道调研基层治理工作。",
     ("R:memberOf:{P}>{区}区委", "E:{街}街道")),
    ("“我们社区有3000多户居民。”{社}社区党委副书记{P}说。", ("R:memberOf:{P}>{社}社区党委",)),
    ("{镇}镇{村}村是远近闻名的文明村。", ("R:locatedIn:{村}村>{镇}镇",)),
    ("{县}县{镇}镇商会会长、{企}集团董事长{P}表示，要回报家乡。",
     ("R:memberOf:{P}>{镇}镇商会", "R:memberOf:{P}>{企}集团")),
    ("{街}街道{社}社区、{社2}社区联合开展志愿服务活动。", ("E:{社}社区", "E:{社2}社区")),
    ("来到{镇}镇{村}村，只见道路整洁、房屋错落有致。", ("R:locatedIn:{村}村>{镇}镇",)),
    ("{P}是{镇}镇{村}村的一名老党员，今年已经82岁。", ("E:{P}", "E:{村}村")),
    ("{城}市委组织部副部长{P}一行到{县}县调研。", ("R:memberOf:{P}>{城}市委组织部",)),
    ("{县}县人民政府与{企}股份有限公司签署战略合作协议。",
     ("R:partnerOf:{县}县人民政府>{企}股份有限公司",)),
    ("{区}区政协主席{P}参加活动并讲话。", ("R:memberOf:{P}>{区}区政协",)),
    ("{镇}镇纪委书记{P}介绍，今年以来共开展监督检查20余次。", ("R:memberOf:{P}>{镇}镇纪委",)),
    ("{社}社区居委会主任{P}告诉记者，小区加装了电梯。", ("R:memberOf:{P}>{社}社区居委会",)),
    ("{企}有限公司党支部书记{P}说，企业党建要和生产经营结合。",
     ("R:memberOf:{P}>{企}有限公司党支部",)),
    ("据{街}街道党工委书记{P}介绍，街道已建成12个党群服务站点。",
     ("R:memberOf:{P}>{街}街道党工委",)),
    ("家住{县}县{镇}镇{村}村的村民{P}今年种了30亩西瓜。", ("E:{P}", "E:{村}村")),
    ("会上，{P}（{镇}镇党委书记）、{Q}（{街}街道党工委书记）作交流发言。",
     ("R:memberOf:{P}>{镇}镇党委", "R:memberOf:{Q}>{街}街道党工委")),
    ("{街}街道{社}社区党委书记{P2}带领党员志愿者上门服务。",
     ("R:memberOf:{P2}>{社}社区党委",)),
    ("{城}市{县}县{镇}镇{村}村党支部组织党员开展主题党日活动。",
     ("R:locatedIn:{村}村党支部>{村}村", "R:locatedIn:{村}村>{镇}镇",
      "R:locatedIn:{镇}镇>{县}县", "R:locatedIn:{县}县>{城}市")),
    ("{镇}镇{村}村党员{P}主动认领了“微心愿”。", ("E:{P}", "E:{村}村")),
    ("{社}社区党委创新推出“{I}”服务品牌，为居民提供便利。",
     ("R:runs:{社}社区党委>{I}服务品牌",)),
    ("近日，{区}区{街}街道启动“{I}”行动。", ("R:runs:{街}街道>{I}行动",)),
    ("“{I}”工作法是{镇}镇党委的书记项目。", ("R:runs:{镇}镇党委>{I}工作法",)),
    ("{街}街道与{企}有限公司签订党建共建协议。", ("R:partnerOf:{街}街道>{企}有限公司",)),
    ("{县}县委组织部、{县}县民政局联合印发《关于加强社区工作者队伍建设的意见》。",
     ("R:issuedBy:《关于加强社区工作者队伍建设的意见》>{县}县委组织部",
      "R:issuedBy:《关于加强社区工作者队伍建设的意见》>{县}县民政局")),
    ("{村}村党支部书记{P}牵头成立了{村}村股份经济合作社。",
     ("R:memberOf:{P}>{村}村党支部", "E:{村}村股份经济合作社")),
    ("{镇}镇{村}村党总支书记{P}说，要带领村民致富。",
     ("R:memberOf:{P}>{村}村党总支", "R:locatedIn:{村}村>{镇}镇")),
    ("{社}社区联合辖区{企}有限公司开展“{I}”活动。",
     ("R:partnerOf:{社}社区>{企}有限公司", "R:runs:{社}社区>{I}活动")),
    ("{区}区{街}街道{社}社区新时代文明实践站揭牌成立。",
     ("R:locatedIn:{社}社区新时代文明实践站>{社}社区", "R:locatedIn:{社}社区>{街}街道")),
    ("{街}街道综合行政执法大队大队长{P}介绍，今年共整治违建30处。",
     ("R:memberOf:{P}>{街}街道综合行政执法大队",)),
    ("{县}县{镇}镇人民政府镇长{P}主持会议。",
     ("R:memberOf:{P}>{镇}镇人民政府", "R:locatedIn:{镇}镇>{县}县")),
    ("{城}市{区}区人大常委会主任{P}出席活动。", ("R:memberOf:{P}>{区}区人大常委会",)),
    ("{县}县工商联（总商会）主席{P}讲话。", ("R:memberOf:{P}>{县}县工商联",)),
    ("{村}村位于{县}县{镇}镇东部，全村共有农户520户。",
     ("R:locatedIn:{村}村>{镇}镇", "R:locatedIn:{镇}镇>{县}县")),
    ("{社}社区地处{区}区{街}街道，辖区面积2.3平方公里。", ("R:locatedIn:{社}社区>{街}街道",)),
    ("{村}村隶属于{镇}镇，是一个典型的山区村。", ("R:locatedIn:{村}村>{镇}镇",)),
    ("{镇}镇下辖{村}村、{村2}村等12个行政村。",
     ("R:locatedIn:{村}村>{镇}镇", "R:locatedIn:{村2}村>{镇}镇")),
    ("{街}街道辖区内的{社}社区是一个老旧小区集中的社区。", ("R:locatedIn:{社}社区>{街}街道",)),
    ("{社}社区是{街}街道最大的社区。", ("R:locatedIn:{社}社区>{街}街道",)),
    ("在{县}县{镇}镇{村}村，一条条水泥路通到了家门口。",
     ("R:locatedIn:{村}村>{镇}镇", "R:locatedIn:{镇}镇>{县}县")),
)

# a programme's quoted name: a place's stem and one of these (梅林连心, 白鹭先锋)
PROGRAMME_WORDS = ("连心", "先锋", "同心", "暖心", "红帆", "聚力", "邻里", "红管家")

FACT = re.compile(r"^(E):(.+)$|^R:(\w+):(.+)>(.+)$")


def fill(shape: str, facts: tuple[str, ...], pools: Pools, rng: random.Random):
    """The shape with names drawn for its slots (none twice), and its facts so named."""
    names, used = {}, set()
    for slot in re.findall(r"\{(\w+)\}", shape):
        if slot in names:
            continue
        source, key = SLOTS[slot]
        if source == "programme":
            name = rng.choice(pools.stems["村"]) + rng.choice(PROGRAMME_WORDS)
        else:
            pool = pools.persons[key] if source == "person" else pools.brands \
                if source == "brand" else pools.stems[key]
            name = rng.choice(pool)
            while name in used:
                name = rng.choice(pool)
        names[slot] = name
        used.add(name)
    return shape.format(**names), [f.format(**names) for f in facts]


def found_facts(sentence: str) -> set[str]:
    result = process_text("shape.txt", "标题\n\n" + sentence + "\n")
    out = {f"E:{m.name}" for ms in result.mentions for m in ms}
    return out | {f"R:{r.predicate}:{r.subject.name}>{r.object.name}"
                  for rs in result.relations for r in rs}


def found_fact(fact: str, found: set[str]) -> bool:
    """A fact is found as stated; a partnership either way round."""
    if fact in found:
        return True
    m = FACT.match(fact)
    return m is not None and m.group(3) == "partnerOf" \
        and f"R:partnerOf:{m.group(5)}>{m.group(4)}" in found


def run(pools: Pools, fills: int, seed: int = 0):
    """Per shape: the fills that state every fact, and the failing ones with what they missed."""
    rows = []
    for n, (shape, facts) in enumerate(SHAPES):
        rng = random.Random(f"{seed}/{n}")
        passed, failing, per_fact = 0, [], Counter()
        for _ in range(fills):
            sentence, expected = fill(shape, facts, pools, rng)
            found = found_facts(sentence)
            missed = [f for f in expected if not found_fact(f, found)]
            for k, f in enumerate(expected):
                per_fact[k] += f not in missed
            if missed:
                failing.append((sentence, missed))
            else:
                passed += 1
        rows.append((shape, passed, failing, per_fact))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.shapes",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--fills", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, metavar="N",
                        help="list up to N failing fills of each shape")
    args = parser.parse_args(argv)
    if not NER_DATA.is_dir():
        print(f"bench.shapes: needs the NER corpora in {NER_DATA}", file=sys.stderr)
        return 2
    rows = run(load_pools(), args.fills, args.seed)
    total = sum(passed for _, passed, _, _ in rows)
    facts = sum(sum(c.values()) for *_, c in rows)
    stated = sum(len(SHAPES[k][1]) * args.fills for k in range(len(SHAPES)))
    print(f"{len(SHAPES)} shapes × {args.fills} fills: fills with every fact found "
          f"{total}/{len(SHAPES) * args.fills} ({total / (len(SHAPES) * args.fills):.3f}); "
          f"facts found {facts}/{stated} ({facts / stated:.3f})")
    for shape, passed, failing, _ in rows:
        print(f"{passed / args.fills:6.3f}  {shape}")
        for sentence, missed in failing[:args.show]:
            print(f"        {sentence}\n          missed {' '.join(missed)}")
    return 0


if __name__ == "__main__":
    run_tool(main)
