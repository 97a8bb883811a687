"""The benchmark's synthetic corpora and triples: deterministic, varied, the size asked for."""
from __future__ import annotations

from bench.corpus import corpus_bytes, make_corpus, vary
from bench.measure import synthetic_triples

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


def test_bench_synthetic_triples_are_distinct():
    triples = synthetic_triples(1000)
    assert len(triples) == len(set(triples)) == 1000
