"""Local engines: in-process and a process pool give the same results in the same order."""
from __future__ import annotations

import os
import time

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.engines import (CHUNK_CHARS, EngineError, ProcessEngine, SerialEngine, _partitions, chunk_size,
                        make_engine, usable_cpus)
from kg.pipeline import BuildOptions, build


def _pid_and_clock(x: int) -> tuple[int, int]:
    return os.getpid(), time.monotonic_ns()


def _square(x: int) -> int:
    return x * x


def test_engines_serial_keeps_order_and_reports_progress():
    seen = []
    assert SerialEngine().map(_square, [3, 1, 2], seen.append) == [9, 1, 4]
    assert seen == [1, 1, 1]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a pool needs two CPUs")
def test_engines_process_pool_keeps_order_and_reports_progress():
    seen = []
    items = list(range(50))
    assert ProcessEngine(2, min_chars=0).map(_square, items, seen.append) == [x * x for x in items]
    assert sum(seen) == 50


def test_engines_report_each_items_steps_as_progress():
    seen = []
    assert SerialEngine().map(_square, [3, 1, 2], seen.append, steps=[5, 1, 2]) == [9, 1, 4]
    assert seen == [5, 1, 2]
    seen.clear()
    steps = [x % 3 + 1 for x in range(40)]
    assert ProcessEngine(2, min_chars=0).map(_square, list(range(40)), seen.append,
                                             sizes=[1] * 40, steps=steps) == [x * x for x in range(40)]
    assert sum(seen) == sum(steps) and len(seen) == 40


def test_engines_process_pool_runs_small_work_in_process():
    engine = ProcessEngine(2, min_chars=1000)
    # a lambda cannot be pickled: this only works because nothing is sent to a worker
    assert engine.map(lambda x: x + 1, [1, 2], sizes=[10, 10]) == [2, 3]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a pool needs two CPUs")
def test_engines_process_pool_keeps_input_order_while_it_runs_the_largest_items_first():
    items = list(range(300))
    sizes = [CHUNK_CHARS // 4 + (x * 7919) % 1000 for x in items]  # in no order
    seen = []
    assert ProcessEngine(2, min_chars=0).map(_square, items, seen.append, sizes=sizes) \
        == [x * x for x in items]
    assert sum(seen) == 300
    ran = ProcessEngine(2, min_chars=0).map(_pid_and_clock, items, sizes=sizes)
    here = os.getpid()
    assert [i for i, (pid, _) in enumerate(ran) if pid == here] == [sizes.index(min(sizes))]
    # the pool is handed the largest first: of each worker's items, the earlier-run are larger
    for pid in {pid for pid, _ in ran} - {here}:
        mine = sorted((clock, sizes[i]) for i, (p, clock) in enumerate(ran) if p == pid)
        assert [size for _, size in mine] == sorted((size for _, size in mine), reverse=True)


def test_engines_chunks_hold_about_a_third_of_a_second_of_text_and_eight_per_worker_at_least():
    # 3,000 pages of 5,000 characters (a 50 MB corpus): ten pages a chunk, not 187 (one
    # sixteenth of the run, which left a CPU idle for seconds at the end)
    assert chunk_size(3_000, 3_000 * 5_000, workers=2) == CHUNK_CHARS // 5_000
    # 60 small pages: eight chunks per worker decide
    assert chunk_size(60, 60 * 500, workers=2) == 60 // 16
    assert chunk_size(60, None, workers=2) == 60 // 16  # sizes not known
    assert chunk_size(3, 10**9, workers=2) == 1  # a huge page still goes alone
    assert chunk_size(0, 0, workers=2) == 1


def test_engines_partitions_cover_every_item_in_order():
    items = list("abcdefghij")
    parts = list(_partitions(items, [1] * 10, target=3, parts=2))
    assert [x for part in parts for x in part] == items
    assert [len(p) for p in parts] == [3, 3, 3, 1]
    assert len(list(_partitions(items, [1] * 10, target=100, parts=4))) == 5  # at least `parts`


def test_engines_make_engine_refuses_bad_combinations():
    assert make_engine("local", 1).name == "serial"
    assert make_engine("local", 2).name == "local"
    assert make_engine("dask", 2).name == "dask"
    with pytest.raises(EngineError, match="a scheduler address needs the dask engine"):
        make_engine("local", 1, "tcp://127.0.0.1:8786")
    with pytest.raises(EngineError, match="unknown engine"):
        make_engine("spark")


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a pool needs two CPUs")
def test_engines_jobs_2_gives_the_bytes_of_jobs_1_on_the_seeds(tmp_path, seed_paths):
    one = build(seed_paths, BuildOptions(out=tmp_path / "one", cache=False))
    two = build(seed_paths, BuildOptions(out=tmp_path / "two", jobs=2, cache=False),
                engine=ProcessEngine(2, min_chars=0))  # force the pool on five small pages
    assert (one.pages, one.triples) == (two.pages, two.triples)
    assert (tmp_path / "one/graph.ttl").read_bytes() == (tmp_path / "two/graph.ttl").read_bytes()


def test_engines_cli_jobs_option_builds_the_same_graph(tmp_path, seed_paths):
    runner = CliRunner()
    for jobs in ("1", "2", "auto"):
        result = runner.invoke(cli, ["build", *map(str, seed_paths), "--out", str(tmp_path / jobs),
                                     "--jobs", jobs, "--no-cache"])
        assert result.exit_code == 0, result.output
    graphs = {(tmp_path / jobs / "graph.ttl").read_bytes() for jobs in ("1", "2", "auto")}
    assert len(graphs) == 1


def test_engines_cli_jobs_defaults_to_one_process_per_usable_cpu(monkeypatch, tmp_path, seed_paths):
    seen = []
    monkeypatch.setattr("kg.pipeline.build", lambda inputs, options, **kw: seen.append(options.jobs))
    CliRunner().invoke(cli, ["build", str(seed_paths[0]), "--out", str(tmp_path)])
    assert seen == [usable_cpus()]


@pytest.mark.parametrize("jobs", ["0", "-2", "two"])
def test_engines_cli_jobs_that_are_not_a_count_or_auto_are_a_one_line_error(tmp_path, seed_paths, jobs):
    result = CliRunner().invoke(cli, ["build", str(seed_paths[0]), "--out", str(tmp_path),
                                      "--jobs", jobs])
    assert result.exit_code == 2
    assert "use e.g. 2, or auto" in result.output.splitlines()[-1]
    assert "Traceback" not in result.output


def test_engines_cli_scheduler_without_dask_engine_is_a_one_line_error(tmp_path, seed_paths):
    result = CliRunner().invoke(cli, ["build", str(seed_paths[0]), "--out", str(tmp_path),
                                      "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert result.output.strip() == "Error: --scheduler needs --engine dask"
