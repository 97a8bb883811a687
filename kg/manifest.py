"""The corpus manifest: what the pages themselves do not say — when, where and in which paper.

An optional ``manifest.csv`` (or ``manifest.tsv``) beside the input pages, one row per page file::

    file,date,publication,page,url
    001_qingfeng.txt,2023-07-28,青枫日报,A03,https://example.org/a03
    002_qingfeng.txt,2023,,,

Every column but ``file`` may be empty. ``date`` is ``YYYY-MM-DD`` (the page's publication date),
or ``YYYY-MM`` / ``YYYY`` when only that much is known: a partial date dates no article by itself
but gives the year to datelines that write only month and day (``7月28日``). Rows are matched on
the file name, the same name the articles' ``dcterms:source`` carries.

A malformed manifest is an ``InputError`` naming the file and line, never a traceback.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable

from kg.errors import InputError
from kg.sidefiles import find_beside, read_rows

NAMES = ("manifest.csv", "manifest.tsv")
COLUMNS = ("file", "date", "publication", "page", "url")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class PageInfo:
    """One manifest row: what is known about one page file."""

    file: str
    date: date | None = None  # the full publication date, when the row gives one
    year: int | None = None  # the year, also when the row gives only ``YYYY`` or ``YYYY-MM``
    publication: str = ""
    page: str = ""
    url: str = ""
    line: int = 0  # the row's line in the manifest, for messages


Manifest = dict[str, PageInfo]  # file name → its row


def find_manifest(inputs: Iterable) -> Path | None:
    """The manifest beside the inputs: in an input folder, or in the folder of an input file."""
    return find_beside(inputs, NAMES, "manifest")


def read_manifest(path) -> Manifest:
    """Read a manifest; raises ``InputError`` naming the file and line of the first bad row."""
    path = Path(path)
    manifest: Manifest = {}
    for line, cells in read_rows(path, "manifest", COLUMNS, ("file",)):
        info = _row(cells, f"{path}:{line}", line)
        if info.file in manifest:
            raise InputError(f"{path}:{line}", f"{info.file} is already listed on line "
                                               f"{manifest[info.file].line}")
        manifest[info.file] = info
    return manifest


def _row(cells: dict[str, str], where: str, line: int) -> PageInfo:
    file = cells.get("file", "")
    if not file:
        raise InputError(where, "the file cell is empty")
    day, year = _parse_date(cells.get("date", ""), where)
    return PageInfo(file=Path(file).name, date=day, year=year,
                    publication=cells.get("publication", ""), page=cells.get("page", ""),
                    url=cells.get("url", ""), line=line)


def _parse_date(text: str, where: str) -> tuple[date | None, int | None]:
    if not text:
        return None, None
    match = _DATE.fullmatch(text)
    if not match:
        raise InputError(where, f"date {text!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        date(year, month or 1, day or 1)  # checks the month and the day
    except ValueError:
        raise InputError(where, f"date {text!r} is not a calendar date") from None
    return (date(year, month, day) if day else None), year
