"""Fetched bytes -> articles: HTML pages (charset from the HTTP header first), feeds, the rest.

HTML goes through the same trafilatura extraction as local HTML files; the only difference is
that a charset named by the server wins over a ``<meta>`` declaration (HTTP's precedence),
as long as the bytes decode with it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator

from allegiance.errors import SourceError
from allegiance.ingest import ReadOptions, read_bytes
from allegiance.ingest.build import Meta, make_article
from allegiance.ingest.dates import parse_date
from allegiance.ingest.decode import declared_charset, decode_bytes
from allegiance.ingest.files import sniff_format
from allegiance.ingest.html import extract
from allegiance.models import Article, ReadProblem
from allegiance.watch.fetch import FetchResult

log = logging.getLogger(__name__)

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/xml", "text/xml"}
)


def content_format(result: FetchResult) -> str:
    """The reader for an answer: its bytes decide, the Content-Type only breaks ties."""
    sniffed = sniff_format(result.content)
    if sniffed in ("html", "feed"):
        return sniffed
    if result.content_type in _HTML_TYPES and sniffed in ("text", "xml"):
        return "html"
    if result.content_type in _FEED_TYPES and sniffed == "xml":
        return "xml"
    return sniffed


def page_article(
    result: FetchResult,
    *,
    options: ReadOptions,
    fallback_date: dt.date | None = None,
    title: str | None = None,
) -> Article:
    """The article of a fetched HTML page; :class:`SourceError` when it holds none."""
    text = _decode(result)
    doc = extract(text, url=result.url)
    if doc is None or not (doc.get("text") or "").strip():
        raise SourceError(result.url, "no article text found in the HTML")
    meta = Meta(
        title=doc.get("title") or title,
        url=result.url,
        published=parse_date(doc.get("date")) or fallback_date,
        author=doc.get("author"),
    )
    return make_article(doc["text"], meta, source=result.url, options=options)


def result_articles(
    result: FetchResult, *, options: ReadOptions
) -> Iterator[Article | ReadProblem]:
    """Every article in an answer (a page gives one, a feed one per entry); never raises."""
    try:
        fmt = content_format(result)
        if fmt == "html":
            yield page_article(result, options=options)
        else:
            yield from read_bytes(result.content, source=result.url, options=options, fmt=fmt)
    except SourceError as exc:
        yield ReadProblem(exc.source, exc.message, exc.line)
    except Exception as exc:  # a library failing on odd input must not stop the other URLs
        log.debug("%s: unexpected error", result.url, exc_info=True)
        yield ReadProblem(result.url, f"could not read ({type(exc).__name__})")


def _decode(result: FetchResult) -> str:
    declared = result.charset or declared_charset(result.content)
    return decode_bytes(result.content, source=result.url, declared=declared)
