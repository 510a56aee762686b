"""Our Event records in PLOVER JSON style (``allegiance extract --format plover``).

PLOVER codes intentions as AGREE: cooperative actions (CONSULT, SUPPORT, COOPERATE, AID)
reported in the future tense are AGREE, announced future retreats are CONCEDE (PLOVER
manual, AGREE and CONCEDE sections) and, by the same reading ("THREATEN could be ASSAULT +
hypothetical", manual section on auxiliary modes), announced future conflictual actions
(ASSAULT, COERCE, SANCTION, PROTEST) are THREATEN. Our own record keeps the richer reading (AID +
factuality "future"); :func:`plover_event_type` applies PLOVER's rule on output.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from allegiance.models import Article, Event, Mention

FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
FUTURE_TO_THREATEN = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
QUAD_OF = {
    "AGREE": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation",
}
# PLOVER's auxiliary modes are named slightly differently from our factuality values.
AUXILIARY = {"negated": "negation", "hypothetical": "hypothetical", "future": "future",
             "historical": "historical"}  # fmt: skip


def plover_event_type(event: Event) -> str:
    """The PLOVER category of an event, applying the manual's future-tense rules."""
    if event.factuality == "future":
        if event.event in FUTURE_TO_AGREE:
            return "AGREE"
        if event.event == "RETREAT":
            return "CONCEDE"
        if event.event in FUTURE_TO_THREATEN:
            return "THREATEN"
    return event.event


def reciprocal(event: Event) -> bool:
    """A reciprocal act, or a meeting with no host/visitor distinction: PLOVER lists every
    participant as actor (manual, "Compound and Reciprocal Actors" and CONSULT)."""
    return event.mutual or (event.event == "CONSULT" and event.mode != "visit")


def plover_participants(event: Event) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
    """(source, target) in PLOVER's convention."""
    if reciprocal(event):
        return (*event.actor, *event.recipient), ()
    return event.actor, event.recipient


def _actor(mention: Mention) -> dict[str, Any]:
    out: dict[str, Any] = {"actorText": mention.text, "code": mention.code}
    if mention.sector:
        out["sector"] = mention.sector
    if mention.wikidata:
        out["wikidata"] = mention.wikidata
    if mention.person:
        out["person"] = mention.person
    return out


def _location(event: Event) -> dict[str, Any] | None:
    loc = event.location
    if loc is None:
        return None
    out: dict[str, Any] = {"name": loc.name or loc.text, "text": loc.text}
    if loc.lat is not None and loc.lon is not None:
        out.update(lat=loc.lat, lon=loc.lon)
    if loc.geonameid is not None:
        out["geonameid"] = loc.geonameid
    if loc.country:
        out["country"] = loc.country
    return out


def _counts(event: Event) -> dict[str, Any]:
    amount = event.amount
    if amount is None or amount.value is None:
        return {}
    if amount.kind in {"dead", "injured"}:
        return {amount.kind: int(amount.value)}
    if amount.kind in {"troops", "weapons", "people"}:
        return {"size": int(amount.value)}
    return {}


def to_plover(event: Event, article: Article) -> dict[str, Any]:
    """One PLOVER JSON record (only non-null fields, as in the PLOVER gold files)."""
    kind = plover_event_type(event)
    source, target = plover_participants(event)
    context = list(event.context)
    if event.factuality in AUXILIARY:
        context.append(AUXILIARY[event.factuality])
    record: dict[str, Any] = {
        "id": event.id,
        "date": event.event_date or event.reported_date,
        "event": kind,
        "mode": event.mode if kind == event.event else None,
        "context": context,
        "source": [_actor(m) for m in source],
        "target": [_actor(m) for m in target],
        "eventText": event.trigger.text,
        "text": event.sentence.text,
        "eventLoc": _location(event),
        "quad": QUAD_OF.get(kind, event.quad),
        "factuality": event.factuality,
        "attributedTo": _actor(event.attributed_to) if event.attributed_to else None,
        "amount": dict(vars_of(event.amount)) if event.amount else None,
        "publication": article.source or article.url,
        "url": article.url,
        "title": article.title,
        "docId": event.doc_id,
        "reportDate": event.reported_date,
        "confidence": event.confidence,
        "coder": event.extractor,
        "language": article.lang or "en",
        **_counts(event),
    }
    return {k: v for k, v in record.items() if v not in (None, [], "")}


def plover_records(events: Sequence[Event], article: Article) -> list[dict[str, Any]]:
    """PLOVER records of an article's events (or a sentence's). A mutual act coded as one
    event per party ("X and Y signed a pact": X with Y, Y with X) becomes one record with
    every party as actor and no recipient, as PLOVER codes reciprocal events."""
    groups: dict[tuple[int, int, str], list[Event]] = {}
    for event in events:
        key = (event.sentence.index, event.trigger.start, event.event)
        groups.setdefault(key, []).append(event)
    out = []
    for group in groups.values():
        if mutual(group):
            out.append(_reciprocal_record(group, article))
        else:
            out.extend(to_plover(e, article) for e in group)
    return out


def mutual(group: Sequence[Event]) -> bool:
    """Events of one trigger whose parties are each other's recipients: a reciprocal act."""
    actors = {m.code for e in group for m in e.actor if m.code}
    recipients = {m.code for e in group for m in e.recipient if m.code}
    return len(group) > 1 and len(actors) > 1 and actors == recipients


def _reciprocal_record(group: Sequence[Event], article: Article) -> dict[str, Any]:
    record = to_plover(group[0], article)
    record["source"] = [_actor(e.actor[0]) for e in group if e.actor]
    record.pop("target", None)
    return record


def vars_of(obj: Any) -> dict[str, Any]:
    """Fields of a slotted dataclass as a dict (dataclasses.asdict without deep copy)."""
    return {name: getattr(obj, name) for name in obj.__slots__}
