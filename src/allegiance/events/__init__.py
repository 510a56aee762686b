"""Events: PLOVER coding over the dependency parse (see issue 4).

``add_to_pipeline`` adds the ``allegiance_events`` component after the actor resolver; it
sets ``doc._.events`` (``list[Event]``) from the parse and ``doc._.mentions``.
"""

from __future__ import annotations

import functools
import logging
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from allegiance.actors import fallback_mentions, with_unresolved
from allegiance.actors.lexicon import load_lexicon as load_actor_lexicon
from allegiance.actors.loader import load_knowledge_base
from allegiance.doc import guarded, register_extensions
from allegiance.errors import AllegianceError
from allegiance.events.extract import EXTRACTOR, build_matchers, extract_events
from allegiance.events.lexicon import default_lexicon
from allegiance.events.noun_phrases import STATE_KINDS
from allegiance.events.places import country_of
from allegiance.events.stance import SpeaksFor
from allegiance.settings import Settings

log = logging.getLogger(__name__)

COMPONENT = "allegiance_events"

__all__ = ["COMPONENT", "EXTRACTOR", "EventExtractor", "add_to_pipeline", "extract_events"]


class EventExtractor:
    """spaCy component: parse + mentions -> ``doc._.events``."""

    def __init__(self, vocab: Vocab, *, actors_files: tuple[str, ...] = ()) -> None:
        register_extensions()
        self.lexicon = default_lexicon()
        self.matchers = build_matchers(vocab, self.lexicon)
        self.speaks_for = _speaks_for(actors_files)
        self.name_words = load_actor_lexicon().named_after_a_seat

    def __call__(self, doc: Doc) -> Doc:
        return guarded(doc, self._extract, name=COMPONENT)

    def _extract(self, doc: Doc) -> Doc:
        # the states the story names, whose towns its unknown places are looked for first
        named = Counter(m.code for m in doc._.mentions or [] if m.code and m.kind in STATE_KINDS)
        story = [code for code, _ in named.most_common()]
        ner = fallback_mentions(
            doc,
            place_country=functools.partial(country_of, story_countries=story),
            name_words=self.name_words,
        )
        doc._.events = extract_events(
            doc,
            with_unresolved(doc._.mentions or [], ner),
            doc_id=doc._.article_id,
            published=doc._.published,
            lexicon=self.lexicon,
            speaks_for=self.speaks_for,
            matchers=self.matchers,
        )
        return doc


def _speaks_for(actors_files: tuple[str, ...]) -> SpeaksFor | None:
    """Membership tests from the actor knowledge base (None if it cannot be loaded)."""
    try:
        return load_knowledge_base(actors_files).speaks_for
    except AllegianceError as exc:
        log.warning("actor knowledge base unavailable (%s): no stated-support events", exc)
        return None


@Language.factory(
    COMPONENT,
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents", "doc._.mentions"],
    assigns=["doc._.events"],
    default_config={"actors_files": []},
)
def make_event_extractor(nlp: Language, name: str, actors_files: list[str]) -> EventExtractor:
    return EventExtractor(nlp.vocab, actors_files=tuple(actors_files))


def add_to_pipeline(nlp: Language, settings: Settings) -> None:
    """Add the event extractor last (after the actor resolver, which must come first)."""
    if COMPONENT not in nlp.pipe_names:
        config = {"actors_files": [str(p) for p in settings.actors_files]}
        nlp.add_pipe(COMPONENT, last=True, config=config)
    log.debug("events: added %s (settings model %s)", COMPONENT, settings.model)
