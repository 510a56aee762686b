"""The parties a reciprocal noun names itself: "talks between India and Pakistan", "the
India-Pakistan ceasefire", "a deal between Britain and Mauritius". Both are its actors (PLOVER's
"Compound and Reciprocal Actors"); neither is the other's recipient."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from allegiance.events.noun_phrases import MentionIndex, np_mentions
from allegiance.events.senses import Trigger
from allegiance.events.syntax import child
from allegiance.models import Mention

# the reciprocal acts a noun can name with its two parties; a clash "with" stays directed
# (issue 13: "fighting with" may mean alongside)
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# fighting named with its sides is fought by both: "fighting between Kyrgyz and Tajik forces"
TWO_SIDED_FIGHTING = frozenset(
    {"fighting", "fight", "clash", "battle", "skirmish", "firefight", "gunfight", "hostility"}
)
# a standing relation, not an act: "the strength of the U.S.-Japan alliance"
STANDING_RELATIONS = frozenset({"alliance", "partnership"})


def reciprocal_noun(trig: Trigger) -> bool:
    """A noun naming a meeting, a deal, cooperation, or a ceasefire (agreed by both sides)."""
    sense = trig.sense
    if trig.token.lemma_.lower() in STANDING_RELATIONS:
        return False
    return sense.type in RECIPROCAL_TYPES or sense.mode == "ceasefire" or fighting_noun(trig)


def fighting_noun(trig: Trigger) -> bool:
    return trig.sense.type == "ASSAULT" and trig.token.lemma_.lower() in TWO_SIDED_FIGHTING


def paired_parties(noun: Token, index: MentionIndex, *, one_coded: bool = False) -> list[Mention]:
    """The two or more coded parties of "between X and Y" or of a hyphenated "X-Y" modifier,
    or [] when the noun names fewer than two. With ``one_coded``, two parties of which one has
    a code are enough ("fighting between rebels and C.A.R. forces": a domestic war)."""
    for parties in (_between(noun, index), hyphenated_pair(noun, index)):
        codes = {m.code for m in parties if m.code}
        if len(codes) >= 2 or (one_coded and codes and _sides(noun, parties) >= 2):
            return parties
    return []


def _between_object(noun: Token) -> Token | None:
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "between":
            return child(prep, ("pobj",))
    return None


def _between(noun: Token, index: MentionIndex) -> list[Mention]:
    obj = _between_object(noun)
    return np_mentions(obj, index) if obj is not None else []


def _sides(noun: Token, parties: list[Mention]) -> int:
    """How many sides are named, coded or not ("between rebels and C.A.R. forces": two)."""
    obj = _between_object(noun)
    return max(len(parties), 1 + len(obj.conjuncts) if obj is not None else 0)


MODIFIERS = frozenset({"compound", "amod", "nmod"})


def hyphenated_pair(noun: Token, index: MentionIndex) -> list[Mention]:
    """ "India-Pakistan talks": the parser hangs "India" and "-" under "Pakistan", or both names
    and the dash side by side under the noun ("the China-Pakistan Economic Corridor")."""
    doc = noun.doc
    for second in noun.children:
        if second.dep_ not in MODIFIERS or second.i > noun.i or second.i < 2:
            continue
        if doc[second.i - 1].text not in {"-", "–"}:
            continue
        first = doc[second.i - 2]
        under_second = first.head == second and first.dep_ in MODIFIERS
        side_by_side = first.head == noun and first.dep_ in MODIFIERS
        if under_second or side_by_side:
            pair = [index.at_token(first), index.at_token(second)]
            return [m for m in pair if m is not None]
    return []


def parties_of_the_noun(trig: Trigger, index: MentionIndex) -> list[Mention]:
    """The parties a reciprocal noun names ("between X and Y", "X-Y"), when it is the
    trigger of a light verb ("held talks"), what a mutual verb with no subject of its own
    acts on ("the deal ... was signed"), or fighting the parser reads as a gerund."""
    verb = trig.verb
    assert verb is not None
    if trig.token != verb:
        return paired_parties(trig.token, index) if reciprocal_noun(trig) else []
    if fighting_noun(trig):  # "Fighting between X and Y continued": the parser's gerund
        return paired_parties(verb, index, one_coded=True)
    noun = child(verb, ("nsubjpass", "dobj"))
    return paired_parties(noun, index) if trig.sense.mutual and noun is not None else []


def as_mutual(trig: Trigger) -> Trigger:
    return dataclasses.replace(trig, sense=dataclasses.replace(trig.sense, mutual=True))
