"""Actors: knowledge base and resolution of mentions (see issue 3)."""

from __future__ import annotations

from spacy.language import Language

from allegiance.settings import Settings


def add_to_pipeline(nlp: Language, settings: Settings) -> None:
    """Add the entity ruler and the resolver to ``nlp``. Filled in by the actors work."""
