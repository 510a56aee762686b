"""Every read of the store: events (typed, or as JSON pages for the API), articles, actors,
time and place, exports, and the frames analyses start from. All user values go in as
parameters; the only text spliced into SQL is ours (table names, filters' clauses).

:class:`Reads` holds the queries; :class:`~allegiance.store.Store` runs them on its own
connection, :class:`Reader` on a cursor of one reader (a web request).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from allegiance.errors import StoreError, first_line
from allegiance.models import Article, Event
from allegiance.store.filters import EventFilter, Where, event_where, target_codes

if TYPE_CHECKING:
    import pandas as pd

TABLES = ("articles", "sentences", "mentions", "actors", "events")
PERIODS = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m", "year": "%Y"}
SNIPPET_CHARS = 220
_PAGE_ORDER = "ORDER BY e.reported_date DESC NULLS LAST, e.rowid"
_EVENT_ORDER = "ORDER BY e.reported_date, e.article_id, e.sentence_idx, e.id"


class Reads:
    """The store's read queries over :attr:`connection` (provided by the subclass)."""

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        raise NotImplementedError

    # -- plumbing --------------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a query as dicts (column name -> value)."""
        cursor = self.connection.execute(sql, list(params))
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.connection.execute(sql, list(params)).fetchone()
        return row[0] if row else None

    def frame(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """The rows of an (analysis) query as a DataFrame; a failing query is a StoreError."""
        try:
            return self.connection.execute(sql, list(params)).df()
        except duckdb.Error as exc:
            raise StoreError(f"analysis query failed: {first_line(exc)}") from exc

    def counts(self, tables: Sequence[str] = TABLES) -> dict[str, int]:
        """Rows per table, in the order asked."""
        out = {}
        for table in tables:
            if table not in TABLES:
                raise ValueError(f"not a table of the store: {table!r}")
            out[table] = int(self._scalar(f"SELECT count(*) FROM {table}") or 0)
        return out

    # -- events ----------------------------------------------------------------------------
    def events(self, f: EventFilter | None = None, *, limit: int | None = None) -> Iterator[Event]:
        """The events ``f`` selects, oldest report first (then article, sentence, id)."""
        w = event_where(f or EventFilter())
        sql = f"SELECT e.record FROM events e WHERE {w.sql} {_EVENT_ORDER}"
        rows = self.connection.execute(sql + _limit(limit), w.params).fetchall()
        return (Event.from_dict(json.loads(r[0])) for r in rows)

    def count_events(self, f: EventFilter) -> int:
        w = event_where(f)
        return int(self._scalar(f"SELECT count(*) FROM events e WHERE {w.sql}", w.params) or 0)

    def event_page(
        self, f: EventFilter, *, limit: int, offset: int
    ) -> tuple[int, list[dict[str, Any]]]:
        """The total and one page of JSON records (with ``article_title``), newest report first
        (insertion order within a day).

        One statement: the filter runs once over narrow columns (rowid, date); only the page's
        rows are then read whole (their JSON record) by rowid.
        """
        w = event_where(f)
        sql = (
            "WITH f AS MATERIALIZED (SELECT e.rowid AS rid, e.reported_date AS day "
            f"FROM events e WHERE {w.sql}), "
            "page AS (SELECT rid FROM f ORDER BY day DESC NULLS LAST, rid LIMIT ? OFFSET ?) "
            "SELECT (SELECT count(*) FROM f) AS total, e.record, e.reported_date FROM events e "
            f"WHERE e.rowid IN (SELECT rid FROM page) {_PAGE_ORDER}"
        )
        found = self.connection.execute(sql, [*w.params, limit, offset]).fetchall()
        if not found:
            return self.count_events(f), []
        records = [with_report_date(json.loads(r[1]), r[2]) for r in found]
        return int(found[0][0]), self._with_titles(records)

    def event_records(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """The JSON records (with ``article_title``) of these events, newest report first."""
        if not ids:
            return []
        found = self.connection.execute(
            "SELECT record, reported_date FROM events WHERE id IN (SELECT unnest(?)) "
            "ORDER BY reported_date DESC NULLS LAST, article_id, sentence_idx",
            [list(ids)],
        ).fetchall()
        return self._with_titles([with_report_date(json.loads(r[0]), r[1]) for r in found])

    def _with_titles(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        titles = self.article_titles({r["doc_id"] for r in records})
        for record in records:
            record["article_title"] = titles.get(record["doc_id"])
        return records

    def report_days(self, ids: Sequence[str]) -> dict[str, str]:
        """Event id -> report date as stored (the article's date when the event has none)."""
        if not ids:
            return {}
        rows = self.query(
            "SELECT id, CAST(reported_date AS VARCHAR) AS day FROM events "
            "WHERE id IN (SELECT unnest(?))",
            [list(ids)],
        )
        return {str(r["id"]): str(r["day"] or "") for r in rows}

    def duplicate_articles_with_events(self) -> tuple[str, ...]:
        """Duplicate articles that have events of their own (ingestion stores none, so usually
        empty: then the event reads need no anti-join; see ``EventFilter.known_duplicates``)."""
        found = self.connection.execute(
            "SELECT DISTINCT e.article_id FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE a.duplicate_of IS NOT NULL ORDER BY 1"
        ).fetchall()
        return tuple(r[0] for r in found)

    # -- articles --------------------------------------------------------------------------
    def articles(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        include_duplicates: bool = True,
    ) -> list[dict[str, Any]]:
        where, params = ["TRUE"], []
        if since:
            where.append("published >= CAST(? AS DATE)")
            params.append(since)
        if until:
            where.append("published <= CAST(? AS DATE)")
            params.append(until)
        if not include_duplicates:
            where.append("duplicate_of IS NULL")
        sql = (
            "SELECT a.id, a.published, a.title, a.source, a.lang, a.duplicate_of, "
            "length(a.text) AS chars, (SELECT count(*) FROM events e WHERE e.article_id = a.id) "
            f"AS events FROM articles a WHERE {' AND '.join(where)} ORDER BY a.published, a.id"
        )
        return self.query(sql + _limit(limit), params)

    def article(self, article_id: str) -> Article | None:
        """One stored article (None when not stored)."""
        rows = self.query(
            "SELECT id, text, title, url, published, source, lang, author, duplicate_of "
            "FROM articles WHERE id = ?",
            [article_id],
        )
        return Article(**rows[0]) if rows else None

    def duplicate_of(self, article_id: str) -> str | None:
        """The article this one duplicates (None: an original, or not stored)."""
        rows = self.query("SELECT duplicate_of FROM articles WHERE id = ?", [article_id])
        return rows[0]["duplicate_of"] if rows else None

    def article_titles(self, ids: Iterable[str]) -> dict[str, str | None]:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        found = self.connection.execute(
            "SELECT id, title FROM articles WHERE id IN (SELECT unnest(?))", [wanted]
        ).fetchall()
        return {r[0]: r[1] for r in found}

    def article_page(
        self, terms: Sequence[str], *, since: Any, until: Any, limit: int, offset: int
    ) -> tuple[int, list[dict[str, Any]]]:
        """Articles matching every search term (title or text), newest first, with a snippet."""
        w = _article_where(terms, since=since, until=until)
        total = int(self._scalar(f"SELECT count(*) FROM articles a WHERE {w.sql}", w.params) or 0)
        first = terms[0].lower() if terms else ""
        sql = (
            "SELECT a.id, a.title, a.url, a.published, a.source, a.lang, a.duplicate_of, "
            "length(a.text) AS chars, "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events, "
            "substr(a.text, greatest(1, instr(lower(a.text), ?) - 80), ?) AS snippet "
            f"FROM articles a WHERE {w.sql} "
            "ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?"
        )
        return total, self.query(sql, [first, SNIPPET_CHARS, *w.params, limit, offset])

    def article_detail(self, article_id: str) -> dict[str, Any] | None:
        """One article with its text and its events' JSON records (in sentence order)."""
        found = self.query(
            "SELECT id, title, url, published, source, lang, author, duplicate_of, text "
            "FROM articles WHERE id = ?",
            [article_id],
        )
        if not found:
            return None
        article = found[0]
        records = self.connection.execute(
            "SELECT record, reported_date FROM events WHERE article_id = ? "
            "ORDER BY sentence_idx, id",
            [article_id],
        ).fetchall()
        article["events"] = [with_report_date(json.loads(r[0]), r[1]) for r in records]
        return article

    # -- actors ----------------------------------------------------------------------------
    def actors(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        """Codes mentioned in the store with their knowledge-base entry, most mentioned first."""
        sql = """
            SELECT m.code, any_value(a.name) AS name, any_value(a.kind) AS kind,
                   any_value(a.wikidata) AS wikidata, count(*) AS mentions,
                   count(DISTINCT m.article_id) AS articles
            FROM mentions m LEFT JOIN actors a ON a.code = m.code
            WHERE m.code IS NOT NULL
            GROUP BY m.code ORDER BY mentions DESC, m.code
        """
        return self.query(sql + _limit(limit))

    def actor_list(
        self, q: str | None, *, limit: int, offset: int
    ) -> tuple[int, list[dict[str, Any]]]:
        """Actors named in the store (mentions or events), most active first."""
        w = Where()
        if q:
            pattern = _like(q)
            w.add("(c.code ILIKE ? ESCAPE '\\' OR k.name ILIKE ? ESCAPE '\\')", pattern, pattern)
        base = (
            "WITH m AS (SELECT code, count(*) AS mentions, count(DISTINCT article_id) AS articles "
            "           FROM mentions WHERE code IS NOT NULL GROUP BY code), "
            "ev AS (SELECT code, count(*) AS events FROM (SELECT unnest(actor_codes) AS code "
            "       FROM events UNION ALL SELECT unnest(recipient_codes) FROM events) "
            "GROUP BY code), "
            "c AS (SELECT code FROM m UNION SELECT code FROM ev) "
            "SELECT c.code, k.name, k.kind, k.sector, k.wikidata, k.country, "
            "coalesce(m.mentions, 0) AS mentions, coalesce(m.articles, 0) AS articles, "
            "coalesce(ev.events, 0) AS events "
            "FROM c LEFT JOIN actors k ON k.code = c.code LEFT JOIN m ON m.code = c.code "
            f"LEFT JOIN ev ON ev.code = c.code WHERE {w.sql}"
        )
        total = int(self._scalar(f"SELECT count(*) FROM ({base})", w.params) or 0)
        page = self.query(
            f"{base} ORDER BY events DESC, mentions DESC, c.code LIMIT ? OFFSET ?",
            [*w.params, limit, offset],
        )
        return total, page

    def actor_record(self, code: str) -> dict[str, Any] | None:
        """The knowledge-base entry of an actor; empty fields for a code seen but not known;
        None for a code the store never saw."""
        found = self.query(
            "SELECT code, name, kind, sector, wikidata, country FROM actors WHERE code = ?", [code]
        )
        if found:
            return found[0]
        seen = self._scalar(
            "SELECT (SELECT count(*) FROM mentions WHERE code = ?) + (SELECT count(*) FROM events "
            "WHERE list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))",
            [code, code, code],
        )
        if not seen:
            return None
        fields = ("name", "kind", "sector", "wikidata", "country")
        return {"code": code, **dict.fromkeys(fields)}

    def actor_people(self, code: str) -> list[dict[str, Any]]:
        """People standing for this actor (or this person's roles), with the dates seen."""
        sql = (
            "SELECT m.person, m.role, min(a.published) AS first_seen, "
            "max(a.published) AS last_seen, count(*) AS mentions "
            "FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE (m.code = ? OR m.person = ?) AND (m.person IS NOT NULL OR m.role IS NOT NULL) "
            "GROUP BY m.person, m.role ORDER BY first_seen NULLS LAST, mentions DESC LIMIT 50"
        )
        return self.query(sql, [code, code])

    def actor_partners(self, code: str) -> list[dict[str, Any]]:
        """Counterparts of an actor: events it directed at them and received from them."""
        sql = f"""
            WITH out AS (SELECT unnest({target_codes()}) AS partner, event, 'out' AS side
                         FROM events WHERE list_contains(actor_codes, ?)),
                 inn AS (SELECT unnest(actor_codes) AS partner, event, 'in' AS side
                         FROM events WHERE list_contains(recipient_codes, ?))
            SELECT partner, side, event, count(*) AS events
            FROM (SELECT * FROM out UNION ALL SELECT * FROM inn)
            WHERE partner <> ? GROUP BY ALL ORDER BY events DESC, partner, side, event LIMIT 200
        """
        return self.query(sql, [code, code, code])

    # -- time and place --------------------------------------------------------------------
    def timeline(self, f: EventFilter, *, period: str) -> list[dict[str, Any]]:
        """Event counts by period (day, week, month, year) of the reported date and quad."""
        w = event_where(f)
        w.add("e.reported_date IS NOT NULL")
        sql = (
            "SELECT strftime(e.reported_date, ?) AS period, coalesce(e.quad, 'unknown') AS quad, "
            f"count(*) AS events FROM events e WHERE {w.sql} GROUP BY ALL ORDER BY period, quad"
        )
        return self.query(sql, [PERIODS[period], *w.params])

    def locations(self, f: EventFilter, *, limit: int) -> list[dict[str, Any]]:
        """Places with coordinates, with their event count and a few events as evidence."""
        w = event_where(f)
        w.add("e.lat IS NOT NULL AND e.lon IS NOT NULL")
        sql = (
            "SELECT e.location_name AS name, e.lat, e.lon, count(*) AS events, "
            "list(e.record ORDER BY e.reported_date DESC NULLS LAST, e.id)[1:5] AS sample, "
            "list(e.reported_date ORDER BY e.reported_date DESC NULLS LAST, e.id)[1:5] AS dates "
            f"FROM events e WHERE {w.sql} GROUP BY e.location_name, e.lat, e.lon "
            "ORDER BY events DESC, name LIMIT ?"
        )
        found = self.query(sql, [*w.params, limit])
        for place in found:
            dates = place.pop("dates")
            place["sample"] = [
                with_report_date(json.loads(r), d)
                for r, d in zip(place["sample"], dates, strict=True)
            ]
        return found

    # -- exports ---------------------------------------------------------------------------
    def export_parquet(self, out_dir: Path) -> list[Path]:
        """One Parquet file per table in ``out_dir``; returns the files written."""
        out_dir.mkdir(parents=True, exist_ok=True)
        written = []
        for table in TABLES:
            target = out_dir / f"{table}.parquet"
            self.connection.execute(f"COPY {table} TO '{_sql_path(target)}' (FORMAT parquet)")
            written.append(target)
        return written


class Reader(Reads):
    """The reads over one cursor (a request's); whoever opened the cursor closes it."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._cursor = con

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        return self._cursor


def with_report_date(record: dict[str, Any], reported: Any) -> dict[str, Any]:
    """The record, its report date filled from the stored column (the article's date)."""
    if not record.get("reported_date") and reported is not None:
        record["reported_date"] = str(reported)
    return record


def _article_where(terms: Sequence[str], *, since: Any, until: Any) -> Where:
    w = Where()
    for term in terms:
        pattern = _like(term)
        w.add("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')", pattern, pattern)
    if since:
        w.add("a.published >= ?", since)
    if until:
        w.add("a.published <= ?", until)
    return w


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _limit(limit: int | None) -> str:
    return f" LIMIT {int(limit)}" if limit else ""


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
