"""Engines run the per-page (map) step: in this process, in a pool of processes, or on Dask.

An engine maps a picklable function over a list of items and returns the results *in input
order*, calling ``progress(n)`` as items finish. Order is what makes every engine give the same
bytes: the cross-page step (resolve, RDF, outputs) always runs afterwards, in the calling process,
where the outputs are written.

Dask is optional (``pip install 'dangjian-kg[dask]'``): it is imported only when asked for.
"""
from __future__ import annotations

import logging
import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Callable, Iterator, Protocol, Sequence, TypeVar

from kg.cache import pipeline_version
from kg.errors import KgError

T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[int], None] | None
ENGINES = ("local", "dask")


def usable_cpus() -> int:
    """CPUs this process may run on (a container or ``taskset`` may allow fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class EngineError(KgError):
    """The engine cannot run: Dask missing, scheduler unreachable, workers that differ."""


class Engine(Protocol):
    name: str
    shares_files: bool  # its workers see this machine's files (they may write the build's stage)

    def map(self, fn: Callable[[T], R], items: Sequence[T], progress: Progress = None,
            sizes: Sequence[int] | None = None, steps: Sequence[int] | None = None) -> list[R]:
        """``[fn(item) for item in items]``; ``sizes`` (e.g. characters) help balance the work;
        ``progress`` is told ``steps[i]`` (default 1) as item i finishes (e.g. its pages)."""


class SerialEngine:
    """Everything in this process: no start-up, no pickling; the right choice for small work."""

    name = "serial"
    shares_files = True

    def map(self, fn: Callable[[T], R], items: Sequence[T], progress: Progress = None,
            sizes: Sequence[int] | None = None, steps: Sequence[int] | None = None) -> list[R]:
        results = []
        for i, item in enumerate(items):
            results.append(fn(item))
            if progress:
                progress(steps[i] if steps else 1)
        return results


class ProcessEngine:
    """A pool of ``jobs`` local processes, items sent in chunks to amortise pickling.

    Work smaller than ``min_chars`` runs in this process: starting workers and loading their
    dictionaries would cost more than it saves. Never more workers than CPUs, for the same reason.
    """

    name = "local"
    shares_files = True

    def __init__(self, jobs: int, min_chars: int = 300_000):
        self.jobs, self.min_chars = max(1, jobs), min_chars

    def map(self, fn: Callable[[T], R], items: Sequence[T], progress: Progress = None,
            sizes: Sequence[int] | None = None, steps: Sequence[int] | None = None) -> list[R]:
        workers = min(self.jobs, len(items), usable_cpus())
        if workers <= 1 or (sizes is not None and sum(sizes) < self.min_chars):
            return SerialEngine().map(fn, items, progress, steps=steps)
        # Largest first, so the run ends on small items, whichever worker takes them (a large
        # page last would leave the other CPUs idle while one reads it); the smallest runs here,
        # before the pool starts: it loads the dictionaries and lexicons (seconds) that forked
        # workers then inherit instead of each loading them again.
        order = sorted(range(len(items)), key=lambda i: -sizes[i]) if sizes is not None \
            else list(range(len(items)))
        first, rest = order[-1], order[:-1]
        results: list = [None] * len(items)
        results[first], = SerialEngine().map(fn, [items[first]], progress,
                                             steps=[steps[first]] if steps else None)
        chunksize = chunk_size(len(rest), sum(sizes[i] for i in rest) if sizes is not None else None,
                               workers)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for i, result in zip(rest, pool.map(fn, [items[i] for i in rest], chunksize=chunksize)):
                results[i] = result
                if progress:
                    progress(steps[i] if steps else 1)
        return results


# Characters of pages sent to a worker at once: about a third of a second of work. Whichever
# worker takes the last chunk works on alone, so a chunk must be short beside the whole run (a
# sixteenth of the pages, as chunks were, left a CPU idle for seconds: the 10 MB bench corpus
# built a tenth quicker in chunks of this size); shorter still, pickling per chunk would show.
CHUNK_CHARS = 50_000


def chunk_size(count: int, chars: int | None, workers: int) -> int:
    """Items per chunk for ``count`` items of ``chars`` characters in all (None: not known) on
    ``workers`` processes: about CHUNK_CHARS of text, and at least eight chunks per worker."""
    by_count = count // (workers * 8)
    if chars:
        by_count = min(by_count, count * CHUNK_CHARS // chars)
    return max(1, by_count)


class DaskEngine:
    """A Dask bag over the items, on a new LocalCluster or on the scheduler at ``scheduler``.

    Items are sent from this process (``client.scatter``), one partition per future, so workers
    need the ``kg`` package (the very same version: checked) but not the input files; results come
    back to be reduced here.
    """

    name = "dask"
    shares_files = False  # a scheduler's workers may run on other machines

    def __init__(self, scheduler: str | None = None, workers: int = 2,
                 partition_chars: int = 4_000_000, connect_timeout: str = "10s"):
        self.scheduler, self.workers = scheduler, max(1, workers)
        self.partition_chars, self.connect_timeout = partition_chars, connect_timeout

    def map(self, fn: Callable[[T], R], items: Sequence[T], progress: Progress = None,
            sizes: Sequence[int] | None = None, steps: Sequence[int] | None = None) -> list[R]:
        dask, bag, distributed = _import_dask()
        partitions = list(_partitions(items, sizes or [1] * len(items),
                                      self.partition_chars, parts=self.workers * 4))
        # each partition's progress steps: its items' in turn
        counts, left = [], iter(steps or [1] * len(items))
        for part in partitions:
            counts.append(sum(next(left) for _ in part))
        with self._client(distributed) as client:
            _check_workers(client)
            scattered = client.scatter(partitions)
            mapped = bag.from_delayed([dask.delayed(f) for f in scattered]).map(fn)
            futures = client.compute(mapped.to_delayed())
            position = {future.key: i for i, future in enumerate(futures)}
            done: list[list] = [[] for _ in futures]
            for future in distributed.as_completed(futures):
                done[position[future.key]] = future.result()
                if progress:
                    progress(counts[position[future.key]])
        return [result for part in done for result in part]

    @contextmanager
    def _client(self, distributed) -> Iterator:
        if self.scheduler:
            try:
                client = distributed.Client(self.scheduler, timeout=self.connect_timeout)
            except (OSError, TimeoutError, ValueError) as error:
                raise EngineError(f"cannot reach the Dask scheduler at {self.scheduler}: "
                                  f"{error}") from None
            with client:
                yield client
            return
        with distributed.LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                      dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
                distributed.Client(cluster) as client:
            yield client


def _check_workers(client) -> None:
    """Every worker must run this exact pipeline, or pages would be processed by other code."""
    mine = pipeline_version()
    theirs = client.run(_worker_version)
    if not theirs:
        raise EngineError("the Dask cluster has no workers")
    other = sorted(worker for worker, version in theirs.items() if version != mine)
    if other:
        raise EngineError(f"Dask worker {other[0]} runs a different kg pipeline ({theirs[other[0]]}, "
                          f"here {mine}): install the same dangjian-kg on every worker")


def _worker_version() -> str:
    from kg.cache import pipeline_version as version  # the worker's own, looked up there
    return version()


def _partitions(items: Sequence, sizes: Sequence[int], target: int, parts: int) -> Iterator[list]:
    """Consecutive runs of items of about ``target`` total size, at least ``parts`` of them."""
    target = max(1, min(target, sum(sizes) // max(1, parts)))
    run, total = [], 0
    for item, size in zip(items, sizes):
        run.append(item)
        total += size
        if total >= target:
            yield run
            run, total = [], 0
    if run:
        yield run


def _import_dask():
    try:
        import dask
        import dask.bag as bag
        import distributed
    except ImportError:
        raise EngineError("the dask engine needs Dask: pip install 'dangjian-kg[dask]' "
                          "(dask[bag] and distributed)") from None
    return dask, bag, distributed


def make_engine(name: str, jobs: int = 1, scheduler: str | None = None) -> Engine:
    """The engine called ``name`` ("local" or "dask"); ``jobs`` processes or local Dask workers."""
    if name == "dask":
        return DaskEngine(scheduler=scheduler, workers=jobs)
    if scheduler:
        raise EngineError("a scheduler address needs the dask engine")
    if name == "local":
        return ProcessEngine(jobs) if jobs > 1 else SerialEngine()
    raise EngineError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")
