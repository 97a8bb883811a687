"""The pipeline: map and reduce steps, stage timing, output hooks, progress."""
from __future__ import annotations

import io
import types

from click.testing import CliRunner

import kg.cli.build as cli_build
import kg.pipeline as pipeline
from kg.cli import cli
from kg.model import Page
from kg.pipeline import STAGES, BuildOptions, build, process_page, process_text, process_timed

PER_PAGE = ("normalise", "split", "recognise", "relate")


def _pages(folder, count: int, empty: int = 0):
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:03d}.txt").write_text(f"梅林街道第{n}网格党支部召开会议。\n", encoding="utf-8")
    for n in range(empty):
        (folder / f"e{n:02d}.txt").write_text("  \n", encoding="utf-8")
    return folder


def test_pipeline_process_text_is_process_page_on_the_seeds(seed_paths, seed_results):
    for path, result in zip(seed_paths, seed_results):
        assert process_text(path.name, path.read_text(encoding="utf-8")) == result


def test_pipeline_process_timed_reports_every_per_page_stage():
    result, seconds = process_timed(Page("a.txt", "青松社区党委书记张三丰主持会议。", "utf-8"))
    assert result == process_text("a.txt", "青松社区党委书记张三丰主持会议。")
    assert set(seconds) == set(PER_PAGE) and all(s >= 0 for s in seconds.values())


def test_pipeline_summary_times_every_stage(tmp_path, seed_paths):
    summary = build(seed_paths, BuildOptions(out=tmp_path, cache=False))
    assert list(summary.stage_seconds)[:len(STAGES)] == list(STAGES)
    assert summary.stage_seconds["read"] > 0 and summary.stage_seconds["serialise"] > 0
    assert sum(summary.stage_seconds.values()) <= summary.seconds * 1.05


def test_pipeline_build_is_deterministic(tmp_path, seed_paths):
    build(seed_paths, BuildOptions(out=tmp_path / "a", cache=False))
    build(list(reversed(seed_paths)), BuildOptions(out=tmp_path / "b", cache=False))
    assert (tmp_path / "a/graph.ttl").read_bytes() == (tmp_path / "b/graph.ttl").read_bytes()


def test_pipeline_progress_counts_every_page_cached_or_not(tmp_path):
    pages = _pages(tmp_path / "pages", 4, empty=1)
    for _ in range(2):  # cold, then all from the cache
        seen, announced = [], []
        summary = build([pages], BuildOptions(out=tmp_path / "out"), progress=seen.append,
                        on_pages=announced.append)
        assert announced == [5] and sum(seen) == 4 == summary.pages
        assert summary.skipped == [str(pages / "e00.txt")]
    assert summary.cached == 4


def test_pipeline_outputs_hook_gets_the_built_data_and_is_timed(tmp_path, monkeypatch, seed_paths):
    calls = []

    def write_names(built):
        calls.append([r.source for r in built.results])
        path = built.options.out / "names.txt"
        path.write_text("\n".join(calls[-1]), encoding="utf-8")
        assert built.graph_path.exists()  # graph.ttl is written first
        return [path]

    monkeypatch.setattr(pipeline, "OUTPUTS", (("names", write_names),))
    summary = build(list(reversed(seed_paths)),
                    BuildOptions(out=tmp_path, cache=False, views=False, validate=False))
    assert calls == [sorted(p.name for p in seed_paths)]
    assert summary.outputs == [tmp_path / "graph.ttl", tmp_path / "names.txt"]
    assert summary.stage_seconds["names"] >= 0


def test_pipeline_cli_progress_bar_only_on_a_terminal_with_many_pages(tmp_path, monkeypatch):
    pages = _pages(tmp_path / "pages", cli_build.PROGRESS_MIN_PAGES)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(cli_build, "sys", types.SimpleNamespace(stderr=terminal))
    result = CliRunner().invoke(cli, ["build", str(pages), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "pages" in terminal.getvalue() and "100%" in terminal.getvalue()
    few = CliRunner().invoke(cli, ["build", str(pages / "000.txt"), "--out", str(tmp_path / "o2")])
    assert few.exit_code == 0
    assert "100%" not in terminal.getvalue().split("100%", 1)[1]  # no second bar for one page


def test_pipeline_output_does_not_depend_on_the_hash_seed(tmp_path, seed_paths):
    """Workers on other machines (Dask) or spawned processes have their own hash seeds."""
    import os
    import subprocess
    import sys
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-m", "kg", "build", *map(str, seed_paths), "--out", str(out),
                        "--no-cache"], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append((out / "graph.ttl").read_bytes())
    assert outputs[0] == outputs[1]
