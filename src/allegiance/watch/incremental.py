"""Articles already in memory (fetched pages, feed entries) -> the store, screened like ``ingest``.

Known ids are dropped before extraction (spaCy never runs on what the store has); the rest goes
through :func:`allegiance.batch.store_extractions`, which applies the same screening as the batch
ingest (seen ids, language, near-duplicates) and writes in committed batches.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from allegiance.batch import IngestOptions, store_extractions
from allegiance.ingest import signature
from allegiance.models import Article, Extraction, IngestStats, ReadProblem
from allegiance.pipeline import Extractor
from allegiance.store import Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IncrementalResult:
    """Counts of the run plus the ids of the articles it stored as originals."""

    stats: IngestStats
    new_ids: list[str] = field(default_factory=list)


def ingest_articles(
    items: Iterable[Article | ReadProblem],
    *,
    store: Store,
    extractor: Extractor,
    options: IngestOptions | None = None,
) -> IncrementalResult:
    """Extract and store the new articles among ``items``; problems are counted, not raised."""
    options = options or IngestOptions()
    problems: list[ReadProblem] = []
    fresh, known = _unknown(items, store=store, problems=problems, force=options.force)
    pairs: list[tuple[Extraction, bytes] | ReadProblem] = list(problems)
    if fresh:
        for extraction in extractor.extract(fresh):
            pairs.append((extraction, signature(extraction.article.text)))
    stats = store_extractions(
        pairs, store=store, options=options, actor_lookup=extractor.actor_record
    )
    stats.read += known
    stats.unchanged += known
    stored = store.known_ids([a.id for a in fresh])
    new_ids = [a.id for a in fresh if a.id in stored and not _is_duplicate(store, a.id)]
    return IncrementalResult(stats=stats, new_ids=new_ids)


def _unknown(
    items: Iterable[Article | ReadProblem],
    *,
    store: Store,
    problems: list[ReadProblem],
    force: bool,
) -> tuple[list[Article], int]:
    """The articles whose ids the store does not hold, and how many it does hold."""
    articles: dict[str, Article] = {}
    for item in items:
        if isinstance(item, ReadProblem):
            problems.append(item)
        else:
            articles.setdefault(item.id, item)
    known = set() if force else store.known_ids(articles)
    return [a for article_id, a in articles.items() if article_id not in known], len(known)


def _is_duplicate(store: Store, article_id: str) -> bool:
    return bool(store.duplicate_of(article_id))
