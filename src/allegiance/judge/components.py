"""spaCy components of the judge: the relevance gate (first) and the verifier (last).

``allegiance_relevance`` sets ``doc._.relevance`` from the raw text and the article's own
metadata before any parsing; ``allegiance_verifier`` replaces each rule candidate's
confidence with the trained verifier's calibrated probability. Both load their model file
from the package once, when the pipeline is built.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from allegiance.doc import guarded, register_extensions
from allegiance.judge.logistic import LogisticModel, load_model
from allegiance.judge.relevance import article_relevance, text_relevance
from allegiance.judge.restated import without_restatements
from allegiance.judge.verifier import Recurrence, candidate_features, directed_views, verified

RELEVANCE = "allegiance_relevance"
VERIFIER = "allegiance_verifier"
RELEVANCE_FILE = "relevance.json"
VERIFIER_FILE = "verifier.json"


def shipped_model(name: str) -> Path:
    """The path of a model file shipped in the package (``allegiance/data/models``)."""
    return Path(str(files("allegiance") / "data" / "models" / name))


def doc_relevance(doc: Doc, model: LogisticModel) -> float:
    return article_relevance(model, doc.text, url=doc._.url, section=doc._.section)


class RelevanceGate:
    """Doc -> Doc: ``doc._.relevance``, the probability that the article is about politics."""

    def __init__(self, model: LogisticModel) -> None:
        register_extensions()
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        return guarded(doc, self._score, name=RELEVANCE)

    def _score(self, doc: Doc) -> Doc:
        doc._.relevance = doc_relevance(doc, self.model)
        return doc


class Verifier:
    """Doc -> Doc: every event's confidence becomes the verifier's probability; a happening
    named again by its noun gives way to its best-supported telling (``judge.restated``)."""

    def __init__(self, model: LogisticModel, relevance: LogisticModel) -> None:
        register_extensions()
        self.model = model
        self.relevance = relevance

    def __call__(self, doc: Doc) -> Doc:
        return guarded(doc, self._verify, name=VERIFIER)

    def _verify(self, doc: Doc) -> Doc:
        events = doc._.events or []
        if not events:
            return doc
        rel = doc._.relevance
        if rel is None:
            rel = doc_relevance(doc, self.relevance)
        sentence_scores: dict[int, float] = {}
        recurrence = Recurrence.of(events)
        out = []
        for event in events:
            index = event.sentence.index
            if index not in sentence_scores:
                sentence_scores[index] = text_relevance(self.relevance, event.sentence.text)
            views = [
                candidate_features(
                    view,
                    doc,
                    article_relevance=rel,
                    sentence_relevance=sentence_scores[index],
                    recurrence=recurrence,
                )
                for view in directed_views(event)
            ]
            out.append(verified(event, self.model, views))
        doc._.events = without_restatements(out, doc)
        return doc


@Language.factory(RELEVANCE, requires=[], assigns=["doc._.relevance"])
def make_relevance_gate(nlp: Language, name: str) -> RelevanceGate:
    return RelevanceGate(load_model(shipped_model(RELEVANCE_FILE)))


@Language.factory(VERIFIER, requires=["doc._.events"], assigns=["doc._.events"])
def make_verifier(nlp: Language, name: str) -> Verifier:
    relevance = load_model(shipped_model(RELEVANCE_FILE))
    return Verifier(load_model(shipped_model(VERIFIER_FILE)), relevance)
