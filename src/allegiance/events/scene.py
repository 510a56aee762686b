"""Where something is, and whom a word relates to, are not the parties of an act.

"voiced concern over the violence in Israel": Israel is where the violence is, not whom the
concern is aimed at. "gives military support to Chinese rivals": the rivals are China's
rivals, not China.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from spacy.tokens import Doc, Token

from allegiance.events.found import Found
from allegiance.events.participants import mention_root
from allegiance.models import Mention

# a state of affairs somewhere: "the violence in Israel", "the situation in Sudan"
SITUATIONS = frozenset({
    "violence", "situation", "unrest", "crisis", "tension", "turmoil", "instability",
    "chaos", "bloodshed", "escalation", "development", "insecurity", "fighting",
})  # fmt: skip
# force is used where it lands: "clashes in Beirut" keeps its place for these
PLACE_TAKING_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "RETREAT"})
SCENE_PREPS = frozenset({"in", "inside", "across", "around"})
# nouns naming the other side of a relation: "Chinese rivals" are China's rivals
COUNTERPARTS = frozenset({
    "rival", "enemy", "foe", "adversary", "opponent", "competitor", "critic",
})  # fmt: skip


def scene_kept_out(found: Found) -> Found:
    """``found`` without recipients that only say where a situation is ("concern over the
    violence in Israel"), for acts that do not land on a place."""
    if found.trigger.sense.type in PLACE_TAKING_TYPES:
        return found
    doc = found.trigger.token.doc
    return _without(found, lambda m: _scene_of_situation(doc, m), actors=False)


def counterparts_kept_out(found: Found) -> Found:
    """``found`` without nationality words that name the other side of a relation ("gives
    support to Chinese rivals")."""
    doc = found.trigger.token.doc
    return _without(found, lambda m: _counterpart_modifier(doc, m), actors=True)


def _scene_of_situation(doc: Doc, mention: Mention) -> bool:
    root = mention_root(doc, mention)
    if root is None:
        return False
    root = _up_through_modifiers(root)
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in SCENE_PREPS:
        return False
    return prep.head.lemma_.lower() in SITUATIONS


def _up_through_modifiers(token: Token) -> Token:
    """ "in Qatar's capital": from the modifier up to the noun the preposition governs."""
    while token.dep_ in {"poss", "compound", "amod", "nmod"} and token.head != token:
        token = token.head
    return token


def _counterpart_modifier(doc: Doc, mention: Mention) -> bool:
    root = mention_root(doc, mention)
    if root is None or root.dep_ not in {"amod", "compound"}:
        return False
    return root.head.lemma_.lower() in COUNTERPARTS and root.head.pos_ == "NOUN"


def _without(found: Found, drop: Callable[[Mention], bool], *, actors: bool) -> Found:
    recipients = [m for m in found.recipients if not drop(m)]
    kept_actors = [m for m in found.actors if not drop(m)] if actors else found.actors
    if len(recipients) == len(found.recipients) and len(kept_actors) == len(found.actors):
        return found
    return dataclasses.replace(found, actors=kept_actors, recipients=recipients)
