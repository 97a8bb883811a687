"""How the views name and colour things: Chinese display names for classes, levels and relations,
class colours (Okabe-Ito, distinguishable with colour-blindness) and a CJK font stack."""
from __future__ import annotations

# Top-level classes, in legend order: (Chinese name, colour).
CLASSES: dict[str, tuple[str, str]] = {
    "Organization": ("组织", "#D55E00"),
    "Person": ("人物", "#0072B2"),
    "Place": ("地点", "#009E73"),
    "Initiative": ("举措", "#E69F00"),
    "PolicyDocument": ("政策文件", "#CC79A7"),
}
SUBTYPES: dict[str, str] = {
    "PartyOrganization": "党组织", "GovernmentAgency": "政府机构", "Enterprise": "企业",
    "SocialOrganization": "社会组织", "PublicInstitution": "事业单位",
    "AdministrativeArea": "行政区划", "SecretaryProject": "书记项目", "Mechanism": "机制",
    "Brand": "品牌", "Campaign": "行动", "ServicePoint": "服务阵地",
}
LEVELS: dict[str, str] = {
    "Country": "国家", "Province": "省", "City": "市", "District": "区", "County": "县",
    "Town": "镇", "Subdistrict": "街道", "Community": "社区", "Village": "村",
    "DevelopmentZone": "开发区",
}
# Relations, in legend order: (Chinese name, line colour, directed?).
RELATIONS: dict[str, tuple[str, str, bool]] = {
    "memberOf": ("任职", "#0072B2", True),
    "runs": ("开展", "#E69F00", True),
    "locatedIn": ("位于", "#009E73", True),
    "subOrganizationOf": ("隶属", "#D55E00", True),
    "partnerOf": ("合作", "#7F7F7F", False),
    "issuedBy": ("发布", "#CC79A7", True),
}
# How each relation reads from its subject to its object: the label on the line (read along the
# arrow) and the sentence in the panel. An arrow from a document to its issuer reads "发布单位",
# never "发布", which would say the document issued the organisation.
READINGS: dict[str, tuple[str, str]] = {
    "memberOf": ("任职于", "{s} 任职于 {o}"),
    "runs": ("开展", "{s} 开展 {o}"),
    "locatedIn": ("位于", "{s} 位于 {o}"),
    "subOrganizationOf": ("隶属于", "{s} 隶属于 {o}"),
    "partnerOf": ("合作", "{s} 与 {o} 合作"),
    "issuedBy": ("发布单位", "{s} 由 {o} 发布"),
}
# Administrative levels that make a group when the explorer colours by district or by street.
GROUP_LEVELS: dict[str, tuple[str, ...]] = {
    "district": ("District", "County", "DevelopmentZone"),
    "street": ("Subdistrict", "Town"),
}
# Colours for groups: distinct hues, repeated when there are more groups than colours.
GROUP_COLOURS = ("#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1",
                 "#FF9DA7", "#9C755F", "#2F4B7C", "#A05195", "#D45087", "#665191", "#008080")
FONTS = ('"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", '
         '"Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif')


def class_name(kind: str, subtype: str = "") -> str:
    """``组织 · 党组织``: the top-level class, then the specific one when there is one."""
    name = CLASSES.get(kind, (kind, ""))[0]
    if subtype and subtype != kind:
        return f"{name} · {SUBTYPES.get(subtype, subtype)}"
    return name


def colour(kind: str) -> str:
    return CLASSES.get(kind, ("", "#888888"))[1]
