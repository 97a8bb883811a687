"""Incremental builds: per-page results cached by content and pipeline version."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cache import PageCache, page_key, pipeline_version
from kg.cli import cli
from kg.errors import InputError
from kg.model import Page
from kg.pipeline import CACHE_FOLDER, BuildOptions, build, process_text

# Invented pages of the genre; the names exist nowhere in the corpus.
PAGE = ("青松社区开展“邻里红管家”书记项目\n"
        "本报讯 近日，梅林街道青松社区党委书记张三丰介绍，社区党委联合{n}号网格党支部，"
        "推出“331”消防安全机制。梅林街道党工委副书记李四海表示，将在全街道推广。\n"
        "（记者 王小明）\n")


def _corpus(folder: Path, pages: int = 6) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(pages):
        (folder / f"{n:03d}_page.txt").write_text(PAGE.format(n=n + 1), encoding="utf-8")
    return folder


def _build(pages: Path, out: Path, cache: bool = True):
    return build([pages], BuildOptions(out=out, cache=cache))


def test_cache_rebuild_after_one_page_changed_recomputes_that_page_only(tmp_path):
    pages = _corpus(tmp_path / "pages")
    first = _build(pages, tmp_path / "out")
    assert first.cached == 0
    (pages / "002_page.txt").write_text(PAGE.format(n=99) + "柳岸社区党委书记赵六一同出席。\n",
                                        encoding="utf-8")
    second = _build(pages, tmp_path / "out")
    assert (second.pages, second.cached) == (6, 5)
    clean = _build(pages, tmp_path / "clean", cache=False)
    assert clean.cached == 0
    assert (tmp_path / "out/graph.ttl").read_bytes() == (tmp_path / "clean/graph.ttl").read_bytes()


def test_cache_unchanged_rebuild_is_all_hits_and_byte_identical(tmp_path):
    pages = _corpus(tmp_path / "pages")
    _build(pages, tmp_path / "out")
    before = (tmp_path / "out/graph.ttl").read_bytes()
    again = _build(pages, tmp_path / "out")
    assert again.cached == again.pages == 6
    assert (tmp_path / "out/graph.ttl").read_bytes() == before


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05K\x01."])  # last: pickled int
def test_cache_corrupt_entry_is_recomputed_not_fatal(tmp_path, garbage):
    pages = _corpus(tmp_path / "pages", pages=3)
    _build(pages, tmp_path / "out")
    expected = (tmp_path / "out/graph.ttl").read_bytes()
    entries = sorted((tmp_path / "out" / CACHE_FOLDER).rglob("*.pickle"))
    assert len(entries) == 3
    entries[0].write_bytes(garbage)
    rebuilt = _build(pages, tmp_path / "out")
    assert rebuilt.cached == 2
    assert (tmp_path / "out/graph.ttl").read_bytes() == expected
    assert _build(pages, tmp_path / "out").cached == 3  # the bad entry was rewritten


def test_cache_entry_of_another_page_is_a_miss(tmp_path):
    cache = PageCache(tmp_path / "c", version="v1")
    a = Page("a.txt", "青松社区党委", "utf-8")
    b = Page("b.txt", "柳岸社区党委", "utf-8")
    cache.put(page_key(a), process_text(b.source, b.text))  # as if a hash collided
    assert cache.get(a, page_key(a)) is None
    cache.put(page_key(a), process_text(a.source, a.text))
    assert cache.get(a, page_key(a)) == process_text(a.source, a.text)


def test_cache_key_depends_on_name_text_and_encoding():
    page = Page("a.txt", "梅林街道", "utf-8")
    keys = {page_key(page), page_key(Page("b.txt", page.text, "utf-8")),
            page_key(Page("a.txt", "梅林街道。", "utf-8")), page_key(Page("a.txt", page.text, "gb18030"))}
    assert len(keys) == 4
    assert page_key(page) == page_key(Page("a.txt", "梅林街道", "utf-8"))


def test_cache_other_pipeline_versions_are_missed_and_pruned(tmp_path):
    page = Page("a.txt", "青松社区党委", "utf-8")
    old = PageCache(tmp_path / "c", version="old")
    old.put(page_key(page), process_text(page.source, page.text))
    new = PageCache(tmp_path / "c", version="new")
    assert new.get(page, page_key(page)) is None
    new.prune()
    assert [p.name for p in (tmp_path / "c").iterdir()] == []


def test_cache_pipeline_version_is_a_stable_short_hash():
    assert pipeline_version() == pipeline_version()
    assert len(pipeline_version()) == 16 and int(pipeline_version(), 16) >= 0


def test_cache_no_cache_flag_recomputes_and_writes_no_cache(tmp_path):
    pages = _corpus(tmp_path / "pages", pages=2)
    runner = CliRunner()
    first = runner.invoke(cli, ["build", str(pages), "--out", str(tmp_path / "out")])
    assert first.exit_code == 0, first.output
    cached = runner.invoke(cli, ["build", str(pages), "--out", str(tmp_path / "out")])
    assert "(2 from cache)" in cached.output
    forced = runner.invoke(cli, ["build", str(pages), "--out", str(tmp_path / "out"), "--no-cache"])
    assert forced.exit_code == 0 and "from cache" not in forced.output
    bare = runner.invoke(cli, ["build", str(pages), "--out", str(tmp_path / "bare"), "--no-cache"])
    assert bare.exit_code == 0 and not (tmp_path / "bare" / CACHE_FOLDER).exists()
    assert (tmp_path / "bare/graph.ttl").read_bytes() == (tmp_path / "out/graph.ttl").read_bytes()


def test_cache_failed_build_writes_nothing(tmp_path):
    pages = _corpus(tmp_path / "pages", pages=2)
    (pages / "009_bad.txt").write_bytes(b"\x00\x01binary\x00")
    with pytest.raises(InputError):
        _build(pages, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_cache_a_page_result_comes_back_from_its_pickle_equal_field_by_field(tmp_path):
    """Records pickle as their class and field values (kg/model.py, _by_fields): every field of
    every record must come back, the articles' offset maps included."""
    import pickle
    from dataclasses import fields

    result = process_text("001_page.txt", PAGE.format(n=1))
    back = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == result and back.source_text == result.source_text
    records = [(result, back), *zip(result.articles, back.articles),
               *zip(result.mentions[0], back.mentions[0]), *zip(result.relations[0], back.relations[0])]
    assert len(records) > 10
    for before, after in records:
        assert type(after) is type(before)
        assert all(getattr(after, f.name) == getattr(before, f.name) for f in fields(before))
    assert back.articles[0].to_source(0, 5) == result.articles[0].to_source(0, 5)
