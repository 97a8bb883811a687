"""Read: find the input pages and decode each one, refusing what is not a text page.

Encodings: UTF-8 (with or without BOM) is tried first because it is self-validating: GB18030 text
almost never decodes as UTF-8. Then GB18030, a superset of GBK and GB2312, so one codec covers the
encodings common in Chinese corpora. Anything else is refused with a reason, never guessed.
"""
from __future__ import annotations

import os
from pathlib import Path

from kg.errors import InputError
from kg.model import Page

# Control characters that never occur in a text page (NUL, and C0 controls but tab/LF/CR/FF).
_BINARY = set(range(0, 9)) | {11} | set(range(14, 32))
_HTML_MARKERS = ("<!doctype html", "<html", "<head", "<body", "<div", "<p>", "<meta ")


def find_pages(inputs) -> list[Path]:
    """Expand files and folders into the sorted list of ``.txt`` files they name.

    Raises ``InputError`` for a path that does not exist or a folder without any ``.txt`` file.
    """
    pages: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = [p for p in path.rglob("*.txt") if p.is_file() and not _hidden(p, path)]
            if not found:
                raise InputError(path, "no .txt files in this folder")
            pages.update(found)
        elif path.is_file():
            pages.add(path)
        elif path.exists():
            raise InputError(path, "not a regular file or folder")
        else:
            raise InputError(path, "no such file or folder")
    if not pages:
        raise InputError(", ".join(map(str, inputs)) or ".", "no input pages given")
    return sorted(pages, key=lambda p: (p.name, str(p)))


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def decode(data: bytes, path) -> tuple[str, str]:
    """Decode page bytes; returns ``(text, encoding)`` or raises ``InputError`` with the reason."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    sample = data[:65536]
    if b"\x00" in sample and candidates != ["utf-16"]:
        raise InputError(path, "binary file (NUL bytes), not a text page")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if sum(1 for ch in text[:65536] if ord(ch) in _BINARY) > 0.001 * min(len(text), 65536) + 2:
            raise InputError(path, "binary file (control characters), not a text page")
        return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
    raise InputError(path, "not text in UTF-8 or GB18030/GBK (undecodable bytes)")


def read_page(path) -> Page | None:
    """Read one page. Returns ``None`` for an empty (or white-space-only) file, which callers skip."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(path, "is a folder, expected a .txt file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror or error})") from None
    text, encoding = decode(data, path)
    if not text.strip():
        return None
    head = text.lstrip()[:2048].lower()
    if any(marker in head for marker in _HTML_MARKERS):
        raise InputError(path, "looks like HTML, not a text page (save the article text as .txt)")
    return Page(source=path.name, text=text, encoding=encoding)


def file_size(path) -> int:
    return os.stat(path).st_size
