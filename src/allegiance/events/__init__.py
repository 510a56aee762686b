"""Events: PLOVER coding over the dependency parse (see issue 4)."""

from __future__ import annotations

from spacy.language import Language

from allegiance.settings import Settings


def add_to_pipeline(nlp: Language, settings: Settings) -> None:
    """Add the event extractor to ``nlp``. Filled in by the events work."""
