"""Fetched answers -> articles, through the ingest stage's web readers.

The reading itself (charset of the HTTP header first, the Content-Type breaking ties of the
sniffed format, trafilatura for pages, the feed reader for feeds) is ``allegiance.ingest``'s;
these adapters only unpack a :class:`~allegiance.watch.fetch.FetchResult`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from allegiance.ingest import ReadOptions, read_page, read_web, web_format
from allegiance.models import Article, ReadProblem
from allegiance.watch.fetch import FetchResult


def content_format(result: FetchResult) -> str:
    """The reader for an answer: its bytes decide, the Content-Type only breaks ties."""
    return web_format(result.content, content_type=result.content_type)


def page_article(
    result: FetchResult,
    *,
    options: ReadOptions,
    fallback_date: dt.date | None = None,
    title: str | None = None,
) -> Article:
    """The article of a fetched HTML page; :class:`SourceError` when it holds none."""
    return read_page(
        result.content,
        url=result.url,
        charset=result.charset,
        options=options,
        fallback_date=fallback_date,
        title=title,
    )


def result_articles(
    result: FetchResult, *, options: ReadOptions
) -> Iterator[Article | ReadProblem]:
    """Every article in an answer (a page gives one, a feed one per entry); never raises."""
    return read_web(
        result.content,
        url=result.url,
        content_type=result.content_type,
        charset=result.charset,
        options=options,
    )
