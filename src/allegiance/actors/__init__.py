"""Actors: knowledge base and resolution of mentions (see issue 3).

``add_to_pipeline`` puts an entity ruler built from the knowledge base before "ner" and the
resolver after it; the resolver sets ``doc._.mentions`` (``list[Mention]``, sorted by start).

``Mention.kind`` is one of: country (names and demonyms: "Ukraine", "North Korean troops"),
capital (capitals and seats of power: "Washington", "the Pentagon"), region ("Darfur rebels"),
igo (organisations and their organs, coded as the parent: "Security Council" -> UN), group
(non-state groups, coded with their country: Hamas -> PSE/REB; transnational ones keep their
own code: ISIL, AQ), organisation (e.g. ICRC), person (``code`` = the country or organisation
the person acts for on ``doc._.published``, ``role`` the office). Pronouns ("he", "it",
"they") and definite descriptions ("the alliance") are mentions carrying their antecedent's
fields. Places that are not actors ("Kursk") are entities (GPE/LOC) but not mentions.
"""

from __future__ import annotations

from spacy.language import Language

from allegiance.actors.components import RESOLVER, RULER
from allegiance.actors.fallback import fallback_mentions, with_unresolved
from allegiance.actors.kb import KnowledgeBase, role_on
from allegiance.actors.loader import load_knowledge_base
from allegiance.settings import Settings

__all__ = [
    "RESOLVER",
    "RULER",
    "KnowledgeBase",
    "add_to_pipeline",
    "fallback_mentions",
    "load_kb",
    "role_on",
    "to_gold_code",
    "with_unresolved",
]


def add_to_pipeline(nlp: Language, settings: Settings) -> None:
    """Add the entity ruler (before "ner", if any) and the resolver (after it)."""
    files = [str(p) for p in settings.actors_files]
    load_kb(settings)  # fail early, with a ConfigError, on a bad user file
    config = {"actors_files": files}
    if RULER in nlp.pipe_names or RESOLVER in nlp.pipe_names:
        return  # already there (idempotent)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(RULER, before="ner", config=config)
        nlp.add_pipe(RESOLVER, after="ner", config=config)
    else:
        nlp.add_pipe(RULER, config=config)
        nlp.add_pipe(RESOLVER, config=config)


def load_kb(settings: Settings | None = None) -> KnowledgeBase:
    """The knowledge base: shipped data plus ``settings.actors_files`` (cached)."""
    files = tuple(str(p) for p in settings.actors_files) if settings else ()
    return load_knowledge_base(files)


def to_gold_code(code: str | None, kb: KnowledgeBase) -> str | None:
    """Our code in the CAMEO conventions of the PLOVER gold (NATO -> IGO, JPN -> JAP)."""
    if code is None:
        return None
    if code in kb.gold_codes:
        return kb.gold_codes[code]
    actor = kb.get(code)
    if actor is not None and actor.kind == "igo":
        return kb.gold_codes.get("@igo", "IGO")
    return code
