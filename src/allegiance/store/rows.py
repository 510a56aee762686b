"""Flatten typed records into table rows (column name -> value) for the store."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from allegiance.models import Article, Event, Extraction, Mention


def article_row(article: Article, minhash: bytes | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "source": article.source,
        "lang": article.lang,
        "author": article.author,
        "text": article.text,
        "duplicate_of": article.duplicate_of,
        "minhash": minhash,
    }


def sentence_rows(extraction: Extraction) -> list[dict[str, Any]]:
    doc_id = extraction.article.id
    return [
        {
            "article_id": doc_id,
            "idx": s.index,
            "start_char": s.start,
            "end_char": s.end,
            "text": s.text,
        }
        for s in extraction.sentences
    ]


def mention_rows(extraction: Extraction) -> list[dict[str, Any]]:
    doc_id = extraction.article.id
    seen: set[tuple[int, int]] = set()
    rows = []
    for m in extraction.mentions:
        if (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        rows.append(
            {
                "article_id": doc_id,
                "start_char": m.start,
                "end_char": m.end,
                "text": m.text,
                "code": m.code,
                "sector": m.sector,
                "wikidata": m.wikidata,
                "kind": m.kind,
                "person": m.person,
                "role": m.role,
                "sentence_idx": m.sentence_index,
            }
        )
    return rows


def _first(mentions: tuple[Mention, ...], attr: str) -> str | None:
    for m in mentions:
        value = getattr(m, attr)
        if value:
            return str(value)
    return None


def _codes(mentions: tuple[Mention, ...]) -> list[str]:
    return [m.code for m in mentions if m.code]


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def event_row(event: Event, published: Any) -> dict[str, Any]:
    amount, place = event.amount, event.location
    return {
        "id": event.id,
        "article_id": event.doc_id,
        "event": event.event,
        "mode": event.mode,
        "quad": event.quad,
        "actor_code": _first(event.actor, "code"),
        "actor_sector": _first(event.actor, "sector"),
        "recipient_code": _first(event.recipient, "code"),
        "recipient_sector": _first(event.recipient, "sector"),
        "actor_codes": _codes(event.actor),
        "recipient_codes": _codes(event.recipient),
        "factuality": event.factuality,
        "attributed_code": event.attributed_to.code if event.attributed_to else None,
        "amount_usd": amount.usd if amount else None,
        "amount_kind": amount.kind if amount else None,
        "location_name": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "event_date": event.event_date,
        "reported_date": _date(event.reported_date) or published,
        "sentence_idx": event.sentence.index,
        "confidence": event.confidence,
        "record": json.dumps(event.to_dict(), ensure_ascii=False),
        "mutual": event.mutual,
    }
