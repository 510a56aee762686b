"""Article -> Extraction: the one extraction function behind extract, ingest and the Ray job."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from allegiance.models import Actor, Article, Extraction, Sentence
from allegiance.nlp import build_nlp, sentence_record
from allegiance.settings import Settings

log = logging.getLogger(__name__)


class Extractor:
    """Holds one loaded pipeline; turns articles into extractions in batches."""

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None) -> None:
        self.settings = settings or Settings()
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        """The pipeline, loaded on first use (a parallel run never loads it in the parent)."""
        if self._nlp is None:
            self._nlp = build_nlp(self.settings)
        return self._nlp

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Stream extractions in input order; memory stays flat for any corpus size."""
        if self.settings.workers > 1:
            from allegiance.parallel import extract_parallel

            return extract_parallel(articles, settings=self.settings, workers=self.settings.workers)
        return self.extract_serial(articles)

    def extract_serial(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extraction in this process, batched through ``nlp.pipe``."""
        pairs = ((self._make_doc(a), a) for a in articles)
        docs = self.nlp.pipe(pairs, as_tuples=True, batch_size=self.settings.batch_size)
        for doc, article in docs:
            yield extraction_from_doc(doc, article)

    def actor_record(self, code: str) -> Actor | None:
        """The knowledge-base record of an actor code (for the store's actors table)."""
        from allegiance.actors import load_kb

        return load_kb(self.settings).get(code)

    def extract_one(self, article: Article) -> Extraction:
        return next(self.extract([article]))

    def _make_doc(self, article: Article) -> Doc:
        text = article.text
        if len(text) > self.settings.max_chars:
            log.warning("%s: text cut to %d characters", article.id, self.settings.max_chars)
            text = text[: self.settings.max_chars]
        if len(text) >= self.nlp.max_length:
            self.nlp.max_length = len(text) + 1
        doc = self.nlp.make_doc(text)
        doc._.article_id = article.id
        doc._.published = article.published
        return doc


def sentences_of(doc: Doc) -> tuple[Sentence, ...]:
    return tuple(sentence_record(i, s) for i, s in enumerate(doc.sents))


def extraction_from_doc(doc: Doc, article: Article) -> Extraction:
    return Extraction(
        article=article,
        sentences=sentences_of(doc),
        mentions=tuple(doc._.mentions or ()),
        events=tuple(doc._.events or ()),
    )
