"""``allegiance fetch URL…`` as a library call: fetch each URL, then ingest like local HTML."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from allegiance.batch import IngestOptions
from allegiance.models import Article, IngestStats, ReadProblem
from allegiance.pipeline import Extractor
from allegiance.store import Store
from allegiance.watch.fetch import Fetcher, FetchError, FetchOptions
from allegiance.watch.incremental import ingest_articles
from allegiance.watch.pages import result_articles

log = logging.getLogger(__name__)


@dataclass(slots=True)
class FetchRun:
    stats: IngestStats
    new_ids: list[str] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)


def fetch_articles(
    urls: Iterable[str], *, fetcher: Fetcher, ingest: IngestOptions
) -> list[Article | ReadProblem]:
    """The articles behind each URL (a page gives one, a feed one per entry), or problems."""
    out: list[Article | ReadProblem] = []
    for url in urls:
        try:
            result = fetcher.get(url)
        except FetchError as exc:
            out.append(ReadProblem(url, exc.message))
            continue
        out.extend(result_articles(result, options=ingest.read))
    return out


def fetch_and_ingest(
    urls: list[str],
    *,
    store: Store,
    extractor: Extractor,
    options: FetchOptions | None = None,
    ingest: IngestOptions | None = None,
) -> FetchRun:
    """Fetch ``urls`` and store their articles (known ids and near-duplicates screened out)."""
    ingest = ingest or IngestOptions()
    with Fetcher(options) as fetcher:
        items = fetch_articles(urls, fetcher=fetcher, ingest=ingest)
    result = ingest_articles(items, store=store, extractor=extractor, options=ingest)
    return FetchRun(stats=result.stats, new_ids=result.new_ids, problems=result.stats.problems)
