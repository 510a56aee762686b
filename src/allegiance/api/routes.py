"""JSON endpoints over articles, events, actors, time and place."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from allegiance.api.deps import reader, state
from allegiance.api.errors import error_responses
from allegiance.api.params import (
    CODE_PATTERN,
    Limit,
    Offset,
    Since,
    Until,
    event_filter,
    norm_code,
    search_terms,
)
from allegiance.store import EventFilter, Reader

router = APIRouter(prefix="/api", responses=error_responses(400, 422, 503))
Db = Annotated[Reader, Depends(reader)]
Filter = Annotated[EventFilter, Depends(event_filter)]


@router.get("/stats", summary="Row counts of the store")
def stats(db: Db) -> dict[str, int]:
    return db.counts(("articles", "events", "actors", "mentions"))


@router.get("/articles", summary="Articles, searched over titles and text")
def articles(
    db: Db,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Words that must all occur (case-insensitive) in the title or text.",
        ),
    ] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    terms = search_terms(q)
    total, items = db.article_page(terms, since=since, until=until, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get(
    "/articles/{article_id}",
    summary="One article: text (plain) and its events",
    responses=error_responses(404),
)
def article(db: Db, article_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    found = db.article_detail(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return found


@router.get("/events", summary="Events with their evidence, filtered and paginated")
def events(db: Db, f: Filter, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """``actor``: actor side; ``recipient``: recipient side; ``involving``: either side.
    Newest report first. Events of articles that duplicate another article are left out."""
    total, items = db.event_page(f, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/actors", summary="Actors found in the store, most active first")
def actors(
    db: Db,
    q: Annotated[str | None, Query(max_length=100, description="Part of a code or name.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    total, items = db.actor_list(q, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get(
    "/actors/{code}",
    summary="One actor: record, people and roles, partners, timeline",
    responses=error_responses(404),
)
def actor(
    request: Request, db: Db, code: Annotated[str, Path(pattern=CODE_PATTERN)]
) -> dict[str, Any]:
    code = norm_code(code) or code
    record = db.actor_record(code)
    if record is None:
        raise HTTPException(404, f"no actor with code {code!r} in this store")
    involving = EventFilter(involving=code, known_duplicates=state(request).duplicates())
    return {
        **record,
        "people": db.actor_people(code),
        "partners": db.actor_partners(code),
        "timeline": db.timeline(involving, period="month"),
        "events": db.count_events(involving),
    }


@router.get("/timeline", summary="Event counts by period and quad class")
def timeline(
    db: Db, f: Filter, period: Literal["day", "week", "month", "year"] = "month"
) -> dict[str, Any]:
    return {"period": period, "items": db.timeline(f, period=period)}


@router.get("/locations", summary="Located events by place (for the map)")
def locations(
    db: Db, f: Filter, limit: Annotated[int, Query(ge=1, le=5000)] = 1000
) -> dict[str, Any]:
    return {"items": db.locations(f, limit=limit)}
