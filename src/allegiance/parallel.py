"""Extraction on several local processes, streaming, in input order, with bounded memory.

Each worker process loads the pipeline once (``_init``) and turns chunks of articles into
extractions; at most ``2 * workers`` chunks are in flight, so memory stays flat whatever the
corpus size.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from allegiance.models import Article, Extraction
from allegiance.settings import Settings

_worker_extractor = None  # one per worker process, set by _init


def _init(settings: Settings) -> None:
    global _worker_extractor
    from allegiance.pipeline import Extractor

    _worker_extractor = Extractor(settings)


def _extract_chunk(articles: list[Article]) -> list[Extraction]:
    assert _worker_extractor is not None, "worker not initialised"
    return list(_worker_extractor.extract_serial(articles))


def chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def extract_parallel(
    articles: Iterable[Article], *, settings: Settings, workers: int, chunk_size: int = 16
) -> Iterator[Extraction]:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init, initargs=(settings,)
    ) as pool:
        in_flight: deque[Future[list[Extraction]]] = deque()
        for chunk in chunked(articles, chunk_size):
            in_flight.append(pool.submit(_extract_chunk, chunk))
            if len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
