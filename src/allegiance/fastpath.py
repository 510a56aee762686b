"""Parse only what can hold an event.

Per article, before the tagger, parser and NER: the relevance gate; a split into sentences by
punctuation and line breaks; and the trigger check of :mod:`allegiance.triage`. Runs of
sentences that pass go through the statistical components (batched across articles, like
``nlp.pipe``); the rest are only tokenized and tagged with knowledge-base names (a phrase
matcher, cheap), so pronouns and titles later in the article still find their antecedents.
The runs are joined back into one ``Doc`` with the article's exact text, so character offsets
are unchanged, and the actor resolver, event rules and verifier run on it as on a fully
parsed doc. ``Settings.full_parse`` turns all this off.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import ENT_IOB, HEAD, NORM, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from allegiance import actors, judge, triage
from allegiance.doc import EXTENSIONS
from allegiance.events.lexicon import default_lexicon

log = logging.getLogger(__name__)

# An article the relevance gate scores below this is not parsed at all. Measured on the VOA
# stories (every story with a gold event scores >= 0.26) and our non-political articles
# (docs/performance.md); the verifier gives events in such articles low confidence anyway.
IRRELEVANT_BELOW = 0.1


# Tokens of the neighbouring text given to each parsed run on either side, so the run's own
# tokens get the vectors they would get in the whole article: the model's token encoder sees
# four tokens to each side (en_core_web_sm: window 1, depth 4). Kept out of the result.
CONTEXT_TOKENS = 4


@dataclass(frozen=True, slots=True)
class Part:
    """One run as a doc: ``doc[lo:hi]`` is the run; around it, context tokens when parsed."""

    doc: Doc
    lo: int
    hi: int


@dataclass(frozen=True, slots=True)
class Planned:
    """An article cut into runs, tokenized once."""

    doc: Doc  # the article, tokenized, with its metadata on doc._
    chunks: list[triage.Chunk]
    parts: list[Part]
    context: Any = None  # what the caller passed along with the doc (its article)


def fast_path_for(nlp: Language, *, articles_per_batch: int = 8) -> FastPath | None:
    """The fast path over ``nlp``, or None when its lemmatizer cannot tell the word forms of
    our triggers (then everything is parsed)."""
    inflections = triage.model_inflections(nlp)
    if inflections is None:
        log.info("model has no lemmatizer tables: every sentence is parsed (no fast path)")
        return None
    return FastPath(nlp, inflections=inflections, articles_per_batch=articles_per_batch)


class FastPath:
    """Turns article docs into finished docs, parsing only the sentences that can hold an
    event."""

    def __init__(
        self,
        nlp: Language,
        *,
        inflections: triage.Inflections,
        articles_per_batch: int = 8,
        runs_per_batch: int = 64,
    ) -> None:
        self.nlp = nlp
        self.articles_per_batch = max(1, articles_per_batch)
        self.runs_per_batch = runs_per_batch
        self.words = triage.trigger_words(default_lexicon(), inflections)
        names = nlp.pipe_names
        last = names.index(actors.RESOLVER) if actors.RESOLVER in names else len(names)
        self.gate = nlp.get_pipe(judge.RELEVANCE) if judge.RELEVANCE in names else None
        self.late = [nlp.get_pipe(n) for n in names[last:]]
        self.early_off = [n for n in names if n == judge.RELEVANCE or names.index(n) >= last]
        self.ruler = nlp.get_pipe(actors.RULER) if actors.RULER in names else None

    def pipe(self, items: Iterable[tuple[Doc, Any]]) -> Iterator[tuple[Doc, Any]]:
        """(finished doc, context) in input order, from (the article's tokenized doc with its
        metadata on ``doc._``, context). Nothing of the input doc but its tokens and metadata
        is used; the finished doc is a new one."""
        batch: list[Planned] = []
        for doc, context in items:
            batch.append(self.plan(doc, context))
            if len(batch) >= self.articles_per_batch:
                yield from self._finish(batch)
                batch = []
        yield from self._finish(batch)

    def plan(self, doc: Doc, context: Any = None) -> Planned:
        """Gate and cut one article; the runs to parse are not parsed yet."""
        relevant = True
        if self.gate is not None:
            doc = self.gate(doc)
            relevant = (doc._.relevance or 0.0) >= IRRELEVANT_BELOW
        chunks = triage.plan_chunks(doc.text, self.words, relevant=relevant)
        return Planned(doc, chunks, cut(doc, chunks), context)

    def _finish(self, batch: list[Planned]) -> Iterator[tuple[Doc, Any]]:
        if not batch:
            return
        pairs = [(c, p) for item in batch for c, p in zip(item.chunks, item.parts, strict=True)]
        to_parse = [p.doc for c, p in pairs if c.parse]
        parsed = self.nlp.pipe(to_parse, disable=self.early_off, batch_size=self.runs_per_batch)
        done = iter(list(parsed))
        for item in batch:
            parts = [
                dataclasses.replace(p, doc=next(done)) if c.parse else self._skipped(c, p)
                for c, p in zip(item.chunks, item.parts, strict=True)
            ]
            yield self._joined(item, parts), item.context

    def _skipped(self, chunk: triage.Chunk, part: Part) -> Part:
        """A run left unparsed: its sentence starts, and the knowledge base's names in it."""
        doc = flat_sentences(part.doc, [o - chunk.start for o in chunk.sentences])
        return dataclasses.replace(part, doc=self.ruler(doc) if self.ruler is not None else doc)

    def _joined(self, item: Planned, parts: list[Part]) -> Doc:
        joined = join(parts) if parts else self.nlp.make_doc(item.doc.text)
        for name in EXTENSIONS:
            setattr(joined._, name, getattr(item.doc._, name))
        joined._.sentences_skipped = sum(len(c.sentences) for c in item.chunks if not c.parse)
        for component in self.late:
            joined = component(joined)
        return joined


def flat_sentences(doc: Doc, offsets: list[int]) -> Doc:
    """Sentences of an unparsed doc, starting at the tokens at (or first after) these
    offsets, as flat trees: each token hangs from its sentence's first token with the
    unclassified label ``dep``. A doc joined with parsed pieces keeps its sentences only if it
    has heads (spaCy takes sentence starts from the heads)."""
    if not len(doc):
        return doc
    at = numpy.searchsorted(doc.to_array("IDX").astype("int64"), offsets)
    starts = numpy.zeros(len(doc), dtype="bool")
    starts[at[at < len(doc)]] = True
    starts[0] = True
    first = numpy.maximum.accumulate(numpy.where(starts, numpy.arange(len(doc)), 0))
    heads = (first - numpy.arange(len(doc))).astype("int64")
    strings = doc.vocab.strings
    deps = numpy.where(starts, strings.add("ROOT"), strings.add("dep")).astype("uint64")
    doc.from_array(["HEAD", "DEP"], numpy.stack([heads.astype("uint64"), deps], axis=1))  # type: ignore[arg-type]
    return doc


def cut(whole: Doc, chunks: list[triage.Chunk]) -> list[Part]:
    """The article's tokens as one doc per run; a run to parse gets ``CONTEXT_TOKENS`` of
    its neighbours on each side, with sentence starts forced where the run begins and ends."""
    ids = whole.to_array([ORTH, SPACY, NORM])
    at = numpy.searchsorted(whole.to_array("IDX").astype("int64"), [c.start for c in chunks])
    bounds = [*(int(a) for a in at), len(whole)]
    parts = []
    for n, chunk in enumerate(chunks):
        start, end = bounds[n], bounds[n + 1]
        pad = CONTEXT_TOKENS if chunk.parse else 0
        lo, hi = max(0, start - pad), min(len(whole), end + pad)
        doc = _doc_of(whole.vocab, ids[lo:hi])
        for i in (start - lo, end - lo):
            if 0 < i < len(doc):
                doc[i].is_sent_start = True
        parts.append(Part(doc, start - lo, end - lo))
    return parts


def _doc_of(vocab: Any, ids: numpy.ndarray) -> Doc:
    """A doc of these tokens, with the norms the tokenizer gave them ("n't" -> "not")."""
    doc = _bare_doc(vocab, ids[:, 0], ids[:, 1])
    doc.from_array([NORM], ids[:, 2:3].copy())  # type: ignore[arg-type]
    return doc


def _bare_doc(vocab: Any, orth: numpy.ndarray, spacy: numpy.ndarray) -> Doc:
    """A doc of the words with these string ids, each followed by a space where ``spacy``."""
    words = [vocab.strings[int(h)] for h in orth]
    return Doc(vocab, words=words, spaces=[bool(x) for x in spacy])


def join(parts: list[Part]) -> Doc:
    """One doc from consecutive runs of a text, with each run's annotation (the array form
    of ``Doc.from_docs``: no token objects are made)."""
    if len(parts) == 1 and parts[0].lo == 0 and parts[0].hi == len(parts[0].doc):
        return parts[0].doc
    vocab = parts[0].doc.vocab
    attrs = list(Doc._get_array_attrs())
    array = numpy.concatenate([_run_array(p, attrs) for p in parts])
    doc = _bare_doc(vocab, array[:, attrs.index(ORTH)], array[:, attrs.index(SPACY)])
    doc.from_array(attrs, array)  # type: ignore[arg-type]
    return doc


def _run_array(part: Part, attrs: list[int]) -> numpy.ndarray:
    """The run's rows of its doc's annotation. Arcs do not leave the run (its ends are
    sentence starts); an entity cut by its start begins there."""
    array = part.doc.to_array(list[int | str](attrs))[part.lo : part.hi].copy()
    if len(array):
        iob = attrs.index(ENT_IOB)
        if array[0, iob] == 1:  # I: inside an entity that began in the context
            array[0, iob] = 3
        heads = array[:, attrs.index(HEAD)].astype("int64")
        target = numpy.arange(len(array)) + heads
        outside = (target < 0) | (target >= len(array))
        if outside.any():
            log.debug("%d arcs leave a parsed run; made roots", int(outside.sum()))
            array[outside, attrs.index(HEAD)] = 0
    return array
