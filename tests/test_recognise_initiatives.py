"""Initiatives and policy documents: quoted names with triggers, canonical names, slogans left out."""
from __future__ import annotations

from recognise_helpers import found


def _initiatives(text: str) -> dict[str, str]:
    return {m.name: m.subtype for m in found(text, "Initiative")}


def test_recognise_initiatives_quoted_name_joined_to_its_trigger():
    text = "创新开展“三个一”工作法，推行消防安全“220”治理机制，深化“青松聚力·暖心服务”专项行动。"
    assert _initiatives(text) == {"三个一工作法": "Mechanism", "220治理机制": "Mechanism",
                                  "青松聚力·暖心服务专项行动": "Campaign"}


def test_recognise_initiatives_modifiers_between_quote_and_trigger_are_kept():
    text = "街道发布“同心向阳，花开梅林”民族工作品牌。"
    assert _initiatives(text) == {"同心向阳，花开梅林民族工作品牌": "Brand"}


def test_recognise_initiatives_secretary_project_introduced_by_yi_wei():
    text = "社区党委以“楼道微治理”为书记项目，推动议事协商。"
    assert _initiatives(text) == {"楼道微治理": "SecretaryProject"}


def test_recognise_initiatives_a_quoted_list_before_a_trigger():
    text = "开展“清风助企”“就在梅林 职在青松”等专场活动，推出“春风、春雨”等行动。"
    assert _initiatives(text) == {"清风助企": "Campaign", "就在梅林 职在青松": "Campaign",
                                  "春风": "Campaign", "春雨": "Campaign"}


def test_recognise_initiatives_adjacent_quotes_share_the_trigger():
    text = "依托“12366”“马上办”平台，问题当天办结。"
    assert _initiatives(text) == {"12366平台": "ServicePoint", "马上办平台": "ServicePoint"}


def test_recognise_initiatives_the_quote_itself_ends_with_the_trigger():
    text = "以“五联机制”构建党建格局，“梅林模式”被广泛推广。"
    assert _initiatives(text) == {"五联机制": "Mechanism", "梅林模式": "Mechanism"}


def test_recognise_initiatives_slogans_and_offices_are_not_initiatives():
    text = "紧扣“两个健康”主题，实现“双过半”目标，白鹭镇“220”机制办负责督办。"
    assert _initiatives(text) == {}


def test_recognise_initiatives_unquoted_service_points():
    text = "外卖小哥来到暖风驿站休息，并通过“掌上青松”小程序报到。"
    assert _initiatives(text) == {"暖风驿站": "ServicePoint", "掌上青松小程序": "ServicePoint"}


def test_recognise_documents_plans_and_regulations_but_not_artworks():
    text = ("学习《城市民族工作条例》和《梅林街道“三年攻坚”行动方案（2023—2025）》，"
            "观看歌舞《家里的河》，阅读《青松日报》。")
    docs = {m.name for m in found(text, "PolicyDocument")}
    assert docs == {"《城市民族工作条例》", "《梅林街道三年攻坚行动方案（2023—2025）》"}
    assert "三年攻坚行动" not in _initiatives(text)
