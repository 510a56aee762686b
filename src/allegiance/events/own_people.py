"""What a state's police, courts or army, or a rebel group, do to people the story names only as
people is done to that country's own people: "Police arrested 17 people", "soldiers fired on
crowds", "prosecutors charged him", "militants attacked a village". CAMEO and the guidelines
code a domestic act by the country on both sides; without this, the act has no recipient.

Only in a sentence that names no other party than the actor's country (a sentence that names
another one may tell of an act abroad), only for acts a state's own forces or rebels do at
home, and only on a common noun of people or places, a number ("arrested seven") or a personal
pronoun: a name the knowledge base does not know may be a foreigner and is left alone. A pure
function of the candidate, its parse and the mentions.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from allegiance.events.found import Found
from allegiance.events.noun_phrases import OBJECT_PRONOUNS, MentionIndex
from allegiance.events.senses import direct_object
from allegiance.events.syntax import prep_object
from allegiance.models import Mention

# the types each kind of domestic actor does to its own people
HOME_ACTS = {
    "COP": frozenset({"COERCE", "ASSAULT"}),
    "JUD": frozenset({"COERCE", "ACCUSE", "SANCTION"}),
    "MIL": frozenset({"COERCE", "ASSAULT"}),
    "REB": frozenset({"ASSAULT", "COERCE"}),
    "GOV": frozenset({"COERCE"}),
}
PEOPLE_AND_PLACES = frozenset({
    "people", "person", "protester", "protestor", "demonstrator", "civilian", "resident",
    "citizen", "villager", "crowd", "activist", "journalist", "student", "worker", "farmer",
    "man", "woman", "child", "youth", "family", "supporter", "member", "leader", "critic",
    "opponent", "dissident", "politician", "lawmaker", "official", "prisoner", "inmate",
    "detainee", "suspect", "soldier", "policeman", "officer", "village", "town", "neighbourhood",
    "neighborhood", "district", "camp", "marcher", "migrant", "refugee", "worshipper",
    "passenger", "hostage", "candidate",
})  # fmt: skip
# nouns that count or group people: what their "of" names is acted on
GROUPINGS = frozenset({"column", "group", "hundred", "thousand", "dozen", "crowd"})
TARGET_PREPS = ("on", "at", "against")
# what force is used to do to a crowd ("to disperse them", "to break up a rally", "to clear
# protesters", "to keep demonstrators away")
DISPERSING = frozenset({"disperse", "scatter", "clear", "break", "push", "keep", "drive",
                        "repel", "separate"})  # fmt: skip


def own_people_acted_on(found: Found, index: MentionIndex) -> Found:
    """``found`` with the people it acts on coded as the actor's own, where it names them only
    as people; itself otherwise."""
    code = _home_actor(found)
    if code is None or found.recipients:
        return found  # a recipient named, coded or not ("arrested Meng Wanzhou")
    target = _people_acted_on(found)
    if target is None or names_others(target, code, index):
        return found
    sentence = next((m.sentence_index for m in found.actors if m.code), None)
    return dataclasses.replace(found, recipients=[people_mention(target, code, sentence)])


def _home_actor(found: Found) -> str | None:
    """The one code of a candidate whose coded actors are a domestic force doing a home act."""
    coded = [m for m in found.actors if m.code]
    codes = {m.code for m in coded}
    if len(codes) != 1 or found.trigger.verb is None:
        return None
    kind = found.trigger.sense.type
    if not all(kind in HOME_ACTS.get(m.sector or "", ()) for m in coded):
        return None
    return coded[0].code


def _people_acted_on(found: Found) -> Token | None:
    """The people the act's object names, or, past an object that is no people ("fired tear
    gas at crowds"), those its "on", "at" or "against" names."""
    verb = found.trigger.verb
    if verb is None:
        return None
    for target in (direct_object(verb), prep_object(verb, TARGET_PREPS), _dispersed(verb)):
        people = people_named(target)
        if people is not None:
            return people
    return None


def _dispersed(verb: Token) -> Token | None:
    """Whom an act was done to disperse: "police used tear gas to disperse hundreds of
    students" acts on the students."""
    for clause in (c for c in verb.children if c.dep_ in {"xcomp", "advcl"}):
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        if to and clause.lemma_.lower() in DISPERSING:
            return direct_object(clause)
    return None


def people_named(target: Token | None) -> Token | None:
    """The head of ``target`` when it names people only as people ("17 people", "hundreds of
    students", "them"), else None."""
    if target is not None and target.lemma_.lower() in GROUPINGS:
        # "columns of marchers", "hundreds of students"
        target = prep_object(target, ("of",)) or target
    if target is None:
        return None
    if target.pos_ == "PRON":
        return target if target.lower_ in OBJECT_PRONOUNS else None
    if target.pos_ == "NUM" or target.lemma_.lower() in PEOPLE_AND_PLACES:
        return target if target.pos_ in {"NOUN", "NUM"} else None
    return None


def names_others(target: Token, code: str, index: MentionIndex) -> bool:
    """Whether the target's sentence names a party other than the actor's country."""
    sent = target.sent
    start, end = sent.start_char, sent.end_char
    return any(m.code and m.code != code for m in index.within(start, end))


def people_mention(target: Token, code: str, sentence: int | None) -> Mention:
    first = target.left_edge if target.pos_ != "PRON" else target
    doc = target.doc
    start, end = first.idx, target.idx + len(target)
    return Mention(doc.text[start:end], start, end, code=code, sector="CVL", kind="domestic",
                   sentence_index=sentence)  # fmt: skip
