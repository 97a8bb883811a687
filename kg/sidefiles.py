"""Files a researcher keeps beside the pages — the manifest, the curation file: found beside the
inputs, read as CSV or TSV tables whose first line names the columns, every row with its line
number so that a message can name ``file:line``."""
from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError


def find_beside(inputs: Iterable, names: tuple[str, ...], what: str) -> Path | None:
    """The one file called one of ``names`` in an input folder or beside an input file. Two of
    them would leave unclear which holds: refused."""
    found = sorted({folder / name
                    for folder in {Path(i) if Path(i).is_dir() else Path(i).parent for i in inputs}
                    for name in names if (folder / name).is_file()})
    if len(found) > 1:
        raise InputError(found[1], f"a second {what} beside the inputs (the first is {found[0]}); "
                                   f"keep one {what} per build")
    return found[0] if found else None


def read_rows(path: Path, what: str, columns: tuple[str, ...], required: tuple[str, ...]
              ) -> Iterator[tuple[int, dict[str, str]]]:
    """``(line, {column: stripped cell})`` for every row that is not blank or a ``#`` comment."""
    delimiter = "\t" if path.suffix == ".tsv" else ","
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=delimiter))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(path, f"cannot read the {what} ({error})") from None
    if not rows:
        raise InputError(path, f"the {what} is empty; its first line names the columns "
                               + ",".join(columns))
    header = [name.strip().lower() for name in rows[0]]
    unknown = [name for name in header if name not in columns]
    absent = [name for name in required if name not in header]
    if unknown or absent:
        reason = f"unknown column {unknown[0]!r}" if unknown else f"no {absent[0]!r} column"
        raise InputError(f"{path}:1", f"{reason}; the columns are {', '.join(columns)}")
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        if len(row) > len(header):
            raise InputError(f"{path}:{line}", f"{len(row)} cells, the header names {len(header)}")
        yield line, dict(zip(header, (cell.strip() for cell in row)))
