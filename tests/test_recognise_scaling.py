"""The recognisers scale linearly with the article: counted, not timed.

Every Python line executed is counted with a trace hook while an invented article repeated 4, 8
and 16 times is recognised as one article. Work per copy must stay flat: a scan of every mention or
every place per candidate (the quadratic steps this guards against) makes the count grow with the
square of the length.
"""
from __future__ import annotations

import sys

from kg.recognise import recognise_text
from kg.recognise.spans import Spans

# Invented names only (see the house rules); the text exercises every recogniser and the context
# completion: zones short and long, bare level words, lists, quotes, titles, documents, a group's
# committee, bank short forms, an area's bracketed other name.
ARTICLE = (
    "本报讯（张三丰 李四海）近日，青松市梅林区蓝湖经济技术开发区党工委召开会议。"
    "蓝湖经开区管委会主任王建国说，园区将深化“红枫叶”书记项目，推广“三访三问”工作法。"
    "梅林街道青松社区党委书记刘晓燕表示，社区与碧水苑小区、金鸡山广场共建党群服务中心。"
    "区委、区政府出台《蓝湖经开区营商环境提升行动方案》，区司法局、人力资源和社会保障局参加。"
    "青松银行股份有限公司蓝湖支行行长赵明远介绍，企业在杭州、南京、合肥等地设有分支机构。"
    "志愿者服务队队长陈小兰说：“我们坚持‘周周见’机制。”"
    "红杉集团党委书记周大年说，集团党委与杭州工行、工行湖滨支行共建；梅林高新区（金桥街道）参加。\n"
    "张三丰 李四海\n"
)


def _lines(copies: int) -> int:
    """Python lines executed while recognising ``copies`` copies of the article as one article:
    a deterministic count of work that sees loops inside a function as well as calls."""
    text = "\n".join([ARTICLE] * copies)
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        count += 1
        return trace

    recognise_text(text)  # warm the lexicon and dictionary caches outside the count
    sys.settrace(trace)
    try:
        recognise_text(text)
    finally:
        sys.settrace(None)
    return count


def test_recognise_scaling_work_per_copy_stays_flat():
    work = {n: _lines(n) for n in (4, 8, 16)}
    # linear work a + b·n doubles its increment when n doubles (fixed costs cancel out); a
    # quadratic step c·n² quadruples it. Allow 5 % for what differs at the seams between copies.
    assert work[16] - work[8] <= 2.1 * (work[8] - work[4]), work


def test_recognise_scaling_mentions_grow_with_the_copies():
    one = len(recognise_text(ARTICLE))
    assert one >= 15
    assert len(recognise_text("\n".join([ARTICLE] * 8))) == 8 * one


def test_recognise_scaling_spans_answer_containment_and_overlap():
    spans = Spans([(10, 20), (0, 3), (12, 30)])
    assert spans.covers(12, 20) and spans.covers(0, 3) and spans.covers(15, 30)
    assert not spans.covers(2, 5) and not spans.covers(25, 31)
    assert spans.strictly_covers(13, 29) and not spans.strictly_covers(12, 30)
    assert spans.overlaps(2, 4) and spans.overlaps(29, 40)
    assert not spans.overlaps(3, 10) and not spans.overlaps(30, 35)
    assert not Spans([]).covers(0, 1) and not Spans([]).overlaps(0, 1)


def test_recognise_scaling_bench_prints_a_row_per_size(tmp_path, capsys):
    from bench.recognise_scale import main
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    main(["1", "2", "--seeds", str(tmp_path)])
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| ")]
    assert [row.split(" | ")[0] for row in rows[1:]] == ["| 1", "| 2"]
