"""Exports of the store: Parquet tables, event JSON lines, flat CSV."""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from allegiance.models import Article, Event
from allegiance.store import EventFilter, Store

TABLES = ("articles", "sentences", "mentions", "actors", "events")


def export_parquet(store: Store, out_dir: Path) -> list[Path]:
    """One Parquet file per table; returns the files written."""
    return store.export_parquet(out_dir)


def event_records(store: Store, query: EventFilter | None = None) -> Iterator[Event]:
    """The events to export: by default every stored event, duplicates' included."""
    yield from store.events(query or EventFilter(include_duplicates=True))


def write_jsonl(store: Store, out: IO[str], query: EventFilter | None = None) -> int:
    count = 0
    for event in event_records(store, query):
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(store: Store, out: IO[str], query: EventFilter | None = None) -> int:
    writer: csv.DictWriter | None = None
    count = 0
    for event in event_records(store, query):
        row = flatten_event(event.to_dict())
        row["confidence"], row["id"], row["doc_id"] = event.confidence, event.id, event.doc_id
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        count += 1
    return count


def write_plover(store: Store, out: IO[str], query: EventFilter | None = None) -> int:
    """PLOVER JSON lines; article metadata comes from the store."""
    from allegiance.events.plover import plover_records

    articles: dict[str, Article] = {}
    count = 0
    by_sentence = itertools.groupby(
        event_records(store, query), key=lambda e: (e.doc_id, e.sentence.index)
    )
    for (doc_id, _), events in by_sentence:
        if doc_id not in articles:
            articles[doc_id] = _article(store, doc_id)
        for item in plover_records(list(events), articles[doc_id]):
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
            count += 1
    return count


def _article(store: Store, doc_id: str) -> Article:
    article = store.article(doc_id)
    if article is None:  # the store writes events with their article, so never
        raise LookupError(f"no stored article {doc_id!r} for its events")
    return article


def flatten_event(event: dict[str, Any]) -> dict[str, Any]:
    """One line per event for tables and CSV: the fields an analyst scans first."""
    amount = event.get("amount") or {}
    place = event.get("location") or {}
    said = event.get("attributed_to") or {}
    return {
        "event": event.get("event"),
        "mode": event.get("mode"),
        "actor": _codes(event.get("actor") or ()),
        "recipient": "(each other)"
        if event.get("mutual")
        else _codes(event.get("recipient") or ()),
        "factuality": event.get("factuality"),
        "said_by": said.get("code") or said.get("text"),
        "amount_usd": amount.get("usd"),
        "location": place.get("name"),
        "date": event.get("event_date") or event.get("reported_date"),
        "trigger": (event.get("trigger") or {}).get("text"),
        "sentence": (event.get("sentence") or {}).get("text"),
    }


def _codes(mentions: Iterable[dict[str, Any]]) -> str:
    return ",".join(m.get("code") or f"?{m.get('text')}" for m in mentions)
