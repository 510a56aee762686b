"""JSON endpoints over articles, events, actors, time and place."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from allegiance.api import queries
from allegiance.api.deps import cursor, state
from allegiance.api.params import (
    CODE_PATTERN,
    EventFilter,
    Limit,
    Offset,
    check_range,
    event_filter,
    norm_code,
)

router = APIRouter(prefix="/api")
Con = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
Filter = Annotated[EventFilter, Depends(event_filter)]


@router.get("/stats", summary="Row counts of the store")
def stats(con: Con) -> dict[str, int]:
    return queries.counts(con)


@router.get("/articles", summary="Articles, searched over titles and text")
def articles(
    con: Con,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Words that must all occur (case-insensitive) in the title or text.",
        ),
    ] = None,
    since: Annotated[dt.date | None, Query(description="Published on or after.")] = None,
    until: Annotated[dt.date | None, Query(description="Published on or before.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    check_range(since, until)
    terms = queries.search_terms(q)
    total, items = queries.article_page(
        con, terms, since=since, until=until, limit=limit, offset=offset
    )
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/articles/{article_id}", summary="One article: text (plain) and its events")
def article(con: Con, article_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    found = queries.article_detail(con, article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return found


@router.get("/events", summary="Events with their evidence, filtered and paginated")
def events(con: Con, f: Filter, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """``actor``: actor side; ``recipient``: recipient side; ``involving``: either side.
    Newest report first. Events of articles that duplicate another article are left out."""
    total, items = queries.event_page(con, f, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/actors", summary="Actors found in the store, most active first")
def actors(
    con: Con,
    q: Annotated[str | None, Query(max_length=100, description="Part of a code or name.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    total, items = queries.actor_list(con, q, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/actors/{code}", summary="One actor: record, people and roles, partners, timeline")
def actor(
    request: Request, con: Con, code: Annotated[str, Path(pattern=CODE_PATTERN)]
) -> dict[str, Any]:
    code = norm_code(code) or code
    record = queries.actor_record(con, code)
    if record is None:
        raise HTTPException(404, f"no actor with code {code!r} in this store")
    involving = EventFilter(involving=code, exclude_articles=state(request).duplicates())
    return {
        **record,
        "people": queries.actor_people(con, code),
        "partners": queries.actor_partners(con, code),
        "timeline": queries.timeline(con, involving, period="month"),
        "events": queries.count_events(con, involving),
    }


@router.get("/timeline", summary="Event counts by period and quad class")
def timeline(
    con: Con, f: Filter, period: Literal["day", "week", "month", "year"] = "month"
) -> dict[str, Any]:
    return {"period": period, "items": queries.timeline(con, f, period=period)}


@router.get("/locations", summary="Located events by place (for the map)")
def locations(
    con: Con, f: Filter, limit: Annotated[int, Query(ge=1, le=5000)] = 1000
) -> dict[str, Any]:
    return {"items": queries.locations(con, f, limit=limit)}
