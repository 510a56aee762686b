"""Read-only SQL behind the JSON endpoints; every value goes in as a parameter."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb

from allegiance.api.params import EventFilter

Con = duckdb.DuckDBPyConnection
MAX_TERMS = 8
SNIPPET_CHARS = 220


@dataclass(slots=True)
class Where:
    """A conjunction of SQL clauses with their parameters."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *values: Any) -> None:
        self.clauses.append(sql)
        self.params.extend(values)

    @property
    def sql(self) -> str:
        return " AND ".join(self.clauses) or "TRUE"


def rows(con: Con, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def scalar(con: Con, sql: str, params: Sequence[Any] = ()) -> Any:
    row = con.execute(sql, list(params)).fetchone()
    return row[0] if row else None


# -- events ----------------------------------------------------------------------------------
def event_where(f: EventFilter) -> Where:
    """Filters on the events table (alias ``e``); ``exclude_articles`` are the duplicates."""
    w = Where()
    if f.actor:
        w.add("list_contains(e.actor_codes, ?)", f.actor)
    if f.recipient:
        w.add("list_contains(e.recipient_codes, ?)", f.recipient)
    if f.involving:
        w.add(
            "(list_contains(e.actor_codes, ?) OR list_contains(e.recipient_codes, ?))",
            f.involving,
            f.involving,
        )
    if f.types:
        w.add("list_contains(?, e.event)", list(f.types))
    if f.quads:
        w.add("list_contains(?, e.quad)", list(f.quads))
    if f.factuality:
        w.add("list_contains(?, e.factuality)", list(f.factuality))
    if f.since:
        w.add("e.reported_date >= ?", f.since)
    if f.until:
        w.add("e.reported_date <= ?", f.until)
    if f.article:
        w.add("e.article_id = ?", f.article)
    if f.exclude_articles:
        w.add("e.article_id NOT IN (SELECT unnest(?))", list(f.exclude_articles))
    return w


def count_events(con: Con, f: EventFilter) -> int:
    w = event_where(f)
    return int(scalar(con, f"SELECT count(*) FROM events e WHERE {w.sql}", w.params) or 0)


_ORDER = "ORDER BY e.reported_date DESC NULLS LAST, e.rowid"


def event_page(
    con: Con, f: EventFilter, *, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """The total and one page of records, newest report first (insertion order within a day).

    One statement: the filter runs once over narrow columns (rowid, date); only the page's
    rows are then read whole (their JSON record) by rowid.
    """
    w = event_where(f)
    sql = (
        "WITH f AS MATERIALIZED (SELECT e.rowid AS rid, e.reported_date AS day "
        f"FROM events e WHERE {w.sql}), "
        "page AS (SELECT rid FROM f ORDER BY day DESC NULLS LAST, rid LIMIT ? OFFSET ?) "
        "SELECT (SELECT count(*) FROM f) AS total, e.record, e.reported_date FROM events e "
        f"WHERE e.rowid IN (SELECT rid FROM page) {_ORDER}"
    )
    found = con.execute(sql, [*w.params, limit, offset]).fetchall()
    if not found:
        return count_events(con, f), []
    records = [with_report_date(json.loads(r[1]), r[2]) for r in found]
    titles = article_titles(con, {r["doc_id"] for r in records})
    for record in records:
        record["article_title"] = titles.get(record["doc_id"])
    return int(found[0][0]), records


def duplicate_articles_with_events(con: Con) -> tuple[str, ...]:
    """Duplicate articles that have events of their own (ingestion stores none, so usually
    empty: then the event queries need no anti-join)."""
    found = con.execute(
        "SELECT DISTINCT e.article_id FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE a.duplicate_of IS NOT NULL ORDER BY 1"
    ).fetchall()
    return tuple(r[0] for r in found)


def with_report_date(record: dict[str, Any], reported: Any) -> dict[str, Any]:
    """The record, its report date filled from the stored column (the article's date)."""
    if not record.get("reported_date") and reported is not None:
        record["reported_date"] = str(reported)
    return record


def article_titles(con: Con, ids: set[str]) -> dict[str, str | None]:
    if not ids:
        return {}
    found = con.execute(
        "SELECT id, title FROM articles WHERE id IN (SELECT unnest(?))", [sorted(ids)]
    ).fetchall()
    return {r[0]: r[1] for r in found}


# -- articles --------------------------------------------------------------------------------
def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_terms(q: str | None) -> list[str]:
    return [t for t in (q or "").split() if t][:MAX_TERMS]


def article_where(terms: list[str], *, since: Any, until: Any) -> Where:
    w = Where()
    for term in terms:
        pattern = _like(term)
        w.add("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')", pattern, pattern)
    if since:
        w.add("a.published >= ?", since)
    if until:
        w.add("a.published <= ?", until)
    return w


def article_page(
    con: Con, terms: list[str], *, since: Any, until: Any, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """Articles matching every search term (title or text), newest first, with a snippet."""
    w = article_where(terms, since=since, until=until)
    total = int(scalar(con, f"SELECT count(*) FROM articles a WHERE {w.sql}", w.params) or 0)
    first = terms[0].lower() if terms else ""
    sql = (
        "SELECT a.id, a.title, a.url, a.published, a.source, a.lang, a.duplicate_of, "
        "length(a.text) AS chars, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events, "
        "substr(a.text, greatest(1, instr(lower(a.text), ?) - 80), ?) AS snippet "
        f"FROM articles a WHERE {w.sql} "
        "ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?"
    )
    found = rows(con, sql, [first, SNIPPET_CHARS, *w.params, limit, offset])
    return total, found


def article_detail(con: Con, article_id: str) -> dict[str, Any] | None:
    found = rows(
        con,
        "SELECT id, title, url, published, source, lang, author, duplicate_of, text "
        "FROM articles WHERE id = ?",
        [article_id],
    )
    if not found:
        return None
    article = found[0]
    records = con.execute(
        "SELECT record, reported_date FROM events WHERE article_id = ? ORDER BY sentence_idx, id",
        [article_id],
    ).fetchall()
    article["events"] = [with_report_date(json.loads(r[0]), r[1]) for r in records]
    return article


# -- actors ----------------------------------------------------------------------------------
def actor_list(con: Con, q: str | None, *, limit: int, offset: int) -> tuple[int, list[dict]]:
    """Actors named in the store (mentions or events), most mentioned first."""
    w = Where()
    if q:
        pattern = _like(q)
        w.add("(c.code ILIKE ? ESCAPE '\\' OR k.name ILIKE ? ESCAPE '\\')", pattern, pattern)
    base = (
        "WITH m AS (SELECT code, count(*) AS mentions, count(DISTINCT article_id) AS articles "
        "           FROM mentions WHERE code IS NOT NULL GROUP BY code), "
        "ev AS (SELECT code, count(*) AS events FROM (SELECT unnest(actor_codes) AS code "
        "       FROM events UNION ALL SELECT unnest(recipient_codes) FROM events) GROUP BY code), "
        "c AS (SELECT code FROM m UNION SELECT code FROM ev) "
        "SELECT c.code, k.name, k.kind, k.sector, k.wikidata, k.country, "
        "coalesce(m.mentions, 0) AS mentions, coalesce(m.articles, 0) AS articles, "
        "coalesce(ev.events, 0) AS events "
        "FROM c LEFT JOIN actors k ON k.code = c.code LEFT JOIN m ON m.code = c.code "
        f"LEFT JOIN ev ON ev.code = c.code WHERE {w.sql}"
    )
    total = int(scalar(con, f"SELECT count(*) FROM ({base})", w.params) or 0)
    page = rows(
        con,
        f"{base} ORDER BY events DESC, mentions DESC, c.code LIMIT ? OFFSET ?",
        [*w.params, limit, offset],
    )
    return total, page


def actor_record(con: Con, code: str) -> dict[str, Any] | None:
    found = rows(
        con, "SELECT code, name, kind, sector, wikidata, country FROM actors WHERE code = ?", [code]
    )
    if found:
        return found[0]
    seen = scalar(
        con,
        "SELECT (SELECT count(*) FROM mentions WHERE code = ?) + (SELECT count(*) FROM events "
        "WHERE list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))",
        [code, code, code],
    )
    if not seen:
        return None
    return {
        "code": code,
        "name": None,
        "kind": None,
        "sector": None,
        "wikidata": None,
        "country": None,
    }


def actor_people(con: Con, code: str) -> list[dict[str, Any]]:
    """People standing for this actor (or this person's roles), with the dates seen."""
    sql = (
        "SELECT m.person, m.role, min(a.published) AS first_seen, max(a.published) AS last_seen, "
        "count(*) AS mentions FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE (m.code = ? OR m.person = ?) AND (m.person IS NOT NULL OR m.role IS NOT NULL) "
        "GROUP BY m.person, m.role ORDER BY first_seen NULLS LAST, mentions DESC LIMIT 50"
    )
    return rows(con, sql, [code, code])


def actor_partners(con: Con, code: str) -> list[dict[str, Any]]:
    """Counterparts of an actor: events it directed at them and received from them."""
    sql = """
        WITH out AS (SELECT unnest(recipient_codes) AS partner, event, 'out' AS side
                     FROM events WHERE list_contains(actor_codes, ?)),
             inn AS (SELECT unnest(actor_codes) AS partner, event, 'in' AS side
                     FROM events WHERE list_contains(recipient_codes, ?))
        SELECT partner, side, event, count(*) AS events
        FROM (SELECT * FROM out UNION ALL SELECT * FROM inn)
        WHERE partner <> ? GROUP BY ALL ORDER BY events DESC, partner, side, event LIMIT 200
    """
    return rows(con, sql, [code, code, code])


# -- time and place --------------------------------------------------------------------------
PERIODS = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m", "year": "%Y"}


def timeline(con: Con, f: EventFilter, *, period: str) -> list[dict[str, Any]]:
    """Event counts by period of the reported date and quad class."""
    w = event_where(f)
    w.add("e.reported_date IS NOT NULL")
    sql = (
        "SELECT strftime(e.reported_date, ?) AS period, coalesce(e.quad, 'unknown') AS quad, "
        f"count(*) AS events FROM events e WHERE {w.sql} GROUP BY ALL ORDER BY period, quad"
    )
    return rows(con, sql, [PERIODS[period], *w.params])


def locations(con: Con, f: EventFilter, *, limit: int) -> list[dict[str, Any]]:
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
    found = rows(con, sql, [*w.params, limit])
    for place in found:
        dates = place.pop("dates")
        place["sample"] = [
            with_report_date(json.loads(r), d) for r, d in zip(place["sample"], dates, strict=True)
        ]
    return found


def counts(con: Con) -> dict[str, int]:
    out = {}
    for table in ("articles", "events", "actors", "mentions"):
        out[table] = int(scalar(con, f"SELECT count(*) FROM {table}") or 0)
    return out
