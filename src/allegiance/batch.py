"""Ingest: sources -> articles -> (dedup) -> extraction -> store, in committed batches.

Each batch is one transaction, so a killed run leaves the store consistent; the next run
skips what was committed (stable article ids) and does the rest. The Ray path extracts
elsewhere and hands finished extractions to ``store_extractions``, which screens them the
same way, so both paths store the same thing.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from allegiance.ingest import NearDuplicateIndex, ReadOptions, is_english, read_sources, signature
from allegiance.models import (
    Actor,
    Article,
    ArticleSentences,
    Extraction,
    IngestStats,
    ReadProblem,
)
from allegiance.pipeline import Extractor
from allegiance.store import Store, StoredArticle

log = logging.getLogger(__name__)

# Per-document bound on extraction time: longer texts are cut (with a warning) before spaCy.
# Measured (docs/reliability.md): ~1,000 words/s on event-dense prose, ~5,000 words/s on
# unpunctuated text; 100,000 characters (~16k words) take at most ~17 s on one core. Applied
# when ``Settings.max_chars`` is larger (its default, 2,000,000, would take many minutes).

ProgressCallback = Callable[[IngestStats], None]
ActorLookup = Callable[[str], Actor | None]


@dataclass(frozen=True, slots=True)
class IngestOptions:
    commit_every: int = 32  # articles per transaction
    force: bool = False  # re-extract articles already stored
    near_duplicates: bool = True  # store syndicated copies as duplicates (not re-counted)
    read: ReadOptions = field(default_factory=ReadOptions)
    # False: the DuckDB file is open only while a batch is committed (extraction runs with it
    # closed), so a server in another process can read between batches. True keeps it open
    # (a server ingesting through its own connection).
    hold_store: bool = False


class _BatchWriter:
    def __init__(
        self, store: Store, stats: IngestStats, *, size: int, actor_lookup: ActorLookup | None
    ) -> None:
        self.store, self.stats, self.size = store, stats, size
        self.pending: list[StoredArticle] = []
        self.actor_lookup = actor_lookup

    def add(self, item: StoredArticle) -> None:
        self._count(item.extraction)
        self.pending.append(item)
        if len(self.pending) >= self.size:
            self.flush()

    def _count(self, extraction: Extraction) -> None:
        if extraction.article.duplicate_of:
            return
        parsed, skipped = extraction.sentences_parsed, extraction.sentences_skipped
        self.stats.sentences_parsed += parsed
        self.stats.sentences_skipped += skipped
        self.stats.articles.append(ArticleSentences(extraction.article.id, parsed, skipped))

    def flush(self) -> None:
        if not self.pending:
            return
        with self.store.borrowed() as store:
            store.write(self.pending, actors=self._actors())
        self.stats.stored += len(self.pending)
        self.stats.events += sum(len(i.extraction.events) for i in self.pending)
        self.pending = []

    def _actors(self) -> list[Actor]:
        """Knowledge-base records of the actor codes in this batch, for the actors table."""
        if self.actor_lookup is None:
            return []
        codes = {m.code for i in self.pending for m in i.extraction.mentions if m.code}
        return [a for code in sorted(codes) if (a := self.actor_lookup(code)) is not None]


class _Screen:
    """Per article: skip (seen, stored, not English), store as a near-duplicate, or keep."""

    def __init__(self, store: Store, writer: _BatchWriter, options: IngestOptions) -> None:
        self.store, self.writer = store, writer
        self.force, self.near_duplicates = options.force, options.near_duplicates
        self.stats = writer.stats
        self.index = NearDuplicateIndex()
        for article_id, sig in store.signatures():
            self.index.add(article_id, sig)
        self.stored: set[str] = set() if self.force else store.all_ids()
        self.seen: set[str] = set()

    def problem(self, item: ReadProblem) -> None:
        self.stats.problems.append(item)
        log.debug("skipped %s", item)  # the caller reports problems (stats.problems)

    def keep(self, article: Article, sig: bytes) -> bool:
        """True when the article is new and original; duplicates are written here."""
        self.stats.read += 1
        if not self._new_english(article):
            return False
        original = self.index.find(sig) if self.near_duplicates else None
        if original and original != article.id:
            self.stats.duplicates += 1
            duplicate = dataclasses.replace(article, duplicate_of=original)
            self.writer.add(StoredArticle(Extraction(article=duplicate), minhash=sig))
            return False
        self.index.add(article.id, sig)
        return True

    def _new_english(self, article: Article) -> bool:
        if article.id in self.seen or article.id in self.stored:
            self.stats.unchanged += 1
            return False
        self.seen.add(article.id)
        if not is_english(article):
            self.stats.skipped_language += 1
            log.info("%s: language %s, skipped", article.source or article.id, article.lang)
            return False
        return True


def _start(store: Store, options: IngestOptions, actor_lookup: ActorLookup | None):
    stats = IngestStats()
    writer = _BatchWriter(store, stats, size=options.commit_every, actor_lookup=actor_lookup)
    with store.borrowed() as opened:
        screen = _Screen(opened, writer, options)
    return stats, writer, screen


@contextmanager
def _file_released(store: Store, options: IngestOptions) -> Iterator[None]:
    """Unless ``hold_store``: close the file for the run (batches reopen it), reopen after."""
    if options.hold_store or not store.held or store.read_only:
        yield
        return
    store.release()
    try:
        yield
    finally:
        store.acquire()


def ingest(
    paths: Iterable[str | Path],
    *,
    store: Store,
    extractor: Extractor,
    options: IngestOptions | None = None,
    on_progress: ProgressCallback | None = None,
) -> IngestStats:
    """Read, deduplicate, extract and store; returns the counts of the run."""
    options = options or IngestOptions()
    items = read_sources(paths, options=options.read)
    return ingest_articles(
        items, store=store, extractor=extractor, options=options, on_progress=on_progress
    )


def ingest_articles(
    items: Iterable[Article | ReadProblem],
    *,
    store: Store,
    extractor: Extractor,
    options: IngestOptions | None = None,
    on_progress: ProgressCallback | None = None,
) -> IngestStats:
    """Deduplicate, extract and store articles already read (files, HTTP, an API request)."""
    options = options or IngestOptions()
    with _file_released(store, options):
        return _ingest_articles(items, store, extractor, options, on_progress)


def _ingest_articles(
    items: Iterable[Article | ReadProblem],
    store: Store,
    extractor: Extractor,
    options: IngestOptions,
    on_progress: ProgressCallback | None,
) -> IngestStats:
    stats, writer, screen = _start(store, options, extractor.actor_record)
    signatures: dict[str, bytes] = {}

    def to_extract() -> Iterator[Article]:
        for item in items:
            if isinstance(item, ReadProblem):
                screen.problem(item)
                continue
            sig = signature(item.text)
            if screen.keep(item, sig):
                signatures[item.id] = sig
                yield item

    for extraction in extractor.extract(to_extract()):
        _store(extraction, signatures.pop(extraction.article.id), screen, writer)
        if on_progress:
            on_progress(stats)
    writer.flush()
    return stats


def _store(extraction: Extraction, sig: bytes, screen: _Screen, writer: _BatchWriter) -> None:
    """Store a kept article's extraction; one a component failed on is reported instead and
    not stored, so that a later run tries it again."""
    problem = extraction.problem()
    if problem is not None:
        screen.problem(problem)
    else:
        writer.add(StoredArticle(extraction, minhash=sig))


def store_extractions(
    items: Iterable[tuple[Extraction, bytes] | ReadProblem],
    *,
    store: Store,
    options: IngestOptions | None = None,
    actor_lookup: ActorLookup | None = None,
) -> IngestStats:
    """Store extractions made elsewhere (the Ray job), screened exactly as ``ingest`` does."""
    options = options or IngestOptions()
    stats, writer, screen = _start(store, options, actor_lookup)
    for item in items:
        if isinstance(item, ReadProblem):
            screen.problem(item)
        elif screen.keep(item[0].article, item[1]):
            _store(item[0], item[1], screen, writer)
    writer.flush()
    return stats
