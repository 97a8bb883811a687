"""SPARQL 1.1 over a built graph, evaluated by pyoxigraph (rdflib stays the graph API elsewhere).

``run_query`` returns pyoxigraph's lazy results; ``render`` turns them into an aligned table (East
Asian wide characters count two columns) or into the standard SPARQL 1.1 CSV, TSV or JSON result
formats, which ``render_bytes`` leaves as pyoxigraph writes them (no Python object per row). This
module imports neither rdflib nor the pipeline: it is most of what a ``kg query`` process loads.
CONSTRUCT and DESCRIBE results are shown as a subject/predicate/object table in every
format. The contract's prefixes (``dj:``, ``djr:``, ``org:``, ``prov:``, ``skos:``, ``dcterms:``,
``schema:``, ``rdfs:`` …) are predeclared; a query's own ``PREFIX`` lines take precedence.

The research queries ship in ``kg/queries/`` (package data), so ``kg query secretary-projects``
works after a plain ``pip install`` too. They use Oxigraph's ``LATERAL`` (SPARQL SEP-0006) to
look a node's details up after the node is found: without it the engine matches the optional
part over the whole graph first (5 s instead of a millisecond for ``secretary-projects`` on the
10 MB bench graph). How else they are written for Oxigraph's planner (selective subqueries first,
built sort keys, ordered ``GROUP_CONCAT`` input): docs/query.md, "The query library".
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError
from kg.prefixes import NAMESPACES

# Package data (pyproject.toml): found beside this module, as kg/data is, not through
# importlib.resources, whose imports are a tenth of a `kg query` process's start.
LIBRARY = Path(__file__).parent / "queries"
FORMATS = ("table", "csv", "tsv", "json")
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON}
_ERROR_AT = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+[\w-]*:\s*<[^>]*>|BASE\s+<[^>]*>|#[^\n]*(?:\n|$))\s*)*"
                     r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)
_CHAR_CLASSES = re.compile(r",?\s*\[[^\]]*\.\.=[^\]]*\]|,?\s*\[[^\]]{0,4}\]")  # grammar noise


_DJR = re.compile(r"@prefix\s+djr:\s*<([^>]*)>")


def graph_prefixes(graph_path) -> dict[str, str]:
    """The predeclared prefixes, ``djr:`` as the graph's header has it (``kg build --base``)."""
    try:
        with open(graph_path, encoding="utf-8", errors="replace") as handle:
            match = _DJR.search(handle.read(4096))
    except OSError:  # no graph there: opening its store says so, in one line
        match = None
    return {**NAMESPACES, "djr": match.group(1)} if match else dict(NAMESPACES)


def query_text(query_or_file: str, queries_dir: Path = Path("queries")) -> tuple[str, str]:
    """The query text and where it came from: a file, a name in ``queries_dir`` or in the library
    shipped with the package (``kg/queries``), or the text itself."""
    candidate = query_or_file.strip()
    if "\n" not in candidate and len(candidate) < 500 and not candidate.upper().startswith(
            ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX", "BASE")):
        for path in (Path(candidate), queries_dir / candidate, queries_dir / f"{candidate}.rq"):
            if path.is_file():
                return path.read_text(encoding="utf-8"), str(path)
        shipped = library().get(candidate.removesuffix(".rq"))
        if shipped is not None:
            return shipped.read_text(encoding="utf-8"), f"{shipped.name} (kg/queries)"
        if candidate.endswith(".rq"):
            raise QueryError(f"{candidate}: no such query file")
    return query_or_file, "query"


def unbound_note(text: str) -> str | None:
    """What a query says it leaves out when nothing is bound: its ``# Unbound: …`` comment, with
    the indented comment lines that continue it."""
    match = re.search(r"^#[ \t]*Unbound:(.*(?:\n#[ \t]{2,}\S.*)*)", text, re.M)
    return " ".join(match.group(1).replace("\n#", " ").split()) if match else None


def library() -> dict[str, Path]:
    """The research queries shipped with the package, by name (``secretary-projects`` …)."""
    return {path.stem: path for path in sorted(LIBRARY.glob("*.rq"))}


def is_update(text: str) -> bool:
    return bool(_UPDATE.match(text))


def run_query(store: ox.Store, text: str, prefixes: dict[str, str], *,
              bindings: dict[str, ox.NamedNode | ox.Literal] | None = None, origin: str = "query"):
    """Evaluate ``text`` on ``store``; raises ``QueryError`` with the engine's message and line."""
    if is_update(text):
        raise QueryError(f"{origin}: SPARQL Update (INSERT, DELETE, LOAD, …) is refused: "
                         "the graph is read-only here; rebuild it with `kg build` instead")
    unknown = [n for n in (bindings or {}) if not re.search(rf"[?$]{re.escape(n)}\b", text)]
    if unknown:
        name = unknown[0]
        raise QueryError(f"{origin}: --bind {name}=…: the query has no variable ?{name}")
    substitutions = {ox.Variable(name): value for name, value in (bindings or {}).items()}
    try:
        return store.query(text, prefixes=prefixes, substitutions=substitutions or None)
    except SyntaxError as error:
        raise QueryError(f"{origin}: {syntax_message(error, text)}") from None
    except (OSError, ValueError, RuntimeError) as error:
        raise QueryError(f"{origin}: the query failed: {_one_line(error)}") from None


def syntax_message(error: SyntaxError, text: str = "") -> str:
    """``SPARQL syntax error at line 3, column 2: expected …`` from pyoxigraph's message."""
    message = _one_line(error)
    match = _ERROR_AT.search(message)
    if not match:
        return f"SPARQL syntax error: {message}"
    line, column, detail = match.groups()
    if "Prefix not found" in detail:
        source = (text.splitlines() or [""])[min(int(line), len(text.splitlines()) or 1) - 1]
        name = re.search(r"([A-Za-z][\w.-]*)?:[\w.-]*$", source[:int(column) - 1])
        prefix = f"{name.group(1) or ''}:" if name else "a prefix"
        detail = f"undeclared prefix {prefix}; add a PREFIX line or use a predeclared one"
    else:
        detail = _CHAR_CLASSES.sub("", detail).replace(", ,", ",").strip(" ,")
        detail = detail if len(detail) <= 160 else detail[:159] + "…"
    return f"SPARQL syntax error at line {line}, column {column}: {detail}"


def parse_binding(text: str, prefixes: dict[str, str]) -> tuple[str, ox.NamedNode | ox.Literal]:
    """``name=value`` → a variable and its value: ``<iri>`` and ``dj:Person`` give IRIs; anything
    else is a ``@zh`` string, the form every label in the graph has (``district=梅林区``)."""
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"\w+", name):
        raise QueryError(f"--bind {text!r}: write NAME=VALUE, e.g. --bind district=青松区")
    if value.startswith("<") and value.endswith(">"):
        return name, ox.NamedNode(value[1:-1])
    prefix, colon, local = value.partition(":")
    if colon and prefix in prefixes and re.fullmatch(r"[\w.-]*", local):
        return name, ox.NamedNode(prefixes[prefix] + local)
    return name, ox.Literal(value, language="zh")


def render(results, fmt: str, prefixes: dict[str, str], *, max_width: int = 0) -> str:
    """Results as ``table`` (aligned, for people) or SPARQL 1.1 ``csv``/``tsv``/``json``."""
    if fmt != "table":
        return render_bytes(results, fmt).decode("utf-8")
    if isinstance(results, ox.QueryTriples):
        results = _triples_as_solutions(results)
    if isinstance(results, ox.QueryBoolean):
        return "yes\n" if bool(results) else "no\n"
    names = [v.value for v in results.variables]
    rows = [[cell_text(solution[i], prefixes) for i in range(len(names))] for solution in results]
    return table(names, rows, max_width=max_width)


def render_bytes(results, fmt: str) -> bytes:
    """Results in a SPARQL 1.1 result format (``csv``, ``tsv``, ``json``), written by pyoxigraph
    itself: no Python object per row, which is most of the time of a large answer."""
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if isinstance(results, ox.QueryTriples):
        results = _triples_as_solutions(results)
    return results.serialize(format=RESULT_FORMATS[fmt])


def _triples_as_solutions(triples: ox.QueryTriples) -> ox.QuerySolutions:
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    return store.query("SELECT ?subject ?predicate ?object WHERE { ?subject ?predicate ?object } "
                       "ORDER BY ?subject ?predicate ?object")


def cell_text(term, prefixes: dict[str, str]) -> str:
    """A term as a reader wants it in a table: ``djr:person-…``, the text of a literal, ``""``."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value, prefixes)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split())
    return str(term)


def compact(iri: str, prefixes: dict[str, str]) -> str:
    best = max((ns for ns in prefixes.values() if iri.startswith(ns)), key=len, default=None)
    if best is None or not re.fullmatch(r"[\w.-]*", iri[len(best):]):
        return f"<{iri}>"
    prefix = next(p for p, ns in prefixes.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: CJK and full-width forms take two, marks none."""
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


@lru_cache(maxsize=None)
def _char_width(ch: str) -> int:
    # a table of thousands of rows asks about the same few thousand characters over and over
    return 0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def clip(text: str, limit: int) -> str:
    if limit <= 0 or width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        if used + width(ch) > limit - 1:
            break
        out.append(ch)
        used += width(ch)
    return "".join(out) + "…"


# Control characters a page may smuggle into a label (ESC]0;…BEL retitles a terminal): line
# breaks and tabs become spaces, the rest is dropped, so a table never drives the terminal.
_CONTROLS = {c: (" " if chr(c) in "\t\n\r" else None) for c in (*range(32), *range(127, 160))}


def table(names: list[str], rows: list[list[str]], *, max_width: int = 0) -> str:
    """An aligned plain-text table with a count line: ``(3 rows)``."""
    rows = [[clip(cell.translate(_CONTROLS), max_width) for cell in row] for row in rows]
    sized = [[(cell, width(cell)) for cell in row] for row in [names, *rows]]
    widths = [max(row[i][1] for row in sized) for i in range(len(names))]

    def line(cells: list[tuple[str, int]]) -> str:
        return "  ".join(c + " " * (w - cw) for (c, cw), w in zip(cells, widths)).rstrip()

    out = [line(sized[0]), line([("-" * w, w) for w in widths])]
    out += [line(r) for r in sized[1:]]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _one_line(error: BaseException) -> str:
    return " ".join(str(error.args[0] if error.args else error).split())
