"""Per-request access to the store: the store's reads on one DuckDB cursor per request
(connections are not shared between threads); for a released store, on one short-lived
read-only connection per request."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from threading import Lock
from typing import Any

from fastapi import Request

from allegiance.settings import DEFAULT_MIN_CONFIDENCE
from allegiance.store import Reader, Store
from allegiance.store.locking import READ_WAIT


@dataclass
class AppState:
    """What the app holds for its lifetime."""

    store: Store
    ingest_token: str | None = None
    min_confidence: float = DEFAULT_MIN_CONFIDENCE  # the events shown unless asked otherwise
    max_body_bytes: int = 20 * 1024 * 1024
    make_extractor: Callable[[], Any] = lambda: None  # called on the first ingestion
    write_lock: Lock = field(default_factory=Lock)  # one writer at a time
    read_lock: Lock = field(default_factory=Lock)  # guards the store's own connection
    extractor: Any = None
    analyses: AnalysisCache = field(default_factory=lambda: AnalysisCache())
    _duplicates: tuple[str, ...] = ()
    _duplicates_version: tuple[int, int, int] | None = None
    _writes: int = 0

    def duplicates(self) -> tuple[str, ...]:
        """Duplicate articles whose events the event queries leave out, cached until the data
        changes (see :meth:`data_version`)."""
        version = self.data_version()
        if version != self._duplicates_version:
            with self.store.reader(wait=READ_WAIT) as reader:
                self._duplicates = reader.duplicate_articles_with_events()
            self._duplicates_version = version
        return self._duplicates

    def wrote(self) -> None:
        """Called after this app wrote to the store: cached answers are stale."""
        self._writes += 1

    def data_version(self) -> tuple[int, int, int]:
        """Changes whenever the stored data may have: this app's writes, else (a released
        store, written by other processes) the file's modification time and size."""
        return (self._writes, *self._file_version())

    def _file_version(self) -> tuple[int, int]:
        try:
            info = self.store.path.stat()
        except OSError:
            return (0, 0)
        return (info.st_mtime_ns, info.st_size)


class AnalysisCache:
    """The last answers of the analysis endpoints, by (analysis, arguments, data version).

    An analysis reads the whole store (relations over a million events takes seconds), and a
    browser asks the same questions again and again; answers are reused until the data
    changes. Least recently used entries go first. Cached frames are shared: read only."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> Any | None:
        if key not in self._entries:
            self.misses += 1
            return None
        self.hits += 1
        self._entries.move_to_end(key)
        return self._entries[key]

    def put(self, key: Hashable, value: Any) -> None:
        self._entries[key] = value
        self._entries.move_to_end(key)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)


def state(request: Request) -> AppState:
    return request.app.state.allegiance


def reader(request: Request) -> Iterator[Reader]:
    """FastAPI dependency: the store's reads on a cursor for the request, closed after it. A
    released store (``serve`` without a token) opens the file read-only for the request only,
    so an ingest in another process can commit between requests; a file locked longer than
    ``READ_WAIT`` s gives 503."""
    with state(request).store.reader(wait=READ_WAIT) as reads:
        yield reads
