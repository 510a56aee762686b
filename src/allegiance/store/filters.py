"""Which stored events a read is about: :class:`EventFilter`, rendered as parameterised SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

DateLike = str | dt.date | None


def target_codes(table: str = "") -> str:
    """SQL for the codes an event is directed at: its recipients, or, for a reciprocal act
    (``mutual``), its parties, each acting toward the others. ``table``: the events alias."""
    col = f"{table}." if table else ""
    return f"CASE WHEN {col}mutual THEN {col}actor_codes ELSE {col}recipient_codes END"


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Which stored events to read; every field is optional (the default: all events of
    original articles). Codes match case-insensitively for countries and organisations
    ("usa" = "USA"); person codes ("PER:<slug>") are matched as given."""

    actor: str | None = None  # this code on the actor side
    recipient: str | None = None  # this code on the recipient side
    involving: str | None = None  # this code on either side
    types: tuple[str, ...] = ()  # PLOVER event types; empty = every type
    quads: tuple[str, ...] = ()  # quad classes; empty = every class
    factuality: tuple[str, ...] = ()  # empty = every factuality
    since: DateLike = None  # reported on or after (YYYY-MM-DD)
    until: DateLike = None  # reported on or before
    article: str | None = None  # the events of one article
    min_confidence: float = 0.0  # the verifier's probability; 0 = every stored event
    # events of articles that duplicate another article (``articles.duplicate_of``) count too
    include_duplicates: bool = False
    # the duplicate articles that have events, when the caller already knows them (the API
    # caches them): the store then leaves out exactly these instead of looking them up per read
    known_duplicates: tuple[str, ...] | None = None


def norm_code(code: str | None) -> str | None:
    """Country/organisation codes are upper case; person codes (``PER:slug``) keep theirs."""
    if not code:
        return None
    return code if ":" in code else code.upper()


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


def event_where(f: EventFilter) -> Where:
    """The filter as clauses on the events table (alias ``e``)."""
    w = Where()
    if f.actor:
        w.add("list_contains(e.actor_codes, ?)", norm_code(f.actor))
    if f.recipient:
        w.add(f"list_contains({target_codes('e')}, ?)", norm_code(f.recipient))
    if f.involving:
        code = norm_code(f.involving)
        w.add(
            "(list_contains(e.actor_codes, ?) OR list_contains(e.recipient_codes, ?))", code, code
        )
    if f.types:
        w.add("list_contains(?, e.event)", [t.upper() for t in f.types])
    if f.quads:
        w.add("list_contains(?, e.quad)", list(f.quads))
    if f.factuality:
        w.add("list_contains(?, e.factuality)", list(f.factuality))
    if f.since:
        w.add("e.reported_date >= CAST(? AS DATE)", f.since)
    if f.until:
        w.add("e.reported_date <= CAST(? AS DATE)", f.until)
    if f.article:
        w.add("e.article_id = ?", f.article)
    if f.min_confidence > 0:
        w.add("e.confidence >= ?", f.min_confidence)
    _leave_out_duplicates(w, f)
    return w


def _leave_out_duplicates(w: Where, f: EventFilter) -> None:
    if f.include_duplicates:
        return
    if f.known_duplicates is None:
        w.add("e.article_id NOT IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL)")
    elif f.known_duplicates:  # none known: nothing to leave out, no anti-join
        w.add("e.article_id NOT IN (SELECT unnest(?))", list(f.known_duplicates))
