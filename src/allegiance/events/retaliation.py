"""Threats told as a response to come: "the army would respond with full force to any Indian
misadventure", "Seoul would respond strongly if the North took further military action",
"Moscow would respond in kind". Announcing a forceful answer is a threat (PLOVER THREATEN)
against whoever would provoke it; a response told without force ("will respond to the letter")
or that has happened ("responded by expelling") is none."""

from __future__ import annotations

from spacy.tokens import Token

from allegiance.events.found import Found
from allegiance.events.lexicon import Lexicon, Sense
from allegiance.events.noun_phrases import MentionIndex, all_mentions_in, distinct
from allegiance.events.participants import verb_actors
from allegiance.events.senses import Trigger
from allegiance.events.syntax import OWN_SUBJECTS, child, prep_object, told_to_come
from allegiance.models import Mention

THREATEN = Sense(type="THREATEN")
VOWING = frozenset({"vow", "warn", "threaten", "pledge", "promise"})


def _to_come(verb: Token) -> bool:
    """ "would respond", "vowed to respond"."""
    if told_to_come(verb):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in VOWING


def _forceful(verb: Token, lex: Lexicon) -> bool:
    """ "decisively", "in kind", "with full force", "in an appropriate manner"."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in lex.response_manners:
            return True
        obj = child(c, ("pobj",)) if c.dep_ == "prep" and c.lower_ in {"in", "with"} else None
        if obj is not None and obj.lemma_.lower() in lex.response_manners:
            return True
    return False


def _provocation(verb: Token, lex: Lexicon) -> Token | None:
    """What the response answers, when it is a provocation: "to any Indian misadventure"."""
    answered = prep_object(verb, ("to",))
    if answered is not None and answered.lemma_.lower() in lex.response_provocations:
        return answered
    return None


def _provoker(verb: Token, index: MentionIndex, lex: Lexicon) -> list[Mention]:
    """Whose provocation is answered: the party in it ("to any Indian misadventure"), else the
    subject of the "if" clause ("if the North took action")."""
    answered = _provocation(verb, lex)
    if answered is not None:
        return all_mentions_in(answered, index)
    for clause in verb.children:
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        subject = child(clause, OWN_SUBJECTS) if "if" in marks else None
        if subject is not None:
            return all_mentions_in(subject, index)
    return []


def response_threats(verb: Token, index: MentionIndex, lex: Lexicon) -> list[Found]:
    """The threat of a forceful response announced by the verb's subject, made now."""
    if verb.lemma_.lower() not in lex.response_verbs or not _to_come(verb):
        return []
    if any(c.dep_ == "neg" for c in verb.children):  # "would not respond"
        return []
    if _provocation(verb, lex) is None and not _forceful(verb, lex):
        return []
    actors = verb_actors(verb, index, lex)
    if not actors:
        return []
    trig = Trigger(verb, THREATEN, verb=verb, consumed=(verb.i,))
    recipients = distinct(_provoker(verb, index, lex), actors)
    # the threat is made now, whatever the response's own tense
    return [Found(trig, actors, recipients, factuality="asserted")]
