"""A trigger with its participants: the record the extraction steps pass between them
(``extract`` finds them, ``attach`` adds their details, ``stance`` reads them)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from allegiance.events.senses import Trigger
from allegiance.models import Mention


@dataclass(slots=True)
class Found:
    """A trigger with its participants, before the Event records are built."""

    trigger: Trigger
    actors: list[Mention]
    recipients: list[Mention]
    attributed_to: Mention | None = None
    factuality: str | None = None  # set by a special rule; else computed
    extra_confidence: float = 0.0
    presupposed: bool = False  # a noun event with its own actor

    def actor_codes(self) -> frozenset[str]:
        """The codes of the actors that have one."""
        return frozenset(m.code for m in self.actors if m.code)


def without(found: Found, dropped: Callable[[Mention], bool], *, actors: bool = False) -> Found:
    """``found`` without the recipients (and, with ``actors``, the actors) ``dropped`` picks
    out; itself when there are none."""
    recipients = [m for m in found.recipients if not dropped(m)]
    kept_actors = [m for m in found.actors if not dropped(m)] if actors else found.actors
    if len(recipients) == len(found.recipients) and len(kept_actors) == len(found.actors):
        return found
    return dataclasses.replace(found, actors=kept_actors, recipients=recipients)
