"""The DuckDB store: one file, schema by migrations, idempotent per-batch transactions."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from allegiance.errors import StoreError, first_line
from allegiance.models import Actor, Extraction
from allegiance.store.filters import EventFilter
from allegiance.store.locking import connect_waiting
from allegiance.store.migrations import MIGRATIONS
from allegiance.store.reads import Reader, Reads
from allegiance.store.rows import article_row, event_row, mention_rows, sentence_rows
from allegiance.store.schemas import SCHEMAS

__all__ = ["EventFilter", "Reader", "Store", "StoredArticle"]

log = logging.getLogger(__name__)

_CHILD_TABLES = ("sentences", "mentions", "events")


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What one article contributes to a write: its extraction and dedup fingerprint."""

    extraction: Extraction
    minhash: bytes | None = None


class Store(Reads):
    """A DuckDB file holding articles, sentences, mentions, actors and events; its reads
    (:class:`~allegiance.store.reads.Reads`) run on its own connection."""

    def __init__(self, path: str | Path, *, read_only: bool = False, hold: bool = True) -> None:
        """``hold=False`` (read-only only): the file is opened per ``reader()``, not kept open,
        so another process can write between reads (DuckDB's single-writer file lock)."""
        self.path = Path(path)
        self.read_only = read_only
        self._con: duckdb.DuckDBPyConnection | None = _connect(self.path, read_only=read_only)
        if not read_only:
            self.migrate()
        elif self.schema_version() < MIGRATIONS[-1].version:
            raise StoreError(f"{self.path}: store needs migrating; open it once for writing")
        if not hold:
            self.release()

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def held(self) -> bool:
        """True while this store keeps its DuckDB file open."""
        return self._con is not None

    def release(self) -> None:
        """Close the file (releasing DuckDB's lock) until ``acquire`` or ``borrowed``."""
        self.close()

    def acquire(self, *, wait: float | None = None) -> None:
        """Reopen a released store, waiting up to ``wait`` seconds while another process
        holds the file (default: ``ALLEGIANCE_LOCK_WAIT`` or 60 s)."""
        if self._con is None:
            self._con = connect_waiting(self.path, read_only=self.read_only, wait=wait)

    @contextmanager
    def borrowed(self, *, wait: float | None = None) -> Iterator[Store]:
        """The store open for the block: itself when held, else a view on a connection of its
        own (closed after the block; ``self`` stays released, so other threads are unaffected)."""
        if self._con is not None:
            yield self
            return
        view = Store.__new__(Store)
        view.path, view.read_only = self.path, self.read_only
        view._con = connect_waiting(self.path, read_only=self.read_only, wait=wait)
        try:
            yield view
        finally:
            view.close()

    @contextmanager
    def reader(self, *, wait: float | None = None) -> Iterator[Reader]:
        """The reads for one reader (a request), on a cursor of the held connection or of a
        short-lived one (released stores), closed after the block."""
        if self._con is not None:
            con = self._con.cursor()
        else:
            con = connect_waiting(self.path, read_only=True, wait=wait)
        try:
            yield Reader(con)
        finally:
            con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"{self.path}: store is released (use borrowed() or reader())")
        return self._con

    def schema_version(self) -> int:
        exists = self.connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name='schema_migrations'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.connection.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0) if row else 0

    def migrate(self) -> None:
        self.connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
        )
        current = self.schema_version()
        for migration in MIGRATIONS:
            if migration.version <= current:
                continue
            log.info("migrating store to v%d (%s)", migration.version, migration.name)
            with self.transaction():
                self.connection.execute(migration.sql)
                self.connection.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)",
                    [migration.version, migration.name],
                )

    def transaction(self) -> _Transaction:
        return _Transaction(self.connection)

    # -- writes ----------------------------------------------------------------------------
    def write(self, batch: Sequence[StoredArticle], *, actors: Iterable[Actor] = ()) -> None:
        """Replace everything stored for these articles, atomically (all or nothing)."""
        if not batch:
            return
        ids = [item.extraction.article.id for item in batch]
        with self.transaction():
            self._delete_articles(ids)
            self._insert("articles", [_article_of(item) for item in batch])
            for table, rows in _child_rows(batch).items():
                self._insert(table, rows)
            self._upsert_actors(actors)

    def _delete_articles(self, ids: list[str]) -> None:
        for table in _CHILD_TABLES:
            self.connection.execute(
                f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids]
            )
        self.connection.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?))", [ids])

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        data = pa.Table.from_pylist(rows, schema=SCHEMAS[table])  # noqa: F841 (read by DuckDB)
        self.connection.execute(f"INSERT INTO {table} BY NAME SELECT * FROM data")

    def _upsert_actors(self, actors: Iterable[Actor]) -> None:
        rows = [
            {
                "code": a.code,
                "name": a.name,
                "kind": a.kind,
                "wikidata": a.wikidata,
                "sector": a.sector,
                "country": a.country,
            }
            for a in actors
        ]
        if not rows:
            return
        data = pa.Table.from_pylist(rows, schema=SCHEMAS["actors"])  # noqa: F841
        self.connection.execute("INSERT OR REPLACE INTO actors BY NAME SELECT * FROM data")

    # -- reads (the rest: allegiance.store.reads.Reads) ---------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        if not wanted:
            return set()
        rows = self.connection.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [wanted]
        ).fetchall()
        return {r[0] for r in rows}

    def all_ids(self) -> set[str]:
        """Every stored article id (the ingest screen loads them once)."""
        return {r[0] for r in self.connection.execute("SELECT id FROM articles").fetchall()}

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """(id, minhash) of every stored original (non-duplicate) article."""
        cursor = self.connection.execute(
            "SELECT id, minhash FROM articles WHERE minhash IS NOT NULL AND duplicate_of IS NULL"
        )
        while rows := cursor.fetchmany(4096):
            yield from ((r[0], bytes(r[1])) for r in rows)


def _article_of(item: StoredArticle) -> dict[str, Any]:
    return article_row(item.extraction.article, item.minhash)


def _child_rows(batch: Sequence[StoredArticle]) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in _CHILD_TABLES}
    for item in batch:
        extraction = item.extraction
        tables["sentences"].extend(sentence_rows(extraction))
        tables["mentions"].extend(mention_rows(extraction))
        published = extraction.article.published
        tables["events"].extend(event_row(e, published) for e in extraction.events)
    return tables


def _connect(path: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    return connect_waiting(path, read_only=read_only)


class _Transaction:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def __enter__(self) -> None:
        self._con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            try:
                self._con.execute("COMMIT")
            except duckdb.Error as err:
                self._rollback()
                raise StoreError(f"write failed: {first_line(err)}") from err
        else:
            self._rollback()
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"write failed: {first_line(exc)}") from exc

    def _rollback(self) -> None:
        """Undo the open transaction; DuckDB may have aborted it already (full disk, fatal)."""
        try:
            self._con.execute("ROLLBACK")
        except duckdb.Error as err:
            log.debug("rollback after a failed write: %s", first_line(err))
