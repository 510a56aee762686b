"""Judge: which rule candidates are events. The relevance gate (is this article, this
sentence, about politics at all?) and the trained verifier (is this candidate right?).

Both are small logistic models shipped as JSON files in ``allegiance/data/models`` and trained
by ``make train`` (``scripts/train_models.py``); ``confidence`` on every event is the
verifier's calibrated probability.
"""

from __future__ import annotations

from spacy.language import Language

from allegiance.judge.components import RELEVANCE, VERIFIER

__all__ = ["RELEVANCE", "VERIFIER", "add_relevance", "add_verifier"]


def add_relevance(nlp: Language) -> None:
    """The relevance gate, first in the pipeline (it reads the raw text only)."""
    if RELEVANCE not in nlp.pipe_names:
        nlp.add_pipe(RELEVANCE, first=True)


def add_verifier(nlp: Language) -> None:
    """The verifier, last: after the event rules have proposed their candidates."""
    if VERIFIER not in nlp.pipe_names:
        nlp.add_pipe(VERIFIER, last=True)
