"""The closed vocabularies of the graph, each declared once: entity kinds (with their subtypes),
relation predicates and administrative levels.

Everything that names, types, colours or ranks one of them reads these rows: ``kg.model`` (the
``Literal`` types of its fields), ``kg.rdf.namespaces`` (the ``dj:`` terms and predicate IRIs),
``kg.rdf.iris``, the exports, the stats and the views' legend. The ontology and the shapes are
Turtle and are kept in step by ``tests/test_vocab.py``. How to add a relation: docs/ontology.md.

Chinese labels here are what a reader sees in the views; the ontology's ``rdfs:label`` may be
worded for a schema reader (工作项目 there, 举措 here).
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal, Mapping

# the namespaces live in kg.prefixes (`kg query` needs them without these tables): re-exported
from kg.prefixes import DEFAULT_BASE, DJ_NS, NAMESPACES, ORG_NS

# Type checkers need the names spelt out; the test checks they are exactly the rows below.
KindName = Literal["Organization", "Person", "Place", "Initiative", "PolicyDocument"]
SubtypeName = Literal["PartyOrganization", "GovernmentAgency", "Enterprise", "SocialOrganization",
                      "PublicInstitution", "AdministrativeArea", "SecretaryProject", "Mechanism",
                      "Brand", "Campaign", "ServicePoint"]
PredicateName = Literal["memberOf", "runs", "locatedIn", "subOrganizationOf", "partnerOf",
                        "issuedBy"]
LevelName = Literal["Country", "Province", "City", "District", "County", "Town", "Subdistrict",
                    "Community", "Village", "DevelopmentZone"]

ORGANIZATION: Final = "Organization"
PERSON: Final = "Person"
PLACE: Final = "Place"
INITIATIVE: Final = "Initiative"
POLICY_DOCUMENT: Final = "PolicyDocument"
ADMINISTRATIVE_AREA: Final = "AdministrativeArea"  # the subtype of places that have a level
BRAND: Final = "Brand"  # the subtype of initiatives named as a body's brand (…品牌)

MEMBER_OF: Final = "memberOf"
RUNS: Final = "runs"
LOCATED_IN: Final = "locatedIn"
SUB_ORGANIZATION_OF: Final = "subOrganizationOf"
PARTNER_OF: Final = "partnerOf"
ISSUED_BY: Final = "issuedBy"


@dataclass(frozen=True, slots=True)
class Subtype:
    """A subclass of one kind (``dj:PartyOrganization`` …); an entity carries both."""

    name: SubtypeName
    label: str

    @property
    def iri(self) -> str:
        return DJ_NS + self.name


@dataclass(frozen=True, slots=True)
class Kind:
    """A top-level class of entities (``dj:Organization`` …)."""

    name: KindName
    label: str  # 组织
    colour: str  # its nodes in the views (Okabe-Ito, distinguishable with colour-blindness)
    iri_prefix: str  # an entity IRI is <base><iri_prefix>-<slug>-<hash> (kg.rdf.iris)
    subtypes: tuple[Subtype, ...] = ()

    @property
    def iri(self) -> str:
        return DJ_NS + self.name


@dataclass(frozen=True, slots=True)
class Predicate:
    """A relation between two entities, stated by a sentence (and reified with its evidence)."""

    name: PredicateName
    iri: str
    label: str  # the legend's name, 发布
    arrow_label: str  # read along the arrow from subject to object, 发布单位
    sentence: str  # the relation as a sentence, "{s} 由 {o} 发布"
    colour: str
    symmetric: bool = False  # one triple for both directions, drawn without an arrow
    has_role: bool = False  # each statement also makes an org:Membership with the role


@dataclass(frozen=True, slots=True)
class Level:
    """An administrative level (a concept of ``dj:AdminLevelScheme``)."""

    name: LevelName
    label: str
    # Containment order, larger areas first (the ontology's skos:notation): a place can lie in one
    # of a smaller rank; equal ranks are peers. A development zone sits between district and town.
    rank: float

    @property
    def iri(self) -> str:
        return DJ_NS + self.name


def _by_name(rows) -> Mapping:
    return MappingProxyType({row.name: row for row in rows})


# In legend order: the views number classes and relations by it.
KINDS: Mapping[str, Kind] = _by_name([
    Kind(ORGANIZATION, "组织", "#D55E00", "org", (
        Subtype("PartyOrganization", "党组织"), Subtype("GovernmentAgency", "政府机构"),
        Subtype("Enterprise", "企业"), Subtype("SocialOrganization", "社会组织"),
        Subtype("PublicInstitution", "事业单位"))),
    Kind(PERSON, "人物", "#0072B2", "person"),
    Kind(PLACE, "地点", "#009E73", "place", (Subtype(ADMINISTRATIVE_AREA, "行政区划"),)),
    Kind(INITIATIVE, "举措", "#E69F00", "initiative", (
        Subtype("SecretaryProject", "书记项目"), Subtype("Mechanism", "机制"),
        Subtype("Brand", "品牌"), Subtype("Campaign", "行动"), Subtype("ServicePoint", "服务阵地"))),
    Kind(POLICY_DOCUMENT, "政策文件", "#CC79A7", "doc"),
])
SUBTYPES: Mapping[str, Subtype] = _by_name(s for kind in KINDS.values() for s in kind.subtypes)

PREDICATES: Mapping[str, Predicate] = _by_name([
    Predicate(MEMBER_OF, ORG_NS + MEMBER_OF, "任职", "任职于", "{s} 任职于 {o}", "#0072B2",
              has_role=True),
    Predicate(RUNS, DJ_NS + RUNS, "开展", "开展", "{s} 开展 {o}", "#E69F00"),
    Predicate(LOCATED_IN, DJ_NS + LOCATED_IN, "位于", "位于", "{s} 位于 {o}", "#009E73"),
    Predicate(SUB_ORGANIZATION_OF, ORG_NS + SUB_ORGANIZATION_OF, "隶属", "隶属于", "{s} 隶属于 {o}",
              "#D55E00"),
    Predicate(PARTNER_OF, DJ_NS + PARTNER_OF, "合作", "合作", "{s} 与 {o} 合作", "#7F7F7F",
              symmetric=True),
    # An arrow from a document to its issuer reads 发布单位, never 发布, which would say the
    # document issued the organisation.
    Predicate(ISSUED_BY, DJ_NS + ISSUED_BY, "发布", "发布单位", "{s} 由 {o} 发布", "#CC79A7"),
])

LEVELS: Mapping[str, Level] = _by_name([
    Level("Country", "国家", 1), Level("Province", "省", 2), Level("City", "市", 3),
    Level("District", "区", 4), Level("County", "县", 4), Level("Town", "镇", 5),
    Level("Subdistrict", "街道", 5), Level("Community", "社区", 6), Level("Village", "村", 6),
    Level("DevelopmentZone", "开发区", 4.5),
])
# Rank by level name, for code that compares the levels of two places.
RANK: Mapping[str, float] = MappingProxyType({level.name: level.rank for level in LEVELS.values()})


def dj_terms() -> list[str]:
    """The local names this module puts in the ``dj:`` namespace: classes, levels, relations."""
    return [*KINDS, *SUBTYPES, *LEVELS,
            *(p.name for p in PREDICATES.values() if p.iri.startswith(DJ_NS))]
