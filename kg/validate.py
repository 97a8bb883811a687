"""Validate a graph against the SHACL shapes of ``ontology/shapes.ttl``.

``validate_file(path)`` returns one ``Problem`` per SHACL result, sorted, so the same graph always
gives the same report. SHACL Core runs in pySHACL; the shapes' SPARQL-based constraints and
targets run here, one Oxigraph query per constraint over all its focus nodes, because pySHACL's
one-rdflib-query-per-node takes a minute on the seed graph (docs/ontology.md). The shapes ship as
package data (``kg.ontology``), so validation works after a plain ``pip install`` too.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pyoxigraph as ox
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from kg.errors import KgError
from kg.rdf.load import load_graph


@dataclass(frozen=True, order=True)
class Problem:
    """One SHACL result: the node at fault, the property (if any), and what is wrong."""

    focus: str  # the node at fault, as a prefixed name where one fits
    path: str  # the property path, "" for a check on the node itself
    message: str
    value: str = ""  # the offending value, "" when none applies
    shape: str = ""  # the shape that fired, e.g. "djsh:ProvenanceShape" or "" (anonymous)
    severity: str = "Violation"

    def line(self) -> str:
        """``focus  path  message`` on one line, as ``kg validate`` prints it."""
        shown = self.value and self.value != self.focus and self.value not in self.message
        value = f" (value: {self.value})" if shown else ""
        return f"{self.focus}  {self.path or '-'}  {self.message}{value}"


def ontology_text(name: str) -> str:
    """The text of a file shipped in ``kg.ontology``: ``dangjian.ttl`` or ``shapes.ttl``."""
    return resources.files("kg.ontology").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(data=ontology_text("shapes.ttl"), format="turtle")


def validate_graph(graph: Graph, *, engine: str = "fast") -> list[Problem]:
    """Every SHACL problem of ``graph``, sorted; an empty list when it conforms.

    ``engine="fast"`` (the default) evaluates the SPARQL-based constraints and targets of the
    shapes in one Oxigraph query each (pySHACL runs one rdflib query per focus node: a minute on
    the seed graph) and leaves SHACL Core to pySHACL; ``engine="pyshacl"`` runs everything in
    pySHACL, the reference the tests compare the fast path against.
    """
    if engine == "pyshacl":
        return _pyshacl_problems(graph, shapes_graph())
    if engine != "fast":
        raise ValueError(f"unknown engine {engine!r}")
    store = ox.Store()
    store.extend(ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in graph)
    problems = set(_pyshacl_problems(graph, core_shapes_graph()))
    problems.update(sparql_problems(store, shapes_graph(), _names(graph)))
    return sorted(problems)


def validate_file(path) -> list[Problem]:
    """Validate the graph file at ``path`` (raises ``GraphError`` when it cannot be read)."""
    return validate_graph(load_graph(path))


@lru_cache(maxsize=1)
def core_shapes_graph() -> Graph:
    """The shapes minus their SPARQL constraints and targets (``sparql_problems`` runs those)."""
    core = Graph()
    for triple in shapes_graph():
        core.add(triple)
    core.remove((None, SH.sparql, None))
    core.remove((None, SH.target, None))
    return core


def _pyshacl_problems(graph: Graph, shapes: Graph) -> list[Problem]:
    conforms, report, text = validate(graph, shacl_graph=shapes, inference="none", advanced=True,
                                      abort_on_first=False, allow_warnings=False, inplace=True)
    if not isinstance(report, Graph):  # pySHACL could not run the shapes at all
        raise KgError(f"the SHACL shapes could not run: {' '.join(str(text).split())}")
    if conforms:
        return []
    names = _names(graph)
    return sorted({_problem(report, result, names)
                   for result in report.subjects(RDF.type, SH.ValidationResult)})


def _names(graph: Graph):
    names = graph.namespace_manager
    names.bind("djsh", "https://w3id.org/dangjian-kg/shapes#", override=True)
    return names


def sparql_problems(store: ox.Store, shapes: Graph, names) -> list[Problem]:
    """Evaluate every ``sh:sparql`` constraint once over all its focus nodes (SHACL-SPARQL §5)."""
    problems = []
    for shape, constraint in sorted(shapes.subject_objects(SH.sparql)):
        if shapes.value(constraint, SH.deactivated) or shapes.value(shape, SH.deactivated):
            continue
        prefixes = _declared_prefixes(shapes, constraint)
        targets = _target_patterns(shapes, shape)
        if not targets:
            continue
        select = str(shapes.value(constraint, SH.select))
        query = (prefixes + "SELECT DISTINCT * WHERE {\n  { SELECT DISTINCT ?this WHERE { "
                 + " UNION ".join(targets) + " } }\n  {" + select + "\n  }\n}")
        message = str(shapes.value(constraint, SH.message) or shapes.value(shape, SH.message) or "")
        for row in store.query(query):
            problems.append(_sparql_problem(row, shape, message, names))
    return problems


def _target_patterns(shapes: Graph, shape) -> list[str]:
    patterns = [f"{{ ?this a <{c}> }}" for c in shapes.objects(shape, SH.targetClass)]
    patterns += [f"{{ VALUES ?this {{ {n.n3()} }} }}" for n in shapes.objects(shape, SH.targetNode)]
    patterns += [f"{{ ?this <{p}> [] }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
    patterns += [f"{{ [] <{p}> ?this }}" for p in shapes.objects(shape, SH.targetObjectsOf)]
    for target in shapes.objects(shape, SH.target):
        patterns.append("{ " + str(shapes.value(target, SH.select)) + " }")
    return sorted(patterns)


def _declared_prefixes(shapes: Graph, constraint) -> str:
    lines = []
    for source in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(source, SH.declare):
            prefix = shapes.value(declaration, SH.prefix)
            namespace = shapes.value(declaration, SH.namespace)
            lines.append(f"PREFIX {prefix}: <{namespace}>\n")
    return "".join(sorted(set(lines)))


def _sparql_problem(row, shape, message: str, names) -> Problem:
    variables = {}
    for name in ("this", "path", "value", "count", "start", "end", "aStart", "aEnd"):
        try:
            variables[name] = row[name]
        except (KeyError, IndexError):
            continue
    texts = {name: _ox_text(term, names) for name, term in variables.items() if term is not None}
    for name, text in texts.items():
        message = message.replace("{?" + name + "}", text).replace("{$" + name + "}", text)
    focus = texts.get("this", "")
    return Problem(focus=focus, path=texts.get("path", ""), message=message,
                   value=texts.get("value", focus),  # SHACL: ?value defaults to $this
                   shape=_short(Graph(), shape, names))


def _ox_text(term, names) -> str:
    if isinstance(term, ox.NamedNode):
        return _short(Graph(), URIRef(term.value), names)
    if isinstance(term, ox.Literal):
        return term.value
    return "[]"


def _to_ox(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return ox.BlankNode(str(term))


def _problem(report: Graph, result, names) -> Problem:
    def value_of(prop) -> str:
        node = report.value(result, prop)
        return "" if node is None else _short(report, node, names)

    shape = report.value(result, SH.sourceShape)
    severity = report.value(result, SH.resultSeverity)
    messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    return Problem(
        focus=value_of(SH.focusNode), path=value_of(SH.resultPath),
        message="; ".join(messages) or "violates " + value_of(SH.sourceConstraintComponent),
        value=value_of(SH.value),
        shape=_short(report, _named_shape(shape), names),
        severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation")


def _named_shape(shape):
    """The named shape a result comes from: an anonymous property shape reports its parent."""
    shapes = shapes_graph()
    while shape is not None and not isinstance(shape, URIRef):
        shape = next(shapes.subjects(SH.property, shape), None) or next(
            shapes.subjects(SH.node, shape), None)
    return shape


def _short(report: Graph, node, names) -> str:
    """A node as a user reads it: a prefixed name, a literal's text, ``^p`` for an inverse path."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        try:
            return names.normalizeUri(node)
        except ValueError:  # rdflib refuses some IRIs as prefixed names; the full form is fine
            return f"<{node}>"
    if isinstance(node, Literal):
        return str(node)
    inverse = report.value(node, SH.inversePath)
    return "^" + _short(report, inverse, names) if inverse is not None else "[]"
