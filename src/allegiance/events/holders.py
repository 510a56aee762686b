"""A demand for someone's release is made of whoever holds them: "Canadian police arrested
Huawei's Meng Wanzhou ... Beijing has repeatedly demanded her release" asks Canada, and
"Chikwanha was detained on Friday ... Amnesty called for Chikwanha's release" asks the state
that detained him (``events.authority`` reads an arrest by no one named as the home state's).

A pure function of the candidates of one document, in text order: a request that names no
coded recipient and asks for someone's release, freedom or extradition ("demanded the
immediate release of Protasevich", "called for Chikwanha's release", "seek Nazarov's
extradition") takes the coded actors, other than its own, of the nearest earlier arrest,
detention, jailing or seizure of the same person where the request names one (however far
back), else of anyone within ``REACH`` sentences.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from spacy.tokens import Token

from allegiance.events.found import Found
from allegiance.events.noun_phrases import MentionIndex
from allegiance.events.syntax import child, prep_object
from allegiance.models import Mention

RELEASE_NOUNS = frozenset({"release", "freedom", "extradition", "handover"})
HOLDING_ACTS = frozenset({
    "arrest", "detain", "detention", "jail", "jailing", "imprison", "imprisonment", "convict",
    "sentence", "seize", "seizure", "capture", "hold", "abduct", "abduction", "kidnap",
})  # fmt: skip
REACH = 8  # sentences back


def released_noun(found: Found) -> Token | None:
    """The release (freedom, extradition) a request asks for: "demanded the release of X",
    "called for X's release", "seek X's extradition"."""
    verb = found.trigger.verb
    if verb is None or found.trigger.sense.type != "REQUEST":
        return None
    for noun in (child(verb, ("dobj",)), prep_object(verb, ("for",))):
        if noun is not None and noun.lemma_.lower() in RELEASE_NOUNS:
            return noun
    return None


def held_person(noun: Token, index: MentionIndex) -> Mention | None:
    """Whom a release is of: its possessor ("Chikwanha's release") or its "of" object."""
    holder = child(noun, ("poss",)) or prep_object(noun, ("of",))
    return index.at_token(holder) if holder is not None else None


def asks_a_holder(found: Found, index: MentionIndex) -> tuple[Token, Mention | None] | None:
    """The release a request asks for and whom it is of, when the request names no coded
    recipient but the held person and has a coded actor."""
    if not found.actor_codes():
        return None
    noun = released_noun(found)
    if noun is None:
        return None
    held = held_person(noun, index)
    others = [m for m in found.recipients if m.code and (held is None or m.start != held.start)]
    return None if others else (noun, held)


def _same_person(held: Mention | None, taken: Sequence[Mention]) -> bool:
    if held is None or not held.person:
        return True  # "the crew", "him": the nearest holding act
    return any(m.person == held.person for m in taken)


# what a holding act is ("held talks" is no holding)
HOLDING_TYPES = frozenset({"COERCE", "SANCTION", "ASSAULT"})


def _holding(prev: Found) -> bool:
    if prev.trigger.sense.type not in HOLDING_TYPES:
        return False
    verb = prev.trigger.verb
    if verb is not None and any(c.dep_ == "neg" for c in verb.children):
        return False
    return prev.trigger.token.lemma_.lower() in HOLDING_ACTS


def holder_before(earlier: Sequence[Found], found: Found, held: Mention | None) -> list[Mention]:
    """The coded actors, other than ``found``'s, of the nearest earlier holding act of
    ``held`` (of anyone within ``REACH`` sentences where ``held`` names no person)."""
    here = found.trigger.token
    own = found.actor_codes()
    starts = [s.start for s in here.doc.sents]
    here_sentence = bisect.bisect_right(starts, here.i)
    named = held is not None and held.person is not None
    for prev in reversed(earlier):
        there = bisect.bisect_right(starts, prev.trigger.token.i)
        if not named and here_sentence - there > REACH:
            return []
        if not _holding(prev) or not _same_person(held, prev.recipients):
            continue
        holders = [m for m in prev.actors if m.code and m.code not in own]
        if holders:
            return holders
    return []


def with_holders_asked(founds: Sequence[Found], index: MentionIndex) -> list[Found]:
    """Each request for someone's release gets whoever holds them as its recipient."""
    ordered = sorted(founds, key=lambda f: f.trigger.token.i)
    asked: dict[int, list[Mention]] = {}
    for i, found in enumerate(ordered):
        target = asks_a_holder(found, index)
        if target is None:
            continue
        holders = holder_before(ordered[:i], found, target[1])
        if holders:
            asked[id(found)] = holders
    return [dataclasses.replace(f, recipients=asked[id(f)]) if id(f) in asked else f
            for f in founds]  # fmt: skip
