"""RSS and Atom feeds via feedparser: each entry is an article (content, else summary)."""

from __future__ import annotations

from typing import Any

from allegiance.errors import SourceError
from allegiance.ingest.build import Meta, make_article
from allegiance.ingest.clean import html_fragment_to_text
from allegiance.ingest.dates import parse_date
from allegiance.ingest.options import Items, ReadOptions
from allegiance.models import Article, ReadProblem


def read_feed(data: bytes, *, source: str, options: ReadOptions) -> Items:
    """Articles of an RSS/Atom document (given as bytes: feedparser never fetches then)."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception") if parsed.get("bozo") else "no entries"
        yield ReadProblem(source, f"not a readable RSS/Atom feed ({_short(reason)})")
        return
    for number, entry in enumerate(entries, start=1):
        try:
            yield entry_article(entry, source=f"{source}#{number}", options=options)
        except SourceError as exc:
            yield ReadProblem(source, f"entry {number}: {exc.message}")


def entry_article(entry: Any, *, source: str, options: ReadOptions) -> Article:
    contents = entry.get("content") or []
    html = contents[0].get("value", "") if contents else entry.get("summary", "")
    meta = Meta(
        id=entry.get("id"),
        title=html_fragment_to_text(entry.get("title") or "") or None,
        url=entry.get("link"),
        published=_entry_date(entry),
        author=entry.get("author"),
    )
    return make_article(html_fragment_to_text(html or ""), meta, source=source, options=options)


def _entry_date(entry: Any) -> Any:
    """The date as written (feedparser's *_parsed fields are shifted to UTC)."""
    for key in ("published", "updated", "created"):
        date = parse_date(entry.get(key))
        if date is not None:
            return date
    return parse_date(entry.get("published_parsed") or entry.get("updated_parsed"))


def _short(reason: object) -> str:
    return " ".join(str(reason).split())[:160]
