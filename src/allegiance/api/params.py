"""Query parameters shared by several endpoints, checked into typed filters."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query, Request

from allegiance.api.errors import BadParameter
from allegiance.models import EVENT_TYPES, FACTUALITIES
from allegiance.store.filters import EventFilter, norm_code

QUADS: tuple[str, ...] = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)
MAX_LIMIT = 500
MAX_TERMS = 8
CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9:_.\-]{0,63}$"

Code = Annotated[
    str | None,
    Query(pattern=CODE_PATTERN, description="Actor code (ISO3, NATO, PER:<slug> ...)."),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]


def _choices(
    name: str, raw: str | None, allowed: tuple[str, ...], *, upper: bool
) -> tuple[str, ...]:
    if not raw:
        return ()
    values = tuple(v.strip().upper() if upper else v.strip().lower() for v in raw.split(","))
    values = tuple(v for v in values if v)
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise BadParameter(
            name, f"unknown value {unknown[0]!r} (expected any of {', '.join(allowed)})"
        )
    return values


def search_terms(q: str | None) -> list[str]:
    """The words of an article search (the first ``MAX_TERMS``)."""
    return [t for t in (q or "").split() if t][:MAX_TERMS]


MinConfidence = Annotated[
    float | None,
    Query(
        ge=0.0,
        le=1.0,
        description="Only events whose confidence (the verifier's calibrated probability that "
        "the event is right) is at least this; 0 = every event. Default: the server's "
        "threshold.",
    ),
]


def confidence_threshold(request: Request, value: float | None) -> float:
    """The request's threshold, else the server's (``allegiance serve`` settings)."""
    return request.app.state.allegiance.min_confidence if value is None else value


def check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise BadParameter("since", f"{since} is after until={until}")


def event_filter(
    request: Request,
    actor: Code = None,
    recipient: Code = None,
    involving: Code = None,
    type: Annotated[str | None, Query(description="PLOVER types, comma-separated.")] = None,
    quad: Annotated[str | None, Query(description="Quad classes, comma-separated.")] = None,
    factuality: Annotated[
        str | None, Query(description="asserted, negated, hypothetical, future, historical.")
    ] = None,
    since: Annotated[
        dt.date | None, Query(description="Reported on or after (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        dt.date | None, Query(description="Reported on or before (YYYY-MM-DD).")
    ] = None,
    article: Annotated[str | None, Query(max_length=200, description="Article id.")] = None,
    min_confidence: MinConfidence = None,
) -> EventFilter:
    """FastAPI dependency: the event filters of a request, validated."""
    check_range(since, until)
    return EventFilter(
        actor=norm_code(actor),
        recipient=norm_code(recipient),
        involving=norm_code(involving),
        types=_choices("type", type, EVENT_TYPES, upper=True),
        quads=_choices("quad", quad, QUADS, upper=False),
        factuality=_choices("factuality", factuality, FACTUALITIES, upper=False),
        since=since,
        until=until,
        article=article,
        min_confidence=confidence_threshold(request, min_confidence),
        known_duplicates=request.app.state.allegiance.duplicates(),
    )
