"""The statistical name tagger: the shipped model, the gate, training and ``kg train-ner``."""
from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import segment
from kg.cli import cli
from kg.errors import InputError, KgError
from kg.recognise import recognise_text, tagger
from kg.recognise.persons import tagger_name
from kg.recognise.view import View

needs_model = pytest.mark.skipif(not tagger.available(), reason="kg/data/ner.crfsuite not built")

TINY = [
    ("会上，李振国介绍了情况。", [[3, 6, "PER"]]),
    ("王秀英在青石镇工作。", [[0, 3, "PER"], [4, 7, "LOC"]]),
    ("张明说，云溪大学很好。", [[0, 2, "PER"], [4, 8, "ORG"]]),
    ("今天天气很好。", []),
]


def write_jsonl(path, records) -> None:
    path.write_text("".join(json.dumps({"text": t, "spans": s}, ensure_ascii=False) + "\n"
                            for t, s in records), encoding="utf-8")


@needs_model
def test_the_shipped_model_tags_a_name_without_a_cue():
    text = "会上，李振国介绍了情况。"
    assert (3, 6, "PER") in tagger.tag(text)
    persons = [(m.text, m.rule) for m in recognise_text(text) if m.kind == "Person"]
    assert persons == [("李振国", "tagger")]
    persons = [(m.text, m.rule) for m in recognise_text("昨天李振国去了一趟青石镇。") if m.kind == "Person"]
    assert persons == [("李振国", "tagger")]


@needs_model
def test_the_tagger_fixes_the_length_of_a_name_a_title_rule_cuts():
    persons = [m for m in recognise_text("区委常委、书记钱宝强及区长出席会议。") if m.kind == "Person"]
    assert [(m.text, m.rule) for m in persons] == [("钱宝强", "person-title+tagger")]


@needs_model
def test_names_listed_after_one_shared_title():
    text = "镇领导王建华、李卫东、陈晓明参加了活动。"
    assert {m.text for m in recognise_text(text) if m.kind == "Person"} == {"王建华", "李卫东", "陈晓明"}


@pytest.mark.parametrize("text, start, end, ok", [
    ("会上，李振国介绍了情况。", 3, 6, True),
    ("王平到青石镇调研。", 0, 2, True),  # in jieba's dictionary, but as a name (nr)
    ("张师傅修好了门。", 0, 3, False),  # a form of address
    ("小陆来了。", 0, 2, False),
    ("发展了经济。", 0, 2, False),  # no surname
    ("王书记说。", 0, 3, False),  # a title
    ("欧阳明月说。", 0, 4, True),  # a compound surname
    ("李A说。", 0, 2, False),  # not Han
    ("托马斯·哈斯说。", 0, 6, True),  # no Han surname: "other", which needs more confidence
    ("坚持以邓小平理论为指导。", 3, 6, False),  # a doctrine's name
    ("参观了卫生室。", 3, 6, False),  # a body
    ("叫作“齐心堂”的地方。", 3, 6, False),  # quoted
])
def test_the_gate(text, start, end, ok):
    assert (tagger_name(View.of(text), start, end) is not None) is ok


def test_spans_of_reads_bio_and_a_stray_inside_tag():
    assert tagger.spans_of(["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG"]) == \
        [(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "ORG")]


def test_pieces_are_sentences_and_long_ones_are_cut():
    text = "一句。二句！\n" + "长" * 1000
    pieces = list(tagger.pieces(text))
    assert pieces[:2] == [(0, 3), (3, 7)]
    assert all(e - s <= tagger.MAX_PIECE for s, e in pieces)
    assert pieces[-1][1] == len(text)


def test_training_on_a_tiny_file_writes_a_model_that_loads(tmp_path):
    data = tmp_path / "tiny.jsonl"
    write_jsonl(data, TINY * 3)
    out = tmp_path / "tiny.crfsuite"
    report = tagger.train([data], out, iterations=30, min_freq=1)
    assert out.is_file() and report.size == out.stat().st_size > 0
    assert report.sentences == 12 and report.spans == 15
    assert (3, 6, "PER") in tagger.tag("会上，李振国介绍了情况。", model=out)
    assert_arrays_match(out)  # its arrays are written beside it, and used


def assert_arrays_match(model):
    """The arrays file beside ``model`` is used, and holds the weights read from the model."""
    import numpy as np
    data = model.read_bytes()
    saved = tagger._saved_weights(str(model), tagger._fingerprint(data))
    assert saved is not None
    read = tagger._read_weights(str(model), data)
    for field in dataclasses.fields(tagger.Weights):
        mine, theirs = getattr(saved, field.name), getattr(read, field.name)
        if field.name in ("keys", "windows"):
            assert len(mine) == len(theirs)
            assert all(np.array_equal(a, b) and a.dtype == b.dtype for a, b in zip(mine, theirs))
        elif isinstance(theirs, np.ndarray):
            assert np.array_equal(mine, theirs) and mine.dtype == theirs.dtype, field.name
        else:
            assert mine == theirs, field.name


@needs_model
def test_the_shipped_arrays_are_the_shipped_models_weights():
    # fails when the model or the surname lexicon changed without `make model` (or `make arrays`)
    assert_arrays_match(tagger.MODEL)


def test_arrays_of_another_model_or_lexicon_are_not_used(tmp_path, monkeypatch):
    model = tmp_path / "ner.crfsuite"
    model.write_bytes(tagger.MODEL.read_bytes())
    tagger.save_weights(model)
    data = model.read_bytes()
    assert tagger._saved_weights(str(model), tagger._fingerprint(data)) is not None
    assert tagger._saved_weights(str(model), tagger._fingerprint(data + b" ")) is None
    monkeypatch.setattr(tagger, "_surname_starts", lambda: ({"欧".encode(): b"s=1"}, frozenset()))
    assert tagger._saved_weights(str(model), tagger._fingerprint(data)) is None
    monkeypatch.undo()
    Path(str(model) + ".npz").write_bytes(b"PK not an archive")
    assert tagger._saved_weights(str(model), tagger._fingerprint(data)) is None
    assert tagger.tag("会上，李振国介绍了情况。", model=model) == tagger.tag("会上，李振国介绍了情况。")


def test_kg_train_ner_on_a_tiny_file(tmp_path):
    data = tmp_path / "tiny.jsonl"
    write_jsonl(data, TINY)
    out = tmp_path / "m.crfsuite"
    result = CliRunner().invoke(cli, ["train-ner", str(data), "--out", str(out), "--iterations", "5",
                                      "--min-freq", "1"])
    assert result.exit_code == 0, result.output
    assert out.is_file() and "m.crfsuite" in result.output


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    ('{"text": "李振国", "spans": [[0, 3, "PER"]]}\n{"text": oops}\n', "line 2: not a record"),
    ('{"text": "李振国", "spans": [[0, 9, "PER"]]}\n', "outside the text"),
    ('{"text": "李振国", "spans": [[0, 3, "NAME"]]}\n', "is not one of PER/LOC/ORG"),
    ('{"spans": []}\n', "missing 'text'"),
    ('{"text": "李振国", "spans": [[0, 3, "PER"], [1, 2, "LOC"]]}\n', "spans overlap"),
    ("\n", "no records"),
])
def test_bad_training_input_is_one_clear_line(tmp_path, content, message):
    data = tmp_path / "bad.jsonl"
    if content is not None:
        data.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        tagger.read_examples(data)
    result = CliRunner().invoke(cli, ["train-ner", str(data), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0]
    assert not (tmp_path / "m").exists()


def test_kg_train_ner_needs_files_or_a_folder(tmp_path):
    result = CliRunner().invoke(cli, ["train-ner", "--out", str(tmp_path / "m")])
    assert result.exit_code == 2 and "give training FILES or --data FOLDER" in result.output
    result = CliRunner().invoke(cli, ["train-ner", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "not a folder" in result.output


# ---------------------------------------------------------------- the fast paths against their definitions

FEATURE_TEXTS = [
    "会上，李振国介绍了情况。欧阳明月和司马光也来了。",
    "2024年6月，IBM与ＨＳＢＣ在青石镇签约 3 项,金额 12.5 亿元\t（试点）",
    "王小明　摄\n记者 张三丰 李四\n" + "长句子没有句号，" * 80,  # a piece cut at a comma
    "",
    "A",
    "欧阳",
]


def plain_features(text: str, tokens, offset: int) -> list[tuple[str, ...]]:
    """The model's features, one character at a time: what ``tagger.features`` computes in bulk."""
    from kg.recognise import lexicon
    single = {n for n in lexicon.surnames() if len(n) == 1}
    double = {n for n in lexicon.surnames() if len(n) == 2}
    p = ["^", "^", *text.translate(tagger.SHAPES), "$", "$"]
    rows = []
    for i in range(len(text)):
        c2, c1, c0, d1, d2 = p[i:i + 5]
        surname = "s=2" if c0 + d1 in double else "s=1" if c0 in single else "s=0"
        word = "W=S1"
        for start, end, _, _ in tokens:
            s, e = start - offset, end - offset
            if s <= i < e and e - s > 1:
                word = "W=" + ("B" if i == s else "E" if i == e - 1 else "M") + str(min(e - s, 5))
        rows.append(("a=" + c2, "b=" + c1, "c=" + c0, "d=" + d1, "e=" + d2, "ab=" + c2 + c1,
                     "bc=" + c1 + c0, "cd=" + c0 + d1, "de=" + d1 + d2, "bcd=" + c1 + c0 + d1,
                     surname, word))
    return rows


@pytest.mark.parametrize("text", FEATURE_TEXTS)
def test_features_of_every_piece_are_the_plain_definitions(text):
    tokens = segment.tag(text)
    for start, end in tagger.pieces(text):
        words = [t for t in tokens if t.end > start and t.start < end]  # words cut by the piece too
        fast = tagger.features(text[start:end], words, start)
        assert [tuple(f.decode() for f in row) for row in fast] == \
            plain_features(text[start:end], words, start)


def plain_spans_of(tags, offset=0):
    """BIO spans read tag by tag (an I- without its B- starts a span)."""
    spans, start, kind = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag[0] == "I" and tag[2:] == kind):
            spans.append((start + offset, i + offset, kind))
            start = None
        if tag != "O" and start is None:
            start, kind = i, tag[2:]
    return spans


def test_spans_of_equals_reading_tag_by_tag():
    rnd = random.Random(7)
    labels = ["O", "O", "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
    for _ in range(5000):
        tags = [rnd.choice(labels) for _ in range(rnd.randrange(0, 15))]
        offset = rnd.randrange(0, 9)
        assert tagger.spans_of(tags, offset) == plain_spans_of(tags, offset)


def crfsuite_reading(text: str, model) -> list[tuple[int, int, list[str], list[float]]]:
    """(start, end, labels, marginal of each label) of each piece of ``text`` that has a label
    other than O, as crfsuite's own tagger reads it: what ``tagger.decode`` must reproduce."""
    import pycrfsuite
    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    tokens = segment.tag(text)
    out = []
    for start, end in tagger.pieces(text):
        words = [t for t in tokens if t.end > start and t.start < end]
        labels = crf.tag(tagger.features(text[start:end], words, start))
        if any(label != "O" for label in labels):
            out.append((start, end, labels, [crf.marginal(y, i) for i, y in enumerate(labels)]))
    return out


def assert_decodes_as_crfsuite(text: str, model, block: int | None = None, monkeypatch=None):
    if block:
        monkeypatch.setattr(tagger, "_BLOCK", block)
    weights = tagger._weights_of(str(model))
    mine = list(tagger.decode([(text, segment.tag(text))], weights, kinds=("PER", "LOC", "ORG")))
    theirs = crfsuite_reading(text, model)
    assert [(span, labels) for _, span, labels, _ in mine] == \
        [((start, end), labels) for start, end, labels, _ in theirs]
    for (*_, sure), (*_, marginals) in zip(mine, theirs):
        assert sure == pytest.approx(marginals, abs=1e-9)


@needs_model
def test_decoding_gives_crfsuite_labels_and_marginals_on_the_seed_pages(seed_paths):
    text = "\n".join(path.read_text(encoding="utf-8") for path in seed_paths)
    assert_decodes_as_crfsuite(text, tagger.MODEL)


@needs_model
def test_decoding_in_small_blocks_reads_a_long_article_the_same(seed_paths, monkeypatch):
    text = seed_paths[0].read_text(encoding="utf-8")
    assert_decodes_as_crfsuite(text, tagger.MODEL, block=50, monkeypatch=monkeypatch)


@pytest.mark.parametrize("text", FEATURE_TEXTS)
def test_decoding_a_freshly_trained_model_gives_crfsuite_labels(tmp_path, text):
    data = tmp_path / "tiny.jsonl"
    write_jsonl(data, TINY * 3)
    out = tmp_path / "tiny.crfsuite"
    tagger.train([data], out, iterations=30, min_freq=1)
    assert_decodes_as_crfsuite(text + "会上，李振国介绍了情况。王秀英在青石镇工作。", out)


def test_a_file_that_is_not_a_model_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"lCRF" + bytes(60))
    with pytest.raises(KgError, match="bad.crfsuite: not a tagger model"):
        tagger.tag("会上，李振国介绍了情况。", model=bad)
    with pytest.raises(KgError, match="no tagger model"):
        tagger.tag("会上，李振国介绍了情况。", model=tmp_path / "missing.crfsuite")


@needs_model
def test_tagging_many_texts_together_is_tagging_each(seed_paths):
    texts = [line for path in seed_paths for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    together = tagger.tag_many([(text, segment.tag(text)) for text in texts])
    assert together == [tagger.tag_scored(text) for text in texts]
    assert any(together) and not all(together)
