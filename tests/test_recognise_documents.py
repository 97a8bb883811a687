"""Policy documents: 《》 titles of plans, rules, notices, agreements, nested titles; not artworks."""
from __future__ import annotations

from recognise_helpers import found, names


def test_recognise_documents_plans_and_regulations_but_not_artworks():
    text = ("学习《城市社区服务条例》和《梅林街道“三年攻坚”行动方案（2023—2025）》，"
            "观看歌舞《家里的河》，阅读《青松日报》。")
    assert names(text, "PolicyDocument") == {"《城市社区服务条例》",
                                             "《梅林街道三年攻坚行动方案（2023—2025）》"}
    assert "三年攻坚行动" not in names(text, "Initiative")


def test_recognise_documents_agreements_and_replies():
    text = ("双方签署了《青松社区共建协议书》《梅林政银合作意向书》和《校地合作协议》，"
            "会上宣读了《关于同意成立梅林商会党支部的批复》。")
    assert names(text, "PolicyDocument") == {"《青松社区共建协议书》", "《梅林政银合作意向书》",
                                             "《校地合作协议》", "《关于同意成立梅林商会党支部的批复》"}


def test_recognise_documents_books_songs_and_programmes_are_not_documents():
    text = "阅读《青松往事》，合唱《打工之歌》，收看《梅林新闻联播》和《乡村大舞台》。"
    assert names(text, "PolicyDocument") == set()


def test_recognise_documents_a_title_nested_in_a_notice_is_a_document_too():
    text = "传达《中共青枫区委关于印发<青枫街道“五聚焦”实施方案>的通知》精神。"
    docs = {m.name: m.text for m in found(text, "PolicyDocument")}
    assert docs == {
        "《中共青枫区委关于印发<青枫街道五聚焦实施方案>的通知》":
            "《中共青枫区委关于印发<青枫街道“五聚焦”实施方案>的通知》",
        "《青枫街道五聚焦实施方案》": "<青枫街道“五聚焦”实施方案>",
    }
