"""The small typed data model every stage passes along.

Offsets follow one rule: a ``start``/``end`` pair is half-open ``[start, end)`` and counts code points.
Offsets *inside an article* index ``Article.text`` (the normalised text that recognisers read);
``Article.to_source`` turns them into offsets in the source file as read, which is what the graph
stores (``dj:charStart``/``dj:charEnd``) and what a researcher can check with ``text[start:end]``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from kg import vocab
from kg.offsets import OffsetMap

# The names of the closed vocabularies, which are declared in kg.vocab: each kind with its
# subtypes, the administrative levels, the relation predicates.
KINDS: dict[str, tuple[str, ...]] = {k.name: tuple(s.name for s in k.subtypes)
                                     for k in vocab.KINDS.values()}
ADMIN_LEVELS: tuple[str, ...] = tuple(vocab.LEVELS)
PREDICATES: tuple[str, ...] = tuple(vocab.PREDICATES)


def _by_fields(record) -> tuple:
    """Pickle a record as its class and its field values. The dataclass default looks its
    fields up again for every object; pages' results cross process boundaries and the cache by
    the hundred thousand records (twice as quick to load this way)."""
    return type(record), tuple(getattr(record, name) for name in record.__slots__)


@dataclass(frozen=True, slots=True)
class Page:
    """One source file as read: decoded text, its name, and how it was decoded."""

    __reduce__ = _by_fields

    source: str  # the file name, e.g. "000_1cd1735c723b2f25.txt" (dcterms:source)
    text: str  # decoded, BOM removed, line ends read as "\n" (as Python's text mode reads a file)
    encoding: str  # "utf-8", "utf-8-sig" or "gb18030"


@dataclass(frozen=True, slots=True)
class Article:
    """One news item on a page: the normalised text recognisers read, mapped back to the source."""

    __reduce__ = _by_fields

    source: str  # file name of the page
    index: int  # 0-based position on the page, in reading order
    title: str  # headline (normalised), "" when the item has none (a photo item)
    text: str  # normalised article text: headline lines, then body, bylines removed
    offsets: OffsetMap  # text index → code-point offset in the source file
    start: int  # [start, end) of the whole article in the source file
    end: int
    creators: tuple[str, ...] = ()  # byline persons, in byline order
    kicker: str = ""  # a line above or below the headline (引题/副题), "" if none

    @property
    def id(self) -> str:
        """Stable id from the file name and position: ``000_1cd1735c723b2f25#3``."""
        return f"{self.source}#{self.index}"

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``self.text`` to ``[start, end)`` in the source file."""
        return self.offsets.source_span(start, end)


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """A name found in an article. ``start``/``end`` index ``Article.text``."""

    __reduce__ = _by_fields

    start: int
    end: int
    text: str  # the surface form as normalised, e.g. "园区党工委"
    kind: vocab.KindName  # top-level class
    subtype: vocab.KindName | vocab.SubtypeName  # most specific class; equals kind when none fits
    name: str  # canonical name, completed from context, e.g. "苏州工业园区党工委"
    rule: str  # which recogniser or rule found it
    level: vocab.LevelName | Literal[""] = ""  # admin level of an AdministrativeArea
    scope: str = ""  # disambiguating scope for generic names (e.g. the community of a 社区党委)


@dataclass(frozen=True, slots=True, order=True)
class Relation:
    """A relation stated in an article, between two of its mentions, with its evidence sentence."""

    __reduce__ = _by_fields

    subject: Mention
    predicate: vocab.PredicateName
    object: Mention
    sentence_start: int  # the evidence sentence as a span of Article.text
    sentence_end: int
    confidence: float  # in [0, 1]; see docs/confidence.md
    rule: str  # the extractor rule, e.g. "title-chain"; becomes dj:rule-<rule>
    role: str = ""  # memberOf: the title, e.g. "副书记" (the role concept's skos:prefLabel)
    role_label: str = ""  # memberOf: the title as written when it says more, e.g. "基础设施板块总工程师"


@dataclass(frozen=True, slots=True)
class PageResult:
    """Everything the per-page (map) step knows about one page; pure data, picklable, cacheable."""

    __reduce__ = _by_fields

    source: str
    encoding: str
    articles: tuple[Article, ...]
    mentions: tuple[tuple[Mention, ...], ...]  # per article, same order as articles
    relations: tuple[tuple[Relation, ...], ...]  # per article
    source_text: str = field(repr=False, default="")  # the page as read, for evidence text


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity after resolution across articles and pages."""

    __reduce__ = _by_fields

    key: str  # canonical key "kind|subtype|name|scope": the IRI is derived from it
    kind: str
    subtype: str
    label: str  # canonical name (rdfs:label @zh)
    aliases: tuple[str, ...]  # every other surface form, sorted (skos:altLabel @zh)
    articles: tuple[str, ...]  # ids of the articles that mention it, sorted
    level: str = ""
    iri_name: str = ""  # the name its IRI was minted from, when curation renamed it (kg.curation)
