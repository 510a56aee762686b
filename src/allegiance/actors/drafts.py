"""The records the resolution steps share: the resolver's context and a mention under
construction (used by ``resolve`` and ``coref``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from allegiance.actors.kb import KnowledgeBase
from allegiance.actors.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Context:
    kb: KnowledgeBase
    lexicon: Lexicon
    published: dt.date | None = None


@dataclass(slots=True)
class Draft:
    """A mention under construction; token offsets, fields filled step by step."""

    start: int
    end: int
    code: str | None = None
    sector: str | None = None
    kind: str | None = None
    wikidata: str | None = None
    person: str | None = None
    role: str | None = None
    key: str | None = None  # KB code of the entry (person, group, organ, country)
    form: str = "name"  # name, demonym, seat, surname, pronoun, description
    plural: bool = False
    gender: str | None = None  # a person's: m, f, or unknown
    extra: dict[str, str] = field(default_factory=dict)
