"""One happening named again by its noun: "BLA demanded the release of political prisoners ...
Officials have not publicly responded to BLA's demands." The second names the first again; it
is not a second demand (one record per happening, as the gold keeps it).

A pure function of a document's verified events: an event whose trigger is a noun with a
possessor or a definite determiner ("BLA's demands", "the attack") gives way to another event
of the story with the same type, factuality and coded parties and at least its confidence. The
best-supported event of each such key stays, so every key keeps its confidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from allegiance.doc import trigger_span
from allegiance.events.syntax import DEFINITE
from allegiance.models import Event

Key = tuple[str, str, frozenset[str], frozenset[str], bool]


def event_key(event: Event) -> Key | None:
    """Type, factuality and coded parties; None for an event with no coded party."""
    actors = frozenset(m.code for m in event.actor if m.code)
    recipients = frozenset(m.code for m in event.recipient if m.code)
    if not actors and not recipients:
        return None
    return event.event, event.factuality, actors, recipients, event.mutual


def named_again(event: Event, doc: Doc) -> bool:
    """Whether the trigger is a noun its possessor or a definite determiner points back with."""
    span = trigger_span(doc, event)
    if span is None:
        return False
    root = span.root
    if root.pos_ != "NOUN":
        return False
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in root.children
    )


def without_restatements(events: Sequence[Event], doc: Doc) -> list[Event]:
    """``events`` without the nouns that name again a happening told with as much confidence."""
    best: dict[Key, Event] = {}
    for event in events:
        key = event_key(event)
        if key is not None and (key not in best or event.confidence > best[key].confidence):
            best[key] = event
    return [
        e
        for e in events
        if (key := event_key(e)) is None or best[key] is e or not named_again(e, doc)
    ]
