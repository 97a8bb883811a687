"""The Dask engine: a bag over the pages on a real cluster gives the bytes of the local engine."""
from __future__ import annotations

import logging
import sys

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.engines import DaskEngine, EngineError
from kg.pipeline import BuildOptions, build

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    """Two in-process workers: real scheduler, real tasks and serialisation, quick to start."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=":0", silence_logs=logging.ERROR) as cluster:
        yield cluster


def test_dask_bag_gives_the_bytes_of_the_local_engine(tmp_path, seed_paths, cluster):
    local = build(seed_paths, BuildOptions(out=tmp_path / "local", cache=False))
    seen = []
    engine = DaskEngine(scheduler=cluster.scheduler_address, partition_chars=20_000)
    on_dask = build(seed_paths, BuildOptions(out=tmp_path / "dask", cache=False),
                    progress=seen.append, engine=engine)
    assert sum(seen) == on_dask.pages == local.pages == len(seed_paths)
    assert len(seen) > 1  # several partitions, reported as each finished
    assert (tmp_path / "dask/graph.ttl").read_bytes() == (tmp_path / "local/graph.ttl").read_bytes()


def _double(x: int) -> int:
    return 2 * x


def test_dask_reports_the_steps_of_each_partition_as_it_finishes(cluster):
    engine = DaskEngine(scheduler=cluster.scheduler_address, workers=1, partition_chars=2)
    seen = []
    assert engine.map(_double, list(range(10)), seen.append, sizes=[1] * 10,
                      steps=[1, 2, 3, 1, 2, 3, 1, 2, 3, 1]) == [2 * x for x in range(10)]
    assert sorted(seen) == [3, 3, 4, 4, 5]  # partitions of two items: their steps


def test_dask_cli_scheduler_option_and_cache(tmp_path, seed_paths, cluster):
    runner = CliRunner()
    args = ["build", *map(str, seed_paths), "--engine", "dask", "--scheduler",
            cluster.scheduler_address]
    first = runner.invoke(cli, [*args, "--out", str(tmp_path / "dask")])
    assert first.exit_code == 0, first.output
    again = runner.invoke(cli, [*args, "--out", str(tmp_path / "dask")])
    assert f"({len(seed_paths)} from cache)" in again.output  # cache hits never reach the cluster
    local = runner.invoke(cli, ["build", *map(str, seed_paths), "--out", str(tmp_path / "local")])
    assert local.exit_code == 0
    assert (tmp_path / "dask/graph.ttl").read_bytes() == (tmp_path / "local/graph.ttl").read_bytes()


@pytest.mark.slow
def test_dask_default_local_cluster_of_processes(tmp_path, seed_paths):
    result = CliRunner().invoke(cli, ["build", *map(str, seed_paths[:2]), "--engine", "dask",
                                      "--jobs", "2", "--no-cache", "--out", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    build(seed_paths[:2], BuildOptions(out=tmp_path / "l", cache=False))
    assert (tmp_path / "d/graph.ttl").read_bytes() == (tmp_path / "l/graph.ttl").read_bytes()


def test_dask_unreachable_scheduler_is_a_clear_error(tmp_path, seed_paths):
    engine = DaskEngine(scheduler="tcp://127.0.0.1:9", connect_timeout="1s")
    with pytest.raises(EngineError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        build(seed_paths[:1], BuildOptions(out=tmp_path, cache=False), engine=engine)
    assert not (tmp_path / "graph.ttl").exists()


def test_dask_missing_is_a_clear_error(tmp_path, seed_paths, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # what an install without the extra sees
    result = CliRunner().invoke(cli, ["build", str(seed_paths[0]), "--engine", "dask",
                                      "--no-cache", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "pip install 'dangjian-kg[dask]'" in result.output
    assert "Traceback" not in result.output


def test_dask_workers_with_other_code_are_refused(tmp_path, seed_paths, cluster, monkeypatch):
    import kg.engines
    monkeypatch.setattr(kg.engines, "pipeline_version", lambda: "not-the-workers-version")
    engine = DaskEngine(scheduler=cluster.scheduler_address)
    with pytest.raises(EngineError, match="runs a different kg pipeline"):
        build(seed_paths[:1], BuildOptions(out=tmp_path, cache=False), engine=engine)
