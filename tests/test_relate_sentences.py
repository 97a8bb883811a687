import random

from kg.relate.sentences import Sentences, _add, sentences


def test_sentences_end_after_final_punctuation_and_closing_quotes():
    text = "梅林街道举办活动。“大家好！”\n青松社区发布品牌？是的"
    spans = [text[a:b] for a, b in sentences(text)]
    assert spans == ["梅林街道举办活动。", "“大家好！”", "青松社区发布品牌？", "是的"]


def test_sentences_keep_the_speaker_with_a_closing_quote():
    text = "“我们会做得更好！”青松社区党委书记张三丰说。随后合影。"
    assert [text[a:b] for a, b in sentences(text)] == [
        "“我们会做得更好！”青松社区党委书记张三丰说。", "随后合影。"]


def test_sentences_never_include_surrounding_white_space():
    text = "  标题行  \n\n  正文一句。  正文二句。\n"
    for a, b in sentences(text):
        assert text[a:b] == text[a:b].strip() and text[a:b]


def test_sentences_clause_ignores_commas_inside_quotes():
    text = "近日，梅林街道发布“同心，共进”品牌，反响热烈。"
    s = Sentences(text)
    pos = text.index("品牌")
    assert text[s.clause_start(pos):s.clause_end(pos)] == "梅林街道发布“同心，共进”品牌"


def test_sentences_a_dateline_ends_the_clause_before_the_report():
    text = "今日云州讯 甲局党支部认领“石桥维护”项目。新华社云州1月2日电 乙社区发布品牌。"
    s = Sentences(text)
    for word in ("甲局", "乙社区"):
        pos = text.index(word)
        assert s.clause_start(pos) == pos
    assert s.clause_start(text.index("讯")) == 0  # the dateline is a clause of its own


def test_sentences_a_space_between_other_words_is_no_clause_break():
    text = "青松 社区发布品牌。"
    assert Sentences(text).clause_start(text.index("社区")) == 0


def test_sentences_at_finds_the_sentence_of_a_position():
    text = "第一句。第二句。"
    s = Sentences(text)
    assert s.at(text.index("二")) == (4, 8)
    assert s.at(len(text)) is None


def test_sentences_before_gives_the_previous_sentence_across_a_line_break():
    from kg.relate.sentences import Sentences
    sents = Sentences("第一句。\n\n第二句。第三句。")
    assert sents.before(sents.spans[1]) == sents.spans[0]
    assert sents.before(sents.spans[0]) is None


def plain_sentences(text):
    """Sentence spans read character by character (the definition ``sentences`` jumps through)."""
    spans, start, i, n = [], 0, 0, len(text)

    def add(a, b):
        _add(text, spans, a, b)  # the trimming of white space, which is not what changed
    while i < n:
        if text[i] == "\n":
            add(start, i)
            start = i + 1
        elif text[i] in "。！？!?":
            j = i + 1
            while j < n and text[j] in "。！？!?”’」』）)》】\"'":
                j += 1
            if text[j - 1] == "”" and j < n and text[j] not in "\n“":
                i = j
                continue
            add(start, j)
            start, i = j, j
            continue
        i += 1
    add(start, n)
    return spans


def plain_clause_breaks(text):
    breaks, quoted = [], False
    for i, ch in enumerate(text):
        if ch == "“":
            quoted = True
        elif ch in "”\n":
            quoted = False
        if ch in "，,；;：:。！？!?\n" and not quoted:
            breaks.append(i)
    return breaks


def test_sentences_and_clause_breaks_equal_reading_character_by_character():
    rnd = random.Random(11)
    alphabet = "“”。！？!?，,；;：:\n 　甲乙丙’」』）)》】\"'"
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 30)))
        assert sentences(text) == plain_sentences(text)
        assert Sentences(text)._breaks == plain_clause_breaks(text)
