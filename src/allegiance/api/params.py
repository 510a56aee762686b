"""Query parameters shared by several endpoints, checked into typed filters."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import Query, Request
from pydantic import BeforeValidator

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
_CODE = r"[A-Za-z0-9][A-Za-z0-9:_.\-]{0,63}"
CODE_PATTERN = rf"^{_CODE}$"
CODES_PATTERN = rf"^({_CODE}(,{_CODE})*)?$"


def list_pattern(allowed: tuple[str, ...]) -> str:
    """The pattern of a comma list of ``allowed`` values (upper or lower case), or empty."""
    words = "|".join(sorted({*allowed, *(a.lower() for a in allowed)}))
    return rf"^(({words})(,({words}))*)?$"


TYPES_PATTERN = list_pattern(EVENT_TYPES)
QUADS_PATTERN = list_pattern(QUADS)
FACTUALITIES_PATTERN = list_pattern(FACTUALITIES)
INCLUDE_PATTERN = list_pattern((*FACTUALITIES, "all"))

Code = Annotated[
    str | None,
    Query(pattern=CODE_PATTERN, description="Actor code (ISO3, NATO, PER:<slug> ...)."),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
Types = Annotated[
    str | None,
    Query(pattern=TYPES_PATTERN, description="PLOVER types, comma-separated (AID,ASSAULT)."),
]
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: object) -> object:
    """The declared ``format: date`` (YYYY-MM-DD) only; pydantic alone would also take a
    number of seconds ("0") for a date."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
Since = Annotated[
    IsoDate | None,
    Query(description="On or after (YYYY-MM-DD). After ``until``: an empty range."),
]
Until = Annotated[IsoDate | None, Query(description="On or before (YYYY-MM-DD).")]


def split_list(raw: str | None, *, upper: bool) -> tuple[str, ...]:
    """The values of a comma list whose pattern the request already matched."""
    values = (v.upper() if upper else v.lower() for v in (raw or "").split(","))
    return tuple(v for v in values if v)


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


def event_filter(
    request: Request,
    actor: Code = None,
    recipient: Code = None,
    involving: Code = None,
    type: Types = None,
    quad: Annotated[
        str | None, Query(pattern=QUADS_PATTERN, description="Quad classes, comma-separated.")
    ] = None,
    factuality: Annotated[
        str | None,
        Query(
            pattern=FACTUALITIES_PATTERN,
            description="Comma list of asserted, negated, hypothetical, future, historical.",
        ),
    ] = None,
    since: Since = None,
    until: Until = None,
    article: Annotated[str | None, Query(max_length=200, description="Article id.")] = None,
    min_confidence: MinConfidence = None,
) -> EventFilter:
    """FastAPI dependency: the event filters of a request (validated by their declarations)."""
    return EventFilter(
        actor=norm_code(actor),
        recipient=norm_code(recipient),
        involving=norm_code(involving),
        types=split_list(type, upper=True),
        quads=split_list(quad, upper=False),
        factuality=split_list(factuality, upper=False),
        since=since,
        until=until,
        article=article,
        min_confidence=confidence_threshold(request, min_confidence),
        known_duplicates=request.app.state.allegiance.duplicates(),
    )
