"""Who does what a noun names when the noun names no one: the verb it hangs on tells.

"engaged in ethnic cleansing" is the subject's; "Pakistan blamed India for the attack" and
"Somalia asked Kenya for military assistance" are the object's (the one asked gives to the
asker); "Al-Shabab claimed responsibility for the bombing" is the claimant's; "China has yet to
respond to the request" is not China's but aimed at it ("India responded with an airstrike" is
India's); "sent troops at the request of the government" is the government's, made of the
sender.
"""

from __future__ import annotations

from spacy.tokens import Token

from allegiance.events.lexicon import Lexicon
from allegiance.events.noun_phrases import MentionIndex, np_mentions
from allegiance.events.participants import verb_actors
from allegiance.events.syntax import child, prep_object
from allegiance.models import Mention


def actors_from_above(
    noun: Token, index: MentionIndex, lex: Lexicon
) -> tuple[list[Mention], list[Mention]]:
    """(actors, whom it is aimed at) of a noun event with no actor of its own, read from the
    verb it hangs on."""
    verb = _verb_above(noun, lex)
    if verb is None:
        return _claimed_by(noun, index, lex), []
    if verb.lemma_.lower() in RESPONDING and _answered(noun, verb):
        # "China has yet to respond to the request": asked of the responder, not made by it
        return [], verb_actors(verb, index, lex)
    doer = _object_it_is_done_by(noun, verb, index)
    if doer:
        asker = verb_actors(verb, index, lex) if verb.lemma_.lower() in ASKING_FOR else []
        return doer, asker
    actors = verb_actors(verb, index, lex)
    patient = child(verb, ("nsubjpass",))
    if not actors and patient is not None and verb.lemma_ not in lex.verbs:
        # "were engaged in ethnic cleansing" (but not "was killed in an airstrike")
        actors = np_mentions(patient, index)
    return actors, []


# verbs of answering what someone else did: their subject is whom it was aimed at
RESPONDING = frozenset({"respond", "reply", "react"})


def _answered(noun: Token, verb: Token) -> bool:
    """ "respond to the request" answers the request; "responded with an airstrike" is the
    responder's own act."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head == verb


# verbs whose object is asked or thanked for what the "for" phrase names: its subject gets it
ASKING_FOR = frozenset({"ask", "thank", "appeal", "press", "petition"})


def _object_it_is_done_by(noun: Token, verb: Token, index: MentionIndex) -> list[Mention]:
    """ "Pakistan blamed India for the attack", "Somalia asked Kenya for military assistance",
    "thanked them for their help": what the "for" phrase names is done by the verb's object,
    not its subject."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.head.head != verb:
        return []
    obj = child(verb, ("dobj",))
    if obj is None and verb.lemma_.lower() in APPEALING_TO:
        obj = prep_object(verb, ("to",))  # "appealed to the CSTO for help": the CSTO helps
    return np_mentions(obj, index) if obj is not None else []


# verbs whose "to" phrase names the one asked: "appealed to the CSTO for help"
APPEALING_TO = frozenset({"appeal"})


# "claimed responsibility for the bombing": who claims it did it
CLAIMED = frozenset({"responsibility", "credit"})
CLAIMING = frozenset({"claim", "take", "accept", "admit", "assume", "bear"})


def _claimed_by(noun: Token, index: MentionIndex, lex: Lexicon) -> list[Mention]:
    """The actors of an act someone claims responsibility for: "Al-Shabab claimed
    responsibility for the bombing" (not one who denies it)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() not in CLAIMED:
        return []
    claim = prep.head
    verb = claim.head
    if claim.dep_ != "dobj" or verb.lemma_.lower() not in CLAIMING:
        return []
    return verb_actors(verb, index, lex)


def _verb_above(noun: Token, lex: Lexicon) -> Token | None:
    """The verb a noun is the object of, directly or through a preposition ("engaged in X")."""
    head = noun.head
    if noun.dep_ in {"dobj", "attr"} and head.pos_ in {"VERB", "AUX"}:
        lemma = head.lemma_.lower()
        carriers = (lex.light_verbs, lex.transfer_verbs, lex.deliberation_verbs)
        return head if any(lemma in verbs for verbs in carriers) else None
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        return head.head
    return None


# nouns of asking whose "of" or possessor names the asker when something is done "at" them
ASKINGS = frozenset({"request", "behest", "invitation", "urging", "insistence"})
AT_PREPS = frozenset({"at", "upon", "on"})


def done_at_the_asking(
    noun: Token, index: MentionIndex, lex: Lexicon
) -> tuple[list[Mention], list[Mention]] | None:
    """(askers, asked) of "France sent troops to Mali at the request of the government in
    Bamako", "at Kyiv's invitation": the one whose request it was asked the doer of the verb
    the phrase hangs on; None where the noun is not so used."""
    prep = noun.head
    if noun.lemma_.lower() not in ASKINGS or noun.dep_ != "pobj" or prep.lower_ not in AT_PREPS:
        return None
    owner = child(noun, ("poss",))
    owner = owner if owner is not None else prep_object(noun, ("of",))
    askers = np_mentions(owner, index) if owner is not None else []
    verb = prep.head
    if not askers or verb.pos_ not in {"VERB", "AUX"}:
        return None
    return askers, verb_actors(verb, index, lex)
