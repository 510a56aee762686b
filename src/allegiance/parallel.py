"""Extraction on several local processes, streaming, in input order, with bounded memory.

The caller hands over a worker factory: a picklable callable that returns a *chunk worker*
(articles in, their extractions out, in order). Where the platform forks, the factory is
called once here and the workers inherit what it built (the loaded pipeline, copy-on-write);
elsewhere each worker process calls it (the factory is pickled, the pipeline is not). At most
``2 * workers`` chunks are in flight, so memory stays flat whatever the corpus size.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from allegiance.models import Article, Extraction

ChunkWorker = Callable[[list[Article]], list[Extraction]]
WorkerFactory = Callable[[], ChunkWorker]

# The chunk worker of *this* worker process, installed by the pool's initializer. The parent
# never sets it: it only exists so that the function handed to the pool (which must be a
# module-level function, pickled by name) can reach its process's worker.
_process_worker: ChunkWorker | None = None


def _install(worker: ChunkWorker) -> None:
    global _process_worker
    _process_worker = worker


def _build(make_worker: WorkerFactory) -> None:
    _install(make_worker())


def _run_chunk(articles: list[Article]) -> list[Extraction]:
    if _process_worker is None:
        raise RuntimeError("extraction worker process was not initialised")
    return _process_worker(articles)


def chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _context() -> tuple[multiprocessing.context.BaseContext, bool]:
    """fork where the platform has it (workers inherit what the factory built), spawn
    elsewhere; True when forking."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork"), True
    return multiprocessing.get_context("spawn"), False


def _pool(make_worker: WorkerFactory, workers: int) -> ProcessPoolExecutor:
    context, forking = _context()
    if forking:  # built once, here; the forked workers get it without pickling
        worker = make_worker()
        return ProcessPoolExecutor(
            workers, mp_context=context, initializer=_install, initargs=(worker,)
        )
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_build, initargs=(make_worker,)
    )


def extract_parallel(
    articles: Iterable[Article],
    *,
    make_worker: WorkerFactory,
    workers: int,
    chunk_size: int = 16,
) -> Iterator[Extraction]:
    """Extractions of ``articles`` in input order, made by ``workers`` processes."""
    with _pool(make_worker, workers) as pool:
        in_flight: deque[Future[list[Extraction]]] = deque()
        for chunk in chunked(articles, chunk_size):
            in_flight.append(pool.submit(_run_chunk, chunk))
            if len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
