"""Filters over stored events, always as parameterised SQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class EventQuery:
    actor: str | None = None  # matches actor or recipient code
    source: str | None = None  # actor side only
    target: str | None = None  # recipient side only
    type: str | None = None
    factuality: tuple[str, ...] | None = None  # None = every factuality
    since: str | None = None
    until: str | None = None
    article_id: str | None = None
    include_duplicates: bool = False
    limit: int | None = None


def _code(value: str) -> str:
    """Country/organisation codes are upper case; person codes ("PER:...") are kept as given."""
    return value if ":" in value else value.upper()


def event_filter_sql(q: EventQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        clauses.append(sql)
        params.extend(values)

    if q.actor:
        add(
            "(list_contains(e.actor_codes, ?) OR list_contains(e.recipient_codes, ?))",
            _code(q.actor),
            _code(q.actor),
        )
    if q.source:
        add("list_contains(e.actor_codes, ?)", _code(q.source))
    if q.target:
        add("list_contains(e.recipient_codes, ?)", _code(q.target))
    if q.type:
        add("e.event = ?", q.type.upper())
    if q.factuality:
        add("list_contains(?, e.factuality)", list(q.factuality))
    if q.since:
        add("e.reported_date >= CAST(? AS DATE)", q.since)
    if q.until:
        add("e.reported_date <= CAST(? AS DATE)", q.until)
    if q.article_id:
        add("e.article_id = ?", q.article_id)
    if not q.include_duplicates:
        clauses.append("a.duplicate_of IS NULL")
    return (" AND ".join(clauses) or "TRUE"), params
