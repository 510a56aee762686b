"""Opening the DuckDB file under its single-writer rule, across processes.

DuckDB locks the database file: one process may open it for writing, or any number for
reading, never both at once. A server that keeps the file open therefore shuts out an ingest
in another process. The store instead opens the file for short spells (a request, a batch)
and, when the lock is held by another process, waits with a bounded back-off.

A writer that is waiting leaves a marker file (``<db>.writer-waiting``) beside the store;
readers that see a fresh marker hold back new connections (briefly) so the readers already
in flight drain and the writer gets its turn instead of starving under steady reads.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from allegiance.errors import ConfigError, StoreError, first_line

log = logging.getLogger(__name__)

DEFAULT_LOCK_WAIT = 60.0  # writers and CLI commands; ALLEGIANCE_LOCK_WAIT overrides
READ_WAIT = 5.0  # a web request: longer than this and the API answers 503
MARKER_MAX_AGE = 30.0  # an older marker is left over by a killed writer: ignored
READER_YIELD = 2.0  # how long a reader holds back for a waiting writer
_FIRST_PAUSE, _MAX_PAUSE = 0.005, 0.2


def lock_wait() -> float:
    """Seconds a writer or CLI command waits for the file: ``ALLEGIANCE_LOCK_WAIT`` (read when
    called, not at import), else 60."""
    raw = os.environ.get("ALLEGIANCE_LOCK_WAIT", "").strip()
    if not raw:
        return DEFAULT_LOCK_WAIT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value < float("inf"):
        raise ConfigError(f"ALLEGIANCE_LOCK_WAIT must be a number of seconds >= 0, not {raw!r}")
    return value


def is_lock_conflict(exc: BaseException) -> bool:
    """True for DuckDB's 'file is locked by another process' error (not for a bad file)."""
    text = str(exc).lower()
    return isinstance(exc, duckdb.IOException) and "lock" in text


def marker_path(path: Path) -> Path:
    return path.with_name(path.name + ".writer-waiting")


def _writer_waiting(path: Path) -> bool:
    try:
        age = time.time() - marker_path(path).stat().st_mtime
    except OSError:
        return False
    return age < MARKER_MAX_AGE


def _yield_to_writer(path: Path) -> None:
    deadline = time.monotonic() + READER_YIELD
    while _writer_waiting(path) and time.monotonic() < deadline:
        time.sleep(0.01)


@contextmanager
def _announce(path: Path, *, writer: bool) -> Iterator[None]:
    marker = marker_path(path)
    if writer and path.exists():
        try:
            marker.touch()
        except OSError:  # a read-only directory or a full disk: no priority, still correct
            writer = False
    try:
        yield
    finally:
        if writer:
            marker.unlink(missing_ok=True)


def connect_waiting(
    path: Path, *, read_only: bool, wait: float | None = None
) -> duckdb.DuckDBPyConnection:
    """``duckdb.connect`` that retries (back-off) while another process holds the lock,
    for up to ``wait`` seconds (default :func:`lock_wait`); raises ``StoreError`` after that."""
    if read_only and not path.exists():
        raise StoreError(f"{path}: no such store (run `allegiance ingest` first)")
    limit = lock_wait() if wait is None else wait
    if read_only:
        _yield_to_writer(path)
    with _announce(path, writer=not read_only and limit > 0):
        return _retry(path, read_only=read_only, limit=limit)


def _retry(path: Path, *, read_only: bool, limit: float) -> duckdb.DuckDBPyConnection:
    deadline, pause = time.monotonic() + limit, _FIRST_PAUSE
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            if not is_lock_conflict(exc):
                raise _open_error(path, exc) from exc
            if time.monotonic() + pause > deadline:
                raise StoreError(
                    f"{path}: locked by another process (an ingest or a writer) for more than "
                    f"{limit:g} s; try again when it has finished"
                ) from exc
        time.sleep(pause)
        pause = min(pause * 2, _MAX_PAUSE)


def _open_error(path: Path, exc: duckdb.Error) -> StoreError:
    first = first_line(exc)
    if isinstance(exc, duckdb.IOException):
        return StoreError(f"{path}: cannot open store ({first})")
    return StoreError(f"{path}: not a usable DuckDB store ({first})")
