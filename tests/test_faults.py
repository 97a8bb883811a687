"""Faults in writing the output folder: each gives one line and an exit code, never a traceback;
whatever happens to a build (an error, Ctrl-C, SIGKILL, a second build at the same time), the
folder holds one whole build: every file of the same build, nothing left over."""
from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import io, pipeline, validate
from kg.cli import cli
from kg.errors import KgError

KG = [sys.executable, "-m", "kg", "build"]
FORMATS = ["--format", "ttl,nt,graphml", "--no-validate"]  # views included
QUICK = ["--no-views", "--no-validate"]


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file of a build folder but its cache, by relative path."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and ".cache" not in p.relative_to(out).parts}


def leftovers(out: Path) -> list[str]:
    """Stages, old folders and a lock beside ``out``, temporary files in it."""
    beside = [p.name for p in out.parent.glob(f".{out.name}.*")]
    inside = [str(p.relative_to(out)) for p in out.rglob("*.tmp")] if out.exists() else []
    return beside + inside


def kg_build(*args, **kwargs) -> subprocess.CompletedProcess:
    """``kg build`` in its own process, as a user runs it (and as a signal can stop it)."""
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, **kwargs)


def build_here(*args):
    """``kg build`` in this process: quicker, where no signal is needed."""
    result = CliRunner().invoke(cli, ["build", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result


def assert_one_line_error(result, *words: str) -> None:
    stderr = result.stderr if isinstance(result, subprocess.CompletedProcess) else result.output
    returncode = getattr(result, "returncode", getattr(result, "exit_code", None))
    assert returncode not in (0, None), stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    assert "Traceback" not in stderr
    for word in words:
        assert word in lines[0]


def clean_builds(root: Path, seed_paths: list[Path]) -> dict:
    """Clean builds of two different inputs (A: two pages, B: every seed), to compare with, and
    the seconds a build of B takes. (Made by each test that needs them, just before: a reference
    made long before would differ from a build of code edited meanwhile.)"""
    a, b = seed_paths[:2], seed_paths
    started = time.monotonic()
    kg_build(*b, "--out", root / "b", "--no-cache", *FORMATS, check=True)
    seconds = time.monotonic() - started
    kg_build(*a, "--out", root / "a", "--no-cache", *FORMATS, check=True)
    return {"a": a, "b": b, "A": snapshot(root / "a"), "B": snapshot(root / "b"),
            "seconds": seconds}


# ---------------------------------------------------------------- faults: one line, rc != 0

def test_fault_out_inside_a_file(tmp_path, seed_paths):
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    result = kg_build(seed_paths[0], "--out", tmp_path / "file.txt" / "out")
    assert_one_line_error(result, "a part of the path is a file")


def test_fault_out_is_a_file(tmp_path, seed_paths):
    (tmp_path / "out").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(seed_paths[0]), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "is a file" in result.output
    assert "Traceback" not in result.output


def test_fault_out_without_write_permission(tmp_path, seed_paths):
    locked = tmp_path / "locked"
    locked.mkdir()
    if os.geteuid() != 0:
        locked.chmod(0o555)
    elif not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(locked)]).returncode:
        pytest.skip("root may write anywhere, and chattr +i (immutable) is not available here")
    try:
        result = CliRunner().invoke(cli, ["build", str(seed_paths[0]), "--out",
                                          str(locked / "out"), *QUICK])
        assert_one_line_error(result, "permission denied")
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(locked)])
        locked.chmod(0o755)


def test_fault_out_on_a_read_only_file_system(tmp_path, seed_paths, monkeypatch):
    def read_only(path):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    monkeypatch.setattr(io, "_lock", read_only)  # a read-only mount needs privileges to make
    result = CliRunner().invoke(cli, ["build", str(seed_paths[0]), "--out", str(tmp_path / "o")])
    assert_one_line_error(result, "read-only")


def test_fault_a_failing_writer_leaves_the_earlier_build(tmp_path, seed_paths, monkeypatch):
    out = tmp_path / "out"
    build_here(seed_paths[0], "--out", out, *QUICK)
    before = snapshot(out)

    def broken(built):
        raise KgError("the views could not be written")

    monkeypatch.setattr(pipeline, "OUTPUTS", (("broken", broken),))
    result = CliRunner().invoke(cli, ["build", *map(str, seed_paths), "--out", str(out)])
    assert_one_line_error(result, "views could not be written")
    assert snapshot(out) == before and leftovers(out) == []


def test_fault_a_failing_validation_leaves_the_earlier_build(tmp_path, seed_paths, monkeypatch):
    """Validation's SPARQL constraints run in a thread beside the writers; an error there still
    ends the build in one line, with nothing written."""
    out = tmp_path / "out"
    build_here(seed_paths[0], "--out", out, *QUICK)
    before = snapshot(out)

    def broken(store, **options):
        raise KgError("the shapes could not run")

    monkeypatch.setattr(validate, "constraint_problems", broken)
    result = CliRunner().invoke(cli, ["build", *map(str, seed_paths), "--out", str(out)])
    assert_one_line_error(result, "shapes could not run")
    assert snapshot(out) == before and leftovers(out) == []


def test_fault_an_interrupt_writes_nothing(tmp_path, seed_paths, monkeypatch):
    out = tmp_path / "out"
    build_here(seed_paths[0], "--out", out, *QUICK)
    before = snapshot(out)

    def interrupted(built):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "OUTPUTS", (("interrupted", interrupted),))
    result = CliRunner().invoke(cli, ["build", *map(str, seed_paths), "--out", str(out)])
    assert result.exit_code == 130 and "nothing was written" in result.output
    assert snapshot(out) == before and leftovers(out) == []


# ---------------------------------------------------------------- the folder is one build

def test_fault_a_rebuild_removes_stale_exports_and_keeps_the_rest(tmp_path, seed_paths):
    out = tmp_path / "out"
    build_here(seed_paths[0], "--out", out, "--format", "ttl,nt,jsonld", *QUICK)
    (out / "notes.md").write_text("mine", encoding="utf-8")
    (out / ".cache" / "mark").write_text("kept", encoding="utf-8")
    build_here(seed_paths[0], "--out", out, "--format", "ttl,nt", *QUICK)
    assert (out / ".cache" / "mark").exists()  # the cache survived the swap
    assert sorted(p.name for p in out.iterdir()) == [
        ".cache", ".kg-build.json", "graph.nt", "graph.ttl", "notes.md"]
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine"


def test_fault_a_build_cleans_what_killed_builds_left(tmp_path, seed_paths):
    out = tmp_path / "out"
    build_here(seed_paths[0], "--out", out, *QUICK)
    (tmp_path / ".out.build-x1y2").mkdir()
    (tmp_path / ".out.build-x1y2" / "graph.ttl").write_text("half", encoding="utf-8")
    (out / ".graph.ttl.k3j4.tmp").write_text("half", encoding="utf-8")
    build_here(seed_paths[0], "--out", out, *QUICK)
    assert leftovers(out) == []


@pytest.mark.slow
def test_fault_a_killed_build_leaves_one_whole_build(tmp_path, seed_paths):
    builds = clean_builds(tmp_path / "clean", seed_paths)
    out = tmp_path / "out"
    kg_build(*builds["a"], "--out", out, *FORMATS, check=True)
    assert snapshot(out) == builds["A"]
    for fraction, sig in [(0.3, signal.SIGKILL), (0.6, signal.SIGINT), (0.8, signal.SIGKILL),
                          (1.0, signal.SIGKILL), (1.2, signal.SIGKILL)]:
        process = subprocess.Popen([*KG, *map(str, builds["b"]), "--out", str(out), *FORMATS],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(fraction * builds["seconds"])
        process.send_signal(sig)
        process.wait(timeout=120)
        assert snapshot(out) in (builds["A"], builds["B"]), (fraction, sig)
    kg_build(*builds["b"], "--out", out, *FORMATS, check=True)
    assert snapshot(out) == builds["B"]  # byte-identical to a clean build
    assert leftovers(out) == []


@pytest.mark.slow
def test_fault_two_concurrent_builds_leave_one_whole_build(tmp_path, seed_paths):
    builds = clean_builds(tmp_path / "clean", seed_paths)
    out = tmp_path / "out"
    for _ in range(2):
        processes = [subprocess.Popen([*KG, *map(str, builds[x]), "--out", str(out), *FORMATS],
                                      stderr=subprocess.PIPE, text=True) for x in "ab"]
        results = [(p.wait(timeout=300), p.stderr.read()) for p in processes]
        for code, stderr in results:
            assert code == 0 or (code == 2 and "another build is writing" in stderr), stderr
        assert any(code == 0 for code, _ in results)
        assert snapshot(out) in (builds["A"], builds["B"])
        assert leftovers(out) == []


def test_fault_an_empty_graph_file_does_not_validate(tmp_path):
    (tmp_path / "graph.ttl").write_bytes(b"")
    result = CliRunner().invoke(cli, ["validate", "--graph", str(tmp_path / "graph.ttl")])
    assert_one_line_error(result, "empty file, not a graph")
    assert "conforms" not in result.output


def test_fault_terminal_escapes_in_a_label_do_not_reach_the_terminal(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_text('<urn:x:a> <http://www.w3.org/2000/01/rdf-schema#label> '
                     '"张三\\u001B]0;pwned\\u0007丰\\n李"@zh .\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["query", "--graph", str(graph),
                                      "SELECT ?l WHERE { ?s rdfs:label ?l }"])
    assert result.exit_code == 0, result.output
    assert "张三]0;pwned丰 李" in result.stdout
    assert not any(ord(ch) < 32 and ch != "\n" or 127 <= ord(ch) < 160 for ch in result.stdout)


# ---------------------------------------------------------------- OutputFolder, step by step

def folder_with_a_build(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    with io.OutputFolder(out) as folder:
        (folder.stage / "graph.ttl").write_text("old", encoding="utf-8")
        folder.commit()
    (out / ".cache").mkdir()
    (out / "notes.md").write_text("mine", encoding="utf-8")
    return out


def test_output_folder_interrupted_while_carrying_gives_everything_back(tmp_path, monkeypatch):
    out = folder_with_a_build(tmp_path)
    before = snapshot(out)

    def interrupted(stage, out):
        raise KeyboardInterrupt

    monkeypatch.setattr(io, "_swap", interrupted)  # after the cache and notes were carried
    with pytest.raises(KeyboardInterrupt), io.OutputFolder(out) as folder:
        (folder.stage / "graph.ttl").write_text("new", encoding="utf-8")
        folder.commit()
    assert snapshot(out) == before and (out / ".cache").is_dir() and leftovers(out) == []


def test_output_folder_swaps_with_two_renames_without_rename_exchange(tmp_path, monkeypatch):
    out = folder_with_a_build(tmp_path)

    def unsupported(a, b):
        raise OSError(errno.EINVAL, "RENAME_EXCHANGE is not supported here")

    monkeypatch.setattr(io, "_exchange", unsupported)
    with io.OutputFolder(out) as folder:
        (folder.stage / "graph.ttl").write_text("new", encoding="utf-8")
        folder.commit()
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "new"
    assert (out / "notes.md").exists() and (out / ".cache").is_dir() and leftovers(out) == []


def test_output_folder_restores_a_build_killed_between_two_renames(tmp_path):
    out = folder_with_a_build(tmp_path)
    before = snapshot(out)
    out.rename(tmp_path / ".out.old-k1ll")  # the first rename of a swap, and no second
    (tmp_path / ".out.build-n3w").mkdir()
    with io.OutputFolder(out):
        pass  # taking the folder repairs it; leaving without commit writes nothing
    assert snapshot(out) == before and leftovers(out) == []


def test_output_folder_builds_a_mount_point_in_place(tmp_path, monkeypatch):
    out = tmp_path / "out"
    with io.OutputFolder(out) as folder:
        for name in ("graph.ttl", "graph.nt"):
            (folder.stage / name).write_text("old", encoding="utf-8")
        (folder.stage / "views").mkdir()
        (folder.stage / "views" / "index.html").write_text("old", encoding="utf-8")
        folder.commit()
    (out / "notes.md").write_text("mine", encoding="utf-8")
    mount = os.path.ismount
    monkeypatch.setattr(os.path, "ismount", lambda p: Path(p) == out or mount(p))
    with io.OutputFolder(out) as folder:  # a mount point cannot be renamed: no swap
        assert folder.in_place and folder.stage.parent == out
        (folder.stage / "graph.ttl").write_text("new", encoding="utf-8")
        (folder.stage / "views").mkdir()
        (folder.stage / "views" / "index.html").write_text("new", encoding="utf-8")
        folder.commit()
    assert sorted(p.name for p in out.iterdir()) == [
        ".kg-build.json", "graph.ttl", "notes.md", "views"]  # graph.nt was the earlier build's
    assert (out / "views" / "index.html").read_text(encoding="utf-8") == "new"
    assert leftovers(out) == [] and not list(out.glob(".out.*"))


def test_output_folder_behind_a_symlink_stays_behind_it(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "out").symlink_to(tmp_path / "real")
    with io.OutputFolder(tmp_path / "out") as folder:
        (folder.stage / "graph.ttl").write_text("new", encoding="utf-8")
        folder.commit()
    assert (tmp_path / "out").is_symlink()
    assert (tmp_path / "real" / "graph.ttl").read_text(encoding="utf-8") == "new"
