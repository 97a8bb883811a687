"""``kg build`` on good and bad input: one clear line, exit code 2, nothing written."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import types

from click.testing import CliRunner

from kg.cli import build as cli_build
from kg.cli import cli

PAGE = ("梅林街道推动高质量发展\n\n近日，梅林街道召开大会，青松社区党委书记张三丰介绍了"
        "“邻里管家”服务机制。\n\n李四 王五\n")


def run(*args: str):
    return CliRunner().invoke(cli, ["build", *args])


def pages(tmp_path, **files: bytes):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, data in files.items():
        (folder / f"{name}.txt").write_bytes(data)
    return folder


def assert_refused(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for word in words:
        assert word in lines[0]
    assert "Traceback" not in result.output


def test_cli_build_writes_the_graph_with_articles_and_creators(tmp_path):
    folder = pages(tmp_path, a=PAGE.encode("utf-8"), b=PAGE.replace("梅林", "松江").encode("gb18030"))
    out = tmp_path / "out"
    result = run(str(folder), "--out", str(out))
    assert result.exit_code == 0, result.output
    graph = (out / "graph.ttl").read_text(encoding="utf-8")
    assert '"梅林街道推动高质量发展"@zh' in graph and '"松江街道推动高质量发展"@zh' in graph
    assert '"李四"@zh' in graph and "dcterms:creator" in graph


def test_cli_build_refuses_a_binary_page_and_writes_nothing(tmp_path):
    folder = pages(tmp_path, a=PAGE.encode("utf-8"), b=b"\x00\x01PNG\x00" * 20)
    out = tmp_path / "out"
    result = run(str(folder), "--out", str(out))
    assert_refused(result, "b.txt", "binary")
    assert not out.exists()


def test_cli_build_leaves_an_earlier_output_untouched(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("earlier graph", encoding="utf-8")
    folder = pages(tmp_path, a=b"<!DOCTYPE html><html><body>x</body></html>")
    result = run(str(folder), "--out", str(out))
    assert_refused(result, "a.txt", "HTML")
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "earlier graph"
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]


def test_cli_build_refuses_a_folder_without_pages(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.md").write_text("x", encoding="utf-8")
    result = run(str(folder), "--out", str(tmp_path / "out"))
    assert_refused(result, str(folder), "no .txt files")
    assert not (tmp_path / "out").exists()


def test_cli_build_refuses_a_missing_path(tmp_path):
    result = run(str(tmp_path / "nowhere.txt"), "--out", str(tmp_path / "out"))
    assert_refused(result, "nowhere.txt", "no such file")
    assert not (tmp_path / "out").exists()


def test_cli_build_refuses_undecodable_text(tmp_path):
    folder = pages(tmp_path, a=b"caf\xe9 cr\xe8me br\xfbl\xe9e, \xe0 la carte")
    result = run(str(folder), "--out", str(tmp_path / "out"))
    assert_refused(result, "a.txt", "UTF-8 or GB18030")
    assert not (tmp_path / "out").exists()


def test_cli_build_warns_about_an_empty_page_and_builds_the_rest(tmp_path):
    folder = pages(tmp_path, a=PAGE.encode("utf-8"), empty=b"")
    result = run(str(folder), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "Warning:" in result.stderr and "empty.txt" in result.stderr
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_cli_build_refuses_when_every_page_is_empty(tmp_path):
    folder = pages(tmp_path, empty=b"\n\n")
    result = run(str(folder), "--out", str(tmp_path / "out"))
    assert_refused(result, "empty")
    assert not (tmp_path / "out").exists()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_build_shows_its_stages_on_a_terminal_only(tmp_path, monkeypatch):
    folder = pages(tmp_path, a=PAGE.encode("utf-8"))
    terminal = Terminal()
    monkeypatch.setattr(cli_build, "sys", types.SimpleNamespace(stderr=terminal))
    result = run(str(folder), "--out", str(tmp_path / "out"), "--format", "ttl,nt")
    assert result.exit_code == 0, result.output
    shown = terminal.getvalue()
    for label in ("resolving entities", "writing graph.ttl", "writing exports",
                  "writing the views", "validating"):
        assert label in shown
    assert shown.endswith("\r\x1b[K")  # the status line is cleared for the summary
    monkeypatch.undo()
    quiet = run(str(folder), "--out", str(tmp_path / "out"))  # not a terminal: the summary only
    assert quiet.exit_code == 0 and "resolving" not in quiet.output


def test_cli_build_warns_about_an_unreadable_subfolder(tmp_path, monkeypatch):
    folder = pages(tmp_path, a=PAGE.encode("utf-8"))
    (folder / "locked").mkdir()
    scandir = os.scandir

    def refusing(path="."):  # root reads every folder: refuse this one as the kernel would
        if not isinstance(path, int) and os.fspath(path) == str(folder / "locked"):
            raise PermissionError(13, "Permission denied", str(folder / "locked"))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    result = run(str(folder), "--out", str(tmp_path / "out"), "--no-views", "--no-validate")
    assert result.exit_code == 0, result.output
    assert f"Warning: {folder / 'locked'}: cannot read this folder (permission denied)" in \
        result.stderr


def test_the_commands_list_without_the_pipeline_views_or_validator():
    """`kg --help` loads every command to list it: the libraries they run (about half a second
    of imports) are loaded when a command runs, not when it is listed."""
    code = ("import sys; from kg.cli import main; sys.argv = ['kg', '--help']\n"
            "try: main()\nexcept SystemExit: pass\n"
            "print(sorted(m for m in ('kg.pipeline', 'kg.views', 'kg.validate') if m in sys.modules))")
    run_ = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert "build" in run_.stdout and "validate" in run_.stdout
    assert run_.stdout.strip().splitlines()[-1] == "[]"
