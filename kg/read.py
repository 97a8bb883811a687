"""Read: find the input pages and decode each one, refusing what is not a text page.

Encodings: UTF-8 (with or without BOM) is tried first because it is self-validating: GB18030 text
almost never decodes as UTF-8. Then GB18030, a superset of GBK and GB2312, so one codec covers the
encodings common in Chinese corpora. GB18030 accepts almost any byte string, so its result must
also *look* like Chinese text (mostly Han characters and CJK punctuation among the non-ASCII
characters); and a file that is clearly UTF-8 but holds a few broken bytes is reported as such,
not re-read as GB18030 mojibake. Anything else is refused with a reason, never guessed.

Line ends are read as Python's text mode reads them (``\\r\\n`` and ``\\r`` become ``\\n``): the
offsets in the graph count code points of the page *as read*, which is what ``open(path).read()``
gives a researcher.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from kg.errors import InputError
from kg.model import Page

# Control characters that never occur in a text page (NUL, and C0 controls but tab/LF/CR/FF).
_BINARY = set(range(0, 9)) | {11} | set(range(14, 32))
# Counted by a character class: str.translate with a table looks each character up in a dict,
# which was most of the parent's reading time (0.6 of 0.7 s at 10 MB), before any worker starts.
_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_BINARY)) + "]")
_HTML_MARKERS = ("<!doctype html", "<html", "<head", "<body", "<div", "<p>", "<meta ")
# File signatures of formats people save news pages in instead of text.
_MAGIC = ((b"%PDF-", "a PDF file"), (b"PK\x03\x04", "a ZIP archive (.docx/.xlsx?)"),
          (b"\xd0\xcf\x11\xe0", "an MS Office file (.doc/.xls)"), (b"{\\rtf", "an RTF document"),
          (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "a program (ELF)"))
_SAMPLE = 65536


def find_pages(inputs, warnings: list[str] | None = None) -> list[Path]:
    """Expand files and folders into the sorted list of ``.txt`` files they name.

    Raises ``InputError`` for a path that does not exist or a folder without any ``.txt`` file.
    A subfolder that cannot be read is skipped with a line in ``warnings`` (if given), not
    silently.
    """
    pages: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = _folder_pages(path, warnings)
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


def _folder_pages(folder: Path, warnings: list[str] | None) -> list[Path]:
    """The ``.txt`` files under ``folder``, hidden files and folders left out."""
    def unreadable(error: OSError) -> None:
        if warnings is not None:
            reason = "permission denied" if isinstance(error, PermissionError) else \
                (error.strerror or str(error))
            warnings.append(f"{error.filename}: cannot read this folder ({reason}), skipped")

    found = []
    for root, folders, files in os.walk(folder, onerror=unreadable):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        found += [Path(root) / f for f in files if f.endswith(".txt") and not f.startswith(".")
                  and os.path.isfile(os.path.join(root, f))]
    return found


def decode(data: bytes, path) -> tuple[str, str]:
    """Decode page bytes; returns ``(text, encoding)`` or raises ``InputError`` with the reason.

    The text keeps its line ends as they are; ``read_page`` folds them.
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"is {kind}, not a text page (save the article text as .txt)")
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    if b"\x00" in data[:_SAMPLE] and candidates != ["utf-16"]:
        endian = _utf16_without_bom(data[:_SAMPLE])
        if endian:
            raise InputError(path, f"is UTF-16 ({endian}) without a byte-order mark; save it as "
                                   "UTF-8 (or UTF-16 with a BOM)")
        raise InputError(path, "binary file (NUL bytes), not a text page")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            if encoding == "utf-8" and _mostly_utf8(data, error.start):
                raise InputError(path, f"invalid UTF-8 at byte {error.start} (the rest of the "
                                       "file is UTF-8; is it truncated or corrupt?)") from None
            continue
        sample = text[:_SAMPLE]
        controls = len(_CONTROL.findall(sample))
        if controls > 0.001 * min(len(text), _SAMPLE) + 2:
            raise InputError(path, "binary file (control characters), not a text page")
        if encoding == "gb18030" and not _looks_chinese(text):
            break
        return text, encoding
    raise InputError(path, "not text in UTF-8 or GB18030/GBK (undecodable bytes)")


def _utf16_without_bom(sample: bytes) -> str | None:
    """``"little-endian"`` or ``"big-endian"`` if ``sample`` reads as UTF-16 text in that order.

    ASCII characters (line ends, digits, punctuation) put a NUL in every other byte, all on one
    side; binary data spreads its NULs over both.
    """
    sample = sample[:len(sample) // 2 * 2]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if min(even, odd) > 0.02 * (even + odd):
        return None
    codec, endian = ("utf-16-le", "little-endian") if odd > even else ("utf-16-be", "big-endian")
    text = sample.decode(codec, errors="replace")  # the sample may end inside a character
    bad = sum(1 for ch in text if ord(ch) in _BINARY or ch == "\ufffd")
    return endian if bad <= 0.001 * len(text) + 2 else None


def _mostly_utf8(data: bytes, bad: int) -> bool:
    """The bytes before the first bad one are a good stretch of multi-byte UTF-8: a UTF-8 file
    with damage, not a GB18030 file (whose first Chinese character already breaks UTF-8)."""
    head = data[:bad]
    return bad >= 64 and len(head.decode("utf-8")) < len(head) - 16


def _looks_chinese(text: str) -> bool:
    """Most non-ASCII characters of a real GB18030 page are Han or CJK punctuation."""
    sample = [ch for ch in text[:_SAMPLE] if not ch.isascii()]
    if not sample:
        return True
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
              or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…·")
    return cjk >= 0.8 * len(sample)


def read_page(path) -> Page | None:
    """Read one page; ``None`` for an empty (or white-space-only) file, which callers skip."""
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
    del data  # a 100 MB page: do not hold the bytes and two copies of the text at once
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():  # (no strip(): it would copy a 100 MB text)
        return None
    head = text[:4096].lstrip()[:2048].lower()
    if any(marker in head for marker in _HTML_MARKERS):
        raise InputError(path, "looks like HTML, not a text page (save the article text as .txt)")
    return Page(source=path.name, text=text, encoding=encoding)


def file_size(path) -> int:
    return os.stat(path).st_size
