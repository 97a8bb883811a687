"""Curation that survives every rebuild: a researcher's corrections, in a file beside the corpus.

``curation.csv`` (found beside the inputs, or given with ``kg build --curation FILE``), one
correction a line, applied in file order after resolution on every build::

    action,entity,predicate,other,value,articles,note,curator,date
    merge,Organization:青枫街道党工委,,Organization:青枫党工委,,,同一机构,李研究,2024-05-01
    split,Place:新区,,,白鹭新区,p2.txt,两个城市的新区,李研究,
    reject,Person:青枫,,,,,不是人名,,
    reject-relation,王小明,memberOf,白鹭社区党委,,,兼职未经证实,,
    rename,青枫街道党工委,,,中共青枫街道工作委员会,,,,
    alias,青枫街道党工委,,,青枫党工委,,,,
    add-relation,白鹭社区党委,locatedIn,青枫街道,,p2.txt#1,见街道官网,李研究,

An entity is named by its label or an alias, optionally with its class (``Place:新区``, which
also tells two homonyms of different classes apart), or by its IRI (``djr:org-…`` or in full).
IRIs stay stable: a merge keeps the first entity's IRI, a renamed entity keeps the IRI of its
first name, a split-off entity gets an IRI of its own derived from the entry. An entry that no
longer matches anything is a warning naming its line, never an error: the corpus changed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kg import vocab
from kg.errors import InputError
from kg.model import PREDICATES, Entity, Mention, PageResult, Relation
from kg.rdf.iris import entity_path, short_hash, slug
from kg.rdf.namespaces import DJ
from kg.resolve import Resolution
from kg.sidefiles import find_beside, read_rows

NAMES = ("curation.csv", "curation.tsv")
COLUMNS = ("action", "entity", "predicate", "other", "value", "articles", "note", "curator", "date")
ACTIONS = ("merge", "split", "reject", "reject-relation", "rename", "alias", "add-relation")
RULE = "curation"  # the dj:Rule of relations a curator adds
_NEEDS = {  # the cells each action needs besides ``entity``
    "merge": ("other",), "split": ("value", "articles"), "reject": (), "rename": ("value",),
    "reject-relation": ("predicate", "other"), "alias": ("value",),
    "add-relation": ("predicate", "other", "articles"),
}
_SENTENCE_END = re.compile(r"[。！？\n]")


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the curation file."""

    line: int
    action: str
    entity: str
    predicate: str = ""
    other: str = ""
    value: str = ""
    articles: tuple[str, ...] = ()  # article ids ("p2.txt#1", 1-based as dj:position) or files
    note: str = ""
    curator: str = ""
    date: date | None = None


@dataclass(frozen=True, slots=True)
class Curation:
    """A read curation file."""

    path: Path
    entries: tuple[Entry, ...]

    def where(self, entry: Entry) -> str:
        return f"{self.path.name}:{entry.line}"


@dataclass(frozen=True, slots=True)
class Applied:
    """An entry that changed the graph, and the entity keys it touched (for the provenance)."""

    entry: Entry
    keys: tuple[str, ...]
    gone: tuple[str, ...] = ()  # IRI paths of the entities it removed (merged away, rejected)


@dataclass
class Curated:
    """The results and resolution after curation, what was applied and what no longer matched."""

    results: list[PageResult]
    resolution: Resolution
    applied: list[Applied] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- reading

def find_curation(inputs: Iterable) -> Path | None:
    """The curation file beside the inputs (in an input folder or beside an input file)."""
    return find_beside(inputs, NAMES, "curation file")


def read_curation(path) -> Curation:
    """Read a curation file; a malformed line is an ``InputError`` naming the file and line."""
    path = Path(path)
    return Curation(path, tuple(_entry(cells, line, f"{path}:{line}") for line, cells
                                in read_rows(path, "curation file", COLUMNS, ("action", "entity"))))


def _entry(cells: dict[str, str], line: int, where: str) -> Entry:
    action = cells.get("action", "").lower()
    if action not in ACTIONS:
        raise InputError(where, f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
    missing = [name for name in ("entity",) + _NEEDS[action] if not cells.get(name)]
    if missing:
        raise InputError(where, f"{action} needs a value in the {missing[0]!r} column")
    predicate = cells.get("predicate", "")
    if predicate and predicate not in PREDICATES:
        raise InputError(where, f"unknown predicate {predicate!r}; one of {', '.join(PREDICATES)}")
    when = None
    if cells.get("date"):
        try:
            when = date.fromisoformat(cells["date"])
        except ValueError:
            raise InputError(where, f"date {cells['date']!r} is not YYYY-MM-DD") from None
    articles = tuple(a.strip() for a in re.split(r"[;；]", cells.get("articles", "")) if a.strip())
    return Entry(line=line, action=action, entity=cells["entity"], predicate=predicate,
                 other=cells.get("other", ""), value=cells.get("value", ""), articles=articles,
                 note=cells.get("note", ""), curator=cells.get("curator", ""), date=when)


# ---------------------------------------------------------------- applying

def apply_curation(curation: Curation | None, results: list[PageResult], resolution: Resolution,
                   base: str) -> Curated:
    """``results`` and ``resolution`` with every entry applied in file order (new objects: the
    inputs, which the page cache holds, are left as they were)."""
    work = _Work(results, resolution, base)
    curated = Curated(results, resolution)
    for entry in (curation.entries if curation else ()):
        problem = work.apply(entry)
        if problem:
            curated.warnings.append(f"{curation.where(entry)}: {entry.action}: {problem}; "
                                    "the entry no longer matches the graph (update or remove it)")
        else:
            curated.applied.append(Applied(entry, work.touched, work.gone))
    if curated.applied:
        curated.results, curated.resolution = work.finish()
    return curated


class _Work:
    """The mutable state entries are applied to; ``finish`` turns it back into frozen records."""

    def __init__(self, results: list[PageResult], resolution: Resolution, base: str):
        self.results = results
        self.base = base
        self.entities = dict(resolution.entities)
        self.keys = dict(resolution.keys)
        self.creators = dict(resolution.creators)
        self.rejected_relations: set[tuple[str, str, str]] = set()
        self.added: dict[str, list[Relation]] = {}
        self.articles = {a.id: a for r in results for a in r.articles}
        self.touched: tuple[str, ...] = ()
        self.gone: tuple[str, ...] = ()

    # An entry returns None when applied, else why it matches nothing.
    def apply(self, entry: Entry) -> str | None:
        keys = self.find(entry.entity)
        if len(keys) != 1:
            return self._not_one(entry.entity, keys)
        key = keys[0]
        self.touched, self.gone = (key,), ()
        if entry.action in ("merge", "reject-relation", "add-relation"):
            others = self.find(entry.other)
            if len(others) != 1:
                return self._not_one(entry.other, others)
            self.touched = (key, others[0])
            return getattr(self, entry.action.replace("-", "_"))(entry, key, others[0])
        return getattr(self, entry.action.replace("-", "_"))(entry, key)

    def find(self, name: str) -> list[str]:
        """The keys of the entities ``name`` names: an IRI, ``Kind:label`` or a label/alias."""
        if name.startswith(("djr:", "http://", "https://")):
            path = name.split(":", 1)[1] if name.startswith("djr:") else name[len(self.base):]
            return [k for k, e in self.entities.items() if self.path(e) == path]
        kind, _, label = name.partition(":") if ":" in name else ("", "", name)
        return sorted(k for k, e in self.entities.items()
                      if (not kind or kind in (e.kind, e.subtype)) and
                      (label == e.label or label in e.aliases))

    @staticmethod
    def path(entity: Entity) -> str:
        return entity_path(entity.kind, entity.iri_name or entity.label, entity.key)

    @staticmethod
    def _not_one(name: str, keys: list[str]) -> str:
        if not keys:
            return f"no entity is named {name!r}"
        return (f"{name!r} names {len(keys)} entities; write Kind:label (e.g. Place:{name}) "
                "or the IRI")

    def merge(self, entry: Entry, keep: str, gone: str) -> str | None:
        if keep == gone:
            return "both names are one entity already"
        a, b = self.entities[keep], self.entities.pop(gone)
        self.touched, self.gone = (keep,), (self.path(b),)
        self.entities[keep] = replace(
            a, aliases=tuple(sorted(({b.label} | set(a.aliases) | set(b.aliases)) - {a.label})),
            articles=tuple(sorted(set(a.articles) | set(b.articles))))
        self._rekey(lambda article, key: keep if key == gone else key)
        return None

    def split(self, entry: Entry, key: str) -> str | None:
        whole = self.entities[key]
        ids = {i for i in whole.articles if any(_names(i, ref) for ref in entry.articles)}
        if not ids:
            return f"{whole.label!r} is not mentioned in {'; '.join(entry.articles)}"
        if ids == set(whole.articles):
            return "every article of the entity is listed: rename it instead"
        new = f"{key}|split:{entry.value}"
        self.entities[key] = replace(whole, articles=tuple(sorted(set(whole.articles) - ids)))
        self.entities[new] = replace(
            whole, key=new, label=entry.value, iri_name="",
            aliases=tuple(sorted({whole.label} - {entry.value})), articles=tuple(sorted(ids)))
        self._rekey(lambda article, k: new if k == key and article in ids else k)
        self.touched = (key, new)
        return None

    def reject(self, entry: Entry, key: str) -> str | None:
        self.touched, self.gone = (), (self.path(self.entities.pop(key)),)
        self.creators = {a: tuple(k for k in keys if k != key) for a, keys in self.creators.items()}
        return None

    def reject_relation(self, entry: Entry, subject: str, obj: str) -> str | None:
        if not any(self._ends(article, rel) in _both_ways(subject, entry.predicate, obj)
                   for result in self.results
                   for article, rels in zip(result.articles, result.relations) for rel in rels):
            return f"no {entry.predicate} relation from {entry.entity!r} to {entry.other!r}"
        self.rejected_relations.update(_both_ways(subject, entry.predicate, obj))
        return None

    def rename(self, entry: Entry, key: str) -> str | None:
        e = self.entities[key]
        if e.label == entry.value:
            return f"the label is {entry.value!r} already"
        self.entities[key] = replace(e, label=entry.value, iri_name=e.iri_name or e.label,
                                     aliases=tuple(sorted((set(e.aliases) | {e.label})
                                                          - {entry.value})))
        return None

    def alias(self, entry: Entry, key: str) -> str | None:
        e = self.entities[key]
        if entry.value == e.label or entry.value in e.aliases:
            return f"{entry.value!r} names the entity already"
        self.entities[key] = replace(e, aliases=tuple(sorted(set(e.aliases) | {entry.value})))
        return None

    def add_relation(self, entry: Entry, subject: str, obj: str) -> str | None:
        ids = [i for i in sorted(self.articles) if _names(i, entry.articles[0])]
        if not ids:
            return f"no article {entry.articles[0]!r}"
        article = self.articles[ids[0]]
        ends = [self._mention(article, key) for key in (subject, obj)]
        start, end = _sentence(article.text, min((m.start for m in ends if m.end), default=0))
        self.added.setdefault(article.id, []).append(Relation(
            subject=ends[0], predicate=entry.predicate, object=ends[1], sentence_start=start,
            sentence_end=end, confidence=1.0, rule=RULE))
        return None

    def _mention(self, article, key: str) -> Mention:
        """A mention of ``key`` in ``article``: the first the text has, else one made for it
        (empty span) — a curator may add a relation to an entity the article does not name."""
        found = sorted(m for (a, m), k in self.keys.items() if a == article.id and k == key)
        if found:
            return found[0]
        e = self.entities[key]
        made = Mention(0, 0, e.label, e.kind, e.subtype, e.label, RULE, e.level)
        self.keys[(article.id, made)] = key
        return made

    def _rekey(self, change) -> None:
        self.keys = {(a, m): change(a, k) for (a, m), k in self.keys.items()}
        self.creators = {a: tuple(dict.fromkeys(change(a, k) for k in keys))
                         for a, keys in self.creators.items()}

    def _ends(self, article, rel: Relation) -> tuple[str, str, str]:
        return (self.keys.get((article.id, rel.subject), ""), rel.predicate,
                self.keys.get((article.id, rel.object), ""))

    def finish(self) -> tuple[list[PageResult], Resolution]:
        results = []
        for result in self.results:
            relations = tuple(
                tuple(r for r in rels + tuple(self.added.get(article.id, ()))
                      if self._kept(article, r))
                for article, rels in zip(result.articles, result.relations))
            results.append(replace(result, relations=relations))
        return results, Resolution(self.entities, self.keys, self.creators)

    def _kept(self, article, rel: Relation) -> bool:
        s, p, o = self._ends(article, rel)
        return (s in self.entities and o in self.entities
                and (s, p, o) not in self.rejected_relations)


def _names(article_id: str, ref: str) -> bool:
    """Does ``ref`` ("p2.txt" or "p2.txt#1", 1-based like dj:position) name ``article_id``
    ("p2.txt#0", 0-based)?"""
    source, _, index = article_id.rpartition("#")
    if "#" not in ref:
        return ref == source
    file, _, position = ref.rpartition("#")
    return file == source and position == str(int(index) + 1)


def _both_ways(s: str, p: str, o: str) -> set[tuple[str, str, str]]:
    return {(s, p, o), (o, p, s)} if vocab.PREDICATES[p].symmetric else {(s, p, o)}


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The sentence of ``text`` around index ``at``: the evidence of an added relation."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = _SENTENCE_END.search(text, at)
    return start, (end.end() if end and end.group() != "\n" else end.start() if end else len(text))


# ---------------------------------------------------------------- provenance

def curation_triples(curated: Curated, curation: Curation | None, base: str) -> Iterator[tuple]:
    """One ``dj:Curation`` activity per applied entry: who, when, which line, why, what it touched.

    ``dj:curated`` points from each entity the entry changed to its activity, so a query (and the
    explorer) can tell curated facts; a rejected entity's IRI is kept as the object of
    ``prov:invalidated``, so the graph still says what was removed and by whom.
    """
    for applied in curated.applied:
        entry = applied.entry
        where = curation.where(entry)
        node = URIRef(base + "curation-" + short_hash(where, entry.action, entry.entity))
        yield node, RDF.type, DJ.Curation
        yield node, RDF.type, PROV.Activity
        yield node, RDFS.label, Literal(f"{entry.action} {entry.entity}" +
                                        (f" {entry.predicate} {entry.other}" if entry.predicate
                                         else f" {entry.other}" if entry.other else ""))
        yield node, DCTERMS.source, Literal(where)
        if entry.note:
            yield node, RDFS.comment, Literal(entry.note, lang="zh")
        if entry.date:
            yield node, DCTERMS.date, Literal(entry.date)
        if entry.curator:
            curator = URIRef(base + f"curator-{slug(entry.curator)}-{short_hash(entry.curator)}")
            yield node, PROV.wasAttributedTo, curator
            yield curator, RDF.type, PROV.Agent
            yield curator, RDFS.label, Literal(entry.curator, lang="zh")
        for key in applied.keys:
            entity = curated.resolution.entities.get(key)
            if entity is not None:  # a later entry may have rejected it
                yield URIRef(base + _Work.path(entity)), DJ.curated, node
        for path in applied.gone:
            yield node, PROV.invalidated, URIRef(base + path)
