"""Extraction on several local processes, streaming, in input order, with bounded memory.

Each worker process loads the pipeline once (``_init``) and turns chunks of articles into
extractions; at most ``2 * workers`` chunks are in flight, so memory stays flat whatever the
corpus size.
"""

from __future__ import annotations

import dataclasses
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
    if _worker_extractor is not None:  # inherited through fork
        return
    from allegiance.pipeline import Extractor

    _worker_extractor = Extractor(settings)


def _extract_chunk(articles: list[Article]) -> list[Extraction]:
    assert _worker_extractor is not None, "worker not initialised"
    return list(_worker_extractor.extract_serial(articles))


def chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _context() -> tuple[multiprocessing.context.BaseContext, bool]:
    """fork where the platform has it: workers inherit the loaded pipeline (copy-on-write)
    instead of each loading it again; spawn elsewhere."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork"), True
    return multiprocessing.get_context("spawn"), False


def extract_parallel(
    articles: Iterable[Article], *, settings: Settings, workers: int, chunk_size: int = 16
) -> Iterator[Extraction]:
    global _worker_extractor
    context, inherit = _context()
    if inherit and _worker_extractor is None:
        from allegiance.pipeline import Extractor

        serial = Extractor(dataclasses.replace(settings, workers=1))
        assert serial.nlp is not None  # load before forking; children share it
        _worker_extractor = serial
    initargs = (dataclasses.replace(settings, workers=1),)
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init, initargs=initargs
    ) as pool:
        in_flight: deque[Future[list[Extraction]]] = deque()
        for chunk in chunked(articles, chunk_size):
            in_flight.append(pool.submit(_extract_chunk, chunk))
            if len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
