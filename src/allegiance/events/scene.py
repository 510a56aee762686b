"""Where something is, and whom a word relates to, are not the parties of an act.

"voiced concern over the violence in Israel": Israel is where the violence is, not whom the
concern is aimed at. "gives military support to Chinese rivals": the rivals are China's
rivals, not China. "a mercenary from Belarus stands accused of the bombing": where a private
person comes from does not make the state act (troops or officials from a state do act for
it, and the resolver reads them whole: "troops from Rwanda").
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from allegiance.events.found import Found, without
from allegiance.events.noun_phrases import mention_root
from allegiance.events.syntax import modified_noun
from allegiance.models import Mention

# a state of affairs somewhere: "the violence in Israel", "the situation in Sudan"
SITUATIONS = frozenset({
    "violence", "situation", "unrest", "crisis", "tension", "turmoil", "instability",
    "chaos", "bloodshed", "escalation", "development", "insecurity", "fighting",
})  # fmt: skip
# force is used where it lands: "clashes in Beirut" keeps its place for these
PLACE_TAKING_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "RETREAT"})
SCENE_PREPS = frozenset({"in", "inside", "across", "around"})
# people who act for themselves wherever they come from: "a mercenary from Belarus"
PRIVATE_PERSONS = frozenset({
    "mercenary", "man", "woman", "citizen", "national", "tourist", "student", "businessman",
    "businesswoman", "worker", "migrant", "refugee", "resident", "passenger", "volunteer",
})  # fmt: skip
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
    return without(found, lambda m: _scene_of_situation(doc, m))


def counterparts_kept_out(found: Found) -> Found:
    """``found`` without nationality words that name the other side of a relation ("gives
    support to Chinese rivals")."""
    doc = found.trigger.token.doc
    return without(found, lambda m: _counterpart_modifier(doc, m), actors=True)


def origins_kept_out(found: Found) -> Found:
    """``found`` without the actors that are only the countries its private persons come from
    (a victim's country stays: "killed two tourists from China")."""
    doc = found.trigger.token.doc
    actors = [m for m in found.actors if not _origin_of_a_person(doc, m)]
    return found if len(actors) == len(found.actors) else dataclasses.replace(found, actors=actors)


def _origin_of_a_person(doc: Doc, mention: Mention) -> bool:
    root = mention_root(doc, mention)
    if root is None or root.dep_ != "pobj" or root.head.lower_ != "from":
        return False
    person = root.head.head
    return person.pos_ == "NOUN" and person.lemma_.lower() in PRIVATE_PERSONS


def _scene_of_situation(doc: Doc, mention: Mention) -> bool:
    root = mention_root(doc, mention)
    if root is None:
        return False
    root = modified_noun(root)
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in SCENE_PREPS:
        return False
    return prep.head.lemma_.lower() in SITUATIONS


def _counterpart_modifier(doc: Doc, mention: Mention) -> bool:
    root = mention_root(doc, mention)
    if root is None or root.dep_ not in {"amod", "compound"}:
        return False
    return root.head.lemma_.lower() in COUNTERPARTS and root.head.pos_ == "NOUN"
