"""HTML pages: trafilatura finds the main text, title, date and author (no network)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from allegiance.errors import SourceError
from allegiance.ingest.build import Meta, make_article
from allegiance.ingest.dates import parse_date
from allegiance.ingest.decode import declared_charset, decode_bytes
from allegiance.ingest.options import Items, ReadOptions
from allegiance.models import Article


def read_html(data: bytes, *, source: str, options: ReadOptions) -> Items:
    """One article from an HTML page."""
    yield html_article(data, source=source, options=options)


def html_article(
    data: bytes,
    *,
    source: str,
    options: ReadOptions,
    url: str | None = None,
    charset: str | None = None,
    fallback_date: dt.date | None = None,
) -> Article:
    """The article in an HTML page; :class:`SourceError` when the page holds none.

    ``url``, ``charset`` and ``fallback_date`` come from outside the page (a WARC record): the
    URL wins over the page's own, the page's date wins over ``fallback_date``.
    """
    text = decode_bytes(data, source=source, declared=declared_charset(data) or charset)
    doc = extract(text, url=url)
    if doc is None or not (doc.get("text") or "").strip():
        raise SourceError(source, "no article text found in the HTML")
    meta = Meta(
        title=doc.get("title"),
        url=url or doc.get("url"),
        published=parse_date(doc.get("date")) or fallback_date,
        author=doc.get("author"),
    )
    return make_article(doc["text"], meta, source=source, options=options)


def extract(html: str, *, url: str | None = None) -> dict[str, Any] | None:
    """trafilatura's main-text extraction, favouring precision; None when nothing is found."""
    import trafilatura
    from trafilatura.settings import set_date_params

    # No extensive date search: it turns a footer's "Copyright 2024" into 2024-01-01.
    document = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        date_extraction_params=set_date_params(extensive=False),
    )
    if document is None:
        return None
    return document if isinstance(document, dict) else dict(document.as_dict())
