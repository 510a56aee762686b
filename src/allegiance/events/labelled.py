"""Events of calling something a bad name: "Human Rights Watch called the decree 'a blatant
attempt to silence critics'", "Venezuela described the exercises as 'a provocation'". Naming
what someone is or did with a word of blame is a verbal disapproval (PLOVER ACCUSE) of that
party; the label is the evidence, the labelling verb's clause gives the factuality."""

from __future__ import annotations

from spacy.tokens import Token

from allegiance.events.found import Found
from allegiance.events.lexicon import Lexicon, Sense
from allegiance.events.noun_phrases import MentionIndex, distinct, np_mentions
from allegiance.events.participants import verb_actors
from allegiance.events.reported import evaluated
from allegiance.events.senses import Trigger
from allegiance.events.syntax import child, prep_object
from allegiance.models import Mention

DISAPPROVE = Sense(type="ACCUSE", mode="disapprove")
PERSONAL = frozenset({"him", "her"})


def label_of(verb: Token) -> Token | None:
    """The name given: "called the vote *a sham*" (the parser's object predicate), "described
    the plan *as* a betrayal"."""
    named = child(verb, ("oprd",))
    return named if named is not None else prep_object(verb, ("as",))


def labelled_party(obj: Token, index: MentionIndex) -> list[Mention]:
    """Who is named, or whose named thing it is: "called *him*", "called *China's* deal",
    "called the decision *by NATO*". "Calling *it* a provocation" names an act, not the party
    a pronoun may have been resolved to."""
    if obj.pos_ == "PRON" and obj.lower_ not in PERSONAL:
        return []
    named = np_mentions(obj, index)
    if named:
        return named
    owner = child(obj, ("poss",))
    if owner is None:
        owner = prep_object(obj, ("by",))
    return np_mentions(owner, index) if owner is not None else []


def labelled_events(verb: Token, index: MentionIndex, lex: Lexicon) -> list[Found]:
    """The disapproval of one who calls a party, or what it did, a word of blame; [] where the
    label is not one (a "key partner" or a "summit" names no wrong)."""
    if verb.lemma_.lower() not in lex.label_verbs:
        return []
    obj, label = child(verb, ("dobj",)), label_of(verb)
    blame = evaluated(label, lex) if label is not None else None
    if obj is None or blame is None or lex.evaluative[blame.lemma_.lower()] != "negative":
        return []
    actors = verb_actors(verb, index, lex)
    if not actors:
        return []
    recipients = distinct(labelled_party(obj, index), actors)
    trig = Trigger(verb, DISAPPROVE, verb=verb, consumed=(verb.i, blame.i))
    return [Found(trig, actors, recipients)]
