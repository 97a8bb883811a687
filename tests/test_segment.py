"""The segmenter: rjieba gives jieba's tokens (with the same user dictionary), offsets are exact."""
from __future__ import annotations

import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

from kg import segment
from kg.errors import KgError
from kg.normalise import normalise


@pytest.mark.slow
def test_segment_rjieba_and_jieba_cut_the_seeds_identically(seed_paths):
    for path in seed_paths:
        text, _ = normalise(path.read_text(encoding="utf-8"))
        for line in filter(None, text.split("\n")):
            assert segment.cut(line, "rjieba") == segment.cut(line, "jieba"), line


def test_segment_user_dictionary_keeps_domain_terms_whole():
    for engine in ("rjieba", "jieba"):
        tokens = segment.cut("经开区党工委副书记参加书记项目评审", engine)
        assert {"党工委", "副书记", "书记项目"} <= set(tokens)


def test_segment_tag_offsets_cover_the_text_exactly():
    text = "近日，云溪市松山区白鹭镇商会会长王小二说。"
    tokens = segment.tag(text)
    assert "".join(t.word for t in tokens) == text
    assert all(text[t.start:t.end] == t.word for t in tokens)
    assert tokens[0].start == 0 and tokens[-1].end == len(text)


def test_segment_does_not_touch_jiebas_global_dictionary():
    import jieba
    segment.cut("测试", "jieba")
    assert segment._jieba() is not jieba.dt
    assert segment._jieba().user_word_tag_tab.get("书记项目") == "n"
    assert "书记项目" not in jieba.dt.user_word_tag_tab


def test_segmenting_builds_no_default_tokenizer_of_rjieba():
    """Importing the rjieba package builds a tokenizer with the default dictionary (a tenth of a
    second of every build); ours, with the user dictionary, is taken from the compiled module."""
    code = ("from kg import segment; import sys; "
            "print(segment.cut('经开区党工委书记项目'), 'rjieba' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert run.stdout.split() == ["['经开区',", "'党工委',", "'书记项目']", "False"]


def test_segment_tag_in_blocks_of_lines_gives_the_same_tokens(monkeypatch):
    text = "\n".join(f"第{i}条：梅林街道青松社区党委书记张三丰说，要办实事。" for i in range(40))
    whole = segment.tag(text)
    monkeypatch.setattr(segment, "CHUNK", 50)  # dozens of blocks, each ending after a line break
    assert segment.tag(text) == whole
    assert "".join(t.word for t in whole) == text
    assert [t.start for t in whole[1:]] == [t.end for t in whole[:-1]]


def test_segment_tag_shares_one_string_per_word():
    tokens = segment.tag("青松社区，青松社区。" * 3)
    same = [t.word for t in tokens if t.word == tokens[0].word]
    assert len(same) == 6 and all(w is same[0] for w in same)


def test_segment_frequencies_give_every_count_of_jiebas_dictionary_as_written():
    path = Path(find_spec("jieba").origin).parent / "dict.txt"
    lines = [line.split() for line in path.read_text(encoding="utf-8").splitlines()]
    counts = {word: int(count) for word, count, _ in lines}  # a word listed twice: the last
    found = segment.frequencies()
    assert all(found.get(word) == count and word in found and found[word] == count
               for word, count in counts.items())
    assert segment.place_words() == tuple(word for word, _, tag in lines if tag == "ns")
    assert found.get("云州梅林青松", 0) == 0 and "云州梅林青松" not in found
    assert found.get("\udc80") is None  # text with a lone surrogate is simply not a word


@pytest.mark.parametrize("content, problem", [
    ("一 5 n\n二 n\n".encode(), "not lines of word, count and tag"),
    (b"\xe4\xb8 5 ns\n", "not UTF-8 text"),
])
def test_segment_a_broken_dictionary_is_one_clear_error(tmp_path, content, problem):
    path = tmp_path / "dict.txt"
    path.write_bytes(content)
    with pytest.raises(KgError, match=problem):
        segment.read_dictionary(path)
