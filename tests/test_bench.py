"""The benchmark's synthetic corpora and triples: deterministic, varied, the size asked for."""
from __future__ import annotations

import json
import subprocess
import sys

from bench.corpus import corpus_bytes, make_corpus, make_single_file, vary
from bench.measure import TreeMemory, synthetic_triples

TEXT = "梅林街道青松社区党委书记张三丰介绍，青松社区将开展活动。\n王小明\n"


def test_bench_vary_copy_zero_is_the_page_itself():
    assert vary(TEXT, 0) == TEXT


def test_bench_vary_is_deterministic_and_consistent_within_a_copy():
    varied = vary(TEXT, 5)
    assert varied == vary(TEXT, 5) and varied != TEXT
    community = varied[varied.index("党委") - 4:varied.index("党委")]  # "<stem>社区"
    assert community.endswith("社区") and varied.count(community) == 2  # both mentions alike
    assert "书记张" in varied and varied.endswith("\n王" + varied[-3:-1] + "\n")  # surnames kept
    assert len({vary(TEXT, k) for k in range(1, 200)}) == 199  # every copy names others


def test_bench_make_corpus_reaches_its_size_and_is_reused(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(TEXT * 50, encoding="utf-8")
    folder = make_corpus(0.05, seeds=seeds, root=tmp_path / "corpora")
    assert corpus_bytes(folder) >= 50_000
    stamp = (folder / ".stamp").stat().st_mtime_ns
    assert make_corpus(0.05, seeds=seeds, root=tmp_path / "corpora") == folder
    assert (folder / ".stamp").stat().st_mtime_ns == stamp


def test_bench_single_file_holds_varied_copies_in_one_page(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(TEXT * 50, encoding="utf-8")
    big = make_single_file(0.05, seeds=seeds, root=tmp_path / "corpora")
    assert [p.name for p in big.parent.glob("*.txt")] == ["archive.txt"]
    text = big.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) >= 50_000
    assert text.startswith(TEXT * 50) and vary(TEXT * 50, 1) in text  # copy 0, then varied ones


def test_bench_tree_memory_counts_the_children_of_the_process():
    # Against this process's own PSS at the moment, not an earlier sample: other tests may leave
    # children that end between two samples. The child reports when its 200 MB are touched, and
    # lives a second more, long enough for the sampler on a busy machine.
    import os
    from bench.measure import _pss_kib
    touch = ("import time; b = bytearray(200 * 2**20); b[::4096] = b'x' * len(b[::4096]); "
             "print('ready', flush=True); time.sleep(1)")
    with TreeMemory(every=0.05) as with_child:
        child = subprocess.Popen([sys.executable, "-c", touch], stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        own_mb = _pss_kib(os.getpid()) / 1024
        assert child.wait() == 0
    assert own_mb > 0
    assert with_child.peak_mb > own_mb + 150  # the child's 200 MB, seen from the parent


def test_bench_synthetic_triples_are_distinct():
    triples = synthetic_triples(1000)
    assert len(triples) == len(set(triples)) == 1000


# --- the query and server benches (issues 12 and 14), briefly on the seed graph ---------------

def seed_graph(folder):
    """The seed graph in ``folder``: a copy of output/graph.ttl (the query bench writes a store
    beside its graph, and output/ is not ours to change), or a fresh build of seeds/ if none."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    built = root / "output" / "graph.ttl"
    if built.is_file():
        (folder / "graph.ttl").write_bytes(built.read_bytes())
    else:
        subprocess.run([sys.executable, "-m", "kg", "build", str(root / "seeds"), "--out",
                        str(folder), "--no-views", "--no-validate", "--no-cache"], check=True)
    return folder / "graph.ttl"


def test_bench_query_table_has_a_row_per_research_query(tmp_path):
    from bench.query_bench import markdown, measure
    from kg.query import library

    rows = measure(seed_graph(tmp_path), runs=1)
    assert [row["query"] for row in rows] == list(library())
    assert all(len(row["cli"]) == len(row["serve"]) == 1 for row in rows)
    table = markdown(rows, "seed")
    assert all(f"| {name} |" in table for name in library())


def test_bench_serve_under_load_has_no_connection_error(tmp_path):
    from bench.query_bench import Endpoint
    from bench.serve_bench import load, markdown

    with Endpoint(seed_graph(tmp_path), workers=2) as endpoint:
        result = load(endpoint, clients=20, requests=2)
    assert result["errors"] == 0 and result["not_ok"] == 0 and len(result["seconds"]) == 40
    assert "| 20 × 2 = 40 | 40 | 0 | 0 |" in markdown(result, "seed")


def test_bench_ner_scores_a_set_of_sentences_read_together():
    from bench import ner
    sentences = [("会上，王秀英介绍了青石镇的情况。", {(3, 6, "PER"), (8, 11, "LOC")}),
                 ("今天天气很好。", set())]
    table, seconds = ner.score(sentences, ner.crf(None))
    assert seconds > 0 and set(table) == {"PER", "LOC", "ORG", "all"}
    assert table["PER"] == (1.0, 1.0, 1.0)  # the tagger finds the name without a cue
    ours = ner.ours([text for text, _ in sentences])
    assert len(ours) == 2 and ours[1] == set()


def test_bench_a_repeated_build_counts_its_median_run_and_lists_every_time():
    from bench.__main__ import median_run
    runs = [{"seconds": 4.8, "run": 1}, {"seconds": 3.5, "run": 2}, {"seconds": 3.6, "run": 3}]
    assert median_run(runs) == {"seconds": 3.6, "run": 3, "repeats": [4.8, 3.5, 3.6]}
    assert median_run(runs[:1])["repeats"] == [4.8]


def test_bench_swap_replaces_longest_names_first_and_never_twice():
    from bench.swap import apply
    assert apply({"梅林": "白鹭", "梅林湾": "青湖", "白鹭": "云溪"}, "梅林湾和梅林街道") == "青湖和白鹭街道"


def test_bench_swap_keeps_what_a_page_says_when_its_names_change(tmp_path):
    from bench.swap import Pools, compare
    page = tmp_path / "a.txt"
    page.write_text("青松社区开展活动\n\n梅林街道青松社区党委书记张三丰介绍，青松社区将开展活动。\n",
                    encoding="utf-8")
    pools = Pools(persons={3: ("李四海",)}, stems={"社区": ("白鹭",), "街道": ("云溪",)})
    kept, total, lost, gained = compare([page], pools, variants=2)
    assert total["Person"] == 2 and total["memberOf"] == 2  # both variants swapped the secretary
    assert kept == total and lost == []


def test_bench_shapes_are_all_read_whole_when_their_names_are_plain():
    """Every shape of the genre, filled with plain invented names (none a rare character or a
    foreign sound), states facts the pipeline finds all of: a shape that fails here is a rule
    that broke, not a hard name."""
    from bench.shapes import SHAPES, fill, found_fact, found_facts
    from bench.swap import Pools
    import random
    pools = Pools(persons={3: ("白思远", "钱海洋", "林晓峰"), 2: ("白露", "林峰")},
                  brands=("恒达科技", "通达物流"),
                  stems={"市": ("云州", "青州"), "区": ("青松", "梅川"), "县": ("梅林", "松阳"),
                         "镇": ("白鹭", "竹山"), "街道": ("青湖", "梅岭"), "社区": ("云溪", "枫林"),
                         "村": ("竹溪", "石桥")})
    missed = []
    for n, (shape, facts) in enumerate(SHAPES):
        sentence, stated = fill(shape, facts, pools, random.Random(n))
        assert "{" not in sentence and all("{" not in f for f in stated)
        found = found_facts(sentence)
        missed += [(sentence, f) for f in stated if not found_fact(f, found)]
    assert missed == []


def test_bench_swap_makes_pages_of_the_genres_corpus_sentences(tmp_path):
    from bench.swap import PAGE_SENTENCES, corpus_pages
    corpora = tmp_path / "ner"
    corpora.mkdir()
    genre = {"text": "青松街道党工委书记白思远到梅林社区调研。", "spans": []}
    other = {"text": "今天天气很好，我们去公园散步吧。", "spans": []}
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in [genre, other] * 50)
    for name in ("msra_train_clean.jsonl", "pd_dev.jsonl"):
        (corpora / name).write_text(lines + "\n", encoding="utf-8")
    pages = corpus_pages(5, tmp_path, corpora)
    assert len(pages) == 3  # 100 genre sentences, 40 to a page
    texts = [p.read_text(encoding="utf-8") for p in pages]
    assert texts[0].count("白思远") == PAGE_SENTENCES and "公园" not in "".join(texts)
