"""Where the heavy, pure per-batch stages run: here, a local process pool, or Dask.

A runner maps a picklable function over batches and yields the results *in
input order*, with a bounded number of batches in flight (memory stays
proportional to the batch size, never to the corpus). The caller — the one
process that writes to the store — consumes results as they stream back and
writes each batch in one transaction with keyed, idempotent writes; so when a
worker dies mid-batch the runner resubmits that batch, and even if a batch were
computed twice its rows would be stored once.

- ``local``: in this process (the reference behaviour; no pickling).
- ``processes``: :class:`concurrent.futures.ProcessPoolExecutor` on all local
  cores; a dead worker breaks the pool, so the pool is rebuilt and every batch
  not yet returned is resubmitted.
- ``dask``: ``distributed`` — a ``LocalCluster`` of single-threaded worker
  processes (the GIL makes threads useless for spaCy), or an existing cluster
  given by its scheduler address. The scheduler itself reschedules the tasks of
  a worker that dies, and ``retries`` covers errors raised by a task.

Each worker process keeps module-level caches (spaCy pipelines via
``veille.analyze.nlp.get_nlp``, the language detector), so models load once per
worker, not once per batch.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from threadpoolctl import threadpool_limits

from veille.engine.batchgc import tune_for_batch_work

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "processes", "dask")
#: How many times one batch may be resubmitted after its worker died.
MAX_RETRIES = 3
#: Batches in flight per worker. The writer takes several batches per
#: transaction (``veille.ingest.service.COMMIT_SIZE``), and while it commits
#: the workers must have room to go on: with 2 per worker they stalled behind
#: each commit (ingest of 100k articles: ~4 % slower than with 4). Memory stays
#: proportional to the batch size: 4 x workers x batch records.
INFLIGHT_PER_WORKER = 4


class Runner:
    """Ordered, bounded ``map`` of a function over batches."""

    name = "local"

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self.retried = 0  # batches resubmitted after a worker died

    def map(self, fn: Callable[[T], R], batches: Iterable[T]) -> Iterator[R]:
        for batch in batches:
            yield fn(batch)

    def run_on_workers(self, fn: Callable[[], Any]) -> None:
        """Run ``fn`` once in each worker (warm-up: load models before timing)."""
        fn()

    def close(self) -> None:
        pass

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def describe(self) -> str:
        return f"{self.name} ({self.workers} worker{'s' if self.workers > 1 else ''})"


LocalRunner = Runner


#: Native thread pools a worker must not multiply: each worker is one
#: single-threaded process, as Dask's nanny makes its workers by default.
THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
              "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def _init_worker() -> None:
    """Pool initializer: batch-job GC settings, and BLAS/OpenMP pools capped
    at one thread in this worker.

    With N workers on N cores, a BLAS pool of N threads in each worker would
    put N*N threads on N cores. The environment variables act on libraries
    loaded after this (the usual case: a fresh worker has not imported numpy
    yet); threadpoolctl caps any already loaded. A variable
    the user set is left alone.
    """
    tune_for_batch_work()  # a pool worker lives for one job (see batchgc)
    for var in THREAD_ENV:
        os.environ.setdefault(var, "1")
    if "numpy" in sys.modules:
        threadpool_limits(1)


def _call_and_sleep(fn: Callable[[], Any], delay: float) -> int:
    fn()
    time.sleep(delay)  # keep this worker busy so the pool hands the next call to another
    return os.getpid()


class ProcessRunner(Runner):
    name = "processes"

    def __init__(self, workers: int | None = None, *, inflight: int | None = None) -> None:
        super().__init__(workers or os.cpu_count() or 1)
        self.inflight = inflight or INFLIGHT_PER_WORKER * self.workers
        # forkserver: workers start from a clean interpreter, not a fork of a
        # process with threads (progress bar refresher, DB connections).
        self._ctx = multiprocessing.get_context("forkserver")
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=self._ctx,
                                   initializer=_init_worker)

    def map(self, fn: Callable[[T], R], batches: Iterable[T]) -> Iterator[R]:
        it = iter(batches)
        window: deque[tuple[T, Future[R], int]] = deque()

        def submit(batch: T, tries: int) -> None:
            window.append((batch, self._pool.submit(fn, batch), tries))

        exhausted = False
        while True:
            while not exhausted and len(window) < self.inflight:
                try:
                    submit(next(it), 0)
                except StopIteration:
                    exhausted = True
            if not window:
                return
            batch, fut, tries = window[0]
            try:
                result = fut.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory, segfault): every batch
                # not yet returned is lost with the pool; rebuild and resubmit.
                if tries >= MAX_RETRIES:
                    raise
                log.warning("a worker died; resubmitting %d batch(es)", len(window))
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()
                lost = [(b, t) for b, _, t in window]
                window.clear()
                for b, t in lost:
                    self.retried += 1
                    submit(b, t + 1)
                continue
            window.popleft()
            yield result

    def run_on_workers(self, fn: Callable[[], Any]) -> None:
        # Each call sleeps after its work so that the pool spreads the calls over
        # all workers (it has no "run on every worker" primitive).
        futs = [self._pool.submit(_call_and_sleep, fn, 0.5) for _ in range(self.workers)]
        for f in futs:
            f.result()

    def close(self) -> None:  # idempotent: the pipeline may close it before its owner does
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskRunner(Runner):
    name = "dask"

    def __init__(self, workers: int | None = None, *, scheduler: str | None = None,
                 inflight: int | None = None) -> None:
        # Heavy (dask.distributed): imported only when a dask engine is asked for (start-up time).
        from distributed import Client, LocalCluster

        self._cluster: Any = None
        self._closed = False
        if scheduler:
            self.client = Client(scheduler)
            n = len(self.client.scheduler_info().get("workers", {}))
            super().__init__(workers or n or 1)
        else:
            n = workers or os.cpu_count() or 1
            self._cluster = LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = Client(self._cluster)
            super().__init__(n)
        self.scheduler = scheduler
        self.inflight = inflight or INFLIGHT_PER_WORKER * self.workers

    def map(self, fn: Callable[[T], R], batches: Iterable[T]) -> Iterator[R]:
        it = iter(batches)
        window: deque[Any] = deque()
        exhausted = False
        while True:
            while not exhausted and len(window) < self.inflight:
                try:
                    batch = next(it)
                except StopIteration:
                    exhausted = True
                    break
                # pure=False: two equal batches are two tasks (no result sharing
                # across runs); retries: an exception raised by the task is
                # retried elsewhere. A worker that dies is handled by the
                # scheduler, which reruns its tasks (up to allowed-failures).
                window.append(self.client.submit(fn, batch, pure=False, retries=MAX_RETRIES))
            if not window:
                return
            fut = window.popleft()
            result = fut.result()
            fut.release()
            yield result

    def run_on_workers(self, fn: Callable[[], Any]) -> None:
        self.client.run(fn)

    def close(self) -> None:  # idempotent: the pipeline may close it before its owner does
        if self._closed:
            return
        self._closed = True
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def describe(self) -> str:
        where = self.scheduler or "LocalCluster"
        return f"dask {where} ({self.workers} workers)"


def make_runner(engine: str = "local", *, scheduler: str | None = None,
                workers: int | None = None) -> Runner:
    """The runner named by ``--engine`` (``--scheduler`` implies dask)."""
    if scheduler and engine != "dask":
        raise ValueError("--scheduler needs --engine dask")
    if engine == "local":
        return Runner(1)
    if engine == "processes":
        return ProcessRunner(workers)
    if engine == "dask":
        return DaskRunner(workers, scheduler=scheduler)
    raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
