"""National administrative division codes (GB/T 2260) for the places of the graph.

The table is ``kg/data/divisions.tsv``: province, prefecture and county-level divisions with their
6-digit codes, converted from the ``adcodes.csv`` that the PyPI package ``cpca`` 0.5.5 ships
(MIT licence, © 2018 QinYuan Du; the package is not a dependency, only its table is kept). It
holds no towns or subdistricts, so those stay without a code.

A code is given only when the table confirms it: the area's label (or an alias) is a name in the
table, and either the name is unique there or exactly one of its homonyms lies inside an area that
the same articles name (白鹭区 in an article that names 青枫市 → the 白鹭区 of 青枫市). A bare name
(``青枫`` for ``青枫市``) counts only when adding one level suffix gives exactly one such match.
Nothing is guessed: what the table cannot confirm keeps no code.

The code carries the parent chain (``320505``: province ``32``, prefecture ``3205``), so
``dj:divisionCode`` answers "which province" without the text having said it.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from rdflib import Literal, URIRef

from kg.model import PageResult
from kg.recognise import lexicon
from kg.rdf.iris import entity_path
from kg.rdf.namespaces import DJ
from kg.resolve import Resolution

TABLE = Path(__file__).resolve().parent / "data" / "divisions.tsv"
SUFFIXES = lexicon.cues("bare-area-level")  # tried, in this order, after a bare name
CPCA_LICENCE = """The MIT License (MIT)

Copyright (c) 2018 QinYuan Du

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@dataclass(frozen=True, slots=True)
class Division:
    code: str  # 6 digits
    name: str

    @property
    def parents(self) -> tuple[str, ...]:
        """Codes of the province and the prefecture that hold this division (those that exist)."""
        province, prefecture = self.code[:2] + "0000", self.code[:4] + "00"
        return tuple(c for c in dict.fromkeys((province, prefecture)) if c != self.code)


class DivisionTable:
    """Name → divisions, and code → division."""

    def __init__(self, divisions: list[Division]):
        self.by_code = {d.code: d for d in divisions}
        self.by_name: dict[str, list[Division]] = defaultdict(list)
        for d in sorted(divisions, key=lambda d: d.code):
            self.by_name[d.name].append(d)

    def ancestors(self, division: Division) -> set[str]:
        """Names of the divisions that hold ``division``."""
        return {self.by_code[c].name for c in division.parents if c in self.by_code}

    def code_of(self, names: list[str], context: set[str]) -> str:
        """The code ``names`` (a label and its aliases) confirm in ``context`` (names of other
        areas in the same articles), or "" when none or several fit."""
        for candidates in (self._exact(names), self._bare(names)):
            if len(candidates) == 1:
                return candidates[0].code
            inside = [d for d in candidates if self.ancestors(d) & context]
            if len(inside) == 1:
                return inside[0].code
            if candidates:
                return ""  # homonyms the articles do not tell apart: no code rather than a guess
        return ""

    def _exact(self, names: list[str]) -> list[Division]:
        return list({d.code: d for n in names for d in self.by_name.get(n, ())}.values())

    def _bare(self, names: list[str]) -> list[Division]:
        found = [d for n in names if not n.endswith(SUFFIXES) for s in SUFFIXES
                 for d in self.by_name.get(n + s, ())]
        return list({d.code: d for d in found}.values())


@lru_cache(maxsize=1)
def table() -> DivisionTable:
    divisions = DivisionTable([Division(code, name) for code, name in lexicon.divisions()])
    for code, short in lexicon.short_divisions():  # 湘西州: the short name confirms the code too
        divisions.by_name[short].append(divisions.by_code[code])
    return divisions


def division_codes(results: list[PageResult], resolution: Resolution,
                   divisions: DivisionTable | None = None) -> dict[str, str]:
    """Entity key → division code, for the administrative areas the table confirms."""
    divisions = divisions or table()
    areas = {k: e for k, e in resolution.entities.items() if e.subtype == "AdministrativeArea"}
    by_article: dict[str, set[str]] = defaultdict(set)
    for key, entity in areas.items():
        for article in entity.articles:
            by_article[article].update((entity.label, *entity.aliases))
    codes = {}
    for key, entity in sorted(areas.items()):
        names = [entity.label, *entity.aliases]
        context = set().union(*(by_article[a] for a in entity.articles)) - set(names)
        code = divisions.code_of(names, context)
        if code:
            codes[key] = code
    return codes


def division_triples(codes: dict[str, str], resolution: Resolution, base: str) -> Iterator[tuple]:
    for key, code in sorted(codes.items()):
        e = resolution.entities[key]
        iri = URIRef(base + entity_path(e.kind, e.iri_name or e.label, key))
        yield iri, DJ.divisionCode, Literal(code)


def convert_cpca(adcodes_csv: Path) -> str:
    """The text of ``divisions.tsv`` from cpca's ``resources/adcodes.csv`` (12-digit adcodes)."""
    with open(adcodes_csv, encoding="utf-8") as handle:
        rows = {r["adcode"][:6]: r["name"] for r in csv.DictReader(handle)
                if r["name"] not in PLACEHOLDERS}
    lines = ["# GB/T 2260 division codes, province to county level, converted by kg/divisions.py",
             "# from resources/adcodes.csv of the PyPI package cpca 0.5.5, under its licence:", "#"]
    lines += [f"# {line}".rstrip() for line in CPCA_LICENCE.splitlines()]
    lines.append("code\tname")
    return "\n".join(lines + [f"{code}\t{name}" for code, name in sorted(rows.items())]) + "\n"


if __name__ == "__main__":  # python -m kg.divisions path/to/cpca/resources/adcodes.csv
    import sys
    TABLE.write_text(convert_cpca(Path(sys.argv[1])), encoding="utf-8")
