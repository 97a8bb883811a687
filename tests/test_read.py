"""Reading pages: encodings, line ends, and a clear refusal of what is not a text page."""
from __future__ import annotations

import os

import pytest

from kg.errors import InputError
from kg.read import find_pages, read_page

PAGE = "梅林街道推动高质量发展\n\n近日，青松社区党委书记张三丰介绍了“邻里管家”机制。\n"


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding, data, expected", [
    ("utf-8", PAGE.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + PAGE.encode("utf-8"), "utf-8-sig"),
    ("gb18030", PAGE.encode("gb18030"), "gb18030"),
    ("gbk", PAGE.encode("gbk"), "gb18030"),
    ("utf-16 with BOM", PAGE.encode("utf-16"), "utf-16"),
])
def test_read_page_detects_the_encoding(tmp_path, encoding, data, expected):
    page = read_page(write(tmp_path, "page.txt", data))
    assert page.text == PAGE and page.encoding == expected and page.source == "page.txt"


def test_read_page_reads_crlf_and_cr_line_ends_as_newlines(tmp_path):
    crlf = read_page(write(tmp_path, "a.txt", PAGE.replace("\n", "\r\n").encode("utf-8")))
    cr = read_page(write(tmp_path, "b.txt", PAGE.replace("\n", "\r").encode("gb18030")))
    assert crlf.text == PAGE and cr.text == PAGE


def test_read_page_skips_empty_and_blank_files(tmp_path):
    assert read_page(write(tmp_path, "empty.txt", b"")) is None
    assert read_page(write(tmp_path, "blank.txt", b" \n\r\n\t\n")) is None


@pytest.mark.parametrize("data, reason", [
    (b"\x00\x01\x02binary" * 10, "binary file (NUL bytes)"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "is a PNG image"),
    (b"PK\x03\x04\x14\x00", "is a ZIP archive"),
    (b"text\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11", "binary file (control characters)"),
    (b"<!DOCTYPE html><html><body><p>\xe6\xa2\x85</p></body></html>", "looks like HTML"),
    (b"caf\xe9 cr\xe8me br\xfbl\xe9e, \xe0 la carte", "not text in UTF-8 or GB18030/GBK"),
    (PAGE.encode("utf-8") * 3 + b"\xff\xfe" + PAGE.encode("utf-8"), "invalid UTF-8 at byte"),
])
def test_read_page_refuses_what_is_not_a_text_page(tmp_path, data, reason):
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError) as caught:
        read_page(path)
    message = str(caught.value)
    assert str(path) in message and reason in message and "\n" not in message


def test_read_page_refuses_a_folder_and_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        read_page(tmp_path)
    with pytest.raises(InputError, match="cannot read"):
        read_page(tmp_path / "missing.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_read_page_reports_permission_denied(tmp_path):
    path = write(tmp_path, "locked.txt", PAGE.encode("utf-8"))
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read_page(path)
    finally:
        path.chmod(0o644)


def test_find_pages_expands_folders_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/2.txt", "1.txt", ".git/x.txt", "notes.md"):
        (tmp_path / name).write_text(PAGE, encoding="utf-8")
    assert [p.name for p in find_pages([tmp_path])] == ["1.txt", "2.txt"]


def test_find_pages_refuses_a_folder_without_pages_and_a_missing_path(tmp_path):
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="no .txt files in this folder"):
        find_pages([tmp_path])
    with pytest.raises(InputError, match="no such file or folder"):
        find_pages([tmp_path / "nowhere"])


@pytest.mark.parametrize("codec, endian", [("utf-16-le", "little-endian"),
                                           ("utf-16-be", "big-endian")])
def test_read_page_names_utf16_without_a_byte_order_mark(tmp_path, codec, endian):
    path = write(tmp_path, "page.txt", (PAGE * 3).encode(codec))
    with pytest.raises(InputError, match=f"UTF-16 \\({endian}\\) without a byte-order mark"):
        read_page(path)


def test_find_pages_warns_about_an_unreadable_subfolder(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", PAGE.encode("utf-8"))
    locked = tmp_path / "locked"
    locked.mkdir()
    write(locked, "b.txt", PAGE.encode("utf-8"))
    if os.geteuid() == 0:  # root reads any folder: refuse this one as the kernel would
        scandir = os.scandir

        def refusing(path="."):
            if not isinstance(path, int) and os.fspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(locked))
            return scandir(path)

        monkeypatch.setattr(os, "scandir", refusing)
    else:
        locked.chmod(0)
    warnings = []
    try:
        assert find_pages([tmp_path], warnings) == [tmp_path / "a.txt"]
    finally:
        locked.chmod(0o755)
    assert warnings == [f"{locked}: cannot read this folder (permission denied), skipped"]
