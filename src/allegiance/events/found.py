"""A trigger with its participants: the record the extraction steps pass between them
(``extract`` finds them, ``attach`` adds their details, ``stance`` reads them)."""

from __future__ import annotations

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
