"""Counts that describe a built graph: entities by class, relations by predicate (with their
provenance coverage and mean confidence), articles per page. Each count is one SPARQL query run
by pyoxigraph, so the numbers are exactly what a researcher's own query would return."""
from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.query import compact, table
from kg.rdf.load import graph_prefixes, load_store
from kg.vocab import PREDICATES

BY_CLASS = """
SELECT ?class (COUNT(DISTINCT ?x) AS ?count) WHERE { ?x a ?class }
GROUP BY ?class ORDER BY DESC(?count) ?class
"""
# For each relation: asserted triples, those with a complete reification node, mean confidence.
BY_RELATION = """
SELECT ?predicate (COUNT(*) AS ?triples) (SUM(?proven) AS ?withEvidence) (AVG(?best) AS ?confidence)
WHERE {
  {
    SELECT ?s ?predicate ?o (MAX(?ok) AS ?proven) (MAX(?c) AS ?best) WHERE {
      VALUES ?predicate { %s }
      ?s ?predicate ?o .
      OPTIONAL {
        ?st rdf:subject ?s ; rdf:predicate ?predicate ; rdf:object ?o ;
            dj:evidence ?e ; dj:charStart ?b ; dj:charEnd ?end ; dj:confidence ?c ;
            prov:wasDerivedFrom ?article ; prov:wasGeneratedBy ?rule .
      }
      BIND (IF(BOUND(?st), 1, 0) AS ?ok)
    }
    GROUP BY ?s ?predicate ?o
  }
}
GROUP BY ?predicate ORDER BY DESC(?triples) ?predicate
""" % " ".join(f"<{p.iri}>" for p in PREDICATES.values())
BY_PAGE = """
SELECT ?page (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?e) AS ?entities)
       (COUNT(DISTINCT ?st) AS ?statements)
WHERE {
  ?a a dj:Article ; dcterms:source ?page .
  OPTIONAL { ?a schema:mentions ?e }
  OPTIONAL { ?st prov:wasDerivedFrom ?a }
}
GROUP BY ?page ORDER BY ?page
"""
MEMBERSHIPS = """
SELECT (COUNT(DISTINCT ?m) AS ?memberships) (COUNT(DISTINCT ?proven) AS ?withEvidence)
       (COUNT(DISTINCT ?role) AS ?roles)
WHERE {
  ?m a org:Membership .
  OPTIONAL { ?m org:role ?role }
  OPTIONAL { ?m dj:evidence ?e ; dj:charStart ?b ; dj:charEnd ?end ; dj:confidence ?c ;
                prov:wasDerivedFrom ?a . BIND (?m AS ?proven) }
}
"""


@dataclass
class Section:
    title: str
    names: list[str]
    rows: list[list[str]] = field(default_factory=list)  # as printed
    values: list[list] = field(default_factory=list)  # the same with numbers as numbers (JSON)


def compute_stats(graph_path) -> list[Section]:
    """The sections ``kg stats`` prints, in order, for the graph file at ``graph_path``."""
    return store_stats(load_store(graph_path), graph_prefixes(graph_path))


def store_stats(store: ox.Store, prefixes: dict[str, str]) -> list[Section]:
    """The same for the graph in ``store`` (e.g. the one ``kg build`` made); ``prefixes`` name
    its IRIs (``kg.rdf.namespaces.PREFIXES(base)``)."""
    sections = []
    for title, query in (("Entities and nodes by class", BY_CLASS),
                         ("Relations: triples, with evidence node, mean confidence", BY_RELATION),
                         ("Memberships (posts)", MEMBERSHIPS),
                         ("Pages: articles, entities mentioned, statements", BY_PAGE)):
        results = store.query(query, prefixes=prefixes)
        names = [v.value for v in results.variables]
        solutions = [[s[n] for n in names] for s in results]
        sections.append(Section(title, names,
                                [[_text(t, prefixes) for t in row] for row in solutions],
                                [[_value(t, prefixes) for t in row] for row in solutions]))
    total, proven = _coverage(sections[1].rows)
    share = f"{100 * proven / total:.1f} %" if total else "n/a"
    sections.append(Section("Provenance coverage", ["relation triples", "with evidence", "share"],
                            [[str(total), str(proven), share]],
                            [[total, proven, round(proven / total, 4) if total else None]]))
    return sections


def _coverage(rows: list[list[str]]) -> tuple[int, int]:
    return sum(int(r[1]) for r in rows), sum(int(r[2]) for r in rows)


def _text(term, prefixes: dict[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value, prefixes)
    if isinstance(term, ox.Literal) and term.datatype.value.endswith("#decimal"):
        return f"{float(term.value):.2f}"
    return term.value


def _value(term, prefixes: dict[str, str]):
    """A number for a numeric literal (so JSON has numbers, not strings); else as printed."""
    if isinstance(term, ox.Literal) and term.datatype.value.endswith("#integer"):
        return int(term.value)
    if isinstance(term, ox.Literal) and term.datatype.value.endswith(("#decimal", "#double")):
        return round(float(term.value), 4)
    return _text(term, prefixes)


def render_stats(sections: list[Section]) -> str:
    return "\n".join(f"{s.title}\n{table(s.names, s.rows)}" for s in sections)


def stats_json(sections: list[Section]) -> dict:
    """Sections as lists of records; counts and means are numbers, the share a fraction."""
    return {s.title: [dict(zip(s.names, row)) for row in s.values] for s in sections}
