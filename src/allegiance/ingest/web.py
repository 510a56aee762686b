"""Bytes fetched over HTTP -> an article: HTML pages with the charset of the HTTP header first.

HTML goes through the same trafilatura extraction as local HTML files; the only difference is
that a charset named by the server wins over a ``<meta>`` declaration (HTTP's precedence), as
long as the bytes decode with it. The callers (the watcher, ``allegiance fetch``) do the
fetching; this module only reads what they got (``allegiance.ingest.read_web`` reads any
answer, a page or a feed).
"""

from __future__ import annotations

import datetime as dt

from allegiance.errors import SourceError
from allegiance.ingest.build import Meta, make_article
from allegiance.ingest.dates import parse_date
from allegiance.ingest.decode import declared_charset, decode_bytes
from allegiance.ingest.files import sniff_format
from allegiance.ingest.html import extract
from allegiance.ingest.options import ReadOptions
from allegiance.models import Article

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/xml", "text/xml"}
)


def web_format(data: bytes, *, content_type: str | None) -> str:
    """The reader for an answer: its bytes decide, the Content-Type only breaks ties."""
    sniffed = sniff_format(data)
    if sniffed in ("html", "feed"):
        return sniffed
    if content_type in _HTML_TYPES and sniffed in ("text", "xml"):
        return "html"
    if content_type in _FEED_TYPES and sniffed == "xml":
        return "xml"
    return sniffed


def read_page(
    data: bytes,
    *,
    url: str,
    charset: str | None,
    options: ReadOptions,
    fallback_date: dt.date | None = None,
    title: str | None = None,
) -> Article:
    """The article of a fetched HTML page; :class:`SourceError` when it holds none.

    ``charset`` is the one the server named; ``fallback_date`` and ``title`` (a feed entry's)
    are used when the page has none.
    """
    text = decode_bytes(data, source=url, declared=charset or declared_charset(data))
    doc = extract(text, url=url)
    if doc is None or not (doc.get("text") or "").strip():
        raise SourceError(url, "no article text found in the HTML")
    meta = Meta(
        title=doc.get("title") or title,
        url=url,
        published=parse_date(doc.get("date")) or fallback_date,
        author=doc.get("author"),
    )
    return make_article(doc["text"], meta, source=url, options=options)
