"""A deterministic Turtle writer: the same triples give byte-identical text, whatever their order.

rdflib's serializer is correct but slow on large graphs (about 90 s for a million triples here) and
keeps the whole graph in memory; this writer sorts and streams text. Subjects are sorted by their
Turtle form, ``rdf:type`` comes first, other predicates and objects are sorted by their Turtle
form. ``write_store_turtle`` writes a pyoxigraph ``Store`` (the build's graph) one subject at a
time, so the only copy of the graph is the store; ``write_turtle`` writes triples of rdflib or
pyoxigraph terms. Both give the same text for the same graph. Every output is parsed back by
rdflib and pyoxigraph in the tests.
"""
from __future__ import annotations

import re
from typing import Iterable, TextIO

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.rdf.terms import decimal_form

_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_INTEGER, _DECIMAL, _STRING = str(XSD.integer), str(XSD.decimal), str(XSD.string)
_INTEGER_FORM, _DECIMAL_FORM = re.compile(r"[+-]?\d+"), re.compile(r"[+-]?\d*\.\d+")
_FIRST = "\x00"  # sorts before every Turtle term: rdf:type rows come first in a subject


def escape_string(text: str) -> str:
    if not _NEEDS_ESCAPE.search(text):
        return text
    return _NEEDS_ESCAPE.sub(_escape, text)


def _escape(match: re.Match) -> str:
    ch = match.group()
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


class TermWriter:
    """Formats rdflib terms as Turtle, using the prefixes where a name allows it."""

    def __init__(self, prefixes: dict[str, str]):
        # longest namespace first, so "…/id/" never shadows a longer one that starts with it
        self.prefixes = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self._cache: dict[str, str] = {}
        # keyed by the URIRef objects themselves: rdflib's URIRef never equals a plain str
        self._uris: dict[URIRef, str] = {}

    def iri(self, iri: str) -> str:
        text = self._cache.get(iri)
        if text is None:
            text = self._cache[iri] = self._iri(iri)
        return text

    def _iri(self, iri: str) -> str:
        for prefix, ns in self.prefixes:
            if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]):
                return f"{prefix}:{iri[len(ns):]}"
        if _IRI_BAD.search(iri):
            raise ValueError(f"not a valid IRI: {iri!r}")
        return f"<{iri}>"

    def term(self, term) -> str:
        # Hot path (millions of calls): exact type checks and string constants, because
        # isinstance chains and rdflib's namespace lookups (XSD.integer) cost more than the work.
        kind = type(term)
        if kind is ox.NamedNode:
            text = self._uris.get(term)
            if text is None:
                text = self._uris[term] = self.iri(term.value)
            return text
        if kind is ox.Literal:
            return self._ox_literal(term)
        if kind is URIRef:
            text = self._uris.get(term)
            if text is None:
                text = self._uris[term] = self.iri(str(term))
            return text
        if kind is Literal or isinstance(term, Literal):
            return self._literal(term)
        if isinstance(term, URIRef):
            return self.iri(str(term))
        if isinstance(term, (BNode, ox.BlankNode)):
            raise ValueError("blank nodes are not written: every node gets an IRI")
        raise TypeError(f"not an RDF term: {term!r}")

    def _literal(self, term: Literal) -> str:
        value, language = str(term), term.language
        if language:
            return f'"{escape_string(value)}"@{language}'
        dt = term.datatype
        if dt is None:
            return f'"{escape_string(value)}"'
        dt = str(dt)
        if dt == _INTEGER and _INTEGER_FORM.fullmatch(value):
            return value
        if dt == _DECIMAL:
            value = decimal_form(value)
            if _DECIMAL_FORM.fullmatch(value):
                return value
        if dt == _STRING:
            return f'"{escape_string(value)}"'
        return f'"{escape_string(value)}"^^{self.iri(dt)}'

    def _ox_literal(self, term: ox.Literal) -> str:
        value, language = term.value, term.language
        if language:
            return f'"{escape_string(value)}"@{language}'
        dt = term.datatype.value
        if dt == _STRING:
            return f'"{escape_string(value)}"'
        if dt == _INTEGER and _INTEGER_FORM.fullmatch(value):
            return value
        if dt == _DECIMAL:
            value = decimal_form(value)  # a Store gives 0.9 for the 0.90 the build made
            if _DECIMAL_FORM.fullmatch(value):
                return value
        return f'"{escape_string(value)}"^^{self.iri(dt)}'


def write_store_turtle(store: ox.Store, out: TextIO, prefixes: dict[str, str],
                       iris: set[str] | None = None) -> int:
    """Write the default graph of ``store`` to ``out`` as sorted Turtle; returns the number of
    triples. The same text as ``write_turtle`` of the same triples; it holds only the subjects
    and one subject's triples at a time. ``iris``, if given, gets every IRI the graph uses as a
    subject, predicate or object (validation's ASCII check reads them instead of the graph)."""
    fmt = TermWriter(prefixes)
    term = fmt.term
    rdf_type = fmt.iri(str(RDF.type))
    # not memoised like other terms: most subjects (statements, memberships) are never objects
    subjects = sorted((fmt._iri(s.value) if type(s) is ox.NamedNode else term(s), s)
                      for s, in store.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o }"))

    def described():
        for text, node in subjects:
            pairs = []
            for quad in store.quads_for_pattern(node, None, None, ox.DefaultGraph()):
                p = term(quad.predicate)
                pairs.append((_FIRST if p == rdf_type else p, term(quad.object)))
            yield text, sorted(pairs)
    count = _write_subjects(out, prefixes, described())
    if iris is not None:
        iris.update(s.value for _, s in subjects if type(s) is ox.NamedNode)
        iris.update(node.value for node in fmt._uris if type(node) is ox.NamedNode)
    return count


def write_turtle(triples: Iterable[tuple], out: TextIO, prefixes: dict[str, str]) -> int:
    """Write ``triples`` to ``out`` as sorted Turtle; returns the number of distinct triples."""
    fmt = TermWriter(prefixes)
    term = fmt.term
    rdf_type = fmt.iri(str(RDF.type))
    # (predicate, object) pairs per subject: sorting many small lists and the subjects once is
    # far quicker than sorting one list of millions of triples
    subjects: dict[str, set[tuple[str, str]]] = {}
    for s, p, o in triples:
        s, p = term(s), term(p)
        pairs = subjects.get(s)
        if pairs is None:
            pairs = subjects[s] = set()
        pairs.add((_FIRST if p == rdf_type else p, term(o)))
    # each subject's set goes once written
    return _write_subjects(out, prefixes, ((s, sorted(subjects.pop(s))) for s in sorted(subjects)))


def _write_subjects(out: TextIO, prefixes: dict[str, str],
                    described: Iterable[tuple[str, list[tuple[str, str]]]]) -> int:
    """The prefixes, then each (subject, sorted pairs) in the order given; the triple count."""
    for prefix, ns in prefixes.items():
        out.write(f"@prefix {prefix}: <{ns}> .\n")
    count = 0
    parts: list[str] = []
    for s, pairs in described:
        count += len(pairs)
        _subject(parts, s, pairs)
        if len(parts) > 50_000:  # write in pieces: few calls, little memory
            out.write("".join(parts))
            parts.clear()
    out.write("".join(parts))
    return count


def _subject(parts: list[str], s: str, pairs: list[tuple[str, str]]) -> None:
    """One subject's block: ``pairs`` are its sorted (predicate, object) Turtle forms."""
    parts.append(f"\n{s}")
    last = None
    for p, o in pairs:
        if p == last:
            parts.append(f",\n        {o}")
        else:
            parts.append(f"{' ;' if last is not None else ''}\n    {'a' if p == _FIRST else p} {o}")
            last = p
    parts.append(" .\n")
