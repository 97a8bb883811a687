"""Validate a graph against the SHACL shapes of ``ontology/shapes.ttl``.

``validate_file(path)`` returns one ``Problem`` per SHACL result, sorted, so the same graph always
gives the same report. Two engines give the same verdicts:

- ``fast`` (the default) reads the shapes once into ``Shape`` rows. A property shape of a
  class-targeted shape whose constraints are all plain ones (counts, datatypes, classes, ranges,
  lengths, languages, node kinds, sh:in, sh:hasValue, sh:disjoint, sh:lessThan) runs as one
  Oxigraph query per constraint that returns only the failures (``property_problems``); so do
  such a shape's own plain constraints on the focus node (sh:nodeKind, sh:class …) and an sh:or
  of properties that each ask for one value at least, and each SPARQL-based constraint. The
  rest (sh:node, other sh:or, sh:pattern …) is checked focus node by focus node with index
  lookups on a pyoxigraph ``Store`` (``node_problems``). Oxigraph evaluates queries without
  holding the GIL, so ``kg build`` runs the queries in a thread beside its writers: on the 10 MB
  bench graph they take about 5 s there, and the node checks 0.3 s here (4 s before the
  property shapes became queries, 0.8 s before the shapes' own constraints did). A build checks
  that every IRI is plain ASCII on the IRIs its Turtle writer met (``iri_problems``), not by
  querying the whole graph three times.
- ``pyshacl`` (``kg validate --reference``) is the reference the tests compare the fast engine
  against, on the seed graph and on graphs broken on purpose. It evaluates rdflib queries node by
  node: 741 s on the 10 MB bench graph, where the fast engine takes seconds.

The fast engine reports what pySHACL reports, down to its habits: a value that fails ``sh:node``
also brings the nested shape's own results (pySHACL's ``sh:detail``), and a property shape's
result names its named parent shape. It knows the SHACL Core constraints listed in ``_CHECKS``;
a shape using another one is refused with a message pointing to ``--reference``.
"""
from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from kg.errors import KgError
from kg.rdf.load import graph_base, load_store
from kg.rdf.namespaces import DEFAULT_BASE, bind_prefixes
from kg.rdf.terms import to_ox

ENGINES = ("fast", "pyshacl")


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


def validate_file(path, *, engine: str = "fast") -> list[Problem]:
    """Validate the graph file at ``path`` (raises ``GraphError`` when it cannot be read)."""
    if engine == "pyshacl":
        from kg.rdf.load import load_graph
        return validate_graph(load_graph(path), engine=engine)
    return validate_store(load_store(path), base=graph_base(path))


def validate_graph(graph: Graph, *, engine: str = "fast") -> list[Problem]:
    """Every SHACL problem of the rdflib ``graph``, sorted; an empty list when it conforms."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "pyshacl":
        return _pyshacl_problems(graph, shapes_graph())
    store = ox.Store()
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph)
    return validate_store(store, names=_names(graph))


class Cancelled(Exception):
    """Validation gave up because its caller no longer wants the result."""


def validate_store(store: ox.Store, *, base: str | None = None, names=None,
                   shapes: Shapes | None = None) -> list[Problem]:
    """Every SHACL problem of the graph in ``store``, by the fast engine; sorted.

    ``shapes`` (from ``compile_shapes``) replaces the shipped shapes, e.g. in tests. The two
    halves run side by side: ``constraint_problems`` in a thread (Oxigraph evaluates SPARQL
    without the GIL), ``node_problems`` here; ``kg build`` runs the first beside its writers."""
    names, shapes = _names_and_shapes(base, names, shapes)
    with ThreadPoolExecutor(1, thread_name_prefix="kg-validate") as beside:
        queries = beside.submit(constraint_problems, store, names=names, shapes=shapes)
        return merged(node_problems(store, names=names, shapes=shapes), queries.result())


def merged(*parts: Iterable[Problem]) -> list[Problem]:
    """The problems of the halves of a validation as ``validate_store`` gives them."""
    return sorted(set().union(*parts))


def node_problems(store: ox.Store, *, base: str | None = None, names=None,
                  shapes: Shapes | None = None) -> list[Problem]:
    """The problems found by SHACL Core constraints: node by node, with index lookups (Python)."""
    names, shapes = _names_and_shapes(base, names, shapes)
    checker = _Checker(store, shapes)
    problems = []
    for shape in shapes.targeted:
        for focus in shape_focus_nodes(store, shapes.graph, shape.node):
            for result in checker.results(shape, focus):
                problems.append(_fast_problem(result, shapes, names))
    return problems


def constraint_problems(store: ox.Store, *, base: str | None = None, names=None,
                        shapes: Shapes | None = None,
                        cancelled: Callable[[], bool] = lambda: False,
                        iris_checked: bool = False) -> list[Problem]:
    """The problems found by SPARQL-based constraints and by the property shapes written as
    SPARQL (``Shapes.in_sparql``): one query per shape, evaluated by Oxigraph (without the GIL).
    ``cancelled`` is asked before each query; once it is true, ``Cancelled`` is raised (a
    build that failed meanwhile need not wait for the rest). ``iris_checked``: the caller
    checks the graph's IRIs itself (``iri_problems``), so ASCII_IRI_SHAPE is not queried."""
    names, shapes = _names_and_shapes(base, names, shapes)
    skip = {URIRef(ASCII_IRI_SHAPE)} if iris_checked else set()
    return (sparql_problems(store, shapes.graph, names, cancelled, skip)
            + property_problems(store, shapes, names, cancelled))


# The shape whose constraint is that every IRI of the graph is plain ASCII. As a query it reads
# the whole graph three times (subjects, predicates, objects: 0.9 s of the 10 MB bench graph's
# validation); a build has met every IRI once it has written graph.ttl, so it checks them there
# with the shape's own pattern (``iri_problems``), and the query is left out of its thread.
ASCII_IRI_SHAPE = "https://w3id.org/dangjian-kg/shapes#AsciiIriShape"
_REGEX_OF_THIS = re.compile(r'REGEX\(STR\(\$this\),\s*"([^"\\]*)"\)')


def iri_problems(iris: Iterable[str], *, base: str | None = None, names=None,
                 shapes: Shapes | None = None) -> list[Problem]:
    """The problems ASCII_IRI_SHAPE's query finds in a graph whose IRIs (as subject, predicate
    or object) are ``iris``: the same ``Problem`` for each IRI its pattern refuses."""
    names, shapes = _names_and_shapes(base, names, shapes)
    graph, shape = shapes.graph, URIRef(ASCII_IRI_SHAPE)
    constraint = graph.value(shape, SH.sparql)
    if constraint is None or graph.value(shape, SH.deactivated) \
            or graph.value(constraint, SH.deactivated):
        return []
    found = _REGEX_OF_THIS.search(str(graph.value(constraint, SH.select)))
    if found is None:  # never pass unchecked: the shape was edited out of this reading
        raise KgError(f"{ASCII_IRI_SHAPE}: its constraint has no REGEX(STR($this), \"…\") to "
                      f"check IRIs with")
    allowed = re.compile(found.group(1))
    message = str(graph.value(constraint, SH.message) or graph.value(shape, SH.message) or "")
    return [_sparql_problem({"this": ox.NamedNode(iri)}, shape, message, names)
            for iri in sorted(iris) if not allowed.search(iri)]


def _names_and_shapes(base: str | None, names, shapes: Shapes | None):
    return (names or _names(bind_prefixes(Graph(), base or DEFAULT_BASE)),
            shapes or compiled_shapes())


# ---------------------------------------------------------------- the shapes, read once

@dataclass(frozen=True)
class Shape:
    """A node or property shape as the fast engine runs it."""

    node: object  # the shape in the shapes graph (rdflib term)
    path: tuple[ox.NamedNode, bool] | None  # (predicate, inverse); None for a node shape
    constraints: tuple[tuple[str, object], ...]  # (component local name, its parameter)
    message: str  # the shape's sh:message(s), "" when it has none
    severity: str


@dataclass(frozen=True)
class Shapes:
    graph: Graph
    by_node: dict  # rdflib node → Shape, every shape reachable from a targeted one
    # shapes with a target, in a stable order, without the property shapes run as SPARQL
    targeted: tuple[Shape, ...]
    # (targeted node shape, one of its property shapes, or the node shape's own constraints that
    # queries can check) checked by one Oxigraph query per constraint (property_problems), not
    # node by node
    in_sparql: tuple[tuple[Shape, Shape], ...] = ()


# Parameters that only qualify another one (read together with it) or say nothing to check.
_COMPANIONS = {SH.flags, SH.qualifiedMinCount, SH.qualifiedMaxCount,
               SH.qualifiedValueShapesDisjoint, SH.message, SH.severity, SH.path, SH.name,
               SH.description, SH.order, SH.group,
               SH.deactivated, SH.targetClass, SH.targetNode, SH.targetSubjectsOf,
               SH.targetObjectsOf, SH.target, SH.sparql, SH.declare, SH.prefixes, RDF.type,
               RDFS.comment, RDFS.label, SH.defaultValue, SH.ignoredProperties}
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)


@lru_cache(maxsize=1)
def compiled_shapes() -> Shapes:
    """The shipped shapes, read once per process."""
    return compile_shapes(shapes_graph())


def compile_shapes(graph: Graph) -> Shapes:
    """The shapes of ``graph`` as the fast engine runs them; ``KgError`` for a constraint it
    does not know (so a new shape never passes unchecked)."""
    by_node: dict = {}
    roots = sorted({s for t in _TARGETS for s in graph.subjects(t, None)}, key=str)
    for root in roots:
        _compile(graph, root, by_node)
    targeted, in_sparql = [], []
    for root in roots:
        shape = by_node[root]
        plain = _plain_targets(graph, root)
        queried = [(shape, by_node[argument]) for component, argument in shape.constraints
                   if component == "property" and plain and _in_sparql(by_node[argument])]
        own = tuple(c for c in shape.constraints if plain and _own_in_sparql(c, by_node))
        in_sparql += queried + ([(shape, replace(shape, constraints=own))] if own else [])
        left = tuple(c for c in shape.constraints if c not in own and (
            c[0] != "property" or (shape, by_node[c[1]]) not in queried))
        if left:  # a shape whose only constraints are SPARQL ones is left to the queries
            targeted.append(replace(shape, constraints=left))
    return Shapes(graph, by_node, tuple(targeted), tuple(in_sparql))


def _compile(graph: Graph, node, by_node: dict) -> None:
    if node in by_node:
        return
    by_node[node] = None  # a cycle through sh:node reaches a shape already being read
    constraints = []
    deactivated = graph.value(node, SH.deactivated)
    for parameter, value in sorted(graph.predicate_objects(node), key=lambda pv: str(pv)):
        if deactivated or parameter in _COMPANIONS or not str(parameter).startswith(str(SH)):
            continue
        name = str(parameter)[len(str(SH)):]
        if name not in _CHECKS:
            shape = node.n3(graph.namespace_manager)
            raise KgError(f"shapes.ttl: {shape} uses sh:{name}, which the fast validator does "
                          "not know; run `kg validate --reference`")
        argument = _argument(graph, node, parameter, value, by_node)
        constraints.append((name, argument))
    severity = graph.value(node, SH.severity)
    message = "; ".join(sorted(str(m) for m in graph.objects(node, SH.message)))
    by_node[node] = Shape(node, _path(graph, node), tuple(constraints), message,
                          str(severity).rsplit("#", 1)[-1] if severity else "Violation")


def _argument(graph: Graph, node, parameter, value, by_node: dict):
    if parameter in (SH["or"], SH["and"], SH.xone):
        members = list(Collection(graph, value))
        for member in members:
            _compile(graph, member, by_node)
        return tuple(members)
    if parameter in (SH.node, SH["not"], SH.property):
        _compile(graph, value, by_node)
        return value
    if parameter == SH.qualifiedValueShape:
        _compile(graph, value, by_node)
        low, high = graph.value(node, SH.qualifiedMinCount), graph.value(node, SH.qualifiedMaxCount)
        return value, None if low is None else int(low), None if high is None else int(high)
    if parameter == SH["in"]:
        return frozenset(to_ox(v) for v in Collection(graph, value))
    if parameter == SH.languageIn:
        return tuple(str(v).lower() for v in Collection(graph, value))
    if parameter == SH.pattern:
        flags = str(graph.value(node, SH.flags) or "")
        return re.compile(str(value), sum(_FLAGS.get(f, 0) for f in flags))
    if parameter in (SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals, SH["class"]):
        return ox.NamedNode(str(value))
    if parameter in (SH.minCount, SH.maxCount, SH.minLength, SH.maxLength):
        return int(value)
    if parameter == SH.closed and value.toPython():
        raise KgError("shapes.ttl: sh:closed is not supported by the fast validator; "
                      "run `kg validate --reference`")
    return to_ox(value) if isinstance(value, (URIRef, Literal)) else value


_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}


def _path(graph: Graph, node) -> tuple[ox.NamedNode, bool] | None:
    path = graph.value(node, SH.path)
    if path is None:
        return None
    if isinstance(path, URIRef):
        return ox.NamedNode(str(path)), False
    inverse = graph.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return ox.NamedNode(str(inverse)), True
    raise KgError(f"shapes.ttl: the path of {node.n3(graph.namespace_manager)} is neither a "
                  "property nor an inverse property; run `kg validate --reference`")


def shape_focus_nodes(store: ox.Store, shapes: Graph, node) -> set:
    """The focus nodes of a shape's targets (SHACL §2.1.3), as pyoxigraph terms."""
    found = set()
    for target in shapes.objects(node, SH.targetClass):
        for cls in _subclasses(store, ox.NamedNode(str(target))):
            found.update(q.subject for q in store.quads_for_pattern(None, _TYPE, cls))
    found.update(to_ox(n) for n in shapes.objects(node, SH.targetNode))
    for p in shapes.objects(node, SH.targetSubjectsOf):
        found.update(q.subject for q in store.quads_for_pattern(None, ox.NamedNode(str(p)), None))
    for p in shapes.objects(node, SH.targetObjectsOf):
        found.update(q.object for q in store.quads_for_pattern(None, ox.NamedNode(str(p)), None))
    for target in shapes.objects(node, SH.target):
        select = str(shapes.value(target, SH.select))
        found.update(row["this"] for row in store.query(select))
    return found


_TYPE = ox.NamedNode(str(RDF.type))
_SUBCLASS = ox.NamedNode(str(RDFS.subClassOf))
_LANG_STRING = str(RDF.langString)


def _subclasses(store: ox.Store, cls: ox.NamedNode) -> set:
    """``cls`` and its subclasses declared in the data graph (SHACL's notion of instance)."""
    found, todo = {cls}, [cls]
    while todo:
        for quad in store.quads_for_pattern(None, _SUBCLASS, todo.pop()):
            if quad.subject not in found:
                found.add(quad.subject)
                todo.append(quad.subject)
    return found


# ---------------------------------------------------------------- checking nodes

@dataclass(frozen=True)
class _Result:
    focus: object
    shape: Shape  # the shape whose constraint failed
    component: str
    value: object = None  # None: the result has no sh:value (counts, sh:hasValue)


class _Checker:
    """Checks nodes against shapes with lookups on ``store``; remembers each node's classes."""

    def __init__(self, store: ox.Store, shapes: Shapes):
        self.store, self.shapes = store, shapes
        self._types: dict = {}
        self._has_subclasses = any(True for _ in store.quads_for_pattern(None, _SUBCLASS, None))

    def objects(self, node, predicate) -> list:
        if isinstance(node, ox.Literal):
            return []
        return [q.object for q in self.store.quads_for_pattern(node, predicate, None)]

    def values(self, focus, path) -> list:
        if path is None:
            return [focus]
        predicate, inverse = path
        if inverse:
            return list(dict.fromkeys(
                q.subject for q in self.store.quads_for_pattern(None, predicate, focus)))
        return list(dict.fromkeys(self.objects(focus, predicate)))

    def is_instance(self, node, cls) -> bool:
        if isinstance(node, ox.Literal):
            return False
        types = self._types.get(node)
        if types is None:
            types = self._types[node] = set(self.objects(node, _TYPE))
        if cls in types:
            return True
        return self._has_subclasses and not types.isdisjoint(_subclasses(self.store, cls))

    def results(self, shape: Shape, focus) -> list[_Result]:
        values = self.values(focus, shape.path)
        found: list[_Result] = []
        for component, argument in shape.constraints:
            found += _CHECKS[component](self, shape, component, focus, values, argument)
        return found

    def conforms(self, node, shape_node) -> bool:
        return not self.results(self.shapes.by_node[shape_node], node)


Check = Callable[["_Checker", Shape, str, object, list, object], Iterable[_Result]]


def _each_value(test: Callable[["_Checker", object, object, object], bool]) -> Check:
    """A constraint on each value node alone: one result per value that fails ``test``."""
    def check(checker, shape, component, focus, values, argument):
        return [_Result(focus, shape, component, v) for v in values
                if not test(checker, v, argument, focus)]
    return check


def _count(compare: Callable[[int, int], bool]) -> Check:
    def check(checker, shape, component, focus, values, argument):
        return [] if compare(len(values), argument) else [_Result(focus, shape, component)]
    return check


def _check_node(checker, shape, component, focus, values, argument):
    found = []
    for v in values:
        nested = checker.results(checker.shapes.by_node[argument], v)
        if nested:  # pySHACL reports the nested results too, as sh:detail
            found += [_Result(focus, shape, component, v), *nested]
    return found


def _check_property(checker, shape, component, focus, values, argument):
    return [r for v in values for r in checker.results(checker.shapes.by_node[argument], v)]


def _check_qualified(checker, shape, component, focus, values, argument):
    nested, low, high = argument
    conforming = sum(checker.conforms(v, nested) for v in values)
    if (low is not None and conforming < low) or (high is not None and conforming > high):
        return [_Result(focus, shape, component)]
    return []


def _check_has_value(checker, shape, component, focus, values, argument):
    return [] if argument in values else [_Result(focus, shape, component)]


def _check_unique_lang(checker, shape, component, focus, values, argument):
    languages = [v.language for v in values if isinstance(v, ox.Literal) and v.language]
    repeated = len(languages) != len(set(languages))
    return [_Result(focus, shape, component)] if argument.value == "true" and repeated else []


def _compare_with(test: Callable[[set, object], bool]) -> Check:
    """Pair constraints (sh:equals, sh:disjoint, sh:lessThan…): values against ``argument``'s."""
    def check(checker, shape, component, focus, values, argument):
        others = checker.objects(focus, argument)
        found = [_Result(focus, shape, component, v) for v in values if not test(others, v)]
        if component == "equals":
            found += [_Result(focus, shape, component, o) for o in others if o not in values]
        return found
    return check


def _lexical_ok(literal: ox.Literal) -> bool:
    pattern = _LEXICAL.get(literal.datatype.value)
    return pattern is None or bool(pattern.fullmatch(literal.value))


_LEXICAL = {str(XSD.integer): re.compile(r"[+-]?\d+"),
            str(XSD.decimal): re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
            str(XSD.boolean): re.compile(r"true|false|1|0"),
            str(XSD.double): re.compile(r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|NaN"),
            str(XSD.float): re.compile(r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|NaN")}
_NUMERIC = {str(XSD.integer), str(XSD.decimal), str(XSD.double), str(XSD.float),
            str(XSD.nonNegativeInteger), str(XSD.positiveInteger), str(XSD.int), str(XSD.long)}


def _has_datatype(checker, v, datatype, focus) -> bool:
    if not isinstance(v, ox.Literal):
        return False
    if datatype.value == _LANG_STRING:
        return bool(v.language)
    return not v.language and v.datatype == datatype and _lexical_ok(v)


def _has_node_kind(checker, v, kind, focus) -> bool:
    kinds = {ox.NamedNode: "IRI", ox.BlankNode: "BlankNode", ox.Literal: "Literal"}
    return kinds.get(type(v), "") in kind.value.rsplit("#", 1)[-1]


def _order(v, bound) -> int | None:
    """-1, 0 or 1 as ``v`` is below, at or above ``bound``; None when they do not compare."""
    if not (isinstance(v, ox.Literal) and isinstance(bound, ox.Literal)):
        return None
    if v.datatype.value in _NUMERIC and bound.datatype.value in _NUMERIC:
        try:
            a, b = Decimal(v.value), Decimal(bound.value)
        except InvalidOperation:
            return None
    elif v.datatype == bound.datatype and not v.language and not bound.language:
        a, b = v.value, bound.value  # dates and strings in their canonical form order lexically
    else:
        return None
    return (a > b) - (a < b)


def _bounded(allowed: set[int]):
    def test(checker, v, bound, focus) -> bool:
        return _order(v, bound) in allowed
    return test


def _length(compare: Callable[[int, int], bool]):
    def test(checker, v, limit, focus) -> bool:
        return not isinstance(v, ox.BlankNode) and compare(len(v.value), limit)
    return test


def _language_in(checker, v, languages, focus) -> bool:
    if not isinstance(v, ox.Literal) or not v.language:
        return False
    tag = v.language.lower()
    return any(tag == lang or tag.startswith(lang + "-") or lang == "*" for lang in languages)


def _pair_test(allowed: set[int]):
    def test(others, v) -> bool:
        return all(_order(v, o) in allowed for o in others)
    return test


_CHECKS: dict[str, Check] = {
    "class": _each_value(lambda c, v, cls, focus: c.is_instance(v, cls)),
    "datatype": _each_value(_has_datatype),
    "nodeKind": _each_value(_has_node_kind),
    "minCount": _count(lambda n, limit: n >= limit),
    "maxCount": _count(lambda n, limit: n <= limit),
    "minInclusive": _each_value(_bounded({0, 1})),
    "minExclusive": _each_value(_bounded({1})),
    "maxInclusive": _each_value(_bounded({-1, 0})),
    "maxExclusive": _each_value(_bounded({-1})),
    "minLength": _each_value(_length(lambda n, limit: n >= limit)),
    "maxLength": _each_value(_length(lambda n, limit: n <= limit)),
    "pattern": _each_value(lambda c, v, regex, focus: not isinstance(v, ox.BlankNode)
                           and bool(regex.search(v.value))),
    "languageIn": _each_value(_language_in),
    "uniqueLang": _check_unique_lang,
    "in": _each_value(lambda c, v, allowed, focus: v in allowed),
    "hasValue": _check_has_value,
    "equals": _compare_with(lambda others, v: v in others),
    "disjoint": _compare_with(lambda others, v: v not in others),
    "lessThan": _compare_with(_pair_test({-1})),
    "lessThanOrEquals": _compare_with(_pair_test({-1, 0})),
    "node": _check_node,
    "property": _check_property,
    "not": _each_value(lambda c, v, nested, focus: not c.conforms(v, nested)),
    "and": _each_value(lambda c, v, members, focus: all(c.conforms(v, m) for m in members)),
    "or": _each_value(lambda c, v, members, focus: any(c.conforms(v, m) for m in members)),
    "xone": _each_value(lambda c, v, members, focus: sum(c.conforms(v, m) for m in members) == 1),
    "qualifiedValueShape": _check_qualified,
    "closed": lambda *args: [],  # only sh:closed false gets here (see _argument)
}


def _fast_problem(result: _Result, shapes: Shapes, names) -> Problem:
    shape = result.shape
    path = ""
    if shape.path is not None:
        predicate, inverse = shape.path
        path = ("^" if inverse else "") + _ox_text(predicate, names)
    message = shape.message or f"violates sh:{result.component}"
    value = "" if result.value is None else _ox_text(result.value, names)
    return Problem(focus=_ox_text(result.focus, names), path=path, message=message, value=value,
                   shape=_short(shapes.graph, _named_shape(shape.node, shapes.graph), names),
                   severity=shape.severity)


# ---------------------------------------------------------------- SPARQL-based constraints

def sparql_problems(store: ox.Store, shapes: Graph, names,
                    cancelled: Callable[[], bool] = lambda: False,
                    skip: set = frozenset()) -> list[Problem]:
    """Evaluate every ``sh:sparql`` constraint once over all its focus nodes (SHACL-SPARQL §5),
    but those of the shapes in ``skip``."""
    problems = []
    for shape, constraint in sorted(shapes.subject_objects(SH.sparql)):
        if cancelled():
            raise Cancelled()
        if shape in skip or shapes.value(constraint, SH.deactivated) \
                or shapes.value(shape, SH.deactivated):
            continue
        prefixes = _declared_prefixes(shapes, constraint)
        targets = _target_patterns(shapes, shape)
        if not targets:
            continue
        select = as_anti_join(str(shapes.value(constraint, SH.select)))
        query = (prefixes + "SELECT DISTINCT * WHERE {\n  { SELECT DISTINCT ?this WHERE { "
                 + " UNION ".join(targets) + " } }\n  {" + select + "\n  }\n}")
        message = str(shapes.value(constraint, SH.message) or shapes.value(shape, SH.message) or "")
        for row in store.query(query):
            problems.append(_sparql_problem(row, shape, message, names))
    return problems


_NOT_EXISTS = re.compile(r"FILTER\s+NOT\s+EXISTS\s*\{([^{}]*)\}", re.I)
_FILTER = re.compile(r"FILTER\s*\((?:[^()]|\([^()]*\))*\)", re.I)
_VARIABLE = re.compile(r"[?$](\w+)")


def as_anti_join(select: str) -> str:
    """``select`` with each ``FILTER NOT EXISTS { … }`` that means the same as ``MINUS { … }``
    written as MINUS: Oxigraph runs NOT EXISTS row by row (85 s for the ReifiedShape on the 10 MB
    bench graph) and MINUS as one anti-join (0.4 s).

    They mean the same when the outer pattern binds its variables in every solution (no
    OPTIONAL), the group shares a variable with it, and the group's own filters read only the
    group's variables; other groups are left as they are. So is a group whose every variable the
    outer pattern binds: NOT EXISTS is then one index lookup per row, where MINUS would first
    gather every match of the group — for ``{ ?s ?p ?o }`` (StatementShape) the whole graph:
    2.2 s and 150 MB on the 10 MB bench graph, against 0.9 s and 8 MB.
    """
    if re.search(r"\bOPTIONAL\b", select, re.I):
        return select

    def rewrite(match: re.Match) -> str:
        group = match.group(1)
        patterns = _FILTER.sub(" ", group)
        bound, outside = set(_VARIABLE.findall(patterns)), select.replace(match.group(0), " ")
        filtered = {v for f in _FILTER.findall(group) for v in _VARIABLE.findall(f)}
        outer = set(_VARIABLE.findall(outside))
        if filtered <= bound and bound & outer and not bound <= outer:
            return "MINUS {" + group + "}"
        return match.group(0)
    return _NOT_EXISTS.sub(rewrite, select)


# ---------------------------------------------------------------- property shapes as SPARQL

def property_problems(store: ox.Store, shapes: Shapes, names,
                      cancelled: Callable[[], bool] = lambda: False) -> list[Problem]:
    """The problems of the property shapes in ``shapes.in_sparql``: one query per node shape, a
    UNION of one branch per constraint over all the focus nodes of the node shape, returning only
    the failures (SHACL Core §4 read as SPARQL, e.g. sh:minCount 1 as ``FILTER NOT EXISTS``).
    Python checks every node one by one (``node_problems``: the GIL held for seconds on a large
    graph); Oxigraph runs these beside the build's writers. The tests hold both, and pySHACL, to
    the same verdicts.

    One query per node shape, not per constraint: Oxigraph evaluates without the GIL, but each
    query's start and end take it back, and beside a thread running Python each taking waits
    for the interpreter's switch interval (5 ms). A hundred queries waited a second beside the
    writers of a 1 MB build for 0.3 s of evaluation."""
    problems = []
    by_node: dict = {}
    for node_shape, shape in shapes.in_sparql:
        by_node.setdefault(node_shape.node, []).append(shape)
    for node, node_shapes in by_node.items():
        if cancelled():
            raise Cancelled()
        target = _target_pattern(store, shapes.graph, node)
        branches, constraints = [], []
        for shape in node_shapes:
            for component, argument in shape.constraints:
                query = _property_query(store, target, shape.path, component, argument,
                                        shapes.by_node)
                branches.append(f"{{ {{ {query} }} BIND ({len(constraints)} AS ?constraint) }}")
                constraints.append((shape, component))
        union = "SELECT ?this ?value ?constraint {\n" + "\nUNION\n".join(branches) + "\n}"
        for row in store.query(union):
            shape, component = constraints[int(row["constraint"].value)]
            result = _Result(row["this"], shape, component, row["value"])
            problems.append(_fast_problem(result, shapes, names))
    return problems


# What each constraint of a value node reads as SPARQL: a FILTER that holds where it fails.
_SPARQL_COUNTS = {"minCount", "maxCount"}
_SPARQL_ORDER = {"minInclusive": ">=", "minExclusive": ">", "maxInclusive": "<=",
                 "maxExclusive": "<"}
_SPARQL_PAIRS = {"lessThan": "<", "lessThanOrEquals": "<="}
_SPARQL_EACH = {"class", "datatype", "nodeKind", "languageIn", "minLength", "maxLength", "in",
                *_SPARQL_ORDER}
_IN_SPARQL = _SPARQL_COUNTS | _SPARQL_EACH | set(_SPARQL_PAIRS) | {"hasValue", "disjoint"}


def _in_sparql(shape: Shape) -> bool:
    """Whether every constraint of the property shape ``shape`` can be written as a query (not
    sh:pattern: SPARQL's regular expressions are not Python's)."""
    return shape.path is not None and all(c in _IN_SPARQL for c, _ in shape.constraints)


def _own_in_sparql(constraint: tuple[str, object], by_node: dict) -> bool:
    """Whether a node shape's own constraint (on the focus node itself) can be written as a
    query: one on the node alone (sh:nodeKind, sh:class …), or an sh:or of property shapes that
    each ask for one value at least (EntityShape: mentioned by an article, or named in a byline).
    On the 10 MB bench graph these were half a second of the node-by-node checks."""
    component, argument = constraint
    if component == "or":
        return all(by_node[m].path is not None and by_node[m].constraints == (("minCount", 1),)
                   for m in argument)
    return component in _SPARQL_EACH


def _plain_targets(graph: Graph, node) -> bool:
    """Whether the targets of ``node`` are classes only (those the queries write as a pattern)."""
    return all(t == SH.targetClass for t in graph.predicates(node, None) if t in _TARGETS)


def _target_pattern(store: ox.Store, graph: Graph, node) -> str:
    """The focus nodes of a shape with class targets, as a pattern binding ?this (an instance of
    a class or of a subclass the data graph declares)."""
    classes = sorted({c.value for target in graph.objects(node, SH.targetClass)
                      for c in _subclasses(store, ox.NamedNode(str(target)))})
    return f"VALUES ?focusClass {{ {' '.join(f'<{c}>' for c in classes)} }} ?this a ?focusClass ."


def _property_query(store: ox.Store, target: str, path: tuple[ox.NamedNode, bool] | None,
                    component: str, argument, by_node: dict) -> str:
    """The query whose rows (?this, ?value) are the results of one constraint; ``path`` None for
    a node shape's own constraint, whose value node is the focus node."""
    def step(value: str, path=path) -> str:
        if path is None:
            return f"BIND (?this AS {value})"
        predicate, inverse = path
        return f"{value} {predicate} ?this ." if inverse else f"?this {predicate} {value} ."

    if component == "or":  # of property shapes of sh:minCount 1 (_own_in_sparql): none has one
        absent = " ".join(f"FILTER NOT EXISTS {{ {step(f'?v{i}', by_node[member].path)} }}"
                          for i, member in enumerate(argument))
        return f"SELECT DISTINCT ?this ?value {{ {target} {absent} {step('?value')} }}"
    if component in _SPARQL_COUNTS:
        if component == "minCount" and argument == 1:
            return f"SELECT DISTINCT ?this ?value {{ {target} FILTER NOT EXISTS {{ {step('?v')} }} }}"
        test = "<" if component == "minCount" else ">"
        values = f"OPTIONAL {{ {step('?v')} }}" if component == "minCount" else step("?v")
        return (f"SELECT ?this ?value {{ {{ SELECT ?this (COUNT(DISTINCT ?v) AS ?n) "
                f"{{ {target} {values} }} GROUP BY ?this }} FILTER (?n {test} {argument}) }}")
    if component == "hasValue":
        return f"SELECT DISTINCT ?this ?value {{ {target} FILTER NOT EXISTS {{ {step(str(argument))} }} }}"
    if component == "disjoint":  # a value that is also one of ?this's values of the other
        return f"SELECT DISTINCT ?this ?value {{ {target} {step('?value')} ?this {argument} ?value . }}"
    if component in _SPARQL_PAIRS:
        test = f"!COALESCE(?value {_SPARQL_PAIRS[component]} ?other, false)"
        return (f"SELECT DISTINCT ?this ?value {{ {target} {step('?value')} "
                f"?this {argument} ?other . FILTER ({test}) }}")
    return (f"SELECT DISTINCT ?this ?value {{ {target} {step('?value')} "
            f"FILTER ({_fails(store, component, argument)}) }}")


def _fails(store: ox.Store, component: str, argument) -> str:
    """A FILTER expression on ?value that holds where the value fails the constraint, as the
    Python checks (_CHECKS) decide it."""
    if component == "class":
        classes = " ".join(str(c) for c in sorted(_subclasses(store, argument), key=str))
        return f"NOT EXISTS {{ VALUES ?valueClass {{ {classes} }} ?value a ?valueClass }}"
    if component == "datatype":
        if argument.value == _LANG_STRING:
            return '!(isLiteral(?value) && lang(?value) != "")'
        lexical = _LEXICAL.get(argument.value)
        # the Python pattern in a SPARQL string: its backslashes written twice
        pattern = lexical.pattern.replace("\\", "\\\\") if lexical else ""
        form = f' && REGEX(STR(?value), "^(?:{pattern})$")' if lexical else ""
        return f'!(isLiteral(?value) && lang(?value) = "" && datatype(?value) = {argument}{form})'
    if component == "nodeKind":
        kind = argument.value.rsplit("#", 1)[-1]
        tests = [test for name, test in (("IRI", "isIRI(?value)"), ("BlankNode", "isBlank(?value)"),
                                         ("Literal", "isLiteral(?value)")) if name in kind]
        return f"!({' || '.join(tests) or 'false'})"
    if component == "languageIn":
        ranges = " || ".join(f'langMatches(lang(?value), "{r}")' for r in argument) or "false"
        return f'!(isLiteral(?value) && lang(?value) != "" && ({ranges}))'
    if component in ("minLength", "maxLength"):
        test = ">=" if component == "minLength" else "<="
        return f"isBlank(?value) || !(STRLEN(STR(?value)) {test} {argument})"
    if component == "in":
        return f"!({' || '.join(f'sameTerm(?value, {v})' for v in sorted(argument, key=str)) or 'false'})"
    return f"!COALESCE(?value {_SPARQL_ORDER[component]} {argument}, false)"


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


# ---------------------------------------------------------------- the reference: pySHACL

def _pyshacl_problems(graph: Graph, shapes: Graph) -> list[Problem]:
    from pyshacl import validate  # slow to import, and only the reference needs it

    conforms, report, text = validate(graph, shacl_graph=shapes, inference="none", advanced=True,
                                      abort_on_first=False, allow_warnings=False, inplace=True)
    if not isinstance(report, Graph):  # pySHACL could not run the shapes at all
        raise KgError(f"the SHACL shapes could not run: {' '.join(str(text).split())}")
    if conforms:
        return []
    names = _names(graph)
    return sorted({_problem(report, result, names, shapes)
                   for result in report.subjects(RDF.type, SH.ValidationResult)})


def _problem(report: Graph, result, names, shapes: Graph) -> Problem:
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
        shape=_short(report, _named_shape(shape, shapes), names),
        severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation")


# ---------------------------------------------------------------- terms as a user reads them

def _names(graph: Graph):
    names = graph.namespace_manager
    names.bind("djsh", "https://w3id.org/dangjian-kg/shapes#", override=True)
    return names


def _named_shape(shape, shapes: Graph | None = None):
    """The named shape a result comes from: an anonymous property shape reports its parent."""
    shapes = shapes if shapes is not None else shapes_graph()
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


def _ox_text(term, names) -> str:
    if isinstance(term, ox.NamedNode):
        return _short(Graph(), URIRef(term.value), names)
    if isinstance(term, ox.Literal):
        return term.value
    return "[]"
